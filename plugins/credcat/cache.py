"""What a rebuild under ``mkdocs serve`` may reuse: a key per credential, and stored files.

Owns :func:`credential_keys`, :func:`catalogue_salt`, :class:`FileStore` and
:func:`serve_store`.

A credential's pages and machine-readable files show the credential (every released version),
the credentials it names or that name it (``part_of``, ``builds_on``, ``superseded_by``: their
titles, statuses, versions), the organisations, the catalogue settings, credcat's templates,
vocabularies and interface strings, and the date. Its key is therefore a hash of

* the *salt*: everything every page shows (:func:`catalogue_salt`: the settings file, every
  organisation file and logo, the names organisations had that the releases recorded
  (:func:`credcat.versions.former_names`: every file naming one lists them), the catalogue's
  own translations of the interface
  (``locales/*.po``), credcat's version and files; the adapter adds the site's
  configuration, navigation, theme templates and the date), and
* the hashes of the files (:func:`credcat.validate.stamp`) of every credential in its
  *group*: the credentials linked to it, directly or through others, in any version; a link
  to a credential that has no file yet counts too, so that adding the file changes the key.

The keys are conservative: editing one credential changes the keys of its whole group, editing
an organisation or a template changes every key. A changed input always changes the key; an
unchanged key means the output would be the same bytes. Nothing here is used by ``mkdocs
build``, which renders everything.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

from . import __version__
from .catalogue import Catalogue
from .graph import RELATIONS
from .render.site.locales import LOCALES_DIR
from .validate import Stamp, stamp
from .versions import credential_at, former_names, succession

__all__ = [
    "SERVE_PREFIX",
    "FileStore",
    "catalogue_salt",
    "credential_keys",
    "serve_store",
    "tree_stamps",
]

SERVE_PREFIX = "credcat-serve-"
"""The temporary folder of ``mkdocs serve``'s store is ``<prefix><process id>-<random>``."""

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent


