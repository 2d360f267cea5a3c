// @ts-check
// Texts of the error details, the target's task choice, date columns, wide tables, opened model
// files and the Experiment JSON editor (issue 19's leftovers, issue 13 item 9).

/** serde_json's syntax errors in Chinese. @type {Record<string, string>} */
const SYNTAX = {
  'expected `,` or `}`': '缺少逗号或 }',
  'expected `,` or `]`': '缺少逗号或 ]',
  'expected `:`': '键后面缺少冒号',
  'expected value': '缺少一个值，或者值写错了（文本要加双引号）',
  'expected ident': '缺少一个值，或者值写错了（文本要加双引号）',
  'trailing comma': '逗号后面什么也没有；请删掉它',
  'key must be a string': '有一个键没有加双引号',
  'trailing characters': 'JSON 结束之后还有多余的文本',
  'invalid number': '数字写错了',
};
/** @param {string} s */
const syntaxZh = (s) => SYNTAX[s] ?? (/^EOF while parsing/.test(s) ? '文本提前结束了；缺少一个 }、] 或引号' : '格式不对');

/** @type {import('./util.js').Catalog} */
export const UX = {
  // serde's messages about the experiment in people's words (www/error_words.js).
  'err.mustBe': { en: '{subject} must be {expected}, not {given}', zh: '{subject} 应为{expected}，而不是 {given}' },
  'err.layerKey': { en: '{layer}: {key}', zh: '{layer}：{key}' },
  'err.layer': { en: 'Layer {n} ({kind})', zh: '层 {n}（{kind}）' },
  'err.layerN': { en: 'Layer {n}', zh: '层 {n}' },
  'err.experiment': { en: 'The experiment', zh: '实验设置' },
  'err.whole': { en: 'a whole number ≥ {lo}', zh: '不小于 {lo} 的整数' },
  'err.integer': { en: 'a whole number', zh: '整数' },
  'err.number': { en: 'a number', zh: '数字' },
  'err.range': { en: 'a number from {lo} to {hi}', zh: '{lo} 到 {hi} 之间的数' },
  'err.bool': { en: 'true or false', zh: 'true 或 false' },
  'err.text': { en: 'text in double quotes', zh: '带双引号的文本' },
  'err.list': { en: 'a list [ … ]', zh: '列表 [ … ]' },
  'err.object': { en: 'an object { … }', zh: '对象 { … }' },
  'err.oneOf': { en: 'one of {names}', zh: '以下之一：{names}' },
  'err.anObject': { en: 'an object', zh: '对象' },
  'err.aList': { en: 'a list', zh: '列表' },
  'err.noKey': { en: '{who} has no key {name}; use one of {keys}', zh: '{who}：没有键 {name}；可用的键：{keys}' },
  'err.noKeysAtAll': { en: '{who} has no key {name}; it takes no keys but "type"; remove it', zh: '{who}：没有键 {name}，它只接受 "type" 这一个键；请删掉它' },
  'err.noKeySpelling': { en: '{who} has no key {name}; check its spelling', zh: '{who}：没有键 {name}；请检查拼写' },
  'err.missing': { en: '{who}: {name} is missing; add it', zh: '{who}：缺少 {name}；请加上它' },
  'err.twice': { en: '{who}: {name} appears twice; keep one', zh: '{who}：{name} 出现了两次；请只保留一个' },
  'err.syntax': { en: 'The experiment is not valid JSON at line {line}, column {col}: {what}', zh: (p) => `实验不是有效的 JSON（第 ${p.line} 行第 ${p.col} 列）：${syntaxZh(String(p.what))}` },
  'error.where': { en: 'Where in the experiment JSON', zh: '在实验 JSON 中的位置' },
  'pre.task': { en: 'Task', zh: '任务' },
  'pre.taskHint': { en: 'the target holds whole numbers: classes or a quantity?', zh: '目标是整数：是类别，还是一个数量？' },
  'pre.taskClassification': { en: 'classification (each number a class)', zh: '分类（每个数是一个类别）' },
  'pre.taskRegression': { en: 'regression (a quantity)', zh: '回归（一个数量）' },
  'col.page': { en: 'columns {from}–{to} of {n}', zh: '第 {from}–{to} 列，共 {n} 列' },
  'col.prevPage': { en: '← previous', zh: '← 上一页' },
  'col.nextPage': { en: 'next →', zh: '下一页 →' },
  'json.title': { en: 'Experiment JSON (advanced)', zh: '实验 JSON（进阶）' },
  'json.hint': {
    en: 'The whole experiment as the CLI reads it (kindling train experiment.json). Edit it and press Apply: it is checked as the CLI checks it.',
    zh: '整个实验的设置，格式与命令行工具读取的相同（kindling train experiment.json）。修改后按“应用”：检查方式与命令行工具相同。',
  },
  'json.apply': { en: 'Apply', zh: '应用' },
  'json.notJson': { en: 'The experiment is not valid JSON: {detail}', zh: '实验不是有效的 JSON：{detail}' },
  'json.notObject': { en: 'The experiment must be a JSON object { … }', zh: '实验必须是一个 JSON 对象 { … }' },
  'stat.days': { en: '{n} days', zh: '{n} 天' },
  'col.dateUse': {
    en: 'as a feature: a time index (seconds since 1970, scaled), which can learn a trend, not seasons',
    zh: '用作特征时：作为时间索引（自 1970 年起的秒数，经过缩放），能学到趋势，学不到季节规律',
  },
};
