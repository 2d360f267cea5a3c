// A run that diverges in its first epoch (issue 13 item 11): "Optimize?" says it diverged, with the
// core's numbers and advice, instead of "Not trained yet" (the failed epoch is in no history).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openNode, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const DIVERGES = {
  data: { source: 'builtin:diabetes', target: 'target', task: 'regression', scale: 'none' },
  model: { layers: [{ type: 'dense', units: 1 }] },
  compile: { optimizer: { type: 'sgd', learning_rate: 10 } },
  fit: { epochs: 5, batch_size: 16 },
};

test('divergence in epoch 1 is diagnosed as diverged; a new run clears it', async () => {
  const experiment = DIVERGES;
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['error', 'done']), 'error');
  assert.equal(await page.textContent('[data-testid=error]'),
    'training diverged: the loss became inf at epoch 1, batch 15; lower the learning rate or scale the data');
  await openNode(page, 'decide');
  const verdict = page.locator('[data-testid=diagnosis]');
  assert.equal(await verdict.getAttribute('data-verdict'), 'diverged');
  assert.equal(await verdict.textContent(), 'Diverged');
  assert.equal(await page.textContent('#diagnosis-reason'), 'Training diverged: the loss went to inf by epoch 1.');
  const tips = await page.$$eval('#diagnosis-suggestions li > span', (s) => s.map((e) => e.textContent));
  assert.equal(tips[0], 'Lower the learning rate about tenfold (e.g. 0.1 → 0.01).');
  assert.equal(await page.locator('[data-testid=decide-yes].primary').count(), 1, 'optimizing is recommended');

  // A working learning rate: the stale verdict goes, the new run is diagnosed from its curves.
  await page.evaluate(() => window.kindling.app.editExperiment((e) => {
    e.compile.optimizer.learning_rate = 0.001;
    e.data.scale = 'standard';
  }));
  await waitForState(page, 'ready');
  assert.equal(await verdict.getAttribute('data-verdict'), 'none');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  assert.notEqual(await verdict.getAttribute('data-verdict'), 'diverged');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('in Chinese the same verdict is written from the core numbers', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=zh#experiment=${encodeExperiment(DIVERGES)}&run=1`);
  assert.equal(await waitForState(page, ['error', 'done']), 'error');
  await openNode(page, 'decide');
  assert.equal(await page.getAttribute('[data-testid=diagnosis]', 'data-verdict'), 'diverged');
  assert.equal(await page.textContent('#diagnosis-reason'), '训练发散了：到第 1 轮，损失变成了 无穷大。');
  const tips = await page.$$eval('#diagnosis-suggestions li > span', (s) => s.map((e) => e.textContent));
  assert.equal(tips[0], '把学习率调低约十倍（例如 0.1 → 0.01）。');
  assert.deepEqual(page.problems, []);
  await page.close();
});
