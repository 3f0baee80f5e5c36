"""Emit the catalogue's data files into a folder, without MkDocs (``credcat generate``).

The same units of work as a build (:func:`credcat.parallel.write_data_files`, in worker
processes where there are cores), so the list of data files exists once; this module only
decides where bytes land. Each file is written as it is made into a staging folder, moved into
place at the end, so that memory never holds the whole output (about 2 GB at 10,000
credentials) and an error never leaves a half-written output folder; a marker file lists what
was written, and only a folder whose marker matches its content (or an empty one) is ever
replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from .catalogue import Catalogue
from .errors import printable
from .model import CatalogueSettings
from .parallel import DataJob, OutputError, data_files, safe_relative, write_data_files
from .urls import Urls

__all__ = [
    "MARKER",
    "OutputError",
    "check_output_folder",
    "check_site_url",
    "data_files",
    "marker_content",
    "safe_relative",
    "write_machine_files",
]


def check_site_url(value: str) -> str:
    """Validate a ``--site-url`` exactly as ``base_uri`` is validated in ``catalogue.yaml``.

    Returns:
        The address with a trailing slash.

    Raises:
        OutputError: When it is not an absolute http(s) address without user name, control
            characters, ``?`` or ``#`` (``javascript:alert(1)//`` …).
    """
    try:
        # the same field validators as catalogue.yaml's base_uri, on a placeholder settings
        unchecked = CatalogueSettings.model_construct(title={}, publisher="", base_uri="")
        CatalogueSettings.__pydantic_validator__.validate_assignment(unchecked, "base_uri", value)
    except ValidationError as exc:
        message = printable(str(exc.errors()[0].get("msg", "not a valid address")))
        raise OutputError(f"--site-url {printable(value)[:80]!r}: {message}") from None
    return value.strip() if value.strip().endswith("/") else value.strip() + "/"


MARKER = ".credcat-output.json"
"""The file ``credcat generate`` writes into its output folder, listing every file it wrote. A
folder is replaced only when it is empty or its content is exactly what its marker lists."""

MARKER_GENERATOR = "credcat generate"


def marker_content(paths: list[str]) -> bytes:
    """The marker of an output folder that holds ``paths`` (deterministic: sorted, no time)."""
    data = {"generator": MARKER_GENERATOR, "files": sorted(paths)}
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _listed_files(out: Path) -> set[str] | None:
    """The files the marker of ``out`` lists, or ``None`` when it has no usable marker."""
    marker = out / MARKER
    if marker.is_symlink() or not marker.is_file():
        return None
    try:
        with marker.open("rb") as stream:
            raw = stream.read(MAX_MARKER_BYTES + 1)
        if len(raw) > MAX_MARKER_BYTES:
            return None
        data = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != MARKER_GENERATOR:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


MAX_MARKER_BYTES = 16 * 1024 * 1024
"""A marker larger than this is not read whole (and so is not a valid marker)."""


def check_output_folder(out: Path, catalogue_root: Path) -> None:
    """Refuse an output folder whose replacement would delete something else.

    The output folder is replaced whole, so a slip such as ``--out .``, ``--out schemas`` or
    ``--out docs`` must not delete anything. Refused: a filesystem root; the home folder, the
    current folder or the catalogue folder, or a folder that holds one of them; a folder inside
    the catalogue; a path below a file; a link; and an existing folder that is neither empty nor
    provably credcat's earlier output: its :data:`MARKER` must list exactly the files it holds
    (no other file, no link, no empty folder).

    Raises:
        OutputError: When ``out`` is such a folder.
    """
    if out.is_symlink():
        raise OutputError(
            f"refusing to write to {out}: it is a link; name the folder itself, so that "
            "nothing is written outside the folder you named"
        )
    out = out.resolve()
    if out == Path(out.anchor):
        raise OutputError(f"refusing to replace {out}: it is the root of the file system")
    root = catalogue_root.resolve()
    protected = {
        "the catalogue folder": root,
        "the current folder": Path.cwd().resolve(),
        "your home folder": Path.home().resolve(),
    }
    for what, folder in protected.items():
        if folder == out or out in folder.parents:
            raise OutputError(
                f"refusing to replace {out}: it is {what}, or holds it; "
                "choose a folder of its own for the generated files"
            )
    if root in out.parents:
        raise OutputError(
            f"refusing to write into the catalogue folder ({out}); choose a folder outside it"
        )
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"cannot write to {out}: {parent} is a file, not a folder")
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise OutputError(f"refusing to replace {out}: it is a file, not a folder")
    content = sorted(out.rglob("*"))
    if not content:
        return
    listed = _listed_files(out)
    if listed is None:
        raise OutputError(
            f"refusing to replace {out}: it is not empty and holds no {MARKER} of an earlier "
            "credcat generate; choose an empty or new folder"
        )
    folders = {parent.as_posix() for f in listed for parent in PurePosixPath(f).parents}
    found: set[str] = set()
    for path in content:
        name = path.relative_to(out).as_posix()
        if path.is_symlink() or (not path.is_dir() and name != MARKER and name not in listed):
            raise OutputError(
                f"refusing to replace {out}: it holds {name}, which the earlier credcat "
                "generate did not write; move it away or choose another folder"
            )
        if path.is_dir():
            if name not in folders:
                raise OutputError(
                    f"refusing to replace {out}: it holds the folder {name}, which the earlier "
                    "credcat generate did not write; move it away or choose another folder"
                )
        elif name != MARKER:
            found.add(name)
    if found != listed:
        missing = sorted(listed - found)[0]
        raise OutputError(
            f"refusing to replace {out}: its {MARKER} lists {missing}, which is missing, so the "
            "folder may have been changed by hand; move it away or choose another folder"
        )


def write_machine_files(catalogue: Catalogue, out: Path, *, site_url: str | None = None) -> int:
    """Write every data file into ``out`` (replacing its previous content); returns the count.

    Beside the files, :data:`MARKER` lists them, so that a later run may replace the folder.

    Raises:
        OutputError: When ``out`` is not a folder that may be replaced
            (:func:`check_output_folder`), a renderer's path is unsafe, or writing fails.
    """
    if site_url is not None:
        site_url = check_site_url(site_url)
    check_output_folder(out, catalogue.root)
    urls = Urls.of(catalogue.settings, site_url)
    languages = tuple(catalogue.languages)

    def write(staging: Path) -> int:
        # written as they are made, by the build's units (in worker processes where there
        # are cores): never every file in memory (10,000 credentials have about 2 GB)
        job = DataJob(catalogue, urls, staging, machine_files=True, languages=languages)
        paths = write_data_files(job)
        if MARKER in paths:
            raise OutputError(f"two files would be written to {MARKER}")
        (staging / MARKER).write_bytes(marker_content(paths))
        return len(paths)

    out = out.resolve()
    try:
        return _replace(out, write)
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from exc


def _replace(out: Path, write: Callable[[Path], int]) -> int:
    """Stage the files ``write`` puts into a folder beside ``out``, then swap them in for its
    previous content; what ``write`` returns."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        written = write(staging)
        if out.exists():
            old = out.with_name(f".{out.name}-old-{os.getpid()}")
            out.rename(old)
            try:
                staging.rename(out)
            except BaseException:
                old.rename(out)  # put the previous output back
                raise
            shutil.rmtree(old)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written
