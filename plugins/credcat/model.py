"""The typed model of a catalogue: what maintainers write in YAML, checked field by field.

Three file kinds, one model each:

* ``catalogue.yaml`` → :class:`CatalogueSettings`
* ``organisations/<id>.yaml`` → :class:`OrganisationDoc`
* ``credentials/<id>.yaml`` → :class:`CredentialDoc`

The ``*Doc`` classes describe exactly the file contents (they generate the JSON Schemas that
editors use); :class:`Organisation` and :class:`Credential` add the id taken from the file name.
Every model is frozen and forbids unknown keys. Texts may be written as a plain string (in the
catalogue's default language) or as a map of language code to text; after validation every
text is a ``dict[str, str]``. Controlled values are short codes checked against the shipped
vocabularies (:mod:`credcat.vocab`) and normalised to their canonical code.
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib.resources import files
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple, Protocol

import yaml
from babel.messages.pofile import read_po
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from . import vocab
from .errors import shorten
from .ids import MAX_ID_LENGTH, SLUG_RE, WINDOWS_RESERVED_RE, slugify
from .languages import cldr_names, likely_territories
from .licences import LICENCES, known_licence, suggest_licence

VERSION_RE = re.compile(r"^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$")
RESERVED_VERSIONS = frozenset({"index", "summary", "versions", "latest", "current", "search"})
"""Version names refused (in any case): the names of pages and files the site keeps, or may
keep, next to a credential's version folders in ``credentials/<id>/``."""
FILE_SUFFIXES = frozenset(
    {"html", "htm", "json", "jsonld", "xml", "txt", "md", "yaml", "yml", "css", "js", "map"}
    | {"svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "pdf", "gz", "zip", "csv", "rdf", "ttl"}
)
"""A version may not end in ``.<one of these>`` (in any case): ``credentials/<id>/<version>/``
is a folder next to ``index.html``, and a folder named like a file (``index.html``,
``elm.jsonld``) collides with it, or confuses a web server about its type."""
ESCO_SKILL_RE = re.compile(
    r"^http://data\.europa\.eu/esco/skill/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$"
)
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"']*$", re.IGNORECASE)
UNSAFE_URL_CHARS_RE = re.compile(
    r"[\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
"""Backslashes (browsers read them as '/'), control, zero-width and bidi-control characters."""
EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
DURATION_RE = re.compile(r"^\s*(\d{1,4})\s+(hour|day|week|month|year)s?\s*$", re.IGNORECASE)

DEFAULT_LANGUAGE = "en"

MAX_PLACES = 1_000_000
"""The most places an offering may have: more is a typo (and machine readers of the JSON-LD
hold whole numbers exactly only up to 2**53)."""

NUMBER_WORDS = {
    word: str(number)
    for words in (
        ("one", "two", "three", "four", "five", "six", "seven", "eight"),
        ("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht"),
    )
    for number, word in enumerate(words, 1)
}
"""Numbers written as words, for the hint on ``eqf: six``."""

_UNIT_WORDS = {
    "hours": "h hrs std stunde stunden heure heures hora horas ur ora ore uur uren godzina "
    "godziny godzin hodina hodiny hodin hodín",
    "days": "d tag tage jour jours dia dias día días dni giorno giorni dag dagen dzień den dny "
    "dní dnů",
    "weeks": "w wk wks woche wochen semaine semaines semana semanas tednov settimana settimane "
    "weken tydzień tygodnie tygodni týden týdny týdnů týždeň týždne týždňov",
    "months": "m monat monate mois mes meses mês mesecev mese mesi maand maanden miesiąc "
    "miesiące miesięcy měsíc měsíce měsíců mesiac mesiace mesiacov",
    "years": "y jahr jahre an ans ano anos año años let anno anni jaar jaren rok lata lat roky",
}
DURATION_UNITS = {word: unit for unit, words in _UNIT_WORDS.items() for word in words.split()}
"""Units maintainers write in other languages or abbreviated, for the hint on ``duration``."""


def fail(
    code: str, message: str, hint: str = "", *, at: str | None = None, key: bool = False
) -> PydanticCustomError:
    """Build a validation error carrying a maintainer-facing hint (read back by the core).

    Args:
        code: Stable short name of the check.
        message: What is wrong.
        hint: How to fix it.
        at: A key below the validated value that the problem is about (``"de"`` for the German
            text of a translatable text), so the core can point at it.
        key: Point at the key ``at`` itself rather than at its value.
    """
    ctx: dict[str, Any] = {}
    if hint:
        ctx["hint"] = hint
    if at is not None:
        ctx["at"] = at
        ctx["at_key"] = key
    return PydanticCustomError(code, message, ctx)


def _not_quoted_hint(value: Any) -> str:
    if isinstance(value, bool):
        return "YAML reads yes/no/on/off/NO as true/false: put the value in quotes"
    if isinstance(value, int | float):
        return 'put the value in quotes, e.g. "0613" or "1.0": YAML reads it as a number'
    return ""


# --- text ---------------------------------------------------------------------------------


def _default_language(info: ValidationInfo) -> str:
    ctx = info.context or {}
    return str(ctx.get("default_language", DEFAULT_LANGUAGE))


def _to_text(value: Any, info: ValidationInfo) -> dict[str, str]:
    name = info.field_name or "title"
    if isinstance(value, str):
        if not value.strip():
            raise fail("empty_text", "the text is empty", "write the text or remove the key")
        return {_default_language(info): value.strip()}
    if value is None:
        raise fail("empty_text", "no text given", f"write the text after '{name}:'")
    if isinstance(value, dict):
        if not value:
            raise fail("empty_text", "no text given", f"write '{name}: …' or '{name}: {{en: …}}'")
        out: dict[str, str] = {}
        for lang, text in value.items():
            code = str(lang)
            concept = vocab.lookup("language", code)
            if concept is None:
                listed = tuple((info.context or {}).get("languages") or ())
                hint = vocab_guess("language", code, listed)
                own = listed or ("en", "de", "fr")
                raise fail(
                    "language",
                    f"'{code}' is not a language code",
                    f"did you mean '{hint}'?"
                    if hint
                    else f"use two-letter codes such as {', '.join(own[:3])}",
                    at=code,
                    key=True,
                )
            if isinstance(text, list):
                raise fail(
                    "text_type",
                    f"the '{code}' text is a list",
                    "write one text; for several paragraphs use '|' and indented lines",
                    at=code,
                )
            if isinstance(text, dict):
                raise fail("text_type", f"the '{code}' text holds keys, not text", at=code)
            if text is not None and not isinstance(text, str):
                raise fail(
                    "text_type",
                    f"the '{code}' text is not text",
                    _not_quoted_hint(text) or "write the text in quotes",
                    at=code,
                )
            if text is None or not text.strip():
                raise fail(
                    "empty_text",
                    f"the '{code}' text is empty",
                    f"write the text or remove '{code}:'",
                    at=code,
                )
            if concept.code in out:  # 'en' and 'EN' (or 'eng'): one language written twice
                first = next(str(k) for k in value if vocab.lookup("language", str(k)) == concept)
                raise fail(
                    "language",
                    f"'{code}' is the language of '{first}' again: the text would replace it",
                    f"keep one text per language; remove '{code}:' or '{first}:'",
                    at=code,
                    key=True,
                )
            out[concept.code] = text.strip()
        return out
    if isinstance(value, list):
        raise fail(
            "text_type",
            "expected one text, not a list",
            f"write '{name}: …', or one text per language: '{name}: {{en: …, de: …}}'",
        )
    raise fail(
        "text_type",
        "expected a text, or a map of language code to text",
        _not_quoted_hint(value) or f"e.g. '{name}: …' or '{name}: {{en: …, de: …}}'",
    )


BIBLIOGRAPHIC_LANGUAGES = {
    "alb": "sq",
    "arm": "hy",
    "baq": "eu",
    "chi": "zh",
    "cze": "cs",
    "dut": "nl",
    "fre": "fr",
    "geo": "ka",
    "ger": "de",
    "gre": "el",
    "ice": "is",
    "mac": "mk",
    "may": "ms",
    "per": "fa",
    "rum": "ro",
    "slo": "sk",
    "wel": "cy",
}
"""ISO 639-2's bibliographic codes, which differ from the terminology codes (``deu``) the
language vocabulary knows: ``ger`` is German, not the Irish ``ga`` a spelling match finds."""


def _loosely(text: str) -> str:
    """A level's label without its word for level, spaces and hyphens: ``qnq6``."""
    text = re.sub(r"\b(level|niveau|nível|nivel|livello|stufe)\b", "", text.casefold())
    return re.sub(r"[\s\-_]+", "", text)


def vocab_guess(name: str, value: str, own: Sequence[str] = ()) -> str | None:
    """A likely intended code: a code, alias or label spelled differently.

    A code one letter off one of ``own`` (the catalogue's languages) is that one: ``ge`` in
    a catalogue in English and German is ``de``, not the Irish ``ga`` that is as close.

    Languages and countries are known by two- or three-letter codes; comparing a longer word
    letter by letter with those codes finds nonsense (``eu``), so longer words are matched only
    against names (:func:`_names`): the vocabulary's labels and CLDR's names in every language
    of the language vocabulary (``Germany``, ``Belgique``, ``Deutsch``, ``néerlandais``,
    ``Vlaams``), case and accents aside, or one letter off (``Belgum``). ISO 639-2's
    bibliographic codes (``ger``) are known too.
    """
    wanted = value.strip().casefold()
    if name == "language" and wanted in BIBLIOGRAPHIC_LANGUAGES:
        return BIBLIOGRAPHIC_LANGUAGES[wanted]
    if name in NAMED:
        found = _names(name).get(_plain(value))
        if found is not None:
            return found
        near = [code for code in own if len(wanted) <= 3 and _one_edit(wanted, code.casefold())]
        if near:
            return near[0]
        if len(wanted) > 3:
            return _close_name(name, _plain(value))
        return vocab.suggest(name, value)
    loose = _loosely(wanted)
    for code in vocab.codes(name):
        concept = vocab.lookup(name, code)
        if concept is None:
            continue
        labels = concept.labels.values()
        if (
            any(label.casefold() == wanted for label in labels)
            # a level without its word ("QNQ 6")
            or (name == "nqf" and any(_loosely(label) == loose for label in labels))
        ):
            return concept.code
    # a code written as a page names it, in any language of the interface ("Op de werkplek",
    # "Praktijkbeoordeling"): the vocabulary's own labels have English, German and French only
    named = _interface_names(f"labels.{name}").get(_plain(value))
    if named is not None and vocab.lookup(name, named) is not None:
        return named
    return vocab.suggest(name, value)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter changed, added, removed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]]
            and a[differ[1]] == b[differ[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


NAMED = {"language": "languages", "country": "territories"}
"""The vocabularies whose concepts CLDR names in every language, and CLDR's name for them."""


def _plain(text: str) -> str:
    """A name as compared with another: case, accents and spacing aside (``Néerlandais``,
    ``neerlandais``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@functools.cache
def _names(name: str) -> Mapping[str, str]:
    """The names of the languages or countries (``name``), as :func:`_plain` gives them, with
    the code each names: the vocabulary's labels (in every language it has), then CLDR's names
    in every language of the language vocabulary (:func:`credcat.languages.cldr_names`; a
    regional variety names its language: ``Vlaams`` is ``nl``). A CLDR name of two codes
    (``Kongo``) names neither."""
    found: dict[str, str] = {}
    for code in vocab.codes(name):
        for label in vocab.concept(name, code).labels.values():
            found.setdefault(_plain(label), code)
    named: dict[str, set[str]] = {}
    for label, keys in cldr_names(NAMED[name], vocab.codes("language")).items():
        for key in keys:
            base = key.split("_")[0]  # nl_BE: Dutch; 150: Europe, no country
            concept = vocab.lookup(name, base) if base.isalpha() else None
            if concept is not None:
                named.setdefault(_plain(label), set()).add(concept.code)
    for label, codes in named.items():
        if len(codes) == 1:
            found.setdefault(label, next(iter(codes)))
    return MappingProxyType(found)


@functools.lru_cache(maxsize=256)
def _close_name(name: str, plain: str) -> str | None:
    """The code of the one name ``plain`` is a typo of (``belgum``), or ``None``."""
    names = _names(name)
    close = difflib.get_close_matches(plain, list(names), n=1, cutoff=0.85)
    return names[close[0]] if close else None


MultilingualText = Annotated[
    dict[str, str],
    BeforeValidator(_to_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]{2,3}$"},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ],
            "description": "A text in the default language, or a map of language code to text.",
        }
    ),
]
"""A translatable text: ``"…"`` or ``{en: "…", de: "…"}``; validated to ``{lang: text}``."""


# --- identifiers and URLs -----------------------------------------------------------------


def _slug(value: Any) -> str:
    if isinstance(value, str) and "," in value:
        raise _comma_list(value)
    if not isinstance(value, str):
        raise fail(
            "slug", "expected an id: lowercase words joined by hyphens", _not_quoted_hint(value)
        )
    if len(value) > MAX_ID_LENGTH or not SLUG_RE.fullmatch(value):
        suggestion = slugify(value)
        length = f"at most {MAX_ID_LENGTH} characters (this one has {len(value)})"
        rule = (
            f"an id has {length}"
            if SLUG_RE.fullmatch(value)
            else "use lowercase letters, digits and single hyphens"
            + (f", {length}" if len(value) > MAX_ID_LENGTH else "")
        )
        raise fail(
            "slug",
            f"'{shorten(value)}' is not a valid id: {rule}",
            f"did you mean '{suggestion}'?" if suggestion else "",
        )
    if WINDOWS_RESERVED_RE.fullmatch(value):
        raise fail(
            "slug",
            f"'{value}' cannot be an id: Windows reserves it as a device name, so the published "
            "folder could not be copied there",
            f"e.g. '{value}-course'",
        )
    return value


Slug = Annotated[
    str,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": MAX_ID_LENGTH}),
]
"""A lowercase id: ``data-literacy``. Ids are file names, URL parts and IRI parts."""


OrganisationNames = Mapping[str, tuple[str, str]]
"""What a maintainer may write for an organisation instead of its id, as :func:`slugify`
gives it (its id itself, each of its names and short names), with the organisation's id and
the name it was found by (:func:`organisation_names`)."""


def _organisation_ref(value: Any, info: ValidationInfo) -> str:
    """The id of an organisation. A name written instead of an id (``Université de Wavre``) is
    pointed to the organisation of that name, where the catalogue's organisations are known
    (``context["organisations"]``, :data:`OrganisationNames`), not to an id made from it
    that no organisation has."""
    known: OrganisationNames = (info.context or {}).get("organisations") or {}
    if not known or not isinstance(value, str) or "," in value or SLUG_RE.fullmatch(value):
        return _slug(value)  # an id (an unknown one is the rules' to report), or no name
    key = slugify(value)
    found = known.get(key)
    if found is not None:
        oid, name = found
        raise fail(
            "slug",
            f"'{shorten(value)}' is the name of an organisation, not its id"
            if key != oid
            else f"'{shorten(value)}' is not an id: ids are written in lowercase, with hyphens",
            f"did you mean '{oid}' ({name})?",
        )
    ids = sorted({oid for oid, _ in known.values()})
    close = difflib.get_close_matches(key, ids, n=1, cutoff=0.8)
    raise fail(
        "slug",
        f"'{shorten(value)}' is not an organisation id: "
        "use lowercase letters, digits and single hyphens",
        f"did you mean '{close[0]}' ({known[close[0]][1]})?"
        if close
        else "name the organisation by its id, the name of its file in organisations/ without "
        ".yaml",
    )


OrganisationId = Annotated[
    str,
    BeforeValidator(_organisation_ref),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": MAX_ID_LENGTH}),
]
"""The id of an organisation (a file in ``organisations/``), as :data:`Slug`; a name written
instead gets the id of the organisation of that name in its hint."""


def _url(value: Any, *, mailto: bool = False) -> str:
    if not isinstance(value, str):
        raise fail("url", "expected a web address (https://…)")
    text = value.strip()
    lowered = text.lower()
    if mailto and lowered.startswith("mailto:") and EMAIL_RE.fullmatch(text[7:]):
        return text
    if UNSAFE_URL_CHARS_RE.search(text):
        raise fail(
            "url",
            "the address contains invisible, control or backslash characters",
            "type the address again, or copy it from the browser's address bar",
        )
    if not URL_RE.fullmatch(text):
        allowed = "http(s) or mailto" if mailto else "http(s)"
        full = _full_address(text, mailto=mailto)
        raise fail(
            "url",
            f"'{text[:80]}' is not an allowed {allowed} address",
            f"write {full}" if full else "write a full address starting with https://",
        )
    if "@" in re.split(r"[/?#]", text.split("//", 1)[1], maxsplit=1)[0]:
        raise fail(
            "url",
            f"'{text[:80]}' names a user before the host: browsers would go to the part after '@'",
            "remove everything between https:// and the '@'",
        )
    return text


def _full_address(text: str, *, mailto: bool = False) -> str:
    """The full address a maintainer meant by a host without its scheme (``www.uni.be`` →
    ``https://www.uni.be``; ``info@uni.be`` → ``mailto:info@uni.be`` where a link may be
    an e-mail address), or ``""``."""
    if mailto and EMAIL_RE.fullmatch(text):
        return f"mailto:{text}"
    host = re.split(r"[/?#]", text, maxsplit=1)[0]
    if ":" in host or "@" in host or "." not in host.strip("."):
        return ""  # another scheme (javascript:, ftp:), a user, or no domain: no guess
    full = f"https://{text.removeprefix('//')}"
    return full if URL_RE.fullmatch(full) and len(full) <= 120 else ""


Url = Annotated[
    str,
    BeforeValidator(_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[hH][tT][tT][pP][sS]?://"}),
]
"""An absolute ``http://`` or ``https://`` address; anything else (``javascript:`` …) is refused."""

LinkUrl = Annotated[
    str,
    BeforeValidator(lambda v: _url(v, mailto=True)),
    WithJsonSchema({"type": "string", "pattern": "^([hH][tT][tT][pP][sS]?://|mailto:)"}),
]


def _email(value: Any) -> str:
    if not isinstance(value, str):
        raise fail(
            "email",
            "expected an e-mail address such as info@example.org",
            _not_quoted_hint(value),
        )
    text = value.strip()
    if not EMAIL_RE.fullmatch(text):
        raise fail(
            "email",
            f"'{text[:80]}' is not an e-mail address",
            _email_hint(text),
        )
    return text


def _email_hint(text: str) -> str:
    """How to write an e-mail address, for one that is not: what its domain lacks, if that
    is what is wrong (``catalogue@uni``)."""
    user, at, domain = text.partition("@")
    if at and user and domain and "@" not in domain and "." not in domain:
        return "write the whole domain after '@', with its ending, such as .be or .org"
    return "write it as name@domain, e.g. info@example.org"


Email = Annotated[
    str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})
]


