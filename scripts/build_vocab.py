#!/usr/bin/env python3
"""Build credcat's offline controlled vocabularies from the official XSD snapshots.

Reads ``<source>/xsd-cv/*.xsd`` (the ELM repository's ``xsd/loq/cv/`` snapshot, see
``plugins/credcat/vocab/README.md``) and writes one JSON file per vocabulary into
``plugins/credcat/vocab/data/<name>.json``::

    {"name": ..., "scheme": "<concept scheme IRI>", "source": "<xsd file name>",
     "concepts": {"<code>": {"iri": "...", "label": {"en": "..."}}},
     "aliases": {"<alias>": "<code>"}}

(plus an optional ``"note"``). The codes are the human-first keys that maintainers type in the
YAML descriptions; the IRIs are what the generated credentials carry.

Output is deterministic (``sort_keys``, ``indent=1``, ``ensure_ascii=False``, trailing newline),
so re-running the script on the same snapshot gives byte-identical files.

Script-only dependency: ``pycountry`` (``pip install pycountry``), used for the ISO 3166-1
alpha-3 -> alpha-2 table of the ``country`` vocabulary. The credcat package never imports it;
the mapping is baked into ``country.json``.

Usage::

    python scripts/build_vocab.py                       # write plugins/credcat/vocab/data/
    python scripts/build_vocab.py --check               # exit 1 if the committed files are stale
    python scripts/build_vocab.py --source DIR --out DIR
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "edc" / "vocabularies"
DEFAULT_OUT = REPO / "plugins" / "credcat" / "vocab" / "data"
DEFAULT_LABELS = REPO / "plugins" / "credcat" / "vocab" / "sources"

# Vendored translations of the English labels (gettext files, msgid = the EU's English label,
# msgstr = its official translation), per vocabulary: a folder of vocab/sources/ and the file
# in it, {lang} standing for the language. See plugins/credcat/vocab/README.md for where they
# come from (URL, commit, licence, date).
LABEL_SOURCES: dict[str, str] = {
    "isced-f": "euf-isced-php/{lang}.po",
    "mode": "euf-elm-vocabularies/{lang}/ModeOfLearningAndAssessment.po",
    "assessment-type": "euf-elm-vocabularies/{lang}/AssessmentType.po",
    "learning-opportunity-type": "euf-elm-vocabularies/{lang}/LearningOpportunityType.po",
    "learning-schedule": "euf-elm-vocabularies/{lang}/LearningScheduleType.po",
    "learning-setting": "euf-elm-vocabularies/{lang}/LearningSettingType.po",
}
LABEL_LANGUAGES = ("de", "fr")

# Entries the source leaves in English (msgstr = msgid): not a translation, so not taken; the
# page falls back to credcat's own translation (locales/<lang>.po) or to English.
UNTRANSLATED = frozenset(
    {
        ("fr", "Journalism and reporting"),
        ("fr", "Library, information and archival studies"),
    }
)

XS = "{http://www.w3.org/2001/XMLSchema}"

# Placeholder concept that the Publications Office puts into every authority table.
PLACEHOLDERS = frozenset({"OP_DATPRO"})


class BuildError(Exception):
    """The source data does not match what this script expects."""


# --------------------------------------------------------------------------- XSD reading


@dataclass(frozen=True)
class Entry:
    """One ``xs:enumeration`` of a vocabulary XSD."""

    iri: str
    label: str  # English label, whitespace-normalised; may be "" (many language entries)

    @property
    def tail(self) -> str:
        """The last path segment of the IRI."""
        return self.iri.rstrip("/").rsplit("/", 1)[1]


@dataclass(frozen=True)
class Xsd:
    """A parsed vocabulary XSD."""

    file: str
    scheme: str
    entries: tuple[Entry, ...]

    def by_tail(self) -> dict[str, Entry]:
        """Entries keyed by their IRI tail."""
        return {e.tail: e for e in self.entries}


def read_xsd(path: Path) -> Xsd:
    """Parse a controlled-vocabulary XSD (enumeration of concept IRIs with English labels)."""
    root = ET.parse(path).getroot()
    scheme = root.get("targetNamespace")
    if not scheme:
        raise BuildError(f"{path.name}: no targetNamespace")
    entries: list[Entry] = []
    seen: set[str] = set()
    for enum in root.iter(f"{XS}enumeration"):
        iri = (enum.get("value") or "").strip()
        if not iri:
            raise BuildError(f"{path.name}: enumeration without value")
        if iri in seen:
            raise BuildError(f"{path.name}: duplicate concept {iri}")
        seen.add(iri)
        doc = enum.find(f"{XS}annotation/{XS}documentation")
        label = " ".join((doc.text or "").split()) if doc is not None else ""
        entries.append(Entry(iri, label))
    if not entries:
        raise BuildError(f"{path.name}: no concepts")
    return Xsd(path.name, scheme, tuple(entries))


def slugify(text: str) -> str:
    """Lower-case ASCII slug: runs of anything but ``[a-z0-9]`` become one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------- document model


