// @ts-check
// The recommendation worker (docs/CONTRACTS.md section 4, "Recommendation worker"): owns one
// WasmRecommender from the on-demand lab package (pkg-lab/), trains it an epoch at a time between
// messages and answers the Application panel's top-N, similar-items and map requests. It speaks the
// training worker's `configured`/`epoch`/`state`/`evaluation`/`error` messages, so the store,
// the run bar and the loss chart follow it unchanged.
import init, { WasmRecommender, lastPanic } from '../pkg-lab/kindling.js';

/** @import {RecommendRequest, WorkerMessage, EpochRecord} from './types.js' */

/** @type {number | undefined} */
let runId;
/** @param {object} msg */
const post = (msg) => self.postMessage(runId === undefined ? msg : { ...msg, run: runId });
/** @type {WasmRecommender | null} */
let rec = null;
let running = false;

/** @param {EpochRecord} r */
const postEpoch = (r) => post({ type: 'epoch', epoch: r.epoch, loss: r.loss, val_loss: r.val_loss,
  metrics: { accuracy: null, val_accuracy: null } });

/** @param {string} source `builtin:NAME` */
async function fetchBuiltin(source) {
  const name = source.slice('builtin:'.length);
  const res = /^[a-z_]+$/.test(name) ? await fetch(new URL(`./data/${name}.csv`, import.meta.url)) : null;
  if (!res?.ok) throw new Error(`data.source: there is no built-in dataset "${name}"`);
  return { name, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The recommender being trained (configure comes first). */
const model = () => {
  if (!rec) throw new Error('no recommender yet: choose the data and the model first');
  return rec;
};

/** Trains `n` epochs; `true` when training has ended. @param {number} n */
function epochs(n) {
  const { epochs: records, done } = model().step(n);
  records.forEach(postEpoch);
  return done;
}

/** The last test report (the model card's `test`). @type {{rmse: number, mae: number, loss: number} | null} */
let lastTest = null;

/** The test report as Contract 4's `evaluation`: `rows` the test rows, `split` the rows per part. */
function evaluation() {
  const ev = model().evaluate();
  lastTest = { rmse: ev.rmse, mae: ev.mae, loss: ev.loss };
  return { type: 'evaluation', ...ev, rows: ev.rows[2], split: ev.rows };
}

/** The trained recommender as a model file and its card (Contract 4's `model`). */
function exported() {
  const json = model().export();
  const { rows, params, experiment: e } = model().summary();
  return { type: 'model', source: 'session', json, card: { layers: [], params, task: 'recommendation',
    features: [e.data.recommend.user, e.data.recommend.item], target: e.data.target, classes: null, source: e.data.source,
    rows, seed: e.seed, epochs: JSON.parse(json).metrics.history.length, test: lastTest ?? {}, window: null, inputs: [] } };
}

function finish() {
  running = false;
  post(evaluation());
  post({ type: 'state', state: 'done' });
}

async function loop() {
  while (running) {
    if (epochs(1)) return finish();
    await new Promise((resolve) => setTimeout(resolve, 0)); // pause/stop come in here
  }
}

/** @type {Record<string, (msg: any) => void | Promise<void>>} */
const handlers = {
  async configure(msg) {
    running = false;
    runId = msg.run;
    rec?.free();
    rec = null;
    const { name, bytes } = 'source' in msg.data ? await fetchBuiltin(msg.data.source) : msg.data;
    rec = new WasmRecommender(name, bytes, JSON.stringify(msg.experiment));
    const { rows, params, experiment } = model().summary();
    const d = experiment.data;
    post({ type: 'advice', advice: [] });
    post({ type: 'configured', experiment, summary: { task: 'recommendation', loss: 'mse', rows, params, target: d.target,
      features: [d.recommend.user, d.recommend.item], classes: null, layers: [], warnings: [], ids: model().ids() } });
  },
  train() {
    if (running) return;
    running = true;
    post({ type: 'state', state: 'training' });
    loop().catch(report('train'));
  },
  pause() {
    running = false;
    post({ type: 'state', state: 'paused' });
  },
  step() {
    running = false;
    if (epochs(1)) finish();
    else post({ type: 'state', state: 'paused' });
  },
  stop() {
    if (running) finish();
  },
  evaluate() {
    post(evaluation());
  },
  export() {
    post(exported());
  },
  recommend: answer((/** @type {Extract<RecommendRequest, {type: 'recommend'}>} */ msg) => ({ user: msg.user, items: model().topN(msg.user, msg.n) })),
  similar: answer((/** @type {Extract<RecommendRequest, {type: 'similar'}>} */ msg) => ({ item: msg.item, items: model().similar(msg.item, msg.n) })),
  item_map: answer(() => ({ points: Array.from(model().itemMap()), ...model().ids() })),
};

/**
 * A request whose failure (e.g. an unknown id) answers in its own message type with `error`.
 * @template {RecommendRequest} M
 * @param {(msg: M) => object} run
 */
function answer(run) {
  return (/** @type {M} */ msg) => {
    try {
      post({ type: msg.type, id: msg.id, ...run(msg) });
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) throw err;
      post({ type: msg.type, id: msg.id, error: String(/** @type {Error} */ (err)?.message ?? err) });
    }
  };
}

/** @param {string} stage */
const report = (stage) => (/** @type {unknown} */ err) => {
  running = false;
  const trapped = err instanceof WebAssembly.RuntimeError;
  const message = trapped ? `internal error: ${lastPanic() || err.message}` : String(/** @type {Error} */ (err)?.message ?? err);
  /** @type {WorkerMessage} */
  const msg = { type: 'error', stage, message, fatal: trapped };
  post(msg);
  if (trapped) self.close();
};

// One message after another, in order; messages the recommender has no use for (the teaching
// views' `watch`, a decision `grid`) are ignored.
/** @type {Promise<void>} */
let queue = init().then(() => {});
self.onmessage = (/** @type {MessageEvent<{type: string}>} */ { data: msg }) => {
  queue = queue.then(async () => {
    const handler = Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : undefined;
    try {
      await handler?.(msg);
    } catch (err) {
      report(msg.type)(err);
    }
  });
};