def _version(value: Any) -> str:
    if not isinstance(value, str):
        raise fail(
            "version",
            "the version must be text",
            'write it in quotes, e.g. version: "1.0"; YAML reads 1.10 as the number 1.1',
        )
    if len(value) > 32 or not VERSION_RE.fullmatch(value):
        raise fail(
            "version",
            f"'{shorten(value)}' is not a valid version: use letters, digits, dots and hyphens",
            'e.g. "1.0" or "2026-1"',
        )
    problem = version_name_problem(value)
    if problem:
        raise fail("version", problem, 'use a version number such as "1.0" or "2026-1"')
    return value


def version_name_problem(value: str) -> str:
    """Why a version (that matches :data:`VERSION_RE`) cannot name a folder of the site.

    Each version gets the folder ``credentials/<id>/<version>/`` next to the credential's
    ``index.html``: the name must not be a page or file the site keeps there
    (:data:`RESERVED_VERSIONS`), must not end like a file (:data:`FILE_SUFFIXES`), and must not
    be a name Windows reserves for a device (``con``, ``nul.1`` …), so that the site can be
    copied anywhere.

    Returns:
        The message, or ``""`` when the version can name a folder.
    """
    lowered = value.lower()
    last = lowered.rsplit(".", 1)[-1] if "." in lowered else ""
    if lowered in RESERVED_VERSIONS:
        return f"'{shorten(value)}' cannot be a version: the site has a page or file of that name"
    if last in FILE_SUFFIXES:
        return (
            f"'{shorten(value)}' cannot be a version: it ends like a file name (.{last}), and each "
            "version is a folder of the site"
        )
    if WINDOWS_RESERVED_RE.fullmatch(lowered.split(".", 1)[0]):
        return f"'{shorten(value)}' cannot be a version: Windows reserves that name for a device"
    return ""


