// @ts-check
// Built-in datasets and the experiment each one opens with.
import { STOCK_FILE } from './generated.js';

/** @import {ColumnSummary, DataSpec, DeepReadonly, Experiment, Layer, Task} from './types.js' */

/**
 * @param {string} source
 * @param {string} target
 * @param {DataSpec} data
 * @param {Layer[]} layers
 * @param {Experiment['fit']} fit
 * @returns {Experiment}
 */
const base = (source, target, data, layers, fit) => ({
  version: 1, seed: 42,
  data: { source, target, scale: 'standard', ...data },
  model: { layers },
  compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit,
});

/** @param {string} source @param {string} target @param {number} hidden units */
const classifier = (source, target, hidden) => base(source, target,
  { task: 'classification', split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  [{ type: 'dense', units: hidden, activation: 'relu' }, { type: 'dense', units: 0, activation: 'softmax' }],
  { epochs: 60, batch_size: 32 });

/** Stops when the validation loss has not improved for `patience` epochs and keeps the best
 *  weights: a small dataset overfits, and early stopping is the lesson it teaches. @param {number} patience */
const earlyStopping = (patience) => ({ monitor: 'val_loss', patience, restore_best_weights: true });

/** @param {string} source @param {string} target @param {number} hidden units */
const regressor = (source, target, hidden) => base(source, target,
  { task: 'regression', split: { method: 'random', validation: 0.1, test: 0.2 } },
  [{ type: 'dense', units: hidden, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }],
  { epochs: 200, batch_size: 32, early_stopping: earlyStopping(10) });

/**
 * A forecast: the series' own last `lookback` values (no other column: `features: []`) → its next
 * value, by an LSTM, on MinMax-scaled windows split chronologically (the validation and test
 * windows come after the training ones, as a forecast meets the future).
 * @param {string} source
 * @param {string} target
 * @param {number} lookback
 */
const forecast = (source, target, lookback) => base(source, target,
  { task: 'regression', features: [], scale: 'minmax', window: { lookback, horizon: 1 },
    split: { method: 'chronological', validation: 0.2, test: 0.2 } },
  [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }],
  { epochs: 60, batch_size: 32 });

/**
 * A recommender (docs/CONTRACTS.md, "Recommendation"): user and item ids → 8 learned factors each
 * by matrix factorisation, on the restaurant ratings (0–2), each user's ratings split 70/10/20.
 * L2 0.003 had the lowest validation loss of 0.0001, 0.001, 0.002, 0.003, 0.005, 0.007, 0.01,
 * 0.02, 0.03, 0.05 (`kindling train`, seed 42; less overfits 801 training ratings fast).
 * @param {string} source
 * @returns {Experiment}
 */
const recommender = (source) => ({
  version: 1, seed: 42,
  data: { source, task: 'recommendation', target: 'rating',
    recommend: { user: 'user_id', item: 'item_id', title: 'item_title', implicit: false },
    split: { method: 'random', validation: 0.1, test: 0.2 } },
  model: { recommender: { type: 'mf', factors: 8, l2: 0.003 }, layers: [] },
  compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs: 30, batch_size: 64 },
});

/**
 * A sentiment classifier on raw sentences: the `text` column (the review's `source` left out: an
 * int sequence needs its text column as the only feature) as up to 40 token ids, each looked up
 * in a learned 16-number embedding (`input_dim`: the tokens kept, set from the data by
 * www/panels/text_settings.js `fitEmbedding`), averaged over the sentence's words (padding
 * skipped: mask_zero) → softmax over the classes.
 * @param {string} source
 * @param {string} target
 * @param {string} text the text column
 */
const sentiment = (source, target, text) => base(source, target,
  { task: 'classification', features: [text], split: { method: 'stratified', validation: 0.1, test: 0.2 },
    text: { output_mode: 'int', max_tokens: 5000, min_count: 1, max_length: 40 } },
  [{ type: 'embedding', input_dim: 5000, output_dim: 16, mask_zero: true }, { type: 'global_average_pooling1d' },
    { type: 'dense', units: 2, activation: 'softmax' }],
  { epochs: 20, batch_size: 32, early_stopping: earlyStopping(3) });

