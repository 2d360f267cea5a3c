// "Take it further" (Deployment panel): after training iris in the page, "Download ONNX" gives
// model.onnx + preprocessing.json made by the export package (pkg-export/, loaded on the click);
// onnxruntime-node runs the downloaded model on iris rows and answers what the page's own model
// answers for them; the PyTorch and Keras buttons give their script, weights and preprocessing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { SCREENSHOTS, encodeExperiment, openNode, openPage, start, waitForState } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const IRIS = {
  seed: 4,
  data: { source: 'builtin:iris', target: 'species' },
  model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] },
  fit: { epochs: 15, batch_size: 16 },
};

/** Clicks `selector` and collects the `count` downloads it starts: {name: Buffer}. */
async function downloads(page, selector, count) {
  const files = {};
  const done = new Promise((resolve) => {
    page.on('download', async (d) => {
      files[d.suggestedFilename()] = readFileSync(await d.path());
      if (Object.keys(files).length === count) resolve(files);
    });
  });
  await page.click(selector);
  await done;
  page.removeAllListeners('download');
  return files;
}

test('Take it further: the downloaded ONNX model predicts what the page predicts; the scripts come with weights', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment(IRIS)}&run=1`);
  await waitForState(page, ['done'], 90_000);
  await openNode(page, 'deploy');
  await page.waitForSelector('[data-testid=export-onnx]:not([disabled])');
  const onnx = await downloads(page, '[data-testid=export-onnx]', 2);
  assert.deepEqual(Object.keys(onnx).sort(), ['model.onnx', 'preprocessing.json']);
  await page.waitForSelector('[data-testid=export-status][data-state=done]');
  assert.equal(await page.textContent('[data-testid=export-status]'), 'Downloaded model.onnx, preprocessing.json.');
  const pre = JSON.parse(onnx['preprocessing.json'].toString());
  assert.deepEqual(pre.input.names, ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
  assert.deepEqual(pre.output.classes, ['setosa', 'versicolor', 'virginica']);

  // The page's own prediction for a flower (the Application panel's form) vs the runtime's.
  const flower = { sepal_length_cm: 6.1, sepal_width_cm: 2.8, petal_length_cm: 4.9, petal_width_cm: 1.6 };
  await openNode(page, 'apply');
  for (const [name, value] of Object.entries(flower)) await page.fill(`[data-feature=${name}]`, String(value));
  await page.waitForFunction((want) => document.querySelector('[data-testid=apply-result]')?.dataset.input === want, JSON.stringify(flower));
  const shown = JSON.parse(await page.getAttribute('[data-testid=apply-result]', 'data-values'));
  const session = await ort.InferenceSession.create(onnx['model.onnx']);
  const input = new ort.Tensor('float32', Float32Array.from(Object.values(flower)), [1, 4]);
  const { output } = await session.run({ input });
  assert.equal(output.data.length, 3);
  [...output.data].forEach((p, i) => assert.ok(Math.abs(p - shown[i]) <= 1e-5 * Math.abs(shown[i]) + 1e-6,
    `class ${i}: onnxruntime ${p}, page ${shown[i]}`));
  await openNode(page, 'deploy');

  const pytorch = await downloads(page, '[data-testid=export-pytorch]', 3);
  assert.deepEqual(Object.keys(pytorch).sort(), ['preprocessing.json', 'train_pytorch.py', 'weights.safetensors']);
  assert.match(pytorch['train_pytorch.py'].toString(), /torchrun --nproc_per_node=4 train_pytorch\.py/);
  const keras = await downloads(page, '[data-testid=export-keras]', 3);
  assert.deepEqual(Object.keys(keras).sort(), ['preprocessing.json', 'train_keras.py', 'weights.safetensors']);
  assert.match(keras['train_keras.py'].toString(), /keras\.layers\.Dense\(8, activation="relu", use_bias=True\)/);
  // safetensors: an 8-byte header length, then the JSON header naming the tensors.
  const st = keras['weights.safetensors'];
  const header = JSON.parse(st.subarray(8, 8 + Number(st.readBigUInt64LE(0))).toString());
  assert.deepEqual(Object.keys(header).filter((k) => k !== '__metadata__').sort(),
    ['layers.0.bias', 'layers.0.kernel', 'layers.1.bias', 'layers.1.kernel']);
  assert.deepEqual(header['layers.0.kernel'].shape, [4, 8]);
  await page.locator('[data-testid=take-it-further]').screenshot({ path: `${SCREENSHOTS}/export-further.png` });
  await page.close();
});
