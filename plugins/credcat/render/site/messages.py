"""credcat's interface strings: English source in ``data/ui.yaml``, translations in gettext.

Owns the one translation workflow of the interface:

* The **English source** is the ``en`` block of ``credcat/data/ui.yaml`` (nested keys, a list for
  a counted string: ``[one, other]``, or ``[zero, one, other]`` where a count of zero has words of
  its own), plus the English labels of the vocabularies that pages show (:data:`LABELLED`, from
  :mod:`credcat.vocab`).
* The **translations** are gettext catalogues, ``credcat/locales/<lang>.po``, made from the
  template ``credcat/locales/credcat.pot`` (Poedit, Weblate, Lokalize … open both). Each message
  has the dotted key as ``msgctxt`` (``unit.hour``, ``check.title``, ``labels.mode.online``) and
  the English text as ``msgid``; a counted string is a gettext plural (``msgid_plural``, the
  ``Plural-Forms`` of its ``.po`` choose the form), its words for zero a message of its own
  (``<key>.zero``). ``scripts/ui_pot.py`` regenerates the template and updates the catalogues.

At build time :func:`ui_tree` reads the English source and a language's ``.po`` with Babel and
gives the same nested mapping the pages have always used: every key of the English source, a
translated leaf where the catalogue has a translation (not fuzzy, not empty), else English; a
counted string is a :class:`Plural`.

**A catalogue's own translations.** A catalogue may translate the interface itself, in
``<catalogue folder>/locales/<lang>.po`` (read, checked and started by
:mod:`.locales`; ``credcat translate LANG``). The adapter (and ``credcat check``) makes them
the process's :class:`OwnTranslations` (:func:`use_own_translations`): for each string, a
catalogue's translation (whose ``msgid`` is still credcat's English) comes before credcat's
own, then English. A language whose own ``.po`` translates every string a page shows is one
credcat's interface speaks (:func:`speaks`); a partial one shows its translated strings
inside credcat's English interface (marked ``lang="en"``), until it is complete.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from markupsafe import Markup

from ... import vocab

__all__ = [
    "LABELLED",
    "PLURAL_CATEGORIES",
    "PLURAL_LOCALES",
    "SHOWN",
    "SOURCE_LANGUAGE",
    "UNTRANSLATED_NOTE",
    "OwnTranslations",
    "Plural",
    "SourceMessage",
    "catalogue_languages",
    "english_ids",
    "english_messages",
    "english_source",
    "interface_language",
    "is_partial",
    "leaves",
    "missing",
    "own_translations",
    "plural_data",
    "plural_locale",
    "read_catalogue",
    "source_comments",
    "speaks",
    "translations",
    "ui_tree",
    "untranslated",
    "untranslated_note",
    "use_own_translations",
    "using_own_translations",
]

SOURCE_LANGUAGE = "en"
"""The language of the source strings (the ``msgid`` of every message)."""

SHOWN = (
    "accreditation-type",
    "assessment-type",
    "isced-f",
    "learning-opportunity-type",
    "learning-schedule",
    "learning-setting",
    "mode",
    "reuse-level",
    "target-group",
)
"""Vocabularies whose labels pages show (language and country names come from CLDR; NQF levels
keep their national names)."""

LABELLED = ("target-group",)
"""Vocabularies whose labels credcat translates itself: no vendored official source has them in
other languages than English. The template holds ``labels.<vocab>.<code>`` for every concept of
these, and for every concept of :data:`SHOWN` whose official labels (the vocabulary data, made
by ``scripts/build_vocab.py`` from the sources named in ``vocab/README.md``) miss a language
that has a catalogue. Where an official English label reads badly on a page, ``ui.yaml`` gives
credcat's English wording under ``labels`` (in the template like any string)."""

ZERO = "zero"
"""Last part of the key of a counted string's words for zero (``catalogue_count.zero``)."""

PLURAL_FLAG = "python-brace-format"
"""gettext flag of a message with ``{name}`` placeholders (Poedit checks them)."""

ENGLISH_PLURAL = gettext.c2py("(n != 1)")


@dataclass(frozen=True, slots=True)
class SourceMessage:
    """One message of the template: a key, its English text, and its English plural if counted.

    Attributes:
        context: The dotted key (``msgctxt``).
        text: The English text (``msgid``); the singular of a counted string.
        plural: The English plural (``msgid_plural``), ``""`` for an uncounted string.
        comment: A note for translators (``#.``).
    """

    context: str
    text: str
    plural: str = ""
    comment: str = ""

    @property
    def msgid(self) -> str | tuple[str, str]:
        """The ``msgid`` Babel stores: a string, or ``(singular, plural)``."""
        return (self.text, self.plural) if self.plural else self.text

    @property
    def flags(self) -> tuple[str, ...]:
        """``python-brace-format`` where the English text has placeholders."""
        return (PLURAL_FLAG,) if "{" in self.text + self.plural else ()


PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in CLDR's order (what ``Intl.PluralRules`` selects)."""

PLURAL_LOCALES: Mapping[str, str] = {"pt": "pt-PT"}
"""The locale (a BCP 47 tag) whose plural rules the strings of a language follow, where it is
not the language code itself. credcat's Portuguese is European (``pt.po``: the singular for 1
alone; its dates and numbers are ``pt_PT``'s too), while CLDR's ``pt``, which Babel and
``Intl.PluralRules("pt")`` read, is Brazilian: the singular for 0 and for 1 to 1.99, so that a
script choosing by it wrote "1 microcredenciais correspondem"."""


def plural_locale(lang: str) -> str:
    """The locale whose plural rules the strings of ``lang`` follow (:data:`PLURAL_LOCALES`):
    what the pages give ``Intl.PluralRules`` to choose a counted string's form.

    Args:
        lang: A language code (``pt``, ``de``, ``pt-BR``).

    Returns:
        A BCP 47 tag: ``pt-PT`` for ``pt``, else ``lang`` itself.
    """
    return PLURAL_LOCALES.get(lang, lang)


class Plural(list[str]):
    """A counted UI string in one language, indexable like the old ``[zero?, one, other]`` list.

    The list holds the words for zero (when the string has them), then the forms for 1 and for 2
    (what a template or script that only knows zero, one and other needs); :meth:`pick` chooses
    the form for any count by the ``Plural-Forms`` rule of the language's catalogue, and
    :meth:`by_category` gives a script the form of each plural category of the language.
    """

    def __init__(
        self,
        forms: Iterable[str],
        rule: Callable[[int], int],
        zero: str = "",
        lang: str = "en",
    ) -> None:
        """Args:
        forms: The forms in the catalogue's order (``msgstr[0]`` …).
        rule: The catalogue's plural rule: count → index of the form.
        zero: The words for zero, ``""`` where zero uses the ordinary form.
        lang: The language of the forms (whose rule ``rule`` is): English for a string
            shown untranslated.
        """
        self.forms = tuple(forms)
        self.rule = rule
        self.zero = zero
        self.lang = lang
        self._categories: dict[str, str] | None = None
        super().__init__(([zero] if zero else []) + [self.pick(1), self.pick(2)])

    @property
    def locale(self) -> str:
        """The locale whose plural rules the forms follow (:func:`plural_locale`), which a
        script gives ``Intl.PluralRules``: ``pt-PT`` for Portuguese."""
        return plural_locale(self.lang)

    def pick(self, n: int) -> str:
        """The form for ``n`` (``{n}`` not filled)."""
        if n == 0 and self.zero:
            return self.zero
        return self._form(n)

    def _form(self, n: int) -> str:
        try:
            index = self.rule(n)
        except (ArithmeticError, ValueError):  # checked for the usual counts, not for every one
            index = -1
        return self.forms[index] if 0 <= index < len(self.forms) else self.forms[-1]

    def by_category(self) -> dict[str, str]:
        """The form of each CLDR plural category of the language (``one``, ``few``, ``other``
        …), in CLDR's order, for a script that chooses with ``Intl.PluralRules``: each
        category's form is the one the catalogue's rule gives the category's smallest count
        from 0 to 1,000 (the words for zero aside). The categories are those of
        :attr:`locale` (European Portuguese's for Portuguese), the rules the script is given. A
        language CLDR does not know counts as English."""
        if self._categories is None:
            try:
                rule = Locale.parse(self.locale, sep="-").plural_form
            except (ValueError, UnknownLocaleError):
                rule = Locale("en").plural_form
            found: dict[str, str] = {}
            for n in range(1001):
                found.setdefault(rule(n), self._form(n))
            self._categories = {c: found[c] for c in PLURAL_CATEGORIES if c in found}
        return self._categories


