"""What changed between two versions of a credential, in words an employer understands.

:func:`changes` compares two versions field by field and returns :class:`Change` records
("Outcome added: …", "Workload 4 → 5 ECTS", "Written exam is now supervised online with an
identity check"), never a YAML diff. :func:`describe` words a change in a language, from the
phrase file ``credcat/data/changes.yaml`` (English required and complete; other languages fall
back to it phrase by phrase), so adding a language adds phrases, not code. Pure functions; the
site shows them at the top of each version page after the first, worded by its page's
:class:`Wording` (the site's localiser: its labels, durations and lists, so "what changed" reads
like the rest of the page).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cache
from importlib import resources
from typing import Any, Protocol, Union

import yaml
from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape

from . import vocab
from .languages import LANGUAGE_TAG
from .model import NOT_VERSIONED, Assessment, Credential, Outcome, QualityAssurance
from .render.language import in_span


@dataclass(frozen=True)
class Code:
    """A vocabulary code, worded by its label in the reader's language."""

    vocab: str
    code: str


@dataclass(frozen=True)
class Phrase:
    """A value worded by a phrase group of ``changes.yaml`` (``supervision``, …)."""

    group: str
    code: str


@dataclass(frozen=True)
class Duration:
    """A duration as the file writes it (``8 weeks``), worded in the reader's language."""

    text: str


@dataclass(frozen=True)
class Joined:
    """Several values, worded as one list."""

    items: tuple[Arg, ...]


Arg = Union[str, int, float, Mapping[str, str], Code, Phrase, Duration, Joined, "Supervised"]
"""A placeholder value: plain text or number, a translated text, a code, a phrase, a list."""


@dataclass(frozen=True)
class Supervised:
    """How an assessment is supervised, with or without an identity check."""

    supervision: str
    identity_check: bool


