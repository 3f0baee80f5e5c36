"""The catalogue page: a card per credential and the filter controls with their counts.

Owns the cards and the facets as the server renders them; the facet labels and the counted
entries come from :mod:`.index` (``catalogue.json``), the same data ``catalogue.js`` filters
with, so the first paint and the filtered page agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...model import Credential
from .common import STATUS_ORDER, Site
from .context import Card, CatalogueContext, FacetOption
from .index import catalogue_index

__all__ = ["card", "catalogue_context"]

SORTS = ("title", "eqf_asc", "eqf_desc", "ects_asc", "ects_desc", "provider")
"""The sort orders the catalogue page offers."""


def card(site: Site, page: str, cred: Credential) -> Card:
    """A credential card for the catalogue page."""
    loc = site.loc
    ui = loc.ui
    work = cred.workload
    return {
        "id": cred.id,
        "href": site.link(page, site.urls.credential(cred.id)),
        "title": loc.text(cred.title),
        "summary": loc.text(cred.summary),
        "providers": [site.org_name(oid, short=True) for oid in cred.providers],
        "awarding": [site.org_name(oid, short=True) for oid in cred.awarding_body],
        "eqf": cred.eqf,
        "eqf_label": loc.ui_text("card_level", level=cred.eqf),
        "ects": loc.number(work.ects) if work.ects is not None else "",
        "ects_label": loc.ui_text("card_ects", ects=loc.number(work.ects))
        if work.ects is not None
        else "",
        "hours_label": loc.ui_text("card_hours", hours=work.hours) if work.hours else "",
        "mode": cred.mode,
        "mode_label": loc.label("mode", cred.mode),
        "languages": [loc.label("language", c) for c in cred.languages],
        "status": cred.status,
        "status_label": str(ui["status"][cred.status]),
    }


def _has(value: Any, wanted: str) -> bool:
    if isinstance(value, list):
        return wanted in [str(v) for v in value]
    return str(value) == wanted


def catalogue_context(site: Site) -> CatalogueContext:
    """Context of the catalogue page: every card, and the filter controls with counts."""
    page = site.urls.catalogue_page()
    loc = site.loc
    ui = loc.ui
    creds = sorted(
        site.cat.credentials.values(), key=lambda c: (loc.text(c.title).casefold(), c.id)
    )
    cards = [card(site, page, c) for c in creds]
    index = catalogue_index(site.cat, site.urls, site.lang)
    facets = index["facets"]
    active = [e for e in index["credentials"] if e["status"] == "active"]

    def options(facet: str, key: str, values: Iterable[str]) -> list[FacetOption]:
        labels = facets[facet]
        return [
            {
                "value": value,
                "label": labels[value],
                "count": sum(1 for e in active if _has(e[key], value)),
                "default": False,
            }
            for value in values
        ]

    def by_label(opts: list[FacetOption]) -> list[FacetOption]:
        return sorted(opts, key=lambda o: (o["label"].casefold(), o["value"]))

    orgs_used = {o for e in index["credentials"] for o in e["orgs"]}
    ectses = [e["ects"] for e in index["credentials"] if e["ects"] is not None]
    statuses: list[FacetOption] = [
        {
            "value": s,
            "label": facets["status"][s],
            "count": sum(1 for e in index["credentials"] if e["status"] == s),
            "default": s == "active",
        }
        for s in STATUS_ORDER
        if s in facets["status"]
    ]
    return {
        **site.base("catalogue", page, str(ui["catalogue_title"])),
        "intro": loc.ui_text(
            "catalogue_intro",
            n=len(active),
            orgs=len({o for e in active for o in e["orgs"]}),
        ),
        "cards": [c for c in cards if c["status"] == "active"],
        "other_cards": sorted(
            (c for c in cards if c["status"] != "active"),
            key=lambda c: (STATUS_ORDER.index(c["status"]), c["title"].casefold(), c["id"]),
        ),
        "count_text": loc.plural(ui["catalogue_count"], len(active)),
        "facets": [
            {
                "id": "eqf",
                "label": str(ui["facet_eqf"]),
                "options": options("eqf", "eqf", sorted(facets["eqf"], key=int)),
            },
            {
                "id": "field",
                "label": str(ui["facet_field"]),
                "options": by_label(options("field", "fields", facets["field"])),
            },
            {
                "id": "mode",
                "label": str(ui["facet_mode"]),
                "options": by_label(options("mode", "mode", facets["mode"])),
            },
            {
                "id": "language",
                "label": str(ui["facet_language"]),
                "options": by_label(options("language", "languages", facets["language"])),
            },
            {
                "id": "org",
                "label": str(ui["facet_org"]),
                "options": by_label(options("org", "orgs", sorted(orgs_used))),
            },
            {"id": "status", "label": str(ui["facet_status"]), "options": statuses},
        ],
        "workload": {
            "min": loc.number(min(ectses)) if ectses else "",
            "max": loc.number(max(ectses)) if ectses else "",
        },
        "sorts": [{"value": v, "label": str(ui[f"sort_{v}"])} for v in SORTS],
    }
