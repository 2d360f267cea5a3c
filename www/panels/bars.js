// @ts-check
// Class probabilities as horizontal bars with the value after each (the Application panel's form
// and drawing pad).
import { fmt } from '../ui.js';

/**
 * Horizontal bars, one per class, with the probability written after each.
 * @param {HTMLCanvasElement} canvas
 * @param {string[]} classes
 * @param {number[]} values
 */
export function drawBars(canvas, classes, values) {
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const rowH = 28;
  canvas.height = classes.length * rowH + 4;
  const labelW = 120;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  classes.forEach((name, i) => {
    const y = i * rowH;
    const w = Math.max(0, (canvas.width - labelW - 60) * values[i]);
    ctx.fillStyle = '#333';
    ctx.fillText(name.slice(0, 18), 4, y + rowH / 2);
    ctx.fillStyle = '#0072b2';
    ctx.fillRect(labelW, y + 4, w, rowH - 8);
    ctx.fillStyle = '#333';
    ctx.fillText(fmt(values[i]), labelW + w + 6, y + rowH / 2);
  });
}
