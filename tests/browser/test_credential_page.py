"""The credential page's first screen, its runs on the reader's today, the one-page employers'
summary (screen, print, PDF), logos, touch targets and the phone, in headless Chromium.

The sample site of ``conftest.py`` is used. Expectations come from the loaded model. The
reader's today is set with Playwright's clock (``page.clock``), so the view-time script
(``credential.js``) is tested on dates before and after a run closes. Screenshots of the home,
credential and summary pages at 1280×800 and 375×667, and the PDFs, go to the
``screenshot_dir`` folder (``$CREDCAT_SCREENSHOTS``), through ``conftest.save_screenshot``.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from tests.catalogue_factory import (
    ORGANISATIONS,
    SETTINGS,
    credential,
    in_language,
    write_catalogue,
)

from credcat.catalogue import Catalogue
from credcat.model import Credential
from credcat.render.language import localise
from credcat.render.site.credential import (
    open_until,
    run_ends,
    run_languages,
    says_run_languages,
)
from credcat.render.site.localise import Localiser, ui_strings

from .conftest import (
    NewContext,
    Site,
    assert_folds_by_keyboard,
    require_axe,
    save_screenshot,
    site_of,
    small_site,
)
from .test_e2e import assert_no_axe_violations, lang_of, pdf_pages

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
NARROW = {"width": 320, "height": 568}
"""The narrowest phone (WCAG's reflow width): its first screen holds what a phone's does."""
PHONES = {"375": PHONE, "320": NARROW}
SIZES = [("desktop", DESKTOP), ("phone", PHONE)]
TODAY = datetime(2026, 12, 1, 12, 0)
"""The reader's today in these tests (the tests' build date too)."""

FIRST_SCREEN = {
    "enrol": ".credcat-glance [data-credcat-run]:not([hidden]) .credcat-enrol",
    "next start": ".credcat-glance [data-credcat-run]:not([hidden]) .credcat-glance__start",
    "price": '.credcat-glance [data-credcat-run]:not([hidden]) [data-credcat-glance="price"]',
}
"""The run offered at the top of a credential page: its start, its own price, Enrol."""


def offered(cat: Catalogue) -> Credential:
    """An active credential with at least two runs open on :data:`TODAY` and an enrolment
    link, the one with most outcomes (the longest page)."""
    found = [
        c
        for c in cat.credentials.values()
        if c.status == "active"
        and sum(1 for o in c.offerings if open_until(o) >= TODAY.date()) >= 2
        and all(o.enrolment_url for o in c.offerings)
    ]
    assert found, "the sample catalogue has no active credential with two open runs"
    return max(found, key=lambda c: (len(c.outcomes), c.id))


def runs(cred: Credential) -> list[Any]:
    return sorted(cred.offerings, key=lambda o: (o.start, o.id))


def open_page(new_context: NewContext, viewport: dict[str, int], **options: Any) -> Page:
    context, _ = new_context(viewport=viewport, **options)
    page = context.new_page()
    if options.get("java_script_enabled", True):
        page.clock.set_fixed_time(TODAY)
    return page


# --- the first screen ------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "viewport"), SIZES, ids=[n for n, _ in SIZES])
def test_enrol_next_start_and_price_are_in_the_first_screen(
    new_context: NewContext,
    sample_site: Site,
    screenshot_dir: Path,
    name: str,
    viewport: dict[str, int],
) -> None:
    cred = offered(sample_site.catalogue)
    page = open_page(new_context, viewport)
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    measured: dict[str, dict[str, float]] = {}
    for what, selector in FIRST_SCREEN.items():
        element = page.locator(selector)
        expect(element).to_have_count(1)
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box is not None, what
        measured[what] = {k: round(v) for k, v in box.items()}
        bottom = box["y"] + box["height"]
        assert box["y"] >= 0 and bottom <= viewport["height"], (
            f"{what} at {viewport['width']}×{viewport['height']} spans y {box['y']:.0f}–"
            f"{bottom:.0f}: not in the first screen"
        )
    first = runs(cred)[0]
    expect(page.locator(FIRST_SCREEN["next start"])).to_contain_text(
        f"{first.start.day} {first.start.strftime('%B %Y')}"
    )
    print(f"first screen at {viewport['width']}×{viewport['height']}: {json.dumps(measured)}")
    (screenshot_dir / f"first-screen-{name}.json").write_text(json.dumps(measured, indent=1))
    save_screenshot(page, screenshot_dir, f"credential-first-screen-{name}", full_page=False)


def test_every_run_offered_keeps_enrol_in_the_first_screen_of_a_phone(
    new_context: NewContext, sample_site: Site
) -> None:
    """The run offered with its language and its price's note (the longest of the sample's is
    a package price's) leaves its start, price and Enrol in the first screen of a phone, for
    every credential of the sample that offers one."""
    cat = sample_site.catalogue
    page = open_page(new_context, PHONE)
    low = {}
    for cred in sorted(cat.credentials.values(), key=lambda c: c.id):
        if not any(open_until(o) >= TODAY.date() and o.enrolment_url for o in cred.offerings):
            continue
        page.goto(sample_site.url(f"credentials/{cred.id}/"))
        for what, selector in FIRST_SCREEN.items():
            box = page.locator(selector).bounding_box()
            assert box is not None, (cred.id, what)
            low[f"{cred.id} {what}"] = round(box["y"] + box["height"])
    assert low, "the sample offers no run"
    print(f"lowest edge at 375×667: {max(low.values())} px")
    below = {k: v for k, v in low.items() if v > PHONE["height"]}
    assert not below, f"below the first screen of a phone: {below}"


GLANCE_OUTCOME = ".credcat-glance__outcomes li"
"""The first outcome at a glance (its list follows the first screen's box)."""


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
@pytest.mark.parametrize("width", list(PHONES))
def test_the_outcomes_at_a_glance_begin_in_the_first_screen_of_a_phone(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str, width: str
) -> None:
    """At 375×667 and at 320×568 (where the first outcome began at 537–749 px; the facts of the
    first screen each on one line with its label there, the rest closer set), on
    the page of every active credential that offers a run, in English,
    German and French: the title, the awarding body, the box of the first screen (level,
    workload, mode, the next run, its price, Enrol) and the first outcome at a glance begin in
    the first screen; the outcomes at a glance come before the summary on a phone (the stylesheet's
    order), after it at 1280 px (the page's order, unchanged). Nothing is left out: the summary
    is shown whole below them."""
    cat = sample_site.catalogue
    prefix = "" if lang == lang_of(cat) else f"{lang}/"
    size = PHONES[width]
    phone = open_page(new_context, size)
    desktop = open_page(new_context, DESKTOP)
    tops: dict[str, int] = {}
    measured = 0
    for cred in sorted(cat.credentials.values(), key=lambda c: c.id):
        if cred.status != "active" or not any(
            open_until(o) >= TODAY.date() and o.enrolment_url for o in cred.offerings
        ):
            continue
        phone.goto(sample_site.url(f"{prefix}credentials/{cred.id}/"))
        boxes = {
            what: phone.locator(selector).first.bounding_box()
            for what, selector in {
                "title": "h1",
                "awarding body": ".credcat-by",
                "level": '.credcat-glance [data-credcat-glance="eqf"]',
                **FIRST_SCREEN,
                "outcome": GLANCE_OUTCOME,
                "summary": ".credcat-summary",
            }.items()
        }
        for what, box in boxes.items():
            assert box is not None, (cred.id, what)
        first = boxes["outcome"]
        assert first is not None
        tops[cred.id] = round(first["y"])
        for what, box in boxes.items():
            if what != "summary":
                assert box is not None and 0 <= box["y"] < size["height"], (
                    f"{prefix}credentials/{cred.id}/: {what} begins at y={box and box['y']:.0f}, "
                    f"below the first screen of a phone ({width}×{size['height']} px)"
                )
        assert phone.evaluate("document.documentElement.scrollWidth") <= size["width"], cred.id
        summary = boxes["summary"]
        assert summary is not None and summary["y"] > first["y"], cred.id
        expect(phone.locator(".credcat-summary")).to_have_text(
            localise(cred.summary, lang, lang_of(cat))
        )
        desktop.goto(sample_site.url(f"{prefix}credentials/{cred.id}/"))
        wide_summary = desktop.locator(".credcat-summary").bounding_box()
        wide_outcome = desktop.locator(GLANCE_OUTCOME).first.bounding_box()
        assert wide_summary and wide_outcome and wide_summary["y"] < wide_outcome["y"], cred.id
        measured += 1
    assert measured, "the sample offers no run"
    print(f"first outcome at a glance at {width}×{size['height']} ({lang}): {json.dumps(tops)}")
    save_screenshot(phone, screenshot_dir, f"credential-{width}-outcomes-{lang}", full_page=False)


@pytest.mark.parametrize(("name", "viewport"), SIZES, ids=[n for n, _ in SIZES])
def test_screenshots_of_home_credential_and_summary(
    new_context: NewContext,
    sample_site: Site,
    screenshot_dir: Path,
    name: str,
    viewport: dict[str, int],
) -> None:
    cred = offered(sample_site.catalogue)
    page = open_page(new_context, viewport)
    for page_name, path in (
        ("home", ""),
        ("credential", f"credentials/{cred.id}/"),
        ("summary", f"credentials/{cred.id}/{cred.version}/summary/"),
    ):
        page.goto(sample_site.url(path))
        save_screenshot(page, screenshot_dir, f"{page_name}-{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{page_name} scrolls sideways at {name} ({width})"


# --- runs on the reader's today --------------------------------------------------------------


def test_a_run_closes_on_the_readers_today_without_a_rebuild(
    new_context: NewContext, sample_site: Site
) -> None:
    cred = offered(sample_site.catalogue)
    first, second = runs(cred)[:2]
    later = datetime.combine(open_until(first) + timedelta(days=1), TODAY.time())
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    page.clock.set_fixed_time(later)
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    glance = page.locator(".credcat-glance")
    expect(glance.locator(f'[data-credcat-run="{first.id}"]')).to_be_hidden()
    expect(glance.locator(f'[data-credcat-run="{second.id}"]')).to_be_visible()
    expect(glance.locator(f'[data-credcat-run="{second.id}"] .credcat-enrol')).to_be_visible()
    run = page.locator(f'[data-credcat-offering="{first.id}"]')
    expect(run).to_have_attribute("data-credcat-past", "")
    expect(run.locator(".credcat-enrol")).to_be_hidden()
    expect(run.locator(".credcat-offering__closed")).to_be_visible()
    expect(page.locator(f'[data-credcat-offering="{second.id}"] .credcat-enrol')).to_be_visible()

    # every run over: the top says so and offers no enrol button
    last = datetime.combine(open_until(runs(cred)[-1]) + timedelta(days=1), TODAY.time())
    page.clock.set_fixed_time(last)
    page.reload()
    expect(glance.locator("[data-credcat-no-run]")).to_be_visible()
    expect(glance.locator(".credcat-enrol:visible")).to_have_count(0)
    require_axe()
    assert_no_axe_violations(page, f"credential {cred.id} with every run closed")

    # without JavaScript the build's state stays: the first run is offered
    context, _ = new_context(viewport=DESKTOP, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(sample_site.url(f"credentials/{cred.id}/"))
    built = plain.locator(".credcat-glance [data-credcat-run]:not([hidden])")
    expect(built).to_have_attribute("data-credcat-run", first.id)


def test_the_summary_is_dated_on_the_readers_today(
    new_context: NewContext, sample_site: Site
) -> None:
    cred = offered(sample_site.catalogue)
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2027, 2, 14, 9, 0))
    page.goto(sample_site.url(f"credentials/{cred.id}/{cred.version}/summary/"))
    today = page.locator("#employers-summary time[data-credcat-today]")
    expect(today).to_have_text("14 February 2027")
    expect(today).to_have_attribute("datetime", "2027-02-14")


def test_an_italian_summary_writes_the_article_before_the_readers_today(
    new_context: NewContext,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The date of an Italian summary, the reader's today, is written into its sentence as the
    build writes its own: "Aggiornata all’8", "all’11" (8 and 11 are read with a vowel), "al 9",
    "al 1º marzo"; the build's "all’" becomes "al " again on another day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1796126400 + 7 * 86400))  # built 2026-12-08

    def write(root: Path) -> Path:
        settings = {**in_language(SETTINGS, "it"), "languages": ["en", "it"]}
        creds = {"databases": in_language(credential(), "it")}
        return write_catalogue(root, creds, in_language(ORGANISATIONS, "it"), settings)

    for site in site_of(tmp_path_factory, "italian", write):
        context, _ = new_context(viewport=DESKTOP)
        page = context.new_page()
        line = page.locator("#employers-summary .credcat-sheet__date")
        for day, said in (
            ((2026, 12, 8), "Aggiornata all’8 dicembre 2026"),
            ((2027, 3, 9), "Aggiornata al 9 marzo 2027"),
            ((2027, 3, 11), "Aggiornata all’11 marzo 2027"),
            ((2027, 3, 1), "Aggiornata al 1º marzo 2027"),
        ):
            page.clock.set_fixed_time(datetime(*day, 9, 0))
            page.goto(site.url("it/credentials/databases/1.0/summary/"))
            expect(line).to_have_text(said)
            expect(line.locator("time")).to_have_attribute("datetime", date(*day).isoformat())


PRICED_RUNS = [
    {"id": "early", "start": "2026-11-16", "price": {"amount": 450, "currency": "EUR"}},
    {
        "id": "winter",
        "start": "2027-01-11",
        "application_deadline": "2026-12-20",
        "price": {"amount": 490, "currency": "EUR"},
    },
    {
        "id": "spring",
        "start": "2027-03-01",
        "application_deadline": "2027-02-01",
        "price": {"amount": 520, "currency": "EUR"},
    },
    {"id": "summer", "start": "2027-06-07"},  # no price stated
]
"""On :data:`TODAY` (the build's date): early has started, the other three are open."""


def test_the_price_follows_the_runs_open_on_the_readers_today(
    new_context: NewContext, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The top gives the price of the run it offers on the reader's today (its own, not a
    range), none once no run is open; the key facts give the price of the runs still open, as
    the build does on its own (``price_on``): a closed run's price leaves the range, an open
    run without a price says to ask the provider, and every run closed, that none is open."""
    from tests.catalogue_factory import credential

    from credcat.render.site.common import Site as Pages
    from credcat.render.site.credential import price_on
    from credcat.urls import Urls

    nbsp = "\u00a0"
    expected = {  # the reader's today → (the top, the key facts), in English and in German
        "2026-11-10": (("€450", "€450 – €520"), (f"450{nbsp}€", f"450{nbsp}€ – 520{nbsp}€")),
        "2026-12-01": (("€490", "€490 – €520"), (f"490{nbsp}€", f"490{nbsp}€ – 520{nbsp}€")),
        "2026-12-20": (("€490", "€490 – €520"), (f"490{nbsp}€", f"490{nbsp}€ – 520{nbsp}€")),
        "2026-12-21": (("€520", "€520"), (f"520{nbsp}€", f"520{nbsp}€")),
        "2027-02-02": (  # only summer is open, without a price
            ("Ask the provider", "Ask the provider"),
            ("Beim Anbieter erfragen", "Beim Anbieter erfragen"),
        ),
        "2027-06-08": (  # every run closed
            (None, "No run open for enrolment now"),
            (None, "Zurzeit keine Anmeldung offen"),
        ),
    }
    creds = {"priced": credential(offerings=PRICED_RUNS)}
    for site in small_site(tmp_path_factory, "priced", creds):
        cred = site.catalogue.credentials["priced"]
        urls = Urls.of(site.catalogue.settings)
        context, _ = new_context(viewport=DESKTOP)
        for day, prices in expected.items():
            when = datetime.fromisoformat(day + "T12:00:00")
            for lang, (top, facts) in zip(("en", "de"), prices, strict=True):
                built = price_on(Pages(site.catalogue, urls, lang), cred, when.date())
                assert built == facts, (day, lang)  # the build's rule, on that day
                page = context.new_page()
                page.clock.set_fixed_time(when)
                page.goto(site.url(("de/" if lang == "de" else "") + "credentials/priced/"))
                expect(page.locator('#key-facts ~ dl [data-credcat-fact="price"] dd')).to_have_text(
                    facts
                )
                shown = page.locator(FIRST_SCREEN["price"])
                if top is None:  # no run offered: no price at the top, and it says why
                    expect(shown).to_have_count(0)
                    expect(page.locator(".credcat-glance [data-credcat-no-run]")).to_be_visible()
                    glance = page.locator(".credcat-glance")
                    expect(glance).not_to_contain_text("€", use_inner_text=True)
                else:
                    expect(shown.locator("strong")).to_have_text(top)
                page.close()

        # without JavaScript the build's prices stay
        plain_context, _ = new_context(viewport=DESKTOP, java_script_enabled=False)
        plain = plain_context.new_page()
        plain.goto(site.url("credentials/priced/"))
        expect(plain.locator(FIRST_SCREEN["price"]).locator("strong")).to_have_text("€490")
        expect(plain.locator('#key-facts ~ dl [data-credcat-fact="price"] dd')).to_have_text(
            "€490 – €520"
        )
        plain.goto("about:blank")


# --- the sample's runs: language, price and past runs on the reader's today -----------------


def at(day: str) -> datetime:
    """Noon of a day (YYYY-MM-DD): the reader's today."""
    return datetime.fromisoformat(day + "T12:00:00")


def in_languages(cred: Credential, offer: Any) -> str:
    """A run's languages as the English pages name them ("in German")."""
    loc = Localiser("en", "en")
    names = [loc.running_language_name(code) for code in run_languages(cred, offer)]
    return "in " + loc.join(names)


def taught_in_turn(cat: Catalogue) -> Credential:
    """An active credential of the sample whose runs are taught in different languages."""
    found = [
        c
        for c in sorted(cat.credentials.values(), key=lambda c: c.id)
        if c.status == "active"
        and says_run_languages(c)
        and len({tuple(run_languages(c, o)) for o in c.offerings}) > 1
    ]
    assert found, "the sample has no credential whose runs differ in language"
    return found[0]


def conditionally_priced(cat: Catalogue) -> Credential:
    """An active credential of the sample whose runs have different prices, each with a note
    (a package price, a capstone-only price)."""
    found = [
        c
        for c in sorted(cat.credentials.values(), key=lambda c: c.id)
        if c.status == "active"
        and len({o.price.amount for o in c.offerings if o.price}) > 1
        and all(o.price and o.price.note for o in c.offerings)
    ]
    assert found, "the sample has no credential with runs at different prices"
    return found[0]


def test_the_run_offered_says_its_language_beside_the_credentials_languages(
    new_context: NewContext, sample_site: Site
) -> None:
    """Data Analysis with Python is taught in German and English, a German run first: the top
    says "1 March 2027 · in German" beside "Languages: German and English", and once that run
    closes, the English run with "in English", on the reader's today."""
    cred = taught_in_turn(sample_site.catalogue)
    first, second = runs(cred)[:2]
    assert run_languages(cred, first) != run_languages(cred, second)
    page = open_page(new_context, DESKTOP)
    for day, offer in ((TODAY, first), (at(str(open_until(first) + timedelta(days=1))), second)):
        page.clock.set_fixed_time(day)
        page.goto(sample_site.url(f"credentials/{cred.id}/"))
        run = page.locator(f'.credcat-glance [data-credcat-run="{offer.id}"]')
        expect(run).to_be_visible()
        expect(run.locator(".credcat-glance__language")).to_have_text(
            f" · {in_languages(cred, offer)}"
        )
        expect(run.locator(".credcat-enrol")).to_be_visible()
    expect(page.locator(".credcat-glance [data-credcat-run]:visible")).to_have_count(1)


def test_the_top_gives_the_price_of_the_run_offered_with_its_condition(
    new_context: NewContext, sample_site: Site
) -> None:
    """Applied Data Analytics: beside Enrol for the full programme, its package price (not
    "€490 – €2,390"); once its deadline has passed, the capstone's €490 with its condition
    ("Capstone only, …") in sight; once every deadline has passed, no price at all."""
    cred = conditionally_priced(sample_site.catalogue)
    ordered = runs(cred)
    loc = Localiser("en", "en")
    page = open_page(new_context, DESKTOP)
    for n, offer in enumerate(ordered):
        # the day the run before it closed (the build's today for the first)
        day = at(str(open_until(ordered[n - 1]) + timedelta(days=1))) if n else TODAY
        page.clock.set_fixed_time(day)
        page.goto(sample_site.url(f"credentials/{cred.id}/"))
        price = page.locator(FIRST_SCREEN["price"])
        assert offer.price is not None and offer.price.note is not None
        expect(price.locator("strong")).to_have_text(loc.price(offer.price))
        expect(price.locator(".credcat-glance__price-note")).to_have_text(offer.price.note["en"])
        expect(price.locator(".credcat-glance__price-note")).to_be_visible()
        expect(page.locator(FIRST_SCREEN["enrol"])).to_have_attribute(
            "href", str(offer.enrolment_url)
        )
    page.clock.set_fixed_time(
        datetime.combine(max(open_until(o) for o in ordered) + timedelta(days=1), TODAY.time())
    )
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    expect(page.locator(".credcat-glance [data-credcat-no-run]")).to_be_visible()
    expect(page.locator(".credcat-glance")).not_to_contain_text("€", use_inner_text=True)
    expect(page.locator('#key-facts ~ dl [data-credcat-fact="price"] dd')).to_have_text(
        "No run open for enrolment now"
    )


def test_past_runs_leave_the_upcoming_offerings_on_the_readers_today(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    """A run whose last day has passed moves from "Upcoming offerings" to "Past runs" (dates,
    place, language; no price, no enrolment); once none is left to come, the heading and the
    table of contents say "Past runs", the page says that no upcoming run is announced, and
    the top offers nothing and prices nothing. Without JavaScript, the build's day stays."""
    cred = taught_in_turn(sample_site.catalogue)
    ordered = runs(cred)
    first_over = min(run_ends(o) for o in ordered)
    upcoming = [o for o in ordered if run_ends(o) > first_over]
    assert upcoming, cred.id
    page = open_page(new_context, DESKTOP)
    section = page.locator("section.credcat-offerings")
    heading = section.locator("h2#offerings")
    toc = page.locator('.md-sidebar--secondary a[href="#offerings"]')

    page.clock.set_fixed_time(at(str(first_over + timedelta(days=1))))
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    expect(heading).to_have_text("Upcoming offerings")
    expect(toc).to_have_text("Upcoming offerings")
    for offer in ordered:
        over = run_ends(offer) <= first_over
        block = section.locator(f'[data-credcat-offering="{offer.id}"]')
        line = section.locator(f'[data-credcat-past-run="{offer.id}"]')
        expect(block).to_be_hidden() if over else expect(block).to_be_visible()
        expect(line).to_be_visible() if over else expect(line).to_be_hidden()
        if over:
            expect(line).to_contain_text(in_languages(cred, offer))
            expect(line).not_to_contain_text("€")
    expect(section.locator("h3#past-runs")).to_be_visible()
    expect(section.locator("[data-credcat-no-upcoming]")).to_be_hidden()

    # 10 January 2028: every run is over
    page.clock.set_fixed_time(datetime(2028, 1, 10, 12, 0))
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    assert max(run_ends(o) for o in ordered) < datetime(2028, 1, 10).date()
    expect(heading).to_have_text("Past runs")
    expect(toc).to_have_text("Past runs")
    expect(section.locator("[data-credcat-no-upcoming]")).to_be_visible()
    expect(section.locator("h3#past-runs")).to_be_hidden()
    expect(section.locator("[data-credcat-offering]:visible")).to_have_count(0)
    expect(section.locator("[data-credcat-past-run]:visible")).to_have_count(len(ordered))
    expect(section).not_to_contain_text("€", use_inner_text=True)
    expect(section.locator(".credcat-enrol:visible")).to_have_count(0)
    expect(page.locator(".credcat-glance [data-credcat-no-run]")).to_be_visible()
    expect(page.locator(".credcat-glance")).not_to_contain_text("€", use_inner_text=True)
    require_axe()
    assert_no_axe_violations(page, f"credential {cred.id} with every run over")
    section.scroll_into_view_if_needed()
    save_screenshot(page, screenshot_dir, "credential-past-runs", full_page=False)

    # without JavaScript: the runs as of the build's day, all to come
    context, _ = new_context(viewport=DESKTOP, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(sample_site.url(f"credentials/{cred.id}/"))
    expect(plain.locator("section.credcat-offerings h2#offerings")).to_have_text(
        "Upcoming offerings"
    )
    expect(plain.locator("[data-credcat-offering]:visible")).to_have_count(len(ordered))
    expect(plain.locator("[data-credcat-past-runs]")).to_be_hidden()


def test_expired_quality_assurance_of_a_retired_credential_asks_for_no_renewal(
    new_context: NewContext, sample_site: Site
) -> None:
    """A retired credential's quality assurance, past on the reader's today, gives its
    validity and says that it covered the holders assessed while it was valid (not "Expired
    on …, ask whether it has been renewed"); on a day before it ends, it is simply valid."""
    cat = sample_site.catalogue
    cred = next(
        c
        for c in sorted(cat.credentials.values(), key=lambda c: c.id)
        if c.status == "retired" and any(q.valid_until for q in c.quality_assurance)
    )
    qa = next(q for q in cred.quality_assurance if q.valid_until)
    assert qa.valid_until is not None
    until = f"{qa.valid_until.day} {qa.valid_until.strftime('%B %Y')}"
    page = open_page(new_context, DESKTOP)
    for day, past in ((qa.valid_until + timedelta(days=1), True), (qa.valid_until, False)):
        page.clock.set_fixed_time(datetime.combine(day, TODAY.time()))
        for path in (f"credentials/{cred.id}/", f"credentials/{cred.id}/{cred.version}/summary/"):
            page.goto(sample_site.url(path))
            item = page.locator("[data-credcat-summary-qa]").first
            expect(item).to_contain_text(f"Valid until {until}")
            expect(item.locator(".credcat-expired")).to_have_count(0)
            covered = item.get_by_text("for the holders assessed while it was valid")
            expect(covered).to_be_visible() if past else expect(covered).to_be_hidden()
            expect(page.locator("article")).not_to_contain_text("Expired on")
            expect(page.locator("article")).not_to_contain_text("renewed")
        note = page.locator("#quality ~ .credcat-qa .credcat-expired-note")
        page.goto(sample_site.url(f"credentials/{cred.id}/"))
        expect(note).to_be_visible() if past else expect(note).to_be_hidden()


# --- the one-page summary and print ----------------------------------------------------------


def test_the_qr_code_as_drawn_reads_as_the_address(
    new_context: NewContext, sample_site: Site
) -> None:
    """The QR code the browser paints has each module of segno's symbol of the address in its
    aria-label dark or light, at 8 pixels a module (what a phone's camera reads)."""
    import segno

    cat = sample_site.catalogue
    cred = next(iter(sorted(cat.credentials.values(), key=lambda c: c.id)))
    page = open_page(new_context, DESKTOP)
    page.goto(sample_site.url(f"credentials/{cred.id}/{cred.version}/summary/"))
    svg = page.locator(".credcat-qr").first
    address = svg.get_attribute("aria-label").removeprefix("QR code of ")
    assert address.endswith(f"/credentials/{cred.id}/{cred.version}/")
    painted = svg.evaluate(
        """async svg => {
            const size = svg.viewBox.baseVal.width, scale = 8;
            const copy = svg.cloneNode(true);
            copy.setAttribute("width", size * scale);
            copy.setAttribute("height", size * scale);
            const image = new Image();
            image.src = "data:image/svg+xml;charset=utf-8," +
                encodeURIComponent(new XMLSerializer().serializeToString(copy));
            await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = canvas.height = size * scale;
            const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, size * scale, size * scale).data;
            const rows = [];
            for (let y = 0; y < size; y++) {
                let row = "";
                for (let x = 0; x < size; x++) {
                    const at = ((y * scale + scale / 2) * size * scale + x * scale + scale / 2) * 4;
                    row += pixels[at] < 128 ? "1" : "0";
                }
                rows.push(row);
            }
            return rows;
        }"""
    )
    symbol = segno.make(address, error="m", micro=False).matrix
    quiet = "0" * 4
    expected = [quiet * 2 + "0" * len(symbol)] * 4
    expected = [*expected, *(quiet + "".join(str(c) for c in row) + quiet for row in symbol)]
    expected += expected[:4]
    assert painted == expected


def test_the_summary_page_prints_on_one_a4_page(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    cat = sample_site.catalogue
    page = open_page(new_context, DESKTOP)
    counts = {}
    # every summary of the sample fits, the richest credential's first
    for cred in sorted(cat.credentials.values(), key=lambda c: -len(c.outcomes)):
        page.goto(sample_site.url(f"credentials/{cred.id}/{cred.version}/summary/"))
        expect(page.locator(".credcat-qr")).to_be_visible()
        page.emulate_media(media="print")
        for selector in (
            ".md-header",
            ".md-sidebar--primary",
            ".md-footer",
            "[data-credcat-full-link]",
        ):
            hidden = page.eval_on_selector_all(
                selector,
                "els => els.every(e => getComputedStyle(e).display === 'none' "
                "|| !e.checkVisibility())",
            )
            assert hidden, f"{selector} is printed on the summary of {cred.id}"
        pdf = page.pdf(format="A4")
        page.emulate_media(media="screen")
        counts[cred.id] = pdf_pages(pdf)
        if len(counts) == 1:
            (screenshot_dir / f"summary-{cred.id}.pdf").write_bytes(pdf)
            print(f"pdf: {screenshot_dir / f'summary-{cred.id}.pdf'}")
    print(f"summary PDF pages: {counts}")
    assert set(counts.values()) == {1}, f"summaries longer than one A4 page: {counts}"


def test_printing_a_credential_page_starts_with_the_summary(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path
) -> None:
    cred = offered(sample_site.catalogue)
    page = open_page(new_context, DESKTOP)
    page.goto(sample_site.url(f"credentials/{cred.id}/"))
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar",
        ".md-footer",
        ".md-search",
        ".credcat-enrol",
        ".credcat-jump",
        "[data-credcat-summary-link]",
        ".credcat-glance__runs",
    ):
        shown = page.eval_on_selector_all(
            selector, "els => els.filter(e => e.checkVisibility()).length"
        )
        assert shown == 0, f"{selector} is printed"
    order = page.evaluate(
        """() => Array.from(document.querySelector('.credcat-credential').children)
            .filter(e => e.checkVisibility())
            .map(e => [e.id || e.className || e.tagName, e.getBoundingClientRect().top])
            .sort((a, b) => a[1] - b[1]).map(e => e[0])"""
    )
    assert order[0] == "employers-summary", f"the print starts with {order[:3]}"
    summary = page.locator("#employers-summary")
    expect(summary.locator(".credcat-employers__title")).to_be_visible()
    expect(summary.locator(".credcat-qr")).to_be_visible()
    assert summary.evaluate("e => getComputedStyle(e).breakAfter") == "page"
    pdf = page.pdf(format="A4")
    (screenshot_dir / f"credential-{cred.id}.pdf").write_bytes(pdf)
    print(f"credential page PDF: {pdf_pages(pdf)} A4 pages")
    assert pdf_pages(pdf) >= 2


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "viewport"), SIZES, ids=[n for n, _ in SIZES])
def test_axe_summary_and_credential_pages(
    new_context: NewContext, sample_site: Site, name: str, viewport: dict[str, int]
) -> None:
    require_axe()
    cat = sample_site.catalogue
    cred = offered(cat)
    org = cred.awarding_body[0]
    page = open_page(new_context, viewport)
    for path in (
        f"credentials/{cred.id}/",
        f"credentials/{cred.id}/{cred.version}/summary/",
        f"organisations/{org}/",
        "pathways/",
    ):
        page.goto(sample_site.url(path))
        assert_no_axe_violations(page, f"{path} at {name}")


# --- logos -----------------------------------------------------------------------------------


def test_logos_load_and_have_a_text_alternative(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    cred = offered(cat)
    with_logo = [oid for oid, org in cat.organisations.items() if org.logo]
    assert with_logo, "the sample catalogue has no logo"
    for path in (
        f"credentials/{cred.id}/",
        f"credentials/{cred.id}/{cred.version}/summary/",
        f"organisations/{with_logo[0]}/",
    ):
        page.goto(sample_site.url(path))
        logos = page.locator("article img.credcat-logo")
        assert logos.count() >= 1, path
        for i in range(logos.count()):
            logo = logos.nth(i)
            logo.scroll_into_view_if_needed()
            expect(logo).to_have_attribute("alt", re.compile(r"^Logo: .+"))
            loaded = logo.evaluate(  # lazy images: decode() waits for the file
                "img => img.decode().then(() => img.naturalWidth > 0, () => false)"
            )
            assert loaded, f"{logo.get_attribute('src')} did not load on {path}"
        assert page.locator("article svg:not(.credcat-qr):not(.credcat-graph) use").count() == 0


# --- the phone -------------------------------------------------------------------------------

TARGETS = """() => {
    const small = [];
    const inSentence = (el) => {
        // WCAG 2.5.8's inline exception: a link inside a line of text
        if (getComputedStyle(el).display !== 'inline') return false;
        const block = el.parentElement.closest('p, li, dd, td, th, figcaption, span, div');
        if (!block) return false;
        const own = el.textContent.trim().length;
        return block.textContent.trim().length > own + 1;
    };
    for (const el of document.querySelectorAll(
            'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]')) {
        if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right <= 0 || r.left >= innerWidth) continue;  // drawers off the screen
        if (el.closest('svg.credcat-graph')) continue;
        if (r.width >= 23.5 && r.height >= 23.5) continue;
        if (inSentence(el)) continue;
        small.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string'
            ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} "${
            (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" `
            + `${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return small;
}"""


def phone_pages(cat: Catalogue) -> list[str]:
    cred = offered(cat)
    org = cred.awarding_body[0]
    return [
        "",
        "catalogue/",
        f"credentials/{cred.id}/",
        f"credentials/{cred.id}/{cred.version}/",
        f"credentials/{cred.id}/{cred.version}/summary/",
        f"organisations/{org}/",
        "organisations/",
        "pathways/",
        "check/",
        "data/",
        "how-to-read/",
    ]


def test_every_touch_target_is_at_least_24_px(new_context: NewContext, sample_site: Site) -> None:
    """At 375 px on every kind of page, and on each credential page with a list of versions
    (whose links "1.1", "1.0" were 22 px wide), every target is 24×24 px at least."""
    page = open_page(new_context, PHONE, has_touch=True, is_mobile=True)
    problems = []
    with_versions = [
        f"credentials/{cid}/"
        for cid in sorted(sample_site.catalogue.credentials)
        if "credcat-versions__table"
        in (sample_site.root / "credentials" / cid / "index.html").read_text("utf-8")
    ]
    assert len(with_versions) >= 2, with_versions
    for path in phone_pages(sample_site.catalogue) + with_versions:
        page.goto(sample_site.url(path))
        problems += [f"{path or 'home'}: {t}" for t in page.evaluate(TARGETS)]
    assert not problems, "touch targets under 24×24 px:\n" + "\n".join(problems)


def test_the_site_title_wraps_instead_of_being_cut_on_a_phone(
    new_context: NewContext, sample_site: Site
) -> None:
    page = open_page(new_context, PHONE)
    page.goto(sample_site.url(""))
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    expect(title).to_be_visible()
    fits = title.evaluate(
        "e => [e.scrollWidth <= e.clientWidth + 1, e.scrollHeight <= e.clientHeight + 1,"
        " e.getBoundingClientRect().top >= 0, e.getBoundingClientRect().bottom <= 48]"
    )
    assert fits == [True, True, True, True], f"the site title is cut: {fits}"


NARROW = {"width": 320, "height": 568}  # WCAG 1.4.10's reflow width
LONG_WORDS = """() => [...document.querySelectorAll('.md-content h1, .credcat-glance__facts dt')]
    .map(e => ({text: e.textContent.trim(), lang: e.closest('[lang]').lang,
                fallback: e.closest('[data-credcat-fallback]')?.dataset.credcatFallback || null,
                hyphens: getComputedStyle(e).hyphens,
                fits: e.scrollWidth <= e.clientWidth + 1}))"""


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_long_words_are_hyphenated_by_their_language_on_a_phone(
    new_context: NewContext, sample_site: Site, lang: str
) -> None:
    """At 320×568 (the reflow width), German and French: a word longer than the line was cut
    at any letter ("Forschungsdatenmanage|ment", "ARBEITSAUFWA|ND"). The page's title and the
    first screen's labels are hyphenated (hyphens: auto) by their own language, the page's or
    an English fallback's lang="en", where the browser has that language's rules (this
    Chromium has none: the word is still broken, never wider than the screen); nothing scrolls
    sideways. At 1280 px the titles are as they were (no hyphenation)."""
    prefix = "" if lang == lang_of(sample_site.catalogue) else f"{lang}/"
    page = open_page(new_context, NARROW)
    for cid in ("research-data-management", "data-analysis-python", "fair-research-data"):
        page.goto(sample_site.url(f"{prefix}credentials/{cid}/"))
        seen = page.evaluate(LONG_WORDS)
        assert len(seen) >= 5, (cid, seen)
        for element in seen:
            assert element["hyphens"] == "auto", (cid, element)
            assert element["lang"] == (element["fallback"] or lang), (cid, element)
            assert element["fits"], (cid, element)
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], cid
    page.set_viewport_size(DESKTOP)
    assert page.evaluate(LONG_WORDS)[0]["hyphens"] == "manual"


def test_pathways_on_a_phone_are_a_readable_list(
    new_context: NewContext, sample_site: Site
) -> None:
    page = open_page(new_context, PHONE)
    page.goto(sample_site.url("pathways/"))
    expect(page.locator(".credcat-pathways__graph")).to_be_hidden()
    expect(page.locator("[data-credcat-route]").first).to_be_visible()
    smallest = page.evaluate(
        """() => Math.min(...Array.from(document.querySelectorAll('article *'))
            .filter(e => e.checkVisibility() && Array.from(e.childNodes)
                .some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 12, f"text of {smallest}px on the pathways page at 375 px"


CONTRAST = """(element) => {
  const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const style = getComputedStyle(element);
  let back = style.backgroundColor, node = element;
  while (/rgba\\(.*, 0\\)|transparent/.test(back) && node.parentElement) {
    node = node.parentElement;
    back = getComputedStyle(node).backgroundColor;
  }
  const [a, b] = [luminance(rgb(style.color)), luminance(rgb(back))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def assert_hovered_and_focused_contrast(page: Page, button: Locator) -> None:
    """A button keeps the contrast of text (4.5:1, WCAG 1.4.3) hovered, then focused."""
    button.hover()
    page.wait_for_timeout(400)  # Material's colour transition
    assert page.evaluate(CONTRAST, button.element_handle()) >= 4.5
    page.mouse.move(0, 0)
    button.focus()
    page.wait_for_timeout(400)
    assert page.evaluate(CONTRAST, button.element_handle()) >= 4.5


def test_hovered_buttons_and_links_keep_the_contrast_of_text(page: Page, sample_site: Site) -> None:
    """Material's indigo accent is the colour of a hovered or focused button and of a hovered
    link: 4.25:1 with white, under WCAG 1.4.3's 4.5:1. credcat takes it a shade darker."""
    cat = sample_site.catalogue
    page.goto(sample_site.url(f"credentials/{offered(cat).id}/"))
    assert page.locator("body").get_attribute("data-md-color-accent") == "indigo"
    assert_hovered_and_focused_contrast(page, page.locator(".md-typeset .md-button--primary").first)
    link = page.locator(".md-typeset p a[href]").first
    link.hover()
    page.wait_for_timeout(400)
    assert page.evaluate(CONTRAST, link.element_handle()) >= 4.5


def test_cards_and_comparisons_offer_no_run_whose_enrolment_closed(
    new_context: NewContext, sample_site: Site
) -> None:
    """A run whose application deadline has passed is no longer offered on the catalogue's
    cards or the compare page either (they looked at its start only), and a credential whose
    runs are all closed says so instead of 'No start date announced'."""
    cat = sample_site.catalogue
    closing = [
        c
        for c in cat.credentials.values()
        if c.status == "active"
        and len(c.offerings) >= 2
        and any(o.application_deadline and o.application_deadline < o.start for o in c.offerings)
    ]
    assert closing, "the sample has no credential with an application deadline before a start"
    cred = closing[0]
    ordered = sorted(cred.offerings, key=lambda o: (o.start, o.id))
    first = next(o for o in ordered if o.application_deadline and o.application_deadline < o.start)
    later = [o for o in ordered if o.start > first.start]
    assert later, cred.id
    data = json.loads((sample_site.root / "catalogue.json").read_text("utf-8"))
    entry = next(e for e in data["credentials"] if e["i"] == cred.id)
    words = {run[0]: run[1] for run in entry["r"]}
    strings = ui_strings(lang_of(cat))
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    # the day after the first run's deadline, before it starts
    assert first.application_deadline is not None
    page.clock.set_fixed_time(
        datetime.combine(first.application_deadline + timedelta(days=1), TODAY.time())
    )
    page.goto(sample_site.url("catalogue/"))
    start = page.locator(f'#card-{cred.id} [data-credcat-fact="start"]')
    expect(start).to_have_text(
        strings["card_next_start"].replace("{date}", words[later[0].start.isoformat()])
    )
    page.goto(sample_site.url(f"compare/?ids={cred.id}"))
    expect(page.locator('[data-credcat-row="next_start"] td')).to_have_text(
        words[later[0].start.isoformat()]
    )
    # every run closed
    last = max(open_until(o) for o in ordered)
    page.clock.set_fixed_time(datetime.combine(last + timedelta(days=1), TODAY.time()))
    page.goto(sample_site.url("catalogue/"))
    expect(start).to_have_text(strings["card_closed"])
    page.goto(sample_site.url(f"compare/?ids={cred.id}"))
    expect(page.locator('[data-credcat-row="next_start"] td')).to_have_text(
        strings["compare"]["closed"]
    )


def test_status_badges_keep_their_contrast_in_the_dark_scheme(
    page: Page, sample_site: Site
) -> None:
    """A site may offer Material's dark scheme (slate): the badges' dark tones were 1.75:1 on
    it; every badge keeps 4.5:1 in both schemes (WCAG 1.4.3)."""
    page.goto(sample_site.url("pathways/"))  # a superseded and a retired credential
    badges = page.locator(".credcat-badge:visible")
    assert badges.count() > 0
    statuses = set()
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        for i in range(badges.count()):
            badge = badges.nth(i)
            statuses.add(badge.get_attribute("data-credcat-status"))
            ratio = page.evaluate(CONTRAST, badge.element_handle())
            assert ratio >= 4.5, (scheme, badge.get_attribute("data-credcat-status"), ratio)
    assert len(statuses) >= 2


# --- a credential no longer offered, on a phone ------------------------------------------------

NOTE_TOGGLE = "[data-credcat-banner] [data-credcat-note-toggle]"
STATUS_NOTE = "[data-credcat-banner] [data-credcat-status-note]"


def pages_no_longer_offered(site: Site, prefix: str) -> list[str]:
    """The pages of every retired or superseded credential with a status note: its main page
    and the permanent page of each of its versions (the folders the build wrote)."""
    paths = []
    for cred in sorted(site.catalogue.credentials.values(), key=lambda c: c.id):
        if cred.status not in {"retired", "superseded"} or not cred.status_note:
            continue
        folder = site.root / prefix / "credentials" / cred.id
        versions = sorted(p.name for p in folder.iterdir() if (p / "index.html").is_file())
        paths += [f"{prefix}credentials/{cred.id}/"]
        paths += [f"{prefix}credentials/{cred.id}/{v}/" for v in versions if v[0].isdigit()]
    return paths


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
@pytest.mark.parametrize("width", list(PHONES))
def test_a_notice_no_longer_offered_folds_its_note_on_a_phone(
    new_context: NewContext, sample_site: Site, screenshot_dir: Path, lang: str, width: str
) -> None:
    """At 375×667 and at 320×568, on the page of every retired or superseded credential and of
    each of its versions (English, German, French): the notice's title and sentence, with the
    successor's link, stay in the first screen, its status note is folded behind a button
    ("Read the whole notice", aria-expanded, keyboard operable), and the first outcome at a
    glance begins within the first screen (it began at 830–1,370 px with the note whole, and at
    595–701 px at 320×568 with the note folded before the notice was set closer there).
    Unfolded, the note is whole and axe finds nothing; at 1280 px, in print and without
    JavaScript the note is whole and the button is not shown."""
    cat = sample_site.catalogue
    code = lang if lang != "en" else lang_of(cat)
    ui = ui_strings(code)
    prefix = "" if lang == lang_of(cat) else f"{lang}/"
    paths = pages_no_longer_offered(sample_site, prefix)
    assert len(paths) >= 3, paths
    size = PHONES[width]
    phone = open_page(new_context, size, has_touch=True)
    tops: dict[str, int] = {}
    for path in paths:
        phone.goto(sample_site.url(path))
        toggle = phone.locator(NOTE_TOGGLE)
        note = phone.locator(STATUS_NOTE)
        expect(toggle).to_be_visible()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(toggle).to_have_text(ui["banner_note_show"])
        expect(note).to_be_hidden()
        expect(note).not_to_be_empty()  # folded, still in the page
        shown = {
            "title": "[data-credcat-banner] .admonition-title",
            "sentence": "[data-credcat-banner] > p:not(.admonition-title)",
            "button": NOTE_TOGGLE,
            "outcome": GLANCE_OUTCOME,
        }
        if phone.locator("[data-credcat-banner] a[rel=successor-version]").count():
            shown["successor"] = "[data-credcat-banner] a[rel=successor-version]"
        for what, selector in shown.items():
            box = phone.locator(selector).first.bounding_box()
            assert box is not None and 0 <= box["y"] < size["height"], (
                f"{path}: {what} begins at y={box and box['y']:.0f}, below the first screen "
                f"({width}×{size['height']})"
            )
            if what == "outcome":
                tops[path] = round(box["y"])
        assert phone.evaluate("document.documentElement.scrollWidth") <= size["width"], path
    print(f"first outcome at a glance at {width}×{size['height']}, note folded ({lang}): {tops}")
    save_screenshot(
        phone, screenshot_dir, f"credential-{width}-notice-folded-{lang}", full_page=False
    )
    assert_no_axe_violations(phone, f"a notice folded at {width} px ({lang})")
    assert phone.evaluate(TARGETS) == []

    # unfolded by a tap, folded again from the keyboard; the focus stays on the button
    toggle = phone.locator(NOTE_TOGGLE)
    note = phone.locator(STATUS_NOTE)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text(ui["banner_note_hide"])
    expect(note).to_be_visible()
    assert toggle.get_attribute("aria-controls") == "credcat-status-note"
    expect(phone.locator("#credcat-status-note")).to_be_visible()
    assert_no_axe_violations(phone, f"a notice unfolded at {width} px ({lang})")
    assert_folds_by_keyboard(phone, toggle, note)

    # in print, the note whole (folded on the screen) and no button
    phone.emulate_media(media="print")
    expect(note).to_be_visible()
    expect(toggle).to_be_hidden()
    assert phone.pdf(format="A4").startswith(b"%PDF")
    phone.emulate_media(media="screen")

    # at 1280 px the note whole, whatever the button's state, and no button
    phone.set_viewport_size(DESKTOP)
    expect(note).to_be_visible()
    expect(toggle).to_be_hidden()
    desktop = open_page(new_context, DESKTOP)
    bare = open_page(new_context, size, java_script_enabled=False)
    for path in paths:
        for page in (desktop, bare):
            page.goto(sample_site.url(path))
            expect(page.locator(STATUS_NOTE)).to_be_visible()
            expect(page.locator(NOTE_TOGGLE)).to_be_hidden()
