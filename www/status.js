// @ts-check
// The status line and the error box, shared by the page and the embed: the hooks
// `[data-testid=status]` (`data-state`) and `[data-testid=error]` (docs/CONTRACTS.md section 5),
// and the run buttons that make sense in each state.
import { afterUserActs } from './acted.js';
import { say } from './i18n.js';
import { byTestId } from './ui.js';

/** @typedef {import('./types.js').Status} Status */
/** @import {Msg} from './i18n.js' */

/**
 * Shows `state` (and `detail` after it: a catalog message) in the status line and enables the
 * run buttons that make sense in it.
 * @param {Status} state
 * @param {Msg | null} [detail]
 */
export function showStatus(state, detail = null) {
  const s = byTestId('status');
  s.dataset.state = state;
  say(s, detail ? { key: 'status.withDetail', params: { state: { key: `status.${state}` }, detail } } : `status.${state}`);
  const training = state === 'training';
  /** @type {(id: string) => HTMLButtonElement} */
  const button = byTestId;
  button('train').disabled = training || state === 'loading' || state === 'idle';
  button('pause').disabled = !training;
  button('stop').disabled = !(training || state === 'paused');
  button('step').disabled = training || state === 'loading' || state === 'done' || state === 'idle';
}

// An error stays until the user acts (a click, a key): until then, hiding it is ignored, so the
// automatic steps that follow a failure (a restarted worker rebuilding, the default experiment
// opening after a bad link) cannot wipe what the user has to read.
let standing = false;

/**
 * Shows `message` (a catalog message) in the error box; null hides it once the user has acted
 * since the error was shown.
 * @param {Msg | null} message
 */
export function showError(message) {
  if (!message && standing) return;
  if (message && !standing) {
    standing = true;
    afterUserActs(() => { standing = false; });
  }
  const e = byTestId('error');
  say(e, message);
  e.hidden = !message;
}
