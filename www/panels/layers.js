// @ts-check
// The layer list of the model-build panel: one row per layer with its settings, its output shape
// and parameter count (from the worker's `configured` summary), and move / remove buttons. Each
// setting's control, limits, default, label and help come from the core's description of the
// layer types (the worker's `ready` message, src/experiment/layers.rs); none is repeated here.
// The description's labels, help and choice names are the core's English, translated at this
// shell like its messages (www/text/core.js).
import { core, t } from '../i18n.js';
import { el, fillSelect, numberInput, txt } from '../ui.js';

/** @import {ConfiguredSummary, Layer, LayerKey, LayerType} from '../types.js' */
/** @import {Params} from '../i18n.js' */
/**
 * A key's control: `(key, value, set, aria)` → the control with its label; `aria(part)` gives
 * the `tAttr` of its input (`layer 2 units`; a regularizer's `part` is `l1` or `l2`).
 * @typedef {(key: LayerKey, value: any, set: (value: any) => void, aria: (part?: string) => Record<string, [string, Params]>) => HTMLElement} Control
 */

/** The core's layer types by name; empty until the worker is ready.
 * @type {Map<string, LayerType>} */
let types = new Map();
/** The layers (by index) whose folded keys are open: the list is redrawn after every edit.
 * @type {Set<number>} */
const unfolded = new Set();

/**
 * Adopts the core's layer descriptions (`layer_types` of the worker's `ready` message).
 * @param {LayerType[] | undefined} list
 */
export function setLayerTypes(list) {
  types = new Map((list ?? []).map((type) => [type.name, type]));
}

/** The layer types, in the core's order (the add buttons' order). */
export const layerTypes = () => [...types.values()];

/** Text from the core's description (a label, help, a choice), in the page's language. @param {string} text */
const coreText = (text) => txt('core', { message: text });

/**
 * A square `[n, n, 1]` image for `features` inputs when there is one (8×8 digits → [8, 8, 1]).
 * @param {number | null | undefined} features
 */
const imageShape = (features) => {
  const n = Math.round(Math.sqrt(features ?? 0));
  return n > 1 && n * n === features ? [n, n, 1] : [features ?? 1, 1, 1];
};

/**
 * A new layer of `type` as the core starts it; a reshape takes the image `ctx.features` makes,
 * an embedding the `ctx.tokens` token ids of the data's text (its vocabulary plus reserved ids).
 * @param {string} type
 * @param {{features: number | null, tokens?: number | null}} [ctx]
 * @returns {Layer}
 */
export function newLayer(type, ctx) {
  const layer = structuredClone(types.get(type)?.start ?? { type });
  if (type === 'reshape') layer.target_shape = imageShape(ctx?.features);
  if (type === 'embedding' && ctx?.tokens) layer.input_dim = ctx.tokens;
  return layer;
}

/** One control per kind of key.
 * @type {Record<LayerKey['kind'], Control>} */
const CONTROLS = {
  int: numberControl,
  float: numberControl,
  bool(key, value, set, aria) {
    const box = el('input', { type: 'checkbox', checked: Boolean(value), tAttr: aria() });
    box.addEventListener('change', () => set(box.checked));
    return el('label', { className: 'inline', tAttr: { title: ['core', { message: key.help }] } }, box, coreText(key.label));
  },
  choice(key, value, set, aria) {
    const s = el('select', { tAttr: aria() });
    const choices = key.choices ?? [];
    fillSelect(s, choices.map((c) => [c, c]), value ?? choices[0]);
    s.querySelectorAll('option').forEach((o) => o.replaceChildren(coreText(o.value)));
    s.addEventListener('change', () => set(s.value));
    return el('label', { className: 'inline', tAttr: { title: ['core', { message: key.help }] } }, coreText(key.label), s);
  },
  shape(key, value, set, aria) {
    const input = el('input', { type: 'text', size: 8, value: (value ?? []).join(','), tAttr: aria() });
    input.addEventListener('change', () => {
      const [min, max] = [key.min ?? 1, key.max ?? Infinity];
      const dims = input.value.split(/[,×x\s]+/).filter(Boolean).map(Number);
      const ok = dims.length > 0 && dims.every((d) => Number.isInteger(d) && d >= min && d <= max);
      input.setCustomValidity(ok ? '' : t('layer.shapeInvalid', { min, max }));
      input.reportValidity();
      if (ok) set(dims);
    });
    return el('label', { className: 'inline', tAttr: { title: ['core', { message: key.help }] } }, coreText(key.label), input);
  },
  regularizer(key, value, set, aria) {
    const penalty = { l1: value?.l1 ?? 0, l2: value?.l2 ?? 0 };
    const inputs = /** @type {const} */ (['l1', 'l2']).map((part) => {
      const input = numberInput({ min: key.min, max: key.max, step: 'any', value: penalty[part], tAttr: aria(part) });
      input.addEventListener('change', () => {
        penalty[part] = Number(input.value);
        set(penalty.l1 || penalty.l2 ? { ...penalty } : null);
      });
      return el('label', { className: 'inline' }, part, input);
    });
    return el('span', { className: 'keys', tAttr: { title: ['core', { message: key.help }] } },
      el('span', { className: 'key-label' }, coreText(key.label)), ...inputs);
  },
};

