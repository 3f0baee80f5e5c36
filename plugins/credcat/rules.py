"""Checks that span fields and files: references, stackability, Annex I meaning, wording, dates.

Owns every rule that needs more than one field or file (rules locate their problems with
:func:`credcat.catalogue.problem_at`). A rule of the whole catalogue is a function
``(catalogue) -> Iterable[Problem]`` (:data:`RULES`), a rule of one credential
``(catalogue, credential) -> Iterable[Problem]`` (:data:`CREDENTIAL_RULES`);
:func:`check_rules` runs them all. The rules only read the
validated :class:`~credcat.catalogue.Catalogue` (graph walks come from :mod:`credcat.graph`), so
they are cheap and run on every build. The time-aware rules (past runs, a publication date in
the future, expired quality assurance) read the date from :func:`credcat.clock.today` only.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

import yaml

from . import vocab
from .catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, ORGANISATIONS_DIR, Catalogue, problem_at
from .clock import ClockError, today
from .errors import Problem, Severity, field_label, listing
from .fs import UnsafeFileError
from .graph import RELATIONS, cycles, links
from .ids import is_id, norm_name, norm_url
from .memo import per_object
from .model import (
    HOURS_PER_ECTS,
    NO_LONGER_OFFERED,
    ORGANISATION_ROLES,
    Brief,
    Credential,
    organisation_names,
)
from .render.data.nodes import COUNTRY_ZONES
from .render.logos import logo_problem
from .render.safe import ALLOWED_SCHEMES, link_targets, safe_url
from .versions import check_archive, next_version, released_organisations
from .yaml_loader import PathKey

WARNING = Severity.WARNING
ATTENDANCE = "level-of-attendance"

Rule = Callable[[Catalogue], Iterable[Problem]]
CredentialRule = Callable[[Catalogue, Credential], Iterable[Problem]]


def check_rules(catalogue: Catalogue) -> list[Problem]:
    """Run every cross-field and cross-file rule on a catalogue: the rules of the whole
    catalogue, then the rules of one credential on each credential in turn (one model at a
    time: a build's models are packed, :mod:`credcat.store`)."""
    found: list[Problem] = []
    for rule in RULES:
        found.extend(rule(catalogue))
    each = list(CREDENTIAL_RULES)
    try:
        now = today()
    except ClockError as exc:  # the time-aware rules cannot run
        found.append(problem_at(catalogue, "catalogue", "", (), str(exc), code="clock"))
    else:
        each.append(partial(time_aware, now=now))
    for cred in catalogue.credentials.values():
        for check in each:
            found.extend(check(catalogue, cred))
    return found


def _cred(
    cat: Catalogue,
    cred: Brief,
    loc: PathKey,
    message: str,
    hint: str = "",
    *,
    warn: bool = False,
    note: bool = False,
    code: str = "",
    key: bool = False,
    at: int | None = None,
) -> Problem:
    return problem_at(
        cat,
        "credential",
        cred.id,
        loc,
        message,
        hint,
        severity=Severity.NOTE if note else WARNING if warn else Severity.ERROR,
        code=code,
        key=key,
        at=at,
    )


# --- references ---------------------------------------------------------------------------


def publisher_reference(cat: Catalogue) -> Iterator[Problem]:
    """The catalogue's publisher is one of its organisations."""
    publisher = cat.settings.publisher
    if publisher not in cat.organisations and f"organisation:{publisher}" not in cat.invalid:
        yield problem_at(
            cat,
            "catalogue",
            "",
            ("publisher",),
            f"unknown organisation '{cat.settings.publisher}'",
            _org_hint(cat, cat.settings.publisher),
            code="unknown-organisation",
        )


BASE_URI_HTTP = "base-uri-http"
"""The code of the warning on a ``base_uri`` that is an ``http://`` address."""


def base_uri_https(cat: Catalogue) -> Iterator[Problem]:
    """The catalogue's ``base_uri`` is an ``https://`` address, while no version is released:
    it starts every permanent identifier, and the first release records it for good (after
    that it cannot change: ``base-uri-moved``, so nothing is said any more)."""
    base = cat.settings.base_uri
    if not base.lower().startswith("http://") or any(cat.archive.releases.values()):
        return
    yield problem_at(
        cat,
        "catalogue",
        "",
        ("base_uri",),
        "base_uri is an http:// address: every permanent identifier of the credentials starts "
        "with it, and the first release records it for good (browsers mark http:// pages as "
        "not secure)",
        f"publish the site over HTTPS and write https://{base[len('http://') :]} before the "
        "first release",
        severity=WARNING,
        code=BASE_URI_HTTP,
    )


def organisation_references(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """Every organisation id a credential names exists."""
    yield from _unknown_organisations(cat, cred.id, cred.organisation_references())


def _unknown_organisations(
    cat: Catalogue, cid: str, refs: Iterable[tuple[PathKey, str]]
) -> Iterator[Problem]:
    for loc, org in refs:
        if org not in cat.organisations and f"organisation:{org}" not in cat.invalid:
            yield problem_at(
                cat,
                "credential",
                cid,
                loc,
                f"unknown organisation '{org}'",
                _org_hint(cat, org),
                code="unknown-organisation",
            )


def invalid_credentials_references(cat: Catalogue) -> Iterator[Problem]:
    """The organisations a credential file names, where the file failed its own checks: read
    from the file as written, so that a typo in an organisation's id is reported with the
    file's other mistakes, not only once they are mended (every problem at once)."""
    for entry in sorted(cat.invalid):
        kind, _, cid = entry.partition(":")
        doc = cat.documents.get(Catalogue.source_of(kind, cid)) if kind == "credential" else None
        data = doc.data if doc is not None else None
        if not isinstance(data, dict):
            continue
        refs: list[tuple[PathKey, str]] = []
        for role in ORGANISATION_ROLES:
            value = data.get(role)
            if isinstance(value, str):
                refs.append(((role,), value))
            elif isinstance(value, list):
                refs += [((role, i), v) for i, v in enumerate(value) if isinstance(v, str)]
        quality = data.get("quality_assurance")
        for i, qa in enumerate(quality if isinstance(quality, list) else []):
            if isinstance(qa, dict) and isinstance(qa.get("body"), str):
                refs.append((("quality_assurance", i, "body"), qa["body"]))
        # a value that is no id (a placeholder) is the file's own mistake, reported already
        yield from _unknown_organisations(cat, cid, ((loc, o) for loc, o in refs if is_id(o)))


def _line(cat: Catalogue, cred: Credential, loc: PathKey) -> int:
    """Line of a value in a credential's file, or 0."""
    doc = cat.documents.get(Catalogue.source_of("credential", cred.id))
    return doc.positions.get(loc, (0, 0))[0] if doc is not None else 0


def _data(cat: Catalogue, cred: Credential) -> Any:
    """The loaded YAML of a credential's file (to name list items by their ids), or None."""
    doc = cat.documents.get(Catalogue.source_of("credential", cred.id))
    return doc.data if doc is not None else None


@lru_cache(maxsize=4)
def _suggester(options: frozenset[str]) -> Suggester:
    return Suggester(options)


def _org_hint(cat: Catalogue, org: str) -> str:
    """The organisation an unknown id probably means: the one it names by one of its names
    or short names (``uwavre`` for the short name UWavre), else the one it is a typo of; for
    an organisation a released version names, its file to restore (its id stays for good)."""
    if org in released_organisations(cat):
        return (
            f"restore organisations/{org}.yaml: released versions name it, and an "
            "organisation a released version names keeps its id for good"
        )
    named = _organisation_names(cat).get(org)
    if named is not None and named[0] != org:
        return f"did you mean '{named[0]}' ({named[1]})?"
    close = _suggester(frozenset(cat.organisations)).closest(org)
    return f"did you mean '{close}'?" if close else f"add organisations/{org}.yaml"


def _organisation_names(cat: Catalogue) -> Mapping[str, tuple[str, str]]:
    """The catalogue's organisations by their ids and names (:func:`organisation_names`),
    once per catalogue."""
    known = cat.memo.get(("organisation-names", ""))
    if not isinstance(known, dict):
        known = organisation_names(cat.organisations.values(), cat.settings.default_language)
        cat.memo[("organisation-names", "")] = known
    return known


MAX_SUGGESTION_CANDIDATES = 60
"""A did-you-mean compares a name with at most this many ids (those nearest in length and in
alphabetical order), so that 3,000 unknown references to 3,000 ids cost linear work."""


class Suggester:
    """Did-you-mean over one set of ids, with bounded work per question.

    The ids are grouped by length and sorted; a question looks only at ids whose length could
    pass the cutoff, nearest in length first, and in each length at the ids next to the name in
    alphabetical order (a typo after the first characters lands there: 15 on each side for the
    same length, 5 for others), at most :data:`MAX_SUGGESTION_CANDIDATES` in all.
    """

    def __init__(self, options: Iterable[str]) -> None:
        self._by_length: dict[int, list[str]] = {}
        self._sorted = sorted(set(options))
        for option in self._sorted:
            self._by_length.setdefault(len(option), []).append(option)

    def closest(self, name: str) -> str | None:
        """A likely intended id: close enough to be a typo, not merely sharing words."""
        size = len(name)
        reach = size // 2 + 1  # difflib's ratio ≥ 0.8 needs lengths within a factor of 1.5
        candidates: list[str] = []
        for delta in sorted(range(-reach, reach + 1), key=abs):
            bucket = self._by_length.get(size + delta)
            if not bucket:
                continue
            at = bisect.bisect_left(bucket, name)
            half = MAX_SUGGESTION_CANDIDATES // 4 if delta == 0 else 5
            candidates.extend(bucket[max(0, at - half) : at + half])
            if len(candidates) >= MAX_SUGGESTION_CANDIDATES:
                break
        found = difflib.get_close_matches(
            name, candidates[:MAX_SUGGESTION_CANDIDATES], n=1, cutoff=0.8
        )
        return found[0] if found else self._longer(name)

    def _longer(self, name: str) -> str | None:
        """The one id that ``name`` begins, word for word (``facilitacao`` for
        ``facilitacao-grupos``), or ``None`` (none, or several)."""
        start = name + "-"
        at = bisect.bisect_left(self._sorted, start)
        found = self._sorted[at : at + 2]
        matching = [option for option in found if option.startswith(start)]
        return matching[0] if len(matching) == 1 else None


def credential_references(cat: Catalogue) -> Iterator[Problem]:
    """Stackability and succession name existing credentials, and status fits succession."""
    creds = cat.credentials
    suggest = Suggester(creds)
    succession = {
        cid: [cred.superseded_by]
        for cid, cred in cat.briefs.items()
        if cred.superseded_by is not None and cred.superseded_by in creds
    }
    on_circle: dict[str, list[str]] = {}  # every credential of a circle → the circle
    for found in cycles(succession):
        ring = found[:-1]
        first = ring.index(min(ring))
        ring = ring[first:] + ring[:first]
        for cid in ring:
            on_circle[cid] = [*ring, ring[0]]
    for cred in cat.briefs.values():  # what it reads is in the brief: no model read
        stack = cred.stackability
        if stack is not None:
            for relation in ("part_of", "builds_on"):
                for i, other in enumerate(getattr(stack, relation)):
                    loc = ("stackability", relation, i)
                    if other == cred.id:
                        yield _cred(
                            cat,
                            cred,
                            loc,
                            "a credential cannot stack with itself",
                            code="stack-self",
                        )
                    elif other not in creds and f"credential:{other}" not in cat.invalid:
                        close = suggest.closest(other)
                        close = None if close == cred.id else close
                        yield _cred(
                            cat,
                            cred,
                            loc,
                            f"unknown credential '{other}'",
                            f"did you mean '{close}'?"
                            if close
                            else f"add credentials/{other}.yaml",
                            code="unknown-credential",
                        )
        if cred.status == "superseded":
            if cred.superseded_by is None:
                yield _cred(
                    cat,
                    cred,
                    ("status",),
                    "a superseded credential must name its successor",
                    "add 'superseded_by: <id of the new credential>'",
                    code="superseded",
                )
        elif cred.superseded_by is not None:
            yield _cred(
                cat,
                cred,
                ("superseded_by",),
                f"superseded_by is set but the status is '{cred.status}'",
                "set 'status: superseded' or remove superseded_by",
                code="superseded",
                key=True,
            )
        successor = cred.superseded_by
        if successor is not None:
            if successor == cred.id:
                yield _cred(
                    cat,
                    cred,
                    ("superseded_by",),
                    "a credential cannot supersede itself",
                    "name the credential that replaces it, or give it 'status: active' and "
                    "remove superseded_by",
                    code="superseded",
                )
            elif successor not in creds and f"credential:{successor}" not in cat.invalid:
                close = suggest.closest(successor)
                close = None if close == cred.id else close  # never itself: see above
                yield _cred(
                    cat,
                    cred,
                    ("superseded_by",),
                    f"unknown successor '{successor}'",
                    f"did you mean '{close}'?" if close else f"add credentials/{successor}.yaml",
                    code="unknown-credential",
                )
            elif cred.id in on_circle:
                cycle = on_circle[cred.id]
                if cycle[0] == cred.id:  # report each circle once, at its first id
                    yield _cred(
                        cat,
                        cred,
                        ("superseded_by",),
                        "the credentials supersede each other in a circle: "
                        + listing(cycle, " → "),
                        "one of them is the current credential: give it 'status: active' "
                        "and remove its superseded_by",
                        code="superseded",
                    )
            elif successor in creds and creds[successor].status in {"retired", "superseded"}:
                yield _cred(
                    cat,
                    cred,
                    ("superseded_by",),
                    f"the successor '{successor}' is {creds[successor].status} itself",
                    "point to the credential that is offered now",
                    warn=True,
                    code="superseded",
                )
            elif (
                successor in cat.briefs
                and cat.briefs[successor].status == "draft"
                and cat.archive.latest(successor) is None
            ):
                # learners are sent to a credential that is not offered yet, whose version
                # has no page of its own, and employers to nothing an issued credential could
                # cite: the successor must be released first
                yield _cred(
                    cat,
                    cred,
                    ("superseded_by",),
                    f"the successor '{successor}' is a draft that was never released: it is "
                    "not offered yet, and none of its versions has a permanent page",
                    f"keep this credential active, without superseded_by, until '{successor}' "
                    f"is released (set its status: active, then run credcat release "
                    f"{successor}), or name a credential that is offered now",
                    warn=True,
                    code="superseded",
                )


def stackability_cycles(cat: Catalogue) -> Iterator[Problem]:
    """No credential is, through ``part_of`` or ``builds_on``, a part or prerequisite of itself."""
    for relation in RELATIONS:
        for cycle in cycles(links(cat.briefs, relation)):
            first = cat.briefs[cycle[0]]
            stack = first.stackability
            index = getattr(stack, relation).index(cycle[1]) if stack else 0
            yield _cred(
                cat,
                first,
                ("stackability", relation, index),
                f"stackability cycle through {relation}: " + listing(cycle, " → "),
                "a credential cannot count towards itself; remove one link",
                code="stack-cycle",
            )


# --- what makes it a micro-credential -----------------------------------------------------


def outcomes_and_assessments(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """Ids are unique; every outcome is proven; assessments prove known outcomes."""
    for collection in ("outcomes", "assessments", "offerings"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(cred, collection)):
            if item.id in seen:
                data = _data(cat, cred)  # the file is read again only for a problem
                yield _cred(
                    cat,
                    cred,
                    (collection, i, "id"),
                    f"duplicate id '{item.id}' (also "
                    f"{field_label((collection, seen[item.id]), data)})",
                    "give each entry its own id",
                    code="duplicate-id",
                )
            seen.setdefault(item.id, i)
    outcome_ids = {o.id for o in cred.outcomes}
    outcome_suggester = Suggester(outcome_ids)
    known_outcomes = "name outcome ids from this file's outcomes: " + listing(
        dict.fromkeys(o.id for o in cred.outcomes)  # each once, in order (ids may repeat)
    )
    proven: set[str] = set()
    for i, assessment in enumerate(cred.assessments):
        for j, ref in enumerate(assessment.proves):
            if ref not in outcome_ids:
                close = outcome_suggester.closest(ref)
                if close is not None:
                    # one typo, one problem: the outcome it names is not also "unproven"
                    proven.add(close)
                    index = next(k for k, o in enumerate(cred.outcomes) if o.id == close)
                    line = _line(cat, cred, ("outcomes", index, "id"))
                    hint = f"did you mean '{close}'" + (
                        f", the outcome on line {line}?" if line else "?"
                    )
                else:
                    hint = known_outcomes
                yield _cred(
                    cat,
                    cred,
                    ("assessments", i, "proves", j),
                    f"unknown outcome '{ref}'",
                    hint,
                    code="unknown-outcome",
                )
            proven.add(ref)
    for i, outcome in enumerate(cred.outcomes):
        if outcome.id not in proven:
            yield _cred(
                cat,
                cred,
                ("outcomes", i),
                f"no assessment proves outcome '{outcome.id}'",
                f"add '{outcome.id}' to the 'proves' list of the assessment that "
                "checks it: an outcome nobody assesses is a promise, not a credential",
                code="unproven-outcome",
            )
    if all(a.type == ATTENDANCE for a in cred.assessments):
        yield _cred(
            cat,
            cred,
            ("assessments",),
            "attendance is the only assessment: a certificate of attendance or "
            "participation is not a micro-credential",
            "a micro-credential proves learning outcomes; add an assessment that "
            "checks them (e.g. project-work, practical-assessment, "
            "written-examination)",
            code="attendance-only",
            key=True,
        )


def workload(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """ECTS and hours agree (25–30 h per ECTS); an hours split adds up."""
    work = cred.workload
    parts = [work.guided_hours, work.self_study_hours, work.assessment_hours]
    given = [p for p in parts if p is not None]
    total = work.hours
    if given and total is not None and sum(given) != total:
        named = " + ".join(
            f"{name} {value}"
            for name, value in zip(("guided", "self-study", "assessment"), parts, strict=True)
            if value is not None
        )
        yield _cred(
            cat,
            cred,
            ("workload", "hours"),
            f"the hours split adds up to {sum(given)} ({named}), not {total}",
            "correct the split or the total",
            code="workload-split",
        )
    if total is None and given:
        total = sum(given)
    if work.ects is not None and total is not None and work.credit_system == "ects":
        low, high = HOURS_PER_ECTS
        per = total / work.ects
        if not low <= per <= high:
            yield _cred(
                cat,
                cred,
                ("workload",),
                f"{total} hours for {work.ects:g} ECTS is {per:.1f} hours per ECTS; "
                f"ECTS users expect {low}–{high}",
                f"for {work.ects:g} ECTS, {round(work.ects * low)}–{round(work.ects * high)} hours",
                warn=True,
                code="workload-ratio",
                key=True,
            )


@cache
def _wording() -> dict[str, Any]:
    text = resources.files("credcat").joinpath("data/outcome_wording.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def _vague_re(lang: str) -> re.Pattern[str] | None:
    """The vague openings of ``lang``, after any number of lead words ("Learners will be…")."""
    entry = _wording().get(lang)
    if not entry:
        return None
    phrases = sorted(entry["vague"], key=len, reverse=True)
    leads = sorted(entry.get("lead", []), key=len, reverse=True)
    lead = r"(?:(?:" + "|".join(re.escape(w) for w in leads) + r")\s+)*" if leads else ""
    return re.compile(
        r"^\s*" + lead + "(" + "|".join(re.escape(p) for p in phrases) + r")\b",
        re.IGNORECASE,
    )


@cache
def _vague_final_re(lang: str) -> re.Pattern[str] | None:
    """Vague verbs where the first clause ends, for verb-final languages ("… verstehen.")."""
    entry = _wording().get(lang)
    if not entry or not entry.get("final"):
        return None
    phrases = sorted(entry["final"], key=len, reverse=True)
    return re.compile(
        r"(?:^|\s)(" + "|".join(re.escape(p) for p in phrases) + r")"
        r"(?=\s*(?:[,;:.!?(]|$)|\s+(?:und|oder|sowie|en|of)\s)"
    )


def _vague_opening(lang: str, text: str) -> str | None:
    """The phrase that makes an outcome unobservable, or None."""
    pattern = _vague_re(lang)
    match = pattern.match(text) if pattern else None
    if match:
        return match.group(1)
    final = _vague_final_re(lang)
    clause = re.split(r"[,;:.!?(]", text, maxsplit=1)[0]
    if final is None:
        return None
    if clause.strip().lower() in _wording()[lang]["final"]:
        return clause.strip()
    found = final.search(clause)
    return found.group(1) if found else None


def outcome_wording(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """Outcomes start with an observable action verb, not "understand", "know" …"""
    for loc, lang, vague in _vague_outcomes(cred):
        yield _cred(
            cat,
            cred,
            loc,
            f"'{vague}' cannot be observed or assessed",
            f"name an action a stranger can check, e.g. {_wording()[lang]['suggest']}",
            warn=True,
            code="outcome-wording",
        )


@per_object
def _vague_outcomes(cred: Credential) -> list[tuple[PathKey, str, str]]:
    """The outcomes of one credential that open with a vague phrase: where each is, its
    language and the phrase (computed once per credential object: under ``mkdocs serve`` an
    unchanged file keeps its model, and every rebuild runs the rules)."""
    found = []
    for i, outcome in enumerate(cred.outcomes):
        for lang, text in outcome.text.items():
            vague = _vague_opening(lang, text)
            if vague:
                multi = len(outcome.text) > 1
                loc: PathKey = ("outcomes", i, "text", lang) if multi else ("outcomes", i, "text")
                found.append((loc, lang, vague))
    return found


def _translatable(cat: Catalogue) -> Iterator[tuple[Credential, PathKey, frozenset[str]]]:
    """Every translatable text of every credential (official ESCO labels excepted): where it
    is, and the languages it is written in."""
    for cred in cat.credentials.values():
        for loc, langs in _credential_texts(cred):
            yield cred, loc, langs


_LANGUAGE_SETS: dict[frozenset[str], frozenset[str]] = {}
"""One object per set of languages a text is written in (a catalogue has few such sets)."""


def _credential_texts(cred: Credential) -> list[tuple[PathKey, frozenset[str]]]:
    """The translatable texts of one credential: where each is and its languages."""
    return _text_survey(cred)[0]


_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
HTML_ELEMENTS = frozenset(
    (  # noqa: SIM905 - a word list
        "a abbr b blockquote br button code del details div em embed font form h1 h2 h3 h4 h5 h6 "
        "hr i iframe img input ins link li mark meta object ol p pre q s script section small "
        "span strong style sub summary sup svg table tbody td th thead tr u ul"
    ).split()
)
"""Tags taken for HTML in a text (``List<String>`` or ``a<b>c`` are not)."""


def _is_markdown(loc: PathKey) -> bool:
    """Whether the text at ``loc`` is shown as Markdown (descriptions, prerequisites, further
    information, the stackability note); the others are shown as written."""
    return loc[-1:] in {
        ("description",),
        ("prerequisites",),
        ("further_information",),
        ("status_note",),
    } or (loc[-2:] == ("stackability", "note"))


TextFinding = tuple[PathKey, str, str, int | None]
"""Something a text holds that a page will not show as written: where (the text's place and
language), what (``link`` in a Markdown text, ``html`` in a Markdown text, ``tag`` in a text
shown as written), the detail (the link's target, the tag) and where in the text it is (a
link's target: its offset; ``None``: the text)."""


@per_object
def _text_survey(
    cred: Credential,
) -> tuple[list[tuple[PathKey, frozenset[str]]], list[TextFinding]]:
    """The translatable texts of one credential (where each is and its languages) and what
    they hold that a page will not show as written, in one pass (computed once per
    credential object; kept small, it is kept as long as the model)."""
    texts = []
    findings: list[TextFinding] = []
    for loc, value in _texts(cred.model_dump(exclude={"id"}), ()):
        if "esco" not in loc:  # official ESCO labels: one language is enough
            langs = frozenset(value)
            texts.append((loc, _LANGUAGE_SETS.setdefault(langs, langs)))
        markdown = _is_markdown(loc)
        for lang, text in value.items():
            if markdown and "](" in text:  # the page keeps absolute http(s) and mailto links
                seen: set[str] = set()  # each target once, where it is first
                for offset, target in link_targets(text):
                    if target not in seen and safe_url(target) == "#":
                        findings.append(((*loc, lang), "link", target, offset))
                    seen.add(target)
            if "<" in text:  # each tag once (an element opens and closes)
                plain = _CODE_SPAN.sub("", text) if markdown else text
                tags = dict.fromkeys(t.lower() for t in _HTML_TAG.findall(plain))
                for tag in tags:
                    if tag in HTML_ELEMENTS:
                        findings.append(((*loc, lang), "html" if markdown else "tag", tag, None))
    return texts, findings


def text_content(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """What a credential's texts hold that a reader would not get as written: a link of a
    Markdown text the page leaves out (not a full http, https or mailto address), an HTML
    tag (shown as text, in a Markdown text as in any other), a text in a language a
    catalogue of several languages does not offer (published in the machine-readable files,
    shown on no page). Warnings."""
    for loc, kind, detail, offset in _text_survey(cred)[1]:
        if kind == "link":
            yield _cred(
                cat,
                cred,
                loc,
                f"the link to '{detail[:60]}' is left out of the page: a link leads to a full "
                "http, https or mailto address",
                _link_hint(detail, cat.settings.base_uri),
                warn=True,
                code="link-scheme",
                at=offset,
            )
        elif kind == "html":
            yield _cred(
                cat,
                cred,
                loc,
                f"the tag <{detail}> is shown as text, not as HTML: this text is Markdown",
                "write Markdown instead (**bold**, lists, [text](https://…)), or remove the tag",
                warn=True,
                code="html-in-text",
            )
        else:
            yield _cred(
                cat,
                cred,
                loc,
                f"the tag <{detail}> is shown as text, not as HTML: this text is shown as written",
                "remove the tag",
                warn=True,
                code="html-in-text",
            )
    if len(cat.languages) < 2:  # a one-language catalogue publishes the others' texts in
        return  # its machine-readable files, as before (nothing to choose from)
    offered = set(cat.languages)
    for lang, locs in _texts_by_language(cred, lambda langs: sorted(langs - offered)).items():
        others = _others(cat, cred, locs[1:])
        more = f"; also in {others}" if others else ""
        yield _cred(
            cat,
            cred,
            (*locs[0], lang),
            f"a text in '{lang}', a language the catalogue does not offer{more}: it is "
            "published in the machine-readable files but shown on no page",
            f"add '{lang}' to languages in catalogue.yaml, or remove the '{lang}' texts",
            warn=True,
            code="text-language",
        )


_EMAIL = re.compile(r"[^@\s/:<>()\[\]]+@[^@\s/:<>()\[\]]+\.[A-Za-z]{2,}")
_HOST_AND_PATH = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}/")
"""``uwavre.be/dlw``: a host name and a path (``guide.html`` alone may be a file)."""
_WEB_SCHEME = re.compile(r"(https?):/*", re.IGNORECASE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
GENERIC_LINK_HINT = "write the full address, e.g. [text](https://www.example.org/page)"


def _link_hint(target: str, base_uri: str) -> str:
    """How to write a link the page leaves out: the full address where one follows from
    what is written (``www.uwavre.be/dlw`` → ``https://www.uwavre.be/dlw``; an e-mail address
    with ``mailto:``; ``https:/…`` with both slashes; spaces as ``%20``; ``/guide`` on this
    catalogue's site), else what to do instead."""
    written = target.strip()
    fixed = _link_fix(written)
    if fixed is not None:
        if fixed.startswith("mailto:"):
            return f"write mailto: before an e-mail address: {fixed}"
        return f"write the full address: {fixed}"
    if written.startswith("/") and not written.startswith("//"):
        page = base_uri.rstrip("/") + "/" + written.lstrip("/")
        if safe_url(page) != "#":
            return f"write the full address, e.g. {page} for a page of this catalogue's site"
    scheme = _SCHEME.match(written)
    if scheme is not None and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        if scheme.group(1).lower() == "tel":
            return "write the phone number as text"
        return "remove the link, or point it at a web page: https://…"
    return GENERIC_LINK_HINT


def _link_fix(written: str) -> str | None:
    """The full address a link target stands for, where that is certain; else ``None``."""
    if _EMAIL.fullmatch(written):
        return f"mailto:{written}"
    fixed = written.replace(" ", "%20")
    web = _WEB_SCHEME.match(fixed)
    if web is not None:
        fixed = f"{web.group(1).lower()}://{fixed[web.end() :]}"
    elif fixed.startswith("//"):
        fixed = f"https:{fixed}"
    elif fixed.lower().startswith("www.") or _HOST_AND_PATH.match(fixed):
        fixed = f"https://{fixed}"
    return fixed if fixed != written and safe_url(fixed) != "#" else None


def release_memos() -> None:
    """Let go of what the rules keep per credential (where its texts are, in which
    languages; its vague outcomes): about 4 KB a credential, needed again only by a load that
    is kept for the next one (``mkdocs serve``); computed again when asked."""
    _text_survey.forget()
    _vague_outcomes.forget()


def translation_completeness(cat: Catalogue) -> dict[str, tuple[int, int]]:
    """How many texts exist in each catalogue language: ``{lang: (present, total)}``.

    Counts every translatable credential text, the catalogue's title, and every
    organisation's description, so ``credcat check`` can report the state of each language
    (partial ones included). An organisation's name and short name are names, not texts to
    translate (it has them in the languages it is registered in, as
    :func:`organisation_translations` says): they count in no language.
    """
    texts: list[Collection[str]] = [langs for _, _, langs in _translatable(cat)]
    texts.append(cat.settings.title)
    for org in cat.organisations.values():
        texts += [text for key in COUNTED_ORGANISATION_TEXTS if (text := getattr(org, key))]
    return {lang: (sum(1 for text in texts if lang in text), len(texts)) for lang in cat.languages}


COUNTED_ORGANISATION_TEXTS = ("description",)
"""An organisation's texts :func:`translation_completeness` counts."""


def counted_for_translation(problem: Problem) -> bool:
    """Whether a problem is about a text :func:`translation_completeness` counts (a text
    still marked ``# translate`` there is not counted as translated): every credential
    text, the catalogue's title, an organisation's :data:`COUNTED_ORGANISATION_TEXTS`."""
    if not problem.loc:
        return False
    path = PurePosixPath(problem.path)
    if path.parent.name == ORGANISATIONS_DIR:
        return problem.loc[0] in COUNTED_ORGANISATION_TEXTS
    if path.parent.name == CREDENTIALS_DIR:
        return True
    return (path.name, problem.loc[0]) == (CATALOGUE_FILE, "title")


def translations(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """Each text of a credential is given in every catalogue language (one warning per language).

    Languages listed in ``partial_languages`` are not required (``credcat check`` reports their
    completeness instead).
    """
    if len(cat.languages) < 2:
        return
    wanted = cat.complete_languages
    missing = _texts_by_language(cred, lambda langs: [w for w in wanted if w not in langs])
    for lang, locs in missing.items():
        others = _others(cat, cred, locs[1:])
        more = f"; also missing in {others}" if others else ""
        yield _cred(
            cat,
            cred,
            locs[0],
            f"no '{lang}' text{more}",
            f"the catalogue offers {listing(wanted)}; add '{lang}: …' to each text",
            warn=True,
            code="translation",
        )


def _texts_by_language(
    cred: Credential, pick: Callable[[frozenset[str]], Iterable[str]]
) -> dict[str, list[PathKey]]:
    """The places of a credential's texts by language, for the languages ``pick`` takes from
    each text's (those it lacks, those the catalogue does not offer), in the texts' order."""
    found: dict[str, list[PathKey]] = {}
    for loc, langs in _credential_texts(cred):
        for lang in pick(langs):
            found.setdefault(lang, []).append(loc)
    return found


def _others(cat: Catalogue, cred: Credential, locs: list[PathKey]) -> str:
    """The fields at ``locs`` as a maintainer reads them, the first three and how many more
    ("summary, outcome 2 > text and 4 more"); ``""`` for none."""
    if not locs:
        return ""
    data = _data(cat, cred)
    shown = ", ".join(field_label(loc, data) for loc in locs[:3])
    return shown + (f" and {len(locs) - 3} more" if len(locs) > 3 else "")


def organisation_translations(cat: Catalogue) -> Iterator[Problem]:
    """An organisation's description is given in every catalogue language.

    Legal names are exempt: an organisation's name exists in the languages it is registered in.
    """
    wanted = cat.complete_languages
    if len(cat.languages) < 2:
        return
    for org in cat.organisations.values():
        if org.description is None:
            continue
        for lang in wanted:
            if lang not in org.description:
                yield problem_at(
                    cat,
                    "organisation",
                    org.id,
                    ("description",),
                    f"no '{lang}' text for description",
                    f"the catalogue offers {listing(wanted)}",
                    severity=WARNING,
                    code="translation",
                )


def _texts(value: Any, loc: PathKey) -> Iterator[tuple[PathKey, dict[str, str]]]:
    """Every text (language map) inside a dumped model, with its location."""
    if isinstance(value, dict):
        if value and all(
            isinstance(k, str) and len(k) in (2, 3) and k.islower() and isinstance(v, str)
            for k, v in value.items()
        ):
            yield loc, value
            return
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))


def dates(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """Offerings end after they start and close enrolment before they start."""
    for i, offer in enumerate(cred.offerings):
        if offer.end is not None and offer.end < offer.start:
            yield _cred(
                cat,
                cred,
                ("offerings", i, "end"),
                f"the offering ends ({offer.end}) before it starts ({offer.start})",
                "check the year and the month of both dates",
                code="dates",
            )
        deadline = offer.application_deadline
        if deadline is not None and deadline > offer.start:
            yield _cred(
                cat,
                cred,
                ("offerings", i, "application_deadline"),
                f"the application deadline ({deadline}) is after the offering starts "
                f"({offer.start})",
                f"enrolment closes on or before the first day: {offer.start} at the latest",
                code="dates",
            )
    if cred.status == "retired" and cred.offerings:
        yield _cred(
            cat,
            cred,
            ("offerings",),
            "a retired credential lists offerings",
            "remove the offerings, or set the status to active",
            warn=True,
            code="retired-offerings",
            key=True,
        )


STATUS_NOTE_UNSHOWN = "status-note-offered"
"""The code of the error "a status note on a credential that is offered (or not yet)"."""
STATUS_NOTE_MISSING = "status-note-missing"
"""The code of the note "a credential no longer offered says nothing about why"."""


def status_note(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """A ``status_note`` is for a credential no longer offered (retired or superseded): on
    an active or draft credential it is an error (no page would show it, and a release
    would copy it into a version it is no part of); a credential no longer offered without
    one is a note (its pages say that it is not offered, not why, nor what to do instead)."""
    if cred.status_note is not None and cred.status not in NO_LONGER_OFFERED:
        yield _cred(
            cat,
            cred,
            ("status_note",),
            f"status_note is for a credential no longer offered, but this one is "
            f"{'a draft' if cred.status == 'draft' else 'active'}: no page shows it",
            "remove status_note while the credential is offered (or prepared); write it when "
            "you set status: retired, or status: superseded with superseded_by",
            code=STATUS_NOTE_UNSHOWN,
            key=True,
        )
    elif cred.status_note is None and cred.status in NO_LONGER_OFFERED:
        yield _cred(
            cat,
            cred,
            ("status",),
            f"the {cred.status} credential has no status_note: its pages say that it is no "
            "longer offered, but not why, nor what learners and holders may do instead",
            "write status_note: (in every language of the catalogue) below status, e.g. why "
            "it was "
            + ("replaced" if cred.status == "superseded" else "retired")
            + ", that credentials already issued remain valid and verifiable, and what to do "
            "instead; it is not part of any version",
            note=True,
            code=STATUS_NOTE_MISSING,
        )


def time_aware(cat: Catalogue, cred: Credential, now: date) -> Iterator[Problem]:
    """What today's date says: past runs, future publication, expired quality assurance.

    Today comes from :func:`credcat.clock.today` (``SOURCE_DATE_EPOCH`` when set), read once
    by :func:`check_rules`, so a check for a given date gives the same answer on every
    machine.
    """
    if cred.published is not None and cred.published > now:
        yield _cred(
            cat,
            cred,
            ("published",),
            f"the publication date {cred.published} is in the future (today is {now})",
            f"write the date this version was published: {now} at the latest",
            code="published-future",
        )
    if cred.status != "retired":  # a retired credential's offerings are reported already
        for i in range(len(cred.offerings)):
            yield from _past_run(cat, cred, i, now)
    if cred.status == "active":
        for i, qa in enumerate(cred.quality_assurance):
            if qa.valid_until is not None and qa.valid_until < now:
                yield _qa_expired(cat, cred, i, qa.body, qa.valid_until)


def _qa_expired(cat: Catalogue, cred: Credential, index: int, body: str, day: date) -> Problem:
    """Quality assurance ``index`` of an active credential expired on ``day``.

    An unreleased version may still say the renewed decision: a warning, to fix in the file.
    A released version states the quality assurance its holders were assessed under, and
    never changes (``quality_assurance`` is part of its fingerprint): the renewed decision is
    a new version's. Its expiry is a note, which fails no strict check, since no commit
    caused it; the pages say that it expired."""
    archive = cat.archive
    released = archive.get(cred.id, cred.version) is not None or archive.refuses(
        cred.id, cred.version
    )
    message = f"the quality assurance by '{body}' expired on {day}"
    if not released:
        return _cred(
            cat,
            cred,
            ("quality_assurance", index, "valid_until"),
            message,
            "add the renewed decision and its new valid_until, or retire the credential: "
            "employers are shown that its quality assurance expired",
            warn=True,
            code="qa-expired",
        )
    return _cred(
        cat,
        cred,
        ("quality_assurance", index, "valid_until"),
        f"{message}; released version {cred.version} states it, as the quality assurance "
        "its holders were assessed under, and never changes",
        "once the decision is renewed, release a new version with it: write version: "
        f'"{next_version(cred.version)}", add the renewed decision with its new valid_until, '
        f"and run credcat release {cred.id}; or retire the credential. Until then employers "
        "are shown that it expired",
        note=True,
        code="qa-expired",
    )


def _past_run(cat: Catalogue, cred: Credential, index: int, now: date) -> Iterator[Problem]:
    """A note when offering ``index`` of ``cred`` is over (or began, without an end): the
    pages mark it past by themselves, and a strict CI must not fail on a date."""
    offer = cred.offerings[index]
    if offer.end is not None and offer.end < now:
        yield _cred(
            cat,
            cred,
            ("offerings", index, "end"),
            f"this run is over: it ended on {offer.end}",
            "remove it, or give the dates of the next run",
            note=True,
            code="past-offering",
        )
    elif offer.end is None and offer.start < now:
        yield _cred(
            cat,
            cred,
            ("offerings", index, "start"),
            f"this run started on {offer.start}, in the past, and has no end date",
            "remove it, give the dates of the next run, or add its end: if it is still running",
            note=True,
            code="past-offering",
        )


def copies(cat: Catalogue) -> Iterator[Problem]:
    """Warn when two credentials share a summary, an enrolment URL or an offering.

    That is what copying a credential file by hand leaves behind: a learner would enrol in the
    wrong course, and the catalogue would show one text for two credentials. The copy is warned
    about, naming the original: a credential with a released version is the original of one
    without, else the first in id order (a copy named ``data-literacy-advanced`` sorts before
    its original ``data-literacy-at-work``).
    """
    # a summary is known by a digest of its words: the catalogue's texts are not all held
    first_summary: dict[tuple[str, bytes], str] = {}
    first_url: dict[str, str] = {}
    first_offering: dict[tuple[str, str, str], str] = {}
    credentials = cat.credentials
    archive = cat.archive
    originals_first = sorted(credentials, key=lambda cid: (archive.latest(cid) is None, cid))
    for cid in originals_first:  # one model at a time (they may be packed)
        cred = credentials[cid]
        for lang, text in sorted(cred.summary.items()):
            words = " ".join(text.split()).encode()
            digest = hashlib.blake2b(words, digest_size=16).digest()
            other = first_summary.setdefault((lang, digest), cred.id)
            if other != cred.id:
                yield _cred(
                    cat,
                    cred,
                    ("summary",),
                    f"the summary ({lang}) is the same as {other}'s",
                    "write what this credential is about; was the file copied?",
                    warn=True,
                    code="copied",
                )
        for i, offer in enumerate(cred.offerings):
            if offer.enrolment_url is not None:
                other = first_url.setdefault(str(offer.enrolment_url), cred.id)
                if other != cred.id:
                    yield _cred(
                        cat,
                        cred,
                        ("offerings", i, "enrolment_url"),
                        f"{other} has the same enrolment URL",
                        "link to this credential's own enrolment page; was the file copied?",
                        warn=True,
                        code="copied",
                    )
            key = (offer.id, offer.start.isoformat(), str(offer.end or ""))
            other = first_offering.setdefault(key, cred.id)
            if other != cred.id:
                yield _cred(
                    cat,
                    cred,
                    ("offerings", i, "id"),
                    f"{other} has an offering with the same id and dates ({offer.id}, "
                    f"{offer.start})",
                    "give this credential's offerings their own dates; was the file copied?",
                    warn=True,
                    code="copied",
                )


PLACEHOLDER_HOSTS = frozenset({"example.org", "example.com", "example.net"})
"""Hosts reserved for examples (RFC 2606): a stand-in, not one organisation's homepage."""


def organisation_copies(cat: Catalogue) -> Iterator[Problem]:
    """Warn when two organisation files describe one organisation: the same name (in any
    language) or the same homepage. Each later file (in id order) is warned about, naming the
    first; credentials pointing at either would show two organisations for one."""
    first: dict[str, tuple[str, str]] = {}  # name or homepage → (id of the first, what)
    for oid in sorted(cat.organisations):
        org = cat.organisations[oid]
        keys = [(f"name:{norm_name(n)}", "name") for n in org.name.values()]
        home = norm_url(str(org.homepage or ""))
        if home and home.split("/")[0] not in PLACEHOLDER_HOSTS:
            keys.append((f"home:{home}", "homepage"))
        warned = False
        for key, what in keys:
            seen = first.setdefault(key, (oid, what))
            if seen[0] != oid and not warned:
                warned = True
                yield problem_at(
                    cat,
                    "organisation",
                    oid,
                    ("name",) if what == "name" else ("homepage",),
                    f"the same {what} as organisations/{seen[0]}.yaml: one organisation in two "
                    "files?",
                    f"keep one of them and name '{seen[0]}' wherever '{oid}' is named (credcat "
                    "import reuses an organisation with the same name or homepage)",
                    severity=WARNING,
                    code="organisation-copy",
                )


def organisation_logos(cat: Catalogue) -> Iterator[Problem]:
    """A logo path names a regular file inside the catalogue folder (no link out of it, at
    most :data:`credcat.render.logos.MAX_LOGO_BYTES`), read through :mod:`credcat.fs`; an
    error when it does not. A file that is not the image its name says (a text file named
    ``.png``), or an SVG that is not well-formed or cannot be made safe, is left out of the
    site: a warning that says why (:func:`credcat.render.logos.logo_problem`)."""
    for org in cat.organisations.values():
        if org.logo is None:
            continue
        found = logo_problem(cat, org.id, org.logo)
        if isinstance(found, UnsafeFileError):
            yield problem_at(
                cat,
                "organisation",
                org.id,
                ("logo",),
                f"logo file '{org.logo}' not found in the catalogue folder",
                "give a path relative to the folder that holds catalogue.yaml",
                code="logo",
            )
        elif found is not None:
            yield problem_at(
                cat,
                "organisation",
                org.id,
                ("logo",),
                f"{org.logo} {found.reason}",
                f"{found.hint}; until then pages show the name without the logo",
                severity=WARNING,
                code="logo",
            )


UTC_DAYS = "utc-days"
"""The code of the note on an organisation whose days the machine files write in UTC."""


def organisation_time_zones(cat: Catalogue) -> Iterator[Problem]:
    """A note at an organisation's country when credcat does not know its time zone
    (:data:`credcat.render.data.nodes.COUNTRY_ZONES`): the machine files write the days of
    its runs, expiries and publication dates as instants in UTC, not in its local time. A
    note, not a warning: the files are still right, and a strict CI must not fail on where an
    organisation is."""
    for oid in sorted(cat.organisations):
        loc, country = cat.organisations[oid].located
        if country.upper() in COUNTRY_ZONES:
            continue
        found = vocab.lookup("country", country)
        named = f"{country} ({found.label('en')})" if found is not None else country
        yield problem_at(
            cat,
            "organisation",
            oid,
            loc,
            f"credcat does not know the time zone of {named}: the machine-readable files "
            "write this organisation's days (its runs, the expiry of its quality assurance, "
            "its publication dates) as instants in UTC ('2027-02-12T23:59:59Z'), not in its "
            "local time",
            "the date part stays the day you wrote; for local time, ask for "
            f"{country} to be added to credcat's table of time zones, COUNTRY_ZONES in "
            "plugins/credcat/render/data/nodes.py; nothing to do where UTC suits",
            severity=Severity.NOTE,
            code=UTC_DAYS,
        )


def formal_without_nqf(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """A formal credential without an NQF level: Europass does not list it as a qualification."""
    if cred.setting == "formal" and not cred.nqf:
        countries = [
            cat.organisations[org].country for org in cred.awarding_body if org in cat.organisations
        ]
        own = vocab.nqf_own_levels(countries)
        example = vocab.nqf_ranges(own) if own else "e.g. `nqf: DQR Level 6`"
        yield _cred(
            cat,
            cred,
            ("setting",),
            "a formal credential without an NQF level: Europass lists its offerings "
            "with the full description, but not as a qualification of a national "
            "framework, and cannot compare it with qualifications of other countries",
            "add `nqf:` with the level in the awarding body's national framework "
            f"({example}), or say `setting: non-formal`",
            warn=True,
            code="formal-without-nqf",
            key=True,
        )


QF_EHEA_EQF = {"short-cycle": 5, "first-cycle": 6, "second-cycle": 7, "third-cycle": 8}
"""The EQF level of each cycle of the QF-EHEA (the Bologna framework, referenced to the EQF:
short cycle 5, bachelor 6, master 7, doctorate 8)."""


def levels(cat: Catalogue, cred: Credential) -> Iterator[Problem]:
    """The levels a credential states agree: its QF-EHEA cycle is its EQF level (an error),
    and its NQF level is one of the awarding bodies' countries' frameworks (a warning).

    Whether an NQF level is referenced to the EQF level given (``DQR Level 7`` is EQF 7) is
    not checked: the vocabulary credcat ships has no referencing of the national levels to
    the EQF, and guessing it from the numbers would be wrong for frameworks with more levels
    (``SCQF Level 11`` is EQF 7)."""
    if cred.qf_ehea is not None and QF_EHEA_EQF[cred.qf_ehea] != cred.eqf:
        cycle_level = QF_EHEA_EQF[cred.qf_ehea]
        cycle_of = {level: cycle for cycle, level in QF_EHEA_EQF.items()}.get(cred.eqf)
        other = (
            f"qf_ehea: {cycle_of} (EQF level {cred.eqf})"
            if cycle_of
            else "remove qf_ehea: the QF-EHEA's cycles are EQF levels 5 to 8"
        )
        yield _cred(
            cat,
            cred,
            ("qf_ehea",),
            f"'{cred.qf_ehea}' is EQF level {cycle_level}, but eqf is {cred.eqf}",
            f"write eqf: {cycle_level}, or {other}",
            code="level-mismatch",
        )
    if cred.nqf is None:
        return
    if any(org not in cat.organisations for org in cred.awarding_body):
        return  # an awarding body unknown or with errors (reported): its country is not known
    countries = {cat.organisations[org].country for org in cred.awarding_body}
    foreign = vocab.nqf_foreign(cred.nqf, countries)
    if foreign:
        yield _cred(
            cat,
            cred,
            ("nqf",),
            foreign,
            _own_framework_hint(countries),
            warn=True,  # a border region may award its neighbour's levels (the Commission's
            # own sample: an Irish university, an English RQF level)
            code="nqf-country",
        )


def _own_framework_hint(countries: Collection[str]) -> str:
    """How to write the level in the awarding bodies' own frameworks: their levels' names."""
    ranges = [
        f'"{found[0]}" … "{found[-1]}"'
        for prefix, country in vocab.NQF_COUNTRIES.items()
        if country in countries and (found := vocab.nqf_levels(prefix))
    ]
    where = "the awarding body's national framework"
    if not ranges:
        return f"write the level in {where}, or remove nqf:"
    return f"write the level in {where} ({', '.join(ranges)}), or remove nqf:"


RULES: tuple[Rule, ...] = (
    publisher_reference,
    base_uri_https,
    credential_references,
    invalid_credentials_references,
    stackability_cycles,
    organisation_translations,
    organisation_logos,
    organisation_copies,
    organisation_time_zones,
    copies,
    check_archive,  # versions.py: the archive of released versions, immutability
)
"""The rules of the whole catalogue."""

CREDENTIAL_RULES: tuple[CredentialRule, ...] = (
    organisation_references,
    outcomes_and_assessments,
    workload,
    levels,
    formal_without_nqf,
    outcome_wording,
    translations,
    text_content,
    dates,
    status_note,
)
"""The rules of one credential (with :func:`time_aware`, given today's date)."""
