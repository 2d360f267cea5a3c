// @ts-check
// The Optimization panel (是否优化？→ 模型优化): the "Optimize?" diagnosis of the last run, and a
// hyper-parameter search run in navigator.hardwareConcurrency − 1 (≥ 1) search workers, with a
// live sortable table of trials, a progress bar, stop / resume at any time, successive halving
// run rung by rung (each trial goes on in the worker that holds it), and "Apply best" with the runs
// before and after side by side.
// Export: mount(root, app) — app is www/app.js's App. Text from data goes in as text only.
import { core, say } from '../i18n.js';
import { diagnosisMessages } from '../text/diagnosis.js';
import { el, fmt } from '../ui.js';
import { loadWasm } from '../wasm.js';
import { compareRuns, lossCurves } from './compare.js';
import { searchForm } from './search_form.js';

/** @import {App} from '../app.js' */
/** @import {DeepReadonly, Diagnosis, Evaluation, Experiment} from '../types.js' */
/** @import {SearchConfig, SearchReply, SearchRequest, Settings, TrialResult} from '../types_workers.js' */
/** @template {SearchRequest['type']} T @typedef {Extract<SearchRequest, {type: T}>} SearchRequestOf */
/** @typedef {TrialResult & {worker: number, rung: number, done: boolean}} Row a trial result, the worker that ran it, the rung it reached and whether it has epochs left */

/**
 * A tiny loss curve: training (blue) and validation (orange) on one scale.
 * @param {TrialResult} result
 */
const sparkline = (result) => lossCurves(result.loss ?? [], result.val_loss ?? [], 90, 22);

/**
 * The diagnosis box: verdict, the sentence with the numbers, suggestions.
 * @param {HTMLElement} box
 * @param {Diagnosis} d
 * @param {readonly import('../types.js').EpochRecord[]} history the run diagnosed
 */
