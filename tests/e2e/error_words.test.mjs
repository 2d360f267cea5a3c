// Errors are written for people (issue 19): a bad experiment in a link shows the core's words for
// people ("Layer 1 (dense): units must be a whole number ≥ 1"), never serde's ("invalid value:
// integer `-4`, expected usize"), once; the key path stays in a folded details line; 中文 too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const bad = { model: { layers: [{ type: 'dense', units: -4, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }] } };

/** The error box's parts: the message, the details' summary and path, and how often the message shows. */
async function errorParts(page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid=error]');
    const text = box.querySelector(':scope > span')?.textContent ?? box.textContent;
    const details = box.querySelector('details');
    const body = document.body.innerText;
    return {
      text,
      summary: details?.querySelector('summary')?.textContent ?? null,
      path: details?.querySelector('code')?.textContent ?? null,
      open: details?.open ?? null,
      times: body.split(text).length - 1,
      hidden: box.hidden,
    };
  });
}

test('a negative layer size says what the key takes, with the key path in a details line, in English and Chinese', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment(bad)}`);
  assert.equal(await waitForState(page, 'error'), 'error');
  const en = await errorParts(page);
  assert.deepEqual(en, {
    text: 'Layer 1 (dense): units must be a whole number ≥ 1, not -4',
    summary: 'Where in the experiment JSON',
    path: 'model.layers[0].units',
    open: false,
    times: 1,
    hidden: false,
  });
  const all = await page.textContent('[data-testid=error]');
  assert.doesNotMatch(all, /invalid value|expected usize|integer `/);
  await page.click('[data-testid=error] summary');
  assert.equal(await page.isVisible('[data-testid=error] code'), true);
  await shot(page, 'error-words-en');

  await page.close();

  const zhPage = await openPage(env.browser, `${env.url}?lang=zh#experiment=${encodeExperiment(bad)}`);
  assert.equal(await waitForState(zhPage, 'error'), 'error');
  const zh = await errorParts(zhPage);
  assert.equal(zh.text, '层 1（dense）：units 应为不小于 1 的整数，而不是 -4');
  assert.equal(zh.summary, '在实验 JSON 中的位置');
  assert.equal(zh.path, 'model.layers[0].units');
  assert.equal(zh.times, 1);
  await shot(zhPage, 'error-words-zh');
  await zhPage.close();
});

test('a misspelt key lists the keys its object takes', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en#experiment=${encodeExperiment({ fit: { epoch: 5 } })}`);
  assert.equal(await waitForState(page, 'error'), 'error');
  const parts = await errorParts(page);
  assert.equal(parts.text, 'fit has no key "epoch"; use one of "epochs", "batch_size", "early_stopping"');
  assert.equal(parts.path, 'fit.epoch');
  assert.equal(parts.times, 1);
  await page.close();
});
