// @ts-check
// Model build: the layer list, loss, optimizer (SGD's momentum and Nesterov too) and learning
// rate; shapes and parameters per layer come back from the worker; the core's advice (combinations
// that cannot learn, with a one-click fix) and its build errors are shown inline.
import { core, say } from '../i18n.js';
import { el, field, fillSelectT, fmt, numberInput, txt } from '../ui.js';
import { adviceItems } from './checks.js';
import { layerTypes, newLayer, renderLayers, setLayerTypes } from './layers.js';
import { tokenIds } from './text_settings.js';

/** @import {App} from '../app.js' */
/** @import {ConfiguredSummary, Experiment, Layer, LayerType} from '../types.js' */

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
  /** @type {ConfiguredSummary['layers'] | null} */
  let shapes = null; // the last configured summary's layers
  // One add button per layer type the core describes (they arrive with the worker's `ready`).
  const adders = el('span', { className: 'adders' });
  /** @param {LayerType} type */
  const addButton = ({ name, help }) => {
    const b = el('button', { type: 'button', tAttr: { title: ['core', { message: help }] }, dataset: { testid: `add-${name}` } }, `+ ${name}`);
    b.addEventListener('click', () => edit((e) => {
      const layers = e.model?.layers ?? [];
      // An embedding reads the token ids, so it goes first, sized for the data's vocabulary.
      const at = name === 'embedding' ? 0 : Math.max(0, layers.length - 1);
      layers.splice(at, 0, newLayer(name, { features: inputSize, tokens: e.data ? tokenIds(app.table, e.data) : null }));
    }));
    return b;
  };
  const loss = el('select', { id: 'loss' });
  fillSelectT(loss, LOSSES.map((v) => [v, v ? `loss.${v}` : 'loss.auto']), '');
  const optimizer = el('select', { id: 'optimizer' });
  fillSelectT(optimizer, OPTIMIZERS.map((v) => [v, `optimizer.${v}`]), 'adam');
  const lr = numberInput({ id: 'build-learning-rate', min: 1e-7, max: 10, step: 0.001 });
  // SGD's momentum (0 is plain SGD) and Nesterov, shown for SGD only.
  const momentum = numberInput({ id: 'momentum', min: 0, max: 0.999, step: 0.05 });
  const nesterov = el('input', { type: 'checkbox', id: 'nesterov' });
  const sgdRow = el('div', { className: 'row', id: 'sgd-settings' }, field('build.momentum', momentum, 'build.momentumHint'),
    el('label', { className: 'inline' }, nesterov, txt('build.nesterov')));
  const problems = el('ul', { className: 'problems', id: 'model-problems', ariaLive: 'polite' });
  const summary = el('p', { id: 'model-summary', className: 'note' });
  root.append(
    el('h3', { t: 'build.layers' }), list, el('div', { className: 'buttons' }, el('span', { className: 'note', t: 'build.addBefore' }), adders),
    el('div', { className: 'row' }, field('build.loss', loss), field('build.optimizer', optimizer), field('build.learningRate', lr)),
    sgdRow, problems, summary);

  loss.addEventListener('change', () => edit((e) => { (e.compile ??= {}).loss = loss.value || null; }));
  optimizer.addEventListener('change', () => edit((e) => {
    const compile = e.compile ??= {};
    compile.optimizer = { type: optimizer.value, learning_rate: compile.optimizer?.learning_rate ?? 0.01 };
    // "SGD (momentum)" means momentum: Keras's usual 0.9 (the core's default, 0, is plain SGD).
    if (optimizer.value === 'sgd') compile.optimizer.momentum = 0.9;
  }));
  /** @param {(sgd: Record<string, any>) => void} fn a change to the SGD optimizer's settings */
  const editSgd = (fn) => edit((e) => { fn((e.compile ??= {}).optimizer ??= { type: 'sgd' }); });
  momentum.addEventListener('change', () => {
    const value = Number(momentum.value);
    if (momentum.value !== '' && value >= 0 && value <= 0.999) editSgd((o) => { o.momentum = value; });
  });
  nesterov.addEventListener('change', () => editSgd((o) => { o.nesterov = nesterov.checked; }));
  lr.addEventListener('change', () => edit((e) => {
    const compile = e.compile ??= {};
    compile.optimizer = { type: 'adam', ...compile.optimizer, learning_rate: Number(lr.value) };
  }));

  /** @param {ConfiguredSummary['layers'] | null} layerShapes */
  function render(layerShapes) {
    shapes = layerShapes;
    const e = app.experiment;
    if (!e?.model) return;
    // The layer editor changes its own copy of the layers; each change becomes a new experiment.
    const model = /** @type {{layers: Layer[]}} */ (structuredClone(e.model));
    renderLayers(list, model.layers, shapes, () => edit((next) => { next.model = model; }));
    loss.value = e.compile?.loss ?? '';
    optimizer.value = e.compile?.optimizer?.type ?? 'adam';
    lr.value = fmt(e.compile?.optimizer?.learning_rate ?? 0.01, { digits: 6 });
    const o = /** @type {{momentum?: number, nesterov?: boolean}} */ (e.compile?.optimizer ?? {});
    sgdRow.hidden = optimizer.value !== 'sgd';
    momentum.value = String(o.momentum ?? 0);
    nesterov.checked = Boolean(o.nesterov);
  }
  app.on('ready', (msg) => {
    setLayerTypes(msg.layer_types);
    adders.replaceChildren(...layerTypes().map(addButton));
    render(shapes);
  });
  app.on('experiment', () => { say(summary, null); problems.replaceChildren(); render(null); });
  app.on('advice', ({ advice }) => problems.replaceChildren(...adviceItems(app, advice)));
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
