#!/usr/bin/env node
// Runs bench.html (Kindling vs TF.js-wasm, same browser) headless in Debian's Chromium via
// Playwright, and times the playground page's start-up; prints a Markdown table and the JSON.
// Usage: node scripts/bench-browser.mjs [--query 'workloads=W1,W2,W3&rounds=3'] [--json out.json] [--screenshot out.png]
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { loadOnce, medians } from './page-ready.mjs';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const query = opt('--query', 'workloads=W1,W2,W3&rounds=3');
const fmt = (v, d = 1) => (v == null ? '—' : Number(v).toFixed(d));

/** index.html start-up, median of `n` loads (scripts/page-ready.mjs): DOMContentLoaded, the
 *  worker's wasm compiled and instantiated, status `ready` (built-in iris loaded, model configured). */
async function pageReady(browser, url, n = 5) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await loadOnce(browser, url));
  return medians(runs);
}

const { server, url } = await serve(0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  const readyMs = await pageReady(browser, url);
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error(`page: ${m.text()}`));
  await page.goto(`${url}bench.html?${query}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 60 * 60_000, polling: 1000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  result.index_ready_ms = readyMs;
  console.log(`| workload | engine | epochs | ms/epoch | first epoch ms | test metric | GFLOP/s | speedup |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  for (const [w, { kindling, tfjs, speedup }] of Object.entries(result.workloads)) {
    for (const [label, s] of [['Kindling', kindling], ['TF.js-wasm', tfjs]]) {
      const metric = s.error ? `error: ${s.error}` : `${s.metric_name} ${fmt(s.metric, 4)}`;
      const ratio = label === 'Kindling' && speedup ? `${fmt(speedup, 2)}×` : '';
      console.log(`| ${w} | ${label} | ${s.epochs ?? '—'} | ${fmt(s.ms_per_epoch)} | ${fmt(s.first_epoch_ms)} | ${metric} | ${fmt(s.gflops, 2)} | ${ratio} |`);
    }
  }
  const mm = result.matmul;
  if (mm?.kindling.report && mm.tfjs.report) {
    console.log(`\nf32 matmul ${mm.kindling.report.n}² (GFLOP/s): Kindling matmul ${fmt(mm.kindling.report.gemm_gflops)}, ndarray dot ${fmt(mm.kindling.report.ndarray_gflops)}, TF.js-wasm ${fmt(mm.tfjs.report.gflops)}; exact: ${mm.kindling.report.exact}`);
  }
  const ex = result.explain;
  if (ex) {
    console.log(ex.error ? `\nexplain: ${ex.error}`
      : `\nexplain one digits prediction (integrated gradients, ${ex.report.steps} steps, digits CNN after ${ex.report.epochs} epochs): median ${fmt(ex.report.median_ms)} ms of ${ex.report.runs_ms.length} runs (${ex.report.runs_ms.map((v) => fmt(v)).join(', ')})`);
  }
  console.log(`\nworker ready (wasm compiled + instantiated): Kindling ${fmt(result.ready_ms.kindling)} ms, TF.js ${fmt(result.ready_ms.tfjs)} ms`);
  console.log(`index.html (median of 5 loads): DOMContentLoaded ${fmt(readyMs.dom)} ms, worker wasm ready ${fmt(readyMs.ready)} ms, status ready ${fmt(readyMs.status_ready)} ms`);
  console.log(`${result.userAgent}; cross-origin isolated: ${result.crossOriginIsolated}; ${result.date}`);
  if (opt('--screenshot')) await page.screenshot({ path: opt('--screenshot'), fullPage: true });
  const out = opt('--json');
  if (out) await writeFile(out, JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.close();
}
