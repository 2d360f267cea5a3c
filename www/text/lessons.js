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
    en: 'Press Train. It runs in slow motion (speed, in the run bar; Full speed is one click away) so you can watch the loss fall: blue is the training loss, orange the validation loss. Step trains one epoch.',
    zh: '点“训练”。训练以慢动作进行（速度在运行栏里调；点一下“全速”就能全速），好让你看着损失下降：蓝色是训练损失，橙色是验证损失。“单步”只训练一轮。',
  },
  'lesson.tour.4': {
    en: 'The test rows give the honest score. The chart shows where the model is right and wrong.',
    zh: '测试集给出诚实的分数。图表显示模型在哪里对、在哪里错。',
  },
  'lesson.tour.decide': {
    en: 'The core\'s diagnosis reads the curves — diverged, under-fitting, over-fitting or fine — and recommends yes or no. Answer it: yes leads to Optimization, no straight to Deployment; this tour visits both.',
    zh: '核心程序的诊断会读这些曲线——发散、欠拟合、过拟合还是一切正常——并建议选“是”或“否”。回答它：“是”进入模型优化，“否”直接去部署；这次导览两步都会走到。',
  },
  'lesson.tour.optimize': {
    en: 'One optimisation step: a small search retrains the model with learning rates 0.003 and 0.03 and scores each on the validation rows (never the test rows). Press Start search; when it is done, Apply best retrains with the winner.',
    zh: '优化一步：一次小搜索用学习率 0.003 和 0.03 重新训练模型，并在验证集上给每个打分（绝不看测试集）。点“开始搜索”；完成后，“采用最佳设置”会用胜出的设置重新训练。',
  },
  'lesson.tour.apply': {
    en: 'Application: the saved model answers new rows. Change a value in the form and watch the prediction follow. That is the whole loop.',
    zh: '应用：保存下来的模型回答新的数据。改一下表单里的某个值，看预测跟着变化。整个流程就走完了。',
  },
  'lesson.deploy': {
    en: 'Deployment: save the trained model with its preprocessing (Download model), so it predicts on new rows exactly as here — or share the experiment as a link or an embed for a blog.',
    zh: '部署：把训练好的模型连同预处理一起保存（“下载模型”），这样它对新数据的预测和这里完全一致——也可以把实验分享成链接，或嵌入到博客里。',
  },

  'lesson.gd.title': { en: 'Lesson 1: gradient descent, y = θ·x', zh: '第 1 课：梯度下降，y = θ·x' },
  'lesson.gd.1': {
    en: '20 made-up points on the line y = 3·x, plus a little noise (drawn below). The model must find the 3 from the points alone. No scaling, so θ stays in the data\'s units.',
    zh: '20 个虚构的点，落在直线 y = 3·x 附近，带一点噪声（画在下面）。模型只能从这些点里自己找出 3。这里不做缩放，所以 θ 保持数据本来的单位。',
  },
  'lesson.gd.2': {
    en: 'One dense unit with linear activation and no bias (use_bias: false) computes ŷ = θ·x — exactly the article\'s model, one parameter. (A dense layer also learns a bias b unless told not to.) The loss is the mean squared error between ŷ and y.',
    zh: '一个使用 linear 激活函数、不带偏置（层设置里的“使用偏置”已关闭）的 dense 神经元计算 ŷ = θ·x——正是文章里的模型，只有一个参数。（dense 层默认还会学一个偏置 b，除非明确关掉。）损失是 ŷ 与 y 之间的均方误差。',
  },
  'lesson.gd.3': {
    en: 'Press Step. One step of gradient descent (GD uses all training rows): compute dLoss/dθ, then θ ← θ − 0.5 · dLoss/dθ. The line turns towards the points and the loss falls; the table keeps every step.',
    zh: '点“单步”。梯度下降走一步（GD 每次用全部训练数据）：先算出损失对 θ 的梯度，再令 θ ← θ − 0.5 × 梯度。直线转向这些点，损失下降；表格记下每一步。',
  },
  'lesson.gd.4': {
    en: 'Now press Train for the remaining steps, in slow motion: watch the line settle. Each step shrinks the distance to the best θ by the same factor. Click a row of the table (or drag the scrubber under the loss chart) to see any step again.',
    zh: '现在点“训练”，以慢动作跑完剩下的步数：看着直线慢慢稳定下来。每一步都把与最佳 θ 的距离按同样的比例缩小。点表格里的任意一行（或拖动损失曲线下方的滑块），可以回看那一步。',
  },
  'lesson.gd.5': {
    en: 'On the 4 unseen test points the error is only the noise we added: θ ≈ 3.',
    zh: '在 4 个没见过的测试点上，误差只剩我们加进去的噪声：θ ≈ 3。',
  },
  'lesson.gd.decide': {
    en: 'The diagnosis of the run, from its loss curve and the test error. Answer it — for this lesson, yes shows what optimising a learning rate means.',
    zh: '根据损失曲线和测试误差，对这次训练的诊断。回答它——这一课里选“是”，看看优化学习率是怎么回事。',
  },
  'lesson.gd.optimize': {
    en: 'One optimisation step: the search tries four learning rates from 0.1 to 3 (0.1, 0.31, 0.97 and 3), each scored by 4-fold cross-validation on the 16 training points. Press Start search: with 0.1, θ is still on its way after 40 steps; 0.31 and 0.97 arrive; with 3 every step overshoots further and the loss explodes. Apply best retrains with the winner.',
    zh: '优化一步：搜索尝试从 0.1 到 3 的四个学习率（0.1、0.31、0.97 和 3），每个都在 16 个训练点上用 4 折交叉验证打分。点“开始搜索”：用 0.1 时，40 步之后 θ 还在半路；0.31 和 0.97 都能到达；用 3 时每一步都冲得更远，损失急剧增大。“采用最佳设置”会用胜出的学习率重新训练。',
  },
  'lesson.gd.apply': {
    en: 'Application: type an x in the form; the model answers θ·x.',
    zh: '应用：在表单里输入一个 x，模型给出 θ·x。',
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
    en: 'Press Train. The years are split in order: {train} training windows, then {val} validation windows from the years after them — so the validation loss is a real forecast error, and the diagnosis reads it — and {test} test windows at the end.',
    zh: '点“训练”。年份按顺序划分：{train} 个训练窗口，然后是紧随其后年份的 {val} 个验证窗口——所以验证损失就是真实的预测误差，诊断也依据它——最后是 {test} 个测试窗口。',
  },
  'lesson.lstm.4': {
    en: 'The test years with the forecast overlaid, back in sunspot counts (the MinMax scaling undone). RMSE and MAE are in counts too.',
    zh: '测试年份的序列，叠加了预测值，已换算回黑子数（撤销了最小-最大缩放）。RMSE 和 MAE 的单位也是黑子数。',
  },
  'lesson.lstm.decide': {
    en: 'The diagnosis compares the training loss with the validation loss on the later years: over-fitting shows as a validation loss that turns up while the training loss keeps falling. Answer it.',
    zh: '诊断比较训练损失和后面那些年份上的验证损失：如果训练损失还在下降，验证损失却掉头向上，那就是过拟合。回答它。',
  },
  'lesson.lstm.optimize': {
    en: 'One optimisation step, by hand (the search does not take time-series windows yet): try an LSTM of 16 units instead of 32, retrained from the same seed, and compare the validation loss on the later years. Keep whichever is lower.',
    zh: '手动优化一步（搜索暂时还不支持时间序列窗口）：把 LSTM 从 32 个神经元换成 16 个，用同一个随机种子重新训练，再比较后面那些年份上的验证损失。哪个低就保留哪个。',
  },
  'lesson.lstm.apply': {
    en: 'Application: forecast the years after the series. Press Forecast: each predicted year is fed back as the newest input.',
    zh: '应用：预测序列之后的年份。点“开始预测”：每个预测出的年份都会作为最新的输入再喂回模型。',
  },

  'lesson.cnn.title': { en: 'Lesson 3: a small CNN on 8×8 digits', zh: '第 3 课：在 8×8 手写数字上训练一个小 CNN' },
  'lesson.cnn.1': {
    en: '1,797 handwritten digits — the first ones are drawn below. Each is an 8×8 image stored as 64 columns p0…p63 (0 = blank, 16 = full ink); label is the digit. MinMax brings every pixel to 0…1 and the stratified split keeps all ten digits among the unseen test rows.',
    zh: '1,797 个手写数字——前几个画在下面。每个都是一张 8×8 的图像，存成 64 列 p0…p63（0 表示空白，16 表示全黑）；label 列是这个数字。最小-最大缩放把每个像素变到 0…1，分层划分保证十个数字都出现在没见过的测试集里。',
  },
  'lesson.cnn.2': {
    en: 'reshape turns the 64 columns back into an 8×8 image with one channel. conv2d slides 8 small 3×3 filters over it — each learns one stroke pattern and answers at every position: 6×6×8. max_pool2d keeps the strongest answer in each 2×2 block: 3×3×8. flatten lines those 72 values up for the softmax layer, one probability per digit.',
    zh: 'reshape 把 64 列还原成一张单通道的 8×8 图像。conv2d 让 8 个 3×3 的小卷积核在图上滑动——每个卷积核学会一种笔画模式，并在每个位置给出响应：6×6×8。max_pool2d 在每个 2×2 区域里只保留最强的响应：3×3×8。flatten 把这 72 个值排成一行，交给 softmax 层，为每个数字输出一个概率。',
  },
  'lesson.cnn.3': {
    en: 'Press Train. A filter has only 9 weights and a bias, shared by every position, so the whole network has 810 parameters. Under the loss chart, Inside the network shows the 8 filters as they learn and what each one answers on a test digit.',
    zh: '点“训练”。一个卷积核只有 9 个权重和 1 个偏置，并且在所有位置共享，所以整个网络只有 810 个参数。损失曲线下方的“网络内部”会显示这 8 个卷积核如何一步步学出来，以及每个卷积核在一个测试数字上的响应。',
  },
  'lesson.cnn.4': {
    en: 'The confusion matrix: rows are the true digits, columns what the model said. Off the diagonal are the digits it mixes up.',
    zh: '混淆矩阵：每行是真实的数字，每列是模型给出的答案。对角线以外的格子就是它搞混的数字。',
  },
  'lesson.cnn.decide': {
    en: 'The diagnosis reads the curves and the test accuracy. Answer it: yes to try one optimisation step, no to deploy.',
    zh: '诊断会读这些曲线和测试准确率。回答它：选“是”去试一步优化，选“否”直接部署。',
  },
  'lesson.cnn.optimize': {
    en: 'One optimisation step: the search retrains the CNN with learning rates 0.003 and 0.03 and scores them on the validation digits. Press Start search; Apply best retrains with the winner.',
    zh: '优化一步：搜索用学习率 0.003 和 0.03 重新训练这个 CNN，并在验证集的数字上打分。点“开始搜索”；“采用最佳设置”会用胜出的设置重新训练。',
  },
  'lesson.cnn.apply': {
    en: 'Application: draw a digit on the pad with the mouse or a finger. It is cut into 8×8 blocks as the data was made, and the model answers as you draw.',
    zh: '应用：用鼠标或手指在画板上写一个数字。它会像数据集当初那样被切成 8×8 的小块，模型边画边给出答案。',
  },
  'lesson.cnn.compress': {
    en: 'How much smaller can the model get before it gets worse? Press Compare compressed versions: int8 weights take a quarter of the bytes, pruning zeroes most weights. Read the table and the plot: where does the test accuracy start to fall?',
    zh: '模型能缩小到什么程度而不变差？点“比较压缩版本”：int8 权重只占四分之一的字节，剪枝会把大部分权重置零。看表格和图：测试准确率从哪里开始下降？',
  },
  'lesson.cnn.why': {
    en: 'Which pixels made it say 3? Draw a 3, then press Explain this prediction: blue pixels pushed the model toward its answer, orange ones against it. Draw another digit and watch the map change.',
    zh: '是哪些像素让它说出 3？写一个 3，然后点“解释这个预测”：蓝色像素把模型推向它的答案，橙色像素与之相反。再写一个数字，看热图如何变化。',
  },

  // What a step waits for (www/guide.js: "To go on: …").
  'lesson.todo.load': { en: 'wait until the data has loaded and the model is built', zh: '等数据加载完、模型构建好' },
  'lesson.todo.build': { en: 'wait until the model is built (fix any problem it names)', zh: '等模型构建好（如有问题，按提示改正）' },
  'lesson.todo.step': { en: 'press Step once', zh: '点一次“单步”' },
  'lesson.todo.train': { en: 'press Train and let it finish', zh: '点“训练”并等它完成' },
  'lesson.todo.evaluate': { en: 'train to the end: the test rows are scored then', zh: '训练到最后：那时才会在测试集上打分' },
  'lesson.todo.decide': { en: 'answer the question, Yes or No', zh: '回答这个问题：是或否' },
  'lesson.todo.optimize': { en: 'press Start search and wait until it is done', zh: '点“开始搜索”并等它完成' },
  'lesson.todo.tweak': { en: 'press Try it and wait for the run to finish', zh: '点“试一试”并等训练完成' },
  'lesson.todo.deploy': { en: 'press Download model, Copy link or Embed', zh: '点“下载模型”“复制链接”或“嵌入”' },
  'lesson.todo.apply': { en: 'change a value in the form', zh: '改一下表单里的某个值' },
  'lesson.todo.applyForecast': { en: 'press Forecast', zh: '点“开始预测”' },
  'lesson.todo.compress': { en: 'press Compare compressed versions and wait for the table', zh: '点“比较压缩版本”并等表格出现' },
  'lesson.todo.why': { en: 'press Explain this prediction', zh: '点“解释这个预测”' },
  'lesson.todo.applyDraw': { en: 'draw a digit on the pad', zh: '在画板上写一个数字' },
};
