"""Version pages in Chromium: an employer who follows an issued credential's link to an older
version sees at once which version is current, can go there, and reads what changed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from tests.catalogue_factory import SAMPLE, without_recorded_names

from credcat.changes import changes, describe
from credcat.render.site.localise import ui_strings

from .conftest import Site, require_axe, site_of
from .test_e2e import assert_no_axe_violations, pdf_pages

CID = "data-analysis-python"
SAMPLE_BASE_URI = "https://credentials.digital-skills-alliance.eu/"


def test_an_old_version_names_and_links_the_current_one(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    current = cat.credentials[CID].version
    first = cat.archive.of(CID)[0].version
    assert first != current
    page.goto(sample_site.url(f"credentials/{CID}/{first}/"))
    banner = page.locator("[data-credcat-version-banner='earlier']")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(f"version {first}, an earlier version")
    expect(banner).to_contain_text(f"The current version is {current}")
    above = banner.bounding_box()
    summary = page.locator(".credcat-summary").bounding_box()
    assert above and summary and above["y"] < summary["y"]
    expect(page.locator("#what-changed")).to_have_count(0)  # the first version
    page.locator("[data-credcat-current-link]").click()
    page.wait_for_load_state()
    assert page.url == sample_site.url(f"credentials/{CID}/{current}/")
    expect(page.locator("[data-credcat-version-banner='current']")).to_be_visible()


def test_the_next_version_says_what_changed_near_the_top(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    old, new = cat.archive.of(CID)[:2]
    page.goto(sample_site.url(f"credentials/{CID}/{new.version}/"))
    heading = page.locator("#what-changed")
    expect(heading).to_be_visible()
    expect(heading).to_contain_text(f"What changed from version {old.version}")
    items = page.locator(".credcat-changes li")
    wanted = [describe(c, "en") for c in changes(old.credential, new.credential)]
    assert wanted
    expect(items).to_have_count(len(wanted))
    for index, text in enumerate(wanted):
        expect(items.nth(index)).to_have_text(text)
    changed = heading.bounding_box()
    facts = page.locator("#key-facts").bounding_box()
    assert changed and facts and changed["y"] < facts["y"]
    expect(page.locator(f"[data-credcat-fingerprint='{new.fingerprint}']")).to_be_visible()
    # the previous version is one click away
    page.locator("a[rel='predecessor-version']").click()
    page.wait_for_load_state()
    assert page.url == sample_site.url(f"credentials/{CID}/{old.version}/")


def test_the_main_page_lists_every_version(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    page.goto(sample_site.url(f"credentials/{CID}/"))
    rows = page.locator("[data-credcat-version-row]")
    releases = cat.archive.of(CID)
    expect(rows).to_have_count(len(releases))
    for row, release in zip(rows.all(), reversed(releases), strict=True):
        expect(row).to_contain_text(release.version)
        expect(row).to_contain_text(release.fingerprint)
        expect(row).to_contain_text(release.released.strftime("%Y").lstrip("0"))


def test_axe_on_version_pages(page: Page, sample_site: Site) -> None:
    require_axe()
    for version in [r.version for r in sample_site.catalogue.archive.of(CID)]:
        page.goto(sample_site.url(f"credentials/{CID}/{version}/"))
        assert_no_axe_violations(page, f"version page {CID} {version}")
    page.goto(sample_site.url(f"credentials/{CID}/"))
    assert_no_axe_violations(page, f"main page of {CID} with its version list")


@pytest.fixture(scope="module")
def unrecorded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample with the first version of ``CID`` as released before credcat recorded
    organisations' names (its record without them)."""

    def write(root: Path) -> Path:
        shutil.copytree(SAMPLE, root)
        without_recorded_names(root / "versions" / CID / "1.0.yaml")
        return root

    yield from site_of(tmp_path_factory, "unrecorded", write, site_url=SAMPLE_BASE_URI)


def test_a_version_released_without_names_says_its_names_are_todays_on_screen_and_paper(
    page: Page, unrecorded_site: Site
) -> None:
    """A version released before credcat recorded organisations' names: its page says, under
    its awarding body, that the names it shows are today's, and so does its summary, on
    screen and printed (the summary still on one A4 page); the main page, which shows the
    credential as it is now, does not."""
    first = unrecorded_site.catalogue.archive.of(CID)[0]
    assert first.organisation_names is None
    note = str(ui_strings("en")["names_today"])
    page.goto(unrecorded_site.url(f"credentials/{CID}/{first.version}/"))
    top = page.locator(".credcat-credential > [data-credcat-names-today]")
    expect(top).to_have_text(note)
    expect(top).to_be_visible()
    by = page.locator(".credcat-by").first.bounding_box()
    box = top.bounding_box()
    assert by and box and by["y"] < box["y"]
    in_summary = page.locator("#employers-summary [data-credcat-names-today]")
    expect(in_summary).to_have_text(note)
    page.emulate_media(media="print")
    expect(in_summary).to_be_visible()
    page.goto(unrecorded_site.url(f"credentials/{CID}/{first.version}/summary/"))
    printed = page.locator("[data-credcat-names-today]")
    expect(printed).to_have_text(note)
    expect(printed).to_be_visible()
    assert pdf_pages(page.pdf(format="A4")) == 1
    page.emulate_media(media="screen")
    page.goto(unrecorded_site.url(f"credentials/{CID}/"))
    expect(page.locator(".credcat-credential")).to_be_visible()
    expect(page.locator("[data-credcat-names-today]")).to_have_count(0)
