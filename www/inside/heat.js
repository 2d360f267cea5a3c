// @ts-check
// The colours of the network views, as in TensorFlow Playground: a value's sign and size as blue
// (positive) or orange (negative) over white (zero), and small square images of values (a unit's
// response over the plane, a filter, a feature map) drawn cell by cell on a canvas.

/** @type {[number, number, number]} */
export const POSITIVE = [0, 114, 178]; // #0072b2, the page's accent
/** @type {[number, number, number]} */
export const NEGATIVE = [213, 94, 0]; // #d55e00

/**
 * The colour of `v` on a scale where ±`max` is full colour: `[r, g, b]`.
 * @param {number} v
 * @param {number} max
 * @returns {[number, number, number]}
 */
export function heat(v, max) {
  const t = max > 0 && Number.isFinite(v) ? Math.min(1, Math.abs(v) / max) : 0;
  const c = v >= 0 ? POSITIVE : NEGATIVE;
  const mix = (/** @type {number} */ k) => Math.round(255 + (c[k] - 255) * t);
  return [mix(0), mix(1), mix(2)];
}

/** @param {[number, number, number]} rgb */
export const css = ([r, g, b]) => `rgb(${r},${g},${b})`;

/**
 * The largest |value| (at least a tiny number, so a zero image stays white).
 * @param {readonly number[]} values
 * @returns {number}
 */
export const maxAbs = (values) => values.reduce((m, v) => Math.max(m, Math.abs(v) || 0), 1e-9);

/**
 * Draws `values` (`rows × cols`, row-major, value `at(r, c)`) as a `size`-pixel square at `(x, y)`,
 * on the scale ±`max`; `flipY` puts row 0 at the bottom (a grid over the plane); `ink` draws
 * values 0…max as white to black (an image: ink on paper).
 * @param {CanvasRenderingContext2D} ctx
 * @param {(r: number, c: number) => number} at
 * @param {number} rows
 * @param {number} cols
 * @param {{x: number, y: number, size: number, max: number, flipY?: boolean, ink?: boolean}} where
 */
export function tile(ctx, at, rows, cols, { x, y, size, max, flipY = false, ink = false }) {
  const cw = size / cols;
  const ch = size / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = at(r, c);
      const grey = Math.round(255 * (1 - Math.min(1, Math.max(0, v / max))));
      ctx.fillStyle = ink ? css([grey, grey, grey]) : css(heat(v, max));
      const row = flipY ? rows - 1 - r : r;
      ctx.fillRect(x + c * cw, y + row * ch, Math.ceil(cw), Math.ceil(ch));
    }
  }
  ctx.strokeStyle = '#aab2c0';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
}

/**
 * Sizes `canvas` to `width × height` CSS pixels (backing store in device pixels) and returns its
 * context, scaled so drawing is in CSS pixels.
 * @param {HTMLCanvasElement} canvas
 * @param {number} width
 * @param {number} height
 */
export function sized(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
