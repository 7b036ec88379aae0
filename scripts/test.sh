#!/usr/bin/env bash
# The second README command, and all that .ci/run does: installs what is missing, then runs
# every test: native engine and chart tests, the engine's purity guard, the DuckDB referee,
# a release build, and the browser tests in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_test
cd "$ROOT"

say "formatting (rustfmt.toml)"
cargo fmt --all --check

say "native tests (engine, charts on an SVG backend)"
cargo test --workspace --locked --offline

say "guard: the engine's wasm dependency tree holds no browser crate"
if cargo tree --offline -p pipelens_engine -e normal --target wasm32-unknown-unknown | grep -E 'leptos|web-sys|wasm-bindgen|js-sys'; then
  echo "pipelens_engine must not depend on browser crates" >&2
  exit 1
fi

cargo build --locked --offline -p pipelens_engine --bin pipelens-cli
say "referee: the same KPIs computed with SQL in DuckDB, compared with the engine"
.venv/bin/python tests/referee/referee.py

say "release build of the app"
trunk build --release --offline

say "browser tests (Playwright + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/
