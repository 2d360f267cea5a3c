// @ts-check
// Model build for a recommendation task (shown in place of the layer editor): the id columns
// (`data.recommend`), the model (`model.recommender`: mf | neural, factors, L2) and the learning
// rate; what was built comes back in the `configured` summary.
import { say } from '../i18n.js';
import { isRecommendation } from '../recommend.js';
import { el, field, fillSelect, fillSelectT, fmt, numberInput, txt } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {Experiment, Layer} from '../types.js' */

/** The neural variant's layers on [user embedding, item embedding] (the last has 1 unit). @returns {Layer[]} */
const NEURAL = () => [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }];

/**
 * @param {HTMLElement} root the Model build panel's body
 * @param {App} app
 */
export function mount(root, app) {
  const type = el('select', { id: 'rec-type' });
  fillSelectT(type, [['mf', 'rec.mf'], ['neural', 'rec.neural']], 'mf');
  const factors = numberInput({ id: 'rec-factors', min: 1, max: 256, step: 1 });
  const l2 = numberInput({ id: 'rec-l2', min: 0, max: 10, step: 0.0001 });
  const lr = numberInput({ id: 'rec-learning-rate', min: 1e-7, max: 10, step: 0.001 });
  // The data's column names (translate="no": not the page's text).
  const user = el('select', { id: 'rec-user', translate: false });
  const item = el('select', { id: 'rec-item', translate: false });
  const title = el('select', { id: 'rec-title', translate: false });
  const implicit = el('input', { type: 'checkbox', id: 'rec-implicit' });
  const summary = el('p', { id: 'rec-summary', className: 'note', ariaLive: 'polite' });
  const part = el('section', { className: 'rec-part', id: 'rec-build', hidden: true },
    el('h3', { t: 'rec.build' }), el('p', { className: 'note', t: 'rec.buildHint' }),
    el('div', { className: 'row' }, field('rec.user', user), field('rec.item', item), field('rec.title', title),
      el('label', { className: 'inline' }, implicit, txt('rec.implicit'))),
    el('div', { className: 'row' }, field('rec.type', type, 'rec.typeHint'), field('rec.factors', factors),
      field('rec.l2', l2), field('build.learningRate', lr)),
    summary);
  root.append(part);

  /** @param {(e: Experiment) => void} fn */
  const edit = (fn) => app.editExperiment(fn);
  /** @param {(r: NonNullable<NonNullable<Experiment['model']>['recommender']>, e: Experiment) => void} fn */
  const editModel = (fn) => edit((e) => {
    const model = e.model ??= { layers: [] };
    fn(model.recommender ??= { type: 'mf' }, e);
  });
  /** @param {'user' | 'item' | 'title'} key @param {HTMLSelectElement} select */
  const editIds = (key, select) => edit((e) => {
    const d = e.data ??= {};
    const ids = d.recommend ??= { user: '', item: '' };
    if (key === 'title') ids.title = select.value || null;
    else ids[key] = select.value;
  });
  type.addEventListener('change', () => editModel((r, e) => {
    r.type = type.value;
    /** @type {NonNullable<Experiment['model']>} */ (e.model).layers = type.value === 'neural' ? NEURAL() : [];
  }));
  factors.addEventListener('change', () => editModel((r) => { r.factors = Number(factors.value); }));
  l2.addEventListener('change', () => editModel((r) => { r.l2 = Number(l2.value); }));
  lr.addEventListener('change', () => edit((e) => {
    const compile = e.compile ??= {};
    compile.optimizer = { type: 'adam', ...compile.optimizer, learning_rate: Number(lr.value) };
  }));
  user.addEventListener('change', () => editIds('user', user));
  item.addEventListener('change', () => editIds('item', item));
  title.addEventListener('change', () => editIds('title', title));
  implicit.addEventListener('change', () => edit((e) => {
    const ids = (e.data ??= {}).recommend ??= { user: '', item: '' };
    ids.implicit = implicit.checked;
  }));

  function render() {
    const e = app.experiment;
    const on = isRecommendation(e);
    part.hidden = !on;
    root.classList.toggle('recommending', on);
    if (!on || !e) return;
    const r = e.model?.recommender;
    type.value = r?.type ?? 'mf';
    factors.value = String(r?.factors ?? 8);
    l2.value = String(r?.l2 ?? 0.0001);
    lr.value = fmt(e.compile?.optimizer?.learning_rate ?? 0.01, { digits: 6 });
    const names = (app.table?.columns ?? []).map((c) => [c.name, c.name]);
    const ids = e.data?.recommend;
    fillSelect(user, names, ids?.user ?? '');
    fillSelect(item, names, ids?.item ?? '');
    fillSelect(title, [['', '—'], ...names], ids?.title ?? '');
    implicit.checked = Boolean(ids?.implicit);
  }
  app.on('experiment', () => { say(summary, null); render(); });
  app.on('summary', render);
  app.on('configured', ({ summary: s }) => {
    render();
    if (!s.ids) return;
    say(summary, 'rec.summary', { users: s.ids.users.length, items: s.ids.items.length, params: s.params,
      train: s.rows[0], val: s.rows[1], test: s.rows[2] });
  });
  render();
}
