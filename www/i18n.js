// @ts-check
// The workflow's eight nodes with their Chinese and English labels, and the language toggle.

/** @import {NodeId} from './types.js' */

/** @type {{id: NodeId, mermaid: string, zh: string, en: string}[]} */
export const NODES = [
  { id: 'preprocess', mermaid: 'A', zh: '数据预处理', en: 'Data preprocessing' },
  { id: 'build', mermaid: 'B', zh: '模型构建', en: 'Model build' },
  { id: 'train', mermaid: 'C', zh: '模型训练', en: 'Training' },
  { id: 'evaluate', mermaid: 'D', zh: '模型评估', en: 'Evaluation' },
  { id: 'decide', mermaid: 'E', zh: '是否优化？', en: 'Optimize?' },
  { id: 'optimize', mermaid: 'F', zh: '模型优化', en: 'Optimization' },
  { id: 'deploy', mermaid: 'G', zh: '模型部署', en: 'Deployment' },
  { id: 'apply', mermaid: 'H', zh: '模型应用', en: 'Application' },
];

export const NODE_IDS = NODES.map((n) => n.id);

/** The seed's flowchart, verbatim: the page draws it and shows it on request. */
export const MERMAID_SOURCE = `graph TD
A[数据预处理 Data preprocessing] --> B[模型构建 Model build]
B --> C[模型训练 Training]
C --> D[模型评估 Evaluation]
D --> E{是否优化？Optimize?}
E -->|是 yes| F[模型优化 Optimization]
E -->|否 no| G[模型部署 Deployment]
F --> G
G --> H[模型应用 Application]`;

const EDGES = { yes: { zh: '是', en: 'yes' }, no: { zh: '否', en: 'no' } };

/** @typedef {'both' | 'zh' | 'en'} Language */

/**
 * The flowchart's mermaid source in `lang`: the seed's text verbatim for 'both'.
 * @param {Language} lang
 */
export function mermaidSource(lang) {
  if (lang === 'both') return MERMAID_SOURCE;
  const n = Object.fromEntries(NODES.map((x) => [x.mermaid, x[lang]]));
  /** @param {'yes' | 'no'} k */
  const e = (k) => EDGES[k][lang];
  return `graph TD
A[${n.A}] --> B[${n.B}]
B --> C[${n.C}]
C --> D[${n.D}]
D --> E{${n.E}}
E -->|${e('yes')}| F[${n.F}]
E -->|${e('no')}| G[${n.G}]
F --> G
G --> H[${n.H}]`;
}

/** @type {Language[]} */
const LANGS = ['both', 'zh', 'en'];
/** @type {Language} */
let lang = 'both';

/**
 * The label of node `id` in the current language ('both' shows Chinese then English).
 * @param {string} id
 */
export function label(id) {
  const n = /** @type {(typeof NODES)[number]} */ (NODES.find((x) => x.id === id));
  if (lang === 'zh') return n.zh;
  if (lang === 'en') return n.en;
  return `${n.zh} ${n.en}`;
}

export const language = () => lang;

/**
 * Cycles both → 中文 → English and relabels every `[data-node-label]` element.
 * @param {Language} [next]
 */
export function setLanguage(next = LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length]) {
  lang = LANGS.includes(next) ? next : 'both';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll(/** @type {'span'} */ ('[data-node-label]'))) el.textContent = label(el.dataset.nodeLabel ?? '');
  return lang;
}

/** @type {Record<Language, string>} */
export const LANGUAGE_NAMES = { both: '中文 + English', zh: '中文', en: 'English' };
