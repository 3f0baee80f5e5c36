"""Each check of `credcat check`, with a failing and a passing case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import ORGANISATIONS, credential, write_catalogue
from credcat.catalogue import check_catalogue
from credcat.errors import Problem


def run(tmp_path: Path, credentials: dict[str, Any], **kwargs: Any) -> list[Problem]:
    root = write_catalogue(tmp_path / "c", credentials=credentials, **kwargs)
    _, problems = check_catalogue(root, display_root=root)
    return problems


def errors(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems if not p.is_error]


def test_valid_catalogue_has_no_problems(tmp_path: Path) -> None:
    assert run(tmp_path, {"databases": credential()}) == []


# --- identifiers, references ----------------------------------------------------------------


def test_duplicate_outcome_ids(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[1]["id"] = "design"
    found = errors(run(tmp_path, {"db": credential(outcomes=outcomes)}))
    assert any("outcomes[1].id: duplicate id 'design' (also outcomes[0])" in m for m in found)


def test_unknown_organisation_with_suggestion(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(awarding_body="alpha-unl")}))
    assert len(found) == 1
    assert "awarding_body: unknown organisation 'alpha-unl' (did you mean 'alpha-uni'?)" in found[0]


def test_unknown_quality_assurance_body(tmp_path: Path) -> None:
    qa = credential()["quality_assurance"]
    qa[0]["body"] = "nobody"
    found = errors(run(tmp_path, {"db": credential(quality_assurance=qa)}))
    assert any("quality_assurance[0].body: unknown organisation 'nobody'" in m for m in found)


def test_organisation_description_translations(tmp_path: Path) -> None:
    orgs = {**ORGANISATIONS, "beta-qa": dict(ORGANISATIONS["beta-qa"], description="Only English")}
    problems = run(tmp_path, {"databases": credential()}, organisations=orgs)
    assert [p.format() for p in problems] == [
        "organisations/beta-qa.yaml:5:14: warning: description: no 'de' text for description "
        "(the catalogue offers en, de)"
    ]


def test_unknown_publisher(tmp_path: Path) -> None:
    settings = {"title": "T", "publisher": "ghost", "base_uri": "https://x.example/"}
    found = errors(run(tmp_path, {"db": credential()}, settings=settings))
    assert any(m.startswith("catalogue.yaml:") and "unknown organisation 'ghost'" in m
               for m in found)


def test_unknown_stackability_reference(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {
        "db": credential(stackability={"part_of": ["data-analytcs", "sql-for-data-analysis"]}),
        "data-analytics": credential(),
        "applied-data-analysis": credential(),
    }))
    assert len(found) == 2
    assert "stackability.part_of[0]: unknown credential 'data-analytcs' " \
           "(did you mean 'data-analytics'?)" in found[0]
    # sharing words is not a typo: no misleading suggestion
    assert "stackability.part_of[1]: unknown credential 'sql-for-data-analysis' " \
           "(add credentials/sql-for-data-analysis.yaml)" in found[1]


def test_stackability_cycle(tmp_path: Path) -> None:
    creds = {
        "a": credential(stackability={"part_of": ["b"]}),
        "b": credential(stackability={"part_of": ["c"]}),
        "c": credential(stackability={"part_of": ["a"]}),
    }
    found = errors(run(tmp_path, creds))
    assert len(found) == 1
    assert "stackability cycle through part_of: a → b → c → a" in found[0]


def test_stack_without_cycle_passes(tmp_path: Path) -> None:
    creds = {
        "part-one": credential(stackability={"part_of": ["whole"]}),
        "part-two": credential(stackability={"part_of": ["whole"], "builds_on": ["part-one"]}),
        "whole": credential(),
    }
    assert errors(run(tmp_path, creds)) == []


def test_superseded_needs_existing_successor(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"old": credential(status="superseded")}))
    assert any("a superseded credential must name its successor" in m for m in found)
    found = errors(run(tmp_path, {"old": credential(status="superseded", superseded_by="new")}))
    assert any("superseded_by: unknown successor 'new'" in m for m in found)
    ok = run(tmp_path, {"old": credential(status="superseded", superseded_by="new"),
                        "new": credential()})
    assert errors(ok) == []


def test_successor_without_superseded_status(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"old": credential(superseded_by="new"), "new": credential()}))
    assert any("superseded_by is set but the status is 'active'" in m for m in found)


# --- Annex I and what makes a micro-credential ----------------------------------------------


@pytest.mark.parametrize(
    ("key", "element"),
    [
        ("outcomes", "the learning outcomes"),
        ("eqf", "the level (EQF)"),
        ("workload", "the notional workload"),
        ("assessments", "the type of assessment"),
        ("mode", "the form of participation"),
        ("quality_assurance", "the type of quality assurance"),
        ("awarding_body", "the awarding body"),
    ],
)
def test_annex_i_elements_are_required(tmp_path: Path, key: str, element: str) -> None:
    data = credential()
    del data[key]
    found = errors(run(tmp_path, {"db": data}))
    assert len(found) == 1
    assert f"missing required key '{key}': the EU Council Recommendation (Annex I) requires " \
           f"{element}" in found[0]


def test_empty_outcome_list_is_refused(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(outcomes=[])}))
    assert any("outcomes: 'outcomes' needs at least one entry" in m for m in found)


def test_every_outcome_is_proven(tmp_path: Path) -> None:
    assessments = [{"id": "exam", "type": "written-examination", "proves": ["design"],
                    "description": {"en": "Exam", "de": "Prüfung"}}]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 1
    assert "outcomes[1]: no assessment proves outcome 'query'" in found[0]


def test_assessment_must_prove_known_outcomes(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["design", "query", "desing"]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert found == [
        f"credentials/db.yaml:{_line_of(tmp_path, 'desing')}: assessments[0].proves[2]: "
        "unknown outcome 'desing' (did you mean 'design'?)"
    ]


def _line_of(tmp_path: Path, needle: str) -> str:
    text = (tmp_path / "c" / "credentials" / "db.yaml").read_text().splitlines()
    for number, line in enumerate(text, 1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(needle)


def test_assessment_proving_nothing(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["proves"] = []
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert any("assessments[0].proves: 'proves' needs at least one entry" in m for m in found)


def test_attendance_only_is_not_a_micro_credential(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["type"] = "attendance"
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 1
    assert "a certificate of attendance or participation is not a micro-credential" in found[0]


def test_attendance_beside_a_real_assessment_is_fine(tmp_path: Path) -> None:
    assessments = [*credential()["assessments"],
                   {"id": "presence", "type": "level-of-attendance", "proves": ["design"],
                    "description": {"en": "80% attendance", "de": "80 % Anwesenheit"}}]
    assert errors(run(tmp_path, {"db": credential(assessments=assessments)})) == []


# --- workload ---------------------------------------------------------------------------------


def test_hours_per_ects_outside_25_to_30_is_a_warning(tmp_path: Path) -> None:
    problems = run(tmp_path, {"db": credential(workload={"ects": 4, "hours": 60})})
    assert errors(problems) == []
    assert len(warnings(problems)) == 1
    assert "60 hours for 4 ECTS is 15.0 hours per ECTS; ECTS users expect 25–30" in \
        warnings(problems)[0]
    assert "for 4 ECTS, 100–120 hours" in warnings(problems)[0]


def test_hours_split_must_add_up(tmp_path: Path) -> None:
    work = {"ects": 4, "hours": 110, "guided_hours": 40, "self_study_hours": 50}
    found = errors(run(tmp_path, {"db": credential(workload=work)}))
    assert len(found) == 1
    assert "workload.hours: the hours split adds up to 90 (guided 40 + self-study 50), not 110" \
        in found[0]


def test_workload_needs_ects_or_hours(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(workload={"guided_hours": 3})}))
    assert any("give the workload in ECTS, in hours, or both" in m for m in found)


# --- wording and translations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ({"en": "Understand relational databases.", "de": "Datenbanken entwerfen."},
         "Understand"),
        ({"en": "Learners will be able to know SQL.", "de": "SQL schreiben."}, "know"),
        ({"en": "Be aware of GDPR.", "de": "DSGVO anwenden."}, "Be aware of"),
        ({"en": "Design schemas.", "de": "Verstehen, wie Schemata funktionieren."}, "Verstehen"),
    ],
)
def test_vague_outcome_wording_is_a_warning(
    tmp_path: Path, text: dict[str, str], verb: str
) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["text"] = text
    problems = run(tmp_path, {"db": credential(outcomes=outcomes)})
    assert errors(problems) == []
    found = warnings(problems)
    assert len(found) == 1
    assert f"'{verb}' cannot be observed or assessed" in found[0]
    assert "start with an action a stranger can check" in found[0]


def test_observable_verbs_pass(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["text"] = {"en": "Explain what understanding users means.",
                           "de": "Erklären, was Kennen bedeutet."}
    assert run(tmp_path, {"db": credential(outcomes=outcomes)}) == []


def test_missing_translation_is_one_warning_per_language(tmp_path: Path) -> None:
    data = credential(title="Relational databases", summary="Design and query databases.")
    problems = run(tmp_path, {"db": data})
    assert errors(problems) == []
    assert warnings(problems) == [
        "credentials/db.yaml:1:8: warning: title: no 'de' text for title and 1 more "
        "(the catalogue offers en, de; add 'de: …' to each text)"
    ]


def test_single_language_catalogue_needs_no_translations(tmp_path: Path) -> None:
    settings = {"title": "T", "publisher": "alpha-uni", "base_uri": "https://x.example/",
                "languages": ["en"]}
    assert run(tmp_path, {"db": credential(title="Plain")}, settings=settings) == []


def test_unknown_language_in_text(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(title={"en": "A", "dx": "B"})}))
    assert any("'dx' is not a language code" in m for m in found)


# --- ids, URLs, dates -------------------------------------------------------------------------


def test_ids_are_lowercase_slugs(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["id"] = "Design Schema"
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["Design Schema", "query"]
    found = errors(run(tmp_path, {"db": credential(outcomes=outcomes, assessments=assessments)}))
    assert any("'Design Schema' is not a valid id" in m and "did you mean 'design-schema'?" in m
               for m in found)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "ftp://x.example/",
     "//x.example/", "https://", "vbscript:x"],
)
def test_only_http_urls(tmp_path: Path, url: str) -> None:
    found = errors(run(tmp_path, {"db": credential(homepage=url)}))
    assert any("homepage:" in m and "is not an allowed http(s) address" in m for m in found)


def test_links_may_be_mailto(tmp_path: Path) -> None:
    links = [{"title": {"en": "Ask", "de": "Fragen"}, "url": "mailto:info@alpha.example"}]
    assert run(tmp_path, {"db": credential(links=links)}) == []


def test_dates_must_be_real(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"db": credential()})
    path = root / "credentials" / "db.yaml"
    path.write_text(path.read_text() + "offerings:\n- id: spring\n  start: 2027-02-30\n")
    _, problems = check_catalogue(root, display_root=root)
    assert [p.format() for p in problems] == [
        "credentials/db.yaml:" + _line_of(tmp_path, "2027-02-30")
        + ": offerings[0].start: '2027-02-30' is not a real date "
        "(write dates as YYYY-MM-DD, e.g. 2027-03-01)"
    ]


def test_end_after_start(tmp_path: Path) -> None:
    offer = {"id": "spring", "start": "2027-03-01", "end": "2027-02-01"}
    found = errors(run(tmp_path, {"db": credential(offerings=[offer])}))
    assert found and "the offering ends (2027-02-01) before it starts (2027-03-01)" in found[0]
    offer["end"] = "2027-04-01"
    assert run(tmp_path, {"db": credential(offerings=[offer])}) == []


def test_numbers_that_should_be_quoted_get_a_hint(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"db": credential()})
    path = root / "credentials" / "db.yaml"
    text = path.read_text().replace("version: '1.0'", "version: 1.10")
    path.write_text(text)
    _, problems = check_catalogue(root, display_root=root)
    assert any('write it in quotes, e.g. version: "1.0"' in p.hint for p in problems)


def test_norway_problem(tmp_path: Path) -> None:
    org = dict(ORGANISATIONS["beta-qa"], country=False)  # what YAML makes of `country: NO`
    found = errors(run(tmp_path, {"db": credential()},
                       organisations={**ORGANISATIONS, "beta-qa": org}))
    assert any("YAML reads yes/no/on/off/NO as true/false" in m for m in found)


def test_references_to_a_broken_file_are_not_called_unknown(tmp_path: Path) -> None:
    creds = {
        "whole": credential(eqf=42),  # exists, but has an error of its own
        "part": credential(stackability={"part_of": ["whole"]}),
        "old": credential(status="superseded", superseded_by="whole"),
    }
    orgs = {**ORGANISATIONS, "beta-qa": dict(ORGANISATIONS["beta-qa"], kind="bank")}
    found = errors(run(tmp_path, creds, organisations=orgs))
    assert len(found) == 2, found
    assert found[0].startswith("credentials/whole.yaml:") and "eqf" in found[0]
    assert found[1].startswith("organisations/beta-qa.yaml:") and "'bank'" in found[1]


def test_out_of_range_numbers_say_the_limit(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(eqf=9, workload={"ects": -1, "hours": 100})}))
    assert any("eqf: 9 is too large: the maximum is 8" in m for m in found)
    assert any("workload.ects: -1 is too small: it must be more than 0" in m for m in found)
