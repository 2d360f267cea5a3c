// @ts-check
// The Optimization panel (是否优化？→ 模型优化): the "Optimize?" diagnosis of the last run, and a
// hyper-parameter search run in navigator.hardwareConcurrency − 1 (≥ 1) search workers, with a
// live sortable table of trials, a progress bar, stop / resume at any time and "Apply best".
// Export: mount(root, app) — app is www/app.js's App. Text from data goes in as text only.
import { core, say } from '../i18n.js';
import { diagnosisMessages } from '../text/diagnosis.js';
import { el, fmt } from '../ui.js';
import { loadWasm } from '../wasm.js';
import { searchForm } from './search_form.js';

/** @import {App} from '../app.js' */
/**
 * @import {DeepReadonly, Diagnosis, Evaluation, Experiment, SearchConfig, SearchReply, SearchRequest, Settings,
 *   TrialResult} from '../types.js'
 */
/** @template {SearchRequest['type']} T @typedef {Extract<SearchRequest, {type: T}>} SearchRequestOf */
/** @typedef {TrialResult & {worker: number}} Row a trial result and the worker that ran it */

/**
 * A tiny loss curve: training (blue) and validation (orange) on one scale.
 * @param {TrialResult} result
 */
function sparkline(result) {
  const c = el('canvas', { width: 90, height: 22 });
  /** @type {[(number | null)[], string][]} */
  const series = [[result.loss ?? [], '#0072b2'], [result.val_loss ?? [], '#d55e00']];
  const drawn = series.filter(([s]) => s.length > 1);
  const all = /** @type {number[]} */ (drawn.flatMap(([s]) => s).filter(Number.isFinite));
  if (!all.length) return c;
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const ctx = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
  for (const [s, colour] of drawn) {
    ctx.beginPath();
    s.forEach((v, i) => {
      const x = (i / (s.length - 1)) * (c.width - 2) + 1;
      const y = c.height - 1 - (((v ?? NaN) - lo) / (hi - lo || 1)) * (c.height - 2);
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    });
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  return c;
}

/**
 * The diagnosis box: verdict, the sentence with the numbers, suggestions.
 * @param {HTMLElement} box
 * @param {Diagnosis} d
 * @param {readonly import('../types.js').EpochRecord[]} history the run diagnosed
 */
function showDiagnosis(box, d, history) {
  box.dataset.verdict = d.verdict;
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
  const { defaultSearch, diagnoseRun, applySettings } = await loadWasm();
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
  const thead = el('thead');
  const tbody = el('tbody');
  root.replaceChildren(el('div', { className: 'kopt' },
    diagnosis, form.el,
    el('div', { className: 'buttons' }, startBtn, stopBtn, resumeBtn, applyBtn, suggestBtn),
    progress, status, el('table', { dataset: { testid: 'search-table' } }, thead, tbody)));

  /**
   * The search's state (this panel's own): its document, the experiment and data it runs on, the
   * planned trials, results by index (-1 = the baseline), the workers and the trials still to run.
   * @type {{config: SearchConfig | null, experiment: DeepReadonly<Experiment> | null, load: SearchRequestOf<'init'>['load'] | null,
   *   plan: Settings[] | null, results: Map<number, Row>, workers: Worker[],
   *   next: number[], running: boolean, sort: [string, number], lastDiagnosis: Diagnosis | null}}
   */
  const s = { config: null, experiment: null, load: null, plan: null, results: new Map(), workers: [], next: [], running: false, sort: ['score', 1], lastDiagnosis: null };

  /** @param {string} state @param {string} key @param {import('../i18n.js').Params} [params] */
  const setStatus = (state, key, params) => { status.dataset.state = state; say(status, key, params); };
  /** Every run of the plan by index: the baseline (-1) first when the search scores it. */
  const runs = () => [...(s.config?.baseline !== false ? [-1] : []), ...(s.plan ?? []).map((_, j) => j)];
  const total = () => (s.plan ? runs().length : 0);
  /** The best trial: the lowest validation loss, the first on a tie (the baseline never counts). */
  const best = () => [...s.results.values()].filter((r) => r.index !== null && r.score !== null)
    .sort((a, b) => Number(a.score) - Number(b.score) || Number(a.index) - Number(b.index))[0];
  const buttons = () => {
    const remaining = s.plan && s.results.size < total();
    startBtn.disabled = s.running;
    stopBtn.disabled = !s.running;
    resumeBtn.disabled = s.running || !remaining;
    applyBtn.disabled = s.running || !best();
    suggestBtn.disabled = !s.lastDiagnosis?.vary.length;
  };

  function render() {
    const knobs = Object.keys(s.config?.vary ?? {});
    const cols = [['index', 'opt.colIndex'], ['score', 'opt.colScore'], ['val_accuracy', 'opt.colAccuracy'],
      ...knobs.map((k) => [k, `knob.${k}`]), ['curve', 'opt.colCurve']];
    thead.replaceChildren(el('tr', {}, ...cols.map(([key, label]) => {
      const th = el('th', { dataset: { key } }, el('span', { t: label }), s.sort[0] === key ? (s.sort[1] > 0 ? ' ▲' : ' ▼') : '');
      if (key !== 'curve') th.onclick = () => { s.sort = [key, s.sort[0] === key ? -s.sort[1] : 1]; render(); };
      return th;
    })));
    /** @param {Row} r @param {string} key */
    const value = (r, key) => (key in r ? /** @type {any} */ (r)[key] : r.settings[key]);
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
      className: r === top ? 'best' : r.score === null ? 'failed' : '',
      dataset: { testid: 'trial-row', index: r.index ?? 'baseline', worker: r.worker, score: r.score ?? undefined, settings: JSON.stringify(r.settings) },
      tAttr: r.error ? { title: ['core', { message: r.error }] } : undefined,
    }, el('td', { t: r.index === null ? 'opt.baseline' : undefined }, r.index === null ? null : r.index + 1),
    el('td', { t: r.score === null ? 'opt.failed' : undefined }, r.score === null ? null : fmt(r.score)),
    el('td', {}, fmt(r.val_accuracy, { digits: 3 })), ...knobs.map((k) => el('td', {}, fmt(r.settings[k], { digits: 3 }))), el('td', {}, sparkline(r)))));
    progress.max = total() || 1;
    progress.value = s.results.size;
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

  /** @param {Worker} worker gives it the next trial, or ends the search when none is left */
  function dispatch(worker) {
    const index = s.next.shift();
    if (index === undefined) {
      if (s.results.size >= total()) {
        const b = best();
        const base = s.results.get(-1)?.score;
        const note = b && typeof base === 'number' && base < Number(b.score) ? { key: 'opt.baselineBetter', params: { score: fmt(base) } } : null;
        finish('done', 'opt.done', { trials: s.plan?.length, best: b ? Number(b.index) + 1 : '—', score: fmt(b?.score), note });
        app.did('optimize');
      }
      return;
    }
    post(worker, { type: 'trial', index });
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
          }
          dispatch(w);
        } else if (data.type === 'trial') {
          s.results.set(data.result.index ?? -1, { ...data.result, worker: i });
          render();
          dispatch(w);
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
    Object.assign(s, { config: form.read(), experiment, plan: null, results: new Map(), next: [] });
    launch();
  };
  stopBtn.onclick = () => {
    // Trials in flight are dropped; they rerun on resume and give the same results.
    s.next = s.plan ? runs().filter((j) => !s.results.has(j)) : [];
    finish('stopped', 'opt.stoppedAfter', { done: s.results.size, total: total() });
  };
  resumeBtn.onclick = () => launch();
  applyBtn.onclick = () => {
    const b = best();
    if (!b) return;
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
