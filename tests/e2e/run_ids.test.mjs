// Every worker message of a run carries that run's id and the page drops those of runs it has
// left (issue 13 item 3): a Reset while epochs are in flight leaves an empty history, and the next
// Step is epoch 1 of the new run alone. Then 200 seeded random clicks across the run bar and the
// dataset picker, after which the history is one run's epochs 1…n and the page still trains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openNode, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const LONG_IRIS = {
  data: { source: 'builtin:iris', target: 'species' },
  model: { layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  fit: { epochs: 5000, batch_size: 8 },
};

/** The epochs of the page's history, in order. */
const epochs = (page) => page.evaluate(() => window.kindling.app.history.map((r) => r.epoch));

/** Waits for the worker to have answered everything sent so far (an `evaluate` round trip). */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const { app } = window.kindling;
    app.on('evaluation', () => resolve(null));
    app.send({ type: 'evaluate' });
  }));
}

test('Reset while training forgets the old run: no stale epochs, the next step is epoch 1', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(LONG_IRIS)}`);
  await waitForState(page, 'ready');
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.click('[data-testid=train]');
    await page.waitForFunction(() => window.kindling.app.history.length > 20);
    await page.click('[data-testid=reset]');
    await waitForState(page, 'ready');
    await settle(page);
    assert.deepEqual(await epochs(page), [], `attempt ${attempt}: the reset run's history is empty`);
    await page.click('[data-testid=step]');
    await page.waitForFunction(() => window.kindling.app.history.length > 0);
    await settle(page);
    assert.deepEqual(await epochs(page), [1], `attempt ${attempt}: one step is epoch 1`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** mulberry32: a small seeded generator, so a failure replays the same clicks. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('200 random clicks across train, pause, step, stop, reset and datasets leave one run', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(LONG_IRIS)}`);
  await waitForState(page, 'ready');
  const next = random(13);
  const buttons = ['train', 'pause', 'step', 'stop', 'reset'];
  const datasets = ['iris', 'diabetes', 'iris', 'digits'];
  const done = [];
  for (let i = 0; i < 200; i++) {
    const r = next();
    if (r < 0.04) {
      const name = datasets[Math.floor(next() * datasets.length)];
      await openNode(page, 'preprocess');
      await page.selectOption('#dataset', name);
      done.push(`dataset ${name}`);
    } else {
      const id = buttons[Math.floor(next() * buttons.length)];
      const button = page.locator(`[data-testid=${id}]`);
      if (await button.isDisabled()) continue;
      await button.click({ timeout: 2000 }).catch(() => {}); // it may have been disabled meanwhile
      done.push(id);
    }
    if (next() < 0.3) await page.waitForTimeout(Math.floor(next() * 60));
    const now = await epochs(page);
    assert.deepEqual(now, now.map((_, k) => k + 1), `one run's epochs after ${done.join(' ')}`);
  }
  assert.ok(done.length > 100, `${done.length} clicks landed`);
  // Whatever state the clicks left, the history is one run's epochs 1…n in order.
  await waitForState(page, ['ready', 'paused', 'done', 'training', 'error']);
  if (await page.isEnabled('[data-testid=pause]')) await page.click('[data-testid=pause]');
  await waitForState(page, ['ready', 'paused', 'done', 'error']);
  await settle(page);
  const left = await epochs(page);
  assert.deepEqual(left, left.map((_, i) => i + 1), `after ${done.join(' ')}`);
  // The page answers: a reset and training give epochs 1…n of a new run.
  await page.click('[data-testid=reset]');
  await waitForState(page, 'ready');
  await page.click('[data-testid=train]');
  await page.waitForFunction(() => window.kindling.app.history.length >= 5);
  await page.click('[data-testid=pause]');
  await waitForState(page, 'paused');
  await settle(page);
  const seen = await epochs(page);
  assert.deepEqual(seen, seen.map((_, i) => i + 1), 'epochs 1…n in order, no duplicates');
  assert.deepEqual(page.problems, []);
  await page.close();
});
