// @ts-check
// Evaluation on the held-out test rows: the metrics, then the chart that fits the task — a
// confusion-matrix heatmap, predicted against actual, or the series with the forecast — and a
// decision-boundary map when the model reads exactly two numeric features; for a text classifier
// the test sentences it got most wrong.
import { drawBoundary, drawConfusion, drawPredictions } from '../chart.js';
import { say, sayAttr } from '../i18n.js';
import { el, fmt } from '../ui.js';
import { baselineBox } from './baseline.js';
import { fromFileBox } from './from_file.js';
import { importanceBox } from './importance.js';
import { textFeatures } from './text_settings.js';
import { wrongBox } from './wrong.js';

/** @import {App} from '../app.js' */
/** @import {DeepReadonly, Evaluation, Experiment} from '../types.js' */

/** The metrics in the order shown (their names are the catalog's `metric.NAME`). */
const METRICS = ['accuracy', 'precision', 'recall', 'f1', 'rmse', 'mae', 'r2', 'loss'];

/**
 * Fills `list` (a `<dl>`) with evaluation `ev`'s metrics, one `[data-testid=metric-NAME]` each (only
 * those named in `only`, when given), and `note` with what they were measured on. Precision and
 * recall are the core's macro averages (`macro_avg`: over the classes that occur in the test rows
 * or their predictions, as scikit-learn's), the same numbers as `kindling train` and the model file.
 * @param {HTMLElement} list
 * @param {HTMLElement} note
 * @param {Evaluation} ev
 * @param {string[] | null} [only]
 */
export function showMetrics(list, note, ev, only = null) {
  /** @type {Record<string, unknown>} */
  const values = { ...ev, precision: ev.macro_avg?.precision, recall: ev.macro_avg?.recall };
  const shown = METRICS.filter((key) => typeof values[key] === 'number' && (!only || only.includes(key)));
  list.replaceChildren(...shown.map((key) =>
    el('div', { className: 'metric' }, el('dt', { t: `metric.${key}` }),
      el('dd', { dataset: { testid: `metric-${key}` } }, fmt(values[key], { decimals: 4 })))));
  say(note, ev.rows ? 'eval.on' : 'eval.noTest', { rows: ev.rows });
}

/**
 * Empties the metrics `list` and says how to fill it.
 * @param {HTMLElement} list
 * @param {HTMLElement} note
 */
export function clearMetrics(list, note) {
  list.replaceChildren();
  say(note, 'eval.trainFirst');
}

/** @param {DeepReadonly<Experiment> | null} e */
export const isSeries = (e) => Boolean(e?.data?.window) || e?.data?.split?.method === 'chronological';

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const metrics = el('dl', { id: 'metrics', className: 'metrics' });
  const note = el('p', { id: 'metrics-note', className: 'note', t: 'eval.trainFirst' });
  const main = el('canvas', { id: 'eval-chart', role: 'img', hidden: true });
  const boundary = el('canvas', { id: 'boundary-chart', role: 'img', hidden: true, tAttr: { 'aria-label': 'eval.boundaryAria' } });
  const boundaryNote = el('p', { className: 'note', id: 'boundary-note' });
  const baseline = baselineBox();
  const wrong = wrongBox(app);
  /** The current run's test sentences with their probabilities (`test_texts`), or null. @type {import('../types.js').TestTexts} */
  let texts = null;
  root.append(metrics, note, baseline.el, main, boundary, boundaryNote, wrong.el, importanceBox(app));

  function draw() {
    if (app.node !== 'evaluate') return;
    const ev = app.evaluation;
    main.hidden = !ev?.rows;
    if (ev?.confusion) {
      sayAttr(main, 'aria-label', 'eval.confusionAria');
      drawConfusion(main, ev.confusion, app.summary?.classes);
    } else if (app.predictions && app.predictions.task !== 'classification') {
      const series = isSeries(app.experiment);
      sayAttr(main, 'aria-label', series ? 'eval.seriesAria' : 'eval.scatterAria');
      drawPredictions(main, app.predictions, series);
    }
    const grid = app.grid;
    boundary.hidden = !grid;
    say(boundaryNote, grid || !ev ? null : 'eval.boundaryNote');
    if (grid) drawBoundary(boundary, grid);
  }

  app.on('evaluation', (ev) => {
    showMetrics(metrics, note, ev);
    baseline.show(ev, app.summary?.target ?? '');
    if (!ev.rows) return draw();
    app.send({ type: 'test_predictions' });
    if (ev.confusion && app.summary?.features.length === 2) app.send({ type: 'grid', size: 60 });
    if (ev.confusion) app.send({ type: 'test_texts' });
    draw();
  });
  // The sentences are the first text feature's (the worker's `test_texts`).
  const showWrong = () => wrong.show(texts, app.predictions, app.experiment?.data ? textFeatures(app.table, app.experiment.data)[0] : '');
  app.on('test_predictions', () => { showWrong(); draw(); });
  app.on('test_texts', (msg) => { texts = msg.texts; showWrong(); });
  app.on('grid', draw);
  app.on('navigate', draw);
  app.on('experiment', () => {
    clearMetrics(metrics, note);
    baseline.show(null, '');
    main.hidden = true;
    boundary.hidden = true;
    say(boundaryNote, null);
    texts = null;
    wrong.show(null, null);
  });
  // After the panel's own listeners: an opened model's figures replace the cleared ones.
  root.insertBefore(fromFileBox(app, { metrics, note, chart: main }), baseline.el);
}
