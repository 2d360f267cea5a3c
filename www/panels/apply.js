// @ts-check
// Application panel (模型应用): one input per original feature (a text box for a sentence; a page
// of 100 at a time with a find box when the model reads more), predicting as you type (class probabilities as bars, or the value), and batch prediction of an uploaded CSV with a preview
// and "Download predictions CSV" (formula cells escaped by the core). Uses `app.model` (www/model.js).
import { core, say } from '../i18n.js';
import { download, el, fmt, txt } from '../ui.js';
import { drawBars } from './bars.js';
import { mountForecast } from './forecast.js';
import { namePager } from './name_pager.js';
import { mountPad, readsPixels } from './pad.js';
import { showOutside } from './seen.js';
import { whyBox } from './why.js';

/** @import {App} from '../app.js' */
/** @import {DeployedModel, ModelCard, PredictionsMessage} from '../types.js' */
/** @typedef {Exclude<PredictionsMessage, {error: string}>} Predictions */

const PREVIEW_ROWS = 10;
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const note = el('p', { className: 'note', t: 'apply.noModel' });
  const form = el('form', { className: 'apply-form', dataset: { testid: 'apply-form' } });
  const result = el('p', { dataset: { testid: 'apply-result' }, ariaLive: 'polite' });
  const outside = el('p', { className: 'warning', hidden: true, dataset: { testid: 'apply-outside' } });
  const chart = el('canvas', { width: 480, height: 150, hidden: true, dataset: { testid: 'apply-chart' }, tAttr: { 'aria-label': 'apply.chart' } });
  const forecast = el('div', { className: 'apply-forecast', hidden: true, dataset: { testid: 'apply-forecast' } });
  const batch = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', dataset: { testid: 'batch-input' } });
  const preview = el('table', { className: 'preview', dataset: { testid: 'batch-preview' } });
  const save = el('button', { disabled: true, dataset: { testid: 'download-predictions' }, t: 'apply.download' });
  const message = el('p', { className: 'note', role: 'status', dataset: { testid: 'apply-message' } });
  const batchLabel = el('label', {}, txt('apply.batch'), ' ', batch);
  const pad = el('div', { className: 'pad', hidden: true });
  /** The input shown now: the drawing's pixels when the pad is shown, else the form's. */
  const current = () => {
    const shown = pad.hidden ? (form.childElementCount ? result : null) : pad.querySelector('[data-testid=pad-result]');
    const input = /** @type {HTMLElement | null} */ (shown)?.dataset.input;
    return input ? JSON.parse(input) : null;
  };
  const why = whyBox(app, current);
  root.replaceChildren(note, pad, form, outside, result, chart, why, forecast, batchLabel, message, preview, save);

  let seq = 0;
  /** @type {string | null} */
  let formId = null;
  /** @type {string | null} */
  let batchId = null;
  let csv = '';
  /** The form's request the user made (not the first one, with the defaults), by id. */
  let asked = '';
  const from = () => app.model?.from ?? 'session';
  const showForecast = mountForecast(forecast, app, from);
  const showPad = mountPad(pad, app, from);

  app.on('deployed', showModel);
  /** @param {DeployedModel | null} model */
  function showModel(model) {
    note.hidden = !!model;
    // A batch's predictions belong to the model that made them.
    [batchId, csv, save.disabled] = [null, '', true];
    preview.replaceChildren();
    say(message, null);
    buildForm(model?.card);
    showForecast(model?.card);
    showPad(model?.card);
    (readsPixels(model?.card) ? pad : chart).after(why); // beside the drawing, or under the form's answer
  }
  app.on('predictions', (msg) => {
    if (msg.id === formId) showOne(msg);
    if (msg.id === batchId) showBatch(msg);
  });

  /** Every input's text as entered, by name: the form draws a page of them (a model over a wide
   * file reads 9,999 inputs; drawing them all blocked the page). @type {Map<string, string>} */
  let entered = new Map();
  /** @param {ModelCard['inputs'][number]} input */
  const fieldOf = (input) => {
    const field = input.kind === 'categorical'
      ? el('select', { name: input.name, dataset: { feature: input.name } },
        ...(input.categories ?? []).map((c) => el('option', { value: c }, c)))
      : input.kind === 'text' // a sentence, read by the model's fitted text step as it is
        ? el('textarea', { name: input.name, rows: 2, cols: 48, className: 'sentence', dataset: { feature: input.name, testid: 'apply-text' },
          tAttr: { placeholder: 'apply.typeSentence' } })
        : el('input', { type: 'number', step: 'any', name: input.name, dataset: { feature: input.name } });
    field.value = entered.get(input.name) ?? '';
    return el('label', {}, el('span', { translate: false }, input.name), field);
  };

  /** @param {ModelCard | undefined} card */
  function buildForm(card) {
    form.replaceChildren();
    say(result, null);
    outside.hidden = true;
    chart.hidden = true;
    // A window model needs a stretch of the series, not one row: it gets the forecast instead.
    if (!card || card.window) return;
    entered = new Map(card.inputs.map((i) => [i.name, i.kind === 'categorical' ? i.categories?.[0] ?? '' : i.kind === 'text' ? '' : fmt(i.default)]));
    const fields = el('div', { className: 'apply-fields' });
    const pager = namePager(card.inputs, { at: 0, find: '' }, (shown) => fields.replaceChildren(...shown.map(fieldOf)), 'inputs');
    form.append(...pager.controls, fields);
    pager.draw();
    predictForm();
  }

  function predictForm() {
    const card = app.model?.card;
    /** @type {Record<string, number | string | null>} */
    const record = {};
    for (const { name, kind } of card?.inputs ?? []) {
      const text = (entered.get(name) ?? '').trim();
      record[name] = kind === 'categorical' || kind === 'text' ? text : (text === '' ? null : Number(text));
    }
    if (card) showOutside(outside, card, record);
    formId = `form-${++seq}`;
    result.dataset.pending = JSON.stringify(record);
    app.send({ type: 'predict', id: formId, rows: [record], from: from() });
  }
  form.addEventListener('input', (ev) => {
    const field = /** @type {HTMLInputElement} */ (ev.target);
    if (!field.dataset.feature) return; // the find box
    entered.set(field.dataset.feature, field.value);
    predictForm();
    asked = formId ?? '';
  });
  form.addEventListener('submit', (ev) => ev.preventDefault());

  /** @param {PredictionsMessage} msg */
  function showOne(msg) {
    if (msg.error !== undefined) {
      say(result, core(msg.error));
      delete result.dataset.values;
      return;
    }
    const values = msg.values[0];
    const warnings = msg.warnings.length ? { key: 'apply.warnings', params: { text: warningList(msg.warnings) } } : '';
    if (msg.classes) {
      say(result, 'apply.predicted', { target: msg.target, value: msg.labels?.[0], warnings });
      chart.hidden = false;
      drawBars(chart, msg.classes, values);
    } else {
      say(result, 'apply.predicted', { target: msg.target, value: `${fmt(values[0])}${unitOf(msg.target)}`, warnings });
      chart.hidden = true;
    }
    result.dataset.values = JSON.stringify(values);
    result.dataset.input = result.dataset.pending; // the inputs these values answer
    if (msg.id === asked) app.did('apply');
  }

  batch.addEventListener('change', async () => {
    const file = batch.files?.[0];
    batch.value = '';
    if (!file) return;
    if (file.size > MAX_BATCH_BYTES) return say(message, 'apply.tooLarge', { name: file.name });
    batchId = `batch-${++seq}`;
    say(message, 'apply.predicting', { name: file.name });
    app.send({ type: 'predict', id: batchId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), from: from() });
  });

  /** @param {PredictionsMessage} msg */
  function showBatch(msg) {
    preview.replaceChildren();
    save.disabled = msg.error !== undefined;
    if (msg.error !== undefined) {
      say(message, core(msg.error));
      return;
    }
    csv = msg.csv ?? '';
    app.did('apply');
    say(message, 'apply.rowsPredicted', { n: msg.rows.length, warnings: msg.warnings.length ? warningList(msg.warnings) : '' });
    const head = [txt('apply.row'), txt('apply.predictedCol', { target: msg.target }), ...(msg.classes ?? []).map((c) => `p(${c})`)];
    preview.append(rowOf('th', head));
    msg.rows.slice(0, PREVIEW_ROWS).forEach((r, i) => {
      const values = msg.values[i].map((v) => fmt(v));
      const cells = msg.labels ? [msg.labels[i], ...values] : values;
      preview.append(rowOf('td', [r + 1, ...cells]));
    });
  }
  save.addEventListener('click', () => csv && download('predictions.csv', csv, 'text/csv'));
  showModel(app.model); // mounted when first opened: the model the page already has
}

