"""Validating one document against the model, and the wording of pydantic's errors.

:func:`validate_document` and :func:`validate_entity` turn a loaded YAML document into a model
instance or located problems; the rest of the module words each pydantic error as a
:class:`Problem` a maintainer understands.

Owns how a maintainer reads a validation error: the message and hint for every kind of pydantic
error (unknown and missing keys, wrong types, numbers, dates, patterns, lists …), the Annex I
reason a key is required, and where in the YAML file the problem is (pydantic's error locations
map onto the positions :mod:`credcat.yaml_loader` recorded). :func:`problems_from_errors` is the
entry point; :mod:`credcat.validate` calls it for every file that does not validate. It also
reports what the model cannot see in the values: an amount written ``1.200``, which YAML reads
as 1.2 (:func:`_amount_problems`), and the checks of ids for a file the model refused.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
import unicodedata
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import vocab
from .errors import Problem, field_label, listing, shorten
from .ids import SLUG_RE
from .model import (
    CURRENCY_CODE_FOR_NAME,
    CURRENCY_CODE_FOR_SYMBOL,
    ESCO_SKILL_RE,
    MAX_ECTS,
    CatalogueSettings,
    Credential,
    CredentialDoc,
    MultilingualText,
    Organisation,
    OrganisationDoc,
    kind_for_name,
)
from .yaml_loader import Document, PathKey

M = TypeVar("M", bound=BaseModel)

BOUNDS = {
    "greater_than": "too small: it must be more than",
    "greater_than_equal": "too small: the minimum is",
    "less_than": "too large: it must be less than",
    "less_than_equal": "too large: the maximum is",
}

ANNEX_I = {
    "title": "the title",
    "awarding_body": "the awarding body",
    "outcomes": "the learning outcomes",
    "workload": "the notional workload",
    "eqf": "the level (EQF)",
    "assessments": "the type of assessment",
    "mode": "the form of participation",
    "setting": "the form of participation",
    "quality_assurance": "the type of quality assurance",
    "country": "the country of the issuer",
}

NUMBER_KINDS = frozenset(
    {
        "int_parsing",
        "int_type",
        "float_parsing",
        "float_type",
        "int_from_float",
        "decimal_parsing",
        "decimal_type",
        "finite_number",
    }
)
DATE_KINDS = frozenset(
    {
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "date_parsing",
        "date_type",
        "date_future",
        "date_past",
    }
)
LOCAL_DATE = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*$")
"""A day-month-year date as Europe writes one: 31.12.2026, 1. 2. 2027, 31/12/2026, 31-12-2026."""
SHORT_YEAR_DATE = re.compile(r"^\s*(\d{1,2})\s*([./])\s*(\d{1,2})\s*\2\s*(\d{2})\s*$")
"""A date with a two-digit year, as forms and letters write one: 15.02.27, 15/02/27."""
SLASHED_ISO_DATE = re.compile(r"^\s*(\d{4})[./](\d{1,2})[./](\d{1,2})\s*$")
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "de": ("januar", "februar", "marz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "fr": ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    # Polish and Czech write a date's month in the genitive: 4 grudnia 2026, 4. prosince 2026
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "wrzesnia", "pazdziernika", "listopada", "grudnia"),
    "cs": ("ledna", "unora", "brezna", "dubna", "kvetna", "cervna", "cervence", "srpna",
           "zari", "rijna", "listopadu", "prosince"),
}  # fmt: skip
"""Month names as dates are written out in the languages credcat speaks, and Polish and Czech,
without their accents (:func:`_month_of` takes them off what was written)."""
MONTHS = {
    **{name: number for names in MONTH_NAMES.values() for number, name in enumerate(names, 1)},
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES["en"], start=1)},
    "sept": 9,
}
"""A written month's number: its name in any of :data:`MONTH_NAMES`' languages, or an English
abbreviation (Dec, Sept)."""
WORDED_DATE = re.compile(
    r"^\s*(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?"
    r"|(?P<month2>[^\W\d_]+)\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)"
    r"\s*,?\s+(?:de\s+)?(?P<year>\d{4})\s*$"
)
"""A date with its month in words: 4 December 2026, 4 Dec. 2026, December 4, 2026,
4. Dezember 2026, 4 de diciembre de 2026, 4 grudnia 2026."""


def _month_of(word: str) -> int | None:
    """The number of a month written as a word (:data:`MONTHS`), in any case and with or
    without its accents (März, marz; décembre, decembre), else ``None``."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    return MONTHS.get("".join(c for c in plain if not unicodedata.combining(c)))


ONE_VALUE_KINDS = (
    NUMBER_KINDS
    | DATE_KINDS
    | frozenset(
        {
            "bool_type",
            "bool_parsing",
            "literal_error",
            "vocab",
            "url",
            "slug",
            "email",
            "version",
            "duration",
            "eqf",
            "string_type",
        }
    )
)
"""Errors about a single value, where a list or keys were written instead."""
TEXT_KINDS = frozenset(
    {"string_type", "vocab", "version", "text_type", "slug", "url", "email", "list"}
)
"""Errors about a value that should have been text: YAML may have read it as something else."""
PATTERN_MESSAGES = {
    "logo": (
        "is not a path to an image inside the catalogue folder",
        "write e.g. logos/uni.svg: letters, digits, '-' and '_', ending in .png, .svg, .jpg "
        "or .webp",
    ),
    "phone": (
        "is not a phone number",
        "write it in international form with digits, spaces and + ( ) - / . only, "
        'e.g. "+49 621 555 0100"',
    ),
    "uri": (
        "is not an ESCO skill URI",
        "copy the URI from the ESCO portal: http://data.europa.eu/esco/skill/<uuid>",
    ),
}


