"""What the site search indexes of a credential page: its summary and its outcomes.

Material's search plugin indexes every section of a page; for a credential page that was
about 14 KB per credential and language (assessments, offerings, the employers' summary, the
downloads …), and the index is what every learner's browser downloads on the first search.
The adapter hands the search plugin this compact stand-in for the page body instead (the page
itself is unchanged): the page title (from the page), the summary, and one section at the
outcomes' anchor holding every outcome's text and the labels of its skills. So the header
search still finds a credential by its title, its summary, an outcome's words or a skill; the
catalogue's own search (``catalogue.json``) filters by everything else.

Pages that list credentials (the catalogue, the pathways, the organisations list, each
organisation's page) would otherwise put every listed credential's text in the index again,
growing with the catalogue: they are indexed by their title and introduction (an organisation
by its name, short name, the names it had ("Formerly named: …") and description).

Material's search itself (its web worker, lunr) matches words as written: "ecole" did not find
"école", nor "Zurich" "Zürich" (its options cannot change that: the ``separator`` only splits,
the ``pipeline`` only chooses among lunr's trimmer, stop-word filter and stemmer, and a query
word, to which Material adds a wildcard, skips lunr's pipeline). Every page therefore names
credcat's worker instead (:func:`with_own_worker`: the ``search`` of Material's ``__config``,
the way Material lets a site bring its own worker), ``assets/javascripts/workers/
credcat-search.js`` in credcat's theme, which runs Material's worker unchanged and folds the
accents of the words it indexes and of the query (see that file).
"""

from __future__ import annotations

import re
from typing import cast

from markupsafe import escape

from .context import CredentialContext, PageContext, Part

__all__ = ["OWN_WORKER", "credential_search_body", "search_body", "with_own_worker"]

OWN_WORKER = "credcat-search.js"
"""credcat's search worker, beside Material's in ``assets/javascripts/workers/``."""

_CONFIG = '<script id="__config" type="application/json">'
_WORKER = re.compile(
    r'("search":\s*"[^"]*assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)"'
)

LISTINGS = frozenset({"catalogue", "pathways", "organisations"})

OUTCOMES_ANCHOR = "outcomes"


def credential_search_body(ctx: CredentialContext) -> str:
    """The HTML the site search indexes for one credential page (plain text, escaped)."""
    heading = next((str(t["title"]) for t in ctx["toc"] if t["id"] == OUTCOMES_ANCHOR), "")
    outcomes: list[str] = []
    skills: list[str] = []
    for group in ctx["outcome_groups"]:
        for item in group["items"]:
            outcomes.append(str(item["text"]).strip())
            for skill in item["skills"]:
                label = str(skill["label"]).strip()
                if label and label not in skills:
                    skills.append(label)
    parts = [f"<p>{escape(ctx['summary'])}</p>"]
    if outcomes or skills:
        words = " ".join(outcomes + skills)
        parts.append(f'<h2 id="{OUTCOMES_ANCHOR}">{escape(heading)}</h2>')
        parts.append(f"<p>{escape(words)}</p>")
    return "\n".join(parts)


def search_body(kind: str, ctx: PageContext) -> str | None:
    """The stand-in the site search indexes for a generated page of ``kind`` (a current
    credential page, a listing, an organisation), or ``None`` to index the page as it is."""
    data: dict[str, object] = ctx  # type: ignore[assignment]
    if kind == "credential":
        return credential_search_body(ctx)  # type: ignore[arg-type]
    if kind in LISTINGS:
        return f"<p>{escape(str(data.get('intro', '')))}</p>"
    if kind == "organisation":
        # the description is sanitised HTML (markdown_safe), the short name plain text; the
        # names it had, so that a search for its earlier name finds it
        former = "".join(str(part["text"]) for part in cast("list[Part]", data.get("former", [])))
        lines = [f"<p>{escape(str(data.get('short_name', '')))}</p>"]
        if former:
            lines.append(f"<p>{escape(former)}</p>")
        return "\n".join([*lines, str(data.get("description", ""))])
    return None


def with_own_worker(page: str) -> str:
    """A rendered page whose ``__config`` names credcat's search worker in place of Material's
    (``…/workers/credcat-search.js?material=search.<hash>.min.js``, which loads it). A page
    with no ``__config``, or one naming another worker (a site's own), is left as it is."""
    at = page.rfind(_CONFIG)
    if at < 0:
        return page
    end = page.find("</script>", at)
    if end < 0:
        return page
    config = _WORKER.sub(rf'\g<1>{OWN_WORKER}?material=\g<2>"', page[at:end], count=1)
    return f"{page[:at]}{config}{page[end:]}"
