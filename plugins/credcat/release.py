"""``credcat release``: write a released version of a credential into the archive.

Owns the one way a snapshot ``catalogue/versions/<id>/<version>.yaml`` comes to exist: the
catalogue must check cleanly, the version must be new and higher than every released one, and
the snapshot is the credential file as it is, below a ``release:`` record (see
:mod:`credcat.versions`, which reads and checks the archive).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .catalogue import CATALOGUE_FILE, ORGANISATIONS_DIR, Catalogue
from .errors import CredcatError, Problem
from .model import Credential
from .rules import Suggester
from .validate import check_catalogue
from .versions import (
    ARCHIVE_DIR,
    BASE_URI,
    HEADER_KEY,
    NAMED_TITLE,
    ORGANISATIONS,
    PUBLISHER,
    TITLES,
    VERSION_MAPS,
    fingerprint,
    load_snapshot,
    name_entry,
    named_now,
    next_version,
    organisation_names,
    organisation_names_now,
    record_names,
    unrecorded,
    unreleased_names,
    version_key,
)
from .yaml_loader import EXAMPLE_VALUE, TO_TRANSLATE, double_quoted


class ReleaseError(CredcatError):
    """``credcat release`` refused; the message says why, the problems (if any) in detail."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def snapshot_text(source: str, release_: dict[str, Any], credential: Credential) -> str:
    """The text of a snapshot: a header comment, the release record, the file as released."""
    lines = source.splitlines()
    while lines and (lines[0].startswith("# yaml-language-server:") or lines[0].strip() == "---"):
        lines.pop(0)
    replaces = release_["replaces"]
    header = [
        f"# Version {credential.version} of credential '{credential.id}' as released, "
        "written by `credcat release`.",
        "# Never edit or delete this file: credentials issued against this version point at it",
        "# for good. Correct a typo with an erratum (errata:) in the credential file instead.",
        f"{HEADER_KEY}:",
        f"  date: {release_['date'].isoformat()}",
        f"  fingerprint: {release_['fingerprint']}",
        f'  replaces: "{replaces}"' if replaces else "  replaces: null",
        f"  language: {release_['language']}",
        "  # the catalogue's base_uri: every permanent identifier of this version starts with it",
        f"  {BASE_URI}: {double_quoted(release_[BASE_URI])}",
        "  # the catalogue's publisher, which its files name: an organisation keeps its id",
        f"  {PUBLISHER}: {double_quoted(release_[PUBLISHER])}",
        "  # the other credentials its files name, each at the version they name for good,",
        "  # and the titles they give those not released yet, as they are today",
        *(
            ["  # null: a draft's version, which had no address: named at credentials/<id>/#spec"]
            if any(v is None for key in VERSION_MAPS for v in release_[key].values())
            else []
        ),
        *(f"  {key}: {_flow_map(release_[key])}" for key in VERSION_MAPS),
        f"  {TITLES}: {_flow_titles(release_[TITLES])}",
        "  # the name of each organisation its files name, as it is today: a later name is",
        "  # shown with it, never in its place",
        *_organisations(release_[ORGANISATIONS]),
        "# The credential file as released:",
    ]
    return "\n".join([*header, *lines]) + "\n"


def _flow_map(versions: dict[str, str | None]) -> str:
    """``{a: "1.0", b: "2.1", c: null}``: ids and versions as YAML (a version is always
    quoted; ``null``: named at its record, :data:`credcat.versions.NAMED`)."""
    return (
        "{"
        + ", ".join(
            f"{cid}: null" if version is None else f'{cid}: "{version}"'
            for cid, version in versions.items()
        )
        + "}"
    )


def _flow_titles(titles: dict[str, dict[str, str]]) -> str:
    """``{a: {de: "Daten", en: "Data"}}``: ids and titles as YAML, on one line."""
    return (
        "{"
        + ", ".join(
            f"{cid}: {{"
            + ", ".join(f"{lang}: {double_quoted(text)}" for lang, text in title.items())
            + "}"
            for cid, title in titles.items()
        )
        + "}"
    )


def _organisations(names: dict[str, dict[str, str]]) -> list[str]:
    """The record's organisations, one line each: ``  organisations:`` then
    ``    <id>: {name: {de: "…", en: "…"}}`` (``organisations: {}`` for none)."""
    if not names:
        return [f"  {ORGANISATIONS}: {{}}"]
    return [f"  {ORGANISATIONS}:", *(f"    {name_entry(oid, name)}" for oid, name in names.items())]


