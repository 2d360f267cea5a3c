// The TF.js side's data (www/bench/data.js) is exactly WORKLOADS.md's: checksums, splits, scaling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { digits, sunspots, synthetic } from '../../www/bench/data.js';

const read = (name) => readFileSync(new URL(`../../www/data/${name}`, import.meta.url), 'utf8');

test('W3 synthetic data reproduces the published checksums exactly', () => {
  const d = synthetic();
  assert.equal(d.x.length, 2_000_000);
  assert.equal(d.x.reduce((s, v) => s + v, 0), -791.6617121696472);
  assert.equal(d.y.reduce((s, v) => s + v, 0), -73.85490847529218);
});

test('W1 digits: 1437/360 split, train features standardised, one label per row', () => {
  const d = digits(read('digits.csv'), read('digits_split.csv'));
  assert.deepEqual([d.nTrain, d.nTest], [1437, 360]);
  for (let j = 0; j < 64; j++) {
    let mean = 0; let sq = 0;
    for (let i = 0; i < d.nTrain; i++) mean += d.xTrain[i * 64 + j] / d.nTrain;
    for (let i = 0; i < d.nTrain; i++) sq += (d.xTrain[i * 64 + j] - mean) ** 2 / d.nTrain;
    assert.ok(Math.abs(mean) < 1e-4, `feature ${j} mean ${mean}`);
    assert.ok(Math.abs(sq - 1) < 1e-3 || sq === 0, `feature ${j} variance ${sq} (0 for constant pixels)`);
  }
  assert.equal(d.yTest.reduce((s, v) => s + v, 0), 360);
});

test('W2 sunspots: 223/56 windows of 30, min–max over the whole series', () => {
  const d = sunspots(read('sunspots.csv'));
  assert.deepEqual([d.nTrain, d.nTest, d.range], [223, 56, 190.2]);
  // Window 0 is years 1700..1729, its target 1730 (sunactivity 1700 = 5, 1701 = 11, 1730 = 47).
  assert.equal(d.xTrain[0], Math.fround(5 / 190.2));
  assert.equal(d.xTrain[1], Math.fround(11 / 190.2));
  assert.equal(d.yTrain[0], Math.fround(47 / 190.2));
  assert.equal(d.xTrain[30], d.xTrain[1], 'window 1 starts one year later');
  assert.equal(d.yTest[55], Math.fround(2.9 / 190.2), 'the last test target is the last year of the series (2008: 2.9)');
});
