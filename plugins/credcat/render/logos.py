"""Organisation logos: which are published, where, and their bytes.

Owns :func:`logo_files`. A logo is a file of the catalogue (``logo: logos/uni.svg`` in an
organisation's file), read through :mod:`credcat.fs` (inside the catalogue folder, a regular
file, at most :data:`credcat.rules.MAX_LOGO_BYTES`) and copied into the site once, for every
language, at ``organisations/<id>/logo.<ext>`` (:meth:`credcat.urls.Urls.organisation_logo`).
Pages show logos only as ``<img>`` with the organisation's name as text alternative, never as
inline SVG; an SVG logo is still reduced to an allow-list (:func:`credcat.render.safe.sanitise_svg`)
because a visitor may open the file itself, on the site's own origin. A logo that cannot be read
or made safe is left out (``credcat check`` reports a missing file); pages then show the name
alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..fs import UnsafeFileError, read_inside
from ..rules import MAX_LOGO_BYTES
from ..urls import Urls
from .safe import UnsafeSvgError, sanitise_svg

__all__ = ["LogoFile", "logo_files"]


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
        content = _content(catalogue, oid, org.logo)
        if content is not None:
            found[oid] = LogoFile(urls.organisation_logo(oid, org.logo), content)
    return found


def _content(catalogue: Catalogue, oid: str, logo: str) -> bytes | None:
    """The bytes of an organisation's logo as published, or ``None`` when it is unusable."""
    key = ("logo", oid)
    if key in catalogue.memo:
        known = catalogue.memo[key]
        return known if isinstance(known, bytes) else None
    content: bytes | None
    try:
        content = read_inside(catalogue.root, Path(logo), MAX_LOGO_BYTES)
        if logo.lower().endswith(".svg"):
            content = sanitise_svg(content)
    except (UnsafeFileError, UnsafeSvgError, OSError):
        content = None
    catalogue.memo[key] = content
    return content