@dataclass
class Vocab:
    """A vocabulary being built."""

    name: str
    scheme: str
    source: str
    concepts: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    label_sources: dict[str, str] = field(default_factory=dict)

    def add(self, code: str, iri: str, label: str) -> None:
        """Add a concept; codes and IRIs must be unique."""
        if not code:
            raise BuildError(f"{self.name}: empty code for {iri}")
        if code in self.concepts:
            raise BuildError(f"{self.name}: duplicate code {code!r}")
        if not label:
            raise BuildError(f"{self.name}: concept {code!r} ({iri}) has no label")
        self.concepts[code] = {"iri": iri, "label": {"en": label}}

    def alias(self, alias: str, code: str) -> None:
        """Add an alias; silently skipped when it equals the code itself."""
        if alias == code:
            return
        if code not in self.concepts:
            raise BuildError(f"{self.name}: alias {alias!r} -> unknown code {code!r}")
        if alias in self.concepts:
            raise BuildError(f"{self.name}: alias {alias!r} shadows a canonical code")
        if self.aliases.get(alias, code) != code:
            raise BuildError(
                f"{self.name}: alias {alias!r} is ambiguous ({self.aliases[alias]!r}, {code!r})"
            )
        self.aliases[alias] = code

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        doc: dict[str, Any] = {
            "name": self.name,
            "scheme": self.scheme,
            "source": self.source,
            "concepts": self.concepts,
            "aliases": self.aliases,
        }
        if self.note:
            doc["note"] = self.note
        if self.label_sources:
            doc["label_sources"] = self.label_sources
        return doc


def serialise(doc: Mapping[str, Any]) -> str:
    """The one canonical serialisation (also asserted by tests/test_vocab.py)."""
    return json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- builders

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug_vocab(
    name: str,
    xsd: Xsd,
    *,
    code_of: Callable[[Entry], str] | None = None,
    overrides: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
    expected: Iterable[str] | None = None,
) -> Vocab:
    """A vocabulary whose codes are lower-case slugs.

    Args:
        name: Vocabulary name.
        xsd: Parsed source.
        code_of: How to derive the default code (default: slug of the English label).
        overrides: ``{default code: canonical code}`` for codes that differ from the default.
        aliases: Extra aliases ``{alias: canonical code}``.
        expected: If given, the exact set of canonical codes the result must have.
    """
    overrides = dict(overrides or {})
    v = Vocab(name, xsd.scheme, xsd.file)
    for e in xsd.entries:
        default = code_of(e) if code_of else slugify(e.label)
        code = overrides.pop(default, default)
        if not _SLUG.fullmatch(code):
            raise BuildError(f"{name}: code {code!r} is not a lower-case slug")
        v.add(code, e.iri, e.label)
    if overrides:
        raise BuildError(f"{name}: unused overrides {sorted(overrides)} (source changed?)")
    # every concept is also reachable by the slug of its English label
    for code, c in v.concepts.items():
        v.alias(slugify(c["label"]["en"]), code)
    for alias, code in (aliases or {}).items():
        v.alias(alias, code)
    if expected is not None and set(v.concepts) != set(expected):
        raise BuildError(
            f"{name}: codes {sorted(v.concepts)} differ from the expected {sorted(expected)}"
        )
    return v


def build_eqf(xsd: Xsd) -> Vocab:
    """EQF levels, codes "1".."8"."""
    v = Vocab("eqf", xsd.scheme, xsd.file)
    for e in xsd.entries:
        v.add(e.tail, e.iri, e.label)
    if sorted(v.concepts) != [str(i) for i in range(1, 9)]:
        raise BuildError(f"eqf: unexpected codes {sorted(v.concepts)}")
    return v


