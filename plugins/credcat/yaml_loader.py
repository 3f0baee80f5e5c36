"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands anchors and aliases
(the "billion laughs"), and forgets positions. Maintainers need the opposite: every duplicate
key reported, no aliases, and each error pointing at a line and column. This module reads the
parser's event stream itself and builds plain Python values plus a map from each value's path
(``("outcomes", 2, "text")``) to its position.

Catalogue files are untrusted, so the build is an iterative walk (an explicit stack, at most
:data:`credcat.limits.MAX_DEPTH` deep: no input reaches Python's recursion limit), every
scalar constructor failure (``!!timestamp soon``, ``!!int ""``) is a located problem, and every
text passes :func:`credcat.limits.text_problem`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from .errors import Problem, Severity, field_label, printable
from .fs import UnsafeFileError, read_inside
from .languages import LANGUAGE_TAG
from .limits import MAX_DEPTH, text_problem

MAX_BYTES = 1024 * 1024
"""Largest YAML file accepted (1 MiB): a credential description is a few KiB."""

PathKey = tuple[str | int, ...]

NULL_TAG = "tag:yaml.org,2002:null"
ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
"""Plain YAML types only: any other tag (``!!python/…``, ``!!binary``, ``!custom``) is refused."""


@dataclass(slots=True)
class Document:
    """A loaded YAML mapping with the position of each value and each key.

    Attributes:
        path: The file it came from.
        display: The path as shown in messages.
        data: The top-level mapping.
        positions: ``path -> (line, column)`` of each value, 1-based.
        key_positions: ``path -> (line, column)`` of the key that introduced each mapping value.
        unquoted: ``path -> source text`` of each unquoted value that YAML read as a number, a
            boolean or a date rather than as text (``0613``, ``1.10``, ``NO``), so that
            messages can quote what the maintainer actually wrote.
        refused: Paths of values already reported as unusable while loading (an unsupported
            tag …); the model's follow-up complaint about the same value is dropped.
        blocks: ``path -> lines`` of each text written as a literal or folded block scalar
            (``|``, ``>``), when loaded with ``blocks=True`` (:func:`load_yaml`): for each
            of its lines that holds more than blanks, ``(offset, line, column)``, where the
            offset is that of the line's first character in the text as the model keeps it
            (without the whitespace around it), so that a problem found in the text can name
            its own line (:meth:`where_in`).
    """

    path: Path
    display: str
    data: dict[str, Any]
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    unquoted: dict[PathKey, str] = field(default_factory=dict)
    refused: set[PathKey] = field(default_factory=set)
    blocks: dict[PathKey, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)

    def where(self, loc: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Best known position for ``loc``: the value (or its key), else its nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def where_in(self, loc: PathKey, offset: int) -> tuple[int, int]:
        """Position of the character at ``offset`` of the text at ``loc`` (in the text as the
        model keeps it, without the whitespace around it): in a literal or folded block
        scalar its own line and column; in any other value (plain or quoted, where escapes
        and folding make columns uncertain) the value's position, as :meth:`where`."""
        probe = tuple(loc)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        lines = self.blocks.get(probe)
        if not lines:
            return self.where(loc)
        index = bisect.bisect_right(lines, (offset, _AFTER)) - 1
        if index < 0:
            return self.where(loc)
        start, line, column = lines[index]
        return line, column + offset - start


_FAST_LOADER: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
READ_AS_NON_TEXT = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "timestamp")
)
"""Tags YAML gives unquoted values that are not text: ``0613`` is an int, ``NO`` a bool."""


