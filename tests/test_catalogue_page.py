"""The catalogue page's no-JavaScript list, its cards (price, next start) and the compare page.

What the browser does with them is in ``tests/browser/test_catalogue_ui.py``; the shape of
``catalogue.json`` in ``test_site_build.py``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from catalogue_factory import credential, varied_catalogue, write_catalogue
from credcat.render.site.catalogue import PAGE_SIZE, SCRIPT_STRINGS
from credcat.render.site.index import catalogue_index
from credcat.render.site.localise import ui_strings
from credcat.render.site.pages import Pages
from credcat.urls import Urls
from credcat.validate import load_catalogue

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "plugins" / "credcat" / "theme" / "assets" / "credcat"


def test_a_large_catalogue_lists_every_credential_on_numbered_pages(tmp_path: Path) -> None:
    count = PAGE_SIZE + 30
    cat = load_catalogue(varied_catalogue(tmp_path / "catalogue", count))
    pages = Pages(cat, Urls.of(cat.settings))
    specs = [s for s in pages.pages() if s.kind == "catalogue"]
    assert [s.path for s in specs] == ["catalogue/", "catalogue/2/"]
    assert specs[1].entity == "2" and "2" in specs[1].title
    first, second = (pages.context(s) for s in specs)
    assert len(first["cards"]) == PAGE_SIZE and len(second["cards"]) == 30
    listed = [c["id"] for c in first["cards"] + second["cards"]]
    assert sorted(listed) == sorted(cat.credentials)  # every credential, once
    titles = [c["title"].casefold() for c in first["cards"] + second["cards"]]
    assert titles == sorted(titles)
    for spec, context in ((specs[0], first), (specs[1], second)):
        links = [(urljoin("/" + spec.path, p["href"]), p["current"]) for p in context["pages"]]
        assert links == [("/catalogue/", spec is specs[0]), ("/catalogue/2/", spec is specs[1])]


def test_a_small_catalogue_has_one_page_without_page_links() -> None:
    cat = load_catalogue(REPO / "catalogue")
    pages = Pages(cat, Urls.of(cat.settings))
    specs = [s for s in pages.pages() if s.kind == "catalogue"]
    assert len(specs) == 1
    context = pages.context(specs[0])
    assert context["pages"] == []
    shown = {c["id"] for c in context["cards"] + context["other_cards"]}
    assert shown == set(cat.credentials)


def test_a_card_shows_the_next_start_and_its_price(tmp_path: Path) -> None:
    # the tests' today is 2026-12-01 (tests/conftest.py)
    runs = [
        {"id": "past", "start": "2026-03-01", "price": {"amount": 100, "currency": "EUR"}},
        {"id": "next", "start": "2027-02-01", "price": {"amount": 450, "currency": "EUR"}},
        {"id": "later", "start": "2027-09-01"},
    ]
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "upcoming": credential(offerings=runs),
            "ended": credential(offerings=runs[:1]),
            "none": credential(),
        },
    )
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    spec = next(s for s in pages.pages() if s.kind == "catalogue")
    cards = {c["id"]: c for c in pages.context(spec)["cards"]}
    assert cards["upcoming"]["next_start"] == "Next start 1 February 2027"
    assert cards["upcoming"]["price"] == "€450"
    assert cards["ended"]["next_start"] == ""  # a run that has started is not the next start
    assert cards["ended"]["price"] == "€100"
    assert (cards["none"]["next_start"], cards["none"]["price"]) == ("", "Ask the provider")


def test_compare_page_exists_in_every_language(tmp_path: Path) -> None:
    cat = load_catalogue(REPO / "catalogue")
    languages = [cat.settings.default_language, *cat.settings.languages]
    urls = Urls.of(cat.settings)
    for lang in dict.fromkeys(languages):
        pages = Pages(cat, urls, lang)
        spec = next(s for s in pages.pages() if s.kind == "compare")
        assert spec.path == urls.compare_page(lang)
        context = pages.context(spec)
        config = context["config"]
        # the language's own catalogue.json, relative to the page
        data = urljoin("/" + spec.path, config["catalogue_json"])
        assert data == "/" + urls.catalogue_json(lang)
        assert config["max"] == 3
        assert config["strings"]["title"] == context["title"]


def _used(script: str, name: str) -> set[str]:
    code = (ASSETS / script).read_text("utf-8")
    return set(re.findall(rf"\b{name}\.(\w+)", code))


def test_the_scripts_hold_no_words_of_their_own() -> None:
    # every string the scripts show comes from ui.yaml, in every language
    used_compare = _used("compare.js", "strings")
    used_catalogue = _used("catalogue.js", "words")
    assert used_compare and used_catalogue
    assert used_catalogue <= set(SCRIPT_STRINGS)
    for lang in ("en", "de", "fr"):
        ui = ui_strings(lang)
        assert used_compare <= set(ui["compare"]), lang
        for key in SCRIPT_STRINGS:
            assert isinstance(ui[key], str) and ui[key], (lang, key)
        for key in ("catalogue_skip", "catalogue_show_n", "catalogue_more", "compare_open"):
            assert ui[key], (lang, key)


def test_the_scripts_put_text_in_with_text_content_only() -> None:
    for script in ("catalogue.js", "compare.js"):
        code = (ASSETS / script).read_text("utf-8")
        for dangerous in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ):
            assert dangerous not in code, (script, dangerous)


def test_cards_show_the_first_providers_logo_as_decoration() -> None:
    """The card's logo comes before the providers' names, so it is decorative (``alt=""``);
    ``catalogue.json`` names each logo relative to itself, in every language."""
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    for lang in cat.settings.languages:
        pages = Pages(cat, urls, lang)
        spec = next(s for s in pages.pages() if s.kind == "catalogue")
        cards = pages.context(spec)["cards"]
        with_logo = [c for c in cards if c["logo"]]
        assert with_logo, "the sample's organisations have logos"
        for card in with_logo:
            assert card["logo"]["alt"] == ""
            target = posixpath.normpath(posixpath.join(spec.path, card["logo"]["src"]))
            assert re.fullmatch(r"organisations/[a-z0-9-]+/logo\.(svg|png|jpe?g|webp)", target)
        index = catalogue_index(cat, urls, lang)
        folder = posixpath.dirname(
            urls.catalogue_json(None if lang == cat.settings.default_language else lang)
        )
        logos = index["logos"]
        for entry in index["credentials"]:
            for oid in entry["p"]:
                if cat.organisations[oid].logo:
                    path = posixpath.normpath(posixpath.join(folder, logos[oid]))
                    assert path == f"organisations/{oid}/logo.svg"
