// @ts-check
// What the training worker (www/worker.js) and the recommendation worker (www/recommend-worker.js)
// share: fetching a built-in dataset, answering a request in its own message type (a failure as
// `error`), and the words of a failure (a wasm trap is the core's last panic).

/** @param {string} source `builtin:NAME` */
export async function fetchBuiltin(source) {
  const name = source.slice('builtin:'.length);
  if (!/^[a-z_]+$/.test(name)) throw new Error(`data.source: there is no built-in dataset "${name}"`);
  const res = await fetch(new URL(`./data/${name}.csv`, import.meta.url));
  if (!res.ok) throw new Error(`data.source: there is no built-in dataset "${name}"`);
  return { name, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/**
 * Makes handlers whose failures answer in message type `type` with `error` (the wasm's own traps
 * are thrown on, to the worker's error report).
 * @param {(msg: any) => void} post
 */
export function answering(post) {
  /**
   * @template {{type: string, id?: string}} M
   * @param {string} type
   * @param {(msg: M) => object} run
   * @returns {(msg: M) => void}
   */
  function answer(type, run) {
    return (msg) => {
      try {
        post({ type, id: msg.id, ...run(msg) });
      } catch (err) {
        if (err instanceof WebAssembly.RuntimeError) throw err;
        post({ type, id: msg.id, error: String(/** @type {Error} */ (err)?.message ?? err) });
      }
    };
  }
  return answer;
}

/**
 * What failed, in words, and whether it was a trap (the worker then closes).
 * @param {unknown} err
 * @param {() => string | undefined} lastPanic the wasm package's last panic message
 */
export function failure(err, lastPanic) {
  const trapped = err instanceof WebAssembly.RuntimeError;
  const message = trapped ? `internal error: ${lastPanic() || err.message}` : String(/** @type {Error} */ (err)?.message ?? err);
  return { message, trapped };
}