_AFTER = 1 << 62
"""Greater than any line number: ``(offset, _AFTER)`` sorts after each line at ``offset``."""
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break (its marks count lines so)."""
BLOCK_STYLES = frozenset({"|", ">"})
"""The styles of block scalars: literal and folded."""


def _parser(text: str) -> yaml.SafeLoader:
    """A YAML parser (libyaml when installed, ten times faster) for the event stream."""
    return (_FAST_LOADER or yaml.SafeLoader)(text)


def _refuse_anchor(event: Any) -> None:
    mark: Any = getattr(event, "start_mark", None)
    if isinstance(event, AliasEvent):
        raise yaml.composer.ComposerError(
            None, None, "aliases (*name) are not allowed in credcat files", mark
        )
    if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
        raise yaml.composer.ComposerError(
            None, None, "anchors (&name) are not allowed in credcat files", mark
        )


def _problem(display: str, line: int, column: int, message: str, hint: str = "") -> Problem:
    return Problem(display, line, column, "", message, hint, code="yaml")


def _empty(display: str) -> Problem:
    hint = "write the entry, starting with 'title: …', or delete the file"
    return _problem(display, 1, 1, "file is empty", hint)


def _not_utf8(display: str, raw: bytes, start: int) -> Problem:
    """The file is not UTF-8: say where, and what it probably is (UTF-16, Windows-1252)."""
    save_as = "save the file as UTF-8; in VS Code: 'Save with Encoding' → 'UTF-8'"
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _problem(display, 1, 1, "file is saved as UTF-16, not UTF-8", save_as)
    line = raw[:start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = raw[start]
    guess = raw[start : start + 1].decode("cp1252", errors="replace")
    message = f"file is not UTF-8 (byte 0x{byte:02x}"
    if guess.isprintable() and guess != "\ufffd":
        message += f", '{guess}' in Windows-1252"
    message += ")"
    return _problem(display, line, column, message, save_as)


_DASH_WITHOUT_SPACE = re.compile(r"^\s*-([^\s-].*)$")
"""A list item written ``-id: x`` instead of ``- id: x``."""
_FOLLOWS_KEY = re.compile(r"^(\s*+(?:-\s+)*+)([^\s#:'\"][^:#]*?):(\s|$)")
"""The ``key:`` at the start of a line (after any ``- `` list markers)."""


def _syntax_problem(display: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """Turn a PyYAML or libyaml syntax error into a located message a non-programmer can act on.

    The two parsers word their errors differently; both are recognised. Where the parser notices
    a mistake only on a later line (a missing ``:``, an unclosed quote or bracket), the problem
    points at the line where the mistake is.
    """
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    ctx_line, ctx_column = (
        (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else (0, 0)
    )
    lines = text.splitlines()

    def source(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def found(message: str, hint: str = "", at: tuple[int, int] | None = None) -> Problem:
        where = at or (line, column)
        return _problem(display, where[0], where[1], f"invalid YAML: {message}", hint)

    here = source(line)
    char = here[column - 1] if 0 < column <= len(here) else ""
    if "anchors" in problem or "aliases" in problem:
        return _problem(display, line, column, problem)
    if "tab" in problem or char == "\t":
        return found(
            "a tab character; YAML indents with spaces only",
            "replace the tab with spaces, and set your editor to insert spaces for the Tab key",
        )
    if "cannot start any token" in problem and char in "@`%":
        return found(
            f"a value cannot start with '{char}'",
            'put the whole text in quotes: "…"',
        )
    dash = _DASH_WITHOUT_SPACE.match(here) or _DASH_WITHOUT_SPACE.match(source(ctx_line))
    if dash is not None and ("block" in context or "simple key" in context):
        at = line if _DASH_WITHOUT_SPACE.match(here) else ctx_line
        return found(
            "a list item needs a space after its dash",
            f"write '- {dash.group(1)}'",
            (at, len(source(at)) - len(source(at).lstrip()) + 1),
        )
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        key_line = source(ctx_line)
        if re.match(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\S", key_line):
            key = key_line.strip().lstrip("-").strip().split(":", 1)[0]
            return found(
                f"no space after '{key}:'",
                f"write '{key}: …' with a space after the colon",
                (ctx_line, ctx_column),
            )
        return found(
            "this line has no ':' after its key",
            "write 'key: value'; a line that continues a text must be indented further "
            "than the text's key",
            (ctx_line, ctx_column),
        )
    if "mapping values are not allowed" in problem:
        head = _FOLLOWS_KEY.match(here)
        if head is not None and column - 1 > len(head.group(0).rstrip()):
            key = head.group(2).strip()
            value = here[head.end() :].strip()
            return found(
                "the text contains ': ', which YAML reads as the start of another key",
                f'put the whole text in quotes: {key}: "{value}"',
            )
        previous = _previous_content_line(lines, line)
        previous_text = source(previous).strip()
        if previous and ":" not in previous_text and not previous_text.startswith("-"):
            return found(
                "this line has no ':' after its key",
                "write 'key: value'",
                (previous, len(source(previous)) - len(source(previous).lstrip()) + 1),
            )
        misaligned = _misaligned(lines, line, continued=True)
        if misaligned is not None:
            return found(*misaligned)
        return found(
            "this line is indented differently from the keys around it"
            + (f", so YAML reads it as more text of line {previous}" if previous else ""),
            "keys at the same level start in the same column; texts that contain ': ' need quotes",
        )
    if "sequence entries are not allowed" in problem:
        return found(
            "a list cannot start on the same line as its key",
            "put each '- item' on its own line below the key, indented, or write [a, b]",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return found(
            f"the '{opening}' on line {ctx_line} is not closed",
            f"close it with '{closing}' and separate the items with ', '",
            (ctx_line, ctx_column),
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return found(
            f"the quote opened on line {ctx_line} is never closed",
            "close the quote at the end of the text",
            (ctx_line, ctx_column),
        )
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return found(
            "a backslash in double quotes starts an escape sequence",
            "write \\\\ for a backslash, or use single quotes",
        )
    if "single document" in context:
        return found(
            "the file holds more than one document (a second '---' line)",
            "remove the '---' line",
        )
    if "block collection" in context:
        return found(
            "this line is not a list item, but the lines above it are",
            "start each list item with '- ', a dash and a space, at the same indentation; "
            "indent the keys of an item like the first key after its dash",
        )
    if "block mapping" in context:
        indent = len(here) - len(here.lstrip())
        if column - 1 <= indent:
            if here.lstrip().startswith("-"):
                item = _item_out_of_line(lines, line)
                if item is not None:
                    return found(*item)
                return found(
                    "a list item where a key was expected",
                    "check the indentation, and whether the entries above should start "
                    "with '- ' too",
                )
            misaligned = _misaligned(lines, line, continued=False)
            if misaligned is not None:
                return found(*misaligned)
            return found(
                "this line is indented differently from the keys above it",
                "keys at the same level start in the same column",
            )
        before = here[: column - 1].rstrip()
        if before.endswith(("'", '"')):
            return found(
                "text after the closing quote",
                "put the whole text in quotes; inside single quotes write '' for an "
                "apostrophe, as in 'it''s', or use double quotes",
            )
        return found("unexpected text after the value", "put the whole text in quotes")
    if "document start" in problem:  # the file's first key indented, and a later one not
        first = _next_content_line(lines, 0)
        top_key = _key_at(lines, first)
        if top_key is not None and top_key.start > 1:
            return found(
                f"'{top_key.name}:' starts in column {top_key.start}, but the keys of a file "
                "start in column 1",
                f"remove the spaces before '{top_key.name}:': only the keys below another key "
                "are indented",
                (first, top_key.start),
            )
    message = problem or context or "the file cannot be read"
    return found(message)


_KEY_NAME = re.compile(r"[A-Za-z_][\w-]*")
"""A key as credcat's files write them: a word (``title``, ``guided_hours``, ``de``, ``pt-BR``)."""


