// @ts-check
// The page's two languages. Every string the page shows is a catalog entry (www/text/*.js) read
// with `t(key, params)`; text that must follow a language switch is written with `say` (or `el`'s
// `t` / `tAttr` props, www/ui.js), which remembers the key on the element so `relabel` can write
// it again in the other language. The core's messages are translated at this shell from
// templates (www/text/core.js). The store (www/store.js) owns the setting and calls `use`.
import { CATALOG } from './text/index.js';

/** @import {NodeId} from './types.js' */

/**
 * `zh`: all Chinese. `en`: all English. `both`: English text with the seed's bilingual workflow
 * labels (flowchart, step strip, panel headings, 是/否).
 * @typedef {'both' | 'zh' | 'en'} Language
 */
/** @typedef {Record<string, unknown>} Params */
/** A message: a catalog key and its parameters. @typedef {{key: string, params?: Params}} Msg */

/** @type {Language[]} */
export const LANGUAGES = ['both', 'zh', 'en'];
const STORAGE_KEY = 'kindling.lang';

/** @type {Language} */
let current = 'both';

/** The language shown now. */
export const language = () => current;

/**
 * The language the page opens in: `?lang=zh|en|both`, else the one last chosen (localStorage),
 * else Chinese for a browser that prefers it, else `fallback`.
 * @param {Language} [fallback]
 * @returns {Language}
 */
export function initialLanguage(fallback = 'both') {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  const stored = remembered();
  if (stored) return stored;
  return navigator.languages?.some((l) => /^zh\b/i.test(l)) ? 'zh' : fallback;
}

/** @param {unknown} x @returns {x is Language} */
export const isLanguage = (x) => LANGUAGES.includes(/** @type {Language} */ (x));

/** @returns {Language | null} the language last chosen with the toggle */
function remembered() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null; // storage blocked (e.g. a sandboxed frame)
  }
}

/** @param {Language} lang remembered for the next visit */
export function remember(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch { /* storage blocked: the choice lasts this visit */ }
}

/**
 * Switches the catalog to `lang` and marks the document (`<html lang>`: `zh-CN` for Chinese,
 * `en` otherwise). Called by the store only (Store.setLanguage), which announces the change.
 * @param {Language} lang
 */
export function use(lang) {
  current = isLanguage(lang) ? lang : 'both';
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(current);
  return current;
}

/** @param {Language} lang */
export const htmlLang = (lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * Message `key` in the current language with `params` filled in: `{name}` placeholders, or the
 * entry's function of the params (plurals). A param that is itself a `Msg` is translated first.
 * A missing key shows as the key (and fails the page tests).
 * @param {string} key
 * @param {Params} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  return render(current, key, params);
}

/**
 * Message `key` in `lang` (see `t`).
 * @param {Language} lang
 * @param {string} key
 * @param {Params} [params]
 * @returns {string}
 */
function render(lang, key, params = {}) {
  if (!has(key)) return key;
  const entry = CATALOG[key];
  const template = (lang === 'both' && entry.both) || entry[lang === 'zh' ? 'zh' : 'en'];
  /** @type {Params} */
  const p = {};
  for (const [k, v] of Object.entries(params)) p[k] = isMsg(v) ? render(lang, v.key, v.params) : v;
  if (typeof template === 'function') return template(p);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in p ? String(p[name]) : whole));
}

/**
 * An error the page raises itself: its message in English (for logs and `Error.message`) and its
 * catalog key and params, so it can be shown in the page's language.
 */
export class PageError extends Error {
  /** @param {string} key @param {Params} [params] */
  constructor(key, params = {}) {
    super(render('en', key, params));
    /** @type {Msg} */
    this.msg = { key, params };
  }
}

/**
 * What to show for a caught error: a page error's own message, anything else's text as it is.
 * @param {unknown} err
 * @returns {Msg}
 */
export const errorMsg = (err) => (err instanceof PageError ? err.msg : core(String(/** @type {Error} */ (err)?.message ?? err)));

/** @param {string} key @returns {boolean} whether the catalog has `key` */
export const has = (key) => Object.hasOwn(CATALOG, key);

/** @param {unknown} v @returns {v is Msg} */
const isMsg = (v) => typeof v === 'object' && v !== null && typeof (/** @type {Msg} */ (v).key) === 'string';

/**
 * A message from the core (an error or warning the worker forwards), shown translated.
 * @param {string} message
 * @returns {Msg}
 */
export const core = (message) => ({ key: 'core', params: { message } });

/**
 * Writes message `key` into `node` and remembers it there (`data-i18n`, `data-i18n-params`), so
 * a language switch rewrites it. A null key empties the node and forgets.
 * @param {HTMLElement} node
 * @param {string | Msg | null} key
 * @param {Params} [params]
 */
