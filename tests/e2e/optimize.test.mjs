// The Optimization panel in real Chromium: the diagnosis after a run, a 12-trial search in several
// search workers, stopped midway and resumed, a sortable table with sparklines, "Apply best"
// retraining the page's model, and a main thread that stays responsive throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, SCREENSHOTS, cliTrain, coreDiagnosis, encodeExperiment, fullSpeed, hashExperiment, metric, openNode, openPage, shown, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/** A number written by the core (an f32, in any form) as that f32. */
const asF32 = (text) => Math.fround(Number(text));
const rows = (page) => page.locator('[data-testid=trial-row]').count();
const searchState = (page) => page.getAttribute('[data-testid=search-status]', 'data-state');

/** Milliseconds until the main thread runs a frame (a frozen tab would take seconds). */
const frameDelay = (page) => page.evaluate(() => new Promise((resolve) => {
  const t0 = performance.now();
  requestAnimationFrame(() => resolve(performance.now() - t0));
}));

/** The search knobs (docs/CONTRACTS.md section 3) as an experiment has them. */
function knobsOf(experiment) {
  const layers = experiment.model.layers;
  const hidden = layers.slice(0, -1).filter((l) => l.type === 'dense');
  const dropouts = layers.filter((l) => l.type === 'dropout');
  assert.equal(new Set(hidden.map((l) => l.units)).size, 1, 'every hidden layer has the same units');
  assert.ok(dropouts.every((l) => l.rate === dropouts[0].rate), 'every dropout has the same rate');
  return {
    optimizer: experiment.compile.optimizer.type,
    learning_rate: experiment.compile.optimizer.learning_rate,
    layers: hidden.length,
    units: hidden[0].units,
    dropout: dropouts[0]?.rate ?? 0,
    batch_size: experiment.fit.batch_size,
  };
}

