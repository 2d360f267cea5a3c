#!/usr/bin/env node
// Compression and explanation figures in the browser (docs/BENCHMARKS.md, "Compression and
// explanations"): trains the digits CNN (examples/digits_cnn.json) and the W1 MLP in the
// playground, headless in Debian's Chromium, then reads the Deployment panel's compression table
// (file size raw and gzipped, test accuracy, prediction time of every test row for float32, int8
// and pruned versions) and times "Why this answer?" on a drawn digit (the lab worker's time,
// median of `--repeats` explanations). Figures, never a timed test.
// Usage: node scripts/bench-lab.mjs [--repeats 7]
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const repeats = Number(args.includes('--repeats') ? args[args.indexOf('--repeats') + 1] : 7);
const cnn = JSON.parse(readFileSync(new URL('../examples/digits_cnn.json', import.meta.url), 'utf8'));
const w1 = {
  ...cnn, seed: 42,
  model: { layers: [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 64, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' }] },
  fit: { epochs: 20, batch_size: 32 },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, url } = await serve(0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  console.log('| model | version | bytes | gzip bytes | × smaller (gzip) | test accuracy | predict ms (test rows) |');
  console.log('|---|---|---|---|---|---|---|');
  const explainMs = {};
  for (const [name, experiment] of [['digits CNN', cnn], ['W1 MLP', w1]]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const hash = Buffer.from(JSON.stringify(experiment)).toString('base64url');
    await page.goto(`${url}index.html?lang=en&speed=max#experiment=${hash}&run=1`);
    await page.waitForSelector('[data-testid=status][data-state=done]', { timeout: 10 * 60_000 });
    await page.click('[data-testid=node-deploy]');
    await page.click('[data-testid=compress-run]');
    await page.waitForSelector('[data-testid=compress-status][data-state=done]', { timeout: 10 * 60_000 });
    const rows = await page.$$eval('[data-testid=compress-row]', (trs) => trs.map((tr) => ({ ...tr.dataset })));
    for (const r of rows) {
      const ratio = (Number(rows[0].gzip) / Number(r.gzip)).toFixed(2);
      console.log(`| ${name} | ${r.name} | ${r.bytes} | ${r.gzip} | ${ratio} | ${(100 * Number(r.metric)).toFixed(2)} % | ${Number(r.ms).toFixed(2)} |`);
    }
    await page.click('[data-testid=node-apply]');
    const pad = page.locator('[data-testid=draw-pad]');
    await pad.waitFor({ state: 'visible' });
    const box = await pad.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await page.waitForSelector('[data-testid=pad-result][data-label]');
    const times = [];
    for (let i = 0; i < repeats; i++) {
      await page.evaluate(() => { delete document.querySelector('[data-testid=why-status]').dataset.state; });
      await page.click('[data-testid=why-run]');
      await page.waitForSelector('[data-testid=why-status][data-state=done]');
      times.push(Number(await page.getAttribute('[data-testid=why-status]', 'data-ms')));
    }
    explainMs[name] = { first: times[0], median: median(times.slice(1)) };
    await page.close();
  }
  for (const [name, t] of Object.entries(explainMs)) {
    console.log(`\n${name}: integrated gradients of one drawn digit (64 steps), lab worker: first ${t.first.toFixed(1)} ms, then median ${t.median.toFixed(1)} ms of ${repeats - 1}`);
  }
  console.log(`\n${await (await browser.newPage()).evaluate(() => navigator.userAgent)}; ${new Date().toISOString()}`);
} finally {
  await browser.close();
  server.close();
}
