"""The ELM 3 renderings validate against the official shapes, and not vacuously.

For every credential of the fixture catalogue (``tests/fixtures/catalogues/elm-basic``) and of
the sample catalogue (``catalogue/``):

* ``elm.jsonld`` conforms to EDC-generic-no-cv + EDC-generic-full;
* ``opportunities.jsonld`` conforms to LOQ-constraints + LOQ-constraints-mdr, except LOQ-mdr's
  ESCO rule (trap 6), which is filtered exactly and counted;
* ``edc-template.json`` fails exactly the two seal-time constraints;
* ``catalogue.jsonld`` conforms and holds every specification;

and each check also counts the typed nodes and proves that no JSON key or value was dropped
by JSON-LD expansion. The Commission's Annex I sample is the positive control of the harness.

Shapes, samples and contexts are the vendored copies; nothing is read from ``../shared`` or the
network.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from rdflib import BNode

from credcat.catalogue import Catalogue
from credcat.jsonld import EDC_CONTEXT
from credcat.model import Credential
from credcat.render.edc import PLACEHOLDER, edc_template
from credcat.render.elm import ESCO_SKILLS_SCHEME, elm_document, specification
from credcat.render.loq import opportunities_document
from credcat.render.machine import catalogue_document
from credcat.urls import Urls
from jsonld_helpers import (
    CATALOGUES,
    CRED,
    EDC_SHAPES,
    LOQ_SHAPES,
    SAMPLES,
    SH,
    catalogue,
    dropped_values,
    is_loq_esco_false_positive,
    missing_keys,
    nodes_of,
    shapes,
    to_graph,
    type_counts,
    urls_of,
    violations,
)


def _cases() -> list[Any]:
    cases: list[Any] = []
    for name, path in CATALOGUES.items():
        if not (path / "catalogue.yaml").is_file():
            continue
        ids = sorted(p.stem for p in (path / "credentials").glob("*.yaml"))
        cases += [pytest.param(name, cid, id=f"{name}:{cid}") for cid in ids]
    return cases


CASES = _cases()


def credential(name: str, cid: str) -> tuple[Catalogue, Credential, Urls]:
    cat = catalogue(name)
    return cat, cat.credentials[cid], urls_of(cat)


def assert_not_dropped(document: dict[str, Any]) -> None:
    """Every key and every value reaches the expanded form (traps 1, 3, 4)."""
    assert missing_keys(document) == set()
    assert dropped_values(document) == Counter()


def organisations_of(cred: Credential, *, template: bool = False) -> set[str]:
    orgs = set(cred.awarding_body) | {qa.body for qa in cred.quality_assurance}
    return orgs | set(cred.assessors) if template else orgs


# --- elm.jsonld ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_specification_conforms_to_edc(name: str, cid: str) -> None:
    cat, cred, urls = credential(name, cid)
    document = elm_document(cat, cred, urls)
    assert document["@context"] == list(EDC_CONTEXT)
    assert_not_dropped(document)

    graph = to_graph(document)
    found = violations(graph, shapes(*EDC_SHAPES))
    assert found == [], "\n".join(v.short() for v in found)

    related = len(cred.stackability.part_of if cred.stackability else []) + len(
        cat.has_part(cid)
    )
    counts = type_counts(graph)
    assert counts["Qualification"] == 1 + related
    assert counts["LearningOutcome"] == len(cred.outcomes)
    assert counts["LearningAssessmentSpecification"] == len(cred.assessments)
    assert counts["Accreditation"] == len(cred.quality_assurance)
    assert counts["AwardingOpportunity"] == 1
    assert counts["CreditPoint"] == (1 if cred.workload.ects is not None else 0)
    assert counts["Organisation"] == len(organisations_of(cred))
    assert counts["GradingScheme"] == sum(1 for a in cred.assessments if a.grading)
    assert counts["LearningAchievementSpecification"] == 0
    assert not any(isinstance(s, BNode) for s in graph.subjects())


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_specification_content(name: str, cid: str) -> None:
    """Texts carry every translation; controlled values are full concepts; ids are stable."""
    cat, cred, urls = credential(name, cid)
    spec = specification(cat, cred, urls)
    assert spec["id"] == urls.spec_iri(cid, cred.version)
    assert spec["title"] == cred.title
    assert spec["description"] == cred.summary
    assert spec["eqfLevel"]["id"] == f"http://data.europa.eu/snb/eqf/{cred.eqf}"
    assert [o["title"] for o in spec["learningOutcome"]] == [o.text for o in cred.outcomes]
    assert {a["proves"] for a in spec["provenBy"]} == {spec["id"]}
    for outcome, node in zip(cred.outcomes, spec["learningOutcome"], strict=True):
        assert node["id"] == urls.node_iri(cid, cred.version, f"outcome-{outcome.id}")
        if outcome.kind == "responsibility-autonomy":
            assert "dcType" not in node
            assert node["additionalNote"][0]["noteLiteral"]["en"].endswith(
                "responsibility and autonomy."
            )
        else:
            assert node["dcType"]["id"].endswith("/skill-type/" + outcome.kind)
        skills = node.get("relatedESCOSkill", [])
        assert [c["id"] for c in skills] == [s.uri for s in outcome.esco]
        for concept, skill in zip(skills, outcome.esco, strict=True):
            assert concept.get("prefLabel") == (dict(skill.label) if skill.label else None)
    for assessment, node in zip(cred.assessments, spec["provenBy"], strict=True):
        assert set(node["description"]) == set(assessment.description)
        for lang, text in assessment.description.items():
            assert node["description"][lang].startswith(text)
        if assessment.supervision is not None:
            assert "identity verification" in node["description"]["en"]

    for concept in nodes_of(spec, "Concept"):
        assert set(concept) >= {"id", "type", "inScheme"}
        assert concept["inScheme"]["type"] == "ConceptScheme"
        if concept["inScheme"]["id"] != ESCO_SKILLS_SCHEME:
            assert concept["prefLabel"]["en"]
    for node in _typed_nodes(spec):
        assert node["id"].startswith(
            (cat.settings.base_uri, "http://data.europa.eu/", "http://publications.europa.eu/",
             "mailto:")
        ), node


def _typed_nodes(obj: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(obj, dict):
        if "type" in obj:
            found.append(obj)
        for value in obj.values():
            found += _typed_nodes(value)
    elif isinstance(obj, list):
        for item in obj:
            found += _typed_nodes(item)
    return found


# --- opportunities.jsonld ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_opportunities_conform_to_loq(name: str, cid: str) -> None:
    cat, cred, urls = credential(name, cid)
    document = opportunities_document(cat, cred, urls)
    if not cred.offerings:
        assert document is None
        return
    assert document is not None
    assert document["@context"] == list(EDC_CONTEXT)
    assert_not_dropped(document)
    graph = to_graph(document)

    found = violations(graph, shapes(*LOQ_SHAPES))
    false_positives = [v for v in found if is_loq_esco_false_positive(v, graph)]
    others = [v for v in found if not is_loq_esco_false_positive(v, graph)]
    assert others == [], "\n".join(v.short() for v in others)
    embedded = cred.nqf is not None
    esco_pairs = sum(len(o.esco) for o in cred.outcomes) if embedded else 0
    assert len(false_positives) == esco_pairs

    counts = type_counts(graph)
    assert counts["LearningOpportunity"] == len(cred.offerings)
    assert counts["PeriodOfTime"] == len(cred.offerings)
    priced = sum(1 for o in cred.offerings if o.price is not None)
    assert counts["PriceDetail"] == counts["Amount"] == priced
    assert counts["Qualification"] == (1 if embedded else 0)
    assert counts["QualificationReference"] == (0 if embedded else 1)
    if embedded:
        assert counts["LearningOutcome"] == len(cred.outcomes)
    # trap 3 and trap 5: the LOQ-only properties are in the graph
    elm = "http://data.europa.eu/snb/model/elm/"
    predicates = {str(p) for p in graph.predicates()}
    assert elm + "defaultLanguage" in predicates
    if priced:
        assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#value" in predicates


# --- edc-template.json -------------------------------------------------------------------


def seal_time_only(found: list[Any], credential_id: str, issuer: str) -> bool:
    got = {(v.focus, v.path, v.component, v.value) for v in found}
    return len(found) == 2 and got == {
        (credential_id, str(CRED.issued), str(SH.MinCountConstraintComponent), ""),
        (credential_id, str(CRED.issuer), str(SH.NodeConstraintComponent), issuer),
    }


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_edc_template_fails_only_seal_time_constraints(name: str, cid: str) -> None:
    cat, cred, urls = credential(name, cid)
    form = edc_template(cat, cred, urls)
    assert set(form) == {"credential"}
    document = form["credential"]
    assert_not_dropped(document)
    graph = to_graph(document)

    found = violations(graph, shapes(*EDC_SHAPES))
    issuer = urls.organisation_iri(cred.awarding_body[0])
    assert seal_time_only(found, document["id"], issuer), "\n".join(v.short() for v in found)

    counts = type_counts(graph)
    assert counts["EuropeanDigitalCredential"] == 1
    assert counts["VerifiableCredential"] == 1
    assert counts["Person"] == 1
    assert counts["LearningAchievement"] == 1
    assert counts["AwardingProcess"] == 1
    assert counts["LearningAssessment"] == len(cred.assessments)
    assert counts["LearningAssessmentSpecification"] == len(cred.assessments)
    assert counts["DisplayParameter"] == 1
    assert counts["Organisation"] == len(organisations_of(cred, template=True))
    claim = document["credentialSubject"]["hasClaim"]
    assert claim["specifiedBy"] == specification(cat, cred, urls)
    text = json.dumps(document)
    assert text.count(PLACEHOLDER) >= 3 + len(cred.assessments)


def test_edc_template_has_the_structure_of_the_commission_upload_form() -> None:
    sample = json.loads(
        (SAMPLES / "Sample-MC-Annex1-unsigned-uploadable.json").read_text(encoding="utf-8")
    )["credential"]
    cat, cred, urls = credential("fixture", "data-basics")
    ours = edc_template(cat, cred, urls)["credential"]
    assert set(ours) == set(sample) - {"identifier"}
    assert ours["type"] == sample["type"]
    assert ours["credentialSchema"] == sample["credentialSchema"]
    assert set(ours["credentialSubject"]["hasClaim"]) >= {"awardedBy", "specifiedBy", "title"}


# --- catalogue.jsonld ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_catalogue_graph_conforms(name: str) -> None:
    cat = catalogue(name)
    urls = urls_of(cat)
    document = catalogue_document(cat, urls)
    assert document["@context"] == list(EDC_CONTEXT)
    assert [n["id"] for n in document["@graph"]] == [
        urls.spec_iri(c.id, c.version) for c in cat.credentials.values()
    ]
    assert_not_dropped(document)
    graph = to_graph(document)
    found = violations(graph, shapes(*EDC_SHAPES))
    assert found == [], "\n".join(v.short() for v in found)
    counts = type_counts(graph)
    assert counts["Qualification"] == len(cat.credentials)
    assert counts["LearningOutcome"] == sum(len(c.outcomes) for c in cat.credentials.values())


# --- the harness itself --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sample", ["Sample-MC-Annex1-unsigned.jsonld", "Sample-MC-Annex1-unsigned-uploadable.json"]
)
def test_positive_control_commission_sample(sample: str) -> None:
    """The Commission's unsigned Annex I credential fails exactly the two seal-time rules."""
    document = json.loads((SAMPLES / sample).read_text(encoding="utf-8"))
    document = document.get("credential", document)
    assert_not_dropped(document)
    graph = to_graph(document)
    found = violations(graph, shapes(*EDC_SHAPES))
    assert seal_time_only(found, document["id"], document["issuer"]["id"])
    assert type_counts(graph)["Qualification"] == 1


def test_positive_control_elm_32_sample_conforms() -> None:
    document = json.loads(
        (SAMPLES / "rdf-samples_credential-sample_elm-3.2.jsonld").read_text(encoding="utf-8")
    )
    graph = to_graph(document)
    assert violations(graph, shapes(*EDC_SHAPES)) == []
    assert type_counts(graph)["EuropeanDigitalCredential"] == 1


def test_harness_catches_the_traps() -> None:
    """Negative controls: dropped keys are found, edc-ap alone types nothing."""
    cat, cred, urls = credential("fixture", "data-basics")
    document = elm_document(cat, cred, urls)
    # trap 3: an unknown key, trap 4: a plain date under an @id-typed term
    broken = {**document, "defaultLanguage": {"id": "http://x.example/y"},
              "dateModified": "2026-09-01"}
    assert missing_keys(broken) == {"defaultLanguage"}
    assert dropped_values(broken) == Counter({"http://x.example/y": 1, "2026-09-01": 1})
    # trap 1: with edc-ap alone, nothing is typed, and the graph "conforms"
    alone = {**document, "@context": EDC_CONTEXT[1]}
    graph = to_graph(alone)
    assert type_counts(graph) == Counter()
    assert violations(graph, shapes(*EDC_SHAPES)) == []
