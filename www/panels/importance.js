// @ts-check
// "Which inputs matter?" in the Evaluation panel: permutation importance of the page's model on
// its test rows (lab worker, www/lab.js): how much the test loss rises when one input is shuffled
// across the rows, mean ± sd over the shuffles; per lag for a window series.
import { drawBars } from '../chart.js';
import { say } from '../i18n.js';
import { lab, labTask } from '../lab.js';
import { el } from '../ui.js';
import { largest } from './signed_bars.js';

/** @import {App} from '../app.js' */

/** Inputs drawn at most (the most important; a window's lags are all drawn, in order). */
const SHOWN = 20;

/**
 * The section; its button works while `app.model` holds a model.
 * @param {App} app
 * @returns {HTMLElement}
 */
export function importanceBox(app) {
  const run = el('button', { disabled: true, dataset: { testid: 'importance-run' }, t: 'importance.run' });
  const status = el('p', { className: 'note', role: 'status', dataset: { testid: 'importance-status' } });
  const chart = el('canvas', { hidden: true, dataset: { testid: 'importance-chart' }, tAttr: { 'aria-label': 'importance.aria' } });
  const reset = (/** @type {unknown} */ model) => {
    run.disabled = !model;
    chart.hidden = true;
    delete chart.dataset.drawn;
    say(status, null);
    delete status.dataset.state;
  };
  app.on('deployed', reset);
  reset(app.model);

  run.addEventListener('click', async () => {
    run.disabled = true;
    await labTask(status, 'importance.working', async () => {
      const imp = await lab(app, 'importance');
      const bars = imp.inputs.map((i) => ({ name: i.name, value: i.mean, sd: i.sd }));
      const lags = /^t-\d+$/.test(bars[0]?.name ?? '');
      const shown = lags ? bars.slice(-SHOWN) : largest(bars, SHOWN);
      chart.hidden = false;
      chart.style.height = `${shown.length * 22 + 70}px`; // the chart package draws to the canvas's CSS size
      drawBars(chart, shown);
      chart.dataset.values = JSON.stringify(imp.inputs);
      say(status, 'importance.done', { loss: imp.loss.toPrecision(4), rows: imp.rows, repeats: imp.repeats, n: shown.length, of: bars.length, lags });
    });
    run.disabled = !app.model;
  });

  return el('section', { className: 'importance', dataset: { testid: 'importance' } },
    el('h3', { t: 'importance.title' }), el('p', { className: 'note', t: 'importance.intro' }),
    el('div', { className: 'buttons' }, run), status, chart);
}
