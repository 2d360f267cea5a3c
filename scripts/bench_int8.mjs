// Int8 vs f32 prediction time in wasm (V8, the engine Chromium runs): loads pkg-bench/ (build it
// with `bash scripts/build.sh`) and times `benchPredict` on pairs of model files, alternating the
// two files round by round; prints the medians of the whole prediction (preprocessing included)
// and of the network alone (`network_ms`), and `uptime`'s load. Not a test (timings are never asserted): docs/BENCHMARKS.md,
// "Int8 prediction", gives the commands that make the files and the figures.
//   node scripts/bench_int8.mjs DATA.csv F32.json INT8.json [ROUNDS] [REPS]
import { readFileSync } from 'node:fs';
import init, { benchPredict } from '../pkg-bench/kindling.js';

const [csvPath, f32Path, int8Path, rounds = '5', reps = '20'] = process.argv.slice(2);
if (!int8Path) {
  console.error('usage: node scripts/bench_int8.mjs DATA.csv F32.json INT8.json [ROUNDS] [REPS]');
  process.exit(2);
}
await init({ module_or_path: readFileSync(new URL('../pkg-bench/kindling_bg.wasm', import.meta.url)) });
const csv = readFileSync(csvPath);
const files = { f32: readFileSync(f32Path, 'utf8'), int8: readFileSync(int8Path, 'utf8') };
const times = { f32: [], int8: [] };
const network = { f32: [], int8: [] };
let rows = 0;
for (let r = 0; r < Number(rounds); r++) {
  for (const kind of r % 2 ? ['int8', 'f32'] : ['f32', 'int8']) {
    const report = benchPredict(files[kind], csv, Number(reps));
    if (report.int8 !== (kind === 'int8')) throw new Error(`${kind}: the file is ${report.int8 ? '' : 'not '}quantised`);
    times[kind].push(report.ms);
    network[kind].push(report.network_ms);
    rows = report.rows;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = { rows, rounds: Number(rounds), reps: Number(reps),
  f32_ms: median(times.f32), int8_ms: median(times.int8),
  f32_network_ms: median(network.f32), int8_network_ms: median(network.int8),
  f32_all: times.f32, int8_all: times.int8, f32_network_all: network.f32, int8_network_all: network.int8 };
out.int8_over_f32 = out.int8_ms / out.f32_ms;
out.network_int8_over_f32 = out.int8_network_ms / out.f32_network_ms;
out.load = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(JSON.stringify(out));
