#!/usr/bin/env bash
# Installs what Kindling needs and is missing: Chromium + chromedriver + a CJK font (Debian), the
# wasm32 target, wasm-bindgen-cli at the exact version in Cargo.lock, the npm packages, and the
# Python venv target/pyenv for the export checks (scripts/requirements-export.txt).
# Idempotent: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q "^clippy" || rustup component add clippy
rustup component list --installed | grep -q "^rustfmt" || rustup component add rustfmt

[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The export checks' Python packages (onnx checker, Keras + JAX): reinstalled only when
# scripts/requirements-export.txt changed since the venv last installed it.
if [ ! -x target/pyenv/bin/python ]; then
  python3 -m venv target/pyenv
fi
if ! cmp -s scripts/requirements-export.txt target/pyenv/requirements-export.txt; then
  echo "setup: installing the export checks' Python packages into target/pyenv"
  target/pyenv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-export.txt
  cp scripts/requirements-export.txt target/pyenv/requirements-export.txt
fi
