"""What ``credcat check`` says of the mistakes a maintainer reviewing a catalogue found: levels
that contradict each other, a text's language key misspelt or dedented, an ESCO address
pasted as the portal or a browser gives it. Each problem names its file, line and field and
says what to write; every one of a file's mistakes is reported in one run."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue_factory import ORGANISATIONS, SETTINGS, credential, write_catalogue
from credcat import vocab
from credcat.cli import main
from credcat.validate import check_catalogue

SKILL = "ccd0a1d9-afda-43d9-b901-96344886e14d"
"""The ESCO skill 'Python (computer programming)'."""


def problems_of(tmp_path: Path, text: str, **changes: Any) -> list[str]:
    """The problems of a catalogue whose one credential file is ``text`` (YAML lines, the
    factory's valid credential below them for the keys they do not write), as printed."""
    data = {k: v for k, v in credential(**changes).items() if k not in yaml.safe_load(text or "{}")}
    written = text + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    root = write_catalogue(tmp_path / "c", credentials={"db": written})
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems]


def strict(tmp_path: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["check", "--strict", str(tmp_path / "c")], out=out)
    return code, out.getvalue()


# --- levels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("eqf", "cycle", "expected"),
    [
        (
            4,
            "second-cycle",
            "credentials/db.yaml:2:10: qf_ehea: 'second-cycle' is EQF level 7, but eqf is 4 "
            "(write eqf: 7, or remove qf_ehea: the QF-EHEA's cycles are EQF levels 5 to 8)",
        ),
        (
            6,
            "second-cycle",
            "credentials/db.yaml:2:10: qf_ehea: 'second-cycle' is EQF level 7, but eqf is 6 "
            "(write eqf: 7, or qf_ehea: first-cycle (EQF level 6))",
        ),
        (
            8,
            "short-cycle",
            "credentials/db.yaml:2:10: qf_ehea: 'short-cycle' is EQF level 5, but eqf is 8 "
            "(write eqf: 5, or qf_ehea: third-cycle (EQF level 8))",
        ),
    ],
)
def test_a_qf_ehea_cycle_that_is_not_the_eqf_level_is_an_error(
    tmp_path: Path, eqf: int, cycle: str, expected: str
) -> None:
    """The QF-EHEA's cycles are referenced to the EQF: short cycle 5, first 6, second 7,
    third 8. A credential that states both says one level."""
    found = problems_of(tmp_path, f"eqf: {eqf}\nqf_ehea: {cycle}\n")
    assert found == [expected]
    code, output = strict(tmp_path)
    assert code == 1 and expected.replace("credentials/", "") in output.replace(
        f"{tmp_path / 'c'}/credentials/", ""
    )


@pytest.mark.parametrize(
    ("cycle", "eqf"),
    [("short-cycle", 5), ("first-cycle", 6), ("second-cycle", 7), ("third-cycle", 8)],
)
def test_each_cycle_with_its_eqf_level_passes(tmp_path: Path, cycle: str, eqf: int) -> None:
    assert problems_of(tmp_path, f"eqf: {eqf}\nqf_ehea: {cycle}\n") == []


def test_a_framework_named_for_the_nqf_level_is_an_error(tmp_path: Path) -> None:
    """``nqf:`` states a level in a framework; the framework's own name is no level."""
    found = problems_of(tmp_path, "nqf: Austrian National Qualifications Framework\n")
    assert found == [
        "credentials/db.yaml:1:6: nqf: 'Austrian National Qualifications Framework' is a "
        'framework, not a level in it (write its level instead, one of "AT: NQF Level 1" … '
        '"AT: NQF Level 8")'
    ]


def test_a_level_of_another_countrys_framework_fails_strict(tmp_path: Path) -> None:
    """``AQF Level 6`` is Albanian, whatever an Australian reads in it: for a German awarding
    body, the level is the DQR's. The same words as ``credcat import``'s verdict."""
    found = problems_of(tmp_path, "nqf: AQF Level 6\n")
    assert found == [
        "credentials/db.yaml:1:6: warning: nqf: 'AQF Level 6' is a level of a framework of AL "
        "(Albania), but the awarding body is in DE (Germany) (write the level in the awarding "
        'body\'s national framework ("DQR Level 1" … "DQR Level 8"), or remove nqf:)'
    ]
    code, output = strict(tmp_path)
    assert code == 1 and "FAILED" in output.splitlines()[-1]


