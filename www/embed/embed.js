// The embed page: one experiment from the hash (and its shared data), a train button, the loss
// chart and the chosen panels. `hide=metrics,settings,chart` hides panels, `readonly=1` locks
// the settings, `run=1` trains at once. Each embed owns its own worker and never touches its host.
import { App } from '../app.js';
import { drawLoss } from '../chart.js';
import { fitOutputLayer } from '../datasets.js';
import { readSharedData } from '../share.js';
import { readHash } from '../state.js';
import { clearMetrics, showMetrics } from '../panels/evaluate.js';
import { $, byTestId, setStatus, showError } from '../ui.js';

const params = new URLSearchParams(location.hash.slice(1));
const hide = new Set((params.get('hide') ?? '').split(','));
const readonly = params.get('readonly') === '1';
// What the app's hash rewrite would drop: kept so a reload shows the same embed.
const extras = [...params].filter(([k]) => !['experiment', 'run'].includes(k));
const app = new App();
let runOnReady = params.get('run') === '1';

function configure() {
  const target = app.table?.columns.find((c) => c.name === app.experiment.data.target);
  if (target) fitOutputLayer(app.experiment, target, app.table.max_classes);
  app.setExperiment(app.experiment);
  clearMetrics($('#metrics'), $('#metrics-note'));
}

app.on('summary', (summary) => {
  const names = summary.columns.map((c) => c.name);
  if (!names.includes(app.experiment.data.target)) app.experiment.data.target = names[names.length - 1];
  configure();
});
app.on('configured', () => {
  if (extras.length) history.replaceState(null, '', `${location.hash}&${new URLSearchParams(extras)}`);
  const full = new URLSearchParams(location.hash.slice(1));
  ['hide', 'readonly', 'run'].forEach((k) => full.delete(k));
  $('#open-full').href = `index.html#${full}`;
  $('#epochs').value = app.experiment.fit.epochs;
  $('#learning-rate').value = Number(app.experiment.compile.optimizer.learning_rate.toPrecision(6));
  showError('');
  setStatus('ready');
  if (runOnReady) train();
});
app.on('epoch', (msg) => {
  drawLoss($('#loss-chart'), app.history);
  const first = app.history[0].loss;
  const el = byTestId('loss-summary');
  Object.assign(el.dataset, { first: String(first), last: String(msg.loss), epochs: String(msg.epoch) });
  el.textContent = `Epoch ${msg.epoch} / ${app.experiment.fit.epochs}: training loss ${first.toPrecision(3)} → ${msg.loss.toPrecision(3)}`;
});
// The embed's frame is small: the headline metrics only (no macro precision / recall).
const EMBED_METRICS = ['accuracy', 'f1', 'rmse', 'mae', 'r2', 'loss'];
app.on('evaluation', (ev) => showMetrics($('#metrics'), $('#metrics-note'), ev, EMBED_METRICS));
app.on('state', (msg) => setStatus(msg.state));
app.on('error', (msg) => {
  showError(msg.message);
  setStatus('error');
});

function train() {
  runOnReady = false;
  if (byTestId('status').dataset.state === 'done') {
    runOnReady = true;
    return configure();
  }
  setStatus('training');
  app.send({ type: 'train' });
}

function wire() {
  for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = hide.has(panel.dataset.panel);
  for (const input of document.querySelectorAll('[data-panel=settings] input')) {
    input.disabled = readonly;
    input.addEventListener('change', () => {
      app.experiment.fit.epochs = Number($('#epochs').value);
      app.experiment.compile.optimizer.learning_rate = Number($('#learning-rate').value);
      configure();
    });
  }
  byTestId('train').addEventListener('click', train);
  byTestId('pause').addEventListener('click', () => app.send({ type: 'pause' }));
  byTestId('step').addEventListener('click', () => app.send({ type: 'step', unit: 'epoch' }));
  byTestId('stop').addEventListener('click', () => app.send({ type: 'stop' }));
}

async function start() {
  wire();
  const { experiment } = readHash(location.hash);
  if (!experiment) throw new Error('this embed has no experiment; make the snippet with "Embed" in Kindling');
  app.experiment = experiment;
  app.experiment.data ??= {};
  const source = experiment.data.source ?? 'builtin:iris';
  const data = await readSharedData(location.hash, experiment);
  if (data) app.send({ type: 'load', name: data.name, bytes: data.bytes });
  else if (source.startsWith('builtin:')) app.send({ type: 'load', source });
  else throw new Error(`this demo needs its data (${source.slice(5)}), which did not fit in the link`);
  setStatus('loading');
}

window.kindling = { app };
start().catch((err) => {
  showError(`The embedded experiment could not be opened: ${err.message}`);
  setStatus('error');
});
