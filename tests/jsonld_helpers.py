"""Test harness for the published JSON-LD: offline expansion, SHACL validation, dropped keys.

Everything runs on vendored files only (``tests/fixtures/official`` and the package's
contexts), never on ``../shared`` and never on the network.

Three guards against vacuous conformance: a JSON-LD document whose keys or types the context
does not know expands to fewer triples, and SHACL finds nothing wrong with triples that are not
there (the edc-ap context alone defines no ``id``/``type`` aliases; ``defaultLanguage`` has no
term in it; a plain string under ``dateModified``, which maps to an IRI, is dropped):

* :func:`dropped_values` — every scalar in the JSON (texts, IRIs, numbers, dates) must survive
  expansion; a key the context does not know is silently dropped together with its values;
* :func:`type_counts` — the graph must hold the expected typed nodes;
* :func:`violations` — results are returned in full, and callers compare them exactly.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyshacl
import rdflib
from rdflib.namespace import RDF, SH

from credcat.catalogue import Catalogue
from credcat.jsonld import context_document, expand, to_nquads
from credcat.urls import Urls
from credcat.validate import load_catalogue

TESTS = Path(__file__).resolve().parent
OFFICIAL = TESTS / "fixtures" / "official"
SHACL = OFFICIAL / "shacl"
SAMPLES = OFFICIAL / "samples"

ELM = rdflib.Namespace("http://data.europa.eu/snb/model/elm/")
CRED = rdflib.Namespace("https://www.w3.org/2018/credentials#")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
DC = rdflib.Namespace("http://purl.org/dc/terms/")
LOQ_MDR = rdflib.Namespace("http://data.europa.eu/snb/model/ap/loq-constraints-mdr/")

EDC_SHAPES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl")
LOQ_SHAPES = ("LOQ-constraints.ttl", "LOQ-constraints-mdr.ttl")


CATALOGUES = {
    "fixture": TESTS / "fixtures" / "catalogues" / "elm-basic",
    "sample": TESTS.parent / "catalogue",
}
"""The catalogues whose machine files are tested: the fixture and the project's sample."""


@functools.cache
def catalogue(name: str) -> Catalogue:
    """A catalogue of :data:`CATALOGUES`, loaded once."""
    return load_catalogue(CATALOGUES[name])


def urls_of(cat: Catalogue) -> Urls:
    """The URL scheme of a catalogue."""
    return Urls(cat.settings.base_uri, cat.settings.default_language)


@functools.cache
def shapes(*names: str) -> rdflib.Graph:
    """The union of vendored shapes files (parsed once per process)."""
    graph = rdflib.Graph()
    for name in names:
        graph.parse(SHACL / name, format="turtle")
    return graph


def to_graph(document: Any) -> rdflib.Graph:
    """A JSON-LD document as an rdflib graph (contexts from the package, offline)."""
    graph = rdflib.Graph()
    graph.parse(data=to_nquads(document), format="nt")  # default graph only
    return graph


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, reduced to what identifies it."""

    focus: str
    path: str
    component: str
    value: str
    severity: str
    message: str

    def short(self) -> str:
        def tail(iri: str) -> str:
            return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

        return f"{tail(self.component)} {tail(self.path)} on {self.focus} ({self.value})"


def violations(data: rdflib.Graph, shapes_graph: rdflib.Graph) -> list[Violation]:
    """Validate and return every top-level result (any severity), sorted."""
    _conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        advanced=False,
        allow_warnings=False,
        abort_on_first=False,
    )
    assert isinstance(report, rdflib.Graph)
    found = []
    nested = set(report.objects(None, SH.detail))
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if result in nested:
            continue

        def one(pred: rdflib.URIRef, result: Any = result) -> str:
            value = report.value(result, pred)
            return "" if value is None else str(value)

        found.append(
            Violation(
                focus=one(SH.focusNode),
                path=one(SH.resultPath),
                component=one(SH.sourceConstraintComponent),
                value=one(SH.value),
                severity=one(SH.resultSeverity),
                message=one(SH.resultMessage),
            )
        )
    # The results of a nested shape (sh:node) hang under their parent result as sh:detail;
    # only the parent counts.
    return sorted(found)


def is_loq_esco_false_positive(v: Violation, data: rdflib.Graph) -> bool:
    """LOQ-mdr's ESCO rule (trap 6): it wants ``skos:inScheme`` to match
    ``^https://ec.europa.eu/esco/skill/``, which contradicts EDC-full (scheme
    ``http://data.europa.eu/esco/concept-scheme/skills``); the Commission's own ESCO skills fail
    it. Exactly that result: ``elm:relatedESCOSkill`` on a learning outcome, sh:node, the value
    an ESCO skill in the ESCO skills scheme."""
    return (
        v.path == str(ELM.relatedESCOSkill)
        and v.component == str(SH.NodeConstraintComponent)
        and (rdflib.URIRef(v.focus), RDF.type, ELM.LearningOutcome) in data
        and v.value.startswith("http://data.europa.eu/esco/skill/")
        and (
            rdflib.URIRef(v.value),
            SKOS.inScheme,
            rdflib.URIRef("http://data.europa.eu/esco/concept-scheme/skills"),
        )
        in data
    )


XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")

_XSD_LEXICAL = {
    XSD.duration: re.compile(
        r"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
    ),
    XSD.dateTime: re.compile(
        r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
        r"(\.\d+)?(Z|[+-]\d{2}:\d{2})?$"
    ),
    XSD.date: re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$"),
    XSD.decimal: re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    XSD.boolean: re.compile(r"^(true|false|1|0)$"),
    XSD.positiveInteger: re.compile(r"^\+?0*[1-9]\d*$"),
    XSD.integer: re.compile(r"^[+-]?\d+$"),
    XSD.nonNegativeInteger: re.compile(r"^\+?\d+$"),
}


_NQUAD_LITERAL = re.compile(r'^\S+ <([^>]+)> "((?:[^"\\]|\\.)*)"\^\^<([^>]+)>')


def ill_formed_literals(document: Any) -> list[tuple[str, str, str]]:
    """Typed literals whose lexical form XML Schema rejects: ``(predicate, value, datatype)``.

    rdflib parses leniently (it reads ISO 8601 ``P8W`` as an ``xsd:duration``) and rewrites
    lexical forms when it builds a graph, so pyshacl's ``sh:datatype`` passes them; the Java
    validators behind the EDC Issuer and Europass check the lexical space and report a
    violation. This reads the literals exactly as JSON-LD produces them (N-Quads, before any
    normalisation) and applies the XML Schema lexical rules of the datatypes ELM uses.
    """
    found = []
    for line in to_nquads(document).splitlines():
        match = _NQUAD_LITERAL.match(line)
        if match is None:
            continue
        predicate, value, datatype = match.groups()
        pattern = _XSD_LEXICAL.get(rdflib.URIRef(datatype))
        if pattern is not None and not pattern.match(value):
            found.append((predicate, value, datatype))
    return sorted(found)


def blank_nodes(graph: rdflib.Graph) -> set[rdflib.BNode]:
    """Blank nodes of a graph (every node credcat writes has an IRI)."""
    return {n for triple in graph for n in triple if isinstance(n, rdflib.BNode)}


Statement = tuple[str, str]
"""A named node and one of its properties (IRIs)."""
Literals = frozenset[tuple[str, str | None, str | None]]
"""The literal values of a property: text, language tag, datatype."""


def literals_of(graph: rdflib.Graph, skip: tuple[str, ...] = ()) -> dict[Statement, Literals]:
    """The literal values a graph states of each named node (not a blank node, nor a node
    whose IRI begins with one of ``skip``), by node and property."""
    found: dict[Statement, set[tuple[str, str | None, str | None]]] = {}
    for subject, predicate, value in graph:
        if not isinstance(subject, rdflib.URIRef) or not isinstance(value, rdflib.Literal):
            continue
        if skip and str(subject).startswith(skip):
            continue
        datatype = str(value.datatype) if value.datatype else None
        found.setdefault((str(subject), str(predicate)), set()).add(
            (str(value), value.language, datatype)
        )
    return {key: frozenset(values) for key, values in found.items()}


def disagreements(
    documents: Mapping[str, Any], skip: tuple[str, ...] = ()
) -> dict[Statement, dict[Literals, list[str]]]:
    """Where JSON-LD documents (by name) disagree about a node they share: a property of a
    named node to which two documents give different literal values (a document that does
    not state the property does not disagree). An aggregator that merges the documents into
    one graph gets every value at once: several untagged names, or two titles in one
    language. ``skip``: IRI prefixes of nodes each document means as its own
    (:func:`literals_of`)."""
    said: dict[Statement, dict[Literals, list[str]]] = {}
    for name, document in documents.items():
        for key, values in literals_of(to_graph(document), skip).items():
            said.setdefault(key, {}).setdefault(values, []).append(name)
    return {key: versions for key, versions in said.items() if len(versions) > 1}


def type_counts(graph: rdflib.Graph) -> Counter[str]:
    """Number of nodes per ``rdf:type``, keyed by the type IRI's last segment."""
    counts: Counter[str] = Counter()
    for _node, cls in graph.subject_objects(RDF.type):
        counts[str(cls).rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
    return counts


# --- dropped keys -------------------------------------------------------------------------

_TYPE_KEYS = frozenset({"type", "@type"})


def _json_leaves(obj: Any, key: str | None = None) -> Iterator[Any]:
    """Scalars of the JSON input, minus contexts and type names (which expand to IRIs)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "@context" or k in _TYPE_KEYS:
                continue
            yield from _json_leaves(v, k)
    elif isinstance(obj, list):
        for item in obj:
            yield from _json_leaves(item, key)
    elif obj is None:
        raise AssertionError(f"null value under {key!r}: JSON-LD drops it")
    else:
        yield obj


def _expanded_leaves(obj: Any) -> Iterator[Any]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in _TYPE_KEYS or k == "@language":
                continue
            yield from _expanded_leaves(v)
    elif isinstance(obj, list):
        for item in obj:
            yield from _expanded_leaves(item)
    elif obj is not None:
        yield obj


def _norm(value: Any) -> Any:
    return ("bool", value) if isinstance(value, bool) else value


def _relative_ids(obj: Any) -> Iterator[str]:
    """``@id``/``@type`` values that are not absolute IRIs: RDF conversion drops them."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("@id", "@type"):
                for iri in v if isinstance(v, list) else [v]:
                    if not isinstance(iri, str) or iri.startswith("_:"):
                        continue
                    if not _ABSOLUTE.match(iri):
                        yield iri
            else:
                yield from _relative_ids(v)
    elif isinstance(obj, list):
        for item in obj:
            yield from _relative_ids(item)


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def dropped_values(document: Any) -> Counter[Any]:
    """Scalars of ``document`` that do not reach RDF (empty = none lost).

    Expansion keeps every value whose key the context maps to an IRI (texts, ``@id``s,
    numbers, value objects) and silently drops the rest; comparing the multisets of scalars
    before and after finds every dropped key, at any depth. A value that expands to a relative
    ``@id`` (e.g. a plain date under ``dateModified``, which the context types as ``@id``) is
    dropped later, by the RDF conversion; it counts as dropped too.
    """
    expanded = expand(document)
    before = Counter(_norm(v) for v in _json_leaves(document))
    after = Counter(_norm(v) for v in _expanded_leaves(expanded))
    return (before - after) + Counter(_relative_ids(expanded))


def json_keys(document: Any) -> set[str]:
    """Every key used in a JSON document (outside ``@context``)."""
    keys: set[str] = set()

    def walk(obj: Any) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k == "@context":
                    continue
                keys.add(k)
                walk(v)
        elif isinstance(obj, list):
            for item in obj:
                walk(item)

    walk(document)
    return keys


def nodes_of(document: Any, type_name: str) -> Iterable[dict[str, Any]]:
    """JSON objects whose ``type`` is (or includes) ``type_name``."""
    found: list[dict[str, Any]] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, dict):
            types = obj.get("type", obj.get("@type"))
            if types == type_name or (isinstance(types, list) and type_name in types):
                found.append(obj)
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for item in obj:
                walk(item)

    walk(document)
    return found


