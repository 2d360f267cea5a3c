// Small helpers shared by the benchmark page and its workers.

/** The median of `values` (mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Fetches `path` (relative to this module) as bytes, with a message naming the file on failure. */
export async function fetchBytes(path) {
  const url = new URL(path, import.meta.url);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url.pathname} (HTTP ${res.status}); serve the repository root`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Fetches `path` (relative to this module) as text. */
export async function fetchText(path) {
  return new TextDecoder().decode(await fetchBytes(path));
}
