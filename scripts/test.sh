#!/usr/bin/env bash
# Runs every test: no import cycle in src/ (Node, cheap, first), `cargo fmt --check` and
# `cargo clippy -D warnings`, native core + CLI (cargo test),
# native = wasm training histories (Node), wasm shells in headless Chromium (wasm-bindgen-test,
# page and dedicated worker), the page's types (tsc over the JSDoc of www/), and the page end to
# end (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# One-shot builds gain nothing from incremental caches (2 GB of target/ when on).
export CARGO_INCREMENTAL=0

echo "== import cycles: no two files of src/ import each other (scripts/check-cycles.mjs)"
node scripts/check-cycles.mjs --self-test
node scripts/check-cycles.mjs

echo "== rustfmt and clippy: formatted, and no clippy warning on any target"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

bash scripts/build.sh

echo "== page types: tsc --noEmit over www/ (// @ts-check + JSDoc; pkg/kindling.d.ts from the build)"
node_modules/.bin/tsc -p jsconfig.json

echo "== native: cargo test"
cargo test --locked

echo "== native vs wasm: the same seed gives the same history bit for bit"
cargo build --locked --release --bin kindling
node --test tests/node/

echo "== wasm: wasm-bindgen-test in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
unset GECKODRIVER SAFARIDRIVER
cargo test --locked --target wasm32-unknown-unknown --test wasm_browser --test wasm_worker --test model_wasm --test wasm_matmul

echo "== page: Playwright + Chromium"
node --test --test-concurrency=1 tests/e2e/
