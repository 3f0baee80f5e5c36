"""Language fallback and the sentences credcat writes: shared by the site and the data side.

Owns two things:

* :func:`localise`, the **only** choice of a text from a language map ``{lang: text}``: the
  requested language, else the catalogue's languages in their order (the default language
  first, then the others as ``catalogue.yaml`` lists them: a catalogue in Portuguese and
  English shows a text it lacks in Portuguese in English, not in a German it also has), else
  the alphabetically first language (deterministic, whatever order the YAML lists them in).
  Pages, ``catalogue.json`` and every JSON-LD file call it, so a page and its JSON-LD never
  pick different texts.
* The phrase table of ``credcat/data/phrases.yaml`` (short, factual sentences credcat adds to
  the data, and the download link labels), read once, and :func:`say` / :func:`phrase`
  that fill it. English (:data:`PHRASE_FALLBACK`) is the fallback of credcat's own
  sentences: it is the one language every phrase has, and the language of credcat's words
  in a text in a language they lack (:func:`words_of`).
* :func:`quoted` / :func:`language_note`: a catalogue text quoted in a plain text of
  another language (an OB3 edition's criteria, an ELM sentence) says the language it is in
  ("(in German)"), as a plain string cannot carry it otherwise.

And the marks a chosen text carries into a page: :class:`InLanguage` (a text in another
language than credcat's words around it) and :class:`Fallback` (one standing in for a missing
translation), their HTML forms, and :func:`lang_attributes` / :func:`in_span`, which say so
in the HTML (``lang``, ``data-credcat-fallback``): the site's pages and the "what changed"
sentences of :mod:`credcat.changes` mark a text the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any, ClassVar, Self

import yaml
from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .. import vocab

__all__ = [
    "PHRASE_FALLBACK",
    "PHRASE_LANGUAGES",
    "Fallback",
    "FallbackMarkup",
    "Fallbacks",
    "InLanguage",
    "InLanguageMarkup",
    "LanguageMap",
    "chosen_language",
    "concept_label",
    "in_span",
    "is_fallback",
    "lang_attributes",
    "lang_of",
    "link_label",
    "localise",
    "nqf_label",
    "number_text",
    "phrase",
    "quoted",
    "said_in",
    "same_kind",
    "say",
    "words_of",
]

LanguageMap = Mapping[str, str]
"""A language map ``{lang: text}`` as validated by the model."""

PHRASE_FALLBACK = "en"
"""The language of credcat's own sentences when a phrase lacks the requested one."""

PHRASE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
"""The languages every phrase of ``phrases.yaml`` is written in."""


Fallbacks = str | Sequence[str]
"""Where a text lacks the requested language, the languages to show it in instead, in order:
the catalogue's languages (``Catalogue.languages``, the default language first), or one
language (:data:`PHRASE_FALLBACK` for credcat's own sentences)."""


def chosen_language(text: LanguageMap | None, lang: str, default: Fallbacks) -> str:
    """The language :func:`localise` picks from a language map (``""`` for an empty map)."""
    if not text:
        return ""
    if lang in text:
        return lang
    for fallback in (default,) if isinstance(default, str) else default:
        if fallback in text:
            return fallback
    return min(text)


def localise(text: LanguageMap | None, lang: str, default: Fallbacks) -> str:
    """The text of a language map in ``lang``, else in the first of ``default`` it has, else
    in its first language.

    "First" is alphabetical by language code, so the choice never depends on the order of the
    YAML file.

    Args:
        text: A language map, or ``None``.
        lang: The requested language.
        default: The catalogue's languages, its default language first
            (``Catalogue.languages``): a catalogue in Portuguese and English shows a text
            missing in Portuguese in English, before a German it also has and offers on no
            page. Or one language (:data:`PHRASE_FALLBACK` for credcat's own sentences).

    Returns:
        The text, or ``""`` for ``None`` or an empty map.
    """
    chosen = chosen_language(text, lang, default)
    return text[chosen] if text and chosen else ""


# --- a text's language, marked ---------------------------------------------------------------