ESCO_CONCEPT = re.compile(
    r"^\s*https?://data\.europa\.eu/esco/(?P<kind>[a-z-]+)/(?P<id>[^\s/?#]+?)/?\s*$",
    re.IGNORECASE,
)
"""An ESCO concept's URI as pasted: ``http`` or ``https``, any case, a slash at the end."""
ESCO_PORTAL_URI = re.compile(r"[?&]uri=([^&#\s]+)")
"""The concept a page of the ESCO portal shows, in its address (``…/skill?uri=http%3A%2F…``)."""
ESCO_KINDS = {
    "occupation": "an ESCO occupation",
    "isco": "an ISCO group of occupations",
    "qualification": "an ESCO qualification",
    "concept-scheme": "an ESCO list of concepts",
}
"""What the other kinds of ESCO URI name, which ``esco:`` does not take."""


def esco_problem(value: str) -> tuple[str, str] | None:
    """Message and hint for a pasted ESCO address that is not a skill's URI, from what was
    pasted: the skill's URI with ``https`` (or upper-case letters, a slash at the end), the
    ESCO portal's page of a skill (its ``uri=`` parameter), an occupation, a uuid without the
    address before it, the skill's name, a uuid that lost or gained a character; ``None`` for
    anything else (a code such as ``S5.6.1``, which the general message answers)."""
    text = value.strip()
    named = ESCO_PORTAL_URI.search(text) if "esco" in text.casefold() else None
    pasted = urllib.parse.unquote(named[1]) if named else text
    concept = ESCO_CONCEPT.match(pasted)
    shown = f"'{shorten(value)}'"
    if concept is None:
        bare = f"http://data.europa.eu/esco/skill/{text.casefold()}"
        if ESCO_SKILL_RE.fullmatch(bare):  # the id alone, the address before it left out
            return (
                f"{shown} is an id alone, not an ESCO skill URI",
                f"if it is a skill's, write {bare}",
            )
        if (
            re.search(r"[^\W\d_]", text)
            and not re.search(r"[/:@]", text)
            and (re.search(r"\s", text) or not re.search(r"\d", text))  # not a code: S5.6.1
        ):
            return (  # the skill's name, written where its URI goes
                f"{shown} is a name, not an ESCO skill URI",
                "find the skill on the ESCO portal and copy its URI, "
                "http://data.europa.eu/esco/skill/<uuid>; the name may follow as its label: "
                f"{{uri: http://data.europa.eu/esco/skill/<uuid>, label: {shorten(text)}}}",
            )
        return None
    kind = concept["kind"].casefold()
    if kind != "skill":
        what = ESCO_KINDS.get(kind, f"an ESCO {kind}")
        return (
            f"{shown} is {what}, not a skill",
            "name the skills it needs instead: the ESCO portal lists an occupation's essential "
            "and optional skills; copy a skill's URI, http://data.europa.eu/esco/skill/<uuid>",
        )
    uri = f"http://data.europa.eu/esco/skill/{concept['id'].casefold()}"
    if not ESCO_SKILL_RE.fullmatch(uri):
        ident = concept["id"].casefold()
        if re.fullmatch(r"[0-9a-f-]{20,60}", ident) and len(ident) != 36:
            return (  # a uuid with characters lost or doubled in copying
                f"{shown} is not a whole ESCO skill URI: the id after 'skill/' has "
                f"{len(ident)} characters, where ESCO's have 36 (8-4-4-4-12)",
                "copy the whole URI again from the skill's page on the ESCO portal",
            )
        return None  # not a skill's identifier: the general message says how one looks
    if named:
        return (
            f"{shown} is the address of the ESCO portal's page, not the skill's URI",
            f"write the URI it names: {uri}",
        )
    how = [
        said
        for differs, said in (
            (pasted.casefold().startswith("https:"), "http, not https"),
            (concept["id"] != concept["id"].casefold(), "in lower case"),
            (pasted.endswith("/"), "without a '/' at the end"),
        )
        if differs
    ]
    return (
        f"{shown} is not the skill's URI as ESCO writes it",
        f"write {uri}" + (f" ({', '.join(how)})" if how else ""),
    )


def problems_from_errors(
    doc: Document, cls: type[BaseModel], error: ValidationError
) -> list[Problem]:
    """Word and locate the errors of one file's validation.

    Errors under a value the loader already refused (and reported) are left out.

    Args:
        doc: The loaded YAML file.
        cls: The model it was validated against (:class:`~credcat.model.Credential`,
            :class:`~credcat.model.Organisation` or :class:`~credcat.model.CatalogueSettings`).
        error: What pydantic raised.

    Returns:
        One problem per mistake, located in ``doc``.
    """
    errors = [
        found
        for found in error.errors(include_url=False)
        if not _under(_loc(found), doc.refused)  # already reported while loading
    ]
    return _word_errors(doc, _doc_class(cls), errors)


def _under(loc: PathKey, prefixes: set[PathKey]) -> bool:
    return any(loc[: len(prefix)] == prefix for prefix in prefixes)


def _loc(error: Any) -> PathKey:
    """The error's location as a value path; pydantic's union and validator steps removed."""
    loc: PathKey = tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or ("[" not in part and "(" not in part)
    )
    ctx = error.get("ctx") or {}
    if ctx.get("at") is not None:
        loc = (*loc, str(ctx["at"]))
    return loc


