// @ts-check
// The page's side of the lab worker (www/lab-worker.js, pkg-lab/): started on the first request,
// it is sent the page's data and model file whenever they changed since the last request, and
// answers one request at a time. The training worker and its pkg/ are not involved.
import { core, say } from './i18n.js';

/** @import {App} from './app.js' */
/** @import {Evaluation, LoadMessage} from './types.js' */
/** @import {CompressRow, Explanation, Importance, LabReply, LabRequest} from './types_workers.js' */

/** @type {Worker | null} */
let worker = null;
let seq = 0;
/** What the worker holds now: the model file's text and the load message it was sent.
 * @type {{model: string | Uint8Array, load: LoadMessage | null}} */
let held = { model: '', load: null };
/** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
const waiting = new Map();

function start() {
  const w = new Worker(new URL('./lab-worker.js', import.meta.url), { type: 'module' });
  w.onmessage = (/** @type {MessageEvent<LabReply>} */ { data }) => {
    const answer = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.type === 'error') {
      if (data.fatal) held = { model: '', load: null }; // the worker's session is gone
      answer?.reject(new Error(data.message));
    } else answer?.resolve(data.type === 'explain' ? { ...data.result, ms: data.ms } : data.result);
  };
  w.onerror = (ev) => {
    for (const { reject } of waiting.values()) reject(new Error(`internal error: ${ev.message}`));
    waiting.clear();
    worker = null;
    held = { model: '', load: null };
  };
  return w;
}

/**
 * Sends `msg` (its `id` is filled in) and resolves with the worker's `result`.
 * @param {LabRequest} msg
 */
function ask(msg) {
  worker ??= start();
  const id = ++seq;
  const w = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ ...msg, id });
  });
}

/**
 * Asks the lab worker about the page's model (`app.model`, which must have its file) on the
 * page's data (`app.lastLoad`), opening them there first when they changed.
 * @template {'compress' | 'importance' | 'explain' | 'evaluate'} T
 * @param {App} app
 * @param {T} type
 * @param {T extends 'explain' ? {record: Record<string, number | string | null>} : {}} [extra]
 * @returns {Promise<T extends 'compress' ? CompressRow[] : T extends 'importance' ? Importance : T extends 'evaluate' ? Evaluation
 *   : Explanation & {ms: number}>}
 */
export async function lab(app, type, extra) {
  const model = app.model?.json ?? app.model?.text ?? null;
  const load = app.lastLoad;
  if (!model) throw new Error('train a model (or open one) before predicting');
  if (!load) throw new Error('load the data the model was trained on first');
  if (held.model !== model || held.load !== load) {
    held = { model, load };
    await ask({ type: 'open', id: 0, load, model }).catch((e) => { held = { model: '', load: null }; throw e; });
  }
  return ask(/** @type {LabRequest} */ ({ type, id: 0, ...extra }));
}

/**
 * Runs `work` (a lab request and what shows its answer) with `status` saying so: `data-state`
 * `working` and the catalog message `working`, then `done` (the message is `work`'s to write), or
 * `error` with the core's message.
 * @param {HTMLElement} status
 * @param {string} working
 * @param {() => Promise<void>} work
 */
export async function labTask(status, working, work) {
  status.dataset.state = 'working';
  say(status, working);
  try {
    await work();
    status.dataset.state = 'done';
  } catch (e) {
    status.dataset.state = 'error';
    say(status, core(e instanceof Error ? e.message : String(e)));
  }
}
