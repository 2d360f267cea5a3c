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

export class Trainer {
  /** @type {Worker} */
  #worker;

  /**
   * @param {(msg: WorkerMessage) => void} onMessage every message from the worker, in order
   * @param {() => MainMessage[]} replay what to send a restarted worker
   */
  constructor(onMessage, replay) {
    this.onMessage = onMessage;
    this.replay = replay;
    this.#worker = this.#start();
  }

  #start() {
    const { worker, said } = takeWorker();
    /** @param {MessageEvent<WorkerMessage>} event */
    const onmessage = ({ data }) => {
      if (data.type === 'error' && data.fatal) this.restart();
      this.onMessage(data);
    };
    /** @param {ErrorEvent} event */
    const onerror = (event) => {
      event.preventDefault();
      const detail = event.message || 'could not start';
      this.onMessage({ type: 'error', stage: 'worker', message: `the training worker failed: ${detail}`, fatal: true,
        i18n: { key: 'error.worker', params: { detail } } });
      this.restart();
    };
    worker.onmessage = onmessage;
    worker.onerror = onerror;
    // Replayed after the caller's constructor has returned, before any later message arrives.
    if (said.length) {
      queueMicrotask(() => said.forEach((e) => (e.type === 'error' ? onerror(/** @type {ErrorEvent} */ (e)) : onmessage(/** @type {MessageEvent} */ (e)))));
    }
    return worker;
  }

  /** Replaces the worker and replays the page's data and experiment. */
  restart() {
    this.#worker.terminate();
    this.#worker = this.#start();
    for (const msg of this.replay()) this.send(msg);
  }

  /** @param {MainMessage} msg */
  send(msg) {
    this.#worker.postMessage(msg);
  }
}
