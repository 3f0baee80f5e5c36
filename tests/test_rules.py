"""Each check of `credcat check`, with a failing and a passing case."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import ORGANISATIONS, credential, write_catalogue
from credcat.cli import main
from credcat.errors import Problem
from credcat.render.data.nodes import COUNTRY_ZONES
from credcat.validate import check_catalogue


def run(tmp_path: Path, credentials: dict[str, Any], **kwargs: Any) -> list[Problem]:
    root = write_catalogue(tmp_path / "c", credentials=credentials, **kwargs)
    _, problems = check_catalogue(root, display_root=root)
    # a retired or superseded credential without status_note is noted (test_status_note.py):
    # not what these rules are about
    return [p for p in problems if p.code != "status-note-missing"]


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
    assert any(
        "outcome 2 ('design') > id: duplicate id 'design' (also outcome 1 ('design'))" in m
        for m in found
    )


def test_unknown_organisation_with_suggestion(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(awarding_body="alpha-unl")}))
    assert len(found) == 1
    assert "awarding_body: unknown organisation 'alpha-unl' (did you mean 'alpha-uni'?)" in found[0]


def test_unknown_quality_assurance_body(tmp_path: Path) -> None:
    qa = credential()["quality_assurance"]
    qa[0]["body"] = "nobody"
    found = errors(run(tmp_path, {"db": credential(quality_assurance=qa)}))
    assert any("quality_assurance item 1 > body: unknown organisation 'nobody'" in m for m in found)


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
    assert any(
        m.startswith("catalogue.yaml:") and "unknown organisation 'ghost'" in m for m in found
    )


def test_unknown_stackability_reference(tmp_path: Path) -> None:
    found = errors(
        run(
            tmp_path,
            {
                "db": credential(
                    stackability={"part_of": ["data-analytcs", "sql-for-data-analysis"]}
                ),
                "data-analytics": credential(),
                "applied-data-analysis": credential(),
            },
        )
    )
    assert len(found) == 2
    assert (
        "stackability > part_of item 1: unknown credential 'data-analytcs' "
        "(did you mean 'data-analytics'?)" in found[0]
    )
    # sharing words is not a typo: no misleading suggestion
    assert (
        "stackability > part_of item 2: unknown credential 'sql-for-data-analysis' "
        "(add credentials/sql-for-data-analysis.yaml)" in found[1]
    )


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
    ok = run(
        tmp_path, {"old": credential(status="superseded", superseded_by="new"), "new": credential()}
    )
    assert errors(ok) == []


def test_a_misspelt_successor_is_never_told_to_name_itself(tmp_path: Path) -> None:
    """The id closest to a misspelt successor is often the superseded credential's own; it
    cannot supersede itself, so the hint says what to do instead of proposing it."""
    creds = {"welding-basics": credential(status="superseded", superseded_by="weldng-basic")}
    found = errors(run(tmp_path, creds))
    assert len(found) == 1
    assert "superseded_by: unknown successor 'weldng-basic'" in found[0]
    assert "welding-basics'?" not in found[0]
    assert "(add credentials/weldng-basic.yaml)" in found[0]
    creds = {"welding-basics": credential(status="superseded", superseded_by="welding-basics")}
    assert [m.split(": ", 1)[1] for m in errors(run(tmp_path, creds))] == [
        "superseded_by: a credential cannot supersede "
        "itself (name the credential that replaces it, or give it 'status: active' and remove "
        "superseded_by)"
    ]


def test_successor_without_superseded_status(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"old": credential(superseded_by="new"), "new": credential()}))
    assert any("superseded_by is set but the status is 'active'" in m for m in found)


def test_a_successor_never_released_as_a_draft_is_a_warning(tmp_path: Path) -> None:
    """A superseded credential that sends its learners to a draft never released (not offered
    yet, without a permanent page) is warned about at its superseded_by, with what to do; so
    ``--strict`` fails. A draft that has a released version (a rework) is a successor that
    was offered, and an active one is offered now: no warning."""
    creds = {
        "old": credential(status="superseded", superseded_by="new", summary=_own("old")),
        "new": credential(status="draft"),
    }
    problems = run(tmp_path, creds)
    assert [p.format() for p in problems] == [
        f"credentials/old.yaml:{_line_of_in(tmp_path, 'old', 'superseded_by: new')}: warning: "
        "superseded_by: the successor 'new' is a draft that was never released: it is not "
        "offered yet, and none of its versions has a permanent page (keep this credential "
        "active, without superseded_by, until 'new' is released (set its status: active, then "
        "run credcat release new), or name a credential that is offered now)"
    ]
    assert problems[0].code == "superseded"
    out = io.StringIO()
    assert main(["check", "--strict", str(tmp_path / "c")], out=out) == 1
    assert "the successor 'new' is a draft that was never released" in out.getvalue()

    creds["new"] = credential()  # active: offered now, at its version's permanent address
    assert run(tmp_path, creds) == []


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
    assert (
        f"missing required key '{key}': the EU Council Recommendation (Annex I) requires "
        f"{element}" in found[0]
    )


def test_empty_outcome_list_is_refused(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(outcomes=[])}))
    assert any("outcomes: 'outcomes' needs at least one entry" in m for m in found)


def test_every_outcome_is_proven(tmp_path: Path) -> None:
    assessments = [
        {
            "id": "exam",
            "type": "written-examination",
            "proves": ["design"],
            "description": {"en": "Exam", "de": "Prüfung"},
        }
    ]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 1
    assert "outcome 2 ('query'): no assessment proves outcome 'query'" in found[0]


def test_assessment_must_prove_known_outcomes(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["design", "query", "desing"]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert found == [
        f"credentials/db.yaml:{_line_of(tmp_path, 'desing')}: "
        "assessment 1 ('project') > proves item 3: "
        f"unknown outcome 'desing' (did you mean 'design', the outcome on line "
        f"{_line_of(tmp_path, 'id: design').split(':')[0]}?)"
    ]


def test_misspelt_outcome_id_in_proves_is_one_problem(tmp_path: Path) -> None:
    """The only assessment of 'design' names it 'desing': one typo, not also 'unproven'."""
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["desing", "query"]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 1, found
    assert "unknown outcome 'desing' (did you mean 'design'" in found[0]


def test_unrelated_outcome_id_in_proves_names_the_outcomes(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["statistics", "query"]
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 2, found  # nothing proves 'design' really
    assert "outcome 1 ('design'): no assessment proves outcome 'design'" in found[0]
    assert (
        "unknown outcome 'statistics' (name outcome ids from this file's outcomes: "
        "design, query)" in found[1]
    )


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
    assert any(
        "assessment 1 ('project') > proves: 'proves' needs at least one entry" in m for m in found
    )


def test_attendance_only_is_not_a_micro_credential(tmp_path: Path) -> None:
    assessments = credential()["assessments"]
    assessments[0]["type"] = "attendance"
    found = errors(run(tmp_path, {"db": credential(assessments=assessments)}))
    assert len(found) == 1
    assert "a certificate of attendance or participation is not a micro-credential" in found[0]


def test_attendance_beside_a_real_assessment_is_fine(tmp_path: Path) -> None:
    assessments = [
        *credential()["assessments"],
        {
            "id": "presence",
            "type": "level-of-attendance",
            "proves": ["design"],
            "description": {"en": "80% attendance", "de": "80 % Anwesenheit"},
        },
    ]
    assert errors(run(tmp_path, {"db": credential(assessments=assessments)})) == []


# --- workload ---------------------------------------------------------------------------------


def test_hours_per_ects_outside_25_to_30_is_a_warning(tmp_path: Path) -> None:
    problems = run(tmp_path, {"db": credential(workload={"ects": 4, "hours": 60})})
    assert errors(problems) == []
    assert len(warnings(problems)) == 1
    assert (
        "60 hours for 4 ECTS is 15.0 hours per ECTS; ECTS users expect 25–30"
        in warnings(problems)[0]
    )
    assert "for 4 ECTS, 100–120 hours" in warnings(problems)[0]


def test_hours_split_must_add_up(tmp_path: Path) -> None:
    work = {"ects": 4, "hours": 110, "guided_hours": 40, "self_study_hours": 50}
    found = errors(run(tmp_path, {"db": credential(workload=work)}))
    assert len(found) == 1
    assert (
        "workload.hours: the hours split adds up to 90 (guided 40 + self-study 50), not 110"
        in found[0]
    )


def test_workload_needs_ects_or_hours(tmp_path: Path) -> None:
    found = errors(run(tmp_path, {"db": credential(workload={"guided_hours": 3})}))
    assert any("give the workload in ECTS, in hours, or both" in m for m in found)


# --- wording and translations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ({"en": "Understand relational databases.", "de": "Datenbanken entwerfen."}, "Understand"),
        ({"en": "Learners will be able to know SQL.", "de": "SQL schreiben."}, "know"),
        ({"en": "Be aware of GDPR.", "de": "DSGVO anwenden."}, "Be aware of"),
        ({"en": "Design schemas.", "de": "Verstehen, wie Schemata funktionieren."}, "Verstehen"),
        ({"en": "Be able to understand joins.", "de": "Joins erklären."}, "understand"),
        ({"en": "To understand joins.", "de": "Joins erklären."}, "understand"),
        ({"en": "Students understand joins.", "de": "Joins erklären."}, "understand"),
        ({"en": "Have a basic understanding of SQL.", "de": "SQL erklären."}, "understanding"),
        ({"en": "Knowledge of SQL.", "de": "SQL erklären."}, "Knowledge of"),
        ({"en": "Explain joins.", "de": "Die Grundlagen von Joins verstehen."}, "verstehen"),
        ({"en": "Explain joins.", "de": "Die Teilnehmenden verstehen Joins."}, "verstehen"),
        ({"en": "Explain joins.", "de": "Die Grenzen kennen und Joins erklären."}, "kennen"),
        ({"en": "Explain joins.", "de": "Wissen, wann ein Join nötig ist."}, "Wissen"),
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
    assert "name an action a stranger can check" in found[0]


@pytest.mark.parametrize(
    "text",
    [
        {"en": "Explain what understanding users means.", "de": "Erklären, was Kennen bedeutet."},
        {"en": "Learners design schemas.", "de": "Wissen über Normalformen anwenden."},
        {"en": "Apply knowledge of SQL.", "de": "Ein Schema entwerfen, das andere verstehen."},
        {"en": "Design a schema.", "de": "Die Teilnehmenden können Schemata entwerfen."},
    ],
)
def test_observable_verbs_pass(tmp_path: Path, text: dict[str, str]) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["text"] = text
    assert run(tmp_path, {"db": credential(outcomes=outcomes)}) == []


def test_missing_translation_is_one_warning_per_language(tmp_path: Path) -> None:
    data = credential(title="Relational databases", summary="Design and query databases.")
    problems = run(tmp_path, {"db": data})
    assert errors(problems) == []
    assert warnings(problems) == [
        "credentials/db.yaml:1:8: warning: title: no 'de' text; also missing in summary "
        "(the catalogue offers en, de; add 'de: …' to each text)"
    ]


def test_missing_translation_names_up_to_three_more_texts(tmp_path: Path) -> None:
    outcomes = [dict(o, text=o["text"]["en"]) for o in credential()["outcomes"]]
    data = credential(
        title="Relational databases",
        summary="Design and query databases.",
        outcomes=outcomes,
        further_information="More.",
    )
    found = warnings(run(tmp_path, {"db": data}))
    assert len(found) == 1
    assert (
        "title: no 'de' text; also missing in summary, outcome 1 ('design') > text, "
        "outcome 2 ('query') > text "
        "and 1 more (" in found[0]
    )


def test_single_language_catalogue_needs_no_translations(tmp_path: Path) -> None:
    settings = {
        "title": "T",
        "publisher": "alpha-uni",
        "base_uri": "https://x.example/",
        "languages": ["en"],
    }
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
    assert any(
        "'Design Schema' is not a valid id" in m and "did you mean 'design-schema'?" in m
        for m in found
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "ftp://x.example/",
        "//x.example/",
        "https://",
        "vbscript:x",
    ],
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
        "credentials/db.yaml:"
        + _line_of(tmp_path, "2027-02-30")
        + ": offering 1 ('spring') > start: '2027-02-30' is not a real date "
        "(check the day and the month: dates are YYYY-MM-DD)"
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
    assert [(p.field, p.message, p.hint) for p in problems] == [
        (
            "version",
            "the version must be text",
            'write "1.10" in quotes: without quotes, YAML reads 1.10 as the number 1.1',
        )
    ]
    path.write_text(text.replace("version: 1.10", "version: '1.10'"))
    assert check_catalogue(root, display_root=root)[1] == []


def test_an_amount_with_a_dot_before_three_digits_is_ambiguous(tmp_path: Path) -> None:
    """`amount: 1.200` is one thousand two hundred where a dot groups thousands (Spain,
    Germany …), but YAML reads it as 1.2, and the site would say "1,20 €": an error, located,
    with both ways to write it; the credential is not published with either reading."""
    offer = {"id": "spring", "start": "2027-03-01", "price": {"amount": 450, "currency": "EUR"}}
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(offerings=[offer])})
    path = root / "credentials" / "db.yaml"
    text = path.read_text()
    assert text.count("amount: 450") == 1
    line = text.splitlines().index("    amount: 450") + 1
    for written in ("1.200", "'1.200'", '"1.200"'):
        path.write_text(text.replace("amount: 450", f"amount: {written}"))
        catalogue, problems = check_catalogue(root, display_root=root)
        assert [(p.format(), p.code, p.loc, p.is_error) for p in problems] == [
            (
                f"credentials/db.yaml:{line}:13: offering 1 ('spring') > price.amount: 1.200 is "
                "ambiguous: credcat reads it as 1.2, but where a dot groups thousands it is 1200 "
                "(write 1200 without a thousands separator, or 1.20 if that is the amount)",
                "ambiguous-amount",
                ("offerings", 0, "price", "amount"),
                True,
            )
        ], written
        assert catalogue is not None and "db" not in catalogue.credentials
    for fixed in ("1200", "1.20", "1.2", "1.5", "1.50", "450", "0.500", "'1200.50'"):
        path.write_text(text.replace("amount: 450", f"amount: {fixed}"))
        assert check_catalogue(root, display_root=root)[1] == [], fixed


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        (
            "{amount: 12.500, currency: GBP}",
            "12.500 is ambiguous: credcat reads it as 12.5, but where a dot groups thousands it "
            "is 12500 (write 12500 without a thousands separator, or 12.50 if that is the amount)",
        ),
        (
            "{amount: 1.000, currency: chf}",
            "1.000 is ambiguous: credcat reads it as 1, but where a dot groups thousands it is "
            "1000 (write 1000 without a thousands separator, or 1 if that is the amount)",
        ),
        (
            "{amount: 2.050, currency: SEK}",
            "2.050 is ambiguous: credcat reads it as 2.05, but where a dot groups thousands it "
            "is 2050 (write 2050 without a thousands separator, or 2.05 if that is the amount)",
        ),
        (
            "{amount: 999.990, currency: Taler}",
            "999.990 is ambiguous: credcat reads it as 999.99, but where a dot groups thousands "
            "it is 999990 (write 999990 without a thousands separator, or 999.99 if that is "
            "the amount)",
        ),
    ],
)
def test_an_ambiguous_amount_gives_both_readings(tmp_path: Path, price: str, expected: str) -> None:
    lines = f"offerings:\n- id: spring\n  start: 2027-03-01\n  price: {price}\n"
    found = [m for m in check_text(tmp_path, lines) if "price.amount" in m]
    assert found == [f"credentials/db.yaml:4:19: offering 1 ('spring') > price.amount: {expected}"]


def test_each_ambiguous_amount_is_reported_with_the_other_mistakes(tmp_path: Path) -> None:
    """Every run's ambiguous amount is reported, beside the file's other mistakes (which the
    model reports), and the amount's own complaint (three decimals) is not said twice."""
    lines = (
        "offerings:\n"
        "- {id: spring, start: 2027-03-01, price: {amount: 12.345}}\n"
        "- {id: autumn, start: 2027-09-01, price: {amount: 2.500}, places: -3}\n"
    )
    assert check_text(tmp_path, lines) == [
        "credentials/db.yaml:2:51: offering 1 ('spring') > price.amount: 12.345 has more than 2 "
        "decimal places, or is 12345 with a dot that groups thousands (write 12345 without a "
        "thousands separator, or round it to cents, e.g. 12.35)",
        "credentials/db.yaml:3:51: offering 2 ('autumn') > price.amount: 2.500 is ambiguous: "
        "credcat reads it as 2.5, but where a dot groups thousands it is 2500 (write 2500 without "
        "a thousands separator, or 2.50 if that is the amount)",
        "credentials/db.yaml:3:67: offering 2 ('autumn') > places: -3 is too small: it must be "
        "more than 0",
    ]


