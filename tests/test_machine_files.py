"""Published machine files: paths, bytes, determinism, links, OB3, schema.org, offline loader."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import rdflib
import yaml

from catalogue_factory import SETTINGS, credential, write_catalogue
from credcat import vocab
from credcat.conformance import validate_document
from credcat.jsonld import (
    CONTEXTS,
    CREDENTIALS_V1,
    EDC_AP,
    OB3_CONTEXT,
    expand,
    local_document_loader,
)
from credcat.model import ordered_outcomes
from credcat.render.data import elm as elm_module
from credcat.render.data.badge import MAX_LINES, PALETTE, _shield_width, badge_svg
from credcat.render.data.edc import edc_template
from credcat.render.data.elm import elm_document
from credcat.render.data.machine import (
    credential_files,
    edition_files,
    machine_documents,
    machine_files,
    machine_links,
    opportunities_file,
    version_documents,
)
from credcat.render.data.nodes import dumps
from credcat.render.data.ob3 import achievement_iri, editions, ob3_achievement
from credcat.render.data.schemaorg import schemaorg
from credcat.render.language import localise, nqf_label, phrase
from credcat.urls import CATALOGUE_JSONLD, MACHINE_FILES
from credcat.validate import load_catalogue
from credcat.versions import has_address, succession
from jsonld_helpers import (
    CATALOGUES,
    OFFICIAL,
    catalogue,
    disagreements,
    dropped_values,
    missing_keys,
    to_graph,
    type_counts,
    urls_of,
)

REPO = Path(__file__).resolve().parent.parent
FIXTURE = CATALOGUES["fixture"]


# --- machine_files ------------------------------------------------------------------------


LINK_LABELS: dict[str, dict[str, str]] = yaml.safe_load(
    resources.files("credcat").joinpath("data/phrases.yaml").read_text("utf-8")
)["link_labels"]
"""The download link labels as translators write them."""

ALL_KINDS = ["elm", "loq", "edc", "ob3"]
"""The downloads of a credential's current page, in their order."""


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_machine_files_paths_and_bytes(name: str) -> None:
    cat = catalogue(name)
    urls = urls_of(cat)
    files = machine_files(cat, urls)
    expected = {CATALOGUE_JSONLD}
    for current in cat.credentials.values():
        # every version: the released ones from their snapshots, an unreleased current one,
        # unless it is a draft's (it has no permanent address: no files)
        versions = [r.credential for r in cat.archive.of(current.id)]
        if cat.archive.get(current.id, current.version) is None and current.status != "draft":
            versions.append(current)
        for cred in versions:
            for kind in MACHINE_FILES:
                expected.add(urls.machine_file(cred.id, cred.version, kind))
            for key in editions(cat, cred):
                expected.add(urls.badge_image(cred.id, cred.version, key))
                if key is not None:
                    expected.add(urls.ob3_edition(cred.id, cred.version, key))
        # the offerings: once per credential, as its file says now, beside its current page
        if current.offerings and current.status not in {"draft", "retired"}:
            expected.add(f"credentials/{current.id}/opportunities.jsonld")
    assert set(files) == expected
    assert list(files) == sorted(files)
    for path, data in files.items():
        assert isinstance(data, bytes)
        if path.endswith(".svg"):
            ElementTree.fromstring(data)  # well-formed XML
            continue
        assert data.endswith(b"}\n")
        parsed = json.loads(data.decode("utf-8"))
        assert dumps(parsed) == data, f"{path} is not in canonical form"
        assert b"\\u00" not in data  # ensure_ascii=False: texts stay readable


