"""The interface strings' gettext catalogues: up to date, complete where declared, plurals.

``plugins/credcat/locales/credcat.pot`` is made from the English source (``data/ui.yaml``'s
``en`` block and the vocabularies' English labels) by ``scripts/ui_pot.py``; each ``<lang>.po``
must be updated from it, and a language whose catalogue is not declared partial must translate
every interface string a page shows.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import yaml
from babel.messages.catalog import Catalog

from credcat import vocab
from credcat.changes import Change, Code, describe
from credcat.render.language import link_label, phrase
from credcat.render.site.locales import update_catalog
from credcat.render.site.localise import Localiser, plural, ui_strings
from credcat.render.site.messages import (
    SOURCE_LANGUAGE,
    Plural,
    catalogue_languages,
    english_messages,
    is_partial,
    plural_data,
    read_catalogue,
    translations,
)

REPO = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ui_pot", REPO / "scripts" / "ui_pot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ui_pot", module)
    spec.loader.exec_module(module)
    return module


def test_template_and_catalogues_are_up_to_date() -> None:
    """Fails when ui.yaml changed without `python scripts/ui_pot.py` (or kept a de:/fr: block)."""
    assert _script().run(check=True) == []
    source = yaml.safe_load((REPO / "plugins/credcat/data/ui.yaml").read_text("utf-8"))
    assert list(source) == [SOURCE_LANGUAGE]


def test_every_complete_language_translates_every_interface_string() -> None:
    """A .po not declared partial translates every string a page shows (labels: see below)."""
    languages = catalogue_languages()
    assert {"de", "fr"} <= set(languages)
    needed = [m for m in english_messages() if not m.context.startswith("labels.")]
    assert len(needed) > 300
    for lang in languages:
        if is_partial(lang):
            continue
        own = translations(lang)
        missing = [m.context for m in needed if m.context not in own]
        assert not missing, (lang, missing)
        catalogue = read_catalogue(lang)
        assert catalogue is not None
        for message in catalogue:
            if message.id and message.context in own and "{" in str(message.id):
                wanted = set(_placeholders(str(message.id)))
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for string in strings:
                    found = set(_placeholders(str(string)))
                    assert found <= wanted | {"n"}, (lang, message.context)


def _placeholders(text: str) -> list[str]:
    return re.findall(r"\{([a-z_]+)\}", text)


def test_counted_strings_follow_the_catalogues_plural_forms() -> None:
    de, fr, en = ui_strings("de"), ui_strings("fr"), ui_strings("en")
    assert isinstance(fr["catalogue_count"], Plural)
    assert [plural(en["unit"]["week"], n, "en") for n in (1, 2)] == ["1 week", "2 weeks"]
    assert [plural(de["unit"]["week"], n, "de") for n in (1, 2)] == ["1 Woche", "2 Wochen"]
    # French: 0 and 1 take the singular (CLDR, gettext's n > 1), a million has its own form
    assert Localiser("fr", "en").duration("1 week") == "1 semaine"
    assert plural(fr["unit"]["hour"], 1, "fr") == "1 heure"
    assert plural(fr["catalogue_count"], 0, "fr") == "Aucun microcertificat ne correspond."
    assert plural(fr["catalogue_count"], 3, "fr") == "3 microcertificats correspondent."
    # the old [zero, one, other] shape still reads for templates and scripts
    assert list(en["catalogue_count"]) == [
        "No credential matches.",
        "1 credential matches.",
        "{n} credentials match.",
    ]


def test_a_script_counts_in_portuguese_as_portugal_does() -> None:
    """The catalogue's script chooses a counted string's form with ``Intl.PluralRules``, by the
    categories the build gives it. CLDR's ``pt`` is Brazilian (0 and 1.5 take the singular);
    credcat's Portuguese, as its ``Plural-Forms`` say, is European (1 alone): the script is
    given pt-PT's categories and told to use pt-PT's rules, so that one result reads
    "1 microcredencial corresponde." (it read "1 microcredenciais correspondem.")."""
    count = ui_strings("pt")["catalogue_count"]
    assert isinstance(count, Plural)
    assert count.locale == "pt-PT"
    assert count.by_category() == {
        "one": "1 microcredencial corresponde.",
        "other": "{n} microcredenciais correspondem.",
    }
    data = str(plural_data(count))
    assert 'data-credcat-text-one="1 microcredencial corresponde."' in data
    assert 'data-credcat-plural="pt-PT"' in data
    # the build's own choice agrees: 1 is singular, 0 (its own words aside) and 2 are not
    assert plural(count, 1, "pt") == "1 microcredencial corresponde."
    assert plural(count, 2, "pt") == "2 microcredenciais correspondem."
    hours = ui_strings("pt")["catalogue_chip_min_hours"]
    assert isinstance(hours, Plural)
    assert hours.by_category()["one"] == "A partir de {n} hora"
    # other languages keep their own code, whose rules are their catalogues'
    assert ui_strings("fr")["catalogue_count"].locale == "fr"
    assert ui_strings("en")["catalogue_count"].by_category()["one"] == "1 credential matches."


def test_leftover_language_blocks_are_imported_and_stripped() -> None:
    """How a key another branch added with en/de/fr texts in ui.yaml gets into the .po."""
    script = _script()
    text = "# head\nen:\n  a: A\nde:\n  a: B\n  n: [x, y]\nfr:\n  a: C\n"
    assert script.strip_blocks(text) == "# head\nen:\n  a: A\n"
    catalog = Catalog(locale="de", domain="credcat", fuzzy=False)
    source = script.SourceMessage("greeting", "Hello")
    counted = script.SourceMessage("unit.day", "{n} day", "{n} days")
    catalog.add("Hello", "", context="greeting")
    by_key = {"greeting": source, "unit.day": counted}
    block = {"greeting": "Hallo", "unit": {"day": ["{n} Tag", "{n} Tage"]}, "gone": "x"}
    assert script.import_block(catalog, block, by_key) == 2
    assert catalog.get("Hello", context="greeting").string == "Hallo"
    day = catalog.get(("{n} day", "{n} days"), context="unit.day")
    assert day.string == ("{n} Tag", "{n} Tage")


def test_an_imported_counted_text_keeps_every_plural_form_of_its_language() -> None:
    """French has three plural forms (one, many, other): a block's three forms all reach the
    catalogue, and a fourth before them is the text for none where English has one."""
    script = _script()
    catalog = Catalog(locale="fr", domain="credcat", fuzzy=False)
    assert catalog.num_plurals == 3
    counted = script.SourceMessage("count", "{n} credential", "{n} credentials")
    none = script.SourceMessage(f"count.{script.ZERO}", "No credential")
    days = script.SourceMessage("unit.day", "{n} day", "{n} days")
    by_key = {"count": counted, f"count.{script.ZERO}": none, "unit.day": days}
    forms = ("{n} microcertificat", "{n} de microcertificats", "{n} microcertificats")
    block = {
        "count": ["Aucun", *forms],
        "unit": {"day": ["{n} jour", "{n} de jours", "{n} jours"]},
    }
    assert script.import_block(catalog, block, by_key) == 3
    assert catalog.get("No credential", context=f"count.{script.ZERO}").string == "Aucun"
    count = catalog.get(("{n} credential", "{n} credentials"), context="count")
    assert count.string == forms
    day = catalog.get(("{n} day", "{n} days"), context="unit.day")
    assert day.string == ("{n} jour", "{n} de jours", "{n} jours")


def test_a_changed_english_text_keeps_each_languages_own_translation() -> None:
    """Every catalogue updated from one template keeps its own old translation of a key whose
    English changed, marked fuzzy (the template is not changed by the first update)."""
    pot = Catalog(domain="credcat", fuzzy=False)
    pot.add("Choose a file (JSON or images)", context="check.file")
    pot.add("Check", context="check.submit")
    old = {"de": "Datei auswählen (JSON)", "fr": "Choisir un fichier (JSON)"}
    for lang, text in old.items():
        catalog = Catalog(locale=lang, domain="credcat", fuzzy=False)
        catalog.add("Choose a file (JSON)", text, context="check.file")
        update_catalog(catalog, pot)
        changed = catalog.get("Choose a file (JSON or images)", context="check.file")
        assert (changed.string, changed.fuzzy) == (text, True), lang
        assert not catalog.get("Check", context="check.submit").string
    assert all(not m.string and not m.fuzzy for m in pot if m.id)


def test_labels_official_first_then_credcats_own() -> None:
    """English wording overrides on English pages; official translations elsewhere."""
    en, de, fr = (Localiser(lang, "en") for lang in ("en", "de", "fr"))
    assert en.label("mode", "on-site") == "On site"  # credcat's English for "Presential"
    assert de.label("mode", "on-site") == "Präsenz"  # EU Vocabularies
    assert fr.label("mode", "on-site") == "Présentiel"
    assert de.label("isced-f", "0542") == "Statistik"
    assert fr.label("learning-setting", "non-formal") == "Apprentissage non formel"
    # no official translation: credcat's, from the gettext catalogue
    assert de.label("target-group", "migrants") == "Zugewanderte"
    assert (
        fr.label("isced-f", "0322")
        == "Bibliothéconomie, sciences de l’information et archivistique"
    )
    assert Localiser("sl", "en").label("mode", "on-site") == "On site"  # no Slovenian: English


# The stem of the word each language uses for releasing a version (`credcat release` freezes it
# for good and fixes its fingerprint), and of its word for publishing a credential.
RELEASED = {
    "de": "freigeg",
    "fr": "finalis",
    "it": "definitiv",
    "es": "finaliz",
    "pt": "finaliz",
    "nl": "vrijgeg",
}
PUBLISHED = {
    "de": "veröffentl",
    "fr": "publi",
    "it": "pubblic",
    "es": "public",
    "pt": "public",
    "nl": "publi",
}


def test_released_and_published_are_different_words_in_every_language() -> None:
    """'Version 1.2, published …' (the credential's date) and 'an earlier version, released …'
    (the day the version was frozen) say two things, as every string about releasing does."""
    assert set(RELEASED) == set(catalogue_languages())
    for lang, released in RELEASED.items():
        loc = Localiser(lang, "en")
        on = loc.date(date(2025, 9, 1))
        published = PUBLISHED[lang]
        assert published in loc.ui_text("version_published", date=on), lang
        said = loc.ui_text("version_released", date=on)
        assert released in said and published not in said, (lang, said)
        for key in ("versions_released", "versions_unreleased", "version_fingerprint_unreleased"):
            text = str(loc.ui[key]).lower()
            assert released in text and published not in text, (lang, key, text)
        assert published not in str(loc.ui["errata_intro"]).lower(), lang


def test_the_show_results_button_says_when_there_is_nothing_to_show() -> None:
    """With no match, the button that closes the filters reads as a fact ("No results to
    show"), not as an order to show nothing ("Geen resultaten tonen", "Kein Ergebnis
    anzeigen", "N’afficher aucun résultat")."""
    expected = {
        "nl": "Geen resultaten om te tonen",
        "de": "Keine Ergebnisse",
        "fr": "Aucun résultat à afficher",
        "it": "Nessun risultato da mostrare",
        "es": "Ningún resultado que mostrar",
        "pt": "Sem resultados para mostrar",
    }
    assert set(expected) == set(catalogue_languages())
    for lang, zero in expected.items():
        loc = Localiser(lang, "en")
        shown = loc.ui["catalogue_show_n"]
        assert shown[0] == loc.plural(shown, 0) == zero, lang  # what catalogue.js shows
    assert Localiser("nl", "en").plural(ui_strings("nl")["catalogue_show_n"], 3) == (
        "3 resultaten tonen"
    )


def test_dutch_study_schedules_read_as_a_dutch_university_writes_them() -> None:
    """Voltijd and deeltijd, as universities in the Netherlands label them ("voltijds",
    "deeltijds" are the Flemish forms), and no calque of the English "light"."""
    nl = Localiser("nl", "en")
    assert [
        nl.label("learning-schedule", code)
        for code in ("full-time", "part-time-light", "part-time-intensive")
    ] == ["Voltijd", "Deeltijd (beperkt)", "Deeltijd (intensief)"]


def _plain_apostrophes(text: str) -> str:
    return text.replace("’", "'")


def test_each_language_says_each_concept_in_one_term_on_pages_in_data_and_in_changes() -> None:
    """The words of the pages (the .po), of the sentences credcat writes into the machine files
    and download links (phrases.yaml) and of "what changed" (changes.yaml) name a concept the
    same way: the EQF by its official acronym in the language (EQR, CEC, QEQ, MEC, EKK), the
    workload, assessment, grading, learning outcomes, a micro-credential and the European
    Digital Credential by the page's term (it was "Studiebelasting", "Carga de trabalho",
    "livello EQF", "Sorveglianza", "European Digital Credential" … beside them)."""
    eqf = Change("eqf", "eqf", {"old": 5, "new": 6})
    for lang in catalogue_languages():
        ui = Localiser(lang, "en").ui

        def said(key: str, lang: str = lang, **values: object) -> str:
            return _plain_apostrophes(phrase(key, lang, **values))

        acronym = str(ui["card_level"]).replace("{level}", "").strip()
        assert acronym in str(ui["fact_eqf_value"]) and acronym in str(ui["facet_eqf"]), lang
        for text in (
            said("eqf.level", eqf=6),
            said("badge.caption", title="x", awarding="y", eqf=6),
            eqf.text(lang),
        ):
            assert acronym in text and "EQF" not in text, (lang, text)
        workload = str(ui["fact_workload"])
        assert str(ui["compare"]["workload"]) == str(ui["check"]["field_workload"]) == workload
        assert said("workload", parts="x").startswith(workload), lang
        assert describe(Change("workload_ects", "workload", {"old": 4, "new": 5}), lang).startswith(
            workload
        ), lang
        assert said("heading.outcomes") == _plain_apostrophes(str(ui["check"]["field_outcomes"]))
        assert said("grading") == str(ui["assessment_grading"]), lang
        assert said("badge.kicker") == str(ui["credential_kicker"]), lang
        supervision = str(ui["assessment_supervision"])
        assert said("assessment.supervision", supervision="x", identity="y").startswith(
            supervision
        ), lang
        assessment = said("heading.assessment")
        added = describe(Change("assessment_added", "assessments", {"title": "x"}), lang)
        assert added.startswith(assessment), (lang, assessment, added)
        kind = str(ui["outcome_kind"]["responsibility-autonomy"]).lower()
        assert kind in said("outcome.responsibility-autonomy").lower(), lang
        edc = str(ui["check"]["format_edc"]).lower()
        assert edc in link_label("edc", lang).lower(), (lang, link_label("edc", lang))


def test_a_national_level_is_worded_in_the_page_language() -> None:
    """An NQF level keeps its framework's name ("MECU", "DQR", "NLQF") but says "Level" in the
    page language, as pages say the EQF level (it read "MECU Level 3" on a Spanish page)."""
    expected = {
        "en": ("MECU Level 3", "DQR Level 6", "NQF RNCP Level I-Master"),
        "de": ("MECU-Niveau 3", "DQR-Niveau 6", "NQF RNCP-Niveau I-Master"),
        "fr": ("Niveau MECU 3", "Niveau DQR 6", "Niveau NQF RNCP I-Master"),
        "it": ("Livello MECU 3", "Livello DQR 6", "Livello NQF RNCP I-Master"),
        "es": ("Nivel 3 del MECU", "Nivel 6 del DQR", "Nivel I-Master del NQF RNCP"),
        "pt": ("Nível 3 do MECU", "Nível 6 do DQR", "Nível I-Master do NQF RNCP"),
        "nl": ("MECU-niveau 3", "DQR-niveau 6", "NQF RNCP-niveau I-Master"),
    }
    assert set(expected) == {SOURCE_LANGUAGE, *catalogue_languages()}
    for lang, said in expected.items():
        loc = Localiser(lang, "en")
        labels = ("MECU Level 3", "DQR Level 6", "NQF RNCP Level I-Master")
        codes = [vocab.concept("nqf", label).code for label in labels]
        assert tuple(loc.label("nqf", code) for code in codes) == said, lang
        change = Change("nqf", "nqf", {"old": Code("nqf", codes[0]), "new": Code("nqf", codes[1])})
        assert f"{said[0]} → {said[1]}" in change.text(lang), lang  # what changed
        assert phrase("nqf.level", lang, framework="MECU", level="3") == said[0], lang  # data
    # a framework itself, not one of its levels, keeps its name
    framework = vocab.concept("nqf", "German National Qualifications Framework").code
    assert (
        Localiser("de", "en").label("nqf", framework) == "German National Qualifications Framework"
    )


def test_a_logos_text_alternative_needs_no_article_in_any_language() -> None:
    """The French "Logo de {name}" gave "Logo de Université de Wavre" ("de l’Université");
    German, Spanish, Italian and Portuguese names want an article too. The text alternative is
    a label before the name, as written, in every language."""
    name = "Université de Wavre"
    found = {lang: Localiser(lang, "en").ui_text("logo_alt", name=name) for lang in ("en", "fr")}
    assert found == {"en": "Logo: Université de Wavre", "fr": "Logo\u00a0: Université de Wavre"}
    for lang in catalogue_languages():
        text = str(ui_strings(lang)["logo_alt"])
        assert re.fullmatch(r"\w+\u00a0?: \{name\}", text), (lang, text)


def test_french_interface_strings_put_a_no_break_space_before_double_punctuation() -> None:
    """French sets a no-break space before ``: ; ? !`` (and inside « »), so that the sign never
    begins a line: "Retirer le filtre : …" (the filters in use on a phone) and "Ancien nom : …"
    (an organisation renamed) had a plain space. An address's ``://`` is no punctuation."""
    catalogue = read_catalogue("fr")
    assert catalogue is not None
    plain = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            text = re.sub(r"[a-z]+://", "", str(string))
            if re.search(r"[^\u00a0\u202f][:;?!»]|«[^\u00a0\u202f]", text):
                plain.append((message.context, str(string)))
    assert plain == []


def test_no_english_article_is_written_before_a_file_kind() -> None:
    """The check page's {kind} is PDF, PNG, JPEG, SVG or HTML: "a SVG image" and "a HTML file"
    are wrong and "an PNG" would be too, so no English string puts an article before it."""
    said = ui_strings("en")["check"]
    with_kind = {key: str(text) for key, text in said.items() if "{kind}" in str(text)}
    assert {"error_file_kind", "error_not_baked", "error_image_damaged"} <= set(with_kind)
    for key, text in with_kind.items():
        assert not re.search(r"\b(a|an|A|An) \{kind\}", text), key
    assert str(said["error_not_baked"]).format(kind="SVG").startswith("This SVG image does not")


def test_the_check_page_and_the_readers_guide_say_baked_plainly() -> None:
    """Open Badges calls a credential stored inside its badge image "baked": jargon an
    employer checking a badge does not know. The check page's English strings and the guide
    for learners and employers say where the credential is in plain words; the guide for
    maintainers (data.md) keeps the term, explained where it is used."""
    jargon = re.compile(r"\bbak(e|ed|es|ing)\b", re.IGNORECASE)
    said = ui_strings("en")["check"]
    shown = {key: str(text) for key, text in said.items() if jargon.search(str(text))}
    assert shown == {}
    assert "stores it inside" in str(said["baked_read"])
    guide = " ".join((REPO / "docs" / "how-to-read.md").read_text("utf-8").split())
    assert not jargon.search(guide)
    assert "the image stores the credential itself inside it" in guide
    data = " ".join((REPO / "docs" / "data.md").read_text("utf-8").split())
    assert 'stores inside the badge image ("baking", in Open Badges\' words)' in data


def test_spanish_and_portuguese_name_a_party_or_a_tool_in_one_term() -> None:
    """The check page named the European Digital Credentials viewer two ways ("visor oficial de
    las Credenciales Digitales Europeas", "visor europeo de credenciales digitales"), and the
    Portuguese strings the issuer two ways ("emissor", "emitente") and the learner by the EU
    calque "aprendente" beside the trainee of Portuguese training ("formando")."""
    viewer = {
        "es": r"visor (oficial )?de las Credenciales Digitales Europeas",
        "pt": r"visualizador (oficial )?das Credenciais Digitais Europeias",
    }
    for lang, name in viewer.items():
        check = ui_strings(lang)["check"]
        for key in ("seal_link", "origin_signed_edc", "link_edc_viewer"):
            assert re.search(name, str(check[key])), (lang, key, str(check[key]))
    catalogue = read_catalogue("pt")
    assert catalogue is not None
    said = " ".join(
        " ".join(message.string) if isinstance(message.string, tuple) else str(message.string)
        for message in catalogue
        if message.id
    )
    assert "emissor" in said and "formando" in said
    assert not re.search(r"\b(emitentes?|aprendentes?)\b", said, re.IGNORECASE)


def _strings(lang: str) -> list[tuple[str, str]]:
    """Every translated string of ``lang``'s catalogue, as (context, text); plurals each."""
    catalogue = read_catalogue(lang)
    assert catalogue is not None
    found = []
    for message in catalogue:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [(str(message.context), str(string)) for string in strings]
    return found


def test_dutch_names_an_issuer_apart_from_the_catalogues_publisher() -> None:
    """The check page called whoever issued a credential "de uitgever", which is the word for
    the catalogue's publisher ("Uitgever van deze catalogus") and for a publishing house, and
    "de uitgevende instantie" elsewhere: one term, "uitgevende instantie", for the issuer."""
    publisher = re.compile(r"\buitgevers?\b", re.IGNORECASE)
    assert [ctx for ctx, text in _strings("nl") if publisher.search(text)] == ["org_publisher"]
    assert [ctx for ctx, text in _strings("nl") if "badge-afbeelding" in text] == []


def test_the_check_pages_verifiers_have_one_name_in_italian_and_dutch() -> None:
    """The European Digital Credentials viewer and an Open Badges verifier are named the same
    in the link to them and in the sentences that send an employer there (the viewer was
    "visualizzatore europeo delle credenziali digitali" in one, "… delle Credenziali digitali
    europee" in the other; the verifier "verificatore" and "strumento di verifica")."""
    verifier = {"it": "strumento di verifica Open Badges", "nl": "Open Badges-verificatietool"}
    for lang, ob3 in verifier.items():
        said = ui_strings(lang)["check"]
        viewer = re.sub(r"(?:ufficiale|officiële) ", "", str(said["seal_link"]))
        for key in ("link_edc_viewer", "origin_signed_edc"):
            assert viewer.lower() in str(said[key]).lower(), (lang, key)
        for key in ("link_ob3_verifier", "origin_signed_ob3"):
            assert ob3 in str(said[key]), (lang, key)


def test_italian_instructions_speak_as_the_rest_of_the_site() -> None:
    """Italian pages tell the reader what to do in the impersonal infinitive ("Chiedere
    all’erogatore", "Aprire la pagina") and name buttons in the imperative; a few sentences of
    the check page switched to the plural "voi" ("Chiedete", "verificate il sigillo")."""
    voi = re.compile(
        r"\b(?:chiedete|usate|aprite|scegliete|incollate|trascinate|inserite|controllate"
        r"|verificatel[aoie]|verificate (?:il|la|lo|i|le|ciascun\w*))\b",
        re.IGNORECASE,
    )
    assert [(ctx, text) for ctx, text in _strings("it") if voi.search(text)] == []
