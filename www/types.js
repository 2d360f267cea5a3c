// @ts-check
// The page's types, for `tsc --noEmit` (jsconfig.json) only: nothing here runs. The experiment
// (Contract 1), the training worker's messages in both directions (docs/CONTRACTS.md section 4,
// mirrored field by field), and the store's state (www/store.js). The search and lab workers'
// messages: www/types_workers.js.
// A message field spelt differently from here fails the check.
export {};

// ── Contract 1: the experiment (every key optional; the core fills the defaults) ──────────────

/** @typedef {'idle' | 'loading' | 'ready' | 'training' | 'paused' | 'done' | 'error'} Status */
/** @typedef {'preprocess' | 'build' | 'train' | 'evaluate' | 'decide' | 'optimize' | 'deploy' | 'apply'} NodeId */
/** @typedef {'classification' | 'regression' | 'recommendation'} Task the task a configured experiment runs */

/**
 * One layer: `type` and that type's keys (dense `units`, `activation`; dropout `rate`; …).
 * @typedef {{type: string, [key: string]: any}} Layer
 */

/**
 * A layer type as the core describes it (the worker's `ready.layer_types`; src/experiment/layers.rs).
 * @typedef {object} LayerType
 * @property {string} name the layer's `type`
 * @property {string} help
 * @property {LayerKey[]} keys
 * @property {Layer} start the layer its "+ TYPE" button adds
 */

/**
 * One key of a layer type; `null` for what does not apply.
 * @typedef {object} LayerKey
 * @property {string} name
 * @property {string} label the page's label and aria-label (`layer I LABEL`)
 * @property {'int' | 'float' | 'bool' | 'choice' | 'shape' | 'regularizer'} kind
 * @property {any} default `null` when `required`
 * @property {number | null} min inclusive (of each entry, for `shape` and `regularizer`)
 * @property {number | null} max inclusive
 * @property {number | null} step the page's step; `null`: any
 * @property {string[] | null} choices the names a `choice` takes
 * @property {string} help
 * @property {boolean} required
 * @property {boolean} advanced folded under "more" on the page
 */

/**
 * @typedef {object} DataSpec
 * @property {string} [source] `builtin:NAME` or `file:NAME.csv`
 * @property {string | null} [target]
 * @property {string[] | null} [features] the input columns; `null`: every column but the target and the dates
 * @property {string[] | null} [exclude] every column but the target, the dates and these (with `features` null)
 * @property {string} [task] `auto` `classification` `regression`
 * @property {string} [missing] `drop` `mean` `median` `most_frequent` `zero`
 * @property {string} [scale] `standard` `minmax` `none`
 * @property {{method?: string, validation?: number, test?: number}} [split] method `random` `stratified` `chronological`
 * @property {{lookback: number, horizon: number} | null} [window]
 * @property {string} [transform] a window series before scaling: `none` `log` `difference` `log_difference`
 * @property {string} [on_bad_rows] `error` `skip`
 * @property {Record<string, 'numeric' | 'categorical' | 'text'>} [column_kinds] columns read as another kind
 * @property {{user: string, item: string, title?: string | null, implicit?: boolean} | null} [recommend] the id columns of a `recommendation` task
 * @property {TextSpec | null} [text] how text columns become inputs (issue 14)
 */

/**
 * `data.text` (Keras `TextVectorization`): `int` token ids for an embedding, or `multi_hot` /
 * `tf_idf` bags for a dense network; keys left out take the core's defaults.
 * @typedef {{output_mode?: 'int' | 'multi_hot' | 'tf_idf', max_tokens?: number, min_count?: number, max_length?: number}} TextSpec
 */

/**
 * @typedef {object} Experiment
 * @property {number} [version]
 * @property {number} [seed]
 * @property {DataSpec} [data]
 * @property {{layers: Layer[], recommender?: Recommender | null}} [model]
 * @property {{loss?: string | null, optimizer?: {type: string, learning_rate?: number, [key: string]: any}, metrics?: string[]}} [compile]
 * @property {{epochs?: number, batch_size?: number, early_stopping?: {monitor: string, patience: number, restore_best_weights: boolean} | null}} [fit]
 */

/** `model.recommender` of a recommendation task: `mf` or `neural`. @typedef {{type: string, factors?: number, l2?: number}} Recommender */

/**
 * An experiment as the core returns it (`configured`): every default filled in.
 * @typedef {Experiment & {data: DataSpec & {split: {method: string, validation: number, test: number}},
 *   model: {layers: Layer[]}, compile: {loss: string | null, optimizer: {type: string, learning_rate: number}},
 *   fit: {epochs: number, batch_size: number}}} FullExperiment
 */

