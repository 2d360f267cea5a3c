// @ts-check
// The core's messages in Chinese. The Rust core writes its errors and warnings in English (the CLI,
// the model file and the page's English show them as written); until it gives each message a
// stable code with parameters, the page translates them here from templates: each rule is the
// core's English with `{name}` for the parts it fills in (as in its `format!` string) and the
// Chinese, a template or a function of those parts. A message no rule matches stays English (and
// fails the Chinese page tests, which feed the core real bad input). See docs/CONTRACTS.md,
// "Translations".

/** @typedef {Record<string, string>} Parts */
/** @typedef {string | ((m: Parts) => string | null)} Zh */

/**
 * `template`'s parts as a regular expression: `{name}` matches any text (as little as it can; a
 * name used twice must match the same text), everything else itself.
 * @param {string} template
 */
function compile(template) {
  const seen = new Set();
  const source = template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (seen.has(name)) return `\\k<${name}>`;
    seen.add(name);
    return `(?<${name}>[^]*?)`;
  }).join('');
  return new RegExp(`^${source}$`);
}

/** Fixed phrases the core puts inside its messages. @type {Record<string, string>} */
const PHRASES = {
  'the header': '表头',
  'the first row': '第一行',
  'a ZIP archive (or an .xlsx workbook)': '一个 ZIP 压缩包（或 .xlsx 工作簿）',
  'a gzip archive': '一个 gzip 压缩包',
  'a PDF document': '一个 PDF 文档',
  'a PNG image': '一张 PNG 图片',
  'a GIF image': '一张 GIF 图片',
  'a JPEG image': '一张 JPEG 图片',
  'an old Excel (.xls) or Office file': '一个旧版 Excel（.xls）或 Office 文件',
  'the file ends too early (truncated?); download the model again': '文件提前结束了（可能被截断）；请重新下载模型',
  'the file is damaged or not a model file': '文件已损坏，或者不是模型文件',
  inf: '无穷大',
  '-inf': '负无穷大',
};
/** @param {string} s */
const phrase = (s) => PHRASES[s] ?? null;

