// @ts-check
// Opening a model file puts the page in that model's state (issue 19): its experiment is adopted
// (the Build panel, the columns' ticks and the preprocessing settings show the file's), its data
// is loaded again when it is a built-in (else a banner asks for the CSV it was trained on) and the
// Evaluation panel shows the file's metrics (www/panels/from_file.js). The opened weights stay
// what Application predicts with until a new run is trained.
import { GENERATED } from './generated.js';
import { say } from './i18n.js';
import { openSource } from './panels/preprocess.js';
import { writeHash } from './state.js';
import { showError } from './status.js';
import { byTestId, el } from './ui.js';

/** @import {App} from './app.js' */
/** @import {EpochRecord, Evaluation, Experiment, Table} from './types.js' */

/**
 * The model file's parts the page adopts (docs/CONTRACTS.md section 2).
 * @typedef {{experiment: Experiment, metrics?: {rows?: number[], history?: EpochRecord[], test?: Evaluation},
 *   preprocessing?: {features?: string[], target?: string, classes?: string[] | null}, quantization?: object}} FileParts
 */
/**
 * The opened model whose state the page shows: `run` the store's run it belongs to (null while
 * it is being adopted), `waiting` until its data has loaded with the columns it reads,
 * `recommender` for a recommender's file (opened in the recommendation worker, which measures it
 * again).
 * @typedef {{name: string, file: FileParts, run: number | null, waiting: boolean, trained: boolean, recommender: boolean}} Opened
 */

/** @type {Opened | null} */
let opened = null;
/** Whether the next `model` answer of an import is one the user asked for (not a re-import after a crash). */
let asked = false;
const changes = new EventTarget();

/** The opened model the page shows, or null (another experiment was opened since, or a run trained). */
export const openedModel = () => opened;

/** Calls `fn` when the opened model changes (adopted, its data loaded, left). @param {() => void} fn */
export const onOpenedChange = (fn) => changes.addEventListener('change', fn);

/** @param {Opened | null} next */
function set(next) {
  opened = next;
  changes.dispatchEvent(new Event('change'));
}

/**
 * The text of model file `bytes`: UTF-16 by its byte-order mark or a NUL beside the opening `{`
 * (as src/io/model_text.rs decides), else UTF-8 (a byte-order mark dropped).
 * @param {Uint8Array | string} bytes
 */
export function modelText(bytes) {
  if (typeof bytes === 'string') return bytes;
  const [a, b] = bytes;
  const le = (a === 0xff && b === 0xfe) || (a === 0x7b && b === 0);
  const be = (a === 0xfe && b === 0xff) || (a === 0 && b === 0x7b);
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(bytes);
}

/**
 * Opens model file `name` for the user: the worker reads it (a bad file leaves the page as it
 * was) and, once it has, the page adopts its experiment.
 * @param {App} app
 * @param {string} name
 * @param {Uint8Array} bytes
 */
export function openModelFile(app, name, bytes) {
  asked = true;
  app.openModel(name, bytes, bytes.length, isRecommender(parts(bytes)));
}

/** Whether model file `file` is a recommender's (the recommendation worker opens it). @param {FileParts | null} file */
const isRecommender = (file) => file?.experiment?.data?.task === 'recommendation';

/** The model file's JSON, or null when it is none. @param {Uint8Array | string} bytes @returns {FileParts | null} */
function parts(bytes) {
  try {
    const file = JSON.parse(modelText(bytes));
    return file && typeof file === 'object' && file.experiment && typeof file.experiment === 'object' ? file : null;
  } catch {
    return null;
  }
}

/**
 * Wires the page: the opened file's experiment is adopted when the worker has read it; the
 * adoption ends when another experiment is opened or a run trains.
 * @param {App} app
 */
export function trackOpening(app) {
  banner = needBanner(app);
  app.on('model', (msg) => {
    if (msg.error !== undefined || msg.source !== 'import' || !asked) {
      if (msg.error !== undefined) asked = false; // a bad file leaves the page as it was
      return;
    }
    asked = false;
    const file = parts(app.model?.text ?? '');
    if (file) adopt(app, msg.name ?? 'model.json', file, isRecommender(file)); // else the worker read what the page cannot: left as it was
  });
  app.on('experiment', () => {
    if (opened && opened.run !== null && app.run !== opened.run && !opened.waiting) leave(app);
  });
  app.on('opened', () => { if (opened && opened.run !== null) leave(app); });
  app.on('state', ({ state }) => {
    if (state === 'training' && opened && !opened.trained) set({ ...opened, trained: true });
  });
}

