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

import itertools
import json
import re
import uuid
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, BNode
from rdflib.namespace import DCAT, FOAF

from credcat import vocab
from credcat.catalogue import Catalogue
from credcat.conformance import validate_document
from credcat.jsonld import EDC_CONTEXT
from credcat.model import DURATION_RE, Credential, ordered_outcomes
from credcat.render.data.edc import (
    ISSUER_SUPPLIES,
    PLACEHOLDER_ID,
    SEALING_ADDS,
    edc_template,
    template_specification,
)
from credcat.render.data.elm import elm_document, specification
from credcat.render.data.loq import opportunities_document, publishes_opportunities
from credcat.render.data.machine import catalogue_document, machine_files, version_documents
from credcat.render.data.nodes import ESCO_SKILLS_SCHEME, organisation, prose_map
from credcat.render.language import PHRASE_LANGUAGES, localise
from credcat.urls import Urls
from credcat.versions import has_address, succession
from jsonld_helpers import (
    CATALOGUES,
    CRED,
    DC,
    EDC_SHAPES,
    ELM,
    SAMPLES,
    SH,
    XSD,
    blank_nodes,
    catalogue,
    disagreements,
    dropped_values,
    ill_formed_literals,
    missing_keys,
    nodes_of,
    shapes,
    to_graph,
    type_counts,
    urls_of,
    violations,
)

SNB = "http://data.europa.eu/snb"
ROV = rdflib.Namespace("http://www.w3.org/ns/regorg#")


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


def _validated(document: dict[str, Any]) -> tuple[str | None, list[str]]:
    """What ``credcat validate`` finds in a document: its kind and each finding, worded."""
    kind, findings = validate_document(document)
    return kind, [f.format("document") for f in findings]


def assert_not_dropped(document: dict[str, Any]) -> None:
    """Every key and every value reaches the expanded form (traps 1, 3, 4)."""
    assert missing_keys(document) == set()
    assert dropped_values(document) == Counter()


def organisations_of(
    cred: Credential, *, template: bool = False, publisher: str | None = None
) -> set[str]:
    """The organisations a specification (or template) names: awarding bodies, quality
    assurance bodies, the catalogue's publisher (``dc:publisher``) and, in a template, the
    assessors."""
    orgs = set(cred.awarding_body) | {qa.body for qa in cred.quality_assurance}
    if publisher is not None:
        orgs.add(publisher)
    return orgs | set(cred.assessors) if template else orgs


def sentence_languages(cat: Catalogue, *texts: dict[str, str]) -> set[str]:
    """Languages of a sentence credcat writes itself: English, and every language of the
    catalogue (or of the texts it comments on) that credcat has a translation for; a partial
    language only where the texts have it."""
    wanted = set(cat.complete_languages).union(*(set(t) for t in texts))
    return {"en"} | (wanted & set(PHRASE_LANGUAGES))


_DURATION_PARTS = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(\d+)H)?$")


def duration_parts(value: str) -> tuple[int, ...]:
    """``(years, months, days, hours)`` of an ``xsd:duration`` (the forms credcat writes)."""
    match = _DURATION_PARTS.match(value)
    assert match, f"not an xsd:duration credcat writes: {value!r}"
    return tuple(int(group or 0) for group in match.groups())


def expected_duration(text: str) -> tuple[int, ...]:
    """``(years, months, days, hours)`` a model ``duration`` means (a week is seven days)."""
    match = DURATION_RE.match(text)
    assert match
    n, unit = int(match.group(1)), match.group(2).lower()
    return {
        "year": (n, 0, 0, 0),
        "month": (0, n, 0, 0),
        "week": (0, 0, 7 * n, 0),
        "day": (0, 0, n, 0),
        "hour": (0, 0, 0, n),
    }[unit]


