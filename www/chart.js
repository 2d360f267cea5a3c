// @ts-check
// Charts (plotters-canvas), drawn with the chart package pkg-chart/ (www/wasm.js), loaded for the
// first chart or when the page is idle, so at start-up the worker compiles its .wasm alone. Each canvas is redrawn
// at most once per display frame, and only when it is shown.
import { sayAttr } from './i18n.js';
import { fitCanvas } from './ui.js';
import { loadCharts as load } from './wasm.js';

/** @import {EpochRecord, Grid, TestPredictions} from './types.js' */
/** @typedef {Awaited<ReturnType<typeof load>>} Wasm */

/** The draw waiting for each canvas's next frame. @type {Map<HTMLCanvasElement, (wasm: Wasm) => void>} */
const pending = new Map();

/** Loads the chart code ahead of the first chart (when the page is idle after start-up). */
export const prepareCharts = () => load().catch(() => {}); // a failure shows on the chart itself

/**
 * Schedules `draw()` for `canvas` on the next frame (later requests for it replace earlier ones).
 * @param {HTMLCanvasElement} canvas
 * @param {(wasm: Wasm) => void} draw
 */
function schedule(canvas, draw) {
  const first = !pending.has(canvas);
  pending.set(canvas, draw);
  if (!first) return;
  requestAnimationFrame(async () => {
    if (!fitCanvas(canvas)) return pending.delete(canvas); // hidden: drawn when asked again
    try {
      const pkg = await load();
      const job = pending.get(canvas);
      pending.delete(canvas);
      if (!job || !fitCanvas(canvas)) return;
      job(pkg);
      canvas.dataset.drawn = 'true';
    } catch (err) {
      canvas.dataset.drawn = 'failed';
      sayAttr(canvas, 'aria-description', 'chart.failed', { error: /** @type {Error} */ (err).message });
    }
  });
}

/**
 * Loss curves from `history` (array of epoch records).
 * @param {HTMLCanvasElement} canvas
 * @param {readonly EpochRecord[]} history
 */
export const drawLoss = (canvas, history) => schedule(canvas, (w) => w.drawLossChart(canvas, history));
/**
 * @param {HTMLCanvasElement} canvas
 * @param {number[][]} matrix `confusion[actual][predicted]`
 * @param {string[] | null | undefined} classes
 */
export const drawConfusion = (canvas, matrix, classes) => schedule(canvas, (w) => w.drawConfusionChart(canvas, matrix, classes ?? null));
/**
 * Predicted vs actual (`asSeries` false) or the series with the forecast overlaid.
 * @param {HTMLCanvasElement} canvas
 * @param {TestPredictions} predictions
 * @param {boolean} asSeries
 */
export const drawPredictions = (canvas, predictions, asSeries) => schedule(canvas, (w) => w.drawPredictionChart(canvas, predictions, asSeries));
/** @param {HTMLCanvasElement} canvas @param {Grid} grid */
export const drawBoundary = (canvas, grid) => schedule(canvas, (w) => w.drawBoundaryChart(canvas, grid));
/**
 * The end of a series and the steps forecast after it (a worker `forecast` message).
 * @param {HTMLCanvasElement} canvas
 * @param {{target: string, history: number[], forecast: number[]}} forecast
 */
export const drawForecast = (canvas, forecast) => schedule(canvas, (w) => w.drawForecastChart(canvas, forecast));
