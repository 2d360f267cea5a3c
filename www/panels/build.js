// Model build: the layer list, loss, optimizer and learning rate; shapes and parameters per layer
// come back from the worker; combinations that cannot learn are explained inline.
import { taskFor } from '../datasets.js';
import { el, field, fillSelect, numberInput } from '../ui.js';
import { modelProblems } from './checks.js';
import { layerTypes, newLayer, renderLayers, setLayerTypes } from './layers.js';

const LOSSES = [['', 'automatic (by task)'], ['categorical_crossentropy', 'categorical_crossentropy'],
  ['binary_crossentropy', 'binary_crossentropy'], ['mse', 'mse'], ['mae', 'mae'], ['huber', 'huber']];
const OPTIMIZERS = [['adam', 'Adam'], ['sgd', 'SGD (momentum)'], ['rmsprop', 'RMSprop'], ['gd', 'GD (full batch)']];

export function mount(root, app) {
  const list = el('ol', { className: 'layers', id: 'layers' });
  let inputSize = null; // features per row, from the last configured summary
  let shapes = null; // the last configured summary's layers
  // One add button per layer type the core describes (they arrive with the worker's `ready`).
  const adders = el('span', { className: 'adders' });
  const addButton = ({ name, help }) => {
    const b = el('button', { type: 'button', title: help, dataset: { testid: `add-${name}` } }, `+ ${name}`);
    b.addEventListener('click', () => {
      const layers = app.experiment.model.layers;
      layers.splice(Math.max(0, layers.length - 1), 0, newLayer(name, { features: inputSize }));
      apply();
    });
    return b;
  };
  const loss = el('select', { id: 'loss' });
  fillSelect(loss, LOSSES, '');
  const optimizer = el('select', { id: 'optimizer' });
  fillSelect(optimizer, OPTIMIZERS, 'adam');
  const lr = numberInput({ id: 'build-learning-rate', min: 1e-7, max: 10, step: 0.001 });
  const problems = el('ul', { className: 'problems', id: 'model-problems', ariaLive: 'polite' });
  const summary = el('p', { id: 'model-summary', className: 'note' });
  root.append(
    el('h3', {}, 'Layers'), list, el('div', { className: 'buttons' }, el('span', { className: 'note' }, 'Add before the output layer:'), adders),
    el('div', { className: 'row' }, field('Loss', loss), field('Optimizer', optimizer), field('Learning rate', lr)),
    problems, summary);

  const exp = () => app.experiment;
  const task = () => taskFor(exp(), app.table?.columns.find((c) => c.name === exp().data.target));
  function apply() {
    render(null);
    app.setExperiment(exp());
  }
  loss.addEventListener('change', () => { exp().compile.loss = loss.value || null; apply(); });
  optimizer.addEventListener('change', () => {
    const rate = exp().compile.optimizer.learning_rate ?? 0.01;
    exp().compile.optimizer = { type: optimizer.value, learning_rate: rate };
    apply();
  });
  lr.addEventListener('change', () => { exp().compile.optimizer.learning_rate = Number(lr.value); apply(); });

  function render(layerShapes) {
    shapes = layerShapes;
    const e = exp();
    if (!e?.model) return;
    renderLayers(list, e.model.layers, shapes, apply);
    loss.value = e.compile?.loss ?? '';
    optimizer.value = e.compile?.optimizer?.type ?? 'adam';
    lr.value = Number((e.compile?.optimizer?.learning_rate ?? 0.01).toPrecision(6));
    problems.replaceChildren(...modelProblems(e, task()).map((p) => el('li', { className: 'warning' }, `⚠ ${p}`)));
  }
  app.on('ready', (msg) => {
    setLayerTypes(msg.layer_types);
    adders.replaceChildren(...layerTypes().map(addButton));
    render(shapes);
  });
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
