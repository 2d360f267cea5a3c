// @ts-check
// Forecasting ahead with a time-series model (part of the Application panel): the model predicts
// the next value, that value becomes its newest input, and so on for N steps, drawn after the
// series in the target's units.
import { drawForecast } from '../chart.js';
import { el, fmt } from '../ui.js';

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
  const go = el('button', { type: 'button', dataset: { testid: 'forecast-run' } }, 'Forecast');
  const label = el('label', {}, 'Steps ahead ', steps);
  const chart = el('canvas', { className: 'forecast-chart', hidden: true, dataset: { testid: 'forecast-chart' }, ariaLabel: 'the series and its forecast' });
  const values = el('p', { dataset: { testid: 'forecast-values' }, ariaLive: 'polite' });
  root.replaceChildren(about, label, go, values, chart);
  /** @type {string | null} */
  let id = null;

  go.addEventListener('click', () => {
    id = `forecast-${Date.now()}`;
    values.textContent = 'Forecasting…';
    app.send({ type: 'forecast', id, from: from(), steps: Number(steps.value) });
  });
  app.on('forecast', (msg) => {
    if (msg.id !== id) return;
    if (msg.error !== undefined) {
      values.textContent = msg.error;
      chart.hidden = true;
      return;
    }
    values.dataset.values = JSON.stringify(msg.forecast);
    values.textContent = `Next ${msg.forecast.length} values of ${msg.target}: ${msg.forecast.map((v) => fmt(v)).join(', ')}`;
    chart.hidden = false;
    drawForecast(chart, { target: msg.target, history: msg.history, forecast: msg.forecast });
  });

  return (card) => {
    root.hidden = !card?.window;
    if (!card?.window) return;
    about.textContent = `This is a time-series model (looks back ${card.window.lookback} steps). Each forecast step feeds the previous prediction back in, so errors add up the further ahead you go. It continues the series loaded under Data preprocessing; a CSV of the series below gives one next-value prediction per window.`;
  };
}