export function say(node, key, params) {
  if (key !== null && typeof key === 'object') return say(node, key.key, key.params);
  if (key === null) {
    delete node.dataset.i18n;
    delete node.dataset.i18nParams;
    node.textContent = '';
    return;
  }
  node.dataset.i18n = key;
  if (params && Object.keys(params).length) node.dataset.i18nParams = JSON.stringify(params);
  else delete node.dataset.i18nParams;
  node.textContent = t(key, params);
}

/**
 * Sets attribute `attr` of `node` (`aria-label`, `title`, …) to message `key`, remembered for a
 * language switch as `say` does for text.
 * @param {HTMLElement} node
 * @param {string} attr
 * @param {string | Msg} key
 * @param {Params} [params]
 */
export function sayAttr(node, attr, key, params) {
  const msg = typeof key === 'object' ? key : { key, params };
  const all = JSON.parse(node.dataset.i18nAttr ?? '{}');
  all[attr] = msg;
  node.dataset.i18nAttr = JSON.stringify(all);
  node.setAttribute(attr, t(msg.key, msg.params));
}

/**
 * Rewrites every remembered message under `root` (and `root` itself) in the current language.
 * @param {ParentNode} [root]
 */
export function relabel(root = document) {
  /** @type {HTMLElement[]} */
  const nodes = [...root.querySelectorAll(/** @type {'span'} */ ('[data-i18n], [data-i18n-attr], [data-node-label]'))];
  if (root instanceof HTMLElement) nodes.unshift(root);
  for (const node of nodes) {
    const { i18n, i18nParams, i18nAttr, nodeLabel } = node.dataset;
    if (i18n) node.textContent = t(i18n, i18nParams ? JSON.parse(i18nParams) : {});
    if (nodeLabel) showLabel(node, /** @type {NodeId} */ (nodeLabel));
    if (i18nAttr) {
      for (const [attr, msg] of Object.entries(JSON.parse(i18nAttr))) node.setAttribute(attr, t(msg.key, msg.params));
    }
  }
}

// ── The workflow's eight nodes (their labels are the catalog's `node.ID`) ──────────────────────

/** @type {{id: NodeId, mermaid: string}[]} */
export const NODES = [
  { id: 'preprocess', mermaid: 'A' }, { id: 'build', mermaid: 'B' }, { id: 'train', mermaid: 'C' },
  { id: 'evaluate', mermaid: 'D' }, { id: 'decide', mermaid: 'E' }, { id: 'optimize', mermaid: 'F' },
  { id: 'deploy', mermaid: 'G' }, { id: 'apply', mermaid: 'H' },
];

export const NODE_IDS = NODES.map((n) => n.id);

/** The seed's flowchart, verbatim: the page draws it in 'both' mode. */
export const MERMAID_SOURCE = `graph TD
A[数据预处理 Data preprocessing] --> B[模型构建 Model build]
B --> C[模型训练 Training]
C --> D[模型评估 Evaluation]
D --> E{是否优化？Optimize?}
E -->|是 yes| F[模型优化 Optimization]
E -->|否 no| G[模型部署 Deployment]
F --> G
G --> H[模型应用 Application]`;

/**
 * The flowchart's mermaid source in `lang`: the seed's text verbatim for 'both'.
 * @param {Language} lang
 */
export function mermaidSource(lang) {
  if (lang === 'both') return MERMAID_SOURCE;
  const n = Object.fromEntries(NODES.map((x) => [x.mermaid, render(lang, `node.${x.id}`)]));
  return `graph TD
A[${n.A}] --> B[${n.B}]
B --> C[${n.C}]
C --> D[${n.D}]
D --> E{${n.E}}
E -->|${render(lang, 'node.edgeYes')}| F[${n.F}]
E -->|${render(lang, 'node.edgeNo')}| G[${n.G}]
F --> G
G --> H[${n.H}]`;
}

/**
 * The label of node `id` in the current language ('both' shows Chinese then English).
 * @param {string} id
 */
export const label = (id) => t(`node.${id}`);

/**
 * Writes node `id`'s label into `span` (marked `data-node-label` so `relabel` rewrites it); in
 * 'both' the Chinese half carries `lang="zh-CN"` for screen readers.
 * @param {HTMLElement} span
 * @param {NodeId} id
 */
export function showLabel(span, id) {
  span.dataset.nodeLabel = id;
  if (current !== 'both') return void (span.textContent = label(id));
  const zh = document.createElement('span');
  zh.lang = 'zh-CN';
  zh.textContent = render('zh', `node.${id}`);
  span.replaceChildren(zh, ` ${render('en', `node.${id}`)}`);
}

/** Each mode's name, written in its own language (as language pickers do). @type {Record<Language, string>} */
export const LANGUAGE_NAMES = { both: '中文 + English', zh: '中文', en: 'English' };

/** @param {Language} lang @returns {Language} the mode the toggle goes to next: both → 中文 → English */
export const nextLanguage = (lang) => LANGUAGES[(LANGUAGES.indexOf(lang) + 1) % LANGUAGES.length];
