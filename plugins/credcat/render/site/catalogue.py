"""The catalogue page: a card per credential and the filter controls with their counts.

Owns the cards and the facets as the server renders them; the facet labels and the counted
entries come from :mod:`.index` (``catalogue.json``), the same data ``catalogue.js`` filters
with, so the first paint and the filtered page agree. The long texts its text search also reads
(outcomes, skills) are in ``catalogue-texts.json``, which the script loads after
``catalogue.json``.

Without JavaScript the catalogue is a plain list: the active credentials, then the others
("Not currently offered"), :data:`PAGE_SIZE` cards per page (``catalogue/``, ``catalogue/2/``
…, with links between the pages), so that a catalogue of 10,000 credentials does not make one
10 MB page. With JavaScript, ``catalogue.js`` renders the cards from ``catalogue.json`` (only
those on screen, more on request) and takes over filtering, sorting and paging.

A card shows the next run open for enrolment as of the build date
(:func:`credcat.clock.today`): its start, its language where the credential's runs differ in
it, its price and what the catalogue says of that price; no price where no run is open. A
credential no longer offered says so instead ("No longer offered", "Replaced by …"). In the
browser, ``catalogue.js`` decides again with the reader's date, as sites are not rebuilt every
day, and with the language filter (the next run in a language ticked).
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from ...model import HOURS_PER_ECTS, Credential
from .common import STATUS_ORDER, Site, numbered_page, page_count
from .context import Card, CatalogueContext, FacetOption, Logo, Part, Range
from .credential import (
    no_longer_offered,
    open_until,
    run_language_text,
    run_price,
    run_price_note,
)
from .index import FACETS, Facets, index_entries
from .messages import Plural

__all__ = ["PAGE_SIZE", "card", "catalogue_context", "list_page_inputs", "list_pages"]

PAGE_SIZE = 100
"""Cards per page of the no-JavaScript list (the script shows fewer at a time)."""

SCRIPT_STRINGS = (
    "card_provider",
    "card_level",
    "card_ects",
    "card_hours",
    "fact_workload",
    "card_mode",
    "card_languages",
    "card_status",
    "card_next_start",
    "card_planned_start",
    "label",
    "card_closed",
    "card_closed_in",
    "card_no_start",
    "card_price",
    "card_retired",
    "card_replaced",
    "run_languages",
    "price_unknown",
    "card_compare",
    "catalogue_search_loading",
    "catalogue_range_inverted",
    "catalogue_none_query",
    "catalogue_none_anywhere",
    "catalogue_ignored",
    "catalogue_chip_remove",
    "catalogue_chip_min",
    "catalogue_chip_max",
    "catalogue_chip_statuses",
    "catalogue_range_inverted_hours",
    "facet_workload",
    "facet_workload_hours",
    "workload_not_number",
    "workload_not_whole",
)
"""The UI strings ``catalogue.js`` needs to render a card (it holds no words of its own)."""

SCRIPT_PLURALS = ("catalogue_chip_min_hours", "catalogue_chip_max_hours")
"""The counted UI strings ``catalogue.js`` needs: the ends of a range in hours ("From 1 hour",
"From 40 hours"), each form by the language's plural category (``Intl.PluralRules`` chooses)."""

SORTS = ("title", "start", "eqf_asc", "eqf_desc", "ects_asc", "ects_desc", "provider")
"""The sort orders the catalogue page offers (with JavaScript: the form is the script's).
``start`` ("Starts soonest") orders by the next run open for enrolment on the reader's today,
as the cards show it, those with none open after them by title: ``catalogue.js`` alone can
decide it. The no-JavaScript list keeps its order (by status, then title), as a page built
once cannot know the reader's today."""


def card(site: Site, page: str, cred: Credential) -> Card:
    """A credential card for the catalogue page."""
    loc = site.loc
    ui = loc.ui
    work = cred.workload
    next_start, language, price, note = _next_run(site, cred)
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
        "languages": loc.language_names(cred.languages),
        "status": cred.status,
        "status_label": str(ui["status"][cred.status]),
        "next_start": next_start,
        "language": language,
        "price": price,
        "price_note": note,
        "no_longer": _no_longer(site, page, cred),
        "logo": card_logo(site, page, cred),
    }


def card_logo(site: Site, page: str, cred: Credential) -> Logo | None:
    """The logo a card shows: the first provider's that has one, as a decorative image (the
    providers' names follow it, so a text alternative would say the name twice)."""
    for oid in cred.providers:
        found = site.logo(page, oid)
        if found is not None:
            return {"src": found["src"], "alt": ""}
    return None


