"""What every part of the import shares: limits, the error, the JSON tree, report and plans.

The importer works on the JSON tree directly. :class:`Tree` indexes every node that has an
``id`` first, so a property may hold the node itself, a sparse ``{"id": …}`` or the bare id
string of a node described elsewhere in the same document. ``type`` may be a string or a list.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import CredcatError, printable
from ..model import IMPORT_PLACEHOLDER

MAX_BYTES = 5 * 1024 * 1024
"""Largest input accepted (5 MiB); the Commission's signed sample is 150 KiB."""
MAX_CREDENTIALS = 100
"""Most micro-credentials one import may create: an EDC holds one or a few. A crafted file of
tens of thousands of tiny specifications would otherwise flood the catalogue with files."""
MAX_ORGANISATIONS = 200
"""Most organisation files one import may create."""
MAX_REPORT_LINE = 1000
"""Report lines are cut to this many characters (a label may be megabytes long)."""

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"'\\]*$", re.IGNORECASE)
"""An address the catalogue model accepts (``model._url``), without backslashes; anything else
in the source is reported, not written, so one odd address never refuses the whole import."""

SPEC_TYPES = frozenset({"Qualification", "LearningAchievementSpecification"})
CREDENTIAL_TYPES = frozenset({"VerifiableCredential", "EuropeanDigitalCredential"})

RECORD_MARK = "http://www.w3.org/ns/dcat#hasCurrentVersion"
"""The property of a credential's unversioned record in credcat's ``catalogue.jsonld``: the
address of its current version. The record holds that version's content; an older credcat's
``catalogue.jsonld`` held only a title and a status there, beside the full specification of
the current version."""


PLACEHOLDER_HOMEPAGE = "https://example.org/"
TODO = IMPORT_PLACEHOLDER
"""The marker of a placeholder; every model refuses it, so ``credcat check`` fails until a
maintainer replaces it."""


class ImportFailed(CredcatError):
    """The input cannot be imported; the message is one line for the maintainer.

    Nothing was written when it is raised.
    """


class ImportUsageError(ImportFailed):
    """The command could not run as given: no file there, a folder named for the file, a
    target that is not a catalogue folder (``credcat import`` exits with status 2, as
    ``credcat --help`` says of such mistakes)."""


def types_of(node: Any) -> list[str]:
    if not isinstance(node, dict):
        return []
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def id_of(node: Any) -> str | None:
    if isinstance(node, dict):
        value = node.get("id", node.get("@id"))
        return value if isinstance(value, str) and value.strip() else None
    return None


# --- the JSON tree ------------------------------------------------------------------------


