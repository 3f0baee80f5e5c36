#!/usr/bin/env bash
# Install everything the tests need into a virtual environment, then lint and run every test.
#
# Usage: bash scripts/test.sh [pytest arguments]
#
# Environment: PYTHON (default python3, 3.11 or newer), CREDCAT_VENV (default .venv).
# Versions of the test environment are pinned in scripts/constraints.txt, so a new release of a
# linter or validator cannot turn CI red without a change here; the package's own dependencies
# stay ranges in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "$@" >/dev/null
}

PYTHON="${PYTHON:-python3}"
VENV="${CREDCAT_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating the virtual environment $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3-venv
    "$PYTHON" -m venv "$VENV"
  fi
fi
export PATH="$PWD/$VENV/bin:$PATH"

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's Chromium for the browser tests"
  apt_install chromium
fi

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
