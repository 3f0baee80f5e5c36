"""The data files of a site written straight to the site folder, in parallel where it helps.

The data files (every version's machine-readable files with the OB3 editions and badges,
``catalogue.jsonld``, each language's ``catalogue.json`` and ``catalogue-texts.json``, and the
organisations' logos) are independent of each other and of the pages, so the adapter writes them
at the end of the build, in *units* of work: ``catalogue.jsonld``, the two catalogue files of
each language, the logos, and the machine files of :data:`CHUNK` credentials at a time. Each
unit writes its files as it renders them, so memory holds one chunk, never the whole site
(10,000 credentials publish about 2 GB of JSON). ``catalogue.jsonld`` is written node by node.

**Processes.** The units run in worker processes where there are cores
(:func:`credcat.pool.run_units`, as many as :func:`credcat.pool.jobs` says). They inherit the
validated catalogue; a unit returns the paths it wrote. Every file's bytes depend only on the
catalogue, never on the process or the order, so a parallel build is byte-identical to a
single-process one (tested).

A unit checks that it wrote exactly the paths announced for it (:class:`DataPaths`, used for
the collision check before the build writes anything): a renderer and the announcement that
disagree fail the build instead of leaving a file out or unannounced.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from .cache import FileStore
from .catalogue import Catalogue
from .errors import CredcatError
from .jsonld import EDC_CONTEXT
from .model import Credential
from .pool import run_units
from .render.data.machine import (
    catalogue_node,
    credential_files,
    credential_nodes,
    edition_paths,
    opportunities_path,
)
from .render.data.nodes import dumps
from .render.logos import logo_files
from .render.site.common import EntryMemo
from .render.site.index import catalogue_json_parts, catalogue_texts_json_parts
from .urls import CATALOGUE_JSONLD, MACHINE_FILES, Urls
from .versions import succession

__all__ = [
    "CHUNK",
    "DataJob",
    "DataPaths",
    "OutputError",
    "Written",
    "check_written",
    "data_files",
    "data_units",
    "emit_data_files",
    "entry_memo",
    "run_data_unit",
    "safe_relative",
    "write_data_files",
]

T = TypeVar("T")


class OutputError(CredcatError):
    """Two renderers claimed the same output path, a path would leave the output folder, or the
    output folder is one that must not be replaced (the project, the catalogue, home …)."""


def safe_relative(path: str) -> PurePosixPath:
    """Check that a generated path stays inside the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return pure


CHUNK = 50
"""Credentials per unit of machine files: large enough that starting a unit costs little,
small enough that the cores share the work evenly."""


@dataclass(frozen=True)
class DataJob:
    """What to write: the catalogue, its URLs, where, and which files.

    Attributes:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        out: The site folder.
        machine_files: Whether the machine-readable files (and ``catalogue.jsonld``) are
            published.
        languages: The languages with a ``catalogue.json`` and ``catalogue-texts.json``
            (default language first).
        store: Under ``mkdocs serve``: what the previous build made (``catalogue.jsonld``'s
            node of every credential whose key has not changed); one process only.
        keys: The key of every credential (:func:`credcat.cache.credential_keys`).
        restored: Credentials whose files are already in the site folder (moved back from
            the previous build by the adapter): not written again.
        sink: Where the files go instead of ``out`` when given: called with each file's
            path and content, its bytes or, for a large file, its parts in order (an iterator
            to consume; :func:`emit_data_files`).
        paths: Under ``mkdocs serve``: the paths of each credential's files, once made (a
            build asks for them up to three times: the collision check, and each unit's
            check of what it wrote, restored credentials included).
    """

    catalogue: Catalogue
    urls: Urls
    out: Path
    machine_files: bool
    languages: tuple[str, ...]
    store: FileStore | None = None
    keys: Mapping[str, str] | None = None
    restored: frozenset[str] = frozenset()
    sink: Callable[[str, bytes | Iterator[bytes]], object] | None = None
    paths: dict[str, list[str]] | None = None


def _version_paths(job: DataJob, cid: str) -> list[str]:
    if job.paths is not None:
        known = job.paths.get(cid)
        if known is None:
            known = job.paths[cid] = _make_version_paths(job, cid)
        return known
    return _make_version_paths(job, cid)


def _make_version_paths(job: DataJob, cid: str) -> list[str]:
    paths = []
    for info in succession(job.catalogue, cid).published:  # a draft's version not released: none
        paths += [job.urls.machine_file(cid, info.version, kind) for kind in MACHINE_FILES]
        paths += edition_paths(job.catalogue, cid, info.version, job.urls)
    if (opportunities := opportunities_path(job.catalogue, cid, job.urls)) is not None:
        paths.append(opportunities)
    return paths


def data_units(job: DataJob) -> list[str]:
    """The units of work, longest first: ``jsonld``, ``json:<lang>``, ``chunk:<n>``."""
    units = ["jsonld"] if job.machine_files else []
    units += [f"json:{lang}" for lang in job.languages]
    units.append("logos")
    if job.machine_files:
        count = len(job.catalogue.credentials)
        units += [f"chunk:{start}" for start in range(0, count, CHUNK)]
    return units


