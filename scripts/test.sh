#!/usr/bin/env bash
# Command 2 of the README: installs what is missing, then runs every check and every test layer.
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints, native (engine, chart builders, tests, examples)"
cargo clippy --all-targets -- -D warnings

step "Lints, wasm32 (the app and its browser tests)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings

step "Layer 1: native tests (cargo test)"
cargo test

step "The build's own checks (node --test: the post-build step, the boot script, the size check)"
node --test scripts/*.test.mjs

step "Layer 2: browser tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test web

step "Building the release site"
trunk build --release --offline

step "Size budgets: the first load within 150 KB gzip, the whole app's wasm within 5% of its recorded figure"
node scripts/check-sizes.mjs dist

step "Layer 3: end-to-end tests (Playwright on the built site, at / and under a sub-path)"
npx playwright test --config e2e/playwright.config.mjs

step "All checks passed"
