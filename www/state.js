// @ts-check
// The experiment ⇄ URL hash (Contract 5): #experiment=<base64url(UTF-8 JSON)>[&run=1].
import { afterUserActs } from './acted.js';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { PageError } from './i18n.js';

/** @import {DeepReadonly, Experiment} from './types.js' */

export const MAX_HASH_CHARS = 200_000;
/** The deepest nesting a shared experiment may have (Kindling's own go 5 levels deep). */
export const MAX_DEPTH = 32;

/**
 * Whether JSON `text` nests arrays and objects more than `max` levels deep (read without
 * recursion: posting or freezing such a value would overflow the stack).
 * @param {string} text
 * @param {number} max
 */
function nestsDeeper(text, max) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > max) return true;
    } else if (c === '}' || c === ']') depth--;
  }
  return false;
}

/** @param {Experiment | DeepReadonly<Experiment>} experiment */
export function encodeExperiment(experiment) {
  return encodeJson(JSON.stringify(experiment));
}

/** @param {string} json */
const encodeJson = (json) => encodeBase64url(new TextEncoder().encode(json));

/**
 * @param {string} text
 * @returns {Experiment}
 */
export function decodeExperiment(text) {
  if (text.length > MAX_HASH_CHARS) throw new PageError('link.tooLarge');
  const json = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64url(text));
  if (nestsDeeper(json, MAX_DEPTH)) throw new PageError('link.tooDeep', { max: MAX_DEPTH });
  const value = JSON.parse(json);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PageError('link.notObject');
  return value;
}

/**
 * Reads `{experiment, run}` from a location hash; `experiment` is null when absent.
 * @param {string} hash
 */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = params.get('experiment');
  return { experiment: text ? decodeExperiment(text) : null, run: params.get('run') === '1' };
}

let held = false;
/** Keeps the address as it is (a link that could not be read stays visible) until the user acts. */
export function holdHash() {
  held = true;
  afterUserActs(() => { held = false; });
}

/** Above this many characters of JSON, the hash is written after the gesture that changed it. */
export const LATER_JSON_CHARS = 10_000;
/** The JSON of a long experiment waiting to be written to the hash, or null. @type {string | null} */
let later = null;

/**
 * Mirrors `experiment` in the address. A long one (an experiment listing 9,999 features of a wide
 * file: ~100 KB) is encoded and written in a task of its own, the last one asked for winning
 * (replacing a 100 KB address took ~40 ms of the click that unticked a feature, issue 13 item 9).
 * @param {Experiment | DeepReadonly<Experiment>} experiment
 */
export function writeHash(experiment) {
  if (held) return;
  const json = JSON.stringify(experiment);
  if (json.length <= LATER_JSON_CHARS) {
    later = null;
    return history.replaceState(null, '', `#experiment=${encodeJson(json)}`);
  }
  if (later === null) setTimeout(writeLater);
  later = json;
}

function writeLater() {
  if (later !== null && !held) history.replaceState(null, '', `#experiment=${encodeJson(later)}`);
  later = null;
}