/** The banner (made by `trackOpening`). @type {ReturnType<typeof needBanner> | null} */
let banner = null;

/**
 * @param {App} app
 * @param {string} name
 * @param {FileParts} file
 * @param {boolean} recommender a recommender's file
 */
function adopt(app, name, file, recommender) {
  const experiment = structuredClone(file.experiment);
  const csv = uploaded(experiment.data?.source);
  const base = { name, file, waiting: true, trained: false, recommender };
  set({ ...base, run: null });
  app.openExperiment(experiment);
  set({ ...base, run: app.run });
  banner?.show(csv ? { key: 'open.needCsv', params: { name: csv } } : null, csv);
  if (!csv) return openSource(app);
  // Trained on an uploaded CSV: the settings and the file's metrics show now, evaluation and
  // training wait for that CSV (settings changed meanwhile are kept, not built on the old table).
  app.awaitingData = true;
  writeHash(experiment);
  app.setStatus('idle');
}

/** @param {App} app */
function leave(app) {
  app.awaitingData = false;
  banner?.show(null, '');
  set(null);
}

/**
 * Whether the opened model takes the table just loaded (the Preprocessing panel asks before it
 * fits its settings to a new table): with every column the model reads, its experiment is built as
 * it is (an uploaded file's name becomes the source); without, the missing columns are named and
 * nothing is built. False when no opened model waits for its data.
 * @param {App} app
 * @param {Table} table
 */
export function takesTable(app, table) {
  if (!opened?.waiting || !app.experiment) return false;
  const pre = opened.file.preprocessing ?? {};
  const data = opened.file.experiment.data ?? {};
  const ids = data.recommend ? [data.recommend.user, data.recommend.item] : [];
  const needed = [...new Set([...(pre.features ?? data.features ?? []), ...ids, pre.target ?? data.target ?? ''])].filter(Boolean);
  const have = new Set(table.columns.map((c) => c.name));
  const missing = needed.filter((n) => !have.has(n));
  if (missing.length) {
    showError({ key: 'open.missingColumns', params: { name: table.name, model: opened.name, columns: missing.join(', ') } });
    app.setStatus('idle');
    return true;
  }
  const next = /** @type {Experiment} */ (structuredClone(app.experiment));
  if (uploaded(next.data?.source)) next.data = { ...next.data, source: `file:${table.name}` };
  const base = { ...opened, waiting: false };
  set({ ...base, run: null });
  app.awaitingData = false;
  app.setExperiment(next);
  set({ ...base, run: app.run });
  banner?.show(null, '');
  return true;
}

/** Whether an opened model waits for its CSV (an upload then keeps the model's data settings). */
export const waitsForCsv = () => Boolean(opened?.waiting && uploaded(opened.file.experiment.data?.source));

/** The uploaded CSV `source` names (`file:NAME`, not one the page generates), or ''. @param {string} [source] */
const uploaded = (source = '') => (source.startsWith('file:') && !GENERATED.has(source.slice(5)) ? source.slice(5) : '');

/**
 * The banner under the error box that says which CSV an opened model needs; it stays until that
 * CSV is opened or another experiment is.
 * @param {App} app
 */
function needBanner(app) {
  const text = el('span');
  const open = el('button', { type: 'button', dataset: { testid: 'model-banner-open' }, t: 'open.openCsv' });
  const box = el('p', { className: 'warning', role: 'status', hidden: true, dataset: { testid: 'model-banner' } }, text, ' ', open);
  byTestId('error').after(box);
  open.addEventListener('click', () => {
    app.navigate('preprocess');
    /** @type {HTMLInputElement} */ (byTestId('csv-input')).click();
  });
  /** @param {import('./i18n.js').Msg | null} message @param {string} csv the CSV it asks for, or '' */
  const show = (message, csv) => {
    box.hidden = !message;
    open.hidden = !csv;
    box.dataset.csv = csv;
    say(text, message);
  };
  return { show };
}
