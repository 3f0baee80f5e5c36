"""``credcat validate``: the official shapes and the OB3 schema on files and a whole site, as a
catalogue's CI runs it (issue 10, item 10).

Everything is offline: the shapes, schema and contexts come from the package (they are the
same bytes as the test oracles in ``tests/fixtures/official``).
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import REPO
from credcat import conformance
from credcat.cli import main
from credcat.output import MARKER, write_machine_files
from jsonld_helpers import OFFICIAL, SAMPLES, catalogue

PACKAGE = REPO / "plugins" / "credcat"


def validate(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["validate", *args], out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The machine-readable files of the fixture catalogue, as ``credcat generate`` writes them."""
    out = tmp_path_factory.mktemp("site") / "site"
    write_machine_files(catalogue("fixture"), out)
    return out


def _copy(site: Path, relative: str, target: Path, change: Any) -> Path:
    document = json.loads((site / relative).read_text("utf-8"))
    change(document)
    target.write_text(json.dumps(document), "utf-8")
    return target


def test_the_shipped_shapes_are_the_official_files() -> None:
    shipped = PACKAGE / "shapes"
    for name in conformance.SHAPES["edc"] + conformance.SHAPES["loq"]:
        assert (shipped / name).read_bytes() == (OFFICIAL / "shacl" / name).read_bytes(), name
    assert (shipped / conformance.OB3_SCHEMA).read_bytes() == (
        OFFICIAL / "ob3" / "achievementcredential.schema.json"
    ).read_bytes()
    for name in (conformance.EBSI_SCHEMA, conformance.EBSI_ATTESTATION_SCHEMA):
        assert (shipped / name).read_bytes() == (OFFICIAL / "json-schema" / name).read_bytes()


def test_a_whole_site_conforms(site: Path) -> None:
    code, output = validate(str(site))
    assert code == 0, output
    last = output.strip().splitlines()[-1]
    cat = catalogue("fixture")
    data = [p for p in site.rglob("*") if p.suffix in {".json", ".jsonld"}]
    # catalogue.json and catalogue-texts.json in every language (plain JSON, not linked
    # data) and credcat generate's list of its files
    plain = [p for p in data if p.name in {"catalogue.json", "catalogue-texts.json", MARKER}]
    assert len(plain) == 2 * len(cat.languages) + 1
    assert last.startswith(f"OK: {len(data) - len(plain)} files conform")
    assert "European Digital Credential" in last and "Open Badges 3.0" in last
    assert "left for the issuer in unsealed credentials (--verbose lists them)" in last
    assert f"{len(plain)} other JSON files skipped" in last
    # nothing but the summary: the seal-time values are not printed without --verbose
    assert len(output.strip().splitlines()) == 1
    code, verbose = validate("--verbose", str(site))
    assert code == 0
    lines = verbose.strip().splitlines()
    for name in ("catalogue.json", "catalogue-texts.json"):
        assert any(
            line.endswith(f"{name}: skipped (not an EDC, ELM, LOQ or OB3 file)") for line in lines
        )
    issuer = [line for line in lines if "(left for the issuer" in line]
    assert issuer and all("edc-template.json: $.credential." in line for line in issuer)
    assert any(".issued: 'issued' is required but missing" in line for line in issuer)
    assert len(cat.credentials) >= 2


def test_each_kind_is_detected(site: Path) -> None:
    kinds = Counter(
        report.kind for report in conformance.validate_path(site) if report.skipped is None
    )
    assert kinds["elm"] == len(list(site.rglob("elm.jsonld"))) + 1  # + catalogue.jsonld
    assert kinds["edc"] == len(list(site.rglob("edc-template.json")))
    assert kinds["loq"] == len(list(site.rglob("opportunities.jsonld")))
    assert kinds["ob3"] == len(list(site.rglob("ob3-achievement*.json")))


@pytest.mark.parametrize(
    "sample",
    [
        "Sample-MC-Annex1-unsigned.jsonld",
        "Sample-MC-Annex1-unsigned-uploadable.json",
        "Sample-MC-Annex1-signed.jsonld",
        "rdf-samples_credential-sample_elm-3.2.jsonld",
    ],
)
def test_the_commission_samples_pass(sample: str) -> None:
    """Positive oracles: unsigned, uploadable and signed (JAdES, credential in ``payload``)."""
    code, output = validate("--verbose", str(SAMPLES / sample))
    assert code == 0, output
    assert "OK: 1 file conforms (1 European Digital Credential)" in output
    left = [line for line in output.splitlines() if "(left for the issuer" in line]
    if "unsigned" in sample:  # exactly the two seal-time constraints
        assert len(left) == 2
        assert any("$.credential.issued" in line or ": $.issued:" in line for line in left)


