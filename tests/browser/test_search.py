"""Material's header search and the catalogue's own text search in Chromium.

The search index holds, of each credential page, only the title, the summary and the outcomes
with their skills (``credcat.render.site.search``), so it stays small at 10,000 credentials.
The header search must still find a credential by an outcome's words (the catalogue's own
search does too: ``test_e2e.test_text_search_finds_a_credential_by_an_outcome_word``).

Both fold accents: "donnees" finds "données" and "Zürich" "Zurich" (the header search through
credcat's worker, ``theme/assets/javascripts/workers/credcat-search.js``, which runs Material's
unchanged; the catalogue's own search in ``catalogue.js``).

The catalogue's own search reads the descriptions, outcomes and skills from
``catalogue-texts.json``, which the page loads after ``catalogue.json`` (issue 9: the filters
work as soon as the first, smaller file is parsed). A search typed before the texts arrive
waits for them, says so, and then shows the right results; it never shows results that miss
the outcomes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from credcat.catalogue import Catalogue
from credcat.render.data.nodes import plain_text
from credcat.render.site.localise import plural, ui_strings

from .conftest import NewContext, Site
from .test_catalogue_ui import data_of, fold_text, searched_texts, texts_of
from .test_e2e import (
    count_text,
    facet_box,
    fold,
    lang_of,
    matching,
    open_catalogue,
    outcome_word,
    searchable,
    settled_url,
    shown_ids,
    t,
)


def site_search(page: Page, text: str) -> Locator:
    """Type ``text`` into Material's header search; its result links once there are some.

    Material's search worker drops a query typed before it has built its index (a small
    index is built while the page still loads), so the query is typed again until the worker
    answers, for at most about 30 seconds.
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    box.click()
    for _ in range(10):
        box.fill("")
        box.press_sequentially(text)
        try:
            expect(results.first).to_be_visible(timeout=3000)
            break
        except AssertionError:
            continue
    expect(results.first).to_be_visible()
    return results


