"""``credcat init``, ``credcat new``, ``credcat verify-site``, the copied-file warning, and the CI
and pre-commit files a new catalogue gets.

Every catalogue is created in ``tmp_path`` through the CLI's ``main``; builds run in-process
(strict). The generated GitHub workflow and GitLab CI file are validated with the schemas
``check-jsonschema`` vendors (offline).
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from catalogue_factory import REPO, SAMPLE
from credcat.cli import build_parser, main
from credcat.model import NEW_PLACEHOLDER
from credcat.render.site import localise
from credcat.render.site.localise import cldr_locale, ui_strings
from credcat.render.site.messages import catalogue_languages, interface_language
from credcat.scaffold import DEFAULT_TITLES, EXAMPLE_CREDENTIAL, NAV_TITLES
from credcat.validate import check_catalogue
from jsonld_helpers import (
    EDC_SHAPES,
    shapes,
    to_graph,
    violations,
)
from test_site_build import article_links, said_in


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def init(tmp_path: Path, *options: str) -> Path:
    folder = tmp_path / "new-catalogue"
    code, output = run("init", str(folder), *options)
    assert code == 0, output
    return folder


def build_strict(project: Path) -> Path:
    site = project / "site"
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    return site


# --- credcat init --------------------------------------------------------------------------


NOTED = frozenset({"to-translate", "example-value"})
"""The notes of a new catalogue: texts to translate, and the values ``init`` chose as
examples (the catalogue's address, the publisher's name, kind, country and homepage)."""
GIVEN = (
    *("--kind", "vet-school", "--country", "AT", "--publisher-name", "HTL Wels"),
    *("--base-url", "https://kurse.htl.example.at/", "--homepage", "https://www.htl.example.at/"),
    *("--data-licence", "CC-BY-4.0"),
)
"""The catalogue's address and data licence and the publisher's name, kind, country and
homepage, given: nothing of the new catalogue is an example (an option given after them
replaces theirs)."""


def test_init_writes_a_complete_repository(tmp_path: Path) -> None:
    folder = init(tmp_path)
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/catalogue.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        "README.md",
        "catalogue/catalogue.yaml",
        "catalogue/credentials/data-literacy-at-work.yaml",
        "catalogue/organisations/our-institution.yaml",
        "docs/data.md",
        "docs/how-to-read.md",
        "docs/index.md",
        "mkdocs.yml",
        "schemas/catalogue.schema.json",
        "schemas/credential.schema.json",
        "schemas/organisation.schema.json",
    ]
    for yaml_file in folder.glob("catalogue/**/*.yaml"):
        modeline = yaml_file.read_text("utf-8").splitlines()[0]
        schema = modeline.removeprefix("# yaml-language-server: $schema=")
        assert modeline != schema, yaml_file
        assert (yaml_file.parent / schema).resolve().is_file(), schema


def test_init_says_the_next_steps_git_and_check_among_them(tmp_path: Path) -> None:
    """A release is a file to commit with the credential's: init's "Next:" lines start the
    Git repository (init does not: the institution may keep it elsewhere), preview, and check
    the catalogue; a folder with a space is quoted in the command to copy."""
    folder = tmp_path / "my catalogue"
    code, output = run("init", str(folder))
    assert code == 0, output
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(" files). Next:"))
    assert lines[start + 1 : start + 5] == [
        f"  cd {shlex.quote(str(folder))} && git init && git add -A && git commit -m "
        '"A new catalogue"   # releases are kept in Git',
        "  mkdocs serve   # preview on http://127.0.0.1:8000",
        "  then replace the example credential and organisation with your own, and",
        "  credcat check catalogue   # every problem, as file:line:column; then commit",
    ]
    assert not (folder / ".git").exists()
    # the Git line runs as written (a committer named by the environment, no user config)
    if shutil.which("git") is not None:
        who = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org"}
        env = {**who, "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
        env |= {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}
        command = lines[start + 1].split("   # ")[0].strip()
        subprocess.run(
            ["sh", "-c", command], cwd=tmp_path, env=env, check=True, capture_output=True
        )
        clean = subprocess.run(
            ["git", "status", "--porcelain"], cwd=folder, env=env, capture_output=True, text=True
        )
        assert clean.returncode == 0 and clean.stdout == ""
    code, said = run("check", str(folder / "catalogue"))
    assert code == 0 and "0 errors, 0 warnings" in said


def test_a_new_catalogue_checks_strictly_and_builds_at_once(tmp_path: Path) -> None:
    folder = init(tmp_path, "--title", "Micro-credentials of Musterstadt", "--languages", "de,en")
    catalogue, problems = check_catalogue(folder / "catalogue")
    assert [p.format() for p in problems if p.is_error or p.is_warning] == []
    # the title, given in one language, is marked for translation (the publisher's name is
    # its legal name, the same in each language); the catalogue's address and data licence
    # and the publisher's name, kind, country and homepage, not given, are init's examples
    assert sorted((p.path.split("/")[-1], p.field, p.code) for p in problems) == [
        ("catalogue.yaml", "base_uri", "example-value"),
        ("catalogue.yaml", "data_licence", "example-value"),
        ("catalogue.yaml", "title.en", "to-translate"),
        ("our-institution.yaml", "country", "example-value"),
        ("our-institution.yaml", "homepage", "example-value"),
        ("our-institution.yaml", "kind", "example-value"),
        ("our-institution.yaml", "name.de", "example-value"),
    ]
    assert {p.code for p in problems} == NOTED
    assert catalogue is not None and catalogue.languages == ["de", "en"]
    config = yaml.safe_load(
        (folder / "mkdocs.yml").read_text("utf-8").replace("!ENV", "")  # safe_load: no tags
    )
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert plugins == ["search", "credcat"]
    assert config["theme"]["name"] == "material"
    assert "extra_css" not in config and "custom_dir" not in config["theme"]
    site = build_strict(folder)
    assert (site / "credentials" / "data-literacy-at-work" / "index.html").is_file()
    # the example is a draft: nothing at the permanent address of its version, not released
    assert not (site / "credentials" / "data-literacy-at-work" / "1.0").exists()
    assert "Micro-credentials of Musterstadt" in (site / "index.html").read_text("utf-8")
    code, output = run("verify-site", str(site), "--catalogue", str(folder / "catalogue"))
    assert code == 0, output
    # one file edited after the build: named, and the verdict says what to do about it
    edited = site / "catalogue.jsonld"
    original = edited.read_bytes()
    edited.write_bytes(original.replace(b"Data", b"Date", 1))
    code, output = run("verify-site", str(site), "--catalogue", str(folder / "catalogue"))
    assert code == 1
    assert output.splitlines() == [
        f"{site}/catalogue.jsonld: differs from what credcat generates for this catalogue",
        "FAILED: files of the site are not what credcat makes of this catalogue: build the "
        "site from this version of the catalogue and upload all of it (a file edited by hand "
        "or left from an older upload differs)",
    ]
    # the pages of every language are checked, not only the default language's
    edited.write_bytes(original)
    english = site / "en" / "credentials" / "data-literacy-at-work" / "index.html"
    english.unlink()
    code, output = run("verify-site", str(site), "--catalogue", str(folder / "catalogue"))
    assert code == 1
    assert (
        output.splitlines()[0] == f"{site}/en/credentials/data-literacy-at-work/index.html: missing"
    )


def test_a_german_catalogue_says_a_credential_stands_alone_in_a_sentence_of_its_own(
    tmp_path: Path,
) -> None:
    """A vocational school's catalogue in German: the example's page says that it combines with
    no other credential naming the credential ("Er lässt sich …" followed a colon with nothing
    for "Er" to stand for)."""
    folder = init(tmp_path, "--languages", "de,en", *GIVEN)
    site = build_strict(folder)
    page = (site / "credentials" / "data-literacy-at-work" / "index.html").read_text("utf-8")
    assert (
        "Eigenständig: Dieser Nachweis lässt sich mit keinem anderen dieses Katalogs "
        "kombinieren." in page
    )
    assert "Er lässt sich" not in page
    english = site / "en" / "credentials" / "data-literacy-at-work" / "index.html"
    assert "Stand-alone: it does not stack with other credentials" in english.read_text("utf-8")


HOME_WORDS = {
    "en": "This catalogue lists",
    "de": "Dieser Katalog",
    "fr": "Ce catalogue",
    "it": "Questo catalogo",
    "es": "Este catálogo",
    "pt": "Este catálogo",
    "nl": "Deze catalogus",
}


GUIDE_LANGUAGES = {"de", "es", "fr", "it", "nl", "pt"}
"""The languages credcat has the guide "How to read a credential" in, besides English."""
GUIDE_HEADINGS = {
    "en": "How to read a credential",
    "de": "Einen Nachweis lesen",
    "fr": "Lire un microcertificat",
    "pt": "Como ler uma microcredencial",
    "nl": "Een microcredential lezen",
    "it": "Come leggere una microcredenziale",
    "es": "Cómo leer una microcredencial",
}
"""Words of each guide's first heading, in its language."""

