"""Planning organisations: the awarding body, provider, assessor and accrediting agent.

Each Organisation node of the source becomes one catalogue organisation: an existing one with the
same legal name or homepage is reused (reported as ``reused: …``), else one that had that name
when versions naming it were released (the release records; reported as an earlier name), otherwise
``organisations/<id>.yaml`` is planned, its id a slug of the legal name (or the short name when
that is long) made unique against the catalogue. What the source does not say is filled with a
placeholder marked ``TODO(import)`` and reported as a ``gap:``.
"""

from __future__ import annotations

import re
from typing import Any

from ..catalogue import ORGANISATIONS_DIR
from ..ids import norm_name, norm_url, slugify
from ..model import EIDAS_RE, EMAIL_RE, VAT_PREFIXES, VAT_RE
from .base import (
    MAX_ORGANISATIONS,
    PLACEHOLDER_HOMEPAGE,
    TODO,
    ImportFailed,
    OrgRef,
    Plan,
    first_text,
    id_of,
    with_markers,
)
from .context import Context
from .yamlout import ORGANISATION_ORDER, ORGANISATION_SCHEMA, render_yaml

__all__ = ["org_country", "org_label", "organisation", "placeholders_of"]


def organisation(ctx: Context, node: dict[str, Any], path: str) -> OrgRef:
    """The catalogue organisation for an Organisation node: reused or planned once."""
    node_id = id_of(node)
    if node_id and node_id in ctx.org_by_node:
        return ctx.org_by_node[node_id]
    name = (
        ctx.text(node.get("legalName"), path + ".legalName")
        or ctx.text(node.get("prefLabel"), path + ".prefLabel")
        or ctx.text(_first_names(node.get("altLabel")), path + ".altLabel")
    )
    homepages = ctx.url(node.get("homepage"))
    label = first_text(name, ctx.default_language) if name else (node_id or "?")
    keys = [f"name:{norm_name(v)}" for v in (name or {}).values()]
    keys += [f"home:{norm_url(u)}" for u in homepages]
    for key in keys:
        if key in ctx.org_by_key:
            ref = ctx.org_by_key[key]
            break
    else:
        ref = _existing_or_new(ctx, node, path, name, homepages, label, keys)
    if node_id:
        ctx.org_by_node[node_id] = ref
    for key in keys:
        ctx.org_by_key.setdefault(key, ref)
    return ref


def _first_names(value: Any) -> Any:
    """An ``altLabel`` language map with the first name of each language only: credcat
    writes an organisation's short name first, then the names it had when versions naming
    it were released (:func:`credcat.render.data.nodes.alternative_names`)."""
    if isinstance(value, dict) and "@value" not in value:
        return {k: v[0] if isinstance(v, list) and v else v for k, v in value.items()}
    return value


def _short_name(ctx: Context, value: Any, path: str) -> dict[str, str] | None:
    """The short name of an organisation: the first of its alternative names in each
    language; the others (names it had) are reported as not imported."""
    if isinstance(value, dict) and "@value" not in value:
        for lang, names in value.items():
            if isinstance(names, list) and len(names) > 1:
                ctx.report.not_imported.append(
                    f"not imported: {path}.{lang} ({len(names) - 1} more) — credcat keeps one "
                    "short name per language; the names an organisation had are kept by the "
                    "releases that name it"
                )
    return ctx.text(_first_names(value), path)


def _existing_or_new(
    ctx: Context,
    node: dict[str, Any],
    path: str,
    name: dict[str, str] | None,
    homepages: list[str],
    label: str,
    keys: list[str],
) -> OrgRef:
    for key in keys:
        existing = ctx.target.existing_orgs.get(key)
        if existing is not None:
            why = "legal name" if key.startswith("name:") else "homepage"
            ctx.report.assumed.append(
                f"reused: organisations/{existing}.yaml for '{label}' (same {why})"
            )
            return OrgRef(existing, False, label, country=ctx.target.org_countries.get(existing))
    for key in keys:
        earlier = ctx.target.former_org(key) if key.startswith("name:") else None
        if earlier is not None:  # a credential issued under a name it had
            ctx.report.assumed.append(
                f"reused: organisations/{earlier}.yaml for '{label}' (an earlier name of it, "
                "as a release recorded it; it is named otherwise now)"
            )
            return OrgRef(earlier, False, label, country=ctx.target.org_countries.get(earlier))
    if name is None:
        raise ImportFailed(f"the organisation at {path} has no legal name")
    if sum(1 for plan in ctx.plans if plan.rel.startswith(ORGANISATIONS_DIR)) >= MAX_ORGANISATIONS:
        raise ImportFailed(
            f"the document names more than {MAX_ORGANISATIONS} organisations; "
            "credcat imports at most that many at a time"
        )
    short = _short_name(ctx, node.get("altLabel"), path + ".altLabel")
    base = slugify(label)
    if len(base) > 40 and short:
        base = slugify(first_text(short, ctx.default_language)) or base
    org_id = ctx.unique(ORGANISATIONS_DIR, base, "organisation")
    ref = OrgRef(org_id, True, label)
    ref.placeholders = _plan_organisation(ctx, node, path, ref, name, short, homepages)
    return ref


