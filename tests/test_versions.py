"""Permanent versions: ordering, fingerprints, ``credcat release`` and the archive checks.

Every catalogue here is written to ``tmp_path`` (no Git, as in a shallow clone); releases go
through the CLI as a maintainer runs them.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue_factory import (
    ORGANISATIONS,
    SAMPLE,
    SETTINGS,
    credential,
    without_recorded_names,
    write_catalogue,
)
from credcat.cli import main
from credcat.errors import Problem
from credcat.validate import check_catalogue, load_catalogue
from credcat.versions import (
    ARCHIVE_DIR,
    canonical_json,
    fingerprint,
    former_names,
    load_archive,
    next_version,
    specification,
    succession,
    version_key,
)


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def release(root: Path, cid: str, day: str = "2026-09-01") -> tuple[int, str]:
    return run("release", cid, str(root), "--date", day)


def errors(root: Path) -> list[Problem]:
    _cat, problems = check_catalogue(root)
    return [p for p in problems if p.is_error]


def line_of(path: Path, text: str, nth: int = 1) -> int:
    """1-based line of the nth line that contains ``text``."""
    hits = [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]
    return hits[nth - 1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """A catalogue whose one credential 'databases' has version 1.0 released."""
    root = write_catalogue(tmp_path / "catalogue")
    code, output = release(root, "databases")
    assert code == 0, output
    return root


# --- version strings ------------------------------------------------------------------------


def test_versions_order_by_numeric_segments() -> None:
    ordered = ["0.9", "1", "1.1", "1.2", "1.2-1", "1.9", "1.10", "2.0.1", "10", "2026-1", "2026-2"]
    assert sorted(reversed(ordered), key=version_key) == ordered
    assert version_key("1.0") == version_key("1") == version_key("1.0.0")
    assert version_key("1.0") < version_key("1.rc")  # text segments after numbers


@pytest.mark.parametrize(
    ("version", "after"), [("1.0", "1.1"), ("1.9", "1.10"), ("2026-1", "2026-2"), ("v", "v.1")]
)
def test_next_version_raises_the_last_number(version: str, after: str) -> None:
    assert next_version(version) == after
    assert version_key(after) > version_key(version)


# --- canonical form and fingerprint ---------------------------------------------------------


def test_canonical_json_follows_rfc_8785() -> None:
    # RFC 8785, section 3.2.2.3 (numbers) and 3.2.3 (sorting by UTF-16 code units)
    numbers = [333333333.33333329, 1e30, 4.50, 2e-3, 0.000000000000000000000000001]
    assert canonical_json(numbers) == "[333333333.3333333,1e+30,4.5,0.002,1e-27]"
    assert canonical_json([5.0, 0.00001, 1e-7, -0.5, 10]) == "[5,0.00001,1e-7,-0.5,10]"
    keys = {"\u20ac": 1, "\r": 2, "\ufb33": 3, "1": 4, "\U0001f600": 5, "\u0080": 6, "\u00f6": 7}
    assert list(json.loads(canonical_json(keys))) == [
        "\r",
        "1",
        "\u0080",
        "\u00f6",
        "\u20ac",
        "\U0001f600",  # its UTF-16 surrogates (D83D …) sort before U+FB33
        "\ufb33",
    ]
    assert canonical_json({"b": [True, None], "a": 'é\n"<'}) == '{"a":"é\\n\\"<","b":[true,null]}'
    with pytest.raises(ValueError, match="NaN"):
        canonical_json(float("nan"))
    with pytest.raises(ValueError, match="not JSON data"):
        canonical_json({1, 2})


def test_fingerprint_covers_what_holders_rely_on_and_nothing_else(tmp_path: Path) -> None:
    base = credential(status="active")
    variants: dict[str, dict[str, Any]] = {
        "base": base,
        "offerings": credential(offerings=[{"id": "2027", "start": "2027-01-04"}]),
        "retired": credential(status="retired"),
        "plain-title": credential(title="Relational databases"),  # default language: en
        "kind-default": credential(  # kind: skill is the default: leaving it out is the same
            outcomes=[{k: v for k, v in o.items() if k != "kind"} for o in base["outcomes"]]
        ),
        "outcome": credential(
            outcomes=[base["outcomes"][0], {**base["outcomes"][1], "text": "Write SQL."}]
        ),
        "workload": credential(
            workload={**base["workload"], "ects": 5, "hours": 135, "self_study_hours": 85}
        ),
        "supervised": credential(
            assessments=[{**base["assessments"][0], "supervision": "supervised-on-site"}]
        ),
    }
    root = write_catalogue(tmp_path / "c", credentials=variants)
    cat = load_catalogue(root)
    prints = {
        cid: fingerprint(cred.model_copy(update={"id": "x"}))
        for cid, cred in cat.credentials.items()
    }
    same = {cid for cid, fp in prints.items() if fp == prints["base"]}
    assert same == {"base", "offerings", "retired", "kind-default"}
    assert prints["plain-title"] != prints["base"]  # {en, de} title vs en only
    assert len({prints[c] for c in ("outcome", "workload", "supervised", "base")}) == 4
    assert all(fp.startswith("sha256:") and len(fp) == 7 + 64 for fp in prints.values())
    spec = specification(cat.credentials["base"])
    assert {"offerings", "status", "superseded_by", "errata"}.isdisjoint(spec)
    assert (spec["id"], spec["version"]) == ("base", "1.0")


def test_sample_archive_is_complete_and_matches_its_fingerprints() -> None:
    cat = load_catalogue(SAMPLE)
    archive, problems = load_archive(cat)
    assert problems == []
    assert set(archive.releases) == set(cat.credentials)
    for cid, cred in cat.credentials.items():
        latest = archive.latest(cid)
        assert latest is not None and latest.version == cred.version
        assert latest.fingerprint == fingerprint(cred)
    multi = {cid for cid, found in archive.releases.items() if len(found) >= 2}
    assert {"data-analysis-python", "digital-inclusion-coaching"} <= multi
    first, second, third = archive.of("data-analysis-python")
    assert (first.version, second.version, second.replaces, first.replaces) == (
        "1.0",
        "1.1",
        "1.0",
        None,
    )
    # 1.2 added the French texts (credcat release, 2026-12-01)
    assert (third.version, third.replaces, third.released) == ("1.2", "1.1", date(2026, 12, 1))
    assert third.credential.title["fr"] == "Analyse de données avec Python"
    assert first.released == date(2025, 9, 1)
    assert {o.id for o in first.credential.outcomes} < {o.id for o in second.credential.outcomes}
    assert first.credential.assessments != second.credential.assessments


def test_check_names_released_and_unreleased_versions(released: Path) -> None:
    code, output = run("check", str(released))
    assert code == 0
    assert output.splitlines()[-2] == "versions: 1 released; every current version is released"
    edit(released / "credentials" / "databases.yaml", "version: '1.0'", "version: '1.1'")
    code, output = run("check", str(released))
    assert code == 0
    assert output.splitlines()[-2] == (
        "versions: 1 released; unreleased (run credcat release <id>): databases 1.1"
    )
    # a new version not released yet is published at its permanent address, where it could
    # still change: a warning, so that `check --strict` (the CI's) stops it
    source = released / "credentials" / "databases.yaml"
    where = f"databases.yaml:{line_of(source, 'version:')}:10: warning: version: "
    assert where + "version 1.1 is not released" in output
    assert "run credcat release databases once it is final" in output
    assert run("check", "--strict", str(released))[0] == 1
    assert '"version-unreleased"' in run("check", "--format", "json", str(released))[1]
    edit(source, "version: '1.1'", "version: '1.1'\nstatus: draft")  # a draft is not published
    assert "version-unreleased" not in run("check", "--format", "json", str(released))[1]


def test_check_does_not_tell_to_release_a_draft(released: Path) -> None:
    """``credcat release`` refuses a draft: the summary line lists a draft's version apart,
    with what to do first, instead of under "run credcat release <id>"."""
    source = released / "credentials" / "databases.yaml"
    edit(source, "version: '1.0'", "version: '2.0'\nstatus: draft")
    code, output = run("check", str(released))
    assert code == 0
    assert output.splitlines()[-2] == (
        "versions: 1 released; drafts (set status: active, then release): databases 2.0"
    )
    assert "'databases' is a draft: set its status to active" in release(released, "databases")[1]
    edit(source, "status: draft", "status: active")
    assert run("check", str(released))[1].splitlines()[-2] == (
        "versions: 1 released; unreleased (run credcat release <id>): databases 2.0"
    )


# --- releasing ------------------------------------------------------------------------------


def test_release_refuses_a_credential_no_longer_offered(tmp_path: Path) -> None:
    """A retired credential has nothing new to release, a superseded one's successor is
    released instead: a version's files keep the status it is released with for good, so they
    would say "retired" from the day they were published. A version offered before and never
    archived is released as it stood: active, dated the day it was published."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "new": credential(),
            "old": credential(status="superseded", superseded_by="new"),
            "gone": credential(status="retired"),
        },
    )
    code, output = release(root, "gone")
    assert (code, output) == (
        1,
        "credcat release: nothing released: 'gone' is retired: it is no longer offered, so it "
        "has no new version to release; it has no released version. If version 1.0 was "
        "offered before and is not released yet, release it as it stood then: set status: "
        "active, run credcat release gone --date <the day it was published>, then set "
        "status: retired again\n",
    )
    code, output = release(root, "old")
    assert code == 1
    assert output.startswith(
        "credcat release: nothing released: 'old' is superseded by 'new': release new instead "
        "(credcat release new); it has no released version."
    )
    assert not (root / ARCHIVE_DIR).exists()
    # released while offered, then retired: its released version stays, nothing new
    edit(root / "credentials" / "gone.yaml", "status: retired", "status: active")
    assert release(root, "gone", "2026-09-01")[0] == 0
    edit(root / "credentials" / "gone.yaml", "status: active", "status: retired")
    code, output = release(root, "gone")
    assert (code, output) == (
        1,
        "credcat release: nothing released: 'gone' is retired: it is no longer offered, so it "
        "has no new version to release; its released versions stay published, version 1.0 "
        "the last\n",
    )
    assert sorted(p.name for p in (root / ARCHIVE_DIR).rglob("*")) == ["1.0.yaml", "gone"]
    snapshot = (root / ARCHIVE_DIR / "gone" / "1.0.yaml").read_text("utf-8")
    assert "\nstatus: active\n" in snapshot
    assert not [p for p in check_catalogue(root)[1] if p.code == "snapshot-status"]


