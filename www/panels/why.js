// @ts-check
// "Why this answer?" in the Application panel: integrated gradients of the current input (the
// form's, or the drawing pad's 64 pixels) from the all-baseline input, computed by the lab worker
// (www/lab.js): signed bars per input, or a heat map over the 8×8 image for a model that reads
// pixels, or the sentence with its words highlighted for a model that reads text. Once asked, it follows each new prediction.
import { core, say } from '../i18n.js';
import { maxAbs, sized, tile } from '../inside/heat.js';
import { lab } from '../lab.js';
import { el } from '../ui.js';
import { readsPixels } from './pad.js';
import { drawSignedBars, largest } from './signed_bars.js';
import { doneParams, showWords } from './why_words.js';

/** @import {App} from '../app.js' */
/** @import {Explanation} from '../types_workers.js' */

const SHOWN = 20;
const HEAT = 160;

/**
 * The section; `current()` gives the input the panel shows now (or null).
 * @param {App} app
 * @param {() => Record<string, number | string | null> | null} current
 * @returns {HTMLElement}
 */
export function whyBox(app, current) {
  const run = el('button', { type: 'button', disabled: true, dataset: { testid: 'why-run' }, t: 'why.run' });
  const status = el('p', { className: 'note', role: 'status', ariaLive: 'polite', dataset: { testid: 'why-status' } });
  const intro = el('p', { className: 'note', t: 'why.intro' });
  const bars = el('canvas', { hidden: true, dataset: { testid: 'why-chart' }, tAttr: { 'aria-label': 'why.aria' } });
  const map = el('canvas', { hidden: true, className: 'net', dataset: { testid: 'why-heat' }, tAttr: { 'aria-label': 'why.heatAria' } });
  const legend = el('p', { className: 'note', hidden: true, t: 'why.heatLegend' });
  const words = el('div', { hidden: true, className: 'why-words', dataset: { testid: 'why-words' }, tAttr: { 'aria-label': 'why.wordsAria' } });
  /** The record the shown explanation was asked for. @type {Record<string, unknown>} */
  let explained = {};
  let following = false;
  let asked = 0;

  const reset = (/** @type {unknown} */ model) => {
    following = false;
    run.disabled = !model;
    bars.hidden = map.hidden = legend.hidden = words.hidden = true;
    say(status, null);
    delete status.dataset.state;
  };
  app.on('deployed', reset);
  reset(app.model);

  async function explain() {
    const record = current();
    if (!record) return say(status, 'why.noInput');
    const mine = ++asked;
    status.dataset.state = 'working';
    try {
      const ex = await lab(app, 'explain', { record });
      if (mine !== asked) return; // a newer input is on its way
      explained = record;
      show(ex);
    } catch (e) {
      if (mine !== asked) return;
      status.dataset.state = 'error';
      say(status, core(e instanceof Error ? e.message : String(e)));
    }
  }

  /** @param {Explanation & {ms: number}} ex */
  function show(ex) {
    const pixels = readsPixels(app.model?.card) && ex.attributions.length === 64;
    status.dataset.state = 'done';
    status.dataset.values = JSON.stringify(ex.attributions);
    status.dataset.output = ex.output;
    status.dataset.value = String(ex.value);
    status.dataset.base = String(ex.baseline_value);
    status.dataset.ms = ex.ms.toFixed(1); // the worker's time for it (docs/BENCHMARKS.md)
    const text = !pixels && (ex.tokens?.length ?? 0) > 0;
    say(intro, text ? 'why.introText' : 'why.intro');
    say(status, text ? 'why.doneText' : 'why.done', doneParams(ex));
    bars.hidden = pixels || text;
    map.hidden = legend.hidden = !pixels;
    words.hidden = !text;
    if (text) {
      words.dataset.strongest = showWords(words, explained, ex.tokens);
    } else if (pixels) {
      const ctx = sized(map, HEAT, HEAT);
      const max = maxAbs(ex.attributions);
      tile(ctx, (r, c) => ex.attributions[r * 8 + c], 8, 8, { x: 0, y: 0, size: HEAT, max });
      map.dataset.drawn = 'true';
      map.dataset.max = String(max);
    } else {
      drawSignedBars(bars, largest(ex.names.map((name, i) => ({ name, value: ex.attributions[i] })), SHOWN));
    }
    app.did('apply'); // the guide's step waits for the answer (www/lessons.js)
  }

  run.addEventListener('click', () => { following = true; explain(); });
  // After the panel's own listeners have shown the new input (they were added after this one).
  app.on('predictions', (msg) => { if (following && msg.error === undefined && /^(form|pad)-/.test(msg.id ?? '')) queueMicrotask(explain); });

  return el('section', { className: 'why', dataset: { testid: 'why' } },
    el('h3', { t: 'why.title' }), intro,
    el('div', { className: 'buttons' }, run), status, words, bars, el('div', {}, map), legend);
}