def test_a_framework_of_a_country_of_several_frameworks_names_each(tmp_path: Path) -> None:
    orgs = {**ORGANISATIONS, "alpha-uni": {**ORGANISATIONS["alpha-uni"], "country": "GB"}}
    root = write_catalogue(
        tmp_path / "c", credentials={"db": credential(nqf="DQR Level 6")}, organisations=orgs
    )
    _, problems = check_catalogue(root, display_root=root)
    [problem] = [p for p in problems if p.code == "nqf-country"]
    assert problem.message.startswith("'DQR Level 6' is a level of a framework of DE (Germany)")
    assert '"RQF Level 1" … "RQF Level 8"' in problem.hint
    assert '"SCQF Level 1" … "SCQF Level 12"' in problem.hint  # levels in their order
    assert '"CQFW Level 1" … "CQFW Level 8"' in problem.hint


def test_a_level_of_one_awarding_bodys_country_passes(tmp_path: Path) -> None:
    """A credential awarded jointly by a German and an Austrian body may state the Austrian
    level."""
    orgs = {**ORGANISATIONS, "beta-qa": {**ORGANISATIONS["beta-qa"], "kind": "university"}}
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "db": credential(awarding_body=["alpha-uni", "beta-qa"], nqf="AT: NQF Level 6")
        },
        organisations=orgs,
    )
    _, problems = check_catalogue(root, display_root=root)
    assert not [p for p in problems if p.code == "nqf-country"], [p.format() for p in problems]


DUTCH_SCHOOL = {
    "roc-noord": {
        "name": "ROC Noord",
        "kind": "vet-school",
        "country": "NL",
        "homepage": "https://roc-noord.example/",
    },
    "beta-qa": ORGANISATIONS["beta-qa"],
}
"""A Dutch vocational school (the publisher) beside the factory's Austrian agency."""