# --- dropped keys, by term ----------------------------------------------------------------

_KEYWORD_ALIASES = frozenset({"id", "type"})


def _context_terms(context: Any, terms: dict[str, set[str]], containers: set[str]) -> None:
    """Collect term → IRI(s) from a context document, including scoped contexts."""
    if isinstance(context, list):
        for item in context:
            _context_terms(item, terms, containers)
        return
    if isinstance(context, str):
        _context_terms(context_document(context)["@context"], terms, containers)
        return
    if not isinstance(context, dict):
        return
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v[-1:] in "/#"}

    def absolute(iri: str) -> str:
        prefix, _, rest = iri.partition(":")
        return prefixes[prefix] + rest if prefix in prefixes and not rest.startswith("//") else iri

    for term, definition in context.items():
        if term.startswith("@"):
            continue
        if isinstance(definition, str):
            terms.setdefault(term, set()).add(absolute(definition))
        elif isinstance(definition, dict):
            if "@id" in definition:
                terms.setdefault(term, set()).add(absolute(definition["@id"]))
            if definition.get("@container") == "@language":
                containers.add(term)
            if "@context" in definition:
                _context_terms(definition["@context"], terms, containers)
    for prefix, iri in prefixes.items():
        terms.setdefault(prefix, set()).add(iri)


def _expanded_properties(obj: Any, found: set[str]) -> set[str]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if not k.startswith("@"):
                found.add(k)
            _expanded_properties(v, found)
    elif isinstance(obj, list):
        for item in obj:
            _expanded_properties(item, found)
    return found


def missing_keys(document: Any) -> set[str]:
    """JSON keys whose term does not reach the expanded document (empty = none dropped).

    Each key is looked up in the document's contexts (all scopes); it must be ``id``/``type``,
    a JSON-LD keyword, a language tag inside a language map, or a term (or compact IRI) whose
    IRI is a property of the expanded form.
    """
    terms: dict[str, set[str]] = {}
    containers: set[str] = set()
    _context_terms(document.get("@context", []), terms, containers)
    prefixes = {
        t: next(iter(i)) for t, i in terms.items() if len(i) == 1 and next(iter(i))[-1:] in "/#"
    }
    used = _expanded_properties(expand(document), set())
    missing: set[str] = set()

    def iris(key: str) -> set[str]:
        if key in terms:
            return terms[key]
        prefix, sep, rest = key.partition(":")
        if sep and prefix in prefixes:
            return {prefixes[prefix] + rest}
        return {key} if _ABSOLUTE.match(key) else set()

    def walk(obj: Any, parent: str | None) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k == "@context":
                    continue
                in_language_map = parent in containers
                special = k.startswith("@") or k in _KEYWORD_ALIASES or in_language_map
                if not special and not iris(k) & used:
                    missing.add(k)
                walk(v, None if in_language_map else k)
        elif isinstance(obj, list):
            for item in obj:
                walk(item, parent)

    walk(document, None)
    return missing
