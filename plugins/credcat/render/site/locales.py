"""A catalogue's own translations of credcat's interface: ``locales/<lang>.po`` in its folder.

An institution whose language credcat's interface does not speak (Slovenian, Polish …), or
that words a spoken one differently, translates the interface in its own catalogue
repository, without a clone of credcat: ``credcat translate sl`` starts
``catalogue/locales/sl.po`` (:func:`start_translation`: every message of credcat's template,
the ``Plural-Forms`` of the language from CLDR, the notes of ``data/ui.yaml`` for the
translator) and, run again after an upgrade of credcat, updates it (new messages come in
empty, a changed English text keeps its translation marked fuzzy, a removed one is kept as
obsolete, ``#~``). The folder is the catalogue folder's, not the repository's, because the
catalogue folder is all ``credcat check`` knows, and what ``mkdocs serve`` watches already.

Owns reading those files (:func:`read_own`: what :func:`.messages.use_own_translations` is
given) and checking them (:func:`check_own`, part of :func:`credcat.validate.check_catalogue`,
so ``credcat check`` and a build both say it; both do both, and one parse of a file's bytes
serves the two, :func:`_parsed`: under ``mkdocs serve`` an edited file, other bytes, is parsed
again, an unchanged one is not): syntax (``file:line``), placeholders that differ
from the English, plural forms, messages credcat no longer has, and how many strings a partial
translation still lacks. The file is untrusted input, as the YAML: a translation too long or
with a refused character (:func:`credcat.limits.plain_text_problem`), a ``Plural-Forms`` of
more than :data:`credcat.limits.MAX_PLURAL_FORMS` forms, or a plural rule that fails or
chooses a form the language lacks (the rule Babel takes, tried with :data:`PLURAL_PROBES`)
is an error, and the file is not used. Also the template itself (:func:`template`) and the
update of a catalogue from it (:func:`update_catalog`), which ``scripts/ui_pot.py`` uses for
credcat's own.
"""

from __future__ import annotations

import copy
import gettext
import hashlib
import io
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, PoFileParser, write_po

from ...errors import CredcatError, Problem, Severity, listing, shorten
from ...fs import UnsafeFileError, folder_inside, inside, read_inside
from ...limits import MAX_PLURAL_FORMS, plain_text_problem
from .messages import (
    SOURCE_LANGUAGE,
    OwnTranslations,
    english_ids,
    english_messages,
    plural_locale,
    read_catalogue,
    source_comments,
)

__all__ = [
    "LOCALES_DIR",
    "MAX_PO_BYTES",
    "TranslateError",
    "Translated",
    "check_own",
    "parse_po",
    "placeholders",
    "po_files",
    "read_own",
    "start_translation",
    "template",
    "update_catalog",
]

LOCALES_DIR = "locales"
"""The folder of a catalogue's own translations, inside the catalogue folder."""

MAX_PO_BYTES = 4_000_000
"""The largest ``.po`` read (credcat's own are about 100 kB)."""

DOMAIN = "credcat"

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")
_KEYWORD_RE = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=\s|\"|$)")
_ESCAPES = set("\\\"'abfnrtv?x01234567")
_PLURAL_FORMS_RE = re.compile(r'^"Plural-Forms:\s*(.*?)(?:\\n)?"\s*$', re.I)


