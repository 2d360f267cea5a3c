// @ts-check
// Wide files (issue 13 item 9): finding a column by name in the columns table, and the
// Application form's inputs shown a page at a time.

/** @type {import('./util.js').Catalog} */
export const WIDE = {
  'col.find': { en: 'Find a column by name', zh: '按名称查找列' },
  'col.pageFound': { en: 'columns {from}–{to} of {n} whose name contains “{find}”', zh: '名称包含“{find}”的列：第 {from}–{to} 列，共 {n} 列' },
  'col.noneFound': { en: 'no column name contains “{find}”', zh: '没有列名包含“{find}”' },
};
