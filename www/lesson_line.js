// @ts-check
// Lesson 1's figure, the article's picture: the 20 points of y = 3·x + noise (www/generated.js)
// and the model's line ŷ = θ·x at the step the run is at (or the one chosen on the scrubber or
// in the θ table), redrawn as gradient descent moves θ.
import { lineCsv } from './generated.js';
import { sayAttr } from './i18n.js';
import { css, NEGATIVE, POSITIVE, sized } from './inside/heat.js';
import { el } from './ui.js';
import { snapshotAt } from './panels/watching.js';

/** @import {App} from './app.js' */

/** The lesson's points `[x, y]`, read from the CSV the page makes. */
export function linePoints() {
  const lines = new TextDecoder().decode(lineCsv()).trim().split('\n').slice(1);
  return lines.map((l) => /** @type {[number, number]} */ (l.split(',').map(Number)));
}

const W = 360;
const H = 240;
const PAD = 28;

/**
 * The figure: `el` to show, `draw()` redraws it for the step the views show.
 * @param {App} app
 */
export function lineFigure(app) {
  const canvas = el('canvas', { id: 'gd-line', className: 'net', role: 'img', dataset: { testid: 'gd-line' } });
  const points = linePoints();
  const [x0, x1, y0, y1] = [-1.1, 1.1, -4, 4];
  const px = (/** @type {number} */ x) => PAD + ((x - x0) / (x1 - x0)) * (W - 2 * PAD);
  const py = (/** @type {number} */ y) => H - PAD - ((y - y0) / (y1 - y0)) * (H - 2 * PAD);

  function draw() {
    if (!canvas.isConnected) return;
    const s = snapshotAt(app.snapshots, app.viewing);
    const theta = s?.weights?.[0]?.[0];
    const ctx = sized(canvas, W, H);
    ctx.strokeStyle = '#aab2c0';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(x0), py(0));
    ctx.lineTo(px(x1), py(0));
    ctx.moveTo(px(0), py(y0));
    ctx.lineTo(px(0), py(y1));
    ctx.stroke();
    ctx.fillStyle = '#5b6475';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText('x', W - PAD + 6, py(0) + 4);
    ctx.fillText('y', px(0) + 6, PAD - 8);
    for (const t of [-1, 1]) ctx.fillText(String(t), px(t) - 4, py(0) + 14);
    for (const t of [-3, 3]) ctx.fillText(String(t), px(0) - 16, py(t) + 4);
    ctx.fillStyle = css(POSITIVE);
    for (const [x, y] of points) {
      ctx.beginPath();
      ctx.arc(px(x), py(y), 3.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (theta !== undefined) {
      ctx.strokeStyle = css(NEGATIVE);
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(px(x0), py(theta * x0));
      ctx.lineTo(px(x1), py(theta * x1));
      ctx.stroke();
      ctx.fillStyle = css(NEGATIVE);
      ctx.font = '13px system-ui, sans-serif';
      ctx.fillText(`ŷ = ${theta.toFixed(3)}·x`, PAD + 4, PAD);
    }
    canvas.dataset.theta = theta === undefined ? '' : String(theta);
    canvas.dataset.step = s ? String(s.epoch) : '';
    sayAttr(canvas, 'aria-label', 'guide.lineAria', { theta: theta === undefined ? '—' : theta.toFixed(3), step: s?.epoch ?? 0 });
  }
  app.on('snapshot', draw);
  app.on('scrub', draw);
  return { el: canvas, draw };
}
