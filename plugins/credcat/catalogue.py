"""The validated catalogue, and where its parts live: one job, no loading.

Owns :class:`Catalogue` (the settings, organisations and credentials of one catalogue folder,
with the YAML documents they came from, for positions) and the layout of that folder
(:data:`CATALOGUE_FILE`, :data:`ORGANISATIONS_DIR`, :data:`CREDENTIALS_DIR`,
:meth:`Catalogue.source_of`), and the shape of its archive of released versions
(:class:`Archive` of :class:`Release`; reading it is :func:`credcat.versions.load_archive`).
Reading and validating a folder is :mod:`credcat.validate`'s job; the stackability relations
come from :mod:`credcat.graph`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from .errors import Problem, Severity, field_label
from .graph import BUILDS_ON, PART_OF, referrers
from .model import Brief, CatalogueSettings, Credential, Organisation
from .store import Handle
from .yaml_loader import Document, PathKey

CATALOGUE_FILE = "catalogue.yaml"
"""The settings file; the folder that holds it is the catalogue folder."""
ORGANISATIONS_DIR = "organisations"
"""The folder of ``<id>.yaml`` files, one per organisation."""
CREDENTIALS_DIR = "credentials"
"""The folder of ``<id>.yaml`` files, one per credential."""

OrganisationNames = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""The names a release record holds of the organisations a version names: each id with its
name as ``(language, name)`` pairs, sorted (:data:`credcat.versions.ORGANISATIONS`)."""

NamedVersions = tuple[tuple[str, str | None], ...]
"""Other credentials a release record names, each with the version its files name (``None``:
at its record, a draft's version that had no permanent address, :data:`credcat.versions.NAMED`)."""


