"""The maintainers' guide cannot drift from the format: its examples are checked like real files.

Every YAML block of ``docs/maintainers.md`` that is a complete file (it starts with the
``# yaml-language-server: $schema=…`` line, as real files do) is written into a copy of the
sample catalogue and must pass ``credcat check`` without a single problem. Every key of the
model appears in the annotated examples, and every row of the "Common mistakes" table says what
credcat really says.

``docs/data.md`` (which ``credcat init`` gives every new catalogue) is checked against the files
the sample publishes: the files it sends to the Europass harvest are those ``credcat validate``
checks against the LOQ shapes, and every identifier notation it gives is one the files use.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from catalogue_factory import REPO, SAMPLE, credential, write_catalogue
from credcat.conformance import detect
from credcat.model import CatalogueSettings, CredentialDoc, OrganisationDoc
from credcat.pydantic_problems import model_in
from credcat.render.data.machine import machine_files
from credcat.validate import check_catalogue
from jsonld_helpers import catalogue, urls_of

GUIDE = REPO / "docs" / "maintainers.md"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S*/(\w+)\.schema\.json$")


def _yaml_blocks() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    return re.findall(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def _file_examples() -> dict[str, str]:
    """The complete-file examples, by schema name (catalogue, organisation, credential)."""
    found: dict[str, str] = {}
    for block in _yaml_blocks():
        match = SCHEMA_LINE.match(block.splitlines()[0])
        if match:
            assert match.group(1) not in found, f"two {match.group(1)} examples"
            found[match.group(1)] = block
    return found


def _with_uuids(text: str) -> str:
    """Replace each ``<uuid>`` placeholder with a distinct, valid UUID."""
    count = text.count("<uuid>")
    for i in range(count):
        text = text.replace("<uuid>", str(uuid.UUID(int=i + 1)), 1)
    return text


def test_the_guide_has_the_three_file_examples() -> None:
    assert set(_file_examples()) == {"catalogue", "organisation", "credential"}


def test_file_examples_pass_check_without_any_problem(tmp_path: Path) -> None:
    examples = _file_examples()
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    (root / "catalogue.yaml").write_text(examples["catalogue"], encoding="utf-8")
    (root / "organisations" / "guide-example.yaml").write_text(
        examples["organisation"], encoding="utf-8"
    )
    logo = yaml.safe_load(examples["organisation"]).get("logo")
    if logo:  # the example names a logo file; a real catalogue would have it
        (root / logo).parent.mkdir(parents=True, exist_ok=True)
        (root / logo).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (root / "credentials" / "guide-example.yaml").write_text(
        _with_uuids(examples["credential"]), encoding="utf-8"
    )
    catalogue, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems] == []
    assert catalogue is not None
    assert "guide-example" in catalogue.credentials
    assert "guide-example" in catalogue.organisations


def _field_names(cls: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, info in cls.model_fields.items():
        names.add(name)
        inner = model_in(info.annotation)
        if inner is not None:
            names |= _field_names(inner)
    return names


@pytest.mark.parametrize(
    ("example", "model"),
    [
        ("catalogue", CatalogueSettings),
        ("organisation", OrganisationDoc),
        ("credential", CredentialDoc),
    ],
)
def test_every_key_is_shown_in_the_annotated_example(example: str, model: type[BaseModel]) -> None:
    """A key the model accepts but the guide never shows is a key nobody finds (comments count)."""
    text = _file_examples()[example]
    missing = sorted(name for name in _field_names(model) if not re.search(rf"\b{name}:", text))
    assert missing == [], f"docs/maintainers.md: show {missing} in the {example} example"


def _mistake_rows() -> list[tuple[str, str]]:
    """``(what you wrote, what credcat says)`` from the "Common mistakes" table."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Common mistakes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| `(.+)` \|$", section, re.MULTILINE)
    assert len(rows) >= 8, "the table of common mistakes lost its rows"
    return rows