# --- elm.jsonld ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_specification_conforms_to_edc(name: str, cid: str) -> None:
    cat, cred, urls = credential(name, cid)
    document = elm_document(cat, cred, urls)
    assert document["@context"] == list(EDC_CONTEXT)
    assert_not_dropped(document)

    graph = to_graph(document)
    assert _validated(document) == ("elm", [])  # credcat validate: EDC shapes, no key dropped

    related = len(cred.stackability.part_of if cred.stackability else []) + len(cat.has_part(cid))
    counts = type_counts(graph)
    assert counts["Qualification"] == 1 + related
    assert counts["LearningOutcome"] == len(cred.outcomes)
    assert counts["LearningAssessmentSpecification"] == len(cred.assessments)
    assert counts["Accreditation"] == len(cred.quality_assurance)
    assert counts["AwardingOpportunity"] == 1
    assert counts["CreditPoint"] == (1 if cred.workload.ects is not None else 0)
    assert counts["Organisation"] == len(organisations_of(cred, publisher=cat.settings.publisher))
    # provenance: the catalogue's publisher, the version's publication date, status, identifier
    assert document["publisher"]["id"] == urls.organisation_iri(cat.settings.publisher)
    assert ("dateModified" in document) == (cred.published is not None)
    assert document["status"] == cred.status
    assert document["identifier"]["notation"] == f"{cid}/{cred.version}"
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
    # the identifier names the catalogue a reader knows, not the tool that wrote it
    assert spec["identifier"]["schemeName"] == localise(
        cat.settings.title, cat.settings.default_language, cat.settings.default_language
    )
    assert spec["identifier"]["schemeId"] == urls.catalogue_iri()
    if cred.workload.ects is None:
        assert "creditPoint" not in spec
    else:
        (credit,) = spec["creditPoint"]
        assert re.fullmatch(r"\d+(\.\d+)?", credit["point"]), credit["point"]
        assert Decimal(credit["point"]) == Decimal(str(cred.workload.ects))
        assert (
            credit["framework"]["id"]
            == vocab.concept("credit-system", cred.workload.credit_system).iri
        )
    # in the order the page numbers them (knowledge, skills, responsibility and autonomy)
    ordered = ordered_outcomes(cred)
    assert [o["title"] for o in spec["learningOutcome"]] == [o.text for o in ordered]
    assert {a["proves"] for a in spec["provenBy"]} == {spec["id"]}
    for outcome, node in zip(ordered, spec["learningOutcome"], strict=True):
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
            (
                cat.settings.base_uri,
                "http://data.europa.eu/",
                "http://publications.europa.eu/",
                "mailto:",
            )
        ), node


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_literals_are_valid_xml_schema(name: str, cid: str) -> None:
    """Durations and dates pass a strict XML Schema check, and say what the model says.

    pyshacl accepts ``P8W`` (rdflib reads ISO 8601 leniently); the EDC Issuer's and Europass's
    validators do not: XML Schema has no week designator."""
    cat, cred, urls = credential(name, cid)
    documents = [elm_document(cat, cred, urls), edc_template(cat, cred, urls)["credential"]]
    loq = opportunities_document(cat, cred, urls)
    if loq is not None:
        documents.append(loq)
    for document in documents:
        assert ill_formed_literals(document) == []
        assert blank_nodes(to_graph(document)) == set()

    spec = specification(cat, cred, urls)
    if cred.duration is None:
        assert "maximumDuration" not in spec
    else:
        assert duration_parts(spec["maximumDuration"]) == expected_duration(cred.duration)
    if cred.workload.hours is None:
        assert "volumeOfLearning" not in spec
    else:
        assert duration_parts(spec["volumeOfLearning"]) == (0, 0, 0, cred.workload.hours)
    for opportunity in nodes_of(loq or {}, "LearningOpportunity"):
        if cred.duration is None:
            assert "duration" not in opportunity
        else:
            assert duration_parts(opportunity["duration"]) == expected_duration(cred.duration)


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_qf_ehea_cycle_is_stated(name: str, cid: str) -> None:
    """Annex I: "EQF level, and QF-EHEA cycle if applicable": a note in every language."""
    cat, cred, urls = credential(name, cid)
    spec = specification(cat, cred, urls)
    note_id = urls.node_iri(cid, cred.version, "note-qf-ehea")
    notes = {n["id"]: n["noteLiteral"] for n in spec.get("additionalNote", [])}
    # no EU vocabulary has QF-EHEA concepts: nothing is minted as an educationLevel
    assert "educationLevel" not in spec
    if cred.qf_ehea is None:
        assert note_id not in notes
        return
    text = notes[note_id]
    assert set(text) == sentence_languages(cat, cred.title)
    assert all("QF-EHEA" in sentence for sentence in text.values())
    ordinal = cred.qf_ehea.split("-")[0]  # short, first, second, third
    assert f"{ordinal} cycle" in text["en"]
    # the LOQ copy and the EDC template carry the same note
    loq = opportunities_document(cat, cred, urls)
    if loq is not None and cred.nqf:
        (embedded,) = nodes_of(loq, "Qualification")
        assert text in [n["noteLiteral"] for n in embedded["additionalNote"]]


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_sentences_and_neutral_texts_cover_the_catalogue_languages(name: str, cid: str) -> None:
    """What credcat writes itself is in every catalogue language it can write; addresses
    (language-neutral) are under every catalogue language, so no viewer falls back."""
    cat, cred, urls = credential(name, cid)
    documents = [elm_document(cat, cred, urls)]
    loq = opportunities_document(cat, cred, urls)
    if loq is not None:
        documents.append(loq)
    for document in documents:
        addresses = [a for a in nodes_of(document, "Address") if "fullAddress" in a]
        for address in addresses:
            text = address["fullAddress"]["noteLiteral"]
            assert set(text) == set(cat.complete_languages)
            assert len(set(text.values())) == 1
    for oid in organisations_of(cred):
        org = cat.organisations[oid]
        node = organisation(cat, oid, urls)
        if org.address is None:
            assert "fullAddress" not in node["location"]["address"]
        else:
            full = node["location"]["address"]["fullAddress"]["noteLiteral"]
            assert all(org.address.city in t for t in full.values())
    spec = specification(cat, cred, urls)
    own = [
        n
        for n in nodes_of(spec, "Note")
        if n["id"].endswith(("-kind", "#note-workload", "#note-qf-ehea"))
    ]
    for node in own:
        assert set(node["noteLiteral"]) >= sentence_languages(cat, cred.title)
    kinds = sum(1 for o in cred.outcomes if o.kind == "responsibility-autonomy")
    assert sum(1 for n in own if n["id"].endswith("-kind")) == kinds


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
    # a harvester must not advertise what is not (yet, or any longer) offered
    published = bool(cred.offerings) and cred.status not in {"draft", "retired"}
    assert publishes_opportunities(cred) == published
    if not published:
        assert document is None
        return
    assert document is not None
    assert document["@context"] == list(EDC_CONTEXT)
    assert_not_dropped(document)
    graph = to_graph(document)

    # no exception filter: ESCO skills carry no inScheme in LOQ, so LOQ-mdr's ESCO rule holds
    assert _validated(document) == ("loq", [])  # credcat validate: LOQ + LOQ-mdr shapes
    embedded = cred.nqf is not None
    for skill in nodes_of(document, "Concept"):
        if skill["id"].startswith("http://data.europa.eu/esco/skill/"):
            assert "inScheme" not in skill

    counts = type_counts(graph)
    assert counts["LearningOpportunity"] == len(cred.offerings)
    assert counts["PeriodOfTime"] == len(cred.offerings)
    priced = sum(1 for o in cred.offerings if o.price is not None)
    assert counts["PriceDetail"] == counts["Amount"] == priced
    assert counts["Qualification"] == (1 if embedded else 0)
    assert counts["QualificationReference"] == 0
    # never a stub: with or without NQF level, the full specification (issue 10, item 1)
    assert counts["LearningAchievementSpecification"] == (0 if embedded else 1)
    assert counts["LearningOutcome"] == len(cred.outcomes)
    assert counts["LearningAssessmentSpecification"] == len(cred.assessments)
    spec = document["@graph"][0]
    assert spec["id"] == urls.spec_iri(cid, cred.version)
    assert spec["title"] == cred.title
    assert spec["eqfLevel"]["id"] == vocab.concept("eqf", str(cred.eqf)).iri
    assert ("creditPoint" in spec) == (cred.workload.ects is not None)
    assert ("nqfLevel" in spec) == embedded
    page = urls.iri(urls.credential(cid))
    runs = sorted(o.id for o in cred.offerings)
    opportunities = nodes_of(document, "LearningOpportunity")
    # a run's IRI and identifier are the credential's, not a version's: the same run keeps
    # them when a new version is released, and its IRI lands on the credential's page
    assert sorted(lo["id"] for lo in opportunities) == [f"{page}#offering-{r}" for r in runs]
    assert sorted(lo["identifier"]["notation"] for lo in opportunities) == [
        f"{cid}/{r}" for r in runs
    ]
    for lo in opportunities:
        assert lo["learningAchievementSpecification"] == spec["id"]
        assert lo["homepage"][0]["contentURL"] == page
        # provenance (issue 10, item 7)
        assert lo["publisher"]["id"] == urls.organisation_iri(cat.settings.publisher)
        assert lo["status"] == cred.status
        assert ("dateModified" in lo) == (cred.published is not None)
    # trap 3 and trap 5: the LOQ-only properties are in the graph
    elm = "http://data.europa.eu/snb/model/elm/"
    predicates = {str(p) for p in graph.predicates()}
    assert elm + "defaultLanguage" in predicates
    if priced:
        assert "http://www.w3.org/1999/02/22-rdf-syntax-ns#value" in predicates


