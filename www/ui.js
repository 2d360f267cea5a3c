// @ts-check
// The page's DOM helpers: the one element builder, number formatter and download. Text from data
// (column names, cells, messages) goes in as text nodes or textContent only; the page's own text
// comes from the catalog (`t` / `tAttr` props, `txt`), so it follows the language.
import { say, sayAttr } from './i18n.js';

/** @import {Params} from './i18n.js' */

/**
 * The first element matching `sel` (typed as an HTMLElement: the page's own ids and hooks).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} sel
 * @param {ParentNode} [root]
 * @returns {T}
 */
export const $ = (sel, root = document) => /** @type {T} */ (root.querySelector(sel));

/**
 * The element with `data-testid=id`.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
export const byTestId = (id) => $(`[data-testid="${id}"]`);

/** A catalog key, or a key and its params. @typedef {string | [string, Params?]} Text */

/**
 * Properties for `el`: element properties (`className`, `hidden`, `value`, …), `dataset` entries
 * (undefined ones skipped), `aria*` / `role` / `for`, which become attributes
 * (`ariaLabelledby` → `aria-labelledby`), `t`: the element's text as a catalog message, and
 * `tAttr`: attributes as catalog messages (`{'aria-label': 'train.chart'}`), both rewritten when
 * the language changes.
 * @typedef {{[key: string]: any, dataset?: Record<string, string | number | undefined>, t?: Text,
 *   tAttr?: Record<string, Text>}} Props
 */

/** @param {Text} text @returns {[string, Params | undefined]} */
const keyOf = (text) => (Array.isArray(text) ? [text[0], text[1]] : [text, undefined]);

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * `el('p', {className: 'note'}, 'text', child)`: an element with `props` and `children`; strings
 * and numbers become text nodes, null / undefined / false are left out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if ((k === 't' || k === 'tAttr') && v === undefined) continue;
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== undefined) node.dataset[dk] = String(dv);
    } else if (k === 't') {
      say(node, ...keyOf(v));
    } else if (k === 'tAttr') {
      for (const [attr, text] of Object.entries(/** @type {Record<string, Text>} */ (v))) sayAttr(node, attr, ...keyOf(text));
    } else if (k.startsWith('aria') || k === 'for' || k === 'role') {
      node.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
    } else /** @type {any} */ (node)[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'number' ? String(c) : c);
  }
  return node;
}

/**
 * A number for people: whole numbers as they are, others to `digits` significant digits (or to
 * `decimals` places), trailing zeros dropped; '—' for a missing value, other values as text.
 * The raw number stays in data attributes where scripts read it.
 * @param {unknown} x
 * @param {{digits?: number, decimals?: number}} [opts]
 * @returns {string}
 */
export function fmt(x, { digits = 4, decimals } = {}) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  return String(Number(decimals === undefined ? x.toPrecision(digits) : x.toFixed(decimals)));
}

/**
 * A catalog message as a `<span>` that follows the language (for text beside other children).
 * @param {string} key
 * @param {Params} [params]
 */
export const txt = (key, params) => el('span', { t: [key, params] });

/**
 * A labelled control: `<label>text <control></label>`, its text and hint catalog keys.
 * @param {string} text
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
export const field = (text, control, hint) => el('label', {}, txt(text), control, hint ? el('small', { className: 'note', t: hint }) : null);

/**
 * A number input.
 * @param {Props} props
 */
export const numberInput = (props) => el('input', { type: 'number', ...props });

/**
 * Replaces the options of `select` with `values` ([value, label] pairs, text only), selecting
 * `selected`.
 * @param {HTMLSelectElement} select
 * @param {string[][]} values
 * @param {string} selected
 */
export function fillSelect(select, values, selected) {
  select.replaceChildren(...values.map(([value, label]) => el('option', { value, selected: value === selected }, label)));
}

/**
 * Replaces the options of `select` with `values` ([value, catalog key] pairs), selecting `selected`.
 * @param {HTMLSelectElement} select
 * @param {string[][]} values
 * @param {string} selected
 */
export function fillSelectT(select, values, selected) {
  select.replaceChildren(...values.map(([value, key]) => el('option', { value, selected: value === selected, t: key })));
}

/**
 * Sizes `canvas`'s backing store to its CSS box (device pixels); false when it is not shown.
 * @param {HTMLCanvasElement} canvas
 */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (!width || !height) return false;
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  return true;
}

/**
 * Offers `text` (or bytes) as a file download named `name`.
 * @param {string} name
 * @param {string | Uint8Array<ArrayBuffer>} text
 * @param {string} [type]
 */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