INIT_LANGUAGES = ["en", "de", "fr,en", "de,en,fr", "pl,de", "it,en", "es,pt,nl"]
"""The catalogues built below: between them, every language credcat's interface speaks, and
one it does not."""


def test_the_catalogues_built_speak_every_interface_language() -> None:
    built = {lang for languages in INIT_LANGUAGES for lang in languages.split(",")}
    assert {"en", *catalogue_languages()} < built


@pytest.mark.parametrize("languages", INIT_LANGUAGES)
def test_a_new_catalogue_has_every_page_its_pages_link_to_in_its_languages(
    tmp_path: Path, languages: str
) -> None:
    """Every credential page links to the guide (what the levels mean) and the data page, and
    the templates' identity checks are anchors on the data page: init writes both pages. The
    home page and the navigation are in the catalogue's languages where init has words for
    them; a page in another language says so."""
    folder = init(
        tmp_path, "--languages", languages, "--base-url", "https://example.org/weiterbildung"
    )
    site = build_strict(folder)
    pages = sorted(site.rglob("*.html"))
    for page in pages:  # every link between the site's pages resolves
        html = page.read_text("utf-8")
        for href in re.findall(r'href="([^"#?:]+)(?:#[^"]*)?"', html):
            if href.startswith("/"):  # the 404 page's addresses, from the site's root
                href = str(site) + href.removeprefix("/weiterbildung")
            target = (page.parent / href).resolve()
            assert target.exists() or (target / "index.html").exists(), (page, href)
        # and so does every absolute link to the site (a permanent address, a QR code's):
        # the example credential is a draft, whose version has no permanent page
        for path in re.findall(r'href="https://example\.org/weiterbildung/([^"#?]*)', html):
            target = site / path
            assert target.is_file() or (target / "index.html").is_file(), (page, path)
    for anchor in re.findall(
        r'"https://example\.org/weiterbildung/data/#([^"]+)"',
        "".join(p.read_text("utf-8") for p in site.rglob("edc-template.json")),
    ):
        assert f'id="{anchor}"' in (site / "data" / "index.html").read_text("utf-8"), anchor
    default, *others = languages.split(",")
    home = (site / "index.html").read_text("utf-8")
    assert f'<html lang="{default}"' in home
    assert HOME_WORDS.get(default, HOME_WORDS["en"]) in home
    guide = (site / "how-to-read" / "index.html").read_text("utf-8")
    # in the default language where credcat has the guide in it, else English, marked so
    assert ('<div lang="en">' in guide) == (default not in GUIDE_LANGUAGES | {"en"})
    for lang in GUIDE_LANGUAGES & {default, *others}:
        path = site / ("" if lang == default else lang) / "how-to-read" / "index.html"
        html = path.read_text("utf-8")
        assert GUIDE_HEADINGS[lang] in html and '<div lang="en">' not in html, lang
        # the credential page of that language links it, as a page of its own language
        credential = path.parent.parent / "credentials" / "data-literacy-at-work" / "index.html"
        eqf = re.findall(
            r'<a href="([^"]*how-to-read/)#eqf"([^>]*)>(.*?)</a>', credential.read_text("utf-8")
        )
        assert [(attrs, text) for _, attrs, text in eqf] == [
            ("", ui_strings(lang)["fact_eqf_link"])
        ], (lang, eqf)
        assert (credential.parent / eqf[0][0]).resolve() == path.parent.resolve(), lang
    if "en" in others and default in GUIDE_LANGUAGES:  # the English guide beside it
        english_guide = (site / "en" / "how-to-read" / "index.html").read_text("utf-8")
        assert GUIDE_HEADINGS["en"] in english_guide
    for lang in others:
        page = (site / lang / "index.html").read_text("utf-8")
        assert HOME_WORDS[lang] in page, lang
        assert "credcat-fallback-note" not in page, lang
    # every language's home page leads where the default's does: the catalogue, the check
    # page, the guides; the home entry of each navigation is titled in its language
    linked = article_links(site, "")
    assert {"catalogue/", "check/", "how-to-read/", "data/"} <= linked, linked
    for lang in others:
        assert article_links(site, f"{lang}/") == linked, lang
    for lang in (default, *others):
        check = (site / ("" if lang == default else lang) / "check" / "index.html").read_text()
        home_entry = re.search(r'<a href="\.\./?" class="md-nav__link">\s*(.*?)</a>', check, re.S)
        assert home_entry is not None, lang
        title = NAV_TITLES.get(lang, NAV_TITLES["en"])["home"]
        assert re.sub(r"<[^>]+>|\s+", " ", home_entry[1]).strip() == title, lang
    # the permanent link beside each heading is titled in the page's language (credcat's
    # words: English on a Polish page, and said so), on the home page and on the English guide
    for lang in (default, *others):
        words = interface_language(lang)
        title = str(ui_strings(lang)["permalink_title"])
        assert (title == "Permanent link") == (words == "en"), lang  # a real translation
        for page in ("", "how-to-read/"):
            html = (site / ("" if lang == default else lang) / page / "index.html").read_text()
            said = {(t, said) for t, said, kind in said_in(html, "headerlink") if kind == "title"}
            assert said == {(title, words)}, (lang, page, said)
    # the data guide is English; where credcat has no reading guide in a page's language, its
    # pages link the default language's (English where credcat has none in that either): a
    # home page in another language says so where it links them ("(em espanhol)")
    fallback = default if default in GUIDE_LANGUAGES else "en"
    has_guide = (GUIDE_LANGUAGES | {"en"}) & {default, *others}
    for lang in (default, *others):
        html = (site / ("" if lang == default else lang) / "index.html").read_text()
        article = html.split('<article class="md-content__inner', 1)[1].split("</article>")[0]
        links = re.findall(r'<a href="((?:how-to-read|data)/)"([^>]*)>(.*?)</a>', article)
        assert len(links) == 2, (lang, links)
        written_in = lang if lang in NAV_TITLES else "en"
        if written_in not in GUIDE_LANGUAGES:
            links = [link for link in links if link[0] == "data/"] + [
                link for link in links if link[0] == "how-to-read/"
            ]
        else:
            guide_link = [link for link in links if link[0] == "how-to-read/"]
            assert guide_link and not guide_link[0][1], (lang, guide_link)  # its language's
            assert "credcat-link-lang" not in guide_link[0][2], (lang, guide_link)
            links = [link for link in links if link[0] == "data/"]
        for href, attrs, text in links:
            linked_in = "en" if href == "data/" else lang if lang in has_guide else fallback
            if written_in == linked_in:
                assert not attrs and "credcat-link-lang" not in text, (lang, text)
            else:
                name = cldr_locale(interface_language(lang)).languages[linked_in]
                note = localise.fill(str(ui_strings(lang)["link_in_language"]), language=name)
                assert attrs == f' hreflang="{linked_in}"', (lang, attrs)
                assert text.endswith(f' <span class="credcat-link-lang">{note}</span>'), text
    if default == "de":
        assert "Einen Nachweis lesen" in home and "How to read" not in home
    if default == "it":
        assert "Come leggere una microcredenziale" in home and "How to read" not in home


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--base-url", "ftp://example.org/"], "--base-url: "),
        (["--languages", "english"], "--languages: "),
        (["--title", "Two\nlines"], "--title must be one line"),
        (["--kind", "castle"], "--kind: "),
        (["--publisher", "Our Uni"], "--publisher 'Our Uni' is not an id"),
        (["--country", "XX"], "--country: "),
        (["--data-licence", "javascript:alert(1)"], "--data-licence: "),
    ],
)
def test_init_refuses_bad_options_and_writes_nothing(
    tmp_path: Path, options: list[str], message: str
) -> None:
    code, output = run("init", str(tmp_path / "c"), *options)
    assert code == 2
    assert output.startswith("credcat init: ") and message in output, output
    assert not (tmp_path / "c").exists()


