// @ts-check
// The "Experiment JSON" editor for advanced users (issue 19): the current experiment as JSON,
// folded; "Apply" builds the edited document in the worker, which checks it as the CLI does
// (Experiment::from_json), so its errors show in the error box as any other (key path folded).
import { PageError } from '../i18n.js';
import { showError } from '../status.js';
import { el } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {Experiment} from '../types.js' */

/**
 * The editor, following `app.experiment`; `open(next)` opens an experiment whose data source
 * changed (loading it).
 * @param {App} app
 * @param {(next: Experiment) => void} open
 */
export function experimentEditor(app, open) {
  const text = el('textarea', { id: 'experiment-json', rows: 16, spellcheck: false, dataset: { testid: 'experiment-json' }, translate: false });
  const apply = el('button', { type: 'button', dataset: { testid: 'experiment-apply' }, t: 'json.apply' });
  const box = el('details', { className: 'json-editor', dataset: { testid: 'experiment-editor' } },
    el('summary', { t: 'json.title' }), el('p', { className: 'note', t: 'json.hint' }), text, el('div', { className: 'row' }, apply));
  let edited = false;
  text.addEventListener('input', () => { edited = true; });
  // Written only while open: a 10,000-column file's feature list is a long text to lay out.
  const show = () => {
    if (box.open && !edited) text.value = JSON.stringify(app.experiment ?? {}, null, 2);
  };
  app.on('experiment', show);
  box.addEventListener('toggle', show);
  apply.addEventListener('click', () => {
    /** @type {Experiment} */
    let next;
    try {
      next = JSON.parse(text.value);
      if (!next || typeof next !== 'object' || Array.isArray(next)) throw new PageError('json.notObject');
    } catch (err) {
      const msg = err instanceof PageError ? err.msg : { key: 'json.notJson', params: { detail: /** @type {Error} */ (err).message } };
      showError(msg);
      return;
    }
    edited = false;
    if ((next.data?.source ?? 'builtin:iris') !== (app.experiment?.data?.source ?? 'builtin:iris')) open(next);
    else app.setExperiment(next);
  });
  show();
  return box;
}