def test_check_warns_at_a_snapshot_released_no_longer_offered(released: Path) -> None:
    """A snapshot an older credcat wrote of a retired or superseded credential says so in its
    files for good: a warning at its status, with the fix (the status is not fingerprinted)."""
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, "version: '1.0'", "version: '1.0'\nstatus: retired")
    output = run("check", "--format", "json", str(released))[1]
    found = [p for p in json.loads(output) if p["code"] == "snapshot-status"]
    assert len(found) == 1
    assert found[0]["severity"] == "warning"
    assert found[0]["line"] == line_of(snapshot, "status: retired")
    assert "released with status: retired" in found[0]["message"]
    assert "write status: active here" in found[0]["hint"]
    assert run("check", "--strict", str(released))[0] == 1
    edit(snapshot, "status: retired", "status: active")  # the fix: the same fingerprint
    assert run("check", "--strict", str(released))[0] == 0


def test_release_writes_a_snapshot_that_reads_back(released: Path) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    text = snapshot.read_text("utf-8")
    header = yaml.safe_load(text)["release"]
    cat = load_catalogue(released)
    assert header == {
        "date": date(2026, 9, 1),
        "fingerprint": fingerprint(cat.credentials["databases"]),
        "replaces": None,
        "language": "en",
        "base_uri": SETTINGS["base_uri"],
        "publisher": "alpha-uni",  # its files name it, at its IRI
        # no other credential named: recorded as such, so none is ever named later
        "part_of": {},
        "parts": {},
        "supersedes": {},
        "builds_on": {},
        "titles": {},
        # the name of each organisation its files name (and of the publisher), as it is
        # that day: a later name is shown with it, never in its place
        "organisations": {
            "alpha-uni": {"name": {"de": "Alpha-Universität", "en": "Alpha University"}},
            "beta-qa": {"name": {"en": "Beta Quality Agency"}},
        },
    }
    assert cat.archive.of("databases")[0].names_then() == {
        "alpha-uni": {"de": "Alpha-Universität", "en": "Alpha University"},
        "beta-qa": {"en": "Beta Quality Agency"},
    }
    body = (released / "credentials" / "databases.yaml").read_text("utf-8")
    assert text.endswith(body)  # the file as released, verbatim
    assert [p.name for p in snapshot.parent.iterdir()] == ["1.0.yaml"]  # no staging left


def test_release_refuses_what_it_must_not_do(released: Path) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    before = snapshot.read_bytes()
    code, output = release(released, "databases")
    assert code == 1
    assert "version 1.0 of 'databases' was released on 2026-09-01" in output
    assert 'version: "1.1"' in output
    code, output = release(released, "database")  # a mistake in the command: status 2
    assert (code, output) == (
        2,
        f"credcat release: there is no credential 'database' in {released} "
        "(did you mean 'databases'?)\n",
    )
    # a catalogue with errors releases nothing
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '1.1'")
    edit(cred_file, "eqf: 6", "eqf: 9")
    code, output = release(released, "databases")
    assert code == 1
    assert "eqf: 9 is too large" in output
    assert output.endswith(
        "credcat release: nothing released: the catalogue has errors; fix them first\n"
    )
    edit(cred_file, "eqf: 9", "eqf: 6\nstatus: draft")
    code, output = release(released, "databases")
    assert (code, "is a draft" in output) == (1, True)
    code, output = run("release", "databases", str(released), "--date", "1.9.2026")
    assert (code, output) == (2, "credcat release: '1.9.2026' is not a date: write YYYY-MM-DD\n")
    # a date that is not yet, or before the version it replaces (a maintainer's local date may
    # be a day ahead of UTC's)
    edit(cred_file, "status: draft", "")
    code, output = release(released, "databases", "2099-01-01")
    assert (code, output) == (
        1,
        "credcat release: 2099-01-01 is in the future: a version is released on the day it is "
        "published; leave out --date, or give today's date or an earlier one\n",
    )
    # the real date, not the tests' pinned one (SOURCE_DATE_EPOCH must not date a release)
    assert release(released, "databases", (date.today() + timedelta(days=3)).isoformat())[0] == 1
    code, output = release(released, "databases", "2026-08-31")
    assert (code, output) == (
        1,
        "credcat release: 2026-08-31 is before 2026-09-01, when version 1.0, which 1.1 "
        "replaces, was released: give 2026-09-01 or a later date\n",
    )
    assert snapshot.read_bytes() == before
    assert sorted(p.name for p in snapshot.parent.iterdir()) == ["1.0.yaml"]


def test_releasing_a_new_version_keeps_older_snapshots_byte_identical(released: Path) -> None:
    archive = released / ARCHIVE_DIR / "databases"
    before = (archive / "1.0.yaml").read_bytes()
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '1.1'")
    edit(cred_file, "  ects: 4", "  ects: 5")
    edit(cred_file, "  hours: 110", "  hours: 135")
    edit(cred_file, "  self_study_hours: 60", "  self_study_hours: 85")
    assert release(released, "databases", "2026-11-02")[0] == 0
    assert (archive / "1.0.yaml").read_bytes() == before
    cat = load_catalogue(released)
    archive_ = load_archive(cat)[0]
    assert [r.version for r in archive_.of("databases")] == ["1.0", "1.1"]
    assert archive_.get("databases", "1.1").replaces == "1.0"  # type: ignore[union-attr]
    succ = succession(cat, "databases")
    assert [(v.version, v.replaces) for v in succ.versions] == [("1.0", None), ("1.1", "1.0")]


# --- immutability ---------------------------------------------------------------------------