def _word_errors(doc: Document, cls: type[BaseModel], errors: list[Any]) -> list[Problem]:
    """Problems for one file's validation errors.

    A misspelt key (``sumary``) makes pydantic report two errors: an unknown key and a missing
    required one. They are one mistake, so only the unknown key is reported, with the missing
    key as its suggestion.
    """
    missing: dict[PathKey, list[str]] = {}
    for error in errors:
        loc = _loc(error)
        if error["type"] == "missing" and loc and isinstance(loc[-1], str):
            missing.setdefault(loc[:-1], []).append(loc[-1])
    replaced: set[PathKey] = set()
    renames: dict[PathKey, str] = {}
    for error in errors:
        loc = _loc(error)
        if error["type"] != "extra_forbidden" or not loc or not isinstance(loc[-1], str):
            continue
        candidates = [m for m in missing.get(loc[:-1], []) if (*loc[:-1], m) not in replaced]
        meant = _meant(loc[-1], candidates)
        if meant is not None:
            renames[loc] = meant
            replaced.add((*loc[:-1], meant))
    found = []
    for error in errors:
        loc = _loc(error)
        if error["type"] == "missing" and loc in replaced:
            continue
        found.append(_problem_from_error(doc, cls, error, loc, renames.get(loc)))
    return found


def _meant(key: str, candidates: list[str]) -> str | None:
    """The missing key that an unknown key most likely is, misspelt or in other case."""
    normal = key.strip().lower().replace(" ", "_").replace("-", "_")
    for candidate in candidates:
        if candidate == normal:
            return candidate
    close = difflib.get_close_matches(normal, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _doc_class(cls: type[BaseModel]) -> type[BaseModel]:
    if cls is Credential:
        return CredentialDoc
    if cls is Organisation:
        return OrganisationDoc
    return cls


def _problem_from_error(
    doc: Document, cls: type[BaseModel], error: Any, loc: PathKey, rename: str | None = None
) -> Problem:
    """Word one pydantic error for a maintainer, and locate it in the YAML file."""
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    hint = str(ctx.get("hint", ""))
    message = str(error["msg"])
    value = error.get("input")
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    label = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    at_key = bool(ctx.get("at_key"))
    raw = doc.unquoted.get(loc)
    if raw is None and loc and loc[-1] == 0 and loc[:-1] in doc.unquoted:
        raw = doc.unquoted[loc[:-1]]  # a single value where a list is allowed
        loc = loc[:-1]
    if raw is not None:
        value = _value_at(doc.data, loc, value)
    if kind == "extra_forbidden":
        allowed = _fields_at(cls, loc[:-1])
        synonym = KEY_SYNONYMS.get(name)
        close = (
            rename
            or (synonym if synonym in allowed else "")
            or next(iter(difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)), "")
        )
        message = f"unknown key '{name}'"
        text_key = _text_key_above(doc, loc, allowed, _walk(cls, loc[:-1]))
        if text_key:  # 'de:' one level too far left, below 'title:'
            hint = (
                f"'{name}' is a language code: indent '{name}:' under '{text_key}:', with its "
                "other languages"
            )
            if isinstance(_value_at(doc.data, (*loc[:-1], text_key), None), str):
                hint = (
                    f"'{name}' is a language code: give '{text_key}:' one text per language, "
                    f"each indented below it, '{name}:' among them"
                )
            line, column = doc.where(loc, key=True)
            return _problem(doc, line, column, loc, message, hint, code=kind)
        home = "" if close else _nested_home(cls, loc[:-1], name)
        elsewhere = "" if close or home or not synonym else _nested_home(cls, loc[:-1], synonym)
        if home:
            hint = f"'{name}' belongs under '{home}:' (indented below it)"
        elif elsewhere:
            hint = f"write it as '{synonym}' under '{elsewhere}:' (indented below it)"
        elif name.isdigit():
            hint = (
                "inside {…} a comma separates entries; write decimal numbers with a point, e.g. 2.5"
            )
        elif close and close.lower() == name.lower() and close != name:
            hint = f"keys are written in lowercase: '{close}'"
        elif close:
            hint = f"did you mean '{close}'?"
        else:
            hint = "allowed here: " + listing(allowed) if allowed else ""
        line, column = doc.where(loc, key=True)
        return _problem(doc, line, column, loc, message, hint, code=kind)
    if kind == "missing":
        message = f"missing required key '{name}'"
        annex = ANNEX_I.get(name) if len(loc) == 1 and cls is not CatalogueSettings else None
        if annex and (cls is CredentialDoc or name == "country"):
            message += f": the EU Council Recommendation (Annex I) requires {annex}"
        hint = hint or _description_at(cls, loc)
        line, column = doc.where(loc[:-1], key=True) if loc[:-1] else (1, 1)
        return _problem(doc, line, column, loc, message, hint, code="missing")
    if value is None and kind not in {"empty_text", "workload"}:
        # `key:` with nothing after it, or a lone `-` in a list
        if loc and isinstance(loc[-1], int):
            message = "this list item is empty"
            hint = "remove the lone '-', or write the item after it"
        else:
            message = f"'{label}' has no value"
            required = _is_required(cls, loc)
            hint = f"write a value after '{label}:'" + ("" if required else ", or remove the key")
        line, column = doc.where(loc)
        return _problem(doc, line, column, loc, message, hint, code="empty")
    if isinstance(value, list | dict) and kind in ONE_VALUE_KINDS:
        message = "expected one value, not " + ("a list" if isinstance(value, list) else "keys")
        hint = f"write one value after '{label}:'"
    elif isinstance(value, float) and not math.isfinite(value):
        message = f"'{shorten(raw or value)}' is not a number"
        hint = "write a plain number"
    elif kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        guesses = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        named = kind_for_name(value) if isinstance(value, str) else None
        if named in options:  # an organisation's kind by its name: Berufsschule
            guesses = [str(named)]
        message = f"'{shorten(value)}' is not allowed here"
        hint = f"did you mean '{guesses[0]}'?" if guesses else f"one of: {listing(options)}"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        fields = _fields_at(cls, loc)
        what = "a list" if isinstance(value, list) else f"the value '{shorten(raw or value)}'"
        message = f"'{label}' needs keys below it, not {what}"
        hint = "keys allowed here: " + listing(fields) if fields else ""
        if name == "price" and isinstance(value, str | int | float):
            hint = _price_hint(raw or str(value), yaml_number=isinstance(value, float))
        elif name == "workload" and isinstance(value, str | int | float):
            hint = _workload_hint(raw or str(value)) or hint
    elif kind == "list_type":
        if isinstance(value, str) and "," in value:
            items = ", ".join(v.strip() for v in value.split(","))
            message = f"'{shorten(value)}' is one text, not a list"
            hint = f"write a list in square brackets: [{items}]"
        else:
            message = f"'{label}' must be a list"
            hint = "write the items on lines starting with '- ', or as [a, b]"
    elif kind == "string_type":
        if isinstance(value, list):
            message = "expected one text, not a list"
        elif isinstance(value, dict):
            message = "expected one text, not keys"
        else:
            message = "expected text"
            hint = hint or "put the value in quotes"
    elif kind == "int_parsing_size" or (
        kind == "value_error" and "integer string conversion" in message
    ):  # Python's own words: "Exceeds the limit (4300 digits) … sys.set_int_max_str_digits()"
        message, hint = f"{shorten(raw or value)} is far too large", "write a plain number"
    elif kind in NUMBER_KINDS:
        message, hint = _number_problem(value, kind, name, hint)
    elif kind in BOUNDS:
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        message = f"{shorten(value)} is {BOUNDS[kind]} {limit}"
    elif kind in {"decimal_max_digits", "decimal_whole_digits"}:
        message = f"{shorten(raw or value)} is too large for an amount"
        hint = "write a plain number such as 450 or 1250.50"
    elif kind == "decimal_max_places":
        message = f"{shorten(raw or value)} has more than 2 decimal places"
        hint = "round it to cents, e.g. 12.35"
    elif kind in {"bool_parsing", "bool_type"}:
        message = f"'{shorten(value)}' is not true or false"
        hint = "write true or false"
    elif kind in DATE_KINDS:
        message, hint = _date_problem(value, raw, hint)
    elif kind == "string_pattern_mismatch":
        what, how = PATTERN_MESSAGES.get(name, ("does not have the expected form", ""))
        message = f"'{shorten(value)}' {what}"
        hint = how
        if name == "uri" and isinstance(value, str):
            message, hint = esco_problem(value) or (message, hint)
    elif kind == "too_short":
        message = f"'{label}' needs at least one entry" if label else message
    elif kind == "string_too_long":
        message = f"the text is too long: at most {ctx.get('max_length')} characters"
    if raw is not None and kind in TEXT_KINDS and _read_as_non_text(value, raw):
        hint = f'write "{raw}" in quotes: {_as_read(value, raw)}'
    if message and message[0].isupper():
        message = message[0].lower() + message[1:]
    line, column = doc.where(loc, key=at_key)
    return _problem(doc, line, column, loc, message, hint, code=kind)