/**
 * The built-ins (their names are the catalog's `dataset.KEY`), each opening with the experiment a
 * teacher would show first: iris, a small MLP classifying three species (stratified split);
 * digits, an MLP on the 64 pixels (the CNN is lesson 3); diabetes, an MLP regression on 442
 * patients that overfits, so it trains with early stopping; sunspots, a 30-year window forecast by
 * an LSTM (~11-year cycles); stock, the S&P 500 monthly 1871–2023 as the article forecasts it:
 * the last 12 months → the next, MinMax fitted on the training months, LSTM → Dense(1); ratings,
 * 1,161 ratings of 130 restaurants by 138 users, a matrix-factorisation recommender;
 * sentiment, 3,000 review sentences (positive 1 / negative 0) read by an embedding averaged over
 * the words (issue 14).
 * @type {Record<string, {experiment: () => Experiment}>} */
export const BUILTINS = {
  iris: { experiment: () => classifier('builtin:iris', 'species', 16) },
  digits: { experiment: () => classifier('builtin:digits', 'label', 64) },
  diabetes: { experiment: () => regressor('builtin:diabetes', 'target', 32) },
  sunspots: { experiment: () => forecast('builtin:sunspots', 'sunactivity', 30) },
  stock: { experiment: () => forecast('builtin:stock', 'close', 12) },
  ratings: { experiment: () => recommender('builtin:ratings') },
  sentiment: { experiment: () => sentiment('builtin:sentiment', 'label', 'text') },
};

/** Links made before the S&P 500 built-in name the synthetic series the page still generates. */
export const isSynthetic = (source = '') => source === `file:${STOCK_FILE}`;

/**
 * The BUILTINS key an experiment's source names, or '' (an uploaded file).
 * @param {string} [source]
 */
export function builtinKey(source = '') {
  const name = source.startsWith('builtin:') ? source.slice(8) : '';
  return Object.hasOwn(BUILTINS, name) ? name : ''; // not `in`: builtin:constructor is no dataset
}

/**
 * Which task `experiment` will run on a target column summarised as `{kind}`.
 * @param {Experiment | DeepReadonly<Experiment>} experiment
 * @param {ColumnSummary | undefined} column
 * @returns {Task}
 */
export function taskFor(experiment, column) {
  const task = experiment.data?.task ?? 'auto';
  if (task === 'classification' || task === 'regression') return task;
  return column?.kind === 'categorical' || column?.kind === 'boolean' ? 'classification' : 'regression';
}

/**
 * Whether a numeric target summarised as `column` looks like classes: whole numbers (its min and
 * max are, and it has no more distinct values than whole numbers between them), at least two and
 * at most `most` of them.
 * @param {ColumnSummary | undefined} column
 * @param {number} [most]
 */
export function wholeClasses(column, most = 20) {
  const { kind, distinct, min, max } = /** @type {Record<string, any>} */ (column ?? {});
  return kind === 'numeric' && Number.isInteger(min) && Number.isInteger(max)
    && distinct >= 2 && distinct <= most && distinct <= max - min + 1;
}

/**
 * The task a new target starts with: classification for ≤ 20 distinct whole numbers (0/1, grades,
 * digits), else the core's `auto` (text and booleans → classification, numbers → regression).
 * @param {ColumnSummary | undefined} column
 * @returns {'classification' | 'auto'}
 */
export const startingTask = (column) => (wholeClasses(column) ? 'classification' : 'auto');

/**
 * Makes the output layer fit the target: units = classes (softmax) for classification,
 * 1 (linear) for regression. `column` is the target's summary `{kind, distinct}`; `maxClasses`
 * the core's class limit (the summary's `max_classes`): a target with more classes leaves the
 * layer as it is, so configuring shows the core's message about the classes, not about units.
 * @param {Experiment} experiment changed in place (a draft: see Store.editExperiment)
 * @param {ColumnSummary | undefined} column
 * @param {number} [maxClasses]
 */
export function fitOutputLayer(experiment, column, maxClasses = Infinity) {
  const task = taskFor(experiment, column);
  const layers = experiment.model?.layers ?? [];
  const last = layers[layers.length - 1];
  if (last?.type !== 'dense') return;
  if (task === 'classification' && column && column.distinct > maxClasses) return;
  if (task === 'classification' && column) Object.assign(last, { units: column.distinct, activation: 'softmax' });
  else Object.assign(last, { units: 1, activation: 'linear' });
  if (experiment.compile) delete experiment.compile.loss;
}
