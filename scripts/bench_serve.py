"""Benchmark the rebuild of ``mkdocs serve`` after one credential file is edited.

Builds a synthetic catalogue of N credentials (bench_check.py; the sample's three languages)
with the project's theme, the search plugin and credcat, driven as ``mkdocs serve`` drives the
plugin (``on_startup("serve")``, a fresh config per rebuild, the same plugin instance), in a
temporary folder. Prints the first build, a rebuild with nothing changed, and a rebuild after
one credential's title was edited (wall seconds, one process, as under serve), and how many
credential pages and file sets were copied or rendered. Issue 9 asks for < 3 s at 1,000.

Usage: python scripts/bench_serve.py [--profile FILE] [--edits K] [--released] [N ...]
(default: 1000)

``--profile FILE`` writes cProfile statistics of the rebuild after the (last) edit to FILE
(read them with ``python -m pstats FILE``); ``--edits K`` edits K credentials, one rebuild
after each; ``--released`` releases every credential's version into the archive first (as a
catalogue that publishes its versions has it), and an edit changes a run's enrolment address
(or records an erratum where there is no run) instead of the title: a released version may
change only those. Beside each rebuild: the seconds Python's garbage collector took in it.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import logging
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from bench_build import make_project  # noqa: E402

SERVE_URL = "http://127.0.0.1:8000/"


class Counts(logging.Handler):
    """Keeps credcat's line about what it copied and rendered."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "unchanged (their pages" in message:
            self.last = message


class Collections:
    """Seconds spent in Python's garbage collector (a full collection of a large heap can land
    in any rebuild: it is printed beside the rebuild's time)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started


def rebuild(config: Path, site: Path, profile: Path | None = None) -> float:
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    cfg = load_config(config_file=str(config), site_dir=str(site))
    cfg.site_url = SERVE_URL
    build(cfg, serve_url=SERVE_URL)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--profile", type=Path, help="cProfile the rebuild after the edit")
    parser.add_argument(
        "--edits", type=int, default=1, help="edit this many credentials, one after the other"
    )
    parser.add_argument(
        "--released", action="store_true", help="release every credential's version first"
    )
    args = parser.parse_args()
    sizes = args.sizes
    collections = Collections()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    counts = Counts()
    logging.getLogger("mkdocs.plugins.credcat").addHandler(counts)
    logging.getLogger("mkdocs.plugins.credcat").setLevel(logging.INFO)
    print(f"{'N':>6} {'step':>18} {'wall s':>7} {'gc s':>5}  copied / rendered")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = make_project(Path(folder), size, released=args.released)
            config = root / "mkdocs.yml"
            site = Path(folder) / "site"
            plugin = load_config(config_file=str(config), site_dir=str(site)).plugins["credcat"]
            plugin.on_startup(command="serve", dirty=False)
            try:
                files = sorted((root / "catalogue" / "credentials").glob("*.yaml"))
                # a released version may change its runs only (a new title is a new version)
                change = "one run edited" if args.released else "one title edited"  # or erratum
                steps = ["first build", "nothing changed"] + [change] * args.edits
                for number, step in enumerate(steps):
                    edit = step == change
                    if edit:  # the middle credential, then the ones after it
                        edited = files[(size // 2 + number - 2) % size]
                        text = edited.read_text("utf-8")
                        if args.released and "?run=" in text:  # a run's enrolment address
                            text = text.replace("?run=", "?run=edited-", 1)
                        elif args.released:  # no run: an erratum recorded
                            version = re.search(r"^version: ['\"]?([^'\"\n]+)", text, re.M)
                            assert version is not None
                            text += (
                                f"errata:\n- version: '{version.group(1)}'\n"
                                f"  date: 2026-10-01\n  text: Edit {number}.\n"
                            )
                        else:
                            text = text.replace("  en: ", "  en: Edited ", 1)
                        edited.write_text(text, "utf-8")
                    collections.seconds = 0.0
                    seconds = rebuild(config, site, args.profile if edit else None)
                    print(
                        f"{size:>6} {step:>18} {seconds:>7.2f} {collections.seconds:>5.2f}  "
                        f"{counts.last}",
                        flush=True,
                    )
            finally:
                plugin.on_shutdown()


if __name__ == "__main__":
    main()
