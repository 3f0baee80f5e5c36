"""End-to-end tests of the "Check a credential" page (``check/``) in Chromium.

The credentials come from the built sample site's own published files
(:mod:`.check_fixtures`); the page reads them in the browser only. What is asserted is what an
employer sees: the verdict, the comparison rows, the status badge, the notice on the seal, and
a clear message (never a script run) for hostile input.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credcat.model import Credential
from credcat.render.site.localise import ui_strings

from . import check_fixtures as fx
from .conftest import REPO, NewContext, Site, small_site, words_split_across_lines
from .test_e2e import XSS_PROBE, assert_no_axe_violations, pdf_pages

CID = "sql-for-data-analysis"
VERSION = "1.1"  # the current version (1.1 added the French texts)
SAMPLES = REPO / "tests" / "fixtures" / "official" / "samples"
ROWS = ("title", "eqf", "credits", "workload", "outcomes", "assessment", "awarding")


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
    expect(page.get_by_label("Choose a credential file (JSON or JSON-LD)")).to_be_visible()
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


@pytest.mark.parametrize("lang", ["", "de/"])
def test_an_open_badge_matches_only_in_what_it_states(page: Page, sample_site: Site, lang: str):
    """An Open Badge states no workload and no learning outcomes: it is not called a match on
    them. The verdict says that it matches in what it states and names what it does not; those
    rows say "Not stated", never "Same", in the page's language."""
    said = open_check_in(page, sample_site, lang)
    paste(page, json.dumps(fx.ob3_credential(sample_site.root, CID, VERSION)))
    assert verdict(page) == "partial", output_text(page)
    title = sample_site.catalogue.credentials[CID].title[lang.rstrip("/") or "en"]
    message = page.locator(".credcat-check__verdict")
    expect(message).to_have_text(str(said["verdict_partial"]).format(version=VERSION, title=title))
    assert said["format_ob3"] in output_text(page)
    results = row_results(page)
    assert results["title"] == results["eqf"] == results["credits"] == "same"
    # an Open Badge says how it is assessed only in the prose of its criteria
    assert results["outcomes"] == results["workload"] == results["assessment"] == "unstated"
    for field in ("outcomes", "workload", "assessment"):
        row = page.locator(f'[data-credcat-row="{field}"]')
        expect(row.locator("td").first).to_have_text(str(said["not_stated"]))
        expect(row.locator("td").last).to_have_text(str(said["unstated"]))
        expect(row).not_to_contain_text(str(said["same"]))
    named = page.locator(".credcat-check__unstated-fields")
    expect(named).to_contain_text(str(said["field_workload"]))
    expect(named).to_contain_text(str(said["field_outcomes"]))
    expect(named).not_to_contain_text(str(said["field_title"]))
    assert_no_axe_violations(page, f"check page, an Open Badge ({lang or 'en'})")


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
    outcome["title"] = {"en": "Administer any database"}
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    row = page.locator('[data-credcat-row="outcomes"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    expect(row).to_contain_text("Not published by the catalogue: Administer any database")
    expect(row).to_contain_text("Not in the credential: Write SQL queries")


def test_an_outcome_reworded_in_one_language_differs(
    page: Page, sample_site: Site, issued: dict[str, Any]
):
    """Every language an outcome states is compared, as for titles: a copy whose German text
    alone was changed does not match, and the note names the language and the claimed text."""
    changed = json.loads(json.dumps(issued))
    outcome = changed["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"][0]
    assert {"en", "de"} <= set(outcome["title"])
    outcome["title"]["de"] = "Beliebige Datenbanken verwalten"
    open_check(page, sample_site)
    paste(page, json.dumps(changed))
    assert verdict(page) == "differences"
    row = page.locator('[data-credcat-row="outcomes"]')
    expect(row).to_have_attribute("data-credcat-result", "differs")
    expect(row).to_contain_text("Worded differently (German): Beliebige Datenbanken verwalten")
    expect(row).not_to_contain_text("Not published by the catalogue")
    expect(row).not_to_contain_text("Not in the credential")


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


def test_an_earlier_version_is_marked_superseded(new_context: NewContext, sample_site: Site):
    # version 1.0 of data-analysis-python was replaced by later ones; its machine files may not be
    # published (a 404 for its elm.jsonld is then expected), so the guard is off here
    context, _ = new_context(check=False)
    page = context.new_page()
    older = fx.with_version(fx.issued_edc(sample_site.root, "data-analysis-python", "1.1"), "1.0")
    open_check(page, sample_site)
    paste(page, json.dumps(older))
    assert verdict(page) in {"match", "differences", "unavailable"}, output_text(page)
    badge = page.locator("[data-credcat-status]")
    expect(badge).to_have_attribute("data-credcat-status", "superseded")
    current = sample_site.catalogue.credentials["data-analysis-python"].version  # 1.2
    assert f"Version 1.0 has been replaced by version {current}" in output_text(page)
    expect(page.get_by_role("link", name=f"The current version ({current})")).to_have_attribute(
        "href", "../credentials/data-analysis-python/"
    )


@pytest.mark.parametrize("cid", ["digital-inclusion-coaching", "research-data-management"])
def test_superseded_and_retired_credentials(page: Page, sample_site: Site, cid: str):
    cred = sample_site.catalogue.credentials[cid]
    open_check(page, sample_site)
    paste(page, json.dumps(fx.issued_edc(sample_site.root, cid, cred.version)))
    assert verdict(page) == "match", output_text(page)
    expect(page.locator("[data-credcat-status]")).to_have_attribute(
        "data-credcat-status", cred.status
    )
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
    assert_no_axe_violations(page, "check page with differences, 375 px")
    page.set_viewport_size({"width": 1280, "height": 800})
    paste(page, json.dumps(fx.jades_json(fx.tampered(issued))))
    assert page.locator(".credcat-check__table").evaluate("t => getComputedStyle(t).display") == (
        "table"
    )
    expect(page.locator("#credcat-check-output .credcat-scroll-hint")).to_be_hidden()


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
        assert fields == ["title", "eqf", "workload", "outcomes", "assessment", "awarding"]
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
        expect(page.locator("[data-credcat-row]")).to_have_count(6)
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
    assert verdict(page) == "partial", output_text(page)  # no outcomes, no workload
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
    paste(page, json.dumps(german))
    assert verdict(page) == "partial", output_text(page)
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
