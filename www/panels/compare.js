// @ts-check
// "Apply best", before and after: the run the user diagnosed and the run retrained with the best
// trial's settings, their loss curves side by side on one scale and the diagnosis of each, with
// the settings that changed — so a verdict that flips says what the change did.
// Export: compareRuns(before, after, settings) → the element to show.
import { diagnosisMessages } from '../text/diagnosis.js';
import { el, fmt } from '../ui.js';

/** @import {Diagnosis, EpochRecord, Settings} from '../types.js' */
/** @typedef {{history: readonly EpochRecord[], diagnosis: Diagnosis}} Run */

const [W, H] = [300, 120];
const COLOURS = { loss: '#0072b2', val_loss: '#d55e00' };

/**
 * Training (blue) and validation (orange) loss per epoch, on the y range `[lo, hi]`.
 * @param {readonly EpochRecord[]} history
 * @param {[number, number]} range
 */
function curves(history, [lo, hi]) {
  const c = el('canvas', { width: W, height: H });
  const ctx = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
  for (const key of /** @type {const} */ (['loss', 'val_loss'])) {
    ctx.beginPath();
    history.forEach((r, i) => {
      const v = r[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const x = (i / Math.max(1, history.length - 1)) * (W - 4) + 2;
      const y = H - 2 - ((v - lo) / (hi - lo || 1)) * (H - 4);
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    });
    ctx.strokeStyle = COLOURS[key];
    ctx.lineWidth = 1.5;
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
    curves(run.history, range),
    el('p', { t: [message.key, message.params] }));
}

/**
 * @param {Run} before the run diagnosed before "Apply best"
 * @param {Run} after the run with the best trial's settings
 * @param {Settings} settings the settings applied
 */
export function compareRuns(before, after, settings) {
  const values = [...before.history, ...after.history].flatMap((r) => [r.loss, r.val_loss])
    .filter((v) => typeof v === 'number' && Number.isFinite(v));
  const range = /** @type {[number, number]} */ ([Math.min(...values, Infinity), Math.max(...values, -Infinity)]);
  const changed = Object.entries(settings).map(([k, v]) => `${k} ${fmt(v, { digits: 3 })}`).join(', ');
  const [b, a] = [before.diagnosis.verdict, after.diagnosis.verdict];
  return el('div', { className: 'kcompare', dataset: { testid: 'search-compare' } },
    el('p', { t: ['opt.compare.applied', { settings: changed }] }),
    el('div', { className: 'sides' }, column('before', before, range), column('after', after, range)),
    el('p', { className: 'note', t: b === a ? ['opt.compare.same', { verdict: { key: `opt.${a}` } }]
      : [`opt.compare.${b}To`, { after: { key: `opt.${a}` } }] }));
}
