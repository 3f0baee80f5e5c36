"""``catalogue.json``: the data behind the catalogue page's filters and search.

One entry per credential (its current version; every status, with the status), holding exactly
what the filters, the text search and the sorting need, plus the facet labels. The catalogue
page renders every card on the server; ``catalogue.js`` reads this file to filter, count and
sort them. The file is deterministic: sorted keys, entries sorted by id.

Shape (``version`` 1)::

    {"version": 1, "lang": "en", "title": "…",
     "facets": {"eqf": {"6": "EQF level 6"}, "field": {"0613": "…"}, "mode": {…},
                "language": {"de": "German"}, "org": {"uni": "HS Rheinau"},
                "status": {"active": "Active", …}},
     "credentials": [{"id", "url", "title", "summary", "providers", "awarding", "orgs",
                      "eqf", "fields", "mode", "languages", "ects", "hours", "status",
                      "version", "outcomes", "skills", "superseded_by", "versions"}]}

``versions`` lists every version of the credential, oldest first
(:func:`credcat.versions.versions_json`: ``version``, ``released``, ``fingerprint``,
``replaces``, ``current``); ``superseded_by`` is the successor's id or ``null``. The "Check a
credential" page reads both to tell whether the version a credential names is current,
superseded or retired.

``url`` is relative to the site root (``catalogue.json`` lives there); ``orgs`` holds the ids of
the awarding bodies and providers; ``skills`` the ESCO skill URIs of the outcomes (the model
holds no ESCO labels).
"""

from __future__ import annotations

from typing import Any

from ...catalogue import Catalogue
from ...urls import Urls
from ...versions import succession, versions_json
from ..safe import json_for_script
from .common import Site

__all__ = ["catalogue_index", "catalogue_json"]

FORMAT_VERSION = 1


def catalogue_index(catalogue: Catalogue, urls: Urls, lang: str | None = None) -> dict[str, Any]:
    """The content of ``catalogue.json`` as a dict.

    Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        lang: Language of the texts (default: the catalogue's default language).

    Returns:
        A JSON-ready dict (see the module docstring).
    """
    site = Site(catalogue, urls, lang)
    loc = site.loc
    ui = loc.ui
    entries: list[dict[str, Any]] = []
    facets: dict[str, dict[str, str]] = {
        "eqf": {},
        "field": {},
        "mode": {},
        "language": {},
        "org": {},
        "status": {},
    }
    for cid, cred in sorted(catalogue.credentials.items()):
        orgs = list(dict.fromkeys([*cred.awarding_body, *cred.providers]))
        entries.append(
            {
                "id": cid,
                "url": urls.credential(cid),
                "title": loc.text(cred.title),
                "summary": loc.text(cred.summary),
                "providers": [site.org_name(o, short=True) for o in cred.providers],
                "awarding": [site.org_name(o, short=True) for o in cred.awarding_body],
                "orgs": orgs,
                "eqf": cred.eqf,
                "fields": list(cred.field),
                "mode": cred.mode,
                "languages": list(cred.languages),
                "ects": cred.workload.ects,
                "hours": cred.workload.hours,
                "status": cred.status,
                "version": cred.version,
                "versions": versions_json(succession(catalogue, cid)),
                "superseded_by": cred.superseded_by if cred.status == "superseded" else None,
                "outcomes": [loc.text(o.text) for o in cred.outcomes],
                "skills": sorted(
                    {loc.text(s.label) if s.label else s.uri for o in cred.outcomes for s in o.esco}
                ),
            }
        )
        facets["eqf"][str(cred.eqf)] = loc.ui_text("fact_eqf_value", level=cred.eqf)
        for code in cred.field:
            facets["field"][code] = loc.label("isced-f", code)
        facets["mode"][cred.mode] = loc.label("mode", cred.mode)
        for code in cred.languages:
            facets["language"][code] = loc.label("language", code)
        for oid in orgs:
            facets["org"][oid] = site.org_name(oid, short=True)
        facets["status"][cred.status] = str(ui["status"][cred.status])
    return {
        "version": FORMAT_VERSION,
        "lang": site.lang,
        "title": loc.text(catalogue.settings.title),
        "facets": facets,
        "credentials": entries,
    }


def catalogue_json(catalogue: Catalogue, urls: Urls, lang: str | None = None) -> bytes:
    """``catalogue.json`` as deterministic, compact UTF-8 bytes (sorted keys).

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes (still plain JSON),
    so the file can also be inlined into a ``<script>`` element safely.
    """
    data = catalogue_index(catalogue, urls, lang)
    return (str(json_for_script(data)) + "\n").encode("utf-8")
