#!/usr/bin/env bash
# Builds the release site into dist/ (after setup). Extra arguments go to `trunk build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CR_SETUP_BROWSER=0 source scripts/setup.sh
printf '\n==> Building the site into dist/\n'
trunk build --release --offline "$@"
