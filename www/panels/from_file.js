// @ts-check
// "From the model file" in the Evaluation panel: while the page shows an opened model's state
// (www/model_open.js), the panel's metrics and confusion matrix are the file's `metrics.test`,
// with its loss history; "Evaluate on the loaded data" measures the opened weights again on the
// test rows of the data loaded now (lab worker, or for a recommender the recommendation worker's
// `evaluate_opened`: the file's split and seed pick the same rows).
import { drawConfusion, drawLoss } from '../chart.js';
import { say, sayAttr } from '../i18n.js';
import { lab, labTask } from '../lab.js';
import { onOpenedChange, openedModel } from '../model_open.js';
import { el } from '../ui.js';
import { showMetrics } from './evaluate.js';

/** @import {App} from '../app.js' */
/** @import {Evaluation, RecommendReply} from '../types.js' */

/** Requests the recommendation worker has not answered yet, by id. @type {Map<string, (msg: RecommendReply) => void>} */
const pending = new Map();
let seq = 0;

/**
 * The opened recommender measured on the test rows of the data loaded now (the recommendation
 * worker's `evaluate_opened`).
 * @param {App} app
 * @returns {Promise<Evaluation>}
 */
function evaluateOpened(app) {
  const id = `opened-${++seq}`;
  return new Promise((resolve, reject) => {
    pending.set(id, (msg) => (msg.error !== undefined ? reject(new Error(msg.error)) : resolve(/** @type {Evaluation} */ (msg))));
    app.send({ type: 'evaluate_opened', id });
  });
}

/**
 * The section; `metrics`, `note` and `chart` are the Evaluation panel's own (the file's figures
 * show where a run's would).
 * @param {App} app
 * @param {{metrics: HTMLElement, note: HTMLElement, chart: HTMLCanvasElement}} panel
 * @returns {HTMLElement}
 */
export function fromFileBox(app, { metrics, note, chart }) {
  const intro = el('p', { className: 'note', dataset: { testid: 'file-metrics' } });
  const loss = el('canvas', { id: 'file-loss-chart', role: 'img', tAttr: { 'aria-label': 'open.lossAria' } });
  const again = el('button', { type: 'button', dataset: { testid: 'file-evaluate' }, t: 'open.evaluate' });
  const status = el('p', { className: 'note', role: 'status', dataset: { testid: 'file-evaluate-status' } });
  const trainNew = el('p', { className: 'note', t: 'open.trainNew' });
  app.on('evaluate_opened', (msg) => {
    const done = pending.get(msg.id ?? '');
    pending.delete(msg.id ?? '');
    done?.(msg);
  });
  const box = el('section', { hidden: true, dataset: { testid: 'from-file' } },
    el('h3', { t: 'open.title' }), intro, loss, el('div', { className: 'buttons' }, again), status, trainNew);

  /** Whether the page shows the opened model's state now. */
  const current = () => {
    const o = openedModel();
    return o && !o.trained && (o.waiting || o.run === app.run) ? o : null;
  };
  function show() {
    const o = current();
    box.hidden = !o;
    say(status, null);
    delete status.dataset.state;
    delete status.dataset.result;
    if (!o) return;
    const test = o.file.metrics?.test;
    const history = o.file.metrics?.history ?? [];
    // The test rows: a number, or (a recommender's file) the split's [train, validation, test].
    const rows = [test?.rows, o.file.metrics?.rows].flat().filter((n) => typeof n === 'number').at(-1) ?? 0;
    say(intro, 'open.intro', { name: o.name, epochs: history.length, rows, int8: Boolean(o.file.quantization) });
    again.disabled = o.waiting;
    if (test) {
      showMetrics(metrics, note, { ...test, rows });
      say(note, 'open.fromFile', { name: o.name, rows });
    }
    chart.hidden = !test?.confusion;
    if (test?.confusion) {
      sayAttr(chart, 'aria-label', 'eval.confusionAria');
      drawConfusion(chart, test.confusion, o.file.preprocessing?.classes ?? null);
    }
    loss.hidden = !history.length;
    if (history.length && app.node === 'evaluate') drawLoss(loss, history);
  }
  onOpenedChange(show);
  app.on('experiment', show);
  app.on('configured', show);
  app.on('state', ({ state }) => state === 'training' && show());
  app.on('navigate', (id) => id === 'evaluate' && current() && show());

  again.addEventListener('click', async () => {
    const o = current();
    if (!o) return;
    again.disabled = true;
    await labTask(status, 'open.evaluating', async () => {
      const ev = o.recommender ? await evaluateOpened(app) : await lab(app, 'evaluate');
      showMetrics(metrics, note, ev);
      say(note, 'open.measured', { rows: ev.rows });
      status.dataset.result = JSON.stringify(ev);
      // As f32: the file writes its metrics widened to f64 digits, the evaluation shortest.
      /** @param {any} v */
      const f32 = (v) => (typeof v === 'number' ? Math.fround(v) : v);
      const same = ['accuracy', 'f1', 'rmse', 'mae', 'r2', 'loss']
        .every((k) => f32(/** @type {any} */ (ev)[k]) === f32(/** @type {any} */ (o.file.metrics?.test)?.[k]));
      say(status, same ? 'open.same' : 'open.differ');
    });
    again.disabled = !current();
  });
  return box;
}
