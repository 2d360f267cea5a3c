// @ts-check
// Asks the worker, for every run, for the snapshots the teaching views need (www/worker_views.js):
// the store keeps them and the Training panel scrubs through them. Bounded: at most
// MAX_SNAPSHOTS + 2 per run (epoch 0, every `every`-th epoch, the last), each only with the parts
// the model can show — weights for a network small enough to draw (≤ 5,000 values), a 40×40
// decision grid for a classifier on two features, test predictions for ≤ 1,000 test rows, each
// unit on a 16×16 grid for a small network on two inputs, one test sample's layer outputs for a
// CNN: at most ~35,000 numbers a snapshot.
import { netShape } from './inside/net.js';

/** @import {App} from './app.js' */
/** @import {ConfiguredSummary, DeepReadonly, Experiment, WatchMessage} from './types.js' */

export const MAX_SNAPSHOTS = 50;

/**
 * The `watch` request for a run of `experiment`, configured as `summary`.
 * @param {ConfiguredSummary} summary
 * @param {DeepReadonly<Experiment>} experiment
 * @returns {WatchMessage}
 */
export function watchPlan(summary, experiment) {
  const epochs = experiment.fit?.epochs ?? 1;
  const conv = summary.layers.some((l) => l.kind === 'conv2d');
  const net = netShape(summary, experiment);
  const two = net?.[0] === 2;
  return {
    type: 'watch',
    every: Math.max(1, Math.ceil(epochs / MAX_SNAPSHOTS)),
    weights: (conv || net !== null) && summary.params <= 5000,
    grid: summary.task === 'classification' && summary.features.length === 2 ? 40 : undefined,
    predictions: summary.rows[2] > 0 && summary.rows[2] <= 1000,
    layers: two ? 16 : undefined,
    row: conv && summary.rows[2] > 0 ? 0 : undefined,
  };
}

/** @param {App} app */
export function watchTraining(app) {
  app.on('configured', (msg) => app.send(watchPlan(msg.summary, msg.experiment)));
}
