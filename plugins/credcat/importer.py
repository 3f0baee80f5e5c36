"""``credcat import``: turn an existing European Digital Credential into catalogue YAML.

Input: one JSON(-LD) file, at most 5 MiB, UTF-8, in one of these forms:

* an unsigned EDC (VC 1.1 or VC 2.0 envelope, the compacted ``edc-ap`` form the Commission's
  samples use);
* the EDC Issuer's upload form ``{"credential": {…}}``;
* the sealed JAdES form ``{"payload": "<credential JSON as a string>", "signatures": […]}``;
* a standalone specification: a document whose root is a ``Qualification`` or a
  ``LearningAchievementSpecification``.

The importer works on the JSON tree directly. It indexes every node that has an ``id`` first, so
a property may hold the node itself, a sparse ``{"id": …}`` or the bare id string of a node
described elsewhere in the same document. ``type`` may be a string or a list; texts may be
language maps whose values are strings or lists of strings (VC 2.0 examples).

Output, for every micro-credential found (``credentialSubject.hasClaim`` — a node or a list,
with nested ``hasPart`` claims — → ``specifiedBy``, plus specifications nested through
``hasPart``): ``credentials/<id>.yaml``, and ``organisations/<id>.yaml`` for each organisation
it names (awarding body, provider, assessor, accrediting agent) unless the catalogue already has
an organisation with the same legal name or homepage, which is then reused. Ids are slugs of the
title (or legal name), made unique against the files already in the catalogue (``-2``, ``-3`` …).
Existing files are never overwritten.

The import is all-or-nothing. The YAML texts are built in memory, written into a temporary copy
of the target catalogue and checked there with :func:`credcat.catalogue.check_catalogue`; only
when no new file has an error are they written to the catalogue (with ``open(…, "x")``: a file
that appeared in the meantime stops the import, and files already written are removed again).
The target must hold ``catalogue.yaml``; the importer never creates one.

Policy for gaps
---------------

A catalogue entry must load, so every key the credcat model requires gets a value. What the
source says is carried over. Where it is silent, the importer distinguishes two cases:

* **Derived** values come from other data of the same document and are reported as
  ``assumed: …`` lines: the summary taken from the claim's or the learning activity's
  description (or the title), the languages taken from the languages of the texts, an
  assessment type matched by its label when its concept is not from the EU vocabulary, an
  assessment that does not say which outcomes it proves proving all outcomes, an organisation
  kind guessed from its name.
* **Placeholders** stand for facts the source does not hold. They are written only where the
  model requires a value, marked with a ``# TODO(import): …`` comment in the YAML, reported as
  ``gap: …`` lines, and they set ``status: draft``: a draft is not offered, and the maintainer
  replaces each placeholder, then sets ``status: active``. The placeholders are: the catalogue's
  publisher as awarding body; EQF level 1; ISCED-F ``9999`` (field unknown); 1 ECTS; mode
  ``online``; setting ``non-formal``; one outcome and one ``written-examination`` assessment
  whose texts start with ``TODO`` (also an extra such assessment for outcomes that no assessment
  of the source proves); institutional quality assurance by the (first) awarding body with a
  ``TODO`` description. In an organisation file (which has no status) the same marks
  go on: the publisher's country for a missing country, ``https://example.org/`` for a missing
  homepage; an awarding body whose country is a placeholder makes the credential a draft.

What no placeholder can mend is refused with the check's own message, nothing written: an
entry whose only assessment is attendance is a certificate of participation, not a
micro-credential (as is an EDC whose claims hold only learning activities).

Everything else that is not carried over is reported, one ``not imported: …`` line each, with its
JSON path: learner data, grade, display parameters, issuing and seal data, and any property the
importer does not know.

Malformed input (unreadable, too large, not UTF-8, not JSON, a signed payload that is not JSON,
JSON that is neither an EDC nor a specification, a specification without a title) raises
:class:`ImportError_` with a one-line message, and nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import shutil
import tempfile
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import vocab
from .catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, ORGANISATIONS_DIR
from .ids import MAX_ID_LENGTH, WINDOWS_RESERVED_RE, slugify
from .model import EMAIL_RE, ESCO_SKILL_RE
from .render.safe import printable
from .validate import check_catalogue

__all__ = ["MAX_BYTES", "MAX_CREDENTIALS", "MAX_ORGANISATIONS", "ImportError_", "import_file"]

MAX_BYTES = 5 * 1024 * 1024
"""Largest input accepted (5 MiB); the Commission's signed sample is 150 KiB."""
MAX_CREDENTIALS = 100
"""Most micro-credentials one import may create: an EDC holds one or a few. A crafted file of
tens of thousands of tiny specifications would otherwise flood the catalogue with files."""
MAX_ORGANISATIONS = 200
"""Most organisation files one import may create."""
MAX_REPORT_LINE = 1000
"""Report lines are cut to this many characters (a label may be megabytes long)."""

_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"'\\]*$", re.IGNORECASE)
"""An address the catalogue model accepts (``model._url``), without backslashes; anything else
in the source is reported, not written, so one odd address never refuses the whole import."""

SPEC_TYPES = frozenset({"Qualification", "LearningAchievementSpecification"})
CREDENTIAL_TYPES = frozenset({"VerifiableCredential", "EuropeanDigitalCredential"})
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"

CREDENTIAL_SCHEMA = "# yaml-language-server: $schema=../../schemas/credential.schema.json"
ORGANISATION_SCHEMA = "# yaml-language-server: $schema=../../schemas/organisation.schema.json"

CREDENTIAL_ORDER = (
    "title",
    "version",
    "status",
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

PLACEHOLDER_HOMEPAGE = "https://example.org/"
TODO = "TODO(import)"

# Keys of the envelope and the person that are handled by a dedicated report line.
_ISSUING_KEYS = (
    "identifier",
    "validFrom",
    "validUntil",
    "issuanceDate",
    "issued",
    "expirationDate",
    "credentialProfiles",
    "credentialSchema",
    "credentialStatus",
    "termsOfUse",
)
_SEAL_KEYS = ("evidence", "proof", "sec:proof")


class ImportError_(Exception):
    """The input cannot be imported; the message is one line for the maintainer."""


# --- reading ------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    if not path.exists():
        raise ImportError_("file not found")
    if not path.is_file():
        raise ImportError_("not a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportError_(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (5 MiB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ImportError_(f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} (5 MiB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise ImportError_("file is empty")
    return _parse_json(text, "file")


def _parse_json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportError_(
            f"{what} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise ImportError_(f"{what} is nested too deeply to be a credential") from None


def _types(node: Any) -> list[str]:
    if not isinstance(node, dict):
        return []
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def _node_id(node: Any) -> str | None:
    if isinstance(node, dict):
        value = node.get("id", node.get("@id"))
        return value if isinstance(value, str) and value.strip() else None
    return None


def _unwrap(data: Any) -> tuple[Any, list[str]]:
    """Remove the upload and the seal wrappers; returns the document and report lines."""
    notes: list[str] = []
    if isinstance(data, dict) and "payload" in data and not _types(data):
        payload = data["payload"]
        if not isinstance(payload, str):
            raise ImportError_("the signed payload is not a string holding the credential JSON")
        try:
            inner = json.loads(payload)
        except json.JSONDecodeError:
            inner = _base64_json(payload)
        except RecursionError:
            raise ImportError_("the signed payload is nested too deeply") from None
        if not isinstance(inner, dict):
            raise ImportError_("the signed payload is JSON but not a credential (not an object)")
        notes.append(
            "not imported: signatures — the seal belongs to the issued credential, "
            "and the import does not verify it"
        )
        data = inner
    if isinstance(data, dict) and isinstance(data.get("credential"), dict) and not _types(data):
        data = data["credential"]
    return data, notes


def _base64_json(payload: str) -> Any:
    text = payload.strip()
    try:
        decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("utf-8")
        return json.loads(decoded)
    except (binascii.Error, ValueError, RecursionError):
        raise ImportError_("the signed payload is not JSON (nor base64url-encoded JSON)") from None


# --- the JSON tree ------------------------------------------------------------------------


class _Tree:
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
                node_id = _node_id(item)
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
                node_id = _node_id(item)
                full = self.index.get(node_id) if node_id else None
                out.append(full if full is not None and len(full) > len(item) else item)
        return out

    def node(self, value: Any) -> dict[str, Any] | None:
        found = self.nodes(value)
        return found[0] if found else None


# --- small helpers ------------------------------------------------------------------------


def _first_text(text: dict[str, str], prefer: str) -> str:
    return text.get(prefer) or text.get("en") or next(iter(text.values()))


_ISO_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def _iso_parts(value: Any) -> dict[str, float] | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DURATION.match(value.strip())
    if not match or value.strip() in {"P", "PT"}:
        return None
    return {k: float(v) for k, v in match.groupdict().items() if v is not None}


def _iso_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date ``YYYY-MM-DD`` (``2024-13-45`` is not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _join(texts: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for text in texts:
        for lang, value in text.items():
            out.setdefault(lang, []).append(value)
    return {lang: "\n\n".join(values) for lang, values in out.items()}


def _norm_name(text: str) -> str:
    return " ".join(text.casefold().split())


def _norm_url(url: str) -> str:
    text = url.strip().lower()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text)
    return text.rstrip("/")


# --- YAML output --------------------------------------------------------------------------


class _Flow(list[Any]):
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


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)


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


# --- the import ---------------------------------------------------------------------------


@dataclass
class _OrgRef:
    """An organisation of the source, mapped to a catalogue id."""

    org_id: str
    new: bool
    label: str
    placeholders: tuple[str, ...] = ()


@dataclass
class _Plan:
    """One file to write."""

    rel: str
    text: str


@dataclass
class _Entry:
    """One micro-credential: its specification and the claim it came from (if any)."""

    spec: dict[str, Any]
    path: str
    claim: dict[str, Any] | None
    claim_path: str
    parent: str | None  # node id of the enclosing specification
    cred_id: str = ""


@dataclass
class _Report:
    envelope: list[str] = field(default_factory=list)
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
                    *self.envelope,
                    *self.not_imported,
                    *self.assumed,
                    *self.gaps,
                    *self.checks,
                    *self.written,
                )
            )
        )


def _report_line(line: str) -> str:
    text = printable(line)
    return text if len(text) <= MAX_REPORT_LINE else text[: MAX_REPORT_LINE - 1] + "…"


class _Importer:
    def __init__(self, tree: _Tree, into: Path, source_name: str, report: _Report) -> None:
        self.tree = tree
        self.into = into
        self.source_name = source_name
        self.report = report
        settings = _read_settings(into)
        self.default_language = _settings_language(settings)
        publisher = settings.get("publisher")
        self.publisher = publisher if isinstance(publisher, str) else ""
        self.existing_orgs = _existing_organisations(into / ORGANISATIONS_DIR)
        self.taken: dict[str, set[str]] = {
            CREDENTIALS_DIR: _taken_ids(into / CREDENTIALS_DIR),
            ORGANISATIONS_DIR: _taken_ids(into / ORGANISATIONS_DIR),
        }
        self.org_by_node: dict[str, _OrgRef] = {}
        self.org_by_key: dict[str, _OrgRef] = {}
        self.plans: list[_Plan] = []
        self._gaps: list[tuple[str, str]] = []
        self._comments: dict[str, list[str]] = {}

    # -- ids -------------------------------------------------------------------------------

    def _unique(self, folder: str, base: str, fallback: str) -> str:
        base = base or fallback
        if WINDOWS_RESERVED_RE.match(base):
            base = f"{base}-{fallback}"
        taken = self.taken[folder]
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
            n += 1
        taken.add(candidate)
        return candidate

    # -- texts and concepts ----------------------------------------------------------------

    def text(self, value: Any, path: str) -> dict[str, str] | None:
        """A language map from a JSON-LD text, keeping every language credcat knows."""
        out: dict[str, str] = {}
        items: list[tuple[str, Any]] = []
        if isinstance(value, str):
            items.append((self.default_language, value))
        elif isinstance(value, dict) and "@value" in value:
            items.append((str(value.get("@language") or self.default_language), value["@value"]))
        elif isinstance(value, dict):
            items.extend((str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            for item in value:
                found = self.text(item, path)
                for lang, text in (found or {}).items():
                    out.setdefault(lang, text)
            return out or None
        for lang, raw in items:
            texts = raw if isinstance(raw, list) else [raw]
            strings = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
            if not strings:
                continue
            concept = vocab.lookup("language", lang) or vocab.lookup(
                "language", lang.split("-")[0].split("_")[0]
            )
            if concept is None:
                self.report.not_imported.append(
                    f"not imported: {path}.{lang} — '{lang}' is not a language code credcat knows"
                )
                continue
            joined = "\n\n".join(dict.fromkeys(strings))
            out[concept.code] = (
                out[concept.code] + "\n\n" + joined if concept.code in out else joined
            )
        return out or None

    def note(self, value: Any, path: str) -> dict[str, str] | None:
        """The texts of Note nodes (``noteLiteral``), or a plain text."""
        texts: list[dict[str, str]] = []
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            where = f"{path}[{i}]" if isinstance(value, list) else path
            if isinstance(item, dict) and ("noteLiteral" in item or _types(item) == ["Note"]):
                found = self.text(item.get("noteLiteral"), where + ".noteLiteral")
            elif isinstance(item, str) and item in self.tree.index:
                resolved = self.tree.index[item]
                found = self.text(resolved.get("noteLiteral"), where + ".noteLiteral")
            else:
                found = self.text(item, where)
            if found:
                texts.append(found)
        return _join(texts) if texts else None

    def concept(self, value: Any, name: str) -> vocab.Concept | None:
        """A concept of vocabulary ``name``: by IRI, else by notation or label.

        A concept whose IRI is not in credcat's vocabularies but whose label names one of its
        concepts (the Commission's sample has such a local assessment type) is matched by the
        label, and that is reported.
        """
        nodes = self.tree.nodes(value)
        for node in nodes:
            node_id = _node_id(node)
            found = vocab.by_iri(node_id) if node_id else None
            if found is not None and found.vocab == name:
                return found
        for node in nodes:
            for key in ("notation", "prefLabel"):
                raw = node.get(key)
                labels = (
                    [raw]
                    if isinstance(raw, str)
                    else (
                        [v for v in raw.values() if isinstance(v, str)]
                        if isinstance(raw, dict)
                        else []
                    )
                )
                for label in labels:
                    found = vocab.lookup(name, label) or vocab.lookup(name, slugify(label))
                    if found is None:
                        continue
                    node_id = _node_id(node)
                    if node_id and vocab.by_iri(node_id) is None:
                        self.report.assumed.append(
                            f"assumed: {name} '{found.code}' for the concept {node_id} — "
                            f"matched by its {key} '{label}'; the concept is not in the EU "
                            "vocabulary"
                        )
                    return found
        return None

    def concepts(self, value: Any, name: str, path: str, what: str) -> list[str]:
        codes: list[str] = []
        for i, node in enumerate(self.tree.nodes(value) or ([value] if value else [])):
            found = self.concept(node, name)
            if found is None:
                where = f"{path}[{i}]" if isinstance(value, list) else path
                self.report.not_imported.append(
                    f"not imported: {where} ({_label(node)}) — not a {what} credcat knows"
                )
            elif found.code not in codes:
                codes.append(found.code)
        return codes

    def unknown(
        self,
        node: dict[str, Any],
        path: str,
        handled: Iterable[str],
        reasons: dict[str, str] | None = None,
    ) -> None:
        known = {"id", "@id", "type", "@type", "@context", *handled}
        for key in node:
            if key in known:
                continue
            reason = (reasons or {}).get(key, "credcat has no field for it")
            self.report.not_imported.append(f"not imported: {path}.{key} — {reason}")

    def url(self, value: Any) -> list[str]:
        urls: list[str] = []
        for node in self.tree.nodes(value) or []:
            for key in ("contentURL", "contentUrl", "id", "@id"):
                raw = node.get(key)
                if isinstance(raw, str) and _URL_RE.match(raw.strip()):
                    urls.append(raw.strip())
                    break
        return list(dict.fromkeys(urls))

    # -- organisations ---------------------------------------------------------------------

    def organisation(self, node: dict[str, Any], path: str) -> _OrgRef:
        node_id = _node_id(node)
        if node_id and node_id in self.org_by_node:
            return self.org_by_node[node_id]
        name = (
            self.text(node.get("legalName"), path + ".legalName")
            or self.text(node.get("prefLabel"), path + ".prefLabel")
            or self.text(node.get("altLabel"), path + ".altLabel")
        )
        homepages = self.url(node.get("homepage"))
        label = _first_text(name, self.default_language) if name else (node_id or "?")
        keys = [f"name:{_norm_name(v)}" for v in (name or {}).values()]
        keys += [f"home:{_norm_url(u)}" for u in homepages]
        for key in keys:
            if key in self.org_by_key:
                ref = self.org_by_key[key]
                break
        else:
            ref = self._existing_or_new(node, path, name, homepages, label, keys)
        if node_id:
            self.org_by_node[node_id] = ref
        for key in keys:
            self.org_by_key.setdefault(key, ref)
        return ref

    def _existing_or_new(
        self,
        node: dict[str, Any],
        path: str,
        name: dict[str, str] | None,
        homepages: list[str],
        label: str,
        keys: list[str],
    ) -> _OrgRef:
        for key in keys:
            existing = self.existing_orgs.get(key)
            if existing is not None:
                why = "legal name" if key.startswith("name:") else "homepage"
                self.report.assumed.append(
                    f"reused: organisations/{existing}.yaml for '{label}' (same {why})"
                )
                return _OrgRef(existing, False, label)
        if name is None:
            raise ImportError_(f"the organisation at {path} has no legal name")
        if (
            sum(1 for plan in self.plans if plan.rel.startswith(ORGANISATIONS_DIR))
            >= MAX_ORGANISATIONS
        ):
            raise ImportError_(
                f"the document names more than {MAX_ORGANISATIONS} organisations; "
                "credcat imports at most that many at a time"
            )
        short = self.text(node.get("altLabel"), path + ".altLabel")
        base = slugify(label)
        if len(base) > 40 and short:
            base = slugify(_first_text(short, self.default_language)) or base
        org_id = self._unique(ORGANISATIONS_DIR, base, "organisation")
        ref = _OrgRef(org_id, True, label)
        ref.placeholders = self._plan_organisation(node, path, ref, name, short, homepages)
        return ref

    def _plan_organisation(
        self,
        node: dict[str, Any],
        path: str,
        ref: _OrgRef,
        name: dict[str, str],
        short: dict[str, str] | None,
        homepages: list[str],
    ) -> tuple[str, ...]:
        """Plan ``organisations/<id>.yaml``; returns the keys that got a placeholder."""
        rel = f"{ORGANISATIONS_DIR}/{ref.org_id}.yaml"
        data: dict[str, Any] = {"name": self.out_text(name)}
        comments: dict[str, list[str]] = {}
        if short and short != name:
            data["short_name"] = self.out_text(short)
        joined = " ".join(name.values()).casefold()
        if any(w in joined for w in ("universit", "hochschule", "polytechnic")):
            data["kind"] = "university"
        else:
            data["kind"] = "other"
        self.report.assumed.append(
            f"assumed: {rel}: kind '{data['kind']}' (EDCs do not say what kind of organisation "
            "this is) — check it"
        )
        country = self.org_country(node, path)
        if country is None:
            country = self.publisher_country() or "EU"
            comments["country"] = [
                "the source gives no country for this organisation; placeholder — replace it"
            ]
            self.report.gaps.append(
                f"gap: {rel}: country — not in the source; placeholder '{country}' written"
            )
        data["country"] = country
        if homepages:
            data["homepage"] = homepages[0]
        else:
            data["homepage"] = PLACEHOLDER_HOMEPAGE
            comments["homepage"] = ["the source gives no homepage; placeholder — replace it"]
            self.report.gaps.append(
                f"gap: {rel}: homepage — not in the source; placeholder "
                f"{PLACEHOLDER_HOMEPAGE} written"
            )
        email, phone = self.contact(node.get("contactPoint"))
        if email:
            data["email"] = email
        if phone:
            data["phone"] = phone
        description = self.text(node.get("description"), path + ".description")
        if description:
            data["description"] = self.out_text(description)
        legal = None
        for key in ("registration", "eIDASIdentifier", "vatIdentifier", "taxIdentifier"):
            ident = self.tree.node(node.get(key))
            notation = ident.get("notation") if ident else None
            if isinstance(notation, str) and notation.strip():
                if legal is None:
                    legal = notation.strip()[:100]
                    data["legal_identifier"] = legal
                else:
                    self.report.not_imported.append(
                        f"not imported: {path}.{key} ({notation.strip()}) — credcat keeps one "
                        "legal identifier per organisation"
                    )
        self.organisation_leftovers(node, path, homepages)
        ordered = {k: data[k] for k in ORGANISATION_ORDER if k in data}
        header = [ORGANISATION_SCHEMA, f"# Imported by credcat from {self.source_name}"]
        self.plans.append(_Plan(rel, render_yaml(ordered, header, comments)))
        return tuple(comments)

    def organisation_leftovers(self, node: dict[str, Any], path: str, homepages: list[str]) -> None:
        for location in self.tree.nodes(node.get("location")):
            for address in self.tree.nodes(location.get("address")):
                full = self.note(address.get("fullAddress"), path + ".location.address")
                if full:
                    self.report.not_imported.append(
                        f"not imported: {path}.location.address ("
                        f"{_first_text(full, self.default_language)}) — add 'address:' with "
                        "street, postcode and city by hand if wanted"
                    )
        for extra in homepages[1:]:
            self.report.not_imported.append(
                f"not imported: {path}.homepage ({extra}) — credcat keeps one homepage"
            )
        self.unknown(
            node,
            path,
            (
                "legalName",
                "altLabel",
                "homepage",
                "contactPoint",
                "description",
                "registration",
                "eIDASIdentifier",
                "vatIdentifier",
                "taxIdentifier",
                "location",
                "prefLabel",
            ),
            {
                "logo": "an embedded image; save it under logos/ and add 'logo:' by hand",
                "groupMemberOf": "credcat does not describe groups or networks of organisations",
                "identifier": "credcat keeps one legal identifier (legal_identifier)",
            },
        )

    def org_country(self, node: dict[str, Any], path: str) -> str | None:
        for location in self.tree.nodes(node.get("location")):
            for address in self.tree.nodes(location.get("address")):
                found = self.concept(address.get("countryCode"), "country")
                if found is not None:
                    return found.code
        for key in ("registration", "eIDASIdentifier", "vatIdentifier", "taxIdentifier"):
            ident = self.tree.node(node.get(key))
            found = self.concept(ident.get("spatial"), "country") if ident else None
            if found is not None:
                return found.code
        return None

    def publisher_country(self) -> str | None:
        path = self.into / ORGANISATIONS_DIR / f"{self.publisher}.yaml"
        data = _safe_yaml(path) if self.publisher else None
        country = data.get("country") if isinstance(data, dict) else None
        found = vocab.lookup("country", country) if isinstance(country, str) else None
        return found.code if found else None

    def contact(self, value: Any) -> tuple[str | None, str | None]:
        email = phone = None
        for point in self.tree.nodes(value):
            for box in self.tree.nodes(point.get("emailAddress")) or []:
                address = _node_id(box) or ""
                if address.lower().startswith("mailto:") and email is None:
                    email = address[7:].strip()
            if isinstance(point.get("emailAddress"), str) and email is None:
                raw = point["emailAddress"]
                email = raw[7:] if raw.lower().startswith("mailto:") else raw
            for tel in self.tree.nodes(point.get("phone")):
                number = tel.get("phoneNumber")
                if (
                    isinstance(number, str)
                    and phone is None
                    and re.match(r"^\+?[0-9 ()./-]{5,30}$", number.strip())
                ):
                    phone = number.strip()
        if email is not None and not EMAIL_RE.match(email):
            email = None
        return email, phone

    # -- output helpers --------------------------------------------------------------------

    def out_text(self, text: dict[str, str]) -> str | dict[str, str]:
        """A text for the YAML: a plain string when it is only in the default language."""
        if list(text) == [self.default_language]:
            return text[self.default_language]
        return dict(text)

    # -- credentials -----------------------------------------------------------------------

    def collect(self, root: dict[str, Any], root_path: str) -> list[_Entry]:
        entries: list[_Entry] = []
        seen: set[str] = set()

        def add_spec(
            spec: dict[str, Any],
            path: str,
            claim: dict[str, Any] | None,
            claim_path: str,
            parent: str | None,
        ) -> None:
            key = _node_id(spec) or f"#{id(spec)}"
            if key in seen:
                return
            seen.add(key)
            entries.append(_Entry(spec, path, claim, claim_path, parent))
            parts = spec.get("hasPart")
            for i, part in enumerate(self.tree.nodes(parts)):
                if SPEC_TYPES & set(_types(part)):
                    where = f"{path}.hasPart[{i}]" if isinstance(parts, list) else f"{path}.hasPart"
                    add_spec(part, where, None, "", key)

        visited: set[int] = set()

        def walk_claims(value: Any, path: str, parent: str | None) -> None:
            for i, claim in enumerate(self.tree.nodes(value)):
                if id(claim) in visited:
                    continue  # a claim that (through id references) contains itself
                visited.add(id(claim))
                where = f"{path}[{i}]" if isinstance(value, list) else path
                spec_parent = parent
                for j, spec in enumerate(self.tree.nodes(claim.get("specifiedBy"))):
                    if SPEC_TYPES & set(_types(spec)):
                        spec_path = f"{where}.specifiedBy" + (
                            f"[{j}]" if isinstance(claim.get("specifiedBy"), list) else ""
                        )
                        add_spec(spec, spec_path, claim, where, parent)
                        spec_parent = _node_id(spec) or f"#{id(spec)}"
                walk_claims(claim.get("hasPart"), where + ".hasPart", spec_parent)

        if SPEC_TYPES & set(_types(root)):
            add_spec(root, root_path, None, "", None)
        else:
            subjects = self.tree.nodes(root.get("credentialSubject"))
            for subject in subjects:
                walk_claims(subject.get("hasClaim"), "credentialSubject.hasClaim", None)
        return entries

    def _gap(self, key: str, what: str, placeholder: str) -> None:
        """Record a placeholder: a report line, a TODO comment above ``key``, status draft."""
        self._gaps.append((key, f"{what}; placeholder {placeholder}"))
        self._comments.setdefault(key, []).append(
            f"{what} — placeholder: {placeholder}; replace it, then set status: active"
        )

    def credential(self, entry: _Entry, by_node: dict[str, str]) -> None:
        spec, path, claim = entry.spec, entry.path, entry.claim
        rel = f"{CREDENTIALS_DIR}/{entry.cred_id}.yaml"
        data: dict[str, Any] = {}
        comments: dict[str, list[str]] = {}
        gaps: list[tuple[str, str]] = []
        self._gaps, self._comments = gaps, comments
        gap = self._gap

        title = self.text(spec.get("title"), path + ".title")
        if title is None:  # pragma: no cover - _convert refuses a specification without title
            raise ImportError_(f"the specification at {path} has no title")
        data["title"] = self.out_text(title)
        data["version"] = "1.0"
        data["status"] = "active"

        # summary and description
        description = self.text(spec.get("description"), path + ".description")
        summary = description
        if summary is None and claim is not None:
            summary = self.text(claim.get("description"), entry.claim_path + ".description")
            if summary:
                self.report.assumed.append(
                    f"assumed: {rel}: summary — the specification has no description; took the "
                    "description of the achievement"
                )
        if summary is None and claim is not None:
            activities = [
                a
                for a in self.tree.nodes(claim.get("influencedBy"))
                if isinstance(a.get("description"), dict | str | list)
            ]
            if len(activities) == 1:
                summary = self.text(
                    activities[0].get("description"), entry.claim_path + ".influencedBy.description"
                )
                self.report.assumed.append(
                    f"assumed: {rel}: summary — the specification has no description; took the "
                    f"description of the learning activity '{_label(activities[0])}'"
                )
        if summary is None:
            summary = dict(title)
            self.report.assumed.append(
                f"assumed: {rel}: summary — the source has no description; the title is used; "
                "write a paragraph for learners"
            )
        data["summary"] = self.out_text(summary)
        outcome_summary = self.note(
            spec.get("learningOutcomeSummary"), path + ".learningOutcomeSummary"
        )
        if outcome_summary:
            data["description"] = self.out_text(outcome_summary)

        kind = self.concept(spec.get("dcType"), "learning-opportunity-type")
        if kind is not None:
            data["type"] = kind.code
        elif spec.get("dcType") is not None:
            self.report.not_imported.append(
                f"not imported: {path}.dcType ({_label(self.tree.node(spec.get('dcType')))}) — "
                "not a learning-opportunity type credcat knows; 'short-learning-programme' is "
                "the default"
            )

        # organisations in their roles
        awarding = self.awarding_bodies(spec, path, claim, entry.claim_path)
        if awarding:
            data["awarding_body"] = awarding
            for org_id in awarding:
                if "country" in self.placeholders_of(org_id):
                    gap(
                        "awarding_body",
                        f"the source gives no country for the awarding body "
                        f"'{org_id}' (Annex I: country of the issuer)",
                        f"country in organisations/{org_id}.yaml",
                    )
        else:
            if (
                not self.publisher
                or not (self.into / ORGANISATIONS_DIR / f"{self.publisher}.yaml").is_file()
            ):
                raise ImportError_(
                    f"the specification at {path} names no awarding body, and the catalogue's "
                    "publisher has no organisation file to stand in for it"
                )
            data["awarding_body"] = [self.publisher]
            gap(
                "awarding_body",
                "the source names no awarding body (Annex I: awarding body)",
                f"'{self.publisher}' (the catalogue's publisher)",
            )
        providers = self.claim_orgs(entry, "influencedBy", "directedBy")
        if providers and providers != data["awarding_body"]:
            data["provider"] = providers
        assessors = self.claim_orgs(entry, "provenBy", "assessedBy")
        if assessors and assessors != data["awarding_body"]:
            data["assessor"] = assessors

        # level, field, workload
        eqf = self.concept(spec.get("eqfLevel"), "eqf")
        if eqf is not None:
            data["eqf"] = int(eqf.code)
        else:
            data["eqf"] = 1
            if spec.get("eqfLevel") is not None:
                self.report.not_imported.append(
                    f"not imported: {path}.eqfLevel — not an EQF level concept"
                )
            gap("eqf", "the source gives no EQF level (Annex I: level)", "1")
        nqf = self.concept(spec.get("nqfLevel"), "nqf")
        if nqf is not None:
            label = nqf.label("en")
            data["nqf"] = label if vocab.lookup("nqf", label) == nqf else nqf.code
        elif spec.get("nqfLevel") is not None:
            self.report.not_imported.append(
                f"not imported: {path}.nqfLevel ({_label(self.tree.node(spec.get('nqfLevel')))})"
                " — not an NQF level in credcat's vocabulary"
            )
        fields = self.concepts(
            spec.get("thematicArea"), "isced-f", path + ".thematicArea", "ISCED-F field"
        )
        for code in self.concepts(
            spec.get("educationSubject"), "isced-f", path + ".educationSubject", "ISCED-F field"
        ):
            if code not in fields:
                fields.append(code)
        if fields:
            data["field"] = _Flow(fields)
        else:
            data["field"] = _Flow(["9999"])
            gap("field", "the source gives no ISCED-F field", "'9999' (field unknown)")
        workload = self.workload(spec, path, rel)
        if workload:
            data["workload"] = workload
        else:
            data["workload"] = {"ects": 1}
            gap(
                "workload",
                "the source gives neither ECTS credits nor hours (Annex I: notional workload)",
                "1 ECTS",
            )
        duration = self.duration(spec.get("maximumDuration"), path + ".maximumDuration")
        if duration:
            data["duration"] = duration

        # languages, participation
        languages = self.concepts(spec.get("language"), "language", path + ".language", "language")
        if not languages:
            languages = list(title)
            self.report.assumed.append(
                f"assumed: {rel}: languages {', '.join(languages)} — the source names no "
                "language of instruction; taken from the languages of the title"
            )
        data["languages"] = _Flow(languages)
        modes = self.concepts(spec.get("mode"), "mode", path + ".mode", "mode")
        if modes:
            data["mode"] = modes[0]
            for extra in modes[1:]:
                self.report.not_imported.append(
                    f"not imported: {path}.mode ({extra}) — credcat keeps one mode; "
                    f"'{modes[0]}' was kept"
                )
        else:
            data["mode"] = "online"
            gap(
                "mode",
                "the source gives no mode of delivery (Annex I: form of participation)",
                "'online'",
            )
        settings = self.concepts(
            spec.get("learningSetting"),
            "learning-setting",
            path + ".learningSetting",
            "learning setting",
        )
        if settings:
            data["setting"] = settings[0]
        else:
            data["setting"] = "non-formal"
            gap(
                "setting",
                "the source gives no learning setting (Annex I: form of participation)",
                "'non-formal'",
            )
        groups = self.concepts(
            spec.get("targetGroup"), "target-group", path + ".targetGroup", "target group"
        )
        if groups:
            data["target_groups"] = _Flow(groups)

        # outcomes and assessments
        outcome_nodes, outcomes = self.outcomes(spec, path)
        if outcomes:
            data["outcomes"] = outcomes
        else:
            data["outcomes"] = [
                {
                    "id": "o1",
                    "text": "TODO: state what the holder can do — "
                    "the imported credential lists no learning outcomes",
                }
            ]
            gap(
                "outcomes",
                "the source lists no learning outcomes (Annex I: learning outcomes)",
                "outcome 'o1'",
            )
        outcome_ids = [o["id"] for o in data["outcomes"]]
        assessments = self.assessments(spec, path, entry, rel, outcome_nodes, outcome_ids)
        if assessments:
            data["assessments"] = assessments
            proven = {o for a in assessments for o in a["proves"]}
            unproven = [o for o in outcome_ids if o not in proven]
            if unproven:
                taken = {a["id"] for a in assessments}
                todo_id = next(
                    c for c in (f"assessment-{n}" for n in range(1, 999)) if c not in taken
                )
                assessments.append(
                    {
                        "id": todo_id,
                        "type": "written-examination",
                        "description": "TODO: describe how these outcomes are assessed — the "
                        "imported credential names no assessment for them",
                        "proves": _Flow(unproven),
                    }
                )
                gap(
                    "assessments",
                    f"no assessment in the source proves {', '.join(unproven)} "
                    "(an outcome nobody assesses is not part of a micro-credential)",
                    f"assessment '{todo_id}' (written-examination)",
                )
        else:
            data["assessments"] = [
                {
                    "id": "assessment",
                    "type": "written-examination",
                    "description": "TODO: describe how the outcomes are assessed — the imported "
                    "credential names no assessment",
                    "proves": _Flow(outcome_ids),
                }
            ]
            gap(
                "assessments",
                "the source names no assessment (Annex I: type of assessment)",
                "'written-examination'",
            )

        # quality assurance
        qa = self.quality_assurance(spec, path, rel)
        if qa:
            data["quality_assurance"] = qa
        else:
            data["quality_assurance"] = [
                {
                    "type": "institutional-quality-assurance",
                    "body": data["awarding_body"][0],
                    "description": "TODO: describe the quality assurance behind this credential "
                    "(who checks what, how often) — the imported credential names "
                    "no accreditation",
                }
            ]
            gap(
                "quality_assurance",
                "the source names no accreditation (Annex I: type of quality assurance)",
                f"institutional quality assurance by '{data['awarding_body'][0]}'",
            )

        prerequisites = self.note(spec.get("entryRequirement"), path + ".entryRequirement")
        if prerequisites:
            data["prerequisites"] = self.out_text(prerequisites)
        stack = self.stackability(entry, by_node)
        if stack:
            data["stackability"] = stack
        further = self.note(spec.get("additionalNote"), path + ".additionalNote")
        if further:
            data["further_information"] = self.out_text(further)
        links = self.links(spec.get("supplementaryDocument"))
        homepages = self.url(spec.get("homepage"))
        if homepages:
            data["homepage"] = homepages[0]
            links += [{"title": "Further information", "url": u} for u in homepages[1:]]
        if links:
            data["links"] = links

        self.spec_leftovers(spec, path)
        self.claim_leftovers(entry)
        if gaps:
            data["status"] = "draft"
            for key, message in gaps:
                self.report.gaps.append(f"gap: {rel}: {key} — {message}; status set to draft")
        ordered = {k: data[k] for k in CREDENTIAL_ORDER if k in data}
        header = [CREDENTIAL_SCHEMA, f"# Imported by credcat from {self.source_name}"]
        if gaps:
            header.append(f"# Draft: replace every value marked {TODO}, then set status: active")
        self.plans.append(_Plan(rel, render_yaml(ordered, header, comments, CREDENTIAL_SPACED)))

    def awarding_bodies(
        self, spec: dict[str, Any], path: str, claim: dict[str, Any] | None, claim_path: str
    ) -> list[str]:
        ids: list[str] = []
        opportunities = spec.get("awardingOpportunity")
        for i, opportunity in enumerate(self.tree.nodes(opportunities)):
            where = f"{path}.awardingOpportunity" + (
                f"[{i}]" if isinstance(opportunities, list) else ""
            )
            for j, body in enumerate(self.tree.nodes(opportunity.get("awardingBody"))):
                ref = self.organisation(body, f"{where}.awardingBody[{j}]")
                if ref.org_id not in ids:
                    ids.append(ref.org_id)
            self.unknown(
                opportunity,
                where,
                ("awardingBody",),
                {
                    "location": "credcat takes the issuer's country from the awarding body",
                    "temporal": (
                        "an awarding period belongs to an offering; add 'offerings:' by hand"
                    ),
                    "learningAchievementSpecification": "it is the credential itself",
                },
            )
        if not ids and claim is not None:
            for process, where in _with_paths(self.tree, claim, "awardedBy", claim_path):
                for body, body_where in _with_paths(self.tree, process, "awardingBody", where):
                    ref = self.organisation(body, body_where)
                    if ref.org_id not in ids:
                        ids.append(ref.org_id)
        return ids

    def claim_orgs(self, entry: _Entry, relation: str, role: str) -> list[str]:
        ids: list[str] = []
        if entry.claim is None:
            return ids
        for item, where in _with_paths(self.tree, entry.claim, relation, entry.claim_path):
            for org, org_where in _with_paths(self.tree, item, role, where):
                if "Organisation" not in _types(org) and "legalName" not in org:
                    continue
                ref = self.organisation(org, org_where)
                if ref.org_id not in ids:
                    ids.append(ref.org_id)
        return ids

    def workload(self, spec: dict[str, Any], path: str, rel: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for i, credit in enumerate(self.tree.nodes(spec.get("creditPoint"))):
            where = f"{path}.creditPoint" + (
                f"[{i}]" if isinstance(spec.get("creditPoint"), list) else ""
            )
            framework = self.concept(credit.get("framework"), "credit-system")
            point = credit.get("point")
            try:
                value = float(str(point).replace(",", ".")) if point is not None else None
            except ValueError:
                value = None
            if framework is None or value is None or not 0 < value <= 120 or "ects" in out:
                framework_label = _label(self.tree.node(credit.get("framework")))
                self.report.not_imported.append(
                    f"not imported: {where} ({point} {framework_label}) — credcat records one "
                    "ECTS (or ECVET) value"
                )
                continue
            out["ects"] = _number(value)
            if framework.code == "ecvet":
                out["credit_system"] = "ecvet"
        volume = spec.get("volumeOfLearning")
        if volume is not None:
            parts = _iso_parts(volume)
            if parts is None or any(k in parts for k in "YMWD"):
                self.report.not_imported.append(
                    f"not imported: {path}.volumeOfLearning ({volume}) — only a duration in hours "
                    "(PT…H) converts to learning hours"
                )
            else:
                hours = parts.get("h", 0) + parts.get("m", 0) / 60 + parts.get("s", 0) / 3600
                rounded = round(hours)
                if 0 < rounded <= 4000:
                    out["hours"] = rounded
                    if rounded != hours:
                        self.report.assumed.append(
                            f"assumed: {rel}: workload.hours {rounded} — rounded from {volume}"
                        )
                else:
                    self.report.not_imported.append(
                        f"not imported: {path}.volumeOfLearning ({volume}) — out of range"
                    )
        return {k: out[k] for k in ("ects", "hours", "credit_system") if k in out}

    def duration(self, value: Any, path: str) -> str | None:
        if value is None:
            return None
        parts = _iso_parts(value)
        units = {"Y": "year", "M": "month", "W": "week", "D": "day", "h": "hour"}
        if parts and len(parts) == 1:
            ((key, number),) = parts.items()
            if key in units and number.is_integer() and 0 < number < 10000:
                n = int(number)
                return f"{n} {units[key]}{'' if n == 1 else 's'}"
        self.report.not_imported.append(
            f"not imported: {path} ({value}) — write 'duration:' by hand (e.g. '8 weeks')"
        )
        return None

    def outcomes(
        self, spec: dict[str, Any], path: str
    ) -> tuple[dict[str, str], list[dict[str, Any]]]:
        by_node: dict[str, str] = {}
        out: list[dict[str, Any]] = []
        raw = spec.get("learningOutcome")
        for i, node in enumerate(self.tree.nodes(raw)):
            where = f"{path}.learningOutcome" + (f"[{i}]" if isinstance(raw, list) else "")
            text = (
                self.text(node.get("title"), where + ".title")
                or self.text(node.get("definition"), where + ".definition")
                or self.text(node.get("description"), where + ".description")
            )
            if text is None:
                self.report.not_imported.append(
                    f"not imported: {where} — a learning outcome without a text"
                )
                continue
            outcome_id = f"o{len(out) + 1}"
            node_id = _node_id(node)
            if node_id:
                by_node[node_id] = outcome_id
            item: dict[str, Any] = {"id": outcome_id, "text": self.out_text(text)}
            kind = self.concept(node.get("dcType"), "skill-type")
            if kind is not None and kind.code != "skill":
                item["kind"] = kind.code
            esco: list[Any] = []
            seen_skills: set[str] = set()
            for skill in self.tree.nodes(node.get("relatedESCOSkill")):
                skill_id = _node_id(skill) or ""
                if ESCO_SKILL_RE.match(skill_id):
                    if skill_id in seen_skills:
                        continue
                    seen_skills.add(skill_id)
                    label = self.text(skill.get("prefLabel"), f"{where}.relatedESCOSkill")
                    esco.append(
                        {"uri": skill_id, "label": self.out_text(label)} if label else skill_id
                    )
                else:
                    self.report.not_imported.append(
                        f"not imported: {where}.relatedESCOSkill ({skill_id or _label(skill)})"
                        " — not an ESCO skill URI"
                    )
            if esco:
                item["esco"] = esco
            reuse = self.concept(node.get("reusabilityLevel"), "reuse-level")
            if reuse is not None:
                item["reuse"] = reuse.code
            related = [_label(s) for s in self.tree.nodes(node.get("relatedSkill"))]
            if related:
                self.report.not_imported.append(
                    f"not imported: {where}.relatedSkill ({'; '.join(related)}) — credcat links "
                    "ESCO skills only"
                )
            self.unknown(
                node,
                where,
                (
                    "title",
                    "definition",
                    "description",
                    "dcType",
                    "relatedESCOSkill",
                    "reusabilityLevel",
                    "relatedSkill",
                ),
            )
            out.append(item)
        return by_node, out

    def assessments(
        self,
        spec: dict[str, Any],
        path: str,
        entry: _Entry,
        rel: str,
        outcome_nodes: dict[str, str],
        outcome_ids: list[str],
    ) -> list[dict[str, Any]]:
        found: list[tuple[dict[str, Any], str, dict[str, Any] | None]] = []
        raw = spec.get("provenBy")
        for i, node in enumerate(self.tree.nodes(raw)):
            found.append(
                (node, f"{path}.provenBy" + (f"[{i}]" if isinstance(raw, list) else ""), None)
            )
        if not found and entry.claim is not None:
            for done, where in _with_paths(self.tree, entry.claim, "provenBy", entry.claim_path):
                specs = self.tree.nodes(done.get("specifiedBy"))
                if specs:
                    found.append((specs[0], where + ".specifiedBy", done))
                else:
                    found.append((done, where, done))
        out: list[dict[str, Any]] = []
        used: set[str] = set()
        spec_id = _node_id(spec)
        for index, (node, where, issued) in enumerate(found):
            title = self.text(node.get("title"), where + ".title")
            if title is None and issued is not None:
                title = self.text(issued.get("title"), where + ".title")
            base = slugify(_first_text(title, self.default_language), 40) if title else ""
            assessment_id = base or f"a{index + 1}"
            n = 2
            while assessment_id in used:
                assessment_id = f"{base or 'a'}-{n}"
                n += 1
            used.add(assessment_id)
            item: dict[str, Any] = {"id": assessment_id}
            kind = self.concept(node.get("dcType"), "assessment-type")
            dc_node = self.tree.node(node.get("dcType"))
            if kind is None:
                kind_code = "written-examination"
                what = "no type" if dc_node is None else f"'{_label(dc_node)}' is not an EU type"
                self._gap(
                    "assessments",
                    f"assessments[{index}].type: {what} (Annex I: type of assessment)",
                    "'written-examination'",
                )
            else:
                kind_code = kind.code
            item["type"] = kind_code
            if title:
                item["title"] = self.out_text(title)
            description = self.text(node.get("description"), where + ".description")
            if description is None and issued is not None:
                description = self.text(issued.get("description"), where + ".description")
            if description is None:
                description = (
                    dict(title)
                    if title
                    else {
                        self.default_language: "TODO: describe what the learner does and how it is "
                        "judged"
                    }
                )
                self.report.assumed.append(
                    f"assumed: {rel}: assessments[{index}].description — none in the source; "
                    "the title is used; describe what the learner does and how it is judged"
                )
            item["description"] = self.out_text(description)
            proves = self.proves(node, spec_id, outcome_nodes)
            if proves is None:
                proves = list(outcome_ids)
                self.report.assumed.append(
                    f"assumed: {rel}: assessments[{index}] ('{assessment_id}') proves all "
                    "outcomes — the source does not say which outcomes it proves; check it"
                )
            item["proves"] = _Flow(proves)
            if issued is not None:
                supervision = self.concept(issued.get("idVerification"), "supervision")
                if supervision is not None:
                    item["supervision"] = "unsupervised"
                    if supervision.code == "unsupervised-id-check":
                        item["identity_check"] = True
                elif issued.get("idVerification") is not None:
                    self.report.not_imported.append(
                        f"not imported: {where}.idVerification "
                        f"({_label(self.tree.node(issued.get('idVerification')))}) — not a "
                        "supervision concept credcat knows"
                    )
            grading = None
            for scheme in self.tree.nodes(node.get("gradingScheme")):
                grading = self.text(
                    scheme.get("description"), where + ".gradingScheme"
                ) or self.text(scheme.get("title"), where + ".gradingScheme")
            if grading:
                item["grading"] = self.out_text(grading)
            for key in ("mode", "language"):
                if node.get(key) is not None:
                    self.report.not_imported.append(
                        f"not imported: {where}.{key} ({_label(self.tree.node(node.get(key)))})"
                        f" — credcat has no {key} per assessment; mention it in the description"
                    )
            self.unknown(
                node,
                where,
                ("title", "description", "dcType", "proves", "gradingScheme", "mode", "language"),
            )
            if issued is not None and issued is not node:
                issued_where = where.removesuffix(".specifiedBy")
                self.unknown(
                    issued,
                    issued_where,
                    (
                        "specifiedBy",
                        "title",
                        "description",
                        "idVerification",
                        "assessedBy",
                        "grade",
                    ),
                    {
                        "awardedBy": "the assessment's awarding process belongs to the issued "
                        "credential",
                        "issued": "the date of this learner's assessment",
                    },
                )
            out.append(item)
        return out

    def proves(
        self, node: dict[str, Any], spec_id: str | None, outcome_nodes: dict[str, str]
    ) -> list[str] | None:
        targets = self.tree.nodes(node.get("proves"))
        if not targets and isinstance(node.get("proves"), str):
            return list(outcome_nodes.values()) if node["proves"] == spec_id else None
        ids: list[str] = []
        for target in targets:
            if spec_id is not None and _node_id(target) == spec_id:
                return list(outcome_nodes.values())
            for outcome in self.tree.nodes(target.get("learningOutcome")):
                found = outcome_nodes.get(_node_id(outcome) or "")
                if found and found not in ids:
                    ids.append(found)
        return ids or None

    def quality_assurance(self, spec: dict[str, Any], path: str, rel: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        raw = spec.get("accreditation")
        for i, node in enumerate(self.tree.nodes(raw)):
            where = f"{path}.accreditation" + (f"[{i}]" if isinstance(raw, list) else "")
            item: dict[str, Any] = {}
            kind = self.concept(node.get("dcType"), "accreditation-type")
            agents = self.tree.nodes(node.get("accreditingAgent"))
            if kind is None or not agents:
                missing = "type" if kind is None else "accrediting agent"
                self.report.not_imported.append(
                    f"not imported: {where} ({_label(node)}) — no {missing} credcat can use"
                )
                continue
            item["type"] = kind.code
            item["body"] = self.organisation(agents[0], where + ".accreditingAgent").org_id
            title = self.text(node.get("title"), where + ".title")
            if title:
                item["title"] = self.out_text(title)
            description = self.text(node.get("description"), where + ".description")
            if description is None:
                description = (
                    dict(title)
                    if title
                    else {"en": f"{kind.label('en')} by {self.org_label(item['body'])}"}
                )
                self.report.assumed.append(
                    f"assumed: {rel}: quality_assurance[{len(out)}].description — none in the "
                    "source; written from its title or type"
                )
            item["description"] = self.out_text(description)
            urls = (
                self.url(node.get("homepage"))
                + self.url(node.get("landingPage"))
                + self.url(node.get("report"))
            )
            if urls:
                item["url"] = urls[0]
            expiry = node.get("expiryDate")
            if isinstance(expiry, str) and _iso_date(expiry[:10]):
                item["valid_until"] = expiry[:10]
            elif expiry is not None:
                self.report.not_imported.append(
                    f"not imported: {where}.expiryDate ({expiry}) — not a date"
                )
            self.unknown(
                node,
                where,
                (
                    "dcType",
                    "accreditingAgent",
                    "title",
                    "description",
                    "homepage",
                    "landingPage",
                    "report",
                    "expiryDate",
                ),
            )
            out.append(item)
        return out

    def placeholders_of(self, org_id: str) -> tuple[str, ...]:
        for ref in [*self.org_by_node.values(), *self.org_by_key.values()]:
            if ref.org_id == org_id:
                return ref.placeholders
        return ()

    def org_label(self, org_id: str) -> str:
        for ref in [*self.org_by_node.values(), *self.org_by_key.values()]:
            if ref.org_id == org_id:
                return ref.label
        return org_id

    def stackability(self, entry: _Entry, by_node: dict[str, str]) -> dict[str, Any]:
        spec = entry.spec
        part_of: list[str] = []
        if entry.parent and entry.parent in by_node:
            part_of.append(by_node[entry.parent])
        for i, other in enumerate(self.tree.nodes(spec.get("isPartOf"))):
            other_id = _node_id(other)
            if other_id in by_node and by_node[other_id] not in part_of:
                part_of.append(by_node[other_id])
            elif other_id not in by_node:
                self.report.not_imported.append(
                    f"not imported: {entry.path}.isPartOf[{i}] ({_label(other)}) — not described "
                    "in this document; add 'stackability: part_of:' by hand"
                )
        for key in list(by_node):
            node = self.tree.index.get(key)
            if node is None or node is spec:
                continue
            for part in self.tree.nodes(node.get("hasPart")):
                if part is spec and by_node[key] not in part_of:
                    part_of.append(by_node[key])
        out: dict[str, Any] = {}
        if part_of:
            out["part_of"] = _Flow(part_of)
        if spec.get("isPartialQualification") is True:
            out["note"] = "A partial qualification: it counts towards a larger qualification."
        for i, part in enumerate(self.tree.nodes(spec.get("hasPart"))):
            if not SPEC_TYPES & set(_types(part)):
                self.report.not_imported.append(
                    f"not imported: {entry.path}.hasPart[{i}] ({_label(part)}) — credcat "
                    "stacks credentials only"
                )
        return out

    def links(self, value: Any) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for node in self.tree.nodes(value):
            urls = self.url(node)
            if not urls:
                continue
            title = self.text(node.get("title"), "supplementaryDocument.title")
            out.append({"title": self.out_text(title) if title else urls[0], "url": urls[0]})
        return out

    def spec_leftovers(self, spec: dict[str, Any], path: str) -> None:
        self.unknown(
            spec,
            path,
            (
                "title",
                "description",
                "learningOutcomeSummary",
                "dcType",
                "awardingOpportunity",
                "eqfLevel",
                "nqfLevel",
                "thematicArea",
                "educationSubject",
                "creditPoint",
                "volumeOfLearning",
                "maximumDuration",
                "language",
                "mode",
                "learningSetting",
                "targetGroup",
                "learningOutcome",
                "provenBy",
                "accreditation",
                "entryRequirement",
                "isPartialQualification",
                "isPartOf",
                "hasPart",
                "additionalNote",
                "supplementaryDocument",
                "homepage",
            ),
            {
                "influencedBy": "learning activities are not described in a catalogue entry; "
                "mention them in the description",
                "altLabel": "credcat has one title per credential",
            },
        )

    def claim_leftovers(self, entry: _Entry) -> None:
        claim = entry.claim
        if claim is None:
            return
        raw = claim.get("influencedBy")
        for i, activity in enumerate(self.tree.nodes(raw)):
            where = f"{entry.claim_path}.influencedBy" + (f"[{i}]" if isinstance(raw, list) else "")
            organiser = (
                " (its organiser is named as provider)" if activity.get("directedBy") else ""
            )
            self.report.not_imported.append(
                f"not imported: {where} (learning activity '{_label(activity)}') — a catalogue "
                f"entry does not describe the learner's activity{organiser}"
            )
        raw = claim.get("provenBy")
        for i, assessment in enumerate(self.tree.nodes(raw)):
            grade = assessment.get("grade")
            if grade is not None:
                where = f"{entry.claim_path}.provenBy" + (f"[{i}]" if isinstance(raw, list) else "")
                self.report.not_imported.append(
                    f"not imported: {where}.grade ('{_label(self.tree.node(grade))}') — a grade "
                    "belongs to an issued credential, not to a catalogue entry"
                )
        handled = (
            "specifiedBy",
            "awardedBy",
            "provenBy",
            "influencedBy",
            "title",
            "description",
            "hasPart",
        )
        for key in claim:
            if key in {"id", "@id", "type", "@type", *handled}:
                continue
            self.report.not_imported.append(
                f"not imported: {entry.claim_path}.{key} — it describes this learner's "
                "achievement, not the credential"
            )


def _with_paths(
    tree: _Tree, node: dict[str, Any], key: str, path: str
) -> list[tuple[dict[str, Any], str]]:
    """The nodes of ``node[key]`` with their JSON paths (``path.key`` or ``path.key[i]``)."""
    raw = node.get(key)
    found = tree.nodes(raw)
    if isinstance(raw, list):
        return [(item, f"{path}.{key}[{i}]") for i, item in enumerate(found)]
    return [(item, f"{path}.{key}") for item in found]


# --- catalogue helpers --------------------------------------------------------------------


def _label(node: Any) -> str:
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
    return _node_id(node) or "?"


def _safe_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _read_settings(into: Path) -> dict[str, Any]:
    if not into.is_dir():
        raise ImportError_(
            f"no catalogue folder at {into}: point --into at the folder that holds {CATALOGUE_FILE}"
        )
    if not (into / CATALOGUE_FILE).is_file():
        raise ImportError_(
            f"{into} has no {CATALOGUE_FILE}: point --into at a catalogue folder (the import "
            "never creates one)"
        )
    data = _safe_yaml(into / CATALOGUE_FILE)
    return data if isinstance(data, dict) else {}


def _settings_language(settings: dict[str, Any]) -> str:
    raw = settings.get("default_language", "en")
    found = vocab.lookup("language", raw) if isinstance(raw, str) else None
    return found.code if found else "en"


def _taken_ids(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.iterdir() if p.suffix in {".yaml", ".yml"}}


def _existing_organisations(folder: Path) -> dict[str, str]:
    """``name:<legal name>`` / ``home:<homepage>`` → id, for the catalogue's organisations."""
    found: dict[str, str] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        data = _safe_yaml(path)
        if not isinstance(data, dict):
            continue
        name = data.get("name")
        names = (
            [name]
            if isinstance(name, str)
            else (
                [v for v in name.values() if isinstance(v, str)] if isinstance(name, dict) else []
            )
        )
        for text in names:
            found.setdefault(f"name:{_norm_name(text)}", path.stem)
        homepage = data.get("homepage")
        if isinstance(homepage, str):
            found.setdefault(f"home:{_norm_url(homepage)}", path.stem)
    return found


# --- the envelope -------------------------------------------------------------------------


def _classify(data: Any) -> tuple[dict[str, Any], str]:
    """The root node and its JSON path prefix; raises when it is neither EDC nor spec."""
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        for node in data["@graph"]:
            if isinstance(node, dict) and (CREDENTIAL_TYPES | SPEC_TYPES) & set(_types(node)):
                return node, "@graph"
    if isinstance(data, list):
        for node in data:
            if isinstance(node, dict) and (CREDENTIAL_TYPES | SPEC_TYPES) & set(_types(node)):
                return node, ""
        raise ImportError_("the JSON is a list, not a European Digital Credential")
    if not isinstance(data, dict):
        raise ImportError_("the JSON is not an object, so not a European Digital Credential")
    types = set(_types(data))
    if types & SPEC_TYPES:
        return data, ""
    if types & CREDENTIAL_TYPES:
        if not isinstance(data.get("credentialSubject"), dict | list):
            raise ImportError_("the credential has no credentialSubject")
        return data, ""
    shown = ", ".join(sorted(types)) or "none"
    raise ImportError_(
        f"not a European Digital Credential or a Qualification / LearningAchievementSpecification "
        f"(type: {shown})"
    )


def _envelope_report(
    root: dict[str, Any], report: _Report, tree: _Tree, awarding: set[str]
) -> None:
    if SPEC_TYPES & set(_types(root)):
        return
    report.envelope.append(
        "not imported: learner data (credentialSubject) — a catalogue describes the credential, "
        "not a person"
    )
    if "displayParameter" in root:
        report.envelope.append(
            "not imported: displayParameter — the layout of the issued credential document"
        )
    issuing = [k for k in _ISSUING_KEYS if k in root]
    if issuing:
        report.envelope.append(
            f"not imported: {', '.join(issuing)} — issuing data of this one credential"
        )
    seal = [k for k in _SEAL_KEYS if k in root]
    if seal:
        report.envelope.append(
            f"not imported: {', '.join(seal)} — added by the EDC Issuer when it seals"
        )
    issuer = tree.node(root.get("issuer"))
    if issuer is not None and _node_id(issuer) not in awarding:
        report.envelope.append(
            f"not imported: issuer ('{_label(issuer)}') — the catalogue names awarding bodies; "
            "the issuer seals each issued credential"
        )
    known = {
        "@context",
        "id",
        "@id",
        "type",
        "@type",
        "credentialSubject",
        "displayParameter",
        "issuer",
        *_ISSUING_KEYS,
        *_SEAL_KEYS,
    }
    for key in root:
        if key not in known:
            report.envelope.append(f"not imported: {key} — credcat has no field for it")


# --- entry point --------------------------------------------------------------------------


def import_file(file: Path, into: Path) -> list[str]:
    """Import a credential or specification file into a catalogue folder.

    Args:
        file: The JSON(-LD) file (unsigned, uploadable or signed EDC, or a specification).
        into: The catalogue folder (must hold ``catalogue.yaml``).

    Returns:
        The report: one line per thing not carried over, assumed, or filled with a
        placeholder, one per check warning, and one per written file.

    Raises:
        ImportError_: The input cannot be imported, or the result would not load; nothing was
            written.
    """
    _read_settings(into)  # fail early on a wrong --into, before reading the input
    data = _read_json(file)
    report = _Report()
    try:
        plans = _convert(data, into, file.name, report)
    except RecursionError:
        raise ImportError_("the document is nested too deeply to be a credential") from None
    _validate(into, plans, report)
    _write(into, plans, report)
    return report.lines()


def _convert(data: Any, into: Path, source_name: str, report: _Report) -> list[_Plan]:
    data, notes = _unwrap(data)
    report.envelope.extend(notes)
    root, prefix = _classify(data)
    tree = _Tree(root)
    importer = _Importer(tree, into, source_name, report)
    entries = importer.collect(root, prefix or "$")
    if len(entries) > MAX_CREDENTIALS:
        raise ImportError_(
            f"the document describes {len(entries):,} specifications; credcat imports at most "
            f"{MAX_CREDENTIALS} at a time (an EDC holds one or a few)"
        )
    if not entries:
        kinds = sorted(
            {
                t
                for s in tree.nodes(root.get("credentialSubject"))
                for c in tree.nodes(s.get("hasClaim"))
                for t in _types(c)
            }
        )
        extra = ""
        if "LearningActivity" in kinds:
            extra = (
                " — it records a learning activity (e.g. a certificate of participation), "
                "which is not a micro-credential"
            )
        raise ImportError_(
            "the credential holds no Qualification or LearningAchievementSpecification "
            f"(credentialSubject.hasClaim…specifiedBy){extra}"
        )
    by_node: dict[str, str] = {}
    for entry in entries:
        title = importer.text(entry.spec.get("title"), entry.path + ".title")
        if title is None:
            where = "" if entry.path == "$" else f" at {entry.path}"
            raise ImportError_(
                f"the specification{where} has no title (a language map such as "
                '{"en": "…"} under "title")'
            )
        entry.cred_id = importer._unique(
            CREDENTIALS_DIR, slugify(_first_text(title, importer.default_language)), "credential"
        )
        by_node[_node_id(entry.spec) or f"#{id(entry.spec)}"] = entry.cred_id
    awarding: set[str] = set()
    for entry in entries:
        importer.credential(entry, by_node)
        for process in tree.nodes((entry.claim or {}).get("awardedBy")):
            awarding.update(
                filter(None, (_node_id(b) for b in tree.nodes(process.get("awardingBody"))))
            )
        for opportunity in tree.nodes(entry.spec.get("awardingOpportunity")):
            awarding.update(
                filter(None, (_node_id(b) for b in tree.nodes(opportunity.get("awardingBody"))))
            )
    _envelope_report(root, report, tree, awarding)
    if VC2_CONTEXT in _contexts(root):
        report.assumed.append("assumed: a VC 2.0 envelope; the ELM content was read as in VC 1.1")
    return importer.plans


def _contexts(root: dict[str, Any]) -> list[str]:
    raw = root.get("@context")
    values = raw if isinstance(raw, list) else [raw]
    return [v for v in values if isinstance(v, str)]


def _validate(into: Path, plans: list[_Plan], report: _Report) -> None:
    """Check the new files on a temporary copy of the catalogue; raise on any error in them."""
    for plan in plans:
        if (into / plan.rel).exists():  # pragma: no cover - ids are chosen against the folder
            raise ImportError_(f"{plan.rel} already exists; nothing was written")
    with tempfile.TemporaryDirectory(prefix="credcat-import-") as tmp:
        copy = Path(tmp) / "catalogue"
        shutil.copytree(into, copy, ignore=shutil.ignore_patterns(".git", ".*", "site"))
        for plan in plans:
            target = copy / plan.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(plan.text, encoding="utf-8")
        _catalogue, problems = check_catalogue(copy, display_root=copy)
    new = {plan.rel for plan in plans}
    errors = [p for p in problems if p.path in new and p.is_error]
    if errors:
        shown = "; ".join(p.format() for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise ImportError_(
            f"the imported entry fails credcat's checks, nothing was written: {shown}{more}"
        )
    for problem in problems:
        if problem.path in new:
            report.checks.append(f"check: {problem.format()}")


def _write(into: Path, plans: list[_Plan], report: _Report) -> None:
    written: list[Path] = []
    try:
        for plan in sorted(plans, key=lambda p: (not p.rel.startswith(ORGANISATIONS_DIR), p.rel)):
            target = into / plan.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                written.append(target)
                handle.write(plan.text)
            report.written.append(f"wrote {plan.rel}")
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        report.written.clear()
        reason = (
            "it already exists" if isinstance(exc, FileExistsError) else (exc.strerror or str(exc))
        )
        raise ImportError_(
            f"cannot write {exc.filename or 'a file'}: {reason}; nothing was written"
        ) from None
