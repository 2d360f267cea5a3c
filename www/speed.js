// @ts-check
// Slow motion: how fast training runs, in epochs per second (the worker paces its batches,
// www/pace.js), or as fast as possible. Default 10 epochs/s, slow enough to watch the built-ins
// learn (iris's 60 epochs take 6 s); `?speed=max|N` opens the page with another (the page tests
// use `max`). The `#speed` select and the one-click `[data-testid=speed-max]` toggle sit in the run
// bar; a change reaches the worker at once, even mid-run.
import { el, txt } from './ui.js';

/** @import {App} from './app.js' */

/** The choices, in epochs per second; `max` = as fast as possible. */
export const SPEEDS = ['1', '2', '5', '10', '30', 'max'];
export const DEFAULT_SPEED = '10';

/**
 * `?speed=` of `search` when it is one of the choices (a number is rounded to the nearest one).
 * @param {string} search
 */
export function askedSpeed(search) {
  const asked = new URLSearchParams(search).get('speed');
  if (asked === null) return DEFAULT_SPEED;
  if (asked === 'max' || asked === '0') return 'max';
  const n = Number(asked);
  if (!(n > 0)) return DEFAULT_SPEED;
  const numbers = SPEEDS.filter((s) => s !== 'max');
  return numbers.reduce((a, b) => (Math.abs(Number(b) - n) < Math.abs(Number(a) - n) ? b : a));
}

/** @param {string} value a SPEEDS entry @returns {number | null} epochs per second, null = as fast as possible */
const rate = (value) => (value === 'max' ? null : Number(value));

/**
 * Puts the speed controls in `bar` (the run bar's buttons) and keeps the worker at that speed.
 * @param {App} app
 * @param {HTMLElement} bar
 */
export function mountSpeed(app, bar) {
  const select = el('select', { id: 'speed', tAttr: { 'aria-label': 'speed.label' } },
    ...SPEEDS.map((s) => el('option', { value: s, t: s === 'max' ? 'speed.max' : ['speed.rate', { n: Number(s) }] })));
  select.value = askedSpeed(location.search);
  const fast = el('button', { type: 'button', dataset: { testid: 'speed-max' } });
  let slow = select.value === 'max' ? DEFAULT_SPEED : select.value; // what the toggle goes back to
  const send = () => {
    app.send({ type: 'set', speed: rate(select.value) });
    fast.setAttribute('aria-pressed', String(select.value === 'max'));
    fast.replaceChildren(txt(select.value === 'max' ? 'speed.slow' : 'speed.fast'));
  };
  select.addEventListener('change', () => {
    if (select.value !== 'max') slow = select.value;
    send();
  });
  fast.addEventListener('click', () => {
    select.value = select.value === 'max' ? slow : 'max';
    send();
  });
  bar.append(el('label', { className: 'inline' }, txt('speed.text'), ' ', select), fast);
  app.on('configured', send); // a restarted worker starts at full speed: tell it again
  send();
}
