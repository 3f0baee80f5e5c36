"""``credcat validate``: the official shapes and schemas, run on published files, offline.

Owns deciding what kind of file a JSON or JSON-LD document is (:func:`detect`), running the
official validation for that kind on it (:func:`validate_document`) and wording each result for
a maintainer, with the JSON path of the value it is about (:class:`Finding`).

========================  ==================================================================
kind                      checked against (package data, ``credcat/shapes/``)
========================  ==================================================================
``edc``                   an European Digital Credential (plain, in the EDC Issuer's upload
                          form ``{"credential": …}``, or JAdES-signed with the credential in
                          ``payload``): ELM 3.2 ``EDC-generic-no-cv`` + ``EDC-generic-full``
``elm``                   ELM JSON-LD without a credential around it (a specification, a
                          catalogue graph): the same EDC shapes
``loq``                   learning opportunities for Europass: ``LOQ-constraints`` (the
                          Python-``re`` compatible copy) + ``LOQ-constraints-mdr``
``ob3``                   an Open Badges 3.0 ``Achievement`` or ``AchievementCredential``: the
                          1EdTech JSON Schema of an ``AchievementCredential`` (a standalone
                          achievement against its ``Achievement`` definition)
``ebsi``                  an EDC as a W3C Verifiable Credential 2.0 (EBSI wallets): the EBSI
                          Europass EDC JSON Schema (VCDM 2.0) with the attestation schema it
                          refers to. Its two contexts cannot be expanded together (VC 2.0
                          protects the terms edc-ap redefines), so no shape can run on it.
========================  ==================================================================

Three guards against vacuous conformance (see the domain notes): contexts come from the package
(:mod:`credcat.jsonld`; nothing is fetched), a JSON-LD file must expand to typed ELM nodes
(a file whose context defines no ``type`` "conforms" to any shape), and every key must reach
the graph (a key the context does not know is dropped silently, with its values).

An **unsealed** credential (no ``proof``) cannot hold what the EDC Issuer adds when it seals
(``issued``, the issuer's eIDAS identifier, the display image of each language) or what it
asks the issuer for each learner (``validFrom``, each assessment's ``grade``): those results
are reported as *left for the issuer*, not as violations, so a catalogue's CI passes on
``edc-template.json``.

pyshacl, rdflib, PyLD and jsonschema are the optional extra ``credcat[validate]``; they are
imported on first use, and :class:`MissingExtra` says how to install them. Shapes graphs and
schemas are parsed once per process.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .jsonld import OB3_CONTEXT, canonical_context_url, context_document

__all__ = [
    "KINDS",
    "FileReport",
    "Finding",
    "MissingExtra",
    "detect",
    "validate_document",
    "validate_path",
]

KINDS = {
    "edc": "European Digital Credential",
    "elm": "ELM 3 description",
    "loq": "Europass learning opportunities (LOQ)",
    "ob3": "Open Badges 3.0",
    "ebsi": "European Digital Credential (VCDM 2.0, EBSI)",
}
"""Kinds of file :func:`detect` recognises, with their names for people."""

SHAPES = {
    "edc": ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl"),
    "elm": ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl"),
    "loq": ("LOQ-constraints.ttl", "LOQ-constraints-mdr.ttl"),
}
"""The shapes files each JSON-LD kind is validated against (in ``credcat/shapes/``)."""

OB3_SCHEMA = "ob3-achievementcredential.schema.json"
"""The 1EdTech JSON Schema of an Open Badges 3.0 ``AchievementCredential``."""
EBSI_SCHEMA = "ebsi-vcdm2.0-europass-edc.schema.json"
"""The EBSI JSON Schema of a Europass EDC as a W3C Verifiable Credential 2.0."""
EBSI_ATTESTATION_SCHEMA = "ebsi-vcdm2.0-attestation.schema.json"
"""The EBSI attestation schema the EDC schema refers to (``./vcdm2.0-attestation-schema/``)."""
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"

ELM = "http://data.europa.eu/snb/model/elm/"
CRED = "https://www.w3.org/2018/credentials#"
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_SEAL_TIME = {
    (CRED + "issued", "MinCountConstraintComponent"),
    (CRED + "issuer", "NodeConstraintComponent"),
    (CRED + "validFrom", "MinCountConstraintComponent"),
    (ELM + "displayDetail", "MinCountConstraintComponent"),
    (ELM + "grade", "MinCountConstraintComponent"),
}
"""Results an unsealed credential gives by design: the EDC Issuer adds ``issued`` and the
issuer's eIDAS identifier and generates each display image when it seals; the issuer supplies
``validFrom`` and each grade per learner."""


class MissingExtra(RuntimeError):
    """The optional validation libraries are not installed."""

    def __init__(self, module: str) -> None:
        super().__init__(
            f"credcat validate needs the optional validation libraries ({module} is missing): "
            "install them with  pip install 'credcat[validate]'"
        )


@dataclass(frozen=True, order=True)
class Finding:
    """One result: where (a JSON path), what (in words) and which check found it."""

    path: str
    message: str
    check: str
    left_for_issuer: bool = False

    def format(self, file: str) -> str:
        """``FILE: $.json.path: message [check]``."""
        tag = (
            " (left for the issuer: supplied or added when sealing)" if self.left_for_issuer else ""
        )
        return f"{file}: {self.path}: {self.message}{tag} [{self.check}]"


@dataclass
class FileReport:
    """What validating one file found."""

    file: str
    kind: str | None
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None

    @property
    def violations(self) -> list[Finding]:
        """The findings that make the file fail."""
        return [f for f in self.findings if not f.left_for_issuer]


# --- libraries --------------------------------------------------------------------------------


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(module) from exc


def check_extra() -> None:
    """Raise :class:`MissingExtra` unless every validation library is importable."""
    for module in ("pyshacl", "rdflib", "pyld", "jsonschema", "referencing"):
        _require(module)


def _shape_file(name: str) -> Any:
    return resources.files(__package__ or "credcat").joinpath("shapes", name)


@functools.cache
def shapes_graph(kind: str) -> Any:
    """The union of the shapes files of a kind, parsed once per process."""
    rdflib = _require("rdflib")
    graph = rdflib.Graph()
    for name in SHAPES[kind]:
        graph.parse(data=_shape_file(name).read_text(encoding="utf-8"), format="turtle")
    return graph


@functools.cache
def _ob3_validators() -> tuple[Any, Any]:
    """JSON Schema validators: the whole ``AchievementCredential``, and its ``Achievement``."""
    jsonschema = _require("jsonschema")
    schema = json.loads(_shape_file(OB3_SCHEMA).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    achievement = {
        "$schema": schema["$schema"],
        "$ref": "#/$defs/Achievement",
        "$defs": schema["$defs"],
    }
    return (
        cls(schema, format_checker=cls.FORMAT_CHECKER),
        cls(achievement, format_checker=cls.FORMAT_CHECKER),
    )


@functools.cache
def _ebsi_validator() -> Any:
    """The EBSI Europass EDC schema, its relative ``$ref`` to the attestation schema resolved
    to the package's copy (never fetched)."""
    jsonschema = _require("jsonschema")
    referencing = _require("referencing")
    from urllib.parse import urljoin

    schema = json.loads(_shape_file(EBSI_SCHEMA).read_text(encoding="utf-8"))
    attestation = json.loads(_shape_file(EBSI_ATTESTATION_SCHEMA).read_text(encoding="utf-8"))
    target = urljoin(schema.get("$id", ""), "./vcdm2.0-attestation-schema/schema.json")
    registry = referencing.Registry().with_resource(
        target, referencing.Resource.from_contents(attestation)
    )
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


