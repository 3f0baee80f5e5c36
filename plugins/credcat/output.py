"""Emit the catalogue's data files into a folder, without MkDocs (``credcat generate``).

The same renderers feed the MkDocs plugin; this module only decides where bytes land. Files
are written into a staging folder first and moved into place at the end, so an error never
leaves a half-written output folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .catalogue import Catalogue
from .errors import CredcatError
from .render.data.machine import machine_files
from .render.site.index import catalogue_json
from .urls import CATALOGUE_JSON, Urls


class OutputError(CredcatError):
    """Two renderers claimed the same output path, a path would leave the output folder, or the
    output folder is one that must not be replaced (the project, the catalogue, home …)."""


def data_files(catalogue: Catalogue, urls: Urls) -> dict[str, bytes]:
    """Every data file of the site (machine-readable files and ``catalogue.json``) by path.

    Raises:
        OutputError: When two renderers produce the same path.
    """
    files: dict[str, bytes] = {}
    index = {CATALOGUE_JSON: catalogue_json(catalogue, urls)}
    for group in (machine_files(catalogue, urls), index):
        _merge(files, group)
    return files


def _merge(into: dict[str, bytes], group: Mapping[str, bytes]) -> None:
    for path, content in group.items():
        if path in into:
            raise OutputError(f"two files would be written to {path}")
        into[path] = content


def safe_relative(path: str) -> PurePosixPath:
    """Check that a generated path stays inside the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return pure


OUTPUT_SUFFIXES = frozenset({".json", ".jsonld"})
"""The only kinds of file an output folder holds; a folder with any other file is not replaced."""


def check_output_folder(out: Path, catalogue_root: Path) -> None:
    """Refuse an output folder whose replacement would delete something else.

    The output folder is replaced whole, so a slip such as ``--out .`` or ``--out docs`` must not
    delete the project. Refused: a filesystem root; the home folder, the current folder or the
    catalogue folder, or a folder that holds one of them; a folder inside the catalogue; and an
    existing folder that holds anything but JSON files (``.json``, ``.jsonld``: what ``generate``
    writes) — a hidden file, a link or any other file shows it is not an output folder.

    Raises:
        OutputError: When ``out`` is such a folder.
    """
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
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise OutputError(f"refusing to replace {out}: it is a file, not a folder")
    for path in sorted(out.rglob("*")):
        foreign = (
            path.is_symlink()
            or path.name.startswith(".")
            or (not path.is_dir() and path.suffix not in OUTPUT_SUFFIXES)
        )
        if foreign:
            raise OutputError(
                f"refusing to replace {out}: it holds {path.relative_to(out).as_posix()}, which "
                "credcat does not write; choose an empty folder or a previous output folder"
            )


def write_machine_files(catalogue: Catalogue, out: Path, *, site_url: str | None = None) -> int:
    """Write every data file into ``out`` (replacing its previous content); returns the count.

    Raises:
        OutputError: When ``out`` is not a folder that may be replaced
            (:func:`check_output_folder`), or a renderer's path is unsafe.
    """
    check_output_folder(out, catalogue.root)
    files = data_files(catalogue, Urls.of(catalogue.settings, site_url))
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for path, content in sorted(files.items()):
            target = staging / safe_relative(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
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
    return len(files)
