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

import bisect
import json
import re
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

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
    "UnsafeSvgError",
    "UnusableLogoError",
    "html_text",
    "image_format",
    "json_for_script",
    "link_targets",
    "markdown_safe",
    "printable",
    "publishable_logo",
    "safe_url",
    "sanitise_svg",
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


_TICKS = re.compile("`+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class _LinkReader(_BoundedLinks):
    """The pages' reading of a link target (:class:`_BoundedLinks`), on a text as written:
    nothing of it is stashed away, so there is nothing to unescape."""

    def unescape(self, text: str) -> str:
        return text


_LINKS = _LinkReader(LINK_RE)
_LINK_START = re.compile(LINK_RE)


def link_targets(text: str) -> list[tuple[int, str]]:
    """The target of every inline link of a Markdown text, read as its pages read it, in
    order, with where it starts in ``text``: Python-Markdown's link pattern, from each ``[``
    (not ``![``, not in a code span) to its ``]`` and the ``(…)`` right after it (parentheses
    in the target balanced, ``<…>`` and a title allowed); the text of a link holds no other
    link. Empty targets and links that are not closed (shown as written) are left out. The
    work is bounded as the pages' is (:class:`_BoundedLinks`; a text has at most
    :data:`credcat.limits.MAX_LINK_BRACKETS` brackets).

    Args:
        text: A Markdown text.

    Returns:
        ``(offset, target)`` per link.
    """
    if "](" not in text:
        return []
    scanned = _without_code(text)
    found: list[tuple[int, str]] = []
    position = 0
    while (start := _LINK_START.search(scanned, position)) is not None:
        position = start.end()
        _words, after, closed = _LINKS.getText(scanned, start.end())
        if not closed:
            continue
        target, _title, end, handled = _LINKS.getLink(scanned, after)
        if not handled:
            continue
        # the text of a link holds no other link; Python-Markdown's link pattern can give
        # the end -1 (a title that is never closed): then the rest of the text is
        # taken up by that link
        position = end if end > after else len(scanned)
        if target:
            at = _after_space(scanned, after + 1)
            if scanned.startswith("<", at) and not target.startswith("<"):
                at = _after_space(scanned, at + 1)  # <target>
            found.append((at, target))
    return found


def _without_code(text: str) -> str:
    """``text`` with each code span blanked out, every offset kept (:func:`_code_spans`)."""
    if "`" not in text:
        return text
    pieces: list[str] = []
    done = 0
    begin = 0
    for end in [*(m.start() for m in _PARAGRAPH_BREAK.finditer(text)), len(text)]:
        for start, stop in _code_spans(text, begin, end):
            pieces += [text[done:start], " " * (stop - start)]
            done = stop
        begin = end
    return "".join([*pieces, text[done:]])


def _code_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Where the code spans of one paragraph, ``text[begin:end]``, start and end, as
    Python-Markdown finds them: from a backtick (not escaped by a backslash) and the
    backticks right after it to the next run of as many; without one, to the first of the
    longest later runs if it is shorter; else the backticks are text, and so is what
    follows them for as many characters again. In time near linear in the text: a regular
    expression with a lazy ``.+?`` took half a minute on 10,000 characters of backtick
    runs."""
    runs = [(run.start(), run.end()) for run in _TICKS.finditer(text, begin, end)]
    starts = [start for start, _ in runs]
    by_length: dict[int, list[int]] = {}
    for index, (start, stop) in enumerate(runs):
        by_length.setdefault(stop - start, []).append(index)
    longest_from: list[tuple[int, int]] = [(0, 0)] * (len(runs) + 1)  # length, first so long
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        later = longest_from[index + 1]
        longest_from[index] = (length, index) if length >= later[0] else later
    spans: list[tuple[int, int]] = []
    position = begin
    while (tick := text.find("`", position, end)) >= 0:
        escaped = tick
        while escaped > begin and text[escaped - 1] == "\\":
            escaped -= 1
        if (tick - escaped) % 2:  # after an odd number of backslashes: escaped
            position = tick + 1
            continue
        run = bisect.bisect_right(starts, tick) - 1  # the run the backtick is in
        ticks = runs[run][1] - tick
        after = run + 1
        same = by_length.get(ticks, [])
        closing = bisect.bisect_left(same, after)
        longest, first = longest_from[after]
        if closing < len(same):
            stop = runs[same[closing]][1]
        elif 0 < longest < ticks:
            stop = runs[first][1]
        else:
            position = tick + 2 * ticks  # as Python-Markdown skips them
            continue
        spans.append((tick, stop))
        position = stop
    return spans


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


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
        return _paragraphs(text)
    md = _markdown()
    md.reset()
    try:
        html = md.convert(text)
    except RecursionError:  # a nesting no limit foresaw: the text, never a failed build
        return _paragraphs(text)
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


def _paragraphs(text: str) -> Markup:
    """``text`` as escaped plain paragraphs (no Markdown read)."""
    paragraphs = (escape(part.strip()) for part in text.split("\n\n") if part.strip())
    return Markup("\n").join(Markup("<p>{}</p>").format(p) for p in paragraphs)


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


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

SVG_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
        "clipPath", "mask", "use", "symbol",
    }
)  # fmt: skip
"""The SVG elements a logo may use: shapes, text, groups, gradients, clips; no ``script``,
``foreignObject``, ``image``, ``a``, ``style``, ``animate`` or ``set``."""

SVG_ATTRIBUTES = frozenset(
    {
        "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx",
        "cy", "r", "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule", "stroke",
        "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "transform",
        "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "fx", "fy",
        "spreadMethod", "clip-path", "clip-rule", "mask", "clipPathUnits", "maskUnits",
        "preserveAspectRatio", "font-family", "font-size", "font-weight", "font-style",
        "text-anchor", "dominant-baseline", "letter-spacing", "role", "aria-label",
        "aria-hidden", "version", "xml:space", "href",
    }
)  # fmt: skip
"""The attributes a logo's elements may carry: geometry and paint, no event handlers, no
``style`` (it can load URLs)."""

_SVG_URL = re.compile(r"url\s*\(", re.IGNORECASE)
_SVG_LOCAL_URL = re.compile(r"^\s*url\(\s*#[A-Za-z0-9_.:-]+\s*\)\s*$")


class UnusableLogoError(ValueError):
    """A logo file that cannot be published: not the image its name says, or an SVG that
    cannot be made safe.

    Attributes:
        reason: What is wrong, to follow the file's name ("is not a PNG image: …").
        hint: How to mend it.
    """

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


class UnsafeSvgError(UnusableLogoError):
    """An SVG logo that is not well-formed XML, declares a DOCTYPE or is not an ``<svg>``."""


_NO_DECLARATIONS = UnsafeSvgError(
    "declares a DOCTYPE or entities, which an SVG logo must not (an entity can make a small "
    "file grow without end)",
    "remove the <!DOCTYPE …> declaration (a plain SVG export has none)",
)


def _refuse_declarations(data: bytes) -> None:
    """Refuse a DOCTYPE or an entity declaration, as the XML parser reads the file, in
    whatever encoding it declares (a UTF-16 file never holds the bytes ``<!ENTITY``).

    Raises:
        UnsafeSvgError: When the file declares either, or is not well-formed XML (saying
            where, and which element is left open).
    """

    def refuse(*_args: object) -> None:
        raise UnsafeSvgError(_NO_DECLARATIONS.reason, _NO_DECLARATIONS.hint)

    opened: list[str] = []  # the elements open where the parser stops

    def start(name: str, _attributes: object) -> None:
        opened.append(name)

    def end(_name: str) -> None:
        opened.pop()

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise _not_well_formed(exc, opened, data) from None


def _not_well_formed(exc: expat.ExpatError, opened: list[str], data: bytes) -> UnsafeSvgError:
    """What the XML parser found, in a maintainer's words: where, and what to write."""
    where = f"line {exc.lineno}, column {exc.offset + 1}"
    again = "export the logo again from the drawing program"
    if not data.strip():
        return UnsafeSvgError("is not a well-formed SVG: the file is empty", again)
    name = opened[-1] if opened else ""
    if exc.code == expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS] and name:
        closing = "".join(f"</{n}>" for n in reversed(opened))
        return UnsafeSvgError(
            f"is not a well-formed SVG: the file ends before <{name}> is closed ({where})",
            f"add {closing} at its end, or {again}",
        )
    if exc.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH] and name:
        return UnsafeSvgError(
            f"is not a well-formed SVG: the closing tag at {where} does not close <{name}>, "
            "the element open there",
            f"close each element in the order they were opened, or {again}",
        )
    return UnsafeSvgError(
        f"is not a well-formed SVG: {expat.errors.messages[exc.code]} ({where})", again
    )


