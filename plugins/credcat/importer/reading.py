"""Reading the input: the file, the JSON, the envelope around the credential.

Input: one JSON(-LD) file, at most 5 MiB, UTF-8, in one of these forms:

* an unsigned EDC (VC 1.1 or VC 2.0 envelope, the compacted ``edc-ap`` form the Commission's
  samples use);
* the EDC Issuer's upload form ``{"credential": {…}}``;
* the sealed JAdES form ``{"payload": "<credential JSON as a string>", "signatures": […]}``;
* a standalone specification: a document whose root is a ``Qualification`` or a
  ``LearningAchievementSpecification``.

The JSON is read strictly: a key twice in one object is refused (as the YAML loader refuses it:
which value was meant?), and so are ``NaN``/``Infinity`` and numbers too long to convert. Every
string value then loses its control, zero-width and bidirectional-control characters (``NUL``,
``ESC``, U+202E …: Trojan Source), so that none can reach the YAML; each string that lost some
is named in the report.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path
from typing import Any

from .base import (
    CREDENTIAL_TYPES,
    MAX_BYTES,
    RECORD_MARK,
    SPEC_TYPES,
    ImportFailed,
    ImportUsageError,
    Report,
    Tree,
    id_of,
    label_of,
    types_of,
)

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

KNOWN_CONTEXTS = frozenset(
    {
        "https://www.w3.org/2018/credentials/v1",
        "https://www.w3.org/ns/credentials/v2",
        "http://data.europa.eu/snb/model/context/edc-ap",
    }
)
"""The ``@context`` URLs of an EDC (VC 1.1 or 2.0 and the ELM application profile)."""
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"

UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
"""Characters never written into the YAML: C0 controls except tab and line feed, DEL, C1
controls (U+0085 is a YAML line break), zero-width characters, line and paragraph separators,
bidirectional embeddings, overrides and isolates, the byte-order mark, interlinear annotation
marks and lone surrogates (which no UTF-8 file can hold)."""
MAX_DROPPED_LINES = 20
"""Most report lines naming strings that lost characters; the rest are counted in one line."""


# --- the file and the JSON ----------------------------------------------------------------


def read_json(path: Path) -> Any:
    """Read and parse the input file.

    Raises:
        ImportFailed: The file is missing, not a regular file, too large, not UTF-8, empty or
            not strict JSON.
    """
    check_source(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailed(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} (5 MiB)")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ImportFailed(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ImportFailed(f"file is more than {MAX_BYTES:,} bytes; the limit is 5 MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise ImportFailed("file is empty")
    return parse_json(text, "file")


def check_source(path: Path) -> None:
    """Refuse an input that is no file: none there, a folder, a device.

    Raises:
        ImportUsageError: With what to give instead.
    """
    if not path.exists():
        raise ImportUsageError("file not found")
    if path.is_dir():
        raise ImportUsageError(_folder_given(path))
    if not path.is_file():
        raise ImportUsageError("not a file")


def _folder_given(path: Path) -> str:
    """What to give instead of a folder: the file to import, and the folder as ``--into``
    when it is a catalogue; a built site's ``catalogue.jsonld``."""
    if (path / "catalogue.yaml").is_file():
        return (
            "a catalogue folder, not a file to import: give the file first and the catalogue "
            f"with --into (credcat import FILE --into {path})"
        )
    if (path / "catalogue.jsonld").is_file():
        return (
            "a folder, not a file: give one of its files, e.g. "
            f"{path / 'catalogue.jsonld'} for every credential of the site"
        )
    return "a folder, not a file: give a .json or .jsonld file"


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text: str, what: str) -> Any:
    """Parse strict JSON: no duplicate keys, no ``NaN``/``Infinity``.

    Args:
        text: The JSON text.
        what: How to name it in a message (``file``, ``the signed payload``).

    Raises:
        ImportFailed: With a one-line message saying what is wrong.
    """
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            f"{what} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except _DuplicateKey as exc:
        shown = exc.key if len(exc.key) <= 80 else exc.key[:79] + "…"
        raise ImportFailed(
            f"{what} has the key '{shown}' twice in one object; which value is meant? "
            "(JSON-LD, like credcat's YAML, refuses duplicate keys)"
        ) from None
    except RecursionError:
        raise ImportFailed(f"{what} is nested too deeply to be a credential") from None
    except ValueError as exc:  # NaN/Infinity, or an integer of thousands of digits
        raise ImportFailed(f"{what} is not strict JSON: {str(exc)[:200]}") from None


def clean_strings(data: Any, report: Report) -> Any:
    """A copy of ``data`` whose string values hold no :data:`UNSAFE_CHARACTERS`.

    Each string that lost characters is named in the report (by its JSON path); keys keep
    theirs (they are never written to YAML, and reports escape them). A carriage return before
    a line feed is a Windows line end and goes silently.
    """
    dropped: list[str] = []

    def clean(value: str, path: str) -> str:
        text = value.replace("\r\n", "\n")
        found = UNSAFE_CHARACTERS.findall(text)
        if not found:
            return text
        names = sorted({f"U+{ord(c):04X}" for c in found})
        shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        dropped.append(f"{path or '$'} ({shown})")
        return UNSAFE_CHARACTERS.sub("", text)

    def walk(value: Any, path: str) -> Any:
        stack: list[tuple[Any, str, Any, Any]] = []
        root_box: list[Any] = [None]
        stack.append((value, path, root_box, 0))
        while stack:
            item, where, parent, key = stack.pop()
            if isinstance(item, str):
                parent[key] = clean(item, where)
            elif isinstance(item, dict):
                copy: dict[str, Any] = dict.fromkeys(item)
                parent[key] = copy
                for k in reversed(list(item)):
                    stack.append((item[k], f"{where}.{k}" if where else k, copy, k))
            elif isinstance(item, list):
                items: list[Any] = [None] * len(item)
                parent[key] = items
                for i in reversed(range(len(item))):
                    stack.append((item[i], f"{where}[{i}]", items, i))
            else:
                parent[key] = item
        return root_box[0]

    out = walk(data, "")
    for line in dropped[:MAX_DROPPED_LINES]:
        report.dropped.append(
            f"dropped: control or bidirectional characters from {line} — they could hide or "
            "reorder text (Trojan Source); check the text"
        )
    if len(dropped) > MAX_DROPPED_LINES:
        report.dropped.append(
            f"dropped: control or bidirectional characters from {len(dropped) - MAX_DROPPED_LINES}"
            " more strings"
        )
    return out