# --- what kind of file ------------------------------------------------------------------------


def _contexts(document: Any) -> list[str]:
    context = document.get("@context") if isinstance(document, dict) else None
    items = context if isinstance(context, list) else [context]
    return [c for c in items if isinstance(c, str)]


def _types(node: Any) -> list[str]:
    if not isinstance(node, dict):
        return []
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def _all_types(document: Any) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            found.update(_types(value))
            for key, item in value.items():
                if key != "@context":
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return found


def unwrap(document: Any) -> tuple[Any, str]:
    """The credential inside an upload form or a JAdES-signed document, with its JSON path."""
    if isinstance(document, dict) and isinstance(document.get("credential"), dict):
        return document["credential"], "$.credential"
    if isinstance(document, dict) and isinstance(document.get("payload"), str):
        try:
            inner = json.loads(document["payload"])
        except ValueError:
            return document, "$"
        if isinstance(inner, dict):
            return inner, "$.payload"
    return document, "$"


def detect(document: Any) -> str | None:
    """The kind of a parsed JSON document (a key of :data:`KINDS`), or ``None``."""
    inner, _ = unwrap(document)
    if not isinstance(inner, dict):
        return None
    contexts = [canonical_context_url(c) or c for c in _contexts(inner)]
    types = _all_types(inner)
    if OB3_CONTEXT in contexts or {"Achievement", "AchievementCredential"} & types:
        return "ob3"
    if not any("edc-ap" in c or "snb/model" in c for c in contexts):
        return None
    if any(c.rstrip("/") == VC2_CONTEXT for c in contexts):
        return "ebsi"
    if "VerifiableCredential" in types or "EuropeanDigitalCredential" in types:
        return "edc"
    if "LearningOpportunity" in types:
        return "loq"
    return "elm"


