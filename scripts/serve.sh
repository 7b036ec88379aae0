#!/usr/bin/env bash
# The first README command: installs what is missing, builds the app and serves it locally on
# the built-in demo data. PORT=9000 bash scripts/serve.sh to use another port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
PORT="${PORT:-8080}"
say "building (release; the first build takes a few minutes) and serving on http://127.0.0.1:$PORT/"
# No auto-reload socket: the served page makes no request but its own static files.
exec trunk serve --release --offline --no-autoreload --port "$PORT"
