// @ts-check
// Signed horizontal bars, one per input, with the value after each and an optional ± spread
// (integrated gradients: attributions, blue for, orange against; permutation importance is drawn
// by the chart package, www/chart.js `drawBars`, and only picks its bars with `largest`).
import { fmt } from '../ui.js';
import { NEGATIVE, POSITIVE, css, sized } from '../inside/heat.js';

/** @typedef {{name: string, value: number, sd?: number}} Bar */

const ROW = 22;
const LABEL = 110;
const WIDTH = 520; // CSS pixels

/**
 * Draws `bars` in the order given on `canvas` (its height follows their number); the zero line
 * sits where the largest negative and positive values leave room for.
 * @param {HTMLCanvasElement} canvas
 * @param {Bar[]} bars
 */
export function drawSignedBars(canvas, bars) {
  const height = bars.length * ROW + 6;
  const ctx = sized(canvas, WIDTH, height);
  ctx.font = '12px sans-serif';
  ctx.textBaseline = 'middle';
  const hi = Math.max(0, ...bars.map((b) => b.value + (b.sd ?? 0)));
  const lo = Math.min(0, ...bars.map((b) => b.value - (b.sd ?? 0)));
  const span = hi - lo || 1;
  const plot = WIDTH - LABEL - (bars.some((b) => b.sd) ? 110 : 60); // room for the value (± sd) after a bar
  const left = 50 * Number(lo < 0); // room for a negative value's text
  const x = (/** @type {number} */ v) => LABEL + left + ((v - lo) / span) * (plot - left);
  bars.forEach((b, i) => {
    const y = i * ROW + 3;
    ctx.fillStyle = '#333';
    ctx.textAlign = 'left';
    ctx.fillText(b.name.length > 16 ? `${b.name.slice(0, 15)}…` : b.name, 4, y + ROW / 2);
    const [a, z] = [x(Math.min(0, b.value)), x(Math.max(0, b.value))];
    ctx.fillStyle = css(b.value >= 0 ? POSITIVE : NEGATIVE);
    ctx.fillRect(a, y + 4, Math.max(1, z - a), ROW - 8);
    if (b.sd) {
      ctx.strokeStyle = '#333';
      ctx.beginPath();
      ctx.moveTo(x(b.value - b.sd), y + ROW / 2);
      ctx.lineTo(x(b.value + b.sd), y + ROW / 2);
      ctx.stroke();
    }
    ctx.fillStyle = '#333';
    ctx.textAlign = b.value >= 0 ? 'left' : 'right';
    const end = b.value >= 0 ? x(b.value + (b.sd ?? 0)) + 4 : x(b.value - (b.sd ?? 0)) - 4;
    ctx.fillText(b.sd ? `${fmt(b.value, { digits: 3 })} ± ${fmt(b.sd, { digits: 2 })}` : fmt(b.value, { digits: 3 }), end, y + ROW / 2);
  });
  ctx.strokeStyle = '#aab2c0';
  ctx.beginPath();
  ctx.moveTo(x(0) + 0.5, 0);
  ctx.lineTo(x(0) + 0.5, height);
  ctx.stroke();
  canvas.dataset.drawn = 'true';
}

/**
 * The `n` bars with the largest |value| (all of them when there are no more than `n`), largest first.
 * @param {Bar[]} bars
 * @param {number} n
 */
export const largest = (bars, n) => [...bars].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, n);
