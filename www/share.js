// @ts-check
// Share links (Contract 5 extension): the experiment and, when it fits, the uploaded CSV in the
// URL hash: #experiment=<base64url(JSON)>&data=<base64url(deflate-raw(CSV))>. Compression is the
// browser's own CompressionStream; decoding is bounded so a link cannot exhaust memory.
import { decodeBase64url, encodeBase64url } from './base64url.js';
import { PageError } from './i18n.js';
import { encodeExperiment } from './state.js';

/** @import {Msg} from './i18n.js' */

/** @import {DeepReadonly, Experiment, LoadMessage} from './types.js' */

/** The compressed dataset may take at most this many characters of the link. */
export const MAX_DATA_CHARS = 100_000;
/** A shared dataset may inflate to at most this many bytes. */
export const MAX_DATA_BYTES = 4 * 1024 * 1024;

/**
 * The stream's bytes, at most `max` of them.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {number} max
 */
async function collect(stream, max) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new PageError('share.inflates', { mb: max / 1024 / 1024 });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/** @param {Uint8Array} bytes */
const blobOf = (bytes) => new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]);

/** @param {Uint8Array} bytes */
export async function deflate(bytes) {
  return collect(blobOf(bytes).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
}

/** @param {Uint8Array} bytes @param {number} [max] */
export async function inflate(bytes, max = MAX_DATA_BYTES) {
  return collect(blobOf(bytes).stream().pipeThrough(new DecompressionStream('deflate-raw')), max);
}

/** Above this many characters of data, the page asks before a link carries it (issue 19). */
export const PRIVATE_DATA_CHARS = 10_000;

/**
 * The link to `page` (an absolute URL without hash) for `experiment`, with `upload` ({name, bytes}
 * of an uploaded CSV) when it compresses small enough and `withData` is true; `run` adds `&run=1`
 * (train at once). Returns `{url, hash, dataIncluded, dataChars, note}` (`dataChars`: the data
 * part's length, 0 without one; `note`: why the data was left out, or null).
 * @param {string} page
 * @param {Experiment | DeepReadonly<Experiment>} experiment
 * @param {LoadMessage | null} upload the last load (its bytes when it was a CSV)
 * @param {{withData?: boolean, run?: boolean}} [options]
 */
export async function shareLink(page, experiment, upload, { withData = true, run = false } = {}) {
  let hash = `experiment=${encodeExperiment(experiment)}`;
  /** @type {Msg | null} */
  let note = null;
  let dataChars = 0;
  if (withData && experiment.data?.source?.startsWith('file:') && upload && 'bytes' in upload) {
    const data = encodeBase64url(await deflate(upload.bytes));
    if (data.length <= MAX_DATA_CHARS) {
      hash += `&data=${data}`;
      dataChars = data.length;
    } else {
      note = { key: 'share.tooBig', params: { k: Math.ceil(data.length / 1000) } };
    }
  }
  if (run) hash += '&run=1';
  return { url: `${page}#${hash}`, hash, dataIncluded: dataChars > 0, dataChars, note };
}

/**
 * The dataset a link carries, as `{name, bytes}`, or null. Throws a PageError when damaged.
 * @param {string} hash
 * @param {Experiment | DeepReadonly<Experiment> | null} experiment
 */
export async function readSharedData(hash, experiment) {
  const text = new URLSearchParams(hash.replace(/^#/, '')).get('data');
  if (!text) return null;
  if (text.length > MAX_DATA_CHARS) throw new PageError('share.tooLong', { max: MAX_DATA_CHARS });
  const source = experiment?.data?.source ?? '';
  if (!source.startsWith('file:')) throw new PageError('share.noFile');
  let bytes;
  try {
    bytes = await inflate(decodeBase64url(text));
  } catch (err) {
    // Our own reason (too large) is said in the page's language; the browser's is English.
    if (err instanceof PageError) throw new PageError('share.damagedBecause', { detail: err.msg });
    throw new PageError('share.damaged', { detail: /** @type {Error} */ (err).message });
  }
  return { name: source.slice(5).slice(0, 200) || 'shared.csv', bytes };
}
