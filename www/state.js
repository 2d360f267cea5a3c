// @ts-check
// The experiment ⇄ URL hash (Contract 5): #experiment=<base64url(UTF-8 JSON)>[&run=1].
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { PageError } from './i18n.js';

/** @import {DeepReadonly, Experiment} from './types.js' */

export const MAX_HASH_CHARS = 200_000;

/** @param {Experiment | DeepReadonly<Experiment>} experiment */
export function encodeExperiment(experiment) {
  return encodeBase64url(new TextEncoder().encode(JSON.stringify(experiment)));
}

/**
 * @param {string} text
 * @returns {Experiment}
 */
export function decodeExperiment(text) {
  if (text.length > MAX_HASH_CHARS) throw new PageError('link.tooLarge');
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64url(text)));
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

/** @param {Experiment | DeepReadonly<Experiment>} experiment */
export function writeHash(experiment) {
  const hash = `#experiment=${encodeExperiment(experiment)}`;
  history.replaceState(null, '', hash);
}
