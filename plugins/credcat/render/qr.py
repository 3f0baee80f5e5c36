"""QR codes of permanent addresses, drawn at build time as SVG (no third-party service).

Owns :func:`qr_svg`: the QR code of an address (segno, error correction level M) as one SVG
``<path>`` of its dark modules, with a quiet zone of four modules, ``role="img"`` and the
address as its accessible name. The same address always gives the same bytes.
"""

from __future__ import annotations

import segno
from markupsafe import Markup, escape

__all__ = ["QUIET_ZONE", "qr_svg"]

QUIET_ZONE = 4
"""Light modules around the symbol, as the QR standard asks."""


def qr_svg(address: str, label: str) -> Markup:
    """An inline SVG QR code of ``address``.

    Args:
        address: What the code holds (a permanent page address).
        label: Its accessible name (``<title>``), e.g. "QR code of https://…".
    """
    code = segno.make(address, error="m", micro=False)
    size = len(code.matrix) + 2 * QUIET_ZONE
    runs: list[str] = []
    for y, row in enumerate(code.matrix, start=QUIET_ZONE):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + QUIET_ZONE} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return Markup(  # noqa: S704 - numbers and escaped text only
        f'<svg class="credcat-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}"'
        f' role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f"<title>{escape(label)}</title>"
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )
