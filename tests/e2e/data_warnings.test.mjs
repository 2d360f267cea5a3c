// Data that must never be read as nonsense silently (issue 13): the columns table shows, beside
// each column's name, why it was read as it was, and offers to read a mostly-numeric column as
// numbers (data.column_kinds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const CSV = [
  'price,amount,same,label',
  '1,"1,234",5,a', '2,"1,000,000",5,b', '3,7,5,a', '4,8,5,b', '5,9,5,a',
  '6,10,5,b', '12a,11,5,a', '3.4.5,12,5,b', 'abc,13,5,a', '10,14,5,b',
].join('\n');

const warningsOf = (page, column) => page.$$eval(`#columns tr[data-column="${column}"] .warning`, (s) => s.map((e) => e.textContent));

test('mostly-numeric text, thousands separators and constant columns are named; text can be read as numbers', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.setInputFiles('[data-testid=csv-input]', { name: 'shop.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.waitForSelector('#columns tr[data-column=price]');
  await waitForState(page, ['ready', 'error']);
  assert.deepEqual(await warningsOf(page, 'price'), ['⚠ line 8: 3 of 10 cells are not numbers (line 8 "12a", line 9 "3.4.5", line 10 "abc"), so the column is read as text, each value its own category; to read it as numbers with those cells missing, set data.column_kinds {"price": "numeric"}']);
  assert.deepEqual(await warningsOf(page, 'amount'), ['⚠ line 2: 2 numbers are read with thousands separators (line 2 "1,234", line 3 "1,000,000": "1,234" is 1234)']);
  assert.deepEqual(await warningsOf(page, 'same'), ['⚠ the column holds one value (5.0) in every row: it carries no information, and scaling leaves it 0 in every row (standard or minmax); leave it out of data.features']);
  assert.equal(await page.textContent('#columns tr[data-column=price] td:nth-child(2)'), 'categorical');
  assert.equal(await page.textContent('#columns tr[data-column=amount] td:nth-child(2)'), 'numeric');
  const inputs = () => page.evaluate(() => window.kindling.app.summary.layers[0]);
  const before = await page.evaluate(() => window.kindling.app.summary.features.length);
  await shot(page, 'data-warnings');

  await page.click('[data-testid=kind-price]');
  await waitForState(page, 'ready');
  assert.deepEqual(await page.evaluate(() => window.kindling.app.experiment.data.column_kinds), { price: 'numeric' });
  assert.equal(await page.textContent('[data-testid=kind-price]'), 'Read as text again');
  assert.equal(await page.evaluate(() => window.kindling.app.summary.features.length), before);
  // price is one input now, not one per value: the first layer has fewer parameters.
  const numeric = await inputs();
  await page.click('[data-testid=kind-price]');
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.kindling.app.experiment.data.column_kinds), undefined);
  assert.ok((await inputs()).params > numeric.params, 'as text, price is one-hot again');
  assert.deepEqual(page.problems, []);
  await page.close();
});
