"""Succession and fingerprints in the machine-readable files: the data the renderers will add.

The properties are DCMI terms through the ``dc`` prefix of the ELM context (``dc:replaces``,
``dc:hasVersion``, ``dc:isReplacedBy``) and an ELM ``Identifier`` for the fingerprint. These
tests splice them into the published specification and check that they survive JSON-LD
expansion and that the official EDC shapes still accept the document.
"""

from __future__ import annotations

from typing import Any

import rdflib

from credcat.jsonld import EDC_CONTEXT
from credcat.render.data.elm import elm_document
from credcat.render.data.machine import credential_nodes
from credcat.versions import (
    fingerprint_identifier,
    load_archive,
    succession,
    version_properties,
    versions_json,
)
from jsonld_helpers import (
    DC,
    EDC_SHAPES,
    ELM,
    catalogue,
    dropped_values,
    missing_keys,
    shapes,
    to_graph,
    urls_of,
    violations,
)


def with_succession(cid: str, version: str) -> tuple[dict[str, Any], Any]:
    cat = catalogue("sample")
    urls = urls_of(cat)
    archive, problems = load_archive(cat)
    assert problems == []
    succ = succession(cat, cid)
    release = archive.get(cid, version)
    assert release is not None
    document = elm_document(cat, release.credential, urls)
    document["identifier"] = [
        document["identifier"],
        fingerprint_identifier(urls, cid, version, release.fingerprint),
    ]
    document.update(version_properties(succ, urls, version))
    return document, urls


def test_a_version_names_the_one_it_replaces_and_conforms() -> None:
    document, urls = with_succession("data-analysis-python", "1.1")
    assert missing_keys(document) == set()
    assert not dropped_values(document)
    graph = to_graph(document)
    spec = rdflib.URIRef(urls.spec_iri("data-analysis-python", "1.1"))
    assert list(graph.objects(spec, DC.replaces)) == [
        rdflib.URIRef(urls.spec_iri("data-analysis-python", "1.0"))
    ]
    assert violations(graph, shapes(*EDC_SHAPES)) == []


def test_the_first_version_replaces_nothing_and_never_names_a_later_one() -> None:
    document, _urls = with_succession("data-analysis-python", "1.0")
    assert "dc:replaces" not in document
    assert "1.1" not in str(document)


def test_a_superseded_record_names_its_successor_and_versions() -> None:
    cat = catalogue("sample")
    urls = urls_of(cat)
    (record,) = credential_nodes(cat, cat.credentials["research-data-management"], urls)
    document = {"@context": list(EDC_CONTEXT), "@graph": [record]}
    assert not dropped_values(document)
    graph = to_graph(document)
    own = rdflib.URIRef(urls.record_iri("research-data-management"))
    assert list(graph.objects(own, DC.isReplacedBy)) == [
        rdflib.URIRef(urls.record_iri("fair-research-data"))
    ]
    version = rdflib.URIRef(urls.spec_iri("research-data-management", "1.0"))
    assert list(graph.objects(own, DC.hasVersion)) == [version]
    assert list(graph.objects(version, DC.isReplacedBy)) == []  # a version names no later one
    # the record is the one node with the content and a status: the live one; the version
    # is named by its IRI only (its own elm.jsonld says the status it was released with)
    assert list(graph.subject_objects(ELM.status)) == [(own, rdflib.Literal("superseded"))]
    assert len(list(graph.objects(own, ELM.learningOutcome))) == len(
        cat.credentials["research-data-management"].outcomes
    )
    assert {str(p) for p in graph.predicates(version)} == {"http://www.w3.org/ns/adms#identifier"}
    assert violations(graph, shapes(*EDC_SHAPES)) == []


def test_catalogue_json_version_list() -> None:
    cat = catalogue("sample")
    listed = versions_json(succession(cat, "digital-inclusion-coaching"))
    assert [(v["version"], v["released"], v["replaces"], v["current"]) for v in listed] == [
        ("1.0", "2023-03-06", None, False),
        ("1.1", "2024-02-05", "1.0", True),
    ]
    assert all(str(v["fingerprint"]).startswith("sha256:") for v in listed)
