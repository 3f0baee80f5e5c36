"""The catalogue page's no-JavaScript list, its cards (price, next start) and the compare page.

What the browser does with them is in ``tests/browser/test_catalogue_ui.py``; the shape of
``catalogue.json`` and ``catalogue-texts.json`` in ``test_site_build.py``.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from catalogue_factory import (
    ORGANISATIONS,
    credential,
    hours_credential,
    varied_catalogue,
    write_catalogue,
)
from credcat.render.site.catalogue import PAGE_SIZE, SCRIPT_STRINGS
from credcat.render.site.index import (
    catalogue_index,
    catalogue_json,
    catalogue_texts,
    catalogue_texts_json,
    search_fold,
)
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
    assert specs[1].number == 2 and "2" in specs[1].title
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


def test_the_sort_orders_offer_the_soonest_start_in_every_language() -> None:
    """The order "Starts soonest" is offered after the title order, in the page's language (each of
    credcat's translations has its own words); the no-JavaScript list, which a page built once
    cannot order by the reader's today, keeps its order by title."""
    english = ui_strings("en")["sort_start"]
    assert english == "Starts soonest"
    for lang in ("de", "fr", "es", "it", "nl", "pt"):
        assert ui_strings(lang)["sort_start"] not in ("", english), lang
    cat = load_catalogue(REPO / "catalogue")
    for lang in cat.settings.languages:
        pages = Pages(cat, Urls.of(cat.settings), lang)
        context = pages.context(next(s for s in pages.pages() if s.kind == "catalogue"))
        sorts = [(s["value"], s["label"]) for s in context["sorts"]]
        assert sorts[:2] == [
            ("title", ui_strings(lang)["sort_title"]),
            ("start", ui_strings(lang)["sort_start"]),
        ]
        titles = [c["title"].casefold() for c in context["cards"]]
        assert titles == sorted(titles)


def test_a_card_shows_the_next_start_and_its_price(tmp_path: Path) -> None:
    # the tests' today is 2026-12-01 (tests/conftest.py)
    runs = [
        {"id": "past", "start": "2026-03-01", "price": {"amount": 100, "currency": "EUR"}},
        {"id": "next", "start": "2027-02-01", "price": {"amount": 450, "currency": "EUR"}},
        {"id": "later", "start": "2027-09-01"},
    ]
    # starts later, but its application deadline has passed: not offered any more
    closed = {
        "id": "closed",
        "start": "2027-01-10",
        "application_deadline": "2026-11-20",
        "price": {"amount": 300, "currency": "EUR"},
    }
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "upcoming": credential(offerings=[closed, *runs]),
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
    # a run that has started is not the next start: the card says none is open, and gives
    # no price (not that of a run nobody can enrol in)
    assert cards["ended"]["next_start"] == "No run open for enrolment now"
    assert cards["ended"]["price"] == ""
    # none announced: the card says so ("No start date announced"), without a price
    assert (cards["none"]["next_start"], cards["none"]["price"]) == ("", "")


def test_a_card_gives_the_price_of_the_run_it_offers_with_its_note(tmp_path: Path) -> None:
    """A card shows the next open run's own price and what the catalogue says of it (the
    condition of a capstone-only price), not a range of every run's prices; a run open
    without a price says to ask the provider."""
    runs = [
        {
            "id": "full",
            "start": "2027-03-01",
            "application_deadline": "2027-02-12",
            "price": {"amount": 2390, "note": {"en": "Package price.", "de": "Paketpreis."}},
        },
        {
            "id": "capstone",
            "start": "2027-09-13",
            "application_deadline": "2027-07-31",
            "price": {"amount": 490, "note": {"en": "Capstone only.", "de": "Nur Abschluss."}},
        },
    ]
    unpriced = [{"id": "spring", "start": "2027-03-01"}]
    root = write_catalogue(
        tmp_path / "catalogue",
        {"applied": credential(offerings=runs), "unpriced": credential(offerings=unpriced)},
    )
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    spec = next(s for s in pages.pages() if s.kind == "catalogue")
    cards = {c["id"]: c for c in pages.context(spec)["cards"]}
    assert (cards["applied"]["price"], cards["applied"]["price_note"]) == (
        "€2,390",
        "Package price.",
    )
    assert (cards["unpriced"]["price"], cards["unpriced"]["price_note"]) == (
        "Ask the provider",
        "",
    )
    data = catalogue_index(cat, Urls.of(cat.settings))
    entry = next(e for e in data["credentials"] if e["i"] == "applied")
    assert entry["rn"] == ["Package price.", "Capstone only."] and "rnl" not in entry
    assert "rn" not in next(e for e in data["credentials"] if e["i"] == "unpriced")


