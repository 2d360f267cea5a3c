// @ts-check
// The per-column table of the preprocessing panel: kind, missing, distinct and any further fields
// the worker's summary carries, the column's role (target / feature) and warnings beside it.
import { core, has, say } from '../i18n.js';
import { el, fmt } from '../ui.js';
import { featureTest } from './features.js';
import { namePager } from './name_pager.js';

/** @import {ColumnSummary, Table, Warning, DeepReadonly, DataSpec} from '../types.js' */
/** @import {Msg} from '../i18n.js' */

/** @typedef {'numeric' | 'categorical' | 'text'} Kind */

const KNOWN = new Set(['name', 'kind', 'missing', 'distinct', 'warnings', 'text']);
/** The preview shows this many columns and says how many more there are. */
const PREVIEW_COLUMNS = 100;
/**
 * What each container shows: its table, the choices it was drawn with (target, task, kinds), the
 * pager's place, and `tick(data)`, which sets the shown rows' feature ticks to `data`'s features
 * (`data.features` or `data.exclude`: ./features.js).
 * @type {WeakMap<HTMLElement, {table: Table, drawn: string, place: import('./name_pager.js').Place, tick: (data: DeepReadonly<DataSpec>) => void}>}
 */
const views = new WeakMap();

/**
 * Text for a summary value of unknown shape (numbers rounded, objects as compact JSON).
 * @param {unknown} v
 * @returns {string}
 */
export function formatValue(v) {
  if (Array.isArray(v)) return v.length > 5 ? `${v.slice(0, 5).map(formatValue).join(', ')}, … (${v.length})` : v.map(formatValue).join(', ');
  if (v && typeof v === 'object' && 'value' in v && 'count' in v) return `${v.value} (${v.count})`;
  if (v && typeof v === 'object') return JSON.stringify(v);
  return fmt(v);
}

/**
 * A date column's statistics as dates (the core sends seconds since 1970, UTC): min, max and mean
 * as `2023-06-01` (with the time when it is not midnight), std in days.
 * @param {ColumnSummary} c
 * @param {string} k
 * @param {unknown} v
 * @returns {string | Msg}
 */
