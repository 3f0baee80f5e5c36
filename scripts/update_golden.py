"""Rewrite tests/golden/sample from a fresh build of the sample catalogue; print what changed.

Usage: python scripts/update_golden.py   (then review with git diff --stat tests/golden)
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from golden_files import GOLDEN, build_sample, published, readable, stored


def main() -> int:
    argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Then review the change with: git diff --stat tests/golden",
    ).parse_args()
    before = stored() if GOLDEN.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        build_sample(Path(work) / "site")
        after = published(Path(work) / "site")
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, content in after.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if old == new:
            continue
        print(f"== {'added' if old is None else 'removed' if new is None else 'changed'}: {path}")
        if old is not None and new is not None:
            diff = difflib.unified_diff(readable(old, path), readable(new, path), lineterm="", n=1)
            for line in list(diff)[2:60]:
                print(line)
    print(f"{len(after)} golden files in {GOLDEN.relative_to(GOLDEN.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
