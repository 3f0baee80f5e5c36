"""The languages of a built site: folders, counterpart pages, names, theme and search fallbacks.

Owns what the site needs to publish every catalogue language in one build, as pure functions
that know nothing of MkDocs (the plugin calls them):

* :class:`SiteLanguages`: the default language (at the site root) and the others (each under
  ``<lang>/``), the language of a site path, the same page in another language
  (:meth:`SiteLanguages.counterpart`) and the alternates of a page (for the language switch and
  the sitemap's ``hreflang``).
* :func:`language_name`: a language's name in itself, from CLDR (``Deutsch``, ``français``).
* :func:`cldr_names`: every name CLDR gives a language or a territory, in many languages
  (``Belgique``, ``Vlaams``), and :func:`likely_territories`: where a catalogue's languages are
  spoken; both for the hints of :mod:`credcat.model`.
* :func:`theme_language`: the Material UI language file a page language uses (Material has no
  ``ga`` or ``mt``: those pages use English UI strings and keep ``<html lang>`` right).
* :func:`search_language`: the lunr stemmer of a language, English where Material ships none
  (``sl``), so search never waits for a script that does not exist.
* :func:`split_search_index`: one search index per language out of the index of the whole site;
  :func:`search_line`: an entry as it goes into its language's index, made ahead.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from babel import Locale, UnknownLocaleError
from babel.core import get_global

__all__ = [
    "LANGUAGE_TAG",
    "WRITTEN_TERRITORY",
    "Alternate",
    "SiteLanguages",
    "cldr_names",
    "language_name",
    "likely_territories",
    "og_locale",
    "search_language",
    "search_line",
    "split_search_index",
    "theme_language",
]

Alternate = dict[str, str]
"""One language version of a page: ``lang``, ``name`` (in itself) and ``path`` (site-relative)."""

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
"""A language tag as texts and pages name one (``en``, ``pt-BR``); matched in full."""

SEARCH_FALLBACK = "en"
"""Search language of a language without a lunr stemmer."""


WRITTEN_TERRITORY: Mapping[str, str] = {"pt": "PT"}
"""Where credcat's own words in a language are those of one territory, not of the language's
most likely one: its Portuguese interface is European Portuguese (CLDR would say ``pt_BR``)."""


@functools.cache
def og_locale(lang: str) -> str:
    """The Open Graph locale of a page language, ``language_TERRITORY`` as the protocol
    writes it: the territory the tag names (``pt-BR``: ``pt_BR``), else the one credcat writes
    (:data:`WRITTEN_TERRITORY`), else the one CLDR finds most likely for the language (``de``:
    ``de_DE``); the language alone where it knows none."""
    parts = lang.replace("-", "_").split("_")
    regions = [part.upper() for part in parts[1:] if len(part) == 2 or part.isdigit()]
    if regions:
        return f"{parts[0].lower()}_{regions[0]}"
    if parts[0].lower() in WRITTEN_TERRITORY:
        return f"{parts[0].lower()}_{WRITTEN_TERRITORY[parts[0].lower()]}"
    likely = str(get_global("likely_subtags").get(parts[0].lower(), ""))
    territory = likely.split("_")[-1] if likely.count("_") >= 1 else ""
    if len(territory) == 2 and territory.isupper():
        return f"{parts[0].lower()}_{territory}"
    return parts[0].lower()


@functools.cache
def language_name(lang: str) -> str:
    """The name of a language in that language (CLDR), capitalised for a menu."""
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]


@functools.cache
def cldr_names(
    kind: Literal["languages", "territories"], in_languages: tuple[str, ...]
) -> Mapping[str, frozenset[str]]:
    """Every name CLDR gives a language (``languages``) or a territory (``territories``) in each
    of ``in_languages``, with the codes it names: ``Belgique`` and ``België`` → ``BE``;
    ``néerlandais``, ``Nederlands`` → ``nl``, and ``Vlaams``, ``Flemish`` → ``nl_BE``. For the
    hints of a language or country written by its name; read once (0.4 s for 100 languages)."""
    found: dict[str, set[str]] = {}
    for lang in in_languages:
        try:
            locale = Locale.parse(lang)
        except (UnknownLocaleError, ValueError):
            continue
        names: Mapping[str, str] = getattr(locale, kind)
        for code, name in names.items():
            found.setdefault(name, set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


@functools.cache
def likely_territories(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The territories a catalogue in ``languages`` most likely serves, by CLDR: those where
    several of its languages are official, most first (``fr`` and ``nl``: ``BE``), then the
    likeliest territory of each language in turn (``FR``, ``NL``)."""
    table: Mapping[str, Mapping[str, Mapping[str, Any]]] = get_global("territory_languages")
    wanted = [lang.split("-")[0].lower() for lang in languages]
    shared = []
    for territory, spoken in table.items():
        official = [
            lang for lang in wanted if (spoken.get(lang) or {}).get("official_status") == "official"
        ]
        if len(official) > 1:
            shared.append((-len(official), territory))
    found = [territory for _, territory in sorted(shared)]
    for lang in wanted:
        likely = og_locale(lang).split("_")
        if len(likely) == 2:
            found.append(likely[1])
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class SiteLanguages:
    """The languages of a site: ``default`` at the root, each of ``others`` under ``<lang>/``.

    Attributes:
        default: The catalogue's default language.
        others: The other catalogue languages, in the catalogue's order.
    """

    default: str
    others: tuple[str, ...] = ()

    @classmethod
    def of(cls, default: str, languages: Iterable[str]) -> SiteLanguages:
        """The site languages of a catalogue (``languages`` may or may not list ``default``)."""
        others = tuple(dict.fromkeys(lang for lang in languages if lang != default))
        return cls(default, others)

    @property
    def all(self) -> tuple[str, ...]:
        """Every language, the default first."""
        return (self.default, *self.others)

    def prefix(self, lang: str) -> str:
        """The folder of a language's pages: ``""`` or ``<lang>/``."""
        return "" if lang == self.default else f"{lang}/"

    def language_of(self, path: str) -> str:
        """The language of a site path or source path (its first folder, if a language)."""
        head = path.split("/", 1)[0]
        return head if head in self.others else self.default

    def base_of(self, path: str) -> str:
        """A path without its language folder."""
        lang = self.language_of(path)
        return path[len(self.prefix(lang)) :]

    def counterpart(self, path: str, lang: str) -> str:
        """The same page (or source file) in another language."""
        return self.prefix(lang) + self.base_of(path)

    def alternates(self, path: str) -> list[Alternate]:
        """Every language version of a page (``path`` in any language), the default first."""
        return [
            {"lang": lang, "name": language_name(lang), "path": self.counterpart(path, lang)}
            for lang in self.all
        ]


