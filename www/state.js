// The experiment ⇄ URL hash (Contract 5): #experiment=<base64url(UTF-8 JSON)>[&run=1].

export const MAX_HASH_CHARS = 200_000;

export function encodeExperiment(experiment) {
  const bytes = new TextEncoder().encode(JSON.stringify(experiment));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeExperiment(text) {
  if (text.length > MAX_HASH_CHARS) throw new Error('the shared experiment is too large');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('the shared experiment is not a JSON object');
  return value;
}

/** Reads `{experiment, run}` from a location hash; `experiment` is null when absent. */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = params.get('experiment');
  return { experiment: text ? decodeExperiment(text) : null, run: params.get('run') === '1' };
}

export function writeHash(experiment) {
  const hash = `#experiment=${encodeExperiment(experiment)}`;
  history.replaceState(null, '', hash);
}
