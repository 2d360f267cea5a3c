// One benchmark engine = one worker; `run` sends a workload and resolves to its reply. A worker
// that panicked (fatal) is replaced so the next run starts from a fresh instance.
export class Engine {
  constructor(label, script) {
    this.label = label;
    this.script = new URL(script, import.meta.url);
    this.readyMs = null;
    this.nextId = 0;
    this.start();
  }

  start() {
    this.worker = new Worker(this.script, { type: 'module' });
  }

  /** Sends `message` (`{workload, epochs?}` or `{matmul: {n, reps}}`); resolves to `{report}` or
   *  `{error}`, never rejects. */
  run(message) {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const done = (reply) => {
        this.worker.removeEventListener('message', onMessage);
        this.worker.removeEventListener('error', onError);
        resolve(reply);
      };
      const onMessage = ({ data }) => {
        if (data.id !== id) return;
        this.readyMs ??= data.readyMs;
        if (data.fatal) { this.worker.terminate(); this.start(); }
        done(data.error ? { error: data.error } : { report: data.report });
      };
      const onError = (e) => {
        e.preventDefault();
        this.worker.terminate();
        this.start();
        done({ error: `${this.label} worker failed: ${e.message ?? 'could not load the worker script'}` });
      };
      this.worker.addEventListener('message', onMessage);
      this.worker.addEventListener('error', onError);
      this.worker.postMessage({ id, ...message });
    });
  }

  close() {
    this.worker.terminate();
  }
}