def test_a_card_names_the_language_of_its_next_run_where_runs_differ(tmp_path: Path) -> None:
    """A credential taught in German and English whose next run is in German: its card says
    so ("in German"), and catalogue.json gives each run's languages (``rl``) for the
    language filter; one whose runs are taught in all its languages has no ``rl``."""
    runs = [
        {"id": "spring", "start": "2027-03-01", "languages": ["de"], "price": {"amount": 890}},
        {"id": "autumn", "start": "2027-09-27", "languages": ["en"], "price": {"amount": 890}},
    ]
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "python": credential(languages=["de", "en"], offerings=runs),
            "same": credential(
                languages=["de", "en"], offerings=[{"id": "one", "start": "2027-03-01"}]
            ),
        },
    )
    cat = load_catalogue(root)
    for lang, words in (
        ("en", ["in German", "in English"]),
        ("de", ["auf Deutsch", "auf Englisch"]),
    ):
        pages = Pages(cat, Urls.of(cat.settings), lang)
        spec = next(s for s in pages.pages() if s.kind == "catalogue")
        cards = {c["id"]: c for c in pages.context(spec)["cards"]}
        assert cards["python"]["language"] == words[0]
        assert cards["same"]["language"] == ""
        entries = {
            e["i"]: e for e in catalogue_index(cat, Urls.of(cat.settings), lang)["credentials"]
        }
        assert entries["python"]["rl"] == [[words[0], "de"], [words[1], "en"]]
        assert "rl" not in entries["same"]


def test_cards_of_credentials_no_longer_offered_say_so_without_a_price(tmp_path: Path) -> None:
    """A retired card says "No longer offered", a superseded one "Replaced by" its successor
    (a link to its page): neither suggests a run to come ("No start date announced") nor a
    price ("Ask the provider"); catalogue.json gives them no price either."""
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "current": credential(title={"en": "Databases II", "de": "Datenbanken II"}),
            "old": credential(status="superseded", superseded_by="current"),
            "gone": credential(status="retired"),
        },
    )
    cat = load_catalogue(root)
    for lang, retired, replaced in (
        ("en", "No longer offered", "Replaced by Databases II"),
        ("de", "Nicht mehr im Angebot", "Ersetzt durch Datenbanken II"),
    ):
        urls = Urls.of(cat.settings)
        pages = Pages(cat, urls, lang)
        spec = next(s for s in pages.pages() if s.kind == "catalogue")
        context = pages.context(spec)
        cards = {c["id"]: c for c in context["cards"] + context["other_cards"]}
        for cid in ("old", "gone"):
            assert (cards[cid]["price"], cards[cid]["next_start"]) == ("", ""), cid
        assert "".join(p["text"] for p in cards["gone"]["no_longer"]) == retired
        assert "".join(p["text"] for p in cards["old"]["no_longer"]) == replaced
        link = next(p for p in cards["old"]["no_longer"] if p["href"])
        assert posixpath.normpath(posixpath.join(spec.path, link["href"])) + "/" == (
            urls.credential("current", None if lang == "en" else lang)
        )
        assert cards["current"]["no_longer"] == []
        entries = {e["i"]: e for e in catalogue_index(cat, urls, lang)["credentials"]}
        assert "pr" not in entries["old"] and "pr" not in entries["gone"]
        assert entries["current"]["pr"] == (
            "Ask the provider" if lang == "en" else "Beim Anbieter erfragen"
        )


