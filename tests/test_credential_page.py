"""The credential page's first screen, time-aware runs and quality assurance, the one-page
employers' summary (with its QR code) and organisation logos, as a reader gets them from a build.

Every test builds a small catalogue into ``tmp_path`` with MkDocs (not strict: past runs and
expired quality assurance are warnings of ``credcat check``) on the tests' today, 2026-12-01
(``tests/conftest.py``). The browser side (view-time script, first screen, print) is in
``tests/browser/test_credential_page.py``.
"""

from __future__ import annotations

import json
import logging
import random
import re
import string
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from catalogue_factory import ORGANISATIONS, SETTINGS, credential, write_catalogue
from credcat.render.qr import best_mask, draw, qr_code, qr_svg, with_mask
from credcat.render.safe import UnsafeSvgError, sanitise_svg
from test_site_build import Node, build_site, make_project, parse

CID = "databases"
OUTCOMES = [
    {"id": "know-sql", "kind": "knowledge", "text": "Explain relational algebra."},
    {"id": "design", "kind": "skill", "text": "Design a normalised schema."},
    {"id": "query", "kind": "skill", "text": "Write SQL queries with joins."},
    {"id": "own", "kind": "responsibility-autonomy", "text": "Review a colleague's schema."},
]
"""Written out of display order: the page numbers knowledge, skills, then autonomy."""

OFFERINGS = [
    {"id": "autumn", "start": "2026-11-02", "enrolment_url": "https://alpha.example/autumn"},
    {
        "id": "winter",
        "start": "2027-01-11",
        "application_deadline": "2026-11-20",
        "enrolment_url": "https://alpha.example/winter",
    },
    {
        "id": "spring",
        "start": "2027-03-01",
        "application_deadline": "2027-02-01",
        "price": {
            "amount": 450,
            "currency": "EUR",
            "note": {"en": "Half price for students.", "de": "Halber Preis für Studierende."},
        },
        "enrolment_url": "https://alpha.example/spring",
    },
]
"""On 2026-12-01: autumn has started, winter's deadline has passed, spring is open."""

HOSTILE_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(2)</script>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <a href="javascript:alert(3)"><rect width="5" height="5"/></a>
  <rect width="10" height="10" fill="url(https://evil.example/x)" style="fill:red"/>
  <circle cx="5" cy="5" r="4" fill="#123456" onclick="alert(4)"/>
  <use xlink:href="https://evil.example/sprite.svg#a"/>
  <use href="#dot"/>
  <text x="1" y="9">AU</text>
