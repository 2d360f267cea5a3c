// @ts-check
// The Optimization panel's search form: which knobs to vary over which values, the strategy, the
// budget, the seed, how trials are scored and whether hopeless trials are pruned. It edits the search document of `kindling search`
// (docs/CONTRACTS.md section 3).
import { el, txt } from '../ui.js';

/** @import {SearchConfig} from '../types_workers.js' */

const KNOBS = ['optimizer', 'learning_rate', 'momentum', 'layers', 'units', 'dropout', 'l2', 'batch_size', 'epochs', 'early_stopping'];
/** Offered, not varied by default. @type {SearchConfig['vary']} */
const EXTRA = {
  epochs: { choice: [50, 100, 200] },
  momentum: { choice: [0, 0.9] },
  l2: { log_uniform: [0.00001, 0.01] },
  early_stopping: { choice: [0, 10] },
};

/** @param {string} text a comma-separated list of numbers or names */
const parseList = (text) => text.split(',').map((s) => s.trim()).filter(Boolean)
  .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));

/**
 * The form, filled from `defaults` (the core's `defaultSearch()`): `el` to show, `read()` the
 * search document, `select(knobs)` ticks exactly those knobs, `set(search)` fills it from a search
 * document (a lesson's: its knobs, their values, strategy, trials, seed).
 * @param {SearchConfig} defaults
 */
export function searchForm(defaults) {
  /** @type {Record<string, {check: HTMLInputElement, read: () => object, write: (domain: any) => void}>} */
  const knobs = {};
  const rows = KNOBS.map((name) => {
    const domain = defaults.vary[name] ?? EXTRA[name];
    const check = el('input', { type: 'checkbox', checked: name in defaults.vary, name: `vary-${name}` });
    let read;
    let editor;
    /** @type {(domain: any) => void} */
    let write;
    if ('choice' in domain) {
      const input = el('input', { type: 'text', value: domain.choice.join(', '), size: 18, name: `values-${name}` });
      read = () => ({ choice: parseList(input.value) });
      write = (d) => { if (d.choice) input.value = d.choice.join(', '); };
      editor = input;
    } else {
      const kind = /** @type {'uniform' | 'log_uniform'} */ (Object.keys(domain)[0]);
      const [lo, hi] = /** @type {[number, number]} */ (/** @type {any} */ (domain)[kind]).map((v) => el('input', { type: 'number', value: v, step: 'any' }));
      read = () => ({ [kind]: [Number(lo.value), Number(hi.value)] });
      write = (d) => { if (d[kind]) [lo.value, hi.value] = d[kind].map(String); };
      editor = el('span', {}, lo, ' ', txt('search.to'), ' ', hi, kind === 'log_uniform' ? txt('search.logScale') : '');
    }
    knobs[name] = { check, read, write };
    return el('div', { className: 'knob' }, el('label', {}, check, ' ', txt(`knob.${name}`)), editor);
  });
  const strategy = el('select', { name: 'strategy' }, el('option', { value: 'random', t: 'search.random' }), el('option', { value: 'grid', t: 'search.grid' }));
  const trials = el('input', { type: 'number', value: defaults.trials, min: 1, max: 1000, name: 'trials' });
  const seed = el('input', { type: 'number', value: defaults.seed, min: 0, name: 'seed' });
  const validation = el('select', { name: 'validation' },
    el('option', { value: '0', t: 'search.split' }), el('option', { value: '3', t: ['search.kfold', { k: 3 }] }),
    el('option', { value: '5', t: ['search.kfold', { k: 5 }] }));
  const pruning = el('input', { type: 'checkbox', name: 'pruning', checked: Boolean(defaults.pruning) });
  const form = el('div', {},
    el('fieldset', {}, el('legend', { t: 'search.vary' }), ...rows),
    el('div', { className: 'row' },
      el('label', {}, txt('search.strategy'), ' ', strategy), el('label', {}, txt('search.trials'), ' ', trials),
      el('label', {}, txt('search.seed'), ' ', seed), el('label', {}, txt('search.scoreOn'), ' ', validation)),
    el('div', { className: 'row' }, el('label', {}, pruning, ' ', txt('search.pruning'))));
  /** Values per continuous range in a grid: the core's default unless a proposed search set it. @type {number | undefined} */
  let gridPoints;
  /** @returns {SearchConfig} */
  const read = () => ({
    strategy: strategy.value,
    ...(gridPoints ? { grid_points: gridPoints } : {}),
    trials: Number(trials.value),
    seed: Number(seed.value),
    validation: validation.value === '0' ? { method: 'split' } : { method: 'kfold', k: Number(validation.value) },
    pruning: pruning.checked ? { eta: 3, rungs: 3 } : null,
    vary: Object.fromEntries(Object.entries(knobs).filter(([, k]) => k.check.checked).map(([n, k]) => [n, /** @type {any} */ (k.read())])),
  });
  /** @param {string[]} names */
  const select = (names) => Object.entries(knobs).forEach(([n, k]) => { k.check.checked = names.includes(n); });
  /** @param {SearchConfig} search */
  const set = (search) => {
    select(Object.keys(search.vary));
    for (const [name, domain] of Object.entries(search.vary)) knobs[name]?.write(domain);
    strategy.value = search.strategy ?? 'random';
    trials.value = String(search.trials);
    seed.value = String(search.seed);
    gridPoints = search.grid_points;
    const k = search.validation.method === 'kfold' ? String(search.validation.k) : '0';
    if (![...validation.options].some((o) => o.value === k)) validation.append(el('option', { value: k, t: ['search.kfold', { k: Number(k) }] }));
    validation.value = k;
    pruning.checked = Boolean(search.pruning);
  };
  return { el: form, read, select, set };
}