def test_header_search_finds_a_credential_by_an_outcome_word(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    page.goto(sample_site.url())
    page.keyboard.press("/")
    page.keyboard.type(word.lower())
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    links = result_links(page)
    assert any(f"credentials/{cid}/" in href for href in links), links
    credentials = [href for href in links if "credentials/" in href]  # not the guides
    assert all(f"credentials/{cid}/" in href for href in credentials), "only that one matches"
    # the result leads to the credential's outcomes
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert f"/credentials/{cid}/" in page.url
    expect(page.locator("h1")).to_contain_text(cat.credentials[cid].title["en"])


FOCUSED = """() => {
  const e = document.activeElement, box = e.getBoundingClientRect();
  return {cls: e.className, text: (e.textContent || "").trim().slice(0, 30),
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
      && getComputedStyle(e).visibility === "visible"};
}"""


def test_tab_never_lands_on_the_closed_search_results(page: Page, sample_site: Site) -> None:
    """Every Tab stop of the header and navigation shows where it is: not the closed search's
    results, not the links of the closed navigation drawer of a phone (slid out of view); the
    results of an open search are reached with the arrow keys."""
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(sample_site.url("how-to-read/"))
        stops = []
        for _ in range(20):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
        assert any("md-search__input" in s["cls"] for s in stops), stops
        assert not any("md-search__scrollwrap" in s["cls"] for s in stops), stops
        assert all(s["visible"] for s in stops[1:]), stops  # the skip link shows once focused
    # opened, the drawer's links show and take the focus
    page.locator("button.credcat-drawer-button").click()
    link = page.locator(".md-sidebar--primary .md-nav__link[href]").first
    expect(link).to_be_visible()
    expect(link).to_be_in_viewport()  # once the drawer has slid in
    link.focus()
    assert page.evaluate(FOCUSED)["visible"]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(sample_site.url("how-to-read/"))
    results = site_search(page, "python")
    page.keyboard.press("ArrowDown")
    expect(results.first).to_be_focused()
    assert page.evaluate(FOCUSED)["visible"]


def test_the_navigation_drawer_opens_and_closes_by_keyboard(page: Page, sample_site: Site) -> None:
    """On a phone, or at 200 % zoom, the navigation is a drawer: its button is a Tab stop with
    a name and a state; Enter opens it and puts the focus on its first link, Escape closes it
    and gives the focus back (WCAG 2.1.1, 4.1.2)."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(sample_site.url("de/how-to-read/"))
    button = page.locator("button.credcat-drawer-button")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    name = page.locator(".md-nav--primary").get_attribute("aria-label")
    assert name and button.get_attribute("aria-label") == name
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.classList.contains('credcat-drawer-button')"
        ):
            break
    expect(button).to_be_focused()
    assert page.evaluate(FOCUSED)["visible"]
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    first = page.locator(".md-nav--primary a[href]").first
    expect(first).to_be_focused()
    expect(first).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "true")
    # on a wide screen the navigation is beside the page: no button
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(button).to_be_hidden()


def test_header_search_finds_a_credential_by_its_title_in_german(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    cred = next(c for c in cat.credentials.values() if "de" in c.title)
    page.goto(sample_site.url("de/"))
    page.keyboard.press("/")
    page.keyboard.type(cred.title["de"].split()[0])
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    links = result_links(page)
    assert any(f"credentials/{cred.id}/" in href for href in links), links


# --- the catalogue's own search and its second file ---------------------------------------------

TEXTS = re.compile(r"/catalogue-texts\.json$")


class HeldTexts:
    """Holds the page's requests for catalogue-texts.json until :meth:`release`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.routes: list[Route] = []
        self.released = False
        page.route(TEXTS, self._hold)

    def _hold(self, route: Route) -> None:
        if self.released:
            route.fallback()  # to the context's guard, which lets it through
        else:
            self.routes.append(route)

    def release(self) -> None:
        asked(self.page, self.routes)
        self.released = True
        for route in self.routes:
            route.fallback()


def asked(page: Page, requests: list[Any], at_least: int = 1) -> None:
    """Wait (up to 5 s) until the page has asked for catalogue-texts.json ``at_least`` times."""
    for _ in range(100):
        if len(requests) >= at_least:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"catalogue-texts.json asked for {len(requests)} times, not {at_least}")


def test_catalogue_search_typed_right_away_finds_a_credential_by_an_outcome_word(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    page.goto(sample_site.url("catalogue/"))
    box = page.locator("#credcat-q")
    expect(box).to_be_visible()  # the first moment the form is there
    box.fill(word.lower())
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid]


def description_word(cat: Catalogue) -> tuple[str, str]:
    """A word of the description of one active credential (as the page's plain text has it)
    that none of its other texts the search reads (title, summary, outcomes, skills,
    organisations) holds, nor any text of another credential: only the description can find
    it, and searching it must find exactly that credential."""
    haystacks = {cid: searchable(cat, cred) for cid, cred in cat.credentials.items()}
    for cid, cred in sorted(cat.credentials.items()):
        if cred.status != "active" or not cred.description:
            continue
        own = searchable(cat, cred.model_copy(update={"description": None}))
        shown = plain_text(t(cat, cred.description), markdown=True)
        for word in re.findall(r"[^\W\d_]{7,}", shown):
            folded = fold(word)
            if folded in own:
                continue
            if all(folded not in text for other, text in haystacks.items() if other != cid):
                return word, cid
    raise AssertionError("no description word is unique to one credential in the sample catalogue")


def test_catalogue_search_finds_a_credential_by_a_word_of_its_description(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    word, cid = description_word(cat)
    open_catalogue(page, sample_site)
    page.locator("#credcat-q").fill(word.lower())
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid], f"searching {word!r} should find {cid} only"
    # the case does not matter, as for the other texts
    page.locator("#credcat-q").fill(word.upper())
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid]
    assert parse_qs(urlsplit(settled_url(page)).query).get("text") == [word.upper()]


