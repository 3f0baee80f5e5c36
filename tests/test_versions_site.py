"""Every version stays published: version pages and files of archived versions, in a real build.

Releasing a new version must change no machine-readable file of an older version and nothing on
its page but the notice naming the current version; superseded and retired credentials keep all
their versions; every version's files still conform to the official shapes.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml
from mkdocs.exceptions import Abort

from catalogue_factory import SETTINGS, credential, write_catalogue
from credcat.render.data.machine import catalogue_document, version_documents
from credcat.render.site.pages import Pages
from credcat.urls import Urls
from credcat.validate import load_catalogue
from credcat.versions import succession
from jsonld_helpers import (
    DC,
    EDC_SHAPES,
    catalogue,
    dropped_values,
    shapes,
    to_graph,
    urls_of,
    violations,
)
from test_site_build import build_site, make_project
from test_versions import edit, release, run

CID = "advanced-queries"
MACHINE = ("elm.jsonld", "edc-template.json", "ob3-achievement.json")
BANNER = re.compile(r'<p class="credcat-version credcat-version--page".*?</p>', re.S)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


EMPLOYERS_VERSION = re.compile(r'<p class="credcat-employers__version">.*?</p>', re.S)


def _without_banner(page: bytes) -> str:
    """A version's page without what names the current version: the notice at its top and
    the version line of its employers' summary (printed first)."""
    text = page.decode("utf-8")
    assert len(BANNER.findall(text)) == 1
    return EMPLOYERS_VERSION.sub("", BANNER.sub("", text))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The basic site built three times: 1.0 released; then 1.1 released (workload and an
    assessment changed, an outcome added); then the credential retired."""
    tmp = tmp_path_factory.mktemp("versions")
    config = make_project(tmp / "project")
    root = tmp / "project" / "catalogue"
    cred = root / "credentials" / f"{CID}.yaml"
    with cred.open("a", encoding="utf-8") as file:  # a run open for enrolment (today 2026-12-01)
        file.write(
            "offerings:\n- id: 2027-spring\n  start: 2027-03-01\n"
            "  enrolment_url: https://example.org/enrol\n"
            "  price: {amount: 450, currency: EUR}\n"
        )
    code, output = release(root, CID, "2026-01-15")
    assert code == 0, output
    build_site(config, tmp / "one")

    edit(cred, "version: '1.0'", "version: '1.1'")
    edit(cred, "  ects: 4\n  hours: 110", "  ects: 5\n  hours: 135")
    edit(
        cred,
        "  supervision: unsupervised\n  identity_check: false",
        "  supervision: supervised-online\n  identity_check: true",
    )
    edit(
        cred,
        "assessments:\n",
        "- id: tune\n  kind: skill\n  text:\n    en: Tune a slow query with an index.\n"
        "    de: Eine langsame Abfrage mit einem Index beschleunigen.\nassessments:\n",
    )
    edit(cred, "  - build\n  - review\n", "  - build\n  - review\n  - tune\n")
    code, output = release(root, CID, "2026-09-01")
    assert code == 0, output
    # a run announced after the release: runs are no part of a version (no new release)
    edit(
        cred,
        "offerings:\n",
        "offerings:\n- id: 2027-autumn\n  start: 2027-10-04\n"
        "  enrolment_url: https://example.org/enrol-autumn\n",
    )
    build_site(config, tmp / "two")

    edit(cred, "status: active", "status: retired")
    text = cred.read_text("utf-8")
    cred.write_text(text[: text.index("offerings:\n")], "utf-8")  # a retired one offers none
    build_site(config, tmp / "three")
    return {"one": tmp / "one", "two": tmp / "two", "three": tmp / "three"}


def test_releasing_a_version_keeps_the_older_files_and_page(builds: dict[str, Path]) -> None:
    before = builds["one"] / "credentials" / CID / "1.0"
    after = builds["two"] / "credentials" / CID / "1.0"
    old, new = _files(before), _files(after)
    assert set(old) == set(new)
    assert {"elm.jsonld", "edc-template.json", "ob3-achievement.json"} <= set(old)
    for name in MACHINE:
        assert old.get(name) == new.get(name), name  # byte for byte
    # the page: the notice naming the current version changed, and the line of its
    # employers' summary that says so (an employer reading a holder's summary learns that a
    # later version exists, as on the page); its runs went to the current version: listed
    # here as a record, but no enrolment, price or course instance any more (they are
    # offered on 1.1's pages)
    assert old["index.html"] != new["index.html"]
    was, now = old["index.html"].decode(), new["index.html"].decode()
    assert "credcat-enrol" in was and '"hasCourseInstance"' in was
    for offered in ("credcat-enrol", '"hasCourseInstance"', '"offers"', "data-credcat-run"):
        assert offered not in now, offered
    assert 'data-credcat-fact="price"' not in now and 'data-credcat-glance="price"' not in now
    run = now[now.index('id="offering-2027-spring"') :]
    assert "data-credcat-until" not in run[: run.index("</div>\n")]  # nothing to open or close
    assert "These runs were announced when this version was released." in now
    assert '<h2 id="offerings">Runs announced with this version</h2>' in now
    current_page = (after.parent / "1.1" / "index.html").read_text("utf-8")
    assert "credcat-enrol" in current_page and '"hasCourseInstance"' in current_page
    assert '<h2 id="offerings">Upcoming offerings</h2>' in current_page
    # everything else the version promised reads as before
    for section in ("outcomes", "assessment", "key-facts"):
        start = f'<section id="{section}"'
        if start in was:
            part = was[was.index(start) : was.index("</section>", was.index(start))]
            assert part in now, section
    summary = (after / "summary" / "index.html").read_text("utf-8")
    line = _text(EMPLOYERS_VERSION.findall(summary)[0])
    assert "Version 1.0" in line and "An earlier version: the current version is 1.1" in line
    before_line = (before / "summary" / "index.html").read_text("utf-8")
    assert "An earlier version" not in _text(EMPLOYERS_VERSION.findall(before_line)[0])
    current = (after.parent / "1.1" / "summary" / "index.html").read_text("utf-8")
    assert "An earlier version" not in _text(EMPLOYERS_VERSION.findall(current)[0])
    banner = _text(BANNER.findall(new["index.html"].decode("utf-8"))[0])
    assert "an earlier version, released 15 January 2026" in banner
    assert "The current version is 1.1" in banner
    assert "data-credcat-current-link>See the current version" in new["index.html"].decode()
    href = re.findall(r'href="([^"]+)" data-credcat-current-link', new["index.html"].decode())
    assert len(href) == 1
    assert (after / href[0]).resolve() == (after.parent / "1.1").resolve()
    assert (builds["two"] / "credentials" / CID / "1.1" / "index.html").is_file()


def test_the_new_version_says_what_changed(builds: dict[str, Path]) -> None:
    page = (builds["two"] / "credentials" / CID / "1.1" / "index.html").read_text("utf-8")
    start = page.index('id="what-changed"')
    section = page[start : page.index("</section>", start)]
    said = _text(section)
    assert "What changed from version 1.0" in said
    assert "Outcome added: Tune a slow query with an index." in said
    assert "Workload 4 → 5 ECTS" in said
    assert "is now supervised online with an identity check" in said
    assert page.index('id="what-changed"') < page.index('id="key-facts"')  # near the top
    first = (builds["two"] / "credentials" / CID / "1.0" / "index.html").read_text("utf-8")
    assert 'id="what-changed"' not in first
    elm = json.loads((builds["two"] / "credentials" / CID / "1.1" / "elm.jsonld").read_text())
    assert elm["dc:replaces"] == {"id": elm["id"].replace("/1.1/", "/1.0/")}
    fingerprints = [i["notation"] for i in elm["identifier"] if i["id"].endswith("#fingerprint")]
    assert len(fingerprints) == 1
    assert f'data-credcat-fingerprint="{fingerprints[0]}"' in page


def test_what_changed_marks_a_text_not_yet_translated_as_the_page_marks_it(
    tmp_path: Path,
) -> None:
    """An outcome added in English only, on the German page of the new version: "what
    changed" names it in a span that says it is English and stands in for a missing
    translation (``data-credcat-fallback``), the same marks as the outcome in the page's list
    of outcomes; on the English page it is the page's own text, and unmarked."""
    settings = {**SETTINGS, "languages": ["en"], "partial_languages": ["de"]}
    config = make_project(
        tmp_path / "project", write_catalogue(tmp_path / "src", settings=settings)
    )
    root = config.parent / "catalogue"
    code, output = release(root, "databases", "2026-01-15")
    assert code == 0, output
    first = credential()
    added = {"id": "tune", "kind": "skill", "text": {"en": "Tune a slow query with an index."}}
    project = {**first["assessments"][0], "proves": ["design", "query", "tune"]}
    newer = credential(version="1.1", outcomes=[*first["outcomes"], added], assessments=[project])
    write_catalogue(root, credentials={"databases": newer}, settings=settings)
    code, output = release(root, "databases", "2026-09-01")
    assert code == 0, output
    site = tmp_path / "site"
    build_site(config, site)

    def changed(page: str) -> str:
        start = page.index('id="what-changed"')
        return page[start : page.index("</section>", start)]

    german = (site / "de" / "credentials" / "databases" / "1.1" / "index.html").read_text("utf-8")
    marks = ' lang="en" data-credcat-fallback="en"'
    assert f"<span{marks}>Tune a slow query with an index.</span>" in changed(german)
    listed = re.findall(r'<span class="credcat-outcome__text"([^>]*)>Tune a slow', german)
    assert listed == [marks]
    english = (site / "credentials" / "databases" / "1.1" / "index.html").read_text("utf-8")
    assert "Tune a slow query with an index." in _text(changed(english))
    assert " lang=" not in changed(english) and "data-credcat-fallback" not in changed(english)