def _unit_paths(job: DataJob, unit: str) -> list[str]:
    kind, _, arg = unit.partition(":")
    if kind == "jsonld":
        return [CATALOGUE_JSONLD]
    if kind == "json":
        lang = None if arg == job.languages[0] else arg
        return [job.urls.catalogue_json(lang), job.urls.catalogue_texts(lang)]
    if kind == "logos":
        return [logo.path for logo in logo_files(job.catalogue, job.urls).values()]
    ids = list(job.catalogue.credentials)[int(arg) : int(arg) + CHUNK]
    return [path for cid in ids for path in _version_paths(job, cid)]


class DataPaths:
    """The paths a job's units write (:func:`data_units`), for the collision check before
    anything is written and for links to a data file from a hand-written page, without
    holding them: at 10,000 credentials they are 150,000.

    Iterating gives them all, unit by unit; ``in`` lists only the folder's credential (the last
    one asked is kept: pages ask for their own credential's files in turn).
    """

    def __init__(self, job: DataJob) -> None:
        self._job = job
        self._shared = frozenset(
            path
            for unit in data_units(job)
            if not unit.startswith("chunk:")
            for path in _unit_paths(job, unit)
        )
        self._last: tuple[str, frozenset[str]] = ("", frozenset())

    def __iter__(self) -> Iterator[str]:
        for unit in data_units(self._job):
            yield from _unit_paths(self._job, unit)

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        if path in self._shared:
            return True
        job = self._job
        cid = job.urls.credential_of(path)
        if cid is None or not job.machine_files or cid not in job.catalogue.credentials:
            return False
        if self._last[0] != cid:
            self._last = (cid, frozenset(_version_paths(job, cid)))
        return path in self._last[1]


