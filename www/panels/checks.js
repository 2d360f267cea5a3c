// Combinations the core would accept but that cannot learn, explained before training
// (the core itself reports what it rejects: that message is shown too).

const PROBABILITY_LOSSES = ['binary_crossentropy', 'categorical_crossentropy'];

/** Returns plain-language problems with `experiment` for a `task` ('classification'|'regression'). */
export function modelProblems(experiment, task) {
  const problems = [];
  const layers = experiment.model?.layers ?? [];
  const last = layers[layers.length - 1];
  const loss = experiment.compile?.loss ?? (task === 'classification' ? 'categorical_crossentropy' : 'mse');
  const act = last?.type === 'dense' ? last.activation ?? 'linear' : null;
  if (act === 'softmax' && task === 'regression') {
    problems.push('The output layer uses softmax, which makes outputs that sum to 1 — right for classes, wrong for a number. Use linear for a regression.');
  }
  if (act === 'softmax' && ['mse', 'mae', 'huber'].includes(loss)) {
    problems.push(`softmax output with ${loss}: squared/absolute error on probabilities learns slowly and is not what the output means. Use categorical_crossentropy.`);
  }
  if (task === 'regression' && PROBABILITY_LOSSES.includes(loss)) {
    problems.push(`${loss} needs class probabilities, but this target is a number. Use mse, mae or huber.`);
  }
  if (task === 'classification' && act && act !== 'softmax' && act !== 'sigmoid') {
    problems.push(`A classifier's output layer should be softmax (one probability per class); it is ${act}.`);
  }
  if (experiment.data?.window && layers[0]?.type === 'dense') {
    problems.push('With a time-series window each input is a sequence [lookback × features]: start with an LSTM layer (Add → lstm, then move it up).');
  }
  if (last?.type === 'dropout') problems.push('The last layer is dropout; end with a dense layer that makes the prediction.');
  const recurrent = (l) => l?.type === 'lstm' || l?.type === 'gru';
  let image = false; // whether the layer's input is an image [height, width, channels]
  layers.forEach((l, i) => {
    if (recurrent(l) && !experiment.data?.window) {
      problems.push(`Layer ${i + 1} (${l.type}) reads sequences: turn on the time-series window under Data preprocessing.`);
    }
    const next = layers[i + 1];
    if (recurrent(l) && l.return_sequences && next && !recurrent(next)) {
      problems.push(`Layer ${i + 1} returns sequences but layer ${i + 2} is ${next.type}: only another LSTM or GRU reads a sequence; untick return_sequences.`);
    }
    if ((l.type === 'conv2d' || l.type === 'max_pool2d') && !image) {
      problems.push(`Layer ${i + 1} (${l.type}) works on images [height, width, channels]: add a reshape before it (e.g. 8,8,1 for 64 pixel columns).`);
    }
    if (l.type === 'dense' && image) {
      problems.push(`Layer ${i + 1} is dense after image layers: add a flatten before it.`);
    }
    if (l.type === 'reshape') image = (l.target_shape ?? []).length === 3;
    else if (l.type === 'flatten') image = false;
  });
  return problems;
}
