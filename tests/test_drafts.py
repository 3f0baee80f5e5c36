"""A draft's version that is not released has nothing at a permanent address.

A permanent address (``credentials/<id>/<version>/``) promises content that never changes, and
``credcat release`` refuses a draft: so a credential whose status is ``draft`` gets no page,
no employers' summary and no machine-readable file at the address of a version it has not
released, in any language, and nothing the site publishes names that address. Its main page
stays (marked Draft), and ``catalogue.jsonld`` describes it at that page. The released
versions of a credential that went back to draft keep theirs; once a draft is active, its
version is published at its address as any other.

Checked on real builds (MkDocs, strict) in ``tmp_path``, on what a reader and a machine get:
the site's folders, every link and address in its pages and files, the sitemap, the catalogue
files, and ``credcat generate`` and ``credcat verify-site`` on the same catalogue.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from catalogue_factory import SETTINGS, credential, write_catalogue
from credcat.cli import main
from credcat.render.data.machine import machine_files, machine_links
from credcat.render.site.pages import Pages
from credcat.urls import Urls
from credcat.validate import load_catalogue
from test_site_build import build_site, make_project
from test_versions import edit, release

BASE = str(SETTINGS["base_uri"])
LANGUAGES = tuple(SETTINGS["languages"])
PREFIXES = {lang: "" if lang == SETTINGS["default_language"] else f"{lang}/" for lang in LANGUAGES}

PROGRAMME = "programme"
"""A draft never released, which another credential counts towards and a superseded one names
as its successor."""
REWORK = "rework"
"""Version 1.0 released, then back to draft for a version 2.0, not released."""
PAUSED = "paused"
"""Version 1.0 released, then back to draft without a new version: 1.0 is released."""
MODULE = "module"
"""Counts towards ``programme`` and ``rework``, and is released while both are drafts whose
versions have no permanent address: its released files name their records."""

RUNS = {
    PROGRAMME: {"id": "spring", "start": "2027-03-01", "price": {"amount": 900, "currency": "EUR"}},
    REWORK: {"id": "winter", "start": "2027-01-11", "application_deadline": "2026-12-15"},
    PAUSED: {"id": "summer", "start": "2027-06-07"},
}
"""A run of each draft, announced before its release (``rework``'s and ``paused``'s are in
their released 1.0), each with an enrolment address of its own (:func:`enrolment`)."""
ADDED_RUN = {"id": "autumn", "start": "2027-09-06", "price": {"amount": 1200, "currency": "EUR"}}
"""A run ``rework``'s file announces after the release of 1.0, with the draft's 2.0."""

UNPUBLISHED = {PROGRAMME: "1.0", REWORK: "2.0"}
"""The drafts' versions that are not released: no permanent address."""
PUBLISHED = {REWORK: "1.0", PAUSED: "1.0", MODULE: "1.0", "databases": "1.0", "legacy": "1.0"}
"""The versions at their permanent address."""


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def enrolment(cid: str, run_id: str) -> str:
    return f"https://alpha.example/enrol/{cid}/{run_id}"


def _run(cid: str, run: dict[str, Any]) -> dict[str, Any]:
    return {**run, "enrolment_url": enrolment(cid, run["id"])}


def _titled(title: str, **changes: Any) -> dict[str, Any]:
    summary = f"All about {title.lower()}."
    return credential(
        title={"en": title, "de": title}, summary={"en": summary, "de": summary}, **changes
    )


def write_drafts(root: Path) -> Path:
    """The catalogue of this module, with its releases (``rework`` and ``paused`` 1.0, then
    ``module`` 1.0 while the others are drafts)."""
    write_catalogue(
        root,
        {
            "databases": credential(stackability={"part_of": [PROGRAMME]}),
            PROGRAMME: _titled(
                "Data programme", status="draft", offerings=[_run(PROGRAMME, RUNS[PROGRAMME])]
            ),
            REWORK: _titled("Reworked course", offerings=[_run(REWORK, RUNS[REWORK])]),
            PAUSED: _titled("Paused course", offerings=[_run(PAUSED, RUNS[PAUSED])]),
            MODULE: _titled("Module course", stackability={"part_of": [PROGRAMME, REWORK]}),
            "legacy": _titled("Legacy course", status="superseded", superseded_by=PROGRAMME),
        },
    )
    for cid in (REWORK, PAUSED):
        code, output = release(root, cid, "2026-09-01")
        assert code == 0, output
    rework = root / "credentials" / f"{REWORK}.yaml"
    data = yaml.safe_load(rework.read_text("utf-8"))
    data["offerings"].append(_run(REWORK, ADDED_RUN))
    rework.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    edit(rework, "version: '1.0'", "version: '2.0'")
    for cid in (REWORK, PAUSED):
        edit(root / "credentials" / f"{cid}.yaml", "title:", "status: draft\ntitle:")
    code, output = release(root, MODULE, "2026-10-01")
    assert code == 0, output
    return root


