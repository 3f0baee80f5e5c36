"""The panel of problems ``mkdocs serve`` puts above every page of the last valid site when a
YAML file breaks (:mod:`credcat.render.site.problems`), as a maintainer sees it in Chromium.

The site is made the way ``tests/test_serve_errors.py`` makes it: the plugin started as
``mkdocs serve`` starts it, a valid build, then a credential and ``catalogue.yaml`` broken and
a rebuild through the same hooks (the plugin instance kept). It is served on 127.0.0.1 like
the other browser tests' sites, once for the module. The same preview after one more file
broke (another set of problems) is served beside it, under ``more/`` (the pages link
relatively, so it works under any prefix), on the same origin: its panel's "Hide" is kept in
the same ``sessionStorage``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page, expect

from credcat.errors import Problem
from credcat.mkdocs_plugin import CredcatPlugin
from credcat.render.site.problems import PANEL_ID, problems_key
from credcat.validate import load_catalogue
from test_site_build import make_project

from .conftest import NewContext, Site, require_axe, save_screenshot, serve
from .test_credential_page import CONTRAST
from .test_e2e import AXE_OPTIONS, assert_no_axe_violations, format_violations

pytestmark = pytest.mark.browser

SERVE_URL = "http://127.0.0.1:8000/"
CREDENTIAL = "intro-databases"
PANEL = f"#{PANEL_ID}"
TOGGLE = f"{PANEL} button.credcat-problems__toggle"
MORE = "more/"
"""Where the preview with one more problem is served, beside the first."""


@dataclass
class Broken(Site):
    """The served preview, with what the plugin found wrong and where the broken mode is."""

    problems: tuple[Problem, ...] = ()
    mode_at: str = ""
    more: tuple[Problem, ...] = ()


def _rebuild(config: Path, site_dir: Path) -> CredcatPlugin:
    """One rebuild as ``mkdocs serve`` runs it (a fresh config, the same plugin instance)."""
    cfg = load_config(config_file=str(config), site_dir=str(site_dir))
    cfg.site_url = SERVE_URL
    plugin = cfg.plugins["credcat"]
    assert isinstance(plugin, CredcatPlugin)
    build(cfg, serve_url=SERVE_URL)
    return plugin


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broken]:
    work = tmp_path_factory.mktemp("serve-panel")
    config = make_project(work / "project")
    site_dir = work / "site"
    catalogue_dir = config.parent / "catalogue"
    good = load_catalogue(catalogue_dir)
    plugin = load_config(config_file=str(config), site_dir=str(site_dir)).plugins["credcat"]
    assert isinstance(plugin, CredcatPlugin)
    plugin.on_startup(command="serve", dirty=False)
    try:
        _rebuild(config, site_dir)
        assert f'id="{PANEL_ID}"' not in (site_dir / "index.html").read_text("utf-8")
        source = catalogue_dir / "credentials" / f"{CREDENTIAL}.yaml"
        lines = source.read_text("utf-8").splitlines(True)
        row = next(n for n, line in enumerate(lines) if line.startswith("mode:"))
        lines[row] = "mode: <b>onlin</b>\n"
        source.write_text("".join(lines), "utf-8")
        settings = catalogue_dir / "catalogue.yaml"
        settings.write_text(settings.read_text("utf-8") + "colour: blue\n", "utf-8")
        plugin = _rebuild(config, site_dir)
        problems = tuple(plugin._problems)
        served = work / "served"
        shutil.copytree(site_dir, served)
        draft = catalogue_dir / "credentials" / "half-written.yaml"
        draft.write_text("title:\n  en: [Half written\n", "utf-8")  # one more: another set
        plugin = _rebuild(config, site_dir)
        more = tuple(plugin._problems)
        shutil.copytree(site_dir, served / MORE)
    finally:
        plugin.on_startup(command="build", dirty=False)  # the instance outlives this module
    assert sum(p.is_error for p in problems) == 2, [p.where for p in problems]
    assert sum(p.is_error for p in more) == 3, [p.where for p in more]
    for site in serve(served, good):
        mode_at = f"catalogue/credentials/{CREDENTIAL}.yaml:{row + 1}:7"
        yield Broken(site.root, site.base_url, site.catalogue, problems, mode_at, more)


def _errors(site: Broken) -> list[Problem]:
    return [p for p in site.problems if p.is_error]


def _listed(page: Page) -> list[str]:
    return page.locator(f"{PANEL} ol.errors > li > code").all_inner_texts()


def _assert_panel_first(page: Page, site: Broken) -> None:
    """The panel is the body's first element, at the top of the first screen, above
    Material's header, a region named by its heading, which counts the errors."""
    assert page.evaluate("document.body.firstElementChild.id") == PANEL_ID
    panel = page.locator(PANEL)
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header is not None
    assert box["y"] <= 1 and box["y"] + box["height"] <= header["y"] + 1, (box, header)
    heading = page.locator(f"{PANEL} h2")
    title = heading.inner_text()
    assert title.startswith(f"{len(_errors(site))} errors"), title
    assert page.locator(PANEL).get_attribute("aria-labelledby") == heading.get_attribute("id")
    expect(page.get_by_role("region", name=title, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=title, exact=True)).to_be_visible()


