// @ts-check
// What the training worker sends along with training for the page's teaching views (a `watch`
// message asks for it): after every `every`-th epoch, and after the last, a `snapshot` of the
// views at that epoch — weights, the decision grid, test predictions, each unit over the plane of
// two inputs, a test sample's layer outputs. The page keeps them to scrub through the run.

/** @import {WasmSession} from '../pkg/kindling.js' */
/** @import {SnapshotMessage, WatchMessage} from './types.js' */

export class Views {
  /** @type {WatchMessage | null} */
  watch = null;
  /** The epoch of the last snapshot sent (none: -1). */
  last = -1;

  /** @param {WatchMessage} msg what to send, from now on (replaces the last request) */
  set(msg) {
    this.watch = msg;
    this.last = -1;
  }

  /**
   * The snapshot for `epoch` when one is due (every `every`-th epoch, or `force`d for the last
   * one or on request), else null.
   * @param {WasmSession} session
   * @param {number} epoch epochs trained so far
   * @param {boolean} [force]
   * @returns {SnapshotMessage | null}
   */
  after(session, epoch, force = false) {
    const w = this.watch;
    if (!w || epoch === this.last || (!force && epoch % Math.max(1, w.every) !== 0)) return null;
    this.last = epoch;
    return {
      type: 'snapshot', epoch,
      weights: w.weights ? session.weights() : undefined,
      grid: w.grid ? session.decisionGrid(w.grid) : undefined,
      predictions: w.predictions ? session.testPredictions() : undefined,
      layers: w.layers ? session.layerGrid(w.layers) : undefined,
      activations: w.row !== undefined ? session.activations(w.row) : undefined,
    };
  }
}