# --- edc-template.json -------------------------------------------------------------------


def seal_time_only(found: list[Any], credential_id: str, issuer: str) -> bool:
    """The Commission's unsigned sample fails exactly the two constraints sealing satisfies."""
    got = {(v.focus, v.path, v.component, v.value) for v in found}
    return len(found) == 2 and got == {
        (credential_id, str(CRED.issued), str(SH.MinCountConstraintComponent), ""),
        (credential_id, str(CRED.issuer), str(SH.NodeConstraintComponent), issuer),
    }


def expected_unsealed(
    document: dict[str, Any], issuer: str, has_eidas: bool = False
) -> set[tuple[str, str, str, str]]:
    """The results an unsealed template must give, and only those: what the EDC Issuer adds
    when it seals (``issued``, the issuer's eIDAS identifier unless the catalogue gives it, the
    display image of each language) and what the issuer supplies per learner (``validFrom``,
    each ``grade``)."""
    credential_id = document["id"]
    mincount = str(SH.MinCountConstraintComponent)
    expected = {
        (credential_id, str(CRED.issued), mincount, ""),
        (credential_id, str(CRED.validFrom), mincount, ""),
    }
    if not has_eidas:
        expected.add((credential_id, str(CRED.issuer), str(SH.NodeConstraintComponent), issuer))
    for display in document["displayParameter"]["individualDisplay"]:
        expected.add((display["id"], str(ELM.displayDetail), mincount, ""))
    for assessment in document["credentialSubject"]["hasClaim"]["provenBy"]:
        expected.add((assessment["id"], str(ELM.grade), mincount, ""))
    return expected


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_edc_template_fails_only_what_the_issuer_supplies_or_sealing_adds(
    name: str, cid: str
) -> None:
    cat, cred, urls = credential(name, cid)
    form = edc_template(cat, cred, urls)
    assert set(form) == {"credential"}
    document = form["credential"]
    assert_not_dropped(document)
    graph = to_graph(document)

    found = violations(graph, shapes(*EDC_SHAPES))
    issuer = urls.organisation_iri(cred.awarding_body[0])
    got = {(v.focus, v.path, v.component, v.value) for v in found}
    assert len(found) == len(got)
    has_eidas = cat.organisations[cred.awarding_body[0]].eidas_identifier is not None
    assert got == expected_unsealed(document, issuer, has_eidas), "\n".join(
        v.short() for v in found
    )
    # credcat validate reports exactly these, as left for the issuer, and passes the template
    kind, findings = validate_document(form)
    assert kind == "edc" and len(findings) == len(got)
    assert all(f.left_for_issuer for f in findings)

    counts = type_counts(graph)
    assert counts["EuropeanDigitalCredential"] == 1
    assert counts["VerifiableCredential"] == 1
    assert counts["Person"] == 1
    assert counts["LearningAchievement"] == 1
    assert counts["AwardingProcess"] == 1
    assert counts["LearningAssessment"] == len(cred.assessments)
    assert counts["LearningAssessmentSpecification"] == len(cred.assessments)
    assert counts["DisplayParameter"] == 1
    assert counts["MediaObject"] == 0
    assert counts["Organisation"] == len(
        organisations_of(cred, template=True, publisher=cat.settings.publisher)
    )
    claim = document["credentialSubject"]["hasClaim"]
    assert claim["specifiedBy"] == template_specification(cat, cred, urls)
    # no placeholder text anywhere: what the issuer supplies is absent
    assert "PLACEHOLDER" not in json.dumps(document)


