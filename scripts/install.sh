#!/usr/bin/env bash
# Install what the course needs into ./.venv (Python packages pinned by
# constraints.txt). With --test, also the system packages the test suite
# drives: Debian's Chromium (never a downloaded browser), Node.js, hunspell-fr, grammalecte-cli,
# nginx (tests/test_deploy_nginx.py runs deploy/nginx.conf in front of two servers)
# caddy (the same with deploy/Caddyfile), zbar-tools (the dashboard's QR code read back) and
# iproute2 (a network namespace gives `pacte serve --host 0.0.0.0` a room address).
set -euo pipefail
cd "$(dirname "$0")/.."

with_test=0
[ "${1:-}" = "--test" ] && with_test=1

# Refuse an unsupported interpreter before installing anything: the range is
# pyproject.toml's requires-python (one definition), read without tomllib so
# that an old Python can still say what is wrong.
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "install: no Python interpreter '$python' found; install Python 3 or set PYTHON=/path/to/python3.X" >&2
  exit 2
fi
if ! "$python" scripts/check_python.py pyproject.toml; then
  exit 2
fi

if [ "$with_test" = 1 ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  # The Nu HTML Checker (npm vnu-jar, tests/test_a11y_nu_checker.py) runs on Java 11 or later
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  # French spell check of the prose (tests/test_editorial_spelling.py): Debian's hunspell 1.7 + hunspell-fr 7.0
  command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
  [ -e /usr/share/hunspell/fr_FR.dic ] || missing+=(hunspell-fr)
  # French grammar of the built book (tests/test_editorial_grammar.py, pacte typo --grammar): Debian's grammalecte-cli 2.1
  command -v grammalecte-cli >/dev/null 2>&1 || missing+=(grammalecte-cli)
  # Reverse proxy of the multi-process test (Debian's nginx 1.22; its service is not started)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  # The same test with deploy/Caddyfile (Debian's caddy 2.6)
  command -v caddy >/dev/null 2>&1 || missing+=(caddy)
  # QR code read back by tests/test_dashboard_logic.py (zbarimg)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  # Network namespaces of the room's join-address test (tests/test_serve_room_address.py: ip netns, veth)
  command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "install: apt-get install ${missing[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "install: creating .venv with $($python --version)"
  "$python" -m venv .venv
fi
# The pinned npm tools the tests run (js/package.json: the Nu HTML Checker's vnu.jar, pa11y-ci,
# Lighthouse, and tsc, Biome and esbuild for the JavaScript); --ignore-scripts: puppeteer downloads no
# browser, Debian's chromium is used. npm runs beside pip (about 27 s on a clean machine, pip keeping
# one core busy).
npm_pid=""
if [ "$with_test" = 1 ] && { [ ! -e js/node_modules/vnu-jar/build/dist/vnu.jar ] \
    || [ ! -e js/node_modules/pa11y-ci/bin/pa11y-ci.js ] || [ ! -e js/node_modules/lighthouse/cli/index.js ] \
    || [ ! -x js/node_modules/.bin/tsc ] || [ ! -x js/node_modules/.bin/biome ] || [ ! -x js/node_modules/.bin/esbuild ]; }; then
  (cd js && npm ci --ignore-scripts --no-audit --no-fund >/dev/null) &
  npm_pid=$!
fi
extras=""
[ "$with_test" = 1 ] && extras="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
# --no-compile: pip would compile all 8 900 modules of the environment (about 30 s of CPU on one core);
# Python compiles and caches those a command imports, when it first imports them.
.venv/bin/python -m pip install -q --disable-pip-version-check --no-compile -c constraints.txt -e ".${extras}"
if [ -n "$npm_pid" ] && ! wait "$npm_pid"; then
  echo "install: npm ci failed in js/ (run it there to see why)" >&2
  exit 1
fi
echo "install: ok ($(.venv/bin/python -m pip --version | cut -d' ' -f1-2), pacte at .venv/bin/pacte)"
