"""Every catalogue language in one build: folders, switch, sitemap, search, fallbacks, labels.

Two builds, each once per module: the sample catalogue (en complete, de complete, fr partial)
with the repository's ``mkdocs.yml``, and a small catalogue whose default language is Irish
(Material's words from credcat's own language file, no lunr stemmer, none of credcat's words)
with Slovenian (no lunr stemmer) and Maltese beside it.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from datetime import date
from html import escape as escape_html
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jinja2
import pytest
from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tests.catalogue_factory import (
    POLISH,
    SETTINGS,
    credential,
    polish_catalogue,
    write_catalogue,
)
from tests.test_site_build import article_links, build_site, make_project, said_in

from credcat import vocab
from credcat.cli import main
from credcat.languages import (
    SiteLanguages,
    language_name,
    og_locale,
    search_language,
    search_line,
    split_search_index,
    theme_language,
)
from credcat.mkdocs_plugin import THEME_DIR
from credcat.render.site.localise import Localiser, ui_strings
from credcat.validate import load_catalogue

REPO = Path(__file__).resolve().parent.parent
MATERIAL = Path(__import__("material").__file__).parent / "templates"


# --- pure functions ------------------------------------------------------------------------------


def test_counterparts_and_alternates() -> None:
    langs = SiteLanguages.of("en", ["en", "de", "fr"])
    assert langs.all == ("en", "de", "fr")
    assert langs.language_of("de/credentials/x/") == "de"
    assert langs.language_of("credentials/x/") == "en"
    assert langs.language_of("design/") == "en"  # a folder named like no language
    assert langs.counterpart("de/credentials/x/1.0/", "fr") == "fr/credentials/x/1.0/"
    assert langs.counterpart("fr/", "en") == ""
    assert [a["path"] for a in langs.alternates("catalogue/")] == [
        "catalogue/",
        "de/catalogue/",
        "fr/catalogue/",
    ]
    assert [a["name"] for a in langs.alternates("")] == ["English", "Deutsch", "Français"]


def test_language_names_come_from_cldr() -> None:
    assert language_name("sl") == "Slovenščina"
    assert language_name("ga") == "Gaeilge"
    assert language_name("xx-unknown") == "xx-unknown"


def test_open_graph_locales_name_a_territory() -> None:
    """``og:locale`` is ``language_TERRITORY`` (the Open Graph protocol): the tag's own
    territory, else CLDR's likeliest one."""
    assert [og_locale(lang) for lang in ("de", "fr", "ga", "pt-BR", "sr-Latn", "xx")] == [
        "de_DE",
        "fr_FR",
        "ga_IE",
        "pt_BR",
        "sr_RS",
        "xx",
    ]
    # credcat's Portuguese is European: its pages say so, though CLDR's likeliest is Brazil
    assert og_locale("pt") == "pt_PT"


def test_theme_and_search_languages_fall_back_where_material_has_none() -> None:
    dirs = [str(MATERIAL)]
    assert theme_language("de", dirs) == "de"
    assert theme_language("ga", dirs) == "en"
    assert theme_language("mt", dirs) == "en"
    assert search_language("de", dirs) == "de"
    assert search_language("fr", dirs) == "fr"
    assert search_language("sl", dirs) == "en"  # Material's sl.html names a stemmer it lacks
    # credcat's theme has Irish and Maltese files for Material's words; lunr still has no stemmer
    dirs = [THEME_DIR, str(MATERIAL)]
    assert [theme_language(code, dirs) for code in ("ga", "mt", "pt", "de")] == [
        "ga",
        "mt",
        "pt",
        "de",
    ]
    assert [search_language(code, dirs) for code in ("ga", "mt", "pt")] == ["en", "en", "pt"]


def _material_words(name: str) -> dict[str, str]:
    """Every key of the Material language file ``partials/languages/<name>.html`` that a site
    of credcat finds (credcat's theme first, then Material's), with what its ``t`` says."""
    loader = jinja2.FileSystemLoader([THEME_DIR, str(MATERIAL)])
    env = jinja2.Environment(loader=loader)
    template = f"partials/languages/{name}.html"
    source = loader.get_source(env, template)[0]
    macro = env.get_template(template).module.t  # type: ignore[attr-defined]
    return {key: str(macro(key)) for key in re.findall(r'^\s*"([^"]+)":', source, re.M)}


CREDCAT_MATERIAL_FILES = sorted(
    p.stem for p in Path(THEME_DIR, "partials", "languages").glob("*.html")
)

# Material's settings, not words: Irish and Maltese keep English's (left to right, no stemmer)
NOT_WORDS = {"direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def test_credcats_material_language_files_have_every_key_of_materials_english() -> None:
    """credcat's own language files for Material's words (European Portuguese, Irish, Maltese)
    say every key Material's en.html has, so no word of Material's falls back to English on
    their pages: a Material update that adds a key fails here (add it to each file, translated).
    Keys they add are credcat's own (``credcat.*``); the search they configure is the stemmer
    credcat gives the language's index (English where lunr has none)."""
    assert {"ga", "mt", "pt"} <= set(CREDCAT_MATERIAL_FILES)
    english = _material_words("en")
    assert len(english) > 50 and english["action.skip"] == "Skip to content"  # Material's
    dirs = [THEME_DIR, str(MATERIAL)]
    for name in CREDCAT_MATERIAL_FILES:
        words = _material_words(name)
        assert sorted(set(english) - set(words)) == [], name
        assert sorted(k for k in set(words) - set(english) if not k.startswith("credcat.")) == []
        assert [key for key, said in words.items() if not said.strip()] == [], name
        assert words["language"] == name
        assert words["direction"] == "ltr"
        assert words["search.config.lang"] == search_language(name, dirs), name
        # the index of the whole site is written with the default language's settings
        assert words["search.config.separator"] == english["search.config.separator"], name
    for name in ("ga", "mt"):
        words = _material_words(name)
        same = [k for k in english if words[k] == english[k] and k not in NOT_WORDS]
        assert same == [], (name, same)
        assert words["credcat.made_with"] not in ("", "Made with")


def test_every_language_a_catalogue_may_offer_can_build() -> None:
    """Every language code the model accepts has CLDR data, a Material UI file and a stemmer
    (English ones where Material lacks its own), so no catalogue language breaks the build."""
    dirs = [str(MATERIAL)]
    for code in vocab.codes("language"):
        loc = Localiser(code, "en")
        assert loc.date(date(2026, 3, 5)) and loc.join(["a", "b"]), code
        assert language_name(code), code
        assert (MATERIAL / "partials/languages" / f"{theme_language(code, dirs)}.html").is_file()
        lunr = search_language(code, dirs)
        assert (
            lunr == "en" or (MATERIAL / f"assets/javascripts/lunr/min/lunr.{lunr}.min.js").is_file()
        )


def _split(
    text: str, langs: SiteLanguages, stemmers: dict[str, str], more: list[Any] | None = None
) -> dict[str, str]:
    sinks = {langs.prefix(lang): io.StringIO() for lang in langs.all}
    split_search_index(text, langs, stemmers, sinks, iter(more or []))
    return {prefix: sink.getvalue() for prefix, sink in sinks.items()}


def test_search_index_split_by_language() -> None:
    langs = SiteLanguages.of("en", ["de"])
    index = {
        "config": {"lang": ["en"], "separator": "x"},
        "docs": [
            {"location": "", "title": "Home", "text": ""},
            {"location": "de/", "title": "Start", "text": 'Grüße "zitiert", [1]'},
            {"location": "de/catalogue/#top", "title": "Katalog", "text": ""},
        ],
    }
    # written compact (Material) and indented (another writer): the same indexes come out
    for text in (json.dumps(index, separators=(",", ":")), json.dumps(index, indent=2)):
        parts = {k: json.loads(v) for k, v in _split(text, langs, {"en": "en", "de": "de"}).items()}
        assert [d["location"] for d in parts[""]["docs"]] == [""]
        assert [d["location"] for d in parts["de/"]["docs"]] == ["", "catalogue/#top"]
        assert parts["de/"]["docs"][0]["text"] == 'Grüße "zitiert", [1]'
        assert parts["de/"]["config"] == {"lang": ["de"], "separator": "x"}
        assert parts[""]["config"] == {"lang": ["en"], "separator": "x"}


def test_search_index_split_writes_what_json_dumps_writes() -> None:
    """Each part is byte for byte ``json.dumps`` of the index with its docs and stemmer (what
    the site published before the split streamed), whatever order or members the index has;
    entries given apart (credcat's own pages) come after the index's own."""
    langs = SiteLanguages.of("en", ["de", "fr"])
    stemmers = {"en": "en", "de": "de", "fr": "fr"}
    docs = [{"location": "de/x/", "title": "X", "text": "ä"}, {"location": "a/", "title": "A"}]
    own = [{"location": "fr/c/", "title": "C\u2028"}, {"location": "c/#o", "title": "O"}]
    for index in (
        {"config": {"lang": ["en"]}, "docs": docs},
        {"docs": docs, "extra": [1, {"b": 2}], "config": {"separator": "s"}},
        {"docs": []},
        {},
    ):
        for more in ([], own):
            parts = _split(json.dumps(index, separators=(",", ":")), langs, stemmers, more)
            for lang in langs.all:
                prefix = langs.prefix(lang)
                expected = {
                    **index,
                    "config": {**index.get("config", {}), "lang": [stemmers[lang]]},
                    "docs": [
                        {**d, "location": langs.base_of(str(d["location"]))}
                        for d in [*index.get("docs", []), *more]
                        if langs.language_of(str(d["location"])) == lang
                    ],
                }
                assert parts[prefix] == json.dumps(expected, ensure_ascii=False), (index, lang)
            # credcat's own entries made into lines ahead (as spooled), with their line ends
            lines = [f"{search_line(entry, langs)}\n" for entry in more]
            assert _split(json.dumps(index), langs, stemmers, lines) == _split(
                json.dumps(index), langs, stemmers, more
            )


def test_search_index_split_refuses_what_is_not_an_index() -> None:
    langs = SiteLanguages.of("en", [])
    for text in ("[]", '{"docs": {}}', '{"config" {}}'):
        with pytest.raises(ValueError):
            _split(text, langs, {"en": "en"})


def test_every_label_a_sample_page_needs_exists_in_every_language() -> None:
    """Fails when a vocabulary code of the sample has no label in a catalogue language."""
    cat = load_catalogue(REPO / "catalogue")
    used: dict[str, set[str]] = {
        "isced-f": set(),
        "target-group": set(),
        "mode": set(),
        "learning-setting": set(),
        "assessment-type": set(),
        "language": set(),
        "country": set(),
    }
    for cred in cat.credentials.values():
        used["isced-f"].update(cred.field)
        used["target-group"].update(cred.target_groups)
        used["language"].update(cred.languages)
        used["mode"].add(cred.mode)
        used["learning-setting"].add(cred.setting)
        used["assessment-type"].update(a.type for a in cred.assessments)
    used["country"].update(org.country for org in cat.organisations.values())
    missing = [
        f"{lang}: {name} {code}"
        for lang in cat.languages
        for name, codes in used.items()
        for code in sorted(codes)
        if lang != "en" and not Localiser(lang, "en").has_label(name, code)
    ]
    assert not missing
    assert vocab.lookup("isced-f", "0613") is not None


# --- check ---------------------------------------------------------------------------------------


def test_partial_language_is_reported_but_does_not_fail_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = {**SETTINGS, "partial_languages": ["fr"]}
    root = write_catalogue(tmp_path / "cat", settings=settings)
    assert main(["check", "--strict", str(root)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"translations: en 100% \(\d+/\d+\), de \d+%.*fr 0% \(0/\d+, partial\)", out)

    settings = {**SETTINGS, "languages": ["en", "de", "fr"]}
    root = write_catalogue(tmp_path / "strict", settings=settings)
    assert main(["check", "--strict", str(root)]) == 1
    assert "no 'fr' text" in capsys.readouterr().out


def test_default_language_cannot_be_partial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_catalogue(tmp_path / "cat", settings={**SETTINGS, "partial_languages": ["en"]})
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "catalogue.yaml:" in out and "cannot be partial" in out and "Traceback" not in out


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        (
            {"default_language": "de", "languages": ["fr", "nl"]},
            "default_language: the default language 'de' is not one of languages (fr, nl)",
        ),
        (  # left out: English, which would have become the site's root with no text in it
            {"languages": ["fr", "nl"]},
            "default_language: default_language is not set, and its default, 'en', is not one "
            "of languages (fr, nl)",
        ),
    ],
)
def test_the_default_language_is_one_of_the_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: dict[str, Any], said: str
) -> None:
    values = {k: v for k, v in SETTINGS.items() if k != "default_language"}
    root = write_catalogue(tmp_path / "cat", settings={**values, **settings})
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "default_language:" in line)
    assert "/catalogue.yaml:" in line and said in line, line
    assert "list it in languages" in line


