"""``mkdocs serve`` with a broken catalogue: the last valid site with the problems above every
page (a page of the problems while nothing was valid yet), not a hung reload; the panel is
never kept for a later build.

The plugin's hooks are driven the way ``mkdocs serve`` drives them (``on_startup`` with
``serve``, then ``build`` with a ``serve_url`` for every rebuild, the plugin instance kept), and
once through a real ``mkdocs serve`` on 127.0.0.1, bounded in time.
"""

from __future__ import annotations

import dataclasses
import html
import io
import logging
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from credcat.errors import Problem, Severity
from credcat.mkdocs_plugin import CredcatPlugin
from credcat.render.site.problems import (
    PANEL_LISTED,
    PANEL_SCRIPT,
    problems_key,
    problems_page,
    problems_panel,
    with_panel,
)
from test_site_build import make_project

SERVE_URL = "http://127.0.0.1:8000/"
CREDENTIAL = "intro-databases"
BROKEN_MODE = "mode: <b>onlin</b>\n"


def _load(config: Path, tmp_path: Path) -> MkDocsConfig:
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    cfg.site_url = SERVE_URL
    return cfg


def _plugin(cfg: MkDocsConfig) -> CredcatPlugin:
    plugin = cfg.plugins["credcat"]
    assert isinstance(plugin, CredcatPlugin)
    return plugin


def _rebuild(config: Path, tmp_path: Path) -> None:
    """One rebuild as ``mkdocs serve`` runs it (a fresh config, the same plugin)."""
    build(_load(config, tmp_path), serve_url=SERVE_URL)


def _break(config: Path) -> Path:
    source = config.parent / "catalogue" / "credentials" / f"{CREDENTIAL}.yaml"
    text = source.read_text("utf-8")
    lines = [BROKEN_MODE if line.startswith("mode:") else line for line in text.splitlines(True)]
    source.write_text("".join(lines), "utf-8")
    return source


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(needle))


PANEL_RE = re.compile(r'\n<section class="credcat-problems".*?</section>\n', re.S)
DRAFT = "catalogue/credentials/half-written.yaml"


