// The two wasm packages (docs/BENCHMARKS.md, "Two packages"): the training worker runs pkg/ (no
// charts); the page's main thread draws every chart with pkg-chart/ (no training) and takes pkg/
// only for the "Optimize?" diagnosis, the core's as in the CLI. Iris on its two petal columns, so
// the decision boundary is drawn too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasInk, cliTrain, coreDiagnosis, encodeExperiment, hashExperiment, openNode, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/** The paths of the `.wasm` files a global scope (page or worker) fetched. */
const wasmFetched = (scope) => scope.evaluate(() => performance.getEntriesByType('resource')
  .map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.wasm')));

test('iris trains in the worker with pkg/ and its charts are drawn on the page with pkg-chart/', async () => {
  const experiment = { seed: 1, data: { source: 'builtin:iris', target: 'species', features: ['petal_length_cm', 'petal_width_cm'] }, fit: { epochs: 60, batch_size: 8 } };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  const trainer = page.workers().find((w) => w.url().endsWith('/www/worker.js'));
  assert.ok(trainer, `the training worker among ${page.workers().map((w) => w.url())}`);
  assert.deepEqual(await wasmFetched(trainer), ['/pkg/kindling_bg.wasm']);

  await page.waitForFunction(() => document.getElementById('loss-chart')?.dataset.drawn === 'true');
  const loss = await canvasInk(page, '#loss-chart', [0, 114, 178]); // the training curve's blue
  assert.ok(loss.colour > 100, `the loss curve is drawn: ${JSON.stringify(loss)}`);
  await openNode(page, 'evaluate');
  await page.waitForFunction(() => ['eval-chart', 'boundary-chart']
    .every((id) => document.getElementById(id)?.dataset.drawn === 'true'));
  for (const id of ['eval-chart', 'boundary-chart']) {
    const { ink, pixels } = await canvasInk(page, `#${id}`, [0, 0, 0]);
    assert.ok(ink > pixels / 20, `#${id} has ink: ${ink} of ${pixels} pixels`);
  }
  assert.ok((await wasmFetched(page)).includes('/pkg-chart/kindling_bg.wasm'), 'the charts come from pkg-chart/');
  await shot(page, 'packages-iris-charts');

  await openNode(page, 'decide');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]')?.dataset.verdict !== 'none');
  const cli = cliTrain(hashExperiment(page));
  const expected = await coreDiagnosis(cli.history, cli.test);
  assert.equal(await page.getAttribute('[data-testid=diagnosis]', 'data-verdict'), expected.verdict);
  assert.deepEqual((await wasmFetched(page)).sort(), ['/pkg-chart/kindling_bg.wasm', '/pkg/kindling_bg.wasm'], 'the diagnosis from pkg/');
  assert.deepEqual(page.problems, []);
  await page.close();
});
