"""Checking the planned files on a copy of the catalogue, then writing them, all or nothing.

The YAML texts are written into a temporary copy of the target catalogue and checked there with
:func:`credcat.validate.check_catalogue`; only when no new file has an error are they written
to the catalogue (with ``open(…, "x")``: a file that appeared in the meantime stops the import,
and files already written are removed again).

The copy holds only what the check reads, taken through :mod:`credcat.fs`: ``catalogue.yaml``
and the YAML files of ``organisations/`` and ``credentials/`` (no link out of the catalogue, no
special file, at most 1 MiB each), and an empty stand-in for each usable file under ``logos/``
(the check only asks whether a logo exists). Nothing outside the catalogue is ever read, so a
``logos/zero.svg -> /dev/zero`` or a ``logos/loop -> ..`` changes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, ORGANISATIONS_DIR
from ..fs import UnsafeFileError, iter_inside, read_inside
from ..validate import check_catalogue
from ..yaml_loader import MAX_BYTES as YAML_MAX_BYTES
from .base import ImportFailed, Plan, Report

LOGOS_DIR = "logos"
MAX_LOGOS = 10_000
"""Most logo stand-ins made in the copy (a folder of millions of files is not a catalogue)."""


def _copy_catalogue(into: Path, copy: Path) -> None:
    """The files :func:`check_catalogue` reads, copied safely (see the module docstring)."""
    copy.mkdir()
    try:
        (copy / CATALOGUE_FILE).write_bytes(read_inside(into, Path(CATALOGUE_FILE), YAML_MAX_BYTES))
    except UnsafeFileError as exc:
        raise ImportFailed(f"the target catalogue cannot be read: {exc}") from None
    for folder in (ORGANISATIONS_DIR, CREDENTIALS_DIR):
        (copy / folder).mkdir()
        for path in iter_inside(into, folder, "*.y*ml", YAML_MAX_BYTES):
            try:
                data = read_inside(into, path, YAML_MAX_BYTES)
            except UnsafeFileError:  # pragma: no cover - changed since it was listed
                continue
            (copy / folder / path.name).write_bytes(data)
    logos = iter_inside(into, LOGOS_DIR, "*", 2**63)
    for count, path in enumerate(logos):
        if count >= MAX_LOGOS:
            break
        (copy / LOGOS_DIR).mkdir(exist_ok=True)
        (copy / LOGOS_DIR / path.name).touch()


def validate(into: Path, plans: list[Plan], report: Report) -> None:
    """Check the new files on a temporary copy of the catalogue; raise on any error in them."""
    root = into.resolve()
    for plan in plans:
        if (into / plan.rel).exists():  # pragma: no cover - ids are chosen against the folder
            raise ImportFailed(f"{plan.rel} already exists; nothing was written")
        folder = (into / plan.rel).parent
        if folder.is_symlink() or not folder.resolve().is_relative_to(root):
            raise ImportFailed(
                f"{folder.name}/ in the catalogue is a link; credcat writes only into real "
                "folders of the catalogue; nothing was written"
            )
    with tempfile.TemporaryDirectory(prefix="credcat-import-") as tmp:
        copy = Path(tmp) / "catalogue"
        _copy_catalogue(into, copy)
        for plan in plans:
            target = copy / plan.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plan.probe, encoding="utf-8")
        _catalogue, problems = check_catalogue(copy, display_root=copy)
    new = {plan.rel for plan in plans}
    errors = [p for p in problems if p.path in new and p.is_error]
    if errors:
        shown = "; ".join(p.format() for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise ImportFailed(
            f"the imported entry fails credcat's checks, nothing was written: {shown}{more}"
        )
    for problem in problems:
        if problem.path in new:
            report.checks.append(f"check: {problem.format()}")


def write(into: Path, plans: list[Plan], report: Report) -> None:
    """Write the planned files, organisations first; on any failure remove what was written."""
    written: list[Path] = []
    try:
        for plan in sorted(plans, key=lambda p: (not p.rel.startswith(ORGANISATIONS_DIR), p.rel)):
            target = into / plan.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                written.append(target)
                handle.write(plan.text)
            report.written.append(f"wrote {plan.rel}")
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        report.written.clear()
        reason = (
            "it already exists" if isinstance(exc, FileExistsError) else (exc.strerror or str(exc))
        )
        raise ImportFailed(
            f"cannot write {exc.filename or 'a file'}: {reason}; nothing was written"
        ) from None
