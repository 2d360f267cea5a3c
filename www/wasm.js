// @ts-check
// The page's main thread's wasm, imported and instantiated on first use so that at start-up the
// training worker compiles its .wasm alone. Packages of the same crate (scripts/build.sh):
// pkg-chart/ draws the charts (~85 KB gzipped, no training); pkg/, the workers' package, gives the
// "Optimize?" diagnosis and the Optimization panel's helpers (the worker has already fetched it);
// pkg-export/ turns a model file into ONNX, PyTorch or Keras files ("Take it further"); pkg-lab/
// adds the recommendation, compression and explanation exports to the workers' (loaded when used).
/** @type {Promise<typeof import('../pkg/kindling.js')> | null} */
let wasm = null;
/** @type {Promise<typeof import('../pkg-chart/kindling.js')> | null} */
let charts = null;
/** @type {Promise<typeof import('../pkg-export/kindling.js')> | null} */
let exporter = null;
/** @type {Promise<typeof import('../pkg-lab/kindling.js')> | null} */
let lab = null;

/** The workers' package's exports (`diagnoseRun`, `defaultSearch`, `applySettings`, …), once instantiated. */
export const loadWasm = () => (wasm ??= import('../pkg/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));

/** The chart package's exports (`drawLossChart`, …), once instantiated. */
export const loadCharts = () => (charts ??= import('../pkg-chart/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));

/** The export package's `exportModel` (pkg-export/: ONNX, PyTorch, Keras), loaded on first use. */
export const loadExport = () => (exporter ??= import('../pkg-export/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));

/** The lab package (pkg-lab/: `WasmRecommender`, `compressReport`, `explain`, …), loaded on first use. */
export const loadLab = () => (lab ??= import('../pkg-lab/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));