</svg>
"""

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005ff02fea7b0e3a20000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", "1796126400")  # module scope: the tests' today
    work = tmp_path_factory.mktemp("credpage")
    organisations = {
        "alpha-uni": {**ORGANISATIONS["alpha-uni"], "logo": "logos/alpha.svg"},
        "beta-qa": {**ORGANISATIONS["beta-qa"], "logo": "logos/beta.png"},
    }
    cred = credential(
        outcomes=OUTCOMES,
        assessments=[
            {
                "id": "project",
                "type": "project-work",
                "proves": ["design", "query"],
                "supervision": "unsupervised",
                "description": "A database project.",
            },
            {
                "id": "exam",
                "type": "written-examination",
                "proves": ["know-sql", "own"],
                "supervision": "supervised-on-site",
                "identity_check": True,
                "description": "A written exam.",
            },
        ],
        quality_assurance=[
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": "Accredited programme.",
                "valid_until": "2021-09-30",
            },
            {
                "type": "institutional-quality-assurance",
                "body": "alpha-uni",
                "description": "Internal quality assurance.",
                "valid_until": "2030-06-30",
            },
        ],
        offerings=OFFERINGS,
    )
    catalogue = write_catalogue(
        work / "catalogue", {CID: cred}, organisations, {**SETTINGS, "languages": ["en", "de"]}
    )
    (catalogue / "logos").mkdir()
    (catalogue / "logos" / "alpha.svg").write_bytes(HOSTILE_SVG)
    (catalogue / "logos" / "beta.png").write_bytes(PNG)
    config = make_project(work / "project", catalogue)
    build_site(config, work / "site", strict=False)
    monkey.undo()
    return work / "site"


def page(site: Path, path: str) -> Node:
    return parse(site / path / "index.html")


def visible(node: Node) -> bool:
    return "hidden" not in node.attrs and not any("hidden" in a.attrs for a in node.ancestors())


def shown_text(node: Node) -> str:
    """The text of ``node`` a reader sees (without JavaScript): its hidden parts left out, the
    spaces between elements kept (a cell's label and value are apart)."""

    def raw(node: Node) -> str:
        if "hidden" in node.attrs:
            return ""
        inside = "".join(c if isinstance(c, str) else raw(c) for c in node.children)
        return f" {inside} " if node.tag in {"dt", "dd", "p", "li", "div"} else inside

    return re.sub(r"\s+", " ", raw(node)).strip()


# --- the first screen ------------------------------------------------------------------------


def test_the_first_screen_offers_the_next_open_run_with_price_and_enrol(site: Path) -> None:
    top = page(site, f"credentials/{CID}/").find("section", class_="credcat-glance")
    facts = {
        f.attrs["data-credcat-glance"]: (f.find("dt").text(), f.find("dd").text())
        for f in top.find("dl", class_="credcat-glance__facts").find_all(data_credcat_glance=True)
    }
    assert list(facts) == ["eqf", "workload", "mode", "languages"]
    assert facts["eqf"] == ("Level", "EQF level 6")
    runs = top.find_all(data_credcat_run=True)
    assert [r.attrs["data-credcat-run"] for r in runs] == ["autumn", "winter", "spring"]
    assert [visible(r) for r in runs] == [False, False, True]
    shown = runs[2]
    assert shown.attrs["data-credcat-until"] == "2027-02-01"  # the deadline, not the start
    assert "1 March 2027" in shown.text() and "apply by 1 February 2027" in shown.text()
    # the price of the run offered, with the condition the catalogue gives it, before Enrol
    price = shown.find("p", data_credcat_glance="price")
    assert price.text() == "Price €450 Half price for students."
    assert price.find("strong").text() == "€450"
    assert shown.find("a", class_="credcat-enrol").attrs["href"] == "https://alpha.example/spring"
    assert not visible(top.find(data_credcat_no_run=True))
    # the credential's runs are in its only language: no run says its language
    assert not top.find_all(class_="credcat-glance__language")


def test_the_first_screen_links_two_outcomes_as_both(tmp_path: Path) -> None:
    """The link to the outcomes of a credential of two said "All 2 learning outcomes" ("Alle
    2 leerresultaten"), which nobody writes; three and more are "All 3 …"."""
    three = credential(
        title={"en": "Three outcomes", "de": "Drei Lernergebnisse"},
        summary={"en": "Three things.", "de": "Drei Dinge."},
        outcomes=[
            *credential()["outcomes"],
            {"id": "review", "kind": "skill", "text": {"en": "Review.", "de": "Prüfen."}},
        ],
        assessments=[{**credential()["assessments"][0], "proves": ["design", "query", "review"]}],
    )
    root = write_catalogue(tmp_path / "catalogue", {"two": credential(), "three": three})
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", root), site)
    for path, said in (
        ("credentials/two/", "Both learning outcomes"),
        ("de/credentials/two/", "Beide Lernergebnisse"),
        ("credentials/three/", "All 3 learning outcomes"),
    ):
        link = page(site, path).find("p", class_="credcat-glance__more").find("a")
        assert link.attrs["href"] == "#outcomes" and link.text() == said, path


def test_a_price_shows_what_its_note_says(site: Path) -> None:
    """A reduced fee written in the price's note is read beside the price, in each language."""
    for path, text in (
        (f"credentials/{CID}/", "Half price for students."),
        (f"de/credentials/{CID}/", "Halber Preis für Studierende."),
    ):
        run = page(site, path).find("div", data_credcat_offering="spring")
        price = run.find("span", class_="credcat-offering__price-note")
        assert price.text() == text
        dd = price.parent
        assert dd is not None and dd.tag == "dd" and dd.text().startswith(("€450", "450"))


def test_the_price_is_that_of_the_runs_still_open(tmp_path: Path) -> None:
    """The first screen gives the price of the run it offers (the first open), not a range
    of runs it does not offer; the key facts give the price of the runs open for enrolment
    on the build's today, not of those closed, and tell ``credential.js`` when it changes
    (``data-credcat-prices``): the price each run's last day of enrolment leaves ("ask the
    provider" while only an unpriced run is open), then, every run closed, that none is open
    (no price of a run nobody can enrol in)."""

    def run(oid: str, start: str, amount: int | None, deadline: str = "") -> dict[str, object]:
        found: dict[str, object] = {"id": oid, "start": start}
        if deadline:
            found["application_deadline"] = deadline
        if amount is not None:
            found["price"] = {"amount": amount, "currency": "EUR"}
        return found

    offerings = [
        run("early", "2026-11-16", 450),  # started before the tests' today, 2026-12-01
        run("winter", "2027-01-11", 490, "2026-12-20"),
        run("spring", "2027-03-01", 520, "2027-02-01"),
        run("summer", "2027-06-07", None),  # open, no price stated
    ]
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: credential(offerings=offerings)})
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    steps = [
        ["2026-11-16", "€450 – €520"],
        ["2026-12-20", "€490 – €520"],
        ["2027-02-01", "€520"],
        ["2027-06-07", "Ask the provider"],
        [None, "No run open for enrolment now"],
    ]
    for path in (f"credentials/{CID}/", f"credentials/{CID}/1.0/"):
        doc = page(tmp_path / "site", path)
        glance = doc.find("section", class_="credcat-glance")
        shown = [r for r in glance.find_all(data_credcat_run=True) if visible(r)]
        assert [r.attrs["data-credcat-run"] for r in shown] == ["winter"], path
        prices = {
            r.attrs["data-credcat-run"]: r.find("p", data_credcat_glance="price").text()
            for r in glance.find_all(data_credcat_run=True)
        }
        assert prices == {
            "early": "Price €450",
            "winter": "Price €490",
            "spring": "Price €520",
            "summer": "Price Ask the provider",
        }, path
        assert not glance.find_all(data_credcat_prices=True)  # each run has its own price
        facts = doc.find("div", class_="credcat-fact", data_credcat_fact="price").find("dd")
        assert facts.text() == "€490 – €520", path
        shown_price = facts.find("span", data_credcat_prices=True)
        assert json.loads(shown_price.attrs["data-credcat-prices"]) == steps, path
    de = page(tmp_path / "site", f"de/credentials/{CID}/")
    fact = de.find("div", class_="credcat-fact", data_credcat_fact="price")
    price = fact.find("span", data_credcat_prices=True)
    assert price.text() == "490 € – 520 €"
    assert json.loads(price.attrs["data-credcat-prices"])[2] == ["2027-02-01", "520\u00a0€"]
    assert json.loads(price.attrs["data-credcat-prices"])[-1] == [
        None,
        "Zurzeit keine Anmeldung offen",
    ]