@dataclass(frozen=True)
class Release:
    """One released version, as archived.

    Attributes:
        model: How the credential as released (validated like a credential file) is reached:
            in memory, or packed while a build renders (:mod:`credcat.store`).
        version: The released version (the model's, kept so that finding a version reads
            no model).
        released: The release date.
        fingerprint: The fingerprint recorded at release.
        replaces: The version released before it, ``None`` for the first.
        source: Path of the snapshot relative to the catalogue folder.
        read: Reads the snapshot again (:attr:`document`).
        part_of: The ids its ``stackability.part_of`` names.
        title: Its title in every language.
        named: The other credentials (and their versions) it names, as recorded at release.
        supersedes: The credentials (and their versions) it replaces, as recorded at release.
        builds_on: The credentials (and their versions) it builds on, as recorded at release.
        titles: The titles of the versions it names that were not released then.
        base_uri: The catalogue's ``base_uri`` when it was released, which starts its
            permanent identifiers; ``None`` for a snapshot written before credcat recorded it.
        organisations: The organisations it names, each with its path in the snapshot.
        publisher: The catalogue's publisher when it was released, which its files name
            too; ``None`` for a snapshot written before credcat recorded it.
        organisation_names: The name of each organisation it names (and of its publisher)
            as it was when it was released; ``None`` for a snapshot written before credcat
            recorded them.
    """

    model: Handle[Credential] = field(compare=False)
    """Not compared: the fingerprint, which is, stands for the content."""
    version: str
    released: date
    fingerprint: str
    replaces: str | None
    source: str
    read: Callable[[], Document] = field(repr=False, compare=False)
    part_of: tuple[str, ...] = ()
    """The credentials it counts towards, as released (kept so that finding the parts of a
    credential at a date reads no model)."""
    title: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Its title, as released (kept so that another credential's files name it at this
    version reading no model; the current brief's own where they are the same)."""
    named: tuple[NamedVersions, NamedVersions] | None = None
    """The credentials its files name, each with the version, as recorded when it was
    released: (those it counts towards, those that count towards it); ``None`` for a snapshot
    written before credcat recorded them. A version ``None``: the credential was a draft whose
    version had no permanent address that day, and the files name its record, on its main
    page (``…/<id>/#spec``), an address that stays."""
    supersedes: tuple[tuple[str, str], ...] | None = None
    """The credentials it replaces (their ``superseded_by`` named it), each with the version
    its files name, as recorded when it was released; ``None`` for a snapshot written before
    credcat recorded them (its files name none)."""
    builds_on: tuple[tuple[str, str], ...] | None = None
    """The credentials it builds on, each with the version whose title its files quote, as
    recorded when it was released; ``None`` for a snapshot written before credcat recorded
    them (named as on its release date)."""
    titles: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None = None
    """The title its files give each version it names that was not released that day (id,
    ``(language, text)`` pairs), as recorded when it was released; ``None`` for a snapshot
    written before credcat recorded them."""
    base_uri: str | None = None
    organisations: tuple[tuple[PathKey, str], ...] = ()
    """The organisation ids the version names (awarding bodies, providers, assessors, quality
    assurance bodies), each with its path in the snapshot, as released (kept so that checking
    that each still has its file reads no model). Its files name each at
    ``…/organisations/<id>/#org`` for good."""
    publisher: str | None = None
    """The catalogue's publisher on the day of the release (its files name it as their
    publisher, at its IRI); ``None`` for a snapshot written before credcat recorded it."""
    organisation_names: OrganisationNames | None = None
    """The name of each organisation the version names and of the publisher, in every
    language, as its file said on the day of the release (id, ``(language, name)`` pairs,
    sorted); ``None`` for a snapshot written before credcat recorded them (nothing is known of
    their names then). Where it differs from the organisation's name now, the version's pages
    show it with the name now, and every file lists it as a name the organisation had
    (:func:`credcat.versions.former_names`)."""

    def names_then(self) -> dict[str, dict[str, str]]:
        """:attr:`organisation_names` as ``{id: {language: name}}`` (empty when none were
        recorded)."""
        return {oid: dict(name) for oid, name in self.organisation_names or ()}

    @property
    def credential(self) -> Credential:
        """The credential as released."""
        return self.model.get()

    @property
    def document(self) -> Document:
        """The loaded snapshot, read again when asked (for the positions of its problems): a
        catalogue that publishes its versions would otherwise hold every snapshot's YAML."""
        return self.read()


@dataclass(frozen=True)
class Archive:
    """Every released version, by credential id, oldest first."""

    releases: Mapping[str, tuple[Release, ...]]
    refused: frozenset[tuple[str, str]] = frozenset()
    """The snapshots in the archive that did not validate (edited, broken), as (credential id,
    the version their file name says): each is reported where it is, so that the rules that
    follow treat that version as released, not as missing or unreleased."""

    def of(self, credential_id: str) -> tuple[Release, ...]:
        """The released versions of a credential, oldest first."""
        return self.releases.get(credential_id, ())

    def get(self, credential_id: str, version: str) -> Release | None:
        """The release of one version, or ``None``."""
        return next((r for r in self.of(credential_id) if r.version == version), None)

    def refuses(self, credential_id: str, version: str) -> bool:
        """Whether the snapshot of a version is in the archive but did not validate."""
        return (credential_id, version) in self.refused

    def latest(self, credential_id: str) -> Release | None:
        """The newest released version of a credential, or ``None``."""
        found = self.of(credential_id)
        return found[-1] if found else None


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue.

    Attributes:
        root: The catalogue folder.
        settings: Contents of ``catalogue.yaml``.
        organisations: Organisations by id, sorted by id.
        credentials: Credentials by id, sorted by id.
        documents: The loaded YAML documents by path relative to ``root`` (for positions;
            read again from the files when asked, see :mod:`credcat.validate`; not compared).
        warnings: Problems that did not stop loading.
        invalid: Ids (``credential:<id>``, ``organisation:<id>``) whose files exist but have
            errors.
    """

    root: Path
    settings: CatalogueSettings
    organisations: Mapping[str, Organisation]
    credentials: Mapping[str, Credential]
    documents: Mapping[str, Document] = field(repr=False, compare=False)
    warnings: tuple[Problem, ...] = ()
    invalid: frozenset[str] = frozenset()
    """Ids (``credential:<id>``, ``organisation:<id>``) whose files exist but have errors: rules
    do not report references to them as unknown, since their own errors are reported."""
    archive: Archive = field(default_factory=lambda: Archive({}), repr=False)
    """The released versions (``versions/<id>/<version>.yaml``), read once by
    :mod:`credcat.validate`."""
    briefs_kept: Mapping[str, Brief] | None = field(default=None, repr=False, compare=False)
    """Each credential's :class:`Brief` where :attr:`credentials` are packed (read again
    when asked); ``None``: the credentials are their own briefs (:attr:`briefs`)."""
    _has_part: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _leads_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    memo: dict[tuple[str, str], object] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    """Values derived from this (immutable) catalogue, computed once per build by the modules
    that own them (the successors, the roles, the logos of ``render.logos``): keyed by
    ``(kind, id)``. Never part of the data."""

    def without_documents(self) -> Catalogue:
        """This catalogue without its documents (each value's position in its file, for
        locating problems; read again from the files when asked), once it is validated and
        only rendered; ``catalogue.yaml``'s is kept. Its memo starts empty."""
        kept = (
            {CATALOGUE_FILE: self.documents[CATALOGUE_FILE]}
            if CATALOGUE_FILE in self.documents
            else {}
        )
        return replace(self, documents=kept)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_has_part", referrers(self.briefs, PART_OF))
        object.__setattr__(self, "_leads_to", referrers(self.briefs, BUILDS_ON))

    @property
    def briefs(self) -> Mapping[str, Brief]:
        """What the lists and the graph of stackability read of every credential, by id, in
        the order of :attr:`credentials`; reading them reads no packed model."""
        return self.credentials if self.briefs_kept is None else self.briefs_kept

    @property
    def languages(self) -> list[str]:
        """The catalogue's languages, default first."""
        return list(self.settings.languages)

    @property
    def complete_languages(self) -> list[str]:
        """The languages every text is required in: :attr:`languages` without the partial ones.

        credcat's own sentences in the machine-readable files are written in these; a partial
        language appears there only in the texts that exist in it.
        """
        partial = set(self.settings.partial_languages)
        return [lang for lang in self.settings.languages if lang not in partial]

    def has_part(self, credential_id: str) -> tuple[str, ...]:
        """Ids of credentials that count towards ``credential_id`` (its ``part_of`` names it)."""
        return self._has_part.get(credential_id, ())

    def leads_to(self, credential_id: str) -> tuple[str, ...]:
        """Ids of credentials that build on ``credential_id``."""
        return self._leads_to.get(credential_id, ())

    def supersedes(self, credential_id: str) -> tuple[str, ...]:
        """Ids of the credentials ``credential_id`` supersedes (their ``superseded_by`` names
        it), in catalogue order. Found for every credential in one pass over the catalogue,
        once (:attr:`memo`)."""
        known = self.memo.get(("superseded-by", ""))
        found: dict[str, tuple[str, ...]]
        if isinstance(known, dict):
            found = known
        else:
            lists: dict[str, list[str]] = {}
            for cred in self.briefs.values():
                if cred.superseded_by:
                    lists.setdefault(cred.superseded_by, []).append(cred.id)
            found = {cid: tuple(ids) for cid, ids in lists.items()}
            self.memo[("superseded-by", "")] = found
        return found.get(credential_id, ())

    @staticmethod
    def source_of(kind: str, entity_id: str = "") -> str:
        """Path of a YAML file relative to the catalogue folder.

        Args:
            kind: ``credential``, ``organisation`` or ``catalogue`` (the settings file).
            entity_id: The credential's or organisation's id; unused for ``catalogue``.
        """
        if kind == "catalogue":
            return CATALOGUE_FILE
        folder = {"credential": CREDENTIALS_DIR, "organisation": ORGANISATIONS_DIR}[kind]
        return f"{folder}/{entity_id}.yaml"

    def roles_of(self, org_id: str) -> dict[str, list[str]]:
        """Credential ids per role (awarding body, provider, assessor, quality assurance), in
        catalogue order; only the roles the organisation holds. Every organisation's roles are
        found in one pass over the catalogue, once (:attr:`memo`)."""
        known = self.memo.get(("roles", ""))
        found: dict[str, dict[str, list[str]]]
        if isinstance(known, dict):
            found = known
        else:
            found = {}
            for cred in self.credentials.values():
                holders = (
                    ("awarding_body", cred.awarding_body),
                    ("provider", cred.providers),
                    ("assessor", cred.assessors),
                    ("quality_assurance", [qa.body for qa in cred.quality_assurance]),
                )
                for role, orgs in holders:
                    for oid in dict.fromkeys(orgs):
                        found.setdefault(oid, {}).setdefault(role, []).append(cred.id)
            self.memo[("roles", "")] = found
        roles: dict[str, list[str]] = found.get(org_id, {})
        return {role: list(roles[role]) for role in ROLE_ORDER if role in roles}


