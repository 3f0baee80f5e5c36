"""``credcat import`` on untrusted input and untrusted catalogues: clear answers, no tracebacks.

The source file and the target catalogue may both come from strangers: links out of the
catalogue, endless files, duplicate JSON keys, Trojan Source characters. Every case gives the
import's report or its own :class:`ImportFailed`, and nothing outside the catalogue is read or
written.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from credcat.errors import CredcatError
from credcat.importer import ImportFailed, import_file
from credcat.validate import check_catalogue

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = FIXTURES / "official" / "samples"
BASE = FIXTURES / "import" / "base-catalogue"
UNSIGNED = SAMPLES / "Sample-MC-Annex1-unsigned.jsonld"

BIDI_AND_CONTROLS = "\u202e\u2066\u200b\x00\x1b\x07\u2028\x85\ufeff"


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(UNSIGNED.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    target = tmp_path / "catalogue"
    shutil.copytree(BASE, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def new_yaml(cat: Path, before: dict[str, bytes]) -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in snapshot(cat).items() if k not in before and k != ""}


def test_import_failed_is_a_credcat_error() -> None:
    assert issubclass(ImportFailed, CredcatError)


# --- the target catalogue -----------------------------------------------------------------


def test_links_and_special_files_in_the_catalogue_are_not_followed(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    logos = cat / "logos"
    logos.mkdir()
    (logos / "zero.svg").symlink_to("/dev/zero")
    (logos / "loop").symlink_to("..")
    os.mkfifo(logos / "pipe.svg")
    # an organisation file outside the catalogue, with the awarding body's legal name: were it
    # read, the import would reuse it instead of writing a new organisation
    body = sample["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    outside = tmp_path / "outside.yaml"
    outside.write_text(
        f"name: {body['legalName']['en']}\nkind: university\ncountry: IE\n"
        "homepage: https://outside.example/\n",
        encoding="utf-8",
    )
    (cat / "organisations" / "outside.yaml").symlink_to(outside)
    huge = cat / "organisations" / "huge.yaml"
    huge.write_bytes(b"name: x\n" + b"# padding\n" * 200_000)
    report = import_file(UNSIGNED, cat)
    assert not any("reused: organisations/outside.yaml" in line for line in report)
    assert not any("huge" in line for line in report)
    written = [line.removeprefix("wrote ") for line in report if line.startswith("wrote ")]
    assert "credentials/digital-micro-credential-creation.yaml" in written
    assert any(w.startswith("organisations/") for w in written)
    assert outside.read_text(encoding="utf-8").startswith("name: ")


def test_a_folder_that_links_out_is_never_written(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (cat / "credentials").symlink_to(elsewhere)
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match="link"):
        import_file(UNSIGNED, cat)
    assert list(elsewhere.iterdir()) == []
    assert snapshot(cat) == before


def test_an_input_that_is_a_device_is_refused(cat: Path, tmp_path: Path) -> None:
    source = tmp_path / "zero.json"
    source.symlink_to("/dev/zero")
    with pytest.raises(ImportFailed, match="not a file"):
        import_file(source, cat)


# --- strict JSON --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"type": "Qualification", "type": "Person"}', "'type' twice"),
        ('{"a": {"title": {"en": "x"}, "title": {"en": "y"}}}', "'title' twice"),
        ('{"type": "Qualification", "point": NaN}', "strict JSON"),
        ('{"type": "Qualification", "point": -Infinity}', "strict JSON"),
        ('{"type": "Qualification", "point": ' + "9" * 5000 + "}", "strict JSON"),
    ],
    ids=["top", "nested", "nan", "infinity", "huge-integer"],
)
def test_json_is_read_strictly(cat: Path, tmp_path: Path, text: str, words: str) -> None:
    source = tmp_path / "bad.json"
    source.write_text(text, encoding="utf-8")
    before = snapshot(cat)
    with pytest.raises(ImportFailed, match=words) as info:
        import_file(source, cat)
    assert "\n" not in str(info.value)
    assert snapshot(cat) == before


def test_duplicate_keys_in_a_signed_payload_are_refused(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    inner = json.dumps(sample)[:-1] + ', "issuer": "x", "issuer": "y"}'
    source = write_json(tmp_path / "signed.json", {"payload": inner, "signatures": []})
    with pytest.raises(ImportFailed, match="'issuer' twice"):
        import_file(source, cat)


# --- Trojan Source ------------------------------------------------------------------------


def test_control_and_bidi_characters_are_dropped_and_reported(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    spec = doc["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["title"]["en"] = f"Digital{BIDI_AND_CONTROLS} credentials"
    spec["learningOutcome"][0]["title"]["en"] = "Admin\u202e\u2066 only\u2069"
    body = doc["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    body["legalName"]["en"] += "\u200f"
    before = snapshot(cat)
    report = import_file(write_json(tmp_path / "trojan.jsonld", doc), cat)
    texts = new_yaml(cat, before)
    assert texts
    for name, text in texts.items():
        assert not any(c in text for c in BIDI_AND_CONTROLS + "\u2069\u200f"), name
    credential = yaml.safe_load(texts["credentials/digital-credentials.yaml"])
    assert credential["title"] == "Digital credentials"
    assert credential["outcomes"][0]["text"] == "Admin only"
    dropped = [line for line in report if line.startswith("dropped:")]
    assert any("specifiedBy.title.en" in line and "U+202E" in line for line in dropped)
    assert any("learningOutcome[0].title.en" in line for line in dropped)
    assert all(line.isprintable() for line in report)
    _catalogue, problems = check_catalogue(cat, display_root=cat)
    assert {p.code for p in problems if p.is_error} == {"import-placeholder"}  # no accreditation


def test_windows_line_ends_are_kept_as_line_breaks(
    cat: Path, tmp_path: Path, sample: dict[str, Any]
) -> None:
    doc = copy.deepcopy(sample)
    doc["credentialSubject"]["hasClaim"]["specifiedBy"]["description"] = {
        "en": "First line.\r\nSecond line."
    }
    before = snapshot(cat)
    report = import_file(write_json(tmp_path / "crlf.jsonld", doc), cat)
    data = yaml.safe_load(
        new_yaml(cat, before)["credentials/digital-micro-credential-creation.yaml"]
    )
    assert data["summary"] == "First line.\nSecond line."
    assert not any(line.startswith("dropped:") for line in report)


# --- verdicts -----------------------------------------------------------------------------


def test_unknown_context_gives_a_verdict(cat: Path, tmp_path: Path, sample: dict[str, Any]) -> None:
    doc = copy.deepcopy(sample)
    doc["@context"] = [*doc["@context"], "https://vendor.example/context.jsonld"]
    report = import_file(write_json(tmp_path / "context.jsonld", doc), cat)
    verdicts = [line for line in report if line.startswith("verdict:") and "@context" in line]
    assert len(verdicts) == 1
    assert "https://vendor.example/context.jsonld" in verdicts[0]
    assert report[0].startswith("verdict:")  # verdicts come first


def test_the_official_sample_has_no_context_verdict(cat: Path) -> None:
    report = import_file(UNSIGNED, cat)
    assert not [line for line in report if "@context" in line or line.startswith("dropped:")]


@pytest.mark.parametrize("field", ["volumeOfLearning", "maximumDuration"])
def test_a_duration_larger_than_a_number_holds_is_reported_not_a_traceback(
    cat: Path, tmp_path: Path, sample: dict[str, Any], field: str
) -> None:
    """``PT999…9H`` (400 nines) is infinitely many hours as a float: rounding it raised an
    ``OverflowError``; it is now a duration that is not imported, said in the report."""
    doc = copy.deepcopy(sample)
    spec = doc["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec[field] = "PT" + "9" * 400 + "H"
    report = import_file(write_json(tmp_path / "huge.jsonld", doc), cat)
    assert any(line.startswith("not imported:") and field in line for line in report), report


@pytest.mark.parametrize("status", [["retired"], {"@value": "retired"}, 5, None])
def test_a_status_that_is_no_text_in_credcats_own_file_is_reported_not_a_traceback(
    cat: Path, tmp_path: Path, status: Any
) -> None:
    """A file with the address credcat gives a specification (``…/credentials/<id>/<version>/
    #spec``) has its ``status`` written, where it is one the import writes; a stranger's file
    can have that address too, and a status that is a list or a mapping raised a ``TypeError``
    (unhashable) while the import looked it up. It is now a member not imported, said in the
    report, and the credential is active."""
    from credcat.render.data.elm import elm_document
    from credcat.render.data.nodes import dumps
    from credcat.urls import Urls
    from credcat.validate import load_catalogue

    cid = "data-analysis-python"
    sample = load_catalogue(Path(__file__).parent.parent / "catalogue")
    doc = json.loads(dumps(elm_document(sample, sample.credentials[cid], Urls.of(sample.settings))))
    doc["status"] = status
    report = import_file(write_json(tmp_path / "elm.jsonld", doc), cat)
    data = yaml.safe_load((cat / "credentials" / f"{cid}.yaml").read_text("utf-8"))
    assert data["status"] == "active"
    if status is not None:
        assert any(line.startswith("not imported:") and ".status" in line for line in report), (
            report
        )
