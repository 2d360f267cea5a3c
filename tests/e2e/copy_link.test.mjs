// Copy link (issue 19): the button puts the link on the clipboard (the Clipboard API, else the
// `copy` command on the selected link) and says "Copied"; `run=1` is an option; a link that would
// carry more than ~10 KB of the user's data asks first, and can leave the data out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openNode, shot, useServer, waitForState, whenReady, fullSpeed } from './helpers.mjs';

const env = useServer();

/** A page in a context that may read and write the clipboard. */
async function clipboardPage(init) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  if (init) await page.addInitScript(init);
  return page;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('Copy link copies the link, says Copied, and adds run=1 when asked', async () => {
  const page = await clipboardPage();
  await page.goto(fullSpeed(env.url));
  await whenReady(page);
  await openNode(page, 'deploy');
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === 'Copied');
  const link = await page.inputValue('[data-testid=share-link]');
  assert.match(link, /index\.html#experiment=[\w-]+$/);
  assert.equal(await clipboard(page), link);

  await page.check('[data-testid=link-run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=share-link]').value.endsWith('&run=1'));
  const runLink = await page.inputValue('[data-testid=share-link]');
  assert.equal(runLink, `${link}&run=1`);
  assert.equal(await clipboard(page), runLink);
  await page.close();

  // The copied link trains at once.
  const opened = await clipboardPage();
  await opened.goto(runLink.replace('index.html#', 'index.html?speed=max#'));
  assert.equal(await waitForState(opened, ['done', 'error']), 'done');
  assert.deepEqual(opened.problems, []);
  await opened.context().close();
});

test('without the Clipboard API the link is copied from its selected field', async () => {
  const page = await clipboardPage(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    document.addEventListener('copy', () => { window.copiedText = String(document.getSelection()) || document.activeElement?.value?.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd); });
  });
  await page.goto(fullSpeed(env.url));
  await whenReady(page);
  await openNode(page, 'deploy');
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === 'Copied');
  assert.equal(await page.evaluate(() => window.copiedText), await page.inputValue('[data-testid=share-link]'));
  await page.context().close();
});

test('a link carrying more than 10 KB of data asks first, and can leave the data out', async () => {
  // 1500 rows of random numbers: ~30 KB compressed, far over 10 KB.
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const rows = Array.from({ length: 1500 }, () => `${rand().toFixed(6)},${rand().toFixed(6)},${rand() < 0.5 ? 'a' : 'b'}`);
  const csv = Buffer.from(['x,y,label', ...rows].join('\n'));
  const page = await clipboardPage();
  await page.goto(fullSpeed(env.url));
  await whenReady(page);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.setInputFiles('[data-testid=csv-input]', { name: 'private.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent?.startsWith('private.csv'));
  await whenReady(page);
  await openNode(page, 'deploy');
  await page.click('[data-testid=copy-link]');
  await page.waitForSelector('[data-testid=link-privacy]:not([hidden])');
  const warning = await page.textContent('[data-testid=link-privacy] .warning');
  assert.match(warning, /^This link would carry your data \(\d\d KB compressed\): anyone who gets the link can read every row/);
  assert.equal(await page.isHidden('[data-testid=share-link]'), true, 'no link before the user answers');
  assert.equal(await clipboard(page), 'before', 'nothing copied before the user answers');
  await shot(page, 'copy-link-private-data');

  await page.click('[data-testid=copy-without-data]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === 'Copied');
  const bare = await page.inputValue('[data-testid=share-link]');
  assert.match(bare, /index\.html#experiment=[\w-]+$/, 'no &data=');
  assert.equal(await clipboard(page), bare);
  assert.equal(await page.isHidden('[data-testid=link-privacy]'), true);

  await page.click('[data-testid=copy-link]');
  await page.waitForSelector('[data-testid=link-privacy]:not([hidden])');
  await page.click('[data-testid=copy-with-data]');
  await page.waitForFunction(() => document.querySelector('[data-testid=share-link]').value.includes('&data='));
  const full = await page.inputValue('[data-testid=share-link]');
  assert.ok(full.length > bare.length + 10_000, `${full.length} characters`);
  assert.equal(await clipboard(page), full);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the zh page says 已复制', async () => {
  const page = await clipboardPage();
  await page.goto(fullSpeed(`${env.url}?lang=zh#experiment=${encodeExperiment({ data: { source: 'builtin:iris', target: 'species' } })}`));
  await whenReady(page);
  await openNode(page, 'deploy');
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent === '已复制');
  assert.equal(await page.textContent('label:has([data-testid=link-run])'), '打开链接即开始训练');
  await page.context().close();
});