@dataclass(frozen=True)
class _Key:
    """The key a line starts with: its line, name, column, and the column of the list item's
    dash before it (``- id: a``), 0 for a line that is no list item."""

    line: int
    name: str
    column: int
    dash: int

    @property
    def start(self) -> int:
        """The column of the line's first character: its dash, or its key."""
        return self.dash or self.column


def _key_at(lines: list[str], number: int) -> _Key | None:
    """The key line ``number`` starts with; ``None`` for a line that starts with no key."""
    head = _FOLLOWS_KEY.match(lines[number - 1]) if 0 < number <= len(lines) else None
    if head is None or not _KEY_NAME.fullmatch(head.group(2).strip()):
        return None  # text that holds a colon ("Deliverables:"), no key
    dash = head.group(1).find("-") + 1
    return _Key(number, head.group(2).strip(), len(head.group(1)) + 1, dash)


def _indent_steps(lines: list[str], beside: set[int]) -> tuple[int, int]:
    """How far the file indents the keys below a key, and the dashes of a list below a key: the
    most common steps (2 by default), the lines ``beside``, which are in question, aside."""
    keys: dict[int, int] = {}
    dashes: dict[int, int] = {}
    for number in range(1, len(lines)):
        here = _key_at(lines, number)
        if here is None or lines[number - 1].split(":", 1)[1].split("#", 1)[0].strip():
            continue  # not a key with keys or items below it
        next_line = _next_content_line(lines, number)
        below = _key_at(lines, next_line) if next_line not in beside else None
        if below is not None and below.start >= here.column:
            steps = dashes if below.dash else keys
            steps[below.start - here.column] = steps.get(below.start - here.column, 0) + 1

    def common(steps: dict[int, int]) -> int:
        return max(steps, key=lambda step: (steps[step], step == 2)) if steps else 2

    return common(keys), common(dashes)