test('12-trial search in several workers: stop, resume, sort, apply best; the page stays responsive', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1400 } });
  // Four cores → three search workers, whatever this machine has.
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  const experiment = { data: { source: 'builtin:iris' }, fit: { epochs: 600, batch_size: 16 } }; // long enough trials that Stop lands midway on a busy machine
  await page.goto(fullSpeed(`${env.url}#experiment=${encodeExperiment(experiment)}`));
  await waitForState(page, 'ready');

  // A finished run gets a diagnosis with a yes/no recommendation and the sentence behind it, also
  // when the Optimization panel is first opened (and mounted) after the run: the core's diagnosis
  // of the same experiment trained by the CLI (bit for bit the page's run). Iris, 600 epochs of 16
  // rows: validation loss still low at the end, test accuracy 1 — "fine", no need to optimize.
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const run = cliTrain(hashExperiment(page));
  const expected = await coreDiagnosis(run.history, run.test);
  assert.equal(expected.verdict, 'fine');
  await openNode(page, 'optimize');
  const box = page.locator('[data-testid=optimize-diagnosis]');
  await page.waitForFunction(() => document.querySelector('[data-testid=optimize-diagnosis]')?.dataset.verdict);
  assert.equal(await box.getAttribute('data-verdict'), 'fine');
  assert.equal(await box.getAttribute('data-optimize'), 'false');
  assert.equal(await box.locator('strong').textContent(), 'Optimize? No — fine');
  assert.equal(await box.locator('p').textContent(), expected.message);
  // The Optimize? node reads the same core diagnosis: same verdict, "no" recommended.
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict === 'fine', null, { timeout: 5000 })
    .catch(async () => assert.fail(`Optimize? says ${await page.getAttribute('[data-testid=diagnosis]', 'data-verdict')}, the Optimization panel fine`));
  assert.equal(await page.locator('[data-testid=decide-no].primary').count(), 1);
  assert.equal(await page.locator('[data-testid=decide-yes].primary').count(), 0);

  await page.fill('input[name=trials]', '12');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=trial-row]').length >= 3, null, { timeout: 60_000 });
  assert.ok(await frameDelay(page) < 500, 'the main thread answers while trials run');
  await page.click('[data-testid=search-stop]');
  assert.equal(await searchState(page), 'stopped');
  const afterStop = await rows(page);
  assert.ok(afterStop >= 3 && afterStop < 13, `stopped midway with ${afterStop} of 13 runs`);
  await page.waitForTimeout(300);
  assert.equal(await rows(page), afterStop, 'nothing runs after stop');
  assert.equal(await page.isEnabled('[data-testid=search-resume]'), true);

  await page.click('[data-testid=search-resume]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 120_000 });
  assert.equal(await rows(page), 13, 'baseline + 12 trials');
  const progress = await page.$eval('[data-testid=search-progress]', (p) => [p.value, p.max]);
  assert.deepEqual(progress, [13, 13]);
  const workers = await page.$$eval('[data-testid=trial-row]', (trs) => new Set(trs.map((t) => t.dataset.worker)).size);
  assert.ok(workers >= 2, `trials ran in ${workers} workers`);
  const indices = await page.$$eval('[data-testid=trial-row]', (trs) => trs.map((t) => t.dataset.index).sort());
  assert.deepEqual(indices, ['0', '1', '10', '11', '2', '3', '4', '5', '6', '7', '8', '9', 'baseline']);
  // The baseline row is the run the diagnosis read: the same validation loss, to the bit (an f32:
  // the row writes it in its shortest form, the diagnosis widened to f64).
  assert.equal(asF32(await page.getAttribute('[data-testid=trial-row][data-index=baseline]', 'data-score')), asF32(await box.getAttribute('data-val-loss')));
  assert.equal(await page.textContent('th[data-key=score] span'), 'val loss (final weights)');

  // Sorted by validation loss (the default), the best trial is the first non-baseline row.
  const scores = await page.$$eval('[data-testid=trial-row] td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
  const numeric = scores.filter((s) => s !== 'failed').map(Number);
  assert.deepEqual(numeric, [...numeric].sort((a, b) => a - b), `rows sorted by val loss: ${scores}`);
  await page.click('th[data-key=score]');
  const descending = await page.$$eval('[data-testid=trial-row] td:nth-child(2)', (tds) => tds.map((td) => td.textContent).filter((s) => s !== 'failed').map(Number));
  assert.deepEqual(descending, [...numeric].reverse(), 'a second click sorts descending');
  // The best trial is the lowest validation loss (exact scores from data-score; the first on a
  // tie; the baseline never counts), and its row is the one marked best.
  const trials = await page.$$eval('[data-testid=trial-row]', (trs) => trs.filter((t) => t.dataset.index !== 'baseline' && t.dataset.score)
    .map((t) => ({ index: Number(t.dataset.index), score: Number(t.dataset.score), settings: JSON.parse(t.dataset.settings) })));
  const best = trials.reduce((b, t) => (t.score < b.score || (t.score === b.score && t.index < b.index) ? t : b));
  assert.equal(await page.locator('tr.best').count(), 1);
  assert.equal(await page.getAttribute('tr.best', 'data-index'), String(best.index));
  assert.match(await page.textContent('[data-testid=search-status]'), new RegExp(`Best: trial ${best.index + 1} \\(val loss `));
  const ink = await page.$eval('tr.best canvas', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(ink > 40, `the best row has a loss sparkline (${ink} pixels)`);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-search.png'), fullPage: true });

  // The same search run again without stopping gives the same trials and scores.
  const table = () => page.$$eval('[data-testid=trial-row]', (trs) => Object.fromEntries(trs.map((t) => [t.dataset.index, [...t.cells].slice(1, -1).map((c) => c.textContent).join(' ')])));
  const interrupted = await table();
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 120_000 });
  assert.deepEqual(await table(), interrupted, 'stop + resume changes nothing');

  // Apply best: the page's experiment takes the best trial's settings (each knob) and retrains;
  // the test metrics are the retrained model's, as the CLI gets them for that experiment.
  assert.deepEqual(Object.keys(best.settings).sort(), ['batch_size', 'dropout', 'layers', 'learning_rate', 'optimizer', 'units']);
  await page.click('[data-testid=search-apply]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  assert.equal(await searchState(page), 'applied');
  assert.match(await page.textContent('[data-testid=search-status]'), new RegExp(`Applied trial ${best.index + 1}'s settings`));
  const applied = await page.evaluate(() => window.kindling.app.experiment);
  // The core keeps rates as f32 and writes each in its shortest form: the applied experiment holds
  // the settings' nearest f32 (0.3, not 0.30000001192092896).
  const f32 = (/** @type {number} */ x) => {
    for (let digits = 1; ; digits++) {
      const short = Number(Math.fround(x).toPrecision(digits));
      if (Math.fround(short) === Math.fround(x)) return short;
    }
  };
  assert.deepEqual(knobsOf(applied), { ...best.settings, learning_rate: f32(best.settings.learning_rate), dropout: f32(best.settings.dropout) });
  assert.deepEqual(hashExperiment(page), applied, 'the link carries the applied experiment');
  const retrained = cliTrain(applied).test;
  assert.equal(await metric(page, 'accuracy'), shown(retrained.accuracy));
  assert.equal(await metric(page, 'loss'), shown(retrained.loss));
  // Before and after, side by side: the diagnosis of each run, as the core gives it.
  await page.waitForSelector('[data-testid=search-compare]');
  assert.equal(await page.getAttribute('[data-testid=compare-before]', 'data-verdict'), 'fine');
  const after = await coreDiagnosis(cliTrain(applied).history, retrained);
  assert.equal(await page.getAttribute('[data-testid=compare-after]', 'data-verdict'), after.verdict);
  assert.equal(await page.locator('[data-testid=compare-after] p').textContent(), after.message);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-applied.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('bad search settings show a message naming the setting; the page stays usable', async () => {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await openNode(page, 'optimize');
  await page.waitForSelector('[data-testid=search-start]');
  await page.fill('input[name=values-units]', '8, lots');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'error');
  const text = await page.textContent('[data-testid=search-status]');
  assert.match(text, /search\.vary\.units/);
  assert.match(text, /"lots"/);
  await page.locator('[data-testid=search-status]').screenshot({ path: join(SCREENSHOTS, 'optimize-error.png') });
  assert.equal(await page.isEnabled('[data-testid=search-start]'), true);
  await page.fill('input[name=values-units]', '8, 16');
  await page.fill('input[name=trials]', '2');
  await page.click('[data-testid=search-start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=search-status]').dataset.state === 'done', null, { timeout: 60_000 });
  assert.equal(await page.locator('[data-testid=trial-row]').count(), 3);
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-error-then-ok.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** Ticks exactly the knobs `names` in the search form. */
async function vary(page, names) {
  for (const box of await page.$$('input[name^=vary-]')) {
    const name = (await box.getAttribute('name')).slice('vary-'.length);
    if ((await box.isChecked()) !== names.includes(name)) await box.click();
  }
}

const searchDone = (page, timeout = 180_000) => page.waitForFunction(
  () => ['done', 'error'].includes(document.querySelector('[data-testid=search-status]').dataset.state), null, { timeout });

test('random search over 2 × 2 × 3 settings runs each once, and says so when the budget is larger', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment({ data: { source: 'builtin:iris' }, fit: { epochs: 3 } })}`);
  await waitForState(page, 'ready');
  await openNode(page, 'optimize');
  await page.waitForSelector('[data-testid=search-start]');
  await vary(page, ['optimizer', 'units', 'dropout']);
  await page.fill('input[name=values-optimizer]', 'adam, sgd');
  await page.fill('input[name=values-units]', '16, 64');
  await page.fill('input[name=values-dropout]', '0, 0.1, 0.3');
  for (const [budget, note] of [[12, ''], [20, 'The space holds only 12 different settings, fewer than the 20 trials asked for: each runs once.']]) {
    await page.fill('input[name=trials]', String(budget));
    await page.click('[data-testid=search-start]');
    await searchDone(page);
    assert.equal(await searchState(page), 'done');
    const settings = await page.$$eval('[data-testid=trial-row]:not([data-index=baseline])', (trs) => trs.map((t) => t.dataset.settings));
    assert.equal(settings.length, 12);
    assert.equal(new Set(settings).size, 12, `no setting twice: ${settings}`);
    assert.equal(await page.textContent('[data-testid=search-note]'), note);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('successive halving on diabetes: the trials of the CLI, fewer epochs, the saving said; before/after on apply', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 1700 } });
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 3 }));
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  const experiment = {
    data: { source: 'builtin:diabetes', split: { method: 'random', validation: 0.2, test: 0.2 } },
    model: { layers: [{ type: 'dense', units: 1 }] }, fit: { epochs: 60, batch_size: 32 },
  };
  await page.goto(fullSpeed(`${env.url}#experiment=${encodeExperiment(experiment)}`));
  await waitForState(page, 'ready');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await openNode(page, 'optimize');
  const box = page.locator('[data-testid=optimize-diagnosis]');
  await page.waitForFunction(() => document.querySelector('[data-testid=optimize-diagnosis]')?.dataset.verdict);
  const before = await box.getAttribute('data-verdict');
  await vary(page, ['optimizer', 'learning_rate', 'batch_size', 'l2']);
  await page.fill('input[name=values-optimizer]', 'adam, rmsprop, sgd');
  await page.fill('input[name=values-batch_size]', '8, 16, 32, 64');
  await page.fill('input[name=trials]', '12');
  await page.check('input[name=pruning]');
  await page.click('[data-testid=search-start]');
  await searchDone(page);
  assert.equal(await searchState(page), 'done', await page.textContent('[data-testid=search-status]'));
  const rows = await page.$$eval('[data-testid=trial-row]', (trs) => trs.map((t) => ({ ...t.dataset })));
  assert.equal(rows.length, 13);
  const baseline = rows.find((r) => r.index === 'baseline');
  assert.equal(asF32(baseline.score), asF32(await box.getAttribute('data-val-loss')), 'the baseline row is the diagnosed run');
  // 12 trials at 7 epochs, the best 4 on to 20, the best 2 on to 60: 10 pruned.
  const trials = rows.filter((r) => r.index !== 'baseline');
  assert.equal(trials.filter((r) => r.pruned === 'true').length, 10);
  const epochs = trials.reduce((n, r) => n + Number(r.epochs), 0);
  assert.equal(epochs, 8 * 7 + 2 * 20 + 2 * 60);
  assert.match(await page.textContent('[data-testid=search-status]'),
    new RegExp(`Successive halving stopped 10 of 12 trials early: ${epochs} epochs trained instead of 720 \\(${Math.round((100 * epochs) / 720)}%\\)`));
  const progress = await page.$eval('[data-testid=search-progress]', (p) => [p.value, p.max]);
  assert.deepEqual(progress, [13 + 4 + 2, 13 + 4 + 2]);

  // The CLI, given the page's experiment and search, runs the same trials to the same scores.
  const dir = mkdtempSync(join(tmpdir(), 'kindling-e2e-'));
  const applied = await page.evaluate(() => window.kindling.app.experiment);
  writeFileSync(join(dir, 'experiment.json'), JSON.stringify(applied));
  writeFileSync(join(dir, 'search.json'), JSON.stringify({
    trials: 12, seed: 0, pruning: { eta: 3, rungs: 3 },
    vary: { optimizer: { choice: ['adam', 'rmsprop', 'sgd'] }, learning_rate: { log_uniform: [0.0001, 0.1] },
      batch_size: { choice: [8, 16, 32, 64] }, l2: { log_uniform: [0.00001, 0.01] } },
  }));
  const cli = JSON.parse(execFileSync(CLI, ['search', join(dir, 'experiment.json'), '--space', join(dir, 'search.json')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  for (const t of cli.trials) {
    const row = trials.find((r) => Number(r.index) === t.index);
    assert.deepEqual([Math.fround(Number(row.score)), Number(row.epochs), row.pruned === 'true'], [Math.fround(t.score), t.epochs, t.pruned], `trial ${t.index}`);
  }
  assert.equal(Math.fround(Number(baseline.score)), Math.fround(cli.baseline.score));
  assert.equal(await page.getAttribute('tr.best', 'data-index'), String(cli.best));
  await page.screenshot({ path: join(SCREENSHOTS, 'optimize-pruned.png'), fullPage: true });

  await page.click('[data-testid=search-apply]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await page.waitForSelector('[data-testid=search-compare]');
  assert.equal(await page.getAttribute('[data-testid=compare-before]', 'data-verdict'), before);
  assert.equal(await page.getAttribute('[data-testid=compare-after]', 'data-verdict'), await box.getAttribute('data-verdict'));
  assert.equal(await page.locator('[data-testid=search-compare] canvas').count(), 2);
  await page.locator('[data-testid=search-compare]').screenshot({ path: join(SCREENSHOTS, 'optimize-compare.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});
