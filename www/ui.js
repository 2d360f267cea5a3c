// @ts-check
// The page's DOM helpers: the one element builder, number formatter and download. Text from data
// (column names, cells, messages) goes in as text nodes or textContent only.

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

/**
 * Properties for `el`: element properties (`className`, `hidden`, `value`, …), `dataset` entries
 * (undefined ones skipped), and `aria*` / `role` / `for`, which become attributes
 * (`ariaLabelledby` → `aria-labelledby`).
 * @typedef {{[key: string]: any, dataset?: Record<string, string | number | undefined>}} Props
 */

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
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== undefined) node.dataset[dk] = String(dv);
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
 * A labelled control: `<label>text <control></label>`.
 * @param {string} text
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
export const field = (text, control, hint) => el('label', {}, text, control, hint ? el('small', { className: 'note' }, hint) : null);

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
 * Offers `text` as a file download named `name`.
 * @param {string} name
 * @param {string} text
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
