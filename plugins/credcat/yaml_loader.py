"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands anchors and aliases
(the "billion laughs"), and forgets positions. Maintainers need the opposite: every duplicate
key reported, no aliases, and each error pointing at a line and column. This module composes
the YAML node graph itself and builds plain Python values plus a map from each value's path
(``("outcomes", 2, "text")``) to its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

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
    """

    path: Path
    display: str
    data: dict[str, Any]
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

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


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader whose composer refuses anchors and aliases outright."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        _refuse_anchor(self.peek_event())  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


_FAST_LOADER: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])[&*][^\s,\[\]{}*]", re.MULTILINE)
"""Where an anchor or alias could start a node; Markdown ``**bold**`` inside texts may match
too, which only costs an extra scan."""
STR_TAG = "tag:yaml.org,2002:str"


def _compose(text: str) -> tuple[Node | None, yaml.SafeLoader]:
    """Compose the node graph, refusing anchors and aliases.

    libyaml (PyYAML's C extension, ten times faster) composes when it is installed; it cannot be
    told to refuse aliases while composing, so a file that contains ``&`` or ``*`` at all is
    first scanned event by event for anchors and aliases. Without libyaml, the pure-Python
    loader refuses them while composing.
    """
    if _FAST_LOADER is None:
        loader: yaml.SafeLoader = _NoAliasLoader(text)
    else:
        if _MAYBE_ANCHOR.search(text):
            scan = _FAST_LOADER(text)
            try:
                while scan.check_event():
                    event = scan.get_event()  # type: ignore[no-untyped-call]
                    _refuse_anchor(event)
            finally:
                scan.dispose()
        loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
    except BaseException:
        loader.dispose()
        raise
    return node, loader


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


def load_yaml(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file into a :class:`Document`.

    Args:
        path: File to read.
        display: How to name the file in problems.

    Returns:
        The document (``None`` when the file cannot be used) and the problems found while
        loading. Problems here are all errors; the document is ``None`` whenever there is one
        that makes the content untrustworthy (syntax, encoding, aliases, not a mapping).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(display, 0, 0, f"cannot read the file: {exc.strerror or exc}")]
    if len(raw) > MAX_BYTES:
        return None, [
            _problem(
                display,
                0,
                0,
                f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} (1 MiB)",
                "split long texts or move attachments out of the YAML",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            _problem(
                display,
                line,
                column,
                f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8",
            )
        ]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [_problem(display, 1, 1, "file is empty", "describe the entry as a mapping")]
    try:
        node, loader = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = exc.problem or exc.context or "invalid YAML"
        if "anchors" not in message and "aliases" not in message:
            message = f"invalid YAML: {message}"
        return None, [_problem(display, line, column, message)]
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
    if node is None or (isinstance(node, ScalarNode) and node.tag == NULL_TAG):
        loader.dispose()
        return None, [_problem(display, 1, 1, "file is empty", "describe the entry as a mapping")]
    if not isinstance(node, MappingNode):
        loader.dispose()
        kind = "a list" if isinstance(node, SequenceNode) else "a single value"
        return None, [
            _problem(
                display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"the file holds {kind}, but a mapping of keys to values is expected",
                "start with a line such as 'title: …'",
            )
        ]
    doc = Document(path=path, display=display, data={})
    problems: list[Problem] = []
    try:
        doc.data = _Builder(doc, problems, loader).build(node, ())
    finally:
        loader.dispose()
    return doc, problems


class _Builder:
    """Turns composed nodes into Python values, recording positions and duplicate keys."""

    def __init__(self, doc: Document, problems: list[Problem], loader: yaml.SafeLoader) -> None:
        self.doc = doc
        self.problems = problems
        self.constructor = loader

    def build(self, node: Node, loc: PathKey) -> Any:
        self.doc.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(node, f"unsupported YAML tag {tag}")
            return None
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    self.problems.append(
                        _problem(
                            self.doc.display,
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                            "a key must be a plain word, not a list or mapping",
                        )
                    )
                    continue
                key = self._scalar(key_node)
                key = key if isinstance(key, str) else str(key)
                child = (*loc, key)
                key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in result:
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
                    continue
                self.doc.key_positions[child] = key_pos
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _refuse(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            _problem(
                self.doc.display,
                mark.line + 1,
                mark.column + 1,
                message,
                "use plain text, numbers, dates, lists and mappings only",
            )
        )

    def _scalar(self, node: Node) -> Any:
        if node.tag == STR_TAG:
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self._refuse(node, f"unsupported YAML value: {exc.problem}")
            return None
        except ValueError:
            # e.g. a timestamp-looking value that is not a real date: keep the text, so the
            # model reports it against the field with a useful message.
            return node.value


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
