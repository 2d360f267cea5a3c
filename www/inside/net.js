// @ts-check
// A small dense network drawn as TensorFlow Playground draws it, from the core's real weights:
// one column per layer, a line per weight (blue positive, orange negative, thicker = larger |w|)
// and, when the model reads two inputs, each unit as a small image of its output over the plane
// of those inputs (from the worker's `layers` snapshot); otherwise each unit is a dot coloured
// by its bias.
import { css, heat, maxAbs, sized, tile } from './heat.js';

/** @import {ConfiguredSummary, DeepReadonly, Experiment} from '../types.js' */

const MAX_INPUTS = 16;
const MAX_UNITS = 32;

/**
 * The sizes `[inputs, units of each dense layer…]` of a network small enough to draw (dense and
 * dropout layers only, ≤ 16 inputs, ≤ 32 units a layer), or null.
 * @param {ConfiguredSummary} summary
 * @param {DeepReadonly<Experiment>} experiment
 * @returns {number[] | null}
 */
export function netShape(summary, experiment) {
  const layers = experiment.model?.layers ?? [];
  if (!summary.layers.length || summary.layers.some((l) => l.kind !== 'dense' && l.kind !== 'dropout')) return null;
  const first = summary.layers.findIndex((l) => l.kind === 'dense');
  if (first < 0) return null;
  const units = summary.layers[first].output_shape[0];
  const inputs = (summary.layers[first].params - (layers[first]?.use_bias === false ? 0 : units)) / units;
  const sizes = [inputs, ...summary.layers.filter((l) => l.kind === 'dense').map((l) => l.output_shape[0])];
  return sizes[0] <= MAX_INPUTS && sizes.every((n) => n <= MAX_UNITS) ? sizes : null;
}

/**
 * Each dense layer's kernel (`[in, out]` row-major) and bias (null without one), from the
 * worker's `weights` list, with the layer's index in the model.
 * @param {DeepReadonly<Experiment>} experiment
 * @param {readonly (readonly number[])[]} weights
 */
export function denseWeights(experiment, weights) {
  /** @type {{kernel: readonly number[], bias: readonly number[] | null, layer: number}[]} */
  const out = [];
  let k = 0;
  (experiment.model?.layers ?? []).forEach((l, layer) => {
    if (l.type !== 'dense') return;
    const kernel = weights[k++];
    out.push({ kernel, bias: l.use_bias === false ? null : weights[k++], layer });
  });
  return out;
}

/**
 * @typedef {object} NetPicture
 * @property {number[]} sizes from netShape
 * @property {string[]} inputs the input names (drawn as data, untranslated)
 * @property {string[]} outputs the output names (classes, or the target)
 * @property {ReturnType<typeof denseWeights>} dense
 * @property {readonly (readonly number[])[] | null} [grid] the snapshot's `layers` (inputs first)
 * @property {number} [gridSize]
 */

const PAD = 10;
const LABEL = 120;

/**
 * `text` as it fits in `width` pixels of `ctx`'s font: whole, or cut with an ellipsis.
 * @param {CanvasRenderingContext2D} ctx
 * @param {string} text
 * @param {number} width
 */
function fit(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let n = text.length;
  while (n > 1 && ctx.measureText(`${text.slice(0, n)}…`).width > width) n--;
  return `${text.slice(0, n)}…`;
}

/**
 * Draws `net` on `canvas`; returns the weights' range `[min, max]` (for the text alternative).
 * @param {HTMLCanvasElement} canvas
 * @param {NetPicture} net
 */
export function drawNet(canvas, net) {
  const tiles = Boolean(net.grid && net.gridSize);
  const node = tiles ? 30 : 16;
  const gap = tiles ? 8 : 10;
  const colW = tiles ? 130 : 100;
  const tallest = Math.max(...net.sizes);
  const height = PAD * 2 + tallest * (node + gap) - gap;
  const width = LABEL + PAD + (net.sizes.length - 1) * colW + node + PAD + LABEL;
  const ctx = sized(canvas, width, height);
  /** @param {number} l @param {number} i the top-left corner of unit i of column l */
  const at = (l, i) => {
    const n = net.sizes[l];
    const top = (height - (n * (node + gap) - gap)) / 2;
    return { x: LABEL + PAD + l * colW, y: top + i * (node + gap) };
  };
  const all = net.dense.flatMap((d) => d.kernel);
  const maxW = maxAbs(all);
  // The weights, under the units.
  net.dense.forEach((d, l) => {
    const [ins, outs] = [net.sizes[l], net.sizes[l + 1]];
    for (let i = 0; i < ins; i++) {
      for (let j = 0; j < outs; j++) {
        const w = d.kernel[i * outs + j];
        const a = at(l, i);
        const b = at(l + 1, j);
        ctx.strokeStyle = css(heat(w, maxW));
        ctx.lineWidth = 0.5 + (5 * Math.abs(w)) / maxW;
        ctx.beginPath();
        ctx.moveTo(a.x + node, a.y + node / 2);
        ctx.lineTo(b.x, b.y + node / 2);
        ctx.stroke();
      }
    }
  });
  // The units: their output over the plane, or a dot coloured by the bias.
  net.sizes.forEach((n, l) => {
    const values = tiles ? /** @type {readonly number[]} */ (/** @type {any} */ (net.grid)[l === 0 ? 0 : net.dense[l - 1].layer + 1]) : null;
    const bias = l > 0 ? net.dense[l - 1].bias : null;
    const maxB = bias ? maxAbs(bias) : 1;
    for (let i = 0; i < n; i++) {
      const { x, y } = at(l, i);
      if (values) {
        const size = /** @type {number} */ (net.gridSize);
        const at = (/** @type {number} */ r, /** @type {number} */ c) => values[(r * size + c) * n + i];
        // Each unit on its own scale, so every unit's shape shows (its sign is what the colour says).
        let max = 1e-9;
        for (let k = 0; k < size * size; k++) max = Math.max(max, Math.abs(values[k * n + i]));
        tile(ctx, at, size, size, { x, y, size: node, max, flipY: true });
      } else {
        ctx.beginPath();
        ctx.arc(x + node / 2, y + node / 2, node / 2, 0, 2 * Math.PI);
        ctx.fillStyle = bias ? css(heat(bias[i], maxB)) : '#fff';
        ctx.fill();
        ctx.strokeStyle = '#5b6475';
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
  });
  // The names of the inputs and outputs (data: as they are).
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#1d2330';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  net.inputs.slice(0, net.sizes[0]).forEach((name, i) => ctx.fillText(fit(ctx, name, LABEL - 6), LABEL, at(0, i).y + node / 2));
  ctx.textAlign = 'left';
  const last = net.sizes.length - 1;
  net.outputs.slice(0, net.sizes[last]).forEach((name, i) => ctx.fillText(fit(ctx, name, LABEL - 6), at(last, i).x + node + 6, at(last, i).y + node / 2));
  return all.length ? [Math.min(...all), Math.max(...all)] : [0, 0];
}