class InLanguage(str):
    """A catalogue text with the language it is in (``lang``), where that is not the language
    of credcat's interface around it, so that the element showing it says so (the
    ``lang_attr`` filter of credcat's templates; WCAG 2.1, 3.1.2 Language of Parts). On a
    page of a language credcat's interface does not speak (Polish), the interface is English
    and the catalogue's own Polish texts are these. Everything else treats it as the string
    it is."""

    lang: str
    fallback: ClassVar[bool] = False
    """Whether the text stands in for a translation the catalogue does not have
    (:class:`Fallback`: a note says so)."""

    def __new__(cls, text: str, lang: str) -> Self:
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __reduce__(self) -> tuple[type[Self], tuple[str, str]]:
        return (type(self), (str(self), self.lang))


class Fallback(InLanguage):
    """A catalogue text shown in another language than the page's
    (:meth:`~credcat.render.site.localise.Localiser.text`), as the catalogue has no translation
    into the page's."""

    fallback = True


class InLanguageMarkup(Markup):
    """Safe HTML made from an :class:`InLanguage` text (Markdown), with its language."""

    lang: str
    fallback: ClassVar[bool] = False

    def __new__(cls, base: object = "", lang: str = "") -> Self:
        made = super().__new__(cls, base)
        made.lang = lang
        return made

    def __reduce__(self) -> tuple[type[Self], tuple[str, str]]:
        return (type(self), (str(self), self.lang))


class FallbackMarkup(InLanguageMarkup):
    """Safe HTML made from a :class:`Fallback` (a Markdown text), with its language."""

    fallback = True


def lang_of(text: object) -> str:
    """The language of a catalogue text that is not in the language of the interface around
    it (:class:`InLanguage`), else ``""``."""
    return text.lang if isinstance(text, (InLanguage, InLanguageMarkup)) else ""


def is_fallback(text: object) -> bool:
    """Whether a text stands in for a translation the catalogue does not have."""
    return isinstance(text, (Fallback, FallbackMarkup))


def lang_attributes(text: object) -> Markup:
    """`` lang="xx"`` for a text that says its language (:func:`lang_of`), with
    `` data-credcat-fallback="xx"`` for a fallback; ``""`` for any other text. The
    ``lang_attr`` filter of credcat's templates."""
    lang = lang_of(text)
    if not lang:
        return _NO_ATTRIBUTES
    return _lang_markup(lang, is_fallback(text))


_NO_ATTRIBUTES = Markup("")


@functools.lru_cache(maxsize=256)
def _lang_markup(lang: str, fallback: bool) -> Markup:
    """:func:`lang_attributes` of a text in ``lang``, made once per language: a page asks
    for it hundreds of times, and ``Markup.format`` was a fortieth of a build."""
    value = escape(lang)
    if not fallback:
        return Markup(f' lang="{value}"')  # noqa: S704 - escaped just above
    return Markup(f' lang="{value}" data-credcat-fallback="{value}"')  # noqa: S704 - escaped


def in_span(text: str) -> Markup:
    """A text inside a phrase, as safe HTML: in a ``<span>`` that says its language where it
    says one (:func:`lang_attributes`), else escaped (the ``in_span`` filter of the templates)."""
    attributes = lang_attributes(text)
    if not attributes:
        return escape(text)
    return Markup(f"<span{attributes}>{escape(text)}</span>")  # noqa: S704 - escaped


def same_kind(original: str, text: str) -> str:
    """``text`` (a part of ``original``, say) marked with ``original``'s language, if any."""
    return type(original)(text, original.lang) if isinstance(original, InLanguage) else text


# --- credcat's own sentences ---------------------------------------------------------------


@functools.cache
def _tables() -> dict[str, dict[str, dict[str, str]]]:
    raw = resources.files("credcat").joinpath("data/phrases.yaml").read_text("utf-8")
    data: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(raw)
    return data


