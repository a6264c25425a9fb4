#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the live-store tests and
# print, on the last line of stdout:
#   export PACTE_TEST_DATABASE_URL=postgresql://pacte:pacte@127.0.0.1:<port>/pacte_test
# The port is $PACTE_PG_PORT, by default one of 24329–25328 derived from this
# checkout's path (two checkouts, e.g. git worktrees, never share a cluster
# that one of them would stop while the other's tests run), below Linux's
# ephemeral range (32768–60999): a client socket of a load test cannot hold it.
# Usage:  eval "$(scripts/postgres-test.sh | tail -1)"
#         scripts/postgres-test.sh --stop     # stop the cluster (keeps its files)
#         scripts/postgres-test.sh --destroy  # stop it and delete its files
#         scripts/postgres-test.sh --status   # exit 0 when the cluster runs, 1 otherwise
# Idempotent: when the cluster already runs it only checks the role and the
# database and prints the export line. As root it installs Debian's postgresql
# if missing and runs the server as the `postgres` user; as another user it
# runs the server as that user (postgresql must then be installed).
# The cluster listens on 127.0.0.1 only, trades durability for speed
# (fsync=off: test data only) and lives in $PACTE_PG_DIR (default
# /tmp/pacte-postgres-test-$PORT). The role may create databases: parallel
# test workers each use a database of their own (tests/conftest.py). Progress
# goes to stderr.
set -euo pipefail

CHECKOUT="$(cd "$(dirname "$0")/.." && pwd -P)"
PORT="${PACTE_PG_PORT:-$((24329 + $(printf '%s' "$CHECKOUT" | cksum | cut -d' ' -f1) % 1000))}"
BASE="${PACTE_PG_DIR:-/tmp/pacte-postgres-test-$PORT}"
DATA="$BASE/data"
LOG="$BASE/server.log"
ROLE=pacte
PASSWORD=pacte
DB=pacte_test
URL="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"

say() { echo "postgres-test: $*" >&2; }
die() { say "error: $*"; exit 1; }

if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u "$OWNER" -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
    echo "$d"
  fi
}

BIN="$(find_bindir)"
if [ -z "$BIN" ]; then
  [ "$(id -u)" = 0 ] || die "PostgreSQL server binaries not found: install the Debian package postgresql (as root)"
  say "installing postgresql (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq postgresql >/dev/null 2>&1; then
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  BIN="$(find_bindir)"
  [ -n "$BIN" ] || die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb"
fi
id "$OWNER" >/dev/null 2>&1 || die "user $OWNER does not exist"

case "${1:-}" in
  --status)
    if [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      exit 0
    fi
    exit 1 ;;
  --stop|--destroy)
    if [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    fi
    [ "$1" = --destroy ] && rm -rf "$BASE"
    exit 0 ;;
  "") ;;
  *) die "unknown option $1 (expected --stop, --destroy or --status)" ;;
esac

# One run at a time (two test runs starting together).
mkdir -p "$(dirname "$BASE")"
exec 9>"$BASE.lock"
flock 9

psql_admin() {
  as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -U "$OWNER" -d postgres "$@"
}

ready() { as_owner "$BIN/pg_isready" -q -h "$BASE" -p "$PORT" -d postgres; }
running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# A server that is starting, or that died and is not reaped yet, gets a few seconds.
for _ in $(seq 1 20); do
  if ready || ! running; then break; fi
  sleep 0.5
done

if ! ready; then
  running && die "the cluster in $DATA runs but does not accept connections (log: $LOG)"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating a cluster in $DATA"
    rm -rf "$BASE"
    mkdir -p "$BASE"
    chown "$OWNER" "$BASE"
    chmod 700 "$BASE"
    pwfile="$(mktemp)"
    echo "$PASSWORD" >"$pwfile"  # bootstrap superuser password (unused: local peer auth)
    chown "$OWNER" "$pwfile"
    as_owner "$BIN/initdb" -D "$DATA" -U "$OWNER" --auth-local=peer --auth-host=scram-sha-256 \
      --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2 \
      || as_owner "$BIN/initdb" -D "$DATA" -U "$OWNER" --auth-local=peer --auth-host=scram-sha-256 \
        --pwfile="$pwfile" -E UTF8 --locale=C >&2
    rm -f "$pwfile"
    cat >>"$DATA/postgresql.conf" <<EOF
# pacte test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BASE'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is taken by another program: set PACTE_PG_PORT"
  fi
  say "starting the cluster on 127.0.0.1:$PORT"
  # 9>&-: the server must not inherit (and hold forever) the lock of this script.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2 9>&- \
    || { tail -20 "$LOG" >&2 || true; die "the cluster did not start (log: $LOG)"; }
fi

psql_admin <<EOF
SELECT 'CREATE ROLE $ROLE LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE')\gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD';
SELECT 'CREATE DATABASE $DB OWNER $ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB')\gexec
EOF

echo "export PACTE_TEST_DATABASE_URL=$URL"
