"""Property: any YAML document either validates or yields credcat's own problems — never a crash."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue_factory import credential, write_catalogue
from credcat.errors import CatalogueError, Problem
from credcat.validate import check_catalogue, load_catalogue

KEYS = [*credential(), "offerings", "stackability", "titel", "id", "status", "nqf"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["online", "6", "0613", "en", "de"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=20,
)


PROGRAMMER_SPEAK = re.compile(
    r"input should|instance of|should match pattern|\[\^|value error|validation error|"
    r"unable to (?:parse|interpret)|<block end>|<scalar>|hexdecimal|NoneType|Traceback",
    re.IGNORECASE,
)
"""Words of pydantic, PyYAML and regular expressions, which a course designer cannot act on."""


def _check(root: Path) -> None:
    catalogue, problems = check_catalogue(root, display_root=root)
    assert all(isinstance(p, Problem) for p in problems)
    for problem in problems:
        text = problem.format()
        problem.format_github()
        # the maintainer's own values are quoted in messages and may hold anything
        words = re.sub(r"'[^']*'", "''", text)
        assert not PROGRAMMER_SPEAK.search(words), text
        text.encode("utf-8")  # printable: no lone surrogates
    try:
        load_catalogue(root, display_root=root)
    except CatalogueError as exc:
        assert exc.problems
    else:
        assert catalogue is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=12))
def test_mutated_credentials_never_crash(changes: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = credential()
        data.update(changes)
        root = write_catalogue(Path(folder) / "c", credentials={"x": data})
        _check(root)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values)
def test_arbitrary_documents_never_crash(document: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = yaml.safe_dump(document, allow_unicode=True)
        root = write_catalogue(
            Path(folder) / "c", credentials={"x": text}, organisations={"alpha-uni": text}
        )
        _check(root)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_catalogue(Path(folder) / "c", credentials={"x": raw})
        _check(root)
