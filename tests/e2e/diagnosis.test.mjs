// The decide panel's diagnosis on constructed loss curves (a pure module: no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../www/panels/diagnosis.js';

const curve = (n, loss, val) => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: loss(i), val_loss: val?.(i) }));

test('no history: nothing to diagnose', () => {
  assert.equal(diagnose([]).verdict, 'none');
});

test('a rising or non-finite loss has diverged, with the numbers', () => {
  const d = diagnose(curve(10, (i) => 1 + i));
  assert.equal(d.verdict, 'diverged');
  assert.match(d.reason, /from 1 to 10 over 10 epochs/);
  assert.equal(diagnose(curve(5, (i) => (i === 3 ? NaN : 1))).verdict, 'diverged');
  assert.match(diagnose(curve(5, () => 1)).suggestions.join(), /./);
});

test('validation loss turning up while training loss falls is over-fitting, naming the best epoch', () => {
  // val: falls to 0.5 at epoch 10 (i = 9), then rises to 0.5 + 0.04 * 30 = 1.7.
  const d = diagnose(curve(40, (i) => 1 / (i + 1), (i) => (i < 9 ? 1 - i * 0.05 : 0.55 + (i - 9) * 0.04)));
  assert.equal(d.verdict, 'overfitting');
  assert.match(d.reason, /lowest at epoch 10 \(0\.55\)/);
  assert.match(d.suggestions[0], /epoch 10/);
});

test('a loss that barely moved is under-fitting; a curve that levelled off low is fine', () => {
  const flat = diagnose(curve(20, (i) => 1 - i * 0.005));
  assert.equal(flat.verdict, 'underfitting');
  assert.match(flat.reason, /fell only 9% \(1 → 0\.905\) in 20 epochs/);
  const fine = diagnose(curve(50, (i) => 0.05 + Math.exp(-i / 3), (i) => 0.08 + Math.exp(-i / 3)));
  assert.equal(fine.verdict, 'fine');
});
