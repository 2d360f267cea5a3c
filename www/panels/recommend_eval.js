// @ts-check
// Evaluation of a recommender (below the usual RMSE/MAE/loss): its errors beside the three
// baselines a practitioner checks first, its ranking of held-out items beside the popularity
// ranking, and a plain sentence each on whether it beats the user + item bias baseline and
// the popularity ranking (NDCG@10). An opened model file's figures (www/model_open.js) show until
// a run trains, then those measured again (`evaluate_opened`).
import { say } from '../i18n.js';
import { onOpenedChange, openedModel } from '../model_open.js';
import { isRecommendation } from '../recommend.js';
import { el, fmt } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {Evaluation, Ranking} from '../types.js' */

const ERROR_ROWS = ['model', 'global_mean', 'item_mean', 'user_item_bias'];
const RANKING_COLUMNS = /** @type {(keyof Ranking)[]} */ (['precision_at_5', 'recall_at_5', 'ndcg_at_5', 'precision_at_10', 'recall_at_10', 'ndcg_at_10']);

/**
 * A table: a header row of catalog keys, then one row per entry (`data-row`), its first cell a
 * catalog key, the rest numbers.
 * @param {string} testid
 * @param {string[]} head catalog keys
 * @param {[string, number[]][]} rows `[id, values]`, labelled by the catalog's `rec.row.ID`
 */
const table = (testid, head, rows) => el('table', { dataset: { testid } },
  el('thead', {}, el('tr', {}, ...head.map((k) => el('th', { t: k })))),
  el('tbody', {}, ...rows.map(([id, values]) => el('tr', { dataset: { row: id } },
    el('td', { t: `rec.row.${id}` }), ...values.map((v) => el('td', {}, fmt(v, { decimals: 4 })))))));

/**
 * @param {HTMLElement} root the Evaluation panel's body
 * @param {App} app
 */
export function mount(root, app) {
  const errors = el('div');
  const ranking = el('div');
  const verdict = el('p', { dataset: { testid: 'rec-verdict' }, ariaLive: 'polite' });
  const rankVerdict = el('p', { dataset: { testid: 'rec-rank-verdict' }, ariaLive: 'polite' });
  const warnings = el('ul', { className: 'problems' });
  const part = el('section', { className: 'rec-part', id: 'rec-eval', hidden: true },
    el('h3', { t: 'rec.errors' }), errors, verdict, el('h3', { t: 'rec.ranking' }), ranking, rankVerdict,
    el('p', { className: 'note', t: 'rec.rankingHint' }), warnings);
  root.append(part);

  /** @param {Evaluation} ev */
  function show(ev) {
    const b = ev.baselines;
    if (!b || !ev.ranking || !ev.popularity) return;
    part.hidden = false;
    /** @type {[string, number[]][]} */
    const rows = ERROR_ROWS.map((id) => {
      const e = id === 'model' ? { rmse: ev.rmse ?? NaN, mae: ev.mae ?? NaN } : b[/** @type {keyof typeof b} */ (id)];
      return [id, [e.rmse, e.mae]];
    });
    errors.replaceChildren(table('rec-errors', ['rec.col.predictor', 'metric.rmse', 'metric.mae'], rows));
    const rank = /** @param {Ranking} r @returns {number[]} */ (r) => [...RANKING_COLUMNS.map((k) => r[k]), r.users];
    ranking.replaceChildren(table('rec-ranking', ['rec.col.ranker', ...RANKING_COLUMNS.map((k) => `rec.col.${k}`), 'rec.col.users'],
      [['model', rank(ev.ranking)], ['popularity', rank(ev.popularity)]]));
    const model = ev.rmse ?? NaN;
    const bias = b.user_item_bias.rmse;
    const beats = model < bias;
    verdict.dataset.beats = String(beats);
    say(verdict, beats ? 'rec.beats' : 'rec.notBeats', { model: fmt(model, { decimals: 4 }), bias: fmt(bias, { decimals: 4 }),
      percent: fmt((Math.abs(model - bias) / bias) * 100, { decimals: 1 }), rows: ev.rows });
    const ndcg = ev.ranking.ndcg_at_10;
    const popular = ev.popularity.ndcg_at_10;
    rankVerdict.dataset.beats = String(ndcg > popular);
    say(rankVerdict, ndcg > popular ? 'rec.rankBeats' : 'rec.rankNotBeats', { model: fmt(ndcg, { decimals: 4 }), popular: fmt(popular, { decimals: 4 }) });
    warnings.replaceChildren(...(ev.warnings ?? []).map((w) => el('li', { className: 'warning', t: ['core', { message: w }] })));
  }
  app.on('evaluation', show);
  app.on('evaluate_opened', (msg) => msg.error === undefined && show(msg));
  onOpenedChange(() => {
    const o = openedModel();
    const test = /** @type {any} */ (o?.recommender && !o.trained ? o.file.metrics?.test : null);
    if (test) show({ ...test, rows: test.rows?.[2] ?? 0 });
  });
  app.on('experiment', (e) => {
    part.hidden = true; // a new run's evaluation shows it again
    root.classList.toggle('rec-evaluating', isRecommendation(e)); // no prediction chart, no boundary
  });
  root.classList.toggle('rec-evaluating', isRecommendation(app.experiment));
  if (app.evaluation) show(/** @type {Evaluation} */ (app.evaluation));
}
