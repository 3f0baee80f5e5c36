"""The committed JSON Schemas match the model, and every YAML file points at its schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from catalogue_factory import REPO, SAMPLE, credential
from credcat.schema import SCHEMAS, render_schemas


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `credcat schema`"


def test_schemas_are_valid_json_schema() -> None:
    for name in SCHEMAS:
        schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_accepts_a_valid_credential_and_rejects_an_unknown_key() -> None:
    schema = json.loads((REPO / "schemas" / "credential.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(credential())) == []
    assert list(validator.iter_errors(credential(sumary="x")))


@pytest.mark.parametrize(
    ("folder", "schema"),
    [("credentials", "credential"), ("organisations", "organisation")],
)
def test_sample_files_start_with_schema_line(folder: str, schema: str) -> None:
    files = sorted((SAMPLE / folder).glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json", path


def test_sample_files_validate_against_their_schema() -> None:
    schemas = {
        "credentials": json.loads((REPO / "schemas/credential.schema.json").read_text()),
        "organisations": json.loads((REPO / "schemas/organisation.schema.json").read_text()),
    }
    for folder, schema in schemas.items():
        validator = jsonschema.Draft202012Validator(schema)
        for path in sorted((SAMPLE / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data = json.loads(json.dumps(data, default=str))  # dates as the editor sees them
            problems = [e.message for e in validator.iter_errors(data)]
            assert problems == [], (path.name, problems)


def test_catalogue_yaml_points_at_its_schema() -> None:
    first = (SAMPLE / "catalogue.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/catalogue.schema.json"
    assert Path(REPO / "schemas" / "catalogue.schema.json").is_file()
