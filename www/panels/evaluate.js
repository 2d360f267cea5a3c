// Evaluation on the held-out test rows: the metrics, then the chart that fits the task — a
// confusion-matrix heatmap, predicted against actual, or the series with the forecast — and a
// decision-boundary map when the model reads exactly two numeric features.
import { drawBoundary, drawConfusion, drawPredictions } from '../chart.js';
import { el } from '../ui.js';

const METRICS = [
  ['accuracy', 'Accuracy'], ['precision', 'Macro precision'], ['recall', 'Macro recall'], ['f1', 'Macro F1'],
  ['rmse', 'RMSE'], ['mae', 'MAE'], ['r2', 'R²'], ['loss', 'Loss'],
];

/** Macro-averaged precision and recall from `confusion[actual][predicted]` counts. */
export function precisionRecall(confusion) {
  const k = confusion.length;
  const col = (j) => confusion.reduce((s, row) => s + row[j], 0);
  const row = (i) => confusion[i].reduce((s, v) => s + v, 0);
  const mean = (f) => confusion.reduce((s, _, i) => s + f(i), 0) / k;
  return {
    precision: mean((i) => (col(i) ? confusion[i][i] / col(i) : 0)),
    recall: mean((i) => (row(i) ? confusion[i][i] / row(i) : 0)),
  };
}

/**
 * Fills `list` (a `<dl>`) with evaluation `ev`'s metrics, one `[data-testid=metric-NAME]` each (only
 * those named in `only`, when given), and `note` with what they were measured on.
 */
export function showMetrics(list, note, ev, only = null) {
  const values = { ...ev, ...(ev.confusion ? precisionRecall(ev.confusion) : {}) };
  const shown = METRICS.filter(([key]) => typeof values[key] === 'number' && (!only || only.includes(key)));
  list.replaceChildren(...shown.map(([key, label]) =>
    el('div', { className: 'metric' }, el('dt', {}, label),
      el('dd', { dataset: { testid: `metric-${key}` } }, Number(values[key].toFixed(4)).toString()))));
  note.textContent = ev.rows
    ? `On ${ev.rows} held-out test rows the model never trained on.`
    : 'No test rows: set a test fraction above 0 to measure the model honestly.';
}

/** Empties the metrics `list` and says how to fill it. */
export function clearMetrics(list, note) {
  list.replaceChildren();
  note.textContent = 'Train the model to see how it does on held-out test rows.';
}

const isSeries = (e) => Boolean(e?.data?.window) || e?.data?.split?.method === 'chronological';

export function mount(root, app) {
  const metrics = el('dl', { id: 'metrics', className: 'metrics' });
  const note = el('p', { id: 'metrics-note', className: 'note' }, 'Train the model to see how it does on held-out test rows.');
  const main = el('canvas', { id: 'eval-chart', role: 'img', hidden: true });
  const boundary = el('canvas', { id: 'boundary-chart', role: 'img', hidden: true,
    ariaLabel: 'decision boundary: the predicted class over the two features, test rows on top' });
  const boundaryNote = el('p', { className: 'note', id: 'boundary-note' });
  root.append(metrics, note, main, boundary, boundaryNote);

  function draw() {
    if (app.node !== 'evaluate') return;
    const ev = app.evaluation;
    main.hidden = !ev?.rows;
    if (ev?.confusion) {
      main.setAttribute('aria-label', 'confusion matrix: actual class down, predicted class across');
      drawConfusion(main, ev.confusion, app.summary?.classes);
    } else if (app.predictions && app.predictions.task !== 'classification') {
      const series = isSeries(app.experiment);
      main.setAttribute('aria-label', series ? 'the test series with the forecast overlaid' : 'predicted against actual value per test row');
      drawPredictions(main, app.predictions, series);
    }
    boundary.hidden = !app.grid;
    boundaryNote.textContent = app.grid ? '' : (ev ? 'A decision-boundary map appears for classifiers on exactly two numeric features.' : '');
    if (app.grid) drawBoundary(boundary, app.grid);
  }

  app.on('evaluation', (ev) => {
    showMetrics(metrics, note, ev);
    if (!ev.rows) return draw();
    app.send({ type: 'test_predictions' });
    if (ev.confusion && app.summary?.features.length === 2) app.send({ type: 'grid', size: 60 });
    draw();
  });
  app.on('test_predictions', draw);
  app.on('grid', draw);
  app.on('navigate', draw);
  app.on('experiment', () => {
    clearMetrics(metrics, note);
    main.hidden = true;
    boundary.hidden = true;
    boundaryNote.textContent = '';
  });
}
