// The size budgets of the playground's two WebAssembly packages (issue 7; docs/BENCHMARKS.md, "Two
// packages"): pkg/ for the training and search workers (what training start-up waits for) and
// pkg-chart/ for the page's charts, each kindling_bg.wasm as
// `bash scripts/build.sh` makes it, gzipped by Node's zlib at level 9 (a few KB more than the
// `gzip -9` figure build.sh prints). Sizes are deterministic for a given toolchain: plain checks.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// Never raise a budget without saying why in docs/BENCHMARKS.md.
const BUDGETS = [
  // The target for the wasm training waits for: ≤ 400 KB gzipped (400,000 bytes).
  { pkg: 'pkg', budget: 400_000, what: 'the workers\' package, the issue\'s target' },
  // The charts, on the page's main thread (loaded when the page is idle after start-up, or for the
  // first chart): 85,411 bytes on 2026-12-01 plus 10% headroom.
  { pkg: 'pkg-chart', budget: 94_000, what: 'the charts\' package: 2026-12-01 + 10%' },
];

/** `{raw, gz}` bytes of `pkg`/kindling_bg.wasm. */
const size = (pkg) => {
  const wasm = readFileSync(new URL(`../../${pkg}/kindling_bg.wasm`, import.meta.url));
  return { raw: wasm.length, gz: gzipSync(wasm, { level: 9 }).length };
};

const sizes = BUDGETS.map(({ pkg }) => size(pkg));
for (const [i, { pkg, budget, what }] of BUDGETS.entries()) {
  test(`${pkg}/kindling_bg.wasm stays within its gzipped size budget`, () => {
    const { raw, gz } = sizes[i];
    console.log(`${pkg}/kindling_bg.wasm: ${raw} bytes, ${gz} gzipped (budget ${budget}, ${what})`);
    assert.ok(gz <= budget,
      `${pkg}/kindling_bg.wasm is ${gz} bytes gzipped, over its budget of ${budget}: find what grew with \`twiggy top\` (docs/BENCHMARKS.md)`);
  });
}
console.log(`${BUDGETS.map((b) => b.pkg).join(' + ')}: ${sizes.reduce((sum, s) => sum + s.gz, 0)} bytes gzipped together`);
