// @ts-check
// What the catalog's entries share: their type and English plurals (Chinese has none).

/**
 * A message in each language: a string with `{name}` placeholders or a function of the params.
 * `both` (optional) is the bilingual form shown in 'both' mode; otherwise 'both' shows `en`.
 * @typedef {string | ((p: any) => string)} Template
 * @typedef {{en: Template, zh: Template, both?: Template}} Entry
 * @typedef {Record<string, Entry>} Catalog
 */

/**
 * `n` with the English noun in the singular or plural: `plural(1, 'row')` → '1 row'.
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** @param {number} n @param {string} one @param {string} [many] the noun alone */
export const noun = (n, one, many = `${one}s`) => (n === 1 ? one : many);
