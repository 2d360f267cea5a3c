// @ts-check
// Data preprocessing: pick a built-in dataset or upload/drop a CSV, preview it, read the column
// summary, choose target and features, and set missing values, scaling, split and window.
import { BUILTINS, builtinKey, fitOutputLayer, isSynthetic, startingTask, taskFor, wholeClasses } from '../datasets.js';
import { GENERATED } from '../generated.js';
import { core, say, sayAttr } from '../i18n.js';
import { onOpenedChange, takesTable, waitsForCsv } from '../model_open.js';
import { showError } from '../status.js';
import { $, el, field, fillSelectT, numberInput } from '../ui.js';
import { renderColumns, renderPreview } from './columns.js';
import { featureTest, writeFeatures } from './features.js';
import { experimentEditor } from './json_editor.js';
import { scenarioPicker } from './scenarios.js';
import { columnNamed, fitEmbedding, textSettings } from './text_settings.js';

/** @import {App} from '../app.js' */
/** @import {DataSpec, Experiment} from '../types.js' */

/** The built-ins whose source asks for a credit where the page shows them, by key of BUILTINS. @type {Record<string, string>} */
const CREDITS = { stock: 'pre.stockCredit', sentiment: 'pre.sentimentCredit', ratings: 'pre.ratingsCredit' };