// ── Worker messages, main → worker ────────────────────────────────────────────────────────────

/**
 * @typedef {{type: 'load', name: string, bytes: Uint8Array, on_bad_rows?: string}
 *   | {type: 'load', source: string, on_bad_rows?: string}} LoadMessage
 */

/**
 * @typedef {LoadMessage
 *   | {type: 'configure', experiment: Experiment, run?: number}
 *   | {type: 'train'} | {type: 'pause'} | {type: 'stop'} | {type: '__panic'}
 *   | {type: 'step', unit?: 'epoch' | 'batch'}
 *   | {type: 'set', learning_rate?: number, speed?: number | null}
 *   | WatchMessage
 *   | {type: 'evaluate'} | {type: 'export'}
 *   | {type: 'import', name: string, model: Uint8Array | string}
 *   | {type: 'predict', id?: string, from: ModelSource, name: string, bytes: Uint8Array}
 *   | {type: 'predict', id?: string, from: ModelSource, rows: Record<string, number | string | null>[]}
 *   | {type: 'forecast', id: string, from: ModelSource, steps: number}
 *   | {type: 'test_predictions'} | {type: 'test_texts'}
 *   | {type: 'grid', size?: number}
 *   | {type: 'weights'}} MainMessage
 */

/**
 * The recommendation worker's requests (www/recommend-worker.js): a user's top `n` unrated items,
 * an item's `n` most similar, the items' 2-D map (`from: 'import'`: of the opened model file's
 * recommender, else the run's); the opened recommender measured on the test rows of the data.
 * @typedef {{type: 'recommend', id?: string, user: string, n: number, from?: ModelSource}
 *   | {type: 'similar', id?: string, item: string, n: number, from?: ModelSource}
 *   | {type: 'item_map', id?: string, from?: ModelSource}
 *   | {type: 'evaluate_opened', id?: string}} RecommendRequest
 */

/** @typedef {'session' | 'import'} ModelSource */

/**
 * Asks the worker for a `snapshot` after every `every`-th epoch and after the last (and at once):
 * `weights`, the decision grid of `grid`² cells, test `predictions`, each unit over the plane of two
 * inputs on a `layers`² grid, and the layer outputs of test sample `row` (docs/CONTRACTS.md section 4).
 * @typedef {{type: 'watch', every: number, weights?: boolean, grid?: number, predictions?: boolean,
 *   layers?: number, row?: number}} WatchMessage
 */

// ── Worker messages, worker → main ────────────────────────────────────────────────────────────

/** @typedef {{line?: number | null, column?: string | null, message: string}} Warning */

/**
 * @typedef {object} ColumnSummary
 * @property {string} name
 * @property {string} kind `numeric` `categorical` `text` `boolean` `date`
 * @property {number} missing
 * @property {number} distinct
 * @property {number} [min]
 * @property {number} [max]
 * @property {number} [mean]
 * @property {number} [std]
 * @property {{value: string, count: number}[]} [values]
 * @property {TextStats} [text] a text column's tokens
 */

/**
 * A text column's tokens: per cell (min, median, max), the distinct tokens, the most frequent.
 * @typedef {{tokens_min: number, tokens_median: number, tokens_max: number, vocabulary: number,
 *   top_tokens: {value: string, count: number}[]}} TextStats
 */

/**
 * The test rows' sentences (the first text feature's cells, split order; `""` when missing) with
 * the class probabilities the model gives them, flat `[rows × classes]`; `null` without a text feature.
 * @typedef {{texts: string[], probabilities: number[]} | null} TestTexts
 */

/**
 * The `summary` message without its `type`: the loaded table.
 * @typedef {{name: string, rows: number, columns: ColumnSummary[], warnings: Warning[], parse_ms?: number, max_classes?: number}} Table
 */

/**
 * @typedef {object} ConfiguredSummary
 * @property {Task} task
 * @property {string} loss
 * @property {string[]} features
 * @property {string} target
 * @property {string[] | null} [classes]
 * @property {[number, number, number]} rows train, validation, test
 * @property {{kind: string, output_shape: number[], params: number}[]} layers
 * @property {number} params
 * @property {number} [dropped]
 * @property {(string | Warning)[]} [warnings] what preparing changed (dropped rows, filled cells)
 * @property {RecommendIds} [ids] a recommendation task: the ids trained on
 */

/** The ids a recommender was trained on, in index order. @typedef {{users: string[], items: string[], titles: string[]}} RecommendIds */

/** @typedef {{precision: number, recall: number, f1: number, support: number}} ClassScores */

