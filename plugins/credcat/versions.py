"""Permanent versions: the archive of released versions, their fingerprints and their checks.

This module owns everything about versions of a credential:

* **ordering** of version strings (:func:`version_key`: numeric dot- or hyphen-separated
  segments, compared as numbers; ``1.10`` comes after ``1.9``);
* the **fingerprint** of a version (:func:`fingerprint`): ``sha256:<hex>`` of the RFC 8785
  (JCS) canonical JSON of :func:`specification`, the normalised model of every field a holder or
  employer relies on;
* the **archive** ``catalogue/versions/<id>/<version>.yaml`` (:func:`load_archive`): each file
  is the credential file as released, below a ``release:`` header (date, fingerprint, the
  version it replaces, the default language its plain texts are in, the catalogue's
  ``base_uri`` and publisher, the other credentials
  its files name with their versions, the titles of those versions not released that
  day, as they were, and the name of each organisation its files name, as it was), written
  only by
  :func:`release` (``credcat release``) and read through the same loader and model as the
  credentials;
* the **rules** (:func:`check_archive`, run by ``check_catalogue`` with the other rules): a
  snapshot that no longer matches its fingerprint, a snapshot without a credential file, a
  released version whose snapshot was deleted (each snapshot names the version it replaces, so
  a gap in the chain is visible), versions that go down, a current file that changed a
  released version without raising its version, a ``base_uri`` moved, and an organisation a
  released version names that has no file any more (renamed or deleted: its IRI is in the
  version's files for good);
* the **names organisations had** (:func:`former_names`): those the releases recorded that
  differ from their names now, which every file lists as alternative names and the pages of
  a version show with the name now;
* **succession** (:func:`succession`): which version each version replaces (pointing
  backwards only), the version list, the current version and the successor credential, for the
  machine-readable files and pages.

Nothing here depends on Git history: a shallow clone holds the whole archive.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from .catalogue import (
    ORGANISATIONS_DIR,
    Archive,
    Catalogue,
    OrganisationNames,
    Release,
    place_in,
    problem_at,
)
from .errors import Problem, Severity, field_label, listing, shorten
from .fs import UnsafeFileError, folder_inside
from .ids import SLUG_RE
from .memo import per_object
from .model import NOT_VERSIONED, VERSION_RE, Credential, CredentialBrief
from .pydantic_problems import validate_entity
from .store import Held, ModelStore, Packed
from .urls import Urls
from .yaml_loader import Document, PathKey, double_quoted, load_yaml

JsonDict = dict[str, Any]

RELEASED_CHANGED = "released-changed"
"""The code of the problem "a released version was changed in the current file"."""

ARCHIVE_DIR = "versions"
"""The archive folder inside the catalogue folder."""
HEADER_KEY = "release"
"""The top-level key of a snapshot that holds the release record."""
FINGERPRINT_RE = re.compile(r"^sha256:[0-9a-f]{64}$")
BASE_URI_RE = re.compile(r"^https?://[^\s?#]+/$", re.IGNORECASE)
"""A ``base_uri`` as a release records it (as ``catalogue.yaml``'s validates: ending in /)."""

NAMED = ("part_of", "parts")
"""The keys of a release record that name other credentials, with the version each of the
version's files names: those it counts towards and those that count towards it (written by
``credcat release`` since 2026-12-04; see :func:`relations_of`). A version ``null`` (``None``):
the other credential was a draft whose version had no permanent address on the release day,
so the files name its record, ``…/<id>/#spec`` on its main page, which stays."""
SUPERSEDES = "supersedes"
"""The key of a release record that names the credentials the version replaces (their
``superseded_by`` named it that day), each with the version its files name (written by
``credcat release`` since 2026-12-04; see :func:`predecessors_of`)."""
RECORDED = (*NAMED, SUPERSEDES)
"""Every key of a release record that names other credentials at a version (each version
must keep its address: :func:`_named_versions`)."""
BUILDS_ON = "builds_on"
"""The key of a release record that names the credentials the version builds on (its
``stackability.builds_on``), each at the version current that day, whose title its files
quote (written by ``credcat release`` since 2026-12-04; see :func:`builds_on_of`)."""
VERSION_MAPS = (*RECORDED, BUILDS_ON)
"""Every key of a release record that maps credential ids to versions."""
TITLES = "titles"
"""The key of a release record that holds the title its files give each version it names
that was not released that day, as the title was then (a released version's title is its
snapshot's, fixed already): a later change of that title changes none of its files
(written by ``credcat release`` since 2026-12-04; see :func:`relations_of`)."""
NAMED_TITLE = "named-title"
"""The code of the warning "a version a release names with its title has another title now"."""
LANGUAGE_KEY_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
"""A language of a title in a release record (``en``, ``pt-BR``)."""
BASE_URI = "base_uri"
"""The key of a release record that holds the catalogue's ``base_uri`` on the day of the
release: every permanent identifier of the version starts with it, so the catalogue's must
stay the same (:func:`check_archive`; written by ``credcat release`` since 2026-12-04). Like
:data:`RECORDED`, part of the record, not of the fingerprint, which covers what the credential
file says."""
PUBLISHER = "publisher"
"""The key of a release record that holds the catalogue's publisher (an organisation id) on
the day of the release: the version's files name it as their publisher, at its IRI, so its
file must stay (:func:`check_archive`; written by ``credcat release`` since 2026-12-05). The
other organisations a version names are in its snapshot
(:meth:`~credcat.model.CredentialDoc.organisation_references`)."""
ORGANISATIONS = "organisations"
"""The key of a release record that holds the name of each organisation the version's files
name (its awarding bodies, providers, assessors and quality assurance bodies, and the
publisher), every language as its file said that day: ``{<id>: {name: {<lang>: <name>}}}``
(written by ``credcat release`` since 2026-12-05). An organisation has one description, at
its one IRI, which says its name now; a name a release recorded that differs from it is one
the organisation had (:func:`former_names`): its files list it as an alternative name
(``altLabel``), and the version's pages show it with the name now. Part of the record, not
of the fingerprint."""
ORGANISATION_GONE = "released-organisation"
"""The code of the error "an organisation a released version names has no file any more"."""
NAME_UNRECORDED = "unrecorded-name"
"""The code of the warning "a release record's names leave out an organisation the version
names"."""

IMMUTABLE_HINT = (
    'raise the version (e.g. version: "{next}") to publish the change as a new version, or '
    "revert it; to correct a typo, revert it and record an erratum (errata:)"
)


# --- version strings ------------------------------------------------------------------------


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key of a version string: numeric segments compare as numbers.

    Segments are separated by dots or hyphens; ``1.10`` > ``1.9`` > ``1.2-1`` > ``1.2``;
    trailing zero segments do not count (``1.0`` and ``1`` are the same version). A segment
    with letters compares as text, after every number (``1.0`` < ``1.rc``).

    Args:
        version: A version as validated by the model (``"1.1"``, ``"2026-1"``).

    Returns:
        A tuple that sorts versions in release order.
    """
    parts: list[tuple[int, int | str]] = [
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.split(r"[.\-]", version)
    ]
    while len(parts) > 1 and parts[-1] == (0, 0):
        parts.pop()
    return tuple(parts)


def next_version(version: str) -> str:
    """A suggestion for the version after ``version``: its last number raised by one."""
    match = re.match(r"^(.*?)(\d+)([^\d]*)$", version)
    if match is None:
        return f"{version}.1"
    return f"{match[1]}{int(match[2]) + 1}{match[3]}"


# --- fingerprints ---------------------------------------------------------------------------


def specification(credential: Credential) -> dict[str, Any]:
    """The released specification of a credential version, as plain JSON data.

    The normalised model (texts as ``{lang: text}``, codes canonical, dates ISO) of every field
    except :data:`~credcat.model.NOT_VERSIONED`; values equal to their defaults are left out,
    so that a field added to the model later, with a default, changes no fingerprint.
    """
    data: dict[str, Any] = credential.model_dump(
        mode="json", exclude=set(NOT_VERSIONED), exclude_defaults=True
    )
    data["id"] = credential.id
    data["version"] = credential.version
    return data


def canonical_json(value: Any) -> str:
    """RFC 8785 (JSON Canonicalization Scheme) text of plain JSON data.

    Keys sorted by their UTF-16 code units, no insignificant white space, strings escaped as
    ECMAScript's ``JSON.stringify`` does, numbers in their shortest ECMAScript form (integral
    numbers without a fraction: ``5.0`` → ``5``).

    Raises:
        ValueError: For values JSON cannot hold (NaN, infinity, other types).
    """
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("JSON has no NaN or infinity")
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        text = repr(value)
        if "e" in text and 1e-6 <= abs(value) < 1e-4:  # Python: 1e-05, ECMAScript: 0.00001
            text = format(Decimal(text), "f")
        return text.replace("e-0", "e-")  # 1e-07 → 1e-7
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical_json(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: str(k).encode("utf-16-be"))
        return (
            "{"
            + ",".join(
                f"{json.dumps(str(k), ensure_ascii=False)}:{canonical_json(value[k])}" for k in keys
            )
            + "}"
        )
    raise ValueError(f"not JSON data: {type(value).__name__}")


@per_object
def fingerprint(credential: Credential) -> str:
    """``sha256:<hex>`` of the JCS form of :func:`specification` (UTF-8); computed once per
    credential object (:func:`credcat.memo.per_object`)."""
    text = canonical_json(specification(credential))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the archive ----------------------------------------------------------------------------


def _display_prefix(catalogue: Catalogue) -> str:
    """How the catalogue folder is shown in problems (``catalogue/``), taken from its settings."""
    doc = catalogue.documents.get("catalogue.yaml")
    if doc is None:
        return ""
    return doc.display[: -len("catalogue.yaml")]


SnapshotLoader = Callable[[Path, str, str], tuple[Release | None, list[Problem]]]
"""``load(path, credential_id, shown)``: one snapshot read and checked (:func:`load_snapshot`
for the catalogue), or taken from an earlier load while its file is unchanged."""


def load_archive(
    catalogue: Catalogue, load: SnapshotLoader | None = None, store: ModelStore | None = None
) -> tuple[Archive, list[Problem]]:
    """Read and validate ``versions/<id>/<version>.yaml`` of a catalogue.

    A released version whose snapshot states exactly what the current credential file does
    (the usual case: the current version, released and not changed since) shares the current
    file's model: a catalogue that publishes its versions holds each credential once.

    Args:
        catalogue: The catalogue the archive belongs to.
        load: How a snapshot is read (default: :func:`load_snapshot`; the validator passes
            one that keeps unchanged snapshots between the loads of ``mkdocs serve``).
        store: Where the models of snapshots are packed, as the catalogue's credentials are
            (:mod:`credcat.store`); ``None`` keeps them in memory.

    Returns:
        The archive of every snapshot that validated, and the problems of the others (file
        name, YAML, header, model and fingerprint problems).
    """
    folder = catalogue.root / ARCHIVE_DIR
    prefix = _display_prefix(catalogue)
    problems: list[Problem] = []
    releases: dict[str, list[Release]] = {}
    refused: set[tuple[str, str]] = set()
    if not folder.is_dir() and not folder.is_symlink():
        return Archive({}), problems
    if not _plain_folder(catalogue.root, ARCHIVE_DIR):
        problems.append(
            Problem(
                f"{prefix}{ARCHIVE_DIR}",
                0,
                0,
                "",
                f"the folder '{ARCHIVE_DIR}' is a link or a loop of links; it is not read",
                "keep the archive a plain folder inside the catalogue folder; restore it from Git",
                code="unsafe-file",
            )
        )
        return Archive({}), problems
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith("."):
            continue
        shown = f"{prefix}{ARCHIVE_DIR}/{sub.name}"
        # a folder (not a link) in the archive folder is inside the catalogue: no need to
        # resolve its path (a rebuild under serve reads the archive of every credential)
        plain = (sub.is_dir() and not sub.is_symlink()) or _plain_folder(
            catalogue.root, f"{ARCHIVE_DIR}/{sub.name}"
        )
        if not plain or not SLUG_RE.fullmatch(sub.name):
            problems.append(
                Problem(
                    shown,
                    0,
                    0,
                    "",
                    "the archive holds one folder per credential id, and nothing else",
                    "snapshots are written by credcat release; restore the archive from Git",
                    code="archive-file",
                )
            )
            continue
        for path in sorted(sub.iterdir()):
            if path.name.startswith("."):
                continue
            if load is None:
                release_, found = load_snapshot(path, sub.name, f"{shown}/{path.name}", catalogue)
            else:
                release_, found = load(path, sub.name, f"{shown}/{path.name}")
            problems.extend(found)
            if release_ is not None:
                releases.setdefault(sub.name, []).append(_shared(release_, catalogue, store))
            elif (version := _named_version(path.name)) is not None and path.is_file():
                refused.add((sub.name, version))  # reported; not missing, not unreleased
    ordered = {
        cid: tuple(sorted(found, key=lambda r: version_key(r.version)))
        for cid, found in sorted(releases.items())
    }
    return Archive(ordered, frozenset(refused)), problems


def _named_version(name: str) -> str | None:
    """The version a snapshot's file name says (``1.2.yaml`` → ``1.2``), or ``None``."""
    version = name[: -len(".yaml")] if name.endswith(".yaml") else ""
    return version if version and VERSION_RE.fullmatch(version) else None


