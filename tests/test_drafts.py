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
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

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

UNPUBLISHED = {PROGRAMME: "1.0", REWORK: "2.0"}
"""The drafts' versions that are not released: no permanent address."""
PUBLISHED = {REWORK: "1.0", PAUSED: "1.0", "databases": "1.0", "legacy": "1.0"}
"""The versions at their permanent address."""


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def _titled(title: str, **changes: Any) -> dict[str, Any]:
    summary = f"All about {title.lower()}."
    return credential(
        title={"en": title, "de": title}, summary={"en": summary, "de": summary}, **changes
    )


def write_drafts(root: Path) -> Path:
    """The catalogue of this module, with its releases (``rework`` and ``paused`` 1.0)."""
    write_catalogue(
        root,
        {
            "databases": credential(stackability={"part_of": [PROGRAMME]}),
            PROGRAMME: _titled("Data programme", status="draft"),
            REWORK: _titled("Reworked course"),
            PAUSED: _titled("Paused course"),
            "legacy": _titled("Legacy course", status="superseded", superseded_by=PROGRAMME),
        },
    )
    for cid in (REWORK, PAUSED):
        code, output = release(root, cid, "2026-09-01")
        assert code == 0, output
    edit(root / "credentials" / f"{REWORK}.yaml", "version: '1.0'", "version: '2.0'")
    for cid in (REWORK, PAUSED):
        edit(root / "credentials" / f"{cid}.yaml", "title:", "status: draft\ntitle:")
    return root


def activate(root: Path) -> None:
    """Every draft of :func:`write_drafts` made active; the reworked version then released
    (an active credential's new version is released before it is built strictly)."""
    for cid in (PROGRAMME, REWORK, PAUSED):
        edit(root / "credentials" / f"{cid}.yaml", "status: draft", "status: active")
    code, output = release(root, REWORK, "2026-11-01")
    assert code == 0, output


def build(root: Path, site: Path) -> Path:
    """A strict build of a project around the catalogue at ``root/catalogue``."""
    build_site(make_project(root, None), site)
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
    """The node of ``catalogue.jsonld`` that describes each credential's current version, by
    credential id: the one its record names as current, or the record itself (a draft's
    version not released, described at the main page)."""
    graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    by_id = {node["id"]: node for node in graph}
    current = "http://www.w3.org/ns/dcat#hasCurrentVersion"
    return {
        node["id"].removeprefix(f"{BASE}credentials/").split("/")[0]: (
            by_id[node[current]["id"]] if current in node else node
        )
        for node in graph
        if node["id"].endswith("/#spec") and node["id"].count("/") == 5
    }


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
    return work / "project", build(work / "project", work / "site")


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
    rework = nodes[REWORK]
    assert rework["id"] == f"{BASE}credentials/{REWORK}/#spec"
    assert rework["dc:replaces"] == {"id": f"{BASE}credentials/{REWORK}/1.0/#spec"}
    assert rework["dc:hasVersion"] == [{"id": f"{BASE}credentials/{REWORK}/1.0/#spec"}]
    assert nodes[PAUSED]["id"] == f"{BASE}credentials/{PAUSED}/1.0/#spec"
    # the others name the draft where it is described
    assert [p["id"] for p in nodes["databases"]["isPartOf"]] == [programme["id"]]
    assert [p["id"] for p in programme["hasPart"]] == [f"{BASE}credentials/databases/1.0/#spec"]
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
    nodes = graph_nodes(site)
    assert nodes[PROGRAMME]["id"] == f"{BASE}credentials/{PROGRAMME}/1.0/#spec"
    assert [p["id"] for p in nodes["databases"]["isPartOf"]] == [nodes[PROGRAMME]["id"]]
    assert missing_targets(site) == []
