// @ts-check
// The Training panel's views of the run, drawn from the worker's snapshots (www/watch.js): live
// while it trains, and after it at any epoch chosen on the scrubber — the decision boundary (a
// classifier on two features), the test predictions, and the network from the inside
// (www/inside/). The loss chart follows the scrubber too (www/panels/train.js).
import { drawBoundary, drawConfusion, drawPredictions } from '../chart.js';
import { convInfo, drawCnn } from '../inside/cnn.js';
import { denseWeights, drawNet, netShape } from '../inside/net.js';
import { say, sayAttr } from '../i18n.js';
import { el, fmt } from '../ui.js';
import { isSeries } from './evaluate.js';

/** @import {App} from '../app.js' */
/** @import {SnapshotMessage, TestPredictions} from '../types.js' */

/**
 * `confusion[actual][predicted]` counted from test predictions (class indices).
 * @param {TestPredictions} p
 */
export function confusionOf(p) {
  const n = p.classes?.length ?? 0;
  const m = Array.from({ length: n }, () => new Array(n).fill(0));
  p.actual.forEach((a, i) => { m[a][p.predicted[i]] += 1; });
  return m;
}

/**
 * The snapshot the views show: the last one at or before `epoch` (null: the latest).
 * @param {readonly SnapshotMessage[]} snapshots
 * @param {number | null} epoch
 */
export const snapshotAt = (snapshots, epoch) => (epoch === null ? snapshots.at(-1) : snapshots.findLast((s) => s.epoch <= epoch));

/**
 * @param {HTMLElement} root
 * @param {App} app
 */
