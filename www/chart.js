// Loss chart: the main thread loads the wasm package only to draw (plotters-canvas), and redraws
// at most once per display frame.
import init, { drawLossChart } from '../pkg/kindling.js';

const ready = init();
let pending = null;

/** Schedules a redraw of `canvas` from `history` (array of epoch records). */
export function drawLoss(canvas, history) {
  pending = { canvas, history };
  requestAnimationFrame(async () => {
    if (!pending) return;
    const { canvas: c, history: h } = pending;
    pending = null;
    await ready;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(c.clientWidth * ratio);
    const height = Math.round(c.clientHeight * ratio);
    if (c.width !== width || c.height !== height) Object.assign(c, { width, height });
    drawLossChart(c, h);
  });
}
