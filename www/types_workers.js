// @ts-check
// The messages of the page's on-demand workers, beside the training worker's (www/types.js): the
// hyper-parameter search worker (www/search-worker.js) and the lab worker (www/lab-worker.js, on
// pkg-lab/; docs/CONTRACTS.md section 4). Types only: nothing here runs.

/** @import {DeepReadonly, Evaluation, Experiment, LoadMessage} from './types.js' */

// ── The search worker (www/search-worker.js) ──────────────────────────────────────────────────

/** @typedef {Record<string, any>} Settings a trial's `{knob: value}` */

/**
 * @typedef {object} TrialResult
 * @property {number | null} index `null` for the baseline (the experiment unchanged)
 * @property {Settings} settings
 * @property {number | null} score the validation loss
 * @property {number | null} [val_accuracy]
 * @property {number[]} [loss]
 * @property {(number | null)[]} [val_loss]
 * @property {string} [error]
 * @property {number} [epochs] epochs trained (first fold)
 * @property {boolean} [pruned] successive halving stopped it after `epochs`
 */

/**
 * The search document (`kindling search --space`; docs/CONTRACTS.md section 3).
 * @typedef {{strategy?: string, trials: number, seed: number, grid_points?: number, baseline?: boolean,
 *   validation: {method: string, k?: number}, pruning?: {eta: number, rungs: number} | null,
 *   vary: Record<string, {choice: (number | string)[]} | {uniform: [number, number]} | {log_uniform: [number, number]}>}} SearchConfig
 */

/**
 * @typedef {{type: 'init', load: {name: string, bytes: Uint8Array} | {source: string}, experiment: Experiment | DeepReadonly<Experiment>, search: SearchConfig}
 *   | {type: 'trial', index: number, rung?: number}} SearchRequest
 */

/**
 * @typedef {{type: 'ready', plan: Settings[]}
 *   | {type: 'trial', result: TrialResult, done: boolean}
 *   | {type: 'error', message: string, index?: number, fatal: boolean}} SearchReply
 */

// ── The lab worker (www/lab-worker.js, on pkg-lab/; docs/CONTRACTS.md section 4) ──────────────

/**
 * @typedef {{type: 'open', id: number, load: LoadMessage, model: string | Uint8Array}
 *   | {type: 'compress', id: number} | {type: 'importance', id: number} | {type: 'evaluate', id: number}
 *   | {type: 'explain', id: number, record: Record<string, number | string | null>}} LabRequest
 * @typedef {{type: LabRequest['type'], id: number, result: any, ms: number}
 *   | {type: 'error', id: number, message: string, fatal: boolean}} LabReply
 * @typedef {{name: 'float32' | 'int8' | 'pruned', sparsity: number, int8: boolean, bytes: number, json: string,
 *   test: Evaluation, predict_ms: number}} CompressRow
 * @typedef {{metric: string, loss: number, rows: number, repeats: number, seed: number,
 *   inputs: {name: string, mean: number, sd: number}[]}} Importance
 * @typedef {{row: number, output: string, class: number, value: number, baseline_value: number, steps: number,
 *   shape: number[], names: string[], inputs: number[], attributions: number[],
 *   tokens: {feature: string, text: string, start: number, end: number, attribution: number, unknown: boolean, cut: boolean}[]}} Explanation
 */

export {};