Version = Annotated[
    str,
    BeforeValidator(_version),
    WithJsonSchema({"type": "string", "pattern": VERSION_RE.pattern, "maxLength": 32}),
]


# --- controlled vocabularies --------------------------------------------------------------


class VocabCode:
    """Annotation metadata: the value is a code of vocabulary ``name`` (aliases accepted)."""

    def __init__(self, name: str, *, what: str) -> None:
        self.name = name
        self.what = what

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.with_info_before_validator_function(
            self.validate, core_schema.str_schema()
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        if self.name == "nqf":  # codes or official labels ("DQR Level 6"): too many to list
            return {"type": "string", "minLength": 1, "description": self.what}
        return {"type": "string", "enum": list(vocab.codes(self.name)), "description": self.what}

    def validate(self, value: Any, info: ValidationInfo) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and self.name == "eqf":
            value = str(value)
        if not isinstance(value, str):
            raise fail(
                "vocab",
                f"expected {_article(self.what)} {self.what} code",
                _not_quoted_hint(value) or self._examples(info),
            )
        found = vocab.lookup(self.name, value)
        if found is None:
            if "," in value and all(vocab.lookup(self.name, v) for v in value.split(",")):
                raise _comma_list(value)
            own = (info.context or {}).get("languages", ()) if self.name == "language" else ()
            if self.name == "nqf" and (levels := _nqf_own_level(value, info)):
                raise fail("vocab", f"unknown {self.what} '{shorten(value)}'", levels)
            guess = vocab_guess(self.name, value, tuple(own)) or (
                currency_code_for(value) if self.name == "currency" else None
            )
            if guess and self.name == "nqf":  # its codes are opaque: the label is written
                found = vocab.lookup("nqf", guess)
                guess = found.labels.get("en", guess) if found is not None else guess
            hint = f"did you mean '{guess}'?" if guess else self._examples(info)
            raise fail("vocab", f"unknown {self.what} '{shorten(value)}'", hint)
        if self.name == "nqf":
            _nqf_not_a_framework(value, found)
        return found.code

    def _examples(self, info: ValidationInfo) -> str:
        """How codes look: the catalogue's own languages and countries where the file is
        checked in a catalogue (:func:`catalogue_examples`), the levels of its organisations'
        national frameworks, else :data:`CODE_EXAMPLES`."""
        own = catalogue_examples(self.name, info.context or {})
        if own:
            return f"write the two-letter code: {own}"
        countries = tuple((info.context or {}).get("countries") or ())
        if self.name == "nqf" and (frameworks := vocab.nqf_own_levels(countries)):
            return f"write the level as the framework names it: {vocab.nqf_ranges(frameworks)}"
        if self.name in CODE_EXAMPLES:
            return f"write {CODE_EXAMPLES[self.name]}"
        return f"one of: {_some(self.name)}"


def _nqf_own_level(value: str, info: ValidationInfo) -> str:
    """The hint for a level written without its framework's name (``MBO 3``, ``niveau 3``):
    the level of that number in the national framework of the catalogue's organisations
    (``context["countries"]``, the most frequent first), ``did you mean 'NLQF Level 3'?``;
    ``""`` where there is none, or none is known."""
    countries = tuple((info.context or {}).get("countries") or ())
    levels = vocab.nqf_written_level(value, countries)
    if not levels:
        return ""
    options = [f"'{label}'" for label in levels]
    either = options[0] if len(options) == 1 else f"{', '.join(options[:-1])} or {options[-1]}"
    return f"did you mean {either}?"


def _nqf_not_a_framework(value: str, found: vocab.Concept) -> None:
    """Refuse an NQF concept that names a framework ("Austrian National Qualifications
    Framework"), not a level in it: the level is what ``nqf:`` states."""
    framework = vocab.nqf_framework(found.code)
    if framework is None:
        return
    levels = vocab.nqf_levels(framework[1]) if framework[1] else ()
    if levels:
        hint = f'write its level instead, one of "{levels[0]}" … "{levels[-1]}"'
    else:
        hint = 'write the level in it, as the framework names it (e.g. "DQR Level 6")'
    raise fail("nqf-framework", f"'{shorten(value)}' is a framework, not a level in it", hint)


def catalogue_examples(name: str, context: Mapping[str, Any], most: int = 3) -> str:
    """Codes of vocabulary ``name`` (``language`` or ``country``) the catalogue uses, as
    examples for a hint ("fr for French, nl for Dutch"), or ``""``: its languages
    (``context["languages"]``); its organisations' countries (``context["countries"]``),
    else the countries its languages are spoken in (:func:`credcat.languages.likely_territories`:
    ``BE``, ``FR``, ``NL`` for a catalogue in French and Dutch)."""
    languages = tuple(context.get("languages") or ())
    codes: Sequence[str] = ()
    if name == "language":
        codes = languages
    elif name == "country":
        codes = tuple(context.get("countries") or ()) or likely_territories(languages)
    concepts = [c for c in (vocab.lookup(name, code) for code in codes) if c is not None]
    return ", ".join(f"{c.code} for {c.label('en')}" for c in concepts[:most])


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" or word.startswith("ISCED") else "a"


def _some(name: str) -> str:
    all_codes = vocab.codes(name)
    shown = ", ".join(all_codes[:12])
    return shown + (f", … ({len(all_codes)} in all)" if len(all_codes) > 12 else "")


Language = Annotated[str, VocabCode("language", what="language")]
Country = Annotated[str, VocabCode("country", what="country")]
Currency = Annotated[str, VocabCode("currency", what="currency")]
IscedField = Annotated[str, VocabCode("isced-f", what="ISCED-F field")]
Mode = Annotated[str, VocabCode("mode", what="mode of delivery")]
Setting = Annotated[str, VocabCode("learning-setting", what="learning setting")]
Schedule = Annotated[str, VocabCode("learning-schedule", what="learning schedule")]
AssessmentType = Annotated[str, VocabCode("assessment-type", what="assessment type")]
OpportunityType = Annotated[
    str, VocabCode("learning-opportunity-type", what="learning-opportunity type")
]
AccreditationType = Annotated[str, VocabCode("accreditation-type", what="quality-assurance type")]
ReuseLevel = Annotated[str, VocabCode("reuse-level", what="skill reusability level")]
TargetGroup = Annotated[str, VocabCode("target-group", what="target group")]
Nqf = Annotated[str, VocabCode("nqf", what="NQF level")]


CODE_EXAMPLES = {
    "language": "the two-letter code: en for English, de for German, fr for French",
    "country": "the two-letter code: DE for Germany, PT for Portugal, SI for Slovenia",
    "currency": "the three-letter code: EUR, CHF, PLN",
    "nqf": 'the level as the framework names it, e.g. "DQR Level 6"',
}
"""How codes look, for vocabularies too large to list in a hint."""

CURRENCY_CODE_FOR_SYMBOL = {
    "€": "EUR",
    "£": "GBP",
    "$": "USD",
    "CHF": "CHF",
    "Fr.": "CHF",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
    "лв": "BGN",
}
"""Currency signs maintainers type, and the code to write instead (the Nordic "kr" stands
for four currencies: it gets the examples)."""

CURRENCY_CODE_FOR_NAME = {
    name: code
    for code, names in {
        "EUR": ("euro", "euros", "eur"),
        "CZK": ("koruna", "korun", "koruny", "kc", "czk"),
        "PLN": ("zloty", "złoty", "złotych", "zł", "zl"),
        "HUF": ("forint", "ft"),
        "RON": ("leu", "lei"),
        "BGN": ("lev", "leva", "лев", "лева"),
        "CHF": ("franken", "franc", "francs", "franchi"),
    }.items()
    for name in names
}
"""Currencies' names as maintainers write them (any case), and the code to write instead."""


def currency_code_for(text: str) -> str | None:
    """The currency code a sign or a name written instead of it stands for (``Kč``, ``koruna``
    → ``CZK``), else ``None``."""
    text = text.strip()
    return CURRENCY_CODE_FOR_SYMBOL.get(text) or CURRENCY_CODE_FOR_NAME.get(text.casefold())


def _comma_list(value: str, vocabulary: str | None = None) -> PydanticCustomError:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if vocabulary is not None:
        parts = [
            part if vocab.lookup(vocabulary, part) else (vocab_guess(vocabulary, part) or part)
            for part in parts
        ]
    items = ", ".join(parts)
    return fail(
        "list",
        f"'{shorten(value)}' is one text, not a list",
        f"write a list in square brackets: [{items}]",
    )


def _listify(value: Any, vocabulary: str | None = None) -> Any:
    """Let a single value stand for a one-item list (``provider: uni`` = ``[uni]``).

    ``languages: en, de`` is one text with a comma in YAML; it is refused with a hint to write
    ``[en, de]`` rather than read as the single (unknown) code ``"en, de"``.
    """
    if isinstance(value, str) and "," in value:
        raise _comma_list(value, vocabulary)
    return [value] if isinstance(value, str | int) and not isinstance(value, bool) else value


def _listify_languages(value: Any) -> Any:
    return _listify(value, "language")


class _OneOrManySchema:
    """JSON Schema of a list field that also accepts a single item."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        many = handler(schema)
        return {"anyOf": [many.get("items", {}), many]}


LanguageList = Annotated[list[Language], BeforeValidator(_listify_languages), _OneOrManySchema()]
"""Language codes: ``[en, de]``, or a single ``en``."""


IMPORT_PLACEHOLDER = "TODO(import)"
"""What ``credcat import`` writes where its source is silent and the model needs a value. Every
model refuses it (also at the start of a text), so ``credcat check`` fails until a maintainer
replaces each one."""


NEW_PLACEHOLDER = "TODO(new)"
"""What ``credcat new`` writes where the maintainer must fill something in. Refused like
:data:`IMPORT_PLACEHOLDER`, with its own message."""


def _placeholder(value: Any) -> str | None:
    """The placeholder marker ``value`` starts with (or holds in one of its languages)."""
    if isinstance(value, str):
        text = value.strip()
        return next((m for m in (IMPORT_PLACEHOLDER, NEW_PLACEHOLDER) if text.startswith(m)), None)
    if isinstance(value, dict):  # a text in several languages
        return next((m for v in value.values() if (m := _placeholder(v))), None)
    return None


def _is_placeholder(value: Any) -> bool:
    return _placeholder(value) is not None


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set object per combination of fields written (:meth:`_Model.model_post_init`)."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, use_attribute_docstrings=True
    )

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of the fields written with every model that wrote the same ones.

        pydantic gives each instance a set of its own; a credential has about twenty models,
        and their sets were a fifth of a catalogue's memory (10 KB per credential). The models
        are frozen, so nothing adds to a set once made (``model_copy`` copies it first).
        """
        written = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(written), written)
        object.__setattr__(self, "__pydantic_fields_set__", shared)

    @field_validator("*", mode="before")
    @classmethod
    def _no_import_placeholder(cls, value: Any) -> Any:
        marker = _placeholder(value)
        if marker == NEW_PLACEHOLDER:
            raise fail(
                "new-placeholder",
                "a placeholder left by credcat new: fill it in",
                "replace TODO(new) with the real value; the comment beside it says what to write",
            )
        if marker is not None:
            raise fail(
                "import-placeholder",
                "a placeholder left by credcat import: the imported source did not say",
                "replace TODO(import) with the real value; the comment above it says what is "
                "missing",
            )
        return value


