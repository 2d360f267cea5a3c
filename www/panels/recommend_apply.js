// @ts-check
// Application of a recommender (in place of the prediction form): pick a user → the top-N items
// they have not rated, with names and predicted ratings; pick an item → the most similar items by
// cosine of their embeddings; and the items' 2-D map (the embeddings' first two principal
// components), drawn by the chart package (www/chart.js) from the lab package's numbers. An opened
// model file's recommender (www/model_open.js) answers until a run trains a new one.
import { drawMap } from '../chart.js';
import { say } from '../i18n.js';
import { isRecommendation } from '../recommend.js';
import { el, field, fillSelect, fmt, numberInput } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {RecommendIds, Scored} from '../types.js' */

/**
 * An ordered list of scored items (`data-item` each), text only.
 * @param {HTMLElement} list
 * @param {Scored[]} items
 */
const fill = (list, items) => list.replaceChildren(...items.map((s) => el('li', { dataset: { item: s.item, score: s.score } },
  el('span', { translate: false }, s.title || s.item), el('span', { className: 'note', translate: false }, ` (${s.item}) `), el('b', {}, fmt(s.score, { decimals: 3 })))));

/**
 * Draws the item map (chart package): one dot per item, the picked one and its similar items
 * marked with their titles, the picked one ringed.
 * @param {HTMLCanvasElement} canvas
 * @param {number[]} points `[x0, y0, …]`
 * @param {RecommendIds} ids
 * @param {Set<string>} marked items whose title is written beside the dot
 * @param {string} picked
 */
function showMap(canvas, points, ids, marked, picked) {
  const at = ids.items.indexOf(picked);
  drawMap(canvas, points, ids.items.map((it, i) => (marked.has(it) ? ids.titles[i] || it : '')), at >= 0 ? at : undefined);
}

/**
 * @param {HTMLElement} root the Application panel's body
 * @param {App} app
 */
export function mount(root, app) {
  // The data's own ids and names (translate="no": not the page's text).
  const user = el('select', { id: 'rec-pick-user', translate: false });
  const n = numberInput({ id: 'rec-n', min: 1, max: 50, step: 1, value: '10' });
  const top = el('ol', { dataset: { testid: 'rec-top' } });
  const item = el('select', { id: 'rec-pick-item', translate: false });
  const similar = el('ol', { dataset: { testid: 'rec-similar' } });
  const error = el('p', { className: 'warning', dataset: { testid: 'rec-apply-error' }, hidden: true });
  const map = el('canvas', { id: 'rec-map', role: 'img', tAttr: { 'aria-label': 'rec.mapAria' } });
  const note = el('p', { className: 'note', t: 'rec.trainFirst' });
  const part = el('section', { className: 'rec-part', id: 'rec-apply', hidden: true }, note,
    el('h3', { t: 'rec.topTitle' }), el('div', { className: 'row' }, field('rec.pickUser', user), field('rec.n', n)), top,
    el('h3', { t: 'rec.similarTitle' }), field('rec.pickItem', item), similar, error,
    el('h3', { t: 'rec.mapTitle' }), el('p', { className: 'note', t: 'rec.mapHint' }), map);
  root.append(part);
  /** @type {{points: number[], ids: RecommendIds} | null} */
  let shown = null;
  let marked = new Set();

  /** The opened file's recommender (`import`) or the run's, and the ids it knows. */
  const source = () => {
    const model = app.model;
    if (model?.from === 'import' && model.card.ids) return { from: /** @type {const} */ ('import'), ids: model.card.ids };
    return { from: /** @type {const} */ ('session'), ids: ['done', 'paused'].includes(app.status) ? app.summary?.ids : undefined };
  };
  const ask = () => {
    const { from, ids } = source();
    if (!ids) return;
    app.send({ type: 'recommend', user: user.value, n: Number(n.value) || 10, from });
    app.send({ type: 'similar', item: item.value, n: 5, from });
    app.send({ type: 'item_map', from });
  };
  function render() {
    const on = isRecommendation(app.experiment);
    part.hidden = !on;
    root.classList.toggle('recommending', on);
    const ids = source().ids ?? app.summary?.ids;
    if (!on || !ids) return;
    fillSelect(user, ids.users.map((u) => [u, u]), user.value || ids.users[0]);
    fillSelect(item, ids.items.map((it, i) => [it, ids.titles[i] ? `${ids.titles[i]} (${it})` : it]), item.value || ids.items[0]);
    ask();
  }
  let asked = false; // the user asked (the Application step is done when the answer is in)
  for (const control of [user, n, item]) control.addEventListener('change', () => { asked = true; ask(); });
  /** @param {{error?: string}} msg */
  const failed = (msg) => {
    error.hidden = !msg.error;
    if (msg.error) say(error, 'core', { message: msg.error });
    return Boolean(msg.error);
  };
  app.on('recommend', (msg) => {
    if (failed(msg) || !('items' in msg)) return;
    fill(top, msg.items);
    say(note, null);
    if (asked) app.did('apply');
  });
  app.on('similar', (msg) => {
    if (failed(msg) || !('items' in msg)) return;
    fill(similar, msg.items);
    marked = new Set([item.value, ...msg.items.map((s) => s.item)]);
    if (shown) showMap(map, shown.points, shown.ids, marked, item.value);
  });
  app.on('item_map', (msg) => {
    if (failed(msg) || !('points' in msg)) return;
    shown = { points: msg.points, ids: { users: msg.users, items: msg.items, titles: msg.titles } };
    showMap(map, shown.points, shown.ids, marked, item.value);
  });
  app.on('experiment', () => { top.replaceChildren(); similar.replaceChildren(); shown = null; delete map.dataset.drawn; render(); });
  app.on('state', render);
  app.on('deployed', render);
  render();
}
