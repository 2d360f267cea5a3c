// @ts-check
// Deployment panel (模型部署): the model card, "Download model", "Open model", "Copy link" and
// "Embed". Shows `app.model` (the store keeps it for the whole page) and opens model files
// into it.
import { core, htmlLang, say } from '../i18n.js';
import { copyText } from '../clipboard.js';
import { openModelFile } from '../model_open.js';
import { PRIVATE_DATA_CHARS, shareLink } from '../share.js';
import { download, el, fmt, txt } from '../ui.js';
import { compressBox } from './compress.js';
import { furtherBox } from './further.js';

/** @import {App} from '../app.js' */
/** @import {Msg} from '../i18n.js' */
/** @import {DeployedModel} from '../types.js' */

const MAX_MODEL_BYTES = 64 * 1024 * 1024;
/** The test metrics on the card, in this order (named by the catalog's `deploy.NAME`). */
const METRIC_NAMES = ['accuracy', 'f1', 'rmse', 'mae', 'r2', 'loss'];

/** `builtin:iris` / `file:x.csv` as words. @param {string} source @returns {Msg} */
const sourceText = (source) => {
  const [scheme, ...rest] = source.split(':');
  return scheme === 'builtin' || scheme === 'file' ? { key: `source.${scheme}`, params: { name: rest.join(':') } } : core(source);
};

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mount(root, app) {
  const card = el('div', { dataset: { testid: 'model-card' } });
  const note = el('p', { className: 'note', t: 'deploy.noModel' });
  const error = el('p', { className: 'error', role: 'alert', hidden: true, dataset: { testid: 'deploy-error' } });
  const downloadButton = el('button', { disabled: true, dataset: { testid: 'download-model' }, t: 'deploy.download' });
  const open = el('input', { type: 'file', accept: '.json,application/json', dataset: { testid: 'model-input' } });
  const copy = el('button', { disabled: true, dataset: { testid: 'copy-link' }, t: 'deploy.copy' });
  const embed = el('button', { disabled: true, dataset: { testid: 'embed' }, t: 'deploy.embed' });
  const link = el('input', { type: 'text', readOnly: true, hidden: true, dataset: { testid: 'share-link' }, tAttr: { 'aria-label': 'deploy.linkAria' } });
  const linkNote = el('p', { className: 'note' });
  const copied = el('span', { className: 'note', role: 'status', dataset: { testid: 'copy-status' } });
  const run = el('input', { type: 'checkbox', dataset: { testid: 'link-run' } });
  const privacy = privacyBox();
  const snippet = el('textarea', { readOnly: true, rows: 6, hidden: true, translate: false, dataset: { testid: 'embed-snippet' },
    tAttr: { 'aria-label': 'deploy.snippetAria' } });
  const options = embedOptions(() => showSnippet());
  options.box.hidden = true;
  root.replaceChildren(
    note, card, error,
    el('div', { className: 'buttons' }, downloadButton, el('label', { className: 'inline' }, txt('deploy.open'), ' ', open), copy, embed),
    el('div', { className: 'buttons' }, el('label', { className: 'inline' }, run, txt('deploy.runOption')), copied),
    privacy.box, link, linkNote, options.box, snippet, compressBox(app), furtherBox(app),
  );

  /** @param {Msg | null} message */
  const showError = (message) => { say(error, message); error.hidden = !message; };

  app.on('configured', () => { copy.disabled = embed.disabled = false; });
  app.on('model', (msg) => showError(msg.error === undefined ? null : core(msg.error)));
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
    const metrics = METRIC_NAMES.filter((k) => typeof c.test[k] === 'number')
      .flatMap((k, i) => [i ? ' · ' : '', txt('stat.item', { name: { key: `deploy.${k}` }, value: fmt(c.test[k]) })]);
    const [train, val, test] = c.rows;
    note.hidden = true;
    card.dataset.params = String(c.params);
    card.dataset.from = model.from;
    card.replaceChildren(definitionList([
      ['deploy.model', model.from === 'import' ? txt('deploy.openedFrom', { name: model.name }) : txt('deploy.trainedHere')],
      ['deploy.architecture', txt('deploy.inputs', { n: c.features.length, layers })],
      ['deploy.parameters', c.params],
      ['deploy.size', txt('deploy.kb', { kb: (model.bytes / 1024).toFixed(1) })],
      ['deploy.data', txt('deploy.dataLine', { source: sourceText(c.source), task: { key: `task.${c.task}` }, target: c.target,
        classes: c.classes?.join(', '), train, val, test })],
      ['deploy.metrics', metrics.length ? el('span', {}, ...metrics) : txt('deploy.noMetrics')],
      ['deploy.seed', c.seed],
      ['deploy.epochs', c.epochs],
    ]));
    downloadButton.disabled = !model.json;
  }

  downloadButton.addEventListener('click', () => {
    if (!app.model?.json) return;
    download('kindling-model.json', app.model.json);
    app.did('deploy');
  });
  open.addEventListener('change', async () => {
    const file = open.files?.[0];
    open.value = '';
    if (!file) return;
    if (file.size > MAX_MODEL_BYTES) return showError({ key: 'deploy.tooLarge', params: { name: file.name, mb: (file.size / 1e6).toFixed(0) } });
    // The file's bytes: the core decodes them (UTF-8, or UTF-16 as Windows editors save), as the CLI does.
    openModelFile(app, file.name, new Uint8Array(await file.arrayBuffer()));
  });

  /** @param {Parameters<typeof shareLink>[3]} [options] */
  async function link_(options) {
    const page = new URL('index.html', document.baseURI).href;
    return shareLink(page, app.experiment ?? {}, app.lastLoad, options);
  }
  /**
   * Builds the link and copies it; with more than ~10 KB of the user's data, asks first.
   * @param {boolean} [withData]
   * @returns {Promise<void>}
   */
  async function copyLink(withData = true, asked = false) {
    const made = await link_({ withData, run: run.checked });
    say(copied, null);
    if (made.dataChars > PRIVATE_DATA_CHARS && !asked) {
      link.hidden = true;
      say(linkNote, null);
      return privacy.ask(made.dataChars, () => copyLink(true, true), () => copyLink(false, true));
    }
    privacy.box.hidden = true;
    link.hidden = false;
    link.value = made.url;
    say(linkNote, made.note ?? { key: 'deploy.linkNote', params: { data: made.dataIncluded, n: made.url.length } });
    say(copied, (await copyText(made.url, link)) ? 'deploy.copied' : 'deploy.copyByHand');
    app.did('deploy');
  }
  copy.addEventListener('click', () => copyLink());
  run.addEventListener('change', () => { if (!link.hidden) copyLink(true, true); });
  async function showSnippet() {
    const { hash } = await link_();
    const base = new URL('.', document.baseURI).href;
    const extra = options.params();
    // The page's language, when one was chosen, goes with the demo (else it follows its reader's).
    const lang = app.language === 'both' ? '' : app.language;
    const frame = `<iframe src="${base}embed.html${lang ? `?lang=${lang}` : ''}#${hash}${extra}" width="640" height="460" style="border:0" title="Kindling demo" loading="lazy"></iframe>`;
    const params = new URLSearchParams(`${hash}${extra}`);
    const attrs = [...params].map(([k, v]) => ` ${k}="${v}"`).join('') + (lang ? ` lang="${htmlLang(lang)}"` : '');
    const element = `<script type="module" src="${base}www/embed/kindling-demo.js"></script>\n<kindling-demo${attrs}></kindling-demo>`;
    snippet.hidden = false;
    options.box.hidden = false;
    snippet.value = `${frame}\n\n<!-- or, as a custom element: -->\n${element}`;
    app.did('deploy');
  }
  embed.addEventListener('click', showSnippet);
  // Mounted when first opened: show what the page already has.
  copy.disabled = embed.disabled = !app.configured;
  if (app.model) showCard(app.model);
}

