"""'What changed' between two versions, in an employer's words, in English and German."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue_factory import SAMPLE, credential
from credcat.changes import Change, changes, describe, describe_html
from credcat.model import Credential
from credcat.render.site.localise import Localiser
from credcat.validate import load_catalogue
from credcat.versions import load_archive


def cred(**changes_: Any) -> Credential:
    data = credential(**changes_)
    return Credential.model_validate({**data, "id": "databases"})


BASE = credential()


def texts(old: Credential, new: Credential, lang: str = "en") -> list[str]:
    names = {"alpha-uni": {"en": "Alpha University", "de": "Universität Alpha"}}
    return [describe(c, lang) for c in changes(old, new, names)]


def test_the_same_version_has_no_changes() -> None:
    assert changes(cred(), cred()) == []
    # offerings, status and errata are not part of a version
    later = cred(
        status="retired",
        offerings=[{"id": "2027", "start": "2027-01-04"}],
        errata=[{"version": "1.0", "date": "2026-10-01", "text": "typo"}],
        published="2027-01-01",
    )
    assert changes(cred(), later) == []


def test_outcomes_added_removed_and_reworded() -> None:
    added = {
        "id": "index",
        "kind": "knowledge",
        "text": {"en": "Explain indexes.", "de": "Indizes erklären."},
    }
    new = cred(
        outcomes=[
            {
                **BASE["outcomes"][0],
                "text": {"en": "Design a schema in 3NF.", "de": "Ein Schema in 3NF entwerfen."},
            },
            added,
        ],
        assessments=[{**BASE["assessments"][0], "proves": ["design", "index"]}],
    )
    assert texts(cred(), new) == [
        "Outcome reworded: Design a schema in 3NF.",
        "Outcome added: Explain indexes.",
        "Outcome removed: Write SQL queries with joins.",
        "Project work now also assesses: Explain indexes.",
        "Project work no longer assesses: Write SQL queries with joins.",
    ]
    assert texts(cred(), new, "de")[:3] == [
        "Lernergebnis neu formuliert: Ein Schema in 3NF entwerfen.",
        "Lernergebnis hinzugefügt: Indizes erklären.",
        "Lernergebnis entfernt: SQL-Abfragen schreiben.",
    ]


def test_an_outcome_reworded_in_one_language_says_so() -> None:
    """A text changed in German only is not described, on the English page, as a rewording
    of the English text that did not change."""
    old_text = BASE["outcomes"][0]["text"]
    new = cred(
        outcomes=[
            {**BASE["outcomes"][0], "text": {**old_text, "de": "Ein Schema in 3NF gestalten."}},
            *BASE["outcomes"][1:],
        ]
    )
    assert texts(cred(), new) == [
        f"Outcome reworded in German only: {old_text['en']}",
    ]
    assert texts(cred(), new, "de") == [
        "Lernergebnis nur auf Deutsch neu formuliert: Ein Schema in 3NF gestalten.",
    ]


def test_a_text_revised_in_one_language_says_which() -> None:
    """A summary or description changed in one of its languages is said to be revised in that
    language only, in the reader's language; changed in every language, as revised."""
    base = credential()
    summary = base["summary"]
    assert set(summary) == {"en", "de"}
    new = cred(summary={**summary, "de": "Eine neue Zusammenfassung."})
    assert texts(cred(), new) == ["Summary revised (only in German)"]
    assert texts(cred(), new, "fr") == ["Résumé révisé (en allemand seulement)"]
    assert texts(cred(), new, "it") == ["Sintesi rivista (solo in tedesco)"]
    both = cred(summary={"en": "A new summary.", "de": "Eine neue Zusammenfassung."})
    assert texts(cred(), both) == ["Summary revised"]


def test_supervision_and_identity_check_in_words() -> None:
    exam = {
        "id": "exam",
        "type": "written-examination",
        "title": {"en": "Written exam", "de": "Klausur"},
        "proves": ["query"],
        "description": {"en": "A written exam.", "de": "Eine Klausur."},
        "supervision": "unsupervised",
    }
    old = cred(assessments=[*BASE["assessments"], exam])
    new = cred(
        assessments=[
            *BASE["assessments"],
            {**exam, "supervision": "supervised-on-site", "identity_check": True},
        ]
    )
    assert texts(old, new) == ["Written exam is now supervised on site with an identity check"]
    assert texts(old, new, "de") == [
        "Klausur ist jetzt vor Ort beaufsichtigt, mit Identitätsprüfung"
    ]
    # French agrees nothing with the assessment's title, whatever its gender ("Travail noté
    # est désormais surveillée" read wrong): the supervision is a noun
    [french] = texts(old, new, "fr")
    assert french.endswith(" : désormais avec surveillance sur place, avec vérification d’identité")
    checked = cred(assessments=[*BASE["assessments"], {**exam, "identity_check": True}])
    assert texts(old, checked) == ["Written exam now includes an identity check"]
    assert texts(checked, old) == ["Written exam no longer includes an identity check"]
    assert texts(old, cred()) == ["Assessment removed: Written exam"]
    assert texts(cred(), old) == ["Assessment added: Written exam"]


