// @ts-check
// The page's frame: the header, the run bar and status line, the flowchart, the guide's controls,
// each panel's "what happens here and why", and the errors the page itself writes.
import { plural } from './util.js';

/** @type {import('./util.js').Catalog} */
export const PAGE = {
  'page.title': { en: 'Kindling — machine learning in your browser', zh: 'Kindling — 在浏览器里动手学机器学习' },
  'page.skip': { en: 'Skip to the current step', zh: '跳到当前步骤' },
  'page.tagline': {
    en: 'Train a neural network on your own data, step by step. Nothing leaves your machine.',
    zh: '用你自己的数据，一步一步训练神经网络。数据始终留在你的电脑上。',
  },
  'page.guide': { en: 'Guide me', zh: '带我学' },
  'page.lang': { en: 'Language of the page: {name} (press to switch)', zh: '页面语言：{name}（点击切换）' },
  'page.workflow': { en: 'Workflow', zh: '工作流程' },
  'page.flowchart': { en: 'Flowchart', zh: '流程图' },
  'flow.drawing': { en: 'Drawing the flowchart…', zh: '正在绘制流程图…' },
  'flow.source': { en: 'Show the mermaid source', zh: '显示流程图的源码' },
  'flow.later': { en: 'The flowchart is drawn when training pauses or ends.', zh: '训练暂停或结束后再绘制流程图。' },
  'flow.failed': {
    en: 'The diagram could not be drawn ({error}); the steps above work the same.',
    zh: '流程图没能画出来；上方的步骤按钮照常可用。',
  },

  // The run bar (index.html, www/runbar.js, www/status.js) and the embed's.
  'run.label': { en: 'Run', zh: '运行' },
  'run.train': { en: 'Train', zh: '训练' },
  'run.pause': { en: 'Pause', zh: '暂停' },
  'run.step': { en: 'Step', zh: '单步' },
  'run.one': { en: 'one', zh: '每步' },
  'run.stepSize': { en: 'step size', zh: '单步的大小' },
  'run.epoch': { en: 'epoch', zh: '一轮' },
  'run.batch': { en: 'batch', zh: '一批' },
  'run.stop': { en: 'Stop', zh: '停止' },
  'run.reset': { en: 'Reset', zh: '重置' },
  'run.resetTitle': {
    en: 'rebuild the model with the same seed: the same initial weights',
    zh: '用同一个随机种子重建模型：初始权重完全相同',
  },
  'run.progress': { en: 'training progress', zh: '训练进度' },
  'run.progressValue': { en: 'epoch {epoch} of {total}', zh: '第 {epoch} 轮，共 {total} 轮' },
  'status.idle': { en: 'Idle', zh: '空闲' },
  'status.loading': { en: 'Loading data…', zh: '正在加载数据…' },
  'status.ready': { en: 'Ready to train', zh: '可以开始训练' },
  'status.training': { en: 'Training…', zh: '训练中…' },
  'status.paused': { en: 'Paused', zh: '已暂停' },
  'status.done': { en: 'Done', zh: '完成' },
  'status.error': { en: 'Error', zh: '出错' },
  'status.withDetail': { en: '{state} {detail}', zh: '{state}，{detail}' },
  'status.epochOf': { en: 'epoch {epoch} / {total}', zh: '第 {epoch} / {total} 轮' },
  'status.after': { en: (p) => `after ${plural(p.epochs, 'epoch')}`, zh: '共训练 {epochs} 轮' },

  // The guide's frame (www/guide.js); the lessons' texts are in www/text/lessons.js.
  'guide.title': { en: 'Guide', zh: '引导' },
  'guide.pick': {
    en: 'Pick a walk-through. Each step opens a node of the flowchart and highlights what to touch next.',
    zh: '选一个引导课程。每一步都会打开流程图中的一个节点，并高亮下一步要操作的地方。',
  },
  'guide.back': { en: '← Back', zh: '← 上一步' },
  'guide.next': { en: 'Next →', zh: '下一步 →' },
  'guide.finish': { en: 'Finish', zh: '完成' },
  'guide.where': { en: '{title} · step {step} of {steps} · {node}', zh: '{title} · 第 {step} 步，共 {steps} 步 · {node}' },
  'guide.thetaCaption': { en: 'θ and the training loss after each GD step (click a row to see that step)', zh: '每一步 GD 之后的 θ 和训练损失（点一行可以回看那一步）' },
  'guide.thetaStep': { en: 'step', zh: '步' },
  'guide.thetaLoss': { en: 'loss', zh: '损失' },

  // The workflow's nodes (step strip, panel headings, the flowchart drawn by www/flowchart.js).
  'node.preprocess': { en: 'Data preprocessing', zh: '数据预处理', both: '数据预处理 Data preprocessing' },
  'node.build': { en: 'Model build', zh: '模型构建', both: '模型构建 Model build' },
  'node.train': { en: 'Training', zh: '模型训练', both: '模型训练 Training' },
  'node.evaluate': { en: 'Evaluation', zh: '模型评估', both: '模型评估 Evaluation' },
  'node.decide': { en: 'Optimize?', zh: '是否优化？', both: '是否优化？ Optimize?' },
  'node.optimize': { en: 'Optimization', zh: '模型优化', both: '模型优化 Optimization' },
  'node.deploy': { en: 'Deployment', zh: '模型部署', both: '模型部署 Deployment' },
  'node.apply': { en: 'Application', zh: '模型应用', both: '模型应用 Application' },
  'node.edgeYes': { en: 'yes', zh: '是' },
  'node.edgeNo': { en: 'no', zh: '否' },
  'node.yes': { en: 'Yes — optimize it', zh: '是 — 去优化', both: '是 Yes — optimize it' },
  'node.no': { en: 'No — deploy it', zh: '否 — 直接部署', both: '否 No — deploy it' },

  // Each panel's first line: what happens here and why (www/panel_text.js).
  'why.preprocess': {
    en: 'Pick the data, say which column to predict, and how to clean and scale it. The rows are split into training, validation and test sets, so the model is later judged on rows it never saw.',
    zh: '选择数据，指定要预测的列，以及如何清洗和缩放数据。数据行会被划分为训练集、验证集和测试集，这样之后评判模型时用的是它从没见过的数据。',
  },
  'why.build': {
    en: 'Stack the layers that turn your features into a prediction. Each layer\'s output shape and parameter count show how much the model can learn; the loss says what "wrong" means.',
    zh: '把网络层一层层叠起来，把特征变成预测。每层的输出形状和参数数量表明模型能学到多少；损失函数规定了什么叫“错”。',
  },
  'why.train': {
    en: 'The optimizer nudges the weights to lower the loss, batch by batch. Watch training and validation loss: both falling means learning; validation rising means memorising.',
    zh: '优化器一批一批地微调权重，让损失下降。留意训练损失和验证损失：两者都在下降，说明模型在学习；验证损失开始上升，说明模型在死记硬背。',
  },
  'why.evaluate': {
    en: 'The held-out test rows give an honest score. For classes, the confusion matrix shows which ones get mixed up; for numbers, how far predictions land from the truth.',
    zh: '留出的测试集给出诚实的分数。分类任务看混淆矩阵，了解哪些类别容易混淆；回归任务看预测值离真实值有多远。',
  },
  'why.decide': {
    en: 'Read the curves: diverged, under-fitting, over-fitting or fine. If it can do better, optimize; if it is good enough, deploy.',
    zh: '读懂曲线：发散、欠拟合、过拟合，还是一切正常。还能更好就去优化；已经够好就去部署。',
  },
  'why.optimize': {
    en: 'Search over settings (learning rate, size, dropout) and keep the best by validation loss.',
    zh: '在各种设置（学习率、模型大小、dropout）中搜索，按验证损失留下最好的一组。',
  },
  'why.deploy': {
    en: 'Save the trained model with its preprocessing so it predicts exactly as it did here.',
    zh: '把训练好的模型连同预处理一起保存，这样它以后的预测和这里完全一致。',
  },
  'why.apply': { en: 'Use the saved model on new rows.', zh: '用保存的模型对新数据做预测。' },

  // Each panel's second line: what the step means for the data loaded now.
  'data.preprocess': {
    en: (p) => `${p.name}: ${p.rows} rows. Predicting ${p.target} from ${plural(p.features, 'column')}; ${p.train} rows train, ${p.val} validate, ${p.test} test.`,
    zh: '{name}：共 {rows} 行。用 {features} 列来预测 {target}；训练集 {train} 行，验证集 {val} 行，测试集 {test} 行。',
  },
  'data.build': {
    en: 'A {task} of {target} ({outputs}): {params} weights to learn from {train} training rows.',
    zh: '对 {target} 做{task}（{outputs}）：要从 {train} 行训练数据中学出 {params} 个权重。',
  },
  'data.classes': { en: (p) => plural(p.n, 'class', 'classes'), zh: '{n} 个类别' },
  'data.oneNumber': { en: 'one number', zh: '输出一个数' },
  'data.train': {
    en: (p) => `Each epoch passes once over the ${p.train} training rows of ${p.name}; ${Number(p.val) > 0
      ? `validation loss is measured on ${p.val} other rows.` : 'no rows are held out for a validation loss.'}`,
    zh: (p) => `每一轮把 ${p.name} 的 ${p.train} 行训练数据完整过一遍；${Number(p.val) > 0
      ? `验证损失在另外 ${p.val} 行上计算。` : '没有留出行来计算验证损失。'}`,
  },
  'data.evaluate': {
    en: '{test} rows of {name} were kept aside for this and never trained on.',
    zh: '{name} 中有 {test} 行专门留作测试，从没参与训练。',
  },
  'data.decide': {
    en: (p) => `Read from this run's ${plural(p.epochs, 'epoch')} on ${p.name}.`,
    zh: '依据这次在 {name} 上训练的 {epochs} 轮得出。',
  },
  'task.classification': { en: 'classification', zh: '分类' },
  'task.regression': { en: 'regression', zh: '回归' },

  // Panels that could not be loaded (www/panels/index.js).
  'coming.optimize': {
    en: 'Optimization is coming: hyper-parameter search over learning rate, units, dropout and epochs, with early stopping — run on this data in the background, compared side by side.',
    zh: '“模型优化”即将推出：在学习率、神经元数、dropout 和轮数上做超参数搜索，并支持早停——在后台用这份数据运行，结果并排比较。',
  },
  'coming.deploy': {
    en: 'Deployment is coming: save the trained model as a file (weights, preprocessing and metrics), reload it later, and copy an embed snippet or share link.',
    zh: '“模型部署”即将推出：把训练好的模型保存为文件（权重、预处理和指标），以后再载入，还可以复制嵌入代码或分享链接。',
  },
  'coming.apply': {
    en: 'Application is coming: load a saved model and predict on new rows you upload or type in, with the same preprocessing it was trained with.',
    zh: '“模型应用”即将推出：载入保存的模型，对你上传或输入的新数据做预测，使用与训练时相同的预处理。',
  },
  'coming.failed': { en: '({file} could not be loaded: {error})', zh: '（{file} 没能加载）' },

  // Errors the page writes itself (links, files too large).
  'link.unreadable': {
    en: "The link's experiment could not be read ({reason}); opened the default instead.",
    zh: '链接中的实验无法读取（{reason}）；已改为打开默认实验。',
  },
  'link.tooDeep': {
    en: 'the shared experiment nests more than {max} levels deep; an experiment needs far fewer',
    zh: '分享的实验嵌套超过 {max} 层；正常的实验远没有这么深',
  },
  'link.tooLarge': { en: 'the shared experiment is too large', zh: '分享的实验太大' },
  'link.notObject': { en: 'the shared experiment is not a JSON object', zh: '分享的实验不是一个 JSON 对象' },
  'link.notJson': { en: '{detail}', zh: '它不是有效的 base64url 编码的 JSON' },
  'share.inflates': { en: 'the shared data inflates to more than {mb} MB', zh: '分享的数据解压后超过 {mb} MB' },
  'share.tooLong': { en: 'the shared data is longer than {max} characters', zh: '分享的数据超过 {max} 个字符' },
  'share.noFile': {
    en: 'the link carries data but its experiment does not use an uploaded file',
    zh: '链接里带有数据，但其中的实验并不使用上传的文件',
  },
  'share.damaged': {
    en: 'the shared data is damaged ({detail}); ask for the link again',
    zh: '分享的数据已损坏；请重新获取链接',
  },
  'share.damagedBecause': {
    en: 'the shared data is damaged ({detail}); ask for the link again',
    zh: '分享的数据已损坏（{detail}）；请重新获取链接',
  },
  'share.tooBig': {
    en: 'The dataset is {k} k characters compressed, too large for a link; whoever opens it uploads the file.',
    zh: '数据集压缩后仍有 {k}k 个字符，放不进链接；打开链接的人需要自己上传这个文件。',
  },
  'error.upload': {
    en: '{name} is {mb} MB; this tab takes CSV files up to {max} MB',
    zh: '{name} 有 {mb} MB；本页面最多接受 {max} MB 的 CSV 文件',
  },
  'chart.failed': { en: 'chart could not be drawn: {error}', zh: '图表没能画出来' },
  'error.cancel.load': {
    en: 'Loading was cancelled; the data loaded before stays.',
    zh: '已取消载入；之前载入的数据保留着。',
  },
  'error.cancel.configure': {
    en: 'Building the experiment was cancelled; make the model smaller (fewer units or layers) and try again.',
    zh: '已取消构建实验；请把模型改小一些（更少的单元或层），然后再试。',
  },
  'run.cancel': { en: 'Cancel', zh: '取消' },
  'error.crashedAgain': {
    en: '{detail}. The training worker stopped again while re-running the same data and experiment, so it was not restarted with them. Your data and experiment are kept: change the experiment (a smaller model, a shorter data.window.lookback, fewer features) or load other data, then try again.',
    zh: '{detail}。训练线程在重新运行同样的数据和实验时又停止了，所以没有再用它们重启。数据和实验都保留着：请修改实验（更小的模型、更短的 data.window.lookback、更少的特征）或载入其他数据，然后再试。',
  },
  // The words drawn on the charts' canvases (www/chart.js passes them to the chart package).
  'chart.epoch': { en: 'epoch', zh: '轮次' },
  'chart.loss': { en: 'loss', zh: '损失' },
  'chart.train_loss': { en: 'train loss', zh: '训练损失' },
  'chart.validation_loss': { en: 'validation loss', zh: '验证损失' },
  'chart.actual': { en: 'actual', zh: '实际值' },
  'chart.predicted': { en: 'predicted', zh: '预测值' },
  'chart.diagonal': { en: 'predicted = actual', zh: '预测值 = 实际值' },
  'chart.test_rows': { en: 'test rows', zh: '测试行' },
  'chart.forecast': { en: 'forecast', zh: '预测' },
  'chart.test_step': { en: 'test step', zh: '测试步' },
  'chart.step': { en: 'step', zh: '步' },
  'error.worker': { en: 'the training worker failed: {detail}', zh: '训练线程出错了，已重新启动它' },
  'error.needUpload': {
    en: 'This experiment was made with an uploaded file ({name}); upload it under Data preprocessing to continue.',
    zh: '这个实验用的是上传的文件（{name}）；请在“数据预处理”中上传它，然后继续。',
  },
};