def test_the_home_page_shows_the_panel_first_with_every_problem(
    page: Page, broken_site: Broken
) -> None:
    page.goto(broken_site.url())
    _assert_panel_first(page, broken_site)
    listed = _listed(page)
    assert sorted(listed) == sorted(p.where for p in _errors(broken_site))
    assert broken_site.mode_at in listed
    assert any(at.startswith("catalogue/catalogue.yaml:") for at in listed)
    assert all(at.count(":") == 2 and at.rsplit(":", 2)[1].isdigit() for at in listed), listed
    assert page.locator(f"{PANEL} .credcat-problems__this").count() == 0
    # a value quoted from the YAML is shown as text, never as markup
    expect(page.locator(f"{PANEL} ol.errors")).to_contain_text("<b>onlin</b>")
    assert page.locator(f"{PANEL} b").count() == 0
    # the page under the panel is still the site
    expect(page.locator(".md-content h1").first).to_be_visible()
    assert_no_axe_violations(page, "the home page with the panel of problems")


def test_a_page_of_the_broken_credential_says_so_first(page: Page, broken_site: Broken) -> None:
    page.goto(broken_site.url(f"credentials/{CREDENTIAL}/"))
    _assert_panel_first(page, broken_site)
    this = page.locator(f"{PANEL} .credcat-problems__this")
    expect(this).to_be_visible()
    expect(this).to_contain_text(f"catalogue/credentials/{CREDENTIAL}.yaml")
    first = page.evaluate(
        f"[...document.querySelectorAll('#{PANEL_ID}-body > *')].map(e => e.className)"
    )
    assert first[0] == "credcat-problems__this", first
    assert _listed(page)[0] == broken_site.mode_at
    # the credential's page of the last valid build is below the panel
    expect(page.locator(".md-content h1").first).to_be_visible()
    assert_no_axe_violations(page, "a page of the broken credential with the panel of problems")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_panel_is_readable_in_both_palettes(
    page: Page, broken_site: Broken, scheme: str
) -> None:
    """Every text of the panel keeps 4.5:1 on its own background (WCAG 1.4.3), in Material's
    light and dark schemes (switched as a site with a palette toggle switches them), and axe
    finds nothing in the panel."""
    page.goto(broken_site.url(f"credentials/{CREDENTIAL}/"))
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    texts = page.locator(f"{PANEL} :is(h2, h3, p, li, code, strong, span)")
    assert texts.count() >= 6
    ratios = [page.evaluate(CONTRAST, texts.nth(i).element_handle()) for i in range(texts.count())]
    assert min(ratios) >= 4.5, (scheme, ratios)
    background = page.locator(PANEL).evaluate("e => getComputedStyle(e).backgroundColor")
    page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != page_background, (scheme, background)  # it stands out
    # axe on the panel alone: the fixture site offers no dark palette, so the rest of the page
    # was never meant to be shown in slate (the whole page is checked in the default scheme)
    page.add_script_tag(path=str(require_axe()))
    violations = page.evaluate(
        "async ([where, options]) => (await window.axe.run({include: [where]}, options))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,"
        " nodes: v.nodes.map(n => ({target: n.target, html: n.html,"
        " summary: n.failureSummary}))}))",
        [PANEL, AXE_OPTIONS],
    )
    if violations:
        pytest.fail(format_violations(f"the panel, {scheme} scheme", violations), pytrace=False)


def test_the_panel_prints_in_black_without_its_background(
    new_context: NewContext, broken_site: Broken
) -> None:
    """credcat.css prints the panel (a page printed from the preview shows the catalogue as it
    last was valid, and says so), black on white, while the header and navigation go."""
    context, _ = new_context()
    page = context.new_page()
    page.goto(broken_site.url(f"credentials/{CREDENTIAL}/"))
    page.emulate_media(media="print")
    panel = page.locator(PANEL)
    expect(panel).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    style = panel.evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.color, s.backgroundColor, s.borderLeftColor]; }"
    )
    assert style == ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"], style
    expect(page.locator(f"{PANEL} .credcat-problems__this")).to_be_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")


# --- "Hide" and "Show" -------------------------------------------------------------------------


def _assert_open(page: Page, words: tuple[str, str] = ("Hide", "Show")) -> None:
    """The whole panel shows, first in the page, with its button saying "Hide" (the page's
    words)."""
    assert page.evaluate("document.body.firstElementChild.id") == PANEL_ID
    toggle = page.locator(TOGGLE)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text(words[0])
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(f"{PANEL} ol.errors")).to_be_visible()
    expect(page.locator(f"#{PANEL_ID}-body")).to_be_visible()


