// @ts-check
// The guide's lessons: a tour of the workflow on the user's own data, the seed's gradient-descent
// example (fit y = θ·x with one linear unit and plain GD) and the seed's Keras example (forecast
// sunspots with an LSTM on MinMax-scaled windows) and a small CNN on the 8×8 digits. Step texts may
// read the app's state.
import { LINE_FILE } from './generated.js';

/** @import {App} from './app.js' */
/** @import {Experiment, NodeId} from './types.js' */

/** @import {Msg, Params} from './i18n.js' */

/**
 * A lesson: its title and steps (the node to open, the control to highlight, the text's catalog
 * key in www/text/lessons.js and, for texts that read the app's state, their params) and, for
 * some, its own experiment.
 * @typedef {{title: string, experiment?: () => Experiment, showTheta?: boolean,
 *   steps: {node: NodeId, target: string | null, text: string, params?: (app: App) => Params}[]}} Lesson
 */

/** @param {App} app @returns {Msg} */
const tableText = (app) => (app.table
  ? { key: 'lesson.table', params: { name: app.table.name, rows: app.table.rows, columns: app.table.columns.length } }
  : { key: 'lesson.yourData' });
/** @param {App} app @returns {string | Msg} */
const targetText = (app) => app.experiment?.data?.target ?? { key: 'lesson.lastColumn' };

/** @type {Record<string, Lesson>} */
export const LESSONS = {
  tour: {
    title: 'lesson.tour.title',
    steps: [
      { node: 'preprocess', target: '#columns', text: 'lesson.tour.1', params: (app) => ({ table: tableText(app), target: targetText(app) }) },
      { node: 'build', target: '#layers', text: 'lesson.tour.2', params: (app) => ({ layers: app.experiment?.model?.layers?.length ?? 0 }) },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.tour.3' },
      { node: 'evaluate', target: '#metrics', text: 'lesson.tour.4' },
      { node: 'decide', target: '[data-testid=diagnosis]', text: 'lesson.tour.5' },
      { node: 'deploy', target: null, text: 'lesson.tour.6' },
      { node: 'apply', target: null, text: 'lesson.tour.7' },
    ],
  },
  gd: {
    title: 'lesson.gd.title',
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
      { node: 'preprocess', target: '#preview', text: 'lesson.gd.1' },
      { node: 'build', target: '#layers', text: 'lesson.gd.2' },
      { node: 'train', target: '[data-testid=step]', text: 'lesson.gd.3' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.gd.4' },
      { node: 'evaluate', target: '#metrics', text: 'lesson.gd.5' },
    ],
  },
  lstm: {
    title: 'lesson.lstm.title',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: 'builtin:sunspots', target: 'sunactivity', task: 'regression', scale: 'minmax', missing: 'mean',
        split: { method: 'chronological', validation: 0.1, test: 0.2 }, window: { lookback: 30, horizon: 1 } },
      model: { layers: [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }] },
      compile: { loss: 'mse', optimizer: { type: 'adam', learning_rate: 0.01 } },
      fit: { epochs: 60, batch_size: 32 },
    }),
    steps: [
      { node: 'preprocess', target: '#window-on', text: 'lesson.lstm.1' },
      { node: 'build', target: '#layers', text: 'lesson.lstm.2' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.lstm.3' },
      { node: 'evaluate', target: '#eval-chart', text: 'lesson.lstm.4' },
    ],
  },
  cnn: {
    title: 'lesson.cnn.title',
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
      { node: 'preprocess', target: '#preview', text: 'lesson.cnn.1' },
      { node: 'build', target: '#layers', text: 'lesson.cnn.2' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.cnn.3' },
      { node: 'evaluate', target: '#eval-chart', text: 'lesson.cnn.4' },
    ],
  },
};
