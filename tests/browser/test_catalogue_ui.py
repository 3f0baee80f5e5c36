"""The catalogue page's filter, calm and complete, and the compare page (issue 12, items 4 and 5).

Keyboard-only use reaches the results by the skip link; Back undoes the last filter change (a
typed word is one step); options that would give no result are disabled but still listed; the
cards show the price and the next start, decided with the reader's date; up to three
credentials ticked on the catalogue are compared side by side on a static page whose address
is shareable, in every language; axe-core finds nothing on these pages and states at 1280×800
and 375×667; the compare page prints without navigation. Screenshots of the catalogue and
compare pages at both widths go to ``$CREDCAT_SCREENSHOTS`` (the ``screenshot_dir`` fixture).
Expectations are computed from the model and from the built ``catalogue.json`` and
``catalogue-texts.json``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.numbers import format_decimal
from playwright.sync_api import Locator, Page, Route, expect
from tests.catalogue_factory import hours_credential

from credcat.model import Credential
from credcat.render.site.localise import plural, ui_strings

from .conftest import (
    NewContext,
    Site,
    assert_folds_by_keyboard,
    require_axe,
    save_screenshot,
    small_site,
    words_split_across_lines,
)
from .test_credential_page import TARGETS as TOUCH_TARGETS
from .test_e2e import (
    assert_no_axe_violations,
    assert_no_xss,
    checked,
    count_text,
    facet_box,
    facet_counts,
    lang_of,
    matching,
    open_catalogue,
    poke_around,
    settled_url,
    shown_ids,
    t,
    title_key,
)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
VIEWPORTS = {"1280": DESKTOP, "375": PHONE}
ROWS = ["level", "workload", "mode", "price", "next_start", "awarding", "outcomes", "assessment"]
"""The compare table's rows: what a learner decides on first, then the long ones."""


def data_of(site: Site, lang: str = "") -> dict[str, Any]:
    """The built catalogue.json of a language (``""``: the default one)."""
    path = site.root / (f"{lang}/" if lang else "") / "catalogue.json"
    return json.loads(path.read_text("utf-8"))


def texts_of(site: Site, lang: str = "") -> dict[str, dict[str, Any]]:
    """The entries of the built catalogue-texts.json of a language, by id."""
    path = site.root / (f"{lang}/" if lang else "") / "catalogue-texts.json"
    return {e["i"]: e for e in json.loads(path.read_text("utf-8"))["credentials"]}


def active_by_title(site: Site) -> list[str]:
    return [e.id for e in sorted(matching(site.catalogue, {"status": ["active"]}), key=title_key)]


# --- keyboard, skip link ------------------------------------------------------------------------


def test_keyboard_reaches_the_results_by_the_skip_link(page: Page, sample_site: Site) -> None:
    open_catalogue(page, sample_site)
    skip_text = ui_strings(lang_of(sample_site.catalogue))["catalogue_skip"]
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text(skip_text)
    expect(skip).to_be_visible()  # shown when focused
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_be_focused()
    # the next Tab is the first result's link
    page.keyboard.press("Tab")
    first = active_by_title(sample_site)[0]
    expect(page.locator(":focus")).to_have_attribute("href", re.compile(rf"credentials/{first}/$"))


# --- history ------------------------------------------------------------------------------------


