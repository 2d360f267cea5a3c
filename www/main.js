// @ts-check
// Page wiring only: the store, the flowchart navigation, one panel per node, the run bar, the
// guide and the language toggle; then the experiment from the URL hash (or iris) is opened.
import { App } from './app.js';
import { prepareCharts, redrawCharts } from './chart.js';
import { BUILTINS } from './datasets.js';
import { Flowchart } from './flowchart.js';
import { Guide } from './guide.js';
import { LANGUAGE_NAMES, NODE_IDS, PageError, mermaidSource, nextLanguage, relabel, say, sayAttr, showLabel } from './i18n.js';
import { dataLine } from './panel_text.js';
import { mountPanel } from './panels/index.js';
import { openSource } from './panels/preprocess.js';
import { trackModel } from './model.js';
import { trackOpening } from './model_open.js';
import { mountRunBar } from './runbar.js';
import { mountSpeed } from './speed.js';
import { watchTraining } from './watch.js';
import { readSharedData } from './share.js';
import { holdHash, readHash } from './state.js';
import { showError } from './status.js';
import { $, el } from './ui.js';

/** @import {Experiment, NodeId} from './types.js' */

const app = new App();
trackModel(app);
trackOpening(app);
watchTraining(app); // before the run bar: a run started on `configured` is watched from epoch 0
const sections = new Map(NODE_IDS.map((id) => {
  const label = el('span');
  showLabel(label, id);
  const title = el('h2', { id: `${id}-h`, tabIndex: -1 }, label);
  const body = el('div', { className: 'panel-body', id: `${id}-body` });
  const data = el('p', { className: 'why why-data', dataset: { testid: `why-${id}` } });
  const section = el('section', { className: 'panel', id: `panel-${id}`, hidden: true, ariaLabelledby: `${id}-h` },
    title, el('p', { className: 'why', t: `why.${id}` }), data, body);
  $('#panels').append(section);
  return [id, { section, title, body, data }];
}));
/** @param {NodeId} id */
const section = (id) => /** @type {NonNullable<ReturnType<typeof sections.get>>} */ (sections.get(id));

const flow = new Flowchart({ list: $('#flow-steps'), diagram: $('#flow-diagram'), source: $('#flow-source') }, (id) => {
  app.navigate(id);
  section(id).title.focus({ preventScroll: true });
});

app.on('navigate', (id) => {
  for (const [nid, s] of sections) s.section.hidden = nid !== id;
  flow.setActive(id);
  mountPanel(id, section(id).body, app);
});

// Each panel's second line speaks about the data loaded now.
const describe = () => sections.forEach((s, id) => say(s.data, dataLine(id, app)));
app.on('configured', describe);
app.on('state', describe);
app.on('experiment', describe);

// Done marks: what has happened to the current experiment.
/** @param {NodeId} id @param {boolean} [yes] */
const done = (id, yes = true) => flow.setDone(id, yes);
/** @type {NodeId[]} */
const RUN_NODES = ['preprocess', 'build', 'train', 'evaluate', 'decide'];
app.on('experiment', () => RUN_NODES.forEach((id) => done(id, false)));
app.on('configured', () => { done('preprocess'); done('build'); });
app.on('state', ({ state }) => state === 'done' && done('train'));
app.on('evaluation', () => done('evaluate'));
app.on('decided', () => done('decide'));
// The later steps are marked when the user did them (a search, a saved or shared model, a
// prediction asked for) and stay marked until another experiment is opened (a lesson, a dataset):
// applying a search's best retrains, and the question it answered stays answered.
/** @type {NodeId[]} */
const LATER_NODES = ['optimize', 'deploy', 'apply'];
app.on('did', (id) => {
  done(id);
  if (id === 'optimize') done('decide');
});
app.on('opened', () => LATER_NODES.forEach((id) => done(id, false)));

const run = mountRunBar(app);
mountSpeed(app, $('.runbar .buttons'));
const guide = new Guide(app, flow);
$('#guide-toggle').addEventListener('click', () => guide.toggle());

// The language: the toggle cycles both → 中文 → English (remembered); a switch rewrites every text
// in place, so the experiment, data, run and open panel stay as they are.
const toggle = $('#lang-toggle');
function showLanguage() {
  const lang = app.language;
  toggle.textContent = LANGUAGE_NAMES[lang];
  sayAttr(toggle, 'aria-label', 'page.lang', { name: LANGUAGE_NAMES[lang] });
  $('#flow-source').textContent = mermaidSource(lang);
}
toggle.addEventListener('click', () => app.setLanguage(nextLanguage(app.language)));
app.on('language', (lang) => {
  relabel(document);
  showLanguage();
  redrawCharts(); // the words drawn on the canvases
  if ($('#flow-diagram').dataset.rendered === 'true') flow.render();
  // A `?lang=` in the address follows the toggle, so a reload shows what the user chose.
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }
});
relabel(document); // index.html's own texts, in the language the page opened in
showLanguage();

for (const id of RUN_NODES) mountPanel(id, section(id).body, app);
app.navigate('preprocess');

let runNow = false; // a `&run=1` link: training starts as soon as the data is ready
function start() {
  /** @type {Experiment | null} */
  let fromHash = null;
  try {
    ({ experiment: fromHash, run: runNow } = readHash(location.hash));
  } catch (err) {
    const reason = err instanceof PageError ? err.msg : { key: 'link.notJson', params: { detail: /** @type {Error} */ (err).message } };
    // The default experiment opens; the error and the link stay until the user acts.
    holdHash();
    showError({ key: 'link.unreadable', params: { reason } });
  }
  if (runNow) run.runOnReady();
  const experiment = fromHash ?? BUILTINS.iris.experiment();
  experiment.data ??= {};
  // The core's default model; its output layer is fitted to the target once the data is known.
  experiment.model ??= { layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1 }] };
  app.openExperiment(experiment);
  // A share link may carry the uploaded CSV itself: open it as if the user had uploaded it.
  readSharedData(location.hash, experiment).then((shared) => {
    if (!shared) return openSource(app);
    app.load({ type: 'load', name: shared.name, bytes: shared.bytes, on_bad_rows: experiment.data?.on_bad_rows });
  }).catch((err) => {
    holdHash();
    app.fail('share', err);
  });
}

// An unstable handle for debugging and tests; not part of the page contract.
Object.assign(window, { kindling: { app, guide } });
start();
// The flowchart diagram loads after the page is usable: mermaid takes ~1 s of main-thread work to
// import and draw, so while a model trains (e.g. a `&run=1` link) it waits until training pauses
// or ends, and the live chart keeps its frame rate.
function drawFlowchart() {
  if (app.status !== 'training' && !runNow) return flow.render();
  say(/** @type {HTMLElement} */ ($('#flow-diagram').firstElementChild), 'flow.later');
  /** @param {{state: string}} msg */
  const later = ({ state }) => {
    if (state === 'training' || flow.renders) return;
    flow.render();
  };
  app.on('state', later);
  app.on('error', () => later({ state: 'error' }));
  app.on('status', (status) => status === 'idle' && later({ state: status }));
}
window.addEventListener('load', () => setTimeout(drawFlowchart, 100));
// The main thread's own copy of the wasm (charts only) loads once the page is usable.
const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ fn) => setTimeout(fn, 200));
app.on('configured', () => idle(prepareCharts, { timeout: 2000 }));
// On a narrow screen the diagram starts folded (the step strip above is the navigation).
if (window.matchMedia('(max-width: 900px)').matches) /** @type {HTMLDetailsElement} */ ($('#flow-details')).open = false;