function showDiagnosis(box, d, history) {
  box.dataset.verdict = d.verdict;
  // The number the baseline row of a search shows (the same run).
  box.dataset.valLoss = String(d.numbers.last_val_loss ?? '');
  box.dataset.optimize = String(d.optimize);
  const { message, suggestions } = diagnosisMessages(d, history);
  box.replaceChildren(
    el('strong', { t: ['opt.headline', { answer: { key: d.optimize ? 'opt.yes' : 'opt.no' }, verdict: { key: `opt.${d.verdict}` } }] }),
    el('p', { t: [message.key, message.params] }),
    el('ul', {}, ...suggestions.map((s) => el('li', { t: [s.key, s.params] }))));
}

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export async function mount(root, app) {
  const { defaultSearch, diagnoseRun, applySettings, halvingSurvivors } = await loadWasm();
  const defaults = /** @type {SearchConfig} */ (defaultSearch());
  const form = searchForm(defaults);
  const workerCount = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
  /** @param {string} id @param {string} text @param {string} [cls] */
  const btn = (id, text, cls = '') => el('button', { className: cls, type: 'button', dataset: { testid: id }, t: text });
  const [startBtn, stopBtn, resumeBtn, applyBtn, suggestBtn] = [btn('search-start', 'opt.start', 'primary'),
    btn('search-stop', 'opt.stop'), btn('search-resume', 'opt.resume'), btn('search-apply', 'opt.apply'),
    btn('search-suggested', 'opt.suggested')];
  const diagnosis = el('div', { dataset: { testid: 'optimize-diagnosis' } }, el('span', { t: 'opt.trainFirst' }));
  const progress = el('progress', { value: 0, max: 1, dataset: { testid: 'search-progress' } });
  const status = el('p', { className: 'note', dataset: { testid: 'search-status', state: 'idle' }, t: ['opt.workers', { n: workerCount }] });
  const note = el('p', { className: 'note', dataset: { testid: 'search-note' } });
  const compare = el('div');
  const thead = el('thead');
  const tbody = el('tbody');
  root.replaceChildren(el('div', { className: 'kopt' },
    diagnosis, form.el,
    el('div', { className: 'buttons' }, startBtn, stopBtn, resumeBtn, applyBtn, suggestBtn),
    progress, status, note, el('table', { dataset: { testid: 'search-table' } }, thead, tbody), compare));

  /**
   * The search's state (this panel's own): its document, the experiment and data it runs on, the
   * planned trials, results by index (-1 = the baseline), the workers and the trials still to run;
   * with pruning the rung under way and its trials (`alive`), runs done and in flight, idle workers;
   * the run diagnosed before "Apply best" and the settings applied.
   * @type {{config: SearchConfig | null, experiment: DeepReadonly<Experiment> | null, load: SearchRequestOf<'init'>['load'] | null,
   *   plan: Settings[] | null, results: Map<number, Row>, workers: Worker[],
   *   next: number[], running: boolean, sort: [string, number], lastDiagnosis: Diagnosis | null,
   *   rung: number, alive: number[], done: number, inflight: number, idle: [Worker, number][],
   *   before: {history: import('../types.js').EpochRecord[], diagnosis: Diagnosis, settings: Settings} | null}}
   */
  const s = { config: null, experiment: null, load: null, plan: null, results: new Map(), workers: [], next: [], running: false, sort: ['score', 1], lastDiagnosis: null,
    rung: 0, alive: [], done: 0, inflight: 0, idle: [], before: null };

  /** @param {string} state @param {string} key @param {import('../i18n.js').Params} [params] */
  const setStatus = (state, key, params) => { status.dataset.state = state; say(status, key, params); };
  /** Every run of the plan by index: the baseline (-1) first when the search scores it. */
  const runs = () => [...(s.config?.baseline !== false ? [-1] : []), ...(s.plan ?? []).map((_, j) => j)];
  const rungs = () => s.config?.pruning?.rungs ?? 1;
  /** Runs in all: those done, queued and under way, and ceil(n / eta) of the rung's n trials at each further rung. */
  const total = () => {
    let [n, all] = [s.alive.length, s.done + s.next.length + s.inflight];
    for (let r = s.rung + 1; r < rungs(); r++) all += (n = Math.ceil(n / (s.config?.pruning?.eta ?? 3)));
    return s.plan ? all : 0;
  };
  /** The best trial: the lowest validation loss, the first on a tie (the baseline and pruned trials never count). */
  const best = () => [...s.results.values()].filter((r) => r.index !== null && r.score !== null && !r.pruned)
    .sort((a, b) => Number(a.score) - Number(b.score) || Number(a.index) - Number(b.index))[0];
  const buttons = () => {
    const remaining = s.plan && s.done < total();
    startBtn.disabled = s.running;
    stopBtn.disabled = !s.running;
    resumeBtn.disabled = s.running || !remaining;
    applyBtn.disabled = s.running || !best();
    suggestBtn.disabled = !s.lastDiagnosis?.vary.length;
  };

  function render() {
    const knobs = Object.keys(s.config?.vary ?? {});
    const k = s.config?.validation.method === 'kfold' ? s.config.validation.k : 0;
    /** @type {[string, import('../ui.js').Text][]} */
    const cols = [['index', 'opt.colIndex'], ['score', k ? ['opt.colScoreKfold', { k }] : 'opt.colScore'], ['val_accuracy', 'opt.colAccuracy'],
      ['trained', 'opt.colEpochs'], ...knobs.map((k) => /** @type {[string, string]} */ ([k, `knob.${k}`])), ['curve', 'opt.colCurve']];
    thead.replaceChildren(el('tr', {}, ...cols.map(([key, label]) => {
      const th = el('th', { dataset: { key }, tAttr: key === 'score' ? { title: 'opt.colScoreHelp' } : undefined },
        el('span', { t: label }), s.sort[0] === key ? (s.sort[1] > 0 ? ' ▲' : ' ▼') : '');
      if (key !== 'curve') th.onclick = () => { s.sort = [key, s.sort[0] === key ? -s.sort[1] : 1]; render(); };
      return th;
    })));
    /** @param {Row} r @param {string} key */
    const value = (r, key) => (key === 'trained' ? r.epochs : key in r ? /** @type {any} */ (r)[key] : r.settings[key]);
    const [key, dir] = s.sort;
    const rows = [...s.results.values()].sort((a, b) => {
      const [x, y] = [value(a, key), value(b, key)];
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    const top = best();
    // Each row carries its exact score and settings for scripts (the cells show them rounded).
    tbody.replaceChildren(...rows.map((r) => el('tr', {
      className: r === top ? 'best' : r.score === null ? 'failed' : r.pruned ? 'pruned' : '',
      dataset: { testid: 'trial-row', index: r.index ?? 'baseline', worker: r.worker, score: r.score ?? undefined, settings: JSON.stringify(r.settings),
        epochs: r.epochs, pruned: r.pruned ? 'true' : undefined },
      tAttr: r.error ? { title: ['core', { message: r.error }] } : undefined,
    }, el('td', { t: r.index === null ? 'opt.baseline' : undefined }, r.index === null ? null : r.index + 1),
    el('td', { t: r.score === null ? 'opt.failed' : undefined }, r.score === null ? null : fmt(r.score)),
    el('td', {}, fmt(r.val_accuracy, { digits: 3 })), el('td', { t: r.pruned ? ['opt.prunedAt', { epochs: r.epochs }] : undefined }, r.pruned ? null : r.epochs ?? null), ...knobs.map((k) => el('td', {}, fmt(r.settings[k], { digits: 3 }))), el('td', {}, sparkline(r)))));
    progress.max = total() || 1;
    progress.value = s.done;
    buttons();
  }

  /** @param {string} state @param {string} key @param {import('../i18n.js').Params} [params] */
  function finish(state, key, params) {
    s.workers.forEach((w) => w.terminate());
    s.workers = [];
    s.running = false;
    setStatus(state, key, params);
    render();
  }

  /** The search's closing note: what successive halving saved (epochs of the first fold). */
  function saving() {
    if (!s.config?.pruning || !s.plan || !s.experiment) return null;
    const trials = [...s.results.values()].filter((r) => r.index !== null);
    const full = trials.reduce((n, r) => n + Number(r.settings.epochs ?? s.experiment?.fit?.epochs ?? 100), 0);
    const epochs = trials.reduce((n, r) => n + (r.epochs ?? 0), 0);
    const pruned = trials.filter((r) => r.pruned).length;
    return { key: 'opt.saving', params: { pruned, trials: trials.length, epochs, full, percent: Math.round((100 * epochs) / (full || 1)) } };
  }

  /** Ends a rung: the best 1/eta go on (the core decides), the others are pruned. @returns {boolean} whether a rung follows */
  function nextRung() {
    if (s.rung + 1 >= rungs()) return false;
    const scores = s.alive.map((i) => s.results.get(i)?.score ?? NaN);
    const next = [...halvingSurvivors(Uint32Array.from(s.alive), Float32Array.from(scores), s.config?.pruning?.eta ?? 3)];
    for (const i of s.alive) {
      const r = s.results.get(i);
      if (r && !next.includes(i) && !r.done) r.pruned = true;
    }
    s.rung += 1;
    s.alive = next;
    // A trial that already ended (early stopping) has nothing left to train: it counts as run.
    s.next = next.filter((i) => !s.results.get(i)?.done);
    for (const i of next) {
      const r = s.results.get(i);
      if (r?.done) { r.rung = s.rung; s.done += 1; }
    }
    return true;
  }

  /**
   * Gives `worker` the next run (a trial it holds part-trained first), or ends the rung or the search.
   * @param {Worker} worker @param {number} id
   */
  function dispatch(worker, id) {
    const mine = s.next.findIndex((j) => s.results.get(j)?.worker === id);
    const [index] = s.next.splice(Math.max(0, mine), 1);
    if (index === undefined) {
      s.idle.push([worker, id]);
      if (s.inflight > 0) return;
      if (nextRung()) {
        render();
        for (const [w, i] of s.idle.splice(0)) dispatch(w, i);
        return;
      }
      const b = best();
      const base = s.results.get(-1)?.score;
      const better = b && typeof base === 'number' && base < Number(b.score) ? { key: 'opt.baselineBetter', params: { score: fmt(base) } } : null;
      finish('done', 'opt.done', { trials: s.plan?.length, best: b ? Number(b.index) + 1 : '—', score: fmt(b?.score), note: better, saving: saving() });
      app.did('optimize');
      return;
    }
    s.inflight += 1;
    post(worker, { type: 'trial', index, rung: s.config?.pruning && index >= 0 ? s.rung : -1 });
  }

  function launch() {
    const pending = s.plan ? s.next.length : Infinity;
    s.running = true;
    setStatus('running', 'opt.searching', { n: Math.min(workerCount, pending) });
    for (let i = 0; i < Math.min(workerCount, pending); i++) {
      const w = new Worker(new URL('../search-worker.js', import.meta.url), { type: 'module' });
      /** @param {MessageEvent<SearchReply>} event */
      w.onmessage = ({ data }) => {
        if (!s.running) return;
        if (data.type === 'ready') {
          if (!s.plan) {
            s.plan = data.plan;
            s.next = runs();
            s.alive = data.plan.map((_, j) => j);
            const budget = s.config?.trials ?? 0;
            if (data.plan.length < budget) say(note, 'opt.fewer', { n: data.plan.length, budget });
          }
          dispatch(w, i);
        } else if (data.type === 'trial') {
          s.inflight -= 1;
          s.done += 1;
          s.results.set(data.result.index ?? -1, { ...data.result, worker: i, rung: s.rung, done: data.done });
          render();
          dispatch(w, i);
        } else {
          finish('error', 'opt.stopped', { message: core(data.message) });
        }
      };
      w.onerror = (e) => { e.preventDefault(); finish('error', 'opt.workerFailed', { error: e.message || { key: 'opt.couldNotStart' } }); };
      if (s.load && s.experiment && s.config) post(w, { type: 'init', load: s.load, experiment: s.experiment, search: s.config });
      s.workers.push(w);
    }
    render();
  }

  startBtn.onclick = () => {
    const experiment = app.experiment;
    s.load = app.lastLoad ?? (experiment?.data?.source ? { source: experiment.data.source } : null);
    if (!s.load || !experiment) { setStatus('error', 'opt.needData'); return; }
    Object.assign(s, { config: form.read(), experiment, plan: null, results: new Map(), next: [], rung: 0, alive: [], done: 0, inflight: 0, idle: [] });
    note.replaceChildren();
    launch();
  };
  stopBtn.onclick = () => {
    // Trials in flight are dropped; they rerun on resume and give the same results.
    s.next = s.plan ? [...(s.rung ? [] : runs().filter((j) => j < 0)), ...s.alive]
      .filter((j) => !s.results.has(j) || s.results.get(j)?.rung !== s.rung) : [];
    Object.assign(s, { inflight: 0, idle: [] });
    finish('stopped', 'opt.stoppedAfter', { done: s.done, total: total() });
  };
  resumeBtn.onclick = () => launch();
  applyBtn.onclick = () => {
    const b = best();
    if (!b) return;
    if (s.lastDiagnosis) s.before = { history: [...app.history], diagnosis: s.lastDiagnosis, settings: b.settings };
    compare.replaceChildren();
    app.setExperiment(applySettings(JSON.stringify(s.experiment), JSON.stringify(b.settings)));
    app.send({ type: 'train' });
    setStatus('applied', 'opt.applied', { n: Number(b.index) + 1 });
    app.did('optimize');
  };
  suggestBtn.onclick = () => form.select(s.lastDiagnosis?.vary ?? []);
  // A lesson's search (www/lessons.js) fills the form when proposed, and when the panel opens.
  app.on('search', (search) => search && form.set(search));
  if (app.proposedSearch) form.set(app.proposedSearch);

  /** @param {Evaluation | null} evaluation */
  const diagnose = (evaluation) => {
    if (!evaluation || !app.history.length) return;
    s.lastDiagnosis = /** @type {Diagnosis} */ (diagnoseRun(JSON.stringify(app.history), JSON.stringify(evaluation)));
    showDiagnosis(diagnosis, s.lastDiagnosis, app.history);
    if (s.before) {
      compare.replaceChildren(compareRuns(s.before, { history: [...app.history], diagnosis: s.lastDiagnosis }, s.before.settings));
      s.before = null;
    }
    buttons();
  };
  app.on('evaluation', diagnose);
  // Mounted when first opened: a run that already finished gets its diagnosis now.
  diagnose(app.evaluation);
  buttons();
}

/**
 * @param {Worker} worker a search worker (www/search-worker.js)
 * @param {SearchRequest} msg
 */
const post = (worker, msg) => worker.postMessage(msg);