PYDANTIC_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing",
    "literal_error": "not-allowed",
    "enum": "not-allowed",
    "less_than": "too-large",
    "less_than_equal": "too-large",
    "greater_than": "too-small",
    "greater_than_equal": "too-small",
    "string_too_long": "too-long",
    "too_long": "too-long",
    "string_too_short": "too-short",
    "too_short": "too-short",
    "string_pattern_mismatch": "pattern",
    "decimal_max_places": "too-many-decimals",
    "value_error": "value",
}
"""credcat's problem code of a pydantic error type (``less_than_equal``: ``too-large``): the
codes of ``--format json`` and the titles of GitHub annotations are credcat's words, in one
style; any other type is written with hyphens (``int_parsing``: ``int-parsing``)."""


def _problem(
    doc: Document, line: int, column: int, loc: PathKey, message: str, hint: str, *, code: str
) -> Problem:
    """A validation problem at ``loc`` of ``doc``, its field named for a maintainer."""
    return Problem(
        doc.display,
        line,
        column,
        field_label(loc, doc.data),
        message,
        hint,
        code=PYDANTIC_CODES.get(code, code.replace("_", "-")),
        loc=loc,
    )


def _is_required(cls: type[BaseModel], loc: PathKey) -> bool:
    names = [p for p in loc if isinstance(p, str)]
    parent = _walk(cls, loc[:-1]) if loc and isinstance(loc[-1], str) else None
    info = parent.model_fields.get(names[-1]) if parent and names else None
    return bool(info and info.is_required())


def _read_as_non_text(value: Any, raw: str) -> bool:
    """Whether YAML turned unquoted text into something else (``NO`` → false, ``0613`` → 395)."""
    if isinstance(value, bool):
        return raw.lower() not in {"true", "false"}
    return isinstance(value, int | float | date)


def _as_read(value: Any, raw: str) -> str:
    """How YAML read an unquoted value: ``NO`` as false, ``0613`` as the number 395 …"""
    if isinstance(value, bool):
        read = "false" if value is False else "true"
    elif isinstance(value, int | float):
        read = "a number" if raw == repr(value) else f"the number {value!r}"
    else:
        read = "a date"
    return f"without quotes, YAML reads {raw} as {read}"


def _text_key_above(
    doc: Document, loc: PathKey, allowed: list[str], parent: type[BaseModel] | None
) -> str:
    """The text key an unknown key that is a language code belongs under: the nearest key
    above it (past other language codes written beside it) that is a translatable text of
    ``parent`` (the model the keys are validated by); ``""`` when there is none or the key is
    no language code."""
    name = loc[-1] if loc else None
    if parent is None or not isinstance(name, str) or name in allowed:
        return ""
    if vocab.lookup("language", name) is None:
        return ""
    data = _value_at(doc.data, loc[:-1], None)
    if not isinstance(data, dict) or name not in data:
        return ""
    keys = list(data)
    for key in reversed(keys[: keys.index(name)]):
        if not isinstance(key, str):
            return ""
        if key not in allowed and vocab.lookup("language", key) is not None:
            continue  # another language written beside it
        info = parent.model_fields.get(key)
        text = info is not None and (TEXT_MARK in info.metadata or _is_text(info.annotation))
        return key if text else ""
    return ""


