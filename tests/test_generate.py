"""`credcat generate`: the data files without MkDocs, deterministic and all-or-nothing."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from catalogue_factory import SAMPLE, credential, write_catalogue
from credcat.cli import main
from credcat.output import MARKER, OutputError, safe_relative, write_machine_files
from credcat.urls import MACHINE_FILES
from credcat.validate import load_catalogue


def generate(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["generate", *args], out=out)
    return code, out.getvalue()


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generate_sample_writes_every_credentials_files(tmp_path: Path) -> None:
    code, output = generate(str(SAMPLE), "--out", str(tmp_path / "out"))
    assert code == 0, output
    files = tree(tmp_path / "out")
    catalogue = load_catalogue(SAMPLE)
    for cred in catalogue.credentials.values():
        for kind in ("elm", "edc", "ob3"):
            name = f"credentials/{cred.id}/{cred.version}/{MACHINE_FILES[kind][0]}"
            assert name in files, name
            json.loads(files[name])
    index = json.loads(files["catalogue.json"])
    assert index
    texts = json.loads(files["catalogue-texts.json"])  # the long texts, in the same order
    assert [e["i"] for e in texts["credentials"]] == [e["i"] for e in index["credentials"]]
    assert "catalogue.jsonld" in files


def test_generate_is_deterministic(tmp_path: Path) -> None:
    assert generate(str(SAMPLE), "--out", str(tmp_path / "a"))[0] == 0
    assert generate(str(SAMPLE), "--out", str(tmp_path / "b"))[0] == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_site_url_rebases_identifiers(tmp_path: Path) -> None:
    code, _ = generate(
        str(SAMPLE), "--out", str(tmp_path / "o"), "--site-url", "https://staging.test.example/cat"
    )
    assert code == 0
    text = (tmp_path / "o" / "catalogue.jsonld").read_text()
    assert "https://staging.test.example/cat/credentials/" in text


def test_invalid_catalogue_writes_nothing(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"db": credential(eqf=11)})
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous build")
    code, output = generate(str(root), "--out", str(out))
    assert code == 1
    assert "eqf" in output
    assert tree(out) == {"keep.txt": b"previous build"}


def test_generate_replaces_previous_output_whole(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    out = tmp_path / "out"
    write_machine_files(load_catalogue(root), out)
    first = tree(out)
    assert MARKER in first
    # a file the earlier run wrote, but the catalogue no longer produces, goes away
    (out / "stale.json").write_text("{}")
    listed = json.loads(first[MARKER])
    listed["files"] = sorted([*listed["files"], "stale.json"])
    (out / MARKER).write_text(json.dumps(listed))
    write_machine_files(load_catalogue(root), out)
    assert tree(out) == first
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../b", ""])
def test_paths_cannot_escape(path: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(path)


def test_generate_refuses_to_replace_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    project = tmp_path / "project"
    root = write_catalogue(project / "catalogue")
    (project / "README.md").write_text("keep me")
    monkeypatch.chdir(project)
    before = tree(project)
    code, output = generate(str(root), "--out", ".")
    assert code == 1
    assert "refusing to replace" in output and "Traceback" not in output
    assert tree(project) == before


def test_generate_and_verify_site_hold_one_file_at_a_time_not_the_whole_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10,000 credentials have about 2 GB of data files: ``credcat generate`` writes each as
    it is made, and ``credcat verify-site`` compares each as it is made, so that what they hold
    at once is a fraction of what they write (here, the sample's 5 MB, in this process)."""
    import tracemalloc

    from credcat.output import data_files
    from credcat.publish import verify_site
    from credcat.urls import Urls

    monkeypatch.setenv("CREDCAT_JOBS", "1")  # in this process, where tracemalloc sees it
    catalogue = load_catalogue(SAMPLE, packed=True)
    expected = data_files(catalogue, Urls.of(catalogue.settings))
    total = sum(len(content) for content in expected.values())
    del expected
    out = tmp_path / "out"
    tracemalloc.start()
    try:
        written = write_machine_files(catalogue, out)
        generating = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        found = verify_site(catalogue, out)
        verifying = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written > 100 and total > 4_000_000
    assert generating < total / 2, (generating, total)
    assert verifying < total / 2, (verifying, total)
    # what it wrote is what it compares with: only the pages (no MkDocs here) are missing
    assert found and all(line.endswith(".html: missing") or line.startswith("…") for line in found)
    assert tree(out).keys() - {MARKER} == {
        path for path in data_files(catalogue, Urls.of(catalogue.settings))
    }