@pytest.mark.parametrize(("written", "said"), _mistake_rows())
def test_common_mistakes_table_says_what_credcat_says(
    tmp_path: Path, written: str, said: str
) -> None:
    data: dict[str, Any] = credential()
    key = written.split(":")[0].split()[0]
    replaced = difflib.get_close_matches(key, list(data), n=1, cutoff=0.6)
    for name in replaced:
        del data[name]
    text = written + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    root = write_catalogue(tmp_path / "c", credentials={"db": text})
    _, problems = check_catalogue(root, display_root=root)
    expected = said.removesuffix(" (…)")
    shown = [f"{p.message} ({p.hint})" if p.hint else p.message for p in problems]
    said_so = [p for p, s in zip(problems, shown, strict=True) if s.startswith(expected)]
    assert len(said_so) == 1, shown  # said once, as an error or a warning
    assert [p for p in problems if p.is_error and p not in said_so] == [], shown  # nothing else


def test_key_check_notices_a_key_missing_from_the_guide() -> None:
    """The drift check itself works: a key left out of the example is named."""
    text = _file_examples()["credential"].replace("qf_ehea:", "qf-ehea:")
    missing = [n for n in _field_names(CredentialDoc) if not re.search(rf"\b{n}:", text)]
    assert missing == ["qf_ehea"]


# --- data.md: what it says of the published files ---------------------------------------------

DATA_GUIDE = REPO / "docs" / "data.md"
LOQ_CLAIM = re.compile(r"\bpass(es)?\b.*\bLOQ\b|\bLOQ\b.*\bpass(es)?\b|Point the harvester at")
"""A sentence that says files pass the LOQ shapes, or sends the Europass harvester to them."""
FILE_NAME = re.compile(r"`(?:[^`]*/)?([\w.-]+\.jsonld)`")


def _data_guide_sentences() -> list[str]:
    """The sentences of data.md, each within its paragraph or table cell (lines joined)."""
    text = DATA_GUIDE.read_text(encoding="utf-8")
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n|\|", text):
        sentences += re.split(r"(?<=[.;:])\s+(?=[A-Z`])", " ".join(block.split()))
    return sentences


def _sample_files() -> dict[str, bytes]:
    cat = catalogue("sample")
    return machine_files(cat, urls_of(cat))


def test_data_guide_sends_the_europass_harvest_to_loq_files_only() -> None:
    """Every file data.md says passes the LOQ shapes, or points the Europass harvester at, is
    one ``credcat validate`` checks against them. ``catalogue.jsonld`` is not: it is an ELM
    graph for the EDC shapes, and LOQ's closed shapes refuse its version list."""
    files = _sample_files()
    named = {
        name
        for sentence in _data_guide_sentences()
        if LOQ_CLAIM.search(sentence)
        for name in FILE_NAME.findall(sentence)
    }
    assert "opportunities.jsonld" in named
    for name in sorted(named):
        published = [path for path in files if path.rsplit("/", 1)[-1] == name]
        assert published, name
        assert {detect(json.loads(files[path])) for path in published} == {"loq"}, name


def test_data_guide_gives_the_identifier_notations_the_files_use() -> None:
    """Each notation data.md gives an identifier (``<id>/…``) has the form of one in the
    sample's files (a learning opportunity's is ``<id>/<offering id>``: offerings are live,
    not part of a version)."""
    text = " ".join(DATA_GUIDE.read_text(encoding="utf-8").split())
    forms = set(re.findall(r"`(<id>/[^`]*)`", text))
    assert len(forms) >= 2
    cat = catalogue("sample")
    scheme = urls_of(cat).catalogue_iri()
    notations: set[str] = set()  # of the identifiers in the catalogue's scheme

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("schemeId") == scheme:
                notations.add(value["notation"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path, data in _sample_files().items():
        if path.endswith(".jsonld"):
            walk(json.loads(data))
    for form in sorted(forms):
        segments = [
            "[^/]+" if re.fullmatch(r"<[^>]+>", segment) else re.escape(segment)
            for segment in form.split("/")
        ]
        pattern = re.compile("/".join(segments))
        assert any(pattern.fullmatch(n) for n in notations), form


def test_the_guides_say_that_organisations_are_not_part_of_a_version() -> None:
    """Editing an organisation changes released versions' files (a known limit,
    tests/test_versions.py): data.md and the maintainers' guide say so instead of promising
    that released files never change at all."""
    data = " ".join(DATA_GUIDE.read_text("utf-8").split())
    assert "When the catalogue corrects an organisation, those parts of released versions' " in data
    guide = " ".join(GUIDE.read_text("utf-8").split())
    assert "**An organisation is not part of a credential's versions.**" in guide
    assert "editing an organisation file changes those bytes in the files of released" in guide