def test_a_price_that_does_not_change_needs_no_script(tmp_path: Path) -> None:
    """One run: its price, at the top and in the key facts, until it closes (then the key
    facts say no run is open: the script is told); no run announced: the key facts say to
    ask the provider, which never changes, and the top, which offers no run, gives no
    price."""
    one = [{"id": "spring", "start": "2027-03-01", "price": {"amount": 450, "currency": "EUR"}}]
    for name, offerings in (("one", one), ("none", [])):
        cred = credential(offerings=offerings)
        catalogue = write_catalogue(tmp_path / name / "catalogue", {CID: cred})
        site = tmp_path / name / "site"
        build_site(make_project(tmp_path / name / "project", catalogue), site, strict=False)
        doc = page(site, f"credentials/{CID}/")
        fact = doc.find("div", class_="credcat-fact", data_credcat_fact="price").find("dd")
        assert fact.text() == ("€450" if offerings else "Ask the provider")
        glance = doc.find("section", class_="credcat-glance")
        prices = [p.text() for p in glance.find_all("p", data_credcat_glance="price")]
        assert prices == (["Price €450"] if offerings else [])
        steps = [s.attrs["data-credcat-prices"] for s in doc.find_all(data_credcat_prices=True)]
        if offerings:
            assert [json.loads(s) for s in steps] == [
                [["2027-03-01", "€450"], [None, "No run open for enrolment now"]]
            ]
        else:
            assert steps == []


def test_with_no_run_open_the_first_screen_gives_no_price(tmp_path: Path) -> None:
    """Every announced run closed for enrolment (a deadline passed, a run started): the top
    says that no run is open and shows no price (none of a run nobody can enrol in, nor the
    price of every run); the key facts say the same instead of a price."""
    runs = [
        {"id": "autumn", "start": "2026-11-02", "end": "2027-01-29", "price": {"amount": 490}},
        {
            "id": "winter",
            "start": "2027-01-11",
            "application_deadline": "2026-11-20",
            "price": {"amount": 2390, "note": {"en": "Package price.", "de": "Paketpreis."}},
        },
    ]
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: credential(offerings=runs)})
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    doc = page(tmp_path / "site", f"credentials/{CID}/")
    top = doc.find("section", class_="credcat-glance")
    assert not any(visible(r) for r in top.find_all(data_credcat_run=True))
    none = top.find(data_credcat_no_run=True)
    assert visible(none) and none.text().startswith("No run is open for enrolment")
    assert "€" not in shown_text(top) and "Price" not in shown_text(top)
    fact = doc.find("div", class_="credcat-fact", data_credcat_fact="price").find("dd")
    assert fact.text() == "No run open for enrolment now"
    # below, neither closed run is priced any more
    for oid in ("autumn", "winter"):
        run = doc.find("div", data_credcat_offering=oid)
        assert not visible(run.find("div", data_credcat_detail="price")), oid


def test_outcomes_at_a_glance_are_numbered_as_on_the_page(site: Path) -> None:
    doc = page(site, f"credentials/{CID}/")
    numbers = {
        li.attrs["data-credcat-outcome"]: i
        for i, li in enumerate(doc.find_all("li", class_="credcat-outcome"), start=1)
    }
    assert numbers == {"know-sql": 1, "design": 2, "query": 3, "own": 4}
    glance = doc.find("div", class_="credcat-glance__outcomes").find_all("li")
    assert [(li.attrs["value"], li.text()) for li in glance] == [
        ("1", "Explain relational algebra."),
        ("2", "Design a normalised schema."),
        ("3", "Write SQL queries with joins."),
        ("4", "Review a colleague's schema."),
    ]


# --- time-aware runs and quality assurance --------------------------------------------------


def test_runs_that_started_or_closed_are_not_offered_for_enrolment(site: Path) -> None:
    """winter's deadline has passed: still to come, not offered (no Enrol, no price); autumn
    started, without an end: over, listed under "Past runs"; spring is open."""
    doc = page(site, f"credentials/{CID}/")
    for oid, is_open in (("winter", False), ("spring", True)):
        run = doc.find("div", data_credcat_offering=oid)
        assert visible(run) and "data-credcat-ended" not in run.attrs, oid
        assert ("data-credcat-past" not in run.attrs) is is_open, oid
        enrol = run.find("a", class_="credcat-enrol")
        assert visible(enrol) is is_open, oid
        closed = run.find("p", class_="credcat-offering__closed")
        assert visible(closed) is not is_open, oid
        assert closed.text().startswith("Enrolment closed")
    price = doc.find("div", data_credcat_offering="spring").find("div", data_credcat_detail="price")
    assert visible(price) and price.find("dd").text().startswith("€450")


