// Keyboard and phone (issue 19): after Train finishes, focus is on the result (the loss summary),
// not on <body>; focus the user put in a setting stays there; the dataset select fits a 390-px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, shot, useServer, waitForState, whenReady } from './helpers.mjs';

const env = useServer();

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, id: el.dataset.testid ?? el.id, text: el.textContent };
});

test('Enter on Train: when the run ends, focus is on its result, which the status also says', async () => {
  const page = await openPage(env.browser, env.url);
  await whenReady(page);
  await page.focus('[data-testid=train]');
  await page.keyboard.press('Enter');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => document.activeElement !== document.body);
  const at = await focused(page);
  assert.equal(at.id, 'loss-summary');
  assert.match(at.text, /over 60 epochs|60/);
  assert.equal(at.text, await page.textContent('#panel-train [data-testid=loss-summary]'));
  // Tab goes on from the result to the next control in the panel, not back to the page's top.
  await page.keyboard.press('Tab');
  const next = await focused(page);
  assert.notEqual(next.tag, 'BODY');
  assert.ok(await page.evaluate(() => document.querySelector('#panel-train').contains(document.activeElement)), JSON.stringify(next));
  await page.close();
});

test('focus the user put in a setting while training stays there', async () => {
  const page = await openPage(env.browser, `${env.url.replace(/\/$/, '/')}?speed=2`);
  await whenReady(page);
  await page.click('[data-testid=train]');
  await waitForState(page, 'training');
  await page.focus('#learning-rate');
  await page.evaluate(() => { window.kindling.app.send({ type: 'stop' }); });
  await waitForState(page, ['done', 'paused', 'ready']);
  await page.waitForTimeout(100);
  assert.equal((await focused(page)).id, 'learning-rate');
  await page.close();
});

test('a 390-px phone: the dataset select fits the screen and every option can be chosen', async () => {
  const page = await openPage(env.browser, env.url, { width: 390, height: 844 });
  await whenReady(page);
  const box = await page.locator('#dataset').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390 - 8, `the select spans ${box.x}…${box.x + box.width}px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.selectOption('#dataset', 'stock');
  await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent?.startsWith('stock'));
  const after = await page.locator('#dataset').boundingBox();
  assert.ok(after.x + after.width <= 390 - 8, `with the longest name chosen: ${after.x + after.width}px`);
  await shot(page, 'phone-dataset');
  await page.close();
});