/**
 * A labelled `<dl>` row list: `[[label key, value], …]`.
 * @param {[string, Node | number][]} rows
 */
const definitionList = (rows) => el('dl', { className: 'card' }, ...rows.flatMap(([label, value]) => [el('dt', { t: label }), el('dd', {}, value)]));

/** The question asked before a link carries more than ~10 KB of the user's data. */
function privacyBox() {
  const text = el('p', { className: 'warning' });
  const withData = el('button', { type: 'button', dataset: { testid: 'copy-with-data' }, t: 'deploy.copyWithData' });
  const without = el('button', { type: 'button', className: 'primary', dataset: { testid: 'copy-without-data' }, t: 'deploy.copyWithoutData' });
  const box = el('div', { hidden: true, dataset: { testid: 'link-privacy' } }, text, el('div', { className: 'buttons' }, without, withData));
  /** @type {(() => void)[]} */
  let answers = [];
  withData.addEventListener('click', () => answers[0]?.());
  without.addEventListener('click', () => answers[1]?.());
  /** @param {number} chars @param {() => void} yes @param {() => void} no */
  const ask = (chars, yes, no) => {
    say(text, 'deploy.privateData', { kb: Math.round(chars / 1000) });
    answers = [yes, no];
    box.hidden = false;
    without.focus();
  };
  return { box, ask };
}

/**
 * Checkboxes for the embed: hide the metrics or the settings, read-only.
 * @param {() => void} onChange
 */
function embedOptions(onChange) {
  const box = el('div', { className: 'buttons', dataset: { testid: 'embed-options' } });
  const boxes = [['hide-metrics', 'deploy.hideMetrics'], ['hide-settings', 'deploy.hideSettings'], ['readonly', 'deploy.readonly']].map(([id, text]) => {
    const input = el('input', { type: 'checkbox', dataset: { option: id } });
    box.append(el('label', { className: 'inline' }, input, txt(text)));
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