def test_back_undoes_the_last_filter_change(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    open_catalogue(page, sample_site)
    facet_box(page, "eqf", "6").check()
    assert parse_qs(urlsplit(settled_url(page)).query).get("eqf") == ["6"]
    facet_box(page, "mode", "online").check()
    assert parse_qs(urlsplit(settled_url(page)).query).get("mode") == ["online"]
    # a typed word is one step, however many keys
    page.locator("#credcat-q").press_sequentially("data", delay=40)
    expect(page).to_have_url(re.compile(r"text=data"))
    settled_url(page)

    page.go_back()  # undoes the word
    expect(page.locator("#credcat-q")).to_have_value("")
    both = matching(cat, {"eqf": ["6"], "mode": ["online"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(both)))
    assert checked(page) == {"eqf": ["6"], "mode": ["online"], "status": ["active"]}

    page.go_back()  # undoes "online"
    level = matching(cat, {"eqf": ["6"], "status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(level)))
    assert checked(page) == {"eqf": ["6"], "status": ["active"]}
    assert shown_ids(page) == [e.id for e in sorted(level, key=title_key)]

    page.go_back()  # undoes "EQF 6": the page as it was opened
    active = matching(cat, {"status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(active)))
    assert checked(page) == {"status": ["active"]}
    assert urlsplit(page.url).query == ""

    page.go_forward()
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(level)))
    assert checked(page) == {"eqf": ["6"], "status": ["active"]}


# --- options without results ----------------------------------------------------------------


def test_options_without_results_are_disabled_but_listed(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    filters = {"eqf": ["6"], "status": ["active"]}
    counts = facet_counts(cat, filters)
    empty = [key for key, n in counts.items() if n == 0]
    live = [key for key, n in counts.items() if n > 0]
    assert empty, "the sample catalogue no longer has an option without results at EQF 6"
    open_catalogue(page, sample_site)
    facet_box(page, "eqf", "6").check()
    page.evaluate("document.querySelectorAll('.credcat-facet-group').forEach(d => d.open = true)")
    for key in empty:
        facet, value = key.split(":", 1)
        box = facet_box(page, facet, value)
        expect(box).to_be_disabled()
        # still in the accessibility tree, with its name and "(0)"
        label = box.locator("xpath=..")
        expect(label).to_contain_text("(0)")
        name = label.locator(".credcat-option__label").inner_text().strip()
        assert name
        expect(page.get_by_role("checkbox", name=name, exact=False).first).to_be_disabled()
    for key in live:
        facet, value = key.split(":", 1)
        expect(facet_box(page, facet, value)).to_be_enabled()
    # a ticked option stays enabled, so it can be unticked, even when the others leave it empty
    expect(facet_box(page, "eqf", "6")).to_be_enabled()


# --- cards: price and next start -------------------------------------------------------------


def test_cards_show_price_and_next_start_by_the_readers_date(
    new_context: NewContext, sample_site: Site
) -> None:
    data = {e["i"]: e for e in data_of(sample_site)["credentials"]}
    cid = active_by_title(sample_site)[0]
    runs = data[cid]["r"]
    assert len(runs) >= 2, "the first credential needs two runs"
    ui = ui_strings(lang_of(sample_site.catalogue))
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()

    # a run is open until its application deadline (a fourth item), else until it starts
    def until(run: list[str]) -> datetime:
        return datetime.fromisoformat((run[3] if len(run) > 3 else run[0]) + "T09:00:00")

    # the last day of the first run's enrolment, it is still the next start …
    page.clock.set_fixed_time(until(runs[0]))
    open_catalogue(page, sample_site)
    card = page.locator(f'#credcat-results li[data-credcat-id="{cid}"]')
    expect(card.locator('[data-credcat-fact="start"]')).to_have_text(
        ui["card_next_start"].replace("{date}", runs[0][1])
    )
    expect(card.locator('[data-credcat-fact="price"]')).to_contain_text(runs[0][2] or "")
    # … the day after, a reader sees the next run (the site was not rebuilt)
    later = context.new_page()
    later.clock.set_fixed_time(until(runs[0]) + timedelta(days=1))
    open_catalogue(later, sample_site)
    card = later.locator(f'#credcat-results li[data-credcat-id="{cid}"]')
    expect(card.locator('[data-credcat-fact="start"]')).to_have_text(
        ui["card_next_start"].replace("{date}", runs[1][1])
    )
    # after the last run's enrolment, the card says none is open, and gives no price
    last = context.new_page()
    last.clock.set_fixed_time(max(until(run) for run in runs) + timedelta(days=1))
    open_catalogue(last, sample_site)
    card = last.locator(f'#credcat-results li[data-credcat-id="{cid}"]')
    expect(card.locator('[data-credcat-fact="start"]')).to_have_text(ui["card_closed"])
    expect(card.locator('[data-credcat-fact="price"]')).to_have_count(0)
    expect(card.locator(".credcat-card__when")).not_to_contain_text(ui["price_unknown"])


def entry_where(site: Site, test: Any) -> dict[str, Any]:
    """The first entry of catalogue.json (by id) that ``test`` accepts."""
    found = [e for e in data_of(site)["credentials"] if test(e)]
    assert found, "the sample has no such credential"
    return found[0]


def runs_until(entry: dict[str, Any]) -> list[str]:
    """The last day of enrolment of each run of an entry (its deadline, else its start)."""
    return [run[3] if len(run) > 3 else run[0] for run in entry["r"]]


def noon_after(day: str) -> datetime:
    return datetime.fromisoformat(day + "T12:00:00") + timedelta(days=1)


def test_cards_show_the_next_run_in_the_language_ticked(
    new_context: NewContext, sample_site: Site
) -> None:
    """Data Analysis with Python runs in German, then in English: its card names the next
    run's language ("in German"); with Language = English ticked, the English run, its
    language and its price; once the English run has closed, that no run in English is open
    (and no price), though the card is still found by its languages."""
    entry = entry_where(sample_site, lambda e: e.get("st") == "active" and "rl" in e)
    runs = entry["r"]
    spoken = entry["rl"]
    ui = ui_strings(lang_of(sample_site.catalogue))
    english = next(i for i, langs in enumerate(spoken) if "en" in langs[1:])
    other = next(i for i, langs in enumerate(spoken) if "en" not in langs[1:])
    assert other < english, "the sample's first run should not be taught in English"
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 12, 1, 12, 0))
    open_catalogue(page, sample_site)
    card = page.locator(f'#credcat-results li[data-credcat-id="{entry["i"]}"]')
    start = card.locator('[data-credcat-fact="start"]')
    expect(start).to_have_text(ui["card_next_start"].replace("{date}", runs[other][1]))
    expect(card.locator('[data-credcat-fact="run-language"]')).to_have_text(spoken[other][0])
    facet_box(page, "language", "en").check()
    expect(start).to_have_text(ui["card_next_start"].replace("{date}", runs[english][1]))
    expect(card.locator('[data-credcat-fact="run-language"]')).to_have_text("in English")
    expect(card.locator('[data-credcat-fact="price"]')).to_contain_text(runs[english][2])
    facet_box(page, "language", "en").uncheck()  # the first run again
    expect(start).to_have_text(ui["card_next_start"].replace("{date}", runs[other][1]))

    later = context.new_page()
    later.clock.set_fixed_time(noon_after(runs_until(entry)[english]))
    open_catalogue(later, sample_site, "?language=en")
    card = later.locator(f'#credcat-results li[data-credcat-id="{entry["i"]}"]')
    expect(card.locator('[data-credcat-fact="start"]')).to_have_text(
        ui["card_closed_in"].replace("{languages}", "in English")
    )
    expect(card.locator('[data-credcat-fact="price"]')).to_have_count(0)

    # the compare page says the run's language beside its start too
    later.clock.set_fixed_time(datetime(2026, 12, 1, 12, 0))
    later.goto(sample_site.url(f"compare/?ids={entry['i']}"))
    expect(later.locator('[data-credcat-row="next_start"] td')).to_have_text(
        f"{runs[other][1]} · {spoken[other][0]}"
    )


def soonest_first(site: Site, now: str, langs: tuple[str, ...] = ()) -> list[str]:
    """The active credentials as "Starts soonest" orders them on the reader's today ``now``
    (ISO date), with the languages ``langs`` ticked: by the start of the run each card shows
    (the first open for enrolment, taught in a language ticked where ``rl`` names each run's
    languages), then those with none open, each group by title (computed from the built
    catalogue.json, as the cards decide)."""
    entries = {e["i"]: e for e in data_of(site)["credentials"]}
    titled = active_by_title(site)

    def start(cid: str) -> str | None:
        entry = entries[cid]
        for i, until in enumerate(runs_until(entry) if "r" in entry else []):
            spoken = entry["rl"][i][1:] if "rl" in entry else langs
            if until >= now and (not langs or set(spoken) & set(langs)):
                return str(entry["r"][i][0])
        return None

    return sorted(titled, key=lambda c: (start(c) is None, start(c) or "", titled.index(c)))


def test_starts_soonest_orders_by_the_next_run_open_on_the_readers_today(
    new_context: NewContext, sample_site: Site
) -> None:
    """The order "Starts soonest" puts first the credential whose next run open for
    enrolment (on the reader's today, as its card says) starts first; those with no run open
    come after, by title. A later today, with a run closed, gives another order without a
    rebuild; with a language ticked, a card's run in that language counts. The order is in
    the address."""
    cat = sample_site.catalogue
    ui = ui_strings(lang_of(cat))
    active = [e for e in data_of(sample_site)["credentials"] if e["st"] == "active"]
    days = sorted({day for e in active if "r" in e for day in runs_until(e)})
    today = days[0]
    first = soonest_first(sample_site, today)
    assert first != active_by_title(sample_site), "the sample's runs start in title order"
    after = [noon_after(day) for day in days]
    orders = {day: soonest_first(sample_site, day.date().isoformat()) for day in after}
    later_day = next((day for day in after if orders[day] != first), None)
    assert later_day is not None, "no day of the sample changes the order"
    later = orders[later_day]
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(today + "T12:00:00"))
    open_catalogue(page, sample_site)
    option = page.locator('#credcat-sort option[value="start"]')
    expect(option).to_have_text(ui["sort_start"])
    page.locator("#credcat-sort").select_option("start")
    expect(page.locator("#credcat-results li.credcat-card").first).to_have_attribute(
        "data-credcat-id", first[0]
    )
    assert shown_ids(page) == first
    assert parse_qs(urlsplit(settled_url(page)).query).get("sort") == ["start"]
    # the first card starts first: its next start is the earliest date shown
    entry = next(e for e in active if e["i"] == first[0])
    starts = page.locator('#credcat-results li.credcat-card [data-credcat-fact="start"]')
    expect(starts.first).to_have_text(ui["card_next_start"].replace("{date}", entry["r"][0][1]))
    # with a language ticked, each card's run in a language ticked counts
    spoken = next(e for e in active if "rl" in e)
    language = spoken["rl"][-1][1]
    facet_box(page, "language", language).check()
    within = {e.id for e in matching(cat, {"language": [language], "status": ["active"]})}
    expected = [c for c in soonest_first(sample_site, today, (language,)) if c in within]
    expect(page.locator("#credcat-count")).to_have_text(count_text(cat, len(expected)))
    assert shown_ids(page) == expected
    # a later reader's today: the site is not rebuilt, the order follows the runs still open
    other = context.new_page()
    other.clock.set_fixed_time(later_day)
    open_catalogue(other, sample_site, "?sort=start")
    expect(other.locator("#credcat-sort")).to_have_value("start")
    expect(other.locator("#credcat-results li.credcat-card").first).to_have_attribute(
        "data-credcat-id", later[0]
    )
    assert shown_ids(other) == later


def test_cards_and_comparisons_give_the_price_of_the_run_offered(
    new_context: NewContext, sample_site: Site
) -> None:
    """Applied Data Analytics: the card and the compare page give the price of the run they
    offer with what the catalogue says of it (a package price; from the day after its
    deadline, the capstone-only price and its condition), never a range of both, and none
    once every run has closed."""
    entry = entry_where(
        sample_site,
        lambda e: (
            e.get("st") == "active"
            and len({run[2] for run in e.get("r", [])}) > 1
            and all(e.get("rn", []))
        ),
    )
    runs, notes, until = entry["r"], entry["rn"], runs_until(entry)
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    for n, day in enumerate([datetime(2026, 12, 1, 12, 0), noon_after(until[0])]):
        page.clock.set_fixed_time(day)
        open_catalogue(page, sample_site)
        card = page.locator(f'#credcat-results li[data-credcat-id="{entry["i"]}"]')
        expect(card.locator('[data-credcat-fact="price"]')).to_have_text(
            re.compile(re.escape(runs[n][2]) + "$")
        )
        expect(card.locator('[data-credcat-fact="price-note"]')).to_have_text(notes[n])
        page.goto(sample_site.url(f"compare/?ids={entry['i']}"))
        price = page.locator('[data-credcat-row="price"] td')
        expect(price).to_have_text(runs[n][2] + notes[n])
        expect(price.locator(".credcat-compare__price-note")).to_have_text(notes[n])
    page.clock.set_fixed_time(noon_after(max(until)))
    open_catalogue(page, sample_site)
    card = page.locator(f'#credcat-results li[data-credcat-id="{entry["i"]}"]')
    expect(card.locator('[data-credcat-fact="price"]')).to_have_count(0)
    expect(card.locator('[data-credcat-fact="price-note"]')).to_have_count(0)
    page.goto(sample_site.url(f"compare/?ids={entry['i']}"))
    expect(page.locator('[data-credcat-row="price"] td')).to_have_text("")


def test_cards_of_credentials_no_longer_offered_say_so(
    new_context: NewContext, sample_site: Site
) -> None:
    """A retired card says "No longer offered", a superseded one "Replaced by" its successor,
    a link to its page; neither gives a price or suggests a start date to come, on the
    catalogue and on the compare page."""
    cat = sample_site.catalogue
    ui = ui_strings(lang_of(cat))
    retired = next(c for c in sorted(cat.credentials) if cat.credentials[c].status == "retired")
    superseded = next(
        c for c in sorted(cat.credentials) if cat.credentials[c].status == "superseded"
    )
    successor = cat.credentials[superseded].superseded_by
    assert successor is not None
    title = t(cat, cat.credentials[successor].title)
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    open_catalogue(page, sample_site, "?status=retired&status=superseded")
    gone = page.locator(f'#credcat-results li[data-credcat-id="{retired}"]')
    old = page.locator(f'#credcat-results li[data-credcat-id="{superseded}"]')
    expect(gone.locator('[data-credcat-fact="start"]')).to_have_text(ui["card_retired"])
    expect(old.locator('[data-credcat-fact="start"]')).to_have_text(
        ui["card_replaced"].replace("{successor}", title)
    )
    for card in (gone, old):
        expect(card.locator('[data-credcat-fact="price"]')).to_have_count(0)
        for words in (ui["card_no_start"], ui["price_unknown"]):
            expect(card).not_to_contain_text(words)
    require_axe()
    assert_no_axe_violations(page, "catalogue with retired and superseded cards")
    old.locator('[data-credcat-fact="start"] a').click()
    page.wait_for_url(re.compile(rf"credentials/{successor}/$"))

    page.goto(sample_site.url(f"compare/?ids={retired},{superseded}"))
    starts = page.locator('[data-credcat-row="next_start"] td')
    expect(starts.nth(0)).to_have_text(ui["compare"]["no_longer"])
    expect(starts.nth(1)).to_have_text(ui["compare"]["replaced"].replace("{title}", title))
    expect(starts.nth(1).locator("a")).to_have_attribute(
        "href", re.compile(rf"credentials/{successor}/$")
    )
    for n in range(2):
        expect(page.locator('[data-credcat-row="price"] td').nth(n)).to_have_text("")


# --- compare --------------------------------------------------------------------------------


def tick_three(page: Page, site: Site) -> list[str]:
    """Tick the first three results for comparison; a fourth is refused. Returns their ids."""
    ids = active_by_title(site)[:4]
    for cid in ids[:3]:
        page.locator(f'input[data-credcat-compare="{cid}"]').check()
    bar = page.locator("#credcat-compare-bar")
    expect(bar).to_be_visible()
    fourth = page.locator(f'input[data-credcat-compare="{ids[3]}"]')
    fourth.click()
    expect(fourth).not_to_be_checked()
    ui = ui_strings(lang_of(site.catalogue))
    expect(page.locator("#credcat-compare-note")).to_have_text(
        ui["compare_full"].replace("{max}", "3")
    )
    return ids[:3]


CAPTIONS = {  # the compare table's caption as a reader sees it, by language and count
    "en": {1: "1 credential", 2: "2 credentials side by side", 3: "3 credentials side by side"},
    "de": {1: "1 Nachweis", 2: "2 Nachweise nebeneinander", 3: "3 Nachweise nebeneinander"},
    "fr": {
        1: "1 microcertificat",
        2: "2 microcertificats côte à côte",
        3: "3 microcertificats côte à côte",
    },
}


def assert_compare_table(page: Page, site: Site, ids: list[str], lang: str = "") -> None:
    cat = site.catalogue
    code = lang or lang_of(cat)
    strings = ui_strings(code)["compare"]
    data = {e["i"]: e for e in data_of(site, lang)["credentials"]}
    texts = texts_of(site, lang)
    modes = {str(value): str(label) for value, label, *_ in data_of(site, lang)["facets"]["mode"]}
    table = page.locator("table.credcat-compare-table")
    expect(table).to_be_visible()
    expect(table.locator("caption")).to_have_text(CAPTIONS[code][len(ids)])
    heads = table.locator("thead th[data-credcat-id]")
    assert heads.evaluate_all("els => els.map(e => e.getAttribute('data-credcat-id'))") == ids
    for th, cid in zip(heads.all(), ids, strict=True):
        expect(th.locator("a").first).to_have_text(data[cid]["t"])
        assert th.get_attribute("scope") == "col"
    rows = table.locator("tbody tr")
    assert rows.evaluate_all("els => els.map(e => e.getAttribute('data-credcat-row'))") == ROWS
    for row in ROWS:
        header = table.locator(f'tbody tr[data-credcat-row="{row}"] th')
        expect(header).to_have_text(strings[row])
        assert header.get_attribute("scope") == "row"
    for n, cid in enumerate(ids):
        cell = table.locator('tr[data-credcat-row="outcomes"] td').nth(n)
        expect(cell.locator("li")).to_have_count(len(cat.credentials[cid].outcomes))
        expect(cell.locator("li").first).to_have_text(texts[cid]["o"][0])
        workload = table.locator('tr[data-credcat-row="workload"] td').nth(n)
        expect(workload).to_have_text(texts[cid]["w"])
        mode = table.locator('tr[data-credcat-row="mode"] td').nth(n)
        expect(mode).to_have_text(modes[data[cid]["m"]])
        assessed = table.locator('tr[data-credcat-row="assessment"] td').nth(n)
        expect(assessed.locator("li")).to_have_count(len(cat.credentials[cid].assessments))
        expect(assessed.locator("li").first).to_have_text(texts[cid]["x"][0])
    if not lang:
        for n, cid in enumerate(ids):
            org = cat.organisations[cat.credentials[cid].awarding_body[0]]
            awarding = table.locator('tr[data-credcat-row="awarding"] td').nth(n)
            expect(awarding).to_contain_text(t(cat, org.short_name) or t(cat, org.name))


def test_compare_three_credentials_with_a_shareable_address(
    page: Page, new_context: NewContext, sample_site: Site
) -> None:
    open_catalogue(page, sample_site)
    ids = tick_three(page, sample_site)
    link = page.locator("#credcat-compare-link")
    expect(link).to_have_text(
        ui_strings(lang_of(sample_site.catalogue))["compare_open"]
        .replace("{n}", "3")
        .replace("{max}", "3")
    )
    # the ticks survive filtering (a ticked card filtered away stays ticked)
    facet_box(page, "eqf", "6").check()
    facet_box(page, "eqf", "6").uncheck()
    for cid in ids:
        expect(page.locator(f'input[data-credcat-compare="{cid}"]')).to_be_checked()
    link.click()
    page.wait_for_url("**/compare/?ids=*")
    assert parse_qs(urlsplit(page.url).query)["ids"] == [",".join(ids)]
    assert_compare_table(page, sample_site, ids)
    shared = page.url

    # somebody else opens the address: the same comparison
    context, _ = new_context(viewport=PHONE)
    other = context.new_page()
    other.goto(shared)
    assert_compare_table(other, sample_site, ids)

    # "remove" leads to the comparison of the other two
    page.locator("thead th[data-credcat-id]").first.locator(".credcat-compare__remove").click()
    page.wait_for_url(re.compile(r"ids=" + re.escape(",".join(ids[1:])) + "$"))
    assert_compare_table(page, sample_site, ids[1:])


def test_compare_page_in_every_language_and_bad_addresses(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    ids = active_by_title(sample_site)[:3]
    for lang in [c for c in cat.settings.languages if c != cat.settings.default_language]:
        page.goto(sample_site.url(f"{lang}/compare/?ids=" + ",".join(ids)))
        assert_compare_table(page, sample_site, ids, lang)
        assert page.locator("html").get_attribute("lang") == lang
        # on a phone the aspects' column keeps each language's long words whole
        page.set_viewport_size(PHONE)
        aspects = "table.credcat-compare-table tbody th, table.credcat-compare-table thead th"
        assert words_split_across_lines(page, aspects) == [], lang
        page.set_viewport_size(DESKTOP)
    strings = ui_strings(lang_of(cat))["compare"]
    # no ids; an unknown id and a malformed one; more than three
    page.goto(sample_site.url("compare/"))
    expect(page.locator("#credcat-compare-status")).to_have_text(strings["none"])
    expect(page.locator("table")).to_have_count(0)
    page.goto(sample_site.url("compare/?ids=nope," + ids[0] + ",%3Cimg%3E"))
    expect(page.locator("#credcat-compare-status")).to_contain_text(
        strings["unknown"].replace("{ids}", "nope")
    )
    assert_compare_table(page, sample_site, ids[:1])
    # a name every JavaScript object has is no credential either
    page.goto(sample_site.url("compare/?ids=constructor," + ids[0] + ",__proto__"))
    expect(page.locator("#credcat-compare-status")).to_contain_text(
        strings["unknown"].replace("{ids}", "constructor")
    )
    assert_compare_table(page, sample_site, ids[:1])
    expect(page.locator("table")).not_to_contain_text("undefined")
    four = active_by_title(sample_site)[:4]
    page.goto(sample_site.url("compare/?ids=" + ",".join(four)))
    expect(page.locator("#credcat-compare-status")).to_contain_text(
        strings["too_many"].replace("{max}", "3")
    )
    assert_compare_table(page, sample_site, four[:3])


def test_compare_page_prints_without_navigation(page: Page, sample_site: Site) -> None:
    ids = active_by_title(sample_site)[:3]
    page.goto(sample_site.url("compare/?ids=" + ",".join(ids)))
    expect(page.locator("table.credcat-compare-table")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".credcat-compare__back"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("table.credcat-compare-table")).to_be_visible()
    # the table fits the width of an A4 page (no column cut off)
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    width = page.evaluate(
        "() => { const t = document.querySelector('table.credcat-compare-table');"
        " return [t.scrollWidth, t.parentElement.clientWidth]; }"
    )
    assert width[0] <= width[1] + 1, width
    # a row taller than what is left of a page breaks there, rather than leave it blank
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('table.credcat-compare-table tbody tr')]"
        ".map((tr) => getComputedStyle(tr).breakInside)"
    )
    assert breaks and set(breaks) == {"auto"}, breaks


# every cell of the compare table as a phone lays it out: its credential's title (data-label),
# what its ::before shows, where the cell and its value lie, and how far below the cell's top
# the value starts (the title's line above it)
PHONE_CELLS_JS = """(table) => [...table.querySelectorAll('tbody tr')].flatMap((tr) =>
  [...tr.querySelectorAll('td')].map((td, n) => {
    const box = td.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(td);
    const value = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const before = getComputedStyle(td, '::before');
    return {
      row: tr.getAttribute('data-credcat-row'), n, label: td.getAttribute('data-label'),
      content: before.content, display: before.display,
      left: box.left, right: box.right,
      valueLeft: Math.min(...value.map((r) => r.left)),
      valueRight: Math.max(...value.map((r) => r.right)),
      below: value.length ? value[0].top - box.top : -1,
      labelSize: parseFloat(before.fontSize),
    };
  }))"""


def test_compare_on_a_phone_shows_each_value_under_its_credentials_title(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    """At 375 px the compare table had been some 830 px wide in a 343 px sideways scroller:
    one credential in sight at a time. Now each aspect is a block listing every credential's
    value under the credential's title, all within the screen; the credentials compared are
    listed above (link, status, "Remove"); screen readers still read a table (its roles),
    each cell named by its value alone. The longest titles of the sample are compared. At
    1280 px and on paper it stays a table of a column per credential; without JavaScript the
    page says that comparing needs it."""
    data = {e["i"]: e for e in data_of(sample_site)["credentials"]}
    ids = sorted(data, key=lambda cid: (-len(data[cid]["t"]), cid))[:3]
    titles = [data[cid]["t"] for cid in ids]
    strings = ui_strings(lang_of(sample_site.catalogue))["compare"]
    context, _ = new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(sample_site.url("compare/?ids=" + ",".join(ids)))
    table = page.get_by_role("table", name=CAPTIONS["en"][3])
    expect(table).to_be_visible()
    assert_compare_table(page, sample_site, ids)
    assert table.evaluate("t => getComputedStyle(t).display") == "block"

    # nothing scrolls sideways: not the page, not the table's box; so no hint to scroll
    widths = page.evaluate(
        "() => { const box = document.getElementById('credcat-compare-table');"
        " return [document.documentElement.scrollWidth, box.scrollWidth, box.clientWidth]; }"
    )
    assert widths[0] <= PHONE["width"] and widths[1] <= widths[2] + 1, widths
    expect(page.locator("#credcat-compare-hint")).to_be_hidden()

    # the credentials compared, listed above the aspects: each link whole on the screen
    for th, title in zip(table.locator("thead th[data-credcat-id]").all(), titles, strict=True):
        link = th.locator("a").first
        expect(link).to_have_text(title)
        expect(link).to_be_in_viewport(ratio=1)
        expect(th.locator(".credcat-compare__remove")).to_be_visible()

    # every value of every aspect under its credential's title, within the screen
    cells = table.evaluate(PHONE_CELLS_JS)
    assert [(c["row"], c["n"]) for c in cells] == [(r, n) for r in ROWS for n in range(3)]
    for cell in cells:
        where = f"{cell['row']} of {ids[cell['n']]}: {cell}"
        assert cell["label"] == titles[cell["n"]], where
        # the title is shown, and only shown: a screen reader hears the column's header
        assert cell["content"] == json.dumps(cell["label"], ensure_ascii=False) + ' / ""', where
        assert cell["display"] == "block", where
        assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], where
        if cell["below"] == -1:  # no value: only a price, where no run is open (none then)
            assert cell["row"] == "price", where
            continue
        assert cell["valueLeft"] >= cell["left"], where
        assert cell["valueRight"] <= cell["right"] + 1, where
        assert cell["below"] >= cell["labelSize"], where  # the title's line above the value
    aspects = "table.credcat-compare-table tbody th, table.credcat-compare-table thead th"
    assert words_split_across_lines(page, aspects) == []

    # a table to screen readers: a header row, a row per aspect, a cell per credential, and a
    # cell's name is its value (the title above it is not read twice)
    expect(table.get_by_role("row")).to_have_count(1 + len(ROWS))
    expect(table.get_by_role("columnheader")).to_have_count(1 + len(ids))
    expect(table.get_by_role("columnheader").first).to_have_text(strings["aspect"])
    expect(table.get_by_role("rowheader")).to_have_count(len(ROWS))
    expect(table.get_by_role("cell")).to_have_count(len(ROWS) * len(ids))
    for cell in table.locator('tr[data-credcat-row="level"] td').all():
        expect(cell).to_have_accessible_name(cell.inner_text())
        expect(cell).not_to_have_accessible_name(re.compile("|".join(map(re.escape, titles))))
    assert page.evaluate(TOUCH_TARGETS) == []
    assert_no_axe_violations(page, "the compare page's blocks at 375 px")
    save_screenshot(page, screenshot_dir, "compare-375-blocks")

    # on paper, a table with a column per credential (the phone's blocks are for screens)
    page.emulate_media(media="print")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert table.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content") in (
        "none",
        "normal",
    )
    page.emulate_media(media="screen")

    # at 1280 px a table, as it was: no titles over the values, and no sorting arrow or
    # pointer on its headers (Material's look for th[role=columnheader]: nothing sorts here)
    page.set_viewport_size(DESKTOP)
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    heads = table.locator("thead th").evaluate_all(
        "ths => ths.map(th => [getComputedStyle(th).cursor,"
        " getComputedStyle(th, '::after').content, getComputedStyle(th).display])"
    )
    assert heads == [["auto", "none", "table-cell"]] * (1 + len(ids)), heads
    firsts = table.locator("td").evaluate_all(
        "tds => [...new Set(tds.map(td => getComputedStyle(td, '::before').content))]"
    )
    assert set(firsts) <= {"none", "normal"}, firsts

    # without JavaScript: the notice, no table
    plain, _ = new_context(viewport=PHONE, java_script_enabled=False)
    bare = plain.new_page()
    bare.goto(sample_site.url("compare/?ids=" + ",".join(ids)))
    expect(bare.locator(".credcat-compare .credcat-notice")).to_have_text(strings["noscript"])
    expect(bare.locator("table")).to_have_count(0)
    widths = bare.evaluate("() => document.documentElement.scrollWidth")
    assert widths <= PHONE["width"], widths


