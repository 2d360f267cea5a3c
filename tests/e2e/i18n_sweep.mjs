// The language sweeps' checks, run in the page: every visible text (text nodes, the options of
// visible selects, the labels and tooltips that assistive technology reads) in Chinese must hold
// no English word outside a short allow-list of technical terms, and in English no Chinese.
//
// What is not the page's own text is left alone, and only that: elements marked translate="no"
// (the data's own cells, code such as the mermaid source and the embed snippet), the data's own
// words (the table's name, column names, categories and cells, class names, the model file's
// name), file names (the user's: x.csv, model.json), code in `backticks`, values the core quotes
// in "double quotes", experiment and model-file key paths (data.split.test, weights.tensors[0])
// and data sources (builtin:iris, file:x.csv).

/** Technical terms a Chinese ML text writes in Latin letters (lower-case; whole words). */
export const ALLOWED = [
  // the product
  'kindling',
  // layer types, activations, losses, optimizers: the experiment's own names (Keras's)
  'dense', 'dropout', 'lstm', 'gru', 'reshape', 'conv2d', 'max_pool2d', 'flatten', 'cnn',
  'linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax',
  'mse', 'mae', 'rmse', 'huber', 'binary_crossentropy', 'categorical_crossentropy',
  'adam', 'sgd', 'rmsprop',
  // formats and encodings
  'csv', 'json', 'base64url', 'onnx', 'utf', 'nul', 'nan', 'zip', 'gzip', 'xlsx', 'xls', 'excel', 'office', 'pdf', 'png', 'gif', 'jpeg',
];

/**
 * Runs in the page: the visible text runs with an English word the allow-list and the data do not
 * explain (`mode` 'zh'), or with Chinese characters (`mode` 'en'). Returns `[{word, text, where}]`.
 */
export function sweep(page, mode) {
  return page.evaluate(([mode, allowed]) => {
    const app = window.kindling?.app;
    const data = new Set();
    const addWords = (s) => String(s ?? '').match(/[A-Za-z][A-Za-z0-9_]*/g)?.forEach((w) => data.add(w.toLowerCase()));
    if (app) {
      addWords(app.table?.name);
      for (const c of app.table?.columns ?? []) {
        addWords(c.name);
        for (const v of c.values ?? []) addWords(v.value);
      }
      for (const row of app.preview ?? []) row.forEach(addWords);
      for (const c of app.summary?.classes ?? []) addWords(c);
      const card = app.model?.card;
      addWords(app.model?.name);
      for (const w of [card?.target, ...(card?.features ?? []), ...(card?.classes ?? [])]) addWords(w);
      for (const i of card?.inputs ?? []) { addWords(i.name); (i.categories ?? []).forEach(addWords); }
    }
    const allow = new Set(allowed);
    const CODE = [/`[^`]*`/g, /"[^"]*"/g, /\b(?:data|model|compile|fit|search|preprocessing|weights|metrics|experiment)(?:\.[A-Za-z_]+|\[\d+\])+/g,
      /\b(?:builtin|file):\S*/g, /\b0x[0-9A-F]+\b/gi, /[^\s：:，,（）()“”"]+\.(?:csv|json|txt)\b/gi];
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const problems = [];
    const check = (text, where) => {
      if (!text || !text.trim()) return;
      if (mode === 'en') {
        if (CJK.test(text)) problems.push({ word: text.match(CJK)[0], text: text.trim().slice(0, 200), where });
        return;
      }
      let rest = text;
      for (const re of CODE) rest = rest.replace(re, ' ');
      for (const word of rest.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) {
        if (!/[A-Za-z]{3}/.test(word)) continue;
        const w = word.toLowerCase();
        if (allow.has(w) || data.has(w)) continue;
        problems.push({ word, text: text.trim().slice(0, 200), where });
      }
    };
    const describe = (el) => {
      const id = el.closest('[id]');
      return `${el.tagName.toLowerCase()}${el.dataset?.testid ? `[data-testid=${el.dataset.testid}]` : ''}${id ? ` in #${id.id}` : ''}`;
    };
    const shown = (el) => el.checkVisibility({ visibilityProperty: true });
    const skipped = (el) => el.closest('[translate=no], script, style');
    check(document.title, 'title');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skipped(el) || el.closest('select') || !shown(el)) continue;
      check(node.textContent, describe(el));
    }
    for (const select of document.querySelectorAll('select')) {
      if (skipped(select) || !shown(select)) continue;
      for (const option of select.options) check(option.textContent, `${describe(select)} option`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext], [alt]')) {
      if (el === document.documentElement || skipped(el)) continue;
      // Labels of controls the user can reach (a hidden panel's are checked when it is open).
      if (!shown(el) && el.tagName !== 'TITLE') continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        if (el.hasAttribute(attr)) check(el.getAttribute(attr), `${describe(el)} @${attr}`);
      }
    }
    return problems;
  }, [mode, ALLOWED]);
}

/** A readable list of what a sweep found. */
export const report = (problems) => problems.map((p) => `${p.word} in ${p.where}: "${p.text}"`).join('\n');