class Tree:
    """The document with an index of every node that has an id (the fullest version wins)."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.index: dict[str, dict[str, Any]] = {}
        self._collect(root)

    def _collect(self, value: Any) -> None:
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                node_id = id_of(item)
                if node_id is not None:
                    known = self.index.get(node_id)
                    if known is None or len(item) > len(known):
                        self.index[node_id] = item
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)

    def nodes(self, value: Any) -> list[dict[str, Any]]:
        """The nodes a property holds: a node, a list of nodes, or id references."""
        values = value if isinstance(value, list) else [value]
        out: list[dict[str, Any]] = []
        for item in values:
            if isinstance(item, str) and item.strip():
                out.append(self.index.get(item) or {"id": item.strip()})
            elif isinstance(item, dict):
                node_id = id_of(item)
                full = self.index.get(node_id) if node_id else None
                out.append(full if full is not None and len(full) > len(item) else item)
        return out

    def node(self, value: Any) -> dict[str, Any] | None:
        found = self.nodes(value)
        return found[0] if found else None


# --- small helpers ------------------------------------------------------------------------


def first_text(text: dict[str, str], prefer: str) -> str:
    return text.get(prefer) or text.get("en") or next(iter(text.values()))


ISO_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def iso_parts(value: Any) -> dict[str, float] | None:
    if not isinstance(value, str):
        return None
    match = ISO_DURATION.match(value.strip())
    if not match or value.strip() in {"P", "PT"}:
        return None
    parts = {k: float(v) for k, v in match.groupdict().items() if v is not None}
    if not all(math.isfinite(v) for v in parts.values()):
        return None  # 'PT999…9H': more hours than a float holds, not a duration
    return parts


def iso_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date ``YYYY-MM-DD`` (``2024-13-45`` is not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def join_texts(texts: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for text in texts:
        for lang, value in text.items():
            out.setdefault(lang, []).append(value)
    return {lang: "\n\n".join(values) for lang, values in out.items()}


@dataclass
class OrgRef:
    """An organisation of the source, mapped to a catalogue id."""

    org_id: str
    new: bool
    label: str
    placeholders: tuple[str, ...] = ()
    country: str | None = None


@dataclass
class Plan:
    """One file to write.

    Attributes:
        rel: The file, relative to the catalogue.
        text: The YAML written, with a ``TODO(import)`` marker for each placeholder.
        probe: The same YAML with a stand-in value for each marker, checked on the copy of
            the catalogue so that every other rule still runs on the new entry (the markers
            themselves only ever fail with ``import-placeholder``).
    """

    rel: str
    text: str
    probe: str = ""

    def __post_init__(self) -> None:
        if not self.probe:
            self.probe = self.text


Path_ = tuple[str | int, ...]
"""Where a value sits in the YAML data: ``("assessments", 1, "type")``."""


def with_markers(data: dict[str, Any], marks: dict[Path_, str]) -> dict[str, Any]:
    """A copy of ``data`` with the value at each path replaced by its marker text."""

    def put(value: Any, path: Path_, marker: str) -> Any:
        if not path:
            return marker
        head, rest = path[0], path[1:]
        if isinstance(value, dict) and isinstance(head, str) and head in value:
            return {k: put(v, rest, marker) if k == head else v for k, v in value.items()}
        if isinstance(value, list) and isinstance(head, int) and 0 <= head < len(value):
            copy = type(value)(value)
            copy[head] = put(value[head], rest, marker)
            return copy
        return value

    out: Any = data
    for path, marker in marks.items():
        out = put(out, path, marker)
    result: dict[str, Any] = out
    return result


@dataclass
class Entry:
    """One micro-credential: its specification and the claim it came from (if any)."""

    spec: dict[str, Any]
    path: str
    claim: dict[str, Any] | None
    claim_path: str
    parent: str | None  # node id of the enclosing specification
    cred_id: str = ""


@dataclass
class Report:
    """The report of one import, by kind; :meth:`lines` gives it in reading order."""

    verdicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    envelope: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    not_imported: list[str] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Every line once, printable (no terminal escapes from the source), at most
        :data:`MAX_REPORT_LINE` characters."""
        return list(
            dict.fromkeys(
                _report_line(line)
                for line in (
                    *self.verdicts,
                    *self.skipped,
                    *self.envelope,
                    *self.dropped,
                    *self.not_imported,
                    *self.assumed,
                    *self.gaps,
                    *self.checks,
                    *self.written,
                )
            )
        )


def _report_line(line: str) -> str:
    """One report line: terminal escapes and every other unprintable character (a lone
    surrogate in a key, a no-break space) shown as an escape, at most
    :data:`MAX_REPORT_LINE` characters."""
    text = printable(line)
    if not text.isprintable():
        text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= MAX_REPORT_LINE else text[: MAX_REPORT_LINE - 1] + "…"


def with_paths(
    tree: Tree, node: dict[str, Any], key: str, path: str
) -> list[tuple[dict[str, Any], str]]:
    """The nodes of ``node[key]`` with their JSON paths (``path.key`` or ``path.key[i]``)."""
    raw = node.get(key)
    found = tree.nodes(raw)
    if isinstance(raw, list):
        return [(item, f"{path}.{key}[{i}]") for i, item in enumerate(found)]
    return [(item, f"{path}.{key}") for item in found]


# --- labels ---------------------------------------------------------------------------------


def label_of(node: Any) -> str:
    if not isinstance(node, dict):
        return str(node)
    for key in ("prefLabel", "title", "legalName", "noteLiteral"):
        value = node.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and value:
            first = value.get("en", next(iter(value.values())))
            if isinstance(first, list) and first:
                first = first[0]
            if isinstance(first, str):
                return first
    return id_of(node) or "?"
