// @ts-check
// One optimisation step by hand, for a lesson whose model the search does not take (a time
// series): change one setting, retrain, compare the validation loss with the run before, and keep
// the better of the two. The step counts as done (`did('optimize')`) once the second run is in.
import { say } from './i18n.js';
import { el, fmt } from './ui.js';

/** @import {App} from './app.js' */
/** @import {DeepReadonly, Experiment} from './types.js' */

/** @typedef {{label: string, edit: (e: Experiment) => void}} Tweak a setting to try: its catalog key and the change */
/** @typedef {{experiment: DeepReadonly<Experiment>, val: number | null}} Run */

/** @param {App} app the last epoch's validation loss of the run, or null */
const lastVal = (app) => app.history.at(-1)?.val_loss ?? null;

/**
 * The box: `el` to show in the guide, `show(tweak)` sets it up for a step.
 * @param {App} app
 */
export function tweakBox(app) {
  const tryIt = el('button', { type: 'button', className: 'primary', id: 'lesson-tweak', dataset: { testid: 'lesson-tweak' } });
  const keep = el('button', { type: 'button', hidden: true, dataset: { testid: 'lesson-keep' }, t: 'tweak.keep' });
  const result = el('p', { dataset: { testid: 'tweak-result' }, ariaLive: 'polite' });
  const box = el('div', { className: 'buttons tweak' }, tryIt, keep, result);
  /** @type {Tweak | null} */
  let tweak = null;
  /** @type {Run | null} */ let before = null;
  /** @type {Run | null} */ let after = null;
  let waiting = false;

  tryIt.addEventListener('click', () => {
    if (!tweak || !app.experiment || !app.history.length) return say(result, 'tweak.trainFirst');
    before = { experiment: app.experiment, val: lastVal(app) };
    after = null;
    waiting = true;
    keep.hidden = true;
    say(result, 'tweak.training');
    app.editExperiment(tweak.edit);
    app.send({ type: 'train' });
  });
  app.on('state', ({ state }) => {
    if (!waiting || state !== 'done' || !before) return;
    waiting = false;
    after = { experiment: app.experiment ?? before.experiment, val: lastVal(app) };
    const better = (after.val ?? Infinity) <= (before.val ?? Infinity);
    result.dataset.before = String(before.val);
    result.dataset.after = String(after.val);
    say(result, better ? 'tweak.better' : 'tweak.worse', { before: fmt(before.val), after: fmt(after.val) });
    keep.hidden = better;
    app.did('optimize');
  });
  keep.addEventListener('click', () => {
    if (!before) return;
    keep.hidden = true;
    say(result, 'tweak.kept', { val: fmt(before.val) });
    app.setExperiment(before.experiment);
    app.send({ type: 'train' });
  });

  /** @param {Tweak | null} next */
  function show(next) {
    if (next !== tweak) {
      tweak = next;
      [before, after, waiting] = [null, null, false];
      keep.hidden = true;
      say(result, null);
    }
    if (tweak) say(tryIt, 'tweak.try', { what: { key: tweak.label } });
  }
  return { el: box, show };
}
