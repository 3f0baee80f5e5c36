"""The human side of rendering: one language fallback, the localiser, anchors, typed contexts,
StrictUndefined templates, and the shape of the ``render`` package (no import cycles)."""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints

import jinja2
import pytest
import yaml

from catalogue_factory import ORGANISATIONS, SETTINGS, credential, write_catalogue
from credcat.catalogue import Catalogue
from credcat.model import Price
from credcat.render.data.elm import elm_document
from credcat.render.data.loq import opportunities_document
from credcat.render.data.ob3 import ob3_achievement
from credcat.render.data.schemaorg import schemaorg
from credcat.render.language import (
    PHRASE_LANGUAGES,
    chosen_language,
    link_label,
    localise,
    phrase,
    say,
)
from credcat.render.site import context as ctx_types
from credcat.render.site.common import licence_line
from credcat.render.site.index import catalogue_index
from credcat.render.site.localise import Localiser, plural
from credcat.render.site.pages import Pages
from credcat.urls import Urls
from credcat.validate import load_catalogue
from test_site_build import REPO, build_site, make_project

RENDER = REPO / "plugins" / "credcat" / "render"
THEME = REPO / "plugins" / "credcat" / "theme"

ORG_NAMES = {"sl": "Zavod Primer", "pt": "Escola Exemplo"}
"""A legal name in two languages, neither of them a catalogue language (YAML order: sl, pt)."""


def _catalogue(root: Path, **changes: Any) -> Catalogue:
    organisations = dict(ORGANISATIONS)
    organisations["gamma-school"] = {
        "name": dict(ORG_NAMES),
        "kind": "vet-school",
        "country": "SI",
        "homepage": "https://gamma.example/",
    }
    offering = {"id": "spring", "start": "2027-03-01", "price": {"amount": 720, "currency": "EUR"}}
    cred = credential(
        awarding_body="gamma-school", provider="gamma-school", offerings=[offering], **changes
    )
    write_catalogue(root, {"databases": cred}, organisations)
    return load_catalogue(root)


def _urls(cat: Catalogue) -> Urls:
    return Urls.of(cat.settings)


# --- one language fallback ----------------------------------------------------------------------


def test_localise_order_is_requested_then_the_catalogues_languages_then_alphabetical() -> None:
    text = {"sl": "S", "de": "D", "en": "E"}
    assert localise(text, "de", "en") == "D"
    assert localise(text, "fr", "en") == "E"
    assert localise({"sl": "S", "pt": "P"}, "fr", "en") == "P"  # not the first in YAML order
    assert localise(None, "en", "en") == ""
    # a catalogue in Portuguese, then English: a text without Portuguese is shown in English,
    # its next language, not in the German it does not offer (alphabetically first)
    assert localise(text, "pt", ("pt", "en")) == "E"
    assert localise(text, "en", ("pt", "en")) == "E"
    assert localise({"pt": "P", "en": "E"}, "de", ("pt", "en")) == "P"
    assert localise({"sl": "S", "de": "D"}, "pt", ("pt", "en")) == "D"  # none offered: first
    assert chosen_language(text, "pt", ["pt", "sl", "en"]) == "sl"  # in the catalogue's order