def build_isced_f(xsd: Xsd) -> Vocab:
    """ISCED-F 2013 fields, codes are the ISCED-F codes as strings ("06", "061", "0613")."""
    v = Vocab("isced-f", xsd.scheme, xsd.file)
    for e in xsd.entries:
        if not re.fullmatch(r"\d{2}|\d{3}|\d{4}", e.tail):
            raise BuildError(f"isced-f: unexpected IRI {e.iri}")
        v.add(e.tail, e.iri, e.label)
    return v


def build_nqf(xsd: Xsd) -> Vocab:
    """National qualifications frameworks and their levels (QDR list).

    Codes are the IRI tails ("c_ef113b94"); the lower-cased English label ("hqf level 3") is an
    alias when no other concept has the same label.
    """
    v = Vocab("nqf", xsd.scheme, xsd.file)
    by_label: dict[str, list[str]] = {}
    for e in xsd.entries:
        if not re.fullmatch(r"c_[0-9a-f]{8}", e.tail):
            raise BuildError(f"nqf: unexpected IRI {e.iri}")
        v.add(e.tail, e.iri, e.label)
        by_label.setdefault(e.label.lower(), []).append(e.tail)
    for label, codes in sorted(by_label.items()):
        if len(codes) == 1:
            v.alias(label, codes[0])
    return v


# ISO 639-1 -> Publications Office language authority code (ISO 639-3 style, upper case).
# Hand-written; every entry must exist in language.xsd *with* an English label (checked).
# Note the terminology (not bibliographic) 639-2 codes: DEU not GER, FRA not FRE, ELL not GRE,
# NLD not DUT, CES not CZE, SLK not SLO, RON not RUM, SQI not ALB, ZHO not CHI, ...
# Deliberately left out: "ms" (the authority has both MSA "Malaysian" and ZLM "Malay").
LANGUAGES: dict[str, str] = {
    # the 24 official languages of the EU
    "bg": "BUL", "cs": "CES", "da": "DAN", "de": "DEU", "el": "ELL", "en": "ENG",
    "es": "SPA", "et": "EST", "fi": "FIN", "fr": "FRA", "ga": "GLE", "hr": "HRV",
    "hu": "HUN", "it": "ITA", "lt": "LIT", "lv": "LAV", "mt": "MLT", "nl": "NLD",
    "pl": "POL", "pt": "POR", "ro": "RON", "sk": "SLK", "sl": "SLV", "sv": "SWE",
    # other languages of Europe and neighbouring countries
    "ca": "CAT", "eu": "EUS", "gl": "GLG", "no": "NOR", "nb": "NOB", "nn": "NNO",
    "is": "ISL", "fo": "FAO", "tr": "TUR", "uk": "UKR", "ru": "RUS", "be": "BEL",
    "sq": "SQI", "sr": "SRP", "mk": "MKD", "bs": "BOS", "lb": "LTZ", "cy": "CYM",
    "gd": "GLA", "gv": "GLV", "br": "BRE", "co": "COS", "fy": "FRY", "oc": "OCI",
    "rm": "ROH", "se": "SME", "wa": "WLN", "la": "LAT", "eo": "EPO", "yi": "YID",
    "hy": "HYE", "ka": "KAT", "az": "AZE", "os": "OSS", "kl": "KAL", "ia": "INA",
    # widely used world languages
    "ar": "ARA", "zh": "ZHO", "ja": "JPN", "ko": "KOR", "hi": "HIN", "bn": "BEN",
    "ur": "URD", "pa": "PAN", "ta": "TAM", "si": "SIN", "ne": "NEP", "fa": "FAS",
    "ps": "PUS", "ku": "KUR", "he": "HEB", "am": "AMH", "ti": "TIR", "so": "SOM",
    "sw": "SWA", "ha": "HAU", "yo": "YOR", "ig": "IBO", "zu": "ZUL", "xh": "XHO",
    "af": "AFR", "id": "IND", "vi": "VIE", "th": "THA", "km": "KHM", "lo": "LAO",
    "my": "MYA", "mn": "MON", "kk": "KAZ", "ky": "KIR", "uz": "UZB", "tg": "TGK",
    "tk": "TUK", "qu": "QUE", "ht": "HAT", "mg": "MLG", "mi": "MRI", "bo": "BOD",
    "rw": "KIN", "ln": "LIN", "wo": "WOL",
}  # fmt: skip

