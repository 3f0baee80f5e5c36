"""Time-aware checks (one clock, ``SOURCE_DATE_EPOCH``) and how problems name fields and dates."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import credential, write_catalogue
from credcat import validate
from credcat.cli import main
from credcat.clock import ClockError, today
from credcat.errors import Problem, field_label
from credcat.validate import LoadCache, check_catalogue

SAMPLE = Path(__file__).resolve().parent.parent / "catalogue"


def on(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Make ``day`` today for credcat."""
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def run(tmp_path: Path, **changes: Any) -> list[Problem]:
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(**changes)})
    _, problems = check_catalogue(root, display_root=root)
    # a retired credential's status_note has rules of its own (test_status_note.py)
    return [p for p in problems if p.code != "status-note-missing"]


def coded(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


def offering(**dates: str) -> list[dict[str, Any]]:
    return [{"id": "spring", **dates}]


# --- the clock ----------------------------------------------------------------------------


def test_today_is_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert today() == date(1970, 1, 1)
    on(monkeypatch, date(2031, 2, 28))
    assert today() == date(2031, 2, 28)


def test_today_is_the_real_date_without_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(UTC).date()
    assert before <= today() <= datetime.now(UTC).date()


def test_a_broken_source_date_epoch_is_a_located_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ClockError, match="SOURCE_DATE_EPOCH='yesterday' is not a time"):
        today()
    [problem] = coded(run(tmp_path), "clock")
    assert problem.is_error and problem.path == "catalogue.yaml"
    assert "whole number of seconds" in problem.message


# --- offerings, publication, quality assurance --------------------------------------------