def test_editing_a_released_version_is_an_error_at_the_changed_line(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "Write SQL queries with joins.", "Write SQL queries with outer joins.")
    edit(cred_file, "eqf: 6", "eqf: 5")
    found = errors(released)
    assert [(p.line, p.loc, p.code) for p in found] == [
        (line_of(cred_file, "eqf: 5"), ("eqf",), "released-changed"),
        (line_of(cred_file, "outer joins"), ("outcomes", 1, "text", "en"), "released-changed"),
    ]
    assert found[0].message == (
        "'eqf' differs from released version 1.0: Level EQF 6 → EQF 5 "
        "(released versions never change)"
    )
    assert found[1].message.startswith(  # the English text alone was edited
        "'outcomes' differs from released version 1.0: Outcome reworded in English only: "
        "Write SQL queries"
    )
    assert found[0].hint.startswith('raise the version (e.g. version: "1.1")')
    assert "or revert it" in found[0].hint and "erratum" in found[0].hint


def test_a_plain_text_read_in_a_new_default_language_is_no_change_to_raise_a_version_for(
    tmp_path: Path,
) -> None:
    """A catalogue released in English that makes Portuguese its default language (the sample,
    copied by a school in Portugal): an ESCO label written as a plain string is read as
    Portuguese now and was English when its version was released. credcat says so, and how to
    keep the version as released; it said "ESCO skills revised" and advised a new version for
    words nobody changed."""
    esco = "http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f"
    cred = credential()
    cred["outcomes"][0]["esco"] = [{"uri": esco, "label": "perform data analysis"}]
    root = write_catalogue(tmp_path / "catalogue", {"databases": cred})
    code, output = release(root, "databases")
    assert code == 0, output
    settings = root / "catalogue.yaml"
    edit(settings, "default_language: en", "default_language: pt")
    edit(settings, "- en\n- de", "- pt\n- en\n- de")
    cred_file = root / "credentials" / "databases.yaml"
    found = errors(root)
    assert [(p.code, p.line, p.loc) for p in found] == [
        (
            "released-changed",
            line_of(cred_file, "label: perform data analysis"),
            ("outcomes", 0, "esco", 0, "label"),
        )
    ]
    assert found[0].message == (
        "'outcomes' reads as changed since released version 1.0: 'perform data analysis', "
        "written as a plain string, is read as pt (default_language in catalogue.yaml), and "
        "version 1.0 was released reading it as en (released versions never change)"
    )
    assert found[0].hint == 'write the language it is in: label: {en: "perform data analysis"}'
    # what it says to do keeps the version as released
    edit(cred_file, "label: perform data analysis", 'label: {en: "perform data analysis"}')
    assert errors(root) == []
    # a text really changed is still a change, whatever the default language
    edit(cred_file, 'label: {en: "perform data analysis"}', "label: analyse data")
    assert [p.message.split(":")[0] for p in errors(root)] == [
        "'outcomes' differs from released version 1.0"
    ]


def test_a_mistake_in_a_released_version_is_reported_as_the_mistake(released: Path) -> None:
    """A mistyped organisation is an unknown organisation; it is not also "a change of the
    released version" with the advice to raise the version (fixing the typo undoes the
    change)."""
    cred_file = released / "credentials" / "databases.yaml"
    text = cred_file.read_text("utf-8")
    assert text.count("awarding_body: alpha-uni") == 1
    cred_file.write_text(text.replace("awarding_body: alpha-uni", "awarding_body: alpha-unu"))
    found = errors(released)
    assert [(p.code, p.line) for p in found] == [
        ("unknown-organisation", line_of(cred_file, "awarding_body:"))
    ]
    assert found[0].hint == "did you mean 'alpha-uni'?"
    # a real change beside it is still one
    edit(cred_file, "eqf: 6", "eqf: 5")
    assert sorted(p.code for p in errors(released)) == ["released-changed", "unknown-organisation"]


def test_what_may_change_without_a_new_version(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    text = cred_file.read_text("utf-8")
    text += (
        "status: retired\n"
        "offerings:\n- id: '2027'\n  start: 2027-01-04\n"
        "errata:\n- version: '1.0'\n  date: 2026-10-01\n"
        "  text: 'Outcome 2: \"joins\" means inner and outer joins.'\n"
    )
    cred_file.write_text(text, "utf-8")
    assert errors(released) == []


def test_a_released_version_unchanged_since_is_held_once(released: Path) -> None:
    """The current version, released and unchanged since, is one model: its snapshot's and the
    file's. Once the file changes what a version may change (a run), the snapshot keeps what
    was released."""
    cat = load_catalogue(released)
    current = cat.credentials["databases"]
    snapshot = cat.archive.get("databases", current.version)
    assert snapshot is not None and snapshot.credential is current
    assert snapshot.fingerprint == fingerprint(current)

    cred_file = released / "credentials" / "databases.yaml"
    cred_file.write_text(
        cred_file.read_text("utf-8") + "offerings:\n- id: '2027'\n  start: 2027-01-04\n", "utf-8"
    )
    cat = load_catalogue(released)
    current = cat.credentials["databases"]
    snapshot = cat.archive.get("databases", current.version)
    assert snapshot is not None and snapshot.credential is not current
    assert [o.id for o in current.offerings] == ["2027"] and snapshot.credential.offerings == []
    assert snapshot.fingerprint == fingerprint(current)  # the same version


def test_a_kept_load_reads_an_unchanged_snapshot_once(released: Path) -> None:
    """``mkdocs serve`` loads the catalogue in every rebuild: an unchanged snapshot is taken
    from the previous load (not read again), a changed one is read and checked again."""
    from credcat import versions
    from credcat.validate import LoadCache

    read: list[str] = []
    load = versions.load_snapshot

    def counted(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(path.name)
        return load(path, *args, **kwargs)

    cache = LoadCache()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("credcat.validate.load_snapshot", counted)
        first = load_catalogue(released, cache=cache)
        assert read == ["1.0.yaml"]
        again = load_catalogue(released, cache=cache)
        assert read == ["1.0.yaml"]  # not read again
        assert again.archive.get("databases", "1.0") == first.archive.get("databases", "1.0")
        snapshot = released / "versions" / "databases" / "1.0.yaml"
        text = snapshot.read_text("utf-8")
        snapshot.write_text(text.replace("  en: ", "  en: Edited ", 1), "utf-8")  # refused
        assert any(p.code == "archive-tampered" for p in check_catalogue(released, cache=cache)[1])
        assert read == ["1.0.yaml", "1.0.yaml"]
        assert any(p.code == "archive-tampered" for p in check_catalogue(released, cache=cache)[1])
        assert read == ["1.0.yaml", "1.0.yaml"]


def test_erratum_for_an_unreleased_version_is_an_error(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    text = (
        cred_file.read_text("utf-8") + "errata:\n- version: '0.9'\n  date: 2026-10-01\n  text: x\n"
    )
    cred_file.write_text(text, "utf-8")
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.loc, problem.code) == (
        line_of(cred_file, "version: '0.9'"),
        "erratum 1 > version",
        ("errata", 0, "version"),
        "erratum-version",
    )
    assert problem.hint.endswith("name a released version: 1.0")


def test_versions_only_go_up(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '0.9'")
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.code) == (
        line_of(cred_file, "version:"),
        "version",
        "version-order",
    )
    assert "versions only go up" in problem.message and 'version: "1.1"' in problem.hint


def test_a_new_version_published_before_the_one_it_replaces_was_released_is_an_error(
    released: Path,
) -> None:
    """A raised version that keeps the old ``published:`` date would say, in its files
    (``dateModified``), that it is older than the release of the version it replaces."""
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '1.1'\npublished: 2020-01-01")
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.code) == (
        line_of(cred_file, "published:"),
        "published",
        "published-order",
    )
    assert "before the version it replaces, 1.0, was released" in problem.message
    assert "the day you release it" in problem.hint
    assert release(released, "databases")[0] != 0  # and so it cannot be released
    day = re.search(r"was released \((\d{4}-\d\d-\d\d)\)", problem.message)
    assert day is not None
    edit(cred_file, "published: 2020-01-01", f"published: {day.group(1)}")  # that day: fine
    assert "published-order" not in {p.code for p in errors(released)}


def test_going_back_to_an_older_released_version_is_an_error(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    original = cred_file.read_text("utf-8")
    edit(cred_file, "version: '1.0'", "version: '1.1'")
    assert release(released, "databases")[0] == 0
    cred_file.write_text(original, "utf-8")
    [problem] = errors(released)
    assert problem.code == "version-order"
    assert "was replaced by the released version 1.1" in problem.message


# --- the archive itself ---------------------------------------------------------------------


def test_a_hand_edited_snapshot_is_an_error(released: Path) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, "eqf: 6", "eqf: 7")
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.code) == (
        line_of(snapshot, "fingerprint:"),
        "release.fingerprint",
        "archive-tampered",
    )
    assert problem.path.endswith("versions/databases/1.0.yaml")
    assert "edited after its release" in problem.message


