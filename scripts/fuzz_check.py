"""Mutation fuzzer of ``credcat check`` and ``generate``: mistakes in, never a traceback out.

credcat's promise to a maintainer is that bad input gets a clear problem naming the file,
line, field and fix, every problem at once, a non-zero exit code, never a traceback, and
nothing half-written. This script tries to break that promise the way people do: it copies
the sample catalogue (``catalogue/``) into a temporary folder (``tempfile.mkdtemp``, under
``TMPDIR``), gives it a translation of the interface of its own (``locales/de.po``, partly
filled in), and then, round after round, starts again from that copy and edits one to three
of its files at random: a key deleted, duplicated or misspelt; a mapping turned into a list
or a text; a line indented wrongly or with a tab; very long texts; odd Unicode (bidirectional
marks, NUL, lone surrogates written as escapes, emoji, combining marks); numbers written as
texts and texts as numbers; dates in odd formats; YAML tags, anchors and aliases; deep
nesting; empty files, byte order marks, CRLF line ends, text that is not UTF-8; a file
renamed to another id or to a name with ``../``; a release record in ``versions/`` edited; a
broken ``locales/de.po``.

Each round runs the core's check in-process (:func:`credcat.validate.check_catalogue`, the
API ``credcat check`` calls) and, every ``--cli-every`` rounds, ``python -m credcat check
--format json`` and ``python -m credcat generate --out`` in a fresh process. A round is a
*finding* when

* an exception escapes (``traceback``), or a round takes longer than ``--round-seconds``
  (``slow``);
* a problem names no file, or names a field of a YAML file that reads, without a line
  (``unlocated``), or its text spans more than one line (``format``);
* the command exits 0 although the check found an error, exits with another code than 0
  or 1, prints a traceback, or says otherwise than the in-process check (``cli``);
* ``generate`` writes files for a catalogue with errors, refuses one without errors (for
  another reason than its output folder), or leaves anything behind when it fails
  (``generate``).

Every round draws its edits from its own random generator, seeded with ``SEED-ROUND``, so a
finding is reproduced by its seed and round alone; the report prints both, the command that
replays the round (``--seed S --replay R``) and the edited files as a diff against the
sample. ``--keep DIR`` copies the catalogue of each finding into ``DIR`` (inside the folder
you work in). The temporary folder is removed at the end, whatever happens.

Usage::

    python scripts/fuzz_check.py --seed 1 --rounds 500          # at most 500 rounds
    python scripts/fuzz_check.py --seed 1 --minutes 5           # for five minutes
    python scripts/fuzz_check.py --seed 1 --replay 137 --keep found/   # one round again

Exit code: 0 when nothing was found, 1 when something was.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import yaml

REPO = Path(__file__).resolve().parent.parent
PLUGINS = REPO / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

from credcat.errors import Problem  # noqa: E402
from credcat.rules import release_memos  # noqa: E402
from credcat.validate import LoadCache, check_catalogue  # noqa: E402

SAMPLE = REPO / "catalogue"
TODAY_EPOCH = "1796126400"
"""2026-12-01 12:00 UTC, the tests' date: the same rounds give the same problems any day."""
PO_LANGUAGE = "de"

# --------------------------------------------------------------------------- the catalogue


def prepare(root: Path) -> None:
    """Copy the sample catalogue to ``root`` and give it a partly translated ``de.po``."""
    from babel.messages.pofile import read_po

    from credcat.render.site.locales import LOCALES_DIR, dump, start_translation

    shutil.copytree(SAMPLE, root, symlinks=True)
    start_translation(root, PO_LANGUAGE)
    path = root / LOCALES_DIR / f"{PO_LANGUAGE}.po"
    with open(path, "rb") as stream:
        own = read_po(stream)
    with open(PLUGINS / "credcat" / "locales" / f"{PO_LANGUAGE}.po", "rb") as stream:
        shipped = read_po(stream)
    for number, message in enumerate(own):
        if message.id and number % 3 == 0:  # a third translated, as a catalogue might
            known = shipped.get(message.id, message.context)
            if known is not None and known.string:
                message.string = known.string
    path.write_bytes(dump(own))


@dataclasses.dataclass
class Files:
    """The files of the pristine catalogue a round may edit, by kind."""

    credentials: list[str]
    organisations: list[str]
    versions: list[str]
    po: list[str]
    settings: str = "catalogue.yaml"

    @classmethod
    def of(cls, root: Path) -> Files:
        """The files of ``root``, as paths relative to it."""

        def under(folder: str, pattern: str) -> list[str]:
            return sorted(p.relative_to(root).as_posix() for p in (root / folder).glob(pattern))

        return cls(
            under("credentials", "*.yaml"),
            under("organisations", "*.yaml"),
            under("versions", "*/*.yaml"),
            under("locales", "*.po"),
        )

    def ids(self, kind: str) -> list[str]:
        """The ids of the credentials or organisations."""
        return [Path(name).stem for name in getattr(self, kind)]


# --------------------------------------------------------------------------- edits

ODD_TEXTS = [
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066x\u2069",
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\ufeff",
    "🎓🧑🏽‍💻",
    "e\u0301\u0301\u0301",
    "Z̸̢͇͚̈́͋a̴̛͖̓l̷͚̐g̸̱̈́o̵͙͛",
    "\u00a0",
    "\ud7ff\ue000\uffff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ﷺ",
]
"""Characters that reach a file raw; a lone surrogate cannot (see ESCAPES)."""
ESCAPES = [r"\ud800", r"\udfff", r"\0", r"\x00", r"\u202e", r"\U0001F393", r"\e", r"\N", r"\L"]
"""Escapes of double-quoted YAML: lone surrogates, NUL, bidirectional overrides …"""
ODD_DATES = [
    "2026-13-01",
    "2026-02-30",
    "01/12/2026",
    "2026-12-01T10:00:00+02:00",
    "2026-1-1",
    "20261201",
    "'2026-12-01'",
    "1 December 2026",
    "0000-00-00",
    "9999-12-31",
    "2026-12-01 25:61:00",
    "-2026-12-01",
    "2026-W49",
    "1796126400",
    "~",
]
ODD_NUMBERS = [
    "'6'",
    "6.0",
    "0x10",
    "1e3",
    ".inf",
    "-.inf",
    ".nan",
    "-1",
    "0",
    "99999999999999999999999999",
    "1_000",
    "0o17",
    "true",
    "NO",
    "null",
    "'3'",
    "3,5",
    "1.10",
]
TAGS = [
    "!!python/object:os.system",
    "!!python/name:os.system",
    "!!binary",
    "!!set",
    "!!omap",
    "!custom",
    "!!timestamp",
    "!!int",
    "!!float",
    "!!str",
    "!<tag:example.org,2026:x>",
    "!!null",
    "!!bool",
    "!!map",
    "!!seq",
]
IDS = [
    "../organisations/hochschule-rheinau",
    "../../etc/passwd",
    "..",
    ".",
    "",
    "Hochschule-Rheinau",
    "a" * 200,
    "x/../y",
    "c:\\x",
    "café",
    "-leading",
    "trailing-",
    "two--dashes",
    "sp ace",
    "%2e%2e",
]


