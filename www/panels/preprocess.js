// @ts-check
// Data preprocessing: pick a built-in dataset or upload/drop a CSV, preview it, read the column
// summary, choose target and features, and set missing values, scaling, split and window.
import { BUILTINS, builtinKey, fitOutputLayer } from '../datasets.js';
import { GENERATED } from '../generated.js';
import { showError } from '../status.js';
import { $, el, field, fillSelect, numberInput } from '../ui.js';
import { renderColumns, renderPreview } from './columns.js';

/** @import {App} from '../app.js' */
/** @import {Experiment} from '../types.js' */

// The core refuses files over 256 MB (parsing peaks at ~3.3× the file size in memory).
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const dataset = el('select', { id: 'dataset' });
  fillSelect(dataset, [['', '(uploaded CSV)'], ...Object.entries(BUILTINS).map(([k, v]) => [k, v.label])], 'iris');
  const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', dataset: { testid: 'csv-input' } });
  const drop = el('label', { className: 'drop', id: 'drop-zone' }, 'Your own CSV: choose a file or drop it here', file);
  const summary = el('p', { id: 'data-summary', className: 'note', ariaLive: 'polite' });
  const synthetic = el('p', { className: 'warning', hidden: true }, 'This stock series is synthetic: made-up prices (a seeded random walk with a slow cycle), for practice only.');
  const preview = el('div', { id: 'preview' });
  const columns = el('div', { id: 'columns' });
  const prepared = el('ul', { id: 'prepare-warnings', className: 'problems' });
  const missing = el('select', { id: 'missing' });
  fillSelect(missing, ['mean', 'median', 'most_frequent', 'zero', 'drop'].map((v) => [v, v]), 'mean');
  const scale = el('select', { id: 'scale' });
  fillSelect(scale, [['standard', 'standard (mean 0, sd 1)'], ['minmax', 'minmax (0 … 1)'], ['none', 'none']], 'standard');
  const method = el('select', { id: 'split-method' });
  fillSelect(method, ['stratified', 'random', 'chronological'].map((v) => [v, v]), 'stratified');
  const validation = numberInput({ id: 'split-validation', min: 0, max: 0.9, step: 0.05 });
  const test = numberInput({ id: 'split-test', min: 0, max: 0.9, step: 0.05 });
  const windowOn = el('input', { type: 'checkbox', id: 'window-on' });
  const lookback = numberInput({ id: 'window-lookback', min: 1, max: 1000, value: 30 });
  const horizon = numberInput({ id: 'window-horizon', min: 1, max: 1000, value: 1 });
  const seed = numberInput({ id: 'seed', min: 0, value: 42 });
  const skipBadRows = el('button', { type: 'button', hidden: true, dataset: { testid: 'skip-bad-rows' } },
    'Skip those rows and load the rest');

  root.append(
    el('div', { className: 'row' }, field('Built-in dataset', dataset), drop), skipBadRows, synthetic, summary,
    el('h3', {}, 'First rows'), preview,
    el('h3', {}, 'Columns'), el('p', { className: 'note' }, 'Choose the column to predict (target) and the columns to learn from (features).'), columns,
    prepared,
    el('h3', {}, 'Preparation'),
    el('div', { className: 'row' },
      field('Missing values', missing, 'fitted on training rows'), field('Scale', scale, 'fitted on training rows only'),
      field('Split', method), field('Validation fraction', validation), field('Test fraction', test),
      field('Seed', seed, 'one seed drives split, shuffle, initial weights, dropout')),
    el('fieldset', { className: 'row' }, el('legend', {}, 'Time-series window'),
      el('label', { className: 'inline' }, windowOn, 'turn the series into windows'),
      field('Look back (steps)', lookback), field('Horizon (steps ahead)', horizon)),
  );

  const data = () => app.experiment?.data ?? {};
  /**
   * Edits a copy of the experiment's data part; the store adopts it and the worker rebuilds.
   * @param {(data: NonNullable<Experiment['data']>, experiment: Experiment) => void} fn
   */
  const editData = (fn) => app.editExperiment((e) => fn(e.data ??= {}, e));

  /** @param {string} name a key of BUILTINS */
  function chooseDataset(name) {
    const next = BUILTINS[name].experiment();
    next.seed = app.experiment?.seed ?? 42;
    app.openExperiment(next);
    openSource(app);
  }

  /** @param {File | undefined} f */
  async function upload(f) {
    if (!f) return;
    if (f.size > MAX_UPLOAD_BYTES) {
      showError(`${f.name} is ${(f.size / 1e6).toFixed(0)} MB; this tab takes CSV files up to ${MAX_UPLOAD_BYTES / 1e6} MB`);
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const next = { ...data(), source: `file:${f.name}`, target: null, features: null, task: 'auto', window: null,
      on_bad_rows: 'error', split: { method: 'random', validation: 0.1, test: 0.2 } };
    dataset.value = '';
    app.load({ type: 'load', name: f.name, bytes, on_bad_rows: 'error' }, next);
  }

  // Rows with the wrong number of fields stop a load; offer to leave them out instead.
  skipBadRows.addEventListener('click', () => {
    const failed = app.failedLoad;
    skipBadRows.hidden = true;
    if (failed) app.load({ ...failed.msg, on_bad_rows: 'skip' }, failed.data && { ...failed.data, on_bad_rows: 'skip' });
  });
  app.on('error', (msg) => {
    if (msg.stage !== 'load') return;
    skipBadRows.hidden = !(/on_bad_rows/.test(msg.message) && app.failedLoad);
    dataset.value = builtinKey(data().source); // the data that is still loaded
  });
  app.on('summary', () => { skipBadRows.hidden = true; });

  dataset.addEventListener('change', () => dataset.value && chooseDataset(dataset.value));
  file.addEventListener('change', () => upload(file.files?.[0]));
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    upload(ev.dataTransfer?.files[0]);
  });
  /**
   * @param {HTMLElement} input
   * @param {Parameters<typeof editData>[0]} fn
   */
  const onChange = (input, fn) => input.addEventListener('change', () => editData(fn));
  onChange(missing, (d) => { d.missing = missing.value; });
  onChange(scale, (d) => { d.scale = scale.value; });
  onChange(method, (d) => { d.split = { ...d.split, method: method.value }; });
  onChange(validation, (d) => { d.split = { ...d.split, validation: Number(validation.value) }; });
  onChange(test, (d) => { d.split = { ...d.split, test: Number(test.value) }; });
  onChange(seed, (_, e) => { e.seed = Number(seed.value); });
  for (const input of [windowOn, lookback, horizon]) {
    onChange(input, (d) => { d.window = windowOn.checked ? { lookback: Number(lookback.value), horizon: Number(horizon.value) } : null; });
  }

  /**
   * @param {string} name a column
   * @param {'target' | 'feature' | 'ignore'} role
   */
  function onRole(name, role) {
    const columns = app.table?.columns ?? [];
    const all = columns.map((c) => c.name);
    editData((d, e) => {
      const previous = d.target ?? null;
      let features = d.features ?? all.filter((n) => n !== previous);
      if (role === 'target') {
        d.target = name;
        // The old target becomes a feature when every other column was one.
        if (d.features == null && previous !== null) features.push(previous);
        d.task = 'auto';
        fitOutputLayer(e, columns.find((c) => c.name === name), app.table?.max_classes);
      } else if (role === 'feature') features = [...new Set([...features, name])];
      else features = features.filter((n) => n !== name);
      const everyOther = all.filter((n) => n !== d.target);
      d.features = everyOther.every((n) => features.includes(n)) ? null : everyOther.filter((n) => features.includes(n));
    });
  }

  function sync() {
    const e = app.experiment;
    if (!e?.data) return;
    const d = e.data;
    dataset.value = builtinKey(d.source);
    synthetic.hidden = builtinKey(d.source) !== 'stock';
    missing.value = d.missing ?? 'mean';
    scale.value = d.scale ?? 'standard';
    method.value = d.split?.method ?? 'stratified';
    validation.value = String(d.split?.validation ?? 0.1);
    test.value = String(d.split?.test ?? 0.2);
    windowOn.checked = Boolean(d.window);
    if (d.window) {
      lookback.value = String(d.window.lookback);
      horizon.value = String(d.window.horizon);
    }
    seed.value = String(e.seed ?? 42);
    if (app.table) renderColumns(columns, app.table, d, onRole);
  }

  app.on('summary', (t) => {
    summary.textContent = `${t.name}: ${t.rows} rows × ${t.columns.length} columns`;
    const names = t.columns.map((c) => c.name);
    editData((d, e) => {
      if (!names.includes(d.target ?? '')) d.target = names[names.length - 1];
      if (d.features && !d.features.every((n) => names.includes(n))) d.features = null;
      fitOutputLayer(e, t.columns.find((c) => c.name === d.target), t.max_classes);
    });
  });
  app.on('preview', () => renderPreview(preview, app.table, app.preview));
  app.on('experiment', sync);
  app.on('configured', ({ summary: s }) => {
    sync();
    // What preparing the data did (rows dropped, values filled), when the core reports it.
    prepared.replaceChildren(...(s.warnings ?? []).map((w) => el('li', { className: 'warning' }, `⚠ ${typeof w === 'string' ? w : w.message ?? JSON.stringify(w)}`)));
  });
  sync();
}

/**
 * Loads the data `app.experiment` names: a built-in, the seeded synthetic series, or asks for the file.
 * @param {App} app
 */
export function openSource(app) {
  const source = app.experiment?.data?.source ?? 'builtin:iris';
  const onBadRows = app.experiment?.data?.on_bad_rows;
  const made = GENERATED.get(source.slice(5));
  if (source.startsWith('file:') && made) {
    app.load({ type: 'load', name: source.slice(5), bytes: made(), on_bad_rows: onBadRows });
  } else if (source.startsWith('file:')) {
    showError(`This experiment was made with an uploaded file (${source.slice(5)}); upload it under Data preprocessing to continue.`);
    app.setStatus('idle');
  } else {
    app.load({ type: 'load', source, on_bad_rows: onBadRows });
  }
  $('#data-summary').textContent = '';
}