def test_page_and_jsonld_pick_the_same_text_for_a_missing_language(tmp_path: Path) -> None:
    cat = _catalogue(tmp_path / "catalogue")
    urls = _urls(cat)
    cred = cat.credentials["databases"]
    for lang in ("en", "fr"):  # French: no text has it; the organisation has neither en nor fr
        pages = Pages(cat, urls, lang)
        page = pages.context(
            next(s for s in pages.pages() if s.kind == "credential" and s.entity == "databases")
        )
        assert page["kind"] == "credential"
        facts = {f["id"]: f for f in page["facts"]}
        awarding = facts["awarding_body"]["items"][0]["text"]
        data = schemaorg(cat, cred, urls, lang)
        assert awarding == "Escola Exemplo"
        names = {n["name"] for n in _nodes(data, "@type", "Organization")}
        assert "Escola Exemplo" in names and "Zavod Primer" not in names
        assert page["title"] == data["@graph"][0]["name"] == "Relational databases"
        index = catalogue_index(cat, urls, lang)
        awarding_ids = index["credentials"][0]["a"]
        org_names = {pair[0]: pair[1] for pair in index["facets"]["org"]}
        assert [org_names[o] for o in awarding_ids] == ["Escola Exemplo"]
    badge = ob3_achievement(cat, cred, urls)
    assert {n["name"] for n in _nodes(badge, "type", "Profile")} == {"Escola Exemplo"}


