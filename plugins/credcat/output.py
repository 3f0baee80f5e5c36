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
from .urls import Urls


class OutputError(Exception):
    """Two renderers claimed the same output path, or a path would leave the output folder."""


def urls_for(catalogue: Catalogue, site_url: str | None = None) -> Urls:
    """The URL scheme of a catalogue, optionally re-based (e.g. for a staging host)."""
    base = site_url or catalogue.settings.base_uri
    if not base.endswith("/"):
        base += "/"
    return Urls(base_uri=base, default_language=catalogue.settings.default_language)


def data_files(catalogue: Catalogue, urls: Urls) -> dict[str, bytes]:
    """Every data file of the site (machine-readable files and ``catalogue.json``) by path.

    Raises:
        OutputError: When two renderers produce the same path.
    """
    from .render.index import catalogue_json
    from .render.machine import machine_files
    from .urls import CATALOGUE_JSON

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


def write_machine_files(catalogue: Catalogue, out: Path, *, site_url: str | None = None) -> int:
    """Write every data file into ``out`` (replacing its previous content); returns the count."""
    files = data_files(catalogue, urls_for(catalogue, site_url))
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
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files)
