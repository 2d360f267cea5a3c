// @ts-check
// Model build: the layer list, loss, optimizer and learning rate; shapes and parameters per layer
// come back from the worker; combinations that cannot learn are explained inline.
import { taskFor } from '../datasets.js';
import { el, field, fillSelect, fmt, numberInput } from '../ui.js';
import { modelProblems } from './checks.js';
import { NEW_LAYER, renderLayers } from './layers.js';

/** @import {App} from '../app.js' */
/** @import {ConfiguredSummary, Experiment, Layer} from '../types.js' */

/** @type {[string, string][]} */
const LOSSES = [['', 'automatic (by task)'], ['categorical_crossentropy', 'categorical_crossentropy'],
  ['binary_crossentropy', 'binary_crossentropy'], ['mse', 'mse'], ['mae', 'mae'], ['huber', 'huber']];
/** @type {[string, string][]} */
const OPTIMIZERS = [['adam', 'Adam'], ['sgd', 'SGD (momentum)'], ['rmsprop', 'RMSprop'], ['gd', 'GD (full batch)']];

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
  fillSelect(loss, LOSSES, '');
  const optimizer = el('select', { id: 'optimizer' });
  fillSelect(optimizer, OPTIMIZERS, 'adam');
  const lr = numberInput({ id: 'build-learning-rate', min: 1e-7, max: 10, step: 0.001 });
  const problems = el('ul', { className: 'problems', id: 'model-problems', ariaLive: 'polite' });
  const summary = el('p', { id: 'model-summary', className: 'note' });
  root.append(
    el('h3', {}, 'Layers'), list, el('div', { className: 'buttons' }, el('span', { className: 'note' }, 'Add before the output layer:'), ...adders),
    el('div', { className: 'row' }, field('Loss', loss), field('Optimizer', optimizer), field('Learning rate', lr)),
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
    problems.replaceChildren(...modelProblems(e, task()).map((p) => el('li', { className: 'warning' }, `⚠ ${p}`)));
  }
  app.on('experiment', () => { summary.textContent = ''; render(null); });
  app.on('configured', ({ summary: s }) => {
    render(s.layers);
    const input = s.features.length;
    inputSize = input;
    summary.textContent = `${s.task}: ${input} feature${input === 1 ? '' : 's'} → ${s.target} (loss ${s.loss}). ` +
      `${s.params} parameters. Rows: ${s.rows[0]} train / ${s.rows[1]} validation / ${s.rows[2]} test.`;
  });
  app.on('error', (msg) => {
    if (msg.stage !== 'configure') return;
    problems.append(el('li', { className: 'warning' }, `⚠ ${msg.message}`));
  });
  render(null);
}