def _plan_organisation(
    ctx: Context,
    node: dict[str, Any],
    path: str,
    ref: OrgRef,
    name: dict[str, str],
    short: dict[str, str] | None,
    homepages: list[str],
) -> tuple[str, ...]:
    """Plan ``organisations/<id>.yaml``; returns the keys that got a placeholder."""
    rel = f"{ORGANISATIONS_DIR}/{ref.org_id}.yaml"
    data: dict[str, Any] = {"name": ctx.out_text(name)}
    comments: dict[str, list[str]] = {}
    if short and short != name:
        data["short_name"] = ctx.out_text(short)
    joined = " ".join(name.values()).casefold()
    if any(w in joined for w in ("universit", "hochschule", "polytechnic")):
        data["kind"] = "university"
    else:
        data["kind"] = "other"
    ctx.report.assumed.append(
        f"assumed: {rel}: kind '{data['kind']}' (EDCs do not say what kind of organisation "
        "this is) — check it"
    )
    country = _country(ctx, node, path)
    ref.country = country
    if country is None:
        country = ctx.target.publisher_country or "EU"  # a stand-in for the check only
        comments["country"] = [
            f"the source gives no country for this organisation — replace {TODO}"
        ]
        ctx.report.gaps.append(
            f"gap: {rel}: country — not in the source; {TODO} written, credcat check fails until "
            "it is replaced"
        )
    data["country"] = country
    if homepages:
        data["homepage"] = homepages[0]
    else:
        data["homepage"] = PLACEHOLDER_HOMEPAGE  # a stand-in for the check only
        comments["homepage"] = [f"the source gives no homepage — replace {TODO}"]
        ctx.report.gaps.append(
            f"gap: {rel}: homepage — not in the source; {TODO} written, credcat check fails "
            "until it is replaced"
        )
    email, phone = _contact(ctx, node.get("contactPoint"))
    if email:
        data["email"] = email
    if phone:
        data["phone"] = phone
    description = ctx.text(node.get("description"), path + ".description")
    if description:
        data["description"] = ctx.out_text(description)
    _identifiers(ctx, node, path, data, ref.country)
    _leftovers(ctx, node, path, homepages)
    ordered = {k: data[k] for k in ORGANISATION_ORDER if k in data}
    header = [ORGANISATION_SCHEMA, f"# Imported by credcat from {ctx.source_name}"]
    final = with_markers(ordered, {(key,): TODO for key in comments})
    ctx.plans.append(
        Plan(rel, render_yaml(final, header, comments), render_yaml(ordered, header, comments))
    )
    return tuple(comments)


LEGAL_IDENTIFIERS = (
    ("registration", "legal_identifier"),
    ("vatIdentifier", "vat_number"),
    ("eIDASIdentifier", "eidas_identifier"),
)
"""ELM legal identifiers of an organisation → the organisation file's key."""


def _identifier_problem(field: str, value: str, country: str | None) -> str | None:
    """Why credcat cannot hold an identifier as the source writes it (``None``: it can)."""
    if "\n" in value or "\r" in value:
        return "it spans several lines"
    if field == "legal_identifier" and len(value) > 100:
        return "it is longer than 100 characters"
    if field == "vat_number":
        compact = re.sub(r"[\s.\-]", "", value).upper()
        if not VAT_RE.fullmatch(compact):
            return "it is not a VAT number (a country prefix and 2 to 13 letters or digits)"
        expected = VAT_PREFIXES.get(country or "", country)
        if compact[:2].isalpha() and country and compact[:2] != expected:
            return f"its prefix {compact[:2]} is not that of the organisation's country ({country})"
    if field == "eidas_identifier" and not EIDAS_RE.fullmatch(value):
        return "it is not one word of letters, digits and : / . _ + -"
    return None


def _identifiers(
    ctx: Context, node: dict[str, Any], path: str, data: dict[str, Any], country: str | None
) -> None:
    """Registration, VAT and eIDAS identifiers, and identifiers in named schemes; every one
    credcat cannot hold is reported, never shortened or guessed."""
    for key, field in LEGAL_IDENTIFIERS:
        for index, ident in enumerate(ctx.tree.nodes(node.get(key))):
            notation = ident.get("notation")
            if not isinstance(notation, str) or not notation.strip():
                continue
            value = notation.strip()
            problem = _identifier_problem(
                field, value, country if isinstance(country, str) else None
            )
            if field in data:
                problem = f"credcat keeps one {key} per organisation"
            if problem is None:
                data[field] = value
            else:
                where = f"{path}.{key}" + (f"[{index}]" if index else "")
                ctx.report.not_imported.append(f"not imported: {where} ({value}) — {problem}")
    for ident in ctx.tree.nodes(node.get("taxIdentifier")):
        notation = ident.get("notation")
        if isinstance(notation, str) and notation.strip():
            ctx.report.not_imported.append(
                f"not imported: {path}.taxIdentifier ({notation.strip()}) — credcat has no tax "
                "identifier; add it under 'identifiers:' with its scheme's name if wanted"
            )
    others: list[dict[str, str]] = []
    for index, ident in enumerate(ctx.tree.nodes(node.get("identifier"))):
        notation = ident.get("notation")
        scheme = ident.get("schemeName")
        if not isinstance(notation, str) or not notation.strip():
            continue
        value = notation.strip()
        where = f"{path}.identifier[{index}] ({value})"
        if not isinstance(scheme, str) or not scheme.strip():
            ctx.report.not_imported.append(
                f"not imported: {where} — it names no scheme (schemeName); add it under "
                "'identifiers:' with its scheme's name if wanted"
            )
        elif len(others) >= 10 or len(value) > 100 or len(scheme.strip()) > 100:
            ctx.report.not_imported.append(
                f"not imported: {where} — credcat keeps up to 10 identifiers of up to 100 "
                "characters"
            )
        elif "\n" in value or "\n" in scheme:
            ctx.report.not_imported.append(f"not imported: {where} — it spans several lines")
        else:
            others.append({"scheme": scheme.strip(), "value": value})
    if others:
        data["identifiers"] = others


