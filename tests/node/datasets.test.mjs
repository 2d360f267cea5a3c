// Source names are looked up as own entries only (issue 13 item 10): `builtin:constructor` or
// `file:__proto__` must not find Object.prototype's members.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinKey, fitOutputLayer, isSynthetic } from '../../www/datasets.js';
import { GENERATED, LINE_FILE, STOCK_FILE } from '../../www/generated.js';

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

test('builtinKey names only the built-in datasets', () => {
  assert.equal(builtinKey('builtin:iris'), 'iris');
  assert.equal(builtinKey('builtin:stock'), 'stock');
  // Links from before the S&P 500 built-in still name the synthetic series: no built-in, synthetic.
  assert.equal(builtinKey(`file:${STOCK_FILE}`), '');
  assert.deepEqual([isSynthetic(`file:${STOCK_FILE}`), isSynthetic('builtin:stock')], [true, false]);
  for (const name of PROTOTYPE_NAMES) {
    assert.equal(builtinKey(`builtin:${name}`), '', name);
    assert.equal(builtinKey(`file:${name}`), '', name);
  }
});

test('GENERATED holds the page-made files and nothing else', () => {
  assert.deepEqual([...GENERATED.keys()], [STOCK_FILE, LINE_FILE]);
  assert.equal(GENERATED.get(LINE_FILE)().length > 0, true);
  for (const name of PROTOTYPE_NAMES) assert.equal(GENERATED.get(name), undefined, name);
});

test('fitOutputLayer sizes the output for the classes, unless there are more than the core takes', () => {
  const experiment = () => ({ data: { task: 'auto' }, model: { layers: [{ type: 'dense', units: 16 }, { type: 'dense', units: 3 }] }, compile: { loss: 'mse' } });
  const e = experiment();
  fitOutputLayer(e, { kind: 'categorical', distinct: 7 }, 1000);
  assert.deepEqual(e.model.layers[1], { type: 'dense', units: 7, activation: 'softmax' });
  assert.equal(e.compile.loss, undefined);
  const many = experiment();
  fitOutputLayer(many, { kind: 'categorical', distinct: 5000 }, 1000);
  assert.deepEqual(many.model.layers[1], { type: 'dense', units: 3 }, 'left for the core to name the class limit');
  const numeric = experiment();
  fitOutputLayer(numeric, { kind: 'numeric', distinct: 5000 }, 1000);
  assert.deepEqual(numeric.model.layers[1], { type: 'dense', units: 1, activation: 'linear' });
});
