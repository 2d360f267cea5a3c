// Data sources named like built-in object properties (issue 13 item 10): `file:constructor`,
// `file:toString`, `file:__proto__`, `builtin:toString`, `builtin:__proto__`, `builtin:constructor`
// in a link give the page's usual message, never an internal error from the prototype chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExperiment, openPage, useServer, waitForState } from './helpers.mjs';

const env = useServer();

const open = (source) => openPage(env.browser, `${env.url}#experiment=${encodeExperiment({ data: { source, target: 'y' } })}`);
const errorText = (page) => page.textContent('[data-testid=error]');

test('file: names that are Object.prototype properties ask for the upload', async () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const page = await open(`file:${name}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=error]').textContent !== '');
    assert.equal(await errorText(page),
      `This experiment was made with an uploaded file (${name}); upload it under Data preprocessing to continue.`);
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'idle', name);
    // The dataset picker shows no built-in for it.
    assert.equal(await page.inputValue('#dataset'), '', name);
    assert.deepEqual(page.problems, [], name);
    await page.close();
  }
});

test('builtin: names that are Object.prototype properties are no dataset', async () => {
  for (const name of ['constructor', 'toString', '__proto__']) {
    const page = await open(`builtin:${name}`);
    assert.equal(await waitForState(page, ['error', 'ready']), 'error', name);
    assert.match(await errorText(page), new RegExp(`data\\.source: there is no built-in dataset "${name}"`), name);
    assert.doesNotMatch(await errorText(page), /internal error|is not a function/, name);
    assert.equal(await page.inputValue('#dataset'), '', name);
    assert.deepEqual(page.problems.filter((p) => !/404 \(Not Found\)/.test(p)), [], name);
    await page.close();
  }
});
