"""The data files of a site written straight to the site folder, in parallel where it helps.

The data files (every version's machine-readable files with the OB3 editions and badges,
``catalogue.jsonld``, each language's ``catalogue.json`` and ``catalogue-texts.json``, and the
organisations' logos) are independent of each other and of the pages, so the adapter writes them
at the end of the build, in *units* of work: ``catalogue.jsonld``, the two catalogue files of
each language, the logos, and the machine files of :data:`CHUNK` credentials at a time. Each
unit writes its files as it renders them, so memory holds one chunk, never the whole site
(10,000 credentials publish about 2 GB of JSON). ``catalogue.jsonld`` is written node by node.

**Processes.** On Linux the units run in worker processes started by ``fork``, one per core
(at most the container's CPU quota) up to :data:`DEFAULT_JOBS`, where the caller knows them
safe there (:func:`jobs`; ``CREDCAT_JOBS`` sets another number; ``auto``: every core). They
inherit the validated catalogue; nothing crosses processes but a unit's name, what it returns
(the paths it wrote), its error and what it logged: the build's process logs a worker's
records with its unit's result, so that its handlers print them once and count the warnings
(``--strict``). Every file's bytes depend only on the catalogue, never on the process or the
order, so a parallel build is byte-identical to a single-process one (tested).
``CREDCAT_JOBS=1`` (or :func:`jobs` returning 1: one core, no ``fork``, not Linux, other
threads running as under ``mkdocs serve``, or a daemonic process) runs the same units in the
build's own process, and so does a host where no process pool or worker can start. A worker
that dies before its work is done fails the build (:class:`WorkerError`).

A unit checks that it wrote exactly the paths announced for it (:class:`DataPaths`, used for
the collision check before the build writes anything): a renderer and the announcement that
disagree fail the build instead of leaving a file out or unannounced.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from .cache import FileStore
from .catalogue import Catalogue
from .errors import CredcatError
from .jsonld import EDC_CONTEXT
from .model import Credential
from .render.data.loq import publishes_opportunities
from .render.data.machine import (
    catalogue_node,
    edition_files,
    edition_paths,
    version_documents,
)
from .render.data.nodes import dumps
from .render.logos import logo_files
from .render.site.common import EntryMemo
from .render.site.index import catalogue_json_parts, catalogue_texts_json_parts
from .urls import CATALOGUE_JSONLD, MACHINE_FILES, Urls
from .versions import credential_at, succession

__all__ = [
    "CHUNK",
    "DEFAULT_JOBS",
    "DataJob",
    "DataPaths",
    "JobsError",
    "OutputError",
    "WorkerError",
    "Written",
    "check_written",
    "data_files",
    "data_units",
    "emit_data_files",
    "entry_memo",
    "jobs",
    "run_data_unit",
    "run_units",
    "safe_relative",
    "write_data_files",
]

T = TypeVar("T")


class OutputError(CredcatError):
    """Two renderers claimed the same output path, a path would leave the output folder, or the
    output folder is one that must not be replaced (the project, the catalogue, home …)."""


class WorkerError(CredcatError):
    """A worker process of the build ended before its work was done (killed, most often for
    want of memory)."""


def safe_relative(path: str) -> PurePosixPath:
    """Check that a generated path stays inside the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return pure


CHUNK = 50
"""Credentials per unit of machine files: large enough that starting a unit costs little,
small enough that the cores share the work evenly."""

JOBS_ENV = "CREDCAT_JOBS"
"""Environment variable: the number of processes of a build (``1``: the build's own only;
``auto`` or ``0``: one per core)."""

DEFAULT_JOBS = 4
"""Processes of a build where ``CREDCAT_JOBS`` is not set, when there are that many cores. Two
processes render a build of 1,000 credentials in 40 % less time for the same CPU time
(docs/performance.md, stop 14); the two workers cost about 60 MB more at the peak. The work
the build's own process does alone (loading, MkDocs' pages, the sitemap, the search index) is
about 8 of those 41 s: with four processes it would be about half of a build's time, so more
would save little."""


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


CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")
"""Linux's CPU quota of this process's control group (cgroup v2: ``<quota> <period>`` or
``max <period>``), as a container's CPU limit sets it."""


