// The layer list of the model-build panel: one row per layer with its settings, its output shape
// and parameter count (from the worker's `configured` summary), and move / remove buttons.
import { el, fillSelect, numberInput } from '../ui.js';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax'];

export const NEW_LAYER = {
  dense: () => ({ type: 'dense', units: 16, activation: 'relu' }),
  dropout: () => ({ type: 'dropout', rate: 0.2 }),
  lstm: () => ({ type: 'lstm', units: 32, return_sequences: false }),
};

function settings(layer, i, changed) {
  const set = (key, value) => { layer[key] = value; changed(); };
  const name = (what) => `layer ${i + 1} ${what}`;
  if (layer.type === 'dropout') {
    const rate = numberInput({ min: 0, max: 0.95, step: 0.05, value: layer.rate, ariaLabel: name('dropout rate') });
    rate.addEventListener('change', () => set('rate', Number(rate.value)));
    return [el('label', { className: 'inline' }, 'rate', rate)];
  }
  const units = numberInput({ min: 1, max: 4096, value: layer.units, ariaLabel: name('units') });
  units.addEventListener('change', () => set('units', Number(units.value)));
  const out = [el('label', { className: 'inline' }, 'units', units)];
  if (layer.type === 'dense') {
    const act = el('select', { ariaLabel: name('activation') });
    fillSelect(act, ACTIVATIONS.map((a) => [a, a]), layer.activation ?? 'linear');
    act.addEventListener('change', () => set('activation', act.value));
    out.push(el('label', { className: 'inline' }, 'activation', act));
  } else if (layer.type === 'lstm') {
    const seq = el('input', { type: 'checkbox', checked: Boolean(layer.return_sequences), ariaLabel: name('return sequences') });
    seq.addEventListener('change', () => set('return_sequences', seq.checked));
    out.push(el('label', { className: 'inline' }, seq, 'return_sequences'));
  }
  return out;
}

/**
 * Renders `layers` (the experiment's, edited in place) into `list`; `shapes` is the configured
 * summary's `layers` (or null while building). `changed()` is called after every edit.
 */
export function renderLayers(list, layers, shapes, changed) {
  const move = (i, j) => { [layers[i], layers[j]] = [layers[j], layers[i]]; changed(); };
  list.replaceChildren(...layers.map((layer, i) => {
    const info = shapes?.[i];
    const shape = info ? `→ [${info.output_shape.join('×')}] · ${info.params} params` : '';
    const up = el('button', { type: 'button', textContent: '↑', disabled: i === 0, ariaLabel: `move layer ${i + 1} up` });
    const down = el('button', { type: 'button', textContent: '↓', disabled: i === layers.length - 1, ariaLabel: `move layer ${i + 1} down` });
    const remove = el('button', { type: 'button', textContent: '✕', disabled: layers.length === 1, ariaLabel: `remove layer ${i + 1}` });
    up.addEventListener('click', () => move(i, i - 1));
    down.addEventListener('click', () => move(i, i + 1));
    remove.addEventListener('click', () => { layers.splice(i, 1); changed(); });
    return el('li', { className: 'layer', dataset: { testid: `layer-${i}` } },
      el('strong', {}, `${i + 1}. ${layer.type}`), ...settings(layer, i, changed),
      el('span', { className: 'shape', dataset: { testid: `layer-shape-${i}` } }, shape),
      el('span', { className: 'layer-buttons' }, up, down, remove));
  }));
}
