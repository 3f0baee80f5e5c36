"""Organisation logos: which are published, where, and their bytes.

Owns :func:`logo_files` and :func:`logo_problem`. A logo is a file of the catalogue (``logo:
logos/uni.svg`` in an organisation's file), read through :mod:`credcat.fs` (inside the catalogue
folder, a regular file, at most :data:`MAX_LOGO_BYTES`) and copied into the site once, for every
language, at ``organisations/<id>/logo.<ext>`` (:meth:`credcat.urls.Urls.organisation_logo`).
Pages show logos only as ``<img>`` with the organisation's name as text alternative, never as
inline SVG; an SVG logo is still reduced to an allow-list (:func:`credcat.render.safe.sanitise_svg`)
because a visitor may open the file itself, on the site's own origin. A PNG, JPEG or WebP logo
is published once its first bytes show that it is one
(:func:`credcat.render.safe.publishable_logo`). A logo that cannot be read, is not the image its
name says or cannot be made safe is left out; pages then show the name alone, and ``credcat
check`` says why (:func:`logo_problem`, read by :func:`credcat.rules.organisation_logos`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..fs import UnsafeFileError, read_inside
from ..urls import Urls
from .safe import UnusableLogoError, publishable_logo

__all__ = ["MAX_LOGO_BYTES", "LogoFile", "logo_files", "logo_problem"]

MAX_LOGO_BYTES = 5 * 1024 * 1024
"""The largest logo file accepted (5 MiB)."""


@dataclass(frozen=True)
class LogoFile:
    """A published logo: its site path and content."""

    path: str
    content: bytes


def logo_files(catalogue: Catalogue, urls: Urls) -> dict[str, LogoFile]:
    """The logo of every organisation that has a usable one, by organisation id.

    Each file is read and made safe once per catalogue (``catalogue.memo``): every language's
    pages, ``catalogue.json`` and the data files ask for the logos of the same catalogue.
    """
    found: dict[str, LogoFile] = {}
    for oid, org in sorted(catalogue.organisations.items()):
        if org.logo is None:
            continue
        content = _read(catalogue, oid, org.logo)
        if isinstance(content, bytes):
            found[oid] = LogoFile(urls.organisation_logo(oid, org.logo), content)
    return found


def logo_problem(
    catalogue: Catalogue, oid: str, logo: str
) -> UnsafeFileError | UnusableLogoError | None:
    """Why the logo ``logo`` of organisation ``oid`` is left out of the site, or ``None`` when
    it is published: the file cannot be read safely (:class:`~credcat.fs.UnsafeFileError`),
    or it is not the image its name says or an SVG that cannot be made safe
    (:class:`~credcat.render.safe.UnusableLogoError`). Read once per catalogue, as
    :func:`logo_files` reads it."""
    found = _read(catalogue, oid, logo)
    return None if isinstance(found, bytes) else found


def _read(catalogue: Catalogue, oid: str, logo: str) -> bytes | UnsafeFileError | UnusableLogoError:
    """The bytes of an organisation's logo as published, or why it is unusable."""
    key = ("logo", oid)
    known = catalogue.memo.get(key)
    if isinstance(known, bytes | UnsafeFileError | UnusableLogoError):
        return known
    found: bytes | UnsafeFileError | UnusableLogoError
    try:
        found = publishable_logo(logo, read_inside(catalogue.root, Path(logo), MAX_LOGO_BYTES))
    except (UnsafeFileError, UnusableLogoError) as exc:
        found = exc
    except OSError as exc:  # read_inside words what it can; anything else, here
        found = UnsafeFileError(logo, f"cannot be read ({exc.strerror or exc})")
    catalogue.memo[key] = found
    return found
