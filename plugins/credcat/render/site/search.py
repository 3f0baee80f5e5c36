"""What the site search indexes of a credential page: its summary and its outcomes.

Material's search plugin indexes every section of a page; for a credential page that was
about 14 KB per credential and language (assessments, offerings, the employers' summary, the
downloads …), and the index is what every learner's browser downloads on the first search.
The adapter hands the search plugin this compact stand-in for the page body instead (the page
itself is unchanged): the page title (from the page), the summary, and one section at the
outcomes' anchor holding every outcome's text and the labels of its skills. So the header
search still finds a credential by its title, its summary, an outcome's words or a skill; the
catalogue's own search (``catalogue.json``) filters by everything else.
"""

from __future__ import annotations

from markupsafe import escape

from .context import CredentialContext

__all__ = ["credential_search_body"]

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
