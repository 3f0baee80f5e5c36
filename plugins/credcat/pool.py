"""Worker processes: how many a run may use, and independent units of work run in them.

Owns :func:`jobs` (how many processes: ``CREDCAT_JOBS``, else one per core up to
:data:`DEFAULT_JOBS` on Linux, within a container's CPU quota, and 1 wherever forking is not
safe) and :func:`run_units` (a function applied to named units of work in ``fork``ed worker
processes, the results in the order of the units). Knows nothing of catalogues or sites: the
loading of a catalogue (:mod:`credcat.validate`) and the writing of a site
(:mod:`credcat.parallel`, the adapter's pages) both hand it their units.

The workers inherit everything through ``fork``; nothing crosses processes but a unit's name,
what the function returns for it, its error and what it logged. The calling process logs a
worker's records with its unit's result, so that its handlers print them once and count the
warnings (``mkdocs build --strict``). A host where no pool or worker can start runs the same
units in the calling process; a worker that dies before its work is done raises
:class:`WorkerError`.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import CredcatError

__all__ = [
    "DEFAULT_JOBS",
    "JOBS_ENV",
    "JobsError",
    "WorkerError",
    "jobs",
    "run_units",
]

T = TypeVar("T")


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


class WorkerError(CredcatError):
    """A worker process of the build ended before its work was done (killed, most often for
    want of memory)."""


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
