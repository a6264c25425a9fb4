#!/usr/bin/env bash
# Install everything and run the whole test suite: lint and types (ruff,
# mypy), data checks, a strict build of the book, the tests (unit, pages, the
# end-to-end tests in headless Chromium on the static book and `pacte serve`,
# the live-session store on SQLite and on PostgreSQL, two `pacte serve` behind
# nginx) in parallel workers, nbval on every executed page, then a small run
# of the live-room load benchmark (so that it cannot rot). The duration of
# each phase is printed at the end.
#
#   scripts/test.sh              everything (what .ci/run does)
#   scripts/test.sh --fast       the everyday loop (< 1 minute): ruff, the format check, mypy,
#                                `pacte check` and every test needing no browser, no `pacte serve`
#                                subprocess and no notebook (no install, no build)
#   scripts/test.sh … ARGS       ARGS go to the pytest of the tests phase (e.g. -k, -x, tests/test_x.py)
#
# PACTE_TEST_WORKERS: pytest-xdist workers of the tests phase (default 3 on 2 cores: 4 took
# as long, each browser test slower; `--fast` uses 2). Workers take whole modules; the long modules of
# few tests first (tests/conftest.py, LONG_FEW_FIRST), so that none of them is the tail of the run.
# The throwaway PostgreSQL cluster is stopped when this script ends (tests
# passed, failed or interrupted) unless it was already running before (`--fast`
# leaves it running for the next loop: `scripts/postgres-test.sh --stop`).
# PACTE_SKIP_SETUP=1 skips the install, lint, types, `pacte check` and `pacte build`
# steps (the tests of this script use it); PACTE_SKIP_BENCHMARK=1 skips the
# small load benchmark after pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
FAST=""
if [ "${1:-}" = --fast ]; then
  FAST=1
  shift
fi

PHASES=()
CURRENT=""
# phase NAME COMMAND…: run COMMAND and remember how long it took.
phase() {
  local name=$1 start=$SECONDS
  shift
  CURRENT=$name
  "$@"
  PHASES+=("$(printf '%-10s %5d s' "$name" $((SECONDS - start)))")
  CURRENT=""
}
report() {
  local status=$?
  echo
  echo "scripts/test.sh: duration of each phase"
  [ ${#PHASES[@]} -eq 0 ] || printf '  %s\n' "${PHASES[@]}"
  [ -z "$CURRENT" ] || printf "  %-10s failed or interrupted\n" "$CURRENT"
  printf '  %-10s %5d s\n' total "$SECONDS"
  if [ -n "${TYPES_PID:-}" ]; then
    kill "$TYPES_PID" 2>/dev/null || true
  fi
  if [ -n "${BINDER_PID:-}" ]; then
    kill "$BINDER_PID" 2>/dev/null || true
  fi
  [ -z "${TYPES_LOG:-}" ] || rm -f "$TYPES_LOG"
  if [ -n "${STOP_POSTGRES:-}" ]; then
    bash scripts/postgres-test.sh --stop >/dev/null 2>&1 || true
  fi
  return "$status"
}
trap report EXIT
trap 'exit 130' INT TERM

if [ -z "${PACTE_SKIP_SETUP:-}" ] && [ -z "$FAST" ]; then
  phase install ./scripts/install.sh --test
fi
export PATH="$PWD/.venv/bin:$PATH"
# Compiled modules and pytest's rewritten tests are cached on disk: without the cache every xdist
# worker compiles and rewrites all 110 test modules again (measured: collection 17 s instead of 89 s).
unset PYTHONDONTWRITEBYTECODE

lint() {
  ruff check pacte widgets tests benchmarks
  ruff format --check pacte widgets tests benchmarks
  # The JavaScript: types (tsc over the JSDoc, tsconfig.json), lint and format (Biome, biome.json),
  # and the widgets' bundles up to date with their sources (widgets/bundles/), all pinned in js/package.json.
  if [ ! -x js/node_modules/.bin/tsc ] || [ ! -x js/node_modules/.bin/biome ]; then
    echo "lint: js/node_modules has no tsc or biome: run scripts/install.sh --test (npm ci in js/)" >&2
    return 1
  fi
  js/node_modules/.bin/tsc -p tsconfig.json
  js/node_modules/.bin/biome ci --colors=off --reporter=summary
}
postgres() {
  # A real PostgreSQL server for the live-session store tests (SQLite needs nothing).
  if [ -z "$FAST" ] && ! bash scripts/postgres-test.sh --status 2>/dev/null; then
    STOP_POSTGRES=1
  fi
  eval "$(bash scripts/postgres-test.sh | tail -1)"
}

# mypy beside lint, check and the build: two processes for the two cores (the build waits on its kernels at times).
TYPES_LOG=$(mktemp)
types_start() {
  mypy >"$TYPES_LOG" 2>&1 &
  TYPES_PID=$!
}
types_wait() {
  local status=0
  wait "$TYPES_PID" || status=$?
  TYPES_PID=""
  cat "$TYPES_LOG"
  return "$status"
}

binder_wait() {
  if ! wait "$BINDER_PID"; then
    echo "binder: tests/binder_env.py failed (test_binder_image tries again and reports):" >&2
    tail -20 "$BINDER_LOG" >&2
  fi
  BINDER_PID=""
  rm -f "$BINDER_LOG"
}

if [ -z "${PACTE_SKIP_SETUP:-}" ]; then
  types_start
  phase lint lint
  phase check pacte check
  if [ -n "$FAST" ]; then
    phase types types_wait  # what mypy still needed after lint and check
  fi
fi
phase postgres postgres
if [ -n "$FAST" ]; then
  export PACTE_FAST_LOOP=1  # the fuzz tests draw a fifth of their examples (tests/conftest.py)
  phase tests pytest tests -q -n "${PACTE_TEST_WORKERS:-2}" --dist load \
    -m "not browser and not notebook and not slow" "$@"
  exit 0
fi
if [ -z "${PACTE_SKIP_SETUP:-}" ]; then
  # The Binder image's environment (pip, about 65 s of CPU) beside the build (which reads pages
  # with one process per core, but writes them with one): tests/binder_env.py; the Binder test
  # makes it itself if this one failed.
  BINDER_LOG=$(mktemp)
  python tests/binder_env.py _build/binder-env >"$BINDER_LOG" 2>&1 &
  BINDER_PID=$!
  phase build pacte build --quiet
  phase types types_wait  # what mypy still needed once the build was done
  phase binder binder_wait  # what the Binder environment still needed
fi
phase tests pytest tests -n "${PACTE_TEST_WORKERS:-3}" --dist loadscope --no-loadscope-reorder --durations=15 "$@"
# Every executed page through nbval, in a phase of its own (a notebook's cells stay on one worker).
phase nbval pytest _build/jupyter_execute -q -n 2 --dist loadscope -p nbval --nbval \
  --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=300
# The load benchmark, small (50 trainees, 3 activities, SQLite then PostgreSQL behind nginx):
# figures only, but it fails if the room cannot join, answer or be pushed to.
if [ -z "${PACTE_SKIP_BENCHMARK:-}" ]; then
  phase benchmark python benchmarks/live_room.py --trainees 50 --activities 3 --think 1 --activity-timeout 30 --check
fi