def activate(root: Path) -> None:
    """Every draft of :func:`write_drafts` made active; the reworked version then released
    (an active credential's new version is released before it is built strictly)."""
    for cid in (PROGRAMME, REWORK, PAUSED):
        edit(root / "credentials" / f"{cid}.yaml", "status: draft", "status: active")
    code, output = release(root, REWORK, "2026-11-01")
    assert code == 0, output


SUCCESSOR_WARNING = (
    f"superseded_by: the successor '{PROGRAMME}' is a draft that was never released: it is not "
    "offered yet"
)
"""The one warning of :func:`write_drafts`'s catalogue: ``legacy`` names the draft as its
successor (:func:`test_a_successor_never_released_is_a_warning`)."""


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.said.append(record.getMessage())


def build(root: Path, site: Path, *, warned: tuple[str, ...] = ()) -> Path:
    """A build of a project around the catalogue at ``root/catalogue``: strict, but for the
    warnings ``warned`` names (each of which the build must give)."""
    if not warned:
        build_site(make_project(root, None), site)
        return site
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build_site(make_project(root, None), site, strict=False)
    finally:
        logger.removeHandler(handler)
    assert [w for w in handler.said if not any(e in w for e in warned)] == []
    assert [e for e in warned if not any(e in w for w in handler.said)] == []
    return site


# --- what names what ---------------------------------------------------------------------------

ABSOLUTE = re.compile(re.escape(BASE) + r"""([^"'\s<>)\\]*)""")
LINK = re.compile(r"""\s(?:href|src)=["']([^"']*)["']""")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
TEXT_FILES = (".html", ".json", ".jsonld", ".xml", ".svg")


def _exists(site: Path, path: str) -> bool:
    """Whether a site path (``credentials/x/``, ``a/b.json``, ``""``) is something the site
    serves: a file, or a folder with its page."""
    target = site / unquote(path)
    return target.is_file() or (target / "index.html").is_file()


def missing_targets(site: Path) -> list[str]:
    """Every address that the pages and files of a built site name and that is not in it:
    each page's relative links and sources, and the site's own absolute addresses anywhere
    (links, schema.org, JSON-LD identifiers, download and badge addresses, QR labels, the
    sitemap and its ``hreflang`` alternates), fragments and queries aside."""
    missing: list[str] = []
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.suffix not in TEXT_FILES:
            continue
        rel = file.relative_to(site).as_posix()
        text = file.read_text("utf-8")
        for found in ABSOLUTE.findall(text):
            if not _exists(site, re.split(r"[#?]", found)[0]):
                missing.append(f"{rel}: {BASE}{found}")
        if file.suffix != ".html":
            continue
        for href in LINK.findall(text):
            if not href or href.startswith(("#", "//")) or SCHEME.match(href):
                continue
            path = urlsplit(urljoin("http://site.invalid/" + rel, href)).path.lstrip("/")
            if not _exists(site, path):
                missing.append(f"{rel}: {href}")
    return missing


def sitemap(site: Path) -> str:
    text = (site / "sitemap.xml").read_text("utf-8")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text
    return text


def catalogue_entries(site: Path, lang: str) -> dict[str, dict[str, Any]]:
    data = json.loads((site / PREFIXES[lang] / "catalogue.json").read_text("utf-8"))
    return {entry["i"]: entry for entry in data["credentials"]}


def graph_nodes(site: Path) -> dict[str, dict[str, Any]]:
    """Each credential's record in ``catalogue.jsonld`` (its one node), by credential id; the
    catalogue's own node comes first."""
    catalogue, *graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    assert catalogue["id"] == f"{BASE}#catalogue"
    records = {node["id"].removeprefix(f"{BASE}credentials/").split("/")[0]: node for node in graph}
    assert [node["id"] for node in records.values()] == [
        f"{BASE}credentials/{cid}/#spec" for cid in records
    ]
    return records


CURRENT = "http://www.w3.org/ns/dcat#hasCurrentVersion"


def released_fingerprint(site: Path, cid: str, version: str) -> str:
    """The fingerprint a version's own ``elm.jsonld`` states."""
    elm = json.loads((site / "credentials" / cid / version / "elm.jsonld").read_text("utf-8"))
    return next(i["notation"] for i in elm["identifier"] if i["id"].endswith("#fingerprint"))


def data_files(folder: Path) -> dict[str, bytes]:
    """The machine-readable files of a site or of ``credcat generate``'s folder."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.suffix in (".json", ".jsonld", ".svg")
        and p.name != ".credcat-output.json"  # credcat generate's marker
        and not p.relative_to(folder).as_posix().startswith(("search/", "assets/"))
        and "/search/" not in p.relative_to(folder).as_posix()
    }


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project (its catalogue at ``catalogue/``) and its site, built with the drafts."""
    work = tmp_path_factory.mktemp("drafts")
    write_drafts(work / "project" / "catalogue")
    return work / "project", build(work / "project", work / "site", warned=(SUCCESSOR_WARNING,))