def _cpu_quota() -> int | None:
    """The CPUs this process's container may use (:data:`CGROUP_CPU_MAX`, rounded up), or
    ``None`` where no limit is set or known (not Linux, cgroup v1, no file)."""
    try:
        quota, period = CGROUP_CPU_MAX.read_text(encoding="ascii").split()[:2]
        return None if quota == "max" else max(1, -(-int(quota) // int(period)))
    except (OSError, ValueError):
        return None


def _cores() -> int:
    """The cores this process may use: those it may run on, at most its container's CPU quota."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = _cpu_quota()
    return cores if quota is None else min(cores, quota)


class JobsError(CredcatError):
    """``CREDCAT_JOBS`` says something else than a number of processes or ``auto``."""


def jobs(*, by_default: bool = True) -> int:
    """How many processes to use: ``CREDCAT_JOBS`` (``0`` or ``auto``: every core this process
    may use), else one per core up to :data:`DEFAULT_JOBS`; always 1 where ``fork`` is missing,
    other threads run (forking them is unsafe) or this process may have no children (a
    daemonic worker of another pool).

    Without ``CREDCAT_JOBS``, only on Linux (elsewhere ``fork`` is not the platform's default:
    macOS's system libraries may fail in a forked process) and only ``by_default`` (the caller
    knows the work to be safe in workers), else 1.

    Raises:
        JobsError: When ``CREDCAT_JOBS`` is set to something else.
    """
    given = os.environ.get(JOBS_ENV, "")
    wanted = given.strip().lower()
    if wanted.isdigit() and int(wanted) > 0:
        count = int(wanted)
    elif wanted in {"0", "auto"}:
        count = _cores()
    elif wanted:
        raise JobsError(
            f"{JOBS_ENV}={given!r} is not a number of processes: write a whole number (1 for "
            "one process) or auto (one per core), or leave it unset"
        )
    elif by_default and sys.platform.startswith("linux"):
        count = min(_cores(), DEFAULT_JOBS)
    else:
        count = 1
    if (
        "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1
        or multiprocessing.current_process().daemon
    ):
        return 1
    return max(1, count)


def _version_paths(job: DataJob, cid: str) -> list[str]:
    if job.paths is not None:
        known = job.paths.get(cid)
        if known is None:
            known = job.paths[cid] = _make_version_paths(job, cid)
        return known
    return _make_version_paths(job, cid)


def _make_version_paths(job: DataJob, cid: str) -> list[str]:
    paths = []
    for info in succession(job.catalogue, cid).versions:
        credential = credential_at(job.catalogue, cid, info.version)
        for kind in MACHINE_FILES:
            if kind == "loq" and not publishes_opportunities(credential):
                continue
            paths.append(job.urls.machine_file(cid, info.version, kind))
        paths += edition_paths(job.catalogue, cid, info.version, job.urls)
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
    for index, credential in enumerate(job.catalogue.credentials.values()):

        def node(credential: Credential = credential) -> bytes:
            return dumps(catalogue_node(job.catalogue, credential, job.urls))[:-1]  # no final \n

        yield (b"," if index else b"") + _kept(job, "node", credential.id, node)
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
            own: list[str] = []
            for info in succession(job.catalogue, cid).versions:
                documents = version_documents(job.catalogue, cid, info.version, job.urls)
                for doc_kind, document in documents.items():
                    path = job.urls.machine_file(cid, info.version, doc_kind)
                    _write(job, path, dumps(document))
                    own.append(path)
                for path, content in edition_files(
                    job.catalogue, cid, info.version, job.urls
                ).items():
                    _write(job, path, content)
                    own.append(path)
            written += own
    if sorted(written) != sorted(_unit_paths(job, unit)):
        raise OutputError(f"the files written for {unit} differ from the files announced")
    return written


_RUN: Callable[[str], object] | None = None
"""The work of the worker processes (inherited through ``fork``, never pickled)."""


_RECORD_FIELDS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
"""The attributes every log record has; any other came from a logging call's ``extra``."""


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of ``record`` that pickles: its message formatted, its exception as text, an
    extra that would not pickle as its ``repr``."""
    state = dict(record.__dict__)
    state["msg"], state["args"], state["exc_info"] = record.getMessage(), None, None
    if record.exc_info and not record.exc_text:
        state["exc_text"] = logging.Formatter().formatException(record.exc_info)
    for key, value in state.items():
        if key not in _RECORD_FIELDS:
            try:
                pickle.dumps(value)
            except Exception:  # anything that does not pickle
                state[key] = repr(value)
    return logging.makeLogRecord(state)


class _HeldRecords(logging.Handler):
    """A worker's log records, held for the build's process, whose handlers print them and
    count the warnings (``mkdocs build --strict`` fails on one): a worker's own copies of
    those handlers would print them but count them nowhere."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is self._last:  # one record, handed on by two loggers
            return
        self._last = record
        try:
            self.records.append(_portable(record))
        except Exception:  # a bad logging call, as logging itself treats it
            self.handleError(record)

    def take(self) -> list[logging.LogRecord]:
        """The records held so far, no longer held."""
        taken, self.records = self.records, []
        return taken


_HELD: _HeldRecords | None = None


def _start_worker() -> None:
    """In a new worker: every logger that has handlers hands its records to :data:`_HELD`
    instead."""
    global _HELD
    _HELD = _HeldRecords()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and logger.handlers
    ]
    for logger in loggers:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(_HELD)


@dataclass(frozen=True)
class _Failed:
    """A unit's error, as it crosses back from a worker: the exception where it pickles, else
    its text with the worker's traceback."""

    error: BaseException


def _run_in_worker(unit: str) -> tuple[object, list[logging.LogRecord]]:
    assert _RUN is not None and _HELD is not None
    try:
        return _RUN(unit), _HELD.take()
    except Exception as error:  # handed to the build's process, raised there
        try:
            pickle.loads(pickle.dumps(error))  # noqa: S301 - its own bytes, just made
        except Exception:  # an exception that cannot cross processes
            text = "".join(traceback.format_exception(error)).rstrip()
            error = RuntimeError(f"{type(error).__name__}: {error} (in a worker process)\n{text}")
        return _Failed(error), _HELD.take()


def _emit(records: Iterable[logging.LogRecord]) -> None:
    """Log a worker's records in this process: its handlers print them and count them."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def _open_pool(processes: int) -> ProcessPoolExecutor | None:
    """A pool of ``processes`` forked workers, or ``None`` where none can start (no POSIX
    semaphores, as on some hosts)."""
    try:
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker)
    except (OSError, ImportError, NotImplementedError, ValueError):
        return None


def run_units(
    units: Sequence[str],
    run: Callable[[str], T],
    processes: int | None = None,
    started: Callable[[int], object] | None = None,
) -> Generator[T, None, None]:
    """``run`` applied to every unit, in worker processes where there are cores.

    Args:
        units: Names of independent units of work (only names cross processes).
        run: Renders and writes one unit; what it returns must pickle. The workers inherit it,
            and everything it reads, through ``fork``.
        processes: How many processes (default :func:`jobs`); 1 runs in this process.
        started: Told how many processes run the units, once they run.

    Yields:
        The results, in the order of ``units`` whatever the number of processes, each as soon
        as it and those before it are done (the caller need not hold them all). What a worker
        logs is logged in this process just before its unit's result (or error), so that this
        process's handlers print it once and count its warnings; a unit's error is raised
        here.

    Raises:
        WorkerError: When a worker process ended before its work was done.
    """
    global _RUN
    processes = min(processes or jobs(), len(units))
    pool = _open_pool(processes) if processes > 1 else None
    if pool is None:
        yield from _in_this_process(units, run, started)
        return
    _RUN = run
    # Objects that exist now are left out of the workers' garbage collections: a collection
    # touches every object it tracks, which would copy the parent's whole heap into each worker
    # (copy-on-write), not just what the worker reads.
    gc.freeze()
    try:
        try:  # the workers start with the first unit handed out: a fork can still fail
            results = pool.map(_run_in_worker, units)
        except (OSError, AssertionError):  # no memory or processes left; no children allowed
            pool.shutdown(wait=True, cancel_futures=True)
            yield from _in_this_process(units, run, started)
            return
        if started is not None:
            started(processes)
        with pool:
            for result, records in results:
                _emit(records)
                if isinstance(result, _Failed):
                    raise result.error
                yield result  # type: ignore[misc]
    except BrokenProcessPool as exc:
        raise WorkerError(
            "a worker process of the build ended before its work was done (most often the "
            f"system stopped it for want of memory): build with {JOBS_ENV}=1 to render in one "
            f"process, or with fewer processes ({JOBS_ENV}=2). The pool said: {exc}"
        ) from exc
    finally:
        gc.unfreeze()
        _RUN = None


def _in_this_process(
    units: Sequence[str], run: Callable[[str], T], started: Callable[[int], object] | None
) -> Iterator[T]:
    """:func:`run_units` in the build's own process."""
    if started is not None:
        started(1)
    for unit in units:
        yield run(unit)


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
        processes: How many processes (default :func:`jobs`); 1 writes in this process.

    Returns:
        The paths written, sorted.

    Raises:
        OutputError: When a unit wrote other files than announced, or two units one path.
    """
    results = list(run_units(data_units(job), lambda unit: run_data_unit(job, unit), processes))
    return check_written(results)
