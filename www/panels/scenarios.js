// @ts-check
// The scenario picker (Preprocessing panel): the article's scenarios, each loaded in one click —
// its dataset and its experiment — with a line on where such a model is used in a product.
//
// Adding a scenario is one entry in SCENARIOS: `id` (the button's `data-testid=scenario-ID`),
// `label` and `blurb` (catalog keys, en + zh), `dataset` (the built-in it loads, a key of
// www/datasets.js BUILTINS) and `experiment` (a function returning the experiment to open).
import { BUILTINS } from '../datasets.js';
import { LESSONS } from '../lessons.js';
import { say } from '../i18n.js';
import { el } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {Experiment} from '../types.js' */

/** @typedef {{id: string, label: string, dataset: string, experiment: () => Experiment, blurb: string}} Scenario */

/** @type {Scenario[]} */
export const SCENARIOS = [
  { id: 'digits', label: 'scenario.digits', dataset: 'digits', experiment: () => /** @type {() => Experiment} */ (LESSONS.cnn.experiment)(), blurb: 'scenario.digits.blurb' },
  { id: 'stock', label: 'scenario.stock', dataset: 'stock', experiment: BUILTINS.stock.experiment, blurb: 'scenario.stock.blurb' },
  { id: 'recommend', label: 'scenario.recommend', dataset: 'ratings', experiment: BUILTINS.ratings.experiment, blurb: 'scenario.recommend.blurb' },
  { id: 'sentiment', label: 'scenario.sentiment', dataset: 'sentiment', experiment: BUILTINS.sentiment.experiment, blurb: 'scenario.sentiment.blurb' },
];

/**
 * The picker: a button per scenario and the chosen one's blurb. `open(experiment)` loads an
 * experiment and its data (the panel's own way of choosing a dataset).
 * @param {App} app
 * @param {(experiment: Experiment) => void} open
 */
export function scenarioPicker(app, open) {
  const blurb = el('p', { className: 'note', dataset: { testid: 'scenario-blurb' }, ariaLive: 'polite' });
  const buttons = SCENARIOS.map((s) => {
    const b = el('button', { type: 'button', dataset: { testid: `scenario-${s.id}` }, t: s.label });
    b.addEventListener('click', () => {
      const next = s.experiment();
      next.seed = app.experiment?.seed ?? 42;
      say(blurb, s.blurb);
      blurb.dataset.scenario = s.id;
      open(next);
    });
    return b;
  });
  return el('fieldset', { className: 'row', id: 'scenarios' }, el('legend', { t: 'scenario.label' }),
    el('div', { className: 'buttons' }, ...buttons), blurb);
}