export function mountWatching(root, app) {
  const scrub = el('input', { type: 'range', id: 'epoch-scrub', min: 0, max: 0, value: 0, step: 1, disabled: true,
    dataset: { testid: 'epoch-scrub' }, tAttr: { 'aria-label': 'watch.scrub' } });
  const scrubLabel = el('output', { id: 'scrub-label', htmlFor: 'epoch-scrub' });
  const boundary = el('canvas', { id: 'train-boundary', role: 'img', hidden: true });
  const predictions = el('canvas', { id: 'train-predictions', role: 'img', hidden: true });
  const netCanvas = el('canvas', { id: 'net-chart', className: 'net', role: 'img', hidden: true });
  const netNote = el('p', { className: 'note', id: 'net-note' });
  const cnn = {
    image: el('canvas', { id: 'cnn-image', className: 'net' }), filters: el('canvas', { id: 'cnn-filters', className: 'net' }),
    maps: el('canvas', { id: 'cnn-maps', className: 'net' }), pooled: el('canvas', { id: 'cnn-pooled', className: 'net' }),
  };
  const captions = { image: el('p', { id: 'cnn-digit' }), filters: el('p'), maps: el('p'), pooled: el('p') };
  const cnnBox = el('div', { className: 'cnn', hidden: true, dataset: { testid: 'cnn-view' } },
    ...(/** @type {const} */ (['image', 'filters', 'maps', 'pooled'])).map((k) => el('figure', {}, cnn[k], captions[k])));
  const inside = el('details', { className: 'inside', open: true, id: 'inside', dataset: { testid: 'inside' } },
    el('summary', { t: 'inside.title' }), netNote, netCanvas, cnnBox);
  const views = el('div', { className: 'views', id: 'train-views' }, boundary, predictions);
  root.append(el('div', { className: 'scrub' }, scrub, scrubLabel), views, inside);

  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; render(); });
  };

  function render() {
    const shots = app.snapshots;
    const s = snapshotAt(shots, app.viewing);
    const epochs = app.experiment?.fit?.epochs ?? 0;
    // The scrubber: one stop per snapshot; usable once training stops.
    scrub.max = String(Math.max(0, shots.length - 1));
    scrub.value = String(s ? shots.indexOf(s) : 0);
    scrub.disabled = app.status === 'training' || shots.length < 2;
    root.dataset.epoch = s ? String(s.epoch) : '';
    say(scrubLabel, s ? (app.viewing === null ? 'watch.latest' : 'watch.at') : null, { epoch: s?.epoch, epochs });
    if (!s || app.node !== 'train') return;
    drawViews(s);
    drawInside(s);
  }

  /** @param {SnapshotMessage} s */
  function drawViews(s) {
    boundary.hidden = !s.grid;
    if (s.grid) {
      sayAttr(boundary, 'aria-label', 'watch.boundary', { epoch: s.epoch });
      drawBoundary(boundary, s.grid);
    }
    const p = s.predictions;
    predictions.hidden = !p || (p.task === 'classification' && Boolean(s.grid));
    if (!p || predictions.hidden) return;
    sayAttr(predictions, 'aria-label', 'watch.predictions', { epoch: s.epoch });
    if (p.task === 'classification') drawConfusion(predictions, confusionOf(p), p.classes);
    else drawPredictions(predictions, p, isSeries(app.experiment));
  }

  /** @param {SnapshotMessage} s */
  function drawInside(s) {
    const summary = app.summary;
    const experiment = app.experiment;
    if (!summary || !experiment) return;
    const sizes = netShape(summary, experiment);
    const conv = convInfo(summary, experiment);
    netCanvas.hidden = !(sizes && s.weights);
    cnnBox.hidden = !(conv && s.weights && s.activations);
    inside.dataset.kind = !netCanvas.hidden ? 'net' : !cnnBox.hidden ? 'cnn' : 'none';
    if (sizes && s.weights) {
      const grid = s.layers ?? null;
      const inputs = summary.features.length === sizes[0] ? summary.features : sizes.slice(0, sizes[0]).map((_, i) => `x${i + 1}`);
      const outputs = summary.classes ?? [summary.target];
      const [min, max] = drawNet(netCanvas, { sizes, inputs, outputs, dense: denseWeights(experiment, s.weights), grid, gridSize: grid ? 16 : undefined });
      Object.assign(netCanvas.dataset, { sizes: sizes.join(','), epoch: String(s.epoch), min: String(min), max: String(max), tiles: String(Boolean(grid)) });
      sayAttr(netCanvas, 'aria-label', 'inside.netAria', { sizes: sizes.join(' → '), min: fmt(min, { digits: 3 }), max: fmt(max, { digits: 3 }), epoch: s.epoch });
      say(netNote, grid ? 'inside.tiles' : 'inside.dots', { x: inputs[0], y: inputs[1] });
    } else if (conv && s.weights && s.activations) {
      drawCnn(cnn, conv, s.weights, s.activations);
      const probs = s.activations.at(-1) ?? [];
      const best = probs.indexOf(Math.max(...probs));
      const names = summary.classes ?? [];
      const actual = s.predictions?.actual[0];
      cnnBox.dataset.epoch = String(s.epoch);
      cnnBox.dataset.predicted = names[best] ?? String(best);
      say(captions.image, 'inside.digit', { actual: actual === undefined ? '—' : names[actual] ?? actual, predicted: names[best] ?? best, p: `${Math.round(100 * probs[best])}%` });
      say(captions.filters, 'inside.filters', { n: conv.maps[2], k: conv.k });
      say(captions.maps, 'inside.maps', { h: conv.maps[0], w: conv.maps[1] });
      say(captions.pooled, conv.pooled ? 'inside.pooled' : null, { h: conv.pooled?.[0], w: conv.pooled?.[1] });
      say(netNote, 'inside.legend');
    } else {
      say(netNote, 'inside.none');
    }
  }

  scrub.addEventListener('input', () => {
    const s = app.snapshots[Number(scrub.value)];
    if (s) app.scrub(s.epoch);
  });
  app.on('snapshot', later);
  app.on('scrub', later);
  app.on('experiment', () => { say(netNote, null); netCanvas.hidden = true; cnnBox.hidden = true; boundary.hidden = true; predictions.hidden = true; later(); });
  app.on('state', ({ state }) => { if (state === 'training' && app.viewing !== null) app.scrub(null); later(); });
  app.on('navigate', (id) => id === 'train' && later());
  app.on('language', later);
}