def _misaligned(
    lines: list[str], line: int, *, continued: bool
) -> tuple[str, str, tuple[int, int]] | None:
    """Message, hint and place for a key (on ``line``, where YAML noticed) that starts in a
    column none of the keys above it starts in.

    The problem is put on the key that is out of line. The keys above it that are still open
    (``text:`` at column 5 holding ``de:`` at 6) give the column it falls between: the deeper
    one's (``de:``) or the shallower one's (``text:``). Where the shallower key is the first
    below its own parent and the line in question sits where the file's indentation puts the
    keys below that parent, the shallower key is out of line (``text:`` at 5, ``de:`` at 6,
    ``en:`` at 7: ``de:`` moves); so is the deeper one, likewise, as the first key below the
    shallower one; and a list item whose dash is not where the file puts the dashes below
    its key, when moving it there puts its first key in the line's column. Otherwise the line
    in question is, and moves to the nearer column. ``continued``: YAML read the line as more
    text of the line above.
    """
    here = _key_at(lines, line)
    if here is None or here.dash:
        return None
    column = here.column
    chain: list[_Key] = []  # the open keys above, innermost first, each left of the one before
    number, limit = line, column + 1_000_000
    while number := _previous_content_line(lines, number):
        key = _key_at(lines, number)
        if key is not None and key.column < limit:
            chain.append(key)
            limit = key.start
    if any(key.column == column for key in chain):
        return None
    deeper = [key for key in chain if key.column > column]
    # the open keys around the column: the deeper one nearest it (inner, de: at 6), the
    # shallower one (outer, text: at 5) and the key that holds that one (holder)
    inner = deeper[-1] if deeper else None
    outer = chain[len(deeper)] if len(deeper) < len(chain) else None
    holder = chain[len(deeper) + 1] if len(deeper) + 1 < len(chain) else None
    step, dash_step = _indent_steps(lines, {key.line for key in (inner, outer) if key is not None})

    def first_below(key: _Key, parent: _Key) -> bool:
        return _previous_content_line(lines, key.line) == parent.line

    def out_of_line(key: _Key, parent: _Key) -> tuple[str, str, tuple[int, int]]:
        return (
            f"'{key.name}:' starts in column {key.column}, but '{here.name}:' on line {line}, "
            f"a key of the same level below it, in column {column}",
            f"keys at the same level start in the same column: move '{key.name}:' to column "
            f"{column}, {step} spaces in from '{parent.name}:' on line {parent.line}",
            (key.line, key.column),
        )

    if outer is not None and holder is not None:
        if not outer.dash and first_below(outer, holder) and column == holder.column + step:
            return out_of_line(outer, holder)
        moved = holder.column + dash_step - outer.dash  # where its dash belongs, less where it is
        if (
            outer.dash
            and outer.dash != holder.column + dash_step
            and outer.column + moved == column
        ):
            return (
                f"'{outer.name}:' starts in column {outer.column}, but the next key of its list "
                f"item, '{here.name}:' on line {line}, in column {column}",
                f"move '- {outer.name}:' {_spaces(moved)}, so that its dash starts in "
                f"column {holder.column + dash_step}, {dash_step} spaces in from "
                f"'{holder.name}:' on line {holder.line}, and '{outer.name}:' in column {column}",
                (outer.line, outer.column),
            )
    if (
        inner is not None
        and outer is not None
        and first_below(inner, outer)
        and column == outer.column + step
    ):
        return out_of_line(inner, outer)
    candidates = [key for key in (inner, outer) if key is not None]
    if not candidates:
        return None
    target = min(candidates, key=lambda key: abs(key.column - column))
    message = (
        f"'{here.name}:' starts in column {column}, but '{target.name}:' above it on line "
        f"{target.line} in column {target.column}"
    )
    hint = "keys at the same level start in the same column: " + (
        f"move '{here.name}:' to column {target.column}"
    )
    previous = _previous_content_line(lines, line)
    if continued:
        message += f", so YAML reads this line as more text of line {previous}"
        hint += "; texts that contain ': ' need quotes"
    return message, hint, (line, column)


def _item_out_of_line(lines: list[str], line: int) -> tuple[str, str] | None:
    """Message and hint for a list item (on ``line``) whose dash is a space or two off the
    dash of the item above it in the same list."""
    here = _key_at(lines, line)
    if here is None or not here.dash:
        return None
    number, limit = line, here.dash
    while number := _previous_content_line(lines, number):
        key = _key_at(lines, number)
        if key is None:
            continue
        if key.dash and key.dash != here.dash and abs(key.dash - here.dash) <= 2:
            return (
                f"this list item's dash is in column {here.dash}, but the dash of the item "
                f"above it on line {key.line} in column {key.dash}",
                f"the items of a list start in the same column: move '- {here.name}:' "
                f"{_spaces(key.dash - here.dash)}",
            )
        if key.start < min(limit, here.dash - 2):
            return None  # the key the list belongs to: no item of it above
        limit = min(limit, key.start)
    return None