REQUIRED_LANGUAGES = frozenset({
    # the 24 official languages of the EU
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    # others the catalogue must support
    "ca", "eu", "gl", "no", "nb", "is", "tr", "uk", "ru", "ar", "zh", "ja",
    "sq", "sr", "mk", "bs", "lb", "cy",
})  # fmt: skip


def build_language(xsd: Xsd) -> Vocab:
    """Languages keyed by ISO 639-1, mapped to the Publications Office authority IRIs."""
    if missing := sorted(REQUIRED_LANGUAGES - LANGUAGES.keys()):
        raise BuildError(f"language: table lacks {missing}")
    if len(set(LANGUAGES.values())) != len(LANGUAGES):
        raise BuildError("language: two ISO 639-1 codes map to the same authority code")
    entries = xsd.by_tail()
    v = Vocab("language", xsd.scheme, xsd.file)
    v.note = (
        "Codes are ISO 639-1; only the languages of the hand-written table in "
        "scripts/build_vocab.py (the authority list has 8000+ entries, most unlabelled). "
        "Aliases: the lower-cased authority code."
    )
    problems = []
    for iso1, auth in LANGUAGES.items():
        if not re.fullmatch(r"[a-z]{2}", iso1):
            problems.append(f"{iso1!r} is not an ISO 639-1 code")
        e = entries.get(auth)
        if e is None:
            problems.append(f"{iso1} -> {auth}: not in {xsd.file}")
        elif not e.label:
            problems.append(f"{iso1} -> {auth}: no label in {xsd.file}")
        else:
            v.add(iso1, e.iri, e.label)
    if problems:
        raise BuildError("language:\n  " + "\n  ".join(problems))
    for iso1, auth in LANGUAGES.items():
        v.alias(auth.lower(), iso1)
    return v


# Authority codes of country.xsd that are not ISO 3166-1 alpha-3 codes (pycountry cannot map
# them), with the alpha-2 code used for them here and their extra aliases:
#   1A0 Kosovo: XK, the user-assigned code used by the EU institutions (alias XKX);
#   FQ0 French Southern and Antarctic Lands: ISO TF / ATF (the authority does not use ATF);
#   EUR European Union: EU, ISO 3166-1 "exceptionally reserved";
#   CPT Clipperton: CP, ISO 3166-1 "exceptionally reserved".
# OP_DATPRO ("Provisional data") is a placeholder and is dropped.
# EU usage differs from ISO for two alpha-2 codes: Greece is "EL" and the United Kingdom "UK"
# in EU documents (ISO: GR, GB). The ISO codes are canonical; "EL" and "UK" are aliases.
COUNTRY_EXCEPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "1A0": ("XK", ("XKX",)),
    "FQ0": ("TF", ("ATF",)),
    "EUR": ("EU", ()),
    "CPT": ("CP", ()),
}
COUNTRY_EU_ALIASES = {"EL": "GR", "UK": "GB"}


def build_country(xsd: Xsd) -> Vocab:
    """Countries keyed by ISO 3166-1 alpha-2, mapped to the authority IRIs (alpha-3 based)."""
    import pycountry  # script-only dependency, see the module docstring

    v = Vocab("country", xsd.scheme, xsd.file)
    v.note = (
        "Codes are ISO 3166-1 alpha-2 (plus XK Kosovo, EU, CP Clipperton); aliases: the "
        "authority code (mostly ISO alpha-3) and the EU usage EL (Greece), UK (United Kingdom)."
    )
    extra_aliases: list[tuple[str, str]] = []
    skipped = []
    for e in xsd.entries:
        auth = e.tail
        if auth in PLACEHOLDERS:
            continue
        if auth in COUNTRY_EXCEPTIONS:
            alpha2, more = COUNTRY_EXCEPTIONS[auth]
            extra_aliases += [(a, alpha2) for a in more]
        else:
            pc = pycountry.countries.get(alpha_3=auth)
            if pc is None:
                skipped.append(auth)
                continue
            alpha2 = pc.alpha_2
        v.add(alpha2, e.iri, e.label)
        extra_aliases.append((auth, alpha2))
    if skipped:
        raise BuildError(f"country: cannot map {skipped}; extend COUNTRY_EXCEPTIONS")
    for alias, code in [*extra_aliases, *COUNTRY_EU_ALIASES.items()]:
        v.alias(alias, code)
    return v


