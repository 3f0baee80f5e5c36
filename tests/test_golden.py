"""Every byte the sample catalogue publishes matches its reviewed golden copy."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from golden_files import build_sample, published, readable, stored


def test_sample_output_matches_golden_copies(tmp_path: Path) -> None:
    build_sample(tmp_path / "site")
    built, golden = published(tmp_path / "site"), stored()
    assert golden, "no golden copies: run python scripts/update_golden.py"
    missing = sorted(golden.keys() - built.keys())
    new = sorted(built.keys() - golden.keys())
    changed = sorted(p for p in built.keys() & golden.keys() if built[p] != golden[p])
    report = [f"missing from the build: {p}" for p in missing]
    report += [f"new in the build: {p}" for p in new]
    for path in changed:
        diff = difflib.unified_diff(
            readable(golden[path], path), readable(built[path], path), path, path, lineterm="", n=1
        )
        report += [f"changed: {path}", *list(diff)[:40]]
    assert not report, (
        "the published output differs from tests/golden/sample; if the change is intended, run "
        "python scripts/update_golden.py and review the diff\n" + "\n".join(report)
    )


def test_generate_writes_the_same_data_as_the_site(tmp_path: Path) -> None:
    from credcat.cli import main

    out = tmp_path / "data"
    assert main(["generate", "catalogue", "--out", str(out)]) == 0
    from credcat.output import MARKER

    generated = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }
    # the marker belongs to `credcat generate` only (it lets a later run replace the folder)
    assert json.loads(generated.pop(MARKER))["files"] == sorted(generated)
    golden = stored()
    assert generated
    for path, content in generated.items():
        assert golden.get(path) == content, path
