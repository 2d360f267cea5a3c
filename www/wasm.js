// @ts-check
// The page's main thread's wasm, imported and instantiated on first use so that at start-up the
// training worker compiles its .wasm alone. Two packages of the same crate (scripts/build.sh):
// pkg-chart/ draws the charts (~85 KB gzipped, no training); pkg/, the workers' package, gives the
// "Optimize?" diagnosis and the Optimization panel's helpers (the worker has already fetched it).
/** @type {Promise<typeof import('../pkg/kindling.js')> | null} */
let wasm = null;
/** @type {Promise<typeof import('../pkg-chart/kindling.js')> | null} */
let charts = null;

/** The workers' package's exports (`diagnoseRun`, `defaultSearch`, `applySettings`, …), once instantiated. */
export const loadWasm = () => (wasm ??= import('../pkg/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));

/** The chart package's exports (`drawLossChart`, …), once instantiated. */
export const loadCharts = () => (charts ??= import('../pkg-chart/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));
