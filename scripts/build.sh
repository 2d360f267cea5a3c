#!/usr/bin/env bash
# Builds the wasm packages (release, SIMD128), each from the same crate with its cargo features:
# pkg/ for the playground's workers and the page's diagnosis (`worker-exports`: everything but the
# charts), pkg-chart/ for the page's charts (`charts` alone: no training, ~85 KB gzipped) and
# pkg-bench/ for bench.html (`bench-exports`), pkg-export/ for the page's model export (`export`,
# loaded on demand), pkg-lab/ for the recommendation, compression and explanation scenarios
# (`lab-exports`, loaded on demand). `bash scripts/build.sh pkg` builds only the playground's four
# (docs/BENCHMARKS.md, "Two packages").
set -euo pipefail
cd "$(dirname "$0")/.."
# inline-threshold=0: LLVM still inlines `#[inline]` functions (SIMD intrinsics, small ndarray
# helpers) and single-call functions, but no longer copies larger cold code (serde visitors,
# sorting, formatting) into every caller: 487 → 440 KB gzipped with W1/W3 speed unchanged
# (docs/BENCHMARKS.md, "Size and start-up"). Per-crate opt-level "s"/"z" cost 3-5x in speed.
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128 -C llvm-args=-inline-threshold=0"
WASM=target/wasm32-unknown-unknown/release/kindling.wasm
WASM_OPT_BIN=node_modules/.bin/wasm-opt

# build OUT_DIR [cargo features]
build() {
  local out=$1
  shift
  cargo build --release --lib --target wasm32-unknown-unknown "$@"
  wasm-bindgen --target web --out-dir "$out" "$WASM"
  # Optional size/speed pass with wasm-opt from the npm package `binaryen` (never Debian's: its
  # output fails to load). Skipped when it is not installed or WASM_OPT=0.
  if [ "${WASM_OPT:-1}" != 0 ] && [ -x "$WASM_OPT_BIN" ]; then
    # --converge repeats -O3 until the module stops shrinking: pkg/ 400,123 → 399,459 gzipped
    # (Node zlib 9), the text, recommendation and int8 work of 2026-12-01 back under the budget.
    "$WASM_OPT_BIN" -O3 --converge "$out/kindling_bg.wasm" -o "$out/kindling_bg.wasm"
    echo "build: wasm-opt -O3 --converge ($("$WASM_OPT_BIN" --version))"
  fi
  echo "build: $out/kindling_bg.wasm $(wc -c < "$out/kindling_bg.wasm") bytes, $(gzip -9c "$out/kindling_bg.wasm" | wc -c) gzipped"
}

if [ "${1:-all}" != pkg ]; then
  build pkg-bench --no-default-features --features bench-exports
fi
build pkg-chart --no-default-features --features charts
# The Deployment panel's "Take it further" (ONNX, PyTorch, Keras), loaded only when used.
build pkg-export --no-default-features --features export
# The scenario lab (recommendation training, compression and explanation), loaded on demand.
build pkg-lab --no-default-features --features lab-exports
build pkg --no-default-features --features worker-exports
# The list of files the service worker (sw.js) precaches for offline use.
node scripts/offline.mjs