PLAUSIBLE = [
    "https://example.org/a b",
    "https://例え.jp/パス?q=\"'<>",
    "https://a.example/<script>alert(1)</script>",
    "https://a.example/" + "x" * 3000,
    "https://user:pw@a.example/",
    "http://127.0.0.1:8000/",
    "javascript:alert(1)",
    "mailto:a@b.example",
    "a@b",
    "ä@例え.jp",
    "0",
    "0.5",
    "120",
    "121",
    "1e-9",
    "-0",
    "1900-01-01",
    "2999-12-31",
    "2028-02-29",
    "2026-12-01",
    "2026-11-30",
    '"<b onmouseover=alert(1)>x</b>"',
    '"[x](javascript:alert(1))"',
    '"{{ config }} {% raw %} ${x} %s {0}"',
    '"a\\u0000b"',
    '"\\ud800"',
    '"x\\u202eevil"',
    '"  "',
    '"-"',
    '"#"',
    '"@"',
    '"`"',
    '"EUR"',
    '"€ 1,00"',
    '"DE"',
    '"XX"',
    '"en"',
    '"zz"',
    '"de-AT"',
    '"x-klingon"',
]
"""Values that may pass the check and must then be rendered safely."""


DATE_WORDS = ("date", "published", "start", "end", "deadline", "until")
"""Words in the keys of dates (a line holding one of them is taken for a date's)."""


def scalar_lines(lines: list[str], refused: str) -> list[int]:
    """Indexes of the lines ``key: value`` whose value is a plain scalar: not empty, not
    beginning with one of ``refused`` (block and flow markers, comments, anchors, tags)."""
    found = []
    for i, line in enumerate(lines):
        value = line.split(": ", 1)[1].strip() if ": " in line else ""
        if value and value[0] not in refused:
            found.append(i)
    return found


