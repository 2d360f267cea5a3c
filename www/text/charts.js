// @ts-check
// The words of the plotters charts added for issues 15 and 16 (www/chart.js passes them to the
// chart package with the other `chart.*` words): the item map's axes and the importance bars' axis.

/** @type {import('./util.js').Catalog} */
export const CHART_WORDS = {
  'chart.component_1': { en: 'first component', zh: '第一主成分' },
  'chart.component_2': { en: 'second component', zh: '第二主成分' },
  'chart.loss_rise': { en: 'rise in test loss', zh: '测试损失的上升' },
};
