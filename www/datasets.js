// Built-in datasets and the experiment each one opens with.

const classifier = (source, target, hidden) => ({
  version: 1, seed: 42,
  data: { source, target, task: 'classification', scale: 'standard',
          split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'dense', units: hidden, activation: 'relu' }, { type: 'dense', units: 0, activation: 'softmax' }] },
  compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs: 60, batch_size: 32 },
});

const regressor = (source, target, hidden) => ({
  version: 1, seed: 42,
  data: { source, target, task: 'regression', scale: 'standard',
          split: { method: 'random', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'dense', units: hidden, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }] },
  compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs: 100, batch_size: 32 },
});

export const BUILTINS = {
  iris: { label: 'Iris flowers (150 rows, 3 species)', experiment: () => classifier('builtin:iris', 'species', 16) },
  digits: { label: 'Handwritten digits 8×8 (1797 rows)', experiment: () => classifier('builtin:digits', 'label', 64) },
  diabetes: { label: 'Diabetes progression (442 rows, regression)', experiment: () => regressor('builtin:diabetes', 'target', 32) },
};

/**
 * Makes the output layer fit the target: units = classes (softmax) for classification,
 * 1 (linear) for regression. `column` is the target's summary `{kind, distinct}`.
 */
export function fitOutputLayer(experiment, column) {
  const task = (experiment.data.task ?? 'auto') === 'auto'
    ? (column.kind === 'categorical' ? 'classification' : 'regression')
    : experiment.data.task;
  const layers = experiment.model?.layers ?? [];
  const last = layers[layers.length - 1];
  if (last?.type !== 'dense') return;
  if (task === 'classification') Object.assign(last, { units: column.distinct, activation: 'softmax' });
  else Object.assign(last, { units: 1, activation: 'linear' });
  if (experiment.compile) delete experiment.compile.loss;
}
