// Step mode: every lesson walks all eight nodes — through the diagnosis, one optimisation step,
// deployment and application — and a node is marked done only once its step really happened,
// while Next is held before and says what to do. The tour on the user's data; lesson 1 fits
// y = θ·x (no bias) by gradient descent, drawn as the line moving over the points with every step
// in the table, and lands on the least-squares θ; lesson 2 forecasts sunspots with an LSTM
// validated on 32 windows, optimised by a change tried by hand; lesson 3 shows the digits, trains
// a small CNN and ends on the drawing pad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeNode, canvasInk, cliTrain, coreDiagnosis, hashExperiment, metric, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';
import { stroke } from './teach.mjs';

const env = useServer();

const thetaRows = (page) => page.$$eval('#theta-table tr[data-step]', (rows) => rows.map((r) => ({
  step: Number(r.dataset.step), theta: Number(r.dataset.theta), loss: Number(r.dataset.loss) })));

/** The flowchart's nodes marked done, in order. */
const doneNodes = (page) => page.$$eval('#flow-steps [data-node]', (bs) => bs.filter((b) => b.classList.contains('done')).map((b) => b.dataset.node));
const ALL = ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply'];
const stepOf = (page) => page.textContent('[data-testid=guide-step]');

/** Next is held on this step and says what to do (`todo`); even the guide itself refuses to go on. */
async function held(page, todo) {
  const at = await stepOf(page);
  assert.equal(await page.isDisabled('[data-testid=guide-next]'), true, `${at}: Next is held`);
  assert.equal(await page.textContent('[data-testid=guide-todo]'), `To go on: ${todo}.`);
  await page.evaluate(() => window.kindling.guide.go(1));
  assert.equal(await stepOf(page), at, 'the guide stays on the step');
}

/** The step's action happened: Next is free and the to-do gone. */
async function released(page) {
  await page.waitForSelector('[data-testid=guide-next]:not([disabled])', { timeout: 120_000 });
  assert.equal(await page.isHidden('[data-testid=guide-todo]'), true);
}

const next = (page) => page.click('[data-testid=guide-next]');

/**
 * The four steps every lesson ends with, from the diagnosis on: answers Yes, does the lesson's
 * optimisation (`optimise(page)`), downloads the model, asks for a prediction (`apply(page)`), and
 * checks each node is marked only once its action happened.
 */
async function lastFour(page, { todoOptimize, optimise, todoApply, apply, compression = false }) {
  assert.equal(await activeNode(page), 'decide');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  assert.deepEqual(await doneNodes(page), ALL.slice(0, 4));
  await held(page, 'answer the question, Yes or No');
  await page.click('[data-testid=decide-yes]');
  await released(page);
  assert.deepEqual(await doneNodes(page), ALL.slice(0, 5));

  await next(page);
  assert.equal(await activeNode(page), 'optimize');
  await held(page, todoOptimize);
  await optimise(page);
  await released(page);
  assert.ok((await doneNodes(page)).includes('optimize'), 'Optimization is marked once it happened');
  assert.equal((await doneNodes(page)).includes('deploy'), false);

  await next(page);
  assert.equal(await activeNode(page), 'deploy');
  await page.waitForSelector('[data-testid=download-model].guide-target'); // once the panel has mounted
  await held(page, 'press Download model, Copy link or Embed');
  await page.waitForSelector('[data-testid=download-model]:not([disabled])');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-model]')]);
  assert.equal(file.suggestedFilename(), 'kindling-model.json');
  await released(page);
  assert.equal((await doneNodes(page)).includes('apply'), false);
  if (compression) {
    // Lesson 3 asks how much smaller the model can get: the step waits for the table.
    await next(page);
    assert.equal(await activeNode(page), 'deploy');
    await page.waitForSelector('[data-testid=compress-run].guide-target');
    await held(page, 'press Compare compressed versions and wait for the table');
    await page.click('[data-testid=compress-run]');
    await page.waitForSelector('[data-testid=compress-status][data-state=done]', { timeout: 120_000 });
    await released(page);
  }

  await next(page);
  assert.equal(await activeNode(page), 'apply');
  assert.equal(await page.textContent('[data-testid=guide-next]'), compression ? 'Next →' : 'Finish');
  await held(page, todoApply);
  await apply(page);
  await released(page);
  if (compression) {
    // …and which pixels made it say what it said: the step waits for the explanation.
    await next(page);
    assert.equal(await activeNode(page), 'apply');
    assert.equal(await page.textContent('[data-testid=guide-next]'), 'Finish');
    await held(page, 'press Explain this prediction');
    await page.click('[data-testid=why-run]');
    await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
    await released(page);
  }
  assert.deepEqual(await doneNodes(page), ALL, 'all eight nodes are done');
  await next(page);
  assert.ok(await page.locator('[data-testid=lesson-tour]').count(), 'Finish goes back to the lesson picker');
  assert.equal(await page.locator('.guide-target').count(), 0, 'Finish clears the highlight');
}

