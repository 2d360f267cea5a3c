// Recommendation (issue 15) in the page: the 推荐系统 scenario opens the restaurant ratings with a
// matrix-factorisation recommender in one click; it trains in its own worker (pkg-lab/) and the
// Evaluation panel sets its RMSE/MAE beside the three baselines and its ranking beside popularity,
// exactly as `kindling train` computes them; the Application panel lists a user's top items (the
// scores `kindling predict` gives the same pairs), an item's similar items and the items' map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, activeNode, canvasInk, cliTrain, encodeExperiment, enter, hashExperiment, metric, openNode, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

/** The cells of table `testid`'s row `row`, as numbers. */
const cells = (page, testid, row) => page.$$eval(`[data-testid=${testid}] tr[data-row=${row}] td`,
  (tds) => tds.slice(1).map((td) => Number(td.textContent)));

/** `kindling train` with `--out`, then `kindling predict` of `pairs` (user,item rows): the scores. */
function cliScores(experiment, pairs) {
  const dir = mkdtempSync(join(tmpdir(), 'kindling-rec-'));
  writeFileSync(join(dir, 'e.json'), JSON.stringify(experiment));
  execFileSync(CLI, ['train', join(dir, 'e.json'), '--out', join(dir, 'm.json')], { stdio: 'ignore' });
  writeFileSync(join(dir, 'pairs.csv'), `user_id,item_id\n${pairs.map(([u, i]) => `${u},${i}`).join('\n')}\n`);
  const out = execFileSync(CLI, ['predict', join(dir, 'm.json'), join(dir, 'pairs.csv')], { encoding: 'utf8' });
  return out.trim().split('\n').slice(1).map((line) => Number(line.split(',').at(-1)));
}

