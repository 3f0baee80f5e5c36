"""What ``mkdocs serve`` shows in the browser of a catalogue with errors.

Owns the two HTML forms of a catalogue's problems, for the maintainer who previews the site:

* :func:`problems_panel` — the panel at the top of every page while the preview shows the
  catalogue as it last was valid (a half-written draft does not wipe the preview): how many
  errors, that the pages *and* the machine-readable files are those of the last valid
  catalogue, on a page made from a file with errors that this page is one of them, then the
  problems (errors, warnings, then notes, each under its heading), those of the page's own file
  first, at most :data:`PANEL_LISTED`;
  :func:`with_panel` puts it after a rendered page's ``<body>`` tag. Its script
  (:data:`PANEL_SCRIPT`, inline at its end, so that it runs before the page is first drawn)
  shows a "Hide" button beside its heading, which folds the panel to the heading and a
  "Show" button, and keeps the choice for the browser tab (``sessionStorage``) for this set of
  problems (:func:`problems_key`): another set opens it again. Without script it stays open;
* :func:`problems_page` — the page shown instead of every page where there was no valid
  catalogue yet: every problem.

Each problem shows ``file:line:column``, the field, the message and the hint; every text is
escaped (problems quote values from the YAML) and stripped of control characters
(:func:`credcat.errors.printable`). credcat's words around the problems follow the page
language where credcat's interface speaks it (:func:`.messages.interface_language`), from the
UI strings (``serve_problems.*``); the problems themselves are credcat's English, as on the
terminal and in ``credcat check``, and are marked so (``lang="en"``). The panel is styled by
``credcat.css`` (``.credcat-problems``); the page carries its own style.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence

from ...errors import Problem, printable
from .localise import fill, plural
from .messages import SOURCE_LANGUAGE, interface_language, ui_tree

__all__ = [
    "PAGE_ID",
    "PANEL_ID",
    "PANEL_LISTED",
    "PANEL_SCRIPT",
    "problems_key",
    "problems_page",
    "problems_panel",
    "with_panel",
]

PANEL_ID = "credcat-problems"
"""The ``id`` of the panel (its heading's is ``<id>-title``)."""

PAGE_ID = "credcat-errors"
"""The ``id`` of the ``<main>`` of :func:`problems_page`."""

PANEL_LISTED = 20
"""The panel lists at most this many problems (every page of the preview carries it); the rest
are counted, and the terminal lists them all."""

PAGE_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
    "color:#1a1a1a;background:#fff}h1{color:#a30000;font-size:1.6rem}"
    "li{margin:.6rem 0}code{background:#f3f3f3;padding:0 .25rem;overflow-wrap:anywhere}"
    ".hint{color:#444}"
    "@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#161616}"
    "h1{color:#ff8a80}code{background:#2c2c2c}.hint{color:#c8c8c8}}"
)
"""The style of :func:`problems_page` (a page of its own: no theme, no stylesheet)."""

PANEL_STORE = "credcat-problems-hidden"
"""The ``sessionStorage`` key under which the panel's script keeps the :func:`problems_key` of
the problems the maintainer hid."""

PANEL_SCRIPT = (
    "(function(){"
    "var p=document.currentScript.parentNode,b=p.querySelector('.credcat-problems__body'),"
    "t=p.querySelector('.credcat-problems__toggle'),s=p.getAttribute('data-credcat-problems'),"
    f"k='{PANEL_STORE}',h=null;"
    "if(!b||!t)return;"
    "function show(o,keep){"
    "b.hidden=!o;p.classList.toggle('credcat-problems--hidden',!o);"
    "t.textContent=t.getAttribute(o?'data-hide':'data-show');"
    "t.setAttribute('aria-expanded',o?'true':'false');"
    "if(keep)try{if(o)sessionStorage.removeItem(k);else sessionStorage.setItem(k,s)}catch(e){}"
    "}"
    "try{h=sessionStorage.getItem(k)}catch(e){}"
    "show(h!==s,false);t.hidden=false;"
    "t.addEventListener('click',function(){show(b.hidden,true)})"
    "})();"
)
"""The panel's script, at its end: it runs as the parser reaches it, before the page is first
drawn, so that a panel hidden on the page before does not show and then fold on the next.
It shows the button (hidden without script), folds the panel where the tab keeps this set of
problems hidden, and toggles it: the button's text (``data-hide``, ``data-show``, the page's
words, set with ``textContent``) and ``aria-expanded`` follow, and the same button keeps the
focus. Storage refused (a private window, a policy) only forgets the choice."""

_BODY_RE = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def _html(text: str) -> str:
    return html.escape(printable(text), quote=True)


def _item(problem: Problem) -> str:
    parts = [f"<code>{_html(problem.where)}</code>"]
    if problem.field:
        parts.append(f'<strong class="field">{_html(problem.field)}</strong>:')
    parts.append(f'<span class="message">{_html(problem.message)}</span>')
    if problem.hint:
        parts.append(f'<span class="hint">({_html(problem.hint)})</span>')
    return "<li>" + " ".join(parts) + "</li>"


def _list(kind: str, problems: Sequence[Problem], words: str) -> list[str]:
    """An ordered list of problems; marked as English inside words of another language."""
    marked = f' lang="{SOURCE_LANGUAGE}"' if words != SOURCE_LANGUAGE else ""
    return [f'<ol class="{kind}"{marked}>', *(_item(p) for p in problems), "</ol>"]


