// @ts-check
// The guide's lessons: a tour of the workflow on the user's own data, the seed's gradient-descent
// example (fit y = θ·x with one linear unit, no bias, and plain GD) and the seed's Keras example
// (forecast sunspots with an LSTM on MinMax-scaled windows), a small CNN on the 8×8 digits, the
// S&P 500 forecast and a sentiment classifier on review sentences (embedding + average).
// Every lesson walks all eight nodes: through the diagnosis, one optimisation step (a small
// search the lesson proposes), deployment and application. A step with `needs` cannot be left
// forward until its action happened (`todo` says what to do): a flowchart node marked done, or a
// check of the app's state. Step texts may read the app's state.
import { BUILTINS } from './datasets.js';
import { LINE_FILE } from './generated.js';

/** @import {App} from './app.js' */
/** @import {Experiment, NodeId} from './types.js' */
/** @import {SearchConfig} from './types_workers.js' */

/** @import {Msg, Params} from './i18n.js' */

/**
 * A lesson step: the node to open, the control to highlight, the text's catalog key in
 * www/text/lessons.js (and, for texts that read the app's state, their params); what must have
 * happened before going on (`needs`: a node marked done, or a check) and the catalog key saying
 * what to do (`todo`); a figure the guide draws (`line`: lesson 1's points and fitted line,
 * `digits`: the first digits of the table); a search to propose, or a change to try by hand
 * (`tweak`, www/lesson_tweak.js: for a model the search does not take).
 * @typedef {{node: NodeId, target: string | null, text: string, params?: (app: App) => Params,
 *   needs?: NodeId | ((app: App) => boolean), todo?: string, figure?: 'line' | 'digits', search?: SearchConfig,
 *   tweak?: import('./lesson_tweak.js').Tweak}} Step
 */

/**
 * A lesson: its title and steps and, for some, its own experiment.
 * @typedef {{title: string, experiment?: () => Experiment, showTheta?: boolean, steps: Step[]}} Lesson
 */

/** @param {App} app @returns {Msg} */
const tableText = (app) => (app.table
  ? { key: 'lesson.table', params: { name: app.table.name, rows: app.table.rows, columns: app.table.columns.length } }
  : { key: 'lesson.yourData' });
/** @param {App} app @returns {string | Msg} */
const targetText = (app) => app.experiment?.data?.target ?? { key: 'lesson.lastColumn' };
/** @param {App} app the rows the model learns from, checks itself on and is tested on */
const rowsOf = (app) => ({ train: app.summary?.rows[0] ?? '—', val: app.summary?.rows[1] ?? '—', test: app.summary?.rows[2] ?? '—' });

/** What the Application step asks for, by lesson (default: change a value in the form). @type {Record<string, string>} */
const APPLY_TODO = { lstm: 'Forecast', stock: 'Forecast', cnn: 'Draw', sentiment: 'Type' };

/**
 * The last four steps every lesson shares: the diagnosis, one optimisation step (a small search
 * fitted to the lesson, or a change to try by hand), deployment and application (`applyTarget`:
 * where to ask for a prediction).
 * @param {string} id the lesson
 * @param {{search: SearchConfig} | {tweak: import('./lesson_tweak.js').Tweak}} optimise
 * @param {string} applyTarget
 * @returns {Step[]}
 */
const finish = (id, optimise, applyTarget) => [
  { node: 'decide', target: '[data-testid=diagnosis]', text: `lesson.${id}.decide`, needs: 'decide', todo: 'lesson.todo.decide' },
  { node: 'optimize', target: 'search' in optimise ? '[data-testid=search-start]' : '#lesson-tweak', text: `lesson.${id}.optimize`,
    needs: 'optimize', todo: 'search' in optimise ? 'lesson.todo.optimize' : 'lesson.todo.tweak', ...optimise },
  { node: 'deploy', target: '[data-testid=download-model]', text: 'lesson.deploy', needs: 'deploy', todo: 'lesson.todo.deploy' },
  { node: 'apply', target: applyTarget, text: `lesson.${id}.apply`, needs: 'apply', todo: `lesson.todo.apply${APPLY_TODO[id] ?? ''}` },
];

/**
 * A small search: `vary` over a grid of `trials` values (a range's ends and points evenly between
 * them on its scale), every value once, scored as `validation` says.
 * @param {SearchConfig['vary']} vary
 * @returns {SearchConfig}
 */
const small = (vary, trials = 2, /** @type {SearchConfig['validation']} */ validation = { method: 'split' }) =>
  ({ strategy: 'grid', grid_points: Math.max(2, trials), trials, seed: 0, validation, vary });
