// The core's advice (src/advice/) is the same on the page and in the CLI: seven bad experiments go
// to `kindling train` (its `warning: CODE: MESSAGE (fix: …)` lines) and to the page (the advice in
// the model-build panel), and both give the same codes and sentences; "Apply" makes the fix. The
// diagnosis's suggestions apply their fix with one click and the next run trains with it; the fit
// settings (SGD momentum and Nesterov, early stopping, batch size, the seed) round-trip a share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLI, cliTrain, encodeExperiment, enter, hashExperiment, openNode, openPage, shot, useServer, waitForState, whenReady,
} from './helpers.mjs';

const env = useServer();

const dense = (units, activation) => ({ type: 'dense', units, activation });
const DIABETES = { source: 'builtin:diabetes', target: 'target' };
/** [the advice expected, the experiment] */
const BAD = [
  ['softmax_regression', { data: DIABETES, model: { layers: [dense(8, 'relu'), dense(1, 'softmax')] } }],
  ['softmax_mse', { model: { layers: [dense(8, 'relu'), dense(3, 'softmax')] }, compile: { loss: 'mse' } }],
  ['probability_loss', { data: DIABETES, model: { layers: [dense(1, 'linear')] }, compile: { loss: 'binary_crossentropy' } }],
  ['classifier_output', { model: { layers: [dense(8, 'relu'), dense(3, 'relu')] } }],
  ['sigmoid_multiclass', { model: { layers: [dense(3, 'sigmoid')] } }],
  ['last_dropout', { model: { layers: [dense(3, 'softmax'), { type: 'dropout', rate: 0.2 }] } }],
  ['recurrent_no_window', { data: DIABETES, model: { layers: [{ type: 'lstm', units: 4 }, dense(1, 'linear')] } }],
];

/** `kindling train`'s advice on `experiment`: `[{code, message, fix}]` from its `warning:` lines. */
function cliAdvice(experiment) {
  const path = join(mkdtempSync(join(tmpdir(), 'kindling-advice-')), 'experiment.json');
  writeFileSync(path, JSON.stringify(experiment));
  const run = spawnSync(CLI, ['train', path, '--epochs', '1'], { encoding: 'utf8' });
  return run.stderr.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => {
    const [, code, rest] = /^warning: (\w+): (.*)$/.exec(l) ?? [];
    const at = rest.lastIndexOf(' (fix: ');
    return { code, message: at < 0 ? rest : rest.slice(0, at), fix: at < 0 ? null : rest.slice(at + 7, -1) };
  });
}

/**
 * A page with `experiment`: its data opened from a link, then its model and compile settings made
 * as a user makes them, through the store (loading data fits the output layer to the target and
 * resets the loss, so a link alone would not keep a bad output layer).
 */
async function openBad(url, experiment) {
  const page = await openPage(env.browser, `${url}#experiment=${encodeExperiment({ data: experiment.data })}`);
  await whenReady(page);
  await page.evaluate((bad) => window.kindling.app.editExperiment((e) => {
    e.model = bad.model;
    e.compile = { ...e.compile, ...bad.compile };
  }), experiment);
  await waitForState(page, ['ready', 'error']);
  return page;
}

/** The page's advice: `[{code, message}]` from the model-build panel (English: '⚠ ' + the core's sentence). */
const pageAdvice = (page) => page.$$eval('#model-problems li.advice', (li) => li.map((e) => ({
  code: e.dataset.code, message: e.querySelector('span').textContent.replace(/^⚠ /, ''),
})));

