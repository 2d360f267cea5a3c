#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, and serve the playground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