def test_runs_that_are_over_are_listed_as_past_runs(site: Path, tmp_path: Path) -> None:
    """A run whose last day (its end, else its start) has passed on the build's today leaves
    "Upcoming offerings" for "Past runs": one line of dates, place and language, no price,
    no enrolment. Once every run is over the heading (and the table of contents) says "Past
    runs" and that no upcoming run is announced; the marks let credential.js do the same on
    the reader's today."""
    doc = page(site, f"credentials/{CID}/")
    section = doc.find("section", class_="credcat-offerings")
    assert section.attrs["data-credcat-text-upcoming"] == "Upcoming offerings"
    assert section.attrs["data-credcat-text-past"] == "Past runs"
    assert section.find("h2").text() == "Upcoming offerings"
    autumn = section.find("div", data_credcat_offering="autumn")
    assert autumn.attrs["data-credcat-ends"] == "2026-11-02"  # no end: its start
    assert "data-credcat-ended" in autumn.attrs and not visible(autumn)
    past = section.find("div", data_credcat_past_runs=True)
    assert visible(past) and visible(past.find("h3", id="past-runs"))
    lines = [li for li in past.find_all("li", data_credcat_past_run=True) if visible(li)]
    assert [li.attrs["data-credcat-past-run"] for li in lines] == ["autumn"]
    assert lines[0].text() == "2 November 2026 · Online"
    assert not visible(section.find("p", data_credcat_no_upcoming=True))
    for oid in ("winter", "spring"):  # to come: a mark to move them at view time
        line = past.find("li", data_credcat_past_run=oid)
        assert (
            not visible(line)
            and line.attrs["data-credcat-ends"]
            == section.find("div", data_credcat_offering=oid).attrs["data-credcat-ends"]
        )

    over = [
        {"id": "spring", "start": "2026-03-02", "end": "2026-05-22", "price": {"amount": 450}},
        {"id": "autumn", "start": "2026-09-07", "end": "2026-11-27", "price": {"amount": 450}},
    ]
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: credential(offerings=over)})
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    for path, heading, none in (
        (f"credentials/{CID}/", "Past runs", "No upcoming run is announced"),
        (f"de/credentials/{CID}/", "Vergangene Durchgänge", "Zurzeit ist kein weiterer"),
    ):
        doc = page(tmp_path / "site", path)
        section = doc.find("section", class_="credcat-offerings")
        assert section.find("h2", id="offerings").text() == heading
        toc = [
            a
            for a in doc.find_all("a", href="#offerings")
            if "md-nav__link" in a.attrs.get("class", "")
        ]
        assert [a.text() for a in toc] == [heading], path
        assert visible(section.find("p", data_credcat_no_upcoming=True))
        assert section.find("p", data_credcat_no_upcoming=True).text().startswith(none)
        assert not any(visible(r) for r in section.find_all("div", data_credcat_offering=True))
        past = section.find("div", data_credcat_past_runs=True)
        assert not visible(past.find("h3", id="past-runs"))  # the section's heading says it
        assert len([li for li in past.find_all("li") if visible(li)]) == 2
        assert "€" not in shown_text(section) and "450" not in shown_text(section)


def test_a_catalogue_with_no_open_run_says_so_at_the_top(tmp_path: Path) -> None:
    past = [{"id": "old", "start": "2026-10-01", "enrolment_url": "https://alpha.example/old"}]
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: credential(offerings=past)})
    config = make_project(tmp_path / "project", catalogue)
    build_site(config, tmp_path / "site", strict=False)
    top = page(tmp_path / "site", f"credentials/{CID}/").find("section", class_="credcat-glance")
    assert not any(visible(r) for r in top.find_all(data_credcat_run=True))
    none = top.find(data_credcat_no_run=True)
    assert visible(none) and "No run is open for enrolment" in none.text()


def test_a_credential_no_longer_offered_has_no_run_box_and_no_link_to_missing_runs(
    tmp_path: Path,
) -> None:
    """A superseded or retired credential without runs has no list of runs: its first screen
    does not say that no run is open "at the moment", nor link to that missing list; an
    active one without runs still says so. Every link within a page leads to its target."""
    creds = {
        CID: credential(),
        "old": credential(status="superseded", superseded_by=CID),
        "gone": credential(status="retired"),
    }
    catalogue = write_catalogue(tmp_path / "catalogue", creds)
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    for cid in creds:
        for path in (f"credentials/{cid}/", f"credentials/{cid}/1.0/"):
            html = (tmp_path / "site" / path / "index.html").read_text("utf-8")
            targets = set(re.findall(r'\sid="([^"]+)"', html))
            for anchor in re.findall(r'href="#([^"]+)"', html):
                assert anchor in targets, (path, anchor)
            top = page(tmp_path / "site", path).find("section", class_="credcat-glance")
            none = top.find_all(data_credcat_no_run=True)
            if cid == CID:
                assert len(none) == 1 and visible(none[0]), path
            else:
                assert none == [], path
                assert "No run is open" not in html, path