def test_norway_problem(tmp_path: Path) -> None:
    org = dict(ORGANISATIONS["beta-qa"], country=False)  # what YAML makes of `country: NO`
    found = errors(
        run(tmp_path, {"db": credential()}, organisations={**ORGANISATIONS, "beta-qa": org})
    )
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


# --- succession -------------------------------------------------------------------------------


def test_credentials_superseding_each_other_are_an_error(tmp_path: Path) -> None:
    creds = {
        "old": credential(status="superseded", superseded_by="new", summary=_own("old")),
        "new": credential(status="superseded", superseded_by="old"),
    }
    problems = run(tmp_path, creds)
    assert [p.format() for p in problems] == [
        f"credentials/new.yaml:{_line_of_in(tmp_path, 'new', 'superseded_by: old')}: "
        "superseded_by: the credentials supersede each other in a circle: new → old → new "
        "(one of them is the current credential: give it 'status: active' and remove its "
        "superseded_by)"
    ]


def test_a_chain_of_successors_is_fine(tmp_path: Path) -> None:
    creds = {
        "first": credential(status="superseded", superseded_by="second", summary=_own("first")),
        "second": credential(status="superseded", superseded_by="third", summary=_own("2nd")),
        "third": credential(),
    }
    found = run(tmp_path, creds)
    assert errors(found) == []
    assert len(warnings(found)) == 1  # 'first' should point at the current one, 'third'


def _own(word: str) -> dict[str, str]:
    """A summary of its own (two credentials with one summary are a warning: a copied file)."""
    return {"en": f"Design and query {word} databases.", "de": f"{word}: Datenbanken entwerfen."}


def _line_of_in(tmp_path: Path, cid: str, needle: str) -> str:
    text = (tmp_path / "c" / "credentials" / f"{cid}.yaml").read_text().splitlines()
    for number, line in enumerate(text, 1):
        if needle in line:
            return f"{number}:{line.index(needle) + len(needle.split(':')[0]) + 3}"
    raise AssertionError(needle)


