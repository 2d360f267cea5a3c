// @ts-check
// The page's state and its one owner. Panels read it through the getters, listen with
// `on(type, fn)` and change it only through the methods here; the worker's messages come in
// through `receive(msg)`, which updates the state before announcing the message. The experiment
// is frozen: edit a copy with `editExperiment(fn)` or hand a new one to `setExperiment`. It also
// holds the page's language (www/i18n.js translates with it).
import { errorMsg, initialLanguage, isLanguage, remember, use } from './i18n.js';
import { writeHash } from './state.js';

/** @import {Language} from './i18n.js' */

/**
 * @import {DeepReadonly, DeployedModel, EpochRecord, ErrorMessage, Events, Evaluation, Experiment,
 *   ConfiguredSummary, Grid, LoadMessage, NodeId, SnapshotMessage, Status, Table, TestPredictions, WorkerMessage} from './types.js'
 */
/** @import {SearchConfig} from './types_workers.js' */

/** @typedef {{msg: LoadMessage, data: Experiment['data'] | null}} PendingLoad */

/**
 * `value`, frozen all the way down (what the store hands out cannot be changed behind its back).
 * @template T
 * @param {T} value
 * @returns {DeepReadonly<T>}
 */
export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return /** @type {DeepReadonly<T>} */ (value);
}

export class Store {
  #events = new EventTarget();
  /** @type {DeepReadonly<Experiment> | null} */ #experiment = null;
  /** @type {Status} */ #status = 'idle';
  #configured = false;
  /** @type {NodeId} */ #node = 'preprocess';
  /** @type {Table | null} */ #table = null;
  /** @type {string[][]} */ #preview = [];
  /** @type {ConfiguredSummary | null} */ #summary = null;
  /** @type {EpochRecord[]} */ #history = [];
  /** @type {Evaluation | null} */ #evaluation = null;
  /** @type {TestPredictions | null} */ #predictions = null;
  /** @type {Grid | null} */ #grid = null;
  /** @type {SnapshotMessage[]} */ #snapshots = [];
  /** @type {number | null} */ #viewing = null;
  /** @type {SearchConfig | null} */ #proposedSearch = null;
  /** @type {DeployedModel | null} */ #model = null;
  /** @type {{name: string, text: Uint8Array | string, bytes: number} | null} */ #opening = null;
  /** @type {PendingLoad | null} */ #pendingLoad = null;
  /** @type {PendingLoad | null} */ #failedLoad = null;
  /** @type {LoadMessage | null} */ #lastLoad = null;
  /** @type {Language} */ #language = use(initialLanguage());
  #run = 0;

