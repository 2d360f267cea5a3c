// Application (issue 19): an input far outside what the model has seen (sepal length 999) gets a
// visible "outside what the model has seen" note naming the value and what training held: the
// range for min-max scaling, the mean ± std for standard scaling (beyond 4 std). Inside, no note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openNode, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/** Trains iris with `scale` (15 epochs) and opens the Application panel; returns the page. */
async function trained(scale, lang = 'en') {
  const experiment = { seed: 3, data: { source: 'builtin:iris', target: 'species', scale }, fit: { epochs: 15 } };
  const page = await openPage(env.browser, `${env.url}?lang=${lang}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=apply-result][data-values]');
  return page;
}

/** Types `value` for `feature` and waits for the prediction of exactly that input. */
async function type(page, feature, value) {
  await page.fill(`[data-feature=${feature}]`, String(value));
  await page.waitForFunction(([f, v]) => JSON.parse(document.querySelector('[data-testid=apply-result]').dataset.input ?? '{}')[f] === v, [feature, value]);
}

test('min-max scaling: 999 cm is outside the training range, which the note names', async () => {
  const page = await trained('minmax');
  const { seen } = await page.evaluate(() => window.kindling.app.model.card.inputs[0]);
  assert.ok(seen.min >= 4.3 && seen.max <= 7.9 + 1e-6 && seen.max - seen.min > 3, JSON.stringify(seen));
  assert.equal(await page.isHidden('[data-testid=apply-outside]'), true, 'the defaults are inside');
  await type(page, 'sepal_length_cm', 999);
  const note = page.locator('[data-testid=apply-outside]');
  assert.equal(await note.isVisible(), true);
  const min = await page.evaluate(() => document.querySelector('[data-testid=apply-outside]').textContent);
  assert.match(min, /^Outside what the model has seen: sepal_length_cm = 999 \(training values [\d.]+ to [\d.]+\)\. Its prediction there is a guess beyond its training data\.$/);
  const [, lo, hi] = min.match(/training values ([\d.]+) to ([\d.]+)/);
  assert.ok(Math.abs(Number(lo) - seen.min) < 1e-3 && Math.abs(Number(hi) - seen.max) < 1e-3, `${lo}…${hi} vs ${JSON.stringify(seen)}`);
  assert.equal(await note.getAttribute('data-inputs'), '["sepal_length_cm"]');
  assert.ok(await page.getAttribute('[data-testid=apply-result]', 'data-values'), 'a prediction is still shown');
  await shot(page, 'apply-outside');
  // The largest training value itself is inside; just past it is outside; back inside, the note goes.
  await type(page, 'sepal_length_cm', Number(seen.max.toFixed(4)));
  assert.equal(await note.isHidden(), true, `${seen.max} is what training held`);
  await type(page, 'sepal_length_cm', Number((seen.max + 0.1).toFixed(2)));
  assert.equal(await note.isVisible(), true);
  await type(page, 'sepal_length_cm', 5.8);
  assert.equal(await note.isHidden(), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('standard scaling: more than 4 standard deviations from the training mean, in Chinese too', async () => {
  const page = await trained('standard', 'zh');
  const { seen } = await page.evaluate(() => window.kindling.app.model.card.inputs[2]);
  assert.ok(seen.mean > 3 && seen.mean < 4.5 && seen.std > 1.5 && seen.std < 2, JSON.stringify(seen));
  await type(page, 'petal_length_cm', Number((seen.mean + 3.9 * seen.std).toFixed(3)));
  assert.equal(await page.isHidden('[data-testid=apply-outside]'), true, '3.9 std is not far outside');
  await type(page, 'petal_length_cm', 999);
  const text = await page.textContent('[data-testid=apply-outside]');
  assert.match(text, /^超出了模型见过的范围：petal_length_cm = 999（离训练数据的均值 [\d.]+ ± [\d.]+ 超过 4 个标准差）。这里的预测是在训练数据之外的猜测。$/);
  await type(page, 'sepal_width_cm', -50);
  assert.equal(await page.getAttribute('[data-testid=apply-outside]', 'data-inputs'), '["sepal_width_cm","petal_length_cm"]');
  assert.deepEqual(page.problems, []);
  await page.close();
});
