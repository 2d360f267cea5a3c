// Small DOM helpers. Text from data (column names, cells, messages) goes in with textContent only.

export const $ = (sel, root = document) => root.querySelector(sel);
export const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

/** `el('p', {className: 'note'}, 'text', child)`: properties are assigned, strings become text nodes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('aria') || k === 'for' || k === 'role') node.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** A labelled control: `<label>text <control></label>`. */
export const field = (text, control, hint) => el('label', {}, text, control, hint ? el('small', { className: 'note' }, hint) : null);

/** A number input bound to a range. */
export const numberInput = (props) => el('input', { type: 'number', ...props });

const STATE_TEXT = {
  idle: 'Idle', loading: 'Loading data…', ready: 'Ready to train', training: 'Training…',
  paused: 'Paused', done: 'Done', error: 'Error',
};

/** Shows `state` in the status line and enables the run buttons that make sense in it. */
export function setStatus(state, detail = '') {
  const s = byTestId('status');
  s.dataset.state = state;
  s.textContent = detail ? `${STATE_TEXT[state]} ${detail}` : STATE_TEXT[state];
  const training = state === 'training';
  byTestId('train').disabled = training || state === 'loading' || state === 'idle';
  byTestId('pause').disabled = !training;
  byTestId('stop').disabled = !(training || state === 'paused');
  byTestId('step').disabled = training || state === 'loading' || state === 'done' || state === 'idle';
}

export function showError(message) {
  const e = byTestId('error');
  e.textContent = message;
  e.hidden = !message;
}

/** Replaces the options of `select` with `values` (text only), selecting `selected`. */
export function fillSelect(select, values, selected) {
  select.replaceChildren(...values.map(([value, label]) => {
    const opt = document.createElement('option');
    opt.value = value;
    opt.textContent = label;
    opt.selected = value === selected;
    return opt;
  }));
}

/** Sizes `canvas`'s backing store to its CSS box (device pixels); false when it is not shown. */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (!width || !height) return false;
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  return true;
}