test('the recommendation scenario trains MF in its own worker; evaluation and top-N match the CLI', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=scenario-recommend]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('ratings: 1161 rows × 4 columns'));
  await whenReady(page);
  const e = hashExperiment(page);
  assert.equal(e.data.task, 'recommendation');
  assert.deepEqual(e.data.recommend, { user: 'user_id', item: 'item_id', title: 'item_title', implicit: false });
  assert.deepEqual(e.model, { recommender: { type: 'mf', factors: 8, l2: 0.003 }, layers: [] });
  assert.equal(await page.getAttribute('[data-testid=scenario-blurb]', 'data-scenario'), 'recommend');
  assert.match(await page.textContent('[data-testid=data-credit]'), /Vargas-Govea.*CC BY 4\.0/);
  assert.equal(await page.inputValue('#dataset'), 'ratings');
  const s = await page.evaluate(() => window.kindling.app.summary);
  assert.deepEqual([s.ids.users.length, s.ids.items.length], [138, 130]);
  assert.equal(s.rows.reduce((a, b) => a + b), 1161);
  // 8 factors and a bias per user and per item.
  assert.equal(s.params, (138 + 130) * 9);

  await openNode(page, 'build');
  assert.ok(await page.isVisible('#rec-build'));
  assert.ok(!(await page.isVisible('#layers')));
  assert.equal(await page.inputValue('#rec-type'), 'mf');
  assert.match(await page.textContent('#rec-summary'), new RegExp(`^138 users × 130 items, 2412 parameters. Ratings: ${s.rows[0]} train`));
  await shot(page, 'recommend-build');

  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done', await page.textContent('[data-testid=error]'));
  assert.equal(await page.evaluate(() => window.kindling.app.history.length), 30);

  await openNode(page, 'evaluate');
  await page.waitForSelector('#rec-eval:not([hidden])');
  // Permutation importance shuffles one input column of a table model; a recommender has none to offer.
  assert.equal(await page.isVisible('[data-testid=importance]'), false, 'no "Which inputs matter?" for a recommender');
  const cli = cliTrain(hashExperiment(page));
  // The same seed trains the same f32 numbers in wasm and natively (one core; the CLI prints them widened).
  assert.deepEqual(await page.evaluate(() => window.kindling.app.history.map((h) => Math.fround(h.loss))), cli.history.map((h) => Math.fround(h.loss)));
  const t = cli.test;
  assert.equal(await metric(page, 'rmse'), shown(t.rmse));
  assert.deepEqual(await cells(page, 'rec-errors', 'model'), [shown(t.rmse), shown(t.mae)]);
  for (const b of ['global_mean', 'item_mean', 'user_item_bias']) {
    assert.deepEqual(await cells(page, 'rec-errors', b), [shown(t.baselines[b].rmse), shown(t.baselines[b].mae)], b);
  }
  const keys = ['precision_at_5', 'recall_at_5', 'ndcg_at_5', 'precision_at_10', 'recall_at_10', 'ndcg_at_10'];
  for (const [row, r] of [['model', t.ranking], ['popularity', t.popularity]]) {
    assert.deepEqual(await cells(page, 'rec-ranking', row), [...keys.map((k) => shown(r[k])), r.users], row);
  }
  const beats = t.rmse < t.baselines.user_item_bias.rmse;
  assert.equal(await page.getAttribute('[data-testid=rec-verdict]', 'data-beats'), String(beats));
  assert.match(await page.textContent('[data-testid=rec-verdict]'), beats ? /beats the user \+ item bias/ : /does not beat the user \+ item bias.*little to learn/);
  const ranks = t.ranking.ndcg_at_10 > t.popularity.ndcg_at_10;
  assert.equal(await page.getAttribute('[data-testid=rec-rank-verdict]', 'data-beats'), String(ranks));
  assert.ok(!(await page.isVisible('#eval-chart')), 'no predicted-vs-actual chart for a recommender');
  await shot(page, 'recommend-evaluate');

  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=rec-top] li');
  await page.selectOption('#rec-pick-user', 'U1077');
  await page.waitForFunction(() => document.querySelector('#rec-pick-user').value === 'U1077'
    && document.querySelectorAll('[data-testid=rec-top] li').length === 10);
  await page.waitForFunction(() => document.querySelector('#rec-map').dataset.drawn === 'true');
  const top = await page.$$eval('[data-testid=rec-top] li', (lis) => lis.map((li) => [li.dataset.item, Number(li.dataset.score)]));
  const scores = top.map(([, sc]) => sc);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
  const expected = cliScores(hashExperiment(page), top.map(([item]) => ['U1077', item]));
  assert.deepEqual(scores.map((x) => x.toFixed(5)), expected.map((x) => x.toFixed(5)));
  const similar = await page.$$eval('[data-testid=rec-similar] li', (lis) => lis.map((li) => li.dataset.item));
  assert.equal(similar.length, 5);
  assert.ok(!similar.includes(await page.inputValue('#rec-pick-item')), 'an item is not its own neighbour');
  const ink = await canvasInk(page, '#rec-map', [217, 72, 15]);
  assert.ok(ink.colour > 50, `the picked item and its neighbours are marked (${ink.colour} px)`);
  assert.equal(JSON.parse(await page.getAttribute('#rec-map', 'data-labels')).component_1, 'first component', 'drawn by the chart package');
  await shot(page, 'recommend-apply');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a ratings file whose rating column is not numeric says which line and column', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=scenario-recommend]');
  await whenReady(page);
  const csv = 'user_id,item_id,rating,item_title\nu1,i1,2,A\nu1,i2,x,B\nu2,i1,1,A\nu2,i2,0,B\n';
  await page.setInputFiles('[data-testid=csv-input]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // The status stays 'ready' (the built-in ratings) until the file has been read (~50-90 ms after
  // the choice), so waiting for 'ready' or 'error' could see the old table: wait for the verdict on
  // this file, which is an error naming the cell, on a summary of this file.
  assert.equal(await waitForState(page, 'error', 20_000), 'error');
  assert.match(await page.textContent('#data-summary'), /^bad\.csv: 4 rows/);
  assert.match(await page.textContent('[data-testid=error]'), /line 3: column "rating": "x" is not a number/);
  await page.close();
});

