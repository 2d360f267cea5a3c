// @ts-check
// Main-thread side of the recommendation worker (www/recommend-worker.js): while the experiment's
// task is `recommendation`, the run's messages (configure, train, pause, step, stop, evaluate and
// the Application panel's requests) go to it instead of the training worker, which still reads the
// CSV for the Preprocessing panel. The worker starts on the first such experiment, so pages that
// never recommend never fetch the lab package.

/** @import {DeepReadonly, Experiment, LoadMessage, MainMessage, RecommendRequest, WorkerMessage} from './types.js' */

/**
 * Messages that stay with the training worker whatever the task: the data, and opened model files
 * (a recommender's goes to this worker through `open`, whatever the experiment now).
 */
const TRAINER_ONLY = new Set(['load', 'import']);

/** @param {DeepReadonly<Experiment> | null | undefined} e */
export const isRecommendation = (e) => e?.data?.task === 'recommendation';

export class Recommending {
  /** @type {Worker | null} */
  #worker = null;

  /** @param {(msg: WorkerMessage) => void} onMessage every message from the worker, in order */
  constructor(onMessage) {
    this.onMessage = onMessage;
  }

  /**
   * Sends `msg` to the recommendation worker when `experiment` is a recommendation and `msg` is
   * one of its run's; returns whether it did (else the training worker gets it). A run's message
   * the recommender has no answer for (a decision grid, a model export) is dropped.
   * @param {MainMessage | RecommendRequest} msg
   * @param {DeepReadonly<Experiment> | null} experiment
   * @param {LoadMessage | null} load the table the page holds (the configure's data)
   */
  takes(msg, experiment, load) {
    if (TRAINER_ONLY.has(msg.type) || !isRecommendation(experiment)) return false;
    if (msg.type === 'configure') {
      const source = experiment?.data?.source ?? '';
      const data = load && 'bytes' in load ? { name: load.name, bytes: load.bytes.slice() }
        : { source: load && 'source' in load ? load.source : source };
      this.#start().postMessage({ ...msg, data });
    } else this.#worker?.postMessage(msg);
    return true;
  }

  /**
   * Opens a recommender's model file in the recommendation worker (started for it): answered by
   * `model` (its card, or the error that leaves everything as it was).
   * @param {Extract<MainMessage, {type: 'import'}>} msg
   */
  open(msg) {
    this.#start().postMessage(msg);
  }

  #start() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./recommend-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (/** @type {MessageEvent<WorkerMessage>} */ { data }) => {
      if (data.type === 'error' && data.fatal) this.#stop(); // the next configure starts a new one
      this.onMessage(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#stop();
      const detail = event.message || 'could not start';
      this.onMessage({ type: 'error', stage: 'worker', message: `the recommendation worker failed: ${detail}`, fatal: true,
        i18n: { key: 'error.worker', params: { detail } } });
    };
    this.#worker = worker;
    return worker;
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
