// Same seed → the same training history, bit for bit, natively (the `kindling` CLI) and in
// WebAssembly (pkg/, loaded in Node). Needs `bash scripts/build.sh` and `cargo build --bin kindling`
// first. Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import init, { WasmSession } from '../../pkg/kindling.js';

const root = new URL('../../', import.meta.url).pathname;
const cli = ['target/release/kindling', 'target/debug/kindling']
  .map((p) => join(root, p))
  .find(existsSync);

await init({ module_or_path: readFileSync(join(root, 'pkg/kindling_bg.wasm')) });

const digitsCnn = JSON.parse(readFileSync(join(root, 'examples/digits_cnn.json'), 'utf8'));

// Dense layers with every activation the recurrent layers use (tanh, sigmoid), dropout, softmax
// + cross-entropy, Adam: the matrix kernel, exp/tanh/log and the seeded streams all take part.
const experiments = {
  iris: {
    seed: 11,
    data: { source: 'builtin:iris', target: 'species' },
    model: { layers: [
      { type: 'dense', units: 12, activation: 'tanh' },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 8, activation: 'sigmoid' },
      { type: 'dense', units: 3, activation: 'softmax' },
    ] },
    compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
    fit: { epochs: 12, batch_size: 16 },
  },
  diabetes: {
    seed: 5,
    data: { source: 'builtin:diabetes', split: { method: 'random', validation: 0.1, test: 0.2 } },
    model: { layers: [
      { type: 'dense', units: 32, activation: 'relu', kernel_regularizer: { l2: 0.001 } },
      { type: 'dense', units: 1 },
    ] },
    compile: { loss: 'huber', optimizer: { type: 'rmsprop', learning_rate: 0.005 } },
    fit: { epochs: 10, batch_size: 32 },
  },
  // Recurrent layers on time-series windows (BPTT, orthogonal init, the window pipeline).
  sunspots: {
    seed: 3,
    data: { source: 'builtin:sunspots', target: 'sunactivity', features: [], scale: 'minmax',
            window: { lookback: 12, horizon: 1 }, split: { method: 'chronological', validation: 0.1, test: 0.2 } },
    model: { layers: [
      { type: 'gru', units: 8, return_sequences: true },
      { type: 'lstm', units: 10 },
      { type: 'dense', units: 1 },
    ] },
    compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
    fit: { epochs: 6, batch_size: 32 },
  },
  // The small CNN (examples/digits_cnn.json, 3 epochs): reshape, im2col conv2d + relu, max pooling,
  // flatten, softmax; its convolution runs through the same matrix kernel.
  digits: { ...digitsCnn, fit: { ...digitsCnn.fit, epochs: 3 } },
  // Text: the tokenizer and the int vectoriser, an embedding with mask_zero, masked average
  // pooling, dense (the 3,000 review sentences, 2 epochs).
  sentiment: {
    seed: 7,
    data: { source: 'builtin:sentiment', target: 'label', features: ['text'], task: 'classification',
            text: { output_mode: 'int', max_tokens: 3000, max_length: 30 } },
    model: { layers: [
      { type: 'embedding', input_dim: 3000, output_dim: 8, mask_zero: true },
      { type: 'global_average_pooling1d' },
      { type: 'dense', units: 2, activation: 'softmax' },
    ] },
    compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
    fit: { epochs: 2, batch_size: 32 },
  },
};

function nativeHistory(exp) {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-det-'));
  const file = join(dir, 'exp.json');
  writeFileSync(file, JSON.stringify(exp));
  const out = execFileSync(cli, ['train', file], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.toString()).history;
}

function wasmHistory(exp, name) {
  const s = new WasmSession();
  s.load(`${name}.csv`, readFileSync(join(root, `www/data/${name}.csv`)));
  s.configure(JSON.stringify(exp));
  while (!s.step(1000).done);
  return s.history();
}

// Both sides hold f32 values: compare them as f32 (JSON text → nearest f32 is exact for f32).
const f32 = (v) => (v === null || v === undefined ? null : Math.fround(v));

for (const [name, exp] of Object.entries(experiments)) {
  test(`${name}: native and wasm histories are bit-identical`, { skip: !cli && 'build the CLI first' }, () => {
    const native = nativeHistory(exp);
    const wasm = wasmHistory(exp, name);
    assert.equal(native.length, exp.fit.epochs);
    assert.equal(wasm.length, native.length);
    for (let i = 0; i < native.length; i++) {
      for (const key of ['loss', 'val_loss', 'accuracy', 'val_accuracy']) {
        assert.equal(f32(wasm[i][key]), f32(native[i][key]), `epoch ${i + 1} ${key}`);
      }
    }
    assert.ok(native.at(-1).loss < native[0].loss, 'it trained');
  });
}
