// Text classification in the page (issue 14): the sentiment built-in in the dataset picker with its
// credit; the text column's token statistics as `kindling inspect` gives them; the kind control
// (categories ↔ text) and the text settings (data.text); the embedding's vocabulary size filled in
// from the data; the scenario in one click, trained, evaluated as the CLI evaluates it, with the
// test sentences the model got most wrong; the Application text box predicting as you type; and
// the sentiment lesson walking all eight nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, activeNode, cliTrain, enter, hashExperiment, metric, openNode, openPage, shot, shown, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();
const CSV = new URL('../../www/data/sentiment.csv', import.meta.url).pathname;
/** `kindling inspect` of the built-in: the summary the page's columns table shows. */
const inspect = () => JSON.parse(execFileSync(CLI, ['inspect', CSV], { encoding: 'utf8' }));
/** The token ids an embedding needs: the text's distinct tokens plus padding and unknown, at most max_tokens. */
const ids = (stats, maxTokens) => Math.min(maxTokens, stats.vocabulary + 2);

/** The fields of one CSV line (RFC 4180 quoting; the built-in has no line breaks in cells). @param {string} line */
function fields(line) {
  const out = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') out[out.length - 1] += line[++i];
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) out.push('');
    else out[out.length - 1] += ch;
  }
  return out;
}

/** Opens the page with the sentiment built-in chosen in the picker, configured. */
async function sentimentPage(lang = 'en') {
  const page = await openPage(env.browser, `${env.url}?lang=${lang}`);
  await whenReady(page);
  await page.selectOption('#dataset', 'sentiment');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sentiment: 3000 rows'));
  await whenReady(page);
  return page;
}

