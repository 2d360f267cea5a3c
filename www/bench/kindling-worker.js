// The Kindling side of the benchmark: runs one workload of the core's src/bench in this worker's
// wasm (SIMD128 release build in pkg-bench/: pkg/ plus the bench exports). Message in: {id, workload} or {id, matmul: {n, reps}}; out: {id, readyMs, report} | {id, error}.
import init, { benchMatmul, runBench, lastPanic } from '../../pkg-bench/kindling.js';
import { fetchBytes } from './util.js';

const t0 = performance.now();
const ready = init().then(() => performance.now() - t0);
const FILES = { W1: ['digits.csv', 'digits_split.csv'], W2: ['sunspots.csv'], W3: [], T1: ['sentiment.csv'] };
const files = {};

self.onmessage = async ({ data: { id, workload, matmul } }) => {
  try {
    const readyMs = await ready;
    if (matmul) return self.postMessage({ id, readyMs, report: benchMatmul(matmul.n, matmul.reps) });
    for (const name of FILES[workload] ?? []) files[name] ??= await fetchBytes(`../data/${name}`);
    self.postMessage({ id, readyMs, report: runBench(workload, files) });
  } catch (e) {
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : null;
    self.postMessage({ id, error: panic ? `internal error: ${panic}` : String(e?.message ?? e), fatal: !!panic });
  }
};
