// Embeds: a plain static blog page with two embedded demos (an iframe and the custom element) runs
// both at once; each gets exactly the result it gets alone, and the host page is untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SCREENSHOTS, openPage, useServer } from './helpers.mjs';

const env = useServer();

const stateOf = (frame) => frame.locator('[data-testid=status]').getAttribute('data-state');
const waitState = (frame, state) => frame.locator(`[data-testid=status][data-state=${state}]`).waitFor({ timeout: 60_000 });

async function result(frame) {
  const summary = frame.locator('[data-testid=loss-summary]');
  const metrics = {};
  for (const name of ['accuracy', 'f1', 'rmse', 'mae', 'r2', 'loss']) {
    const m = frame.locator(`[data-testid=metric-${name}]`);
    if (await m.count()) metrics[name] = Number(await m.textContent());
  }
  return { first: await summary.getAttribute('data-first'), last: await summary.getAttribute('data-last'), metrics };
}

/** The `src` hash of each demo in the blog fixture (iframe's and custom element's). */
function demoHashes() {
  const html = readFileSync(join(FIXTURES, 'blog.html'), 'utf8');
  const iframe = html.match(/embed\.html#([^"]+)"/)[1];
  const element = new URLSearchParams({ experiment: html.match(/<kindling-demo experiment="([^"]+)"/)[1], readonly: '1' });
  return { iframe, element: element.toString() };
}

async function alone(hash) {
  const page = await openPage(env.browser, `${env.url}embed.html#${hash}&run=1`, { width: 700, height: 500 });
  await waitState(page, 'done');
  const r = await result(page);
  assert.deepEqual(page.problems, []);
  await page.close();
  return r;
}

test('a blog page with two embedded demos runs both at once without interference', async () => {
  const page = await openPage(env.browser, `${env.url}tests/fixtures/blog.html`, { width: 900, height: 1000 });
  const iris = page.frameLocator('#demo-iris iframe');
  const diabetes = page.frameLocator('kindling-demo iframe');
  for (const frame of [iris, diabetes]) {
    await frame.locator('body').scrollIntoViewIfNeeded(); // lazy iframes load when near the viewport
    await waitState(frame, 'ready');
  }
  await Promise.all([iris.locator('[data-testid=train]').click(), diabetes.locator('[data-testid=train]').click()]);
  await Promise.all([waitState(iris, 'done'), waitState(diabetes, 'done')]);
  const both = { iris: await result(iris), diabetes: await result(diabetes) };
  assert.ok(both.iris.metrics.accuracy >= 0.9, `iris accuracy ${both.iris.metrics.accuracy}`);
  assert.equal(both.iris.metrics.rmse, undefined, 'the classifier shows no regression metrics');
  assert.ok(both.diabetes.metrics.r2 > 0.2, `diabetes R² ${both.diabetes.metrics.r2}`);
  assert.equal(both.diabetes.metrics.accuracy, undefined, 'the regressor shows no accuracy');
  // Chosen panels: the iframe hides its settings; the read-only element shows them locked.
  assert.equal(await iris.locator('[data-panel=settings]').isHidden(), true);
  assert.equal(await diabetes.locator('#epochs').isDisabled(), true);
  assert.equal(await diabetes.locator('#epochs').inputValue(), '30');
  // The host page is untouched: no hash, prose intact, no errors.
  assert.equal(new URL(page.url()).hash, '');
  assert.match(await page.textContent('#intro'), /^Last week I measured irises/);
  assert.match(await page.textContent('#outro'), /each in its own worker/);
  await page.locator('#demo-iris').scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENSHOTS, 'embed-blog.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
  // Each demo alone gives exactly the same curve and metrics: they did not disturb each other.
  const hashes = demoHashes();
  assert.deepEqual(await alone(hashes.iframe), both.iris);
  assert.deepEqual(await alone(hashes.element), both.diabetes);
});

test('an embed with a damaged link says so instead of failing silently', async () => {
  const page = await openPage(env.browser, `${env.url}embed.html#experiment=%%%`);
  await waitState(page, 'error');
  assert.match(await page.textContent('[data-testid=error]'), /could not be opened/);
  assert.equal(await stateOf(page), 'error');
  await page.close();
});
