// Offline (issue 19): after one visit the playground works without a network. The first visit
// registers the service worker (sw.js), which precaches what offline.json lists; the test then
// takes the browser context offline AND stops the server, reloads, loads another built-in dataset
// and trains it. The manifest makes the page installable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { fullSpeed, metric, shot, waitForState, whenReady } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url);

test('offline.json lists the pages, the modules, every built-in dataset and the wasm packages but the bench one', () => {
  const { files } = JSON.parse(readFileSync(new URL('offline.json', ROOT), 'utf8'));
  for (const f of ['index.html', 'embed.html', 'manifest.webmanifest', 'www/main.js', 'www/worker.js', 'www/offline.js',
    'www/style.css', 'www/panels/preprocess.js', 'www/text/index.js', 'www/data/iris.csv', 'www/data/sunspots.csv',
    'www/data/digits.csv', 'www/data/diabetes.csv', 'www/icons/icon-512.png', 'pkg/kindling.js', 'pkg/kindling_bg.wasm']) {
    assert.ok(files.includes(f), `${f} is precached`);
  }
  assert.ok(!files.some((f) => f.startsWith('pkg-bench/') || f.startsWith('www/bench/')), 'no bench files');
  assert.ok(!files.some((f) => f.endsWith('.d.ts')), 'no type declarations');
});

test('after one visit the page reloads offline, loads a built-in dataset and trains it', async () => {
  const { server, url } = await serve(0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(fullSpeed(url));
    await whenReady(page);
    // The first visit: the service worker installs (precaching) and becomes active.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, url);
    const manifest = await page.evaluate(async () => {
      const link = /** @type {HTMLLinkElement} */ (document.querySelector('link[rel=manifest]'));
      return (await fetch(link.href)).json();
    });
    assert.equal(manifest.start_url, 'index.html');
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512']);
    // The flowchart's mermaid (imported lazily, in chunks no list names) is kept too.
    await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered === 'true', null, { timeout: 30_000 });
    // (waitForFunction takes a promise for a truthy answer, so the cache is polled from here.)
    const mermaidCached = () => page.evaluate(async () => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('/node_modules/mermaid/'));
      const hits = await Promise.all(urls.map((u) => caches.match(u)));
      return urls.length > 1 && hits.every(Boolean) ? urls.length : 0;
    });
    let cached = 0;
    for (let tries = 0; tries < 150 && !cached; tries++) {
      cached = await mermaidCached();
      if (!cached) await page.waitForTimeout(200);
    }
    assert.ok(cached >= 2, 'mermaid and its chunks are cached');

    // Offline: the context has no network and the server is gone.
    await context.setOffline(true);
    await new Promise((ok) => server.close(ok));
    server.closeAllConnections?.();
    await page.reload();
    await whenReady(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reloaded page is served by the service worker');
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered === 'true', null, { timeout: 30_000 });
    await page.selectOption('#dataset', 'diabetes');
    await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent?.includes('442'));
    await whenReady(page);
    await page.click('[data-testid=node-train]');
    await page.fill('#epochs', '5');
    await page.locator('#epochs').blur();
    await whenReady(page);
    await page.click('[data-testid=train]');
    assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('[data-testid=error]'));
    const r2 = await metric(page, 'r2');
    assert.ok(Number.isFinite(r2), `R² shown offline: ${r2}`);
    await shot(page, 'offline-trained');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
