// @ts-check
// "Why?" on the Evaluation panel's most wrong test sentences (www/panels/wrong.js).

/** @type {import('./util.js').Catalog} */
export const WRONG_WHY = {
  'wrong.whyHead': { en: 'explain', zh: '解释' },
  'wrong.why': { en: 'Why?', zh: '为什么？' },
  'wrong.whyTitle': { en: 'Why the model answered so', zh: '模型为什么这样回答' },
  'wrong.whyWorking': { en: 'Explaining the sentence…', zh: '正在解释这个句子…' },
};