ROLE_ORDER = ("awarding_body", "provider", "assessor", "quality_assurance")
"""The roles an organisation holds for a credential, in the order :meth:`Catalogue.roles_of`
lists them."""


def problem_at(
    catalogue: Catalogue,
    kind: str,
    entity_id: str,
    loc: PathKey,
    message: str,
    hint: str = "",
    *,
    severity: Severity = Severity.ERROR,
    code: str = "",
    key: bool = False,
    at: int | None = None,
) -> Problem:
    """Build a problem located at ``loc`` inside a file of the catalogue.

    Args:
        catalogue: The catalogue, with the documents that give positions.
        kind: ``credential``, ``organisation`` or ``catalogue``.
        entity_id: The credential's or organisation's id; empty for ``catalogue``.
        loc: The value's path inside the file.
        message: What is wrong.
        hint: How to fix it.
        severity: Error or warning.
        code: The rule's stable short identifier.
        key: Point at the key rather than its value.
        at: Point at this character of the text at ``loc`` (its offset in the text as the
            model keeps it): its own line in a block scalar (:meth:`Document.where_in`).
    """
    source = Catalogue.source_of(kind, entity_id)
    documents = catalogue.documents
    if isinstance(documents, Documents):
        place = documents.place(source, loc, key=key, at=at)
    else:
        doc = documents.get(source)
        place = None if doc is None else place_in(doc, loc, key=key, at=at)
    if place is None:  # pragma: no cover - every validated entity has its document
        return Problem(source, 0, 0, field_label(loc), message, hint, severity, code, loc)
    return Problem(
        place.display,
        place.line,
        place.column,
        place.label,
        message,
        hint,
        severity,
        code,
        place.loc,
    )


