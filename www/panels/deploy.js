// @ts-check
// Deployment panel (模型部署): the model card, "Download model", "Open model", "Copy link" and
// "Embed". Shows `app.model` (the store keeps it for the whole page) and opens model files
// into it.
import { shareLink } from '../share.js';
import { download, el, fmt } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {DeployedModel} from '../types.js' */

const MAX_MODEL_BYTES = 64 * 1024 * 1024;
/** @type {Record<string, string>} */
const METRIC_NAMES = { accuracy: 'accuracy', f1: 'macro F1', rmse: 'RMSE', mae: 'MAE', r2: 'R²', loss: 'loss' };

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const card = el('div', { dataset: { testid: 'model-card' } });
  const note = el('p', { className: 'note' }, 'Train a model (or open a model file) to see its card.');
  const error = el('p', { className: 'error', role: 'alert', hidden: true, dataset: { testid: 'deploy-error' } });
  const downloadButton = el('button', { disabled: true, dataset: { testid: 'download-model' } }, 'Download model');
  const open = el('input', { type: 'file', accept: '.json,application/json', dataset: { testid: 'model-input' } });
  const copy = el('button', { disabled: true, dataset: { testid: 'copy-link' } }, 'Copy link');
  const embed = el('button', { disabled: true, dataset: { testid: 'embed' } }, 'Embed');
  const link = el('input', { type: 'text', readOnly: true, hidden: true, dataset: { testid: 'share-link' }, ariaLabel: 'share link' });
  const linkNote = el('p', { className: 'note' });
  const snippet = el('textarea', { readOnly: true, rows: 6, hidden: true, dataset: { testid: 'embed-snippet' }, ariaLabel: 'embed snippet' });
  const options = embedOptions(() => showSnippet());
  options.box.hidden = true;
  root.replaceChildren(
    note, card, error,
    el('div', { className: 'buttons' }, downloadButton, el('label', { className: 'inline' }, 'Open model ', open), copy, embed),
    link, linkNote, options.box, snippet,
  );

  /** @param {string} message */
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

  /** @param {DeployedModel} model */
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
    const file = open.files?.[0];
    open.value = '';
    if (!file) return;
    if (file.size > MAX_MODEL_BYTES) return showError(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; model files are at most 64 MB`);
    // The file's bytes: the core decodes them (UTF-8, or UTF-16 as Windows editors save), as the CLI does.
    app.openModel(file.name, new Uint8Array(await file.arrayBuffer()), file.size);
  });

  async function link_() {
    const page = new URL('index.html', document.baseURI).href;
    return shareLink(page, app.experiment ?? {}, app.lastLoad);
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

/**
 * A labelled `<dl>` row list: `[[label, value], …]`.
 * @param {[string, string | number][]} rows
 */
const definitionList = (rows) => el('dl', { className: 'card' }, ...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, String(value))]));

/**
 * Checkboxes for the embed: hide the metrics or the settings, read-only.
 * @param {() => void} onChange
 */
function embedOptions(onChange) {
  const box = el('div', { className: 'buttons', dataset: { testid: 'embed-options' } });
  const boxes = [['hide-metrics', 'Hide metrics'], ['hide-settings', 'Hide settings'], ['readonly', 'Read-only']].map(([id, text]) => {
    const input = el('input', { type: 'checkbox', dataset: { option: id } });
    box.append(el('label', { className: 'inline' }, input, text));
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