/** Learning rates from `lo` to `hi` on a log scale (the form's range for this knob). @param {number} lo @param {number} hi */
const rates = (lo, hi) => ({ learning_rate: { log_uniform: /** @type {[number, number]} */ ([lo, hi]) } });

/** The LSTM lessons' change by hand (the search does not take windows yet): an LSTM of 16 units. */
const LSTM16 = { tweak: { label: 'tweak.units16', edit: (/** @type {Experiment} */ e) => { e.model?.layers.forEach((l) => { if (l.type === 'lstm') l.units = 16; }); } } };

/** The recommendation lesson's change by hand (the search does not take recommenders yet): 4 factors. */
const FACTORS4 = { tweak: { label: 'tweak.factors4', edit: (/** @type {Experiment} */ e) => {
  const r = e.model?.recommender;
  if (r) r.factors = 4;
} } };

/** Whether the lab box whose status is `[data-testid=ID]` has answered (www/panels/compress.js, why.js). @param {string} id */
const answered = (id) => () => document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-state') === 'done';

/**
 * The digits lesson's shared steps with issue 16's two questions: after deployment, how much
 * smaller the model can get; after the first drawing, which pixels made the answer.
 * @param {Step[]} steps decide, optimize, deploy, apply
 * @returns {Step[]}
 */
const withCompression = ([decide, optimize, deploy, apply]) => [decide, optimize, deploy,
  { node: 'deploy', target: '[data-testid=compress-run]', text: 'lesson.cnn.compress', needs: answered('compress-status'), todo: 'lesson.todo.compress' },
  apply,
  { node: 'apply', target: '[data-testid=why-run]', text: 'lesson.cnn.why', needs: answered('why-status'), todo: 'lesson.todo.why' }];

/** The sentiment lesson's change by hand: embeddings of 8 numbers per token instead of 16. */
const DIMS8 = { tweak: { label: 'tweak.dims8', edit: (/** @type {Experiment} */ e) => { e.model?.layers.forEach((l) => { if (l.type === 'embedding') l.output_dim = 8; }); } } };

/** @param {App} app the text column's token statistics (inspect's), for the sentiment lesson's first step */
const tokenStats = (app) => {
  const c = app.table?.columns.find((col) => col.text);
  const t = c?.text;
  return { column: c?.name ?? 'text', median: t?.tokens_median ?? '—', max: t?.tokens_max ?? '—', vocabulary: t?.vocabulary ?? '—',
    top: t?.top_tokens.slice(0, 5).map((v) => v.value).join(' ') ?? '' };
};