def _nodes(value: Any, key: str, kind: str) -> list[dict[str, Any]]:
    """Every JSON object in ``value`` whose ``key`` is (or lists) ``kind``."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        types = value.get(key)
        if types == kind or (isinstance(types, list) and kind in types):
            found.append(value)
        for item in value.values():
            found += _nodes(item, key, kind)
    elif isinstance(value, list):
        for item in value:
            found += _nodes(item, key, kind)
    return found


# --- the localiser ------------------------------------------------------------------------------


def test_localiser_formats_dates_numbers_prices_lists_and_plurals() -> None:
    en, de = Localiser("en", "en"), Localiser("de", "en")
    day = date(2027, 4, 10)
    assert en.date(day) == "10 April 2027"
    assert de.date(day) == "10. April 2027"
    assert [en.number(v) for v in (4.0, 2.5, 120, Decimal("1500.50"))] == [
        "4",
        "2.5",
        "120",
        "1500.5",
    ]
    assert de.number(2.5) == "2,5"
    assert en.price(Price(amount=720, currency="EUR")) == "€720"
    # amounts in digit groups, cents as two digits, the currency held on by a no-break space
    assert de.price(Price(amount=Decimal("1200.5"), currency="EUR")) == "1.200,50\u00a0€"
    assert en.price(Price(amount=2390, currency="EUR")) == "€2,390"
    assert en.price(Price(amount=90, currency="CHF")) == "CHF\u00a090"
    es, pt = Localiser("es", "en"), Localiser("pt", "en")
    assert es.price(Price(amount=Decimal("1234.5"), currency="EUR")) == "1.234,50\u00a0€"
    assert pt.price(Price(amount=720, currency="EUR")) == "720\u00a0€"
    # a language credcat has no words in: CLDR's order and spacing (Sweden's for sv)
    sv = Localiser("sv", "en")
    assert sv.price(Price(amount=Decimal("1234.5"), currency="EUR")) == "1\u00a0234,50\u00a0€"
    assert de.price(Price(amount=0, currency="EUR")) == "Kostenlos"
    assert en.join(["a", "b", "c"]) == "a, b and c"
    assert de.join(["a", "b", "c"]) == "a, b und c"
    assert en.join([]) == ""
    assert en.duration("8 weeks") == "8 weeks"
    assert de.duration("1 week") == "1 Woche"
    # a language credcat has no words in: credcat's words are English, dates, durations and
    # names too (no Polish word inside an English phrase); numbers and prices as the page's
    # language writes them, with the currency's code where its symbol is a word
    pl = Localiser("pl", "en")
    assert pl.words == "en" and pl.lang == "pl"
    assert [pl.duration(d) for d in ("1 week", "2 weeks", "8 weeks")] == [
        "1 week",
        "2 weeks",
        "8 weeks",
    ]
    assert sv.duration("3 months") == "3 months"
    assert pl.date(date(2027, 4, 10)) == "10 April 2027"
    assert pl.label("language", "pl") == "Polish" and pl.label("country", "PL") == "Poland"
    assert pl.number(2.5) == "2,5"
    assert pl.price(Price(amount=Decimal("1200.5"), currency="PLN")) == "1\u00a0200,50\u00a0PLN"
    assert pl.price(Price(amount=Decimal("1200.5"), currency="EUR")) == "1\u00a0200,50\u00a0€"
    assert de.words == "de"
    assert plural(["No items", "{n} item", "{n} items"], 0) == "No items"
    assert plural(["{n} item", "{n} items"], 0) == "0 items"
    assert plural(["{n} Stunde", "{n} Stunden"], 1, "de") == "1 Stunde"


ITALIAN_ARTICLES = {"il": "l’", "al": "all’", "dal": "dall’", "del": "dell’"}
ITALIAN_ARTICLES |= {"nel": "nell’", "sul": "sull’"}
"""An article, alone or joined with a preposition, and how Italian writes it before a vowel."""


def test_italian_dates_write_the_first_as_an_ordinal_and_elide_the_article_before_8_and_11() -> (
    None
):
    """ "1º marzo", as Italian style guides write the first of a month; "all’8 marzo",
    "dell’11", "l’8" (not "al 8", "del 11", "il 8"), as 8 and 11 are read with a vowel
    ("otto", "undici"): in every sentence credcat puts a date into, on every day of a
    month; other languages as they were."""
    it = Localiser("it", "en")
    assert it.date(date(2027, 3, 1)) == "1º marzo 2027"
    assert it.date(date(2027, 3, 2)) == "2 marzo 2027"
    assert it.date(date(2027, 3, 21)) == "21 marzo 2027"

    def said(key: str, day: date, loc: Localiser = it) -> str:
        return loc.ui_text(key, date=loc.date(day))

    assert said("summary_as_of", date(2027, 3, 8)) == "Aggiornata all’8 marzo 2027"
    assert said("summary_as_of", date(2027, 3, 9)) == "Aggiornata al 9 marzo 2027"
    assert said("summary_as_of", date(2027, 3, 1)) == "Aggiornata al 1º marzo 2027"
    assert said("offer_enrol", date(2027, 3, 11)) == "Iscriviti all’edizione dell’11 marzo 2027"
    assert said("offer_enrol", date(2027, 3, 18)) == "Iscriviti all’edizione del 18 marzo 2027"
    assert said("qa_covered", date(2027, 3, 8)).startswith("Valida fino all’8 marzo 2027, ")
    # the sentence around a date that the reader's today replaces, as written for the build's
    assert it.around_date("summary_as_of", date(2027, 3, 11)) == ("Aggiornata all’", "")
    assert it.around_date("summary_as_of", date(2027, 3, 12)) == ("Aggiornata al ", "")
    keys = [key for key, text in it.ui.items() if isinstance(text, str) and "{date}" in text]
    assert len(keys) >= 10
    for key in keys:
        for n in range(1, 32):
            text = said(key, date(2027, 1, n))
            day = "1º" if n == 1 else str(n)
            assert f" {day} gennaio 2027" in f" {text}" or f"’{day} gennaio 2027" in text, key
            for whole, elided in ITALIAN_ARTICLES.items():
                if n in (8, 11):
                    assert not re.search(rf"\b{whole} {n} ", text, re.IGNORECASE), (key, text)
                else:
                    assert f"{elided}{day} " not in text.lower(), (key, text)
    # Italian only: French, German and English write the article as they did
    fr, de, en = Localiser("fr", "en"), Localiser("de", "en"), Localiser("en", "en")
    assert said("summary_as_of", date(2027, 3, 8), fr) == "Au 8 mars 2027"
    assert said("summary_as_of", date(2027, 3, 1), fr) == "Au 1er mars 2027"
    assert said("summary_as_of", date(2027, 3, 11), de) == "Stand: 11. März 2027"
    assert said("summary_as_of", date(2027, 3, 8), en) == "As of 8 March 2027"


# --- anchors ------------------------------------------------------------------------------------


def test_page_anchors_are_the_fragments_of_the_jsonld_iris(tmp_path: Path) -> None:
    cat = _catalogue(tmp_path / "catalogue")
    urls = _urls(cat)
    cred = cat.credentials["databases"]
    pages = Pages(cat, urls)
    spec = next(s for s in pages.pages() if s.kind == "credential" and s.version_page)
    page: Any = pages.context(spec)
    base = urls.iri(spec.path) + "#"
    ids = json.dumps(elm_document(cat, cred, urls))
    anchors = [o["anchor"] for g in page["outcome_groups"] for o in g["items"]]
    anchors += [a["anchor"] for a in page["assessments"]]
    assert anchors == ["outcome-design", "outcome-query", "assessment-project"]
    for anchor in anchors:
        assert f'"{base}{anchor}"' in ids
    # a run is the credential's: its IRI is its place on the credential's page, which shows it
    main = next(s for s in pages.pages() if s.kind == "credential" and not s.version_page)
    runs: Any = pages.context(main)["offerings"]
    offered = json.dumps(opportunities_document(cat, cred, urls))
    assert [o["anchor"] for o in runs] == ["offering-spring"]
    assert f'"{urls.iri(main.path)}#offering-spring"' in offered
    assert [p["href"] for p in page["assessments"][0]["proves"]] == [
        "#outcome-design",
        "#outcome-query",
    ]


# --- the typed template contract ----------------------------------------------------------------

CONTEXT_TYPES = {
    "credential": ctx_types.CredentialContext,
    "summary": ctx_types.SummaryContext,
    "organisation": ctx_types.OrganisationContext,
    "organisations": ctx_types.OrganisationsContext,
    "catalogue": ctx_types.CatalogueContext,
    "pathways": ctx_types.PathwaysContext,
    "check": ctx_types.CheckContext,
    "compare": ctx_types.CompareContext,
}


def test_every_context_holds_exactly_the_keys_of_its_type() -> None:
    cat = load_catalogue(REPO / "catalogue")
    pages = Pages(cat, _urls(cat))
    seen = set()
    for spec in pages.pages():
        context = pages.context(spec)
        keys = set(get_type_hints(CONTEXT_TYPES[spec.kind]))
        assert set(context) == keys, spec.path
        seen.add(spec.kind)
    assert seen == set(CONTEXT_TYPES)


def test_a_typo_in_a_credcat_template_fails_the_build(tmp_path: Path) -> None:
    # a site overrides one credcat template from its custom_dir; a typo there fails loudly
    text = (THEME / "credcat" / "body" / "organisations.html").read_text("utf-8")
    assert "{{ c.intro }}" in text
    typo = text.replace("{{ c.intro }}", "{{ c.intro_typo }}")
    config = make_project(tmp_path / "project", templates={"credcat/body/organisations.html": typo})
    with pytest.raises(jinja2.UndefinedError, match="intro_typo"):
        build_site(config, tmp_path / "site")
    assert not (tmp_path / "site" / "organisations" / "index.html").exists()


# --- the shape of the render package ------------------------------------------------------------


def _module(path: Path) -> str:
    parts = path.relative_to(RENDER.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> tuple[set[str], list[str]]:
    """Modules of ``credcat`` imported by a file, and the hidden imports it uses."""
    tree = ast.parse(path.read_text("utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rsplit(".", 1)[0]
    found: set[str] = set()
    hidden = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
        if isinstance(inner, ast.Import | ast.ImportFrom)
    ]
    hidden += [
        f"{path.name}: TYPE_CHECKING"
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "TYPE_CHECKING"
    ]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
    return found, hidden


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    root = RENDER.parent
    return (root / relative).with_suffix(".py").is_file() or (root / relative).is_dir()


def test_render_has_no_import_cycle_and_hides_no_import() -> None:
    files = sorted(RENDER.rglob("*.py"))
    graph: dict[str, set[str]] = {}
    for path in files:
        found, hidden = _imports(path)
        assert hidden == [], f"function-local or TYPE_CHECKING import in {path}"
        graph[_module(path)] = {m for m in found if m.startswith("credcat.render")}
    assert "credcat.render.site.pages" in graph and "credcat.render.data.nodes" in graph
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for other in sorted(graph.get(node, ())):
            if other == node or other not in graph:
                continue
            assert state.get(other) != 1, " → ".join([*trail, other])
            if not state.get(other):
                visit(other, [*trail, other])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])
    # the data side never reaches into the site side, and loq builds on nodes, not on elm's nodes
    for module, targets in graph.items():
        if module.startswith("credcat.render.data"):
            assert not any(t.startswith("credcat.render.site") for t in targets), module
    assert graph["credcat.render.data.loq"] & {"credcat.render.data.nodes"}


def test_every_module_says_what_it_owns() -> None:
    for path in sorted(RENDER.parent.rglob("*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text("utf-8")))
        assert doc and len(doc) > 40, path


# --- the phrase tables translators edit ---------------------------------------------------------


def test_every_phrase_has_every_language_with_the_same_placeholders() -> None:
    tables = yaml.safe_load(
        resources.files("credcat").joinpath("data/phrases.yaml").read_text("utf-8")
    )
    assert set(tables) == {"phrases", "link_labels"}
    for key, texts in tables["phrases"].items():
        assert tuple(texts) == PHRASE_LANGUAGES, key
        english = set(re.findall(r"\{(\w+)\}", texts["en"]))
        for lang, text in texts.items():
            assert set(re.findall(r"\{(\w+)\}", text)) == english, (key, lang)
    for kind, labels in tables["link_labels"].items():
        assert tuple(labels) == PHRASE_LANGUAGES and all(labels.values()), kind
    assert say("grading", ["de", "xx"]) == {"en": "Grading", "de": "Bewertung"}
    assert phrase("offering.places", "xx", places=12) == "Number of places: 12."
    assert link_label("ob3", "xx") == tables["link_labels"]["ob3"]["en"]
    assert link_label("ob3", "fr") == "Réalisation Open Badges 3.0, JSON"


# --- every described thing's IRI resolves to an element of its page (issue 10, item 7) -------

PAGE_TYPES = frozenset(
    {
        "Qualification",
        "LearningAchievementSpecification",
        "LearningOutcome",
        "LearningAssessmentSpecification",
        "LearningOpportunity",
        "Organisation",
    }
)
"""Node types a page shows as a thing of its own (``#spec``, ``#outcome-…``,
``#assessment-…``, ``#offering-…``, ``#org``); the other nodes (notes, credit points,
locations, identifiers, concepts) are parts of these and resolve to their owner's page."""


