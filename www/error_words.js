// @ts-check
// serde's messages about the experiment, written for people at one place (issue 19): the core
// says `experiment: model.layers[0].units: invalid value: integer `-4`, expected usize` (as the
// CLI prints it); the page says "Layer 1 (dense): units must be a whole number ≥ 1, not -4", in
// English or Chinese, and keeps the key path for a details line. Read from serde's wording of its
// error kinds (`invalid type`, `invalid value`, `unknown variant`, `unknown field`, `missing
// field`, `duplicate field`, JSON syntax) and the layer types' key descriptions (their limits).
// Done in the shell, not the core: the same wording in Rust cost 6 KB of the workers' wasm.
import { layerTypes } from './panels/layers.js';

/** @import {Msg} from './i18n.js' */
/** @import {DeepReadonly, Experiment, LayerKey} from './types.js' */

/** @param {string} key @param {Record<string, unknown>} [params] @returns {Msg} */
const msg = (key, params = {}) => ({ key, params });

/** `"a", "b"` from serde's `` `a`, `b` `` list (or `` `a` or `b` ``). @param {string} s */
const names = (s) => [...s.matchAll(/`([^`]*)`/g)].map((m) => JSON.stringify(m[1]));

/**
 * The people's words for serde's `serde` message at key path `path` of `experiment`, or null
 * when the message is not one of serde's kinds (range checks and the rest are written for
 * people by the core already).
 * @param {string} path `model.layers[0].units`, `fit.epoch`, `(top level)`
 * @param {string} serde
 * @param {DeepReadonly<Experiment> | null | undefined} experiment
 * @returns {Msg | null}
 */
export function peopleWords(path, serde, experiment) {
  const syntax = /^(.*) at line (\d+) column (\d+)$/.exec(serde);
  if (path === '(top level)' && syntax) return msg('err.syntax', { what: syntax[1], line: syntax[2], col: syntax[3] });
  const at = place(path, experiment);
  let m = /^invalid (?:type|value): (.*), expected (.*)$/.exec(serde);
  if (m) return mustBe(at, m[2], given(m[1]));
  m = /^unknown variant `([^`]*)`, expected (.*)$/.exec(serde);
  if (m) {
    // A whole layer or optimizer object: the unknown variant is its `type`.
    const typed = at.key === '' ? { ...at, key: 'type', path: `${at.path}.type` } : at;
    return mustBe(typed, m[2], JSON.stringify(m[1]));
  }
  m = /^unknown field `([^`]*)`(.*)$/.exec(serde);
  if (m) return unknown(at, m[1], m[2]);
  m = /^(missing|duplicate) field `([^`]*)`$/.exec(serde);
  if (m) return msg(m[1] === 'missing' ? 'err.missing' : 'err.twice', { who: objectName(at), name: JSON.stringify(m[2]) });
  return null;
}

/**
 * @typedef {object} Place
 * @property {string} path the whole key path
 * @property {number} [layer] 1-based, under `model.layers`
 * @property {string} [kind] the layer's type, when it is one
 * @property {string} key the key in the layer (`units`, `kernel_regularizer.l2`), or the last part
 * @property {string} owner the object's path without the key
 */

/**
 * @param {string} path
 * @param {DeepReadonly<Experiment> | null | undefined} experiment
 * @returns {Place}
 */
function place(path, experiment) {
  const layer = /^model\.layers\[(\d+)\]\.?(.*)$/.exec(path);
  if (layer) {
    const index = Number(layer[1]);
    const kind = /** @type {any} */ (experiment?.model?.layers?.[index])?.type;
    const known = layerTypes().some((t) => t.name === kind);
    return { path, layer: index + 1, kind: known ? kind : undefined, key: layer[2], owner: `model.layers[${index}]` };
  }
  const dot = path.lastIndexOf('.');
  return { path, key: path.slice(dot + 1), owner: dot < 0 ? '' : path.slice(0, dot) };
}

/** `Layer 2 (dense)`, `Layer 2`, or null outside the layers. @param {Place} at @returns {Msg | null} */
const layerName = (at) => (at.layer === undefined ? null
  : at.kind ? msg('err.layer', { n: at.layer, kind: at.kind }) : msg('err.layerN', { n: at.layer }));

/** The object an error about the object itself names. @param {Place} at @returns {Msg | string} */
const objectName = (at) => layerName(at) ?? (at.path === '.' || at.path === '(top level)' ? msg('err.experiment') : at.path);

/** The layer type's description of the key (its first part). @param {Place} at @returns {LayerKey | undefined} */
function described(at) {
  const name = at.key.split(/[.[]/)[0];
  return layerTypes().find((t) => t.name === at.kind)?.keys.find((k) => k.name === name);
}

/**
 * `Layer 1 (dense): units must be a whole number ≥ 1, not -4`.
 * @param {Place} at
 * @param {string} expected serde's `expected …`
 * @param {Msg | string} givenValue
 */
function mustBe(at, expected, givenValue) {
  const name = layerName(at);
  const subject = name ? msg('err.layerKey', { layer: name, key: at.key }) : at.path;
  return msg('err.mustBe', { subject, expected: expectedAs(expected, described(at)), given: givenValue });
}

/**
 * serde's `expected …` as people say it; a layer key's limits from its description.
 * @param {string} expected
 * @param {LayerKey | undefined} key
 * @returns {Msg | string}
 */
function expectedAs(expected, key) {
  const whole = /^(usize|u64|u32|u16|u8|a nonnegative integer)$/.test(expected);
  if ((whole || key?.kind === 'int' || key?.kind === 'shape') && key?.min != null) return msg('err.whole', { lo: key.min });
  if (whole) return msg('err.whole', { lo: 0 });
  if (/^(i64|i32)$/.test(expected)) return msg('err.integer');
  if (/^(f32|f64)$/.test(expected)) return key?.min != null ? msg('err.range', { lo: key.min, hi: key.max }) : msg('err.number');
  if (expected === 'a boolean') return msg('err.bool');
  if (expected === 'a string') return msg('err.text');
  if (expected === 'a sequence') return msg('err.list');
  if (expected === 'a map' || expected.startsWith('struct ') || expected.includes('object')) return msg('err.object');
  const list = names(expected);
  return list.length ? msg('err.oneOf', { names: list.join(', ') }) : expected;
}

/** serde's `Unexpected` as people say it: ``integer `-4` `` → `-4`, `map` → an object. @param {string} s @returns {Msg | string} */
function given(s) {
  const inner = /`(.*)`$/.exec(s)?.[1];
  if (inner !== undefined) return inner;
  if (s === 'map') return msg('err.anObject');
  if (s === 'sequence') return msg('err.aList');
  if (s === 'unit value' || s === 'null') return 'null';
  return s.replace(/^string /, '');
}

/**
 * `Layer 1 (dense) has no key "unit"; use one of "units", …`: a layer's keys from its type's
 * description, else the keys serde listed.
 * @param {Place} at
 * @param {string} name
 * @param {string} rest what serde said after the name
 */
function unknown(at, name, rest) {
  // serde's path ends at the unknown key itself, or at the object (a layer type's own check).
  const object = at.key === name ? { ...at, path: at.owner, key: '' } : at;
  const who = layerName(object) ?? (object.path ? object.path : msg('err.experiment'));
  const type = layerTypes().find((t) => t.name === at.kind);
  const takes = type ? type.keys.map((k) => JSON.stringify(k.name)) : names(rest.replace(/^.*expected /, ''));
  if (type && !takes.length) return msg('err.noKeysAtAll', { who, name: JSON.stringify(name) });
  if (!takes.length) return msg('err.noKeySpelling', { who, name: JSON.stringify(name) });
  return msg('err.noKey', { who, name: JSON.stringify(name), keys: takes.join(', ') });
}