# --- JSON paths -------------------------------------------------------------------------------


@functools.cache
def _context_info(contexts: tuple[str, ...]) -> tuple[dict[str, str], frozenset[str]]:
    """Property IRI → the JSON key the contexts name it with (for JSON paths), and the terms
    that are language maps."""
    names: dict[str, str] = {}
    language_maps: set[str] = set()

    def read(context: Any) -> None:
        if isinstance(context, list):
            for item in context:
                read(item)
            return
        if not isinstance(context, dict):
            return
        prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v[-1:] in "/#"}
        for term, definition in context.items():
            iri = definition.get("@id") if isinstance(definition, dict) else definition
            if not isinstance(iri, str) or term.startswith("@"):
                continue
            prefix, sep, rest = iri.partition(":")
            if sep and prefix in prefixes and not rest.startswith("//"):
                iri = prefixes[prefix] + rest
            names.setdefault(iri, term)
            if isinstance(definition, dict):
                if definition.get("@container") == "@language":
                    language_maps.add(term)
                if "@context" in definition:
                    read(definition["@context"])

    for url in contexts:
        if canonical_context_url(url) is not None:
            read(context_document(url)["@context"])
    return names, frozenset(language_maps)


def _node_paths(document: Any, root: str) -> dict[str, str]:
    """Node IRI → JSON path of the object that describes it (the fullest one)."""
    paths: dict[str, tuple[int, str]] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            node_id = value.get("id", value.get("@id"))
            if isinstance(node_id, str):
                size = len(value)
                if node_id not in paths or size > paths[node_id][0]:
                    paths[node_id] = (size, path)
            for key, item in value.items():
                if key != "@context":
                    walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(document, root)
    return {iri: path for iri, (_size, path) in paths.items()}


