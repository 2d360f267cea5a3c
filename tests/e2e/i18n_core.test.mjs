// The core's messages in Chinese, from the core itself: the wasm package the page runs (in Node,
// no browser) is fed bad CSVs, bad experiments, bad model files and predictions with gaps; every
// error and warning it writes must have a rule in www/text/core.js whose Chinese leaves no English
// word outside the allowed terms and the data's own names. When the core's wording changes (the
// Rust refactors), this names the message that lost its translation. The diagnosis: every verdict,
// from the core's own rules, reads in Chinese with the same figures as the core's English.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALLOWED, englishWords } from './i18n_sweep.mjs';
import { translateCore } from '../../www/text/core.js';
import { diagnosisMessages } from '../../www/text/diagnosis.js';
import { t, use } from '../../www/i18n.js';

const ROOT = new URL('../../', import.meta.url);
const file = (path) => readFileSync(fileURLToPath(new URL(path, ROOT)));
const iris = file('www/data/iris.csv');
const sunspots = file('www/data/sunspots.csv');
let pkg;
before(async () => {
  pkg = await import(new URL('pkg/kindling.js', ROOT).href);
  await pkg.default({ module_or_path: file('pkg/kindling_bg.wasm') });
});

const bytes = (s) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));
/** The message `fn` throws (it must throw). */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err.message;
  }
  assert.fail(`expected an error from ${fn}`);
}
const session = (csv = iris, name = 'iris') => {
  const s = new pkg.WasmSession();
  s.load(name, csv);
  return s;
};

