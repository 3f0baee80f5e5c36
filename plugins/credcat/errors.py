"""Problems found in a catalogue, the exceptions credcat raises, and how both are shown.

Owns :class:`Problem` (and its text, GitHub and JSON forms; its HTML forms, what ``mkdocs
serve`` shows in the browser, are in :mod:`credcat.render.site.problems`),
:class:`CredcatError` and :class:`CatalogueError`, and what may reach a terminal or a log:
:func:`printable` (no escape sequences from YAML values), :func:`display_path` /
:func:`readable_name` (paths relative to where the user is, file names that are not UTF-8
shown with ``?``), and the caps that keep every problem short whatever the catalogue holds:
:func:`listing` (``a, b, c … and 2,990 more``) and :func:`shorten` (a quoted value cut to
:data:`MAX_QUOTE_CHARS`).

Every check in credcat reports a :class:`Problem` instead of raising at the first mistake, so a
maintainer sees every problem of every file at once. When a catalogue cannot be used, the core
raises :class:`CatalogueError` carrying all of them; only the adapters (CLI, MkDocs plugin) turn
that into an exit code or a ``PluginError``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from pathlib import Path
from typing import Any

MAX_LISTED = 10
"""At most this many names are listed in one problem (a hint, a cycle); the rest are counted."""
MAX_QUOTE_CHARS = 80
"""A value quoted in a problem is cut to this many characters."""


def counted(n: int, noun: str) -> str:
    """``1 error``, ``2 errors``: an English count for credcat's own messages."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def listing(items: Iterable[str], separator: str = ", ", limit: int = MAX_LISTED) -> str:
    """Join names for a problem, at most ``limit`` of them: ``a, b, c … and 2,990 more``.

    Args:
        items: The names, in the order to show them.
        separator: Between two names (``", "``, ``" → "``).
        limit: The most names shown.

    Returns:
        The joined names; when there are more than ``limit``, the first ``limit`` followed by
        ``… and N more``.
    """
    names = list(items)
    if len(names) <= limit:
        return separator.join(names)
    return separator.join(names[:limit]) + f" … and {len(names) - limit:,} more"