def test_init_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.txt").write_text("mine", encoding="utf-8")
    code, output = run("init", str(tmp_path / "c"))
    assert code == 2
    assert "is not empty" in output
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["notes.txt"]


# --- credcat new ---------------------------------------------------------------------------

FILLED: dict[str, Any] = {
    "title": "SQL basics",
    "summary": "An online course for analysts who want answers from databases themselves.",
    "description": "Six weeks of exercises on a PostgreSQL database in the browser.",
    "awarding_body": "our-institution",
    "eqf": 5,
    "field": ["0613"],
    "ects": 2,
    "hours": 55,
    "duration": "6 weeks",
    "mode": "online",
    "setting": "non-formal",
    "outcomes.id": "write-queries",
    "text": "Write SQL queries that join, filter and group the data of several tables.",
    "assessments.id": "final-project",
    "assessments.type": "marked-assignment",
    "proves": ["write-queries"],
    "supervision": "unsupervised",
    "quality_assurance.type": "institutional-quality-assurance",
    "body": "our-institution",
    "prerequisites": "Confident use of spreadsheets.",
    "offerings.id": "2027-spring",
    "start": "2027-04-06",
    "end": "2027-05-18",
    "enrolment_url": "https://catalogue.example/enrol/sql-basics-2027",
    "amount": 0,
    "homepage": "https://catalogue.example/courses/sql-basics",
    "name": "Partner School",
    "short_name": "Partner",
    "kind": "vet-school",
    "country": "PT",
    "email": "info@partner.example",
}


def fill(value: Any, path: tuple[str, ...] = ()) -> Any:
    """What a maintainer does: replace every TODO(new) with a real value."""
    if isinstance(value, dict):
        if value and all(len(key) == 2 for key in value):  # a text in several languages
            return {lang: fill(text, path) for lang, text in value.items()}
        return {key: fill(item, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, path) for item in value]
    if isinstance(value, str) and value.startswith(NEW_PLACEHOLDER):
        lists = [
            p for p in path if p in {"outcomes", "assessments", "quality_assurance", "offerings"}
        ]
        key = f"{lists[-1]}.{path[-1]}" if lists else path[-1]
        return FILLED[key] if key in FILLED else FILLED[path[-1]]
    return value


def fill_file(path: Path) -> None:
    text = path.read_text("utf-8")
    modeline = text.splitlines()[0]
    data = fill(yaml.safe_load(text))
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(modeline + "\n" + dumped, encoding="utf-8")


def test_new_files_are_refused_until_filled_in_then_build(tmp_path: Path) -> None:
    folder = init(tmp_path, "--languages", "en,pt")
    catalogue = folder / "catalogue"
    assert run("new", "credential", "sql-basics", "--catalogue", str(catalogue))[0] == 0
    assert run("new", "organisation", "partner-school", "--catalogue", str(catalogue))[0] == 0
    credential = catalogue / "credentials" / "sql-basics.yaml"
    organisation = catalogue / "organisations" / "partner-school.yaml"

    text = credential.read_text("utf-8")
    data = yaml.safe_load(text)
    assert set(data["title"]) == {"en", "pt"}  # the catalogue's languages
    assert "enrolment_url" in data["offerings"][0]
    assert "https://" not in yaml.safe_dump(data)  # no value copied from another file

    _, problems = check_catalogue(catalogue, display_root=folder)
    refused = [p for p in problems if p.code == "new-placeholder"]
    assert refused and all(p.is_error for p in problems if p.code not in NOTED)
    assert {p.path for p in refused} == {
        "catalogue/credentials/sql-basics.yaml",
        "catalogue/organisations/partner-school.yaml",
    }
    lines = text.splitlines()
    for problem in refused:  # each points at a TODO(new) (or the mapping that holds some)
        if problem.path.endswith("sql-basics.yaml"):
            assert NEW_PLACEHOLDER in "\n".join(lines[problem.line - 1 : problem.line + 2])
    # a Portuguese placeholder marked '# translate' has its error, not a note besides
    marked = [n for n, line in enumerate(lines, 1) if line.endswith("# translate")]
    assert marked and all(NEW_PLACEHOLDER in lines[n - 1] for n in marked)
    noted = [p for p in problems if p.code == "to-translate" and p.path.endswith("sql-basics.yaml")]
    assert noted == []

    fill_file(credential)
    fill_file(organisation)
    _, problems = check_catalogue(catalogue, display_root=folder)
    assert [p.format() for p in problems if p.code not in NOTED] == []
    code, output = run("check", "--strict", str(catalogue))
    assert code == 0, output
    site = build_strict(folder)
    assert (site / "credentials" / "sql-basics" / "index.html").is_file()
    assert (site / "organisations" / "partner-school" / "index.html").is_file()
    assert run("verify-site", str(site), "--catalogue", str(catalogue))[0] == 0

    # both credentials are drafts: nothing at the permanent address of their versions, and
    # their specifications in catalogue.jsonld conform like the sample's
    assert [p for p in site.glob("credentials/*/*") if p.is_dir()] == []
    graph = to_graph(json.loads((site / "catalogue.jsonld").read_text("utf-8")))
    found = violations(graph, shapes(*EDC_SHAPES))
    assert found == [], "catalogue.jsonld: " + "\n".join(v.short() for v in found)

    # once active, the machine-readable files of their versions conform like the sample's
    for path in sorted((catalogue / "credentials").glob("*.yaml")):
        text = path.read_text("utf-8")
        assert text.count("status: draft") == 1, path
        path.write_text(text.replace("status: draft", "status: active"), "utf-8")
    site = build_strict(folder)
    elms = sorted(site.glob("credentials/*/*/elm.jsonld"))
    assert [elm.parent.parent.name for elm in elms] == ["data-literacy-at-work", "sql-basics"]
    for elm in elms:
        found = violations(to_graph(json.loads(elm.read_text("utf-8"))), shapes(*EDC_SHAPES))
        assert found == [], f"{elm}: " + "\n".join(v.short() for v in found)
    assert run("verify-site", str(site), "--catalogue", str(catalogue))[0] == 0


