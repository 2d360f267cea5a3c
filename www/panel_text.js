// @ts-check
// Each panel's two-line "what happens here and why".

/** @import {App} from './app.js' */
/** @import {NodeId} from './types.js' */

/** @type {Record<NodeId, string>} */
export const WHY = {
  preprocess: 'Pick the data, say which column to predict, and how to clean and scale it. The rows are split into training, validation and test sets, so the model is later judged on rows it never saw.',
  build: 'Stack the layers that turn your features into a prediction. Each layer\'s output shape and parameter count show how much the model can learn; the loss says what "wrong" means.',
  train: 'The optimizer nudges the weights to lower the loss, batch by batch. Watch training and validation loss: both falling means learning; validation rising means memorising.',
  evaluate: 'The held-out test rows give an honest score. For classes, the confusion matrix shows which ones get mixed up; for numbers, how far predictions land from the truth.',
  decide: 'Read the curves: diverged, under-fitting, over-fitting or fine. If it can do better, optimize; if it is good enough, deploy.',
  optimize: 'Search over settings (learning rate, size, dropout) and keep the best by validation loss.',
  deploy: 'Save the trained model with its preprocessing so it predicts exactly as it did here.',
  apply: 'Use the saved model on new rows.',
};

/**
 * The second line: what the step means for the data loaded now (empty before it is configured).
 * @param {NodeId} id
 * @param {App} app
 */
export function dataLine(id, app) {
  const s = app.summary;
  const t = app.table;
  if (!app.configured || !s || !t) return '';
  const [train, val, test] = s.rows;
  const outputs = s.classes ? `${s.classes.length} classes` : 'one number';
  switch (id) {
    case 'preprocess': return `${t.name}: ${t.rows} rows. Predicting ${s.target} from ${s.features.length} column${s.features.length === 1 ? '' : 's'}; ${train} rows train, ${val} validate, ${test} test.`;
    case 'build': return `A ${s.task} of ${s.target} (${outputs}): ${s.params} weights to learn from ${train} training rows.`;
    case 'train': return `Each epoch passes once over the ${train} training rows of ${t.name}; validation loss is measured on ${val} other rows.`;
    case 'evaluate': return `${test} rows of ${t.name} were kept aside for this and never trained on.`;
    case 'decide': return app.history.length ? `Read from this run's ${app.history.length} epochs on ${t.name}.` : '';
    default: return '';
  }
}
