// @ts-check
// The recommendation worker (docs/CONTRACTS.md section 4, "Recommendation worker"): owns one
// WasmRecommender from the on-demand lab package (pkg-lab/), trains it an epoch at a time between
// messages and answers the Application panel's top-N, similar-items and map requests. It speaks the
// training worker's `configured`/`epoch`/`state`/`evaluation`/`error` messages, so the store,
// the run bar and the loss chart follow it unchanged. An opened recommender file (`import`) is a
// second WasmRecommender beside the run's: it gets the rows of the next configure's data (the file's
// split and seed) and answers the requests marked `from: 'import'`.
import init, { WasmRecommender, lastPanic } from '../pkg-lab/kindling.js';
import { answering, failure, fetchBuiltin } from './worker_shared.js';

/** @import {RecommendRequest, WorkerMessage, EpochRecord} from './types.js' */

/** @type {number | undefined} */
let runId;
/** @param {object} msg */
const post = (msg) => self.postMessage(runId === undefined ? msg : { ...msg, run: runId });
/** @type {WasmRecommender | null} */
let rec = null;
/** The opened model file's recommender. @type {WasmRecommender | null} */
let imported = null;
let running = false;

/** @param {EpochRecord} r */
const postEpoch = (r) => post({ type: 'epoch', epoch: r.epoch, loss: r.loss, val_loss: r.val_loss,
  metrics: { accuracy: null, val_accuracy: null } });

/** The recommender being trained (configure comes first). */
const model = () => {
  if (!rec) throw new Error('no recommender yet: choose the data and the model first');
  return rec;
};

/** The recommender a request asks about: the opened file's (`from: 'import'`) or the run's. @param {{from?: string}} msg */
const asked = (msg) => (msg.from === 'import' && imported ? imported : model());

/** Trains `n` epochs; `true` when training has ended. @param {number} n */
function epochs(n) {
  const { epochs: records, done } = model().step(n);
  records.forEach(postEpoch);
  return done;
}

/** The test report of `r` as Contract 4's `evaluation`: `rows` the test rows, `split` the rows per part. @param {WasmRecommender} r */
function evaluation(r = model()) {
  const ev = r.evaluate();
  return { ...ev, rows: ev.rows[2], split: ev.rows };
}

/**
 * The model card (Contract 4's `model`) of `r` from its file's `metrics`; `ids` for the
 * Application panel's choices.
 * @param {WasmRecommender} r
 * @param {{rows: number[], history: EpochRecord[], test: Record<string, number>}} metrics
 */
function card(r, { rows, history, test }) {
  const { params, experiment: e } = r.summary();
  return { layers: [], params, task: 'recommendation', features: [e.data.recommend.user, e.data.recommend.item],
    target: e.data.target, classes: null, source: e.data.source, rows, seed: e.seed, epochs: history.length,
    test: { rmse: test.rmse, mae: test.mae, loss: test.loss }, window: null, inputs: [], ids: r.ids() };
}

/** The trained recommender as a model file and its card (Contract 4's `model`). */
function exported() {
  const json = model().export();
  return { type: 'model', source: 'session', json, card: card(model(), JSON.parse(json).metrics) };
}

/**
 * Opens model file `bytes` named `name` (a bad one is refused and nothing changes): its card.
 * @param {string} name
 * @param {Uint8Array} bytes
 */
function open(name, bytes) {
  const next = WasmRecommender.open(name, bytes);
  imported?.free();
  imported = next;
  return { source: 'import', name, card: card(next, next.fileMetrics()) };
}

function finish() {
  running = false;
  post({ type: 'evaluation', ...evaluation() });
  post({ type: 'state', state: 'done' });
}

async function loop() {
  while (running) {
    if (epochs(1)) return finish();
    await new Promise((resolve) => setTimeout(resolve, 0)); // pause/stop come in here
  }
}

/** A request whose failure (a bad file, an unknown id) answers in its own message type with `error`. */
const answer = answering(post);
/** The same for the opened model file: its answers belong to no run (the page's may have moved on). */
const answerOpened = answering((msg) => self.postMessage(msg));
/**
 * `answer`, or `answerOpened` for a request about the opened file (`from: 'import'`).
 * @template {{type: string, id?: string, from?: string}} M
 * @param {string} type
 * @param {(msg: M) => object} run
 */
const answerEither = (type, run) => {
  const [ofRun, ofFile] = [answer(type, run), answerOpened(type, run)];
  return (/** @type {M} */ msg) => (msg.from === 'import' ? ofFile : ofRun)(msg);
};

/** @type {Record<string, (msg: any) => void | Promise<void>>} */
const handlers = {
  async configure(msg) {
    running = false;
    runId = msg.run;
    rec?.free();
    rec = null;
    const { name, bytes } = 'source' in msg.data ? await fetchBuiltin(msg.data.source) : msg.data;
    rec = new WasmRecommender(name, bytes, JSON.stringify(msg.experiment));
    // The opened file's rows, when this is the data it was trained on (else it keeps none).
    if (imported && !imported.hasRows()) try { imported.attach(name, bytes); } catch { /* other data */ }
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
    post({ type: 'evaluation', ...evaluation() });
  },
  export() {
    post(exported());
  },
  // `model`: the file's bytes or its text.
  import: answerOpened('model', (/** @type {{type: string, id?: string, name: string, model: Uint8Array | string}} */ msg) =>
    open(msg.name ?? 'model.json', typeof msg.model === 'string' ? new TextEncoder().encode(msg.model) : msg.model)),
  recommend: answerEither('recommend', (/** @type {Extract<RecommendRequest, {type: 'recommend'}>} */ msg) => ({ user: msg.user, items: asked(msg).topN(msg.user, msg.n) })),
  similar: answerEither('similar', (/** @type {Extract<RecommendRequest, {type: 'similar'}>} */ msg) => ({ item: msg.item, items: asked(msg).similar(msg.item, msg.n) })),
  item_map: answerEither('item_map', (/** @type {Extract<RecommendRequest, {type: 'item_map'}>} */ msg) => ({ points: Array.from(asked(msg).itemMap()), ...asked(msg).ids() })),
  evaluate_opened: answerOpened('evaluate_opened', () => {
    if (!imported) throw new Error('open a recommender\'s model file first');
    if (!imported.hasRows()) throw new Error('load the data the model was trained on first');
    return evaluation(imported);
  }),
};

/** @param {string} stage */
const report = (stage) => (/** @type {unknown} */ err) => {
  running = false;
  const { message, trapped } = failure(err, lastPanic);
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
