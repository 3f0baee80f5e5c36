"""Fixtures of the end-to-end browser tests: one site build per site, one local HTTP server per
site, one headless Chromium per session, and a guard on every browser context.

Everything runs on this machine: the sites are served on 127.0.0.1 (a random free port) and
every request the browser makes to any other host is aborted and recorded, so a test fails when
a page tries to load anything from a third party (fonts, analytics, CDNs, ESCO …).

Needs Chromium (found by :mod:`tests.browser.chromium`: ``$CREDCAT_CHROMIUM``, the system's,
or Playwright's own) and axe-core (``npm ci --prefix tests/browser``); ``bash scripts/test.sh``
installs both where the system allows it. When one is missing the tests fail with the way to
install it in the message: they are never skipped.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from credcat.catalogue import Catalogue
from credcat.validate import load_catalogue

from .chromium import HOW_TO_INSTALL, find_chromium
from .xss_fixture import write_xss_catalogue

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHROMIUM = find_chromium()
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOST = "127.0.0.1"
BUILD_TIMEOUT = 240  # seconds; the sample site builds in a few seconds
NAV_TIMEOUT_MS = 15_000
expect.set_options(timeout=10_000)  # web-first assertions: generous on a busy 2-core machine


# --- tools ----------------------------------------------------------------------------------


def require_chromium() -> Path:
    """Fail (never skip) when no Chromium is found."""
    if CHROMIUM is None:
        pytest.fail(f"Chromium not found: {HOW_TO_INSTALL}", pytrace=False)
    return CHROMIUM


def require_axe() -> Path:
    """Fail (never skip) when axe-core is not installed under tests/browser/node_modules."""
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core not found at {AXE_JS.relative_to(REPO)}: run "
            "`npm ci --prefix tests/browser` (bash scripts/test.sh does it)",
            pytrace=False,
        )
    return AXE_JS


# --- sites ----------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files from the site folder, without a log line per request."""

    extensions_map = {  # noqa: RUF012 - a plain dict in the base class too
        **SimpleHTTPRequestHandler.extensions_map,
        ".jsonld": "application/ld+json",
        ".json": "application/json",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    """A built site, served over HTTP on 127.0.0.1."""

    root: Path
    base_url: str
    catalogue: Catalogue

    def url(self, path: str = "") -> str:
        """Absolute URL of a site path (``catalogue/``, ``credentials/x/`` …)."""
        return self.base_url + path.lstrip("/")


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """``mkdocs build --strict`` in a subprocess (a fresh plugin, MkDocs' own CLI and logging);
    without ``--strict`` for a catalogue whose warnings are the point (the XSS fixture)."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        *(["--strict"] if strict else []),
        "-f",
        str(config_file),
        "-d",
        str(site_dir),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # keep a failure's log readable
    result = subprocess.run(
        command,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
        env=env,
    )
    if result.returncode != 0 or not (site_dir / "index.html").is_file():
        pytest.fail(
            f"`{' '.join(command[1:])}` failed (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


@functools.cache
def _sample_catalogue() -> Catalogue:
    return load_catalogue(REPO / "catalogue")


def serve(root: Path, catalogue: Catalogue) -> Iterator[Site]:
    """Serve ``root`` on 127.0.0.1 with a random free port until the generator is closed."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"http-{root.name}", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield Site(root, f"http://{LOCAL_HOST}:{port}/", catalogue)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample catalogue (``catalogue/``) built once with the repository's mkdocs.yml."""
    config = REPO / "mkdocs.yml"
    if not config.is_file():
        pytest.fail(f"{config} is missing: the sample site cannot be built", pytrace=False)
    site_dir = tmp_path_factory.mktemp("sample-site")
    build_site(config, site_dir)
    yield from serve(site_dir, _sample_catalogue())


XSS_MKDOCS_YML = """\
site_name: XSS fixture
site_url: https://xss.test.example/
docs_dir: {docs}
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
  - credcat:
      catalogue_dir: {catalogue}
"""


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A site built from a catalogue with script payloads in every text (see xss_fixture.py)."""
    work = tmp_path_factory.mktemp("xss")
    catalogue_dir = write_xss_catalogue(work / "catalogue")
    docs = work / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# XSS fixture\n\nA catalogue full of payloads.\n\n## Section\n\nIts heading has a "
        "permanent link, titled by the payload translation.\n",
        encoding="utf-8",
    )
    config = work / "mkdocs.yml"
    config.write_text(
        XSS_MKDOCS_YML.format(docs=docs, catalogue=catalogue_dir)
        + "markdown_extensions:\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    site_dir = work / "site"
    # check warns about the tags and javascript: links in its texts; publishing them is the test
    build_site(config, site_dir, strict=False)
    yield from serve(site_dir, load_catalogue(catalogue_dir))


def small_site(
    tmp_path_factory: pytest.TempPathFactory, name: str, credentials: dict[str, Any]
) -> Iterator[Site]:
    """A site built from a small catalogue of ``tests/catalogue_factory.py`` (its settings and
    organisations, these credentials), served on 127.0.0.1 until the generator is closed."""
    from tests.catalogue_factory import write_catalogue

    yield from site_of(tmp_path_factory, name, lambda root: write_catalogue(root, credentials))


def site_of(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    write: Callable[[Path], Path],
    *,
    site_url: str = "https://credentials.test.example/",
    features: tuple[str, ...] = (),
) -> Iterator[Site]:
    """A site built from the catalogue ``write`` writes into the folder it is given (and
    returns), with a one-line home page, for ``site_url`` (the catalogue's ``base_uri``),
    with Material's ``features`` on, served on 127.0.0.1 until the generator is closed."""
    work = tmp_path_factory.mktemp(name)
    root = write(work / "catalogue")
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text(f"# {name}\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    yml = XSS_MKDOCS_YML.replace("https://xss.test.example/", site_url)
    if features:
        listed = "".join(f"    - {feature}\n" for feature in features)
        yml = yml.replace("  font: false\n", f"  font: false\n  features:\n{listed}", 1)
    config.write_text(yml.format(docs=work / "docs", catalogue=root), "utf-8")
    build_site(config, work / "site")
    yield from serve(work / "site", load_catalogue(root))


# --- browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    """Playwright's driver, once per session."""
    require_chromium()
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(
    playwright_instance: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """One headless Chromium for the whole session. Its home is a temporary folder: Chromium
    writes its crash-report settings and dconf cache under the home folder, which a test run
    must not touch."""
    home = tmp_path_factory.mktemp("chromium-home")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    browser = playwright_instance.chromium.launch(
        executable_path=str(require_chromium()), headless=True, args=list(CHROMIUM_ARGS), env=env
    )
    yield browser
    browser.close()


@dataclass
class Guard:
    """What happened in one browser context that must not happen on any page."""

    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = [f"third-party request blocked: {url}" for url in self.blocked]
        out += [f"uncaught JavaScript error: {text}" for text in self.page_errors]
        out += [f"dialog opened: {text}" for text in self.dialogs]
        out += [f"HTTP error: {text}" for text in self.bad_responses]
        return out


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname == LOCAL_HOST


def guard_context(context: BrowserContext) -> Guard:
    """Abort and record every non-127.0.0.1 request; record JS errors, dialogs and 4xx/5xx."""
    guard = Guard()

    def route(route: Any) -> None:
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            guard.blocked.append(url)
            route.abort("blockedbyclient")

    def on_dialog(dialog: Any) -> None:
        guard.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_page(page: Page) -> None:
        page.set_default_timeout(NAV_TIMEOUT_MS)
        page.on("pageerror", lambda error: guard.page_errors.append(f"{page.url}: {error}"))
        page.on("dialog", on_dialog)
        page.on(
            "response",
            lambda response: (
                guard.bad_responses.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )

    context.route("**/*", route)
    context.on("page", on_page)
    return guard


NewContext = Callable[..., tuple[BrowserContext, Guard]]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """Factory of guarded browser contexts; on teardown, fails on anything a guard recorded."""
    opened: list[tuple[BrowserContext, Guard, bool]] = []

    def make(*, check: bool = True, **options: Any) -> tuple[BrowserContext, Guard]:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "en-GB")
        options.setdefault("service_workers", "block")
        context = browser.new_context(**options)
        context.set_default_timeout(NAV_TIMEOUT_MS)
        guard = guard_context(context)
        opened.append((context, guard, check))
        return context, guard

    yield make
    problems: list[str] = []
    for context, guard, check in opened:
        context.close()
        if check:
            problems += guard.problems()
    if problems:
        pytest.fail("\n".join(dict.fromkeys(problems)), pytrace=False)


@pytest.fixture
def page(new_context: NewContext) -> Page:
    """A guarded desktop page (1280 × 900, JavaScript on)."""
    context, _ = new_context()
    return context.new_page()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $CREDCAT_SCREENSHOTS, else a temporary folder (never committed)."""
    wanted = os.environ.get("CREDCAT_SCREENSHOTS")
    if wanted:
        folder = Path(wanted)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def save_screenshot(page: Page, folder: Path, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of ``page`` as ``<folder>/<name>.png`` for a reviewer, check that it is a
    real image, and print where it went (``pytest -s`` or ``-rP`` shows it).

    Every browser test that leaves screenshots as artefacts uses this, with the
    ``screenshot_dir`` fixture as folder (``$CREDCAT_SCREENSHOTS``, else a temporary folder).
    """
    target = folder / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    data = target.read_bytes()
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000):
        pytest.fail(f"the screenshot {target} is not a PNG image", pytrace=False)
    print(f"screenshot: {target}")
    return target


SPLIT_WORDS_JS = """(selector) => {
  const split = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""


def words_split_across_lines(page: Page, selector: str) -> list[str]:
    """The words in the elements ``selector`` matches that the layout breaks over two lines
    or more (a table squeezing a header letter by letter on a phone)."""
    found: list[str] = page.evaluate(SPLIT_WORDS_JS, selector)
    return found


def assert_folds_by_keyboard(page: Page, toggle: Locator, target: Locator) -> None:
    """A disclosure button, its ``target`` shown: focused, Enter folds it (``aria-expanded``
    false, the focus kept on the button), Space unfolds it, Space again folds it."""
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(target).to_be_hidden()
    page.keyboard.press("Space")
    expect(target).to_be_visible()
    page.keyboard.press("Space")
    expect(target).to_be_hidden()
