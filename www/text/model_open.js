// @ts-check
// Opening a model file puts the page in its state (issue 19; www/model_open.js): the banner that
// asks for the CSV it was trained on and the Evaluation panel's "From the model file".
import { plural } from './util.js';

/** @type {import('./util.js').Catalog} */
export const MODEL_OPEN = {
  'open.needCsv': {
    en: 'This model was trained on {name}. Open that CSV to evaluate it again or to train further; Application works now.',
    zh: '这个模型是用 {name} 训练的。打开这个 CSV 才能重新评估或继续训练；“模型应用”现在就能用。',
  },
  'open.openCsv': { en: 'Open the CSV', zh: '打开 CSV' },
  'open.missingColumns': {
    en: '{name} lacks the columns the model {model} reads: {columns}. Open the CSV it was trained on (or one with those columns).',
    zh: '{name} 缺少模型 {model} 需要的列：{columns}。请打开训练它时用的 CSV（或含有这些列的文件）。',
  },
  'open.title': { en: 'From the model file', zh: '来自模型文件' },
  'open.intro': {
    en: (p) => `${p.name}: its settings are the page's now. The metrics below were measured when it was trained (${plural(p.epochs, 'epoch')}, ${plural(p.rows, 'test row')}${p.int8 ? ', int8 weights' : ''}); the chart is its loss history.`,
    zh: (p) => `${p.name}：页面现在用的是它的设置。下面的指标是它训练时测得的（${p.epochs} 轮，${p.rows} 个测试行${p.int8 ? '，int8 权重' : ''}）；图表是它的损失曲线。`,
  },
  'open.fromFile': {
    en: (p) => `From the model file ${p.name}: ${plural(p.rows, 'test row')}.`,
    zh: '来自模型文件 {name}：{rows} 个测试行。',
  },
  'open.lossAria': { en: 'Loss history of the opened model', zh: '打开的模型的损失曲线' },
  'open.evaluate': { en: 'Evaluate on the loaded data', zh: '在已加载的数据上评估' },
  'open.evaluating': { en: 'Measuring the opened model on the test rows…', zh: '正在测试行上测量打开的模型…' },
  'open.measured': {
    en: (p) => `The opened model, measured now on ${plural(p.rows, 'test row')} of the loaded data.`,
    zh: '打开的模型，刚在已加载数据的 {rows} 个测试行上测得。',
  },
  'open.same': { en: 'The same figures as the model file.', zh: '与模型文件中的数字相同。' },
  'open.differ': {
    en: 'These differ from the model file: the loaded data is not the data it was tested on.',
    zh: '这些数字与模型文件不同：已加载的数据不是它当初测试用的数据。',
  },
  'open.trainNew': {
    en: 'Training starts a new model from these settings; until then Application predicts with the opened one.',
    zh: '训练会用这些设置从头训练一个新模型；在那之前，“模型应用”使用打开的模型。',
  },
};