const SUFFIX_UNITS = new Set(['mm', 'cm', 'm', 'km', 'in', 'ft', 'g', 'kg', 'mg', 'lb', 's', 'ms', 'h', 'min',
  'days', 'years', 'usd', 'eur', 'gbp', 'pct', 'percent', 'kwh', 'mw', 'w', 'v', 'hz', 'mph', 'kmh', 'degc', 'degf']);

/**
 * The unit in a column name (`price (EUR)`, `temp[°C]`, or a known suffix: `width_cm`) as ` EUR`, or ''.
 * @param {string} name
 */
export function unitOf(name) {
  const bracket = name.match(/[([]\s*([^()[\]]{1,12}?)\s*[)\]]$/);
  if (bracket) return ` ${bracket[1]}`;
  const suffix = name.match(/_([A-Za-z]{1,8})$/)?.[1];
  return suffix && SUFFIX_UNITS.has(suffix.toLowerCase()) ? ` ${suffix}` : '';
}

/**
 * @param {'th' | 'td'} tag
 * @param {(string | number | Node)[]} cells
 */
const rowOf = (tag, cells) => el('tr', {}, ...cells.map((c) => el(tag, {}, typeof c === 'object' ? c : String(c))));

/**
 * The core's warnings about predicted rows, each translated, joined by `; `.
 * @param {string[]} warnings
 */
const warningList = (warnings) => ({ key: 'apply.warningList', params: Object.fromEntries(warnings.map((w, i) => [`w${i}`, core(w)])) });
