#!/usr/bin/env bash
# Install, build and serve the course: the book at http://127.0.0.1:8866/ and
# the Voilà view of every interactive page. Extra arguments go to `pacte serve`
# (for a classroom: --host 0.0.0.0).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
.venv/bin/pacte check
.venv/bin/pacte build --quiet
exec .venv/bin/pacte serve "$@"