def test_filters_work_and_a_search_waits_while_the_texts_are_on_their_way(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    waiting = ui_strings(lang_of(cat))["catalogue_search_loading"]
    held = HeldTexts(page)
    page.goto(sample_site.url("catalogue/"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    # the filters, counts and sorting work with catalogue.json alone
    facet_box(page, "eqf", "6").check()
    level = matching(cat, {"eqf": ["6"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(level)))
    facet_box(page, "eqf", "6").uncheck()
    active = matching(cat, {"status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    asked(page, held.routes)  # once the first results are on the page, without a text search
    # a search for an outcome's word now: no results yet, and the page says why
    page.locator("#credcat-q").fill(word.lower())
    expect(page.locator("#credcat-count")).to_have_text(waiting)
    expect(page.locator("#credcat-results")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#credcat-results li")).to_have_count(0)
    expect(page.locator("#credcat-empty")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"text=" + re.escape(word.lower())))
    # the texts arrive: the right results, without another key press
    held.release()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid]
    expect(page.locator("#credcat-results")).not_to_have_attribute("aria-busy", "true")
    # a search for a word found only in the titles and summaries works the same from now on
    page.locator("#credcat-q").fill("qqqxxyzzy")
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 0))
    expect(page.locator("#credcat-empty")).to_be_visible()


def test_a_shared_search_address_shows_its_results_once_the_texts_are_here(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    held = HeldTexts(page)
    page.goto(sample_site.url("catalogue/?text=" + word.upper()))
    expect(page.locator("#credcat-filters")).to_be_visible()
    expect(page.locator("#credcat-q")).to_have_value(word.upper())
    expect(page.locator("#credcat-count")).to_have_text(
        ui_strings(lang_of(cat))["catalogue_search_loading"]
    )
    held.release()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid]
    assert parse_qs(urlsplit(page.url).query).get("text") == [word.upper()]


def test_without_the_texts_the_search_still_finds_titles(
    new_context: NewContext, sample_site: Site
) -> None:
    """Should catalogue-texts.json fail to load, the search looks at titles, summaries and
    organisations (what catalogue.json holds) instead of waiting for ever."""
    cat = sample_site.catalogue
    context, guard = new_context(check=False)
    page = context.new_page()
    requests: list[str] = []

    def fail(route: Any) -> None:
        requests.append(route.request.url)
        route.fulfill(status=503, body="")

    page.route(TEXTS, fail)
    page.goto(sample_site.url("catalogue/"))
    expect(page.locator("#credcat-filters")).to_be_visible()
    cred = next(c for c in cat.credentials.values() if c.status == "active")
    title = cred.title[lang_of(cat)]
    page.locator("#credcat-q").fill(title)
    expect(page.locator("#credcat-results li.credcat-card").first).to_be_visible()
    assert cred.id in shown_ids(page)
    asked(page, requests, 2)  # a search after a failure asks for the texts again
    assert guard.page_errors == []


# --- accents: what is typed without them finds what is written with them, and back ------------

MARKS = re.compile("[\u0300-\u036f]")


def fold_accents(text: str) -> str:
    """As credcat's search worker folds the words it indexes and the query (NFD, combining
    diacritical marks dropped, NFC), and as catalogue.js folds what it searches."""
    return unicodedata.normalize("NFC", MARKS.sub("", unicodedata.normalize("NFD", text)))


def accented_word(words: Iterable[str]) -> str:
    """The most frequent word of seven letters or more that has accents (the first in
    alphabetical order of those as frequent): one the sample's texts use often."""
    counts = Counter(w for w in words if len(w) >= 7 and fold_accents(w) != w)
    assert counts, "the sample's texts lost their accents"
    return min(counts, key=lambda w: (-counts[w], w))


def indexed_words(site: Site, lang: str) -> list[str]:
    """The words of the search index of a language, as its pages write them."""
    index = json.loads((site.root / lang / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    return re.findall(r"[^\W\d_]+", re.sub(r"<[^>]+>", " ", text))


def found_pages(page: Page, results: Locator, meta: str = "") -> tuple[str, list[str]]:
    """What the search says it found ("12 documents trouvés") and where its results lead,
    without Material's ?h=; once it says ``meta``, where that is given."""
    said = page.locator(".md-search-result__meta")
    if meta:
        expect(said).to_have_text(meta)
    links = result_links(page)
    return said.inner_text(), sorted({urlsplit(h)._replace(query="").geturl() for h in links})


def result_links(page: Page) -> list[str]:
    """Where the results lead, read at once once they have settled (:func:`settled`)."""
    settled(page)
    found = page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    return [str(href) for href in found]


def settled(page: Page) -> None:
    """Waits until the results stop changing: Material answers the query of each letter typed,
    and draws the results of each answer, so the list of an earlier prefix may still be
    replaced (it was read while being redrawn, one link at a time). Settled: the same count
    and summary over three looks 200 ms apart, within about ten seconds."""
    items = page.locator(".md-search-result__item")
    said = page.locator(".md-search-result__meta")
    seen: list[tuple[int, str]] = []
    for _ in range(50):
        seen.append((items.count(), said.inner_text()))
        if len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]:
            return
        page.wait_for_timeout(200)


def marked_words(page: Page) -> set[str]:
    """The words the results mark as found, in lower case."""
    return {m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()}


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_header_search_finds_words_with_accents_typed_without_them(
    page: Page, sample_site: Site, lang: str
) -> None:
    """Material's search with credcat's worker (``credcat-search.js``): a word of the French
    or German pages typed without its accents ("donnees" for "données"), in lower case or in
    capitals, finds what the word as written finds; the results mark the word as written, and
    the page a result leads to highlights it."""
    word = accented_word(indexed_words(sample_site, lang))
    bare = fold_accents(word)
    page.goto(sample_site.url(f"{lang}/"))
    assert "workers/credcat-search.js?material=search." in page.locator("#__config").inner_text()
    meta, found = found_pages(page, site_search(page, word.lower()))
    assert found
    for query in (bare.lower(), bare.upper()):
        page.goto(sample_site.url(f"{lang}/"))
        results = site_search(page, query)
        assert found_pages(page, results, meta) == (meta, found), query
        assert word.lower() in marked_words(page), query
    # the link of a result names the word as written too (?h=), which its page highlights
    href = next(
        str(h)
        for h in result_links(page)
        if word.lower() in parse_qs(urlsplit(str(h)).query).get("h", [""])[0].split()
    )
    page.goto(href)
    highlighted = page.locator("mark[data-md-highlight]")
    expect(highlighted.first).to_be_visible()
    assert word.lower() in {m.lower() for m in highlighted.all_inner_texts()}


def test_header_search_finds_words_without_accents_typed_with_them(
    page: Page, sample_site: Site
) -> None:
    """The fold goes both ways ("Zürich" typed finds "Zurich" written); a query without
    accents gets Material's results and highlighting as they were (?h=python)."""
    page.goto(sample_site.url())
    results = site_search(page, "python")
    meta, found = found_pages(page, results)
    highlights = {parse_qs(urlsplit(href).query).get("h", [""])[0] for href in result_links(page)}
    assert "python" in highlights and highlights <= {"python", ""}, highlights
    page.goto(sample_site.url())
    assert found_pages(page, site_search(page, "pythön"), meta) == (meta, found)
    assert "python" in marked_words(page)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_catalogue_search_finds_words_with_accents_typed_without_them(
    page: Page, sample_site: Site, lang: str
) -> None:
    """The catalogue page's own search folds accents too (catalogue.js ``fold``): a word of
    the credentials' texts typed without them finds the credentials that word finds."""
    data = data_of(sample_site, lang)
    texts = texts_of(sample_site, lang)
    words = []
    for e in data["credentials"]:
        more = texts.get(e["i"], {})
        for text in [e.get("t", ""), e.get("s", ""), more.get("d", ""), *more.get("o", [])]:
            words += re.findall(r"[^\W\d_]+", text)
    word = accented_word(words)
    folded = searched_texts(sample_site, lang)
    active = {e.id for e in matching(sample_site.catalogue, {"status": ["active"]})}
    expected = sorted(cid for cid in active if fold_accents(word).lower() in folded[cid])
    assert expected, word
    count = plural(ui_strings(lang)["catalogue_count"], len(expected), lang)
    open_catalogue(page, sample_site, lang=f"{lang}/")
    for query in (word, fold_accents(word), fold_accents(word).upper()):
        page.locator("#credcat-q").fill(query)
        expect(page.locator("#credcat-count")).to_have_text(count)
        assert sorted(shown_ids(page)) == expected, query


def test_a_query_word_named_as_an_objects_own_is_a_word_like_any_other(
    page: Page, sample_site: Site
) -> None:
    """A query word that names a property every JavaScript object has ("constructor",
    "__proto__") is a word like any other for credcat's worker: the results come as for the
    other words alone, and "constructor" is said missing as typed. The worker's words of a
    result were a plain object, in which "constructor" was found already (Object, a function
    that postMessage cannot clone: an uncaught error in the worker, which the guard of the
    browser context fails on, and no results for the query)."""
    page.goto(sample_site.url())
    found = found_pages(page, site_search(page, "python"))[1]
    for word in ("constructor", "__proto__"):
        page.goto(sample_site.url())
        results = site_search(page, f"python {word}")
        assert found_pages(page, results)[1] == found, word
    missing = page.locator(".md-search-result__item del")
    page.goto(sample_site.url())
    site_search(page, "python constructor")
    expect(missing.first).to_have_text("constructor")


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_catalogue_search_finds_a_credential_by_its_fields_name_in_the_page_language(
    page: Page, sample_site: Site, lang: str
) -> None:
    """The catalogue's text search reads the names of a credential's fields of study, mode and
    level as the page's filters give them (catalogue.json's facets, in the page's language):
    the name of a field ("Statistik" on a German page), typed in lower case and without
    accents, finds every credential of that field, also those whose texts never use the word
    (before, it found only those), and what else holds the word."""
    cat = sample_site.catalogue
    path = "" if lang == cat.settings.default_language else lang
    data = data_of(sample_site, path)
    searched = searched_texts(sample_site, path)
    bare = searched_texts(sample_site, path, labels=False)
    active = sorted(e.id for e in matching(cat, {"status": ["active"]}))
    entries = {e["i"]: e for e in data["credentials"]}

    def values(cid: str, facet: str) -> list[str]:
        entry = entries[cid]
        return [str(v) for v in entry.get("f", [])] if facet == "field" else [str(entry["m"])]

    tried = 0
    for facet in ("field", "mode"):
        labels = [(str(p[0]), str(p[1])) for p in data["facets"][facet]]
        # a name some credential of that value does not hold in its texts: only the name finds it
        found = [
            (code, label)
            for code, label in labels
            if any(code in values(c, facet) and fold_text(label) not in bare[c] for c in active)
        ]
        if not found:
            continue
        code, label = found[0]
        query = fold_text(label)
        expected = sorted(c for c in active if all(w in searched[c] for w in query.split()))
        assert {c for c in active if code in values(c, facet)} <= set(expected)
        open_catalogue(page, sample_site, lang=f"{path}/" if path else "")
        page.locator("#credcat-q").fill(query)
        expect(page.locator("#credcat-count")).to_have_text(
            plural(ui_strings(lang)["catalogue_count"], len(expected), lang)
        )
        assert sorted(shown_ids(page)) == expected, (facet, label)
        tried += 1
    assert tried, "every field's and mode's name is in the texts of its credentials"
