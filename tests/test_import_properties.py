"""Property: any JSON-LD input gives the import's report or its own error — never a crash.

Hypothesis builds inputs three ways: the Commission's sample with one subtree replaced by
arbitrary JSON (so the mapping code deep inside is reached), arbitrary nesting of ELM keys, and
either of them wrapped in the envelopes the importer unwraps (upload form, sealed payload,
``@graph``). Strings are drawn with control, zero-width and bidirectional characters. After
every import, only new files under ``credentials/`` and ``organisations/`` exist, and none holds
such a character.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credcat.importer import ImportFailed, import_file
from credcat.importer.reading import UNSAFE_CHARACTERS

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "import" / "base-catalogue"
SAMPLE: dict[str, Any] = json.loads(
    (FIXTURES / "official" / "samples" / "Sample-MC-Annex1-unsigned.jsonld").read_text(
        encoding="utf-8"
    )
)

ELM_KEYS = [
    "id",
    "type",
    "@context",
    "title",
    "description",
    "credentialSubject",
    "hasClaim",
    "specifiedBy",
    "hasPart",
    "learningOutcome",
    "provenBy",
    "proves",
    "awardedBy",
    "awardingBody",
    "awardingOpportunity",
    "legalName",
    "homepage",
    "contentURL",
    "eqfLevel",
    "nqfLevel",
    "creditPoint",
    "point",
    "framework",
    "volumeOfLearning",
    "maximumDuration",
    "language",
    "mode",
    "learningSetting",
    "dcType",
    "prefLabel",
    "noteLiteral",
    "accreditation",
    "accreditingAgent",
    "expiryDate",
    "location",
    "address",
    "countryCode",
    "influencedBy",
    "directedBy",
    "payload",
    "credential",
    "@graph",
    "en",
    "de",
]
TYPES = [
    "Qualification",
    "LearningAchievementSpecification",
    "LearningAchievement",
    "LearningActivity",
    "Organisation",
    "VerifiableCredential",
    "EuropeanDigitalCredential",
    "Concept",
]
HOSTILE = "\x00\x07\x1b\r\n\t\x85\u200b\u200f\u2028\u2029\u202e\u2066\u2069\ufeff\ud800:#&*!|>'\""

strings = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.sampled_from(HOSTILE + "ab -"), max_size=20),
    st.sampled_from(
        [
            *TYPES,
            "http://data.europa.eu/snb/eqf/6",
            "http://publications.europa.eu/resource/authority/country/DEU",
            "PT30H",
            "P3W",
            "https://x.example/",
            "mailto:a@b.example",
            "0613",
            "CON",
            "",
        ]
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    strings,
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(ELM_KEYS), strings), children, max_size=5),
    ),
    max_leaves=25,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(_paths(item, (*prefix, i)))
    return out


SAMPLE_PATHS = _paths(SAMPLE)[1:]


@st.composite
def mutated_sample(draw: st.DrawFn) -> Any:
    doc = copy.deepcopy(SAMPLE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(SAMPLE_PATHS))
        node: Any = doc
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path
    return doc


@st.composite
def arbitrary_document(draw: st.DrawFn) -> Any:
    body = draw(st.dictionaries(st.sampled_from(ELM_KEYS), json_values, max_size=8))
    body["type"] = draw(st.sampled_from(TYPES))
    if draw(st.booleans()):
        body["credentialSubject"] = {"hasClaim": draw(json_values)}
    return body


def _wrap(draw: st.DrawFn, doc: Any) -> Any:
    form = draw(st.sampled_from(["plain", "upload", "sealed", "graph", "list"]))
    if form == "upload":
        return {"credential": doc}
    if form == "sealed":
        return {"payload": json.dumps(doc), "signatures": []}
    if form == "graph":
        return {"@graph": [doc]}
    if form == "list":
        return [doc]
    return doc


@st.composite
def documents(draw: st.DrawFn) -> Any:
    doc = draw(st.one_of(mutated_sample(), arbitrary_document(), json_values))
    return _wrap(draw, doc)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _check_one(doc: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="credcat-import-test-") as tmp:
        root = Path(tmp)
        cat = root / "catalogue"
        shutil.copytree(BASE, cat)
        source = root / "input.jsonld"
        # ensure_ascii keeps lone surrogates writable; the importer sees them after parsing
        source.write_text(json.dumps(doc), encoding="utf-8")
        before = _snapshot(cat)
        try:
            report = import_file(source, cat)
        except ImportFailed as exc:
            message = str(exc)
            assert message and "\n" not in message
            assert _snapshot(cat) == before
            report = None
        after = _snapshot(cat)
        assert sorted(p.name for p in root.iterdir()) == ["catalogue", "input.jsonld"]
        assert all(after[k] == v for k, v in before.items())
        added = {k: v for k, v in after.items() if k not in before}
        if report is None:
            assert not added
            return
        assert isinstance(report, list) and all(isinstance(line, str) for line in report)
        assert all(line.isprintable() and len(line) <= 1000 for line in report)
        assert sorted(f"wrote {k}" for k in added) == sorted(
            line for line in report if line.startswith("wrote ")
        )
        for rel, raw in added.items():
            assert rel.startswith(("credentials/", "organisations/")), rel
            text = raw.decode("utf-8")
            assert not UNSAFE_CHARACTERS.search(text.replace("\n", "")), rel
            assert isinstance(yaml.safe_load(text), dict)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_any_input_gives_a_report_or_import_failed(doc: Any) -> None:
    _check_one(doc)


def test_the_unchanged_sample_passes_the_same_property() -> None:
    # the property's own oracle on a known-good input: it must import, not just "not crash"
    with tempfile.TemporaryDirectory(prefix="credcat-import-test-") as tmp:
        cat = Path(tmp) / "catalogue"
        shutil.copytree(BASE, cat)
        source = Path(tmp) / "input.jsonld"
        source.write_text(json.dumps(SAMPLE), encoding="utf-8")
        report = import_file(source, cat)
    assert any(line.startswith("wrote credentials/") for line in report)
    _check_one(SAMPLE)


@pytest.mark.parametrize(
    "graph",
    [
        [{"id": ["urn:a", "urn:b"], "type": "Qualification"}],
        [
            {"id": {"id": "urn:a"}, "type": "Qualification"},
            {"id": "urn:c", "type": "Qualification"},
        ],
        [
            {
                "id": "urn:record",
                "type": "Qualification",
                "http://www.w3.org/ns/dcat#hasCurrentVersion": {"id": ["urn:version"]},
            }
        ],
    ],
)
def test_a_graph_whose_identifiers_are_not_texts_gives_a_report_or_import_failed(
    graph: list[Any],
) -> None:
    """Found by the property above: a node of a ``@graph`` whose ``id`` is a list or an
    object (or a record naming its version so) once stopped the import with a TypeError."""
    _check_one({"@graph": graph})