def test_every_fragment_iri_of_a_described_thing_is_an_element_id_on_its_page() -> None:
    """The built site (pinned in tests/golden): each IRI ``<page>#<fragment>`` that a data file
    gives a specification, outcome, assessment, offering or organisation is the ``id`` of an
    element on ``<page>``, so that following it in a browser lands on that thing."""
    golden = REPO / "tests" / "golden" / "sample"
    base = load_catalogue(REPO / "catalogue").settings.base_uri
    ids_of: dict[str, set[str]] = {}
    checked: Counter[str] = Counter()
    for data_file in sorted(golden.rglob("*.json*")):
        document = json.loads(data_file.read_text("utf-8"))
        for node in _nodes_with_id(document):
            types = node.get("type")
            types = set(types if isinstance(types, list) else [types])
            iri = node["id"]
            if not types & PAGE_TYPES or not iri.startswith(base) or "#" not in iri:
                continue
            page, fragment = iri.removeprefix(base).split("#", 1)
            html = golden / page / "index.html"
            if not html.is_file():
                continue  # golden files pin representative pages only
            if page not in ids_of:
                ids_of[page] = set(re.findall(r'\sid="([^"]+)"', html.read_text("utf-8")))
            assert fragment in ids_of[page], f"{iri} (in {data_file.relative_to(golden)})"
            checked[next(iter(sorted(types & PAGE_TYPES)))] += 1
    assert set(checked) == PAGE_TYPES - {"LearningAchievementSpecification"}, checked


