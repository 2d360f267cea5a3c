// The layer list of the model-build panel: one row per layer with its settings, its output shape
// and parameter count (from the worker's `configured` summary), and move / remove buttons.
import { t } from '../i18n.js';
import { el, fillSelect, numberInput, txt } from '../ui.js';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax'];

/** A square `[n, n, 1]` image for `features` inputs when there is one (8×8 digits → [8, 8, 1]). */
const imageShape = (features) => {
  const n = Math.round(Math.sqrt(features ?? 0));
  return n > 1 && n * n === features ? [n, n, 1] : [features ?? 1, 1, 1];
};

/** A new layer of each type with sensible defaults; `ctx.features` is the model's input size. */
export const NEW_LAYER = {
  dense: () => ({ type: 'dense', units: 16, activation: 'relu' }),
  dropout: () => ({ type: 'dropout', rate: 0.2 }),
  lstm: () => ({ type: 'lstm', units: 32, return_sequences: false }),
  gru: () => ({ type: 'gru', units: 32, return_sequences: false }),
  reshape: (ctx) => ({ type: 'reshape', target_shape: imageShape(ctx?.features) }),
  conv2d: () => ({ type: 'conv2d', filters: 8, kernel_size: 3, strides: 1, padding: 'valid', activation: 'relu' }),
  max_pool2d: () => ({ type: 'max_pool2d', pool_size: 2 }),
  flatten: () => ({ type: 'flatten' }),
};

function settings(layer, i, changed) {
  const set = (key, value) => { layer[key] = value; changed(); };
  // Labels are catalog keys (`layer.units`, …); aria-labels say which layer.
  const name = (what) => ({ 'aria-label': ['layer.aria', { i: i + 1, what: { key: what } }] });
  const number = (key, label, min, max, step = 1) => {
    const input = numberInput({ min, max, step, value: layer[key], tAttr: name(`layer.${label}`) });
    input.addEventListener('change', () => set(key, Number(input.value)));
    return el('label', { className: 'inline' }, txt(`layer.${label}`), input);
  };
  const select = (key, label, values) => {
    const s = el('select', { tAttr: name(`layer.${label}`) });
    fillSelect(s, values.map((v) => [v, v]), layer[key] ?? values[0]);
    if (key === 'padding') s.querySelectorAll('option').forEach((o) => o.replaceChildren(txt(`padding.${o.value}`)));
    s.addEventListener('change', () => set(key, s.value));
    return el('label', { className: 'inline' }, txt(`layer.${label}`), s);
  };
  const sequences = () => {
    const seq = el('input', { type: 'checkbox', checked: Boolean(layer.return_sequences), tAttr: name('layer.return_sequences') });
    seq.addEventListener('change', () => set('return_sequences', seq.checked));
    return el('label', { className: 'inline' }, seq, txt('layer.return_sequences'));
  };
  const shape = () => {
    const input = el('input', { type: 'text', size: 8, value: (layer.target_shape ?? []).join(','), tAttr: name('layer.shape') });
    input.addEventListener('change', () => {
      const dims = input.value.split(/[,×x\s]+/).filter(Boolean).map(Number);
      const ok = dims.length > 0 && dims.every((d) => Number.isInteger(d) && d > 0);
      input.setCustomValidity(ok ? '' : t('layer.shapeInvalid'));
      input.reportValidity();
      if (ok) set('target_shape', dims);
    });
    return el('label', { className: 'inline' }, txt('layer.shape'), input);
  };
  switch (layer.type) {
    case 'dropout': return [number('rate', 'rate', 0, 0.95, 0.05)];
    case 'dense': return [number('units', 'units', 1, 4096), select('activation', 'activation', ACTIVATIONS)];
    case 'lstm': case 'gru': return [number('units', 'units', 1, 4096), sequences()];
    case 'reshape': return [shape()];
    case 'conv2d': return [number('filters', 'filters', 1, 256), number('kernel_size', 'kernel', 1, 9),
      number('strides', 'stride', 1, 4), select('padding', 'padding', ['valid', 'same']),
      select('activation', 'activation', ACTIVATIONS)];
    case 'max_pool2d': return [number('pool_size', 'pool', 1, 4)];
    default: return [];
  }
}

/**
 * Renders `layers` (the experiment's, edited in place) into `list`; `shapes` is the configured
 * summary's `layers` (or null while building). `changed()` is called after every edit.
 */
export function renderLayers(list, layers, shapes, changed) {
  const move = (i, j) => { [layers[i], layers[j]] = [layers[j], layers[i]]; changed(); };
  list.replaceChildren(...layers.map((layer, i) => {
    const info = shapes?.[i];
    const shape = info ? ['layer.shapeInfo', { shape: info.output_shape.join('×'), params: info.params }] : undefined;
    const up = el('button', { type: 'button', textContent: '↑', disabled: i === 0, tAttr: { 'aria-label': ['layer.up', { i: i + 1 }] } });
    const down = el('button', { type: 'button', textContent: '↓', disabled: i === layers.length - 1, tAttr: { 'aria-label': ['layer.down', { i: i + 1 }] } });
    const remove = el('button', { type: 'button', textContent: '✕', disabled: layers.length === 1, tAttr: { 'aria-label': ['layer.remove', { i: i + 1 }] } });
    up.addEventListener('click', () => move(i, i - 1));
    down.addEventListener('click', () => move(i, i + 1));
    remove.addEventListener('click', () => { layers.splice(i, 1); changed(); });
    return el('li', { className: 'layer', dataset: { testid: `layer-${i}` } },
      el('strong', {}, `${i + 1}. ${layer.type}`), ...settings(layer, i, changed),
      el('span', { className: 'shape', dataset: { testid: `layer-shape-${i}` }, t: shape }),
      el('span', { className: 'layer-buttons' }, up, down, remove));
  }));
}