def _assert_folded(page: Page, words: tuple[str, str] = ("Hide", "Show")) -> None:
    """The panel is a bar at the top: its heading (how many errors) and "Show"; the rest is
    hidden, from sight and from screen readers alike."""
    panel = page.locator(PANEL)
    expect(panel).to_be_visible()
    expect(page.locator(f"{PANEL} h2")).to_be_visible()
    toggle = page.locator(TOGGLE)
    expect(toggle).to_have_text(words[1])
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator(f"#{PANEL_ID}-body")).to_be_hidden()
    expect(page.locator(f"{PANEL} ol.errors")).to_be_hidden()
    assert page.evaluate("document.body.firstElementChild.id") == PANEL_ID
    box, heading = panel.bounding_box(), page.locator(f"{PANEL} h2").bounding_box()
    assert box is not None and heading is not None
    assert box["height"] < 3 * heading["height"], (box, heading)  # one line: a bar


def test_the_keyboard_hides_the_panel_for_the_tab_and_shows_it_again(
    page: Page, broken_site: Broken, screenshot_dir: Path
) -> None:
    """The panel's "Hide" is a real button, the first stop of the keyboard on a page of the
    preview; Enter folds the panel to its heading with "Show" (the focus stays on the button),
    the other pages of the tab come folded, and Space opens it again, for every page."""
    page.goto(broken_site.url())
    _assert_panel_first(page, broken_site)
    _assert_open(page)
    save_screenshot(page, screenshot_dir, "serve-panel-open", full_page=False)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.credcat-problems__toggle')")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    _assert_folded(page)
    assert page.evaluate("document.activeElement.matches('.credcat-problems__toggle')")
    assert page.evaluate("sessionStorage.getItem('credcat-problems-hidden')") == problems_key(
        broken_site.problems
    )
    # the page under it, as a reader sees it
    expect(page.locator(".md-content h1").first).to_be_in_viewport()
    save_screenshot(page, screenshot_dir, "serve-panel-folded", full_page=False)
    assert_no_axe_violations(page, "the home page with the panel of problems folded")

    # every page of the tab, the pages of the broken credential among them, comes folded
    for path in (f"credentials/{CREDENTIAL}/", "catalogue/", "de/"):
        page.goto(broken_site.url(path))
        _assert_folded(page, ("Ausblenden", "Einblenden") if path == "de/" else ("Hide", "Show"))
    page.goto(broken_site.url(f"credentials/{CREDENTIAL}/"))
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    _assert_panel_first(page, broken_site)
    _assert_open(page)
    assert page.evaluate("document.activeElement.matches('.credcat-problems__toggle')")
    assert page.evaluate("sessionStorage.getItem('credcat-problems-hidden')") is None
    expect(page.locator(f"{PANEL} .credcat-problems__this")).to_be_visible()
    page.goto(broken_site.url())
    _assert_panel_first(page, broken_site)
    _assert_open(page)


def test_a_mouse_hides_the_panel_and_another_tab_still_shows_it(
    new_context: NewContext, broken_site: Broken
) -> None:
    """A click folds the panel as the keyboard does; the choice is the tab's: another tab
    (another ``sessionStorage``) shows the panel."""
    context, _ = new_context()
    page = context.new_page()
    page.goto(broken_site.url("de/"))
    _assert_open(page, ("Ausblenden", "Einblenden"))
    page.locator(TOGGLE).click()
    _assert_folded(page, ("Ausblenden", "Einblenden"))
    page.reload()
    _assert_folded(page, ("Ausblenden", "Einblenden"))
    other = context.new_page()
    other.goto(broken_site.url())
    _assert_open(other)


def test_another_set_of_problems_opens_the_hidden_panel_again(
    page: Page, broken_site: Broken
) -> None:
    """The tab keeps the panel hidden for the problems it was hidden for: the preview after
    one more file broke shows it again, with its three errors, and hides it for those."""
    page.goto(broken_site.url())
    page.locator(TOGGLE).click()
    _assert_folded(page)
    page.goto(broken_site.url(MORE))
    expect(page.locator(f"{PANEL} h2")).to_have_text("3 errors in the catalogue catalogue/")
    expect(page.locator(TOGGLE)).to_have_text("Hide")
    expect(page.locator(f"{PANEL} ol.errors > li")).to_have_count(3)
    assert page.locator(PANEL).get_attribute("data-credcat-problems") == problems_key(
        broken_site.more
    )
    page.locator(TOGGLE).click()
    _assert_folded(page)
    page.goto(broken_site.url(f"{MORE}catalogue/"))
    _assert_folded(page)
    page.goto(broken_site.url())  # the first set again: not the set hidden last
    expect(page.locator(TOGGLE)).to_have_text("Hide")
    expect(page.locator(f"{PANEL} ol.errors")).to_be_visible()


def test_without_javascript_the_panel_stays_open_with_no_button(
    new_context: NewContext, broken_site: Broken
) -> None:
    """Without script there is nothing to hide the panel with: no button shows, the panel
    is whole, on every page."""
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("", f"credentials/{CREDENTIAL}/"):
        page.goto(broken_site.url(path))
        expect(page.locator(PANEL)).to_be_visible()
        expect(page.locator(f"{PANEL} ol.errors")).to_be_visible()
        assert page.locator(TOGGLE).count() == 1
        expect(page.locator(TOGGLE)).to_be_hidden()
