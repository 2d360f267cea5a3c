// Model files saved with a byte-order mark or in UTF-16 (issue 13 item 11): the page opens them as
// the CLI does (the core decodes the bytes for both), and a file in neither encoding gets the
// same message in the page as from `kindling predict`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, openNode, openPage, start, waitForState } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'target/release/kindling');
const IRIS = join(ROOT, 'www/data/iris.csv');
const TMP = mkdtempSync(join(tmpdir(), 'kindling-encoding-'));
let env;
let text;
before(async () => {
  execFileSync('cargo', ['build', '--release', '--bin', 'kindling'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(CLI, ['train', join(FIXTURES, 'deploy_iris.json'), '--out', join(TMP, 'm.json')], { stdio: 'ignore' });
  text = readFileSync(join(TMP, 'm.json'), 'utf8');
  env = await start();
});
after(async () => { await env?.close(); });

const utf16be = (s) => Buffer.from(s, 'utf16le').swap16();

test('UTF-8 with a byte-order mark and UTF-16 either way round open in the page and in the CLI', async () => {
  const files = {
    'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    'utf16le.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'utf16be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
  };
  const want = execFileSync(CLI, ['predict', join(TMP, 'm.json'), IRIS], { encoding: 'utf8' });
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await openNode(page, 'deploy');
  for (const [name, buffer] of Object.entries(files)) {
    writeFileSync(join(TMP, name), buffer);
    assert.equal(execFileSync(CLI, ['predict', join(TMP, name), IRIS], { encoding: 'utf8' }), want, name);
    await page.setInputFiles('[data-testid=model-input]', { name, mimeType: 'application/json', buffer });
    await page.waitForFunction((n) => document.querySelector('[data-testid=model-card]').textContent.includes(`opened from ${n}`), name);
    assert.equal(await page.isVisible('[data-testid=deploy-error]'), false, name);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a file in neither encoding gets the core message, the same in the page and the CLI', async () => {
  const buffer = Buffer.from(text.replace('"kindling-model"', '"kindling-mod\u00e9l"'), 'latin1');
  writeFileSync(join(TMP, 'latin1.json'), buffer);
  const cli = spawnSync(CLI, ['predict', 'latin1.json', IRIS], { cwd: TMP, encoding: 'utf8' });
  assert.equal(cli.status, 2);
  assert.match(cli.stderr, /^error: latin1\.json: the model file is not UTF-8 or UTF-16 text \(byte \d+ is not UTF-8\)/);
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await openNode(page, 'deploy');
  await page.setInputFiles('[data-testid=model-input]', { name: 'latin1.json', mimeType: 'application/json', buffer });
  await page.waitForSelector('[data-testid=deploy-error]:not([hidden])');
  assert.equal(await page.textContent('[data-testid=deploy-error]'), cli.stderr.trim().replace(/^error: /, ''));
  assert.deepEqual(page.problems, []);
  await page.close();
});