# --- catalogue.yaml -----------------------------------------------------------------------


def _data_licence(value: Any) -> str:
    """A licence by SPDX id (its canonical id) or address (a known licence's id, else the
    address as written): :mod:`credcat.licences`."""
    either = f"write one of {', '.join(LICENCES)}, or the https:// address of the licence's text"
    if not isinstance(value, str) or not value.strip():
        raise fail(
            "licence",
            "expected a licence: its SPDX id, such as CC-BY-4.0, or its address (https://…)",
            either,
        )
    if (known := known_licence(value)) is not None:
        return known.id
    text = value.strip()
    if "://" in text or _HOST_RE.match(text):  # an address, perhaps without https://
        return _url(text)
    guess = suggest_licence(text)
    raise fail(
        "licence",
        f"'{shorten(text, 40)}' is not the SPDX id of a licence credcat knows",
        f"write {guess}" if guess else either,
    )


_HOST_RE = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#]|$)")
"""A host name at the start of a text (``www.govdata.de/…``): an address without its scheme."""


DataLicence = Annotated[
    str,
    BeforeValidator(_data_licence),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(LICENCES)},
                {"type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://"},
            ]
        }
    ),
]
"""A licence: the SPDX id of one :data:`credcat.licences.LICENCES` knows, or an address."""


