"""A credential's main page and its current version's permanent page share one body per
language (issue 9: :func:`credcat.render.site.credential.shared_context`): the pages are the
bytes of pages rendered each on its own, where they share it, where they do not, and whatever
a catalogue text holds."""

from __future__ import annotations

import filecmp
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import credcat.mkdocs_plugin
from catalogue_factory import without_recorded_names
from credcat.render.site.credential import LINK_ROOT, PARTS, fill, shares_main_body, unfilled
from credcat.render.site.pages import Pages
from credcat.urls import Urls
from credcat.validate import load_catalogue
from test_site_build import make_project

REPO = Path(__file__).resolve().parent.parent

LOOKALIKE = (
    "credcat-shared-0123456789abcdef0123456789abcdef/ credcat-shared- "
    "credcat-shared-0123456789abcdef0123456789abcdef-version_box ../../ {{ credcat_parts }}"
)
"""What a catalogue text could hold of a placeholder: its fixed words, a token of its shape,
a part's name, the links' ``../`` and the template's name for the parts."""


def _catalogue(root: Path) -> Path:
    """The sample catalogue, and pages of every kind of sharing: an organisation renamed in
    English since the versions naming it were released (their pages in English name it as
    then, ", now …": no shared body in English; in German and French they share), a current
    version released before release records held names (its pages say so: none shared), a
    current version whose record leaves out one organisation's name (edited by hand: its pages
    say that one is shown under today's name; none shared), and a new credential whose
    summary and description hold :data:`LOOKALIKE` (shared)."""
    catalogue = root / "catalogue"
    shutil.copytree(REPO / "catalogue", catalogue)
    org = catalogue / "organisations" / "qualitas-agentur.yaml"
    text = org.read_text("utf-8")
    old = "  en: Qualitas – Agency for Accreditation and Quality Assurance\n"
    assert old in text
    org.write_text(text.replace(old, "  en: Qualitas – Accreditation Agency\n"), "utf-8")
    without_recorded_names(catalogue / "versions" / "cybersecurity-basics-smes" / "1.0.yaml")
    record = catalogue / "versions" / "network-cabling-technician" / "1.0.yaml"
    lines = record.read_text("utf-8").splitlines(keepends=True)
    left_out = [line for line in lines if line.startswith("    agencia-qualidade-formacao: ")]
    assert len(left_out) == 1
    record.write_text("".join(line for line in lines if line not in left_out), "utf-8")
    source = (catalogue / "credentials" / "web-accessibility-testing.yaml").read_text("utf-8")
    for start in ("    A seven-week blended course", "    Since June 2025"):
        assert start in source
        source = source.replace(start, f"    {LOOKALIKE} {start.strip()}", 1)
    (catalogue / "credentials" / "placeholder-texts.yaml").write_text(source, "utf-8")
    return catalogue


def _build(project: Path, site: Path) -> None:
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))


def test_shared_bodies_give_the_pages_rendered_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "project", _catalogue(tmp_path)).parent
    monkeypatch.setenv("CREDCAT_JOBS", "1")  # the calls below are counted in this process
    shared: dict[tuple[str, str], bool] = {}
    made = credcat.mkdocs_plugin.shared_context

    def counted(site: Any, live: Any) -> Any:
        context = made(site, live)
        shared[(site.lang, live.id)] = context is not None
        return context

    monkeypatch.setattr(credcat.mkdocs_plugin, "shared_context", counted)
    _build(project, tmp_path / "shared")
    monkeypatch.setattr(credcat.mkdocs_plugin, "shared_context", lambda site, live: None)
    _build(project, tmp_path / "alone")

    files = sorted(
        p.relative_to(tmp_path / "alone").as_posix()
        for p in (tmp_path / "alone").rglob("*")
        if p.is_file()
    )
    others = sorted(
        p.relative_to(tmp_path / "shared").as_posix()
        for p in (tmp_path / "shared").rglob("*")
        if p.is_file()
    )
    assert files == others
    different = [
        name
        for name in files
        if not filecmp.cmp(tmp_path / "alone" / name, tmp_path / "shared" / name, shallow=False)
    ]
    assert different == []
    # every page of every kind: where the pages share a body, where they do not
    assert shared[("en", "placeholder-texts")] and shared[("fr", "placeholder-texts")]
    assert shared[("de", "applied-data-analytics")]
    assert not shared[("en", "applied-data-analytics")]  # Qualitas, now … (in English)
    assert not shared[("de", "cybersecurity-basics-smes")]  # named as they are today
    assert not shared[("de", "network-cabling-technician")]  # one named as it is today
    assert sum(shared.values()) > len(shared) // 2

    # the look-alike texts are on both pages as written (in English: the summary and
    # description of the other languages are the copied ones)
    for page in ("", "1.0/"):
        html = tmp_path / "shared" / "credentials" / "placeholder-texts" / page / "index.html"
        text = html.read_text("utf-8")
        assert text.count(LOOKALIKE) >= 2  # summary and description


