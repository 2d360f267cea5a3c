// Renders `benchResult` as a table: one row per workload and engine, text only (textContent).

const fmt = (v, digits = 1) => (v == null || Number.isNaN(v) ? '—' : Number(v).toFixed(digits));

const COLUMNS = ['workload', 'engine', 'epochs', 'ms/epoch', 'first epoch ms', 'test metric', 'GFLOP/s', 'params', 'speedup (TF.js ms ÷ Kindling ms)'];

function row(cells, testid) {
  const tr = document.createElement('tr');
  if (testid) tr.dataset.testid = testid;
  for (const c of cells) {
    const td = document.createElement('td');
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}

export function renderTable(table, result) {
  table.replaceChildren();
  const head = document.createElement('tr');
  for (const c of COLUMNS) {
    const th = document.createElement('th');
    th.textContent = c;
    head.append(th);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const [w, { kindling, tfjs, speedup }] of Object.entries(result.workloads)) {
    for (const [label, s, key] of [['Kindling', kindling, 'kindling'], ['TF.js-wasm', tfjs, 'tfjs']]) {
      const metric = s.error ? `error: ${s.error}` : `${s.metric_name} ${fmt(s.metric, s.metric_name === 'accuracy' ? 3 : 4)}`;
      body.append(row([w, label, s.epochs ?? '—', fmt(s.ms_per_epoch), fmt(s.first_epoch_ms), metric, fmt(s.gflops, 2),
        s.params ?? '—', key !== 'kindling' ? '' : speedup == null ? '—' : `${fmt(speedup, 2)}×`], `bench-${w}-${key}`));
    }
  }
}

/** One line on the matmul kernels: Kindling's nn::matmul (the layers' kernel) and ndarray's dot vs tf.matMul. */
export function renderMatmul(el, matmul) {
  if (!matmul) return;
  const { kindling: k, tfjs: t } = matmul;
  el.textContent = k.error || t.error ? `matmul: ${k.error ?? t.error}`
    : `f32 matmul ${k.report.n}×${k.report.n} (GFLOP/s): Kindling matmul ${fmt(k.report.gemm_gflops)}, ` +
      `ndarray dot ${fmt(k.report.ndarray_gflops)}, TF.js-wasm matMul ${fmt(t.report.gflops)}; ` +
      `matmul equals dot exactly: ${k.report.exact ? 'yes' : 'NO'}`;
}

/** One line on the explanation timing: the median of the runs of `explainInput` on the digits CNN. */
export function renderExplain(el, explain) {
  if (!explain) return;
  const r = explain.report;
  el.dataset.ms = r ? String(r.median_ms) : '';
  el.textContent = explain.error ? `explain: ${explain.error}`
    : `explain one digits prediction (integrated gradients, ${r.steps} steps): ${fmt(r.median_ms)} ms ` +
      `(median of ${r.runs_ms.length} after a warm-up; digits CNN trained ${r.epochs} epochs in the worker)`;
}