def test_an_organisations_name_is_a_name_not_a_text_to_translate(tmp_path: Path) -> None:
    """A German vocational school with an English page beside the German: ``credcat new
    organisation`` writes the name and short name in each language unmarked (a legal name is
    not translated: the file says to delete the languages it has none in), and an
    organisation whose name is German only leaves the English figure of ``credcat check`` as
    it was, without a warning: names count in no language."""
    folder = init(tmp_path, "--title", "Kurse der BBS Rheinau", "--languages", "de,en", *GIVEN)
    catalogue = folder / "catalogue"
    assert run("new", "organisation", "partner-school", "--catalogue", str(catalogue))[0] == 0
    written = (catalogue / "organisations" / "partner-school.yaml").read_text("utf-8")
    names = written.split("\nshort_name:", 1)[0].split("\nname:", 1)[1]
    assert "# translate" not in names and names.count(NEW_PLACEHOLDER) == 2
    assert "a name is not translated" in written
    (catalogue / "organisations" / "partner-school.yaml").unlink()

    def counts() -> tuple[str, list[str]]:
        code, output = run("check", "--strict", str(catalogue))
        assert code == 0, output
        lines = output.splitlines()
        return next(line for line in lines if line.startswith("translations: ")), [
            line for line in lines if ": warning: " in line or ": note: " in line
        ]

    before = counts()
    publisher = next((catalogue / "organisations").glob("*.yaml"))
    text = publisher.read_text("utf-8")
    assert '  en: "HTL Wels"\n' in text
    publisher.write_text(text.replace('  en: "HTL Wels"\n', ""), "utf-8")
    assert counts() == before


def test_new_refuses_an_existing_file_a_bad_id_and_a_missing_catalogue(tmp_path: Path) -> None:
    folder = init(tmp_path)
    catalogue = str(folder / "catalogue")
    code, output = run("new", "credential", "data-literacy-at-work", "--catalogue", catalogue)
    assert (code, "exists" in output) == (2, True)
    code, output = run("new", "organisation", "Partner_School", "--catalogue", catalogue)
    assert (code, "is not an id" in output) == (2, True)
    code, output = run("new", "credential", "x", "--catalogue", str(tmp_path / "nowhere"))
    assert (code, "catalogue.yaml not found" in output) == (2, True)


def test_a_copied_credential_is_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    source = root / "credentials" / "sql-for-data-analysis.yaml"
    copy = root / "credentials" / "sql-for-data-analysis-2.yaml"
    copy.write_text(source.read_text("utf-8"), encoding="utf-8")
    _, problems = check_catalogue(root, display_root=root)
    copied = [p for p in problems if p.code == "copied"]
    assert copied and all(not p.is_error for p in copied)
    assert {p.path for p in copied} == {"credentials/sql-for-data-analysis-2.yaml"}
    fields = {str(p.loc[0]) for p in copied}
    assert fields == {"summary", "offerings"}
    assert any("same enrolment URL" in p.message for p in copied)
    assert any("same id and dates" in p.message for p in copied)
    assert all("sql-for-data-analysis" in p.message for p in copied)
    # a copy whose name sorts first is still the copy: the original has released versions
    copy.rename(root / "credentials" / "analysis-with-sql.yaml")
    _, problems = check_catalogue(root, display_root=root)
    copied = [p for p in problems if p.code == "copied"]
    assert {p.path for p in copied} == {"credentials/analysis-with-sql.yaml"}
    assert all("sql-for-data-analysis" in p.message for p in copied)


# --- CI and pre-commit ---------------------------------------------------------------------


