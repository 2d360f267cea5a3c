// @ts-check
// The drawing pad (part of the Application panel), for a model whose inputs are 64 pixel
// columns (the 8×8 digits): draw with the mouse or a finger; the strokes are made into a 32×32
// bitmap as the UCI optical digits were (the digit scaled to fill the box, centred), cut into 8×8
// blocks of 4×4 whose set pixels are counted (0…16), and the model predicts from those 64 counts
// as you draw, with every class's probability.
import { core, say } from '../i18n.js';
import { sized, tile } from '../inside/heat.js';
import { el, txt } from '../ui.js';
import { drawBars } from './bars.js';

/** @import {App} from '../app.js' */
/** @import {ModelCard, ModelSource} from '../types.js' */

const GRID = 32;
const BLOCK = 4;
const SIDE = 224; // the pad, in CSS pixels
const RADIUS = 2.2; // the pen, in bitmap pixels
const MARGIN = 1;

/** @typedef {[number, number][]} Stroke points in pad pixels */

/**
 * The 32×32 bitmap (row-major, 1 = ink) of `strokes`: their bounding box scaled to fill the box
 * (keeping its shape) and centred, drawn with a round pen.
 * @param {Stroke[]} strokes
 */
export function bitmap(strokes) {
  const points = strokes.flat();
  const bits = new Uint8Array(GRID * GRID);
  if (!points.length) return bits;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (GRID - 2 * (MARGIN + RADIUS)) / Math.max(x1 - x0, y1 - y0, 1);
  /** @param {[number, number]} p @returns {[number, number]} */
  const map = ([x, y]) => [GRID / 2 + (x - (x0 + x1) / 2) * scale, GRID / 2 + (y - (y0 + y1) / 2) * scale];
  const segments = strokes.flatMap((s) => s.map((p, i) => [map(p), map(s[Math.min(i + 1, s.length - 1)])]));
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const [px, py] = [c + 0.5, r + 0.5];
      bits[r * GRID + c] = segments.some(([[ax, ay], [bx, by]]) => {
        const [dx, dy] = [bx - ax, by - ay];
        const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= RADIUS;
      }) ? 1 : 0;
    }
  }
  return bits;
}

/**
 * The 8×8 block counts (0…16, row-major) of a 32×32 bitmap.
 * @param {Uint8Array} bits
 */
export function blocks(bits) {
  const n = GRID / BLOCK;
  const counts = new Array(n * n).fill(0);
  bits.forEach((b, i) => { counts[Math.floor(i / GRID / BLOCK) * n + Math.floor((i % GRID) / BLOCK)] += b; });
  return counts;
}

/**
 * Whether `card` reads 64 numeric pixel columns (named `p0`…`p63`, or any 64 numbers in order).
 * @param {ModelCard | undefined} card
 */
export const readsPixels = (card) => Boolean(card && !card.window && card.inputs.length === 64 && card.inputs.every((i) => i.kind !== 'categorical'));

/**
 * Mounts the pad into `root`; returns the function that shows it for a card that reads pixels.
 * @param {HTMLElement} root
 * @param {App} app
 * @param {() => ModelSource} from
 * @returns {(card: ModelCard | undefined) => void}
 */
export function mountPad(root, app, from) {
  const pad = el('canvas', { className: 'draw-pad', dataset: { testid: 'draw-pad' }, tAttr: { 'aria-label': 'pad.aria' } });
  const seen = el('canvas', { className: 'net', id: 'pad-seen', dataset: { testid: 'pad-seen' }, tAttr: { 'aria-label': 'pad.seen' } });
  const clear = el('button', { type: 'button', dataset: { testid: 'pad-clear' }, t: 'pad.clear' });
  const result = el('p', { dataset: { testid: 'pad-result' }, ariaLive: 'polite', t: 'pad.start' });
  const bars = el('canvas', { width: 360, height: 100, className: 'pad-bars', tAttr: { 'aria-label': 'apply.chart' } });
  root.replaceChildren(el('p', { className: 'note', t: 'pad.about' }),
    el('div', { className: 'pad-row' }, pad, el('figure', {}, seen, el('figcaption', { t: 'pad.seen' }))),
    el('div', { className: 'buttons' }, clear), result, bars);
  /** @type {ModelCard | undefined} */
  let card;
  /** @type {Stroke[]} */
  let strokes = [];
  let seq = 0;
  let waiting = '';
  let dirty = false;

  function paint() {
    const ctx = sized(pad, SIDE, SIDE);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SIDE, SIDE);
    ctx.strokeStyle = '#1d2330';
    ctx.lineWidth = 14;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of strokes) {
      ctx.beginPath();
      s.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      if (s.length === 1) ctx.lineTo(s[0][0] + 0.1, s[0][1]);
      ctx.stroke();
    }
  }

  /** Sends the drawing's 64 counts to the model (one request at a time; the newest drawing wins). */
  function predict() {
    const counts = blocks(bitmap(strokes));
    const small = sized(seen, 96, 96);
    tile(small, (r, c) => counts[r * 8 + c], 8, 8, { x: 0, y: 0, size: 96, max: 16, ink: true });
    result.dataset.pixels = JSON.stringify(counts);
    if (!card || !strokes.length) return;
    if (waiting) { dirty = true; return; }
    waiting = `pad-${++seq}`;
    /** @type {Record<string, number>} */
    const row = {};
    card.inputs.forEach((input, i) => { row[input.name] = counts[Number(input.name.match(/(\d+)$/)?.[1] ?? i)] ?? 0; });
    result.dataset.input = JSON.stringify(row); // the input being predicted (and explained: why.js)
    app.send({ type: 'predict', id: waiting, rows: [row], from: from() });
  }

  app.on('predictions', (msg) => {
    if (msg.id !== waiting) return;
    waiting = '';
    if (dirty) { dirty = false; predict(); return; }
    if (msg.error !== undefined) return say(result, core(msg.error));
    const values = msg.values[0];
    const label = msg.labels?.[0] ?? '';
    result.dataset.label = label;
    result.dataset.values = JSON.stringify(values);
    say(result, 'pad.says', { label, p: `${Math.round(100 * Math.max(...values))}%` });
    if (msg.classes) drawBars(bars, msg.classes, values);
    app.did('apply');
  });

  /** @param {PointerEvent} ev @returns {[number, number]} */
  const at = (ev) => {
    const box = pad.getBoundingClientRect();
    return [((ev.clientX - box.left) / box.width) * SIDE, ((ev.clientY - box.top) / box.height) * SIDE];
  };
  let drawing = false;
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; paint(); predict(); });
  };
  pad.addEventListener('pointerdown', (ev) => {
    drawing = true;
    pad.setPointerCapture?.(ev.pointerId);
    strokes.push([at(ev)]);
    later();
  });
  pad.addEventListener('pointermove', (ev) => {
    if (!drawing) return;
    strokes[strokes.length - 1].push(at(ev));
    later();
  });
  const end = () => { drawing = false; };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
  clear.addEventListener('click', () => {
    strokes = [];
    delete result.dataset.label;
    delete result.dataset.values;
    say(result, 'pad.start');
    bars.getContext('2d')?.clearRect(0, 0, bars.width, bars.height);
    later();
  });

  return (c) => {
    card = readsPixels(c) ? c : undefined;
    root.hidden = !card;
    if (card) later();
  };
}
