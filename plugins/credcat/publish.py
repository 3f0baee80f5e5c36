"""What a published site must hold: ``credcat verify-site``, the last step of a catalogue's CI.

Owns the check that a built site (any engine, any host folder) holds every page credcat
generates and, byte for byte, every machine-readable file the core renders for the catalogue.
An engine that silently skips the plugin (Zensical does) or a stale upload then fails CI
instead of publishing a catalogue without its catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .catalogue import Catalogue
from .languages import SiteLanguages
from .parallel import emit_data_files
from .urls import Urls

MAX_MISSING_SHOWN = 20


def _same(path: Path, content: bytes | Iterator[bytes]) -> bool:
    """Whether the file at ``path`` holds ``content`` (its bytes, or its parts in order, read
    part by part: ``catalogue.jsonld`` is about 500 MB at 10,000 credentials)."""
    if isinstance(content, bytes):
        return path.stat().st_size == len(content) and path.read_bytes() == content
    same = True
    with path.open("rb") as stream:
        for part in content:  # every part is made, so that the unit ends as it would
            same = same and stream.read(len(part)) == part
        return same and not stream.read(1)


DIFFERS = "differs from what credcat generates for this catalogue"
"""How :func:`verify_site` says that a file is there but not the same bytes."""


def verify_site(catalogue: Catalogue, site: Path) -> list[str]:
    """Compare a built site with what credcat publishes for ``catalogue``.

    Returns:
        One sentence per missing or different file (at most :data:`MAX_MISSING_SHOWN`, then a
        count); an empty list when the site is complete.
    """
    from .render.site.pages import Pages

    urls = Urls.of(catalogue.settings)
    wrong: list[tuple[str, str]] = []  # (path, what is wrong), sorted at the end

    def compare(rel: str, content: bytes | Iterator[bytes]) -> None:
        # each file as it is made, never all of them at once (about 2 GB at 10,000 credentials)
        path = site / rel
        if not path.is_file():
            wrong.append((rel, "missing"))
        elif not _same(path, content):
            wrong.append((rel, DIFFERS))

    emit_data_files(catalogue, urls, compare)
    settings = catalogue.settings
    for lang in SiteLanguages.of(settings.default_language, settings.languages).all:
        # every language's pages: a site whose nl/ folder was not uploaded is not complete
        for spec in Pages(catalogue, urls, lang, machine_files=True).pages():
            rel = spec.src_uri.removesuffix(".md") + ".html"
            if not (site / rel).is_file():
                wrong.append((rel, "missing"))
    found = [f"{rel}: {what}" for rel, what in sorted(wrong)]
    if len(found) > MAX_MISSING_SHOWN:
        more = len(found) - MAX_MISSING_SHOWN
        found = [*found[:MAX_MISSING_SHOWN], f"… and {more} more"]
    return found
