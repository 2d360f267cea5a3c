// @ts-check
// "Why this answer?" for a model that reads text: the user's own sentence with each word's
// background coloured by its attribution (blue toward the answer, orange against, stronger the
// larger), the value in its title. The sentence is untrusted: it goes in as text nodes only.
import { css, heat, maxAbs } from '../inside/heat.js';
import { el, fmt } from '../ui.js';

/** @import {Explanation} from '../types_workers.js' */

/**
 * Fills `box` with the words of `tokens` in their sentences (`sentences`: feature → the text the
 * explanation was asked for; offsets count chars, as `Array.from` does). Returns the strongest
 * word toward the answer (or '').
 * @param {HTMLElement} box
 * @param {Record<string, unknown>} sentences
 * @param {Explanation['tokens']} tokens
 */
export function showWords(box, sentences, tokens) {
  box.replaceChildren();
  const max = maxAbs(tokens.map((w) => w.attribution));
  const features = [...new Set(tokens.map((w) => w.feature))];
  for (const feature of features) {
    const chars = Array.from(String(sentences[feature] ?? ''));
    const line = el('p', { className: 'why-sentence', translate: false, dataset: { testid: 'why-sentence', feature } });
    let at = 0;
    for (const w of tokens.filter((w) => w.feature === feature)) {
      if (w.start < at || w.end > chars.length) continue; // not this sentence's offsets
      line.append(chars.slice(at, w.start).join(''));
      const note = w.cut ? 'why.wordCut' : w.unknown && w.attribution === 0 ? 'why.wordUnknown' : undefined;
      line.append(paint(el('span', {
        className: `why-word${w.unknown ? ' unknown' : ''}`, title: fmt(w.attribution), tAttr: note && { title: note },
        dataset: { testid: 'why-word', value: w.attribution, token: w.text },
      }, chars.slice(w.start, w.end).join('')), w.attribution, max));
      at = w.end;
    }
    line.append(chars.slice(at).join(''));
    box.append(line);
  }
  box.append(el('p', { className: 'note' },
    paint(el('span', { className: 'why-word', t: 'why.wordFor' }), 1, 1), ' ',
    paint(el('span', { className: 'why-word', t: 'why.wordAgainst' }), -1, 1), ' ',
    el('span', { t: 'why.wordLegend' })));
  const best = tokens.reduce((b, w) => (w.attribution > (b?.attribution ?? 0) ? w : b), /** @type {Explanation['tokens'][number] | null} */ (null));
  return best?.text ?? '';
}

/**
 * The numbers the summary of explanation `ex` speaks of (`why.done`, `why.doneText`).
 * @param {Explanation} ex
 */
export const doneParams = (ex) => ({ output: ex.output, value: fmt(ex.value), base: fmt(ex.baseline_value),
  sum: fmt(ex.attributions.reduce((s, a) => s + a, 0)), steps: ex.steps });

/**
 * Colours `span` for the value `v` on the scale ±`max` (white text on the strong colours).
 * @param {HTMLElement} span
 * @param {number} v
 * @param {number} max
 */
function paint(span, v, max) {
  span.style.background = css(heat(v, max));
  if (Math.abs(v) / max > 0.6) span.style.color = '#fff';
  return span;
}