def build_currency(xsd: Xsd) -> Vocab:
    """Currencies keyed by ISO 4217 code."""
    v = Vocab("currency", xsd.scheme, xsd.file)
    for e in xsd.entries:
        if e.tail in PLACEHOLDERS:
            continue
        if not re.fullmatch(r"[A-Z]{3}", e.tail):
            raise BuildError(f"currency: unexpected IRI {e.iri}")
        v.add(e.tail, e.iri, e.label)
    return v


def build_supervision() -> Vocab:
    """Supervision and identity verification: not in the XSD set; the two known concepts."""
    base = "http://data.europa.eu/snb/supervision-verification/"
    v = Vocab("supervision", base + "25831c2", "hand-written in scripts/build_vocab.py")
    v.note = (
        "Partial list: only the two concepts known offline (the vocabulary is not in the 2023 "
        "XSD snapshot). Check the Commission's list before adding codes."
    )
    v.add(
        "unsupervised-no-id-check",
        base + "c598449d64",
        "unsupervised with no identity verification",
    )
    v.add("unsupervised-id-check", base + "df2880c5cb", "unsupervised with identity verification")
    return v


# --------------------------------------------------------------------------- the catalogue


def build_all(source: Path) -> dict[str, Vocab]:
    """Build every vocabulary from ``source`` (the directory holding ``xsd-cv/``)."""
    cv = source / "xsd-cv"
    if not cv.is_dir():
        raise BuildError(f"source directory {cv} does not exist (use --source)")

    def x(file: str) -> Xsd:
        path = cv / file
        if not path.is_file():
            raise BuildError(f"missing source file {path}")
        return read_xsd(path)

    def tail(e: Entry) -> str:
        return e.tail

    vocabs = [
        build_eqf(x("eqf.xsd")),
        build_isced_f(x("isced-f.xsd")),
        build_nqf(x("nqf.xsd")),
        build_language(x("language.xsd")),
        build_country(x("country.xsd")),
        build_currency(x("currency.xsd")),
        slug_vocab(
            "mode",
            x("europass-modes.xsd"),
            overrides={
                "workbased": "work-based",
                "presential": "on-site",
                "research-lab-based": "research-lab",
            },
            aliases={
                "presential": "on-site",
                "onsite": "on-site",
                "in-person": "on-site",
                "face-to-face": "on-site",
                "hybrid": "blended",
                "workbased": "work-based",
            },
            expected=[
                "online", "blended", "on-site", "work-based", "project-based", "research-lab",
            ],
        ),
        slug_vocab(
            "learning-setting",
            x("europass-learning-setting-types.xsd"),
            overrides={"formal-learning": "formal", "non-formal-learning": "non-formal"},
            aliases={"nonformal": "non-formal"},
            expected=["formal", "non-formal"],
        ),
        slug_vocab(
            "learning-schedule",
            x("europass-learning-schedule-types.xsd"),
            expected=["full-time", "part-time-light", "part-time-intensive"],
        ),
        slug_vocab(
            "assessment-type",
            x("europass-learning-assessment-types.xsd"),
            aliases={
                "attendance": "level-of-attendance",
                "participation": "level-of-attendance",
                "exam": "written-examination",
                "artifact-assessment": "artefact-assessment",
            },
            expected=[
                "peer-assessment", "marked-assignment", "continuous-evaluation", "portfolio",
                "group-performance", "practical-assessment", "written-examination",
                "level-of-attendance", "project-work", "peer-review", "quiz",
                "problem-based-learning", "oral-examination", "artefact-assessment",
            ],
        ),
        slug_vocab(
            "learning-opportunity-type",
            x("europass-learning-opportunity-types.xsd"),
            aliases={
                "program-module": "programme-module",
                "short-learning-program": "short-learning-programme",
                "educational-program": "educational-programme",
            },
            expected=[
                "course", "programme-module", "mentoring", "mooc", "apprenticeship",
                "study-visit", "short-learning-programme", "internship",
                "educational-programme", "class", "service-learning", "thesis",
            ],
        ),
        slug_vocab(
            "learning-activity-type",
            x("europass-learning-activity-types.xsd"),
            aliases={"educational-program": "educational-programme"},
        ),
        slug_vocab(
            "credit-system",
            x("credit-points.xsd"),
            overrides={
                "european-credit-transfer-system": "ects",
                "european-credit-system-for-vocational-education-and-training": "ecvet",
            },
            expected=["ects", "ecvet"],
        ),
        slug_vocab(
            "accreditation-type",
            x("europass-accreditation-types.xsd"),
            overrides={
                "institutional-license": "institutional-licence",
                "program-quality-assurance": "programme-quality-assurance",
                "program-license": "programme-licence",
            },
            aliases={
                "program-licence": "programme-licence",
                "programme-license": "programme-licence",
            },
            expected=[
                "institutional-licence", "programme-quality-assurance",
                "institutional-quality-assurance", "programme-licence",
            ],
        ),
        slug_vocab("skill-type", x("skill-types.xsd"), code_of=tail,
                   expected=["knowledge", "skill"]),
        slug_vocab(
            "reuse-level",
            x("skill-reuse-levels.xsd"),
            code_of=tail,
            expected=["transversal", "cross-sector", "sector-specific", "occupation-specific"],
        ),
        slug_vocab("target-group", x("europass-target-groups.xsd")),
        slug_vocab("credential-type", x("europass-credential-types.xsd")),
        build_supervision(),
    ]  # fmt: skip
    out = {v.name: v for v in vocabs}
    # by_iri() in credcat.vocab needs IRIs to be unique across all vocabularies
    owner: dict[str, str] = {}
    for v in vocabs:
        for code, c in v.concepts.items():
            if c["iri"] in owner:
                raise BuildError(f"IRI {c['iri']} in both {owner[c['iri']]} and {v.name}/{code}")
            owner[c["iri"]] = f"{v.name}/{code}"
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def read_translations(path: Path) -> dict[str, str]:
    """``{normalised English label: translation}`` of a vendored gettext file."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {
        _norm(str(m.id)): " ".join(str(m.string).split())
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string
    }


def add_translations(vocabs: Mapping[str, Vocab], labels: Path) -> None:
    """Add the vendored official labels (:data:`LABEL_SOURCES`) to the concepts, by English label.

    Every concept of those vocabularies must find its label in every language; a source entry
    left in English (:data:`UNTRANSLATED`) is skipped.
    """
    problems = []
    for name, pattern in LABEL_SOURCES.items():
        v = vocabs[name]
        for lang in LABEL_LANGUAGES:
            rel = pattern.format(lang=lang)
            path = labels / rel
            if not path.is_file():
                raise BuildError(f"missing label source {path}")
            table = read_translations(path)
            for code, concept in sorted(v.concepts.items()):
                english = concept["label"]["en"]
                if (lang, english) in UNTRANSLATED:
                    continue
                found = table.get(_norm(english))
                if not found:
                    problems.append(f"{name}/{code} {english!r}: no {lang} label in {rel}")
                    continue
                concept["label"][lang] = found
            v.label_sources[lang] = f"vocab/sources/{rel}"
    if problems:
        raise BuildError("; ".join(problems))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="directory holding xsd-cv/ (default: %(default)s)",
    )
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)"
    )
    ap.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any output file differs"
    )
    ap.add_argument(
        "--labels",
        type=Path,
        default=DEFAULT_LABELS,
        help="directory of the vendored label translations (default: %(default)s)",
    )
    args = ap.parse_args(argv)
    try:
        vocabs = build_all(args.source)
        add_translations(vocabs, args.labels)
    except BuildError as exc:
        print(f"build_vocab: error: {exc}", file=sys.stderr)
        return 2
    stale = []
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
    for name, v in sorted(vocabs.items()):
        path = args.out / f"{name}.json"
        text = serialise(v.document())
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    summary = ", ".join(f"{n} ({len(v.concepts)})" for n, v in sorted(vocabs.items()))
    if args.check:
        for path in stale:
            print(f"stale: {path}", file=sys.stderr)
        print(f"{'STALE' if stale else 'up to date'}: {summary}")
        return 1 if stale else 0
    print(f"{args.out}: {len(stale)} written, {len(vocabs) - len(stale)} unchanged: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
