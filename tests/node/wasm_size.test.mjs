// The size budget of the page's WebAssembly (issue 7): pkg/kindling_bg.wasm as `bash scripts/build.sh`
// makes it, gzipped by Node's zlib at level 9 (~4 KB more than the `gzip -9` figure build.sh prints).
// The size is deterministic for a given toolchain, so this is a plain check, not a timing.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// The issue asks for ≤ 400 KB gzipped (400,000 bytes, counted by Node's zlib, which gives a few KB
// more than `gzip -9`); the build is at ~394,000 (docs/BENCHMARKS.md, "Size and start-up"). Never
// raise the budget without saying why in that section.
const BUDGET_GZIPPED = 400_000;

test('pkg/kindling_bg.wasm stays within its gzipped size budget', () => {
  const wasm = readFileSync(new URL('../../pkg/kindling_bg.wasm', import.meta.url));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  console.log(`# kindling_bg.wasm: ${wasm.length} bytes, ${gzipped} gzipped (budget ${BUDGET_GZIPPED}, the issue's target)`);
  assert.ok(gzipped <= BUDGET_GZIPPED,
    `pkg/kindling_bg.wasm is ${gzipped} bytes gzipped, over its budget of ${BUDGET_GZIPPED}: find what grew with \`twiggy top\` (docs/BENCHMARKS.md)`);
});