  /** The current experiment (Contract 1), defaults filled once configured; null before one opens. */
  get experiment() { return this.#experiment; }
  /** What the run bar shows: `idle loading ready training paused done error`. */
  get status() { return this.#status; }
  /** Whether the worker has built the current experiment. */
  get configured() { return this.#configured; }
  /** The open flowchart node. */
  get node() { return this.#node; }
  /** The loaded table's summary (the worker's `summary` message). */
  get table() { return this.#table; }
  /** The loaded table's first rows, as text. */
  get preview() { return this.#preview; }
  /** The `configured` summary: task, layers, parameters, rows per split. */
  get summary() { return this.#summary; }
  /** One record per trained epoch of the current run. @returns {readonly EpochRecord[]} */
  get history() { return this.#history; }
  /** The last test-set evaluation of the current run. */
  get evaluation() { return this.#evaluation; }
  /** The last `test_predictions` message of the current run. */
  get predictions() { return this.#predictions; }
  /** The last decision grid (null unless a classifier reads exactly two features). */
  get grid() { return this.#grid; }
  /** The teaching views of the current run by epoch, oldest first (www/watch.js asks for them). @returns {readonly SnapshotMessage[]} */
  get snapshots() { return this.#snapshots; }
  /** A search a lesson proposes (the Optimization panel fills its form with it), or null. */
  get proposedSearch() { return this.#proposedSearch; }
  /** The epoch the views show (the Training panel's scrubber), or null for the latest. */
  get viewing() { return this.#viewing; }
  /** The deployable model: trained in this tab or opened from a file (www/model.js). */
  get model() { return this.#model; }
  /** The last load the worker accepted (replayed after a restart; the search workers load it too). */
  get lastLoad() { return this.#lastLoad; }
  /** The load on its way (sent, not yet answered), or null. */
  get pendingLoad() { return this.#pendingLoad?.msg ?? null; }
  /** The last load the worker refused, with the experiment data it would have brought. */
  get failedLoad() { return this.#failedLoad; }
  /**
   * The current run (Contract 4's `run`): a new one with every experiment adopted; the worker's
   * messages of earlier runs are dropped.
   */
  get run() { return this.#run; }
  /** The language shown: `zh`, `en`, or `both` (English with the bilingual workflow labels). */
  get language() { return this.#language; }

  /**
   * Calls `fn(detail)` on each event `type`: a worker message type, or `experiment`, `status`,
   * `navigate`, `deployed`, `decided`, `language`.
   * @template {keyof Events} K
   * @param {K} type
   * @param {(detail: Events[K]) => void} fn
   */
  on(type, fn) {
    this.#events.addEventListener(type, (event) => fn(/** @type {CustomEvent<Events[K]>} */ (event).detail));
  }

  /**
   * @template {keyof Events} K
   * @param {K} type
   * @param {Events[K]} detail
   */
  #emit(type, detail) {
    this.#events.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** @param {Status} status */
  setStatus(status) {
    this.#status = status;
    this.#emit('status', status);
  }

  /**
   * Shows the page in `lang` from now on, remembered for the next visit unless `keep` is false;
   * announced as `language` (panels rewrite their texts; nothing else changes).
   * @param {Language} lang
   * @param {boolean} [keep]
   */
  setLanguage(lang, keep = true) {
    if (!isLanguage(lang)) return;
    this.#language = use(lang);
    if (keep) remember(lang);
    this.#emit('language', lang);
  }

  /** @param {NodeId} id the flowchart node to open */
  navigate(id) {
    this.#node = id;
    this.#emit('navigate', id);
  }

  /** @param {'optimize' | 'deploy'} choice the answer to "Optimize?" */
  decide(choice) {
    this.#emit('decided', choice);
  }

  /**
   * Shows the run at `epoch` in the views (loss chart, boundary, predictions, the network), or the
   * latest with null; announced as `scrub`.
   * @param {number | null} epoch
   */
  scrub(epoch) {
    this.#viewing = epoch;
    this.#emit('scrub', epoch);
  }

  /**
   * Proposes `search` (a search document) for the Optimization panel's form; announced as `search`.
   * @param {SearchConfig | null} search
   */
  proposeSearch(search) {
    this.#proposedSearch = search;
    this.#emit('search', search);
  }

  /**
   * Says that the user did what workflow step `id` is for (searched or applied a search, saved or
   * shared the model, asked it for a prediction): announced as `did` (the flowchart marks it done).
   * @param {NodeId} id
   */
  did(id) {
    this.#emit('did', id);
  }

  /**
   * Opens `experiment` whose data is still to be loaded (the page's start, a lesson, a dataset):
   * announced, not yet built.
   * @param {Experiment} experiment
   */
  openExperiment(experiment) {
    this.#adopt(experiment);
    this.#emit('opened', deepFreeze(experiment));
  }

  /**
   * Adopts `experiment`, mirrors it in the URL hash and forgets the last run; the App then builds
   * it in the worker.
   * @param {Experiment | DeepReadonly<Experiment>} experiment
   */
  setExperiment(experiment) {
    writeHash(experiment);
    this.#adopt(experiment);
    this.setStatus('loading');
  }

  /**
   * `setExperiment` with a copy of the current experiment that `edit` has changed.
   * @param {(draft: Experiment) => void} edit
   */
  editExperiment(edit) {
    const draft = /** @type {Experiment} */ (structuredClone(this.#experiment));
    edit(draft);
    this.setExperiment(draft);
  }

  /**
   * Changes the experiment of the session that runs now (the live learning rate) without
   * rebuilding it: the run and its history stay.
   * @param {(draft: Experiment) => void} edit
   */
  tuneExperiment(edit) {
    const draft = /** @type {Experiment} */ (structuredClone(this.#experiment));
    edit(draft);
    writeHash(draft);
    this.#experiment = deepFreeze(draft);
  }

  /** @param {Experiment | DeepReadonly<Experiment>} experiment */
  #adopt(experiment) {
    this.#experiment = deepFreeze(experiment);
    this.#run += 1;
    this.#history = [];
    this.#evaluation = null;
    this.#predictions = null;
    this.#grid = null;
    this.#snapshots = [];
    this.#viewing = null;
    this.#configured = false;
    this.#emit('experiment', this.#experiment);
  }

  /**
   * A load is on its way: `data`, the experiment's new `data` part, is adopted only once the table
   * has loaded (a file that fails leaves the data and experiment as they were).
   * @param {LoadMessage} msg
   * @param {Experiment['data'] | null} [data]
   */
  loading(msg, data = null) {
    this.#pendingLoad = { msg, data };
    this.#failedLoad = null;
    this.setStatus('loading');
  }

  /**
   * A model file is being opened: its content (bytes or text) and size are kept with the model it gives.
   * @param {string} name
   * @param {Uint8Array | string} text
   * @param {number} bytes
   */
  opening(name, text, bytes) {
    this.#opening = { name, text, bytes };
  }

  /**
   * A failure outside the worker (e.g. a damaged share link), shown as the worker's are, in the
   * page's language when it is one of the page's own (a PageError).
   * @param {string} stage
   * @param {unknown} err
   */
  fail(stage, err) {
    const i18n = errorMsg(err);
    this.receive({ type: 'error', stage, message: String(/** @type {Error} */ (err)?.message ?? err), i18n });
  }

  /**
   * Takes in a worker message: the state first, then the announcement under `msg.type`.
   * @param {WorkerMessage} msg
   */
  receive(msg) {
    // A message of a run the page has left (e.g. an epoch in flight when Reset was pressed); a
    // crash is shown whichever run it ended.
    if (msg.run !== undefined && msg.run !== this.#run && !(msg.type === 'error' && msg.fatal)) return;
    switch (msg.type) {
      case 'summary': {
        const { type, ...table } = msg;
        this.#table = table;
        if (this.#pendingLoad?.data) this.#experiment = deepFreeze({ ...this.#experiment, data: this.#pendingLoad.data });
        this.#lastLoad = this.#pendingLoad?.msg ?? this.#lastLoad;
        this.#pendingLoad = null;
        break;
      }
      case 'preview': this.#preview = msg.rows; break;
      case 'configured':
        this.#summary = msg.summary;
        this.#experiment = deepFreeze(msg.experiment);
        this.#configured = true;
        writeHash(msg.experiment);
        if (this.#model?.from === 'session') this.#setModel(null); // a new session forgets the old one's model
        this.setStatus('ready');
        break;
      case 'epoch': this.#history.push({ epoch: msg.epoch, loss: msg.loss, val_loss: msg.val_loss, ...msg.metrics }); break;
      case 'state': this.setStatus(msg.state); break;
      case 'evaluation': this.#evaluation = msg; break;
      case 'test_predictions': this.#predictions = msg; break;
      case 'grid': this.#grid = msg.grid; break;
      case 'snapshot':
        // One per epoch (a repeated epoch replaces its own); bounded by the watch (www/watch.js).
        if (this.#snapshots.at(-1)?.epoch === msg.epoch) this.#snapshots.pop();
        this.#snapshots.push(msg);
        break;
      case 'model':
        if (msg.error === undefined) {
          const opened = msg.source === 'import' ? this.#opening : null;
          const bytes = msg.json ? new TextEncoder().encode(msg.json).length : opened?.bytes ?? 0;
          this.#setModel({ from: msg.source, card: msg.card, json: msg.json, bytes, name: msg.name, text: opened?.text });
        }
        break;
      case 'error': this.#failed(msg); break;
      default: break;
    }
    this.#emit(msg.type, /** @type {any} */ (msg));
  }

  /** @param {ErrorMessage} msg */
  #failed(msg) {
    if (msg.stage === 'load') [this.#failedLoad, this.#pendingLoad] = [this.#pendingLoad, null];
    this.setStatus('error');
  }

  /** @param {DeployedModel | null} model */
  #setModel(model) {
    this.#model = model;
    this.#emit('deployed', model);
  }
}
