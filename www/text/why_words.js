// @ts-check
// "Why this answer?" for a model that reads text (www/panels/why_words.js): the highlighted
// sentence and its legend.

/** @type {import('./util.js').Catalog} */
export const WHY_WORDS = {
  'why.wordsAria': { en: 'The sentence, each word coloured by its attribution', zh: '句子中的每个词按其贡献着色' },
  'why.wordFor': { en: 'toward the answer', zh: '支持这个答案' },
  'why.wordAgainst': { en: 'against it', zh: '反对它' },
  'why.wordLegend': {
    en: 'The stronger the colour, the more the word moved the answer away from what the model says for an empty sentence; hover a word for its value.',
    zh: '颜色越深，这个词把答案从模型对空句子的回答推开得越多；把鼠标移到词上可看到数值。',
  },
  'why.introText': {
    en: 'Integrated gradients: how much each word moved the answer away from what the model says for an empty sentence. Blue pushed toward the answer, orange against it; together they add up to the difference.',
    zh: '积分梯度：每个词把答案从模型对“空句子”的回答推开了多少。蓝色推向这个答案，橙色与之相反；它们加起来正好等于两者之差。',
  },
  'why.doneText': {
    en: (p) => `“${p.output}”: ${p.value} here, ${p.base} for an empty sentence; the words add up to ${p.sum} (${p.steps} steps).`,
    zh: '“{output}”：此处为 {value}，空句子时为 {base}；各词的贡献之和为 {sum}（{steps} 步）。',
  },
  'why.wordUnknown': { en: 'not in the vocabulary: the model counts it only as an unknown word', zh: '不在词表中：模型只把它当作一个未知词' },
  'why.wordCut': { en: 'past the sentence length the model reads (max_length): not read', zh: '超出模型读取的句子长度（"max_length"）：未被读取' },
};
