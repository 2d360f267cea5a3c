// @ts-check
// The "Optimize?" diagnosis as the page shows it. The core (src/optimize/diagnosis_rules.rs)
// writes its sentence and suggestions in English; English shows them exactly as written, and
// Chinese writes them from the codes: the verdict, `numbers`, the suggestions' `action`s and the
// run's history (the same figures, formatted as the core formats them).

/** @import {Diagnosis, EpochRecord} from '../types.js' */
/** @import {Msg} from '../i18n.js' */

/** `{text}`: the core's English, as it wrote it. */
const CORE_TEXT = '{text}';

/** @type {import('./util.js').Catalog} */
export const DIAGNOSIS = {
  'diag.empty': { en: CORE_TEXT, zh: '还没有可诊断的内容：还没有训练完任何一轮。' },
  'diag.diverged': {
    en: CORE_TEXT,
    zh: (p) => `训练发散了：到第 ${p.epoch} 轮，损失${p.first ? `从 ${p.first} ` : ''}变成了 ${p.value}。`,
  },
  'diag.plateau': { en: CORE_TEXT, zh: '训练损失在 {epochs} 轮里几乎没动：{first} → {best}（只降低了 {drop}%）。' },
  'diag.overfittingGap': {
    en: CORE_TEXT,
    zh: '过拟合：训练集准确率是 {train}%，验证集准确率却只有 {val}%；模型在死记训练数据。',
  },
  'diag.overfittingRise': {
    en: CORE_TEXT,
    zh: '从第 {epoch} 轮开始过拟合：验证损失从 {best} 升到 {tail}（+{rise}%），而训练损失从 {from} 降到 {to}。',
  },
  'diag.underfittingAccuracy': {
    en: CORE_TEXT,
    zh: (p) => `欠拟合：训练集准确率只有 ${p.accuracy}%${p.falling ? '，而且训练损失还在下降' : ''}。`,
  },
  'diag.underfittingR2': {
    en: CORE_TEXT,
    zh: (p) => `欠拟合：测试集的 R² 只有 ${p.r2}${p.falling ? '，而且训练损失还在下降' : ''}。`,
  },
  'diag.fine': {
    en: CORE_TEXT,
    zh: (p) => `没有发现问题：训练损失 ${p.first} → ${p.last}${p.val ? `，验证损失 ${p.val}` : ''}。`,
  },
  // Suggestions, by verdict and action (the same action reads differently per verdict).
  'tip.diverged.lower_learning_rate': { en: CORE_TEXT, zh: '把学习率调低约十倍（例如 0.1 → 0.01）。' },
  'tip.diverged.scale_data': { en: CORE_TEXT, zh: '对输入做标准化缩放（数据预处理 → 缩放 → 标准化），别让某个特征的数值远远大过其他特征。' },
  'tip.diverged.change_optimizer': { en: CORE_TEXT, zh: '改用 Adam：它会自动调整步长，比 SGD 或 GD 更稳。' },
  'tip.plateau.raise_learning_rate': { en: CORE_TEXT, zh: '调高学习率（试试高 3–10 倍），或者在对数尺度上搜索学习率。' },
  'tip.plateau.change_optimizer': { en: CORE_TEXT, zh: '换用 Adam，它能应付各方向梯度大小悬殊的情况。' },
  'tip.plateau.scale_data': { en: CORE_TEXT, zh: '检查输入是否已经缩放（数据预处理 → 缩放 → 标准化）。' },
  'tip.overfitting.early_stopping': {
    en: CORE_TEXT,
    zh: '在第 {epoch} 轮附近停下：开启早停（监控验证损失，耐心值 5，恢复最佳权重）。',
  },
  'tip.overfitting.dropout': { en: CORE_TEXT, zh: '在隐藏层后面加 dropout（比例 0.2–0.5）。' },
  'tip.overfitting.l2': { en: CORE_TEXT, zh: '给 dense 层加上 L2 权重衰减 0.001（正则化）。' },
  'tip.overfitting.fewer_units': { en: CORE_TEXT, zh: '减少神经元数或层数：模型的容量大到能把数据背下来。' },
  'tip.overfitting.more_data': { en: CORE_TEXT, zh: '如果还有更多训练数据，加数据最管用。' },
  'tip.more_epochs': { en: CORE_TEXT, zh: '多训练几轮：最近 {epochs} 轮里训练损失又降低了 {fall}%。' },
  'tip.underfitting.more_units': { en: CORE_TEXT, zh: '给模型更多容量：每个隐藏层多用一些神经元。' },
  'tip.underfitting.more_layers': { en: CORE_TEXT, zh: '再加一个隐藏层。' },
  'tip.underfitting.less_dropout': { en: CORE_TEXT, zh: '模型欠拟合时，降低或去掉 dropout。' },
};