def restore_hint(shown: str) -> str:
    """How to restore a snapshot from Git, with its path as problems show it."""
    return f"restore it from Git: git checkout -- {shlex.quote(shown)}"


def _shared(release_: Release, catalogue: Catalogue, store: ModelStore | None) -> Release:
    """The release with the current file's model where the snapshot states the same (values
    and the fields written), else with its own (packed into ``store`` if given)."""
    current = catalogue.credentials.get(release_.credential.id)
    released = release_.credential
    brief = catalogue.briefs.get(released.id)
    if brief is not None and brief.title == release_.title:  # held once
        release_ = replace(release_, title=brief.title)
    if current is released:
        return release_
    if (
        current is None
        or current != released
        or current.model_fields_set != released.model_fields_set
    ):
        return release_ if store is None else replace(release_, model=store.put(released))
    credentials = catalogue.credentials
    model = credentials.handle(current.id) if isinstance(credentials, Packed) else Held(current)
    return replace(release_, model=model)


def _plain_folder(root: Path, name: str) -> bool:
    """True when ``root/name`` is a folder inside ``root`` (:func:`credcat.fs.folder_inside`)."""
    try:
        return folder_inside(root, name) is not None
    except UnsafeFileError:
        return False


def load_snapshot(
    path: Path, credential_id: str, shown: str, catalogue: Catalogue, name: str | None = None
) -> tuple[Release | None, list[Problem]]:
    problems: list[Problem] = []
    name = name or path.name
    version = _named_version(name)
    if not path.is_file() or version is None:
        problems.append(
            Problem(
                shown,
                0,
                0,
                "",
                "not a snapshot: the archive holds <version>.yaml files only",
                "snapshots are written by credcat release; remove this file",
                code="archive-file",
            )
        )
        return None, problems
    doc, found = load_yaml(path, shown, catalogue.root)
    problems.extend(found)
    if doc is None:
        return None, problems
    header = doc.data.get(HEADER_KEY)
    doc.data = {k: v for k, v in doc.data.items() if k != HEADER_KEY}
    record = _header(doc, header, problems)
    context = {"default_language": record.get("language") or catalogue.settings.default_language}
    # as released, for good: not checked again for how its values are written
    credential = validate_entity(Credential, doc, credential_id, context, problems, released=True)
    if credential is None or not record:
        return None, problems
    if credential.version != version:
        line, column = doc.where(("version",))
        problems.append(
            Problem(
                shown,
                line,
                column,
                "version",
                f"this snapshot is named {version}.yaml but holds version {credential.version}",
                f"snapshots are written by credcat release; {restore_hint(shown)}",
                code="archive-tampered",
            )
        )
        return None, problems
    if fingerprint(credential) != record["fingerprint"]:
        line, column = doc.where((HEADER_KEY, "fingerprint"))
        problems.append(
            Problem(
                shown,
                line,
                column,
                f"{HEADER_KEY}.fingerprint",
                f"released version {version} was edited after its release: its content no "
                "longer matches its fingerprint",
                f"{restore_hint(shown)}; a released version never changes: record a "
                "correction as an erratum in the credential file",
                code="archive-tampered",
            )
        )
        return None, problems
    if credential.status in ("retired", "superseded"):
        # released by a credcat that still released a credential no longer offered
        line, column = doc.where(("status",))
        problems.append(
            Problem(
                shown,
                line,
                column,
                "status",
                f"version {version} was released with status: {credential.status}, so its "
                f"files say {credential.status} from the day they were published",
                "write status: active here: a version is released while it is offered, and "
                "the status is not part of the fingerprint (the credential file says what it "
                "is now)",
                severity=Severity.WARNING,
                code="snapshot-status",
                loc=("status",),
            )
        )
    if credential.status_note is not None:
        # written into a snapshot by hand (credcat release refuses a status note: credcat
        # check allows one only on a credential no longer offered, which is never released)
        line, column = doc.where(("status_note",))
        problems.append(
            Problem(
                shown,
                line,
                column,
                "status_note",
                f"version {version} holds a status_note, which is no part of a version: no "
                "page or file shows it (they show the credential file's)",
                "remove status_note here and write it in the credential file, where it says "
                "what a reader should know of the credential's status now",
                severity=Severity.WARNING,
                code="snapshot-status-note",
                loc=("status_note",),
            )
        )
    return (
        Release(
            model=Held(credential),
            version=sys.intern(version),
            released=record["date"],
            fingerprint=record["fingerprint"],
            replaces=record["replaces"],
            source=f"{ARCHIVE_DIR}/{credential_id}/{name}",
            read=partial(_reread, path, shown, catalogue.root),
            part_of=tuple(credential.stackability.part_of) if credential.stackability else (),
            title=credential.title,
            named=record["named"],
            supersedes=record["supersedes"],
            builds_on=record["builds_on"],
            titles=record["titles"],
            base_uri=record["base_uri"],
            organisations=tuple(
                (loc, sys.intern(oid)) for loc, oid in credential.organisation_references()
            ),
            publisher=record["publisher"],
            organisation_names=record["names"],
        ),
        problems,
    )


