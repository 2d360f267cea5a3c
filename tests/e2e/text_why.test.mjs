// "Why this answer?" for a text model (issue 16): the sentiment embedding trained briefly in the
// page, a typed sentence explained by the lab worker and shown as the user's own sentence with each
// word coloured by its attribution; the words are the core's (`kindling explain` on the model file
// the page downloads, the sentence as row 0 of the data), the strongest positive word included; then
// the same box in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, SCREENSHOTS, encodeExperiment, openNode, openPage, useServer, waitForState } from './helpers.mjs';
import { sweep } from './i18n_sweep.mjs';

const env = useServer();
const CSV = new URL('../../www/data/sentiment.csv', import.meta.url).pathname;

const SENTIMENT = {
  seed: 3,
  data: { source: 'builtin:sentiment', target: 'label', features: ['text'], task: 'classification',
    split: { method: 'stratified', validation: 0.1, test: 0.2 },
    text: { output_mode: 'int', max_tokens: 2000, min_count: 1, max_length: 40 } },
  model: { layers: [{ type: 'embedding', input_dim: 2000, output_dim: 16, mask_zero: true },
    { type: 'global_average_pooling1d' }, { type: 'dense', units: 2, activation: 'softmax' }] },
  compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
  fit: { epochs: 8, batch_size: 32 },
};
// Untrusted text: markup stays text; "zzqx" is no word of the data (out of the vocabulary).
const SENTENCE = 'Great phone, <b>I love</b> it… but zzqx 😀';

