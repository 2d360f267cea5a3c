// With `&run=1` the flowchart waits for training to end, so drawing it never stalls the live chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

test('a run=1 link draws the flowchart once training is done', async () => {
  const experiment = { data: { source: 'builtin:iris', target: 'species' }, fit: { epochs: 150, batch_size: 8 } };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  await waitForState(page, 'training');
  await page.waitForTimeout(500);
  if (await page.getAttribute('[data-testid=status]', 'data-state') === 'training') {
    assert.equal(await page.getAttribute('#flow-diagram', 'data-rendered'), 'pending');
  }
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered === 'true', null, { timeout: 30_000 });
  assert.equal(await page.locator('#flow-diagram svg g.node').count(), 8);
  assert.deepEqual(page.problems, []);
  await page.close();
});