def test_a_past_run_is_a_note(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A run that ended is said, as a note: the pages mark it past by themselves, and a
    catalogue's strict CI must not turn red on a date, with no commit."""
    on(monkeypatch, date(2027, 6, 1))
    offers = [
        {"id": "over", "start": "2027-03-01", "end": "2027-05-31"},
        {"id": "running", "start": "2027-05-01", "end": "2027-06-01"},  # ends today
        {"id": "begun", "start": "2027-04-01"},
        {"id": "next", "start": "2027-09-01"},
    ]
    found = coded(run(tmp_path, offerings=offers), "past-offering")
    assert [(p.field, p.severity.value, p.message) for p in found] == [
        ("offering 1 ('over') > end", "note", "this run is over: it ended on 2027-05-31"),
        (
            "offering 3 ('begun') > start",
            "note",
            "this run started on 2027-04-01, in the past, and has no end date",
        ),
    ]
    assert found[0].hint == "remove it, or give the dates of the next run"
    out = io.StringIO()
    assert main(["check", "--strict", str(tmp_path / "c")], out=out) == 0, out.getvalue()
    said = out.getvalue().splitlines()
    assert any(": note: offering 1 ('over') > end: this run is over" in line for line in said)
    assert said[-1].startswith("OK: 1 credential, ") and ", 0 warnings, 2 notes in " in said[-1]
    out = io.StringIO()
    main(["check", "--format", "github", str(tmp_path / "c")], out=out)
    assert out.getvalue().startswith("::notice file=")
    assert "credentials/db.yaml,line=" in out.getvalue().splitlines()[0]


def test_a_reload_finds_the_positions_of_unchanged_files_without_reading_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under ``mkdocs serve`` every load finds the warnings of a past run again; an unchanged
    file is not read again for their positions, and an edited one is (no stale line)."""
    on(monkeypatch, date(2027, 6, 1))
    over = [{"id": "over", "start": "2027-03-01", "end": "2027-05-31"}]
    root = write_catalogue(
        tmp_path / "c",
        credentials={"db": credential(offerings=over), "ml": credential(offerings=over)},
    )
    reads: list[str] = []
    real = validate.load_yaml

    def counted(path: Path, display: str, folder: Path | None = None, **options: Any) -> Any:
        if path.name != "catalogue.yaml":  # the settings are read on every load
            reads.append(path.name)
        return real(path, display, folder, **options)

    monkeypatch.setattr(validate, "load_yaml", counted)
    cache = LoadCache()
    first = check_catalogue(root, display_root=root, cache=cache)[1]
    assert [p.path for p in coded(first, "past-offering")] == [
        "credentials/db.yaml",
        "credentials/ml.yaml",
    ]
    reads.clear()
    assert check_catalogue(root, display_root=root, cache=cache)[1] == first
    assert reads == []  # nothing changed: nothing read, the same problems at the same lines
    edited = root / "credentials" / "ml.yaml"
    edited.write_text("# a new first line\n" + edited.read_text("utf-8"), "utf-8")
    again = check_catalogue(root, display_root=root, cache=cache)[1]
    assert set(reads) == {"ml.yaml"}
    lines = {p.path: p.line for p in coded(again, "past-offering")}
    before = {p.path: p.line for p in coded(first, "past-offering")}
    assert lines == {**before, "credentials/ml.yaml": before["credentials/ml.yaml"] + 1}


def test_the_same_catalogue_is_clean_on_an_earlier_date(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on(monkeypatch, date(2027, 2, 1))
    offers = [{"id": "over", "start": "2027-03-01", "end": "2027-05-31"}]
    assert run(tmp_path, offerings=offers) == []


def test_a_retired_credential_gets_one_warning_for_its_offerings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on(monkeypatch, date(2030, 1, 1))
    found = run(tmp_path, status="retired", offerings=offering(start="2027-03-01"))
    assert [p.code for p in found] == ["retired-offerings"]


def test_deadline_after_the_start_is_an_error(tmp_path: Path) -> None:
    offers = offering(start="2027-03-01", end="2027-05-01", application_deadline="2027-03-02")
    [problem] = run(tmp_path, offerings=offers)
    assert problem.format().split(": ", 1)[1] == (
        "offering 1 ('spring') > application_deadline: the application deadline (2027-03-02) "
        "is after the offering starts (2027-03-01) (enrolment closes on or before the first "
        "day: 2027-03-01 at the latest)"
    )
    same_day = offering(start="2027-03-01", application_deadline="2027-03-01")
    assert run(tmp_path / "ok", offerings=same_day) == []


def test_end_before_start_is_an_error(tmp_path: Path) -> None:
    [problem] = run(tmp_path, offerings=offering(start="2027-03-01", end="2027-02-01"))
    assert problem.is_error and problem.code == "dates"
    assert problem.field == "offering 1 ('spring') > end"
    assert problem.message == "the offering ends (2027-02-01) before it starts (2027-03-01)"


def test_publication_in_the_future_is_an_error(tmp_path: Path) -> None:
    [problem] = run(tmp_path, published="2026-12-02")
    assert problem.is_error and problem.field == "published"
    assert problem.message == (
        "the publication date 2026-12-02 is in the future (today is 2026-12-01)"
    )
    assert problem.hint == "write the date this version was published: 2026-12-01 at the latest"
    assert run(tmp_path / "today", published="2026-12-01") == []


def test_expired_quality_assurance_of_an_unreleased_version_is_a_warning(
    tmp_path: Path,
) -> None:
    """Not released, the version can still say the renewed decision: a warning, with the
    fix in the file."""
    qa = credential()["quality_assurance"]
    qa[0]["valid_until"] = "2026-11-30"
    [problem] = run(tmp_path, quality_assurance=qa)
    assert not problem.is_error and problem.code == "qa-expired"
    assert problem.field == "quality_assurance item 1 > valid_until"
    assert problem.message == "the quality assurance by 'beta-qa' expired on 2026-11-30"
    assert problem.hint.startswith("add the renewed decision and its new valid_until, or retire")
    qa[0]["valid_until"] = "2026-12-01"  # valid through its last day
    assert run(tmp_path / "today", quality_assurance=qa) == []
    qa[0]["valid_until"] = "2020-01-01"
    assert run(tmp_path / "retired", quality_assurance=qa, status="retired") == []


def test_expired_quality_assurance_of_a_released_version_is_a_note_and_a_new_version_renews_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A released version states the quality assurance its holders were assessed under, and
    never changes: its expiry turns no strict check red without a commit (a note), and the
    note's way out (a new version with the renewed decision) is one credcat accepts."""
    qa = credential()["quality_assurance"]
    qa[0]["valid_until"] = "2026-11-30"
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(quality_assurance=qa)})
    on(monkeypatch, date(2026, 11, 1))
    assert main(["release", "db", str(root), "--date", "2026-11-01"], out=io.StringIO()) == 0
    on(monkeypatch, date(2026, 12, 1))  # a month later, no commit in between
    out = io.StringIO()
    assert main(["check", "--strict", str(root)], out=out) == 0, out.getvalue()
    source = root / "credentials" / "db.yaml"
    [problem] = check_catalogue(root)[1]
    line = source.read_text("utf-8").splitlines().index("  valid_until: '2026-11-30'") + 1
    assert (problem.path, problem.line, problem.field) == (
        str(source),
        line,
        "quality_assurance item 1 > valid_until",
    )
    assert (problem.severity.value, problem.code) == ("note", "qa-expired")
    assert problem.message == (
        "the quality assurance by 'beta-qa' expired on 2026-11-30; released version 1.0 states "
        "it, as the quality assurance its holders were assessed under, and never changes"
    )
    assert problem.hint.startswith(
        'once the decision is renewed, release a new version with it: write version: "1.1", '
        "add the renewed decision with its new valid_until, and run credcat release db;"
    )
    assert f"{source}:{line}:" in out.getvalue() and "note:" in out.getvalue()
    # what the note says to do: the renewed decision alone is refused in 1.0, as it must be
    text = source.read_text("utf-8")
    source.write_text(text.replace("'2026-11-30'", "'2031-11-30'"), "utf-8")
    assert [p.code for p in check_catalogue(root)[1]] == ["released-changed"]
    # in a new version, it is the usual unreleased version, and released it is clean
    text = text.replace("'2026-11-30'", "'2031-11-30'").replace("version: '1.0'", "version: '1.1'")
    source.write_text(text, "utf-8")
    assert [p.code for p in check_catalogue(root)[1]] == ["version-unreleased"]
    assert main(["release", "db", str(root), "--date", "2026-12-01"], out=io.StringIO()) == 0
    assert check_catalogue(root)[1] == []


