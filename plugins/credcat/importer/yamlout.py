"""Writing the YAML files of an import: key order, comments, ``TODO(import)`` marks.

The YAML is produced by PyYAML's safe dumper from plain values, never by pasting text, and
every comment line goes through :func:`~credcat.errors.printable`, so no name or label of the
source can start a line of its own. :func:`render_yaml` checks that the text loads back to the
values it was given.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import Any

import yaml

from ..errors import printable
from .base import TODO

__all__ = [
    "CREDENTIAL_ORDER",
    "CREDENTIAL_SCHEMA",
    "CREDENTIAL_SPACED",
    "ORGANISATION_ORDER",
    "ORGANISATION_SCHEMA",
    "Flow",
    "render_yaml",
]

CREDENTIAL_SCHEMA = "# yaml-language-server: $schema=../../schemas/credential.schema.json"
ORGANISATION_SCHEMA = "# yaml-language-server: $schema=../../schemas/organisation.schema.json"

CREDENTIAL_ORDER = (
    "title",
    "version",
    "status",
    "status_note",
    "published",
    "summary",
    "description",
    "type",
    "awarding_body",
    "provider",
    "assessor",
    "eqf",
    "nqf",
    "qf_ehea",
    "field",
    "workload",
    "duration",
    "languages",
    "mode",
    "setting",
    "target_groups",
    "outcomes",
    "assessments",
    "quality_assurance",
    "prerequisites",
    "stackability",
    "further_information",
    "links",
    "homepage",
)
ORGANISATION_ORDER = (
    "name",
    "short_name",
    "kind",
    "country",
    "homepage",
    "email",
    "phone",
    "description",
    "legal_identifier",
    "vat_number",
    "eidas_identifier",
    "identifiers",
)
CREDENTIAL_SPACED = frozenset(
    {
        "awarding_body",
        "eqf",
        "outcomes",
        "assessments",
        "quality_assurance",
        "prerequisites",
        "stackability",
        "further_information",
        "links",
        "homepage",
    }
)


# --- the dumper ---------------------------------------------------------------------------


class Flow(list[Any]):
    """A short list of scalars, written in flow style: ``[en, de]``."""


class _Dumper(yaml.SafeDumper):
    """Block style with indented sequences, literal blocks for multi-line texts."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_NUMBER_LIKE = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Literal blocks for multi-line texts, folded ones for long texts, quoted number-like
    codes (``"0613"``, ``"1.0"``: YAML would read them as numbers)."""
    style: str | None = None
    if "\n" in value:
        style = "|"
    elif len(value) > 80:
        style = ">"
    elif _NUMBER_LIKE.match(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Flow, _represent_flow)


def _comment(line: str) -> str:
    """A header line as one YAML comment line, whatever it quotes."""
    text = printable(line)
    return text if text.startswith("#") else "# " + text


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def render_yaml(
    data: dict[str, Any],
    header: list[str],
    comments: dict[str, list[str]],
    spaced: Iterable[str] = (),
) -> str:
    """Write a mapping as friendly YAML: one block per top-level key, comments above keys,
    a blank line before each key in ``spaced``. The result is checked to load back to ``data``
    (else it is written again without line folding)."""
    blank_before = set(spaced)
    # Comment text may quote the source (a label, the file name): a line break in it (also
    # U+2028, U+0085 …, which YAML reads as line breaks) would turn the rest into YAML keys.
    header = [_comment(line) for line in header]

    def dump(mapping: dict[str, Any], width: float) -> str:
        text = yaml.dump(
            mapping,
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=width,
            default_flow_style=False,
        )
        return str(text)

    for width in (88, float("inf")):
        lines = list(header)
        for key, value in data.items():
            if key in blank_before and len(lines) > len(header):
                lines.append("")
            for comment in comments.get(key, []):
                lines.extend(
                    textwrap.wrap(
                        printable(f"{TODO}: {comment}"),
                        96,
                        initial_indent="# ",
                        subsequent_indent="#   ",
                    )
                )
            lines.append(dump({key: value}, width).rstrip("\n"))
        text = "\n".join(lines) + "\n"
        if yaml.safe_load(text) == _plain(data):
            return text
    return (
        "\n".join(header)
        + "\n"
        + yaml.safe_dump(  # pragma: no cover - safety net
            _plain(data), sort_keys=False, allow_unicode=True, width=float("inf")
        )
    )
