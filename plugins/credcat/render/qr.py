"""QR codes of permanent addresses, drawn at build time as SVG (no third-party service).

Owns :func:`qr_code` (the symbol of an address: segno, error correction level M, the mask the
QR standard's penalty rules pick) and :func:`qr_svg` (a symbol as one SVG ``<path>`` stroking its
dark modules, with a quiet zone of four modules, ``role="img"`` and the address as its
accessible name). The same address always gives the same bytes.

segno is pure Python, and most of the time it takes to encode an address goes into choosing
the mask: it draws and scores the symbol under each of the eight masks, module by module.
Here segno draws the symbol once, with mask 0; :func:`best_mask` makes segno's choice by the
same rules (ISO/IEC 18004 7.8.3, as segno scores them) on whole rows and columns at once, and
:func:`with_mask` turns the symbol over to that mask (data modules and format information).
The symbol is the one segno makes, byte for byte (the tests compare both functions with segno
on hundreds of addresses); where either cannot read the symbol, segno does the work, as
before.

One version's address appears on its current page, its version page and its summary in every
language, rendered one after the other (the adapter renders a credential's pages together):
:func:`qr_code` keeps the last 64 symbols, so each address is encoded once.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import segno
import segno.encoder
from markupsafe import Markup, escape

__all__ = ["QUIET_ZONE", "QrCode", "best_mask", "draw", "qr_code", "qr_svg", "with_mask"]

QUIET_ZONE = 4
"""Light modules around the symbol, as the QR standard asks."""


class QrCode(NamedTuple):
    """A QR symbol ready to draw.

    Attributes:
        size: Width and height in modules, quiet zone included.
        path: The SVG path data of its dark modules, drawn with a stroke one module wide
            (one stroke per run in a row).
    """

    size: int
    path: str


@functools.lru_cache(maxsize=64)
def qr_code(address: str) -> QrCode:
    """The QR symbol of ``address``, memoised: the pages of one credential version (its
    current page, version page and summary, in every language) are rendered one after the
    other and show the same code."""
    first = segno.make(address, error="m", micro=False, mask=0)
    mask = best_mask(first.matrix, first.mask)
    if mask is None:  # segno's layout is not the one best_mask knows: segno chooses
        return draw(segno.make(address, error="m", micro=False).matrix)
    matrix = with_mask(first.matrix, first.mask, mask)
    if matrix is None:
        matrix = segno.make(address, error="m", micro=False, mask=mask).matrix
    return draw(matrix)


def draw(matrix: Sequence[bytes | bytearray]) -> QrCode:
    """A symbol's modules (one byte each, 1 dark) as a :class:`QrCode`: each row's runs of
    dark modules as horizontal strokes one module wide along the row's middle, the row's first
    run from an absolute point (``M4 5.5h7``), each next one moved to from the end of the one
    before (``m2 0h3``)."""
    runs: list[str] = []
    for y, row in enumerate(matrix, start=QUIET_ZONE):
        x, end = 0, -1
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                if end < 0:
                    runs.append(f"M{start + QUIET_ZONE} {y}.5h{x - start}")
                else:
                    runs.append(f"m{start - end} 0h{x - start}")
                end = x
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
        f'<path fill="none" stroke="#000" d="{code.path}"/></svg>'
    )


# --- the mask ------------------------------------------------------------------------------------

MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
"""The eight data masks of a QR symbol (ISO/IEC 18004, table 10): row ``i``, column ``j``."""

_RUN = re.compile(rb"\x00{5,}|\x01{5,}")
_FINDER_LIKE = b"\x01\x00\x01\x01\x01\x00\x01"  # dark light dark dark dark light dark
_LIGHT = b"\x00\x00\x00\x00"


class _Layout(NamedTuple):
    """Where a symbol of one size has its data, each row (and column) as an integer of one
    byte per module: ``base``, the symbol before its data (function patterns drawn, format and
    version areas light, as segno scores it); ``data``, 1 at each data module; ``flips[k]``
    and ``column_flips[k]``, 1 where mask ``k`` turns a module over."""

    base: tuple[int, ...]
    data: tuple[int, ...]
    flips: tuple[tuple[int, ...], ...]
    column_flips: tuple[tuple[int, ...], ...]


@functools.lru_cache(maxsize=8)
def _layout(size: int) -> _Layout:
    encoder: Any = segno.encoder  # not typed: the functions that draw a symbol's patterns
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    flips = [
        [bytes(row[j] > 1 and mask(i, j) for j in range(size)) for i, row in enumerate(matrix)]
        for mask in MASKS
    ]
    return _Layout(
        base=tuple(_int(bytes(0 if cell > 1 else cell for cell in row)) for row in matrix),
        data=tuple(_int(bytes(cell > 1 for cell in row)) for row in matrix),
        flips=tuple(tuple(_int(row) for row in rows) for rows in flips),
        column_flips=tuple(
            tuple(_int(bytes(c)) for c in zip(*rows, strict=True)) for rows in flips
        ),
    )


def _layout_of(matrix: Sequence[bytes | bytearray], *masks: int) -> _Layout | None:
    """The layout of a symbol of ``matrix``'s size, or None when ``matrix`` is not a square
    QR symbol (Micro QR sizes included), a mask number does not exist, or segno draws
    differently from what :func:`_layout` reads (segno then does the work)."""
    size = len(matrix)
    if size < 21 or any(len(row) != size for row in matrix):
        return None
    if not all(0 <= mask < len(MASKS) for mask in masks):
        return None
    try:
        return _layout(size)
    except Exception:  # segno draws differently
        return None


def _int(modules: bytes | bytearray) -> int:
    return int.from_bytes(modules, "big")


def best_mask(matrix: Sequence[bytes | bytearray], mask: int) -> int | None:
    """The mask that the QR standard's penalty rules pick for a symbol, as segno picks it.

    Args:
        matrix: The finished symbol drawn with ``mask`` (segno's ``Code.matrix``: one byte
            per module, 1 dark).
        mask: The mask it was drawn with.

    Returns:
        The number of the mask with the lowest penalty (the first of equals), or None when
        the symbol is not one whose layout could be read from segno.
    """
    layout = _layout_of(matrix, mask)
    if layout is None:
        return None
    size = len(matrix)
    unmask = layout.flips[mask]
    rows = [  # the data before masking, the rest as segno scores it
        (_int(row) ^ unmask[i]) & layout.data[i] | layout.base[i] for i, row in enumerate(matrix)
    ]
    columns = [_int(bytes(c)) for c in zip(*(r.to_bytes(size, "big") for r in rows), strict=True)]
    pairs = _int(b"\x01" * (size - 1))
    scores = [
        _penalty(
            [r ^ f for r, f in zip(rows, flips, strict=True)],
            [c ^ f for c, f in zip(columns, column_flips, strict=True)],
            size,
            pairs,
        )
        for flips, column_flips in zip(layout.flips, layout.column_flips, strict=True)
    ]
    return scores.index(min(scores))


def with_mask(
    matrix: Sequence[bytes | bytearray], mask: int, new: int
) -> Sequence[bytes | bytearray] | None:
    """The symbol ``matrix``, drawn with ``mask``, drawn with mask ``new`` instead: its data
    modules turned over by both masks, and its format information (ISO/IEC 18004 7.9: the
    error correction level and the mask, BCH-coded, in two copies) written again.

    Returns:
        The rows of the symbol, or None when its format information does not read as a
        symbol of ``mask`` (both copies equal and a valid code).
    """
    layout = _layout_of(matrix, mask, new)
    if layout is None:
        return None
    size = len(matrix)
    first, second = _format_places(size)
    bits = sum(matrix[row][column] << bit for bit, (row, column) in enumerate(first))
    data = (bits ^ FORMAT_MASK) >> 10
    if (
        _format_bits(data) != bits
        or data & 0b111 != mask
        or any(matrix[r][c] != bits >> bit & 1 for bit, (r, c) in enumerate(second))
    ):
        return None
    old, now = layout.flips[mask], layout.flips[new]
    rows = [
        bytearray((_int(row) ^ old[i] ^ now[i]).to_bytes(size, "big"))
        for i, row in enumerate(matrix)
    ]
    bits = _format_bits(data & 0b11000 | new)
    for places in (first, second):
        for bit, (row, column) in enumerate(places):
            rows[row][column] = bits >> bit & 1
    return rows


FORMAT_MASK = 0x5412
"""What the 15 format bits are XORed with (ISO/IEC 18004 7.9.1)."""


def _format_bits(data: int) -> int:
    """The 15 format bits of 5 data bits (error correction level, mask): a BCH(15, 5) code,
    generator polynomial 0x537, XORed with :data:`FORMAT_MASK`."""
    rest = data << 10
    for bit in range(14, 9, -1):
        if rest >> bit & 1:
            rest ^= 0x537 << (bit - 10)
    return (data << 10 | rest) ^ FORMAT_MASK


def _format_places(size: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where format bits 0 to 14 are (row, column), in the copy beside the top-left finder
    pattern and in the copy split between the other two."""
    first = [(bit, 8) for bit in range(6)] + [(7, 8), (8, 8), (8, 7)]
    first += [(8, 14 - bit) for bit in range(9, 15)]
    second = [(8, size - 1 - bit) for bit in range(8)]
    second += [(size - 15 + bit, 8) for bit in range(8, 15)]
    return first, second


