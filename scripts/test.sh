#!/usr/bin/env bash
# Install everything the tests need into a virtual environment, then lint and run every test.
#
# Usage: bash scripts/test.sh [pytest arguments]
#
# Needs: Python 3.11 or newer with venv, Node.js with npm, and Chromium or Chrome (found as
# tests/browser/chromium.py says: $CREDCAT_CHROMIUM, chromium/chromium-browser/google-chrome on
# PATH, the macOS applications, or the one `python -m playwright install chromium` downloads).
# On Debian and Ubuntu, as root or with password-less sudo, missing system packages are
# installed with apt; anywhere else the script says what is missing and how to install it.
#
# Environment: PYTHON (default python3), CREDCAT_VENV (default .venv), CREDCAT_CHROMIUM.
# Versions of the test environment are pinned in scripts/constraints.txt, so a new release of a
# linter or validator cannot turn CI red without a change here; the package's own dependencies
# stay ranges in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

# Material prints an end-of-life banner on every `mkdocs` run; this is the switch Material
# documents for it (docs/architecture.md, "The engine").
export NO_MKDOCS_2_WARNING=1

missing() {
  echo "scripts/test.sh: $1" >&2
  exit 1
}

can_apt() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$(id -u)" = 0 ]; then SUDO=""; return 0; fi
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && SUDO="sudo" && return 0
  return 1
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "$@" >/dev/null
}

PYTHON="${PYTHON:-python3}"
command -v "$PYTHON" >/dev/null 2>&1 \
  || missing "$PYTHON not found: install Python 3.11 or newer (or set PYTHON)"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || missing "$PYTHON is older than 3.11: install Python 3.11 or newer (or set PYTHON)"

VENV="${CREDCAT_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating the virtual environment $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if can_apt; then
      apt_install python3-venv
      "$PYTHON" -m venv "$VENV"
    else
      missing "$PYTHON cannot create a virtual environment: install its venv module (Debian/Ubuntu: apt-get install python3-venv)"
    fi
  fi
fi
export PATH="$PWD/$VENV/bin:$PATH"

command -v npm >/dev/null 2>&1 || {
  if can_apt; then
    echo "== installing npm for axe-core"
    apt_install npm
  else
    missing "npm not found: install Node.js with npm (https://nodejs.org, brew install node, dnf install nodejs npm)"
  fi
}

if ! python tests/browser/chromium.py >/dev/null 2>&1; then
  if [ -z "${CREDCAT_CHROMIUM:-}" ] && can_apt; then
    echo "== installing Debian's Chromium for the browser tests"
    apt_install chromium
  fi
  python tests/browser/chromium.py >/dev/null || missing "no Chromium for the browser tests (see above)"
fi
echo "== Chromium: $(python tests/browser/chromium.py)"

# pip's and npm's download caches (and npm's logs) go into a folder of this run's own, removed at
# the end, not into the home folder: the tests write nowhere outside the project and the
# temporary folders they make.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PIP_CACHE_DIR="$scratch/pip" npm_config_cache="$scratch/npm"

echo "== installing credcat with its test dependencies"
python -m pip install -q --disable-pip-version-check --upgrade pip
python -m pip install -q --disable-pip-version-check -c scripts/constraints.txt -e ".[test]"

echo "== installing axe-core for the accessibility tests"
npm ci --prefix tests/browser --no-audit --no-fund --silent

echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy"
mypy
echo "== pytest"
python -m pytest "$@"
