"""Benchmark hostile catalogues: `credcat check` and `mkdocs build` time per MB, worst cases.

Each case is a catalogue of the sample's organisations and one credential file just under the
1 MiB limit whose Markdown descriptions (every assessment's, in two languages) are filled with
one pathological pattern, at the longest length and the most '[' the limits accept. Before the
hardening, 12,000 '[' in one description made `mkdocs build` take 40 s; the refused cases
show that `check` rejects the old attacks quickly, with located problems.

Usage: python scripts/bench_hostile.py [--no-build] [CASE ...]   (default: every case)
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from credcat.limits import MAX_LINK_BRACKETS, MAX_TEXT_CHARS  # noqa: E402
from credcat.validate import check_catalogue  # noqa: E402
from credcat.yaml_loader import MAX_BYTES  # noqa: E402

MKDOCS_YML = """\
site_name: bench
site_url: https://credentials.digital-skills-alliance.eu/
docs_dir: docs
theme:
  name: material
  custom_dir: {repo}/theme_overrides
  font: false
plugins:
  - credcat:
      catalogue_dir: catalogue
"""


def repeat(unit: str, pad: str = "(") -> str:
    """``unit`` repeated as often as the limits allow, padded with ``pad`` to the longest text."""
    count = MAX_TEXT_CHARS // len(unit)
    if "[" in unit:
        count = min(count, MAX_LINK_BRACKETS // unit.count("["))
    text = unit * count
    return text + pad * (MAX_TEXT_CHARS - len(text))


ACCEPTED: dict[str, Callable[[], str]] = {
    "plain words": lambda: repeat("plain words ", "x"),
    "100 '[' then '('": lambda: repeat("["),
    "100 '[x](' then '('": lambda: repeat("[x]("),
    "100 '[a][' then '('": lambda: repeat("[a]["),
    "100 '[a](b ' then '('": lambda: repeat("[a](b "),
    "100 '[x](((…)' then '('": lambda: repeat("[x](" + "(" * 45 + ")"),
    "nested '[' 50 deep": lambda: repeat("[" * 50 + "x" + "](a)" * 50),
    "emphasis '*a **b _c '": lambda: repeat("*a **b _c ", "*"),
    "code and escapes": lambda: repeat("`x` \\[ \\* <b> &amp; ", "`"),
}
"""Description texts that `check` accepts: the build must stay linear."""

REFUSED: dict[str, str] = {
    "12,000 '['": "[" * 12_000,
    "20,000 '[x]('": "[x](" * 20_000,
    "0.9 MB of '['": "[" * 900_000,
    "NUL, ESC, U+202E": "a\x00b\x1bc\u202ed",
}
"""The issue's attacks: `check` must refuse each quickly with a located problem."""


def credential(text: str, *, fill: bool = True) -> dict[str, object]:
    """A valid credential whose assessments fill the file with ``text`` (under 1 MiB), or only
    the first assessment's when not ``fill``."""
    sample = yaml.safe_load(
        (REPO / "catalogue" / "credentials" / "data-visualisation.yaml").read_text("utf-8")
    )
    sample.pop("stackability", None)
    sample.pop("superseded_by", None)
    outcome_ids = [o["id"] for o in sample["outcomes"]]
    template = sample["assessments"][0]
    assessments = []
    size = len(yaml.safe_dump(sample, allow_unicode=True).encode("utf-8"))
    while fill:
        item = copy.deepcopy(template)
        item["id"] = f"part-{len(assessments) + 1}"
        item["proves"] = list(outcome_ids)
        item["description"] = {"en": text, "de": text}
        grown = len(yaml.safe_dump(item, allow_unicode=True, width=10**9).encode("utf-8"))
        if size + grown > MAX_BYTES * 0.97:
            break
        assessments.append(item)
        size += grown
    sample["assessments"] = assessments or [dict(template, description={"en": text})]
    return sample


def make(root: Path, data: dict[str, object]) -> int:
    """A catalogue folder with one credential; returns the size of its file in bytes."""
    shutil.copy(REPO / "catalogue" / "catalogue.yaml", root / "catalogue.yaml")
    shutil.copytree(REPO / "catalogue" / "organisations", root / "organisations")
    (root / "credentials").mkdir()
    path = root / "credentials" / "hostile.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def build(folder: Path) -> float:
    """Seconds of a `mkdocs build` of the catalogue in ``folder / 'catalogue'``."""
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("# bench\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(repo=REPO), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
        cwd=folder,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


def main() -> None:
    args = sys.argv[1:]
    with_build = "--no-build" not in args
    wanted = [a for a in args if a != "--no-build"]
    print(f"{'case':<28} {'MB':>5} {'check s':>8} {'s/MB':>6} {'build s':>8} {'s/MB':>6} result")
    for name, make_text in ACCEPTED.items():
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "catalogue").mkdir()
            mb = make(folder / "catalogue", credential(make_text())) / 1e6
            started = time.perf_counter()
            catalogue, problems = check_catalogue(folder / "catalogue")
            checked = time.perf_counter() - started
            errors = [p.format()[:100] for p in problems if p.is_error]
            assert catalogue is not None and not errors, errors[:3]
            built = build(folder) if with_build else float("nan")
            print(
                f"{name:<28} {mb:>5.2f} {checked:>8.2f} {checked / mb:>6.2f} "
                f"{built:>8.2f} {built / mb:>6.2f} accepted"
            )
    for name, text in REFUSED.items():
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            data = credential("ok", fill=False)
            data["description"] = {"en": text}
            mb = make(root, data) / 1e6
            started = time.perf_counter()
            catalogue, problems = check_catalogue(root, display_root=root)
            checked = time.perf_counter() - started
            located = [p for p in problems if p.is_error and p.line > 0]
            assert located, problems
            print(
                f"{name:<28} {mb:>5.2f} {checked:>8.2f} {checked / mb:>6.2f} {'-':>8} {'-':>6} "
                f"refused: {located[0].format()[:70]}…"
            )


if __name__ == "__main__":
    main()