test('the page and kindling train give the same advice on seven bad experiments; Apply makes the fix', async () => {
  for (const [code, experiment] of BAD) {
    const cli = cliAdvice(experiment);
    assert.deepEqual(cli.map((a) => a.code), [code], `kindling train on ${code}`);
    const page = await openBad(`${env.url}?lang=en`, experiment);
    await openNode(page, 'build');
    await page.waitForSelector('#model-problems li.advice');
    assert.deepEqual(await pageAdvice(page), cli.map(({ code: c, message }) => ({ code: c, message })), code);
    assert.equal(await page.locator(`[data-testid=apply-${code}]`).count(), 1, `${code} has a fix`);
    if (code === 'softmax_mse') {
      assert.equal(cli[0].fix, 'compile.loss = "categorical_crossentropy"');
      await shot(page, 'advice-inline');
      await page.click('[data-testid=apply-softmax_mse]');
      await whenReady(page);
      assert.equal(hashExperiment(page).compile.loss, 'categorical_crossentropy');
      assert.equal(await page.inputValue('#loss'), 'categorical_crossentropy', 'the loss control shows the fix');
      assert.deepEqual(await pageAdvice(page), [], 'followed, the advice goes');
    }
    if (code === 'recurrent_no_window') {
      // Advice comes even when the build fails; the build error (the core's shape rule) follows it.
      const items = await page.$$eval('#model-problems li', (li) => li.map((e) => e.textContent));
      assert.equal(items.length, 2, items.join('\n'));
      assert.match(items[1], /^⚠ model: Layer 1 \(lstm\) needs sequences/);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('中文: the advice is said from its code and figures, and Apply is 应用', async () => {
  const [, experiment] = BAD.find(([code]) => code === 'sigmoid_multiclass');
  const page = await openBad(`${env.url}?lang=zh`, experiment);
  await openNode(page, 'build');
  await page.waitForSelector('#model-problems li.advice');
  assert.equal(await page.textContent('#model-problems li.advice span'),
    '⚠ 层 1（dense，输出层）对 3 个类别用的是 sigmoid，它给每个类别单独打分；请用 softmax，让各类别共享一个概率分布。');
  assert.equal(await page.textContent('[data-testid=apply-sigmoid_multiclass]'), '应用');
  await shot(page, 'zh-advice');
  assert.deepEqual(page.problems, []);
  await page.close();
});

const DIVERGES = {
  data: { source: 'builtin:diabetes', target: 'target', task: 'regression', scale: 'none' },
  model: { layers: [{ type: 'dense', units: 1 }] },
  compile: { optimizer: { type: 'sgd', learning_rate: 10 } },
  fit: { epochs: 5, batch_size: 16 },
};

test('a diagnosis suggestion applies its fix with one click, and the next run trains with it', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment(DIVERGES)}&run=1`);
  assert.equal(await waitForState(page, ['error', 'done']), 'error');
  await openNode(page, 'decide');
  await page.waitForSelector('[data-testid=fix-change_optimizer]');
  // Each fixable suggestion has its button: lower the rate (10 → 1), scale the data, use adam.
  const actions = await page.$$eval('#diagnosis-suggestions button', (b) => b.map((e) => e.dataset.testid));
  assert.deepEqual(actions, ['fix-lower_learning_rate', 'fix-scale_data', 'fix-change_optimizer']);
  await shot(page, 'advice-diagnosis');
  await page.click('[data-testid=fix-change_optimizer]');
  await whenReady(page);
  const changed = hashExperiment(page);
  assert.deepEqual(changed.compile.optimizer, { type: 'adam', learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 });
  assert.equal(changed.data.scale, 'none', 'nothing else changed');
  await openNode(page, 'build');
  assert.equal(await page.inputValue('#optimizer'), 'adam', 'the optimizer control shows the fix');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  // The run used the fixed experiment: its history is the CLI's on the same experiment, bit for bit.
  const history = await page.evaluate(() => window.kindling.app.history.map((r) => r.loss));
  assert.deepEqual(history.map(Math.fround), cliTrain(changed).history.map((r) => Math.fround(r.loss)));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the fit settings write the experiment and come back from a share link', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en`);
  await whenReady(page);
  await openNode(page, 'preprocess');
  await enter(page, '#seed', '7'); // the initial weights' and shuffles' seed
  await whenReady(page);
  await openNode(page, 'build');
  assert.equal(await page.isVisible('#sgd-settings'), false, 'momentum is for SGD only');
  await page.selectOption('#optimizer', 'sgd');
  await whenReady(page);
  assert.equal(hashExperiment(page).compile.optimizer.momentum, 0.9, '"SGD (momentum)" trains with momentum');
  await enter(page, '#momentum', '0.8');
  await whenReady(page);
  await page.check('#nesterov');
  await whenReady(page);
  await openNode(page, 'train');
  await enter(page, '#batch-size', '16');
  await whenReady(page);
  await page.check('#early-stopping');
  await whenReady(page);
  await page.selectOption('#early-monitor', 'loss');
  await whenReady(page);
  await enter(page, '#early-patience', '4');
  await whenReady(page);
  await page.uncheck('#early-restore');
  await whenReady(page);
  const e = hashExperiment(page);
  assert.deepEqual(e.compile.optimizer, { type: 'sgd', learning_rate: 0.01, momentum: 0.8, nesterov: true });
  assert.deepEqual(e.fit, { epochs: e.fit.epochs, batch_size: 16, early_stopping: { monitor: 'loss', patience: 4, restore_best_weights: false } });
  assert.equal(e.seed, 7);
  await shot(page, 'fit-settings');

  const shared = await openPage(env.browser, page.url());
  await whenReady(shared);
  await openNode(shared, 'build');
  assert.equal(await shared.inputValue('#optimizer'), 'sgd');
  assert.equal(await shared.inputValue('#momentum'), '0.8');
  assert.equal(await shared.isChecked('#nesterov'), true);
  await openNode(shared, 'train');
  assert.equal(await shared.inputValue('#batch-size'), '16');
  assert.equal(await shared.isChecked('#early-stopping'), true);
  assert.equal(await shared.inputValue('#early-monitor'), 'loss');
  assert.equal(await shared.inputValue('#early-patience'), '4');
  assert.equal(await shared.isChecked('#early-restore'), false);
  assert.deepEqual(hashExperiment(shared), e);
  await openNode(shared, 'preprocess');
  assert.equal(await shared.inputValue('#seed'), '7');
  assert.deepEqual([...page.problems, ...shared.problems], []);
  await page.close();
  await shared.close();
});