def test_an_edited_snapshot_is_one_error_with_the_command_that_restores_it(
    released: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edited snapshot is there, only not valid: the versions after it are not told that
    it was deleted, its own version is not said to be unreleased, its errata stay an
    erratum's, and the hint gives the path to restore."""
    cred_file = released / "credentials" / "databases.yaml"
    text = cred_file.read_text("utf-8")
    erratum = '- version: "1.0"\n  date: 2026-10-01\n  text: {en: A typo., de: Ein Tippfehler.}\n'
    text += "errata:\n" + erratum
    cred_file.write_text(text, "utf-8")
    for version in ("1.1", "1.2"):
        edit(cred_file, f"version: '{float(version) - 0.1:.1f}'", f"version: '{version}'")
        assert release(released, "databases")[0] == 0
    monkeypatch.chdir(released.parent)
    for edited in ("1.0", "1.1", "1.2"):  # the first, one in the middle, the current one
        snapshot = released / ARCHIVE_DIR / "databases" / f"{edited}.yaml"
        original = snapshot.read_text("utf-8")
        edit(snapshot, "eqf: 6", "eqf: 7")
        _cat, problems = check_catalogue(released.name)
        [problem] = problems  # not an error, warning or note more
        shown = f"catalogue/versions/databases/{edited}.yaml"
        assert (problem.path, problem.line, problem.field, problem.code) == (
            shown,
            line_of(snapshot, "fingerprint:"),
            "release.fingerprint",
            "archive-tampered",
        )
        assert f"git checkout -- {shown};" in problem.hint
        code, output = run("check", released.name)
        assert code == 1 and output.count(": release.") == 1, output
        snapshot.write_text(original, "utf-8")
    assert errors(released) == []


def test_a_broken_snapshot_header_hint_gives_its_path(released: Path) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, "  date: 2026-09-01", "  date: soon")
    [problem] = errors(released)
    assert problem.code == "archive-header"
    assert problem.hint.endswith(f"git checkout -- {problem.path}")


def test_a_snapshot_keeps_the_amounts_it_was_released_with(tmp_path: Path) -> None:
    """An amount written `1.200` is an error in the credential file, to fix there; a snapshot
    released with it before credcat said so (as 1.2) never changes, and is not reported."""
    offer = {"id": "spring", "start": "2027-03-01", "price": {"amount": 450, "currency": "EUR"}}
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(offerings=[offer])})
    assert release(root, "databases")[0] == 0
    cred_file = root / "credentials" / "databases.yaml"
    snapshot = root / ARCHIVE_DIR / "databases" / "1.0.yaml"
    for path in (cred_file, snapshot):
        edit(path, "amount: 450", "amount: 1.200")  # 1.2, as it was read then
    [problem] = errors(root)
    assert problem.path.endswith("credentials/databases.yaml")
    assert (problem.line, problem.code) == (line_of(cred_file, "amount: 1.200"), "ambiguous-amount")
    edit(cred_file, "amount: 1.200", "amount: 1.20")
    assert errors(root) == []


def test_a_deleted_snapshot_leaves_a_visible_gap(released: Path) -> None:
    cred_file = released / "credentials" / "databases.yaml"
    for version in ("1.1", "1.2"):
        edit(cred_file, f"version: '{float(version) - 0.1:.1f}'", f"version: '{version}'")
        assert release(released, "databases")[0] == 0
    (released / ARCHIVE_DIR / "databases" / "1.1.yaml").unlink()
    [problem] = errors(released)
    later = released / ARCHIVE_DIR / "databases" / "1.2.yaml"
    assert (problem.line, problem.field, problem.code) == (
        line_of(later, "replaces:"),
        "release.replaces",
        "archive-gap",
    )
    assert "released version 1.1 of 'databases' is missing" in problem.message
    gone = str(released / ARCHIVE_DIR / "databases" / "1.1.yaml")
    assert f"its snapshot {gone} was deleted" in problem.message
    assert f"git checkout -- {gone} " in problem.hint


def test_a_snapshot_without_its_credential_is_an_error(released: Path) -> None:
    (released / "credentials" / "databases.yaml").unlink()
    found = [p for p in errors(released) if p.code == "archive-orphan"]
    assert len(found) == 1
    assert "no file credentials/databases.yaml" in found[0].message
    assert "status: retired" in found[0].hint


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (("release:", "released:"), "release", "starts with its release record"),
        (("  replaces: null", "  replaces: 7"), "release.replaces", "is not a version"),
        (("  date: 2026-09-01", "  date: soon"), "release.date", "not a date"),
        (("  language: en", "  language: en\n  by: me"), "release.by", "unknown key 'by'"),
        (("  language: en", "  language: EN"), "release.language", "is not a language code"),
        (("  language: en", "  language: ''"), "release.language", "is not a language code"),
        (("  language: en", "  language: de-"), "release.language", "is not a language code"),
        (("  titles: {}", "  titles: {other: Other}"), "release.titles", "'titles' is not a map"),
        (("  titles: {}", '  titles: {other: {en: ""}}'), "release.titles", "of credential ids"),
        (("  builds_on: {}", "  builds_on: [other]"), "release.builds_on", "ids to versions"),
        (("version: '1.0'", "version: '1.1'"), "version", "named 1.0.yaml but holds version 1.1"),
    ],
)
def test_broken_snapshot_headers_are_located(
    released: Path, change: tuple[str, str], field: str, message: str
) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, *change)
    found = [p for p in errors(released) if p.path.endswith("1.0.yaml")]
    assert [p.field for p in found][:1] == [field]
    assert message in found[0].message
    assert found[0].line > 0


def test_stray_files_in_the_archive_are_reported(released: Path) -> None:
    (released / ARCHIVE_DIR / "notes.txt").write_text("x", "utf-8")
    (released / ARCHIVE_DIR / "databases" / "latest.yml").write_text("x", "utf-8")
    found = errors(released)
    assert sorted(p.path.rsplit("/", 1)[-1] for p in found) == ["latest.yml", "notes.txt"]
    assert {p.code for p in found} == {"archive-file"}


def test_shallow_copy_of_the_sample_checks_clean(tmp_path: Path) -> None:
    """No Git history is needed: a plain copy (what a shallow clone holds) checks clean."""
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    assert not (tmp_path / ".git").exists()
    assert errors(root) == []


def test_a_snapshot_linked_from_outside_is_not_read(released: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    outside.write_bytes(snapshot.read_bytes())
    snapshot.unlink()
    snapshot.symlink_to(outside)
    [problem] = errors(released)
    assert (problem.code, problem.path.endswith("1.0.yaml")) == ("unsafe-file", True)
    assert "outside the catalogue folder" in problem.message


# --- the catalogue's base_uri, as recorded by each release ------------------------------------


def test_moving_base_uri_after_a_release_is_one_error_at_base_uri(released: Path) -> None:
    """Every permanent identifier of a released version starts with base_uri: changing it
    would move them. The error is at catalogue.yaml's base_uri, names the versions and the
    address to set back, and says that a permanent identifier cannot move."""
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '1.1'")
    assert release(released, "databases")[0] == 0
    settings = released / "catalogue.yaml"
    edit(settings, "https://credentials.test.example/", "https://catalogue.alpha.example/")
    code, output = run("check", "--strict", str(released))
    assert code == 1
    [problem] = errors(released)
    then = "https://credentials.test.example/"
    assert (problem.path, problem.line, problem.field, problem.code) == (
        str(settings),
        line_of(settings, "base_uri:"),
        "base_uri",
        "base-uri-moved",
    )
    assert problem.message.startswith(
        f"2 released versions (databases 1.0, databases 1.1) were released under base_uri {then}"
    )
    assert "https://catalogue.alpha.example/, their files would name others" in problem.message
    assert problem.hint.startswith(f"set base_uri back to {then}: a permanent identifier cannot")
    assert f"keep base_uri and keep {then} answering" in problem.hint
    assert "Traceback" not in output and f"{settings}:{problem.line}:" in output
    # nothing can be released while it is so; set back, the catalogue is clean again
    edit(cred_file, "version: '1.1'", "version: '1.2'")
    code, output = release(released, "databases")
    assert code == 1 and "base_uri" in output
    edit(settings, "https://catalogue.alpha.example/", then)
    assert errors(released) == []
    assert release(released, "databases")[0] == 0


def test_a_snapshot_from_before_base_uri_was_recorded_is_not_compared(released: Path) -> None:
    """A snapshot written before releases recorded base_uri says nothing of it: no error on
    a moved base_uri (the next release records it)."""
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, '  base_uri: "https://credentials.test.example/"\n', "")
    settings = released / "catalogue.yaml"
    edit(settings, "https://credentials.test.example/", "https://catalogue.alpha.example/")
    assert errors(released) == []
    assert load_catalogue(released).archive.of("databases")[0].base_uri is None