class TranslateError(CredcatError):
    """``credcat translate`` cannot write the file (the message says why, and what to do)."""


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of a text."""
    return set(_PLACEHOLDER_RE.findall(text))


# --------------------------------------------------------------------------- the template


def template(comments: bool = False) -> Catalog:
    """The template of every catalogue, made from the English source.

    Args:
        comments: Give each message the notes ``data/ui.yaml`` writes above it and above its
            group (for a catalogue's own file; credcat's ``credcat.pot`` has only its own).
    """
    catalog = Catalog(domain=DOMAIN, project="credcat", fuzzy=False, charset="utf-8")
    notes = source_comments() if comments else {}
    for message in english_messages():
        extra = [n for n in notes.get(message.context, ()) if n != message.comment]
        catalog.add(
            message.msgid,
            ("", "") if message.plural else "",
            flags=message.flags,
            auto_comments=[*extra, *([message.comment] if message.comment else [])],
            context=message.context,
        )
    return catalog


def update_catalog(catalog: Catalog, pot: Catalog, *, keep_obsolete: bool = False) -> None:
    """Update ``catalog`` from the template: new keys come in untranslated, a key whose English
    text changed keeps its old translation marked fuzzy, a removed key is removed (credcat's
    own: git keeps its history) or kept as obsolete (``keep_obsolete``: a catalogue's own,
    written as ``#~``). Matching is by key (``msgctxt``) only: Babel's own fuzzy matching pairs
    unrelated short strings of other keys ("Statistics" with "Status").

    ``pot`` is left as it was: Babel puts a key new to ``catalog`` in as the template's own
    message object, so the old translation given to a changed key went into the template, and
    every catalogue updated from it after this one got that translation."""
    before = {str(m.context): m for m in catalog if m.id and m.context}
    catalog.update(
        copy.deepcopy(pot),
        no_fuzzy_matching=True,
        update_header_comment=False,
        update_creation_date=False,
    )
    if not keep_obsolete:
        catalog.obsolete.clear()
    for message in catalog:
        old = before.get(message.context or "") if message.id else None
        empty = not any(message.string) if isinstance(message.string, tuple) else not message.string
        if (
            old is None
            or not empty
            or old.id == message.id
            or not any(old.string if isinstance(old.string, tuple) else [old.string])
        ):
            continue
        plural_now, plural_then = isinstance(message.id, tuple), isinstance(old.id, tuple)
        if plural_now == plural_then:
            message.string = old.string
            message.flags.add("fuzzy")
            for key, gone in list(catalog.obsolete.items()):
                if gone.context == message.context:
                    del catalog.obsolete[key]


def dump(catalog: Catalog) -> bytes:
    """A catalogue as ``.po`` bytes, as credcat writes every one."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, include_previous=True)
    return buffer.getvalue()


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Mistake:
    """A problem of one ``.po`` file: its line (1-based, 0 for the file), column, message and
    how to fix it."""

    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    code: str = "po-syntax"


def _string_error(text: str, start: int) -> tuple[int, str, str] | None:
    """What is wrong with the quoted text of a line from ``start``: (column, message, hint)."""
    rest = text[start:].lstrip()
    column = len(text) - len(rest) + 1
    if not rest.startswith('"'):
        return (
            column,
            "the text is not in double quotes",
            'write it as "…" (a long text: several quoted lines, one after the other)',
        )
    index = 1
    while index < len(rest):
        char = rest[index]
        if char == "\\":
            following = rest[index + 1 : index + 2]
            if following not in _ESCAPES or not following:
                return (
                    column + index,
                    f"unknown escape \\{following}",
                    'a backslash is written \\\\, a double quote \\", a line break \\n',
                )
            index += 2
            continue
        if char == '"':
            after = rest[index + 1 :].strip()
            if after:
                return (
                    column + index,
                    "text after the closing double quote",
                    'a double quote inside a text is written \\"',
                )
            return None
        index += 1
    return (
        column,
        "the text does not end with a double quote on this line",
        'close it with "; a text that goes on continues on the next line, in quotes of its own',
    )


def syntax(text: str) -> tuple[list[Mistake], list[tuple[int, int]]]:
    """The syntax mistakes of a ``.po`` text, line by line (Babel's reader takes a text with a
    missing quote without a word, and loses letters), and the ``msgstr[N]`` lines found
    (line, N)."""
    mistakes: list[Mistake] = []
    indexed: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith('"'):
            problem = _string_error(line, len(line) - len(line.lstrip()))
        else:
            keyword = _KEYWORD_RE.match(stripped)
            if keyword is None:
                word = stripped.split()[0]
                mistakes.append(
                    Mistake(
                        number,
                        len(line) - len(line.lstrip()) + 1,
                        f"'{shorten(word, 30)}' is not a word of a .po file",
                        "a line is a comment (#…), msgctxt, msgid, msgid_plural, msgstr or "
                        'msgstr[N] followed by a text in double quotes, or a "…" line that '
                        "continues the text above",
                    )
                )
                continue
            if keyword.group(2) is not None:
                indexed.append((number, int(keyword.group(2))))
            offset = len(line) - len(line.lstrip()) + keyword.end()
            problem = _string_error(line, offset)
        if problem is not None:
            mistakes.append(Mistake(number, *problem))
    return mistakes, indexed


def _plural_forms_line(text: str) -> tuple[int, str] | None:
    """The line of the ``Plural-Forms`` header and its value (the header's quoted lines
    joined: a long value is wrapped), ``None`` where there is none."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("msgstr")), None)
    if start is None:
        return None
    joined = ""
    starts: list[tuple[int, int]] = []  # where each line's text begins in ``joined``, its line
    for number in range(start, len(lines)):
        line = lines[number].strip()
        if number > start and not line.startswith('"'):
            break
        found = re.search(r'"(.*)"\s*$', line)
        if found:
            starts.append((len(joined), number + 1))
            joined += found.group(1)
    for field_ in joined.split("\\n"):
        if field_.lower().startswith("plural-forms:"):
            at = joined.index(field_)
            line_no = max((n for offset, n in starts if offset <= at), default=start + 1)
            return line_no, field_.split(":", 1)[1].strip()
    return None


PLURAL_PROBES = range(1001)
"""The counts a plural rule is tried with before it is used (pages count up to thousands)."""


class _TooManyForms(Exception):
    """Babel was about to make a list of :attr:`forms` texts for a counted message."""

    def __init__(self, forms: int) -> None:
        super().__init__(forms)
        self.forms = forms


class _BoundedCatalog(Catalog):
    """A :class:`Catalog` whose number of plural forms (the ``Plural-Forms`` Babel takes: the
    last one of the header) is checked before Babel makes a list of that many texts for each
    counted message: ``nplurals=1000000000`` would take all memory and time."""

    @property
    def num_plurals(self) -> int:
        found = super().num_plurals
        if not 1 <= found <= MAX_PLURAL_FORMS:
            raise _TooManyForms(found)
        return found


def _rule_problem(nplurals: int, expression: str) -> str | None:
    """What is wrong with a plural rule, tried with every count of :data:`PLURAL_PROBES`: a
    rule that is no C expression of ``n``, that fails (a division by zero) or that chooses a
    form the language does not have; ``None`` when it is fine."""
    try:
        rule = gettext.c2py(expression)
    except (ValueError, SyntaxError):
        return f"the plural rule '{shorten(expression, 60)}' is not a C expression of n"
    for n in PLURAL_PROBES:
        try:
            index = rule(n)
        except (ArithmeticError, ValueError):
            return f"the plural rule '{shorten(expression, 60)}' fails for n={n} (a division by 0)"
        if not 0 <= index < nplurals:
            return (
                f"the plural rule '{shorten(expression, 60)}' chooses form {index} for n={n}; "
                f"Plural-Forms says this language has {nplurals} (0 to {nplurals - 1})"
            )
    return None


def _nplurals(value: str) -> tuple[int, str] | None:
    found = re.match(r"^nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", value)
    if not found:
        return None
    return int(found.group(1)), found.group(2)


def _cldr_plural(lang: str) -> tuple[int, str] | None:
    """The number of plural forms and the rule of ``lang`` by CLDR, as the strings of that
    language follow it (:func:`~.messages.plural_locale`: ``pt`` counts as Portugal does, as
    credcat's own ``pt.po``); ``None`` for a language CLDR does not know."""
    try:
        locale = Locale.parse(plural_locale(lang).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    found = get_plural(locale)
    return found.num_plurals, found.plural_expr


def parse_po(data: bytes, lang: str) -> tuple[Catalog | None, list[Mistake]]:
    """Read a ``.po`` file strictly: its catalogue, ``None`` where it has syntax errors (then
    it is not used), and every syntax mistake found (:class:`Mistake`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "save it as UTF-8 (Poedit and every gettext tool do)"
        return None, [Mistake(line, 0, "the file is not UTF-8", hint, code="po-encoding")]
    mistakes, indexed = syntax(text)
    forms = _plural_forms_line(text)
    parsed = _nplurals(forms[1]) if forms else None
    if forms is not None:
        if parsed is None:
            mistakes.append(
                Mistake(
                    forms[0],
                    0,
                    f"Plural-Forms '{shorten(forms[1], 60)}' cannot be read",
                    _plural_hint(lang),
                    code="po-plural-forms",
                )
            )
        elif not 1 <= parsed[0] <= MAX_PLURAL_FORMS:
            mistakes.append(_too_many(forms[0], parsed[0], lang))
            parsed = None
        else:
            wrong = _rule_problem(*parsed)
            if wrong is not None:
                mistakes.append(
                    Mistake(forms[0], 0, wrong, _plural_hint(lang), code="po-plural-forms")
                )
                parsed = None
    if parsed is not None:
        for number, index in indexed:
            if index >= parsed[0]:
                mistakes.append(
                    Mistake(
                        number,
                        0,
                        f"msgstr[{index}]: Plural-Forms says this language has {parsed[0]} "
                        f"forms (msgstr[0] to msgstr[{parsed[0] - 1}])",
                        "remove it, or correct Plural-Forms in the header",
                        code="po-plural-forms",
                    )
                )
    if any(m.severity is Severity.ERROR for m in mistakes):
        return None, mistakes
    catalog = _BoundedCatalog(locale=lang.replace("-", "_"), domain=DOMAIN)
    try:  # read_po's own steps, into a catalogue that checks its number of plural forms
        PoFileParser(catalog, ignore_obsolete=False, abort_invalid=True).parse(io.StringIO(text))
        nplurals = catalog.num_plurals
    except _TooManyForms as exc:  # a second Plural-Forms in the header, which Babel takes
        mistakes.append(_too_many(_last_plural_forms_line(text), exc.forms, lang))
        return None, mistakes
    except PoFileError as exc:
        message = str(exc).rsplit(" on ", 1)[0]
        number = getattr(exc, "lineno", 0) + 1
        mistakes.append(Mistake(number, 0, message, "compare it with a message above"))
        return None, mistakes
    except (ValueError, UnknownLocaleError) as exc:
        mistakes.append(Mistake(0, 0, f"cannot be read: {exc}", ""))
        return None, mistakes
    if forms is None:
        mistakes.append(
            Mistake(
                _header_line(text),
                0,
                "the header has no Plural-Forms",
                _plural_hint(lang),
                code="po-plural-forms",
            )
        )
        return None, mistakes
    wrong = _rule_problem(nplurals, catalog.plural_expr)  # what Babel took
    if wrong is not None:
        line = _last_plural_forms_line(text)
        mistakes.append(Mistake(line, 0, wrong, _plural_hint(lang), code="po-plural-forms"))
        return None, mistakes
    for entry in catalog:
        mistakes.extend(_text_mistakes(entry))
    if any(m.severity is Severity.ERROR for m in mistakes):
        return None, mistakes
    return catalog, mistakes


def _text_mistakes(message: Message) -> Iterable[Mistake]:
    """The translations of a message that are too long or hold a refused character
    (:func:`credcat.limits.plain_text_problem`, as every text of the catalogue)."""
    if not message.id:
        return
    said = f'"{shorten(message.context, 60)}"' if message.context else "a message"
    strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    for index, form in enumerate(strings):
        wrong = plain_text_problem(str(form or ""))
        if wrong is not None:
            where = f"{said} msgstr[{index}]" if isinstance(message.id, tuple) else said
            yield Mistake(message.lineno or 0, 0, f"{where}: {wrong[0]}", wrong[1], code="po-text")


def _too_many(line: int, forms: int, lang: str) -> Mistake:
    return Mistake(
        line,
        0,
        f"Plural-Forms gives {forms:,} plural forms; a language has 1 to {MAX_PLURAL_FORMS}",
        _plural_hint(lang),
        code="po-plural-forms",
    )


def _last_plural_forms_line(text: str) -> int:
    """The line of the last ``Plural-Forms`` of a text (the one Babel takes), 0 where none is
    found on one line."""
    found = 0
    for number, line in enumerate(text.splitlines(), 1):
        if "plural-forms" in line.lower() and not line.lstrip().startswith("#"):
            found = number
    return found


def _header_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("msgid"):
            return number
    return 1


def _plural_hint(lang: str) -> str:
    cldr = _cldr_plural(lang)
    if cldr is None:
        return 'add "Plural-Forms: nplurals=N; plural=EXPRESSION;\\n" to the header'
    return f'add "Plural-Forms: nplurals={cldr[0]}; plural={cldr[1]};\\n" to the header (CLDR)'


PARSED_KEPT = 64
"""How many parsed ``.po`` files :func:`_parsed` keeps (the last used; a catalogue has one a
language)."""

_parsed_files: OrderedDict[tuple[str, bytes], tuple[Catalog | None, tuple[Mistake, ...]]] = (
    OrderedDict()
)


def _parsed(data: bytes, lang: str) -> tuple[Catalog | None, tuple[Mistake, ...]]:
    """:func:`parse_po` of a file's bytes, made once for the same bytes and language: a build
    checks the files (:func:`check_own`) and reads them to use (:func:`read_own`), and under
    ``mkdocs serve`` every rebuild does, while the files seldom change. Keyed by a digest of
    the bytes, so an edited file is parsed again; the catalogue is shared and only read (by
    the checks and by :mod:`.messages`; :func:`start_translation`, which changes the one it
    reads, parses its own)."""
    key = (lang, hashlib.blake2b(data, digest_size=20).digest())
    found = _parsed_files.get(key)
    if found is None:
        catalog, mistakes = parse_po(data, lang)
        found = _parsed_files[key] = (catalog, tuple(mistakes))
        while len(_parsed_files) > PARSED_KEPT:
            _parsed_files.popitem(last=False)
    else:
        _parsed_files.move_to_end(key)
    return found


def po_files(root: Path) -> list[tuple[str, Path]]:
    """The ``.po`` files of a catalogue's ``locales`` folder, by language (their name), sorted;
    none where the folder is missing or leads out of the catalogue."""
    try:
        folder = folder_inside(root, LOCALES_DIR)
    except UnsafeFileError:
        return []
    if folder is None:
        return []
    try:
        found = sorted(folder.glob("*.po"))
    except OSError:
        return []
    return [(path.stem, path) for path in found]


def read_own(root: Path, shown: str = "") -> OwnTranslations:
    """A catalogue's own translations, to use (:func:`.messages.use_own_translations`): the
    files that read without a syntax error (:func:`check_own` reports the others).

    Args:
        root: The catalogue folder.
        shown: The folder as notes name it (``catalogue/locales/``).
    """
    digest = hashlib.blake2b(str(root.resolve()).encode(), digest_size=20)
    catalogs: dict[str, Catalog] = {}
    for lang, path in po_files(root):
        try:
            data = read_inside(root, path.relative_to(root), MAX_PO_BYTES)
        except (UnsafeFileError, ValueError):
            continue
        digest.update(f"\0{lang}\0{len(data)}\0".encode())
        digest.update(data)
        if not LANGUAGE_RE.match(lang):
            continue
        catalog, _mistakes = _parsed(data, lang)
        if catalog is not None:
            catalogs[lang] = catalog
    if not catalogs:
        return OwnTranslations(folder=shown)
    return OwnTranslations(catalogs, digest.hexdigest(), shown)


# --------------------------------------------------------------------------- checking


def check_own(root: Path, show: Callable[[Path], str], languages: Sequence[str]) -> list[Problem]:
    """Every problem of a catalogue's own translations (``locales/<lang>.po``).

    Args:
        root: The catalogue folder.
        show: How a problem names a file (relative to where the maintainer is).
        languages: The catalogue's languages (a file of another language is not used).
    """
    problems: list[Problem] = []
    try:
        folder_inside(root, LOCALES_DIR)
    except UnsafeFileError as exc:
        problems.append(Problem(show(root / LOCALES_DIR), 0, 0, "", exc.reason, code="unsafe"))
        return problems
    for lang, path in po_files(root):
        shown = show(path)

        def add(mistake: Mistake, shown: str = shown) -> None:
            problems.append(
                Problem(
                    shown,
                    mistake.line,
                    mistake.column,
                    "",
                    mistake.message,
                    mistake.hint,
                    mistake.severity,
                    mistake.code,
                )
            )

        try:
            data = read_inside(root, path.relative_to(root), MAX_PO_BYTES)
        except (UnsafeFileError, ValueError) as exc:
            reason = exc.reason if isinstance(exc, UnsafeFileError) else str(exc)
            problems.append(Problem(shown, 0, 0, "", reason, code="unsafe"))
            continue
        if not LANGUAGE_RE.match(lang):
            add(
                Mistake(
                    0,
                    0,
                    f"'{shorten(lang, 30)}' is not a language code",
                    "name the file by its language, as catalogue.yaml's languages do: sl.po",
                    code="po-language",
                )
            )
            continue
        catalog, mistakes = _parsed(data, lang)
        for mistake in mistakes:
            add(mistake)
        if lang not in languages and lang.split("-")[0] not in languages:
            add(
                Mistake(
                    0,
                    0,
                    f"the catalogue has no language '{lang}', so this file is not used",
                    f"catalogue.yaml's languages are {', '.join(languages)}: add {lang} there, "
                    "or remove the file",
                    Severity.WARNING,
                    "po-language",
                )
            )
        if catalog is not None:
            for mistake in _check_messages(catalog, lang):
                add(mistake)
    return problems


def _check_messages(catalog: Catalog, lang: str) -> Iterable[Mistake]:
    english = english_ids()
    command = f"credcat translate {lang}"
    nplurals = catalog.num_plurals
    cldr = _cldr_plural(lang)
    if cldr is not None and cldr[0] != nplurals:
        yield Mistake(
            0,
            0,
            f"Plural-Forms gives {nplurals} plural forms; CLDR gives this language {cldr[0]} "
            f"({cldr[1]})",
            "check the header: every counted string needs a form for each",
            Severity.WARNING,
            "po-plural-forms",
        )
    for message in catalog:
        if not message.id:
            continue
        line = message.lineno or 0
        key = message.context
        said = f'"{shorten(key, 60)}"' if key else f'msgid "{shorten(_first(message.id), 40)}"'
        wanted = english.get(key) if key else None
        if wanted is None:
            yield Mistake(
                line,
                0,
                f"{said}: credcat has no such string (any more); it is not used",
                f"run {command}, which marks it obsolete (#~), or remove it",
                Severity.WARNING,
                "po-unknown",
            )
            continue
        if wanted != message.id:
            yield Mistake(
                line,
                0,
                f"{said}: credcat's English is now '{shorten(_first(wanted), 60)}'; this "
                f"translates '{shorten(_first(message.id), 60)}', so it is not used",
                f"run {command}, which keeps the translation marked fuzzy for you to check",
                Severity.WARNING,
                "po-unknown",
            )
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not any(strings) or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            empty = [f"msgstr[{i}]" for i, form in enumerate(strings) if not form]
            if empty:
                yield Mistake(
                    line,
                    0,
                    f"{said}: {', '.join(empty)} empty; the language has {nplurals} plural forms "
                    f"({catalog.plural_expr}), so the translation is not used",
                    "give every form (or none: then the English is shown)",
                    code="po-plural-forms",
                )
        english_text = " ".join(wanted) if isinstance(wanted, tuple) else wanted
        allowed = placeholders(english_text)
        for index, form in enumerate(strings):
            if not form:
                continue
            found = placeholders(str(form))
            where = f"{said} msgstr[{index}]" if isinstance(message.id, tuple) else said
            extra = sorted(found - allowed)
            if extra:
                yield Mistake(
                    line,
                    0,
                    f"{where}: {_braced(extra)} is not a placeholder of the English "
                    f"('{shorten(english_text, 60)}')",
                    f"use the English placeholders as they are, untranslated: "
                    f"{_braced(sorted(allowed)) or 'none'}",
                    code="po-placeholder",
                )
            lacking = sorted(allowed - found - ({"n"} if isinstance(message.id, tuple) else set()))
            if lacking:
                yield Mistake(
                    line,
                    0,
                    f"{where}: the translation lacks {_braced(lacking)} of the English "
                    f"('{shorten(english_text, 60)}')",
                    "keep every placeholder (wherever the sentence needs it): credcat puts a "
                    "value or a link there",
                    code="po-placeholder",
                )
    if read_catalogue(lang.split("-")[0]) is None and lang.split("-")[0] != SOURCE_LANGUAGE:
        yield from _completeness(catalog, lang)


def _completeness(catalog: Catalog, lang: str) -> Iterable[Mistake]:
    """A note of what a translation of a language credcat does not speak still lacks."""
    english = english_ids()
    needed = [key for key in english if not key.startswith("labels.")]
    done: set[str] = set()
    fuzzy = 0
    for message in catalog:
        key = message.context
        if not message.id or key is None or english.get(key) != message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            fuzzy += bool(any(strings))
            continue
        if strings and all(strings):
            done.add(key)
    lacking = [key for key in needed if key not in done]
    if not lacking:
        return
    also = f" ({fuzzy} marked fuzzy, to check)" if fuzzy else ""
    yield Mistake(
        0,
        0,
        f"{len(lacking)} of the {len(needed)} interface strings pages show are not translated "
        f"yet{also}: {listing(lacking, limit=5)}",
        f"until every one is, pages in {lang} show credcat's interface in English (marked "
        'lang="en"), with the strings translated so far; fill them in with Poedit, Weblate '
        "or any gettext editor",
        Severity.NOTE,
        "po-partial",
    )


def _first(msgid: Any) -> str:
    return str(msgid[0] if isinstance(msgid, (tuple, list)) else msgid)


def _braced(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in names)


# --------------------------------------------------------------------------- translate


@dataclass(frozen=True)
class Translated:
    """What :func:`start_translation` did.

    Attributes:
        path: The file written (or left as it was).
        created: Whether it is new.
        changed: Whether it was written.
        added: Messages added (all of them, for a new file).
        obsolete: Messages credcat no longer has, kept as ``#~``.
        translated: Messages translated in the file.
        total: Messages of the template.
    """

    path: Path
    created: bool
    changed: bool
    added: int
    obsolete: int
    translated: int
    total: int


def _undated(data: bytes) -> bytes:
    """A ``.po`` file without the dates of its header (a file is rewritten when more differs)."""
    return re.sub(rb'(?m)^"(POT-Creation-Date|PO-Revision-Date):.*$', b"", data)


HEADER = """\
# {name} translation of the interface of credcat (the micro-credential catalogue builder),
# for this catalogue. Started by `credcat translate {lang}`; run it again after upgrading
# credcat: it adds the new strings and keeps every translation. Only the strings translated
# here are used (the others come from credcat, else English); keep each {{placeholder}} as it is.
#"""


def start_translation(root: Path, lang: str) -> Translated:
    """Start or update ``locales/<lang>.po`` in the catalogue folder ``root``.

    Raises:
        TranslateError: ``lang`` is not a language CLDR knows, the folder or file leads out of
            the catalogue (a link), or the file has syntax errors (mend them first).
    """
    if not LANGUAGE_RE.match(lang) or _cldr_plural(lang) is None:
        raise TranslateError(
            f"'{shorten(lang, 30)}' is not a language code CLDR knows: give one as "
            "catalogue.yaml's languages do (sl, hr, pl, pt-BR)"
        )
    try:
        folder = folder_inside(root, LOCALES_DIR)
    except UnsafeFileError as exc:
        raise TranslateError(f"{root / LOCALES_DIR}: {exc.reason}") from None
    if folder is None and (root / LOCALES_DIR).exists():
        raise TranslateError(f"{root / LOCALES_DIR} is not a folder: move it away")
    path = root / LOCALES_DIR / f"{lang}.po"
    pot = template(comments=True)
    created = not (path.exists() or path.is_symlink())
    if created:
        catalog = Catalog(
            locale=lang.replace("-", "_"), domain=DOMAIN, project="credcat", fuzzy=False
        )
        forms = _cldr_plural(lang)  # not Babel's of the bare code: pt is Brazil's there
        if forms is not None:
            catalog.mime_headers = [("Plural-Forms", f"nplurals={forms[0]}; plural={forms[1]};")]
        name = Locale.parse(lang.replace("-", "_")).get_display_name("en") or lang
        catalog.header_comment = HEADER.format(name=name, lang=lang)
        before: set[str] = set()
        data = b""
    else:
        try:
            data = read_inside(root, path.relative_to(root), MAX_PO_BYTES)
        except UnsafeFileError as exc:
            raise TranslateError(f"{path}: {exc.reason}") from None
        found, mistakes = parse_po(data, lang)
        errors = [m for m in mistakes if m.severity is Severity.ERROR]
        if found is None or errors:
            first = errors[0] if errors else Mistake(0, 0, "cannot be read")
            at = f":{first.line}" if first.line else ""
            raise TranslateError(
                f"{path}{at}: {first.message} ({len(errors)} error(s); credcat check lists "
                "them): mend the file first, then run this again"
            )
        catalog = found
        before = {m.context for m in catalog if m.id and m.context}
    update_catalog(catalog, pot, keep_obsolete=True)
    keys = {m.context for m in catalog if m.id and m.context}
    translated = sum(
        1
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    )
    made = dump(catalog)
    changed = created or _undated(made) != _undated(data)
    if changed:
        path.parent.mkdir(exist_ok=True)
        if path.exists() or path.is_symlink():  # written in place, never through a link out
            inside(root, path.relative_to(root), MAX_PO_BYTES)
        path.write_bytes(made)
    return Translated(
        path,
        created,
        changed,
        len(keys - before),
        len(catalog.obsolete),
        translated,
        len(pot),
    )
