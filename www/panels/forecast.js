// Forecasting ahead with a time-series model (part of the Application panel): the model predicts
// the next value, that value becomes its newest input, and so on for N steps, drawn after the
// series in the target's units.
import { el } from './dom.js';
import { drawForecast } from '../chart.js';

export function mountForecast(root, app, from) {
  const about = el('p', { class: 'note' });
  const steps = el('input', { type: 'number', min: '1', max: '1000', value: '10', 'data-testid': 'forecast-steps' });
  const go = el('button', { type: 'button', 'data-testid': 'forecast-run' }, 'Forecast');
  const label = el('label', {}, 'Steps ahead ');
  label.append(steps);
  const chart = el('canvas', { class: 'forecast-chart', 'data-testid': 'forecast-chart', 'aria-label': 'the series and its forecast' });
  const values = el('p', { 'data-testid': 'forecast-values', 'aria-live': 'polite' });
  root.replaceChildren(about, label, go, values, chart);
  chart.hidden = true;
  let id = null;

  go.addEventListener('click', () => {
    id = `forecast-${Date.now()}`;
    values.textContent = 'Forecasting…';
    app.send({ type: 'forecast', id, from: from(), steps: Number(steps.value) });
  });
  app.on('forecast', (msg) => {
    if (msg.id !== id) return;
    if (msg.error) {
      values.textContent = msg.error;
      chart.hidden = true;
      return;
    }
    values.dataset.values = JSON.stringify(msg.forecast);
    values.textContent = `Next ${msg.forecast.length} values of ${msg.target}: ${msg.forecast.map((v) => Number(v.toPrecision(4))).join(', ')}`;
    chart.hidden = false;
    drawForecast(chart, { target: msg.target, history: msg.history, forecast: msg.forecast });
  });

  /** Shows the controls for a window model `card`, hides them otherwise. */
  return (card) => {
    root.hidden = !card?.window;
    if (!card?.window) return;
    about.textContent = `This is a time-series model (looks back ${card.window.lookback} steps). Each forecast step feeds the previous prediction back in, so errors add up the further ahead you go. It continues the series loaded under Data preprocessing; a CSV of the series below gives one next-value prediction per window.`;
  };
}