/** Every message of the corpus: [what, message, data words]. */
function corpus() {
  const out = [];
  const add = (what, message, data = []) => out.push([what, message, data]);
  const load = (name, csv, onBad = 'error') => new pkg.WasmSession().loadWith(name, bytes(csv), onBad, null);
  const loadError = (what, name, csv) => add(what, thrown(() => load(name, csv)), [name]);
  const warnings = (what, name, csv, onBad = 'error') => {
    const t = load(name, csv, onBad);
    assert.ok(t.warnings.length, `${what}: the core warns`);
    for (const w of t.warnings) add(`${what} (warning)`, w.message, [name, ...t.columns.map((c) => c.name)]);
  };
  // Reading CSV files.
  loadError('ragged rows', 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
  loadError('ragged rows, several', 'ragged.csv', 'a,b,c\n1,2\n4,5\n6,7\n8,9,1\n');
  loadError('ragged rows, no header', 'ragged.csv', '1,2,3\n4,5\n');
  warnings('ragged rows skipped', 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7\n8,9,1\n', 'skip');
  loadError('empty file', 'empty.csv', '');
  loadError('header only', 'header.csv', 'a,b,c\n');
  for (const [kind, magic] of [['zip', [0x50, 0x4b, 3, 4]], ['gzip', [0x1f, 0x8b]], ['pdf', [...bytes('%PDF')]], ['png', [0x89, ...bytes('PNG')]],
    ['gif', [...bytes('GIF8')]], ['jpeg', [0xff, 0xd8, 0xff]], ['xls', [0xd0, 0xcf, 0x11, 0xe0]]]) {
    loadError(`a ${kind} file`, `file.${kind}`, [...magic, 1, 2, 3]);
  }
  loadError('UTF-16', 'utf16.csv', [0xff, 0xfe, 0x61, 0]);
  loadError('a NUL byte', 'nul.csv', [...bytes('a,b\n1,'), 0, ...bytes('\n')]);
  loadError('Latin-1', 'latin.csv', [...bytes('a,b\n1,'), 0xe9, ...bytes('\n')]);
  loadError('an unterminated quote', 'quote.csv', 'a,b\n1,"2\n3,4\n');
  warnings('a header of numbers', 'numbers.csv', '1,2,3\n4,5,6\n');
  warnings('unnamed and repeated columns', 'names.csv', 'a,,a\n1,2,3\n4,5,6\n');
  warnings('bad and infinite cells', 'cells.csv', `x,y\n${Array.from({ length: 24 }, (_, i) => `${i},${i === 2 ? 'abc' : i === 5 ? 'inf' : i}`).join('\n')}\n`);
  warnings('an empty column', 'gaps.csv', 'x,e,y\n1,,a\n2,,b\n3,,a\n4,,b\n');
  // The experiment (checked when it is configured).
  const configure = (what, experiment, csv = iris, name = 'iris', data = []) =>
    add(what, thrown(() => session(csv, name).configure(typeof experiment === 'string' ? experiment : JSON.stringify(experiment))), [name, ...data]);
  const columns = ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm', 'species', 'setosa'];
  configure('an unknown key', { fit: { epoch: 5 } });
  configure('a misspelt layer key', { model: { layers: [{ type: 'dense', units: 3, activaton: 'relu' }] } });
  configure('a key of another type', { compile: { optimizer: { type: 'adam', momentum: 0.9 } } });
  configure('a key for a type with none', { model: { layers: [{ type: 'flatten', units: 3 }] } });
  configure('a missing key', { model: { layers: [{ type: 'conv2d', filters: 4 }] } });
  configure('an unknown value', { compile: { loss: 'foo' } });
  configure('a value of the wrong type', { fit: { epochs: 'x' } });
  configure('a number out of range', { fit: { epochs: 0 } });
  configure('a fraction out of range', { data: { split: { test: 1.5 } } });
  configure('a learning rate out of range', { compile: { optimizer: { type: 'adam', learning_rate: -1 } } });
  configure('a key twice', '{"fit":{"epochs":5,"epochs":6}}');
  configure('JSON cut short', '{"fit":{"epochs":5}');
  configure('no rows to train on', { data: { split: { validation: 0.5, test: 0.5 } } });
  configure('another version', { version: 2 });
  configure('a source without a scheme', { data: { source: 'iris' } });
  configure('no layers', { model: { layers: [] } });
  configure('no such column', { data: { target: 'nope' } }, iris, 'iris', columns);
  configure('an excluded column the file lacks', { data: { exclude: ['nope'] } }, iris, 'iris', columns);
  configure('features and exclude both', { data: { features: ['sepal_length_cm'], exclude: ['sepal_width_cm'] } });
  configure('a class target for regression', { data: { target: 'species', task: 'regression' } });
  configure('the target among the features', { data: { target: 'sepal_length_cm', features: ['sepal_length_cm'] } });
  configure('a dense layer on sequences', { data: { window: { lookback: 30, horizon: 1 } }, model: { layers: [{ type: 'dense', units: 4 }, { type: 'dense', units: 1 }] } },
    sunspots, 'sunspots');
  configure('an lstm without a window', { model: { layers: [{ type: 'lstm', units: 4 }, { type: 'dense', units: 3 }] } });
  configure('conv2d without a reshape', { model: { layers: [{ type: 'conv2d', filters: 4, kernel_size: 3 }, { type: 'flatten' }, { type: 'dense', units: 3 }] } });
  configure('a reshape of the wrong size', { model: { layers: [{ type: 'reshape', target_shape: [8, 9, 1] }, { type: 'flatten' }, { type: 'dense', units: 3 }] } });
  configure('a window longer than the series', { data: { target: 'sunactivity', window: { lookback: 900, horizon: 1 } },
    model: { layers: [{ type: 'lstm', units: 4 }, { type: 'dense', units: 1 }] } }, sunspots, 'sunspots');
  configure('a single class', { data: { target: 'c' } }, bytes('x,c\n1,a\n2,a\n3,a\n4,a\n'), 'one.csv');
  // Preparing and predicting: rows left out, cells filled.
  const gaps = bytes('x,y,t\n1,2,a\n,3,b\n2,,a\n3,4,\n4,5,b\n5,6,a\n6,7,b\n7,8,a\n8,9,b\n9,1,a\n');
  configure('a last layer of the wrong size', { data: { target: 't' } }, gaps, 'gaps.csv');
  const twoClasses = { layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 2, activation: 'softmax' }] };
  const prepared = session(gaps, 'gaps.csv').configure(JSON.stringify({ data: { target: 't', missing: 'drop' }, model: twoClasses }));
  assert.ok(prepared.summary.warnings?.length, 'preparing warns about the rows it leaves out');
  for (const w of prepared.summary.warnings) add('rows left out (warning)', typeof w === 'string' ? w : w.message, ['x', 'y', 't']);
  const windowed = session(sunspots, 'sunspots').configure(JSON.stringify({ data: { target: 'sunactivity', window: { lookback: 5, horizon: 1 },
    split: { method: 'random', validation: 0.1, test: 0.2 } }, model: { layers: [{ type: 'lstm', units: 2 }, { type: 'dense', units: 1 }] } }));
  assert.ok(windowed.summary.warnings?.length, 'a window warns that it splits chronologically');
  for (const w of windowed.summary.warnings) add('a window on a random split (warning)', typeof w === 'string' ? w : w.message);
  const trained = session();
  trained.configure(JSON.stringify({ fit: { epochs: 2 } }));
  while (!trained.step(1000).done);
  trained.exportModel();
  const filled = trained.predictRows(JSON.stringify([{ sepal_length_cm: null, sepal_width_cm: 3, petal_length_cm: 1, petal_width_cm: 0.2 }]), false);
  assert.ok(filled.warnings.length, 'predicting warns about filled cells');
  for (const w of filled.warnings) add('a filled cell (warning)', w, columns);
  add('a CSV without the columns', thrown(() => trained.predictCsv('other.csv', bytes('a,b\n1,2\n'), false)), ['a', 'b', ...columns]);
  add('forecasting without a window', thrown(() => trained.forecast(5, false)), ['iris']);
  add('predicting before training', thrown(() => session().predictRows('[{}]', false)));
  // Model files.
  const good = JSON.parse(trained.exportModel().json);
  const open = (what, text) => add(what, thrown(() => new pkg.WasmSession().importModel('model.json', text)));
  open('a truncated model file', JSON.stringify(good).slice(0, 300));
  open('not an object', '[1]');
  open('not a model file', JSON.stringify({ ...good, format: 'other' }));
  open('another version', JSON.stringify({ ...good, version: good.version + 1 }));
  open('an unknown key', JSON.stringify({ ...good, preprocessing: { ...good.preprocessing, extra: 1 } }));
  open('a layer too large', JSON.stringify(good).replace('"units":16', '"units":99999999'));
  // Search settings (the Optimization panel's form).
  const search = (what, settings, experiment = {}) =>
    add(what, thrown(() => new pkg.WasmSearch('iris', iris, JSON.stringify(experiment), JSON.stringify(settings))), ['iris']);
  search('a search value that is no number', { vary: { units: { choice: ['lots'] } } });
  search('a search budget out of range', { trials: 0 });
  search('a log-uniform range from 0', { vary: { learning_rate: { log_uniform: [0, 1] } } });
  search('a uniform range upside down', { vary: { learning_rate: { uniform: [1, 0] } } });
  search('an unknown knob', { vary: { foo: { choice: [1] } } });
  search('too few folds', { validation: { method: 'kfold', k: 1 } });
  search('an unknown strategy', { strategy: 'magic' });
  search('a search of a time series', {}, { data: { window: { lookback: 3, horizon: 1 } } });
  // Training that diverges.
  const wild = session(file('www/data/diabetes.csv'), 'diabetes');
  wild.configure(JSON.stringify({ data: { target: 'target', scale: 'none' },
    model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1 }] }, compile: { optimizer: { type: 'sgd', learning_rate: 10 } }, fit: { epochs: 50 } }));
  add('training that diverges', thrown(() => { while (!wild.step(1000).done); }));
  // The layer editor's words: every label, choice name and help of the core's layer descriptions
  // (a new layer type's text needs its rules too; choices that are allowed terms stay as they are).
  for (const type of pkg.layerTypes()) {
    add(`layer type ${type.name}: help`, type.help);
    for (const key of type.keys) {
      add(`${type.name}.${key.name}: label`, key.label);
      add(`${type.name}.${key.name}: help`, key.help);
      for (const choice of (key.choices ?? []).filter((c) => !ALLOWED.includes(c))) add(`${type.name}.${key.name}: ${choice}`, choice);
    }
  }
  return out;
}

