// @ts-check
// The training worker (Contract 4): owns one WasmSession; trains in ~30 ms slices so it answers
// pause / stop / step / set between them. Messages are plain objects with a `type`.
import init, { WasmSession, lastPanic, layerTypes, maxClasses, __panicForTest } from '../pkg/kindling.js';
import { Pace } from './pace.js';
import { Views } from './worker_views.js';
import { answering, failure, fetchBuiltin } from './worker_shared.js';

/** @import {MainMessage, WorkerMessage, EpochRecord} from './types.js' */
/** @template {MainMessage['type']} T @typedef {Extract<MainMessage, {type: T}>} Msg */

const SLICE_MS = 30;
const PREVIEW_ROWS = 8;
/** The `run` of the last `configure` (Contract 4): carried by every message of that run. @type {number | undefined} */
let runId;
const OF_A_RUN = new Set(['configured', 'advice', 'epoch', 'state', 'snapshot', 'evaluation', 'test_predictions', 'test_texts', 'grid', 'weights', 'error']);
/** @param {WorkerMessage} msg */
const post = (msg) => self.postMessage(runId !== undefined && OF_A_RUN.has(msg.type) && !(msg.type === 'error' && msg.stage === 'load')
  ? { ...msg, run: runId } : msg);
/** @type {WasmSession} */
let session;
let running = false;
const pace = new Pace(); // slow motion (`set {speed}`)
const views = new Views(); // snapshots for the teaching views (`watch`)
/** @param {number} epoch @param {boolean} [force] */
const snapshot = (epoch, force) => { const s = views.after(session, epoch, force); if (s) post(s); };

const ready = init().then(() => {
  session = new WasmSession();
  post({ type: 'ready', layer_types: layerTypes() }); // the page's layer editor is built from them
});

// Lets queued messages run between slices without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
/** @type {(() => void) | null} */
let wake = null;
channel.port1.onmessage = () => wake && wake();
/** @returns {Promise<void>} */
const yieldToMessages = () => new Promise((resolve) => { wake = resolve; channel.port2.postMessage(0); });

/** @param {EpochRecord} r */
function postEpoch(r) {
  post({
    type: 'epoch', epoch: r.epoch, loss: r.loss, val_loss: r.val_loss,
    metrics: { accuracy: r.accuracy, val_accuracy: r.val_accuracy },
  });
  snapshot(r.epoch);
}

function finish() {
  running = false;
  snapshot(session.history().length, true);
  post({ type: 'evaluation', ...session.evaluate() });
  post({ type: 'state', state: 'done' });
}

async function loop() {
  const run = pace.start(session.position()[2]);
  while (running && run === pace.run) {
    const t0 = performance.now();
    /** @type {{epoch: EpochRecord | null, done: boolean}} */
    let report = { epoch: null, done: false };
    while (pace.due() && !report.done && performance.now() - t0 < SLICE_MS) {
      report = session.step(pace.take());
      if (report.epoch) postEpoch(report.epoch);
    }
    if (report.done) return finish();
    await pace.rest(yieldToMessages);
  }
}

/** The `paused` state with where training stands (`position`: epochs, batch, batches, loss). */
const paused = () => post({ type: 'state', state: 'paused', position: session.position() });

/**
 * Trains one epoch (or one batch) and stops there.
 * @param {'epoch' | 'batch' | undefined} unit
 */
function stepOnce(unit) {
  /** @type {{epoch: EpochRecord | null, done: boolean}} */
  let report;
  do {
    report = session.step(unit === 'batch' ? 1 : 1_000_000);
    if (report.epoch) postEpoch(report.epoch);
  } while (unit !== 'batch' && !report.epoch && !report.done);
  if (report.done) finish();
  else paused();
}

/** Built-in datasets fetched while the wasm starts, by message. @type {WeakMap<object, ReturnType<typeof fetchBuiltin>>} */
const fetched = new WeakMap();

/** A handler whose failures answer in the same message `type` with `error` (the wasm's own traps still go to `report`). */
const answer = answering(post);