def test_the_sample_is_clean_under_strict_on_the_test_date() -> None:
    assert today() == date(2026, 12, 1)
    out = io.StringIO()
    assert main(["check", "--strict", str(SAMPLE)], out=out) == 0, out.getvalue()


# --- dates as written -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-9-1", "'2026-9-1' is not written as YYYY-MM-DD (write 2026-09-01)"),
        ("2026-09-1", "'2026-09-1' is not written as YYYY-MM-DD (write 2026-09-01)"),
        (
            "2026-2-30",
            "'2026-2-30' is not a real date (check the day and the month: dates are YYYY-MM-DD)",
        ),
        ("1.9.2026", "'1.9.2026' is not written as YYYY-MM-DD (write 2026-09-01)"),
    ],
)
def test_dates_without_leading_zeros_get_the_iso_form(
    tmp_path: Path, written: str, expected: str
) -> None:
    [problem] = run(tmp_path, published=written)
    assert problem.format().split(": ", 1)[1] == f"published: {expected}"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # the day and the month could each come first: both readings, for the maintainer
        (
            "11/01/2026",
            "'11/01/2026' is ambiguous: day first it is 11 January 2026, month first 1 November "
            "2026 (write 2026-01-11 or 2026-11-01, whichever is meant)",
        ),
        (
            "01-02-2026",
            "'01-02-2026' is ambiguous: day first it is 1 February 2026, month first 2 January "
            "2026 (write 2026-02-01 or 2026-01-02, whichever is meant)",
        ),
        # one reading only: the month first (as in the United States) or the day first
        ("12/25/2026", "'12/25/2026' is not written as YYYY-MM-DD (write 2026-12-25)"),
        ("25/12/2026", "'25/12/2026' is not written as YYYY-MM-DD (write 2026-12-25)"),
        ("5/5/2026", "'5/5/2026' is not written as YYYY-MM-DD (write 2026-05-05)"),
        (
            "31/31/2026",
            "'31/31/2026' is not a real date (check the day and the month: dates are YYYY-MM-DD)",
        ),
        # dots: the day first, as every country that writes them does
        ("11.01.2026", "'11.01.2026' is not written as YYYY-MM-DD (write 2026-01-11)"),
    ],
)
def test_a_date_with_slashes_is_read_both_ways(tmp_path: Path, written: str, expected: str) -> None:
    """``11/01/2026`` is 11 January in Europe and November 1 in the United States: credcat
    does not guess; where only one reading is a date (``12/25/2026``), that one is meant."""
    [problem] = run(tmp_path, published=written)
    assert problem.format().split(": ", 1)[1] == f"published: {expected}"


