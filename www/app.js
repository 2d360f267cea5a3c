// The page's shared state and its one line to the worker. Panels read the state, listen with
// `on(type, fn)` (worker message types, plus 'status', 'experiment' and 'navigate'), send worker
// messages with `send(msg)`, and change the experiment only through `setExperiment(experiment)`.
import { Trainer } from './trainer.js';
import { writeHash } from './state.js';

export class App extends EventTarget {
  constructor() {
    super();
    this.experiment = null; // the current experiment (Contract 1), defaults filled once configured
    this.table = null; // {name, rows, columns:[{name, kind, missing, distinct, ...}]} of the loaded data
    this.preview = []; // the table's first rows, as text
    this.summary = null; // the 'configured' summary: task, layers, params, rows
    this.history = []; // epoch records {epoch, loss, val_loss, accuracy, val_accuracy}
    this.evaluation = null; // the last test-set evaluation
    this.predictions = null; // the last 'test_predictions' message
    this.grid = null; // the last decision grid (or null when there are not exactly two features)
    this.status = 'idle';
    this.configured = false;
    this.node = 'preprocess'; // the open flowchart node
    this.pendingLoad = null; // {msg, data}: a load in flight and the experiment data it brings
    this.failedLoad = null; // the last load the worker refused (so the page can offer to retry it)
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

  /**
   * Loads a table (a worker `load` message). `data`, the experiment's new `data` part, is adopted
   * only once the table has loaded: a file that fails leaves the current data and experiment as
   * they were.
   */
  load(msg, data = null) {
    this.pendingLoad = { msg, data };
    this.failedLoad = null;
    this.setStatus('loading');
    this.send(msg);
  }

  /** Opens flowchart node `id` (its panel). */
  navigate(id) {
    this.node = id;
    this.emit('navigate', id);
  }

  /** Adopts `experiment`, mirrors it in the URL hash and rebuilds the session from it. */
  setExperiment(experiment) {
    this.experiment = experiment;
    writeHash(experiment);
    this.history = [];
    this.evaluation = null;
    this.predictions = null;
    this.grid = null;
    this.configured = false;
    this.emit('experiment', experiment);
    this.setStatus('loading');
    this.send({ type: 'configure', experiment });
  }

  receive(msg) {
    switch (msg.type) {
      case 'summary':
        this.table = { ...msg };
        delete this.table.type;
        if (this.pendingLoad?.data) this.experiment.data = this.pendingLoad.data;
        this.pendingLoad = null;
        break;
      case 'error':
        if (msg.stage === 'load') [this.failedLoad, this.pendingLoad] = [this.pendingLoad, null];
        break;
      case 'preview': this.preview = msg.rows; break;
      case 'configured':
        Object.assign(this, { summary: msg.summary, experiment: msg.experiment, configured: true });
        writeHash(msg.experiment);
        break;
      case 'epoch': this.history.push({ epoch: msg.epoch, loss: msg.loss, val_loss: msg.val_loss, ...msg.metrics }); break;
      case 'evaluation': this.evaluation = msg; break;
      case 'test_predictions': this.predictions = msg; break;
      case 'grid': this.grid = msg.grid; break;
      default: break;
    }
    this.emit(msg.type, msg);
  }
}
