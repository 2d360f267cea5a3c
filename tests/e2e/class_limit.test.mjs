// A target with more classes than the core takes (issue 13 item 11): the page shows the core's
// class-limit message, the one `kindling train` prints for the same file, not "units 5000".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, start, waitForState } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'target/release/kindling');
const TMP = mkdtempSync(join(tmpdir(), 'kindling-classes-'));
let env;
before(async () => {
  execFileSync('cargo', ['build', '--release', '--bin', 'kindling'], { cwd: ROOT, stdio: 'ignore' });
  env = await start();
});
after(async () => { await env?.close(); });

test('a 5,000-class target gets the class limit in the page and the CLI alike', async () => {
  const csv = `x,label\n${Array.from({ length: 5000 }, (_, i) => `${i},c${i}`).join('\n')}\n`;
  writeFileSync(join(TMP, 'many.csv'), csv);
  writeFileSync(join(TMP, 'many.json'), JSON.stringify({ data: { source: 'file:many.csv', target: 'label' }, fit: { epochs: 1 } }));
  const cli = spawnSync(CLI, ['train', 'many.json'], { cwd: TMP, encoding: 'utf8' });
  assert.equal(cli.status, 2);
  const want = 'many.csv: the target "label" has 5000 classes (at most 1000); if it is a quantity, set data.task to "regression"';
  assert.equal(cli.stderr, `error: ${want}\n`);

  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.setInputFiles('[data-testid=csv-input]', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  assert.equal(await waitForState(page, 'error'), 'error');
  assert.equal(await page.textContent('[data-testid=error]'), want);
  assert.deepEqual(page.problems, []);
  await page.close();
});