/** @type {Record<string, Lesson>} */
export const LESSONS = {
  tour: {
    title: 'lesson.tour.title',
    steps: [
      { node: 'preprocess', target: '#columns', text: 'lesson.tour.1', params: (app) => ({ table: tableText(app), target: targetText(app) }),
        needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#layers', text: 'lesson.tour.2', params: (app) => ({ layers: app.experiment?.model?.layers?.length ?? 0 }),
        needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.tour.3', needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#metrics', text: 'lesson.tour.4', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      ...finish('tour', { search: small(rates(0.003, 0.03)) }, '[data-testid=apply-form]'),
    ],
  },
  gd: {
    title: 'lesson.gd.title',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: `file:${LINE_FILE}`, target: 'y', task: 'regression', scale: 'none', missing: 'mean',
        split: { method: 'random', validation: 0, test: 0.2 } },
      model: { layers: [{ type: 'dense', units: 1, activation: 'linear', use_bias: false }] },
      compile: { loss: 'mse', optimizer: { type: 'gd', learning_rate: 0.5 } },
      fit: { epochs: 40, batch_size: 32 },
    }),
    showTheta: true,
    steps: [
      { node: 'preprocess', target: '#preview', text: 'lesson.gd.1', figure: 'line', needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#layers', text: 'lesson.gd.2', figure: 'line', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=step]', text: 'lesson.gd.3', figure: 'line',
        needs: (app) => app.history.length > 0, todo: 'lesson.todo.step' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.gd.4', figure: 'line', needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#metrics', text: 'lesson.gd.5', figure: 'line', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      // No validation rows here (all 16 non-test points train): the search scores by 4-fold cross-validation.
      ...finish('gd', { search: small(rates(0.1, 3), 4, { method: 'kfold', k: 4 }) }, '[data-testid=apply-form]'),
    ],
  },
  lstm: {
    title: 'lesson.lstm.title',
    experiment: () => ({
      version: 1, seed: 42,
      // 309 years: 60% train (185 rows → 155 windows), 20% validation (62 → 32), 20% test (62 → 32).
      data: { source: 'builtin:sunspots', target: 'sunactivity', task: 'regression', scale: 'minmax', missing: 'mean',
        split: { method: 'chronological', validation: 0.2, test: 0.2 }, window: { lookback: 30, horizon: 1 } },
      model: { layers: [{ type: 'lstm', units: 32, return_sequences: false }, { type: 'dense', units: 1, activation: 'linear' }] },
      compile: { loss: 'mse', optimizer: { type: 'adam', learning_rate: 0.01 } },
      fit: { epochs: 60, batch_size: 32 },
    }),
    steps: [
      { node: 'preprocess', target: '#window-on', text: 'lesson.lstm.1', needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#layers', text: 'lesson.lstm.2', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.lstm.3', params: rowsOf, needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#eval-chart', text: 'lesson.lstm.4', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      // The search does not take windows yet: one change by hand, compared on the validation years.
      ...finish('lstm', LSTM16,
        '[data-testid=forecast-run]'),
    ],
  },
  cnn: {
    title: 'lesson.cnn.title',
    experiment: () => ({
      version: 1, seed: 42,
      data: { source: 'builtin:digits', target: 'label', task: 'classification', scale: 'minmax', missing: 'mean',
        split: { method: 'stratified', validation: 0.1, test: 0.2 } },
      model: { layers: [
        { type: 'reshape', target_shape: [8, 8, 1] },
        { type: 'conv2d', filters: 8, kernel_size: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'max_pool2d', pool_size: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' }] },
      compile: { loss: 'categorical_crossentropy', optimizer: { type: 'adam', learning_rate: 0.01 } },
      fit: { epochs: 15, batch_size: 32 },
    }),
    steps: [
      { node: 'preprocess', target: '#preview', text: 'lesson.cnn.1', figure: 'digits', needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#layers', text: 'lesson.cnn.2', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.cnn.3', needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#eval-chart', text: 'lesson.cnn.4', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      ...withCompression(finish('cnn', { search: small(rates(0.003, 0.03)) }, '[data-testid=draw-pad]')),
    ],
  },
  stock: {
    title: 'lesson.stock.title',
    // The S&P 500 built-in's own experiment: the article's recipe (12 months → the next, MinMax on
    // the training months, LSTM → Dense(1), chronological split); the Evaluation panel sets it
    // against persistence.
    experiment: BUILTINS.stock.experiment,
    steps: [
      { node: 'preprocess', target: '#window-on', text: 'lesson.stock.1', needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#layers', text: 'lesson.stock.2', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.stock.3', params: rowsOf, needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#baseline', text: 'lesson.stock.4', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      ...finish('stock', LSTM16,
        '[data-testid=forecast-run]'),
    ],
  },
  recommend: {
    title: 'lesson.recommend.title',
    // The ratings built-in's own experiment: matrix factorisation, 8 factors, split per user; it
    // trains in the recommendation worker (www/recommend-worker.js).
    experiment: BUILTINS.ratings.experiment,
    steps: [
      { node: 'preprocess', target: '#preview', text: 'lesson.recommend.1', needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'build', target: '#rec-build', text: 'lesson.recommend.2', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.recommend.3', params: rowsOf, needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#rec-eval', text: 'lesson.recommend.4', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      ...finish('recommend', FACTORS4, '#rec-pick-user').map((step) => (step.node === 'deploy' ? { ...step, target: '[data-testid=copy-link]' }
        : step.node === 'apply' ? { ...step, todo: 'lesson.todo.applyUser' } : step)),
    ],
  },
  sentiment: {
    title: 'lesson.sentiment.title',
    // The sentiment built-in's own experiment: int token ids → embedding → average → softmax.
    experiment: BUILTINS.sentiment.experiment,
    steps: [
      { node: 'preprocess', target: '#columns', text: 'lesson.sentiment.1', params: tokenStats, needs: 'preprocess', todo: 'lesson.todo.load' },
      { node: 'preprocess', target: '#text-settings', text: 'lesson.sentiment.2', params: rowsOf },
      { node: 'build', target: '#layers', text: 'lesson.sentiment.3', needs: 'build', todo: 'lesson.todo.build' },
      { node: 'train', target: '[data-testid=train]', text: 'lesson.sentiment.4', needs: 'train', todo: 'lesson.todo.train' },
      { node: 'evaluate', target: '#most-wrong', text: 'lesson.sentiment.5', needs: 'evaluate', todo: 'lesson.todo.evaluate' },
      ...finish('sentiment', DIMS8, '[data-testid=apply-text]'),
    ],
  },
};