def sanitise_svg(data: bytes) -> bytes:
    """An SVG file reduced to an allow-list of elements and attributes.

    Logos are served from the site's own origin, where a visitor may open them directly, so
    an SVG with a script would run it there. Everything outside :data:`SVG_ELEMENTS` and
    :data:`SVG_ATTRIBUTES` is dropped (with its content), links (``href``) must point inside
    the file (``#id``) and paint may reference only ``url(#id)``. No DOCTYPE is accepted (no
    entities), and the result is written anew, deterministically, in UTF-8.

    Raises:
        UnsafeSvgError: When the file is not well-formed XML, declares a DOCTYPE or entities,
            or its root is not an SVG ``<svg>``.
    """

    _refuse_declarations(data)
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - no DOCTYPE, so no entities
    except ElementTree.ParseError as exc:
        raise UnsafeSvgError(f"is not a well-formed SVG: {exc}") from None
    if root.tag == "svg":
        raise UnsafeSvgError(
            f'is not an SVG image: its <svg> element has no xmlns="{SVG_NS}", so browsers do '
            "not show it as a picture",
            f'write <svg xmlns="{SVG_NS}" …>',
        )
    if root.tag != f"{{{SVG_NS}}}svg":
        shown = str(root.tag).rpartition("}")[2]
        raise UnsafeSvgError(
            f"is not an SVG image: its outermost element is <{shown}>, not <svg>",
            "export the logo again as SVG from the drawing program",
        )
    out: list[str] = []
    stack: list[tuple[ElementTree.Element, bool]] = [(root, False)]
    first = True
    while stack:
        element, closing = stack.pop()
        name = element.tag.removeprefix(f"{{{SVG_NS}}}") if isinstance(element.tag, str) else ""
        if closing:
            out.append(f"</{name}>")
            if element.tail and element.tail.strip():
                out.append(str(escape(element.tail)))
            continue
        if name not in SVG_ELEMENTS:
            if element.tail and element.tail.strip():
                out.append(str(escape(element.tail)))
            continue
        attributes = [' xmlns="http://www.w3.org/2000/svg"'] if first else []
        first = False
        for key, value in sorted(element.attrib.items()):
            attr = key.removeprefix(f"{{{XLINK_NS}}}").removeprefix(
                "{http://www.w3.org/XML/1998/namespace}"
            )
            if key.startswith("{http://www.w3.org/XML/1998/namespace}"):
                attr = "xml:" + attr
            if attr not in SVG_ATTRIBUTES or (key.startswith("{") and attr == key):
                continue
            if attr == "href" and not value.startswith("#"):
                continue
            if _SVG_URL.search(value) and not _SVG_LOCAL_URL.match(value):
                continue
            attributes.append(f' {attr}="{escape(value)}"')
        out.append(f"<{name}{''.join(attributes)}>")
        if element.text and element.text.strip():
            out.append(str(escape(element.text)))
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))
    return ("".join(out) + "\n").encode("utf-8")


