// The drawing pad on a digits model (issue 18): a stroke drawn with the mouse becomes the 8×8
// block counts the UCI digits were made of (the exact pixels checked for a vertical bar and a
// horizontal bar), the model's prediction and probabilities follow the drawing, Clear starts over,
// and asking the pad marks Application done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openNode, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';
import { stroke } from './teach.mjs';

const env = useServer();

/** The built-in digits on a small dense network: quick to train, 64 pixel columns p0…p63. */
const DIGITS = {
  version: 1, seed: 42,
  data: { source: 'builtin:digits', target: 'label', task: 'classification', scale: 'minmax', split: { method: 'stratified', validation: 0.1, test: 0.2 } },
  model: { layers: [{ type: 'dense', units: 32, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  compile: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs: 10, batch_size: 32 },
};

/**
 * A bar through the middle of the 32×32 box, 2 bitmap pixels thick either side, from row (or
 * column) 3.2 to 28.8, with round ends — counted in 4×4 blocks: 5 at the ends, 8 between, on the
 * two middle block columns (or rows).
 * @param {'vertical' | 'horizontal'} way
 */
function bar(way) {
  const along = [5, 8, 8, 8, 8, 8, 8, 5];
  const counts = new Array(64).fill(0);
  for (let k = 0; k < 8; k++) {
    for (const across of [3, 4]) counts[way === 'vertical' ? k * 8 + across : across * 8 + k] = along[k];
  }
  return counts;
}

const result = (page) => page.$eval('[data-testid=pad-result]', (r) => ({
  text: r.textContent, label: r.dataset.label, values: r.dataset.values && JSON.parse(r.dataset.values),
  pixels: r.dataset.pixels && JSON.parse(r.dataset.pixels) }));

test('the drawing pad: a drawn stroke becomes the expected 8×8 pixels and the prediction follows the drawing', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(DIGITS)}`);
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=draw-pad]', { state: 'visible' });
  assert.equal(await page.textContent('[data-testid=pad-result]'), 'Draw a digit on the pad.');
  const applyDone = () => page.$eval('[data-testid=node-apply]', (b) => b.classList.contains('done'));
  assert.equal(await applyDone(), false, 'Application is not done before anything is asked');

  // A vertical bar, a "1".
  await stroke(page, [0.5, 0.15], [0.5, 0.85]);
  await page.waitForFunction(() => document.querySelector('[data-testid=pad-result]').dataset.values);
  let r = await result(page);
  assert.deepEqual(r.pixels, bar('vertical'));
  assert.equal(r.values.length, 10);
  assert.ok(Math.abs(r.values.reduce((a, b) => a + b, 0) - 1) < 1e-4, 'probabilities sum to 1');
  const classes = await page.evaluate(() => window.kindling.app.summary.classes);
  const best = r.values.indexOf(Math.max(...r.values));
  assert.equal(r.label, classes[best]);
  assert.equal(r.text, `The model says ${r.label} (${Math.round(100 * r.values[best])}%)`);
  // The same 64 counts through the Application's own prediction give the same probabilities.
  const direct = await page.evaluate((counts) => new Promise((resolve) => {
    const app = window.kindling.app;
    app.on('predictions', (msg) => msg.id === 'check' && resolve(msg.values[0]));
    app.send({ type: 'predict', id: 'check', from: 'session', rows: [Object.fromEntries(counts.map((v, i) => [`p${i}`, v]))] });
  }), r.pixels);
  assert.deepEqual(direct, r.values);
  // What the model sees, drawn: the bar's blocks dark, the corners white.
  const seen = await page.$eval('[data-testid=pad-seen]', (c) => {
    const d = c.getContext('2d');
    const ratio = c.width / 96;
    const px = (col, row) => d.getImageData(Math.round((col * 12 + 6) * ratio), Math.round((row * 12 + 6) * ratio), 1, 1).data[0];
    return { bar: px(3, 3), end: px(4, 0), corner: px(0, 0) };
  });
  assert.deepEqual(seen, { bar: Math.round(255 * (1 - 8 / 16)), end: Math.round(255 * (1 - 5 / 16)), corner: 255 });
  assert.equal(await applyDone(), true, 'Application is marked done');
  await shot(page, 'pad-vertical');

  // A horizontal bar across it: the pixels follow the whole drawing, and so does the prediction.
  await page.click('[data-testid=pad-clear]');
  assert.equal(await page.textContent('[data-testid=pad-result]'), 'Draw a digit on the pad.');
  await stroke(page, [0.15, 0.5], [0.85, 0.5]);
  await page.waitForFunction(() => document.querySelector('[data-testid=pad-result]').dataset.values);
  r = await result(page);
  assert.deepEqual(r.pixels, bar('horizontal'));
  const before = r.values;
  await stroke(page, [0.5, 0.15], [0.5, 0.85]);
  await page.waitForFunction((old) => document.querySelector('[data-testid=pad-result]').dataset.values !== old, JSON.stringify(before));
  r = await result(page);
  // A cross: both bars; where they meet, each of the four middle blocks holds 12 inked pixels
  // (the horizontal bar's 2 rows × 4 plus the vertical bar's 2 columns × the 2 other rows).
  const cross = bar('vertical').map((v, i) => ([27, 28, 35, 36].includes(i) ? 12 : Math.max(v, bar('horizontal')[i])));
  assert.deepEqual(r.pixels, cross);
  assert.notDeepEqual(r.values, before);
  await shot(page, 'pad-cross');
  assert.deepEqual(page.problems, []);
  await page.close();
});