def tree_stamps(folder: Path, skip: Iterable[str] = ()) -> str:
    """Size, modification time and inode of every file under ``folder`` (sorted; folders
    named in ``skip`` not entered): templates, credcat's own files, logos."""
    skipped = set(skip) | {"__pycache__"}
    lines: list[str] = []
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            entries = sorted(current.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name in skipped:
                continue
            if entry.is_dir() and not entry.is_symlink():
                todo.append(entry)
            else:
                try:
                    status = entry.lstat()
                except OSError:
                    continue
                lines.append(f"{entry}\t{status.st_size}\t{status.st_mtime_ns}\t{status.st_ino}")
    return "\n".join(sorted(lines))


def catalogue_salt(catalogue: Catalogue) -> str:
    """What every page and file of a catalogue depends on, besides its credentials."""
    root = catalogue.root
    parts = [
        f"credcat {__version__}",
        tree_stamps(PACKAGE),
        f"{root.resolve()}",
        repr(stamp(root / catalogue.source_of("catalogue"))),
        repr(sorted(catalogue.invalid)),
    ]
    parts += [
        f"{oid}\t{stamp(root / catalogue.source_of('organisation', oid))}"
        for oid in catalogue.organisations
    ]
    parts.append(tree_stamps(root / "logos"))
    # the names releases recorded that differ from the organisations' names now: every file
    # that names an organisation lists them (altLabel), whichever credential's; a snapshot
    # can bring one without any organisation file changing
    parts.append(
        repr(sorted((oid, sorted(names.items())) for oid, names in former_names(catalogue).items()))
    )
    # the catalogue's own translations of the interface: every page's words (by content, as
    # an edit within the same second must change the key too)
    locales = root / LOCALES_DIR
    if locales.is_dir():
        parts += [f"{path.name}\t{stamp(path)}" for path in sorted(locales.glob("*.po"))]
    return "\n".join(parts)


def credential_keys(
    catalogue: Catalogue, salt: str, stamps: Mapping[str, Stamp] | None = None
) -> dict[str, str]:
    """A key per credential that changes whenever its pages or files could change.

    Args:
        catalogue: The catalogue of this build.
        salt: What everything depends on (:func:`catalogue_salt` and the site's own).
        stamps: The stamps of files just loaded, by path (:meth:`LoadCache.stamps`); other
            files are read and stamped here.
    """
    known = stamps or {}
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for cid in catalogue.credentials:
        find(cid)
        for info in succession(catalogue, cid).versions:
            shown = credential_at(catalogue, cid, info.version)
            linked: list[str] = []
            if shown.stackability is not None:
                for relation in RELATIONS:
                    linked += getattr(shown.stackability, relation)
            if shown.superseded_by:
                linked.append(shown.superseded_by)
            release = catalogue.archive.get(cid, info.version)
            if release is not None and release.supersedes:  # named for good, said so or not
                linked += [other for other, _version in release.supersedes]
            for other in linked:
                parent[find(other)] = find(cid)

    groups: dict[str, list[str]] = {}
    for node in sorted(parent):
        groups.setdefault(find(node), []).append(node)
    root = catalogue.root
    digests: dict[str, str] = {}
    for head, members in groups.items():
        lines = [salt]
        for cid in members:
            # a release's record too (its date, what it replaces, the versions it names),
            # which its fingerprint does not cover and other credentials' files read
            releases = [
                (
                    r.version,
                    r.fingerprint,
                    r.source,
                    r.released,
                    r.replaces,
                    r.named,
                    r.supersedes,
                    r.builds_on,
                    r.titles,
                    r.organisation_names,  # what its pages name each organisation
                )
                for r in catalogue.archive.of(cid)
            ]
            source = root / catalogue.source_of("credential", cid)
            found = known.get(str(source)) or stamp(source)
            lines.append(f"{cid}\t{found}\t{releases}")
        digests[head] = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return {cid: digests[find(cid)] for cid in catalogue.credentials}


def serve_store() -> FileStore:
    """The store of a ``mkdocs serve`` process, in a new folder of the system's temporary
    folder named after the process.

    A store's folder is removed when ``mkdocs serve`` stops, or when the interpreter exits; a
    process that is killed (``SIGTERM``, ``SIGKILL``, a closed terminal) leaves it, and it can
    hold a copy of the site. So the folders of such processes are removed first: only folders
    named by :data:`SERVE_PREFIX`, owned by this user, whose process no longer runs.
    """
    temporary = Path(tempfile.gettempdir())
    for old in temporary.glob(f"{SERVE_PREFIX}*-*"):
        pid = old.name[len(SERVE_PREFIX) :].partition("-")[0]
        if not pid.isdigit() or _running(int(pid)) or old.is_symlink() or not old.is_dir():
            continue
        if old.stat().st_uid == os.getuid():
            shutil.rmtree(old, ignore_errors=True)
    return FileStore(Path(tempfile.mkdtemp(prefix=f"{SERVE_PREFIX}{os.getpid()}-")))


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (one of another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # not ours to signal: it runs
        return True
    return True


class FileStore:
    """What an earlier build wrote for each credential, moved aside before the next build
    empties the site folder, and moved back where it is still right: nothing is copied.

    A *unit* is a credential: the folders that hold everything credcat writes for it (its
    pages, versions, summaries and machine-readable files, ``credentials/<id>/`` in every
    language's folder), the key they were written for, and something small to hand back with
    them (the search entries of its pages). Folders move by renaming when the store's folder is
    on the file system of the site folder (else they are copied).

    A folder that holds units' folders (``credentials/``) moves aside whole, and back whole
    once what must not come back (the folders of units changed or gone, anything else) is
    taken out of it: a rebuild after one edit renames a few folders, not three per credential.
    Where the build has already written into that folder, the units move back one by one.
    """

    def __init__(self, folder: Path) -> None:
        """Args:
        folder: An empty folder the store owns (the caller creates it); removed with the
            store, at the latest when the interpreter exits.
        """
        self.folder = folder
        self.close = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        self._units: dict[str, _Unit] = {}
        self._parked: list[_Parked] = []  # folders of the site moved aside whole
        self._left: list[str] = []  # what was taken out of parked folders, removed by forget
        self._made = 0  # folders made in the store's folder, for unique names
        self._folders: set[Path] = set()  # made in the site folder during this build
        self._memo: dict[str, tuple[str, object]] = {}
        self.hits = 0
        self.misses = 0

    def _new(self, kind: str) -> str:
        """A new path in the store's folder (paths are kept as text: a rebuild handles
        thousands of them)."""
        self._made += 1
        return os.path.join(self.folder, f"{kind}-{self._made}")

    def _remove(self, unit: _Unit) -> None:
        for place in unit.places or ():
            shutil.rmtree(place, ignore_errors=True)

    def keep(self, name: str, key: str, trees: list[str], extra: object = None) -> None:
        """Remember the folders ``trees`` (relative to the site folder, ``/``-separated) that
        this build wrote for unit ``name`` and ``key``."""
        old = self._units.get(name)
        if old is not None:
            self._remove(old)
        self._units[name] = _Unit(key, list(trees), extra)

    def reclaim(self, out: Path) -> None:
        """Before the site folder ``out`` is emptied: move every kept unit's folders aside (a
        unit one of whose folders is missing is dropped)."""
        self._folders = set()
        units = {name: unit for name, unit in self._units.items() if unit.places is None}
        by_parent: dict[str, list[tuple[str, int]]] = {}
        for name, unit in units.items():
            for index, tree in enumerate(unit.trees):
                by_parent.setdefault(posixpath.dirname(tree), []).append((name, index))
        places: dict[str, list[str | None]] = {
            name: [None] * len(unit.trees) for name, unit in units.items()
        }
        for parent, members in by_parent.items():
            source = out / parent
            if _whole(parent, by_parent) and source.is_dir() and not source.is_symlink():
                folder = self._new("parked")
                _move(source, Path(folder))
                parked = _Parked(parent, folder)
                self._parked.append(parked)
                present = set(os.listdir(folder))
                for name, index in members:
                    leaf = posixpath.basename(units[name].trees[index])
                    if leaf in present:
                        parked.members[leaf] = name
                        places[name][index] = os.path.join(folder, leaf)
                continue
            for name, index in members:
                site_tree = out / units[name].trees[index]
                if site_tree.is_dir():
                    place = self._new("unit")
                    _move(site_tree, Path(place))
                    places[name][index] = place
        for name, unit in units.items():
            found = [place for place in places[name] if place is not None]
            if len(found) < len(unit.trees):  # one of its folders is missing
                for place in found:
                    if os.path.dirname(place) == str(self.folder):
                        shutil.rmtree(place, ignore_errors=True)
                del self._units[name]  # what waits in a parked folder goes with it
                continue
            unit.places = found

    def restore(self, keys: Mapping[str, str], out: Path) -> dict[str, object]:
        """Move back into the site folder ``out`` the folders of every unit written for its
        key in ``keys`` (a unit's name to its key now); count hits and misses.

        Returns:
            What was kept with each unit moved back, by name.
        """
        hits = {
            name
            for name, key in keys.items()
            if (unit := self._units.get(name)) is not None
            and unit.places is not None
            and unit.key == key
        }
        self.misses += len(keys) - len(hits)
        moved: dict[str, str] = {}  # a place in a parked folder: where it is now
        back: set[str] = set()  # places moved back with their parked folder
        for parked in self._parked:
            target = out / parked.parent
            if target.exists() or target.is_symlink():  # this build wrote there: one by one
                continue
            folder = parked.folder
            wanted = {leaf for leaf, name in parked.members.items() if name in hits}
            left = self._new("left")
            os.mkdir(left)
            self._left.append(left)
            for entry in os.listdir(folder):
                if entry not in wanted:  # a unit changed or gone, or not a unit's
                    os.replace(os.path.join(folder, entry), os.path.join(left, entry))
                    moved[os.path.join(folder, entry)] = os.path.join(left, entry)
            self._make_parent(target)
            _move(Path(folder), target)
            back.update(os.path.join(folder, leaf) for leaf in wanted)
        self._parked = [parked for parked in self._parked if os.path.exists(parked.folder)]
        restored: dict[str, object] = {}
        for name, unit in self._units.items():
            if unit.places is None:
                continue
            if moved:
                unit.places = [moved.get(place, place) for place in unit.places]
            if name not in hits:
                continue
            for place, tree in zip(unit.places, unit.trees, strict=True):
                if place not in back:
                    target = out / tree
                    self._make_parent(target)
                    _move(Path(place), target)
            unit.places = None
            restored[name] = unit.extra
        self.hits += len(restored)
        return restored

    def _make_parent(self, target: Path) -> None:
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)

    def memo(self, name: str, key: str, make: Callable[[], T]) -> T:
        """A value kept in memory from the previous build under ``name`` if made for ``key``,
        else ``make()`` (kept for the next build)."""
        known = self._memo.get(name)
        if known is not None and known[0] == key:
            return known[1]  # type: ignore[return-value]
        value = make()
        self._memo[name] = (key, value)
        return value

    def forget(self, names: Iterable[str]) -> None:
        """Drop the units not in ``names`` and every folder still aside (not reused), and the
        values whose name does not end in ``:<name>`` (``node:<id>``, ``entry:<lang>:<id>``)."""
        keep = set(names)
        for name, unit in list(self._units.items()):
            if unit.places is not None or name not in keep:
                del self._units[name]
                self._remove(unit)
        for folder in [parked.folder for parked in self._parked] + self._left:
            shutil.rmtree(folder, ignore_errors=True)
        self._parked, self._left = [], []
        for name in list(self._memo):
            if name.rpartition(":")[2] not in keep:
                del self._memo[name]


class _Unit:
    """A unit of :class:`FileStore`."""

    def __init__(self, key: str, trees: list[str], extra: object) -> None:
        self.key = key
        self.trees = trees
        self.extra = extra
        # while aside: where each of its folders waits in the store's folder; None: in the site
        self.places: list[str] | None = None


class _Parked:
    """A folder of the site that :meth:`FileStore.reclaim` moved aside whole."""

    def __init__(self, parent: str, folder: str) -> None:
        self.parent = parent  # where it was, in the site folder
        self.folder = folder  # where it waits
        self.members: dict[str, str] = {}  # name in it: the unit whose folder it is


def _whole(parent: str, parents: Iterable[str]) -> bool:
    """Whether the site's folder ``parent`` may move aside whole: not the site folder itself,
    and neither inside nor around another folder that holds units' folders."""
    if parent in {"", "."}:
        return False
    return not any(
        other != parent and (other.startswith(parent + "/") or parent.startswith(other + "/"))
        for other in parents
    )


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except OSError:  # another file system
        shutil.move(source, target)