def say(key: str, languages: Iterable[str], **values: Any) -> dict[str, str]:
    """A credcat sentence as a language map.

    Args:
        key: Phrase key (``phrases`` in ``phrases.yaml``).
        languages: Wanted languages; those without a translation are left out, English is
            always included.
        values: Placeholders. A placeholder value may itself be a language map (``{lang:
            text}``): each language then gets its own text (falling back to English).

    Returns:
        ``{lang: sentence}``.
    """
    table = _tables()["phrases"][key]
    out: dict[str, str] = {}
    for lang in dict.fromkeys([PHRASE_FALLBACK, *languages]):
        template = table.get(lang)
        if template is None:
            continue
        filled = {
            name: localise(value, lang, PHRASE_FALLBACK) if isinstance(value, Mapping) else value
            for name, value in values.items()
        }
        out[lang] = template.format(**filled)
    return out


def concept_label(concept: vocab.Concept, lang: str) -> str:
    """A vocabulary concept's label in ``lang``, else in English, else its code."""
    return concept.labels.get(lang) or concept.labels.get(PHRASE_FALLBACK) or concept.code


def nqf_label(code: str, lang: str) -> str:
    """An NQF level's name in ``lang``: the framework's name and the level as the framework
    writes them, "Level" in the language (``nqf.level``: "DQR-Niveau 6", "Nivel 3 del MECU");
    a concept that names no level (a framework itself) by its label."""
    level = vocab.nqf_level(code)
    if level is None:
        return concept_label(vocab.concept("nqf", code), lang)
    return phrase("nqf.level", lang, framework=level[0], level=level[1])


@functools.cache
def number_text(value: float | int, lang: str) -> str:
    """A number in a text in ``lang`` as the language writes it, as the pages do
    (``Localiser.number``): ``4.0`` → ``4``, ``1.5`` → ``1,5`` in German; no digit groups;
    English digits where CLDR does not know the language."""
    number = Decimal(str(value)).normalize()
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(PHRASE_FALLBACK)
    return format_decimal(number, format="0.#", locale=locale, decimal_quantization=False)


def phrase(key: str, lang: str, **values: Any) -> str:
    """One credcat sentence in one language (English when it has no translation)."""
    return localise(say(key, [lang], **values), lang, PHRASE_FALLBACK)


def words_of(lang: str) -> str:
    """The language of credcat's own words in a text in ``lang``: ``lang`` where its
    phrases speak it, else English (:data:`PHRASE_FALLBACK`), as on the pages."""
    return lang if lang in PHRASE_LANGUAGES else PHRASE_FALLBACK


@functools.cache
def _language_name(code: str, words: str) -> str:
    """CLDR's name of the language ``code`` in the language ``words``, as written inside a
    sentence ("Englisch", "anglais"); the code where CLDR has none."""
    try:
        names = Locale.parse(words.replace("-", "_")).languages
    except (UnknownLocaleError, ValueError):  # pragma: no cover - words is a phrase language
        names = Locale.parse(PHRASE_FALLBACK).languages
    key = code.replace("-", "_")
    return str(names.get(key) or names.get(key.split("_", 1)[0].lower()) or code)


def said_in(code: str, lang: str) -> str:
    """Which language a text is in, said in credcat's words of a text in ``lang``
    (:func:`words_of`): "in German", "auf Englisch", "en anglais"."""
    words = words_of(lang)
    return phrase("in-language", words, language=_language_name(code, words))


def language_note(text: LanguageMap | None, lang: str, default: Fallbacks) -> str:
    """What follows a catalogue text quoted in a text in ``lang`` (:func:`localise`) where it
    is in another language, as the catalogue has no translation: `` (in German)``; ``""``
    where it is in ``lang`` (or empty). A plain string cannot carry the language of its
    parts, so it says it in words."""
    chosen = chosen_language(text, lang, default)
    if not text or not chosen or not text[chosen] or chosen == lang:
        return ""
    return f" ({said_in(chosen, lang)})"


def quoted(text: LanguageMap | None, lang: str, default: Fallbacks) -> str:
    """A catalogue text quoted in a text in ``lang``, saying its language where it is in
    another (:func:`language_note`): "Check query results (in German)"."""
    return localise(text, lang, default) + language_note(text, lang, default)


def link_label(kind: str, lang: str) -> str:
    """The download link text of a machine-readable file kind (``elm``, ``loq`` …)."""
    return localise(_tables()["link_labels"][kind], lang, PHRASE_FALLBACK)