test('a typed sentence explained word by word, as the core explains it; then in Chinese', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(SENTIMENT)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done');
  await openNode(page, 'deploy');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-model]')]);
  const model = readFileSync(await download.path(), 'utf8');

  await openNode(page, 'apply');
  await page.fill('[data-testid=apply-text]', SENTENCE);
  await page.waitForFunction((v) => JSON.parse(document.querySelector('[data-testid=apply-result]').dataset.input ?? '{}').text === v, SENTENCE);
  await page.click('[data-testid=why-run]');
  await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
  assert.ok(await page.isVisible('[data-testid=why-words]'));
  assert.ok(await page.isHidden('[data-testid=why-chart]'), 'words instead of bars');
  assert.equal(await page.getAttribute('[data-testid=why] > p.note', 'data-i18n'), 'why.introText', 'the intro speaks of words and the empty sentence');

  // The core's answer for the same model file and sentence.
  const dir = mkdtempSync(join(tmpdir(), 'kindling-why-'));
  writeFileSync(join(dir, 'model.json'), model);
  // `explain` also measures importance, which needs labelled rows: the sentence goes first (row 0).
  const [head, ...rows] = readFileSync(CSV, 'utf8').split('\n');
  writeFileSync(join(dir, 'one.csv'), [head, `"${SENTENCE}",1,typed`, ...rows].join('\n'));
  const core = JSON.parse(execFileSync(CLI, ['explain', join(dir, 'model.json'), join(dir, 'one.csv'), '--row', '0'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).explanation;
  assert.deepEqual(core.tokens.map((t) => t.text), ['great', 'phone', 'b', 'i', 'love', 'b', 'it', 'but', 'zzqx', '😀']);
  assert.equal(await page.getAttribute('[data-testid=why-status]', 'data-output'), core.output);

  // The sentence as typed (markup as text), each token a span coloured and titled by its value.
  assert.equal(await page.textContent('[data-testid=why-sentence]'), SENTENCE);
  assert.equal(await page.locator('[data-testid=why-sentence] b').count(), 0, 'no markup from the sentence');
  const spans = await page.$$eval('[data-testid=why-word]', (s) => s.map((e) => ({
    text: e.textContent, value: Number(e.dataset.value), title: e.title, background: e.style.background })));
  assert.deepEqual(spans.map((s) => s.text), ['Great', 'phone', 'b', 'I', 'love', 'b', 'it', 'but', 'zzqx', '😀']);
  assert.deepEqual(spans.map((s) => s.value), core.tokens.map((t) => t.attribution), 'the page shows the core\'s numbers');
  const strongest = core.tokens.reduce((b, t) => (t.attribution > b.attribution ? t : b));
  assert.equal(await page.getAttribute('[data-testid=why-words]', 'data-strongest'), strongest.text);
  assert.ok(core.output === '1' ? ['great', 'love'].includes(strongest.text) : true, `strongest toward "1": ${strongest.text}`);
  const sum = core.tokens.reduce((s, t) => s + t.attribution, 0);
  assert.ok(Math.abs(sum - (core.value - core.baseline_value)) <= 0.01 * Math.abs(core.value - core.baseline_value), `${sum}`);
  for (const s of spans) assert.ok(Math.abs(Number(s.title) - s.value) <= 1e-3 * Math.abs(s.value) + 1e-12, `title ${s.title} of ${s.value}`);
  assert.notEqual(spans[0].background, spans[1].background);
  await page.locator('[data-testid=why]').screenshot({ path: join(SCREENSHOTS, 'text-why.png') });

  // Another sentence follows (the explanation follows the predictions once asked).
  await page.fill('[data-testid=apply-text]', 'Terrible battery, a waste of money');
  await page.waitForFunction(() => document.querySelector('[data-testid=why-sentence]')?.textContent === 'Terrible battery, a waste of money', null, { timeout: 60_000 });

  // Chinese: the box is translated, the sentence stays the user's.
  await page.click('[data-testid=lang]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(await sweep(page, 'zh'), []);
  await page.locator('[data-testid=why]').screenshot({ path: join(SCREENSHOTS, 'text-why-zh.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue 16: "Why?" on the Evaluation panel's most wrong test sentences explains the sentence as the
// Application panel explains it typed in: the same words, the same numbers.
test('Why? on a most wrong test sentence: its words, with the numbers the Application panel gives it', async () => {
  const briefly = { ...SENTIMENT, fit: { ...SENTIMENT.fit, epochs: 3 } };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(briefly)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error'], 180_000), 'done');
  await openNode(page, 'evaluate');
  const first = page.locator('[data-testid=wrong-table] tbody tr').first();
  await first.waitFor();
  const sentence = (await first.locator('td.sentence').textContent()).trim();
  // The second row asked first, then the first: the answer shown is the last asked for.
  await page.locator('[data-testid=wrong-why-run]').nth(1).click();
  // Keyboard: the row's button takes the focus and Enter asks.
  await first.locator('[data-testid=wrong-why-run]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=wrong-why-status][data-state=done]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('#most-wrong [data-testid=wrong-why] > p.note', 'data-i18n'), 'why.introText');
  const read = (scope) => page.$$eval(`${scope} [data-testid=why-word]`, (s) => s.map((e) => ({
    text: e.textContent, token: e.dataset.token, value: Number(e.dataset.value) })));
  const words = await read('[data-testid=wrong-why-words]');
  // The highlighted words are the sentence's tokens, in order, the sentence shown as it is.
  assert.equal(await page.textContent('[data-testid=wrong-why-words] [data-testid=why-sentence]'), sentence);
  assert.ok(words.length > 0);
  assert.deepEqual(words.map((w) => w.token), words.map((w) => w.text.toLowerCase()));
  // Runs of letters and digits, an apostrophe between letters inside (src/data/tokenize.rs).
  assert.deepEqual(words.map((w) => w.token), sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu));
  assert.ok(words.some((w) => w.value !== 0));
  await page.locator('#most-wrong').screenshot({ path: join(SCREENSHOTS, 'wrong-why.png') });

  // The same sentence typed into the Application panel: the same numbers, bit for bit.
  await openNode(page, 'apply');
  await page.fill('[data-testid=apply-text]', sentence);
  await page.waitForFunction((v) => JSON.parse(document.querySelector('[data-testid=apply-result]').dataset.input ?? '{}').text === v, sentence);
  await page.click('[data-testid=why-run]');
  await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
  assert.deepEqual(await read('[data-testid=why-words]'), words);
  assert.equal(await page.getAttribute('[data-testid=why-status]', 'data-output'),
    await page.getAttribute('[data-testid=wrong-why-status]', 'data-output'));

  // Chinese: the box is translated, the sentence stays the data's.
  await openNode(page, 'evaluate');
  await page.click('[data-testid=lang]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(await sweep(page, 'zh'), []);
  assert.equal(await page.textContent('[data-testid=wrong-why-run] >> nth=0'), '为什么？');
  await page.locator('#most-wrong').screenshot({ path: join(SCREENSHOTS, 'wrong-why-zh.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});