// The core refuses files over 256 MB (parsing peaks at ~3.3× the file size in memory).
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** Above this many columns, the columns table is drawn after the message that changed it. */
const WIDE = 1000;

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const dataset = el('select', { id: 'dataset' });
  fillSelectT(dataset, [['', 'dataset.uploaded'], ...Object.keys(BUILTINS).map((k) => [k, `dataset.${k}`])], 'iris');
  const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', dataset: { testid: 'csv-input' } });
  const drop = el('label', { className: 'drop', id: 'drop-zone' }, el('span', { t: 'pre.drop' }), file);
  const summary = el('p', { id: 'data-summary', className: 'note', ariaLive: 'polite' });
  const synthetic = el('p', { className: 'warning', hidden: true, t: 'pre.synthetic' });
  const credit = el('p', { className: 'note', hidden: true, dataset: { testid: 'data-credit' }, t: 'pre.stockCredit' });
  // The worker's `progress {stage: 'load', done, total}` (bytes parsed) while a CSV is read.
  const reading = el('progress', { id: 'load-progress', max: 1, value: 0, hidden: true, dataset: { testid: 'load-progress' } });
  sayAttr(reading, 'aria-label', 'pre.readingLabel');
  const preview = el('div', { id: 'preview', translate: false }); // the data's own cells
  const columns = el('div', { id: 'columns' });
  const prepared = el('ul', { id: 'prepare-warnings', className: 'problems' });
  const missing = el('select', { id: 'missing' });
  fillSelectT(missing, ['mean', 'median', 'most_frequent', 'zero', 'drop'].map((v) => [v, `missing.${v}`]), 'mean');
  const scale = el('select', { id: 'scale' });
  fillSelectT(scale, ['standard', 'minmax', 'none'].map((v) => [v, `scale.${v}`]), 'standard');
  const method = el('select', { id: 'split-method' });
  fillSelectT(method, ['stratified', 'random', 'chronological'].map((v) => [v, `split.${v}`]), 'stratified');
  const validation = numberInput({ id: 'split-validation', min: 0, max: 0.9, step: 0.05 });
  const test = numberInput({ id: 'split-test', min: 0, max: 0.9, step: 0.05 });
  const windowOn = el('input', { type: 'checkbox', id: 'window-on' });
  const lookback = numberInput({ id: 'window-lookback', min: 1, max: 1000, value: 30 });
  const horizon = numberInput({ id: 'window-horizon', min: 1, max: 1000, value: 1 });
  const transform = el('select', { id: 'transform' });
  fillSelectT(transform, ['none', 'log', 'difference', 'log_difference'].map((v) => [v, `transform.${v}`]), 'none');
  const seed = numberInput({ id: 'seed', min: 0, value: 42 });
  // The target's task, when a numeric target could be either (whole numbers: 0/1, grades).
  const task = el('select', { id: 'task', dataset: { testid: 'task' } });
  fillSelectT(task, [['classification', 'pre.taskClassification'], ['regression', 'pre.taskRegression']], 'classification');
  const taskRow = el('div', { className: 'row', hidden: true }, field('pre.task', task, 'pre.taskHint'));
  const skipBadRows = el('button', { type: 'button', hidden: true, dataset: { testid: 'skip-bad-rows' }, t: 'pre.skipBadRows' });

  root.append(
    el('div', { className: 'row' }, field('dataset.label', dataset), drop), skipBadRows, synthetic, credit, summary, reading,
    el('h3', { t: 'pre.firstRows' }), preview,
    el('h3', { t: 'pre.columns' }), el('p', { className: 'note', t: 'pre.columnsNote' }), taskRow, columns,
    prepared,
    el('h3', { t: 'pre.preparation' }),
    el('div', { className: 'row' },
      field('pre.missing', missing, 'pre.missingHint'), field('pre.scale', scale, 'pre.scaleHint'),
      field('pre.split', method), field('pre.validation', validation), field('pre.test', test),
      field('pre.seed', seed, 'pre.seedHint')),
    el('fieldset', { className: 'row' }, el('legend', { t: 'pre.window' }),
      el('label', { className: 'inline' }, windowOn, el('span', { t: 'pre.windowOn' })),
      field('pre.lookback', lookback), field('pre.horizon', horizon), field('pre.transform', transform, 'pre.transformHint')),
  );

  const data = () => app.experiment?.data ?? {};
  /**
   * Edits a copy of the experiment's data part; the store adopts it and the worker rebuilds.
   * @param {(data: NonNullable<Experiment['data']>, experiment: Experiment) => void} fn
   */
  const editData = (fn) => app.editExperiment((e) => fn(e.data ??= {}, e));
  const text = textSettings(app, editData);
  root.append(text.el);

  /** @param {string} name a key of BUILTINS */
  function chooseDataset(name) {
    const next = BUILTINS[name].experiment();
    next.seed = app.experiment?.seed ?? 42;
    openWith(next);
  }
  /** @param {Experiment} next */
  function openWith(next) {
    app.openExperiment(next);
    openSource(app);
  }
  root.prepend(scenarioPicker(app, openWith));
  root.append(experimentEditor(app, openWith));

  /** @param {File | undefined} f */
  async function upload(f) {
    if (!f) return;
    if (f.size > MAX_UPLOAD_BYTES) {
      showError({ key: 'error.upload', params: { name: f.name, mb: (f.size / 1e6).toFixed(0), max: MAX_UPLOAD_BYTES / 1e6 } });
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    dataset.value = '';
    // An opened model's CSV keeps the model's settings (www/model_open.js checks its columns).
    if (waitsForCsv()) return app.load({ type: 'load', name: f.name, bytes, on_bad_rows: data().on_bad_rows ?? 'error' });
    // A recommendation keeps its id and rating columns (the core names any the file lacks).
    const next = data().task === 'recommendation' ? { ...structuredClone(/** @type {DataSpec} */ (data())), source: `file:${f.name}`, on_bad_rows: 'error' }
      : { ...data(), source: `file:${f.name}`, target: null, features: null, exclude: undefined, task: 'auto', window: null,
        on_bad_rows: 'error', split: { method: 'random', validation: 0.1, test: 0.2 } };
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
  app.on('progress', ({ stage, done, total }) => {
    if (stage !== 'load') return;
    reading.hidden = done >= total;
    reading.value = total ? done / total : 0;
    if (done > 0 && done < total) say(summary, 'pre.reading', { mb: (total / 1e6).toFixed(1), percent: Math.floor((done / total) * 100) });
  });
  app.on('error', () => { reading.hidden = true; });

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
    onChange(input, (d) => {
      d.window = windowOn.checked ? { lookback: Number(lookback.value), horizon: Number(horizon.value) } : null;
      if (!d.window) delete d.transform; // a transform is for a series
    });
  }
  onChange(task, (d, e) => {
    d.task = /** @type {'classification' | 'regression'} */ (task.value);
    fitOutputLayer(e, targetColumn(), app.table?.max_classes);
  });
  /** The target's summary, if the table has it. */
  const targetColumn = () => columnNamed(app.table, data().target);
  onChange(transform, (d) => {
    if (transform.value === 'none') delete d.transform;
    else d.transform = transform.value;
  });

  /**
   * @param {string} name a column
   * @param {'target' | 'feature' | 'ignore'} role
   */
  function onRole(name, role) {
    const columns = app.table?.columns ?? [];
    editData((d, e) => {
      const previous = d.target ?? null;
      const chosen = new Set(columns.filter(featureTest(d)).map((c) => c.name));
      if (role === 'target') {
        d.target = name;
        // The old target becomes a feature when every other column was one (neither key).
        const old = columnNamed(app.table, previous);
        if (d.features == null && d.exclude == null && old && old.kind !== 'date') chosen.add(old.name);
        const column = columnNamed(app.table, name);
        d.task = startingTask(column);
        fitOutputLayer(e, column, app.table?.max_classes);
      } else if (role === 'feature') chosen.add(name);
      else chosen.delete(name);
      // The shorter of `features` and `exclude` (./features.js).
      writeFeatures(d, columns, chosen);
    });
  }

  /**
   * Reads column `name` as `kind` (`data.column_kinds`), or as the reader typed it (null).
   * @param {string} name
   * @param {import('./columns.js').Kind | null} kind
   */
  function onKind(name, kind) {
    editData((d, e) => {
      const kinds = { ...d.column_kinds };
      if (kind) kinds[name] = kind;
      else delete kinds[name];
      if (Object.keys(kinds).length) d.column_kinds = kinds;
      else delete d.column_kinds;
      fitEmbedding(e, app.table);
    });
  }

  let drawLater = false;
  /**
   * Draws the columns table from the store's table and experiment: at once, or for a wide table
   * (over WIDE columns) in a task of its own after the message that changed them, the latest
   * state winning (the table's rows and the message's own work each stay well under 100 ms of
   * main thread: issue 13 item 9).
   */
  function drawColumns() {
    const draw = () => {
      drawLater = false;
      const d = app.experiment?.data;
      if (app.table && d && !waitsForCsv()) renderColumns(columns, app.table, d, onRole, onKind);
    };
    if ((app.table?.columns.length ?? 0) <= WIDE) return draw();
    if (!drawLater) setTimeout(draw);
    drawLater = true;
  }

  function sync() {
    const e = app.experiment;
    if (!e?.data) return;
    const d = e.data;
    dataset.value = builtinKey(d.source);
    synthetic.hidden = !isSynthetic(d.source);
    const creditKey = CREDITS[builtinKey(d.source)];
    credit.hidden = !creditKey;
    if (creditKey) say(credit, creditKey);
    transform.value = d.transform ?? 'none';
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
    const target = targetColumn();
    taskRow.hidden = !wholeClasses(target, app.table?.max_classes ?? 100);
    task.value = taskFor(e, target);
    if (app.table && !waitsForCsv()) drawColumns();
    text.sync();
  }
  // An opened model waiting for its CSV: the table loaded before is not its data.
  onOpenedChange(() => {
    if (!waitsForCsv()) return;
    preview.replaceChildren();
    columns.replaceChildren();
    say(summary, null);
  });

  app.on('summary', (t) => {
    say(summary, 'pre.summary', { name: t.name, rows: t.rows, columns: t.columns.length });
    if (takesTable(app, t)) return; // an opened model's data: built with the model's settings
    editData((d, e) => {
      if (!columnNamed(t, d.target)) d.target = t.columns[t.columns.length - 1]?.name;
      if ((d.task ?? 'auto') === 'auto') d.task = startingTask(columnNamed(t, d.target));
      if (d.features && !d.features.every((n) => columnNamed(t, n))) d.features = null;
      if (d.exclude && !d.exclude.every((n) => columnNamed(t, n))) delete d.exclude;
      fitOutputLayer(e, columnNamed(t, d.target), t.max_classes);
      fitEmbedding(e, t);
    });
  });
  app.on('preview', () => renderPreview(preview, app.table, app.preview));
  app.on('experiment', sync);
  app.on('configured', ({ summary: s }) => {
    sync();
    // What preparing the data did (rows dropped, values filled), when the core reports it.
    prepared.replaceChildren(...(s.warnings ?? []).map((w) => el('li', { className: 'warning',
      t: ['warn.item', { text: core(typeof w === 'string' ? w : w.message ?? JSON.stringify(w)) }] })));
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
    showError({ key: 'error.needUpload', params: { name: source.slice(5) } });
    app.setStatus('idle');
  } else {
    app.load({ type: 'load', source, on_bad_rows: onBadRows });
  }
  say($('#data-summary'), null);
}
