#!/usr/bin/env bash
# The second README command, and all that .ci/run does: installs what is missing, then runs
# every test: native engine and chart tests, the engine's purity guard, the DuckDB referee,
# the warehouse kit in PostgreSQL and Spark SQL, a release build, and the browser tests in
# headless Chromium.
#
# The tests need nothing beside the repository. Those that also check the files kept beside
# it (the KPI spec and the CSV corpus, in the folder PIPELENS_SHARED names, ../shared by
# default) say "skipped: ..." when the folder is missing, and the last line here sums them up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_test
cd "$ROOT"

# Every test that skips a part for lack of the shared folder adds a line to this file.
export PIPELENS_SKIP_LOG="$ROOT/target/skipped-for-shared.log"
mkdir -p "$ROOT/target"
: >"$PIPELENS_SKIP_LOG"

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

say "warehouse: the kit run in PostgreSQL and Spark SQL (BigQuery parsed), compared with the engine"
.venv/bin/python tests/warehouse/warehouse.py

say "release build of the app"
trunk build --release --offline

say "browser tests (Playwright + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/

say "what needs the shared folder (PIPELENS_SHARED=${PIPELENS_SHARED:-../shared})"
skips="$(grep -c '^skipped: ' "$PIPELENS_SKIP_LOG" 2>/dev/null || true)"
if [ "${skips:-0}" -gt 0 ]; then
  # One line: how many checks were skipped and which files or parts they are.
  parts="$(grep '^skipped: ' "$PIPELENS_SKIP_LOG" | sed -E 's/^skipped: ([^:]*).*/\1/; s/ .*//' | sort -u | paste -sd, - | sed 's/,/, /g')"
  echo "skipped for lack of the shared folder: $skips checks ($parts); every other test passed (details: $PIPELENS_SKIP_LOG)"
else
  echo "nothing skipped: the shared folder was there for every test"
fi
