// @ts-check
// Stock forecasting (issue 15): the series transforms, the persistence baseline on the
// Evaluation panel, the scenario picker and the stock lesson.

/** @type {import('./util.js').Catalog} */
export const STOCK = {
  // The Preprocessing panel's series transform (data.transform).
  'pre.transform': { en: 'Series transform', zh: '序列变换' },
  'pre.transformHint': { en: 'before scaling; predictions back in the series’ units', zh: '在缩放之前做；预测值会换算回原单位' },
  'transform.none': { en: 'none (the levels)', zh: '无（直接用原值）' },
  'transform.log': { en: 'log', zh: '取对数' },
  'transform.difference': { en: 'difference (change from last)', zh: '差分（与上一期的变化）' },
  'transform.log_difference': { en: 'log difference (returns)', zh: '对数差分（收益率）' },
  'pre.stockCredit': {
    en: 'S&P 500 index, monthly average of daily closes, 1871–2023 (Robert Shiller’s data, via the datasets/s-and-p-500 data package; ODC-PDDL public domain).',
    zh: '标普 500 指数，每月日收盘价的平均值，1871–2023（"Robert Shiller" 的数据，来自 "datasets/s-and-p-500" 数据包；"ODC-PDDL" 公有领域）。',
  },

  // The scenario picker (www/panels/scenarios.js).
  'scenario.label': { en: 'Scenarios from the article', zh: '文章里的应用场景' },
  'scenario.digits': { en: 'Image classification', zh: '图像分类', both: '图像分类 Image classification' },
  'scenario.stock': { en: 'Stock forecasting', zh: '股价预测', both: '股价预测 Stock forecasting' },
  'scenario.digits.blurb': {
    en: 'A small CNN reads 8×8 handwritten digits. In a product: reading postcodes on letters, cheque amounts, or the digits in a photographed form.',
    zh: '一个小 CNN 识别 8×8 的手写数字。在产品里：识别信封上的邮编、支票上的金额，或拍照表单里的数字。',
  },
  'scenario.stock.blurb': {
    en: 'An LSTM forecasts next month’s S&P 500 from the previous 12 months, as the article does. In a product: demand, traffic or price forecasts — and the honest check that the model beats “next = last”.',
    zh: '和文章一样，用 LSTM 根据过去 12 个月预测下个月的标普 500 指数。在产品里：需求、流量或价格预测——还要诚实地检查模型是否胜过“下一期 = 上一期”。',
  },

  // The baseline beside the metrics (www/panels/baseline.js).
  'base.title': { en: 'Against the naive forecast (next = last)', zh: '与朴素预测（下一期 = 上一期）对比' },
  'base.model': { en: 'model', zh: '模型' },
  'base.persistence': { en: 'persistence', zh: '持续预测' },
  'base.rmse': { en: 'RMSE ({target})', zh: 'RMSE（{target}）' },
  'base.mae': { en: 'MAE ({target})', zh: 'MAE（{target}）' },
  'base.returns': { en: 'RMSE of the returns', zh: '收益率的 RMSE' },
  'base.beats': {
    en: 'The model beats persistence: its test RMSE is {pct}% lower than predicting each value to be the last one.',
    zh: '模型胜过了持续预测：它的测试 RMSE 比“每一期都等于上一期”低 {pct}%。',
  },
  'base.loses': {
    en: 'The model does not beat persistence: predicting each value to be the last one is {pct}% better (RMSE). A price is close to a random walk — tomorrow’s best guess is about today’s — so a forecast has little to add; try the log difference transform, and judge any model against this line.',
    zh: '模型没有胜过持续预测：直接把上一期当作下一期，RMSE 反而好 {pct}%。价格接近随机游走——对下一期最好的猜测差不多就是这一期——所以预测能补充的信息很少；可以试试“对数差分”变换，并且始终拿这一行来衡量模型。',
  },

  // The stock lesson (www/lessons.js).
  'lesson.stock.title': { en: 'Lesson 4: forecasting the S&P 500 with an LSTM', zh: '第 4 课：用 LSTM 预测标普 500 指数' },
  'lesson.stock.1': {
    en: 'The S&P 500, monthly, 1871–2023. The article’s recipe: windows of the last 12 months → the next month, MinMax fitted on the training months only, a chronological split. Note what that means: the test months (the 1990s on) lie far above anything the scaler saw.',
    zh: '标普 500 指数，按月，1871–2023。文章的做法：过去 12 个月的窗口 → 下个月，最小-最大缩放只在训练月份上拟合，按时间顺序划分。注意这意味着什么：测试月份（1990 年代以后）远远高于缩放器见过的任何值。',
  },
  'lesson.stock.2': {
    en: 'An LSTM of 32 units reads each 12-month window; a dense unit turns its last state into next month’s value.',
    zh: '一个 32 个神经元的 LSTM 读入每个 12 个月的窗口；一个 dense 神经元把它最后的状态变成下个月的值。',
  },
  'lesson.stock.3': {
    en: 'Press Train: {train} training windows, then {val} validation windows, then {test} test windows — in time order, as a forecast meets the future.',
    zh: '点“训练”：{train} 个训练窗口，然后是 {val} 个验证窗口，最后是 {test} 个测试窗口——按时间顺序，就像预测面对未来那样。',
  },
  'lesson.stock.4': {
    en: 'The test months with the prediction overlaid, in index points. Below the metrics, the same test windows are scored for persistence (“next month = this month”). If the LSTM does not beat it, that is the honest result: a price is close to a random walk.',
    zh: '测试月份的序列，叠加了预测值，单位是指数点。指标下方，同样的测试窗口也给持续预测（“下个月 = 这个月”）打了分。如果 LSTM 没有胜过它，这就是诚实的结果：价格接近随机游走。',
  },
  'lesson.stock.decide': {
    en: 'The diagnosis reads the curves. Whatever it says, compare with persistence before trusting the forecast. Answer it.',
    zh: '诊断会读这些曲线。不管它怎么说，相信预测之前先和持续预测比一比。回答它。',
  },
  'lesson.stock.optimize': {
    en: 'One optimisation step by hand: an LSTM of 16 units, retrained from the same seed, compared on the validation months. Then try what practitioners do: in Preprocessing set the series transform to log difference (returns) and compare the test RMSE with persistence again.',
    zh: '手动优化一步：换成 16 个神经元的 LSTM，用同一个随机种子重新训练，在验证月份上比较。然后试试从业者的做法：在“数据预处理”里把序列变换设为“对数差分（收益率）”，再和持续预测比较测试 RMSE。',
  },
  'lesson.stock.apply': {
    en: 'Application: forecast the months after September 2023. Each predicted month is fed back as the newest input, so the errors add up.',
    zh: '应用：预测 2023 年 9 月之后的月份。每个预测出的月份都作为最新的输入再喂回模型，所以误差会累积。',
  },
};
