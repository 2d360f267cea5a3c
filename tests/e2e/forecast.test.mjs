// Application for a time-series model: forecast N steps after the series, each step fed back in,
// drawn after the series in the target's units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, encodeExperiment, openNode, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

test('an LSTM on sunspots forecasts the next 12 years after the series', async () => {
  const experiment = {
    seed: 4,
    data: { source: 'builtin:sunspots', target: 'sunactivity', features: [], scale: 'minmax',
      window: { lookback: 20, horizon: 1 }, split: { method: 'chronological', validation: 0.1, test: 0.2 } },
    model: { layers: [{ type: 'lstm', units: 24 }, { type: 'dense', units: 1 }] },
    compile: { optimizer: { type: 'adam', learning_rate: 0.01 } },
    fit: { epochs: 40, batch_size: 16 },
  };
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment)}&run=1`);
  assert.equal(await waitForState(page, ['done', 'error'], 120_000), 'done');
  await openNode(page, 'apply');
  await page.locator('[data-testid=forecast-steps]').fill('12');
  await page.click('[data-testid=forecast-run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=forecast-values]')?.dataset.values);
  const values = JSON.parse(await page.getAttribute('[data-testid=forecast-values]', 'data-values'));
  assert.equal(values.length, 12);
  assert.ok(values.every((v) => Number.isFinite(v) && v > -50 && v < 400), `sunspot counts: ${values}`);
  assert.ok(Math.max(...values) - Math.min(...values) > 1, 'the forecast moves, it is not a constant');
  await page.waitForFunction(() => document.querySelector('[data-testid=forecast-chart]')?.dataset.drawn === 'true');
  assert.equal(await page.locator('[data-testid=apply-form] [data-feature]').count(), 0, 'no one-row form for a window model');
  assert.equal(await page.textContent('[data-testid=apply-result]'), '', 'and no one-row prediction error');
  await page.screenshot({ path: join(SCREENSHOTS, 'apply-forecast.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.close();
});
