// Shared set-up for the page tests: the project's static server and Debian's Chromium.
import { after, before } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The native CLI; scripts/test.sh builds it before the page tests. */
export const CLI = fileURLToPath(new URL('../../target/release/kindling', import.meta.url));

/**
 * `kindling train` on `experiment` (an object) with `data` (a CSV path, or null for a built-in
 * source): the JSON it prints, `{history, test}`.
 */
export function cliTrain(experiment, data = null) {
  const path = join(mkdtempSync(join(tmpdir(), 'kindling-e2e-')), 'experiment.json');
  writeFileSync(path, JSON.stringify(experiment));
  const args = ['train', path, ...(data ? ['--data', data] : [])];
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

let wasm = null;
/**
 * The core's diagnosis ("Optimize?") of a run, computed in Node by the same wasm package the page
 * loads: `history` and `test` as `kindling train` prints them.
 */
export async function coreDiagnosis(history, test) {
  wasm ??= import('../../pkg/kindling.js').then(async (pkg) => {
    await pkg.default({ module_or_path: readFileSync(fileURLToPath(new URL('../../pkg/kindling_bg.wasm', import.meta.url))) });
    return pkg;
  });
  return (await wasm).diagnoseRun(JSON.stringify(history), JSON.stringify(test));
}

/** A metric as the page shows it (a plain number to 4 decimals; docs/CONTRACTS.md section 5). */
export const shown = (x) => Number(x.toFixed(4));

/** Starts the server and a headless Chromium; returns `{url, browser, close}`. */
export async function start() {
  const { server, url } = await serve(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return { url, browser, close: async () => { await browser.close(); server.close(); } };
}

/** One server and browser for a test file (started before its tests, closed after them): the
 * returned object gets `{url, browser, close}` once `before` has run. */
export function useServer() {
  const env = {};
  before(async () => { Object.assign(env, await start()); });
  after(async () => { await env.close?.(); });
  return env;
}

/** A full-page screenshot from the top, as tests/e2e/screenshots/NAME.png (looked at by hand). */
export async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The playground's address with `?speed=max` (training as fast as possible, not the page's slow
 * motion) unless it asks for a speed; other pages' addresses as they are.
 */
export function fullSpeed(url) {
  const u = new URL(url);
  if (!/\/(index\.html)?$/.test(u.pathname) || u.searchParams.has('speed')) return url;
  u.searchParams.set('speed', 'max');
  return u.href;
}

/**
 * A new page whose console errors and page errors are collected in `page.problems`. The playground
 * opens at full speed (`fullSpeed`): tests that watch the slow motion ask for `?speed=N`.
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  await page.goto(fullSpeed(url));
  return page;
}

export const state = (page) => page.getAttribute('[data-testid=status]', 'data-state');

/** Waits until the status's data-state is one of `states`. */
export async function waitForState(page, states, timeout = 60_000) {
  const list = [].concat(states);
  await page.waitForFunction((l) => l.includes(document.querySelector('[data-testid=status]')?.dataset.state), list, { timeout });
  return state(page);
}

export const metric = async (page, name) => Number(await page.textContent(`[data-testid=metric-${name}]`));

/** Counts canvas pixels that are not white, and those close to `rgb`. */
export function canvasInk(page, selector, rgb) {
  return page.evaluate(([sel, [r, g, b]]) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0; let colour = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) ink++;
      if (Math.abs(d[i] - r) < 40 && Math.abs(d[i + 1] - g) < 40 && Math.abs(d[i + 2] - b) < 40) colour++;
    }
    return { ink, colour, pixels: d.length / 4 };
  }, [selector, rgb]);
}

export function encodeExperiment(experiment) {
  return Buffer.from(JSON.stringify(experiment), 'utf8').toString('base64url');
}

/** The flowchart node whose step button carries aria-current="step". */
export const activeNode = (page) => page.getAttribute('[aria-current=step]', 'data-node');

/** Opens node `id` by clicking its step button and waits for its panel. */
export async function openNode(page, id) {
  await page.click(`[data-testid=node-${id}]`);
  await page.waitForSelector(`#panel-${id}:not([hidden]) [data-mounted]`);
}

/** The experiment in the page's URL hash. */
export function hashExperiment(page) {
  const text = new URL(page.url()).hash.match(/experiment=([A-Za-z0-9_-]+)/)[1];
  return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
}

/** Waits until the next `configured` message has arrived (status ready). */
export const whenReady = (page) => waitForState(page, ['ready', 'error']).then(async (s) => {
  if (s === 'error') throw new Error(await page.textContent('[data-testid=error]'));
  return s;
});

/** Types `value` into the input `selector` and leaves it, as a user would (one native change). */
export async function enter(page, selector, value) {
  await page.fill(selector, String(value));
  await page.locator(selector).blur();
}

/** Starts recording the page's main-thread tasks (a PerformanceObserver of long tasks, ≥ 50 ms). */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The longest main-thread task since the last call (or `watchLongTasks`), in ms; starts the count again. */
export const longestTask = async (page) => Math.round(await page.evaluate(() => {
  const ms = window.longest;
  window.longest = 0;
  return ms;
}));