def test_machine_files_are_deterministic() -> None:
    first = machine_files(catalogue("fixture"), urls_of(catalogue("fixture")))
    fresh = load_catalogue(FIXTURE)
    second = machine_files(fresh, urls_of(fresh))
    assert first == second


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_a_credential_s_files_share_its_current_specification_and_equal_files_made_alone(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``credential_files`` makes the specification of a current version not released once,
    for its version's files and for ``opportunities.jsonld`` (both describe the credential
    file): one specification per version published, and one more only where
    ``opportunities.jsonld`` describes the file beside a released current version (as
    released, its files may name other titles). Every file is the bytes each renderer makes
    on its own."""
    cat = catalogue(name)
    urls = urls_of(cat)
    built: list[str] = []
    build = elm_module._Spec.build

    def counted(self: Any, *, relations: bool = True) -> Any:
        built.append(self.cred.id)
        return build(self, relations=relations)

    shared = 0
    for cid, current in cat.credentials.items():
        published = succession(cat, cid).published
        alone: dict[str, bytes] = {}
        for info in published:
            for kind, document in version_documents(cat, cid, info.version, urls).items():
                alone[urls.machine_file(cid, info.version, kind)] = dumps(document)
            alone.update(edition_files(cat, cid, info.version, urls))
        if (opportunities := opportunities_file(cat, cid, urls)) is not None:
            alone[opportunities[0]] = opportunities[1]
        released = cat.archive.get(cid, current.version) is not None
        with monkeypatch.context() as patch:
            patch.setattr(elm_module._Spec, "build", counted)
            built.clear()
            files = dict(credential_files(cat, cid, urls))
        assert files == alone, cid
        assert len(built) == len(published) + (opportunities is not None and released), cid
        shared += opportunities is not None and not released
    assert name != "fixture" or shared  # the fixture's unreleased versions have runs on offer


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_documents_sharing_one_specification_equal_documents_made_alone(name: str) -> None:
    """``elm.jsonld`` and the EDC template of a version share one specification: each is what
    its renderer makes on its own (so neither changed the shared one)."""
    cat = catalogue(name)
    urls = urls_of(cat)
    alone = {"elm": elm_document, "edc": edc_template}
    related = 0
    for cred in cat.credentials.values():
        documents = machine_documents(cat, cred, urls)
        for kind, render in alone.items():
            assert documents.get(kind) == render(cat, cred, urls), (cred.id, kind)
        related += any(key in documents["elm"] for key in ("isPartOf", "hasPart"))
    assert name != "sample" or related  # the sample's stacks name each other


def _digest(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for path, data in sorted(files.items()):
        h.update(path.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def test_machine_files_are_identical_in_another_process() -> None:
    """Byte-identical across runs (other hash seed), and the core never imports pyld."""
    script = (
        "import sys, hashlib\n"
        "from credcat.validate import load_catalogue\n"
        "from credcat.urls import Urls\n"
        "from credcat.render.data.machine import machine_files\n"
        "import credcat.jsonld\n"
        f"cat = load_catalogue({str(FIXTURE)!r})\n"
        "files = machine_files(cat, Urls(cat.settings.base_uri, cat.settings.default_language))\n"
        "h = hashlib.sha256()\n"
        "for path, data in sorted(files.items()):\n"
        "    h.update(path.encode() + b'\\0' + data + b'\\0')\n"
        "print(h.hexdigest(), 'pyld' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=REPO,
    ).stdout.split()
    cat = catalogue("fixture")
    assert out == [_digest(machine_files(cat, urls_of(cat))), "False"]


def test_offering_less_credential_has_no_opportunities_file() -> None:
    cat = catalogue("fixture")
    urls = urls_of(cat)
    files = machine_files(cat, urls)
    programme = cat.credentials["data-programme"]
    assert not programme.offerings
    assert urls.opportunities(programme.id) not in files
    assert urls.machine_file(programme.id, programme.version, "elm") in files
    # a draft's offerings are not advertised to harvesters, though the page may list them;
    # its version, not released, has no file at all (no permanent address)
    draft = cat.credentials["intro-python"]
    assert draft.status == "draft" and draft.offerings
    assert cat.archive.get(draft.id, draft.version) is None
    assert urls.opportunities(draft.id) not in files
    assert urls.machine_file(draft.id, draft.version, "elm") not in files
    assert not [path for path in files if path.startswith(f"credentials/{draft.id}/")]
    offered = cat.credentials["data-basics"]
    assert urls.opportunities(offered.id) == "credentials/data-basics/opportunities.jsonld"
    assert urls.opportunities(offered.id) in files
    # no version folder holds offerings: they are the credential's, not a version's
    assert not [p for p in files if p.count("/") > 2 and p.endswith("opportunities.jsonld")]


# --- machine_links ------------------------------------------------------------------------


def test_machine_links() -> None:
    cat = catalogue("fixture")
    urls = urls_of(cat)
    files = machine_files(cat, urls)
    for cred in cat.credentials.values():
        links = machine_links(cat, cred, urls)
        kinds = [kind for kind, *_ in links]
        if cred.status == "draft":  # its version is not released: it has no files to link
            assert links == []
            continue
        advertised = bool(cred.offerings) and cred.status != "retired"
        assert kinds == [k for k in ALL_KINDS if k != "loq" or advertised]
        for kind, path, mime, label in links:
            if kind == "loq":
                assert path == urls.opportunities(cred.id)
                assert mime == "application/ld+json"
            else:
                assert path == urls.machine_file(cred.id, cred.version, kind)
                assert mime == MACHINE_FILES[kind][1]
            assert path in files
            assert label == LINK_LABELS[kind]["en"]
    german = machine_links(cat, cat.credentials["data-basics"], urls, "de")
    assert [label for *_, label in german] == [LINK_LABELS[k]["de"] for k in ALL_KINDS]
    french = machine_links(cat, cat.credentials["data-basics"], urls, "fr")
    assert [label for *_, label in french] == [LINK_LABELS[k]["fr"] for k in ALL_KINDS]
    # a language credcat's phrases do not have: English
    irish = machine_links(cat, cat.credentials["data-basics"], urls, "ga")
    assert [label for *_, label in irish] == [LINK_LABELS[k]["en"] for k in ALL_KINDS]


# --- Open Badges 3.0 ----------------------------------------------------------------------


def _ob3_errors(document: dict[str, Any]) -> list[str]:
    """What ``credcat validate`` finds in an OB3 document (the vendored 1EdTech schema)."""
    kind, findings = validate_document(document)
    assert kind == "ob3"
    return [f.format("ob3") for f in findings]


def _achievement_credential(achievement: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in achievement.items() if k != "@context"}
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", achievement["@context"]],
        "id": "urn:uuid:2f0c6a56-8a3e-4c1e-9b8e-3d1f9c1e7a01",
        "type": ["VerifiableCredential", "AchievementCredential"],
        "issuer": {"id": body["creator"]["id"], "type": ["Profile"]},
        "validFrom": "2027-06-30T00:00:00Z",
        "name": body["name"],
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": body,
        },
    }


def test_the_ob3_schema_is_valid_and_checks_the_whole_credential() -> None:
    schema = json.loads((OFFICIAL / "ob3" / "achievementcredential.schema.json").read_text())
    jsonschema.validators.validator_for(schema).check_schema(schema)
    cat = catalogue("fixture")
    achievement = ob3_achievement(cat, cat.credentials["data-basics"], urls_of(cat))
    # the achievement inside an AchievementCredential passes the whole schema
    assert _ob3_errors(_achievement_credential(achievement)) == []
    broken = _achievement_credential(achievement)
    broken["credentialSubject"]["achievement"] = {**achievement, "name": 5}
    assert _ob3_errors(broken) == [
        "ob3: $.credentialSubject.achievement.name: 5 is not of type 'string' "
        "[OB3 AchievementCredential]"
    ]


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_ob3_achievement_validates(name: str) -> None:
    cat = catalogue(name)
    urls = urls_of(cat)
    for cred in cat.credentials.values():
        achievement = ob3_achievement(cat, cred, urls)
        assert achievement["@context"] == OB3_CONTEXT
        assert achievement["id"] == achievement_iri(cred, urls)
        assert achievement["achievementType"] == "MicroCredential"
        assert achievement["version"] == cred.version
        assert _ob3_errors(achievement) == []
        assert missing_keys(achievement) == set()
        assert not dropped_values(achievement)
        assert type_counts(to_graph(achievement))["Achievement"] == 1
        esco = {s.uri for o in cred.outcomes for s in o.esco}
        targets = {a["targetUrl"] for a in achievement["alignment"]}
        assert esco <= targets
        assert f"http://data.europa.eu/snb/eqf/{cred.eqf}" in targets
        if cred.workload.ects is not None:
            assert achievement["creditsAvailable"] == cred.workload.ects
        narrative = achievement["criteria"]["narrative"]
        for outcome in cred.outcomes:
            text = localise(outcome.text, achievement["inLanguage"], cat.settings.default_language)
            assert text in narrative
        lang = achievement["inLanguage"]
        assert lang in cred.title
        assert achievement["name"] == cred.title[lang]
        fields = [vocab.concept("isced-f", code).labels["en"] for code in cred.field]
        assert all(label in achievement["fieldOfStudy"] for label in fields)


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_ob3_alignments_name_what_the_catalogue_names(name: str) -> None:
    """ESCO skills aligned by their label, each once; NQF level aligned; QF-EHEA as a tag."""
    cat = catalogue(name)
    urls = urls_of(cat)
    for cred in cat.credentials.values():
        achievement = ob3_achievement(cat, cred, urls)
        lang = achievement["inLanguage"]
        by_url = {a["targetUrl"]: a for a in achievement["alignment"]}
        assert len(by_url) == len(achievement["alignment"])
        skills = {s.uri: s for o in cred.outcomes for s in o.esco}
        for uri, skill in skills.items():
            aligned = by_url[uri]
            assert aligned["targetType"] == "ceasn:Competency"
            assert aligned["targetCode"] == uri.rsplit("/", 1)[-1]
            if skill.label:
                assert aligned["targetName"] == localise(
                    skill.label, lang, cat.settings.default_language
                )
            else:
                assert aligned["targetCode"] in aligned["targetName"]
        nqf = vocab.lookup("nqf", cred.nqf) if cred.nqf else None
        if nqf is None:
            assert not any("/snb/qdr/" in url for url in by_url)
        else:
            # "DQR Level 6" in English, "Niveau DQR 6" in a French edition
            assert by_url[nqf.iri]["targetName"] == nqf_label(nqf.code, lang)
        qf_tags = [t for t in achievement["tag"] if t.startswith("QF-EHEA")]
        if cred.qf_ehea is None:
            assert qf_tags == []
        else:
            assert qf_tags == [f"QF-EHEA {phrase(f'qf-ehea.{cred.qf_ehea}', lang)}"]
        if cred.workload.ects is not None:
            assert isinstance(achievement["creditsAvailable"], float)


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_ob3_achievement_in_every_language_with_its_badge(name: str) -> None:
    """One edition per catalogue language the credential is complete in; each validates, names
    its language, points to every other edition and has its own badge image (issue 10, 8)."""
    cat = catalogue(name)
    urls = urls_of(cat)
    files = machine_files(cat, urls)
    default = cat.settings.default_language
    for cred in cat.credentials.values():
        found = editions(cat, cred)
        assert set(cat.complete_languages) <= set(found.values())
        assert found[None] == default
        for key, lang in found.items():
            achievement = ob3_achievement(cat, cred, urls, key)
            assert _ob3_errors(achievement) == []
            assert achievement["inLanguage"] == lang
            assert achievement["id"] == urls.iri(urls.ob3_edition(cred.id, cred.version, key))
            assert achievement["name"] == localise(cred.title, lang, default)
            assert achievement["description"] == localise(cred.summary, lang, default)
            for outcome in cred.outcomes:
                assert localise(outcome.text, lang, default) in achievement["criteria"]["narrative"]
            # the edition's criteria are its language's page; its labels are in its language
            # where the vocabulary has them (English otherwise)
            site_lang = None if lang == default else lang
            page = urls.iri(urls.credential_version(cred.id, cred.version, site_lang))
            assert achievement["criteria"]["id"] == page
            fields = [vocab.concept("isced-f", code) for code in cred.field]
            assert achievement["fieldOfStudy"] == "; ".join(
                f.labels.get(lang) or f.labels["en"] for f in fields
            )
            level = next(a for a in achievement["alignment"] if a["targetCode"] == str(cred.eqf))
            assert (
                level["targetName"]
                == {"en": "EQF level", "de": "EQR-Niveau"}.get(
                    lang, level["targetName"].rsplit(" ", 1)[0]
                )
                + f" {cred.eqf}"
            )
            same_version = {
                r["inLanguage"]: r["id"]
                for r in achievement["related"]
                if r["version"] == cred.version
            }
            assert same_version == {
                other: achievement_iri(cred, urls, other_key)
                for other_key, other in found.items()
                if other_key != key
            }
            image = achievement["image"]
            assert image["type"] == "Image"
            assert image["id"] == urls.iri(urls.badge_image(cred.id, cred.version, key))
            path = image["id"].removeprefix(cat.settings.base_uri)
            if has_address(cat, cred.id, cred.version):
                content = files[path]
            else:  # a draft's version not released: rendered, not published
                assert path not in files
                content = edition_files(cat, cred.id, cred.version, urls)[path]
            svg = ElementTree.fromstring(content)
            ns = "{http://www.w3.org/2000/svg}"
            assert svg.get("role") == "img" and svg.get("lang") == lang
            assert svg.get("aria-labelledby") == "badge-title badge-desc"
            assert svg.findtext(f"{ns}title") == localise(cred.title, lang, default)
            assert svg.findtext(f"{ns}desc") == image["caption"]
            assert localise(cred.title, lang, default) in image["caption"]


OB3_PROFILE = rdflib.URIRef("https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile")
SCHEMA_NAME = rdflib.URIRef("https://schema.org/name")


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_ob3_editions_merged_into_one_graph_agree(name: str) -> None:
    """An aggregator merges every language edition of every version into one RDF graph: the
    nodes the editions share (the awarding body, ``creator``, at its organisation IRI in all
    of them; the editions and versions named by ``related``) are said the same by every file.
    The awarding body has one name, the catalogue's default language's, where its names
    differ by language; each edition's own texts stay in its language."""
    cat = catalogue(name)
    urls = urls_of(cat)
    default = cat.settings.default_language
    documents = {
        path: json.loads(data)
        for path, data in machine_files(cat, urls).items()
        if "/ob3-achievement" in path
    }
    assert {d["inLanguage"] for d in documents.values()} >= set(cat.complete_languages)
    assert disagreements(documents) == {}
    merged = rdflib.Graph()
    for document in documents.values():
        merged += to_graph(document)
    creators = set(merged.subjects(rdflib.RDF.type, OB3_PROFILE))
    assert creators
    multilingual = 0
    for creator in creators:
        oid = str(creator).removeprefix(cat.settings.base_uri).split("/")[1]
        names = cat.organisations[oid].name
        multilingual += len(set(names.values())) > 1
        assert list(merged.objects(creator, SCHEMA_NAME)) == [
            rdflib.Literal(localise(names, default, default))
        ]
    assert name != "sample" or multilingual  # the sample's awarding bodies' names differ
    for document in documents.values():
        cred = cat.credentials[document["humanCode"]]
        lang = document["inLanguage"]
        if document["version"] == cred.version:
            assert document["name"] == localise(cred.title, lang, default)


def test_badge_text_is_escaped_and_readable() -> None:
    cat = catalogue("fixture")
    cred = cat.credentials["data-basics"]
    hostile = cred.model_copy(
        update={"title": {"en": '<script>alert(1)</script> & "quotes" ' + "long " * 30}}
    )
    data = badge_svg(cat, hostile, "en")
    assert b"<script>" not in data
    svg = ElementTree.fromstring(data)
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.findtext(f"{ns}title", "").startswith('<script>alert(1)</script> & "quotes"')
    lines = [t.text or "" for t in svg.iter(f"{ns}tspan")]
    assert len(lines) == MAX_LINES and lines[-1].endswith("…")
    assert badge_svg(cat, hostile, "en") == data  # deterministic
    for colour in PALETTE:  # white text on every background: WCAG AA and more
        assert _contrast_with_white(colour) >= 7


def _contrast_with_white(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_ob3_related_names_the_credential_replaced_never_the_successor() -> None:
    """A version's achievement names the credentials it replaces (``superseded_by`` names
    it), as OB3's ``related`` means "previous versions"; a superseded credential's names no
    successor, which would be a later thing its files could not name for good."""
    cat = catalogue("fixture")
    urls = urls_of(cat)
    old = ob3_achievement(cat, cat.credentials["old-data-basics"], urls)
    new = ob3_achievement(cat, cat.credentials["data-basics"], urls)
    previous = cat.credentials["old-data-basics"]
    assert [r["id"] for r in old["related"]] == [  # its other language editions only
        achievement_iri(previous, urls, key) for key in editions(cat, previous) if key
    ]
    assert {
        "id": achievement_iri(previous, urls),
        "type": ["Related"],
        "version": previous.version,
        "inLanguage": "en",
    } in new["related"]


def test_ob3_related_names_every_credential_a_successor_replaces(tmp_path: Path) -> None:
    """A version not released yet relates to every credential that names it as successor now,
    in catalogue order; one that nobody names relates to none."""
    shutil.copytree(FIXTURE, tmp_path / "catalogue")
    path = tmp_path / "catalogue" / "credentials" / "intro-python.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["status"] = "superseded"
    data["superseded_by"] = "data-basics"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    cat = load_catalogue(tmp_path / "catalogue")
    urls = urls_of(cat)
    assert cat.supersedes("data-basics") == ("intro-python", "old-data-basics")
    assert cat.supersedes("intro-python") == ()
    successor = cat.credentials["data-basics"]
    own = {achievement_iri(successor, urls, key) for key in editions(cat, successor)}
    related = [
        r["id"] for r in ob3_achievement(cat, successor, urls)["related"] if r["id"] not in own
    ]
    assert related == [
        achievement_iri(cat.credentials[cid], urls) for cid in ("intro-python", "old-data-basics")
    ]
    for cid in ("intro-python", "old-data-basics"):  # neither names its successor
        related = [r["id"] for r in ob3_achievement(cat, cat.credentials[cid], urls)["related"]]
        assert not any("/data-basics/" in iri for iri in related), cid


# --- schema.org ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_schemaorg_is_complete(name: str) -> None:
    cat = catalogue(name)
    urls = urls_of(cat)
    for cred in cat.credentials.values():
        for lang in cat.languages:
            data = schemaorg(cat, cred, urls, lang)
            json.dumps(data, allow_nan=False)
            assert data["@context"] == "https://schema.org"
            by_type = {node["@type"]: node for node in data["@graph"]}
            assert set(by_type) == {"EducationalOccupationalCredential", "Course"}
            credential, course = by_type["EducationalOccupationalCredential"], by_type["Course"]
            assert course["educationalCredentialAwarded"] == {"@id": credential["@id"]}
            default = cat.settings.default_language
            assert credential["name"] == localise(cred.title, lang, default)
            assert course["name"] == credential["name"]
            assert course["description"] == localise(cred.summary, lang, default)
            # levels: EQF first, then NQF and the QF-EHEA cycle where the model has them
            levels = credential["educationalLevel"]
            assert levels[0]["termCode"] == str(cred.eqf)
            assert course["educationalLevel"] == levels[0]
            codes = [level["termCode"] for level in levels[1:]]
            nqf = vocab.lookup("nqf", cred.nqf) if cred.nqf else None
            assert codes == [c for c in (nqf.code if nqf else None, cred.qf_ehea) if c]
            # outcomes and ESCO skills (each once, by label) are what the holder can do
            # in the order the page numbers them
            outcomes = [localise(o.text, lang, default) for o in ordered_outcomes(cred)]
            skills = {sk.uri: sk for o in ordered_outcomes(cred) for sk in o.esco}
            assert course["teaches"][: len(outcomes)] == outcomes
            taught = {t["@id"]: t for t in course["teaches"][len(outcomes) :]}
            required = {c["@id"]: c for c in credential["competencyRequired"]}
            assert list(taught) == list(skills)
            assert set(required) == set(skills) | {
                urls.node_iri(cred.id, cred.version, f"outcome-{o.id}") for o in cred.outcomes
            }
            for uri, skill in skills.items():
                assert required[uri] == taught[uri]
                assert taught[uri]["url"] == uri
                if skill.label:
                    assert taught[uri]["name"] == localise(skill.label, lang, default)
            assert [p["@id"] for p in course["provider"]] == [
                urls.organisation_iri(o) for o in cred.providers
            ]
            assert all(p["name"] for p in course["provider"])
            assert course["url"] == urls.iri(urls.credential_version(cred.id, cred.version, lang))
            # no empty list where there is nothing to say
            if not cred.offerings:
                assert "hasCourseInstance" not in course
            instances = course.get("hasCourseInstance", [])
            assert len(instances) == len(cred.offerings)
            priced = [o for o in cred.offerings if o.price is not None]
            assert len(course.get("offers", [])) == len(priced)
            for offer, offering in zip(course.get("offers", []), priced, strict=True):
                assert offering.price is not None
                assert offer["priceCurrency"] == offering.price.currency
                # a JSON number, as Google's course rich results expect
                assert type(offer["price"]) in (int, float)
                assert Decimal(str(offer["price"])) == offering.price.amount
                assert offer["category"] == ("Free" if offering.price.amount == 0 else "Paid")
            for instance, offering in zip(instances, cred.offerings, strict=True):
                assert instance["courseMode"] in {"online", "onsite", "blended"}
                assert instance["startDate"] == offering.start.isoformat()
                assert instance.get("endDate") == (
                    offering.end.isoformat() if offering.end else None
                )
                if cred.workload.hours is not None:
                    assert instance["courseWorkload"] == f"PT{cred.workload.hours}H"
            assert "timeRequired" in course or cred.workload.hours is None
            if cred.workload.ects is not None:
                credits = course["numberOfCredits"]
                assert credits["@type"] == "QuantitativeValue"
                assert credits["value"] == cred.workload.ects
                assert credits["unitText"] == cred.workload.credit_system.upper()


def _ids(value: Any) -> set[str]:
    """Every ``@id`` a schema.org description claims (nodes it describes, not references)."""
    found: set[str] = set()
    if isinstance(value, dict):
        if "@id" in value and len(value) > 1:
            found.add(value["@id"])
        for item in value.values():
            found |= _ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= _ids(item)
    return found


@pytest.mark.parametrize("name", list(CATALOGUES))
def test_current_and_version_page_claim_different_ids(name: str) -> None:
    cat = catalogue(name)
    urls = urls_of(cat)
    for cred in cat.credentials.values():
        versioned = schemaorg(cat, cred, urls, cat.settings.default_language)
        current = schemaorg(cat, cred, urls, cat.settings.default_language, version_page=False)
        own = {i for i in _ids(current) if i.startswith(urls.base_uri)}
        theirs = {i for i in _ids(versioned) if i.startswith(urls.base_uri)}
        # organisations are described alike on every page; credential nodes are not shared
        shared = own & theirs
        assert all(i.endswith("#org") for i in shared), shared
        page = urls.iri(urls.credential(cred.id))
        by_type = {node["@type"]: node for node in current["@graph"]}
        assert by_type["EducationalOccupationalCredential"]["@id"] == page + "#credential"
        assert by_type["EducationalOccupationalCredential"]["isBasedOn"] == {
            "@id": urls.node_iri(cred.id, cred.version, "credential")
        }
        assert by_type["Course"]["@id"] == page + "#course"
        assert by_type["Course"]["url"] == page


# --- the offline document loader ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (CREDENTIALS_V1, CREDENTIALS_V1),
        ("http://www.w3.org/2018/credentials/v1", CREDENTIALS_V1),
        ("https://www.w3.org/2018/credentials/v1/", CREDENTIALS_V1),
        (EDC_AP, EDC_AP),
        ("https://data.europa.eu/snb/model/context/edc-ap", EDC_AP),
        ("http://data.europa.eu/snb/model/context/edc-ap/", EDC_AP),
        (OB3_CONTEXT, OB3_CONTEXT),
        ("http://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", OB3_CONTEXT),
    ],
)
def test_loader_serves_the_vendored_contexts(url: str, canonical: str) -> None:
    remote = local_document_loader()(url, {})
    assert remote["documentUrl"] == canonical
    assert "@context" in remote["document"]
    assert CONTEXTS[canonical]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.w3.org/ns/credentials/v2",
        "https://example.org/context.jsonld",
        "http://data.europa.eu/snb/model/context/edc-ap-other",
        "file:///etc/passwd",
    ],
)
def test_loader_refuses_everything_else(url: str) -> None:
    from pyld.jsonld import JsonLdError  # type: ignore[import-untyped]

    with pytest.raises(JsonLdError):
        local_document_loader()(url, {})
    with pytest.raises(JsonLdError):
        expand({"@context": url, "name": "x"})


def test_context_files_are_package_data() -> None:
    import credcat

    folder = Path(credcat.__file__).parent / "contexts"
    for name in CONTEXTS.values():
        assert json.loads((folder / name).read_text(encoding="utf-8"))["@context"]


def test_ob3_editions_name_the_version_they_replace() -> None:
    """Open Badges 3.0 gives ``related`` to language editions and previous versions: every
    edition of a later version names its previous version's achievement; a first version
    names none."""
    cat = catalogue("sample")
    urls = urls_of(cat)
    cid = "data-analysis-python"
    for version, previous in (("1.0", None), ("1.1", "1.0"), ("1.2", "1.1")):
        main = version_documents(cat, cid, version, urls)["ob3"]
        others = [
            json.loads(data)
            for path, data in edition_files(cat, cid, version, urls).items()
            if path.endswith(".json")
        ]
        for achievement in [main, *others]:
            assert _ob3_errors(achievement) == []
            named = [r for r in achievement.get("related", []) if r["version"] != version]
            expected = (
                [
                    {
                        "id": urls.iri(urls.ob3_edition(cid, previous)),
                        "type": ["Related"],
                        "version": previous,
                    }
                ]
                if previous
                else []
            )
            assert named == expected, (version, named)


def test_a_badge_in_a_language_credcat_has_no_words_in_says_its_english_is_english() -> None:
    """A Czech badge: its title is the credential's Czech title; credcat's kicker
    ("MICRO-CREDENTIAL") and the description around the title are English, and say so
    inside the image's language (WCAG 2.1, 3.1.2); a German badge marks nothing."""
    cat = catalogue("fixture")
    cred = cat.credentials["data-basics"]
    czech = cred.model_copy(update={"title": {**cred.title, "cs": "Základy dat"}})
    ns = "{http://www.w3.org/2000/svg}"
    svg = ElementTree.fromstring(badge_svg(cat, czech, "cs"))
    assert svg.get("lang") == "cs" and svg.findtext(f"{ns}title") == "Základy dat"
    assert svg.find(f"{ns}desc").get("lang") == "en"  # type: ignore[union-attr]
    kicker = next(t for t in svg.iter(f"{ns}text") if t.get("y") == "96")
    assert kicker.text == "MICRO-CREDENTIAL" and kicker.get("lang") == "en"
    german = ElementTree.fromstring(badge_svg(cat, czech, "de"))
    assert [e for e in german.iter() if e.get("lang") and e is not german] == []