/** `line 3 "abc", line 7 "x"` (cells the core quotes) → `第 3 行 "abc"，第 7 行 "x"`. @param {string} s */
const cells = (s) => s.replace(/line (\d+) /g, '第 $1 行 ').replace(/", /g, '"，');
/** `3, 5, …` (line numbers) → `3、5、…`. @param {string} s */
const lines = (s) => s.replace(/, /g, '、');
/** `3 rows (lines 4, 9)` / `1 row (line 4)` (the core's describe_rows) → `3 行（第 4, 9 行）`. @param {string} s */
function rows(s) {
  const m = /^(\d+) rows? \(lines? ([^)]*)\)$/.exec(s);
  return m ? `${m[1]} 行（第 ${lines(m[2])} 行）` : null;
}
/** "one of `a`, `b`" / "`a` or `b`" → "`a`, `b`" / "`a` 或 `b`". @param {string} s */
const choices = (s) => s.replace(/^one of /, '').replace(/ or /g, ' 或 ');
/** The kinds serde names in "invalid type: X, expected Y". @type {Record<string, string>} */
const KINDS = {
  string: '字符串', integer: '整数', 'floating point': '小数', boolean: '布尔值', map: '对象', sequence: '数组', null: 'null',
  usize: '非负整数', u64: '非负整数', u32: '非负整数', f32: '数字', f64: '数字', bool: '布尔值', 'a string': '字符串',
  'a boolean': '布尔值', 'a sequence': '数组', 'a map': '对象', 'a number': '数字',
};
/** `string "x"` → `字符串 "x"`; a kind alone → its name. @param {string} s */
function kind(s) {
  const m = /^(string|integer|floating point|boolean|map|sequence|null|usize|u64|u32|f32|f64|bool|a string|a boolean|a sequence|a map|a number)( .*)?$/.exec(s);
  return m ? `${KINDS[m[1]]}${(m[2] ?? '').replace(/^ `/, ' `')}` : null;
}

/**
 * Whole messages and message bodies, most specific first. The prefix rules peel
 * `experiment: PATH: `, `model: ` and `FILE: ` off and translate what follows.
 * @type {[string, Zh][]}
 */
const RULES = [
  // Prefixes first (what the message is about), so no rule's leading `{part}` swallows them; a
  // prefix whose rest no rule knows gives way to the whole-message rules below.
  ['internal error: {rest}', '内部错误（请把这段信息报告给开发者）：{rest}'],
  ['experiment: (top level): {rest}', (m) => wrap(m.rest, (rest) => `实验设置（顶层）：${rest}`)],
  ['experiment: {path}: {rest}', (m) => wrap(m.rest, (rest) => `实验设置 ${m.path}：${rest}`)],
  ['model: {rest}', (m) => wrap(m.rest, (rest) => `模型：${rest}`)],
  // A model file's tensor, placed in its layer (src/io/validate.rs, quantization.rs).
  ['Layer {i} ({kind}): {rest}', (m) => wrap(m.rest, (rest) => `层 ${m.i}（${m.kind}）：${rest}`)],
  ['{path}: {rest}', (m) => wrap(m.rest, (rest) => `${m.path}：${rest}`)],
  // A suffix: a search trial's settings after the message they caused.
  ['{message} (from the search settings {settings})', (m) => wrap(m.message, (zh) => `${zh}（来自搜索设置 ${m.settings}）`)],
  // Reading a CSV (src/data/reader.rs, sniff.rs, names.rs, typing.rs).
  ['line {line}: {n} fields where {first} has {width}{more}; make every row have {width} fields, or skip such rows (data.on_bad_rows: "skip")',
    (m) => {
      const more = m.more && /^ \((\d+) such rows, on lines (.*)\)$/.exec(m.more);
      if (m.more && !more) return null;
      const also = more ? `（共 ${more[1]} 行如此，在第 ${lines(more[2])} 行）` : '';
      return `第 ${m.line} 行有 ${m.n} 个字段，而${phrase(m.first)}有 ${m.width} 个${also}；请让每一行都有 ${m.width} 个字段，或者跳过这些行`;
    }],
  ['{n} rows skipped: they do not have {width} fields (lines {lines})', (m) => `跳过了 ${m.n} 行：它们不是 ${m.width} 个字段（第 ${lines(m.lines)} 行）`],
  ['the file is empty; choose a CSV with a header row and data rows', '文件是空的；请选择一个有表头行和数据行的 CSV'],
  ['the file has a header but no data rows; add rows below the header', '文件只有表头，没有数据行；请在表头下面添加数据行'],
  ['this is {what}, not CSV text; open it in its program and export or save it as CSV',
    (m) => phrase(m.what) && `这是${phrase(m.what)}，不是 CSV 文本；请用对应的程序打开它，再导出或另存为 CSV`],
  ['the file is UTF-16 text; re-save it as "CSV UTF-8"', '文件是 UTF-16 编码的文本；请另存为“CSV UTF-8”格式'],
  ['byte {at} is a NUL byte: this looks like a binary file, not CSV text; export the data as CSV',
    '第 {at} 个字节是 NUL 字节：这看起来是二进制文件，不是 CSV 文本；请把数据导出为 CSV'],
  ['line {line} (byte {at}): the text is not UTF-8 (byte {hex}); re-save the file as "CSV UTF-8"',
    '第 {line} 行（第 {at} 个字节）：文本不是 UTF-8 编码（字节 {hex}）；请把文件另存为“CSV UTF-8”格式'],
  ['line {line}: a quoted field opens here but its closing quote (") never comes; add the closing quote or remove the stray one',
    '第 {line} 行：这里开始了一个带引号的字段，但一直没有结束引号（"）；请补上结束引号，或删掉多余的引号'],
  ['the file is {mb} MB, more than the {max} MB a browser tab can parse (reading needs about 3 times the file in memory); use a sample of the rows',
    '文件有 {mb} MB，超过了浏览器页面能解析的 {max} MB（读取时大约需要文件 3 倍大小的内存）；请只取其中一部分行'],
  ['the file has {n} columns; at most {max} are supported', '文件有 {n} 列；最多支持 {max} 列'],
  ['the file changed since it was read; load it again', '文件在读取之后被改动过；请重新加载'],
  ['the first row is all numbers, so it is read as data and the columns are named column_1, column_2, …; add a header row to name them',
    '第一行全是数字，所以把它当作数据读取，各列依次命名为 column_1、column_2、…；想要列名的话，请加一行表头'],
  ['column {i} has no name; it is called "{fresh}"', '第 {i} 列没有名字；现在叫 "{fresh}"'],
  ['column {i} repeats the name "{name}"; it is called "{fresh}"', '第 {i} 列与前面的列重名（"{name}"）；现在叫 "{fresh}"'],
  ['{n} cells are not finite numbers ({cells}); they are treated as missing', (m) => `${m.n} 个单元格不是有限的数（${cells(m.cells)}）；按缺失值处理`],
  ['{n} cells are not numbers in a numeric column ({cells}); they are treated as missing',
    (m) => `数值列中有 ${m.n} 个单元格不是数字（${cells(m.cells)}）；按缺失值处理`],
  ['the column is empty; every cell is missing', '这一列是空的：所有单元格都缺失'],
  ['{n} of {present} cells are not numbers ({cells}), so the column is read as text, each value its own category; to read it as numbers with those cells missing, set data.column_kinds {"{name}": "numeric"}',
    (m) => `${m.present} 个单元格中有 ${m.n} 个不是数字（${cells(m.cells)}），所以这一列按文本读取，每个值各成一类；想按数值读取（这些单元格算缺失），请在 data.column_kinds 中设 {"${m.name}": "numeric"}`],
  ['{n} numbers are read with thousands separators ({cells}: "1,234" is 1234)', (m) => `${m.n} 个数带有千位分隔符（${cells(m.cells)}："1,234" 即 1234）`],
  ['{n} numbers are read with a decimal comma ({cells}: "1,5" is 1.5); check that the commas are not thousands separators',
    (m) => `${m.n} 个数按小数逗号读取（${cells(m.cells)}："1,5" 即 1.5）；请确认这些逗号不是千位分隔符`],
  ['the column holds one value ({value}) in every row: it carries no information, and scaling leaves it 0 in every row (standard or minmax); leave it out of data.features',
    '这一列每行都是同一个值（{value}）：它不含任何信息，标准化或最小-最大缩放后每行都是 0；请把它从特征中去掉'],

  // Preparing the data (src/data/prepare.rs, target.rs, encode.rs, window.rs, transform.rs).
  ['{rows} left out: the target "{target}" is missing', (m) => rows(m.rows) && `${rows(m.rows)}被略去：目标 "${m.target}" 缺失`],
  ['{rows} dropped: they have missing values (data.missing: "drop")', (m) => rows(m.rows) && `${rows(m.rows)}被删除：这些行有缺失值（缺失值处理方式为“删除该行”）`],
  ['column "{name}": {rows} filled as in training (data.missing)', (m) => rows(m.rows) && `列 "${m.name}"：${rows(m.rows)}按训练时的方式填补了缺失值`],
  ['column "{name}": {n} cells are not numbers; they are treated as missing (first: line {line}, "{cell}")',
    '列 "{name}"：{n} 个单元格不是数字，按缺失值处理（第一个在第 {line} 行，"{cell}"）'],
  ['column "{name}": {n} cells hold categories not seen in training; they are encoded as all zeros (first: line {line}, "{cell}")',
    '列 "{name}"：{n} 个单元格是训练时没见过的类别，编码为全 0（第一个在第 {line} 行，"{cell}"）'],
  ['no rows are left after removing rows with missing values; choose another data.missing strategy or fill in the data',
    '删除含缺失值的行之后，一行都不剩了；请换一种缺失值处理方式，或者把数据补全'],
  ['no rows are left to train on; lower the validation and test fractions', '没有剩下可用于训练的行；请调低验证集和测试集比例'],
  ['data.split: the test part is empty: {rows} rows in {classes} classes (about {each} rows each; a stratified split rounds each class\'s share of {test}) leave no test rows, so there are no test metrics; use fewer classes, a larger data.split.test, or data.split.method "random"',
    '数据划分：测试集是空的：{rows} 行分属 {classes} 个类别（每类约 {each} 行；分层划分对每个类别的 {test} 份额取整），没有留下测试行，因此没有测试指标；请减少类别、调大测试集比例，或改用随机划分'],
  ['data.split: the test part is empty: {rows} rows leave no test rows, so there are no test metrics; use fewer classes, a larger data.split.test, or data.split.method "random"',
    '数据划分：测试集是空的：{rows} 行没有留下测试行，因此没有测试指标；请减少类别、调大测试集比例，或改用随机划分'],
  ['column "{name}": {rows} hold numbers beyond ±3.4e38, more than the model\'s 32-bit numbers can take; they are treated as missing',
    (m) => rows(m.rows) && `列 "${m.name}"：${rows(m.rows)}的数超出 ±3.4e38，模型的 32 位数表示不了；按缺失值处理`],
  ['data.window: the {part} part makes {count} windows × lookback {lookback} × {width} features = {values} values, more than the {max} a session can hold; lower data.window.lookback, list fewer data.features, or use a shorter series',
    (m) => `时间序列窗口：${({ training: '训练', validation: '验证', test: '测试' })[m.part] ?? m.part}部分会生成 ${m.count} 个窗口 × 回看 ${m.lookback} × ${m.width} 个特征 = ${m.values} 个值，超过了一次会话能容纳的 ${m.max} 个；请调小回看长度、减少特征，或使用更短的序列`],
  ['the model would hold {total} parameters by Layer {index}, more than the {max} a model may have; the largest is Layer {i} ({kind}) with {p} — use fewer units or layers',
    '到第 {index} 层，模型将有 {total} 个参数，超过了模型允许的 {max} 个；最大的是第 {i} 层（{kind}），有 {p} 个——请减少单元数或层数'],
  ['one batch of {batch} samples keeps {values} values for training ({per} per sample), more than the {max} a session can hold; set fit.batch_size to {most} or less, or use a smaller model',
    '一批 {batch} 个样本训练时要保存 {values} 个值（每个样本 {per} 个），超过了一次会话能容纳的 {max} 个；请把批大小设为 {most} 或更小，或使用更小的模型'],
  ['there is no column "{name}"; list columns of the file', '没有名为 "{name}" 的列；请列出文件中的列'],
  ['the target "{target}" holds dates; pick a column of numbers or classes as the target', '目标 "{target}" 是日期；请选一列数值或类别作为目标'],
  ['lists the target "{target}"; a model cannot take the answer as an input — remove it from data.features',
    '列出了目标 "{target}"；模型不能把答案当作输入——请把它从特征中去掉'],
  ['there are no feature columns: the file has one column ("{name}"); if its values hold , ; tab or | they were not split — check the delimiter; a model needs at least one input column besides the target (or a data.window for a time series)',
    '没有特征列：文件只有一列（"{name}"）；如果它的值里有 , ; 制表符或 |，说明没有被正确拆分——请检查分隔符；除了目标之外，模型至少需要一个输入列（时间序列则需要打开时间序列窗口）'],
  ['there are no feature columns: a model needs at least one input column besides the target (or a data.window for a time series)',
    '没有特征列：除了目标之外，模型至少需要一个输入列（时间序列则需要打开时间序列窗口）'],
  ['there is no column "{name}"; the columns are {columns}', '没有名为 "{name}" 的列；现有的列是 {columns}'],
  ['give data.features or data.exclude, not both', '请只给出 data.features 或 data.exclude 其中之一，不要同时给出'],
  ['the target "{name}" is not numeric, so it cannot be a regression target; set data.task to "classification"',
    '目标 "{name}" 不是数值，不能作为回归的目标；请把任务设为分类'],
  ['the target "{name}" has a single class ("{class}"); classification needs at least two — pick another target column',
    '目标 "{name}" 只有一个类别（"{class}"）；分类至少需要两个类别——请换一个目标列'],
  ['the target "{name}" has {n} classes (at most {max}); if it is a quantity, set data.task to "regression"',
    '目标 "{name}" 有 {n} 个类别（最多 {max} 个）；如果它是一个数量，请把任务设为回归'],
  ['column "{name}" has {n} different text values in the training rows, too many to one-hot encode (at most {max}); leave it out of data.features',
    '列 "{name}" 在训练数据中有 {n} 种不同的文本值，太多了，无法做独热编码（最多 {max} 种）；请不要把它用作特征'],
  ['the model needs the column(s) {need} but the file has {have}; use a CSV with the training columns',
    '模型需要这些列：{need}，但文件里只有 {have}；请使用包含训练时各列的 CSV'],
  ['the series has {n} usable rows; the model looks back {k} rows — use a longer series', '这个序列只有 {n} 行可用，而模型要回看 {k} 行——请用更长的序列'],
  ['data.window predicts the next value of a numeric series, but the target "{target}" is treated as classes; pick a numeric target or remove data.window',
    '时间序列窗口预测的是数值序列的下一个值，但目标 "{target}" 被当作类别；请选一个数值目标，或者关闭时间序列窗口'],
  ['column "{name}" holds text; a data.window series takes numeric columns only — leave it out of data.features',
    '列 "{name}" 是文本；时间序列窗口只接受数值列——请不要把它用作特征'],
  ['a data.window series is always split chronologically', '用了时间序列窗口的数据总是按时间顺序划分'],
  // data.transform (issue 15: src/data/series.rs, src/experiment/check.rs).
  ['column "{name}", line {line}: {v} has no logarithm; data.transform "log" needs values above 0 — pick "difference" or "none"',
    '列 "{name}" 第 {line} 行：{v} 没有对数；序列变换 "log" 要求数值大于 0——请改选 "difference"（差分）或 "none"（无）'],
  ['transforms a time series; set data.window too, or remove data.transform', '这是对时间序列的变换；请同时设置 data.window，或者去掉 data.transform'],
  ['differencing predicts the change from the last known value, so it needs data.window.horizon 1 (it is {h}); set the horizon to 1 or pick "log"',
    '差分预测的是相对上一个已知值的变化，所以需要 data.window.horizon 为 1（现在是 {h}）；请把预测距离设为 1，或改选 "log"'],
  ['{rows} have missing values, filled as data.missing says', (m) => rows(m.rows) && `${rows(m.rows)}有缺失值，已按缺失值处理方式填补`],
  ['the training part of the series has {n} rows, fewer than lookback + horizon = {need}; lower data.window.lookback or the validation/test fractions, or use a longer series',
    '序列的训练部分只有 {n} 行，少于回看步数 + 预测距离 = {need}；请调小回看步数或验证集/测试集比例，或者使用更长的序列'],

  // The experiment's keys and ranges (src/experiment/, src/json/).
  ['{value} is out of range; use a value from {lo} to {hi}', '{value} 超出范围；请使用 {lo} 到 {hi} 之间的值'],
  ['{value} is not a number; use a value from {lo} to {hi}', '{value} 不是数字；请使用 {lo} 到 {hi} 之间的值'],
  ['version {v} is not supported; this build reads version 1', '不支持版本 {v}；这个版本的 Kindling 只能读取版本 1'],
  ['"{source}" must start with builtin: or file:', '"{source}" 必须以 builtin: 或 file: 开头'],
  ['validation + test leave no rows to train on; keep their sum below 0.95', '验证集加测试集占满了全部数据，没有剩下用于训练的行；请让两者之和小于 0.95'],
  ['"{value}" is not monitored; use "val_loss" or "loss"', '不能监控 "{value}"；请用 "val_loss" 或 "loss"'],
  ['the model has no layers; add at least one dense layer', '模型没有任何层；请至少添加一个 dense 层'],
  ['unknown field `{key}`: type "{type}" takes no other keys; remove it', '未知的键 `{key}`：类型 "{type}" 不接受其他键；请删掉它'],
  ['unknown field `{key}` for type "{type}", expected {list}', (m) => `类型 "${m.type}" 没有键 \`${m.key}\`，可用的键有 ${choices(m.list)}`],
  ['unknown field `{key}`, expected {list}', (m) => `未知的键 \`${m.key}\`，可用的键有 ${choices(m.list)}`],
  ['unknown variant `{value}`, expected {list}', (m) => `未知的取值 \`${m.value}\`，可用的取值有 ${choices(m.list)}`],
  ['invalid type: {got}, expected {want}', (m) => kind(m.got) && kind(m.want) && `类型不对：这里是${kind(m.got)}，需要的是${kind(m.want)}`],
  ['missing field `{key}`', '缺少键 `{key}`'],
  ['the key "{key}" appears twice in one object; keep one at line {line} column {col}', '同一个对象里键 "{key}" 出现了两次；请只保留一个（第 {line} 行第 {col} 列）'],
  ['EOF while parsing {what} at line {line} column {col}', 'JSON 在第 {line} 行第 {col} 列提前结束了'],
  ['"{value}" is not an option; use "error" or "skip"', '"{value}" 不是可选项；请用 "error" 或 "skip"'],
  ['data.source: there is no built-in dataset "{name}"{more}', (m) => {
    const list = /^; choose one of (.*)$/.exec(m.more)?.[1];
    if (m.more && !list) return null;
    return `data.source：没有名为 "${m.name}" 的内置数据集${list ? `；可选的有 ${list}` : ''}`;
  }],

  // The search (src/optimize/): its settings and what a trial needs.
  ['{value} is not a whole number', '{value} 不是整数'],
  ['{value} is not a number', '{value} 不是数字'],
  ['{value} is not an optimizer name', '{value} 不是优化器的名字'],
  ['{k} folds is out of range; use {lo} to {hi}', '{k} 折超出范围；请使用 {lo} 到 {hi} 折'],
  ['{value} is out of range; use {lo} to {hi}', '{value} 超出范围；请使用 {lo} 到 {hi}'],
  ['uniform needs finite low <= high, got {range}', '均匀分布需要有限的下限 ≤ 上限，现在是 {range}'],
  ['log_uniform needs 0 < low <= high, got {range}', '对数均匀分布需要 0 < 下限 ≤ 上限，现在是 {range}'],
  ['the grid has more than {n} points; vary fewer settings, lower grid_points or use random search',
    '网格超过 {n} 个点；请少搜索几项设置、调小每项的取值个数，或改用随机搜索'],
  ['a search needs validation rows to score trials; set data.split.validation above 0 or use k-fold',
    '搜索需要验证集来给试验打分；请把验证集比例设为大于 0，或者改用 k 折交叉验证'],
  ['search does not handle time-series windows yet; remove data.window to search', '搜索暂时不支持时间序列窗口；请关闭时间序列窗口后再搜索'],

  // Building the model (each layer type's build in src/nn/, sequential.rs): layers by their 0-based index.
  ['Layer {i} ({kind}) needs flat inputs [features] but receives shape {shape}; put a flatten before it (for sequences: an lstm or gru without return_sequences)',
    '层 {i}（{kind}）需要扁平的输入 [特征数]，但收到的形状是 {shape}；请在它前面加一个 flatten 层（如果输入是序列：用一个不返回整个序列的 lstm 或 gru 层）'],
  ['Layer {i} ({kind}) needs images [height, width, channels] but receives shape {shape}; put a reshape before it, e.g. {example} for {n} pixels',
    '层 {i}（{kind}）需要图像输入 [高, 宽, 通道]，但收到的形状是 {shape}；请在它前面加一个 reshape 层，例如 {n} 个像素用 {example}'],
  ['Layer {i} ({kind}) needs sequences [steps, features] but receives shape {shape}; set data.window to make time-series windows, or use return_sequences on the recurrent layer before it',
    '层 {i}（{kind}）需要序列输入 [步数, 特征数]，但收到的形状是 {shape}；请打开时间序列窗口，或者让它前面的循环层返回整个序列'],
  ['Layer {i} ({kind}) cannot turn shape {shape} ({have} values) into target_shape {target} ({want} values); make the product of target_shape {have}',
    '层 {i}（{kind}）无法把形状 {shape}（{have} 个值）变成目标形状 {target}（{want} 个值）；请让目标形状各维的乘积等于 {have}'],
  ['Layer {i} ({kind}) kernel_size {k} is larger than its input {size}; use a smaller kernel_size or padding "same"',
    '层 {i}（{kind}）的卷积核大小 {k} 比它的输入 {size} 还大；请用更小的卷积核，或者把填充设为“补零保持尺寸”'],
  ['Layer {i} ({kind}) pool_size {k} is larger than its input {size}; use a smaller pool_size', '层 {i}（{kind}）的池化窗口 {k} 比它的输入 {size} 还大；请用更小的池化窗口'],
  ["the last layer outputs shape {shape} but the target needs [{n}]; set the last layer's units to {n}",
    '最后一层输出的形状是 {shape}，但目标需要 [{n}]；请把最后一层的神经元数设为 {n}'],

  // The session and the model file (src/wasm/, src/io/).
  ['load a dataset before configuring', '请先加载数据集，再设置实验'],
  ['configure an experiment before training', '请先设置好实验，再开始训练'],
  ['load a dataset first', '请先加载数据集'],
  ['train a model before downloading it', '请先训练模型，再下载'],
  ['load the series before forecasting', '请先加载序列，再做预测'],
  ['open a model file before predicting with it', '请先打开模型文件，再用它预测'],
  // A recommender's model file opened in the page (src/recommend/file.rs, open.rs; www/recommend-worker.js).
  ['the weights do not fit {u} users and {i} items (recommender.users, recommender.items); {rest}; the file is damaged or was edited, train the model again',
    (m) => wrap(m.rest, (rest) => `权重与 ${m.u} 个用户、${m.i} 个物品对不上：${rest}；文件已损坏或被改动过：请重新训练模型`)],
  ['weight tensor {i} has shape {shape}, the model needs {need}', '第 {i} 个权重张量的形状是 {shape}，模型需要 {need}'],
  ['{n} weight tensors given, the model has {m}', '给出了 {n} 个权重张量，模型有 {m} 个'],
  ['recommender.users is empty; train the model again', '用户 id 列表是空的；请重新训练模型'],
  ['recommender.items is empty; train the model again', '物品 id 列表是空的；请重新训练模型'],
  ['{id} is listed twice; each id needs one row of the tables: train the model again', '{id} 出现了两次；每个 id 在表中只占一行：请重新训练模型'],
  ['recommender.titles has {n} titles for {m} items; give one per item ("" for none)', '物品标题有 {n} 个，物品却有 {m} 个；每个物品给一个标题（没有就写 ""）'],
  ['its data does not fill its shape; train the model again', '它的数据填不满它的形状；请重新训练模型'],
  ['the weights hold a non-finite number; train the model again', '权重里有非有限的数（NaN 或无穷大）；请重新训练模型'],
  ['its training rows hold {u} users and {i} items, the model {mu} and {mi} (or other ids): it is not the data the model was trained on; open that CSV',
    '它的训练行有 {u} 个用户、{i} 个物品，模型是 {mu} 个和 {mi} 个（或是别的 id）：这不是模型训练时用的数据；请打开那个 CSV'],
  ['not valid JSON ({detail}); the file is damaged or truncated: download the model again', '不是有效的 JSON；文件已损坏或被截断：请重新下载模型'],
  ['open a recommender\'s model file first', '请先打开推荐模型的文件'],
  ['load the data the model was trained on first', '请先加载模型训练时用的数据'],
  ['train a model (or open one) before predicting', '请先训练一个模型（或打开一个），再做预测'],
  ['no rows to predict; fill in the form or upload a CSV', '没有要预测的行；请填写表单或上传 CSV'],
  ['training diverged: the loss became {value} at epoch {epoch}, batch {batch}; lower the learning rate or scale the data',
    (m) => `训练发散了：第 ${m.epoch} 轮第 ${m.batch} 批时，损失变成了 ${phrase(m.value) ?? m.value}；请调低学习率或缩放数据`],
  ['not valid JSON at line {line}, column {col}: {detail}; {hint}', (m) => phrase(m.hint) && `不是有效的 JSON（第 ${m.line} 行第 ${m.col} 列）；${phrase(m.hint)}`],
  ['model file version {v} cannot be read by this build, which reads version {w}; open it with the Kindling that wrote it or train the model again',
    '这个版本的 Kindling 读不了版本 {v} 的模型文件（只能读版本 {w}）；请用写出它的那个 Kindling 打开，或者重新训练模型'],
  ['this is not a Kindling model file (its "format" is {format}, expected "kindling-model"); open a file made with "Download model" or `kindling train --out`',
    '这不是 Kindling 的模型文件（它的 "format" 是 {format}，应为 "kindling-model"）；请打开用“下载模型”或 `kindling train --out` 生成的文件'],
  ['a model file is a JSON object; this is not a Kindling model file', '模型文件应当是一个 JSON 对象；这不是 Kindling 的模型文件'],
  ['the model file is {mb} MB; this build reads model files up to {max} MB', '模型文件有 {mb} MB；这个版本最多读取 {max} MB 的模型文件'],
  ['{path}: unknown key "{key}"; remove it', '{path}：未知的键 "{key}"；请删掉它'],
  ['weights.tensors[{i}] has shape {shape} but {n} values; the file is damaged or truncated', 'weights.tensors[{i}] 的形状是 {shape}，却有 {n} 个值；文件已损坏或被截断'],
  ['the layers need {planned} weights but weights.tensors hold {given}; the file is damaged or was edited', '各层需要 {planned} 个权重，但 weights.tensors 里有 {given} 个；文件已损坏或被改动过'],
  ['this model has no time-series window; forecasting needs a model trained with data.window', '这个模型没有时间序列窗口；多步预测需要一个用时间序列窗口训练的模型'],
  ['forecasting several steps feeds each prediction back as the next input, so it needs a model whose only input is the target "{target}" and whose horizon is 1 (this one has inputs {inputs} and horizon {h})',
    '多步预测会把每一步的预测值当作下一步的输入，所以模型的唯一输入必须是目标 "{target}"，且预测距离为 1（这个模型的输入是 {inputs}，预测距离为 {h}）'],
  ['{n} steps: forecast from 1 to {max} steps', '{n} 步：预测步数应在 1 到 {max} 之间'],

  // The layer types' labels, choices and help (src/nn/TYPE.rs, through the worker's `ready.layer_types`):
  // the page's layer editor shows them (www/panels/layers.js).
  ['units', '神经元数'],
  ['activation', '激活函数'],
  ['use bias', '使用偏置'],
  ['kernel regularizer', '权重正则化'],
  ['rate', '丢弃比例'],
  ['return sequences', '返回整个序列'],
  ['target shape', '目标形状'],
  ['filters', '卷积核个数'],
  ['kernel', '卷积核大小'],
  ['stride', '步幅'],
  ['padding', '填充'],
  ['pool', '池化窗口'],
  ['valid', '不补零'],
  ['same', '补零保持尺寸'],
  ['Fully connected: each of the units outputs a weighted sum of every input plus a bias, through the activation. Takes flat inputs (one row of features per sample).',
    '全连接层：每个神经元输出所有输入的加权和加上偏置，再经过激活函数。输入是扁平的（每个样本一行特征）。'],
  ['How many outputs (neurons) the layer has.', '这一层有多少个输出（神经元）。'],
  ['The function applied to each output: relu in hidden layers, softmax for class probabilities, linear for a number.',
    '作用在每个输出上的函数：隐藏层常用 relu，输出类别概率用 softmax，预测一个数用 linear。'],
  ['Adds a learned bias to each output (off: activation(x·W)).', '给每个输出加上一个可学习的偏置（关闭时输出为 激活函数(x·W)）。'],
  ['An L1/L2 penalty on the weights, added to the loss: l1·Σ|w| + l2·Σw².', '对权重的 L1/L2 惩罚，加到损失上：l1·Σ|w| + l2·Σw²。'],
  ['Sets a random fraction of the values to 0 in each training step (scaling the rest up), so the next layer cannot rely on any one of them; passes everything when predicting.',
    '每个训练步随机把一部分值置为 0（其余的值相应放大），让下一层不能依赖其中任何一个；预测时全部原样通过。'],
  ['The fraction of values set to 0 in training.', '训练时被置为 0 的值所占的比例。'],
  ['Long short-term memory: reads a sequence [steps, features] one step at a time, keeping a memory cell; outputs its last state (units values), or every step\'s [steps, units].',
    '长短期记忆网络：一步一步读取序列 [步数, 特征数]，并保留一个记忆单元；输出最后一步的状态（神经元数个值），或者每一步的状态 [步数, 神经元数]。'],
  ['The size of the state: outputs per step.', '状态的大小：每一步的输出个数。'],
  ['Output every step\'s state [steps, units], for another lstm or gru after it.',
    '输出每一步的状态 [步数, 神经元数]，供后面的另一个 lstm 或 gru 层使用。'],
  ['An L1/L2 penalty on the input weights, added to the loss: l1·Σ|w| + l2·Σw².',
    '对输入权重的 L1/L2 惩罚，加到损失上：l1·Σ|w| + l2·Σw²。'],
  ['Gated recurrent unit: reads a sequence [steps, features] one step at a time (lighter than an LSTM); outputs its last state (units values), or every step\'s [steps, units].',
    '门控循环单元：一步一步读取序列 [步数, 特征数]（比 LSTM 更轻量）；输出最后一步的状态（神经元数个值），或者每一步的状态 [步数, 神经元数]。'],
  ['The same values under another shape, row-major: e.g. 64 pixel columns → an 8×8 image [8, 8, 1] for conv2d.',
    '同样的值换一个形状（按行优先的顺序）：例如 64 个像素列 → 一张 8×8 的图像 [8, 8, 1]，供 conv2d 使用。'],
  ['The new shape, 1 to 3 sizes (e.g. 8,8,1); their product is the input\'s size.',
    '新的形状，1 到 3 个尺寸（例如 8,8,1）；它们的乘积等于输入的大小。'],
  ['2-D convolution: slides small square kernels over an image [height, width, channels]; each of the filters gives one output channel. Output [height′, width′, filters].',
    '二维（2-D）卷积：让小的正方形卷积核在图像 [高, 宽, 通道] 上滑动；每个卷积核给出一个输出通道。输出为 [高′, 宽′, 卷积核个数]。'],
  ['How many kernels, i.e. output channels.', '卷积核的个数，也就是输出通道数。'],
  ['The side of each square kernel, in pixels.', '每个正方形卷积核的边长（像素）。'],
  ['How far the kernel moves between outputs, in pixels.', '卷积核每次移动的距离（像素）。'],
  ['valid: only where the kernel fits in the image; same: zeros around the image, so the output keeps its size (divided by the stride).',
    '不补零：只在卷积核能完整放进图像的位置计算；补零保持尺寸：在图像四周补零，让输出保持原来的尺寸（再除以步幅）。'],
  ['The function applied to each output.', '作用在每个输出上的函数。'],
  ['Adds a learned bias to each output channel.', '给每个输出通道加上一个可学习的偏置。'],
  ['An L1/L2 penalty on the kernels, added to the loss: l1·Σ|w| + l2·Σw².', '对卷积核的 L1/L2 惩罚，加到损失上：l1·Σ|w| + l2·Σw²。'],
  ['Max pooling: keeps the largest value of each square window, per channel, shrinking an image [height, width, channels] (a last partial window is dropped).',
    '最大池化：在每个通道上保留每个正方形窗口中的最大值，把图像 [高, 宽, 通道] 缩小（最后不完整的窗口被舍弃）。'],
  ['The side of each square window, in pixels.', '每个正方形窗口的边长（像素）。'],
  ['How far the window moves, in pixels; empty: the pool size (windows side by side).',
    '窗口每次移动的距离（像素）；留空：等于池化窗口的大小（窗口一个挨一个）。'],
  ['Unrolls an image [height, width, channels] into one row [height·width·channels], for the dense layers after it.',
    '把图像 [高, 宽, 通道] 展开成一行 [高·宽·通道]，供后面的 dense 层使用。'],
  ['vocabulary', '词表大小'],
  ['dimensions', '向量维数'],
  ['mask zero', '把 0 当作填充'],
  ['Turns each token id of a sentence into a learned vector of output_dim numbers (words used alike end up with similar vectors). Takes the token ids of data.text output_mode "int".',
    '嵌入层：把句子里的每个词元编号变成一个可学习的向量（向量维数个数）；用法相近的词最终会得到相近的向量。输入是 data.text.output_mode 为 "int" 时给出的词元编号。'],
  ['How many token ids there are: the vocabulary size plus the reserved ids (padding 0 and out-of-vocabulary 1).',
    '词元编号一共有多少个：词表的大小加上保留的编号（填充为 0，词表外的词为 1）。'],
  ['How many numbers each token\'s vector has.', '每个词元的向量有多少个数。'],
  ['Id 0 is padding: the layers after it skip those steps (pooling, lstm, gru).',
    '编号 0 是填充：后面的层（池化、lstm、gru）会跳过这些步。'],
  ['Averages a sequence over its steps into one vector (for text: the mean of the word vectors, skipping padding), so a dense layer can classify the whole sentence.',
    '把一个序列在各步上取平均，得到一个向量（对文本来说：各个词向量的平均值，跳过填充），这样 dense 层就能对整句话分类。'],
];

const COMPILED = RULES.map(([en, zh]) => /** @type {const} */ ([compile(en), zh]));

/**
 * `rest` translated and handed to `put`, or null when it cannot be.
 * @param {string} rest
 * @param {(zh: string) => string} put
 */
function wrap(rest, put) {
  const zh = translateCore(rest);
  return zh === null ? null : put(zh);
}

/**
 * The Chinese for one of the core's messages, or null when no rule knows it.
 * @param {string} message
 * @returns {string | null}
 */
export function translateCore(message) {
  for (const [re, zh] of COMPILED) {
    const m = re.exec(message);
    if (!m) continue;
    const parts = /** @type {Parts} */ ({ ...m.groups });
    const out = typeof zh === 'function' ? zh(parts) : zh.replace(/\{(\w+)\}/g, (_, k) => parts[k] ?? '');
    if (out !== null) return out;
  }
  return null;
}