def _references(value: Any, path: str = "") -> list[str]:
    """Paths of every property whose value is a bare IRI string naming another node."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"id", "@context", "type", "@type", "contentURL", "schemeId", "notation"}:
                continue
            if isinstance(item, str) and item.startswith(("http", "urn:")):
                found.append(f"{path}.{key}")
            else:
                found += _references(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _references(item, f"{path}[{index}]")
    return found


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_edc_template_has_the_shape_of_the_commission_sample(name: str, cid: str) -> None:
    """Objects are embedded where the Commission's uploadable Annex I sample embeds them; no
    node refers to another by a bare IRI, and nothing leads back to the achievement."""
    sample = json.loads((SAMPLES / "Sample-MC-Annex1-unsigned-uploadable.json").read_text())
    cat, cred, urls = credential(name, cid)
    document = edc_template(cat, cred, urls)["credential"]
    assert _references(document) == []
    claim = document["credentialSubject"]["hasClaim"]
    sample_claim = sample["credential"]["credentialSubject"]["hasClaim"]
    sample_assessment = sample_claim["provenBy"]
    if isinstance(sample_assessment, list):
        sample_assessment = sample_assessment[0]
    for node in claim["provenBy"]:
        # the same keys as the sample's assessment (less the learner's grade, plus nothing)
        assert set(node) <= set(sample_assessment)
        assert set(sample_assessment) - set(node) <= {"grade", "idVerification"}
        assert isinstance(node["awardedBy"], dict)
        assert node["awardedBy"] == claim["awardedBy"]
        assert node["specifiedBy"]["type"] == sample_assessment["specifiedBy"]["type"]
        assert all(isinstance(org, dict) for org in node["assessedBy"])
    assert isinstance(claim["awardedBy"]["awardingBody"][0], dict)
    assert claim["specifiedBy"]["type"] == sample_claim["specifiedBy"]["type"]
    assert set(document) <= set(sample["credential"])
    assert "proves" not in json.dumps(document)


@pytest.mark.parametrize(("name", "cid"), CASES)
def test_edc_template_marks_what_the_issuer_replaces(name: str, cid: str) -> None:
    """Everything that belongs to one learner and one award is a visible placeholder;
    everything the EDC Issuer adds when it seals is absent; the rest is the catalogue's."""
    cat, cred, urls = credential(name, cid)
    document = edc_template(cat, cred, urls)["credential"]
    # one id per issued credential: the template has the nil UUID, recognisably nobody's
    assert document["id"] == PLACEHOLDER_ID
    assert uuid.UUID(document["id"].rsplit(":", 1)[-1]).int == 0
    # what the issuer supplies per learner is absent (the shapes then refuse to seal it)
    assert "validFrom" not in document
    subject = document["credentialSubject"]
    assert set(subject) == {"id", "type", "hasClaim"}
    supplied = [path for path, _ in ISSUER_SUPPLIES]
    assert "validFrom" in supplied and any("grade" in path for path in supplied)
    claim = subject["hasClaim"]
    assert claim["title"] == cred.title
    assert len(claim["provenBy"]) == len(cred.assessments)
    for assessment, node in zip(cred.assessments, claim["provenBy"], strict=True):
        assert "grade" not in node
        assert node["specifiedBy"]["id"] == urls.node_iri(
            cid, cred.version, f"assessment-{assessment.id}"
        )
        assert [o["id"] for o in node["assessedBy"]] == [
            urls.organisation_iri(oid) for oid in cred.assessors
        ]
        if assessment.supervision is None:
            assert "idVerification" not in node
            continue
        check = node["idVerification"]
        label = check["prefLabel"]["en"].lower()
        if assessment.supervision == "unsupervised":
            # the EU concepts of the supervision-verification list
            assert check["inScheme"]["id"] == f"{SNB}/supervision-verification/25831c2"
            assert label.startswith("unsupervised")
            assert ("no identity" in label) == (not assessment.identity_check)
        else:
            # the catalogue's own concepts, explained on its Data page
            page = urls.iri(urls.data_page())
            assert check["id"].startswith(page + "#supervision-" + assessment.supervision)
            assert check["inScheme"]["id"] == page + "#supervision"
            assert label.startswith(assessment.supervision.replace("-", " "))
            assert ("without identity" in label) == (not assessment.identity_check)
    # the EDC Issuer adds these when it seals; an unsigned template leaves them out by design
    for key in SEALING_ADDS:
        assert key.split(".")[-1] not in document
    # … and the issuer's eIDAS identifier, unless the catalogue states it
    eidas = cat.organisations[cred.awarding_body[0]].eidas_identifier
    assert document["issuer"].get("eIDASIdentifier", {}).get("notation") == eidas
    for display_node in document["displayParameter"]["individualDisplay"]:
        assert "displayDetail" not in display_node  # the EDC Issuer renders the image
    assert document["issuer"] == organisation(cat, cred.awarding_body[0], urls)
    assert [p["prefLabel"]["en"] for p in document["credentialProfiles"]] == ["Generic"]
    display = document["displayParameter"]
    languages = [c["id"] for c in display["language"]]
    assert languages == [vocab.concept("language", lang).iri for lang in cred.title]
    assert display["primaryLanguage"]["id"] in languages
    assert len(display["individualDisplay"]) == len(languages)
    assert display["title"] == cred.title