# --- axe and screenshots -------------------------------------------------------------------


@pytest.mark.parametrize("size", sorted(VIEWPORTS))
def test_axe_and_screenshots_of_catalogue_and_compare(
    size: str, new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    viewport = VIEWPORTS[size]
    context, _ = new_context(viewport=viewport, has_touch=viewport is PHONE)
    page = context.new_page()
    open_catalogue(page, sample_site)
    expect(page.locator("#credcat-results li.credcat-card").first).to_be_visible()
    assert_no_axe_violations(page, f"the catalogue at {size} px")
    page.screenshot(path=str(screenshot_dir / f"catalogue-{size}.png"), full_page=False)

    # a filter that leaves options without results (disabled), and credentials ticked to compare
    phone = viewport is PHONE
    if not phone:
        tick_three(page, sample_site)
        facet_box(page, "eqf", "6").check()
    else:
        for cid in active_by_title(sample_site)[:2]:
            page.locator(f'input[data-credcat-compare="{cid}"]').check()
        # the filters open as a panel with "Show N results"
        page.locator("#credcat-facets > summary").click()
        expect(page.locator("#credcat-show-results")).to_be_in_viewport()
        assert_no_axe_violations(page, "the catalogue's filter panel on a phone")
        page.screenshot(path=str(screenshot_dir / "catalogue-375-filters.png"))
        page.locator("#credcat-show-results").click()
    expect(page.locator("#credcat-compare-bar")).to_be_visible()
    assert_no_axe_violations(page, f"the catalogue with ticks and filters at {size} px")
    page.screenshot(path=str(screenshot_dir / f"catalogue-{size}-compare.png"), full_page=phone)
    # Tab through the cards: no focused control is hidden under the sticky compare bar
    page.locator("#credcat-results li.credcat-card a").first.focus()
    covered: list[str] = []
    under_bar = """() => {
        const bar = document.getElementById('credcat-compare-bar').getBoundingClientRect();
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const overlaps = r.bottom > bar.top + 1 && r.top < bar.bottom - 1;
        return el.closest('#credcat-compare-bar') || !overlaps ? [] : [el.outerHTML.slice(0, 80)];
    }"""
    for _ in range(12):
        page.keyboard.press("Tab")
        covered += page.evaluate(under_bar)
    assert covered == [], covered

    page.locator("#credcat-compare-link").click()
    page.wait_for_url("**/compare/?ids=*")
    expect(page.locator("table.credcat-compare-table")).to_be_visible()
    assert_no_axe_violations(page, f"the compare page at {size} px")
    page.screenshot(path=str(screenshot_dir / f"compare-{size}.png"), full_page=True)
    hint = page.locator("#credcat-compare-hint")
    if phone:
        # at 375 px nothing scrolls sideways (each aspect is a block), so no hint to scroll
        widths = page.evaluate("() => document.documentElement.scrollWidth")
        assert widths <= viewport["width"], widths
        expect(hint).to_be_hidden()
    else:
        expect(hint).to_be_hidden()
        # the aspects' column stays narrow but never splits a word ("Microcredential")
        aspects = "table.credcat-compare-table tbody th, table.credcat-compare-table thead th"
        assert words_split_across_lines(page, aspects) == []
    page.goto(sample_site.url("compare/"))
    expect(page.locator("#credcat-compare-status")).not_to_be_empty()
    assert_no_axe_violations(page, f"the compare page without credentials at {size} px")


def test_payloads_never_run_on_cards_and_the_compare_page(
    new_context: NewContext, xss_site: Site
) -> None:
    """The cards the script renders and the compare table put every text in as text."""
    context, guard = new_context()
    page = context.new_page()
    open_catalogue(page, xss_site)
    boxes = page.locator("input[data-credcat-compare]")
    expect(boxes.first).to_be_visible()
    for n in range(min(3, boxes.count())):
        boxes.nth(n).check()
    poke_around(page)
    assert_no_xss(page, "the catalogue's script-rendered cards", guard.dialogs)
    page.locator("#credcat-compare-link").click()
    page.wait_for_url("**/compare/?ids=*")
    expect(page.locator("table.credcat-compare-table")).to_be_visible()
    poke_around(page)
    assert_no_xss(page, "the compare page", guard.dialogs)


@pytest.mark.parametrize("lang", ["", "de/"])
def test_script_made_cards_show_the_providers_logo(
    page: Page, sample_site: Site, lang: str
) -> None:
    """The cards the script renders show the first provider's logo, loaded from the site and
    decorative (the providers' names follow), like the build's cards; in every language."""
    page.goto(sample_site.url(f"{lang}catalogue/"))
    expect(page.locator("#credcat-results li.credcat-card").first).to_be_visible()
    page.wait_for_load_state("load")
    logos = page.locator("#credcat-results li.credcat-card img.credcat-card__logo")
    expect(logos.first).to_be_visible()
    cards = page.locator("#credcat-results li.credcat-card").count()
    assert logos.count() == cards  # every sample provider has a logo
    for n in range(logos.count()):
        img = logos.nth(n)
        assert img.get_attribute("alt") == ""
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=img.element_handle())
        assert img.evaluate("img => img.naturalWidth") > 0
        assert "/organisations/" in img.evaluate("img => img.src")


