// Stock forecasting (issue 15): the scenario picker opens the article's scenarios in one click;
// the S&P 500 lesson walks all eight nodes, and the Evaluation panel sets the LSTM's test RMSE
// beside the persistence forecast's (next = last), both in index points, as `kindling train`
// computes them, with a sentence that says which is better.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeNode, cliTrain, enter, hashExperiment, metric, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

const doneNodes = (page) => page.$$eval('#flow-steps [data-node]', (bs) => bs.filter((b) => b.classList.contains('done')).map((b) => b.dataset.node));
const ALL = ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply'];
const next = (page) => page.click('[data-testid=guide-next]');
/** Waits until the guide lets the user go on (the step's action happened). */
const released = (page) => page.waitForSelector('[data-testid=guide-next]:not([disabled])', { timeout: 180_000 });

test('the scenario picker loads the digits CNN and the S&P 500 LSTM in one click each', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=scenario-digits]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('digits: 1797 rows'));
  await whenReady(page);
  const digits = hashExperiment(page);
  assert.deepEqual(digits.model.layers.map((l) => l.type), ['reshape', 'conv2d', 'max_pool2d', 'flatten', 'dense']);
  assert.match(await page.textContent('[data-testid=scenario-blurb]'), /postcodes/);

  await page.click('[data-testid=scenario-stock]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('stock: 1833 rows × 2 columns'));
  await whenReady(page);
  const stock = hashExperiment(page);
  assert.deepEqual(stock.data, {
    source: 'builtin:stock', target: 'close', task: 'regression', features: [], missing: 'mean', scale: 'minmax',
    window: { lookback: 12, horizon: 1 }, split: { method: 'chronological', validation: 0.2, test: 0.2 }, on_bad_rows: 'error',
  });
  assert.deepEqual(stock.model.layers, [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }]);
  assert.equal(await page.getAttribute('[data-testid=scenario-blurb]', 'data-scenario'), 'stock');
  assert.ok(await page.isVisible('[data-testid=data-credit]'));
  assert.equal(await page.inputValue('#dataset'), 'stock');
  // 1833 months: 60 % train (1099 → 1087 windows), 20 % validation (367 → 355), 20 % test (367 → 355).
  assert.deepEqual(await page.evaluate(() => window.kindling.app.summary.rows), [1087, 355, 355]);

  // The series transform is a fitted step; log returns keep the same number of test windows less one.
  await page.selectOption('#transform', 'log_difference');
  await whenReady(page);
  assert.equal(hashExperiment(page).data.transform, 'log_difference');
  assert.deepEqual(await page.evaluate(() => window.kindling.app.summary.rows), [1086, 354, 354]);
  await shot(page, 'stock-scenarios');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the S&P 500 lesson: eight nodes, the LSTM against persistence in index points, as the CLI says', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-stock]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('stock: 1833 rows'));
  await whenReady(page);
  assert.match(await page.textContent('[data-testid=guide-text]'), /windows of the last 12 months/);
  await released(page);
  await next(page);
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'train');
  assert.match(await page.textContent('[data-testid=guide-text]'), /1087 training windows, then 355 validation windows, then 355 test windows/);
  await enter(page, '#epochs', 8);
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'evaluate');
  await page.waitForSelector('#baseline:not([hidden])');
  const cli = cliTrain(hashExperiment(page)).test;
  for (const m of ['rmse', 'mae', 'persistence_rmse', 'persistence_mae', 'returns_rmse', 'persistence_returns_rmse']) {
    assert.equal(await metric(page, m), shown(cli[m]), m);
  }
  const beats = cli.rmse < cli.persistence_rmse;
  assert.equal(await page.getAttribute('[data-testid=baseline-verdict]', 'data-beats'), String(beats));
  assert.match(await page.textContent('[data-testid=baseline-verdict]'), beats ? /^The model beats persistence/ : /^The model does not beat persistence.*random walk/);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  await shot(page, 'stock-lesson-evaluate');

  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'decide');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  await page.click('[data-testid=decide-yes]');
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'optimize');
  await page.click('[data-testid=lesson-tweak]');
  await page.waitForSelector('[data-testid=tweak-result][data-after]', { timeout: 180_000 });
  assert.equal(hashExperiment(page).model.layers[0].units, 16);
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'deploy');
  await page.waitForSelector('[data-testid=download-model]:not([disabled])');
  await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-model]')]);
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'apply');
  await page.fill('[data-testid=forecast-steps]', '6');
  await page.click('[data-testid=forecast-run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=forecast-chart]')?.dataset.drawn === 'true');
  const forecast = JSON.parse(await page.getAttribute('[data-testid=forecast-values]', 'data-values'));
  assert.equal(forecast.length, 6);
  assert.ok(forecast.every((v) => Number.isFinite(v) && v > 0), `index points: ${forecast}`);
  await released(page);
  assert.deepEqual(await doneNodes(page), ALL, 'all eight nodes are done');
  await shot(page, 'stock-lesson-apply');
  assert.deepEqual(page.problems, []);
  await page.close();
});
