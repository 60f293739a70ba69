#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds the release site and serves it on
# 127.0.0.1 (PORT, default 8080), as a static host would, until stopped with Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
exec node e2e/serve.mjs --root dist --port "${PORT:-8080}"
