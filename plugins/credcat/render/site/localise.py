"""The localiser: every text, label, date, number, price, duration, list and plural of a page.

Owns all formatting for people. Catalogue texts go through :func:`credcat.render.language.localise`
(the one language fallback, shared with the JSON-LD); UI strings come from :mod:`.messages`
(English source ``credcat/data/ui.yaml``, translations in the gettext catalogues
``credcat/locales/<lang>.po`` and a catalogue's own ``locales/<lang>.po``; a missing
translation falls back to English); dates, numbers,
currency symbols and lists come from the Unicode CLDR through Babel, counted strings from the
catalogue's ``Plural-Forms``, so adding a language adds a ``.po`` file, not code.

English pages use CLDR's European English (``en_150``): day-month-year dates (``10 April 2027``)
and lists without a serial comma, as a European catalogue writes them. Numbers never group
digits (ECTS, hours and prices are small) and drop trailing zeros (``4``, ``2.5``, ``2,5``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, get_currency_symbol
from markupsafe import Markup

from ... import vocab
from ...model import DURATION_RE, Price
from ..language import (
    Fallback,
    FallbackMarkup,
    Fallbacks,
    InLanguage,
    InLanguageMarkup,
    LanguageMap,
    chosen_language,
    is_fallback,
    lang_of,
)
from ..safe import markdown_safe
from .context import Part
from .messages import PLURAL_LOCALES, Plural, interface_language, translations, ui_tree

__all__ = [
    "Localiser",
    "cldr_locale",
    "elide_before_date",
    "fill",
    "plural",
    "rich",
    "rich_list",
    "ui_strings",
]

CLDR_LOCALES: Mapping[str, str] = {
    "en": "en_150",
    **{lang: tag.replace("-", "_") for lang, tag in PLURAL_LOCALES.items()},
}
"""CLDR locale of a page language where it is not the language code itself: English as
written in Europe, and the locale whose plural rules a language's strings follow
(:data:`~.messages.PLURAL_LOCALES`: Portuguese as in Portugal) for its dates and numbers too."""

FIRST_OF_MONTH: Mapping[str, str] = {"fr": "1er", "it": "1\u00ba"}
"""How a language writes the first day of a month where CLDR's ``1`` is not how it is written:
as an ordinal ("1er mars", "1º marzo"; ``º`` is U+00BA, the masculine ordinal indicator)."""

NUMBER_PATTERN = "0.#"
"""CLDR number pattern: no digit grouping; with ``decimal_quantization=False`` every decimal
that the value has is kept, and trailing zeros are dropped."""
AMOUNT_PATTERN = "#,##0"
"""Prices: digit groups, as every locale writes an amount of money (and cents, where there are
any, as two digits)."""


@functools.cache
def cldr_locale(lang: str) -> Locale:
    """The Babel locale that formats dates, numbers and lists of a page language."""
    return Locale.parse(CLDR_LOCALES.get(lang, lang))


def ui_strings(lang: str) -> Mapping[str, Any]:
    """The UI strings of ``lang``; a string without translation falls back to English (kept by
    :func:`~.messages.ui_tree` until a catalogue's own translations change).

    Args:
        lang: A language code.

    Returns:
        A mapping of key to string (nested mapping for grouped strings, :class:`Plural` for
        counted ones).
    """
    return ui_tree(lang)


def plural(forms: Sequence[str], n: int, lang: str = "en") -> str:
    """Pick a plural form of a UI string by ``n`` and fill ``{n}``.

    Args:
        forms: A counted UI string (:class:`Plural`: its catalogue's ``Plural-Forms`` choose),
            or a plain ``[one, other]`` / ``[zero, one, other]`` list (CLDR categories choose).
        n: The count.
        lang: The language, whose CLDR plural rules choose between the forms.

    Returns:
        The chosen form with ``{n}`` filled in.
    """
    if isinstance(forms, Plural):
        return forms.pick(n).replace("{n}", str(n))
    named = dict(zip(("zero", "one", "other"), forms, strict=True)) if len(forms) == 3 else {}
    if not named:
        named = {"one": forms[0], "other": forms[-1]}
    if n == 0 and "zero" in named:
        form = named["zero"]
    else:
        form = named.get(cldr_locale(lang).plural_form(n), named["other"])
    return form.replace("{n}", str(n))


_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, /, **values: object) -> str:
    """Fill the ``{name}`` placeholders of a UI string in one pass.

    One pass: a value is never searched for placeholders, so a maintainer's text such as an
    assessment title ``Exam {identity}`` cannot pull in another value ("identity checked").
    """

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        return str(values[key]) if key in values else match.group(0)

    return _PLACEHOLDER_RE.sub(value, template)


ITALIAN_VOWEL_DAYS = frozenset({8, 11})
"""Days of a month whose Italian numeral begins with a vowel ("otto", "undici"): the article
of a preposition before such a date is elided ("all’8 marzo", "dell’11", "l’8")."""

_ITALIAN_ARTICLE = re.compile(r"\b(il|al|dal|del|nel|sul)[ \u00a0]$", re.IGNORECASE)
"""The article (alone or joined with a preposition) that ends a text before a date."""

_DATE_PLACEHOLDER = re.compile(r"\{(?:date|today)\}")
"""The placeholders of the UI strings that a date fills (``ui.yaml``)."""


def elide_before_date(before: str, day: int, lang: str) -> str:
    """The text before a date as it is written before that day: in Italian, the article of
    ``il``, ``al``, ``dal``, ``del``, ``nel``, ``sul`` that ends it is elided before a day
    read with a vowel (:data:`ITALIAN_VOWEL_DAYS`): "Valida fino al " → "Valida fino all’"
    before the 8th, "Verificata il " → "Verificata l’" (typographic apostrophe, as the
    Italian catalogue writes it). Other languages and days: as it is.

    The view-time scripts do the same (``italianArticle`` in ``credential.js`` and
    ``check.js``), where they put the reader's today or a date they format into a sentence.

    Args:
        before: The text that comes right before the date (ends with its space).
        day: The day of the month of the date.
        lang: The language of the text.

    Returns:
        The text to write before the date.
    """
    if lang != "it" or day not in ITALIAN_VOWEL_DAYS:
        return before
    return _ITALIAN_ARTICLE.sub(_elided, before)


def _elided(match: re.Match[str]) -> str:
    """An article matched by :data:`_ITALIAN_ARTICLE`, elided: ``il`` → ``l’``, ``al`` →
    ``all’`` (its capital kept)."""
    word = match.group(1)
    if word.lower() == "il":
        return ("L" if word[0].isupper() else "l") + "’"
    return word + word[-1] + "’"  # al → all’


def _day_of(text: object) -> int | None:
    """The day of a date as credcat writes it in Italian (``8 marzo 2027``, ``1º marzo``)."""
    found = re.match(r"(\d{1,2})(?!\d)", str(text))
    return int(found.group(1)) if found else None


def _elide_before_dates(template: str, values: Mapping[str, object], lang: str) -> str:
    """``template`` with the text before each date placeholder as :func:`elide_before_date`
    writes it before the date that fills it."""
    if lang != "it":
        return template
    pieces = _DATE_PLACEHOLDER.split(template)
    if len(pieces) == 1:
        return template
    marks = _DATE_PLACEHOLDER.findall(template)
    out = [pieces[0]]
    for mark, after in zip(marks, pieces[1:], strict=True):
        day = _day_of(values.get(mark[1:-1], ""))
        if day is not None:
            out[-1] = elide_before_date(out[-1], day, lang)
        out += [mark, after]
    return "".join(out)


def rich(template: str, links: Mapping[str, Part]) -> list[Part]:
    """Split a UI string with ``{name}`` link placeholders into text and link parts."""
    parts: list[Part] = []
    pattern = re.compile(r"\{(" + "|".join(re.escape(k) for k in links) + r")\}") if links else None
    position = 0
    if pattern is not None:
        for match in pattern.finditer(template):
            if match.start() > position:
                parts.append(_text_part(template[position : match.start()]))
            parts.append(links[match.group(1)])
            position = match.end()
    if position < len(template):
        parts.append(_text_part(template[position:]))
    return parts


_ITEM_MARK = re.compile("(\ue000[0-9]+\ue001)")
"""Where :meth:`Localiser.join_parts` put each item in CLDR's list pattern."""


def rich_list(template: str, key: str, items: list[Part]) -> list[Part]:
    """A UI string with one ``{key}`` placeholder split into parts, the placeholder replaced
    by the parts ``items`` (a list made by :meth:`Localiser.join_parts`)."""
    before, found, after = template.partition("{" + key + "}")
    if not found:
        return [_text_part(template)]
    return [
        *([_text_part(before)] if before else []),
        *items,
        *([_text_part(after)] if after else []),
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _text_part(text: str) -> Part:
    return {"text": text, "href": "", "rel": ""}


class Localiser:
    """Formats everything a page in one language shows.

    credcat's own words (UI strings, vocabulary labels, EQF descriptors, the names of
    languages and countries, dates, durations, lists) are in its interface language
    (:func:`~credcat.render.site.messages.interface_language`): the page language where
    credcat speaks it, else English, so that a Polish page does not mix English headings
    with Polish dates inside one phrase. The catalogue's texts are in the page language
    (:class:`InLanguage` where that is not the interface's), and numbers and prices are
    written as the page language writes them (``1,5``; ``1 200 zł``), as digits read the same
    in any language but their separators do not.

    Attributes:
        lang: The page language.
        words: The language of credcat's own words on the page.
        default: The catalogue's languages, the default first (the fallbacks of catalogue
            texts, :data:`~credcat.render.language.Fallbacks`).
        ui: The UI strings of ``lang`` (English where it has none).
        locale: The CLDR locale of ``words``.
        number_locale: The CLDR locale of ``lang``: numbers and prices.
    """

    def __init__(self, lang: str, default: Fallbacks) -> None:
        """Args:
        lang: The page language.
        default: The catalogue's languages, its default language first
            (``Catalogue.languages``), or its default language alone.
        """
        self.lang = lang
        self.words = interface_language(lang)
        self.default = default
        self.ui = ui_strings(lang)
        self.locale = cldr_locale(self.words)
        self.number_locale = cldr_locale(lang)
        self._dates: dict[date, str] = {}
        self._prices: dict[tuple[Decimal, str], str] = {}
        self._labels: dict[tuple[str, str], str] = {}

    def text(self, text: LanguageMap | None) -> str:
        """A catalogue text in the page language (:func:`~credcat.render.language.localise`),
        a :class:`Fallback` when it is shown in another language, an :class:`InLanguage` when
        it is in the page language but credcat's interface is not."""
        chosen = chosen_language(text, self.lang, self.default)
        if not text or not chosen:
            return ""
        found = text[chosen]
        if not found:
            return found
        if chosen != self.lang:
            return Fallback(found, chosen)
        return InLanguage(found, chosen) if chosen != self.words else found

    def prose(self, text: LanguageMap | None) -> Markup:
        """A catalogue text in Markdown, as safe HTML in the page language
        (:func:`~credcat.render.safe.markdown_safe`), a :class:`FallbackMarkup` or
        :class:`InLanguageMarkup` as :meth:`text` would mark it."""
        shown = self.text(text)
        made = markdown_safe(shown)
        lang = lang_of(shown)
        if not lang or not made:
            return made
        return FallbackMarkup(made, lang) if is_fallback(shown) else InLanguageMarkup(made, lang)

    def ui_text(self, key: str, /, **values: object) -> str:
        """A UI string with its ``{name}`` placeholders filled; in Italian, the article before
        a date elided where its day is read with a vowel (:func:`elide_before_date`)."""
        return fill(_elide_before_dates(str(self.ui[key]), values, self.words), **values)

    def around_date(self, key: str, day: date) -> tuple[str, str]:
        """The text before and after the ``{date}`` of a UI string, as it is written around
        ``day`` (:func:`elide_before_date`): for a date the view-time script may replace."""
        before, _, after = str(self.ui[key]).partition("{date}")
        return elide_before_date(before, day.day, self.words), after

    def label(self, name: str, code: str) -> str:
        """Label of a vocabulary code in the interface language (:attr:`words`), as
        :meth:`_label` finds it, found once per code: a catalogue uses few codes, shown tens
        of thousands of times."""
        key = (name, code)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(name, code)
        return found

    def _label(self, name: str, code: str) -> str:
        """Label of a vocabulary code in the interface language (:attr:`words`).

        In this order: language and country names from CLDR; on English pages, credcat's English
        wording where the official label reads badly (``labels`` in ``ui.yaml``); the official
        label in the page language (the vocabulary data, sources named in
        ``vocab/README.md``); credcat's own translation (``labels.<vocab>.<code>`` in the
        gettext catalogues, for vocabularies without official translations); then English.
        An NQF level, labelled in English only, keeps its framework's name and level and says
        "Level" in the page language (``nqf_level``: "DQR-Niveau 6", "Nivel 3 del MECU").
        """
        cldr = self.cldr_name(name, code)
        if cldr:
            return cldr
        if name == "nqf":
            level = vocab.nqf_level(code)
            if level is not None:
                return self.ui_text("nqf_level", framework=level[0], level=level[1])
        found = vocab.lookup(name, code)
        words = self.words
        if words == "en" or found is None or words not in found.labels:
            own = self.ui_label(name, code)
            if own:
                return own
        if found is not None and words in found.labels:
            return _capital(found.labels[words])
        override = self.ui.get("labels", {}).get(name, {}).get(code)
        if override:
            return str(override)
        return _capital(found.label("en") if found else code)

    def language_names(self, codes: Sequence[str]) -> list[str]:
        """Names of languages for a list read as one phrase ("Allemand, anglais"): the first
        as a label (capitalised), the others as CLDR writes them in running text (French and
        most languages: lower case; German: capitalised as nouns)."""
        return [
            self.running_language_name(code) if n else self.label("language", code)
            for n, code in enumerate(codes)
        ]

    def running_language_name(self, code: str) -> str:
        """A language's name as CLDR writes it inside a sentence ("anglais" in French), or
        its label where CLDR has no name for it."""
        return self._cldr_language(code) or self.label("language", code)

    def in_language(self, code: str) -> str:
        """The words that say a linked page is in the language ``code``: "(auf Englisch)"."""
        name = self.running_language_name(code.split("-")[0])
        return self.ui_text("link_in_language", language=name)

    def _cldr_language(self, code: str) -> str:
        """CLDR's name of a language in the interface language, as written in a sentence."""
        return str(self.locale.languages.get(code.lower().replace("-", "_"), ""))

    def cldr_name(self, name: str, code: str) -> str:
        """A language or country name from CLDR (``""`` for other vocabularies or codes)."""
        if name == "language":
            found = self._cldr_language(code)
        elif name == "country":
            found = str(self.locale.territories.get(code.upper(), ""))
        else:
            return ""
        return found[:1].upper() + found[1:] if found else ""

    def has_label(self, name: str, code: str) -> bool:
        """Whether a code has a label in the interface language (not an English fallback)."""
        if self.cldr_name(name, code) or self.ui_label(name, code):
            return True
        found = vocab.lookup(name, code)
        return found is not None and self.words in found.labels

    def ui_label(self, name: str, code: str) -> str:
        """The label the UI strings give a code in the interface language (no English
        fallback)."""
        key = f"labels.{name}.{code}"
        if self.words == "en":
            return str(ui_strings("en").get("labels", {}).get(name, {}).get(code, ""))
        found = translations(self.words).get(key)
        return found if isinstance(found, str) else ""

    def date(self, value: date) -> str:
        """A date in words: ``10 April 2027`` (CLDR's long date format); French and Italian
        write the first of a month as an ordinal (``1er mars``, ``1º marzo``), as their style
        guides do."""
        found = self._dates.get(value)
        if found is None:  # a catalogue has few dates, shown thousands of times
            found = format_date(value, "long", locale=self.locale)
            first = FIRST_OF_MONTH.get(self.locale.language)
            if value.day == 1 and first and found.startswith("1 "):
                found = first + found[1:]
            self._dates[value] = found
        return found

    def number(self, value: float | int | Decimal) -> str:
        """``4.0`` → ``4``, ``2.5`` → ``2.5`` (``2,5`` in German and on Polish pages); never
        digit groups."""
        return _number(str(value), str(self.number_locale))

    def plural(self, forms: Sequence[str], n: int) -> str:
        """A plural form of a UI string for ``n`` (:func:`plural`)."""
        return plural(forms, n, self.words)

    def join(self, items: Sequence[str]) -> str:
        """``a, b and c`` (CLDR's list pattern)."""
        return format_list(list(items), locale=self.locale) if items else ""

    def join_parts(self, items: Sequence[str]) -> list[Part]:
        """:meth:`join` as parts of a sentence (:func:`rich`): each item a part of its own, so
        that a catalogue text among them keeps its language (:class:`InLanguage`: the page
        marks it), the list pattern's words and commas plain parts between them."""
        marks = [f"\ue000{i}\ue001" for i in range(len(items))]
        joined = format_list(marks, locale=self.locale) if items else ""
        parts: list[Part] = []
        for piece in _ITEM_MARK.split(joined):
            if piece.startswith("\ue000"):
                parts.append({"text": items[int(piece[1:-1])], "href": "", "rel": ""})
            elif piece:
                parts.append(_text_part(piece))
        return parts

    def duration(self, text: str) -> str:
        """``8 weeks`` in the interface language."""
        match = DURATION_RE.match(text)
        if not match:
            return text
        n, unit = int(match.group(1)), match.group(2).lower()
        return self.plural(self.ui["unit"][unit], n)

    def price(self, price: Price) -> str:
        """A price: ``€720`` / ``720 €`` / ``CHF 720`` / ``Free``.

        The currency symbol comes from CLDR; a currency without one is written as its code.
        The amount is written as the page language writes it, also where credcat's interface
        does not speak it: on a Polish page ``1 200 PLN`` in CLDR's order, as ``1,200`` would
        read as one point two there (and with the currency's code, not "zł", a Polish word
        inside credcat's English).
        """
        if price.amount == 0:
            return str(self.ui["price_free"])
        key = (price.amount, price.currency)
        found = self._prices.get(key)
        if found is not None:  # a catalogue has few prices, shown thousands of times
            return found
        amount = _amount(str(price.amount), str(self.number_locale))
        symbol = get_currency_symbol(price.currency, self.number_locale)
        sign = symbol if symbol and symbol != price.currency else price.currency
        if self.words != self.lang:  # credcat has no words here: CLDR's order and space
            if any(char.isalpha() for char in sign):
                sign = price.currency  # "zł" is a Polish word on an English line: "PLN"
            before, space = _currency_layout(str(self.number_locale))
            if sign == price.currency:
                space = "\u00a0"  # a code is always set apart
            found = f"{sign}{space}{amount}" if before else f"{amount}{space}{sign}"
        elif sign != price.currency:
            found = self.ui_text("price_format", symbol=symbol, amount=amount)
        else:
            found = self.ui_text("price_format_code", code=price.currency, amount=amount)
        self._prices[key] = found
        return found


@functools.cache
def _currency_layout(locale: str) -> tuple[bool, str]:
    """Where CLDR puts the currency of an amount in ``locale`` (before it?) and what sets it
    apart (a no-break space, or nothing)."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    before = pattern.strip().startswith("¤")
    space = "\u00a0" if re.search(r"¤[\s\u00a0]|[\s\u00a0]¤", pattern) else ""
    return before, space


@functools.lru_cache(maxsize=4096)
def _amount(value: str, locale: str) -> str:
    """An amount of money as the locale writes one, in digit groups (``2,390`` / ``2.390`` /
    ``2 390``, with a narrow no-break space), and two digits of cents where there are any."""
    number = Decimal(value)
    pattern = AMOUNT_PATTERN if number == number.to_integral_value() else AMOUNT_PATTERN + ".00"
    return format_decimal(number, format=pattern, locale=locale)


@functools.lru_cache(maxsize=4096)
def _number(value: str, locale: str) -> str:
    """:meth:`Localiser.number`, memoised: pages show the same few numbers (ECTS, hours,
    levels) thousands of times, and Babel's formatting costs about 0.1 ms."""
    number = Decimal(value).normalize()
    return format_decimal(number, format=NUMBER_PATTERN, locale=locale, decimal_quantization=False)
