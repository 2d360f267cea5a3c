// @ts-check
// A small CNN from the inside: one test image, the first conv2d layer's learned filters (its
// kernel, from the core's weights) and what each filter answers on that image (the layer's
// feature maps), then the same maps after the pooling layer that follows, one column per filter.
import { maxAbs, sized, tile } from './heat.js';

/** Weight tensors per layer type (with a bias; `use_bias: false` has one fewer). @type {Record<string, number>} */
const TENSORS = { dense: 2, conv2d: 2, lstm: 3, gru: 3 };

/** @import {ConfiguredSummary, DeepReadonly, Experiment} from '../types.js' */

/**
 * Where the first conv2d layer is: its index, the index of its kernel in the `weights` list, the
 * kernel size, input channels and filters, the image's shape, and the shapes after it and after
 * the layer that follows (a pooling layer, or null). Null for a model without one.
 * @param {ConfiguredSummary} summary
 * @param {DeepReadonly<Experiment>} experiment
 */
export function convInfo(summary, experiment) {
  const layers = experiment.model?.layers ?? [];
  const index = summary.layers.findIndex((l) => l.kind === 'conv2d');
  if (index < 0) return null;
  let kernel = 0;
  for (const l of layers.slice(0, index)) kernel += (TENSORS[l.type] ?? 0) - (l.use_bias === false ? 1 : 0);
  const image = index > 0 ? summary.layers[index - 1].output_shape : [];
  const maps = summary.layers[index].output_shape;
  const next = summary.layers[index + 1];
  return {
    index, kernel, k: Number(layers[index]?.kernel_size), image, maps,
    pooled: next?.kind === 'max_pool2d' ? next.output_shape : null,
  };
}

const TILE = 52;
const GAP = 8;

/**
 * Value `(r, c)` of channel `ch` in an `[h, w, channels]` image flattened channels-fastest.
 * @param {readonly number[]} data
 * @param {readonly number[]} shape
 * @param {number} ch
 */
const channel = (data, [, w, n], ch) => (/** @type {number} */ r, /** @type {number} */ c) => data[(r * w + c) * n + ch];

/**
 * Draws the image (input channel 0) on `image`, the filters (input channel 0 of each) on
 * `filters`, and the feature maps on `maps` and `pooled` (each scaled to its own layer's largest
 * value). `activations` is the snapshot's `[input, layer 1, …]`.
 * @param {{image: HTMLCanvasElement, filters: HTMLCanvasElement, maps: HTMLCanvasElement, pooled: HTMLCanvasElement}} canvases
 * @param {NonNullable<ReturnType<typeof convInfo>>} info
 * @param {readonly (readonly number[])[]} weights
 * @param {readonly (readonly number[])[]} activations
 */
export function drawCnn(canvases, info, weights, activations) {
  const [h, w, c] = info.image.length === 3 ? info.image : [info.image[0], info.image[1] ?? 1, 1];
  const pixels = activations[info.index]; // the conv layer's input (after the reshape)
  const img = sized(canvases.image, 96, 96);
  tile(img, channel(pixels, [h, w, c], 0), h, w, { x: 0, y: 0, size: 96, max: maxAbs(pixels), ink: true });
  const filters = info.maps[2];
  const row = (/** @type {HTMLCanvasElement} */ canvas) => sized(canvas, filters * (TILE + GAP) - GAP, TILE);
  const kernel = weights[info.kernel];
  const kmax = maxAbs(kernel);
  const fctx = row(canvases.filters);
  for (let f = 0; f < filters; f++) {
    // kernel [k, k, c, filters] row-major: (r, col, 0, f)
    tile(fctx, (r, col) => kernel[((r * info.k + col) * c) * filters + f], info.k, info.k, { x: f * (TILE + GAP), y: 0, size: TILE, max: kmax });
  }
  /** @param {HTMLCanvasElement} canvas @param {readonly number[]} data @param {readonly number[]} shape */
  const maps = (canvas, data, shape) => {
    const ctx = row(canvas);
    const max = maxAbs(data);
    for (let f = 0; f < filters; f++) tile(ctx, channel(data, shape, f), shape[0], shape[1], { x: f * (TILE + GAP), y: 0, size: TILE, max });
  };
  maps(canvases.maps, activations[info.index + 1], info.maps);
  canvases.pooled.hidden = !info.pooled;
  if (info.pooled) maps(canvases.pooled, activations[info.index + 2], info.pooled);
}
