"""An accessibility audit of every kind of page, beyond what axe-core finds (its rules run in
``test_e2e.py``, ``test_languages.py`` and, in the dark scheme, ``test_dark_scheme.py``).

In English, German and French, on each kind of page: one ``h1`` and no heading level skipped;
one main, one banner and one contentinfo landmark, and the navigation landmarks shown each
named otherwise; the first Tab stop is the skip link, shown when focused, whose target exists;
a keyboard-only walk (Tab, up to 300 stops) never sticks on one element, never focuses what is
not on the screen, and every stop shows its focus (an outline or a shadow; the pathways graph's
links outline their box); links that go to different places have different names, anywhere
on the page (the ¶ of each heading of a hand-written page is named by its heading; the
header's link to the publisher's website "<name> – website", its page in the catalogue by its
name). On paper no form, button or
navigation is printed, the check page without a result included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from .conftest import NewContext, Site, site_of
from .test_credential_page import DESKTOP, open_page
from .test_dark_scheme import PAGE_NAMES, path_of
from .test_e2e import assert_no_axe_violations

pytestmark = pytest.mark.browser

STRUCTURE = r"""() => {
  const outside = (e) => !e.closest('main, article, section, aside, nav');
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const headings = [...document.querySelectorAll('.md-content h1, .md-content h2, ' +
    '.md-content h3, .md-content h4, .md-content h5, .md-content h6')]
    .filter((h) => !h.closest('[hidden], template'));
  const skipped = [];
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (previous && level > previous + 1) {
      const text = h.textContent.trim().slice(0, 40);
      skipped.push(`h${previous} → ${h.tagName.toLowerCase()} "${text}"`);
    }
    previous = level;
  }
  const label = (e) => e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '')
    .split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ');
  return {
    h1: headings.filter((h) => h.tagName === 'H1').length,
    skipped,
    main: document.querySelectorAll('main, [role=main]').length,
    banner: [...document.querySelectorAll('header, [role=banner]')].filter(outside).length,
    contentinfo: [...document.querySelectorAll('footer, [role=contentinfo]')]
      .filter(outside).length,
    navs: [...document.querySelectorAll('nav, [role=navigation]')].filter(shown).map(label),
  };
}"""

FOCUSED = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  let shows = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
    (s.boxShadow && s.boxShadow !== 'none');
  const box = e.closest('svg') && e.querySelector('rect');
  if (box) {  // an SVG link outlines its box (credcat.css: .credcat-graph a:focus-visible rect)
    const b = getComputedStyle(box);
    shows = b.stroke !== 'none' && parseFloat(b.strokeWidth) >= 2;
  }
  const all = [...document.querySelectorAll('*')];
  return {
    key: all.indexOf(e),
    what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' +
      (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30) + '"',
    shows,
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight &&
      r.right > 0 && r.left < innerWidth,
    skip: e.classList.contains('md-skip'),
    target: e.classList.contains('md-skip') &&
      // its fragment (Material's instant navigation makes its href absolute)
      !!document.getElementById(decodeURIComponent((e.hash || '').slice(1))),
  };
}"""

LINK_NAMES = r"""() => {
  const text = (e) => (e.textContent || '').replace(/\s+/g, ' ').trim();
  const name = (a) => {
    const by = a.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id) || a)).join(' ');
    return a.getAttribute('aria-label') || text(a) || a.querySelector('img')?.alt || a.title || '';
  };
  const places = {};
  const generic = /^(click here|here|more|read more|link|hier|mehr|ici|plus|cliquez ici)$/i;
  const vague = [];
  // every link shown, Material's header (the publisher's website), tabs, sidebars and footer
  // with the content's
  for (const a of document.querySelectorAll('a[href], a[*|href]')) {
    if (!a.getClientRects().length || getComputedStyle(a).visibility === 'hidden') continue;
    const n = name(a).toLowerCase();
    if (!n || generic.test(n)) vague.push(n || a.outerHTML.slice(0, 80));
    const href = a.getAttribute('href') || a.getAttribute('xlink:href');
    (places[n] = places[n] || new Set()).add(new URL(href, location.href).href);
  }
  const shared = Object.entries(places).filter(([, p]) => p.size > 1)
    .map(([n, p]) => `"${n}" → ${[...p].join(', ')}`);
  return {vague, shared};
}"""

