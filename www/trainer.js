// @ts-check
// Main-thread side of the worker, the page's one line to it: sends messages, and restarts a dead
// worker, replaying what `replay()` says the page holds (the last dataset and experiment), so
// nothing the user loaded is lost.
//
// The first worker starts when this module is evaluated: index.html and embed.html load it ahead
// of the page's other modules, so the worker fetches and compiles the .wasm while they load. What
// it says before a Trainer listens is kept and handed over in order.

/** @import {MainMessage, WorkerMessage} from './types.js' */

const spawn = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

/** @type {{worker: Worker, said: Event[], keep: (event: Event) => void} | null} */
let early = (() => {
  const worker = spawn();
  /** @type {Event[]} */
  const said = [];
  /** @param {Event} event */
  const keep = (event) => {
    if (event.type === 'error') event.preventDefault();
    said.push(event);
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  return { worker, said, keep };
})();

/**
 * The worker started with this module (with what it has said so far), or a new one.
 * @returns {{worker: Worker, said: Event[]}}
 */
function takeWorker() {
  if (!early) return { worker: spawn(), said: [] };
  const { worker, said, keep } = early;
  early = null;
  worker.removeEventListener('message', keep);
  worker.removeEventListener('error', keep);
  return { worker, said };
}

/**
 * What a restarted worker is sent: the page's data (`load`; `known` when the page holds its answers
 * already, so they are not announced again) and experiment (`configure`).
 * @typedef {{load: MainMessage | null, known: boolean, configure: MainMessage | null}} Replay
 */

export class Trainer {
  /** @type {Worker | null} null after a replay crashed too: the next message starts a worker */
  #worker;
  /** A replay is on its way (until the worker has built the experiment): a crash now is the replay's. */
  #replaying = false;
  /** The answers of a replayed load the page holds already (progress, summary, preview) are dropped. */
  #quiet = false;
  /** What the page sends while it takes in a crash (e.g. a model to open again): sent to the next worker. @type {MainMessage[] | null} */
  #held = null;

  /**
   * @param {(msg: WorkerMessage) => void} onMessage every message from the worker, in order
   * @param {() => Replay} replay what to send a restarted worker
   */
  constructor(onMessage, replay) {
    this.onMessage = onMessage;
    this.replay = replay;
    this.#worker = this.#start();
  }

  #start() {
    const { worker, said } = takeWorker();
    // A worker already ended (a crash, a cancel) may still have messages on their way: dropped.
    /** @param {MessageEvent<WorkerMessage>} event */
    const onmessage = ({ data }) => this.#worker === worker && this.#receive(data);
    /** @param {ErrorEvent} event */
    const onerror = (event) => {
      event.preventDefault();
      if (this.#worker !== worker) return;
      const detail = event.message || 'could not start';
      this.#receive({ type: 'error', stage: 'worker', message: `the training worker failed: ${detail}`, fatal: true,
        i18n: { key: 'error.worker', params: { detail } } });
    };
    worker.onmessage = onmessage;
    worker.onerror = onerror;
    // Replayed after the caller's constructor has returned, before any later message arrives.
    if (said.length) {
      queueMicrotask(() => said.forEach((e) => (e.type === 'error' ? onerror(/** @type {ErrorEvent} */ (e)) : onmessage(/** @type {MessageEvent} */ (e)))));
    }
    return worker;
  }

  /** @param {WorkerMessage} msg */
  #receive(msg) {
    if (this.#quiet && ['progress', 'summary', 'preview'].includes(msg.type)) {
      this.#quiet = msg.type !== 'preview';
      return;
    }
    if (msg.type === 'configured') this.#replaying = false;
    if (msg.type === 'error' && msg.stage === 'load') this.#quiet = false;
    if (msg.type !== 'error' || !msg.fatal) return this.onMessage(msg);
    // A crash. The first is answered with a new worker and the page's data and experiment; when
    // that replay crashes too, the page keeps both and says what failed, and no worker starts
    // until the user sends something (a changed experiment, other data).
    const again = this.#replaying;
    const detail = msg.i18n ?? { key: 'core', params: { message: msg.message } };
    this.#stop();
    this.#held = [];
    this.onMessage(again ? { ...msg, i18n: { key: 'error.crashedAgain', params: { detail } } } : msg);
    const held = this.#held;
    this.#held = null;
    if (!again) {
      const { load, known, configure } = this.replay();
      this.#begin(load, known);
      if (configure) this.#worker?.postMessage(configure);
    }
    held.forEach((m) => this.send(m));
  }

  /** Ends the worker (a crashed worker has closed itself; a stuck one is terminated). */
  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#quiet = false;
  }

  /**
   * Starts a worker that gets `load` first (its answers dropped when `known`).
   * @param {MainMessage | null} load
   * @param {boolean} known
   */
  #begin(load, known) {
    this.#worker = this.#start();
    this.#replaying = true;
    if (!load) return;
    this.#quiet = known;
    this.#worker.postMessage(load);
  }

  /** Ends the worker, busy as it may be (a slow setup), and starts one with the page's data only. */
  cancel() {
    this.#stop();
    const { load, known } = this.replay();
    this.#begin(load, known);
    this.#replaying = false;
  }

  /** @param {MainMessage} msg */
  send(msg) {
    if (this.#held) return void this.#held.push(msg);
    // After a replay crashed: a new worker with the page's data, then what the user asked for.
    if (!this.#worker) {
      const { load, known } = this.replay();
      this.#begin(msg.type === 'load' ? null : load, known);
    }
    /** @type {Worker} */ (this.#worker).postMessage(msg);
  }
}