/** @type {{[T in MainMessage['type']]: (msg: Msg<T>) => void | Promise<void>}} */
const handlers = {
  async load(msg) {
    post({ type: 'progress', stage: 'load', done: 0, total: 1 });
    const { name, bytes } = 'source' in msg ? await (fetched.get(msg) ?? fetchBuiltin(msg.source)) : msg;
    /** @param {number} done @param {number} total */
    const progress = (done, total) => post({ type: 'progress', stage: 'load', done, total });
    const t0 = performance.now();
    const summary = session.loadWith(name, bytes, msg.on_bad_rows, progress);
    const parse_ms = Math.round(performance.now() - t0);
    post({ type: 'progress', stage: 'load', done: 1, total: 1 });
    post({ type: 'summary', ...summary, parse_ms, max_classes: maxClasses() });
    post({ type: 'preview', rows: session.preview(PREVIEW_ROWS) });
  },
  configure(msg) {
    running = false;
    runId = msg.run;
    const json = JSON.stringify(msg.experiment);
    // The core's advice first (src/advice/): shown even when building then fails.
    let advice = [];
    try { advice = session.advice(json); } catch { /* an invalid experiment: configure says why */ }
    post({ type: 'advice', advice });
    post({ type: 'configured', ...session.configure(json) });
    views.last = -1;
  },
  train() {
    if (running) return;
    running = true;
    post({ type: 'state', state: 'training' });
    loop().catch(report('train'));
  },
  pause() {
    running = false;
    paused();
  },
  step(msg) {
    running = false;
    stepOnce(msg.unit);
  },
  stop() {
    if (running) finish();
  },
  set(msg) {
    if (msg.learning_rate !== undefined) session.setLearningRate(msg.learning_rate);
    if (msg.speed !== undefined) pace.set(msg.speed);
  },
  // What to send with every `every`-th epoch for the teaching views; answers at once with the
  // views now (epoch 0 before training).
  watch(msg) {
    views.set(msg);
    snapshot(session.history().length, true);
  },
  // Diagnostics: makes the Rust side panic, to check that a panic reaches the page as a message.
  __panic() {
    __panicForTest();
  },
  evaluate() {
    post({ type: 'evaluation', ...session.evaluate() });
  },
  // Deployment (src/wasm/model.rs). Failures answer in the same message type with `error`, so a
  // bad model file or CSV is shown where it was given and the training state is untouched.
  export: answer('model', () => ({ source: 'session', ...session.exportModel() })),
  // `model`: the file's bytes (the core decodes UTF-8 or UTF-16) or its text.
  import: answer('model', (msg) => ({ source: 'import', name: msg.name,
    ...session.importModel(msg.name ?? 'model.json', typeof msg.model === 'string' ? new TextEncoder().encode(msg.model) : msg.model) })),
  predict: answer('predictions', (msg) => ('rows' in msg
    ? session.predictRows(JSON.stringify(msg.rows), msg.from === 'import')
    : session.predictCsv(msg.name ?? 'data.csv', msg.bytes, msg.from === 'import'))),
  forecast: answer('forecast', (msg) => session.forecast(msg.steps, msg.from === 'import')),
  // Views for the evaluation and lesson panels.
  test_predictions() {
    post({ type: 'test_predictions', ...session.testPredictions() });
  },
  test_texts() {
    post({ type: 'test_texts', texts: session.testTexts() });
  },
  grid(msg) {
    post({ type: 'grid', grid: session.decisionGrid(msg.size ?? 60) });
  },
  weights() {
    post({ type: 'weights', weights: session.weights(), epoch: session.history().length });
  },
};

/** @param {string} stage */
const report = (stage) => (/** @type {unknown} */ err) => {
  running = false;
  const { message, trapped } = failure(err, lastPanic);
  // A run that diverged carries the core's "Optimize?" for it (its failed epoch is in no history).
  const diagnosis = !trapped && (stage === 'train' || stage === 'step') ? session.failureDiagnosis() : null;
  post({ type: 'error', stage, message, fatal: trapped, ...(diagnosis && { diagnosis }) });
  if (trapped) self.close();
};

/** @param {MainMessage} msg */
async function handle(msg) {
  const handler = Object.hasOwn(handlers, msg.type) ? /** @type {(msg: MainMessage) => void | Promise<void>} */ (handlers[msg.type]) : undefined;
  if (!handler) return post({ type: 'error', stage: msg.type, message: `unknown message type "${msg.type}"` });
  try {
    await handler(msg);
  } catch (err) {
    report(msg.type)(err);
  }
}

// Messages are handled one after another, in the order they came: a `configure` right behind a
// `load` (a restarted worker gets both at once) waits for the built-in dataset's fetch. `train`
// returns at once (its loop runs in slices), so `pause` and `stop` still come in between.
/** @type {Promise<void>} */
let queue = ready;
self.onmessage = (/** @type {MessageEvent<MainMessage>} */ { data: msg }) => {
  // A built-in dataset is fetched while the wasm is still starting (the handler awaits it).
  if (msg.type === 'load' && 'source' in msg) {
    const fetching = fetchBuiltin(msg.source);
    fetching.catch(() => {});
    fetched.set(msg, fetching);
  }
  queue = queue.then(() => handle(msg));
};
