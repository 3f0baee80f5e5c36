"""The organisation pages: one page per organisation, and the list of organisations.

Owns what a reader learns about an organisation: kind, country, contact, and the credentials it
awards, provides, assesses or quality-assures (:data:`ROLES`).
"""

from __future__ import annotations

from typing import Any

from ...catalogue import ROLE_ORDER
from ...model import Organisation
from ...urls import ORG_ANCHOR
from ..safe import markdown_safe, safe_url
from .common import Site
from .context import (
    IdentifierRow,
    OrganisationContext,
    OrganisationItem,
    OrganisationsContext,
)

__all__ = ["ROLES", "organisation_context", "organisations_context"]

ROLES = ROLE_ORDER
"""The roles an organisation holds for a credential, in display order."""


def organisation_context(site: Site, org: Organisation) -> OrganisationContext:
    """Context of an organisation page."""
    page = site.urls.organisation(org.id)
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
    # every credential the organisation has a role for, each made and sorted once (the role
    # lists below keep this order): a large organisation has thousands
    every = site.sorted_refs(page, {cid for ids in roles.values() for cid in ids})
    ctx: OrganisationContext = {
        **site.base("organisation", page, loc.text(org.name)),
        "id": org.id,
        "anchor": ORG_ANCHOR,
        "short_name": loc.text(org.short_name)
        if org.short_name and org.short_name != org.name
        else "",
        "kind_label": str(ui["org_kind"][org.kind]),
        "country": loc.label("country", org.country),
        "logo": site.logo(page, org.id),
        "description": markdown_safe(loc.text(org.description)),
        "text_lang": site.fallbacks({"title": org.name, "description": org.description}),
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
                "credentials": [ref for ref in every if ref["id"] in holders[role]],
            }
            for role in held
        ],
        "rows": [
            {
                "credential": ref,
                "roles": [{"role": role, "holds": ref["id"] in holders[role]} for role in held],
            }
            for ref in every
        ],
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
