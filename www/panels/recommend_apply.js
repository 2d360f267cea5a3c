// @ts-check
// Application of a recommender (in place of the prediction form): pick a user → the top-N items
// they have not rated, with names and predicted ratings; pick an item → the most similar items by
// cosine of their embeddings; and the items' 2-D map (the embeddings' first two principal
// components), drawn on a plain canvas from the lab package's numbers (no chart package needed).
import { say } from '../i18n.js';
import { isRecommendation } from '../recommend.js';
import { el, field, fillSelect, fitCanvas, fmt, numberInput } from '../ui.js';

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
 * Draws the item map: one dot per item, the picked one and its similar items labelled.
 * @param {HTMLCanvasElement} canvas
 * @param {number[]} points `[x0, y0, …]`
 * @param {RecommendIds} ids
 * @param {Set<string>} marked items whose title is written beside the dot
 */
function drawMap(canvas, points, ids, marked) {
  if (!fitCanvas(canvas)) return;
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const { width, height } = canvas;
  const ratio = window.devicePixelRatio || 1;
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const pad = 24 * ratio;
  /** @param {number[]} v @param {number} size @param {boolean} flip */
  const scale = (v, size, flip) => {
    const lo = Math.min(...v);
    const span = Math.max(...v) - lo || 1;
    return (/** @type {number} */ x) => (flip ? size - pad - ((x - lo) / span) * (size - 2 * pad) : pad + ((x - lo) / span) * (size - 2 * pad));
  };
  const sx = scale(xs, width, false);
  const sy = scale(ys, height, true);
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${11 * ratio}px sans-serif`;
  ids.items.forEach((item, i) => {
    const on = marked.has(item);
    ctx.fillStyle = on ? '#d9480f' : '#1c7ed6';
    ctx.beginPath();
    ctx.arc(sx(xs[i]), sy(ys[i]), (on ? 4 : 2.5) * ratio, 0, 2 * Math.PI);
    ctx.fill();
    if (on) ctx.fillText(ids.titles[i] || item, sx(xs[i]) + 5 * ratio, sy(ys[i]) - 4 * ratio);
  });
  canvas.dataset.drawn = 'true';
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

  const ask = () => {
    if (!app.summary?.ids || !['done', 'paused'].includes(app.status)) return;
    app.send({ type: 'recommend', user: user.value, n: Number(n.value) || 10 });
    app.send({ type: 'similar', item: item.value, n: 5 });
    app.send({ type: 'item_map' });
  };
  function render() {
    const on = isRecommendation(app.experiment);
    part.hidden = !on;
    root.classList.toggle('recommending', on);
    const ids = app.summary?.ids;
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
    if (shown) drawMap(map, shown.points, shown.ids, marked);
  });
  app.on('item_map', (msg) => {
    if (failed(msg) || !('points' in msg)) return;
    shown = { points: msg.points, ids: { users: msg.users, items: msg.items, titles: msg.titles } };
    drawMap(map, shown.points, shown.ids, marked);
  });
  app.on('experiment', () => { top.replaceChildren(); similar.replaceChildren(); shown = null; delete map.dataset.drawn; render(); });
  app.on('state', render);
  render();
}