def _nodes_with_id(value: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            found.append(value)
        for item in value.values():
            found += _nodes_with_id(item)
    elif isinstance(value, list):
        for item in value:
            found += _nodes_with_id(item)
    return found


def test_machine_files_number_outcomes_as_the_page_does() -> None:
    """An Open Badge's criteria and an ELM assessment's description say which outcomes an
    assessment proves by number: the numbers are the page's (knowledge, skills, then
    responsibility and autonomy), so an employer reading "proves 1 and 3" in a credential finds
    outcomes 1 and 3 on the page. The sample has credentials whose files list a skill before
    the knowledge, so the file's order would give other numbers."""
    cat = load_catalogue(REPO / "catalogue")
    urls = _urls(cat)
    pages = Pages(cat, urls)
    reordered = 0
    for cid, cred in cat.credentials.items():
        spec = next(
            s
            for s in pages.pages()
            if s.kind == "credential" and s.entity == cid and not s.version_page
        )
        page: Any = pages.context(spec)
        on_page = {o["number"]: str(o["text"]) for g in page["outcome_groups"] for o in g["items"]}
        reordered += [o.text["en"] for o in cred.outcomes] != [on_page[n] for n in sorted(on_page)]
        narrative = ob3_achievement(cat, cred, urls)["criteria"]["narrative"]
        listed = dict(re.findall(r"^(\d+)\. (.+)$", narrative, re.M))
        assert {int(n): text for n, text in listed.items()} == on_page, cid
        for numbers in re.findall(r"proves outcomes ([\d, ]+)", narrative):  # as the page: 2, 3
            said = [int(n) for n in numbers.split(", ")]
            assert said == sorted(said), (cid, numbers)
        texts = {o.text["en"]: set(o.text.values()) for o in cred.outcomes}
        proves = "Proves these learning outcomes: "  # then "(2) Translate a loosely …; (4) …"
        found = []
        for text in _strings_in(elm_document(cat, cred, urls)):
            if proves in text:
                pairs = re.findall(r"\((\d+)\) ([^;]+)", text.split(proves, 1)[1])
                numbers = [int(n) for n, _ in pairs]
                assert numbers == sorted(numbers), (cid, numbers)
                found += pairs
        assert found, cid
        for n, text in found:
            said = text.rstrip(". ")
            assert any(t.startswith(said) for t in texts[on_page[int(n)]]), (cid, n, said)
    assert reordered  # the test would pass with the file's order otherwise


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings_in(item)]
    return [value] if isinstance(value, str) else []


def test_the_footers_licence_line_is_escaped_and_says_its_language(tmp_path: Path) -> None:
    """The footer's line of a licence credcat does not know names it by its address, escaped
    in the link and in its text; credcat's words are in the page language, and marked English
    in a language its interface does not speak (Polish); no licence, no line."""
    address = "https://licences.example.org/open?v=2&lang=en"
    settings = {**SETTINGS, "languages": ["en", "de", "pl"], "data_licence": address}
    root = write_catalogue(tmp_path / "c", settings=settings)
    cat = load_catalogue(root)
    escaped = "https://licences.example.org/open?v=2&amp;lang=en"
    link = f'<a href="{escaped}">{escaped}</a>'
    assert licence_line(cat, "en") == f"Data licence: {link}"
    assert licence_line(cat, "de") == f"Datenlizenz: {link}"
    assert licence_line(cat, "pl") == f'<span lang="en">Data licence: {link}</span>'
    unset = write_catalogue(tmp_path / "d", settings=SETTINGS)
    assert licence_line(load_catalogue(unset), "en") is None
