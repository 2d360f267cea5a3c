// Small DOM builders for the deployment panels. Every text goes in with textContent.

/** `<tag>` with attributes (`dataset`-style keys allowed: `data-testid`) and optional text. */
export function el(tag, attrs = {}, text = '') {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

/** Offers `text` as a file download named `name`. */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A labelled `<dl>` row list: `[[label, value], …]`. */
export function definitionList(rows, attrs = {}) {
  const dl = el('dl', { class: 'card', ...attrs });
  for (const [label, value] of rows) dl.append(el('dt', {}, label), el('dd', {}, String(value)));
  return dl;
}

/** Formats a metric or probability for people (the raw number stays in data attributes). */
export const fmt = (x) => (typeof x === 'number' ? Number(x.toPrecision(4)).toString() : String(x ?? '–'));
