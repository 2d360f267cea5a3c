// `kindling export --to keras` checked with real Keras 3 on JAX (CPU; the venv scripts/setup.sh
// makes in target/pyenv): for each model (tests/node/export_models.mjs) the exported
// train_keras.py reads the built-in CSV with its own preprocessing, loads weights.safetensors,
// and its predictions must match Kindling's (sample.json, from `--sample`) within
// 1e-5·|kindling| + 1e-6 on every row; then it trains one epoch and saves changed weights.
// Needs `cargo build --release --bin kindling` (or a debug build) and `bash scripts/setup.sh`.
// Run: node --test tests/node/export_keras.test.mjs
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkScript, models, root } from './export_models.mjs';

const python = join(root, 'target/pyenv/bin/python');
const dir = mkdtempSync(join(tmpdir(), 'kindling-keras-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const name of Object.keys(models)) {
  test(`${name}: train_keras.py predicts what Kindling predicts, then trains an epoch`, (t) => {
    assert.ok(existsSync(python), 'no Python venv at target/pyenv: run bash scripts/setup.sh');
    const { rows, abs, log } = checkScript({ name, to: 'keras', dir, launcher: [python] });
    t.diagnostic(`${name}: ${rows} rows, max abs difference ${abs.toExponential(2)}`);
    assert.match(log, /loss: \d/, 'one epoch trained');
  });
}