def dutch_problems(tmp_path: Path, **changes: Any) -> list[str]:
    """The problems of a catalogue published by :data:`DUTCH_SCHOOL`, whose one credential
    (awarded by it) is the factory's with ``changes``."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={"db": credential(awarding_body="roc-noord", **changes)},
        organisations=DUTCH_SCHOOL,
        settings={**SETTINGS, "publisher": "roc-noord"},
    )
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems]


@pytest.mark.parametrize("written", ["MBO 3", "niveau 3", "mbo-niveau 3", "Level 3"])
def test_a_level_without_its_framework_gets_the_level_of_the_publishers_framework(
    tmp_path: Path, written: str
) -> None:
    """A Dutch school writes its level as it says it ('MBO 3', 'niveau 3'): that got an
    example from the German framework ("DQR Level 6"), and 'Level 3' the Turkish 'TQF Level
    3'. The level of that number in the publisher's national framework is what it means."""
    found = [p for p in dutch_problems(tmp_path, nqf=written) if ": nqf:" in p]
    assert found == [
        f"credentials/db.yaml:10:6: nqf: unknown NQF level '{written}' (did you mean "
        "'NLQF Level 3'?)"
    ]


def test_an_unknown_level_gets_the_levels_of_the_publishers_framework(tmp_path: Path) -> None:
    found = [p for p in dutch_problems(tmp_path, nqf="NLQF drie") if ": nqf:" in p]
    assert found == [
        "credentials/db.yaml:10:6: nqf: unknown NQF level 'NLQF drie' (write the level as the "
        'framework names it: "NLQF Level 1" … "NLQF Level 8")'
    ]


def test_a_level_of_a_country_of_several_frameworks_names_each(tmp_path: Path) -> None:
    orgs = {**ORGANISATIONS, "alpha-uni": {**ORGANISATIONS["alpha-uni"], "country": "GB"}}
    root = write_catalogue(
        tmp_path / "c", credentials={"db": credential(nqf="Level 3")}, organisations=orgs
    )
    _, problems = check_catalogue(root, display_root=root)
    [problem] = [p for p in problems if p.field == "nqf"]
    assert problem.hint == (
        "did you mean 'RQF Level 3', 'RQF Entry Level 3', 'SCQF Level 3' or 'CQFW Level 3'?"
    )


def test_a_formal_credential_without_a_level_is_told_its_own_frameworks_levels(
    tmp_path: Path,
) -> None:
    """The hint gave a German level (``nqf: DQR Level 6``) to every awarding body."""
    changes = credential(awarding_body="roc-noord", setting="formal")
    del changes["nqf"]
    root = write_catalogue(
        tmp_path / "c",
        credentials={"db": changes},
        organisations=DUTCH_SCHOOL,
        settings={**SETTINGS, "publisher": "roc-noord"},
    )
    _, problems = check_catalogue(root, display_root=root)
    [problem] = [p for p in problems if p.code == "formal-without-nqf"]
    assert problem.hint == (
        "add `nqf:` with the level in the awarding body's national framework "
        '("NLQF Level 1" … "NLQF Level 8"), or say `setting: non-formal`'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mode: Op de werkplek\n",
            "credentials/db.yaml:1:7: mode: unknown mode of delivery 'Op de werkplek' (did you "
            "mean 'work-based'?)",
        ),
        (
            "mode: gemengd\n",
            "credentials/db.yaml:1:7: mode: unknown mode of delivery 'gemengd' (did you mean "
            "'blended'?)",
        ),
        (
            "assessments:\n- {id: exam, type: Praktijkbeoordeling, description: Test., "
            "proves: [design, query]}\n",
            "credentials/db.yaml:2:20: assessment 1 ('exam') > type: unknown assessment type "
            "'Praktijkbeoordeling' (did you mean 'practical-assessment'?)",
        ),
        (
            "assessments:\n- {id: exam, type: Esame orale, description: Test., "
            "proves: [design, query]}\n",
            "credentials/db.yaml:2:20: assessment 1 ('exam') > type: unknown assessment type "
            "'Esame orale' (did you mean 'oral-examination'?)",
        ),
    ],
)
def test_a_code_written_as_the_pages_name_it_gets_its_code(
    tmp_path: Path, text: str, expected: str
) -> None:
    """A course designer copies the label a page shows in their language ('Op de werkplek',
    'Praktijkbeoordeling'), which got the list of codes: every label of credcat's interface,
    in any of its languages, names its code, as the official English, German and French
    labels did."""
    found = problems_of(tmp_path, text)
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "stackability:\n  builds_on: [Relationale Datenbanken]\n",
            "credentials/sql.yaml:2:15: stackability > builds_on item 1: 'Relationale "
            "Datenbanken' is the title of a credential, not its id (did you mean 'db' "
            "(Relationale Datenbanken)?)",
        ),
        (
            "stackability:\n  part_of: Relational databases\n",
            "credentials/sql.yaml:2:12: stackability > part_of item 1: 'Relational databases' "
            "is the title of a credential, not its id (did you mean 'db' (Relational "
            "databases)?)",
        ),
        (
            "status: superseded\nsuperseded_by: Relational Databases\n",
            "credentials/sql.yaml:2:16: superseded_by: 'Relational Databases' is the title of "
            "a credential, not its id (did you mean 'db' (Relational databases)?)",
        ),
    ],
)
def test_a_credential_named_by_its_title_gets_its_id(
    tmp_path: Path, text: str, expected: str
) -> None:
    """A credential another one builds on, counts towards or is replaced by, named by its
    title as a course designer knows it, got the id made from that title ("did you mean
    'relationale-datenbanken'?"), which no credential has: the id of the credential of that
    title, in any of its languages, is what was meant."""
    other = credential(title={"en": "SQL in practice", "de": "SQL in der Praxis"})
    other["summary"] = {"en": "Query data.", "de": "Daten abfragen."}
    data = {k: v for k, v in other.items() if k not in yaml.safe_load(text)}
    written = text + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(), "sql": written})
    _, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems if p.code == "slug"] == [expected]


def test_every_framework_concept_is_known_as_one() -> None:
    """Every NQF concept whose label names no level is in ``NQF_FRAMEWORKS`` (so ``nqf:``
    refuses it), with the country of its levels' prefix."""
    for code in vocab.codes("nqf"):
        label = vocab.concept("nqf", code).label("en")
        is_level = vocab.nqf_level(code) is not None or " Entry" in label
        assert is_level != (code in vocab.NQF_FRAMEWORKS), label
    for country, prefix in vocab.NQF_FRAMEWORKS.values():
        assert vocab.lookup("country", country) is not None
        if prefix:
            assert vocab.NQF_COUNTRIES[prefix] == country
            assert vocab.nqf_levels(prefix), prefix


# --- a text's languages ---------------------------------------------------------------------


def test_a_misspelt_language_of_a_text_is_one_of_the_catalogues_own(tmp_path: Path) -> None:
    """``ge`` is one letter from ``de`` and from the Irish ``ga``: in a catalogue in English
    and German, the German is meant."""
    found = problems_of(tmp_path, "title:\n  en: Databases\n  ge: Datenbanken\n")
    assert found == [
        "credentials/db.yaml:3:3: title.ge: 'ge' is not a language code (did you mean 'de'?)"
    ]
    found = problems_of(tmp_path / "list", "languages: [en, ge]\n")
    assert found == [
        "credentials/db.yaml:1:17: languages item 2: unknown language 'ge' (did you mean 'de'?)"
    ]


def test_a_language_dedented_out_of_its_text_is_told_where_it_belongs(tmp_path: Path) -> None:
    found = problems_of(tmp_path, "title:\n  en: Databases\nde: Datenbanken\n")
    assert found == [
        "credentials/db.yaml:3:1: de: unknown key 'de' ('de' is a language code: indent 'de:' "
        "under 'title:', with its other languages)"
    ]
    outcome = (
        "outcomes:\n"
        "  - id: design\n"
        "    kind: skill\n"
        "    text:\n"
        "      en: Design a normalised schema.\n"
        "    de: Ein Schema entwerfen.\n"
        "  - id: query\n"
        "    text: {en: Write SQL queries., de: SQL-Abfragen schreiben.}\n"
    )
    assert problems_of(tmp_path / "outcome", outcome) == [
        "credentials/db.yaml:6:5: outcome 1 ('design') > de: unknown key 'de' ('de' is a "
        "language code: indent 'de:' under 'text:', with its other languages)"
    ]
    # every language of a text dedented: each is told, and the text has no value
    found = problems_of(tmp_path / "all", "title:\nen: Databases\nde: Datenbanken\n")
    assert found[1:] == [
        "credentials/db.yaml:2:1: en: unknown key 'en' ('en' is a language code: indent 'en:' "
        "under 'title:', with its other languages)",
        "credentials/db.yaml:3:1: de: unknown key 'de' ('de' is a language code: indent 'de:' "
        "under 'title:', with its other languages)",
    ]
    assert found[0].startswith("credentials/db.yaml:1:7: title: ")


def test_a_language_below_a_plain_text_is_told_to_make_it_one_per_language(
    tmp_path: Path,
) -> None:
    found = problems_of(tmp_path, "summary: Design databases.\nde: Datenbanken entwerfen.\n")
    assert found == [
        "credentials/db.yaml:2:1: de: unknown key 'de' ('de' is a language code: give "
        "'summary:' one text per language, each indented below it, 'de:' among them)"
    ]


@pytest.mark.parametrize("above", ["duration: 4 weeks\n", "workload: {ects: 4, hours: 110}\n"])
def test_a_language_code_below_no_text_keeps_the_usual_hint(tmp_path: Path, above: str) -> None:
    """A key that is a language code (``it``) below a field that is no text gets the usual
    hint: indenting it under ``duration`` would not help."""
    [found] = problems_of(tmp_path, above + "it: x\n")
    assert found.startswith("credentials/db.yaml:2:1: it: unknown key 'it' (allowed here: ")


# --- ESCO ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        (
            f"https://data.europa.eu/esco/skill/{SKILL}",
            f"is not the skill's URI as ESCO writes it (write "
            f"http://data.europa.eu/esco/skill/{SKILL} (http, not https))",
        ),
        (
            f"http://data.europa.eu/esco/skill/{SKILL.upper()}/",
            f"is not the skill's URI as ESCO writes it (write "
            f"http://data.europa.eu/esco/skill/{SKILL} (in lower case, without a '/' at the "
            "end))",
        ),
        (
            "https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu"
            f"%2Fesco%2Fskill%2F{SKILL}",
            "is the address of the ESCO portal's page, not the skill's URI (write the URI it "
            f"names: http://data.europa.eu/esco/skill/{SKILL})",
        ),
        (
            "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
            "is an ESCO occupation, not a skill (name the skills it needs instead: the ESCO "
            "portal lists an occupation's essential and optional skills; copy a skill's URI, "
            "http://data.europa.eu/esco/skill/<uuid>)",
        ),
        (
            "https://esco.ec.europa.eu/en/classification/occupation_main#overlayspin?uri=http%3A"
            "%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2Ff2b15a0e-e65a-438a-affb-29b9d50b77d1",
            "is an ESCO occupation, not a skill (name the skills it needs instead",
        ),
        # the skill's name where its URI goes: the name may stay, as its label
        (
            "python programming",
            "is a name, not an ESCO skill URI (find the skill on the ESCO portal and copy its "
            "URI, http://data.europa.eu/esco/skill/<uuid>; the name may follow as its label: "
            "{uri: http://data.europa.eu/esco/skill/<uuid>, label: python programming})",
        ),
        # a character lost in copying
        (
            f"http://data.europa.eu/esco/skill/{SKILL[:-1]}",
            "is not a whole ESCO skill URI: the id after 'skill/' has 35 characters, where "
            "ESCO's have 36 (8-4-4-4-12) (copy the whole URI again from the skill's page on the "
            "ESCO portal)",
        ),
        # the skill's id alone, without the address before it: not a name
        (
            SKILL,
            "is an id alone, not an ESCO skill URI (if it is a skill's, write "
            f"http://data.europa.eu/esco/skill/{SKILL})",
        ),
        # a code of ESCO's skills hierarchy alone: no name either, how a skill URI looks
        (
            "S5.6.1",
            "is not an ESCO skill URI (copy the URI from the ESCO portal: "
            "http://data.europa.eu/esco/skill/<uuid>)",
        ),
        # neither: how an ESCO skill URI looks
        (
            "http://data.europa.eu/esco/skill/S5.6.1",
            "is not an ESCO skill URI (copy the URI from the ESCO portal: "
            "http://data.europa.eu/esco/skill/<uuid>)",
        ),
    ],
)
def test_an_esco_address_as_pasted_gets_the_uri_it_names(
    tmp_path: Path, pasted: str, expected: str
) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["esco"] = [{"uri": pasted, "label": "Python (computer programming)"}]
    [found] = problems_of(tmp_path, "", outcomes=outcomes)
    assert "outcome 1 ('design') > esco item 1 > uri: '" in found
    assert expected in found, found
    # a bare address (the short form of esco:) is told the same
    outcomes[0]["esco"] = [pasted]
    [again] = problems_of(tmp_path / "bare", "", outcomes=outcomes)
    assert expected in again, again


