// The Evaluation panel's macro precision and recall are the core's (`macro_avg`: the mean over the
// classes that occur in the test rows or their predictions, as scikit-learn's), the numbers
// `kindling train` prints and the model file keeps, also when a class is missing from the test rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, cliTrain, hashExperiment, metric, openNode, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();
// 77 rows: three overlapping clusters of 25 and a class "rare" of 2 rows far from them.
const DATA = join(FIXTURES, 'rare_class.csv');

test('a class missing from the test rows: macro precision and recall as kindling train prints them', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.setInputFiles('[data-testid=csv-input]', DATA);
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('rare_class.csv: 77 rows × 3 columns'));
  await whenReady(page);
  // An upload is split at random; a stratified split takes round(2 × 0.2) = 0 of the two "rare"
  // rows for testing, whatever the seed.
  await page.selectOption('#split-method', 'stratified');
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'evaluate');
  await page.waitForSelector('[data-testid=metric-precision]');

  // The fixture does what it is for: "rare" is neither a test row nor predicted for one.
  const { classes, evaluation } = await page.evaluate(() => ({ classes: window.kindling.app.summary.classes, evaluation: window.kindling.app.evaluation }));
  assert.deepEqual(classes, ['rare', 'setosa_like', 'versicolor_like', 'virginica_like']);
  assert.deepEqual(evaluation.confusion.map((row) => row[0]), [0, 0, 0, 0], 'never predicted');
  assert.deepEqual(evaluation.confusion[0], [0, 0, 0, 0], 'no test row');

  const experiment = hashExperiment(page);
  assert.equal(experiment.data.split.method, 'stratified');
  const cli = cliTrain(experiment, DATA).test;
  assert.deepEqual(evaluation.confusion, cli.confusion, 'the page and the CLI trained the same model');
  assert.deepEqual(cli.confusion, [[0, 0, 0, 0], [0, 4, 1, 0], [0, 0, 5, 0], [0, 2, 1, 2]]);
  assert.equal(await metric(page, 'precision'), shown(cli.macro_avg.precision));
  assert.equal(await metric(page, 'recall'), shown(cli.macro_avg.recall));
  // From that confusion matrix, over the three classes present: precision (4/6 + 5/7 + 2/2) / 3,
  // recall (4/5 + 5/5 + 2/5) / 3. Averaged over all four classes (the page's old JS copy), they
  // would read 0.5952 and 0.55.
  assert.equal(await metric(page, 'precision'), 0.7937);
  assert.equal(await metric(page, 'recall'), 0.7333);
  assert.equal(await metric(page, 'f1'), shown(cli.f1));
  assert.equal(await metric(page, 'accuracy'), shown(cli.accuracy));
  await shot(page, 'evaluate-missing-class');
  assert.deepEqual(page.problems, []);
  await page.close();
});