def _write(job: DataJob, path: str, parts: Iterator[bytes] | bytes) -> None:
    if job.sink is not None:
        safe_relative(path)
        job.sink(path, parts)
        return
    target = job.out / safe_relative(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        if isinstance(parts, bytes):
            stream.write(parts)
        else:
            for part in parts:
                stream.write(part)


def _catalogue_jsonld(job: DataJob) -> Iterator[bytes]:
    """``catalogue.jsonld`` as :func:`~.render.data.nodes.dumps` writes the whole document
    (sorted keys: ``@context`` before ``@graph``), one node at a time."""
    context = json.dumps(list(EDC_CONTEXT), ensure_ascii=False, separators=(",", ":"))
    yield f'{{"@context":{context},"@graph":['.encode()
    yield dumps(catalogue_node(job.catalogue, job.urls))[:-1]  # the catalogue's, first
    for credential in job.catalogue.credentials.values():

        def node(credential: Credential = credential) -> bytes:
            nodes = credential_nodes(job.catalogue, credential, job.urls)
            return b",".join(dumps(one)[:-1] for one in nodes)  # no final \n

        yield b"," + _kept(job, "node", credential.id, node)
    yield b"]}\n"


def _kept(job: DataJob, name: str, cid: str, make: Callable[[], T]) -> T:
    """``make()``, or under ``mkdocs serve`` what the previous build made under ``name`` for
    credential ``cid`` if its key has not changed (:meth:`credcat.cache.FileStore.memo`)."""
    return _kept_in(job.store, job.keys, name, cid, make)


def _kept_in(
    store: FileStore | None,
    keys: Mapping[str, str] | None,
    name: str,
    cid: str,
    make: Callable[[], T],
) -> T:
    """:func:`_kept` with the store and keys given: the value is kept as ``<name>:<cid>``
    (:meth:`credcat.cache.FileStore.forget` drops it when ``cid`` is gone)."""
    key = keys.get(cid) if keys is not None else None
    if store is None or key is None:
        return make()
    return store.memo(f"{name}:{cid}", key, make)


def _entry_memo(job: DataJob, lang: str) -> EntryMemo | None:
    """Under ``mkdocs serve``: the catalogue files' entries of unchanged credentials."""
    if job.store is None or job.keys is None:
        return None
    return entry_memo(job.store, job.keys, lang)


def entry_memo(store: FileStore, keys: Mapping[str, str], lang: str) -> EntryMemo:
    """The entries of the catalogue files in ``lang`` (:mod:`credcat.render.site.index`) of
    the credentials whose key (``keys``) is the same as in the previous build under ``mkdocs
    serve``; the catalogue's list pages use the same entries."""

    def memo(kind: str, cid: str, make: Callable[[], T]) -> T:
        return _kept_in(store, keys, f"{kind}:{lang}", cid, make)

    return memo


def run_data_unit(job: DataJob, unit: str) -> list[str]:
    """Render and write one unit of :func:`data_units`; the paths written."""
    kind, _, arg = unit.partition(":")
    written: list[str] = []
    if kind == "jsonld":
        _write(job, CATALOGUE_JSONLD, _catalogue_jsonld(job))
        written.append(CATALOGUE_JSONLD)
    elif kind == "json":
        lang = None if arg == job.languages[0] else arg
        memo = _entry_memo(job, arg)
        path = job.urls.catalogue_json(lang)
        _write(job, path, catalogue_json_parts(job.catalogue, job.urls, lang, memo))
        written.append(path)
        path = job.urls.catalogue_texts(lang)
        _write(job, path, catalogue_texts_json_parts(job.catalogue, job.urls, lang, memo))
        written.append(path)
    elif kind == "logos":
        for logo in logo_files(job.catalogue, job.urls).values():
            _write(job, logo.path, logo.content)
            written.append(logo.path)
    else:
        ids = list(job.catalogue.credentials)[int(arg) : int(arg) + CHUNK]
        for cid in ids:
            if cid in job.restored:
                written += _version_paths(job, cid)
                continue
            for path, content in credential_files(job.catalogue, cid, job.urls):
                _write(job, path, content)
                written.append(path)
    if sorted(written) != sorted(_unit_paths(job, unit)):
        raise OutputError(f"the files written for {unit} differ from the files announced")
    return written


class Written:
    """The paths the units of a build wrote, to refuse two writers of one path.

    Kept as 16-byte digests in 256 buckets, not as strings: a site of 10,000 credentials
    writes 240,000 files, and the paths would be about 25 MB held to the end of the build.
    :meth:`check` compares one bucket at a time.
    """

    def __init__(self) -> None:
        self._buckets = [bytearray() for _ in range(256)]

    def add(self, paths: Iterable[str]) -> None:
        """Note the paths one unit wrote."""
        buckets = self._buckets
        for path in paths:
            digest = hashlib.blake2b(path.encode("utf-8"), digest_size=16).digest()
            buckets[digest[0]] += digest

    def check(self) -> None:
        """Raises:
        OutputError: When two units (or one, twice) wrote one path.
        """
        for bucket in self._buckets:
            digests = {bytes(bucket[i : i + 16]) for i in range(0, len(bucket), 16)}
            if len(digests) * 16 != len(bucket):
                raise OutputError("two renderers would write the same file")


def check_written(results: Sequence[Sequence[str]]) -> list[str]:
    """Every path the units wrote, sorted.

    Raises:
        OutputError: When two units wrote one path.
    """
    written = Written()
    for paths in results:
        written.add(paths)
    written.check()
    return sorted(path for paths in results for path in paths)


def emit_data_files(
    catalogue: Catalogue,
    urls: Urls,
    sink: Callable[[str, bytes | Iterator[bytes]], object],
    languages: tuple[str, ...] | None = None,
    *,
    machine_files: bool = True,
) -> None:
    """Hand every data file of the site to ``sink`` (path, content), one at a time and never
    more than one held (``catalogue.jsonld``, 50 MB at 1,000 credentials, comes as its parts,
    an iterator of bytes, as do the catalogue files): the machine-readable files of every
    version (OB3 editions and badges included), ``catalogue.jsonld``, ``catalogue.json`` and
    ``catalogue-texts.json`` in every language, the organisations' logos. The same units as a
    build (:func:`write_data_files`), in this process: what ``credcat verify-site`` compares a
    site with (10,000 credentials have about 2 GB of them).

    Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        sink: Called with each file's path and content (bytes, or an iterator of its
            parts to consume), in the order of the units.
        languages: The languages of the site (default: the catalogue's, default first).
        machine_files: Whether the machine-readable files are published.

    Raises:
        OutputError: When two renderers produce the same path, or a path is unsafe.
    """
    job = DataJob(
        catalogue,
        urls,
        Path(),
        machine_files,
        languages or tuple(catalogue.languages),
        sink=sink,
    )
    written = Written()
    for unit in data_units(job):
        written.add(run_data_unit(job, unit))
    written.check()


def data_files(
    catalogue: Catalogue,
    urls: Urls,
    languages: tuple[str, ...] | None = None,
    *,
    machine_files: bool = True,
) -> dict[str, bytes]:
    """Every data file of the site by path, sorted (:func:`emit_data_files`), held in memory:
    for a catalogue small enough to hold (tests, comparisons).

    Raises:
        OutputError: When two renderers produce the same path.
    """
    found: dict[str, bytes] = {}

    def keep(path: str, content: bytes | Iterator[bytes]) -> None:
        if path in found:
            raise OutputError(f"two files would be written to {path}")
        found[path] = content if isinstance(content, bytes) else b"".join(content)

    emit_data_files(catalogue, urls, keep, languages, machine_files=machine_files)
    return dict(sorted(found.items()))


def write_data_files(job: DataJob, processes: int | None = None) -> list[str]:
    """Write every data file of ``job`` into its site folder.

    Args:
        job: What to write.
        processes: How many processes (default :func:`credcat.pool.jobs`); 1 writes in this process.

    Returns:
        The paths written, sorted.

    Raises:
        OutputError: When a unit wrote other files than announced, or two units one path.
    """
    results = list(run_units(data_units(job), lambda unit: run_data_unit(job, unit), processes))
    return check_written(results)
