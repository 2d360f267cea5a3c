// @ts-check
// Text columns on the Preprocessing panel (issue 14): the text settings (`data.text`: output mode,
// max_tokens, min_count, max_length), shown when a feature is read as text, and the embedding's
// vocabulary size (`input_dim`) filled in from the data.
import { el, field, fillSelectT, numberInput } from '../ui.js';
import { featureTest } from './features.js';

/** @import {App} from '../app.js' */
/** @import {DataSpec, DeepReadonly, Experiment, Table, TextSpec} from '../types.js' */

/** The core's defaults and limits for `data.text` (docs/CONTRACTS.md, "data.text"). */
const DEFAULTS = { output_mode: 'multi_hot', max_tokens: 10000, min_count: 1, max_length: 40 };
const LIMITS = { max_tokens: [2, 20000], min_count: [1, 1000000], max_length: [1, 1000] };
const MODES = ['int', 'multi_hot', 'tf_idf'];
/** Token ids an `int` sequence reserves: 0 padding, 1 out of vocabulary. */
const RESERVED = 2;

/** Each table's columns by name, made once (a 10,000-column file was searched once per column). @type {WeakMap<Table, Map<string, Table['columns'][number]>>} */
const byName = new WeakMap();

/**
 * `table`'s column called `name`, if it has one.
 * @param {Table | null} table
 * @param {string | null | undefined} name
 */
export function columnNamed(table, name) {
  if (!table) return undefined;
  let index = byName.get(table);
  if (!index) byName.set(table, index = new Map(table.columns.map((c) => [c.name, c])));
  return name == null ? undefined : index.get(name);
}

/**
 * The kind column `name` is read as: `data.column_kinds` first, else the reader's.
 * @param {Table} table
 * @param {DeepReadonly<DataSpec>} data
 * @param {string} name
 */
export const kindOf = (table, data, name) =>
  data.column_kinds?.[name] ?? columnNamed(table, name)?.kind;

/**
 * The feature columns read as text.
 * @param {Table | null} table
 * @param {DeepReadonly<DataSpec>} data
 */
export function textFeatures(table, data) {
  if (!table) return [];
  // Most tables have no text column: then no feature list (9,999 names in a wide file) is walked.
  const kinds = Object.values(data.column_kinds ?? {});
  if (!kinds.includes('text') && !table.columns.some((c) => c.kind === 'text')) return [];
  const isFeature = featureTest(data);
  const features = data.features ?? table.columns.filter(isFeature).map((c) => c.name);
  return features.filter((n) => n !== data.target && kindOf(table, data, n) === 'text');
}

/**
 * The token ids an embedding needs for the first text feature: its distinct tokens (inspect's
 * `vocabulary`, over all rows, so never fewer than the training rows give) plus padding and
 * out-of-vocabulary, capped at `max_tokens`. `null` when no text feature has inspect statistics.
 * @param {Table | null} table
 * @param {DeepReadonly<DataSpec>} data
 */
export function tokenIds(table, data) {
  const name = textFeatures(table, data)[0];
  const stats = columnNamed(table, name)?.text;
  if (!stats) return null;
  return Math.min(data.text?.max_tokens ?? DEFAULTS.max_tokens, stats.vocabulary + RESERVED);
}

/**
 * Sets every embedding's `input_dim` to the token ids the data gives (see `tokenIds`).
 * @param {Experiment} experiment changed in place (a draft)
 * @param {Table | null} table
 */
export function fitEmbedding(experiment, table) {
  const ids = experiment.data && tokenIds(table, experiment.data);
  if (!ids) return;
  for (const layer of experiment.model?.layers ?? []) if (layer.type === 'embedding') layer.input_dim = ids;
}

/**
 * The text settings fieldset; hidden while no feature is text.
 * @param {App} app
 * @param {(fn: (data: NonNullable<Experiment['data']>, experiment: Experiment) => void) => void} editData
 * @returns {{el: HTMLElement, sync: () => void}}
 */
export function textSettings(app, editData) {
  const mode = el('select', { id: 'text-mode' });
  fillSelectT(mode, MODES.map((m) => [m, `textmode.${m}`]), DEFAULTS.output_mode);
  /** @type {Record<keyof typeof LIMITS, HTMLInputElement>} */
  const numbers = {
    max_tokens: numberInput({ id: 'text-max-tokens', min: LIMITS.max_tokens[0], max: LIMITS.max_tokens[1], step: 1 }),
    min_count: numberInput({ id: 'text-min-count', min: LIMITS.min_count[0], max: LIMITS.min_count[1], step: 1 }),
    max_length: numberInput({ id: 'text-max-length', min: LIMITS.max_length[0], max: LIMITS.max_length[1], step: 1 }),
  };
  const box = el('fieldset', { className: 'row', id: 'text-settings', hidden: true, dataset: { testid: 'text-settings' } },
    el('legend', { t: 'text.legend' }),
    field('text.mode', mode, 'text.modeHint'),
    field('text.maxTokens', numbers.max_tokens, 'text.maxTokensHint'),
    field('text.minCount', numbers.min_count, 'text.minCountHint'),
    field('text.maxLength', numbers.max_length, 'text.maxLengthHint'));

  /** @param {(text: TextSpec, e: Experiment) => void} fn */
  const editText = (fn) => editData((d, e) => {
    const text = { ...d.text };
    fn(text, e);
    d.text = text;
    fitEmbedding(e, app.table);
  });
  mode.addEventListener('change', () => editText((text) => { text.output_mode = /** @type {TextSpec['output_mode']} */ (mode.value); }));
  for (const [key, input] of Object.entries(numbers)) {
    const [min, max] = LIMITS[/** @type {keyof typeof LIMITS} */ (key)];
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (input.value === '' || !Number.isInteger(value) || value < min || value > max) return input.reportValidity();
      editText((text) => { text[/** @type {keyof typeof LIMITS} */ (key)] = value; });
    });
  }

  function sync() {
    const data = app.experiment?.data ?? {};
    box.hidden = textFeatures(app.table, data).length === 0;
    const text = { ...DEFAULTS, ...data.text };
    mode.value = text.output_mode;
    for (const [key, input] of Object.entries(numbers)) input.value = String(text[/** @type {keyof typeof LIMITS} */ (key)]);
  }
  return { el: box, sync };
}
