// Built-in defaults that teach (issue 19): each built-in opens with the experiment a teacher would
// show first. Sunspots is a windowed LSTM forecast (the series' last 30 years → the next), and a
// short training gives a forecast that follows the cycles (not a flat line) with R² shown, equal
// to `kindling train`'s on the same experiment; diabetes stops early on its validation loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliTrain, enter, hashExperiment, metric, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

/** Opens built-in `name` from the dataset select; resolves once its experiment is built. */
async function choose(page, name) {
  await page.selectOption('#dataset', name);
  await page.waitForFunction((n) => document.querySelector('#data-summary')?.textContent?.startsWith(n), name);
  await whenReady(page);
  return hashExperiment(page);
}

const std = (xs) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
};

test('sunspots opens as a 30-year window LSTM forecast; 15 epochs forecast the cycles, R² as the CLI', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  const experiment = await choose(page, 'sunspots');
  assert.deepEqual(experiment.data, {
    source: 'builtin:sunspots', target: 'sunactivity', task: 'regression', features: [], missing: 'mean', scale: 'minmax',
    window: { lookback: 30, horizon: 1 }, split: { method: 'chronological', validation: 0.2, test: 0.2 }, on_bad_rows: 'error',
  });
  assert.deepEqual(experiment.model.layers, [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }]);
  assert.deepEqual(experiment.fit, { epochs: 60, batch_size: 32, early_stopping: null });
  assert.equal(await page.isChecked('#window-on'), true);
  assert.equal(await page.inputValue('#window-lookback'), '30');

  await page.click('[data-testid=node-train]');
  await enter(page, '#epochs', 15);
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done', await page.textContent('[data-testid=error]'));
  const cli = cliTrain(hashExperiment(page));
  const r2 = await metric(page, 'r2');
  assert.equal(r2, shown(cli.test.r2), 'the page shows the R² kindling train computes');
  assert.ok(r2 > 0.3, `R² ${r2}: the forecast explains the test years`);
  const { actual, predicted } = await page.evaluate(() => window.kindling.app.predictions);
  assert.equal(predicted.length, 32, 'one forecast per test window (62 test years − 30)');
  assert.ok(std(predicted) > 0.4 * std(actual), `not flat: std ${std(predicted)} vs the actual ${std(actual)}`);
  await page.click('[data-testid=node-evaluate]');
  await page.waitForFunction(() => document.querySelector('#eval-chart')?.dataset.drawn === 'true');
  await shot(page, 'defaults-sunspots');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('each built-in builds its default: iris and digits classify, diabetes stops early, stock forecasts', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  const iris = hashExperiment(page);
  assert.deepEqual(iris.model.layers, [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }]);
  assert.equal(iris.data.split.method, 'stratified');
  const digits = await choose(page, 'digits');
  assert.deepEqual(digits.model.layers, [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }]);
  const stock = await choose(page, 'stock');
  assert.deepEqual([stock.data.window, stock.data.features, stock.model.layers[0].type], [{ lookback: 12, horizon: 1 }, [], 'lstm']);
  const diabetes = await choose(page, 'diabetes');
  assert.deepEqual(diabetes.fit, { epochs: 200, batch_size: 32, early_stopping: { monitor: 'val_loss', patience: 10, restore_best_weights: true } });
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done', await page.textContent('[data-testid=error]'));
  const cli = cliTrain(diabetes);
  const epochs = Number(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'));
  assert.equal(epochs, cli.history.length, 'stopped at the epoch the CLI stops at');
  assert.ok(epochs < 200, `early stopping ended the run after ${epochs} of 200 epochs`);
  assert.equal(await metric(page, 'r2'), shown(cli.test.r2));
  assert.deepEqual(page.problems, []);
  await page.close();
});
