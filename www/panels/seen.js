// @ts-check
// "Outside what the model has seen": the Application form's inputs compared with what the training
// rows held (the model card's `seen` per numeric input: the min-max range, or the mean and
// standard deviation of standard scaling). A prediction there is an extrapolation.
import { say } from '../i18n.js';
import { fmt } from '../ui.js';

/** @import {ModelCard} from '../types.js' */
/** @typedef {{key: string, params: {name: string} & Record<string, string | number>}} Outside */

/** Standard scaling keeps no range: beyond this many standard deviations from the mean is far outside. */
export const FAR_SDS = 4;

/**
 * The inputs of `record` outside what the model saw, each as a message naming the value and the range.
 * @param {ModelCard} card
 * @param {Record<string, number | string | null>} record
 * @returns {Outside[]}
 */
export function outsideInputs(card, record) {
  return card.inputs.flatMap(({ name, seen }) => {
    /** @type {Outside[]} */
    const none = [];
    const value = record[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || !seen) return none;
    if ('min' in seen) {
      // The range is in f32 (7.9 is stored as 7.8999996): the data's own extremes are inside.
      const slack = Math.max(Math.abs(seen.min), Math.abs(seen.max), seen.max - seen.min) * 1e-6;
      return value < seen.min - slack || value > seen.max + slack
        ? [{ key: 'apply.outsideRange', params: { name, value: fmt(value), min: fmt(seen.min), max: fmt(seen.max) } }] : none;
    }
    return Math.abs(value - seen.mean) > FAR_SDS * seen.std
      ? [{ key: 'apply.outsideSpread', params: { name, value: fmt(value), mean: fmt(seen.mean), std: fmt(seen.std), k: FAR_SDS } }] : none;
  });
}

/**
 * Shows in `note` which inputs of `record` lie outside what the model has seen (hidden when none).
 * @param {HTMLElement} note
 * @param {ModelCard} card
 * @param {Record<string, number | string | null>} record
 */
export function showOutside(note, card, record) {
  const items = outsideInputs(card, record);
  note.hidden = !items.length;
  if (!items.length) return say(note, null);
  say(note, 'apply.outside', { list: { key: 'apply.warningList', params: Object.fromEntries(items.map((m, i) => [`w${i}`, m])) } });
  note.dataset.inputs = JSON.stringify(items.map((m) => m.params.name));
}
