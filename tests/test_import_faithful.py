"""A faithful import: nothing invented, every placeholder fails the check, verdicts on bad EDCs.

Where the source is silent, the importer writes ``TODO(import)``, which every model refuses:
``credcat check`` (also without ``--strict``) fails at each one until a maintainer replaces it.
What it cannot carry over (learning activities, their specifications) is reported, and an input
that is not a valid EDC gets a ``verdict:`` line.
"""

from __future__ import annotations

import copy
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from credcat import vocab
from credcat.cli import main
from credcat.importer import import_file
from credcat.validate import check_catalogue
from credcat.yaml_loader import dotted

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "import" / "base-catalogue"
UNSIGNED = FIXTURES / "official" / "samples" / "Sample-MC-Annex1-unsigned.jsonld"
MARKER = "TODO(import)"


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(UNSIGNED.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    return target


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def placeholder_fields(cat: Path, rel: str) -> set[str]:
    _catalogue, problems = check_catalogue(cat, display_root=cat)
    errors = [p for p in problems if p.is_error]
    assert all(p.code == "import-placeholder" for p in errors), [p.format() for p in errors]
    # the machine-stable location (keys and zero-based indexes), dotted as in the YAML
    return {dotted(p.loc) if p.loc else p.field for p in errors if p.path == rel}


def test_a_bare_specification_gets_markers_not_invented_values(cat: Path, tmp_path: Path) -> None:
    spec = {"type": "Qualification", "title": {"en": "Bare credential"}}
    report = import_file(write_json(tmp_path / "bare.jsonld", spec), cat)
    rel = "credentials/bare-credential.yaml"
    data = yaml.safe_load((cat / rel).read_text(encoding="utf-8"))
    silent = {
        "awarding_body",
        "eqf",
        "field",
        "workload",
        "mode",
        "setting",
        "outcomes",
        "assessments",
        "quality_assurance",
    }
    for key in silent:
        assert data[key] == MARKER, key
        assert any(line.startswith(f"gap: {rel}: {key} —") for line in report), key
    assert data["status"] == "draft"
    # each marker is one located problem of the check
    assert placeholder_fields(cat, rel) == silent
    out = io.StringIO()
    assert main(["check", str(cat)], out=out) == 1
    assert out.getvalue().count("a placeholder left by credcat import") == len(silent)


def test_organisation_without_country_or_homepage(cat: Path, tmp_path: Path) -> None:
    spec = {
        "type": "Qualification",
        "title": {"en": "Awarded somewhere"},
        "awardingOpportunity": {
            "awardingBody": {"type": "Organisation", "legalName": {"en": "Nowhere Academy"}}
        },
    }
    report = import_file(write_json(tmp_path / "org.jsonld", spec), cat)
    rel = "organisations/nowhere-academy.yaml"
    data = yaml.safe_load((cat / rel).read_text(encoding="utf-8"))
    assert data["country"] == MARKER and data["homepage"] == MARKER
    assert "example.org" not in (cat / rel).read_text(encoding="utf-8")
    assert placeholder_fields(cat, rel) == {"country", "homepage"}
    assert any(line.startswith(f"gap: {rel}: country") for line in report)


def test_an_unknown_assessment_type_is_a_marker(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    claim = doc["credentialSubject"]["hasClaim"]
    claim["provenBy"]["specifiedBy"]["dcType"] = {
        "id": "urn:test:local-type",
        "type": "Concept",
        "prefLabel": {"en": "Interview with the dean"},
    }
    import_file(write_json(tmp_path / "type.jsonld", doc), cat)
    rel = "credentials/digital-micro-credential-creation.yaml"
    data = yaml.safe_load((cat / rel).read_text(encoding="utf-8"))
    assert data["assessments"][0]["type"] == MARKER
    assert "written-examination" not in (cat / rel).read_text(encoding="utf-8")
    assert "assessments[0].type" in placeholder_fields(cat, rel)


def test_learning_activities_in_claims_are_reported(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    claim = doc["credentialSubject"]["hasClaim"]
    activity = {
        "id": "urn:test:activity",
        "type": "LearningActivity",
        "title": {"en": "Summer school attendance"},
        "specifiedBy": {
            "id": "urn:test:activity-spec",
            "type": "LearningActivitySpecification",
            "title": {"en": "Summer school"},
        },
    }
    doc["credentialSubject"]["hasClaim"] = [claim, activity]
    report = import_file(write_json(tmp_path / "activity.jsonld", doc), cat)
    assert any(
        line.startswith("not imported: credentialSubject.hasClaim[1] (LearningActivity")
        and "Summer school attendance" in line
        for line in report
    )
    assert any(
        line.startswith("not imported: credentialSubject.hasClaim[1].specifiedBy")
        and "LearningActivitySpecification" in line
        for line in report
    )


def test_a_framework_of_another_country_gives_a_verdict(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    spanish = vocab.lookup("nqf", "MECU Level 5")
    irish = vocab.lookup("nqf", "IE NQF Level 6")
    assert spanish is not None and irish is not None
    spec = doc["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["nqfLevel"] = {"id": spanish.iri, "type": "Concept"}
    report = import_file(write_json(tmp_path / "es.jsonld", doc), cat)
    verdicts = [line for line in report if line.startswith("verdict:")]
    assert len(verdicts) == 1
    assert "MECU Level 5" in verdicts[0] and "ES" in verdicts[0] and "IE" in verdicts[0]

    # the awarding body of the sample is Irish: an Irish level gives no verdict
    spec["nqfLevel"] = {"id": irish.iri, "type": "Concept"}
    again = tmp_path / "again"
    shutil.copytree(BASE, again)
    report = import_file(write_json(tmp_path / "ie.jsonld", doc), again)
    assert not [line for line in report if line.startswith("verdict:")]


def test_a_framework_given_for_the_nqf_level_is_not_imported(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    """A source whose ``nqfLevel`` is a framework itself (the concept "Irish National
    Framework of Qualifications") names no level: the import says so, and writes no nqf
    (``credcat check`` refuses a framework there)."""
    doc = copy.deepcopy(sample)
    framework = vocab.lookup("nqf", "Irish National Framework of Qualifications")
    assert framework is not None and vocab.nqf_framework(framework.code) == ("IE", "IE NQF")
    spec = doc["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["nqfLevel"] = {"id": framework.iri, "type": "Concept"}
    report = import_file(write_json(tmp_path / "framework.jsonld", doc), cat)
    assert (
        "not imported: credentialSubject.hasClaim.specifiedBy.nqfLevel ('Irish National "
        "Framework of Qualifications') — a framework, not a level in it; add nqf: with the "
        "level by hand"
    ) in report
    written = next((cat / "credentials").glob("*.yaml")).read_text("utf-8")
    assert "\nnqf:" not in written


def test_the_commission_sample_itself_mixes_countries(cat: Path, sample: dict[str, Any]) -> None:
    # the Annex I sample's Irish university gives an English RQF level: the importer says so
    spec = sample["credentialSubject"]["hasClaim"]["specifiedBy"]
    report = import_file(UNSIGNED, cat)
    verdicts = [line for line in report if line.startswith("verdict:")]
    assert len(verdicts) == 1 and spec["nqfLevel"]["prefLabel"]["en"] in verdicts[0]


def test_an_outcome_without_a_type_is_reported(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    outcomes = doc["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"]
    for outcome in outcomes:
        outcome.pop("dcType", None)
    report = import_file(write_json(tmp_path / "untyped.jsonld", doc), cat)
    lines = [line for line in report if "has no type (knowledge, skill" in line]
    assert len(lines) == len(outcomes)
    data = yaml.safe_load(
        (cat / "credentials" / "digital-micro-credential-creation.yaml").read_text("utf-8")
    )
    assert all("kind" not in outcome for outcome in data["outcomes"])


def test_organisation_identifiers_are_carried_over_or_reported(cat: Path, tmp_path: Path) -> None:
    """Registration, VAT and eIDAS identifiers and named-scheme identifiers reach the
    organisation file; what credcat cannot hold as written is reported, never altered."""
    country = {"id": "http://publications.europa.eu/resource/authority/country/SVN"}

    def legal(notation: str) -> dict[str, Any]:
        return {"type": "LegalIdentifier", "notation": notation, "spatial": country}

    body = {
        "type": "Organisation",
        "legalName": {"en": "Zavod Identifikator"},
        "homepage": {"type": "WebResource", "contentURL": "https://zavod.example/"},
        "location": {
            "type": "Location",
            "address": {"type": "Address", "countryCode": country},
            "description": {"en": "The Address"},
        },
        "registration": legal("1234567000"),
        "vatIdentifier": legal("SI 1234 5678"),
        "eIDASIdentifier": legal("SI/SI/1234567000"),
        "taxIdentifier": legal("12345678"),
        "identifier": [
            {"type": "Identifier", "notation": "SI LJUBLJA99", "schemeName": "Erasmus code"},
            {"type": "Identifier", "notation": "999999999"},
        ],
    }
    spec = {"type": "Qualification", "title": {"en": "Identified"}}
    spec["awardingOpportunity"] = {"awardingBody": body}
    report = import_file(write_json(tmp_path / "ids.jsonld", spec), cat)
    rel = "organisations/zavod-identifikator.yaml"
    data = yaml.safe_load((cat / rel).read_text(encoding="utf-8"))
    assert data["legal_identifier"] == "1234567000"
    assert data["vat_number"] == "SI 1234 5678"  # as written; the model normalises it
    assert data["eidas_identifier"] == "SI/SI/1234567000"
    assert data["identifiers"] == [{"scheme": "Erasmus code", "value": "SI LJUBLJA99"}]
    lines = "\n".join(report)
    assert "taxIdentifier (12345678) — credcat has no tax identifier" in lines
    assert "identifier[1] (999999999) — it names no scheme" in lines
    assert ".location.description — credcat keeps an organisation's country" in lines
    # the organisation file passes the check as it is
    _catalogue, problems = check_catalogue(cat, display_root=cat)
    assert not [p for p in problems if p.path == rel and p.is_error]

    # a VAT number of another country is reported, not imported
    body["vatIdentifier"] = legal("DE123456789")
    other = tmp_path / "other"
    shutil.copytree(BASE, other)
    report = import_file(write_json(tmp_path / "ids2.jsonld", spec), other)
    data = yaml.safe_load((other / rel).read_text(encoding="utf-8"))
    assert "vat_number" not in data
    assert any(
        "vatIdentifier (DE123456789) — its prefix DE is not that of the organisation's country"
        in line
        for line in report
    )


def test_an_organisations_former_names_are_not_taken_for_its_short_name(
    cat: Path, tmp_path: Path
) -> None:
    """credcat's own files list an organisation's short name, then the names it had when
    versions naming it were released (altLabel, several in a language): its short name is
    the first; the others are reported, not joined into one."""
    country = {"id": "http://publications.europa.eu/resource/authority/country/AUT"}
    body = {
        "type": "Organisation",
        "legalName": {"en": "River University of Applied Sciences", "de": "Flussuniversität"},
        "altLabel": {"en": ["RiverU", "River University"], "de": "FlussU"},
        "homepage": {"type": "WebResource", "contentURL": "https://river.example/"},
        "location": {"type": "Location", "address": {"type": "Address", "countryCode": country}},
    }
    spec = {"type": "Qualification", "title": {"en": "Renamed"}}
    spec["awardingOpportunity"] = {"awardingBody": body}
    report = import_file(write_json(tmp_path / "renamed.jsonld", spec), cat)
    rel = "organisations/river-university-of-applied-sciences.yaml"
    data = yaml.safe_load((cat / rel).read_text(encoding="utf-8"))
    assert data["short_name"] == {"en": "RiverU", "de": "FlussU"}
    assert any(
        ".altLabel.en (1 more) — credcat keeps one short name per language" in line
        for line in report
    )
    _catalogue, problems = check_catalogue(cat, display_root=cat)
    assert not [p for p in problems if p.path == rel and p.is_error]