export function statValue(c, k, v) {
  if (c.kind !== 'date' || typeof v !== 'number') return formatValue(v);
  if (k === 'std') return { key: 'stat.days', params: { n: Math.round(v / 86_400) } };
  if (!['min', 'max', 'mean'].includes(k) || !Number.isFinite(v)) return formatValue(v);
  const iso = new Date(Math.round(v) * 1000).toISOString();
  return k === 'mean' || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** @param {string | Warning} w @returns {Msg} a warning (the core's) with its line */
const warningText = (w) => {
  if (typeof w === 'string') return core(w);
  const text = core(w?.message ?? formatValue(w));
  return w?.line ? { key: 'warn.line', params: { line: w.line, text } } : text;
};

/**
 * Warnings for `column`: its own `warnings`, plus table-level ones that name it.
 * @param {Table} table
 * @param {ColumnSummary & {warnings?: (string | Warning)[]}} column
 */
export function warningsFor(table, column) {
  const own = (column.warnings ?? []).map(warningText);
  const named = (table.warnings ?? []).filter((w) => w?.column === column.name).map(warningText);
  return [...own, ...named];
}

/**
 * Table-level warnings that name no column.
 * @param {Table} table
 */
export const generalWarnings = (table) => (table.warnings ?? []).filter((w) => typeof w === 'string' || !w?.column).map(warningText);

/**
 * Renders `table`'s columns into `container`; `data` is the experiment's data section.
 * `onRole(name, role)` is called with role 'target', 'feature' or 'ignore'.
 * @param {HTMLElement} container
 * @param {Table} table
 * @param {DeepReadonly<DataSpec>} data
 * @param {(name: string, role: 'target' | 'feature' | 'ignore') => void} onRole
 * @param {(name: string, kind: Kind | null) => void} [onKind] reads a column as another kind
 *   (`data.column_kinds`: a mostly-numeric one as numbers, categories as text and back), or as
 *   the reader typed it again (null)
 */
export function renderColumns(container, table, data, onRole, onKind) {
  // The same table, target, task and kinds (a feature ticked or unticked, or the `configured`
  // after an `experiment`): only the ticks of the shown rows follow, nothing is redrawn.
  const drawn = JSON.stringify([data.target, data.column_kinds, data.task]);
  const view = views.get(container);
  if (view?.table === table && view.drawn === drawn) return view.tick(data);
  const place = view?.table === table ? view.place : { at: 0, find: '' };
  let isFeature = featureTest(data);
  /** The feature ticks of the rows shown, by column. @type {Map<ColumnSummary, HTMLInputElement>} */
  const ticks = new Map();
  const head = el('tr', {}, ...['column', 'kind', 'missing', 'distinct', 'details', 'target', 'feature'].map((h) => el('th', { scope: 'col', t: `col.${h}` })));
  /** @param {ColumnSummary} c */
  const row = (c) => {
    const isTarget = c.name === data.target;
    // Summary fields by name (min, max, …; one the catalog does not know shows as it is).
    const extra = Object.entries(c).filter(([k]) => !KNOWN.has(k)).flatMap(([k, v], i) => [i ? ' · ' : '',
      el('span', { t: ['stat.item', { name: has(`stat.${k}`) ? { key: `stat.${k}` } : k, value: statValue(c, k, v) }] })]);
    if (c.kind === 'date') extra.push(el('div', { className: 'note', dataset: { testid: `date-use-${c.name}` }, t: 'col.dateUse' }));
    if (c.text) extra.push(...(extra.length ? [' · '] : []), ...textStats(c.text));
    const warnings = warningsFor(table, c);
    const numbers = kindChoice(table, c.name, data, onKind);
    const choice = numbers.length ? numbers : textChoice(c, data, onKind);
    const target = el('input', { type: 'radio', name: 'target-col', checked: isTarget, tAttr: { 'aria-label': ['col.predict', { name: c.name }] } });
    target.addEventListener('change', () => onRole(c.name, 'target'));
    const feature = el('input', { type: 'checkbox', checked: isFeature(c), disabled: isTarget, tAttr: { 'aria-label': ['col.useFeature', { name: c.name }] } });
    feature.addEventListener('change', () => onRole(c.name, feature.checked ? 'feature' : 'ignore'));
    ticks.set(c, feature);
    const nameCell = el('th', { scope: 'row' }, el('span', { translate: false }, c.name),
      ...warnings.map((w) => el('span', { className: 'warning', role: 'note', t: ['warn.item', { text: w }] })),
      ...choice);
    return el('tr', { className: warnings.length ? 'has-warning' : '', dataset: { column: c.name } },
      nameCell, el('td', { t: has(`kind.${c.kind}`) ? `kind.${c.kind}` : undefined }, has(`kind.${c.kind}`) ? null : c.kind),
      el('td', {}, formatValue(c.missing)), el('td', {}, formatValue(c.distinct)),
      el('td', { className: 'extra' }, ...extra), el('td', {}, target), el('td', {}, feature));
  };
  const general = generalWarnings(table).map((w) => el('p', { className: 'warning', t: ['warn.item', { text: w }] }));
  const body = el('tbody');
  const pager = namePager(table.columns, place, (rows) => {
    ticks.clear();
    body.replaceChildren(...rows.map(row));
  }, 'columns');
  let ticked = [data.features, data.exclude];
  /** @param {DeepReadonly<DataSpec>} next */
  const tick = (next) => {
    if (sameList(ticked[0], next.features) && sameList(ticked[1], next.exclude)) return;
    ticked = [next.features, next.exclude];
    isFeature = featureTest(next);
    for (const [c, box] of ticks) box.checked = isFeature(c);
  };
  views.set(container, { table, drawn, place, tick });
  container.replaceChildren(...general, ...pager.controls, el('div', { className: 'scroll' },
    el('table', { className: 'grid' }, el('thead', {}, head), body)));
  pager.draw();
}

/**
 * Whether two lists of names (or nulls) name the same columns in the same order.
 * @param {readonly string[] | null | undefined} a
 * @param {readonly string[] | null | undefined} b
 */
const sameList = (a, b) => a === b || (a != null && b != null && a.length === b.length && a.every((n, i) => n === b[i]));

/**
 * The choice the reader's warning offers for a mostly-numeric column read as text: read it as
 * numbers (its other cells missing), or undo that.
 * @param {Table} table
 * @param {string} name
 * @param {DeepReadonly<DataSpec>} data
 * @param {((name: string, kind: Kind | null) => void) | undefined} onKind
 */
function kindChoice(table, name, data, onKind) {
  const offered = (table.warnings ?? []).some((w) => w?.column === name && w.message.includes('data.column_kinds'));
  if (!offered || !onKind) return [];
  const numeric = data.column_kinds?.[name] === 'numeric';
  const button = el('button', { type: 'button', className: 'small', dataset: { testid: `kind-${name}` }, t: numeric ? 'col.asText' : 'col.asNumbers' });
  button.addEventListener('click', () => onKind(name, numeric ? null : 'numeric'));
  return [el('span', { className: 'note', t: numeric ? 'col.readAsNumbers' : undefined }), button];
}

/**
 * A text column's token statistics: tokens per cell (min / median / max), the vocabulary, and the
 * most frequent tokens (the data's own words: `translate="no"`).
 * @param {import('../types.js').TextStats} s
 */
function textStats(s) {
  return [el('span', { t: ['stat.item', { name: { key: 'stat.tokens' }, value: `${s.tokens_min} / ${s.tokens_median} / ${s.tokens_max}` }] }), ' · ',
    el('span', { t: ['stat.item', { name: { key: 'stat.vocabulary' }, value: fmt(s.vocabulary) }] }), ' · ',
    el('span', { t: 'stat.topTokens' }), ' ', el('span', { translate: false, dataset: { testid: 'top-tokens' } }, formatValue(s.top_tokens.slice(0, 5)))];
}

/**
 * Categories ↔ text for a feature column the reader typed either way: a column of sentences
 * read as categories one-hot encodes each sentence; categories read as text split into words.
 * @param {ColumnSummary} c
 * @param {DeepReadonly<DataSpec>} data
 * @param {((name: string, kind: Kind | null) => void) | undefined} onKind
 */
function textChoice(c, data, onKind) {
  if (!onKind || c.name === data.target || (c.kind !== 'categorical' && c.kind !== 'text')) return [];
  const now = data.column_kinds?.[c.name] ?? c.kind;
  const other = now === 'text' ? 'categorical' : 'text';
  const button = el('button', { type: 'button', className: 'small', dataset: { testid: `kind-${c.name}` }, t: `col.as.${other}` });
  button.addEventListener('click', () => onKind(c.name, other === c.kind ? null : other));
  return [el('span', { className: 'note', t: now === c.kind ? undefined : `col.readAs.${now}` }), button];
}

/**
 * The first rows of the table as a text-only preview.
 * @param {HTMLElement} container
 * @param {Table | null} table
 * @param {string[][]} rows
 */
export function renderPreview(container, table, rows) {
  if (!table || !rows.length) return container.replaceChildren();
  const hidden = table.columns.length - PREVIEW_COLUMNS;
  const more = hidden > 0 ? [el('th', { scope: 'col', t: ['col.more', { n: hidden }] })] : [];
  const head = el('tr', {}, ...table.columns.slice(0, PREVIEW_COLUMNS).map((c) => el('th', { scope: 'col' }, c.name)), ...more);
  const body = rows.map((r) => el('tr', {}, ...r.slice(0, PREVIEW_COLUMNS).map((cell) => el('td', {}, cell))));
  container.replaceChildren(el('div', { className: 'scroll' },
    el('table', { className: 'grid preview', tAttr: { 'aria-label': ['col.firstRows', { n: rows.length }] } }, el('thead', {}, head), el('tbody', {}, ...body))));
}
