// @ts-check
// "Make it smaller" in the Deployment panel: the model the page holds as float32, int8 and pruned
// to 50/80/90% (made and measured by the lab worker, www/lab.js, on the test rows training used):
// file size raw and gzipped, the test metric and the prediction time, a plot of the metric
// against the gzipped size, and a download of the version the user picks.
import { say, t } from '../i18n.js';
import { lab, labTask } from '../lab.js';
import { download, el, fmt, txt } from '../ui.js';
import { drawTradeoff } from './tradeoff.js';

/** @import {App} from '../app.js' */
/** @import {CompressRow} from '../types_workers.js' */
/** @typedef {CompressRow & {gzip: number, id: string, metric: number}} Version */

/** The gzipped size of `text` (the browser's gzip, as a web server would send it). @param {string} text */
async function gzipBytes(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** A version's id: `float32`, `int8`, `pruned-80`. @param {CompressRow} r */
const idOf = (r) => (r.name === 'pruned' ? `pruned-${Math.round(r.sparsity * 100)}` : r.name);

/**
 * The section; its button works while `app.model` holds a model file.
 * @param {App} app
 * @returns {HTMLElement}
 */
export function compressBox(app) {
  const run = el('button', { disabled: true, dataset: { testid: 'compress-run' }, t: 'compress.run' });
  const status = el('p', { className: 'note', role: 'status', dataset: { testid: 'compress-status' } });
  const table = el('table', { className: 'preview compress-table', hidden: true, dataset: { testid: 'compress-table' } });
  const plot = el('canvas', { hidden: true, dataset: { testid: 'compress-plot' }, tAttr: { 'aria-label': 'compress.plotAria' } });
  const save = el('button', { disabled: true, dataset: { testid: 'compress-download' }, t: 'compress.download' });
  /** @type {Version[]} */
  let versions = [];
  let chosen = 'int8';

  /** @param {{json?: string} | null} model */
  const enable = (model) => {
    run.disabled = !model;
    versions = [];
    table.hidden = plot.hidden = true;
    save.disabled = true;
    say(status, null);
    delete status.dataset.state;
  };
  app.on('deployed', enable);
  enable(app.model);
  app.on('language', () => versions.length && draw());

  run.addEventListener('click', async () => {
    run.disabled = true;
    await labTask(status, 'compress.working', async () => {
      const rows = await lab(app, 'compress');
      const classify = rows[0].test.accuracy !== undefined;
      versions = await Promise.all(rows.map(async (r) => ({ ...r, id: idOf(r), gzip: await gzipBytes(r.json),
        metric: Number(classify ? r.test.accuracy : r.test.rmse) })));
      say(status, 'compress.done', { rows: rows[0].test.rows });
      show();
    });
    // Announced once the status says done: the guide's step waits for that (www/lessons.js).
    if (status.dataset.state === 'done') app.did('deploy');
    run.disabled = !app.model;
  });

  function show() {
    const f32 = versions[0];
    const classify = f32.test.accuracy !== undefined;
    const head = ['compress.version', 'compress.bytes', 'compress.gzip', 'compress.smaller',
      classify ? 'compress.accuracy' : 'compress.rmse', 'compress.ms', 'compress.choose'];
    table.replaceChildren(el('tr', {}, ...head.map((k) => el('th', { t: k }))), ...versions.map((v) => {
      const pick = el('input', { type: 'radio', name: 'compress-choice', value: v.id, checked: v.id === chosen,
        dataset: { testid: `compress-pick-${v.id}` }, tAttr: { 'aria-label': ['compress.pick', { version: { key: versionName(v)[0], params: versionName(v)[1] } }] } });
      pick.addEventListener('change', () => { chosen = v.id; save.disabled = false; draw(); });
      return el('tr', { dataset: { testid: 'compress-row', name: v.id, bytes: v.bytes, gzip: v.gzip, metric: v.metric, ms: v.predict_ms } },
        el('td', { t: versionName(v) }), el('td', {}, kb(v.bytes)), el('td', {}, kb(v.gzip)),
        el('td', {}, `${fmt(f32.gzip / v.gzip, { decimals: 1 })}×`),
        el('td', {}, classify ? `${fmt(100 * v.metric, { decimals: 1 })} %` : fmt(v.metric)),
        el('td', {}, fmt(v.predict_ms, { decimals: 2 })), el('td', {}, pick));
    }));
    table.hidden = plot.hidden = false;
    save.disabled = !versions.some((v) => v.id === chosen);
    draw();
  }

  function draw() {
    const classify = versions[0].test.accuracy !== undefined;
    drawTradeoff(plot, versions.map((v) => ({ label: t(...versionName(v)), x: v.gzip / 1024, y: classify ? 100 * v.metric : v.metric, chosen: v.id === chosen })),
      { x: t('compress.axisSize'), y: t(classify ? 'compress.axisAccuracy' : 'compress.axisRmse') });
  }

  save.addEventListener('click', () => {
    const v = versions.find((x) => x.id === chosen);
    if (v) download(`kindling-model-${v.id}.json`, v.json);
  });

  return el('section', { className: 'compress', dataset: { testid: 'compress' } },
    el('h3', { t: 'compress.title' }),
    el('p', { className: 'note', t: 'compress.intro' }),
    el('div', { className: 'buttons' }, run), status, table, plot,
    el('div', { className: 'buttons' }, save));
}

/** @param {Version} v @returns {[string, Record<string, number>]} */
const versionName = (v) => (v.name === 'pruned' ? ['compress.pruned', { pct: Math.round(v.sparsity * 100) }] : [`compress.${v.name}`, {}]);

/** @param {number} bytes */
const kb = (bytes) => txt('compress.kb', { kb: (bytes / 1024).toFixed(1) });
