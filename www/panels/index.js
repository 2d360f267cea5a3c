// @ts-check
// The panel per flowchart node. Ours are imported statically; Optimization, Deployment and
// Application come from their own modules, imported on first open, and say plainly what is coming
// when their module is not there yet.
import * as preprocess from './preprocess.js';
import * as build from './build.js';
import * as train from './train.js';
import * as evaluate from './evaluate.js';
import * as decide from './decide.js';
import { RECOMMEND_PARTS } from './recommend.js';
import { el } from '../ui.js';

/** @import {App} from '../app.js' */
/** @import {NodeId} from '../types.js' */

/** @type {Partial<Record<NodeId, {mount: (body: HTMLElement, app: App) => void}>>} */
const LOCAL = { preprocess, build, train, evaluate, decide };

/** The lazily imported panels; what each says while missing is the catalog's `coming.ID`. @type {Partial<Record<NodeId, {file: string}>>} */
const LATER = { optimize: { file: './optimize.js' }, deploy: { file: './deploy.js' }, apply: { file: './apply.js' } };

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
    RECOMMEND_PARTS[id]?.(body, app);
    body.dataset.mounted = 'true';
    return;
  }
  const { file } = /** @type {{file: string}} */ (LATER[id]);
  try {
    const module = await import(file);
    await module.mount(body, app); // some mounts are async (they load the wasm first)
    RECOMMEND_PARTS[id]?.(body, app);
    body.dataset.mounted = 'true';
  } catch (err) {
    body.dataset.mounted = 'true';
    body.dataset.pending = 'true';
    body.replaceChildren(el('p', { className: 'coming', t: `coming.${id}` }),
      el('p', { className: 'note', t: ['coming.failed', { file: file.slice(2), error: String(/** @type {Error} */ (err)?.message ?? err) }] }));
  }
}