def _check_jsonschema(schema: str, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_ci_files_are_valid_workflows(tmp_path: Path) -> None:
    folder = init(tmp_path)
    github = folder / ".github" / "workflows" / "catalogue.yml"
    gitlab = folder / ".gitlab-ci.yml"
    for schema, file in (("vendor.github-workflows", github), ("vendor.gitlab-ci", gitlab)):
        result = _check_jsonschema(schema, file)
        assert result.returncode == 0, result.stdout + result.stderr
    # the schema is a real check: a job without runs-on fails it
    broken = tmp_path / "broken.yml"
    broken.write_text(github.read_text("utf-8").replace("runs-on:", "runs_on:"), "utf-8")
    assert _check_jsonschema("vendor.github-workflows", broken).returncode == 1

    workflow = yaml.safe_load(github.read_text("utf-8"))
    steps = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    assert "credcat check --strict --format github catalogue" in steps
    assert "mkdocs build --strict --site-dir site" in steps
    assert "credcat validate site" in steps  # the official shapes on the built site
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"
    # superseded pull-request runs are cancelled, never a run on main (its deployment)
    cancel = workflow["concurrency"]["cancel-in-progress"]
    assert cancel == "${{ github.ref != 'refs/heads/main' }}", cancel
    gitlab_ci = yaml.safe_load(gitlab.read_text("utf-8"))
    assert gitlab_ci["pages"]["artifacts"]["paths"] == ["public"]
    commands = [*steps, *gitlab_ci["pages"]["script"], *gitlab_ci["check"]["script"]]
    for command in commands:  # every credcat command line in them is one the CLI takes
        if command.startswith("credcat "):
            build_parser().parse_args(shlex.split(command)[1:])


def test_pre_commit_hook_and_config_match(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [h["id"] for h in hooks] == ["credcat-check"]
    hook = hooks[0]
    assert hook["entry"] == "credcat check --strict" and hook["pass_filenames"] is False
    build_parser().parse_args(shlex.split(hook["entry"])[1:])
    config = yaml.safe_load((init(tmp_path) / ".pre-commit-config.yaml").read_text("utf-8"))
    local = config["repos"][0]["hooks"][0]
    assert {k: local[k] for k in ("id", "entry", "files", "pass_filenames")} == {
        k: hook[k] for k in ("id", "entry", "files", "pass_filenames")
    }


def test_every_value_a_new_files_comment_offers_is_accepted(tmp_path: Path) -> None:
    """A comment such as ``# online, blended or on-site`` beside a key in the files ``init``
    writes lists the values a maintainer may choose: each of them must pass ``check`` (the
    learning setting once offered ``informal``, which the EU vocabulary does not have)."""
    folder = init(tmp_path)
    listed = re.compile(
        r"^(\s*)(\w+): (\S+)(\s+# )((?:[a-z-]+, )*[a-z-]+ or [a-z-]+)(?:  # example)?$"
    )
    offered = 0
    checked: set[tuple[str, str]] = set()
    for path in sorted((folder / "catalogue").glob("*/*.yaml")):
        original = path.read_text("utf-8")
        lines = original.splitlines()
        for number, line in enumerate(lines):
            match = listed.match(line)
            if match is None:
                continue
            checked.add((match.group(2), match.group(5)))
            *first, last = match.group(5).split(" or ")
            choices = [*", ".join(first).split(", "), last]
            for choice in choices:
                offered += 1
                changed = [*lines]
                changed[number] = f"{match.group(1)}{match.group(2)}: {choice}"
                path.write_text("\n".join(changed) + "\n", encoding="utf-8")
                _catalogue, problems = check_catalogue(folder / "catalogue")
                # the value itself refused (another rule may ask for more: a superseded
                # credential names its successor)
                refused = [p.format() for p in problems if f"'{choice}'" in p.message]
                assert refused == [], (path.name, match.group(2), refused)
            path.write_text(original, encoding="utf-8")
    assert offered >= 15  # mode, setting, kind of outcome, supervision, status, kind
    # the files `credcat new` writes offer the same lists
    for template in sorted((REPO / "plugins" / "credcat" / "scaffold").glob("*-new.yaml")):
        for line in template.read_text("utf-8").splitlines():
            match = listed.match(line)
            if match is not None:
                assert (match.group(2), match.group(5)) in checked, (template.name, line)


@pytest.mark.parametrize(
    ("country", "line"),
    [
        (
            "NL",
            "# nqf: NLQF Level 4                 # the level in your national framework "
            "(NLQF Level 1 … NLQF Level 8)",
        ),
        (
            "GB",
            "# nqf: RQF Level 4                  # the level in your national framework "
            "(RQF Level 1 … RQF Level 8, RQF Entry Level 3, "
            "SCQF Level 1 … SCQF Level 12, CQFW Level 1 … CQFW Level 8)",
        ),
    ],
)
def test_a_new_credential_gives_a_level_of_the_publishers_framework(
    tmp_path: Path, country: str, line: str
) -> None:
    """A Dutch school's new credential offered ``# nqf: DQR Level 6``, a German level, as its
    example: the publisher's own framework's, which ``check`` accepts once uncommented."""
    folder = init(tmp_path, "--country", country, "--languages", "nl,en")
    code, output = run("new", "credential", "welding", "--catalogue", str(folder / "catalogue"))
    assert code == 0, output
    path = folder / "catalogue" / "credentials" / "welding.yaml"
    lines = path.read_text("utf-8").splitlines()
    assert line in lines
    level = line.split("#")[1].removeprefix(" nqf: ").strip()
    _catalogue, problems = check_catalogue(folder / "catalogue")
    before = {p.format() for p in problems if p.field == "nqf"}
    lines[lines.index(line)] = f"nqf: {level}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _catalogue, problems = check_catalogue(folder / "catalogue")
    assert {p.format() for p in problems if p.field == "nqf"} == before == set()


def test_a_new_credential_says_what_leaving_out_prerequisites_publishes(tmp_path: Path) -> None:
    """'or delete this field' said nothing of what the page then tells learners ("None: open
    to everyone"): an MBO course whose prerequisites were deleted was published as open to
    everyone. The placeholder says it, in every language of the catalogue."""
    folder = init(tmp_path, "--languages", "nl,en")
    code, output = run("new", "credential", "welding", "--catalogue", str(folder / "catalogue"))
    assert code == 0, output
    data = yaml.safe_load((folder / "catalogue" / "credentials" / "welding.yaml").read_text())
    for lang in ("nl", "en"):
        assert "delete this field only if nothing is needed" in data["prerequisites"][lang]
        assert "the page then says: open to everyone" in data["prerequisites"][lang]


def test_every_example_a_new_files_comment_gives_is_accepted(tmp_path: Path) -> None:
    """A comment such as ``# e.g. marked-assignment, written-examination`` beside a key of
    the files ``credcat new`` writes gives codes a maintainer copies: each must pass ``check``
    (the assessment type once gave ``written-exam``, which the vocabulary calls
    ``written-examination``)."""
    folder = init(tmp_path)
    examples = re.compile(
        r"^(\s*(?:- )?)(\w+): TODO\(new\)\s+# (?:[^#]*?)e\.g\. "
        r"([a-z0-9-]+(?:, [a-z0-9-]+)*)(?:;.*)?$"
    )
    tried = 0
    for kind in ("credential", "organisation"):
        code, _output = run("new", kind, "tried", "--catalogue", str(folder / "catalogue"))
        assert code == 0
        path = folder / "catalogue" / f"{kind}s" / "tried.yaml"
        original = path.read_text("utf-8")
        lines = original.splitlines()
        for number, line in enumerate(lines):
            match = examples.match(line)
            if match is None:
                continue
            for choice in match.group(3).split(", "):
                tried += 1
                changed = [*lines]
                changed[number] = f"{match.group(1)}{match.group(2)}: {choice}"
                path.write_text("\n".join(changed) + "\n", encoding="utf-8")
                _catalogue, problems = check_catalogue(folder / "catalogue")
                refused = [p.format() for p in problems if f"'{choice}'" in p.message]
                assert refused == [], (kind, match.group(2), refused)
        path.unlink()
    assert tried >= 6  # ids, assessment and quality-assurance types, run ids


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (
            ["--languages", "english"],
            "--languages: unknown language 'english' (did you mean 'en'?)",
        ),
        (
            ["--languages", "en,Deutsch"],
            "--languages: unknown language 'Deutsch' (did you mean 'de'?)",
        ),
        (["--country", "Germany"], "--country: unknown country 'Germany' (did you mean 'DE'?)"),
        # a name in the institution's own language, as credcat check knows it in the files
        (
            ["--country", "Deutschland"],
            "--country: unknown country 'Deutschland' (did you mean 'DE'?)",
        ),
        (
            ["--languages", "de,Englisch"],
            "--languages: unknown language 'Englisch' (did you mean 'en'?)",
        ),
        (
            ["--languages", "fr,néerlandais"],
            "--languages: unknown language 'néerlandais' (did you mean 'nl'?)",
        ),
        (
            ["--data-licence", "CC BY"],
            "--data-licence: 'CC BY' is not the SPDX id of a licence credcat knows "
            "(write CC-BY-4.0)",
        ),
        (
            ["--kind", "Berufsschule"],
            "--kind: 'Berufsschule' is not one of university, vet-school, training-provider, "
            "ngo, company, public-authority, quality-agency, network, other (did you mean "
            "'vet-school'?)",
        ),
        (
            ["--kind", "universty"],
            "--kind: 'universty' is not one of university, vet-school, training-provider, ngo, "
            "company, public-authority, quality-agency, network, other (did you mean "
            "'university'?)",
        ),
    ],
)
def test_init_says_what_a_mistaken_option_meant(
    tmp_path: Path, options: list[str], said: str
) -> None:
    """A language or country written as a name, a kind mistyped: each said once, with the
    code meant."""
    code, output = run("init", str(tmp_path / "new"), *options)
    assert (code, output) == (2, f"credcat init: {said}\n")
    assert not (tmp_path / "new").exists()


def test_init_says_every_mistaken_option_at_once(tmp_path: Path) -> None:
    """The catalogue's options and the publisher's are checked together: a course designer
    who mistyped three of them reads the three in one go (the country was said only once the
    languages were right), and a mistaken --base-url is said once, not again for the
    homepage that was not given and defaults to it."""
    code, output = run(
        "init",
        str(tmp_path / "new"),
        *("--languages", "de,Englisch", "--country", "Deutschland"),
        *("--kind", "universty", "--base-url", "ftp://bbs.example/"),
    )
    assert code == 2
    assert output == (
        "credcat init: --base-url: 'ftp://bbs.example/' is not an allowed http(s) address; "
        "--languages: unknown language 'Englisch' (did you mean 'en'?); --kind: 'universty' is "
        "not one of university, vet-school, training-provider, ngo, company, public-authority, "
        "quality-agency, network, other (did you mean 'university'?); --country: unknown "
        "country 'Deutschland' (did you mean 'DE'?)\n"
    )
    assert not (tmp_path / "new").exists()