@dataclass(frozen=True)
class Released:
    """What ``credcat release`` wrote.

    Attributes:
        path: The new snapshot.
        pending: The other credentials its files name at a version not released yet (``id
            version``): each must be released before its version changes.
        elsewhere: The other credential files with errors that do not hold up this release.
        at_record: The drafts its files name at their record (their main page), as their
            version has no permanent address (``null`` in the release record).
    """

    path: Path
    pending: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()
    at_record: tuple[str, ...] = ()


def _unrelated(root: Path, shown: str, credential_id: str) -> bool:
    """Whether the errors of a file (``shown``: its path as problems name it) can wait for
    another release: it is another credential's file (not ``catalogue.yaml``, an organisation
    or the archive, which every credential's files draw on) whose text does not name
    ``credential_id``: a file that names it may be a part of it, whose relation the release
    would freeze without it."""
    path = Path(shown).resolve()
    folder = (root / "credentials").resolve()
    if path.parent != folder or path.stem == credential_id or not path.is_file():
        return False
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return False
    return re.search(rf"(?<![\w-]){re.escape(credential_id)}(?![\w-])", text) is None


def _catalogue_wide(root: Path, shown: str) -> bool:
    """Whether a file (``shown``: its path as problems name it) is ``catalogue.yaml`` or an
    organisation's: what every credential's files draw on."""
    path = Path(shown).resolve()
    return path == (root / CATALOGUE_FILE).resolve() or (
        path.parent == (root / ORGANISATIONS_DIR).resolve()
    )


def _why_examples(root: Path, examples: list[Problem]) -> str:
    """Why ``credcat release`` waits for the values ``credcat init`` wrote as examples that
    are left (``examples``: their notes, in ``catalogue.yaml`` or an organisation's file):
    the reason of each, not of those already replaced (a release records ``base_uri`` for
    good; the data licence is the institution's decision; its files name the organisations)."""
    settings = (root / CATALOGUE_FILE).resolve()
    fields = {p.field for p in examples if Path(p.path).resolve() == settings}
    in_organisations = len(fields) < len(examples)
    holders = [
        *(["catalogue.yaml"] if fields else []),
        *(["an organisation"] if in_organisations else []),
    ]
    reasons = [
        *(["a release records base_uri for good"] if "base_uri" in fields else []),
        *(
            ["its pages and files publish the data licence (your institution's decision)"]
            if "data_licence" in fields
            else []
        ),
        *(  # a value of catalogue.yaml this function has no reason for: said all the same
            ["its files show the catalogue's settings"]
            if fields - {"base_uri", "data_licence"}
            else []
        ),
        *(["its files name the organisations"] if in_organisations else []),
    ]
    many = len(examples) > 1
    return (
        f"nothing released: {' and '.join(holders)} still "
        f"{'hold' if len(holders) > 1 else 'holds'} "
        f"{'values' if many else 'a value'} credcat init wrote as "
        f"{'examples' if many else 'an example'}; {_listed(reasons)}: write your own "
        f"{'values' if many else 'value'} first, then delete '# example'"
    )