/**
 * @typedef {object} Evaluation
 * @property {number} rows
 * @property {number | null} loss
 * @property {number} [accuracy]
 * @property {number} [f1] macro F1
 * @property {number[][]} [confusion] `confusion[actual][predicted]`
 * @property {ClassScores[]} [per_class]
 * @property {ClassScores} [macro_avg] over the classes that occur (scikit-learn's)
 * @property {ClassScores} [weighted_avg]
 * @property {number} [mse]
 * @property {number} [rmse]
 * @property {number} [mae]
 * @property {number} [r2]
 * @property {number} [persistence_rmse] a window series: next = the last known value, same test windows
 * @property {number} [persistence_mae]
 * @property {number} [returns_rmse] a series above 0: the RMSE of the returns the model implies
 * @property {number} [persistence_returns_rmse]
 * @property {{global_mean: Errors, item_mean: Errors, user_item_bias: Errors}} [baselines] a recommendation task
 * @property {Ranking} [ranking] a recommendation task: the model's ranking of held-out items
 * @property {Ranking} [popularity] the same for the most-rated items first
 * @property {number} [relevant] ratings at least this count as relevant
 * @property {string[]} [warnings]
 */

/** @typedef {{rmse: number, mae: number}} Errors */
/** @typedef {{precision_at_5: number, recall_at_5: number, ndcg_at_5: number, precision_at_10: number,
 *   recall_at_10: number, ndcg_at_10: number, users: number}} Ranking */

/**
 * @typedef {object} ModelCard
 * @property {{kind: string, output_shape: number[], params: number}[]} layers
 * @property {number} params
 * @property {Task} task
 * @property {string[]} features
 * @property {string} target
 * @property {string[] | null} [classes]
 * @property {string} source
 * @property {[number, number, number]} rows
 * @property {number} seed
 * @property {number} epochs
 * @property {Record<string, number | null | undefined>} test
 * @property {{lookback: number, horizon: number} | null} [window]
 * @property {{name: string, kind: string, default: number | string, categories?: string[],
 *   seen?: {min: number, max: number} | {mean: number, std: number} | null}[]} inputs the form's inputs; `seen`: what the
 *   training rows held (min-max range, or standard scaling's mean and std)
 * @property {RecommendIds} [ids] a recommender's ids in index order (its Application's choices)
 */

/**
 * @typedef {{task: string, target: string, actual: number[], predicted: number[], classes?: string[] | null}} TestPredictions
 */

/**
 * @typedef {{features: [string, string], x_range: [number, number], y_range: [number, number], size: number,
 *   class: number[], confidence: number[], points: [number, number, number][], classes: string[]}} Grid
 */

/**
 * `run` (extension): the run a message belongs to, the `run` of the `configure` that started it;
 * the page drops messages of runs it has left (www/store.js).
 * @typedef {WorkerMessageBody & {run?: number}} WorkerMessage
 */

/**
 * @typedef {{type: 'ready', layer_types: LayerType[]}
 *   | {type: 'progress', stage: string, done: number, total: number}
 *   | ({type: 'summary'} & Table)
 *   | {type: 'preview', rows: string[][]}
 *   | {type: 'configured', summary: ConfiguredSummary, experiment: FullExperiment}
 *   | {type: 'advice', advice: Advice[]}
 *   | EpochMessage
 *   | {type: 'state', state: 'training' | 'paused' | 'done', position?: Position}
 *   | SnapshotMessage
 *   | ({type: 'evaluation'} & Evaluation)
 *   | ModelMessage
 *   | PredictionsMessage
 *   | ForecastMessage
 *   | ({type: 'test_predictions'} & TestPredictions)
 *   | {type: 'test_texts', texts: TestTexts}
 *   | {type: 'grid', grid: Grid | null}
 *   | {type: 'weights', weights: number[][], epoch: number}
 *   | RecommendReply
 *   | ErrorMessage} WorkerMessageBody
 */

/** One scored item. @typedef {{item: string, title: string, score: number}} Scored */

/**
 * The recommendation worker's answers; on failure (an id it was not trained on) `{type, id, error}`.
 * `points`: `[x0, y0, x1, y1, …]` in the order of `items`.
 * @typedef {{type: 'recommend', id?: string, user: string, items: Scored[], error?: undefined}
 *   | {type: 'similar', id?: string, item: string, items: Scored[], error?: undefined}
 *   | ({type: 'item_map', id?: string, points: number[], error?: undefined} & RecommendIds)
 *   | ({type: 'evaluate_opened', id?: string, error?: undefined} & Evaluation)
 *   | {type: 'recommend' | 'similar' | 'item_map' | 'evaluate_opened', id?: string, error: string}} RecommendReply
 */

