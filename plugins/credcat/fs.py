"""One safe way to open files inside a catalogue folder.

A catalogue is often a clone of a stranger's repository: a file in it may be a link to
``/etc/passwd``, to ``/dev/zero`` (endless) or to a folder above it (``logos/loop -> ..``), or
it may be huge. This module owns the rule for every read of a file *inside* a catalogue:

* the file, once links are followed, must still lie inside the catalogue folder;
* it must be a regular file (no folder, device, pipe or socket);
* it must not be larger than the caller's limit (checked before and while reading).

:func:`read_inside` reads one such file, :func:`inside` checks one without reading it, and
:func:`iter_inside` lists the usable files of one folder of the catalogue, and
:func:`folder_inside` checks one of its folders. :func:`credcat.yaml_loader.load_yaml` reads
every YAML file of ``credcat check``, the build and ``credcat import`` through
:func:`read_inside`. A refusal raises
:class:`UnsafeFileError`, a :class:`~credcat.errors.CredcatError` with a one-line message.
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import CredcatError

__all__ = ["UnsafeFileError", "folder_inside", "inside", "iter_inside", "read_inside"]


_LOOP = "is a loop of links (or a link to one); it is not read"


class UnsafeFileError(CredcatError):
    """A file of the catalogue cannot be read safely; the message says why, on one line.

    Attributes:
        reason: The message without the file name in front (for a located problem).
        size: The file's size in bytes when it is refused for being too large, else ``None``.
    """

    def __init__(self, shown: str, reason: str, size: int | None = None) -> None:
        super().__init__(f"{shown}: {reason}")
        self.reason = reason
        self.size = size


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(root: Path, path: Path, limit: int) -> Path:
    """Check that ``path`` is a regular file of at most ``limit`` bytes inside ``root``.

    Args:
        root: The catalogue folder.
        path: The file, absolute or relative to ``root``.
        limit: The largest size accepted, in bytes.

    Returns:
        The resolved path (every link followed), safe to open.

    Raises:
        UnsafeFileError: The file is missing, leads out of ``root`` (through a link or
            ``..``), is not a regular file, or is larger than ``limit``.
    """
    base = root.resolve()
    candidate = path if path.is_absolute() else root / path
    shown = _shown(root, candidate)
    try:
        target = candidate.resolve(strict=True)
    except FileNotFoundError:
        raise UnsafeFileError(shown, "does not exist") from None
    except RuntimeError:  # Python 3.11's "Symlink loop"
        raise UnsafeFileError(shown, _LOOP) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(shown, _LOOP) from None
        raise UnsafeFileError(shown, f"cannot be followed ({exc.strerror or exc})") from None
    if not target.is_relative_to(base):
        raise UnsafeFileError(shown, "leads outside the catalogue folder; it is not read")
    try:
        info = target.stat()
    except OSError as exc:
        raise UnsafeFileError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(shown, "is not a regular file; it is not read")
    if info.st_size > limit:
        raise UnsafeFileError(
            shown,
            f"is {info.st_size:,} bytes; the limit is {limit:,}; it is not read",
            info.st_size,
        )
    return target


def read_inside(root: Path, path: Path, limit: int) -> bytes:
    """Read a regular file inside ``root`` of at most ``limit`` bytes.

    Args:
        root: The catalogue folder.
        path: The file, absolute or relative to ``root``.
        limit: The largest size accepted, in bytes (a file that grows past it while it is
            read is refused too).

    Returns:
        The file's bytes.

    Raises:
        UnsafeFileError: See :func:`inside`; also when the file cannot be read.
    """
    target = inside(root, path, limit)
    try:
        with target.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnsafeFileError(
            _shown(root, path), f"cannot be read ({exc.strerror or exc})"
        ) from None
    if len(data) > limit:
        raise UnsafeFileError(
            _shown(root, path),
            f"is larger than the limit of {limit:,} bytes; it is not read",
            len(data),
        )
    return data


def iter_inside(root: Path, folder: str, pattern: str, limit: int) -> Iterator[Path]:
    """The usable files of one folder of the catalogue, sorted by name.

    Files that :func:`inside` refuses (links out, special files, folders, files over ``limit``)
    are skipped, and so is the whole folder when it is itself a link out of ``root``. Nothing is
    read, and no folder below ``folder`` is entered.

    Args:
        root: The catalogue folder.
        folder: A folder relative to ``root`` (``"organisations"``), or ``""`` for ``root``.
        pattern: A glob pattern of file names (``"*.yaml"``).
        limit: The largest size accepted, in bytes.

    Yields:
        Paths as found under ``root`` (not resolved), each a regular file inside ``root``.
    """
    directory = root / folder if folder else root
    try:
        if not directory.resolve().is_relative_to(root.resolve()) or not directory.is_dir():
            return
        entries = sorted(directory.glob(pattern))
    except (OSError, RuntimeError):
        return
    for path in entries:
        try:  # ``path`` is found under ``root``: ``inside`` takes it relative to ``root``
            # (joined to a relative ``root`` again, it named a file that does not exist)
            inside(root, path.relative_to(root), limit)
        except UnsafeFileError:
            continue
        yield path


def folder_inside(root: Path, folder: str) -> Path | None:
    """Check that a folder of the catalogue, when it exists, lies inside it.

    Args:
        root: The catalogue folder.
        folder: A folder relative to ``root`` (``"credentials"``).

    Returns:
        The folder (as found under ``root``) when it is a folder inside ``root``; ``None`` when
        there is no such folder (nothing to read).

    Raises:
        UnsafeFileError: The folder is a link out of ``root``, a loop of links, or not a
            folder that can be listed.
    """
    directory = root / folder
    if not directory.is_symlink() and not directory.exists():
        return None
    try:
        target = directory.resolve(strict=True)
    except FileNotFoundError:
        return None
    except RuntimeError:
        raise UnsafeFileError(folder, _LOOP) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(folder, _LOOP) from None
        raise UnsafeFileError(folder, f"cannot be followed ({exc.strerror or exc})") from None
    if not target.is_relative_to(root.resolve()):
        raise UnsafeFileError(folder, "leads outside the catalogue folder; it is not read")
    if not target.is_dir():
        return None
    return directory
