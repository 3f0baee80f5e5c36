"""Benchmark hostile catalogues: `credcat check` and `mkdocs build` time per MB, worst cases.

Each case is a catalogue of the sample's organisations and one credential file just under the
1 MiB limit whose Markdown descriptions (every assessment's, in two languages) are filled with
one pathological pattern, at the longest length and the most '[' the limits accept. Before the
hardening, 12,000 '[' in one description made `mkdocs build` take 40 s; the refused cases
show that `check` rejects the old attacks quickly, with located problems.

The second table holds the hostile *shapes* of a catalogue (issue 14, item 7): thousands of
unknown references in one file (every problem's hint once listed every outcome id), two-wide
"diamond" layers (2**layers routes through the pathways graph) and a long ``builds_on`` chain;
it shows the size of what `check` prints and of the largest generated page and search index.

Usage: python scripts/bench_hostile.py [--no-build] [CASE ...]   (default: every case)
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
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

from credcat.cli import main as credcat_main  # noqa: E402
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
  - search
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
    "list markers 500 deep": "* " * 500 + "x",
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
    sample.pop("status_note", None)
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


def sample_credential(title: str) -> dict[str, object]:
    """The sample's data-visualisation credential, titled ``title``, without links."""
    data = credential("A plain description.", fill=False)
    data["title"] = {"en": title, "de": title}
    first = data["assessments"][0]  # type: ignore[index]
    first["description"] = {"en": "A plain description.", "de": "Eine Beschreibung."}
    first["proves"] = [o["id"] for o in data["outcomes"]]  # type: ignore[attr-defined]
    return data


def unknown_outcomes(root: Path, count: int = 3000) -> None:
    """One credential with ``count`` outcomes and ``count`` unknown ``proves`` entries."""
    data = sample_credential("Many outcomes")
    text = {"en": "Analyse data sets with Python.", "de": "Datensätze analysieren."}
    data["outcomes"] = [{"id": f"outcome-{i}", "text": dict(text)} for i in range(count)]
    first = data["assessments"][0]  # type: ignore[index]
    first["proves"] = [f"unknown-{i}" for i in range(count)]
    make_many(root, {"many-outcomes": data})


def diamonds(root: Path, layers: int) -> None:
    """Layers of two credentials, each building on both of the layer above."""
    creds: dict[str, dict[str, object]] = {}
    for layer in range(layers):
        for side in "ab":
            data = sample_credential(f"Step {layer}{side}")
            if layer:
                data["stackability"] = {"builds_on": [f"s{layer - 1}a", f"s{layer - 1}b"]}
            creds[f"s{layer}{side}"] = data
    make_many(root, creds)


def chain(root: Path, length: int) -> None:
    """``length`` credentials, each building on the one before."""
    creds: dict[str, dict[str, object]] = {}
    for i in range(length):
        data = sample_credential(f"Link {i}")
        if i:
            data["stackability"] = {"builds_on": [f"c{i - 1}"]}
        creds[f"c{i}"] = data
    make_many(root, creds)


def make_many(root: Path, creds: dict[str, dict[str, object]]) -> None:
    """A catalogue folder with the sample's organisations and ``creds``."""
    shutil.copy(REPO / "catalogue" / "catalogue.yaml", root / "catalogue.yaml")
    shutil.copytree(REPO / "catalogue" / "organisations", root / "organisations")
    (root / "credentials").mkdir()
    for cid, data in creds.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
        (root / "credentials" / f"{cid}.yaml").write_text(text, encoding="utf-8")


SHAPES: dict[str, Callable[[Path], None]] = {
    "3,000 unknown outcomes": unknown_outcomes,
    "12 diamond layers": lambda root: diamonds(root, 12),
    "24 diamond layers": lambda root: diamonds(root, 24),
    "builds_on chain of 300": lambda root: chain(root, 300),
}
"""Catalogue shapes whose output once grew without bound."""


def folder_mb(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6


def shapes(wanted: list[str], with_build: bool) -> None:
    print()
    print(
        f"{'shape':<28} {'MB':>5} {'check s':>8} {'s/MB':>6} {'report MB':>9} "
        f"{'build s':>8} {'s/MB':>6} {'largest page MB':>15} {'search MB':>9}"
    )
    for name, make_shape in SHAPES.items():
        if wanted and name not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "catalogue").mkdir()
            make_shape(folder / "catalogue")
            mb = folder_mb(folder / "catalogue")
            printed = io.StringIO()
            started = time.perf_counter()
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
                code = credcat_main(["check", str(folder / "catalogue")])
            checked = time.perf_counter() - started
            report = len(printed.getvalue().encode("utf-8")) / 1e6
            built = page = search = float("nan")
            if with_build and code == 0:
                built = build(folder)
                site = folder / "site"
                page = max(p.stat().st_size for p in site.rglob("*.html")) / 1e6
                index = site / "search" / "search_index.json"
                search = index.stat().st_size / 1e6 if index.exists() else float("nan")
            print(
                f"{name:<28} {mb:>5.2f} {checked:>8.2f} {checked / mb:>6.2f} {report:>9.2f} "
                f"{built:>8.2f} {built / mb:>6.2f} {page:>15.2f} {search:>9.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-build", action="store_true", help="check each case only, without `mkdocs build`"
    )
    known = [*ACCEPTED, *REFUSED, *SHAPES]
    parser.add_argument(
        "cases", nargs="*", metavar="CASE", help=f"cases to run: {', '.join(known)} (default: all)"
    )
    options = parser.parse_args()
    unknown = [case for case in options.cases if case not in known]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}: choose from {', '.join(known)}")
    with_build = not options.no_build
    wanted = options.cases
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
    shapes(wanted, with_build)


if __name__ == "__main__":
    main()
