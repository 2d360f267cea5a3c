// `kindling export --to onnx` checked with the real runtimes: each model is trained by the CLI,
// exported with `--sample` (every row of its built-in data as the graph takes it, and what
// Kindling predicts for it), loaded by onnxruntime-node, whose outputs must match Kindling's
// within 1e-5 relative (|a − b| ≤ 1e-5·|b| + 1e-6: a probability or value near 0 is held to
// 1e-6 absolute, as numpy's allclose with rtol 1e-5, atol 1e-6); then `onnx.checker.check_model(full_check=True)` from the onnx Python
// package (the venv scripts/setup.sh makes in target/pyenv) passes on every file.
// Needs `cargo build --release --bin kindling` (or a debug build) and `bash scripts/setup.sh`.
// Run: node --test tests/node/export_onnx.test.mjs
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';

import { builtin, cli, models as shared, root } from './export_models.mjs';

const python = join(root, 'target/pyenv/bin/python');
const dir = mkdtempSync(join(tmpdir(), 'kindling-onnx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const digitsCnn = JSON.parse(readFileSync(join(root, 'examples/digits_cnn.json'), 'utf8'));

// The shared models (tests/node/export_models.mjs) and two more, for every exportable layer type
// and activation, both paddings and a stride, and an LSTM returning sequences.
const models = {
  ...shared,
  digits_cnn_same: {
    ...digitsCnn,
    model: { layers: [
      { type: 'reshape', target_shape: [8, 8, 1] },
      { type: 'conv2d', filters: 4, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu' },
      { type: 'conv2d', filters: 6, kernel_size: 2, padding: 'same', use_bias: false, activation: 'tanh' },
      { type: 'max_pool2d', pool_size: 2, strides: 1 },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ] },
    fit: { epochs: 2, batch_size: 32 },
  },
  sunspots_mixed: {
    ...shared.sunspots_lstm,
    model: { layers: [
      { type: 'gru', units: 6, return_sequences: true },
      { type: 'lstm', units: 5, return_sequences: true },
      { type: 'lstm', units: 4 },
      { type: 'dense', units: 1 },
    ] },
    fit: { epochs: 2, batch_size: 32 },
  },
};

/**
 * Largest |a − b|, largest |a − b| / |b| and how many values miss |a − b| ≤ 1e-5·|b| + 1e-6
 * (`a` the runtime's, `b` Kindling's).
 */
function differences(a, b) {
  let abs = 0;
  let rel = 0;
  let misses = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    abs = Math.max(abs, d);
    if (d > 0) rel = Math.max(rel, d / Math.abs(b[i]));
    if (!(d <= 1e-5 * Math.abs(b[i]) + 1e-6)) misses++;
  }
  return { abs, rel, misses };
}

const exported = [];

for (const [name, experiment] of Object.entries(models)) {
  test(`${name}: onnxruntime-node predicts what Kindling predicts`, async (t) => {
    assert.ok(cli, 'build the CLI first: cargo build --release --bin kindling');
    const file = join(dir, `${name}.json`);
    const model = join(dir, `${name}.model.json`);
    const out = join(dir, name);
    writeFileSync(file, JSON.stringify(experiment));
    execFileSync(cli, ['train', file, '--out', model], { stdio: ['ignore', 'ignore', 'ignore'] });
    execFileSync(cli, ['export', model, '--to', 'onnx', '--out', out,
      '--sample', builtin(experiment.data.source)], { stdio: ['ignore', 'ignore', 'pipe'] });
    const sample = JSON.parse(readFileSync(join(out, 'sample.json'), 'utf8'));
    const pre = JSON.parse(readFileSync(join(out, 'preprocessing.json'), 'utf8'));
    assert.equal(pre.format, 'kindling-onnx-preprocessing');
    assert.deepEqual(pre.input.shape.slice(1), sample.input.shape.slice(1));
    const session = await ort.InferenceSession.create(join(out, 'model.onnx'));
    assert.deepEqual(session.inputNames, ['input']);
    assert.deepEqual(session.outputNames, ['output']);
    const input = new ort.Tensor('float32', Float32Array.from(sample.input.data), sample.input.shape);
    const { output } = await session.run({ input });
    assert.deepEqual(output.dims, sample.output.shape);
    assert.ok(sample.output.shape[0] >= 100, `${sample.output.shape[0]} rows`);
    const { abs, rel, misses } = differences(output.data, sample.output.data);
    t.diagnostic(`${name}: ${sample.output.shape[0]} rows, max abs difference ${abs.toExponential(2)}, max relative ${rel.toExponential(2)}`);
    assert.equal(misses, 0, `${name}: ${misses} values differ by more than 1e-5·|kindling| + 1e-6 (max abs ${abs}, max relative ${rel})`);
    exported.push(join(out, 'model.onnx'));
  });
}

test('onnx.checker.check_model(full_check=True) passes on every exported model', (t) => {
  assert.equal(exported.length, Object.keys(models).length, 'every model exported');
  assert.ok(existsSync(python), 'no Python venv at target/pyenv: run bash scripts/setup.sh');
  const script = [
    'import sys, onnx',
    'for p in sys.argv[1:]:',
    '    onnx.checker.check_model(onnx.load(p), full_check=True)',
    'print(onnx.__version__, len(sys.argv) - 1)',
  ].join('\n');
  const out = execFileSync(python, ['-c', script, ...exported], { encoding: 'utf8' });
  t.diagnostic(`onnx ${out.trim()} models checked`);
  assert.match(out, new RegExp(` ${exported.length}\\n$`));
});

test('an unknown --to is refused with exit 2, listing the targets', () => {
  assert.ok(cli);
  const model = join(dir, 'iris_mlp.model.json');
  let err = '';
  try {
    execFileSync(cli, ['export', model, '--to', 'tflite', '--out', join(dir, 'x')], { stdio: 'pipe' });
  } catch (e) {
    err = e.stderr.toString();
    assert.equal(e.status, 2);
  }
  assert.equal(err, 'error: --to: there is no export target "tflite"; choose one of onnx, pytorch, keras\n');
});