@pytest.mark.parametrize("value", ["7", "ftp://x.example/", '"https://x.example/a"', "[]"])
def test_a_release_record_with_a_base_uri_that_is_not_one_is_refused(
    released: Path, value: str
) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, '"https://credentials.test.example/"', value)
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.code) == (
        line_of(snapshot, "  base_uri:"),
        "release.base_uri",
        "archive-header",
    )


def test_a_release_writes_the_same_bytes_for_the_same_catalogue(tmp_path: Path) -> None:
    """The record (base_uri too) depends on the catalogue and the date only."""
    texts = []
    for name in ("a", "b"):
        root = write_catalogue(tmp_path / name)
        assert release(root, "databases")[0] == 0
        texts.append((root / ARCHIVE_DIR / "databases" / "1.0.yaml").read_bytes())
    assert texts[0] == texts[1]


def test_an_organisation_edited_after_a_release_changes_what_its_files_say_of_it_only(
    released: Path, tmp_path: Path
) -> None:
    """The known limit maintainers.md and data.md state: organisations are not versioned. A
    new homepage of the awarding body reaches the released version's files (its description
    under its one IRI, …/organisations/<id>/#org); nothing else of them changes, the
    fingerprint stays, and the catalogue checks clean."""

    def generated(name: str) -> dict[str, str]:
        out = tmp_path / name
        assert run("generate", str(released), "--out", str(out))[0] == 0
        folder = out / "credentials" / "databases" / "1.0"
        return {p.name: p.read_text("utf-8") for p in folder.iterdir() if "json" in p.suffix}

    before = generated("before")
    edit(released / "organisations" / "alpha-uni.yaml", "alpha.example/", "www.alpha.example/")
    after = generated("after")
    assert errors(released) == []
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed == [
        "edc-template.json",
        "elm.jsonld",
        "ob3-achievement.de.json",
        "ob3-achievement.json",
    ]
    for name in changed:
        assert after[name].replace("www.alpha.example/", "alpha.example/") == before[name]
    digest = load_catalogue(released).archive.of("databases")[0].fingerprint
    assert digest in before["elm.jsonld"] and digest in after["elm.jsonld"]


# --- the organisations a released version names keep their ids --------------------------------


def test_renaming_an_organisation_a_release_names_is_one_error_with_the_way_back(
    released: Path,
) -> None:
    """A released version names its quality assurance body at …/organisations/beta-qa/#org
    for good. Renamed (its file and every reference, the credential raised to a new version),
    that IRI would change in the released files, or their build would fail: one error, at
    the snapshot's line that names it, saying what changed and how to rename it back."""
    orgs = released / "organisations"
    (orgs / "beta-qa.yaml").rename(orgs / "gamma-qa.yaml")
    source = released / "credentials" / "databases.yaml"
    edit(source, "body: beta-qa", "body: gamma-qa")
    edit(source, "version: '1.0'", "version: '1.1'")
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    [problem] = errors(released)
    assert (problem.path, problem.line, problem.field, problem.code) == (
        str(snapshot),
        line_of(snapshot, "body: beta-qa"),
        "quality_assurance item 1 > body",
        "released-organisation",
    )
    assert problem.message == (
        "organisation 'beta-qa' has no file organisations/beta-qa.yaml any more, but 1 "
        "released version (databases 1.0) names it as its quality assurance body: its files "
        f"name it at {SETTINGS['base_uri']}organisations/beta-qa/#org for good, and "
        "credentials issued against that version hold that address; it seems to have been "
        "renamed to 'gamma-qa', which the files name in its place now"
    )
    assert problem.hint == (
        f"rename it back (git mv {orgs / 'gamma-qa.yaml'} {orgs / 'beta-qa.yaml'}) and write "
        "'beta-qa' again wherever a file names 'gamma-qa': an organisation a released version "
        "names keeps its id for good; to change its name, edit name: in its file"
    )
    code, output = run("check", str(released))
    assert code == 1 and "Traceback" not in output
    assert f"{snapshot}:{problem.line}:" in output
    code, output = release(released, "databases")
    assert code == 1 and "released-organisation" not in output and "beta-qa" in output
    # the version not raised: the changed file is an error of its own, and the unknown
    # id of a file not updated says which file to restore, not the new id it is close to
    edit(source, "version: '1.1'", "version: '1.0'")
    assert sorted(p.code for p in errors(released)) == [
        "released-changed",
        "released-organisation",
    ]
    edit(source, "body: gamma-qa", "body: beta-qa")
    unknown = [p for p in errors(released) if p.code == "unknown-organisation"]
    assert [(Path(p.path), p.hint) for p in unknown] == [
        (
            source,
            "restore organisations/beta-qa.yaml: released versions name it, and an "
            "organisation a released version names keeps its id for good",
        )
    ]
    # renamed back, as the hint says: clean again
    (orgs / "gamma-qa.yaml").rename(orgs / "beta-qa.yaml")
    assert errors(released) == []


def test_deleting_an_organisation_only_a_released_version_names_is_an_error(
    released: Path, tmp_path: Path
) -> None:
    """The current version names another quality assurance body, and the one version 1.0
    names is deleted: no current file names it, yet 1.0's files do, for good (the build
    could not write them). One error at the snapshot, with the command that restores the
    file; a build says so and stops, without a traceback."""
    source = released / "credentials" / "databases.yaml"
    edit(source, "body: beta-qa", "body: alpha-uni")
    edit(source, "version: '1.0'", "version: '1.1'")
    assert release(released, "databases", "2026-09-02")[0] == 0
    shown = released / "organisations" / "beta-qa.yaml"
    shown.unlink()
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    [problem] = errors(released)
    assert (problem.path, problem.line, problem.code) == (
        str(snapshot),
        line_of(snapshot, "body: beta-qa"),
        "released-organisation",
    )
    assert "(databases 1.0) names it as its quality assurance body" in problem.message
    assert "renamed" not in problem.message  # alpha-uni is no new id: a release names it
    assert problem.hint.startswith(f"restore it from Git: git checkout -- {shown} (once the")
    assert "to name another organisation, raise the version" in problem.hint
    code, output = run("generate", str(released), "--out", str(tmp_path / "site"))
    assert code != 0 and "Traceback" not in output
    assert f"{snapshot}:{problem.line}:" in output and "released-organisation" not in output
    # a file that is there but broken is reported as such, once
    shown.write_text("name: Beta\n", "utf-8")
    found = errors(released)
    assert found and {Path(p.path) for p in found} == {shown}


