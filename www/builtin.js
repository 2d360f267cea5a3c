// @ts-check
// A worker's data: the page's upload as it is, or a built-in dataset (www/data/NAME.csv) by name.

/**
 * @param {{name: string, bytes: Uint8Array} | {source: string}} load
 * @returns {Promise<{name: string, bytes: Uint8Array}>}
 */
export async function bytesOf(load) {
  if ('bytes' in load) return { name: load.name, bytes: load.bytes };
  const name = String(load.source ?? '').slice('builtin:'.length);
  if (!/^[a-z_]+$/.test(name)) throw new Error(`data.source: there is no built-in dataset "${name}"`);
  const res = await fetch(new URL(`./data/${name}.csv`, import.meta.url));
  if (!res.ok) throw new Error(`data.source: there is no built-in dataset "${name}"`);
  return { name, bytes: new Uint8Array(await res.arrayBuffer()) };
}