TEXT_MARK = typing.get_args(MultilingualText)[1]
"""What makes a field a translatable text (:data:`credcat.model.MultilingualText`)."""


def _is_text(annotation: Any) -> bool:
    """Whether a field's annotation is a translatable text (or one, or none)."""
    if TEXT_MARK in getattr(annotation, "__metadata__", ()):
        return True
    return any(_is_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _value_at(data: Any, loc: PathKey, default: Any) -> Any:
    """The loaded value at ``loc`` (pydantic's error input is the value of the whole field)."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return default
    return data


def _currency_in(text: str) -> str | None:
    for sign, code in CURRENCY_CODE_FOR_SYMBOL.items():
        if sign in text:
            return code
    for letters in re.findall(r"[A-Za-z]{3}", text):
        found = vocab.lookup("currency", letters)
        if found is not None:
            return found.code
    for word in re.findall(r"[^\W\d_]+", text):  # "4 500 korun"
        named = CURRENCY_CODE_FOR_NAME.get(word.casefold())
        if named is not None:
            return named
    return None


NUMBER_IN_TEXT = re.compile(r"\d(?:[\d.,'’ \u00a0\u202f]*\d)?")
"""A number as people write one in a text: digits, and the marks that group thousands or mark
decimals (``1.234,50``, ``1 234,50``, ``1,234.50``, ``1'234.50``)."""


@dataclass(frozen=True, slots=True)
class WrittenNumber:
    """A number read from a text the way people write numbers (:func:`read_number`).

    Attributes:
        text: The number as written: ``1.234,50``.
        value: The number as credcat reads one: ``1234.50``.
        grouped: Whether its digits were written in groups (``1.234``, ``1 234``).
        decimal_comma: Whether a comma marks its decimals (``2,5``).
        ambiguous: Whether it is a single '.' or ',' followed by three digits (``1.200``,
            ``1,200``): read as thousands (1200), but it may have meant decimals (1.20).
    """

    text: str
    value: str
    grouped: bool
    decimal_comma: bool
    ambiguous: bool


def read_number(text: str) -> WrittenNumber | None:
    """The first number of a text, written as European and English texts write numbers.

    The last '.' or ',' followed by one or two digits marks the decimals; every other mark
    groups thousands: '.' or ',' (the one that does not mark the decimals), a space, a no-break
    space or an apostrophe, with groups of three digits after the first group of one to three.
    A single '.' or ',' followed by three digits groups thousands too (``€ 1.234`` is 1234):
    such a number is :attr:`WrittenNumber.ambiguous`.

    Returns:
        The number, or ``None`` when the text has none, or one whose marks fit no way of
        writing numbers (``1.2345``, ``1.234.50``, ``12,34,567``).
    """
    match = NUMBER_IN_TEXT.search(text)
    if match is None:
        return None
    written = match[0]
    parts = re.split(r"(\D)", written)
    groups, marks = parts[0::2], parts[1::2]
    if not all(groups):  # two marks in a row: "12, 50"
        return None
    decimal = fraction = ""
    if marks and marks[-1] in ".," and len(groups[-1]) <= 2:
        decimal, fraction = marks.pop(), groups.pop()
    if marks and (
        len(set(marks)) > 1
        or decimal in marks
        or not 1 <= len(groups[0]) <= 3
        or groups[0].startswith("0")
        or any(len(group) != 3 for group in groups[1:])
    ):
        return None
    return WrittenNumber(
        written,
        "".join(groups) + (f".{fraction}" if fraction else ""),
        grouped=bool(marks),
        decimal_comma=decimal == ",",
        ambiguous=not decimal and len(marks) == 1 and marks[0] in ".,",
    )


_HOURS_WORDS = re.compile(
    r"h|hrs?|hours?|std|stunden|heures?|horas?|ore|uur|godzin|hodin", re.IGNORECASE
)
_ECTS_WORDS = re.compile(r"ects|credits?|cp|lp|kp|leistungspunkte|créditos?|crediti", re.IGNORECASE)


def _whole_hours(number: str, least: int = 1) -> str:
    """``number`` of hours as the model takes them, a whole number: rounded half up, at least
    ``least`` (``Workload.hours`` is greater than 0; its parts may be 0)."""
    rounded = Decimal(number).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(max(int(rounded), least))


HOURS_PARTS = frozenset({"guided_hours", "self_study_hours", "assessment_hours"})
"""The parts of a workload's hours, whole numbers like ``hours``, which they add up to."""
HOURS_FIELDS = frozenset({"hours", *HOURS_PARTS})
"""The fields of a workload that hold hours: whole numbers."""


def _rounded_hours(name: str, number: str) -> str:
    """The hint for hours written with a fraction (``2.5``, ``2,5``) under ``hours`` or one of
    its parts (:data:`HOURS_PARTS`): the number rounded, as the model takes it, with the sum
    to keep for a part."""
    whole = _whole_hours(number, 0 if name in HOURS_PARTS else 1)
    hint = f"write {name}: {whole}, which is {number} rounded"
    if name in HOURS_PARTS:
        return f"{hint}: hours are whole numbers, and the parts still add up to hours"
    return hint


def _workload_hint(text: str) -> str:
    """How to write a workload written as one value: ``80`` (of what?), ``5 ECTS``, ``40 h``,
    ``40 hrs.``; hours are whole, so in ``1.200 Std.`` the dot groups thousands, and ``2,5 h``
    is suggested rounded (``hours: 3``), as the model refuses ``hours: 2.5``."""
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([^\W\d]+\.?)?\s*", text)
    if match is None:
        return ""
    number = match[1].replace(",", ".")
    unit = (match[2] or "").removesuffix(".")
    below = "on a line of its own below 'workload:', indented"
    if unit and _ECTS_WORDS.fullmatch(unit):
        return f"write ects: {number} {below}"
    if unit and _HOURS_WORDS.fullmatch(unit):
        hours = re.sub(r"^(\d{1,3})\.(\d{3})$", r"\1\2", number)  # 1.200 h, 1,200 h: 1200
        if "." not in hours:
            return f"write hours: {hours} {below}"
        return (
            f"write hours: {_whole_hours(hours)} {below}; hours are whole numbers: {hours} rounded"
        )
    if unit:
        return ""
    if Decimal(number) > MAX_ECTS:  # no ECTS credits: hours of learning
        return (
            f"write hours: {_whole_hours(number)} {below}, if {number} counts hours of learning; "
            f"ECTS credits are at most {MAX_ECTS}"
        )
    if "." in number:
        return (
            f"say what {number} counts, {below}: ects: {number} for ECTS credits, or "
            f"hours: {_whole_hours(number)} for hours of learning, which are whole numbers"
        )
    return (
        f"say what {number} counts, {below}: hours: {number} for hours of learning, or "
        f"ects: {number} for ECTS credits"
    )


def _price_hint(text: str, *, yaml_number: bool = False) -> str:
    """How to write a price written as one value: ``450 €``, ``1.234,50 €``, ``EUR 1,234.50``.

    A '.' or ',' before three digits groups thousands (``€ 1.234`` is 1234); where YAML read
    the value as a number (``price: 1.200``, ``yaml_number``), the hint names its other
    reading too (1.20).
    """
    currency = _currency_in(text) or "EUR"
    number = read_number(text)
    if number is None and re.search(r"\d", text):  # digits, but written in no known way
        return (
            f"write price: {{amount: …, currency: {currency}}} with the amount as a plain "
            "number, e.g. 1250.50"
        )
    amount = number.value if number is not None else "450"
    hint = f"write price: {{amount: {amount}, currency: {currency}}}"
    if number is not None and number.ambiguous and yaml_number:
        reading = _as_decimals(number.text)
        hint += f"; or amount: {reading}" if reading else ""
    return hint


AMBIGUOUS_AMOUNT = re.compile(r"[1-9]\d{0,2}\.\d{3}")
"""An amount written with a dot before three digits (``1.200``, ``12.500``): one thousand two
hundred where a dot groups thousands (Spain, Germany, Italy …), but the number 1.2 to YAML."""


def _as_decimals(written: str) -> str:
    """An amount written with a dot before three digits (``1.200``) read as decimals
    (``1.20``); ``""`` when it would have more than two decimal places (``1.234``)."""
    whole, fraction = written.split(".")
    if fraction[2] != "0":
        return ""
    cents = fraction[:2]
    return whole if cents == "00" else f"{whole}.{cents}"


def _ambiguous_amount(written: str) -> tuple[str, str]:
    """Message and hint for an amount written with a dot before three digits (``1.200``)."""
    thousands = int(written.replace(".", ""))
    reading = _as_decimals(written)
    hint = f"write {thousands} without a thousands separator, or "
    if reading:  # 1.200: 1200 or 1.20
        message = (
            f"{written} is ambiguous: credcat reads it as {float(written):g}, but where a dot "
            f"groups thousands it is {thousands}"
        )
        return message, hint + f"{reading} if that is the amount"
    cents = Decimal(written).quantize(Decimal("0.01"), ROUND_HALF_UP)
    message = (
        f"{written} has more than 2 decimal places, or is {thousands} with a dot that groups "
        "thousands"
    )
    return message, hint + f"round it to cents, e.g. {cents}"


def _amount_problems(doc: Document) -> list[Problem]:
    """The price amounts of a credential file written with a dot before three digits.

    YAML reads ``amount: 1.200`` as the number 1.2, and the site would publish "1,20 €" where
    the maintainer, who groups thousands with a dot, meant one thousand two hundred: an error,
    as ``version: 1.10`` is, so that neither reading is published by chance. The text written
    is read from :attr:`Document.unquoted` (``1.200``, as written) or is the quoted text.
    """
    offerings = doc.data.get("offerings")
    found: list[Problem] = []
    for i, offering in enumerate(offerings if isinstance(offerings, list) else []):
        price = offering.get("price") if isinstance(offering, dict) else None
        if not isinstance(price, dict) or "amount" not in price:
            continue
        loc: PathKey = ("offerings", i, "price", "amount")
        amount = price["amount"]
        written = doc.unquoted.get(loc) or (amount.strip() if isinstance(amount, str) else "")
        if loc in doc.refused or not AMBIGUOUS_AMOUNT.fullmatch(written):
            continue
        message, hint = _ambiguous_amount(written)
        found.append(_problem(doc, *doc.where(loc), loc, message, hint, code="ambiguous-amount"))
    return found


def _number_problem(value: Any, kind: str, name: str, hint: str) -> tuple[str, str]:
    if isinstance(value, float) and value != value:
        return "'nan' is not a number", "write a plain number"
    if kind == "int_from_float" or (isinstance(value, float) and "int" in kind):
        if name in HOURS_FIELDS and isinstance(value, float) and value > 0 and not hint:
            return f"{value} is not a whole number", _rounded_hours(name, str(value))
        return f"{value} is not a whole number", hint or "write a whole number, e.g. 135"
    if isinstance(value, str):
        number = read_number(value)  # 1.234,50 · 1 234,50 · 1,234.50 · 2,5
        alone = number if number is not None and number.text == value.strip() else None
        sign = _currency_in(value)
        digits = re.findall(r"\d+(?:\.\d+)?", value)
        if alone is not None and alone.grouped:
            hint = f"write the number without separators: {name}: {alone.value}"
        elif alone is not None and alone.decimal_comma:
            if name in HOURS_FIELDS and "int" in kind and "." in alone.value:  # 2,5 hours
                hint = _rounded_hours(name, alone.value)
            else:
                hint = f"write a decimal point: {name}: {alone.value}"
        elif sign is not None:
            hint = (
                f"write the number alone, {name}: {number.value if number else '450'}, and the "
                f"currency as currency: {sign}"
            )
        elif len(digits) == 1:
            hint = f"write the number alone: {name}: {digits[0]}"
        else:
            hint = hint or "write a plain number"
        return f"'{shorten(value)}' is not a number", hint
    return f"'{shorten(value)}' is not a number", hint or "write a plain number"


def _day_or_month_first(text: str, first: int, second: int, year: int) -> tuple[str, str]:
    """Message and hint for a date written with slashes or hyphens, year last: Europe writes
    the day first (``25/12/2026``), the United States the month (``12/25/2026``). Where only
    one reading is a date, that one is meant; where both are, credcat cannot tell."""
    readings: list[date] = []
    for month, day in ((second, first), (first, second)):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found not in readings:
            readings.append(found)
    if not readings:
        return f"'{text}' is not a real date", "check the day and the month: dates are YYYY-MM-DD"
    if len(readings) == 1:
        return f"'{text}' is not written as YYYY-MM-DD", f"write {readings[0].isoformat()}"
    day_first, month_first = readings
    return (
        f"'{text}' is ambiguous: day first it is {_spelt(day_first)}, month first "
        f"{_spelt(month_first)}",
        f"write {day_first.isoformat()} or {month_first.isoformat()}, whichever is meant",
    )


def _spelt(day: date) -> str:
    """``11 January 2026``."""
    return f"{day.day} {MONTH_NAMES['en'][day.month - 1].capitalize()} {day.year}"


def _date_problem(value: Any, raw: str | None, hint: str) -> tuple[str, str]:
    if isinstance(value, datetime):
        return (
            f"'{shorten(raw or value)}' has a time of day",
            f"write the date alone: {value.date().isoformat()}",
        )
    text = str(raw or value)
    short = SHORT_YEAR_DATE.match(text)
    if short:  # 15.02.27: the day first, this century
        first, second, year = int(short[1]), int(short[3]), 2000 + int(short[4])
        if short[2] == "/":  # 11/01/26: the day or the month first?
            return _day_or_month_first(text, first, second, year)
        try:
            iso = date(year, second, first).isoformat()
        except ValueError:
            return (
                f"'{text}' is not a real date",
                "check the day and the month: dates are YYYY-MM-DD",
            )
        return f"'{text}' has a two-digit year", f"write {iso}: dates are YYYY-MM-DD"
    local = LOCAL_DATE.match(text)
    if local and "." not in text:  # 11/01/2026: the day or the month first?
        return _day_or_month_first(text, int(local[1]), int(local[2]), int(local[3]))
    for pattern, order in ((LOCAL_DATE, (3, 2, 1)), (SLASHED_ISO_DATE, (1, 2, 3))):
        match = pattern.match(text)
        if match:
            year, month, day = (int(match[i]) for i in order)
            try:
                iso = date(year, month, day).isoformat()
            except ValueError:
                break
            return f"'{text}' is not written as YYYY-MM-DD", f"write {iso}"
    worded = WORDED_DATE.match(text)
    named = _month_of(worded["month"] or worded["month2"]) if worded else None
    if worded and named:
        try:
            spelt = date(int(worded["year"]), named, int(worded["day"] or worded["day2"]))
        except ValueError:
            return (
                f"'{text}' is not a real date",
                "check the day and the month: dates are YYYY-MM-DD",
            )
        return f"'{text}' is not written as YYYY-MM-DD", f"write {spelt.isoformat()}"
    short = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text)
    if short:
        try:
            iso = date(int(short[1]), int(short[2]), int(short[3])).isoformat()
        except ValueError:
            return (
                f"'{text}' is not a real date",
                "check the day and the month: dates are YYYY-MM-DD",
            )
        if iso != text.strip():  # a missing leading zero: 2026-9-1
            return f"'{text}' is not written as YYYY-MM-DD", f"write {iso}"
        return f"'{text}' is not a real date", "check the day and the month: dates are YYYY-MM-DD"
    if re.search(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
        alone = text.strip()[:10]
        try:
            date.fromisoformat(alone)
        except ValueError:  # 2027-02-30T10:00: the date alone would not be one either
            return (
                f"'{text}' has a time of day, and {alone} is not a real date",
                "write the date alone, and check the day and the month: dates are YYYY-MM-DD",
            )
        return f"'{text}' has a time of day", f"write the date alone: {alone}"
    return f"'{text}' is not a date", hint or "write dates as YYYY-MM-DD, e.g. 2027-03-01"


def model_in(annotation: Any) -> type[BaseModel] | None:
    """Find the BaseModel class inside an annotation (``X | None``, ``list[X]`` …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def _walk(cls: type[BaseModel], loc: Iterable[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = model_in(info.annotation) if info else None
    return current


KEY_SYNONYMS = {
    "enrolment_deadline": "application_deadline",
    "enrollment_deadline": "application_deadline",
    "registration_deadline": "application_deadline",
    "deadline": "application_deadline",
    "ects_credits": "ects",
    "credits": "ects",
    "learning_outcomes": "outcomes",
    "level": "eqf",
}
"""Keys a maintainer writes for one the model has under another name: suggested where the
spelling is too far for a close match (``enrolment_deadline`` is closest to ``enrolment_url``)."""


def _nested_home(cls: type[BaseModel], loc: PathKey, name: str) -> str:
    """The key at ``loc`` whose block has a field ``name`` (``builds_on`` written at the top
    of a credential belongs under ``stackability:``), or ``""``."""
    parent = _walk(cls, loc)
    if parent is None:
        return ""
    for key, info in parent.model_fields.items():
        inner = model_in(info.annotation)
        if inner is not None and name in inner.model_fields:
            return key
    return ""


def _fields_at(cls: type[BaseModel], loc: PathKey) -> list[str]:
    target = _walk(cls, loc)
    if target is None:
        return []
    return list(target.model_fields)


def _description_at(cls: type[BaseModel], loc: PathKey) -> str:
    if not loc or not isinstance(loc[-1], str):
        return ""
    parent = _walk(cls, loc[:-1])
    info = parent.model_fields.get(loc[-1]) if parent else None
    if info is None or not info.description:
        return ""
    first = info.description.split("\n")[0].strip().replace("``", "")
    return first.split(". ")[0].rstrip(".")


# --- validation ---------------------------------------------------------------------------


def validate_entity(
    cls: type[M],
    doc: Document,
    entity_id: str,
    context: dict[str, Any],
    problems: list[Problem],
    *,
    released: bool = False,
) -> M | None:
    """Validate an organisation or credential file whose id is its file name ``entity_id``.

    A written ``id:`` key is reported (the file name gives the id) and ignored. Problems are
    appended to ``problems``; the model instance, or None when the file is invalid, is returned.
    ``released`` as for :func:`validate_document`.
    """
    if "id" in doc.data:
        line, column = doc.where(("id",), key=True)
        written = doc.data["id"]
        if written == entity_id:
            message = "remove this key: the file name gives the id"
            hint = ""
        else:
            message = f"the id is the file name, '{entity_id}': remove this key"
            hint = (
                f"to use the id '{written}', rename the file to {written}.yaml"
                if isinstance(written, str) and SLUG_RE.fullmatch(written)
                else ""
            )
        problems.append(
            Problem(doc.display, line, column, "id", message, hint, code="unknown-key", loc=("id",))
        )
        doc.data = {k: v for k, v in doc.data.items() if k != "id"}
    return validate_document(
        cls, doc, context, problems, extra={"id": entity_id}, released=released
    )


def validate_document(
    cls: type[M],
    doc: Document,
    context: dict[str, Any],
    problems: list[Problem],
    extra: dict[str, Any] | None = None,
    *,
    released: bool = False,
) -> M | None:
    """Validate a document against ``cls``; append located problems; the instance or None.

    How a credential's values are written is checked too, where the model cannot tell (a
    price's amount written ``1.200``, :func:`_amount_problems`), except in a ``released``
    snapshot, which never changes.
    """
    data = {**doc.data, **(extra or {})}
    ambiguous = _amount_problems(doc) if cls is Credential and not released else []
    try:
        instance = cls.model_validate(data, context=context)
    except ValidationError as exc:
        said = {p.loc for p in ambiguous}  # an amount's other complaint (12.345: 3 decimals)
        found = [p for p in problems_from_errors(doc, cls, exc) if p.loc not in said]
        found += ambiguous
        problems.extend(found)
        if cls is Credential:  # the rules need a model: what they would say of ids, now
            problems.extend(_id_problems(doc, {p.loc for p in found if p.loc is not None}))
        return None
    problems.extend(ambiguous)
    return None if ambiguous else instance


_ID_LISTS = ("outcomes", "assessments", "offerings")


def _id_problems(doc: Document, reported: set[PathKey]) -> list[Problem]:
    """What the rules say of a credential's ids (one id twice in a list; ``proves`` naming an
    outcome the file does not have), read from the file itself, for a file the model refused
    for another reason: so that every mistake of the file is reported in one run. Values the
    model refused already (a malformed id) are left to that problem."""

    def refused(loc: PathKey) -> bool:
        return any(loc[: len(done)] == done for done in reported if done)

    def ids(name: str) -> list[tuple[int, str]]:
        items = doc.data.get(name)
        if not isinstance(items, list):
            return []
        return [
            (i, item["id"])
            for i, item in enumerate(items)
            if isinstance(item, dict)
            and isinstance(item.get("id"), str)
            and SLUG_RE.fullmatch(item["id"])
            and not refused((name, i, "id"))
        ]

    out: list[Problem] = []

    def add(loc: PathKey, message: str, hint: str, code: str) -> None:
        out.append(_problem(doc, *doc.where(loc), loc, message, hint, code=code))

    for name in _ID_LISTS:
        seen: dict[str, int] = {}
        for i, item_id in ids(name):
            if item_id in seen:
                add(
                    (name, i, "id"),
                    f"duplicate id '{item_id}' "
                    f"(also {field_label((name, seen[item_id]), doc.data)})",
                    "give each entry its own id",
                    "duplicate-id",
                )
            seen.setdefault(item_id, i)
    outcomes = [item_id for _, item_id in ids("outcomes")]
    assessments = doc.data.get("assessments")
    if not outcomes or not isinstance(assessments, list) or refused(("outcomes",)):
        return out
    for i, assessment in enumerate(assessments):
        proves = assessment.get("proves") if isinstance(assessment, dict) else None
        for j, ref in enumerate(proves if isinstance(proves, list) else []):
            loc: PathKey = ("assessments", i, "proves", j)
            if isinstance(ref, str) and ref not in outcomes and not refused(loc):
                close = difflib.get_close_matches(ref, outcomes, n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else "name outcome ids from this file's outcomes: "
                    + listing(dict.fromkeys(outcomes))
                )
                add(loc, f"unknown outcome '{ref}'", hint, "unknown-outcome")
    return out