# --- one mistake, one message -----------------------------------------------------------------


def check_text(
    tmp_path: Path, lines: str, *, drop: tuple[str, ...] = (), folder: str = "credentials"
) -> list[str]:
    """Check a credential (or organisation) written as YAML text: ``lines`` first, then the
    factory's valid entry without the keys in ``drop``."""
    import yaml

    from catalogue_factory import write_catalogue

    if folder == "credentials":
        data = {k: v for k, v in credential().items() if k not in drop}
        root = write_catalogue(
            tmp_path / "c",
            credentials={"db": lines + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)},
        )
    else:
        data = {k: v for k, v in ORGANISATIONS["alpha-uni"].items() if k not in drop}
        orgs = {
            **ORGANISATIONS,
            "alpha-uni": lines + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        }
        root = write_catalogue(tmp_path / "c", organisations=orgs)
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems]


@pytest.mark.parametrize(
    ("lines", "drop", "expected"),
    [
        (
            "sumary: Design databases.\n",
            ("summary",),
            "credentials/db.yaml:1:1: sumary: unknown key 'sumary' (did you mean 'summary'?)",
        ),
        (
            "Title: Databases\n",
            ("title",),
            "credentials/db.yaml:1:1: Title: unknown key 'Title' (keys are written in lowercase: "
            "'title')",
        ),
    ],
)
def test_misspelt_required_key_is_one_problem(
    tmp_path: Path, lines: str, drop: tuple[str, ...], expected: str
) -> None:
    assert check_text(tmp_path, lines, drop=drop) == [expected]


def test_missing_key_alone_is_still_reported(tmp_path: Path) -> None:
    found = check_text(tmp_path, "", drop=("summary",))
    assert found == [
        "credentials/db.yaml:1:1: summary: missing required key 'summary' "
        "(One paragraph for learners: what this is and who it is for)"
    ]


def test_annex_i_is_not_cited_for_catalogue_yaml(tmp_path: Path) -> None:
    settings = {"publisher": "alpha-uni", "base_uri": "https://x.example/"}
    found = errors(run(tmp_path, {"db": credential()}, settings=settings))
    assert found == [
        "catalogue.yaml:1:1: title: missing required key 'title' "
        "(Name of the catalogue, shown in the site header and in machine-readable "
        "files)"
    ]


@pytest.mark.parametrize(
    ("lines", "drop", "expected"),
    [
        # YAML reads unquoted codes as numbers or booleans: say what it read, and how to quote
        (
            'field: [0613, "0542"]\n',
            ("field",),
            "1:9: field item 1: expected an ISCED-F field code "
            '(write "0613" in quotes: without quotes, '
            "YAML reads 0613 as the number 395)",
        ),
        (
            "field: 0613\n",
            ("field",),
            '1:8: field: expected an ISCED-F field code (write "0613" in quotes',
        ),
        (
            "title:\n  en: 2027\n  de: Datenbanken\n",
            ("title",),
            "2:7: title.en: the 'en' text is not text (write \"2027\" in quotes: without quotes, "
            "YAML reads 2027 as a number)",
        ),
        # lists written as one text
        (
            "languages: en, de\n",
            ("languages",),
            "1:12: languages: 'en, de' is one text, not a list (write a list in square brackets: "
            "[en, de])",
        ),
        # names instead of codes
        (
            "languages: [English]\n",
            ("languages",),
            "1:13: languages item 1: unknown language 'English' (did you mean 'en'?)",
        ),
        (
            "languages: [Deutsch]\n",
            ("languages",),
            # a language's own name is known too
            "1:13: languages item 1: unknown language 'Deutsch' (did you mean 'de'?)",
        ),
        # a workload written as one value: what it counts goes on a line of its own
        (
            "workload: 80\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '80' (say what 80 "
            "counts, on a line of its own below 'workload:', indented: hours: 80 for hours of "
            "learning, or ects: 80 for ECTS credits)",
        ),
        (
            "workload: 5 ECTS\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '5 ECTS' (write "
            "ects: 5 on a line of its own below 'workload:', indented)",
        ),
        (
            "workload: 40 Stunden\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '40 Stunden' (write "
            "hours: 40 on a line of its own below 'workload:', indented)",
        ),
        (  # a unit abbreviated with a dot, as letters write it
            "workload: 40 hrs.\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '40 hrs.' (write "
            "hours: 40 on a line of its own below 'workload:', indented)",
        ),
        (  # hours are whole: a dot or comma before three digits groups thousands (not 1.0 h)
            "workload: 1.200 Std.\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '1.200 Std.' (write "
            "hours: 1200 on a line of its own below 'workload:', indented)",
        ),
        (
            "workload: 1,500 hours\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '1,500 hours' (write "
            "hours: 1500 on a line of its own below 'workload:', indented)",
        ),
        (  # hours are whole numbers: a fraction is rounded, which the model accepts
            "workload: 2,5 h\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '2,5 h' (write "
            "hours: 3 on a line of its own below 'workload:', indented; hours are whole "
            "numbers: 2.5 rounded)",
        ),
        (
            "workload: 2.5 hours\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '2.5 hours' (write "
            "hours: 3 on a line of its own below 'workload:', indented; hours are whole "
            "numbers: 2.5 rounded)",
        ),
        (  # less than half an hour is still at least an hour
            "workload: 0.4 h\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '0.4 h' (write "
            "hours: 1 on a line of its own below 'workload:', indented; hours are whole "
            "numbers: 0.4 rounded)",
        ),
        (  # a fraction without a unit: ECTS credits may have one, hours are rounded
            "workload: 7.5\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '7.5' (say what 7.5 "
            "counts, on a line of its own below 'workload:', indented: ects: 7.5 for ECTS "
            "credits, or hours: 8 for hours of learning, which are whole numbers)",
        ),
        (  # more than ECTS credits can be: hours of learning
            "workload: 200\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value '200' (write "
            "hours: 200 on a line of its own below 'workload:', indented, if 200 counts hours "
            "of learning; ECTS credits are at most 120)",
        ),
        (  # hours written under their key, with a fraction: rounded, as the model takes them
            "workload:\n  hours: 2.5\n",
            ("workload",),
            "2:10: workload.hours: 2.5 is not a whole number (write hours: 3, which is 2.5 "
            "rounded)",
        ),
        (  # a decimal comma in hours: not 'write a decimal point: hours: 2.5', refused next
            "workload:\n  hours: 2,5\n",
            ("workload",),
            "2:10: workload.hours: '2,5' is not a number (write hours: 3, which is 2.5 rounded)",
        ),
        (  # the parts of the hours are whole numbers too, and still add up to hours
            "workload:\n  hours: 40\n  guided_hours: 18\n  self_study_hours: 20\n"
            "  assessment_hours: 2,5\n",
            ("workload",),
            "5:21: workload.assessment_hours: '2,5' is not a number (write assessment_hours: "
            "3, which is 2.5 rounded: hours are whole numbers, and the parts still add up to "
            "hours)",
        ),
        (
            "workload:\n  hours: 40\n  guided_hours: 17.5\n  self_study_hours: 20\n"
            "  assessment_hours: 2\n",
            ("workload",),
            "3:17: workload.guided_hours: 17.5 is not a whole number (write guided_hours: 18, "
            "which is 17.5 rounded: hours are whole numbers, and the parts still add up to "
            "hours)",
        ),
        (
            "eqf: six\n",
            ("eqf",),
            "1:6: eqf: 'six' is not an EQF level (write the number alone: eqf: 6)",
        ),
        (
            "eqf: EQF 6\n",
            ("eqf",),
            "1:6: eqf: 'EQF 6' is not an EQF level (write the number alone: eqf: 6)",
        ),
        (
            "eqf: 6.5\n",
            ("eqf",),
            "1:6: eqf: 6.5 is not an EQF level (EQF levels are whole numbers 1–8)",
        ),
        (
            "published: 31.12.2026\n",
            (),
            "1:12: published: '31.12.2026' is not written as YYYY-MM-DD (write 2026-12-31)",
        ),
        (
            "published: 1. 2. 2026\n",
            (),
            "1:12: published: '1. 2. 2026' is not written as YYYY-MM-DD (write 2026-02-01)",
        ),
        (
            "published: 31-12-2026\n",
            (),
            "1:12: published: '31-12-2026' is not written as YYYY-MM-DD (write 2026-12-31)",
        ),
        (
            "published: 2026/12/31\n",
            (),
            "1:12: published: '2026/12/31' is not written as YYYY-MM-DD (write 2026-12-31)",
        ),
        (
            "published: 4 December 2026\n",
            (),
            "1:12: published: '4 December 2026' is not written as YYYY-MM-DD (write 2026-12-04)",
        ),
        (
            "published: Dec. 4th, 2026\n",
            (),
            "1:12: published: 'Dec. 4th, 2026' is not written as YYYY-MM-DD (write 2026-12-04)",
        ),
        (
            "published: 4. Dezember 2026\n",
            (),
            "1:12: published: '4. Dezember 2026' is not written as YYYY-MM-DD (write 2026-12-04)",
        ),
        (
            "published: 4 décembre 2026\n",
            (),
            "1:12: published: '4 décembre 2026' is not written as YYYY-MM-DD (write 2026-12-04)",
        ),
        # a two-digit year, as forms write one: the day first with dots, this century
        (
            "published: 15.02.26\n",
            (),
            "1:12: published: '15.02.26' has a two-digit year (write 2026-02-15: dates are "
            "YYYY-MM-DD)",
        ),
        (
            "published: 1.9.26\n",
            (),
            "1:12: published: '1.9.26' has a two-digit year (write 2026-09-01: dates are "
            "YYYY-MM-DD)",
        ),
        (
            "published: 31.02.26\n",
            (),
            "1:12: published: '31.02.26' is not a real date (check the day and the month: dates "
            "are YYYY-MM-DD)",
        ),
        (
            "published: 25/12/25\n",
            (),
            "1:12: published: '25/12/25' is not written as YYYY-MM-DD (write 2025-12-25)",
        ),
        (
            "published: 11/01/26\n",
            (),
            "1:12: published: '11/01/26' is ambiguous: day first it is 11 January 2026, month "
            "first 1 November 2026 (write 2026-01-11 or 2026-11-01, whichever is meant)",
        ),
        (
            "published: 4 de diciembre de 2026\n",
            (),
            "1:12: published: '4 de diciembre de 2026' is not written as YYYY-MM-DD "
            "(write 2026-12-04)",
        ),
        (
            "published: 4 grudnia 2026\n",
            (),
            "1:12: published: '4 grudnia 2026' is not written as YYYY-MM-DD (write 2026-12-04)",
        ),
        (
            "published: 4. března 2026\n",
            (),
            "1:12: published: '4. března 2026' is not written as YYYY-MM-DD (write 2026-03-04)",
        ),
        (
            "published: 4 maart 2026\n",
            (),
            "1:12: published: '4 maart 2026' is not written as YYYY-MM-DD (write 2026-03-04)",
        ),
        (
            "published: 31 February 2026\n",
            (),
            "1:12: published: '31 February 2026' is not a real date (check the day and the "
            "month: dates are YYYY-MM-DD)",
        ),
        (
            "published: 2026-09-01 10:00\n",
            (),
            "1:12: published: '2026-09-01 10:00' has a time of day (write the date alone: "
            "2026-09-01)",
        ),
        (
            "published: 2027-02-30T10:00\n",
            (),
            "1:12: published: '2027-02-30T10:00' has a time of day, and 2027-02-30 is not a real "
            "date (write the date alone, and check the day and the month: dates are YYYY-MM-DD)",
        ),
        ("duration: 12\n", (), "1:11: duration: '12' has no unit (write e.g. '12 weeks')"),
        (
            "duration: 12 Wochen\n",
            (),
            "1:11: duration: '12 Wochen' is not a duration (write "
            "'12 weeks': units are in English)",
        ),
        (
            "duration: 6 týdnů\n",
            (),
            "1:11: duration: '6 týdnů' is not a duration (write '6 weeks': units are in English)",
        ),
        (
            "duration: 1 tydzień\n",
            (),
            "1:11: duration: '1 tydzień' is not a duration (write '1 week': units are in English)",
        ),
        (
            "duration: 3 mesi\n",
            (),
            "1:11: duration: '3 mesi' is not a duration (write '3 months': units are in English)",
        ),
        ("mode:\n", ("mode",), "1:6: mode: 'mode' has no value (write a value after 'mode:')"),
        (
            "status:\n",
            (),
            "1:8: status: 'status' has no value (write a value after 'status:', or remove the key)",
        ),
        (
            "summary:\n",
            ("summary",),
            "1:9: summary: no text given (write the text after 'summary:')",
        ),
        (
            "summary: [Design, query]\n",
            ("summary",),
            "1:10: summary: expected one text, not a list (write 'summary: …', or one text per "
            "language: 'summary: {en: …, de: …}')",
        ),
        (
            "workload: a lot\n",
            ("workload",),
            "1:11: workload: 'workload' needs keys below it, not the value 'a lot' (keys allowed "
            "here: ects, hours, guided_hours, self_study_hours, assessment_hours, credit_system)",
        ),
        ("id: db\n", (), "1:1: id: remove this key: the file name gives the id"),
        (
            "id: dbs\n",
            (),
            "1:1: id: the id is the file name, 'db': remove this key (to use the "
            "id 'dbs', rename the file to dbs.yaml)",
        ),
    ],
)
def test_messages_say_what_was_written_and_how_to_fix_it(
    tmp_path: Path, lines: str, drop: tuple[str, ...], expected: str
) -> None:
    found = check_text(tmp_path, lines, drop=drop)
    assert len(found) == 1, found
    assert found[0].removeprefix("credentials/db.yaml:").startswith(expected), found