def test_the_no_javascript_cards_show_what_the_context_says(tmp_path: Path) -> None:
    """The cards of the built page: a run's language and price note, and the no-longer-offered
    line with the successor's link and no price."""
    runs = [
        {
            "id": "spring",
            "start": "2027-03-01",
            "languages": ["de"],
            "price": {"amount": 890, "note": {"en": "Alumni pay less.", "de": "Ermäßigt."}},
        },
        {"id": "autumn", "start": "2027-09-27", "languages": ["en"], "price": {"amount": 890}},
    ]
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "python": credential(languages=["de", "en"], offerings=runs),
            "old": credential(status="superseded", superseded_by="python"),
        },
    )
    from test_site_build import build_site, make_project, parse

    build_site(make_project(tmp_path / "project", root), tmp_path / "site", strict=False)
    doc = parse(tmp_path / "site" / "catalogue" / "index.html")
    python = doc.find("li", class_="credcat-card", data_credcat_id="python")
    facts = {
        f.attrs["data-credcat-fact"]: f.text()
        for f in python.find_all(data_credcat_fact=True)
        if f.tag != "li"
    }
    assert facts == {
        "start": "Next start 1 March 2027",
        "run-language": "in German",
        "price": "Price:€890",  # "Price: " for screen readers only, then the price
        "price-note": "Alumni pay less.",
    }
    old = doc.find("li", class_="credcat-card", data_credcat_id="old")
    assert not old.find_all(data_credcat_fact="price") and "Ask the provider" not in old.text()
    start = old.find(data_credcat_fact="start")
    assert start.text() == "Replaced by Relational databases"
    assert start.find("a").attrs["href"] == "../credentials/python/"


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
        # … and its long texts (workload in words, outcomes, assessments), loaded at once
        texts = urljoin("/" + spec.path, config["catalogue_texts"])
        assert texts == "/" + urls.catalogue_texts(lang)
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


def test_the_catalogue_page_names_both_data_files_and_preloads_the_first() -> None:
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    for lang in cat.settings.languages:
        pages = Pages(cat, urls, lang)
        spec = next(s for s in pages.pages() if s.kind == "catalogue")
        links = pages.context(spec)["links"]
        other = None if lang == cat.settings.default_language else lang
        assert urljoin("/" + spec.path, links["catalogue_json"]) == "/" + urls.catalogue_json(other)
        assert urljoin("/" + spec.path, links["catalogue_texts"]) == "/" + urls.catalogue_texts(
            other
        )
    templates = REPO / "plugins" / "credcat" / "theme" / "credcat"
    body = (templates / "body" / "catalogue.html").read_text("utf-8")
    assert 'data-credcat-texts="{{ c.links.catalogue_texts }}"' in body
    head = (templates / "catalogue.html").read_text("utf-8")
    # the head preloads the file the filters wait for, and only that one
    assert re.findall(r'<link rel="preload" href="([^"]+)"', head) == [
        "{{ credcat.links.catalogue_json }}"
    ]


def test_the_filters_wait_for_the_smaller_file_only(tmp_path: Path) -> None:
    """On credentials as long and as varied as real ones, ``catalogue.json`` (cards, facets,
    sorting, check page) is well under half of the data; the outcomes, skills, workload in words
    and assessments are in ``catalogue-texts.json``. Together they stay under 1 KB gzipped per
    credential, and both are byte-identical when made again."""
    count = 200
    cat = load_catalogue(varied_catalogue(tmp_path / "catalogue", count))
    urls = Urls.of(cat.settings)
    first = catalogue_json(cat, urls)
    second = catalogue_texts_json(cat, urls)
    assert len(first) < 0.5 * (len(first) + len(second))
    gzipped = len(gzip.compress(first, 6)) + len(gzip.compress(second, 6))
    assert gzipped < 1024 * count
    assert (first, second) == (catalogue_json(cat, urls), catalogue_texts_json(cat, urls))
    index, texts = json.loads(first), json.loads(second)
    assert index == catalogue_index(cat, urls) and texts == catalogue_texts(cat, urls)
    assert [e["i"] for e in texts["credentials"]] == [e["i"] for e in index["credentials"]]
    for entry, more in zip(index["credentials"], texts["credentials"], strict=True):
        cred = cat.credentials[entry["i"]]
        assert more["o"] == [o.text["en"] for o in cred.outcomes]
        assert len(more["x"]) == len(cred.assessments)


