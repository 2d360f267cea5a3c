// The benchmark data for the TF.js side, exactly as ../shared/bench/WORKLOADS.md defines it
// (same splits and scaling as Kindling's src/bench). Plain arrays; the worker makes tensors.

/** Parses a numeric CSV with a header row into `{header, rows: number[][]}`. */
export function parseCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim());
  return { header, rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

/** W1: standardised digits (train mean, population std; std 0 → 1) and one-hot labels. */
export function digits(digitsCsv, splitCsv) {
  const { header, rows } = parseCsv(digitsCsv);
  const isTest = parseCsv(splitCsv).rows.map((r) => r[0] === 1);
  if (isTest.length !== rows.length) throw new Error(`digits_split.csv has ${isTest.length} rows, digits.csv ${rows.length}`);
  const label = header.indexOf('label');
  const pix = Array.from({ length: 64 }, (_, j) => header.indexOf(`p${j}`));
  const train = rows.filter((_, i) => !isTest[i]);
  const test = rows.filter((_, i) => isTest[i]);
  const mean = pix.map((c) => train.reduce((s, r) => s + r[c], 0) / train.length);
  const std = pix.map((c, j) => Math.sqrt(train.reduce((s, r) => s + (r[c] - mean[j]) ** 2, 0) / train.length) || 1);
  const features = (set) => Float32Array.from(set.flatMap((r) => pix.map((c, j) => (r[c] - mean[j]) / std[j])));
  const onehot = (set) => Float32Array.from(set.flatMap((r) => Array.from({ length: 10 }, (_, k) => (r[label] === k ? 1 : 0))));
  return {
    xTrain: features(train), yTrain: onehot(train), nTrain: train.length,
    xTest: features(test), yTest: onehot(test), labelsTest: test.map((r) => r[label]), nTest: test.length,
  };
}

/** W2: min–max scaled sunspots, 30-step windows → next value; first 223 train, last 56 test. */
export function sunspots(sunspotsCsv, lookback = 30, nTrain = 223) {
  const { header, rows } = parseCsv(sunspotsCsv);
  const col = header.indexOf('sunactivity');
  const s = rows.map((r) => r[col]);
  const min = Math.min(...s);
  const range = Math.max(...s) - min;
  const scaled = s.map((v) => (v - min) / range);
  const n = scaled.length - lookback;
  const x = Float32Array.from({ length: n * lookback }, (_, k) => scaled[Math.floor(k / lookback) + (k % lookback)]);
  const y = Float32Array.from({ length: n }, (_, i) => scaled[i + lookback]);
  return {
    lookback, range, nTrain, nTest: n - nTrain,
    xTrain: x.subarray(0, nTrain * lookback), yTrain: y.subarray(0, nTrain),
    xTest: x.subarray(nTrain * lookback), yTest: y.subarray(nTrain),
  };
}

/** W3: X [20000, 100] from the workload's LCG, y = (X·w)/10 in f64, stored as f32. */
export function synthetic(rows = 20000, cols = 100) {
  let state = 12345;
  const next = () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return 2 * ((state >>> 8) / 2 ** 24) - 1;
  };
  const x64 = Float64Array.from({ length: rows * cols }, next);
  const w = Float64Array.from({ length: cols }, next);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += x64[i * cols + j] * w[j];
    y[i] = dot / 10;
  }
  return { x: Float32Array.from(x64), y, rows, cols };
}