class CatalogueSettings(_Model):
    """``catalogue.yaml``: what the whole catalogue is and where it is published."""

    title: MultilingualText
    """Name of the catalogue, shown in the site header and in machine-readable files."""
    description: MultilingualText | None = None
    """One or two sentences about the catalogue, for the home page and search engines."""
    publisher: OrganisationId
    """Id of the organisation that publishes the catalogue (a file in ``organisations/``)."""
    base_uri: Url
    """Absolute address where the site is published, e.g. ``https://credentials.example.eu/``.
    Every identifier (IRI) in the machine-readable files starts with it, so never change it once
    published."""
    default_language: Language = "en"
    """Language of texts written as plain strings, and of the site's root."""
    languages: LanguageList = Field(default_factory=list)
    """Every language the catalogue offers; a credential text missing one is a warning."""
    partial_languages: LanguageList = Field(default_factory=list)
    """Languages offered although not every text exists in them yet (they are added to
    ``languages``): their pages show missing texts in the default language, marked, and
    ``credcat check`` reports what is missing without failing ``--strict``."""
    contact: Email | None = None
    """Address for questions about the catalogue itself."""
    data_licence: DataLicence | None = None
    """The licence under which others may reuse the catalogue's data (its machine-readable
    files, and the descriptions its pages show): an SPDX id, such as ``CC-BY-4.0`` or
    ``CC0-1.0``, or the address of the licence's text. The footer of every page names it, and
    ``catalogue.jsonld`` states it (``dct:license``)."""

    @field_validator("base_uri")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        if "?" in value or "#" in value:
            raise fail("base_uri", "the base URI must not contain '?' or '#'")
        if len(value) > MAX_BASE_URI:
            raise fail(
                "base_uri",
                f"the base URI has {len(value):,} characters; the limit is {MAX_BASE_URI}",
                "every permanent address and QR code starts with it: use a shorter address",
            )
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _languages(self) -> CatalogueSettings:
        if self.default_language in self.partial_languages:
            raise fail(
                "partial-language",
                f"the default language '{self.default_language}' cannot be partial",
                "every text falls back to the default language; remove it from partial_languages",
            )
        if self.languages and self.default_language not in self.languages:
            # it would become the site's root, every text missing in it
            said = (
                f"the default language '{self.default_language}'"
                if "default_language" in self.model_fields_set
                else f"default_language is not set, and its default, '{self.default_language}',"
            )
            raise fail(
                "default-language",
                f"{said} is not one of languages ({', '.join(self.languages)})",
                "set default_language to the language most texts are written in, and list it "
                "in languages",
                at="default_language",
            )
        langs = list(
            dict.fromkeys([self.default_language, *self.languages, *self.partial_languages])
        )
        object.__setattr__(self, "languages", langs)
        return self


MAX_BASE_URI = 200
"""Longest ``base_uri``: it starts every identifier, and a version's permanent address is
printed as a QR code on its summary (a QR code holds about 2,300 characters at the error
correction used; one a phone reads at a glance far fewer)."""


# --- organisations ------------------------------------------------------------------------

OrganisationKind = Literal[
    "university",
    "vet-school",
    "training-provider",
    "ngo",
    "company",
    "public-authority",
    "quality-agency",
    "network",
    "other",
]


@functools.cache
def _interface_names(section: str) -> Mapping[str, str]:
    """The codes of a part of credcat's interface by the names it gives them, in English
    (``data/ui.yaml``) and in every language of its catalogues (``locales/<lang>.po``), as
    :func:`_plain` gives them: in ``org_kind``, ``berufsschule`` is ``vet-school``; in
    ``labels.mode``, ``op de werkplek`` is ``work-based``.

    Args:
        section: The dotted key of the strings, ``org_kind`` or ``labels.<vocabulary>``.
    """
    package = files("credcat")
    strings = yaml.safe_load(package.joinpath("data", "ui.yaml").read_text("utf-8"))
    english: Any = strings["en"]
    for part in section.split("."):
        english = (english.get(part) or {}) if isinstance(english, dict) else {}
    found = {_plain(label): code for code, label in english.items() if isinstance(label, str)}
    prefix = f"{section}."
    # in the order of the files' names, not the folder's: a name two languages give two codes
    # is the same code on every machine
    for po in sorted(package.joinpath("locales").iterdir(), key=lambda entry: entry.name):
        if not po.name.endswith(".po"):
            continue
        with po.open("rb") as handle:
            for message in read_po(handle):
                context = message.context or ""
                label = message.string
                code = context[len(prefix) :]
                known = context.startswith(prefix) and "." not in code
                if known and isinstance(label, str) and label:
                    found.setdefault(_plain(label), code)
    return MappingProxyType(found)


def kind_for_name(value: str) -> str | None:
    """The kind of organisation a name stands for (``Berufsschule``, ``university of applied
    sciences`` aside: only the names credcat's interface gives the kinds), or a code written
    with spaces or capitals (``VET school``); ``None`` where none is."""
    plain = _plain(value)
    code = plain.replace(" ", "-").replace("_", "-")
    if code in OrganisationKind.__args__:  # type: ignore[attr-defined]
        return code
    return _interface_names("org_kind").get(plain)


class Address(_Model):
    """A postal address."""

    street: str | None = None
    """Street and number."""
    postcode: str | None = None
    """Postal code, in quotes if it has leading zeros."""
    city: str
    """City or town."""
    country: Country
    """ISO 3166 two-letter country code, e.g. ``DE``."""


ONE_LINE = r"^[^\r\n]+$"
"""A text on one line (identifiers)."""
VAT_RE = re.compile(r"^(?:[A-Z]{2})?[0-9A-Z+*]{2,13}$")
"""A VAT number without spaces: an optional two-letter country prefix and 2–13 characters."""
VAT_PREFIXES = {"GR": "EL"}
"""VAT prefixes that differ from the ISO country code."""
EIDAS_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:/._+-]{0,199}$")
"""An eIDAS legal-person identifier (``SI/SI/5051517``) or a DID (``did:ebsi:z…``)."""


class OrganisationIdentifier(_Model):
    """An identifier of an organisation in a named scheme (e.g. its Erasmus code)."""

    scheme: str = Field(min_length=1, max_length=100, pattern=ONE_LINE)
    """Name of the scheme, such as ``Erasmus code`` or ``PIC``."""
    value: str = Field(min_length=1, max_length=100, pattern=ONE_LINE)
    """The identifier in that scheme."""