def _tail(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- SHACL ------------------------------------------------------------------------------------


def _words(report: Any, shapes: Any, result: Any, names: dict[str, str]) -> str:
    """A SHACL result in words."""
    rdflib = _require("rdflib")
    ns = rdflib.Namespace(SH)
    prop = str(report.value(result, ns.resultPath) or "")
    name = names.get(prop, _tail(prop) if prop else "the node")
    component = _tail(str(report.value(result, ns.sourceConstraintComponent) or ""))
    component = component.removesuffix("ConstraintComponent")
    value = report.value(result, ns.value)
    shown = "" if value is None else str(value)
    shape = report.value(result, ns.sourceShape)

    def param(predicate: str) -> str:
        found = shapes.value(shape, ns[predicate]) if shape is not None else None
        return "" if found is None else str(found)

    if component == "MinCount":
        text = f"'{name}' is required but missing"
        if int(param("minCount") or 1) > 1:
            text = f"'{name}' needs at least {param('minCount')} values"
    elif component == "MaxCount":
        text = f"'{name}' may have at most {param('maxCount')} value(s)"
    elif component == "Class":
        text = f"'{name}' must be a {_tail(param('class'))}; {shown} is not"
    elif component == "Datatype":
        text = f"'{name}' must be a {_tail(param('datatype'))}; {shown!r} is not"
    elif component == "NodeKind":
        text = f"'{name}' must be a {_tail(param('nodeKind'))}: {shown!r}"
    elif component == "Pattern":
        text = f"'{name}': {shown!r} does not have the required form ({param('pattern')})"
    elif component == "In":
        text = f"'{name}': {shown} is not one of the allowed values"
    elif component == "HasValue":
        text = f"'{name}' must be {param('hasValue')}"
    elif component == "Closed":
        text = f"'{name}' is not allowed here: the profile does not define it for this node"
    elif component == "UniqueLang":
        text = f"'{name}' has two texts in the same language"
    elif component in {"Node", "Or", "Xone", "And", "Not"}:
        details = [_words(report, shapes, d, names) for d in report.objects(result, ns.detail)]
        text = f"'{name}': {shown} does not meet the rules for its value"
        if details:
            text += " (" + "; ".join(sorted(details)[:3]) + ")"
    else:
        text = f"'{name}': {shown} fails the {component} rule"
    message = param("message")
    if message and component not in {"Node", "Or"}:
        text += f" — {message}"
    return text


def _shacl_findings(document: Any, kind: str, root: str) -> list[Finding]:
    pyshacl = _require("pyshacl")
    rdflib = _require("rdflib")
    from .jsonld import to_nquads

    ns = rdflib.Namespace(SH)
    check = "+".join(name.removesuffix(".ttl") for name in SHAPES[kind])
    try:
        nquads = to_nquads(document)
    except Exception as exc:  # pyld raises JsonLdError and friends
        return [Finding(root, f"not valid JSON-LD: {_first_line(exc)}", "JSON-LD")]
    data = rdflib.Graph()
    data.parse(data=nquads, format="nt")
    findings: list[Finding] = []
    typed = {o for o in data.objects(None, rdflib.URIRef(RDF_TYPE)) if str(o).startswith(ELM)}
    if not typed:
        findings.append(
            Finding(
                root,
                "no ELM node: the @context defines no types (use "
                '["https://www.w3.org/2018/credentials/v1", '
                '"http://data.europa.eu/snb/model/context/edc-ap"]), so every shape would pass',
                "JSON-LD",
            )
        )
    findings += _dropped(document, root)
    shapes = shapes_graph(kind)
    report = _run_shacl(pyshacl, data, kind)
    names, _maps = _context_info(tuple(_contexts(document)))
    paths = _node_paths(document, root)
    unsealed = kind == "edc" and "proof" not in document
    nested = set(report.objects(None, ns.detail))
    for result in report.subjects(rdflib.URIRef(RDF_TYPE), ns.ValidationResult):
        if result in nested:
            continue
        focus = report.value(result, ns.focusNode)
        prop = str(report.value(result, ns.resultPath) or "")
        component = _tail(str(report.value(result, ns.sourceConstraintComponent) or ""))
        name = names.get(prop, _tail(prop) if prop else "the node")
        if isinstance(focus, rdflib.BNode):
            where = f"{root} (a node without id: {_describe_blank(data, focus)})"
        else:
            where = paths.get(str(focus), f"{root} (node {focus})")
        if prop:
            where += f".{name}"
        findings.append(
            Finding(
                where,
                _words(report, shapes, result, names),
                check,
                left_for_issuer=unsealed and (prop, component) in _SEAL_TIME,
            )
        )
    return sorted(findings)


@functools.cache
def _harvested(kind: str) -> Any:
    """pyshacl's shapes of a kind, harvested once per process (the slow part of a run)."""
    from pyshacl.shapes_graph import ShapesGraph

    harvested = ShapesGraph(shapes_graph(kind))
    _ = harvested.shapes  # the property harvests the shapes and caches them
    return harvested


def _run_shacl(pyshacl: Any, data: Any, kind: str) -> Any:
    """Validate one data graph; the report graph.

    pyshacl builds and harvests its shapes graph at every ``validate`` call, which costs as
    much as validating a credential; the validator is therefore given the shapes harvested once
    (:func:`_harvested`). Should pyshacl's internals change, the public entry point is used.
    """
    try:
        from pyshacl.graph_abstraction import DataGraph

        validator = pyshacl.Validator(
            DataGraph.from_rdflib(data),
            shacl_graph=shapes_graph(kind),
            options={"inference": "none", "advanced": False, "abort_on_first": False},
        )
        validator.shacl_graph = _harvested(kind)
        _conforms, report, _text = validator.run()
    except (AttributeError, ImportError, TypeError):  # pragma: no cover - other pyshacl
        _conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes_graph(kind),
            inference="none",
            advanced=False,
            allow_warnings=False,
            abort_on_first=False,
        )
    return report


