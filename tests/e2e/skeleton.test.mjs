// The walking skeleton end to end: built-in iris and an uploaded CSV train in the worker, the loss
// falls, the chart is drawn, test accuracy is shown; errors are readable and the page stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, SCREENSHOTS, canvasInk, encodeExperiment, metric, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const TRAIN_BLUE = [0, 114, 178];

async function trainAndCheck(page, label) {
  await waitForState(page, 'ready');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('[data-testid=error]'));
  const summary = page.locator('[data-testid=loss-summary]');
  const first = Number(await summary.getAttribute('data-first'));
  const last = Number(await summary.getAttribute('data-last'));
  assert.ok(last < first * 0.5, `${label}: loss fell from ${first} to ${last}`);
  const accuracy = await metric(page, 'accuracy');
  assert.ok(accuracy >= 0.9, `${label}: test accuracy ${accuracy}`);
  await page.waitForTimeout(100); // let the last animation frame draw
  const ink = await canvasInk(page, '#loss-chart', TRAIN_BLUE);
  assert.ok(ink.ink > 2000, `${label}: the chart has axes and text (${ink.ink} inked pixels)`);
  assert.ok(ink.colour > 200, `${label}: the training curve is drawn (${ink.colour} blue pixels)`);
}

test('built-in iris trains in the worker and shows ≥ 0.9 test accuracy', async () => {
  const page = await openPage(env.browser, env.url);
  await trainAndCheck(page, 'iris');
  await page.screenshot({ path: join(SCREENSHOTS, 'skeleton-iris.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#experiment=[A-Za-z0-9_-]+$/, 'the experiment is kept in the URL hash');
  await page.close();
});

test('an uploaded CSV trains; a broken one shows a message and keeps the page usable', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.setInputFiles('[data-testid=csv-input]', join(FIXTURES, 'iris_upload.csv'));
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('iris_upload.csv'));
  await trainAndCheck(page, 'uploaded iris');

  await page.setInputFiles('[data-testid=csv-input]', join(FIXTURES, 'ragged.csv'));
  assert.equal(await waitForState(page, 'error'), 'error');
  const message = await page.textContent('[data-testid=error]');
  assert.match(message, /ragged\.csv: line 3: 2 fields where the header has 3/);
  assert.ok(await page.isVisible('[data-testid=error]'));
  await page.screenshot({ path: join(SCREENSHOTS, 'skeleton-error.png'), fullPage: true });

  // The uploaded data that worked is still there: training it again works.
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('[data-testid=error]'));
  assert.ok(await metric(page, 'accuracy') >= 0.9);
  assert.equal(await page.isVisible('[data-testid=error]'), false, 'the error is cleared on success');
  await page.close();
});

test('training never blocks the page: pause answers while the worker trains', async () => {
  const experiment = {
    data: { source: 'builtin:digits', target: 'label', task: 'classification' },
    model: { layers: [{ type: 'dense', units: 128, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
    fit: { epochs: 3000, batch_size: 8 },
  };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  await waitForState(page, 'training');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-summary]').dataset.epochs) >= 2);
  // The main thread answers at once while training runs.
  const gaps = await page.evaluate(() => new Promise((resolve) => {
    const times = [];
    const tick = (t) => { times.push(t); if (times.length < 30) requestAnimationFrame(tick); else resolve(times); };
    requestAnimationFrame(tick);
  }));
  const worst = Math.max(...gaps.slice(1).map((t, i) => t - gaps[i]));
  assert.ok(worst < 250, `longest frame gap during training ${worst} ms`);
  const t0 = Date.now();
  await page.click('[data-testid=pause]');
  assert.equal(await waitForState(page, 'paused', 5000), 'paused');
  const paused = Date.now() - t0;
  const epochs = await page.getAttribute('[data-testid=loss-summary]', 'data-epochs');
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), epochs, 'no epochs while paused');
  await page.click('[data-testid=step]');
  await page.waitForFunction((e) => document.querySelector('[data-testid=loss-summary]').dataset.epochs === String(Number(e) + 1), epochs);
  assert.ok(paused < 5000);
  await page.close();
});

test('#experiment=…&run=1 opens that experiment and trains it at once', async () => {
  const experiment = { seed: 7, data: { source: 'builtin:iris', target: 'species' }, fit: { epochs: 40, batch_size: 16 } };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), '40');
  assert.equal(await page.inputValue('#seed'), '7');
  assert.ok(await metric(page, 'accuracy') >= 0.8);
  await page.close();
});

test('a bad experiment in the link names the key; a Rust panic becomes a message and the worker restarts', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment({ fit: { epoch: 5 } })}`);
  assert.equal(await waitForState(page, 'error'), 'error');
  assert.match(await page.textContent('[data-testid=error]'), /fit has no key "epoch"/);

  await page.selectOption('#dataset', 'iris');
  await waitForState(page, 'ready');
  await page.evaluate(() => window.kindling.app.send({ type: '__panic' }));
  assert.equal(await waitForState(page, 'error'), 'error');
  assert.match(await page.textContent('[data-testid=error]'), /internal error: [^]*deliberate panic/);
  // The restarted worker got the dataset and experiment back.
  await waitForState(page, 'ready', 20_000);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.close();
});
