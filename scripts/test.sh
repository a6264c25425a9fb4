#!/usr/bin/env bash
# Install everything and run the whole test suite: lint and types (ruff,
# mypy), data checks, a strict
# build of the book, unit tests, nbval on every executed page, and the
# end-to-end tests in headless Chromium (static book and `pacte serve`), the
# live-session store on SQLite and on PostgreSQL, two `pacte serve` behind nginx,
# then a small run of the live-room load benchmark (so that it cannot rot).
#
# The throwaway PostgreSQL cluster is stopped when this script ends (tests
# passed, failed or interrupted) unless it was already running before.
# PACTE_SKIP_SETUP=1 skips the install, `pacte check` and `pacte build` steps
# (the tests of this script use it); PACTE_SKIP_BENCHMARK=1 skips the small
# load benchmark after pytest; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PACTE_SKIP_SETUP:-}" ]; then
  ./scripts/install.sh --test
fi
export PATH="$PWD/.venv/bin:$PATH"
# A real PostgreSQL server for the live-session store tests (SQLite needs nothing).
if ! bash scripts/postgres-test.sh --status 2>/dev/null; then
  trap 'bash scripts/postgres-test.sh --stop >/dev/null 2>&1 || true' EXIT
  trap 'exit 130' INT TERM
fi
eval "$(bash scripts/postgres-test.sh | tail -1)"
if [ -z "${PACTE_SKIP_SETUP:-}" ]; then
  ruff check pacte widgets tests benchmarks
  ruff format --check pacte widgets tests benchmarks
  mypy
  pacte check
  pacte build --quiet
fi
pytest tests _build/jupyter_execute --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg \
  --nbval-cell-timeout=300 "$@"
# The load benchmark, small (50 trainees, 3 activities, SQLite then PostgreSQL behind nginx):
# figures only, but it fails if the room cannot join, answer or be pushed to.
if [ -z "${PACTE_SKIP_BENCHMARK:-}" ]; then
  python benchmarks/live_room.py --trainees 50 --activities 3 --think 1 --activity-timeout 30 --check
fi
