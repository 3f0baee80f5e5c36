"""Strict builds of whole sites, checked on the HTML, JSON and SVG that people get.

Three sites, each built once per module (in-process, ``mkdocs.commands.build.build``, strict):

* the sample catalogue (``catalogue/``) with the repository's ``mkdocs.yml``;
* the fixture catalogue ``tests/fixtures/catalogues/site-basic/`` (built twice, for determinism);
* an XSS catalogue written here: script, event-handler and ``javascript:`` payloads in every text
  field of a credential and of an organisation.

Expectations come from the loaded model, never from the sample's prose.
"""

from __future__ import annotations

import copy
import gzip
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from credcat.catalogue import Catalogue
from credcat.languages import LANGUAGE_TAG
from credcat.model import ordered_outcomes
from credcat.render.data.nodes import plain_text
from credcat.render.language import localise
from credcat.render.site.index import catalogue_json, catalogue_texts_json, search_fold
from credcat.render.site.search import OWN_WORKER, with_own_worker
from credcat.urls import Urls
from credcat.validate import load_catalogue
from credcat.versions import has_address

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "catalogues"
BASIC = FIXTURES / "site-basic"

# --- building ------------------------------------------------------------------------------------

MKDOCS_YML = """\
site_name: Fixture site
site_url: {site_url}
repo_url: https://github.com/example/credcat
edit_uri: edit/main/docs/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  features: [content.action.edit]
plugins:
  - search
  - credcat:
      catalogue_dir: catalogue
{plugin_options}
markdown_extensions: [admonition, attr_list, def_list, {{toc: {{permalink: true}}}}]
validation:
  nav: {{omitted_files: warn, not_found: warn, absolute_links: warn}}
  links: {{not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}}
nav:
  - Home: index.md
  - Catalogue: catalogue/index.md
  - Pathways: pathways/index.md
  - Organisations: organisations/index.md
  - How to read a credential: how-to-read.md
  - Data: data.md
  - Maintainers: maintainers.md
"""