def test_the_texts_file_gives_the_words_of_the_description_in_its_language(
    tmp_path: Path,
) -> None:
    """The catalogue's text search reads the description from ``catalogue-texts.json`` (``d``):
    its words without the Markdown around them, in the file's language (where the catalogue
    has no translation, in the language it falls back to, which ``dl`` names), each once and
    only where the entry's other texts do not hold them (issue 9: the files stay small)."""
    description = (
        "Ten weeks with **two Saturdays on campus**. Topics:\n\n"
        "- Window functions and `GROUP BY`, window frames\n"
        "- Common table expressions, see [the syllabus](https://uni.example/sql)\n"
        "- Schema design\n"
    )
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "both": credential(description={"en": description, "de": "Zehn *Wochen*."}),
            "english": credential(description={"en": description}),
            "none": credential(),
        },
    )
    cat = load_catalogue(root)
    urls = Urls.of(cat.settings)
    index = {e["i"]: e for e in catalogue_index(cat, urls)["credentials"]}
    english = {e["i"]: e for e in catalogue_texts(cat, urls)["credentials"]}
    words = english["both"]["d"]
    assert "**" not in words and "`" not in words and "[" not in words
    assert "- " not in words and "•" not in words and "\n" not in words
    assert words.split()[:4] == ["Ten", "weeks", "two", "Saturdays"]  # "with": an outcome's
    for word in ("Window", "GROUP", "BY,", "Common", "(https://uni.example/sql)"):
        assert word in words.split()
    # each once ("window" is part of "Window"), none the outcomes hold ("Design a normalised
    # schema.": "Schema" and "design" are searched there)
    assert "window" not in words.split() and "Schema" not in words.split()
    # every word of the description is still found by the search: in ``d`` or in a text the
    # search reads anyway
    entry, more = index["both"], english["both"]
    texts = [entry["t"], entry["s"], words, *more["o"], *more.get("k", [])]
    searched = search_fold(" ".join(texts))
    plain = description.replace("**", "").replace("`", "").replace("- ", "")
    for word in plain.replace("[", " ").replace("](", " ").split():
        assert search_fold(word.strip(".,:()")) in searched, word
    assert english["english"]["d"] == words and "dl" not in english["both"]
    assert "d" not in english["none"] and "dl" not in english["none"]
    german = {e["i"]: e for e in catalogue_texts(cat, urls, "de")["credentials"]}
    assert german["both"]["d"] == "Zehn Wochen." and "dl" not in german["both"]
    # no German description: the English one's words, which say their language
    assert "Window" in german["english"]["d"].split() and german["english"]["dl"] == "en"
    # only the texts file holds them: the file the filters wait for stays as it was
    assert not any({"d", "dl"} & set(entry) for entry in index.values())


def test_the_pathways_contents_link_only_to_sections_the_page_has(tmp_path: Path) -> None:
    """Every credential in a pathway: no "Stand-alone credentials" section, and no link to
    it in the table of contents (a broken anchor on every pathways page)."""
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "whole": credential(),
            "part": credential(stackability={"part_of": ["whole"]}),
        },
    )
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    spec = next(s for s in pages.pages() if s.kind == "pathways")
    context = pages.context(spec)
    assert context["standalone"] == []
    assert [item["id"] for item in context["toc"]] == ["graph", "routes"]
    root = write_catalogue(tmp_path / "other", {"alone": credential()})
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    spec = next(s for s in pages.pages() if s.kind == "pathways")
    # nothing stacks: no graph, no routes (the page says so once), the stand-alone one
    assert [i["id"] for i in pages.context(spec)["toc"]] == ["standalone"]


def test_the_catalogue_introduction_counts_in_the_plural_rules(tmp_path: Path) -> None:
    """'3 micro-credentials from 1 organisations' and '0 micro-credentials from 0
    organisations' (a new catalogue) read as a person would write them."""
    # one offering organisation (beta-qa only assures quality)
    one_org = {k: ORGANISATIONS[k] for k in ("alpha-uni", "beta-qa")}
    runs = {"a": credential(), "b": credential(), "c": credential()}
    for creds, said in (
        (runs, "3 micro-credentials from 1 organisation. Filter"),
        ({"a": credential()}, "1 micro-credential from 1 organisation. Filter"),
    ):
        root = write_catalogue(tmp_path / f"c{len(creds)}", creds, one_org)
        cat = load_catalogue(root)
        pages = Pages(cat, Urls.of(cat.settings))
        spec = next(s for s in pages.pages() if s.kind == "catalogue")
        assert pages.context(spec)["intro"].startswith(said)


