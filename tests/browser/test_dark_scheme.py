"""Every kind of page in Material's dark scheme (slate), as a site that turns it on shows it.

The sample site is built once (light, as ``mkdocs.yml`` has it); each page is switched to slate
the way a palette toggle switches it, by the body's ``data-md-color-scheme``, in two palettes:

- ``sample``: the sample's own colours (``theme_overrides/assets/stylesheets/sample.css``, a
  custom primary colour with its links' colour for slate);
- ``indigo``: Material's default palette, which ``credcat init`` writes (the sample's
  stylesheet taken out of the page, the body's primary colour indigo).

axe-core (WCAG 2.0/2.1 A and AA, colour contrast included) finds nothing on any page in
either, and credcat's own labels, graphics, focus outline and hovered links are measured
(alpha composited over what lies under them) in both schemes. Paper stays light.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credcat.catalogue import Catalogue

from . import check_fixtures as fx
from .conftest import NewContext, Site
from .test_check import CID, VERSION, paste
from .test_credential_page import (
    DESKTOP,
    assert_hovered_and_focused_contrast,
    offered,
    open_page,
)
from .test_e2e import assert_no_axe_violations, sample_pages

pytestmark = pytest.mark.browser

PALETTES = ("sample", "indigo")
TEXT = 4.5  # WCAG 1.4.3, for the small texts measured here
GRAPHIC = 3.0  # WCAG 1.4.11: borders, lines and focus outlines that carry meaning

SWITCH = """([scheme, palette]) => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  if (palette === 'indigo') {
    for (const link of document.querySelectorAll('link[href$="sample.css"]')) link.remove();
    document.body.setAttribute('data-md-color-primary', 'indigo');
  }
}"""

MEASURE = r"""(checks) => {
  const parse = (text) => {
    const m = /rgba?\(([^)]+)\)/.exec(text || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) =>
    [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  // what lies under an element: its own and its ancestors' backgrounds down to the first
  // opaque one; a text of the pathways graph lies on its node's box (the rect's fill)
  const under = (element) => {
    const layers = [];
    let node = element;
    const box = element.closest('a.credcat-graph__node');
    if (box && element.tagName.toLowerCase() === 'text') {
      layers.push(parse(getComputedStyle(box.querySelector('rect')).fill));
      node = element.closest('svg');
    }
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) layers.push(c);
      if (layers.length && layers[layers.length - 1][3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const shown = (e) => {
    if (e.closest('marker')) return true;  // an arrowhead, drawn at each arrow's end
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  return checks.map(([name, selector, property]) => {
    const found = [...document.querySelectorAll(selector)].filter(shown);
    let worst = null;
    for (const e of found) {
      const value = getComputedStyle(e)[property];
      const back = under(e);
      const r = Math.round(ratio(over(parse(value), back), back) * 100) / 100;
      if (worst === null || r < worst.ratio) {
        worst = {ratio: r, colour: value, html: e.outerHTML.slice(0, 100),
                 under: 'rgb(' + back.slice(0, 3).map(Math.round).join(', ') + ')'};
      }
    }
    return {name, selector, count: found.length, worst};
  });
}"""


def to_scheme(page: Page, scheme: str, palette: str) -> None:
    """Switch the loaded page to ``scheme`` in ``palette`` and let Material's colour
    transitions end."""
    page.evaluate(SWITCH, [scheme, palette])
    page.wait_for_function("() => document.getAnimations().length === 0")


def dark_pages(cat: Catalogue) -> dict[str, str]:
    """Name → site path of every kind of page: those of the light-scheme axe test, and the
    employers' summary, the check page (with a result, below) and the compare page."""
    pages = sample_pages(cat)
    cred = offered(cat)
    pages["summary"] = f"credentials/{cred.id}/{cred.version}/summary/"
    pages["check"] = "check/"
    compared = sorted(c.id for c in cat.credentials.values() if c.status == "active")[:3]
    pages["compare"] = "compare/?ids=" + ",".join(compared)
    return pages


PAGE_NAMES = [
    "home",
    "catalogue",
    "credential",
    "credential-version",
    "credential-other-status",
    "summary",
    "organisation",
    "organisations",
    "pathways",
    "check",
    "compare",
    "data",
    "how-to-read",
]


def path_of(cat: Catalogue, name: str) -> str:
    pages = dark_pages(cat)
    if name == "credential-other-status":
        others = [k for k in pages if k.startswith("credential-") and k != "credential-version"]
        assert others, "the sample catalogue has no draft, superseded or retired credential"
        name = others[0]
    return pages[name]


def show_a_result(page: Page, site: Site) -> None:
    """The check page with a result that differs (a tampered copy of an issued credential):
    the verdict and the differing rows in their colours."""
    expect(page.locator("#credcat-check-form")).to_be_visible()
    paste(page, json.dumps(fx.jades_json(fx.tampered(fx.issued_edc(site.root, CID, VERSION)))))
    expect(page.locator(".credcat-check__row--differs").first).to_be_visible()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_axe_in_the_dark_scheme(new_context: NewContext, sample_site: Site, name: str) -> None:
    """No axe violation (colour contrast included) on every kind of page in slate, in the
    sample's palette and in Material's default indigo."""
    page = open_page(new_context, DESKTOP)
    path = path_of(sample_site.catalogue, name)
    for palette in PALETTES:
        page.goto(sample_site.url(path))
        if name == "catalogue":
            expect(page.locator("#credcat-filters")).to_be_visible()
        if name == "compare":
            expect(page.locator("table.credcat-compare-table")).to_be_visible()
        if name == "check":
            show_a_result(page, sample_site)
        to_scheme(page, "slate", palette)
        assert_no_axe_violations(page, f"{name} ({path}) in slate, {palette} palette")


# What credcat colours itself, page by page: (name, selector, computed property, minimum).
OWN_COLOURS: dict[str, list[tuple[str, str, str, float]]] = {
    "credential": [
        ("kicker", ".credcat-kicker", "color", TEXT),
        ("first screen's labels", ".credcat-glance__facts dt", "color", TEXT),
        ("next start and price labels", ".credcat-glance__label", "color", TEXT),
        ("first screen's link", ".credcat-glance a:not(.md-button)", "color", TEXT),
        ("price note", ".credcat-glance__price-note", "color", TEXT),
        ("key facts' labels", "dl.credcat-facts__list dt", "color", TEXT),
        ("version line", ".credcat-version", "color", TEXT),
        ("outcome's level", ".credcat-outcome__meta", "color", TEXT),
        ("links", ".md-content a:not(.md-button)", "color", TEXT),
        ("Enrol", ".credcat-enrol", "color", TEXT),
    ],
    "credential-other-status": [
        ("status badge", ".credcat-badge", "color", TEXT),
        ("kicker", ".credcat-kicker", "color", TEXT),
    ],
    "summary": [
        ("summary's head", ".credcat-sheet__head", "color", TEXT),
        ("QR code's caption", ".credcat-sheet__qr figcaption", "color", TEXT),
        ("what the assessment proves", ".credcat-sheet__proves", "color", TEXT),
    ],
    "catalogue": [
        ("awarding body", ".credcat-card__provider", "color", TEXT),
        ("card summary", ".credcat-card__summary", "color", TEXT),
        ("card facts", ".credcat-card__facts li", "color", TEXT),
        ("card title", ".credcat-card__title a", "color", TEXT),
        ("facet counts", ".credcat-option__count", "color", TEXT),
        ("hint", ".credcat-hint", "color", TEXT),
        ("Clear all filters", "#credcat-reset", "color", TEXT),
        ("input border", ".credcat-input", "borderTopColor", GRAPHIC),
    ],
    "organisation": [("labels", "dl.credcat-pairs dt", "color", TEXT)],
    "pathways": [
        ("credential's title", ".credcat-graph__title", "fill", TEXT),
        ("level and workload", ".credcat-graph__meta", "fill", TEXT),
        ("pathway total", ".credcat-graph__total", "fill", TEXT),
        ("boxes", ".credcat-graph rect", "stroke", GRAPHIC),
        ("arrows", ".credcat-graph__edge", "stroke", GRAPHIC),
        ("arrowheads", ".credcat-graph__arrowhead", "fill", GRAPHIC),
    ],
    "check": [
        ("differing rows", ".credcat-check__row--differs td:last-child", "color", TEXT),
        ("when and on what", ".credcat-check__when", "color", TEXT),
        ("verdict's border", ".credcat-check__verdict", "borderLeftColor", GRAPHIC),
        ("Clear", "#credcat-check-clear", "color", TEXT),
    ],
    "compare": [("Remove", ".credcat-compare__remove", "color", TEXT)],
}


def measure(page: Page, checks: list[tuple[str, str, str, float]]) -> list[str]:
    """The checks that fail on the page as it is (each must find an element shown)."""
    found = page.evaluate(MEASURE, [list(c[:3]) for c in checks])
    failures = []
    for (name, selector, _, minimum), result in zip(checks, found, strict=True):
        worst = result["worst"]
        if worst is None:
            failures.append(f"{name}: nothing shown matches {selector}")
        elif worst["ratio"] < minimum:
            failures.append(
                f"{name}: {worst['ratio']}:1 < {minimum}:1, {worst['colour']} on "
                f"{worst['under']}: {worst['html']}"
            )
    return failures


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_credcats_own_colours_keep_their_contrast(
    new_context: NewContext, sample_site: Site, scheme: str, palette: str
) -> None:
    """credcat's labels, badges, graph and borders keep 4.5:1 (texts) and 3:1 (graphics) in
    both schemes, and so do a focused link's outline, a hovered link and a hovered or focused
    button."""
    cat = sample_site.catalogue
    page = open_page(new_context, DESKTOP)
    failures = []
    for name, checks in OWN_COLOURS.items():
        page.goto(sample_site.url(path_of(cat, name)))
        if name == "check":
            show_a_result(page, sample_site)
        to_scheme(page, scheme, palette)
        failures += [f"{name}: {f}" for f in measure(page, checks)]
        if name == "credential":
            link = page.locator(".md-content p a[href]").first
            link.focus()
            assert link.evaluate("e => e.matches(':focus-visible')")
            failures += measure(page, [("focus outline", ":focus", "outlineColor", GRAPHIC)])
            link.hover()
            page.wait_for_function("() => document.getAnimations().length === 0")
            failures += measure(page, [("hovered link", ".md-content a:hover", "color", TEXT)])
            page.mouse.move(0, 0)
            assert_hovered_and_focused_contrast(page, page.locator(".credcat-enrol").first)
    assert not failures, f"{scheme} scheme, {palette} palette:\n" + "\n".join(failures)


PHONE = {"width": 375, "height": 667}

FILTERS_IN_USE = [
    ("their label", ".credcat-chips__label", "color", TEXT),
    ("a filter's button", ".credcat-chip", "color", TEXT),
    ("its border", ".credcat-chip", "borderTopColor", GRAPHIC),
]
"""The buttons of the filters in use above the catalogue's results (on a phone only)."""


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_filters_in_use_on_a_phone_keep_their_contrast(
    new_context: NewContext, sample_site: Site, scheme: str, palette: str
) -> None:
    """At 375 px, the catalogue opened with two filters: the buttons that remove them (above
    the results) keep 4.5:1 for their text, 3:1 for their border, in both schemes and both
    palettes, hovered and focused too; axe finds nothing."""
    cred = min(
        (c for c in sample_site.catalogue.credentials.values() if c.status == "active"),
        key=lambda c: c.id,
    )
    page = open_page(new_context, PHONE)
    page.goto(sample_site.url(f"catalogue/?eqf={cred.eqf}&mode={cred.mode}"))
    expect(page.locator("#credcat-chips button")).to_have_count(2)
    to_scheme(page, scheme, palette)
    failures = measure(page, FILTERS_IN_USE)
    assert not failures, f"{scheme} scheme, {palette} palette:\n" + "\n".join(failures)
    assert_hovered_and_focused_contrast(page, page.locator(".credcat-chip").first)
    assert_no_axe_violations(page, f"the filters in use at 375 px, {scheme}, {palette} palette")


FOLDS = {
    "notice": [
        ("the notice's button", ".credcat-banner__toggle", "color", TEXT),
        ("its border", ".credcat-banner__toggle", "borderTopColor", GRAPHIC),
    ],
    "compare": [
        ("a list's button", ".credcat-compare__fold", "color", TEXT),
        ("its border", ".credcat-compare__fold", "borderTopColor", GRAPHIC),
    ],
}
"""The buttons that fold a long text on a phone: a status note, the compare page's lists."""


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_buttons_that_fold_on_a_phone_keep_their_contrast(
    new_context: NewContext, sample_site: Site, scheme: str, palette: str
) -> None:
    """At 375 px, the button that folds a retired or superseded credential's status note (on
    the notice's own background) and those that fold the compare page's outcomes and
    assessments keep 4.5:1 for their text, 3:1 for their border, in both schemes and both
    palettes, hovered and focused too; axe finds nothing, folded or not."""
    cat = sample_site.catalogue
    gone = min(
        (c for c in cat.credentials.values() if c.status != "active" and c.status_note),
        key=lambda c: c.id,
    )
    active = sorted(c.id for c in cat.credentials.values() if c.status == "active")[:2]
    page = open_page(new_context, PHONE)
    for name, path in (
        ("notice", f"credentials/{gone.id}/"),
        ("compare", "compare/?ids=" + ",".join(active)),
    ):
        page.goto(sample_site.url(path))
        button = page.locator(FOLDS[name][0][1]).first
        expect(button).to_be_visible()
        to_scheme(page, scheme, palette)
        failures = measure(page, FOLDS[name])
        assert not failures, f"{name}, {scheme} scheme, {palette} palette:\n" + "\n".join(failures)
        assert_hovered_and_focused_contrast(page, button)
        assert_no_axe_violations(page, f"{name} folded at 375 px, {scheme}, {palette} palette")
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        assert_no_axe_violations(page, f"{name} unfolded at 375 px, {scheme}, {palette} palette")


QR_AS_PAINTED = """async ([png, size]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const step = image.width / size, rows = [];
  for (let y = 0; y < size; y++) {
    let row = '';
    for (let x = 0; x < size; x++) {
      const [px, py] = [x, y].map((v) => Math.floor((v + 0.5) * step));
      const at = context.getImageData(px, py, 1, 1).data;
      row += at[0] < 128 ? '1' : '0';
    }
    rows.push(row);
  }
  return rows;
}"""


def test_qr_codes_and_logos_stay_light_in_the_dark_scheme(
    new_context: NewContext, sample_site: Site
) -> None:
    """In slate the QR code, as the page paints it, is still dark modules on its own white
    quiet zone, the symbol of its address; logos lie on a light plate."""
    import segno

    cred = offered(sample_site.catalogue)
    page = open_page(new_context, DESKTOP)
    page.goto(sample_site.url(f"credentials/{cred.id}/{cred.version}/summary/"))
    to_scheme(page, "slate", "sample")
    svg = page.locator(".credcat-qr").first
    size = int(svg.evaluate("svg => svg.viewBox.baseVal.width"))
    # eight pixels a module, as a phone's camera reads it
    svg.evaluate("(svg, px) => { svg.parentElement.style.width = px + 'px'; }", size * 8)
    shot = svg.screenshot()
    painted = page.evaluate(QR_AS_PAINTED, [base64.b64encode(shot).decode("ascii"), size])
    address = (svg.get_attribute("aria-label") or "").removeprefix("QR code of ")
    symbol = segno.make(address, error="m", micro=False).matrix
    quiet = "0" * ((size - len(symbol)) // 2)
    expected = [quiet * 2 + "0" * len(symbol)] * len(quiet)
    expected = [*expected, *(quiet + "".join(str(c) for c in row) + quiet for row in symbol)]
    expected += expected[: len(quiet)]
    assert painted == expected
    backgrounds = page.locator("article img.credcat-logo").evaluate_all(
        "imgs => imgs.map(i => getComputedStyle(i).backgroundColor)"
    )
    assert backgrounds and set(backgrounds) == {"rgb(255, 255, 255)"}, backgrounds
    page.goto(sample_site.url("catalogue/"))
    to_scheme(page, "slate", "sample")
    backgrounds = page.locator("img.credcat-card__logo").evaluate_all(
        "imgs => imgs.map(i => getComputedStyle(i).backgroundColor)"
    )
    assert backgrounds and set(backgrounds) == {"rgb(255, 255, 255)"}, backgrounds


def test_paper_stays_light_whatever_the_scheme(new_context: NewContext, sample_site: Site) -> None:
    """Printed from slate, credcat's colours are those of the light scheme (dark on white):
    its slate colours are for the screen only, as Material's."""
    cat = sample_site.catalogue
    page = open_page(new_context, DESKTOP)
    colours: dict[str, dict[str, Any]] = {}
    for scheme in ("default", "slate"):
        page.goto(sample_site.url(path_of(cat, "credential-other-status")))
        to_scheme(page, scheme, "sample")
        page.emulate_media(media="print")
        colours[scheme] = page.evaluate(
            "() => Object.fromEntries([['kicker', '.credcat-kicker'], ['badge', '.credcat-badge'],"
            " ['label', 'dl.credcat-facts__list dt'], ['body', 'body']].map(([k, s]) =>"
            " [k, getComputedStyle(document.querySelector(s))[k === 'body' ? 'backgroundColor'"
            " : 'color']]))"
        )
        page.emulate_media(media="screen")
    assert colours["slate"] == colours["default"], colours
    assert colours["default"]["kicker"] == "rgb(85, 85, 85)", colours
