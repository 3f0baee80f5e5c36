"""Escaping helpers: the only ways catalogue text may enter HTML, ``<script>`` JSON and links.

Texts from the YAML files are untrusted: anyone who can open a pull request writes them. Every
text reaches a page through one of three doors:

* plain text → Jinja with autoescape on (the templates under ``credcat/theme/credcat/``);
* descriptions → :func:`markdown_safe`: a small Markdown subset (emphasis, lists, links, inline
  code), raw HTML escaped by Python-Markdown and the result cleaned by nh3 with an allow-list;
* JSON inside ``<script>`` → :func:`json_for_script`;

and every link written by a maintainer passes :func:`safe_url` (only ``http``, ``https`` and
``mailto`` survive). SVG text is escaped with :func:`xml_text`. Text echoed to a terminal, a log
or a YAML comment passes :func:`printable`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import markdown
import nh3
from markdown.inlinepatterns import (
    LINK_RE,
    REFERENCE_RE,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markupsafe import Markup, escape

from ..errors import printable
from ..limits import markdown_is_bounded

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_SCHEMES",
    "ALLOWED_TAGS",
    "html_text",
    "json_for_script",
    "markdown_safe",
    "printable",
    "safe_url",
    "xml_text",
]

ALLOWED_TAGS: frozenset[str] = frozenset({"p", "em", "strong", "ul", "ol", "li", "a", "br", "code"})
"""Tags a description may produce; every other tag is removed (its text is kept)."""

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href"}, "*": set()}
"""Attributes kept per tag (nh3 adds ``rel``); ``"*"`` empty: no generic ``title``/``lang``."""

ALLOWED_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
"""URL schemes a maintainer's link may use."""

LINK_REL = "noopener nofollow"

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""Zero-width and bidirectional-control characters: they make a link read as another one."""

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_RE = re.compile("[<>&\u2028\u2029]")


def safe_url(url: str | None) -> str:
    """Return ``url`` when it is an absolute http(s) or mailto address, else ``"#"``.

    Whitespace and control characters anywhere (``java\\tscript:``), zero-width and
    bidirectional-control characters (a link that reads as another one), backslashes (browsers
    read ``https://a.example\\@b.example`` as host ``a.example``, most URL libraries as
    ``b.example``), a user name before the host (``https://bank.example@evil.example/``), relative
    addresses, protocol-relative ``//host`` addresses and every other scheme (``javascript:``,
    ``data:``, ``vbscript:``, ``file:`` …) give ``"#"``.

    Args:
        url: An address written by a maintainer.

    Returns:
        The address unchanged, or ``"#"``.
    """
    if not url:
        return "#"
    text = url.strip()
    if _CONTROL_RE.search(text) or _INVISIBLE_RE.search(text) or "\\" in text:
        return "#"
    match = _SCHEME_RE.match(text)
    if match is None:
        return "#"
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return "#"
    rest = text[match.end() :]
    if scheme in {"http", "https"}:
        if not rest.startswith("//") or len(rest) <= 2 or rest[2] in "/?#":
            return "#"
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
        if "@" in authority:
            return "#"
    elif not rest or "@" not in rest:
        return "#"
    return text


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        checked = safe_url(value)
        return None if checked == "#" else checked
    return value


MAX_LINK_DESTINATION = 500
"""Longest link destination (the ``(…)`` after ``[text]``, with its title) searched for, in
characters; a longer one is not a link (the text stays as written)."""


class _BoundedLinks(LinkInlineProcessor):
    """Python-Markdown's link scanning with bounded work.

    Python-Markdown looks for the ``]`` of every ``[`` character by character, and for the ``)``
    of every ``](`` to the end of the text: 12,000 ``[`` took 40 s. Here the ``]`` is found by
    jumping from bracket to bracket with ``str.find`` (the same result; the Python steps grow
    with the number of brackets, which :data:`credcat.limits.MAX_LINK_BRACKETS` bounds), and the
    ``)`` is searched for within :data:`MAX_LINK_DESTINATION` characters only.
    """

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        depth = 1
        pos = index
        close = -1
        while True:
            if close < pos:
                close = data.find("]", pos)
                if close < 0:
                    return data[index:], len(data), False
            opening = data.find("[", pos, close)
            if opening >= 0:
                depth += 1
                pos = opening + 1
                continue
            depth -= 1
            pos = close + 1
            if depth == 0:
                return data[index:close], pos, True

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        # a link ends at a ')': nothing after the window's last one can change the result
        end = data.rfind(")", index, index + MAX_LINK_DESTINATION) + 1
        if end == 0:
            return "", None, index, False
        return super().getLink(data[:end], index)


class _BoundedReference(_BoundedLinks, ReferenceInlineProcessor):
    """``[text][id]`` with :class:`_BoundedLinks`' bracket search."""


class _BoundedShortReference(_BoundedLinks, ShortReferenceInlineProcessor):
    """``[id]`` with :class:`_BoundedLinks`' bracket search."""


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Bounded work per character: see _BoundedLinks.
    md.inlinePatterns.register(_BoundedReference(REFERENCE_RE, md), "reference", 170)
    md.inlinePatterns.register(_BoundedLinks(LINK_RE, md), "link", 160)
    md.inlinePatterns.register(_BoundedShortReference(REFERENCE_RE, md), "short_reference", 130)
    # Raw HTML is never passed through: without these, Python-Markdown escapes it as text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # No images: the allow-list would drop them silently; ``![alt](url)`` shows as a link.
    for name in ("image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(name)
    return md


@lru_cache(maxsize=4096)
def markdown_safe(text: str | None) -> Markup:
    """Render a description written in the safe Markdown subset to clean HTML.

    Python-Markdown runs with raw HTML disabled (HTML in the text is shown as text); nh3 then
    keeps only :data:`ALLOWED_TAGS`, ``href`` on links (http, https, mailto only) and adds
    ``rel="noopener nofollow"``.

    Args:
        text: The Markdown text, or ``None``.

    Returns:
        Sanitised HTML, safe to insert into a page as is. Memoised (a bounded cache): a
        credential's texts appear on its current page and its version page in every language.
    """
    if not text:
        return Markup("")
    if not markdown_is_bounded(text):
        # Only texts that bypassed the loader's limits get here: shown as plain paragraphs.
        paragraphs = (escape(part.strip()) for part in text.split("\n\n") if part.strip())
        return Markup("\n").join(Markup("<p>{}</p>").format(p) for p in paragraphs)
    md = _markdown()
    md.reset()
    html = md.convert(text)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        attribute_filter=_filter_attribute,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return Markup(cleaned.strip())  # noqa: S704 - nh3 output is the sanitised allow-list


def json_for_script(value: Any) -> Markup:
    """Serialise ``value`` as JSON that is safe inside ``<script>`` (and deterministic).

    ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes, so ``</script>``,
    ``<!--`` and line separators in texts can neither end the element nor the string.

    Args:
        value: Anything ``json.dumps`` accepts.

    Returns:
        The JSON text, marked safe for Jinja.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(_SCRIPT_RE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text))  # noqa: S704


def html_text(text: str) -> Markup:
    """Escape plain text for HTML (``&``, ``<``, ``>``, quotes); for values MkDocs and Material
    insert into pages without escaping (page titles, ``site_name``)."""
    return escape(text)


def xml_text(text: str) -> str:
    """Escape text for an SVG (XML) text node or a double-quoted attribute."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )
