"""Tests for credcat.vocab (offline controlled vocabularies)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from credcat import vocab
from credcat.vocab import Concept, UnknownVocabulary

DATA = Path(vocab.__file__).parent / "data"
SNB = "http://data.europa.eu/snb"
AUTH = "http://publications.europa.eu/resource/authority"

EU_LANGUAGES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip
MORE_LANGUAGES = [
    "ca", "eu", "gl", "no", "nb", "is", "tr", "uk", "ru", "ar", "zh", "ja",
    "sq", "sr", "mk", "bs", "lb", "cy",
]  # fmt: skip


# --------------------------------------------------------------------------- data files


def test_vocabularies_match_data_files() -> None:
    files = {p.stem for p in DATA.glob("*.json")} - {"eqf_descriptors"}
    assert set(vocab.VOCABULARIES) == files
    assert list(vocab.VOCABULARIES) == sorted(vocab.VOCABULARIES)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.json")), ids=lambda p: p.name)
def test_data_files_are_canonical(path: Path) -> None:
    """Every committed file is in the exact form scripts/build_vocab.py writes."""
    text = path.read_text(encoding="utf-8")
    canonical = json.dumps(json.loads(text), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    assert text == canonical
    assert "\r" not in text


@pytest.mark.parametrize("name", vocab.VOCABULARIES)
def test_every_vocabulary_loads(name: str) -> None:
    doc = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["name"] == name
    assert {"name", "scheme", "source", "concepts", "aliases"} <= doc.keys()
    assert doc["concepts"], name
    codes = vocab.codes(name)
    assert codes == tuple(sorted(doc["concepts"]))
    assert vocab.scheme(name) == doc["scheme"]
    if name in ("country", "currency"):
        assert all(re.fullmatch(r"[A-Z]{2,3}", c) for c in codes)
    elif name == "nqf":
        assert all(re.fullmatch(r"c_[0-9a-f]{8}", c) for c in codes)
    else:
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c) for c in codes), name
    for code in codes:
        c = vocab.concept(name, code)
        assert (c.vocab, c.code, c.scheme) == (name, code, doc["scheme"])
        assert c.iri.startswith("http") and c.label()
    for alias, code in doc["aliases"].items():
        assert code in doc["concepts"] and alias not in doc["concepts"]
        assert vocab.concept(name, alias).code == code


def test_iris_are_unique_across_vocabularies() -> None:
    seen: dict[str, str] = {}
    for name in vocab.VOCABULARIES:
        for code in vocab.codes(name):
            iri = vocab.concept(name, code).iri
            assert iri not in seen, (iri, seen.get(iri), name)
            seen[iri] = name


def test_eqf_descriptors() -> None:
    doc = json.loads((DATA / "eqf_descriptors.json").read_text(encoding="utf-8"))
    assert sorted(doc) == [str(i) for i in range(1, 9)]
    for level, texts in doc.items():
        assert set(texts) == {"en", "de", "fr", "it", "es", "pt", "nl"}
        assert f"level {level}" in texts["en"] and f"Niveau {level}" in texts["de"]
        assert f"Au niveau {level}," in texts["fr"] and f"livello {level}" in texts["it"]
        assert f"nivel {level}" in texts["es"] and f"nível {level}" in texts["pt"]
        assert f"niveau {level}" in texts["nl"]
    assert vocab.eqf_descriptor(6) == doc["6"]["en"]
    assert vocab.eqf_descriptor("4", "de") == doc["4"]["de"]
    assert vocab.eqf_descriptor(4, "fr") == doc["4"]["fr"]
    assert vocab.eqf_descriptor(4, "pt") == doc["4"]["pt"]
    assert vocab.eqf_descriptor(4, "sl") == doc["4"]["en"]
    assert vocab.eqf_descriptor(9) is None


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("name", "code", "canonical", "iri", "scheme"),
    [
        ("mode", "on-site", "on-site", f"{SNB}/learning-assessment/9191af2ed9",
         f"{SNB}/learning-assessment/25831c2"),
        ("mode", "presential", "on-site", f"{SNB}/learning-assessment/9191af2ed9",
         f"{SNB}/learning-assessment/25831c2"),
        ("mode", "hybrid", "blended", f"{SNB}/learning-assessment/e92d221e4d",
         f"{SNB}/learning-assessment/25831c2"),
        ("eqf", "6", "6", f"{SNB}/eqf/6", f"{SNB}/eqf/25831c2"),
        ("isced-f", "0613", "0613", f"{SNB}/isced-f/0613", f"{SNB}/isced-f/25831c2"),
        ("isced-f", "0688", "0688", f"{SNB}/isced-f/0688", f"{SNB}/isced-f/25831c2"),
        ("isced-f", "00", "00", f"{SNB}/isced-f/00", f"{SNB}/isced-f/25831c2"),
        ("language", "de", "de", f"{AUTH}/language/DEU", f"{AUTH}/language"),
        ("language", "DEU", "de", f"{AUTH}/language/DEU", f"{AUTH}/language"),
        ("language", "en", "en", f"{AUTH}/language/ENG", f"{AUTH}/language"),
        ("language", "fr", "fr", f"{AUTH}/language/FRA", f"{AUTH}/language"),
        ("language", "el", "el", f"{AUTH}/language/ELL", f"{AUTH}/language"),
        ("country", "DE", "DE", f"{AUTH}/country/DEU", f"{AUTH}/country"),
        ("country", "de", "DE", f"{AUTH}/country/DEU", f"{AUTH}/country"),
        ("country", "deu", "DE", f"{AUTH}/country/DEU", f"{AUTH}/country"),
        ("country", "EL", "GR", f"{AUTH}/country/GRC", f"{AUTH}/country"),
        ("country", "UK", "GB", f"{AUTH}/country/GBR", f"{AUTH}/country"),
        ("country", "XK", "XK", f"{AUTH}/country/1A0", f"{AUTH}/country"),
        ("currency", "eur", "EUR", f"{AUTH}/currency/EUR", f"{AUTH}/currency"),
        ("nqf", "c_ef113b94", "c_ef113b94", f"{SNB}/qdr/c_ef113b94", f"{SNB}/qdr/25831c2"),
        ("nqf", "German National Qualifications Framework", "c_ef113b94",
         f"{SNB}/qdr/c_ef113b94", f"{SNB}/qdr/25831c2"),
        ("assessment-type", "attendance", "level-of-attendance", f"{SNB}/assessment/7331eb4762",
         f"{SNB}/assessment/25831c2"),
        ("assessment-type", "written-examination", "written-examination",
         f"{SNB}/assessment/6e6cb2cc78", f"{SNB}/assessment/25831c2"),
        ("learning-opportunity-type", "short-learning-program", "short-learning-programme",
         f"{SNB}/learning-opportunity/74a4a268e8", f"{SNB}/learning-opportunity/25831c2"),
        ("credit-system", "ects", "ects", f"{SNB}/education-credit/6fcec5c5af",
         f"{SNB}/education-credit/25831c2"),
        ("accreditation-type", "program-license", "programme-licence",
         f"{SNB}/accreditation/e57dddfcf3", f"{SNB}/accreditation/25831c2"),
        ("learning-setting", "non-formal", "non-formal", f"{SNB}/learning-setting/e207a81fc7",
         f"{SNB}/learning-setting/25831c2"),
        ("learning-schedule", "part-time-light", "part-time-light",
         f"{SNB}/learning-schedule/67395e6b5a", f"{SNB}/learning-schedule/25831c2"),
        ("skill-type", "knowledge", "knowledge", f"{SNB}/skill-type/knowledge",
         f"{SNB}/skill-type/25831c2"),
        ("reuse-level", "transversal", "transversal", f"{SNB}/skill-reuse-level/transversal",
         f"{SNB}/skill-reuse-level/25831c2"),
        ("credential-type", "generic", "generic", f"{SNB}/credential/e34929035b",
         f"{SNB}/credential/25831c2"),
        ("target-group", "migrants", "migrants", f"{SNB}/target-group/c900d8ecb1",
         f"{SNB}/target-group/25831c2"),
        ("supervision", "unsupervised-id-check", "unsupervised-id-check",
         f"{SNB}/supervision-verification/df2880c5cb", f"{SNB}/supervision-verification/25831c2"),
    ],
)  # fmt: skip
def test_lookup(name: str, code: str, canonical: str, iri: str, scheme: str) -> None:
    c = vocab.lookup(name, code)
    assert c is not None
    assert (c.vocab, c.code, c.iri, c.scheme) == (name, canonical, iri, scheme)
    assert vocab.concept(name, code) == c
    assert vocab.by_iri(iri) == c


def test_official_translations_cover_the_vocabularies_with_a_source() -> None:
    """Every concept of a vocabulary with a vendored source has its de and fr label."""
    for name in ("isced-f", "mode", "assessment-type", "learning-opportunity-type",
                 "learning-schedule", "learning-setting"):  # fmt: skip
        doc = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert set(doc["label_sources"]) == {"de", "fr"}, name
        for lang, source in doc["label_sources"].items():
            assert (DATA.parent / source.removeprefix("vocab/")).is_file()
            missing = [code for code, c in doc["concepts"].items() if lang not in c["label"]]
            # the two ISCED-F fields the French source leaves in English
            assert missing == ([] if (name, lang) != ("isced-f", "fr") else ["0321", "0322"])
    assert vocab.concept("isced-f", "0613").label("de") == (
        "Entwicklung und Analyse von Software und Anwendungen"
    )


def test_labels() -> None:
    on_site = vocab.concept("mode", "on-site")
    assert on_site.label() == "Presential"
    assert on_site.label("de") == "Präsenz"  # official labels (vocab/sources, README)
    assert on_site.label("fr") == "Présentiel"
    assert on_site.label("sl") == "Presential"  # falls back to English
    assert on_site.labels == {"en": "Presential", "de": "Präsenz", "fr": "Présentiel"}
    assert vocab.concept("country", "DE").label() == "Germany"
    bare = Concept("x", "code", "urn:x", "urn:s", {})
    assert bare.label("en") == "code"
    assert {on_site, vocab.concept("mode", "presential")} == {on_site}  # hashable


def test_required_languages() -> None:
    for code in EU_LANGUAGES + MORE_LANGUAGES:
        c = vocab.lookup("language", code)
        assert c is not None, code
        assert re.fullmatch(rf"{AUTH}/language/[A-Z]{{3}}", c.iri)
        assert vocab.lookup("language", c.iri.rsplit("/", 1)[1].lower()) == c
    assert vocab.concept("language", "ga").label() == "Irish"
    assert vocab.concept("language", "nb").iri.endswith("/NOB")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("mode", "blendd"),
        ("mode", "Online"),  # slug vocabularies are case-sensitive
        ("eqf", "9"),
        ("eqf", "Level 6"),
        ("isced-f", "613"),
        ("language", "xx"),
        ("country", "ZZ"),
        ("currency", "EURO"),
        ("nqf", "c_00000000"),
        ("assessment-type", ""),
    ],
)
def test_unknown_codes(name: str, code: str) -> None:
    assert vocab.lookup(name, code) is None
    with pytest.raises(KeyError):
        vocab.concept(name, code)


def test_unknown_vocabulary() -> None:
    for call in (vocab.lookup, vocab.concept, vocab.suggest):
        with pytest.raises(UnknownVocabulary):
            call("no-such-vocab", "x")
    with pytest.raises(KeyError):
        vocab.codes("no-such-vocab")
    with pytest.raises(KeyError):
        vocab.scheme("no-such-vocab")


def test_suggest() -> None:
    assert vocab.suggest("mode", "blendd") == "blended"
    assert vocab.suggest("mode", "Online") == "online"
    assert vocab.suggest("mode", "onsite") == "on-site"  # alias, returns canonical code
    assert vocab.suggest("mode", "in person") == "on-site"
    assert vocab.suggest("learning-schedule", "Part time light") == "part-time-light"
    assert vocab.suggest("assessment-type", "writen-exam") == "written-examination"
    assert vocab.suggest("assessment-type", "atendance") == "level-of-attendance"
    assert vocab.suggest("accreditation-type", "program-licence") == "programme-licence"
    assert vocab.suggest("language", "deu") == "de"
    assert vocab.suggest("mode", "zzzzzzzz") is None


def test_by_iri() -> None:
    assert vocab.by_iri(f"{SNB}/eqf/6") == vocab.concept("eqf", "6")
    assert vocab.by_iri("http://example.org/nope") is None
    for name in vocab.VOCABULARIES:
        for code in vocab.codes(name):
            c = vocab.concept(name, code)
            assert vocab.by_iri(c.iri) == c


def test_codes() -> None:
    assert vocab.codes("eqf") == tuple(str(i) for i in range(1, 9))
    assert vocab.codes("mode") == (
        "blended", "on-site", "online", "project-based", "research-lab", "work-based",
    )  # fmt: skip
    assert "EUR" in vocab.codes("currency")
    assert {"DE", "AT", "SI", "IE", "PT", "GR", "GB"} <= set(vocab.codes("country"))


def test_official_sample_concepts_resolve() -> None:
    """Every concept of a covered vocabulary used by the Commission's Annex I sample resolves."""
    sample = Path(__file__).parent / "fixtures/official/samples/Sample-MC-Annex1-unsigned.jsonld"
    text = sample.read_text(encoding="utf-8")
    namespaces = {
        vocab.concept(n, vocab.codes(n)[0]).iri.rsplit("/", 1)[0] for n in vocab.VOCABULARIES
    }
    used = {
        iri
        for iri in re.findall(r"https?://[^\"\s]+", text)
        if iri.rsplit("/", 1)[0] in namespaces
        and iri not in {vocab.scheme(n) for n in vocab.VOCABULARIES}
    }
    assert len(used) >= 15
    unresolved = sorted(i for i in used if vocab.by_iri(i) is None)
    assert unresolved == []
    assert vocab.by_iri(f"{SNB}/supervision-verification/c598449d64") is not None
