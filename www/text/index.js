// @ts-check
// The message catalog: every string the page shows, in English and Chinese, by key. One module
// per part of the page; www/i18n.js reads it with `t(key, params)`.
import { CHART_WORDS } from './charts.js';
import { COMPRESS } from './compress.js';
import { translateCore } from './core.js';
import { DIAGNOSIS } from './diagnosis.js';
import { EXPORT } from './export.js';
import { LATER } from './later.js';
import { LESSON_TEXT } from './lessons.js';
import { MODEL_OPEN } from './model_open.js';
import { PAGE } from './page.js';
import { PANELS } from './panels.js';
import { RECOMMEND } from './recommend.js';
import { SENTIMENT } from './sentiment.js';
import { STOCK } from './stock.js';
import { TEACH } from './teach.js';
import { UX } from './ux.js';
import { WHY_WORDS } from './why_words.js';
import { WIDE } from './wide.js';
import { WRONG_WHY } from './wrong_why.js';

/** The parts, by name (tests check that no key is defined twice). */
export const PARTS = { PAGE, PANELS, LATER, LESSON_TEXT, DIAGNOSIS, TEACH, EXPORT, STOCK, UX, RECOMMEND, COMPRESS, SENTIMENT, CHART_WORDS, WIDE, MODEL_OPEN, WHY_WORDS, WRONG_WHY };

/** @type {import('./util.js').Catalog} */
export const CATALOG = {
  ...PAGE, ...PANELS, ...LATER, ...LESSON_TEXT, ...DIAGNOSIS, ...TEACH, ...EXPORT, ...STOCK, ...UX, ...RECOMMEND, ...COMPRESS, ...SENTIMENT, ...CHART_WORDS, ...WIDE, ...MODEL_OPEN, ...WHY_WORDS, ...WRONG_WHY,
  // A message from the core (www/text/core.js): as written in English, translated in Chinese.
  core: { en: (p) => p.message, zh: (p) => translateCore(p.message) ?? p.message },
};