def _reread(path: Path, shown: str, root: Path) -> Document:
    """A snapshot read again, as :func:`load_snapshot` reads it (its data without the release
    record); an empty document (positions unknown) if it can no longer be read."""
    doc, _found = load_yaml(path, shown, root)
    if doc is None:
        return Document(path, shown, {})
    doc.data = {k: v for k, v in doc.data.items() if k != HEADER_KEY}
    return doc


def _header(doc: Document, header: Any, problems: list[Problem]) -> dict[str, Any]:
    """The validated ``release:`` record of a snapshot; empty (and reported) when unusable."""

    def bad(loc: PathKey, message: str) -> dict[str, Any]:
        line, column = doc.where(loc)
        if any(
            p.is_error and (p.loc[: len(loc)] == loc or (not p.loc and p.line == line))
            for p in problems
        ):
            # the file's reading reported an error in it already (a control character, a
            # text too long, a YAML tag): that one says precisely what is wrong
            return {}
        problems.append(
            Problem(
                doc.display,
                line,
                column,
                field_label(loc),
                message,
                f"snapshots are written by credcat release; {restore_hint(doc.display)}",
                code="archive-header",
                loc=loc,
            )
        )
        return {}

    if not isinstance(header, dict):
        return bad((HEADER_KEY,), "a snapshot starts with its release record (release:)")
    known = {
        "date",
        "fingerprint",
        "replaces",
        "language",
        BASE_URI,
        PUBLISHER,
        *VERSION_MAPS,
        TITLES,
        ORGANISATIONS,
    }
    unknown = sorted(set(header) - known)
    if unknown:
        return bad((HEADER_KEY, unknown[0]), f"unknown key '{unknown[0]}' in the release record")
    when, digest, replaces = header.get("date"), header.get("fingerprint"), header.get("replaces")
    language = header.get("language")
    if not isinstance(when, date):
        return bad((HEADER_KEY, "date"), "the release date is missing or not a date")
    if not isinstance(digest, str) or not FINGERPRINT_RE.fullmatch(digest):
        return bad((HEADER_KEY, "fingerprint"), "the fingerprint is missing or not sha256:<hex>")
    if replaces is not None and (
        not isinstance(replaces, str) or not VERSION_RE.fullmatch(replaces)
    ):
        return bad((HEADER_KEY, "replaces"), "'replaces' is not a version")
    if language is not None and not (
        isinstance(language, str) and LANGUAGE_KEY_RE.fullmatch(language)
    ):  # the default language the version was released in: as credcat release wrote it
        return bad((HEADER_KEY, "language"), "'language' is not a language code")
    base_uri = header.get(BASE_URI)
    if base_uri is not None and (
        not isinstance(base_uri, str) or not BASE_URI_RE.fullmatch(base_uri)
    ):
        return bad((HEADER_KEY, BASE_URI), f"'{BASE_URI}' is not an http(s) address ending in /")
    publisher = header.get(PUBLISHER)
    if publisher is not None and (
        not isinstance(publisher, str) or not SLUG_RE.fullmatch(publisher)
    ):
        return bad((HEADER_KEY, PUBLISHER), f"'{PUBLISHER}' is not an organisation id")
    named: dict[str, tuple[tuple[str, str | None], ...]] = {}
    for key in VERSION_MAPS:
        value = header.get(key)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(
            isinstance(k, str)
            and SLUG_RE.fullmatch(k)
            and (
                (isinstance(v, str) and VERSION_RE.fullmatch(v))
                or (v is None and key in NAMED)  # named at its record (a draft's)
            )
            for k, v in value.items()
        ):
            return bad((HEADER_KEY, key), f"'{key}' is not a map of credential ids to versions")
        named[key] = tuple(sorted(value.items()))
    titles = header.get(TITLES)
    if titles is not None and not (
        isinstance(titles, dict)
        and all(
            isinstance(k, str) and SLUG_RE.fullmatch(k) and _is_title(v) for k, v in titles.items()
        )
    ):
        return bad((HEADER_KEY, TITLES), f"'{TITLES}' is not a map of credential ids to titles")
    organisations = header.get(ORGANISATIONS)
    if organisations is not None:
        wrong = _not_names(organisations) if isinstance(organisations, dict) else [None]
        if wrong:  # at the entry that is none
            at = (
                (HEADER_KEY, ORGANISATIONS)
                if wrong[0] is None
                else (HEADER_KEY, ORGANISATIONS, wrong[0])
            )
            return bad(at, f"'{ORGANISATIONS}' is not a map of organisation ids to their names")
    return {
        "date": when,
        "fingerprint": digest,
        "replaces": replaces,
        "language": language,
        "named": (named["part_of"], named["parts"]) if all(k in named for k in NAMED) else None,
        "supersedes": named.get(SUPERSEDES),
        "builds_on": named.get(BUILDS_ON),
        "titles": None
        if titles is None
        else tuple(sorted((k, tuple(sorted(v.items()))) for k, v in titles.items())),
        "base_uri": base_uri,
        "publisher": publisher,
        "names": recorded_names({HEADER_KEY: header}),
    }


def recorded_names(snapshot: Any) -> OrganisationNames | None:
    """The name of each organisation a snapshot's release record holds (:data:`ORGANISATIONS`:
    ``release: organisations: {<id>: {name: {<lang>: <name>}}}``), from the snapshot's data
    as YAML gives it, before any model: sorted by id, each held once (:data:`_NAMES`).
    ``None`` where its record holds none (a snapshot released before records held names) or
    holds them in another shape (which the archive's rules report, :func:`_header`). The one
    reading of them: the archive's (:func:`load_snapshot`) and ``credcat import``'s, which
    reads a catalogue's files without loading its models."""
    header = snapshot.get(HEADER_KEY) if isinstance(snapshot, dict) else None
    organisations = header.get(ORGANISATIONS) if isinstance(header, dict) else None
    if not isinstance(organisations, dict) or _not_names(organisations):
        return None
    return _names_held(organisations)


def _not_names(organisations: dict[Any, Any]) -> list[Any]:
    """The keys of a release record's :data:`ORGANISATIONS` that are no organisation id
    holding its name (``{name: {<lang>: <name>}}``)."""
    return [
        k
        for k, v in organisations.items()
        if not (
            isinstance(k, str)
            and SLUG_RE.fullmatch(k)
            and isinstance(v, dict)
            and set(v) == {"name"}
            and _is_title(v["name"])
        )
    ]


_NAMES: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, tuple[tuple[str, str], ...]]] = {}
"""Each organisation's name as release records hold it, once per process: a catalogue that
publishes its versions records the same few names in nearly every snapshot."""


def _names_held(organisations: dict[str, Any]) -> OrganisationNames:
    """The names of a release record (:data:`ORGANISATIONS`), sorted, each held once."""
    held = []
    for oid, entry in sorted(organisations.items()):
        name = tuple(
            (sys.intern(lang), sys.intern(text)) for lang, text in sorted(entry["name"].items())
        )
        found = (sys.intern(oid), name)
        held.append(_NAMES.setdefault(found, found))
    return tuple(held)


