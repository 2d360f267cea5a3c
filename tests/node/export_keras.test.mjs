// `kindling export --to keras` checked with real Keras 3 on JAX (CPU; the venv scripts/setup.sh
// makes in target/pyenv): for each model the CLI trains, the exported train_keras.py reads the
// built-in CSV with its own preprocessing, loads weights.safetensors, and its predictions must
// match Kindling's (sample.json, from `--sample`) within 1e-5·|kindling| + 1e-6 on every row;
// then it trains one epoch and saves weights that differ from Kindling's.
// Needs `cargo build --release --bin kindling` (or a debug build) and `bash scripts/setup.sh`.
// Run: node --test tests/node/export_keras.test.mjs
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cli = ['target/release/kindling', 'target/debug/kindling']
  .map((p) => join(root, p))
  .find(existsSync);
const python = join(root, 'target/pyenv/bin/python');
const dir = mkdtempSync(join(tmpdir(), 'kindling-keras-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const digitsCnn = JSON.parse(readFileSync(join(root, 'examples/digits_cnn.json'), 'utf8'));
const series = (layers) => ({
  seed: 3,
  data: { source: 'builtin:sunspots', target: 'sunactivity', window: { lookback: 12, horizon: 1 } },
  model: { layers },
  fit: { epochs: 4, batch_size: 32 },
});

// The models (iris MLP, digits CNN, sunspots LSTM, a GRU) and a regression on one-hot
// inputs with min-max scaling (the target's scaling undone in Python).
const models = {
  iris_mlp: {
    seed: 11,
    data: { source: 'builtin:iris', target: 'species' },
    model: { layers: [
      { type: 'dense', units: 12, activation: 'tanh' },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 8, activation: 'leaky_relu' },
      { type: 'dense', units: 3, activation: 'softmax' },
    ] },
    fit: { epochs: 20, batch_size: 16 },
  },
  iris_regression_onehot: {
    seed: 2,
    data: { source: 'builtin:iris', target: 'petal_width_cm', scale: 'minmax' },
    model: { layers: [
      { type: 'dense', units: 8, activation: 'sigmoid', kernel_regularizer: { l2: 0.001 } },
      { type: 'dense', units: 1 },
    ] },
    compile: { optimizer: { type: 'sgd', learning_rate: 0.05, momentum: 0.9 } },
    fit: { epochs: 20, batch_size: 16 },
  },
  digits_cnn: { ...digitsCnn, fit: { epochs: 2, batch_size: 32 } },
  sunspots_lstm: series([{ type: 'lstm', units: 8 }, { type: 'dense', units: 1 }]),
  sunspots_gru: series([
    { type: 'gru', units: 6, return_sequences: true },
    { type: 'gru', units: 4 },
    { type: 'dense', units: 1 },
  ]),
};

const builtin = (source) => join(root, 'www/data', `${source.replace('builtin:', '')}.csv`);

/** The predictions CSV train_keras.py wrote: {row: [values]}. */
function readPredictions(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  const value = names.map((n) => n.startsWith('probability_') || (names.length === 2 && n.startsWith('predicted_')));
  return new Map(lines.map((line) => {
    const cells = line.split(',');
    return [Number(cells[0]), cells.filter((_, i) => value[i]).map(Number)];
  }));
}

for (const [name, experiment] of Object.entries(models)) {
  test(`${name}: train_keras.py predicts what Kindling predicts, then trains an epoch`, (t) => {
    assert.ok(cli, 'build the CLI first: cargo build --release --bin kindling');
    assert.ok(existsSync(python), 'no Python venv at target/pyenv: run bash scripts/setup.sh');
    const file = join(dir, `${name}.json`);
    const model = join(dir, `${name}.model.json`);
    const out = join(dir, name);
    const data = builtin(experiment.data.source);
    writeFileSync(file, JSON.stringify(experiment));
    execFileSync(cli, ['train', file, '--out', model], { stdio: ['ignore', 'ignore', 'ignore'] });
    execFileSync(cli, ['export', model, '--to', 'keras', '--out', out, '--sample', data],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    const predictions = join(out, 'predictions.csv');
    const saved = join(out, 'trained.safetensors');
    const log = execFileSync(python, [join(out, 'train_keras.py'), data, '--predict', predictions,
      '--epochs', '1', '--save', saved], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const sample = JSON.parse(readFileSync(join(out, 'sample.json'), 'utf8'));
    const keras = readPredictions(predictions);
    const width = sample.output.shape[1];
    let abs = 0;
    let misses = 0;
    sample.rows.forEach((row, i) => {
      const got = keras.get(row);
      assert.ok(got, `${name}: train_keras.py has no prediction for row ${row}`);
      assert.equal(got.length, width);
      got.forEach((v, j) => {
        const want = sample.output.data[i * width + j];
        const d = Math.abs(v - want);
        abs = Math.max(abs, d);
        if (!(d <= 1e-5 * Math.abs(want) + 1e-6)) misses++;
      });
    });
    assert.equal(keras.size, sample.rows.length, 'as many predictions as Kindling made');
    t.diagnostic(`${name}: ${sample.rows.length} rows, max abs difference ${abs.toExponential(2)}`);
    assert.equal(misses, 0, `${name}: ${misses} values differ by more than 1e-5·|kindling| + 1e-6 (max abs ${abs})`);
    assert.match(log, /loss: \d/, 'one epoch trained');
    const before = readFileSync(join(out, 'weights.safetensors'));
    const after = readFileSync(saved);
    assert.equal(after.length, before.length, 'the same tensors saved');
    assert.notDeepEqual(after, before, 'training changed the weights');
  });
}
