// @ts-check
// Watching and looking inside (issue 18): the speed control, the paused position, the epoch
// scrubber and the views it drives, the network drawn from the inside, the drawing pad, and what
// the guide says when a step's action is still to do.
import { plural } from './util.js';

/** @type {import('./util.js').Catalog} */
export const TEACH = {
  // The run bar's speed (www/speed.js) and the paused status (www/runbar.js).
  'speed.text': { en: 'speed', zh: '速度' },
  'speed.label': { en: 'training speed', zh: '训练速度' },
  'speed.rate': { en: (p) => `${plural(p.n, 'epoch')}/s`, zh: '每秒 {n} 轮' },
  'speed.max': { en: 'as fast as possible', zh: '尽可能快' },
  'speed.fast': { en: 'Full speed', zh: '全速' },
  'speed.slow': { en: 'Slow motion', zh: '慢动作' },
  'status.atBatch': {
    en: 'at epoch {epoch}, batch {batch} of {batches}, loss {loss}',
    zh: '停在第 {epoch} 轮的第 {batch}/{batches} 批，损失 {loss}',
  },
  'status.afterEpoch': { en: 'after epoch {epoch}, loss {loss}', zh: '停在第 {epoch} 轮之后，损失 {loss}' },
  'status.beforeFirst': { en: 'before the first batch', zh: '还没训练第一批' },

  // The Training panel's views (www/panels/watching.js).
  'watch.scrub': { en: 'the epoch shown', zh: '显示的轮次' },
  'watch.latest': { en: 'Epoch {epoch} of {epochs} (the latest)', zh: '第 {epoch} 轮，共 {epochs} 轮（最新）' },
  'watch.at': { en: 'Showing epoch {epoch} of {epochs}: drag to replay the run', zh: '正在显示第 {epoch} 轮（共 {epochs} 轮）：拖动可以回放训练过程' },
  'watch.boundary': { en: 'the decision boundary after epoch {epoch}', zh: '第 {epoch} 轮之后的决策边界' },
  'watch.predictions': { en: 'the test predictions after epoch {epoch}', zh: '第 {epoch} 轮之后对测试集的预测' },

  // The network from the inside (www/inside/).
  'inside.title': { en: 'Inside the network', zh: '网络内部' },
  'inside.dots': {
    en: 'Each column is a layer, each dot a unit coloured by its bias; each line is a weight: blue positive, orange negative, thicker when larger.',
    zh: '每一列是一层，每个圆点是一个神经元，颜色表示它的偏置；每条线是一个权重：蓝色为正，橙色为负，越粗绝对值越大。',
  },
  'inside.tiles': {
    en: 'Each square is one unit\'s output over the plane of {x} (across) and {y} (up): blue where it is positive, orange where negative. Each line is a weight: blue positive, orange negative, thicker when larger.',
    zh: '每个小方块是一个神经元在 {x}（横轴）和 {y}（纵轴）平面上的输出：蓝色为正，橙色为负。每条线是一个权重：蓝色为正，橙色为负，越粗绝对值越大。',
  },
  'inside.netAria': {
    en: 'The network {sizes} after epoch {epoch}; its weights run from {min} to {max}',
    zh: '第 {epoch} 轮之后的网络 {sizes}；权重从 {min} 到 {max}',
  },
  'inside.none': {
    en: 'The inside view draws small dense networks (up to 16 inputs and 32 units a layer) and CNNs; this model is larger or of another kind.',
    zh: '网络内部视图只画小型全连接网络（最多 16 个输入、每层 32 个神经元）和卷积网络；这个模型更大或属于其他类型。',
  },
  'inside.legend': {
    en: 'Blue is positive, orange negative, white zero.',
    zh: '蓝色为正，橙色为负，白色为零。',
  },
  'inside.digit': { en: 'A test digit, a {actual}: the model says {predicted} ({p})', zh: '一个测试数字，真实是 {actual}：模型认为是 {predicted}（{p}）' },
  'inside.filters': { en: 'The {n} learned {k}×{k} filters of conv2d', zh: 'conv2d 学到的 {n} 个 {k}×{k} 卷积核' },
  'inside.maps': { en: 'What each filter answers on this digit (feature maps, {h}×{w})', zh: '每个卷积核在这个数字上的响应（特征图，{h}×{w}）' },
  'inside.pooled': { en: 'After max_pool2d ({h}×{w})', zh: '经过 max_pool2d 之后（{h}×{w}）' },

  // The guide (www/guide.js, www/lesson_line.js).
  'guide.todo': { en: 'To go on: {action}.', zh: '继续之前：{action}。' },
  'guide.lineAria': { en: 'the 20 points and the line ŷ = {theta}·x after step {step}', zh: '20 个点和第 {step} 步之后的直线 ŷ = {theta}·x' },

  // The drawing pad (www/panels/pad.js).
  'pad.about': {
    en: 'Draw a digit with the mouse or a finger. It is turned into 8×8 blocks as the data was made (the digit scaled to fill a 32×32 box, then the ink counted in each 4×4 block, 0…16), and the model answers as you draw.',
    zh: '用鼠标或手指写一个数字。它会像数据集当初那样变成 8×8 的小块（先把数字缩放到填满 32×32 的方框，再数每个 4×4 小块里的墨点，0…16），模型边画边给出答案。',
  },
  'pad.aria': { en: 'drawing pad: draw a digit here', zh: '画板：在这里写一个数字' },
  'pad.seen': { en: 'What the model sees (8×8)', zh: '模型看到的样子（8×8）' },
  'pad.clear': { en: 'Clear', zh: '清空' },
  'pad.start': { en: 'Draw a digit on the pad.', zh: '在画板上写一个数字。' },
  'pad.says': { en: 'The model says {label} ({p})', zh: '模型认为是 {label}（{p}）' },

  // One optimisation step by hand (www/lesson_tweak.js).
  'tweak.try': { en: 'Try it: {what}', zh: '试一试：{what}' },
  'tweak.units16': { en: 'an LSTM of 16 units', zh: '16 个神经元的 LSTM' },
  'tweak.trainFirst': { en: 'Train the model first: the change is compared with that run.', zh: '先训练模型：改动要和那次训练做比较。' },
  'tweak.training': { en: 'Training with the change…', zh: '正在用改动后的设置训练…' },
  'tweak.better': {
    en: 'Validation loss {before} before, {after} with the change: the change is kept.',
    zh: '改动前验证损失 {before}，改动后 {after}：保留这个改动。',
  },
  'tweak.worse': {
    en: 'Validation loss {before} before, {after} with the change: worse — go back to the run before.',
    zh: '改动前验证损失 {before}，改动后 {after}：变差了——回到改动之前。',
  },
  'tweak.keep': { en: 'Go back to the better run', zh: '回到更好的那次' },
  'tweak.kept': { en: 'Back to the run before (validation loss {val}), retrained from the same seed.', zh: '回到改动之前（验证损失 {val}），用同一个随机种子重新训练。' },
};
