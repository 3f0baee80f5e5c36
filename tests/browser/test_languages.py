"""The sample site in every catalogue language, in Chromium: switch, filters, search, fallbacks.

Uses the session's sample site (``conftest.sample_site``): English at the root, German (complete)
under ``de/``, French (partial) under ``fr/``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from tests.catalogue_factory import POLISH, polish_catalogue, portuguese_catalogue

from credcat import vocab
from credcat.render.site.localise import Localiser, plural, ui_strings

from . import check_fixtures as fx
from .conftest import Site, require_axe
from .test_check import paste
from .test_e2e import assert_no_axe_violations, open_catalogue, shown_ids
from .test_search import site_search

CID = "data-analysis-python"
UNTRANSLATED = "responsible-machine-learning"
"""A credential without French texts (French is a partial language of the sample)."""


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
    # every vocabulary label the sample's pages show, as an English page shows it (credcat's
    # wording where the official label reads badly) and as the EU vocabulary has it
    en, de = Localiser("en", "en"), Localiser("de", "en")
    for name, code in _codes_shown(site):
        german_label = de.label(name, code)
        for label in (en.label(name, code), *_official_english(name, code)):
            if label.casefold() not in german_label.casefold():  # "Blended" Learning
                english.add(label)
    # names of formats and services stay as they are in German prose too
    proper_names = {"European Digital Credential"}
    return english - german - proper_names


def _official_english(name: str, code: str) -> list[str]:
    found = vocab.lookup(name, code)
    return [found.label("en")] if found is not None else []


def _codes_shown(site: Site) -> set[tuple[str, str]]:
    """Every (vocabulary, code) the sample's pages label."""
    cat = site.catalogue
    codes: set[tuple[str, str]] = set()
    for cred in cat.credentials.values():
        codes |= {("isced-f", c) for c in cred.field}
        codes |= {("target-group", c) for c in cred.target_groups}
        codes |= {("language", c) for c in cred.languages}
        codes |= {("mode", cred.mode), ("learning-setting", cred.setting)}
        codes |= {("assessment-type", a.type) for a in cred.assessments}
        codes |= {("accreditation-type", q.type) for q in cred.quality_assurance}
        codes |= {("reuse-level", o.reuse) for o in cred.outcomes if o.reuse}
        codes |= {("learning-schedule", o.schedule) for o in cred.offerings if o.schedule}
        if cred.type:
            codes.add(("learning-opportunity-type", cred.type))
    codes |= {("country", org.country) for org in cat.organisations.values()}
    return codes


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
    "path",
    [
        f"de/credentials/{CID}/",
        f"de/credentials/{CID}/1.2/",
        "de/catalogue/",
        "de/organisations/hochschule-rheinau/",
        "de/pathways/",
        "de/how-to-read/",
    ],
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


def test_an_english_page_on_the_german_site_marks_all_its_english(
    page: Page, sample_site: Site
) -> None:
    """The data page has no German text: on the German site its English is marked wherever
    it shows, the table of contents in the sidebar included; the ¶ beside each heading is
    titled in German, and says so inside the English text; the German home page's link to
    it says it is English, its links to the guide, which is German, do not."""
    page.set_viewport_size({"width": 1440, "height": 900})  # the contents in the sidebar
    page.goto(sample_site.url("data/"))
    headings = [
        text.replace("¶", "").strip()
        for text in page.locator("article h2, article h3").all_inner_texts()
    ]
    assert len(headings) > 5
    page.goto(sample_site.url("de/data/"))
    expect(page.locator(".md-sidebar--secondary .md-nav__link").first).to_be_visible()
    text = page.evaluate(UNMARKED_TEXT)
    assert [h for h in headings if h in text] == []
    permalinks = page.evaluate(
        "() => [...document.querySelectorAll('a.headerlink')]"
        ".map(a => [a.title, a.closest('[lang]').lang])"
    )
    assert len(permalinks) > 5 and {tuple(p) for p in permalinks} == {("Permanenter Link", "de")}
    page.goto(sample_site.url("de/"))
    link = page.locator("article a[href='data/']")
    expect(link).to_have_text("Daten (auf Englisch)")
    expect(link).to_have_attribute("hreflang", "en")
    button = page.locator("article a.md-button[href='how-to-read/']")
    expect(button).to_have_text("Einen Nachweis lesen")  # as the navigation titles the guide
    expect(button).not_to_have_attribute("hreflang", re.compile(".*"))
    expect(page.locator("article a.md-button[href='check/']")).to_be_visible()


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

    # a comparison stays the same comparison
    ids = ",".join(english[:2])
    page.goto(sample_site.url(f"compare/?ids={ids}"))
    expect(page.locator("table.credcat-compare-table")).to_be_visible()
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="de"]').click()
    page.wait_for_url(f"**/de/compare/?ids={ids}")
    heads = page.locator("table.credcat-compare-table thead th[data-credcat-id]")
    expect(heads).to_have_count(2)


