"""Benchmark `credcat check` on a synthetic catalogue of N credentials.

The synthetic catalogue copies the sample catalogue's organisations and clones its credentials
under new ids (stackability and succession links dropped, so every copy is valid). Each clone's
summary, run ids and enrolment addresses carry its number, so that, like a real catalogue, it
draws none of the warnings about copied files (a thousand warnings would be logged and checked
on every build). Results go to stdout; record them in docs/performance.md.

Usage: python scripts/bench_check.py [N ...]   (default: 100 1000 10000)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
# after PYTHONPATH, so that the code of another commit (PYTHONPATH=<its plugins>) can be measured
# with these scripts; before, every run measured this checkout's code
sys.path.append(str(REPO / "plugins"))

from credcat.catalogue import Catalogue  # noqa: E402
from credcat.release import snapshot_text  # noqa: E402
from credcat.validate import check_catalogue  # noqa: E402
from credcat.versions import (  # noqa: E402
    ARCHIVE_DIR,
    BASE_URI,
    ORGANISATIONS,
    PUBLISHER,
    fingerprint,
    named_now,
    organisation_names_now,
)

NUMBER = "NUMBER0"  # in a clone's texts and addresses: replaced by the clone's number


def make_catalogue(root: Path, count: int) -> None:
    """Write a catalogue of ``count`` credentials into ``root``."""
    sample = REPO / "catalogue"
    shutil.copy(sample / "catalogue.yaml", root / "catalogue.yaml")
    shutil.copytree(sample / "organisations", root / "organisations")
    shutil.copytree(sample / "logos", root / "logos")
    (root / "credentials").mkdir()
    templates = []
    for path in sorted((sample / "credentials").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("stackability", None)
        data.pop("superseded_by", None)
        data.pop("status_note", None)
        data["status"] = "active"
        for qa in data.get("quality_assurance", []):
            if "valid_until" in qa:  # active now: its quality assurance must not run out
                qa["valid_until"] = "2099-12-31"
        data["summary"] = {lang: f"{text} ({NUMBER})" for lang, text in data["summary"].items()}
        for offering in data.get("offerings", []):
            offering["id"] = f"{offering['id']}-{NUMBER}"
            if "enrolment_url" in offering:
                offering["enrolment_url"] = f"{offering['enrolment_url']}?run={NUMBER}"
        templates.append((path.stem, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))
    for i in range(count):
        stem, text = templates[i % len(templates)]
        (root / "credentials" / f"{stem}-{i:05d}.yaml").write_text(
            text.replace(NUMBER, f"{i:05d}"), encoding="utf-8"
        )


def release_every(root: Path) -> None:
    """Release the current version of every credential of the catalogue in ``root``: write
    its archive snapshot as ``credcat release`` does (one check for all, not one each)."""
    catalogue, problems = check_catalogue(root)
    assert catalogue is not None and not any(p.is_error for p in problems), problems
    for cid, credential in catalogue.credentials.items():
        source = root / Catalogue.source_of("credential", cid)
        record = {
            "date": credential.published or date(2026, 9, 1),
            "fingerprint": fingerprint(credential),
            "replaces": None,
            "language": catalogue.settings.default_language,
            BASE_URI: catalogue.settings.base_uri,
            PUBLISHER: catalogue.settings.publisher,
            **named_now(catalogue, credential),
            ORGANISATIONS: organisation_names_now(catalogue, credential),
        }
        folder = root / ARCHIVE_DIR / cid
        folder.mkdir(parents=True)
        (folder / f"{credential.version}.yaml").write_text(
            snapshot_text(source.read_text("utf-8"), record, credential), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sizes", nargs="*", type=int, metavar="N", help="catalogue sizes (default: 100 1000 10000)"
    )
    sizes = parser.parse_args().sizes or [100, 1000, 10000]
    print(f"{'credentials':>12} {'seconds':>9} {'ms/credential':>14} {'problems':>9}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            make_catalogue(root, size)
            started = time.perf_counter()
            catalogue, problems = check_catalogue(root)
            elapsed = time.perf_counter() - started
            assert catalogue is not None and len(catalogue.credentials) == size
            print(f"{size:>12} {elapsed:>9.2f} {elapsed / size * 1000:>14.2f} {len(problems):>9}")


if __name__ == "__main__":
    main()
