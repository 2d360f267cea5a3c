// The Optimization panel (是否优化？→ 模型优化): the "Optimize?" diagnosis of the last run, and a
// hyper-parameter search run in navigator.hardwareConcurrency − 1 (≥ 1) search workers, with a
// live sortable table of trials, a progress bar, stop / resume at any time and "Apply best".
// Export: mount(el, app) — app is www/app.js's App. Text from data goes in via textContent only.
import { loadWasm } from '../wasm.js';

const STYLE = `
.kopt fieldset { border: 1px solid var(--line, #ddd); border-radius: 8px; margin: 0 0 .75rem; }
.kopt .knob { display: grid; grid-template-columns: 9rem 1fr; align-items: center; gap: .5rem; margin: .2rem 0; }
.kopt .knob label, .kopt .row label { flex-direction: row; align-items: center; margin: 0; }
.kopt .row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: .6rem; }
.kopt table { border-collapse: collapse; width: 100%; font-size: .85rem; font-variant-numeric: tabular-nums; }
.kopt th, .kopt td { border-bottom: 1px solid var(--line, #ddd); padding: .2rem .4rem; text-align: right; }
.kopt th { cursor: pointer; user-select: none; }
.kopt tr.best td { background: #e8f4fb; font-weight: 600; }
.kopt tr.failed td { color: var(--warn, #d55e00); }
.kopt [data-testid=search-status][data-state=error] { color: var(--warn, #d55e00); font-weight: 600; }
.kopt [data-testid=optimize-diagnosis] { border-left: 4px solid var(--accent, #0072b2); padding: .25rem .75rem; margin-bottom: .75rem; }
.kopt [data-testid=optimize-diagnosis][data-optimize=true] { border-color: var(--warn, #d55e00); }
`;
const KNOBS = ['optimizer', 'learning_rate', 'layers', 'units', 'dropout', 'batch_size', 'epochs'];
const EXTRA = { epochs: { choice: [50, 100, 200] } }; // offered, not varied by default

/** `h('td', {className: 'x'}, 'text', child)`: an element with properties and children. */
function h(tag, props = {}, ...children) {
  const { dataset = {}, ...rest } = props;
  const el = Object.assign(document.createElement(tag), rest);
  Object.entries(dataset).forEach(([k, v]) => { if (v !== undefined) el.dataset[k] = v; });
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const fmt = (v, digits = 4) => (typeof v === 'number' ? Number(v.toPrecision(digits)).toString() : v ?? '—');
const parseList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean)
  .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));

