// By hand, not in CI (PyPI's torch wheel needs ~5.4 GB with its CUDA libraries): checks
// `kindling export --to pytorch` against real PyTorch, as tests/node/export_keras.test.mjs does
// for Keras: train_pytorch.py's predictions vs Kindling's on every row of each model's data, one
// epoch of training, then the iris model under `torchrun --nproc_per_node=2` (DDP on Gloo).
//   python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch numpy safetensors
//   cargo build --release --bin kindling
//   TORCH_VENV=/tmp/torch node scripts/check-pytorch-export.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkScript, models } from '../tests/node/export_models.mjs';

const venv = process.env.TORCH_VENV;
if (!venv) throw new Error('set TORCH_VENV to a venv with torch, numpy and safetensors');
const dir = mkdtempSync(join(tmpdir(), 'kindling-torch-'));
try {
  for (const name of Object.keys(models)) {
    const { rows, abs, log } = checkScript({ name, to: 'pytorch', dir, launcher: [join(venv, 'bin/python')] });
    if (!/epoch 1 loss \d/.test(log)) throw new Error(`${name}: no epoch trained:\n${log}`);
    console.log(`${name}: ${rows} rows, max abs difference ${abs.toExponential(2)}; ${log.trim()}`);
  }
  const torchrun = [join(venv, 'bin/torchrun'), '--nproc_per_node=2'];
  const { log } = checkScript({ name: 'iris_mlp', to: 'pytorch', dir, launcher: torchrun, epochs: 2 });
  console.log(`iris_mlp under torchrun --nproc_per_node=2: ${log.trim()}`);
  console.log('PASS');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
