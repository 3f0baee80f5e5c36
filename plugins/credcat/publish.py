"""What a published site must hold: ``credcat verify-site``, the last step of a catalogue's CI.

Owns the check that a built site (any engine, any host folder) holds every page credcat
generates and, byte for byte, every machine-readable file the core renders for the catalogue.
An engine that silently skips the plugin (Zensical does) or a stale upload then fails CI
instead of publishing a catalogue without its catalogue.
"""

from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue
from .output import data_files
from .urls import Urls

MAX_MISSING_SHOWN = 20


def verify_site(catalogue: Catalogue, site: Path) -> list[str]:
    """Compare a built site with what credcat publishes for ``catalogue``.

    Returns:
        One sentence per missing or different file (at most :data:`MAX_MISSING_SHOWN`, then a
        count); an empty list when the site is complete.
    """
    from .render.site.pages import Pages

    urls = Urls.of(catalogue.settings)
    expected: dict[str, bytes | None] = dict(data_files(catalogue, urls).items())
    pages = Pages(catalogue, urls, catalogue.settings.default_language, machine_files=True)
    for spec in pages.pages():
        expected[spec.src_uri.removesuffix(".md") + ".html"] = None
    found: list[str] = []
    for rel, content in sorted(expected.items()):
        path = site / rel
        if not path.is_file():
            found.append(f"{rel}: missing")
        elif content is not None and path.read_bytes() != content:
            found.append(f"{rel}: differs from what credcat generates for this catalogue")
    if len(found) > MAX_MISSING_SHOWN:
        more = len(found) - MAX_MISSING_SHOWN
        found = [*found[:MAX_MISSING_SHOWN], f"… and {more} more"]
    return found
