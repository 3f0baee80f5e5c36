"""Robust loading: every bad-input case gets a clear, located error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue_factory import credential, write_catalogue
from credcat.catalogue import check_catalogue, load_catalogue
from credcat.errors import CatalogueError
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
    assert problems == ["x.yaml:2:13: file is not UTF-8 (byte 0xe9) (save the file as UTF-8)"]


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
    assert f"the file holds {kind}, but a mapping of keys to values is expected" in problems[0]


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
    cred = "title: A\n" + "\n".join(
        f"{k}: {v}" for k, v in [("sumary", "x")]
    ) + "\n"
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
