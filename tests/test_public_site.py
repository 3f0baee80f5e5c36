"""The sample site is for the public: learners and employers, not the people who run credcat.

Checked on the repository's ``mkdocs.yml`` (as MkDocs loads it) and on the golden HTML pages,
which ``tests/test_golden.py`` compares byte for byte with a strict build of the sample.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from catalogue_factory import REPO

GOLDEN = REPO / "tests" / "golden" / "sample"
MAINTAINERS_ONLY = (
    "maintainers.md",
    "architecture.md",
    "performance.md",
    "performance-history.md",
)


def _nav_files(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    return []


def test_the_nav_has_only_public_pages(tmp_path: Path) -> None:
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    files = _nav_files(config.nav)
    assert files == [
        "index.md",
        "catalogue/index.md",
        "pathways/index.md",
        "organisations/index.md",
        "check/index.md",
        "how-to-read.md",
        "data.md",
    ]
    for name in MAINTAINERS_ONLY:
        assert (REPO / "docs" / name).is_file()  # kept in the repository …
        assert config.exclude_docs is not None and config.exclude_docs.match_file(name), name
    assert config.repo_url is None and config.edit_uri is None  # … and not published
    assert "content.action.edit" not in config.theme["features"]


def test_the_home_page_is_for_learners_and_employers() -> None:
    text = (REPO / "docs" / "index.md").read_text("utf-8")
    assert "maintainers" not in text.lower()
    assert "publish your own" not in text.lower()
    assert "catalogue/index.md" in text and "how-to-read.md" in text


def test_published_pages_show_the_publisher_and_no_maintainers_material() -> None:
    pages = sorted(GOLDEN.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text("utf-8")
        assert "github.com/example" not in html, page
        assert "md-content__button" not in html, page  # no edit pencil
        for name in MAINTAINERS_ONLY:
            assert f'{name.removesuffix(".md")}/"' not in html, (page, name)
        # the header's link to its website, named so in the page's language (en, de, fr)
        titles = re.findall(r'title="Digital Skills Alliance – ([^"]+)" class="md-source"', html)
        assert titles and set(titles) <= {"website", "Website", "site web"}, page


def test_maintainers_guide_starts_with_starting_a_catalogue() -> None:
    text = (REPO / "docs" / "maintainers.md").read_text("utf-8")
    assert text.startswith("# Start your own catalogue\n")
    assert "credcat init" in text.split("# Maintainers' guide")[0]
