// Deployment panel (模型部署): the model card, "Download model", "Open model", "Copy link" and
// "Embed". Shows `app.model` (kept by www/model.js for the whole page) and opens model files
// into it.
import { el, download, definitionList, fmt } from './dom.js';
import { shareLink } from '../share.js';

const MAX_MODEL_BYTES = 64 * 1024 * 1024;
const METRIC_NAMES = { accuracy: 'accuracy', f1: 'macro F1', rmse: 'RMSE', mae: 'MAE', r2: 'R²', loss: 'loss' };

export function mount(root, app) {
  const card = el('div', { 'data-testid': 'model-card' });
  const note = el('p', { class: 'note' }, 'Train a model (or open a model file) to see its card.');
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'deploy-error', hidden: '' });
  const downloadButton = el('button', { 'data-testid': 'download-model', disabled: '' }, 'Download model');
  const open = el('input', { type: 'file', accept: '.json,application/json', 'data-testid': 'model-input' });
  const copy = el('button', { 'data-testid': 'copy-link', disabled: '' }, 'Copy link');
  const embed = el('button', { 'data-testid': 'embed', disabled: '' }, 'Embed');
  const link = el('input', { type: 'text', readonly: '', 'data-testid': 'share-link', 'aria-label': 'share link' });
  const linkNote = el('p', { class: 'note' });
  const snippet = el('textarea', { readonly: '', rows: '6', 'data-testid': 'embed-snippet', 'aria-label': 'embed snippet', hidden: '' });
  const options = embedOptions(() => showSnippet());
  root.replaceChildren(
    note, card, error,
    el('div', { class: 'buttons' }, ''), link, linkNote, options.box, snippet,
  );
  root.querySelector('.buttons').append(downloadButton, el('label', { class: 'inline' }, 'Open model '), copy, embed);
  root.querySelector('label.inline').append(open);
  link.hidden = true;
  options.box.hidden = true;

  const showError = (message) => { error.textContent = message; error.hidden = !message; };

  app.on('configured', () => { copy.disabled = embed.disabled = false; });
  app.on('model', (msg) => showError(msg.error ?? ''));
  app.on('deployed', (model) => (model ? showCard(model) : forget()));

  function forget() {
    card.replaceChildren();
    delete card.dataset.from;
    downloadButton.disabled = true;
    note.hidden = false;
  }

  function showCard(model) {
    const c = model.card;
    const layers = c.layers.map((l) => `${l.kind} → [${l.output_shape.join('×')}] (${l.params})`).join(', ');
    const metrics = Object.entries(METRIC_NAMES).filter(([k]) => typeof c.test[k] === 'number')
      .map(([k, label]) => `${label} ${fmt(c.test[k])}`).join(' · ');
    const [train, val, test] = c.rows;
    note.hidden = true;
    card.dataset.params = String(c.params);
    card.dataset.from = model.from;
    card.replaceChildren(definitionList([
      ['Model', model.from === 'import' ? `opened from ${model.name}` : 'trained in this tab'],
      ['Architecture', `${c.features.length} inputs → ${layers}`],
      ['Parameters', c.params],
      ['File size', `${(model.bytes / 1024).toFixed(1)} KB`],
      ['Data', `${c.source}: ${c.task}, predicts ${c.target}${c.classes ? ` (${c.classes.join(', ')})` : ''}; rows ${train} train / ${val} validation / ${test} test`],
      ['Test metrics', metrics || 'none (no test rows)'],
      ['Seed', c.seed],
      ['Epochs trained', c.epochs],
    ]));
    downloadButton.disabled = !model.json;
  }

  downloadButton.addEventListener('click', () => {
    if (app.model?.json) download('kindling-model.json', app.model.json);
  });
  open.addEventListener('change', async () => {
    const file = open.files[0];
    open.value = '';
    if (!file) return;
    if (file.size > MAX_MODEL_BYTES) return showError(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; model files are at most 64 MB`);
    app.pendingModelBytes = file.size;
    app.pendingModel = new Uint8Array(await file.arrayBuffer()); // decoded by the core, as in the CLI
    app.send({ type: 'import', name: file.name, model: app.pendingModel });
  });

  async function link_() {
    const page = new URL('index.html', document.baseURI).href;
    return shareLink(page, app.experiment, app.trainer.lastLoad);
  }
  copy.addEventListener('click', async () => {
    const { url, note: n, dataIncluded } = await link_();
    link.hidden = false;
    link.value = url;
    linkNote.textContent = n || `Link with the experiment${dataIncluded ? ' and the data' : ''}: ${url.length} characters.`;
    navigator.clipboard?.writeText(url).catch(() => {});
  });
  async function showSnippet() {
    const { hash } = await link_();
    const base = new URL('.', document.baseURI).href;
    const extra = options.params();
    const frame = `<iframe src="${base}embed.html#${hash}${extra}" width="640" height="460" style="border:0" title="Kindling demo" loading="lazy"></iframe>`;
    const params = new URLSearchParams(`${hash}${extra}`);
    const attrs = [...params].map(([k, v]) => ` ${k}="${v}"`).join('');
    const element = `<script type="module" src="${base}www/embed/kindling-demo.js"></script>\n<kindling-demo${attrs}></kindling-demo>`;
    snippet.hidden = false;
    options.box.hidden = false;
    snippet.value = `${frame}\n\n<!-- or, as a custom element: -->\n${element}`;
  }
  embed.addEventListener('click', showSnippet);
  // Mounted when first opened: show what the page already has.
  copy.disabled = embed.disabled = !app.configured;
  if (app.model) showCard(app.model);
}

/** Checkboxes for the embed: hide the metrics or the settings, read-only. */
function embedOptions(onChange) {
  const box = el('div', { class: 'buttons', 'data-testid': 'embed-options' });
  const boxes = [['hide-metrics', 'Hide metrics'], ['hide-settings', 'Hide settings'], ['readonly', 'Read-only']].map(([id, text]) => {
    const input = el('input', { type: 'checkbox', 'data-option': id });
    const label = el('label', { class: 'inline' }, text);
    label.prepend(input);
    box.append(label);
    input.addEventListener('change', onChange);
    return input;
  });
  const params = () => {
    const [metrics, settings, readonly] = boxes.map((b) => b.checked);
    const hide = [metrics && 'metrics', settings && 'settings'].filter(Boolean).join(',');
    return `${hide ? `&hide=${hide}` : ''}${readonly ? '&readonly=1' : ''}`;
  };
  return { box, params };
}
