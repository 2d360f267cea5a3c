// The target's task is the user's choice (issue 19): a target of a few whole numbers starts as
// classification and offers regression; date columns show dates, are not ticked by default, say
// how a ticked date is used (a time index), and a ticked date is sent as a feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashExperiment, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/** 40 rows: x, a date, and y in 0/1 (y = x > 0.5). */
function csv() {
  const lines = ['x,when,y'];
  for (let i = 0; i < 40; i++) {
    const x = ((i * 37) % 40) / 40;
    lines.push(`${x},2024-01-${String((i % 28) + 1).padStart(2, '0')},${x > 0.5 ? 1 : 0}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const lastLayer = (page) => hashExperiment(page).model.layers.at(-1);

/** Waits (up to 5 s) until the link's experiment satisfies `ok`. */
async function hashSettles(page, ok) {
  for (let i = 0; i < 50 && !ok(hashExperiment(page)); i++) await page.waitForTimeout(100);
  return hashExperiment(page);
}

test('a 0/1 target starts as classification and can be made regression', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en`);
  await waitForState(page, 'ready');
  await page.setInputFiles('[data-testid=csv-input]', { name: 'flags.csv', mimeType: 'text/csv', buffer: csv() });
  await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent.startsWith('flags.csv'));
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  assert.equal(await page.isVisible('[data-testid=task]'), true);
  assert.equal(await page.inputValue('[data-testid=task]'), 'classification');
  assert.equal(hashExperiment(page).data.task, 'classification');
  assert.deepEqual(lastLayer(page), { type: 'dense', units: 2, activation: 'softmax' });

  await page.selectOption('[data-testid=task]', 'regression');
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  assert.equal((await hashSettles(page, (e) => e.data.task === 'regression')).data.task, 'regression');
  assert.deepEqual(lastLayer(page), { type: 'dense', units: 1, activation: 'linear' });
  assert.equal(await page.inputValue('[data-testid=task]'), 'regression');

  // The date column: a date, not Unix seconds; not a feature until ticked; then sent as one.
  const when = page.locator('#columns tr[data-column=when]');
  assert.match(await when.locator('td.extra').textContent(), /min 2024-01-01 · max 2024-01-28/);
  assert.equal(await when.locator('input[type=checkbox]').isChecked(), false);
  assert.match(await page.textContent('[data-testid=date-use-when]'), /time index/);
  await when.locator('input[type=checkbox]').check();
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  assert.deepEqual((await hashSettles(page, (e) => e.data.features)).data.features, ['x', 'when']);
  await shot(page, 'target-task');
  await page.close();
});

test('the stock series shows its dates as dates', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en`);
  await waitForState(page, 'ready');
  await page.selectOption('#dataset', 'stock');
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready');
  const date = page.locator('#columns tr[data-column=date] td.extra');
  await date.waitFor();
  assert.match(await date.textContent(), /^min 1871-01-01 · max 2023-09-01 · mean \d{4}-\d\d-\d\d · std \d+ days/);
  assert.equal(await page.isVisible('[data-testid=task]'), false, 'a price is a quantity: no task choice');
  await page.close();
});
