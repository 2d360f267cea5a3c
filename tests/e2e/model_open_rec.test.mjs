// Opening a recommender's model file (issue 19): the recommendation worker opens its weights. A
// file `kindling train` made for the built-in ratings reloads them, its Application's top N for a
// user is what `kindling predict --top` gives, "Evaluate on the loaded data" gives the file's test
// figures; a damaged file leaves the page as it was; a file of an uploaded CSV asks for that CSV
// (Application works at once) and evaluates once it is opened; training makes a new model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, hashExperiment, openNode, openPage, shot, shown, useServer, waitForState } from './helpers.mjs';
import { report, sweep } from './i18n_sweep.mjs';

const env = useServer();
const RATINGS = new URL('../../www/data/ratings.csv', import.meta.url).pathname;

/** The 推荐系统 scenario's experiment with `epochs` epochs (as the page makes it). */
async function scenarioExperiment(epochs) {
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.click('[data-testid=scenario-recommend]');
  await page.waitForFunction(() => document.querySelector('#dataset').value === 'ratings');
  await waitForState(page, 'ready');
  const e = hashExperiment(page);
  await page.close();
  return { ...e, fit: { ...e.fit, epochs } };
}

/**
 * `kindling train` of `experiment` in a new folder (with `--data NAME` copied there from the
 * built-in ratings when given): the model file's path and text.
 */
function cliModel(experiment, data = null) {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-recopen-'));
  writeFileSync(join(dir, 'e.json'), JSON.stringify(experiment));
  if (data) copyFileSync(RATINGS, join(dir, data));
  execFileSync(CLI, ['train', 'e.json', '--out', 'm.json', ...(data ? ['--data', data] : [])], { cwd: dir, stdio: 'ignore' });
  return { dir, path: join(dir, 'm.json'), text: readFileSync(join(dir, 'm.json'), 'utf8') };
}

/** `kindling predict MODEL DATA --top n --user USER`: `[item, score]` best first. */
function cliTop(model, data, user, n) {
  const out = execFileSync(CLI, ['predict', model, data, '--top', String(n), '--user', user], { encoding: 'utf8' });
  return out.trim().split('\n').slice(1).map((line) => {
    const cells = line.split(',');
    return [cells[2], Math.fround(Number(cells.at(-1)))];
  });
}

/** `kindling predict MODEL pairs.csv` for `user` with each of `items`: the scores as f32. */
function cliScores(model, user, items) {
  const pairs = join(model.dir, 'pairs.csv');
  writeFileSync(pairs, `user_id,item_id\n${items.map((i) => `${user},${i}`).join('\n')}\n`);
  const out = execFileSync(CLI, ['predict', model.path, pairs], { encoding: 'utf8' });
  return out.trim().split('\n').slice(1).map((line) => Math.fround(Number(line.split(',').at(-1))));
}

/** The Application panel's top `n` for `user`: `[item, score]` as f32, once drawn for that user. */
async function pageTop(page, user, n) {
  await openNode(page, 'apply');
  await page.waitForSelector('#rec-apply:not([hidden]) [data-testid=rec-top] li');
  await page.selectOption('#rec-pick-user', user);
  await page.fill('#rec-n', String(n));
  await page.dispatchEvent('#rec-n', 'change');
  await page.waitForFunction(([u, k]) => document.querySelector('#rec-pick-user').value === u
    && document.querySelectorAll('[data-testid=rec-top] li').length === k, [user, n]);
  await page.waitForFunction(() => document.querySelector('#rec-map').dataset.drawn === 'true');
  return page.$$eval('[data-testid=rec-top] li', (lis) => lis.map((li) => [li.dataset.item, Math.fround(Number(li.dataset.score))]));
}

