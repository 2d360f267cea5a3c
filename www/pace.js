// @ts-check
// Slow motion for the training worker: at `speed` epochs per second it lets batches through at
// an even rate (a batch is due every 1 / (speed · batches per epoch) s, counted from when training
// (re)started), and between them rests on a timer, so the worker still answers pause / stop /
// set. Without a speed (null, the worker's default) every slice trains as fast as it can.

export class Pace {
  /** Epochs per second, or null for as fast as possible. @type {number | null} */
  speed = null;
  /** Which run of the training loop is current (a loop that sees another number stops). */
  run = 0;
  #t0 = 0;
  #taken = 0;
  #perEpoch = 1;

  /**
   * Starts counting from now (training starts or resumes, or the speed changes); returns the
   * run's number.
   * @param {number} batchesPerEpoch
   */
  start(batchesPerEpoch) {
    this.#t0 = performance.now();
    this.#taken = 0;
    this.#perEpoch = Math.max(1, batchesPerEpoch);
    return ++this.run;
  }

  /** @param {number | null} speed epochs per second (> 0), or null / 0 for as fast as possible */
  set(speed) {
    this.speed = speed && speed > 0 ? speed : null;
    this.#t0 = performance.now();
    this.#taken = 0;
  }

  /** How many batches are due now (4, a slice's step, when not paced). */
  due() {
    if (!this.speed) return 4;
    const allowed = Math.floor(((performance.now() - this.#t0) / 1000) * this.speed * this.#perEpoch) + 1;
    return Math.max(0, Math.min(4, allowed - this.#taken));
  }

  /** Takes the batches to train in the next step: all that are due unpaced, else one. */
  take() {
    if (!this.speed) return 4;
    this.#taken += 1;
    return 1;
  }

  /**
   * Waits before the next slice: `yieldToMessages()` when batches are due, else until the next
   * one is (at most 100 ms at a time, so a speed change takes effect soon).
   * @param {() => Promise<void>} yieldToMessages
   */
  rest(yieldToMessages) {
    if (!this.speed || this.due() > 0) return yieldToMessages();
    const next = this.#t0 + (this.#taken * 1000) / (this.speed * this.#perEpoch);
    const ms = Math.min(100, Math.max(1, next - performance.now()));
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
