// @ts-check
// Forecasting ahead with a time-series model (part of the Application panel): the model predicts
// the next value, that value becomes its newest input, and so on for N steps, drawn after the
// series in the target's units.
import { drawForecast } from '../chart.js';
import { core, say } from '../i18n.js';
import { el, fmt, txt } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {ModelCard, ModelSource} from '../types.js' */

/**
 * Mounts the forecast controls into `root`; `from()` names the model to forecast with. Returns
 * the function that shows them for a window model's card (and hides them for any other).
 * @param {HTMLElement} root
 * @param {App} app
 * @param {() => ModelSource} from
 * @returns {(card: ModelCard | undefined) => void}
 */
export function mountForecast(root, app, from) {
  const about = el('p', { className: 'note' });
  const steps = el('input', { type: 'number', min: 1, max: 1000, value: '10', dataset: { testid: 'forecast-steps' } });
  const go = el('button', { type: 'button', dataset: { testid: 'forecast-run' }, t: 'forecast.run' });
  const label = el('label', {}, txt('forecast.steps'), ' ', steps);
  const chart = el('canvas', { className: 'forecast-chart', hidden: true, dataset: { testid: 'forecast-chart' }, tAttr: { 'aria-label': 'forecast.chart' } });
  const values = el('p', { dataset: { testid: 'forecast-values' }, ariaLive: 'polite' });
  root.replaceChildren(about, label, go, values, chart);
  /** @type {string | null} */
  let id = null;

  go.addEventListener('click', () => {
    id = `forecast-${Date.now()}`;
    say(values, 'forecast.running');
    app.send({ type: 'forecast', id, from: from(), steps: Number(steps.value) });
  });
  app.on('forecast', (msg) => {
    if (msg.id !== id) return;
    if (msg.error !== undefined) {
      say(values, core(msg.error));
      chart.hidden = true;
      return;
    }
    values.dataset.values = JSON.stringify(msg.forecast);
    say(values, 'forecast.values', { n: msg.forecast.length, target: msg.target, values: msg.forecast.map((v) => fmt(v)).join(', ') });
    chart.hidden = false;
    drawForecast(chart, { target: msg.target, history: msg.history, forecast: msg.forecast });
    app.did('apply');
  });

  return (card) => {
    root.hidden = !card?.window;
    if (!card?.window) return;
    say(about, 'forecast.about', { lookback: card.window.lookback });
  };
}
