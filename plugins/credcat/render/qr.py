"""QR codes of permanent addresses, drawn at build time as SVG (no third-party service).

Owns :func:`qr_code` (the symbol of an address: segno, error correction level M, the mask the
QR standard's penalty rules pick) and :func:`qr_svg` (a symbol as one SVG ``<path>`` of its
dark modules, with a quiet zone of four modules, ``role="img"`` and the address as its
accessible name). The same address always gives the same bytes.

Encoding an address costs about 15 ms (segno is pure Python; most of it is trying the eight
masks), and one version's address appears on its current page, its version page and its
summary in every language, rendered one after the other (the adapter renders a credential's
pages together): :func:`qr_code` keeps the last 64 symbols, so each address is encoded once.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import segno
from markupsafe import Markup, escape

__all__ = ["QUIET_ZONE", "QrCode", "qr_code", "qr_svg"]

QUIET_ZONE = 4
"""Light modules around the symbol, as the QR standard asks."""


class QrCode(NamedTuple):
    """A QR symbol ready to draw.

    Attributes:
        size: Width and height in modules, quiet zone included.
        path: The SVG path data of its dark modules (one rectangle per run in a row).
    """

    size: int
    path: str


@functools.lru_cache(maxsize=64)
def qr_code(address: str) -> QrCode:
    """The QR symbol of ``address``, memoised: the pages of one credential version (its
    current page, version page and summary, in every language) are rendered one after the
    other and show the same code."""
    matrix = segno.make(address, error="m", micro=False).matrix
    runs: list[str] = []
    for y, row in enumerate(matrix, start=QUIET_ZONE):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + QUIET_ZONE} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return QrCode(len(matrix) + 2 * QUIET_ZONE, "".join(runs))


def qr_svg(code: QrCode | str, label: str) -> Markup:
    """An inline SVG QR code.

    Args:
        code: The symbol (:func:`qr_code`), or the address to encode.
        label: Its accessible name (``<title>``), e.g. "QR code of https://…".
    """
    if isinstance(code, str):
        code = qr_code(code)
    size = code.size
    return Markup(  # noqa: S704 - numbers and escaped text only
        f'<svg class="credcat-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}"'
        f' role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f"<title>{escape(label)}</title>"
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{code.path}"/></svg>'
    )