/** @param {number | null | undefined} x @param {number} digits `{:.N}` of the core's f32 */
const fixed = (x, digits) => (typeof x === 'number' ? x.toFixed(digits) : '');
/** `{:.N}` of `fraction × 100` computed in f32, as the core does. @param {number | null | undefined} fraction @param {number} digits */
const percent = (fraction, digits) => (typeof fraction === 'number' ? Math.fround(Math.fround(fraction) * 100).toFixed(digits) : '');

/**
 * An f32 as Rust's `{}` writes it: the shortest decimal that reads back as the same f32.
 * @param {number} x
 */
export function shortestF32(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '无穷大' : '负无穷大';
  for (let p = 1; p <= 9; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === Math.fround(x)) return String(s);
  }
  return String(x);
}

/**
 * The diagnosis's sentence and suggestions as messages: English shows the core's text, Chinese
 * the same figures in its own words. An unknown shape falls back to the core's text (as a core
 * message, so the page tests notice it in Chinese).
 * @param {Diagnosis} d
 * @param {readonly EpochRecord[]} history the run the diagnosis read
 * @returns {{message: Msg, suggestions: Msg[]}}
 */
export function diagnosisMessages(d, history) {
  const n = d.numbers;
  const last = history[history.length - 1];
  const falling = d.suggestions.some((s) => s.action === 'more_epochs');
  /** @type {[string, Record<string, unknown>] | null} */
  let message = null;
  // Diverged first: a run that diverges in epoch 1 has no history, and says so.
  if (d.verdict === 'diverged') {
    // A non-finite loss reaches the page as null: read it from the core's sentence.
    const value = typeof n.diverged_loss === 'number' ? shortestF32(n.diverged_loss)
      : /to (-?inf|NaN) by epoch/.exec(d.message)?.[1]?.replace('-inf', '负无穷大').replace('inf', '无穷大') ?? '';
    message = ['diag.diverged', { epoch: n.diverged_epoch, first: fixed(n.first_loss, 4), value }];
  } else if (!history.length) message = ['diag.empty', {}];
  else if (d.verdict === 'plateau') {
    const best = Math.min(...history.map((r) => r.loss));
    message = ['diag.plateau', { epochs: n.epochs, first: fixed(n.first_loss, 4), best: fixed(best, 4), drop: percent(n.loss_drop, 1) }];
  } else if (d.verdict === 'overfitting' && typeof n.accuracy_gap === 'number') {
    message = ['diag.overfittingGap', { train: percent(last?.accuracy, 1), val: percent(last?.val_accuracy, 1) }];
  } else if (d.verdict === 'overfitting') {
    const withVal = history.filter((r) => typeof r.val_loss === 'number' && Number.isFinite(r.val_loss));
    const atBest = history.find((r) => r.epoch === n.best_val_epoch);
    message = ['diag.overfittingRise', { epoch: n.best_val_epoch, best: fixed(n.best_val_loss, 4), tail: fixed(n.final_val_loss, 4),
      rise: percent(n.val_rise, 0), from: fixed(atBest?.loss, 4), to: fixed(withVal[withVal.length - 1]?.loss, 4) }];
  } else if (d.verdict === 'underfitting') {
    const accuracy = last?.accuracy ?? n.test_accuracy;
    message = typeof accuracy === 'number'
      ? ['diag.underfittingAccuracy', { accuracy: percent(accuracy, 1), falling }]
      : ['diag.underfittingR2', { r2: fixed(n.test_r2, 3), falling }];
  } else if (d.verdict === 'fine') {
    const vals = history.map((r) => r.val_loss).filter((v) => v !== null && v !== undefined);
    message = ['diag.fine', { first: fixed(n.first_loss, 4), last: fixed(n.final_loss, 4), val: fixed(vals[vals.length - 1], 4) }];
  }
  const epochs = Math.max(1, Math.floor(history.length / 5));
  const suggestions = d.suggestions.map((s) => {
    const key = s.action === 'more_epochs' ? 'tip.more_epochs' : `tip.${d.verdict}.${s.action}`;
    const params = s.action === 'more_epochs' ? { epochs, fall: percent(n.recent_fall, 1) }
      : s.action === 'early_stopping' ? { epoch: n.best_val_epoch } : {};
    return key in DIAGNOSIS ? { key, params: { text: s.text, ...params } } : { key: 'core', params: { message: s.text } };
  });
  return {
    message: message ? { key: message[0], params: { text: d.message, ...message[1] } } : { key: 'core', params: { message: d.message } },
    suggestions,
  };
}
