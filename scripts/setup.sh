#!/usr/bin/env bash
# Installs what pipelens needs, skipping whatever is already there at the right version.
# Sourced by scripts/serve.sh and scripts/test.sh; run alone to prepare a machine:
#   bash scripts/setup.sh [build|test]     (default: test = everything)
# Facts behind each step: ../shared/TOOLCHAIN.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.22.1"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export NPM_CONFIG_UPDATE_NOTIFIER=false

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then return; fi
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  # trunk 0.22 declares a newer rust-version than it needs.
  cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version
}

# The wasm-bindgen version Cargo.lock pins; wasm-bindgen-cli must match it exactly.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_wasm_bindgen)"
  if [ -z "$want" ]; then echo "Cargo.lock names no wasm-bindgen version" >&2; exit 1; fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ]; then return; fi
  say "installing wasm-bindgen-cli $want (about 3 minutes, once)"
  # Its own lock file pins a crate the registry index lacks, so no --locked here.
  cargo install wasm-bindgen-cli --version "$want" --force
}

ensure_npm_deps() {
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && [ -d "$ROOT/node_modules/playwright-core" ] \
    && [ -f "$ROOT/node_modules/axe-core/axe.min.js" ] \
    && [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then return; fi
  say "installing npm tools (binaryen's wasm-opt, playwright-core, axe-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
}

# Debian's chromium and its driver, and a CJK font: without one, the Chinese pages of the
# screenshots the browser tests save for people to look at are drawn as empty boxes (a reader's
# own system has its fonts; the page loads none).
ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if [ "${#missing[@]}" -eq 0 ]; then return; fi
  say "installing Debian's ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# DuckDB for the SQL referee, in a project venv so the system Python stays untouched.
DUCKDB_VERSION="1.5.6"
ensure_python_deps() {
  if [ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then return; fi
  say "installing duckdb $DUCKDB_VERSION for the SQL referee"
  python3 -m venv "$ROOT/.venv"
  "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check "duckdb==$DUCKDB_VERSION"
}

# The warehouse tests (tests/warehouse/): PySpark and sqlglot in the same venv, PostgreSQL and a
# Java for Spark from Debian. pyspark 4.3 needs Java 17 or later (Debian 12's default-jre-headless).
PYSPARK_VERSION="4.3.0"
SQLGLOT_VERSION="30.31.0"
PG_BIN="${PIPELENS_PG_BIN:-/usr/lib/postgresql/15/bin}"
ensure_warehouse_deps() {
  if ! "$ROOT/.venv/bin/python" -c "import pyspark, sqlglot, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION' or sqlglot.__version__ != '$SQLGLOT_VERSION')" 2>/dev/null; then
    say "installing pyspark $PYSPARK_VERSION and sqlglot $SQLGLOT_VERSION for the warehouse tests"
    "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
      "pyspark==$PYSPARK_VERSION" "sqlglot==$SQLGLOT_VERSION"
  fi
  local missing=()
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/psql" ] || missing+=(postgresql)
  local java_major
  java_major="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }' || true)"
  [ "${java_major:-0}" -ge 17 ] 2>/dev/null || missing+=(default-jre-headless)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]} for the warehouse tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_crates() {
  (cd "$ROOT" && cargo fetch --locked >/dev/null)
}

setup_build() {
  ensure_wasm_target
  ensure_npm_deps
  ensure_crates
  ensure_trunk
  ensure_wasm_bindgen
}

setup_test() {
  setup_build
  ensure_python_deps
  ensure_warehouse_deps
  ensure_chromium
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-test}" in
    build) setup_build ;;
    test) setup_test ;;
    *) echo "usage: bash scripts/setup.sh [build|test]" >&2; exit 2 ;;
  esac
fi