@pytest.mark.parametrize(
    "value", ["2,5 h", "2.5 hours", "0.4 h", "7.5", "1.200 Std.", "40 h", "200", "150.5"]
)
def test_a_workload_hint_followed_passes(tmp_path: Path, value: str) -> None:
    """Each key the hint of a workload written as one value suggests, written as suggested on
    a line of its own below 'workload:', is accepted (hours are whole numbers: 'hours: 2.5'
    was suggested, and refused)."""
    import re

    (hint,) = check_text(tmp_path / "one", f"workload: {value}\n", drop=("workload",))
    suggested = re.findall(r"\b(hours|ects): (\S+?)[;,)]? ", hint + " ")
    assert suggested, hint
    for key, number in suggested:
        fixed = f"workload:\n  {key}: {number}\n"
        assert check_text(tmp_path / f"{key}-{number}", fixed, drop=("workload",)) == []


@pytest.mark.parametrize(
    ("offering", "expected"),
    [
        (
            "{amount: 450 €}",
            "price.amount: '450 €' is not a number (write the number alone, "
            "amount: 450, and the currency as currency: EUR)",
        ),
        (
            "{amount: '1.234,50'}",
            "price.amount: '1.234,50' is not a number (write the number "
            "without separators: amount: 1234.50)",
        ),
        (
            "\n    amount: 2,5",
            "price.amount: '2,5' is not a number (write a decimal point: amount: 2.5)",
        ),
        (
            "{amount: 2,5}",
            "price.5: unknown key '5' (inside {…} a comma separates entries; "
            "write decimal numbers with a point, e.g. 2.5)",
        ),
        ("{amount: .nan}", "price.amount: '.nan' is not a number (write a plain number)"),
        (
            "{amount: 12.345}",
            "price.amount: 12.345 has more than 2 decimal places, or is 12345 with a dot that "
            "groups thousands (write 12345 without a thousands separator, or round it to "
            "cents, e.g. 12.35)",
        ),
        (
            "{amount: 1.200}",
            "price.amount: 1.200 is ambiguous: credcat reads it as 1.2, but where a dot groups "
            "thousands it is 1200 (write 1200 without a thousands separator, or 1.20 if that is "
            "the amount)",
        ),
        (
            "{amount: '1,5'}",
            "price.amount: '1,5' is not a number (write a decimal point: amount: 1.5)",
        ),
        (
            '{amount: "1,50 €"}',
            "price.amount: '1,50 €' is not a number (write the number alone, amount: 1.50, and "
            "the currency as currency: EUR)",
        ),
        (
            '{amount: "1.234,50 €"}',
            "price.amount: '1.234,50 €' is not a number (write the number alone, amount: "
            "1234.50, and the currency as currency: EUR)",
        ),
        (
            "{amount: '1 234,50'}",
            "price.amount: '1 234,50' is not a number (write the number without separators: "
            "amount: 1234.50)",
        ),
        (
            "{amount: 1.234.567}",
            "price.amount: '1.234.567' is not a number (write the number without separators: "
            "amount: 1234567)",
        ),
        (
            "{amount: 450, currency: €}",
            "price.currency: unknown currency '€' (did you mean 'EUR'?)",
        ),
        (
            "{amount: 4500, currency: Kč}",
            "price.currency: unknown currency 'Kč' (did you mean 'CZK'?)",
        ),
        (
            "{amount: 4500, currency: koruna}",
            "price.currency: unknown currency 'koruna' (did you mean 'CZK'?)",
        ),
        (
            "450 €",
            "price: 'price' needs keys below it, not the value '450 €' (write price: "
            "{amount: 450, currency: EUR})",
        ),
        (
            "1.200",
            "price: 'price' needs keys below it, not the value '1.200' (write price: "
            "{amount: 1200, currency: EUR}; or amount: 1.20)",
        ),
    ],
)
def test_prices(tmp_path: Path, offering: str, expected: str) -> None:
    lines = f"offerings:\n- id: spring\n  start: 2027-03-01\n  price: {offering}\n"
    found = check_text(tmp_path, lines)
    assert len(found) == 1, found
    assert found[0].split(": ", 1)[1] == "offering 1 ('spring') > " + expected


