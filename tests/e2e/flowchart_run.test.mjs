// With `&run=1` the flowchart waits for training to end, so drawing it never stalls the live chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, fullSpeed, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

test('a run=1 link draws the flowchart once training is done', async () => {
  const experiment = { data: { source: 'builtin:iris', target: 'species' }, fit: { epochs: 150, batch_size: 8 } };
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Before the page's modules run: note the diagram's state at every change of the status, and
  // the status at every change of the diagram, however fast training goes.
  await page.addInitScript(() => {
    window.seen = [];
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.querySelector('[data-testid=status]');
      const diagram = document.querySelector('#flow-diagram');
      const note = () => window.seen.push({ status: status.dataset.state, diagram: diagram.dataset.rendered });
      new MutationObserver(note).observe(status, { attributes: true, attributeFilter: ['data-state'] });
      new MutationObserver(note).observe(diagram, { attributes: true, attributeFilter: ['data-rendered'] });
    });
  });
  // The run's state when the page asks for mermaid (held until it is read): done, not training.
  const asked = [];
  await page.route(/mermaid\.esm\.min\.mjs$/, async (route) => {
    asked.push(await page.getAttribute('[data-testid=status]', 'data-state'));
    await route.continue();
  });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(fullSpeed(`${env.url}#experiment=${encodeExperiment(experiment)}&run=1`));
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered === 'true', null, { timeout: 30_000 });
  assert.equal(await page.locator('#flow-diagram svg g.node').count(), 8);
  const seen = await page.evaluate(() => window.seen);
  const training = seen.filter((s) => s.status === 'training');
  assert.ok(training.length >= 1, `the status went through training: ${JSON.stringify(seen)}`);
  assert.deepEqual([...new Set(training.map((s) => s.diagram))], ['pending'], 'never drawn while training');
  // The diagram is drawn once, after the run: the status then was already done.
  const drawn = seen.filter((s) => s.diagram === 'true');
  assert.equal(drawn[0].status, 'done', JSON.stringify(seen));
  assert.ok(seen.indexOf(drawn[0]) > seen.findIndex((s) => s.status === 'done'));
  assert.deepEqual(asked, ['done'], 'mermaid is imported once, after training');
  assert.deepEqual(page.problems, []);
  await page.close();
});
