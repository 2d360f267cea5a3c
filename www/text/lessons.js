// @ts-check
// The guide's lessons (www/lessons.js): titles and every step's text. `lesson.ID.N` is step N
// (from 1) of lesson ID.
import { plural } from './util.js';

/** @type {import('./util.js').Catalog} */
export const LESSON_TEXT = {
  'lesson.yourData': { en: 'your data', zh: '你的数据' },
  'lesson.table': {
    en: (p) => `${p.name} (${plural(p.rows, 'row')}, ${plural(p.columns, 'column')})`,
    zh: '{name}（{rows} 行，{columns} 列）',
  },
  'lesson.lastColumn': { en: 'the last column', zh: '最后一列' },

  'lesson.tour.title': { en: 'Tour: the workflow on your data', zh: '导览：在你的数据上走一遍流程' },
  'lesson.tour.1': {
    en: 'This is {table}. Choose the column to predict — now {target} — and which columns it learns from. Rows are split so the test rows stay unseen.',
    zh: '这是 {table}。选择要预测的列（现在是 {target}），以及用哪些列来学习。数据行会被划分开，测试集始终不让模型看到。',
  },
  'lesson.tour.2': {
    en: (p) => `The model: ${plural(p.layers, 'layer')}. Each shows its output shape and parameters; the last layer makes one output per class (or one number).`,
    zh: '模型：共 {layers} 层。每层都显示输出形状和参数数量；最后一层为每个类别输出一个值（回归则输出一个数）。',
  },
  'lesson.tour.3': {
    en: 'Press Train (or Step for one epoch). The blue curve is the training loss, orange the validation loss.',
    zh: '点“训练”（或点“单步”只训练一轮）。蓝色曲线是训练损失，橙色曲线是验证损失。',
  },
  'lesson.tour.4': {
    en: 'The test rows give the honest score. The chart shows where the model is right and wrong.',
    zh: '测试集给出诚实的分数。图表显示模型在哪里对、在哪里错。',
  },
  'lesson.tour.5': {
    en: 'The curves say whether more work would pay: diverged, under-fitting, over-fitting or fine. Choose yes to optimize or no to deploy.',
    zh: '曲线告诉你再下功夫值不值得：发散、欠拟合、过拟合，还是一切正常。选“是”去优化，选“否”去部署。',
  },
  'lesson.tour.6': {
    en: 'Deployment saves the model with its preprocessing, so it predicts on new rows exactly as here.',
    zh: '部署会把模型连同预处理一起保存，这样它对新数据的预测和这里完全一致。',
  },
  'lesson.tour.7': {
    en: 'Application: the saved model predicting on new data. That is the whole loop.',
    zh: '应用：用保存的模型对新数据做预测。整个流程就走完了。',
  },

  'lesson.gd.title': { en: 'Lesson 1: gradient descent, y = θ·x', zh: '第 1 课：梯度下降，y = θ·x' },
  'lesson.gd.1': {
    en: '20 made-up points on the line y = 3·x, plus a little noise. The model must find the 3 from the points alone. No scaling, so θ stays in the data\'s units.',
    zh: '20 个虚构的点，落在直线 y = 3·x 附近，带一点噪声。模型只能从这些点里自己找出 3。这里不做缩放，所以 θ 保持数据本来的单位。',
  },
  'lesson.gd.2': {
    en: 'One dense unit with linear activation computes ŷ = θ·x + b: two parameters. The loss is the mean squared error between ŷ and y.',
    zh: '一个使用 linear 激活函数的 dense 神经元计算 ŷ = θ·x + b：只有两个参数。损失是 ŷ 与 y 之间的均方误差。',
  },
  'lesson.gd.3': {
    en: 'Press Step. One step of gradient descent (GD uses all training rows): compute dLoss/dθ, then θ ← θ − 0.5 · dLoss/dθ. Watch θ walk to 3 and the loss fall.',
    zh: '点“单步”。梯度下降走一步（GD 每次用全部训练数据）：先算出损失对 θ 的梯度，再令 θ ← θ − 0.5 × 梯度。看 θ 一步步走向 3，损失不断下降。',
  },
  'lesson.gd.4': {
    en: 'Now press Train to run the remaining steps. Each step shrinks the distance to the best θ by the same factor.',
    zh: '现在点“训练”，跑完剩下的步数。每一步都把与最佳 θ 的距离按同样的比例缩小。',
  },
  'lesson.gd.5': {
    en: 'On the 4 unseen test points the error is only the noise we added: θ ≈ 3, b ≈ 0.',
    zh: '在 4 个没见过的测试点上，误差只剩我们加进去的噪声：θ ≈ 3，b ≈ 0。',
  },

  'lesson.lstm.title': { en: 'Lesson 2: forecasting sunspots with an LSTM', zh: '第 2 课：用 LSTM 预测太阳黑子' },
  'lesson.lstm.1': {
    en: 'Yearly sunspot counts since 1700. A window turns the series into samples: the last 30 years → the next year. MinMax maps counts to 0…1 (fitted on training years only); the split is chronological, so the test years are the latest.',
    zh: '从 1700 年起每年的太阳黑子数。窗口把序列变成样本：过去 30 年 → 下一年。最小-最大缩放把黑子数映射到 0…1（只在训练年份上拟合）；按时间顺序划分，所以测试集是最近的那些年份。',
  },
  'lesson.lstm.2': {
    en: 'An LSTM with 32 units reads each 30-year window step by step and keeps a memory; a dense unit turns its last state into the forecast.',
    zh: '一个有 32 个神经元的 LSTM 逐年读入每个 30 年的窗口，并保留记忆；一个 dense 神经元把它最后的状态变成预测值。',
  },
  'lesson.lstm.3': {
    en: 'Press Train. Validation years come after the training years, so the validation loss is a real forecast error.',
    zh: '点“训练”。验证年份都在训练年份之后，所以验证损失就是真实的预测误差。',
  },
  'lesson.lstm.4': {
    en: 'The test years with the forecast overlaid, back in sunspot counts (the MinMax scaling undone). RMSE and MAE are in counts too.',
    zh: '测试年份的序列，叠加了预测值，已换算回黑子数（撤销了最小-最大缩放）。RMSE 和 MAE 的单位也是黑子数。',
  },

  'lesson.cnn.title': { en: 'Lesson 3: a small CNN on 8×8 digits', zh: '第 3 课：在 8×8 手写数字上训练一个小 CNN' },
  'lesson.cnn.1': {
    en: '1,797 handwritten digits. Each is an 8×8 image stored as 64 columns p0…p63 (0 = blank, 16 = full ink); label is the digit. MinMax brings every pixel to 0…1 and the stratified split keeps all ten digits among the unseen test rows.',
    zh: '1,797 个手写数字。每个都是一张 8×8 的图像，存成 64 列 p0…p63（0 表示空白，16 表示全黑）；label 列是这个数字。最小-最大缩放把每个像素变到 0…1，分层划分保证十个数字都出现在没见过的测试集里。',
  },
  'lesson.cnn.2': {
    en: 'reshape turns the 64 columns back into an 8×8 image with one channel. conv2d slides 8 small 3×3 filters over it — each learns one stroke pattern and answers at every position: 6×6×8. max_pool2d keeps the strongest answer in each 2×2 block: 3×3×8. flatten lines those 72 values up for the softmax layer, one probability per digit.',
    zh: 'reshape 把 64 列还原成一张单通道的 8×8 图像。conv2d 让 8 个 3×3 的小卷积核在图上滑动——每个卷积核学会一种笔画模式，并在每个位置给出响应：6×6×8。max_pool2d 在每个 2×2 区域里只保留最强的响应：3×3×8。flatten 把这 72 个值排成一行，交给 softmax 层，为每个数字输出一个概率。',
  },
  'lesson.cnn.3': {
    en: 'Press Train. A filter has only 9 weights and a bias, shared by every position, so the whole network has 810 parameters.',
    zh: '点“训练”。一个卷积核只有 9 个权重和 1 个偏置，并且在所有位置共享，所以整个网络只有 810 个参数。',
  },
  'lesson.cnn.4': {
    en: 'The confusion matrix: rows are the true digits, columns what the model said. Off the diagonal are the digits it mixes up.',
    zh: '混淆矩阵：每行是真实的数字，每列是模型给出的答案。对角线以外的格子就是它搞混的数字。',
  },
};