# --- field names --------------------------------------------------------------------------


def test_field_labels_count_from_one_and_name_ids() -> None:
    data = {
        "outcomes": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "map-data"}],
        "offerings": [{"start": "2027-01-01"}],
        "stackability": {"part_of": ["x", "y"]},
        "awarding_body": ["uni"],
    }
    assert field_label(("outcomes", 4), data) == "outcome 5 ('map-data')"
    assert field_label(("outcomes", 4, "text", "de"), data) == "outcome 5 ('map-data') > text.de"
    assert field_label(("offerings", 0, "price", "amount"), data) == "offering 1 > price.amount"
    assert field_label(("stackability", "part_of", 1), data) == "stackability > part_of item 2"
    assert field_label(("awarding_body", 0), data) == "awarding_body item 1"
    assert field_label(("workload", "hours"), data) == "workload.hours"
    assert field_label(("outcomes", 9), data) == "outcome 10"  # no such item: no id
    assert field_label(("outcomes", 4)) == "outcome 5"  # without the file's data
    assert field_label(()) == ""
    long_id = {"outcomes": [{"id": "x" * 60}]}
    assert field_label(("outcomes", 0), long_id) == f"outcome 1 ('{'x' * 40}…')"


def test_json_keeps_the_raw_location_and_github_the_human_name(tmp_path: Path) -> None:
    outcomes = credential()["outcomes"]
    outcomes[1]["text"] = {"en": "Understand joins.", "de": "Verknüpfungen anwenden."}
    root = write_catalogue(
        tmp_path / "c",
        credentials={"db": credential(outcomes=outcomes), "bad": credential(eqf=9)},
    )
    out = io.StringIO()
    assert main(["check", "--format", "json", str(root)], out=out) == 1
    by_code = {p["code"]: p for p in json.loads(out.getvalue())}
    wording = by_code["outcome-wording"]
    assert wording["field"] == "outcome 2 ('query') > text.en"
    assert wording["loc"] == ["outcomes", 1, "text", "en"]
    assert by_code["too-large"]["loc"] == ["eqf"]
    out = io.StringIO()
    main(["check", "--format", "github", str(root)], out=out)
    assert "::outcome 2 ('query') > text.en: 'Understand' cannot be observed" in out.getvalue()
    # an annotation's title is credcat's code, never pydantic's ("less_than_equal")
    [eqf] = [
        line for line in out.getvalue().splitlines() if "bad.yaml" in line and "::eqf:" in line
    ]
    assert ",title=too-large::" in eqf


def test_a_strict_build_passes_when_a_run_has_ended(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The build says a note as information: `mkdocs build --strict` does not fail on it."""
    from test_site_build import build_site, make_project

    on(monkeypatch, date(2027, 6, 1))
    caplog.set_level("INFO", logger="mkdocs")
    over = [{"id": "over", "start": "2027-03-01", "end": "2027-05-31"}]
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(offerings=over)})
    site = tmp_path / "site"
    build_site(make_project(tmp_path / "project", root), site)  # strict
    assert (site / "credentials" / "db" / "index.html").is_file()
    said = [r for r in caplog.records if "this run is over" in r.getMessage()]
    assert [r.levelname for r in said] == ["INFO"]
