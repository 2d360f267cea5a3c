// @ts-check
// The core's advice (src/advice/, the worker's `advice` message; the same `warning:` lines
// `kindling train` prints) shown in the model-build panel, each with an "Apply" button when it has
// a fix, and the fixes of the diagnosis's suggestions: a fix is a list of `{path, value}` changes
// made to the experiment through the store. The shape rules are the core's build errors, shown as
// they come (no copy here). Texts: `advice.CODE` in www/text/panels.js, keyed on the stable code.
import { el } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {Advice, Change, Experiment} from '../types.js' */

/**
 * Sets key `path` (`model.layers[1].activation`) of `doc` to `value`, making objects on the way.
 * @param {Record<string, any>} doc
 * @param {string} path
 * @param {unknown} value
 */
export function setPath(doc, path, value) {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = doc;
  keys.slice(0, -1).forEach((key, i) => {
    node[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = structuredClone(value);
}

/**
 * Makes the changes of `fix` to the experiment (one edit: one new experiment, one share link).
 * @param {App} app
 * @param {readonly Change[]} fix
 */
export function applyFix(app, fix) {
  app.editExperiment((/** @type {Experiment} */ e) => fix.forEach((c) => setPath(e, c.path, c.value)));
}

/**
 * An "Apply" button for `fix`, or null without one.
 * @param {App} app
 * @param {readonly Change[] | null | undefined} fix
 * @param {string} testid
 */
export function applyButton(app, fix, testid) {
  if (!fix?.length) return null;
  const b = el('button', { type: 'button', className: 'apply', dataset: { testid }, t: 'advice.apply' });
  b.addEventListener('click', () => applyFix(app, fix));
  return b;
}

/**
 * One list item per piece of advice: its text (by code, with the core's English as the English
 * text) and its "Apply" button.
 * @param {App} app
 * @param {readonly Advice[]} advice
 */
export function adviceItems(app, advice) {
  return advice.map((a) => el('li', { className: 'warning advice', dataset: { code: a.code } },
    el('span', { t: [`advice.${a.code}`, { text: a.message, ...a.params }] }), ' ',
    applyButton(app, a.fix, `apply-${a.code}`)));
}