def test_the_script_cards_show_hours_where_there_are_no_ects(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    """A vocational credential has hours, not ECTS: the script's card shows them, as the
    build's card does (tests/test_catalogue_page.py), with the same words."""
    from catalogue_factory import credential

    from .conftest import small_site

    hours_only = credential(
        title={"en": "Forklift safety", "de": "Staplersicherheit"},
        summary={"en": "Drive a forklift safely.", "de": "Einen Stapler sicher fahren."},
        workload={"hours": 40},
    )
    for site in small_site(
        tmp_path_factory, "hours", {"forklift": hours_only, "sql": credential()}
    ):
        for lang, words in (("", "40 h"), ("de/", "40 Std.")):
            built = (site.root / lang / "catalogue" / "index.html").read_text("utf-8")
            assert f"</span>{words}</li>" in built
            page.goto(site.url(f"{lang}catalogue/"))
            expect(page.locator("#credcat-filters")).to_be_visible()
            card = page.locator('#credcat-results li[data-credcat-id="forklift"]')
            hours = card.locator('[data-credcat-fact="hours"]')
            expect(hours).to_have_count(1)
            expect(hours).to_have_text(re.compile(rf".+ {re.escape(words)}$"))
            expect(card.locator('[data-credcat-fact="ects"]')).to_have_count(0)
            other = page.locator('#credcat-results li[data-credcat-id="sql"]')
            expect(other.locator('[data-credcat-fact="ects"]')).to_have_count(1)
            expect(other.locator('[data-credcat-fact="hours"]')).to_have_count(0)
        # leave the site before its server stops: the search worker still loads its scripts
        page.goto("about:blank")


def test_a_drafts_card_and_comparison_give_its_planned_start(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    """A draft is not offered yet: the script's card says when its next run is planned to
    start (as the build's card does, tests/test_drafts.py), and the compare page says that
    date is planned; an active credential's is its next start."""
    from catalogue_factory import credential

    run = {"id": "spring", "start": "2027-03-01", "price": {"amount": 900, "currency": "EUR"}}
    draft = credential(
        title={"en": "Data programme", "de": "Datenprogramm"},
        summary={"en": "A programme in preparation.", "de": "Ein Programm in Vorbereitung."},
        status="draft",
        offerings=[{**run, "enrolment_url": "https://alpha.example/enrol/draft"}],
    )
    active = credential(
        offerings=[{**run, "id": "march", "enrolment_url": "https://alpha.example/enrol/sql"}]
    )
    for site in small_site(tmp_path_factory, "planned", {"programme": draft, "sql": active}):
        page.clock.set_fixed_time(datetime(2026, 12, 1, 9))
        page.goto(site.url("catalogue/?status=all"))
        expect(page.locator("#credcat-filters")).to_be_visible()
        card = page.locator('#credcat-results li[data-credcat-id="programme"]')
        expect(card.locator('[data-credcat-fact="start"]')).to_have_text(
            "Planned start 1 March 2027"
        )
        expect(card.locator('[data-credcat-fact="price"]')).to_contain_text("€900")
        other = page.locator('#credcat-results li[data-credcat-id="sql"]')
        expect(other.locator('[data-credcat-fact="start"]')).to_have_text("Next start 1 March 2027")
        page.goto(site.url("de/catalogue/?status=all"))
        card = page.locator('#credcat-results li[data-credcat-id="programme"]')
        expect(card.locator('[data-credcat-fact="start"]')).to_have_text(
            "Geplanter Beginn 1. März 2027"
        )
        page.goto(site.url("compare/?ids=programme,sql"))
        cells = page.locator('tr[data-credcat-row="next_start"] td')
        expect(cells).to_have_text(["1 March 2027 (planned)", "1 March 2027"])
        page.goto("about:blank")


# --- workload in hours: the range in hours or ECTS, and the workload sorts ----------------------


def fulfil_json(data: Any, route: Route) -> None:
    route.fulfill(json=data, headers={"Cache-Control": "no-store"})


def sorted_by(page: Page, order: str) -> list[str]:
    page.locator("#credcat-sort").select_option(order)
    expect(page.locator("#credcat-sort")).to_have_value(order)
    page.wait_for_function(
        "!document.getElementById('credcat-catalogue').hasAttribute('data-credcat-pending')"
    )
    return shown_ids(page)


def chip_texts(page: Page) -> list[str]:
    """What the buttons of the filters in use show (whether the stylesheet shows them or not)."""
    return page.eval_on_selector_all(
        "#credcat-chips-list button .credcat-chip__text", "els => els.map(e => e.textContent)"
    )


def test_a_catalogue_of_hours_filters_by_a_range_in_hours(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    """A vocational school's catalogue states hours, not ECTS: its workload range is in hours,
    in English and German ("Workload in hours", "Arbeitsaufwand in Stunden"; a numeric keypad,
    whole numbers): a range filters the cards, is in the address (hours_min, hours_max) and
    in the filters in use with its unit ("From 70 hours", "Ab 70 Stunden"); "2,5" hours is
    marked invalid and said so under the boxes (described by), and not applied (no axe
    violation); a range upside down says why nothing matches; an address's ECTS range is said
    to be not applied. The workload sorts order by hours, in both directions (titles are in
    another order)."""
    credentials = {
        "crane": hours_credential("Crane operation", 120),
        "forklift": hours_credential("Forklift safety", 60),
        "welding": hours_credential("Welding basics", 80),
    }
    for site in small_site(tmp_path_factory, "hours-only", credentials):
        for lang in ("en", "de"):
            prefix = "" if lang == "en" else f"{lang}/"
            words = ui_strings(lang)
            low, high = page.locator("#credcat-ects-min"), page.locator("#credcat-ects-max")
            count = page.locator("#credcat-count")
            error = page.locator("#credcat-workload-error")

            def counted(n: int, words: Any = words) -> str:
                return plural(words["catalogue_count"], n)

            open_catalogue(page, site, lang=prefix)
            expect(page.locator("#credcat-workload")).to_be_visible()
            expect(page.locator("#credcat-workload > summary")).to_have_text(
                words["facet_workload_hours"]
            )
            expect(low).to_have_attribute("inputmode", "numeric")
            expect(low).to_have_attribute("placeholder", "60")
            expect(high).to_have_attribute("placeholder", "120")
            assert shown_ids(page) == ["crane", "forklift", "welding"]  # by title
            assert sorted_by(page, "ects_asc") == ["forklift", "welding", "crane"]
            assert sorted_by(page, "ects_desc") == ["crane", "welding", "forklift"]
            page.locator("#credcat-sort").select_option("title")

            low.fill("70")
            expect(count).to_have_text(counted(2))
            assert shown_ids(page) == ["crane", "welding"]
            high.fill("100")
            expect(count).to_have_text(counted(1))
            assert shown_ids(page) == ["welding"]
            query = parse_qs(urlsplit(settled_url(page)).query)
            assert query.get("hours_min") == ["70"] and query.get("hours_max") == ["100"]
            assert "ects_min" not in query
            hours = words["catalogue_chip_min_hours"], words["catalogue_chip_max_hours"]
            assert chip_texts(page) == [
                hours[0].pick(70).replace("{n}", "70"),
                hours[1].pick(100).replace("{n}", "100"),
            ]
            expect(page.locator("#credcat-active-count")).not_to_have_text("")
            expect(error).to_be_hidden()

            # hours are whole: "2,5" is no number of hours, said so, and only the end is applied
            low.fill("2,5")
            expect(low).to_have_attribute("aria-invalid", "true")
            expect(error).to_be_visible()
            expect(error).to_have_text(words["workload_not_whole"])
            expect(low).to_have_attribute("aria-describedby", "credcat-workload-error")
            assert high.get_attribute("aria-describedby") is None
            expect(count).to_have_text(counted(2))  # up to 100: forklift, welding
            require_axe()
            assert_no_axe_violations(page, f"a range in hours with a box in error ({lang})")
            low.fill("")
            expect(error).to_be_hidden()
            assert low.get_attribute("aria-invalid") is None
            assert low.get_attribute("aria-describedby") is None

            # upside down: nothing matches, and the reason is given in hours
            low.fill("100")
            high.fill("70")
            expect(page.locator("#credcat-empty")).to_be_visible()
            expect(page.locator("#credcat-empty-why")).to_have_text(
                words["catalogue_range_inverted_hours"].format(min="100", max="70")
            )

            # a shared address: its range in hours applied, one in ECTS said to be not applied
            open_catalogue(page, site, "?hours_min=70&ects_max=2&sort=ects_asc", lang=prefix)
            expect(low).to_have_value("70")
            expect(high).to_have_value("")
            expect(count).to_have_text(counted(2))
            assert shown_ids(page) == ["welding", "crane"]
            expect(page.locator("#credcat-ignored")).to_be_visible()
            expect(page.locator("#credcat-ignored")).to_contain_text("ects_max=2")
            query = parse_qs(urlsplit(settled_url(page)).query)
            assert "ects_max" not in query and query.get("hours_min") == ["70"]

        # the script decides from catalogue.json, which may be newer than the page: one
        # credential now states ECTS, so the range is in ECTS, with the hint; the others match
        # by their hours at 25 to 30 an ECTS credit (from 3 ECTS: 75 hours or more)
        newer = data_of(site)
        next(e for e in newer["credentials"] if e["i"] == "welding")["c"] = 3
        page.route("**/catalogue.json", functools.partial(fulfil_json, newer))
        open_catalogue(page, site, "?ects_min=3&hours_min=70")
        expect(page.locator("#credcat-workload > summary")).to_have_text(
            ui_strings("en")["facet_workload"]
        )
        expect(page.locator("#credcat-workload-hint")).to_be_visible()
        expect(page.locator("#credcat-ects-min")).to_have_value("3")
        expect(page.locator("#credcat-ects-min")).to_have_attribute("inputmode", "decimal")
        expect(page.locator("#credcat-ignored")).to_contain_text("hours_min=70")
        assert shown_ids(page) == ["crane", "welding"]
        page.goto("about:blank")  # leave the site before its server stops


def test_a_mixed_catalogue_sorts_hours_among_ects_and_says_what_the_range_counts(
    tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    """ECTS and hours in one catalogue: the workload sorts put a course of hours where its
    hours at 27.5 an ECTS credit would put it (40 hours among 1 to 2 ECTS, 300 hours above 10
    ECTS), never all at one end; the ECTS range is offered, with a hint (describing its boxes)
    that credentials of hours alone match by their hours, at 25 to 30 an ECTS credit: from 1 to
    2 ECTS is 25 to 60 hours, which a course of 40 hours is in, and one of 300 is not."""
    from catalogue_factory import credential

    def ects(title: str, n: float, hours: int) -> dict[str, Any]:
        summary = f"Study {title.lower()} for {n} ECTS."
        return credential(
            title={"en": title, "de": title},
            summary={"en": summary, "de": summary},
            workload={"ects": n, "hours": hours},
        )

    credentials = {
        "bricklaying": hours_credential("Bricklaying", 300),  # about 10.9 ECTS
        "databases": ects("Databases", 5, 140),
        "ethics": ects("Ethics", 1, 27),
        "forklift": hours_credential("Forklift safety", 40),  # about 1.5 ECTS
        "statistics": ects("Statistics", 10, 270),
        "writing": ects("Writing", 2, 55),
    }
    small_to_large = ["ethics", "forklift", "writing", "databases", "statistics", "bricklaying"]
    for site in small_site(tmp_path_factory, "mixed", credentials):
        open_catalogue(page, site)
        assert sorted_by(page, "ects_asc") == small_to_large
        assert sorted_by(page, "ects_desc") == small_to_large[::-1]
        expect(page.locator("#credcat-workload")).to_be_visible()
        hint = page.locator("#credcat-workload-hint")
        expect(hint).to_be_visible()
        expect(hint).to_have_text(ui_strings("en")["workload_hours_match"])
        for box in ("#credcat-ects-min", "#credcat-ects-max"):
            expect(page.locator(box)).to_have_attribute("aria-describedby", "credcat-workload-hint")
        page.locator("#credcat-ects-min").fill("1")
        expect(page.locator("#credcat-count")).to_have_text(count_text(site.catalogue, 6))
        page.locator("#credcat-ects-max").fill("2")
        expect(page.locator("#credcat-count")).to_have_text(count_text(site.catalogue, 3))
        assert shown_ids(page) == ["writing", "forklift", "ethics"]
        assert chip_texts(page) == ["From 1 ECTS", "Up to 2 ECTS"]
        query = parse_qs(urlsplit(settled_url(page)).query)
        assert query.get("ects_min") == ["1"] and query.get("ects_max") == ["2"]
        page.goto("about:blank")


# --- a learner's review of the catalogue on a phone, in German and French ------------------------


def an_active_credential(site: Site) -> Credential:
    """The first active credential of the sample (by id): its level and mode are options."""
    return min(
        (c for c in site.catalogue.credentials.values() if c.status == "active"),
        key=lambda c: c.id,
    )


def test_the_count_of_filters_in_use_follows_the_plural_rules(
    new_context: NewContext, sample_site: Site
) -> None:
    """The filter panel's summary counts the filters in use with the language's plural forms:
    French "(1 actif)", "(2 actifs)" (it said "(1 actifs)"), German "(1 aktiv)"."""
    french = ui_strings("fr")["catalogue_active"]
    assert plural(french, 1, "fr") != plural(french, 2, "fr").replace("2", "1"), (
        "French no longer has two forms of this string: the test would prove nothing"
    )
    cred = an_active_credential(sample_site)
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    active = page.locator("#credcat-active-count")
    for lang in ("fr", "de"):
        words = ui_strings(lang)["catalogue_active"]
        open_catalogue(page, sample_site, f"?eqf={cred.eqf}", lang=f"{lang}/")
        expect(active).to_have_text(f"({plural(words, 1, lang)})")
        page.locator("#credcat-facets > summary").click()
        facet_box(page, "mode", cred.mode).check()
        expect(active).to_have_text(f"({plural(words, 2, lang)})")


def test_the_count_of_filters_in_use_leaves_the_search_out(
    new_context: NewContext, sample_site: Site
) -> None:
    """The search box is outside the filter panel: two boxes ticked and a word typed count
    two filters ("Katalog filtern (2 aktiv)"; it said 3), and the word alone none."""
    cred = an_active_credential(sample_site)
    word = t(sample_site.catalogue, cred.title).split()[0]
    words = ui_strings("de")["catalogue_active"]
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    active = page.locator("#credcat-active-count")
    open_catalogue(page, sample_site, f"?eqf={cred.eqf}&mode={cred.mode}", lang="de/")
    expect(active).to_have_text(f"({plural(words, 2, 'de')})")
    page.locator("#credcat-q").fill(word)
    expect(page).to_have_url(re.compile(r"text="))
    expect(active).to_have_text(f"({plural(words, 2, 'de')})")
    page.locator("#credcat-facets > summary").click()
    page.locator("#credcat-reset").click()
    expect(active).to_have_text("")
    page.locator("#credcat-q").fill(word)
    expect(page).to_have_url(re.compile(r"text="))
    expect(active).to_have_text("")


def a_range_start(site: Site) -> tuple[float, list[str]]:
    """A lowest workload with a decimal (2.5) that filters the sample's active credentials,
    and that ten times it would not (as "2,5" read as 25 did); the ids it keeps."""
    active = matching(site.catalogue, {"status": ["active"]})

    def kept(low: float) -> set[str]:
        return {e.id for e in active if e.ects is not None and e.ects >= low}

    stated = kept(0)
    for low in (n + 0.5 for n in range(60)):
        if kept(low) and kept(low) != stated and kept(low) != kept(low * 10):
            return low, sorted(kept(low))
    raise AssertionError("the sample's workloads cannot show a decimal range start")


def test_a_decimal_comma_in_the_workload_range_is_read_as_one(
    new_context: NewContext, sample_site: Site
) -> None:
    """On a phone, "2,5" typed into "Von" on /de/catalogue/ (and "De" on /fr/) is 2.5 ECTS,
    not 25: the address says ects_min=2.5 and the results are those of 2.5; "2.5" still works;
    an address written with the comma (a form sent by hand) is read the same, and the box
    shows the number as the page writes it. What is no number is marked invalid and said so
    under the boxes ("Geben Sie eine Zahl ein …"), the box's description."""
    cat = sample_site.catalogue
    low, expected = a_range_start(sample_site)
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    box = page.locator("#credcat-ects-min")
    for lang in ("de", "fr"):
        local = format_decimal(low, locale=lang)  # "2,5"
        assert "," in local, (lang, local)
        count = plural(ui_strings(lang)["catalogue_count"], len(expected), lang)
        for typed in (local, f"{low:g}"):
            open_catalogue(page, sample_site, lang=f"{lang}/")
            page.locator("#credcat-facets > summary").click()
            box.press_sequentially(typed, delay=30)
            expect(page.locator("#credcat-count")).to_have_text(count)
            assert sorted(shown_ids(page)) == expected, (lang, typed)
            query = parse_qs(urlsplit(settled_url(page)).query)
            assert query.get("ects_min") == [f"{low:g}"], (lang, typed, query)
            assert box.get_attribute("aria-invalid") is None
        # the address with a comma, as with a point: the same results, the page's own writing
        for given in (local, f"{low:g}"):
            open_catalogue(page, sample_site, f"?ects_min={given}", lang=f"{lang}/")
            expect(page.locator("#credcat-count")).to_have_text(count)
            assert sorted(shown_ids(page)) == expected, (lang, given)
            expect(box).to_have_value(local)
            query = parse_qs(urlsplit(settled_url(page)).query)
            assert query.get("ects_min") == [f"{low:g}"], (lang, given, query)
            expect(page.locator("#credcat-ignored")).to_be_hidden()
    # what is no number is said to be not applied, and the box is marked
    open_catalogue(page, sample_site, "?ects_min=2%20ECTS", lang="de/")
    expect(page.locator("#credcat-ignored")).to_contain_text("ects_min=2 ECTS")
    everything = matching(cat, {"status": ["active"]})
    expect(page.locator("#credcat-count")).to_have_text(
        plural(ui_strings("de")["catalogue_count"], len(everything), "de")
    )
    page.locator("#credcat-facets > summary").click()
    box.press_sequentially("zwei")
    expect(box).to_have_attribute("aria-invalid", "true")
    # and said under the boxes, in the page's language, as the box's description
    error = page.locator("#credcat-workload-error")
    expect(error).to_have_text(ui_strings("de")["workload_not_number"])
    expect(error).to_be_visible()
    expect(box).to_have_attribute("aria-describedby", "credcat-workload-error")
    expect(page.locator("#credcat-count")).to_have_text(
        plural(ui_strings("de")["catalogue_count"], len(everything), "de")
    )


def fold_text(text: str) -> str:
    """As catalogue.js folds what it searches: lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def searched_texts(site: Site, lang: str, *, labels: bool = True) -> dict[str, str]:
    """What the catalogue's text search reads of each credential on a language's page (built
    catalogue.json and catalogue-texts.json: title, summary, description, outcomes, skills,
    organisations, and, unless ``labels`` is false, the labels of its fields, mode and level
    as the page's facets name them), folded; by id."""
    data = data_of(site, lang)
    texts = texts_of(site, lang)
    facets = {f: {str(p[0]): str(p[1]) for p in data["facets"][f]} for f in data["facets"]}
    out = {}
    for e in data["credentials"]:
        more = texts.get(e["i"], {})
        names = [facets["org"].get(o, "") for o in [*e.get("a", []), *e.get("p", [])]]
        parts = [e.get("t", ""), e.get("s", ""), more.get("d", "")]
        kinds = [facets["field"].get(f, "") for f in e.get("f", [])]
        kinds += [facets["mode"].get(e.get("m", ""), ""), facets["eqf"].get(str(e.get("e")), "")]
        out[e["i"]] = fold_text(
            " \n ".join(
                [*parts, *more.get("o", []), *more.get("k", []), *names, *(kinds if labels else [])]
            )
        )
    return out


def a_word_outside(site: Site, lang: str, filters: dict[str, list[str]]) -> tuple[str, list[str]]:
    """A word of an active credential's title on a language's page that no credential within
    ``filters`` holds anywhere the search reads, and the active credentials it finds alone."""
    cat = site.catalogue
    inside = {e.id for e in matching(cat, {**filters, "status": ["active"]})}
    active = {e.id for e in matching(cat, {"status": ["active"]})}
    texts = searched_texts(site, lang)
    for e in data_of(site, lang)["credentials"]:
        if e["i"] not in active or e["i"] in inside:
            continue
        for word in re.findall(r"[^\W\d_]{5,}", e["t"]):
            folded = fold_text(word)
            if not any(folded in texts[cid] for cid in inside):
                return word, sorted(cid for cid in active if folded in texts[cid])
    raise AssertionError(f"no title word of the sample is outside {filters} in {lang}")


def test_an_empty_result_names_the_words_and_offers_to_keep_them(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    """On a phone, filters and a word found only outside them: the empty result names the
    word ("Kein Nachweis passt mit diesen Filtern zu „…“"), says how many the word alone
    finds and offers a button that clears the filters and keeps the word, which then shows
    those credentials (focus on the results; axe clean; screenshot
    ``catalogue-375-empty-with-words.png``). A word found nowhere is said to be
    found nowhere, without the button. German and French (from the loaded translations)."""
    cat = sample_site.catalogue
    filters = {"eqf": ["6"], "mode": ["online"]}
    assert matching(cat, {**filters, "status": ["active"]}), "the sample lost EQF 6 online"
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    empty = page.locator("#credcat-empty")
    why = page.locator("#credcat-empty-why")
    alone = page.locator("#credcat-empty-alone")
    keep = page.locator("#credcat-keep-query")
    for lang in ("de", "fr"):
        ui = ui_strings(lang)
        word, found = a_word_outside(sample_site, lang, filters)
        open_catalogue(page, sample_site, "?eqf=6&mode=online", lang=f"{lang}/")
        page.locator("#credcat-q").fill(word)
        expect(page.locator("#credcat-count")).to_have_text(plural(ui["catalogue_count"], 0, lang))
        expect(empty).to_be_visible()
        expect(why).to_have_text(str(ui["catalogue_none_query"]).replace("{query}", word))
        expect(alone).to_be_visible()
        expect(page.locator("#credcat-empty-alone-text")).to_have_text(
            plural(ui["catalogue_none_query_alone"], len(found), lang).replace("{query}", word)
        )
        expect(keep).to_have_text(str(ui["catalogue_keep_query"]))
        if lang == "de":
            assert_no_axe_violations(page, "the German catalogue's empty result with a word")
            save_screenshot(page, screenshot_dir, "catalogue-375-empty-with-words")
        keep.click()
        expect(page.locator("#credcat-count")).to_have_text(
            plural(ui["catalogue_count"], len(found), lang)
        )
        assert sorted(shown_ids(page)) == found
        expect(page.locator("#credcat-q")).to_have_value(word)
        expect(page.locator("#results")).to_be_focused()
        assert checked(page) == {"status": ["active"]}
        assert parse_qs(urlsplit(settled_url(page)).query) == {"text": [word]}

        # a word nobody uses: nothing to keep, and no filter is blamed
        open_catalogue(page, sample_site, "?eqf=6&mode=online", lang=f"{lang}/")
        page.locator("#credcat-q").fill("qqqxxyzzy")
        expect(empty).to_be_visible()
        expect(why).to_have_text(str(ui["catalogue_none_anywhere"]).replace("{query}", "qqqxxyzzy"))
        expect(alone).to_be_hidden()
        # without a word, the filters are to blame, as before
        page.locator("#credcat-q").fill("")
        open_catalogue(page, sample_site, "?eqf=6&mode=online&ects_min=1000", lang=f"{lang}/")
        expect(empty).to_be_visible()
        expect(why).to_have_text(str(ui["catalogue_none"]))
        expect(alone).to_be_hidden()


# --- the first screen of a phone: a card, and the filters in use ----------------------------------


def box_of(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


def assert_first_card_in_first_screen(page: Page, viewport: dict[str, int], where: str) -> None:
    """The first card's title, provider and key facts lie within the first screen of
    ``viewport`` (``where``: the page, its size and language, for the message); their lowest
    edges are printed, for the record."""
    measured = {}
    for what, part in (("title", "title"), ("provider", "provider"), ("key facts", "facts")):
        box = box_of(page, f"#credcat-results li.credcat-card .credcat-card__{part}")
        top, bottom = box["y"], box["y"] + box["height"]
        measured[what] = round(bottom)
        assert top >= 0 and bottom <= viewport["height"], (
            f"{where}: the first card's {what} spans y {top:.0f}–{bottom:.0f}, beyond the "
            "first screen"
        )
    print(f"first card at {where}, lowest edges: {json.dumps(measured)}")


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_first_card_begins_in_the_first_screen_of_a_phone(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str
) -> None:
    """At 375×667, as the catalogue opens (English, German, French): the first card's title,
    provider and key facts (level, workload, mode, languages) lie within the first screen, under the
    search box with its hint, the sort order and the filters' summary, which share one row and
    stay reachable (24 px high at least); the cards are compact, none taller than 60 % of the
    screen, their summary shortened to two lines (whole on the credential page); at 1280 px
    the summary keeps its four lines."""
    prefix = "" if lang == lang_of(sample_site.catalogue) else f"{lang}/"
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    open_catalogue(page, sample_site, lang=prefix)
    first = "#credcat-results li.credcat-card"
    assert_first_card_in_first_screen(page, PHONE, f"{prefix}catalogue/ at 375×667 ({lang})")
    for selector in ("#credcat-q", "#credcat-q-hint", "#credcat-sort", "#credcat-facets > summary"):
        expect(page.locator(selector)).to_be_in_viewport()
    sort, summary = box_of(page, "#credcat-sort"), box_of(page, "#credcat-facets > summary")
    assert summary["height"] >= 24 and sort["height"] >= 24
    assert summary["x"] >= sort["x"] + sort["width"], "the sort order and the filters in one row"
    assert abs((sort["y"] + sort["height"]) - (summary["y"] + summary["height"])) < 12
    heights = page.locator(first).evaluate_all("els => els.map(e => e.offsetHeight)")
    assert heights and max(heights) <= 0.6 * PHONE["height"], heights
    clamp = f"{first} .credcat-card__summary"
    assert page.locator(clamp).first.evaluate("e => getComputedStyle(e).webkitLineClamp") == "2"
    save_screenshot(page, screenshot_dir, f"catalogue-375-first-screen-{lang}", full_page=False)
    page.set_viewport_size(DESKTOP)
    assert page.locator(clamp).first.evaluate("e => getComputedStyle(e).webkitLineClamp") == "4"


NARROW = {"width": 320, "height": 568}
"""The narrowest phone (WCAG's reflow width)."""


def accessible_description(page: Page, selector: str) -> str:
    """The description Chromium's accessibility tree gives the element (CDP), which reads an
    element aria-describedby names even while it is hidden."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("Accessibility.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    for ax in tree["nodes"]:
        if ax.get("description"):
            return str(ax["description"]["value"])
    return ""


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_first_card_begins_in_the_first_screen_of_the_narrowest_phone(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str
) -> None:
    """At 320×568 (WCAG's reflow width), as the catalogue opens: the first card's title and key
    facts lie within the first screen (their lowest edges were at 664–749 px; the lowest edges
    printed), nothing scrolls sideways. Nothing is left out to get there: the lead is set
    closer, the sort order and the filters' summary share one row, and the search box's hint
    is folded behind a round "?" beside the box's label (named "What is searched", 24 px at
    least, aria-expanded false, aria-controls the hint), while it stays the box's accessible
    description; a tap shows it, Enter and Space fold it again with the focus kept. Axe finds
    nothing folded or unfolded; every touch target is 24 px. At 375 px the hint shows and the
    button does not; paper shows neither (no filters in print)."""
    ui = ui_strings(lang if lang != "en" else lang_of(sample_site.catalogue))
    prefix = "" if lang == lang_of(sample_site.catalogue) else f"{lang}/"
    context, _ = new_context(viewport=NARROW, has_touch=True)
    page = context.new_page()
    open_catalogue(page, sample_site, lang=prefix)
    first = "#credcat-results li.credcat-card"
    expect(page.locator(first).first).to_be_visible()
    assert_first_card_in_first_screen(page, NARROW, f"{prefix}catalogue/ at 320×568 ({lang})")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    for selector in ("#credcat-q", "#credcat-sort", "#credcat-facets > summary"):
        expect(page.locator(selector)).to_be_in_viewport()
    sort, summary = box_of(page, "#credcat-sort"), box_of(page, "#credcat-facets > summary")
    assert summary["x"] >= sort["x"] + sort["width"], "the sort order and the filters in one row"

    hint = page.locator("#credcat-q-hint")
    toggle = page.locator("#credcat-q-hint-toggle")
    words = f"{ui['catalogue_search_hint']}. {ui['catalogue_search_scope']}"
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_have_attribute("aria-controls", "credcat-q-hint")
    expect(toggle).to_have_accessible_name(ui["catalogue_search_hint_toggle"])
    expect(hint).to_be_hidden()
    expect(hint).to_have_text(words)  # folded, still in the page
    assert accessible_description(page, "#credcat-q") == words
    label, button = (
        box_of(page, ".credcat-filters__search > label"),
        box_of(page, "#credcat-q-hint-toggle"),
    )
    assert button["width"] >= 24 and button["height"] >= 24, button
    assert button["y"] < label["y"] + label["height"], "the button beside the label"
    save_screenshot(page, screenshot_dir, f"catalogue-320-first-screen-{lang}", full_page=False)
    assert_no_axe_violations(page, f"the catalogue at 320 px, hint folded ({lang})")
    assert page.evaluate(TOUCH_TARGETS) == []

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(hint).to_be_visible()
    assert_no_axe_violations(page, f"the catalogue at 320 px, hint shown ({lang})")
    assert_folds_by_keyboard(page, toggle, hint)

    # at 375 px the hint whole, whatever the button says, and no button; paper shows no filters
    page.set_viewport_size(PHONE)
    expect(hint).to_be_visible()
    expect(toggle).to_be_hidden()
    page.emulate_media(media="print")
    page.set_viewport_size(NARROW)
    expect(page.locator("#credcat-filters")).to_be_hidden()
    assert page.pdf(format="A4").startswith(b"%PDF")


SELECTED_TEXT_JS = """(select) => {
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = select.options[select.selectedIndex].text;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const room = select.clientWidth - padding;
    return [text, context.measureText(text).width, room];
}"""
"""The text of a select's chosen option, its width, and the room its box has for it."""


@pytest.mark.parametrize("viewport", [NARROW, PHONE], ids=["320", "375"])
def test_a_phone_reads_the_whole_sort_order_chosen(
    new_context: NewContext, sample_site: Site, viewport: dict[str, int]
) -> None:
    """On a phone the sort order shares a row with the filters' summary, in a box about 115 px
    wide: a long order chosen ("Workload (large to small)"; Portuguese "Volume de trabalho
    (decrescente)") read "Workload (lar", without saying which way. Its box now grows to its
    words, the summary moving to a row below, with nothing scrolling sideways; the order the
    catalogue opens with keeps the one row (the first-screen tests)."""
    context, _ = new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    open_catalogue(page, sample_site, "?sort=ects_desc")
    sort = page.locator("#credcat-sort")
    expect(sort).to_have_value("ects_desc")
    arrow = 16  # the box's drop-down arrow, drawn inside its padding box
    text, width, room = sort.evaluate(SELECTED_TEXT_JS)
    assert width + arrow <= room, f"{text!r} ({width:.0f} px) in {room:.0f} px at {viewport}"
    summary = box_of(page, "#credcat-facets > summary")
    assert summary["height"] >= 24
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    # the order chosen by hand, too: each one whole
    for value in ("eqf_asc", "provider", "title"):
        sort.select_option(value)
        text, width, room = sort.evaluate(SELECTED_TEXT_JS)
        assert width + arrow <= room, f"{text!r} ({width:.0f} px) in {room:.0f} px"
    expect(page.locator("#credcat-facets > summary")).to_be_in_viewport()


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_filters_in_use_are_buttons_above_the_results_on_a_phone(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str
) -> None:
    """At 375×667 (English, German, French): as the page opens no filter is in use and no button
    shown; two options ticked in the panel and "Show N results": a button per filter above
    the results, in the panel's order, showing the option's label and named "Remove filter:
    <label>" in the page's language, the next Tab stop after the results heading. Enter on the
    first removes its filter (tick, results, count and address follow) and the focus goes to
    the next button; Space on the last removes it, the buttons go and the focus is on the
    facets' summary; Back brings it back. Scrolled to the results, the buttons begin below
    Material's header. A workload range and every status are filters too
    ("From 2.5 ECTS", "Every status"). No axe violation. At 1280 px no button (the facets sit
    beside the results)."""
    cat = sample_site.catalogue
    prefix = "" if lang == lang_of(cat) else f"{lang}/"
    ui = ui_strings(lang)
    facets = data_of(sample_site, prefix.rstrip("/"))["facets"]
    label = {facet: {str(p[0]): str(p[1]) for p in pairs} for facet, pairs in facets.items()}
    cred = an_active_credential(sample_site)
    eqf, mode = str(cred.eqf), cred.mode

    def name(shown: str) -> str:
        return ui["catalogue_chip_remove"].replace("{filter}", shown)

    def counted(filters: dict[str, list[str]]) -> str:
        return plural(ui["catalogue_count"], len(matching(cat, filters)), lang)

    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    open_catalogue(page, sample_site, lang=prefix)
    chips = page.locator("#credcat-chips")
    buttons = chips.get_by_role("button")
    expect(chips).to_be_hidden()
    page.locator("#credcat-facets > summary").click()
    facet_box(page, "eqf", eqf).check()
    facet_box(page, "mode", mode).check()
    page.locator("#credcat-show-results").click()
    expect(page.locator("#results")).to_be_focused()
    expect(chips).to_be_visible()
    # scrolled to the results: the buttons begin below Material's header, not behind it
    header = box_of(page, ".md-header")
    assert header["y"] + header["height"] <= box_of(page, "#credcat-chips")["y"] < PHONE["height"]
    expect(chips.locator(".credcat-chips__label")).to_have_text(ui["catalogue_chips"])
    shown = chips.locator("button .credcat-chip__text")  # what a button shows, beside its ×
    expect(shown).to_have_text([label["eqf"][eqf], label["mode"][mode]])
    for text in (label["eqf"][eqf], label["mode"][mode]):
        expect(chips.get_by_role("button", name=name(text), exact=True)).to_have_count(1)
    both = {"eqf": [eqf], "mode": [mode], "status": ["active"]}
    expect(page.locator("#credcat-count")).to_have_text(counted(both))
    first_card = box_of(page, "#credcat-results li.credcat-card")
    for n in range(2):
        chip = buttons.nth(n).bounding_box()
        assert chip is not None and chip["height"] >= 24 and chip["width"] >= 24
        assert chip["y"] + chip["height"] <= first_card["y"], "the buttons come above the results"
    assert_no_axe_violations(page, f"the filters in use above the results ({lang}, 375 px)")
    save_screenshot(page, screenshot_dir, f"catalogue-375-filters-in-use-{lang}", full_page=False)

    # the keyboard: Tab from the results heading, Enter removes the level
    page.keyboard.press("Tab")
    expect(buttons.first).to_be_focused()
    page.keyboard.press("Enter")
    only_mode = {"mode": [mode], "status": ["active"]}
    expect(page.locator("#credcat-count")).to_have_text(counted(only_mode))
    assert checked(page) == only_mode
    assert sorted(shown_ids(page)) == sorted(e.id for e in matching(cat, only_mode))
    query = parse_qs(urlsplit(settled_url(page)).query)
    assert "eqf" not in query and query.get("mode") == [mode]
    expect(buttons).to_have_count(1)
    expect(buttons.first).to_be_focused()
    expect(buttons.first).to_have_accessible_name(name(label["mode"][mode]))
    page.keyboard.press(" ")
    expect(chips).to_be_hidden()
    expect(page.locator("#credcat-facets > summary")).to_be_focused()
    expect(page.locator("#credcat-count")).to_have_text(counted({"status": ["active"]}))
    assert urlsplit(settled_url(page)).query == ""
    page.go_back()
    expect(shown).to_have_text([label["mode"][mode]])
    assert checked(page) == only_mode

    # the workload range and every status
    open_catalogue(page, sample_site, "?status=all&ects_min=2.5", lang=prefix)
    decimal = format_decimal(2.5, locale=lang)
    expect(shown).to_have_text(
        [ui["catalogue_chip_statuses"], ui["catalogue_chip_min"].replace("{ects}", decimal)]
    )
    buttons.first.click()
    expect(buttons).to_have_count(1)
    assert checked(page) == {"status": ["active"]}
    expect(page.locator("#credcat-ects-min")).to_have_value(decimal)
    buttons.first.click()
    expect(chips).to_be_hidden()
    expect(page.locator("#credcat-ects-min")).to_have_value("")

    page.set_viewport_size(DESKTOP)
    open_catalogue(page, sample_site, f"?eqf={eqf}", lang=prefix)
    expect(page.locator("#credcat-count")).to_have_text(
        counted({"eqf": [eqf], "status": ["active"]})
    )
    expect(chips).to_be_hidden()


def _compare_on_a_phone(
    new_context: NewContext, sample_site: Site, lang: str
) -> tuple[Page, Locator, list[str]]:
    """The compare page at 375×667 (touch) in ``lang``, comparing the three active credentials
    with most outcomes; the page, its table (shown) and the ids compared."""
    cat = sample_site.catalogue
    prefix = "" if lang == lang_of(cat) else f"{lang}/"
    active = [c for c in cat.credentials.values() if c.status == "active"]
    ids = [c.id for c in sorted(active, key=lambda c: (-len(c.outcomes), c.id))[:3]]
    context, _ = new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(sample_site.url(f"{prefix}compare/?ids=" + ",".join(ids)))
    table = page.locator("table.credcat-compare-table")
    expect(table).to_be_visible()
    return page, table, ids


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_on_a_phone_the_compare_page_gives_price_and_start_before_the_outcomes(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str
) -> None:
    """At 375×667, comparing the three credentials with most outcomes (English, German, French):
    the rows a learner decides on (level, workload, mode, price, next start, awarding body) come
    before the outcomes and the assessments, in the table's order and on the screen: every
    credential's price and next start lie above the first outcome; at 1280 px the same order."""
    page, table, ids = _compare_on_a_phone(new_context, sample_site, lang)
    rows = table.locator("tbody tr")
    assert rows.evaluate_all("els => els.map(e => e.getAttribute('data-credcat-row'))") == ROWS
    tops: dict[str, list[int]] = {}
    for row in ROWS:
        cells = table.locator(f'tr[data-credcat-row="{row}"] td')
        expect(cells).to_have_count(len(ids))
        tops[row] = cells.evaluate_all(
            "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
        )
    first_outcome = min(tops["outcomes"])
    for row in ("level", "workload", "mode", "price", "next_start", "awarding"):
        assert max(tops[row]) < first_outcome, (row, tops[row], first_outcome)
    print(f"compare at 375 px ({lang}), tops: {json.dumps(tops)}")
    save_screenshot(page, screenshot_dir, f"compare-375-decision-first-{lang}")
    page.set_viewport_size(DESKTOP)
    price = table.locator('tr[data-credcat-row="price"]').bounding_box()
    outcomes = table.locator('tr[data-credcat-row="outcomes"]').bounding_box()
    assert price and outcomes and price["y"] < outcomes["y"]


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_on_a_phone_the_compare_page_folds_outcomes_and_assessments(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str
) -> None:
    """At 375×667, comparing the three credentials with most outcomes (English, German, French):
    each credential's outcomes and assessments are folded behind a button that counts them ("Show
    the 7 outcomes", by the language's plural rules), with aria-expanded and aria-controls,
    keyboard operable; the lists are still in the page, and a tap shows one whole. At 1280 px
    and in print every list is shown and no button is."""
    cat = sample_site.catalogue
    code = lang if lang != "en" else lang_of(cat)
    strings = ui_strings(code)["compare"]
    page, table, ids = _compare_on_a_phone(new_context, sample_site, lang)
    folds = {"outcomes": "show_outcomes", "assessment": "show_assessment"}
    for row, key in folds.items():
        for n, cid in enumerate(ids):
            cred = cat.credentials[cid]
            count = len(cred.outcomes if row == "outcomes" else cred.assessments)
            cell = table.locator(f'tr[data-credcat-row="{row}"] td').nth(n)
            button = cell.locator("button.credcat-compare__fold")
            expect(button).to_be_visible()
            expect(button).to_have_text(plural(strings[key], count, code))
            expect(button).to_have_attribute("aria-expanded", "false")
            listed = cell.locator("ul")
            expect(listed).to_be_hidden()
            expect(listed.locator("li")).to_have_count(count)  # folded, still in the page
            assert listed.get_attribute("id") == button.get_attribute("aria-controls")
    bottom = table.evaluate("t => Math.round(t.getBoundingClientRect().bottom)")
    print(f"compare at 375 px ({lang}), lists folded: the table ends at {bottom} px")
    assert page.evaluate(TOUCH_TARGETS) == []
    assert_no_axe_violations(page, f"the compare page's folded lists at 375 px ({lang})")
    save_screenshot(page, screenshot_dir, f"compare-375-folded-{lang}")

    # a tap shows a credential's outcomes, the keyboard folds them again
    cell = table.locator('tr[data-credcat-row="outcomes"] td').first
    button = cell.locator("button.credcat-compare__fold")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_have_text(strings["hide_list"])
    expect(cell.locator("ul")).to_be_visible()
    expect(cell.locator("li").first).to_be_in_viewport()
    expect(table.locator('tr[data-credcat-row="outcomes"] td').nth(1).locator("ul")).to_be_hidden()
    assert_no_axe_violations(page, f"the compare page, a list unfolded at 375 px ({lang})")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(cell.locator("ul")).to_be_hidden()
    page.keyboard.press("Space")
    expect(cell.locator("ul")).to_be_visible()

    # on paper and at 1280 px: every list whole, no button
    for media, size in (("print", PHONE), ("screen", DESKTOP)):
        page.emulate_media(media=media)  # type: ignore[arg-type]
        page.set_viewport_size(size)
        for row in folds:
            for ul in table.locator(f'tr[data-credcat-row="{row}"] td ul').all():
                expect(ul).to_be_visible()
        expect(table.locator("button.credcat-compare__fold").first).to_be_hidden()
        expect(table.locator("button.credcat-compare__fold:visible")).to_have_count(0)
    page.emulate_media(media="print")
    assert page.pdf(format="A4").startswith(b"%PDF")


# --- plural forms where the browser has no Intl.PluralRules --------------------------------------

NO_PLURAL_RULES = "delete Intl.PluralRules;"
"""An init script: the browser as one without ``Intl.PluralRules`` (an old or stripped one)."""


def test_without_plural_rules_both_pages_say_one_for_1_and_other_for_2(
    new_context: NewContext, sample_site: Site
) -> None:
    """``catalogue.js`` (``plural``) and ``compare.js`` (``counted``) choose a count's form with
    ``Intl.PluralRules``; where the browser has none, both take English's ("one" for 1, else
    "other"): the compare page said "Show the 1 assessments". The catalogue's count for a facet
    option of 1 and of 2 results; the compare page's fold buttons for credentials whose
    assessments are cut to 1 and 2 (``catalogue-texts.json`` served so)."""
    cat = sample_site.catalogue
    code = lang_of(cat)
    context, _ = new_context(viewport=PHONE, has_touch=True)
    context.add_init_script(NO_PLURAL_RULES)
    page = context.new_page()
    by_count: dict[int, tuple[str, str]] = {}
    for key, n in facet_counts(cat, {"status": ["active"]}).items():
        facet, value = key.split(":", 1)
        if facet != "status" and n in (1, 2):
            by_count.setdefault(n, (facet, value))
    assert set(by_count) == {1, 2}, by_count
    for n, (facet, value) in sorted(by_count.items()):
        open_catalogue(page, sample_site, f"?{facet}={value}")
        assert page.evaluate("typeof Intl.PluralRules") == "undefined"
        assert len(matching(cat, {facet: [value], "status": ["active"]})) == n
        expect(page.locator("#credcat-count")).to_have_text(count_text(cat, n))
        expect(page.locator("#credcat-results li.credcat-card")).to_have_count(n)

    ids = active_by_title(sample_site)[:2]
    cut = dict(zip(ids, (1, 2), strict=True))

    def fewer_assessments(route: Route) -> None:
        data = json.loads(route.fetch().text())
        for entry in data["credentials"]:
            keep = cut.get(entry["i"])
            for name in ("x", "xl", "xt") if keep else ():
                if isinstance(entry.get(name), list):
                    entry[name] = entry[name][:keep]
        route.fulfill(json=data)

    page.route("**/catalogue-texts.json", fewer_assessments)
    page.goto(sample_site.url("compare/?ids=" + ",".join(ids)))
    strings = ui_strings(code)["compare"]
    cells = page.locator('table.credcat-compare-table tr[data-credcat-row="assessment"] td')
    expect(cells).to_have_count(2)
    for i, cid in enumerate(ids):
        n = cut[cid]
        assert len(cat.credentials[cid].assessments) >= n  # the cut is what the page counts
        button = cells.nth(i).locator("button.credcat-compare__fold")
        expect(button).to_have_text(plural(strings["show_assessment"], n, code))
        expect(cells.nth(i).locator("li")).to_have_count(n)
