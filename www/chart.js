// Charts: the main thread loads the wasm package only to draw (plotters-canvas). Each canvas is
// redrawn at most once per display frame, and only when it is shown.
import init, { drawLossChart, drawConfusionChart, drawPredictionChart, drawBoundaryChart, drawForecastChart } from '../pkg/kindling.js';
import { fitCanvas } from './ui.js';

const ready = init();
const pending = new Map();

/** Schedules `draw()` for `canvas` on the next frame (later requests for it replace earlier ones). */
function schedule(canvas, draw) {
  const first = !pending.has(canvas);
  pending.set(canvas, draw);
  if (!first) return;
  requestAnimationFrame(async () => {
    await ready;
    const job = pending.get(canvas);
    pending.delete(canvas);
    if (!fitCanvas(canvas)) return;
    try {
      job();
      canvas.dataset.drawn = 'true';
    } catch (err) {
      canvas.dataset.drawn = 'failed';
      canvas.setAttribute('aria-description', `chart could not be drawn: ${err.message}`);
    }
  });
}

/** Loss curves from `history` (array of epoch records). */
export const drawLoss = (canvas, history) => schedule(canvas, () => drawLossChart(canvas, history));
export const drawConfusion = (canvas, matrix, classes) => schedule(canvas, () => drawConfusionChart(canvas, matrix, classes ?? null));
/** Predicted vs actual (`asSeries` false) or the series with the forecast overlaid. */
export const drawPredictions = (canvas, predictions, asSeries) => schedule(canvas, () => drawPredictionChart(canvas, predictions, asSeries));
export const drawBoundary = (canvas, grid) => schedule(canvas, () => drawBoundaryChart(canvas, grid));
/** The end of a series and the steps forecast after it (a worker `forecast` message). */
export const drawForecast = (canvas, forecast) => schedule(canvas, () => drawForecastChart(canvas, forecast));