def valued_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines ``key: value`` (not comments starting the line)."""
    return [i for i, line in enumerate(lines) if ": " in line and not line.startswith("#")]


class Edit:
    """One round's edits of a working copy, with the random generator that chose them.

    Each edit takes a file's name (relative to the copy), changes the file and returns what
    it did, for the reproducer, or None when the file offers nothing to edit that way.
    """

    def __init__(self, rng: random.Random, root: Path, files: Files) -> None:
        self.rng = rng
        self.root = root
        self.files = files
        self.said: list[str] = []
        self.touched: set[str] = set()

    # ---- helpers

    def read(self, name: str) -> str | None:
        """The file's text, or None when it is gone or not UTF-8."""
        try:
            return (self.root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def write(self, name: str, text: str | bytes) -> None:
        """Write a file of the working copy (and remember it for the reproducer)."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            text = text.encode("utf-8", "surrogatepass")
        path.write_bytes(text)
        self.touched.add(name)

    def lines_of(self, name: str) -> list[str] | None:
        """The file's lines with their ends, or None."""
        text = self.read(name)
        return None if text is None else text.splitlines(keepends=True)

    def content_lines(self, lines: list[str]) -> list[int]:
        """Indexes of lines that hold a key or an item (not blank, not a comment)."""
        return [
            i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")
        ]

    def chosen(
        self, name: str, among: Callable[[list[str]], list[int]]
    ) -> tuple[list[str], int] | None:
        """The lines of ``name`` and the index of one of them, drawn from those ``among``
        gives (:meth:`content_lines`, :meth:`key_lines`, :func:`scalar_lines` …); ``None``
        where the file is not there or ``among`` gives none."""
        lines = self.lines_of(name)
        found = [] if lines is None else among(lines)
        if lines is None or not found:
            return None
        return lines, self.rng.choice(found)

    def key_lines(self, lines: list[str]) -> list[int]:
        """Indexes of lines that start with ``key:`` (after indentation or ``- ``)."""
        found = []
        for i, line in enumerate(lines):
            body = line.lstrip(" -")
            if body and not body.startswith("#") and ":" in body:
                key = body.split(":", 1)[0]
                if key and " " not in key and not key.startswith(("'", '"', "{", "[")):
                    found.append(i)
        return found

    @staticmethod
    def indent(line: str) -> int:
        """How many spaces a line starts with."""
        return len(line) - len(line.lstrip(" "))

    def block_end(self, lines: list[str], i: int) -> int:
        """The index after the block a key line starts (its more-indented lines)."""
        own = self.indent(lines[i])
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or self.indent(lines[j]) > own):
            j += 1
        return j

    def data_of(self, name: str) -> Any:
        """The file as plain data (PyYAML's safe loader), or None when it does not read."""
        text = self.read(name)
        if text is None:
            return None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            return None
        except (ValueError, RecursionError):
            return None

    def dump(self, name: str, data: Any) -> None:
        """Write data back as YAML (comments are lost: the edit is in the data)."""
        try:
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        except (yaml.YAMLError, RecursionError, ValueError):
            return
        self.write(name, text)

    def nodes(self, data: Any) -> list[tuple[Any, Any]]:
        """Every (container, key or index) in the data, breadth first."""
        found: list[tuple[Any, Any]] = []
        stack = [data]
        while stack and len(found) < 5000:
            here = stack.pop()
            if isinstance(here, dict):
                for key, value in here.items():
                    found.append((here, key))
                    stack.append(value)
            elif isinstance(here, list):
                for index, value in enumerate(here):
                    found.append((here, index))
                    stack.append(value)
        return found

    # ---- the edits: each takes a file name, edits it, says what it did

    def delete_key(self, name: str) -> str | None:
        """A key and its block removed."""
        found = self.chosen(name, self.key_lines)
        if found is None:
            return None
        lines, i = found
        end = self.block_end(lines, i)
        removed = lines[i].strip()
        del lines[i:end]
        self.write(name, "".join(lines))
        return f"deleted the key of line {i + 1} ({removed[:40]!r}) and its block"

    def duplicate_key(self, name: str) -> str | None:
        """A key and its block written twice."""
        found = self.chosen(name, self.key_lines)
        if found is None:
            return None
        lines, i = found
        end = self.block_end(lines, i)
        block = lines[i:end]
        if lines[i].lstrip().startswith("- "):
            block = [block[0].replace("- ", "  ", 1), *block[1:]]
        lines[end:end] = block
        self.write(name, "".join(lines))
        return f"duplicated the key of line {i + 1}"

    def retype_key(self, name: str) -> str | None:
        """A key misspelt: letters swapped, capitals, a plural, a dash, a space, an accent."""
        found = self.chosen(name, self.key_lines)
        if found is None:
            return None
        lines, i = found
        line = lines[i]
        head, colon, tail = line.partition(":")
        stripped = head.lstrip(" -")
        lead = head[: len(head) - len(stripped)]
        key = stripped
        how = self.rng.choice(["swap", "upper", "plural", "dash", "space", "drop", "unicode"])
        if how == "swap" and len(key) > 2:
            k = self.rng.randrange(len(key) - 1)
            key = key[:k] + key[k + 1] + key[k] + key[k + 2 :]
        elif how == "upper":
            key = key.upper()
        elif how == "plural":
            key = key[:-1] if key.endswith("s") else key + "s"
        elif how == "dash":
            key = key.replace("_", "-") if "_" in key else key + "_"
        elif how == "space":
            key = key + " "
        elif how == "drop" and len(key) > 1:
            key = key[:-1]
        else:
            key = key[:1] + "\u0301" + key[1:]
        lines[i] = lead + key + colon + tail
        self.write(name, "".join(lines))
        return f"misspelt the key of line {i + 1} ({how}: {key!r})"

    def swap_shape(self, name: str) -> str | None:
        """A value replaced by another shape: a list, a text, a number, null, a mapping."""
        data = self.data_of(name)
        found = self.nodes(data)
        if not found:
            return None
        parent, key = self.rng.choice(found)
        value = parent[key]
        choices: list[Any] = [
            [value],
            "text",
            42,
            None,
            {"en": value} if not isinstance(value, dict) else list(value.items()),
            [],
            {},
            True,
        ]
        if isinstance(value, dict):
            choices += [list(value.values()), list(value.keys())]
        if isinstance(value, list):
            choices += [dict(enumerate(value)), value[0] if value else None]
        new = self.rng.choice(choices)
        parent[key] = new
        self.dump(name, data)
        return f"replaced the value at {key!r} with {shorten(repr(new))}"

    def bad_indent(self, name: str) -> str | None:
        """A line indented a few spaces too far or too little."""
        found = self.chosen(name, self.content_lines)
        if found is None:
            return None
        lines, i = found
        shift = self.rng.choice([-2, -1, 1, 2, 3, 8])
        line = lines[i]
        now = self.indent(line)
        lines[i] = " " * max(now + shift, 0) + line.lstrip(" ")
        self.write(name, "".join(lines))
        return f"indented line {i + 1} by {shift:+d}"

    def tabs(self, name: str) -> str | None:
        """A tab before, after the colon of, or inside a line."""
        found = self.chosen(name, self.content_lines)
        if found is None:
            return None
        lines, i = found
        line = lines[i]
        where = self.rng.choice(["lead", "after-colon", "inside"])
        if where == "lead":
            lines[i] = "\t" + line.lstrip(" ") if self.indent(line) else "\t" + line
        elif where == "after-colon" and ": " in line:
            lines[i] = line.replace(": ", ":\t", 1)
        else:
            k = self.rng.randrange(len(line))
            lines[i] = line[:k] + "\t" + line[k:]
        self.write(name, "".join(lines))
        return f"put a tab in line {i + 1} ({where})"

    def long_text(self, name: str) -> str | None:
        """A text made up to 1.2 million characters long."""
        data = self.data_of(name)
        found = [(p, k) for p, k in self.nodes(data) if isinstance(p[k], str)]
        if not found:
            return None
        parent, key = self.rng.choice(found)
        size = self.rng.choice([300, 5_000, 60_000, 400_000, 1_200_000])
        unit = self.rng.choice(["x", "word ", "[", "**a ", "é", "🎓", "a\n", "<b>", "{x}"])
        parent[key] = (unit * (size // len(unit) + 1))[:size]
        self.dump(name, data)
        return f"made the text at {key!r} {size:,} characters of {unit!r}"

    def odd_unicode(self, name: str) -> str | None:
        """Odd characters in a line, raw or as escapes of a double-quoted text."""
        found = self.chosen(name, self.content_lines)
        if found is None:
            return None
        lines, i = found
        line = lines[i].rstrip("\r\n")
        end = lines[i][len(line) :]
        if self.rng.random() < 0.4:
            escape = self.rng.choice(ESCAPES)
            head, colon, tail = line.partition(": ")
            if colon and tail.strip() and not tail.strip().startswith(("|", ">", "[", "{")):
                lines[i] = f'{head}: "{tail.strip().replace(chr(34), "")}{escape}"{end}'
            else:
                lines[i] = f'{line} "{escape}"{end}' if colon else line + end
            said = f"wrote the escape {escape} in line {i + 1}"
        else:
            odd = self.rng.choice(ODD_TEXTS)
            k = self.rng.randrange(len(line) + 1)
            lines[i] = line[:k] + odd + line[k:] + end
            said = f"put {odd!r} in line {i + 1}, column {k + 1}"
        self.write(name, "".join(lines))
        return said

    def retype_scalar(self, name: str) -> str | None:
        """A value written as a number, a text, a date, a list or a mapping."""
        found = self.chosen(name, lambda lines: scalar_lines(lines, "|>[{#"))
        if found is None:
            return None
        lines, i = found
        head, _, tail = lines[i].rstrip("\r\n").partition(": ")
        value = tail.strip()
        how = self.rng.choice(["number", "quote", "unquote", "date", "list", "map"])
        if how == "number":
            new = self.rng.choice(ODD_NUMBERS)
        elif how == "quote":
            new = json.dumps(value.strip("'\""))
        elif how == "unquote":
            new = value.strip("'\"") or "~"
        elif how == "date":
            new = self.rng.choice(ODD_DATES)
        elif how == "list":
            new = f"[{value}]"
        else:
            new = f"{{en: {value}}}"
        lines[i] = f"{head}: {new}\n"
        self.write(name, "".join(lines))
        return f"wrote line {i + 1}'s value as {new!r} ({how})"

    def plausible_value(self, name: str) -> str | None:
        """A scalar replaced by a value that may well be accepted (then it is rendered)."""
        found = self.chosen(
            name,
            lambda lines: [
                i for i in scalar_lines(lines, "|>[{#&*!") if not lines[i].lstrip().startswith("#")
            ],
        )
        if found is None:
            return None
        lines, i = found
        head = lines[i].partition(": ")[0]
        new = self.rng.choice(PLAUSIBLE)
        lines[i] = f"{head}: {new}\n"
        self.write(name, "".join(lines))
        return f"wrote line {i + 1}'s value as {new[:60]!r}"

    def odd_date(self, name: str) -> str | None:
        """A date written in an odd format, or one that does not exist."""
        found = self.chosen(
            name,
            lambda lines: [
                i
                for i, line in enumerate(lines)
                if any(w in line for w in DATE_WORDS) and ": " in line
            ],
        )
        if found is None:
            return None
        lines, i = found
        head = lines[i].partition(": ")[0]
        new = self.rng.choice(ODD_DATES)
        lines[i] = f"{head}: {new}\n"
        self.write(name, "".join(lines))
        return f"wrote the date of line {i + 1} as {new!r}"

    def yaml_tag(self, name: str) -> str | None:
        """A value given a YAML tag (``!!python/object``, ``!!binary``, ``!custom`` …)."""
        found = self.chosen(name, valued_lines)
        if found is None:
            return None
        lines, i = found
        head, _, tail = lines[i].partition(": ")
        tag = self.rng.choice(TAGS)
        lines[i] = f"{head}: {tag} {tail}"
        self.write(name, "".join(lines))
        return f"tagged line {i + 1}'s value {tag}"

    def anchors(self, name: str) -> str | None:
        """Anchors and aliases: a value repeated, merged, unknown, or the billion laughs."""
        lines = self.lines_of(name)
        valued = [] if lines is None else valued_lines(lines)
        if lines is None or len(valued) < 2:
            return None
        how = self.rng.choice(["alias", "merge", "laughs", "unknown"])
        i, j = sorted(self.rng.sample(valued, 2))
        head, _, tail = lines[i].partition(": ")
        lines[i] = f"{head}: &a1 {tail}"
        head_j = lines[j].partition(": ")[0]
        if how == "alias":
            lines[j] = f"{head_j}: *a1\n"
        elif how == "merge":
            lines[j] = f"{head_j.rstrip()}:\n{' ' * (self.indent(head_j) + 2)}<<: *a1\n"
        elif how == "laughs":
            laughs = "".join(
                f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 9)
            )
            lines.append("l0: &l0 lol\n" + laughs)
        else:
            lines[j] = f"{head_j}: *nowhere\n"
        self.write(name, "".join(lines))
        return f"anchors and aliases ({how}) at lines {i + 1} and {j + 1}"

    def nesting(self, name: str) -> str | None:
        """Lists or mappings nested up to 20,000 deep."""
        lines = self.lines_of(name)
        if lines is None:
            return None
        depth = self.rng.choice([60, 200, 1_000, 20_000])
        kind = self.rng.choice(["flow-list", "flow-map", "block"])
        if kind == "flow-list":
            value = "[" * depth + "x" + "]" * depth
        elif kind == "flow-map":
            value = "{a: " * depth + "x" + "}" * depth
        else:
            value = "".join(f"\n{'  ' * (n + 1)}k{n}:" for n in range(min(depth, 400))) + " x"
        keys = self.key_lines(lines)
        if keys and self.rng.random() < 0.7:
            i = self.rng.choice(keys)
            head = lines[i].partition(":")[0]
            lines[i : i + 1] = [f"{head}: {value}\n"]
        else:
            lines.append(f"deep: {value}\n")
        self.write(name, "".join(lines))
        return f"nested {depth} deep ({kind})"

    def file_shape(self, name: str) -> str | None:
        """The whole file: empty, BOM, CRLF, not UTF-8, truncated, too large, a folder …"""
        raw = (self.root / name).read_bytes() if (self.root / name).is_file() else b""
        how = self.rng.choice(
            [
                "empty",
                "blank",
                "comment",
                "document-start",
                "two-documents",
                "bom",
                "double-bom",
                "crlf",
                "cr",
                "latin-1",
                "utf-16",
                "truncated",
                "list",
                "scalar",
                "null",
                "binary",
                "too-large",
                "folder",
            ]
        )
        if how == "empty":
            new: bytes = b""
        elif how == "blank":
            new = b"\n \n\t\n"
        elif how == "comment":
            new = b"# nothing yet\n"
        elif how == "document-start":
            new = b"---\n" + raw
        elif how == "two-documents":
            new = raw + b"\n---\n" + raw
        elif how == "bom":
            new = b"\xef\xbb\xbf" + raw
        elif how == "double-bom":
            new = b"\xef\xbb\xbf\xef\xbb\xbf" + raw
        elif how == "crlf":
            new = raw.replace(b"\n", b"\r\n")
        elif how == "cr":
            new = raw.replace(b"\n", b"\r")
        elif how == "latin-1":
            new = raw.decode("utf-8", "replace").encode("latin-1", "replace")
            new = new if new != raw else raw + b"# caf\xe9\n"
        elif how == "utf-16":
            new = raw.decode("utf-8", "replace").encode("utf-16")
        elif how == "truncated":
            new = raw[: self.rng.randrange(len(raw) + 1)]
        elif how == "list":
            new = b"- " + raw.replace(b"\n", b"\n  ")
        elif how == "scalar":
            new = b"just some text\n"
        elif how == "null":
            new = b"~\n"
        elif how == "binary":
            new = bytes(self.rng.randrange(256) for _ in range(300))
        elif how == "too-large":
            new = raw + b"# " + b"x" * (1024 * 1024) + b"\n"
        else:
            path = self.root / name
            if path.is_file():
                path.unlink()
            path.mkdir(parents=True, exist_ok=True)
            self.touched.add(name)
            return "replaced the file with a folder"
        self.write(name, new)
        return f"file shape: {how}"

    def rename(self, name: str) -> str | None:
        """The file renamed: to another id, a new id, ``.yml``, capitals, ``..``, hidden."""
        path = self.root / name
        if not path.is_file():
            return None
        folder = path.parent
        how = self.rng.choice(["other-id", "new-id", "yml", "upper", "odd", "dotdot", "hidden"])
        if how == "other-id":
            others = [p for p in folder.glob("*" + path.suffix) if p != path]
            if not others:
                return None
            target = self.rng.choice(others)
        elif how == "new-id":
            target = folder / f"renamed-{self.rng.randrange(100)}{path.suffix}"
        elif how == "yml":
            target = path.with_suffix(".yml")
        elif how == "upper":
            target = path.with_name(path.stem.upper() + path.suffix)
        elif how == "odd":
            odd = self.rng.choice(["sp ace", "café", "a\u202eb", "x:y", "-x", "a.b", "%2e"])
            target = folder / f"{odd}{path.suffix}"
        elif how == "dotdot":
            target = folder / f"..{path.suffix}"
        else:
            target = folder / f".{path.name}"
        shown = target.relative_to(self.root).as_posix()
        path.replace(target)
        self.touched.update({name, shown})
        return f"renamed {name} to {shown} ({how})"

    def odd_id(self, name: str) -> str | None:
        """An id or a reference written as another id, or with ``../``, capitals, spaces."""
        lines = self.lines_of(name)
        if lines is None:
            return None
        refs = [
            i
            for i, line in enumerate(lines)
            if any(
                line.lstrip(" -").startswith(key)
                for key in (
                    "id:",
                    "awarding_body:",
                    "publisher:",
                    "builds_on",
                    "replaced_by:",
                    "accreditation",
                    "provider",
                    "owner:",
                    "organisations:",
                    "- ",
                )
            )
        ]
        if not refs:
            return None
        i = self.rng.choice(refs)
        odd = self.rng.choice(IDS + self.files.ids("credentials") + self.files.ids("organisations"))
        line = lines[i]
        if ":" in line:
            head = line.partition(":")[0]
            lines[i] = f"{head}: {json.dumps(odd)}\n"
        else:
            lines[i] = line[: self.indent(line)] + f"- {json.dumps(odd)}\n"
        self.write(name, "".join(lines))
        return f"wrote the id {odd!r} on line {i + 1}"

    def release_record(self, name: str) -> str | None:
        """Release records: the fingerprint, the version, the date, the language changed."""
        lines = self.lines_of(name)
        if lines is None:
            return None
        how = self.rng.choice(
            ["fingerprint", "version", "date", "language", "replaces", "drop-release", "title"]
        )
        for i, line in enumerate(lines):
            key = line.strip().partition(":")[0]
            if how == "fingerprint" and key == "fingerprint":
                lines[i] = line[:-10] + self.rng.choice(["0000000000", "zz\n", "\n"]) + "\n"
            elif how == "version" and line.startswith("version:"):
                lines[i] = f"version: {self.rng.choice(['1.0', '9.9', 'x', '1.0.0', '01.0'])!r}\n"
            elif how == "date" and key == "date":
                lines[i] = f"  date: {self.rng.choice(ODD_DATES)}\n"
            elif how == "language" and key == "language":
                lines[i] = f"  language: {self.rng.choice(['xx', 'fr', 'EN', '', 'de-'])}\n"
            elif how == "replaces" and key == "replaces":
                lines[i] = f"  replaces: {self.rng.choice(['1.0', '9.9', '[1.0]', 'x'])}\n"
            elif how == "title" and line.startswith("title:"):
                lines[i + 1 : i + 3] = ["  en: Another title\n"]
            else:
                continue
            break
        else:
            if how != "drop-release":
                return None
            return self.delete_key(name)
        self.write(name, "".join(lines))
        return f"edited the release record ({how})"

    def break_po(self, name: str) -> str | None:
        """A syntax or content mistake in a ``.po`` file."""
        lines = self.lines_of(name)
        if lines is None:
            return None
        how = self.rng.choice(
            [
                "unterminated",
                "bad-escape",
                "no-msgstr",
                "plural-forms",
                "placeholder",
                "duplicate",
                "charset",
                "nplurals",
                "fuzzy",
                "msgstr-index",
                "stray",
                "markup",
                "drop-line",
            ]
        )
        strs = [i for i, line in enumerate(lines) if line.startswith("msgstr")]
        ids = [i for i, line in enumerate(lines) if line.startswith("msgid ")]
        filled = [i for i in strs if lines[i].strip() != 'msgstr ""']
        if not strs or not ids:  # emptied or replaced by an earlier edit of the round
            return None
        i = self.rng.choice(filled or strs)
        if how == "unterminated":
            lines[i] = lines[i].rstrip().rstrip('"') + "\n"
        elif how == "bad-escape":
            lines[i] = lines[i].rstrip().rstrip('"') + '\\q\\"\n'
        elif how == "no-msgstr":
            del lines[i]
        elif how in {"plural-forms", "nplurals"}:
            for k, line in enumerate(lines):
                if line.startswith('"Plural-Forms:'):
                    form = (
                        '"Plural-Forms: nplurals=200000; plural=n;\\n"\n'
                        if how == "nplurals"
                        else self.rng.choice(
                            [
                                '"Plural-Forms: nplurals=2; plural=(n !=;\\n"\n',
                                '"Plural-Forms: nplurals=x; plural=n;\\n"\n',
                                '"Plural-Forms: nplurals=2; plural=n/0;\\n"\n',
                                '"Plural-Forms: nplurals=1; plural='
                                + "(" * 500
                                + "n"
                                + ")" * 500
                                + ';\\n"\n',
                                "\"Plural-Forms: nplurals=2; plural=__import__('os');\\n\"\n",
                            ]
                        )
                    )
                    lines[k] = form
        elif how == "placeholder":
            lines[i] = (
                lines[i].replace("{", "{{x", 1)
                if "{" in lines[i]
                else lines[i].rstrip()[:-1] + ' {unknown} {"\n'
            )
        elif how == "duplicate":
            k = self.rng.choice(ids)
            end = k
            while end < len(lines) and lines[end].strip():
                end += 1
            start = k
            while start > 0 and lines[start - 1].strip():
                start -= 1
            lines += ["\n", *lines[start:end], "\n"]
        elif how == "charset":
            lines = [
                line.replace("charset=utf-8", self.rng.choice(["charset=latin-1", "charset=x"]))
                for line in lines
            ]
        elif how == "fuzzy":
            lines[i:i] = ["#, fuzzy\n"]
        elif how == "msgstr-index":
            lines[i] = lines[i].replace("msgstr ", "msgstr[7] ", 1)
        elif how == "stray":
            lines[i:i] = [self.rng.choice(["garbage\n", 'msgctxt ""\n', "msgid_plural\n", '"\n'])]
        elif how == "markup":
            lines[i] = 'msgstr "<script>alert(1)</script>{{ x }}"\n'
        else:
            del lines[self.rng.randrange(len(lines))]
        self.write(name, "".join(lines))
        return f"broke the .po file ({how}) near line {i + 1}"

    def po_elsewhere(self, name: str) -> str | None:
        """A .po file named for no language, or for one the catalogue lacks, or not a file."""
        how = self.rng.choice(["odd-name", "other-language", "folder", "empty", "bytes"])
        folder = (self.root / name).parent
        raw = (self.root / name).read_bytes() if (self.root / name).is_file() else b""
        if how == "odd-name":
            target = folder / f"{self.rng.choice(['xx_YY', 'de..', 'english', 'DE', '1'])}.po"
            target.write_bytes(raw)
        elif how == "other-language":
            target = folder / f"{self.rng.choice(['it', 'fr', 'pt-BR', 'sl'])}.po"
            target.write_bytes(raw.replace(b"Language: de", b"Language: it"))
        elif how == "folder":
            target = folder / "nl.po"
            target.mkdir(exist_ok=True)
        elif how == "empty":
            target = self.root / name
            target.write_bytes(b"")
        else:
            target = self.root / name
            target.write_bytes(bytes(self.rng.randrange(256) for _ in range(500)))
        self.touched.add(target.relative_to(self.root).as_posix())
        return f"locales: {how} ({target.name})"


YAML_EDITS: list[Callable[[Edit, str], str | None]] = [
    Edit.delete_key,
    Edit.duplicate_key,
    Edit.retype_key,
    Edit.swap_shape,
    Edit.bad_indent,
    Edit.tabs,
    Edit.long_text,
    Edit.odd_unicode,
    Edit.retype_scalar,
    Edit.odd_date,
    Edit.yaml_tag,
    Edit.anchors,
    Edit.nesting,
    Edit.file_shape,
    Edit.rename,
    Edit.odd_id,
    Edit.plausible_value,
    Edit.plausible_value,
    Edit.plausible_value,
]
"""Edits of any YAML file; release records get :meth:`Edit.release_record` too."""
PO_EDITS: list[Callable[[Edit, str], str | None]] = [Edit.break_po, Edit.po_elsewhere]


def mutate(rng: random.Random, root: Path, files: Files) -> Edit:
    """Edit one to three files of the working copy ``root``; one round in three, only with
    values that may well be accepted (then the files are generated from them too)."""
    edit = Edit(rng, root, files)
    if rng.random() < 1 / 3:
        name = rng.choice([*files.credentials, *files.organisations, files.settings])
        soft: list[Callable[[Edit, str], str | None]] = [Edit.plausible_value] * 2
        for _ in range(rng.choice([1, 2, 3])):
            change = rng.choice([*soft, Edit.odd_unicode])
            said = change(edit, name)
            if said:
                edit.said.append(f"{name}: {said}")
        return edit
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        kind = rng.choices(
            ["credentials", "organisations", "settings", "versions", "po"], [10, 4, 2, 4, 3]
        )[0]
        if kind == "settings":
            name = files.settings
        else:
            choices = getattr(files, kind)
            if not choices:
                continue
            name = rng.choice(choices)
        edits = PO_EDITS if kind == "po" else YAML_EDITS
        if kind == "versions":
            edits = [*edits, Edit.release_record, Edit.release_record]
        for _ in range(rng.choice([1, 1, 2])):
            if not (root / name).is_file():
                break
            change = rng.choice(edits)
            try:
                said = change(edit, name)
            except OSError as exc:  # an earlier edit of the round made this one impossible
                said = f"{change.__name__} did nothing: {exc.strerror}"
            if said:
                edit.said.append(f"{name}: {said}")
    return edit


# --------------------------------------------------------------------------- oracles


@dataclasses.dataclass
class Finding:
    """Something credcat did that it promises not to do, in one round."""

    kind: str
    round: int
    detail: str
    signature: str
    edits: list[str]
    diff: str


def shorten(text: str, limit: int = 120) -> str:
    """A text cut to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def readable(path: Path) -> bool:
    """Whether a YAML file reads with PyYAML's safe loader (a line could be named in it)."""
    try:
        raw = path.read_bytes()
        yaml.safe_load(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return False
    return True


def line_count(path: Path) -> int | None:
    """How many lines a text file has, as YAML or gettext count them; None for other files."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return max(len(text.splitlines()), text.count("\n") + 1)


def problem_findings(
    problems: list[Problem], root: Path, shown: Path
) -> list[tuple[str, str, str]]:
    """(kind, detail) of every problem that breaks the promise on its own: no file, no line
    where the file reads, a line the file does not have, a file that does not exist, more
    than one line of text. Each as (kind, detail, signature)."""
    found = []
    for p in problems:
        try:
            text = p.format()
        except Exception as exc:  # a problem that cannot even be said
            name = type(exc).__name__
            found.append(("format", f"Problem.format() raised {name}: {exc}", f"format {name}"))
            continue
        if not p.path:
            found.append(("unlocated", f"no file: {text}", f"no file {p.code}"))
        elif "\n" in text or "\r" in text:
            found.append(("format", f"spans lines: {text!r}", f"lines {p.code}"))
        elif (
            p.line == 0
            and (p.field or p.loc)
            and p.path.endswith((".yaml", ".yml"))
            and readable(shown / p.path)
        ):
            found.append(("unlocated", f"no line: {shorten(text, 300)}", f"no line {p.code}"))
        elif p.path and not (shown / p.path).exists() and not (shown / p.path).is_symlink():
            found.append(("unlocated", f"names a file not there: {text}", f"no such file {p.code}"))
        elif p.line:
            lines = line_count(shown / p.path)
            if lines is not None and p.line > lines + 1:
                detail = f"line {p.line} of {lines}: {shorten(text, 300)}"
                found.append(("unlocated", detail, f"past the end {p.code}"))
    return found


class SlowRound(Exception):
    """Raised by the alarm when a round takes too long."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`SlowRound` in the main thread after ``seconds`` (where signals allow)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: Any) -> None:
        raise SlowRound(f"took more than {seconds:g} s")

    before = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def where_raised(exc: BaseException) -> str:
    """The innermost frame of credcat's own code an exception passed, as ``file:function``."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if "credcat" in f.filename] or frames
    last = own[-1] if own else None
    return f"{Path(last.filename).name}:{last.name}" if last else "?"


def run_cli(args: list[str], cwd: Path, seconds: float) -> tuple[int, str, str]:
    """Run ``python -m credcat ARGS`` in a fresh process: exit code, stdout, stderr."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGINS), env.get("PYTHONPATH")]))
    env.setdefault("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    env["CREDCAT_JOBS"] = "1"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "credcat", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            timeout=seconds * 4,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {seconds * 4:g} s"
    return (
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def cli_findings(
    root: Path, work: Path, problems: list[Problem], seconds: float
) -> list[tuple[str, str]]:
    """Run check and generate through the command line; what they did wrong."""
    found: list[tuple[str, str]] = []
    errors = sum(p.is_error for p in problems)
    usage = any(p.code == "no-catalogue" for p in problems)  # a mistake in the command: 2
    allowed = (0, 1, 2) if usage else (0, 1)
    code, out, err = run_cli(["check", "--format", "json", root.name], work, seconds)
    if "Traceback" in out + err or code not in allowed:
        found.append(("cli", f"check exited {code}: {shorten((err or out).strip(), 600)}"))
    elif errors and code == 0:
        found.append(("cli", f"check exited 0 with {errors} errors"))
    elif not errors and code != 0:
        found.append(("cli", f"check exited {code} with no errors: {shorten(out, 300)}"))
    else:
        try:
            said = json.loads(out)
        except json.JSONDecodeError:
            found.append(("cli", f"check --format json printed no JSON: {shorten(out, 200)}"))
        else:
            own = sorted(json.dumps(p.as_dict(), sort_keys=True) for p in problems)
            theirs = sorted(json.dumps(p, sort_keys=True) for p in said)
            if own != theirs:
                missing = sorted(set(own) - set(theirs))[:2]
                extra = sorted(set(theirs) - set(own))[:2]
                found.append(("cli", f"check in a process said otherwise: -{missing} +{extra}"))
    out_dir = work / "generated"
    code, out, err = run_cli(["generate", root.name, "--out", out_dir.name], work, seconds)
    leftovers = [p.name for p in work.iterdir() if p.name.startswith(".generated")]
    if "Traceback" in out + err or code not in allowed:
        found.append(("generate", f"exited {code}: {shorten((err or out).strip(), 600)}"))
    elif errors and code == 0:
        found.append(("generate", f"wrote files despite {errors} errors"))
    elif not errors and code != 0 and "--out" not in out:
        found.append(("generate", f"refused a catalogue check accepts: {shorten(out, 300)}"))
    if code != 0 and out_dir.exists():
        found.append(("generate", "failed but left its output folder"))
    shutil.rmtree(out_dir, ignore_errors=True)
    if leftovers:
        found.append(("generate", f"left {', '.join(leftovers)} behind"))
    return found


# --------------------------------------------------------------------------- rounds


@dataclasses.dataclass
class Fuzzer:
    """The state of one run: the pristine copy, where rounds happen, and what was found."""

    seed: str
    base: Path
    cli_every: int
    round_seconds: float
    keep: Path | None = None
    verbose: TextIO | None = None
    cache: LoadCache = dataclasses.field(default_factory=LoadCache)
    findings: list[Finding] = dataclasses.field(default_factory=list)
    signatures: set[str] = dataclasses.field(default_factory=set)
    rounds: int = 0
    cli_rounds: int = 0
    generates: int = 0
    problems_seen: int = 0
    files: Files = dataclasses.field(init=False)

    @property
    def pristine(self) -> Path:
        """The catalogue every round starts from."""
        return self.base / "pristine" / "catalogue"

    def setup(self) -> None:
        """Prepare the pristine copy once."""
        prepare(self.pristine)
        self.files = Files.of(self.pristine)

    def round(self, number: int, cli: bool) -> list[Finding]:
        """Run one round: copy, edit, check; the findings it made (new or not)."""
        work = self.base / "round"  # one path: the cache of mkdocs serve follows edits there
        root = work / "catalogue"
        shutil.copytree(self.pristine, root, symlinks=True)
        rng = random.Random(f"{self.seed}-{number}")
        try:
            edit = mutate(rng, root, self.files)
            made: list[tuple[str, str, str]] = []  # kind, detail, signature
            problems: list[Problem] = []
            catalogue = None
            try:
                with time_limit(self.round_seconds):
                    catalogue, problems = check_catalogue(root, display_root=work)
            except SlowRound as exc:
                made.append(("slow", str(exc), "slow"))
            except Exception as exc:
                lines = traceback.format_exception(exc)
                made.append(
                    (
                        "traceback",
                        "".join(lines[-8:]).strip(),
                        f"traceback {type(exc).__name__} {where_raised(exc)}",
                    )
                )
            self.problems_seen += len(problems)
            if not made:  # what mkdocs serve says after this edit, with the files it kept
                made.extend(self.cached(root, work, problems))
            if not made and catalogue is not None and not any(p.is_error for p in problems):
                made.extend(self.generated(root, work))
            if self.verbose is not None:
                codes = sorted({p.code for p in problems})
                self.verbose.write(
                    f"round {number}: {len(problems)} problems {shorten(' '.join(codes), 80)}"
                    f" <- {'; '.join(edit.said) or 'no edit'}\n"
                )
            made.extend(problem_findings(problems, root, work))
            if cli and not any(kind in {"traceback", "slow"} for kind, _, _ in made):
                self.cli_rounds += 1
                for kind, detail in cli_findings(root, work, problems, self.round_seconds):
                    made.append((kind, detail, f"{kind} {detail[:40]}"))
            found = [
                Finding(kind, number, detail, signature, edit.said, self.diff(root, edit))
                for kind, detail, signature in made
            ]
            if found and self.keep is not None:
                target = self.keep / f"seed-{self.seed}-round-{number}"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(root, target, symlinks=True)
            return found
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def generated(self, root: Path, work: Path) -> list[tuple[str, str, str]]:
        """Write the machine-readable files of a catalogue the check accepted (the core of
        ``credcat generate``): a finding when that fails, or leaves its staging folder."""
        from credcat.errors import CredcatError
        from credcat.output import write_machine_files
        from credcat.validate import load_catalogue

        self.generates += 1
        found: list[tuple[str, str, str]] = []
        try:
            with time_limit(self.round_seconds * 3):
                catalogue = load_catalogue(root, display_root=work, packed=True)
                write_machine_files(catalogue, work / "generated-here")
        except SlowRound as exc:
            found.append(("slow", f"generate {exc}", "slow generate"))
        except CredcatError as exc:
            said = shorten(str(exc), 600)
            found.append(
                ("generate", f"refused what check accepted: {said}", f"refused {said[:30]}")
            )
        except Exception as exc:
            lines = traceback.format_exception(exc)
            name = f"{type(exc).__name__} {where_raised(exc)}"
            found.append(
                ("traceback", "generate: " + "".join(lines[-8:]).strip(), f"generate {name}")
            )
        left = [path.name for path in work.glob(".generated-here-*")]
        if left:
            found.append(("generate", f"left {', '.join(left)} behind", "generate leftovers"))
        return found

    def cached(self, root: Path, work: Path, fresh: list[Problem]) -> list[tuple[str, str, str]]:
        """Check again with the cache of the previous rounds' loads (``mkdocs serve`` after
        an edit): a finding when it says otherwise than the fresh check."""
        try:
            with time_limit(self.round_seconds):
                _catalogue, again = check_catalogue(root, display_root=work, cache=self.cache)
        except Exception as exc:
            self.cache = LoadCache()
            name = f"{type(exc).__name__} {where_raised(exc)}"
            return [("traceback", f"with the cache: {name}: {exc}", f"cached {name}")]
        if [p.format() for p in again] == [p.format() for p in fresh]:
            return []
        self.cache = LoadCache()
        before = {p.format() for p in fresh}
        after = {p.format() for p in again}
        detail = (
            f"only fresh: {sorted(before - after)[:2]}; only cached: {sorted(after - before)[:2]}"
        )
        return [("cache", shorten(detail, 800), "cache")]

    def diff(self, root: Path, edit: Edit) -> str:
        """The edited files against the pristine copy, short."""
        parts = []
        for name in sorted(edit.touched):
            before = self.pristine / name
            after = root / name
            old = before.read_bytes() if before.is_file() else b""
            new = after.read_bytes() if after.is_file() else b""
            if after.is_dir():
                parts.append(f"{name} is now a folder")
                continue
            if not after.exists():
                parts.append(f"{name} is gone")
                continue
            if len(new) > 20_000 and old != new:
                parts.append(
                    f"{name}: {len(new):,} bytes (was {len(old):,}), starting {new[:80]!r}"
                )
                continue
            lines = difflib.unified_diff(
                old.decode("utf-8", "backslashreplace").splitlines(),
                new.decode("utf-8", "backslashreplace").splitlines(),
                f"a/{name}",
                f"b/{name}",
                n=1,
                lineterm="",
            )
            shown = [shorten(ascii(line)[1:-1], 160) for line in lines]
            if len(shown) > 30:
                shown = [*shown[:30], f"… {len(shown) - 30} more lines"]
            parts.append("\n".join(shown) if shown else f"{name}: unchanged")
        return "\n".join(parts)

    def add(self, found: list[Finding]) -> list[Finding]:
        """Keep the findings whose signature is new; return them."""
        new = [f for f in found if f.signature not in self.signatures]
        self.signatures.update(f.signature for f in new)
        self.findings.extend(new)
        return new


def report(finding: Finding, seed: str, out: TextIO) -> None:
    """Print one finding with its reproducer."""
    out.write(f"\n=== {finding.kind} in round {finding.round} (seed {seed})\n")
    out.write(f"{finding.detail}\n")
    out.write("edits:\n" + "".join(f"  {said}\n" for said in finding.edits))
    out.write(f"reproduce: python scripts/fuzz_check.py --seed {seed} --replay {finding.round}\n")
    out.write(finding.diff + "\n")


def run(
    seed: str,
    rounds: int | None = None,
    minutes: float | None = None,
    *,
    cli_every: int = 25,
    round_seconds: float = 20.0,
    replay: int | None = None,
    keep: Path | None = None,
    out: TextIO | None = None,
    verbose: bool = False,
) -> Fuzzer:
    """Fuzz the sample catalogue; every finding is printed to ``out`` as it is made.

    Args:
        seed: Seeds every round's random generator (with the round's number).
        rounds: At most this many rounds.
        minutes: At most this long (a round started is finished).
        cli_every: Every this many rounds, check and generate also run as commands (0: never).
        round_seconds: A round's check taking longer is a finding.
        replay: Run this round only (with the commands too, unless ``cli_every`` is 0).
        keep: Copy the catalogue of each finding into this folder.
        out: Where findings and the summary go (default: standard output).
        verbose: Also print each round's edits and the codes of its problems.

    Returns:
        The fuzzer, with its findings and counts.
    """
    out = out or sys.stdout
    base = Path(tempfile.mkdtemp(prefix="credcat-fuzz-"))
    fuzzer = Fuzzer(seed, base, cli_every, round_seconds, keep, out if verbose else None)
    started = time.monotonic()
    # the same date every day; no worker processes (the cores are shared): for this run only
    wanted = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "CREDCAT_JOBS": "1"}
    unset = [name for name in wanted if name not in os.environ]
    os.environ.update({name: wanted[name] for name in unset})
    try:
        fuzzer.setup()
        numbers: Iterator[int] = iter([replay]) if replay is not None else _count(rounds)
        for number in numbers:
            if minutes is not None and time.monotonic() - started > minutes * 60:
                break
            cli = cli_every > 0 and (replay is not None or number % cli_every == cli_every - 1)
            found = fuzzer.round(number, cli)
            fuzzer.rounds += 1
            for finding in fuzzer.add(found) if replay is None else found:
                report(finding, seed, out)
    finally:
        shutil.rmtree(base, ignore_errors=True)
        for name in unset:
            os.environ.pop(name, None)
        release_memos()  # the cached checks' (a fresh check releases its own)
    out.write(
        f"\n{fuzzer.rounds} rounds ({fuzzer.cli_rounds} with the commands, "
        f"{fuzzer.generates} accepted and generated in-process), "
        f"{fuzzer.problems_seen:,} problems told, {len(fuzzer.findings)} findings "
        f"in {time.monotonic() - started:.0f} s (seed {seed})\n"
    )
    return fuzzer


def _count(limit: int | None) -> Iterator[int]:
    """0, 1, 2 … up to ``limit`` (without end for None)."""
    number = 0
    while limit is None or number < limit:
        yield number
        number += 1


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; 1 when it found something."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seed", default="0", help="seed of the run (any text)")
    parser.add_argument("--rounds", type=int, help="at most this many rounds")
    parser.add_argument("--minutes", type=float, help="at most this many minutes")
    parser.add_argument("--cli-every", type=int, default=25, help="run the commands every N")
    parser.add_argument("--round-seconds", type=float, default=20.0, help="a slow round")
    parser.add_argument("--replay", type=int, help="run one round again (and the commands)")
    parser.add_argument("--keep", type=Path, help="copy each finding's catalogue here")
    parser.add_argument("--verbose", action="store_true", help="say what each round did")
    args = parser.parse_args(argv)
    if args.rounds is None and args.minutes is None and args.replay is None:
        parser.error("give --rounds, --minutes or --replay")
    fuzzer = run(
        args.seed,
        args.rounds,
        args.minutes,
        cli_every=args.cli_every,
        round_seconds=args.round_seconds,
        replay=args.replay,
        keep=args.keep.resolve() if args.keep else None,
        verbose=args.verbose,
    )
    return 1 if fuzzer.findings else 0


if __name__ == "__main__":
    sys.exit(main())
