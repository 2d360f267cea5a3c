// Page wiring: forms edit the experiment, the worker trains it, the chart and metrics show it.
import { BUILTINS, fitOutputLayer } from './datasets.js';
import { drawLoss } from './chart.js';
import { App } from './app.js';
import { readHash } from './state.js';
import { $, byTestId, clearMetrics, fillSelect, setStatus, showError, showMetrics } from './ui.js';

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const app = new App();
let runOnReady = false;
app.on('summary', onSummary);
app.on('configured', onConfigured);
app.on('epoch', onEpoch);
app.on('evaluation', showMetrics);
app.on('state', (msg) => setStatus(msg.state, msg.state === 'done' ? `after ${app.history.length} epochs` : ''));
app.on('error', onError);

function onError(msg) {
  showError(msg.message);
  setStatus('error');
  byTestId('train').disabled = !app.configured;
}

function onSummary(summary) {
  $('#data-summary').textContent = `${summary.name}: ${summary.rows} rows × ${summary.columns.length} columns`;
  const names = summary.columns.map((c) => c.name);
  const data = app.experiment.data;
  if (!names.includes(data.target)) data.target = names[names.length - 1];
  fillSelect($('#target'), names.map((n) => [n, n]), data.target);
  configure();
}

function configure() {
  const target = app.table?.columns.find((c) => c.name === app.experiment.data.target);
  if (target) fitOutputLayer(app.experiment, target);
  app.setExperiment(app.experiment);
  drawLoss($('#loss-chart'), app.history);
  showLossSummary(app.history);
  clearMetrics();
  setStatus('loading');
}

function onConfigured({ summary }) {
  syncForm();
  showError('');
  const shape = summary.layers.map((l) => `${l.kind} → [${l.output_shape.join('×')}]`).join(', ');
  $('#model-summary').textContent = `${summary.task}: ${summary.features.length} features → ${summary.target}. ` +
    `${shape}. ${summary.params} parameters. Rows: ${summary.rows[0]} train / ${summary.rows[1]} validation / ${summary.rows[2]} test.`;
  setStatus('ready');
  if (runOnReady) {
    runOnReady = false;
    train();
  }
}

function onEpoch(msg) {
  drawLoss($('#loss-chart'), app.history);
  showLossSummary(app.history);
  const total = app.experiment.fit.epochs;
  $('#progress').value = msg.epoch / total;
  if (byTestId('status').dataset.state === 'training') setStatus('training', `epoch ${msg.epoch} / ${total}`);
}

function showLossSummary(history) {
  const el = byTestId('loss-summary');
  if (!history.length) {
    el.textContent = '';
    return;
  }
  const first = history[0].loss;
  const last = history[history.length - 1].loss;
  Object.assign(el.dataset, { first: String(first), last: String(last), epochs: String(history.length) });
  el.textContent = `Training loss ${first.toPrecision(3)} at epoch 1 → ${last.toPrecision(3)} at epoch ${history.length}`;
}

function train() {
  if (byTestId('status').dataset.state === 'done') return reset(true);
  showError('');
  setStatus('training');
  app.send({ type: 'train' });
}

function reset(thenTrain = false) {
  runOnReady = thenTrain;
  configure();
}

function loadSource(source) {
  setStatus('loading');
  app.send({ type: 'load', source });
}

function chooseDataset(name) {
  app.experiment = BUILTINS[name].experiment();
  syncForm();
  loadSource(app.experiment.data.source);
}

async function upload(file) {
  if (!file) return;
  if (file.size > MAX_UPLOAD_BYTES) {
    showError(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; this tab takes CSV files up to ${MAX_UPLOAD_BYTES / 1e6} MB`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  app.experiment.data = { ...app.experiment.data, source: `file:${file.name}`, target: null, task: 'auto', split: { method: 'random', validation: 0.1, test: 0.2 } };
  $('#dataset').value = '';
  setStatus('loading');
  app.send({ type: 'load', name: file.name, bytes });
}

function syncForm() {
  const e = app.experiment;
  const hidden = e.model.layers.find((l) => l.type === 'dense' && e.model.layers.indexOf(l) < e.model.layers.length - 1);
  $('#units').value = hidden ? hidden.units : 16;
  $('#epochs').value = e.fit.epochs;
  $('#learning-rate').value = e.compile.optimizer.learning_rate ?? 0.001;
  $('#seed').value = e.seed;
  const builtin = e.data.source.startsWith('builtin:') ? e.data.source.slice(8) : '';
  $('#dataset').value = builtin in BUILTINS ? builtin : '';
}

function readForm() {
  const e = app.experiment;
  const hidden = e.model.layers.slice(0, -1).find((l) => l.type === 'dense');
  if (hidden) hidden.units = Number($('#units').value);
  e.fit.epochs = Number($('#epochs').value);
  e.compile.optimizer.learning_rate = Number($('#learning-rate').value);
  e.seed = Number($('#seed').value);
  e.data.target = $('#target').value;
}

function wire() {
  fillSelect($('#dataset'), [['', '(uploaded CSV)'], ...Object.entries(BUILTINS).map(([k, v]) => [k, v.label])], 'iris');
  $('#dataset').addEventListener('change', (ev) => ev.target.value && chooseDataset(ev.target.value));
  byTestId('csv-input').addEventListener('change', (ev) => upload(ev.target.files[0]));
  for (const id of ['#units', '#epochs', '#learning-rate', '#seed', '#target']) {
    $(id).addEventListener('change', () => { readForm(); configure(); });
  }
  $('#learning-rate').addEventListener('input', () => {
    const lr = Number($('#learning-rate').value);
    if (byTestId('status').dataset.state === 'training' && lr > 0) app.send({ type: 'set', learning_rate: lr });
  });
  byTestId('train').addEventListener('click', train);
  byTestId('pause').addEventListener('click', () => app.send({ type: 'pause' }));
  byTestId('step').addEventListener('click', () => app.send({ type: 'step', unit: 'epoch' }));
  byTestId('stop').addEventListener('click', () => app.send({ type: 'stop' }));
  byTestId('reset').addEventListener('click', () => reset(false));
}

function start() {
  wire();
  let fromHash = null;
  try {
    ({ experiment: fromHash, run: runOnReady } = readHash(location.hash));
  } catch (err) {
    showError(`The link's experiment could not be read (${err.message}); opened the default instead.`);
  }
  app.experiment = fromHash ?? BUILTINS.iris.experiment();
  app.experiment.data ??= {};
  // The core's default model; its output layer is fitted to the target once the data is known.
  app.experiment.model ??= { layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1 }] };
  const source = app.experiment.data.source ?? 'builtin:iris';
  if (source.startsWith('file:')) {
    showError(`This experiment was made with an uploaded file (${source.slice(5)}); upload it to continue.`);
    setStatus('idle');
  } else {
    loadSource(source);
  }
}

// An unstable handle for debugging and tests; not part of the page contract.
window.kindling = { app, trainer: app.trainer };
start();