# --- the language of a text -----------------------------------------------------------------


def _mixed_catalogue(root: Path) -> Path:
    """English (default), German, Italian (credcat speaks it; the EU's assessment types have
    no Italian labels) and Polish (credcat does not speak it); texts left untranslated:
    outcome 2, the project's title and the exam's description have no English, outcome 1 no
    Polish; what 'advanced' builds on has a title in English and German only."""
    four = {"en": "Advanced databases", "de": "Fortgeschrittene Datenbanken"}
    four |= {"it": "Basi di dati avanzate", "pl": "Zaawansowane bazy danych"}
    summary = {lang: f"{text}." for lang, text in four.items()}
    advanced = credential(
        title=four,
        summary=summary,
        stackability={"builds_on": ["basics"]},
        outcomes=[
            {
                "id": "design",
                "kind": "skill",
                "text": {
                    "en": "Design a normalised schema.",
                    "de": "Ein Schema entwerfen.",
                    "it": "Progettare uno schema.",
                },
            },
            {
                "id": "query",
                "kind": "skill",
                "text": {
                    "de": "SQL-Abfragen schreiben.",
                    "it": "Scrivere query SQL.",
                    "pl": "Pisać zapytania SQL.",
                },
                "esco": ["http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"],
            },
        ],
        assessments=[
            {
                "id": "project",
                "type": "project-work",
                "title": {"de": "Datenbankprojekt", "it": "Progetto", "pl": "Projekt"},
                "proves": ["design", "query"],
                "description": {
                    "en": "A database project.",
                    "de": "Ein Datenbankprojekt.",
                    "it": "Un progetto.",
                    "pl": "Projekt bazy danych.",
                },
            },
            {
                "id": "exam",
                "type": "written-examination",
                "proves": ["query"],
                "description": {
                    "de": "Eine Klausur.",
                    "it": "Un esame scritto.",
                    "pl": "Egzamin pisemny.",
                },
            },
        ],
    )
    basics = credential(title={"en": "Basics", "de": "Grundlagen"})
    settings = {**SETTINGS, "languages": ["en", "de", "it", "pl"]}
    return write_catalogue(
        root, credentials={"basics": basics, "advanced": advanced}, settings=settings
    )


