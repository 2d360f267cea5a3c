// The lab worker's wasm calls (www/lab-worker.js on pkg-lab/, loaded in Node): a lab session that
// opens the page's model file on the page's data answers exactly what the training session
// answers — the compression table of the imported model is the session's, `importance` is
// `explain`'s, `explainInput` on a table row typed as a record is `explain` of that row, and
// `evaluateImported` is the session's evaluation.
// Needs `bash scripts/build.sh` first. Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import init, { WasmSession } from '../../pkg-lab/kindling.js';

const root = new URL('../../', import.meta.url).pathname;
await init({ module_or_path: readFileSync(join(root, 'pkg-lab/kindling_bg.wasm')) });
const IRIS = readFileSync(join(root, 'www/data/iris.csv'));
const EXPERIMENT = {
  seed: 4,
  data: { source: 'builtin:iris', target: 'species' },
  model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  fit: { epochs: 15, batch_size: 16 },
};
/** A clock that advances 50 ms a call: each timing loop runs its 3 predictions and stops. */
const clock = () => { let t = 0; return () => (t += 50); };

/** The trained session and the model file it exports. */
function trained() {
  const s = new WasmSession();
  s.load('iris.csv', IRIS);
  s.configure(JSON.stringify(EXPERIMENT));
  while (!s.step(1_000_000).done);
  return { s, json: s.exportModel().json };
}

/** A lab session as the worker opens it: the data, then the model file's bytes. */
function lab(json, name = 'iris.csv', bytes = IRIS) {
  const s = new WasmSession();
  s.load(name, bytes);
  s.importModel('model.json', new TextEncoder().encode(json));
  return s;
}

test('compressReport of the imported model file is the session\'s own, version by version', () => {
  const { s, json } = trained();
  const own = s.compressReport(clock());
  const opened = lab(json).compressReport(clock(), true);
  const strip = (rows) => rows.map(({ predict_ms: _, ...r }) => r);
  assert.deepEqual(strip(opened), strip(own));
  assert.deepEqual(opened.map((r) => [r.name, Math.fround(r.sparsity)]), [['float32', 0], ['int8', 0], ['pruned', 0.5], ['pruned', 0.8], ['pruned', 0.9]].map(([n, s]) => [n, Math.fround(s)]));
  assert.equal(opened[0].json, json, 'the float32 row is the file itself');
  assert.ok(opened[1].bytes < opened[0].bytes, `int8 ${opened[1].bytes} < float32 ${opened[0].bytes}`);
  assert.throws(() => new WasmSession().compressReport(clock(), true), /load the data the model was trained on first/);
});

test('evaluateImported of the opened model file on its data is the session\'s evaluation (issue 19)', () => {
  const { s, json } = trained();
  const own = s.evaluate();
  assert.deepEqual(lab(json).evaluateImported(), own);
  assert.equal(own.rows, 30);
  assert.deepEqual(Object.keys(JSON.parse(json).metrics.test).filter((k) => own[k] === undefined), [], 'every metric of the file');
  assert.throws(() => new WasmSession().evaluateImported(), /load the data the model was trained on first/);
  const noModel = new WasmSession();
  noModel.load('iris.csv', IRIS);
  assert.throws(() => noModel.evaluateImported(), /open a model file before evaluating it/);
});

test('importance and explainInput are explain\'s, for a table row typed as a record', () => {
  const { json } = trained();
  const s = lab(json);
  const both = s.explain(7, true);
  assert.deepEqual(s.importance(true), both.importance);
  assert.deepEqual(both.importance.inputs.map((i) => i.name), ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  const [header, ...lines] = IRIS.toString().trim().split('\n');
  const names = header.split(',');
  const cells = lines[7].split(',');
  const record = Object.fromEntries(names.slice(0, 4).map((n, i) => [n, Number(cells[i])]));
  const one = s.explainInput(JSON.stringify(record), true);
  assert.deepEqual({ ...one, row: 7 }, both.explanation);
  assert.throws(() => s.explainInput('[1, 2]', true), /the input must be a JSON object of features/);
});

test('importance of a window series is per lag, oldest first', () => {
  const s = new WasmSession();
  s.load('sunspots.csv', readFileSync(join(root, 'www/data/sunspots.csv')));
  s.configure(JSON.stringify({
    seed: 3,
    data: { source: 'builtin:sunspots', target: 'sunactivity', features: [], scale: 'minmax',
      window: { lookback: 6, horizon: 1 }, split: { method: 'chronological', validation: 0.1, test: 0.2 } },
    model: { layers: [{ type: 'lstm', units: 4 }, { type: 'dense', units: 1 }] },
    fit: { epochs: 2, batch_size: 32 },
  }));
  while (!s.step(1_000_000).done);
  const imp = lab(s.exportModel().json, 'sunspots.csv', readFileSync(join(root, 'www/data/sunspots.csv'))).importance(true);
  assert.deepEqual(imp.inputs.map((i) => i.name), ['t-6', 't-5', 't-4', 't-3', 't-2', 't-1']);
  assert.equal(imp.repeats, 5);
});

test('compressReport of the sentiment embedding model: its int8 row holds the table int8, per row, within a point', () => {
  const SENTIMENT = readFileSync(join(root, 'www/data/sentiment.csv'));
  const s = new WasmSession();
  s.load('sentiment.csv', SENTIMENT);
  s.configure(readFileSync(join(root, 'examples/sentiment_embedding.json'), 'utf8'));
  while (!s.step(1_000_000).done);
  const rows = lab(s.exportModel().json, 'sentiment.csv', SENTIMENT).compressReport(clock(), true);
  assert.deepEqual(rows.map((r) => r.name), ['float32', 'int8', 'pruned', 'pruned', 'pruned']);
  const [f32, int8] = rows;
  const table = JSON.parse(int8.json).weights.tensors[0];
  assert.deepEqual([table.shape, table.scale_axis, table.scales.length, 'data' in table], [[2000, 16], 0, 2000, false]);
  // The 2000 × 16 table is most of the file: int8 makes it over 4× smaller.
  assert.ok(int8.bytes * 4 < f32.bytes, `int8 ${int8.bytes} vs float32 ${f32.bytes}`);
  assert.ok(Math.abs(int8.test.accuracy - f32.test.accuracy) <= 0.01, `${f32.test.accuracy} → ${int8.test.accuracy}`);
});