def _listed(parts: list[str]) -> str:
    """``a``, ``a, and b``, ``a, b, and c``: clauses as one sentence."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def _not_offered(catalogue: Catalogue, credential: Credential) -> str:
    """Why a retired or superseded credential is not released, and what to do instead.

    A version's files keep the status it is released with for good: a version released
    retired or superseded would say so from the day it was published, and a credential no
    longer offered has no new version to publish (its released versions stay published). A
    version that was offered before and never archived is released as it stood then: status
    active, ``--date`` the day it was published, then the status set back."""
    cid, version = credential.id, credential.version
    if credential.status == "retired":
        why = f"'{cid}' is retired: it is no longer offered, so it has no new version to release"
    else:
        successor = credential.superseded_by
        why = (
            f"'{cid}' is superseded by '{successor}': release {successor} instead "
            f"(credcat release {successor})"
        )
    last = catalogue.archive.latest(cid)
    kept = (
        f"its released versions stay published, version {last.version} the last"
        if last is not None
        else "it has no released version"
    )
    if catalogue.archive.get(cid, version) is not None:
        return f"nothing released: {why}; {kept}"
    return (
        f"nothing released: {why}; {kept}. If version {version} was offered before and is "
        f"not released yet, release it as it stood then: set status: active, run credcat "
        f"release {cid} --date <the day it was published>, then set status: "
        f"{credential.status} again"
    )


def release(
    root: Path | str,
    credential_id: str,
    *,
    on: date | None = None,
    warn: Callable[[Sequence[Problem]], None] | None = None,
) -> Released:
    """Archive the current version of a credential (``credcat release``).

    Refuses when the catalogue has errors (errors in another credential's file that does not
    name this one wait: :func:`_unrelated`), while ``catalogue.yaml`` or an organisation holds
    a value ``credcat init`` wrote as an example (``# example``: the release would record its
    ``base_uri`` for good, and its files name the organisations), when the credential is
    unknown, a draft, retired or superseded (no longer offered: :func:`_not_offered`), while
    its own file holds a text still marked ``# translate`` (the version would keep it, not
    translated, for good), when its version is already released, or when the version does
    not go up. Its file's warnings refuse nothing: they go to ``warn`` before the snapshot is
    written. The snapshot is written
    to a hidden temporary file in the archive, read back and checked against its fingerprint,
    and only then given its name; an existing file is never replaced.

    Args:
        root: The catalogue folder.
        credential_id: The credential to release.
        on: The release date (default: today in UTC, whatever ``SOURCE_DATE_EPOCH`` says);
            not after tomorrow, nor before the release of the version it replaces.
        warn: Given the warnings of the credential's own file (if any), once nothing refuses
            the release, before the snapshot is written.

    Returns:
        The new snapshot's path, and the versions of other credentials its files name that
        are not released yet.

    Raises:
        ReleaseError: When the release is refused.
    """
    root = Path(root)
    catalogue, problems = check_catalogue(root)
    errors = [p for p in problems if p.is_error]
    files = sorted({p.path for p in errors})  # each file read once, whatever its errors
    if catalogue is None or not all(_unrelated(root, shown, credential_id) for shown in files):
        raise ReleaseError("nothing released: the catalogue has errors; fix them first", errors)
    elsewhere = tuple(files)
    examples = [p for p in problems if p.code == EXAMPLE_VALUE and _catalogue_wide(root, p.path)]
    if examples:
        raise ReleaseError(_why_examples(root, examples), examples)
    credential = catalogue.credentials.get(credential_id)
    if credential is None:
        close = Suggester(catalogue.credentials).closest(credential_id)
        meant = f" (did you mean '{close}'?)" if close else ""
        raise ReleaseError(f"there is no credential '{credential_id}' in {root}{meant}")
    if credential.status == "draft":
        raise ReleaseError(
            f"'{credential_id}' is a draft: set its status to active before releasing it"
        )
    if credential.status in ("retired", "superseded"):
        raise ReleaseError(_not_offered(catalogue, credential))
    source_path = root / Catalogue.source_of("credential", credential_id)
    own = [p for p in problems if Path(p.path).resolve() == source_path.resolve()]
    untranslated = [p for p in own if p.code == TO_TRANSLATE]
    if untranslated:  # the version would keep each of them, not translated, for good
        raise ReleaseError(
            f"nothing released: the file of '{credential_id}' still holds texts marked "
            "'# translate', which are not translated yet; a release keeps every text of the "
            "version for good: translate each first, then delete '# translate'",
            untranslated,
        )
    retitled = [p for p in own if p.code == NAMED_TITLE]
    if retitled:  # released files name this version with the title it had: never two for good
        raise ReleaseError(
            f"nothing released: version {credential.version} of '{credential_id}' has another "
            "title than the released files that name it give it",
            retitled,
        )
    archive = catalogue.archive  # read once by check_catalogue
    already = archive.get(credential_id, credential.version)
    if already is not None:
        raise ReleaseError(
            f"version {credential.version} of '{credential_id}' was released on "
            f"{already.released.isoformat()}; raise the version to release a change "
            f'(e.g. version: "{next_version(credential.version)}")'
        )
    latest = archive.latest(credential_id)
    if latest is not None and version_key(credential.version) <= version_key(latest.version):
        raise ReleaseError(  # pragma: no cover - check_catalogue reports it first
            f"version {credential.version} is not after the released version {latest.version}"
        )
    # the day it really is (UTC), not credcat's clock: SOURCE_DATE_EPOCH, set for a
    # reproducible build, must not date a release that is written once and kept for good
    today = datetime.now(UTC).date()
    on = on or today
    if on > today + timedelta(days=1):  # a maintainer's local date may be a day after UTC's
        raise ReleaseError(
            f"{on.isoformat()} is in the future: a version is released on the day it is "
            f"published; leave out --date, or give today's date or an earlier one"
        )
    if latest is not None and on < latest.released:
        raise ReleaseError(
            f"{on.isoformat()} is before {latest.released.isoformat()}, when version "
            f"{latest.version}, which {credential.version} replaces, was released: give "
            f"{latest.released.isoformat()} or a later date"
        )
    named = named_now(catalogue, credential)
    record = {
        "date": on,
        "fingerprint": fingerprint(credential),
        "replaces": latest.version if latest else None,
        "language": catalogue.settings.default_language,
        BASE_URI: catalogue.settings.base_uri,
        PUBLISHER: catalogue.settings.publisher,
        **named,
        ORGANISATIONS: organisation_names_now(catalogue, credential),
    }
    text = snapshot_text(source_path.read_text("utf-8"), record, credential)
    warnings = [p for p in own if p.is_warning]
    if warnings and warn is not None:
        warn(warnings)
    folder = root / ARCHIVE_DIR / credential_id
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{credential.version}.yaml"
    staging = folder / f".{credential.version}.yaml.tmp"
    try:  # a file (or a link, even to outside the catalogue) left at that name is removed,
        # never written through: the staging file is created anew ("x")
        staging.unlink(missing_ok=True)
        with staging.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise ReleaseError(f"cannot write {staging}: {exc.strerror or exc}") from None
    try:
        written, found = load_snapshot(staging, credential_id, str(staging), catalogue, target.name)
        if (
            written is None
            or written.fingerprint != record["fingerprint"]
            or written.publisher != record[PUBLISHER]
            or dict(written.titles or ()) != {k: tuple(v.items()) for k, v in named[TITLES].items()}
            or written.names_then() != record[ORGANISATIONS]
        ):
            raise ReleaseError(  # pragma: no cover - the model reads back what it wrote
                "the snapshot did not read back as released; nothing released", found
            )
        os.link(staging, target)  # fails when the target exists: never replaces a snapshot
    except FileExistsError:
        raise ReleaseError(f"{target} exists already; nothing released") from None
    finally:
        staging.unlink(missing_ok=True)
    return Released(
        target, tuple(unreleased_names(archive, named)), elsewhere, tuple(record_names(named))
    )


def record_organisation_names(root: Path | str) -> list[Path]:
    """Record the organisations' names in the release records that hold none, and in those
    that leave some out (``credcat record-names``).

    Snapshots written before ``credcat release`` recorded the names of the organisations a
    version names (:data:`~credcat.versions.ORGANISATIONS`) show those organisations under
    today's names, and say so on their pages. A maintainer who knows that no organisation
    has been renamed since those releases (typically: right after upgrading credcat) records
    today's names in them, as a release does now: the organisations each version's files name
    and the publisher, in every language. Nothing else in a snapshot changes: the lines are
    added at the end of its ``release:`` record, and the version's fingerprint stays. A
    record that holds names but leaves out some of those organisations (an entry taken out
    by hand: :func:`~credcat.versions.unrecorded`, which ``credcat check`` warns of) gets
    today's name of each left out, at the end of its ``organisations:``; the names it holds
    stay as recorded.

    Every snapshot is written to a hidden temporary file and read back first; only when all
    read back as they should are they given their names, so that a failure writes nothing.

    Args:
        root: The catalogue folder.

    Returns:
        The snapshots that now record names, sorted (none: every record held them).

    Raises:
        ReleaseError: When the catalogue has errors, a snapshot did not read back (nothing
            written), or one could not be replaced (those before it are, the rest not).
    """
    root = Path(root)
    catalogue, problems = check_catalogue(root)
    errors = [p for p in problems if p.is_error]
    if catalogue is None or errors:
        raise ReleaseError("nothing recorded: the catalogue has errors; fix them first", errors)
    today = datetime.now(UTC).date().isoformat()
    staged: list[tuple[Path, Path]] = []
    try:
        for cid, releases in sorted(catalogue.archive.releases.items()):
            for release_ in releases:
                held = release_.names_then()
                if release_.organisation_names is None:
                    ids = {oid for _loc, oid in release_.organisations}
                    ids.add(release_.publisher or catalogue.settings.publisher)
                else:  # a record that leaves some out (edited): those are added
                    ids = set(unrecorded(release_))
                added = organisation_names(catalogue, ids)
                if release_.organisation_names is not None and not added:
                    continue
                names = {**held, **added}
                target = root / release_.source
                with target.open(encoding="utf-8", newline="") as handle:  # its line ends kept
                    read = handle.read()
                text = (
                    _with_names(read, added, today)
                    if release_.organisation_names is None
                    else _with_more_names(read, added, today)
                )
                if text is None:
                    raise ReleaseError(
                        f"{target}: its release: record is not written as credcat release "
                        "writes it (release: on a line of its own, its entries indented "
                        "below it); nothing recorded"
                    )
                staging = target.with_name(f".{target.name}.tmp")
                staging.unlink(missing_ok=True)
                with staging.open("x", encoding="utf-8", newline="") as handle:
                    handle.write(text)
                staged.append((staging, target))
                written, found = load_snapshot(staging, cid, str(staging), catalogue, target.name)
                if (
                    written is None
                    or written.fingerprint != release_.fingerprint
                    or written.names_then() != names
                ):
                    raise ReleaseError(
                        f"{target} did not read back with the names added; nothing recorded",
                        found,
                    )
    except OSError as exc:
        for staging, _target in staged:
            staging.unlink(missing_ok=True)
        raise ReleaseError(
            f"cannot read or write {exc.filename}: {exc.strerror}; nothing recorded"
        ) from None
    except ReleaseError:
        for staging, _target in staged:
            staging.unlink(missing_ok=True)
        raise
    for done, (staging, target) in enumerate(staged):
        try:
            os.replace(staging, target)  # the name itself, never through a link left there
        except OSError as exc:  # a file locked, a disk gone: say how far it got
            for left, _target in staged[done:]:
                left.unlink(missing_ok=True)
            raise ReleaseError(
                f"cannot replace {target}: {exc.strerror}; {done} release record"
                f"{'' if done == 1 else 's'} recorded, {len(staged) - done} not: run credcat "
                "record-names again"
            ) from None
    return sorted(target for _staging, target in staged)


def _release_record(text: str) -> tuple[str, list[str], int, int] | None:
    """A snapshot's text read for its ``release:`` record: the file's line end (CRLF in a
    snapshot Git checked out so on Windows, ``core.autocrlf``; else LF), its lines without
    them, and the index of the record's first line below ``release:`` and of the first line
    after it (its lines are indented); ``None`` where the file has no ``release:`` line."""
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(eol)
    if f"{HEADER_KEY}:" not in lines:
        return None
    start = lines.index(f"{HEADER_KEY}:") + 1
    end = start
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    return eol, lines, start, end


def _with_more_names(text: str, names: dict[str, dict[str, str]], today: str) -> str | None:
    """A snapshot's text with ``names`` added at the end of the
    :data:`~credcat.versions.ORGANISATIONS` its ``release:`` record holds already, which
    leave them out (an entry taken out by hand); ``None`` where the record is not written as
    ``credcat release`` writes it (``organisations:`` on a line of its own, indented by two
    spaces, its entries by four; or ``organisations: {}``). Line ends as :func:`_with_names`."""
    found = _release_record(text)
    if found is None:
        return None
    eol, lines, start, end = found
    record = lines[start:end]
    if f"  {ORGANISATIONS}: {{}}" in record:
        at = start + record.index(f"  {ORGANISATIONS}: {{}}")
        lines[at : at + 1] = [f"  {ORGANISATIONS}:"]
    elif f"  {ORGANISATIONS}:" in record:
        at = start + record.index(f"  {ORGANISATIONS}:")
    else:
        return None
    after = at + 1
    while after < end and lines[after].startswith("    "):
        after += 1
    added = [
        f"    # recorded on {today} by credcat record-names (left out of the record before)",
        *_organisations(names)[1:],
    ]
    return eol.join([*lines[:after], *added, *lines[after:]])


def _with_names(text: str, names: dict[str, dict[str, str]], today: str) -> str | None:
    """A snapshot's text with :data:`~credcat.versions.ORGANISATIONS` added as the last
    entries of its ``release:`` record (the record's lines are indented below it); ``None``
    where the record is not written so. The added lines end as the file's do: CRLF in a
    snapshot Git checked out so on Windows (``core.autocrlf``), else LF."""
    found = _release_record(text)
    if found is None:
        return None
    eol, lines, _start, end = found
    added = [
        f"  # the name of each organisation its files name, recorded on {today} by credcat",
        "  # record-names (its release did not record them): a later name is shown with it",
        *_organisations(names),
    ]
    return eol.join([*lines[:end], *added, *lines[end:]])