IMAGE_SUFFIXES: dict[str, str] = {"SVG": "svg", "PNG": "png", "JPEG": "jpg", "WebP": "webp"}
"""The image formats a logo may be in, each with the file name ending it is given here (a
JPEG may end in ``.jpeg`` too)."""

_FORMAT_OF_SUFFIX = {suffix: name for name, suffix in IMAGE_SUFFIXES.items()} | {"jpeg": "JPEG"}


def image_format(data: bytes) -> str | None:
    """The image format a file's first bytes show: ``PNG``, ``JPEG``, ``WebP`` or ``GIF`` by
    their signatures, ``SVG`` for XML text that opens an ``<svg>``; ``None`` for anything else
    (a text file, a web page saved under an image's name, an empty file)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith((b"<?xml", b"<!--")) and b"<svg" in head):
        return "SVG"
    return None


def _first_bytes(data: bytes) -> str:
    """A file's first bytes as a maintainer can recognise them: as text where they are text
    (``'<!DOCTYPE html>'``), else in hexadecimal."""
    head = data[:16]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and all(c.isprintable() or c in "\t\r\n" for c in text):
        return f"'{printable(text)}'" + ("…" if len(data) > len(head) else "")
    return " ".join(f"{b:02x}" for b in head[:8]) + (" …" if len(data) > 8 else "")


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "AEIOS" else f"a {word}"  # an SVG, a PNG


def publishable_logo(name: str, data: bytes) -> bytes:
    """A logo's bytes as the site publishes them: an SVG reduced to the allow-list
    (:func:`sanitise_svg`), a PNG, JPEG or WebP as it is, once its first bytes show that it
    is the image its name says (a browser shows nothing for a text file named ``.png``).

    Args:
        name: The logo's path as written (``logos/uni.svg``): its ending says the format.
        data: The file's bytes.

    Raises:
        UnusableLogoError: When the file is not the image its name says, or is an SVG that
            cannot be made safe (:class:`UnsafeSvgError`); its ``reason`` says why, to follow
            the file's name, and its ``hint`` how to mend it.
    """
    stem, _, suffix = name.rpartition(".")
    wanted = _FORMAT_OF_SUFFIX.get(suffix.lower())
    if wanted is None:
        raise UnusableLogoError(
            "is not a PNG, SVG, JPEG or WebP image",
            "save the logo in one of those formats and name the file for it",
        )
    found = image_format(data)
    if found == wanted:
        return sanitise_svg(data) if wanted == "SVG" else data
    if not data:
        raise UnusableLogoError(
            "is an empty file", f"save the logo again as {wanted}, or copy the file again"
        )
    if found is not None:
        ending = IMAGE_SUFFIXES.get(found)
        reason = f"is not {_a(wanted)} image: its first bytes are those of {_a(found)} image"
        if ending is None:
            raise UnusableLogoError(reason, f"save the logo as {wanted}")
        renamed = f"{stem}.{ending}"
        raise UnusableLogoError(reason, f"rename the file to {renamed} and write logo: {renamed}")
    if wanted == "SVG":  # not an image credcat knows: what the XML parser says of it
        return sanitise_svg(data)
    raise UnusableLogoError(
        f"is not {_a(wanted)} image: its first bytes are {_first_bytes(data)}",
        f"save the logo again as {wanted}",
    )
