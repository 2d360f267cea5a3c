// @ts-check
// Compression and explanations (issue 16): "Make it smaller" in the Deployment panel
// (www/panels/compress.js), "Which inputs matter?" in the Evaluation panel (importance.js) and
// "Why this answer?" in the Application panel (why.js).
import { plural } from './util.js';

/** @type {import('./util.js').Catalog} */
export const COMPRESS = {
  'compress.title': { en: 'Make it smaller', zh: '压缩模型' },
  'compress.intro': {
    en: 'A smaller file loads faster on a phone or a web page. Compare the model with its int8 version (each weight stored in one byte instead of four) and with pruned versions (the smallest 50, 80 or 90 % of the weights set to zero, then two epochs of fine-tuning), measured on the same test rows.',
    zh: '文件越小，在手机或网页上加载越快。把模型与它的 int8 版本（每个权重用 1 个字节而不是 4 个字节存储）以及剪枝版本（把最小的 50%、80% 或 90% 的权重置零，再微调两轮）进行比较，都在相同的测试行上测量。',
  },
  'compress.run': { en: 'Compare compressed versions', zh: '比较压缩版本' },
  'compress.working': { en: 'Quantising, pruning and measuring each version…', zh: '正在量化、剪枝并测量每个版本…' },
  'compress.done': {
    en: (p) => `Measured on ${plural(p.rows, 'test row')}; the prediction time is one prediction of every test row. Pick a version to download it.`,
    zh: '在 {rows} 个测试行上测量；预测时间是对每个测试行预测一次所用的时间。选择一个版本即可下载。',
  },
  'compress.version': { en: 'Version', zh: '版本' },
  'compress.bytes': { en: 'File size', zh: '文件大小' },
  'compress.gzip': { en: 'Gzipped', zh: 'gzip 压缩后' },
  'compress.smaller': { en: 'Smaller (gzipped)', zh: '缩小倍数（gzip）' },
  'compress.accuracy': { en: 'Test accuracy', zh: '测试准确率' },
  'compress.rmse': { en: 'Test RMSE', zh: '测试 RMSE' },
  'compress.ms': { en: 'Prediction (ms)', zh: '预测耗时（毫秒）' },
  'compress.choose': { en: 'Download', zh: '下载' },
  'compress.pick': { en: 'Choose {version}', zh: '选择{version}' },
  'compress.float32': { en: 'float32 (as trained)', zh: 'float32（训练所得）' },
  'compress.int8': { en: 'int8 weights', zh: 'int8 权重' },
  'compress.pruned': { en: 'pruned {pct} %', zh: '剪枝 {pct}%' },
  'compress.kb': { en: '{kb} KB', zh: '{kb} KB' },
  'compress.axisSize': { en: 'file size, gzipped (KB)', zh: 'gzip 压缩后的文件大小（KB）' },
  'compress.axisAccuracy': { en: 'test accuracy (%)', zh: '测试准确率（%）' },
  'compress.axisRmse': { en: 'test RMSE', zh: '测试 RMSE' },
  'compress.plotAria': { en: 'Test metric against file size, one point per version', zh: '测试指标与文件大小的关系，每个版本一个点' },
  'compress.download': { en: 'Download the chosen version', zh: '下载所选版本' },

  'importance.title': { en: 'Which inputs matter?', zh: '哪些输入重要？' },
  'importance.intro': {
    en: 'Permutation importance: shuffle one input across the test rows and see how much the test loss rises. A large rise means the model leans on that input; about zero means it ignores it.',
    zh: '置换重要性：把某个输入在测试行之间随机打乱，看测试损失上升多少。上升越多，说明模型越依赖这个输入；接近零说明模型几乎不用它。',
  },
  'importance.run': { en: 'Measure importance', zh: '计算重要性' },
  'importance.working': { en: 'Shuffling each input and measuring the test loss…', zh: '正在逐个打乱输入并测量测试损失…' },
  // `n` inputs drawn of `of`: the most important ones, or a window's last lags (`lags`).
  'importance.done': {
    en: (p) => `${p.n < p.of ? (p.lags ? `The last ${p.n} of ${p.of} lags (t-1 is the newest value): r` : `The ${p.n} most important of ${p.of} inputs: r`) : 'R'}ise of the test loss (${p.loss} unshuffled) on ${plural(p.rows, 'test row')}, mean ± sd over ${plural(p.repeats, 'shuffle')}.`,
    zh: (p) => `${p.n < p.of ? (p.lags ? `${p.of} 个滞后中最近的 ${p.n} 个（t-1 是最新的值）：` : `${p.of} 个输入中最重要的 ${p.n} 个：`) : ''}测试损失（未打乱时为 ${p.loss}）在 ${p.rows} 个测试行上的上升量，${p.repeats} 次打乱的均值 ± 标准差。`,
  },
  'importance.aria': { en: 'Permutation importance per input', zh: '每个输入的置换重要性' },

  'why.title': { en: 'Why this answer?', zh: '为什么是这个答案？' },
  'why.intro': {
    en: 'Integrated gradients: how much each input moved the answer away from what the model says for an average input. Blue pushed toward the answer, orange against it; together they add up to the difference.',
    zh: '积分梯度：每个输入把答案从模型对“平均输入”的回答推开了多少。蓝色推向这个答案，橙色与之相反；它们加起来正好等于两者之差。',
  },
  'why.run': { en: 'Explain this prediction', zh: '解释这个预测' },
  'why.noInput': { en: 'Enter an input (or draw a digit) first.', zh: '请先输入数据（或画一个数字）。' },
  'why.done': {
    en: (p) => `“${p.output}”: ${p.value} here, ${p.base} for the average input; the attributions add up to ${p.sum} (${p.steps} steps).`,
    zh: '“{output}”：此处为 {value}，平均输入时为 {base}；各输入的贡献之和为 {sum}（{steps} 步）。',
  },
  'why.aria': { en: 'Attribution of each input to this prediction', zh: '每个输入对这个预测的贡献' },
  'why.heatAria': { en: 'Attribution of each of the 8×8 pixels', zh: '8×8 个像素各自的贡献' },
  'why.heatLegend': {
    en: 'Blue pixels made the model say it, orange ones spoke against it; white ones did not matter.',
    zh: '蓝色像素让模型给出这个答案，橙色像素反对它；白色像素无关紧要。',
  },
};