def _describe_blank(graph: Any, node: Any) -> str:
    types = sorted(_tail(str(o)) for p, o in graph.predicate_objects(node) if str(p) == RDF_TYPE)
    return ", ".join(types) or "untyped"


def _first_line(exc: BaseException) -> str:
    """The innermost message of an error (PyLD wraps the cause, e.g. "protected term
    redefinition", in "could not expand input"), on one line."""
    seen = 0
    while seen < 10:
        inner = getattr(exc, "cause", None) or exc.__cause__
        if not isinstance(inner, BaseException):
            break
        exc, seen = inner, seen + 1
    code = getattr(exc, "code", None)
    text = str(getattr(exc, "message", None) or exc).strip()
    if isinstance(code, str) and code not in text:
        text = f"{code}: {text}"
    return (text.splitlines() or [type(exc).__name__])[0][:300]


def _dropped(document: Any, root: str) -> list[Finding]:
    """Keys that do not reach the graph (the context does not know them)."""
    names, language_maps = _context_info(tuple(_contexts(document)))
    known = set(names.values())
    context = document.get("@context") if isinstance(document, dict) else None
    for inline in context if isinstance(context, list) else [context]:
        if isinstance(inline, dict):  # terms the document defines itself
            known.update(k for k in inline if not k.startswith("@"))
            language_maps |= {
                k
                for k, v in inline.items()
                if isinstance(v, dict) and v.get("@container") == "@language"
            }
    findings: list[Finding] = []

    def walk(value: Any, path: str, parent: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "@context":
                    continue
                special = key.startswith("@") or key in {"id", "type"} or ":" in key
                in_map = parent in language_maps
                if not special and not in_map and key not in known:
                    findings.append(
                        Finding(
                            f"{path}.{key}",
                            f"'{key}' is not a term of the @context: JSON-LD drops it and its "
                            "values, so no reader of the data sees them",
                            "JSON-LD",
                        )
                    )
                    continue
                walk(item, f"{path}.{key}", key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]", parent)

    walk(document, root, "")
    return findings


# --- OB3 --------------------------------------------------------------------------------------


def _schema_findings(validator: Any, document: Any, check: str, root: str = "$") -> list[Finding]:
    """JSON Schema errors, each at its JSON path. An error of ``anyOf``/``oneOf`` (a value that
    fits none of several forms) is replaced by the deepest error inside it (the form that got
    furthest), so the path and the words point at the missing or wrong key rather than at the
    whole object."""
    findings = set()
    for error in validator.iter_errors(document):
        if error.context:
            error = max(_leaf_errors(error), key=lambda e: len(e.absolute_path))
        path = root + "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
        )
        message = error.message
        if len(message) > 200:  # the message repeats the whole value
            message = f"the value does not fit the schema ({error.validator} rule)"
        findings.add(Finding(path, _first_line(Exception(message)), check))
    return sorted(findings)