def test_a_violation_is_worded_with_its_json_path(site: Path, tmp_path: Path) -> None:
    relative = next(str(p.relative_to(site)) for p in sorted(site.rglob("elm.jsonld")))

    def break_it(document: dict[str, Any]) -> None:
        del document["title"]
        document["learningOutcome"][0]["title"] = "no language"  # a plain string, not a map
        document["credits"] = 5  # not a term of the context: dropped silently

    broken = _copy(site, relative, tmp_path / "broken.jsonld", break_it)
    code, output = validate(str(broken))
    assert code == 1
    lines = output.strip().splitlines()
    assert (
        f"{broken}: $.title: 'title' is required but missing [EDC-generic-no-cv+EDC-generic-full]"
        in lines
    )
    assert any(
        line.startswith(f"{broken}: $.learningOutcome[0].title: 'title' must be a langString")
        for line in lines
    ), output
    assert any(
        line.startswith(f"{broken}: $.credits: 'credits' is not a term of the @context")
        for line in lines
    ), output
    assert lines[-1].startswith("FAILED: 3 violations in 1 of 1 file (1 ELM 3 description)")


def test_a_closed_loq_shape_names_the_property(site: Path, tmp_path: Path) -> None:
    relative = next(str(p.relative_to(site)) for p in sorted(site.rglob("opportunities.jsonld")))

    def add_property(document: dict[str, Any]) -> None:
        opportunity = next(n for n in document["@graph"] if n["type"] == "LearningOpportunity")
        opportunity["elm:shortTitle"] = "x"

    broken = _copy(site, relative, tmp_path / "opportunities.jsonld", add_property)
    code, output = validate(str(broken))
    assert code == 1
    assert "is not allowed here: the profile does not define it for this node" in output
    assert "[LOQ-constraints+LOQ-constraints-mdr]" in output


def test_a_context_without_types_is_caught(site: Path, tmp_path: Path) -> None:
    relative = next(str(p.relative_to(site)) for p in sorted(site.rglob("elm.jsonld")))

    def edc_ap_alone(document: dict[str, Any]) -> None:
        document["@context"] = document["@context"][1]

    broken = _copy(site, relative, tmp_path / "alone.jsonld", edc_ap_alone)
    code, output = validate(str(broken))
    assert code == 1
    assert "$: no ELM node: the @context defines no types" in output


def test_an_ob3_error_has_its_path(site: Path, tmp_path: Path) -> None:
    relative = next(str(p.relative_to(site)) for p in sorted(site.rglob("ob3-achievement.json")))

    def break_it(document: dict[str, Any]) -> None:
        del document["name"]
        document["alignment"][0]["targetType"] = "Skill"

    broken = _copy(site, relative, tmp_path / "badge.json", break_it)
    code, output = validate(str(broken))
    assert code == 1
    assert f"{broken}: $: 'name' is a required property [OB3 Achievement]" in output
    assert f"{broken}: $.alignment[0].targetType:" in output


def test_a_file_of_no_known_kind_fails_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', "utf-8")
    code, output = validate(str(other))
    assert code == 1
    assert "not an EDC, ELM, LOQ or Open Badges 3.0 document" in output
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{", "utf-8")
    code, output = validate(str(bad))
    assert code == 1 and "cannot be read as JSON" in output
    code, output = validate(str(tmp_path / "absent"))
    assert code == 2 and "does not exist" in output


def test_without_the_extra_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyshacl", None)  # import pyshacl → ImportError
    code, output = validate(str(SAMPLES / "Sample-MC-Annex1-unsigned.jsonld"))
    assert code == 2
    assert output.strip() == (
        "credcat validate: credcat validate needs the optional validation libraries (pyshacl "
        "is missing): install them with  pip install 'credcat[validate]'"
    )


def test_a_vcdm2_edc_is_checked_against_the_ebsi_schema(tmp_path: Path) -> None:
    """An EDC for EBSI wallets (VC 2.0 + edc-ap, which no JSON-LD processor can expand) is
    checked against the EBSI Europass EDC JSON Schema, offline."""
    sample = SAMPLES / "ebsi_DigiComp_Generic.json"
    code, output = validate(str(sample))
    assert code == 0, output
    assert "OK: 1 file conforms (1 European Digital Credential (VCDM 2.0, EBSI))" in output
    document = json.loads(sample.read_text("utf-8"))
    del document["credentialSubject"]["hasClaim"][0]["title"]
    broken = tmp_path / "ebsi.json"
    broken.write_text(json.dumps(document), "utf-8")
    code, output = validate(str(broken))
    assert code == 1
    assert f"{broken}: $.credentialSubject.hasClaim[0]: 'title' is a required property" in output
    assert "[EBSI EDC (VCDM 2.0)]" in output
