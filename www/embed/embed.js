// @ts-check
// The embed page: one experiment from the hash (and its shared data), a train button, the loss
// chart (its empty axes before training), the data's first rows and the chosen panels; it tells
// its host page its height (`kindling-size`) so a <kindling-demo> frame fits its content.
// `hide=metrics,settings,chart,data` hides panels, `readonly=1` locks
// the settings, `run=1` trains at once; `?lang=zh|en` (a query parameter, like the page's) sets its
// language. Each embed owns its own worker and never touches its host.
import { App } from '../app.js';
import { drawLoss } from '../chart.js';
import { fitOutputLayer } from '../datasets.js';
import { PageError, core, errorMsg, relabel, say } from '../i18n.js';
import { readSharedData } from '../share.js';
import { readHash } from '../state.js';
import { clearMetrics, showMetrics } from '../panels/evaluate.js';
import { renderPreview } from '../panels/columns.js';
import { showError, showStatus } from '../status.js';
import { $, byTestId, fmt } from '../ui.js';

const params = new URLSearchParams(location.hash.slice(1));
const hide = new Set((params.get('hide') ?? '').split(','));
const readonly = params.get('readonly') === '1';
// What the app's hash rewrite would drop: kept so a reload shows the same embed.
const extras = [...params].filter(([k]) => !['experiment', 'run'].includes(k));
const app = new App();
relabel(document); // embed.html's own texts, in the language the demo opened in
let runOnReady = params.get('run') === '1';
/** @type {HTMLInputElement} */
const epochs = $('#epochs');
/** @type {HTMLInputElement} */
const learningRate = $('#learning-rate');

/**
 * Builds the experiment (after `edit`, a change to a copy of it) with the output layer fitted to
 * the target.
 * @param {(experiment: import('../types.js').Experiment) => void} [edit]
 */
function configure(edit) {
  app.editExperiment((e) => {
    edit?.(e);
    const target = app.table?.columns.find((c) => c.name === e.data?.target);
    if (target) fitOutputLayer(e, target, app.table?.max_classes);
  });
  clearMetrics($('#metrics'), $('#metrics-note'));
}

app.on('status', (state) => showStatus(state));
app.on('summary', (summary) => {
  const names = summary.columns.map((c) => c.name);
  configure((e) => {
    const data = e.data ??= {};
    if (!names.includes(data.target ?? '')) data.target = names[names.length - 1];
  });
});
app.on('configured', ({ experiment }) => {
  if (extras.length) history.replaceState(null, '', `${location.hash}&${new URLSearchParams(extras)}`);
  const full = new URLSearchParams(location.hash.slice(1));
  ['hide', 'readonly', 'run'].forEach((k) => full.delete(k));
  /** @type {HTMLAnchorElement} */ ($('#open-full')).href = `index.html#${full}`;
  epochs.value = String(experiment.fit.epochs);
  learningRate.value = fmt(experiment.compile.optimizer.learning_rate, { digits: 6 });
  showError(null);
  if (runOnReady) train();
});
// Before training: the data's first rows and the chart's empty axes, not blank boxes.
const PREVIEW_ROWS = 5;
app.on('preview', () => renderPreview($('#preview'), app.table, app.preview.slice(0, PREVIEW_ROWS)));
app.on('summary', (t) => say($('#data-summary'), 'pre.summary', { name: t.name, rows: t.rows, columns: t.columns.length }));
app.on('configured', () => {
  if (app.history.length) return;
  drawLoss($('#loss-chart'), []);
  say(byTestId('loss-summary'), 'embed.untrained');
});
app.on('epoch', (msg) => {
  drawLoss($('#loss-chart'), app.history);
  const first = app.history[0].loss;
  const summary = byTestId('loss-summary');
  Object.assign(summary.dataset, { first: String(first), last: String(msg.loss), epochs: String(msg.epoch) });
  say(summary, 'embed.progress', { epoch: msg.epoch, total: app.experiment?.fit?.epochs, first: first.toPrecision(3), last: msg.loss.toPrecision(3) });
});
// The embed's frame is small: the headline metrics only (no macro precision / recall).
const EMBED_METRICS = ['accuracy', 'f1', 'rmse', 'mae', 'r2', 'loss'];
app.on('evaluation', (ev) => showMetrics($('#metrics'), $('#metrics-note'), ev, EMBED_METRICS));
app.on('error', (msg) => showError(msg.i18n ?? core(msg.message)));

function train() {
  runOnReady = false;
  if (app.status === 'done') {
    runOnReady = true;
    return configure();
  }
  app.setStatus('training');
  app.send({ type: 'train' });
}

function wire() {
  for (const panel of document.querySelectorAll(/** @type {'section'} */ ('[data-panel]'))) panel.hidden = hide.has(panel.dataset.panel ?? '');
  for (const input of [epochs, learningRate]) {
    input.disabled = readonly;
    input.addEventListener('change', () => configure((e) => {
      e.fit = { ...e.fit, epochs: Number(epochs.value) };
      const compile = e.compile ??= {};
      compile.optimizer = { type: 'adam', ...compile.optimizer, learning_rate: Number(learningRate.value) };
    }));
  }
  byTestId('train').addEventListener('click', train);
  byTestId('pause').addEventListener('click', () => app.send({ type: 'pause' }));
  byTestId('step').addEventListener('click', () => app.send({ type: 'step', unit: 'epoch' }));
  byTestId('stop').addEventListener('click', () => app.send({ type: 'stop' }));
}

async function start() {
  wire();
  const { experiment } = readHash(location.hash);
  if (!experiment) throw new PageError('embed.noExperiment');
  experiment.data ??= {};
  const source = experiment.data.source ?? 'builtin:iris';
  app.openExperiment(experiment);
  const data = await readSharedData(location.hash, experiment);
  if (data) app.load({ type: 'load', name: data.name, bytes: data.bytes });
  else if (source.startsWith('builtin:')) app.load({ type: 'load', source });
  else throw new PageError('embed.noData', { name: source.slice(5) });
}

/** Tells the host page (a <kindling-demo> frame) how tall the demo is, whenever that changes. */
function reportSize() {
  if (window.parent === window) return;
  const say = () => window.parent.postMessage({ type: 'kindling-size', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  new ResizeObserver(say).observe(document.body);
}

Object.assign(window, { kindling: { app } });
reportSize();
start().catch((err) => {
  showError({ key: 'embed.failed', params: { reason: errorMsg(err) } });
  app.setStatus('error');
});