def _leaf_errors(error: Any) -> list[Any]:
    """The innermost errors of an ``anyOf``/``oneOf`` error, leaving out the alternatives meant
    for another kind of node (those whose ``type`` constant does not match: a
    ``LearningActivity`` form tried on a ``LearningAchievement``)."""
    if not error.context:
        return [error]
    base = len(error.absolute_path)
    branches: dict[Any, list[Any]] = {}
    for inner in error.context:
        key = inner.relative_schema_path[0] if inner.relative_schema_path else None
        branches.setdefault(key, []).append(inner)

    def other_kind(branch: list[Any]) -> bool:
        return any(
            e.validator == "const"
            and e.absolute_path
            and e.absolute_path[-1] == "type"
            and len(e.absolute_path) - base <= 2
            for e in branch
        )

    kept = [b for b in branches.values() if not other_kind(b)] or list(branches.values())
    return [leaf for branch in kept for inner in branch for leaf in _leaf_errors(inner)]


def _ob3_findings(document: Any) -> list[Finding]:
    whole, achievement = _ob3_validators()
    if "Achievement" in _types(document):
        return _schema_findings(achievement, document, "OB3 Achievement")
    return _schema_findings(whole, document, "OB3 AchievementCredential")


# --- entry points -----------------------------------------------------------------------------


def validate_document(document: Any, kind: str | None = None) -> tuple[str | None, list[Finding]]:
    """Validate a parsed document: its kind (detected unless given) and every finding."""
    kind = kind or detect(document)
    if kind is None:
        return None, []
    if kind == "ob3":
        return kind, _ob3_findings(document)
    inner, root = unwrap(document)
    if kind == "ebsi":
        return kind, _schema_findings(_ebsi_validator(), inner, "EBSI EDC (VCDM 2.0)", root)
    return kind, _shacl_findings(inner, kind, root)


DATA_SUFFIXES = (".json", ".jsonld")


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for found in sorted(path.rglob("*")):
            if found.suffix in DATA_SUFFIXES and found.is_file() and not found.is_symlink():
                yield found
    else:
        yield path


def validate_path(path: Path) -> Iterator[FileReport]:
    """Validate a file, or every ``.json``/``.jsonld`` file under a folder (sorted by path).

    In a folder, files of no known kind (``catalogue.json``, ``catalogue-texts.json``, search
    indexes) are skipped; a file named on its own must be of a known kind.
    """
    folder = path.is_dir()
    for file in _files(path):
        shown = str(file)
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            if folder and file.suffix == ".json":
                yield FileReport(shown, None, skipped="not JSON")
                continue
            yield FileReport(shown, None, [Finding("$", f"cannot be read as JSON: {exc}", "JSON")])
            continue
        kind = detect(document)
        if kind is None:
            if folder:
                yield FileReport(shown, None, skipped="not an EDC, ELM, LOQ or OB3 file")
            else:
                yield FileReport(
                    shown,
                    None,
                    [
                        Finding(
                            "$",
                            "not an EDC, ELM, LOQ or Open Badges 3.0 document: no "
                            "edc-ap or Open Badges @context",
                            "kind",
                        )
                    ],
                )
            continue
        _kind, findings = validate_document(document, kind)
        yield FileReport(shown, kind, findings)
