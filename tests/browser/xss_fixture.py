"""A valid catalogue whose every free text carries script payloads (for the XSS browser test).

The structure is valid (``credcat check --strict`` passes: ids, codes, URLs and dates are
ordinary), the texts are not: each one holds every payload of :data:`PAYLOADS`, and the texts
that allow Markdown also hold a ``javascript:`` link. Every payload sets ``window.__xss`` when it
runs, so the browser test only has to look at that one variable (and at dialogs).

Usage outside the tests: ``python3 -m tests.browser.xss_fixture DIR`` writes the catalogue to
``DIR`` (then ``credcat check DIR``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
SVG = '"><svg onload="window.__xss=1">'
CLOSE_SCRIPT = "</script><script>window.__xss=1</script>"
SINGLE_QUOTE = "' onmouseover='window.__xss=1' autofocus onfocus='window.__xss=1"
MARKDOWN_LINK = "[x](javascript:window.__xss=1)"
MARKDOWN_LINK_2 = "[y](JaVaScRiPt:window.__xss=1 'title')"
MARKDOWN_AUTOLINK = "<javascript:window.__xss=1>"

PAYLOADS = (SCRIPT, IMG, SVG, CLOSE_SCRIPT, SINGLE_QUOTE)
"""Payloads for plain texts (escaped by the templates, or by the JavaScript that shows them)."""

MARKDOWN_PAYLOADS = (*PAYLOADS, MARKDOWN_LINK, MARKDOWN_LINK_2, MARKDOWN_AUTOLINK)
"""Payloads for texts rendered from the safe Markdown subset."""

CATALOGUE_ID = "xss-credential"
NEXT_ID = "xss-next"
OLD_ID = "xss-old"
ORG_ID = "xss-uni"
QA_ID = "xss-qa"
TITLE_WORD = "Zanzibarian"
"""A word in the title of the main credential, to find it with the catalogue search."""


def text(label: str, *, markdown: bool = False, first: str = "") -> str:
    """A text holding every payload; ``first`` comes before them (e.g. an action verb)."""
    payloads = MARKDOWN_PAYLOADS if markdown else PAYLOADS
    lead = f"{first} " if first else ""
    return f"{lead}{label} " + " ".join(payloads)


def _short(label: str) -> str:
    """A shorter payload text, for fields with a length limit."""
    return f"{label} {SCRIPT}{IMG}"


def organisations() -> dict[str, dict[str, Any]]:
    """Two organisations with payloads in every free text."""
    return {
        ORG_ID: {
            "name": text("University", first=CLOSE_SCRIPT),
            "short_name": text("Uni"),
            "kind": "university",
            "country": "DE",
            "homepage": "https://xss-uni.example/",
            "description": text("An organisation description", markdown=True),
            "email": "info@xss-uni.example",
            "phone": "+49 30 1234567",
            "address": {
                "street": text("Street"),
                "postcode": _short("PC"),
                "city": text("City"),
                "country": "DE",
            },
            "legal_identifier": _short("LEI"),
            "identifiers": [{"scheme": _short("Scheme"), "value": _short("ID")}],
        },
        QA_ID: {
            "name": text("Quality agency"),
            "kind": "quality-agency",
            "country": "AT",
            "homepage": "https://xss-qa.example/",
            "description": text("What the agency does", markdown=True),
        },
    }


def credential(title: str, **changes: Any) -> dict[str, Any]:
    """A valid credential with a payload in every free text."""
    data: dict[str, Any] = {
        "title": title,
        "version": "1.0",
        "status": "active",
        "published": "2026-01-15",
        "summary": text("Summary"),
        "description": text("Description with *emphasis*", markdown=True),
        "awarding_body": ORG_ID,
        "eqf": 6,
        "field": ["0613"],
        "workload": {
            "ects": 4,
            "hours": 110,
            "guided_hours": 40,
            "self_study_hours": 60,
            "assessment_hours": 10,
        },
        "duration": "8 weeks",
        "languages": ["en"],
        "mode": "online",
        "setting": "non-formal",
        "outcomes": [
            {"id": "design", "kind": "skill", "text": text("a schema", first="Design")},
            {"id": "explain", "kind": "knowledge", "text": text("the theory", first="Explain")},
            {"id": "lead", "kind": "responsibility-autonomy", "text": text("a team", first="Lead")},
        ],
        "assessments": [
            {
                "id": "project",
                "type": "project-work",
                "title": text("Project"),
                "description": text("Assessment description", markdown=True),
                "proves": ["design", "explain", "lead"],
                "supervision": "supervised-online",
                "identity_check": True,
                "grading": text("Grading"),
            },
        ],
        "quality_assurance": [
            {
                "type": "programme-quality-assurance",
                "body": QA_ID,
                "title": text("QA title"),
                "description": text("QA description", markdown=True),
                "url": "https://xss-qa.example/report",
                "valid_until": "2030-12-31",
            },
        ],
        "prerequisites": text("Prerequisites", markdown=True),
        "offerings": [
            {
                "id": "2027-spring",
                "start": "2027-03-01",
                "end": "2027-05-21",
                "application_deadline": "2027-02-12",
                "price": {"amount": 100, "currency": "EUR", "note": text("Price note")},
                "enrolment_url": "https://xss-uni.example/enrol",
                "location": {
                    "name": text("Venue"),
                    "address": text("Venue street"),
                    "city": text("Venue city"),
                    "country": "DE",
                },
                "schedule": "part-time-light",
                "places": 20,
                "note": text("Offering note"),
            },
        ],
        "further_information": text("Further information", markdown=True),
        "links": [{"title": text("Link title"), "url": "https://xss-uni.example/handbook"}],
        "homepage": "https://xss-uni.example/course",
    }
    data.update(changes)
    return data


def _own_offering(offering: dict[str, Any]) -> dict[str, Any]:
    return {
        **offering,
        "id": "2027-autumn",
        "start": "2027-09-06",
        "end": "2027-11-26",
        "application_deadline": "2027-08-13",
        "enrolment_url": "https://xss-uni.example/enrol-next",
    }


def credentials() -> dict[str, dict[str, Any]]:
    """The main credential, one that builds on it and one it superseded (pathways, banners)."""
    main_title = f"{TITLE_WORD} {CLOSE_SCRIPT} " + " ".join(PAYLOADS)
    return {
        CATALOGUE_ID: credential(
            main_title,
            stackability={"part_of": [NEXT_ID], "note": text("Stackability note", markdown=True)},
        ),
        NEXT_ID: credential(
            text("Next credential", first=CLOSE_SCRIPT),
            eqf=7,
            mode="blended",
            stackability={"note": text("Another note", markdown=True)},
            # its own summary and offering: credcat check warns about copied files
            summary=text("Next summary"),
            offerings=[_own_offering(credential("")["offerings"][0])],
        ),
        OLD_ID: credential(
            text("Old credential", first=CLOSE_SCRIPT),
            summary=text("Old summary"),
            status="superseded",
            superseded_by=CATALOGUE_ID,
            status_note=text("Status note", markdown=True),
            offerings=[],
        ),
    }


def settings() -> dict[str, Any]:
    """``catalogue.yaml``: one language (no translation warnings), payloads in its texts."""
    return {
        "title": text("Catalogue", first=CLOSE_SCRIPT),
        "description": text("Catalogue description"),
        "publisher": ORG_ID,
        "base_uri": "https://xss.test.example/",
        "default_language": "en",
        "languages": ["en"],
        "contact": "catalogue@xss-uni.example",
    }


def write_xss_catalogue(root: Path) -> Path:
    """Write the fixture catalogue into ``root`` (created) and return it."""
    files: dict[str, Any] = {"catalogue.yaml": settings()}
    for oid, org in organisations().items():
        files[f"organisations/{oid}.yaml"] = org
    for cid, cred in credentials().items():
        files[f"credentials/{cid}.yaml"] = cred
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return root


if __name__ == "__main__":
    print(write_xss_catalogue(Path(sys.argv[1] if len(sys.argv) > 1 else "xss-catalogue")))
