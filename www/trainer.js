// Main-thread side of the worker: sends messages, and restarts a dead worker with the state the
// page holds (the last dataset and experiment), so nothing the user loaded is lost.
//
// The first worker starts when this module is evaluated: index.html and embed.html load it ahead
// of the page's other modules, so the worker fetches and compiles the .wasm while they load. What
// it says before a Trainer listens is kept and handed over in order.
const spawn = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

let early = (() => {
  const worker = spawn();
  const said = [];
  const keep = (event) => {
    if (event.type === 'error') event.preventDefault();
    said.push(event);
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  return { worker, said, keep };
})();

/** The worker started with this module (with what it has said so far), or a new one. */
function takeWorker() {
  if (!early) return { worker: spawn(), said: [] };
  const { worker, said, keep } = early;
  early = null;
  worker.removeEventListener('message', keep);
  worker.removeEventListener('error', keep);
  return { worker, said };
}

export class Trainer {
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.lastLoad = null; // the last load that succeeded (replayed after a restart)
    this.pendingLoad = null;
    this.lastExperiment = null;
    this.start();
  }

  start() {
    const { worker, said } = takeWorker();
    this.worker = worker;
    const onmessage = ({ data }) => {
      if (data.type === 'summary') this.lastLoad = this.pendingLoad ?? this.lastLoad;
      if (data.type === 'error' && data.fatal) this.restart();
      this.onMessage(data);
    };
    const onerror = (event) => {
      event.preventDefault();
      this.onMessage({ type: 'error', stage: 'worker', message: `the training worker failed: ${event.message || 'could not start'}`, fatal: true });
      this.restart();
    };
    worker.onmessage = onmessage;
    worker.onerror = onerror;
    // Replayed after the caller's constructor has returned, before any later message arrives.
    if (said.length) queueMicrotask(() => said.forEach((e) => (e.type === 'error' ? onerror(e) : onmessage(e))));
  }

  /** Replaces the worker and replays the last load and configure. */
  restart() {
    this.worker.terminate();
    this.start();
    if (this.lastLoad) this.send(copyLoad(this.lastLoad));
    if (this.lastExperiment) this.send({ type: 'configure', experiment: this.lastExperiment });
  }

  send(msg) {
    if (msg.type === 'load') this.pendingLoad = copyLoad(msg);
    if (msg.type === 'configure') this.lastExperiment = msg.experiment;
    this.worker.postMessage(msg);
  }
}

const copyLoad = (msg) => (msg.bytes ? { ...msg, bytes: msg.bytes.slice() } : { ...msg });