def test_ob3_criteria_say_which_texts_are_not_in_the_editions_language(tmp_path: Path) -> None:
    """Each edition's texts are in its language (``inLanguage``): a text the catalogue has
    not translated is quoted in the language it has, and says so in the edition's words, as
    does a vocabulary label; no alignment describes a skill with such a text. In Polish,
    which credcat does not speak, its own words are English, unmarked (as on the pages)."""
    cat = load_catalogue(_mixed_catalogue(tmp_path / "c"))
    urls = urls_of(cat)
    cred = cat.credentials["advanced"]
    found = {key or "en": ob3_achievement(cat, cred, urls, key) for key in editions(cat, cred)}
    assert set(found) == {"en", "de", "it", "pl"}
    narratives = {lang: a["criteria"]["narrative"] for lang, a in found.items()}
    for lang, achievement in found.items():
        assert achievement["inLanguage"] == lang
        assert _ob3_errors(achievement) == []
    assert narratives["en"].splitlines()[2:4] == [
        "1. Design a normalised schema.",
        "2. SQL-Abfragen schreiben. (in German)",
    ]
    assert "- **Datenbankprojekt** (in German) (project work;" in narratives["en"]
    assert "- **written examination** (written examination;" in narratives["en"]
    assert narratives["en"].endswith("): Eine Klausur. (in German)")
    assert "(auf " not in narratives["de"] and "(in " not in narratives["de"]  # all German
    assert "- **Progetto** (project work (in inglese);" in narratives["it"]
    assert narratives["it"].startswith("Risultati dell'apprendimento:")
    assert narratives["pl"].splitlines()[:4] == [
        "Learning outcomes:",
        "",
        "1. Design a normalised schema. (in English)",
        "2. Pisać zapytania SQL.",
    ]
    assert "- **Projekt** (project work;" in narratives["pl"]
    for lang, achievement in found.items():
        (skill,) = [a for a in achievement["alignment"] if a["targetFramework"] == "ESCO skills"]
        if lang == "en":
            assert "targetDescription" not in skill  # outcome 2 has no English
        else:
            assert skill["targetDescription"] == cred.outcomes[1].text[lang]