def test_a_renamed_publisher_a_release_recorded_is_an_error_at_the_record(
    tmp_path: Path,
) -> None:
    """The catalogue's publisher is no field of the credential, but its released files name
    it (dc:publisher): the release records it, and renaming it is the same error, at the
    record's line; a snapshot written before releases recorded it is not compared."""
    settings = {**SETTINGS, "publisher": "gamma-pub"}
    orgs = {
        **ORGANISATIONS,
        "gamma-pub": {
            **ORGANISATIONS["beta-qa"],
            "name": "Gamma",
            "homepage": "https://g.example/",
        },
    }
    root = write_catalogue(tmp_path / "catalogue", organisations=orgs, settings=settings)
    assert release(root, "databases")[0] == 0
    snapshot = root / ARCHIVE_DIR / "databases" / "1.0.yaml"
    assert '  publisher: "gamma-pub"\n' in snapshot.read_text("utf-8")
    (root / "organisations" / "gamma-pub.yaml").rename(root / "organisations" / "gamma.yaml")
    edit(root / "catalogue.yaml", "publisher: gamma-pub", "publisher: gamma")
    [problem] = errors(root)
    assert (problem.path, problem.line, problem.field, problem.code) == (
        str(snapshot),
        line_of(snapshot, "  publisher:"),
        "release.publisher",
        "released-organisation",
    )
    assert "(databases 1.0) names it as its publisher" in problem.message
    assert "renamed to 'gamma', which the files name in its place now" in problem.message
    edit(snapshot, '  publisher: "gamma-pub"\n', "")
    assert errors(root) == []
    assert load_catalogue(root).archive.of("databases")[0].publisher is None


# --- the names a release recorded of the organisations it names --------------------------------

BETA_LINE = '    beta-qa: {name: {en: "Beta Quality Agency"}}'


def test_renaming_an_organisation_keeps_the_name_each_release_recorded(released: Path) -> None:
    """To rename an organisation is to edit its name: (maintainers.md): no error, no warning.
    The name 1.0's release recorded is one the organisation had (in the language it changed
    in only); a later release records the name of its day, so that a second rename adds
    that one too, the first recorded first."""
    org = released / "organisations" / "alpha-uni.yaml"
    edit(org, "en: Alpha University", "en: Alpha Technical University")
    _cat, problems = check_catalogue(released)
    assert problems == []
    cat = load_catalogue(released)
    assert former_names(cat) == {"alpha-uni": {"en": ("Alpha University",)}}
    assert cat.archive.of("databases")[0].names_then()["alpha-uni"] == {
        "de": "Alpha-Universität",
        "en": "Alpha University",
    }
    source = released / "credentials" / "databases.yaml"
    edit(source, "version: '1.0'", "version: '1.1'")
    assert release(released, "databases", "2026-09-02")[0] == 0
    snapshot = released / ARCHIVE_DIR / "databases" / "1.1.yaml"
    assert (
        '    alpha-uni: {name: {de: "Alpha-Universität", en: "Alpha Technical University"}}\n'
        in snapshot.read_text("utf-8")
    )
    edit(org, "en: Alpha Technical University", "en: Alpha University of Applied Sciences")
    edit(org, "de: Alpha-Universität", "de: Hochschule Alpha")
    assert errors(released) == []
    assert former_names(load_catalogue(released)) == {
        "alpha-uni": {
            "de": ("Alpha-Universität",),
            "en": ("Alpha University", "Alpha Technical University"),
        }
    }
    # renamed back: the name it has now is no former name
    edit(org, "en: Alpha University of Applied Sciences", "en: Alpha University")
    assert former_names(load_catalogue(released)) == {
        "alpha-uni": {"de": ("Alpha-Universität",), "en": ("Alpha Technical University",)}
    }


def test_a_snapshot_from_before_names_were_recorded_freezes_no_name(released: Path) -> None:
    """A snapshot written before releases recorded the organisations' names loads as it did
    (nothing known of their names then): a renamed organisation has no former name."""
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    without_recorded_names(snapshot)
    edit(released / "organisations" / "alpha-uni.yaml", "Alpha University", "Alpha Tech")
    assert errors(released) == []
    cat = load_catalogue(released)
    [then] = cat.archive.of("databases")
    assert then.organisation_names is None and then.names_then() == {}
    assert former_names(cat) == {}


def test_the_sample_archive_records_the_names_of_today() -> None:
    """The sample's snapshots were written before releases recorded names, which
    ``credcat record-names`` added since, as no organisation had been renamed: each records
    the names its organisations and publisher have, and no organisation has a former name."""
    cat = load_catalogue(SAMPLE)
    for releases in cat.archive.releases.values():
        for then in releases:
            named = {oid for _loc, oid in then.organisations} | {cat.settings.publisher}
            assert then.names_then() == {oid: dict(cat.organisations[oid].name) for oid in named}, (
                then.source
            )
    assert former_names(cat) == {}


@pytest.mark.parametrize(
    "line",
    [
        "    beta-qa: Beta Quality Agency",
        "    beta-qa: {name: Beta Quality Agency}",
        '    beta-qa: {name: {en: ""}}',
        '    beta-qa: {name: {en: "Beta"}, short_name: {en: "BQA"}}',
        '    Beta QA: {name: {en: "Beta"}}',
    ],
)
def test_a_release_record_with_names_that_are_not_names_is_refused(
    released: Path, line: str
) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, BETA_LINE, line)
    [problem] = errors(released)
    key = line.strip().partition(":")[0]
    assert (problem.line, problem.field, problem.code) == (
        line_of(snapshot, line),  # the entry that is none
        f"release.organisations.{key}",
        "archive-header",
    )
    assert problem.message == "'organisations' is not a map of organisation ids to their names"


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        (
            '    beta-qa: {name: {en: "Beta \\u202e Agency"}}',
            "release.organisations.beta-qa.name.en",
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        (
            '    beta-qa: {name: {en: "Beta \\x07 Agency"}}',
            "release.organisations.beta-qa.name.en",
            "U+0007 (BEL)",
        ),
        (
            f'    beta-qa: {{name: {{en: "{"B" * 10_001}"}}}}',
            "release.organisations.beta-qa.name.en",
            "the limit is 10,000",
        ),
        (
            '    beta-qa: !!python/object {name: {en: "Beta"}}',
            "",
            "unsupported YAML tag",
        ),
    ],
)
def test_a_release_records_name_refused_as_it_is_read_is_one_error(
    released: Path, line: str, field: str, words: str
) -> None:
    """A name in a release record that reading the file refuses already (an invisible
    character, a text too long, a YAML tag) is one error, where it is and saying what is wrong
    with it: not that one and a second, general one at the organisation's entry ("'organisations'
    is not a map …")."""
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, BETA_LINE, line)
    [problem] = errors(released)
    assert (problem.line, problem.field) == (line_of(snapshot, "    beta-qa:"), field)
    assert words in problem.message


@pytest.mark.parametrize("value", ["7", '"Gamma Publisher"', "[]"])
def test_a_release_record_with_a_publisher_that_is_no_id_is_refused(
    released: Path, value: str
) -> None:
    snapshot = released / ARCHIVE_DIR / "databases" / "1.0.yaml"
    edit(snapshot, '  publisher: "alpha-uni"', f"  publisher: {value}")
    [problem] = errors(released)
    assert (problem.line, problem.field, problem.code) == (
        line_of(snapshot, "  publisher:"),
        "release.publisher",
        "archive-header",
    )
    assert problem.message == "'publisher' is not an organisation id"


def test_a_release_records_the_versions_its_files_name_for_good(tmp_path: Path) -> None:
    """The parent and its two parts released on one day; the parts raised and released again
    that day, and one more with an earlier date: the parent's released files name the parts'
    versions of the day it was released, as its release record says. (Chosen by release date
    alone, a release on the same day or dated back changed them.)"""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "whole": credential(),
            "part-a": credential(stackability={"part_of": ["whole"]}),
            "part-b": credential(stackability={"part_of": ["whole"]}),
        },
    )
    for cid in ("part-a", "part-b", "whole"):
        assert release(root, cid, "2026-11-02")[0] == 0
    record = yaml.safe_load((root / "versions" / "whole" / "1.0.yaml").read_text("utf-8"))
    assert record["release"]["parts"] == {"part-a": "1.0", "part-b": "1.0"}
    assert record["release"]["part_of"] == {}
    part = yaml.safe_load((root / "versions" / "part-a" / "1.0.yaml").read_text("utf-8"))
    assert part["release"]["part_of"] == {"whole": "1.0"}

    def whole_files() -> dict[str, bytes]:
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        assert run("generate", str(root), "--out", str(out))[0] == 0
        folder = out / "credentials" / "whole" / "1.0"
        return {
            p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in {".json", ".jsonld"}
        }

    before = whole_files()
    assert b"part-a/1.0/#spec" in before["elm.jsonld"]
    for cid, day in (("part-a", "2026-11-02"), ("part-b", "2026-11-03")):
        path = root / "credentials" / f"{cid}.yaml"
        edit(path, "version: '1.0'", "version: '1.1'")
        assert release(root, cid, day)[0] == 0
    assert whole_files() == before


