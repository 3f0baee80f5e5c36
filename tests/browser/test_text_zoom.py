"""Every kind of page at 200 % text size on a phone (WCAG 1.4.4 Resize text, 1.4.10 Reflow).

The text size is set the way a reader sets it: Chromium's own font-size preference (the
"Font size" of its settings, over CDP's ``Page.setFontSizes``), the standard font at 32 px
instead of 16. That is what a browser's text zoom does: every ``rem`` and ``em`` doubles
(Material's root is 125 % of it, 40 px instead of 20), and so do the ``em`` of media queries,
so a 320 px screen is 10 em wide as it is for that reader. Setting
``document.documentElement.style.fontSize`` would double the text as well but leave media
queries at 16 px an em, as no reader's browser does; a minimum font size would enlarge only the
small texts, which is no text zoom at all.

At 320×568 and 375×667, in English, German and French, on every kind of page (the catalogue
with its filters open, the check page with a result): nothing scrolls sideways
(``scrollWidth <= innerWidth``); no text is cut off by its box (an element that clips, with
``overflow`` hidden or an ellipsis, holds all its content); a box that scrolls sideways is
focusable, and one that holds a table (the list of versions, an organisation's roles, the
compare page's table, a table of a hand-written page) a group named by its heading or
caption. The only texts allowed to be shortened are those shortened at the normal size too,
whose whole text the page gives elsewhere: Material's header (the site's and page's titles,
the page's title being its ``h1``) and the navigation drawer's title, and the catalogue cards'
summaries, clamped to two lines (each card links its credential's page, which gives the
summary whole).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from . import check_fixtures as fx
from .conftest import NewContext, Site
from .test_check import CID, VERSION, paste
from .test_credential_page import NARROW, PHONE, open_page
from .test_dark_scheme import PAGE_NAMES, path_of

pytestmark = pytest.mark.browser

TEXT_200 = {"standard": 32, "fixed": 26}
"""Chromium's font sizes at 200 % (its defaults are 16 and 13 px)."""
SHORTENED_BY_DESIGN = ".md-header, .md-nav__title, .credcat-card__summary"

LAYOUT = r"""(shortened) => {
  const W = window.innerWidth;
  const seen = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;  // nothing, or visually hidden (sr-only)
    if (r.right <= 0 || r.left >= W) return false;    // Material's drawer, off the screen
    const s = getComputedStyle(e);
    return s.visibility !== 'hidden' && s.opacity !== '0';
  };
  const text = (e) => (e.innerText || '').trim();
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className
      ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const clipped = [], unnamed = [], wide = [];
  for (const e of document.querySelectorAll('body *')) {
    if (!seen(e) || e.closest(shortened)) continue;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    if (r.right > W + 0.5) {
      let a = e.parentElement, inside = false;
      for (; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') { inside = true; break; }
      }
      if (!inside) {
        wide.push(`${name(e)} ends at ${Math.round(r.right)} px: ${text(e).slice(0, 50)}`);
      }
    }
    const clips = (v) => v === 'hidden' || v === 'clip';
    const scrolls = (v) => v === 'auto' || v === 'scroll';
    const overX = e.scrollWidth > e.clientWidth + 1, overY = e.scrollHeight > e.clientHeight + 1;
    if (text(e) && ((clips(s.overflowX) && overX) || (clips(s.overflowY) && overY) ||
                    (s.textOverflow === 'ellipsis' && overX))) {
      clipped.push(`${name(e)} holds ${e.scrollWidth}×${e.scrollHeight} px in ` +
                   `${e.clientWidth}×${e.clientHeight}: ${text(e).slice(0, 50)}`);
    }
    if (scrolls(s.overflowX) && overX && e.tagName !== 'TEXTAREA') {
      const focusable = e.tabIndex >= 0 || e.querySelector('a[href], button, input, [tabindex]');
      const named = ['region', 'group'].includes(e.getAttribute('role')) &&
        (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'));
      // a table's box is a named region; any other (a code block) focusable at least
      if (!focusable || (!named && e.querySelector('table'))) {
        unnamed.push(`${name(e)} scrolls sideways but is ` +
                     (focusable ? 'not a named region' : 'not focusable'));
      }
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: W,
          root: getComputedStyle(document.documentElement).fontSize, clipped, unnamed, wide};
}"""


def text_at_200(page: Page) -> None:
    """Chromium's font-size preference at 200 %, as a reader sets it."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": TEXT_200})


def prepare(page: Page, site: Site, name: str) -> None:
    """Each page as a reader uses it: the catalogue's filters open, the compare page's table
    drawn, the check page with a result that differs."""
    if name == "catalogue":
        expect(page.locator("#credcat-filters")).to_be_visible()
        page.evaluate(
            "() => { for (const d of document.querySelectorAll('#credcat-filters details')) "
            "d.open = true; }"
        )
    if name == "compare":
        expect(page.locator("table.credcat-compare-table")).to_be_visible()
    if name == "check":
        expect(page.locator("#credcat-check-form")).to_be_visible()
        paste(page, json.dumps(fx.jades_json(fx.tampered(fx.issued_edc(site.root, CID, VERSION)))))


@pytest.mark.parametrize("width", ["320", "375"])
@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_every_page_reflows_at_200_percent_text_on_a_phone(
    new_context: NewContext, sample_site: Site, lang: str, width: str
) -> None:
    """At 200 % text (Chromium's font size 32 px) on a 320 or 375 px phone: no page scrolls
    sideways, no text is cut off, a box that scrolls sideways is a named, focusable region."""
    viewport = NARROW if width == "320" else PHONE
    page = open_page(new_context, viewport)
    page.goto(sample_site.url(""))
    normal_root = page.evaluate(
        "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    text_at_200(page)
    prefix = "" if lang == "en" else f"{lang}/"
    problems: list[str] = []
    measured: dict[str, Any] = {}
    for name in PAGE_NAMES:
        path = prefix + path_of(sample_site.catalogue, name)
        page.goto(sample_site.url(path))
        prepare(page, sample_site, name)
        found = page.evaluate(LAYOUT, SHORTENED_BY_DESIGN)
        assert float(found["root"].removesuffix("px")) == 2 * normal_root, (path, found["root"])
        measured[name] = found["scrollWidth"]
        if found["scrollWidth"] > found["innerWidth"]:
            problems.append(
                f"{path}: scrolls sideways, {found['scrollWidth']} px in {found['innerWidth']}"
            )
        problems += [f"{path}: {p}" for p in found["wide"] + found["clipped"] + found["unnamed"]]
    print(f"200 % text at {width} px ({lang}), scrollWidth: {json.dumps(measured)}")
    assert not problems, f"at 200 % text, {width} px wide ({lang}):\n" + "\n".join(problems)