class OrganisationDoc(_Model):
    """``organisations/<id>.yaml``: an organisation, described once and referenced by id."""

    name: MultilingualText
    """Legal name, in each language it officially has."""
    short_name: MultilingualText | None = None
    """Short or common name, used on cards and in lists."""
    kind: OrganisationKind
    """What kind of organisation this is."""
    country: Country
    """Country of the legal seat (ISO 3166 two-letter code, e.g. ``SI``)."""
    homepage: Url
    """Public website."""
    description: MultilingualText | None = None
    """A short description of the organisation."""
    email: Email | None = None
    """Contact e-mail address."""
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 ()./-]{5,30}$")
    """Contact phone number, international format."""
    address: Address | None = None
    """Postal address."""
    logo: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.(?:png|svg|jpg|jpeg|webp)$"
    )
    """Logo image, a path relative to the catalogue folder (e.g. ``logos/uni.svg``)."""
    legal_identifier: str | None = Field(default=None, max_length=100, pattern=ONE_LINE)
    """Registration number in the national register of companies, schools or universities
    (published as ELM ``registration``)."""
    vat_number: str | None = Field(default=None, max_length=40)
    """VAT identification number, with or without its country prefix, e.g. ``DE123456789``
    (published as ELM ``vatIdentifier``)."""
    eidas_identifier: str | None = Field(default=None, max_length=200)
    """eIDAS legal-person identifier, e.g. ``SI/SI/5051517`` or the organisation's EBSI DID
    (published as ELM ``eIDASIdentifier``; the EDC Issuer needs one for the issuer)."""
    identifiers: list[OrganisationIdentifier] = Field(default_factory=list, max_length=10)
    """Other identifiers, each with the name of its scheme, e.g. ``{scheme: Erasmus code,
    value: D MUSTERS01}`` (published as ELM ``identifier``)."""

    @field_validator("vat_number")
    @classmethod
    def _vat_number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        compact = re.sub(r"[\s.\-]", "", value).upper()
        if not VAT_RE.fullmatch(compact):
            raise fail(
                "vat-number",
                f"'{shorten(value)}' is not a VAT number",
                "write the country prefix (EL for Greece) followed by 2 to 13 letters or "
                "digits, e.g. DE123456789; spaces, dots and hyphens are left out",
            )
        return compact

    @field_validator("eidas_identifier")
    @classmethod
    def _eidas_identifier(cls, value: str | None) -> str | None:
        if value is not None and not EIDAS_RE.fullmatch(value):
            raise fail(
                "eidas-identifier",
                f"'{shorten(value)}' is not an eIDAS identifier",
                "write it as one word of letters, digits and : / . _ + -, e.g. SI/SI/5051517 "
                "(country of the register / country / number) or did:ebsi:z…",
            )
        return value

    @model_validator(mode="after")
    def _vat_prefix(self) -> OrganisationDoc:
        vat = self.vat_number
        if vat is not None and vat[:2].isalpha():
            expected = VAT_PREFIXES.get(self.country, self.country)
            if vat[:2] != expected and not (self.country == "GB" and vat[:2] == "XI"):
                raise fail(
                    "vat-prefix",
                    f"the VAT number starts with {vat[:2]}, but the organisation is in "
                    f"{self.country}, whose VAT numbers start with {expected}",
                    "check the number or the organisation's country",
                    at="vat_number",
                )
        return self

    @property
    def located(self) -> tuple[tuple[str, ...], str]:
        """Where the organisation is, for the time zone of its days: the field that says it
        (its address's ``country``, else its own ``country``) and that field's code."""
        if self.address is not None:
            return ("address", "country"), self.address.country
        return ("country",), self.country


class Organisation(OrganisationDoc):
    """An organisation with its id (the file name)."""

    id: Slug


def organisation_names(
    organisations: Iterable[Organisation], language: str = DEFAULT_LANGUAGE
) -> dict[str, tuple[str, str]]:
    """The :data:`OrganisationNames` of a catalogue's organisations: each by its id (with its
    name in ``language``, else its first) and by the :func:`slugify` of each of its names and
    short names in every language (with that name). Ids come first, then names in id order: a
    name two organisations share points to the first."""
    ordered = sorted(organisations, key=lambda org: org.id)
    found: dict[str, tuple[str, str]] = {}
    for org in ordered:
        found[org.id] = (org.id, org.name.get(language) or next(iter(org.name.values())))
    for org in ordered:
        for names in (org.name, org.short_name or {}):
            for name in names.values():
                key = slugify(name)
                if key:
                    found.setdefault(key, (org.id, name))
    return found


# --- credentials --------------------------------------------------------------------------

OutcomeKind = Literal["knowledge", "skill", "responsibility-autonomy"]
Supervision = Literal["unsupervised", "supervised-online", "supervised-on-site"]
Status = Literal["draft", "active", "superseded", "retired"]
NO_LONGER_OFFERED: frozenset[str] = frozenset({"superseded", "retired"})
"""The statuses of a credential that is no longer offered (the only ones a ``status_note``
is for)."""


def _outcome_kind(value: Any) -> Any:
    aliases = {
        "competence": "responsibility-autonomy",
        "responsibility": "responsibility-autonomy",
        "autonomy": "responsibility-autonomy",
        "skills": "skill",
    }
    return aliases.get(value, value) if isinstance(value, str) else value


class _StringOrObjectSchema:
    """JSON Schema of a model that may also be written as a bare string (its ``uri``)."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "pattern": ESCO_SKILL_RE.pattern}, handler(schema)]}


class EscoSkill(_Model):
    """An ESCO skill or knowledge concept: its URI, and the label learners should read."""

    uri: Annotated[str, Field(pattern=ESCO_SKILL_RE.pattern)]
    """The concept URI, ``http://data.europa.eu/esco/skill/<uuid>``, copied from the ESCO portal."""
    label: MultilingualText | None = None
    """The ESCO preferred label, e.g. "perform data analysis" (ESCO has it in every EU
    language); without it, pages can only say "ESCO skill"."""

    @model_validator(mode="before")
    @classmethod
    def _bare_uri(cls, value: Any) -> Any:
        return {"uri": value} if isinstance(value, str) else value


class Outcome(_Model):
    """A learning outcome: what the holder can do, stated so a stranger understands it."""

    id: Slug
    """Short id, unique within the credential; assessments name it in ``proves``."""
    text: MultilingualText
    """The outcome, starting with an observable action verb ("Design…", "Analyse…")."""
    kind: Annotated[OutcomeKind, BeforeValidator(_outcome_kind)] = "skill"
    """Knowledge, skill, or responsibility and autonomy (EQF's three dimensions)."""
    esco: list[Annotated[EscoSkill, _StringOrObjectSchema()]] = Field(default_factory=list)
    """ESCO skills or knowledge concepts: a URI ``http://data.europa.eu/esco/skill/<uuid>``, or
    ``{uri: …, label: …}``."""
    reuse: ReuseLevel | None = None
    """Reusability: transversal, cross-sector, sector-specific or occupation-specific."""


class Assessment(_Model):
    """How some outcomes are assessed."""

    id: Slug
    """Short id, unique within the credential."""
    type: AssessmentType
    """Type from the EU vocabulary, e.g. ``written-examination``, ``project-work``."""
    title: MultilingualText | None = None
    """A short name, e.g. "Capstone project"."""
    description: MultilingualText
    """What the learner does and how it is judged."""
    proves: Annotated[list[Slug], BeforeValidator(_listify), _OneOrManySchema()] = Field(
        min_length=1
    )
    """Ids of the outcomes this assessment proves."""
    supervision: Supervision | None = None
    """Whether the assessment is supervised, and where."""
    identity_check: bool = False
    """Whether the learner's identity is verified during the assessment."""
    grading: MultilingualText | None = None
    """How results are graded (pass/fail, a scale …)."""


ORGANISATION_ROLES = ("awarding_body", "provider", "assessor")
"""The keys of a credential that name organisations (and ``quality_assurance[].body``)."""


