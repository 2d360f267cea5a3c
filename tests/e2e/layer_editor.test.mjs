// The layer editor is built from the core's layer descriptions (the worker's `ready` message):
// one add button per type, and for every key of every type a control whose limits, step and
// choices are the core's; the values at those limits are accepted by the core (its own range
// checks, through the page's copy of the wasm), and one past them is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enter, hashExperiment, openNode, openPage, shot, useServer, whenReady } from './helpers.mjs';

const env = useServer();

/** The core's description and a check of an experiment, from the page's own copy of the wasm. */
const core = (page, experiment) => page.evaluate(async (exp) => {
  const pkg = await import(new URL('pkg/kindling.js', location.href));
  await pkg.default();
  let refused = null;
  if (exp) {
    try { pkg.applySettings(JSON.stringify(exp), '{}'); } catch (err) { refused = err.message; }
  }
  return { types: pkg.layerTypes(), refused };
}, experiment ?? null);

test('layer editor: every key of every type has the core\'s limits, and the core accepts them', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await openNode(page, 'build');
  const { types } = await core(page);
  const buttons = await page.$$eval('[data-testid^=add-]', (b) => b.map((e) => e.dataset.testid));
  assert.deepEqual(buttons, types.map((t) => `add-${t.name}`));

  // One layer of each type: an embedding first (it reads token ids), every other type before the
  // output layer, after iris's dense.
  for (const t of types) await page.click(`[data-testid=add-${t.name}]`);
  const layers = hashExperiment(page).model.layers;
  const firsts = types.filter((t) => t.name === 'embedding');
  const others = types.filter((t) => t.name !== 'embedding');
  assert.deepEqual(layers.slice(0, -1).map((l) => l.type), [...firsts.map((t) => t.name), 'dense', ...others.map((t) => t.name)]);
  /** Layer number (1-based) of the added layer of type `t`. */
  const number = (t) => (t.name === 'embedding' ? 1 : firsts.length + 2 + others.indexOf(t));
  await page.click(`#layers li:nth-child(${firsts.length + 1}) details.more summary`); // iris's dense layer's folded keys
  await shot(page, 'layer-editor');

  const numeric = []; // [layer number, key, aria-label] of every number input
  for (const [n, t] of types.map((t) => [number(t), t])) {
    for (const key of t.keys) {
      const aria = `layer ${n} ${key.label}`;
      if (key.kind === 'int' || key.kind === 'float') {
        const attrs = await page.$eval(`[aria-label="${aria}"]`, (e) => [e.type, e.min, e.max, e.step]);
        assert.deepEqual(attrs, ['number', String(key.min), String(key.max), String(key.step ?? 'any')], `${t.name}.${key.name}`);
        numeric.push([n, key, aria]);
      } else if (key.kind === 'regularizer') {
        for (const part of ['l1', 'l2']) {
          const attrs = await page.$eval(`[aria-label="${aria} ${part}"]`, (e) => [e.min, e.max]);
          assert.deepEqual(attrs, [String(key.min), String(key.max)], `${t.name}.${key.name}.${part}`);
        }
      } else if (key.kind === 'choice') {
        const options = await page.$$eval(`[aria-label="${aria}"] option`, (o) => o.map((e) => e.value));
        assert.deepEqual(options, key.choices, `${t.name}.${key.name}`);
      } else if (key.kind === 'bool') {
        const checked = await page.$eval(`[aria-label="${aria}"]`, (e) => e.checked);
        assert.equal(checked, layers[n - 1][key.name] ?? key.default, `${t.name}.${key.name}`);
      } else {
        assert.equal(key.kind, 'shape');
        assert.equal(await page.inputValue(`[aria-label="${aria}"]`), layers[n - 1][key.name].join(','));
      }
    }
  }
  const numbers = types.flatMap((t) => t.keys).filter((k) => k.kind === 'int' || k.kind === 'float');
  assert.equal(numeric.length, numbers.length);
  assert.ok(numeric.length >= 9, 'units, rate, units, units, filters, kernel, stride, pool and its folded stride');
  await page.$$eval('#layers details.more', (d) => d.forEach((e) => { e.open = true; }));

  // The page's limits are the core's: at them the core accepts the layer, one past them it refuses.
  for (const [n, key, aria] of numeric) {
    for (const value of [key.min, key.max]) {
      await enter(page, `[aria-label="${aria}"]`, value);
      const exp = hashExperiment(page);
      assert.equal(exp.model.layers[n - 1][key.name], value, aria);
      assert.equal((await core(page, exp)).refused, null, `${aria} = ${value}`);
    }
    await enter(page, `[aria-label="${aria}"]`, key.max + 1);
    const { refused } = await core(page, hashExperiment(page));
    assert.match(refused, new RegExp(`^experiment: model\\.layers\\[${n - 1}\\]\\.${key.name}: .* is out of range; use a value from ${key.min} to ${key.max}$`), aria);
    await enter(page, `[aria-label="${aria}"]`, key.min); // valid again for the next key
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('layer editor: folded keys and a regularizer edit the experiment; a cleared optional key is left out', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await openNode(page, 'build');
  await page.click('#layers li:nth-child(1) details.more summary');
  await page.click('[aria-label="layer 1 use bias"]');
  await whenReady(page);
  await enter(page, '[aria-label="layer 1 kernel regularizer l2"]', '0.01');
  await whenReady(page);
  assert.deepEqual(hashExperiment(page).model.layers[0],
    { type: 'dense', units: 16, activation: 'relu', use_bias: false, kernel_regularizer: { l1: 0, l2: 0.01 } });
  assert.match(await page.textContent('[data-testid=layer-shape-0]'), /\[16\] · 64 params/, 'no bias: 4×16 weights');
  await enter(page, '[aria-label="layer 1 kernel regularizer l2"]', '0');
  await whenReady(page);
  assert.equal(hashExperiment(page).model.layers[0].kernel_regularizer, undefined);

  await page.click('[data-testid=add-max_pool2d]');
  await page.click('#layers li:nth-child(2) details.more summary');
  await enter(page, '[aria-label="layer 2 stride"]', '1');
  assert.equal(hashExperiment(page).model.layers[1].strides, 1);
  await enter(page, '[aria-label="layer 2 stride"]', '');
  assert.deepEqual(hashExperiment(page).model.layers[1], { type: 'max_pool2d', pool_size: 2 });
  assert.deepEqual(page.problems, []);
  await page.close();
});
