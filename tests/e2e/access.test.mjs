// The page as a whole: the mermaid flowchart drawn offline and clickable, the language toggle,
// the experiment surviving a reload, a keyboard-only path through a full train, and a phone screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeNode, enter, hashExperiment, metric, openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

test('the flowchart is drawn by mermaid from the seed source; its nodes navigate; labels switch language', async () => {
  const page = await openPage(env.browser, env.url, { width: 1280, height: 800 });
  await whenReady(page);
  await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.rendered !== 'pending', null, { timeout: 30_000 });
  assert.equal(await page.getAttribute('#flow-diagram', 'data-rendered'), 'true');
  assert.equal(await page.locator('#flow-diagram svg g.node').count(), 8);
  assert.match(await page.textContent('#flow-diagram svg'), /是否优化？Optimize\?/);
  await page.click('#flow-diagram g.node[data-node=train]');
  assert.equal(await activeNode(page), 'train');
  assert.equal(await page.locator('#flow-diagram g.node.flow-active[data-node=train]').count(), 1);
  await page.click('#flow-source-toggle summary');
  assert.match(await page.textContent('[data-testid=mermaid-source]'), /^graph TD\nA\[数据预处理 Data preprocessing\] --> B/);
  await page.click('[data-testid=lang]');
  assert.equal(await page.textContent('[data-testid=node-train]'), '3模型训练');
  assert.equal(await page.textContent('#train-h'), '模型训练');
  await page.click('[data-testid=lang]');
  assert.equal(await page.textContent('[data-testid=node-train]'), '3Training');
  await page.waitForFunction(() => document.querySelector('#flow-diagram').dataset.lang === 'en');
  const english = await page.textContent('#flow-diagram svg');
  assert.ok(english.includes('Training') && english.includes('yes') && !english.includes('模型训练'), english);
  assert.equal(await page.locator('#flow-diagram g.node.flow-active[data-node=train]').count(), 1, 'still marks the open node');
  await shot(page, 'flowchart-english');
  await page.click('[data-testid=lang]');
  assert.equal(await page.textContent('[data-testid=node-train]'), '3模型训练 Training');
  // Only the page's own files were fetched: mermaid is served from node_modules, no CDN.
  const hosts = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((r) => new URL(r.name).host))]);
  assert.deepEqual(hosts, [new URL(env.url).host]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a reload restores the experiment from the URL hash, seed included', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.selectOption('#dataset', 'sunspots');
  await page.waitForFunction(() => document.querySelector('#data-summary').textContent.startsWith('sunspots'));
  await whenReady(page);
  await enter(page, '#seed', '1234');
  await whenReady(page);
  await page.click('[data-testid=node-build]');
  await page.click('[data-testid=add-dropout]');
  await whenReady(page);
  await page.click('[data-testid=node-train]');
  await enter(page, '#epochs', '12');
  await whenReady(page);
  const before = hashExperiment(page);
  await page.reload();
  await whenReady(page);
  assert.deepEqual(hashExperiment(page), before);
  assert.equal(await page.inputValue('#seed'), '1234');
  assert.equal(await page.inputValue('#dataset'), 'sunspots');
  assert.equal(await page.inputValue('#epochs'), '12');
  assert.equal(await page.locator('#layers li').count(), 3);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('[data-testid=error]'));
  assert.equal(await page.getAttribute('[data-testid=loss-summary]', 'data-epochs'), '12');
  await page.close();
});

test('keyboard only: reach the Training step and train to the end, focus always visible', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { id: el.dataset.testid ?? el.id, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  for (let i = 0; i < 10 && (await focused()).id !== 'node-preprocess'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused()).id, 'node-preprocess');
  const ring = await focused();
  assert.ok(ring.outline !== 'none' && ring.width >= 2, `visible focus ring: ${JSON.stringify(ring)}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused()).id, 'node-train');
  await page.keyboard.press('Enter');
  assert.equal(await activeNode(page), 'train');
  assert.equal((await focused()).id, 'train-h', 'focus moves to the opened panel');
  let presses = 0;
  while ((await focused()).id !== 'train' && presses++ < 40) await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).id, 'train');
  await page.keyboard.press('Enter');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  assert.equal(await page.getAttribute('[data-testid=status]', 'aria-live'), 'polite');
  assert.match(await page.textContent('[data-testid=status]'), /Done after 60 epochs/);
  assert.ok(await metric(page, 'accuracy') >= 0.9);
  await page.close();
});

test('a 390-px phone: no sideways scrolling, the steps and run bar work, charts fit', async () => {
  const page = await openPage(env.browser, env.url, { width: 390, height: 844 });
  await whenReady(page);
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  const chart = await page.locator('#loss-chart').boundingBox();
  assert.ok(chart.width <= 390 && chart.width > 300, `loss chart ${chart.width}px wide`);
  await shot(page, 'phone-train');
  await page.click('[data-testid=node-evaluate]');
  await page.waitForFunction(() => document.querySelector('#eval-chart').dataset.drawn === 'true');
  await shot(page, 'phone-evaluate');
  await page.close();
});

test('column summaries: extra fields shown as text, warnings beside the columns they name', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  // The richer summary the data pipeline sends (stats, values, warnings with line and column).
  const texts = await page.evaluate(async () => {
    const { renderColumns } = await import('/www/panels/columns.js');
    const table = {
      name: 'shop.csv', rows: 3,
      columns: [
        { name: 'price', kind: 'numeric', missing: 1, distinct: 2, min: 1.5, max: 20, mean: 10.75 },
        { name: 'city', kind: 'categorical', missing: 0, distinct: 7, values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
      ],
      warnings: [{ line: 3, column: 'price', message: 'missing value' }, { line: null, column: null, message: 'BOM removed' }],
    };
    const div = document.createElement('div');
    renderColumns(div, table, { target: 'price', features: null }, () => {});
    const row = (n) => div.querySelector(`tr[data-column=${n}]`);
    return {
      price: row('price').textContent, city: row('city').textContent,
      priceWarn: row('price').querySelector('.warning')?.textContent, cityWarn: row('city').querySelector('.warning'),
      general: div.querySelector(':scope > .warning')?.textContent,
    };
  });
  assert.match(texts.price, /min 1\.5 · max 20 · mean 10\.75/);
  assert.match(texts.city, /values a, b, c, d, e, … \(7\)/);
  assert.equal(texts.priceWarn, '⚠ line 3: missing value');
  assert.equal(texts.cityWarn, null);
  assert.equal(texts.general, '⚠ BOM removed');
  await page.close();
});