def test_edc_template_has_the_structure_of_the_commission_upload_form() -> None:
    sample = json.loads(
        (SAMPLES / "Sample-MC-Annex1-unsigned-uploadable.json").read_text(encoding="utf-8")
    )["credential"]
    cat, cred, urls = credential("fixture", "data-basics")
    ours = edc_template(cat, cred, urls)["credential"]
    # the sample's keys, less its certificate number and the award date the issuer supplies
    assert set(ours) == set(sample) - {"identifier", "validFrom"}
    assert ours["type"] == sample["type"]
    assert ours["credentialSchema"] == sample["credentialSchema"]
    assert set(ours["credentialSubject"]["hasClaim"]) >= {"awardedBy", "specifiedBy", "title"}


# --- catalogue.jsonld ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_catalogue_graph_conforms(name: str) -> None:
    """``catalogue.jsonld`` as a harvester reads it: one node per credential, its record at
    its main page (``…/<id>/#spec``), a ``Qualification`` with its current version's content
    and its live status; the versions named by IRI (with their identifiers and fingerprints,
    as their own files state them), none of them with a status or content here."""
    cat = catalogue(name)
    urls = urls_of(cat)
    document = catalogue_document(cat, urls)
    assert document["@context"] == list(EDC_CONTEXT)
    records = {urls.record_iri(c.id): c for c in cat.credentials.values()}
    # the catalogue's own node first (test_catalogue_node_is_what_a_harvester_reuses)
    assert [n["id"] for n in document["@graph"]] == [urls.catalogue_iri(), *records]
    assert_not_dropped(document)
    graph = to_graph(document)
    assert _validated(document) == ("elm", [])
    assert ill_formed_literals(document) == []
    assert blank_nodes(graph) == set()
    # exactly one node with a status per credential, its record, with the live status
    assert {str(s): str(o) for s, o in graph.subject_objects(ELM.status)} == {
        iri: live.status for iri, live in records.items()
    }
    assert len(list(graph.subject_objects(ELM.status))) == len(records)
    by_id = {n["id"]: n for n in document["@graph"]}
    for iri, live in records.items():
        record = by_id[iri]
        spec = specification(cat, live, urls.without_address(live.id, live.version))
        # the current version's content, described at the main page (the assessments prove
        # the record); its own identifier, not a version's
        same = {k for k in spec if k not in ("id", "identifier", "status", "additionalNote")}
        assert {k: record[k] for k in same} == {k: spec[k] for k in same}
        # its notes, after the live status note of a credential no longer offered (plain text)
        said = live.shown_status_note
        status_note = (
            [
                {
                    "id": urls.record_node_iri(live.id, "note-status"),
                    "type": "Note",
                    "noteLiteral": prose_map(said),
                }
            ]
            if said
            else []
        )
        assert record.get("additionalNote", []) == status_note + spec.get("additionalNote", [])
        assert record["identifier"]["notation"] == live.id
        assert "dc:replaces" not in record
        versions = succession(cat, live.id).published
        assert [v["id"] for v in record.get("dc:hasVersion", [])] == [
            urls.spec_iri(live.id, v.version) for v in versions
        ]
        for listed, info in zip(record.get("dc:hasVersion", []), versions, strict=True):
            elm = version_documents(cat, live.id, info.version, urls)["elm"]
            assert listed["identifier"] == elm["identifier"]  # as the version's file says
        current = {"id": urls.spec_iri(live.id, live.version)}
        if has_address(cat, live.id, live.version):
            assert record["http://www.w3.org/ns/dcat#hasCurrentVersion"] == current
        else:  # a draft's version not released: nothing identifies it permanently yet
            assert live.status == "draft"
            assert "http://www.w3.org/ns/dcat#hasCurrentVersion" not in record
    # the other Qualifications are the versions a record's content names (its parts and
    # the programmes it counts towards), typed and titled for the shapes, without a status
    counts = type_counts(graph)
    named = {str(s) for s in graph.subjects(RDF.type, ELM.Qualification)} - set(records)
    for iri in named:
        assert {str(p) for p in graph.predicates(rdflib.URIRef(iri))} <= {
            str(RDF.type),
            "http://purl.org/dc/terms/title",
            "http://www.w3.org/ns/adms#identifier",  # a version a record lists
        }, iri
    assert counts["Qualification"] == len(records) + len(named)
    assert counts["LearningOutcome"] == sum(len(c.outcomes) for c in cat.credentials.values())


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_catalogue_node_is_what_a_harvester_reuses(name: str) -> None:
    """``catalogue.jsonld`` describes the catalogue itself at ``<base_uri>#catalogue``, the
    ``schemeId`` of every identifier it gives a credential: a ``dcat:Catalog`` with the
    catalogue's title in each language, its publisher (the organisation, described as the
    records describe it), its home page, its languages and, where ``catalogue.yaml`` names
    one, the licence under which the data may be reused (the sample: CC BY 4.0; the fixture
    names none, and states none)."""
    cat = catalogue(name)
    urls = urls_of(cat)
    graph = to_graph(catalogue_document(cat, urls))
    node = rdflib.URIRef(urls.catalogue_iri())
    assert node == rdflib.URIRef(cat.settings.base_uri + "#catalogue")
    assert {str(o) for o in graph.objects(None, ELM.schemeId)} == {str(node)}
    assert set(graph.objects(node, RDF.type)) == {DCAT.Catalog}
    assert {(o.language, str(o)) for o in graph.objects(node, DC.title)} == set(
        cat.settings.title.items()
    )
    publisher = rdflib.URIRef(urls.organisation_iri(cat.settings.publisher))
    assert list(graph.objects(node, DC.publisher)) == [publisher]
    assert (publisher, RDF.type, ELM.Organisation) in graph
    assert set(graph.objects(publisher, ROV.legalName))  # named, as in every record
    assert list(graph.objects(node, FOAF.homepage)) == [rdflib.URIRef(cat.settings.base_uri)]
    assert {str(o).rsplit("/", 1)[1] for o in graph.objects(node, DC.language)} == {
        vocab.concept("language", lang).iri.rsplit("/", 1)[1] for lang in cat.settings.languages
    }
    licences = list(graph.objects(node, DC.license))
    if name == "sample":
        cc_by = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert cat.settings.data_licence == "CC-BY-4.0"
        assert licences == [cc_by]
        assert (cc_by, RDF.type, DC.LicenseDocument) in graph
    else:
        assert cat.settings.data_licence is None
        assert licences == []
    # a harvester reads it first, before the records (catalogue.jsonld is written in order)
    assert catalogue_document(cat, urls)["@graph"][0]["id"] == str(node)


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_the_elm_files_agree_on_every_node_they_share(name: str) -> None:
    """Merged into one graph, every ELM file of the site (each version's ``elm.jsonld`` and
    EDC template, the offerings, ``catalogue.jsonld``) says the same of every node it shares
    with another: an organisation, a version's specification another version names (its
    title), a concept. One file holds every language (language maps), so no language
    edition contradicts another. The EDC template's ``urn:epass:…`` nodes are the
    template's own, numbered from 1 in every template as in the Commission's upload form
    (the issuer's credential holds them), and are left out."""
    cat = catalogue(name)
    documents: dict[str, Any] = {}
    for path, data in machine_files(cat, urls_of(cat)).items():
        if path.endswith(".jsonld"):
            documents[path] = json.loads(data)
        elif path.endswith("edc-template.json"):
            documents[path] = json.loads(data)["credential"]
    assert disagreements(documents, skip=("urn:",)) == {}


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
    broken = {
        **document,
        "defaultLanguage": {"id": "http://x.example/y"},
        "dateModified": "2026-09-01",
    }
    assert missing_keys(broken) == {"defaultLanguage"}
    assert dropped_values(broken) == Counter({"http://x.example/y": 1, "2026-09-01": 1})
    # trap 1: with edc-ap alone, nothing is typed, and the graph "conforms"
    alone = {**document, "@context": EDC_CONTEXT[1]}
    graph = to_graph(alone)
    assert type_counts(graph) == Counter()
    assert violations(graph, shapes(*EDC_SHAPES)) == []
    # an ISO 8601 week duration "conforms" for pyshacl, and the strict check catches it
    weeks = {**document, "maximumDuration": "P6W"}
    assert violations(to_graph(weeks), shapes(*EDC_SHAPES)) == []
    assert ill_formed_literals(weeks) == [(str(ELM.maximumDuration), "P6W", str(XSD.duration))]
    # a blank node is found
    assert blank_nodes(
        to_graph(
            {**document, "homepage": {"type": "WebResource", "contentURL": "https://x.example/"}}
        )
    )