def _spaces(moved: int) -> str:
    """How far to move a line, ``moved`` columns: "1 space to the right", "2 spaces to the
    left"."""
    spaces = "1 space" if abs(moved) == 1 else f"{abs(moved)} spaces"
    return f"{spaces} to the {'right' if moved > 0 else 'left'}"


def _next_content_line(lines: list[str], line: int) -> int:
    """Number of the closest line after ``line`` that holds more than blanks or a comment."""
    for number in range(line + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return 0


def _previous_content_line(lines: list[str], line: int) -> int:
    """Number of the closest line before ``line`` that holds more than blanks or a comment."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _too_large(display: str, size: int) -> Problem:
    return _problem(
        display,
        0,
        0,
        f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (1 MiB)",
        "split long texts or move attachments out of the YAML",
    )


def load_yaml(
    path: Path, display: str, root: Path | None = None, *, blocks: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file into a :class:`Document`.

    Args:
        path: File to read.
        display: How to name the file in problems.
        root: The catalogue folder the file belongs to: the file is then read through
            :func:`credcat.fs.read_inside` (no link out of ``root``, regular files only, at
            most :data:`MAX_BYTES`). Without it (a file the user named), the file is read as it
            is, still at most :data:`MAX_BYTES`.
        blocks: Also find where each line of a block scalar is (:attr:`Document.blocks`):
            about a fifth more time, for the positions of problems found in a text after
            loading, when the file is read again for them.

    Returns:
        The document (``None`` when the file cannot be used) and the problems found while
        loading. Problems here are errors, and notes of texts still marked ``# translate``; the
        document is ``None`` whenever there is one that makes the content untrustworthy
        (syntax, encoding, aliases, not a mapping).
    """
    try:
        if root is not None:
            raw = read_inside(root, path.absolute(), MAX_BYTES)
        else:
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except UnsafeFileError as exc:
        if exc.size is None:
            return None, [
                Problem(
                    display,
                    0,
                    0,
                    "",
                    f"the file {exc.reason}",
                    "keep every catalogue file a plain file inside the catalogue folder, "
                    "not a link out of it",
                    code="unsafe-file",
                )
            ]
        return None, [_too_large(display, exc.size)]
    except OSError as exc:
        return None, [_problem(display, 0, 0, f"cannot read the file: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [_too_large(display, max(len(raw), _size(path)))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(display, raw, exc.start)]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [_empty(display)]
    doc = Document(path=path, display=display, data={})
    problems: list[Problem] = []
    parser: yaml.SafeLoader | None = None
    try:
        parser = _parser(text)
        root, start = _Builder(doc, problems, parser, text if blocks else None).document()
    except _TooDeep as exc:
        return None, [
            _problem(
                display,
                exc.mark.line + 1,
                exc.mark.column + 1,
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                "credcat files need only a few levels; check the indentation and the brackets",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(display, text, exc)]
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            _problem(
                display,
                line,
                column,
                f"invalid character U+{exc.character:04X} in the file",
                "remove control characters; save the file as plain UTF-8 text",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [_problem(display, 0, 0, f"invalid YAML: {exc}")]
    finally:
        if parser is not None:
            parser.dispose()
    if start is None or (isinstance(start, ScalarEvent) and root is None and start.tag is None):
        return None, [_empty(display)]
    if not isinstance(start, MappingStartEvent) or not isinstance(root, dict):
        kind = "a list" if isinstance(start, SequenceStartEvent) else "a single value"
        return None, [
            _problem(
                display,
                start.start_mark.line + 1,
                start.start_mark.column + 1,
                f"the file holds {kind}, but keys with values are expected",
                "start with a line such as 'title: …'",
            )
        ]
    doc.data = root
    return doc, [*problems, *_to_translate(doc, text), *_examples(doc, text)]


_TRANSLATE_MARK = re.compile(r"#\s*translate\s*$")
"""The mark ``credcat init`` and ``credcat new`` put after a text that is still in another
language (``nl: "Université de Wavre"  # translate``)."""


TO_TRANSLATE = "to-translate"
"""The code of the note on a text still marked ``# translate`` (``credcat release`` refuses
while the credential's own file holds one)."""


_PLACEHOLDER_START = "TODO("
"""How the placeholders of ``credcat new`` and ``credcat import`` start
(:data:`credcat.model.NEW_PLACEHOLDER`, ``IMPORT_PLACEHOLDER``), which check refuses anyway."""


def value_at(data: Any, loc: PathKey) -> Any:
    """The value of ``data`` at ``loc`` (keys and list indexes), ``None`` where there is none."""
    for part in loc:
        listed = isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        if not (listed or (isinstance(data, dict) and part in data)):
            return None
        data = data[part]
    return data


def _to_translate(doc: Document, text: str) -> list[Problem]:
    """A note for each text still marked ``# translate``: it reads as a translation to the
    build and to the translation counts, but is not one yet (a note fails no strict check:
    a new catalogue checks strictly at once). A placeholder still to be replaced
    (``TODO(new): …``) gets none: its error says it all (a new file in three languages drew
    two notes for each of its texts beside the errors)."""

    def wanted(loc: PathKey) -> bool:
        if not loc or not isinstance(loc[-1], str) or not LANGUAGE_TAG.match(loc[-1]):
            return False
        value = value_at(doc.data, loc)
        return not (isinstance(value, str) and value.startswith(_PLACEHOLDER_START))

    return _marked(
        doc,
        text,
        "translate",
        wanted,
        lambda loc: (
            f"the {loc[-1]} text is marked '# translate': it is not translated yet",
            "translate it, then delete '# translate'",
            TO_TRANSLATE,
        ),
    )


_EXAMPLE_MARK = re.compile(r"#\s*example\s*$")
"""The mark ``credcat init`` puts after a value it chose as an example where the maintainer
gave none (``country: BE  # example``)."""


EXAMPLE_VALUE = "example-value"
"""The code of the note on a value ``credcat init`` wrote as an example (``credcat release``
refuses while ``catalogue.yaml`` or an organisation holds one)."""


def _examples(doc: Document, text: str) -> list[Problem]:
    """A note for each value still marked ``# example``: ``credcat init`` chose it (the
    catalogue's address, the publisher's name, kind, country and homepage), and a catalogue
    would publish it as its own ("Our institution (Belgium)"). A text's mark is on its first
    language's line (``name.en``)."""
    return _marked(
        doc,
        text,
        "example",
        lambda loc: _scalar_or_text(doc, loc),
        lambda loc: (
            "credcat init wrote this value as an example: it is not yours yet",
            "write your own, then delete '# example'",
            EXAMPLE_VALUE,
        ),
    )


def _scalar_or_text(doc: Document, loc: PathKey) -> bool:
    """Whether ``loc`` is a top-level value that is not a list or mapping (``kind``), or one
    language's text of a top-level text (``name.en``)."""
    if len(loc) == 1:
        return not isinstance(doc.data.get(str(loc[0])), dict | list)
    return len(loc) == 2 and isinstance(loc[1], str) and bool(LANGUAGE_TAG.match(loc[1]))


def _marked(
    doc: Document,
    text: str,
    word: Literal["translate", "example"],
    wanted: Callable[[PathKey], bool],
    said: Callable[[PathKey], tuple[str, str, str]],
) -> list[Problem]:
    """A note (message, fix, code: ``said``) for each value of ``doc`` that is ``wanted``
    on a line that ends in the mark ``# <word>`` (a comment ``credcat init`` or ``credcat
    new`` wrote: :data:`_TRANSLATE_MARK`, :data:`_EXAMPLE_MARK`)."""
    if word not in text:
        return []
    mark = _TRANSLATE_MARK if word == "translate" else _EXAMPLE_MARK
    marked = {n for n, line in enumerate(text.splitlines(), 1) if mark.search(line)}
    found = []
    for loc, (line, column) in doc.positions.items():
        if line in marked and wanted(loc):
            message, fix, code = said(loc)
            found.append(
                Problem(
                    doc.display,
                    line,
                    column,
                    field_label(loc, doc.data),
                    message,
                    fix,
                    severity=Severity.NOTE,
                    code=code,
                    loc=loc,
                )
            )
    return sorted(found)


class _TooDeep(Exception):
    """Lists and mappings nest deeper than :data:`MAX_DEPTH`."""

    def __init__(self, mark: Any) -> None:
        super().__init__("nested too deeply")
        self.mark = mark


@dataclass(slots=True)
class _Frame:
    """A list or mapping being built.

    Attributes:
        loc: Its path, or ``None`` when its content is discarded (a refused tag, a duplicate
            key …): nothing inside is recorded or checked.
        value: The dict or list built so far (``None`` when discarded).
        key: The key whose value comes next (mappings).
        expect_value: Whether the next node is a value (else a key) (mappings).
        skip_value: Whether that value is discarded (its key was refused).
    """

    loc: PathKey | None
    value: dict[str, Any] | list[Any] | None
    key: str = ""
    expect_value: bool = False
    skip_value: bool = False


class _Builder:
    """Builds Python values from the YAML event stream, recording positions and duplicate keys.

    The walk is iterative (an explicit stack, at most :data:`MAX_DEPTH` deep), so no input can
    exhaust Python's recursion limit; every scalar is constructed here, and any constructor
    failure becomes a located problem. Every text value passes :func:`credcat.limits.text_problem`.
    """

    def __init__(
        self,
        doc: Document,
        problems: list[Problem],
        parser: yaml.SafeLoader,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.problems = problems
        self.parser = parser
        self.text = text
        self._lines: list[str] | None = None

    def document(self) -> tuple[Any, Any]:
        """The root value and the event that started it (``None`` for an empty stream)."""
        parser = self.parser
        parser.get_event()  # type: ignore[no-untyped-call]  # stream start
        if parser.check_event(StreamEndEvent):
            return None, None
        document_start = parser.get_event()  # type: ignore[no-untyped-call]
        first: Any = parser.peek_event()  # type: ignore[no-untyped-call]
        root = self._node()
        parser.get_event()  # type: ignore[no-untyped-call]  # document end
        if not parser.check_event(StreamEndEvent):
            extra: Any = parser.get_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                document_start.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return root, first

    def _node(self) -> Any:
        """Build one node (with everything inside it) from the event stream."""
        stack: list[_Frame] = []
        while True:
            event: Any = self.parser.get_event()  # type: ignore[no-untyped-call]
            kind = type(event)
            if kind is AliasEvent or getattr(event, "anchor", None) is not None:
                _refuse_anchor(event)
            parent = stack[-1] if stack else None
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done: Any = stack.pop().value
                parent = stack[-1] if stack else None
            else:
                is_key = (
                    parent is not None
                    and isinstance(parent.value, dict)
                    and not parent.expect_value
                )
                loc = None if is_key else self._child_loc(parent)
                if kind is ScalarEvent:
                    if not is_key:
                        done = self._scalar(event, loc)
                    elif parent is not None and parent.loc is not None:
                        done = self._key(event)
                    else:
                        done = None  # a key inside discarded content
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise _TooDeep(event.start_mark)
                    stack.append(self._start(event, loc, is_key))
                    continue
            if parent is None:
                return done
            self._attach(parent, done, event)

    def _child_loc(self, parent: _Frame | None) -> PathKey | None:
        if parent is None:
            return ()
        if parent.loc is None:
            return None
        if isinstance(parent.value, list):
            return (*parent.loc, len(parent.value))
        if parent.skip_value:
            return None
        return (*parent.loc, parent.key)

    def _start(self, event: Any, loc: PathKey | None, is_key: bool) -> _Frame:
        """The frame of a list or mapping that starts with ``event``."""
        is_map = isinstance(event, MappingStartEvent)
        if is_key:
            self.problems.append(
                _problem(
                    self.doc.display,
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                    "a key must be a plain word, not a list or mapping",
                )
            )
            return _Frame(None, None)
        if loc is None:
            return _Frame(None, None)
        self.doc.positions[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        expected = MAP_TAG if is_map else SEQ_TAG
        if event.tag not in (None, "!", expected):
            self._refuse(event, f"unsupported YAML tag {_short(event.tag)}")
            self.doc.refused.add(loc)
            return _Frame(None, None)
        return _Frame(loc, {} if is_map else [])

    def _attach(self, parent: _Frame, value: Any, event: Any) -> None:
        """Put a finished node into its parent list or mapping."""
        if parent.value is None:
            return
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if parent.expect_value:
            if not parent.skip_value:
                parent.value[parent.key] = value
            parent.expect_value = False
            parent.skip_value = False
            return
        parent.expect_value = True
        if not isinstance(event, ScalarEvent) or value is None or parent.loc is None:
            parent.skip_value = True  # reported: a list or mapping as key, a refused key
            return
        key = value
        child = (*parent.loc, key)
        mark: Any = event.start_mark
        key_pos = (mark.line + 1, mark.column + 1)
        if key in parent.value:
            first = self.doc.key_positions.get(child, (0, 0))
            self.problems.append(
                Problem(
                    self.doc.display,
                    key_pos[0],
                    key_pos[1],
                    _dotted(child),
                    f"duplicate key '{key}' (first defined on line {first[0]})",
                    "keep one of the two; YAML would silently drop the first",
                    code="duplicate-key",
                )
            )
            parent.skip_value = True
            return
        self.doc.key_positions[child] = key_pos
        parent.key = key

    def _refuse(
        self,
        event: Any,
        message: str,
        hint: str = "use plain text, numbers, dates, lists and mappings only",
    ) -> None:
        mark = event.start_mark
        self.problems.append(
            _problem(self.doc.display, mark.line + 1, mark.column + 1, message, hint)
        )

    def _construct(self, event: Any) -> tuple[bool, Any, str]:
        """Construct a scalar: ``(ok, value, resolved tag)``; a failure is reported."""
        tag = event.tag
        explicit = tag not in (None, "!")
        if not explicit:
            tag = self.parser.resolve(  # type: ignore[no-untyped-call]
                ScalarNode, event.value, event.implicit
            )
        if tag not in ALLOWED_TAGS or tag in (MAP_TAG, SEQ_TAG):
            self._refuse(event, f"unsupported YAML tag {_short(tag)}")
            return False, None, tag
        if tag == STR_TAG:
            return True, event.value, tag
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.parser.construct_object(node, deep=True)
        except Exception as exc:  # any constructor failure is the file's fault
            if not explicit and isinstance(exc, ValueError):
                # e.g. a timestamp-looking value that is not a real date: keep the text, so
                # the model reports it against the field with a useful message.
                return True, event.value, tag
            shown = printable(str(event.value)[:40])
            if explicit:
                self._refuse(
                    event,
                    f"'{shown}' cannot be read as {_short(tag)}",
                    f"remove '{_short(event.tag)[:40]}' and write a plain value",
                )
            else:
                self._refuse(event, f"unsupported YAML value '{shown}'")
            return False, None, tag
        return True, value, tag

    def _key(self, event: Any) -> str | None:
        ok, value, _ = self._construct(event)
        if not ok:
            return None
        key = value if isinstance(value, str) else str(value)
        wrong = text_problem(key)
        if wrong is not None:
            self._refuse(event, f"key: {wrong[0]}", wrong[1])
            return None
        return key

    def _scalar(self, event: Any, loc: PathKey | None) -> Any:
        if loc is None:
            return None
        self.doc.positions[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        ok, value, tag = self._construct(event)
        if not ok:
            self.doc.refused.add(loc)
            return None
        if value is None and tag != NULL_TAG:
            self.doc.refused.add(loc)
        elif tag in READ_AS_NON_TEXT and not event.style:
            self.doc.unquoted[loc] = str(event.value)
        if isinstance(value, str):
            wrong = text_problem(value)
            if wrong is not None:
                self.problems.append(
                    Problem(
                        self.doc.display,
                        event.start_mark.line + 1,
                        event.start_mark.column + 1,
                        _dotted(loc),
                        wrong[0],
                        wrong[1],
                        code="text",
                    )
                )
                self.doc.refused.add(loc)
                return None
            if self.text is not None and event.style in BLOCK_STYLES:
                self.doc.blocks[loc] = self._block_lines(event, value)
        return value

    def _block_lines(self, event: Any, value: str) -> tuple[tuple[int, int, int], ...]:
        """Where each line of a block scalar's text is (:attr:`Document.blocks`).

        Each source line that holds more than blanks is found in the text, in order, after
        the line before it: a literal scalar keeps every line as written after its
        indentation, a folded one joins lines but keeps what they hold, so the search needs
        neither YAML's indentation nor its folding rules."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text or "")
        lines = self._lines
        lead = len(value) - len(value.lstrip())  # the model strips the text
        found: list[tuple[int, int, int]] = []
        cursor = 0
        last = min(event.end_mark.line, len(lines) - 1)
        for number in range(event.start_mark.line + 1, last + 1):
            source = lines[number]
            content = source.strip()
            at = value.find(content, cursor) if content else -1
            if at < 0:
                continue
            found.append((at - lead, number + 1, len(source) - len(source.lstrip()) + 1))
            cursor = at + len(content)
        return tuple(found)


def _short(tag: str) -> str:
    return printable(tag.replace("tag:yaml.org,2002:", "!!"))


def _dotted(loc: PathKey) -> str:
    return dotted(loc)


def dotted(loc: PathKey) -> str:
    """Render a value path the way maintainers read it: ``outcomes[2].text.de``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def double_quoted(text: str) -> str:
    """A text as a double-quoted YAML scalar that reads back as the same text: JSON's
    escapes (which YAML's double quotes share), and ``\\uXXXX`` for every character YAML
    does not take as it is (controls, line and paragraph separators, non-characters)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if _plain_in_quotes(ord(c)) else f"\\u{ord(c):04x}" for c in quoted)


def _plain_in_quotes(code: int) -> bool:
    """Whether YAML reads a character inside double quotes as it is (printable, and not a
    line break of its own: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR; nor a byte-order mark)."""
    if code in (0x85, 0x2028, 0x2029, 0xFEFF):
        return False
    return (
        0x20 <= code < 0x7F
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
