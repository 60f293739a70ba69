#!/usr/bin/env bash
# Performance harness (issue 8): builds the release site once, the reference pages (SurveyJS, plain
# HTML, ECharts from plain JavaScript) from the engine's instrument and chart builders, then measures
# them side by side in headless Chromium with a phone's CPU and network, the group report at scale, the
# native report command against DuckDB, Polars and pandas, and Lighthouse. Prints a table; writes
# bench/results/latest.json.
#
#   ./bench/run.sh
#
# Environment: BENCH_RUNS (default 3), BENCH_RUNS_100K (default 1), BENCH_LIGHTHOUSE_RUNS (default 3:
# each page audited that many times, the median run reported), BENCH_PORT (default 8790),
# BENCH_SKIP (comma-separated: pages, group, native, lighthouse), BENCH_NO_BUILD=1 (reuse
# bench/build/site/app), BENCH_ONLY=native (section 8 alone: no site build, no browser; the table goes
# to bench/results/native.json).
# Not part of scripts/test.sh: timings are reported, never asserted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD="$PWD/bench/build"
mkdir -p "$BUILD/site"

ONLY="${BENCH_ONLY:-}"
# Installs what is missing (Trunk, wasm-bindgen, npm packages, Chromium), as the other scripts do.
if [ "$ONLY" = native ]; then export CR_SETUP_BROWSER=0; fi
source scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The harness's own npm packages (SurveyJS, esbuild, Lighthouse) live in bench/, apart from the app's.
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  step "Installing the harness's npm packages from bench/package-lock.json"
  (cd bench && npm ci --no-audit --no-fund)
fi

if [ ! -x /usr/bin/time ]; then
  step "Installing GNU time from Debian (wall time and peak memory of the native runs)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q time
fi
# What an analyst would use instead of the report command, each on its own: one that cannot be
# installed leaves its rows saying so, and the others are still measured.
while read -r requirement; do
  case "$requirement" in '' | '#'*) continue ;; esac
  module="${requirement%%=*}"
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    step "Installing $requirement from PyPI (bench/requirements.txt)"
    python3 -m pip install -q "$requirement" || echo "$module could not be installed: its rows will say so" >&2
  fi
done < bench/requirements.txt

if [ "$ONLY" != native ] && { [ "${BENCH_NO_BUILD:-}" != 1 ] || [ ! -f "$BUILD/site/app/index.html" ]; }; then
  step "Building the release site into bench/build/site/app"
  trunk build --release --offline --dist "$BUILD/site/app"
  # Cargo's output still has its function names: bench/wasm-breakdown.mjs reads where the code of each
  # build (src/web/handoff.rs) comes from.
  for bin in questionnaire results collaboration-readiness; do
    cp "target/wasm32-unknown-unknown/release/$bin.wasm" "$BUILD/$bin-cargo.wasm"
  done
fi

step "Building the native examples (report, bench_engine, instrument_json, chart_options)"
cargo build --release --quiet --example report --example bench_engine --example instrument_json --example chart_options
target/release/examples/instrument_json > "$BUILD/instrument.json"
target/release/examples/chart_options > "$BUILD/chart-options.json"

if [ "$ONLY" = native ]; then
  step "Measuring the native report against DuckDB, Polars and pandas (about 3 minutes)"
  node bench/measure.mjs
  exit
fi

step "Building the reference pages and the custom ECharts bundle"
node bench/build-pages.mjs "$BUILD"

step "Measuring (about 10 minutes)"
node bench/measure.mjs
