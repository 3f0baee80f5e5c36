"""Mapping a specification to a catalogue entry, one function per Annex I block.

For every micro-credential found (``credentialSubject.hasClaim`` — a node or a list, with nested
``hasPart`` claims — → ``specifiedBy``, plus specifications nested through ``hasPart``) a
:class:`Draft` is filled by one function per block of Annex I of the Council Recommendation
(title and summary, awarding body, level, field, workload, participation, outcomes and
assessments, quality assurance, further information); what the source holds beyond them is
reported with its JSON path.

Policy for gaps
---------------

A catalogue entry must load, so every key the credcat model requires gets a value. What the
source says is carried over. Where it is silent, the importer distinguishes two cases:

* **Derived** values come from other data of the same document and are reported as
  ``assumed: …`` lines: the summary taken from the claim's or the learning activity's
  description (or the title), the languages taken from the languages of the texts, an
  assessment type matched by its label when its concept is not from the EU vocabulary, an
  assessment that does not say which outcomes it proves proving all outcomes, an organisation
  kind guessed from its name.
* **Placeholders** stand for facts the source does not hold. They are written only where the
  model requires a value, as the marker ``TODO(import)`` (never an invented value such as EQF
  level 1 or a made-up homepage) with a ``# TODO(import): …`` comment above, reported as
  ``gap: …`` lines, and they set ``status: draft``. Every model refuses the marker
  (:data:`credcat.model.IMPORT_PLACEHOLDER`), so ``credcat check`` fails at each one until the
  maintainer replaces it. To run every other rule on the new entry before writing it, the
  import checks a *probe* version of each file with stand-in values in place of the markers
  (:class:`~credcat.importer.base.Plan`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import vocab
from ..catalogue import CREDENTIALS_DIR
from ..ids import is_id, norm_name, norm_url, slugify
from ..model import (
    ESCO_SKILL_RE,
    NO_LONGER_OFFERED,
    OUTCOME_KINDS,
    VERSION_RE,
    version_name_problem,
)
from ..render.language import PHRASE_FALLBACK, PHRASE_LANGUAGES, say
from .base import (
    RECORD_MARK,
    SPEC_TYPES,
    TODO,
    Entry,
    ImportFailed,
    Path_,
    Plan,
    as_number,
    first_text,
    id_of,
    iso_date,
    iso_parts,
    join_texts,
    label_of,
    types_of,
    with_markers,
    with_paths,
)
from .context import Context
from .organisations import org_country, org_label, organisation, placeholders_of
from .yamlout import CREDENTIAL_ORDER, CREDENTIAL_SCHEMA, CREDENTIAL_SPACED, Flow, render_yaml

__all__ = ["Draft", "collect", "credential"]


def collect(ctx: Context, roots: list[tuple[dict[str, Any], str]]) -> list[Entry]:
    """Every specification to import, from each root node (with its JSON path, ``$`` for the
    document itself): claims' ``specifiedBy`` (through nested ``hasPart`` claims) and
    specifications nested through ``hasPart``.

    Where a document describes several credentials of credcat's (``catalogue.jsonld``), a
    part that names one of them at another version (``…/part/1.1/#spec`` beside the full
    ``…/part/1.2/#spec``) is that credential, not one more entry."""
    entries: list[Entry] = []
    seen: set[str] = set()
    described = (
        {cid for node, _ in roots if (cid := credcat_id_in(id_of(node)))}
        if len(roots) > 1
        else set()
    )

    def add_spec(
        spec: dict[str, Any],
        path: str,
        claim: dict[str, Any] | None,
        claim_path: str,
        parent: str | None,
    ) -> None:
        key = id_of(spec) or f"#{id(spec)}"
        if key in seen or (parent is not None and credcat_id_in(id_of(spec)) in described):
            return
        seen.add(key)
        entries.append(Entry(spec, path, claim, claim_path, parent))
        parts = spec.get("hasPart")
        for i, part in enumerate(ctx.tree.nodes(parts)):
            if SPEC_TYPES & set(types_of(part)):
                where = f"{path}.hasPart[{i}]" if isinstance(parts, list) else f"{path}.hasPart"
                add_spec(part, where, None, "", key)

    visited: set[int] = set()

    def walk_claims(value: Any, path: str, parent: str | None) -> None:
        for i, claim in enumerate(ctx.tree.nodes(value)):
            if id(claim) in visited:
                continue  # a claim that (through id references) contains itself
            visited.add(id(claim))
            where = f"{path}[{i}]" if isinstance(value, list) else path
            spec_parent = parent
            for j, spec in enumerate(ctx.tree.nodes(claim.get("specifiedBy"))):
                spec_path = f"{where}.specifiedBy" + (
                    f"[{j}]" if isinstance(claim.get("specifiedBy"), list) else ""
                )
                if SPEC_TYPES & set(types_of(spec)):
                    add_spec(spec, spec_path, claim, where, parent)
                    spec_parent = id_of(spec) or f"#{id(spec)}"
                else:
                    kind = "/".join(types_of(spec)) or "no type"
                    ctx.report.not_imported.append(
                        f"not imported: {spec_path} ({kind} '{label_of(spec)}') — credcat "
                        "imports Qualifications and LearningAchievementSpecifications only"
                    )
            if spec_parent == parent and not any(
                SPEC_TYPES & set(types_of(s)) for s in ctx.tree.nodes(claim.get("specifiedBy"))
            ):
                kind = "/".join(types_of(claim)) or "claim"
                ctx.report.not_imported.append(
                    f"not imported: {where} ({kind} '{label_of(claim)}') — it is not specified "
                    "by a Qualification or LearningAchievementSpecification (a learning activity "
                    "or an entitlement is not a micro-credential)"
                )
            walk_claims(claim.get("hasPart"), where + ".hasPart", spec_parent)

    for root, root_path in roots:
        if SPEC_TYPES & set(types_of(root)):
            add_spec(root, root_path, None, "", None)
            continue
        inside = "" if root_path in {"", "$"} else root_path + "."
        for subject in ctx.tree.nodes(root.get("credentialSubject")):
            walk_claims(subject.get("hasClaim"), f"{inside}credentialSubject.hasClaim", None)
    return entries


# --- what the catalogue already has -------------------------------------------------------


@dataclass(frozen=True)
class Duplicate:
    """A specification that is a credential the catalogue already has.

    Attributes:
        cred_id: The catalogue's id of it.
        version: The version the specification's address names (``""`` when none).
        current: The version of the catalogue's file.
        by_title: Found by its title (and an awarding body in common, or credcat's id in
            its address), not by its address under the catalogue's ``base_uri``.
    """

    cred_id: str
    version: str
    current: str
    by_title: bool = False

    @property
    def named(self) -> str:
        """``data-analysis-python 1.1 (the catalogue's file is at 1.2)``."""
        said = f"{self.cred_id}{f' {self.version}' if self.version else ''}"
        notes = []
        if self.current and self.version and self.current != self.version:
            notes.append(f"{CREDENTIALS_DIR}/{self.cred_id}.yaml is at version {self.current}")
        if self.by_title:
            notes.append("the same title")
        return said + (f" ({'; '.join(notes)})" if notes else "")

    @property
    def said(self) -> str:
        """``this is data-analysis-python 1.1, which the catalogue already has (…)``."""
        said = f"this is {self.cred_id}{f' {self.version}' if self.version else ''}"
        notes = [f"{CREDENTIALS_DIR}/{self.cred_id}.yaml"]
        if self.current and self.version and self.current != self.version:
            notes[0] += f", at version {self.current}"
        if self.by_title:
            notes.append("the same title")
        return f"{said}, which the catalogue already has ({'; '.join(notes)})"


def already_has(ctx: Context, entry: Entry) -> Duplicate | None:
    """The credential of the catalogue a specification is, or ``None``: the one its address
    names, when the address is under the catalogue's ``base_uri`` (a file this catalogue's site
    published), or credcat's address of a credential of that id and title elsewhere (unless it
    names awarding bodies, none of them that credential's), else the
    one with the same title (in any language) and an awarding body in common (an organisation
    of the catalogue with the same legal name or homepage)."""
    known = ctx.target.credentials
    address = id_of(entry.spec) or ""
    version = _spec_version(entry.spec) or ""
    named = credcat_id_in(address)
    base = ctx.target.base_uri.rstrip("/")
    if named is not None and named in known and base and address.startswith(base + "/"):
        return Duplicate(named, version, known[named].version)
    titles = {norm_name(t) for t in _plain_texts(entry.spec.get("title"))} - {""}
    named_any, bodies = _known_awarding_bodies(ctx, entry)
    # credcat's address of a credential of the same id and title (another site's file of it,
    # or a part that names it by its address and title only), unless it names awarding bodies
    # and none is that credential's: two catalogues started by `credcat init` share the
    # example's id and title
    cred = known.get(named) if named is not None else None
    awarded_alike = not named_any or bool(cred is not None and bodies & cred.awarding)
    if named is not None and cred is not None and titles & cred.titles and awarded_alike:
        return Duplicate(named, version, cred.version, by_title=True)
    if not titles or not bodies:
        return None
    for cred_id, cred in sorted(known.items()):
        if titles & cred.titles and bodies & cred.awarding:
            return Duplicate(cred_id, version, cred.version, by_title=True)
    return None


def _plain_texts(value: Any) -> list[str]:
    """The strings of a text as JSON-LD writes one (a string, a language map, a value
    object or a list of those), without a report line: for comparing only."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _plain_texts(item)]
    if isinstance(value, dict):
        if "@value" in value:
            return _plain_texts(value["@value"])
        return [text for item in value.values() for text in _plain_texts(item)]
    return []


def _known_awarding_bodies(ctx: Context, entry: Entry) -> tuple[bool, set[str]]:
    """Whether the specification (or its claim) names an awarding body, and the catalogue's
    organisations that its awarding bodies are (the same legal name or homepage, or a name
    one had when versions naming it were released), found
    without planning any organisation."""
    nodes = [
        body
        for opportunity in ctx.tree.nodes(entry.spec.get("awardingOpportunity"))
        for body in ctx.tree.nodes(opportunity.get("awardingBody"))
    ]
    if not nodes and entry.claim is not None:
        nodes = [
            body
            for process in ctx.tree.nodes(entry.claim.get("awardedBy"))
            for body in ctx.tree.nodes(process.get("awardingBody"))
        ]
    found: set[str] = set()
    for node in nodes:
        keys = [
            f"name:{norm_name(text)}"
            for key in ("legalName", "prefLabel", "altLabel")
            for text in _plain_texts(node.get(key))
        ]
        keys += [f"home:{norm_url(url)}" for url in ctx.url(node.get("homepage"))]
        now = {ctx.target.existing_orgs[k] for k in keys if k in ctx.target.existing_orgs}
        earlier = {
            ctx.target.former_org(k) for k in keys if not now and k.startswith("name:")
        }  # read only for a body the catalogue has by no name or homepage now
        found.update(now, (oid for oid in earlier if oid is not None))
    return bool(nodes), found


@dataclass
class Draft:
    """The catalogue entry being built from one specification.

    Attributes:
        rel: Its file, relative to the catalogue (``credentials/<id>.yaml``).
        data: The YAML keys and values so far.
        comments: ``TODO(import)`` comments to write above a key.
        gaps: ``(key, message)`` of every placeholder written.
        marks: Where the written file holds a ``TODO(import)`` marker instead of the stand-in
            value ``data`` has there (stand-ins only let the check run every other rule).
    """

    rel: str
    data: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    gaps: list[tuple[str, str]] = field(default_factory=list)
    marks: dict[Path_, str] = field(default_factory=dict)
    status_note: str = ""
    """Where the status note of credcat's own record was read (``…additionalNote[0]``)."""

    def gap(self, key: str, what: str, at: Path_ | None = None, marker: str = TODO) -> None:
        """Record a placeholder: a report line, a comment above ``key``, status draft, and a
        ``TODO(import)`` marker at ``at`` (``(key,)`` by default), which fails the check."""
        self.marks[at or (key,)] = marker
        self.gaps.append((key, f"{what}; {TODO} written, credcat check fails until it is replaced"))
        self.comments.setdefault(key, []).append(
            f"{what} — replace {TODO}, then set status: active"
        )

    def note(self, key: str, what: str) -> None:
        """Record a gap that another file's placeholder stands for (no marker here)."""
        self.gaps.append((key, what))
        self.comments.setdefault(key, []).append(what)

    def mark(self, at: Path_, marker: str = TODO) -> None:
        """Put a marker at ``at`` without a report line of its own."""
        self.marks[at] = marker


def credential(ctx: Context, entry: Entry, by_node: dict[str, str]) -> None:
    """Map one specification (and the claim it came from) to a planned credential file.

    One function per Annex I block fills the draft; what the source holds beyond them is
    reported; any placeholder makes the entry a draft.
    """
    draft = Draft(f"{CREDENTIALS_DIR}/{entry.cred_id}.yaml")
    _title_and_summary(ctx, entry, draft)
    _awarding_and_roles(ctx, entry, draft)
    _level(ctx, entry, draft)
    _field_of_study(ctx, entry, draft)
    _workload(ctx, entry, draft)
    _participation(ctx, entry, draft)
    _outcomes_and_assessments(ctx, entry, draft)
    _quality_assurance(ctx, entry, draft)
    _further_information(ctx, entry, draft, by_node)
    _spec_leftovers(ctx, entry)
    _claim_leftovers(ctx, entry)

    data = draft.data
    if draft.gaps:
        data["status"] = "draft"
        for key, message in draft.gaps:
            ctx.report.gaps.append(f"gap: {draft.rel}: {key} — {message}; status set to draft")
    _status_note(ctx, draft)
    ordered = {k: data[k] for k in CREDENTIAL_ORDER if k in data}
    header = [CREDENTIAL_SCHEMA, f"# Imported by credcat from {ctx.source_name}"]
    if draft.gaps:
        header.append(f"# Draft: replace every {TODO}, then set status: active")
    final = with_markers(ordered, draft.marks)
    ctx.plans.append(
        Plan(
            draft.rel,
            render_yaml(final, header, draft.comments, CREDENTIAL_SPACED),
            render_yaml(ordered, header, draft.comments, CREDENTIAL_SPACED),
        )
    )


def _title_and_summary(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: title; the summary and description learners read; the type of offering."""
    spec, path, claim, data, rel = entry.spec, entry.path, entry.claim, draft.data, draft.rel
    title = ctx.text(spec.get("title"), path + ".title")
    if title is None:  # pragma: no cover - convert() refuses a specification without title
        raise ImportFailed(f"the specification at {path} has no title")
    data["title"] = ctx.out_text(title)
    data["version"] = _spec_version(spec) or "1.0"
    if data["version"] != "1.0":
        ctx.report.assumed.append(
            f"assumed: {rel}: version {data['version']}, from the specification's address "
            f"({_version_address(spec)})"
        )
    data["status"] = "active"
    status = _read_status(spec)
    if _is_own_file(entry) and status is not None and status != "active":
        data["status"] = status
        ctx.report.assumed.append(f"assumed: {rel}: status {status}, as credcat's file says")
    published = _read_date(spec.get("dateModified"))
    if published is not None:
        data["published"] = published
        ctx.report.assumed.append(
            f"assumed: {rel}: published {published}, the date the specification was last "
            "modified (dateModified)"
        )
    elif spec.get("dateModified") is not None:
        ctx.report.not_imported.append(
            f"not imported: {path}.dateModified ({spec.get('dateModified')}) — not a date"
        )

    description = ctx.text(spec.get("description"), path + ".description")
    summary = description
    if summary is None and claim is not None:
        summary = ctx.text(claim.get("description"), entry.claim_path + ".description")
        if summary:
            ctx.report.assumed.append(
                f"assumed: {rel}: summary — the specification has no description; took the "
                "description of the achievement"
            )
    if summary is None and claim is not None:
        activities = [
            a
            for a in ctx.tree.nodes(claim.get("influencedBy"))
            if isinstance(a.get("description"), dict | str | list)
        ]
        if len(activities) == 1:
            summary = ctx.text(
                activities[0].get("description"), entry.claim_path + ".influencedBy.description"
            )
            ctx.report.assumed.append(
                f"assumed: {rel}: summary — the specification has no description; took the "
                f"description of the learning activity '{label_of(activities[0])}'"
            )
    if summary is None:
        summary = dict(title)
        ctx.report.assumed.append(
            f"assumed: {rel}: summary — the source has no description; the title is used; "
            "write a paragraph for learners"
        )
    data["summary"] = ctx.out_text(summary)
    outcome_summary = ctx.note(spec.get("learningOutcomeSummary"), path + ".learningOutcomeSummary")
    if outcome_summary:
        data["description"] = ctx.out_text(outcome_summary)

    kind = ctx.concept(spec.get("dcType"), "learning-opportunity-type")
    if kind is not None:
        data["type"] = kind.code
    elif spec.get("dcType") is not None:
        ctx.report.not_imported.append(
            f"not imported: {path}.dcType ({label_of(ctx.tree.node(spec.get('dcType')))}) — "
            "not a learning-opportunity type credcat knows; 'short-learning-programme' is "
            "the default"
        )


def _awarding_and_roles(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: identification of the learner's awarding body (and its country); provider and
    assessor when they differ from it."""
    path, data = entry.path, draft.data
    awarding = _awarding_bodies(ctx, entry)
    if awarding:
        data["awarding_body"] = awarding
        for org_id in awarding:
            if "country" in placeholders_of(ctx, org_id):
                draft.note(
                    "awarding_body",
                    f"the source gives no country for the awarding body '{org_id}' (Annex I: "
                    f"country of the issuer); {TODO} written in organisations/{org_id}.yaml",
                )
    else:
        if not ctx.publisher or not ctx.target.publisher_has_file:
            raise ImportFailed(
                f"the specification at {path} names no awarding body, and the catalogue's "
                "publisher has no organisation file to stand in for it"
            )
        data["awarding_body"] = [ctx.publisher]
        draft.gap("awarding_body", "the source names no awarding body (Annex I: awarding body)")
    providers = _claim_orgs(ctx, entry, "influencedBy", "directedBy")
    if providers and providers != data["awarding_body"]:
        data["provider"] = providers
    assessors = _claim_orgs(ctx, entry, "provenBy", "assessedBy")
    if assessors and assessors != data["awarding_body"]:
        data["assessor"] = assessors


def _level(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: level (EQF, and the NQF level when the vocabulary knows it)."""
    spec, path, data = entry.spec, entry.path, draft.data
    eqf = ctx.concept(spec.get("eqfLevel"), "eqf")
    if eqf is not None:
        data["eqf"] = int(eqf.code)
    else:
        data["eqf"] = 1
        if spec.get("eqfLevel") is not None:
            ctx.report.not_imported.append(
                f"not imported: {path}.eqfLevel — not an EQF level concept"
            )
        draft.gap("eqf", "the source gives no EQF level (Annex I: level)")
    nqf = ctx.concept(spec.get("nqfLevel"), "nqf")
    if nqf is not None and vocab.nqf_framework(nqf.code) is not None:
        ctx.report.not_imported.append(
            f"not imported: {path}.nqfLevel ('{nqf.label('en')}') — a framework, not a level "
            "in it; add nqf: with the level by hand"
        )
    elif nqf is not None:
        label = nqf.label("en")
        data["nqf"] = label if vocab.lookup("nqf", label) == nqf else nqf.code
        _nqf_verdict(ctx, nqf, data.get("awarding_body", []), path)
    elif spec.get("nqfLevel") is not None:
        ctx.report.not_imported.append(
            f"not imported: {path}.nqfLevel ({label_of(ctx.tree.node(spec.get('nqfLevel')))})"
            " — not an NQF level in credcat's vocabulary"
        )


def _nqf_verdict(ctx: Context, nqf: vocab.Concept, bodies: list[str], path: str) -> None:
    """A ``verdict:`` line when the NQF level belongs to another country than every awarding
    body (a Spanish framework level for a Slovenian body is not a valid EDC)."""
    countries = {c for c in (org_country(ctx, b) for b in bodies) if c}
    foreign = vocab.nqf_foreign(nqf.code, countries)
    if foreign:
        ctx.report.verdicts.append(
            f"verdict: not a valid EDC — {path}.nqfLevel {foreign}; check the level (it was "
            "imported as the source says)"
        )


def _field_of_study(ctx: Context, entry: Entry, draft: Draft) -> None:
    """The ISCED-F fields (thematic area and education subject)."""
    spec, path = entry.spec, entry.path
    fields = ctx.concepts(
        spec.get("thematicArea"), "isced-f", path + ".thematicArea", "ISCED-F field"
    )
    for code in ctx.concepts(
        spec.get("educationSubject"), "isced-f", path + ".educationSubject", "ISCED-F field"
    ):
        if code not in fields:
            fields.append(code)
    if fields:
        draft.data["field"] = Flow(fields)
    else:
        draft.data["field"] = Flow(["9999"])
        draft.gap("field", "the source gives no ISCED-F field")


def _workload(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: notional workload (ECTS or hours); the duration when the source gives one."""
    spec, path = entry.spec, entry.path
    found = _read_workload(ctx, spec, path, draft.rel)
    if found:
        draft.data["workload"] = found
    else:
        draft.data["workload"] = {"ects": 1}
        draft.gap(
            "workload",
            "the source gives neither ECTS credits nor hours (Annex I: notional workload)",
        )
    length = _read_duration(ctx, spec.get("maximumDuration"), path + ".maximumDuration")
    if length:
        draft.data["duration"] = length


def _participation(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: form of participation (mode, setting), languages and target groups."""
    spec, path, data, rel = entry.spec, entry.path, draft.data, draft.rel
    languages = ctx.concepts(spec.get("language"), "language", path + ".language", "language")
    if not languages:
        title = ctx.text(spec.get("title"), path + ".title") or {ctx.default_language: ""}
        languages = list(title)
        ctx.report.assumed.append(
            f"assumed: {rel}: languages {', '.join(languages)} — the source names no "
            "language of instruction; taken from the languages of the title"
        )
    data["languages"] = Flow(languages)
    modes = ctx.concepts(spec.get("mode"), "mode", path + ".mode", "mode")
    if modes:
        data["mode"] = modes[0]
        for extra in modes[1:]:
            ctx.report.not_imported.append(
                f"not imported: {path}.mode ({extra}) — credcat keeps one mode; "
                f"'{modes[0]}' was kept"
            )
    else:
        data["mode"] = "online"
        draft.gap(
            "mode",
            "the source gives no mode of delivery (Annex I: form of participation)",
        )
    settings = ctx.concepts(
        spec.get("learningSetting"),
        "learning-setting",
        path + ".learningSetting",
        "learning setting",
    )
    if settings:
        data["setting"] = settings[0]
    else:
        data["setting"] = "non-formal"
        draft.gap(
            "setting",
            "the source gives no learning setting (Annex I: form of participation)",
        )
    groups = ctx.concepts(
        spec.get("targetGroup"), "target-group", path + ".targetGroup", "target group"
    )
    if groups:
        data["target_groups"] = Flow(groups)


def _outcomes_and_assessments(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: learning outcomes and type of assessment (which assessment proves which
    outcome)."""
    spec, path, data = entry.spec, entry.path, draft.data
    outcome_nodes, found = _read_outcomes(ctx, spec, path)
    if found:
        data["outcomes"] = found
    else:
        data["outcomes"] = [
            {
                "id": "o1",
                "text": "TODO: state what the holder can do — "
                "the imported credential lists no learning outcomes",
            }
        ]
        draft.gap(
            "outcomes",
            "the source lists no learning outcomes (Annex I: learning outcomes)",
        )
    outcome_ids = [o["id"] for o in data["outcomes"]]
    found_assessments = _read_assessments(
        ctx, spec, path, entry, draft, outcome_nodes, outcome_ids, data["outcomes"]
    )
    if not found:  # what they prove is unknown as long as the outcomes are
        for index in range(len(found_assessments)):
            draft.mark(("assessments", index, "proves"))
    if found_assessments:
        data["assessments"] = found_assessments
        proven = {o for a in found_assessments for o in a["proves"]}
        unproven = [o for o in outcome_ids if o not in proven]
        if unproven:
            taken = {a["id"] for a in found_assessments}
            todo_id = next(c for c in (f"assessment-{n}" for n in range(1, 999)) if c not in taken)
            found_assessments.append(
                {
                    "id": todo_id,
                    "type": "written-examination",
                    "description": "TODO: describe how these outcomes are assessed — the "
                    "imported credential names no assessment for them",
                    "proves": Flow(unproven),
                }
            )
            index = len(found_assessments) - 1
            draft.gap(
                "assessments",
                f"no assessment in the source proves {', '.join(unproven)} "
                "(an outcome nobody assesses is not part of a micro-credential)",
                ("assessments", index, "type"),
            )
            draft.mark(
                ("assessments", index, "description"),
                f"{TODO}: describe how these outcomes are assessed",
            )
    else:
        data["assessments"] = [
            {
                "id": "assessment",
                "type": "written-examination",
                "description": "TODO: describe how the outcomes are assessed — the imported "
                "credential names no assessment",
                "proves": Flow(outcome_ids),
            }
        ]
        draft.gap(
            "assessments",
            "the source names no assessment (Annex I: type of assessment)",
        )


def _quality_assurance(ctx: Context, entry: Entry, draft: Draft) -> None:
    """Annex I: type of quality assurance (accreditations and their agents)."""
    data = draft.data
    found = _read_accreditations(ctx, entry, draft)
    if found:
        data["quality_assurance"] = found
        return
    data["quality_assurance"] = [
        {
            "type": "institutional-quality-assurance",
            "body": data["awarding_body"][0],
            "description": "TODO: describe the quality assurance behind this credential "
            "(who checks what, how often) — the imported credential names "
            "no accreditation",
        }
    ]
    draft.gap(
        "quality_assurance",
        "the source names no accreditation (Annex I: type of quality assurance)",
    )


def _further_information(ctx: Context, entry: Entry, draft: Draft, by_node: dict[str, str]) -> None:
    """Annex I: prerequisites, stackability, further information, links and homepage."""
    spec, path, data = entry.spec, entry.path, draft.data
    prerequisites = ctx.note(spec.get("entryRequirement"), path + ".entryRequirement")
    if prerequisites:
        data["prerequisites"] = ctx.out_text(prerequisites)
    stack = _read_stackability(ctx, entry, by_node)
    if stack:
        data["stackability"] = stack
    own, others = _own_notes(ctx, entry)
    if "note-description" in own and "description" not in data:
        data["description"] = ctx.out_text(_as_markdown(own["note-description"]))
        ctx.report.assumed.append(
            f"assumed: {draft.rel}: description — from the plain-text note of credcat's own "
            "file: its lists are Markdown again, but emphasis, code marks and links' brackets "
            "are gone; check it"
        )
    elif "note-description" in own:  # a learningOutcomeSummary came first: keep both
        others.insert(0, own["note-description"])
    if "note-stackability" in own:
        stack["note"] = ctx.out_text(own["note-stackability"])
        data["stackability"] = stack
    if "note-further-information" in own:
        others.append(own["note-further-information"])
    _workload_from_note(own.get("note-workload"), data)
    _qf_ehea_from_note(own.get("note-qf-ehea"), data)
    if "note-status" in own:  # credcat's record of a credential no longer offered
        data["status_note"] = ctx.out_text(own["note-status"])
        draft.status_note = f"{path}.additionalNote (#note-status)"
    further = join_texts(others) if others else None
    if further:
        data["further_information"] = ctx.out_text(further)
    found_links = [
        link for _, link in sorted(_read_links(ctx, entry) + _mail_links(ctx, own), key=_first)
    ]
    homepages = list(
        dict.fromkeys(
            url
            for node in ctx.tree.nodes(spec.get("homepage"))
            if credcat_node_of(id_of(node), entry) != "page"  # the catalogue's own page
            for url in ctx.url(node)
        )
    )
    if homepages:
        data["homepage"] = homepages[0]
        found_links += [{"title": "Further information", "url": u} for u in homepages[1:]]
    if found_links:
        data["links"] = found_links


_OWN_NOTES = frozenset(
    {
        "note-description",
        "note-further-information",
        "note-stackability",
        "note-workload",
        "note-qf-ehea",
        "note-status",
    }
)
"""The fragments of the notes credcat writes for a credential's fields (``render.data.elm``)."""
_LINK_NODE = re.compile(r"link-([1-9][0-9]{0,3})")


def credcat_node_of(iri: str | None, entry: Entry) -> str | None:
    """The fragment of ``iri`` when it is the address of a node credcat published for this
    entry's credential (``…/credentials/<id>/<version>/#<fragment>``); else ``None``."""
    found = _CREDCAT_NODE.search(iri or "")
    if found is None or found.group(1) != credcat_id_in(id_of(entry.spec)):
        return None
    return found.group(2)


def _own_notes(
    ctx: Context, entry: Entry
) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """The specification's notes: those credcat's own file writes for a field of the YAML, by
    fragment (``note-description``, ``link-2`` …), and the texts of all others, in order."""
    value = entry.spec.get("additionalNote")
    path = entry.path + ".additionalNote"
    own: dict[str, dict[str, str]] = {}
    others: list[dict[str, str]] = []
    for i, item in enumerate(value if isinstance(value, list) else [value]):
        where = f"{path}[{i}]" if isinstance(value, list) else path
        node = ctx.tree.node(item) if isinstance(item, dict | str) else None
        fragment = credcat_node_of(id_of(node), entry) if node is not None else None
        if (
            node is not None
            and fragment is not None
            and (fragment in _OWN_NOTES or _LINK_NODE.fullmatch(fragment))
        ):
            text = ctx.text(node.get("noteLiteral"), where + ".noteLiteral")
            if text:
                own[fragment] = text
            continue
        found = ctx.note(item, where)
        if found:
            others.append(found)
    return own, others


def _as_markdown(text: dict[str, str]) -> dict[str, str]:
    """A description credcat's own file wrote as plain text, with its lists as Markdown again
    (``• item`` lines, :func:`credcat.render.data.nodes.plain_text`)."""
    return {lang: re.sub(r"(?m)^• ", "- ", value) for lang, value in text.items()}


def _mail_links(ctx: Context, own: dict[str, dict[str, str]]) -> list[tuple[int, dict[str, Any]]]:
    """The e-mail links credcat's own file writes as notes (``Title: address``), each with
    its number among the credential's links."""
    out: list[tuple[int, dict[str, Any]]] = []
    for fragment, text in own.items():
        number = _LINK_NODE.fullmatch(fragment)
        if number is None:
            continue
        title: dict[str, str] = {}
        address = ""
        for lang, value in text.items():
            label, sep, mail = value.rpartition(": ")
            if sep and "@" in mail and " " not in mail.strip():
                title[lang], address = label.strip(), mail.strip()
        if title and address:
            link = {"title": ctx.out_text(title), "url": f"mailto:{address}"}
            out.append((int(number.group(1)), link))
    return out


def _first(item: tuple[int, dict[str, Any]]) -> int:
    return item[0]


@functools.cache
def _workload_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A pattern per workload field, for the English note credcat's own files write."""
    out = []
    for name in ("guided_hours", "self_study_hours", "assessment_hours"):
        before, _, after = say(f"workload.{name}", (), n="\0")["en"].partition("\0")
        out.append((name, re.compile(re.escape(before) + r"(\d+(?:\.\d+)?)" + re.escape(after))))
    return tuple(out)


def _workload_from_note(text: dict[str, str] | None, data: dict[str, Any]) -> None:
    """The parts of the workload that credcat's own file says in its workload note."""
    if not text or "en" not in text or not isinstance(data.get("workload"), dict):
        return
    for name, pattern in _workload_patterns():
        found = pattern.search(text["en"])
        if found is not None and 0 < float(found.group(1)) <= 4000:
            data["workload"][name] = as_number(float(found.group(1)))


def _qf_ehea_from_note(text: dict[str, str] | None, data: dict[str, Any]) -> None:
    """The QF-EHEA cycle that credcat's own file says in its note."""
    if not text or "en" not in text:
        return
    for cycle in ("short-cycle", "first-cycle", "second-cycle", "third-cycle"):
        if say(f"qf-ehea.{cycle}", ())["en"] in text["en"]:
            data["qf_ehea"] = cycle
            return


def _read_date(value: Any) -> str | None:
    """The date (``YYYY-MM-DD``) of an ``xsd:date`` or ``xsd:dateTime``, plain or typed."""
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, str) and iso_date(value.strip()[:10]):
        return value.strip()[:10]
    return None


def _awarding_bodies(ctx: Context, entry: Entry) -> list[str]:
    spec, path, claim, claim_path = entry.spec, entry.path, entry.claim, entry.claim_path
    ids: list[str] = []
    opportunities = spec.get("awardingOpportunity")
    for i, opportunity in enumerate(ctx.tree.nodes(opportunities)):
        where = f"{path}.awardingOpportunity" + (
            f"[{i}]" if isinstance(opportunities, list) else ""
        )
        for j, body in enumerate(ctx.tree.nodes(opportunity.get("awardingBody"))):
            ref = organisation(ctx, body, f"{where}.awardingBody[{j}]")
            if ref.org_id not in ids:
                ids.append(ref.org_id)
        derived = []  # credcat's own file: the specification itself, the bodies' country
        if _is_own_file(entry) and _all_are(
            ctx, opportunity, "learningAchievementSpecification", {id_of(spec)}
        ):
            derived.append("learningAchievementSpecification")
        if _is_own_file(entry) and _own_nodes(
            ctx, entry, opportunity.get("location"), {"awarding-location"}
        ):
            derived.append("location")
        ctx.unknown(
            opportunity,
            where,
            ("awardingBody", *derived),
            {
                "location": "credcat takes the issuer's country from the awarding body",
                "temporal": ("an awarding period belongs to an offering; add 'offerings:' by hand"),
                "learningAchievementSpecification": "it is the credential itself",
            },
        )
    if not ids and claim is not None:
        for process, where in with_paths(ctx.tree, claim, "awardedBy", claim_path):
            for body, body_where in with_paths(ctx.tree, process, "awardingBody", where):
                ref = organisation(ctx, body, body_where)
                if ref.org_id not in ids:
                    ids.append(ref.org_id)
    return ids


def _claim_orgs(ctx: Context, entry: Entry, relation: str, role: str) -> list[str]:
    ids: list[str] = []
    if entry.claim is None:
        return ids
    for item, where in with_paths(ctx.tree, entry.claim, relation, entry.claim_path):
        for org, org_where in with_paths(ctx.tree, item, role, where):
            if "Organisation" not in types_of(org) and "legalName" not in org:
                continue
            ref = organisation(ctx, org, org_where)
            if ref.org_id not in ids:
                ids.append(ref.org_id)
    return ids


def _read_workload(ctx: Context, spec: dict[str, Any], path: str, rel: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i, credit in enumerate(ctx.tree.nodes(spec.get("creditPoint"))):
        where = f"{path}.creditPoint" + (
            f"[{i}]" if isinstance(spec.get("creditPoint"), list) else ""
        )
        framework = ctx.concept(credit.get("framework"), "credit-system")
        point = credit.get("point")
        try:
            value = float(str(point).replace(",", ".")) if point is not None else None
        except ValueError:
            value = None
        if framework is None or value is None or not 0 < value <= 120 or "ects" in out:
            framework_label = label_of(ctx.tree.node(credit.get("framework")))
            ctx.report.not_imported.append(
                f"not imported: {where} ({point} {framework_label}) — credcat records one "
                "ECTS (or ECVET) value"
            )
            continue
        out["ects"] = as_number(value)
        if framework.code == "ecvet":
            out["credit_system"] = "ecvet"
    volume = spec.get("volumeOfLearning")
    if volume is not None:
        parts = iso_parts(volume)
        if parts is None or any(k in parts for k in "YMWD"):
            ctx.report.not_imported.append(
                f"not imported: {path}.volumeOfLearning ({volume}) — only a duration in hours "
                "(PT…H) converts to learning hours"
            )
        else:
            hours = parts.get("h", 0) + parts.get("m", 0) / 60 + parts.get("s", 0) / 3600
            rounded = round(hours)
            if 0 < rounded <= 4000:
                out["hours"] = rounded
                if rounded != hours:
                    ctx.report.assumed.append(
                        f"assumed: {rel}: workload.hours {rounded} — rounded from {volume}"
                    )
            else:
                ctx.report.not_imported.append(
                    f"not imported: {path}.volumeOfLearning ({volume}) — out of range"
                )
    return {k: out[k] for k in ("ects", "hours", "credit_system") if k in out}


def _read_duration(ctx: Context, value: Any, path: str) -> str | None:
    if value is None:
        return None
    parts = iso_parts(value)
    units = {"Y": "year", "M": "month", "W": "week", "D": "day", "h": "hour"}
    if parts and len(parts) == 1:
        ((key, number),) = parts.items()
        if key in units and number.is_integer() and 0 < number < 10000:
            n = int(number)
            if key == "D" and n % 7 == 0:  # credcat's own files write weeks as days
                key, n = "W", n // 7
            return f"{n} {units[key]}{'' if n == 1 else 's'}"
    ctx.report.not_imported.append(
        f"not imported: {path} ({value}) — write 'duration:' by hand (e.g. '8 weeks')"
    )
    return None


def _read_outcomes(
    ctx: Context, spec: dict[str, Any], path: str
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    by_node: dict[str, str] = {}
    out: list[dict[str, Any]] = []
    raw = spec.get("learningOutcome")
    for i, node in enumerate(ctx.tree.nodes(raw)):
        where = f"{path}.learningOutcome" + (f"[{i}]" if isinstance(raw, list) else "")
        text = (
            ctx.text(node.get("title"), where + ".title")
            or ctx.text(node.get("definition"), where + ".definition")
            or ctx.text(node.get("description"), where + ".description")
        )
        if text is None:
            ctx.report.not_imported.append(
                f"not imported: {where} — a learning outcome without a text"
            )
            continue
        node_id = id_of(node)
        outcome_id = credcat_id_in(node_id, "outcome-") or f"o{len(out) + 1}"
        if any(o["id"] == outcome_id for o in out):  # two outcomes of one address
            outcome_id = f"o{len(out) + 1}"
        if node_id:
            by_node[node_id] = outcome_id
        item: dict[str, Any] = {"id": outcome_id, "text": ctx.out_text(text)}
        kind = ctx.concept(node.get("dcType"), "skill-type")
        notes = ctx.tree.nodes(node.get("additionalNote"))
        kind_notes = [n for n in notes if _says_responsibility_autonomy(n)]
        if kind is not None and kind.code != "skill":
            item["kind"] = kind.code
        elif kind is None and kind_notes:  # credcat's own files say it in a note (ELM's
            item["kind"] = "responsibility-autonomy"  # skill types have no such concept)
        elif kind is None:
            ctx.report.assumed.append(
                f"assumed: {where} has no type (knowledge, skill or responsibility and "
                "autonomy); credcat describes an outcome without 'kind:' as a skill — add "
                "'kind:' if it is not one"
            )
        esco: list[Any] = []
        seen_skills: set[str] = set()
        for skill in ctx.tree.nodes(node.get("relatedESCOSkill")):
            skill_id = id_of(skill) or ""
            if ESCO_SKILL_RE.fullmatch(skill_id):
                if skill_id in seen_skills:
                    continue
                seen_skills.add(skill_id)
                label = ctx.text(skill.get("prefLabel"), f"{where}.relatedESCOSkill")
                esco.append({"uri": skill_id, "label": ctx.out_text(label)} if label else skill_id)
            else:
                ctx.report.not_imported.append(
                    f"not imported: {where}.relatedESCOSkill ({skill_id or label_of(skill)})"
                    " — not an ESCO skill URI"
                )
        if esco:
            item["esco"] = esco
        reuse = ctx.concept(node.get("reusabilityLevel"), "reuse-level")
        if reuse is not None:
            item["reuse"] = reuse.code
        related = [label_of(s) for s in ctx.tree.nodes(node.get("relatedSkill"))]
        if related:
            ctx.report.not_imported.append(
                f"not imported: {where}.relatedSkill ({'; '.join(related)}) — credcat links "
                "ESCO skills only"
            )
        ctx.unknown(
            node,
            where,
            (
                "title",
                "definition",
                "description",
                "dcType",
                "relatedESCOSkill",
                "reusabilityLevel",
                "relatedSkill",
                *(("additionalNote",) if notes and len(kind_notes) == len(notes) else ()),
            ),
        )
        out.append(item)
    return by_node, out


_VERSION_IN_IRI = re.compile(r"/credentials/[a-z0-9]+(?:-[a-z0-9]+)*/([^/#?]+)/#spec$")
"""A specification address as credcat publishes it: ``…/credentials/<id>/<version>/#spec``."""


_CREDCAT_NODE = re.compile(r"/credentials/([a-z0-9]+(?:-[a-z0-9]+)*)/(?:[^/#?]+/)?#([^/#?]*)$")
"""An address of a node credcat publishes: ``…/credentials/<id>/<version>/#<fragment>``, or
on a credential's main page (``…/credentials/<id>/#spec``, its record in ``catalogue.jsonld``)."""


def credcat_id_in(iri: str | None, prefix: str = "") -> str | None:
    """The id credcat's own address of a node names: the credential's (``prefix`` ``""``, the
    ``#spec`` address), or an outcome's or assessment's (``prefix`` ``outcome-`` or
    ``assessment-``); ``None`` where the address is not credcat's or the id is not an id."""
    found = _CREDCAT_NODE.search(iri or "")
    if found is None:
        return None
    if not prefix:
        return found.group(1) if found.group(2) == "spec" and is_id(found.group(1)) else None
    fragment = found.group(2)
    wanted = fragment.removeprefix(prefix)
    return wanted if fragment.startswith(prefix) and is_id(wanted) else None


def _version_address(spec: dict[str, Any]) -> str | None:
    """The address a specification's version is read from: its own, or for a credcat record
    (``catalogue.jsonld``, at the credential's main page) its current version's."""
    own = id_of(spec)
    if _version_in(own) is None and isinstance(current := spec.get(RECORD_MARK), dict):
        return id_of(current)
    return own


def _spec_version(spec: dict[str, Any]) -> str | None:
    """The version a specification's address names (:func:`_version_address`)."""
    return _version_in(_version_address(spec))


def _version_in(iri: str | None) -> str | None:
    """The version a credcat specification address names, when it is a valid version."""
    found = _VERSION_IN_IRI.search(iri or "")
    if found is None or not VERSION_RE.fullmatch(found.group(1)) or len(found.group(1)) > 32:
        return None
    return None if version_name_problem(found.group(1)) else found.group(1)


_NO_BREAK_BEFORE = re.compile("\u00a0(?=[:;?!])")
"""The no-break space before a colon (semicolon, question or exclamation mark) of credcat's
French sentences; older credcat wrote a plain space there."""


def _with_old_forms(texts: Iterable[str]) -> list[str]:
    """Each sentence credcat writes, followed by its form in files of older credcat versions
    where that differs (a plain space where French now has a no-break space,
    :data:`_NO_BREAK_BEFORE`): the importer recognises both."""
    return list(dict.fromkeys(f for t in texts for f in (t, _NO_BREAK_BEFORE.sub(" ", t))))


@functools.cache
def _credcat_assessment_sentences() -> tuple[
    tuple[tuple[str, str | None, bool], ...], tuple[re.Pattern[str], ...]
]:
    """The sentences credcat adds to an assessment's description in its own files, in every
    language it writes them in: (sentence, supervision, identity checked) for how it was
    supervised, and a pattern for the outcomes it proves; each also as older credcat
    versions wrote it (:func:`_with_old_forms`)."""
    said: list[tuple[str, str | None, bool]] = []
    for identity in (True, False):
        checked = "identity.yes" if identity else "identity.no"
        for code in ("unsupervised", "supervised-online", "supervised-on-site"):
            for text in _with_old_forms(
                say(
                    "assessment.supervision",
                    PHRASE_LANGUAGES,
                    supervision=say(f"supervision.{code}", PHRASE_LANGUAGES),
                    identity=say(checked, PHRASE_LANGUAGES),
                ).values()
            ):
                said.append((text, code, identity))
        if identity:
            for text in _with_old_forms(
                say(
                    "assessment.identity-only",
                    PHRASE_LANGUAGES,
                    identity=say(checked, PHRASE_LANGUAGES),
                ).values()
            ):
                said.append((text, None, True))
    proves = tuple(
        re.compile(r"\s*" + re.escape(text).replace(re.escape("{outcomes}"), r"\(\d+\).*?") + r"$")
        for text in _with_old_forms(
            say("assessment.proves", PHRASE_LANGUAGES, outcomes="{outcomes}").values()
        )
    )
    return tuple(said), proves


def _without_credcat_sentences(
    description: dict[str, str],
) -> tuple[dict[str, str], tuple[str | None, bool] | None]:
    """An assessment's description without the sentences credcat's own files add to it (how
    it was supervised, which outcomes it proves: the YAML says those in fields), and what the
    first of them said: (supervision, identity checked); ``None`` where it has none."""
    sentences, proves = _credcat_assessment_sentences()
    found: tuple[str | None, bool] | None = None
    out: dict[str, str] = {}
    for lang, text in description.items():
        for pattern in proves:
            text = pattern.sub("", text)
        for sentence, code, identity in sentences:
            if text.endswith(sentence):
                text = text[: -len(sentence)].rstrip()
                found = found or (code, identity)
                break
        out[lang] = text or description[lang]
    return out, found


def _proven_listing(description: dict[str, str]) -> list[tuple[int, str]]:
    """The outcomes an assessment proves, by number and text, from the English sentence
    credcat's own files add to its description (``Proves these learning outcomes: (1) …;
    (4) ….``)."""
    english = description.get(PHRASE_FALLBACK, "")
    before, _, _ = say("assessment.proves", (), outcomes="\0")[PHRASE_FALLBACK].partition("\0")
    start = english.rfind(before)
    if start < 0:
        return []
    listing = english[start + len(before) :].rstrip(". ")
    parts = re.split(r"(?:^|; )\((\d{1,4})\) ", listing)[1:]  # number, text, number, text …
    return [(int(n), text.rstrip(". ")) for n, text in zip(parts[::2], parts[1::2], strict=True)]


def _proven_by_sentence(
    listed: list[tuple[int, str]], outcomes: list[dict[str, Any]]
) -> list[str] | None:
    """The ids of the outcomes a sentence of :func:`_proven_listing` names: by their texts,
    which say it whatever order credcat numbered them in when it wrote the file (the page's
    since 2026-12, the file's before); by their numbers in the page's order
    (:func:`credcat.model.ordered_outcomes`) where a text is not found; ``None`` where a
    number is out of range."""

    def texts(outcome: dict[str, Any]) -> set[str]:
        text = outcome["text"]
        values = text.values() if isinstance(text, dict) else [text]
        return {value.rstrip(". ") for value in values}

    numbered = [  # as credcat's pages and files number them
        o for kind in OUTCOME_KINDS for o in outcomes if o.get("kind", "skill") == kind
    ]
    found: list[str] = []
    for number, text in listed:
        named = [o["id"] for o in outcomes if text in texts(o)]
        if len(named) == 1:
            found.append(named[0])
        elif 0 < number <= len(numbered):
            found.append(numbered[number - 1]["id"])
        else:
            return None
    return list(dict.fromkeys(found))


@functools.cache
def _responsibility_autonomy_notes() -> frozenset[str]:
    said = say("outcome.responsibility-autonomy", PHRASE_LANGUAGES).values()
    return frozenset(_with_old_forms(said))


def _says_responsibility_autonomy(note: dict[str, Any]) -> bool:
    """Whether a note is the one credcat writes for an outcome of responsibility and
    autonomy ("Type of learning outcome: responsibility and autonomy.", in any language)."""
    literal = note.get("noteLiteral")
    texts = literal.values() if isinstance(literal, dict) else [literal]
    known = _responsibility_autonomy_notes()
    return any(isinstance(t, str) and t.strip() in known for t in texts)


def _read_assessments(
    ctx: Context,
    spec: dict[str, Any],
    path: str,
    entry: Entry,
    draft: Draft,
    outcome_nodes: dict[str, str],
    outcome_ids: list[str],
    outcomes: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The assessments; ``outcomes``: the outcomes read, for the sentence credcat's own files
    say what an assessment proves with (:func:`_proven_by_sentence`)."""
    found: list[tuple[dict[str, Any], str, dict[str, Any] | None]] = []
    raw = spec.get("provenBy")
    for i, node in enumerate(ctx.tree.nodes(raw)):
        found.append((node, f"{path}.provenBy" + (f"[{i}]" if isinstance(raw, list) else ""), None))
    if not found and entry.claim is not None:
        for done, where in with_paths(ctx.tree, entry.claim, "provenBy", entry.claim_path):
            specs = ctx.tree.nodes(done.get("specifiedBy"))
            if specs:
                found.append((specs[0], where + ".specifiedBy", done))
            else:
                found.append((done, where, done))
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    spec_id = id_of(spec)
    for index, (node, where, issued) in enumerate(found):
        title = ctx.text(node.get("title"), where + ".title")
        if title is None and issued is not None:
            title = ctx.text(issued.get("title"), where + ".title")
        base = credcat_id_in(id_of(node), "assessment-") or (
            slugify(first_text(title, ctx.default_language), 40) if title else ""
        )
        assessment_id = base or f"a{index + 1}"
        n = 2
        while assessment_id in used:
            assessment_id = f"{base or 'a'}-{n}"
            n += 1
        used.add(assessment_id)
        item: dict[str, Any] = {"id": assessment_id}
        kind = ctx.concept(node.get("dcType"), "assessment-type")
        dc_node = ctx.tree.node(node.get("dcType"))
        if kind is None:
            kind_code = "written-examination"
            what = "no type" if dc_node is None else f"'{label_of(dc_node)}' is not an EU type"
            draft.gap(
                "assessments",
                f"assessments[{index}].type: {what} (Annex I: type of assessment)",
                ("assessments", index, "type"),
            )
        else:
            kind_code = kind.code
        item["type"] = kind_code
        # credcat's own files write the label of the type where the YAML has no title: a
        # title that is only that label is none
        if title and (kind is None or not _is_label(title, kind)):
            item["title"] = ctx.out_text(title)
        description = ctx.text(node.get("description"), where + ".description")
        if description is None and issued is not None:
            description = ctx.text(issued.get("description"), where + ".description")
        if description is None and title:
            description = dict(title)
            ctx.report.assumed.append(
                f"assumed: {draft.rel}: assessments[{index}].description — none in the source; "
                "the title is used; describe what the learner does and how it is judged"
            )
        elif description is None:
            description = {ctx.default_language: "What the learner does and how it is judged."}
            draft.gap(
                "assessments",
                f"assessments[{index}].description: the source does not describe it",
                ("assessments", index, "description"),
                f"{TODO}: describe what the learner does and how it is judged",
            )
        listed = _proven_listing(description)
        description, said = _without_credcat_sentences(description)
        item["description"] = ctx.out_text(description)
        if said is not None:  # credcat's own file: how it was supervised, read back
            supervision_code, identity = said
            if supervision_code is not None:
                item["supervision"] = supervision_code
                item["identity_check"] = identity
            elif identity:
                item["identity_check"] = True
        proves = _read_proves(ctx, node, spec_id, outcome_nodes)
        if proves == outcome_ids and listed:
            # credcat's own file points every assessment at the specification and names the
            # outcomes it proves in a sentence
            proves = _proven_by_sentence(listed, outcomes) or proves
        if proves is None:
            proves = list(outcome_ids)
            ctx.report.assumed.append(
                f"assumed: {draft.rel}: assessments[{index}] ('{assessment_id}') proves all "
                "outcomes — the source does not say which outcomes it proves; check it"
            )
        item["proves"] = Flow(proves)
        if issued is not None and said is None:
            supervision = ctx.concept(issued.get("idVerification"), "supervision")
            if supervision is not None:
                item["supervision"] = "unsupervised"
                if supervision.code == "unsupervised-id-check":
                    item["identity_check"] = True
            elif issued.get("idVerification") is not None:
                ctx.report.not_imported.append(
                    f"not imported: {where}.idVerification "
                    f"({label_of(ctx.tree.node(issued.get('idVerification')))}) — not a "
                    "supervision concept credcat knows"
                )
        grading = None
        for scheme in ctx.tree.nodes(node.get("gradingScheme")):
            grading = ctx.text(scheme.get("description"), where + ".gradingScheme") or ctx.text(
                scheme.get("title"), where + ".gradingScheme"
            )
        if grading:
            item["grading"] = ctx.out_text(grading)
        for key in ("mode", "language"):
            if node.get(key) is not None and not _derived_assessment_member(
                ctx, entry, node, key, item, draft.data
            ):
                ctx.report.not_imported.append(
                    f"not imported: {where}.{key} ({label_of(ctx.tree.node(node.get(key)))})"
                    f" — credcat has no {key} per assessment; mention it in the description"
                )
        ctx.unknown(
            node,
            where,
            ("title", "description", "dcType", "proves", "gradingScheme", "mode", "language"),
        )
        if issued is not None and issued is not node:
            issued_where = where.removesuffix(".specifiedBy")
            ctx.unknown(
                issued,
                issued_where,
                (
                    "specifiedBy",
                    "title",
                    "description",
                    "idVerification",
                    "assessedBy",
                    "grade",
                ),
                {
                    "awardedBy": "the assessment's awarding process belongs to the issued "
                    "credential",
                    "issued": "the date of this learner's assessment",
                },
            )
        out.append(item)
    return out


def _read_proves(
    ctx: Context, node: dict[str, Any], spec_id: str | None, outcome_nodes: dict[str, str]
) -> list[str] | None:
    targets = ctx.tree.nodes(node.get("proves"))
    if not targets and isinstance(node.get("proves"), str):
        return list(outcome_nodes.values()) if node["proves"] == spec_id else None
    ids: list[str] = []
    for target in targets:
        if spec_id is not None and id_of(target) == spec_id:
            return list(outcome_nodes.values())
        for outcome in ctx.tree.nodes(target.get("learningOutcome")):
            found = outcome_nodes.get(id_of(outcome) or "")
            if found and found not in ids:
                ids.append(found)
    return ids or None


def _read_accreditations(ctx: Context, entry: Entry, draft: Draft) -> list[dict[str, Any]]:
    spec, path, rel = entry.spec, entry.path, draft.rel
    out: list[dict[str, Any]] = []
    raw = spec.get("accreditation")
    for i, node in enumerate(ctx.tree.nodes(raw)):
        where = f"{path}.accreditation" + (f"[{i}]" if isinstance(raw, list) else "")
        item: dict[str, Any] = {}
        kind = ctx.concept(node.get("dcType"), "accreditation-type")
        agents = ctx.tree.nodes(node.get("accreditingAgent"))
        if kind is None or not agents:
            missing = "type" if kind is None else "accrediting agent"
            ctx.report.not_imported.append(
                f"not imported: {where} ({label_of(node)}) — no {missing} credcat can use"
            )
            continue
        item["type"] = kind.code
        item["body"] = organisation(ctx, agents[0], where + ".accreditingAgent").org_id
        title = ctx.text(node.get("title"), where + ".title")
        if title and not _is_label(title, kind):  # as for an assessment: the label of the
            item["title"] = ctx.out_text(title)  # type is no title
        description = ctx.text(node.get("description"), where + ".description")
        if description is None:
            description = (
                dict(title)
                if title
                else {"en": f"{kind.label('en')} by {org_label(ctx, item['body'])}"}
            )
            ctx.report.assumed.append(
                f"assumed: {rel}: quality_assurance[{len(out)}].description — none in the "
                "source; written from its title or type"
            )
        item["description"] = ctx.out_text(description)
        urls = (
            ctx.url(node.get("homepage"))
            + ctx.url(node.get("landingPage"))
            + ctx.url(node.get("report"))
        )
        if urls:
            item["url"] = urls[0]
        expiry = node.get("expiryDate")
        if isinstance(expiry, str) and iso_date(expiry[:10]):
            item["valid_until"] = expiry[:10]
        elif expiry is not None:
            ctx.report.not_imported.append(
                f"not imported: {where}.expiryDate ({expiry}) — not a date"
            )
        ctx.unknown(
            node,
            where,
            (
                "dcType",
                "accreditingAgent",
                "title",
                "description",
                "homepage",
                "landingPage",
                "report",
                "expiryDate",
                *_derived_accreditation_members(ctx, entry, node, draft.data),
            ),
        )
        out.append(item)
    return out


def _read_stackability(ctx: Context, entry: Entry, by_node: dict[str, str]) -> dict[str, Any]:
    spec = entry.spec
    part_of: list[str] = []
    if entry.parent and entry.parent in by_node:
        part_of.append(by_node[entry.parent])
    for i, other in enumerate(ctx.tree.nodes(spec.get("isPartOf"))):
        named = _entry_named(by_node, id_of(other))
        if named is not None and named not in part_of:
            part_of.append(named)
        elif named is None:
            ctx.report.not_imported.append(
                f"not imported: {entry.path}.isPartOf[{i}] ({label_of(other)}) — not described "
                "in this document; add 'stackability: part_of:' by hand"
            )
    own = credcat_id_in(id_of(spec))
    for key in list(by_node):
        node = ctx.tree.index.get(key)
        if node is None or node is spec:
            continue
        for part in ctx.tree.nodes(node.get("hasPart")):
            same = part is spec or (own is not None and credcat_id_in(id_of(part)) == own)
            if same and by_node[key] not in part_of:
                part_of.append(by_node[key])
    out: dict[str, Any] = {}
    if part_of:
        out["part_of"] = Flow(part_of)
    if spec.get("isPartialQualification") is True:
        out["note"] = "A partial qualification: it counts towards a larger qualification."
    for i, part in enumerate(ctx.tree.nodes(spec.get("hasPart"))):
        if not SPEC_TYPES & set(types_of(part)):
            ctx.report.not_imported.append(
                f"not imported: {entry.path}.hasPart[{i}] ({label_of(part)}) — credcat "
                "stacks credentials only"
            )
    return out


def _entry_named(by_node: dict[str, str], node_id: str | None) -> str | None:
    """The id of the credential an address names among those of this import: the same
    address, or credcat's address of the same credential at another version."""
    if node_id is None:
        return None
    if node_id in by_node:
        return by_node[node_id]
    wanted = credcat_id_in(node_id)
    if wanted is None:
        return None
    return next((cid for key, cid in by_node.items() if credcat_id_in(key) == wanted), None)


def _read_links(ctx: Context, entry: Entry) -> list[tuple[int, dict[str, Any]]]:
    """The specification's documents as links, each with its number among the credential's
    links where credcat's own file names it (``#link-2``), else after those, in order."""
    out: list[tuple[int, dict[str, Any]]] = []
    for i, node in enumerate(ctx.tree.nodes(entry.spec.get("supplementaryDocument"))):
        urls = ctx.url(node)
        if not urls:
            continue
        title = ctx.text(node.get("title"), "supplementaryDocument.title")
        number = _LINK_NODE.fullmatch(credcat_node_of(id_of(node), entry) or "")
        place = int(number.group(1)) if number else 10_000 + i
        out.append((place, {"title": ctx.out_text(title) if title else urls[0], "url": urls[0]}))
    return out


def _spec_leftovers(ctx: Context, entry: Entry) -> None:
    spec, path = entry.spec, entry.path
    ctx.unknown(
        spec,
        path,
        (
            *_derived_spec_members(ctx, entry),
            "title",
            "dateModified",
            "description",
            "learningOutcomeSummary",
            "dcType",
            "awardingOpportunity",
            "eqfLevel",
            "nqfLevel",
            "thematicArea",
            "educationSubject",
            "creditPoint",
            "volumeOfLearning",
            "maximumDuration",
            "language",
            "mode",
            "learningSetting",
            "targetGroup",
            "learningOutcome",
            "provenBy",
            "accreditation",
            "entryRequirement",
            "isPartialQualification",
            "isPartOf",
            "hasPart",
            "additionalNote",
            "supplementaryDocument",
            "homepage",
        ),
        {
            "influencedBy": "learning activities are not described in a catalogue entry; "
            "mention them in the description",
            "altLabel": "credcat has one title per credential",
        }
        | (
            {
                "status": "superseded, but the file does not name the credential that "
                "supersedes it: write 'status: superseded' and 'superseded_by:' by hand once "
                "that one is in the catalogue"
            }
            if _is_own_file(entry) and spec.get("status") == "superseded"
            else {}
        ),
    )


# --- credcat's own files ------------------------------------------------------------------
#
# ``elm.jsonld`` (and the EDC template) of a credcat site says some things twice: once where
# the YAML has them, and again in members derived from them (the catalogue identifier from
# the id and version, an assessment's languages from the credential's, its mode from its
# supervision ...), or in members the YAML expresses otherwise (the versions it replaces are
# the archive of releases, the publisher is the catalogue's). Import reads the first and does
# not report the others as lost; what credcat's file says that the import cannot carry over
# is still reported.


def _status_note(ctx: Context, draft: Draft) -> None:
    """The status note of credcat's own record stays with a credential no longer offered
    (retired); one the import writes as offered (a superseded one comes back active, a
    draft) could not hold it (``credcat check`` refuses it there): reported, not written."""
    data = draft.data
    if "status_note" not in data:
        return
    if data.get("status") in NO_LONGER_OFFERED:
        ctx.report.assumed.append(
            f"assumed: {draft.rel}: status_note, from the note of credcat's record "
            "(plain text: emphasis and links' brackets are gone; check it)"
        )
        return
    del data["status_note"]
    ctx.report.not_imported.append(
        f"not imported: {draft.status_note} — the status note of a credential no longer "
        f"offered, which the {data.get('status')} credential written here cannot hold: write "
        "status_note: by hand once it is retired or superseded"
    )


READ_STATUSES = frozenset({"draft", "active", "retired"})
"""The statuses of credcat's own files that the import writes as they are (``superseded``
needs the successor, which the file does not name)."""


def _read_status(spec: dict[str, Any]) -> str | None:
    """The specification's ``status`` where it is one the import writes
    (:data:`READ_STATUSES`), else ``None``: another status, or a value that is no text (a
    list or a mapping, which a stranger's file may hold too)."""
    status = spec.get("status")
    return status if isinstance(status, str) and status in READ_STATUSES else None


def _is_own_file(entry: Entry) -> bool:
    """Whether the specification has the address credcat gives it
    (``…/credentials/<id>/<version>/#spec``): a file a credcat site published."""
    return credcat_id_in(id_of(entry.spec)) is not None


def _is_label(text: dict[str, str], concept: vocab.Concept) -> bool:
    """Whether a title says no more than the label of the concept, in every language it is
    given in (credcat's own files write the label of an assessment's or an accreditation's
    type where the YAML has no title)."""
    labels = concept.labels
    return all(
        lang in labels and _words_of(value) == _words_of(labels[lang])
        for lang, value in text.items()
    )


def _words_of(text: str) -> str:
    return " ".join(text.split()).casefold()


def _all_are(ctx: Context, node: dict[str, Any], key: str, ids: set[str | None]) -> bool:
    """Whether ``node[key]`` names nodes, each of them one of ``ids``."""
    found = ctx.tree.nodes(node.get(key))
    return bool(found) and all(id_of(other) in ids for other in found)


def _own_nodes(ctx: Context, entry: Entry, value: Any, fragments: set[str]) -> bool:
    """Whether ``value`` names nodes, each of them one credcat published for this credential
    under one of ``fragments`` (``…/<version>/#awarding-location``)."""
    found = ctx.tree.nodes(value)
    return bool(found) and all(credcat_node_of(id_of(n), entry) in fragments for n in found)


def _derived_spec_members(ctx: Context, entry: Entry) -> tuple[str, ...]:
    """The members of credcat's own specification that the import does not report: the
    catalogue identifier (``<id>/<version>``) and the fingerprint of the release (the id and
    the version are read from the address; a release computes the fingerprint again), the
    version it replaces (the catalogue's archive of releases says it, once versions are
    released there), a status the import writes (:data:`READ_STATUSES`) and the publisher
    (the catalogue's, from ``catalogue.yaml``)."""
    if not _is_own_file(entry):
        return ()
    spec = entry.spec
    own_id = credcat_id_in(id_of(spec))
    derived = ["publisher"]
    if _own_nodes(ctx, entry, spec.get("identifier"), {"identifier", "fingerprint"}):
        derived.append("identifier")
    replaced = ctx.tree.nodes(spec.get("dc:replaces"))
    if replaced and all(credcat_id_in(id_of(n)) == own_id for n in replaced):
        derived.append("dc:replaces")
    if _read_status(spec) is not None:
        derived.append("status")
    return tuple(derived)


_MODE_OF_SUPERVISION = {"supervised-online": "online", "supervised-on-site": "on-site"}
"""The mode credcat's own files give an assessment for how it is supervised."""


def _derived_assessment_member(
    ctx: Context,
    entry: Entry,
    node: dict[str, Any],
    key: str,
    item: dict[str, Any],
    data: dict[str, Any],
) -> bool:
    """Whether an assessment's ``mode`` or ``language`` in credcat's own file is what it
    derives from the YAML: the credential's languages, the mode of its supervision."""
    if not _is_own_file(entry):
        return False
    concepts = [vocab.by_iri(id_of(n) or "") for n in ctx.tree.nodes(node.get(key))]
    codes = [c.code if c is not None and c.vocab == key else None for c in concepts]
    if key == "language":
        return codes == list(data.get("languages", ()))
    return codes == [_MODE_OF_SUPERVISION.get(item.get("supervision", ""))]


def _derived_accreditation_members(
    ctx: Context, entry: Entry, node: dict[str, Any], data: dict[str, Any]
) -> tuple[str, ...]:
    """The members of an accreditation in credcat's own file that it derives from the YAML:
    the organisations (the awarding bodies) and the qualification it is limited to (this
    one, for a programme's quality assurance)."""
    if not _is_own_file(entry):
        return ()
    derived = []
    if _all_are(ctx, node, "limitQualification", {id_of(entry.spec)}):
        derived.append("limitQualification")
    organisations = ctx.tree.nodes(node.get("organisation"))
    bodies = [ctx.org_by_node.get(id_of(org) or "") for org in organisations]
    if organisations and [ref.org_id if ref else None for ref in bodies] == list(
        data.get("awarding_body", ())
    ):
        derived.append("organisation")
    return tuple(derived)


def _claim_leftovers(ctx: Context, entry: Entry) -> None:
    claim = entry.claim
    if claim is None:
        return
    raw = claim.get("influencedBy")
    for i, activity in enumerate(ctx.tree.nodes(raw)):
        where = f"{entry.claim_path}.influencedBy" + (f"[{i}]" if isinstance(raw, list) else "")
        organiser = " (its organiser is named as provider)" if activity.get("directedBy") else ""
        ctx.report.not_imported.append(
            f"not imported: {where} (learning activity '{label_of(activity)}') — a catalogue "
            f"entry does not describe the learner's activity{organiser}"
        )
    raw = claim.get("provenBy")
    for i, assessment in enumerate(ctx.tree.nodes(raw)):
        grade = assessment.get("grade")
        if grade is not None:
            where = f"{entry.claim_path}.provenBy" + (f"[{i}]" if isinstance(raw, list) else "")
            ctx.report.not_imported.append(
                f"not imported: {where}.grade ('{label_of(ctx.tree.node(grade))}') — a grade "
                "belongs to an issued credential, not to a catalogue entry"
            )
    handled = (
        "specifiedBy",
        "awardedBy",
        "provenBy",
        "influencedBy",
        "title",
        "description",
        "hasPart",
    )
    for key in claim:
        if key in {"id", "@id", "type", "@type", *handled}:
            continue
        ctx.report.not_imported.append(
            f"not imported: {entry.claim_path}.{key} — it describes this learner's "
            "achievement, not the credential"
        )