def theme_language(lang: str, theme_dirs: Iterable[str]) -> str:
    """The Material UI language file (``partials/languages/<x>.html``) that a language uses.

    Args:
        lang: A page language.
        theme_dirs: The theme's template folders.

    Returns:
        ``lang`` when a folder has its file, else its base language (``pt`` for ``pt-BR``), else
        ``"en"``.
    """
    for code in (lang, lang.split("-", 1)[0]):
        for folder in theme_dirs:
            if (Path(folder) / "partials" / "languages" / f"{code}.html").is_file():
                return code
    return "en"


def search_language(lang: str, theme_dirs: Iterable[str]) -> str:
    """The lunr language of a search index: ``lang`` if the theme ships its stemmer, else English.

    Material's worker loads ``lunr.<lang>.min.js`` and waits for it; a language without one
    (``sl``, ``ga``, ``mt`` …) would leave search "initialising" for ever.
    """
    if lang == SEARCH_FALLBACK:
        return lang
    for folder in theme_dirs:
        lunr = Path(folder) / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
        if lunr.is_file():
            return lang
    return SEARCH_FALLBACK


def split_search_index(
    text: str,
    languages: SiteLanguages,
    search_langs: Mapping[str, str],
    sinks: Mapping[str, TextIO],
    more: Iterable[Mapping[str, Any] | str] = (),
) -> None:
    """One search index per language folder, out of the search index of the whole site.

    Each index holds only the pages of its language, with locations relative to the language's
    folder (Material resolves them against the page's ``base_url``), and the stemmer of its
    language. The index is read one entry at a time and each entry written as it is read: at
    10,000 credentials the whole index, parsed, would be the largest object of the build.

    Args:
        text: The content of ``search/search_index.json`` (a JSON object with ``config`` and
            ``docs``, as MkDocs' and Material's search plugins write it).
        languages: The site's languages.
        search_langs: The lunr language of each site language (:func:`search_language`).
        sinks: Where each language's index goes, by prefix (``""`` for the default language):
            every prefix of ``languages`` needs one. Each gets the JSON of
            ``{**index, "config": {..., "lang": [stemmer]}, "docs": [its entries]}``.
        more: Entries of the site's index kept elsewhere (credcat's own pages), taken after
            those of ``text``, one at a time: each as a mapping, or as :func:`search_line`
            made it.

    Raises:
        ValueError: ``text`` is not a JSON object.
    """
    parts = {lang: _Part(sinks[languages.prefix(lang)]) for lang in languages.all}
    seen: set[str] = set()
    pos = _skip(text, 0, "{")
    while not text.startswith("}", pos):
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _skip(text, pos, ":")
        seen.add(key)
        if key == "docs":
            end: list[int] = []
            _split_docs(itertools.chain(_array_items(text, pos, end), more), languages, parts)
            pos = end[0]
        else:
            value, pos = _DECODER.raw_decode(text, pos)
            for lang, part in parts.items():
                stemmed = key == "config"
                part.member(key, {**value, "lang": [search_langs[lang]]} if stemmed else value)
        pos = _after_item(text, pos)
    for lang, part in parts.items():
        if "config" not in seen:
            part.member("config", {"lang": [search_langs[lang]]})
    if "docs" not in seen:
        _split_docs(iter(more), languages, parts)
    for part in parts.values():
        part.sink.write("}")


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Part:
    """One language's index as it is written: ``json.dumps`` of the object, member by member."""

    def __init__(self, sink: TextIO) -> None:
        self.sink = sink
        self.started = False

    def open(self, key: str) -> None:
        """Write the start of a member, up to its value."""
        self.sink.write(", " if self.started else "{")
        self.sink.write(f"{json.dumps(key, ensure_ascii=False)}: ")
        self.started = True

    def member(self, key: str, value: Any) -> None:
        """Write one member."""
        self.open(key)
        self.sink.write(json.dumps(value, ensure_ascii=False))


