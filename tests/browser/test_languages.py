"""The sample site in every catalogue language, in Chromium: switch, filters, search, fallbacks.

Uses the session's sample site (``conftest.sample_site``): English at the root, German (complete)
under ``de/``, French (partial) under ``fr/``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credcat import vocab
from credcat.render.site.localise import plural, ui_strings

from .conftest import Site, require_axe
from .test_e2e import assert_no_axe_violations, shown_ids
from .test_search import site_search

CID = "data-analysis-python"


def _strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {s for value in data.values() for s in _strings(value)}
    if isinstance(data, list):
        return {s for value in data for s in _strings(value)}
    return {str(data)}


def _english_only(site: Site) -> set[str]:
    """English UI strings and vocabulary labels a German page must not show (unless marked)."""
    german = _strings(ui_strings("de"))
    # phrases only: a single word ("Credential") may be a proper noun in a German text too
    english = {s for s in _strings(ui_strings("en")) - german if "{" not in s and " " in s}
    cat = site.catalogue
    for cred in cat.credentials.values():
        for name, codes in (("isced-f", cred.field), ("target-group", cred.target_groups)):
            for code in codes:
                found = vocab.lookup(name, code)
                if found is not None:
                    english.add(found.label("en"))
        for code in cred.languages:
            found = vocab.lookup("language", code)
            if found is not None:
                english.add(found.label("en"))
    # names of formats and services stay as they are in German prose too
    proper_names = {"European Digital Credential"}
    return english - german - proper_names


UNMARKED_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || el.closest("script, style, [hidden], .md-select, [lang]:not([lang='de'])")) continue;
    if (!el.checkVisibility()) continue;
    parts.push(node.textContent);
  }
  return parts.join(" ").replace(/\\s+/g, " ");
}"""


@pytest.mark.parametrize(
    "path", [f"de/credentials/{CID}/", "de/catalogue/", "de/organisations/hochschule-rheinau/"]
)
def test_german_pages_show_no_english_outside_marked_fallbacks(
    page: Page, sample_site: Site, path: str
) -> None:
    page.goto(sample_site.url(path))
    if path == "de/catalogue/":
        expect(page.locator("#credcat-filters")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    text = page.evaluate(UNMARKED_TEXT)
    leaked = sorted(
        s for s in _english_only(sample_site) if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)
    )
    assert not leaked, f"English on {path}: {leaked}"


def test_german_catalogue_search_finds_datenanalyse(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("de/catalogue/"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    page.locator("#credcat-q").fill("Datenanalyse")
    expect(page.locator(f'#credcat-results li[data-credcat-id="{CID}"]')).to_be_visible()
    assert CID in shown_ids(page)


def test_switching_language_keeps_the_page_and_the_filters(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("catalogue/?eqf=6&mode=online"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    english = shown_ids(page)
    assert english
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="de"]').click()
    page.wait_for_url("**/de/catalogue/?eqf=6&mode=online")
    expect(page.locator("#credcat-filters")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    expect(page.locator('input[data-credcat-facet="eqf"][value="6"]')).to_be_checked()
    assert shown_ids(page) == sorted(english, key=shown_ids(page).index)
    n = len(english)
    expect(page.locator("#credcat-count")).to_have_text(
        plural(ui_strings("de")["catalogue_count"], n, "de")
    )

    page.goto(sample_site.url(f"de/credentials/{CID}/1.1/"))
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(f"**/fr/credentials/{CID}/1.1/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_site_search_uses_the_page_language(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("de/catalogue/"))
    result = site_search(page, "Datenanalyse").first
    assert "/de/" in (result.get_attribute("href") or "")


def test_french_fallbacks_are_marked_and_announced(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url(f"fr/credentials/{CID}/"))
    title = page.locator("h1#top")
    expect(title).to_have_attribute("lang", "en")
    expect(page.locator(".credcat-fallback-note").first).to_be_visible()
    expect(page.locator(".credcat-fallback-note").first).to_contain_text("non disponible")


@pytest.mark.parametrize(
    "path",
    [
        "de/",
        "de/catalogue/",
        f"de/credentials/{CID}/",
        "de/organisations/hochschule-rheinau/",
        f"fr/credentials/{CID}/",
        "fr/how-to-read/",
        "fr/pathways/",
    ],
)
def test_axe_in_every_language(page: Page, sample_site: Site, path: str) -> None:
    require_axe()
    page.goto(sample_site.url(path))
    if path.endswith("catalogue/"):
        expect(page.locator("#credcat-filters")).to_be_visible()
    assert_no_axe_violations(page, path)
