// The language sweeps' checks, run in the page: every visible text (text nodes, the options of
// visible selects, the labels and tooltips that assistive technology reads) in Chinese must hold
// no English word outside a short allow-list of technical terms, and in English no Chinese.
//
// What is not the page's own text is left alone, and only that: elements marked translate="no"
// (the data's own cells, code such as the mermaid source and the embed snippet), the data's own
// words (the table's name, column names, categories and cells, class names, the model file's
// name), file names (the user's: x.csv, model.json), code in `backticks`, values the core quotes
// in "double quotes", experiment and model-file key paths (data.split.test, weights.tensors[0],
// or a top-level key before a colon: `version：`) and data sources (builtin:iris, file:x.csv).

/** Technical terms a Chinese ML text writes in Latin letters (lower-case; whole words). */
export const ALLOWED = [
  // the product
  'kindling',
  // layer types, activations, losses, optimizers: the experiment's own names (Keras's)
  'dense', 'dropout', 'lstm', 'gru', 'reshape', 'conv2d', 'max_pool2d', 'flatten', 'cnn', 'embedding', 'global_average_pooling1d',
  'linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax',
  'mse', 'mae', 'rmse', 'ndcg', 'huber', 'binary_crossentropy', 'categorical_crossentropy',
  'adam', 'sgd', 'rmsprop',
  // formats and encodings
  // the engines a model is exported to ("Take it further") and what they run on
  'pytorch', 'keras', 'jax', 'tensorflow', 'gpu',
  // the number formats of a model's weights ("Make it smaller")
  'float32', 'int8',
  'csv', 'json', 'base64url', 'onnx', 'utf', 'nul', 'nan', 'zip', 'gzip', 'xlsx', 'xls', 'excel', 'office', 'pdf', 'png', 'gif', 'jpeg',
];

/**
 * The English words in `text` that are neither allowed terms (`allow`) nor the data's own
 * (`data`; both lower-case sets), after code, quoted values, key paths, sources and file names are
 * set aside. Self-contained: the sweep runs its source in the page.
 */
export function englishWords(text, allow, data) {
  const CODE = [/`[^`]*`/g, /"[^"]*"/g, /\b(?:data|model|compile|fit|search|preprocessing|weights|metrics|experiment)(?:\.[A-Za-z_]+|\[\d+\])+/g,
    /\b(?:version|seed|data|model|compile|fit|preprocessing|weights|metrics|experiment)(?=：)/g, /\b(?:builtin|file):\S*/g, /\b0x[0-9A-F]+\b/gi, /[^\s：:，,（）()“”"]+\.(?:csv|json|txt)\b/gi];
  let rest = String(text ?? '');
  for (const re of CODE) rest = rest.replace(re, ' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [])
    .filter((word) => /[A-Za-z]{3}/.test(word) && !allow.has(word.toLowerCase()) && !data.has(word.toLowerCase()));
}

/**
 * What the page shows now: `texts` ([{text, where}]: visible text nodes, the options of visible
 * selects, the labels and tooltips of visible elements, the title) outside translate="no", and
 * `data`, the data's own words (lower-case).
 */
function shownTexts(page) {
  return page.evaluate(() => {
    const app = window.kindling?.app;
    const data = new Set();
    const addWords = (s) => String(s ?? '').match(/[A-Za-z][A-Za-z0-9_]*/g)?.forEach((w) => data.add(w.toLowerCase()));
    if (app) {
      addWords(app.table?.name);
      for (const c of app.table?.columns ?? []) {
        addWords(c.name);
        for (const v of c.values ?? []) addWords(v.value);
        for (const v of c.text?.top_tokens ?? []) addWords(v.value); // a text column's tokens
      }
      for (const row of app.preview ?? []) row.forEach(addWords);
      for (const c of app.summary?.classes ?? []) addWords(c);
      const card = app.model?.card;
      addWords(app.model?.name);
      for (const w of [card?.target, ...(card?.features ?? []), ...(card?.classes ?? [])]) addWords(w);
      for (const i of card?.inputs ?? []) { addWords(i.name); (i.categories ?? []).forEach(addWords); }
    }
    const texts = [];
    const add = (text, where) => { if (text && text.trim()) texts.push({ text, where }); };
    const describe = (el) => {
      const id = el.closest('[id]');
      return `${el.tagName.toLowerCase()}${el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : ''}${id ? ` in #${id.id}` : ''}`;
    };
    const shown = (el) => el.checkVisibility({ visibilityProperty: true });
    const skipped = (el) => el.closest('[translate=no], script, style');
    add(document.title, 'title');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skipped(el) || el.closest('select') || !shown(el)) continue;
      add(node.textContent, describe(el));
    }
    for (const select of document.querySelectorAll('select')) {
      if (skipped(select) || !shown(select)) continue;
      for (const option of select.options) add(option.textContent, `${describe(select)} option`);
    }
    // Labels and tooltips of what the user can reach (a hidden panel's are read when it is open).
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext], [alt]')) {
      if (skipped(el) || !shown(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        if (el.hasAttribute(attr)) add(el.getAttribute(attr), `${describe(el)} @${attr}`);
      }
    }
    return { texts, data: [...data] };
  });
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * What is wrong with the page's language now: in 'zh', English words the allow-list and the data
 * do not explain; in 'en', Chinese characters. Returns `[{word, text, where}]`.
 */
export async function sweep(page, mode) {
  const { texts, data } = await shownTexts(page);
  const allow = new Set(ALLOWED);
  const words = new Set(data);
  const problems = [];
  for (const { text, where } of texts) {
    const found = mode === 'en' ? (CJK.test(text) ? [text.match(CJK)[0]] : []) : englishWords(text, allow, words);
    for (const word of found) problems.push({ word, text: text.trim().slice(0, 200), where });
  }
  return problems;
}

/** A readable list of what a sweep found. */
export const report = (problems) => problems.map((p) => `${p.word} in ${p.where}: "${p.text}"`).join('\n');
