// @ts-check
// The panel per flowchart node. Ours are imported statically; Optimization, Deployment and
// Application come from their own modules, imported on first open, and say plainly what is coming
// when their module is not there yet.
import * as preprocess from './preprocess.js';
import * as build from './build.js';
import * as train from './train.js';
import * as evaluate from './evaluate.js';
import * as decide from './decide.js';
import { el } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {NodeId} from '../types.js' */

/** @type {Partial<Record<NodeId, {mount: (body: HTMLElement, app: App) => void}>>} */
const LOCAL = { preprocess, build, train, evaluate, decide };

/** @type {Partial<Record<NodeId, {file: string, coming: string}>>} */
const LATER = {
  optimize: { file: './optimize.js', coming: 'Optimization is coming: hyper-parameter search over learning rate, units, dropout and epochs, with early stopping — run on this data in the background, compared side by side.' },
  deploy: { file: './deploy.js', coming: 'Deployment is coming: save the trained model as a file (weights, preprocessing and metrics), reload it later, and copy an embed snippet or share link.' },
  apply: { file: './apply.js', coming: 'Application is coming: load a saved model and predict on new rows you upload or type in, with the same preprocessing it was trained with.' },
};

const mounted = new Set();

/**
 * Mounts the panel for node `id` into `body` once (lazily for the three later panels); marks the
 * body `data-mounted` when its controls are there (page hook for scripts and tests).
 * @param {NodeId} id
 * @param {HTMLElement} body
 * @param {App} app
 */
export async function mountPanel(id, body, app) {
  if (mounted.has(id)) return;
  mounted.add(id);
  const local = LOCAL[id];
  if (local) {
    local.mount(body, app);
    body.dataset.mounted = 'true';
    return;
  }
  const { file, coming } = /** @type {{file: string, coming: string}} */ (LATER[id]);
  try {
    const module = await import(file);
    await module.mount(body, app); // some mounts are async (they load the wasm first)
    body.dataset.mounted = 'true';
  } catch (err) {
    body.dataset.mounted = 'true';
    body.dataset.pending = 'true';
    body.replaceChildren(el('p', { className: 'coming' }, coming),
      el('p', { className: 'note' }, `(${file.slice(2)} could not be loaded: ${/** @type {Error} */ (err)?.message ?? err})`));
  }
}