# --- the sample, built once ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("languages") / "site"
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return site


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


def _switch(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]*)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"', html
        )
    )


def test_every_page_exists_in_every_language(sample: Path) -> None:
    english = {
        p.relative_to(sample).as_posix()
        for p in sample.rglob("index.html")
        if p.relative_to(sample).parts[0] not in {"de", "fr"}
    }
    assert len(english) > 30
    for lang in ("de", "fr"):
        for rel in english:
            page = sample / lang / rel
            assert page.is_file(), f"{lang}/{rel}"
            assert f'<html lang="{lang}"' in page.read_text("utf-8")
    # machine files exist once, beside the default language's pages
    assert list(sample.glob("credentials/*/*/elm.jsonld"))
    assert not list(sample.glob("de/credentials/*/*/elm.jsonld"))


def test_switch_leads_to_the_same_page(sample: Path) -> None:
    rel = "credentials/data-analysis-python/1.1/index.html"
    html = _read(sample, "de/" + rel)
    switch = _switch(html)
    assert set(switch) == {"en", "de", "fr"}
    base = sample / "de" / "credentials/data-analysis-python/1.1"
    for lang, href in switch.items():
        target = (base / href).resolve() / "index.html"
        prefix = "" if lang == "en" else f"{lang}/"
        assert target == (sample / prefix / rel).resolve()
    assert "Sprache wechseln" in html  # Material's own UI strings in the page language
    assert "<title>Datenanalyse mit Python" in html
    assert '<meta property="og:locale" content="de_DE">' in html


def test_sitemap_lists_every_language(sample: Path) -> None:
    sitemap = _read(sample, "sitemap.xml")
    base = "https://credentials.digital-skills-alliance.eu/"
    for path in ("catalogue/", "de/catalogue/", "fr/catalogue/"):
        assert f'hreflang="{path[:2] if path[2] == "/" else "en"}" href="{base}{path}"' in sitemap
    assert f'hreflang="x-default" href="{base}catalogue/"' in sitemap
    # every page but the hand-written one no language has a translation of (the data page;
    # the guide has a German and a French one)
    assert f"<loc>{base}data/</loc>" in sitemap
    assert sitemap.count("<loc>") == sitemap.count('hreflang="x-default"') + 1


def test_untranslated_copies_point_search_engines_at_their_original(sample: Path) -> None:
    """A hand-written page without a translation is copied into each language's folder (in
    the default language, under that language's header): the copy names the original as its
    canonical address, and the sitemap lists the original only, never the copy as a German or
    French page (``hreflang`` would tell a search engine its English text is German)."""
    base = "https://credentials.digital-skills-alliance.eu/"
    copy = _read(sample, "de/data/index.html")
    assert f'<link rel="canonical" href="{base}data/">' in copy
    assert "Sprache wechseln" in copy  # still the German site around the English text
    original = _read(sample, "data/index.html")
    assert f'<link rel="canonical" href="{base}data/">' in original
    translated = _read(sample, "de/index.html")
    assert f'<link rel="canonical" href="{base}de/">' in translated
    sitemap = _read(sample, "sitemap.xml")
    assert f"{base}de/data/" not in sitemap
    assert f"{base}fr/data/" not in sitemap
    entry = sitemap.split(f"<loc>{base}data/</loc>", 1)[1].split("</url>", 1)[0]
    assert "hreflang" not in entry  # no other language has it
    assert f'hreflang="de" href="{base}de/"' in sitemap  # a translated page keeps them


HOME_TITLES = {"en": "Home", "de": "Startseite", "fr": "Accueil"}


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_every_home_page_leads_to_the_catalogue_and_the_check_page(sample: Path, lang: str) -> None:
    """The home page of each language links what the English one does: the catalogue, the
    check page (a button and a section), the guides, the pathways and the organisations,
    each in its own language; its entry in the navigation is titled in its language."""
    prefix = "" if lang == "en" else f"{lang}/"
    links = article_links(sample, prefix)
    assert {"catalogue/", "check/"} <= links, links
    assert links == article_links(sample, ""), lang  # the same pages as the English home
    html = _read(sample, f"{prefix}index.html")
    buttons = re.findall(r'<a class="md-button[^"]*" href="([^"]+)"', html)
    assert "check/" in buttons and "catalogue/" in buttons, buttons
    check = _read(sample, f"{prefix}check/index.html")
    entries = {href.rstrip("/"): entry for href, entry in _nav_entries(check).items()}
    assert entries[".."] == ("", HOME_TITLES[lang])