/** Opens model file `text` as `name` in the Deployment panel. */
async function openModel(page, name, text) {
  await openNode(page, 'deploy');
  await page.setInputFiles('[data-testid=model-input]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** "Evaluate on the loaded data": the figures measured, checked against the file's. */
async function evaluateAgain(page, file) {
  await openNode(page, 'evaluate');
  await page.waitForSelector('[data-testid=from-file]:not([hidden])');
  assert.equal(Number(await page.textContent('[data-testid=metric-rmse]')), shown(file.metrics.test.rmse));
  // The file's errors beside its baselines, and its ranking.
  const t = file.metrics.test;
  await page.waitForSelector('#rec-eval:not([hidden])');
  const cells = (table, row) => page.$$eval(`[data-testid=${table}] tr[data-row=${row}] td`, (tds) => tds.slice(1).map((td) => Number(td.textContent)));
  assert.deepEqual(await cells('rec-errors', 'model'), [shown(t.rmse), shown(t.mae)]);
  assert.deepEqual(await cells('rec-errors', 'user_item_bias'), [shown(t.baselines.user_item_bias.rmse), shown(t.baselines.user_item_bias.mae)]);
  assert.deepEqual((await cells('rec-ranking', 'model')).at(-1), t.ranking.users);
  await page.click('[data-testid=file-evaluate]');
  const status = '[data-testid=file-evaluate-status]';
  await page.waitForSelector(`${status}[data-state=done], ${status}[data-state=error]`, { timeout: 60_000 });
  assert.equal(await page.getAttribute(status, 'data-state'), 'done', await page.textContent(status));
  const again = JSON.parse(await page.getAttribute(status, 'data-result'));
  for (const k of ['rmse', 'mae', 'loss']) assert.equal(Math.fround(again[k]), Math.fround(file.metrics.test[k]), k);
  assert.deepEqual(again.split, file.metrics.rows);
  assert.deepEqual(again.ranking, file.metrics.test.ranking);
  assert.match(await page.textContent(status), /same figures as the model file/);
}

test('a recommender file of the built-in ratings opens with its weights: top N as the CLI, evaluation as the file', async () => {
  const model = cliModel(await scenarioExperiment(12));
  const file = JSON.parse(model.text);

  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  const before = hashExperiment(page);
  // A hostile file (its item table one row short of its ids): refused by name, nothing changes.
  const bad = JSON.parse(model.text);
  const items = bad.weights.tensors[1];
  items.shape[0] -= 1;
  items.data.length -= items.shape[1];
  await openModel(page, 'bad-rec.json', JSON.stringify(bad));
  await page.waitForSelector('[data-testid=deploy-error]:not([hidden])');
  assert.match(await page.textContent('[data-testid=deploy-error]'),
    /bad-rec\.json: the weights do not fit 138 users and 130 items \(recommender\.users, recommender\.items\); weight tensor 1 has shape \[129, 8\], the model needs \[130, 8\]/);
  assert.equal(await page.inputValue('#dataset'), 'iris');
  assert.deepEqual(hashExperiment(page), before, 'a bad file changes nothing');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready');
  await shot(page, 'model-open-rec-bad');
  await page.evaluate(() => window.kindling.app.setLanguage('zh', false));
  await page.waitForFunction(() => !document.querySelector('#flow-diagram').textContent.includes('Data preprocessing'));
  assert.match(await page.textContent('[data-testid=deploy-error]'), /权重与 138 个用户、130 个物品/);
  assert.equal(report(await sweep(page, 'zh')), '');
  await page.evaluate(() => window.kindling.app.setLanguage('en', false));

  await openModel(page, 'rec.json', model.text);
  await page.waitForSelector('[data-testid=model-card][data-from=import] dl');
  await page.waitForFunction(() => document.querySelector('#dataset').value === 'ratings');
  await waitForState(page, 'ready');
  assert.deepEqual(hashExperiment(page), file.experiment);
  assert.equal(await page.isHidden('[data-testid=model-banner]'), true, 'a built-in\'s model needs nothing more');
  const card = await page.evaluate(() => window.kindling.app.model.card);
  assert.deepEqual([card.task, card.params, card.epochs, card.rows], ['recommendation', (138 + 130) * 9, 12, file.metrics.rows]);

  // Application: the opened weights rank what the user has not rated, as `kindling predict --top`.
  const top = await pageTop(page, 'U1077', 8);
  assert.deepEqual(top, cliTop(model.path, RATINGS, 'U1077', 8));
  const similar = await page.$$eval('[data-testid=rec-similar] li', (lis) => lis.map((li) => li.dataset.item));
  assert.equal(similar.length, 5);
  await shot(page, 'model-open-rec-apply');

  await evaluateAgain(page, file);
  assert.equal(await page.isVisible('[data-testid=from-file] >> text=Training starts a new model'), true);
  await shot(page, 'model-open-rec-evaluate');

  // Training makes a new model: the file's box goes, the run's model replaces the opened one.
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await openNode(page, 'deploy');
  await page.waitForSelector('[data-testid=model-card][data-from=session]');
  await openNode(page, 'evaluate');
  assert.equal(await page.isHidden('[data-testid=from-file]'), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a recommender file of an uploaded CSV: Application at once, evaluation once that CSV is opened', async () => {
  const model = cliModel(await scenarioExperiment(8), 'my_ratings.csv');
  const file = JSON.parse(model.text);
  assert.equal(file.experiment.data.source, 'file:my_ratings.csv');

  // A recommender built here first, then iris: the recommendation worker's last run is not the
  // page's when the file is opened (its answers about the file carry no run).
  const page = await openPage(env.browser, env.url);
  await waitForState(page, 'ready');
  await page.click('[data-testid=scenario-recommend]');
  await page.waitForFunction(() => document.querySelector('#dataset').value === 'ratings');
  await waitForState(page, 'ready');
  await page.selectOption('#dataset', 'iris');
  await waitForState(page, 'ready');
  await openModel(page, 'upload-rec.json', model.text);
  const banner = '[data-testid=model-banner]';
  await page.waitForSelector(`${banner}:not([hidden])`);
  assert.equal(await page.textContent(`${banner} span`),
    'This model was trained on my_ratings.csv. Open that CSV to evaluate it again or to train further; Application works now.');
  assert.equal(await waitForState(page, 'idle'), 'idle');
  // Without the data nothing is known rated: the top N is over every item; its scores are the
  // CLI's for the same pairs.
  const top = await pageTop(page, 'U1077', 5);
  assert.deepEqual(top.map(([, sc]) => sc), top.map(([, sc]) => sc).sort((x, y) => y - x), 'best first');
  assert.deepEqual(top.map(([, sc]) => sc), cliScores(model, 'U1077', top.map(([item]) => item)));
  await openNode(page, 'evaluate');
  assert.equal(await page.isDisabled('[data-testid=file-evaluate]'), true, 'nothing to evaluate on yet');
  await shot(page, 'model-open-rec-needs-csv');
  await page.evaluate(() => window.kindling.app.setLanguage('zh', false));
  await page.waitForFunction(() => !document.querySelector('#flow-diagram').textContent.includes('Data preprocessing'));
  assert.equal(report(await sweep(page, 'zh')), '');
  await page.evaluate(() => window.kindling.app.setLanguage('en', false));

  await openNode(page, 'preprocess');
  await page.setInputFiles('[data-testid=csv-input]', join(model.dir, 'my_ratings.csv'));
  await waitForState(page, 'ready');
  assert.equal(await page.isHidden(banner), true);
  await evaluateAgain(page, file);
  assert.deepEqual(await pageTop(page, 'U1077', 5), cliTop(model.path, join(model.dir, 'my_ratings.csv'), 'U1077', 5));
  assert.deepEqual(page.problems, []);
  await page.close();
});
