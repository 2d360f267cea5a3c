// Embeds on another site (issue 19): before training an embed shows its data and the loss chart's
// empty axes; a <kindling-demo> loaded from another origin (a blog on a second server, with and
// without COEP) frames the demo, sizes the frame to its content and trains; only the embed's
// files carry CORS/CORP cross-origin headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { encodeExperiment, openPage, shot, useServer } from './helpers.mjs';

const env = useServer();

const IRIS = encodeExperiment({
  version: 1, seed: 7,
  data: { source: 'builtin:iris', target: 'species', task: 'classification', split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  compile: { optimizer: { type: 'adam', learning_rate: 0.02 } },
  fit: { epochs: 20, batch_size: 16 },
});

/** A blog on its own origin (a second server) that embeds a demo from `kindling`; `headers` its own. */
async function blog(kindling, headers = {}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A blog</title>
<script type="module" src="${kindling}www/embed/kindling-demo.js"></script></head>
<body><h1>My post</h1><p>Press Train.</p><kindling-demo experiment="${IRIS}" height="200"></kindling-demo><p id="after">The end.</p></body></html>`;
  const server = createServer((req, res) => {
    const home = new URL(req.url, 'http://host').pathname === '/';
    res.writeHead(home ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(home ? html : 'not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

test('before training, an embed shows the first rows of its data and the empty loss chart', async () => {
  const page = await openPage(env.browser, `${env.url}embed.html#experiment=${IRIS}`, { width: 640, height: 700 });
  await page.waitForSelector('[data-testid=status][data-state=ready]');
  await page.waitForFunction(() => document.querySelector('#loss-chart').dataset.drawn === 'true');
  assert.equal(await page.locator('#preview tbody tr').count(), 5);
  assert.deepEqual(await page.locator('#preview th').allTextContents(),
    ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm', 'species']);
  assert.equal(await page.textContent('#data-summary'), 'iris: 150 rows × 5 columns');
  assert.equal(await page.textContent('[data-testid=loss-summary]'), 'Not trained yet: press Train to watch the loss fall.');
  const ink = await page.evaluate(() => {
    const c = document.querySelector('#loss-chart');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
    return n;
  });
  assert.ok(ink > 200, `the axes are drawn (${ink} dark pixels)`);
  await shot(page, 'embed-before-training');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('only the embed entry points are served for other origins', async () => {
  const headers = async (path) => {
    const res = await fetch(new URL(path, env.url));
    return [res.headers.get('access-control-allow-origin'), res.headers.get('cross-origin-resource-policy'), res.headers.get('x-content-type-options')];
  };
  assert.deepEqual(await headers('www/embed/kindling-demo.js'), ['*', 'cross-origin', 'nosniff']);
  assert.deepEqual(await headers('embed.html'), ['*', 'cross-origin', 'nosniff']);
  assert.deepEqual(await headers('pkg/kindling_bg.wasm'), ['*', 'cross-origin', 'nosniff']);
  assert.deepEqual(await headers('index.html'), [null, 'same-origin', 'nosniff']);
  assert.deepEqual(await headers('www/main.js'), [null, 'same-origin', 'nosniff']);
});

for (const [name, headers] of [['a plain blog', {}], ['a blog with COEP require-corp', { 'Cross-Origin-Embedder-Policy': 'require-corp' }]]) {
  test(`<kindling-demo> from another origin on ${name}: framed, sized to its content, trains`, async () => {
    const host = await blog(env.url, headers);
    try {
      assert.notEqual(new URL(host.url).origin, new URL(env.url).origin);
      const page = await openPage(env.browser, host.url, { width: 800, height: 900 });
      const frameEl = page.locator('kindling-demo iframe');
      await page.waitForFunction(() => document.querySelector('kindling-demo')?.shadowRoot?.querySelector('iframe')?.dataset.sized === 'true');
      const frame = page.frames().find((f) => f.url().startsWith(`${env.url}embed.html`));
      assert.ok(frame, page.frames().map((f) => f.url()).join(', '));
      await frame.waitForSelector('[data-testid=status][data-state=ready]');
      await frame.click('[data-testid=train]');
      await frame.waitForSelector('[data-testid=status][data-state=done]', { timeout: 60_000 });
      assert.ok(Number(await frame.textContent('[data-testid=metric-accuracy]')) > 0.5);
      // The frame is as tall as the demo's content (no inner scroll bar, no empty space).
      await page.waitForTimeout(300);
      const content = await frame.evaluate(() => document.documentElement.scrollHeight);
      const box = await frameEl.boundingBox();
      assert.ok(Math.abs(box.height - content) <= 1, `frame ${box.height}px for ${content}px of content`);
      assert.ok(box.height > 400, `taller than the 200px it started with: ${box.height}`);
      await shot(page, `embed-host${headers['Cross-Origin-Embedder-Policy'] ? '-coep' : ''}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    } finally {
      host.server.close();
    }
  });
}
