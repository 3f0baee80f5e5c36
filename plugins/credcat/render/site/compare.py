"""The compare page (``compare/``): up to :data:`MAX_COMPARED` credentials side by side.

Owns the page's context: its words and the configuration ``compare.js`` reads from the page
(``catalogue.json``, ``catalogue-texts.json`` and the catalogue page relative to the page, the
limit, every UI string it shows). The page is static, one per language: the credentials to
compare are in its URL (``?ids=a,b,c``, shareable) and the table is built in the browser from
``catalogue.json`` (level, price, runs and awarding bodies of every credential) and
``catalogue-texts.json`` (workload in words, outcomes, assessments), both loaded at once
(:mod:`.index`). Without JavaScript the page says so and links to the catalogue.
"""

from __future__ import annotations

from typing import Any

from .common import Site
from .context import CompareContext
from .messages import Plural

__all__ = ["MAX_COMPARED", "compare_context"]

MAX_COMPARED = 3
"""The most credentials compared at once (the catalogue's tick boxes stop at this number)."""


def compare_context(site: Site) -> CompareContext:
    """Context of the compare page."""
    page = site.urls.compare_page()
    loc = site.loc
    strings = loc.ui["compare"]
    base = site.base("compare", page, str(strings["title"]))
    config: dict[str, Any] = {
        "catalogue_json": base["links"]["catalogue_json"],
        "catalogue_texts": base["links"]["catalogue_texts"],
        "catalogue": base["links"]["catalogue"],
        "root": base["links"]["home"],
        "lang": site.lang,
        "max": MAX_COMPARED,
        "strings": {
            key: value
            for key, value in strings.items()
            if key != "caption" and not isinstance(value, Plural)
        },
        # the table's caption for each number of credentials, by the language's plural rules
        "captions": {str(n): loc.plural(strings["caption"], n) for n in range(1, MAX_COMPARED + 1)},
        # a counted string's form for each plural category of its language, which compare.js
        # chooses with Intl.PluralRules (the buttons that show a phone's folded lists)
        "plurals": {
            key: {"lang": value.locale, "forms": value.by_category()}
            for key, value in strings.items()
            if key != "caption" and isinstance(value, Plural)
        },
    }
    return {**base, "intro": str(strings["intro"]), "config": config}