test('every core message the corpus provokes has a Chinese translation with no English left', () => {
  const allow = new Set(ALLOWED);
  const problems = [];
  const messages = corpus();
  for (const [what, message, data] of messages) {
    const zh = translateCore(message);
    if (zh === null) {
      problems.push(`${what}: no rule for "${message}"`);
      continue;
    }
    const words = new Set(data.flatMap((d) => d.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).map((w) => w.toLowerCase()));
    const left = englishWords(zh, allow, words);
    if (left.length) problems.push(`${what}: "${zh}" keeps ${left.join(', ')} (from "${message}")`);
    // The figures the core names (lines, counts, limits) are all in the translation.
    for (const n of message.replace(/"[^"]*"|`[^`]*`/g, '').match(/\d+(?:\.\d+)?/g) ?? []) {
      if (!zh.includes(n)) problems.push(`${what}: "${zh}" lost the figure ${n} of "${message}"`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(messages.length >= 70, `${messages.length} messages checked`);
});

test('translations of typical core messages, word for word', () => {
  assert.equal(translateCore('ragged.csv: line 3: 2 fields where the header has 3; make every row have 3 fields, or skip such rows (data.on_bad_rows: "skip")'),
    'ragged.csv：第 3 行有 2 个字段，而表头有 3 个；请让每一行都有 3 个字段，或者跳过这些行');
  assert.equal(translateCore('experiment: fit.epochs: 0 is out of range; use a value from 1 to 100000'),
    '实验设置 fit.epochs：0 超出范围；请使用 1 到 100000 之间的值');
  assert.equal(translateCore('model: Layer 1 (dense) needs flat inputs [features] but receives shape [30, 1]; put a flatten before it (for sequences: an lstm or gru without return_sequences)'),
    '模型：层 1（dense）需要扁平的输入 [特征数]，但收到的形状是 [30, 1]；请在它前面加一个 flatten 层（如果输入是序列：用一个不返回整个序列的 lstm 或 gru 层）');
  assert.equal(translateCore('experiment: model.layers[1].units: 0 is out of range; use a value from 1 to 4096 (from the search settings {"units":0})'),
    '实验设置 model.layers[1].units：0 超出范围；请使用 1 到 4096 之间的值（来自搜索设置 {"units":0}）');
  assert.equal(translateCore('2 rows (lines 4, 9) have missing values, filled as data.missing says'), '2 行（第 4、9 行）有缺失值，已按缺失值处理方式填补');
  // A message no rule knows stays as it is (null: the page shows the English).
  assert.equal(translateCore('something the core has never said'), null);
  assert.equal(translateCore('x.csv: something the core has never said'), null);
});

/** The core's own histories for each verdict (src/optimize/diagnosis_tests.rs), as f32 values. */
function histories() {
  const f = Math.fround;
  const h = (loss, val, last = {}) => loss.map((l, i) => ({ epoch: i + 1, loss: f(l), val_loss: f(val[i]), accuracy: null, val_accuracy: null,
    ...(i === loss.length - 1 ? last : {}) }));
  const under = Array.from({ length: 10 }, (_, i) => 1 - 0.06 * i);
  return {
    exploding: [h([1, 2, 5, 12, 80], [1, 2, 5, 9, 90]), null],
    plateau: [h([1, 0.998, 0.995, 0.993, 0.99, 0.991], [1, 0.998, 0.995, 0.993, 0.99, 0.991]), null],
    'rising validation loss': [h([1, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07], [1, 0.7, 0.5, 0.45, 0.5, 0.6, 0.7, 0.8]), null],
    'accuracy gap': [h([1, 0.5, 0.3, 0.2], [1, 0.6, 0.5, 0.5], { accuracy: 1, val_accuracy: f(0.7) }), null],
    'low accuracy, still falling': [h(under, under, { accuracy: f(0.6), val_accuracy: f(0.58) }), null],
    'low test R²': [h([1, 0.8, 0.75, 0.74, 0.74, 0.74], [1, 0.8, 0.75, 0.74, 0.74, 0.74]), { rows: 30, loss: 0.3, r2: 0.3, rmse: 1 }],
    fine: [h([1, 0.5, 0.3, 0.2, 0.18, 0.175, 0.174, 0.174, 0.173, 0.173], [1, 0.55, 0.35, 0.25, 0.22, 0.21, 0.21, 0.21, 0.205, 0.21],
      { accuracy: f(0.97), val_accuracy: f(0.95) }), null],
    'no epochs': [[], null],
  };
}

test('the diagnosis in Chinese: every verdict, every suggestion, the core\'s figures', () => {
  const allow = new Set(ALLOWED);
  const seen = new Set();
  const problems = [];
  for (const [name, [history, evaluation]] of Object.entries(histories())) {
    const d = pkg.diagnoseRun(JSON.stringify(history), JSON.stringify(evaluation));
    const { message, suggestions } = diagnosisMessages(d, history);
    seen.add(d.verdict);
    const pairs = [[d.message, message], ...d.suggestions.map((s, i) => [s.text, suggestions[i]])];
    for (const [english, msg] of pairs) {
      use('en');
      assert.equal(t(msg.key, msg.params), english, `${name}: English shows the core's text`);
      use('zh');
      const zh = t(msg.key, msg.params);
      const left = englishWords(zh, allow, new Set());
      if (msg.key === 'core' || left.length) problems.push(`${name}: "${zh}" (${msg.key}) keeps English ${left}`);
      // The same figures: every number of the English is in the Chinese.
      for (const n of english.match(/\d+(?:\.\d+)?/g) ?? []) {
        if (!zh.includes(n)) problems.push(`${name}: "${zh}" lost ${n} of "${english}"`);
      }
    }
  }
  use('both');
  assert.deepEqual(problems, []);
  assert.deepEqual([...seen].sort(), ['diverged', 'fine', 'overfitting', 'plateau', 'underfitting']);
});

test('the advice in Chinese: every code the core gives, by its code and figures; English is the core\'s sentence', () => {
  const allow = new Set(ALLOWED);
  const diabetes = session(file('www/data/diabetes.csv'), 'diabetes');
  const dense = (units, activation) => ({ type: 'dense', units, activation });
  const regression = { target: 'target' };
  const bad = [
    [null, { model: { layers: [dense(8, 'relu'), dense(3, 'softmax')] }, compile: { loss: 'mse' } }],
    [null, { model: { layers: [dense(8, 'relu'), dense(3, 'relu')] } }],
    [null, { model: { layers: [dense(3, 'sigmoid')] } }],
    [null, { model: { layers: [dense(3, 'softmax'), { type: 'dropout', rate: 0.2 }] } }],
    [diabetes, { data: regression, model: { layers: [dense(1, 'softmax')] }, compile: { loss: 'binary_crossentropy' } }],
    [diabetes, { data: regression, model: { layers: [{ type: 'gru', units: 4 }, dense(1, 'linear')] } }],
  ];
  const seen = new Set();
  const problems = [];
  for (const [s, experiment] of bad) {
    for (const a of (s ?? session()).advice(JSON.stringify(experiment))) {
      seen.add(a.code);
      const params = { text: a.message, ...a.params };
      use('en');
      assert.equal(t(`advice.${a.code}`, params), `⚠ ${a.message}`, a.code);
      use('zh');
      const zh = t(`advice.${a.code}`, params);
      const left = englishWords(zh, allow, new Set());
      if (left.length) problems.push(`${a.code}: "${zh}" keeps English ${left}`);
      for (const n of a.message.match(/\d+(?:\.\d+)?/g) ?? []) {
        if (!zh.includes(n)) problems.push(`${a.code}: "${zh}" lost ${n} of "${a.message}"`);
      }
    }
  }
  use('both');
  assert.deepEqual(problems, []);
  assert.deepEqual([...seen].sort(), ['classifier_output', 'last_dropout', 'probability_loss', 'recurrent_no_window',
    'sigmoid_multiclass', 'softmax_mse', 'softmax_regression']);
});

test('the catalog: every entry in both languages, no key twice, no English in the Chinese, no Chinese in the English', async () => {
  const { PARTS, CATALOG } = await import('../../www/text/index.js');
  const seen = new Map();
  const problems = [];
  for (const [part, entries] of Object.entries(PARTS)) {
    for (const key of Object.keys(entries)) {
      if (seen.has(key)) problems.push(`${key} is in ${seen.get(key)} and ${part}`);
      seen.set(key, part);
    }
  }
  // Every placeholder filled with "1" (functions get params that all read "1").
  const ones = new Proxy({}, { get: () => '1', has: () => true });
  const text = (template) => (typeof template === 'function' ? template(ones) : template.replace(/\{\w+\}/g, '1'));
  const allow = new Set(ALLOWED);
  // Column names of the built-in data a lesson talks about (the digits' `label`); JSON's own
  // literals in an error about a JSON value; the CLI command the Experiment JSON editor names.
  const dataWords = { 'lesson.cnn.1': ['label'], 'err.bool': ['true', 'false'], 'json.hint': ['train'] };
  for (const [key, entry] of Object.entries(CATALOG)) {
    if (key === 'core') continue;
    if (entry.en === undefined || entry.zh === undefined) problems.push(`${key}: missing a language`);
    const zh = text(entry.zh);
    const left = englishWords(zh, allow, new Set(dataWords[key] ?? []));
    if (left.length) problems.push(`${key}: Chinese "${zh}" keeps ${left}`);
    if (/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(text(entry.en))) problems.push(`${key}: English "${text(entry.en)}" has Chinese`);
  }
  assert.deepEqual(problems, []);
  assert.ok(seen.size > 350, `${seen.size} keys`);
});
