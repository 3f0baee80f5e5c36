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
by its name and description).
"""

from __future__ import annotations

from markupsafe import escape

from .context import CredentialContext, PageContext

__all__ = ["credential_search_body", "search_body"]

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
        # the description is sanitised HTML (markdown_safe), the short name plain text
        return f"<p>{escape(str(data.get('short_name', '')))}</p>\n{data.get('description', '')}"
    return None
