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
  layers.forEach((l, i) => {
    if (l.type === 'lstm' && !experiment.data?.window) {
      problems.push(`Layer ${i + 1} is an LSTM, which reads sequences: turn on the time-series window under Data preprocessing.`);
    }
    const next = layers[i + 1];
    if (l.type === 'lstm' && l.return_sequences && next && next.type !== 'lstm') {
      problems.push(`Layer ${i + 1} returns sequences but layer ${i + 2} is ${next.type}: only another LSTM reads a sequence; untick return_sequences.`);
    }
  });
  return problems;
}