def test_a_card_without_ects_shows_its_hours(tmp_path: Path) -> None:
    """A vocational or non-formal credential has hours, not ECTS: its card shows the hours
    (the build's card here; the script's in tests/browser/test_catalogue_ui.py)."""
    from test_site_build import build_site, make_project

    hours_only = credential(
        title={"en": "Forklift safety", "de": "Staplersicherheit"},
        summary={"en": "Drive a forklift safely.", "de": "Einen Stapler sicher fahren."},
        workload={"hours": 40},
    )
    root = write_catalogue(tmp_path / "catalogue", {"hours-only": hours_only, "ects": credential()})
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", root), site)
    for lang, words in (("", "40 h"), ("de/", "40 Std.")):
        html = (site / lang / "catalogue" / "index.html").read_text("utf-8")
        card = html[html.index('id="card-hours-only"') :]
        card = card[: card.index("credcat-card__when")]
        facts = re.findall(r'data-credcat-fact="(\w+)"', card)
        assert facts[:3] == ["eqf", "hours", "mode"], facts
        assert f"</span>{words}</li>" in card
        other = html[html.index('id="card-ects"') :]
        assert 'data-credcat-fact="ects"' in other[: other.index("credcat-card__when")]
    assert {"card_hours", "fact_workload"} <= set(SCRIPT_STRINGS)


def test_the_pathways_of_a_catalogue_of_hours_total_its_hours(tmp_path: Path) -> None:
    """A vocational school's credentials state hours alone: its pathways page said "ECTS not
    stated" for every route, and that a route shows "the ECTS a learner earns". A route of
    credentials that all state hours totals them, the graph's boxes show each one's hours, and
    the introduction speaks of hours; where a route's credentials all state ECTS, ECTS."""
    from test_site_build import build_site, make_project

    basic = hours_credential("Welding basics", 80)
    advanced = hours_credential("Positional welding", 120)
    advanced["stackability"] = {"builds_on": ["welding-basics"]}
    root = write_catalogue(
        tmp_path / "catalogue", {"welding-basics": basic, "positional-welding": advanced}
    )
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", root), site)
    for lang, said in (
        (
            "",
            [
                "the hours of learning it takes to follow it to its end",
                "EQF 6 · 80 h",
                "EQF 6 · 120 h",
                "Pathway total: 200 hours of learning",
                "200 hours of learning in total",
            ],
        ),
        (
            "de/",
            [
                "die Stunden Lernzeit bis zu seinem Ende",
                "EQR 6 · 80 Std.",
                "Lernpfad insgesamt: 200 Stunden Lernzeit",
                "200 Stunden Lernzeit insgesamt",
            ],
        ),
    ):
        html = (site / lang / "pathways" / "index.html").read_text("utf-8")
        text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        for words in said:
            assert words in text, (lang, words)
        assert "ECTS" not in text, lang
    # a catalogue that states ECTS keeps them
    root = write_catalogue(
        tmp_path / "ects",
        {
            "whole": credential(),
            "part": credential(
                title={"en": "SQL basics", "de": "SQL-Grundlagen"},
                summary={"en": "Query tables.", "de": "Tabellen abfragen."},
                stackability={"part_of": ["whole"]},
            ),
        },
    )
    cat = load_catalogue(root)
    pages = Pages(cat, Urls.of(cat.settings))
    context = pages.context(next(s for s in pages.pages() if s.kind == "pathways"))
    assert "the ECTS a learner earns" in context["intro"]
    assert [route["total"] for route in context["routes"]] == ["4 ECTS in total"]


