"""A valid catalogue whose every free text carries script payloads (for the XSS browser test).

The structure is valid (``credcat check`` passes, with warnings about the tags, the links and
the missing Slovenian of its texts only: ids, codes, URLs and dates are ordinary), the texts
are not: each one holds every payload of :data:`PAYLOADS`, and the texts
that allow Markdown also hold a ``javascript:`` link. Every payload sets ``window.__xss`` when it
runs, so the browser test only has to look at that one variable (and at dialogs).

The catalogue also translates credcat's interface itself (``locales/<lang>.po``, see
:func:`po_catalog`): an English one (an override of credcat's own words) and a Slovenian one (a
language credcat does not ship, complete, so that its pages speak it), whose every ``msgstr``
(each plural form, each count of zero, each vocabulary label) is credcat's English with the
payloads appended, its ``{placeholders}`` kept. The messages come from credcat's own template
(:func:`credcat.render.site.locales.template`), so a new UI string is covered the day it lands.
The Slovenian pages show the catalogue's English texts (marked as standing in for a missing
translation): ``credcat check`` warns about them (``translation``).

Usage outside the tests: ``python3 -m tests.browser.xss_fixture DIR`` writes the catalogue to
``DIR`` (then ``credcat check DIR``).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog

from credcat.render.site.locales import LOCALES_DIR, dump, template

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
LANGUAGES = ("en", "sl")
"""The catalogue's languages; each has a ``locales/<lang>.po`` of payloads."""
PO_PAYLOADS = " " + " ".join(PAYLOADS)
"""What every ``msgstr`` of the catalogue's own translations adds to credcat's English."""


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
        "languages": list(LANGUAGES),
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
    """``catalogue.yaml``: English and Slovenian (its texts in English only), payloads in its
    texts."""
    return {
        "title": text("Catalogue", first=CLOSE_SCRIPT),
        "description": text("Catalogue description"),
        "publisher": ORG_ID,
        "base_uri": "https://xss.test.example/",
        "default_language": "en",
        "languages": list(LANGUAGES),
        "contact": "catalogue@xss-uni.example",
    }


def po_catalog(lang: str) -> Catalog:
    """A complete translation of credcat's interface into ``lang`` whose every form is the
    English with :data:`PO_PAYLOADS` appended: every message of credcat's template, the
    singular's English in ``msgstr[0]``, the plural's in every other form (the language's
    ``Plural-Forms`` from CLDR, as ``credcat translate`` gives them)."""
    catalog = Catalog(
        locale=lang,
        domain="credcat",
        project="credcat xss",
        fuzzy=False,
        creation_date=datetime(2026, 1, 15, tzinfo=UTC),
    )
    for message in template():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = (str(form) for form in message.id)
            forms = [singular, *[plural] * (catalog.num_plurals - 1)]
            string: str | tuple[str, ...] = tuple(form + PO_PAYLOADS for form in forms)
        else:
            string = str(message.id) + PO_PAYLOADS
        catalog.add(message.id, string, flags=message.flags, context=message.context)
    return catalog


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
    (root / LOCALES_DIR).mkdir(exist_ok=True)
    for lang in LANGUAGES:
        (root / LOCALES_DIR / f"{lang}.po").write_bytes(dump(po_catalog(lang)))
    return root


if __name__ == "__main__":
    print(write_xss_catalogue(Path(sys.argv[1] if len(sys.argv) > 1 else "xss-catalogue")))
