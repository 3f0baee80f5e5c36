"""The organisation pages: one page per organisation, and the list of organisations.

Owns what a reader learns about an organisation: kind, country, the names it had when versions
naming it were released (:func:`former_line`), contact, and the credentials it awards, provides,
assesses or quality-assures (:data:`ROLES`). The table of those credentials
shows :data:`ROWS_PER_PAGE` of them; an organisation with more has further pages
(:func:`organisation_pages`), as the catalogue's list has.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ...catalogue import ROLE_ORDER
from ...model import Organisation
from ...urls import ORG_ANCHOR
from ...versions import former_names
from ..language import chosen_language
from ..safe import safe_url
from .common import STATUS_ORDER, Site, numbered_page, page_count
from .context import (
    IdentifierRow,
    OrganisationContext,
    OrganisationItem,
    OrganisationsContext,
    Part,
)
from .localise import rich_list

__all__ = [
    "ROLES",
    "ROWS_PER_PAGE",
    "former_line",
    "organisation_context",
    "organisation_page",
    "organisation_page_inputs",
    "organisation_pages",
    "organisations_context",
]

ROLES = ROLE_ORDER
"""The roles an organisation holds for a credential, in display order."""

ROWS_PER_PAGE = 100
"""Credentials in the table of one organisation page. A large organisation has thousands: in
one page, the benchmark's largest at 10,000 credentials (about 5,700) weighed about 5 MB in
each language, and making it held about as much again."""


def organisation_pages(site: Site, oid: str) -> int:
    """How many pages organisation ``oid`` has (the same in every language)."""
    return page_count(len(_ordered(site, oid)), ROWS_PER_PAGE)


def organisation_page(site: Site, oid: str, number: int) -> str:
    """Site path of page ``number`` (from 1) of organisation ``oid``."""
    return numbered_page(site.urls.organisation(oid), number)


def organisation_page_inputs(site: Site, oid: str, number: int) -> tuple[list[str], str]:
    """What page ``number`` of organisation ``oid`` shows besides the data of its credentials
    and of the site: the ids of its credentials, in order, and what all its pages share (how
    many there are, the roles it holds), as text. ``mkdocs serve`` keeps a page whose inputs
    did not change."""
    held = [role for role in ROLES if role in site.cat.roles_of(oid)]
    shown = _ordered(site, oid)[(number - 1) * ROWS_PER_PAGE : number * ROWS_PER_PAGE]
    return shown, repr((organisation_pages(site, oid), held))


def _ordered(site: Site, oid: str) -> list[str]:
    """The ids of the credentials organisation ``oid`` has a role for, in the order of its
    table (by status, then title in the page's language), from the briefs, once per language
    and build (``Catalogue.memo``): each of the organisation's pages shows a slice of it."""
    key = ("organisation-order", f"{site.lang} {oid}")
    known = site.cat.memo.get(key)
    if isinstance(known, list):
        return known
    briefs, loc = site.cat.briefs, site.loc
    ids = {cid for ids in site.cat.roles_of(oid).values() for cid in ids}
    found = [
        cid
        for _status, _title, cid in sorted(
            (STATUS_ORDER.index(briefs[cid].status), loc.text(briefs[cid].title).casefold(), cid)
            for cid in ids
        )
    ]
    site.cat.memo[key] = found
    return found


def former_line(site: Site, org: Organisation) -> list[Part]:
    """ "Formerly named: A and B": the names the organisation had when versions naming it
    were released (:func:`credcat.versions.former_names`) in the language of the name the
    page shows (the page's, else the one it falls back to), those recorded first first; each
    name a part marked with its language where it is not the interface's, as the name is.
    Empty where it had no other name in that language."""
    loc = site.loc
    chosen = chosen_language(org.name, site.lang, loc.default)
    names = former_names(site.cat).get(org.id, {}).get(chosen, ())
    if not names:
        return []
    line = loc.plural(loc.ui["org_former_names"], len(names))
    return rich_list(line, "names", loc.join_parts([loc.text({chosen: n}) for n in names]))


def organisation_context(site: Site, org: Organisation, number: int = 1) -> OrganisationContext:
    """Context of page ``number`` of an organisation's pages."""
    page = organisation_page(site, org.id, number)
    loc = site.loc
    ui = loc.ui
    roles = site.cat.roles_of(org.id)
    address = None
    if org.address is not None:
        a = org.address
        address = [
            line
            for line in (
                a.street or "",
                " ".join(x for x in (a.postcode or "", a.city) if x),
                loc.label("country", a.country),
            )
            if line
        ]
    held = [role for role in ROLES if role in roles]
    holders = {role: set(ids) for role, ids in roles.items()}
    # the credentials of this page's table, in the order of every page's (a slice of it)
    ordered = _ordered(site, org.id)
    shown = [
        site.cred_ref(page, cid)
        for cid in ordered[(number - 1) * ROWS_PER_PAGE : number * ROWS_PER_PAGE]
    ]
    pages = organisation_pages(site, org.id)
    ctx: OrganisationContext = {
        **site.base("organisation", page, loc.text(org.name)),
        "id": org.id,
        "anchor": ORG_ANCHOR,
        "short_name": loc.text(org.short_name)
        if org.short_name and org.short_name != org.name
        else "",
        "former": former_line(site, org),
        "kind_label": str(ui["org_kind"][org.kind]),
        "country": loc.label("country", org.country),
        "logo": site.logo(page, org.id),
        "description": loc.prose(org.description),
        "homepage": safe_url(org.homepage),
        "homepage_text": org.homepage,
        "email": safe_url(f"mailto:{org.email}") if org.email else "",
        "email_text": org.email or "",
        "phone": org.phone or "",
        "address": address,
        "legal_identifier": org.legal_identifier or "",
        "identifiers": _identifiers(org, ui),
        "publisher": org.id == site.cat.settings.publisher,
        "roles": [
            {
                "role": role,
                "heading": str(ui["org_role"][role]),
                "column": str(ui["org_role_column"][role]),
                "credentials": [ref for ref in shown if ref["id"] in holders[role]],
            }
            for role in held
        ],
        "rows": [
            {
                "credential": ref,
                "roles": [{"role": role, "holds": ref["id"] in holders[role]} for role in held],
            }
            for ref in shown
        ],
        "number": number,
        "pages": site.page_numbers(page, number, pages, partial(organisation_page, site, org.id)),
    }
    ctx["toc"] = [
        {"id": "roles", "title": str(ui["org_roles"])},
        {"id": "contact", "title": str(ui["org_contact"])},
    ]
    return ctx


def organisations_context(site: Site) -> OrganisationsContext:
    """Context of the list of organisations."""
    page = site.urls.organisations_page()
    loc = site.loc
    ui = loc.ui
    items: list[OrganisationItem] = []
    for oid, org in site.cat.organisations.items():
        roles = site.cat.roles_of(oid)
        count = len({cid for ids in roles.values() for cid in ids})
        items.append(
            {
                "id": oid,
                "name": loc.text(org.name),
                "former": former_line(site, org),
                "href": site.link(page, site.urls.organisation(oid)),
                "kind_label": str(ui["org_kind"][org.kind]),
                "country": loc.label("country", org.country),
                "roles": [str(ui["org_role"][r]) for r in ROLES if r in roles],
                "count": loc.plural(ui["organisations_count"], count),
            }
        )
    items.sort(key=lambda i: (i["name"].casefold(), i["id"]))
    return {
        **site.base("organisations", page, str(ui["organisations_title"])),
        "intro": str(ui["organisations_intro"]),
        "organisations": items,
    }


def _identifiers(org: Organisation, ui: Any) -> list[IdentifierRow]:
    """The organisation's VAT number, eIDAS identifier and identifiers in named schemes."""
    rows: list[IdentifierRow] = []
    for key, value in (("org_vat_number", org.vat_number), ("org_eidas_id", org.eidas_identifier)):
        if value:
            rows.append({"label": str(ui[key]), "value": value})
    rows += [{"label": i.scheme, "value": i.value} for i in org.identifiers]
    return rows
