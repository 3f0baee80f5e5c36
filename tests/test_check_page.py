"""The "Check a credential" page on the Python side: its page, context, words and data.

The page's logic runs in the browser (``theme/assets/credcat/check.js``) and is tested there
(``tests/browser/test_check.py``); here: the page is generated, the script gets everything it
needs from the page (``base_uri``, links, limits, every UI string in every language), the script
holds no words of its own and no dangerous DOM call, and ``catalogue.json`` lists each
credential's versions and successor.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from catalogue_factory import write_catalogue
from credcat import vocab
from credcat.cli import main
from credcat.model import ordered_outcomes
from credcat.render.data.edc import edc_template
from credcat.render.data.elm import specification
from credcat.render.site.check import (
    EDC_VIEWER,
    MAX_INPUT_BYTES,
    MAX_INPUT_DEPTH,
    OB3_VERIFIER,
    outcome_kinds,
)
from credcat.render.site.index import catalogue_index
from credcat.render.site.localise import ui_strings
from credcat.render.site.messages import catalogue_languages
from credcat.render.site.pages import Pages
from credcat.urls import Urls, outcome_anchor
from credcat.validate import load_catalogue

REPO = Path(__file__).resolve().parent.parent
CHECK_JS = REPO / "plugins" / "credcat" / "theme" / "assets" / "credcat" / "check.js"


def _sample() -> tuple[Pages, Urls]:
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    return Pages(cat, urls), urls


def test_the_check_page_is_generated_with_what_its_script_needs() -> None:
    pages, urls = _sample()
    specs = [s for s in pages.pages() if s.kind == "check"]
    assert [(s.path, s.src_uri, s.title) for s in specs] == [
        ("check/", "check/index.md", "Check a credential")
    ]
    context = pages.context(specs[0])
    assert context["kind"] == "check"
    assert context["viewer"] == EDC_VIEWER
    config = context["config"]  # type: ignore[typeddict-item]
    assert config["base_uri"] == urls.base_uri == "https://credentials.digital-skills-alliance.eu/"
    assert (config["root"], config["catalogue_json"]) == ("../", "../catalogue.json")
    assert (config["max_bytes"], config["max_depth"]) == (MAX_INPUT_BYTES, MAX_INPUT_DEPTH)
    # where a credential of another catalogue can be checked
    assert (config["viewer"], config["verifier"]) == (EDC_VIEWER, OB3_VERIFIER)
    assert config["strings"] == dict(ui_strings("en")["check"])
    assert config["status"]["retired"] == "Retired"
    assert "former_names" not in config  # no organisation of the sample was renamed


def test_the_page_orders_outcomes_as_every_page_numbers_them() -> None:
    """``elm.jsonld`` lists the outcomes in the file's order; the script orders them as
    :func:`ordered_outcomes` does, by the skill-type concept each has (knowledge, then skill;
    responsibility and autonomy, which has none, after them). The configuration names those
    concepts in that order, and that order, applied to a version's published outcomes, is the
    pages' order."""
    pages, urls = _sample()
    spec = next(s for s in pages.pages() if s.kind == "check")
    kinds = pages.context(spec)["config"]["outcome_kinds"]  # type: ignore[typeddict-item]
    assert (
        kinds
        == outcome_kinds()
        == [
            vocab.concept("skill-type", "knowledge").iri,
            vocab.concept("skill-type", "skill").iri,
        ]
    )
    cat = load_catalogue(REPO / "catalogue")
    for cred in cat.credentials.values():
        outcomes = specification(cat, cred, urls)["learningOutcome"]

        def rank(node: dict[str, Any]) -> int:
            kind = node.get("dcType", {}).get("id")
            return kinds.index(kind) if kind in kinds else len(kinds)

        ranked = sorted(enumerate(outcomes), key=lambda pair: (rank(pair[1]), pair[0]))
        paged = [
            urls.node_iri(cred.id, cred.version, outcome_anchor(o.id))
            for o in ordered_outcomes(cred)
        ]
        assert [node["id"] for _, node in ranked] == paged, cred.id


