// The data pipeline in the browser: a 50 MB CSV parses in the worker with progress messages while
// the page keeps drawing frames; ragged rows stop with the line named, or are skipped on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREENSHOTS, openPage, start, waitForState } from './helpers.mjs';
import { makeBigCsv } from '../fixtures/data/make_big_csv.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIG_DIR = join(ROOT, 'target', 'e2e-data'); // git-ignored; the test server serves it
const BIG = join(BIG_DIR, 'big.csv');

let env;
let bigRows;
before(async () => {
  mkdirSync(BIG_DIR, { recursive: true });
  const bytes = await makeBigCsv(BIG, 50);
  assert.equal(statSync(BIG).size, bytes);
  bigRows = Number((await import('node:child_process')).execFileSync('wc', ['-l', BIG]).toString().trim().split(' ')[0]) - 1;
  env = await start();
});
after(async () => { await env?.close(); });

// Runs in the page: a fresh worker, one load message, every message back until summary or error.
function loadInWorker(page, url, extra = {}) {
  return page.evaluate(async ([url, extra]) => {
    const worker = new Worker('/www/worker.js', { type: 'module' });
    const messages = [];
    const done = new Promise((ok) => {
      worker.onmessage = ({ data }) => {
        messages.push(data);
        if (data.type === 'ready') {
          fetch(url).then((r) => r.arrayBuffer()).then((buf) => {
            const bytes = new Uint8Array(buf);
            worker.postMessage({ type: 'load', name: url.split('/').pop(), bytes, ...extra }, [bytes.buffer]);
          });
        }
        if (data.type === 'summary' || data.type === 'error') ok();
      };
    });
    await done;
    worker.terminate();
    return messages;
  }, [url, extra]);
}

test('a 50 MB CSV parses in the worker, reporting progress as it goes', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  const messages = await loadInWorker(page, '/target/e2e-data/big.csv');
  const summary = messages.find((m) => m.type === 'summary');
  assert.ok(summary, JSON.stringify(messages.filter((m) => m.type === 'error')));
  assert.equal(summary.rows, bigRows);
  assert.deepEqual(summary.columns.map((c) => c.kind),
    ['numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'categorical', 'date', 'boolean', 'categorical']);
  assert.deepEqual(summary.columns[6].values.map((v) => v.value).sort(), ['amber', 'blue', 'green', 'red', 'violet']);
  const progress = messages.filter((m) => m.type === 'progress' && m.total > 1);
  assert.ok(progress.length >= 20, `${progress.length} progress messages`);
  assert.ok(progress.every((m, i) => i === 0 || m.done >= progress[i - 1].done), 'progress only grows');
  assert.equal(progress.at(-1).done, progress.at(-1).total);
  console.log(`# 50 MB CSV (${bigRows} rows): parsed in the worker in ${summary.parse_ms} ms, ${progress.length} progress messages`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('uploading the 50 MB CSV keeps the page drawing frames and ends ready', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.evaluate(() => {
    window.frames_ = { n: 0, maxGap: 0, last: performance.now() };
    const tick = (t) => {
      const f = window.frames_;
      f.maxGap = Math.max(f.maxGap, t - f.last);
      f.last = t;
      f.n++;
      if (!f.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=csv-input]', BIG);
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('big.csv'), null, { timeout: 120_000 });
  const loadMs = Date.now() - t0;
  const frames = await page.evaluate(() => { window.frames_.stop = true; return window.frames_; });
  assert.equal(await page.textContent('#data-summary'), `big.csv: ${bigRows} rows × 10 columns`);
  assert.ok(frames.n >= 10, `the page drew ${frames.n} frames while the file loaded`);
  console.log(`# upload to summary: ${loadMs} ms; ${frames.n} frames drawn meanwhile, longest gap ${Math.round(frames.maxGap)} ms`);
  assert.equal(await waitForState(page, ['ready', 'error'], 120_000), 'ready', await page.textContent('[data-testid=error]'));
  await page.screenshot({ path: join(SCREENSHOTS, 'data-big-upload.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('ragged rows stop with the lines named, or are skipped when asked', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  const url = '/tests/fixtures/data/ragged_many.csv';
  const error = (await loadInWorker(page, url)).find((m) => m.type === 'error');
  assert.match(error.message, /^ragged_many\.csv: line 3: 2 fields where the header has 3 \(3 such rows, on lines 3, 5, 6\)/);
  const summary = (await loadInWorker(page, url, { on_bad_rows: 'skip' })).find((m) => m.type === 'summary');
  assert.equal(summary.rows, 3);
  assert.deepEqual(summary.warnings[0], { line: 3, column: null, message: '3 rows skipped: they do not have 3 fields (lines 3, 5, 6)' });
  const bad = (await loadInWorker(page, url, { on_bad_rows: 'maybe' })).find((m) => m.type === 'error');
  assert.match(bad.message, /data\.on_bad_rows: "maybe" is not an option/);
  await page.close();
});

test('a file that is not UTF-8 CSV shows what, where and what to do', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  const fixtures = join(ROOT, 'tests', 'fixtures', 'data');
  const cases = [
    ['latin1.csv', /^latin1\.csv: line 3 \(byte 25\): the text is not UTF-8 \(byte 0xE9\); re-save the file as "CSV UTF-8"$/],
    ['zip.csv', /^zip\.csv: this is a ZIP archive \(or an \.xlsx workbook\), not CSV text; open it in its program and export or save it as CSV$/],
    ['unterminated.csv', /^unterminated\.csv: line 3: a quoted field opens here but its closing quote \(\"\) never comes/],
  ];
  for (const [file, pattern] of cases) {
    await page.setInputFiles('[data-testid=csv-input]', join(fixtures, file));
    // The previous case left the page in "error" too: wait for this file's message.
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid=error]').textContent),
      pattern.source, { timeout: 30_000 });
    assert.equal(await waitForState(page, 'error'), 'error', file);
    assert.ok(await page.isVisible('[data-testid=error]'), file);
    if (file === 'latin1.csv') await page.screenshot({ path: join(SCREENSHOTS, 'data-not-utf8.png'), fullPage: true });
  }
  await page.close();
});