def test_sitemap_lists_every_page_once_and_its_gzip_is_the_same(sample: Path) -> None:
    text = (sample / "sitemap.xml").read_bytes()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ElementTree.fromstring(text).findall("s:url/s:loc", ns)]
    base = "https://credentials.digital-skills-alliance.eu/"
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)">')
    pages, copies, unindexed = set(), set(), set()
    for page in sample.rglob("index.html"):
        rel = page.parent.relative_to(sample).as_posix()
        address = base if rel == "." else f"{base}{rel}/"
        html = page.read_text("utf-8")
        if '<meta name="robots" content="noindex">' in html:
            unindexed.add(address)  # the employers' summaries: search engines may not list them
            continue
        named = canonical.findall(html)
        if named == [address]:
            pages.add(address)
        else:  # an untranslated copy names its original, which is listed instead
            copies.add(rel)
    assert copies == {"de/data", "fr/data"}  # the guide is translated into both
    assert unindexed and all(address.endswith("/summary/") for address in unindexed)
    assert len(locs) == len(set(locs))
    assert set(locs) == pages
    packed = (sample / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == text
    # the gzip header names the file it holds, as MkDocs' own copy does
    assert packed[3] & 0x08 and packed[10:22] == b"sitemap.xml\0"


def test_sitemap_dates_a_page_only_when_credcat_knows_when_it_changed(sample: Path) -> None:
    """``lastmod`` is a released version's permanent page's release date, in every language
    (its page is made from its snapshot); the pages that change with the catalogue (a
    credential's current page, the lists, hand-written pages) have none: the build's date
    would tell crawlers that every page changed at every build (sitemaps.org: optional)."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring((sample / "sitemap.xml").read_bytes())
    dates = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in root.findall("s:url", ns)
    }
    base = "https://credentials.digital-skills-alliance.eu/"
    cat = load_catalogue(REPO / "catalogue")
    version_page = re.compile(r"(?:(?:de|fr)/)?credentials/([^/]+)/(\d+(?:\.\d+)*)/")
    released = 0
    for loc, lastmod in dates.items():
        assert loc is not None and loc.startswith(base)
        found = version_page.fullmatch(loc[len(base) :])
        release = cat.archive.get(*found.groups()) if found else None
        if release is None:
            assert lastmod is None, loc
        else:
            assert lastmod == release.released.isoformat(), loc
            released += 1
    assert released >= 3 * 10  # the sample's released versions, in three languages
    assert dates[base + "credentials/data-analysis-python/1.0/"] == "2025-09-01"
    assert dates[base + "de/credentials/data-analysis-python/1.0/"] == "2025-09-01"
    assert dates[base + "credentials/data-analysis-python/"] is None
    assert dates[base] is None


def test_sitemap_is_the_same_when_it_keeps_the_alternates_of_one_page_at_a_time(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sitemap keeps the alternates of the pages it wrote last, not of every page (at
    10,000 credentials about 2 KB a credential): with room for one, every entry is the same."""
    from credcat import mkdocs_plugin

    monkeypatch.setattr(mkdocs_plugin, "SITEMAP_TAILS", 1)
    site = tmp_path / "site"
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    text = (site / "sitemap.xml").read_text("utf-8")
    assert text.count("<url>") > 100 and text.count('hreflang="x-default"') > 100
    # built on another day than the fixture's site, the same: no entry says the build's date
    assert text == (sample / "sitemap.xml").read_text("utf-8")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == text.encode("utf-8")


def test_search_index_per_language(sample: Path) -> None:
    german = json.loads(_read(sample, "de/search/search_index.json"))
    assert german["config"]["lang"] == ["de"]
    assert any("Datenanalyse" in doc["title"] for doc in german["docs"])
    assert all(not doc["location"].startswith(("de/", "fr/")) for doc in german["docs"])
    english = json.loads(_read(sample, "search/search_index.json"))
    assert all(not doc["location"].startswith(("de/", "fr/")) for doc in english["docs"])
    french = json.loads(_read(sample, "fr/search/search_index.json"))
    assert french["config"]["lang"] == ["fr"]
    # the German catalogue page loads the German catalogue.json and German search index
    page = _read(sample, "de/catalogue/index.html")
    assert 'data-credcat-data="../../de/catalogue.json"' in page
    assert json.loads(_read(sample, "de/catalogue.json"))["lang"] == "de"
    # and the German texts its search reads
    assert 'data-credcat-texts="../../de/catalogue-texts.json"' in page
    assert json.loads(_read(sample, "de/catalogue-texts.json"))["lang"] == "de"


def test_fallback_texts_are_marked(sample: Path) -> None:
    html = _read(sample, "fr/credentials/responsible-machine-learning/index.html")
    assert (
        '<h1 id="top" lang="en" data-credcat-fallback="en">Responsible Machine Learning</h1>'
        in html
    )
    assert "(non disponible en français)" in html
    # a credential with French texts: French throughout, nothing marked
    translated = _read(sample, "fr/credentials/data-analysis-python/index.html")
    assert '<h1 id="top">Analyse de données avec Python</h1>' in translated
    # French puts a no-break space before a label's colon; English and German do not
    assert "Empreinte\u00a0: <code>" in translated and "Atteste\u00a0:</p>" in translated
    assert "Fingerprint: <code>" in _read(sample, "credentials/data-analysis-python/index.html")
    german = _read(sample, "de/credentials/data-analysis-python/index.html")
    assert "Fingerabdruck: <code>" in german
    assert (
        "non disponible en français"
        not in translated.split('id="top"', 1)[1].split('id="downloads"', 1)[0]
    )
    organisation = _read(sample, "fr/organisations/hochschule-rheinau/index.html")
    assert "Une université de sciences appliquées" in organisation
    assert 'data-credcat-fallback="en"' not in organisation.split("credcat-prose", 1)[1][:200]
    untranslated = _read(sample, "fr/data/index.html")
    assert "Cette page n’existe pas encore en français" in untranslated
    # titled by the sample's nav_translations, in the navigation of every French page and in
    # its own <title>; the English page keeps the title nav gives it
    assert "<title>Données ouvertes - " in untranslated
    assert re.search(r"<span class=\"md-ellipsis\">\s*Données ouvertes\s*</span>", translated)
    assert not re.search(r">\s*Data\s*<", translated.split('<div class="md-content"', 1)[0])
    assert "<title>Data - " in _read(sample, "data/index.html")
    assert '<div lang="en">' in untranslated
    translated = _read(sample, "de/index.html")
    assert "Microcredentials, die Sie prüfen können" in translated
    assert "credcat-fallback-note" not in translated


def test_a_text_missing_in_the_default_language_falls_back_to_the_next_offered_one(
    tmp_path: Path,
) -> None:
    """A catalogue in Portuguese and English whose texts exist in English and German only (the
    sample's, copied by a school in Portugal): its Portuguese pages, header and data show them
    in English, its second language, marked as such; not in the German it offers on no page
    (alphabetically first: the pages, the site's name and the badge's main edition were
    German)."""
    catalogue = write_catalogue(
        tmp_path / "catalogue",
        settings={**SETTINGS, "default_language": "pt", "languages": ["pt", "en"]},
    )
    config = make_project(tmp_path / "project", catalogue)
    site = tmp_path / "site"
    build_site(config, site, strict=False)  # check warns of every text missing in Portuguese
    page = (site / "credentials" / "databases" / "index.html").read_text("utf-8")
    assert '<html lang="pt"' in page
    assert '<h1 id="top" lang="en" data-credcat-fallback="en">Relational databases</h1>' in page
    assert "Design a normalised schema." in page
    assert "<title>Relational databases - Test catalogue</title>" in page
    home = (site / "index.html").read_text("utf-8")
    for german in ("Relationale Datenbanken", "Ein Schema entwerfen.", "Testkatalog"):
        assert german not in page and german not in home
    # the badge's main edition: English, as the page
    ob3 = json.loads(
        (site / "credentials" / "databases" / "1.0" / "ob3-achievement.json").read_text("utf-8")
    )
    assert (ob3["inLanguage"], ob3["name"]) == ("en", "Relational databases")
    assert ob3["creator"]["name"] == "Alpha University"


def test_a_version_says_when_it_was_released_and_the_credential_when_published(
    sample: Path,
) -> None:
    """Publishing the credential and releasing a version are two words in German and French too
    (they were both 'veröffentlicht am' / 'publiée le')."""
    for lang, published, released, column in (
        (
            "de",
            "veröffentlicht am 1. Dezember 2026.",
            "freigegeben am 1. September 2025.",
            "Freigegeben",
        ),
        ("fr", "publiée le 1er décembre 2026.", "finalisée le 1er septembre 2025.", "Finalisation"),
    ):
        main = _read(sample, f"{lang}/credentials/data-analysis-python/index.html")
        earlier = _read(sample, f"{lang}/credentials/data-analysis-python/1.0/index.html")
        assert f", {published}" in _visible_text(main), lang  # the current version
        assert f", {released}" in _visible_text(earlier), lang  # an earlier version's page
        assert f'<th scope="col">{column}</th>' in main, lang  # the list of versions


def test_german_pages_contain_no_english_interface_string(sample: Path) -> None:
    english = _strings(ui_strings("en"))
    german = _strings(ui_strings("de"))
    # names of formats and services stay as they are in German prose too
    proper_names = {"European Digital Credential"}
    suspicious = {s for s in english - german - proper_names if len(s) > 12 and "{" not in s}
    for rel in (
        "de/credentials/data-analysis-python/index.html",
        "de/catalogue/index.html",
        "de/organisations/hochschule-rheinau/index.html",
        "de/pathways/index.html",
    ):
        text = _visible_text(_read(sample, rel))
        found = sorted(s for s in suspicious if s in text)
        assert not found, (rel, found)
        for label in ("Germany", "English", "Statistics", "Persons with 3-10 years"):
            assert label not in text, (rel, label)
        # the level is EQR in German (the organisation's table, the pathways' graph)
        assert not re.search(r"\bEQF\b", text), rel
        assert "EQR" in text, rel
        # a national level keeps the framework's name, in German words ("DQR Level 6" was left)
        assert not re.search(r"\bLevel\b", text), rel
    page = _read(sample, "de/credentials/data-analysis-python/index.html")
    assert "DQR-Niveau 6" in _visible_text(page)
    assert '"name":"DQR-Niveau 6"' in page  # the page's schema.org data says it so too
    # the theme's footer, which Material writes in English on every page
    footer = re.compile(r"(\S+ \S+)\s*<a href=\"https://squidfunk\.github\.io/mkdocs-material/\"")
    for rel, said in (
        ("de/credentials/data-analysis-python/index.html", "Erstellt mit"),
        ("de/catalogue/index.html", "Erstellt mit"),
        ("fr/index.html", "Réalisé avec"),
        ("index.html", "Made with"),
    ):
        assert footer.findall(_read(sample, rel)) == [said], rel


def _strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {s for value in data.values() for s in _strings(value)}
    if isinstance(data, list):
        return {s for value in data for s in _strings(value)}
    return {str(data)}


def _visible_text(html: str) -> str:
    body = html.split('<div class="md-content"', 1)[1].split('<footer class="md-footer"', 1)[0]
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<[^>]*lang="en"[^>]*>.*?</', " ", body, flags=re.S)  # marked fallbacks
    return unescape(re.sub(r"<[^>]+>", " ", body))


# --- languages Material and lunr lack ------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Every ``{en, de}`` text as a plain string (a text in the default language)."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "de"} and all(isinstance(v, str) for v in value.values()):
            return value["en"]
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _irish_catalogue(root: Path, **languages: Any) -> Path:
    """A catalogue in Irish by default (no words of credcat's; Material's from credcat's own
    ga.html), with the other ``languages`` settings given."""
    return write_catalogue(
        root,
        credentials={"databases": _plain(credential(languages=["ga"]))},
        settings={
            **SETTINGS,
            "title": {"ga": "Catalóg tástála", "en": "Test catalogue"},
            "default_language": "ga",
            **languages,
        },
    )


@pytest.fixture(scope="module")
def irish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("irish")
    catalogue = _irish_catalogue(
        root / "src", languages=["ga"], partial_languages=["en", "sl", "mt"]
    )
    config = make_project(root / "project", catalogue)
    # Material's features that write more of its words: back to top, previous and next, tabs,
    # the search's share button, the code blocks' copy button
    features = "[navigation.top, navigation.footer, navigation.tabs, search.share, "
    features += "content.code.copy]"
    text = config.read_text("utf-8")
    assert "features: [content.action.edit]" in text
    config.write_text(text.replace("[content.action.edit]", features), "utf-8")
    site = root / "site"
    build_site(config, site)
    return site


def test_irish_default_builds(irish: Path) -> None:
    home = (irish / "index.html").read_text("utf-8")
    assert '<html lang="ga"' in home
    assert "Catalóg tástála" in home
    assert '<html lang="mt"' in (irish / "mt" / "index.html").read_text("utf-8")
    assert '<html lang="sl"' in (irish / "sl" / "catalogue" / "index.html").read_text("utf-8")
    assert '<html lang="ga"' in (irish / "404.html").read_text("utf-8")


_MATERIAL_PAGES = ("", "catalogue/", "credentials/databases/", "how-to-read/")


@pytest.mark.parametrize(
    ("lang", "prefix", "said"),
    [
        (
            "ga",
            "",
            {
                "skip": "Léim go dtí an t-ábhar",
                "placeholder": "Cuardaigh",
                "select": "Roghnaigh teanga",
                "toc": "Clár ábhair",
                "top": "Ar ais go dtí an barr",
                "copy": "Cóipeáil chuig an ngearrthaisce",
                "made_with": "Déanta le",
            },
        ),
        (
            "mt",
            "mt/",
            {
                "skip": "Aqbeż għall-kontenut",
                "placeholder": "Fittex",
                "select": "Agħżel il-lingwa",
                "toc": "Werrej",
                "top": "Lura għal fuq",
                "copy": "Ikkopja fil-clipboard",
                "made_with": "Magħmul bl-użu ta'",
            },
        ),
    ],
)
def test_irish_and_maltese_pages_have_materials_words_in_their_language(
    irish: Path, lang: str, prefix: str, said: dict[str, str]
) -> None:
    """Material has no Irish or Maltese: credcat's theme has its words in both (ga.html,
    mt.html), so the header, search box, skip link, language switch, table of contents, tabs,
    back-to-top button, footer and the words Material's script writes (copy, search results)
    are in the page's language on every page of it, credcat's own pages included, with nothing
    left in Material's English. "Made with" in the footer is Irish or Maltese too, unmarked."""
    words = _material_words(lang)
    english = _material_words("en")
    # what Material writes in English (its settings aside)
    english_words = {v for k, v in english.items() if k not in NOT_WORDS}
    pages = [f"{prefix}{page}index.html" for page in _MATERIAL_PAGES]
    if not prefix:
        pages.append("404.html")  # one 404 page, in the default language
    for rel in pages:
        page = rel.removeprefix(prefix).removesuffix("index.html")
        html = _read(irish, rel)
        assert f'<html lang="{lang}"' in html and '<body dir="ltr"' in html, rel
        body = " ".join(html.split())
        # Material writes the skip link and the table of contents where the page has headings
        skips = re.findall(r'class="md-skip"> (.*?) </a>', body)
        assert skips in ([], [said["skip"]]), rel
        tocs = re.findall(r'class="md-nav md-nav--secondary" aria-label="([^"]*)"', html)
        assert set(tocs) <= {said["toc"]}, rel  # the sidebar's, and the menu's on a phone
        if page in ("credentials/databases/", "how-to-read/"):
            assert skips and tocs, rel
        assert f'placeholder="{said["placeholder"]}"' in html, rel
        if page != "404.html":  # the 404 page speaks every language: it has no switch
            assert f'aria-label="{said["select"]}"' in html, rel
        assert f'title="{words["search.share"]}"' in html, rel
        assert f'aria-label="{words["header"]}"' in html, rel
        assert f'class="md-tabs" aria-label="{words["tabs"]}"' in html, rel
        assert f"{said['top']} </button>" in body, rel
        if page == "how-to-read/":  # a page with a next and a previous page
            directions = re.findall(r'<span class="md-footer__direction">\s*(.*?)\s*</span>', html)
            assert directions == [words["footer.previous"], words["footer.next"]], rel
        footer = body.split('<div class="md-copyright">', 1)[1].split("</div>", 1)[0]
        assert f"{escape(said['made_with'])} <a href=" in footer, rel  # as Jinja's e filter
        assert "lang=" not in footer, rel
        config = json.loads(
            html.split('<script id="__config" type="application/json">', 1)[1].split("</script>")[0]
        )
        assert config["translations"]["clipboard.copy"] == said["copy"], rel
        for key, text in config["translations"].items():
            assert text == words[key], (rel, key)
        shown = set(re.findall(r'(?:aria-label|title|placeholder)="([^"]*)"', html))
        assert sorted(shown & english_words) == [], rel
        for key in ("action.skip", "top", "search.result.initializer", "toc"):
            assert english[key] not in body, (rel, key)
    # Slovenian keeps Material's sl.html, English Material's English
    assert 'placeholder="Išči"' in _read(irish, "sl/index.html")
    assert 'placeholder="Search"' in _read(irish, "en/index.html")


def test_languages_without_a_stemmer_search_in_english(irish: Path) -> None:
    for prefix in ("", "sl/", "mt/"):
        index = json.loads((irish / prefix / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == ["en"], prefix
    english = json.loads((irish / "en/search/search_index.json").read_text("utf-8"))
    assert english["config"]["lang"] == ["en"]


class _Languages(HTMLParser):
    """Each text of credcat's part of a page (inside its ``div.credcat``; the theme's header
    repeats the page title, a name) with the language its element says it is in (the
    nearest ``lang`` attribute)."""

    VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            found = dict(attrs)
            ours = "credcat" in (found.get("class") or "").split()
            self.stack.append((tag, found.get("lang"), ours))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        langs = [lang for _tag, lang, _ours in self.stack if lang]
        if data.strip() and langs and any(ours for _tag, _lang, ours in self.stack):
            self.texts.append((" ".join(data.split()), langs[-1]))


@pytest.mark.parametrize(
    "page", ["fr/credentials/{id}/", "fr/credentials/{id}/{version}/summary/", "fr/catalogue/"]
)
def test_every_english_text_on_a_french_page_says_it_is_english(sample: Path, page: str) -> None:
    """WCAG 2.1, 3.1.2 (Language of Parts): a credential without French texts shows them in
    English on French pages; every one of them, wherever it appears (the first screen, the
    assessments, the outcomes they prove, the employers' summary, links, cards), is inside an
    element whose ``lang`` says English."""
    catalogue = load_catalogue(REPO / "catalogue")
    cid = "responsible-machine-learning"
    cred = catalogue.credentials[cid]
    assert "fr" not in cred.title  # the sample's credential without French
    english = {
        " ".join(text.split())
        for text in [
            cred.title["en"],
            cred.summary["en"] if cred.summary else "",
            *(o.text["en"] for o in cred.outcomes),
            *(a.title["en"] for a in cred.assessments if a.title),
            *(link.title["en"] for link in cred.links),
        ]
        if text
    }
    parser = _Languages()
    parser.feed(_read(sample, page.format(id=cid, version=cred.version) + "index.html"))

    def english_text(text: str) -> bool:  # whole, or shortened with "…" (start … end)
        return text in english or any(_shortened_from(text, e, 20) for e in english)

    shown = [(text, lang) for text, lang in parser.texts if english_text(text)]
    if page == "fr/credentials/{id}/":  # the first screen and "proves" shorten outcomes
        assert any("…" in text for text, _ in shown)
    assert shown, "none of the credential's texts found"
    unmarked = sorted({text for text, lang in shown if lang != "en"})
    assert unmarked == [], unmarked


def test_language_names_in_a_list_read_as_running_text() -> None:
    """Only the first name of a list is capitalised where the language writes its language
    names in lower case ("Allemand et anglais", never "Allemand et Anglais")."""
    assert Localiser("fr", "en").language_names(["de", "en"]) == ["Allemand", "anglais"]
    assert Localiser("de", "en").language_names(["de", "en"]) == ["Deutsch", "Englisch"]
    assert Localiser("en", "en").language_names(["de", "en"]) == ["German", "English"]
    assert Localiser("fr", "en").join(Localiser("fr", "en").language_names(["de", "en"])) == (
        "Allemand et anglais"
    )


def test_a_hand_written_page_names_the_language_it_is_written_in(tmp_path: Path) -> None:
    """``lang: de`` in a page's front matter: on the English site the page says it is shown
    in German and marks its text so; its copy on the German site is simply German."""
    config = make_project(
        tmp_path / "project",
        extra_docs={"guide.md": "---\nlang: de\n---\n\n# Leitfaden\n\nAuf Deutsch.\n"},
    )
    site = tmp_path / "site"
    build_site(config, site, strict=False)  # guide.md is not in the nav
    english = (site / "guide" / "index.html").read_text("utf-8")
    assert "credcat-fallback-note" in english and "shown in German" in english
    assert '<div lang="de">' in english
    german = (site / "de" / "guide" / "index.html").read_text("utf-8")
    assert "credcat-fallback-note" not in german and '<div lang="de">' not in german
    assert "Auf Deutsch." in german


def test_a_page_lang_that_is_no_language_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(
        tmp_path / "project", extra_docs={"guide.md": "---\nlang: Deutsch!\n---\n\n# G\n"}
    )
    caplog.set_level("WARNING")
    build_site(config, tmp_path / "site", strict=False)
    said = [r.getMessage() for r in caplog.records if "is not a language code" in r.getMessage()]
    assert said == [
        "credcat: guide.md: lang: 'Deutsch!' is not a language code; write one such as en or de"
    ]
    page = (tmp_path / "site" / "guide" / "index.html").read_text("utf-8")
    assert "credcat-fallback-note" not in page  # shown as in the page's language


def test_english_titles_on_french_pages_are_marked_wherever_they_show(sample: Path) -> None:
    """A credential's or organisation's title without a French text is shown in English on the
    French pages: marked lang="en" in every place (WCAG 3.1.2), the pathways' headings and
    graph, the organisations' tables and list, and the skills and assessments of a page."""
    cat = load_catalogue(REPO / "catalogue")
    english = [c.title["en"] for c in cat.credentials.values() if "fr" not in c.title]
    english += [o.name["en"] for o in cat.organisations.values() if "fr" not in o.name]
    assert english
    unmarked = re.compile(r"<(?P<tag>[a-z0-9]+)(?P<attrs>[^>]*)>(?P<text>[^<]*)$")
    checked = 0
    for rel in (
        "fr/pathways/index.html",
        "fr/organisations/index.html",
        "fr/organisations/hochschule-rheinau/index.html",
        "fr/credentials/data-analysis-python/index.html",
    ):
        body = _read(sample, rel).split('<div class="md-content"', 1)[1]
        body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
        for title in english:
            for found in re.finditer(re.escape(escape_html(title)), body):
                opening = unmarked.search(body[: found.start()])
                assert opening is not None, (rel, title)
                assert 'lang="en"' in opening["attrs"], (rel, title, opening.group(0)[-120:])
                checked += 1
    assert checked > 10


TOC_WORD = {"en": "Table of contents", "de": "Inhaltsverzeichnis", "fr": "Table des matières"}


@pytest.mark.parametrize("page", ["de/data/", "fr/data/"])
def test_the_contents_of_a_page_shown_in_english_say_they_are_english(
    sample: Path, page: str
) -> None:
    """WCAG 2.1, 3.1.2: an untranslated page is shown in English on the German and French
    sites, its text marked English; so are its sections in the table of contents (in the
    sidebar, and under its entry in the navigation), and the names of their lists of
    subsections, while the contents' own word is the page's language. On the English page
    nothing in the contents is marked."""
    lang = page.split("/", 1)[0]
    html = _read(sample, page + "index.html")
    toc = said_in(html, "md-nav--secondary")
    own = [(text, said) for text, said, _ in toc if text == TOC_WORD[lang]]
    assert own and {said for _, said in own} == {lang}, own
    sections = [(text, said, kind) for text, said, kind in toc if text != TOC_WORD[lang]]
    assert len(sections) > 5 and {said for _, said, _ in sections} == {"en"}, sections
    # "Drafts" is a section of "Per credential version": the name of its list says English
    assert ("Per credential version", "en", "aria-label") in sections
    english = _read(sample, page.split("/", 1)[1] + "index.html")
    contents = english.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n", 1)[0]
    assert "lang=" not in contents
    assert {said for _, said, _ in said_in(english, "md-nav--secondary")} == {"en"}


def test_sections_in_another_language_say_so_wherever_their_titles_show(tmp_path: Path) -> None:
    """A hand-written page with a German section and a subsection of it: its entry in the
    contents, and the list of its subsections, say German; a subsection in the page's
    language under it says so back. With Material's path and footer: on the German site,
    which starts the path at the German home page, an untranslated page's title and a section
    nav_translations does not title say English in the path, and the footer's link to such a
    page says so, named by its text (Material's ``aria-label`` would say it in German). The
    logo of a German page leads to the German home page."""
    guide = (
        '# Guide\n\n## Über uns {: lang="de" }\n\nText.\n\n### Anschrift {: lang="de" }\n\n'
        "Text.\n\n### Map\n\nText.\n\n## More\n\nText.\n"
    )
    config = make_project(tmp_path / "project", extra_docs={"guide.md": guide})
    text = config.read_text("utf-8")
    for old, new in (
        ("features: [content.action.edit]", "features: [navigation.path, navigation.footer]"),
        ("  - Data: data.md", "  - Guides:\n    - Data: data.md\n    - Guide: guide.md"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    config.write_text(text, "utf-8")
    site = tmp_path / "site"
    build_site(config, site)
    entries = said_in((site / "guide" / "index.html").read_text("utf-8"), "md-nav--secondary")
    assert [(text, said) for text, said, _ in entries] == [
        ("Table of contents", "en"),
        ("Table of contents", "en"),
        ("Über uns", "de"),
        ("Über uns", "de"),  # the name of its list of subsections
        ("Anschrift", "de"),
        ("Map", "en"),
        ("More", "en"),
    ] * 2  # in the sidebar, and under the page's entry in the navigation
    german = (site / "de" / "data" / "index.html").read_text("utf-8")
    path = said_in(german, "md-path")  # Material's path, from the German home page
    assert ("Guides", "en", "text") in path  # nav's title: nav_translations has none
    assert ("Micro-credentials you can check", "en", "text") in path  # the home's heading
    footer = said_in(german, "md-footer__inner")
    assert ("Zurück", "de", "text") in footer and ("Weiter", "de", "text") in footer
    assert ("How to read a credential", "en", "text") in footer
    assert ("Guide", "en", "text") in footer
    links = re.findall(r'<a href="[^"]*" class="md-footer__link[^"]*"[^>]*>', german)
    assert len(links) == 2 and not any("aria-label" in link for link in links), links
    english = (site / "data" / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="[^"]*" class="md-footer__link[^"]*"[^>]*>', english)
    assert len(links) == 2 and all("aria-label" in link for link in links), links
    assert 'lang="' not in english.split('class="md-path"', 1)[1].split("</nav>", 1)[0]
    # the logo of every page leads to the home page of its language
    for page, home in (("de/data/", "../"), ("de/", "./"), ("data/", ".."), ("", ".")):
        html = (site / page / "index.html").read_text("utf-8")
        logos = re.findall(r'<a href="([^"]*)" title="[^"]*" class="md-\w+__button md-logo"', html)
        assert logos == [home, home], (page, logos)


def permalink_titles(html: str) -> list[tuple[str, str]]:
    """The tooltip of each permanent link beside a heading (``toc``'s ¶), with the language it
    is said in."""
    return [(text, said) for text, said, kind in said_in(html, "headerlink") if kind == "title"]


@pytest.mark.parametrize(
    "page", ["", "de/", "fr/", "how-to-read/", "de/how-to-read/", "fr/data/", "de/data/"]
)
def test_the_permanent_link_of_a_heading_says_so_in_the_pages_language(
    sample: Path, page: str
) -> None:
    """The ¶ beside each heading of a hand-written page is titled in the page's language
    ("Permanenter Link"; ``toc`` titles it "Permanent link" on every page), and says that
    language where the heading is in another (an English page on the German site)."""
    lang = page.split("/", 1)[0] if page[:3] in {"de/", "fr/"} else "en"
    titles = permalink_titles(_read(sample, page + "index.html"))
    assert len(titles) > 3, titles
    assert set(titles) == {(str(ui_strings(lang)["permalink_title"]), lang)}, titles


@pytest.mark.parametrize("page", ["", "de/", "fr/how-to-read/", "de/data/"])
def test_the_permanent_link_of_a_heading_is_named_by_its_heading(sample: Path, page: str) -> None:
    """Each ¶ of a hand-written page is named by the heading it stands in (``aria-labelledby``
    its id: "Find a credential ¶"), not "¶" alone like every other, each going elsewhere (WCAG
    2.4.4); its tooltip stays."""
    html = _read(sample, page + "index.html")
    links = re.findall(r"<a ([^>]*class=\"headerlink\"[^>]*)>", html)
    assert len(links) > 3, links
    for attributes in links:
        target = re.search(r'href="#([^"]+)"', attributes)
        assert target, attributes
        assert f'aria-labelledby="{target[1]}"' in attributes, attributes
        heading = re.search(
            rf'<(h[1-6])[^>]* id="{re.escape(target[1])}"[^>]*>(?:(?!</h[1-6]>).)*'
            rf'<a [^>]*href="#{re.escape(target[1])}"',
            html,
            re.S,
        )
        assert heading, f"no heading #{target[1]} holds its permanent link"


def test_credcats_words_on_a_hand_written_polish_page_are_english_and_say_so(
    tmp_path: Path,
) -> None:
    """A Polish page of the catalogue's: credcat has no Polish words, so the ¶'s tooltip is
    its English one, marked English, and so are the words that say a linked page is English;
    a maintainer's own ``permalink_title`` is kept on every page, and said in the default
    language, whose words mkdocs.yml is written in."""
    polish = "# Strona główna\n\n## Katalog\n\n[Jak czytać](how-to-read.md).\n"
    config = make_project(
        tmp_path / "project", polish_catalogue(tmp_path / "src"), extra_docs={"index.pl.md": polish}
    )
    build_site(config, tmp_path / "site")
    home = (tmp_path / "site" / "pl" / "index.html").read_text("utf-8")
    assert '<html lang="pl"' in home
    assert set(permalink_titles(home)) == {("Permanent link", "en")}
    assert 'class="headerlink" href="#katalog" lang="en" title="Permanent link"' in home
    assert (
        '<a href="how-to-read/" hreflang="en">Jak czytać'
        ' <span class="credcat-link-lang" lang="en">(in English)</span></a>'
    ) in home
    english = (tmp_path / "site" / "pl" / "how-to-read" / "index.html").read_text("utf-8")
    assert set(permalink_titles(english)) == {("Permanent link", "en")}  # no lang: its text's
    link = '<a aria-labelledby="eqf" class="headerlink" href="#eqf" title="Permanent link">'
    assert link in english
    # the maintainer's own title
    config = make_project(tmp_path / "own", extra_docs={"index.de.md": "# Start\n\n## Teil\n"})
    text = config.read_text("utf-8")
    old = "{toc: {permalink: true}}"
    assert text.count(old) == 1
    config.write_text(
        text.replace(old, '{toc: {permalink: true, permalink_title: "Link to this section"}}'),
        "utf-8",
    )
    build_site(config, tmp_path / "own-site")
    for page in ("index.html", "de/index.html", "de/how-to-read/index.html"):
        html = (tmp_path / "own-site" / page).read_text("utf-8")
        assert set(permalink_titles(html)) == {("Link to this section", "en")}, page
    german = (tmp_path / "own-site" / "de" / "index.html").read_text("utf-8")
    assert 'href="#teil" lang="en" title="Link to this section"' in german


_LINK = re.compile(r'<a (?:class="[^"]*" )?href="([^"#]*)[^"]*"([^>]*)>(.*?)</a>', re.S)


def text_links(html: str) -> list[tuple[str, str, str]]:
    """The links of a page's text (its article): (address, attributes after it, text)."""
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return [(href, attrs, text) for href, attrs, text in _LINK.findall(article) if href]


@pytest.mark.parametrize(
    ("page", "note"), [("", ""), ("de/", " (auf Englisch)"), ("fr/", " (en anglais)")]
)
def test_a_link_to_a_page_in_another_language_says_so(sample: Path, page: str, note: str) -> None:
    """WCAG 2.1, 2.4.4 and 3.1.2: the German and French home pages link the data page, which
    has no German or French text; each such link says, in its own words, that the page is
    English ("Daten (auf Englisch)", "Données (en anglais)"), and its ``hreflang``; the
    hand-written text does not say it again. Links to pages in the page's language say
    nothing (the guide, translated into both, and its button among them), nor does any link
    of the English home."""
    links = text_links(_read(sample, page + "index.html"))
    to_data = [link for link in links if link[0] == "data/"]
    others = [link for link in links if link[0] != "data/"]
    assert len(to_data) == 1 and len(others) >= 5, links
    assert [link[0] for link in others].count("how-to-read/") == 2, others  # button and link
    marked = f' <span class="credcat-link-lang">{note.strip()}</span>'
    for href, attrs, text in to_data:
        if note:
            assert attrs == ' hreflang="en"' and text.endswith(marked), (href, attrs, text)
            assert text.count(note.strip()) == 1, text
        else:
            assert "hreflang" not in attrs and "credcat-link-lang" not in text, text
    for href, attrs, text in others:
        assert "hreflang" not in attrs and "credcat-link-lang" not in text, (href, text)
    # the English text of the data page on the German site: its links to pages of that site
    # say nothing of the language of credcat's pages
    assert "credcat-link-lang" not in _read(sample, "de/data/index.html")


_GUIDE_LINK = re.compile(r'<a href="[^"]*/(how-to-read|data)/(?:#\w+)?"([^>]*)>(.*?)</a>')


def guide_links(html: str) -> list[tuple[str, str, str]]:
    """The links of credcat's part of a page to the guide and the data page (the navigation's
    are the theme's): (which, attributes after the address, text)."""
    body = html.split('<div class="md-content"', 1)[1]
    return _GUIDE_LINK.findall(body)


@pytest.mark.parametrize(
    ("page", "note"),
    [
        ("credentials/data-analysis-python/", ""),
        ("de/credentials/data-analysis-python/", " (auf Englisch)"),
        ("fr/credentials/data-analysis-python/", " (en anglais)"),
        ("de/catalogue/", " (auf Englisch)"),
        ("fr/catalogue/", " (en anglais)"),
    ],
)
def test_credcats_links_to_a_guide_in_another_language_say_so(
    sample: Path, page: str, note: str
) -> None:
    """credcat's own pages link the guide (what the levels mean) and the data page: the data
    page, English on the German and French sites, is said to be so, as a hand-written page's
    links say it; the guide, translated into German and French, is linked as any page."""
    links = guide_links(_read(sample, page + "index.html"))
    assert {which for which, _, _ in links} == (
        {"how-to-read", "data"} if "credentials/" in page else {"data"}
    ), links
    for which, attrs, text in links:
        if note and which == "data":
            assert attrs == ' hreflang="en"', attrs
            assert text.endswith(f' <span class="credcat-link-lang">{note.strip()}</span>'), text
        else:
            assert not attrs and "credcat-link-lang" not in text, text


def test_a_translated_guide_is_linked_as_any_page(tmp_path: Path) -> None:
    """Once the guide has a German translation, German pages link it without a word about
    its language; the data page, still English there, keeps its words."""
    german = "# Einen Nachweis lesen\n\n## Das EQR-Niveau {#eqf}\n\nText.\n"
    config = make_project(tmp_path / "project", extra_docs={"how-to-read.de.md": german})
    site = tmp_path / "site"
    build_site(config, site)
    credential = next((site / "de" / "credentials").glob("*/index.html"))
    links = {which: (attrs, text) for which, attrs, text in guide_links(credential.read_text())}
    assert links["how-to-read"] == ("", "Was die Niveaus bedeuten"), links
    assert links["data"][0] == ' hreflang="en"', links
    assert links["data"][1].endswith(' <span class="credcat-link-lang">(auf Englisch)</span>')
    home = (site / "de" / "index.html").read_text("utf-8")  # an English copy: the guide is
    assert 'href="how-to-read/" hreflang="de">' in home  # German, said in German words
    assert ' <span class="credcat-link-lang" lang="de">(auf Deutsch)</span>' in home


def test_code_blocks_of_hand_written_pages_take_the_keyboard_focus(sample: Path) -> None:
    """A code block with long lines scrolls; without JavaScript (Material's script sets it on
    the blocks that scroll) a keyboard reaches it only as a Tab stop (WCAG 2.1.1)."""
    page = _read(sample, "data/index.html")
    blocks = re.findall(r"<pre><code[^>]*>", page)
    assert blocks and all('tabindex="0"' in block for block in blocks), blocks
    # credcat's own pages have no such blocks to change
    assert "<pre><code" not in _read(sample, "credentials/data-analysis-python/index.html")


def test_a_regional_tag_of_the_pages_own_language_needs_no_note(tmp_path: Path) -> None:
    config = make_project(
        tmp_path / "project", extra_docs={"guide.md": "---\nlang: en-GB\n---\n\n# Guide\n"}
    )
    build_site(config, tmp_path / "site", strict=False)  # guide.md is not in the nav
    english = (tmp_path / "site" / "guide" / "index.html").read_text("utf-8")
    assert "credcat-fallback-note" not in english
    german = (tmp_path / "site" / "de" / "guide" / "index.html").read_text("utf-8")
    assert '<div lang="en-GB">' in german and "credcat-fallback-note" in german


def test_the_404_page_speaks_every_language_of_the_site(sample: Path) -> None:
    """One 404 page serves every missing address of a static host, whatever its language: it
    says so in each language of the site (the default as the page's heading), each part
    marked with its language and linking to that language's home page and catalogue."""
    html = _read(sample, "404.html")
    parts = re.findall(
        r'<section class="credcat-not-found" lang="([a-z]+)">(.*?)</section>', html, re.S
    )
    assert [lang for lang, _ in parts] == ["en", "de", "fr"]
    assert '<h1 id="credcat-not-found">Page not found</h1>' in parts[0][1]
    assert "<h2>Seite nicht gefunden</h2>" in parts[1][1]
    assert "<h2>Page introuvable</h2>" in parts[2][1]
    for lang, part in parts:
        links = re.findall(r'href="/([^"]*)"', part)
        assert len(links) == 2, part
        for link in links:  # addresses from the site's root, as on MkDocs' 404 page
            target = sample / link
            assert (target / "index.html").is_file() or target.is_file(), (lang, link)
    assert "404 - Not found" not in html


def test_portuguese_pages_use_european_portuguese_for_materials_words_too(
    tmp_path: Path,
) -> None:
    """credcat's Portuguese is European: the theme's own words (search box, navigation) are
    too, where Material's pt.html is Brazilian ("Buscar", "Digite …", "Compartilhar")."""
    catalogue = write_catalogue(
        tmp_path / "src",
        credentials={"databases": _plain(credential(languages=["pt"]))},
        settings={
            **SETTINGS,
            "title": {"pt": "Catálogo de teste", "en": "Test catalogue"},
            "default_language": "pt",
            "languages": ["pt"],
            "partial_languages": ["en"],
        },
    )
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", catalogue), site)
    for page in ("index.html", "catalogue/index.html", "credentials/databases/index.html"):
        html = _read(site, page)
        assert '<html lang="pt"' in html
        assert 'placeholder="Pesquisar"' in html, page
        assert "Escreva para pesquisar" in html, page
        for brazilian in ("Buscar", "Digite", "Compartilhar", "Inicializando"):
            assert brazilian not in html, (page, brazilian)
    assert 'placeholder="Search"' in _read(site, "en/index.html")


def test_french_pages_write_a_label_with_a_space_before_its_colon(sample: Path) -> None:
    """French typography: "Assurance qualité du programme : Qualitas", as every other label of
    the page ("{label} :"); the employers' summary's quality line had "…programme: Qualitas"."""
    text = " ".join(
        _visible_text(_read(sample, "fr/credentials/data-analysis-python/index.html")).split()
    )
    assert "Assurance qualité du programme : Qualitas" in text
    assert "programme: " not in text


# --- a language credcat's interface does not speak -----------------------------------------------


@pytest.fixture(scope="module")
def polish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("polish")
    config = make_project(
        root / "project",
        polish_catalogue(root / "src"),
        plugin_options="nav_translations:\n  pl: {Catalogue: Katalog szkoleń}",
    )
    site = root / "site"
    build_site(config, site)
    return site


@pytest.mark.parametrize(
    "page",
    [
        "pl/credentials/databases/",
        "pl/credentials/databases/1.0/",
        "pl/credentials/databases/1.0/summary/",
        "pl/catalogue/",
        "pl/organisations/",
        "pl/organisations/alpha-uni/",
        "pl/organisations/beta-qa/",
        "pl/pathways/",
        "pl/compare/",
        "pl/check/",
    ],
)
def test_credcats_english_on_a_polish_page_says_it_is_english(polish: Path, page: str) -> None:
    """WCAG 2.1, 3.1.2 (Language of Parts): credcat has no Polish words, so its headings,
    labels and notes are English on Polish pages, inside an element that says so, while every
    Polish text of the catalogue says it is Polish, with no note that it falls back (it does
    not). credcat's words are all English: no Polish date, duration or language name inside
    an English phrase."""
    html = _read(polish, page + "index.html")
    assert '<html lang="pl"' in html
    parser = _Languages()
    parser.feed(html)
    known = {" ".join(text.split()) for text in POLISH.values()}

    def is_polish(text: str) -> bool:  # whole, or shortened with "…" (start … end)
        return text in known or any(_shortened_from(text, t, 10) for t in known)

    shown = [(text, lang) for text, lang in parser.texts if is_polish(text)]
    assert shown or page in {"pl/compare/", "pl/check/"}, "none of the Polish texts found"
    assert sorted({text for text, lang in shown if lang != "pl"}) == []
    english = [(text, lang) for text, lang in parser.texts if not is_polish(text)]
    ui = ui_strings("en")
    headings = {str(ui["h_key_facts"]), str(ui["h_employers"])}
    assert any(text in headings for text, _ in english) or "credentials/" not in page
    assert any(lang == "en" for _, lang in english)
    # every other text is credcat's English (or a name, number or address), and says so
    assert sorted({text for text, lang in english if lang != "en"}) == []
    polish_letters = re.compile("[ąćęłńóśźż]", re.I)
    assert [text for text, _ in english if polish_letters.search(text)] == []
    assert "credcat-fallback-note" not in html
    assert 'data-credcat-fallback="pl"' not in html
    assert "credcat-link-lang" not in html  # credcat's English words, to the English guides


def test_the_footer_and_contents_of_a_polish_page_say_their_english_is_english(
    polish: Path,
) -> None:
    """The footer's "Made with" and the sections in the table of contents (credcat's
    headings; Material lists those of the page's title) on a page of a language credcat does
    not speak: English, and marked so; nothing is marked where the page is English."""
    for page in ("pl/credentials/databases/", "pl/organisations/alpha-uni/", "pl/pathways/"):
        html = _read(polish, page + "index.html")
        toc = html.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n", 1)[0]
        entries = re.findall(r'<span class="md-ellipsis"( lang="en")?>\s*([^<]+?)\s*</span>', toc)
        assert entries and all(marked for marked, _ in entries), (page, entries)
        assert POLISH["title"] not in [title for _, title in entries]
    english = _read(polish, "credentials/databases/index.html")
    assert 'class="md-ellipsis" lang=' not in english
    polish_home = _read(polish, "pl/index.html")
    footer = polish_home.split('<div class="md-copyright">', 1)[1].split("</div>", 1)[0]
    assert '<span lang="en">' in footer and "Made with" in footer
    english_home = _read(polish, "index.html")
    assert 'lang="en"' not in english_home.split('<div class="md-copyright">', 1)[1][:400]


def test_the_404_page_of_an_irish_site_says_its_english_is_english(irish: Path) -> None:
    """Irish is the default language, and credcat has no Irish words (nor Slovenian or
    Maltese ones): the 404 page's block is credcat's English, says so, and comes once, with
    each language's links named by the language (WCAG 2.4.4: "Home page" four times leads to
    four places that say which)."""
    not_found = (irish / "404.html").read_text("utf-8")
    assert '<html lang="ga"' in not_found
    assert not_found.count('<section class="credcat-not-found"') == 1
    assert '<section class="credcat-not-found" lang="en">' in not_found
    items = re.findall(r"<li>(.*?)</li>", not_found.split("credcat-not-found", 1)[1])
    named = [re.match(r'<span lang="([a-z]+)">([^<]+)</span>: <a href="([^"]+)"', i) for i in items]
    assert [(m[1], m[2], m[3]) for m in named if m] == [
        ("ga", "Gaeilge", "/."),
        ("en", "English", "/en/"),
        ("sl", "Slovenščina", "/sl/"),
        ("mt", "Malti", "/mt/"),
    ]


def test_the_maintainer_titles_credcats_pages_in_a_language_credcat_does_not_speak(
    polish: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """credcat titles its own pages in the languages its interface speaks; in the others the
    maintainer's titles win: ``nav``'s in the default language, ``nav_translations``' in the
    others ("Katalog szkoleń", not credcat's "Catalogue"). nav_translations of the default
    language would be ignored: a warning says so."""
    polish_page = _read(polish, "pl/catalogue/index.html")
    assert "<title>Katalog szkoleń - " in polish_page
    assert re.search(r'class="md-ellipsis">\s*Katalog szkoleń\s*<', polish_page)
    assert "<title>Catalogue - " in _read(polish, "catalogue/index.html")  # credcat's English
    pathways = _read(polish, "pl/pathways/index.html")  # not in nav_translations: credcat's
    assert "<title>Pathways - " in pathways
    # Irish by default: nav's own titles, and a warning for nav_translations of Irish
    catalogue = _irish_catalogue(tmp_path / "src", languages=["ga", "en"])
    config = make_project(
        tmp_path / "project", catalogue, plugin_options="nav_translations:\n  ga: {Data: Sonraí}"
    )
    config.write_text(
        config.read_text("utf-8").replace("- Catalogue: catalogue", "- Catalóg: catalogue"), "utf-8"
    )
    caplog.set_level("WARNING")
    build_site(config, tmp_path / "site", strict=False)
    assert "<title>Catalóg - " in (tmp_path / "site" / "catalogue" / "index.html").read_text()
    english = (tmp_path / "site" / "en" / "catalogue" / "index.html").read_text()
    assert "<title>Catalogue - " in english  # credcat's English title of its English page
    said = [r.getMessage() for r in caplog.records if "nav_translations" in r.getMessage()]
    assert said == [
        "credcat: nav_translations: ga is the catalogue's default language, whose titles are "
        "those nav gives; write them in nav instead (nav_translations titles the other "
        "languages)"
    ]


_NAV_ENTRY = re.compile(
    r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis"( lang="[^"]*")?>'
    r"\s*([^<]+?)\s*<"
)


def _nav_entries(html: str) -> dict[str, tuple[str, str]]:
    """The links of a page's navigation (Material's sidebar; not its table of contents, whose
    links lead into the page): address → (the ``lang`` of its title's element, its title)."""
    found = _NAV_ENTRY.findall(html)
    return {href: (lang, title) for href, lang, title in found if not href.startswith("#")}


def test_credcats_english_titles_in_the_navigation_of_a_polish_page_say_so(polish: Path) -> None:
    """WCAG 2.1, 3.1.2: credcat titles its pathways and organisations pages in English on a
    Polish page (it has no Polish words); their entries in the navigation say so, on every
    page, the entry's own page included. The catalogue page the maintainer titled in Polish
    (nav_translations) is not marked, nor is anything in the navigation of an English page."""
    links = {  # page → its links to the pathways, organisations and catalogue pages
        "pl/pathways/": ("./", "../organisations/", "../catalogue/"),
        "pl/credentials/databases/": (
            "../../pathways/",
            "../../organisations/",
            "../../catalogue/",
        ),
    }
    for page, (pathways, organisations, catalogue) in links.items():
        entries = _nav_entries(_read(polish, page + "index.html"))
        assert entries[pathways] == (' lang="en"', "Pathways"), page
        assert entries[organisations] == (' lang="en"', "Organisations"), page
        assert entries[catalogue] == ("", "Katalog szkoleń"), page
        # the hand-written pages are English copies (no Polish text): their titles say so
        up = catalogue.removesuffix("catalogue/")
        for written in ("", "how-to-read/", "data/", "maintainers/"):
            assert entries[up + written][0] == ' lang="en"', (page, written)
    # the page's title in the header says so too
    topic = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis"([^>]*)>')
    assert topic.findall(_read(polish, "pl/pathways/index.html")) == [' lang="en"']
    assert topic.findall(_read(polish, "pl/how-to-read/index.html")) == [' lang="en"']
    assert topic.findall(_read(polish, "pl/catalogue/index.html")) == [""]
    assert topic.findall(_read(polish, "pathways/index.html")) == [""]
    for page in ("pathways/", "credentials/databases/", ""):
        english = _nav_entries(_read(polish, page + "index.html"))
        assert english and {lang for lang, _ in english.values()} == {""}, page
        assert "Pathways" in {title for _, title in english.values()}


def test_credcats_english_titles_in_the_tabs_of_a_polish_site_say_so(tmp_path: Path) -> None:
    """A catalogue in Polish by default, with Material's tabs: nav titles the catalogue page
    in Polish and leaves the pathways page untitled (credcat's English "Pathways"). In the
    tabs and in the sidebar, the untitled entry says it is English; the maintainer's titles
    do not (the Polish one, and "Organisations": whatever its language, the maintainer wrote
    it for the page); the English pages' navigation has no ``lang`` of its own."""
    catalogue = polish_catalogue(tmp_path / "src")
    settings = catalogue / "catalogue.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace("default_language: en", "default_language: pl"),
        "utf-8",
    )
    config = make_project(tmp_path / "project", catalogue)
    text = config.read_text("utf-8")
    for old, new in (
        ("features: [content.action.edit]", "features: [content.action.edit, navigation.tabs]"),
        ("- Catalogue: catalogue/index.md", "- Katalog: catalogue/index.md"),
        ("- Pathways: pathways/index.md", "- pathways/index.md"),
        ("  - Data: data.md", "  - Guides:\n    - Data: data.md"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    config.write_text(text, "utf-8")
    site = tmp_path / "site"
    build_site(config, site)
    tab = re.compile(r'<a href="([^"]*)" class="md-tabs__link"( lang="[^"]*")?>\s*([^<]+?)\s*<')
    for page, up in (("", ""), ("credentials/databases/", "../../")):
        html = (site / page / "index.html").read_text("utf-8")
        assert '<html lang="pl"' in html
        tabs = {href: (lang, title) for href, lang, title in tab.findall(html)}
        entries = _nav_entries(html)
        for found in (tabs, entries):
            assert found[f"{up}pathways/"] == (' lang="en"', "Pathways"), (page, found)
            assert found[f"{up}catalogue/"] == ("", "Katalog"), (page, found)
            assert found[f"{up}organisations/"] == ("", "Organisations"), (page, found)
    english = (site / "en" / "credentials" / "databases" / "index.html").read_text("utf-8")
    tabs = {href: (lang, title) for href, lang, title in tab.findall(english)}
    entries = _nav_entries(english)
    for found in (tabs, entries):
        for own in ("catalogue/", "pathways/", "organisations/"):
            assert found[f"../../{own}"][0] == "", (own, found)
        # the hand-written pages, copies of the Polish default's (this site declares its
        # docs Polish), say so, as their bodies do
        assert found["../../how-to-read/"][0] == ' lang="pl"', found
    assert "Pathways" in {title for _, title in tabs.values()}
    # a section nav_translations does not title keeps nav's title, in the default language
    guides = re.findall(r'<span class="md-ellipsis"( lang="[^"]*")?>\s*Guides\s*<', english)
    assert guides and set(guides) == {' lang="pl"'}, guides
    polish_page = (site / "credentials" / "databases" / "index.html").read_text("utf-8")
    assert re.findall(r'<span class="md-ellipsis"( lang="[^"]*")?>\s*Guides\s*<', polish_page)
    assert 'lang="pl"' not in "".join(
        re.findall(r'<span class="md-ellipsis"[^>]*>\s*Guides\s*<', polish_page)
    )


@pytest.mark.parametrize(
    ("name", "marks"),
    [
        ("nav-item.html", 1),
        ("tabs-item.html", 1),
        ("toc-item.html", 2),  # the entry's title, and the list of its sections it names
        ("header.html", 1),
        ("path-item.html", 1),
        ("footer.html", 2),  # the previous and the next page
    ],
)
def test_the_navigation_partials_are_materials_own_but_for_the_language_of_a_title(
    name: str, marks: int
) -> None:
    """credcat's copies of Material's partials that say the language of an entry's title add
    that, and nothing else: the rest is the installed Material's markup, byte for byte (a
    Material upgrade that changes the partial fails here: copy it again). The footer's links
    to the previous and next page leave out Material's ``aria-label`` where the title is in
    another language (their text names them, each part in its language)."""

    def body(text: str) -> str:  # without the comment that opens the file
        assert text.startswith("{#-")
        return text.split("-#}\n", 1)[1]

    ours = body((Path(THEME_DIR) / "partials" / name).read_text("utf-8"))
    marked = re.compile(r'\{% if ([\w.]+lang) %\} lang="\{\{ ([\w.]+lang) \| e \}\}"\{% endif %\}')
    assert [a == b for a, b in marked.findall(ours)] == [True] * marks
    unnamed = re.compile(
        r'\{% if not ([\w.]+)\.title_lang %\}( aria-label="[^"]*\{\{ \1\.title[^"]*")\{% endif %\}'
    )
    assert len(unnamed.findall(ours)) == (2 if name == "footer.html" else 0)
    theirs = body((MATERIAL / "partials" / name).read_text("utf-8"))
    assert unnamed.sub(r"\2", marked.sub("", ours)) == theirs


def test_a_catalogue_where_nothing_stacks_says_so_once(polish: Path) -> None:
    """One credential, nothing to stack: the pathways page says so once, without the graph's
    and the routes' sections (it had said it under each)."""
    page = _read(polish, "pathways/index.html")
    assert page.count(str(ui_strings("en")["pathways_none"])) == 1
    assert 'id="graph"' not in page and 'id="routes"' not in page
    assert 'id="standalone"' in page


def _shortened_from(shown: str, text: str, least: int) -> bool:
    """Whether ``shown`` is ``text`` shortened as lists shorten a text: its start (at least
    ``least`` characters) and its end around " … ", or its start and "…"."""
    if "…" not in shown or shown == text:
        return False
    start, _, end = shown.partition(" … ") if " … " in shown else (shown.removesuffix("…"), "", "")
    return len(start) >= least and text.startswith(start) and text.endswith(end)
