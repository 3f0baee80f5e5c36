"""End-to-end tests of the catalogue website in headless Chromium (Playwright, sync API).

The sample catalogue (``catalogue/``) is built once with the repository's ``mkdocs.yml`` and
served on 127.0.0.1; a second site is built from a catalogue full of script payloads
(``xss_fixture.py``). Every expectation about credentials is computed from the loaded model
(:func:`credcat.validate.load_catalogue`), never written as a literal, so the tests follow the
sample catalogue when it changes. Every browser context aborts and records requests to any host
but 127.0.0.1, uncaught JavaScript errors, dialogs and HTTP errors (see ``conftest.py``); a test
that triggers one fails at teardown.

Run only these: ``python3 -m pytest -m browser``. Screenshots go to ``$CREDCAT_SCREENSHOTS``
(or a temporary folder, printed with ``-s``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from credcat.catalogue import Catalogue
from credcat.cli import main as credcat_main
from credcat.model import Credential
from credcat.render.language import localise
from credcat.render.site.common import STATUS_ORDER
from credcat.render.site.localise import Localiser, plural, ui_strings

from . import check_fixtures, xss_fixture
from .conftest import NewContext, Site, require_axe

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
FACETS = ("eqf", "field", "mode", "language", "org", "status")
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


# --- the model side: what the page should show ------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One credential as the catalogue filters see it, computed from the model."""

    id: str
    title: str
    values: Mapping[str, frozenset[str]]  # facet → codes
    eqf: int
    ects: float | None


def lang_of(cat: Catalogue) -> str:
    return cat.settings.default_language


def t(cat: Catalogue, text: Mapping[str, str] | None) -> str:
    lang = lang_of(cat)
    return localise(text, lang, lang)


def entries(cat: Catalogue) -> list[Entry]:
    out = []
    for cred in cat.credentials.values():
        orgs = frozenset([*cred.awarding_body, *cred.providers])
        values = {
            "eqf": frozenset({str(cred.eqf)}),
            "field": frozenset(cred.field),
            "mode": frozenset({cred.mode}),
            "language": frozenset(cred.languages),
            "org": orgs,
            "status": frozenset({cred.status}),
        }
        out.append(Entry(cred.id, t(cat, cred.title), values, cred.eqf, cred.workload.ects))
    return out


def matching(
    cat: Catalogue, filters: Mapping[str, Iterable[str]], skip: str | None = None
) -> list[Entry]:
    """Entries that pass every facet filter (values or-ed within a facet, facets and-ed)."""
    wanted = {facet: set(values) for facet, values in filters.items() if values}
    return [e for e in entries(cat) if all(e.values[f] & v for f, v in wanted.items() if f != skip)]


def facet_counts(cat: Catalogue, filters: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """``"facet:value" → n``: how many results there would be with that option, keeping the
    other facets' filters (the usual disjunctive facet counts)."""
    counts: dict[str, int] = {}
    every = entries(cat)
    for facet in FACETS:
        pool = matching(cat, filters, skip=facet)
        for value in sorted({v for e in every for v in e.values[facet]}):
            counts[f"{facet}:{value}"] = sum(1 for e in pool if value in e.values[facet])
    return counts


def count_text(cat: Catalogue, n: int) -> str:
    return plural(ui_strings(lang_of(cat))["catalogue_count"], n)


def title_key(entry: Entry) -> tuple[str, str]:
    return (entry.title.casefold(), entry.id)


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def searchable(cat: Catalogue, cred: Credential) -> str:
    """Every text of a credential the search could look at (generously: all of them), and
    the names of its fields, mode and level."""
    orgs = [*cred.awarding_body, *cred.providers]
    parts = [t(cat, cred.title), t(cat, cred.summary), t(cat, cred.description)]
    parts += [t(cat, o.text) for o in cred.outcomes]
    for outcome in cred.outcomes:
        for skill in outcome.esco:  # a URI, or a URI with a label
            parts.append(str(getattr(skill, "uri", skill)))
            label = getattr(skill, "label", None)
            if label:
                parts.append(t(cat, label))
    for oid in orgs:
        org = cat.organisations[oid]
        parts += [t(cat, org.name), t(cat, org.short_name)]
    # the names of its fields, mode and level, as the page's filters give them
    loc = Localiser(lang_of(cat), (lang_of(cat),))
    parts += [loc.label("isced-f", code) for code in cred.field]
    parts += [loc.label("mode", cred.mode), loc.ui_text("fact_eqf_value", level=cred.eqf)]
    return fold(" \n ".join(parts))


def outcome_word(cat: Catalogue) -> tuple[str, str]:
    """A word from the outcomes of one active credential that no other credential contains
    anywhere (nor its own title or summary): searching it must find exactly that credential."""
    haystacks = {cid: searchable(cat, cred) for cid, cred in cat.credentials.items()}
    for cid, cred in cat.credentials.items():
        if cred.status != "active":
            continue
        own = fold(t(cat, cred.title) + " " + t(cat, cred.summary))
        for outcome in cred.outcomes:
            for word in re.findall(r"[^\W\d_]{7,}", t(cat, outcome.text)):
                folded = fold(word)
                if folded in own:
                    continue
                if all(folded not in text for other, text in haystacks.items() if other != cid):
                    return word, cid
    raise AssertionError("no outcome word is unique to one credential in the sample catalogue")


def a_credential(cat: Catalogue) -> Credential:
    """The active credential with the most outcomes and assessments (the richest page)."""
    active = [c for c in cat.credentials.values() if c.status == "active"]
    return max(active, key=lambda c: (len(c.outcomes) + len(c.assessments), len(c.offerings), c.id))


# --- the page side ------------------------------------------------------------------------------


def open_catalogue(page: Page, site: Site, query: str = "", *, lang: str = "") -> None:
    """Open the catalogue page (of the language whose path starts with ``lang``: ``sl/``)
    and wait until the filter script has taken over."""
    page.goto(site.url(f"{lang}catalogue/") + query)
    expect(page.locator("#credcat-filters")).to_be_visible()


def paste_credential(page: Page, text: str) -> None:
    """Paste a credential on the check page and press the button; wait for the verdict."""
    page.locator("#credcat-check-clear").click()
    expect(page.locator("#credcat-check-result")).to_be_hidden()
    box = page.locator("#credcat-check-text")
    box.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }", text)
    page.locator("#credcat-check-submit").click()
    expect(page.locator("#credcat-check-output[data-credcat-verdict]")).to_have_count(1)