def test_the_uri_suggested_is_one_the_check_accepts(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["esco"] = [f"http://data.europa.eu/esco/skill/{SKILL}"]
    assert problems_of(tmp_path, "", outcomes=outcomes) == []


def test_every_mistake_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    """The reviewer's file: a misspelt language, a dedented one, an ESCO address from the
    browser and a date written the American way, all in one run, with no traceback."""
    outcomes = credential()["outcomes"]
    outcomes[0]["esco"] = [f"https://data.europa.eu/esco/skill/{SKILL}"]
    text = "title:\n  en: Databases\n  ge: Datenbanken\nsummary:\n  en: Design.\nde: Entwerfen.\n"
    found = problems_of(tmp_path, text + "published: 12/25/2026\n", outcomes=outcomes)
    assert [line.split(": ", 2)[1] for line in found] == [
        "title.ge",
        "de",
        "published",
        "outcome 1 ('design') > esco item 1 > uri",
    ]
    out = io.StringIO()
    assert main(["check", "--format", "json", str(tmp_path / "c")], out=out) == 1
    assert len(json.loads(out.getvalue())) == 4


# --- the data licence ---------------------------------------------------------------------

KNOWN_IDS = (
    "CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, PDDL-1.0, ODC-By-1.0, ODbL-1.0, DL-DE-ZERO-2.0, "
    "DL-DE-BY-2.0, etalab-2.0, OGL-UK-3.0"
)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            "CC BY 4.0",
            "'CC BY 4.0' is not the SPDX id of a licence credcat knows (write CC-BY-4.0)",
        ),
        ("cc-by", "'cc-by' is not the SPDX id of a licence credcat knows (write CC-BY-4.0)"),
        (  # another licence: never the nearest spelling of a known one
            "CC-BY-NC-4.0",
            "'CC-BY-NC-4.0' is not the SPDX id of a licence credcat knows (write one of "
            f"{KNOWN_IDS}, or the https:// address of the licence's text)",
        ),
        (
            "creativecommons.org/licenses/by-nc/4.0/",
            "'creativecommons.org/licenses/by-nc/4.0/' is not an allowed http(s) address "
            "(write https://creativecommons.org/licenses/by-nc/4.0/)",
        ),
        (
            "javascript:alert(1)",
            "'javascript:alert(1)' is not the SPDX id of a licence credcat knows (write one of "
            f"{KNOWN_IDS}, or the https:// address of the licence's text)",
        ),
        (
            "[CC-BY-4.0]",
            "expected a licence: its SPDX id, such as CC-BY-4.0, or its address (https://…) "
            f"(write one of {KNOWN_IDS}, or the https:// address of the licence's text)",
        ),
    ],
)
def test_a_data_licence_credcat_cannot_name_says_what_to_write(
    tmp_path: Path, value: str, said: str
) -> None:
    """``data_licence`` names the licence by SPDX id or by address: a value that is neither
    is an error at its line, with the id meant (a known licence written another way) or the
    ids credcat knows and the address to write instead; ``--strict`` or not, nothing builds."""
    text = yaml.safe_dump(SETTINGS, allow_unicode=True, sort_keys=False)
    text += f"data_licence: {value}\n"
    root = write_catalogue(tmp_path / "c", settings=text)  # type: ignore[arg-type]
    line = text.splitlines().index(f"data_licence: {value}") + 1
    _, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems] == [f"catalogue.yaml:{line}:15: data_licence: {said}"]
    out = io.StringIO()
    assert main(["check", str(root)], out=out) == 1
    assert "Traceback" not in out.getvalue()


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("cc-by-4.0", "CC-BY-4.0"),
        ("https://creativecommons.org/licenses/by/4.0/deed.de", "CC-BY-4.0"),
        ("http://www.opendatacommons.org/licenses/odbl/1-0", "ODbL-1.0"),
        (
            "https://creativecommons.org/licenses/by-nc/4.0/",
            "https://creativecommons.org/licenses/by-nc/4.0/",
        ),
    ],
)
def test_a_data_licence_is_known_by_id_or_address(tmp_path: Path, value: str, kept: str) -> None:
    """A known licence in any case or by any of its addresses is that licence (its SPDX id);
    any other address is kept as written; no problem either way."""
    root = write_catalogue(tmp_path / "c", settings={**SETTINGS, "data_licence": value})
    catalogue, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems] == []
    assert catalogue.settings.data_licence == kept
