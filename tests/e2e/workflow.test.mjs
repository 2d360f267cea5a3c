// One test per flowchart node: drive the node's panel, assert what it produced, screenshot it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeNode, canvasInk, cliTrain, coreDiagnosis, enter, hashExperiment, metric, openNode, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

test('preprocess: built-in data, preview, column roles, drag-and-drop upload as text only', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  assert.equal(await activeNode(page), 'preprocess');
  await page.selectOption('#dataset', 'diabetes');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('diabetes: 442 rows × 11 columns'));
  await whenReady(page);
  assert.equal(await page.locator('#preview tbody tr').count(), 8);
  assert.equal(await page.textContent('#preview tbody tr:first-child td:first-child'), '0.038075906');
  assert.equal(await page.locator('#columns tbody tr').count(), 11);
  // Predict bmi instead of target, and leave s6 out of the features.
  await page.check('#columns tr[data-column=bmi] input[type=radio]');
  await whenReady(page);
  await page.uncheck('#columns tr[data-column=s6] input[type=checkbox]');
  await whenReady(page);
  const exp = hashExperiment(page);
  assert.equal(exp.data.target, 'bmi');
  // One name left out is shorter than nine listed: `exclude` (docs/CONTRACTS.md section 1).
  assert.deepEqual([exp.data.exclude, exp.data.features], [['s6'], null]);
  assert.match(await page.textContent('#model-summary'), /regression: 9 features → bmi/);
  assert.match(await page.textContent('[data-testid=why-preprocess]'), /diabetes: 442 rows\. Predicting bmi from 9 columns; \d+ rows train/);

  // Split and scale go into the experiment too.
  await page.selectOption('#scale', 'minmax');
  await whenReady(page);
  await enter(page, '#split-test', '0.3');
  await whenReady(page);
  const exp2 = hashExperiment(page);
  assert.equal(exp2.data.scale, 'minmax');
  assert.equal(exp2.data.split.test, 0.3);
  assert.match(await page.textContent('#model-summary'), /\/ 133 test/);

  // A dropped CSV whose header and cells hold markup: shown as text, never parsed as HTML.
  const csv = 'name,<img src=x onerror="window.pwned=1">,y\n<b>bold</b>,1,2\nplain,2,4\nthird,3,6\nfourth,4,8\nfifth,5,10\n';
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'markup.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('markup.csv: 5 rows × 3 columns'));
  assert.equal(await page.locator('#preview img, #columns img, #preview b').count(), 0, 'no markup became elements');
  assert.equal(await page.textContent('#preview tbody tr:first-child td:first-child'), '<b>bold</b>');
  assert.ok((await page.textContent('#preview thead')).includes('<img src=x onerror="window.pwned=1">'));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await waitForState(page, ['ready', 'error']);
  await shot(page, 'node-preprocess');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('build: add, reorder and remove layers; shapes and parameters; softmax with MSE explained', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await openNode(page, 'build');
  assert.equal(await activeNode(page), 'build');
  // iris: 4 features → dense 16 → dense 3 softmax.
  assert.match(await page.textContent('[data-testid=layer-shape-0]'), /\[16\] · 80 params/);
  assert.match(await page.textContent('[data-testid=layer-shape-1]'), /\[3\] · 51 params/);
  await page.click('[data-testid=add-dense]');
  await whenReady(page);
  assert.equal(await page.locator('#layers li').count(), 3);
  assert.match(await page.textContent('[data-testid=layer-shape-1]'), /\[16\] · 272 params/);
  await enter(page, '[aria-label="layer 2 units"]', '8');
  await whenReady(page);
  assert.match(await page.textContent('[data-testid=layer-shape-1]'), /\[8\] · 136 params/);
  assert.match(await page.textContent('#model-summary'), /243 parameters/); // 80 + 136 + 27
  await page.click('[data-testid=add-dropout]');
  await whenReady(page);
  await page.click('[aria-label="move layer 3 up"]');
  await whenReady(page);
  const types = hashExperiment(page).model.layers.map((l) => l.type);
  assert.deepEqual(types, ['dense', 'dropout', 'dense', 'dense']);
  await page.click('[aria-label="remove layer 2"]');
  await whenReady(page);
  assert.equal(await page.locator('#layers li').count(), 3);

  await page.selectOption('#loss', 'mse');
  await page.waitForSelector('#model-problems li');
  assert.match(await page.textContent('#model-problems'), /the output is softmax probabilities but the loss is mse; use categorical_crossentropy/);
  await shot(page, 'node-build');
  await page.selectOption('#loss', '');
  await whenReady(page);
  assert.equal(await page.locator('#model-problems li').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('train: step one epoch and one batch, live learning rate, progress, reset to the same weights', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await openNode(page, 'train');
  await enter(page, '#epochs', '30');
  await whenReady(page);
  await page.click('[data-testid=step]');
  await page.waitForFunction(() => document.querySelector('[data-testid=loss-summary]').dataset.epochs === '1');
  const firstLoss = await page.getAttribute('[data-testid=loss-summary]', 'data-first');
  assert.equal(await page.evaluate(() => document.querySelector('#progress').value), 1 / 30);
  // One batch (32 of 108 training rows) finishes no epoch.
  await page.selectOption('#step-unit', 'batch');
  await page.click('[data-testid=step]');
  await waitForState(page, 'paused');
  await page.waitForTimeout(200);
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), '1');

  // Mid-training (paused after a batch), a new learning rate goes to the running session.
  await enter(page, '#learning-rate', '0.005');
  assert.match(await page.textContent('#lr-note'), /Learning rate set to 0\.005 from epoch 2/);
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'paused', 'no rebuild');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), '30');
  assert.equal(await page.evaluate(() => document.querySelector('#progress').value), 1);
  await page.waitForTimeout(150);
  const ink = await canvasInk(page, '#loss-chart', [0, 114, 178]);
  assert.ok(ink.colour > 200, `training curve drawn (${ink.colour} blue pixels)`);
  await shot(page, 'node-train');

  // Back at the first learning rate, a rebuilt model repeats the first epoch exactly (same seed →
  // same split, shuffle and initial weights), and so does Reset.
  await page.selectOption('#step-unit', 'epoch');
  await enter(page, '#learning-rate', '0.01');
  await whenReady(page);
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), null);
  const firstEpoch = async () => {
    await page.click('[data-testid=step]');
    await page.waitForFunction(() => document.querySelector('[data-testid=loss-summary]').dataset.epochs === '1');
    return page.getAttribute('[data-testid=loss-summary]', 'data-first');
  };
  assert.equal(await firstEpoch(), firstLoss);
  await page.click('[data-testid=reset]');
  await whenReady(page);
  assert.equal(await firstEpoch(), firstLoss);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('evaluate: metrics, confusion heatmap and decision boundary; forecast overlay for a series', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  for (const name of ['sepal_length_cm', 'sepal_width_cm']) {
    await page.uncheck(`#columns tr[data-column=${name}] input[type=checkbox]`);
    await whenReady(page);
  }
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'evaluate');
  // The same experiment trained by the CLI (native and wasm agree bit for bit) scores the same.
  const iris = cliTrain(hashExperiment(page)).test;
  assert.equal(await metric(page, 'accuracy'), shown(iris.accuracy));
  assert.equal(await metric(page, 'f1'), shown(iris.f1));
  assert.equal(await metric(page, 'precision'), shown(iris.macro_avg.precision));
  assert.equal(await metric(page, 'recall'), shown(iris.macro_avg.recall));
  assert.ok(iris.accuracy >= 0.9, `petal length and width alone separate the species (${iris.accuracy})`);
  await page.waitForFunction(() => document.querySelector('#boundary-chart').dataset.drawn === 'true');
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  const heat = await canvasInk(page, '#eval-chart', [8, 48, 107]);
  assert.ok(heat.colour > 1000, `dark diagonal cells (${heat.colour} px)`);
  const blue = await canvasInk(page, '#boundary-chart', [0, 114, 178]);
  const orange = await canvasInk(page, '#boundary-chart', [230, 159, 0]);
  assert.ok(blue.colour > 100 && orange.colour > 100, `class colours drawn (${blue.colour}, ${orange.colour})`);
  await shot(page, 'node-evaluate-classes');

  await openNode(page, 'preprocess');
  await page.selectOption('#dataset', 'stock');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('stock: 1833 rows × 2 columns'));
  assert.ok(await page.isVisible('[data-testid=data-credit]'), 'the S&P 500 is credited');
  assert.ok(await page.isHidden('text=This stock series is synthetic'));
  await whenReady(page);
  await openNode(page, 'train');
  await enter(page, '#epochs', 5);
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await openNode(page, 'evaluate');
  // The CLI, given the same experiment, reports the same test metrics and the same persistence
  // baseline (in index points).
  const stock = cliTrain(hashExperiment(page)).test;
  for (const m of ['rmse', 'mae', 'r2', 'persistence_rmse', 'persistence_mae', 'returns_rmse', 'persistence_returns_rmse']) {
    assert.equal(await metric(page, m), shown(stock[m]), m);
  }
  assert.ok(stock.rmse > 0 && stock.mae > 0 && stock.mae <= stock.rmse, `${stock.mae} ≤ ${stock.rmse}`);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true'
    && document.querySelector('#eval-chart').getAttribute('aria-label').includes('forecast'));
  const forecast = await canvasInk(page, '#eval-chart', [230, 159, 0]);
  assert.ok(forecast.colour > 100, `forecast line drawn (${forecast.colour} px)`);
  assert.ok(await page.isHidden('#boundary-chart'));
  await shot(page, 'node-evaluate-series');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('decide: a diagnosis with numbers; "no" leads to deployment, "yes" to optimization', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await openNode(page, 'decide');
  assert.equal(await page.getAttribute('[data-testid=diagnosis]', 'data-verdict'), 'none');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'decide');
  // The core's diagnosis of the same run by the CLI: iris, 60 epochs, seed 42 — validation loss
  // still falling at the end, test accuracy 1: "fine", and "no" (deploy) is recommended.
  const run = cliTrain(hashExperiment(page));
  const expected = await coreDiagnosis(run.history, run.test);
  assert.equal(expected.verdict, 'fine');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  assert.equal(await page.getAttribute('[data-testid=diagnosis]', 'data-verdict'), 'fine');
  assert.equal(await page.textContent('[data-testid=diagnosis]'), 'Looks fine');
  assert.equal(await page.textContent('#diagnosis-reason'), expected.message);
  assert.deepEqual(await page.$$eval('#diagnosis-suggestions li > span', (s) => s.map((e) => e.textContent)), expected.suggestions.map((x) => x.text));
  assert.ok(expected.suggestions.length >= 1);
  assert.equal(await page.locator('[data-testid=decide-no].primary').count(), 1);
  await shot(page, 'node-decide');
  await page.click('[data-testid=decide-no]');
  assert.equal(await activeNode(page), 'deploy');
  assert.ok(await page.locator('[data-testid=node-decide].done').count());
  await openNode(page, 'decide');
  await page.click('[data-testid=decide-yes]');
  assert.equal(await activeNode(page), 'optimize');
  await page.close();
});

for (const id of ['optimize', 'deploy', 'apply']) {
  test(`${id}: the panel hosts its module, or says plainly what is coming`, async () => {
    const page = await openPage(env.browser, env.url);
    await whenReady(page);
    await openNode(page, id);
    const body = page.locator(`#${id}-body`);
    await page.waitForFunction((i) => document.querySelector(`#${i}-body`).childElementCount > 0, id);
    if (await body.getAttribute('data-pending')) {
      assert.match(await body.textContent(), /is coming:/);
      assert.equal(await body.locator('button, input, select').count(), 0, 'no fake controls');
    }
    await shot(page, `node-${id}`);
    await page.close();
  });
}