def _penalty(rows: list[int], columns: list[int], size: int, pairs: int) -> int:
    """The penalty score of a masked symbol (rows and columns of one byte per module), by the
    rules of ISO/IEC 18004 7.8.3 as segno applies them: runs of five or more (N1), 2×2 blocks
    of one colour (N2), finder-like patterns beside four light modules (N3) and the share of
    dark modules (N4)."""
    lines = [line.to_bytes(size, "big") for line in (*rows, *columns)]
    runs = _RUN.findall(b"\x02".join(lines))
    score = sum(map(len, runs)) - 2 * len(runs)
    score += _finder_like(_LIGHT + (_LIGHT + _LIGHT).join(lines) + _LIGHT)
    for above, below in itertools.pairwise(rows):
        differ = (above ^ (above >> 8)) | (below ^ (below >> 8)) | (above ^ below)
        score += 3 * (pairs & ~differ).bit_count()
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * int(abs(float(dark) / size**2 * 100 - 50) / 5)


def _finder_like(text: bytes) -> int:
    """N3: 40 for each 1:1:3:1:1 pattern with four light modules before or after it; ``text``
    holds every row and column with four light modules on each side (segno counts a pattern
    at an edge of the symbol, or with fewer than four modules to the edge, all light)."""
    score = 0
    at = text.find(_FINDER_LIKE)
    while at != -1:
        if text[at - 4 : at] == _LIGHT or text[at + 7 : at + 11] == _LIGHT:
            score += 40
            at = text.find(_FINDER_LIKE, at + 7)
        else:
            at = text.find(_FINDER_LIKE, at + 4)
    return score