# --- the wrappers -------------------------------------------------------------------------


def unwrap(data: Any) -> tuple[Any, list[str]]:
    """Remove the upload and the seal wrappers; returns the document and report lines."""
    notes: list[str] = []
    if isinstance(data, dict) and "payload" in data and not types_of(data):
        payload = data["payload"]
        if not isinstance(payload, str):
            raise ImportFailed("the signed payload is not a string holding the credential JSON")
        try:
            inner = parse_json(payload, "the signed payload")
        except ImportFailed as exc:
            if "is not JSON" not in str(exc):
                raise
            inner = _base64_json(payload)
        if not isinstance(inner, dict):
            raise ImportFailed("the signed payload is JSON but not a credential (not an object)")
        notes.append(
            "not imported: signatures — the seal belongs to the issued credential, "
            "and the import does not verify it"
        )
        data = inner
    if isinstance(data, dict) and isinstance(data.get("credential"), dict) and not types_of(data):
        data = data["credential"]
    return data, notes


def _base64_json(payload: str) -> Any:
    text = payload.strip()
    try:
        decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("utf-8")
    except (binascii.Error, ValueError):
        raise ImportFailed("the signed payload is not JSON (nor base64url-encoded JSON)") from None
    try:
        return parse_json(decoded, "the signed payload")
    except ImportFailed as exc:
        if "is not JSON" in str(exc):
            raise ImportFailed(
                "the signed payload is not JSON (nor base64url-encoded JSON)"
            ) from None
        raise


# --- the envelope -------------------------------------------------------------------------


def _beside_its_version(node: dict[str, Any], described: set[str]) -> bool:
    """Whether ``node`` is a credcat record whose current version the same graph describes
    (an older ``catalogue.jsonld``): that version is the credential to import."""
    current = node.get(RECORD_MARK)
    return (
        isinstance(current, dict)
        and isinstance(current.get("id"), str)
        and (current["id"] in described)
    )


def classify(data: Any) -> list[tuple[dict[str, Any], str]]:
    """The root nodes, each with its JSON path; raises when there is neither EDC nor spec.

    A document of one credential or specification has one root, its JSON path ``""``. A
    ``@graph`` may hold several (credcat's ``catalogue.jsonld`` holds every credential of a
    catalogue): each credential or specification in it is a root (``@graph[3]``), except
    an older credcat's unversioned records, which stand beside the full specification of
    their current version; the path of a graph's only root is ``@graph``.
    """
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        # an identifier is a text; anything else (a list, an object) names nothing here
        described = {
            node["id"]
            for node in data["@graph"]
            if isinstance(node, dict) and isinstance(node.get("id"), str)
        }
        roots = [
            (node, f"@graph[{i}]")
            for i, node in enumerate(data["@graph"])
            # an older credcat record (catalogue.jsonld): its current version is in the graph
            if isinstance(node, dict)
            and not _beside_its_version(node, described)
            and (CREDENTIAL_TYPES | SPEC_TYPES) & set(types_of(node))
        ]
        if len(roots) == 1:
            return [(roots[0][0], "@graph")]
        if roots:
            return roots
    if isinstance(data, list):
        for node in data:
            if isinstance(node, dict) and (CREDENTIAL_TYPES | SPEC_TYPES) & set(types_of(node)):
                return [(node, "")]
        raise ImportFailed("the JSON is a list, not a European Digital Credential")
    if not isinstance(data, dict):
        raise ImportFailed("the JSON is not an object, so not a European Digital Credential")
    types = set(types_of(data))
    if types & SPEC_TYPES:
        return [(data, "")]
    if types & CREDENTIAL_TYPES:
        if not isinstance(data.get("credentialSubject"), dict | list):
            raise ImportFailed("the credential has no credentialSubject")
        return [(data, "")]
    shown = ", ".join(sorted(types)) or "none"
    raise ImportFailed(
        f"not a European Digital Credential or a Qualification / LearningAchievementSpecification "
        f"(type: {shown})"
    )


def envelope_report(root: dict[str, Any], report: Report, tree: Tree, awarding: set[str]) -> None:
    """Report lines for the envelope: learner, issuing and seal data, unknown keys."""
    if SPEC_TYPES & set(types_of(root)):
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
    if issuer is not None and id_of(issuer) not in awarding:
        report.envelope.append(
            f"not imported: issuer ('{label_of(issuer)}') — the catalogue names awarding bodies; "
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


def contexts(root: dict[str, Any]) -> list[str]:
    """The ``@context`` URLs of the root node."""
    raw = root.get("@context")
    values = raw if isinstance(raw, list) else [raw]
    return [v for v in values if isinstance(v, str)]