def test_without_javascript_the_page_says_what_can_be_done_in_every_language() -> None:
    """The page without JavaScript says what to do by hand (the version's permanent address,
    whose beginning it shows; the catalogue, linked), in every language of credcat's
    interface."""
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    english = ui_strings("en")["check"]
    for lang in ("en", *catalogue_languages()):
        words = ui_strings(lang)["check"]
        if lang != "en":
            assert words["nojs_help"] != english["nojs_help"], lang
            assert words["nojs_catalogue"] != english["nojs_catalogue"], lang
        pages = Pages(cat, urls, lang)
        spec = next(s for s in pages.pages() if s.kind == "check")
        context = pages.context(spec)
        parts = context["nojs_help"]  # type: ignore[typeddict-item]
        text = "".join(part["text"] for part in parts)
        assert urls.base_uri + " " in text or urls.base_uri + "." in text, lang  # a page
        links = [part for part in parts if part["href"]]
        assert [(p["text"], p["href"]) for p in links] == [
            (words["nojs_catalogue"], context["links"]["catalogue"])
        ], lang


def test_every_page_links_to_the_check_page() -> None:
    pages, _ = _sample()
    for spec in pages.pages():
        links = pages.context(spec)["links"]
        depth = spec.path.count("/")
        assert links["check"] == "../" * depth + "check/", spec.path


def test_a_german_page_gets_german_words() -> None:
    cat = load_catalogue(REPO / "catalogue")
    pages = Pages(cat, Urls.of(cat.settings), "de")
    spec = next(s for s in pages.pages() if s.kind == "check")
    context = pages.context(spec)
    assert context["title"] == "Nachweis prüfen"
    assert context["config"]["strings"]["differs"] == "Abweichend"  # type: ignore[typeddict-item]


def test_every_word_the_script_shows_is_a_ui_string_in_every_language() -> None:
    script = CHECK_JS.read_text(encoding="utf-8")
    keys = set(re.findall(r'say\("([a-z0-9_]*[a-z0-9])"', script))
    # keys the script builds: "format_" + kind, "form_" + form, "field_" + row, the VC model
    keys |= {"format_edc", "format_ob3", "vc1", "vc2", "same", "differs", "unstated"}
    keys |= {f"verdict_{v}" for v in ("match", "partial", "differences", "unstated")}
    keys |= {f"form_{f}" for f in ("unsigned", "uploadable", "jws_compact", "jws_json", "vc_jwt")}
    keys |= {"partial"}
    fields = ("title", "eqf", "credits", "workload", "outcomes", "assessment", "awarding")
    keys |= {f"field_{f}" for f in (*fields, "quality")}
    aspects = ("title", "type", "verification", "grading", "description", "proves")
    aspects += ("quality_type", "body", "valid_until", "report")
    keys |= {f"aspect_{a}" for a in aspects}
    keys |= {"assessment_item", "assessment_differs", "assessment_unstated", "grading_value"}
    keys |= {"grade_value", "verification", "quality_item", "valid_until", "badge_earlier"}
    keys |= {f"since_{s}" for s in ("same", "outcomes", "assessment", "both")}
    keys |= set(re.findall(r'new Refusal\("([a-z_]+)"', script))
    en = ui_strings("en")["check"]
    assert len(keys) > 40
    assert keys <= set(en), sorted(keys - set(en))
    placeholders = re.compile(r"\{(\w+)\}")
    for lang in catalogue_languages():
        words = ui_strings(lang)["check"]
        for key, text in en.items():
            assert key in words, (lang, key)
            found = set(placeholders.findall(words[key]))
            assert found == set(placeholders.findall(text)), (lang, key)
    # no English sentence in the script: its string literals are keys, ids, IRIs and syntax
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    literals = re.findall(r'"([^"\\\n]*)"', code)
    assert not [text for text in literals if re.search(r"[A-Za-z]+ [a-z]+ [a-z]+", text)]


def test_the_script_builds_the_page_with_text_only() -> None:
    script = CHECK_JS.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    for dangerous in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setTimeout("',
        "import(",
    ):
        assert dangerous not in code, dangerous
    assert "textContent" in code
    # the only requests: same-origin, relative URLs, through one function
    assert code.count("fetch(") == 1
    assert code.count("fetch(sameOrigin(") == 1