@pytest.mark.parametrize(
    ("price", "amount", "currency"),
    [
        ("1.234,50 €", "1234.50", "EUR"),  # Spain, Germany, Italy …: '.' groups, ',' decimals
        ("1 234,50 €", "1234.50", "EUR"),  # France, Sweden …: a space groups
        ("1\u00a0234,50 €", "1234.50", "EUR"),  # … or a no-break space
        ("1\u202f234,50 €", "1234.50", "EUR"),  # … or a narrow no-break space
        ("EUR 1,234.50", "1234.50", "EUR"),  # English: ',' groups, '.' decimals
        ("€ 1.234", "1234", "EUR"),  # a '.' before three digits groups thousands
        ("£1,250", "1250", "GBP"),
        ("$1,234,567.89", "1234567.89", "USD"),
        ("1.234.567,89 €", "1234567.89", "EUR"),
        ("CHF 1'234.50", "1234.50", "CHF"),  # Switzerland: an apostrophe groups
        ("1’234.5 Fr.", "1234.5", "CHF"),
        ("12,50 zł", "12.50", "PLN"),
        ("4 500 Kč", "4500", "CZK"),  # a currency's own sign, or its name
        ("4 500 korun", "4500", "CZK"),
        ("12 000 Ft", "12000", "HUF"),
        ("1.250 SEK", "1250", "SEK"),
        ("2,5 €", "2.5", "EUR"),
        ("ca. 450 EUR", "450", "EUR"),
        ("450", "450", "EUR"),  # no currency: the default
    ],
)
def test_a_price_written_as_one_text_gets_its_amount_read(
    tmp_path: Path, price: str, amount: str, currency: str
) -> None:
    """The hint for `price: 1.234,50 €` reads the number as the maintainer wrote it, in the
    European and English ways of grouping thousands and marking decimals."""
    lines = f'offerings:\n- id: spring\n  start: 2027-03-01\n  price: "{price}"\n'
    found = check_text(tmp_path, lines)
    assert len(found) == 1, found
    assert found[0].endswith(f"(write price: {{amount: {amount}, currency: {currency}}})")


@pytest.mark.parametrize("price", ["1.2345 €", "1.234.50 €", "12,34,567 €", "12, 50 €"])
def test_a_price_whose_number_fits_no_way_of_writing_gets_no_guess(
    tmp_path: Path, price: str
) -> None:
    lines = f"offerings:\n- id: spring\n  start: 2027-03-01\n  price: '{price}'\n"
    found = check_text(tmp_path, lines)
    assert len(found) == 1, found
    assert found[0].endswith(
        "(write price: {amount: …, currency: EUR} with the amount as a plain number, e.g. 1250.50)"
    )


def test_lone_dash_and_yes_no_words(tmp_path: Path) -> None:
    found = check_text(tmp_path, "links:\n-\n")
    assert found == [
        "credentials/db.yaml:2:2: links item 1: this list item is empty (remove the "
        "lone '-', or write the item after it)"
    ]
    lines = (
        "assessments:\n- id: project\n  type: project-work\n  proves: [design, query]\n"
        "  description: {en: A project., de: Ein Projekt.}\n  identity_check: ja\n"
    )
    found = check_text(tmp_path, lines, drop=("assessments",))
    assert found == [
        "credentials/db.yaml:6:19: assessment 1 ('project') > identity_check: 'ja' is not "
        "true or false (write true or false)"
    ]


def test_organisation_messages_show_no_patterns(tmp_path: Path) -> None:
    found = check_text(
        tmp_path,
        "phone: 0621 / 555-0100 (Zentrale)\nlogo: ../logo.png\ncountry: Germany\n",
        drop=("country",),
        folder="organisations",
    )
    assert found == [
        "organisations/alpha-uni.yaml:1:8: phone: '0621 / 555-0100 (Zentrale)' is not a phone "
        "number (write it in international form with digits, spaces and + ( ) - / . only, "
        'e.g. "+49 621 555 0100")',
        "organisations/alpha-uni.yaml:2:7: logo: '../logo.png' is not a path to an image "
        "inside the catalogue folder (write e.g. logos/uni.svg: letters, digits, '-' and '_', "
        "ending in .png, .svg, .jpg or .webp)",
        "organisations/alpha-uni.yaml:3:10: country: unknown country 'Germany' (did you mean "
        "'DE'?)",
    ]
    found = check_text(
        tmp_path,
        "country: NO\naddress: {city: Oslo, postcode: 0150, country: 'NO'}\n",
        drop=("country",),
        folder="organisations",
    )
    assert found == [
        'organisations/alpha-uni.yaml:1:10: country: expected a country code (write "NO" in '
        "quotes: without quotes, YAML reads NO as false)",
        'organisations/alpha-uni.yaml:2:33: address.postcode: expected text (write "0150" in '
        "quotes: without quotes, YAML reads 0150 as the number 104)",
    ]


def test_text_problems_point_at_the_language(tmp_path: Path) -> None:
    found = check_text(tmp_path, "title:\n  en: Databases\n  qq: Datenbanken\n", drop=("title",))
    assert found == [
        "credentials/db.yaml:3:3: title.qq: 'qq' is not a language code "
        "(use two-letter codes such as en, de)"
    ]
    found = check_text(
        tmp_path, "title:\n  en: [Data, bases]\n  de: Datenbanken\n", drop=("title",)
    )
    assert found == [
        "credentials/db.yaml:2:7: title.en: the 'en' text is a list (write one "
        "text; for several paragraphs use '|' and indented lines)"
    ]


def test_catalogue_languages_as_one_text(tmp_path: Path) -> None:
    settings = {
        "title": "T",
        "publisher": "alpha-uni",
        "base_uri": "https://x.example/",
        "languages": "English, German",
    }
    found = errors(run(tmp_path, {"db": credential()}, settings=settings))
    assert found == [
        "catalogue.yaml:4:12: languages: 'English, German' is one text, not a list "
        "(write a list in square brackets: [en, de])"
    ]
    settings["languages"] = "en"  # a single language is fine
    assert errors(run(tmp_path, {"db": credential()}, settings=settings)) == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://bank.example@evil.example/", "names a user before the host"),
        ("https://a.example\\@b.example/", "invisible, control or backslash characters"),
        # every text, URLs included, is refused by the loader: credcat.limits.REFUSED_CHARS
        ("https://x.example/\u202egnp.exe", "invisible character U+202E"),
        ("https://x.example/\x1b[2J", "invisible character U+001B (ESC)"),
    ],
)
def test_deceptive_addresses_are_refused(tmp_path: Path, url: str, message: str) -> None:
    found = errors(run(tmp_path, {"db": credential(homepage=url)}))
    assert any("homepage:" in m and message in m for m in found), found


@pytest.mark.parametrize(
    "url", ["https://münchen.example/kurs", "https://x.example/a@b", "https://x.example?u=a@b"]
)
def test_ordinary_addresses_pass(tmp_path: Path, url: str) -> None:
    assert errors(run(tmp_path, {"db": credential(homepage=url)})) == []


def test_windows_device_names_are_not_ids(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[0]["id"] = "con"
    assessments = credential()["assessments"]
    assessments[0]["proves"] = ["con", "query"]
    found = errors(run(tmp_path, {"db": credential(outcomes=outcomes, assessments=assessments)}))
    assert any("Windows reserves it as a device name" in m for m in found), found


def test_problems_print_no_terminal_escapes(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(version="1\x1b[2J")})
    _, problems = check_catalogue(root, display_root=root)
    shown = [p.format() for p in problems] + [p.format_github() for p in problems]
    assert shown and not any("\x1b" in line for line in shown)
    # the loader refuses the text and names the character instead of quoting it
    assert any("version: " in line and "U+001B (ESC)" in line for line in shown)


def test_formal_credential_without_nqf_is_a_warning(tmp_path: Path) -> None:
    data = credential()
    del data["nqf"]
    problems = run(tmp_path, {"db": data})
    assert errors(problems) == []
    found = warnings(problems)
    assert len(found) == 1
    assert "setting: a formal credential without an NQF level: Europass lists" in found[0]
    assert "add `nqf:`" in found[0]


def test_non_formal_credential_without_nqf_is_fine(tmp_path: Path) -> None:
    data = credential(setting="non-formal")
    del data["nqf"]
    assert run(tmp_path, {"db": data}) == []


def test_a_load_not_kept_lets_the_rules_memos_go(tmp_path: Path) -> None:
    """Outside ``mkdocs serve`` the rules keep nothing per credential once they ran (about
    4 KB each); a load kept for the next one (serve's cache) keeps it, and what the memo
    answers is the same either way."""
    from credcat import rules
    from credcat.validate import LoadCache, load_catalogue

    root = write_catalogue(
        tmp_path / "catalogue", {"alpha": credential(), "beta": credential(summary={"en": "B"})}
    )
    once = load_catalogue(root)
    assert len(rules._text_survey) == len(rules._vague_outcomes) == 0
    kept = load_catalogue(root, cache=LoadCache())
    assert len(rules._text_survey) == len(kept.credentials) == 2
    assert len(rules._vague_outcomes) == 2
    assert rules.translation_completeness(once) == rules.translation_completeness(kept)
    assert rules.translation_completeness(once)["en"][1] > 0


