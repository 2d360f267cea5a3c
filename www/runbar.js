// @ts-check
// The run bar, shown with every panel: train / pause / step (one batch or one epoch) / stop /
// reset, the aria-live status and the progress bar. Reset rebuilds the session from the same
// experiment and seed, so training restarts from the same initial weights.
import { core, sayAttr } from './i18n.js';
import { showError, showStatus } from './status.js';
import { $, byTestId, el } from './ui.js';

/** How long loading or building lasts before Cancel is offered. */
const CANCEL_AFTER_MS = 800;

/** @import {App} from './app.js' */
/** @import {Msg} from './i18n.js' */
/** @import {Position} from './types.js' */

/**
 * Where a paused run stands: inside an epoch, its batch and the mean loss of its batches so far;
 * between epochs, the last epoch's loss.
 * @param {Position} position
 * @returns {Msg}
 */
export function pausedAt([epochs, batch, batches, loss]) {
  const shown = loss === null ? '—' : Number(loss.toPrecision(3));
  if (batch > 0) return { key: 'status.atBatch', params: { epoch: epochs + 1, batch, batches, loss: shown } };
  return epochs ? { key: 'status.afterEpoch', params: { epoch: epochs, loss: shown } } : { key: 'status.beforeFirst' };
}

/**
 * After a run, keyboard focus goes to its result (the open panel's loss summary, else the status)
 * when it had nowhere better to be: on `<body>` (the Train button it was on was disabled while
 * training) or in the run bar. Focus the user put elsewhere (a setting they edit) stays.
 */
function focusResult() {
  const at = document.activeElement;
  if (at && at !== document.body && !at.closest('.runbar')) return;
  const summary = /** @type {HTMLElement | null} */ (document.querySelector('.panel:not([hidden]) [data-testid=loss-summary]'));
  const target = summary?.textContent ? summary : byTestId('status');
  target.tabIndex = -1;
  target.focus({ preventScroll: false });
}

/** @param {App} app */
export function mountRunBar(app) {
  let runOnReady = false;
  /** @type {HTMLSelectElement} */
  const unit = $('#step-unit');
  /** @type {HTMLProgressElement} */
  const progress = $('#progress');
  /** @type {(id: string) => HTMLButtonElement} */
  const button = byTestId;

  function train() {
    if (app.status === 'done') return reset(true);
    showError(null);
    app.setStatus('training');
    app.send({ type: 'train' });
    app.navigate('train');
  }

  function reset(thenTrain = false) {
    runOnReady = thenTrain;
    if (app.experiment) app.setExperiment(app.experiment);
  }

  button('train').addEventListener('click', train);
  button('pause').addEventListener('click', () => app.send({ type: 'pause' }));
  button('step').addEventListener('click', () => {
    showError(null);
    app.send({ type: 'step', unit: unit.value === 'batch' ? 'batch' : 'epoch' });
  });
  button('stop').addEventListener('click', () => app.send({ type: 'stop' }));
  button('reset').addEventListener('click', () => reset(false));
  // Cancel: shown when loading or building lasts more than a moment (a huge file, a big model).
  const cancel = el('button', { type: 'button', hidden: true, dataset: { testid: 'cancel' }, t: 'run.cancel' });
  button('reset').after(cancel);
  cancel.addEventListener('click', () => {
    runOnReady = false;
    app.cancel();
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let slow;
  app.on('status', (s) => {
    clearTimeout(slow);
    cancel.hidden = true;
    if (s === 'loading') slow = setTimeout(() => { cancel.hidden = app.status !== 'loading'; }, CANCEL_AFTER_MS);
  });

  app.on('status', (s) => {
    if (s !== byTestId('status').dataset.state) showStatus(s);
  });
  app.on('experiment', () => { progress.value = 0; });
  app.on('configured', () => {
    showError(null);
    if (runOnReady) {
      runOnReady = false;
      train();
    }
  });
  app.on('epoch', (msg) => {
    const total = app.experiment?.fit?.epochs ?? msg.epoch;
    progress.value = msg.epoch / total;
    sayAttr(progress, 'aria-valuetext', 'run.progressValue', { epoch: msg.epoch, total });
    if (app.status === 'training') showStatus('training', { key: 'status.epochOf', params: { epoch: msg.epoch, total } });
  });
  app.on('state', (msg) => showStatus(msg.state, msg.state === 'done' ? { key: 'status.after', params: { epochs: app.history.length } }
    : msg.position ? pausedAt(msg.position) : null));
  app.on('state', ({ state }) => state === 'done' && focusResult());
  app.on('error', (msg) => {
    showError(msg.i18n ?? core(msg.message), app.experiment);
    button('train').disabled = !app.configured;
    button('step').disabled = !app.configured;
  });
  return { train, reset, runOnReady: () => { runOnReady = true; } };
}