def shorten(value: object, limit: int = MAX_QUOTE_CHARS) -> str:
    """A value as quoted in a problem: its text, cut to ``limit`` characters with ``…``."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    """Make text from a YAML or JSON file safe to print to a terminal or a log, on one line.

    Control characters (``ESC`` starts terminal escape sequences that can rewrite the screen,
    set the window title or the clipboard), line and paragraph separators (YAML reads U+2028 as
    a line break, so they could end a YAML comment) and zero-width and bidirectional-control
    characters become visible escapes such as ``\\x1b`` and ``\\u2028``.

    Args:
        text: Any text.

    Returns:
        The text with those characters escaped.
    """

    def escaped(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE_RE.sub(escaped, text)


class Severity(StrEnum):
    """How bad a problem is: errors stop a build, warnings stop only a strict one, notes
    stop none (something that came due with time, such as a run that ended: a catalogue's CI
    must not turn red on a date, with no commit)."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem, located as precisely as the input allows.

    Attributes:
        path: The file the problem is in, relative to the catalogue's parent where possible.
        line: 1-based line, or 0 when the problem concerns the whole file.
        column: 1-based column, or 0 when unknown.
        field: The field as a maintainer reads it, e.g. ``outcome 3 ('map-data') > text.de``
            (see :func:`field_label`); empty for the file.
        message: What is wrong, in one sentence.
        hint: How to fix it, when there is something useful to say.
        severity: Error or warning.
        code: A stable short identifier of the check, e.g. ``unknown-key``.
        loc: The machine-stable location of the value in its file, as pydantic gives it:
            keys and zero-based list indexes, e.g. ``("outcomes", 2, "text", "de")``; empty
            when the problem is not about one value.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    code: str = dc_field(default="", compare=False)
    loc: tuple[str | int, ...] = dc_field(default=(), compare=False)

    @property
    def is_error(self) -> bool:
        """Whether this problem is an error (not a warning or a note)."""
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        """Whether this problem is a warning (it fails a strict check or build)."""
        return self.severity is Severity.WARNING

    @property
    def where(self) -> str:
        """``path:line:column``, or ``path:line`` or ``path`` where the problem has no
        column or line (the whole file, a folder)."""
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def format(self, *, level: bool = True) -> str:
        """Format as ``path:line:column: field: message (hint)``, the editor-friendly form.

        Args:
            level: Mark warnings with ``warning:`` (off where the logger already says so).
        """
        where = self.where
        what = f"{self.field}: {self.message}" if self.field else self.message
        marker = "" if self.is_error or not level else f"{self.severity.value}: "
        text = f"{where}: {marker}{what}"
        if self.hint:
            text += f" ({self.hint})"
        return printable(text)

    def format_github(self) -> str:
        """Format as a GitHub Actions workflow command (an annotation on the file and line)."""

        def esc_data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_prop(text: str) -> str:
            return esc_data(text).replace(":", "%3A").replace(",", "%2C")

        kind = {"error": "error", "warning": "warning", "note": "notice"}[self.severity.value]
        props = [f"file={esc_prop(self.path)}"]
        if self.line:
            props.append(f"line={self.line}")
        if self.column:
            props.append(f"col={self.column}")
        props.append(f"title={esc_prop(self.code or kind)}")
        body = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            body += f" ({self.hint})"
        return printable(f"::{kind} {','.join(props)}::{esc_data(body)}")

    def as_dict(self) -> dict[str, object]:
        """A JSON-friendly view, for ``credcat check --format json``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity.value,
            "code": self.code,
            "loc": list(self.loc),
        }


SINGULAR = {
    "outcomes": "outcome",
    "assessments": "assessment",
    "offerings": "offering",
    "errata": "erratum",
}
"""Lists whose items a maintainer names in the singular: ``outcomes[4]`` is "outcome 5"."""
MAX_SHOWN_ID = 40


def field_label(loc: Sequence[str | int], data: Any = None) -> str:
    """Name a value's location the way a maintainer reads it, counting list items from one.

    Keys stay as written, joined by dots (``workload.hours``). A list item is named by its
    list and its number counted from one, with its id when the item has one:
    ``outcomes[4]`` is ``outcome 5 ('map-data')``, ``offerings[0]`` is ``offering 1``,
    ``awarding_body[1]`` is ``awarding_body item 2``; what lies below an item follows after
    ``>``: ``outcome 5 ('map-data') > text.de``.

    Args:
        loc: Keys and zero-based indexes, as pydantic and the loader give them.
        data: The loaded file, to find the ids of list items; None to name them by number.

    Returns:
        The field's name for messages; empty for the whole file.
    """
    pieces: list[str] = []
    keys: list[str] = []
    for part in loc:
        if isinstance(part, int):
            key = keys.pop() if keys else ""
            if keys:
                pieces.append(".".join(keys))
            keys = []
            name = SINGULAR.get(key) or (f"{key} item" if key else "item")
            label = f"{name} {part + 1}"
            item = _child(data, part)
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str) and item_id.strip():
                shown = item_id if len(item_id) <= MAX_SHOWN_ID else item_id[:MAX_SHOWN_ID] + "…"
                label += f" ('{shown}')"
            pieces.append(label)
            data = item
        else:
            keys.append(str(part))
            data = _child(data, part)
    if keys:
        pieces.append(".".join(keys))
    return " > ".join(pieces)


def _child(data: Any, part: str | int) -> Any:
    """The value below ``data`` at one key or index, or None."""
    if isinstance(part, int):
        return data[part] if isinstance(data, list) and 0 <= part < len(data) else None
    return data.get(part) if isinstance(data, dict) else None


def format_json(problems: Iterable[Problem]) -> str:
    """Serialise problems as a JSON array, deterministically."""
    return json.dumps([p.as_dict() for p in problems], indent=2, sort_keys=True)


class CredcatError(Exception):
    """The base of every error credcat raises on purpose.

    Adapters (the CLI, the MkDocs plugin) catch this one class and turn it into an exit code or a
    ``PluginError``; anything else that escapes is a bug in credcat, not a user mistake.
    """


class CatalogueError(CredcatError):
    """The catalogue cannot be used; carries every problem found, errors and warnings."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        errors = [p for p in self.problems if p.is_error]
        head = f"{counted(len(errors), 'error')} in the catalogue"
        super().__init__("\n".join([head, *(p.format() for p in errors)]))


def display_path(path: Path, root: Path | None) -> str:
    """Path as shown to a maintainer: relative to ``root`` when inside it, POSIX separators.

    A file name that is not valid UTF-8 (Python keeps its bytes as lone surrogates, which no
    terminal or JSON encoder accepts) is shown with ``?`` for those bytes.
    """
    shown = path.as_posix()
    if root is not None:
        # the folder is resolved, not the file: the file itself may be a link (out, or a loop)
        with contextlib.suppress(ValueError, OSError, RuntimeError):
            where = path.absolute()
            where = where.parent.resolve() / where.name if where.name else where.resolve()
            shown = where.relative_to(root.resolve()).as_posix()
    return readable_name(shown)


def readable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become '?'.

    Args:
        name: A file name or path as the operating system gave it.

    Returns:
        The same name that any terminal or JSON encoder accepts.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "?")