def settled_url(page: Page) -> str:
    """The page's address once the filter script has written the state into it (it does so
    shortly after the results are on screen)."""
    page.wait_for_function(
        "!document.getElementById('credcat-catalogue').hasAttribute('data-credcat-pending')"
    )
    # the document's own address: Playwright's page.url follows a pushState only when the
    # browser's event reaches it, which on a loaded machine can be after this point
    return str(page.evaluate("location.href"))


def shown_ids(page: Page) -> list[str]:
    """Ids of the visible cards in the result list, in page order."""
    return page.eval_on_selector_all(
        "#credcat-results li.credcat-card",
        "els => els.filter(e => !e.hidden && e.checkVisibility())"
        ".map(e => e.getAttribute('data-credcat-id'))",
    )


def live_counts(page: Page) -> dict[str, int]:
    raw = page.eval_on_selector_all(
        "#credcat-filters [data-credcat-count]",
        "els => els.map(e => [e.getAttribute('data-credcat-count'), e.textContent])",
    )
    out = {}
    for key, text in raw:
        match = re.fullmatch(r"\s*\((\d+)\)\s*", text)
        assert match, f"facet count {key} reads {text!r}, expected '(n)'"
        out[key] = int(match.group(1))
    return out


def checked(page: Page) -> dict[str, list[str]]:
    pairs = page.eval_on_selector_all(
        "#credcat-filters input[type=checkbox][data-credcat-facet]:checked",
        "els => els.map(e => [e.name, e.value])",
    )
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return {k: sorted(v) for k, v in out.items()}


def facet_box(page: Page, facet: str, value: str) -> Any:
    return page.locator(f'#credcat-filters input[data-credcat-facet="{facet}"][value="{value}"]')


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core (once per document) and return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(require_axe()))
    return page.evaluate(
        """async (options) => {
            // settle first: a control caught mid-fade (Material's "Back to top" appears with a
            // transition) has the blended colour of that instant, not its own
            // (finite animations only, and never longer than two seconds)
            const finite = document.getAnimations().filter(a => {
                const timing = a.effect && a.effect.getComputedTiming();
                return timing && Number.isFinite(timing.endTime);
            });
            await Promise.race([
                Promise.all(finite.map(a => a.finished.catch(() => null))),
                new Promise(resolve => setTimeout(resolve, 2000)),
            ]);
            const result = await window.axe.run(document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }));
        }""",
        AXE_OPTIONS,
    )


def format_violations(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core: {len(violations)} violation(s) on {where}"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            target = " ".join(json.dumps(t) for t in node["target"])
            lines.append(f"    {target}  {node['html'][:160]}")
            summary = norm(node["summary"])
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, where: str) -> None:
    violations = run_axe(page)
    if violations:
        pytest.fail(format_violations(where, violations), pytrace=False)


# --- the fixture catalogue itself ---------------------------------------------------------------