test('the sentiment built-in: credit, token statistics as inspect says, kind control, text settings', async () => {
  const text = inspect().columns.find((c) => c.name === 'text');
  assert.equal(text.kind, 'text');
  const page = await sentimentPage();
  assert.ok(await page.isVisible('[data-testid=data-credit]'));
  assert.match(await page.textContent('[data-testid=data-credit]'), /Kotzias, M\. Denil, N\. de Freitas and P\. Smyth.*CC BY 4\.0/);
  const row = page.locator('tr[data-column=text]');
  assert.equal(await row.locator('td').nth(0).textContent(), 'text');
  const details = await row.locator('td.extra').textContent();
  const s = text.text;
  assert.ok(details.includes(`tokens per cell (min / median / max) ${s.tokens_min} / ${s.tokens_median} / ${s.tokens_max}`), details);
  assert.ok(details.includes(`vocabulary ${s.vocabulary}`), details);
  assert.equal(await row.locator('[data-testid=top-tokens]').textContent(),
    s.top_tokens.slice(0, 5).map((v) => `${v.value} (${v.count})`).join(', '));

  // The settings the built-in opens with, and the embedding sized for its vocabulary.
  assert.ok(await page.isVisible('[data-testid=text-settings]'));
  assert.equal(await page.inputValue('#text-mode'), 'int');
  assert.equal(await page.inputValue('#text-max-tokens'), '5000');
  assert.equal(await page.inputValue('#text-min-count'), '1');
  assert.equal(await page.inputValue('#text-max-length'), '40');
  let e = hashExperiment(page);
  assert.deepEqual(e.data.text, { output_mode: 'int', max_tokens: 5000, min_count: 1, max_length: 40 });
  assert.deepEqual(e.data.features, ['text']);
  assert.equal(e.model.layers[0].input_dim, ids(s, 5000));
  await shot(page, 'text-preprocess');

  // A smaller vocabulary: the setting, and the embedding follows.
  await enter(page, '#text-max-tokens', 1000);
  await whenReady(page);
  e = hashExperiment(page);
  assert.equal(e.data.text.max_tokens, 1000);
  assert.equal(e.model.layers[0].input_dim, ids(s, 1000));
  await enter(page, '#text-max-length', 20);
  await whenReady(page);
  assert.deepEqual(await page.evaluate(() => window.kindling.app.summary.layers[0].output_shape), [20, 16]);

  // The kind control: the sentences read as categories (one-hot: no text settings, and the
  // embedding is refused by the core), then as text again.
  await page.click('[data-testid=kind-text]');
  assert.equal(await waitForState(page, ['ready', 'error']), 'error');
  assert.deepEqual(hashExperiment(page).data.column_kinds, { text: 'categorical' });
  assert.ok(await page.isHidden('[data-testid=text-settings]'));
  assert.match(await page.textContent('tr[data-column=text] th'), /read as categories/);
  await page.click('[data-testid=kind-text]');
  await whenReady(page);
  assert.equal(hashExperiment(page).data.column_kinds, undefined);
  assert.ok(await page.isVisible('[data-testid=text-settings]'));
  // A column of categories offers the other way.
  assert.equal(await page.textContent('[data-testid=kind-source]'), 'Read as text (sentences)');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the layer editor: an embedding goes first with the vocabulary size from the data', async () => {
  const s = inspect().columns.find((c) => c.name === 'text').text;
  const page = await sentimentPage();
  await openNode(page, 'build');
  assert.equal(await page.textContent('[data-testid=layer-shape-0]'), `→ [40×16] · ${ids(s, 5000) * 16} params`);
  assert.equal(await page.textContent('[data-testid=layer-shape-1]'), '→ [16] · 0 params');
  await shot(page, 'text-build');
  // Without an embedding (a bag of words needs none), then one added: first, sized from the data.
  await page.click('[data-testid=layer-0] button[aria-label="remove layer 1"]');
  await page.click('[data-testid=add-embedding]');
  const layers = hashExperiment(page).model.layers;
  assert.deepEqual(layers[0], { type: 'embedding', input_dim: ids(s, 5000), output_dim: 16, mask_zero: true });
  assert.deepEqual(layers.map((l) => l.type), ['embedding', 'global_average_pooling1d', 'dense']);
  await whenReady(page);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the scenario: trained and evaluated as the CLI does, the most wrong sentences, a text box that predicts as you type', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=scenario-sentiment]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sentiment: 3000 rows × 3 columns'));
  await whenReady(page);
  assert.equal(await page.getAttribute('[data-testid=scenario-blurb]', 'data-scenario'), 'sentiment');
  assert.match(await page.textContent('[data-testid=scenario-blurb]'), /support tickets/);
  const e = hashExperiment(page);
  assert.deepEqual(e.data.text, { output_mode: 'int', max_tokens: 5000, min_count: 1, max_length: 40 });
  assert.deepEqual(e.model.layers.map((l) => l.type), ['embedding', 'global_average_pooling1d', 'dense']);
  assert.deepEqual(await page.evaluate(() => window.kindling.app.summary.rows), [2100, 300, 600]);

  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done', await page.textContent('[data-testid=error]'));
  await openNode(page, 'evaluate');
  const cli = cliTrain(hashExperiment(page)).test;
  const accuracy = await metric(page, 'accuracy');
  assert.equal(accuracy, shown(cli.accuracy));
  assert.ok(accuracy >= 0.78, `test accuracy ${accuracy}`);

  // The most wrong: every wrong test sentence ranked by the probability of its true class.
  await page.waitForSelector('#most-wrong:not([hidden])');
  const wrong = Math.round((1 - cli.accuracy) * 600);
  assert.match(await page.textContent('#most-wrong .note'), new RegExp(`^${wrong} of 600 test sentences are wrong; the 10 below`));
  const rows = await page.$$eval('[data-testid=wrong-table] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 10);
  const sentences = new Set(readFileSync(CSV, 'utf8').split('\n').slice(1).map((l) => fields(l)[0].trim()));
  let last = -1;
  for (const [sentence, actual, predicted, p0, p1] of rows) {
    assert.ok(sentences.has(sentence), `a test sentence of the file: ${sentence}`);
    assert.notEqual(actual, predicted);
    const pTrue = Number(actual === '0' ? p0 : p1);
    assert.ok(pTrue < 0.5 && pTrue >= last, `${pTrue} after ${last}`);
    last = pTrue;
  }
  await shot(page, 'text-evaluate');

  // Application: the model takes raw sentences; the probabilities follow the typing.
  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=apply-text]');
  /** Types `sentence` and returns the probabilities answered for exactly it. */
  const type = async (sentence) => {
    await page.fill('[data-testid=apply-text]', sentence);
    await page.waitForFunction((v) => JSON.parse(document.querySelector('[data-testid=apply-result]').dataset.input ?? '{}').text === v, sentence);
    return JSON.parse(await page.getAttribute('[data-testid=apply-result]', 'data-values'));
  };
  const good = await type('Great food, I loved it and the staff were excellent.');
  assert.ok(good[1] > 0.5, JSON.stringify(good));
  const bad = await type('Terrible, the worst waste of money. Disappointed.');
  assert.ok(bad[0] > 0.5, JSON.stringify(bad));
  await page.fill('[data-testid=apply-text]', 'Great food, I loved it and the staff were excellent.');
  await page.waitForFunction(() => document.querySelector('[data-testid=apply-result]').textContent.startsWith('Predicted label: 1'));
  await shot(page, 'text-apply');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the sentiment lesson walks the eight nodes with the data’s own numbers', async () => {
  const s = inspect().columns.find((c) => c.name === 'text').text;
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.click('[data-testid=guide]');
  await page.click('[data-testid=lesson-sentiment]');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sentiment: 3000 rows'));
  await whenReady(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=guide-text]').textContent.includes('distinct'));
  assert.ok((await page.textContent('[data-testid=guide-text]')).includes(
    `Here a sentence has ${s.tokens_median} tokens in the middle, ${s.tokens_max} at most, ${s.vocabulary} distinct ones in all; the most frequent: ${s.top_tokens.slice(0, 5).map((v) => v.value).join(' ')}.`));
  const seen = [];
  for (let i = 0; i < 9; i++) {
    seen.push(await activeNode(page));
    if (i === 1) assert.match(await page.textContent('[data-testid=guide-text]'), /fitted on the 2100 training rows only/);
    if (i < 8) await page.evaluate(() => window.kindling.guide.go(1, true));
  }
  assert.deepEqual([...new Set(seen)], ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply']);
  assert.match(await page.textContent('[data-testid=guide-text]'), /type a review of your own/);
  await shot(page, 'text-lesson');
  assert.deepEqual(page.problems, []);
  await page.close();
});
