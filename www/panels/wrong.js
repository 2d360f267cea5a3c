// @ts-check
// The Evaluation panel's "most wrong" table for a text classifier (issue 14): the test sentences
// the model gave the lowest probability to their true class, among those it got wrong, with the
// probability of every class. Sentences are the data's own text: written with textContent only.
import { say } from '../i18n.js';
import { el, fmt } from '../ui.js';

/** @import {TestPredictions, TestTexts} from '../types.js' */

/** Rows the table shows. */
export const WRONG_ROWS = 10;

/**
 * The test rows the model got wrong, the lowest probability for the true class first (ties in
 * split order): `{row, actual, predicted, probabilities}` with class indices.
 * @param {number[][]} probabilities per test row, per class
 * @param {number[]} actual class index per test row (`test_predictions.actual`)
 * @returns {{row: number, actual: number, predicted: number, probabilities: number[]}[]}
 */
export function mostWrong(probabilities, actual) {
  const rows = probabilities.map((p, row) => {
    const predicted = p.indexOf(Math.max(...p));
    return { row, actual: actual[row], predicted, probabilities: p };
  });
  return rows.filter((r) => r.predicted !== r.actual)
    .sort((a, b) => a.probabilities[a.actual] - b.probabilities[b.actual] || a.row - b.row);
}

/** The box: hidden until a text classifier's test sentences arrive. */
export function wrongBox() {
  const note = el('p', { className: 'note' });
  const table = el('table', { className: 'grid', dataset: { testid: 'wrong-table' } });
  const box = el('section', { id: 'most-wrong', hidden: true }, el('h3', { t: 'wrong.title' }), note, el('div', { className: 'scroll' }, table));
  /**
   * Shows the most wrong rows of `texts` (sentences of column `column`) given `predictions`
   * (both of the same run), or hides.
   * @param {TestTexts | null} texts
   * @param {TestPredictions | null} predictions
   * @param {string} [column]
   */
  function show(texts, predictions, column = '') {
    const classes = predictions?.classes;
    box.hidden = !texts || !classes || texts.texts.length !== predictions.actual.length
      || texts.probabilities.length !== texts.texts.length * classes.length;
    if (!texts || !classes || box.hidden) return;
    const k = classes.length; // the worker's probabilities are flat, [rows × classes]
    const wrong = mostWrong(texts.texts.map((_, i) => texts.probabilities.slice(i * k, (i + 1) * k)), predictions.actual);
    say(note, 'wrong.note', { wrong: wrong.length, rows: texts.texts.length, shown: Math.min(WRONG_ROWS, wrong.length) });
    const head = el('tr', {}, el('th', { scope: 'col', translate: false }, column), el('th', { scope: 'col', t: 'wrong.actual' }),
      el('th', { scope: 'col', t: 'wrong.predicted' }),
      ...classes.map((c) => el('th', { scope: 'col', t: ['wrong.p', { name: c }] })));
    const body = wrong.slice(0, WRONG_ROWS).map((r) => el('tr', { dataset: { row: String(r.row) } },
      el('td', { className: 'sentence', translate: false }, texts.texts[r.row]),
      el('td', { translate: false }, classes[r.actual]), el('td', { translate: false }, classes[r.predicted]),
      ...r.probabilities.map((p) => el('td', { className: 'num' }, fmt(p, { decimals: 3 })))));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
  }
  return { el: box, show };
}
