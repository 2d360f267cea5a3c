// @ts-check
// Model build: the layer list, loss, optimizer and learning rate; shapes and parameters per layer
// come back from the worker; combinations that cannot learn are explained inline.
import { taskFor } from '../datasets.js';
import { core, say } from '../i18n.js';
import { el, field, fillSelectT, fmt, numberInput } from '../ui.js';
import { modelProblems } from './checks.js';
import { NEW_LAYER, renderLayers } from './layers.js';

/** @import {App} from '../app.js' */
/** @import {ConfiguredSummary, Experiment, Layer} from '../types.js' */

/** The losses by name ('' = automatic); the options' labels are the catalog's. */
const LOSSES = ['', 'categorical_crossentropy', 'binary_crossentropy', 'mse', 'mae', 'huber'];
const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'gd'];

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const list = el('ol', { className: 'layers', id: 'layers' });
  /** @type {number | null} */
  let inputSize = null; // features per row, from the last configured summary
  /** @param {(experiment: Experiment) => void} fn a change to a copy of the experiment */
  const edit = (fn) => app.editExperiment(fn);
  const adders = Object.keys(NEW_LAYER).map((type) => {
    const b = el('button', { type: 'button', dataset: { testid: `add-${type}` } }, `+ ${type}`);
    b.addEventListener('click', () => edit((e) => {
      const layers = e.model?.layers ?? [];
      layers.splice(Math.max(0, layers.length - 1), 0, NEW_LAYER[/** @type {keyof typeof NEW_LAYER} */ (type)]({ features: inputSize }));
    }));
    return b;
  });
  const loss = el('select', { id: 'loss' });
  fillSelectT(loss, LOSSES.map((v) => [v, v ? `loss.${v}` : 'loss.auto']), '');
  const optimizer = el('select', { id: 'optimizer' });
  fillSelectT(optimizer, OPTIMIZERS.map((v) => [v, `optimizer.${v}`]), 'adam');
  const lr = numberInput({ id: 'build-learning-rate', min: 1e-7, max: 10, step: 0.001 });
  const problems = el('ul', { className: 'problems', id: 'model-problems', ariaLive: 'polite' });
  const summary = el('p', { id: 'model-summary', className: 'note' });
  root.append(
    el('h3', { t: 'build.layers' }), list, el('div', { className: 'buttons' }, el('span', { className: 'note', t: 'build.addBefore' }), ...adders),
    el('div', { className: 'row' }, field('build.loss', loss), field('build.optimizer', optimizer), field('build.learningRate', lr)),
    problems, summary);

  const task = () => {
    const e = app.experiment;
    return e ? taskFor(e, app.table?.columns.find((c) => c.name === e.data?.target)) : 'classification';
  };
  loss.addEventListener('change', () => edit((e) => { (e.compile ??= {}).loss = loss.value || null; }));
  optimizer.addEventListener('change', () => edit((e) => {
    const compile = e.compile ??= {};
    compile.optimizer = { type: optimizer.value, learning_rate: compile.optimizer?.learning_rate ?? 0.01 };
  }));
  lr.addEventListener('change', () => edit((e) => {
    const compile = e.compile ??= {};
    compile.optimizer = { type: 'adam', ...compile.optimizer, learning_rate: Number(lr.value) };
  }));

  /** @param {ConfiguredSummary['layers'] | null} shapes */
  function render(shapes) {
    const e = app.experiment;
    if (!e?.model) return;
    // The layer editor changes its own copy of the layers; each change becomes a new experiment.
    const model = /** @type {{layers: Layer[]}} */ (structuredClone(e.model));
    renderLayers(list, model.layers, shapes, () => edit((next) => { next.model = model; }));
    loss.value = e.compile?.loss ?? '';
    optimizer.value = e.compile?.optimizer?.type ?? 'adam';
    lr.value = fmt(e.compile?.optimizer?.learning_rate ?? 0.01, { digits: 6 });
    problems.replaceChildren(...modelProblems(e, task()).map((p) => el('li', { className: 'warning', t: ['warn.item', { text: p }] })));
  }
  app.on('experiment', () => { say(summary, null); render(null); });
  app.on('configured', ({ summary: s }) => {
    render(s.layers);
    const input = s.features.length;
    inputSize = input;
    say(summary, 'build.summary', { task: { key: `task.${s.task}` }, features: input, target: s.target, loss: s.loss,
      params: s.params, train: s.rows[0], val: s.rows[1], test: s.rows[2] });
  });
  app.on('error', (msg) => {
    if (msg.stage !== 'configure') return;
    problems.append(el('li', { className: 'warning', t: ['warn.item', { text: core(msg.message) }] }));
  });
  render(null);
}