def test_expired_quality_assurance_says_so_on_the_page_and_in_the_summary(site: Path) -> None:
    doc = page(site, f"credentials/{CID}/")
    entries = doc.find_all("div", class_="credcat-qa")
    expired, valid = entries
    assert (
        expired.attrs["data-credcat-until"] == "2021-09-30" and "data-credcat-past" in expired.attrs
    )
    assert visible(expired.find("strong", class_="credcat-expired"))
    assert "Expired on 30 September 2021" in expired.text()
    assert visible(expired.find("p", class_="credcat-expired-note"))
    assert "data-credcat-past" not in valid.attrs
    assert not visible(valid.find("strong", class_="credcat-expired"))
    for path in (f"credentials/{CID}/", f"credentials/{CID}/1.0/summary/"):
        items = page(site, path).find_all("li", data_credcat_summary_qa=True)
        texts = [(i.text(), visible(i.find("strong", class_="credcat-expired"))) for i in items]
        assert texts[0][1] and "Expired on 30 September 2021" in texts[0][0], path
        assert not texts[1][1] and "Valid until 30 June 2030" in texts[1][0], path


def test_expired_quality_assurance_of_a_credential_no_longer_offered_covered_its_holders(
    tmp_path: Path,
) -> None:
    """A retired or superseded credential is not awarded any more: its quality assurance,
    once past, is not "expired" with advice to ask whether it has been renewed. The page and
    the summary give its validity and say that it covered the holders assessed while it was
    valid, in every language; an active credential's still says it expired."""
    qa = [
        {
            "type": "programme-quality-assurance",
            "body": "beta-qa",
            "description": "Accredited programme.",
            "valid_until": "2026-10-31",
        }
    ]
    creds = {
        CID: credential(quality_assurance=qa),
        "gone": credential(status="retired", quality_assurance=qa),
        "old": credential(status="superseded", superseded_by=CID, quality_assurance=qa),
    }
    catalogue = write_catalogue(tmp_path / "catalogue", creds)
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    site = tmp_path / "site"
    for cid in ("gone", "old"):
        doc = page(site, f"credentials/{cid}/")
        block = doc.find("div", class_="credcat-qa")
        assert "data-credcat-past" in block.attrs  # credential.js keeps it so
        seen = shown_text(block)
        assert "Valid until 31 October 2026 " in seen, cid
        assert "Expired" not in seen and "renewed" not in seen, cid
        assert not block.find_all("strong", class_="credcat-expired"), cid
        note = block.find("p", class_="credcat-expired-note")
        assert visible(note) and note.text() == (
            "This credential is no longer awarded: this quality assurance covered the holders "
            "assessed while it was valid."
        )
        for path in (f"credentials/{cid}/", f"credentials/{cid}/1.0/summary/"):
            item = page(site, path).find("li", data_credcat_summary_qa=True)
            assert shown_text(item) == (
                "Programme quality assurance: Beta Quality Agency · Valid until 31 October "
                "2026, for the holders assessed while it was valid"
            ), path
            assert not item.find_all("strong", class_="credcat-expired"), path
        de = page(site, f"de/credentials/{cid}/1.0/summary/").find(
            "li", data_credcat_summary_qa=True
        )
        assert "Gültig bis 31. Oktober 2026, für die Inhaberinnen und Inhaber" in shown_text(de)
        assert "abgelaufen" not in shown_text(de)
    active = page(site, f"credentials/{CID}/").find("div", class_="credcat-qa")
    assert "Expired on 31 October 2026" in shown_text(active)
    assert "whether it has been renewed" in shown_text(active)


# --- run languages ---------------------------------------------------------------------------

TWO_LANGUAGES = [
    {
        "id": "spring",
        "start": "2027-03-01",
        "application_deadline": "2027-02-12",
        "languages": ["de"],
        "price": {"amount": 890},
        "enrolment_url": "https://alpha.example/spring",
    },
    {
        "id": "autumn",
        "start": "2027-09-27",
        "application_deadline": "2027-09-06",
        "languages": ["en"],
        "price": {"amount": 890},
        "enrolment_url": "https://alpha.example/autumn",
    },
]
"""A credential taught in German and English: a German run, then an English one."""


def test_the_next_start_says_the_runs_language_where_runs_differ(tmp_path: Path) -> None:
    """Beside "Languages: German and English", the run offered says that it is taught in
    German; a credential whose runs are all taught in its languages says nothing more."""
    creds = {
        CID: credential(languages=["de", "en"], offerings=TWO_LANGUAGES),
        "same": credential(
            languages=["de", "en"], offerings=[{"id": "one", "start": "2027-03-01"}]
        ),
    }
    catalogue = write_catalogue(tmp_path / "catalogue", creds)
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    site = tmp_path / "site"
    for path, languages, spoken in (
        (f"credentials/{CID}/", "German and English", ["in German", "in English"]),
        (f"de/credentials/{CID}/", "Deutsch und Englisch", ["auf Deutsch", "auf Englisch"]),
    ):
        doc = page(site, path)
        top = doc.find("section", class_="credcat-glance")
        assert top.find("div", data_credcat_glance="languages").find("dd").text() == languages
        runs = top.find_all(data_credcat_run=True)
        said = [r.find(class_="credcat-glance__language").text() for r in runs]
        assert said == [f"· {s}" for s in spoken], path
        assert visible(runs[0]) and not visible(runs[1])
        past = doc.find("div", data_credcat_past_runs=True).find_all("li")
        assert [li.text().rsplit(" · ", 1)[-1] for li in past] == spoken
    shown = [r for r in page(site, f"credentials/{CID}/").find_all(data_credcat_run=True)]
    assert shown_text(shown[0].find("p", class_="credcat-glance__start")) == (
        "Next start 1 March 2027 · in German · apply by 12 February 2027"
    )
    other = page(site, "credentials/same/").find("section", class_="credcat-glance")
    assert not other.find_all(class_="credcat-glance__language")