def _site(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _positions(panel: str) -> list[str]:
    return [
        line.split("<code>")[1].split("</code>")[0]
        for line in panel.splitlines()
        if line.startswith("<li>")
    ]


def test_serve_keeps_the_last_valid_pages_with_the_problems_above_and_recovers(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config, _ = serving
    site = tmp_path / "site"
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.credcat")
    _rebuild(config, tmp_path)
    good = _site(site)
    page = f"credentials/{CREDENTIAL}/index.html"
    assert all(b'id="credcat-problems"' not in text for text in good.values())

    source = _break(config)
    catalogue = config.parent / "catalogue" / "catalogue.yaml"
    catalogue.write_text(catalogue.read_text("utf-8") + "colour: blue\n", "utf-8")
    draft = config.parent / DRAFT  # a new credential, half written: the YAML does not parse
    draft.write_text("title:\n  en: [Half written\n", "utf-8")
    caplog.clear()
    _rebuild(config, tmp_path)  # no exception: the browser gets the pages and reloads
    said = caplog.text
    assert "3 errors in the catalogue catalogue/ (the browser shows them" in said
    assert "machine-readable files of the catalogue as it last was valid" in said
    broken = _site(site)

    mode = f"catalogue/credentials/{CREDENTIAL}.yaml:{_line_of(source, 'mode:')}:7"
    everywhere = [
        f"catalogue/catalogue.yaml:{_line_of(catalogue, 'colour:')}:1",
        mode,
        next(p for p in _positions(broken["404.html"].decode()) if p.startswith(DRAFT)),
    ]
    # every page is the last valid build's, byte for byte, with the panel first in its body
    assert broken.keys() == good.keys()
    for name, text in broken.items():
        if not name.endswith(".html"):
            assert text == good[name], name  # the machine-readable files are the last valid
            continue
        shown = text.decode()
        panels = PANEL_RE.findall(shown)
        assert len(panels) == 1, name
        assert PANEL_RE.sub("", shown, count=1) == good[name].decode(), name
        assert re.search(r"<body[^>]*>\n<section", shown), name
        panel = panels[0]
        assert 'aria-labelledby="credcat-problems-title"' in panel
        assert "<b>onlin</b>" not in panel  # values from the YAML are escaped
        assert html.escape("'<b>onlin</b>'") in panel
        assert '<strong class="field">mode</strong>:' in panel
        assert "unknown key &#x27;colour&#x27;" in panel
        if name == page or name.startswith(f"credentials/{CREDENTIAL}/"):
            # a page of the broken credential says so, and lists its file's problem first
            assert "credcat-problems__this" in panel, name
            assert f"<code>catalogue/credentials/{CREDENTIAL}.yaml</code>" in panel
            assert _positions(panel)[0] == mode
        elif name.startswith("de/"):
            assert '<h2 id="credcat-problems-title">3 Fehler im Katalog catalogue/</h2>' in panel
            assert ' lang="de" ' in panel and '<ol class="errors" lang="en">' in panel
            assert 'data-hide="Ausblenden" data-show="Einblenden" hidden>Ausblenden</button>' in (
                panel
            )
            assert "maschinenlesbaren Dateien" in panel
        else:
            assert "credcat-problems__this" not in panel, name
            assert sorted(_positions(panel)) == sorted(everywhere), name
            assert '<h2 id="credcat-problems-title">3 errors in the catalogue catalogue/</h2>' in (
                panel
            )
            assert "machine-readable files (.jsonld, .json)" in panel

    # fixed as it was: the panel goes; the unchanged credentials come back from the store, and
    # none of them with a panel: the site is the last valid one, byte for byte
    draft.unlink()
    catalogue.write_text(catalogue.read_text("utf-8").replace("colour: blue\n", ""), "utf-8")
    source.write_text(source.read_text("utf-8").replace(BROKEN_MODE, "mode: online\n"), "utf-8")
    caplog.clear()
    _rebuild(config, tmp_path)
    moved_back = re.search(r"(\d+) credentials? unchanged \((?:its|their) pages", caplog.text)
    assert moved_back is not None and int(moved_back.group(1)) > 0, caplog.text
    assert _site(site) == good


def test_a_fixed_file_leaves_no_panel_behind_when_other_credentials_are_reused(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path
) -> None:
    """Broken twice in a row, then fixed to something new: every page is made or moved back
    without a panel, and the fixed credential's page shows the new text."""
    config, _ = serving
    site = tmp_path / "site"
    _rebuild(config, tmp_path)
    source = _break(config)
    _rebuild(config, tmp_path)
    _rebuild(config, tmp_path)  # saved again, still broken
    assert 'id="credcat-problems"' in (site / "index.html").read_text("utf-8")
    text = source.read_text("utf-8").replace(BROKEN_MODE, "mode: blended\n")
    source.write_text(
        text.replace("  en: Introduction to Databases", "  en: Databases Now"), "utf-8"
    )
    _rebuild(config, tmp_path)
    pages = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    assert pages and not [p for p, shown in pages.items() if 'id="credcat-problems"' in shown]
    assert "Databases Now" in pages[site / "credentials" / CREDENTIAL / "index.html"]


def test_serve_starting_with_a_broken_catalogue_shows_the_error_page(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config, _ = serving
    _break(config)
    with caplog.at_level(logging.WARNING):
        _rebuild(config, tmp_path)
    for shown in ("index.html", "404.html", "data/index.html"):
        text = (tmp_path / "site" / shown).read_text("utf-8")
        assert '<main id="credcat-errors">' in text, shown  # no valid catalogue: nothing else
        assert "<h1>1 error in the catalogue catalogue/</h1>" in text
        assert "unknown mode of delivery" in text
        assert 'id="credcat-problems"' not in text
        assert text.rstrip().endswith("</html>") and "</body>" in text  # live reload hooks in
    # the terminal shows the catalogue's problem alone, once prefixed: not buried under
    # MkDocs' warnings about the credential pages that cannot exist yet
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 1, said
    assert said[0].startswith(
        "credcat: 1 error in the catalogue catalogue/ (the browser shows them until they are "
        "fixed):\n"
    )
    assert "unknown mode of delivery" in said[0]


def test_build_still_fails_with_a_plugin_error(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project")
    _break(config)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    plugin = _plugin(cfg)
    plugin.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"1 error in the catalogue catalogue/"):
        cfg.plugins.on_config(cfg)
    with pytest.raises(Abort):
        build(load_config(config_file=str(config), site_dir=str(tmp_path / "site")))
    assert not (tmp_path / "site" / "index.html").exists()


# --- the HTML of the problems (credcat.render.site.problems) -----------------------------------

HOSTILE = [
    Problem("c/a.yaml", 3, 5, "title", "bad <i>", "fix \x1b[31m it"),
    Problem("c/<b>.yaml", 1, 1, 'x"><script>', "value '</section><script>'"),
    Problem("c/b.yaml", 0, 0, "", "no file", severity=Severity.WARNING),
]


def test_error_page_lists_errors_then_warnings_escaped() -> None:
    page = problems_page(HOSTILE, "c/")
    assert '<html lang="en">' in page
    assert "<title>credcat: 2 errors in the catalogue c/</title>" in page
    assert (
        '<li><code>c/a.yaml:3:5</code> <strong class="field">title</strong>: '
        '<span class="message">bad &lt;i&gt;</span> '
        '<span class="hint">(fix \\x1b[31m it)</span></li>'
    ) in page
    assert "<script>" not in page and "<b>" not in page
    assert page.index('<ol class="errors">') < page.index("<h2>Warnings</h2>")
    assert '<li><code>c/b.yaml</code> <span class="message">no file</span></li>' in page
    german = problems_page(HOSTILE, "c/", "de")
    assert '<html lang="de">' in german and "<h1>2 Fehler im Katalog c/</h1>" in german
    assert '<ol class="errors" lang="en">' in german and "<h2>Warnungen</h2>" in german


NOTED = [
    Problem("c/a.yaml", 2, 3, "title", "broken"),
    Problem("c/b.yaml", 4, 5, "name.de", "marked '# translate'", severity=Severity.NOTE),
    Problem("c/a.yaml", 6, 7, "summary", "tag shown as text", severity=Severity.WARNING),
]


def test_notes_are_listed_under_their_own_heading_after_the_warnings() -> None:
    """A note (a text marked '# translate', a value marked '# example') fails nothing, and the
    terminal counts it apart ("1 warning, 1 note"): the panel and the page list it under
    "Notes", after the warnings, in the page language."""
    panel = problems_panel(NOTED, "c/", "en")
    assert "<h3>Warnings</h3>" in panel and "<h3>Notes</h3>" in panel
    assert panel.index("<h3>Warnings</h3>") < panel.index("<h3>Notes</h3>")
    assert _positions(panel) == ["c/a.yaml:2:3", "c/a.yaml:6:7", "c/b.yaml:4:5"]
    warned = panel.split("<h3>Warnings</h3>")[1].split("<h3>Notes</h3>")
    assert '<ol class="warnings">' in warned[0] and "c/b.yaml" not in warned[0]
    assert '<ol class="notes">' in warned[1] and "c/b.yaml:4:5" in warned[1]
    only_notes = problems_panel([NOTED[0], NOTED[1]], "c/", "de")
    assert "<h3>Hinweise</h3>" in only_notes and "Warnungen" not in only_notes
    page = problems_page(NOTED, "c/", "fr")
    assert page.index("<h2>Avertissements</h2>") < page.index("<h2>Remarques</h2>")


def test_serving_a_new_catalogue_with_an_error_lists_its_notes_as_notes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A catalogue just made by credcat init, served, then broken (eqf: 9): the panel counts
    the error, and lists the texts marked '# translate' and the values marked '# example'
    under "Notes", as the terminal counts them (no warnings)."""
    from credcat.cli import main

    folder = tmp_path / "new"
    # Polish, which credcat has no example texts in: the title and the example's seven texts
    # are English there, marked '# translate'
    assert main(["init", str(folder), "--languages", "de,en,pl"], out=io.StringIO()) == 0
    config = folder / "mkdocs.yml"
    plugin = _plugin(_load(config, tmp_path))
    plugin.on_startup(command="serve", dirty=False)
    try:
        _rebuild(config, tmp_path)
        source = next((folder / "catalogue" / "credentials").glob("*.yaml"))
        source.write_text(source.read_text("utf-8").replace("eqf: 4 ", "eqf: 9 "), "utf-8")
        caplog.set_level(logging.INFO, logger="mkdocs.plugins.credcat")
        _rebuild(config, tmp_path)
    finally:
        plugin.on_startup(command="build", dirty=False)
    panel = PANEL_RE.findall((tmp_path / "site" / "en" / "index.html").read_text("utf-8"))[0]
    assert "1 error in the catalogue" in panel
    assert "<h3>Warnings</h3>" not in panel and "<h3>Notes</h3>" in panel
    notes = panel.split("<h3>Notes</h3>")[1]
    assert len(_positions(notes)) == 14  # six values marked '# example', eight texts in pl
    assert "eqf" not in notes


def test_panel_is_a_named_region_in_the_page_language_with_english_problems() -> None:
    panel = problems_panel(HOSTILE, "c/", "fr")
    assert panel.startswith(
        '<section class="credcat-problems" id="credcat-problems" '
        'aria-labelledby="credcat-problems-title" lang="fr" '
        f'data-credcat-problems="{problems_key(HOSTILE)}">\n'
        '<div class="credcat-problems__head">\n'
        '<h2 id="credcat-problems-title">2 erreurs dans le catalogue c/</h2>\n'
        '<button type="button" class="credcat-problems__toggle" '
        'aria-controls="credcat-problems-body" aria-expanded="true" '
        'data-hide="Masquer" data-show="Afficher" hidden>Masquer</button>\n'
        "</div>\n"
        '<div class="credcat-problems__body" id="credcat-problems-body">\n'
    )
    # the panel's own script last (it folds the panel before the page is first drawn), and
    # no other: the problems' values are text
    assert panel.endswith(f"</div>\n<script>{PANEL_SCRIPT}</script>\n</section>")
    assert panel.count("<script") == 1
    assert "fichiers lisibles par machine" in panel
    assert '<ol class="errors" lang="en">' in panel and "<h3>Avertissements</h3>" in panel
    assert "&lt;script&gt;" in panel and "</section><script>" not in panel
    assert "credcat-problems__this" not in panel  # a page made from no file with errors
    # credcat's interface does not speak Polish: its words are English, and say so
    polish = problems_panel(HOSTILE, "c/", "pl")
    assert ' lang="en" data-credcat-problems=' in polish and '<ol class="errors">' in polish
    assert "2 errors in the catalogue c/" in polish


def test_the_key_of_the_panels_problems_names_the_set_not_where_in_the_files_they_are() -> None:
    """The panel's "Hide" is kept for one set of problems (``problems_key``): the same
    problems in any order, or moved to other lines, keep it hidden; one more, one fixed or
    one changed opens the panel again. Every page carries the same key."""
    key = problems_key(HOSTILE)
    assert re.fullmatch("[0-9a-f]{16}", key), key
    assert problems_key(list(reversed(HOSTILE))) == key
    moved = [dataclasses.replace(p, line=p.line + 3) for p in HOSTILE]
    assert problems_key(moved) == key
    assert problems_key(HOSTILE[:2]) != key
    assert problems_key([*HOSTILE, NOTED[1]]) != key
    changed = [dataclasses.replace(HOSTILE[0], message="bad <u>"), *HOSTILE[1:]]
    assert problems_key(changed) != key
    assert problems_key([*HOSTILE, HOSTILE[0]]) != key  # counted, not a set
    for lang, page_file in (("en", ""), ("de", "c/a.yaml"), ("pl", "c/b.yaml")):
        assert f'data-credcat-problems="{key}"' in problems_panel(HOSTILE, "c/", lang, page_file)
    # in a language credcat's interface does not speak, the button's words are English too
    assert 'data-hide="Hide" data-show="Show" hidden>Hide</button>' in problems_panel(
        HOSTILE, "c/", "pl"
    )


def test_panel_of_a_page_made_from_a_broken_file_says_so_and_lists_its_problems_first() -> None:
    panel = problems_panel(HOSTILE, "c/", "en", page_file="c/<b>.yaml")
    assert (
        '<p class="credcat-problems__this">This page is made from <code>c/&lt;b&gt;.yaml</code>, '
        "which has errors: it shows what the file said when it was last valid.</p>"
    ) in panel
    assert _positions(panel) == ["c/&lt;b&gt;.yaml:1:1", "c/a.yaml:3:5", "c/b.yaml"]
    assert "credcat-problems__this" not in problems_panel(HOSTILE, "c/", "en", "c/b.yaml")


def test_panel_lists_a_bounded_number_of_problems_and_counts_the_rest() -> None:
    many = [Problem(f"c/{n:03}.yaml", 1, 1, "id", "bad") for n in range(PANEL_LISTED + 5)]
    panel = problems_panel(many, "c/", "en")
    assert len(_positions(panel)) == PANEL_LISTED
    assert f"{PANEL_LISTED + 5} errors in the catalogue c/" in panel
    assert "… and 5 more problems: the terminal lists every one." in panel
    one_more = problems_panel(many[: PANEL_LISTED + 1], "c/", "de")
    assert "… und 1 weiteres Problem: Das Terminal listet alle auf." in one_more
    assert "more problem" not in problems_panel(many[:3], "c/", "en")
    assert "1 error in the catalogue c/" in problems_panel(many[:1], "c/", "en")


def test_the_panel_goes_first_in_the_body() -> None:
    page = '<!doctype html><html><head></head><body dir="ltr" class="x">\n<p>Page</p></body>'
    shown = with_panel(page, "<section>P</section>")
    assert shown == (
        '<!doctype html><html><head></head><body dir="ltr" class="x">\n<section>P</section>\n'
        "\n<p>Page</p></body>"
    )
    assert (
        with_panel("<p>bare</p>", "<section>P</section>") == "\n<section>P</section>\n<p>bare</p>"
    )


# --- a real mkdocs serve ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


def _wait_for(url: str, wanted: str, deadline: float) -> str:
    text = ""
    while time.monotonic() < deadline:
        try:
            text = _get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            text = ""
        if wanted in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} not served at {url} in time; last page: {text[:300]!r}")


def test_real_mkdocs_serve_shows_the_problem_and_reloads_when_fixed(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project")
    source = _break(config)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/credentials/{CREDENTIAL}/"
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=config.parent,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 240
        home = _wait_for(f"http://127.0.0.1:{port}/", "credcat-errors", deadline)
        assert "unknown mode of delivery" in home
        assert "livereload" in home  # MkDocs added its reload script to the error page
        source.write_text(source.read_text("utf-8").replace(BROKEN_MODE, "mode: online\n"), "utf-8")
        page = _wait_for(url, "Introduction to Databases", deadline)
        assert "credcat-errors" not in page and 'id="credcat-problems"' not in page
        # broken again, now with a valid catalogue to show: the page, with the panel above it
        source.write_text(source.read_text("utf-8").replace("mode: online\n", BROKEN_MODE), "utf-8")
        page = _wait_for(url, 'id="credcat-problems"', deadline)
        assert "Introduction to Databases" in page and "unknown mode of delivery" in page
        assert "livereload" in page
        fixed = source.read_text("utf-8").replace(BROKEN_MODE, "mode: online\n")
        source.write_text(
            fixed.replace("  en: Introduction to Databases", "  en: Databases Now"), "utf-8"
        )
        page = _wait_for(url, "Databases Now", deadline)
        assert 'id="credcat-problems"' not in page
    finally:
        process.send_signal(signal.SIGINT)  # how a maintainer stops it: MkDocs cleans up
        try:
            process.wait(timeout=60)  # a loaded machine: let MkDocs and credcat clean up
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log.close()
