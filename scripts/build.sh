#!/usr/bin/env bash
# Builds the wasm package into pkg/ (release, SIMD128) for the page and its worker.
set -euo pipefail
cd "$(dirname "$0")/.."
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128" \
  cargo build --release --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/kindling.wasm
echo "build: pkg/kindling_bg.wasm $(wc -c < pkg/kindling_bg.wasm) bytes"