def _is_title(value: Any) -> bool:
    """Whether a release record's value is a title: ``{language: text}``, not empty."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            isinstance(lang, str)
            and LANGUAGE_KEY_RE.fullmatch(lang)
            and isinstance(text, str)
            and text.strip()
            for lang, text in value.items()
        )
    )


# --- rules ----------------------------------------------------------------------------------


def check_archive(catalogue: Catalogue) -> list[Problem]:
    """Every problem of released versions (a rule of ``check_catalogue``).

    The archive itself is read once, by :mod:`credcat.validate` (:func:`load_archive`), into
    :attr:`Catalogue.archive`; its own problems (file names, headers, fingerprints) come from
    there.
    """
    archive = catalogue.archive
    problems: list[Problem] = []
    problems.extend(_orphans(catalogue, archive))
    problems.extend(_chains(catalogue, archive))
    problems.extend(_current_versions(catalogue, archive))
    problems.extend(_named_versions(catalogue, archive))
    problems.extend(_named_titles(catalogue, archive))
    problems.extend(_errata(catalogue, archive))
    problems.extend(_base_uris(catalogue, archive))
    problems.extend(_organisations(catalogue, archive))
    problems.extend(_unrecorded_names(catalogue, archive))
    return problems


def _snapshot_problem(
    release_: Release,
    loc: PathKey,
    message: str,
    hint: str,
    code: str,
    severity: Severity = Severity.ERROR,
    *,
    key: bool = False,
) -> Problem:
    """An error (or ``severity``) at ``loc`` of a snapshot, or at its key
    (:func:`credcat.catalogue.place_in`: a single value written where a list is allowed is
    named by its key)."""
    place = place_in(release_.document, loc, key=key)
    return Problem(
        place.display,
        place.line,
        place.column,
        place.label,
        message,
        hint,
        severity=severity,
        code=code,
        loc=place.loc,
    )


def _orphans(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    for cid, found in archive.releases.items():
        if cid in catalogue.credentials or f"credential:{cid}" in catalogue.invalid:
            continue
        yield _snapshot_problem(
            found[0],
            (HEADER_KEY,),
            f"credential '{cid}' has released versions but no file credentials/{cid}.yaml any more",
            f"restore credentials/{cid}.yaml: a published credential is never deleted; "
            "set status: retired (or superseded) instead",
            "archive-orphan",
        )


def _chains(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """Each snapshot names the version it replaces (a deleted snapshot leaves a gap), and is
    dated on or after it."""
    prefix = _display_prefix(catalogue)
    for cid, found in archive.releases.items():
        known = {r.version for r in found}
        for before, release_ in zip((None, *found), found, strict=False):
            expected = before.version if before else None
            if before is not None and release_.released < before.released:
                # the versions' order is their dates' order: what other credentials' files
                # name is found by date (relations_of)
                yield _snapshot_problem(
                    release_,
                    (HEADER_KEY, "date"),
                    f"version {release_.version} of '{cid}' is dated "
                    f"{release_.released}, before version {before.version} it replaces "
                    f"({before.released})",
                    "restore the archive from Git; snapshots are written by credcat release",
                    "archive-date",
                )
            if release_.replaces == expected:
                continue
            loc = (HEADER_KEY, "replaces")
            if release_.replaces is not None and release_.replaces not in known:
                if archive.refuses(cid, release_.replaces):
                    continue  # its snapshot is there but edited or broken: reported there
                gone = f"{prefix}{ARCHIVE_DIR}/{cid}/{release_.replaces}.yaml"
                yield _snapshot_problem(
                    release_,
                    loc,
                    f"released version {release_.replaces} of '{cid}' is missing: its snapshot "
                    f"{gone} was deleted",
                    f"{restore_hint(gone)} (once the deletion is committed, name the commit "
                    "before it: git checkout <commit>~1 -- …); every released version stays "
                    "published for good",
                    "archive-gap",
                )
            else:
                was = f"version {expected}" if expected else "no earlier version"
                yield _snapshot_problem(
                    release_,
                    loc,
                    f"version {release_.version} of '{cid}' records that it replaces "
                    f"{release_.replaces or 'nothing'}, but the archive holds {was} before it",
                    "restore the archive from Git; snapshots are written by credcat release",
                    "archive-gap",
                )


def _current_versions(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    for cid, credential in catalogue.credentials.items():
        latest = archive.latest(cid)
        if latest is None or archive.refuses(cid, credential.version):
            continue  # a snapshot of its version that did not validate is reported there
        released = archive.get(cid, credential.version)
        if released is None:
            if version_key(credential.version) <= version_key(latest.version):
                yield problem_at(
                    catalogue,
                    "credential",
                    cid,
                    ("version",),
                    f"versions only go up: version {credential.version} is not after the "
                    f"released version {latest.version}",
                    f'write version: "{next_version(latest.version)}"',
                    code="version-order",
                )
            elif credential.published is not None and credential.published < latest.released:
                yield problem_at(
                    catalogue,
                    "credential",
                    cid,
                    ("published",),
                    f"version {credential.version} says it was published on "
                    f"{credential.published}, before the version it replaces, "
                    f"{latest.version}, was released ({latest.released})",
                    "write the date this version is published (the day you release it, or "
                    "later): it still gives the date of an earlier version",
                    code="published-order",
                )
            elif credential.status != "draft":
                yield problem_at(
                    catalogue,
                    "credential",
                    cid,
                    ("version",),
                    f"version {credential.version} is not released: the site publishes it at "
                    f"its permanent address, where it could still change after credentials "
                    f"are issued against it",
                    f"run credcat release {cid} once it is final, and commit the snapshot with "
                    "this file",
                    severity=Severity.WARNING,
                    code="version-unreleased",
                )
            continue
        if released is not latest:
            yield problem_at(
                catalogue,
                "credential",
                cid,
                ("version",),
                f"versions only go up: version {credential.version} was replaced by the "
                f"released version {latest.version}",
                f'write version: "{next_version(latest.version)}", with everything that '
                f"{latest.version} says",
                code="version-order",
            )
            continue
        yield from _immutable(catalogue, credential, released)


def unreleased_names(archive: Archive, named: Mapping[str, Mapping[str, str | None]]) -> list[str]:
    """Of the credentials a release record names (``part_of``/``parts``/``supersedes``: id →
    version), those named at a version not released (yet), as ``id version`` (once each); not
    those named at their record (version ``None``: a draft's), an address that stays."""
    found = [
        f"{other} {version}"
        for group in RECORDED
        for other, version in named.get(group, {}).items()
        if version is not None and archive.get(other, version) is None
    ]
    return list(dict.fromkeys(found))


def record_names(named: Mapping[str, Mapping[str, str | None]]) -> list[str]:
    """Of the credentials a release record names, those named at their record, not at a
    version (a draft whose version has no permanent address), once each."""
    found = [
        other
        for group in RECORDED
        for other, version in named.get(group, {}).items()
        if version is None
    ]
    return list(dict.fromkeys(found))


def _named_versions(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """Every version a released version names (a whole it counts towards, a part, a
    credential it replaces) stays at its address: it is released, or still the other
    credential's current version. A version named while it was current, then left without
    being released, has no address any more, and the released files that name it can never
    be corrected."""
    reported: set[tuple[str, str]] = set()
    for cid, found in archive.releases.items():
        for release_ in found:
            for other, version in itertools.chain(
                *(release_.named or ()), release_.supersedes or ()
            ):
                credential = catalogue.credentials.get(other)
                if (
                    version is None  # named at its record, which stays
                    or (other, version) in reported
                    or archive.get(other, version) is not None
                    or archive.refuses(other, version)
                    or credential is None
                    or credential.version == version
                ):
                    continue
                reported.add((other, version))
                yield problem_at(
                    catalogue,
                    "credential",
                    other,
                    ("version",),
                    f"released version {release_.version} of '{cid}' names version {version} "
                    f"of this credential, which was never released: now that it is "
                    f"{credential.version}, the address that file names would never exist",
                    f'write version: "{version}" again, run credcat release {other}, then raise '
                    "the version",
                    code="named-unreleased",
                )


def _named_titles(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """A version a released version names with its title (a whole it counts towards, a part:
    ``isPartOf``, ``hasPart``) while it is not released keeps, in each language, the title
    that release recorded: the released files name it so for good, and its own files giving
    it another title would give it two in one language to whoever merges them. A warning (the
    title of a version not yet released may be corrected); ``credcat release`` of that
    version refuses while it stands, so that the two never disagree for good. (A credential
    a version replaces is named by its achievement without a title.)"""
    reported: set[tuple[str, str]] = set()
    for cid, found in archive.releases.items():
        for release_ in found:
            recorded = dict(release_.titles or ())
            for other, version in itertools.chain(*(release_.named or ())):
                then = dict(recorded.get(other, ()))
                credential = catalogue.credentials.get(other)
                if (
                    not then
                    or (other, version) in reported
                    or credential is None
                    or credential.version != version
                    or archive.get(other, version) is not None
                ):
                    continue
                changed = [
                    lang for lang, text in then.items() if credential.title.get(lang) != text
                ]
                if not changed:
                    continue
                reported.add((other, version))
                lang = changed[0]
                more = [f"'{then[c]}' ({c})" for c in changed[1:]]
                yield problem_at(
                    catalogue,
                    "credential",
                    other,
                    ("title", lang) if lang in credential.title else ("title",),
                    f"released version {release_.version} of '{cid}' names version {version} "
                    f"of this credential with the title it had then, '{then[lang]}' ({lang})"
                    + (f", and {listing(more)}" if more else "")
                    + ": its files keep that title for good, so that version now has two",
                    f"write the title as it was until version {version} is released (credcat "
                    f"release {other}); to give it another title, release it first, then raise "
                    "the version",
                    severity=Severity.WARNING,
                    code=NAMED_TITLE,
                )


def _immutable(catalogue: Catalogue, current: Credential, released: Release) -> Iterator[Problem]:
    """A current file with a released version may differ from it only in NOT_VERSIONED fields."""
    from .changes import changes  # local: changes is only needed when something changed

    # the same model, or the same fingerprint (kept per model): the same specification
    if released.credential is current or fingerprint(current) == released.fingerprint:
        return
    now, then = specification(current), specification(released.credential)
    hint = IMMUTABLE_HINT.format(next=next_version(released.version))
    said: dict[str, str] = {}
    for change in changes(released.credential, current):
        said.setdefault(change.field, change.text())
    for name in sorted(set(now) | set(then), key=_field_order):
        if now.get(name) == then.get(name):
            continue
        loc = (name, *_first_difference(now.get(name), then.get(name)))
        what = name.replace("_", " ")
        read_as = _read_anew(now, then, loc, catalogue.settings.default_language)
        if read_as is not None:  # the same words, now read in another language
            yield _read_anew_problem(catalogue, current, released, loc, read_as)
            continue
        if name not in now:
            message = f"'{what}' was removed, but version {released.version} is released with it"
            loc = ("version",)
        elif name not in then:
            message = f"'{what}' was added, but version {released.version} is released without it"
        else:
            message = f"'{what}' differs from released version {released.version}"
        if name in said:
            message += f": {said[name]}"
        yield problem_at(
            catalogue,
            "credential",
            current.id,
            loc,
            message + " (released versions never change)",
            hint,
            code=RELEASED_CHANGED,
        )


def _read_anew(
    now: Mapping[str, Any], then: Mapping[str, Any], loc: PathKey, default: str
) -> tuple[str, str] | None:
    """Where the first difference of a field is a text whose words are those released, now
    in the catalogue's default language and then in another: ``(the language it was released
    in, its words)``. A text written as a plain string is in the default language; once
    ``catalogue.yaml`` names another (a catalogue that goes from English to Portuguese), a
    plain string of a released version reads as a changed text, unchanged. ``None`` for any
    other difference."""
    if len(loc) < 2 or loc[-1] != default:
        return None
    new: Any = now
    old: Any = then
    for key in loc[:-1]:
        try:
            new, old = new[key], old[key]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(new, dict) or not isinstance(old, dict) or len(new) != 1:
        return None
    words = new.get(default)
    released_in = [lang for lang, text in old.items() if lang != default and text == words]
    return (released_in[0], str(words)) if released_in else None


def _read_anew_problem(
    catalogue: Catalogue,
    current: Credential,
    released: Release,
    loc: PathKey,
    read_as: tuple[str, str],
) -> Problem:
    """The error of a released text read anew in the default language (:func:`_read_anew`):
    what happened, and the one change that keeps the version as released (the text's language
    written out), not a new version for words nobody changed."""
    lang, words = read_as
    default = catalogue.settings.default_language
    key = loc[-2] if isinstance(loc[-2], str) else "text"
    what = str(loc[0]).replace("_", " ")
    return problem_at(
        catalogue,
        "credential",
        current.id,
        loc[:-1],  # the text as written: no key of the language it is read in
        f"'{what}' reads as changed since released version {released.version}: "
        f"'{words}', written as a plain string, is read as {default} (default_language in "
        f"catalogue.yaml), and version {released.version} was released reading it as {lang} "
        "(released versions never change)",
        f'write the language it is in: {key}: {{{lang}: "{words}"}}',
        code=RELEASED_CHANGED,
    )


def _field_order(name: str) -> int:
    fields = list(Credential.model_fields)
    return fields.index(name) if name in fields else len(fields)


def _first_difference(new: Any, old: Any) -> PathKey:
    """The path below two values to the first place they differ."""
    if isinstance(new, dict) and isinstance(old, dict):
        for key in [*new, *(k for k in old if k not in new)]:
            if new.get(key) != old.get(key):
                if key not in new:
                    return ()
                return (key, *_first_difference(new.get(key), old.get(key)))
    if isinstance(new, list) and isinstance(old, list):
        for index, item in enumerate(new):
            if index >= len(old) or item != old[index]:
                if index >= len(old):
                    return (index,)
                return (index, *_first_difference(item, old[index]))
    return ()


def _base_uris(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """The catalogue's ``base_uri`` is the one every release recorded (:data:`BASE_URI`): it
    starts each released version's permanent identifiers, which credentials issued against it
    hold for good. One error at ``catalogue.yaml`` per other address recorded; a snapshot
    written before releases recorded it is not compared (nothing says where it was)."""
    now = catalogue.settings.base_uri
    moved: dict[str, list[str]] = {}
    for cid, found in archive.releases.items():
        for release_ in found:
            if release_.base_uri is not None and release_.base_uri != now:
                moved.setdefault(release_.base_uri, []).append(f"{cid} {release_.version}")
    for then, versions in sorted(moved.items()):
        one = len(versions) == 1
        it, its = ("that version", "its") if one else ("those versions", "their")
        count = "1 released version" if one else f"{len(versions):,} released versions"
        yield problem_at(
            catalogue,
            "catalogue",
            "",
            ("base_uri",),
            f"{count} ({listing(versions)}) {'was' if one else 'were'} released under base_uri "
            f"{shorten(then)}: every permanent identifier of {it} starts with it, and "
            f"credentials issued against {it} hold those identifiers for good; under "
            f"{shorten(now)}, {its} files would name others",
            f"set base_uri back to {shorten(then)}: a permanent identifier cannot move. To "
            f"serve the site from another address, keep base_uri and keep {shorten(then)} "
            "answering (its domain pointed at the new host, or each of its addresses "
            "redirected to the same path there); a catalogue under another base_uri is a new "
            "catalogue, with versions released anew",
            code="base-uri-moved",
        )


ROLE_NAMES = {
    "awarding_body": "awarding body",
    "provider": "provider",
    "assessor": "assessor",
    "quality_assurance": "quality assurance body",
    HEADER_KEY: "publisher",
}
"""How the first key of a place that names an organisation reads in a problem."""


def _organisations(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """Every organisation a released version names (its snapshot's awarding bodies,
    providers, assessors and quality assurance bodies, and the publisher its release
    recorded: :data:`PUBLISHER`) keeps its file, ``organisations/<id>.yaml``: the version's
    files name it at ``…/organisations/<id>/#org`` for good, and credentials issued against
    the version hold that IRI, so its id can neither change nor go (and its files could not
    be written without it). One error per organisation, at the first snapshot that names it,
    with every version that does; an organisation whose file has errors is reported there."""
    known = catalogue.organisations
    named = released_organisations(catalogue)
    if named <= known.keys():
        return
    gone: dict[str, list[tuple[str, Release, PathKey]]] = {}
    for cid, found in archive.releases.items():
        for release_ in found:
            refs = list(release_.organisations)
            if release_.publisher is not None:
                refs.append(((HEADER_KEY, PUBLISHER), release_.publisher))
            for loc, oid in refs:
                if oid not in known and f"organisation:{oid}" not in catalogue.invalid:
                    gone.setdefault(oid, []).append((cid, release_, loc))
    if not gone:
        return
    prefix = _display_prefix(catalogue)
    urls = Urls.of(catalogue.settings)

    def path(oid: str) -> str:
        return shlex.quote(f"{prefix}{ORGANISATIONS_DIR}/{oid}.yaml")

    for oid, where in sorted(gone.items()):
        versions = list(dict.fromkeys(f"{cid} {r.version}" for cid, r, _loc in where))
        keys = {loc[0] for _cid, _release, loc in where}
        roles = [role for key, role in ROLE_NAMES.items() if key in keys]
        one = len(versions) == 1
        it, its = ("that version", "its") if one else ("those versions", "their")
        count = "1 released version" if one else f"{len(versions):,} released versions"
        message = (
            f"organisation '{oid}' has no file {ORGANISATIONS_DIR}/{oid}.yaml any more, but "
            f"{count} ({listing(versions)}) name{'s' if one else ''} it as {its} "
            f"{listing(roles, ' and ')}: {its} files name it at {urls.organisation_iri(oid)} "
            f"for good, and credentials issued against {it} hold that address"
        )
        keeps = (
            "an organisation a released version names keeps its id for good; to change its "
            "name, edit name: in its file"
        )
        new = _renamed_to(catalogue, oid, where, named)
        if new is not None:
            message += (
                f"; it seems to have been renamed to '{new}', which the files name in its place now"
            )
            hint = (
                f"rename it back (git mv {path(new)} {path(oid)}) and write '{oid}' again "
                f"wherever a file names '{new}': {keeps}"
            )
        else:
            hint = (
                f"restore it from Git: git checkout -- {path(oid)} (once the deletion is "
                "committed, name the commit before it: git checkout <commit>~1 -- …): "
                f"{keeps}; to name another organisation, raise the version of the credential "
                "that names it (its released versions still name this one)"
            )
        _cid, first, loc = where[0]
        yield _snapshot_problem(first, loc, message, hint, ORGANISATION_GONE)


def name_entry(oid: str, name: Mapping[str, str]) -> str:
    """One organisation's entry of a release record's :data:`ORGANISATIONS`, as ``credcat
    release`` writes it: ``<id>: {name: {de: "…", en: "…"}}`` (the languages in the order of
    ``name``)."""
    texts = ", ".join(f"{lang}: {double_quoted(text)}" for lang, text in name.items())
    return f"{oid}: {{name: {{{texts}}}}}"


def unrecorded(release_: Release) -> dict[str, list[str]]:
    """The organisations a release record's names (:data:`ORGANISATIONS`) leave out, of those
    its version names (its snapshot's, and the publisher it recorded), each with the keys of
    the places that name it (``awarding_body`` …, ``release`` for the publisher); empty where
    the record holds them all, or none (a snapshot released before records held names)."""
    if release_.organisation_names is None:
        return {}
    held = {oid for oid, _name in release_.organisation_names}
    refs = list(release_.organisations)
    if release_.publisher is not None:
        refs.append(((HEADER_KEY, PUBLISHER), release_.publisher))
    missing: dict[str, list[str]] = {}
    for loc, oid in refs:
        if oid not in held:
            keys = missing.setdefault(oid, [])
            if str(loc[0]) not in keys:
                keys.append(str(loc[0]))
    return missing


def shown_unrecorded(release_: Release) -> list[str]:
    """The organisations of :func:`unrecorded` that the version's page and summary show under
    today's name and say so (:func:`credcat.render.site.credential.names_today_note`): those
    its snapshot names, sorted (the publisher alone is shown as it is named now, whatever a
    release recorded)."""
    return sorted(
        oid for oid, keys in unrecorded(release_).items() if any(key != HEADER_KEY for key in keys)
    )


def _unrecorded_names(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    """A release record whose names (:data:`ORGANISATIONS`) leave out an organisation its
    version names: ``credcat release`` records every one, so the record was edited (or
    written by hand). Its pages show that organisation under today's name and say so
    (:func:`credcat.render.site.credential.names_today_note`), and its files list no name it
    had then; a warning, as nothing is wrong with what they say of the version, at the
    record's ``organisations:``, with the names to add. An organisation with no file any
    more is reported already (:func:`_organisations`)."""
    for cid, found in archive.releases.items():
        for release_ in found:
            missing = {
                oid: keys
                for oid, keys in unrecorded(release_).items()
                if oid in catalogue.organisations
            }
            if not missing:
                continue
            roles = {
                oid: listing([role for key, role in ROLE_NAMES.items() if key in keys], " and ")
                for oid, keys in missing.items()
            }
            one = len(missing) == 1
            said = listing(f"'{oid}' (its {roles[oid]})" for oid in sorted(missing))
            day = release_.released.isoformat()
            entries = "; ".join(
                name_entry(oid, dict(sorted(catalogue.organisations[oid].name.items())))
                for oid in sorted(missing)
            )
            shown = any(oid in missing for oid in shown_unrecorded(release_))
            message = (
                f"the release record of {cid} {release_.version} holds the names of the "
                f"organisations it names but not of {said}: "
                + (
                    f"the version's page and summary show {'it' if one else 'them'} under "
                    "today's name and say so, and "
                    if shown
                    else ""
                )
                + f"its files list no name {'it' if one else 'they'} had on {day}"
            )
            hint = (
                f"if {'it was' if one else 'none was'} not renamed since {day}, run credcat "
                f"record-names, which adds {'its name' if one else 'their names'} as "
                f"{'its file says' if one else 'their files say'} today; else add "
                f"{'it' if one else 'them'} under release: organisations: with the "
                f"name{'' if one else 's'} of {day}, written as today's would be: {entries}"
            )
            yield _snapshot_problem(
                release_,
                (HEADER_KEY, ORGANISATIONS),
                message,
                hint,
                NAME_UNRECORDED,
                Severity.WARNING,
                key=True,
            )


def released_organisations(catalogue: Catalogue) -> frozenset[str]:
    """The ids of every organisation a released version names (its snapshot, and the
    publisher its release recorded), found once per catalogue, reading no model."""
    known = catalogue.memo.get(("released-organisations", ""))
    if isinstance(known, frozenset):
        return known
    found: set[str] = set()
    for releases in catalogue.archive.releases.values():
        for release_ in releases:
            found.update(oid for _loc, oid in release_.organisations)
            if release_.publisher is not None:
                found.add(release_.publisher)
    frozen = frozenset(found)
    catalogue.memo[("released-organisations", "")] = frozen
    return frozen


def organisation_names_now(
    catalogue: Catalogue, credential: Credential
) -> dict[str, dict[str, str]]:
    """What a release of ``credential`` records of the organisations its files name
    (:data:`ORGANISATIONS`): the name of each (awarding bodies, providers, assessors, quality
    assurance bodies) and of the catalogue's publisher, in every language, as their files say
    now; ids and languages sorted."""
    ids = {oid for _loc, oid in credential.organisation_references()}
    return organisation_names(catalogue, {*ids, catalogue.settings.publisher})


def organisation_names(catalogue: Catalogue, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """The name of each of ``ids`` that has a file, in every language, as its file says now:
    a release record's :data:`ORGANISATIONS`, ids and languages sorted."""
    return {
        oid: dict(sorted(catalogue.organisations[oid].name.items()))
        for oid in sorted(set(ids))
        if oid in catalogue.organisations
    }


FormerNames = Mapping[str, Mapping[str, tuple[str, ...]]]
"""Organisation id → language → the names it had (:func:`former_names`)."""


def former_names(catalogue: Catalogue) -> FormerNames:
    """The names each organisation had when versions naming it were released: in each
    language, every name a release recorded (:data:`ORGANISATIONS`) that differs from its
    name in that language now, each once, those recorded first first (then by name). Only
    organisations that have a file; none for snapshots written before releases recorded
    names. Found once per catalogue, reading no model.

    Every file that describes an organisation lists them as alternative names (``altLabel``,
    beside its short name), so that one IRI has one description in every file, whichever
    version's; the check page accepts a credential that names its issuer so.

    Only names in a language the catalogue offers or the organisation's name has now count:
    ``credcat release`` records no other, and a record edited to hold its name in thousands
    of languages (which ``credcat check`` reads without a word) would put each into every
    file that names the organisation."""
    known = catalogue.memo.get(("former-names", ""))
    if isinstance(known, dict):
        return known
    offered = {catalogue.settings.default_language, *catalogue.settings.languages}
    first: dict[str, dict[str, dict[str, date]]] = {}
    for releases in catalogue.archive.releases.values():
        for release_ in releases:
            for oid, name in release_.organisation_names or ():
                org = catalogue.organisations.get(oid)
                if org is None:
                    continue
                for lang, text in name:
                    if org.name.get(lang) == text or (lang not in offered and lang not in org.name):
                        continue
                    seen = first.setdefault(oid, {}).setdefault(lang, {})
                    if text not in seen or release_.released < seen[text]:
                        seen[text] = release_.released
    found: dict[str, dict[str, tuple[str, ...]]] = {
        oid: {
            lang: tuple(text for _day, text in sorted((day, text) for text, day in seen.items()))
            for lang, seen in sorted(langs.items())
        }
        for oid, langs in sorted(first.items())
    }
    catalogue.memo[("former-names", "")] = found
    return found


def _renamed_to(
    catalogue: Catalogue,
    oid: str,
    where: list[tuple[str, Release, PathKey]],
    named: frozenset[str],
) -> str | None:
    """The organisation ``oid`` was renamed to, when the files name one in its place: where
    a released version names ``oid``, its credential's file (or ``catalogue.yaml``, for the
    publisher) now names one organisation that has a file and that no release names."""
    found: set[str] = set()
    for cid, _release, loc in where:
        if loc == (HEADER_KEY, PUBLISHER):
            now: str | None = catalogue.settings.publisher
        else:
            current = catalogue.credentials.get(cid)
            now = dict(current.organisation_references()).get(loc) if current else None
        if now is not None and now in catalogue.organisations and now not in named:
            found.add(now)
    return found.pop() if len(found) == 1 else None


def _errata(catalogue: Catalogue, archive: Archive) -> Iterator[Problem]:
    for cid, credential in catalogue.credentials.items():
        for index, erratum in enumerate(credential.errata):
            if archive.get(cid, erratum.version) is None and not archive.refuses(
                cid, erratum.version
            ):
                yield problem_at(
                    catalogue,
                    "credential",
                    cid,
                    ("errata", index, "version"),
                    f"version {erratum.version} is not released: errata are for released "
                    "versions only",
                    "correct an unreleased version directly in the file, or name a released "
                    "version: " + (listing(r.version for r in archive.of(cid)) or "(none yet)"),
                    code="erratum-version",
                )


# --- summary and succession -----------------------------------------------------------------


def summary(catalogue: Catalogue, archive: Archive) -> str:
    """One line for ``credcat check``: released versions, and the versions not yet released.

    A draft's version is listed apart: ``credcat release`` refuses a draft, so the line does
    not tell the maintainer to run it before the status is active. Versions released before
    release records held organisations' names are counted, with ``credcat record-names``.
    """
    released = sum(len(found) for found in archive.releases.values())
    unreleased: list[str] = []
    drafts: list[str] = []
    for cid, cred in catalogue.credentials.items():
        if archive.get(cid, cred.version) is None and not archive.refuses(cid, cred.version):
            (drafts if cred.status == "draft" else unreleased).append(f"{cid} {cred.version}")
    line = f"versions: {released} released"
    if unreleased:
        line += f"; unreleased (run credcat release <id>): {listing(unreleased)}"
    if drafts:
        line += f"; drafts (set status: active, then release): {listing(drafts)}"
    if not unreleased and not drafts:
        line += "; every current version is released"
    unnamed = sum(
        1 for found in archive.releases.values() for r in found if r.organisation_names is None
    )
    if unnamed:  # released before records held names: their pages say they show today's
        line += (
            f"; {unnamed} released before credcat recorded organisations' names (if none was "
            "renamed since, run credcat record-names)"
        )
    return line


@dataclass(frozen=True)
class VersionInfo:
    """One version of a credential, for version lists and succession links.

    Attributes:
        version: The version.
        released: Its release date; ``None`` for a current version not yet released.
        fingerprint: Its fingerprint (of the current file when not released).
        replaces: The version it replaces (pointing backwards only), ``None`` for the first.
    """

    version: str
    released: date | None
    fingerprint: str
    replaces: str | None


@dataclass(frozen=True)
class Succession:
    """A credential's versions and successor, as its unversioned record states them.

    Attributes:
        credential_id: The credential.
        versions: Every version, oldest first; the last is the current one.
        current: The current version (the credential file's).
        superseded_by: Id of the successor credential, for a superseded one.
        draft: The credential is a draft: a version of it that is not released has no
            permanent address (:func:`has_address`).
    """

    credential_id: str
    versions: tuple[VersionInfo, ...]
    current: str
    superseded_by: str | None
    draft: bool = False

    def info(self, version: str) -> VersionInfo | None:
        """The entry of one version, or ``None``."""
        return next((v for v in self.versions if v.version == version), None)

    @property
    def published(self) -> tuple[VersionInfo, ...]:
        """The versions published at their permanent address (page, summary, machine files),
        oldest first: every version, but the current one of a draft while it is not
        released (:func:`has_address`)."""
        return tuple(v for v in self.versions if self.has_address(v.version))

    def has_address(self, version: str) -> bool:
        """Whether ``version`` (one of :attr:`versions`) is published at its permanent
        address (:func:`has_address`)."""
        info = self.info(version)
        return info is not None and (not self.draft or info.released is not None)


def has_address(catalogue: Catalogue, credential_id: str, version: str) -> bool:
    """Whether a version of a credential is published at its permanent address,
    ``credentials/<id>/<version>/``: its page and employers' summary in every language, its
    machine-readable files, and the IRIs under that address.

    Every version is, except a draft's version that is not released: a draft may still change
    and ``credcat release`` refuses it, so nothing of it is published where it would promise
    never to change (nor offered to issuers). The released versions of a credential that went
    back to draft keep their address; the draft's version gets its own once the credential is
    active again. A credential the catalogue does not have is not asked about (``True``).
    """
    brief = catalogue.briefs.get(credential_id)
    return (
        brief is None
        or brief.status != "draft"
        or catalogue.archive.get(credential_id, version) is not None
    )


def succession(catalogue: Catalogue, credential_id: str) -> Succession:
    """The versions of a credential and what replaces what.

    A version's own files name only the version it replaces (:attr:`VersionInfo.replaces`),
    so releasing a new version changes no file of an older one; the newest version, the list
    and the successor belong to the unversioned record (current page, ``catalogue.json``).
    """
    brief = catalogue.briefs[credential_id]
    archive = catalogue.archive
    infos = [
        VersionInfo(r.version, r.released, r.fingerprint, r.replaces)
        for r in archive.of(credential_id)
    ]
    if archive.get(credential_id, brief.version) is None:
        if isinstance(brief, CredentialBrief):  # packed: the brief has it, no model is read
            digest = brief.fingerprint
        else:  # the credential itself: its fingerprint is computed once per model
            digest = fingerprint(catalogue.credentials[credential_id])
        latest = archive.latest(credential_id)
        infos.append(VersionInfo(brief.version, None, digest, latest.version if latest else None))
    return Succession(
        credential_id=credential_id,
        versions=tuple(infos),
        current=brief.version,
        superseded_by=brief.superseded_by if brief.status == "superseded" else None,
        draft=brief.status == "draft",
    )


def credential_at(catalogue: Catalogue, credential_id: str, version: str) -> Credential:
    """A version of a credential as it is published: its snapshot when released (status and
    offerings as released), else the current file (an unreleased current version).

    Raises:
        KeyError: When the credential has no such version.
    """
    released = catalogue.archive.get(credential_id, version)
    if released is not None:
        return released.credential
    current = catalogue.credentials[credential_id]
    if current.version != version:
        raise KeyError(f"{credential_id} has no version {version}")
    return current


# --- the credentials a version names --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Related:
    """Another credential, at the version a version's files name.

    Attributes:
        credential_id: The other credential.
        version: The version the files name.
        title: That version's title.
        addressed: Whether the files name it at that version's permanent address; if not,
            at the credential's record, its main page (``…/<id>/#spec``): a draft's current
            version, which has no permanent address (:func:`has_address`), as an unreleased
            version names it now and as a release records it (version ``null``).
    """

    credential_id: str
    version: str
    title: Mapping[str, str]
    addressed: bool = True


def relations_of(
    catalogue: Catalogue, credential: Credential
) -> tuple[list[Related], list[Related]]:
    """The credentials a version of ``credential`` counts towards (``isPartOf``) and those
    that count towards it (``hasPart``), each at a version.

    An unreleased version (a current file not yet released) names the other credentials'
    current versions, as the catalogue states them now (a draft's version that has no
    permanent address at the draft's record, its main page). A released version names them as
    its release record says (``credcat release`` writes the versions its files named that day,
    ``null`` for a draft named at its record, and the title of each version not released yet),
    so that no later release, of this credential or another, nor a later change to the title
    of a version not released then, changes its files.

    A snapshot written before releases recorded them names them as they stood on its release
    date: a credential it counts towards (its own ``part_of``) at the version released last on
    or before that date (the first one released after, if none was released by then), and a
    credential that counts towards it where the version released last on or before that date
    (its first release, if it was first released later) says so in its ``part_of``; a
    credential with no released version at all at its current version.
    """
    archive = catalogue.archive
    cid = credential.id
    release = archive.get(cid, credential.version)
    part_of = credential.stackability.part_of if credential.stackability else []
    parents: list[Related] = []
    parts: list[Related] = []
    if release is not None and release.named is not None:
        recorded = [
            [_recorded(catalogue, other, version, release) for other, version in named]
            for named in release.named
        ]
        return [r for r in recorded[0] if r], [r for r in recorded[1] if r]
    if release is None:
        parents = [
            _current(catalogue, other, live=True)
            for other in part_of
            if _named(catalogue, other, cid)
        ]
        parts = [
            _current(catalogue, other, live=True)
            for other in catalogue.has_part(cid)
            if _named(catalogue, other, cid)
        ]
        return parents, parts
    day = release.released
    for other in part_of:
        if _named(catalogue, other, cid):
            parents.append(_as_it_stood(catalogue, other, day))
    for other in sorted({*_released_parts(catalogue).get(cid, ()), *catalogue.has_part(cid)}):
        if not _named(catalogue, other, cid):
            continue
        releases = archive.of(other)
        if not releases:
            if other in catalogue.has_part(cid):
                parts.append(_current(catalogue, other))
            continue
        # the version released last by then; one first released later, as its first release
        # (as it was named, at its current version, before that release)
        then = _as_of(releases, day) or releases[0]
        if cid in then.part_of:
            parts.append(_released(other, then))
    return parents, parts


def predecessors_of(catalogue: Catalogue, credential: Credential) -> list[Related]:
    """The credentials a version of ``credential`` replaces (whose ``superseded_by`` names
    it), each at a version: what its Open Badges achievement names as ``related``.

    An unreleased version (a current file not yet released) names every credential that says
    ``superseded_by: <its id>`` now, at its current version, in catalogue order. A released
    version names those its release record lists (``credcat release`` writes them as they
    stood that day), so that marking another credential superseded by it later, or releasing
    one it replaces, changes none of its files. A snapshot written before releases recorded
    them names none: nothing says what it replaced on its release day, and naming what says
    so now would let every later ``superseded_by`` change its files.
    """
    release = catalogue.archive.get(credential.id, credential.version)
    if release is None:
        return [
            _current(catalogue, other)
            for other in catalogue.supersedes(credential.id)
            if _named(catalogue, other, credential.id)
        ]
    found = [
        _recorded(catalogue, other, version, release) for other, version in release.supersedes or ()
    ]
    return [r for r in found if r]


def builds_on_of(catalogue: Catalogue, credential: Credential) -> list[Related]:
    """The credentials a version of ``credential`` builds on (its ``stackability.builds_on``,
    in its order), each at a version: whose titles its entry requirement quotes.

    An unreleased version names their current versions. A released version names those its
    release record lists, at the version current that day, with the title that version had
    (``credcat release`` writes them), so that no later change to them changes its files. A
    snapshot written before releases recorded them names each as it stood on its release
    date: the version released last on or before that date (the first one released after,
    if none was released by then), or its current version if it has none released.
    """
    cid = credential.id
    wanted = [
        other
        for other in (credential.stackability.builds_on if credential.stackability else ())
        if _named(catalogue, other, cid)
    ]
    release = catalogue.archive.get(cid, credential.version)
    if release is None:
        return [_current(catalogue, other) for other in wanted]
    if release.builds_on is not None:
        versions = dict(release.builds_on)
        found = [
            _recorded(catalogue, other, versions[other], release)
            for other in wanted
            if other in versions
        ]
        return [r for r in found if r]
    return [_as_it_stood(catalogue, other, release.released) for other in wanted]


def named_now(catalogue: Catalogue, credential: Credential) -> dict[str, Any]:
    """What a release of ``credential`` (a version not released yet) records of the
    credentials its files name: each id with the version its files name now
    (:data:`VERSION_MAPS`), or ``None`` for a draft's version that has no permanent address
    (:func:`has_address`): the released files name that credential's record, on its main
    page, whose address stays, and not the version's, which exists only once the draft is
    released (and never, if it is released at another version); and the title of each
    version not released yet, as it is now (:data:`TITLES`; a released version's is in its
    own snapshot)."""
    assert catalogue.archive.get(credential.id, credential.version) is None
    parents, parts = relations_of(catalogue, credential)
    replaced = predecessors_of(catalogue, credential)
    earlier = builds_on_of(catalogue, credential)
    titles = {
        r.credential_id: dict(sorted(r.title.items()))
        for r in (*parents, *parts, *replaced, *earlier)
        if catalogue.archive.get(r.credential_id, r.version) is None
    }
    return {
        "part_of": {r.credential_id: r.version if r.addressed else None for r in parents},
        "parts": {r.credential_id: r.version if r.addressed else None for r in parts},
        SUPERSEDES: {r.credential_id: r.version for r in replaced},
        BUILDS_ON: {r.credential_id: r.version for r in earlier},
        TITLES: dict(sorted(titles.items())),
    }


def _recorded(
    catalogue: Catalogue, other: str, version: str | None, release_: Release
) -> Related | None:
    """A credential a release record names, at the version it names, with that version's
    title: as the record holds it (a version not released that day), else its own
    release's, else the current one's (a record written before credcat kept titles). At its
    record for a version ``None`` (a draft's that had no permanent address on the release
    day: :data:`NAMED`), with the title the record holds, else that of its first release
    (the current one's until it has one). ``None`` if it is no longer in the catalogue."""
    brief = catalogue.briefs.get(other)
    if brief is None:
        return None
    kept = dict(release_.titles or ()).get(other)
    if version is None:  # its record, on its main page: an address that stays
        if kept is not None:
            return Related(other, brief.version, dict(kept), addressed=False)
        first = next(iter(catalogue.archive.of(other)), None)
        title = first.title if first is not None else brief.title
        return Related(other, brief.version, title, addressed=False)
    if kept is not None:
        return Related(other, version, dict(kept))
    named = catalogue.archive.get(other, version)
    return Related(other, version, named.title if named is not None else brief.title)


def _named(catalogue: Catalogue, other: str, cid: str) -> bool:
    return other != cid and other in catalogue.briefs


def _current(catalogue: Catalogue, other: str, *, live: bool = False) -> Related:
    """Another credential at its current version; ``live``: named by an unreleased version,
    which says whether that version has its address (a released one names it as released)."""
    brief = catalogue.briefs[other]
    addressed = not live or has_address(catalogue, other, brief.version)
    return Related(other, brief.version, brief.title, addressed)


def _released(other: str, release_: Release) -> Related:
    return Related(other, release_.version, release_.title)


def _as_it_stood(catalogue: Catalogue, other: str, day: date) -> Related:
    """A credential as a release record written before credcat recorded what it names names
    it, as it stood on ``day``: the version released last on or before that day (the first
    one released after, if none was released by then), or its current version if it has
    none released."""
    releases = catalogue.archive.of(other)
    then = _as_of(releases, day) or (releases[0] if releases else None)
    return _current(catalogue, other) if then is None else _released(other, then)


def _as_of(releases: tuple[Release, ...], day: date) -> Release | None:
    """The release of ``releases`` (oldest first) that was the newest on ``day``."""
    found = None
    for release_ in releases:
        if release_.released > day:
            break
        found = release_
    return found


def _released_parts(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """For each credential, the credentials of which some released version counts towards
    it (found once per catalogue, from the releases' records, reading no model)."""
    known = catalogue.memo.get(("released-parts", ""))
    if isinstance(known, dict):
        return known
    found: dict[str, set[str]] = {}
    for other, releases in catalogue.archive.releases.items():
        for release_ in releases:
            for parent in release_.part_of:
                found.setdefault(parent, set()).add(other)
    parts = {parent: tuple(sorted(ids)) for parent, ids in found.items()}
    catalogue.memo[("released-parts", "")] = parts
    return parts


# --- machine-readable succession -----------------------------------------------------------

FINGERPRINT_SCHEME = "SHA-256 of the RFC 8785 (JCS) canonical JSON of the credcat specification"
"""``schemeName`` of the fingerprint identifier in the machine-readable files."""


def fingerprint_identifier(urls: Urls, credential_id: str, version: str, digest: str) -> JsonDict:
    """The fingerprint as an ELM ``Identifier`` (``adms:identifier``) of a version's
    specification, beside its catalogue identifier."""
    return {
        "id": urls.node_iri(credential_id, version, "fingerprint"),
        "type": "Identifier",
        "notation": digest,
        "schemeName": FINGERPRINT_SCHEME,
    }


def version_properties(succession_: Succession, urls: Urls, version: str) -> JsonDict:
    """Succession properties of one version's specification node: the version it replaces.

    DCMI ``dc:replaces`` (``http://purl.org/dc/terms/replaces``; the ELM context defines the
    ``dc`` prefix, and the EDC SHACL shapes are open to it). Never the version after it, so a
    release changes no file of an older version.
    """
    info = succession_.info(version)
    if info is None or info.replaces is None:
        return {}
    return {"dc:replaces": {"id": urls.spec_iri(succession_.credential_id, info.replaces)}}


def record_properties(succession_: Succession, urls: Urls) -> JsonDict:
    """Succession properties of a credential's unversioned record (``catalogue.jsonld``).

    ``dc:hasVersion`` lists the specification of every version published at its permanent
    address (:attr:`Succession.published`), oldest first (absent for a draft that has none);
    for a superseded credential ``dc:isReplacedBy`` names the successor's record (whatever
    version of it is current, and a draft's too: a record is on its main page).

    Args:
        succession_: The credential's succession.
        urls: The catalogue's URL scheme.
    """
    cid = succession_.credential_id
    props: JsonDict = {}
    published = succession_.published
    if published:
        props["dc:hasVersion"] = [{"id": urls.spec_iri(cid, v.version)} for v in published]
    if succession_.superseded_by:
        props["dc:isReplacedBy"] = {"id": urls.record_iri(succession_.superseded_by)}
    return props


def versions_json(succession_: Succession) -> list[JsonDict]:
    """The version list of a credential for ``catalogue.json``, oldest first: the versions
    published at their permanent address (:attr:`Succession.published`)."""
    return [
        {
            "version": v.version,
            "released": v.released.isoformat() if v.released else None,
            "fingerprint": v.fingerprint,
            "replaces": v.replaces,
            "current": v.version == succession_.current,
        }
        for v in succession_.published
    ]
