"""Golden copies of what the sample catalogue publishes (shared by the test and the updater).

Every machine-readable file of the sample site is kept byte for byte in ``tests/golden/sample/``;
a few representative HTML pages are kept after :func:`normalise_html` removes what changes with
the theme's release (asset hashes, the generator tag). IRIs and data are promises to issuers and
holders: a change to any of them shows up in review as a change to these files.

Update after a deliberate change with ``python scripts/update_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "sample"

DATA_SUFFIXES = (".json", ".jsonld", ".svg")
"""Files of these kinds anywhere in the site are data credcat publishes, and the badge images
it generates (the theme's search indexes under ``search/`` and ``<lang>/search/`` excepted)."""

HTML_PAGES = (
    "index.html",
    "catalogue/index.html",
    "credentials/data-analysis-python/index.html",
    "credentials/data-analysis-python/1.0/index.html",
    "credentials/data-analysis-python/1.1/index.html",
    "credentials/data-analysis-python/1.1/summary/index.html",
    "credentials/solar-pv-installation/index.html",
    "organisations/hochschule-rheinau/index.html",
    "organisations/index.html",
    "pathways/index.html",
    "check/index.html",
    "de/credentials/data-analysis-python/index.html",
    "fr/credentials/data-analysis-python/index.html",
)
"""Representative pages: home, catalogue, a current and a versioned credential page, a
version's one-page employers' summary, a VET credential, an organisation, the organisations
list, the pathways page and the "Check a credential" page; the same credential in German, and
in French (a partial language: missing texts shown in English, marked)."""

LOGO = re.compile(r"organisations/[^/]+/logo\.[a-z]+")
"""The organisations' logos, copied into the site (SVG made safe) once for every language."""

_ASSET_HASH = re.compile(rb"\.[0-9a-f]{8}\.min\.(css|js)")
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalise_html(content: bytes) -> bytes:
    """Remove what changes with Material's release, not with credcat's output."""
    content = _ASSET_HASH.sub(rb".min.\1", content)
    return _GENERATOR.sub(b'<meta name="generator" content="mkdocs">', content)


GOLDEN_TODAY_EPOCH = "1796126400"
"""2026-12-01 12:00 UTC, the tests' today (``TEST_TODAY_EPOCH`` in ``tests/conftest.py``): pages
depend on the build's date (runs closed, quality assurance expired, the summary's date)."""


def build_sample(site_dir: Path) -> None:
    """A strict build of the sample catalogue with the repository's ``mkdocs.yml``, on the tests'
    today (``SOURCE_DATE_EPOCH``), also when run from ``scripts/update_golden.py``."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = GOLDEN_TODAY_EPOCH
    try:
        config = load_config(
            config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True
        )
        build(config)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def published(site_dir: Path) -> dict[str, bytes]:
    """The files of a built site that golden copies cover, by site-relative path."""
    files: dict[str, bytes] = {}
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(("search/", "assets/")) or "/search/" in rel:
            continue
        if path.suffix in DATA_SUFFIXES or LOGO.fullmatch(rel):
            files[rel] = path.read_bytes()
    for rel in HTML_PAGES:
        files[rel] = normalise_html((site_dir / rel).read_bytes())
    return files


def stored() -> dict[str, bytes]:
    """The golden copies, by site-relative path."""
    return {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes()
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }


def readable(content: bytes, path: str) -> list[str]:
    """Lines fit for a diff: JSON pretty-printed (the published form is compact)."""
    text = content.decode("utf-8", errors="replace")
    if path.endswith(DATA_SUFFIXES):
        text = json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False)
    return text.splitlines()
