// @ts-check
// The lab worker: the Deployment panel's compression table and the Evaluation and Application
// panels' explanations, run on the on-demand lab package (pkg-lab/) so that the training worker's
// pkg/ stays as small as it is. It holds the page's data and a copy of its model file (the page
// trains in its own worker; the model file carries the experiment, split and seed, so the test
// rows here are the ones training tested on).
//   main → worker: {type:'open', id, load:{name, bytes}|{source}, model}, {type:'compress', id},
//                  {type:'importance', id}, {type:'explain', id, record}, {type:'evaluate', id}
//   worker → main: {type:'open'|'compress'|'importance'|'explain'|'evaluate', id, result, ms}, {type:'error', id, message, fatal}
import init, { WasmSession, lastPanic } from '../pkg-lab/kindling.js';
import { bytesOf } from './builtin.js';

/** @import {LabReply, LabRequest} from './types_workers.js' */
/** @template {LabRequest['type']} T @typedef {Extract<LabRequest, {type: T}>} Msg */

/** @param {LabReply} msg */
const post = (msg) => self.postMessage(msg);
/** @type {WasmSession | null} */
let session = null;

/** @type {{[T in LabRequest['type']]: (msg: Msg<T>) => unknown}} */
const handlers = {
  async open({ load, model }) {
    await init();
    session = null;
    const s = new WasmSession();
    const { name, bytes } = await bytesOf(load);
    s.loadWith(name, bytes, 'on_bad_rows' in load ? load.on_bad_rows : undefined);
    s.importModel('model.json', typeof model === 'string' ? new TextEncoder().encode(model) : model);
    session = s;
    return null;
  },
  compress: () => opened().compressReport(() => performance.now(), true),
  importance: () => opened().importance(true),
  explain: ({ record }) => opened().explainInput(JSON.stringify(record), true),
  evaluate: () => opened().evaluateImported(),
};

const opened = () => {
  if (!session) throw new Error('open a model file before compressing it');
  return session;
};

// Requests are answered one at a time, in order.
let queue = Promise.resolve();
self.onmessage = (/** @type {MessageEvent<LabRequest>} */ { data: msg }) => {
  const handler = /** @type {(msg: LabRequest) => unknown} */ (handlers[msg.type]);
  queue = queue.then(async () => {
    const t0 = performance.now();
    const result = await handler(msg);
    post({ type: msg.type, id: msg.id, result, ms: performance.now() - t0 });
  }).catch((err) => {
    const trapped = err instanceof WebAssembly.RuntimeError;
    const message = trapped ? `internal error: ${lastPanic() || err.message}` : String(err?.message ?? err);
    if (trapped) session = null;
    post({ type: 'error', id: msg.id, message, fatal: trapped });
  });
};
