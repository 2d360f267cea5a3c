// @ts-check
// Pages of named things for a wide file (issue 13 item 9): the columns table's rows and the
// Application form's inputs, 100 at a time with previous / next, and a box that finds them by
// name, so any of 10,000 columns can be reached (chosen as the target, ticked, filled in) without
// drawing them all.
import { say } from '../i18n.js';
import { el } from '../ui.js';

/** Rows shown at once: a wider file is shown a page at a time (a table of 10,000 rows took the
 * browser seconds to lay out; 100 rows draw in ~30 ms). */
export const PAGE_ROWS = 100;

/**
 * Where a pager stands: the first row shown and the text in its find box.
 * @typedef {{at: number, find: string}} Place
 */

/**
 * The items whose name contains `find` (ignoring case), or all of them for an empty `find`.
 * @template {{name: string}} T
 * @param {readonly T[]} items
 * @param {string} find
 */
export function matching(items, find) {
  const q = find.trim().toLowerCase();
  return q ? items.filter((c) => c.name.toLowerCase().includes(q)) : items;
}

/**
 * A pager over `items` (columns, or inputs named after them): `show(page)` is called with the
 * items of the page to draw. Returns the controls (none when one page holds them all; test ids
 * `PREFIX-prev`, `-next`, `-page`, `-find`) and `draw()`, which shows the page at `place`.
 * @template {{name: string}} T
 * @param {readonly T[]} items
 * @param {Place} place changed in place as the user pages or finds
 * @param {(page: readonly T[]) => void} show
 * @param {string} prefix
 */
export function namePager(items, place, show, prefix) {
  const prev = el('button', { type: 'button', className: 'small', dataset: { testid: `${prefix}-prev` }, t: 'col.prevPage' });
  const next = el('button', { type: 'button', className: 'small', dataset: { testid: `${prefix}-next` }, t: 'col.nextPage' });
  const where = el('span', { className: 'note', ariaLive: 'polite', dataset: { testid: `${prefix}-page` } });
  const find = el('input', { type: 'search', value: place.find, dataset: { testid: `${prefix}-find` },
    tAttr: { placeholder: 'col.find', 'aria-label': 'col.find' } });
  let found = matching(items, place.find);
  const draw = () => {
    const n = found.length;
    show(found.slice(place.at, place.at + PAGE_ROWS));
    const range = { from: Math.min(place.at + 1, n), to: Math.min(place.at + PAGE_ROWS, n), n };
    if (!place.find.trim()) say(where, 'col.page', range);
    else if (n) say(where, 'col.pageFound', { ...range, find: place.find.trim() });
    else say(where, 'col.noneFound', { find: place.find.trim() });
    prev.disabled = place.at === 0;
    next.disabled = place.at + PAGE_ROWS >= n;
  };
  prev.addEventListener('click', () => { place.at = Math.max(0, place.at - PAGE_ROWS); draw(); });
  next.addEventListener('click', () => { place.at += PAGE_ROWS; draw(); });
  find.addEventListener('input', () => {
    place.find = find.value;
    place.at = 0;
    found = matching(items, place.find);
    draw();
  });
  const controls = items.length > PAGE_ROWS ? [el('div', { className: 'row pager' }, prev, where, next, find)] : [];
  return { controls, draw };
}