# --- the employers' summary ------------------------------------------------------------------


def test_every_version_has_a_summary_page_in_every_language(site: Path) -> None:
    for path in (f"credentials/{CID}/1.0/summary/", f"de/credentials/{CID}/1.0/summary/"):
        doc = page(site, path)
        assert doc.find("div", class_="credcat-summary-page")
        assert doc.find("meta", name="robots").attrs["content"] == "noindex"
    assert (
        "Zusammenfassung für Arbeitgeber"
        in page(site, f"de/credentials/{CID}/1.0/summary/").find("title").text()
    )
    link = page(site, f"credentials/{CID}/").find("a", data_credcat_summary_link=True)
    assert link.attrs["href"] == "../../credentials/databases/1.0/summary/"


def test_the_summary_holds_what_an_employer_checks(site: Path) -> None:
    doc = page(site, f"credentials/{CID}/1.0/summary/")
    sheet = doc.find("section", id="employers-summary")
    text = sheet.text()
    assert "Listed in Test catalogue" in text
    assert "Awarded by Alpha University (Germany)" in text
    assert "Version 1.0" in text and "sha256:" in text
    # the national level beside the EQF's (it was on the page, not on the summary)
    assert "EQF level 6 · DQR Level 6 · 4 ECTS (110 hours of learning)" in text
    german = page(site, f"de/credentials/{CID}/1.0/summary/").find(
        "section", id="employers-summary"
    )
    assert "EQR-Niveau 6 · DQR-Niveau 6 · 4 ECTS" in german.text()
    outcomes = sheet.find_all("li", data_credcat_summary_outcome=True)
    assert [(o.attrs["value"], o.text()) for o in outcomes] == [
        ("1", "Explain relational algebra."),
        ("2", "Design a normalised schema."),
        ("3", "Write SQL queries with joins."),
        ("4", "Review a colleague's schema."),
    ]
    checks = [c.text() for c in sheet.find_all("li", data_credcat_summary_check=True)]
    assert checks == [
        "Project work: not supervised, identity not verified. (proves 2 and 3)",
        "Written examination: supervised on site, identity verified. (proves 1 and 4)",
    ]
    address = "https://credentials.test.example/credentials/databases/1.0/"
    assert sheet.find("a", class_="credcat-url").attrs["href"] == address
    today = sheet.find("time", data_credcat_today=True)
    assert today.attrs["datetime"] == "2026-12-01" and today.text() == "1 December 2026"
    assert today.attrs["data-credcat-today"] == "en-150"  # the locale of the build's date


def test_italian_pages_write_the_first_of_a_month_and_elide_the_article_before_8_and_11(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an Italian page the first of a month is "1º" and an article before the 8th or the
    11th is elided: "Iscriviti all’edizione dell’8 marzo", "Aggiornata all’8 dicembre" (the
    build's today, the 8th); "del 1º marzo" and "Valida fino al 10 marzo" as they were."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1796126400 + 7 * 86400))  # 2026-12-08
    runs = [
        {
            "id": f"run-{day}",
            "start": f"2027-03-{day:02}",
            "enrolment_url": "https://alpha.example/",
        }
        for day in (1, 8, 11)
    ]
    cred = credential(
        offerings=runs,
        quality_assurance=[
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": {"en": "Accredited programme."},
                "valid_until": "2027-03-11",
            },
        ],
    )
    settings = {**SETTINGS, "languages": ["en", "it"]}
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: cred}, settings=settings)
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site", strict=False)
    doc = page(tmp_path / "site", f"it/credentials/{CID}/")
    enrol = {a.text() for a in doc.find_all("a", class_="credcat-enrol")}
    assert enrol == {
        "Iscriviti all’edizione del 1º marzo 2027",
        "Iscriviti all’edizione dell’8 marzo 2027",
        "Iscriviti all’edizione dell’11 marzo 2027",
    }
    headings = [h.text() for h in doc.find_all("h3") if "marzo" in h.text()]
    assert headings == ["Inizio: 1º marzo 2027", "Inizio: 8 marzo 2027", "Inizio: 11 marzo 2027"]
    summary = page(tmp_path / "site", f"it/credentials/{CID}/1.0/summary/")
    assert (
        summary.find("p", class_="credcat-sheet__date").text() == "Aggiornata all’8 dicembre 2026"
    )
    english = page(tmp_path / "site", f"credentials/{CID}/1.0/summary/")
    assert english.find("p", class_="credcat-sheet__date").text() == "As of 8 December 2026"