class QualityAssurance(_Model):
    """The quality assurance that stands behind the credential."""

    type: AccreditationType
    """Type from the EU accreditation vocabulary, e.g. ``programme-quality-assurance``."""
    body: OrganisationId
    """Id of the organisation that carries out the quality assurance."""
    title: MultilingualText | None = None
    """Name of the procedure or decision, e.g. "Programme accreditation 2025"."""
    description: MultilingualText
    """What is checked, by whom and how often."""
    url: Url | None = None
    """Public report or decision."""
    valid_until: date | None = None
    """Date the decision expires."""


HOURS_PER_ECTS = (25, 30)
"""The hours of learning one ECTS credit stands for (the ECTS Users' Guide): the range the
workload rule accepts, and the catalogue page's filter converts hours by."""
MAX_ECTS = 120
"""The most ECTS credits a workload states (two years of full-time study: far beyond a
micro-credential, a bound against a slip of the keyboard)."""


class Workload(_Model):
    """Notional workload, in ECTS wherever possible, and in hours."""

    ects: float | None = Field(default=None, gt=0, le=MAX_ECTS)
    """ECTS credits (one ECTS is 25–30 hours of learning)."""
    hours: int | None = Field(default=None, gt=0, le=4000)
    """Total hours of learning."""
    guided_hours: int | None = Field(default=None, ge=0, le=4000)
    """Hours of teaching, tutoring or guided practice."""
    self_study_hours: int | None = Field(default=None, ge=0, le=4000)
    """Hours of independent study."""
    assessment_hours: int | None = Field(default=None, ge=0, le=4000)
    """Hours spent on assessment."""
    credit_system: Literal["ects", "ecvet"] = "ects"
    """The credit system of ``ects`` points (ECVET only for legacy VET units)."""

    @model_validator(mode="after")
    def _something(self) -> Workload:
        if self.ects is None and self.hours is None:
            raise fail(
                "workload",
                "give the workload in ECTS, in hours, or both",
                "e.g. 'ects: 5' and 'hours: 140'",
            )
        return self


class Stackability(_Model):
    """How the credential combines with others."""

    part_of: Annotated[list[Slug], BeforeValidator(_listify), _OneOrManySchema()] = Field(
        default_factory=list
    )
    """Ids of larger credentials this one counts towards."""
    builds_on: Annotated[list[Slug], BeforeValidator(_listify), _OneOrManySchema()] = Field(
        default_factory=list
    )
    """Ids of credentials a learner should hold before this one."""
    note: MultilingualText | None = None
    """Recognition and stacking rules in words."""


class Price(_Model):
    """Fee for an offering."""

    amount: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    """Amount; 0 for free."""
    currency: Currency = "EUR"
    """ISO 4217 currency code."""
    note: MultilingualText | None = None
    """E.g. "reduced fee for members"."""


class Location(_Model):
    """Where an offering takes place."""

    name: MultilingualText | None = None
    """Venue, e.g. "Campus Nord, Building C"."""
    address: str | None = None
    """Street address."""
    city: str
    """City or town."""
    country: Country
    """ISO 3166 two-letter country code."""


class Offering(_Model):
    """One run of the learning that leads to the credential."""

    id: Slug
    """Short id, unique within the credential, e.g. ``2027-spring``."""
    start: date
    """First day."""
    end: date | None = None
    """Last day."""
    application_deadline: date | None = None
    """Last day to enrol."""
    price: Price | None = None
    """Fee; omit when unknown."""
    enrolment_url: Url | None = None
    """Where to enrol."""
    location: Location | None = None
    """Venue, for on-site and blended offerings; omit for online ones."""
    schedule: Schedule | None = None
    """Full time, part time light or part time intensive."""
    languages: LanguageList | None = None
    """Languages of this run, when they differ from the credential's."""
    places: int | None = Field(default=None, gt=0, le=MAX_PLACES)
    """Number of places."""
    note: MultilingualText | None = None
    """Anything else learners should know about this run."""


class Link(_Model):
    """A link to further information."""

    title: MultilingualText
    """Link text."""
    url: LinkUrl
    """Address (http, https or mailto)."""


class Erratum(_Model):
    """An editorial correction of a released version, recorded without changing it."""

    version: Version
    """The released version the correction is about, in quotes (``"1.1"``)."""
    date: date
    """The day the correction was recorded."""
    text: MultilingualText
    """What was wrong and how it reads correctly, e.g. "Outcome 2: 'pandsa' should read
    'pandas'"."""