PRINTED = r"""() => [...document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, nav, .md-header, .md-sidebar, ' +
    '.md-footer, [role=button]')]
  .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
    getComputedStyle(e).visibility !== 'hidden'; })
  .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' +
    (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30) + '"')"""


def keyboard_walk(page: Page) -> list[dict]:
    """Tab from the top of the page until the focus comes back to a stop it had (the walk is
    over) or leaves the page; a Tab that leaves the focus where it was is a trap."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    stops: list[dict] = []
    seen: set[int] = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["key"] in seen:
            break
        seen.add(focused["key"])
        stops.append(focused)
    else:
        pytest.fail(f"{page.url}: 300 Tab stops without coming back: a trap?")
    return stops


def each_page(page: Page, site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """Opens every kind of page in ``lang`` in turn, ready to be read (the catalogue's filters
    and the compare page's table drawn), and yields its name and path."""
    prefix = "" if lang == "en" else f"{lang}/"
    for name in PAGE_NAMES:
        path = prefix + path_of(site.catalogue, name)
        page.goto(site.url(path))
        if name == "catalogue":
            expect(page.locator("#credcat-filters")).to_be_visible()
        if name == "compare":
            expect(page.locator("table.credcat-compare-table")).to_be_visible()
        yield name, path


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_every_page_has_its_structure_and_works_with_the_keyboard_alone(
    new_context: NewContext, sample_site: Site, lang: str
) -> None:
    """Headings, landmarks, skip link, a keyboard walk with the focus always visible, and
    link names, on every kind of page."""
    page = open_page(new_context, DESKTOP)
    problems: list[str] = []
    for _name, path in each_page(page, sample_site, lang):
        found = page.evaluate(STRUCTURE)
        if found["h1"] != 1:
            problems.append(f"{path}: {found['h1']} h1")
        problems += [f"{path}: heading level skipped, {s}" for s in found["skipped"]]
        landmarks = (found["main"], found["banner"], found["contentinfo"])
        if landmarks != (1, 1, 1):
            problems.append(f"{path}: main, banner, contentinfo: {landmarks}")
        if len(set(found["navs"])) != len(found["navs"]) or "" in found["navs"]:
            problems.append(f"{path}: navigation landmarks unnamed or named alike: {found['navs']}")
        stops = keyboard_walk(page)
        if not stops or not stops[0]["skip"] or not stops[0]["target"]:
            problems.append(f"{path}: the first Tab stop is not a working skip link: {stops[:1]}")
        problems += [f"{path}: focus not shown on {s['what']}" for s in stops if not s["shows"]]
        problems += [
            f"{path}: focus off the screen on {s['what']}" for s in stops if not s["onScreen"]
        ]
        names = page.evaluate(LINK_NAMES)
        problems += [f"{path}: a link named {n!r}" for n in names["vague"]]
        problems += [f"{path}: one name, several places: {s}" for s in names["shared"]]
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_nothing_to_press_is_printed(new_context: NewContext, sample_site: Site, lang: str) -> None:
    """On paper, every kind of page keeps its content and drops forms, buttons, navigation,
    Material's header, sidebars and footer; the check page without a result prints how to check
    a credential, not its empty form."""
    page = open_page(new_context, DESKTOP)
    problems: list[str] = []
    for name, path in each_page(page, sample_site, lang):
        page.emulate_media(media="print")
        problems += [f"{path}: printed {e}" for e in page.evaluate(PRINTED)]
        if name == "check":
            expect(page.locator(".credcat-check .credcat-lead")).to_be_visible()
        page.emulate_media(media="screen")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_headers_link_to_the_publisher_is_named_as_its_website(
    new_context: NewContext, sample_site: Site, lang: str
) -> None:
    """The header shows the publisher's name, as the catalogue's links to the publisher's page
    do; its link to the publisher's website is named "<name> – website" in the page language
    (the name shown first, WCAG 2.5.3), and titled so, on every kind of page."""
    from credcat.render.language import localise
    from credcat.render.site.localise import ui_strings

    catalogue = sample_site.catalogue
    publisher = catalogue.organisations[catalogue.settings.publisher]
    shown = localise(publisher.name, lang, catalogue.settings.default_language)
    named = str(ui_strings(lang)["header_publisher_link"]).format(name=shown)
    assert named != shown and named.startswith(shown)
    page = open_page(new_context, DESKTOP)
    prefix = "" if lang == "en" else f"{lang}/"
    for name in ("home", "organisation", "how-to-read"):
        page.goto(sample_site.url(prefix + path_of(catalogue, name)))
        link = page.locator(".md-header a.md-source")
        expect(link).to_have_accessible_name(named)
        expect(link).to_have_attribute("title", named)
        expect(link.locator(".md-source__repository")).to_have_text(named)
        hidden = link.locator(".credcat-sr-only")  # the words around the name are not shown
        expect(hidden).to_have_text(named.replace(shown, "", 1).strip())
        box = hidden.bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1, box
        expect(link).to_have_attribute("href", str(publisher.homepage))


def test_the_404_page_starts_with_a_working_skip_link(
    new_context: NewContext, sample_site: Site
) -> None:
    """Material writes its skip link only where a page has a table of contents, which the 404
    page has not: credcat's 404 page has one, the first Tab stop, shown when focused, in the
    page's language, and it leads to the page's heading; the rest as on every other page."""
    page = open_page(new_context, DESKTOP)
    page.goto(sample_site.url("404.html"))
    found = page.evaluate(STRUCTURE)
    assert (found["h1"], found["main"], found["banner"], found["contentinfo"]) == (1, 1, 1, 1)
    stops = keyboard_walk(page)
    assert stops and stops[0]["skip"] and stops[0]["target"], stops[:1]
    assert all(s["shows"] and s["onScreen"] for s in stops), stops
    skip = page.locator("a.md-skip")
    expect(skip).to_have_count(1)
    expect(skip).to_have_text("Skip to content")  # Material's words, in the site's language
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == skip.get_attribute("href")
    expect(page.locator("h1")).to_be_in_viewport()
    page.keyboard.press("Tab")  # the skip link shown and hidden again: axe sees it as it is
    assert_no_axe_violations(page, "404.html")


def test_the_404_page_has_its_skip_link_with_instant_navigation_and_leaves_it_behind(
    new_context: NewContext, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """With Material's navigation.instant on, the 404 page has its skip link too, the first
    Tab stop, leading to its heading (it had none: it was left out, as it would have stayed
    on every page loaded after, outside what Material replaces); the page loaded from it
    without reloading has its own skip link only, none to the 404 page's heading."""
    from tests.catalogue_factory import write_catalogue

    for site in site_of(
        tmp_path_factory, "instant", write_catalogue, features=("navigation.instant",)
    ):
        # Material navigates instantly only to the sitemap's addresses, their host (not their
        # port) taken for the page's: served on a port here, the sitemap names it
        sitemap = site.root / "sitemap.xml"
        sitemap.write_text(
            sitemap.read_text("utf-8").replace("https://credentials.test.example/", site.url()),
            "utf-8",
        )
        page = open_page(new_context, DESKTOP)
        page.goto(site.url("404.html"))
        skip = page.locator("a.md-skip")
        expect(skip).to_have_count(1)
        # in Material's place for it; Material makes the links it may replace absolute
        expect(page.locator("[data-md-component=skip] a.md-skip")).to_have_count(1)
        expect(skip).to_have_attribute("href", re.compile(r"(^|/404\.html)#credcat-not-found$"))
        stops = keyboard_walk(page)
        assert stops and stops[0]["skip"] and stops[0]["target"], stops[:1]
        page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
        page.keyboard.press("Tab")
        expect(skip).to_be_focused()
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#credcat-not-found"
        page.evaluate("() => { window.credcatNotReloaded = true; }")
        page.locator(".credcat-not-found a").first.click()  # the home page
        expect(page.locator("h1")).to_have_text("instant")
        assert page.evaluate("() => window.credcatNotReloaded === true")  # instant, no load
        expect(page.locator('a[href$="#credcat-not-found"]')).to_have_count(0)
        expect(page.locator("a.md-skip")).to_have_count(1)
        expect(page.locator("a.md-skip")).to_have_attribute("href", re.compile(r"#instant$"))
