// @ts-check
// The main thread's copy of the wasm package (charts, the Optimize? diagnosis, the Optimization
// panel's helpers), imported and instantiated on first use so that at start-up the training
// worker compiles the .wasm alone.
/** @type {Promise<typeof import('../pkg/kindling.js')> | null} */
let wasm = null;

/** The package's exports, once imported and instantiated (one copy for the page). */
export const loadWasm = () => (wasm ??= import('../pkg/kindling.js').then(async (pkg) => { await pkg.default(); return pkg; }));