class CredentialDoc(_Model):
    """``credentials/<id>.yaml``: one micro-credential, as a catalogue entry."""

    title: MultilingualText
    """Title of the micro-credential."""
    version: Version
    """Version of this description, in quotes (``"1.0"``). Raise it when outcomes, assessment,
    level or workload change: each published version keeps its own permanent address."""
    status: Status = "active"
    """``draft`` (not yet offered), ``active``, ``superseded`` (name ``superseded_by``) or
    ``retired`` (no longer offered)."""
    superseded_by: Slug | None = None
    """Id of the credential that replaces this one (with ``status: superseded``)."""
    status_note: MultilingualText | None = None
    """For a credential no longer offered (``retired`` or ``superseded``): what a learner or
    employer should know about its status, e.g. why it was retired, that credentials already
    issued remain valid, and what to do instead. A small Markdown subset is allowed. Not part
    of a version: shown with the status on the credential's pages and in its record."""
    published: date | None = None
    """Date this version was published."""
    summary: MultilingualText
    """One paragraph for learners: what this is and who it is for."""
    description: MultilingualText | None = None
    """Longer description. A small Markdown subset is allowed: emphasis, lists, links."""
    type: OpportunityType = "short-learning-programme"
    """Kind of learning that leads to it (EU learning-opportunity types)."""
    awarding_body: Annotated[
        list[OrganisationId], BeforeValidator(_listify), _OneOrManySchema()
    ] = Field(min_length=1)
    """Id(s) of the organisation(s) that award the credential and answer for it."""
    provider: Annotated[list[OrganisationId], BeforeValidator(_listify), _OneOrManySchema()] = (
        Field(default_factory=list)
    )
    """Id(s) of the organisation(s) that run the learning; defaults to the awarding body."""
    assessor: Annotated[list[OrganisationId], BeforeValidator(_listify), _OneOrManySchema()] = (
        Field(default_factory=list)
    )
    """Id(s) of the organisation(s) that assess; defaults to the awarding body."""
    eqf: Annotated[int, Field(ge=1, le=8)]
    """EQF level, 1–8."""
    nqf: Nqf | None = None
    """National qualifications framework level: its code or label, e.g. ``"DQR Level 6"``."""
    qf_ehea: Literal["short-cycle", "first-cycle", "second-cycle", "third-cycle"] | None = None
    """Cycle of the Qualifications Framework of the European Higher Education Area, where it
    applies (Annex I names it beside the EQF level)."""
    field: Annotated[list[IscedField], BeforeValidator(_listify), _OneOrManySchema()] = Field(
        min_length=1
    )
    """ISCED-F field code(s), in quotes: ``"0613"``."""
    workload: Workload
    """Notional workload."""
    duration: str | None = None
    """Typical duration, e.g. ``8 weeks`` or ``3 months``."""
    languages: LanguageList = Field(min_length=1)
    """Languages of instruction and assessment."""
    mode: Mode
    """``online``, ``blended``, ``on-site``, ``work-based`` …"""
    setting: Setting
    """``formal`` or ``non-formal`` learning."""
    target_groups: Annotated[list[TargetGroup], BeforeValidator(_listify), _OneOrManySchema()] = (
        Field(default_factory=list)
    )
    """Who the credential is meant for (EU target-group codes)."""
    outcomes: list[Outcome] = Field(min_length=1)
    """What the holder is able to do."""
    assessments: list[Assessment] = Field(min_length=1)
    """How the outcomes are assessed."""
    quality_assurance: list[QualityAssurance] = Field(min_length=1)
    """Quality assurance behind the credential."""
    prerequisites: MultilingualText | None = None
    """What learners need before enrolling; omit when open to everybody."""
    stackability: Stackability | None = None
    """Whether the credential stands alone or stacks towards others."""
    offerings: list[Offering] = Field(default_factory=list)
    """Upcoming runs."""
    further_information: MultilingualText | None = None
    """Anything else a learner or employer should know."""
    links: list[Link] = Field(default_factory=list)
    """Links to further information."""
    homepage: Url | None = None
    """The course page on the provider's website."""
    errata: list[Erratum] = Field(default_factory=list)
    """Editorial corrections (typos) of released versions. A released version never changes;
    an erratum is recorded here instead, and shown on that version's page."""

    @field_validator("eqf", mode="before")
    @classmethod
    def _eqf_int(cls, value: Any) -> Any:
        if _is_placeholder(value):
            return value  # refused with its own message by _Model._no_import_placeholder
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if isinstance(value, bool):
            raise fail("eqf", "the EQF level is a number from 1 to 8")
        if isinstance(value, str):
            digits = re.findall(r"\d+", value)
            number = digits[0] if len(digits) == 1 else NUMBER_WORDS.get(value.strip().lower())
            raise fail(
                "eqf",
                f"'{shorten(value)}' is not an EQF level",
                f"write the number alone: eqf: {number}"
                if number
                else "write a number from 1 to 8, e.g. eqf: 6",
            )
        if isinstance(value, float) and value == value and not value.is_integer():
            raise fail("eqf", f"{value:g} is not an EQF level", "EQF levels are whole numbers 1–8")
        return value

    @field_validator("duration", mode="before")
    @classmethod
    def _duration_text(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise fail("duration", f"'{value:g}' has no unit", f"write e.g. '{value:g} weeks'")
        return value

    @field_validator("duration")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        if value is not None and not DURATION_RE.match(value):
            if re.match(r"^\s*\d{5,}\s+[A-Za-z]+\s*$", value):
                raise fail(
                    "duration",
                    f"'{shorten(value)}' is too long a duration: at most 9999 of a unit",
                    "write it in a larger unit (weeks, months, years), or check the number",
                )
            local = re.match(r"^\s*(\d{1,4})\s*([^\d\s]+)\s*$", value)
            unit = DURATION_UNITS.get(local.group(2).lower().rstrip(".")) if local else None
            if local and unit and int(local.group(1)) == 1:
                unit = unit.removesuffix("s")  # "1 week"
            raise fail(
                "duration",
                f"'{shorten(value)}' is not a duration",
                f"write '{local.group(1)} {unit}': units are in English"
                if local and unit
                else "write a number and a unit, e.g. '8 weeks', '3 months', '5 days'",
            )
        return value

    @property
    def shown_status_note(self) -> MultilingualText | None:
        """The status note the pages and the record show: ``status_note`` of a credential no
        longer offered (:data:`NO_LONGER_OFFERED`); ``None`` otherwise (``credcat check``
        refuses one on an active or draft credential)."""
        return self.status_note if self.status in NO_LONGER_OFFERED else None

    @property
    def providers(self) -> list[str]:
        """Provider ids, defaulting to the awarding bodies."""
        return self.provider or self.awarding_body

    @property
    def assessors(self) -> list[str]:
        """Assessor ids, defaulting to the awarding bodies."""
        return self.assessor or self.awarding_body

    def organisation_references(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every organisation id the file names, with its path in the file: each of
        :data:`ORGANISATION_ROLES` (``("provider", 1)``), then each quality assurance's
        ``body`` (``("quality_assurance", 0, "body")``). Its files name each at its IRI,
        ``…/organisations/<id>/#org``."""
        refs: list[tuple[tuple[str | int, ...], str]] = [
            ((role, index), oid)
            for role in ORGANISATION_ROLES
            for index, oid in enumerate(getattr(self, role))
        ]
        refs += [
            (("quality_assurance", index, "body"), qa.body)
            for index, qa in enumerate(self.quality_assurance)
        ]
        return refs


NOT_VERSIONED = frozenset({"offerings", "status", "superseded_by", "status_note", "errata"})
"""Fields of a credential that a version may change after its release: the runs on offer,
the life-cycle status and what a reader should know about it (stated by the credential's
unversioned record) and recorded errata. Every other field is part of the released
specification and its fingerprint (:func:`credcat.versions.specification`), and of what
"what changed" compares (:mod:`credcat.changes`)."""


class Credential(CredentialDoc):
    """A credential with its id (the file name)."""

    id: Slug

    @property
    def ects(self) -> float | None:
        """The workload's ECTS credits, if given (what a :class:`Brief` tells)."""
        return self.workload.ects

    @property
    def hours(self) -> int | None:
        """The workload's hours of learning, if given (what a :class:`Brief` tells)."""
        return self.workload.hours


class Links(Protocol):
    """The ids a credential names in its ``stackability``: :class:`Stackability` is one, and
    so is :class:`StackLinks`."""

    @property
    def part_of(self) -> Sequence[str]: ...
    @property
    def builds_on(self) -> Sequence[str]: ...


class StackLinks(NamedTuple):
    """The :class:`Links` of a :class:`CredentialBrief`, without the note."""

    part_of: tuple[str, ...]
    builds_on: tuple[str, ...]


class Brief(Protocol):
    """What the lists of a catalogue and its graph of stackability read of a credential: a
    :class:`Credential` is one, and so is a :class:`CredentialBrief`, kept in
    memory where the models are packed (:attr:`credcat.catalogue.Catalogue.briefs`)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> dict[str, str]: ...
    @property
    def status(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def eqf(self) -> int: ...
    @property
    def ects(self) -> float | None: ...
    @property
    def hours(self) -> int | None: ...
    @property
    def stackability(self) -> Links | None: ...
    @property
    def superseded_by(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class CredentialBrief:
    """A credential's :class:`Brief`, without the rest of its model.

    It holds figures and ids, not the models they come from: at 10,000 credentials every
    byte of it counts ten thousand times (a workload model and a stackability block with its
    note took about 3.5 KB of a brief; this takes under 1 KB, most of it the titles).
    """

    id: str
    title: dict[str, str]
    status: str
    version: str
    eqf: int
    ects: float | None
    hours: int | None
    stackability: StackLinks | None
    superseded_by: str | None
    fingerprint: str
    """The fingerprint of this version (:func:`credcat.versions.fingerprint`), found when the
    model is packed, so that a credential's versions are known without reading its model."""

    @classmethod
    def of(cls, cred: Credential, fingerprint: str) -> CredentialBrief:
        """The brief of ``cred``, whose fingerprint is ``fingerprint``."""
        stack = cred.stackability
        return cls(
            cred.id,
            cred.title,
            sys.intern(cred.status),
            sys.intern(cred.version),
            cred.eqf,
            cred.ects,
            cred.hours,
            None if stack is None else StackLinks(tuple(stack.part_of), tuple(stack.builds_on)),
            cred.superseded_by,
            fingerprint,
        )


def duration_iso(text: str) -> str:
    """ISO 8601 duration for a validated ``duration`` text: ``8 weeks`` → ``P8W``."""
    match = DURATION_RE.match(text)
    if not match:
        raise ValueError(text)
    number, unit = int(match.group(1)), match.group(2).lower()
    return {
        "hour": f"PT{number}H",
        "day": f"P{number}D",
        "week": f"P{number}W",
        "month": f"P{number}M",
        "year": f"P{number}Y",
    }[unit]


OUTCOME_KINDS: tuple[OutcomeKind, ...] = ("knowledge", "skill", "responsibility-autonomy")
"""The order of outcome kinds (EQF's three dimensions) wherever outcomes are listed by number."""


def ordered_outcomes(credential: CredentialDoc) -> list[Outcome]:
    """A credential's outcomes as every page and machine file numbers them: knowledge, then
    skills, then responsibility and autonomy, each kind in the file's order. So "proves 1
    and 3" in an Open Badge or an EDC means the outcomes numbered 1 and 3 on the page."""
    return [o for kind in OUTCOME_KINDS for o in credential.outcomes if o.kind == kind]
