// The page's two forms of the feature columns (www/panels/features.js, issue 13): the ticks read
// `data.features` or `data.exclude`, and a choice is written in the shorter form.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureTest, writeFeatures } from '../../www/panels/features.js';

const columns = [
  { name: 'a', kind: 'numeric' }, { name: 'b', kind: 'numeric' }, { name: 'when', kind: 'date' },
  { name: 'c', kind: 'categorical' }, { name: 'd', kind: 'numeric' }, { name: 'y', kind: 'numeric' },
].map((c) => ({ ...c, missing: 0, distinct: 2 }));
/** The names `data` makes features. */
const ticked = (data) => columns.filter(featureTest(data)).map((c) => c.name);
/** `data` after writing `chosen`, with target y. */
const written = (chosen) => {
  const d = { target: 'y', features: ['stale'], exclude: ['stale'] };
  writeFeatures(d, columns, new Set(chosen));
  return d;
};

test('the ticks read features, exclude, or neither', () => {
  assert.deepEqual(ticked({ target: 'y' }), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ticked({ target: 'y', features: null, exclude: ['b', 'y'] }), ['a', 'c', 'd']);
  assert.deepEqual(ticked({ target: 'y', features: ['when', 'a'] }), ['a', 'when']);
  assert.deepEqual(ticked({ target: 'a', exclude: [] }), ['b', 'c', 'd', 'y']);
});

test('a choice is written in the shorter form', () => {
  assert.deepEqual(written(['a', 'b', 'c', 'd']), { target: 'y', features: null });
  assert.deepEqual(written(['a', 'c', 'd']), { target: 'y', features: null, exclude: ['b'] });
  assert.deepEqual(written(['a']), { target: 'y', features: ['a'] });
  // ["a","b"] and ["c","d"] are as long: the list, which every page reads.
  assert.deepEqual(written(['a', 'b']), { target: 'y', features: ['a', 'b'] });
  // A ticked date is a feature only when listed.
  assert.deepEqual(written(['a', 'b', 'when', 'c', 'd']), { target: 'y', features: ['a', 'b', 'when', 'c', 'd'] });
  assert.deepEqual(written([]), { target: 'y', features: [] });
  for (const chosen of [['a', 'c', 'd'], ['a'], ['b', 'when']]) {
    assert.deepEqual(ticked(written(chosen)), columns.map((c) => c.name).filter((n) => chosen.includes(n)), String(chosen));
  }
});

test('3 of 10,000 long names unticked: 3 names', () => {
  const wide = Array.from({ length: 10_000 }, (_, i) => ({ name: `column_with_a_long_name_${String(i).padStart(6, '0')}`, kind: 'numeric', missing: 0, distinct: 2 }));
  const out = [5, 4321, 9876].map((i) => wide[i].name);
  const d = { target: wide[9999].name };
  writeFeatures(d, wide, new Set(wide.slice(0, 9999).map((c) => c.name).filter((n) => !out.includes(n))));
  assert.deepEqual(d, { target: wide[9999].name, features: null, exclude: out });
  assert.equal(wide.filter(featureTest(d)).length, 9996);
});