/** Starts the proposed search on the Optimization panel and waits until it is done. */
async function search(page, trials) {
  await page.waitForSelector('[data-testid=search-start]');
  assert.equal(await page.inputValue('input[name=trials]'), String(trials), 'the lesson proposes a small search');
  await page.click('[data-testid=search-start]');
  await page.waitForSelector('[data-testid=search-status][data-state=done]', { timeout: 180_000 });
}

/** Changes the first number of the Application form (a prediction as you type). */
async function changeForm(page) {
  const input = page.locator('[data-testid=apply-form] input').first();
  await input.fill(String(Number(await input.inputValue()) + 0.5));
  await page.waitForSelector('[data-testid=apply-result][data-values]');
}

test('the tour walks all eight nodes, each held until its action happened', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-tour]');
  assert.equal(await stepOf(page), 'Tour: the workflow on your data · step 1 of 8 · 数据预处理 Data preprocessing');
  assert.match(await page.textContent('[data-testid=guide-text]'), /iris \(150 rows, 5 columns\).*species/);
  await released(page); // the data is loaded and the model built: steps 1 and 2 are done
  await next(page);
  assert.equal(await activeNode(page), 'build');
  await next(page);
  assert.equal(await activeNode(page), 'train');
  assert.ok(await page.locator('[data-testid=train].guide-target').count(), 'Train is highlighted');
  await held(page, 'press Train and let it finish');
  assert.deepEqual(await doneNodes(page), ['preprocess', 'build']);
  await shot(page, 'guide-tour-held');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await released(page);
  await next(page);
  assert.equal(await activeNode(page), 'evaluate');
  await released(page);
  await next(page);
  await lastFour(page, {
    todoOptimize: 'press Start search and wait until it is done', optimise: (p) => search(p, 2),
    todoApply: 'change a value in the form', apply: changeForm,
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lesson 1: y = θ·x without a bias, the line moving step by step, θ lands on least squares through the origin', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-gd]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('gd_line.csv: 20 rows'));
  await whenReady(page);
  const exp = hashExperiment(page);
  assert.deepEqual(exp.model.layers, [{ type: 'dense', units: 1, activation: 'linear', use_bias: false }]);
  assert.equal(exp.compile.optimizer.type, 'gd');
  assert.match(await page.textContent('#model-summary'), /\b1 parameters?\b/);
  // The points and the line before any step (θ as initialised).
  const line = page.locator('[data-testid=gd-line]');
  await page.waitForFunction(() => document.querySelector('[data-testid=gd-line]')?.dataset.step === '0');
  const points = await canvasInk(page, '[data-testid=gd-line]', [0, 114, 178]);
  assert.ok(points.colour > 20 * 20, `the 20 points are drawn: ${points.colour} blue pixels`);
  await next(page);
  await next(page);
  assert.equal(await activeNode(page), 'train');
  assert.ok(await page.locator('[data-testid=step].guide-target').count(), 'Step is highlighted');
  await held(page, 'press Step once');
  for (let k = 1; k <= 3; k++) {
    await page.click('[data-testid=step]');
    await page.waitForFunction((n) => document.querySelectorAll('#theta-table tr[data-step]').length === n + 1, k);
  }
  await released(page);
  const rows = await thetaRows(page);
  assert.deepEqual(rows.map((r) => r.step), [0, 1, 2, 3]);
  for (let i = 1; i < rows.length; i++) {
    assert.ok(Math.abs(rows[i].theta - 3) < Math.abs(rows[i - 1].theta - 3), `step ${i} moves θ closer to 3: ${rows[i - 1].theta} → ${rows[i].theta}`);
    if (i > 1) assert.ok(rows[i].loss < rows[i - 1].loss, `loss falls at step ${i}`);
  }
  // The line is the table's last θ, and moves with it.
  await page.waitForFunction(() => document.querySelector('[data-testid=gd-line]').dataset.step === '3');
  assert.equal(Number(await line.getAttribute('data-theta')), rows[3].theta);
  assert.equal(await line.getAttribute('aria-label'), `the 20 points and the line ŷ = ${rows[3].theta.toFixed(3)}·x after step 3`);
  const orange = await canvasInk(page, '[data-testid=gd-line]', [213, 94, 0]);
  assert.ok(orange.colour > 200, `the fitted line is drawn: ${orange.colour} orange pixels`);
  await shot(page, 'guide-lesson-gd');
  // A click on a row shows that step's line.
  await page.click('#theta-table tr[data-step="1"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=gd-line]').dataset.step === '1');
  assert.equal(Number(await line.getAttribute('data-theta')), rows[1].theta);
  await next(page);
  assert.ok(await page.locator('[data-testid=train].guide-target').count(), 'Train is highlighted next');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.querySelector('#theta-table tr[data-step="40"]'));
  const all = await thetaRows(page);
  assert.deepEqual(all.map((r) => r.step), Array.from({ length: 41 }, (_, i) => i), 'every step in the table, 0 to 40');
  const box = await page.$eval('.theta-box', (b) => ({ scroll: b.scrollHeight, client: b.clientHeight, top: b.scrollTop }));
  assert.ok(box.scroll > box.client && box.top > 0, `the table scrolls, to its last step: ${JSON.stringify(box)}`);
  // Least squares through the origin on the 16 training points: θ* = Σxy / Σx². The test rows are
  // the points whose y the test predictions list.
  const { pts, test } = await page.evaluate(async () => ({
    pts: (await import('/www/lesson_line.js')).linePoints(),
    test: window.kindling.app.snapshots.at(-1).predictions.actual,
  }));
  const train = pts.filter(([, y]) => !test.some((t) => Math.abs(t - y) < 1e-4));
  assert.deepEqual([train.length, test.length], [16, 4]);
  const best = train.reduce((s, [x, y]) => s + x * y, 0) / train.reduce((s, [x]) => s + x * x, 0);
  const theta = all.at(-1).theta;
  assert.ok(Math.abs(theta - best) < 1e-4, `θ after 40 steps ${theta} = least squares ${best}`);
  assert.ok(await metric(page, 'rmse') < 0.1, 'test error is about the added noise');
  await next(page);
  assert.equal(await activeNode(page), 'evaluate');
  await released(page);
  await next(page);
  await lastFour(page, {
    todoOptimize: 'press Start search and wait until it is done', optimise: (p) => search(p, 4),
    todoApply: 'change a value in the form', apply: changeForm,
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lesson 2: the LSTM sunspot forecast, validated on 32 windows, improved by a change tried by hand', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-lstm]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sunspots: 309 rows'));
  const exp = hashExperiment(page);
  assert.deepEqual(exp.model.layers[0], { type: 'lstm', units: 32, return_sequences: false });
  assert.deepEqual(exp.data.window, { lookback: 30, horizon: 1 });
  assert.deepEqual(exp.data.split, { method: 'chronological', validation: 0.2, test: 0.2 });
  assert.ok(await page.isChecked('#window-on'));
  assert.ok(await page.locator('#window-on.guide-target').count(), 'the window switch is highlighted');
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  assert.deepEqual(await page.evaluate(() => window.kindling.app.summary.rows), [155, 32, 32], 'windows: train, validation, test');
  await next(page);
  await next(page);
  assert.match(await page.textContent('[data-testid=guide-text]'), /155 training windows, then 32 validation windows .* and 32 test windows/);
  await held(page, 'press Train and let it finish');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  await next(page);
  assert.equal(await activeNode(page), 'evaluate');
  const rmse = await metric(page, 'rmse');
  assert.ok(rmse > 0 && rmse < 60, `test RMSE in sunspot counts: ${rmse}`);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  const forecast = await canvasInk(page, '#eval-chart', [230, 159, 0]);
  assert.ok(forecast.colour > 100, 'the forecast is overlaid');
  await shot(page, 'guide-lesson-lstm');
  // The diagnosis reads the validation years: the native run's history (the same, bit for bit)
  // has a validation loss every epoch, and the page's verdict is the core's on it.
  const history = await page.evaluate(() => window.kindling.app.history);
  const run = cliTrain(hashExperiment(page));
  // (The CLI prints each single-precision value in its shortest form.)
  assert.deepEqual(history.map((r) => Math.fround(r.val_loss)), run.history.map((r) => Math.fround(r.val_loss)));
  assert.ok(history.every((r) => Number.isFinite(r.val_loss)), 'a validation loss every epoch');
  const expected = await coreDiagnosis(run.history, run.test);
  await next(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  assert.equal(await page.getAttribute('[data-testid=diagnosis]', 'data-verdict'), expected.verdict);
  const before = history.at(-1).val_loss;
  await lastFour(page, {
    todoOptimize: 'press Try it and wait for the run to finish',
    optimise: async (p) => {
      assert.equal(await p.textContent('[data-testid=lesson-tweak]'), 'Try it: an LSTM of 16 units');
      await p.click('[data-testid=lesson-tweak]');
      await p.waitForSelector('[data-testid=tweak-result][data-after]', { timeout: 180_000 });
      const after = await p.evaluate(() => window.kindling.app.history.at(-1).val_loss);
      const r = p.locator('[data-testid=tweak-result]');
      assert.deepEqual([Number(await r.getAttribute('data-before')), Number(await r.getAttribute('data-after'))], [before, after]);
      assert.equal(hashExperiment(p).model.layers[0].units, 16);
      assert.match(await r.textContent(), after <= before ? /with the change: the change is kept\.$/ : /worse — go back to the run before\.$/);
      assert.equal(await p.isVisible('[data-testid=lesson-keep]'), after > before);
    },
    todoApply: 'press Forecast',
    apply: async (p) => {
      await p.click('[data-testid=forecast-run]');
      await p.waitForFunction(() => document.querySelector('[data-testid=forecast-chart]')?.dataset.drawn === 'true');
    },
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lesson 3: the digits as images, a small CNN, accuracy on unseen digits, ending on the drawing pad', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-cnn]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('digits: 1797 rows'));
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  // The first digits of the table, drawn from their 64 pixel columns, each with its label.
  await page.waitForSelector('[data-testid=digit-images] canvas');
  const digits = await page.evaluate(() => {
    const app = window.kindling.app;
    const names = app.table.columns.map((c) => c.name);
    const label = names.indexOf('label');
    return [...document.querySelectorAll('[data-testid=digit-images] figure')].map((f, n) => {
      const canvas = f.querySelector('canvas');
      const d = canvas.getContext('2d');
      const ratio = canvas.width / 56;
      const grey = [];
      for (let i = 0; i < 64; i++) grey.push(d.getImageData(Math.round(((i % 8) * 7 + 3.5) * ratio), Math.round((Math.floor(i / 8) * 7 + 3.5) * ratio), 1, 1).data[0]);
      const row = app.preview[n];
      return { caption: f.textContent, label: row[label], grey, pixels: Array.from({ length: 64 }, (_, i) => Number(row[names.indexOf(`p${i}`)])) };
    });
  });
  assert.equal(digits.length, 8);
  for (const d of digits) {
    assert.equal(d.caption, d.label);
    assert.deepEqual(d.grey, d.pixels.map((v) => Math.round(255 * (1 - v / 16))), `digit ${d.label}: ink as its pixels`);
  }
  await shot(page, 'guide-lesson-cnn-digits');
  assert.deepEqual(hashExperiment(page).model.layers.map((l) => l.type), ['reshape', 'conv2d', 'max_pool2d', 'flatten', 'dense']);
  await next(page);
  assert.equal(await activeNode(page), 'build');
  const shapes = await page.$$eval('[data-testid^=layer-shape-]', (s) => s.map((e) => e.textContent));
  assert.deepEqual(shapes, ['→ [8×8×1] · 0 params', '→ [6×6×8] · 80 params', '→ [3×3×8] · 0 params',
    '→ [72] · 0 params', '→ [10] · 730 params']);
  assert.equal(await page.locator('#model-problems li').count(), 0, 'no problems flagged');
  await next(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  // The Training panel shows the learned filters and a digit's feature maps.
  assert.equal(await page.getAttribute('#inside', 'data-kind'), 'cnn');
  await next(page);
  assert.equal(await activeNode(page), 'evaluate');
  const accuracy = await metric(page, 'accuracy');
  assert.ok(accuracy >= 0.9, `test accuracy on unseen digits: ${accuracy}`);
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  await shot(page, 'guide-lesson-cnn');
  await next(page);
  await lastFour(page, {
    todoOptimize: 'press Start search and wait until it is done', optimise: (p) => search(p, 2),
    todoApply: 'draw a digit on the pad', compression: true,
    apply: async (p) => {
      await p.waitForSelector('[data-testid=draw-pad].guide-target'); // the pad is highlighted
      const box = await stroke(p);
      await p.waitForSelector('[data-testid=pad-result][data-label]');
      // The step is done as the drawing starts: the guide says so without moving the pad.
      assert.deepEqual(await p.locator('[data-testid=draw-pad]').boundingBox(), box, 'the pad stays under the pen');
    },
  });
  assert.deepEqual(page.problems, []);
  await page.close();
});
