// @ts-check
// Charts (plotters-canvas), drawn with the chart package pkg-chart/ (www/wasm.js), loaded for the
// first chart or when the page is idle, so at start-up the worker compiles its .wasm alone. Each canvas is redrawn
// at most once per display frame, and only when it is shown. The words a chart draws (axis titles,
// legends) come from the catalog (`chart.*`) in the page's language at drawing time; column and class
// names are drawn as the data has them. `redrawCharts()` redraws the shown charts after a language switch.
import { sayAttr, t } from './i18n.js';
import { fitCanvas } from './ui.js';
import { loadCharts as load } from './wasm.js';

/** @import {EpochRecord, Grid, TestPredictions} from './types.js' */
/** @typedef {Awaited<ReturnType<typeof load>>} Wasm */

/** The draw waiting for each canvas's next frame. @type {Map<HTMLCanvasElement, (wasm: Wasm) => void>} */
const pending = new Map();
/** The last draw asked for each canvas (redrawn by `redrawCharts`). @type {Map<HTMLCanvasElement, (wasm: Wasm) => void>} */
const latest = new Map();

/** The words of `ChartLabels` (src/chart/labels.rs); each is the catalog's `chart.KEY`. */
const WORDS = ['epoch', 'loss', 'train_loss', 'validation_loss', 'actual', 'predicted', 'diagonal', 'test_rows', 'forecast', 'test_step', 'step', 'component_1', 'component_2', 'loss_rise'];

/**
 * The chart words in the page's language now, also left on `canvas` as `data-labels` (JSON: the
 * page hook that shows which words the chart was drawn with).
 * @param {HTMLCanvasElement} canvas
 * @returns {Record<string, string>}
 */
function labels(canvas) {
  const words = Object.fromEntries(WORDS.map((k) => [k, t(`chart.${k}`)]));
  canvas.dataset.labels = JSON.stringify(words);
  return words;
}

/** Redraws every chart still on the page in the current language (hidden ones when next shown). */
export function redrawCharts() {
  for (const [canvas, draw] of latest) {
    if (canvas.isConnected) schedule(canvas, draw);
    else latest.delete(canvas);
  }
}

/** Loads the chart code ahead of the first chart (when the page is idle after start-up). */
export const prepareCharts = () => load().catch(() => {}); // a failure shows on the chart itself

/**
 * Schedules `draw()` for `canvas` on the next frame (later requests for it replace earlier ones).
 * @param {HTMLCanvasElement} canvas
 * @param {(wasm: Wasm) => void} draw
 */
function schedule(canvas, draw) {
  latest.set(canvas, draw);
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
export const drawLoss = (canvas, history) => schedule(canvas, (w) => w.drawLossChart(canvas, history, labels(canvas)));
/**
 * @param {HTMLCanvasElement} canvas
 * @param {number[][]} matrix `confusion[actual][predicted]`
 * @param {string[] | null | undefined} classes
 */
export const drawConfusion = (canvas, matrix, classes) => schedule(canvas, (w) => w.drawConfusionChart(canvas, matrix, classes ?? null, labels(canvas)));
/**
 * Predicted vs actual (`asSeries` false) or the series with the forecast overlaid.
 * @param {HTMLCanvasElement} canvas
 * @param {TestPredictions} predictions
 * @param {boolean} asSeries
 */
export const drawPredictions = (canvas, predictions, asSeries) => schedule(canvas, (w) => w.drawPredictionChart(canvas, predictions, asSeries, labels(canvas)));
/** The boundary draws no fixed words (its axes and legend are the data's feature and class names). @param {HTMLCanvasElement} canvas @param {Grid} grid */
export const drawBoundary = (canvas, grid) => schedule(canvas, (w) => w.drawBoundaryChart(canvas, grid));
/**
 * The end of a series and the steps forecast after it (a worker `forecast` message).
 * @param {HTMLCanvasElement} canvas
 * @param {{target: string, history: number[], forecast: number[]}} forecast
 */
export const drawForecast = (canvas, forecast) => schedule(canvas, (w) => w.drawForecastChart(canvas, forecast, labels(canvas)));
/**
 * Horizontal bars (the first at the top) with an optional ± sd whisker each.
 * @param {HTMLCanvasElement} canvas
 * @param {{name: string, value: number, sd?: number}[]} bars
 */
export const drawBars = (canvas, bars) => schedule(canvas, (w) => w.drawBarChart(canvas, bars.map((b) => b.name),
  Float32Array.from(bars, (b) => b.value), Float32Array.from(bars.some((b) => b.sd !== undefined) ? bars : [], (b) => b.sd ?? 0), labels(canvas)));
/**
 * A 2-D map of points `[x0, y0, …]`: a non-empty `names[i]` marks and labels point `i`; `picked` is ringed.
 * @param {HTMLCanvasElement} canvas
 * @param {number[]} xy
 * @param {string[]} names
 * @param {number | undefined} picked
 */
export const drawMap = (canvas, xy, names, picked) => schedule(canvas, (w) => w.drawMapChart(canvas, Float32Array.from(xy), names, picked, labels(canvas)));