def _leftovers(ctx: Context, node: dict[str, Any], path: str, homepages: list[str]) -> None:
    for location in ctx.tree.nodes(node.get("location")):
        for address in ctx.tree.nodes(location.get("address")):
            full = ctx.note(address.get("fullAddress"), path + ".location.address")
            if full:
                ctx.report.not_imported.append(
                    f"not imported: {path}.location.address ("
                    f"{first_text(full, ctx.default_language)}) — add 'address:' with "
                    "street, postcode and city by hand if wanted"
                )
            ctx.unknown(
                address,
                path + ".location.address",
                ("countryCode", "fullAddress"),
                {k: "add 'address:' by hand if wanted" for k in address},
            )
        place = "credcat keeps an organisation's country and postal address only"
        ctx.unknown(location, path + ".location", ("address",), {k: place for k in location})
    for extra in homepages[1:]:
        ctx.report.not_imported.append(
            f"not imported: {path}.homepage ({extra}) — credcat keeps one homepage"
        )
    ctx.unknown(
        node,
        path,
        (
            "legalName",
            "altLabel",
            "homepage",
            "contactPoint",
            "description",
            "registration",
            "eIDASIdentifier",
            "vatIdentifier",
            "taxIdentifier",
            "identifier",
            "location",
            "prefLabel",
        ),
        {
            "logo": "an embedded image; save it under logos/ and add 'logo:' by hand",
            "groupMemberOf": "credcat does not describe groups or networks of organisations",
        },
    )


def _country(ctx: Context, node: dict[str, Any], path: str) -> str | None:
    for location in ctx.tree.nodes(node.get("location")):
        for address in ctx.tree.nodes(location.get("address")):
            found = ctx.concept(address.get("countryCode"), "country")
            if found is not None:
                return found.code
    for key in ("registration", "eIDASIdentifier", "vatIdentifier", "taxIdentifier"):
        ident = ctx.tree.node(node.get(key))
        found = ctx.concept(ident.get("spatial"), "country") if ident else None
        if found is not None:
            return found.code
    return None


def _contact(ctx: Context, value: Any) -> tuple[str | None, str | None]:
    email = phone = None
    for point in ctx.tree.nodes(value):
        for box in ctx.tree.nodes(point.get("emailAddress")) or []:
            address = id_of(box) or ""
            if address.lower().startswith("mailto:") and email is None:
                email = address[7:].strip()
        if isinstance(point.get("emailAddress"), str) and email is None:
            raw = point["emailAddress"]
            email = raw[7:] if raw.lower().startswith("mailto:") else raw
        for tel in ctx.tree.nodes(point.get("phone")):
            number = tel.get("phoneNumber")
            if (
                isinstance(number, str)
                and phone is None
                and re.match(r"^\+?[0-9 ()./-]{5,30}$", number.strip())
            ):
                phone = number.strip()
    if email is not None and not EMAIL_RE.fullmatch(email):
        email = None
    return email, phone


# -- output helpers --------------------------------------------------------------------


def placeholders_of(ctx: Context, org_id: str) -> tuple[str, ...]:
    """The keys of a planned organisation file that hold a placeholder."""
    for ref in [*ctx.org_by_node.values(), *ctx.org_by_key.values()]:
        if ref.org_id == org_id:
            return ref.placeholders
    return ()


def org_label(ctx: Context, org_id: str) -> str:
    """The name of an organisation as the source spells it (its id when unknown)."""
    for ref in [*ctx.org_by_node.values(), *ctx.org_by_key.values()]:
        if ref.org_id == org_id:
            return ref.label
    return org_id


def org_country(ctx: Context, org_id: str) -> str | None:
    """The country of an organisation (planned or already in the catalogue), when known."""
    for ref in [*ctx.org_by_node.values(), *ctx.org_by_key.values()]:
        if ref.org_id == org_id and ref.country:
            return ref.country
    return ctx.target.org_countries.get(org_id)