def test_init_keeps_the_titles_as_written_quotes_included(tmp_path: Path) -> None:
    title, name = 'Kurse der "Hochschule"', 'Die "Hochschule" am See'
    folder = init(tmp_path, "--title", title, *GIVEN, "--publisher-name", name)
    catalogue, problems = check_catalogue(folder / "catalogue")
    assert catalogue is not None and [p.format() for p in problems] == []
    assert catalogue.settings.title == {"en": title}
    assert [org.name for org in catalogue.organisations.values()] == [{"en": name}]


@pytest.mark.parametrize("title", ["Lernen @home@ – Kurse", "Kurse für @version@ Leute"])
def test_init_writes_a_title_with_at_signs_as_it_is(tmp_path: Path, title: str) -> None:
    """The files' placeholders look like ``@version@``: a title holding such a word is not a
    placeholder (it crashed ``init``, or became credcat's version)."""
    folder = init(tmp_path, "--title", title, *GIVEN)
    catalogue, problems = check_catalogue(folder / "catalogue")
    assert catalogue is not None and [p.format() for p in problems] == []
    assert catalogue.settings.title == {"en": title}
    assert title in (folder / "docs" / "index.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("languages", "title", "marked"),
    [
        ("de", {"de": "Datenkompetenz im Beruf"}, set()),
        ("fr,en", {"fr": "Culture des données au travail", "en": "Data literacy at work"}, set()),
        ("de,en,fr", {"de": "Datenkompetenz im Beruf", "en": "Data literacy at work"}, set()),
        ("pl,de", {"pl": "Data literacy at work", "de": "Datenkompetenz im Beruf"}, {"pl"}),
        (
            "it,en",
            {"it": "Alfabetizzazione ai dati sul lavoro", "en": "Data literacy at work"},
            set(),
        ),
        (
            "nl,pt",
            {"nl": "Datageletterdheid op het werk", "pt": "Literacia de dados no trabalho"},
            set(),
        ),
    ],
)
def test_the_example_credential_is_written_in_the_catalogues_languages(
    tmp_path: Path, languages: str, title: dict[str, str], marked: set[str]
) -> None:
    """The example's texts are English: a German or French catalogue gets them in its
    language, and only a language credcat has no words in gets the English text, marked
    '# translate' (a French catalogue's 'fr:' held the English text before, unmarked)."""
    folder = init(tmp_path, "--languages", languages)
    path = folder / "catalogue" / "credentials" / "data-literacy-at-work.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    found = data["title"] if isinstance(data["title"], dict) else {languages: data["title"]}
    assert {lang: found[lang] for lang in title} == title
    outcome = data["outcomes"][0]["text"]
    texts = outcome if isinstance(outcome, dict) else {languages: outcome}
    english = "Check the source, date and definition behind a figure in a report before using it."
    assert {lang for lang, text in texts.items() if text == english} == marked | (
        {"en"} if "en" in texts else set()
    )
    lines = path.read_text("utf-8").splitlines()
    said = {line.strip().split(":")[0] for line in lines if line.endswith("# translate")}
    assert said == marked
    catalogue, problems = check_catalogue(folder / "catalogue")
    assert (
        catalogue is not None and [p.format() for p in problems if p.is_error or p.is_warning] == []
    )
    # each text still marked is a note, which fails no strict check, and no other note (but
    # the values init chose as examples)
    assert {p.code for p in problems} <= NOTED
    assert {str(p.loc[-1]) for p in problems if p.path.endswith(path.name)} == marked


@pytest.mark.parametrize(
    ("languages", "title", "marked"),
    [
        (
            "it,nl,en",
            {
                "it": "Catalogo delle microcredenziali",
                "nl": "Catalogus van microcredentials",
                "en": "Micro-credential catalogue",
            },
            set(),
        ),
        ("nl,it", {"nl": "Catalogus van microcredentials", "it": DEFAULT_TITLES["it"]}, set()),
        ("pl,de", {"pl": "Micro-credential catalogue", "de": DEFAULT_TITLES["de"]}, {"pl"}),
    ],
)
def test_the_default_title_is_written_in_the_catalogues_languages(
    tmp_path: Path, languages: str, title: dict[str, str], marked: set[str]
) -> None:
    """Without --title, an Italian or Dutch catalogue was titled "Micro-credential catalogue"
    in every language, its default language's text unmarked (so counted as translated) and
    the home page's heading and the site's name English. The default title is written in each
    language credcat speaks; another gets the English title marked '# translate'."""
    folder = init(tmp_path, "--languages", languages)
    path = folder / "catalogue" / "catalogue.yaml"
    assert yaml.safe_load(path.read_text("utf-8"))["title"] == title
    lines = path.read_text("utf-8").splitlines()
    assert {line.strip().split(":")[0] for line in lines if line.endswith("# translate")} == marked
    default = title[languages.split(",")[0]]
    home = (folder / "docs" / "index.md").read_text("utf-8")
    assert re.search(rf"^# {re.escape(default)}( {{: lang=|$)", home, re.MULTILINE)
    assert f"site_name: {json.dumps(default)}" in (folder / "mkdocs.yml").read_text("utf-8")


def test_texts_marked_translate_are_notes_and_count_as_untranslated(tmp_path: Path) -> None:
    """`init` writes the title once, and into the other languages marked '# translate': check
    names it as a note (a strict check still passes) and the translation counts, which count
    it, leave it out (they read '100%' before; then they took it off the credentials' count,
    which did not hold it). The publisher's name is its legal name, written the same in
    each language, not marked, and not counted: a name is not translated."""
    folder = init(tmp_path, "--title", "Microcertificats de Wavre", "--languages", "fr,nl", *GIVEN)
    code, output = run("check", "--strict", str(folder / "catalogue"))
    assert code == 0, output
    lines = output.splitlines()
    notes = [line for line in lines if ": note: " in line]
    assert len(notes) == 1 and all("the nl text is marked '# translate'" in n for n in notes)
    # the counted texts: the example credential's seven and the catalogue's title; the
    # marked one is not translated yet
    assert "translations: fr 100% (8/8), nl 87% (7/8)" in lines
    assert lines[-1].startswith("OK: ") and ", 1 note in " in lines[-1]
    settings = folder / "catalogue" / "catalogue.yaml"
    text = settings.read_text("utf-8")
    settings.write_text(
        text.replace('nl: "Microcertificats de Wavre"  # translate', 'nl: "Microcredentials"'),
        "utf-8",
    )
    code, output = run("check", "--strict", str(folder / "catalogue"))
    assert "translations: fr 100% (8/8), nl 100% (8/8)" in output.splitlines()


