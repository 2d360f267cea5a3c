// @ts-check
// The guide's lessons: a tour of the workflow on the user's own data, the seed's gradient-descent
// example (fit y = θ·x with one linear unit and plain GD) and the seed's Keras example (forecast
// sunspots with an LSTM on MinMax-scaled windows) and a small CNN on the 8×8 digits. Step texts may
// read the app's state.
import { LINE_FILE } from './generated.js';

/** @import {App} from './app.js' */
/** @import {Experiment, NodeId} from './types.js' */

/**
 * A lesson: its steps (the node to open, the control to highlight, the text, which may read the
 * app's state) and, for some, its own experiment.
 * @typedef {{title: string, experiment?: () => Experiment, showTheta?: boolean,
 *   steps: {node: NodeId, target: string | null, text: (app: App) => string}[]}} Lesson
 */

/** @param {App} app */
const tableText = (app) => (app.table ? `${app.table.name} (${app.table.rows} rows, ${app.table.columns.length} columns)` : 'your data');
/** @param {App} app */
const targetText = (app) => app.experiment?.data?.target ?? 'the last column';

/** @type {Record<string, Lesson>} */
export const LESSONS = {
  tour: {
    title: 'Tour: the workflow on your data',
    steps: [
      { node: 'preprocess', target: '#columns', text: (app) => `This is ${tableText(app)}. Choose the column to predict — now ${targetText(app)} — and which columns it learns from. Rows are split so the test rows stay unseen.` },
      { node: 'build', target: '#layers', text: (app) => `The model: ${app.experiment?.model?.layers?.length ?? 0} layers. Each shows its output shape and parameters; the last layer makes one output per class (or one number).` },
      { node: 'train', target: '[data-testid=train]', text: () => 'Press Train (or Step for one epoch). The blue curve is the training loss, orange the validation loss.' },
      { node: 'evaluate', target: '#metrics', text: () => 'The test rows give the honest score. The chart shows where the model is right and wrong.' },
      { node: 'decide', target: '[data-testid=diagnosis]', text: () => 'The curves say whether more work would pay: diverged, under-fitting, over-fitting or fine. Choose yes to optimize or no to deploy.' },
      { node: 'deploy', target: null, text: () => 'Deployment saves the model with its preprocessing, so it predicts on new rows exactly as here.' },
      { node: 'apply', target: null, text: () => 'Application: the saved model predicting on new data. That is the whole loop.' },
    ],
  },
  gd: {
    title: 'Lesson 1: gradient descent, y = θ·x',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: `file:${LINE_FILE}`, target: 'y', task: 'regression', scale: 'none', missing: 'mean',
        split: { method: 'random', validation: 0, test: 0.2 } },
      model: { layers: [{ type: 'dense', units: 1, activation: 'linear' }] },
      compile: { loss: 'mse', optimizer: { type: 'gd', learning_rate: 0.5 } },
      fit: { epochs: 40, batch_size: 32 },
    }),
    showTheta: true,
    steps: [
      { node: 'preprocess', target: '#preview', text: () => '20 made-up points on the line y = 3·x, plus a little noise. The model must find the 3 from the points alone. No scaling, so θ stays in the data\'s units.' },
      { node: 'build', target: '#layers', text: () => 'One dense unit with linear activation computes ŷ = θ·x + b: two parameters. The loss is the mean squared error between ŷ and y.' },
      { node: 'train', target: '[data-testid=step]', text: () => 'Press Step. One step of gradient descent (GD uses all training rows): compute dLoss/dθ, then θ ← θ − 0.5 · dLoss/dθ. Watch θ walk to 3 and the loss fall.' },
      { node: 'train', target: '[data-testid=train]', text: () => 'Now press Train to run the remaining steps. Each step shrinks the distance to the best θ by the same factor.' },
      { node: 'evaluate', target: '#metrics', text: () => 'On the 4 unseen test points the error is only the noise we added: θ ≈ 3, b ≈ 0.' },
    ],
  },
  lstm: {
    title: 'Lesson 2: forecasting sunspots with an LSTM',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: 'builtin:sunspots', target: 'sunactivity', task: 'regression', scale: 'minmax', missing: 'mean',
        split: { method: 'chronological', validation: 0.1, test: 0.2 }, window: { lookback: 30, horizon: 1 } },
      model: { layers: [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }] },
      compile: { loss: 'mse', optimizer: { type: 'adam', learning_rate: 0.01 } },
      fit: { epochs: 60, batch_size: 32 },
    }),
    steps: [
      { node: 'preprocess', target: '#window-on', text: () => 'Yearly sunspot counts since 1700. A window turns the series into samples: the last 30 years → the next year. MinMax maps counts to 0…1 (fitted on training years only); the split is chronological, so the test years are the latest.' },
      { node: 'build', target: '#layers', text: () => 'An LSTM with 32 units reads each 30-year window step by step and keeps a memory; a dense unit turns its last state into the forecast.' },
      { node: 'train', target: '[data-testid=train]', text: () => 'Press Train. Validation years come after the training years, so the validation loss is a real forecast error.' },
      { node: 'evaluate', target: '#eval-chart', text: () => 'The test years with the forecast overlaid, back in sunspot counts (the MinMax scaling undone). RMSE and MAE are in counts too.' },
    ],
  },
  cnn: {
    title: 'Lesson 3: a small CNN on 8×8 digits',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: 'builtin:digits', target: 'label', task: 'classification', scale: 'minmax', missing: 'mean',
        split: { method: 'stratified', validation: 0.1, test: 0.2 } },
      model: { layers: [
        { type: 'reshape', target_shape: [8, 8, 1] },
        { type: 'conv2d', filters: 8, kernel_size: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'max_pool2d', pool_size: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' }] },
      compile: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', learning_rate: 0.01 } },
      fit: { epochs: 15, batch_size: 32 },
    }),
    steps: [
      { node: 'preprocess', target: '#preview', text: () => '1,797 handwritten digits. Each is an 8×8 image stored as 64 columns p0…p63 (0 = blank, 16 = full ink); label is the digit. MinMax brings every pixel to 0…1 and the stratified split keeps all ten digits among the unseen test rows.' },
      { node: 'build', target: '#layers', text: () => 'reshape turns the 64 columns back into an 8×8 image with one channel. conv2d slides 8 small 3×3 filters over it — each learns one stroke pattern and answers at every position: 6×6×8. max_pool2d keeps the strongest answer in each 2×2 block: 3×3×8. flatten lines those 72 values up for the softmax layer, one probability per digit.' },
      { node: 'train', target: '[data-testid=train]', text: () => 'Press Train. A filter has only 9 weights and a bias, shared by every position, so the whole network has 810 parameters.' },
      { node: 'evaluate', target: '#eval-chart', text: () => 'The confusion matrix: rows are the true digits, columns what the model said. Off the diagonal are the digits it mixes up.' },
    ],
  },
};