def test_the_qr_code_holds_the_permanent_address_and_is_labelled(site: Path) -> None:
    address = "https://credentials.test.example/credentials/databases/1.0/"
    html = (site / f"credentials/{CID}/1.0/summary/index.html").read_text("utf-8")
    expected = str(qr_svg(address, f"QR code of {address}"))
    assert expected in html
    svg = page(site, f"credentials/{CID}/1.0/summary/").find("svg", class_="credcat-qr")
    assert svg.attrs["role"] == "img" and svg.attrs["aria-label"] == f"QR code of {address}"
    assert svg.find("title").text() == f"QR code of {address}"


def modules_drawn(svg: str) -> set[tuple[int, int]]:
    """The modules an SVG QR code paints: its path's strokes, one module wide along a row's
    middle, read as (column, row) of the module each unit of stroke covers."""
    path = re.search(r'<path fill="none" stroke="#000" d="([^"]*)"/>', svg)
    assert path is not None
    painted: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.group(1)):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            assert y % 1 == 0.5 and x % 1 == 0 and float(a) > 0  # a row's middle, whole modules
            painted.update((int(x) + i, int(y)) for i in range(int(a)))
            x += float(a)
    return painted


def test_the_qr_code_is_a_qr_code_of_the_address() -> None:
    import segno

    address = "https://credentials.test.example/credentials/databases/1.0/"
    code = segno.make(address, error="m", micro=False)
    svg = str(qr_svg(address, "x"))
    dark = {
        (x + 4, y + 4) for y, row in enumerate(code.matrix) for x, cell in enumerate(row) if cell
    }
    assert modules_drawn(svg) == dark  # every dark module, nothing else, inside the quiet zone
    size = len(code.matrix) + 8
    assert f'viewBox="0 0 {size} {size}"' in svg and f'width="{size}" height="{size}"' in svg
    assert svg == str(qr_svg(address, "x"))  # deterministic


def test_the_qr_code_is_the_one_segno_makes_with_the_mask_the_standard_picks() -> None:
    import segno

    rng = random.Random(20261202)
    alphabet = string.ascii_lowercase + string.digits + "-._~%/"
    chosen: set[int] = set()
    versions: set[int] = set()
    for n in range(400):
        address = "https://example.org/" + "".join(rng.choices(alphabet, k=rng.randint(0, 300)))
        auto = segno.make(address, error="m", micro=False)
        drawn = segno.make(address, error="m", micro=False, mask=n % 8)
        assert best_mask(drawn.matrix, drawn.mask) == auto.mask, address
        chosen.add(auto.mask)
        versions.add(auto.version)
        if n % 20 == 0:
            assert qr_code.__wrapped__(address) == draw(auto.matrix), address
    assert chosen == set(range(8))  # every mask was the best one for some address
    assert min(versions) <= 3 and max(versions) >= 12  # with and without version information


def test_a_symbol_turned_to_another_mask_is_the_one_segno_draws_with_it() -> None:
    import segno

    rng = random.Random(2)
    for n in range(60):
        address = "https://example.org/" + "".join(rng.choices(string.ascii_letters, k=5 * n))
        drawn = segno.make(address, error="m", micro=False, mask=n % 8)
        for mask in range(8):
            expected = segno.make(address, error="m", micro=False, mask=mask).matrix
            turned = with_mask(drawn.matrix, drawn.mask, mask)
            assert turned is not None
            assert [bytes(row) for row in turned] == [bytes(row) for row in expected], address
    damaged = [bytearray(row) for row in drawn.matrix]
    damaged[0][8] ^= 1  # a bit of the first copy of the format information
    assert with_mask(damaged, drawn.mask, 0) is None
    assert with_mask(drawn.matrix, (drawn.mask + 1) % 8, 0) is None  # not drawn with that mask
    assert with_mask(drawn.matrix, drawn.mask, 8) is None  # no such mask


def test_best_mask_declines_a_symbol_it_cannot_read() -> None:
    assert best_mask([bytes(17)] * 17, 0) is None  # a Micro QR size
    assert best_mask([bytes(21)] * 20, 0) is None  # not square
    assert best_mask([bytes(21)] * 21, 8) is None  # no such mask


# --- logos -----------------------------------------------------------------------------------


def test_logos_are_copied_into_the_site_and_svg_is_made_safe(site: Path) -> None:
    svg = (site / "organisations/alpha-uni/logo.svg").read_text("utf-8")
    for bad in ("script", "onload", "onclick", "foreignObject", "javascript", "evil", "style"):
        assert bad not in svg, bad
    assert '<circle cx="5" cy="5" fill="#123456" r="4">' in svg
    assert '<use href="#dot">' in svg and "<text" in svg
    assert (site / "organisations/beta-qa/logo.png").read_bytes() == PNG
    assert not (site / "de/organisations/alpha-uni/logo.svg").exists()  # once for all languages


