"""The "Check a credential" page for employers (``check/``).

Owns the page's context: its words, the link to the official European Digital Credentials
viewer, and the configuration ``check.js`` reads from the page (the catalogue's ``base_uri``,
the site root: the language's, for pages, and the default's, where the machine files are;
``catalogue.json`` relative to the page, the id of the published EDC template, the limits on
what it reads, and every UI string it shows). The reading, matching and comparing happen in
the browser only, in ``theme/assets/credcat/check.js``: nothing is uploaded.
"""

from __future__ import annotations

from typing import Any

from ..data.edc import PLACEHOLDER_ID
from .common import Site
from .context import CheckContext

__all__ = ["EDC_VIEWER", "MAX_INPUT_BYTES", "MAX_INPUT_DEPTH", "check_context"]

EDC_VIEWER = "https://europa.eu/europass/digital-credentials/viewer/#/home"
"""The official European Digital Credentials viewer, where a seal can be verified."""

MAX_INPUT_BYTES = 5 * 1024 * 1024
"""The largest credential the page reads (5 MiB; the Commission's signed sample is 150 kB)."""

MAX_INPUT_DEPTH = 64
"""The deepest nesting of JSON arrays and objects the page reads (checked before parsing)."""


def check_context(site: Site) -> CheckContext:
    """Context of the "Check a credential" page."""
    page = site.urls.check_page()
    loc = site.loc
    strings = loc.ui["check"]
    base = site.base("check", page, str(strings["title"]))
    config: dict[str, Any] = {
        "base_uri": site.urls.base_uri,
        "root": base["links"]["home"],
        # machine files are published once, at the site root, for every language
        "files": site.link(page, site.urls.home(site.urls.default_language)),
        "template_id": PLACEHOLDER_ID,
        "catalogue_json": base["links"]["catalogue_json"],
        "lang": site.lang,
        # the language of credcat's words on the page (English where it has none in ``lang``)
        "words": loc.words,
        "max_bytes": MAX_INPUT_BYTES,
        "max_depth": MAX_INPUT_DEPTH,
        "strings": dict(strings),
        "status": {key: str(value) for key, value in loc.ui["status"].items()},
    }
    return {
        **base,
        "intro": str(strings["intro"]),
        "viewer": EDC_VIEWER,
        "config": config,
    }