def test_the_values_init_chose_are_noted_until_replaced(tmp_path: Path) -> None:
    """Without --base-url, --publisher-name, --homepage, --kind and --country, init writes
    examples (Our institution, a university in Belgium, at catalogue.example, whose website
    is the catalogue's address), marked '# example': credcat check notes each, so a school
    does not publish "(Belgium)" unaware; a note fails no strict check, so the new catalogue
    still builds. Given, they are not marked."""
    assert main(["init", str(tmp_path / "a"), "--title", "A"], out=io.StringIO()) == 0
    _, problems = check_catalogue(tmp_path / "a" / "catalogue")
    noted = sorted((p.field, p.severity.value) for p in problems if p.code == "example-value")
    assert noted == [
        ("base_uri", "note"),
        ("country", "note"),
        ("data_licence", "note"),
        ("homepage", "note"),
        ("kind", "note"),
        ("name", "note"),
    ]
    assert all(not p.is_error and not p.is_warning for p in problems)
    org = tmp_path / "a" / "catalogue" / "organisations" / "our-institution.yaml"
    assert yaml.safe_load(org.read_text("utf-8"))["homepage"] == "https://catalogue.example/"
    given = ["init", str(tmp_path / "b"), "--title", "B", "--kind", "vet-school"]
    given += ["--country", "CZ", "--base-url", "https://kurse.spš.example/"]
    given += ["--publisher-name", "SPŠ Brno", "--homepage", "https://www.sps.example/"]
    given += ["--data-licence", "cc0-1.0"]
    assert main(given, out=io.StringIO()) == 0
    org = tmp_path / "b" / "catalogue" / "organisations" / "our-institution.yaml"
    for path in (org, tmp_path / "b" / "catalogue" / "catalogue.yaml"):
        assert "# example" not in path.read_text("utf-8")
    written = yaml.safe_load(org.read_text("utf-8"))
    assert (written["country"], written["name"], written["homepage"]) == (
        "CZ",
        "SPŠ Brno",
        "https://www.sps.example/",
    )
    settings = yaml.safe_load((tmp_path / "b" / "catalogue" / "catalogue.yaml").read_text("utf-8"))
    assert settings["data_licence"] == "CC0-1.0"  # the licence's own id
    _, problems = check_catalogue(tmp_path / "b" / "catalogue")
    assert [p for p in problems if p.code == "example-value"] == []


def test_the_homepage_init_writes_is_an_example_even_with_the_catalogues_address_given(
    tmp_path: Path,
) -> None:
    """The catalogue's address is seldom the institution's website: without --homepage, the
    publisher's homepage is the catalogue's address marked '# example', in every language's
    layout; a name written in several languages has its mark on the first language's line."""
    given = ("--base-url", "https://learn.alpha.example/", "--kind", "ngo", "--country", "AT")
    folder = init(tmp_path, "--languages", "de,en", *given, "--data-licence", "CC-BY-4.0")
    org = folder / "catalogue" / "organisations" / "our-institution.yaml"
    lines = org.read_text("utf-8").splitlines()
    homepage = next(i for i, line in enumerate(lines, 1) if line.startswith("homepage:"))
    assert lines[homepage - 1].startswith("homepage: https://learn.alpha.example/ ")
    _, problems = check_catalogue(folder / "catalogue")
    noted = [(p.path, p.line, p.field) for p in problems if p.code == "example-value"]
    name = lines.index('  de: "Our institution"  # example') + 1
    assert noted == [(str(org), name, "name.de"), (str(org), homepage, "homepage")]


def test_init_refuses_an_http_base_url_and_says_to_use_https(tmp_path: Path) -> None:
    """The site's address becomes every permanent identifier, fixed for good at the first
    release, and credcat check warns about an http:// one (a new catalogue checks strictly):
    init refuses it, as it refuses a bad option, with the https:// address to give, and
    writes nothing."""
    folder = tmp_path / "new-catalogue"
    code, output = run("init", str(folder), "--base-url", "http://example.org")
    assert code == 2 and "Traceback" not in output
    assert output.startswith("credcat init: --base-url http://example.org/ is an http:// ")
    assert output.rstrip().endswith("give https://example.org/")
    assert not folder.exists()
    assert init(tmp_path / "s", "--base-url", "https://example.org").is_dir()


def test_the_publishers_name_is_not_a_text_to_translate_and_its_comments_line_up(
    tmp_path: Path,
) -> None:
    """The publisher's name is its legal name in each language it officially has: init writes
    the name given in every language, not marked '# translate'. The comments beside its
    values start in one column whatever their length, and each value says one thing beside
    it: the homepage, an example, only '# example'."""
    folder = init(tmp_path, "--languages", "sl,en", "--publisher-name", "Šolski center Celje")
    org = folder / "catalogue" / "organisations" / "our-institution.yaml"
    lines = org.read_text("utf-8").splitlines()
    start = lines.index("name:")
    assert lines[start + 1 : start + 3] == [
        '  sl: "Šolski center Celje"',
        '  en: "Šolski center Celje"',
    ]
    _, problems = check_catalogue(folder / "catalogue")
    assert [p.field for p in problems if p.path == str(org) and p.code == "to-translate"] == []
    values = [line for line in lines if re.match(r"^(kind|country|homepage): ", line)]
    assert len(values) == 3
    assert len({line.index("#") for line in values}) == 1, values
    assert values[-1].startswith("homepage: https://catalogue.example/ ")
    assert values[-1].endswith("  # example") and values[-1].count("#") == 1, values[-1]
    long = init(tmp_path / "long", "--homepage", "https://www.very-long-name.example.si/sl/home/")
    org = long / "catalogue" / "organisations" / "our-institution.yaml"
    values = [line for line in org.read_text("utf-8").splitlines() if "  # " in line]
    assert len({line.index("#") for line in values}) == 1, values


def test_release_waits_for_the_values_init_wrote_as_examples(tmp_path: Path) -> None:
    """A release records base_uri for good, and its files name the publisher and the data
    licence: while catalogue.yaml or an organisation holds a value marked '# example' (the
    licence too: the institution's decision, which init cannot make), credcat release lists
    them (file, line, field, fix) and writes nothing; once replaced, it releases."""
    folder = init(tmp_path, "--kind", "vet-school", "--country", "AT")
    catalogue = folder / "catalogue"
    _offer_example(catalogue)
    code, output = run("release", EXAMPLE_CREDENTIAL, str(catalogue))
    assert code == 1 and "Traceback" not in output
    settings = catalogue / "catalogue.yaml"
    org = catalogue / "organisations" / "our-institution.yaml"
    assert [line.split(": note: ")[0].rsplit(":", 1)[0] for line in output.splitlines()[:4]] == [
        f"{settings}:{_line(settings, 'base_uri:')}",
        f"{settings}:{_line(settings, 'data_licence:')}",
        f"{org}:{_line(org, 'name:')}",
        f"{org}:{_line(org, 'homepage:')}",
    ]
    assert output.count("(write your own, then delete '# example')") == 4
    assert "a release records base_uri for good" in output.splitlines()[-1]
    assert not (catalogue / "versions").exists()
    for path, old, new in (
        (settings, "https://catalogue.example/  # example", "https://kurse.example.at/"),
        (settings, "CC-BY-4.0  # example", "CC0-1.0"),
        (org, '"Our institution"  # example', '"HTL Wels"'),
        (org, "https://catalogue.example/", "https://www.htl.example.at/"),
    ):
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    org.write_text(org.read_text("utf-8").replace("  # example", ""), "utf-8")
    code, output = run("release", EXAMPLE_CREDENTIAL, str(catalogue))
    assert code == 0, output
    assert (catalogue / "versions" / EXAMPLE_CREDENTIAL / "1.0.yaml").is_file()


