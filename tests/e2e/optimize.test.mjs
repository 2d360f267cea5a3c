// The Optimization panel in real Chromium: the diagnosis after a run, a 12-trial search in several
// search workers, stopped midway and resumed, a sortable table with sparklines, "Apply best"
// retraining the page's model, and a main thread that stays responsive throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, encodeExperiment, metric, openNode, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const rows = (page) => page.locator('[data-testid=trial-row]').count();
const searchState = (page) => page.getAttribute('[data-testid=search-status]', 'data-state');

/** Milliseconds until the main thread runs a frame (a frozen tab would take seconds). */
const frameDelay = (page) => page.evaluate(() => new Promise((resolve) => {
  const t0 = performance.now();
  requestAnimationFrame(() => resolve(performance.now() - t0));
}));

test('12-trial search in several workers: stop, resume, sort, apply best; the page stays responsive', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  // Four cores → three search workers, whatever this machine has.
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  const experiment = { data: { source: 'builtin:iris' }, fit: { epochs: 600, batch_size: 16 } }; // long enough trials that Stop lands midway on a busy machine
  await page.goto(`${env.url}#experiment=${encodeExperiment(experiment)}`);
  await waitForState(page, 'ready');

  // A finished run gets a diagnosis with a yes/no recommendation and the sentence behind it, also
  // when the Optimization panel is first opened (and mounted) after the run.
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'optimize');
  const box = page.locator('[data-testid=optimize-diagnosis]');
  await page.waitForFunction(() => document.querySelector('[data-testid=optimize-diagnosis]')?.dataset.verdict);
  const verdict = await box.getAttribute('data-verdict');
  assert.ok(['fine', 'overfitting', 'underfitting', 'plateau', 'diverged'].includes(verdict), verdict);
  assert.match(await box.textContent(), /Optimize\? (Yes|No)/);
  // The Optimize? node and this panel read the same core diagnosis: same verdict, same advice.
  await page.waitForFunction((v) => document.querySelector('[data-testid=diagnosis]').dataset.verdict === v, verdict, { timeout: 5000 })
    .catch(async () => assert.fail(`Optimize? says ${await page.getAttribute('[data-testid=diagnosis]', 'data-verdict')}, the Optimization panel ${verdict}`));
  const yesFirst = await page.locator('[data-testid=decide-yes].primary').count();
  assert.equal(String(yesFirst === 1), await box.getAttribute('data-optimize'));

  await page.fill('input[name=trials]', '12');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=trial-row]').length >= 3, null, { timeout: 60_000 });
  assert.ok(await frameDelay(page) < 500, 'the main thread answers while trials run');
  await page.click('[data-testid=search-stop]');
  assert.equal(await searchState(page), 'stopped');
  const afterStop = await rows(page);
  assert.ok(afterStop >= 3 && afterStop < 13, `stopped midway with ${afterStop} of 13 runs`);
  await page.waitForTimeout(300);
  assert.equal(await rows(page), afterStop, 'nothing runs after stop');
  assert.equal(await page.isEnabled('[data-testid=search-resume]'), true);

  await page.click('[data-testid=search-resume]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 120_000 });
  assert.equal(await rows(page), 13, 'baseline + 12 trials');
  const progress = await page.$eval('[data-testid=search-progress]', (p) => [p.value, p.max]);
  assert.deepEqual(progress, [13, 13]);
  const workers = await page.$$eval('[data-testid=trial-row]', (trs) => new Set(trs.map((t) => t.dataset.worker)).size);
  assert.ok(workers >= 2, `trials ran in ${workers} workers`);
  const indices = await page.$$eval('[data-testid=trial-row]', (trs) => trs.map((t) => t.dataset.index).sort());
  assert.deepEqual(indices, ['0', '1', '10', '11', '2', '3', '4', '5', '6', '7', '8', '9', 'baseline']);

  // Sorted by validation loss (the default), the best trial is the first non-baseline row.
  const scores = await page.$$eval('[data-testid=trial-row] td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
  const numeric = scores.filter((s) => s !== 'failed').map(Number);
  assert.deepEqual(numeric, [...numeric].sort((a, b) => a - b), `rows sorted by val loss: ${scores}`);
  await page.click('th[data-key=score]');
  const descending = await page.$$eval('[data-testid=trial-row] td:nth-child(2)', (tds) => tds.map((td) => td.textContent).filter((s) => s !== 'failed').map(Number));
  assert.deepEqual(descending, [...numeric].reverse(), 'a second click sorts descending');
  const bestIndex = Number(await page.getAttribute('tr.best', 'data-index'));
  const ink = await page.$eval('tr.best canvas', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(ink > 40, `the best row has a loss sparkline (${ink} pixels)`);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-search.png'), fullPage: true });

  // The same search run again without stopping gives the same trials and scores.
  const table = () => page.$$eval('[data-testid=trial-row]', (trs) => Object.fromEntries(trs.map((t) => [t.dataset.index, [...t.cells].slice(1, -1).map((c) => c.textContent).join(' ')])));
  const interrupted = await table();
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 120_000 });
  assert.deepEqual(await table(), interrupted, 'stop + resume changes nothing');

  // Apply best: the page's experiment takes the best trial's settings and retrains.
  await page.click('[data-testid=search-apply]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  const applied = await page.evaluate(() => window.kindling.app.experiment);
  const settings = await page.$$eval(`tr.best td`, (tds) => tds.map((t) => t.textContent));
  assert.equal(await searchState(page), 'applied');
  assert.ok(applied.compile.optimizer.learning_rate > 0);
  assert.ok(await metric(page, 'accuracy') >= 0.8, 'the retrained model is reported on the test rows');
  assert.ok(settings.length > 4);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-applied.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('bad search settings show a message naming the setting; the page stays usable', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await openNode(page, 'optimize');
  await page.waitForSelector('[data-testid=search-start]');
  await page.fill('input[name=values-units]', '8, lots');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'error');
  const text = await page.textContent('[data-testid=search-status]');
  assert.match(text, /search\.vary\.units/);
  assert.match(text, /"lots"/);
  await page.locator('[data-testid=search-status]').screenshot({ path: join(SCREENSHOTS, 'optimize-error.png') });
  assert.equal(await page.isEnabled('[data-testid=search-start]'), true);
  await page.fill('input[name=values-units]', '8, 16');
  await page.fill('input[name=trials]', '2');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 60_000 });
  assert.equal(await page.locator('[data-testid=trial-row]').count(), 3);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-error-then-ok.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});
