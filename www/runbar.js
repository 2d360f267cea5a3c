// The run bar, shown with every panel: train / pause / step (one batch or one epoch) / stop /
// reset, the aria-live status and the progress bar. Reset rebuilds the session from the same
// experiment and seed, so training restarts from the same initial weights.
import { $, byTestId, setStatus, showError } from './ui.js';

export function mountRunBar(app) {
  let runOnReady = false;
  const unit = $('#step-unit');

  function train() {
    if (app.status === 'done') return reset(true);
    showError('');
    setStatus('training');
    app.setStatus('training');
    app.send({ type: 'train' });
    app.navigate('train');
  }

  function reset(thenTrain = false) {
    runOnReady = thenTrain;
    app.setExperiment(app.experiment);
  }

  byTestId('train').addEventListener('click', train);
  byTestId('pause').addEventListener('click', () => app.send({ type: 'pause' }));
  byTestId('step').addEventListener('click', () => {
    showError('');
    app.send({ type: 'step', unit: unit.value });
  });
  byTestId('stop').addEventListener('click', () => app.send({ type: 'stop' }));
  byTestId('reset').addEventListener('click', () => reset(false));

  app.on('status', (s) => {
    if (s !== byTestId('status').dataset.state) setStatus(s);
  });
  app.on('experiment', () => {
    $('#progress').value = 0;
    setStatus('loading');
  });
  app.on('configured', () => {
    showError('');
    app.setStatus('ready');
    if (runOnReady) {
      runOnReady = false;
      train();
    }
  });
  app.on('epoch', (msg) => {
    const total = app.experiment.fit.epochs;
    $('#progress').value = msg.epoch / total;
    $('#progress').setAttribute('aria-valuetext', `epoch ${msg.epoch} of ${total}`);
    if (app.status === 'training') setStatus('training', `epoch ${msg.epoch} / ${total}`);
  });
  app.on('state', (msg) => {
    app.status = msg.state;
    setStatus(msg.state, msg.state === 'done' ? `after ${app.history.length} epochs` : '');
  });
  app.on('error', (msg) => {
    showError(msg.message);
    app.status = 'error';
    setStatus('error');
    byTestId('train').disabled = !app.configured;
    byTestId('step').disabled = !app.configured;
  });
  return { train, reset, runOnReady: () => { runOnReady = true; } };
}
