// Building a CNN with the layer buttons on the 8×8 digits: each add goes before the output layer,
// the page shows the core's build error (what is missing) until the stack is complete, shapes and parameters follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enter, hashExperiment, openNode, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

const shapes = (page) => page.$$eval('[data-testid^=layer-shape-]', (s) => s.map((e) => e.textContent));
const problems = (page) => page.$$eval('#model-problems li', (li) => li.map((e) => e.textContent));

test('build: reshape, conv2d, max_pool2d and flatten from the buttons, with the missing piece explained', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.selectOption('#dataset', 'digits');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('digits: 1797 rows'));
  await whenReady(page);
  await openNode(page, 'build');
  await page.click('[aria-label="remove layer 1"]'); // the preset's hidden dense layer
  await whenReady(page);

  await page.click('[data-testid=add-conv2d]');
  await page.waitForSelector('#model-problems li');
  assert.match((await problems(page)).join(' '), /Layer 1 \(conv2d\) needs images \[height, width, channels\] but receives shape \[64\]; put a reshape before it/);
  await page.click('[aria-label="remove layer 1"]');
  await whenReady(page);

  await page.click('[data-testid=add-reshape]');
  await page.waitForSelector('#model-problems li');
  assert.deepEqual(hashExperiment(page).model.layers[0], { type: 'reshape', target_shape: [8, 8, 1] }, '64 columns → an 8×8 image');
  assert.match((await problems(page)).join(' '), /Layer 2 \(dense\) needs flat inputs \[features\] but receives shape \[8, 8, 1\]; put a flatten before it/);
  // Until the flatten is in, the core refuses the stack; then it configures.
  for (const type of ['conv2d', 'max_pool2d', 'flatten']) await page.click(`[data-testid=add-${type}]`);
  await waitForState(page, ['ready']);
  assert.deepEqual(hashExperiment(page).model.layers.map((l) => l.type), ['reshape', 'conv2d', 'max_pool2d', 'flatten', 'dense']);
  assert.deepEqual(await problems(page), []);
  assert.deepEqual(await shapes(page), ['→ [8×8×1] · 0 params', '→ [6×6×8] · 80 params', '→ [3×3×8] · 0 params',
    '→ [72] · 0 params', '→ [10] · 730 params']);

  // Settings edit the experiment and come back as shapes: 4 filters, 'same' padding keeps 8×8.
  await enter(page, '[aria-label="layer 2 filters"]', '4');
  await whenReady(page);
  await page.selectOption('[aria-label="layer 2 padding"]', 'same');
  await whenReady(page);
  assert.deepEqual(await shapes(page), ['→ [8×8×1] · 0 params', '→ [8×8×4] · 40 params', '→ [4×4×4] · 0 params',
    '→ [64] · 0 params', '→ [10] · 650 params']);
  await shot(page, 'build-cnn');
  assert.deepEqual(page.problems, []);
  await page.close();
});