def _no_longer(site: Site, page: str, cred: Credential) -> list[Part]:
    """What a card of a credential no longer offered says instead of a next start and a
    price; ``[]`` for the others."""
    return no_longer_offered(site, page, cred.status, cred.superseded_by)


def _next_run(site: Site, cred: Credential) -> tuple[str, str, str, str]:
    """What a card says of the next run open for enrolment on the build's date: "Next start
    …", its language where the runs differ in it, its price and that price's note. Where none
    is open: that none is ("" where none is announced: the card says so), and no price. A
    draft's next run is its planned start, with its planned price (it is not offered yet, as
    on its page); a retired credential has none open."""
    runs = sorted(cred.offerings, key=lambda o: (o.start, o.id))
    offered = next((o for o in runs if open_until(o) >= site.today), None)
    if offered is None or cred.status == "retired":
        return (str(site.loc.ui["card_closed"]) if runs else ""), "", "", ""
    key = "card_planned_start" if cred.status == "draft" else "card_next_start"
    return (
        site.loc.ui_text(key, date=site.loc.date(offered.start)),
        run_language_text(site, cred, offered),
        run_price(site, offered),
        run_price_note(site, offered),
    )


def _intro(site: Site, active: int, orgs: int) -> str:
    """ "12 micro-credentials from 1 organisation. Filter and search …": each count by its
    language's plural rules."""
    loc, ui = site.loc, site.loc.ui
    count = loc.plural(ui["catalogue_intro_count"], active)
    count = count.replace("{orgs}", loc.plural(ui["catalogue_intro_orgs"], orgs))
    return f"{count} {ui['catalogue_intro']}"


def list_pages(site: Site) -> int:
    """How many pages the no-JavaScript list of the catalogue has."""
    return page_count(len(site.cat.credentials), PAGE_SIZE)


def list_page(site: Site, number: int) -> str:
    """Site path of page ``number`` (from 1) of the catalogue's list."""
    return numbered_page(site.urls.catalogue_page(), number)


