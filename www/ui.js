// Small DOM helpers. Text from data (column names, cells, messages) goes in with textContent only.

export const $ = (sel) => document.querySelector(sel);
export const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

const STATE_TEXT = {
  idle: 'Idle', loading: 'Loading data…', ready: 'Ready to train', training: 'Training…',
  paused: 'Paused', done: 'Done', error: 'Error',
};

export function setStatus(state, detail = '') {
  const el = byTestId('status');
  el.dataset.state = state;
  el.textContent = detail ? `${STATE_TEXT[state]} ${detail}` : STATE_TEXT[state];
  const training = state === 'training';
  byTestId('train').disabled = training || state === 'loading' || state === 'idle';
  byTestId('pause').disabled = !training;
  byTestId('stop').disabled = !(training || state === 'paused');
  byTestId('step').disabled = training || state === 'loading' || state === 'done' || state === 'idle';
}

export function showError(message) {
  const el = byTestId('error');
  el.textContent = message;
  el.hidden = !message;
}

/** Replaces the options of `select` with `values` (text only), selecting `selected`. */
export function fillSelect(select, values, selected) {
  select.replaceChildren(...values.map(([value, label]) => {
    const opt = document.createElement('option');
    opt.value = value;
    opt.textContent = label;
    opt.selected = value === selected;
    return opt;
  }));
}

const METRICS = [
  ['accuracy', 'Accuracy'], ['f1', 'Macro F1'], ['rmse', 'RMSE'], ['mae', 'MAE'], ['r2', 'R²'], ['loss', 'Loss'],
];

/** Shows test-set metrics, one `[data-testid=metric-NAME]` each, as plain numbers. */
export function showMetrics(evaluation) {
  const list = $('#metrics');
  const items = METRICS.filter(([key]) => typeof evaluation[key] === 'number').map(([key, label]) => {
    const item = document.createElement('div');
    item.className = 'metric';
    const name = document.createElement('dt');
    name.textContent = label;
    const value = document.createElement('dd');
    value.dataset.testid = `metric-${key}`;
    value.textContent = Number(evaluation[key].toFixed(4)).toString();
    item.append(name, value);
    return item;
  });
  list.replaceChildren(...items);
  $('#metrics-note').textContent = evaluation.rows
    ? `On ${evaluation.rows} held-out test rows the model never trained on.`
    : 'No test rows: set a test fraction above 0 to measure the model honestly.';
}

export function clearMetrics() {
  $('#metrics').replaceChildren();
  $('#metrics-note').textContent = 'Train the model to see how it does on held-out test rows.';
}
