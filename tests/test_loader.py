"""Robust loading: every bad-input case gets a clear, located error, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue_factory import ORGANISATIONS, credential, write_catalogue
from credcat.errors import CatalogueError
from credcat.validate import check_catalogue, load_catalogue
from credcat.yaml_loader import MAX_BYTES, load_yaml


def messages(root: Path, path_part: str = "") -> list[str]:
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems if path_part in p.path]


def load(tmp_path: Path, content: bytes | str) -> tuple[object, list[str]]:
    path = tmp_path / "x.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    doc, problems = load_yaml(path, "x.yaml")
    return doc, [p.format() for p in problems]


def test_valid_file_records_positions(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: A\noutcomes:\n  - id: a\n    text: Do it\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"title": "A", "outcomes": [{"id": "a", "text": "Do it"}]}  # type: ignore[attr-defined]
    assert doc.where(("outcomes", 0, "text")) == (4, 11)  # type: ignore[attr-defined]
    assert doc.where(("outcomes", 0, "text"), key=True) == (4, 5)  # type: ignore[attr-defined]


def test_a_character_of_a_block_text_is_placed_on_its_own_line(tmp_path: Path) -> None:
    """In a literal block (``|``) the n-th line of the text is on the line of the ``|`` + 1 +
    n, its characters after the block's indentation (blank lines and lines indented further
    included); in a folded one (``>``) each line is found in the text it is joined into; a
    plain or quoted text has the value's position (its columns are not certain). Offsets
    are those of the text as the model keeps it, without the whitespace around it."""
    path = tmp_path / "x.yaml"
    path.write_text(
        "a:\n"
        "  en: |\n"
        "\n"
        "    First [a](x).\n"
        "\n"
        "      Indented [b](y).\n"
        "  de: >-\n"
        "    Folded\n"
        "    text [c](z)\n"
        "  fr: 'Quoted [d](w)'\n",
        encoding="utf-8",
    )
    doc, problems = load_yaml(path, "x.yaml", blocks=True)
    assert doc is not None and problems == []
    texts = {lang: text.strip() for lang, text in doc.data["a"].items()}
    assert texts["en"] == "First [a](x).\n\n  Indented [b](y)."
    assert doc.where_in(("a", "en"), texts["en"].index("x")) == (4, 15)
    assert doc.where_in(("a", "en"), texts["en"].index("y")) == (6, 20)
    assert texts["de"] == "Folded text [c](z)"
    assert doc.where_in(("a", "de"), texts["de"].index("z")) == (9, 14)
    assert doc.where_in(("a", "fr"), texts["fr"].index("w")) == doc.where(("a", "fr")) == (10, 7)
    # read without blocks (as a catalogue's first load is), a block text has its own position
    plain, _ = load_yaml(path, "x.yaml")
    assert plain is not None and plain.where_in(("a", "en"), 10) == (2, 7)


def test_duplicate_key_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "title: A\nsummary: B\ntitle: C\n")
    assert problems == [
        "x.yaml:3:1: title: duplicate key 'title' (first defined on line 1) "
        "(keep one of the two; YAML would silently drop the first)"
    ]


def test_nested_duplicate_key(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "workload:\n  ects: 5\n  ects: 6\n")
    assert len(problems) == 1
    assert problems[0].startswith("x.yaml:3:3: workload.ects: duplicate key 'ects'")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("a: &x [1, 2]\nb: *x\n", "anchors (&name) are not allowed"),
        ("a: [1]\nb: *x\n", "aliases (*name) are not allowed"),
        # the classic "billion laughs": refused at the first anchor, nothing is expanded
        ("a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", "anchors (&name) are not allowed"),
    ],
)
def test_anchors_and_aliases_are_refused(tmp_path: Path, text: str, needle: str) -> None:
    doc, problems = load(tmp_path, text)
    assert doc is None
    assert len(problems) == 1 and needle in problems[0]
    assert problems[0].startswith("x.yaml:")


def test_file_over_one_mebibyte(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: " + "a" * MAX_BYTES + "\n")
    assert doc is None
    assert "the limit is 1,048,576 (1 MiB)" in problems[0]


def test_file_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, b"title: ok\nsummary: caf\xe9\n")
    assert doc is None
    assert problems == [
        "x.yaml:2:13: file is not UTF-8 (byte 0xe9, '\u00e9' in Windows-1252) "
        "(save the file as UTF-8; in VS Code: 'Save with Encoding' \u2192 'UTF-8')"
    ]


def test_windows_1252_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    # 'Straße' is UTF-8 (two bytes for ß); the Windows-1252 'ü' after it is the 9th character
    doc, problems = load(tmp_path, "title: Straße \n".encode() + b"summary: \xfcber\n")
    assert doc is None and problems[0].startswith("x.yaml:2:10: file is not UTF-8 (byte 0xfc")
    doc, problems = load(tmp_path, b"title: Stra\xc3\x9fe \xfc\n")  # UTF-8 'ß', then 0xfc
    assert problems[0].startswith("x.yaml:1:15:")


def test_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: A\n".encode("utf-16"))
    assert doc is None
    assert problems[0].startswith("x.yaml:1:1: file is saved as UTF-16, not UTF-8")


def test_windows_line_endings_are_fine(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, b"title: A\r\nsummary: B\r\n")
    assert problems == [] and doc is not None
    assert doc.data == {"title": "A", "summary": "B"}  # type: ignore[attr-defined]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "\ufefftitle: A\n")
    assert problems == [] and doc is not None


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n", "---\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    doc, problems = load(tmp_path, text)
    assert doc is None
    assert len(problems) == 1 and "file is empty" in problems[0]


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just words\n", "a single value")]
)
def test_document_that_is_not_a_mapping(tmp_path: Path, text: str, kind: str) -> None:
    doc, problems = load(tmp_path, text)
    assert doc is None
    assert f"the file holds {kind}, but keys with values are expected" in problems[0]


def test_syntax_error_is_located(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: A\nsummary: [unclosed\nversion: x\n")
    assert doc is None
    assert problems[0].startswith("x.yaml:") and "invalid YAML" in problems[0]


def test_python_tags_are_refused(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "title: !!python/object/apply:os.system ['echo hi']\n")
    assert problems == [
        "x.yaml:1:8: unsupported YAML tag !!python/object/apply:os.system "
        "(use plain text, numbers, dates, lists and mappings only)"
    ]


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    cred = "title: A\n" + "\n".join(f"{k}: {v}" for k, v in [("sumary", "x")]) + "\n"
    root = write_catalogue(tmp_path / "c", credentials={"bad": cred})
    found = messages(root, "credentials/bad.yaml")
    expected = "credentials/bad.yaml:2:1: sumary: unknown key 'sumary' (did you mean 'summary'?)"
    assert expected in found


def test_unknown_nested_key_points_at_the_key(tmp_path: Path) -> None:
    data = credential()
    data["workload"] = {"ects": 4, "hours": 110, "guided": 40}
    root = write_catalogue(tmp_path / "c", credentials={"bad": data})
    found = [m for m in messages(root) if "unknown key" in m]
    assert len(found) == 1
    assert "workload.guided: unknown key 'guided' (did you mean 'guided_hours'?)" in found[0]


def test_one_broken_file_never_hides_problems_in_others(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "broken": b"title: [\n",
            "not-utf8": b"title: \xff\n",
            "typo": credential(mode="onlin"),
            "fine": credential(),
        },
    )
    found = messages(root)
    assert any(m.startswith("credentials/broken.yaml:") for m in found)
    assert any(m.startswith("credentials/not-utf8.yaml:") for m in found)
    assert any("credentials/typo.yaml" in m and "did you mean 'online'?" in m for m in found)
    assert not any("credentials/fine.yaml" in m for m in found)


def test_load_catalogue_raises_own_error_with_all_problems(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "c", credentials={"a": credential(eqf=9), "b": credential(mode="x")}
    )
    with pytest.raises(CatalogueError) as info:
        load_catalogue(root, display_root=root)
    paths = {p.path for p in info.value.problems if p.is_error}
    assert paths == {"credentials/a.yaml", "credentials/b.yaml"}


def test_missing_catalogue_yaml(tmp_path: Path) -> None:
    catalogue, problems = check_catalogue(tmp_path, display_root=tmp_path)
    assert catalogue is None
    assert "no catalogue.yaml" in problems[0].message


@pytest.mark.parametrize("name", ["Data_Lit.yaml", "über.yaml", "-a.yaml", "a--b.yaml"])
def test_file_names_must_be_slugs(tmp_path: Path, name: str) -> None:
    root = write_catalogue(tmp_path / "c")
    (root / "credentials" / name).write_text("title: x\n", encoding="utf-8")
    found = messages(root)
    assert any("cannot be an id" in m for m in found), found


def test_yml_extension_is_flagged(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    (root / "credentials" / "other.yml").write_text("title: x\n", encoding="utf-8")
    assert any("rename it to other.yaml" in m for m in messages(root))


def test_id_key_is_refused_because_the_file_name_is_the_id(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(id="other")})
    assert any("the id is the file name" in m for m in messages(root))


# --- syntax errors a maintainer can act on ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tab: says so, on the tab's line
        (
            "title: A\nworkload:\n\tects: 5\n",
            "x.yaml:3:1: invalid YAML: a tab character; YAML indents with spaces only",
        ),
        # a missing colon: the line of the key, not the next line where the parser noticed
        (
            "title: A\nmode online\nsetting: formal\n",
            "x.yaml:2:1: invalid YAML: this line has no ':' after its key",
        ),
        (
            "workload:\n  ects 5\n  hours: 140\n",
            "x.yaml:2:3: invalid YAML: this line has no ':' after its key",
        ),
        (
            "title: A\nmode:online\nsetting: formal\n",
            "x.yaml:2:1: invalid YAML: no space after 'mode:' (write 'mode: …'",
        ),
        # a text with ': ' in it: quote it, shown with the key and the text
        (
            "title: Data: a primer\n",
            "x.yaml:1:12: invalid YAML: the text contains ': ', which YAML reads as the start of "
            'another key (put the whole text in quotes: title: "Data: a primer")',
        ),
        # indentation: one space too many, on the key that is out of line, with both columns
        (
            "workload:\n  ects: 5\n   hours: 140\n",
            "x.yaml:3:4: invalid YAML: 'hours:' starts in column 4, but 'ects:' above it on line 2 "
            "in column 3, so YAML reads this line as more text of line 2 (keys at the same level "
            "start in the same column: move 'hours:' to column 3;",
        ),
        # the first key below its parent is the one out of line: the second sits 2 spaces in
        (
            "workload:\n    ects: 5\n  hours: 140\n",
            "x.yaml:2:5: invalid YAML: 'ects:' starts in column 5, but 'hours:' on line 3, a key "
            "of the same level below it, in column 3 (keys at the same level start in the same "
            "column: move 'ects:' to column 3, 2 spaces in from 'workload:' on line 1)",
        ),
        # a list item one space left: its dash moves, where the file puts the dashes of a list
        (
            "title: A\noutcomes:\n  - id: a\n    kind: skill\n - id: b\n    kind: skill\n",
            "x.yaml:5:2: invalid YAML: this list item's dash is in column 2, but the dash of the "
            "item above it on line 3 in column 3 (the items of a list start in the same column: "
            "move '- id:' 1 space to the right)",
        ),
        (
            "title: A\noutcomes:\n - id: a\n    kind: skill\n",
            "x.yaml:3:4: invalid YAML: 'id:' starts in column 4, but the next key of its list "
            "item, 'kind:' on line 4, in column 5 (move '- id:' 1 space to the right, so that its "
            "dash starts in column 3, 2 spaces in from 'outcomes:' on line 2, and 'id:' in "
            "column 5)",
        ),
        # a key below a list item's key, out of line: the next key of its level is right
        (
            "links:\n  - title:\n       en: Handbook\n      de: Handbuch\n    url: https://a.example/\n",
            "x.yaml:3:8: invalid YAML: 'en:' starts in column 8, but 'de:' on line 4, a key of the "
            "same level below it, in column 7 (keys at the same level start in the same column: "
            "move 'en:' to column 7, 2 spaces in from 'title:' on line 2)",
        ),
        (
            "title: A\noutcomes:\n  - id: a\n     kind: skill\n",
            "x.yaml:4:6: invalid YAML: 'kind:' starts in column 6, but 'id:' above it on line 3 "
            "in column 5, so YAML reads this line as more text of line 3 (keys at the same level "
            "start in the same column: move 'kind:' to column 5;",
        ),
        # the file's first key indented (pasted from an e-mail): PyYAML's "expected <document
        # start>" on the next line, which is right
        (
            "# a comment\n  title: A\nversion: '1.0'\n",
            "x.yaml:2:3: invalid YAML: 'title:' starts in column 3, but the keys of a file start "
            "in column 1 (remove the spaces before 'title:': only the keys below another key are "
            "indented)",
        ),
        # a line that starts with no key keeps the general words
        (
            "workload:\n    ects: 5\n  - 140\n",
            "x.yaml:3:3: invalid YAML: a list item where a key was expected",
        ),
        # lists
        (
            "outcomes:\n  - id: a\n    text: b\n  -id: c\n",
            "x.yaml:4:3: invalid YAML: a list item needs a space after its dash (write '- id: c')",
        ),
        (
            "field:\n  - '0613'\n  other: 1\n",
            "x.yaml:3:3: invalid YAML: this line is not a list item, but the lines above it are",
        ),
        (
            "field: - '0613'\n",
            "x.yaml:1:8: invalid YAML: a list cannot start on the same line as its key",
        ),
        # unclosed brackets and quotes: where they were opened
        (
            'title: A\nfield: ["0613", "0542"\nmode: online\n',
            "x.yaml:2:8: invalid YAML: the '[' on line 2 is not closed",
        ),
        (
            'title: "Data analysis\nmode: online\n',
            "x.yaml:1:8: invalid YAML: the quote opened on line 1 is never closed",
        ),
        (
            "title: 'It's data'\n",
            "x.yaml:1:12: invalid YAML: text after the closing quote "
            "(put the whole text in quotes; "
            "inside single quotes write '' for an apostrophe",
        ),
        ("title: @home\n", "x.yaml:1:8: invalid YAML: a value cannot start with '@'"),
        (
            "title: A\n---\ntitle: B\n",
            "x.yaml:2:1: invalid YAML: the file holds more than one document",
        ),
    ],
)
def test_syntax_errors_say_what_to_do_where(tmp_path: Path, text: str, expected: str) -> None:
    doc, problems = load(tmp_path, text)
    assert doc is None
    assert len(problems) == 1
    assert problems[0].startswith(expected), problems[0]


def test_valid_yaml_near_the_syntax_cases_still_loads(tmp_path: Path) -> None:
    doc, problems = load(
        tmp_path,
        "title: 'It''s data'\nsummary: \"Data: a primer\"\nfield:\n  - '0613'\n"
        "workload:\n  ects: 5\n  hours: 140\n",
    )
    assert problems == [] and doc is not None


def test_unquoted_numbers_and_booleans_remember_what_was_written(tmp_path: Path) -> None:
    doc, _ = load(tmp_path, "field: [0613, '0542']\nversion: 1.10\ncountry: NO\neqf: 6\n")
    assert doc is not None
    assert doc.unquoted == {  # type: ignore[attr-defined]
        ("field", 0): "0613",
        ("version",): "1.10",
        ("country",): "NO",
        ("eqf",): "6",
    }


def test_refused_tag_is_reported_once(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"db": "mode: !!binary aGVsbG8=\n"})
    found = [
        m
        for m in messages(root, "credentials/db.yaml")
        if "mode" in m or ":2:" in m or "!!binary" in m
    ]
    assert found == [
        "credentials/db.yaml:1:7: unsupported YAML tag !!binary "
        "(use plain text, numbers, dates, lists and mappings only)"
    ]


# --- file names and folders -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Data Analysis.yaml", "data-analysis"),
        ("Datenanalyse-Ü1.yaml", "datenanalyse-ue1"),
        ("other.yml", "other"),
        ("Other.YAML", "other"),
        ("data.Yaml", "data"),
    ],
)
def test_misnamed_files_get_the_name_to_use(tmp_path: Path, name: str, suggested: str) -> None:
    root = write_catalogue(tmp_path / "c")
    (root / "credentials" / name).write_text("title: x\n", encoding="utf-8")
    found = [m for m in messages(root) if m.startswith(f"credentials/{name}: ")]
    assert len(found) == 1 and f"rename it to {suggested}.yaml" in found[0], messages(root)


COPY = (
    "data-literacy-at-work.yaml exists already: this looks like a copy of it; give it an id of "
    "its own or remove it"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Data-Literacy-At-Work.yaml",
            "'Data-Literacy-At-Work' cannot be an id: the file name is the id, in lowercase "
            f"letters, digits and hyphens ({COPY})",
        ),
        (
            "Data Literacy at Work.yaml",
            "'Data Literacy at Work' cannot be an id: the file name is the id, in lowercase "
            f"letters, digits and hyphens ({COPY})",
        ),
        (
            "data-literacy-at-work.yml",
            f"credcat reads only files ending in .yaml, not .yml ({COPY})",
        ),
    ],
)
def test_a_misnamed_copy_is_not_told_to_take_the_name_of_its_original(
    tmp_path: Path, name: str, expected: str
) -> None:
    """'rename it to data-literacy-at-work.yaml' beside an existing data-literacy-at-work.yaml
    would replace that file: the hint says it is there."""
    root = write_catalogue(tmp_path / "c", credentials={"data-literacy-at-work": credential()})
    original = root / "credentials" / "data-literacy-at-work.yaml"
    (root / "credentials" / name).write_bytes(original.read_bytes())
    found = [m for m in messages(root) if m.startswith(f"credentials/{name}: ")]
    assert found == [f"credentials/{name}: {expected}"]


def test_misnamed_file_is_still_checked_and_its_id_not_called_unknown(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "part": credential(stackability={"part_of": ["whole-programme"]}),
        },
    )
    (root / "credentials" / "Whole Programme.yaml").write_text(
        yaml.safe_dump(credential(mode="onlin")), encoding="utf-8"
    )
    found = messages(root)
    assert len(found) == 2, found
    assert "rename it to whole-programme.yaml" in found[0]
    assert "mode: unknown mode of delivery 'onlin'" in found[1]  # content checked all the same
    # and once renamed, it is part of the catalogue
    (root / "credentials" / "Whole Programme.yaml").rename(
        root / "credentials" / "whole-programme.yaml"
    )
    assert [m for m in messages(root) if "part.yaml" in m] == []


def test_a_yml_file_is_refused_not_read_into_the_catalogue(tmp_path: Path) -> None:
    """'x.yml' has an id for a name: it was refused and yet read into the catalogue, so its
    copy of an organisation was reported under 'organisations/x.yaml', a file that does not
    exist."""
    root = write_catalogue(tmp_path / "c")
    source = next((root / "organisations").glob("*.yaml"))
    (root / "organisations" / "second.yml").write_bytes(source.read_bytes())
    catalogue, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems] == [
        "organisations/second.yml: credcat reads only files ending in .yaml, not .yml "
        "(rename it to second.yaml)"
    ]
    assert catalogue is not None and "second" not in catalogue.organisations


def test_file_name_that_is_not_utf8_is_shown_without_crashing(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    (root / "credentials").joinpath(os.fsdecode(b"daten\xe4.yaml")).write_text("title: x\n")
    found = messages(root)
    assert any(m.startswith("credentials/daten?.yaml: 'daten?' cannot be an id") for m in found)
    for m in found:
        m.encode("utf-8")  # no lone surrogates left


def test_misspelt_organisations_folder_is_one_problem(tmp_path: Path) -> None:
    other = {"en": "Another summary.", "de": "Eine andere Zusammenfassung."}
    root = write_catalogue(
        tmp_path / "c", credentials={"a": credential(), "b": credential(summary=other)}
    )
    (root / "organisations").rename(root / "organizations")
    found = messages(root)
    assert found == [
        "organisations: the catalogue has no organisations: the folder 'organisations' is "
        "missing (rename the folder 'organizations' to 'organisations')"
    ]


def test_missing_credentials_folder(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    (root / "credentials" / "databases.yaml").unlink()
    (root / "credentials").rmdir()
    assert messages(root) == [
        "credentials: the catalogue has no credentials: the folder 'credentials' is "
        "missing (add a file per credential, such as credentials/<id>.yaml)"
    ]


def test_links_to_files_outside_the_catalogue_are_not_read(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (root / "credentials" / "leak.yaml").symlink_to(secret)
    found = messages(root)
    assert any("credentials/leak.yaml" in m and "leads outside the catalogue" in m for m in found)
    assert not any("hunter2" in m or "password" in m for m in found)


# --- organisations' identifiers (issue 10, item 7) ----------------------------------------


def _org_problems(tmp_path: Path, **fields: Any) -> list[str]:
    orgs = {**ORGANISATIONS, "alpha-uni": {**ORGANISATIONS["alpha-uni"], **fields}}
    root = write_catalogue(tmp_path / "catalogue", organisations=orgs)
    _cat, problems = check_catalogue(root, display_root=tmp_path)
    return [p.format() for p in problems if p.is_error]


def test_organisation_identifiers_are_validated_where_they_are_written(tmp_path: Path) -> None:
    assert (
        _org_problems(
            tmp_path,
            legal_identifier="HRB 700123",
            vat_number="de 123.456-789",
            eidas_identifier="DE/DE/HRB700123",
            identifiers=[{"scheme": "Erasmus code", "value": "D ALPHA01"}],
        )
        == []
    )
    cat = load_catalogue(tmp_path / "catalogue")
    assert cat.organisations["alpha-uni"].vat_number == "DE123456789"  # normalised

    wrong = _org_problems(tmp_path, vat_number="AT U1234567")
    assert len(wrong) == 1
    # located at the value (line 7 of the written file: after name's two languages)
    assert wrong[0].startswith(
        "catalogue/organisations/alpha-uni.yaml:7:13: vat_number: the VAT number starts with AT, "
        "but the organisation is in DE"
    )
    bad = _org_problems(tmp_path, vat_number="not a VAT number!")
    assert len(bad) == 1 and "vat_number: 'not a VAT number!' is not a VAT number" in bad[0]
    assert "e.g. DE123456789" in bad[0]
    eidas = _org_problems(tmp_path, eidas_identifier="two words")
    assert (
        len(eidas) == 1 and "eidas_identifier: 'two words' is not an eIDAS identifier" in eidas[0]
    )
    scheme = _org_problems(tmp_path, identifiers=[{"value": "D ALPHA01"}])
    assert len(scheme) == 1
    assert (
        "identifiers item 1 > scheme: missing required key 'scheme' (Name of the scheme, such as"
        in scheme[0]
    )
    greek = {**ORGANISATIONS["alpha-uni"], "country": "GR", "vat_number": "EL094014201"}
    root = write_catalogue(tmp_path / "gr", organisations={**ORGANISATIONS, "alpha-uni": greek})
    assert [p for p in check_catalogue(root)[1] if p.is_error] == []


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ({"builds_on": ["x"]}, "'builds_on' belongs under 'stackability:' (indented below it)"),
        ({"ects_credits": 5}, "write it as 'ects' under 'workload:' (indented below it)"),
        ({"languages": ["ger"]}, "unknown language 'ger' (did you mean 'de'?)"),
    ],
)
def test_a_key_in_the_wrong_place_or_an_old_code_gets_the_right_one(
    tmp_path: Path, extra: dict[str, Any], said: str
) -> None:
    """A key that belongs to a block written at the top, a synonym of a key, and ISO 639-2's
    bibliographic code of a language ('ger', not the Irish 'ga' a spelling match finds)."""
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(**extra)})
    found = messages(root)
    assert any(said in m for m in found), found


def test_an_enrolment_deadline_is_called_by_its_name(tmp_path: Path) -> None:
    run = {"id": "2027", "start": "2027-03-01", "enrolment_deadline": "2027-02-01"}
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(offerings=[run])})
    found = messages(root)
    assert any(
        "unknown key 'enrolment_deadline'" in m and "did you mean 'application_deadline'?" in m
        for m in found
    ), found


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ({"languages": ["português"]}, "unknown language 'português' (did you mean 'pt'?)"),
        ({"nqf": "QNQ 6"}, "did you mean 'QNQ Level 6'?"),
    ],
)
def test_a_language_by_its_own_name_and_a_level_without_its_word_are_recognised(
    tmp_path: Path, extra: dict[str, Any], said: str
) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(**extra)})
    found = messages(root)
    assert any(said in m for m in found), found


def test_the_loaders_placeholder_start_is_the_models_placeholders() -> None:
    """The loader knows a placeholder by how it starts (no ``# translate`` note on one); the
    model owns the placeholders: they must start so."""
    from credcat.model import IMPORT_PLACEHOLDER, NEW_PLACEHOLDER
    from credcat.yaml_loader import _PLACEHOLDER_START

    assert NEW_PLACEHOLDER.startswith(_PLACEHOLDER_START)
    assert IMPORT_PLACEHOLDER.startswith(_PLACEHOLDER_START)