# --- organisations' identifiers (issue 10, item 7) ----------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_organisations_carry_their_legal_identifiers(name: str) -> None:
    """Registration, VAT and eIDAS identifiers as ``LegalIdentifier`` nodes in the seat's
    country, other identifiers with their scheme, in every file an organisation appears in."""
    cat = catalogue(name)
    urls = urls_of(cat)
    seen = set()
    for cred in cat.credentials.values():
        documents = [elm_document(cat, cred, urls), edc_template(cat, cred, urls)["credential"]]
        loq = opportunities_document(cat, cred, urls)
        documents += [loq] if loq is not None else []
        for document in documents:
            for node in nodes_of(document, "Organisation"):
                oid = next(o for o in cat.organisations if urls.organisation_iri(o) == node["id"])
                org = cat.organisations[oid]
                country = vocab.concept("country", org.country).iri
                for key, value in (
                    ("registration", org.legal_identifier),
                    ("vatIdentifier", org.vat_number),
                    ("eIDASIdentifier", org.eidas_identifier),
                ):
                    if value is None:
                        assert key not in node
                        continue
                    seen.add(key)
                    assert node[key]["type"] == "LegalIdentifier"
                    assert node[key]["notation"] == value
                    assert node[key]["spatial"]["id"] == country
                assert [(i["schemeName"], i["notation"]) for i in node.get("identifier", [])] == [
                    (i.scheme, i.value) for i in org.identifiers
                ]
                seen.update("identifier" for _ in org.identifiers)
    # the catalogues under test use every kind (so the shapes tests above cover them)
    assert seen == {"registration", "vatIdentifier", "eIDASIdentifier", "identifier"}


