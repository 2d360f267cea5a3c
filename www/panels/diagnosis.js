// A first diagnosis from the loss curves, kept as one pure function so the core's diagnosis
// (src/optimize/diagnosis.rs, through the worker) can replace it with the same result shape:
// {verdict: 'none'|'diverged'|'overfitting'|'underfitting'|'fine', reason, suggestions[]}.

const pct = (x) => `${(x * 100).toFixed(0)}%`;
const num = (x) => Number(x.toPrecision(3)).toString();

/** Diagnoses `history` (epoch records `{epoch, loss, val_loss}`). */
export function diagnose(history) {
  if (!history.length) return { verdict: 'none', reason: 'Train the model first: the diagnosis reads its loss curves.', suggestions: [] };
  const first = history[0].loss;
  const last = history[history.length - 1].loss;
  const n = history.length;
  if (!history.every((r) => Number.isFinite(r.loss)) || last > first * 1.5) {
    return { verdict: 'diverged', reason: `The training loss rose from ${num(first)} to ${num(last)} over ${n} epochs instead of falling.`,
      suggestions: ['Lower the learning rate by 10×.', 'Scale the features (standard or minmax).', 'Use Adam instead of plain SGD/GD.'] };
  }
  const val = history.filter((r) => Number.isFinite(r.val_loss));
  if (val.length >= 5) {
    const best = val.reduce((b, r) => (r.val_loss < b.val_loss ? r : b));
    const lastVal = val[val.length - 1].val_loss;
    if (lastVal > best.val_loss * 1.2 && best.epoch < n * 0.8 && last < first) {
      return { verdict: 'overfitting',
        reason: `Validation loss was lowest at epoch ${best.epoch} (${num(best.val_loss)}) and rose ${pct(lastVal / best.val_loss - 1)} to ${num(lastVal)} by epoch ${n}, while training loss kept falling to ${num(last)}.`,
        suggestions: [`Stop near epoch ${best.epoch} (early stopping with patience ~10).`, 'Add a dropout layer (rate 0.2–0.5).', 'Use fewer units, or get more training rows.'] };
    }
  }
  const tail = history[Math.max(0, Math.floor(n * 0.9) - 1)].loss;
  const drop = 1 - last / first;
  // Still falling fast at the end while well above where it started: more training would pay.
  if (drop < 0.3 || (n >= 10 && last < tail * 0.9 && last > first * 0.2)) {
    const why = drop < 0.3
      ? `The training loss fell only ${pct(drop)} (${num(first)} → ${num(last)}) in ${n} epochs.`
      : `The training loss was still falling at the end: ${pct(1 - last / tail)} over the last ${n - Math.max(0, Math.floor(n * 0.9) - 1)} epochs (now ${num(last)}).`;
    return { verdict: 'underfitting', reason: why,
      suggestions: ['Train for more epochs.', 'Add units or a hidden layer.', 'Raise the learning rate a little (e.g. 2×).'] };
  }
  const gap = val.length ? ` Validation loss ends at ${num(val[val.length - 1].val_loss)}.` : '';
  return { verdict: 'fine', reason: `The training loss fell ${pct(drop)} (${num(first)} → ${num(last)}) and levelled off.${gap}`,
    suggestions: ['Deploy it, or try a small search to see if a different size does better.'] };
}
