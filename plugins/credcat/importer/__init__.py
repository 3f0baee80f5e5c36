"""``credcat import``: turn an existing European Digital Credential into catalogue YAML.

The package owns the whole import, in the order it runs:

* :mod:`.reading` reads the file (size-limited, strict JSON without duplicate keys), drops
  control and bidirectional characters, unwraps the upload and seal envelopes and finds the
  credential or specification;
* :mod:`.target` reads the target catalogue through the core loader and :mod:`credcat.fs`;
* :mod:`.credential` maps each specification, one function per Annex I block, with
  :mod:`.organisations` planning the organisation files and :mod:`.context` reading the common
  ELM shapes;
* :mod:`.yamlout` writes friendly YAML; :mod:`.writing` checks the planned files on a safe copy
  of the catalogue and writes them, all or nothing.

Output: ``credentials/<id>.yaml`` for every micro-credential found (every credential of a
``@graph``, such as a built site's ``catalogue.jsonld``), and ``organisations/<id>.yaml`` for
each organisation it names (awarding body, provider, assessor, accrediting agent) unless the
catalogue already has one with the same legal name or homepage. Ids are slugs of the title (or
legal name), unique against the files already in the catalogue. Existing files are never
overwritten, and a credential the catalogue already has is not written again
(:func:`.credential.already_has`; ``skipped:``, or refused when it is every one), unless
``as_new``. The target must hold ``catalogue.yaml``; the importer never creates one.

Everything that is not carried over is reported, one ``not imported: …`` line each, with its
JSON path: learner data, grade, display parameters, issuing and seal data, learning activities,
and any property the importer does not know. ``verdict:`` lines say when the input is not a
valid EDC (an unknown ``@context``), and ``dropped:`` lines name texts that lost control or
bidirectional characters.

What no placeholder can mend is refused with the check's own message, nothing written: an entry
whose only assessment is attendance is a certificate of participation, not a micro-credential
(as is an EDC whose claims hold only learning activities). Malformed input raises
:class:`ImportFailed` (a :class:`~credcat.errors.CredcatError`) with a one-line message, and
nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogue import CREDENTIALS_DIR
from ..ids import slugify
from . import writing
from .base import (
    MAX_BYTES,
    MAX_CREDENTIALS,
    MAX_ORGANISATIONS,
    Entry,
    ImportFailed,
    ImportUsageError,
    Plan,
    Report,
    Tree,
    first_text,
    id_of,
    types_of,
)
from .context import Context
from .credential import Duplicate, already_has, collect, credcat_id_in, credential
from .reading import (
    KNOWN_CONTEXTS,
    VC2_CONTEXT,
    check_source,
    classify,
    clean_strings,
    contexts,
    envelope_report,
    read_json,
    unwrap,
)
from .target import check_target, read_target

__all__ = [
    "MAX_BYTES",
    "MAX_CREDENTIALS",
    "MAX_ORGANISATIONS",
    "ImportFailed",
    "ImportUsageError",
    "import_file",
]


# --- entry point --------------------------------------------------------------------------


def import_file(file: Path, into: Path, *, as_new: bool = False) -> list[str]:
    """Import a credential or specification file into a catalogue folder.

    Args:
        file: The JSON(-LD) file (unsigned, uploadable or signed EDC, or a specification).
        into: The catalogue folder (must hold ``catalogue.yaml``).
        as_new: Import a credential the catalogue already has (:func:`already_has`) as a
            new one all the same, with an id of its own.

    Returns:
        The report: one line per thing not carried over, assumed, or filled with a
        placeholder, one per check warning, and one per written file.

    Raises:
        ImportFailed: The input cannot be imported, or the result would not load, or the
            catalogue already has every credential it describes; nothing was written.
            :class:`ImportUsageError` when there is no such file or catalogue folder.
    """
    into = into.absolute()  # every path below is made from it: the same whatever the cwd
    check_source(file)  # fail early on a file or an --into that is not there
    check_target(into)
    data = read_json(file)
    report = Report()
    try:
        plans = _convert(data, into, file.name, report, as_new)
    except RecursionError:
        raise ImportFailed("the document is nested too deeply to be a credential") from None
    writing.validate(into, plans, report)
    writing.write(into, plans, report)
    return report.lines()


def _convert(
    data: Any, into: Path, source_name: str, report: Report, as_new: bool = False
) -> list[Plan]:
    data, notes = unwrap(data)
    report.envelope.extend(notes)
    data = clean_strings(data, report)
    roots = classify(data)
    root = roots[0][0]
    # several roots (a graph): the ids of the whole document, so that one may name another
    tree = Tree(data if len(roots) > 1 else root)
    ctx = Context(tree, read_target(into), source_name, report)
    entries = collect(ctx, [(node, prefix or "$") for node, prefix in roots])
    if len(entries) > MAX_CREDENTIALS:
        what = (
            "import the credentials' own elm.jsonld files instead"
            if len(roots) > 1
            else "an EDC holds one or a few"
        )
        raise ImportFailed(
            f"the document describes {len(entries):,} specifications; credcat imports at most "
            f"{MAX_CREDENTIALS} at a time ({what})"
        )
    if not entries:
        kinds = sorted(
            {
                t
                for s in tree.nodes(root.get("credentialSubject"))
                for c in tree.nodes(s.get("hasClaim"))
                for t in types_of(c)
            }
        )
        extra = ""
        if "LearningActivity" in kinds:
            extra = (
                " — it records a learning activity (e.g. a certificate of participation), "
                "which is not a micro-credential"
            )
        raise ImportFailed(
            "the credential holds no Qualification or LearningAchievementSpecification "
            f"(credentialSubject.hasClaim…specifiedBy){extra}"
        )
    by_node: dict[str, str] = {}
    titles: dict[int, dict[str, str]] = {}
    for entry in entries:
        title = ctx.text(entry.spec.get("title"), entry.path + ".title")
        if title is None:
            where = "" if entry.path == "$" else f" at {entry.path}"
            raise ImportFailed(
                f"the specification{where} has no title (a language map such as "
                '{"en": "…"} under "title")'
            )
        titles[id(entry)] = title
    duplicates = {} if as_new else _duplicates(ctx, entries)
    for entry in entries:
        if id(entry) in duplicates:
            entry.cred_id = duplicates[id(entry)].cred_id  # the parts it has name it
        else:
            # credcat's own file keeps its id (…/credentials/<id>/<version>/#spec)
            wanted = credcat_id_in(id_of(entry.spec)) or slugify(
                first_text(titles[id(entry)], ctx.default_language)
            )
            entry.cred_id = ctx.unique(CREDENTIALS_DIR, wanted, "credential")
        by_node[id_of(entry.spec) or f"#{id(entry.spec)}"] = entry.cred_id
    _skipped(ctx, entries, duplicates)
    entries = [entry for entry in entries if id(entry) not in duplicates]
    awarding: set[str] = set()
    for entry in entries:
        credential(ctx, entry, by_node)
        for process in tree.nodes((entry.claim or {}).get("awardedBy")):
            awarding.update(
                filter(None, (id_of(b) for b in tree.nodes(process.get("awardingBody"))))
            )
        for opportunity in tree.nodes(entry.spec.get("awardingOpportunity")):
            awarding.update(
                filter(None, (id_of(b) for b in tree.nodes(opportunity.get("awardingBody"))))
            )
    for node, _ in roots:
        envelope_report(node, report, tree, awarding)
    document = data if len(roots) > 1 else root
    _verdicts(document, report)
    if VC2_CONTEXT in contexts(document):
        report.assumed.append("assumed: a VC 2.0 envelope; the ELM content was read as in VC 1.1")
    return ctx.plans


MAX_NAMED = 10
"""Most credentials a refusal names one by one; the rest are counted."""


def _duplicates(ctx: Context, entries: list[Entry]) -> dict[int, Duplicate]:
    """The entries that are credentials the catalogue already has (:func:`already_has`), by
    ``id()`` of the entry: nothing is written for them (:func:`_skipped` says so). When every
    entry is one, the import is refused: there is nothing to import.

    Raises:
        ImportFailed: Every credential the file describes is in the catalogue already.
    """
    found = {id(e): d for e in entries if (d := already_has(ctx, e)) is not None}
    if found and len(found) == len(entries):
        if len(entries) == 1:
            raise ImportFailed(
                f"{found[id(entries[0])].said}; nothing written (--as-new imports it as a new "
                "credential all the same)"
            )
        named = [found[id(e)].named for e in entries]
        more = f", and {len(named) - MAX_NAMED} more" if len(named) > MAX_NAMED else ""
        raise ImportFailed(
            f"the file describes {len(named)} credentials, and the catalogue already has every "
            f"one: {', '.join(named[:MAX_NAMED])}{more}; nothing written (--as-new imports "
            "them as new credentials all the same)"
        )
    return found


def _skipped(ctx: Context, entries: list[Entry], duplicates: dict[int, Duplicate]) -> None:
    """A ``skipped:`` line for each entry the catalogue already has; where it is a part of a
    credential the import writes, the line says where to name that one (the existing file is
    not changed)."""
    by_node = {id_of(e.spec): e for e in entries}
    for entry in entries:
        duplicate = duplicates.get(id(entry))
        if duplicate is None:
            continue
        line = f"skipped: {entry.path}: {duplicate.said}; nothing written for it"
        parent = by_node.get(entry.parent) if entry.parent else None
        known = ctx.target.credentials.get(duplicate.cred_id)
        named = known is not None and parent is not None and parent.cred_id in known.part_of
        if parent is not None and id(parent) not in duplicates and not named:
            line += (
                f"; if it counts towards {parent.cred_id}, add {parent.cred_id} to its "
                f"stackability: part_of"
            )
        ctx.report.skipped.append(line)


def _verdicts(root: dict[str, Any], report: Report) -> None:
    """``verdict:`` lines when the input is not a valid EDC (the import still goes on)."""
    for url in contexts(root):
        if url.rstrip("/").replace("https://data.", "http://data.") not in KNOWN_CONTEXTS:
            report.verdicts.append(
                f"verdict: not a valid EDC — @context '{url}' is not a context of the EDC "
                "(VC 1.1 or 2.0 and http://data.europa.eu/snb/model/context/edc-ap); the keys "
                "were read as if it were"
            )
