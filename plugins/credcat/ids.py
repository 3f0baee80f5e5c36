"""Identifiers: what a credcat id is, and the one way to make one from a name or title.

An id is a lowercase slug (``data-literacy``): a file name, a URL segment and a part of every
IRI, so it never holds anything a path, a URL or Windows could read differently. This module
owns the pattern, the length limit and :func:`slugify`, which the loader (suggesting a name for
a misnamed file), the model (suggesting a fix for a bad id) and the importer (naming new files)
share, so that one title always gives one id; and how an organisation is known again by its
name or homepage (:func:`norm_name`, :func:`norm_url`: the importer reusing one, the rules
finding one organisation in two files).
"""

from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A valid id: lowercase ASCII letters and digits in words joined by single hyphens."""

MAX_ID_LENGTH = 64
"""The longest id: it must fit comfortably in a file name and a URL segment."""

WINDOWS_RESERVED_RE = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$")
"""Names Windows reserves for devices: a folder of that name could not be copied there."""

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l"}
)


def slugify(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """The id a name or title gives: ``Straße & Brücke`` → ``strasse-bruecke``.

    Letters with diacritics lose them (German umlauts and ß are spelt out, as Germans do when
    writing without them), everything else becomes a hyphen, and an id longer than ``limit`` is
    cut at a word boundary where there is one. The result may be empty (a title in a script
    without Latin letters): callers choose a fallback then.
    """
    lowered = text.lower().translate(_TRANSLITERATION)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut and slug[limit] != "-" else cut
        slug = slug.strip("-")
    return slug


def is_id(value: str) -> bool:
    """True when ``value`` is a valid id (pattern, length, not a Windows device name)."""
    return (
        len(value) <= MAX_ID_LENGTH
        and SLUG_RE.fullmatch(value) is not None
        and not WINDOWS_RESERVED_RE.fullmatch(value)
    )


def norm_name(text: str) -> str:
    """An organisation's name as compared with another's: case and spacing aside."""
    return " ".join(text.casefold().split())


def norm_url(url: str) -> str:
    """A homepage as compared with another's: without scheme, ``www.`` and the last slash."""
    text = url.strip().lower()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text)
    return text.rstrip("/")