def test_what_a_page_would_not_show_as_written_is_a_warning(tmp_path: Path) -> None:
    """A link a Markdown text would lose (javascript:, data:, a relative or www. address), an
    HTML tag in any text (shown as text), a text in a language the catalogue does not offer:
    each is named where it is, as a warning (the build goes on; --strict stops it). Code in
    backticks, full http(s) and mailto links, and words in angle brackets that are no HTML
    (``List<String>``) are fine."""
    cred = credential(
        summary={"en": "Read <b>this</b> about List<String>.", "de": "Eine Zusammenfassung."},
        description={
            "en": "See [the course](https://ok.example/), [mail](mailto:a@b.example), "
            "[this](javascript:alert(1)) and <script>alert(1)</script>; `<b>` is code.",
            "de": "Eine **Beschreibung** mit [Bild](data:image/png;base64,AAAA) und "
            "[Seite](www.example.org).",
            "it": "Una descrizione.",
        },
    )
    found = [p for p in run(tmp_path, {"databases": cred}) if not p.is_error]
    said = sorted((p.loc, p.code, p.message) for p in found)
    assert [(loc, code) for loc, code, _ in said] == [
        (("description", "de"), "link-scheme"),
        (("description", "de"), "link-scheme"),
        (("description", "en"), "html-in-text"),
        (("description", "en"), "link-scheme"),
        (("description", "it"), "text-language"),
        (("summary", "en"), "html-in-text"),
    ]
    messages = [message for *_, message in said]
    assert messages[3] == (
        "the link to 'javascript:alert(1)' is left out of the page: a link leads to a full "
        "http, https or mailto address"
    )
    assert any("'www.example.org'" in m for m in messages[:2])
    assert messages[2] == "the tag <script> is shown as text, not as HTML: this text is Markdown"
    assert messages[5] == "the tag <b> is shown as text, not as HTML: this text is shown as written"
    language = next(p for p in found if p.code == "text-language")
    assert "a language the catalogue does not offer" in language.message
    assert language.hint == "add 'it' to languages in catalogue.yaml, or remove the 'it' texts"
    assert all(p.line > 0 for p in found)


def test_a_link_a_page_leaves_out_is_named_where_it_is_with_its_fix(tmp_path: Path) -> None:
    """Each link a Markdown text would lose is named at its own line and column in a literal
    or folded block (``|``: the line of the block + 1 + its line in the text), in the
    order of the text, with its whole target (parentheses balanced, as Markdown reads it),
    and with the address it stands for where that follows from what is written. In a plain
    or quoted text it is named at the text. A link in a code span is code, not a link."""
    root = write_catalogue(tmp_path / "c", {"db": credential(description="DESCRIPTION")})
    path = root / "credentials" / "db.yaml"
    path.write_text(
        path.read_text().replace(
            "description: DESCRIPTION",
            "description:\n"
            "  en: |\n"
            "    Text.\n"
            "    [guide](/guide) and [x](javascript:alert(document.cookie))"
            " and [y](data:text/html,abc)\n"
            "\n"
            "      See [the site](www.uwavre.be/dlw), `[code](javascript:x)`"
            " and [mail](info@uwavre.be).\n"
            "  de: 'Siehe [Seite](https:/www.example.org) und [Tel](tel:+49301234).'\n"
            "further_information:\n"
            "  en: >\n"
            "    Folded text,\n"
            "    with [a page](https://a.example/my page)\n"
            "    and [a file](guide.pdf).\n"
            "  de: Weiteres.\n",
        )
    )
    _, problems = check_catalogue(root, display_root=root)
    where = "credentials/db.yaml"
    left_out = "is left out of the page: a link leads to a full http, https or mailto address"
    assert [p.format() for p in problems if p.code == "link-scheme"] == [
        f"{where}:52:13: warning: description.en: the link to '/guide' {left_out} (write the "
        "full address, e.g. https://credentials.test.example/guide for a page of this "
        "catalogue's site)",
        f"{where}:52:29: warning: description.en: the link to "
        f"'javascript:alert(document.cookie)' {left_out} (remove the link, or point it at a "
        "web page: https://…)",
        f"{where}:52:72: warning: description.en: the link to 'data:text/html,abc' {left_out} "
        "(remove the link, or point it at a web page: https://…)",
        f"{where}:54:22: warning: description.en: the link to 'www.uwavre.be/dlw' {left_out} "
        "(write the full address: https://www.uwavre.be/dlw)",
        f"{where}:54:76: warning: description.en: the link to 'info@uwavre.be' {left_out} "
        "(write mailto: before an e-mail address: mailto:info@uwavre.be)",
        f"{where}:55:7: warning: description.de: the link to 'https:/www.example.org' "
        f"{left_out} (write the full address: https://www.example.org)",
        f"{where}:55:7: warning: description.de: the link to 'tel:+49301234' {left_out} "
        "(write the phone number as text)",
        f"{where}:59:19: warning: further_information.en: the link to "
        f"'https://a.example/my page' {left_out} (write the full address: "
        "https://a.example/my%20page)",
        f"{where}:60:18: warning: further_information.en: the link to 'guide.pdf' {left_out} "
        "(write the full address, e.g. [text](https://www.example.org/page))",
    ]


def test_numbers_beyond_reason_are_refused_with_their_limit(tmp_path: Path) -> None:
    """A mistyped number of places or duration is named with the limit, not published (a
    JSON reader holds whole numbers exactly only up to 2**53)."""
    cred = credential(duration="99999999999 years")
    cred["offerings"] = [{"id": "run", "start": "2027-01-04", "places": 10**32}]
    found = {p.field: p for p in run(tmp_path, {"databases": cred}) if p.is_error}
    assert found["duration"].message == (
        "'99999999999 years' is too long a duration: at most 9999 of a unit"
    )
    assert found["offering 1 ('run') > places"].message == (
        f"{10**32} is too large: the maximum is 1000000"
    )


def test_one_organisation_in_two_files_is_a_warning(tmp_path: Path) -> None:
    """Two organisation files with the same name (in any language, any case) or homepage
    (with or without www and the last slash): the later one is warned about, naming the
    first, once."""
    copy = {
        **ORGANISATIONS["alpha-uni"],
        "name": {"en": "ALPHA  University", "de": "Alpha-Universität"},
    }
    same_home = {
        **ORGANISATIONS["alpha-uni"],
        "name": {"en": "Alpha Institute"},
        "homepage": "https://www." + ORGANISATIONS["alpha-uni"]["homepage"].split("://")[1],
    }
    found = run(
        tmp_path,
        {"databases": credential()},
        organisations={**ORGANISATIONS, "alpha-uni-2": copy, "zeta-institute": same_home},
    )
    copies = {p.path: p for p in found if p.code == "organisation-copy"}
    assert sorted(copies) == ["organisations/alpha-uni-2.yaml", "organisations/zeta-institute.yaml"]
    assert copies["organisations/alpha-uni-2.yaml"].message == (
        "the same name as organisations/alpha-uni.yaml: one organisation in two files?"
    )
    assert copies["organisations/zeta-institute.yaml"].message.startswith(
        "the same homepage as organisations/alpha-uni.yaml"
    )
    assert all(not p.is_error and p.line > 0 for p in copies.values())


def test_a_file_with_mistakes_of_its_own_gets_its_unknown_organisations_too(
    tmp_path: Path,
) -> None:
    """Every problem at once: a credential file that fails its own checks (a misspelt key, a
    bad date) had its organisation typos reported only after those were mended."""
    data = credential(awarding_body="alpha-unii", sumary="typo", eqf=12)
    data["quality_assurance"][0]["body"] = "beta-qaa"
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    _catalogue, problems = check_catalogue(root, display_root=root)
    said = [p.format() for p in problems]
    assert any("sumary" in m for m in said), said
    assert any("eqf:" in m for m in said), said
    unknown = [p for p in problems if p.code == "unknown-organisation"]
    assert [(p.field, p.message) for p in unknown] == [
        ("awarding_body", "unknown organisation 'alpha-unii'"),
        ("quality_assurance item 1 > body", "unknown organisation 'beta-qaa'"),
    ], said
    assert all(p.line > 0 for p in unknown)


def test_a_file_with_mistakes_of_its_own_gets_its_id_mistakes_too(tmp_path: Path) -> None:
    """Every problem at once: a credential file that fails its own checks (a language code)
    had its duplicate ids and the outcomes its assessments name by mistake reported only after
    that was mended; they are now reported with it, as the rules word them, and once."""
    data = credential(languages=["en", "en-GB"])
    data["outcomes"][1]["id"] = data["outcomes"][0]["id"]
    first = data["outcomes"][0]["id"]
    data["assessments"][0]["proves"] = [f"{first}x"]
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    _catalogue, problems = check_catalogue(root, display_root=root)
    said = [p.format() for p in problems]
    assert any("en-GB" in m for m in said), said
    duplicate = [p for p in problems if p.code == "duplicate-id"]
    assert [(p.field, p.message) for p in duplicate] == [
        (f"outcome 2 ('{first}') > id", f"duplicate id '{first}' (also outcome 1 ('{first}'))")
    ]
    unknown = [p for p in problems if p.code == "unknown-outcome"]
    assert [(p.field, p.message, p.hint) for p in unknown] == [
        (
            "assessment 1 ('project') > proves item 1",
            f"unknown outcome '{first}x'",
            f"did you mean '{first}'?",
        )
    ]
    assert all(p.line > 0 for p in duplicate + unknown)
    # once the file is right otherwise, the rules say the same, once
    data["languages"] = ["en"]
    root = write_catalogue(tmp_path / "d", credentials={"databases": data})
    _catalogue, problems = check_catalogue(root, display_root=root)
    assert [p.code for p in problems if p.code == "duplicate-id"] == ["duplicate-id"]


# --- logos ----------------------------------------------------------------------------------

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005ff02fea7b0e3a20000000049454e44ae426082"
)
LEFT_OUT = "until then pages show the name without the logo"


