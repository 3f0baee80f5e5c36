"""Where the browser tests find Chromium: one answer for ``conftest.py`` and ``scripts/test.sh``.

In order: ``$CREDCAT_CHROMIUM``; ``chromium``, ``chromium-browser``, ``google-chrome`` or
``google-chrome-stable`` on ``PATH`` (Debian, Ubuntu, Fedora, Homebrew); the macOS
applications; the Chromium that ``python -m playwright install chromium`` downloaded (in
``$PLAYWRIGHT_BROWSERS_PATH`` or Playwright's cache folder). Run as a script it prints the path,
or exits 1 saying how to install one.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
PLAYWRIGHT_EXECUTABLES = (
    "chrome-linux/chrome",
    "chrome-linux64/chrome",
    "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
    "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium",
    "chrome-mac-x64/Chromium.app/Contents/MacOS/Chromium",
)
HOW_TO_INSTALL = (
    "install Chromium (Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium; "
    "macOS: brew install --cask chromium), or let Playwright download its own "
    "(python -m playwright install chromium), or set CREDCAT_CHROMIUM to a Chromium or Chrome "
    "executable"
)


def _playwright_caches() -> list[Path]:
    configured = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if configured and configured != "0":
        return [Path(configured)]
    home = Path.home()
    return [home / ".cache" / "ms-playwright", home / "Library" / "Caches" / "ms-playwright"]


def find_chromium() -> Path | None:
    """The Chromium (or Chrome) executable the browser tests use, or None."""
    configured = os.environ.get("CREDCAT_CHROMIUM")
    if configured:
        path = Path(configured)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for app in MACOS_APPS:
        if Path(app).is_file():
            return Path(app)
    for cache in _playwright_caches():
        for build in sorted(cache.glob("chromium-*"), reverse=True):  # the newest first
            for relative in PLAYWRIGHT_EXECUTABLES:
                if (build / relative).is_file():
                    return build / relative
    return None


if __name__ == "__main__":
    found = find_chromium()
    if found is None:
        where = os.environ.get("CREDCAT_CHROMIUM")
        reason = f"CREDCAT_CHROMIUM={where} is not an executable" if where else "not found"
        print(f"Chromium {reason}: {HOW_TO_INSTALL}", file=sys.stderr)
        sys.exit(1)
    print(found)
