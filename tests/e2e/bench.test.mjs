// bench.html stays working: a short configuration runs both engines to completion in headless
// Chromium and reports sane figures (no speed is asserted here; speed lives in the benchmark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, useServer } from './helpers.mjs';

const env = useServer();

test('bench.html runs W1 in Kindling and TF.js-wasm, times one explanation and publishes window.benchResult', async () => {
  const page = await openPage(env.browser, `${env.url}bench.html?workloads=W1&epochs=2&matmul=67`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 180_000 });
  const r = await page.evaluate(() => window.benchResult);
  assert.equal(r.error, undefined, r.error);
  assert.equal(await page.getAttribute('[data-testid=bench-status]', 'data-state'), 'done');
  const { kindling, tfjs, speedup } = r.workloads.W1;
  for (const [name, s] of [['Kindling', kindling], ['TF.js', tfjs]]) {
    assert.equal(s.error, undefined, `${name}: ${s.error}`);
    assert.equal(s.params, 8970, `${name}: W1's architecture`);
    assert.equal(s.metric_name, 'accuracy');
    assert.ok(s.metric > 0.5, `${name}: test accuracy ${s.metric} is well above chance (0.1)`);
    assert.ok(s.ms_per_epoch > 0 && Number.isFinite(s.first_epoch_ms), `${name}: epoch times ${s.ms_per_epoch}, ${s.first_epoch_ms}`);
  }
  assert.equal(tfjs.epochs, 2, 'epochs= shortens the TF.js run');
  assert.equal(kindling.epochs, 20, 'Kindling runs the fixed workload');
  assert.ok(kindling.metric > 0.9, `Kindling after 20 epochs: ${kindling.metric}`);
  assert.ok(Number.isFinite(speedup) && speedup > 0, `speedup ${speedup}`);
  assert.ok(r.ready_ms.kindling > 0 && r.ready_ms.tfjs > 0, `ready times ${JSON.stringify(r.ready_ms)}`);
  const mm = r.matmul.kindling.report;
  // n = 67 leaves partial 4-row and 8-column blocks, so the SIMD kernel's edges are covered too.
  assert.equal(mm.exact, true, 'nn::matmul (SIMD128) equals ndarray dot bit for bit on integer matrices');
  assert.ok(mm.gemm_gflops > 0 && mm.ndarray_gflops > 0 && r.matmul.tfjs.report.gflops > 0, JSON.stringify(r.matmul));
  assert.match(await page.textContent('[data-testid=bench-matmul]'), /matmul equals dot exactly: yes/);
  // The explanation timing row (issue 16): a finite median of 7 runs, never a time threshold.
  const ex = r.explain.report;
  assert.equal(r.explain.error, undefined, r.explain.error);
  assert.equal(ex.runs_ms.length, 7);
  assert.equal(ex.steps, 64);
  assert.ok(Number.isFinite(ex.median_ms) && ex.median_ms > 0, `median ${ex.median_ms}`);
  assert.match(await page.textContent('[data-testid=bench-explain]'),
    /^explain one digits prediction \(integrated gradients, 64 steps\): \d+\.\d ms \(median of 7 after a warm-up; digits CNN trained 3 epochs in the worker\)$/);
  assert.equal(Number(await page.getAttribute('[data-testid=bench-explain]', 'data-ms')), ex.median_ms);
  const cells = await page.locator('[data-testid=bench-W1-kindling] td').allTextContents();
  assert.equal(cells[0], 'W1');
  assert.match(cells[5], /^accuracy 0\.9\d\d$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'bench-w1.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('bench.html reports an unknown workload as an error row, not a hang', async () => {
  const page = await openPage(env.browser, `${env.url}bench.html?workloads=W9&matmul=0&explain=0`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 60_000 });
  const r = await page.evaluate(() => window.benchResult);
  assert.match(r.workloads.W9.kindling.error, /unknown workload "W9"; use W1, W2, W3 or T1/);
  assert.match(r.workloads.W9.tfjs.error, /unknown workload W9; use W1, W2 or W3/);
  const cells = await page.locator('[data-testid=bench-W9-kindling] td').allTextContents();
  assert.match(cells[5], /^error: unknown workload/);
  await page.close();
});