def test_fill_puts_each_page_s_links_and_parts_in() -> None:
    html = f'<a href="{LINK_ROOT}check/">x</a>{PARTS["version_box"]}'
    parts = dict.fromkeys(PARTS, "")
    parts["version_box"] = "<p>box</p>"
    assert (
        fill(html, "de/credentials/x/1.0/", parts) == '<a href="../../../../check/">x</a><p>box</p>'
    )
    assert fill(html, "credentials/x/", parts) == '<a href="../../check/">x</a><p>box</p>'


def test_a_placeholder_left_is_an_error_not_a_page() -> None:
    html = f"{PARTS['version_box']}{LINK_ROOT.removesuffix('/')}-another-part"
    with pytest.raises(RuntimeError, match="not filled in"):
        fill(html, "credentials/x/", dict.fromkeys(PARTS, ""))


def test_the_placeholder_is_drawn_anew_by_every_process() -> None:
    """No catalogue text can be written to hold it: it is drawn when credcat is imported."""
    code = "from credcat.render.site.credential import LINK_ROOT; print(LINK_ROOT)"
    drawn = {
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(drawn) == 2
    assert LINK_ROOT not in drawn


def test_a_version_page_showing_other_content_shares_no_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The version as its page shows it is compared with the file itself: where they differ
    (a release's content the checks let through), each page renders its own body."""
    import credcat.render.site.credential as credential_module

    cat = load_catalogue(REPO / "catalogue")
    site = Pages(cat, Urls.of(cat.settings)).site
    live = cat.credentials["web-accessibility-testing"]
    assert shares_main_body(site, live)
    as_released = credential_module.credential_at

    def retitled(catalogue: Any, cid: str, version: str) -> Any:
        found = as_released(catalogue, cid, version)
        return found.model_copy(update={"title": {"en": "Another title"}})

    monkeypatch.setattr(credential_module, "credential_at", retitled)
    assert not shares_main_body(site, live)


def test_a_site_s_own_credential_body_is_rendered_for_each_page(tmp_path: Path) -> None:
    """A template of the body in the site's ``custom_dir`` may show anything of a page (here
    the version notice inline, as credcat's template did before it had parts): each page
    renders it with its own context."""
    config = make_project(
        tmp_path / "project",
        templates={
            "credcat/body/credential.html": (
                '<div><p class="own">{{ credcat.version.text }}</p>'
                '<a class="own" href="{{ credcat.links.check }}">check</a></div>\n'
            )
        },
    )
    _build(config.parent, tmp_path / "site")
    page = tmp_path / "site" / "credentials" / "intro-databases"
    main = (page / "index.html").read_text("utf-8")
    version = (page / "1.0" / "index.html").read_text("utf-8")
    assert '<p class="own">Version 1.0' in main
    assert '<a class="own" href="../../check/">' in main
    assert '<p class="own">You are viewing version 1.0 (current)' in version
    assert '<a class="own" href="../../../check/">' in version


def test_a_site_s_own_credential_page_template_gets_each_page_s_links(tmp_path: Path) -> None:
    """The page template of a credential page (``credcat/credential.html``, which the
    maintainers' guide tells a site how to replace) reads the page's context, shared fields
    too: a site's own one that shows a link of them (here the awarding body's, in the head)
    builds, with the link from each page (the shared context's links hold a placeholder,
    which only the shared body is filled in from)."""
    config = make_project(
        tmp_path / "project",
        templates={
            "credcat/credential.html": (
                '{% extends "credcat/page.html" %}\n{% block extrahead %}{{ super() }}'
                '<link rel="author" href="{{ credcat.employers.awarded[0].href }}">'
                "{% endblock %}\n"
            )
        },
    )
    _build(config.parent, tmp_path / "site")
    page = tmp_path / "site" / "credentials" / "intro-databases"
    main = (page / "index.html").read_text("utf-8")
    version = (page / "1.0" / "index.html").read_text("utf-8")
    assert '<link rel="author" href="../../organisations/' in main
    assert '<link rel="author" href="../../../organisations/' in version


def test_a_site_s_own_partial_showing_a_shared_link_is_told_where_to_show_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A partial of the site's own (here Material's ``partials/copyright.html``) that shows a
    link of the credential page's context, which the main page and the current version's
    page share with a placeholder for the way to the root: the build stops with what to do
    instead (no page is written with the placeholder in it)."""
    config = make_project(
        tmp_path / "project",
        templates={
            "partials/copyright.html": (
                "{% if credcat and credcat.employers %}"
                '<a href="{{ credcat.employers.awarded[0].href }}">awarded by</a>'
                "{% endif %}\n"
            )
        },
    )
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build(config.parent, tmp_path / "site")
    said = caplog.text
    assert "a template in the site's custom_dir shows a link of the credential page" in said
    assert "override of credcat/credential.html" in said
    assert not any(unfilled(p.read_text("utf-8")) for p in (tmp_path / "site").rglob("*.html"))
