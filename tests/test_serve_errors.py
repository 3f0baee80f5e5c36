"""``mkdocs serve`` with a broken catalogue: an error page in the browser, not a hung reload.

The plugin's hooks are driven the way ``mkdocs serve`` drives them (``on_startup`` with
``serve``, then ``build`` with a ``serve_url`` for every rebuild, the plugin instance kept), and
once through a real ``mkdocs serve`` on 127.0.0.1, bounded in time.
"""

from __future__ import annotations

import html
import logging
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

from credcat.errors import Problem, Severity, format_html_page
from credcat.mkdocs_plugin import CredcatPlugin
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


def test_serve_shows_every_problem_on_every_page_and_recovers(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path
) -> None:
    config, _ = serving
    site = tmp_path / "site"
    _rebuild(config, tmp_path)
    page = site / "credentials" / CREDENTIAL / "index.html"
    good = page.read_text("utf-8")
    assert "credcat-errors" not in good

    source = _break(config)
    catalogue = config.parent / "catalogue" / "catalogue.yaml"
    catalogue.write_text(catalogue.read_text("utf-8") + "colour: blue\n", "utf-8")
    _rebuild(config, tmp_path)  # no exception: the browser gets a page and reloads

    expected = [
        f"catalogue/catalogue.yaml:{_line_of(catalogue, 'colour:')}:1",
        f"catalogue/credentials/{CREDENTIAL}.yaml:{_line_of(source, 'mode:')}:7",
    ]
    for shown in (page, site / "index.html", site / "404.html"):
        text = shown.read_text("utf-8")
        assert '<main id="credcat-errors">' in text, shown
        assert "<h1>2 errors in the catalogue catalogue/</h1>" in text
        positions = [
            line.split("<code>")[1].split("</code>")[0]
            for line in text.splitlines()
            if line.startswith("<li>")
        ]
        assert positions == expected
        assert "<b>onlin</b>" not in text  # values from the YAML are escaped
        assert html.escape("'<b>onlin</b>'") in text
        assert '<strong class="field">mode</strong>:' in text
        assert "unknown key &#x27;colour&#x27;" in text
        assert text.rstrip().endswith("</html>") and "</body>" in text  # live reload hooks in

    catalogue.write_text(catalogue.read_text("utf-8").replace("colour: blue\n", ""), "utf-8")
    source.write_text(source.read_text("utf-8").replace(BROKEN_MODE, "mode: online\n"), "utf-8")
    _rebuild(config, tmp_path)
    assert "credcat-errors" not in page.read_text("utf-8")
    assert "credcat-errors" not in (site / "index.html").read_text("utf-8")


def test_serve_starting_with_a_broken_catalogue_shows_the_error_page(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config, _ = serving
    _break(config)
    with caplog.at_level(logging.WARNING):
        _rebuild(config, tmp_path)
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "<h1>1 error in the catalogue catalogue/</h1>" in home
    assert "unknown mode of delivery" in home
    # the terminal shows the catalogue's problem alone, once prefixed: not buried under
    # MkDocs' warnings about the credential pages that cannot exist yet
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 1, said
    assert said[0].startswith("credcat: 1 error in the catalogue catalogue/ (the browser")
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


def test_error_page_lists_errors_then_warnings_escaped() -> None:
    problems = [
        Problem("c/a.yaml", 3, 5, "title", "bad <i>", "fix \x1b[31m it"),
        Problem("c/b.yaml", 0, 0, "", "no file", severity=Severity.WARNING),
    ]
    page = format_html_page(problems, "c/")
    assert "<title>credcat: 1 error in the catalogue c/</title>" in page
    assert (
        '<li><code>c/a.yaml:3:5</code> <strong class="field">title</strong>: '
        '<span class="message">bad &lt;i&gt;</span> '
        '<span class="hint">(fix \\x1b[31m it)</span></li>'
    ) in page
    assert page.index('<ol class="errors">') < page.index("<h2>Warnings</h2>")
    assert '<li><code>c/b.yaml</code> <span class="message">no file</span></li>' in page


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
        deadline = time.monotonic() + 120
        home = _wait_for(f"http://127.0.0.1:{port}/", "credcat-errors", deadline)
        assert "unknown mode of delivery" in home
        assert "livereload" in home  # MkDocs added its reload script to the error page
        source.write_text(source.read_text("utf-8").replace(BROKEN_MODE, "mode: online\n"), "utf-8")
        page = _wait_for(url, "Introduction to Databases", deadline)
        assert "credcat-errors" not in page
    finally:
        process.send_signal(signal.SIGINT)  # how a maintainer stops it: MkDocs cleans up
        try:
            process.wait(timeout=60)  # a loaded machine: let MkDocs and credcat clean up
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log.close()