def test_site_search_uses_the_page_language(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url("de/pathways/"))  # the catalogue page has its own search box
    result = site_search(page, "Datenanalyse").first
    assert "/de/" in (result.get_attribute("href") or "")


def test_french_fallbacks_are_marked_and_announced(page: Page, sample_site: Site) -> None:
    page.goto(sample_site.url(f"fr/credentials/{UNTRANSLATED}/"))
    title = page.locator("h1#top")
    expect(title).to_have_attribute("lang", "en")
    expect(page.locator(".credcat-fallback-note").first).to_be_visible()
    expect(page.locator(".credcat-fallback-note").first).to_contain_text("non disponible")
    # each note sits nearer the text it is about than the block after it
    gaps = page.evaluate(
        """() => ['h1#top', 'p.credcat-summary'].map((sel) => {
            const text = document.querySelector(sel).getBoundingClientRect();
            const note = document.querySelector(sel + ' + .credcat-fallback-note');
            const next = note.nextElementSibling.getBoundingClientRect();
            const box = note.getBoundingClientRect();
            return [box.top - text.bottom, next.top - box.bottom];
        })"""
    )
    for before, after in gaps:
        assert before < after, gaps
    # a credential with French texts reads in French, without notes
    page.goto(sample_site.url(f"fr/credentials/{CID}/"))
    expect(page.locator("h1#top")).to_have_text("Analyse de données avec Python")
    assert page.locator("h1#top").get_attribute("lang") is None
    expect(page.locator("#top ~ .credcat-fallback-note")).to_have_count(0)
    # the catalogue's cards, as its script draws them from catalogue.json, say so too
    page.goto(sample_site.url("fr/catalogue/"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    card = page.locator(f'#credcat-results li[data-credcat-id="{UNTRANSLATED}"]')
    expect(card.locator(".credcat-card__title a")).to_have_attribute("lang", "en")
    expect(card.locator(".credcat-card__summary")).to_have_attribute("lang", "en")
    translated = page.locator(f'#credcat-results li[data-credcat-id="{CID}"]')
    assert translated.locator(".credcat-card__title a").get_attribute("lang") is None
    # and the compare page, from catalogue.json (title) and catalogue-texts.json (outcomes)
    page.goto(sample_site.url(f"fr/compare/?ids={UNTRANSLATED},{CID}"))
    table = page.locator("table.credcat-compare-table")
    expect(table.locator(f'th[data-credcat-id="{UNTRANSLATED}"] a').first).to_have_attribute(
        "lang", "en"
    )
    assert table.locator(f'th[data-credcat-id="{CID}"] a').first.get_attribute("lang") is None
    outcomes = table.locator('tr[data-credcat-row="outcomes"] td')
    expect(outcomes.nth(0).locator("li").first).to_have_attribute("lang", "en")
    assert outcomes.nth(1).locator("li").first.get_attribute("lang") is None
    # an assessment's title in English opens its French line: only the title says so
    lines = table.locator('tr[data-credcat-row="assessment"] td').nth(0).locator("li")
    first = lines.first
    expect(first.locator("span[lang=en]")).to_have_count(1)
    assert first.get_attribute("lang") is None
    title = first.locator("span[lang=en]").inner_text()
    assert first.inner_text().startswith(title) and len(first.inner_text()) > len(title)


@pytest.mark.parametrize(
    "path",
    [
        "de/",
        "de/how-to-read/",
        "de/catalogue/",
        f"de/credentials/{CID}/",
        "de/organisations/hochschule-rheinau/",
        f"fr/credentials/{CID}/",
        f"fr/credentials/{UNTRANSLATED}/",
        "fr/catalogue/",
        "fr/organisations/qualitas-agentur/",
        "fr/",
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


@pytest.fixture(scope="module")
def polish_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """English and Polish, a language credcat's interface does not speak
    (``catalogue_factory.polish_catalogue``)."""
    from .conftest import site_of

    yield from site_of(tmp_path_factory, "polish", polish_catalogue)


def test_polish_cards_and_comparison_say_which_texts_are_polish(
    page: Page, polish_site: Site
) -> None:
    """On a Polish page credcat's words are English (its part of the page says lang="en"),
    and what the scripts draw from catalogue.json and catalogue-texts.json says which texts
    are the catalogue's Polish ones, without calling them a fallback (they are not)."""
    page.goto(polish_site.url("pl/catalogue/"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "pl"
    # the publisher in the header, by its name in each language; the link named its website
    # in credcat's words, English on a Polish page, and said so
    header = page.locator(".md-header a.md-source")
    expect(header).to_have_accessible_name(f"{POLISH['alpha']} – website")
    expect(header.locator(".credcat-sr-only")).to_have_attribute("lang", "en")
    english = (polish_site.root / "catalogue" / "index.html").read_text("utf-8")
    assert re.search(
        r'md-source__repository">\s*Alpha University<span class="credcat-sr-only"> – website<',
        english,
    )
    expect(page.locator("#credcat-catalogue")).to_have_attribute("lang", "en")
    page.locator("#credcat-q").fill("Relacyjne")  # the script draws the results again
    card = page.locator('#credcat-results li[data-credcat-id="databases"]')
    expect(card).to_have_count(1)
    title = card.locator(".credcat-card__title a")
    expect(title).to_have_text(POLISH["title"])
    expect(title).to_have_attribute("lang", "pl")
    expect(card.locator(".credcat-card__summary")).to_have_attribute("lang", "pl")
    provider = card.locator('.credcat-card__provider span[lang="pl"]')
    expect(provider).to_have_text(POLISH["alpha_short"])  # its short name
    expect(card.locator("[data-credcat-fallback]")).to_have_count(0)
    # the compare page: title, outcomes and the assessment's title
    page.goto(polish_site.url("pl/compare/?ids=databases"))
    table = page.locator("table.credcat-compare-table")
    expect(table.locator('th[data-credcat-id="databases"] a').first).to_have_attribute("lang", "pl")
    outcomes = table.locator('tr[data-credcat-row="outcomes"] td li')
    expect(outcomes).to_have_count(2)
    for n in range(2):
        expect(outcomes.nth(n)).to_have_attribute("lang", "pl")
    line = table.locator('tr[data-credcat-row="assessment"] td li').first
    expect(line.locator('span[lang="pl"]')).to_have_text(POLISH["project_title"])
    expect(table.locator("[data-credcat-fallback]")).to_have_count(0)
    awarding = table.locator('tr[data-credcat-row="awarding"] td span[lang="pl"]')
    expect(awarding).to_have_text(POLISH["alpha_short"])
    # the check page: a credential whose Polish outcome was changed; the verdict names the
    # credential and the notes its outcomes, each Polish text in a span that says so
    issued = fx.issued_edc(polish_site.root, "databases", "1.0")
    outcomes = issued["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"]
    changed = next(o for o in outcomes if o["title"].get("pl") == POLISH["query"])
    changed["title"] = {"pl": "Administrować dowolną bazą danych"}
    page.goto(polish_site.url("pl/check/"))
    expect(page.locator("#credcat-check-form")).to_be_visible()
    paste(page, json.dumps(issued))
    output = page.locator("#credcat-check-output")
    expect(output).to_have_attribute("data-credcat-verdict", "differences")
    title = output.locator(".credcat-check__verdict span[lang='pl']")
    expect(title).to_have_text(POLISH["title"])
    notes = page.locator('[data-credcat-row="outcomes"] li span[lang="pl"]')
    expect(notes).to_have_text(["Administrować dowolną bazą danych", POLISH["query"]])
    page.goto("about:blank")  # leave before the server stops: the search worker may still load


@pytest.fixture(scope="module")
def portuguese_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Portuguese at the root, English under ``en/`` (``catalogue_factory.portuguese_catalogue``:
    two credentials, every text in both)."""
    from .conftest import site_of

    yield from site_of(tmp_path_factory, "portuguese", portuguese_catalogue)


def test_portuguese_counts_read_as_portugal_writes_them(page: Page, portuguese_site: Site) -> None:
    """A search that finds one credential says so in the singular, two in the plural, as the
    build writes them: the script counts by European Portuguese's rules (Chromium's ``pt`` is
    Brazilian, whose singular covers 0 to 1.99, and the page read "1 microcredenciais
    correspondem.")."""
    open_catalogue(page, portuguese_site)
    assert page.locator("html").get_attribute("lang") == "pt"
    count = page.locator("#credcat-count")
    expect(count).to_have_text("2 microcredenciais correspondem.")
    page.locator("#credcat-q").fill("tabelas")  # an outcome of one credential only
    expect(count).to_have_text("1 microcredencial corresponde.")
    assert shown_ids(page) == ["databases"]
    page.locator("#credcat-q").fill("zzzqqq")
    expect(count).to_have_text("Nenhuma microcredencial corresponde.")
    # English pages count as English does
    open_catalogue(page, portuguese_site, "?text=relational", lang="en/")
    expect(page.locator("#credcat-count")).to_have_text("1 credential matches.")


def test_portuguese_search_finds_a_credential_by_the_name_of_its_field(
    page: Page, portuguese_site: Site
) -> None:
    """On a Portuguese page "estatística" finds the credential whose field is Statistics (the
    filter "Estatística"), though none of its texts says the word; with or without the accent,
    in any case; on the English page "statistics" does."""
    open_catalogue(page, portuguese_site)
    option = page.locator('#credcat-filters input[data-credcat-facet="field"][value="0542"]')
    expect(option.locator("xpath=..")).to_contain_text("Estatística")
    count = page.locator("#credcat-count")
    for query in ("estatística", "Estatistica", "ESTATÍSTICA"):
        page.locator("#credcat-q").fill(query)
        expect(count).to_have_text("1 microcredencial corresponde.")
        assert shown_ids(page) == ["analysis"], query
    open_catalogue(page, portuguese_site, "?text=statistics", lang="en/")
    expect(page.locator("#credcat-count")).to_have_text("1 credential matches.")
    assert shown_ids(page) == ["analysis"]


@pytest.mark.parametrize("path", ["pl/credentials/databases/", "pl/catalogue/"])
def test_axe_on_polish_pages(page: Page, polish_site: Site, path: str) -> None:
    require_axe()
    page.goto(polish_site.url(path))
    if path.endswith("catalogue/"):
        expect(page.locator("#credcat-filters")).to_be_visible()
    assert_no_axe_violations(page, path)
    page.goto("about:blank")


def test_a_site_without_a_palette_keeps_the_contrast_of_hovered_buttons(
    page: Page, polish_site: Site
) -> None:
    """A site with no palette in its mkdocs.yml (as ``credcat init`` writes it) has Material's
    default accent, indigo #526cfe: white on it is 4.25:1, under WCAG 1.4.3's 4.5:1, on every
    hovered or focused button ("Clear" on the check page, "Clear all filters")."""
    from .test_credential_page import assert_hovered_and_focused_contrast

    page.goto(polish_site.url("pl/check/"))
    assert page.locator("body").get_attribute("data-md-color-accent") is None
    assert_hovered_and_focused_contrast(page, page.locator("#credcat-check-clear"))
