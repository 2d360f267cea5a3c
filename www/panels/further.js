// @ts-check
// "Take it further" in the Deployment panel: the model as ONNX, a PyTorch script + weights or a
// Keras script + weights (the files of `kindling export --to …`), made by the export package
// (pkg-export/, loaded on the first click) from the model file the page holds.
import { core, say } from '../i18n.js';
import { download, el, txt } from '../ui.js';
import { loadExport } from '../wasm.js';

/** @import {App} from '../app.js' */

/** The targets, in the order shown: `kindling export --to` name and catalog keys. */
const TARGETS = [
  { to: 'onnx', label: 'further.onnx', when: ['further.onnxWhen', 'further.onnxWhen2'] },
  { to: 'pytorch', label: 'further.pytorch', when: ['further.pytorchWhen', 'further.pytorchWhen2'] },
  { to: 'keras', label: 'further.keras', when: ['further.kerasWhen', 'further.kerasWhen2'] },
];

/**
 * The section; its buttons work while `app.model` holds a model file.
 * @param {App} app
 * @returns {HTMLElement}
 */
export function furtherBox(app) {
  const status = el('p', { className: 'note', role: 'status', dataset: { testid: 'export-status' } });
  const buttons = TARGETS.map(({ to, label }) => el('button', { disabled: true, dataset: { testid: `export-${to}` }, t: label }));
  /** @param {{json?: string} | null} model */
  const enable = (model) => { for (const b of buttons) b.disabled = !model?.json; };
  app.on('deployed', enable);
  enable(app.model); // the panel mounts on first open, maybe after the model was made
  TARGETS.forEach(({ to }, i) => buttons[i].addEventListener('click', () => run(to)));

  /** @param {string} to */
  async function run(to) {
    const json = app.model?.json;
    if (!json) return say(status, { key: 'further.needModel' });
    say(status, { key: 'further.working', params: { to } });
    status.dataset.state = 'working';
    try {
      const { exportModel } = await loadExport();
      /** @type {[string, Uint8Array<ArrayBuffer>][]} */
      const files = exportModel(new TextEncoder().encode(json), to);
      for (const [name, bytes] of files) download(name, bytes, 'application/octet-stream');
      say(status, { key: 'further.done', params: { files: files.map(([name]) => name).join(', ') } });
      status.dataset.state = 'done';
    } catch (e) {
      say(status, core(e instanceof Error ? e.message : String(e)));
      status.dataset.state = 'error';
    }
  }

  return el('section', { className: 'further', dataset: { testid: 'take-it-further' } },
    el('h3', { t: 'further.title' }),
    el('p', { className: 'note', t: 'further.intro' }),
    ...TARGETS.map(({ when }, i) => el('div', { className: 'further-target' },
      buttons[i], ...when.map((key) => el('p', { className: 'note' }, txt(key))))),
    status);
}
