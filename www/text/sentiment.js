// @ts-check
// Text classification (issue 14): the sentiment dataset and its credit, text columns in the
// columns table, the text settings, the "most wrong" table, the Application text box, the
// scenario and the sentiment lesson.

/** @type {import('./util.js').Catalog} */
export const SENTIMENT = {
  'dataset.sentiment': { en: 'Review sentences, positive or negative (3000 rows, text)', zh: '评论句子，正面或负面（3000 行，文本）' },
  'pre.sentimentCredit': {
    en: 'Sentiment Labelled Sentences (UCI): 3,000 review sentences from Amazon, IMDb and Yelp, by D. Kotzias, M. Denil, N. de Freitas and P. Smyth (“From Group to Individual Labels using Deep Features”, KDD 2015); CC BY 4.0. Changed: the three files joined with a source column; 8 stray control characters mapped to … – —.',
    zh: '带情感标签的句子（"UCI"）：来自 "Amazon"、"IMDb" 和 "Yelp" 的 3000 条评论句子，作者 "D. Kotzias, M. Denil, N. de Freitas, P. Smyth"（"From Group to Individual Labels using Deep Features"，"KDD 2015"）；许可 "CC BY 4.0"。改动：三个文件合并成一个，加了一列来源；8 个残留的控制字符换成了 … – —。',
  },

  // The columns table (www/panels/columns.js).
  'kind.text': { en: 'text', zh: '文本' },
  'stat.tokens': { en: 'tokens per cell (min / median / max)', zh: '每格词元数（最少 / 中位数 / 最多）' },
  'stat.vocabulary': { en: 'vocabulary', zh: '词表大小' },
  'stat.topTokens': { en: 'most frequent tokens', zh: '最常见的词元' },
  'col.as.text': { en: 'Read as text (sentences)', zh: '按文本（句子）读取' },
  'col.as.categorical': { en: 'Read as categories', zh: '按类别读取' },
  'col.readAs.text': { en: 'read as text: split into words', zh: '已按文本读取：切分成词' },
  'col.readAs.categorical': { en: 'read as categories: each value one-hot', zh: '已按类别读取：每个取值独热编码' },

  // The text settings (www/panels/text_settings.js), data.text.
  'text.legend': { en: 'Text columns', zh: '文本列' },
  'text.mode': { en: 'Encoding', zh: '编码方式' },
  'text.modeHint': { en: 'token ids for an embedding, or a bag of words for dense layers', zh: '给 embedding 用的词元编号，或给 dense 层用的词袋' },
  'textmode.int': { en: 'token ids in order (int)', zh: '按顺序的词元编号' },
  'textmode.multi_hot': { en: 'bag of words (multi-hot)', zh: '词袋（出现记 1）' },
  'textmode.tf_idf': { en: 'bag of words weighted (tf-idf)', zh: '加权词袋（词频 × 逆文档频率）' },
  'text.maxTokens': { en: 'Vocabulary at most', zh: '词表上限' },
  'text.maxTokensHint': { en: 'the most frequent tokens of the training rows (padding and unknown included)', zh: '训练行里最常见的词元（含填充和未知词）' },
  'text.minCount': { en: 'Seen at least', zh: '最少出现次数' },
  'text.minCountHint': { en: 'times in the training rows to join the vocabulary', zh: '在训练行里出现这么多次才进词表' },
  'text.maxLength': { en: 'Tokens per sentence', zh: '每句词元数' },
  'text.maxLengthHint': { en: 'token ids: longer sentences are cut, shorter ones padded', zh: '词元编号：长句截断，短句补齐' },

  // The Evaluation panel's most wrong test sentences (www/panels/wrong.js).
  'wrong.title': { en: 'The test sentences the model got most wrong', zh: '模型错得最离谱的测试句子' },
  'wrong.note': {
    en: '{wrong} of {rows} test sentences are wrong; the {shown} below gave their true class the lowest probability. Read them: sarcasm, negation (“not bad”) and rare words are where averaged word vectors fail.',
    zh: '{rows} 条测试句子里错了 {wrong} 条；下面 {shown} 条给真实类别的概率最低。读一读：反讽、否定（“不差”）和生僻词，正是平均词向量容易出错的地方。',
  },
  'wrong.actual': { en: 'actual', zh: '真实' },
  'wrong.predicted': { en: 'predicted', zh: '预测' },
  'wrong.p': { en: 'p({name})', zh: 'p({name})' },

  // The Application panel's text box.
  'apply.typeSentence': { en: 'Type a sentence…', zh: '输入一句话…' },

  // The scenario picker (www/panels/scenarios.js).
  'scenario.sentiment': { en: 'Sentiment analysis', zh: '情感分析', both: '情感分析 Sentiment analysis' },
  'scenario.sentiment.blurb': {
    en: 'Each review sentence becomes token ids; an embedding gives every word 16 learned numbers, their average over the sentence feeds a softmax: positive or negative. In a product: sorting reviews and support tickets, flagging unhappy customers, tracking what people say about a launch.',
    zh: '每条评论句子变成词元编号；embedding 给每个词 16 个学出来的数，把整句的词向量平均后交给 softmax：正面还是负面。在产品里：给评论和客服工单分类、找出不满意的客户、跟踪大家对新品发布的评价。',
  },

  // The sentiment lesson (www/lessons.js).
  'lesson.sentiment.title': { en: 'Lesson 6: sentiment of review sentences', zh: '第 6 课：评论句子的情感' },
  'lesson.sentiment.1': {
    en: 'Column {column} holds sentences. The model cannot read letters: each sentence is cut into tokens — lower-cased words, numbers, each emoji, each Chinese character. Here a sentence has {median} tokens in the middle, {max} at most, {vocabulary} distinct ones in all; the most frequent: {top}.',
    zh: '{column} 列是句子。模型不认识字母：每个句子被切成词元——小写的单词、数字、每个表情符号、每个汉字。这里一句话的词元数中位数是 {median}，最多 {max}，一共 {vocabulary} 个不同的词元；最常见的是：{top}。',
  },
  'lesson.sentiment.2': {
    en: 'The vocabulary is fitted on the {train} training rows only: each token kept gets an id, the rest are “unknown”. Fitting it on every row would let the test sentences leak into training — their rare words would have ids the model could never have learned honestly.',
    zh: '词表只在 {train} 行训练数据上拟合：保留下来的词元各有一个编号，其余的都算“未知”。如果用所有行来拟合，测试句子就泄漏进了训练——它们的生僻词会有编号，而模型本不该知道这些词。',
  },
  'lesson.sentiment.3': {
    en: 'The embedding is a table: one row of 16 learned numbers per token id (its vocabulary size is filled in from the data). Average pooling takes the mean of a sentence’s word vectors, skipping the padding; a softmax turns that mean into two probabilities.',
    zh: 'embedding 是一张表：每个词元编号一行，每行 16 个学出来的数（词表大小按数据自动填好）。平均池化把一句话里各个词向量取平均，跳过填充；softmax 把这个平均值变成两个概率。',
  },
  'lesson.sentiment.4': {
    en: 'Press Train. Training moves each word’s vector so that averages of positive sentences land on one side and negative ones on the other: “great”, “love” drift together, “waste”, “worst” the other way.',
    zh: '点“训练”。训练会挪动每个词的向量，让正面句子的平均值落在一边，负面句子落在另一边：“棒”“喜欢”这样的词会靠在一起，“浪费”“最差”跑到另一边。',
  },
  'lesson.sentiment.5': {
    en: 'Why can an average classify a sentence? Sentiment is carried by a few strong words, and the average keeps their direction. It cannot see word order: read the sentences it got most wrong — negations and sarcasm are there.',
    zh: '为什么一个平均值就能给句子分类？情感主要由少数几个强烈的词表达，平均值保留了它们的方向。但它看不到词序：读一读它错得最离谱的句子——否定和反讽都在那里。',
  },
  'lesson.sentiment.decide': {
    en: 'The diagnosis reads the curves and the test accuracy. A small dataset of short sentences overfits fast; early stopping keeps the best epoch. Answer it.',
    zh: '诊断会读这些曲线和测试准确率。短句组成的小数据集很快就会过拟合；提前停止会保留最好的那一轮。回答它。',
  },
  'lesson.sentiment.optimize': {
    en: 'One optimisation step by hand: word vectors of 8 numbers instead of 16, retrained from the same seed and compared on the validation sentences.',
    zh: '手动优化一步：把词向量从 16 个数换成 8 个数，用同一个随机种子重新训练，在验证集的句子上比较。',
  },
  'lesson.sentiment.apply': {
    en: 'Application: type a review of your own. The model file carries the fitted vocabulary, so it reads your raw sentence and the probabilities change as you type.',
    zh: '应用：自己写一句评论。模型文件里带着拟合好的词表，所以它直接读你的原句，概率随着你的输入而变化。',
  },
  'lesson.todo.applyType': { en: 'type a sentence in the text box', zh: '在文本框里输入一句话' },
  'tweak.dims8': { en: 'word vectors of 8 numbers', zh: '8 个数的词向量' },
};
