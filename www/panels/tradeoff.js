// @ts-check
// The compression trade-off as a scatter plot: one labelled point per version of the model, its
// file size (x) against its test metric (y); the chosen version larger, in orange.
import { sized } from '../inside/heat.js';

/** @typedef {{label: string, x: number, y: number, chosen: boolean}} Point */

const PAD = { left: 56, right: 16, top: 14, bottom: 40 };
const [W, H] = [520, 260]; // CSS pixels

/**
 * Draws `points` on `canvas` with axis titles `axes` (words in the page's language), each axis
 * from a round number below its smallest value to one above its largest.
 * @param {HTMLCanvasElement} canvas
 * @param {Point[]} points
 * @param {{x: string, y: string}} axes
 */
export function drawTradeoff(canvas, points, axes) {
  const ctx = sized(canvas, W, H);
  const [w, h] = [W, H];
  ctx.font = '12px sans-serif';
  const [x0, x1] = range(points.map((p) => p.x), true);
  const [y0, y1] = range(points.map((p) => p.y), false);
  const px = (/** @type {number} */ x) => PAD.left + ((x - x0) / (x1 - x0)) * (w - PAD.left - PAD.right);
  const py = (/** @type {number} */ y) => h - PAD.bottom - ((y - y0) / (y1 - y0)) * (h - PAD.top - PAD.bottom);
  ctx.strokeStyle = '#aab2c0';
  ctx.fillStyle = '#333';
  ctx.beginPath();
  ctx.moveTo(PAD.left, PAD.top);
  ctx.lineTo(PAD.left, h - PAD.bottom);
  ctx.lineTo(w - PAD.right, h - PAD.bottom);
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of [x0, (x0 + x1) / 2, x1]) ctx.fillText(short(x), px(x), h - PAD.bottom + 4);
  ctx.fillText(axes.x, (PAD.left + w - PAD.right) / 2, h - 16);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of [y0, (y0 + y1) / 2, y1]) ctx.fillText(short(y), PAD.left - 4, py(y));
  ctx.save();
  ctx.translate(12, (PAD.top + h - PAD.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(axes.y, 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';
  /** @type {{x: number, y: number, w: number}[]} */
  const placed = [];
  for (const p of points) {
    ctx.fillStyle = p.chosen ? '#d55e00' : '#0072b2';
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), p.chosen ? 6 : 4, 0, 2 * Math.PI);
    ctx.fill();
    // Each label beside its point, moved up or down until it overlaps no label placed before.
    const lw = ctx.measureText(p.label).width;
    const lx = Math.min(px(p.x) + 8, w - PAD.right - lw);
    const free = (/** @type {number} */ y) => placed.every((q) => Math.abs(q.y - y) >= 13 || lx + lw < q.x || q.x + q.w < lx);
    const ly = [0, -13, 13, -26, 26, -39, 39].map((d) => Math.max(8, py(p.y) + d)).find(free) ?? py(p.y);
    placed.push({ x: lx, y: ly, w: lw });
    ctx.fillStyle = '#333';
    ctx.fillText(p.label, lx, ly);
  }
  canvas.dataset.drawn = 'true';
  canvas.dataset.labels = JSON.stringify(axes);
}

/**
 * An axis range around `values` with a margin; `fromZero` starts it at 0 (file sizes).
 * @param {number[]} values
 * @param {boolean} fromZero
 * @returns {[number, number]}
 */
function range(values, fromZero) {
  const lo = fromZero ? 0 : Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 1;
  return [fromZero ? 0 : lo - margin, hi + margin];
}

/** @param {number} v */
const short = (v) => String(Number(v.toPrecision(3)));
