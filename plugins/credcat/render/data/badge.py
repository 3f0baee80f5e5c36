"""``badge.svg``: the generated badge image of a credential version, one per language edition.

The Open Badges 3.0 achievement (:mod:`.ob3`) names this image as its ``image``; badge wallets
show it. It is generated at build time from the credential alone, so it is deterministic (no
clock, no random numbers, no fonts embedded, no external references) and changes only when the
credential does:

* a rounded shield in a colour derived from the credential's id (its SHA-256 picks one of
  :data:`PALETTE`, colours on which white text has a contrast ratio of at least 4.5:1);
* the kicker "Micro-credential", the title (wrapped, at most :data:`MAX_LINES` lines, cut with
  "…"), the EQF level and credits, and the awarding body's short name, in the edition's
  language: the level and the credits in credcat's words as the achievement's tags say them
  (:func:`.ob3._tags`: "niveau CEC 6 · 2,5 ECTS", the number as the language writes it), in a
  font size small enough for the line to fit inside the shield (:func:`_facts_size`);
* ``role="img"``, ``<title>`` (the credential's title) and ``<desc>`` (the same caption as the
  achievement's ``image.caption``), the accessible name and description of the image, and
  ``lang`` on the root element.

Every text from the YAML is escaped for XML (:func:`xml_text`): a title such as
``<script>`` is shown as text, never parsed as markup.
"""

from __future__ import annotations

import hashlib
import textwrap

from ...catalogue import Catalogue
from ...model import Credential
from ..language import PHRASE_FALLBACK, PHRASE_LANGUAGES, localise, number_text, phrase
from ..safe import xml_text as _escape

__all__ = ["MAX_LINES", "PALETTE", "badge_caption", "badge_svg", "credits_text", "xml_text"]

PALETTE = ("#1f4e79", "#4a235a", "#145a32", "#7b241c", "#1b4f72", "#6e2c00", "#283747")
"""Background colours (each with contrast ≥ 7:1 against white text)."""

MAX_LINES = 4
"""Lines of the title at most; a longer title ends with "…"."""
LINE_WIDTH = 20
"""Characters per title line (the font size keeps them inside the shield)."""


def xml_text(text: str) -> str:
    """Text escaped for an XML element or attribute, without the control characters XML 1.0
    forbids."""
    return _escape("".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20))


def _title_lines(title: str) -> list[str]:
    lines = textwrap.wrap(" ".join(title.split()), LINE_WIDTH, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        last = lines[-1][: LINE_WIDTH - 1].rstrip()
        lines[-1] = last + "…"
    return lines


def _awarding_name(catalogue: Catalogue, credential: Credential, lang: str) -> str:
    default = catalogue.languages
    org = catalogue.organisations[credential.awarding_body[0]]
    return localise(org.short_name or org.name, lang, default)


def badge_caption(catalogue: Catalogue, credential: Credential, lang: str) -> str:
    """The caption (alternative text) of the badge image in one language."""
    default = catalogue.languages
    return phrase(
        "badge.caption",
        lang,
        title=localise(credential.title, lang, default),
        awarding=_awarding_name(catalogue, credential, lang),
        eqf=credential.eqf,
    )


def credits_text(credential: Credential, lang: str) -> str | None:
    """The credits in ``lang`` as the badge and its achievement's tags say them, the number as
    the language writes it: ``2,5 ECTS`` in French; ``None`` without credits."""
    load = credential.workload
    if load.ects is None:
        return None
    return f"{number_text(load.ects, lang)} {load.credit_system.upper()}"


def _facts(credential: Credential, lang: str) -> str:
    """The EQF level and the credits in the edition's language, as the achievement's tags
    say them (``phrase("eqf.level")``, :func:`credits_text`)."""
    facts = [phrase("eqf.level", lang, eqf=credential.eqf), credits_text(credential, lang)]
    return " · ".join(fact for fact in facts if fact)


FACTS_SIZE = 22
"""Font size of the facts line where it fits (:func:`_facts_size`)."""
CHAR_WIDTH = 0.6
"""A generous estimate of the width of a character of Arial, in ems (most are narrower)."""
MARGIN = 12
"""Space kept between a line of text and each side of the shield (its stroke included)."""


def _shield_width(y: float) -> float:
    """The shield's width at the height ``y``: 336 down to ``y`` = 200 (its straight sides),
    lower its sides curve in (the cubic Bézier of the path, read at 201 points; the first
    point at or below ``y``, so never wider than the shield there)."""
    if y <= 200:
        return 336.0
    x0, x1, x2, x3 = 368, 368, 290, 200
    y0, y1, y2, y3 = 200, 300, 360, 388
    right = float(x3)
    for i in range(201):
        t = i / 200
        u = 1 - t
        if u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3 >= y:
            right = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
            break
    return 2 * (right - 200)


def _facts_size(text: str, y: float) -> int:
    """The font size of the facts line at the height ``y``: :data:`FACTS_SIZE`, smaller where
    the line in the edition's words would otherwise reach beyond the shield."""
    room = _shield_width(y) - 2 * MARGIN
    return max(12, min(FACTS_SIZE, int(room / (CHAR_WIDTH * max(len(text), 1)))))


def badge_svg(catalogue: Catalogue, credential: Credential, lang: str) -> bytes:
    """The badge image of a credential version in one language, as SVG bytes."""
    default = catalogue.languages
    title = localise(credential.title, lang, default)
    digest = hashlib.sha256(credential.id.encode("utf-8")).digest()
    colour = PALETTE[digest[0] % len(PALETTE)]
    lines = _title_lines(title)
    size = 30 if len(lines) <= 2 else 26
    first = 200 - (len(lines) - 1) * (size + 6) / 2
    tspans = "".join(
        f'<tspan x="200" y="{first + i * (size + 6):g}">{xml_text(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    # credcat's own words (the kicker, the description, the facts) where it has none in ``lang`` are
    # English, and say so inside the image's language (WCAG 2.1, 3.1.2)
    said = "" if lang in PHRASE_LANGUAGES else f' lang="{PHRASE_FALLBACK}"'
    caption = badge_caption(catalogue, credential, lang)
    awarding = _awarding_name(catalogue, credential, lang)
    if len(awarding) > 32:
        awarding = awarding[:31].rstrip() + "…"
    facts = _facts(credential, lang)
    facts_y = first + len(lines) * (size + 6) + 22
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" '
        f'role="img" aria-labelledby="badge-title badge-desc" lang="{xml_text(lang)}">',
        f'<title id="badge-title">{xml_text(title)}</title>',
        f'<desc id="badge-desc"{said}>{xml_text(caption)}</desc>',
        f'<path d="M200 12 L368 72 V200 C368 300 290 360 200 388 C110 360 32 300 32 200 V72 Z" '
        f'fill="{colour}" stroke="#ffffff" stroke-width="6"/>',
        '<g fill="#ffffff" font-family="Arial, Helvetica, sans-serif" text-anchor="middle">',
        f'<text x="200" y="96" font-size="20" letter-spacing="1"{said}>'
        f"{xml_text(phrase('badge.kicker', lang).upper())}</text>",
        f'<text font-size="{size}" font-weight="bold">{tspans}</text>',
        f'<text x="200" y="{facts_y:g}" font-size="{_facts_size(facts, facts_y)}"{said}>'
        f"{xml_text(facts)}</text>",
        f'<text x="200" y="330" font-size="18">{xml_text(awarding)}</text>',
        "</g>",
        "</svg>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")
