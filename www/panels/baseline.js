// @ts-check
// The honest comparison beside a forecast's metrics (Evaluation panel): the model's test RMSE and
// MAE next to the naive persistence forecast's (next = the last known value) on the same test
// windows, in the target's units, and for a price series the RMSE of the returns; then one
// sentence saying plainly whether the model beats persistence. The core computes every number.
import { say } from '../i18n.js';
import { el, fmt } from '../ui.js';

/** @import {Evaluation} from '../types.js' */

/** The rows: label key, the model's metric, persistence's (keys of Evaluation). */
const ROWS = [
  ['base.rmse', 'rmse', 'persistence_rmse'],
  ['base.mae', 'mae', 'persistence_mae'],
  ['base.returns', 'returns_rmse', 'persistence_returns_rmse'],
];

/** The box to append to the panel, and `show(ev, target)` (hides it without a baseline). */
export function baselineBox() {
  const body = el('tbody');
  const verdict = el('p', { dataset: { testid: 'baseline-verdict' } });
  const box = el('section', { id: 'baseline', hidden: true },
    el('h3', { t: 'base.title' }),
    el('table', { className: 'grid' },
      el('thead', {}, el('tr', {}, el('th'), el('th', { t: 'base.model' }), el('th', { t: 'base.persistence' }))),
      body),
    verdict);

  /** @param {Evaluation | null} ev @param {string} target the target column's name */
  function show(ev, target) {
    const values = /** @type {Record<string, unknown>} */ (ev ?? {});
    box.hidden = typeof values.persistence_rmse !== 'number';
    if (box.hidden || !ev) return;
    body.replaceChildren(...ROWS.filter(([, m]) => typeof values[m] === 'number').map(([label, ...keys]) =>
      el('tr', {}, el('th', { t: [label, { target }] }),
        ...keys.map((k) => el('td', { dataset: { testid: `metric-${k}` } }, fmt(values[k], { decimals: 4 }))))));
    const [model, naive] = [ev.rmse ?? Infinity, ev.persistence_rmse ?? 0];
    const beats = model < naive;
    verdict.dataset.beats = String(beats);
    const pct = beats ? (naive - model) / naive : (model - naive) / model;
    say(verdict, beats ? 'base.beats' : 'base.loses', { pct: fmt(100 * pct, { decimals: 1 }) });
  }
  return { el: box, show };
}