def plural_data(plural: Plural) -> Markup:
    """The ``plural_data`` filter: the attributes from which ``catalogue.js`` words a count,
    escaped: ``data-credcat-text-none`` (the words for zero, where the string has them),
    ``data-credcat-text-<category>`` for each plural category of the string's language
    (:meth:`Plural.by_category`; a category ``zero``, as Latvian has, covers more counts than
    0), and ``data-credcat-plural``, the locale whose rules the forms follow
    (:attr:`Plural.locale`: ``pt-PT`` for Portuguese), for ``Intl.PluralRules``."""
    shown = [("none", plural.zero)] if plural.zero else []
    shown += list(plural.by_category().items())
    return Markup(" ").join(
        [
            *(Markup('data-credcat-text-{}="{}"').format(c, text) for c, text in shown),
            Markup('data-credcat-plural="{}"').format(plural.locale),
        ]
    )


@functools.cache
def english_source() -> Mapping[str, Any]:
    """The ``en`` block of ``data/ui.yaml``: the English source of every UI string."""
    raw = resources.files("credcat").joinpath("data/ui.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    english: Mapping[str, Any] = data[SOURCE_LANGUAGE]
    return english


_KEY_LINE = re.compile(r"^( *)([A-Za-z0-9_-]+):(.*)$")


@functools.cache
def source_comments() -> Mapping[str, tuple[str, ...]]:
    """The notes ``data/ui.yaml`` writes for translators, by key: the comment lines above a
    key, and above each group it is in (the ``en:`` block's own excepted), outermost first; a
    counted string's words for zero (``<key>.zero``) have its notes too."""
    raw = resources.files("credcat").joinpath("data/ui.yaml").read_text("utf-8")
    pending: list[str] = []
    groups: list[tuple[int, str, tuple[str, ...]]] = []  # indent, key, notes
    out: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines():
        stripped = line.strip()
        if not stripped:
            pending = []
            continue
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        found = _KEY_LINE.match(line)
        if found is None:  # a value continued on another line
            continue
        indent, key, value = len(found.group(1)), found.group(2), found.group(3).strip()
        while groups and groups[-1][0] >= indent:
            groups.pop()
        note = (" ".join(pending),) if pending else ()
        pending = []
        if not value or value.startswith("#"):
            groups.append((indent, key, note))
            continue
        path = [g[1] for g in groups[1:]] + [key]  # groups[0] is the ``en:`` block
        notes = tuple(n for g in groups[1:] for n in g[2]) + note
        if groups and groups[0][1] == SOURCE_LANGUAGE and notes:
            dotted = ".".join(path)
            out[dotted] = notes
            out[f"{dotted}.{ZERO}"] = notes
    return out


def leaves(tree: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """The leaves of a nested ``ui.yaml`` block as ``("a.b.c", value)``, in file order."""
    for key, value in tree.items():
        if isinstance(value, Mapping):
            yield from leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def english_messages() -> list[SourceMessage]:
    """Every message of the template, in the order of the English source, then the labels."""
    out: list[SourceMessage] = []
    for key, value in leaves(english_source()):
        if isinstance(value, list):
            forms = [str(form) for form in value]
            if len(forms) == 3:
                out.append(SourceMessage(f"{key}.{ZERO}", forms[0], comment="count of zero"))
            out.append(SourceMessage(key, forms[-2], forms[-1]))
        else:
            out.append(SourceMessage(key, str(value)))
    known = {m.context for m in out}
    languages = set(catalogue_languages())
    for name in SHOWN:
        for code in vocab.codes(name):
            key = f"labels.{name}.{code}"
            concept = vocab.concept(name, code)
            if key in known or (name not in LABELLED and languages <= set(concept.labels)):
                continue
            note = f"EU vocabulary label ({concept.iri})"
            out.append(SourceMessage(key, _capital(concept.label("en")), comment=note))
    return out


def _locales() -> Any:
    return resources.files("credcat").joinpath("locales")


def catalogue_languages() -> tuple[str, ...]:
    """The languages that have a catalogue (``locales/<lang>.po``), sorted."""
    return tuple(
        sorted(
            entry.name.removesuffix(".po")
            for entry in _locales().iterdir()
            if entry.name.endswith(".po")
        )
    )


@functools.cache
def read_catalogue(lang: str) -> Catalog | None:
    """The gettext catalogue of a language, ``None`` where there is none."""
    entry = _locales().joinpath(f"{lang}.po")
    if not entry.is_file():
        return None
    with entry.open("rb") as handle:
        return read_po(handle, locale=lang, domain="credcat")


@dataclass(frozen=True)
class OwnTranslations:
    """A catalogue's own translations of the interface (``locales/<lang>.po`` in its folder).

    Attributes:
        catalogs: The usable catalogues by language (a file with syntax errors is not one).
        key: What they hold (the files' names and bytes, hashed): a changed file, a new key.
        folder: Their folder as problems and notes name it (``catalogue/locales/``).
    """

    catalogs: Mapping[str, Catalog] = field(default_factory=dict)
    key: str = ""
    folder: str = ""

    def catalog(self, lang: str) -> Catalog | None:
        """The catalogue of ``lang`` (``pt-BR`` falls back to ``pt``), ``None`` where none."""
        found = self.catalogs.get(lang)
        return found if found is not None else self.catalogs.get(lang.split("-")[0])


_own = OwnTranslations()


def own_translations() -> OwnTranslations:
    """The catalogue's own translations this process uses (none until the adapter or
    ``credcat check`` sets them)."""
    return _own


def use_own_translations(own: OwnTranslations) -> None:
    """Use a catalogue's own translations from now on (an empty :class:`OwnTranslations`: none).

    The strings made from the previous ones are forgotten when they differ (their ``key``), so
    that no page of a rebuild under ``mkdocs serve`` shows a string of an earlier file."""
    global _own
    if own.key == _own.key and own.folder == _own.folder:
        return
    _own = own
    for cached in (translations, _own_usable, ui_tree, _missing, _rule):
        cached.cache_clear()


@contextlib.contextmanager
def using_own_translations(own: OwnTranslations) -> Iterator[None]:
    """Use a catalogue's own translations inside the block (:func:`use_own_translations`),
    and the ones used before after it: a command run in a process that goes on (a test, a
    tool calling ``credcat.cli.main``) leaves no catalogue's words behind."""
    previous = _own
    use_own_translations(own)
    try:
        yield
    finally:
        use_own_translations(previous)


def _needed() -> list[SourceMessage]:
    """The strings a page shows in the interface's words (vocabulary labels fall back to the
    vocabularies' own)."""
    return [m for m in english_messages() if not m.context.startswith("labels.")]


@functools.cache
def _missing(lang: str) -> tuple[str, ...]:
    have = translations(lang)
    return tuple(m.context for m in _needed() if m.context not in have)


def missing(lang: str) -> tuple[str, ...]:
    """The keys of the strings a page shows that ``lang`` has no translation of (in credcat's
    catalogue or the catalogue's own), in the order of the English source."""
    return () if lang.split("-")[0] == SOURCE_LANGUAGE else _missing(lang)


def speaks(lang: str) -> bool:
    """Whether credcat's interface speaks ``lang``: English, a language credcat has a
    catalogue of, or one whose catalogue-level ``.po`` translates every string a page shows."""
    base = lang.split("-")[0]
    if base == SOURCE_LANGUAGE or read_catalogue(base) is not None:
        return True
    return _own.catalog(lang) is not None and not missing(lang)


def untranslated(languages: Iterable[str]) -> list[str]:
    """The languages of ``languages`` credcat's interface has no translation into, not even
    a catalogue's own (``locales/<lang>.po``): their pages show credcat's headings, labels
    and notes in English. (A catalogue's own partial translation is not one of these:
    ``credcat check`` counts what it lacks.)"""
    return [lang for lang in languages if not speaks(lang) and _own.catalog(lang) is None]


def interface_language(lang: str) -> str:
    """The language of credcat's own words on a page in ``lang``: ``lang`` where credcat's
    interface speaks it (:func:`speaks`), else English (:data:`SOURCE_LANGUAGE`). The element
    around credcat's words says so (``lang="en"`` on a Polish page), and the catalogue's texts
    in the page language inside it say theirs (WCAG 2.1, 3.1.2 Language of Parts)."""
    return lang if speaks(lang) else SOURCE_LANGUAGE


UNTRANSLATED_NOTE = (
    "interface: credcat's interface is not translated into {languages} yet: pages in {pages} "
    "show its headings, labels and notes in English; to translate it, run {commands} and fill "
    "in the file it writes (see \"Translating the interface\" in credcat's maintainers' guide)"
)
"""What ``credcat check``, ``credcat init`` and a build say of :func:`untranslated`."""


def untranslated_note(languages: Iterable[str]) -> str | None:
    """:data:`UNTRANSLATED_NOTE` for the languages of ``languages`` credcat's interface has no
    translation into, each named in English with its code ("Polish (pl)"), and whose pages
    show its words in English ("pages in Polish", "pages in these languages"); ``None`` when
    it has one for every language."""
    bare = untranslated(languages)
    if not bare:
        return None
    named = []  # (its name in English, or its code; the name with the code)
    for code in bare:
        concept = vocab.lookup("language", code.split("-")[0])
        name = concept.label("en") if concept is not None else code
        named.append((name, f"{name} ({code})" if concept is not None else code))
    commands = " and ".join(f"`credcat translate {code}`" for code in bare)
    return UNTRANSLATED_NOTE.format(
        languages=", ".join(said for _name, said in named),
        pages=named[0][0] if len(named) == 1 else "these languages",
        commands=commands,
    )


PARTIAL_HEADER = "X-Credcat-Partial"
"""Header of a ``.po`` whose translation is still under way (``X-Credcat-Partial: yes``): its
missing strings fall back to English without failing the tests that require complete ones."""


def is_partial(lang: str) -> bool:
    """Whether a language's catalogue declares itself partial (or there is none)."""
    catalogue = read_catalogue(lang)
    if catalogue is None:
        return lang != SOURCE_LANGUAGE
    headers = {str(k).lower(): str(v) for k, v in catalogue.mime_headers}
    return headers.get(PARTIAL_HEADER.lower(), "").strip().lower() in {"yes", "true", "1"}


@functools.cache
def english_ids() -> Mapping[str, str | tuple[str, str]]:
    """The ``msgid`` of every message of the template, by key (``msgctxt``)."""
    return {m.context: m.msgid for m in english_messages()}


def _usable(catalogue: Catalog, own: bool) -> dict[str, str | tuple[str, ...]]:
    """The usable translations of a catalogue by key: not fuzzy, no empty form; of a
    catalogue's own (``own``), only those whose ``msgid`` is credcat's English still."""
    english = english_ids() if own else {}
    out: dict[str, str | tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id or not message.context or message.fuzzy:
            continue
        if own and english.get(message.context) != message.id:
            continue
        string = message.string
        if isinstance(string, (tuple, list)):
            if string and all(string):
                out[message.context] = tuple(str(s) for s in string)
        elif string:
            out[message.context] = str(string)
    return out


@functools.cache
def translations(lang: str) -> Mapping[str, str | tuple[str, ...]]:
    """The usable translations of a language by key: not fuzzy, no empty form; a catalogue's
    own (:func:`own_translations`) before credcat's."""
    catalogue = read_catalogue(lang)
    out = _usable(catalogue, own=False) if catalogue is not None else {}
    out.update(_own_usable(lang))
    return out


@functools.cache
def _own_usable(lang: str) -> Mapping[str, str | tuple[str, ...]]:
    own = _own.catalog(lang)
    return _usable(own, own=True) if own is not None else {}


@functools.cache
def _rule(lang: str, key: str = "") -> Callable[[int], int]:
    """The plural rule of the catalogue a counted string ``key`` comes from: the catalogue's
    own where it translates it, else credcat's."""
    own = _own.catalog(lang)
    if key and own is not None and key in _own_usable(lang):
        return gettext.c2py(own.plural_expr)
    catalogue = read_catalogue(lang)
    if catalogue is None or lang == SOURCE_LANGUAGE:
        return ENGLISH_PLURAL
    return gettext.c2py(catalogue.plural_expr)


def _set(tree: dict[str, Any], key: str, value: Any) -> None:
    *path, last = key.split(".")
    node = tree
    for part in path:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[last] = value


@functools.cache
def ui_tree(lang: str) -> Mapping[str, Any]:
    """Every UI string of a language as a nested mapping; English where it has no translation.

    Vocabulary labels (``labels.<vocab>.<code>``) appear only where a catalogue (or the English
    source) has them: elsewhere the page uses the vocabulary's own label.
    """
    own = translations(lang)
    tree: dict[str, Any] = {}
    for key, value in leaves(english_source()):
        if isinstance(value, list):
            forms = [str(form) for form in value]
            zero = forms[0] if len(forms) == 3 else ""
            found = own.get(key)
            if isinstance(found, tuple):
                zero_found = own.get(f"{key}.{ZERO}")
                zero = str(zero_found) if zero and isinstance(zero_found, str) else zero
                _set(tree, key, Plural(found, _rule(lang, key), zero, lang))
            else:
                _set(tree, key, Plural(forms[-2:], ENGLISH_PLURAL, zero, SOURCE_LANGUAGE))
        else:
            found = own.get(key)
            _set(tree, key, found if isinstance(found, str) else str(value))
    for key, found in own.items():
        if key.startswith("labels.") and isinstance(found, str):
            _set(tree, key, found)
    return tree
