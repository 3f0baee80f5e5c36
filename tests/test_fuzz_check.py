"""The mutation fuzzer (``scripts/fuzz_check.py``): a short fixed run finds nothing, and the
fuzzer itself sees what it is meant to see.

The long runs are by hand (docs/architecture.md, "Tests in three layers"); this keeps the
fuzzer working and credcat honest in CI: a few dozen rounds with a fixed seed, every edit a
maintainer's mistake credcat must answer with located problems, never a traceback.
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from credcat.errors import Problem

REPO = Path(__file__).resolve().parent.parent


def fuzz_module() -> ModuleType:
    """``scripts/fuzz_check.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location("fuzz_check", REPO / "scripts" / "fuzz_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_check"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fuzz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The fuzzer, with its temporary folders in ``tmp_path``."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    return fuzz_module()


def test_a_fixed_run_finds_nothing_and_cleans_up(fuzz: ModuleType, tmp_path: Path) -> None:
    out = io.StringIO()
    jobs = os.environ.get("CREDCAT_JOBS")
    fuzzer = fuzz.run("ci", rounds=24, cli_every=24, out=out)
    assert fuzzer.findings == [], out.getvalue()
    assert fuzzer.rounds == 24 and fuzzer.cli_rounds == 1
    assert fuzzer.problems_seen >= 24, "the edits must give credcat something to find"
    assert not list(tmp_path.glob("credcat-fuzz-*")), "the fuzzer leaves its folder behind"
    assert os.environ.get("CREDCAT_JOBS") == jobs, "the fuzzer's settings outlive it"


def test_rounds_are_reproducible_from_seed_and_number(fuzz: ModuleType, tmp_path: Path) -> None:
    said = []
    for _ in range(2):
        out = io.StringIO()
        fuzz.run("again", replay=2, cli_every=0, out=out, verbose=True)
        said.append(out.getvalue().splitlines()[0])
    assert said[0] == said[1] and said[0].startswith("round 2: ")


def test_a_traceback_is_a_finding_with_a_reproducer(
    fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(root: Path, **kwargs: Any) -> Any:
        raise KeyError("outcomes")

    monkeypatch.setattr(fuzz, "check_catalogue", broken)
    out = io.StringIO()
    fuzzer = fuzz.run("7", rounds=3, cli_every=0, out=out)
    assert [f.kind for f in fuzzer.findings] == ["traceback"]  # once: the same signature
    said = out.getvalue()
    assert "KeyError: 'outcomes'" in said
    assert "reproduce: python scripts/fuzz_check.py --seed 7 --replay 0" in said


def test_a_problem_without_its_line_is_a_finding(
    fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlocated(root: Path, **kwargs: Any) -> Any:
        path = f"{root.name}/credentials/data-visualisation.yaml"
        return None, [Problem(path, 0, 0, "workload.ects", "must be a number", code="x")]

    monkeypatch.setattr(fuzz, "check_catalogue", unlocated)
    monkeypatch.setattr(fuzz, "mutate", fuzz.Edit)  # the file as it is: it reads
    fuzzer = fuzz.run("7", rounds=1, cli_every=0, out=io.StringIO())
    assert [f.kind for f in fuzzer.findings] == ["unlocated"]


def test_an_exit_code_of_0_with_an_error_is_a_finding(
    fuzz: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_error(root: Path, **kwargs: Any) -> Any:
        path = f"{root.name}/catalogue.yaml"
        return None, [Problem(path, 2, 3, "title", "is missing", code="missing")]

    monkeypatch.setattr(fuzz, "check_catalogue", one_error)
    monkeypatch.setattr(fuzz, "mutate", fuzz.Edit)
    monkeypatch.setattr(fuzz, "run_cli", lambda args, cwd, seconds: (0, "[]", ""))
    fuzzer = fuzz.run("7", rounds=1, cli_every=1, out=io.StringIO())
    assert sorted(f.detail for f in fuzzer.findings) == [
        "check exited 0 with 1 errors",
        "wrote files despite 1 errors",
    ]
