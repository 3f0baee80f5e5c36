"""Benchmark a full `mkdocs build` of a synthetic catalogue of N credentials.

Uses the catalogue generator of bench_check.py, the project's theme overrides and a minimal
mkdocs.yml (no hand-written pages beyond a home page). Prints wall time, peak memory of the
build process and the size of the site. Record results in docs/performance.md.

Usage: python scripts/bench_build.py [N ...]   (default: 100 1000)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import make_catalogue  # noqa: E402

MKDOCS_YML = """\
site_name: bench
site_url: https://credentials.digital-skills-alliance.eu/
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - credcat:
      catalogue_dir: catalogue
"""


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [100, 1000]
    print(
        f"{'credentials':>12} {'seconds':>9} {'ms/credential':>14} {'peak MB':>8} "
        f"{'files':>7} {'site MB':>8}"
    )
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "catalogue").mkdir()
            make_catalogue(root / "catalogue", size)
            (root / "docs").mkdir()
            (root / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
            (root / "mkdocs.yml").write_text(MKDOCS_YML.format(repo=REPO), encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-d", "site"],
                cwd=root,
                check=True,
                capture_output=True,
            )
            elapsed = time.perf_counter() - started
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            count, total = size_of(root / "site")
            print(
                f"{size:>12} {elapsed:>9.1f} {elapsed / size * 1000:>14.1f} {peak:>8.0f} "
                f"{count:>7} {total / 1e6:>8.1f}"
            )


if __name__ == "__main__":
    main()