/** @type {Control} */
function numberControl(key, value, set, aria) {
  const limits = key.min === null ? {} : { min: key.min, max: key.max };
  const input = numberInput({ ...limits, step: key.step ?? 'any', value: value ?? '', tAttr: aria() });
  input.addEventListener('change', () => set(input.value === '' ? null : Number(input.value)));
  return el('label', { className: 'inline', tAttr: { title: ['core', { message: key.help }] } }, coreText(key.label), input);
}

/**
 * The controls of layer `i`'s settings, from its type's keys; the advanced ones folded.
 * @param {Layer} layer edited in place
 * @param {number} i
 * @param {() => void} changed
 */
function settings(layer, i, changed) {
  const keys = types.get(layer.type)?.keys ?? [];
  /** @param {LayerKey} key */
  const control = (key) => {
    /** @param {any} value */
    const set = (value) => {
      if (value === null && !key.required) delete layer[key.name];
      else layer[key.name] = value;
      changed();
    };
    /** @param {string} [part] */
    const aria = (part) => {
      const what = core(key.label);
      const label = part ? ['layer.ariaPart', { i: i + 1, what, part }] : ['layer.aria', { i: i + 1, what }];
      return { 'aria-label': /** @type {[string, Params]} */ (label) };
    };
    return CONTROLS[key.kind]?.(key, layer[key.name] ?? key.default, set, aria) ?? null;
  };
  const advanced = keys.filter((k) => k.advanced).map(control);
  if (!advanced.length) return keys.map(control);
  const more = el('details', { className: 'more', open: unfolded.has(i) }, el('summary', { t: 'layer.more' }),
    el('span', { className: 'keys' }, ...advanced));
  more.addEventListener('toggle', () => (more.open ? unfolded.add(i) : unfolded.delete(i)));
  return [...keys.filter((k) => !k.advanced).map(control), more];
}

/**
 * Renders `layers` (the experiment's, edited in place) into `list`; `shapes` is the configured
 * summary's `layers` (or null while building). `changed()` is called after every edit.
 * @param {HTMLElement} list
 * @param {Layer[]} layers
 * @param {ConfiguredSummary['layers'] | null} shapes
 * @param {() => void} changed
 */
export function renderLayers(list, layers, shapes, changed) {
  /** @param {number} i @param {number} j */
  const move = (i, j) => { [layers[i], layers[j]] = [layers[j], layers[i]]; changed(); };
  list.replaceChildren(...layers.map((layer, i) => {
    const info = shapes?.[i];
    const shape = info ? /** @type {[string, Params]} */ (['layer.shapeInfo', { shape: info.output_shape.join('×'), params: info.params }]) : undefined;
    const up = el('button', { type: 'button', textContent: '↑', disabled: i === 0, tAttr: { 'aria-label': ['layer.up', { i: i + 1 }] } });
    const down = el('button', { type: 'button', textContent: '↓', disabled: i === layers.length - 1, tAttr: { 'aria-label': ['layer.down', { i: i + 1 }] } });
    const remove = el('button', { type: 'button', textContent: '✕', disabled: layers.length === 1, tAttr: { 'aria-label': ['layer.remove', { i: i + 1 }] } });
    up.addEventListener('click', () => move(i, i - 1));
    down.addEventListener('click', () => move(i, i + 1));
    remove.addEventListener('click', () => { layers.splice(i, 1); changed(); });
    const help = types.get(layer.type)?.help;
    return el('li', { className: 'layer', dataset: { testid: `layer-${i}` } },
      el('strong', { tAttr: help ? { title: ['core', { message: help }] } : undefined }, `${i + 1}. ${layer.type}`), ...settings(layer, i, changed),
      el('span', { className: 'shape', dataset: { testid: `layer-shape-${i}` }, t: shape }),
      el('span', { className: 'layer-buttons' }, up, down, remove));
  }));
}