/** Where a paused run stands: `[epochs done, batches done in the next epoch, batches per epoch, loss]`. @typedef {[number, number, number, number | null]} Position */

/**
 * The teaching views at `epoch` (a `watch` asked for them; absent parts were not asked for).
 * `layers[l][c * units + u]`: unit u of layer l (0 = the inputs) at grid cell c; `activations`:
 * `[input, layer 1, …]` for the watched test row, each flattened (`null` past the last row).
 * @typedef {{type: 'snapshot', epoch: number, weights?: number[][], grid?: Grid | null,
 *   predictions?: TestPredictions, layers?: number[][] | null, activations?: number[][] | null}} SnapshotMessage
 */

/** @typedef {{type: 'epoch', epoch: number, loss: number, val_loss: number | null, metrics: {accuracy?: number | null, val_accuracy?: number | null}}} EpochMessage */

/**
 * @typedef {{type: 'model', id?: string, source: ModelSource, json?: string, name?: string, card: ModelCard, error?: undefined}
 *   | {type: 'model', id?: string, error: string}} ModelMessage
 */

/**
 * @typedef {{type: 'predictions', id?: string, task: string, target: string, classes: string[] | null,
 *     labels: string[] | null, values: number[][], rows: number[], warnings: string[], csv?: string, error?: undefined}
 *   | {type: 'predictions', id?: string, error: string}} PredictionsMessage
 */

/**
 * @typedef {{type: 'forecast', id: string, target: string, history: number[], forecast: number[], error?: undefined}
 *   | {type: 'forecast', id: string, error: string}} ForecastMessage
 */

/**
 * `i18n`: the page's own failures (e.g. a damaged share link) carry their catalog message, so the
 * error box can show them in either language; the worker's `message` is the core's English.
 * `diagnosis`: when training diverged, the core's "Optimize?" for that run (its failed epoch is in
 * no history).
 * @typedef {{type: 'error', stage: string, message: string, fatal?: boolean, i18n?: import('./i18n.js').Msg, diagnosis?: Diagnosis}} ErrorMessage
 */

/**
 * The worker message of type `T`.
 * @template {WorkerMessage['type']} T
 * @typedef {Extract<WorkerMessage, {type: T}>} MessageOf
 */

/**
 * A change to the experiment: set key `path` (`model.layers[1].activation`) to `value`.
 * @typedef {{path: string, value: unknown}} Change
 */

/**
 * The core's advice on an experiment (src/advice/): a stable `code`, the English `message`, its
 * figures by name, and the fix, if any.
 * @typedef {{code: string, message: string, params: Record<string, unknown>, fix: Change[] | null}} Advice
 */

/**
 * The core's diagnosis of a run ("Optimize?"; docs/CONTRACTS.md section 3).
 * @typedef {{verdict: 'diverged' | 'plateau' | 'overfitting' | 'underfitting' | 'fine', optimize: boolean, message: string,
 *   turned_at: number | null, numbers: Record<string, number>, suggestions: {action: string, text: string, fix?: Change[]}[], vary: string[]}} Diagnosis
 */

// ── Search workers (www/search-worker.js) ─────────────────────────────────────────────────────

/** @import {SearchConfig} from './types_workers.js' */

// ── The store (www/store.js) ──────────────────────────────────────────────────────────────────

/**
 * `T` with every property and element read-only, all the way down (what the store hands out).
 * @template T
 * @typedef {T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? {readonly [K in keyof T]: DeepReadonly<T[K]>} : T} DeepReadonly
 */

/** @typedef {{epoch: number, loss: number, val_loss: number | null, accuracy?: number | null, val_accuracy?: number | null}} EpochRecord */

/**
 * The deployable model (www/model.js): trained in this tab (`session`) or opened from a file.
 * @typedef {{from: ModelSource, card: ModelCard, json?: string, bytes: number, name?: string, text?: Uint8Array | string}} DeployedModel
 */

/**
 * What the store announces, by event type: every worker message under its own type, and the
 * page's own events.
 * @typedef {{[T in WorkerMessage['type']]: MessageOf<T>} & {
 *   experiment: DeepReadonly<Experiment>,
 *   status: Status,
 *   navigate: NodeId,
 *   deployed: DeployedModel | null,
 *   decided: 'optimize' | 'deploy',
 *   did: NodeId,
 *   scrub: number | null,
 *   search: SearchConfig | null,
 *   opened: DeepReadonly<Experiment>,
 *   language: import('./i18n.js').Language,
 * }} Events
 */
