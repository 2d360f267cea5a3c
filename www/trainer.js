// Main-thread side of the worker: sends messages, and restarts a dead worker with the state the
// page holds (the last dataset and experiment), so nothing the user loaded is lost.

export class Trainer {
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.lastLoad = null; // the last load that succeeded (replayed after a restart)
    this.pendingLoad = null;
    this.lastExperiment = null;
    this.start();
  }

  start() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => {
      if (data.type === 'summary') this.lastLoad = this.pendingLoad ?? this.lastLoad;
      if (data.type === 'error' && data.fatal) this.restart();
      this.onMessage(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.onMessage({ type: 'error', stage: 'worker', message: `the training worker failed: ${event.message || 'could not start'}`, fatal: true });
      this.restart();
    };
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
