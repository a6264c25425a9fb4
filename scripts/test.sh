#!/usr/bin/env bash
# Install everything and run the whole test suite: data checks, a strict
# build of the book, unit tests, nbval on every executed page, and the
# end-to-end tests in headless Chromium (static book and `pacte serve`), the
# live-session store on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh --test
export PATH="$PWD/.venv/bin:$PATH"
# A real PostgreSQL server for the live-session store tests (SQLite needs nothing).
eval "$(bash scripts/postgres-test.sh | tail -1)"
pacte check
pacte build --quiet
pytest tests _build/jupyter_execute --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
  --nbval-cell-timeout=300 "$@"
