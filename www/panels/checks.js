// Combinations the core would accept but that cannot learn, explained before training
// (the core itself reports what it rejects: that message is shown too). Each problem is a
// catalog message (www/text/panels.js, `check.*`).

const PROBABILITY_LOSSES = ['binary_crossentropy', 'categorical_crossentropy'];

/** Returns plain-language problems ({key, params}) with `experiment` for a `task` ('classification'|'regression'). */
export function modelProblems(experiment, task) {
  const problems = [];
  const layers = experiment.model?.layers ?? [];
  const last = layers[layers.length - 1];
  const loss = experiment.compile?.loss ?? (task === 'classification' ? 'categorical_crossentropy' : 'mse');
  const act = last?.type === 'dense' ? last.activation ?? 'linear' : null;
  if (act === 'softmax' && task === 'regression') {
    problems.push({ key: 'check.softmaxRegression' });
  }
  if (act === 'softmax' && ['mse', 'mae', 'huber'].includes(loss)) {
    problems.push({ key: 'check.softmaxLoss', params: { loss } });
  }
  if (task === 'regression' && PROBABILITY_LOSSES.includes(loss)) {
    problems.push({ key: 'check.probabilityLoss', params: { loss } });
  }
  if (task === 'classification' && act && act !== 'softmax' && act !== 'sigmoid') {
    problems.push({ key: 'check.classifierOutput', params: { activation: act } });
  }
  if (experiment.data?.window && layers[0]?.type === 'dense') {
    problems.push({ key: 'check.windowDense' });
  }
  if (last?.type === 'dropout') problems.push({ key: 'check.lastDropout' });
  const recurrent = (l) => l?.type === 'lstm' || l?.type === 'gru';
  let image = false; // whether the layer's input is an image [height, width, channels]
  layers.forEach((l, i) => {
    if (recurrent(l) && !experiment.data?.window) {
      problems.push({ key: 'check.recurrentNoWindow', params: { i: i + 1, type: l.type } });
    }
    const next = layers[i + 1];
    if (recurrent(l) && l.return_sequences && next && !recurrent(next)) {
      problems.push({ key: 'check.sequencesNext', params: { i: i + 1, next: i + 2, type: next.type } });
    }
    if ((l.type === 'conv2d' || l.type === 'max_pool2d') && !image) {
      problems.push({ key: 'check.needsImage', params: { i: i + 1, type: l.type } });
    }
    if (l.type === 'dense' && image) {
      problems.push({ key: 'check.denseAfterImage', params: { i: i + 1 } });
    }
    if (l.type === 'reshape') image = (l.target_shape ?? []).length === 3;
    else if (l.type === 'flatten') image = false;
  });
  return problems;
}