def make_project(
    root: Path,
    catalogue: Path | None = BASIC,
    *,
    site_url: str | None = None,
    plugin_options: str = "",
    extra_docs: dict[str, str] | None = None,
    templates: dict[str, str] | None = None,
) -> Path:
    """A small MkDocs project in ``root``: the repository's hand-written pages, a copy of a
    catalogue and a mkdocs.yml like the repository's; with ``templates``, the site's own
    templates (path in the theme: text) in its ``custom_dir``, ``overrides/``. Returns the
    mkdocs.yml path."""
    root.mkdir(parents=True, exist_ok=True)
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    for name in ("index.md", "how-to-read.md", "data.md"):
        shutil.copy(REPO / "docs" / name, docs / name)
    (docs / "maintainers.md").write_text("# Maintainers' guide\n\nA stub.\n", encoding="utf-8")
    for name, text in (extra_docs or {}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    if catalogue is not None:
        shutil.copytree(catalogue, root / "catalogue", dirs_exist_ok=True)
    if site_url is None:
        settings = yaml.safe_load((root / "catalogue" / "catalogue.yaml").read_text("utf-8"))
        site_url = str(settings["base_uri"])
    config = root / "mkdocs.yml"
    options = "\n".join("      " + line for line in plugin_options.splitlines())
    text = MKDOCS_YML.format(site_url=site_url, plugin_options=options)
    if templates is not None:
        text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
        for name, template in templates.items():
            (root / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "overrides" / name).write_text(template, encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    return config


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """``mkdocs build`` in-process, as its command runs it (never with -q: strict must see
    every warning). The plugin instance outlives a build (MkDocs keeps it for ``serve``): it
    is started as a build's, whatever an earlier test started it as."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def article_links(site: Path, page: str) -> set[str]:
    """The pages the text of ``page`` (its article, not the navigation) links to, as paths
    from the root of the page's language (``check/``, ``catalogue/``; ``""``: its home page;
    a page out of that language's folder keeps its ``../``)."""
    html = (site / page / "index.html").read_text("utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    lang = page.split("/", 1)[0] if re.match(r"[a-z]{2,3}/", page) else ""
    found = set()
    for href in re.findall(r'<a [^>]*href="([^"#?:]+)', article):
        target = (site / page / href).resolve()
        assert (target / "index.html").is_file(), (page, href)
        rel = os.path.relpath(target, site / lang)
        found.add("" if rel == "." else f"{Path(rel).as_posix()}/")
    return found


# --- a tiny DOM ----------------------------------------------------------------------------------

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Node:
    """An element of a parsed page."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str | bool) -> list[Node]:
        def ok(node: Node) -> bool:
            if tag is not None and node.tag != tag:
                return False
            for key, value in attrs.items():
                name = key.rstrip("_").replace("_", "-")
                if value is True:
                    if name not in node.attrs:
                        return False
                elif name in {"class", "rel"}:  # token lists
                    if str(value) not in node.attrs.get(name, "").split():
                        return False
                elif node.attrs.get(name) != value:
                    return False
            return True

        return [node for node in self.iter() if ok(node)]

    def find(self, tag: str | None = None, **attrs: str | bool) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


class Said(HTMLParser):
    """Every text of a page, and every ``aria-label`` and ``title``, with the language it is
    said in (the nearest ``lang``) and the classes of the elements around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, frozenset[str]]] = []
        self.said: list[tuple[str, str, str, frozenset[str]]] = []  # text, lang, kind, classes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        around = self.stack[-1] if self.stack else ("", "", frozenset())
        lang = found.get("lang") or around[1]
        classes = around[2] | frozenset((found.get("class") or "").split())
        for name in ("aria-label", "title"):
            value = found.get(name)
            if value:
                self.said.append((value, lang, name, classes))
        if tag not in VOID:
            self.stack.append((tag, lang, classes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            around = self.stack[-1] if self.stack else ("", "", frozenset())
            self.said.append((" ".join(data.split()), around[1], "text", around[2]))


def said_in(html: str, region: str) -> list[tuple[str, str, str]]:
    """What a page says inside the elements of class ``region``: (text, language, kind)."""
    parser = Said()
    parser.feed(html)
    return [(text, lang, kind) for text, lang, kind, classes in parser.said if region in classes]


def parse(path: Path) -> Node:
    builder = _Builder()
    builder.feed(path.read_text("utf-8"))
    builder.close()
    return builder.root


# --- sites ---------------------------------------------------------------------------------------


@dataclass
class Site:
    root: Path
    catalogue: Catalogue
    pages: dict[str, Node] = field(default_factory=dict)

    @property
    def urls(self) -> Urls:
        settings = self.catalogue.settings
        return Urls(settings.base_uri, settings.default_language)

    def page(self, path: str) -> Node:
        """Parsed ``<path>index.html`` (cached)."""
        if path not in self.pages:
            self.pages[path] = parse(self.root / path / "index.html")
        return self.pages[path]

    def resolve(self, page: str, href: str) -> str:
        """Site path that a relative link on a page points to (``credentials/x/``)."""
        absolute = urljoin("http://site.invalid/" + page, href)
        return urlsplit(absolute).path.lstrip("/")

    def t(self, text: Any) -> str:
        lang = self.catalogue.settings.default_language
        return localise(text, lang, lang)


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = tmp_path_factory.mktemp("sample") / "site"
    build_site(REPO / "mkdocs.yml", site)
    return Site(site, load_catalogue(REPO / "catalogue"))


@pytest.fixture(scope="module")
def basic_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    work = tmp_path_factory.mktemp("basic")
    config = make_project(work / "project")
    build_site(config, work / "site-1")
    build_site(config, work / "site-2")
    return Site(work / "site-1", load_catalogue(work / "project" / "catalogue")), work / "site-2"


@pytest.fixture(scope="module")
def basic_site(basic_builds: tuple[Site, Path]) -> Site:
    return basic_builds[0]


@pytest.fixture(params=["sample", "basic"])
def any_site(request: pytest.FixtureRequest) -> Site:
    site: Site = request.getfixturevalue(f"{request.param}_site")
    return site


# --- credential pages ----------------------------------------------------------------------------


def test_every_credential_has_a_current_and_a_versioned_page(any_site: Site) -> None:
    urls = any_site.urls
    for cid, cred in any_site.catalogue.credentials.items():
        pages = [(urls.credential(cid), False)]
        if has_address(any_site.catalogue, cid, cred.version):
            pages.append((urls.credential_version(cid, cred.version), True))
        else:  # a draft's version not released: nothing at its permanent address
            assert cred.status == "draft"
            assert not (any_site.root / urls.credential_version(cid, cred.version)).exists()
        for path, is_version_page in pages:
            page = any_site.page(path)
            body = page.find("div", class_="credcat-credential")
            assert body.attrs["data-credcat-id"] == cid
            assert page.find("h1").text() == any_site.t(cred.title)
            note = page.find(class_="credcat-version")
            assert note.attrs["data-credcat-version-page"] == str(is_version_page).lower()
            assert cred.version in note.text()
            canonical = page.find("link", rel="canonical")
            assert canonical.attrs["href"] == urls.iri(path)


def test_credential_pages_have_their_own_description_and_open_graph(any_site: Site) -> None:
    urls = any_site.urls
    home = any_site.page(urls.home()).find_all("meta", name="description")
    site_description = home[0].attrs.get("content") if home else None
    for cid, cred in any_site.catalogue.credentials.items():
        summary = any_site.t(cred.summary)
        paths = [urls.credential(cid)]
        if has_address(any_site.catalogue, cid, cred.version):  # not a draft's unreleased
            paths.append(urls.credential_version(cid, cred.version))
        for path in paths:
            page = any_site.page(path)
            descriptions = page.find_all("meta", name="description")
            assert [d.attrs["content"] for d in descriptions] == [summary]
            assert summary != site_description
            og = {
                m.attrs["property"]: m.attrs["content"]
                for m in page.find_all("meta")
                if m.attrs.get("property", "").startswith("og:")
            }
            assert og["og:title"] == any_site.t(cred.title)
            assert og["og:description"] == summary
            assert og["og:url"] == urls.iri(path)
            assert og["og:type"] == "website"
            # the current and the versioned page describe different schema.org nodes
            data = json.loads(page.find("script", type="application/ld+json").text())
            ids = {node["@id"] for node in data["@graph"]}
            assert ids == {urls.iri(path) + "#credential", urls.iri(path) + "#course"}


def test_credential_page_shows_outcomes_assessments_and_key_facts(any_site: Site) -> None:
    urls = any_site.urls
    for cid, cred in any_site.catalogue.credentials.items():
        page = any_site.page(urls.credential(cid))
        for outcome in cred.outcomes:
            item = page.find("li", id=f"outcome-{outcome.id}")
            assert any_site.t(outcome.text) in item.text()
            for skill in outcome.esco:
                link = item.find("a", href=skill.uri)
                assert link
                if skill.label:
                    assert link.text().strip() == any_site.t(skill.label)
        for assessment in cred.assessments:
            block = page.find(id=f"assessment-{assessment.id}")
            proves = [
                a.attrs["href"] for a in block.find("ul", class_="credcat-proves").find_all("a")
            ]
            # in the order of the outcomes on the page (their numbers), as the summary lists them
            order = [a.attrs["id"] for a in page.find_all("li", class_="credcat-outcome")]
            assert sorted(proves) == sorted(f"#outcome-{ref}" for ref in assessment.proves)
            assert proves == sorted(proves, key=lambda href: order.index(href[1:]))
            identity = block.find("dd", data_credcat_identity=True)
            assert identity.attrs["data-credcat-identity"] == str(assessment.identity_check).lower()
        facts = {
            n.attrs["data-credcat-fact"]: n.text()
            for n in page.find("dl", class_="credcat-facts__list").find_all(data_credcat_fact=True)
        }
        for key in (
            "awarding_body",
            "eqf",
            "workload",
            "mode",
            "setting",
            "languages",
            "field",
            "status",
        ):
            assert key in facts, (cid, key)
        assert f" {cred.eqf}" in facts["eqf"]
        for oid in cred.awarding_body:
            org = any_site.catalogue.organisations[oid]
            assert any_site.t(org.name) in facts["awarding_body"]
        if cred.workload.ects is not None:
            assert "ECTS" in facts["workload"]
        if cred.workload.hours is not None:
            assert str(cred.workload.hours) in facts["workload"]
        for section in (
            "key-facts",
            "outcomes",
            "assessment",
            "quality",
            "prerequisites",
            "stackability",
            "employers",
        ):
            assert page.find("h2", id=section)
        employers = page.find("section", class_="credcat-employers")
        for outcome in cred.outcomes:
            assert any_site.t(outcome.text) in employers.text()


def test_public_pages_have_no_edit_link(any_site: Site) -> None:
    # edit links are for a maintainers' preview (the edit_links option, tests/test_plugin.py)
    for cid in any_site.catalogue.credentials:
        page = any_site.page(any_site.urls.credential(cid))
        assert page.find_all("a", rel="edit") == []
    for oid in any_site.catalogue.organisations:
        page = any_site.page(any_site.urls.organisation(oid))
        assert page.find_all("a", rel="edit") == []


def test_banners_for_draft_superseded_and_retired(any_site: Site) -> None:
    seen = set()
    for cid, cred in any_site.catalogue.credentials.items():
        path = any_site.urls.credential(cid)
        page = any_site.page(path)
        banners = page.find_all(data_credcat_banner=True)
        if cred.status == "active":
            assert not banners
            continue
        seen.add(cred.status)
        assert [b.attrs["data-credcat-banner"] for b in banners] == [cred.status]
        if cred.status == "superseded":
            assert cred.superseded_by is not None
            link = banners[0].find("a")
            assert any_site.resolve(path, link.attrs["href"]) == any_site.urls.credential(
                cred.superseded_by
            )
            successor = any_site.catalogue.credentials[cred.superseded_by]
            assert link.text() == any_site.t(successor.title)
    if any_site.root.parent.name.startswith("basic"):
        assert seen == {"draft", "superseded", "retired"}


def test_downloads_and_alternate_links(any_site: Site) -> None:
    for cid, cred in any_site.catalogue.credentials.items():
        path = any_site.urls.credential(cid)
        page = any_site.page(path)
        alternates = page.find("head").find_all("link", rel="alternate")
        if not has_address(any_site.catalogue, cid, cred.version):
            # a draft's version not released has no files: nothing to download or link to
            assert page.find_all("section", class_="credcat-downloads") == []
            assert alternates == []
            continue
        downloads = page.find("section", class_="credcat-downloads").find_all("a", type=True)
        assert len(alternates) == len(downloads) >= 1
        for link in alternates:
            target = any_site.resolve(path, link.attrs["href"])
            if target.endswith("opportunities.jsonld"):  # the runs: the credential's, live
                assert target == any_site.urls.opportunities(cid)
            else:
                assert target.startswith(any_site.urls.credential_version(cid, cred.version))
            assert (any_site.root / target).is_file()


def test_catalogue_jsonld_is_found_from_the_catalogue_and_data_pages(any_site: Site) -> None:
    """A crawler that starts at the catalogue or data page reaches every credential's record:
    ``catalogue.jsonld`` is linked from the head of the catalogue page and from the data
    page's text, in every language, and the link leads to the one file at the site's root."""
    record_file = "catalogue.jsonld"
    graph = json.loads((any_site.root / record_file).read_text("utf-8"))
    assert graph  # the file the links lead to is there and reads as JSON
    for lang in any_site.catalogue.settings.languages:
        catalogue = any_site.urls.catalogue_page(lang)
        links = [
            link.attrs
            for link in any_site.page(catalogue).find("head").find_all("link", rel="alternate")
            if link.attrs.get("type") == "application/ld+json"
        ]
        assert [any_site.resolve(catalogue, a["href"]) for a in links] == [record_file], lang
        data = any_site.urls.data_page(lang)
        if not (any_site.root / data / "index.html").is_file():
            continue  # a site without the data page
        hrefs = {
            any_site.resolve(data, a.attrs["href"])
            for a in any_site.page(data).find_all("a", href=True)
        }
        assert record_file in hrefs, lang
        assert any_site.urls.catalogue_json(lang) in hrefs, lang


LICENCE_WORDS = {"en": "Data licence:", "de": "Datenlizenz:", "fr": "Licence des données :"}
"""How every page's footer names the data licence, by page language (``footer_data_licence``;
the French no-break space before the colon read as a space)."""


def test_every_page_names_the_data_licence_in_its_footer(any_site: Site) -> None:
    """Where ``catalogue.yaml`` names a data licence (the sample: CC-BY-4.0), the footer of
    every page, credcat's and hand-written alike, in every language, says so in the page's
    language, its short name a link to the licence's text; a catalogue that names none (the
    basic one) says nothing of one."""
    cat = any_site.catalogue
    pages = ["", "catalogue/", "organisations/", "data/", "check/"]
    pages += [any_site.urls.credential(cid) for cid in list(cat.credentials)[:2]]
    pages += [any_site.urls.organisation(oid) for oid in list(cat.organisations)[:1]]
    checked = 0
    for lang in cat.settings.languages:
        prefix = any_site.urls.prefix(lang)
        for page in pages:
            path = page.removeprefix(any_site.urls.prefix(cat.settings.default_language))
            if not (any_site.root / prefix / path / "index.html").is_file():
                continue  # a site without the data page
            checked += 1
            footer = any_site.page(prefix + path).find("div", class_="md-copyright")
            links = [a for a in footer.find_all("a") if "creativecommons" in a.attrs["href"]]
            if cat.settings.data_licence is None:
                assert links == [] and "licen" not in footer.text().casefold(), page
                continue
            assert [(a.attrs["href"], a.text()) for a in links] == [
                ("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0")
            ], (lang, page)
            assert links[0].parent is not None
            line = links[0].parent.text()
            assert line == f"{LICENCE_WORDS[lang]} CC BY 4.0", (lang, page)
    assert checked >= (len(pages) - 1) * len(cat.settings.languages)


# --- catalogue page and catalogue.json -----------------------------------------------------------


def test_catalogue_json_matches_the_model(any_site: Site) -> None:
    # format 3 (docs/data.md): short keys, empty values left out, the long texts in a file of
    # their own with the same entries in the same order
    data = json.loads((any_site.root / "catalogue.json").read_text("utf-8"))
    texts = json.loads((any_site.root / "catalogue-texts.json").read_text("utf-8"))
    assert data["version"] == texts["version"] == 4
    assert data["lang"] == texts["lang"]
    assert [e["i"] for e in texts["credentials"]] == [e["i"] for e in data["credentials"]]
    entries = {e["i"]: e for e in data["credentials"]}
    more = {e["i"]: e for e in texts["credentials"]}
    cat = any_site.catalogue
    assert set(entries) == set(cat.credentials)
    for entry in data["credentials"]:
        assert not {"o", "k", "x", "w"} & set(entry), "the long texts are in the other file"
    for entry in texts["credentials"]:
        assert set(entry) <= {"i", "w", "d", "o", "k", "x"}
    facets = {name: dict(pairs) for name, pairs in data["facets"].items()}
    for cid, cred in cat.credentials.items():
        entry = entries[cid]
        assert data["url"].replace("{id}", cid) == any_site.urls.credential(cid)
        assert entry["t"] == any_site.t(cred.title)
        assert entry["s"] == any_site.t(cred.summary)
        assert entry["st"] == cred.status
        assert entry["e"] == cred.eqf
        assert entry.get("c") == cred.workload.ects
        assert entry.get("h") == cred.workload.hours
        assert entry["m"] == cred.mode
        assert entry["l"] == list(cred.languages)
        assert entry.get("f", []) == list(cred.field)
        assert entry["a"] == list(cred.awarding_body)
        assert entry.get("p", []) == list(cred.providers)
        # the outcomes in the page's order (knowledge, skills, responsibility and autonomy)
        assert more[cid]["o"] == [any_site.t(o.text) for o in ordered_outcomes(cred)]
        assert more[cid].get("k", []) == sorted(
            {any_site.t(s.label) for o in cred.outcomes for s in o.esco if s.label}
        )
        assert len(more[cid]["x"]) == len(cred.assessments)
        assert more[cid]["w"]
        # the words of the description, for the text search: no Markdown, and each word of it
        # (bar marks such as "•" and "—") found in them or in a text the search reads anyway
        words = more[cid].get("d", "")
        assert not [mark for mark in ("**", "`", "•", "\n") if mark in words], (cid, words)
        searched = search_fold(" ".join([entry["t"], entry["s"], words, *more[cid]["o"]]))
        searched += " " + search_fold(" ".join(more[cid].get("k", [])))
        for word in plain_text(any_site.t(cred.description), markdown=True).split():
            assert not re.search(r"\w", word) or search_fold(word) in searched, (cid, word)
        runs = sorted(cred.offerings, key=lambda o: (o.start, o.id))
        assert [r[0] for r in entry.get("r", [])] == [o.start.isoformat() for o in runs]
        # no price for a credential no longer offered (its card says so instead)
        assert bool(entry.get("pr")) is (cred.status not in {"superseded", "retired"})
        # each run's languages where one is not taught in every language of the credential
        every = set(cred.languages)
        if any(set(o.languages or every) != every for o in runs):
            assert [r[1:] for r in entry["rl"]] == [
                list(o.languages or cred.languages) for o in runs
            ]
        else:
            assert "rl" not in entry
        notes = [any_site.t(o.price.note) if o.price and o.price.note else "" for o in runs]
        assert entry.get("rn", [""] * len(runs)) == notes
        for code in cred.field:
            assert code in facets["field"]
        assert str(cred.eqf) in facets["eqf"]
        for oid in [*cred.awarding_body, *cred.providers]:
            assert oid in facets["org"]
    # facet options in display order: levels by number, statuses by life cycle
    levels = [int(code) for code, _label in data["facets"]["eqf"]]
    assert levels == sorted(levels)


def test_catalogue_json_is_small() -> None:
    # only what the cards, filters, search, compare and check pages need (issue 9: 1 KB gzipped
    # per credential for both files at 10,000 varied credentials, measured by
    # scripts/bench_catalogue.py)
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    data = catalogue_json(cat, urls)
    texts = catalogue_texts_json(cat, urls)
    both = len(gzip.compress(data, 9)) + len(gzip.compress(texts, 9))
    assert both < 1024 * len(cat.credentials)
    # the file the filters wait for is the smaller part: the outcomes are in the other one
    assert len(data) < len(texts)
    for text in (data.decode("utf-8"), texts.decode("utf-8")):
        assert "fingerprint" not in text and "http://data.europa.eu/esco" not in text


def test_catalogue_page_renders_every_card_without_javascript(any_site: Site) -> None:
    page = any_site.page(any_site.urls.catalogue_page())
    form = page.find("form", id="credcat-filters")
    assert "hidden" in form.attrs
    main = [
        li.attrs["data-credcat-id"]
        for li in page.find("ul", id="credcat-results").find_all("li", class_="credcat-card")
    ]
    others = [
        li.attrs["data-credcat-id"]
        for li in page.find_all("li", class_="credcat-card")
        if li.attrs["data-credcat-id"] not in main
    ]
    cat = any_site.catalogue
    assert sorted(main) == sorted(c for c, v in cat.credentials.items() if v.status == "active")
    assert sorted(others) == sorted(c for c, v in cat.credentials.items() if v.status != "active")
    for li in page.find_all("li", class_="credcat-card"):
        cid = li.attrs["data-credcat-id"]
        link = li.find("a")
        assert any_site.resolve(
            any_site.urls.catalogue_page(), link.attrs["href"]
        ) == any_site.urls.credential(cid)
    for facet in ("eqf", "field", "mode", "language", "org", "status", "workload"):
        fieldset = page.find("fieldset", id=f"credcat-facet-{facet}")
        assert fieldset.find("legend").text()
    for control in page.find("form", id="credcat-filters").find_all("input"):
        labelled = control.attrs.get("id") and page.find_all("label", for_=control.attrs["id"])
        wrapped = any(a.tag == "label" for a in control.ancestors())
        assert labelled or wrapped, control.attrs
    count = page.find(id="credcat-count")
    assert count.attrs["role"] == "status"
    scripts = [s.attrs.get("src", "") for s in page.find_all("script")]
    assert any(s.endswith("assets/credcat/catalogue.js") for s in scripts)


# --- organisations -------------------------------------------------------------------------------


def test_organisation_pages_list_credentials_per_role(any_site: Site) -> None:
    cat = any_site.catalogue
    for oid in cat.organisations:
        page = any_site.page(any_site.urls.organisation(oid))
        roles = cat.roles_of(oid)
        found: dict[str, set[str]] = {}
        tables = page.find_all("table", class_="credcat-roles")
        for row in tables[0].find_all("tr", data_credcat_id=True) if tables else []:
            for cell in row.find_all("td", data_credcat_role=True):
                if cell.attrs["data-credcat-holds"] == "true":
                    found.setdefault(cell.attrs["data-credcat-role"], set()).add(
                        row.attrs["data-credcat-id"]
                    )
        assert found == {role: set(ids) for role, ids in roles.items()}
    index = any_site.page(any_site.urls.organisations_page())
    listed = [li.attrs["data-credcat-id"] for li in index.find_all("li", data_credcat_id=True)]
    assert sorted(listed) == sorted(cat.organisations)


def test_an_organisation_with_more_credentials_than_a_page_holds_has_further_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its table is split like the catalogue's list: each credential it has a role for is on
    exactly one of its pages, in every language, and each page links to all of them (the
    current one marked) and carries its number in its title."""
    from credcat.render.site import organisation

    monkeypatch.setattr(organisation, "ROWS_PER_PAGE", 2)
    config = make_project(tmp_path / "project")
    build_site(config, tmp_path / "site")
    site = Site(tmp_path / "site", load_catalogue(tmp_path / "project" / "catalogue"))
    cat = site.catalogue
    sitemap = (site.root / "sitemap.xml").read_text("utf-8")
    searched = {
        doc["location"].split("#")[0]
        for doc in json.loads((site.root / "search" / "search_index.json").read_text("utf-8"))[
            "docs"
        ]
    }
    split = 0
    for oid in cat.organisations:
        roles = cat.roles_of(oid)
        ids = {cid for held in roles.values() for cid in held}
        first = site.urls.organisation(oid)
        total = max(1, -(-len(ids) // 2))
        paths = [first, *(f"{first}{n}/" for n in range(2, total + 1))]
        found: dict[str, set[str]] = {}
        shown: list[str] = []
        for number, path in enumerate(paths, start=1):
            page = site.page(path)
            assert (site.root / "de" / path / "index.html").is_file()
            assert (path in searched) == (number == 1)  # the search finds the first page
            assert f"{cat.settings.base_uri}{path}</loc>" in sitemap
            tables = page.find_all("table", class_="credcat-roles")
            for row in tables[0].find_all("tr", data_credcat_id=True) if tables else []:
                shown.append(row.attrs["data-credcat-id"])
                for cell in row.find_all("td", data_credcat_role=True):
                    if cell.attrs["data-credcat-holds"] == "true":
                        found.setdefault(cell.attrs["data-credcat-role"], set()).add(shown[-1])
            navs = page.find_all("nav", class_="credcat-pages")
            if total == 1:
                assert not navs
                continue
            links = navs[0].find_all("a")
            assert navs[0].attrs["aria-label"]
            assert [site.resolve(path, a.attrs["href"]) for a in links] == paths
            assert [a.attrs.get("aria-current") for a in links] == [
                "page" if n == number else None for n in range(1, total + 1)
            ]
            title = page.find("title").text()
            assert (f"page {number} of {total}" in title) == (number > 1)
        assert len(shown) == len(set(shown)) == len(ids)
        assert found == {role: set(held) for role, held in roles.items()}
        assert not (site.root / f"{first}{total + 1}" / "index.html").exists()
        split += total > 2
    assert split  # an organisation of the fixture fills three pages or more


# --- pathways ------------------------------------------------------------------------------------


def test_pathways_svg_links_every_node_and_shows_totals(any_site: Site) -> None:
    cat = any_site.catalogue
    path = any_site.urls.pathways_page()
    page = any_site.page(path)
    linked = {
        c
        for c, v in cat.credentials.items()
        if v.stackability and (v.stackability.part_of or v.stackability.builds_on)
    }
    linked |= {
        o
        for v in cat.credentials.values()
        if v.stackability
        for o in (*v.stackability.part_of, *v.stackability.builds_on)
    }
    svgs = page.find_all("svg", class_="credcat-graph")
    nodes: dict[str, str] = {}
    for svg in svgs:
        assert svg.attrs["role"] == "group"  # not "img": its node links must stay accessible
        title_id, desc_id = svg.attrs["aria-labelledby"].split()
        assert svg.find("title", id=title_id).text() and svg.find("desc", id=desc_id).text()
        for a in svg.find_all("a"):
            nodes[a.attrs["data-credcat-id"]] = any_site.resolve(path, a.attrs["href"])
            assert "ECTS" in a.text() or "EQF" in a.text()
    assert set(nodes) == linked
    for cid, target in nodes.items():
        assert target == any_site.urls.credential(cid)
    # a whole made of parts: its route totals the whole's ECTS (parts are included in it)
    wholes = {w for v in cat.credentials.values() if v.stackability for w in v.stackability.part_of}
    totals = " ".join(p.text() for p in page.find_all(data_credcat_total=True))
    for whole in wholes:
        ects = cat.credentials[whole].workload.ects
        if ects is not None and not cat.credentials[whole].stackability:
            assert f"{ects:g} ECTS" in totals
    for svg in svgs:
        assert "ECTS" in svg.text()


def test_basic_fixture_route_total(basic_site: Site) -> None:
    cat = basic_site.catalogue
    page = basic_site.page(basic_site.urls.pathways_page())
    routes = page.find_all(data_credcat_route=True)
    whole = cat.credentials["data-programme"]
    towards = [r for r in routes if basic_site.t(whole.title) in r.find("h3").text()]
    assert len(towards) == 1
    assert (
        towards[0].find(data_credcat_total=True).text().startswith(f"{whole.workload.ects:g} ECTS")
    )


# --- navigation, privacy, determinism ------------------------------------------------------------


def test_credential_pages_are_not_in_the_nav(any_site: Site) -> None:
    page = any_site.page("")
    nav = page.find("nav", class_="md-nav--primary")
    hrefs = [a.attrs["href"] for a in nav.find_all("a", href=True)]
    assert hrefs
    assert not [h for h in hrefs if "credentials/" in h or re.search(r"organisations/[^/#]+/", h)]
    assert (
        any_site.page("").find("html").attrs["lang"] == any_site.catalogue.settings.default_language
    )


EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_no_third_party_requests(any_site: Site) -> None:
    problems = []
    for html in any_site.root.rglob("*.html"):
        doc = parse(html)
        for script in doc.find_all("script", src=True):
            if EXTERNAL.match(script.attrs["src"]):
                problems.append(f"{html}: script {script.attrs['src']}")
        for link in doc.find_all("link", href=True):
            if link.attrs.get("rel") in {"canonical", "alternate"}:
                continue
            if EXTERNAL.match(link.attrs["href"]):
                problems.append(f"{html}: link {link.attrs['href']}")
        for tag in ("img", "iframe", "source", "video", "audio", "embed"):
            for node in doc.find_all(tag, src=True):
                if EXTERNAL.match(node.attrs["src"]):
                    problems.append(f"{html}: {tag} {node.attrs['src']}")
        for style in doc.find_all("style"):
            problems += [f"{html}: style {u}" for u in _css_urls(style.text())]
    for css in any_site.root.rglob("*.css"):
        problems += [f"{css}: {u}" for u in _css_urls(css.read_text("utf-8"))]
    assert not problems
    source_links = [
        a
        for html in [any_site.root / "index.html"]
        for a in parse(html).find_all("a", data_md_component="source")
    ]
    assert not source_links, "Material would call api.github.com for repository facts"


def _css_urls(css: str) -> list[str]:
    found = re.findall(r"@import\s+(?:url\()?\s*['\"]?([^'\")\s;]+)", css)
    found += re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    return [u for u in found if EXTERNAL.match(u.strip())]


def test_build_is_deterministic(basic_builds: tuple[Site, Path]) -> None:
    first, second_root = basic_builds
    # sitemap.xml.gz stores the build time in its gzip header (MkDocs), so it differs
    skip = {"sitemap.xml.gz"}
    a = {p.relative_to(first.root).as_posix() for p in first.root.rglob("*") if p.is_file()}
    b = {p.relative_to(second_root).as_posix() for p in second_root.rglob("*") if p.is_file()}
    assert a == b
    different = [
        name
        for name in sorted(a - skip)
        if (first.root / name).read_bytes() != (second_root / name).read_bytes()
    ]
    assert not different


def test_generated_pages_and_search(basic_site: Site) -> None:
    index = json.loads((basic_site.root / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    cat = basic_site.catalogue
    for cid, cred in cat.credentials.items():
        assert basic_site.urls.credential(cid) in locations
        # the permanent version page is not indexed twice
        assert basic_site.urls.credential_version(cid, cred.version) not in locations
    texts = " ".join(doc["text"] for doc in index["docs"])
    first = next(iter(cat.credentials.values()))
    assert basic_site.t(first.outcomes[0].text)[:30] in texts


def test_every_page_names_credcat_s_search_worker_which_loads_material_s(
    basic_site: Site,
) -> None:
    """Material's search worker matches words as written; every page (404 included) names
    credcat's instead, published beside it, with Material's worker as it is in the site, which
    credcat's loads (``browser/test_search.py`` searches with it)."""
    workers = basic_site.root / "assets" / "javascripts" / "workers"
    assert (workers / OWN_WORKER).is_file()
    material = sorted(p.name for p in workers.glob("search.*.min.js"))
    assert len(material) == 1
    named = re.compile(r'"search": "([^"]*)"')
    pages = [p for p in basic_site.root.rglob("*.html") if "__config" in p.read_text("utf-8")]
    assert basic_site.root / "404.html" in pages and len(pages) > 20
    for path in pages:
        (worker,) = named.findall(path.read_text("utf-8"))
        rel = os.path.relpath(workers, path.parent).replace(os.sep, "/")
        if path.name == "404.html":  # the 404 page names the site's root by its address
            rel = "/" + workers.relative_to(basic_site.root).as_posix()
        assert worker == f"{rel}/{OWN_WORKER}?material={material[0]}", path


def test_with_own_worker_changes_the_worker_of_material_s_config_only() -> None:
    config = (
        '<script id="__config" type="application/json">{"base": "..", "search": '
        '"../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>'
    )
    page = f'<p>"search": "assets/javascripts/workers/search.0.min.js"</p>{config}<p>x</p>'
    assert with_own_worker(page) == page.replace(
        "workers/search.a7633da7.min.js",
        "workers/credcat-search.js?material=search.a7633da7.min.js",
    )
    assert with_own_worker(with_own_worker(page)) == with_own_worker(page)
    # no config, or a site's own worker: as it is
    assert with_own_worker("<p>no config</p>") == "<p>no config</p>"
    own = config.replace("../assets/javascripts/workers/search.a7633da7.min.js", "my-search.js")
    assert with_own_worker(own) == own
    assert with_own_worker(config[:-9]) == config[:-9]  # no end to the config: left alone


# --- XSS -----------------------------------------------------------------------------------------

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</script><script>alert(2)</script>",
    "' onmouseover='alert(3)",
)
MD_PAYLOADS = (
    "[click](javascript:alert(4))",
    "[c2](JaVaScRiPt:alert(5))",
    "<javascript:alert(6)>",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)",
)
FORBIDDEN = (
    "<script>alert",
    "<img src=x",
    "<svg onload",
    'href="javascript:',
    "href='javascript:",
    'href="data:',
    "</script><script>alert(2)",
)


def _payload(label: str, *, markdown: bool = False, verb: str = "") -> str:
    extra = MD_PAYLOADS if markdown else ()
    return " ".join([f"{verb} {label}".strip(), *PAYLOADS, *extra])


def _write_xss_catalogue(root: Path) -> Path:
    (root / "organisations").mkdir(parents=True)
    (root / "credentials").mkdir()

    def dump(path: str, data: dict[str, Any]) -> None:
        (root / path).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    dump(
        "catalogue.yaml",
        {
            "title": _payload("Catalogue"),
            "description": _payload("About"),
            "publisher": "evil-uni",
            "base_uri": "https://xss.test.example/",
            "default_language": "en",
            "languages": ["en"],
        },
    )
    dump(
        "organisations/evil-uni.yaml",
        {
            "name": _payload("Uni"),
            "short_name": _payload("U"),
            "kind": "university",
            "country": "DE",
            "homepage": "https://uni.test.example/",
            "description": _payload("Org description", markdown=True),
            "email": "info@uni.test.example",
            "phone": "+49 30 555 0100",
            "address": {
                "street": _payload("Street"),
                "postcode": "<b>10115</b>",
                "city": _payload("City"),
                "country": "DE",
            },
            "legal_identifier": "<script>alert(9)</script>",
        },
    )
    dump(
        "organisations/evil-qa.yaml",
        {
            "name": _payload("QA"),
            "kind": "quality-agency",
            "country": "AT",
            "homepage": "https://qa.test.example/",
        },
    )
    outcome = {
        "id": "do",
        "kind": "skill",
        "text": _payload("things", verb="Write"),
        "esco": ["http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"],
    }
    cred = {
        "title": _payload("Title"),
        "version": "1.0",
        "summary": _payload("Summary"),
        "description": _payload("Description", markdown=True),
        "awarding_body": "evil-uni",
        "eqf": 5,
        "field": ["0613"],
        "workload": {"ects": 2, "hours": 55},
        "duration": "3 weeks",
        "languages": ["en"],
        "mode": "online",
        "setting": "non-formal",
        "outcomes": [outcome],
        "assessments": [
            {
                "id": "exam",
                "type": "written-examination",
                "title": _payload("Exam"),
                "description": _payload("Exam description", markdown=True),
                "proves": ["do"],
                "supervision": "supervised-online",
                "identity_check": True,
                "grading": _payload("Grading"),
            }
        ],
        "quality_assurance": [
            {
                "type": "programme-quality-assurance",
                "body": "evil-qa",
                "title": _payload("QA title"),
                "description": _payload("QA description", markdown=True),
                "url": "https://qa.test.example/report",
            }
        ],
        "prerequisites": _payload("Prerequisites", markdown=True),
        "stackability": {"part_of": ["xss-whole"], "note": _payload("Note", markdown=True)},
        "offerings": [
            {
                "id": "run-1",
                "start": "2027-01-10",
                "end": "2027-01-31",
                "price": {"amount": 10, "currency": "EUR", "note": _payload("Price")},
                "enrolment_url": "https://uni.test.example/enrol",
                "location": {
                    "name": _payload("Venue"),
                    "address": _payload("Address"),
                    "city": _payload("Town"),
                    "country": "DE",
                },
                "note": _payload("Offering note"),
            }
        ],
        "further_information": _payload("Further", markdown=True),
        "links": [{"title": _payload("Link"), "url": "https://uni.test.example/more"}],
    }
    dump("credentials/xss-part.yaml", cred)
    whole = dict(cred)
    whole.pop("stackability")
    whole.pop("offerings")
    whole["title"] = _payload("Whole")
    whole["summary"] = _payload("Whole summary")  # its own: credcat warns about copied files
    dump("credentials/xss-whole.yaml", whole)
    old = dict(whole)
    old.update(
        status="superseded",
        superseded_by="xss-part",
        title=_payload("Old"),
        status_note=_payload("Status note", markdown=True),
    )
    old["summary"] = _payload("Old summary")
    dump("credentials/xss-old.yaml", old)
    return root


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    work = tmp_path_factory.mktemp("xss")
    catalogue = _write_xss_catalogue(work / "source")
    config = make_project(work / "project", catalogue)
    # not --strict: check warns about every tag and javascript: link in the texts, and the
    # point is to publish them anyway
    build_site(config, work / "site", strict=False)
    return Site(work / "site", load_catalogue(work / "project" / "catalogue"))


def test_xss_fixture_is_valid_and_full_of_payloads(xss_site: Site) -> None:
    cred = xss_site.catalogue.credentials["xss-part"]
    assert "<script>alert(1)</script>" in xss_site.t(cred.title)
    # valid, and every warning is check naming a payload a page will not show as written
    codes = {p.code for p in xss_site.catalogue.warnings}
    assert codes == {"html-in-text", "link-scheme"}, codes


def test_no_payload_survives_unescaped(xss_site: Site) -> None:
    checked = 0
    for path in sorted(xss_site.root.rglob("*")):
        if path.is_file() and (
            path.name in {"catalogue.json", "catalogue-texts.json"} or path.suffix == ".html"
        ):
            text = path.read_text("utf-8")
            where = path.relative_to(xss_site.root)
            if path.suffix == ".json":
                assert "<" not in text and ">" not in text, where
                json.loads(text)
            else:
                for bad in FORBIDDEN:
                    assert bad not in text, f"{where}: {bad}"
                doc = parse(path)
                for node in doc.iter():
                    handlers = {k: v for k, v in node.attrs.items() if k.startswith("on")}
                    assert not any("alert" in v for v in handlers.values()), (where, node.attrs)
                    href = node.attrs.get("href", "").strip().lower()
                    assert not href.startswith(("javascript:", "data:", "vbscript:")), where
                    if node.tag == "script" and "json" in node.attrs.get("type", ""):
                        assert "<" not in node.text(), where  # JSON escaped for <script>
                        json.loads(node.text())
                    elif node.tag == "script":
                        assert "alert(" not in node.text(), where
                    assert not (node.tag == "img" and node.attrs.get("src") == "x"), where
            checked += 1
    assert checked > 5


def test_payloads_are_shown_as_text(xss_site: Site) -> None:
    path = xss_site.urls.credential("xss-part")
    page = xss_site.page(path)
    assert "<script>alert(1)</script>" in page.find("h1").text()
    assert "<img src=x onerror=alert(1)>" in page.find(class_="credcat-summary").text()
    # Markdown links with unsafe schemes lose their href
    for a in page.find("div", class_="credcat-credential").find_all("a"):
        href = a.attrs.get("href", "")
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:"))
    # JSON inside <script> is valid JSON and cannot close the element
    for script in page.find_all("script", type="application/ld+json"):
        json.loads(script.text())
    # the SVG escapes its texts
    svg_page = (xss_site.root / xss_site.urls.pathways_page() / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg_page
    org = xss_site.page(xss_site.urls.organisation("evil-uni"))
    assert "<script>alert(9)</script>" in org.text()


def test_site_name_and_titles_are_escaped_in_material_templates(xss_site: Site) -> None:
    home = (xss_site.root / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in home
    head_title = parse(xss_site.root / "index.html").find("title").text()
    assert "<script>alert(1)</script>" in head_title or "&lt;script&gt;" in head_title


# --- XSS in the texts marked with their language --------------------------------------------------
# A text in another language than credcat's words around it is marked (lang, a fallback note):
# on a page of a language credcat's interface does not speak (Polish), every catalogue text;
# on a page of a partial language (German), each text shown in English instead. These marks,
# the prices the reader's browser picks (data-credcat-prices), the publisher in the header,
# the 404 page of several languages and the list of what changed in a version are all built
# from the same hostile texts here.

_TEXT_KEYS = frozenset(
    {"title", "summary", "description", "name", "short_name", "text", "grading", "note"}
    | {"prerequisites", "further_information"}
)


def _in_two_languages(value: Any) -> Any:
    """Every text of a YAML document as ``{en: …, pl: "PL …"}``."""
    if isinstance(value, list):
        return [_in_two_languages(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: {"en": item, "pl": f"PL {item}"}
        if key in _TEXT_KEYS and isinstance(item, str)
        else _in_two_languages(item)
        for key, item in value.items()
    }


def _write_xss_languages_project(root: Path) -> Path:
    """The XSS catalogue in English, Polish and a partial German, with two runs of different
    prices still open, a released version 1.0 of ``xss-part`` whose texts 1.1 changes, and
    the publisher in the header (no ``repo_url``). Returns the mkdocs.yml path."""
    from credcat.release import release

    catalogue = _write_xss_catalogue(root / "source")
    for path in sorted(catalogue.rglob("*.yaml")):
        data = _in_two_languages(yaml.safe_load(path.read_text("utf-8")))
        if path.name == "catalogue.yaml":
            data.update(languages=["en", "pl"], partial_languages=["de"])
        if path.name == "xss-part.yaml":
            later = copy.deepcopy(data["offerings"][0])
            later.update(id="run-2", start="2099-03-01", end="2099-03-31")
            later["price"]["amount"] = 20
            data["offerings"][0].update(start="2098-01-10", end="2098-01-31")
            data["offerings"].append(later)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    config = make_project(root / "project", catalogue)
    config.write_text(
        config.read_text("utf-8").replace(
            "repo_url: https://github.com/example/credcat\nedit_uri: edit/main/docs/\n", ""
        ),
        "utf-8",
    )
    project = config.parent / "catalogue"
    release(project, "xss-part", on=date(2026, 1, 1))
    part = project / "credentials" / "xss-part.yaml"
    data = yaml.safe_load(part.read_text("utf-8"))
    data["version"] = "1.1"
    data["title"]["pl"] += " " + _payload("Title 1.1")
    data["outcomes"][0]["text"]["pl"] += " " + _payload("Outcome 1.1")
    data["assessments"][0]["title"]["pl"] += " " + _payload("Exam 1.1")
    part.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return config


@pytest.fixture(scope="module")
def xss_languages_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    work = tmp_path_factory.mktemp("xss-languages")
    config = _write_xss_languages_project(work)
    build_site(config, work / "site", strict=False)
    return Site(work / "site", load_catalogue(config.parent / "catalogue"))


def test_no_payload_survives_the_marks_of_languages(xss_languages_site: Site) -> None:
    root = xss_languages_site.root
    checked = 0
    for path in sorted(root.rglob("*.html")):
        where = path.relative_to(root)
        text = path.read_text("utf-8")
        for bad in FORBIDDEN:
            assert bad not in text, f"{where}: {bad}"
        for node in parse(path).iter():
            assert not [k for k in node.attrs if k.startswith("on")], (where, node.attrs)
            for name in ("lang", "hreflang", "data-credcat-fallback"):
                if name in node.attrs:
                    assert LANGUAGE_TAG.fullmatch(node.attrs[name]), (where, node.attrs)
            if "data-credcat-prices" in node.attrs:
                steps = json.loads(node.attrs["data-credcat-prices"])
                assert all(isinstance(price, str) for _day, price in steps), where
            if node.tag == "script" and "json" in node.attrs.get("type", ""):
                assert "<" not in node.text(), where
                json.loads(node.text())
        checked += 1
    assert checked > 40
    for path in sorted(root.rglob("catalogue*.json")):
        text = path.read_text("utf-8")
        assert "<" not in text and ">" not in text, path
        json.loads(text)


def test_the_marked_payloads_are_shown_as_text(xss_languages_site: Site) -> None:
    """Each mark was made (so the test above saw them), and the payloads inside are text."""
    site = xss_languages_site
    shown = "<img src=x onerror=alert(1)>"
    polish = site.page("pl/credentials/xss-part/")
    assert shown in polish.find("h1", lang="pl").text()
    assert polish.find_all("span", data_credcat_prices=True)
    german = site.page("de/credentials/xss-part/")
    assert shown in german.find("h1", data_credcat_fallback="en").text()
    changes = site.page("pl/credentials/xss-part/1.1/").find("section", class_="credcat-changes")
    marked = changes.find_all("span", lang="pl")
    assert marked and all(shown in span.text() for span in marked)
    header = site.page("pl/").find("div", class_="md-source__repository")
    assert shown in header.text()
    # the words naming the link the publisher's website are credcat's: English, and said so
    words = header.find("span", class_="credcat-sr-only")
    assert words.attrs.get("lang") == "en" and words.text() == "– website"
    assert len(parse(site.root / "404.html").find_all("span", lang="pl")) == 1
    polish_json = json.loads((site.root / "pl" / "catalogue.json").read_text("utf-8"))
    assert {entry["tl"] for entry in polish_json["credentials"]} == {"pl"}


# --- credcat generate: the output folder is replaced only when it is one -------------------------
# (here rather than in test_generate.py: these guard the filesystem, like the no-partial-site
# tests of the plugin)


@pytest.fixture
def generate_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (the current folder) with a catalogue, docs and a precious file."""
    from catalogue_factory import write_catalogue

    project = tmp_path / "project"
    write_catalogue(project / "catalogue")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (project / "notes.txt").write_text("precious", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    "out",
    [".", "..", "catalogue", "catalogue/credentials", "catalogue/new", "docs", "notes.txt", "~"],
)
def test_generate_never_replaces_a_folder_that_is_not_its_output(
    generate_project: Path, monkeypatch: pytest.MonkeyPatch, out: str
) -> None:
    # `credcat generate catalogue --out .` used to delete the whole project (and .git).
    # Every folder here lies inside tmp_path (HOME too), so even a regression deletes nothing
    # outside the test: never point this test at a real folder.
    from credcat.output import OutputError, write_machine_files

    home = generate_project.parent / "home"
    (home / "mine").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    before = _files(generate_project.parent)
    with pytest.raises(OutputError, match="refusing"):
        write_machine_files(load_catalogue(generate_project / "catalogue"), Path(out).expanduser())
    assert _files(generate_project.parent) == before
    assert not [p for p in generate_project.parent.rglob(".*") if p.is_dir()]


def test_output_folder_check_refuses_root_and_home(generate_project: Path) -> None:
    # the check alone (it only raises): safe to ask about the real root and home folder
    from credcat.output import OutputError, check_output_folder

    root = generate_project / "catalogue"
    for folder in (Path("/"), Path.home(), Path.home().parent):
        with pytest.raises(OutputError, match="refusing"):
            check_output_folder(folder, root)
    check_output_folder(generate_project.parent / "elsewhere", root)  # a new folder is fine


def test_generate_refuses_a_folder_with_foreign_files(generate_project: Path) -> None:
    from credcat.output import OutputError, write_machine_files

    catalogue = load_catalogue(generate_project / "catalogue")
    out = generate_project / "out"
    assert write_machine_files(catalogue, out) > 0
    assert write_machine_files(catalogue, out) > 0  # a previous output is replaced
    # only what the marker (.credcat-output.json) lists may be there, even another JSON file
    for foreign in ("stale.json", "README.md", ".git/config", "credentials/x.yaml"):
        target = out / foreign
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("mine", encoding="utf-8")
        with pytest.raises(OutputError, match="did not write"):
            write_machine_files(catalogue, out)
        assert target.read_text(encoding="utf-8") == "mine"
        target.unlink()
        if target.parent.name == ".git":
            target.parent.rmdir()
    (out / "link.json").symlink_to(generate_project / "notes.txt")
    with pytest.raises(OutputError, match=r"link\.json"):
        write_machine_files(catalogue, out)


def test_generate_puts_the_old_output_back_when_the_swap_fails(
    generate_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from credcat.output import OutputError, write_machine_files

    catalogue = load_catalogue(generate_project / "catalogue")
    out = generate_project / "out"
    write_machine_files(catalogue, out)
    before = _files(out)
    real_rename = Path.rename

    def rename(self: Path, target: Any) -> Any:
        if self.name.startswith(".out-") and "-old-" not in self.name:
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OutputError, match="disk full"):
        write_machine_files(catalogue, out)
    assert _files(out) == before
    assert not [p for p in generate_project.iterdir() if p.name.startswith(".out-")]