/** A tiny loss curve: training (blue) and validation (orange) on one scale. */
function sparkline(result) {
  const c = h('canvas', { width: 90, height: 22 });
  const series = [[result.loss, '#0072b2'], [result.val_loss, '#d55e00']].filter(([s]) => s?.length > 1);
  const all = series.flatMap(([s]) => s).filter(Number.isFinite);
  if (!all.length) return c;
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const ctx = c.getContext('2d');
  for (const [s, colour] of series) {
    ctx.beginPath();
    s.forEach((v, i) => {
      const x = (i / (s.length - 1)) * (c.width - 2) + 1;
      const y = c.height - 1 - ((v - lo) / (hi - lo || 1)) * (c.height - 2);
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    });
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  return c;
}

/** The form that edits the search document. */
function searchForm(defaults) {
  const knobs = {};
  const rows = KNOBS.map((name) => {
    const domain = defaults.vary[name] ?? EXTRA[name];
    const check = h('input', { type: 'checkbox', checked: name in defaults.vary, name: `vary-${name}` });
    let read;
    let editor;
    if (domain.choice) {
      const input = h('input', { type: 'text', value: domain.choice.join(', '), size: 18, name: `values-${name}` });
      read = () => ({ choice: parseList(input.value) });
      editor = input;
    } else {
      const kind = Object.keys(domain)[0];
      const [lo, hi] = domain[kind].map((v) => h('input', { type: 'number', value: v, step: 'any', style: 'width:6rem' }));
      read = () => ({ [kind]: [Number(lo.value), Number(hi.value)] });
      editor = h('span', {}, lo, ' to ', hi, kind === 'log_uniform' ? ' (log scale)' : '');
    }
    knobs[name] = { check, read };
    return h('div', { className: 'knob' }, h('label', {}, check, ` ${name}`), editor);
  });
  const strategy = h('select', { name: 'strategy' }, h('option', { value: 'random' }, 'random'), h('option', { value: 'grid' }, 'grid'));
  const trials = h('input', { type: 'number', value: defaults.trials, min: 1, max: 1000, name: 'trials', style: 'width:5rem' });
  const seed = h('input', { type: 'number', value: defaults.seed, min: 0, name: 'seed', style: 'width:5rem' });
  const validation = h('select', { name: 'validation' },
    h('option', { value: '0' }, 'validation split'), h('option', { value: '3' }, '3-fold'), h('option', { value: '5' }, '5-fold'));
  const el = h('div', {},
    h('fieldset', {}, h('legend', {}, 'What to vary'), ...rows),
    h('div', { className: 'row' },
      h('label', {}, 'Strategy ', strategy), h('label', {}, 'Trials ', trials),
      h('label', {}, 'Seed ', seed), h('label', {}, 'Score on ', validation)));
  const read = () => ({
    strategy: strategy.value,
    trials: Number(trials.value),
    seed: Number(seed.value),
    validation: validation.value === '0' ? { method: 'split' } : { method: 'kfold', k: Number(validation.value) },
    vary: Object.fromEntries(Object.entries(knobs).filter(([, k]) => k.check.checked).map(([n, k]) => [n, k.read()])),
  });
  const select = (names) => Object.entries(knobs).forEach(([n, k]) => { k.check.checked = names.includes(n); });
  return { el, read, select };
}

/** The diagnosis box: verdict, the sentence with the numbers, suggestions. */
function showDiagnosis(box, d) {
  box.dataset.verdict = d.verdict;
  box.dataset.optimize = String(d.optimize);
  box.replaceChildren(
    h('strong', {}, `Optimize? ${d.optimize ? 'Yes' : 'No'} — ${d.verdict.replace('fitting', '-fitting')}`),
    h('p', {}, d.message),
    h('ul', {}, ...d.suggestions.map((s) => h('li', {}, s.text))));
}

export async function mount(el, app) {
  const { defaultSearch, diagnoseRun, applySettings } = await loadWasm();
  const defaults = defaultSearch();
  const form = searchForm(defaults);
  const workerCount = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
  const btn = (id, text, cls = '') => h('button', { className: cls, type: 'button', dataset: { testid: id } }, text);
  const [startBtn, stopBtn, resumeBtn, applyBtn, suggestBtn] = [btn('search-start', 'Start search', 'primary'),
    btn('search-stop', 'Stop'), btn('search-resume', 'Resume'), btn('search-apply', 'Apply best'),
    btn('search-suggested', 'Vary what the diagnosis suggests')];
  const diagnosis = h('div', { dataset: { testid: 'optimize-diagnosis' } }, 'Train a model to see whether it is worth optimizing.');
  const progress = h('progress', { value: 0, max: 1, dataset: { testid: 'search-progress' } });
  const status = h('p', { className: 'note', dataset: { testid: 'search-status', state: 'idle' } },
    `Trials run in ${workerCount} worker${workerCount > 1 ? 's' : ''}; the test rows are never used to choose.`);
  const thead = h('thead');
  const tbody = h('tbody');
  el.replaceChildren(h('style', { textContent: STYLE }), h('div', { className: 'kopt' },
    diagnosis, form.el,
    h('div', { className: 'buttons' }, startBtn, stopBtn, resumeBtn, applyBtn, suggestBtn),
    progress, status, h('table', { dataset: { testid: 'search-table' } }, thead, tbody)));

  const s = { config: null, experiment: null, load: null, plan: null, results: new Map(), workers: [], next: [], running: false, sort: ['score', 1], lastDiagnosis: null };

  const setStatus = (state, text) => { status.dataset.state = state; status.textContent = text; };
  const total = () => (s.plan ? s.plan.length + (s.config.baseline !== false ? 1 : 0) : 0);
  const best = () => [...s.results.values()].filter((r) => r.index !== null && r.score !== null)
    .sort((a, b) => a.score - b.score || a.index - b.index)[0];
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
    const cols = [['index', '#'], ['score', 'val loss'], ['val_accuracy', 'val acc'], ...knobs.map((k) => [k, k]), ['curve', 'loss curve']];
    thead.replaceChildren(h('tr', {}, ...cols.map(([key, label]) => {
      const th = h('th', { dataset: { key } }, label + (s.sort[0] === key ? (s.sort[1] > 0 ? ' ▲' : ' ▼') : ''));
      if (key !== 'curve') th.onclick = () => { s.sort = [key, s.sort[0] === key ? -s.sort[1] : 1]; render(); };
      return th;
    })));
    const value = (r, key) => (key in r ? r[key] : r.settings[key]);
    const [key, dir] = s.sort;
    const rows = [...s.results.values()].sort((a, b) => {
      const [x, y] = [value(a, key), value(b, key)];
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    const top = best();
    tbody.replaceChildren(...rows.map((r) => h('tr', {
      className: r === top ? 'best' : r.score === null ? 'failed' : '',
      dataset: { testid: 'trial-row', index: r.index ?? 'baseline', worker: r.worker },
      title: r.error ?? '',
    }, h('td', {}, r.index === null ? 'baseline' : r.index + 1), h('td', {}, r.score === null ? 'failed' : fmt(r.score)),
    h('td', {}, fmt(r.val_accuracy, 3)), ...knobs.map((k) => h('td', {}, fmt(r.settings[k], 3))), h('td', {}, sparkline(r)))));
    progress.max = total() || 1;
    progress.value = s.results.size;
    buttons();
  }

  function finish(state, text) {
    s.workers.forEach((w) => w.terminate());
    s.workers = [];
    s.running = false;
    setStatus(state, text);
    render();
  }

  function dispatch(worker) {
    const index = s.next.shift();
    if (index === undefined) {
      if (s.results.size >= total()) {
        const b = best();
        const base = s.results.get(-1)?.score;
        const note = b && base !== undefined && base !== null && base < b.score ? ` Your current settings scored better (${fmt(base)}).` : '';
        finish('done', `Done: ${s.plan.length} trials. Best: trial ${b ? b.index + 1 : '—'} (val loss ${fmt(b?.score)}).${note}`);
      }
      return;
    }
    worker.postMessage({ type: 'trial', index });
  }

  function launch() {
    const pending = s.plan ? s.next.length : Infinity;
    s.running = true;
    setStatus('running', `Searching in ${Math.min(workerCount, pending)} workers…`);
    for (let i = 0; i < Math.min(workerCount, pending); i++) {
      const w = new Worker(new URL('../search-worker.js', import.meta.url), { type: 'module' });
      w.onmessage = ({ data }) => {
        if (!s.running) return;
        if (data.type === 'ready') {
          if (!s.plan) {
            s.plan = data.plan;
            s.next = [...(s.config.baseline !== false ? [-1] : []), ...s.plan.map((_, j) => j)];
          }
          dispatch(w);
        } else if (data.type === 'trial') {
          s.results.set(data.result.index ?? -1, { ...data.result, worker: i });
          render();
          dispatch(w);
        } else {
          finish('error', `Search stopped: ${data.message}`);
        }
      };
      w.onerror = (e) => { e.preventDefault(); finish('error', `Search stopped: a search worker failed (${e.message || 'could not start'})`); };
      w.postMessage({ type: 'init', load: s.load, experiment: s.experiment, search: s.config });
      s.workers.push(w);
    }
    render();
  }

  startBtn.onclick = () => {
    s.load = app.trainer?.lastLoad ?? (app.experiment && { source: app.experiment.data.source });
    if (!s.load || !app.experiment) { setStatus('error', 'Load data and set up an experiment before searching.'); return; }
    Object.assign(s, { config: form.read(), experiment: app.experiment, plan: null, results: new Map(), next: [] });
    launch();
  };
  stopBtn.onclick = () => {
    // Trials in flight are dropped; they rerun on resume and give the same results.
    const all = s.plan ? [...(s.config.baseline !== false ? [-1] : []), ...s.plan.map((_, j) => j)] : [];
    s.next = all.filter((j) => !s.results.has(j));
    finish('stopped', `Stopped after ${s.results.size} of ${total()} runs; resume to finish.`);
  };
  resumeBtn.onclick = () => launch();
  applyBtn.onclick = () => {
    const b = best();
    if (!b) return;
    const exp = applySettings(JSON.stringify(s.experiment), JSON.stringify(b.settings));
    app.setExperiment(exp);
    app.send({ type: 'train' });
    setStatus('applied', `Applied trial ${b.index + 1}'s settings and retrained; the test metrics are for this model.`);
  };
  suggestBtn.onclick = () => form.select(s.lastDiagnosis.vary);

  const diagnose = (evaluation) => {
    if (!evaluation || !app.history.length) return;
    s.lastDiagnosis = diagnoseRun(JSON.stringify(app.history), JSON.stringify(evaluation));
    showDiagnosis(diagnosis, s.lastDiagnosis);
    buttons();
  };
  app.on('evaluation', diagnose);
  // Mounted when first opened: a run that already finished gets its diagnosis now.
  diagnose(app.evaluation);
  buttons();
}