def check_logo(tmp_path: Path, name: str, content: bytes) -> list[str]:
    """The problems of a catalogue whose awarding body's logo is ``logos/<name>``."""
    organisations = {
        **ORGANISATIONS,
        "alpha-uni": {**ORGANISATIONS["alpha-uni"], "logo": f"logos/{name}"},
    }
    root = write_catalogue(tmp_path / "c", organisations=organisations)
    (root / "logos").mkdir(exist_ok=True)
    (root / "logos" / name).write_bytes(content)
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "uwavre.svg",
            SVG.removesuffix(b"</svg>"),
            "logos/uwavre.svg is not a well-formed SVG: the file ends before <svg> is closed "
            f"(line 1, column 71) (add </svg> at its end, or export the logo again from the "
            f"drawing program; {LEFT_OUT})",
        ),
        (
            "uwavre.svg",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>\n',
            "logos/uwavre.svg is not a well-formed SVG: the closing tag at line 4, column 3 does "
            "not close <g>, the element open there (close each element in the order they were "
            f"opened, or export the logo again from the drawing program; {LEFT_OUT})",
        ),
        (
            "uwavre.svg",
            b'<svg width="10"><rect/></svg>',
            'logos/uwavre.svg is not an SVG image: its <svg> element has no xmlns="http://www.w3'
            '.org/2000/svg", so browsers do not show it as a picture (write <svg xmlns="http://'
            f'www.w3.org/2000/svg" …>; {LEFT_OUT})',
        ),
        (
            "uwavre.svg",
            b"<!DOCTYPE svg><svg xmlns='http://www.w3.org/2000/svg'/>",
            "logos/uwavre.svg declares a DOCTYPE or entities, which an SVG logo must not (an "
            "entity can make a small file grow without end) (remove the <!DOCTYPE …> "
            f"declaration (a plain SVG export has none); {LEFT_OUT})",
        ),
        (
            "uwavre.svg",
            PNG,
            "logos/uwavre.svg is not an SVG image: its first bytes are those of a PNG image "
            f"(rename the file to logos/uwavre.png and write logo: logos/uwavre.png; {LEFT_OUT})",
        ),
        (
            "uwavre.png",
            b"Logo of the University of Wavre\n",
            "logos/uwavre.png is not a PNG image: its first bytes are 'Logo of the Univ'… (save "
            f"the logo again as PNG; {LEFT_OUT})",
        ),
        (
            "uwavre.png",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
            "logos/uwavre.png is not a PNG image: its first bytes are those of a JPEG image "
            f"(rename the file to logos/uwavre.jpg and write logo: logos/uwavre.jpg; {LEFT_OUT})",
        ),
        (
            "uwavre.jpg",
            b"GIF89a\x01\x00\x01\x00",
            "logos/uwavre.jpg is not a JPEG image: its first bytes are those of a GIF image (save "
            f"the logo as JPEG; {LEFT_OUT})",
        ),
        (
            "uwavre.webp",
            SVG,
            "logos/uwavre.webp is not a WebP image: its first bytes are those of an SVG image "
            f"(rename the file to logos/uwavre.svg and write logo: logos/uwavre.svg; {LEFT_OUT})",
        ),
        (
            "uwavre.png",
            bytes(range(10)),
            "logos/uwavre.png is not a PNG image: its first bytes are 00 01 02 03 04 05 06 07 … "
            f"(save the logo again as PNG; {LEFT_OUT})",
        ),
        (
            "uwavre.png",
            b"",
            f"logos/uwavre.png is an empty file (save the logo again as PNG, or copy the file "
            f"again; {LEFT_OUT})",
        ),
    ],
)
def test_a_logo_the_site_leaves_out_is_a_warning_that_says_why(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    """A logo that is not well-formed SVG, or not the image its name says, was left out of the
    site without a word: ``credcat check --strict`` said OK. It is a warning at the logo's
    line, naming the file and what is wrong with it."""
    assert check_logo(tmp_path, name, content) == [
        f"organisations/alpha-uni.yaml:7:7: warning: logo: {expected}"
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("uni.svg", SVG),
        ("uni.svg", b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- drawn -->\n" + SVG),
        ("uni.svg", SVG.decode().encode("utf-16")),
        ("uni.png", PNG),
        ("uni.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        ("uni.jpeg", b"\xff\xd8\xff\xdb\x00\x43"),
        ("uni.webp", b"RIFF\x1a\x00\x00\x00WEBPVP8L"),
    ],
)
def test_a_logo_that_is_the_image_its_name_says_passes(
    tmp_path: Path, name: str, content: bytes
) -> None:
    assert check_logo(tmp_path, name, content) == []


def test_a_broken_logo_fails_a_strict_check(tmp_path: Path) -> None:
    organisations = {
        **ORGANISATIONS,
        "alpha-uni": {**ORGANISATIONS["alpha-uni"], "logo": "logos/uwavre.svg"},
    }
    root = write_catalogue(tmp_path / "c", organisations=organisations)
    (root / "logos").mkdir()
    (root / "logos" / "uwavre.svg").write_bytes(SVG.removesuffix(b"</svg>"))
    out = io.StringIO()
    assert main(["check", "--strict", str(root)], out=out) == 1
    assert "logos/uwavre.svg is not a well-formed SVG" in out.getvalue()


# --- hints that name what the catalogue has: a Belgian university, in French and Dutch --------

WAVRE_SETTINGS = {
    "title": {"fr": "Microcertificats", "nl": "Microcredentials"},
    "publisher": "universite-wavre",
    "base_uri": "https://credentials.uwavre.be/",
    "default_language": "fr",
    "languages": ["fr", "nl"],
}
WAVRE = {
    "name": {"fr": "Université de Wavre", "nl": "Universiteit Waver"},
    "short_name": "UWavre",
    "kind": "university",
    "country": "BE",
    "homepage": "https://www.uwavre.be/",
}


def _in_french_and_dutch(value: Any) -> Any:
    """A factory value with its en/de texts as fr/nl ones."""
    if isinstance(value, dict):
        if set(value) == {"en", "de"}:
            return {"fr": value["en"], "nl": value["de"]}
        return {k: _in_french_and_dutch(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_french_and_dutch(v) for v in value]
    return value


def check_wavre(
    tmp_path: Path,
    credential_text: str = "",
    organisation_text: str = "",
    settings_text: str = "",
) -> list[str]:
    """The problems of the Université de Wavre's catalogue (fr, nl) where the credential file
    ``credentials/db.yaml`` begins with ``credential_text``, the organisation file
    ``organisations/universite-wavre.yaml`` with ``organisation_text`` and ``catalogue.yaml``
    with ``settings_text``, each replacing the keys of the valid file that it writes."""
    import yaml

    def text(lines: str, data: dict[str, Any]) -> str:
        written = yaml.safe_load(lines) or {}
        rest = {k: v for k, v in data.items() if k not in written}
        return lines + yaml.safe_dump(rest, allow_unicode=True, sort_keys=False)

    cred = _in_french_and_dutch(
        credential(awarding_body="universite-wavre", languages=["fr"], nqf="CFC Level 6")
    )
    root = write_catalogue(
        tmp_path / "c",
        credentials={"db": text(credential_text, cred)},
        organisations={
            "universite-wavre": text(organisation_text, WAVRE),
            "beta-qa": {**ORGANISATIONS["beta-qa"], "country": "BE"},
        },
        settings=text(settings_text, WAVRE_SETTINGS),  # type: ignore[arg-type]
    )
    _, problems = check_catalogue(root, display_root=root)
    return [p.format() for p in problems]


def test_the_catalogue_of_the_hints_is_valid(tmp_path: Path) -> None:
    assert check_wavre(tmp_path) == []


@pytest.mark.parametrize("written", ["Belgique", "België", "Belgien", "belgium", "BELGIQUE"])
def test_a_country_written_by_its_name_in_any_language_gets_its_code(
    tmp_path: Path, written: str
) -> None:
    """'Belgium' got "did you mean 'BE'?", 'Belgique' examples of other countries (DE, PT,
    SI): a country is known by its name in every language CLDR names it in."""
    assert check_wavre(tmp_path, organisation_text=f"country: {written}\n") == [
        f"organisations/universite-wavre.yaml:1:10: country: unknown country '{written}' (did "
        "you mean 'BE'?)"
    ]


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Berufsschule", "vet-school"),
        ("École professionnelle", "vet-school"),
        ("VET school", "vet-school"),
        ("Hochschule", "university"),
        ("Bildungsanbieter", "training-provider"),
        ("Behörde", "public-authority"),
    ],
)
def test_a_kind_of_organisation_written_by_its_name_gets_its_code(
    tmp_path: Path, written: str, kind: str
) -> None:
    """A course designer writes the kind as the pages name it in their language: the name
    the interface gives a kind, in any of its languages, is that kind ("Berufsschule" got the
    list of the nine kinds)."""
    assert check_wavre(tmp_path, organisation_text=f"kind: {written}\n") == [
        f"organisations/universite-wavre.yaml:1:7: kind: '{written}' is not allowed here (did "
        f"you mean '{kind}'?)"
    ]


def test_a_country_one_letter_off_gets_its_code(tmp_path: Path) -> None:
    assert check_wavre(tmp_path, organisation_text="country: Belgum\n") == [
        "organisations/universite-wavre.yaml:1:10: country: unknown country 'Belgum' (did you "
        "mean 'BE'?)"
    ]


def test_an_unknown_country_gets_examples_from_the_catalogue(tmp_path: Path) -> None:
    """No fixed examples (DE for Germany, PT for Portugal, SI for Slovenia): an organisation's
    file gets the countries where the catalogue's languages are spoken (Belgium, where French
    and Dutch both are, first), a credential's the countries of the catalogue's
    organisations."""
    found = check_wavre(
        tmp_path,
        credential_text="offerings:\n- {id: a, start: 2027-03-01, location: {city: Wavre, "
        "country: Wallonie}}\n",
        organisation_text="country: Wallonie\n",
    )
    assert found == [
        "credentials/db.yaml:2:63: offering 1 ('a') > location.country: unknown country "
        "'Wallonie' (write the two-letter code: BE for Belgium)",
        "organisations/universite-wavre.yaml:1:10: country: unknown country 'Wallonie' (write "
        "the two-letter code: BE for Belgium, FR for France, NL for Netherlands)",
    ]


@pytest.mark.parametrize(
    "written", ["vlaams", "Flemish", "flamand", "néerlandais", "neerlandais", "Nederlands"]
)
def test_a_language_written_by_its_name_in_any_language_gets_its_code(
    tmp_path: Path, written: str
) -> None:
    """'vlaams' got "write the two-letter code: en for English, de for German, fr for
    French": languages are known by CLDR's names in every language, a regional variety's
    (Flemish) too."""
    assert check_wavre(tmp_path, credential_text=f"languages: [fr, {written}]\n") == [
        f"credentials/db.yaml:1:17: languages item 2: unknown language '{written}' (did you "
        "mean 'nl'?)"
    ]


def test_an_unknown_language_gets_the_catalogues_languages_as_examples(tmp_path: Path) -> None:
    assert check_wavre(tmp_path, credential_text="languages: [fr, klingon]\n") == [
        "credentials/db.yaml:1:17: languages item 2: unknown language 'klingon' (write the "
        "two-letter code: fr for French, nl for Dutch)"
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "Université de Wavre",
            " item 1: 'Université de Wavre' is the name of an organisation, not its id (did "
            "you mean 'universite-wavre' (Université de Wavre)?)",
        ),
        (
            "Universiteit Waver",
            " item 1: 'Universiteit Waver' is the name of an organisation, not its id (did "
            "you mean 'universite-wavre' (Universiteit Waver)?)",
        ),
        (
            "Universite Wavre",
            " item 1: 'Universite Wavre' is not an id: ids are written in lowercase, with "
            "hyphens (did you mean 'universite-wavre' (Université de Wavre)?)",
        ),
        (
            "Université de Liège",
            " item 1: 'Université de Liège' is not an organisation id: use lowercase letters, "
            "digits and single hyphens (name the organisation by its id, the name of its file "
            "in organisations/ without .yaml)",
        ),
        # an id: the rules', which know the names too
        ("uwavre", ": unknown organisation 'uwavre' (did you mean 'universite-wavre' (UWavre)?)"),
        (
            "universite-de-wavre",
            ": unknown organisation 'universite-de-wavre' (did you mean 'universite-wavre' "
            "(Université de Wavre)?)",
        ),
    ],
)
def test_an_organisation_named_by_its_name_gets_its_id(
    tmp_path: Path, written: str, expected: str
) -> None:
    """`awarding_body: Université de Wavre` got "did you mean 'universite-de-wavre'?", an id
    no organisation has; the organisation of that name (in any of its languages) is
    'universite-wavre'."""
    assert check_wavre(tmp_path, credential_text=f"awarding_body: {written}\n") == [
        f"credentials/db.yaml:1:16: awarding_body{expected}"
    ]


