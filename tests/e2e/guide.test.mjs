// Step mode: the tour highlights the next control on each node; lesson 1 fits y = θ·x with GD and
// shows θ and the loss per step; lesson 2 sets up the seed's LSTM sunspot forecast; lesson 3 trains a
// small CNN on the 8×8 digits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeNode, canvasInk, hashExperiment, metric, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

const thetaRows = (page) => page.$$eval('#theta-table tr[data-step]', (rows) => rows.map((r) => ({
  step: Number(r.dataset.step), theta: Number(r.dataset.theta), loss: Number(r.dataset.loss) })));

test('the tour walks the nodes in order and highlights the next control', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-tour]');
  const seen = [];
  for (let i = 0; i < 7; i++) {
    seen.push(await activeNode(page));
    assert.match(await page.textContent('[data-testid=guide-step]'), new RegExp(`step ${i + 1} of 7`));
    if (i === 0) assert.match(await page.textContent('[data-testid=guide-text]'), /iris \(150 rows, 5 columns\).*species/);
    if (i === 2) {
      assert.ok(await page.locator('[data-testid=train].guide-target').count(), 'Train is highlighted');
      await shot(page, 'guide-tour');
    }
    await page.click('[data-testid=guide-next]');
  }
  assert.deepEqual(seen, ['preprocess', 'build', 'train', 'evaluate', 'decide', 'deploy', 'apply']);
  assert.equal(await page.locator('.guide-target').count(), 0, 'Finish clears the highlight');
  await page.close();
});

test('lesson 1: gradient descent finds θ ≈ 3, one visible step at a time', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-gd]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('gd_line.csv: 20 rows'));
  await whenReady(page);
  const exp = hashExperiment(page);
  assert.deepEqual(exp.model.layers, [{ type: 'dense', units: 1, activation: 'linear' }]);
  assert.equal(exp.compile.optimizer.type, 'gd');
  assert.match(await page.textContent('#model-summary'), /2 parameters/);
  await page.click('[data-testid=guide-next]');
  await page.click('[data-testid=guide-next]');
  assert.equal(await activeNode(page), 'train');
  assert.ok(await page.locator('[data-testid=step].guide-target').count(), 'Step is highlighted');
  await page.waitForFunction(() => document.querySelectorAll('#theta-table tr[data-step]').length === 1);
  for (let k = 1; k <= 3; k++) {
    await page.click('[data-testid=step]');
    await page.waitForFunction((n) => document.querySelectorAll('#theta-table tr[data-step]').length === n + 1, k);
  }
  const rows = await thetaRows(page);
  assert.deepEqual(rows.map((r) => r.step), [0, 1, 2, 3]);
  // Each GD step moves θ towards 3 and lowers the loss.
  for (let i = 1; i < rows.length; i++) {
    assert.ok(Math.abs(rows[i].theta - 3) < Math.abs(rows[i - 1].theta - 3), `step ${i} moves θ closer to 3: ${rows[i - 1].theta} → ${rows[i].theta}`);
    if (i > 1) assert.ok(rows[i].loss < rows[i - 1].loss, `loss falls at step ${i}`);
  }
  await shot(page, 'guide-lesson-gd');
  await page.click('[data-testid=guide-next]');
  assert.ok(await page.locator('[data-testid=train].guide-target').count(), 'Train is highlighted next');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.querySelector('#theta-table tr[data-step="40"]'));
  const last = (await thetaRows(page)).at(-1);
  assert.ok(Math.abs(last.theta - 3) < 0.1, `θ after 40 steps: ${last.theta}`);
  assert.ok(await metric(page, 'rmse') < 0.1, 'test error is about the added noise');
  await page.click('[data-testid=guide-next]');
  assert.equal(await activeNode(page), 'evaluate');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lesson 2: the LSTM sunspot forecast', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-lstm]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sunspots: 309 rows'));
  const exp = hashExperiment(page);
  assert.deepEqual(exp.model.layers[0], { type: 'lstm', units: 32, return_sequences: false });
  assert.deepEqual(exp.data.window, { lookback: 30, horizon: 1 });
  assert.equal(exp.data.scale, 'minmax');
  assert.equal(exp.data.split.method, 'chronological');
  assert.ok(await page.isChecked('#window-on'));
  assert.ok(await page.locator('#window-on.guide-target').count(), 'the window switch is highlighted');
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  await page.click('[data-testid=guide-next]');
  await page.click('[data-testid=guide-next]');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  await page.click('[data-testid=guide-next]');
  assert.equal(await activeNode(page), 'evaluate');
  const rmse = await metric(page, 'rmse');
  assert.ok(rmse > 0 && rmse < 60, `test RMSE in sunspot counts: ${rmse}`);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  const forecast = await canvasInk(page, '#eval-chart', [230, 159, 0]);
  assert.ok(forecast.colour > 100, 'the forecast is overlaid');
  await shot(page, 'guide-lesson-lstm');
  await page.close();
});

test('lesson 3: a small CNN on the 8×8 digits, shapes per layer, accuracy on unseen digits', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-cnn]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('digits: 1797 rows'));
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  assert.deepEqual(hashExperiment(page).model.layers.map((l) => l.type), ['reshape', 'conv2d', 'max_pool2d', 'flatten', 'dense']);
  await page.click('[data-testid=guide-next]');
  assert.equal(await activeNode(page), 'build');
  const shapes = await page.$$eval('[data-testid^=layer-shape-]', (s) => s.map((e) => e.textContent));
  assert.deepEqual(shapes, ['→ [8×8×1] · 0 params', '→ [6×6×8] · 80 params', '→ [3×3×8] · 0 params',
    '→ [72] · 0 params', '→ [10] · 730 params']);
  assert.equal(await page.locator('#model-problems li').count(), 0, 'no problems flagged');
  await page.click('[data-testid=guide-next]');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  await page.click('[data-testid=guide-next]');
  assert.equal(await activeNode(page), 'evaluate');
  const accuracy = await metric(page, 'accuracy');
  assert.ok(accuracy >= 0.9, `test accuracy on unseen digits: ${accuracy}`);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  await shot(page, 'guide-lesson-cnn');
  assert.deepEqual(page.problems, []);
  await page.close();
});
