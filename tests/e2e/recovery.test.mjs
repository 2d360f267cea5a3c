// Hostile links and worker crashes (issue 13 items 1, 5, 6): a replay that crashes again is not
// replayed a second time (the data and experiment stay and the panic text says what to change); a
// crash while the data is still loading replays the load; a bad link's error and address stay
// until the user acts; a deeply nested link is refused with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openPage, shot, useServer, waitForState } from './helpers.mjs';

const env = useServer();

/**
 * Counts the workers the page starts (`window.workers`) and sends a `__panic` ahead of the next
 * `window.crashes` messages of type `window.crash` (`configure`, `load`): the worker dies on
 * what it was sent, as it did on the 800-column window.
 */
const CRASHING_WORKER = () => {
  window.workers = 0;
  window.crash = null;
  window.crashes = 0;
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      window.workers++;
    }

    postMessage(msg, ...rest) {
      if (window.crashes > 0 && msg?.type === window.crash) {
        window.crashes--;
        super.postMessage({ type: '__panic' });
      }
      super.postMessage(msg, ...rest);
    }
  };
};

const errorText = (page) => page.textContent('[data-testid=error]');
const errorShown = (page) => page.locator('[data-testid=error]').isVisible();

test('a replay that crashes again is not replayed: no restart loop, the data and experiment stay', async () => {
  const page = await openPage(env.browser, 'about:blank');
  await page.addInitScript(CRASHING_WORKER);
  await page.goto(`${env.url}?speed=max`);
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.workers), 1);
  // Reset rebuilds: the configure crashes, and so does its replay (before the fix, every replay
  // crashed again, forever).
  await page.evaluate(() => { [window.crash, window.crashes] = ['configure', 2]; });
  await page.click('[data-testid=reset]');
  await waitForState(page, 'error');
  await page.waitForFunction(() => document.querySelector('[data-testid=error]').textContent.includes('stopped again'));
  await page.waitForTimeout(2000);
  assert.equal(await page.evaluate(() => window.workers), 2, 'one restart, then none');
  const text = await errorText(page);
  assert.match(text, /^internal error: [^]*deliberate panic for a test\. The training worker/);
  assert.ok(text.endsWith('. The training worker stopped again while re-running the same data and experiment, so it was not restarted with them. Your data and experiment are kept: change the experiment (a smaller model, a shorter data.window.lookback, fewer features) or load other data, then try again.'), text);
  assert.equal(await waitForState(page, 'error'), 'error', 'still the error: nothing replaced it');
  assert.equal(await page.evaluate(() => window.kindling.app.table?.name), 'iris');
  assert.equal(await page.evaluate(() => window.kindling.app.experiment?.data?.source), 'builtin:iris');
  await shot(page, 'recovery-crashed-again');

  // The user acts: a new worker gets the data, then the experiment; training works again.
  await page.click('[data-testid=reset]');
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.workers), 3);
  assert.equal(await errorShown(page), false, 'the error went when the user acted and the build worked');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  assert.deepEqual(page.problems.filter((p) => !p.includes('deliberate panic for a test')), []);
  await page.close();
});

test('a crash while the data is loading replays the load; the panic text stays until the user acts', async () => {
  const page = await openPage(env.browser, 'about:blank');
  await page.addInitScript(CRASHING_WORKER);
  await page.addInitScript(() => { [window.crash, window.crashes] = ['load', 1]; });
  await page.goto(`${env.url}?speed=max`);
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.workers), 2, 'the first died on the page\'s first load');
  assert.equal(await errorShown(page), true);
  assert.match(await errorText(page), /^internal error: [^]*deliberate panic/);
  await page.waitForTimeout(500);
  assert.match(await errorText(page), /deliberate panic/, 'not replaced by "load a dataset before configuring"');
  await page.click('[data-testid=train]');
  assert.equal(await errorShown(page), false);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.close();
});

test('a bad link keeps its error and its address until the user acts', async () => {
  const page = await openPage(env.browser, `${env.url}#experiment=not-json`);
  await waitForState(page, 'ready');
  await page.waitForTimeout(500);
  assert.equal(await errorShown(page), true);
  assert.match(await errorText(page), /^The link's experiment could not be read \(.*\); opened the default instead\.$/);
  assert.equal(new URL(page.url()).hash, '#experiment=not-json', 'the bad link stays visible');
  await page.click('[data-testid=train]');
  assert.equal(await errorShown(page), false);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.close();
});

test('a link nested 10,000 levels deep is refused with a message; the default experiment opens', async () => {
  const deep = `{"fit":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  const hash = Buffer.from(deep, 'utf8').toString('base64url');
  const page = await openPage(env.browser, `${env.url}#experiment=${hash}`);
  await waitForState(page, 'ready');
  assert.equal(await errorText(page), "The link's experiment could not be read (the shared experiment nests more than 32 levels deep; an experiment needs far fewer); opened the default instead.");
  assert.equal(await page.isDisabled('[data-testid=train]'), false);
  // Kindling's own experiments stay well inside the limit.
  const ok = encodeExperiment({ model: { layers: [{ type: 'dense', units: 4, kernel_regularizer: { l2: 0.01 } }, { type: 'dense', units: 3, activation: 'softmax' }] } });
  const fine = await openPage(env.browser, `${env.url}#experiment=${ok}`);
  await waitForState(fine, 'ready');
  assert.equal(await errorShown(fine), false);
  assert.deepEqual(page.problems, []);
  await page.close();
  await fine.close();
});

test('a slow build can be cancelled: the data stays, a smaller model builds', async () => {
  // An LSTM of 990 units is within the limits (3,928,320 parameters) but its orthogonal
  // initialisation takes seconds; 4096 units is refused at once.
  const experiment = (units) => ({
    data: { source: 'builtin:sunspots', target: 'sunactivity', window: { lookback: 12, horizon: 1 } },
    model: { layers: [{ type: 'lstm', units }, { type: 'dense', units: 1 }] },
    fit: { epochs: 2 },
  });
  const page = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment(990))}`);
  await page.waitForSelector('[data-testid=cancel]:not([hidden])', { timeout: 30_000 });
  await page.click('[data-testid=cancel]');
  assert.equal(await waitForState(page, ['error', 'ready']), 'error');
  assert.equal(await errorText(page), 'Building the experiment was cancelled; make the model smaller (fewer units or layers) and try again.');
  assert.equal(await page.isHidden('[data-testid=cancel]'), true);
  assert.equal(await page.evaluate(() => window.kindling.app.table?.name), 'sunspots');
  await page.evaluate(() => window.kindling.app.editExperiment((e) => { e.model.layers[0].units = 8; }));
  await waitForState(page, 'ready');
  await page.click('[data-testid=train]');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');

  const huge = await openPage(env.browser, `${env.url}#experiment=${encodeExperiment(experiment(4096))}`);
  assert.equal(await waitForState(huge, ['error', 'ready']), 'error');
  assert.equal(await errorText(huge), 'model: the model would hold 67141632 parameters by Layer 1, more than the 4000000 a model may have; the largest is Layer 1 (lstm) with 67141632 — use fewer units or layers');
  await page.close();
  await huge.close();
});
