// The page's text helpers (issue 14): which features are text, the embedding's input_dim from the
// data's vocabulary, and the ranking of the test sentences the model got most wrong.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitEmbedding, textFeatures, tokenIds } from '../../www/panels/text_settings.js';
import { mostWrong } from '../../www/panels/wrong.js';

const stats = { tokens_min: 1, tokens_median: 10, tokens_max: 70, vocabulary: 5160, top_tokens: [] };
const table = {
  name: 'sentiment', rows: 3000, warnings: [],
  columns: [
    { name: 'text', kind: 'text', missing: 0, distinct: 2983, text: stats },
    { name: 'label', kind: 'numeric', missing: 0, distinct: 2 },
    { name: 'source', kind: 'categorical', missing: 0, distinct: 3 },
  ],
};

test('textFeatures: the features read as text, column_kinds first, never the target', () => {
  assert.deepEqual(textFeatures(table, { target: 'label', features: null }), ['text']);
  assert.deepEqual(textFeatures(table, { target: 'label', features: ['source'] }), []);
  assert.deepEqual(textFeatures(table, { target: 'label', features: null, column_kinds: { text: 'categorical', source: 'text' } }), ['source']);
  assert.deepEqual(textFeatures(table, { target: 'text', features: null }), []);
  assert.deepEqual(textFeatures(null, {}), []);
});

test('tokenIds: the vocabulary plus padding and unknown, at most max_tokens (default 10000)', () => {
  assert.equal(tokenIds(table, { target: 'label' }), 5162);
  assert.equal(tokenIds(table, { target: 'label', text: { max_tokens: 5000 } }), 5000);
  assert.equal(tokenIds(table, { target: 'label', text: { max_tokens: 6000 } }), 5162);
  // Read as text by column_kinds: no inspect statistics, so nothing to fill in.
  assert.equal(tokenIds(table, { target: 'label', column_kinds: { text: 'categorical', source: 'text' } }), null);
});

test('fitEmbedding sets every embedding, and nothing else', () => {
  const e = { data: { target: 'label', text: { max_tokens: 3000 } },
    model: { layers: [{ type: 'embedding', input_dim: 10000, output_dim: 16 }, { type: 'global_average_pooling1d' }, { type: 'dense', units: 2 }] } };
  fitEmbedding(e, table);
  assert.deepEqual(e.model.layers, [{ type: 'embedding', input_dim: 3000, output_dim: 16 }, { type: 'global_average_pooling1d' }, { type: 'dense', units: 2 }]);
  const none = { data: { target: 'label', features: ['source'] }, model: { layers: [{ type: 'embedding', input_dim: 7 }] } };
  fitEmbedding(none, table);
  assert.equal(none.model.layers[0].input_dim, 7);
});

test('mostWrong: only wrong rows, the lowest probability of the true class first, ties in row order', () => {
  const probabilities = [[0.9, 0.1], [0.2, 0.8], [0.3, 0.7], [0.6, 0.4], [0.3, 0.7]];
  const actual = [0, 0, 0, 1, 0];
  assert.deepEqual(mostWrong(probabilities, actual).map((r) => [r.row, r.actual, r.predicted]), [[1, 0, 1], [2, 0, 1], [4, 0, 1], [3, 1, 0]]);
  assert.deepEqual(mostWrong(probabilities, [0, 1, 1, 0, 1]), []);
});
