#!/usr/bin/env node
// Profiles index.html start-up headless in Chromium: median of N loads of navigation start →
// main.js fetched → DOMContentLoaded → the training worker created → its `ready` (wasm compiled and
// instantiated) → the built-in data's `summary` → `configured` → status `ready` (the page usable).
// With `--compare DIR` it alternates loads with another checkout (e.g. `git worktree` of main) on
// its own server, so both see the same machine load.
// Usage: node scripts/page-ready.mjs [--loads 7] [--compare DIR] [--page index.html]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
export const KEYS = ['main_js', 'dom', 'worker', 'page_wasm', 'ready', 'summary', 'configured', 'status_ready'];

// Runs in the page before its scripts: stamps when the worker is created, the first time each
// worker message type arrives, and when the status first says `ready`.
function stamp() {
  const marks = (window.__marks = {});
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).endsWith('/worker.js')) return;
      marks.worker ??= performance.now();
      this.addEventListener('message', ({ data }) => { marks[data.type] ??= performance.now(); });
    }
  };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid=status]')?.dataset.state === 'ready') marks.status_ready ??= performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

/** One load of `url`: the marks above, in ms after navigation start. */
export async function loadOnce(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(stamp);
  await page.goto(url);
  await page.waitForSelector('[data-testid=status][data-state=ready]', { timeout: 30_000 });
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const end = (suffix) => Math.max(0, ...res.filter((r) => r.name.endsWith(suffix)).map((r) => r.responseEnd));
    return { main_js: end('/main.js'), dom: nav.domContentLoadedEventEnd, page_wasm: end('.wasm') || undefined, ...window.__marks };
  });
  await page.close();
  return marks;
}

/** The median of each mark over `runs` (undefined where no run has it). */
export function medians(runs) {
  const of = (k) => runs.map((r) => r[k]).filter((x) => x !== undefined);
  return Object.fromEntries(KEYS.map((k) => [k, of(k).length ? median(of(k)) : undefined]));
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const loads = Number(opt('--loads', 7));
  const pagePath = opt('--page', '');
  const roots = [['this checkout', undefined], ...(opt('--compare') ? [[opt('--compare'), opt('--compare')]] : [])];
  const servers = await Promise.all(roots.map(([, root]) => serve(0, '127.0.0.1', root)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  const runs = roots.map(() => []);
  try {
    for (let i = 0; i < loads; i++) {
      for (const [j, { url }] of servers.entries()) runs[j].push(await loadOnce(browser, url + pagePath));
    }
  } finally {
    await browser.close();
    servers.forEach(({ server }) => server.close());
  }
  for (const [j, [name]] of roots.entries()) {
    console.log(`${pagePath || 'index.html'} (${name}), median of ${loads} loads, ms after navigation start:`);
    const mid = medians(runs[j]);
    for (const k of KEYS) {
      const v = runs[j].map((r) => r[k]);
      if (mid[k] === undefined) console.log(`  ${k.padEnd(13)}      —   (not fetched)`);
      else console.log(`  ${k.padEnd(13)} ${mid[k].toFixed(0).padStart(6)}   [${v.map((x) => Math.round(x)).join(', ')}]`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
