"""The limits on untrusted catalogue text: length, refused code points, link brackets, nesting
(of YAML, and of Markdown's lists and quotes), plural forms of a translation.

Catalogue files arrive by pull request from many contributors, so every text is untrusted. The
loader applies :func:`text_problem` to every text value once; the Markdown renderer applies
:func:`markdown_is_bounded` again before rendering (defence in depth for texts that did not come
through the loader); a catalogue's own translations of the interface (``locales/<lang>.po``)
pass :func:`plain_text_problem` and :data:`MAX_PLURAL_FORMS`. Together with the renderer's
configuration (``render/safe.py``) these limits keep the work per input byte bounded: rendering
a text that passes costs time linear in its length.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TEXT_CHARS = 10_000
"""Longest single text value (characters); the sample's longest text has about 1,200."""

MAX_LINK_BRACKETS = 100
"""Most ``[`` characters in one text. Python-Markdown scans from every ``[`` for its link, so
the work per text grows with their number; 100 allows dozens of links."""

MAX_PLURAL_FORMS = 10
"""Most plural forms a ``.po`` file's ``Plural-Forms`` may give (``nplurals``). CLDR gives a
language at most six (Arabic, Welsh); gettext's tools (Babel) make a list of that many texts
for every counted message, so ``nplurals=1000000000`` in one header line would stop a build."""

MAX_DEPTH = 32
"""Deepest nesting of lists and mappings in a file; credcat's own files need about six."""

MAX_MARKDOWN_DEPTH = 32
"""Deepest nesting of lists and quotes in a Markdown text. Python-Markdown parses a nested
block by recursion: ``* * * … x`` (a list in a list on one line, 500 deep) exhausted Python's
stack, so a text that passed ``check`` stopped every build."""

_BLOCK_MARKER = re.compile(r"(?:[*+-]|[0-9]{1,9}[.)])(?:[ \t]+|$)|>[ \t]*")
"""A list marker (followed by a blank or the line's end) or a quote marker (``>>>`` nests
three quotes)."""

REFUSED_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
"""Code points no text may contain:

* C0 and C1 control characters and DEL, except tab and line feed (terminal escapes, NUL, BEL;
  a carriage return arrives only through an escape sequence);
* the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which
  make a text display in another order than it is stored ("Trojan Source");
* invisible characters with no use in running text: zero-width space U+200B, word joiner and
  invisible operators U+2060–U+2064 (and the deprecated format characters up to U+206F), the
  byte order mark U+FEFF inside a text, the interlinear annotation marks U+FFF9–U+FFFB;
* the line and paragraph separators U+2028 and U+2029, which end lines in some programs only.

Kept: tab and line feed, zero-width non-joiner and joiner U+200C/U+200D (needed in Persian,
Indic scripts and emoji), the direction marks U+200E/U+200F and U+061C (needed around
numbers and punctuation in right-to-left texts), the soft hyphen U+00AD.
"""


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name:
        name = {
            "\x00": "NUL",
            "\x07": "BEL",
            "\x08": "BACKSPACE",
            "\x0d": "CARRIAGE RETURN",
            "\x1b": "ESC",
            "\x7f": "DEL",
        }.get(char, "control character")
    return f"U+{ord(char):04X} ({name})"


def text_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with one text value, as ``(message, hint)``, or ``None`` when it is fine.

    Args:
        text: A text value from a catalogue file.

    Returns:
        The first problem found: too long, a refused code point, too many ``[``.
    """
    plain = plain_text_problem(text)
    if plain is not None:
        return plain
    brackets = text.count("[")
    if brackets > MAX_LINK_BRACKETS:
        return (
            f"the text contains {brackets} '[' characters; the limit is {MAX_LINK_BRACKETS}",
            "Markdown reads '[' as the start of a link; split the text or write fewer brackets",
        )
    depth = markdown_depth(text)
    if depth > MAX_MARKDOWN_DEPTH:
        return (
            f"the text nests lists or quotes {depth} deep; the limit is {MAX_MARKDOWN_DEPTH}",
            "Markdown reads '* ', '- ', '1. ' and '> ' at the start of a line as a list or a "
            "quote, and each one after another as one more level: write fewer of them",
        )
    return None


def plain_text_problem(text: str) -> tuple[str, str] | None:
    """What is wrong with a text that is never read as Markdown (a translation of credcat's
    interface, ``locales/<lang>.po``), as ``(message, hint)``: too long, or a refused code
    point; ``None`` when it is fine."""
    if len(text) > MAX_TEXT_CHARS:
        return (
            f"the text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
            "shorten it, or link to a page with the details",
        )
    refused = REFUSED_CHARS.search(text)
    if refused is not None:
        char = refused.group(0)
        return (
            f"the text contains the invisible character {_describe(char)} "
            f"at character {refused.start() + 1}",
            "delete it (retype the text around it if you cannot see it); control, "
            "zero-width and bidirectional-override characters are not allowed",
        )
    return None


def markdown_depth(text: str) -> int:
    """How deep a Markdown text nests its blocks, at most: per line, the list and quote
    markers that start it, one after the other, and, before a marker, its indentation (four
    spaces or a tab a level: a list in a list; indented text alone is a code block, no
    nesting). Linear in the text's length."""
    deepest = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        markers = 0
        position = 0
        while (
            marker := _BLOCK_MARKER.match(stripped, position)
        ) is not None and marker.end() > position:
            markers += 1
            position = marker.end()
        if markers:
            deepest = max(deepest, markers + indent.count(" ") // 4 + indent.count("\t"))
    return deepest


def markdown_is_bounded(text: str) -> bool:
    """Whether rendering ``text`` as Markdown is known to take time linear in its length and
    a stack of bounded depth."""
    return (
        len(text) <= MAX_TEXT_CHARS
        and text.count("[") <= MAX_LINK_BRACKETS
        and markdown_depth(text) <= MAX_MARKDOWN_DEPTH
    )