def test_a_release_record_naming_no_versions_is_refused(released: Path) -> None:
    edit(released / "versions" / "databases" / "1.0.yaml", "  parts: {}", "  parts: [other]")
    [problem] = errors(released)
    assert problem.code == "archive-header" and problem.field == "release.parts"
    assert "'parts' is not a map of credential ids to versions" in problem.message


def test_a_snapshot_dated_before_the_version_it_replaces_is_refused(released: Path) -> None:
    """Versions follow their dates (what other credentials' files name is found by date): a
    snapshot's date edited to before its predecessor's is named."""
    cred_file = released / "credentials" / "databases.yaml"
    edit(cred_file, "version: '1.0'", "version: '1.1'")
    assert release(released, "databases", "2026-10-01")[0] == 0
    edit(released / "versions" / "databases" / "1.1.yaml", "date: 2026-10-01", "date: 2026-08-01")
    [problem] = errors(released)
    assert problem.code == "archive-date" and problem.field == "release.date"
    assert "dated 2026-08-01, before version 1.0 it replaces (2026-09-01)" in problem.message


def test_an_older_snapshot_keeps_naming_a_part_released_after_it(tmp_path: Path) -> None:
    """A snapshot written before releases recorded what they name (the date rule): a part
    first released after the parent's release is named at its first release, as it was named
    (at its current version) before; releasing it changes none of the parent's files."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "whole": credential(),
            "part-a": credential(stackability={"part_of": ["whole"]}),
        },
    )
    assert release(root, "whole", "2026-09-01")[0] == 0
    snapshot = root / "versions" / "whole" / "1.0.yaml"
    older = [
        line
        for line in snapshot.read_text("utf-8").splitlines()
        if not line.startswith(("  part_of:", "  parts:", "  # the other credentials"))
    ]
    snapshot.write_text("\n".join(older) + "\n", "utf-8")
    assert load_catalogue(root).archive.get("whole", "1.0").named is None  # type: ignore[union-attr]

    def whole_elm() -> bytes:
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        assert run("generate", str(root), "--out", str(out))[0] == 0
        return (out / "credentials" / "whole" / "1.0" / "elm.jsonld").read_bytes()

    before = whole_elm()
    assert b"part-a/1.0/#spec" in before
    assert release(root, "part-a", "2026-10-01")[0] == 0
    assert whole_elm() == before


def test_an_older_snapshot_names_no_credential_it_replaces(tmp_path: Path) -> None:
    """A snapshot written before releases recorded the credentials a version replaces
    (``supersedes:``) names none in its achievement, whatever says ``superseded_by`` it now:
    its bytes are fixed from then on. Its record's change reaches the serve keys."""
    from credcat.cache import credential_keys

    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "new": credential(),
            "old": credential(status="superseded", superseded_by="new"),
        },
    )
    assert release(root, "new", "2026-09-01")[0] == 0
    snapshot = root / "versions" / "new" / "1.0.yaml"
    assert '  supersedes: {old: "1.0"}' in snapshot.read_text("utf-8")
    before = credential_keys(load_catalogue(root), "salt", None)
    older = [
        line
        for line in snapshot.read_text("utf-8").splitlines()
        if not line.startswith("  supersedes:")
    ]
    snapshot.write_text("\n".join(older) + "\n", "utf-8")
    cat = load_catalogue(root)
    release_ = cat.archive.get("new", "1.0")
    assert release_ is not None and release_.supersedes is None
    assert release_.named == ((), ())  # what it counts towards: still as recorded
    assert credential_keys(cat, "salt", None) != before
    out = tmp_path / "out"
    assert run("generate", str(root), "--out", str(out))[0] == 0
    folder = out / "credentials" / "new" / "1.0"
    achievement = json.loads((folder / "ob3-achievement.json").read_text("utf-8"))
    assert [r["id"] for r in achievement["related"]] == [
        f"{SETTINGS['base_uri']}credentials/new/1.0/ob3-achievement.de.json"
    ]


def test_a_credential_a_release_replaces_must_be_released_before_its_version_changes(
    tmp_path: Path,
) -> None:
    """A credential a version replaces is named at the version it had that day: when that
    version is not released, the release says so, and moving on from it is an error."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "new": credential(),
            "old": credential(status="superseded", superseded_by="new"),
        },
    )
    code, output = release(root, "new", "2026-09-01")
    assert code == 0
    assert "note: its files name old 1.0, which is not released yet" in output
    old = root / "credentials" / "old.yaml"
    edit(old, "version: '1.0'", "version: '1.1'")
    found = [p for p in errors(root) if p.code == "named-unreleased"]
    assert [(Path(p.path), p.field) for p in found] == [(old, "version")]
    assert "released version 1.0 of 'new' names version 1.0" in found[0].message


def test_a_release_records_change_reaches_the_serve_keys(released: Path) -> None:
    """Under mkdocs serve a credential's pages are kept while its key holds: the key covers a
    release's record (its date, the versions it names), which its fingerprint does not."""
    from credcat.cache import credential_keys

    before = credential_keys(load_catalogue(released), "salt", None)
    snapshot = released / "versions" / "databases" / "1.0.yaml"
    text = snapshot.read_text("utf-8")
    day = re.search(r"date: (\S+)", text)
    assert day is not None
    snapshot.write_text(text.replace(day.group(0), "date: 2020-01-02", 1), "utf-8")
    assert credential_keys(load_catalogue(released), "salt", None) != before


def test_release_of_a_mistyped_id_says_which_was_meant(released: Path) -> None:
    code, output = run("release", "databse", str(released))
    assert code != 0 and "there is no credential 'databse'" in output
    assert "(did you mean 'databases'?)" in output


def test_a_stackability_id_written_short_gets_the_id_it_begins(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "group-facilitation": credential(),
            "volunteering": credential(stackability={"builds_on": ["group"]}),
        },
    )
    said = [p.format() for p in errors(root)]
    assert any(
        "unknown credential 'group'" in m and "did you mean 'group-facilitation'?" in m
        for m in said
    ), said


