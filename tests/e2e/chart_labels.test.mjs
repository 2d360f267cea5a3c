// The charts speak the page's language (issue 19): every word drawn on a chart's canvas comes from
// the catalog (`chart.*`, www/chart.js → the chart package), in Chinese with ?lang=zh, in English
// after the switch, in English in the default bilingual mode (`both`); a 1-epoch loss chart shows its single point. Screenshots looked at by hand:
// the Chinese glyphs render (no boxes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CATALOG } from '../../www/text/index.js';
import { SCREENSHOTS, encodeExperiment, openNode, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/** The catalog's chart words in `lang`, as www/chart.js passes them. */
const words = (lang) => Object.fromEntries(Object.entries(CATALOG)
  .filter(([key]) => key.startsWith('chart.') && key !== 'chart.failed')
  .map(([key, entry]) => [key.slice('chart.'.length), entry[lang]]));

/** The words `selector`'s chart was last drawn with (its `data-labels` hook), once drawn. */
async function drawnWith(page, selector, expected) {
  await page.waitForFunction(([sel, want]) => {
    const c = document.querySelector(sel);
    return c?.dataset.drawn === 'true' && c.dataset.labels === want;
  }, [selector, JSON.stringify(expected)], { timeout: 30_000 }).catch(() => {});
  return JSON.parse(await page.getAttribute(selector, 'data-labels') ?? 'null');
}

/** Pixels close to `rgb` in the middle fifth (x 40…60%) of the canvas `selector`. */
function inkInBand(page, selector, [r, g, b]) {
  return page.evaluate(([sel, rgb]) => {
    const c = /** @type {HTMLCanvasElement} */ (document.querySelector(sel));
    const x0 = Math.round(c.width * 0.4);
    const d = c.getContext('2d').getImageData(x0, 0, Math.round(c.width * 0.2), c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - rgb[0]) < 40 && Math.abs(d[i + 1] - rgb[1]) < 40 && Math.abs(d[i + 2] - rgb[2]) < 40) n++;
    }
    return n;
  }, [selector, [r, g, b]]);
}

/** Opens the playground in `lang` on `experiment` and trains it. */
async function trained(lang, experiment) {
  const page = await openPage(env.browser, `${env.url}?lang=${lang}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error'], 90_000), 'done');
  return page;
}

test('the catalog has every chart word in both languages, and the Chinese differs', () => {
  const [zh, en] = [words('zh'), words('en')];
  assert.deepEqual(Object.keys(zh), ['epoch', 'loss', 'train_loss', 'validation_loss', 'actual', 'predicted', 'diagonal', 'test_rows', 'forecast', 'test_step', 'step', 'component_1', 'component_2', 'loss_rise']);
  // English = the core's defaults (src/chart/labels.rs), so callers without labels look the same.
  assert.equal(en.diagonal, 'predicted = actual');
  for (const k of Object.keys(zh)) assert.match(zh[k], /[\u4e00-\u9fff]/, `chart.${k} in Chinese`);
});

test('zh: loss chart (one epoch, a marker), confusion matrix and boundary drawn in Chinese; en redraws them in English', async () => {
  const zh = words('zh');
  const en = words('en');
  const page = await trained('zh', {
    data: { source: 'builtin:iris', features: ['petal_length_cm', 'petal_width_cm'] },
    fit: { epochs: 1 },
  });
  await openNode(page, 'train');
  assert.deepEqual(await drawnWith(page, '#loss-chart', zh), zh);
  await page.locator('#loss-chart').screenshot({ path: join(SCREENSHOTS, 'chart-labels-loss-zh.png') });
  // One epoch: the train and validation markers (a line needs two points) in the middle of the
  // plot; the legend (the only other blue and orange) is at the right, outside this middle band.
  const blue = await inkInBand(page, '#loss-chart', [0, 114, 178]);
  const orange = await inkInBand(page, '#loss-chart', [230, 159, 0]);
  assert.ok(blue > 20 && orange > 20, `markers drawn mid-plot (${blue}, ${orange} px)`);

  await openNode(page, 'evaluate');
  assert.deepEqual(await drawnWith(page, '#eval-chart', zh), zh);
  await page.waitForFunction(() => document.querySelector('#boundary-chart').dataset.drawn === 'true');
  await page.locator('#panel-evaluate').screenshot({ path: join(SCREENSHOTS, 'chart-labels-evaluate-zh.png') });

  // 中文 → English: the shown charts redraw at once; the loss chart when its panel opens again.
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await drawnWith(page, '#eval-chart', en), en);
  await page.locator('#panel-evaluate').screenshot({ path: join(SCREENSHOTS, 'chart-labels-evaluate-en.png') });
  await openNode(page, 'train');
  assert.deepEqual(await drawnWith(page, '#loss-chart', en), en);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('zh: the regression scatter is drawn in Chinese, and in English after the switch', async () => {
  const page = await trained('zh', {
    data: { source: 'builtin:diabetes', target: 'target', task: 'regression' },
    model: { layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1 }] },
    fit: { epochs: 3 },
  });
  await openNode(page, 'evaluate');
  assert.deepEqual(await drawnWith(page, '#eval-chart', words('zh')), words('zh'));
  await page.locator('#eval-chart').screenshot({ path: join(SCREENSHOTS, 'chart-labels-scatter-zh.png') });
  await page.click('[data-testid=lang]');
  assert.deepEqual(await drawnWith(page, '#eval-chart', words('en')), words('en'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('both (the default 中文 + English mode): the charts draw the English words', async () => {
  const en = words('en');
  // No chart word has a bilingual form: `both` falls back to English (www/i18n.js `t`).
  assert.deepEqual(Object.keys(CATALOG).filter((k) => k.startsWith('chart.') && CATALOG[k].both), []);
  const page = await trained('both', { data: { source: 'builtin:iris' }, fit: { epochs: 2 } });
  await openNode(page, 'train');
  assert.deepEqual(await drawnWith(page, '#loss-chart', en), en);
  await openNode(page, 'evaluate');
  assert.deepEqual(await drawnWith(page, '#eval-chart', en), en);
  await page.locator('#panel-evaluate').screenshot({ path: join(SCREENSHOTS, 'chart-labels-evaluate-both.png') });
  assert.deepEqual(page.problems, []);
  await page.close();
});
