"""What keeps large catalogues cheap, checked on what a build publishes: the compact search
index of credential pages (issue 9)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from credcat.render.language import localise
from credcat.validate import load_catalogue

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("scale") / "site"
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return site


def test_search_indexes_title_summary_and_outcomes_of_credential_pages(sample: Path) -> None:
    cat = load_catalogue(REPO / "catalogue")
    for lang, prefix in (("en", ""), ("de", "de/"), ("fr", "fr/")):
        index = json.loads((sample / prefix / "search" / "search_index.json").read_text("utf-8"))
        sizes: list[int] = []
        for cid, cred in cat.credentials.items():
            page = f"credentials/{cid}/"
            entries = [d for d in index["docs"] if d["location"].split("#")[0] == page]
            assert [d["location"] for d in entries] == [page, page + "#outcomes"]
            assert entries[0]["title"] == localise(cred.title, lang, cat.settings.default_language)
            text = html.unescape(" ".join(d["text"] for d in entries))
            for outcome in cred.outcomes:
                wanted = localise(outcome.text, lang, cat.settings.default_language)
                assert " ".join(wanted.split()[:6]) in text
            sizes.append(len(json.dumps(entries, ensure_ascii=False).encode()))
        # a few KB per credential and language, whatever else the page shows
        assert max(sizes) < 3000
        assert sum(sizes) / len(sizes) <= 2048
