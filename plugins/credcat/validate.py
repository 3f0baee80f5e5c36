"""Load a catalogue folder into the typed model: the one entry point of the core.

Owns reading and validating a catalogue folder: finding its files (and reporting misnamed or
missing ones), loading each with :mod:`credcat.yaml_loader`, validating it against
:mod:`credcat.model` (pydantic's errors worded by :mod:`credcat.pydantic_problems`), and running
the cross-file :mod:`credcat.rules` on what validated, and checking the catalogue's own
translations of the interface (``locales/<lang>.po``, :mod:`credcat.render.site.locales`).
The archive of released versions
(:func:`credcat.versions.load_archive`) is read here, once, into ``Catalogue.archive``.

Under ``mkdocs serve`` a :class:`LoadCache` keeps each file's model and problems from one load
to the next, by the file's content (:func:`stamp`): a rebuild after one edit parses and
validates that file only; the cross-file rules always run on the whole catalogue.

A loaded document (every value with its position in the file) is several times the size of
the model made from it, so no document of an organisation or credential file is kept once its
model is made: the catalogue's ``documents`` read a file again when a problem found later (by
the cross-file rules) needs its positions (:class:`_Documents`). Only ``catalogue.yaml``'s is
held.

``load_catalogue(path)`` either returns a :class:`~credcat.catalogue.Catalogue` or raises
:class:`~credcat.errors.CatalogueError` with every problem found. ``check_catalogue(path)`` does
the same work but returns the problems instead of raising, for ``credcat check``.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from stat import S_ISREG
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel

from .catalogue import (
    CATALOGUE_FILE,
    CREDENTIALS_DIR,
    ORGANISATIONS_DIR,
    Catalogue,
    Documents,
    Place,
    Release,
)
from .errors import CatalogueError, Problem, display_path, readable_name, shorten
from .fs import UnsafeFileError, folder_inside
from .ids import MAX_ID_LENGTH, SLUG_RE, slugify
from .model import (
    Brief,
    CatalogueSettings,
    Credential,
    CredentialBrief,
    Organisation,
    organisation_names,
)
from .pool import jobs, run_units
from .pydantic_problems import validate_document, validate_entity
from .render.site.locales import check_own
from .rules import check_rules, release_memos
from .store import Handle, Held, ModelStore, Packed
from .versions import RELEASED_CHANGED as CHANGED
from .versions import SnapshotLoader, fingerprint, load_archive, load_snapshot
from .yaml_loader import MAX_BYTES, Document, PathKey, load_yaml, value_at

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", Organisation, Credential)


LOAD_CHUNK = 50
"""Files per unit of work when a folder is read in worker processes."""

PARALLEL_FROM = 200
"""A folder of fewer files is read in the calling process: starting workers would cost about
as much as they save (reading a credential file takes about 2 ms)."""


Stamp = str
"""What a file holds, as a hash of its bytes: a different stamp means a changed file."""


def stamp(path: Path) -> Stamp | None:
    """The :data:`Stamp` of a regular file within the loader's size limit; ``None`` for
    anything else (missing, a link, a special file, too large: the loader reports those, and
    they are never taken from a cache)."""
    try:
        status = os.stat(path, follow_symlinks=False)
        if not S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as stream:
            return hashlib.blake2b(stream.read(MAX_BYTES + 1), digest_size=20).hexdigest()
    except OSError:
        return None


@dataclass
class LoadCache:
    """Files loaded by an earlier :func:`check_catalogue`, kept for the next (``mkdocs
    serve``): per file, its stamp, whether it loaded as YAML, its model and its problems."""

    files: dict[tuple[str, str, str], tuple[Stamp, bool, Any, tuple[Problem, ...]]] = field(
        default_factory=dict
    )
    snapshots: dict[tuple[str, str, str], tuple[Stamp, Release | None, tuple[Problem, ...]]] = (
        field(default_factory=dict)
    )
    """The archive's snapshots, like :attr:`files`: per file, its stamp, its release (``None``
    when refused) and its problems."""
    places: dict[tuple[str, Stamp, PathKey, bool, int | None], Place] = field(default_factory=dict)
    """Positions the cross-file rules asked for, by file, stamp, value, whether its key and
    the character of its text: their problems come again in every build (a past run stays
    past), and finding a position would read the file again."""

    def stamps(self) -> dict[str, Stamp]:
        """The stamp of every file of the last load, by path."""
        return {path: known[0] for (path, _, _), known in self.files.items()}


class _Documents(Documents):
    """The documents of a catalogue's files by path relative to the catalogue folder, read
    again when asked: the positions a problem found after loading is reported at. The last
    few are kept (the problems of one file are found one after the other); with a cache, every
    position found is kept in it for the next load while its file is unchanged."""

    KEEP = 8

    def __init__(
        self,
        read: Callable[[str], Document | None],
        sources: Mapping[str, Stamp | None],
        held: dict[str, Document],
        cache: LoadCache | None = None,
    ) -> None:
        self._read = read
        self._sources = set(sources) | held.keys()
        self._held = held
        self._recent: OrderedDict[str, Document | None] = OrderedDict()
        self._stamps = sources
        self._places: dict[tuple[str, Stamp, PathKey, bool, int | None], Place] | None = None
        if cache is not None:  # keep the positions of unchanged files only
            known = cache.places
            self._places = cache.places = {
                k: v for k, v in known.items() if sources.get(k[0]) == k[1]
            }

    def place(
        self, source: str, loc: PathKey, *, key: bool = False, at: int | None = None
    ) -> Place | None:
        stamp = self._stamps.get(source)
        if self._places is None or stamp is None:
            return super().place(source, loc, key=key, at=at)
        memo = (source, stamp, loc, key, at)
        found = self._places.get(memo)
        if found is None:
            found = super().place(source, loc, key=key, at=at)
            if found is not None:
                self._places[memo] = found
        return found

    def __getitem__(self, source: str) -> Document:
        found = self._held.get(source)
        if found is None and source in self._sources:
            if source in self._recent:
                self._recent.move_to_end(source)
                found = self._recent[source]
            else:
                found = self._recent[source] = self._read(source)
                if len(self._recent) > self.KEEP:
                    self._recent.popitem(last=False)
        if found is None:
            raise KeyError(source)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._sources))

    def __len__(self) -> int:
        return len(self._sources)


def load_catalogue(
    root: Path | str,
    *,
    display_root: Path | None = None,
    cache: LoadCache | None = None,
    packed: bool = False,
) -> Catalogue:
    """Load and validate a catalogue folder.

    Args:
        root: The catalogue folder (holding ``catalogue.yaml``).
        display_root: Paths in problems are shown relative to this folder (default: the
            current directory).
        cache: Files of an earlier load, reused where unchanged (and updated).
        packed: Keep the credentials' models packed, read again when asked (ignored with a
            ``cache``); see :func:`check_catalogue`.

    Returns:
        The validated catalogue; its ``warnings`` hold the problems that are not errors.

    Raises:
        CatalogueError: When there is at least one error; it carries every problem found.
    """
    catalogue, problems = check_catalogue(
        root, display_root=display_root, cache=cache, packed=packed
    )
    if catalogue is None or any(p.is_error for p in problems):
        raise CatalogueError(problems)
    return catalogue


def _snapshot_loader(catalogue: Catalogue, cache: LoadCache | None) -> SnapshotLoader | None:
    """With a cache: a loader of the archive's snapshots that takes an unchanged file's release
    and problems from the previous load (``mkdocs serve`` reads the archive in every rebuild),
    and forgets the files it is not asked for."""
    if cache is None:
        return None
    known, cache.snapshots = cache.snapshots, {}
    language = catalogue.settings.default_language

    def load(path: Path, credential_id: str, shown: str) -> tuple[Release | None, list[Problem]]:
        key = (str(path), credential_id, language)
        now = stamp(path)
        found = known.get(key)
        if found is not None and now is not None and found[0] == now:
            cache.snapshots[key] = found
            return found[1], list(found[2])
        release_, problems = load_snapshot(path, credential_id, shown, catalogue)
        if now is not None:
            cache.snapshots[key] = (now, release_, tuple(problems))
        return release_, problems

    return load


class _Read(NamedTuple, Generic[E]):
    """One file read, here or in a worker process (then as it crosses back): whether it
    loaded as YAML, its model, its problems, and the brief of a credential made there."""

    loaded: bool
    entity: E | None
    problems: list[Problem]
    brief: Brief | None


def check_catalogue(
    root: Path | str,
    *,
    display_root: Path | None = None,
    cache: LoadCache | None = None,
    packed: bool = False,
) -> tuple[Catalogue | None, list[Problem]]:
    """Validate a catalogue folder and return it with every problem found.

    The catalogue is ``None`` when an error makes a consistent model impossible; the problem
    list is sorted by file, line and column. With ``packed`` (and no ``cache``), the models
    of credentials and snapshots are packed as soon as each is made and read again when
    asked (:mod:`credcat.store`): what a build that renders them one by one does, so that its
    memory does not grow with the catalogue.
    """
    root = base = Path(root)
    shown = Path.cwd() if display_root is None else display_root
    problems: list[Problem] = []
    documents: dict[str, Document] = {}  # catalogue.yaml's
    sources: dict[str, Stamp | None] = {}  # the other files that loaded (read again when
    # asked), with their stamps (with a cache)

    def show(path: Path) -> str:
        return display_path(path, shown)

    settings_path = root / CATALOGUE_FILE
    if not settings_path.is_file() and not settings_path.is_symlink():
        problems.append(no_catalogue(root, show))
        return None, problems

    settings_doc = _load(root, settings_path, show, problems)
    settings: CatalogueSettings | None = None
    settings_problems: list[Problem] = []  # told once the organisations are known
    if settings_doc is not None:
        documents[CATALOGUE_FILE] = settings_doc
        settings = validate_document(CatalogueSettings, settings_doc, {}, settings_problems)
    # what a file's hints may name of the catalogue: its languages (then, for credentials,
    # its organisations and their countries)
    context: dict[str, Any] = {
        "default_language": settings.default_language if settings else "en",
        "languages": tuple(settings.languages) if settings else (),
    }
    context_key = _context_key(context)  # a key of the cache: the files' problems depend on it
    refused: set[str] = set()  # folders that are links out of the catalogue
    seen: set[tuple[str, str, str]] = set()

    def read(cls: type[E], path: Path, entity_id: str, briefed: bool) -> _Read[E]:
        """Read and validate one file (here or in a worker process): whether it loaded as
        YAML, its model, its problems and, ``briefed``, the brief of a credential."""
        found: list[Problem] = []
        doc = _load(base, path, show, found)
        entity = None if doc is None else validate_entity(cls, doc, entity_id, context, found)
        brief = (
            CredentialBrief.of(entity, fingerprint(entity))
            if briefed and isinstance(entity, Credential)
            else None
        )
        return _Read(doc is not None, entity, found, brief)

    def load_one(cls: type[E], path: Path, entity_id: str) -> tuple[bool, E | None, Stamp | None]:
        """Read and validate one file, or take the result from the cache when it is
        unchanged. Returns whether it loaded as YAML, its model and its stamp (with a
        cache)."""
        key = (str(path), entity_id, context_key)
        now = stamp(path) if cache is not None else None
        if cache is not None and now is not None:
            seen.add(key)
            known = cache.files.get(key)
            if known is not None and known[0] == now:
                problems.extend(known[3])
                return known[1], known[2], now
        one = read(cls, path, entity_id, briefed=False)
        problems.extend(one.problems)
        if cache is not None and now is not None:
            cache.files[key] = (now, one.loaded, one.entity, tuple(one.problems))
        return one.loaded, one.entity, now

    def read_all(
        cls: type[E], listed: list[tuple[Path, str]], briefed: bool
    ) -> Iterator[tuple[bool, E | None, Stamp | None, Brief | None]]:
        """Each file of ``listed`` loaded, in order: whether it loaded, its model, its stamp
        (with a cache) and, when it was made in a worker process, its brief (``briefed``).
        Without a cache, a folder of :data:`PARALLEL_FROM` files or more is read in worker
        processes where there are cores (:func:`credcat.pool.run_units`), :data:`LOAD_CHUNK`
        files to a unit; the problems and models are the same, in the same order."""
        processes = jobs()  # a mistaken CREDCAT_JOBS is refused whatever the folder's size
        if cache is None and len(listed) >= PARALLEL_FROM and processes > 1:
            starts = range(0, len(listed), LOAD_CHUNK)
            units = [str(start) for start in starts]

            def run(unit: str) -> list[_Read[E]]:
                chunk = listed[int(unit) : int(unit) + LOAD_CHUNK]
                return [read(cls, path, entity_id, briefed) for path, entity_id in chunk]

            with contextlib.closing(run_units(units, run, processes)) as results:
                for chunk in results:
                    for one in chunk:
                        problems.extend(one.problems)
                        yield one.loaded, one.entity, None, one.brief
            return
        for path, entity_id in listed:
            loaded, entity, now = load_one(cls, path, entity_id)
            yield loaded, entity, now, None

    def load_all(
        cls: type[E],
        folder: str,
        keep: Callable[[E, Brief | None], Handle[E]] = lambda entity, brief: Held(entity),
        briefed: bool = False,
    ) -> tuple[dict[str, Handle[E]], set[str]]:
        """Validate every file of one folder; returns how each model is reached (``keep``
        gives it as soon as it is made, with its brief where a worker made one) and the ids
        of every file."""
        found: dict[str, Handle[E]] = {}
        ids: set[str] = set()
        listed = _entity_files(base, folder, show, problems)
        if listed is None:
            refused.add(folder)
            listed = []
        loaded_files = read_all(cls, listed, briefed)
        for (path, entity_id), (loaded, entity, now, brief) in zip(
            listed, loaded_files, strict=True
        ):
            # a misnamed file (entity_id != its name) is checked too, so that renaming it
            # brings no new surprises, but it is not part of the catalogue until renamed
            ids.add(entity_id)
            if not loaded or path.name != f"{entity_id}.yaml":  # 'x.yml' too: refused above
                continue
            sources[f"{folder}/{path.name}"] = now
            if entity is not None:
                found[entity.id] = keep(entity, brief)
        return found, ids

    held, organisation_files = load_all(Organisation, ORGANISATIONS_DIR)
    organisations = {oid: handle.get() for oid, handle in held.items()}
    if organisations:
        names = organisation_names(organisations.values(), context["default_language"])
        countries = Counter(org.country for org in organisations.values())
        publisher = organisations.get(settings.publisher) if settings is not None else None
        own = publisher.country if publisher is not None else None
        context["organisations"] = names
        # the publisher's country first (its national framework is the likeliest), then
        # the others, the most frequent first
        context["countries"] = tuple(sorted(countries, key=lambda c: (c != own, -countries[c], c)))
        context_key = _context_key(context)
        if settings is None and settings_doc is not None:  # its publisher may be a name
            settings_problems = []
            validate_document(CatalogueSettings, settings_doc, context, settings_problems)
    problems.extend(settings_problems)
    store = ModelStore() if packed and cache is None else None
    briefs: dict[str, Brief] | None = None
    credentials: Mapping[str, Credential]
    if store is None:
        handles, credential_files = load_all(Credential, CREDENTIALS_DIR)
        credentials = {cid: handle.get() for cid, handle in sorted(handles.items())}
    else:
        made: dict[str, Brief] = {}

        def pack(cred: Credential, brief: Brief | None) -> Handle[Credential]:
            made[cred.id] = brief or CredentialBrief.of(cred, fingerprint(cred))
            return store.put(cred)

        handles, credential_files = load_all(Credential, CREDENTIALS_DIR, pack, briefed=True)
        credentials = Packed(dict(sorted(handles.items())))
        briefs = {cid: made[cid] for cid in credentials}
    problems[:] = _titles_for_ids(
        problems, credentials, lambda source: _load(base, base / source, show, [])
    )
    if cache is not None:  # forget deleted and renamed files
        for key in cache.files.keys() - seen:
            del cache.files[key]

    no_organisations = not organisation_files and (
        ORGANISATIONS_DIR in refused or _missing_folder(root, ORGANISATIONS_DIR, show, problems)
    )
    if not credential_files and CREDENTIALS_DIR not in refused:
        _missing_folder(root, CREDENTIALS_DIR, show, problems)  # "the catalogue has none"

    if settings is None:
        return None, sorted(problems)
    invalid = frozenset(
        [f"organisation:{oid}" for oid in organisation_files - organisations.keys()]
        + [f"credential:{cid}" for cid in credential_files - credentials.keys()]
    )
    catalogue = Catalogue(
        root=root,
        settings=settings,
        organisations=dict(sorted(organisations.items())),
        credentials=credentials,
        briefs_kept=briefs,
        documents=_Documents(
            lambda source: _load(base, base / source, show, [], blocks=True),
            sources,
            documents,
            cache,
        ),
        invalid=invalid,
    )
    archive, archive_problems = load_archive(catalogue, _snapshot_loader(catalogue, cache), store)
    object.__setattr__(catalogue, "archive", archive)
    problems.extend(archive_problems)
    found = check_rules(catalogue)
    if cache is None:  # a load not kept for another: the rules' memos go with it
        release_memos()
    if no_organisations:  # one problem says so; not one per reference
        found = [p for p in found if p.code != "unknown-organisation"]
    problems.extend(found)
    # the catalogue's own translations of the interface (locales/<lang>.po)
    problems.extend(check_own(root, show, [settings.default_language, *settings.languages]))
    problems = _mistakes_not_changes(problems)
    problems.sort()
    warnings = tuple(p for p in problems if not p.is_error)
    object.__setattr__(catalogue, "warnings", warnings)
    return catalogue, problems


CREDENTIAL_REFERENCES = frozenset(
    {("stackability", "builds_on"), ("stackability", "part_of"), ("superseded_by",)}
)
"""Where a credential names another by its id (the keys above the list's index)."""


def _titles_for_ids(
    problems: list[Problem],
    credentials: Mapping[str, Credential],
    read: Callable[[str], Document | None],
) -> list[Problem]:
    """The problems, where a credential is named by its title instead of its id
    (``builds_on: [MIG/MAG-lassen basis]``) told the id of the credential of that title:
    ``'MIG/MAG-lassen basis' is the title of a credential, not its id (did you mean
    'lassen-mig-mag'?)`` (it got the id made from the title, which no credential has).

    Args:
        problems: The problems found so far; only those of an invalid id where a credential
            is named (:data:`CREDENTIAL_REFERENCES`) change.
        credentials: The catalogue's valid credentials, whose titles (in every language) are
            compared, as :func:`~credcat.ids.slugify` gives them.
        read: Reads a file's document by its path relative to the catalogue folder.
    """
    wrong = [
        p
        for p in problems
        if p.code == "slug"
        and (p.loc[:-1] in CREDENTIAL_REFERENCES or p.loc in CREDENTIAL_REFERENCES)
        and Path(p.path).parent.name == CREDENTIALS_DIR
    ]
    if not wrong:
        return problems
    titles: dict[str, tuple[str, str]] = {}
    for cid, cred in credentials.items():
        for text in cred.title.values():
            titles.setdefault(slugify(text), (cid, text))
    told: dict[int, Problem] = {}
    for problem in wrong:
        doc = read(f"{CREDENTIALS_DIR}/{Path(problem.path).name}")
        data = doc.data if doc is not None else None
        value = value_at(data, problem.loc)
        if value is None and problem.loc[-1:] == (0,):  # one id written without a list
            value = value_at(data, problem.loc[:-1])
        found = titles.get(slugify(value)) if isinstance(value, str) else None
        if found is not None:
            cid, title = found
            told[id(problem)] = replace(
                problem,
                message=f"'{shorten(value)}' is the title of a credential, not its id",
                hint=f"did you mean '{cid}' ({shorten(title)})?",
            )
    return [told.get(id(p), p) for p in problems]


def _context_key(context: Mapping[str, Any]) -> str:
    """What a file's problems depend on besides its content (the hints name the catalogue's
    languages, countries and organisations), as a key of :class:`LoadCache`."""
    text = repr(
        sorted((k, sorted(v.items()) if isinstance(v, Mapping) else v) for k, v in context.items())
    )
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _mistakes_not_changes(problems: list[Problem]) -> list[Problem]:
    """Without the "differs from the released version" problem of a value that is a mistake
    anyway (another error at the same place: a mistyped organisation, a duplicate id): the
    maintainer fixes the mistake, which also undoes the change, and is never told to raise
    the version for a typo."""
    mistakes = {(p.path, p.line, p.column) for p in problems if p.is_error and p.code != CHANGED}
    return [
        p
        for p in problems
        if p.code != CHANGED or not p.line or (p.path, p.line, p.column) not in mistakes
    ]


# --- files --------------------------------------------------------------------------------


def no_catalogue(root: Path, show: Callable[[Path], str], command: str = "") -> Problem:
    """The problem of a catalogue folder without ``catalogue.yaml``, with what to give
    instead: the folder of a ``catalogue.yaml`` given itself, the sub-folder that holds one,
    or the catalogue folder the path is in (a credential's file given, or run inside
    ``credentials/``). ``command`` (``check``) names the command in the hint.

    (The CLI itself takes the current folder when it holds ``catalogue.yaml`` and no folder
    was named.)"""
    shown = show(root) or "."
    hint = "give the folder that holds catalogue.yaml, or start one with credcat init"
    above = catalogue_above(root)
    near = _shown_folder(above) if above is not None else ""
    if root.is_file():
        message = f"{shown} is a file, not a catalogue folder"
        if root.name == CATALOGUE_FILE:
            hint = f"give the folder that holds it: {show(root.parent) or '.'}"
        elif above is not None and command:
            every = " and checks every file in it" if command == "check" else ""
            hint = f"credcat {command} takes the catalogue folder{every}: give {near}"
        elif above is not None:
            hint = f"give the catalogue folder, {near}"
    elif not root.exists():
        message = f"there is no folder {shown}"
        if above is not None:
            hint = f"the nearest catalogue folder is {near}: give {near}"
    else:
        message = f"no {CATALOGUE_FILE} in {shown}"
        try:
            nested = sorted(p for p in root.iterdir() if (p / CATALOGUE_FILE).is_file())
        except OSError:
            nested = []
        if nested:
            hint = f"give {show(nested[0])}, the folder that holds catalogue.yaml"
        elif above is not None:
            inside = "this folder" if shown == "." else shown
            hint = f"{inside} is inside the catalogue folder {near}: give {near}"
    return Problem(shown, 0, 0, "", message, hint, code="no-catalogue")


def catalogue_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` (or above the file, or above where the path
    would be) that holds ``catalogue.yaml``; ``None`` when there is none."""
    here = path.absolute()
    for folder in (here, *here.parents):
        with contextlib.suppress(OSError):
            if folder.is_dir() and (folder / CATALOGUE_FILE).is_file():
                return folder
    return None


def _shown_folder(folder: Path) -> str:
    """A folder as a maintainer types it from the current folder: ``catalogue``, ``.``,
    ``..``; the absolute path when it is far up or on another drive."""
    try:
        shown = os.path.relpath(folder, Path.cwd())
    except ValueError:  # another drive (Windows)
        return readable_name(folder.as_posix())
    if shown.split(os.sep).count("..") > 2:
        return readable_name(folder.as_posix())
    return readable_name(Path(shown).as_posix())


def _entity_files(
    root: Path, name: str, show: Any, problems: list[Problem]
) -> list[tuple[Path, str]] | None:
    """The YAML files of a folder of the catalogue, each with the id it stands for.

    A file whose name cannot be an id (``Data Analysis.yaml``, ``x.yml``) is reported, and
    returned with the id it should be renamed to, so that its content is checked all the same
    and references to that id are not reported as unknown as well. Links are not followed
    here: each file is read through :mod:`credcat.fs` by the loader, which refuses links out of
    the catalogue, loops of links and special files with a located problem.

    Returns:
        The files, or ``None`` when the folder itself is a link out of the catalogue or a loop
        of links (reported).
    """
    try:
        folder = folder_inside(root, name)
    except UnsafeFileError as exc:
        problems.append(
            Problem(
                show(root / name),
                0,
                0,
                "",
                f"the folder '{name}' {exc.reason}",
                f"keep '{name}' a plain folder inside the catalogue folder, not a link",
                code="unsafe-file",
            )
        )
        return None
    if folder is None:
        return []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        problems.append(
            Problem(
                show(folder),
                0,
                0,
                "",
                f"the folder '{name}' cannot be read: {exc.strerror or exc}",
                "make the folder readable",
                code="unsafe-file",
            )
        )
        return None
    files: list[tuple[Path, str]] = []
    names = {path.name for path in entries}

    def rename(name: str) -> str:
        """The hint to rename a file to ``name``, unless a file of that name exists: renaming
        would replace it, and the file is most likely a copy of it."""
        if name in names:
            return (
                f"{name} exists already: this looks like a copy of it; give it an id of its own "
                "or remove it"
            )
        return f"rename it to {name}"

    for path in entries:
        if path.name.startswith(".") or path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix not in {".yaml", ".yml"}:
            continue
        suggestion = _id_for(path.stem)
        if path.suffix != ".yaml":
            problems.append(
                Problem(
                    show(path),
                    0,
                    0,
                    "",
                    f"credcat reads only files ending in .yaml, not {path.suffix}",
                    rename(f"{suggestion or path.stem}.yaml"),
                    code="file-name",
                )
            )
        elif not SLUG_RE.fullmatch(path.stem) or len(path.stem) > MAX_ID_LENGTH:
            problems.append(
                Problem(
                    show(path),
                    0,
                    0,
                    "",
                    f"'{readable_name(path.stem)}' cannot be an id: {_id_rule(path.stem)}",
                    rename(f"{suggestion}.yaml") if suggestion else "",
                    code="file-name",
                )
            )
        else:
            files.append((path, path.stem))
            continue
        if suggestion:
            files.append((path, suggestion))
    return files


def _id_rule(name: str) -> str:
    """What a file name breaks of the rule of ids: their letters, or their length."""
    length = f"an id has at most {MAX_ID_LENGTH} characters (this one has {len(name)})"
    if SLUG_RE.fullmatch(name):
        return f"the file name is the id, and {length}"
    return "the file name is the id, in lowercase letters, digits and hyphens" + (
        f", and {length}" if len(name) > MAX_ID_LENGTH else ""
    )


def _id_for(name: str) -> str:
    """The id a file name was probably meant to be: ``Datenanalyse Ü1`` → ``datenanalyse-ue1``."""
    return slugify(readable_name(name))


def _missing_folder(root: Path, folder: str, show: Any, problems: list[Problem]) -> bool:
    """Report a folder that is missing or holds no YAML file; True when reported."""
    target = root / folder
    if target.is_dir() and any(target.glob("*.y*ml")):
        return False
    near = [
        p.name
        for p in sorted(root.iterdir())
        if p.is_dir() and p.name != folder and _close_folder(p.name, folder)
    ]
    if near:
        hint = f"rename the folder '{near[0]}' to '{folder}'"
    else:
        hint = f"add a file per {folder[:-1]}, such as {folder}/<id>.yaml"
    where = "holds no .yaml file" if target.is_dir() else "is missing"
    problems.append(
        Problem(
            show(target),
            0,
            0,
            "",
            f"the catalogue has no {folder}: the folder '{folder}' {where}",
            hint,
            code=f"no-{folder}",
        )
    )
    return True


def _close_folder(name: str, wanted: str) -> bool:
    lowered = name.lower()
    return lowered == wanted or bool(
        difflib.get_close_matches(lowered, [wanted, wanted[:-1]], n=1, cutoff=0.75)
    )


def _load(
    root: Path, path: Path, show: Any, problems: list[Problem], *, blocks: bool = False
) -> Document | None:
    doc, found = load_yaml(path, show(path), root, blocks=blocks)
    problems.extend(found)
    return doc
