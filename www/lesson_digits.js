// @ts-check
// Lesson 3's figure: the first digits of the loaded table drawn as the 8×8 images their 64
// columns p0…p63 are (0 = blank, 16 = full ink), each with its label.
import { tile, sized } from './inside/heat.js';
import { el } from './ui.js';

/** @import {App} from './app.js' */

/**
 * The figure: `el` to show, `draw()` redraws it from the table's preview rows.
 * @param {App} app
 */
export function digitsFigure(app) {
  const box = el('div', { className: 'digits', dataset: { testid: 'digit-images' } });
  function draw() {
    const columns = app.table?.columns.map((c) => c.name) ?? [];
    const pixels = Array.from({ length: 64 }, (_, i) => columns.indexOf(`p${i}`));
    const label = columns.indexOf('label');
    if (pixels.includes(-1)) return box.replaceChildren();
    box.replaceChildren(...app.preview.map((row) => {
      const canvas = el('canvas', { className: 'net', role: 'img', ariaLabel: row[label] ?? '' });
      const ctx = sized(canvas, 56, 56);
      tile(ctx, (r, c) => Number(row[pixels[r * 8 + c]]), 8, 8, { x: 0, y: 0, size: 56, max: 16, ink: true });
      return el('figure', {}, canvas, el('figcaption', { translate: 'no' }, row[label] ?? ''));
    }));
  }
  app.on('preview', draw);
  return { el: box, draw };
}