def list_page_inputs(site: Site, number: int) -> tuple[list[str], str]:
    """What page ``number`` of the catalogue's list shows besides the data of its credentials
    and of the site: the ids of its credentials, in order, and what every page of the list
    shares (counts, facets, the number of pages), as text. ``mkdocs serve`` keeps a page whose
    inputs did not change."""
    listing = _listing(site)
    shown = listing["ordered"][(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    if "inputs" not in listing:  # once per language
        shared = (
            list_pages(site),
            listing["active"],
            listing["orgs"],
            listing["options"],
            listing["ectses"],
            listing["hourses"],
        )
        listing["inputs"] = repr(shared)
    return list(shown), str(listing["inputs"])


def _count(counts: Counter[str], entry: dict[str, Any], facet: str) -> None:
    """Count ``entry`` once for each of its values of ``facet``."""
    value = _values(entry, facet)
    counts.update({str(v) for v in value} if isinstance(value, list) else {str(value)})


_KEYS = {"eqf": "e", "field": "f", "mode": "m", "language": "l", "status": "st"}


def _values(entry: dict[str, Any], facet: str) -> Any:
    if facet == "org":
        return [*entry.get("a", []), *entry.get("p", [])]
    return entry.get(_KEYS[facet], [])


def _listing(site: Site) -> dict[str, Any]:
    """What every page of the catalogue's list shares: the order of the credentials, the
    facets with their counts, the workloads in ECTS and the hours of the credentials that state
    no ECTS (only hours). Computed once per language and build
    (``Catalogue.memo``): a catalogue of 10,000 credentials has 100 pages of its list in
    every language."""
    key = ("catalogue-listing", site.lang)
    known = site.cat.memo.get(key)
    if isinstance(known, dict):
        return known
    loc = site.loc
    # ids, not models: the models may be packed, and the memo lives as long as the build
    creds = sorted((loc.text(c.title).casefold(), c.id, c.status) for c in site.cat.briefs.values())
    ordered = [cid for _title, cid, status in creds if status == "active"] + [
        cid
        for _title, cid, status in sorted(
            (c for c in creds if c[2] != "active"), key=lambda c: STATUS_ORDER.index(c[2])
        )
    ]
    # the entries one at a time, counted as they come: never the index of every credential
    facets = Facets()
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    active = 0
    orgs: set[str] = set()
    ectses = []
    hourses = []  # the hours of the entries that state hours and no ECTS
    for _cid, entry in index_entries(site, site.entry_memo, facets):
        if "c" in entry:
            ectses.append(entry["c"])
        elif "h" in entry:
            hourses.append(entry["h"])
        _count(counts["status"], entry, "status")
        if entry["st"] != "active":
            continue
        active += 1
        orgs.update(_values(entry, "org"))
        for facet in FACETS:
            if facet != "status":  # counted over every entry, above
                _count(counts[facet], entry, facet)
    labels = facets.labels(site)

    def options(facet: str) -> list[FacetOption]:
        return [
            {
                "value": value,
                "label": label,
                "count": counts[facet][value],
                "default": facet == "status" and value == "active",
            }
            for value, label, *_lang in labels[facet]
        ]

    found = {
        "ordered": ordered,
        "active": active,
        "orgs": len(orgs),
        "options": {facet: options(facet) for facet in FACETS},
        "ectses": ectses,
        "hourses": hourses,
    }
    site.cat.memo[key] = found
    return found


def catalogue_context(site: Site, number: int = 1) -> CatalogueContext:
    """Context of the catalogue page (``number`` 1) or of a further page of its list.

    The first page carries the filter controls with counts; every page carries its share of the
    no-JavaScript list and the links to the other pages.
    """
    page = list_page(site, number)
    loc = site.loc
    ui = loc.ui
    listing = _listing(site)
    shown = listing["ordered"][(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    credentials = site.cat.credentials
    cards = [card(site, page, credentials[cid]) for cid in shown]
    options = listing["options"]
    pages = list_pages(site)
    title = str(ui["catalogue_title"])
    if number > 1:
        title = loc.ui_text("catalogue_page_title", title=title, n=number, total=pages)
    return {
        **site.base("catalogue", page, title),
        "intro": _intro(site, listing["active"], listing["orgs"]),
        "number": number,
        "cards": [c for c in cards if c["status"] == "active"],
        "other_cards": [c for c in cards if c["status"] != "active"],
        "pages": site.page_numbers(page, number, pages, partial(list_page, site)),
        "compare_href": site.link(page, site.urls.compare_page()),
        "config": {
            "strings": {key: str(ui[key]) for key in SCRIPT_STRINGS},
            # the hours one ECTS credit stands for: an hours-only credential in a range of ECTS
            "hours_per_ects": list(HOURS_PER_ECTS),
            # a card's languages read as running text after the first ("Allemand, anglais")
            "running": {
                o["value"]: loc.running_language_name(o["value"]) for o in options["language"]
            },
            # a counted string's form for each plural category of its language
            "plurals": {
                key: {"lang": value.locale, "forms": value.by_category()}
                for key in SCRIPT_PLURALS
                if isinstance(value := ui[key], Plural)
            },
        },
        "count_text": loc.plural(ui["catalogue_count"], listing["active"]),
        "facets": [
            {"id": "eqf", "label": str(ui["facet_eqf"]), "options": options["eqf"]},
            {"id": "field", "label": str(ui["facet_field"]), "options": options["field"]},
            {"id": "mode", "label": str(ui["facet_mode"]), "options": options["mode"]},
            {"id": "language", "label": str(ui["facet_language"]), "options": options["language"]},
            {"id": "org", "label": str(ui["facet_org"]), "options": options["org"]},
            {
                "id": "status",
                "label": str(ui["facet_status"]),
                "options": options["status"],
            },
        ],
        "workload": _workload(site, listing["ectses"], listing["hourses"]),
        "sorts": [{"value": v, "label": str(ui[f"sort_{v}"])} for v in SORTS],
    }


def _workload(site: Site, ectses: list[float], hourses: list[int]) -> Range:
    """The workload range filter: in ECTS where some credential states ECTS, with a hint where
    others state hours only (they match by their hours, at 25 to 30 an ECTS credit:
    ``model.HOURS_PER_ECTS``, which the page's configuration gives ``catalogue.js``); in hours
    where none states ECTS but some state hours (a vocational school's catalogue); not offered
    where none states either. ``catalogue.js`` decides again with ``catalogue.json``, which may
    be newer than the page."""
    loc, ui = site.loc, site.loc.ui
    unit, values = ("ects", ectses) if ectses else ("hours", hourses) if hourses else ("", [])
    return {
        "unit": unit,
        "label": str(ui["facet_workload_hours" if unit == "hours" else "facet_workload"]),
        "min": loc.number(min(values)) if values else "",
        "max": loc.number(max(values)) if values else "",
        "shown": bool(values),
        "hours_only": unit == "ects" and bool(hourses),
    }
