// @ts-check
// Optimize? The core's diagnosis (src/optimize/diagnosis.rs, the same one the Optimization panel and
// `kindling search` use) of the curves and test metrics, with its numbers and suggestions, then the
// choice: yes → Optimization, no → Deployment, the recommended one highlighted. A suggestion with a
// fix (src/optimize/diagnosis_fix.rs: "add L2 0.001 to the dense layers", "early stopping, patience
// 5") has an "Apply" button that makes the change to the experiment (www/panels/checks.js).
import { errorMsg, say } from '../i18n.js';
import { diagnosisMessages } from '../text/diagnosis.js';
import { el } from '../ui.js';
import { loadWasm } from '../wasm.js';
import { applyButton } from './checks.js';

/** @import {App} from '../app.js' */
/** @import {Msg} from '../i18n.js' */
/** @import {Diagnosis} from '../types.js' */

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const verdict = el('p', { className: 'verdict', dataset: { testid: 'diagnosis' }, ariaLive: 'polite' });
  const reason = el('p', { id: 'diagnosis-reason' });
  const suggestions = el('ul', { id: 'diagnosis-suggestions' });
  const yes = el('button', { type: 'button', className: 'primary', dataset: { testid: 'decide-yes' }, t: 'node.yes' });
  const no = el('button', { type: 'button', dataset: { testid: 'decide-no' }, t: 'node.no' });
  yes.addEventListener('click', () => { app.decide('optimize'); app.navigate('optimize'); });
  no.addEventListener('click', () => { app.decide('deploy'); app.navigate('deploy'); });
  root.append(verdict, reason, suggestions, el('div', { className: 'buttons' }, yes, no));

  /**
   * @param {string} kind the verdict
   * @param {Msg} message
   * @param {Msg[]} items suggestions
   * @param {boolean} optimize whether optimizing is recommended
   * @param {Diagnosis['suggestions']} [tips] the core's suggestions, in `items`' order (their fixes)
   */
  function show(kind, message, items, optimize, tips = []) {
    verdict.dataset.verdict = kind;
    say(verdict, `verdict.${kind}`);
    say(reason, message);
    suggestions.replaceChildren(...items.map((s, i) => el('li', { dataset: { action: tips[i]?.action ?? '' } },
      el('span', { t: [s.key, s.params] }), ' ', applyButton(app, tips[i]?.fix, `fix-${tips[i]?.action}`))));
    yes.classList.toggle('primary', optimize);
    no.classList.toggle('primary', !optimize);
  }

  // The core's diagnosis of a run that diverged, from the worker's error message: the failed
  // epoch is in no history, so a run that diverges in epoch 1 would otherwise read as untrained.
  /** @type {import('../types.js').Diagnosis | null} */
  let failure = null;
  app.on('error', (msg) => { if (msg.diagnosis) failure = msg.diagnosis; });
  app.on('state', ({ state }) => { if (state === 'training') failure = null; });
  app.on('experiment', () => { failure = null; });

  let latest = 0;
  async function render() {
    const ticket = ++latest;
    if (failure) {
      const { message, suggestions: tips } = diagnosisMessages(failure, app.history);
      show(failure.verdict, message, tips, failure.optimize, failure.suggestions);
      return;
    }
    if (!app.history.length) {
      show('none', { key: 'decide.trainFirst' }, [], true);
      return;
    }
    try {
      const { diagnoseRun } = await loadWasm();
      if (ticket !== latest) return; // a newer render is on its way
      const d = /** @type {Diagnosis} */ (diagnoseRun(JSON.stringify(app.history), JSON.stringify(app.evaluation ?? null),
        app.experiment ? JSON.stringify(app.experiment) : undefined));
      const { message, suggestions: tips } = diagnosisMessages(d, app.history);
      show(d.verdict, message, tips, d.optimize, d.suggestions);
    } catch (err) {
      show('none', { key: 'decide.failed', params: { error: errorMsg(err) } }, [], true);
    }
  }
  app.on('navigate', (id) => id === 'decide' && render());
  app.on('error', render);
  app.on('state', render);
  app.on('evaluation', render);
  app.on('experiment', render);
  render();
}
