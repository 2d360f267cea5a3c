// What the export checks share: the models they train (the iris MLP, digits CNN,
// sunspots LSTM and GRU, and a regression on one-hot inputs), and running an exported training
// script against Kindling's own predictions. Used by tests/node/export_onnx.test.mjs,
// tests/node/export_keras.test.mjs and, by hand, scripts/check-pytorch-export.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const cli = ['target/release/kindling', 'target/debug/kindling']
  .map((p) => join(root, p))
  .find(existsSync);

const digitsCnn = JSON.parse(readFileSync(join(root, 'examples/digits_cnn.json'), 'utf8'));
const series = (layers) => ({
  seed: 3,
  data: { source: 'builtin:sunspots', target: 'sunactivity', window: { lookback: 12, horizon: 1 } },
  model: { layers },
  fit: { epochs: 4, batch_size: 32 },
});

export const models = {
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

export const builtin = (source) => join(root, 'www/data', `${source.replace('builtin:', '')}.csv`);

/** The predictions CSV a training script wrote: {row: [values]}. */
function readPredictions(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  const value = names.map((n) => n.startsWith('probability_') || (names.length === 2 && n.startsWith('predicted_')));
  return new Map(lines.map((line) => {
    const cells = line.split(',');
    return [Number(cells[0]), cells.filter((_, i) => value[i]).map(Number)];
  }));
}

/**
 * Trains model `name` with the CLI, exports it `--to` (`keras` or `pytorch`) into `dir`, runs the
 * exported script with `python` (`launcher`: the command before the script, e.g. torchrun's):
 * predictions on the built-in CSV, then `epochs` of training and the weights saved. Asserts its
 * predictions match Kindling's (sample.json) within 1e-5·|kindling| + 1e-6 on every row and that
 * training changed the weights; returns `{rows, abs, log}`.
 */
export function checkScript({ name, to, dir, launcher, epochs = 1 }) {
  assert.ok(cli, 'build the CLI first: cargo build --release --bin kindling');
  const experiment = models[name];
  const file = join(dir, `${name}.json`);
  const model = join(dir, `${name}.model.json`);
  const out = join(dir, `${name}-${to}`);
  const data = builtin(experiment.data.source);
  writeFileSync(file, JSON.stringify(experiment));
  execFileSync(cli, ['train', file, '--out', model], { stdio: ['ignore', 'ignore', 'ignore'] });
  execFileSync(cli, ['export', model, '--to', to, '--out', out, '--sample', data],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const predictions = join(out, 'predictions.csv');
  const saved = join(out, 'trained.safetensors');
  const script = join(out, `train_${to}.py`);
  const [command, ...args] = launcher;
  const log = execFileSync(command, [...args, script, data, '--predict', predictions,
    '--epochs', String(epochs), '--save', saved], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const sample = JSON.parse(readFileSync(join(out, 'sample.json'), 'utf8'));
  const got = readPredictions(predictions);
  const width = sample.output.shape[1];
  let abs = 0;
  let misses = 0;
  sample.rows.forEach((row, i) => {
    const values = got.get(row);
    assert.ok(values, `${name}: train_${to}.py has no prediction for row ${row}`);
    assert.equal(values.length, width);
    values.forEach((v, j) => {
      const want = sample.output.data[i * width + j];
      const d = Math.abs(v - want);
      abs = Math.max(abs, d);
      if (!(d <= 1e-5 * Math.abs(want) + 1e-6)) misses++;
    });
  });
  assert.equal(misses, 0, `${name}: ${misses} values differ by more than 1e-5·|kindling| + 1e-6 (max abs ${abs})`);
  assert.equal(got.size, sample.rows.length, 'as many predictions as Kindling made');
  const before = readFileSync(join(out, 'weights.safetensors'));
  const after = readFileSync(saved);
  assert.equal(after.length, before.length, 'the same tensors saved');
  assert.notDeepEqual(after, before, 'training changed the weights');
  return { rows: sample.rows.length, abs, log };
}
