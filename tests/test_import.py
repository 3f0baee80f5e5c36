"""``credcat import``: EDC credentials and specifications into catalogue YAML.

The oracle is the Commission's Annex I micro-credential (vendored in
``tests/fixtures/official/samples/``): every assertion compares the imported catalogue entry with
values read from the sample JSON here, never with literals the importer produced.
"""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from credcat import vocab
from credcat.catalogue import Catalogue
from credcat.cli import main
from credcat.importer import (
    MAX_BYTES,
    MAX_CREDENTIALS,
    MAX_ORGANISATIONS,
    ImportFailed,
    import_file,
)
from credcat.model import ordered_outcomes
from credcat.render.data.machine import catalogue_document
from credcat.urls import Urls
from credcat.validate import check_catalogue, load_catalogue

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "official" / "samples"
BASE = FIXTURES / "import" / "base-catalogue"
UNSIGNED = SAMPLES / "Sample-MC-Annex1-unsigned.jsonld"
UPLOADABLE = SAMPLES / "Sample-MC-Annex1-unsigned-uploadable.json"
SIGNED = SAMPLES / "Sample-MC-Annex1-signed.jsonld"


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(UNSIGNED.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    """A fresh copy of the small base catalogue (publisher only, no credentials)."""
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def load(folder: Path) -> Catalogue:
    """The catalogue after an import, once a maintainer has replaced every placeholder.

    Before that, the only errors allowed are the placeholders' own: each one fails the check.
    The placeholders are filled in a copy, so the imported files stay as written.
    """
    catalogue, problems = check_catalogue(folder, display_root=folder)
    errors = [p for p in problems if p.is_error]
    assert all(p.code == "import-placeholder" for p in errors), [p.format() for p in errors]
    if errors:  # fill a copy beside it (in tmp_path): tests read the imported files too
        filled = folder.parent / f"{folder.name}-filled"
        shutil.rmtree(filled, ignore_errors=True)
        shutil.copytree(folder, filled)
        fill_placeholders(filled)
        catalogue, problems = check_catalogue(filled, display_root=filled)
        errors = [p for p in problems if p.is_error]
    assert catalogue is not None and not errors, [p.format() for p in errors]
    return catalogue


MARKER = "TODO(import)"


def fill_placeholders(folder: Path) -> None:
    """Replace every TODO(import) as a maintainer would (comments are not kept)."""
    settings = yaml.safe_load((folder / "catalogue.yaml").read_text(encoding="utf-8"))
    simple: dict[str, Any] = {
        "awarding_body": [settings["publisher"]],
        "eqf": 4,
        "field": ["0613"],
        "workload": {"ects": 5},
        "mode": "online",
        "setting": "non-formal",
        "outcomes": [{"id": "o1", "text": "Filled in by the maintainer."}],
        "type": "written-examination",
        "description": "Filled in by the maintainer.",
        "country": "IE",
        "homepage": "https://filled.example/",
    }

    def marked(value: Any) -> bool:
        return isinstance(value, str) and value.startswith(MARKER)

    for path in sorted(folder.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if MARKER not in text.replace(f"# {MARKER}", ""):
            continue
        data = yaml.safe_load(text)
        for key, value in simple.items():
            if marked(data.get(key)):
                data[key] = value
        outcome_ids = [o["id"] for o in data.get("outcomes", [])]
        if marked(data.get("assessments")):
            data["assessments"] = [
                {
                    "id": "a",
                    "type": "written-examination",
                    "description": "x",
                    "proves": outcome_ids,
                }
            ]
        for assessment in data.get("assessments", []):
            for key in ("type", "description"):
                if marked(assessment.get(key)):
                    assessment[key] = simple[key]
            if marked(assessment.get("proves")):
                assessment["proves"] = outcome_ids
        if marked(data.get("quality_assurance")):
            data["quality_assurance"] = [
                {
                    "type": "institutional-quality-assurance",
                    "body": data["awarding_body"][0],
                    "description": "Filled in by the maintainer.",
                }
            ]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def new_files(before: dict[str, bytes], folder: Path) -> dict[str, Any]:
    """The files an import added, parsed (comments aside)."""
    after = snapshot(folder)
    assert all(after[k] == v for k, v in before.items()), "an existing file was changed"
    return {k: yaml.safe_load(v) for k, v in after.items() if k not in before}


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def claim_of(credential: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = credential["credentialSubject"]["hasClaim"]
    return claim


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def imported_credential(catalogue: Catalogue) -> Any:
    assert len(catalogue.credentials) == 1
    return next(iter(catalogue.credentials.values()))


# --- the Commission's sample --------------------------------------------------------------


def test_commission_sample_keeps_annex_i_elements(cat: Path, sample: dict[str, Any]) -> None:
    report = import_file(UNSIGNED, cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    claim = claim_of(sample)
    spec = claim["specifiedBy"]

    assert cred.title == spec["title"]
    assert [o.text for o in cred.outcomes] == [lo["title"] for lo in spec["learningOutcome"]]
    assert [[s.uri for s in o.esco] for o in cred.outcomes] == [
        [s["id"] for s in as_list(lo["relatedESCOSkill"])] for lo in spec["learningOutcome"]
    ]
    assert [[s.label for s in o.esco] for o in cred.outcomes] == [
        [s["prefLabel"] for s in as_list(lo["relatedESCOSkill"])] for lo in spec["learningOutcome"]
    ]
    assert cred.outcomes[1].reuse is not None
    reuse_iri = spec["learningOutcome"][1]["reusabilityLevel"]["id"]
    assert vocab.concept("reuse-level", cred.outcomes[1].reuse).iri == reuse_iri
    hours = re.fullmatch(r"PT(\d+)H", spec["volumeOfLearning"])
    assert hours is not None
    assert cred.workload.hours == int(hours.group(1))
    assert cred.workload.ects == float(spec["creditPoint"]["point"])
    assert vocab.concept("eqf", str(cred.eqf)).iri == spec["eqfLevel"]["id"]
    assert vocab.concept("nqf", cred.nqf or "").iri == spec["nqfLevel"]["id"]
    assert [vocab.concept("isced-f", f).iri for f in cred.field] == [
        t["id"] for t in spec["thematicArea"]
    ]
    assert vocab.concept("mode", cred.mode).iri == spec["mode"]["id"]
    assert vocab.concept("learning-setting", cred.setting).iri == spec["learningSetting"]["id"]
    assert [vocab.concept("language", lang).iri for lang in cred.languages] == [
        spec["language"]["id"]
    ]
    assert cred.prerequisites == spec["entryRequirement"]["noteLiteral"]

    # assessment: the sample's concept is local, so the type is matched by its label
    assessment_spec = claim["provenBy"]["specifiedBy"]
    (assessment,) = cred.assessments
    assert assessment.title == assessment_spec["title"]
    assert (
        vocab.concept("assessment-type", assessment.type).label("en")
        == assessment_spec["dcType"]["prefLabel"]["en"]
    )
    assert assessment.grading == assessment_spec["gradingScheme"]["description"]
    assert sorted(assessment.proves) == sorted(o.id for o in cred.outcomes)
    assert assessment.supervision == "unsupervised" and not assessment.identity_check

    # awarding body, provider and assessor keep their roles
    body = claim["awardedBy"]["awardingBody"]
    (awarding,) = cred.awarding_body
    org = catalogue.organisations[awarding]
    assert org.name == body["legalName"]
    assert org.homepage == body["homepage"]["contentURL"]
    assert (
        vocab.concept("country", org.country).iri
        == body["location"]["address"]["countryCode"]["id"]
    )
    assert [catalogue.organisations[o].name for o in cred.providers] == [
        claim["influencedBy"]["directedBy"]["legalName"]
    ]
    assert [catalogue.organisations[o].name for o in cred.assessors] == [
        claim["provenBy"]["assessedBy"]["legalName"]
    ]

    # the sample has no accreditation: a placeholder, reported, and the entry is a draft
    assert cred.status == "draft"
    assert any(line.startswith("gap:") and "quality_assurance" in line for line in report)
    text = (cat / "credentials" / f"{cred.id}.yaml").read_text(encoding="utf-8")
    assert "TODO(import)" in text


def test_report_names_what_was_left_behind(cat: Path, sample: dict[str, Any]) -> None:
    report = import_file(UNSIGNED, cat)
    grade = claim_of(sample)["provenBy"]["grade"]["noteLiteral"]["en"]
    assert any("learner data" in line and "credentialSubject" in line for line in report)
    assert any(".grade" in line and grade in line for line in report)
    assert any("displayParameter" in line for line in report)
    assert any("relatedSkill" in line for line in report)  # DigComp skills, not ESCO
    assert any("proves all outcomes" in line for line in report)
    written = [line for line in report if line.startswith("wrote ")]
    assert sorted(written) == sorted(f"wrote {k}" for k in snapshot(cat) if k not in snapshot(BASE))
    assert all("\n" not in line for line in report)


def test_output_is_friendly_yaml(cat: Path, sample: dict[str, Any]) -> None:
    import_file(UNSIGNED, cat)
    (path,) = (cat / "credentials").glob("*.yaml")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/credential.schema.json"
    keys = [ln.split(":")[0] for ln in lines if ln and not ln.startswith(("#", " "))]
    assert keys[0] == "title"
    assert path.stem == "digital-micro-credential-creation"  # slug of the title
    # a text in several languages stays a language map; the default language alone is plain
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = claim_of(sample)["specifiedBy"]
    assert data["title"] == spec["title"]["en"]
    assert data["outcomes"][1]["text"] == spec["learningOutcome"][1]["title"]
    assert data["version"] == "1.0"
    imported = [
        p
        for p in (cat / "organisations").glob("*.yaml")
        if not (BASE / "organisations" / p.name).exists()
    ]
    assert imported
    for org in imported:
        first = org.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/organisation.schema.json"


def _vc2(sample: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(sample)
    doc["@context"] = [
        "https://www.w3.org/ns/credentials/v2",
        "http://data.europa.eu/snb/model/context/edc-ap",
    ]
    doc["type"] = ["VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"]
    return doc


@pytest.mark.parametrize("form", ["uploadable", "signed", "vc2"])
def test_other_forms_give_the_same_result(
    tmp_path: Path, sample: dict[str, Any], form: str
) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(BASE, reference)
    before = snapshot(reference)
    import_file(UNSIGNED, reference)
    expected = new_files(before, reference)

    source = {
        "uploadable": UPLOADABLE,
        "signed": SIGNED,
        "vc2": write_json(tmp_path / "vc2.jsonld", _vc2(sample)),
    }[form]
    target = tmp_path / form
    shutil.copytree(BASE, target)
    import_file(source, target)
    load(target)
    assert new_files(before, target) == expected


def test_signed_payload_is_what_is_imported(cat: Path) -> None:
    payload = json.loads(json.loads(SIGNED.read_text(encoding="utf-8"))["payload"])
    import_file(SIGNED, cat)
    cred = imported_credential(load(cat))
    assert cred.title == payload["credentialSubject"]["hasClaim"]["specifiedBy"]["title"]


def test_standalone_specification(cat: Path, tmp_path: Path, sample: dict[str, Any]) -> None:
    spec = copy.deepcopy(claim_of(sample)["specifiedBy"])
    spec["@context"] = sample["@context"]
    source = write_json(tmp_path / "spec.jsonld", spec)
    report = import_file(source, cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    assert cred.title == spec["title"]
    assert [o.text for o in cred.outcomes] == [lo["title"] for lo in spec["learningOutcome"]]
    assert cred.workload.ects == float(spec["creditPoint"]["point"])
    assert vocab.concept("eqf", str(cred.eqf)).iri == spec["eqfLevel"]["id"]
    assert vocab.concept("mode", cred.mode).iri == spec["mode"]["id"]
    # a specification alone names no awarding body and no assessment: placeholders, a draft
    assert cred.status == "draft"
    assert cred.awarding_body == [catalogue.settings.publisher]
    for key in ("awarding_body", "assessments", "quality_assurance"):
        assert any(line.startswith("gap:") and f": {key} —" in line for line in report), key
    assert not any("learner data" in line for line in report)


SAMPLE_CATALOGUE = Path(__file__).parent.parent / "catalogue"


def test_a_credcat_catalogue_graph_imports_every_credential(cat: Path, tmp_path: Path) -> None:
    """``catalogue.jsonld`` holds every credential of a catalogue: each one's record (its
    current version's content and live status, at ``…/credentials/<id>/#spec``, naming its
    current version). A maintainer moving a catalogue gets every credential, each under its
    own id, at its current version, the parts of a stackable credential naming it (its
    ``hasPart`` names the parts at the versions it was released with, which the graph
    describes at their records)."""
    published = load_catalogue(SAMPLE_CATALOGUE)
    urls = Urls(published.settings.base_uri, published.settings.default_language)
    document = catalogue_document(published, urls)
    first = next(iter(published.credentials.values()))
    assert document["@graph"][0]["id"] == urls.catalogue_iri()  # the catalogue's: not imported
    assert document["@graph"][1]["id"] == urls.record_iri(first.id)
    report = import_file(write_json(tmp_path / "catalogue.jsonld", document), cat)
    written = sorted(line for line in report if line.startswith("wrote credentials/"))
    assert written == [f"wrote credentials/{cid}.yaml" for cid in sorted(published.credentials)]
    catalogue = load(cat)
    assert sorted(catalogue.credentials) == sorted(published.credentials)
    for cid, source in published.credentials.items():
        cred = catalogue.credentials[cid]
        assert cred.title == source.title, cid
        assert cred.version == source.version, cid
        # in the order the files list them: as the page numbers them
        assert [o.text for o in cred.outcomes] == [o.text for o in ordered_outcomes(source)], cid
        assert sorted(cred.stackability.part_of) == sorted(source.stackability.part_of), cid
    assert any(c.stackability.part_of for c in published.credentials.values())

    # the same file again: the catalogue has every one of them now; nothing is written
    before = snapshot(cat)
    with pytest.raises(ImportFailed) as refused:
        import_file(write_json(tmp_path / "catalogue.jsonld", document), cat)
    said = str(refused.value)
    assert said.startswith(
        f"the file describes {len(published.credentials)} credentials, and the catalogue "
        f"already has every one: {first.id} {first.version} (the same title), "
    )  # another site's addresses: known by credcat's id in them and the title
    assert said.endswith("nothing written (--as-new imports them as new credentials all the same)")
    assert snapshot(cat) == before


def test_id_references_are_resolved(cat: Path, tmp_path: Path, sample: dict[str, Any]) -> None:
    doc = copy.deepcopy(sample)
    claim = claim_of(doc)
    body = claim["awardedBy"]["awardingBody"]
    claim["awardedBy"]["awardingBody"] = body["id"]  # a bare id; the node is the issuer
    claim["specifiedBy"]["eqfLevel"] = {"id": claim["specifiedBy"]["eqfLevel"]["id"]}
    import_file(write_json(tmp_path / "refs.jsonld", doc), cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    assert catalogue.organisations[cred.awarding_body[0]].name == body["legalName"]
    assert vocab.concept("eqf", str(cred.eqf)).iri == claim["specifiedBy"]["eqfLevel"]["id"]


def test_nested_claims_become_stackable_credentials(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    claim = claim_of(doc)
    part = copy.deepcopy(claim)
    part["id"] = "urn:epass:learningAchievement:part"
    part["specifiedBy"]["id"] = "urn:epass:qualification:part"
    part["specifiedBy"]["title"] = {"en": "Credential building basics"}
    claim["hasPart"] = [part]
    import_file(write_json(tmp_path / "nested.jsonld", doc), cat)
    catalogue = load(cat)
    by_title = {c.title["en"]: c for c in catalogue.credentials.values()}
    whole = by_title[claim["specifiedBy"]["title"]["en"]]
    piece = by_title[part["specifiedBy"]["title"]["en"]]
    assert piece.stackability is not None and piece.stackability.part_of == [whole.id]
    assert len(catalogue.organisations) == 3  # publisher + awarding body + support team


def _accredited(sample: dict[str, Any]) -> dict[str, Any]:
    """The sample plus the one Annex I element it lacks: an accreditation."""
    doc = copy.deepcopy(sample)
    qa_type = vocab.concept("accreditation-type", "programme-quality-assurance")
    claim_of(doc)["specifiedBy"]["accreditation"] = [
        {
            "id": "urn:test:accreditation:1",
            "type": "Accreditation",
            "dcType": {
                "id": qa_type.iri,
                "type": "Concept",
                "inScheme": {"id": qa_type.scheme, "type": "ConceptScheme"},
            },
            "title": {"en": "Programme accreditation 2024"},
            "accreditingAgent": {
                "id": "urn:test:org:agency",
                "type": "Organisation",
                "legalName": {"en": "Quality Agency of Zed", "ga": "Gníomhaireacht Cáilíochta Zed"},
                "homepage": {
                    "id": "urn:test:web:1",
                    "type": "WebResource",
                    "contentURL": "https://quality.example.ie",
                },
                "location": {
                    "id": "urn:test:loc:1",
                    "type": "Location",
                    "address": {
                        "id": "urn:test:addr:1",
                        "type": "Address",
                        "countryCode": {
                            "id": "http://publications.europa.eu/resource/authority/country/IRL",
                            "type": "Concept",
                        },
                    },
                },
            },
            "expiryDate": "2029-12-31T00:00:00Z",
        }
    ]
    return doc


def test_complete_source_gives_an_active_entry(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = _accredited(sample)
    report = import_file(write_json(tmp_path / "accredited.jsonld", doc), cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    accreditation = claim_of(doc)["specifiedBy"]["accreditation"][0]
    (qa,) = cred.quality_assurance
    assert vocab.concept("accreditation-type", qa.type).iri == accreditation["dcType"]["id"]
    agency = catalogue.organisations[qa.body]
    assert agency.name == accreditation["accreditingAgent"]["legalName"]  # both languages
    assert str(qa.valid_until) == accreditation["expiryDate"][:10]
    assert cred.status == "active"
    assert not [line for line in report if line.startswith("gap:")]
    assert "TODO" not in (cat / "credentials" / f"{cred.id}.yaml").read_text(encoding="utf-8")


def test_missing_country_of_the_awarding_body_is_a_gap(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = _accredited(sample)
    body_id = claim_of(doc)["awardedBy"]["awardingBody"]["id"]

    def strip(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("id") == body_id:
                for key in ("location", "registration", "vatIdentifier"):
                    node.pop(key, None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(doc)
    report = import_file(write_json(tmp_path / "no-country.jsonld", doc), cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    assert cred.status == "draft"
    org_file = f"organisations/{cred.awarding_body[0]}.yaml"
    assert any(line.startswith(f"gap: {org_file}: country") for line in report)
    assert any(
        line.startswith("gap: credentials/") and "country of the issuer" in line for line in report
    )
    assert "TODO(import)" in (cat / org_file).read_text(encoding="utf-8")


def test_unknown_properties_are_reported_with_their_path(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    claim_of(doc)["specifiedBy"]["someVendorExtension"] = {"x": 1}
    claim_of(doc)["specifiedBy"]["learningOutcome"][0]["colour"] = "blue"
    report = import_file(write_json(tmp_path / "extended.jsonld", doc), cat)
    assert any(
        line.startswith("not imported: credentialSubject.hasClaim.specifiedBy.someVendorExtension")
        for line in report
    )
    assert any(
        line.startswith(
            "not imported: credentialSubject.hasClaim.specifiedBy.learningOutcome[0].colour"
        )
        for line in report
    )


def test_assessment_proves_what_the_data_says(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    spec = claim_of(doc)["specifiedBy"]
    second = spec["learningOutcome"][1]
    spec["provenBy"] = [
        {
            "id": "urn:test:assessment:1",
            "type": "LearningAssessmentSpecification",
            "title": {"en": "Content portfolio"},
            "dcType": {"id": vocab.concept("assessment-type", "portfolio").iri, "type": "Concept"},
            "description": {"en": "A portfolio of digital content, judged against a rubric."},
            "proves": {
                "id": "urn:test:part",
                "type": "LearningAchievementSpecification",
                "learningOutcome": [{"id": second["id"]}],
            },
        }
    ]
    report = import_file(write_json(tmp_path / "proves.jsonld", doc), cat)
    cred = imported_credential(load(cat))
    assessment = cred.assessments[0]
    (proved,) = assessment.proves
    assert next(o for o in cred.outcomes if o.id == proved).text == second["title"]
    assert assessment.description == spec["provenBy"][0]["description"]
    assert not any("proves all outcomes" in line for line in report)
    # the first outcome is proven by nothing in the source: a placeholder assessment, a draft
    assert len(cred.assessments) == 2 and cred.status == "draft"
    assert any(
        line.startswith("gap:") and "no assessment in the source proves" in line for line in report
    )


# --- the imported entry renders to valid ELM ----------------------------------------------


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_imported_specification_renders_valid_elm(cat: Path, sample: dict[str, Any]) -> None:
    import pyshacl
    import rdflib
    from rdflib.namespace import RDF

    from credcat.jsonld import to_nquads
    from credcat.render.data.elm import elm_document
    from credcat.urls import Urls

    import_file(UNSIGNED, cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    document = elm_document(
        catalogue, cred, Urls(catalogue.settings.base_uri, catalogue.settings.default_language)
    )
    data = rdflib.Graph()
    data.parse(data=to_nquads(document), format="nquads")  # offline: vendored contexts only
    elm = rdflib.Namespace("http://data.europa.eu/snb/model/elm/")
    # guard against vacuous conformance (a context without id/type aliases gives no typed
    # nodes, and SHACL then finds nothing to check): the typed nodes must be there
    assert len(list(data.subjects(RDF.type, elm.Qualification))) == 1
    outcomes = claim_of(sample)["specifiedBy"]["learningOutcome"]
    assert len(list(data.subjects(RDF.type, elm.LearningOutcome))) == len(outcomes)
    assert len(list(data.subjects(RDF.type, elm.LearningAssessmentSpecification))) == 1
    shapes = rdflib.Graph()
    for name in ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl"):
        shapes.parse(FIXTURES / "official" / "shacl" / name, format="turtle")
    conforms, _graph, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text


# --- existing files -----------------------------------------------------------------------


def test_existing_files_are_never_overwritten(cat: Path) -> None:
    import_file(UNSIGNED, cat)
    before = snapshot(cat)
    report = import_file(UNSIGNED, cat, as_new=True)  # the same credential again, on purpose
    added = new_files(before, cat)
    # the organisations are reused (same legal names), the credential gets a new id
    assert list(added) == ["credentials/digital-micro-credential-creation-2.yaml"]
    assert sum(line.startswith("reused: organisations/") for line in report) == 2
    load(cat)


def test_a_catalogue_named_relative_to_the_current_folder_is_read_whole(
    cat: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``credcat import file --into catalogue`` (the default, relative to where it runs) reads
    the catalogue as an absolute path would: its organisations are reused, its settings and
    publisher known. It once read none of them from a relative folder, and wrote a second
    copy of every organisation at each import."""
    monkeypatch.chdir(cat.parent)
    code = main(["import", str(UNSIGNED), "--into", "catalogue"], out=io.StringIO())
    assert code == 0
    before = snapshot(cat)
    out = io.StringIO()
    assert main(["import", str(UNSIGNED), "--into", cat.name, "--as-new"], out=out) == 0
    assert list(new_files(before, cat)) == ["credentials/digital-micro-credential-creation-2.yaml"]
    assert sum(line.startswith("reused: organisations/") for line in out.getvalue().splitlines())
    load(cat)


def test_organisation_reused_by_homepage(cat: Path, sample: dict[str, Any]) -> None:
    body = claim_of(sample)["awardedBy"]["awardingBody"]
    (cat / "organisations" / "zed.yaml").write_text(
        f"name: Our own name for it\nkind: university\ncountry: IE\n"
        f"homepage: {body['homepage']['contentURL'].upper()}/\n",
        encoding="utf-8",
    )
    import_file(UNSIGNED, cat)
    cred = imported_credential(load(cat))
    assert cred.awarding_body == ["zed"]
    assert not (cat / "organisations" / "university-of-zed.yaml").exists()


def test_write_failure_leaves_nothing_behind(cat: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from credcat.importer import writing

    original = writing.validate

    def validate_then_race(into: Path, plans: Any, report: Any) -> None:
        original(into, plans, report)
        # another process creates the credential between the check and the write
        (into / "credentials").mkdir(exist_ok=True)
        (into / "credentials" / "digital-micro-credential-creation.yaml").write_text("x")

    monkeypatch.setattr(writing, "validate", validate_then_race)
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match="already exists"):
        import_file(UNSIGNED, cat)
    after = snapshot(cat)
    assert after.pop("credentials/digital-micro-credential-creation.yaml") == b"x"
    assert after == before


# --- bad input ----------------------------------------------------------------------------


def _bad_inputs(tmp: Path, sample: dict[str, Any]) -> dict[str, Path]:
    spec = copy.deepcopy(claim_of(sample)["specifiedBy"])
    del spec["title"]
    activity = copy.deepcopy(sample)
    claim = claim_of(activity)
    claim["type"] = "LearningActivity"
    claim["specifiedBy"] = {"id": "urn:x", "type": "LearningActivitySpecification"}
    big = tmp / "big.json"
    big.write_bytes(b'{"a": "' + b"x" * MAX_BYTES + b'"}')
    cases = {
        "not JSON": tmp / "not.json",
        "not UTF-8": tmp / "latin1.json",
        "empty": tmp / "empty.json",
        "a list": write_json(tmp / "list.json", [1, 2, 3]),
        "not an EDC": write_json(tmp / "other.json", {"type": "Person", "name": "x"}),
        "payload not JSON": write_json(
            tmp / "signed.json", {"payload": "eyJub3QganNvbg", "signatures": []}
        ),
        "spec without title": write_json(tmp / "spec.json", spec),
        "certificate of participation": write_json(tmp / "cop.json", activity),
        "too large": big,
        "missing": tmp / "does-not-exist.json",
    }
    cases["not JSON"].write_text("{not json", encoding="utf-8")
    cases["not UTF-8"].write_bytes('{"title": "Müller"}'.encode("latin-1"))
    cases["empty"].write_text("", encoding="utf-8")
    return cases


BAD = [
    "not JSON",
    "not UTF-8",
    "empty",
    "a list",
    "not an EDC",
    "payload not JSON",
    "spec without title",
    "certificate of participation",
    "too large",
    "missing",
]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_refused_cleanly(
    cat: Path, tmp_path: Path, sample: dict[str, Any], case: str
) -> None:
    source = _bad_inputs(tmp_path, sample)[case]
    before = snapshot(cat)
    with pytest.raises(ImportFailed) as info:
        import_file(source, cat)
    message = str(info.value)
    assert message and "\n" not in message
    assert snapshot(cat) == before


def test_messages_say_what_is_wrong(tmp_path: Path, cat: Path, sample: dict[str, Any]) -> None:
    cases = _bad_inputs(tmp_path, sample)
    expected = {
        "not JSON": "not JSON",
        "not UTF-8": "not UTF-8",
        "too large": "5 MiB",
        "payload not JSON": "payload is not JSON",
        "spec without title": "no title",
        "certificate of participation": "learning activity",
    }
    for case, words in expected.items():
        with pytest.raises(ImportFailed, match=words):
            import_file(cases[case], cat)


def test_attendance_only_is_refused(cat: Path, tmp_path: Path, sample: dict[str, Any]) -> None:
    doc = copy.deepcopy(sample)
    attendance = vocab.concept("assessment-type", "level-of-attendance")
    claim_of(doc)["provenBy"]["specifiedBy"]["dcType"] = {"id": attendance.iri, "type": "Concept"}
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match="attendance"):
        import_file(write_json(tmp_path / "attendance.jsonld", doc), cat)
    assert snapshot(cat) == before


def test_no_catalogue_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-catalogue"
    folder.mkdir()
    with pytest.raises(ImportFailed, match="--into"):
        import_file(UNSIGNED, folder)
    assert list(folder.iterdir()) == []


def test_cli_exit_codes(cat: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[", encoding="utf-8")
    out = io.StringIO()
    assert main(["import", str(bad), "--into", str(cat)], out=out) == 1
    text = out.getvalue()
    assert text.startswith(f"{bad}: ") and "Traceback" not in text
    assert len(text.strip().splitlines()) == 1

    out = io.StringIO()  # the command could not run as given (credcat --help): status 2
    assert main(["import", str(UNSIGNED), "--into", str(tmp_path / "nowhere")], out=out) == 2
    assert "--into" in out.getvalue()

    out = io.StringIO()
    assert main(["import", str(UNSIGNED), "--into", str(cat)], out=out) == 0
    assert "wrote credentials/" in out.getvalue()


# --- hostile input ------------------------------------------------------------------------


def _comment_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("#")]


@pytest.mark.parametrize(
    "name",
    [
        "x\nqf_ehea: third-cycle\n#.json",
        "x\rpublished: 2020-01-01\r#.json",
        "x\u2028further_information: injected\u2028#.json",
    ],
)
def test_file_name_cannot_add_yaml_keys(
    cat: Path, tmp_path: Path, sample: dict[str, Any], name: str
) -> None:
    # the header names the source file; a line break in the name would start a YAML key
    spec = copy.deepcopy(claim_of(sample)["specifiedBy"])
    source = write_json(tmp_path / name, spec)
    before = snapshot(cat)
    import_file(source, cat)
    (path,) = (cat / "credentials").glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if "Imported by credcat from" in ln]
    assert len(header) == 1 and header[0].startswith("# "), header
    assert "\u2028" not in text and "\r" not in text
    data = new_files(before, cat)[f"credentials/{path.name}"]
    assert not {"qf_ehea", "published", "further_information"} & set(data)
    assert "x\\x0a" in header[0] or "x\\x0d" in header[0] or "x\\u2028" in header[0]
    load(cat)


def test_labels_cannot_break_out_of_todo_comments(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    # an unknown assessment type's label is quoted in a "TODO(import)" comment; YAML reads
    # U+2028 and U+0085 as line breaks, so raw they would end the comment
    doc = copy.deepcopy(sample)
    evil = (
        "x\u2028homepage: https://evil.example/\u2028"
        "# yaml-language-server: $schema=https://evil.example/s.json\x85status: active"
    )
    claim_of(doc)["provenBy"]["specifiedBy"]["dcType"] = {
        "id": "urn:test:local-type",
        "type": "Concept",
        "prefLabel": {"en": evil},
    }
    import_file(write_json(tmp_path / "label.jsonld", doc), cat)
    (path,) = (cat / "credentials").glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    assert "\u2028" not in text and "\x85" not in text
    assert "TODO(import): assessments[0].type" in text  # the comments were kept
    data = yaml.safe_load(text)
    assert data["status"] == "draft" and "homepage" not in data
    schema_lines = [ln for ln in _comment_lines(text) if "yaml-language-server" in ln]
    assert schema_lines[0] == CREDENTIAL_SCHEMA_LINE
    assert all(ln.startswith("# ") for ln in _comment_lines(text))
    cred = imported_credential(load(cat))
    assert cred.status == "draft"


CREDENTIAL_SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/credential.schema.json"


def test_report_has_no_terminal_escapes(cat: Path, tmp_path: Path, sample: dict[str, Any]) -> None:
    # report lines quote keys and labels of the source; ESC sequences would clear the screen,
    # set the clipboard (OSC 52) or overwrite earlier lines
    doc = copy.deepcopy(sample)
    spec = claim_of(doc)["specifiedBy"]
    spec["evil\x1b[2J\x1b]52;c;ZXZpbA==\x07"] = 1
    spec["nqfLevel"] = {"id": "urn:test:nqf", "prefLabel": {"en": "\x1b[1A\rwrote x\u202e" * 50}}
    spec["long"] = {"title": "y" * 100_000}
    report = import_file(write_json(tmp_path / "escapes.jsonld", doc), cat)
    assert report
    for line in report:
        assert line.isprintable(), repr(line)
        assert len(line) <= 1000
    assert any("evil\\x1b[2J" in line for line in report)


def test_too_many_specifications_are_refused(cat: Path, tmp_path: Path) -> None:
    # a 200 KiB file of tiny specifications would otherwise write thousands of files
    claims = [
        {
            "id": f"urn:test:claim:{i}",
            "specifiedBy": {
                "id": f"urn:test:spec:{i}",
                "type": "Qualification",
                "title": {"en": f"Credential {i}"},
            },
        }
        for i in range(MAX_CREDENTIALS + 1)
    ]
    doc = {
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialSubject": {"id": "urn:test:person", "hasClaim": claims},
    }
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match=f"at most {MAX_CREDENTIALS}"):
        import_file(write_json(tmp_path / "many.jsonld", doc), cat)
    assert snapshot(cat) == before
    # a graph of as many (a large catalogue's catalogue.jsonld): the same limit, and what to do
    graph = {"@graph": [claim["specifiedBy"] for claim in claims]}
    with pytest.raises(ImportFailed, match=r"elm\.jsonld files instead"):
        import_file(write_json(tmp_path / "graph.jsonld", graph), cat)
    assert snapshot(cat) == before


def test_too_many_organisations_are_refused(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    spec = copy.deepcopy(claim_of(sample)["specifiedBy"])
    spec["awardingOpportunity"] = {
        "id": "urn:test:opportunity",
        "awardingBody": [
            {"id": f"urn:test:org:{i}", "type": "Organisation", "legalName": {"en": f"Body {i}"}}
            for i in range(MAX_ORGANISATIONS + 1)
        ],
    }
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match=f"more than {MAX_ORGANISATIONS} organisations"):
        import_file(write_json(tmp_path / "orgs.jsonld", spec), cat)
    assert snapshot(cat) == before


def test_ids_are_never_windows_device_names(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    # credentials/con.yaml cannot be checked out on Windows
    spec = copy.deepcopy(claim_of(sample)["specifiedBy"])
    spec["title"] = {"en": "CON"}
    import_file(write_json(tmp_path / "con.jsonld", spec), cat)
    assert [p.name for p in (cat / "credentials").glob("*.yaml")] == ["con-credential.yaml"]
    load(cat)


def test_odd_addresses_and_dates_are_reported_not_fatal(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    # a stranger's file with one address the model refuses, or a date that is no date, still
    # imports; the value is reported instead
    doc = _accredited(sample)
    accreditation = claim_of(doc)["specifiedBy"]["accreditation"][0]
    accreditation["expiryDate"] = "2029-13-45"
    accreditation["accreditingAgent"]["homepage"]["contentURL"] = 'https://q.example/"><x'
    claim_of(doc)["awardedBy"]["awardingBody"]["homepage"]["contentURL"] = (
        "https://uniz.example\\@evil.example/"
    )
    report = import_file(write_json(tmp_path / "odd.jsonld", doc), cat)
    catalogue = load(cat)
    cred = imported_credential(catalogue)
    assert cred.quality_assurance[0].valid_until is None
    assert any("expiryDate (2029-13-45)" in line for line in report)
    for org in catalogue.organisations.values():
        assert "evil" not in org.homepage and '"' not in org.homepage


def _sample_elm(cid: str, folder: Path) -> tuple[Any, Path]:
    """A sample credential's current version and its ``elm.jsonld`` as the site publishes it,
    written into ``folder``."""
    from credcat.output import data_files
    from credcat.urls import Urls
    from credcat.validate import load_catalogue

    sample = load_catalogue(Path(__file__).parent.parent / "catalogue")
    source = sample.credentials[cid]
    files = data_files(sample, Urls.of(sample.settings))
    elm = folder / "elm.jsonld"
    elm.write_bytes(files[f"credentials/{cid}/{source.version}/elm.jsonld"])
    return source, elm


# --- a credential the catalogue already has ------------------------------------------------


@pytest.fixture(scope="module")
def published_files() -> dict[str, bytes]:
    """Every machine-readable file the sample catalogue's site publishes, by path."""
    from credcat.output import data_files

    sample = load_catalogue(SAMPLE_CATALOGUE)
    return data_files(sample, Urls.of(sample.settings))


@pytest.mark.parametrize(
    ("published", "version"),
    [
        ("credentials/data-analysis-python/1.1/elm.jsonld", "1.1"),
        ("credentials/data-analysis-python/1.1/edc-template.json", "1.1"),
        ("credentials/data-analysis-python/1.2/elm.jsonld", "1.2"),
        ("credentials/data-analysis-python/opportunities.jsonld", "1.2"),
    ],
)
def test_a_catalogues_own_file_is_not_imported_into_it_again(
    tmp_path: Path, published_files: dict[str, bytes], published: str, version: str
) -> None:
    """A file the catalogue's own site published (its address is under the catalogue's
    base_uri) is a credential the catalogue has: the import says which, and writes nothing
    (it once wrote data-analysis-python-2.yaml, a copy); ``--as-new`` imports it all the
    same, under an id of its own."""
    own = tmp_path / "catalogue"
    shutil.copytree(SAMPLE_CATALOGUE, own)
    source = tmp_path / Path(published).name
    source.write_bytes(published_files[published])
    before = snapshot(own)
    current = "" if version == "1.2" else ", at version 1.2"
    expected = (
        f"this is data-analysis-python {version}, which the catalogue already has "
        f"(credentials/data-analysis-python.yaml{current}); nothing written (--as-new imports "
        "it as a new credential all the same)"
    )
    with pytest.raises(ImportFailed) as refused:
        import_file(source, own)
    assert str(refused.value) == expected
    out = io.StringIO()
    assert main(["import", str(source), "--into", str(own)], out=out) == 1
    assert out.getvalue() == f"{source}: {expected}\n"
    assert snapshot(own) == before

    report = import_file(source, own, as_new=True)
    assert list(new_files(before, own)) == ["credentials/data-analysis-python-2.yaml"]
    assert "wrote credentials/data-analysis-python-2.yaml" in report


def test_the_same_title_and_awarding_body_is_the_same_credential(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    """A stranger's file carries no address of the catalogue's: a credential with the title
    of one the catalogue has (in any of its languages), awarded by the same organisation (the
    same legal name or homepage), is that one."""
    import_file(UNSIGNED, cat)
    cid = imported_credential(load(cat)).id
    doc = copy.deepcopy(sample)
    spec = claim_of(doc)["specifiedBy"]
    spec["id"] = "urn:epass:learningAchievementSpecification:another"
    title = spec["title"]
    spec["title"] = {"ga": "Teideal eile", **title}  # one more language: still the same
    before = snapshot(cat)
    with pytest.raises(ImportFailed) as refused:
        import_file(write_json(tmp_path / "again.jsonld", doc), cat)
    assert str(refused.value) == (
        f"this is {cid}, which the catalogue already has (credentials/{cid}.yaml; the same "
        "title); nothing written (--as-new imports it as a new credential all the same)"
    )
    assert snapshot(cat) == before
    # another title by the same awarding body is another credential
    spec["title"] = {lang: f"{text} (advanced)" for lang, text in title.items()}
    import_file(write_json(tmp_path / "advanced.jsonld", doc), cat)
    assert len(new_files(before, cat)) == 1


def test_credcats_address_and_title_of_another_awarding_body_is_another_credential(
    cat: Path, tmp_path: Path, published_files: dict[str, bytes]
) -> None:
    """Two catalogues started by ``credcat init`` share the example's id and title: a file of
    the other one, whose awarding body is none of that credential's, is a new credential; a
    file of the same one (its awarding body the catalogue's) is still known by credcat's id."""
    source = tmp_path / "mine.jsonld"
    source.write_bytes(published_files["credentials/data-analysis-python/1.2/elm.jsonld"])
    import_file(source, cat)
    doc = json.loads(source.read_bytes())
    before = snapshot(cat)
    with pytest.raises(ImportFailed) as refused:  # the same again: known
        import_file(write_json(tmp_path / "again.jsonld", doc), cat)
    assert "which the catalogue already has" in str(refused.value)
    bodies = [
        body
        for opportunity in doc["awardingOpportunity"]
        for body in (
            opportunity["awardingBody"]
            if isinstance(opportunity["awardingBody"], list)
            else [opportunity["awardingBody"]]
        )
    ]
    assert bodies
    for body in bodies:  # another school's file of a credential of the same id and title
        body["legalName"] = {"en": "Another School"}
        body["homepage"] = [{"id": "https://another-school.example.org/", "type": "WebResource"}]
    report = import_file(write_json(tmp_path / "theirs.jsonld", doc), cat)
    added = new_files(before, cat)
    assert "credentials/data-analysis-python-2.yaml" in added, report
    assert not any("already has" in line for line in report)


def test_a_part_the_catalogue_has_is_skipped_and_named(
    cat: Path, tmp_path: Path, published_files: dict[str, bytes]
) -> None:
    """A stackable credential whose file names a part the catalogue already has: the new
    credential and its other parts are written, that part is not (it is named, with the line
    to add to its own file, which the import never changes)."""
    part = tmp_path / "part.jsonld"
    part.write_bytes(published_files["credentials/data-analysis-python/1.2/elm.jsonld"])
    import_file(part, cat)
    whole = tmp_path / "whole.jsonld"
    whole.write_bytes(published_files["credentials/applied-data-analytics/1.0/elm.jsonld"])
    parts = json.loads(whole.read_bytes())["hasPart"]
    at = next(i for i, p in enumerate(parts) if "/data-analysis-python/" in p["id"])
    before = snapshot(cat)
    report = import_file(whole, cat)
    assert [line for line in report if line.startswith("skipped:")] == [
        f"skipped: $.hasPart[{at}]: this is data-analysis-python 1.1, which the catalogue "
        "already has (credentials/data-analysis-python.yaml, at version 1.2; the same title); "
        "nothing written for it; if it counts towards applied-data-analytics, add "
        "applied-data-analytics to its stackability: part_of"
    ]
    added = new_files(before, cat)  # the existing file is unchanged (new_files asserts it)
    assert sorted(added) == [
        "credentials/applied-data-analytics.yaml",
        "credentials/data-visualisation.yaml",
        "credentials/sql-for-data-analysis.yaml",
    ]
    for name in ("data-visualisation", "sql-for-data-analysis"):
        stack = added[f"credentials/{name}.yaml"]["stackability"]
        assert stack["part_of"] == ["applied-data-analytics"]


def test_credcats_own_specification_reads_back_with_its_version_and_kinds(
    cat: Path, tmp_path: Path
) -> None:
    """A catalogue's own ``elm.jsonld`` imported into another catalogue keeps what ELM has no
    place for but credcat's file says: the version (in the specification's address) and an
    outcome of responsibility and autonomy (in a note: ELM's skill types have no such
    concept)."""
    cid = "sql-for-data-analysis"
    source, elm = _sample_elm(cid, tmp_path)
    report = import_file(elm, cat)
    assert not any("has no type" in line for line in report), report
    imported = yaml.safe_load((cat / "credentials" / f"{cid}.yaml").read_text("utf-8"))
    assert imported["version"] == source.version != "1.0"
    assert [o.get("kind", "skill") for o in imported["outcomes"]] == [  # the page's order
        o.kind for o in ordered_outcomes(source)
    ]
    assert "responsibility-autonomy" in {o.kind for o in source.outcomes}
    load(cat)


def test_credcats_own_file_keeps_its_ids(cat: Path, tmp_path: Path) -> None:
    """The ids credcat's addresses name (``…/credentials/<id>/<version>/#spec``,
    ``#outcome-<id>``, ``#assessment-<id>``) are kept: not an id made of the title
    ('data-analysis-with-python') and outcomes numbered o1, o2 …."""
    cid = "data-analysis-python"
    source, elm = _sample_elm(cid, tmp_path)
    import_file(elm, cat)
    imported = yaml.safe_load((cat / "credentials" / f"{cid}.yaml").read_text("utf-8"))
    assert sorted(o["id"] for o in imported["outcomes"]) == sorted(o.id for o in source.outcomes)
    assert sorted(a["id"] for a in imported["assessments"]) == sorted(
        a.id for a in source.assessments
    )
    # what each assessment proves names outcomes by those ids
    known = {o.id for o in source.outcomes}
    assert all(set(a.get("proves", [])) <= known for a in imported["assessments"])
    # how each was supervised is read back into its fields, out of its description (which
    # credcat's files extend with it), so a build of the import does not say it twice
    by_id = {a.id: a for a in source.assessments}
    for item in imported["assessments"]:
        was = by_id[item["id"]]
        assert item.get("supervision") == was.supervision, item["id"]
        assert item.get("identity_check", False) == was.identity_check, item["id"]
        text = item["description"]
        english = text if isinstance(text, str) else text["en"]
        assert " ".join(english.split()) == " ".join(was.description["en"].split())
    load(cat)


def test_a_version_read_from_an_address_must_be_one_a_catalogue_can_publish() -> None:
    from credcat.importer.credential import _version_in

    base = "https://cat.example/credentials/sql"
    assert _version_in(f"{base}/1.1/#spec") == "1.1"
    assert _version_in(f"{base}/2.0-beta/#spec") == "2.0-beta"
    # a page or file of the site, not a version: the import falls back to 1.0
    assert _version_in(f"{base}/summary/#spec") is None
    assert _version_in(f"{base}/elm.jsonld/#spec") is None
    assert _version_in("urn:epass:learningAchievementSpec:1") is None
    assert _version_in(None) is None


def _words(text: Any) -> dict[str, str]:
    """A text's words per language as an ELM note keeps them: plain text, so without
    Markdown's emphasis, code and list marks, and a link as its text and its address."""
    if text is None:
        return {}
    found = {"en": text} if isinstance(text, str) else dict(text)
    plain = {
        lang: re.sub(r"\[([^]]*)\]\(([^)]*)\)", r"\1 (\2)", value) for lang, value in found.items()
    }
    return {
        lang: " ".join(re.sub(r"[*_`]|^- ", "", value, flags=re.M).split())
        for lang, value in plain.items()
    }


@pytest.mark.parametrize(
    "cid",
    sorted(p.stem for p in (Path(__file__).parent.parent / "catalogue" / "credentials").iterdir()),
)
def test_credcats_own_file_reads_back_field_for_field(cid: str, tmp_path: Path) -> None:
    """Every field ELM has no place for but credcat's ``elm.jsonld`` says in a note or a
    sentence of its own comes back into its YAML field: the description (not merged into the
    further information), the stackability note, the parts of the workload, the QF-EHEA
    cycle, e-mail links in their place among the links, what each assessment proves (named
    by number in its description), the publication date and the duration in weeks. The
    credential's homepage is its own, not the catalogue page the file also names. The titles
    of assessments and quality assurance are those of the YAML, and the report names only
    what is lost (see :data:`LOST_FROM_OWN_FILES`), not what credcat derives."""
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    source, elm = _sample_elm(cid, tmp_path)
    report = import_file(elm, target)
    written = (target / "credentials" / f"{cid}.yaml").read_text("utf-8")
    cred = load(target).credentials[cid]

    assert cred.published == source.published
    assert cred.workload == source.workload
    assert cred.duration == source.duration
    assert cred.qf_ehea == source.qf_ehea
    assert _words(cred.description) == _words(source.description)
    assert _words(cred.further_information) == _words(source.further_information)
    assert _words(cred.stackability.note if cred.stackability else None) == _words(
        source.stackability.note if source.stackability else None
    )
    assert [(link.url, dict(link.title)) for link in cred.links] == [
        (link.url, dict(link.title)) for link in source.links
    ]
    assert cred.homepage == source.homepage
    # what each assessment proves (the files list it by the page's numbers, not in the
    # order the YAML happened to name the outcomes)
    assert {a.id: sorted(a.proves) for a in cred.assessments} == {
        a.id: sorted(a.proves) for a in source.assessments
    }
    assert {a.id: _maybe(a.title) for a in cred.assessments} == {
        a.id: _maybe(a.title) for a in source.assessments
    }
    assert [(qa.type, _maybe(qa.title)) for qa in cred.quality_assurance] == [
        (qa.type, _maybe(qa.title)) for qa in source.quality_assurance
    ]
    # a version's file keeps the status it was released with, and credcat releases only what
    # is offered: active, also for a credential retired or superseded since (its record in
    # catalogue.jsonld has the live status); nor does it name a successor
    assert cred.status == "active"
    # the default language first, as a maintainer writes it (the JSON sorts its keys)
    assert next(iter(cred.title)) == "en"
    assert "catalogue page" not in written
    noise = [
        line
        for line in report
        if line.startswith("not imported:") and not LOST_FROM_OWN_FILES.match(line)
    ]
    assert noise == []


LOST_FROM_OWN_FILES = re.compile(
    r"not imported: \$\.(?:"
    r"(?:awardingOpportunity\[0\]\.awardingBody\[\d+\]|accreditation\[\d+\]\.accreditingAgent)"
    r"\.(?:location\.address \(|additionalNote — )"
    r"|isPartOf\[\d+\] \("
    r"|status — superseded, but the file does not name the credential that supersedes it)"
)
"""What ``credcat import`` reports as not imported from credcat's own ``elm.jsonld``: an
organisation's postal address and description (the organisation files it writes have
neither),
a credential it counts towards that the file does not describe, and the successor of a
superseded credential (the file says it is superseded, not by which). Everything else credcat
writes is read back, or derived from what is read back (the catalogue identifier and the
fingerprint, the version it replaces, the status, the publisher, each assessment's language
and mode, an accreditation's organisations and the qualification it is limited to)."""


def _maybe(text: Any) -> dict[str, str] | None:
    return dict(text) if text else None


def test_credcats_own_file_invents_no_titles(tmp_path: Path) -> None:
    """An assessment or a quality assurance without a title is written to ELM with the label
    of its type as title, in every language the vocabulary has ('marked assignment',
    'Benotete Aufgabe', 'Travail noté'). The import recognises that label and writes no
    ``title:``, so the entry is what was written: not a title invented in languages the
    catalogue does not offer (each one a warning of ``credcat check``)."""
    from credcat.render.data.elm import elm_document
    from credcat.render.data.nodes import dumps
    from credcat.urls import Urls
    from credcat.validate import load_catalogue

    cid = "research-data-management"  # English and German texts; a 'marked-assignment'
    sample = load_catalogue(Path(__file__).parent.parent / "catalogue")
    written = sample.credentials[cid]
    source = written.model_copy(
        update={
            "assessments": [a.model_copy(update={"title": None}) for a in written.assessments],
            "quality_assurance": [
                qa.model_copy(update={"title": None}) for qa in written.quality_assurance
            ],
        }
    )
    elm = tmp_path / "elm.jsonld"
    elm.write_bytes(dumps(elm_document(sample, source, Urls.of(sample.settings))))
    labels = json.loads(elm.read_text("utf-8"))["provenBy"][0]["title"]
    assert {"en", "de", "fr"} <= set(labels)  # the vocabulary's languages, not the YAML's

    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    settings = target / "catalogue.yaml"
    settings.write_text(settings.read_text("utf-8") + "languages: [en, de]\n", "utf-8")
    report = import_file(elm, target)
    data = yaml.safe_load((target / "credentials" / f"{cid}.yaml").read_text("utf-8"))
    assert [a.get("title") for a in data["assessments"]] == [None] * len(source.assessments)
    assert [qa.get("title") for qa in data["quality_assurance"]] == [None] * len(
        source.quality_assurance
    )
    assert not any("assessments" in line and "title" in line for line in report), report
    _catalogue, problems = check_catalogue(target, display_root=target)
    assert [p.format() for p in problems if p.code == "text-language"] == []
    cred = load(target).credentials[cid]
    assert [a.type for a in cred.assessments] == [a.type for a in source.assessments]


def test_what_credcat_derives_is_reported_in_other_files(cat: Path, tmp_path: Path) -> None:
    """Only credcat's own file (its specification at ``…/credentials/<id>/<version>/#spec``)
    has members the import knows to be derived: the same members in another file are
    reported as not imported, as every member credcat has no place for."""
    _source, elm = _sample_elm("data-analysis-python", tmp_path)
    doc = json.loads(elm.read_text("utf-8"))
    doc["id"] = "urn:example:specification:1"
    report = import_file(write_json(tmp_path / "other.jsonld", doc), cat)
    for member in ("dc:replaces", "identifier", "publisher", "status"):
        assert f"not imported: $.{member} — credcat has no field for it" in report
    for member in ("location", "learningAchievementSpecification"):
        assert any(
            line.startswith(f"not imported: $.awardingOpportunity[0].{member} — ")
            for line in report
        )
    assert any(line.startswith("not imported: $.provenBy[0].language (") for line in report)
    assert any(
        line.startswith("not imported: $.accreditation[0].organisation — ") for line in report
    )


def test_a_file_credcat_wrote_before_outcomes_were_numbered_as_on_the_page_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until 2026-12 credcat numbered the outcomes an assessment proves in the file's order;
    since then in the page's (knowledge first). Each number is followed by the outcome's
    text, so a file of either kind gives back what each assessment proves, not other
    outcomes of the same numbers (applied-data-analytics lists a knowledge outcome third)."""
    import credcat.render.data.elm as elm_module

    monkeypatch.setattr(elm_module, "ordered_outcomes", lambda cred: list(cred.outcomes))
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    source, elm = _sample_elm("applied-data-analytics", tmp_path)
    assert [o.kind for o in source.outcomes] != sorted(  # the file's order is not the page's
        (o.kind for o in source.outcomes),
        key=["knowledge", "skill", "responsibility-autonomy"].index,
    )
    import_file(elm, target)
    cred = load(target).credentials["applied-data-analytics"]
    assert {a.id: sorted(a.proves) for a in cred.assessments} == {
        a.id: sorted(a.proves) for a in source.assessments
    }


@pytest.mark.parametrize("form", ["no-break space", "plain space (older credcat)"])
def test_credcats_french_sentences_read_back_in_either_form(form: str, tmp_path: Path) -> None:
    """credcat's French sentences have a no-break space before the colon, as the site's
    interface strings do ("Surveillance et vérification d'identité\u00a0: …"); older credcat
    wrote a plain space there. A file of either kind reads back: the sentences come off each
    assessment's French description (the YAML says them in fields: supervision, identity
    check, what it proves) and an outcome of responsibility and autonomy is one again."""
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    source, elm = _sample_elm("fair-research-data", tmp_path)
    data = json.loads(elm.read_text("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    new = ["Surveillance et vérification d'identité\u00a0: ", "suivants\u00a0: ("]
    new += ["Type d'acquis d'apprentissage\u00a0: responsabilité et autonomie."]
    assert all(sentence in text for sentence in new)  # what credcat writes now
    if form.startswith("plain"):
        text = text.replace("\u00a0:", " :")
        assert "\u00a0" not in text and all(s.replace("\u00a0", " ") in text for s in new)
        elm.write_text(text, "utf-8")
    import_file(elm, target)
    written = (target / "credentials" / "fair-research-data.yaml").read_text("utf-8")
    cred = load(target).credentials["fair-research-data"]

    assert "Surveillance" not in written and "Atteste" not in written
    assert "Type d'acquis" not in written
    assert {a.id: _words(a.description) for a in cred.assessments} == {
        a.id: _words(a.description) for a in source.assessments
    }
    assert [(a.id, a.supervision, a.identity_check) for a in cred.assessments] == [
        (a.id, a.supervision, a.identity_check) for a in source.assessments
    ]
    assert {a.id: sorted(a.proves) for a in cred.assessments} == {
        a.id: sorted(a.proves) for a in source.assessments
    }
    assert {o.id: o.kind for o in cred.outcomes} == {o.id: o.kind for o in source.outcomes}


def test_organisation_reused_by_a_name_a_release_recorded(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    """An EDC credential issued under the name its awarding body had when a version naming it
    was released is matched to that organisation, renamed since: no second one is written,
    and the report says it was found by an earlier name."""
    import_file(UNSIGNED, cat)
    fill_placeholders(cat)
    cred = imported_credential(load(cat))
    body = cred.awarding_body[0]
    cred_file = cat / "credentials" / f"{cred.id}.yaml"
    entry = yaml.safe_load(cred_file.read_text(encoding="utf-8"))
    entry["status"] = "active"  # as a maintainer publishes it
    cred_file.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    out = io.StringIO()
    assert main(["release", cred.id, str(cat), "--date", "2026-01-15"], out=out) == 0, (
        out.getvalue()
    )
    legal = claim_of(sample)["awardedBy"]["awardingBody"]["legalName"]
    org_file = cat / "organisations" / f"{body}.yaml"
    data = yaml.safe_load(org_file.read_text(encoding="utf-8"))
    data["name"] = {"en": "Zed Technological University"}
    data["homepage"] = "https://renamed.zed.example/"  # nor is it found by its homepage
    org_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # the same credential again: the catalogue has it (same title, the same awarding body)
    with pytest.raises(ImportFailed, match="already has"):
        import_file(UNSIGNED, cat)
    # another credential of the same body, issued under its earlier name
    other = copy.deepcopy(sample)
    claim = claim_of(other)
    claim["title"] = claim["specifiedBy"]["title"] = {"en": "Digital badge design"}
    claim["specifiedBy"]["id"] = "urn:epass:qualification:2"
    before = snapshot(cat)
    report = import_file(write_json(tmp_path / "other.json", other), cat)
    added = new_files(before, cat)
    assert not [name for name in added if name.startswith("organisations/")], added
    catalogue = load(cat)
    new = [c for c in catalogue.credentials.values() if c.id != cred.id]
    assert len(new) == 1 and new[0].awarding_body == [body]
    name = next(iter(legal.values()))
    reused = [line for line in report if line.startswith("reused:") and name in line]
    assert reused and "earlier name" in reused[0], report
