// The dev server's Content-Security-Policy (issue 13 item 2): the page works under it (worker, wasm,
// mermaid, lazily imported panels, embeds: every suite asserts `page.problems` is empty), and a
// violation is seen: it lands in `page.problems`, so a suite would fail on one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP } from '../../scripts/serve.mjs';
import { openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

test('the page, its worker script and the wasm carry the CSP, nosniff and their MIME types', async () => {
  const page = await env.browser.newPage();
  const response = await page.goto(env.url);
  const headers = response.headers();
  assert.equal(headers['content-security-policy'], CSP);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  const worker = await page.request.get(`${env.url}www/worker.js`);
  assert.equal(worker.headers()['content-security-policy'], CSP, 'the worker script carries the policy too');
  const wasm = await page.request.get(`${env.url}pkg/kindling_bg.wasm`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  await page.close();
});

test('an inline script and a blob: worker are refused and reach page.problems; eval in a worker is refused', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  // The flowchart (mermaid, imported lazily) is drawn under the policy.
  await page.waitForSelector('#flow-diagram[data-rendered=true] svg');
  assert.deepEqual(page.problems, [], 'the page itself violates nothing');

  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.kindlingCspProbe = 1';
    document.head.append(s);
  });
  assert.equal(await page.evaluate(() => window.kindlingCspProbe), undefined, 'the inline script did not run');
  // In a worker from this origin (page.evaluate itself is exempt from the policy): eval is
  // refused, WebAssembly compiles. Playwright does not forward a worker's own violation reports to
  // the page's console, so the probe reports what happened itself; a worker blocked from its wasm
  // or data fails every suite's training instead.
  const probe = await page.evaluate(() => new Promise((ok) => {
    new Worker('/tests/fixtures/csp-probe-worker.js').onmessage = (e) => ok(e.data);
  }));
  assert.deepEqual(probe, { evalRefused: true, wasm: true });
  await page.evaluate(() => {
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    try { new Worker(url); } catch { /* refused synchronously */ }
  });
  await page.waitForTimeout(200);
  const violations = page.problems.filter((p) => /Content Security Policy/.test(p));
  assert.ok(violations.some((p) => /inline script .*script-src 'self' 'wasm-unsafe-eval'/.test(p)), page.problems.join('\n'));
  assert.ok(violations.some((p) => /Creating a worker from 'blob:.*worker-src 'self'/.test(p)), page.problems.join('\n'));
  assert.equal(violations.length, 2, page.problems.join('\n'));
  await page.close();
});
