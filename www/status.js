// @ts-check
// The status line and the error box, shared by the page and the embed: the hooks
// `[data-testid=status]` (`data-state`) and `[data-testid=error]` (docs/CONTRACTS.md section 5),
// and the run buttons that make sense in each state.
import { byTestId } from './ui.js';

/** @typedef {import('./types.js').Status} Status */

/** @type {Record<Status, string>} */
const STATE_TEXT = {
  idle: 'Idle', loading: 'Loading data…', ready: 'Ready to train', training: 'Training…',
  paused: 'Paused', done: 'Done', error: 'Error',
};

/**
 * Shows `state` (and `detail` after it) in the status line and enables the run buttons that make
 * sense in it.
 * @param {Status} state
 * @param {string} [detail]
 */
export function showStatus(state, detail = '') {
  const s = byTestId('status');
  s.dataset.state = state;
  s.textContent = detail ? `${STATE_TEXT[state]} ${detail}` : STATE_TEXT[state];
  const training = state === 'training';
  /** @type {(id: string) => HTMLButtonElement} */
  const button = byTestId;
  button('train').disabled = training || state === 'loading' || state === 'idle';
  button('pause').disabled = !training;
  button('stop').disabled = !(training || state === 'paused');
  button('step').disabled = training || state === 'loading' || state === 'done' || state === 'idle';
}

/**
 * Shows `message` in the error box (hidden when empty).
 * @param {string} message
 */
export function showError(message) {
  const e = byTestId('error');
  e.textContent = message;
  e.hidden = !message;
}
