// Page wiring: forms edit the experiment, the worker trains it, the chart and metrics show it.
import { BUILTINS, fitOutputLayer } from './datasets.js';
import { drawLoss } from './chart.js';
import { readHash, writeHash } from './state.js';
import { Trainer } from './trainer.js';
import { $, byTestId, clearMetrics, fillSelect, setStatus, showError, showMetrics } from './ui.js';

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const page = { experiment: null, columns: [], history: [], runOnReady: false, configured: false };
const trainer = new Trainer(onWorkerMessage);

function onWorkerMessage(msg) {
  switch (msg.type) {
    case 'summary': return onSummary(msg);
    case 'configured': return onConfigured(msg);
    case 'epoch': return onEpoch(msg);
    case 'evaluation': return showMetrics(msg);
    case 'state': return setStatus(msg.state, msg.state === 'done' ? `after ${page.history.length} epochs` : '');
    case 'error': return onError(msg);
    default: return undefined;
  }
}

function onError(msg) {
  showError(msg.message);
  setStatus('error');
  byTestId('train').disabled = !page.configured;
}

function onSummary(summary) {
  page.columns = summary.columns;
  $('#data-summary').textContent = `${summary.name}: ${summary.rows} rows × ${summary.columns.length} columns`;
  const names = summary.columns.map((c) => c.name);
  const data = page.experiment.data;
  if (!names.includes(data.target)) data.target = names[names.length - 1];
  fillSelect($('#target'), names.map((n) => [n, n]), data.target);
  configure();
}

function configure() {
  const target = page.columns.find((c) => c.name === page.experiment.data.target);
  if (target) fitOutputLayer(page.experiment, target);
  writeHash(page.experiment);
  page.history = [];
  page.configured = false;
  drawLoss($('#loss-chart'), page.history);
  showLossSummary(page.history);
  clearMetrics();
  setStatus('loading');
  trainer.send({ type: 'configure', experiment: page.experiment });
}

function onConfigured({ summary, experiment }) {
  page.configured = true;
  page.experiment = experiment;
  syncForm();
  writeHash(experiment);
  showError('');
  const shape = summary.layers.map((l) => `${l.kind} → [${l.output_shape.join('×')}]`).join(', ');
  $('#model-summary').textContent = `${summary.task}: ${summary.features.length} features → ${summary.target}. ` +
    `${shape}. ${summary.params} parameters. Rows: ${summary.rows[0]} train / ${summary.rows[1]} validation / ${summary.rows[2]} test.`;
  setStatus('ready');
  if (page.runOnReady) {
    page.runOnReady = false;
    train();
  }
}

function onEpoch(msg) {
  page.history.push({ epoch: msg.epoch, loss: msg.loss, val_loss: msg.val_loss, ...msg.metrics });
  drawLoss($('#loss-chart'), page.history);
  showLossSummary(page.history);
  const total = page.experiment.fit.epochs;
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
  trainer.send({ type: 'train' });
}

function reset(thenTrain = false) {
  page.runOnReady = thenTrain;
  configure();
}

function loadSource(source) {
  setStatus('loading');
  trainer.send({ type: 'load', source });
}

function chooseDataset(name) {
  page.experiment = BUILTINS[name].experiment();
  syncForm();
  loadSource(page.experiment.data.source);
}

async function upload(file) {
  if (!file) return;
  if (file.size > MAX_UPLOAD_BYTES) {
    showError(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; this tab takes CSV files up to ${MAX_UPLOAD_BYTES / 1e6} MB`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  page.experiment.data = { ...page.experiment.data, source: `file:${file.name}`, target: null, task: 'auto', split: { method: 'random', validation: 0.1, test: 0.2 } };
  $('#dataset').value = '';
  setStatus('loading');
  trainer.send({ type: 'load', name: file.name, bytes });
}

function syncForm() {
  const e = page.experiment;
  const hidden = e.model.layers.find((l) => l.type === 'dense' && e.model.layers.indexOf(l) < e.model.layers.length - 1);
  $('#units').value = hidden ? hidden.units : 16;
  $('#epochs').value = e.fit.epochs;
  $('#learning-rate').value = e.compile.optimizer.learning_rate ?? 0.001;
  $('#seed').value = e.seed;
  const builtin = e.data.source.startsWith('builtin:') ? e.data.source.slice(8) : '';
  $('#dataset').value = builtin in BUILTINS ? builtin : '';
}

function readForm() {
  const e = page.experiment;
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
    if (byTestId('status').dataset.state === 'training' && lr > 0) trainer.send({ type: 'set', learning_rate: lr });
  });
  byTestId('train').addEventListener('click', train);
  byTestId('pause').addEventListener('click', () => trainer.send({ type: 'pause' }));
  byTestId('step').addEventListener('click', () => trainer.send({ type: 'step', unit: 'epoch' }));
  byTestId('stop').addEventListener('click', () => trainer.send({ type: 'stop' }));
  byTestId('reset').addEventListener('click', () => reset(false));
}

function start() {
  wire();
  let fromHash = null;
  try {
    ({ experiment: fromHash, run: page.runOnReady } = readHash(location.hash));
  } catch (err) {
    showError(`The link's experiment could not be read (${err.message}); opened the default instead.`);
  }
  page.experiment = fromHash ?? BUILTINS.iris.experiment();
  page.experiment.data ??= {};
  // The core's default model; its output layer is fitted to the target once the data is known.
  page.experiment.model ??= { layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1 }] };
  const source = page.experiment.data.source ?? 'builtin:iris';
  if (source.startsWith('file:')) {
    showError(`This experiment was made with an uploaded file (${source.slice(5)}); upload it to continue.`);
    setStatus('idle');
  } else {
    loadSource(source);
  }
}

// An unstable handle for debugging and tests; not part of the page contract.
window.kindling = { page, trainer };
start();