def test_xss_fixture_passes_credcat_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The payload catalogue is structurally valid: the payloads reach the pages."""
    folder = xss_fixture.write_xss_catalogue(tmp_path / "xss")
    code = credcat_main(["check", "--format", "json", str(folder)])
    problems = json.loads(capsys.readouterr().out)
    assert code == 0, problems
    # every warning names a tag or a link a page will not show as written, or a text with no
    # Slovenian (its pages show the English); the payload translations have none
    assert {p["code"] for p in problems} == {"html-in-text", "link-scheme", "translation"}
    assert {p["severity"] for p in problems} == {"warning"}
    assert not [p for p in problems if "/locales/" in p["path"]], problems
    # every message of credcat's template is translated, with every placeholder kept
    for lang in xss_fixture.LANGUAGES:
        po = (folder / "locales" / f"{lang}.po").read_text("utf-8")
        assert po.count("msgctxt ") == len(xss_fixture.template()), lang
        assert po.count(xss_fixture.SCRIPT) >= len(xss_fixture.template()), lang


# --- catalogue: filters, counts, URL, search, sort ----------------------------------------------


def test_catalogue_starts_with_every_active_credential(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    open_catalogue(page, sample_site)
    active = matching(cat, {"status": ["active"]})
    assert shown_ids(page) == [e.id for e in sorted(active, key=title_key)]
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    assert checked(page) == {"status": ["active"]}
    # the options are the codes the catalogue uses, and their counts start from "active only"
    assert live_counts(page) == facet_counts(cat, {"status": ["active"]})
    # the no-JS section of the other credentials has been folded into the filterable list
    others = page.locator("#credcat-others")
    if others.count():
        expect(others).to_be_hidden()


def test_filter_eqf_6_online_counts_list_and_shared_url(
    page: Page, new_context: NewContext, sample_site: Site
):
    cat = sample_site.catalogue
    filters = {"eqf": ["6"], "mode": ["online"], "status": ["active"]}
    expected = sorted(matching(cat, filters), key=title_key)
    active = matching(cat, {"status": ["active"]})
    assert 0 < len(expected) < len(active), "the sample catalogue no longer exercises this filter"

    open_catalogue(page, sample_site)
    facet_box(page, "eqf", "6").check()
    facet_box(page, "mode", "online").check()

    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert shown_ids(page) == [e.id for e in expected]
    expect(page.locator("#credcat-empty")).to_be_hidden()
    assert live_counts(page) == facet_counts(cat, filters)

    # the view is in the URL …
    shared = settled_url(page)
    query = parse_qs(urlsplit(shared).query)
    assert query.get("eqf") == ["6"] and query.get("mode") == ["online"], shared

    # … a reload shows the same view …
    page.reload()
    expect(page.locator("#credcat-filters")).to_be_visible()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert checked(page) == {"eqf": ["6"], "mode": ["online"], "status": ["active"]}
    assert shown_ids(page) == [e.id for e in expected]
    assert live_counts(page) == facet_counts(cat, filters)

    # … and so does the shared link opened by somebody else
    context, _ = new_context()
    other = context.new_page()
    other.goto(shared)
    expect(other.locator("#credcat-filters")).to_be_visible()
    expect(other.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert shown_ids(other) == [e.id for e in expected]
    expect(other.locator("#credcat-facets")).to_have_attribute("open", "")

    # removing a filter widens the list again; "clear all" restores the start
    facet_box(page, "mode", "online").uncheck()
    wider = matching(cat, {"eqf": ["6"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(wider)))
    assert set(shown_ids(page)) == {e.id for e in wider}
    page.locator("#credcat-reset").click()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    assert set(shown_ids(page)) == {e.id for e in active}
    assert urlsplit(settled_url(page)).query == ""


def test_status_filter_shows_the_other_credentials(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    others = [c for c in cat.credentials.values() if c.status != "active"]
    assert others, "the sample catalogue has no draft, superseded or retired credential"
    status = others[0].status
    open_catalogue(page, sample_site)
    facet_box(page, "status", status).check()
    expected = matching(cat, {"status": ["active", status]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert set(shown_ids(page)) == {e.id for e in expected}
    card = page.locator(f'#credcat-results li.credcat-card[data-credcat-id="{others[0].id}"]')
    expect(card).to_be_visible()
    expect(card).to_have_attribute("data-credcat-status", status)


def test_workload_range(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    active = matching(cat, {"status": ["active"]})
    ectses = sorted({e.ects for e in active if e.ects is not None})
    assert len(ectses) >= 3, "the sample catalogue has too few workloads to filter by"
    low, high = ectses[1], ectses[-2]
    expected = [e for e in active if e.ects is not None and low <= e.ects <= high]
    open_catalogue(page, sample_site)
    page.locator("#credcat-ects-min").fill(f"{low:g}")
    page.locator("#credcat-ects-max").fill(f"{high:g}")
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert set(shown_ids(page)) == {e.id for e in expected}
    query = parse_qs(urlsplit(settled_url(page)).query)
    assert query.get("ects_min") == [f"{low:g}"] and query.get("ects_max") == [f"{high:g}"]
    page.reload()
    expect(page.locator("#credcat-ects-min")).to_have_value(f"{low:g}")
    assert set(shown_ids(page)) == {e.id for e in expected}


def test_text_search_finds_a_credential_by_an_outcome_word(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    open_catalogue(page, sample_site)
    page.locator("#credcat-q").fill(word.lower())
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid], f"searching {word!r} should find {cid} only"
    # "text", not "q": Material opens its own search overlay for ?q=
    assert parse_qs(urlsplit(settled_url(page)).query).get("text") == [word.lower()]

    # a word nobody uses: nothing matches, and the page says so
    page.locator("#credcat-q").fill("qqqxxyzzy")
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 0))
    assert shown_ids(page) == []
    expect(page.locator("#credcat-empty")).to_be_visible()

    # the search survives a reload
    page.locator("#credcat-q").fill(word.upper())
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    page.reload()
    expect(page.locator("#credcat-q")).to_have_value(word.upper())
    # the words of outcomes are in catalogue-texts.json, which the page loads after the list:
    # the result stands once the count says so (on a loaded machine the file comes later)
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 1))
    assert shown_ids(page) == [cid]


def test_an_empty_result_offers_to_clear_the_filters(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    open_catalogue(page, sample_site)
    page.locator("#credcat-q").fill("qqqxxyzzy")
    empty = page.locator("#credcat-empty")
    expect(empty).to_be_visible()
    # the empty state has its own "clear all filters" button (a reset button of the form)
    empty.locator("button[type=reset]").click()
    active = matching(cat, {"status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    expect(page.locator("#credcat-q")).to_have_value("")
    expect(page.locator("#credcat-q")).to_be_focused()
    expect(empty).to_be_hidden()
    assert urlsplit(settled_url(page)).query == ""


def test_on_a_phone_the_filters_stay_folded_and_the_results_in_view(
    new_context: NewContext, sample_site: Site
):
    cat = sample_site.catalogue
    expected = matching(cat, {"eqf": ["6"], "mode": ["online"], "status": ["active"]})
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    # a shared link with filters: the facets stay folded (their summary counts the active
    # filters) and the first result shows on the first screen
    open_catalogue(page, sample_site, "?eqf=6&mode=online")
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    facets = page.locator("#credcat-facets")
    expect(facets).not_to_have_attribute("open", "")
    expect(page.locator("#credcat-active-count")).not_to_be_empty()
    first = page.locator("#credcat-results li.credcat-card:not([hidden])").first
    box = first.bounding_box()
    assert box is not None and box["y"] < PHONE["height"], (
        f"the first result starts at y={box and box['y']}, below the first screen"
    )
    # opened, the facets fill the screen as a panel that ends with "Show N results"
    facets.locator(":scope > summary").click()
    expect(facets).to_have_attribute("open", "")
    back = page.locator("#credcat-show-results")
    expect(back).to_be_in_viewport()
    show_n = ui_strings(lang_of(cat))["catalogue_show_n"]
    expect(back).to_have_text(plural(show_n, len(expected)))
    back.click()
    expect(facets).not_to_have_attribute("open", "")
    expect(page.locator("#results")).to_be_focused()
    expect(page.locator("#credcat-count")).to_be_in_viewport()

    # the panel covers the page like a dialog: Tab stays inside it, Escape closes it
    summary = facets.locator(":scope > summary")
    summary.click()
    expect(facets).to_have_attribute("open", "")
    back.focus()
    page.keyboard.press("Tab")  # past the last control: back to the first
    expect(summary).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(back).to_be_focused()
    # every option reached with Tab shows clear of the sticky header and button (2.4.11)
    summary.focus()
    bar = page.locator(".credcat-filters__done").bounding_box()
    head = summary.bounding_box()
    assert bar is not None and head is not None
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "credcat-show-results":
            break
        box = page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return {top: r.top, bottom: r.bottom, name: document.activeElement.outerHTML"
            ".slice(0, 80)}; })()"
        )
        assert box["bottom"] <= bar["y"] + 1 and box["top"] >= head["y"] + head["height"] - 1, box
    else:
        raise AssertionError("Tab never reached 'Show N results'")
    # the header stays readable over the options scrolling under it: opaque
    colour = summary.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour.startswith("rgb("), colour  # rgb(), not a translucent rgba()
    page.keyboard.press("Escape")
    expect(facets).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()


def providers_key(cat: Catalogue, entry: Entry) -> str:
    cred = cat.credentials[entry.id]
    names = []
    for oid in cred.providers:
        org = cat.organisations[oid]
        names.append(t(cat, org.short_name) or t(cat, org.name))
    return fold(", ".join(names))


@pytest.mark.parametrize(
    ("order", "key"),
    [
        ("provider", lambda e, cat: (providers_key(cat, e), fold(e.title), e.id)),
        ("eqf_desc", lambda e: (-e.eqf, e.title.casefold(), e.id)),
        ("eqf_asc", lambda e: (e.eqf, e.title.casefold(), e.id)),
        ("ects_asc", lambda e: (e.ects or 0, e.title.casefold(), e.id)),
        ("ects_desc", lambda e: (-(e.ects or 0), e.title.casefold(), e.id)),
    ],
    ids=["provider", "eqf_desc", "eqf_asc", "ects_asc", "ects_desc"],
)
def test_sorting(page: Page, sample_site: Site, order: str, key: Any):
    cat = sample_site.catalogue
    active = matching(cat, {"status": ["active"]})
    open_catalogue(page, sample_site)
    page.locator("#credcat-sort").select_option(order)
    if order == "provider":
        expected = [e.id for e in sorted(active, key=lambda e: key(e, cat))]
    else:
        expected = [e.id for e in sorted(active, key=key)]
    expect(page.locator("#credcat-results li.credcat-card:not([hidden])").first).to_have_attribute(
        "data-credcat-id", expected[0]
    )
    assert shown_ids(page) == expected
    assert parse_qs(urlsplit(settled_url(page)).query).get("sort") == [order]
    page.reload()
    expect(page.locator("#credcat-sort")).to_have_value(order)
    assert shown_ids(page) == expected
    # back to the default order
    page.locator("#credcat-sort").select_option("title")
    expect(page.locator("#credcat-results li.credcat-card:not([hidden])").first).to_have_attribute(
        "data-credcat-id", sorted(active, key=title_key)[0].id
    )
    assert shown_ids(page) == [e.id for e in sorted(active, key=title_key)]


@pytest.mark.parametrize(
    "sort",
    ['eqf_desc"', "eqf_desc%22%5D", "eqf-desc", "constructor", "__proto__", "EQF_DESC", ""],
)
def test_sort_in_the_url_is_taken_only_when_it_is_an_option(
    page: Page, sample_site: Site, sort: str
):
    # the sort order from a shared URL is used only when it names an option exactly; anything
    # else (quotes that once passed a cleaned-up check, prototype names) gives the title order
    cat = sample_site.catalogue
    active = matching(cat, {"status": ["active"]})
    open_catalogue(page, sample_site, f"?sort={sort}")
    expect(page.locator("#credcat-sort")).to_have_value("title")
    assert shown_ids(page) == [e.id for e in sorted(active, key=title_key)]
    open_catalogue(page, sample_site, "?sort=eqf_desc")
    expect(page.locator("#credcat-sort")).to_have_value("eqf_desc")


def test_keyboard_tab_to_a_filter_and_toggle_it_with_space(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    open_catalogue(page, sample_site)
    count = page.locator("#credcat-count")
    live = count.evaluate(
        "el => { for (let n = el; n; n = n.parentElement) {"
        "  const live = n.getAttribute('aria-live'); const role = n.getAttribute('role');"
        "  if (live) return live; if (role === 'status' || role === 'log') return 'polite'; }"
        "  return null; }"
    )
    assert live in {"polite", "assertive"}, "the results count is not in an aria-live region"

    # from the top of the page, Tab until a facet checkbox has the focus
    page.locator("body").evaluate("el => { document.activeElement?.blur(); window.scrollTo(0, 0) }")
    focused: dict[str, Any] | None = None
    path = []
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement; return e ? {tag: e.tagName, "
            "facet: e.getAttribute('data-credcat-facet'), value: e.value || '', "
            "id: e.id, type: e.type || '', text: (e.textContent || '').trim().slice(0, 40)} "
            ": null }"
        )
        path.append(focused)
        if focused and focused["tag"] == "INPUT" and focused["facet"] in FACETS:
            break
    else:
        pytest.fail(f"no facet checkbox reached with Tab; focus went through {path[:40]}")
    assert focused is not None
    facet, value = focused["facet"], focused["value"]
    box = facet_box(page, facet, value)
    expect(box).to_be_focused()
    was_checked = box.is_checked()
    outline = box.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, "
        "s.boxShadow]; }"
    )
    assert (outline[0] != "none" and outline[1] != "0px") or outline[2] != "none", (
        f"the focused checkbox {facet}={value} shows no focus indicator: {outline}"
    )

    page.keyboard.press("Space")
    expect(box).to_be_checked(checked=not was_checked)
    filters: dict[str, list[str]] = {"status": ["active"]}
    if facet == "status":
        filters["status"] = [] if was_checked else ["active", value]
    else:
        filters[facet] = [] if was_checked else [value]
    expected = matching(cat, filters)
    expect(count).to_have_text(count_text(cat, len(expected)))
    assert set(shown_ids(page)) == {e.id for e in expected}
    assert live_counts(page) == facet_counts(cat, filters)

    # Space again restores the start
    page.keyboard.press("Space")
    expect(box).to_be_checked(checked=was_checked)
    active = matching(cat, {"status": ["active"]})
    expect(count).to_have_text(count_text(cat, len(active)))


def test_without_javascript_the_full_list_shows(new_context: NewContext, sample_site: Site):
    cat = sample_site.catalogue
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site.url("catalogue/"))
    cards = page.eval_on_selector_all(
        "li.credcat-card",
        "els => els.filter(e => e.checkVisibility())"
        ".map(e => [e.getAttribute('data-credcat-id'), e.querySelector('a').textContent.trim()])",
    )
    assert sorted(cid for cid, _ in cards) == sorted(cat.credentials)
    titles = {cid: norm(title) for cid, title in cards}
    assert titles == {cid: norm(t(cat, c.title)) for cid, c in cat.credentials.items()}
    active = [e for e in entries(cat) if "active" in e.values["status"]]
    in_results = page.eval_on_selector_all(
        "#credcat-results li.credcat-card", "els => els.map(e => e.getAttribute('data-credcat-id'))"
    )
    assert in_results == [e.id for e in sorted(active, key=title_key)]
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    expect(page.locator("#credcat-filters")).to_be_hidden()
    # the other credentials are listed below, by status
    others = [c for c in cat.credentials.values() if c.status != "active"]
    if others:
        listed = page.eval_on_selector_all(
            "#credcat-others li.credcat-card",
            "els => els.map(e => e.getAttribute('data-credcat-id'))",
        )
        assert listed == [
            c.id
            for c in sorted(
                others,
                key=lambda c: (STATUS_ORDER.index(c.status), t(cat, c.title).casefold(), c.id),
            )
        ]
    # each card links to a page that works without JavaScript too
    cred = a_credential(cat)
    page.locator(f"#card-{cred.id} a").first.click()
    page.wait_for_url(re.compile(rf"/credentials/{re.escape(cred.id)}/$"))
    assert norm(page.locator("h1").first.text_content()) == norm(t(cat, cred.title))


# --- credential pages ---------------------------------------------------------------------------


def assert_credential_page(page: Page, cat: Catalogue, cred: Credential) -> None:
    """Title, every outcome and every assessment of ``cred`` are on the page, as in the model."""
    lang = lang_of(cat)
    ui = ui_strings(lang)
    assert norm(page.locator("article h1").first.text_content()) == norm(t(cat, cred.title))
    page_outcomes = page.eval_on_selector_all(
        ".credcat-outcomes li.credcat-outcome",
        "els => els.map(e => [e.getAttribute('data-credcat-outcome'),"
        " e.querySelector('.credcat-outcome__text').textContent])",
    )
    want = {o.id: norm(t(cat, o.text)) for o in cred.outcomes}
    assert {oid: norm(text) for oid, text in page_outcomes} == want
    assert len(page_outcomes) == len(cred.outcomes)
    for outcome in cred.outcomes:
        expect(page.locator(f"#outcome-{outcome.id}")).to_be_visible()
    # grouped by kind: knowledge, skills, responsibility and autonomy
    groups = page.eval_on_selector_all(
        ".credcat-outcomes li.credcat-outcome",
        """els => els.map(e => {
            let h = e.closest('ol').previousElementSibling;
            while (h && h.tagName !== 'H3') h = h.previousElementSibling;
            return [e.getAttribute('data-credcat-outcome'), h ? h.id : null];
        })""",
    )
    assert dict(groups) == {o.id: f"outcomes-{o.kind}" for o in cred.outcomes}
    # the employers' summary repeats every outcome
    summary = norm(page.locator("#employers-summary").text_content())
    assert all(text in summary for text in want.values())

    assessments = page.locator(".credcat-assessments [data-credcat-assessment]")
    assert assessments.count() == len(cred.assessments)
    for assessment in cred.assessments:
        block = page.locator(f"#assessment-{assessment.id}")
        expect(block).to_be_visible()
        heading = norm(block.locator("h3").text_content())
        if assessment.title:
            assert heading == norm(t(cat, assessment.title))
        else:  # the assessment type names it
            assert heading
        proves = block.locator("ul.credcat-proves a")
        assert proves.count() == len(assessment.proves)
        hrefs = [proves.nth(i).get_attribute("href") for i in range(proves.count())]
        # in the order of the outcomes' numbers on the page
        order = page.eval_on_selector_all(
            "li.credcat-outcome", "els => els.map(e => e.getAttribute('data-credcat-outcome'))"
        )
        ordered = sorted(assessment.proves, key=order.index)
        assert hrefs == [f"#outcome-{ref}" for ref in ordered]
        for i, ref in enumerate(ordered):
            # the link names the outcome: its number and its text (perhaps shortened in its
            # middle, "start … end", keeping the end where some languages put the verb)
            shown = re.sub(r"^\d+\s+", "", norm(proves.nth(i).text_content()))
            start, _, end = shown.partition(" … ")
            assert len(start) >= 20 and want[ref].startswith(start.rstrip("…")), (ref, shown)
            assert want[ref].endswith(end), (ref, shown)
        supervision = ui["supervision"][assessment.supervision or "none"]
        expect(block.locator("[data-credcat-supervision]")).to_have_text(supervision)
        expect(block.locator("[data-credcat-identity]")).to_have_attribute(
            "data-credcat-identity", "true" if assessment.identity_check else "false"
        )
        description = norm(t(cat, assessment.description))
        first_words = " ".join(description.split()[:6])
        assert first_words in norm(block.text_content())


def test_open_a_credential_from_the_list(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    open_catalogue(page, sample_site)
    facet_box(page, "eqf", "6").check()
    facet_box(page, "mode", "online").check()
    expected = sorted(
        matching(cat, {"eqf": ["6"], "mode": ["online"], "status": ["active"]}), key=title_key
    )
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    cred = cat.credentials[expected[0].id]
    page.locator(f"#card-{cred.id} .credcat-card__title a").click()
    page.wait_for_url(re.compile(rf"/credentials/{re.escape(cred.id)}/$"))
    assert_credential_page(page, cat, cred)
    version = page.locator(".credcat-version")
    expect(version).to_have_attribute("data-credcat-version-page", "false")
    expect(version).to_contain_text(cred.version)

    # the permanent page of the version shows the same description
    version.locator("a").click()
    page.wait_for_url(re.compile(rf"/credentials/{re.escape(cred.id)}/{re.escape(cred.version)}/$"))
    expect(page.locator(".credcat-version")).to_have_attribute("data-credcat-version-page", "true")
    assert_credential_page(page, cat, cred)

    # back in the list, the filters are still applied
    page.go_back()
    page.go_back()
    expect(page.locator("#credcat-filters")).to_be_visible()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert shown_ids(page) == [e.id for e in expected]


def test_richest_credential_page_matches_the_model(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    cred = a_credential(cat)
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    assert_credential_page(page, cat, cred)
    expect(page.locator(f'article [data-credcat-id="{cred.id}"]').first).to_be_visible()


def test_employers_see_the_version_status_and_permanent_address(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    ui = ui_strings(lang_of(cat))
    others = sorted(
        (c for c in cat.credentials.values() if c.status != "active"),
        key=lambda c: (STATUS_ORDER.index(c.status), c.id),
    )
    for cred in [a_credential(cat), *others[:1]]:
        for path, is_version_page in (
            (f"credentials/{cred.id}/", False),
            (f"credentials/{cred.id}/{cred.version}/", True),
        ):
            page.goto(sample_site.url(path))
            line = page.locator("#employers-summary .credcat-employers__version")
            expect(line).to_contain_text(
                str(ui["employers_version"]).replace("{version}", cred.version)
            )
            expect(line).to_contain_text(str(ui["status"][cred.status]))
            if cred.status == "superseded" and cred.superseded_by:
                expect(line).to_contain_text(
                    norm(t(cat, cat.credentials[cred.superseded_by].title))
                )
            expect(
                page.locator("#employers-summary .credcat-employers__reference a")
            ).to_contain_text(f"/credentials/{cred.id}/{cred.version}/")
            # the permanent page of a version says so in a box above the summary
            version_box = page.locator(".credcat-version--page")
            if is_version_page:
                expect(version_box).to_be_visible()
                above = version_box.bounding_box()
                summary = page.locator(".credcat-summary").bounding_box()
                assert above and summary and above["y"] < summary["y"]
            else:
                expect(version_box).to_have_count(0)
    # under the title, a link takes an employer straight to the summary
    page.goto(sample_site.url(f"credentials/{a_credential(cat).id}/"))
    page.locator(".credcat-jump a").click()
    expect(page.locator("#employers")).to_be_in_viewport()


# --- no third-party requests --------------------------------------------------------------------


def sample_pages(cat: Catalogue) -> dict[str, str]:
    """Name → site path of one page of each kind."""
    cred = a_credential(cat)
    org = cred.awarding_body[0]
    pages = {
        "home": "",
        "catalogue": "catalogue/",
        "credential": f"credentials/{cred.id}/",
        "credential-version": f"credentials/{cred.id}/{cred.version}/",
        "organisation": f"organisations/{org}/",
        "organisations": "organisations/",
        "pathways": "pathways/",
        "data": "data/",
        "how-to-read": "how-to-read/",
    }
    others = sorted(
        (c for c in cat.credentials.values() if c.status != "active"),
        key=lambda c: (STATUS_ORDER.index(c.status), c.id),
    )
    if others:
        pages["credential-" + others[0].status] = f"credentials/{others[0].id}/"
    return pages


def test_no_third_party_requests(new_context: NewContext, sample_site: Site):
    context, guard = new_context(check=False)
    page = context.new_page()
    for path in sample_pages(sample_site.catalogue).values():
        page.goto(sample_site.url(path))
    # open Material's search too: it loads its index and worker (not on the catalogue page,
    # whose own search box replaces it there)
    page.goto(sample_site.url("pathways/"))
    page.keyboard.press("/")
    page.keyboard.type("data")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert guard.blocked == [], "third-party requests:\n" + "\n".join(guard.blocked)
    assert guard.page_errors == []
    assert guard.bad_responses == []


# --- accessibility ------------------------------------------------------------------------------

AXE_PAGES = [
    "home",
    "catalogue",
    "credential",
    "credential-version",
    "credential-other-status",
    "organisation",
    "organisations",
    "pathways",
    "data",
    "how-to-read",
]


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe(page: Page, sample_site: Site, name: str):
    pages = sample_pages(sample_site.catalogue)
    if name == "credential-other-status":
        found = [
            key for key in pages if key.startswith("credential-") and key != "credential-version"
        ]
        assert found, "the sample catalogue has no draft, superseded or retired credential"
        name = found[0]
    require_axe()
    page.goto(sample_site.url(pages[name]))
    if name == "catalogue":
        expect(page.locator("#credcat-filters")).to_be_visible()
    assert_no_axe_violations(page, f"{name} ({pages[name]})")


def test_axe_catalogue_after_filtering(page: Page, sample_site: Site):
    cat = sample_site.catalogue
    require_axe()
    open_catalogue(page, sample_site)
    facet_box(page, "eqf", "6").check()
    facet_box(page, "mode", "online").check()
    expected = matching(cat, {"eqf": ["6"], "mode": ["online"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert_no_axe_violations(page, "catalogue filtered by EQF 6 + online")
    page.locator("#credcat-q").fill("qqqxxyzzy")
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, 0))
    assert_no_axe_violations(page, "catalogue with no result")


def test_axe_catalogue_on_a_phone(new_context: NewContext, sample_site: Site):
    require_axe()
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    open_catalogue(page, sample_site)
    assert_no_axe_violations(page, "catalogue at 375 px")


# --- screenshots and small screens --------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)], ids=["desktop", "phone"]
)
def test_screenshots_and_no_horizontal_overflow(
    new_context: NewContext,
    sample_site: Site,
    screenshot_dir: Path,
    width: str,
    viewport: dict[str, int],
):
    cred = a_credential(sample_site.catalogue)
    context, _ = new_context(viewport=viewport)
    page = context.new_page()
    for name, path in (("catalogue", "catalogue/"), ("credential", f"credentials/{cred.id}/")):
        page.goto(sample_site.url(path))
        if name == "catalogue":
            expect(page.locator("#credcat-filters")).to_be_visible()
        target = screenshot_dir / f"{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        data = target.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 1000, target
        print(f"screenshot: {target}")
        if width == "phone":
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.body.scrollWidth]"
            )
            if widths[0] > viewport["width"]:
                wide = page.evaluate(
                    """(limit) => Array.from(document.querySelectorAll('body *'))
                        .filter(e => { const r = e.getBoundingClientRect();
                                       return r.right > limit + 1 && r.width > 0
                                              && e.checkVisibility(); })
                        .slice(0, 8).map(e => e.tagName.toLowerCase()
                            + (e.id ? '#' + e.id : '')
                            + (e.className && typeof e.className === 'string'
                               ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                            + ' right=' + Math.round(e.getBoundingClientRect().right))""",
                    viewport["width"],
                )
                pytest.fail(
                    f"{name} page at {viewport['width']} px scrolls sideways "
                    f"(scrollWidth {widths[0]}); widest elements: {wide}"
                )


# --- print ------------------------------------------------------------------------------------


def display(page: Page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).display)")


def pdf_pages(pdf: bytes) -> int:
    """Number of pages of a PDF written by Chromium (the /Count of its page tree)."""
    counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_print_hides_navigation_and_filters(page: Page, sample_site: Site, tmp_path: Path):
    cat = sample_site.catalogue
    cred = a_credential(cat)
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-content__button",
    ):
        shown = [d for d in display(page, selector) if d != "none"]
        assert not shown, f"{selector} is printed (display: {shown})"
    expect(page.locator("#employers-summary")).to_be_visible()
    expect(page.locator("#outcomes")).to_be_visible()
    assert display(page, ".credcat-jump") == ["none"]
    expect(page.locator("#employers-summary .credcat-employers__version")).to_be_visible()
    # the employers' summary prints first, on a page of its own (test_credential_page.py)
    breaks = page.locator("#employers-summary").evaluate("e => getComputedStyle(e).breakAfter")
    assert breaks == "page", f"the employers' summary breaks {breaks}"

    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF-") and pdf_pages(pdf) >= 1
    (tmp_path / "credential.pdf").write_bytes(pdf)

    # the employers' summary alone fits on one A4 page, as its introduction promises
    page.add_style_tag(
        content=(
            "@media print { article.md-content__inner .credcat-credential > "
            ":not(#employers-summary) { display: none !important; }"
            " #employers-summary { break-before: auto !important; }"
            " html, body, .md-container, .md-main, .md-main__inner, .md-content"
            " { height: auto !important; min-height: 0 !important; } }"
        )
    )
    summary_pdf = page.pdf(format="A4")
    (tmp_path / "employers.pdf").write_bytes(summary_pdf)
    assert summary_pdf.startswith(b"%PDF-")
    pages = pdf_pages(summary_pdf)
    assert pages == 1, f"the employers' summary prints on {pages} A4 pages, not one"

    # the catalogue page prints the list without the filters
    page.emulate_media(media="screen")
    open_catalogue(page, sample_site)
    page.emulate_media(media="print")
    assert display(page, "#credcat-filters") == ["none"]
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary"):
        assert all(d == "none" for d in display(page, selector)), f"{selector} is printed"
    expect(page.locator("#credcat-results")).to_be_visible()


# --- XSS --------------------------------------------------------------------------------------

XSS_PROBE = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const value = attr.value.toLowerCase().replace(/\\s+/g, '');
            if (name.startsWith('on') && value.includes('__xss')) bad.push(`${el.tagName} ${name}`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)
                && value.startsWith('javascript:')) bad.push(`${el.tagName} ${name}=${attr.value}`);
        }
    }
    for (const s of document.querySelectorAll('script')) {
        const type = (s.type || 'text/javascript').toLowerCase();
        const code = !type || type.includes('javascript') || type === 'module';
        if (code && s.textContent.includes('__xss')) {
            bad.push('SCRIPT ' + s.textContent.slice(0, 80));
        }
    }
    return {fired: typeof window.__xss !== 'undefined', bad};
}"""


XSS_COMPARED = ",".join((xss_fixture.CATALOGUE_ID, xss_fixture.NEXT_ID, xss_fixture.OLD_ID))


def xss_pages() -> list[str]:
    """Every kind of page, in each language (the Slovenian ones speak the payload
    translation of the interface, and show the catalogue's English texts as stand-ins)."""
    pages = [
        "",
        "catalogue/",
        f"credentials/{xss_fixture.CATALOGUE_ID}/",
        f"credentials/{xss_fixture.CATALOGUE_ID}/1.0/",
        f"credentials/{xss_fixture.CATALOGUE_ID}/1.0/summary/",
        f"credentials/{xss_fixture.NEXT_ID}/",
        f"credentials/{xss_fixture.OLD_ID}/",
        f"credentials/{xss_fixture.OLD_ID}/1.0/summary/",
        "organisations/",
        f"organisations/{xss_fixture.ORG_ID}/",
        f"organisations/{xss_fixture.QA_ID}/",
        "pathways/",
        "check/",
        f"compare/?ids={XSS_COMPARED}",
        "compare/?ids=no-such-credential",
    ]
    others = [lang for lang in xss_fixture.LANGUAGES if lang != "en"]
    return [*pages, *(f"{lang}/{path}" for lang in others for path in pages), "404.html"]


POKE = """() => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const all = Array.from(document.querySelectorAll('body *'));
    for (const el of all) {
        for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter',
                            'mousemove']) {
            el.dispatchEvent(new MouseEvent(type, {bubbles: !type.endsWith('enter')}));
        }
        for (const type of ['focus', 'focusin']) {
            el.dispatchEvent(new FocusEvent(type, {bubbles: type === 'focusin'}));
        }
    }
    // where a real pointer would go: links, buttons, summaries and the graph's nodes
    return Array.from(document.querySelectorAll(
            'article a, article summary, article button, article svg g, article svg a'))
        .filter(e => e.checkVisibility())
        .slice(0, 60)
        .map(e => { const r = e.getBoundingClientRect();
                    return [r.left + r.width / 2, r.top + r.height / 2]; })
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
}"""


def poke_around(page: Page) -> None:
    """Hover, focus and open what a visitor would: every element gets synthetic pointer and
    focus events (inline handlers fire on them), the pointer moves over the links, buttons and
    graph nodes in view, and the keyboard tabs through the first controls."""
    for x, y in page.evaluate(POKE):
        page.mouse.move(x, y)
    for _ in range(25):
        page.keyboard.press("Tab")


def assert_no_xss(page: Page, where: str, dialogs: list[str]) -> None:
    result = page.evaluate(XSS_PROBE)
    assert not result["fired"], f"a payload ran on {where} (window.__xss is set)"
    assert not result["bad"], f"live payload markup on {where}: {result['bad']}"
    assert not dialogs, f"a dialog opened on {where}: {dialogs}"


def test_xss_payloads_never_run(new_context: NewContext, xss_site: Site):
    context, guard = new_context()
    page = context.new_page()
    # the probe sees a payload that runs (so a green test means something); in a context of
    # its own, whose 404 for the payload's image is expected
    canary_context, _ = new_context(check=False)
    canary = canary_context.new_page()
    canary.goto(xss_site.url(""))
    canary.evaluate("html => document.body.insertAdjacentHTML('beforeend', html)", xss_fixture.IMG)
    canary.wait_for_function("() => typeof window.__xss !== 'undefined'")
    assert canary.evaluate(XSS_PROBE)["fired"]
    canary.close()

    for path in xss_pages():
        page.goto(xss_site.url(path))
        # the payloads reached the page (as text)
        assert "window.__xss=1" in page.locator("body").inner_text(), path
        poke_around(page)
        assert_no_xss(page, path or "home", guard.dialogs)

    # the catalogue: search for the payload title, filter, sort, and open the card; an empty
    # result and an impossible workload range (their words are the payload translation's)
    for lang in ("", *(f"{lang}/" for lang in xss_fixture.LANGUAGES if lang != "en")):
        open_catalogue(page, xss_site, lang=lang)
        page.locator("#credcat-q").fill(xss_fixture.TITLE_WORD)
        expect(page.locator("#credcat-count")).to_contain_text(count_text(xss_site.catalogue, 1))
        expect(page.locator("#credcat-count")).to_contain_text("window.__xss=1")
        page.locator("#credcat-q").fill("<img src=x onerror=window.__xss=1>")
        expect(page.locator("#credcat-empty")).to_be_visible()
        expect(page.locator("#credcat-empty")).to_contain_text("window.__xss=1")
        poke_around(page)
        page.locator("#credcat-q").fill("")
        facet_box(page, "eqf", "6").check()
        page.locator("#credcat-sort").select_option("provider")
        facet_box(page, "status", "superseded").check()
        page.wait_for_timeout(700)
        poke_around(page)
        assert_no_xss(page, f"{lang}catalogue after filtering", guard.dialogs)
        page.goto(xss_site.url(f"{lang}catalogue/?ects_min=10&ects_max=2"))
        expect(page.locator("#credcat-empty")).to_contain_text("window.__xss=1")
        poke_around(page)
        assert_no_xss(page, f"{lang}catalogue with an impossible range", guard.dialogs)
        # credentials ticked for comparison, then compared
        page.goto(xss_site.url(f"{lang}catalogue/?status=all"))
        boxes = page.locator("#credcat-results input[data-credcat-compare]")
        expect(boxes.first).to_be_visible()
        for n in range(boxes.count()):
            boxes.nth(n).check()
        expect(page.locator("#credcat-compare-bar")).to_contain_text("window.__xss=1")
        poke_around(page)
        assert_no_xss(page, f"{lang}catalogue with credentials to compare", guard.dialogs)
        with page.expect_navigation():
            page.locator("#credcat-compare-link").click()
        expect(page.locator("#credcat-compare")).to_contain_text(xss_fixture.TITLE_WORD)
        poke_around(page)
        assert_no_xss(page, f"{lang}compare page opened from the catalogue", guard.dialogs)

    # the check page: a credential of the catalogue, the same with payloads of its own, an
    # earlier or unknown version, and text that is no credential (every verdict's words)
    issued = check_fixtures.issued_edc(xss_site.root, xss_fixture.CATALOGUE_ID, "1.0")
    unknown = json.loads(json.dumps(issued).replace("/1.0/", "/9.9/"))
    for lang in ("", *(f"{lang}/" for lang in xss_fixture.LANGUAGES if lang != "en")):
        page.goto(xss_site.url(f"{lang}check/"))
        expect(page.locator("#credcat-check-form")).to_be_visible()
        for text in (
            json.dumps(issued),
            json.dumps(check_fixtures.with_payloads(issued)),
            check_fixtures.jws_compact(issued),
            json.dumps(unknown),
            '{"type": "Something else"}',
            xss_fixture.SCRIPT,
        ):
            paste_credential(page, text)
            expect(page.locator("#credcat-check-output")).to_contain_text("window.__xss=1")
            poke_around(page)
            assert_no_xss(page, f"{lang}check page with a result", guard.dialogs)

    # payloads in the shared URL
    hostile = (
        "?text=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E"
        "&q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E"
        "&sort=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E"
        "&eqf=%22%3E%3Csvg%20onload%3Dwindow.__xss%3D1%3E&status=all"
        "&ects_min=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E"
    )
    fragment = "#%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E"
    page.goto(xss_site.url("catalogue/") + hostile + fragment)
    expect(page.locator("#credcat-filters")).to_be_visible()
    page.wait_for_timeout(700)
    poke_around(page)
    assert_no_xss(page, "catalogue with payloads in the URL", guard.dialogs)

    # Material's site search shows page texts: search for the payload title
    page.goto(xss_site.url(""))
    page.keyboard.press("/")
    page.keyboard.type(xss_fixture.TITLE_WORD)
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible()
    result.hover()
    page.wait_for_timeout(300)
    assert_no_xss(page, "site search results", guard.dialogs)
    with page.expect_navigation():
        result.locator("a").first.click()
    page.wait_for_load_state("load")
    assert_no_xss(page, "page opened from the search", guard.dialogs)

    # without any of the above, a payload could still have fired in a page we left: the
    # dialog list covers every page of the context
    assert guard.dialogs == []


def test_payload_text_is_shown_as_text(page: Page, xss_site: Site):
    """Escaped once, not twice: visitors read the payloads literally, never ``&lt;``."""
    cat = xss_site.catalogue
    cred = cat.credentials[xss_fixture.CATALOGUE_ID]
    for path in xss_pages():
        page.goto(xss_site.url(path))
        for where, text in (
            ("page text", page.locator("body").inner_text()),
            ("document title", page.title()),
        ):
            for entity in ("&lt;", "&gt;", "&amp;", "&quot;", "&#"):
                assert entity not in text, f"{entity!r} shown in the {where} of {path or 'home'}"
    page.goto(xss_site.url(f"credentials/{cred.id}/"))
    assert norm(page.locator("article h1").first.text_content()) == norm(t(cat, cred.title))
    assert xss_fixture.CLOSE_SCRIPT in page.title()


def test_an_empty_or_partial_result_says_why(page: Page, sample_site: Site):
    """A workload range whose smallest value is above its largest says so (and marks both
    boxes), instead of the general "no credential matches"; a shared address with a value no
    option has (a level or organisation the catalogue does not have) says it was not
    applied, instead of dropping it without a word."""
    cat = sample_site.catalogue
    open_catalogue(page, sample_site, "?ects_min=10&ects_max=2")
    empty = page.locator("#credcat-empty")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text(
        "The smallest workload (10 ECTS) is above the largest (2 ECTS): no credential can match."
    )
    expect(page.locator("#credcat-ects-min")).to_have_attribute("aria-invalid", "true")
    page.locator("#credcat-ects-max").fill("20")
    expect(empty).to_be_hidden()
    assert page.locator("#credcat-ects-min").get_attribute("aria-invalid") is None

    open_catalogue(page, sample_site, "?eqf=9&org=no-such-body&mode=online")
    note = page.locator("#credcat-ignored")
    expect(note).to_have_text("Not applied, as no option matches it: eqf=9, org=no-such-body.")
    expected = matching(cat, {"mode": ["online"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    facet_box(page, "mode", "blended").check()  # the reader moves on: the note goes
    expect(note).to_be_hidden()
    open_catalogue(page, sample_site, "?mode=online")
    expect(note).to_be_hidden()
    # names every JavaScript object has are no options either
    open_catalogue(page, sample_site, "?eqf=constructor&field=__proto__&mode=online")
    expect(note).to_have_text(
        "Not applied, as no option matches it: eqf=constructor, field=__proto__."
    )
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))


def test_without_javascript_no_page_scrolls_sideways_on_a_small_screen(
    new_context: NewContext, sample_site: Site
) -> None:
    """WCAG 1.4.10: at 320 px every page kind fits its width, without JavaScript too (the
    language switch's closed menu reached 21 px past the screen), and the switch still opens."""
    cid = next(iter(sample_site.catalogue.credentials))
    for js in (False, True):
        context, _ = new_context(viewport={"width": 320, "height": 700}, java_script_enabled=js)
        page = context.new_page()
        for path in ("", "catalogue/", f"credentials/{cid}/", "pathways/", "check/", "de/"):
            page.goto(sample_site.url(path))
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (js, path, width)
        switch = page.locator(".md-header__option .md-select")
        switch.locator("button").focus()
        expect(switch.locator(".md-select__link").first).to_be_visible()
        context.close()