# --- notes hold plain text (issue 10, item 7) -----------------------------------------------


def _texts(document: Any) -> list[str]:
    """Every text of a ``noteLiteral`` or ``description`` language map."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in {"noteLiteral", "description"} and isinstance(item, dict):
                    found.extend(v for v in item.values() if isinstance(v, str))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return found


def _hard_breaks(text: str) -> list[str]:
    """Line breaks inside a paragraph (a list's ``• item`` or ``1. item`` lines are separate
    lines)."""
    lines = text.split("\n")
    return [
        f"{a!r} / {b!r}"
        for a, b in itertools.pairwise(lines)
        if a and b and not re.match(r"• |\d+\. ", b)
    ]


def test_notes_hold_plain_text() -> None:
    cat, cred, urls = credential("fixture", "data-basics")
    changed = cred.model_copy(
        update={
            "description": {
                "en": "Learn *SQL*\nwith **us**.\n\n- joins\n- [views](https://v.example/)\n\n"
                "Two steps:\n\n1. first\n2. second"
            },
            "further_information": {"en": "line one\nline two\n\n\nnext paragraph"},
        }
    )
    document = elm_document(cat, changed, urls)
    notes = {n["id"].rsplit("#", 1)[1]: n["noteLiteral"]["en"] for n in nodes_of(document, "Note")}
    assert (
        notes["note-description"] == "Learn SQL with us.\n\n• joins\n• views (https://v.example/)"
        "\n\nTwo steps:\n\n1. first\n2. second"  # a numbered list keeps its numbers
    )
    assert notes["note-further-information"] == "line one line two\n\nnext paragraph"
    for case in CASES:
        name, cid = case.values
        cat, cred, urls = credential(name, cid)
        documents = [elm_document(cat, cred, urls), edc_template(cat, cred, urls)]
        loq = opportunities_document(cat, cred, urls)
        for document in [*documents, *([loq] if loq else [])]:
            for text in _texts(document):
                assert _hard_breaks(text) == [], (cid, text)
                assert "**" not in text and "](" not in text, (cid, text)


# --- days where the organisation is ---------------------------------------------------------


def test_a_day_ends_where_its_organisation_is_across_summer_time() -> None:
    """A deadline on 12 February ends at 23:59:59 that day in Berlin (+01:00), a run in July
    starts at midnight of summer time (+02:00); Portugal's days are Lisbon's (its capital), not
    the Azores'; a country without a zone keeps UTC."""
    from credcat.render.data.nodes import date_time, end_date_time, zone_of

    berlin, lisbon = zone_of("DE"), zone_of("pt")
    assert (berlin, lisbon, zone_of("ZZ"), zone_of(None)) == (
        "Europe/Berlin",
        "Europe/Lisbon",
        "UTC",
        "UTC",
    )
    assert end_date_time(date(2027, 2, 12), berlin) == "2027-02-12T23:59:59+01:00"
    assert end_date_time(date(2027, 7, 30), berlin) == "2027-07-30T23:59:59+02:00"
    assert date_time(date(2027, 3, 28), berlin) == "2027-03-28T00:00:00+01:00"  # DST at 02:00
    assert date_time(date(2027, 3, 29), berlin) == "2027-03-29T00:00:00+02:00"
    assert end_date_time(date(2027, 2, 12), lisbon) == "2027-02-12T23:59:59+00:00"
    assert end_date_time(date(2027, 7, 30), lisbon) == "2027-07-30T23:59:59+01:00"  # not -00:00
    assert end_date_time(date(2027, 2, 12), zone_of("XX")) == "2027-02-12T23:59:59Z"