def test_elm_sentences_say_which_quoted_texts_are_in_another_language(tmp_path: Path) -> None:
    """A value of an ELM language map is in its language: an outcome an assessment proves
    and the title of a credential it builds on, quoted without a translation into it, say
    which language they are in. In a language credcat's sentences lack, its words are
    English and the texts quoted are in that language (they were the English ones)."""
    cat = load_catalogue(_mixed_catalogue(tmp_path / "c"))
    document = elm_document(cat, cat.credentials["advanced"], urls_of(cat))
    project = next(a for a in document["provenBy"] if a["id"].endswith("#assessment-project"))
    proves = project["description"]
    assert (
        "(1) Design a normalised schema; (2) SQL-Abfragen schreiben (in German)." in (proves["en"])
    )
    assert "(1) Ein Schema entwerfen; (2) SQL-Abfragen schreiben." in proves["de"]
    assert "(1) Progettare uno schema; (2) Scrivere query SQL." in proves["it"]
    # Polish, which credcat's sentences lack: its words in English, the texts in Polish
    assert proves["pl"] == (
        "Projekt bazy danych. Proves these learning outcomes: "
        "(1) Design a normalised schema (in English); (2) Pisać zapytania SQL."
    )
    requirement = document["entryRequirement"]["noteLiteral"]
    assert requirement["de"] == "Empfohlen vor diesem Nachweis: Grundlagen."
    assert requirement["it"] == (
        "Consigliato prima di questa microcredenziale: Basics (in inglese)."
    )


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        ("en", "EQF level 6 · 2.5 ECTS"),
        ("de", "EQR-Niveau 6 · 2,5 ECTS"),
        ("fr", "niveau CEC 6 · 2,5 ECTS"),
        ("it", "livello QEQ 6 · 2,5 ECTS"),
        ("cs", "EQF level 6 · 2,5 ECTS"),  # credcat's words in English, the number in Czech
    ],
)
def test_a_badge_says_its_level_and_credits_in_its_language(lang: str, facts: str) -> None:
    """The line under the title says the EQF level and the credits as the edition's tags do
    (the phrase table's words, the number as the language writes it), inside the shield: a
    longer line in a smaller font, the shield narrowing under a title of four lines."""
    cat = catalogue("fixture")
    cred = cat.credentials["data-basics"]
    workload = cred.workload.model_copy(update={"ects": 2.5})
    ns = "{http://www.w3.org/2000/svg}"
    for title in ("Data", "A title long enough to be wrapped onto all four of its lines"):
        titles = {**cred.title, lang: title}
        changed = cred.model_copy(update={"eqf": 6, "workload": workload, "title": titles})
        svg = ElementTree.fromstring(badge_svg(cat, changed, lang))
        line = next(t for t in svg.iter(f"{ns}text") if t.text and "ECTS" in t.text)
        assert line.text == facts
        assert (line.get("lang") == "en") == (lang == "cs")
        size, y = int(line.get("font-size", "")), float(line.get("y", ""))
        # at most 0.6 em a character (Arial is narrower), 12 from each side of the shield
        assert 12 <= size <= 22 and len(facts) * 0.6 * size <= _shield_width(y) - 24
    assert badge_svg(cat, changed, lang) == badge_svg(cat, changed, lang)  # deterministic