def test_level_workload_and_bodies() -> None:
    new = cred(
        eqf=7,
        workload={**BASE["workload"], "ects": 5, "hours": 135, "self_study_hours": 85},
        awarding_body=["alpha-uni", "gamma-school"],
        mode="blended",
    )
    assert texts(cred(), new) == [
        "Level EQF 6 → EQF 7",
        "Workload 4 → 5 ECTS",
        "Workload 110 → 135 hours",
        "Split of the workload (guided, self-study, assessment hours) revised",
        "Awarding body added: gamma-school",
        "Mode of delivery Online → Blended",
    ]
    assert texts(cred(workload={**BASE["workload"], "ects": 4.5}), cred(), "de")[0] == (
        "Arbeitsaufwand 4,5 → 4 ECTS"
    )
    # a workload stated where it was not, or no longer: not "0 → 2 ECTS"
    hours_only = cred(workload={"hours": 60})
    assert texts(hours_only, cred(workload={"hours": 60, "ects": 2})) == [
        "Workload now stated in ECTS: 2 ECTS"
    ]
    assert texts(cred(workload={"hours": 60, "ects": 2.5}), hours_only, "de") == [
        "Arbeitsaufwand nicht mehr in ECTS angegeben (bisher 2,5 ECTS)"
    ]
    assert texts(cred(workload={"ects": 2}), cred(workload={"ects": 2, "hours": 55})) == [
        "Workload now stated in hours: 55 hours"
    ]
    # a page whose words are credcat's English (Polish) writes numbers as Polish does
    polish = Localiser("pl", "en")
    worded = describe_html(
        changes(cred(workload={**BASE["workload"], "ects": 4.5}), cred())[0], polish.words, polish
    )
    assert worded == "Workload 4,5 → 4 ECTS"
    assert texts(new, cred(), "de")[4] == "Vergebende Stelle entfernt: gamma-school"
    assert "Awarding body removed: Alpha University" in texts(
        cred(), cred(awarding_body="gamma-school")
    )


def test_every_phrase_exists_in_english_and_german_with_the_same_placeholders() -> None:
    raw = resources.files("credcat").joinpath("data/changes.yaml").read_text("utf-8")
    phrases = yaml.safe_load(raw)
    assert set(phrases["en"]) == set(phrases["de"])
    for key, text in phrases["en"].items():
        if isinstance(text, str):
            assert set(re.findall(r"{(\w+)}", text)) == set(
                re.findall(r"{(\w+)}", phrases["de"][key])
            ), key
        else:
            assert set(text) == set(phrases["de"][key]), key
    source = (Path(__file__).parent.parent / "plugins/credcat/changes.py").read_text("utf-8")
    used = set(re.findall(r'Change\(\s*"(\w+)"', source)) | set(
        re.findall(r'"(\w+_(?:added|removed))"', source)
    )
    assert used - set(phrases["en"]) == set()


def test_a_language_without_phrases_falls_back_to_english() -> None:
    change = Change("eqf", "eqf", {"old": 5, "new": 6})
    assert describe(change, "sl") == "Level EQF 5 → EQF 6"
    assert change.text("de") == "Niveau EQR 5 → EQR 6"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sample_versions_changes_read_like_the_story(lang: str) -> None:
    cat = load_catalogue(SAMPLE)
    archive, _ = load_archive(cat)
    first, second, third = archive.of("data-analysis-python")
    names = {oid: org.name for oid, org in cat.organisations.items()}
    found = [c.text(lang) for c in changes(first.credential, second.credential, names)]
    # 1.2 only added the French texts: one change, worded as such
    added = [c.text(lang) for c in changes(second.credential, third.credential, names)]
    assert added == [
        {
            "en": "Texts added in French; the texts in the other languages are unchanged",
            "de": "Texte auf Französisch ergänzt; "
            "die Texte in den anderen Sprachen sind unverändert",
        }[lang]
    ]
    expected = {
        "en": [
            "Outcome added: Deliver a self-contained, reproducible analysis",
            "Analysis project now also assesses: Deliver a self-contained",
            "Assessment renamed: “Online exam” → “Proctored online exam”",
            "Proctored online exam is now supervised online with an identity check",
            "Workload 4 → 5 ECTS",
        ],
        "de": [
            "Lernergebnis hinzugefügt: Eine in sich geschlossene, reproduzierbare Analyse",
            "Analyseprojekt prüft jetzt auch: Eine in sich geschlossene",
            "Prüfung umbenannt: „Online-Klausur“ → „Beaufsichtigte Online-Klausur“",
            "Beaufsichtigte Online-Klausur ist jetzt online beaufsichtigt, mit Identitätsprüfung",
            "Arbeitsaufwand 4 → 5 ECTS",
        ],
    }[lang]
    for start in expected:
        assert any(line.startswith(start) for line in found), (start, found)


def test_providers_and_assessors_named_only_when_written() -> None:
    assert texts(cred(), cred(provider=["gamma-school"])) == [
        "Provider added: gamma-school",
        "Provider removed: Alpha University",
    ]
    assert texts(cred(assessor="gamma-school"), cred(), "de") == [
        "Prüfende Stelle hinzugefügt: Universität Alpha",
        "Prüfende Stelle entfernt: gamma-school",
    ]


def test_an_added_translation_is_one_change_not_a_rewording_of_every_text() -> None:
    old = cred()
    data = old.model_dump()
    data["title"]["fr"] = "Titre en français"
    data["outcomes"][0]["text"]["fr"] = "Un acquis en français"
    new = Credential.model_validate(data)
    assert texts(old, new) == [
        "Texts added in French; the texts in the other languages are unchanged"
    ]
    assert texts(old, new, "de")[0].startswith("Texte auf Französisch ergänzt")
    assert texts(old, new, "fr")[0].startswith("Textes ajoutés en français")
    # a rewording beside the translation is still reported
    data["title"]["en"] = "Another title"
    reworded = texts(old, Credential.model_validate(data))
    assert len(reworded) == 2 and reworded[1].startswith("Title: ")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("es", ["Presencial", "Aprendizaje no formal", "Curso", "español y inglés", "6 semanas"]),
        ("nl", ["Op locatie", "Niet-formeel leren", "Cursus", "Spaans en Engels", "6 weken"]),
        ("pt", ["Presencial", "Aprendizagem não formal", "Curso", "espanhol e inglês"]),
    ],
)
def test_a_page_words_changes_as_it_words_its_facts(lang: str, words: list[str]) -> None:
    """The site words 'what changed' with its own localiser: the labels, durations and lists
    of its facts, not the vocabularies' English labels or the file's "6 weeks"."""
    from credcat.render.site.localise import Localiser

    loc = Localiser(lang, "en")
    old = cred(duration="5 weeks")
    new = cred(
        mode="on-site",
        setting="non-formal",
        type="course",
        languages=["es", "en"],
        duration="6 weeks",
    )
    found = [describe(c, lang, loc) for c in changes(old, new)]
    assert len(found) == 5
    assert found[0].endswith(f"{loc.label('mode', 'online')} → {loc.label('mode', 'on-site')}")
    text = " | ".join(found)
    for word in words:
        assert word in text, (word, text)
    for english in ("Presential", "On site", "non-formal learning", "Course", "weeks", "Spanish"):
        assert english not in text, (english, text)
    # without the site's words, the data's own: the vocabularies' labels, as before
    assert "6 weeks" in " | ".join(describe(c, lang) for c in changes(old, new))


def test_a_national_level_says_level_in_the_readers_language() -> None:
    """The framework's name stays; "Level" was left in English ("DQR Level 6") in every
    language."""
    new = cred(nqf="DQR Level 7")
    assert texts(cred(), new) == ["National level DQR Level 6 → DQR Level 7"]
    assert texts(cred(), new, "de") == ["Nationales Niveau DQR-Niveau 6 → DQR-Niveau 7"]
    assert texts(cred(), new, "es") == ["Nivel nacional Nivel 6 del DQR → Nivel 7 del DQR"]
    assert texts(cred(), cred(nqf=None), "fr") == ["Niveau national Niveau DQR 6 → aucun"]


def test_on_a_page_a_text_in_another_language_says_so_and_every_value_is_escaped() -> None:
    """'Risultato aggiunto: Deliver a …' read English words with an Italian voice: on a page
    the text not yet translated is marked with its language; and a title is text, not HTML."""
    from credcat.changes import describe_html
    from credcat.render.site.localise import Localiser

    added = {"id": "deliver", "kind": "skill", "text": {"en": "Deliver a <b>report</b>."}}
    old = cred()
    new = cred(
        outcomes=[*BASE["outcomes"], added],
        assessments=[
            {**BASE["assessments"][0], "proves": [*BASE["assessments"][0]["proves"], "deliver"]}
        ],
    )
    loc = Localiser("fr", "en")
    html = [str(describe_html(c, "fr", loc)) for c in changes(old, new)]
    marked = (
        '<span lang="en" data-credcat-fallback="en">Deliver a &lt;b&gt;report&lt;/b&gt;.</span>'
    )
    assert any(marked in line for line in html), html
    assert "<b>" not in " ".join(html)
    # in the page's language: no mark, and still escaped
    retitled = cred(title={"en": "SQL", "de": "SQL <i>neu</i>"})
    german = [str(describe_html(c, "de", Localiser("de", "en"))) for c in changes(old, retitled)]
    assert (
        len(german) == 1 and "lang=" not in german[0] and "SQL &lt;i&gt;neu&lt;/i&gt;" in german[0]
    )
    # a Polish text among credcat's English words (it has none in Polish): it says it is
    # Polish, and does not stand in for anything
    polish = [cred(title={"en": "SQL", "pl": f"SQL {word}"}) for word in ("stary", "nowy")]
    said = [str(describe_html(c, "pl", Localiser("pl", "en"))) for c in changes(*polish)]
    assert said == ['Title: “<span lang="pl">SQL stary</span>” → “<span lang="pl">SQL nowy</span>”']