def test_a_version_a_release_names_must_be_released_before_it_changes(tmp_path: Path) -> None:
    """A parent released while its part's version is not: the release says the part must be
    released before its version changes; a part that moves on anyway is an error at its
    version, which names the released file and how to mend it, and releasing the part at
    that version first clears it."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "whole": credential(),
            "part-a": credential(stackability={"part_of": ["whole"]}),
        },
    )
    code, output = release(root, "whole", "2026-09-01")
    assert code == 0
    assert "note: its files name part-a 1.0, which is not released yet" in output
    assert "credcat release part-a" in output
    assert errors(root) == []  # 1.0 is still part-a's current version: its address exists

    part = root / "credentials" / "part-a.yaml"
    edit(part, "version: '1.0'", "version: '1.1'")
    found = [p for p in errors(root) if p.code == "named-unreleased"]
    assert [(Path(p.path), p.line, p.field) for p in found] == [
        (part, line_of(part, "version: '1.1'"), "version")
    ]
    assert "released version 1.0 of 'whole' names version 1.0" in found[0].message
    assert 'write version: "1.0" again, run credcat release part-a' in found[0].hint

    edit(part, "version: '1.1'", "version: '1.0'")
    code, output = release(root, "part-a", "2026-09-02")
    assert code == 0 and "note:" not in output  # what it names (whole 1.0) is released
    edit(part, "version: '1.0'", "version: '1.1'")
    assert [p for p in errors(root) if p.code == "named-unreleased"] == []


def test_a_broken_file_that_does_not_name_the_credential_does_not_hold_up_its_release(
    tmp_path: Path,
) -> None:
    """A colleague's half-written draft (`credcat new`) refused every release; it waits now,
    and is named. A broken file that names the credential (a part of it, whose relation the
    release freezes), an organisation or catalogue.yaml in error still refuse."""
    root = write_catalogue(
        tmp_path / "catalogue",
        {"databases": credential(), "draft": b"title: [\n", "part": b"part_of: [databases\n"},
    )
    code, output = release(root, "databases")
    assert code == 1 and "part.yaml" in output and "nothing released" in output
    (root / "credentials" / "part.yaml").unlink()
    code, output = release(root, "databases")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].startswith("released databases: wrote ")
    assert lines[1].startswith("note: ") and "credentials/draft.yaml still has errors" in lines[1]
    assert lines[1].endswith("they do not name databases, so they did not hold up its release")
    # an organisation in error holds up every release: every credential's files draw on them
    edit(root / "credentials" / "databases.yaml", "version: '1.0'", "version: '1.1'")
    org = next((root / "organisations").glob("*.yaml"))
    org.write_text(org.read_text("utf-8") + "kind: [\n", "utf-8")
    code, output = release(root, "databases")
    assert code == 1 and "nothing released" in output


def _version_files(root: Path, out: Path, cid: str, version: str) -> dict[str, bytes]:
    """The machine-readable files of one version in a fresh ``credcat generate``."""
    shutil.rmtree(out, ignore_errors=True)
    code, output = run("generate", str(root), "--out", str(out))
    assert code == 0, output
    folder = out / "credentials" / cid / version
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".html"}


def test_a_release_keeps_the_title_it_gave_a_version_not_released_then(tmp_path: Path) -> None:
    """The whole released while its part's version is not: its files name the part with its
    title that day, recorded in its release, and keep it byte for byte when the part is then
    retitled. A part whose title now differs from what a release gives it is warned about
    (its own files would give that version a second title), and cannot be released so; as it
    was, it is released, and a new version may have the new title."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "whole": credential(title={"en": "The whole", "de": "Das Ganze"}),
            "part-a": credential(
                title={"en": "Part A", "de": "Teil A"}, stackability={"part_of": ["whole"]}
            ),
        },
    )
    assert release(root, "whole", "2026-09-01")[0] == 0
    record = yaml.safe_load((root / "versions" / "whole" / "1.0.yaml").read_text("utf-8"))
    assert record["release"]["parts"] == {"part-a": "1.0"}
    assert record["release"]["titles"] == {"part-a": {"de": "Teil A", "en": "Part A"}}
    out = tmp_path / "out"
    before = _version_files(root, out, "whole", "1.0")
    assert {"elm.jsonld", "edc-template.json", "ob3-achievement.json"} <= set(before)
    elm = json.loads(before["elm.jsonld"])
    assert elm["hasPart"] == [
        {
            "id": f"{SETTINGS['base_uri']}credentials/part-a/1.0/#spec",
            "type": "Qualification",
            "title": {"en": "Part A", "de": "Teil A"},
        }
    ]

    part = root / "credentials" / "part-a.yaml"
    edit(part, "en: Part A", "en: Part A, revised")
    assert _version_files(root, out, "whole", "1.0") == before
    warned = [p for p in check_catalogue(root)[1] if p.code == "named-title"]
    assert [(Path(p.path), p.line, p.field, p.is_error) for p in warned] == [
        (part, line_of(part, "en: Part A, revised"), "title.en", False)
    ]
    assert "released version 1.0 of 'whole' names version 1.0 of this credential" in (
        warned[0].message
    )
    assert "'Part A' (en)" in warned[0].message
    code, output = release(root, "part-a", "2026-09-02")
    assert code == 1 and "nothing released" in output and "another title" in output

    edit(part, "en: Part A, revised", "en: Part A")
    assert release(root, "part-a", "2026-09-02")[0] == 0
    edit(part, "version: '1.0'", "version: '1.1'")
    edit(part, "en: Part A", "en: Part A, revised")
    assert release(root, "part-a", "2026-09-03")[0] == 0
    assert [p for p in check_catalogue(root)[1] if p.code == "named-title"] == []
    assert _version_files(root, out, "whole", "1.0") == before


def test_a_release_keeps_the_titles_it_quotes_of_what_it_builds_on_and_replaces(
    tmp_path: Path,
) -> None:
    """A version's entry requirement quotes the titles of the credentials it builds on, and
    its achievement names the credential it replaces with that achievement's language: as
    they were when it was released, whatever becomes of them (retitled before their own
    release, or released again under another title)."""
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "basics": credential(title={"en": "Basics", "de": "Grundlagen"}),
            "advanced": credential(
                title={"en": "Advanced", "de": "Fortgeschritten"},
                stackability={"builds_on": ["basics"]},
            ),
            "old": credential(
                title={"en": "Old", "de": "Alt"}, status="superseded", superseded_by="advanced"
            ),
        },
    )
    assert release(root, "advanced", "2026-09-01")[0] == 0
    record = yaml.safe_load((root / "versions" / "advanced" / "1.0.yaml").read_text("utf-8"))
    assert record["release"]["builds_on"] == {"basics": "1.0"}
    assert record["release"]["supersedes"] == {"old": "1.0"}
    assert set(record["release"]["titles"]) == {"basics", "old"}
    out = tmp_path / "out"
    before = _version_files(root, out, "advanced", "1.0")
    note = json.loads(before["elm.jsonld"])["entryRequirement"]["noteLiteral"]
    assert "Basics" in note["en"] and "Grundlagen" in note["de"]

    basics = root / "credentials" / "basics.yaml"
    edit(basics, "en: Basics", "en: Foundations")
    assert _version_files(root, out, "advanced", "1.0") == before
    assert release(root, "basics", "2026-09-02")[0] == 0  # a title quoted, not a node
    edit(basics, "version: '1.0'", "version: '1.1'")
    edit(basics, "en: Foundations", "en: Foundations of data")
    assert release(root, "basics", "2026-09-03")[0] == 0
    old = root / "credentials" / "old.yaml"
    edit(old, "de: Alt", "fr: Ancien")  # its main edition's language stays the recorded one
    assert _version_files(root, out, "advanced", "1.0") == before
    assert [p for p in check_catalogue(root)[1] if p.code == "named-title"] == []  # no node


def test_a_recorded_title_reads_back_as_it_was_written(tmp_path: Path) -> None:
    """Titles go into the release record on one line, quoted: YAML's own characters, quotes,
    backslashes and non-ASCII letters read back as they were."""
    title = {"en": 'Data: "SQL" \\ {joins}, #1 & more', "de": "Daten: „SQL“ – Grundlagen"}
    root = write_catalogue(
        tmp_path / "c",
        credentials={
            "whole": credential(),
            "part-a": credential(title=title, stackability={"part_of": ["whole"]}),
        },
    )
    assert release(root, "whole", "2026-09-01")[0] == 0
    record = yaml.safe_load((root / "versions" / "whole" / "1.0.yaml").read_text("utf-8"))
    assert record["release"]["titles"] == {"part-a": title}
    release_ = load_catalogue(root).archive.get("whole", "1.0")
    assert release_ is not None and dict(release_.titles or ()) == {
        "part-a": tuple(sorted(title.items()))
    }


def test_an_http_base_uri_is_a_warning_until_the_first_release_fixes_it(tmp_path: Path) -> None:
    """base_uri starts every permanent identifier, and the first release records it for good:
    an http:// one is a warning at base_uri (credcat check --strict fails) whose fix is the
    https:// address, while it can still change; once a version is released under it, it
    cannot (base-uri-moved), and nothing more is said."""
    settings = {**SETTINGS, "base_uri": "http://credentials.test.example/"}
    root = write_catalogue(tmp_path / "c", settings=settings)
    _cat, problems = check_catalogue(root)
    found = [p for p in problems if p.code == "base-uri-http"]
    assert [(p.path, p.line, p.field, p.severity.value) for p in found] == [
        (
            str(root / "catalogue.yaml"),
            line_of(root / "catalogue.yaml", "base_uri:"),
            "base_uri",
            "warning",
        )
    ]
    assert "the first release records it for good" in found[0].message
    assert "write https://credentials.test.example/" in found[0].hint
    assert [p for p in problems if p.is_warning] == found
    code, output = run("check", "--strict", str(root))
    assert code == 1 and "warning: base_uri: base_uri is an http:// address" in output
    code, output = release(root, "databases")
    assert code == 0, output
    _cat, problems = check_catalogue(root)
    assert [p for p in problems if p.code == "base-uri-http"] == []
