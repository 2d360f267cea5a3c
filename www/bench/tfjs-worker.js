// The TF.js side of the benchmark: the three workloads with @tensorflow/tfjs on its wasm backend
// (one thread, SIMD), built exactly as WORKLOADS.md says (Keras defaults, Adam 1e-3 / eps 1e-7).
// Message in: {id, workload, epochs?} or {id, matmul: {n, reps}}; out: {id, report} | {id, error}. Reports match Kindling's.
import '../../node_modules/@tensorflow/tfjs/dist/tf.es2017.min.js';
import '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.es2017.min.js';
import { digits, sunspots, synthetic } from './data.js';
import { fetchText, median } from './util.js';

const tf = globalThis.tf;
const t0 = performance.now();
const ready = (async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // one thread, as every peer
  tf.wasm.setWasmPaths(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href);
  await tf.setBackend('wasm');
  await tf.ready();
  return performance.now() - t0;
})();

const adam = () => tf.train.adam(1e-3, 0.9, 0.999, 1e-7);
const dense = (units, activation, extra = {}) => tf.layers.dense({ units, activation, ...extra });

/** fit() with per-epoch wall times (shuffle, batching, forward, backward, update). */
async function timedFit(model, x, y, batchSize, epochs) {
  const epochsMs = [];
  let start = 0;
  await model.fit(x, y, {
    batchSize, epochs, shuffle: true, verbose: 0, yieldEvery: 'never',
    callbacks: {
      onEpochBegin: () => { start = performance.now(); },
      onEpochEnd: () => { epochsMs.push(performance.now() - start); },
    },
  });
  return epochsMs;
}

function report(workload, model, epochsMs, metricName, metric, rows) {
  const msPerEpoch = median(epochsMs.length > 1 ? epochsMs.slice(1) : epochsMs);
  return {
    workload, epochs_ms: epochsMs, first_epoch_ms: epochsMs[0], ms_per_epoch: msPerEpoch,
    metric_name: metricName, metric, samples_per_s: rows / (msPerEpoch / 1e3), gflops: null,
    params: model.countParams(),
  };
}

const WORKLOADS = {
  async W1(epochs = 20) {
    const d = digits(await fetchText('../data/digits.csv'), await fetchText('../data/digits_split.csv'));
    const model = tf.sequential({ layers: [dense(64, 'relu', { inputShape: [64] }), dense(64, 'relu'), dense(10, 'softmax')] });
    model.compile({ optimizer: adam(), loss: 'categoricalCrossentropy' });
    const x = tf.tensor2d(d.xTrain, [d.nTrain, 64]);
    const y = tf.tensor2d(d.yTrain, [d.nTrain, 10]);
    const epochsMs = await timedFit(model, x, y, 32, epochs);
    const pred = tf.tidy(() => model.predict(tf.tensor2d(d.xTest, [d.nTest, 64])).argMax(-1).dataSync());
    const acc = d.labelsTest.filter((l, i) => pred[i] === l).length / d.nTest;
    return report('W1', model, epochsMs, 'accuracy', acc, d.nTrain);
  },
  async W2(epochs = 20) {
    const d = sunspots(await fetchText('../data/sunspots.csv'));
    const model = tf.sequential({ layers: [
      // Keras defaults spelled out: TF.js defaults to hardSigmoid gates and no unit forget bias.
      tf.layers.lstm({ units: 50, inputShape: [d.lookback, 1], activation: 'tanh', recurrentActivation: 'sigmoid',
        kernelInitializer: 'glorotUniform', recurrentInitializer: 'orthogonal', unitForgetBias: true }),
      dense(1, 'linear')] });
    model.compile({ optimizer: adam(), loss: 'meanSquaredError' });
    const x = tf.tensor3d(d.xTrain, [d.nTrain, d.lookback, 1]);
    const y = tf.tensor2d(d.yTrain, [d.nTrain, 1]);
    const epochsMs = await timedFit(model, x, y, 32, epochs);
    const pred = tf.tidy(() => model.predict(tf.tensor3d(d.xTest, [d.nTest, d.lookback, 1])).dataSync());
    const mse = d.yTest.reduce((s, v, i) => s + (pred[i] - v) ** 2, 0) / d.nTest;
    return report('W2', model, epochsMs, 'rmse', Math.sqrt(mse) * d.range, d.nTrain);
  },
  async W3(epochs = 3) {
    const d = synthetic();
    const model = tf.sequential({ layers: [dense(256, 'relu', { inputShape: [d.cols] }), dense(256, 'relu'), dense(1, 'linear')] });
    model.compile({ optimizer: adam(), loss: 'meanSquaredError' });
    const x = tf.tensor2d(d.x, [d.rows, d.cols]);
    const y = tf.tensor2d(d.y, [d.rows, 1]);
    const epochsMs = await timedFit(model, x, y, 128, epochs);
    const mse = tf.tidy(() => model.evaluate(x, y, { batchSize: 1000 }).dataSync()[0]);
    const r = report('W3', model, epochsMs, 'mse', mse, d.rows);
    r.gflops = (6 * r.params * d.rows) / (r.ms_per_epoch / 1e3) / 1e9;
    return r;
  },
};

/** GFLOP/s of tf.matMul on [n, n]·[n, n] f32: best of 5 trials of `reps` products (after a
 *  warm-up trial), as Kindling's benchMatmul. */
function matmul({ n, reps }) {
  return tf.tidy(() => {
    const a = tf.randomUniform([n, n]);
    const b = tf.randomUniform([n, n]);
    let best = Infinity;
    for (let trial = 0; trial < 6; trial++) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) tf.matMul(a, b).dataSync();
      if (trial > 0) best = Math.min(best, performance.now() - t0);
    }
    return { n, reps, gflops: (2 * n ** 3 * reps) / best / 1e6 };
  });
}

self.onmessage = async ({ data: { id, workload, epochs, matmul: mm } }) => {
  try {
    const readyMs = await ready;
    if (mm) return self.postMessage({ id, readyMs, report: matmul(mm) });
    if (!WORKLOADS[workload]) throw new Error(`unknown workload ${workload}; use W1, W2 or W3`);
    tf.engine().startScope();
    try {
      self.postMessage({ id, readyMs, report: await WORKLOADS[workload](epochs) });
    } finally {
      tf.engine().endScope();
    }
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
