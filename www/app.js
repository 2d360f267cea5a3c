// The page's shared state and its one line to the worker. Panels read the state, listen with
// `on(type, fn)` (worker message types, plus 'status' and 'experiment'), send worker messages with
// `send(msg)`, and change the experiment only through `setExperiment(experiment)`.
import { Trainer } from './trainer.js';
import { writeHash } from './state.js';

export class App extends EventTarget {
  constructor() {
    super();
    this.experiment = null; // the current experiment (Contract 1), defaults filled once configured
    this.table = null; // {name, rows, columns:[{name, kind, missing, distinct}]} of the loaded data
    this.summary = null; // the 'configured' summary: task, layers, params, rows
    this.history = []; // epoch records {epoch, loss, val_loss, accuracy, val_accuracy}
    this.evaluation = null; // the last test-set evaluation
    this.status = 'idle';
    this.configured = false;
    this.trainer = new Trainer((msg) => this.receive(msg));
  }

  on(type, fn) {
    this.addEventListener(type, (event) => fn(event.detail));
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  send(msg) {
    this.trainer.send(msg);
  }

  setStatus(status) {
    this.status = status;
    this.emit('status', status);
  }

  /** Adopts `experiment`, mirrors it in the URL hash and rebuilds the session from it. */
  setExperiment(experiment) {
    this.experiment = experiment;
    writeHash(experiment);
    this.history = [];
    this.evaluation = null;
    this.configured = false;
    this.emit('experiment', experiment);
    this.setStatus('loading');
    this.send({ type: 'configure', experiment });
  }

  receive(msg) {
    switch (msg.type) {
      case 'summary': this.table = { name: msg.name, rows: msg.rows, columns: msg.columns }; break;
      case 'configured':
        Object.assign(this, { summary: msg.summary, experiment: msg.experiment, configured: true });
        writeHash(msg.experiment);
        break;
      case 'epoch': this.history.push({ epoch: msg.epoch, loss: msg.loss, val_loss: msg.val_loss, ...msg.metrics }); break;
      case 'evaluation': this.evaluation = msg; break;
      default: break;
    }
    this.emit(msg.type, msg);
  }
}