def test_catalogue_json_lists_versions_and_successor() -> None:
    # what check.js reads (format 2, short keys): current version, every version, successor
    cat = load_catalogue(REPO / "catalogue")
    index = catalogue_index(cat, Urls.of(cat.settings))
    entries = {e["i"]: e for e in index["credentials"]}
    assert entries["data-analysis-python"]["vs"] == ["1.0", "1.1", "1.2"]
    assert entries["data-analysis-python"]["v"] == "1.2"
    for cid, cred in cat.credentials.items():
        entry = entries[cid]
        assert entry["v"] == cred.version
        assert entry.get("vs", [cred.version])[-1] == cred.version
        assert entry["st"] == cred.status
        expected = cred.superseded_by if cred.status == "superseded" else None
        assert entry.get("sb") == expected
    assert any("sb" in e for e in entries.values())


def test_no_ui_key_of_the_page_is_a_dict_method() -> None:
    # templates read ``s.clear`` as an attribute: Jinja would print dict.clear, not the string
    assert not set(ui_strings("en")["check"]) & set(dir(dict))


def test_the_page_names_how_an_assessment_is_made_in_its_words() -> None:
    """How each version is assessed is compared in the browser from its files, which label
    the assessment types and the supervision concepts in their own languages (English only,
    for the EU's supervision list): the page names every type and every supervision case by
    the IRI the files use, in its words, on every language's page."""
    cat = load_catalogue(REPO / "catalogue")
    urls = Urls.of(cat.settings)
    pages = Pages(cat, urls, "de")
    spec = next(s for s in pages.pages() if s.kind == "check")
    words = pages.context(spec)["config"]["assessment"]  # type: ignore[typeddict-item]
    types = words["types"]
    assert len(types) == len(vocab.codes("assessment-type"))
    assert types[vocab.concept("assessment-type", "practical-assessment").iri] == (
        "Praktische Beurteilung"
    )
    verifications = words["verifications"]
    assert len(verifications) == 6  # three kinds of supervision, with or without identity check
    eu = vocab.concept("supervision", "unsupervised-no-id-check").iri
    assert verifications[eu] == "ohne Aufsicht, Identität nicht geprüft"
    # the catalogue's own concepts, on the Data page of the default language (not /de/data/)
    own = urls.base_uri + "data/#supervision-supervised-on-site-id-check"
    assert verifications[own] == "vor Ort beaufsichtigt, Identität geprüft"
    # every concept a version's template gives an issued assessment is named
    for cred in cat.credentials.values():
        if cred.status == "draft":
            continue
        claim = edc_template(cat, cred, urls)["credential"]["credentialSubject"]["hasClaim"]
        for assessment in claim["provenBy"]:
            if "idVerification" in assessment:
                assert assessment["idVerification"]["id"] in verifications, cred.id
            assert assessment["specifiedBy"]["dcType"]["id"] in types, cred.id


def test_the_page_names_the_names_organisations_had_by_their_iri(tmp_path: Path) -> None:
    """Renamed after a release, an organisation's earlier name (the release recorded it)
    is in the script's configuration, by the organisation's IRI and language: a credential
    issued before names its issuer so."""
    root = write_catalogue(tmp_path / "catalogue")
    assert main(["release", "databases", str(root), "--date", "2026-09-01"]) == 0
    org = root / "organisations" / "alpha-uni.yaml"
    org.write_text(org.read_text("utf-8").replace("Alpha-Universität", "Hochschule Alpha"))
    cat = load_catalogue(root)
    urls = Urls.of(cat.settings)
    pages = Pages(cat, urls)
    [spec] = [s for s in pages.pages() if s.kind == "check"]
    config = pages.context(spec)["config"]  # type: ignore[typeddict-item]
    assert config["former_names"] == {
        "https://credentials.test.example/organisations/alpha-uni/#org": {
            "de": ["Alpha-Universität"]
        }
    }