class Place(NamedTuple):
    """Where a value is in a catalogue file, as a problem names it."""

    display: str
    """The file's path as shown."""
    line: int
    column: int
    label: str
    """The value's field, as :func:`credcat.errors.field_label` names it."""
    loc: PathKey
    """The value's path (shortened to its key when a single value stands for a list)."""


def place_in(doc: Document, loc: PathKey, *, key: bool = False, at: int | None = None) -> Place:
    """Where the value at ``loc`` (or its key, or character ``at`` of its text) is in ``doc``."""
    while loc and isinstance(loc[-1], int) and loc not in doc.positions:
        loc = loc[:-1]  # a single value written where a list is allowed: name the key
    line, column = doc.where(loc, key=key) if at is None else doc.where_in(loc, at)
    return Place(doc.display, line, column, field_label(loc, doc.data), loc)


class Documents(Mapping[str, Document]):
    """The documents of a catalogue's files by path, for the positions of problems: a base for
    documents that are read when asked. :meth:`place` may be answered without the document
    (from positions found before)."""

    def place(
        self, source: str, loc: PathKey, *, key: bool = False, at: int | None = None
    ) -> Place | None:
        """Where the value at ``loc`` of file ``source`` is (or its key, or character ``at``
        of its text); ``None`` for an unknown file."""
        doc = self.get(source)
        return None if doc is None else place_in(doc, loc, key=key, at=at)