def test_the_workload_range_is_in_ects_or_else_in_hours(tmp_path: Path) -> None:
    """The workload range is in the unit the catalogue's credentials state: a vocational
    school's catalogue of hours has a range in hours ("Workload in hours", whole numbers on a
    numeric keypad, its placeholders the fewest and most hours), a catalogue with ECTS one in
    ECTS; in a mixed one a hint, describing both boxes, says that credentials of hours alone
    match by their hours (at 25 to 30 an ECTS credit), and none where every credential states
    ECTS. catalogue.json holds what the script decides with: ``c`` where ECTS are stated, ``h``
    where hours are; the configuration the forms of "From 1 hour" by plural category."""
    from test_site_build import build_site, make_project, parse

    catalogues = {
        "hours": {
            "welding": hours_credential("Welding", 80),
            "forklift": hours_credential("Forklift", 60),
        },
        "mixed": {"welding": hours_credential("Welding", 80), "sql": credential()},
        "ects": {"sql": credential()},
    }
    expected = {  # unit, placeholders, hint shown
        "hours": ("hours", ["60", "80"], False),
        "mixed": ("ects", ["4", "4"], True),
        "ects": ("ects", ["4", "4"], False),
    }
    for name, creds in catalogues.items():
        root = write_catalogue(tmp_path / name / "catalogue", creds)
        site = tmp_path / name / "site"
        build_site(make_project(tmp_path / name / "project", root), site)
        unit, placeholders, hinted = expected[name]
        for lang in ("", "de/"):
            words = ui_strings(lang.rstrip("/") or "en")
            doc = parse(site / lang / "catalogue" / "index.html")
            group = doc.find("details", id="credcat-workload")
            hint = doc.find("p", id="credcat-workload-hint")
            boxes = [doc.find("input", id=f"credcat-ects-{end}") for end in ("min", "max")]
            assert "hidden" not in group.attrs, (name, lang)
            assert group.attrs["data-credcat-unit"] == unit
            label = words["facet_workload_hours" if unit == "hours" else "facet_workload"]
            assert group.find("summary").text() == label
            assert group.find("legend").text() == label
            assert [box.attrs["name"] for box in boxes] == [f"{unit}_min", f"{unit}_max"]
            keypad = "numeric" if unit == "hours" else "decimal"
            assert [box.attrs["inputmode"] for box in boxes] == [keypad] * 2
            assert [box.attrs["placeholder"] for box in boxes] == placeholders, (name, lang)
            assert ("hidden" in hint.attrs) is not hinted, (name, lang)
            assert hint.text() == words["workload_hours_match"]
            described = [box.attrs.get("aria-describedby") for box in boxes]
            assert described == (["credcat-workload-hint"] * 2 if hinted else [None] * 2)
            error = doc.find("p", id="credcat-workload-error")
            assert "hidden" in error.attrs and error.text() == ""
            config = json.loads(doc.find("script", id="credcat-catalogue-config").text())
            for key in ("catalogue_chip_min_hours", "catalogue_chip_max_hours"):
                forms = config["plurals"][key]["forms"]
                assert (forms["one"], forms["other"]) == (words[key].pick(1), words[key].pick(40))
            for key in ("facet_workload_hours", "workload_not_whole", "workload_not_number"):
                assert config["strings"][key] == str(words[key])
            data = json.loads((site / lang / "catalogue.json").read_text("utf-8"))
            workloads = {e["i"]: (e.get("c"), e.get("h")) for e in data["credentials"]}
            for cid in creds:
                stated = creds[cid]["workload"]
                assert workloads[cid] == (stated.get("ects"), stated.get("hours")), (name, cid)


def test_no_workload_range_where_no_credential_states_a_workload() -> None:
    """A range is offered only in a unit some credential states: none where neither is
    stated (credcat check refuses such credentials, but the page still builds for them)."""
    from types import SimpleNamespace

    from credcat.render.site.catalogue import _workload

    loc = SimpleNamespace(
        ui={"facet_workload": "Workload in ECTS", "facet_workload_hours": "Workload in hours"},
        number=lambda value: f"{value:g}",
    )
    site: Any = SimpleNamespace(loc=loc)
    assert _workload(site, [], [])["shown"] is False
    assert _workload(site, [], [])["unit"] == ""
    hours = _workload(site, [], [40, 120])
    assert (hours["unit"], hours["min"], hours["max"], hours["hours_only"]) == (
        "hours",
        "40",
        "120",
        False,
    )
    mixed = _workload(site, [2.5, 5.0], [40])
    assert (mixed["unit"], mixed["min"], mixed["max"], mixed["hours_only"]) == (
        "ects",
        "2.5",
        "5",
        True,
    )