def _kinds(problems: Sequence[Problem]) -> tuple[list[Problem], list[Problem], list[Problem]]:
    """The errors, the warnings and the notes (``# translate``, ``# example``: they fail
    nothing, and ``credcat check`` counts them apart) of ``problems``, each in their order."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if p.is_warning]
    notes = [p for p in problems if not p.is_error and not p.is_warning]
    return errors, warnings, notes


def problems_key(problems: Sequence[Problem]) -> str:
    """What names a set of problems for the panel's "Hide": the same problems (file, field,
    message, hint, severity; not where in the file, which moves as lines are added above)
    give the same key on every page and every rebuild, another set another key.

    Returns:
        16 hexadecimal digits.
    """
    named = sorted([p.severity.value, p.path, p.field, p.message, p.hint] for p in problems)
    text = json.dumps(named, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _title(errors: int, catalogue: str, words: str) -> str:
    ui = ui_tree(words)["serve_problems"]
    return fill(plural(ui["title"], errors, words), folder=catalogue)


def problems_panel(
    problems: Sequence[Problem], catalogue: str, lang: str, page_file: str = ""
) -> str:
    """The panel of problems at the top of a page of a preview that shows the catalogue as it
    last was valid.

    Args:
        problems: The catalogue's problems, errors, warnings and notes (sorted, as a
            :class:`~credcat.errors.CatalogueError` holds them): each kind under its own
            heading.
        catalogue: The catalogue folder as the maintainer names it, e.g. ``catalogue/``.
        lang: The page language (credcat's words follow it where its interface speaks it).
        page_file: The YAML file the page is made from, as problems name it
            (``catalogue/credentials/x.yaml``), or "": where it has errors, the panel says
            so first and lists them first.

    Returns:
        A ``<section>``, a landmark named by its heading, which with the (script-shown) toggle
        button heads it; the rest is in ``<id>-body``, which the button folds.
    """
    words = interface_language(lang)
    ui = ui_tree(words)["serve_problems"]
    errors, warnings, notes = _kinds(problems)
    own = [p for p in errors if page_file and p.path == page_file]
    errors = own + [p for p in errors if p not in own]
    shown_errors = errors[:PANEL_LISTED]
    shown_warnings = warnings[: PANEL_LISTED - len(shown_errors)]
    shown_notes = notes[: PANEL_LISTED - len(shown_errors) - len(shown_warnings)]
    shown = len(shown_errors) + len(shown_warnings) + len(shown_notes)
    left = len(problems) - shown
    title_id = f"{PANEL_ID}-title"
    hide, show = _html(str(ui["hide"])), _html(str(ui["show"]))
    body = [
        f'<section class="credcat-problems" id="{PANEL_ID}" aria-labelledby="{title_id}"'
        f' lang="{_html(words)}" data-credcat-problems="{problems_key(problems)}">',
        '<div class="credcat-problems__head">',
        f'<h2 id="{title_id}">{_html(_title(len(errors), catalogue, words))}</h2>',
        f'<button type="button" class="credcat-problems__toggle" aria-controls="{PANEL_ID}-body"'
        f' aria-expanded="true" data-hide="{hide}" data-show="{show}" hidden>{hide}</button>',
        "</div>",
        f'<div class="credcat-problems__body" id="{PANEL_ID}-body">',
    ]
    if own:
        before, _, after = str(ui["this_page"]).partition("{file}")
        text = f"{_html(before)}<code>{_html(page_file)}</code>{_html(after)}"
        body.append(f'<p class="credcat-problems__this">{text}</p>')
    body.append(f"<p>{_html(str(ui['stale']))}</p>")
    body += _list("errors", shown_errors, words)
    for kind, shown_kind in (("warnings", shown_warnings), ("notes", shown_notes)):
        if shown_kind:
            body += [f"<h3>{_html(str(ui[kind]))}</h3>", *_list(kind, shown_kind, words)]
    if left:
        body.append(f"<p>{_html(plural(ui['more'], left, words))}</p>")
    body += ["</div>", f"<script>{PANEL_SCRIPT}</script>", "</section>"]
    return "\n".join(body)


def with_panel(page: str, panel: str) -> str:
    """A rendered page with ``panel`` first in its body (before the theme's header, as
    Material's announcement bar), or first of all where it has no ``<body>`` tag."""
    match = _BODY_RE.search(page)
    at = match.end() if match else 0
    return f"{page[:at]}\n{panel}\n{page[at:]}"


def problems_page(
    problems: Sequence[Problem], catalogue: str = "catalogue/", lang: str = SOURCE_LANGUAGE
) -> str:
    """A page of its own listing every problem, shown instead of every page while there is no
    valid catalogue to show.

    Args:
        problems: The catalogue's problems, errors, warnings and notes (each kind under its
            own heading).
        catalogue: The catalogue folder as the maintainer names it, e.g. ``catalogue/``.
        lang: The language of credcat's words around the problems.

    Returns:
        A complete HTML document (MkDocs' live reload adds its script before ``</body>``).
    """
    words = interface_language(lang)
    ui = ui_tree(words)["serve_problems"]
    errors, warnings, notes = _kinds(problems)
    head = _title(len(errors), catalogue, words)
    body = [
        f"<h1>{_html(head)}</h1>",
        f"<p>{_html(str(ui['nothing_else']))}</p>",
        *_list("errors", errors, words),
    ]
    for kind, listed in (("warnings", warnings), ("notes", notes)):
        if listed:
            body += [f"<h2>{_html(str(ui[kind]))}</h2>", *_list(kind, listed, words)]
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{_html(words)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_html('credcat: ' + head)}</title>",
            f"<style>{PAGE_STYLE}</style>",
            "</head>",
            f'<body><main id="{PAGE_ID}">',
            *body,
            "</main></body>",
            "</html>",
            "",
        ]
    )
