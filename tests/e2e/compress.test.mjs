// Compression and explanations in the page (issue 16), run by the lab worker on pkg-lab/:
// iris trained in the page, then "Make it smaller" (Deployment), "Which inputs matter?"
// (Evaluation) and "Why this answer?" (Application) give exactly what the native CLI gives for the
// model file the page downloads (`kindling quantize`, `kindling explain`: native = wasm); the
// digits CNN's explanation of a drawing is a heat map over the 8×8 pixels whose attributions add
// up to the probability's rise over the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, canvasInk, encodeExperiment, openNode, openPage, shot, useServer, waitForState } from './helpers.mjs';
import { DIGITS_CNN, stroke } from './teach.mjs';

const env = useServer();
const IRIS_CSV = fileURLToPath(new URL('../../www/data/iris.csv', import.meta.url));

const IRIS = {
  seed: 4,
  data: { source: 'builtin:iris', target: 'species' },
  model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  fit: { epochs: 15, batch_size: 16 },
};

/** Clicks `selector` and returns the text of the file it downloads. */
async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

/** `kindling ARGS…` with the model file `text` as MODEL.json in a fresh folder: its JSON and the folder. */
function cli(text, args) {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-compress-'));
  writeFileSync(join(dir, 'model.json'), text);
  const out = execFileSync(CLI, args.map((a) => a.replace('{dir}', dir)), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { out: JSON.parse(out), dir };
}

test('iris: the compression table, importance and attributions are the CLI\'s for the same model file', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment(IRIS)}&run=1`);
  await waitForState(page, ['done'], 90_000);

  // Deployment: five versions, measured; the int8 file is the CLI's `quantize` of the page's f32 file.
  await openNode(page, 'deploy');
  await page.waitForSelector('[data-testid=compress-run]:not([disabled])');
  const file = await downloaded(page, '[data-testid=download-model]');
  await page.click('[data-testid=compress-run]');
  await page.waitForSelector('[data-testid=compress-status][data-state=done]', { timeout: 60_000 });
  const rows = await page.$$eval('[data-testid=compress-row]', (trs) => trs.map((tr) => ({ ...tr.dataset })));
  assert.deepEqual(rows.map((r) => r.name), ['float32', 'int8', 'pruned-50', 'pruned-80', 'pruned-90']);
  const accuracy = await page.evaluate(() => window.kindling.app.evaluation.accuracy);
  // Metrics are f32 in the core; the table's come widened to f64 (0.8999999761581421 for 0.9).
  const f32 = (x) => Math.fround(Number(x));
  assert.equal(f32(rows[0].metric), f32(accuracy), 'the float32 row is the model the page evaluated');
  assert.equal(Number(rows[0].bytes), Buffer.byteLength(file.text), 'the float32 row is the downloaded file');
  const q = cli(file.text, ['quantize', '{dir}/model.json', '--out', '{dir}/small.json', '--data', IRIS_CSV]);
  assert.equal(Number(rows[1].bytes), q.out.after.bytes);
  assert.equal(f32(rows[1].metric), f32(q.out.after.test.accuracy));
  for (const r of rows) {
    assert.ok(Number(r.gzip) > 0 && Number(r.gzip) < Number(r.bytes), `${r.name}: gzip ${r.gzip} of ${r.bytes}`);
    assert.ok(Number(r.ms) > 0, `${r.name}: prediction time ${r.ms}`);
  }
  assert.ok(Number(rows[1].gzip) < Number(rows[0].gzip), 'int8 is smaller gzipped');
  const int8 = await downloaded(page, '[data-testid=compress-download]');
  assert.equal(int8.name, 'kindling-model-int8.json');
  assert.equal(int8.text, readFileSync(join(q.dir, 'small.json'), 'utf8'), 'the downloaded int8 file is the CLI\'s');
  await page.check('[data-testid=compress-pick-pruned-80]');
  const pruned = JSON.parse((await downloaded(page, '[data-testid=compress-download]')).text);
  const kernel = pruned.weights.tensors[0].data;
  assert.equal(kernel.filter((w) => w === 0).length, Math.floor(0.8 * kernel.length), '80 % of the first kernel is zero');
  assert.equal(await page.getAttribute('[data-testid=compress-plot]', 'data-drawn'), 'true');
  await page.locator('[data-testid=compress]').screenshot({ path: 'tests/e2e/screenshots/compress-deploy.png' });

  // Evaluation: permutation importance, the CLI's to the bit (same test rows, seed 0, 5 repeats).
  const explained = cli(file.text, ['explain', '{dir}/model.json', IRIS_CSV, '--row', '0']).out;
  await openNode(page, 'evaluate');
  await page.click('[data-testid=importance-run]');
  await page.waitForSelector('[data-testid=importance-status][data-state=done]', { timeout: 60_000 });
  assert.deepEqual(JSON.parse(await page.getAttribute('[data-testid=importance-chart]', 'data-values')), explained.importance.inputs);
  await page.waitForSelector('[data-testid=importance-chart][data-drawn=true]');
  assert.equal(JSON.parse(await page.getAttribute('[data-testid=importance-chart]', 'data-labels')).loss_rise, 'rise in test loss');
  const bars = await canvasInk(page, '[data-testid=importance-chart]', [0, 114, 178]);
  assert.ok(bars.colour > 200, `the chart package drew the bars (${bars.colour} blue px)`);
  await page.locator('[data-testid=importance]').screenshot({ path: 'tests/e2e/screenshots/compress-importance.png' });

  // Application: iris row 0 typed into the form, explained: the CLI's `--row 0` attributions.
  await openNode(page, 'apply');
  const flower = { sepal_length_cm: 5.1, sepal_width_cm: 3.5, petal_length_cm: 1.4, petal_width_cm: 0.2 };
  for (const [name, value] of Object.entries(flower)) await page.fill(`[data-feature=${name}]`, String(value));
  await page.waitForFunction((want) => document.querySelector('[data-testid=apply-result]')?.dataset.input === want, JSON.stringify(flower));
  await page.click('[data-testid=why-run]');
  await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
  assert.deepEqual(JSON.parse(await page.getAttribute('[data-testid=why-status]', 'data-values')), explained.explanation.attributions);
  assert.equal(await page.getAttribute('[data-testid=why-status]', 'data-output'), explained.explanation.output);
  assert.equal(await page.getAttribute('[data-testid=why-chart]', 'data-drawn'), 'true');
  await page.locator('[data-testid=why]').screenshot({ path: 'tests/e2e/screenshots/compress-why.png' });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('digits CNN: a drawing is explained as a heat map over its 8×8 pixels; the attributions add up', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment(DIGITS_CNN(3))}&run=1`);
  await waitForState(page, ['done'], 120_000);
  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=draw-pad]', { state: 'visible' });
  await stroke(page);
  await page.waitForSelector('[data-testid=pad-result][data-label]');
  await page.click('[data-testid=why-run]');
  await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
  const values = JSON.parse(await page.getAttribute('[data-testid=why-status]', 'data-values'));
  assert.equal(values.length, 64);
  assert.equal(await page.getAttribute('[data-testid=why-status]', 'data-output'), await page.getAttribute('[data-testid=pad-result]', 'data-label'));
  // Completeness: the sum of the attributions is p(class | drawing) − p(class | baseline) (64 midpoints).
  const [value, base] = await page.$eval('[data-testid=why-status]', (p) => [Number(p.dataset.value), Number(p.dataset.base)]);
  const sum = values.reduce((s, a) => s + a, 0);
  assert.ok(Math.abs(sum - (value - base)) <= 0.05 * Math.abs(value - base), `sum ${sum} vs ${value} − ${base}`);
  assert.equal(await page.getAttribute('[data-testid=why-heat]', 'data-drawn'), 'true');
  assert.equal(await page.isHidden('[data-testid=why-chart]'), true);
  const ink = await canvasInk(page, '[data-testid=why-heat]', [0, 114, 178]);
  assert.ok(ink.colour > 0, 'some pixels pushed toward the answer (blue)');
  // A second stroke: the explanation follows the new drawing.
  await stroke(page, [0.2, 0.5], [0.8, 0.5]);
  await page.waitForFunction((old) => document.querySelector('[data-testid=why-status]').dataset.values !== old, JSON.stringify(values));
  await page.locator('#panel-apply').screenshot({ path: 'tests/e2e/screenshots/compress-why-digits.png' });
  await shot(page, 'compress-apply-digits');
  assert.deepEqual(page.problems, []);
  await page.close();
});