@pytest.mark.parametrize(
    ("left", "reason"),
    [
        ("--homepage", "its files name the organisations"),
        ("--data-licence", "publish the data licence (your institution's decision)"),
        ("--base-url", "a release records base_uri for good"),
    ],
)
def test_the_release_waits_for_an_example_value_with_that_values_reason(
    tmp_path: Path, left: str, reason: str
) -> None:
    """Every option of init given but one: credcat release waits for that one value (the
    homepage init made from --base-url, the licence it chose, or the address it made up), and
    says why for it alone, not for the values given."""
    given = dict(zip(GIVEN[::2], GIVEN[1::2], strict=True))
    folder = init(tmp_path, *(x for option in given.items() if option[0] != left for x in option))
    catalogue = folder / "catalogue"
    _offer_example(catalogue)
    code, output = run("release", EXAMPLE_CREDENTIAL, str(catalogue))
    assert code == 1 and "Traceback" not in output
    *listed, said = output.splitlines()
    assert len(listed) == 1 and "(write your own, then delete '# example')" in listed[0], output
    reasons = [
        "a release records base_uri for good",
        "publish the data licence (your institution's decision)",
        "its files name the organisations",
    ]
    assert [r for r in reasons if r in said] == [reason], said
    assert said.endswith("write your own value first, then delete '# example'"), said
    assert not (catalogue / "versions").exists()


def test_release_waits_for_texts_marked_translate_and_says_its_warnings(tmp_path: Path) -> None:
    """Slovenian first: init writes the example's Slovenian texts in English, marked
    '# translate'. A release keeps every text for good, so while the credential's own file
    holds one, credcat release lists each (file:line:column, fix) and writes nothing, as for
    '# example' values. Its file's warnings (a tag shown as text, a missing Slovenian text)
    refuse nothing: they are printed as credcat check prints them, before the release."""
    folder = init(tmp_path, "--languages", "sl,en", *GIVEN)
    catalogue = folder / "catalogue"
    example, text = _offer_example(catalogue)
    marked = [i for i, line in enumerate(text.splitlines(), 1) if line.endswith("# translate")]
    assert len(marked) == 7
    code, output = run("release", EXAMPLE_CREDENTIAL, str(catalogue))
    assert code == 1 and "Traceback" not in output
    *listed, reason = output.splitlines()
    assert [line.split(": note: ")[0].rsplit(":", 1)[0] for line in listed] == [
        f"{example}:{line}" for line in marked
    ]
    assert all(line.endswith("(translate it, then delete '# translate')") for line in listed)
    assert reason.startswith("credcat release: nothing released: ")
    assert "marked '# translate'" in reason and "delete '# translate'" in reason
    assert not (catalogue / "versions").exists()
    # translated (here: the mark deleted), but a tag in the English title and no Slovenian
    # summary: released, with both warnings said first, as credcat check says them
    lines = [line.removesuffix("  # translate") for line in text.splitlines()]
    summary = next(i for i, line in enumerate(lines) if line.startswith('  sl: "A short'))
    del lines[summary]
    lines = [line.replace('en: "Data literacy', 'en: "Data <b>literacy</b>') for line in lines]
    example.write_text("\n".join(lines) + "\n", "utf-8")
    _, problems = check_catalogue(catalogue)
    warned = [p.format() for p in problems if p.is_warning]
    assert len(warned) == 2 and all(str(example) in line for line in warned)
    code, output = run("release", EXAMPLE_CREDENTIAL, str(catalogue))
    assert code == 0, output
    said = output.splitlines()
    assert said[:2] == warned
    assert said[2].startswith(f"released {EXAMPLE_CREDENTIAL}: wrote ")
    assert (catalogue / "versions" / EXAMPLE_CREDENTIAL / "1.0.yaml").is_file()


def _offer_example(catalogue: Path) -> tuple[Path, str]:
    """Make the example credential ``init`` wrote active (a draft is not released): its file
    and the file's new text."""
    example = catalogue / "credentials" / f"{EXAMPLE_CREDENTIAL}.yaml"
    text = example.read_text("utf-8").replace("status: draft", "status: active")
    example.write_text(text, "utf-8")
    return example, text


def _line(path: Path, start: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


@pytest.mark.parametrize(
    ("languages", "marked"),
    [
        ("cs,en", {"index.html": "cs", "en/index.html": "cs"}),  # no Czech home: English
        ("en,de", {"index.html": None, "de/index.html": "en"}),
        ("de,en", {"index.html": None, "en/index.html": "de"}),
    ],
)
def test_a_home_pages_heading_says_the_language_of_the_catalogues_title(
    tmp_path: Path, languages: str, marked: dict[str, str | None]
) -> None:
    """The catalogue's title heads every home page init writes; it is in the default language,
    so a home page written in another language marks it (the Czech title on the English home
    page a Czech catalogue gets, and on its English translation)."""
    folder = init(tmp_path, "--title", "Mikrocertifikáty SPŠ", "--languages", languages, *GIVEN)
    site = build_strict(folder)
    for page, lang in marked.items():
        heading = re.search(r"<h1[^>]*>", (site / page).read_text("utf-8"))
        assert heading is not None, page
        said = re.search(r'lang="([^"]+)"', heading.group(0))
        assert (said.group(1) if said else None) == lang, (page, heading.group(0))


def test_the_translation_counts_of_a_czech_catalogue_count_what_is_czech(tmp_path: Path) -> None:
    """Czech by default, English beside it: init has no Czech example texts, so it writes the
    English ones marked '# translate' under cs; the counts say Czech is barely started
    (its title, given in Czech) and English lacks the title (the publisher's legal name is
    a name, not a text to translate: not counted)."""
    folder = init(tmp_path, "--title", "Mikrocertifikáty SPŠ", "--languages", "cs,en", *GIVEN)
    code, output = run("check", str(folder / "catalogue"))
    assert code == 0, output
    assert "translations: cs 12% (1/8), en 87% (7/8)" in output.splitlines()


def test_a_catalogue_init_titles_itself_is_titled_in_each_of_its_languages(
    tmp_path: Path,
) -> None:
    """Without --title, a Spanish catalogue read "Micro-credential catalogue" in its header,
    on its home page and on every summary for employers, and its English title was marked
    '# translate'. Each language credcat speaks gets the title in its words, each home page
    its own; a language credcat has no words in gets the English, marked."""
    folder = init(tmp_path, "--languages", "es,pt,en,pl")
    catalogue, _ = check_catalogue(folder / "catalogue")
    assert catalogue is not None
    assert catalogue.settings.title == {
        "es": "Catálogo de microcredenciales",
        "pt": "Catálogo de microcredenciais",
        "en": "Micro-credential catalogue",
        "pl": "Micro-credential catalogue",
    }
    settings = (folder / "catalogue" / "catalogue.yaml").read_text("utf-8")
    assert [line.strip() for line in settings.splitlines() if "# translate" in line] == [
        'pl: "Micro-credential catalogue"  # translate'
    ]
    docs = folder / "docs"
    headings = {path.name: path.read_text("utf-8").splitlines()[0] for path in docs.glob("index*")}
    assert headings == {
        "index.md": "# Catálogo de microcredenciales",
        "index.pt.md": "# Catálogo de microcredenciais",
        "index.en.md": "# Micro-credential catalogue",
    }
    mkdocs = (folder / "mkdocs.yml").read_text("utf-8")
    assert 'site_name: "Catálogo de microcredenciales"' in mkdocs
