// The benchmark page: runs the workloads in Kindling's worker and TF.js's worker, alternating the
// engines round by round, shows a table and publishes `window.benchResult` (docs/BENCHMARKS.md).
// Query: ?workloads=W1,W2,W3&rounds=1&epochs=N&matmul=256 (epochs: TF.js only, Kindling runs the fixed
// workload; matmul: n of the [n, n]·[n, n] kernel check, 0 = skip; explain: epochs of the digits CNN
// whose one prediction is explained, timed, 0 = skip).
import { Engine } from './engine.js';
import { renderExplain, renderMatmul, renderTable } from './table.js';
import { median } from './util.js';

const params = new URLSearchParams(location.search);
const workloads = (params.get('workloads') ?? 'W1,W2,W3').split(',').map((w) => w.trim().toUpperCase());
const rounds = Math.max(1, Number(params.get('rounds') ?? 1) | 0);
const matmulN = Number(params.get('matmul') ?? 256) | 0;
const explainEpochs = Number(params.get('explain') ?? 3) | 0;
const EXPLAIN_RUNS = 7;
const epochs = params.has('epochs') ? Math.max(1, Number(params.get('epochs')) | 0) : undefined;
const status = document.querySelector('[data-testid=bench-status]');

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

/** Median figures of one engine on one workload over its rounds. */
function summarise(runs) {
  const ok = runs.filter((r) => r.report);
  if (!ok.length) return { error: runs.find((r) => r.error)?.error ?? 'not run' };
  const pick = (k) => (ok[0].report[k] == null ? null : median(ok.map((r) => r.report[k])));
  return {
    epochs: ok[0].report.epochs_ms.length, ms_per_epoch: pick('ms_per_epoch'), first_epoch_ms: pick('first_epoch_ms'),
    metric_name: ok[0].report.metric_name, metric: pick('metric'), samples_per_s: pick('samples_per_s'),
    gflops: pick('gflops'), params: ok[0].report.params, rounds: ok.length,
  };
}

async function main() {
  const engines = { kindling: new Engine('Kindling', './kindling-worker.js'), tfjs: new Engine('TF.js-wasm', './tfjs-worker.js') };
  const raw = Object.fromEntries(workloads.map((w) => [w, { kindling: [], tfjs: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const w of workloads) {
      const order = round % 2 ? ['tfjs', 'kindling'] : ['kindling', 'tfjs'];
      for (const name of order) {
        setStatus('running', `round ${round + 1}/${rounds}: ${w} on ${engines[name].label}…`);
        raw[w][name].push(await engines[name].run({ workload: w, epochs }));
      }
    }
  }
  const result = { date: new Date().toISOString(), userAgent: navigator.userAgent, rounds, epochs: epochs ?? null,
    crossOriginIsolated: self.crossOriginIsolated, ready_ms: {}, workloads: {}, raw };
  for (const [name, e] of Object.entries(engines)) result.ready_ms[name] = e.readyMs;
  for (const w of workloads) {
    const k = summarise(raw[w].kindling);
    const t = summarise(raw[w].tfjs);
    const speedup = k.ms_per_epoch && t.ms_per_epoch ? t.ms_per_epoch / k.ms_per_epoch : null;
    result.workloads[w] = { kindling: k, tfjs: t, speedup };
  }
  if (matmulN > 0) {
    setStatus('running', `matmul ${matmulN}×${matmulN}…`);
    const message = { matmul: { n: matmulN, reps: 10 } };
    result.matmul = { kindling: await engines.kindling.run(message), tfjs: await engines.tfjs.run(message) };
  }
  if (explainEpochs > 0) {
    setStatus('running', `explaining one digits prediction (CNN, ${explainEpochs} epochs)…`);
    const lab = new Engine('Kindling lab', './explain-worker.js');
    result.explain = await lab.run({ explain: { epochs: explainEpochs, runs: EXPLAIN_RUNS } });
    lab.close();
  }
  Object.values(engines).forEach((e) => e.close());
  renderTable(document.querySelector('#bench-table'), result);
  renderMatmul(document.querySelector('[data-testid=bench-matmul]'), result.matmul);
  renderExplain(document.querySelector('[data-testid=bench-explain]'), result.explain);
  window.benchResult = result;
  setStatus('done', `done: ${rounds} round(s) of ${workloads.join(', ')}`);
}

main().catch((e) => {
  setStatus('error', `benchmark failed: ${e?.message ?? e}`);
  window.benchResult = { error: String(e?.message ?? e) };
});