def test_a_publisher_named_by_its_name_gets_its_id(tmp_path: Path) -> None:
    assert check_wavre(tmp_path, settings_text="publisher: Université de Wavre\n") == [
        "catalogue.yaml:1:12: publisher: 'Université de Wavre' is the name of an organisation, "
        "not its id (did you mean 'universite-wavre' (Université de Wavre)?)"
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("www.uwavre.be", "(write https://www.uwavre.be)"),
        ("uwavre.be/fr/", "(write https://uwavre.be/fr/)"),
        ("ftp://uwavre.be", "(write a full address starting with https://)"),
        ("uwavre", "(write a full address starting with https://)"),
    ],
)
def test_an_address_without_https_gets_the_address_to_write(
    tmp_path: Path, written: str, expected: str
) -> None:
    assert check_wavre(tmp_path, organisation_text=f"homepage: {written}\n") == [
        f"organisations/universite-wavre.yaml:1:11: homepage: '{written}' is not an allowed "
        f"http(s) address {expected}"
    ]


def test_a_link_to_an_e_mail_address_gets_its_mailto(tmp_path: Path) -> None:
    found = check_wavre(
        tmp_path, credential_text="links:\n- {title: Contact, url: info@uwavre.be}\n"
    )
    assert found == [
        "credentials/db.yaml:2:25: links item 1 > url: 'info@uwavre.be' is not an allowed "
        "http(s) or mailto address (write mailto:info@uwavre.be)"
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "catalogue@uwavre",
            "'catalogue@uwavre' is not an e-mail address (write the whole domain after '@', "
            "with its ending, such as .be or .org)",
        ),
        (
            "catalogue uwavre.be",
            "'catalogue uwavre.be' is not an e-mail address (write it as name@domain, e.g. "
            "info@example.org)",
        ),
    ],
)
def test_an_e_mail_address_that_is_not_one_is_quoted(
    tmp_path: Path, written: str, expected: str
) -> None:
    """ "expected an e-mail address such as info@example.org" did not say what was written."""
    assert check_wavre(tmp_path, settings_text=f"contact: {written}\n") == [
        f"catalogue.yaml:1:10: contact: {expected}"
    ]


def test_a_kept_load_gives_the_hints_of_the_organisations_as_they_are_now(
    tmp_path: Path,
) -> None:
    """Under ``mkdocs serve`` an unchanged credential file keeps its problems from one load to
    the next, but its hints name the organisations: renaming one changes them."""
    from credcat.validate import LoadCache

    check_wavre(tmp_path, credential_text="awarding_body: Universiteit Waver\n")
    root = tmp_path / "c"
    cache = LoadCache()
    _, problems = check_catalogue(root, display_root=root, cache=cache)
    assert [p.hint for p in problems] == ["did you mean 'universite-wavre' (Universiteit Waver)?"]
    organisation = root / "organisations" / "universite-wavre.yaml"
    text = organisation.read_text("utf-8").replace("nl: Universiteit Waver", "nl: UWaver")
    organisation.write_text(text, "utf-8")
    _, problems = check_catalogue(root, display_root=root, cache=cache)
    # no longer a name of it: the id it is close to, with the name of the organisation
    assert [p.hint for p in problems] == ["did you mean 'universite-wavre' (Université de Wavre)?"]


def test_an_organisation_in_a_country_without_a_known_time_zone_gets_a_note(
    tmp_path: Path,
) -> None:
    """The machine files write an organisation's days with its country's offset
    (``COUNTRY_ZONES``); outside the table they are in UTC, which ``credcat check`` notes at
    the country that decides it (the address's, else ``country``), and ``--strict`` passes."""
    organisations = {
        **ORGANISATIONS,
        "gamma-college": {
            **ORGANISATIONS["alpha-uni"],
            "name": "Gamma College",
            "homepage": "https://gamma.example/",
            "country": "US",
        },
        "delta-institute": {
            **ORGANISATIONS["beta-qa"],
            "name": "Delta Institute",
            "homepage": "https://delta.example/",
            "address": {"city": "Toronto", "country": "CA"},
        },
        "epsilon-office": {  # registered outside the table, its address inside: Berlin time
            **ORGANISATIONS["alpha-uni"],
            "name": "Epsilon Office",
            "homepage": "https://epsilon.example/",
            "country": "US",
            "address": {"city": "Berlin", "country": "DE"},
        },
    }
    found = run(tmp_path, {"databases": credential()}, organisations=organisations)
    notes = {p.path: p for p in found if p.code == "utc-days"}
    assert sorted(notes) == [
        "organisations/delta-institute.yaml",
        "organisations/gamma-college.yaml",
    ]
    assert all(p.severity.value == "note" and not p.is_error for p in notes.values())
    assert [p.code for p in found] == ["utc-days", "utc-days"]  # nothing else
    college = notes["organisations/gamma-college.yaml"]
    text = (tmp_path / "c" / college.path).read_text("utf-8").splitlines()
    assert text[college.line - 1].startswith("country: US")
    assert college.field == "country"
    assert college.message.startswith(
        "credcat does not know the time zone of US (United States): the machine-readable files "
        "write this organisation's days"
    )
    assert "in UTC" in college.message and "not in its local time" in college.message
    assert "COUNTRY_ZONES" in college.hint and "ask for US" in college.hint
    institute = notes["organisations/delta-institute.yaml"]
    text = (tmp_path / "c" / institute.path).read_text("utf-8").splitlines()
    assert text[institute.line - 1].strip() == "country: CA"
    assert institute.field == "address.country"
    out = io.StringIO()
    assert main(["check", "--strict", str(tmp_path / "c")], out=out) == 0, out.getvalue()
    said = out.getvalue()
    assert f"{institute.path}:{institute.line}:{institute.column}: note: address.country: " in said
    assert "credcat does not know the time zone of CA (Canada)" in said
    assert "0 errors, 0 warnings, 2 notes" in said


def test_the_countries_with_a_time_zone_get_no_note(tmp_path: Path) -> None:
    found = run(tmp_path, {"databases": credential()})
    assert ORGANISATIONS["alpha-uni"]["country"] in COUNTRY_ZONES
    assert not [p for p in found if p.code == "utc-days"]