@dataclass(frozen=True)
class Change:
    """One change between two versions.

    Attributes:
        key: The phrase in ``changes.yaml`` that words it, e.g. ``workload_ects``.
        field: The top-level field of the credential it concerns.
        args: The values of the phrase's placeholders.
    """

    key: str
    field: str
    args: Mapping[str, Arg] = dc_field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The change in words, in ``lang`` (see :func:`describe`)."""
        return describe(self, lang)


class Wording(Protocol):
    """Words for codes, durations and lists in one language (the site's localiser is one)."""

    def label(self, name: str, code: str) -> str:
        """The label of a vocabulary code, e.g. ``("mode", "online")`` → ``Online``."""
        ...

    def running_language_name(self, code: str) -> str:
        """A language's name as written inside a sentence (``anglais`` in French)."""
        ...

    def duration(self, text: str) -> str:
        """A duration (``8 weeks``) in the language."""
        ...

    def join(self, items: Sequence[str]) -> str:
        """Names joined as one list (``French and German``)."""
        ...

    def number(self, value: float) -> str:
        """A number as the page writes it (``4.5``, ``4,5``: on a Polish page, whose other
        words may be credcat's English, still ``4,5``)."""
        ...

    def text(self, text: Mapping[str, str] | None) -> str:
        """A text of the file in the language, else in another (an
        :class:`~credcat.render.language.InLanguage` that names that other language, a
        :class:`~credcat.render.language.Fallback` where it stands in for a missing
        translation, as the site's localiser returns it)."""
        ...


class VocabularyWording:
    """The :class:`Wording` of the data alone: the vocabularies' official labels, CLDR's names
    of languages, durations as written and lists joined by ``list_and``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def label(self, name: str, code: str) -> str:
        if name == "nqf":  # "DQR Level 6": "Level" in the reader's language
            level = vocab.nqf_level(code)
            if level is not None:
                return str(phrase(self.lang, "nqf_level")).format(
                    framework=level[0], level=level[1]
                )
        concept = vocab.lookup(name, code)
        return concept.label(self.lang) if concept else code

    def running_language_name(self, code: str) -> str:
        return _language_name(code, self.lang) or self.label("language", code)

    def duration(self, text: str) -> str:
        return text

    def join(self, items: Sequence[str]) -> str:
        return str(phrase(self.lang, "list_and")).join(items)

    def number(self, value: float) -> str:
        return f"{value:g}".replace(".", str(phrase(self.lang, "decimal")))

    def text(self, text: Mapping[str, str] | None) -> str:
        return (text.get(self.lang) or next(iter(text.values()), "")) if text else ""


@cache
def _phrases() -> Mapping[str, Mapping[str, Any]]:
    raw = resources.files("credcat").joinpath("data/changes.yaml").read_text("utf-8")
    loaded: Mapping[str, Mapping[str, Any]] = yaml.safe_load(raw)
    return loaded


def phrase(lang: str, key: str) -> Any:
    """A phrase (or phrase group) of ``changes.yaml`` in ``lang``, else in English."""
    phrases = _phrases()
    found = phrases.get(lang, {}).get(key)
    return found if found is not None else phrases["en"][key]


def describe(change: Change, lang: str = "en", wording: Wording | None = None) -> str:
    """Word a change in a language.

    Args:
        change: The change.
        lang: A language code; phrases and labels missing in it fall back to English.
        wording: Words for codes, durations and lists in ``lang``; by default those of the
            data alone (:class:`VocabularyWording`).

    Returns:
        One sentence, e.g. ``Workload 4 → 5 ECTS``.
    """
    words = wording or VocabularyWording(lang)
    values = {name: _word(value, lang, words) for name, value in change.args.items()}
    template: str = phrase(lang, change.key)
    text = template.format(**values)
    return text[:1].upper() + text[1:]  # a vocabulary label may open the sentence


def describe_html(change: Change, lang: str, wording: Wording) -> Markup:
    """:func:`describe` as safe HTML for a page: every value escaped, and a text shown in
    another language than the page's (an outcome not yet translated) in an element that says
    which, and that it stands in for a missing translation, as every such text of a page
    (``<span lang="en" data-credcat-fallback="en">``; WCAG 2.1, 3.1.2 Language of Parts)."""
    values = {name: _word(value, lang, wording, html=True) for name, value in change.args.items()}
    text = escape(str(phrase(lang, change.key))).format(**values)  # each value is Markup
    return text[:1].upper() + text[1:]


def _leaf(text: str, html: bool) -> str:
    """A worded value as it goes into a sentence: as it is, or as HTML, marked with its
    language where it has one of its own (:func:`~credcat.render.language.in_span`)."""
    return in_span(text) if html else text


def _word(value: Arg, lang: str, words: Wording, *, html: bool = False) -> str:
    if isinstance(value, bool):  # pragma: no cover - no phrase takes a bare boolean
        return str(value).lower()
    if isinstance(value, float):
        return _leaf(words.number(value), html)
    if isinstance(value, int | str):
        return _leaf(str(value), html)
    if isinstance(value, Code):
        if value.vocab == "language":  # inside a sentence: "anglais", not "Anglais"
            return _leaf(words.running_language_name(value.code), html)
        return _leaf(words.label(value.vocab, value.code), html)
    if isinstance(value, Duration):
        return _leaf(words.duration(value.text), html)
    if isinstance(value, Phrase):
        group = phrase(lang, value.group)
        if isinstance(group, str):
            return _leaf(group, html)
        worded: str = group.get(value.code) or phrase("en", value.group).get(value.code, value.code)
        return _leaf(worded, html)
    if isinstance(value, Joined):
        if all(isinstance(item, Code) and item.vocab == "language" for item in value.items):
            names = [_word(item, lang, words) for item in value.items]
            return _leaf(words.join(names), html)  # "French and German"
        items = [_word(item, lang, words, html=html) for item in value.items]
        # other names may hold commas ("Business, administration and law"): list_and
        return _leaf(str(phrase(lang, "list_and")), html).join(items)
    if isinstance(value, Supervised):
        how = _word(Phrase("supervision", value.supervision), lang, words, html=html)
        if value.identity_check:
            how = _leaf(str(phrase(lang, "with_identity_check")), html).format(how=how)
        return how
    return _leaf(words.text(value), html)


# --- comparing ------------------------------------------------------------------------------


def changes(
    old: Credential, new: Credential, names: Mapping[str, Mapping[str, str]] | None = None
) -> list[Change]:
    """What changed from ``old`` to ``new``, field by field, in the order of the file.

    Args:
        old: The earlier version.
        new: The later version.
        names: Organisation names by id (``{id: {lang: name}}``); ids are shown without them.

    Returns:
        The changes; empty when the two say the same. Offerings, status (and its note),
        errata and the publication date are not compared: they are not part of what a
        version promises.
    """
    names = names or {}
    found: list[Change] = []
    added = sorted(_languages(new) - _languages(old))
    if added:  # a translation is a change of its own, not a rewording of every text
        found.append(
            Change(
                "translations_added",
                "translations",
                {"languages": Joined(tuple(Code("language", lang) for lang in added))},
            )
        )
        new = _without(new, set(added))

    def org(oid: str) -> Arg:
        return names.get(oid) or oid

    if old.title != new.title:
        found.append(Change("title", "title", {"old": old.title, "new": new.title}))
    found.extend(_outcomes(old.outcomes, new.outcomes))
    found.extend(_assessments(old, new))
    if old.eqf != new.eqf:
        found.append(Change("eqf", "eqf", {"old": old.eqf, "new": new.eqf}))
    if old.nqf != new.nqf:
        found.append(
            Change("nqf", "nqf", {"old": _code("nqf", old.nqf), "new": _code("nqf", new.nqf)})
        )
    if old.qf_ehea != new.qf_ehea:
        found.append(
            Change(
                "qf_ehea",
                "qf_ehea",
                {"old": _cycle(old.qf_ehea), "new": _cycle(new.qf_ehea)},
            )
        )
    found.extend(_workload(old, new))
    roles = [("awarding_body", old.awarding_body, new.awarding_body)]
    if old.provider or new.provider:  # by default the awarding bodies: said once, above
        roles.append(("provider", old.providers, new.providers))
    if old.assessor or new.assessor:
        roles.append(("assessor", old.assessors, new.assessors))
    for role, before, after in roles:
        for oid in after:
            if oid not in before:
                found.append(Change(f"{role}_added", role, {"name": org(oid)}))
        for oid in before:
            if oid not in after:
                found.append(Change(f"{role}_removed", role, {"name": org(oid)}))
    found.extend(_quality_assurance(old.quality_assurance, new.quality_assurance))
    for name, vocabulary in (("mode", "mode"), ("setting", "learning-setting")):
        if getattr(old, name) != getattr(new, name):
            found.append(
                Change(
                    name,
                    name,
                    {
                        "old": Code(vocabulary, getattr(old, name)),
                        "new": Code(vocabulary, getattr(new, name)),
                    },
                )
            )
    if old.type != new.type:
        found.append(
            Change(
                "type",
                "type",
                {
                    "old": Code("learning-opportunity-type", old.type),
                    "new": Code("learning-opportunity-type", new.type),
                },
            )
        )
    for name, vocabulary in (("languages", "language"), ("field", "isced-f")):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            found.append(
                Change(
                    name,
                    name,
                    {
                        "old": Joined(tuple(Code(vocabulary, c) for c in before)),
                        "new": Joined(tuple(Code(vocabulary, c) for c in after)),
                    },
                )
            )
    if old.duration != new.duration:
        found.append(
            Change(
                "duration",
                "duration",
                {
                    "old": Duration(old.duration) if old.duration else Phrase("none", ""),
                    "new": Duration(new.duration) if new.duration else Phrase("none", ""),
                },
            )
        )
    for name in (
        "target_groups",
        "prerequisites",
        "summary",
        "description",
        "further_information",
        "stackability",
        "links",
        "homepage",
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        changed = _changed_languages(before, after)
        if changed:  # a text reworded in some of its languages only: said so
            languages = Joined(tuple(Code("language", lang) for lang in changed))
            found.append(
                Change("only_in", name, {"change": Phrase(name, ""), "languages": languages})
            )
        else:
            found.append(Change(name, name))
    return found


def _changed_languages(before: Any, after: Any) -> list[str]:
    """The languages of a text (a language map) that changed, when the two versions have the
    same languages and not all of them changed; else ``[]`` (a change of the whole)."""
    if (
        not isinstance(before, Mapping)
        or not isinstance(after, Mapping)
        or set(before) != set(after)
    ):
        return []
    changed = sorted(lang for lang in before if before[lang] != after[lang])
    return changed if len(changed) < len(before) else []


def _language_name(code: str, lang: str) -> str:
    try:
        found = Locale.parse(lang).languages.get(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ""
    return str(found or "")


def _language_maps(value: Any) -> Iterator[dict[str, Any]]:
    """Every language map (``{lang: text}``) in a dumped credential."""
    if isinstance(value, dict):
        if (
            value
            and all(isinstance(k, str) and LANGUAGE_TAG.fullmatch(k) for k in value)
            and all(isinstance(v, str) for v in value.values())
        ):
            yield value
        else:
            for item in value.values():
                yield from _language_maps(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _language_maps(item)


def _languages(credential: Credential) -> set[str]:
    """The languages of a credential's texts (those of the fields no version holds left out:
    :data:`~credcat.model.NOT_VERSIONED`)."""
    data = credential.model_dump(exclude=set(NOT_VERSIONED))
    return {lang for found in _language_maps(data) for lang in found}


def _without(credential: Credential, languages: set[str]) -> Credential:
    """The credential with the texts in ``languages`` taken out of every language map."""
    data = credential.model_dump()
    for found in list(_language_maps(data)):
        if set(found) - languages:
            for lang in languages:
                found.pop(lang, None)
    return Credential.model_validate(data)


def _code(vocabulary: str, code: str | None) -> Arg:
    return Code(vocabulary, code) if code else Phrase("none", "")


def _cycle(code: str | None) -> Arg:
    return Phrase("qf_ehea_cycles", code) if code else Phrase("none", "")


def _outcomes(old: Sequence[Outcome], new: Sequence[Outcome]) -> list[Change]:
    found: list[Change] = []
    before = {o.id: o for o in old}
    after = {o.id: o for o in new}
    for outcome in new:
        was = before.get(outcome.id)
        if was is None:
            found.append(Change("outcome_added", "outcomes", {"text": outcome.text}))
            continue
        if was.text != outcome.text:
            changed = sorted(
                lang
                for lang in set(was.text) & set(outcome.text)
                if was.text[lang] != outcome.text[lang]
            )
            if changed and len(changed) < len(set(was.text) & set(outcome.text)):
                # reworded in some languages only: said so, not as a change in every one
                languages = Joined(tuple(Code("language", lang) for lang in changed))
                found.append(
                    Change(
                        "outcome_reworded_in",
                        "outcomes",
                        {"text": outcome.text, "languages": languages},
                    )
                )
            else:
                found.append(Change("outcome_reworded", "outcomes", {"text": outcome.text}))
        if was.kind != outcome.kind:
            found.append(
                Change(
                    "outcome_kind",
                    "outcomes",
                    {
                        "text": outcome.text,
                        "old": Phrase("outcome_kinds", was.kind),
                        "new": Phrase("outcome_kinds", outcome.kind),
                    },
                )
            )
        if was.esco != outcome.esco:
            found.append(Change("outcome_esco", "outcomes", {"text": outcome.text}))
        if was.reuse != outcome.reuse:
            found.append(Change("outcome_reuse", "outcomes", {"text": outcome.text}))
    for outcome in old:
        if outcome.id not in after:
            found.append(Change("outcome_removed", "outcomes", {"text": outcome.text}))
    return found


def _assessment_name(assessment: Assessment) -> Arg:
    return assessment.title or Code("assessment-type", assessment.type)


def _assessments(old: Credential, new: Credential) -> list[Change]:
    found: list[Change] = []
    before = {a.id: a for a in old.assessments}
    after = {a.id: a for a in new.assessments}
    outcome_text = {o.id: o.text for o in (*old.outcomes, *new.outcomes)}
    for item in new.assessments:
        was = before.get(item.id)
        title = _assessment_name(item)
        if was is None:
            found.append(Change("assessment_added", "assessments", {"title": title}))
            continue
        if was.title != item.title and was.title and item.title:
            found.append(
                Change("assessment_title", "assessments", {"old": was.title, "new": item.title})
            )
        if was.type != item.type:
            found.append(
                Change(
                    "assessment_type",
                    "assessments",
                    {
                        "title": title,
                        "old": Code("assessment-type", was.type),
                        "new": Code("assessment-type", item.type),
                    },
                )
            )
        if was.supervision != item.supervision and item.supervision:
            found.append(
                Change(
                    "assessment_supervision",
                    "assessments",
                    {"title": title, "how": Supervised(item.supervision, item.identity_check)},
                )
            )
        elif was.identity_check != item.identity_check:
            key = "assessment_identity_on" if item.identity_check else "assessment_identity_off"
            found.append(Change(key, "assessments", {"title": title}))
        for key, ids in (
            ("assessment_proves_added", [o for o in item.proves if o not in was.proves]),
            ("assessment_proves_removed", [o for o in was.proves if o not in item.proves]),
        ):
            if ids:
                texts = tuple(outcome_text.get(o, o) for o in ids)
                found.append(
                    Change(key, "assessments", {"title": title, "outcomes": Joined(texts)})
                )
        if was.description != item.description:
            found.append(Change("assessment_description", "assessments", {"title": title}))
        if was.grading != item.grading and item.grading:
            found.append(
                Change("assessment_grading", "assessments", {"title": title, "new": item.grading})
            )
    for item in old.assessments:
        if item.id not in after:
            found.append(
                Change("assessment_removed", "assessments", {"title": _assessment_name(item)})
            )
    return found


def _workload(old: Credential, new: Credential) -> list[Change]:
    found: list[Change] = []
    a, b = old.workload, new.workload
    for unit, before, after in (("ects", a.ects, b.ects), ("hours", a.hours, b.hours)):
        if before == after:
            continue
        if before is None:  # stated now, not "0 → 2"
            found.append(Change(f"workload_{unit}_added", "workload", {"new": _number(after)}))
        elif after is None:
            found.append(Change(f"workload_{unit}_removed", "workload", {"old": _number(before)}))
        else:
            values = {"old": _number(before), "new": _number(after)}
            found.append(Change(f"workload_{unit}", "workload", values))
    split = ("guided_hours", "self_study_hours", "assessment_hours")
    if any(getattr(a, s) != getattr(b, s) for s in split):
        found.append(Change("workload_split", "workload"))
    if a.credit_system != b.credit_system:
        found.append(
            Change(
                "credit_system",
                "workload",
                {"old": a.credit_system.upper(), "new": b.credit_system.upper()},
            )
        )
    return found


def _number(value: float | None) -> Arg:
    if value is None:
        return 0
    return int(value) if float(value).is_integer() else float(value)


def _qa_name(qa: QualityAssurance) -> Arg:
    return qa.title or Code("accreditation-type", qa.type)


def _quality_assurance(
    old: Sequence[QualityAssurance], new: Sequence[QualityAssurance]
) -> list[Change]:
    found: list[Change] = []
    before = {(q.type, q.body): q for q in old}
    after = {(q.type, q.body): q for q in new}
    for key, qa in after.items():
        was = before.get(key)
        if was is None:
            found.append(
                Change("quality_assurance_added", "quality_assurance", {"title": _qa_name(qa)})
            )
        elif was != qa:
            found.append(
                Change("quality_assurance_changed", "quality_assurance", {"title": _qa_name(qa)})
            )
    for key, qa in before.items():
        if key not in after:
            found.append(
                Change("quality_assurance_removed", "quality_assurance", {"title": _qa_name(qa)})
            )
    return found
