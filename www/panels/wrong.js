// @ts-check
// The Evaluation panel's "most wrong" table for a text classifier (issue 14): the test sentences
// the model gave the lowest probability to their true class, among those it got wrong, with the
// probability of every class. Sentences are the data's own text: written with textContent only.
// Each row's "Why?" (issue 16) explains the sentence as the Application panel explains a typed one
// (the lab worker's integrated gradients, drawn by www/panels/why_words.js), for a model whose only
// input is that sentence.
import { core, say } from '../i18n.js';
import { lab } from '../lab.js';
import { el, fmt } from '../ui.js';
import { doneParams, showWords } from './why_words.js';

/** @import {App} from '../app.js' */
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

/**
 * The box: hidden until a text classifier's test sentences arrive.
 * @param {App} app
 */
export function wrongBox(app) {
  const note = el('p', { className: 'note' });
  const table = el('table', { className: 'grid', dataset: { testid: 'wrong-table' } });
  const why = whyBox(app);
  const box = el('section', { id: 'most-wrong', hidden: true }, el('h3', { t: 'wrong.title' }), note,
    el('div', { className: 'scroll' }, table), why.el);
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
    why.clear();
    if (!texts || !classes || box.hidden) return;
    // The record explained is the sentence alone: only right when the model reads nothing else.
    const explainable = column !== '' && app.summary?.features.length === 1 && app.summary.features[0] === column;
    const k = classes.length; // the worker's probabilities are flat, [rows × classes]
    const wrong = mostWrong(texts.texts.map((_, i) => texts.probabilities.slice(i * k, (i + 1) * k)), predictions.actual);
    say(note, 'wrong.note', { wrong: wrong.length, rows: texts.texts.length, shown: Math.min(WRONG_ROWS, wrong.length) });
    const head = el('tr', {}, el('th', { scope: 'col', translate: false }, column), el('th', { scope: 'col', t: 'wrong.actual' }),
      el('th', { scope: 'col', t: 'wrong.predicted' }),
      ...classes.map((c) => el('th', { scope: 'col', t: ['wrong.p', { name: c }] })),
      ...(explainable ? [el('th', { scope: 'col', t: 'wrong.whyHead' })] : []));
    const body = wrong.slice(0, WRONG_ROWS).map((r) => el('tr', { dataset: { row: String(r.row) } },
      el('td', { className: 'sentence', translate: false }, texts.texts[r.row]),
      el('td', { translate: false }, classes[r.actual]), el('td', { translate: false }, classes[r.predicted]),
      ...r.probabilities.map((p) => el('td', { className: 'num' }, fmt(p, { decimals: 3 }))),
      ...(explainable ? [el('td', {}, whyButton(() => why.explain(column, texts.texts[r.row])))] : [])));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...body));
  }
  return { el: box, show };
}

/** @param {() => void} onClick */
const whyButton = (onClick) => {
  const b = el('button', { type: 'button', dataset: { testid: 'wrong-why-run' }, t: 'wrong.why' });
  b.addEventListener('click', onClick);
  return b;
};

/**
 * The explanation of one sentence under the table: the Application panel's words, intro and summary.
 * @param {App} app
 */
function whyBox(app) {
  const status = el('p', { className: 'note', role: 'status', ariaLive: 'polite', dataset: { testid: 'wrong-why-status' } });
  const words = el('div', { className: 'why-words', dataset: { testid: 'wrong-why-words' }, tAttr: { 'aria-label': 'why.wordsAria' } });
  const box = el('div', { hidden: true, dataset: { testid: 'wrong-why' } },
    el('h4', { t: 'wrong.whyTitle' }), el('p', { className: 'note', t: 'why.introText' }), status, words);
  let asked = 0;
  const clear = () => {
    asked++;
    box.hidden = true;
    words.replaceChildren();
    delete status.dataset.state;
  };
  app.on('deployed', clear);
  /**
   * Explains `sentence` of feature `column` with the page's model.
   * @param {string} column
   * @param {string} sentence
   */
  async function explain(column, sentence) {
    const mine = ++asked;
    box.hidden = false;
    words.replaceChildren();
    const record = { [column]: sentence.trim() }; // as the Application panel sends a typed one
    status.dataset.state = 'working';
    say(status, 'wrong.whyWorking');
    try {
      const ex = await lab(app, 'explain', { record });
      if (mine !== asked) return; // another row (or run) since: its answer is on its way
      say(status, 'why.doneText', doneParams(ex));
      status.dataset.output = ex.output;
      words.dataset.strongest = showWords(words, record, ex.tokens ?? []);
      status.dataset.state = 'done';
    } catch (e) {
      if (mine !== asked) return;
      status.dataset.state = 'error';
      say(status, core(e instanceof Error ? e.message : String(e)));
    }
  }
  return { el: box, clear, explain };
}
