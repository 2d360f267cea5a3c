// @ts-check
// Training: epochs and batch size, the learning rate (adjustable while training), early stopping
// (monitor, patience, restore the best weights), the live loss chart (redrawn at most once per frame) and a summary of the first and last epoch.
import { drawLoss } from '../chart.js';
import { say } from '../i18n.js';
import { el, field, fillSelectT, fmt, numberInput, txt } from '../ui.js';
import { mountWatching } from './watching.js';

/** @import {App} from '../app.js' */

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const epochs = numberInput({ id: 'epochs', min: 1, max: 100000 });
  const batch = numberInput({ id: 'batch-size', min: 1, max: 65536 });
  const lr = numberInput({ id: 'learning-rate', min: 1e-7, max: 10, step: 0.001 });
  const lrNote = el('small', { className: 'note', id: 'lr-note', t: 'train.lrNote' });
  const early = el('input', { type: 'checkbox', id: 'early-stopping' });
  const monitor = el('select', { id: 'early-monitor' });
  fillSelectT(monitor, [['val_loss', 'train.monitorVal'], ['loss', 'train.monitorLoss']], 'val_loss');
  const patience = numberInput({ id: 'early-patience', min: 0, max: 100000, step: 1 });
  const restore = el('input', { type: 'checkbox', id: 'early-restore' });
  const lossSummary = el('p', { className: 'note', dataset: { testid: 'loss-summary' }, ariaLive: 'off' });
  const canvas = el('canvas', { id: 'loss-chart', role: 'img', tAttr: { 'aria-label': 'train.chart' } });
  const next = el('button', { type: 'button', id: 'to-evaluate', hidden: true, t: 'train.toEvaluate' });
  next.addEventListener('click', () => app.navigate('evaluate'));
  root.append(
    el('div', { className: 'row' }, field('train.epochs', epochs), field('train.batchSize', batch, 'train.batchHint'),
      el('label', {}, txt('train.learningRate'), lr, lrNote)),
    el('div', { className: 'row', id: 'early-settings' }, el('label', { className: 'inline' }, early, txt('train.early')),
      field('train.monitor', monitor), field('train.patience', patience),
      el('label', { className: 'inline' }, restore, txt('train.restore'))),
    lossSummary, canvas, next);
  mountWatching(root, app);

  epochs.addEventListener('change', () => app.editExperiment((e) => { e.fit = { ...e.fit, epochs: Number(epochs.value) }; }));
  batch.addEventListener('change', () => app.editExperiment((e) => { e.fit = { ...e.fit, batch_size: Number(batch.value) }; }));
  // Early stopping on or off, and its settings (Keras's defaults when it is turned on).
  const editEarly = () => app.editExperiment((e) => {
    e.fit = { ...e.fit, early_stopping: early.checked
      ? { monitor: monitor.value, patience: Number(patience.value || 10), restore_best_weights: restore.checked }
      : null };
  });
  early.addEventListener('change', () => {
    if (early.checked && !e0()?.fit?.early_stopping) [patience.value, restore.checked] = ['10', true];
    editEarly();
  });
  for (const c of [monitor, patience, restore]) c.addEventListener('change', () => early.checked && editEarly());
  const e0 = () => app.experiment;
  lr.addEventListener('change', () => {
    const value = Number(lr.value);
    if (!(value >= 1e-7 && value <= 10)) return;
    /** @param {import('../types.js').Experiment} e */
    const setRate = (e) => {
      const compile = e.compile ??= {};
      compile.optimizer = { type: 'adam', ...compile.optimizer, learning_rate: value };
    };
    if (app.status === 'training' || app.status === 'paused') {
      // The running session takes it between batches, and the experiment keeps it.
      app.tuneExperiment(setRate);
      app.send({ type: 'set', learning_rate: value });
      say(lrNote, 'train.lrSet', { value, epoch: app.history.length + 1 });
    } else app.editExperiment(setRate);
  });

  // Up to the epoch the scrubber shows (all of it when following the run).
  const shown = () => (app.viewing === null ? app.history : app.history.slice(0, app.viewing));
  /** The loss from epoch 1 to the epoch shown (the scrubber's, or the latest). */
  function showSummary() {
    const h = shown();
    if (!h.length) {
      say(lossSummary, null);
      delete lossSummary.dataset.epochs;
      return;
    }
    const first = h[0].loss;
    const last = h[h.length - 1].loss;
    Object.assign(lossSummary.dataset, { first: String(first), last: String(last), epochs: String(h.length) });
    say(lossSummary, 'train.lossSummary', { first: first.toPrecision(3), last: last.toPrecision(3), epochs: h.length });
  }
  const redraw = () => { drawLoss(canvas, shown()); showSummary(); };
  function sync() {
    const e = app.experiment;
    if (!e?.fit) return;
    epochs.value = String(e.fit.epochs);
    batch.value = String(e.fit.batch_size);
    const es = e.fit.early_stopping;
    early.checked = Boolean(es);
    monitor.value = es?.monitor ?? 'val_loss';
    patience.value = String(es?.patience ?? 10);
    restore.checked = es?.restore_best_weights ?? true;
    for (const c of [monitor, patience, restore]) c.disabled = !es;
    lr.value = fmt(e.compile?.optimizer?.learning_rate ?? 0.01, { digits: 6 });
    next.hidden = true;
  }
  app.on('experiment', () => { sync(); redraw(); });
  app.on('configured', sync);
  app.on('epoch', redraw);
  app.on('scrub', redraw);
  app.on('navigate', (id) => id === 'train' && redraw());
  app.on('state', ({ state }) => { next.hidden = state !== 'done'; });
}
