// @ts-check
// "Apply best", before and after: the run the user diagnosed and the run retrained with the best
// trial's settings, their loss curves side by side on one scale and the diagnosis of each, with
// the settings that changed — so a verdict that flips says what the change did.
// Exports: compareRuns(before, after, settings) → the element to show; lossCurves(...) → a canvas.
import { diagnosisMessages } from '../text/diagnosis.js';
import { el, fmt, txt } from '../ui.js';

/** @import {Diagnosis, EpochRecord} from '../types.js' */
/** @import {Settings} from '../types_workers.js' */
/** @typedef {{history: readonly EpochRecord[], diagnosis: Diagnosis}} Run */

/**
 * Training (blue) and validation (orange) loss per epoch on one scale: `range`, or the curves' own.
 * Also the search table's sparklines.
 * @param {readonly (number | null | undefined)[]} loss
 * @param {readonly (number | null | undefined)[]} valLoss
 * @param {number} width @param {number} height
 * @param {[number, number]} [range]
 */
export function lossCurves(loss, valLoss, width, height, range) {
  const c = el('canvas', { width, height });
  /** @type {[readonly (number | null | undefined)[], string][]} */
  const series = [[loss, '#0072b2'], [valLoss, '#d55e00']];
  const drawn = series.filter(([v]) => v.length > 1);
  const all = /** @type {number[]} */ (drawn.flatMap(([v]) => v).filter((v) => typeof v === 'number' && Number.isFinite(v)));
  if (!all.length) return c;
  const [lo, hi] = range ?? [Math.min(...all), Math.max(...all)];
  const ctx = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
  for (const [values, colour] of drawn) {
    ctx.beginPath();
    values.forEach((v, i) => {
      const x = (i / (values.length - 1)) * (width - 2) + 1;
      const y = height - 1 - (((v ?? NaN) - lo) / (hi - lo || 1)) * (height - 2);
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    });
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  return c;
}

/**
 * One side: title, curves, verdict and the diagnosis's sentence.
 * @param {'before' | 'after'} side
 * @param {Run} run
 * @param {[number, number]} range
 */
function column(side, run, range) {
  const d = run.diagnosis;
  const { message } = diagnosisMessages(d, run.history);
  return el('div', { className: 'side', dataset: { testid: `compare-${side}`, verdict: d.verdict } },
    el('strong', { t: [`opt.compare.${side}`, { verdict: { key: `opt.${d.verdict}` }, epochs: run.history.length }] }),
    lossCurves(run.history.map((r) => r.loss), run.history.map((r) => r.val_loss), 300, 120, range),
    el('p', { t: [message.key, message.params] }));
}

/**
 * @param {Run} before the run diagnosed before "Apply best"
 * @param {Run} after the run with the best trial's settings
 * @param {Settings} settings the settings applied
 */
export function compareRuns(before, after, settings) {
  const values = /** @type {number[]} */ ([...before.history, ...after.history].flatMap((r) => [r.loss, r.val_loss])
    .filter((v) => typeof v === 'number' && Number.isFinite(v)));
  const range = /** @type {[number, number]} */ ([Math.min(...values, Infinity), Math.max(...values, -Infinity)]);
  // Each knob in the page's language, with its value.
  const changed = Object.entries(settings).flatMap(([k, v], i) => [i ? ', ' : ' ', txt(`knob.${k}`), ` ${fmt(v, { digits: 3 })}`]);
  const [b, a] = [before.diagnosis.verdict, after.diagnosis.verdict];
  return el('div', { className: 'kcompare', dataset: { testid: 'search-compare' } },
    el('p', {}, txt('opt.compare.applied'), ...changed),
    el('div', { className: 'sides' }, column('before', before, range), column('after', after, range)),
    el('p', { className: 'note', t: b === a ? ['opt.compare.same', { verdict: { key: `opt.${a}` } }]
      : [`opt.compare.${b}To`, { after: { key: `opt.${a}` } }] }));
}
