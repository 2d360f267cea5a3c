// The explanation timing of the benchmark page (issue 16's target: one digits prediction
// explained in < 200 ms): the digits CNN (examples/digits_cnn.json) trained `epochs` epochs in
// this worker on the lab package (pkg-lab/, where the explanations live), then one test-free
// digits row explained by integrated gradients (64 steps, `explainInput`) once to warm up and
// `runs` times measured. Message in: {id, explain: {epochs, runs}}; out: {id, readyMs, report:
// {median_ms, runs_ms, epochs, steps, output}} | {id, error}.
import init, { WasmSession, lastPanic } from '../../pkg-lab/kindling.js';
import { fetchBytes, fetchText, median } from './util.js';

const t0 = performance.now();
const ready = init().then(() => performance.now() - t0);

/** examples/digits_cnn.json with `epochs` epochs. @param {number} epochs */
async function experiment(epochs) {
  const e = JSON.parse(await fetchText('../../examples/digits_cnn.json'));
  e.fit.epochs = epochs;
  return JSON.stringify(e);
}

/** The first data row of `csv` as `{column: number}`, the target left out. @param {Uint8Array} bytes */
function firstRow(bytes) {
  const [head, line] = new TextDecoder().decode(bytes).split('\n');
  const names = head.trim().split(',');
  const values = line.trim().split(',').map(Number);
  return Object.fromEntries(names.map((n, i) => [n, values[i]]).filter(([n]) => n !== 'label'));
}

self.onmessage = async ({ data: { id, explain } }) => {
  try {
    const readyMs = await ready;
    const bytes = await fetchBytes('../data/digits.csv');
    const s = new WasmSession();
    s.load('digits.csv', bytes);
    s.configure(await experiment(explain.epochs));
    while (!s.step(1_000_000).done);
    const record = JSON.stringify(firstRow(bytes));
    const first = s.explainInput(record, false); // warm-up
    const runs = [];
    for (let i = 0; i < explain.runs; i++) {
      const t = performance.now();
      s.explainInput(record, false);
      runs.push(performance.now() - t);
    }
    s.free();
    self.postMessage({ id, readyMs, report: { median_ms: median(runs), runs_ms: runs, epochs: explain.epochs, steps: first.steps, output: first.output } });
  } catch (e) {
    const panic = e instanceof WebAssembly.RuntimeError ? lastPanic() : null;
    self.postMessage({ id, error: panic ? `internal error: ${panic}` : String(e?.message ?? e), fatal: !!panic });
  }
};
