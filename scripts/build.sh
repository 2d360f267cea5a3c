#!/usr/bin/env bash
# Builds the wasm package into pkg/ (release, SIMD128) for the page and its worker.
set -euo pipefail
cd "$(dirname "$0")/.."
# inline-threshold=0: LLVM still inlines `#[inline]` functions (SIMD intrinsics, small ndarray
# helpers) and single-call functions, but no longer copies larger cold code (serde visitors,
# sorting, formatting) into every caller: 487 → 440 KB gzipped with W1/W3 speed unchanged
# (docs/BENCHMARKS.md, "Size and start-up"). Per-crate opt-level "s"/"z" cost 3-5x in speed.
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128 -C llvm-args=-inline-threshold=0" \
  cargo build --release --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/kindling.wasm
# Optional size/speed pass with wasm-opt from the npm package `binaryen` (never Debian's: its output
# fails to load). Skipped when it is not installed or WASM_OPT=0.
WASM_OPT_BIN=node_modules/.bin/wasm-opt
if [ "${WASM_OPT:-1}" != 0 ] && [ -x "$WASM_OPT_BIN" ]; then
  "$WASM_OPT_BIN" -O3 pkg/kindling_bg.wasm -o pkg/kindling_bg.wasm
  echo "build: wasm-opt -O3 ($("$WASM_OPT_BIN" --version))"
fi
echo "build: pkg/kindling_bg.wasm $(wc -c < pkg/kindling_bg.wasm) bytes, $(gzip -9c pkg/kindling_bg.wasm | wc -c) gzipped"