def test_the_main_page_lists_every_version_with_its_date(builds: dict[str, Path]) -> None:
    page = (builds["two"] / "credentials" / CID / "index.html").read_text("utf-8")
    rows = re.findall(r'data-credcat-version-row="([^"]+)"', page)
    assert rows == ["1.1", "1.0"]  # newest first
    table = _text(page[page.index('id="versions"') :])
    assert "1.1 (current) 1 September 2026 sha256:" in table
    assert "1.0 15 January 2026 sha256:" in table
    # the version list is the unversioned record's: never on a version's own page
    for version in ("1.0", "1.1"):
        own = (builds["two"] / "credentials" / CID / version / "index.html").read_text("utf-8")
        assert "data-credcat-version-row" not in own


def test_a_retired_credential_keeps_every_version(builds: dict[str, Path]) -> None:
    for version in ("1.0", "1.1"):
        two = _files(builds["two"] / "credentials" / CID / version)
        three = _files(builds["three"] / "credentials" / CID / version)
        assert set(two) == set(three)
        for name in MACHINE:
            assert two.get(name) == three.get(name), (version, name)
        page = three["index.html"].decode("utf-8")
        assert 'data-credcat-banner="retired"' in page
    graph = json.loads((builds["three"] / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    node = next(n for n in graph if f"/{CID}/" in n["id"])
    assert node["status"] == "retired"
    assert [v["id"].rsplit("/", 3)[-2] for v in node["dc:hasVersion"]] == ["1.0", "1.1"]


def test_a_harvest_of_every_file_gives_each_specification_one_status(
    builds: dict[str, Path],
) -> None:
    """A harvester merges every JSON-LD file of the site into one graph: the retired
    credential's record says ``retired`` and each version's file what it was released with
    (``active``), on IRIs of their own, so no specification carries two statuses."""
    site = builds["three"]
    merged = rdflib.Graph()
    for path in [site / "catalogue.jsonld", *sorted(site.glob(f"credentials/{CID}/*/elm.jsonld"))]:
        merged += to_graph(json.loads(path.read_text("utf-8")))
    status = rdflib.URIRef("http://data.europa.eu/snb/model/elm/status")
    said: dict[str, set[str]] = {}
    for subject, value in merged.subject_objects(status):
        said.setdefault(str(subject), set()).add(str(value))
    assert all(len(values) == 1 for values in said.values()), said
    base = load_catalogue(site.parent / "project" / "catalogue").settings.base_uri
    record = f"{base}credentials/{CID}/#spec"
    assert said[record] == {"retired"}
    assert said[f"{base}credentials/{CID}/1.1/#spec"] == {"active"}
    # catalogue.jsonld alone: the record is the credential's one node with a status, and
    # carries the content (a harvester reading the one file gets both together)
    alone = to_graph(json.loads((site / "catalogue.jsonld").read_text("utf-8")))
    assert [str(s) for s in alone.subjects(status, None) if f"/{CID}/" in str(s)] == [record]
    outcomes = rdflib.URIRef("http://data.europa.eu/snb/model/elm/learningOutcome")
    assert list(alone.objects(rdflib.URIRef(record), outcomes))
    versions = {str(v) for v in merged.objects(rdflib.URIRef(record), DC.hasVersion)}
    assert versions == {f"{base}credentials/{CID}/{v}/#spec" for v in ("1.0", "1.1")}


def test_the_offerings_are_the_credentials_not_a_versions(builds: dict[str, Path]) -> None:
    """``opportunities.jsonld`` is live, beside the credential's page: it leads each run to
    the current version, lists a run announced after the release (no new release needed),
    and is gone once the credential is retired; no version's folder holds one, so a run is
    advertised once, and a harvester reads one address whatever version is current."""
    base = load_catalogue(builds["one"].parent / "project" / "catalogue").settings.base_uri
    page = f"{base}credentials/{CID}/"

    def runs(build: str) -> dict[str, str]:
        path = builds[build] / "credentials" / CID / "opportunities.jsonld"
        graph = json.loads(path.read_text("utf-8"))["@graph"]
        return {
            node["id"]: node["learningAchievementSpecification"]
            for node in graph
            if node["type"] == "LearningOpportunity"
        }

    assert runs("one") == {f"{page}#offering-2027-spring": f"{page}1.0/#spec"}
    assert runs("two") == {
        f"{page}#offering-2027-spring": f"{page}1.1/#spec",
        f"{page}#offering-2027-autumn": f"{page}1.1/#spec",
    }
    assert not (builds["three"] / "credentials" / CID / "opportunities.jsonld").exists()
    # a run announced after the release has no modification date credcat knows: none, not
    # the version's publication (before the run existed, which an incremental harvest skips)
    graph = json.loads((builds["two"] / "credentials" / CID / "opportunities.jsonld").read_text())
    dated = {n["id"]: n.get("dateModified") for n in graph["@graph"] if "temporal" in n}
    assert dated[f"{page}#offering-2027-autumn"] is None
    assert dated[f"{page}#offering-2027-spring"] is not None
    for build in builds.values():
        assert not list(build.glob("credentials/*/*/opportunities.jsonld"))
    # the pages that offer the runs say so, and show the run announced after the release
    for path in (f"credentials/{CID}/index.html", f"credentials/{CID}/1.1/index.html"):
        html = (builds["two"] / path).read_text("utf-8")
        assert 'id="offering-2027-autumn"' in html, path
        assert "https://example.org/enrol-autumn" in html, path
        head = html[: html.index("</head>")]
        assert re.search(r'<link rel="alternate describedby" [^>]*opportunities\.jsonld', head)
        linked = re.findall(r'href="([^"]*opportunities\.jsonld)"', html)
        assert linked and {(builds["two"] / path).parent.joinpath(h).resolve() for h in linked} == {
            (builds["two"] / "credentials" / CID / "opportunities.jsonld").resolve()
        }, path
    # an earlier version's page lists its runs as released, and links no offerings
    earlier = (builds["two"] / "credentials" / CID / "1.0" / "index.html").read_text("utf-8")
    assert "opportunities.jsonld" not in earlier
    assert 'id="offering-2027-autumn"' not in earlier


# --- the credentials a version replaces --------------------------------------------------------


def _generate(root: Path, out: Path) -> Path:
    code, output = run("generate", str(root), "--out", str(out))
    assert code == 0, output
    return out


def _version_files(out: Path, cid: str, version: str) -> dict[str, bytes]:
    """A version's machine files (its achievement in every edition, the ELM and EDC files,
    the badges): every file of its folder but its pages."""
    folder = out / "credentials" / cid / version
    files = {n: b for n, b in _files(folder).items() if not n.endswith(".html")}
    assert "ob3-achievement.json" in files and "ob3-achievement.de.json" in files
    return files


def _related(out: Path, cid: str, version: str) -> list[str]:
    """What a version's main achievement names as ``related``: ``<id>/<version>/<file>``."""
    folder = out / "credentials" / cid / version
    achievement = json.loads((folder / "ob3-achievement.json").read_text("utf-8"))
    return [r["id"].split("/credentials/", 1)[1] for r in achievement.get("related", [])]


def test_a_version_names_the_credentials_it_replaces_as_released(tmp_path: Path) -> None:
    """OB3 ``related`` names the credentials a version replaces (their ``superseded_by``
    names it) as its release recorded them, and never a successor: releasing the successor
    again, or marking another credential superseded by it later, changes no released file of
    either side (an issued badge points at them). Only a version not released yet names what
    says it is replaced by it now."""
    root = write_catalogue(
        tmp_path / "catalogue",
        credentials={
            cid: credential(
                title={"en": f"{cid.title()} databases", "de": f"{cid} Datenbanken"},
                status="active",
            )
            for cid in ("old", "new", "other")
        },
    )
    superseded = "status: superseded\nsuperseded_by: new\n"
    # 'old' is released while offered, then superseded by 'new'; 'other' stays active
    assert release(root, "old", "2026-01-10")[0] == 0
    edit(root / "credentials" / "old.yaml", "status: active\n", superseded)
    assert release(root, "other", "2026-01-10")[0] == 0
    code, output = release(root, "new", "2026-02-01")
    assert code == 0 and "note:" not in output, output
    one = _generate(root, tmp_path / "one")
    assert _related(one, "new", "1.0") == [
        "new/1.0/ob3-achievement.de.json",
        "old/1.0/ob3-achievement.json",
    ]
    assert _related(one, "old", "1.0") == ["old/1.0/ob3-achievement.de.json"]  # no successor

    new = root / "credentials" / "new.yaml"
    edit(new, "version: '1.0'", "version: '1.1'")
    assert release(root, "new", "2026-03-01")[0] == 0
    two = _generate(root, tmp_path / "two")
    for cid, version in (("old", "1.0"), ("new", "1.0"), ("other", "1.0")):
        assert _version_files(two, cid, version) == _version_files(one, cid, version), cid
    assert _related(two, "new", "1.1") == [
        "new/1.1/ob3-achievement.de.json",
        "old/1.0/ob3-achievement.json",
        "new/1.0/ob3-achievement.json",  # the version it replaces
    ]

    edit(root / "credentials" / "other.yaml", "status: active\n", superseded)
    three = _generate(root, tmp_path / "three")
    for cid, version in (("old", "1.0"), ("new", "1.0"), ("new", "1.1"), ("other", "1.0")):
        assert _version_files(three, cid, version) == _version_files(two, cid, version), cid

    edit(new, "version: '1.1'", "version: '1.2'")  # not released: it names what says so now
    four = _generate(root, tmp_path / "four")
    assert _related(four, "new", "1.2") == [
        "new/1.2/ob3-achievement.de.json",
        "old/1.0/ob3-achievement.json",
        "other/1.0/ob3-achievement.json",
        "new/1.1/ob3-achievement.json",
    ]
    for cid, version in (("old", "1.0"), ("new", "1.0"), ("new", "1.1"), ("other", "1.0")):
        assert _version_files(four, cid, version) == _version_files(two, cid, version), cid
    # its release records them, and its files name them for good
    assert release(root, "new", "2026-04-01")[0] == 0
    header = yaml.safe_load((root / "versions" / "new" / "1.2.yaml").read_text("utf-8"))
    assert header["release"]["supersedes"] == {"old": "1.0", "other": "1.0"}
    assert _version_files(_generate(root, tmp_path / "five"), "new", "1.2") == (
        _version_files(four, "new", "1.2")
    )


# --- archived versions conform to the official shapes ----------------------------------------

SAMPLE_VERSIONS = [
    (cid, info.version)
    for cid in ("data-analysis-python", "digital-inclusion-coaching")
    for info in succession(catalogue("sample"), cid).versions
]


@pytest.mark.parametrize(("cid", "version"), SAMPLE_VERSIONS)
def test_every_version_conforms(cid: str, version: str) -> None:
    cat = catalogue("sample")
    urls = urls_of(cat)
    documents = version_documents(cat, cid, version, urls)
    elm = documents["elm"]
    assert not dropped_values(elm)
    graph = to_graph(elm)
    found = violations(graph, shapes(*EDC_SHAPES))
    assert found == [], "\n".join(v.short() for v in found)
    spec = rdflib.URIRef(urls.spec_iri(cid, version))
    replaces = list(graph.objects(spec, DC.replaces))
    release_ = cat.archive.get(cid, version)
    assert release_ is not None
    expected = [rdflib.URIRef(urls.spec_iri(cid, release_.replaces))] if release_.replaces else []
    assert replaces == expected
    assert list(graph.objects(spec, DC.isReplacedBy)) == []  # never the version after it
    assert release_.fingerprint in json.dumps(documents["ob3"])
    claim: Any = documents["edc"]["credential"]["credentialSubject"]["hasClaim"]
    assert claim["specifiedBy"].get("dc:replaces") == elm.get("dc:replaces")
    assert claim["specifiedBy"]["identifier"] == elm["identifier"]
    assert "loq" not in documents  # the offerings are the credential's (opportunities_file)


def test_the_catalogue_graph_states_versions_and_successors() -> None:
    cat = catalogue("sample")
    urls = urls_of(cat)
    document = catalogue_document(cat, urls)
    graph = to_graph(document)
    assert violations(graph, shapes(*EDC_SHAPES)) == []
    record = rdflib.URIRef(urls.record_iri("data-analysis-python"))
    assert sorted(graph.objects(record, DC.hasVersion)) == sorted(
        rdflib.URIRef(urls.spec_iri("data-analysis-python", v)) for v in ("1.0", "1.1", "1.2")
    )
    assert list(graph.objects(record, DC.replaces)) == []  # a version replaces, not the record
    old = rdflib.URIRef(urls.record_iri("research-data-management"))
    assert list(graph.objects(old, DC.isReplacedBy)) == [
        rdflib.URIRef(urls.record_iri("fair-research-data"))
    ]


# --- page contexts ---------------------------------------------------------------------------


def _contexts(root: Path) -> dict[str, Any]:
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    return {spec.path: pages.context(spec) for spec in pages.pages() if spec.kind == "credential"}


def test_errata_and_unreleased_fingerprints_on_the_pages(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue")
    cred = root / "credentials" / "databases.yaml"
    code, output = release(root, "databases", "2026-01-15")
    assert code == 0, output
    with cred.open("a", encoding="utf-8") as stream:
        stream.write(
            "errata:\n- version: '1.0'\n  date: 2026-02-01\n  text:\n"
            "    en: \"Outcome 1: 'schmea' should read 'schema'.\"\n"
        )
    contexts = _contexts(root)
    page = contexts["credentials/databases/1.0/"]
    assert page["record"]["errata"] == [
        {"date": "1 February 2026", "text": "Outcome 1: 'schmea' should read 'schema'."}
    ]
    assert page["record"]["unreleased"] is False
    assert page["record"]["history"] == []
    assert [e["version"] for e in contexts["credentials/databases/"]["record"]["history"]] == [
        "1.0"
    ]
    # raised but not released: its page exists, its fingerprint is marked as provisional
    text = cred.read_text("utf-8")
    cred.write_text(text.replace("version: '1.0'", "version: '1.1'", 1), "utf-8")
    contexts = _contexts(root)
    assert set(contexts) == {
        "credentials/databases/",
        "credentials/databases/1.0/",
        "credentials/databases/1.1/",
    }
    new = contexts["credentials/databases/1.1/"]
    assert new["record"]["unreleased"] is True
    assert new["record"]["previous"]["version"] == "1.0"
    assert new["record"]["changes"]  # worded, or the catch-all sentence
    old = contexts["credentials/databases/1.0/"]
    assert "The current version is 1.1" in old["version"]["text"]
    assert old["record"]["errata"]  # the erratum stays with its version
    assert new["record"]["errata"] == []


def test_a_version_page_shows_a_text_as_written_like_the_current_page(tmp_path: Path) -> None:
    """Material's search plugin strips what looks like its own ``data-search-…`` attributes
    from every page body it is handed; a version page (left out of the index) is not handed
    its body, so a text that reads like one shows on it as on the current page."""
    config = make_project(tmp_path / "project")
    source = tmp_path / "project" / "catalogue" / "credentials" / "intro-databases.yaml"
    text = source.read_text("utf-8")
    written = 'Write data-search-exclude="yes" where a page must stay out of a site search.'
    source.write_text(
        text.replace("  en: Basic computer skills.", f"  en: '{written}'", 1), encoding="utf-8"
    )
    site = tmp_path / "site"
    build_site(config, site)
    pages = {
        name: (site / "credentials" / "intro-databases" / name / "index.html").read_text("utf-8")
        for name in ("", "1.0")
    }
    for name, page in pages.items():
        assert written in page, name


def test_the_contents_list_the_sections_in_the_order_of_the_page(builds: dict[str, Path]) -> None:
    """The sidebar's contents follow the page (a version page listed "what changed" before
    "at a glance", which comes first on the page)."""
    for page in ("1.1/index.html", "1.0/index.html", "index.html"):
        html = (builds["two"] / "credentials" / CID / page).read_text("utf-8")
        toc = html[html.index('data-md-component="toc"') :]
        toc = toc[: toc.index("</nav>")]
        listed = re.findall(r'href="#([^"]+)"', toc)
        body = html[html.index("<article") :]
        headings = [h for h in re.findall(r'<h[23] id="([^"]+)"', body) if h in listed]
        assert listed and listed == headings, page


def test_a_moved_base_uri_fails_the_build_and_leaves_the_released_files_as_they_were(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A released version's files are built with the base_uri it was released under: moving
    base_uri (and site_url with it, as a move would) stops the build at catalogue.yaml
    instead of rewriting every permanent identifier of the released version."""
    config = make_project(tmp_path / "project")
    root = tmp_path / "project" / "catalogue"
    assert release(root, CID, "2026-01-15")[0] == 0
    build_site(config, tmp_path / "one")
    folder = Path("credentials") / CID / "1.0"
    before = _files(tmp_path / "one" / folder)
    old = str(yaml.safe_load((root / "catalogue.yaml").read_text("utf-8"))["base_uri"])
    assert json.loads(before["elm.jsonld"])["id"].startswith(old)
    new = "https://moved.example.org/"
    edit(root / "catalogue.yaml", old, new)
    config.write_text(config.read_text("utf-8").replace(old, new), "utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(config, tmp_path / "two")
    assert re.search(
        r"catalogue/catalogue\.yaml:\d+:\d+: base_uri: 1 released version", caplog.text
    )
    assert f"set base_uri back to {old}" in caplog.text
    assert not (tmp_path / "two" / folder).exists()
    edit(root / "catalogue.yaml", new, old)  # set back: the same files as before
    config.write_text(config.read_text("utf-8").replace(new, old), "utf-8")
    build_site(config, tmp_path / "three")
    assert _files(tmp_path / "three" / folder) == before
