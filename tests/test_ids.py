"""One way to make an id: the loader, the model and the importer agree."""

from __future__ import annotations

import pytest

from credcat.ids import MAX_ID_LENGTH, is_id, slugify


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