def test_logos_show_as_images_with_the_name_as_alternative(site: Path) -> None:
    cases = [
        ("organisations/alpha-uni/", "../../organisations/alpha-uni/logo.svg"),
        (f"credentials/{CID}/", "../../organisations/alpha-uni/logo.svg"),
        (f"credentials/{CID}/1.0/summary/", "../../../../organisations/alpha-uni/logo.svg"),
        ("de/organisations/alpha-uni/", "../../../organisations/alpha-uni/logo.svg"),
    ]
    for path, src in cases:
        doc = page(site, path)
        logos = [i for i in doc.find_all("img", class_="credcat-logo") if i.attrs["src"] == src]
        assert logos, path
        alt = "Logo: Alpha-Universität" if path.startswith("de/") else "Logo: Alpha University"
        assert {i.attrs["alt"] for i in logos} == {alt}, path
        html = (site / path / "index.html").read_text("utf-8")
        assert "<use" not in html and "123456" not in html  # never inline


def test_sanitise_svg_refuses_doctype_and_other_roots() -> None:
    with pytest.raises(UnsafeSvgError):
        sanitise_svg(
            b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>'
        )
    # in UTF-16 the bytes '<!ENTITY' never appear: the parser's reading is what counts
    utf16 = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY a "&lt;&lt;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&a;&a;</text></svg>'
    ).encode("utf-16")
    with pytest.raises(UnsafeSvgError, match="DOCTYPE or entities"):
        sanitise_svg(utf16)
    plain16 = '<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>'.encode("utf-16")
    assert sanitise_svg(plain16) == b'<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>\n'
    with pytest.raises(UnsafeSvgError):
        sanitise_svg(b"<html><svg/></html>")
    with pytest.raises(UnsafeSvgError):
        sanitise_svg(b"<svg")
    assert sanitise_svg(b'<svg xmlns="http://www.w3.org/2000/svg"><!-- c --><g/></svg>') == (
        b'<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>\n'
    )


def test_an_unsafe_logo_is_left_out_and_the_name_stays(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    organisations = {
        "alpha-uni": {**ORGANISATIONS["alpha-uni"], "logo": "logos/alpha.svg"},
        "beta-qa": ORGANISATIONS["beta-qa"],
    }
    catalogue = write_catalogue(tmp_path / "catalogue", None, organisations)
    (catalogue / "logos").mkdir()
    (catalogue / "logos" / "alpha.svg").write_bytes(b"<!DOCTYPE svg><svg/>")
    config = make_project(tmp_path / "project", catalogue)
    with caplog.at_level(logging.WARNING):
        build_site(config, tmp_path / "site", strict=False)
    # the build says so (a strict one fails): it was silently left out
    assert "logo: logos/alpha.svg declares a DOCTYPE or entities" in caplog.text
    with pytest.raises(Abort):
        build_site(config, tmp_path / "strict", strict=True)
    assert not (tmp_path / "site/organisations/alpha-uni/logo.svg").exists()
    doc = page(tmp_path / "site", "organisations/alpha-uni/")
    assert doc.find_all("img", class_="credcat-logo") == []
    assert doc.find("h1").text() == "Alpha University"


def test_skip_to_content_leads_to_the_title(site: Path) -> None:
    """Material's "skip to content" leads to the page's title, not past the title and the
    first screen to the first section; the contents beside the page still list the sections."""
    for path in (f"credentials/{CID}/", f"credentials/{CID}/1.0/", f"de/credentials/{CID}/"):
        doc = page(site, path)
        skip = doc.find("a", class_="md-skip")
        h1 = doc.find("h1")
        assert skip.attrs["href"] == "#" + h1.attrs["id"], path
        toc = doc.find("nav", class_="md-nav--secondary").find_all("a", class_="md-nav__link")
        assert toc and all(a.attrs["href"] != skip.attrs["href"] for a in toc), path
        assert toc[0].attrs["href"] == "#" + doc.find("h2").attrs["id"], path
    for path in ("check/", "compare/", "organisations/"):
        doc = page(site, path)
        assert doc.find("a", class_="md-skip").attrs["href"] == "#" + doc.find("h1").attrs["id"]


def test_a_key_fact_of_several_values_is_a_list_and_languages_one_phrase(tmp_path: Path) -> None:
    """Two fields or three target groups read as one run-on phrase joined by commas, each
    starting with a capital ("Software …, Statistics"): a list, one per line. The languages
    read as the glance says them ("Englisch und Deutsch")."""
    cred = credential(
        field=["0613", "0542"],
        target_groups=["migrants", "persons-requiring-employment-retraining"],
        languages=["en", "de"],
    )
    catalogue = write_catalogue(tmp_path / "catalogue", {CID: cred})
    build_site(make_project(tmp_path / "project", catalogue), tmp_path / "site")
    for lang, joined in (("", "English and German"), ("de/", "Englisch und Deutsch")):
        html = (tmp_path / "site" / f"{lang}credentials/{CID}/index.html").read_text("utf-8")
        facts = dict(
            re.findall(r'data-credcat-fact="(\w+)">\s*<dt>[^<]*</dt>\s*<dd>(.*?)</dd>', html, re.S)
        )
        for several in ("field", "target_groups"):
            items = re.findall(r"<li>([^<]+)</li>", facts[several])
            assert facts[several].startswith('<ul class="credcat-fact__items">')
            assert len(items) == 2 and all(i[:1].isupper() for i in items), items
        assert facts["languages"] == joined
        assert "<ul" not in facts["type"]  # one value: as it is