@pytest.mark.parametrize(
    "change",
    ["a byte more", "a byte less", "a byte changed", "a small file changed", "a file missing"],
)
def test_verify_site_finds_a_data_file_that_is_not_what_credcat_generates(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large files are compared part by part as they are made: a byte more, less or other
    anywhere is found, as in a small file."""
    from credcat.publish import verify_site

    monkeypatch.setenv("CREDCAT_JOBS", "1")
    monkeypatch.setattr("credcat.publish.MAX_MISSING_SHOWN", 10_000)  # every line shown
    catalogue = load_catalogue(SAMPLE, packed=True)
    out = tmp_path / "out"
    write_machine_files(catalogue, out)
    assert not [line for line in verify_site(catalogue, out) if not line.endswith(".html: missing")]
    target = out / ("catalogue.jsonld" if "small" not in change else "catalogue.json")
    if change == "a small file changed":
        target = next(out.glob("credentials/*/*/badge.svg"))
    data = target.read_bytes()
    if change == "a byte more":
        target.write_bytes(data + b"\n")
    elif change == "a byte less":
        target.write_bytes(data[:-1])
    elif change == "a file missing":
        target.unlink()
    else:
        middle = len(data) // 2
        target.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    rel = target.relative_to(out).as_posix()
    what = "missing" if change == "a file missing" else "differs from what credcat generates"
    found = [line for line in verify_site(catalogue, out) if not line.endswith(".html: missing")]
    assert found == [f"{rel}: {what}" + ("" if what == "missing" else " for this catalogue")]


def test_a_released_versions_files_name_the_other_credentials_as_on_its_release_date(
    tmp_path: Path,
) -> None:
    """Applied Data Analytics 1.0, released on 2026-09-01, names its parts at the versions
    released by that day. A part's later version, released or not, and a credential that
    counts towards it from a later version on, change none of its files: a released version's
    files never change."""
    folder = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, folder)
    code, output = generate(str(folder), "--out", str(tmp_path / "before"))
    assert code == 0, output
    before = tree(tmp_path / "before")
    version = "credentials/applied-data-analytics/1.0/"
    elm = json.loads(before[f"{version}elm.jsonld"])
    base = "https://credentials.digital-skills-alliance.eu/credentials/"
    assert [part["id"].removeprefix(base) for part in elm["hasPart"]] == [
        "data-analysis-python/1.1/#spec",  # 1.2 came on 2026-12-01
        "data-visualisation/1.0/#spec",
        "sql-for-data-analysis/1.0/#spec",
    ]
    # the other way: Data Analysis with Python 1.0 (2025) counts towards the first release
    older = json.loads(before["credentials/data-analysis-python/1.0/elm.jsonld"])
    assert [p["id"].removeprefix(base) for p in older["isPartOf"]] == [
        "applied-data-analytics/1.0/#spec"
    ]
    # an unreleased current version names the parts' current versions
    current = json.loads(before["credentials/data-analysis-python/1.2/elm.jsonld"])
    assert [p["id"].removeprefix(base) for p in current["isPartOf"]] == [
        "applied-data-analytics/1.0/#spec"
    ]

    visualisation = folder / "credentials" / "data-visualisation.yaml"
    text = visualisation.read_text("utf-8")
    visualisation.write_text(text.replace('version: "1.1"', 'version: "1.2"', 1), "utf-8")
    learning = folder / "credentials" / "responsible-machine-learning.yaml"
    text = learning.read_text("utf-8")
    text = text.replace('version: "1.0"', 'version: "1.1"', 1)
    text = text.replace(
        "  builds_on: [data-analysis-python]\n", "  part_of: [applied-data-analytics]\n"
    )
    learning.write_text(text, "utf-8")
    code, output = generate(str(folder), "--out", str(tmp_path / "after"))
    assert code == 0, output
    after = tree(tmp_path / "after")
    for name in ("elm.jsonld", "edc-template.json"):
        assert after[f"{version}{name}"] == before[f"{version}{name}"], name
    # catalogue.jsonld holds the current version's node with the same statements as its file
    record = json.loads(after["catalogue.jsonld"])
    assert "responsible-machine-learning" not in json.dumps(
        [n.get("hasPart") for n in record["@graph"] if "applied-data-analytics" in n["id"]]
    )
