// A CSV with ragged rows: the error names the lines and the page offers to skip them; a file that
// fails to load leaves the current data and experiment as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, SCREENSHOTS, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const source = (page) => page.evaluate(() => window.kindling.app.experiment.data.source);

test('ragged rows: the page offers to skip them, and a failed load changes nothing', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  assert.equal(await source(page), 'builtin:iris');

  await page.setInputFiles('[data-testid=csv-input]', join(FIXTURES, 'ragged.csv'));
  assert.equal(await waitForState(page, 'error'), 'error');
  assert.match(await page.textContent('[data-testid=error]'), /line 3: 2 fields where the header has 3/);
  assert.equal(await source(page), 'builtin:iris', 'the experiment still names the data that is loaded');
  const skip = page.locator('[data-testid=skip-bad-rows]');
  await skip.waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'data-skip-offer.png'), fullPage: true });

  await skip.click();
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('ragged.csv'));
  assert.equal(await source(page), 'file:ragged.csv');
  assert.equal(await page.evaluate(() => window.kindling.app.table.rows), 2, 'the two good rows are kept');
  assert.equal(await page.evaluate(() => window.kindling.app.experiment.data.on_bad_rows), 'skip');
  assert.equal(await skip.isVisible(), false);
  await page.close();
});
