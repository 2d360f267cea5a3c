// @ts-check
// The status line and the error box, shared by the page and the embed: the hooks
// `[data-testid=status]` (`data-state`) and `[data-testid=error]` (docs/CONTRACTS.md section 5),
// and the run buttons that make sense in each state.
import { afterUserActs } from './acted.js';
import { peopleWords } from './error_words.js';
import { core, say } from './i18n.js';
import { byTestId, el } from './ui.js';

/** @typedef {import('./types.js').Status} Status */
/** @import {Msg} from './i18n.js' */
/** @import {DeepReadonly, Experiment} from './types.js' */

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
 * @param {DeepReadonly<Experiment> | null} [experiment] the experiment a core error is about
 */
export function showError(message, experiment = null) {
  if (!message && standing) return;
  if (message && !standing) {
    standing = true;
    afterUserActs(() => { standing = false; });
  }
  const e = byTestId('error');
  const at = message && located(message, experiment);
  e.replaceChildren();
  delete e.dataset.i18n;
  delete e.dataset.i18nParams;
  if (at) {
    // The message for people first; the key path, for those who edit the JSON, folded under it.
    const text = el('span');
    say(text, at.text);
    e.append(text);
    if (at.path) {
      e.append(el('details', { className: 'error-where' },
        el('summary', { t: 'error.where' }), el('code', { textContent: at.path })));
    }
  } else {
    say(e, message);
  }
  e.hidden = !message;
}

/**
 * A core message about one key of the experiment (`experiment: PATH: TEXT`, src/error.rs) as the
 * text for people (serde's wording rewritten, www/error_words.js) and the key path ('' for the
 * whole document); null for any other message.
 * @param {Msg} message
 * @param {DeepReadonly<Experiment> | null} [experiment] the experiment the message is about
 * @returns {{text: Msg, path: string} | null}
 */
export function located(message, experiment = null) {
  if (message.key !== 'core') return null;
  const m = /^experiment: (.+?): ([^]*)$/.exec(String(message.params?.message));
  if (!m) return null;
  return { text: peopleWords(m[1], m[2], experiment) ?? core(m[2]), path: m[1] === '(top level)' ? '' : m[1] };
}
