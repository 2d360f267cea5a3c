// The page in Chinese: a sweep through every panel (with data loaded, a model trained, searched,
// deployed and applied), every step of the three lessons, the embed and the error states a user
// meets most (a ragged CSV, a binary file, damaged links, a bad model file), failing on any English
// word left in what is shown; the same walk in English shows no Chinese. Screenshots of each
// panel in Chinese, wide and on a 390-px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { FIXTURES, encodeExperiment, enter, fullSpeed, openNode, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';
import { report, sweep } from './i18n_sweep.mjs';
import { stroke } from './teach.mjs';

const env = useServer();

/** Collects what `sweep` finds on `page`, each labelled with the step of the walk it was found at. */
function collector(page, mode) {
  const found = [];
  const look = async (where) => {
    for (const p of await sweep(page, mode)) found.push({ ...p, where: `${where}: ${p.where}` });
  };
  return { found, look };
}

const lessonSteps = { tour: 8, gd: 9, lstm: 8, cnn: 10, recommend: 8, sentiment: 9 };

/**
 * The whole walk in `lang` ('zh' or 'en'): every panel after a full run on iris, the search, the
 * model card, predictions, the lessons, then error states. Returns the sweep's findings.
 */
async function walk(lang, viewport, prefix) {
  const page = await openPage(env.browser, `${env.url}?lang=${lang}`, viewport);
  const { found, look } = collector(page, lang);
  const snap = (name) => (prefix ? shot(page, `${prefix}-${name}`) : null);
  await whenReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
  await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered !== 'pending', null, { timeout: 30_000 });
  await look('preprocess');
  await snap('preprocess');
  await openNode(page, 'build');
  await look('build');
  await snap('build');
  // One epoch stepped: the paused status says where it stands.
  await page.click('[data-testid=step]');
  await waitForState(page, 'paused');
  await page.waitForFunction(() => window.kindling.app.history.length === 1);
  await look('train (paused)');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await look('train (done)');
  await snap('train');
  // The scrubber back at an earlier epoch (its fourth stop).
  await page.$eval('[data-testid=epoch-scrub]', (s) => { s.value = '3'; s.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForFunction(() => document.querySelector('#panel-train [data-epoch]').dataset.epoch === String(window.kindling.app.snapshots[3].epoch));
  await look('train (scrubbed back)');
  await openNode(page, 'evaluate');
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  await page.click('[data-testid=importance-run]');
  await page.waitForSelector('[data-testid=importance-status][data-state=done]', { timeout: 60_000 });
  await look('evaluate');
  await snap('evaluate');
  await openNode(page, 'decide');
  await page.waitForFunction(() => document.querySelector('[data-testid=diagnosis]').dataset.verdict !== 'none');
  await look('decide');
  await snap('decide');
  await openNode(page, 'optimize');
  await page.waitForSelector('[data-testid=optimize-diagnosis][data-verdict]');
  await look('optimize');
  await page.fill('input[name=trials]', '2');
  await page.click('[data-testid=search-start]');
  await page.waitForSelector('[data-testid=search-status][data-state=done]', { timeout: 120_000 });
  await page.click('th[data-key=score]');
  await look('optimize (searched)');
  await snap('optimize');
  await openNode(page, 'deploy');
  await page.waitForSelector('[data-testid=model-card][data-from=session]');
  await page.click('[data-testid=copy-link]');
  await page.click('[data-testid=embed]');
  await page.waitForFunction(() => document.querySelector('[data-testid=embed-snippet]').value.includes('kindling-demo'));
  await page.click('[data-testid=compress-run]');
  await page.waitForSelector('[data-testid=compress-status][data-state=done]', { timeout: 60_000 });
  await look('deploy');
  await snap('deploy');
  await openNode(page, 'apply');
  await page.waitForSelector('[data-testid=apply-result][data-values]');
  await page.setInputFiles('[data-testid=batch-input]', join(FIXTURES, 'iris_upload.csv'));
  await page.waitForSelector('[data-testid=batch-preview] td');
  await page.click('[data-testid=why-run]');
  await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
  await look('apply');
  await snap('apply');
  // A model file that is cut short, opened in the deployment panel.
  await openNode(page, 'deploy');
  await page.setInputFiles('[data-testid=model-input]', { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"kindling-model","vers') });
  await page.waitForSelector('[data-testid=deploy-error]:not([hidden])');
  await look('deploy (a truncated model file)');

  // The lessons, every step (each loads its own data first).
  await page.click('[data-testid=guide]');
  await look('guide menu');
  // Steps whose action is still to do say so and hold Next: the walk goes on regardless
  // (guide.go's force), and leaves each lesson from its last step for the picker.
  for (const [id, steps] of Object.entries(lessonSteps)) {
    await page.click(`[data-testid=lesson-${id}]`);
    if (id !== 'tour') await whenReady(page);
    for (let i = 0; i < steps; i++) {
      await page.waitForFunction(() => document.querySelector('#panels > section:not([hidden]) [data-mounted]'));
      await look(`lesson ${id}, step ${i + 1}`);
      if (i === 1) await snap(`lesson-${id}-${i + 1}`);
      if (id === 'cnn' && i === 2) {
        // One epoch of the CNN: its filters and feature maps in the Training panel.
        await enter(page, '#epochs', 1);
        await whenReady(page);
        await page.click('[data-testid=train]');
        assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
        await page.waitForSelector('#inside[data-kind=cnn]');
        await look('lesson cnn, trained: inside the CNN');
        await snap('inside-cnn');
      }
      if (id === 'recommend' && i === 2) {
        // A short run of the recommender: its evaluation tables and the application's lists.
        await enter(page, '#epochs', 3);
        await whenReady(page);
        await page.click('[data-testid=train]');
        assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
      }
      if (id === 'cnn' && i === 7) {
        // How much smaller: the compression table.
        await page.click('[data-testid=compress-run]');
        await page.waitForSelector('[data-testid=compress-status][data-state=done]', { timeout: 120_000 });
        await look('lesson cnn: the compression table');
      }
      if (id === 'cnn' && i === 8) {
        // The drawing pad, asked.
        await stroke(page);
        await page.waitForSelector('[data-testid=pad-result][data-label]');
        await look('lesson cnn: the drawing pad');
        await snap('pad');
      }
      if (id === 'cnn' && i === steps - 1) {
        // Which pixels made it say that: the heat map.
        await page.click('[data-testid=why-run]');
        await page.waitForSelector('[data-testid=why-status][data-state=done]', { timeout: 60_000 });
        await look('lesson cnn: which pixels');
        await snap('why-heat');
      }
      if (i < steps - 1) await page.evaluate(() => window.kindling.guide.go(1, true));
      else await page.evaluate(() => window.kindling.guide.menu());
    }
  }
  assert.deepEqual(page.problems, []);
  await page.close();
  return found;
}

/** Error states, each on a fresh page: what the user reads in the error box and the panel. */
async function errors(lang, prefix) {
  const found = [];
  const bad = encodeExperiment({ fit: { epoch: 5 } });
  const cases = [
    ['a ragged CSV', '', async (page) => {
      await whenReady(page);
      await page.setInputFiles('[data-testid=csv-input]', join(FIXTURES, 'ragged.csv'));
      await page.waitForSelector('[data-testid=skip-bad-rows]:not([hidden])');
    }],
    ['a ZIP file named .csv', '', async (page) => {
      await whenReady(page);
      await page.setInputFiles('[data-testid=csv-input]', { name: 'book.csv', mimeType: 'text/csv', buffer: Buffer.from('PK\x03\x04 not a csv') });
      await waitForState(page, 'error');
    }],
    ['a link that is not base64 JSON', '#experiment=%%%', async (page) => { await whenReady(page); }],
    ['a link with an unknown key', `#experiment=${bad}`, async (page) => { await waitForState(page, 'error'); }],
    ['a link whose data is damaged', `#experiment=${encodeExperiment({ data: { source: 'file:x.csv' } })}&data=AAAA`, async (page) => {
      await page.waitForSelector('[data-testid=error]:not([hidden])');
    }],
  ];
  for (const [name, hash, act] of cases) {
    const page = await openPage(env.browser, `${env.url}?lang=${lang}${hash}`);
    const { found: f, look } = collector(page, lang);
    await act(page);
    assert.equal(await page.isHidden('[data-testid=error]'), false, `${name}: the error is shown`);
    await look(name);
    if (prefix && name === 'a ragged CSV') await shot(page, `${prefix}-error-ragged`);
    found.push(...f);
    await page.close();
  }
  return found;
}

/** The embed (its own page): trained at once, metrics shown. */
async function embed(lang) {
  const experiment = { data: { source: 'builtin:iris' }, fit: { epochs: 5 } };
  const page = await openPage(env.browser, `${env.url}embed.html?lang=${lang}#experiment=${encodeExperiment(experiment)}&run=1`, { width: 700, height: 520 });
  const { found, look } = collector(page, lang);
  await waitForState(page, 'done');
  await page.waitForSelector('[data-testid=metric-accuracy]');
  await look('embed');
  if (lang === 'zh') await shot(page, 'zh-embed');
  assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-CN' : 'en');
  await page.close();
  return found;
}

test('中文: every panel, lesson step, the embed and the common errors show no English outside the allowed terms', async () => {
  const found = [...await walk('zh', { width: 1280, height: 900 }, 'zh'), ...await embed('zh'), ...await errors('zh', 'zh')];
  assert.deepEqual(found, [], `English left in the Chinese page:\n${report(found)}`);
});

test('English: the same walk shows no Chinese', async () => {
  const found = [...await walk('en', { width: 1280, height: 900 }, null), ...await embed('en'), ...await errors('en', null)];
  assert.deepEqual(found, [], `Chinese in the English page:\n${report(found)}`);
});

test('中文 on a 390-px phone: no panel scrolls sideways', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=zh`, { width: 390, height: 844 });
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  for (const id of ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply']) {
    await openNode(page, id);
    if (id === 'deploy') await page.waitForSelector('[data-testid=model-card][data-from=session]');
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${id}: the page is ${overflow}px wider than the screen`);
    await shot(page, `zh-phone-${id}`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

const NODES = ['preprocess', 'build', 'train', 'evaluate', 'decide', 'optimize', 'deploy', 'apply'];

test('switching language rewrites every open panel in place: the experiment, data, run, search and model stay', async () => {
  const page = await openPage(env.browser, `${env.url}?x=1`);
  await whenReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('[data-testid=lang]'), '中文 + English');
  // 'both': the workflow labels are bilingual, their Chinese half marked as Chinese.
  assert.equal(await page.textContent('[data-testid=node-train] [lang=zh-CN]'), '模型训练');
  await openNode(page, 'train');
  await enter(page, '#epochs', '12');
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  for (const id of NODES) await openNode(page, id);
  await openNode(page, 'optimize');
  await page.fill('input[name=trials]', '1');
  await page.click('[data-testid=search-start]');
  await page.waitForSelector('[data-testid=search-status][data-state=done]', { timeout: 120_000 });
  await openNode(page, 'deploy');
  await page.waitForSelector('[data-testid=model-card][data-from=session]');
  await page.click('[data-testid=copy-link]');
  await openNode(page, 'evaluate');
  const before = {
    hash: new URL(page.url()).hash, accuracy: await page.textContent('[data-testid=metric-accuracy]'),
    epochs: await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), rows: await page.locator('[data-testid=trial-row]').count(),
    link: await page.inputValue('[data-testid=share-link]'), params: await page.getAttribute('[data-testid=model-card]', 'data-params'),
  };
  const after = async () => ({
    hash: new URL(page.url()).hash, accuracy: await page.textContent('[data-testid=metric-accuracy]'),
    epochs: await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), rows: await page.locator('[data-testid=trial-row]').count(),
    link: await page.inputValue('[data-testid=share-link]'), params: await page.getAttribute('[data-testid=model-card]', 'data-params'),
  });

  await page.click('[data-testid=lang]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('[data-testid=lang]'), '中文');
  assert.equal(await page.textContent('#evaluate-h'), '模型评估');
  assert.equal(await page.textContent('[data-testid=status]'), '完成，共训练 12 轮');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'done');
  assert.deepEqual(await after(), before, 'nothing but the language changed');
  assert.equal(await page.evaluate(() => localStorage.getItem('kindling.lang')), 'zh');
  const { found: zh, look: lookZh } = collector(page, 'zh');
  for (const id of NODES) {
    await openNode(page, id);
    await lookZh(`${id} after switching to 中文`);
  }
  assert.deepEqual(zh, [], `English left after switching:\n${report(zh)}`);

  await page.click('[data-testid=lang]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('[data-testid=status]'), 'Done after 12 epochs');
  const { found: en, look: lookEn } = collector(page, 'en');
  for (const id of NODES) {
    await openNode(page, id);
    await lookEn(`${id} after switching to English`);
  }
  assert.deepEqual(en, [], `Chinese left after switching:\n${report(en)}`);
  assert.deepEqual(await after(), before);
  assert.deepEqual(page.problems, []);

  // Remembered: a reload opens in English; `?lang=` wins over the memory, and the toggle keeps it in step.
  await page.reload();
  await whenReady(page);
  assert.equal(await page.textContent('[data-testid=lang]'), 'English');
  await page.goto(`${env.url}?lang=zh${before.hash}`);
  await whenReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.inputValue('#epochs'), '12', 'the hash still carries the experiment');
  await page.click('[data-testid=lang]');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(new URL(page.url()).hash, before.hash.replace(/&.*$/, ''));
  await page.close();
});

test('a browser that prefers Chinese opens the page in Chinese; the embed follows its element\'s language', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(fullSpeed(env.url));
  await whenReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('[data-testid=train]'), '训练');
  // The deployment panel's snippet carries the language chosen in the page.
  await page.click('[data-testid=train]');
  await waitForState(page, 'done');
  await openNode(page, 'deploy');
  await page.click('[data-testid=embed]');
  const snippet = await page.inputValue('[data-testid=embed-snippet]');
  assert.match(snippet, /embed\.html\?lang=zh#experiment=/);
  assert.match(snippet, /<kindling-demo experiment="[\w-]+" lang="zh-CN"><\/kindling-demo>/);
  await context.close();
  // <kindling-demo> on a Chinese page frames the Chinese embed; on an English one, the English.
  const blog = await openPage(env.browser, `${env.url}tests/fixtures/blog.html`);
  const src = (lang) => blog.evaluate(async (lang) => {
    await customElements.whenDefined('kindling-demo');
    const holder = document.createElement('div');
    holder.lang = lang;
    const demo = document.createElement('kindling-demo');
    demo.setAttribute('experiment', 'e30');
    holder.append(demo);
    document.body.append(holder);
    return demo.shadowRoot.querySelector('iframe').src;
  }, lang);
  assert.match(await src('zh-CN'), /\/embed\.html\?lang=zh#experiment=e30$/);
  assert.match(await src('en-GB'), /\/embed\.html\?lang=en#experiment=e30$/);
  assert.match(await src('fr'), /\/embed\.html#experiment=e30$/);
  await blog.close();
});

test('the sweep itself: it finds English text and labels the page shows, and leaves data, code and hidden text alone', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=zh`);
  await whenReady(page);
  assert.deepEqual(await sweep(page, 'zh'), []);
  await page.evaluate(() => {
    const add = (html) => document.querySelector('#preprocess-body').insertAdjacentHTML('afterbegin', html);
    add('<p id="t1">还没有 translated 的句子</p>');
    add('<button aria-label="Close the panel">✕</button>');
    add('<select><option>一</option><option>Second option</option></select>');
    add('<p hidden>Hidden English</p>');
    add('<p translate="no">mermaid graph TD</p>');
    add('<p>列 sepal_length_cm 与 species，文件 my_data.csv，键 data.split.test，`unknown_thing`，值 "whatever"，用 relu 和 Adam</p>');
  });
  const words = (await sweep(page, 'zh')).map((p) => p.word).sort();
  assert.deepEqual(words, ['Close', 'Second', 'option', 'panel', 'the', 'translated']);
  await page.close();
});