def _skip(text: str, pos: int, char: str = "") -> int:
    """The position after the blanks at ``pos`` (and after ``char`` and its blanks: ``char``
    must be there)."""
    pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if not char:
        return pos
    if not text.startswith(char, pos):
        raise ValueError(f"search index: {char!r} expected at character {pos}")
    return _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]


def _after_item(text: str, pos: int) -> int:
    """The position of the next member or item after one ends at ``pos`` (past the blanks
    and the comma between them)."""
    pos = _skip(text, pos)
    return _skip(text, pos, ",") if text.startswith(",", pos) else pos


def _array_items(text: str, pos: int, end: list[int]) -> Iterator[Any]:
    """Each item of the JSON array at ``pos``, decoded one at a time; then the position after
    the array is appended to ``end``."""
    pos = _skip(text, pos, "[")
    while not text.startswith("]", pos):
        item, pos = _DECODER.raw_decode(text, pos)
        yield item
        pos = _after_item(text, pos)
    end.append(pos + 1)


def search_line(entry: Mapping[str, Any], languages: SiteLanguages) -> str:
    """An entry of the site's search index as :func:`split_search_index` writes it into its
    language's index: ``<language>\\t<JSON>``, the location relative to the language's folder
    (what is not JSON is written as text). One line: JSON escapes every line break."""
    location = str(entry["location"])
    relocated = {**entry, "location": languages.base_of(location)}
    text = json.dumps(relocated, ensure_ascii=False, default=str)
    return f"{languages.language_of(location)}\t{text}"


def _split_docs(
    docs: Iterator[Mapping[str, Any] | str], languages: SiteLanguages, parts: Mapping[str, _Part]
) -> None:
    """Write the ``docs`` member of every language's index: its entries, in their order."""
    empty = dict.fromkeys(parts, True)
    for part in parts.values():
        part.open("docs")
        part.sink.write("[")
    for doc in docs:
        line = doc if isinstance(doc, str) else search_line(doc, languages)
        lang, _, text = line.rstrip("\n").partition("\t")
        sink = parts[lang].sink
        if not empty[lang]:
            sink.write(", ")
        empty[lang] = False
        sink.write(text)
    for part in parts.values():
        part.sink.write("]")
