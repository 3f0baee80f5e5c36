#!/usr/bin/env bash
# Install everything the tests need, then run linters and the whole test suite.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "== installing credcat with its test dependencies"
python3 -m pip install -q --disable-pip-version-check -e ".[test]"

if [ -f tests/browser/package-lock.json ]; then
  echo "== installing axe-core for the accessibility tests"
  npm ci --prefix tests/browser --no-audit --no-fund --silent
fi

echo "== ruff"
ruff check .
echo "== mypy"
mypy
echo "== pytest"
python3 -m pytest "$@"
