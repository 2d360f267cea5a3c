// @ts-check
// A search worker: holds the development rows of the data (the test rows are dropped in Rust on
// arrival) and runs trials by index, whole or to a successive-halving rung (it keeps the trials it
// has part-trained and trains them on when asked for the next rung). The Optimization panel starts several and stops a
// search by terminating them; trials are deterministic, so a resumed search gets the same results.
//   main → worker: {type:'init', load:{name, bytes}|{source}, experiment, search}, {type:'trial', index, rung}
//   worker → main: {type:'ready', plan}, {type:'trial', result, done}, {type:'error', message, index?}
import init, { WasmSearch, lastPanic } from '../pkg/kindling.js';
import { bytesOf } from './builtin.js';

/** @import {SearchReply, SearchRequest} from './types_workers.js' */
/** @template {SearchRequest['type']} T @typedef {Extract<SearchRequest, {type: T}>} Msg */

/** @param {SearchReply} msg */
const post = (msg) => self.postMessage(msg);
/** @type {WasmSearch} */
let search;

/** @type {{[T in SearchRequest['type']]: (msg: Msg<T>) => void | Promise<void>}} */
const handlers = {
  async init({ load, experiment, search: config }) {
    await init();
    const { name, bytes } = await bytesOf(load);
    search = new WasmSearch(name, bytes, JSON.stringify(experiment), JSON.stringify(config));
    post({ type: 'ready', plan: search.plan() });
  },
  trial({ index, rung }) {
    const [result, done] = search.rung(index, rung ?? -1);
    post({ type: 'trial', result, done });
  },
};

// Messages are handled one at a time, in order.
let queue = Promise.resolve();
self.onmessage = (/** @type {MessageEvent<SearchRequest>} */ { data: msg }) => {
  const handler = /** @type {(msg: SearchRequest) => void | Promise<void>} */ (handlers[msg.type]);
  queue = queue.then(() => handler(msg)).catch((err) => {
    const trapped = err instanceof WebAssembly.RuntimeError;
    const message = trapped ? `internal error: ${lastPanic() || err.message}` : String(err?.message ?? err);
    post({ type: 'error', message, index: 'index' in msg ? msg.index : undefined, fatal: trapped });
  });
};