def test_opportunities_and_accreditation_give_the_provider_s_days(tmp_path: Path) -> None:
    """Application deadline, start and end of a run are days where its provider is (its
    address's country, else its country), the accreditation's expiry the day where the
    accrediting agent is: the instant of that day's end, with its offset, which the LOQ and
    EDC shapes accept as ``xsd:dateTime`` (as ``loq.xsd`` types them) and which a reader in
    that zone sees as the same day."""
    from catalogue_factory import ORGANISATIONS, credential, write_catalogue
    from credcat.validate import load_catalogue

    runs = [
        {"id": "winter", "start": "2027-03-01", "end": "2027-04-30",
         "application_deadline": "2027-02-12"},
        {"id": "summer", "start": "2027-07-05", "end": "2027-10-31",
         "application_deadline": "2027-06-30"},
    ]  # fmt: skip
    lisbon = {
        "name": "Universidade Exemplo",
        "kind": "university",
        "country": "PT",
        "homepage": "https://lisboa.example/",
        "address": {"street": "Rua Um 1", "postcode": "1000-001", "city": "Lisboa",
                    "country": "PT"},
    }  # fmt: skip
    qa = {
        "type": "programme-quality-assurance",
        "body": "beta-qa",
        "description": {"en": "Accredited programme.", "de": "Akkreditiertes Programm."},
        "valid_until": "2031-09-30",
    }
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "berlin": credential(offerings=runs, quality_assurance=[qa]),
            "lisbon": credential(awarding_body="lisbon-uni", offerings=runs),
        },
        organisations={**ORGANISATIONS, "lisbon-uni": lisbon},
    )
    cat = load_catalogue(root)
    urls = Urls(cat.settings.base_uri, cat.settings.default_language)

    def days(cid: str) -> list[tuple[str, str, str]]:
        document = opportunities_document(cat, cat.credentials[cid], urls)
        assert document is not None
        assert _validated(document) == ("loq", [])
        assert ill_formed_literals(document) == []  # xsd:dateTime's lexical space: offsets too
        return [
            (
                node["temporal"]["startDate"],
                node["temporal"]["endDate"],
                node["applicationDeadline"],
            )
            for node in document["@graph"]
            if node["type"] == "LearningOpportunity"
        ]

    assert days("berlin") == [
        ("2027-03-01T00:00:00+01:00", "2027-04-30T23:59:59+02:00", "2027-02-12T23:59:59+01:00"),
        ("2027-07-05T00:00:00+02:00", "2027-10-31T23:59:59+01:00", "2027-06-30T23:59:59+02:00"),
    ]
    assert days("lisbon") == [
        ("2027-03-01T00:00:00+00:00", "2027-04-30T23:59:59+01:00", "2027-02-12T23:59:59+00:00"),
        ("2027-07-05T00:00:00+01:00", "2027-10-31T23:59:59+00:00", "2027-06-30T23:59:59+01:00"),
    ]
    spec = specification(cat, cat.credentials["berlin"], urls)
    assert [a["expiryDate"] for a in spec["accreditation"]] == ["2031-09-30T23:59:59+02:00"]
    elm = elm_document(cat, cat.credentials["berlin"], urls)
    assert _validated(elm)[1] == []
    assert ill_formed_literals(elm) == []
