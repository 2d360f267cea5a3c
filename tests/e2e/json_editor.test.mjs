// The "Experiment JSON" editor (issue 19): it shows the current experiment; Apply builds the
// edited one, checked by the core as the CLI checks it, its errors in people's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashExperiment, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

test('the editor shows the experiment, applies an edit and says what is wrong with a bad one', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=en`);
  await waitForState(page, 'ready');
  await page.click('[data-testid=experiment-editor] summary');
  const shown = JSON.parse(await page.inputValue('[data-testid=experiment-json]'));
  assert.deepEqual(shown, hashExperiment(page));
  assert.equal(shown.data.source, 'builtin:iris');

  const bad = structuredClone(shown);
  bad.model.layers[0].units = -4;
  await page.fill('[data-testid=experiment-json]', JSON.stringify(bad, null, 2));
  await page.click('[data-testid=experiment-apply]');
  assert.equal(await waitForState(page, ['ready', 'error']), 'error');
  assert.equal(await page.textContent('[data-testid=error] > span'), 'Layer 1 (dense): units must be a whole number ≥ 1, not -4');
  assert.equal(await page.textContent('[data-testid=error] code'), 'model.layers[0].units');
  assert.equal(JSON.parse(await page.inputValue('[data-testid=experiment-json]')).model.layers[0].units, -4, 'the text stays as edited');

  await page.fill('[data-testid=experiment-json]', '{"fit": ');
  await page.click('[data-testid=experiment-apply]');
  assert.match(await page.textContent('[data-testid=error]'), /^The experiment is not valid JSON: /);

  const good = structuredClone(shown);
  good.model.layers[0].units = 8;
  good.fit.epochs = 7;
  await page.fill('[data-testid=experiment-json]', JSON.stringify(good, null, 2));
  await page.click('[data-testid=experiment-apply]');
  assert.equal(await waitForState(page, ['ready', 'error']), 'ready', await page.textContent('[data-testid=error]'));
  const applied = hashExperiment(page);
  assert.equal(applied.model.layers[0].units, 8);
  assert.equal(applied.fit.epochs, 7);
  assert.equal(await page.isHidden('[data-testid=error]'), true);
  await shot(page, 'json-editor');
  await page.close();
});
