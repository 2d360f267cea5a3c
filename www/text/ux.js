// @ts-check
// Texts of the error details, the target's task choice, date columns, wide tables, opened model
// files and the Experiment JSON editor (issue 19's leftovers, issue 13 item 9).

/** @type {import('./util.js').Catalog} */
export const UX = {
  'error.where': { en: 'Where in the experiment JSON', zh: '在实验 JSON 中的位置' },
  'pre.task': { en: 'Task', zh: '任务' },
  'pre.taskHint': { en: 'the target holds whole numbers: classes or a quantity?', zh: '目标是整数：是类别，还是一个数量？' },
  'pre.taskClassification': { en: 'classification (each number a class)', zh: '分类（每个数是一个类别）' },
  'pre.taskRegression': { en: 'regression (a quantity)', zh: '回归（一个数量）' },
  'stat.days': { en: '{n} days', zh: '{n} 天' },
  'col.dateUse': {
    en: 'as a feature: a time index (seconds since 1970, scaled), which can learn a trend, not seasons',
    zh: '用作特征时：作为时间索引（自 1970 年起的秒数，经过缩放），能学到趋势，学不到季节规律',
  },
};