@pytest.fixture(scope="module")
def activated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same catalogue once every draft is active, and its site."""
    work = tmp_path_factory.mktemp("activated")
    write_drafts(work / "project" / "catalogue")
    activate(work / "project" / "catalogue")
    return work / "project", build(work / "project", work / "site")


# --- a draft's version not released -----------------------------------------------------------


def test_a_draft_version_has_no_folder_in_any_language(drafts: tuple[Path, Path]) -> None:
    _project, site = drafts
    for lang, prefix in PREFIXES.items():
        for cid, version in UNPUBLISHED.items():
            folder = site / prefix / "credentials" / cid
            assert (folder / "index.html").is_file(), (lang, cid)  # the main page stays
            assert not (folder / version).exists(), (lang, cid)  # page, summary, files
            released = [] if cid == PROGRAMME else ["1.0"]
            assert sorted(p.name for p in folder.iterdir()) == [*released, "index.html"]
        # the released versions keep their pages and summaries, and their files
        for cid, version in PUBLISHED.items():
            page = site / prefix / "credentials" / cid / version
            assert (page / "index.html").is_file(), (lang, cid)
            assert (page / "summary" / "index.html").is_file(), (lang, cid)
    for cid, version in PUBLISHED.items():
        files = site / "credentials" / cid / version
        for name in ("elm.jsonld", "edc-template.json", "ob3-achievement.json", "badge.svg"):
            assert (files / name).is_file(), (cid, name)


def test_nothing_names_an_address_the_site_does_not_have(drafts: tuple[Path, Path]) -> None:
    _project, site = drafts
    assert missing_targets(site) == []
    for cid, version in UNPUBLISHED.items():
        address = f"credentials/{cid}/{version}/"
        for file in sorted(site.rglob("*")):
            if file.is_file() and file.suffix in TEXT_FILES:
                assert address not in file.read_text("utf-8"), (file, address)


def test_the_link_check_finds_what_is_missing(tmp_path: Path) -> None:
    """The check above is not blind: a link to a version page that is not there, and its
    address in a data file or the sitemap, are reported; what is there is not."""
    page = tmp_path / "credentials" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<a href="1.0/">v</a> <a href="./">here</a> <link href="../../c.json">'
        f' <a href="https://example.org/1.0/">elsewhere</a> <a href="{BASE}credentials/x/">x</a>',
        "utf-8",
    )
    (tmp_path / "c.json").write_text(
        json.dumps({"id": f"{BASE}credentials/x/1.0/#spec", "page": f"{BASE}credentials/x/#o"}),
        "utf-8",
    )
    (tmp_path / "sitemap.xml").write_text(f"<loc>{BASE}credentials/x/1.0/summary/</loc>", "utf-8")
    assert missing_targets(tmp_path) == [
        f"c.json: {BASE}credentials/x/1.0/#spec",
        "credentials/x/index.html: 1.0/",
        f"sitemap.xml: {BASE}credentials/x/1.0/summary/",
    ]


def test_the_main_page_of_a_draft_links_to_no_version_page(drafts: tuple[Path, Path]) -> None:
    _project, site = drafts
    for prefix in PREFIXES.values():
        html = (site / prefix / "credentials" / PROGRAMME / "index.html").read_text("utf-8")
        assert 'data-credcat-status="draft"' in html
        assert 'data-credcat-banner="draft"' in html  # marked Draft
        # no permanent page, summary, print page, downloads, QR code or version list
        assert 'data-credcat-version-page="false"' in html
        version = re.search(
            r'<p class="credcat-version" data-credcat-version-page.*?</p>', html, re.S
        )
        assert version is not None and "<a " not in version.group(0)
        for absent in (
            "data-credcat-summary-link",
            'class="credcat-qr"',
            'id="downloads"',
            'id="versions"',
            'rel="alternate describedby"',
            '"isBasedOn"',
            "credcat-url",
        ):
            assert absent not in html, absent
        assert "data-credcat-no-reference" in html
        # its schema.org description is the main page's own
        script = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        described = json.loads(script[0])["@graph"][0]
        assert described["sameAs"] == f"{BASE}credentials/{PROGRAMME}/#spec"
    english = (site / "credentials" / PROGRAMME / "index.html").read_text("utf-8")
    assert "This description is a draft: it has no permanent address yet" in english
    german = (site / "de" / "credentials" / PROGRAMME / "index.html").read_text("utf-8")
    assert "Diese Beschreibung ist ein Entwurf" in german


def test_a_draft_in_rework_lists_and_links_its_released_version(drafts: tuple[Path, Path]) -> None:
    _project, site = drafts
    html = (site / "credentials" / REWORK / "index.html").read_text("utf-8")
    rows = re.findall(r'data-credcat-version-row="([^"]+)"', html)
    assert rows == ["1.0"]  # 2.0, the draft's, has no page to list
    assert 'href="../../credentials/rework/1.0/" rel="predecessor-version"' in html
    # the released version's page leads to the main page, where the draft's version is shown
    earlier = (site / "credentials" / REWORK / "1.0" / "index.html").read_text("utf-8")
    links = re.findall(r'href="([^"]+)" data-credcat-current-link', earlier)
    page = f"http://site.invalid/credentials/{REWORK}/1.0/"
    assert [urlsplit(urljoin(page, link)).path for link in links] == [f"/credentials/{REWORK}/"]
    assert "The current version is 2.0" in earlier
    # a credential back to draft at its released version keeps its permanent page, linked
    paused = (site / "credentials" / PAUSED / "index.html").read_text("utf-8")
    assert "Permanent page of this version" in paused and "data-credcat-summary-link" in paused


def test_a_released_version_of_a_draft_does_not_say_it_may_change(
    drafts: tuple[Path, Path],
) -> None:
    """A released version's page stays as released while its credential is reworked as a
    draft: its notice says a new version is being prepared, not that its details may still
    change (the main page, which shows the draft, says that), in each language."""
    _project, site = drafts

    def notice(path: Path) -> str:
        html = path.read_text("utf-8")
        found = re.findall(r'data-credcat-banner="draft"[^>]*>(.*?)</div>', html, re.S)
        assert len(found) == 1, path
        return " ".join(re.sub(r"<[^>]+>", " ", found[0]).split())

    for lang, prefix in PREFIXES.items():
        folder = site / prefix / "credentials"
        for cid in (REWORK, PAUSED):
            released = notice(folder / cid / "1.0" / "index.html")
            main = notice(folder / cid / "index.html")
            assert released != main, (lang, cid)
            if lang == "en":
                assert "A new version of this credential is being prepared" in released
                assert "may still change" in main and "may still change" not in released
        assert notice(folder / PROGRAMME / "index.html") == main  # never released: the draft's


def test_a_draft_version_is_not_said_to_be_published(tmp_path: Path) -> None:
    """A draft's version is not published (nor offered): its main page gives no publication
    date, although its file has one (a draft in rework keeps the date of the version before,
    and check refuses a date in the future). Its released version still gives its own."""
    root = write_catalogue(
        tmp_path / "project" / "catalogue",
        {
            "new": _titled("New course", status="draft", published="2026-11-02"),
            REWORK: _titled("Reworked course", published="2026-09-01"),
        },
    )
    assert release(root, REWORK, "2026-09-01")[0] == 0
    edit(root / "credentials" / f"{REWORK}.yaml", "version: '1.0'", "version: '2.0'")
    edit(root / "credentials" / f"{REWORK}.yaml", "title:", "status: draft\ntitle:")
    site = build(tmp_path / "project", tmp_path / "site")
    for prefix in PREFIXES.values():
        for cid, version in (("new", "1.0"), (REWORK, "2.0")):
            html = (site / prefix / "credentials" / cid / "index.html").read_text("utf-8")
            line = re.search(r'data-credcat-version-page="false">(.*?)</p>', html, re.S)
            assert line is not None, (prefix, cid)
            text = " ".join(re.sub(r"<[^>]+>", " ", line.group(1)).split())
            assert version in text and "2026" not in text, (prefix, cid, text)
        released = (site / prefix / "credentials" / REWORK / "1.0" / "index.html").read_text()
        assert "2026" in re.findall(r"data-credcat-version-banner.*?</p>", released, re.S)[0]


def test_sitemap_and_catalogue_files_name_only_published_versions(
    drafts: tuple[Path, Path],
) -> None:
    _project, site = drafts
    urls = sitemap(site)
    for prefix in PREFIXES.values():
        for cid, version in UNPUBLISHED.items():
            assert f"{BASE}{prefix}credentials/{cid}/</loc>" in urls
            assert f"credentials/{cid}/{version}/" not in urls
        for cid, version in PUBLISHED.items():
            assert f"{BASE}{prefix}credentials/{cid}/{version}/</loc>" in urls
    for lang, prefix in PREFIXES.items():
        entries = catalogue_entries(site, lang)
        # the current version and status are stated; only published versions are listed
        assert entries[PROGRAMME]["v"] == "1.0" and entries[PROGRAMME]["st"] == "draft"
        assert entries[PROGRAMME]["vs"] == []
        assert entries[REWORK]["v"] == "2.0" and entries[REWORK]["vs"] == ["1.0"]
        assert "vs" not in entries[PAUSED] and "vs" not in entries["databases"]
        for cid, entry in entries.items():  # every version the check page may open exists
            for version in entry.get("vs", [entry["v"]]):
                assert (site / prefix / "credentials" / cid / version / "index.html").is_file()
    nodes = graph_nodes(site)
    programme = nodes[PROGRAMME]
    assert programme["id"] == f"{BASE}credentials/{PROGRAMME}/#spec"  # described at its page
    assert programme["status"] == "draft"
    assert "dc:hasVersion" not in programme
    assert programme["homepage"][0]["contentURL"] == f"{BASE}credentials/{PROGRAMME}/"
    assert CURRENT not in programme  # its version has no address yet
    rework = nodes[REWORK]
    assert rework["id"] == f"{BASE}credentials/{REWORK}/#spec"
    assert "dc:replaces" not in rework  # a version's statement; the record lists them all
    assert [v["id"] for v in rework["dc:hasVersion"]] == [f"{BASE}credentials/{REWORK}/1.0/#spec"]
    assert [i["notation"] for i in rework["dc:hasVersion"][0]["identifier"]] == [
        f"{REWORK}/1.0",
        released_fingerprint(site, REWORK, "1.0"),
    ]
    # a draft's record carries no version identifier and no fingerprint: its content may
    # still change, and "<id>/<version>" will identify the released version, at its own IRI
    for draft in (programme, rework):
        cid = draft["id"].removeprefix(f"{BASE}credentials/").split("/")[0]
        assert draft["identifier"]["notation"] == cid
        listed = json.dumps(draft.get("dc:hasVersion", []))
        assert json.dumps(draft).count("sha256:") == listed.count("sha256:")
        assert json.dumps(draft).count(f'"{cid}/') == listed.count(f'"{cid}/')
    assert nodes[PAUSED]["id"] == f"{BASE}credentials/{PAUSED}/#spec"
    assert nodes[PAUSED][CURRENT] == {"id": f"{BASE}credentials/{PAUSED}/1.0/#spec"}
    # the others name the draft where it is described
    assert [p["id"] for p in nodes["databases"]["isPartOf"]] == [programme["id"]]
    assert [p["id"] for p in programme["hasPart"]] == [
        f"{BASE}credentials/databases/1.0/#spec",
        f"{BASE}credentials/{MODULE}/1.0/#spec",
    ]
    graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    legacy_record = next(n for n in graph if n["id"] == f"{BASE}credentials/legacy/#spec")
    assert legacy_record["dc:isReplacedBy"] == {"id": programme["id"]}  # the draft's record
    part = json.loads((site / "credentials" / "databases" / "1.0" / "elm.jsonld").read_bytes())
    assert [p["id"] for p in part["isPartOf"]] == [programme["id"]]
    legacy = site / "credentials" / "legacy" / "1.0" / "ob3-achievement.json"
    related = [r["id"] for r in json.loads(legacy.read_bytes()).get("related", [])]
    assert not [r for r in related if f"/{PROGRAMME}/" in r]  # no achievement to name


def test_generate_and_verify_site_follow_the_same_page_set(
    drafts: tuple[Path, Path], tmp_path: Path
) -> None:
    project, site = drafts
    catalogue = project / "catalogue"
    code, output = run("generate", str(catalogue), "--out", str(tmp_path / "out"))
    assert code == 0, output
    generated = data_files(tmp_path / "out")
    assert generated == data_files(site)
    assert not [
        path for path in generated if any(f"/{c}/{v}/" in path for c, v in UNPUBLISHED.items())
    ]
    code, output = run("verify-site", str(site), "--catalogue", str(catalogue))
    assert code == 0, output
    cat = load_catalogue(catalogue)
    urls = Urls.of(cat.settings)
    for lang in LANGUAGES:
        paths = [spec.path for spec in Pages(cat, urls, lang).credential_pages(PROGRAMME)]
        assert paths == [f"{PREFIXES[lang]}credentials/{PROGRAMME}/"]
    assert machine_links(cat, cat.credentials[PROGRAMME], urls) == []
    assert machine_links(cat, cat.credentials[REWORK], urls) == []
    assert machine_links(cat, cat.credentials[PAUSED], urls) != []
    files = machine_files(cat, urls)
    assert not [
        p for p in files if p.startswith((f"credentials/{PROGRAMME}/", "credentials/rework/2.0/"))
    ]


def test_a_successor_never_released_is_a_warning(drafts: tuple[Path, Path]) -> None:
    """``legacy`` names the draft ``programme``, never released, as its successor: ``credcat
    check`` warns at its file, line and field with what to do, so ``--strict`` fails. A
    successor that is a draft with a released version (``rework``) is not warned about, nor
    ``programme`` once it is active."""
    project, _site = drafts
    catalogue = project / "catalogue"
    code, output = run("check", "--strict", str(catalogue))
    assert code == 1
    assert output.count("warning:") == 1
    assert f"credentials/legacy.yaml:50:16: warning: {SUCCESSOR_WARNING}" in output
    assert f"run credcat release {PROGRAMME}), or name a credential that is offered now" in output
    legacy = catalogue / "credentials" / "legacy.yaml"
    text = legacy.read_text("utf-8")
    try:
        legacy.write_text(text.replace(f"superseded_by: {PROGRAMME}", f"superseded_by: {REWORK}"))
        assert run("check", "--strict", str(catalogue))[0] == 0
    finally:
        legacy.write_text(text, "utf-8")


def test_a_released_file_names_a_draft_at_its_record(
    drafts: tuple[Path, Path], activated: tuple[Path, Path]
) -> None:
    """A version released while a credential it counts towards is a draft (never released,
    or reworked under a version not released) names that draft at its record, its main page
    (``…/<id>/#spec``), an address that exists and stays: not the draft's version's, which
    has none yet, and may never have if the draft is released at another version. Its
    release records it so (``null``), and its files do not change once the drafts are
    released."""
    project, site = drafts
    snapshot = (project / "catalogue" / "versions" / MODULE / "1.0.yaml").read_text("utf-8")
    assert f"  part_of: {{{PROGRAMME}: null, {REWORK}: null}}" in snapshot
    records = [f"{BASE}credentials/{PROGRAMME}/#spec", f"{BASE}credentials/{REWORK}/#spec"]
    files = site / "credentials" / MODULE / "1.0"
    elm = json.loads((files / "elm.jsonld").read_text("utf-8"))
    assert [p["id"] for p in elm["isPartOf"]] == records
    edc = json.loads((files / "edc-template.json").read_text("utf-8"))
    assert f"{BASE}credentials/{PROGRAMME}/1.0/" not in json.dumps(edc)
    assert [p for p in missing_targets(site) if p.startswith(f"credentials/{MODULE}/")] == []

    _project, active = activated  # both released: the released files stay as they were
    again = active / "credentials" / MODULE / "1.0"
    assert data_files(again) == data_files(files)
    assert (active / "credentials" / PROGRAMME / "1.0" / "index.html").is_file()
    assert missing_targets(active) == []


def test_release_names_a_draft_at_its_record_for_good(tmp_path: Path) -> None:
    """``credcat release`` of a part whose whole is a draft says the files name the whole's
    main page; the whole may then be released at another version than its file had: nothing
    names an address that never exists (``named-unreleased`` has nothing to report)."""
    root = write_catalogue(
        tmp_path / "c",
        {
            "whole": _titled("Whole programme", status="draft"),
            "part": _titled("Part course", stackability={"part_of": ["whole"]}),
        },
    )
    code, output = release(root, "part", "2026-10-01")
    assert code == 0, output
    assert "note: whole is a draft, whose version has no permanent address" in output
    assert "main page (credentials/whole/#spec), which stays" in output
    assert "not released yet" not in output
    snapshot = (root / "versions" / "part" / "1.0.yaml").read_text("utf-8")
    assert "  part_of: {whole: null}\n" in snapshot
    assert "  # null: a draft's version, which had no address" in snapshot
    whole = root / "credentials" / "whole.yaml"
    edit(whole, "version: '1.0'", "version: '1.1'")  # released at another version after all
    edit(whole, "status: draft", "status: active")
    code, output = run("check", "--strict", str(root))
    assert code == 0, output  # whole 1.0 never existed, and nothing names it
    assert run("release", "whole", str(root), "--date", "2026-10-02")[0] == 0

    def part_files(out: Path) -> dict[str, bytes]:
        assert run("generate", str(root), "--out", str(out))[0] == 0
        return data_files(out / "credentials" / "part" / "1.0")

    released = part_files(tmp_path / "out")
    elm = json.loads(released["elm.jsonld"])
    assert [p["id"] for p in elm["isPartOf"]] == [f"{BASE}credentials/whole/#spec"]
    assert elm["isPartOf"][0]["title"]["en"] == "Whole programme"
    # a new version of the whole, retitled: the part's released files stay as they were
    edit(whole, "version: '1.1'", "version: '2.0'")
    edit(whole, "en: Whole programme", "en: Whole programme, revised")
    assert release(root, "whole", "2026-10-03")[0] == 0
    assert part_files(tmp_path / "again") == released


# --- runs: offered on a page where the machine files offer them ---------------------------------

OFFERING = re.compile(r'<div class="credcat-offering" id="offering-([^"]+)"(.*?)\n</div>', re.S)
NOT_OPEN = re.compile(r"data-credcat-not-open>(.*?)</p>", re.S)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def page_runs(html: str) -> dict[str, str]:
    """The runs a credential page lists, by id: ``"enrol"`` where it offers one (an Enrol
    link, its open or closed state for the reader's today), else what the page says of it
    instead (planned, closed for good), or ``""`` (listed as a record)."""
    runs = {}
    for run_id, block in OFFERING.findall(html):
        if "credcat-enrol" in block or "data-credcat-until" in block:
            runs[run_id] = "enrol"
        else:
            said = NOT_OPEN.search(block)
            runs[run_id] = _text(said.group(1)) if said else ""
    return runs


def offered_on_page(html: str) -> set[str]:
    """The runs a page offers: with Enrol in the list or on the first screen, as schema.org
    course instances (search engines' course results), or priced in the first screen's or the
    key facts' price."""
    offered = {run_id for run_id, said in page_runs(html).items() if said == "enrol"}
    glance = re.search(r'<section class="credcat-glance".*?</section>', html, re.S)
    assert glance is not None
    offered |= set(re.findall(r'data-credcat-run="([^"]+)"', glance.group(0)))
    for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        for node in json.loads(script)["@graph"]:
            for instance in node.get("hasCourseInstance", []):
                offered.add(instance["@id"].rsplit("#offering-", 1)[1])
            if node.get("offers"):
                offered.add("(schema.org offers)")
    if 'data-credcat-glance="price"' in html or 'data-credcat-fact="price"' in html:
        offered.add("(a price)")
    return offered


def opportunities(site: Path, cid: str) -> dict[str, str]:
    """The runs ``credentials/<id>/opportunities.jsonld`` offers: run id → the specification
    each leads to (``{}`` without the file)."""
    path = site / "credentials" / cid / "opportunities.jsonld"
    if not path.exists():
        return {}
    graph = json.loads(path.read_text("utf-8"))["@graph"]
    return {
        node["id"].rsplit("#offering-", 1)[1]: node["learningAchievementSpecification"]
        for node in graph
        if node["type"] == "LearningOpportunity"
    }


def credential_pages(site: Path, prefix: str, cid: str) -> dict[str, str]:
    """Every page of a credential in one language: ``""`` (its main page) or a version → HTML."""
    folder = site / prefix / "credentials" / cid
    pages = {"": (folder / "index.html").read_text("utf-8")}
    for page in sorted(folder.glob("*/index.html")):
        pages[page.parent.name] = page.read_text("utf-8")
    return pages


def assert_pages_offer_what_machines_do(site: Path, cids: list[str]) -> None:
    """Every page of each credential, in every language, offers exactly the runs its
    ``opportunities.jsonld`` offers (its main page and current version's page), or none (an
    earlier version's page, which lists its runs as a record)."""
    for cid in cids:
        offered = set(opportunities(site, cid))
        for prefix in PREFIXES.values():
            html = credential_pages(site, prefix, cid)
            current = re.search(r'data-credcat-version="([^"]+)"', html[""])
            assert current is not None
            for version, page in html.items():
                expected = offered if version in ("", current.group(1)) else set()
                if expected:  # offered: a price where one is stated
                    expected |= {"(a price)", "(schema.org offers)"} & offered_on_page(page)
                assert offered_on_page(page) == expected, (prefix, cid, version)


def test_a_draft_offers_no_run_on_any_page_as_no_machine_file_does(
    drafts: tuple[Path, Path],
) -> None:
    """A draft is not offered yet, whether never released or back in draft (for a rework, or
    paused at its released version): no page of it offers a run (no Enrol, no open or closed
    state, no price, no schema.org course instance or offer), as it has no
    ``opportunities.jsonld``, in every language."""
    _project, site = drafts
    drafts_ = [PROGRAMME, REWORK, PAUSED]
    for cid in drafts_:
        assert opportunities(site, cid) == {}
    assert_pages_offer_what_machines_do(site, drafts_)
    for file in sorted(site.rglob("*")):  # no enrolment address anywhere in the site
        if file.is_file() and file.suffix in TEXT_FILES:
            assert "alpha.example/enrol/" not in file.read_text("utf-8"), file
    graph = (site / "catalogue.jsonld").read_text("utf-8")
    assert "LearningOpportunity" not in graph and "#offering-" not in graph


def test_a_draft_lists_its_runs_as_planned(drafts: tuple[Path, Path]) -> None:
    """A draft's main page (and the page of its current version, when that is released)
    lists every run of its file as planned, with its dates and price, enrolment not open
    yet; its first screen says so and links them. An earlier version's page of a draft
    in rework lists the runs it was released with as a record, none open."""
    _project, site = drafts
    planned = "Planned: enrolment is not open yet."
    html = credential_pages(site, "", PROGRAMME)[""]
    assert page_runs(html) == {"spring": planned}
    assert '<h2 id="offerings">Planned runs</h2>' in html
    assert "Enrolment is not open yet: this credential is not offered yet." in html
    assert "€900" in _text(OFFERING.findall(html)[0][1])  # the plan, with its price
    glance = re.search(r"data-credcat-not-open>(.*?)</p>", html, re.S)
    assert glance is not None
    assert _text(glance.group(1)) == "Not offered yet: enrolment is not open. Planned dates"
    assert '<a href="#offerings">Planned dates</a>' in glance.group(1)
    assert "data-credcat-no-run" not in html  # not "no run open at the moment"

    rework = credential_pages(site, "", REWORK)
    # the main page shows the file: the run released with 1.0 and the one added since
    assert page_runs(rework[""]) == {"winter": planned, "autumn": planned}
    # 1.0's page, the record of what holders earned: its runs as released, none open
    assert page_runs(rework["1.0"]) == {"winter": ""}
    assert '<h2 id="offerings">Runs announced with this version</h2>' in rework["1.0"]
    assert "The credential is not offered at the moment" in rework["1.0"]
    assert "Enrolment and the current dates are on the current version" not in rework["1.0"]

    paused = credential_pages(site, "", PAUSED)
    assert page_runs(paused[""]) == page_runs(paused["1.0"]) == {"summer": planned}

    german = credential_pages(site, "de", PROGRAMME)[""]
    assert page_runs(german) == {"spring": "Geplant: Die Anmeldung ist noch nicht offen."}
    assert '<h2 id="offerings">Geplante Termine</h2>' in german


def card_when(site: Path, prefix: str, cid: str) -> str:
    """What the catalogue page's card (the build's, without JavaScript) says of the next run
    and the price."""
    html = (site / prefix / "catalogue" / "index.html").read_text("utf-8")
    card = re.search(
        rf'<li class="credcat-card" id="card-{cid}".*?credcat-card__summary', html, re.S
    )
    assert card is not None, cid
    when = re.search(r'<p class="credcat-card__when">(.*?)</p>', card.group(0), re.S)
    assert when is not None
    return _text(re.sub(r'<span class="credcat-sr-only">.*?</span>', "", when.group(1)))


def test_a_drafts_card_gives_its_planned_start(
    drafts: tuple[Path, Path], activated: tuple[Path, Path]
) -> None:
    """The catalogue's card of a draft says when its next run is planned to start, not that
    it is its next start, with that run's own price ("ask the provider" where it states none,
    not another run's); once active, it is its next start."""
    _project, site = drafts
    assert card_when(site, "", PROGRAMME) == "Planned start 1 March 2027 · €900"
    assert card_when(site, "", REWORK) == "Planned start 11 January 2027 · Ask the provider"
    assert card_when(site, "de/", PROGRAMME) == "Geplanter Beginn 1. März 2027 · 900 €"
    _project, active = activated
    assert card_when(active, "", PROGRAMME) == "Next start 1 March 2027 · €900"


def test_a_retired_credential_offers_no_run_on_its_pages(tmp_path: Path) -> None:
    """A retired credential that still lists runs (``credcat check`` warns) is no longer
    offered: its pages say each run is closed, and offer none, as it has no
    ``opportunities.jsonld``; its card says it is no longer offered, without a price."""
    run_ = _run(
        "old", {"id": "spring", "start": "2027-03-01", "price": {"amount": 90, "currency": "EUR"}}
    )
    write_catalogue(
        tmp_path / "project" / "catalogue",
        {"old": _titled("Old course", status="retired", offerings=[run_])},
    )
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", None), site, strict=False)
    assert opportunities(site, "old") == {}
    assert_pages_offer_what_machines_do(site, ["old"])
    html = credential_pages(site, "", "old")[""]
    assert page_runs(html) == {"spring": "Enrolment closed: this credential is no longer offered."}
    assert "data-credcat-not-open" not in html.split('id="offering-spring"')[0]  # no glance line
    assert card_when(site, "", "old") == "No longer offered"


# --- once active -------------------------------------------------------------------------------


def test_an_active_credential_gets_its_version_pages_back(activated: tuple[Path, Path]) -> None:
    _project, site = activated
    for lang, prefix in PREFIXES.items():
        for cid, version in {**UNPUBLISHED, **PUBLISHED}.items():
            page = site / prefix / "credentials" / cid / version
            assert (page / "index.html").is_file(), (lang, cid)
            assert (page / "summary" / "index.html").is_file(), (lang, cid)
        html = (site / prefix / "credentials" / PROGRAMME / "index.html").read_text("utf-8")
        assert "data-credcat-summary-link" in html and 'class="credcat-qr"' in html
        assert "data-credcat-no-reference" not in html
    for cid, version in UNPUBLISHED.items():
        for name in ("elm.jsonld", "edc-template.json", "ob3-achievement.json", "badge.svg"):
            assert (site / "credentials" / cid / version / name).is_file(), (cid, name)
    urls = sitemap(site)
    assert f"{BASE}credentials/{PROGRAMME}/1.0/</loc>" in urls
    assert f"{BASE}de/credentials/{REWORK}/2.0/</loc>" in urls
    entries = catalogue_entries(site, "en")
    assert "vs" not in entries[PROGRAMME] and entries[REWORK]["vs"] == ["1.0", "2.0"]
    # its runs are offered: on its pages and in its opportunities.jsonld, leading to the
    # version the page shows as current
    assert opportunities(site, PROGRAMME) == {"spring": f"{BASE}credentials/{PROGRAMME}/1.0/#spec"}
    assert opportunities(site, REWORK) == {
        "winter": f"{BASE}credentials/{REWORK}/2.0/#spec",
        "autumn": f"{BASE}credentials/{REWORK}/2.0/#spec",
    }
    assert_pages_offer_what_machines_do(site, [PROGRAMME, REWORK, PAUSED])
    assert page_runs(credential_pages(site, "", REWORK)[""]) == {
        "winter": "enrol",
        "autumn": "enrol",
    }
    nodes = graph_nodes(site)
    assert nodes[PROGRAMME][CURRENT] == {"id": f"{BASE}credentials/{PROGRAMME}/1.0/#spec"}
    assert nodes[PROGRAMME]["status"] == "active"
    assert [i["notation"] for i in nodes[PROGRAMME]["dc:hasVersion"][0]["identifier"]] == [
        f"{PROGRAMME}/1.0",
        released_fingerprint(site, PROGRAMME, "1.0"),
    ]
    assert [p["id"] for p in nodes["databases"]["isPartOf"]] == [nodes[PROGRAMME][CURRENT]["id"]]
    assert missing_targets(site) == []
