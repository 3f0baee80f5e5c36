"""One way to make an id: the loader, the model and the importer agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue_factory import write_catalogue
from credcat.ids import MAX_ID_LENGTH, is_id, slugify
from credcat.validate import check_catalogue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Straße & Brücke", "strasse-bruecke"),
        ("Datenanalyse Ü1", "datenanalyse-ue1"),
        ("Éducation numérique", "education-numerique"),
        ("  --SQL for Data Analysis--  ", "sql-for-data-analysis"),
        ("Ωμέγα", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected
    assert expected == "" or is_id(expected)


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    slug = slugify("introduction to " * 10)
    assert len(slug) <= MAX_ID_LENGTH
    assert slug.endswith("to") or slug.endswith("introduction")
    assert is_id(slug)


def test_windows_device_names_are_not_ids() -> None:
    assert not is_id("con")
    assert not is_id("lpt1")
    assert is_id("console")


def test_a_trailing_newline_is_not_part_of_an_id_or_version() -> None:
    """``$`` also matches before a final newline: every whole-value pattern is matched in
    full, so ``evil\\n`` (a file name) is not the id ``evil``."""
    from credcat.model import EMAIL_RE, URL_RE, VERSION_RE

    assert not is_id("evil\n") and is_id("evil")
    assert VERSION_RE.fullmatch("1.0") and not VERSION_RE.fullmatch("1.0\n")
    assert not URL_RE.fullmatch("https://example.org/\n")
    assert not EMAIL_RE.fullmatch("a@example.org\n")


def test_a_credential_file_whose_name_ends_in_a_newline_is_refused(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue")
    source = next((root / "credentials").glob("*.yaml"))
    (root / "credentials" / f"{source.stem}x\n.yaml").write_bytes(source.read_bytes())
    _catalogue, problems = check_catalogue(root)
    refused = [p for p in problems if p.code == "file-name"]
    assert len(refused) == 1 and "cannot be an id" in refused[0].message
    assert "\n" not in refused[0].format()  # said on one line, the newline shown escaped
    assert refused[0].hint == f"rename it to {source.stem}x.yaml"


def test_an_id_too_long_is_said_to_be_too_long(tmp_path: Path) -> None:
    """A file named with 70 letters 'a' breaks only the length of an id: the message says so
    (not that an id is lowercase letters, digits and hyphens, which it is), and the hint
    names the id cut to the limit; a file name that breaks both is told both. An id written
    in a file (an outcome's) is told the same."""
    root = write_catalogue(tmp_path / "catalogue")
    source = next((root / "credentials").glob("*.yaml"))
    long = "a" * 70
    (root / "credentials" / f"{long}.yaml").write_bytes(source.read_bytes())
    (root / "credentials" / f"B{long}.yaml").write_bytes(source.read_bytes())
    _catalogue, problems = check_catalogue(root)
    refused = {p.path.rsplit("/", 1)[1]: p for p in problems if p.code == "file-name"}
    assert refused.keys() == {f"{long}.yaml", f"B{long}.yaml"}
    only_long = refused[f"{long}.yaml"]
    assert only_long.message.endswith(
        f"cannot be an id: the file name is the id, and an id has at most {MAX_ID_LENGTH} "
        "characters (this one has 70)"
    ), only_long.message
    assert only_long.hint == f"rename it to {'a' * MAX_ID_LENGTH}.yaml"
    both = refused[f"B{long}.yaml"].message
    assert both.endswith(
        "the file name is the id, in lowercase letters, digits and hyphens, and an id has at "
        f"most {MAX_ID_LENGTH} characters (this one has 71)"
    ), both
    text = source.read_text("utf-8")
    outcome = next(line for line in text.splitlines() if line.lstrip().startswith("- id:"))
    source.write_text(text.replace(outcome, outcome.split(":")[0] + f": {long}"), "utf-8")
    _catalogue, problems = check_catalogue(root)
    said = [(p.field, p.message, p.hint) for p in problems if p.path == str(source)]
    assert said[0][1:] == (
        f"'{long}' is not a valid id: an id has at most {MAX_ID_LENGTH} characters "
        "(this one has 70)",
        f"did you mean '{'a' * MAX_ID_LENGTH}'?",
    ) and said[0][0].endswith("> id"), said
