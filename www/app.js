// @ts-check
// The page's state (www/store.js) with its one line to the worker (www/trainer.js): what panels
// get as `app`. They read the store's getters, listen with `on(type, fn)`, change state through
// the store's methods and send worker messages with `send(msg)`; the worker's answers update the
// store before they are announced.
import { Store } from './store.js';
import { Trainer } from './trainer.js';
import { Recommending, isRecommendation } from './recommend.js';

/** @import {DeepReadonly, Experiment, LoadMessage, MainMessage, RecommendRequest} from './types.js' */

/** @param {LoadMessage} msg a copy whose bytes the page keeps (the message's may be transferred) */
const copyLoad = (msg) => ('bytes' in msg ? { ...msg, bytes: msg.bytes.slice() } : { ...msg });

export class App extends Store {
  #built = false; // whether an experiment has been sent to the worker to build
  /**
   * While an opened model waits for the CSV it was trained on (www/model_open.js), experiments
   * are kept and shown but not built: the worker still holds the table loaded before, which lacks
   * the model's columns.
   */
  awaitingData = false;

  constructor() {
    super();
    this.trainer = new Trainer((msg) => this.receive(msg), () => this.#replay());
    this.recommending = new Recommending((msg) => this.receive(msg));
  }

  /** @param {MainMessage | RecommendRequest} msg a recommendation's run goes to its own worker (www/recommend.js) */
  send(msg) {
    if (this.recommending.takes(msg, this.experiment, this.lastLoad)) return;
    this.trainer.send(/** @type {MainMessage} */ (msg));
  }

  /**
   * Loads a table (a worker `load` message); `data`, the experiment's new `data` part, is adopted
   * once the table has loaded.
   * @param {LoadMessage} msg
   * @param {Experiment['data'] | null} [data]
   */
  load(msg, data = null) {
    this.loading(copyLoad(msg), data);
    this.send(msg);
  }

  /**
   * Adopts `experiment` (see Store) and builds it in the worker.
   * @param {Experiment | DeepReadonly<Experiment>} experiment
   */
  setExperiment(experiment) {
    super.setExperiment(experiment);
    this.#built = !this.awaitingData;
    if (this.awaitingData) return this.setStatus('idle'); // nothing is being built: not "Loading data…"
    this.send({ type: 'configure', experiment: /** @type {Experiment} */ (this.experiment), run: this.run });
  }

  /**
   * Opens model file `text` (`bytes` long) named `name` in the worker (a recommender's in the
   * recommendation worker): the file's bytes (the core decodes UTF-8 or UTF-16, as the CLI does)
   * or its text.
   * @param {string} name
   * @param {Uint8Array | string} text
   * @param {number} bytes
   * @param {boolean} [recommender] a recommender's file
   */
  openModel(name, text, bytes, recommender = false) {
    this.opening(name, text, bytes);
    /** @type {Extract<MainMessage, {type: 'import'}>} */
    const msg = { type: 'import', name, model: text };
    if (recommender) this.recommending.open(msg);
    else this.send(msg);
  }

  /**
   * Cancels a slow load or build: the worker is ended and a new one gets the data the page holds
   * (a load on its way is dropped, the data before it stays); said as an error of that stage.
   */
  cancel() {
    const stage = this.pendingLoad ? 'load' : 'configure';
    this.receive({ type: 'error', stage, message: 'cancelled', i18n: { key: `error.cancel.${stage}` } });
    this.trainer.cancel();
  }

  /** @returns {import('./trainer.js').Replay} what a restarted worker needs: the table and experiment */
  #replay() {
    // A load still on its way when the worker died is sent again (and its answers awaited).
    const pending = this.pendingLoad;
    const load = pending ?? this.lastLoad;
    const configure = this.#built && this.experiment && !isRecommendation(this.experiment)
      ? { type: /** @type {const} */ ('configure'), experiment: /** @type {Experiment} */ (this.experiment), run: this.run } : null;
    return { load: load && copyLoad(load), known: !pending, configure };
  }
}