test('implicit feedback (any interaction = 1) trains end to end, as the CLI does', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=scenario-recommend]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('ratings: 1161 rows'));
  await whenReady(page);
  await openNode(page, 'build');
  await page.check('#rec-implicit');
  await whenReady(page);
  await openNode(page, 'train');
  await enter(page, '#epochs', 5);
  await whenReady(page);
  const e = hashExperiment(page);
  assert.equal(e.data.recommend.implicit, true);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done', await page.textContent('[data-testid=error]'));
  await openNode(page, 'evaluate');
  await page.waitForSelector('#rec-eval:not([hidden])');
  const cli = cliTrain(e);
  assert.deepEqual(await page.evaluate(() => window.kindling.app.history.map((h) => Math.fround(h.loss))), cli.history.map((h) => Math.fround(h.loss)));
  assert.equal(await metric(page, 'rmse'), shown(cli.test.rmse));
  assert.deepEqual(await cells(page, 'rec-errors', 'global_mean'), [shown(cli.test.baselines.global_mean.rmse), shown(cli.test.baselines.global_mean.mae)]);
  // The 0/1 ratings' relevance threshold, as the core derived it.
  assert.equal(await page.evaluate(() => window.kindling.app.evaluation.relevant), cli.test.relevant);

  // The neural variant: [user embedding, item embedding] (8 + 8) → dense 16 relu → dense 1.
  await openNode(page, 'build');
  await page.selectOption('#rec-type', 'neural');
  await whenReady(page);
  assert.deepEqual(hashExperiment(page).model.layers, [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }]);
  assert.equal(await page.evaluate(() => window.kindling.app.summary.params), (138 + 130) * 8 + (16 * 16 + 16) + (16 + 1));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('lesson 5 walks all eight nodes with the recommender; its model file is one the CLI reads', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  const released = () => page.waitForSelector('[data-testid=guide-next]:not([disabled])', { timeout: 180_000 });
  const next = () => page.click('[data-testid=guide-next]');
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-recommend]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('ratings: 1161 rows'));
  await whenReady(page);
  assert.match(await page.textContent('[data-testid=guide-text]'), /Each row is one rating/);
  for (const node of ['build', 'train']) {
    await released();
    await next();
    assert.equal(await activeNode(page), node);
  }
  const rows = await page.evaluate(() => window.kindling.app.summary.rows);
  assert.match(await page.textContent('[data-testid=guide-text]'), new RegExp(`${rows[0]} training ratings, ${rows[1]} for validation, ${rows[2]} held out`));
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await released();
  await next();
  assert.equal(await activeNode(page), 'evaluate');
  await page.waitForSelector('#rec-eval:not([hidden])');
  await released();
  await next();
  assert.equal(await activeNode(page), 'decide');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  await page.click('[data-testid=decide-yes]');
  await released();
  await next();
  assert.equal(await activeNode(page), 'optimize');
  await page.click('[data-testid=lesson-tweak]');
  await page.waitForSelector('[data-testid=tweak-result][data-after]', { timeout: 180_000 });
  assert.equal(hashExperiment(page).model.recommender.factors, 4);
  await released();
  await next();
  assert.equal(await activeNode(page), 'deploy');
  await page.waitForSelector('[data-testid=model-card][data-from=session]');
  await page.waitForSelector('[data-testid=download-model]:not([disabled])');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-model]')]);
  const file = join(mkdtempSync(join(tmpdir(), 'kindling-rec-')), 'model.json');
  await download.saveAs(file);
  await released();
  await next();
  assert.equal(await activeNode(page), 'apply');
  await page.waitForSelector('[data-testid=rec-top] li');
  const users = await page.$$eval('#rec-pick-user option', (os) => os.map((o) => o.value));
  await page.selectOption('#rec-pick-user', users[3]);
  await page.waitForFunction((u) => document.querySelector('[data-testid=rec-top] li') && document.querySelector('#rec-pick-user').value === u, users[3]);
  await released();
  const done = await page.$$eval('#flow-steps [data-node]', (bs) => bs.filter((b) => b.classList.contains('done')).map((b) => b.dataset.node));
  assert.deepEqual(done, ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply']);
  // The downloaded file scores the page's top item for that user as the page does.
  const [item, score] = await page.$eval('[data-testid=rec-top] li', (li) => [li.dataset.item, Number(li.dataset.score)]);
  const pairs = join(mkdtempSync(join(tmpdir(), 'kindling-rec-')), 'pairs.csv');
  writeFileSync(pairs, `user_id,item_id\n${users[3]},${item}\n`);
  const out = execFileSync(CLI, ['predict', file, pairs], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(Number(out[1].split(',').at(-1)).toFixed(5), score.toFixed(5));
  await shot(page, 'recommend-lesson-apply');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a share link to a recommender with &run=1 trains it at once', async () => {
  const experiment = {
    data: { source: 'builtin:ratings', task: 'recommendation', target: 'rating', recommend: { user: 'user_id', item: 'item_id' } },
    model: { recommender: { type: 'mf', factors: 4 }, layers: [] }, fit: { epochs: 3 },
  };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('[data-testid=error]'));
  assert.equal(await page.evaluate(() => window.kindling.app.history.length), 3);
  assert.equal(await page.evaluate(() => window.kindling.app.summary.params), (138 + 130) * 5);
  assert.deepEqual(page.problems, []);
  await page.close();
});
