"""Benchmark the catalogue page in Chromium at N credentials (issue 9, item 4).

For each N: writes a catalogue of N credentials that differ from each other
(``tests/catalogue_factory.varied_catalogue``: random sentences from the sample's words, varied
levels, fields, organisations, runs and prices) into a temporary folder made with ``mkdtemp``,
builds the site there, serves it on 127.0.0.1 (a random free port) and measures, in headless
Chromium (``/usr/bin/chromium`` or whatever ``tests/browser/chromium.py`` finds, with the flags of
the browser tests; every request to another host is aborted):

* ``catalogue.json`` and ``catalogue-texts.json``: bytes per credential, raw and gzipped (level
  6, what web servers use);
* first render: from navigation start to the first paint with content (the first page of
  results is in the HTML), median of 5 loads;
* filters ready: from navigation start to the script's first results (its ``credcat-results``
  performance mark: ``catalogue.json`` parsed and prepared), median of 5 loads;
* texts ready: to ``catalogue-texts.json`` merged (the ``credcat-texts`` mark; a text search
  typed before waits for it), median of 5 loads;
* a filter or search change: from the change to the results, facet counts and URL being
  updated (the script runs synchronously), and to the next frame painted; median of 20 changes
  (ticking and unticking facet options, typing a word and submitting, changing the sort: each
  of five orders once, "Starts soonest" among them).

By default the site is a *shell* built with ``mkdocs build`` from ``--shell`` credentials (the
catalogue page of a large catalogue holds the same number of server-rendered cards: one page
of the no-JavaScript list), whose ``catalogue.json`` is then replaced by the one of the N
credentials, written by credcat itself: a full build of 10,000 credentials takes minutes and
gigabytes (docs/performance.md) and measures nothing more about this page (its
``catalogue-texts.json`` is replaced the same way). ``--full`` builds the whole site of N
credentials instead.

Usage: python scripts/bench_catalogue.py [N ...] [--shell 120] [--full]   (default: 1000 10000)
The temporary folder is removed at the end. Record the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.browser.chromium import find_chromium  # noqa: E402

from catalogue_factory import varied_catalogue  # noqa: E402
from credcat.render.site.index import catalogue_json, catalogue_texts_json  # noqa: E402
from credcat.urls import Urls  # noqa: E402
from credcat.validate import check_catalogue  # noqa: E402

CHROMIUM_ARGS = [  # as tests/browser/conftest.py
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
HOST = "127.0.0.1"
MKDOCS_YML = """\
site_name: Synthetic catalogue
site_url: https://synthetic.example/
docs_dir: {docs}
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
  - credcat:
      catalogue_dir: {catalogue}
      machine_files: false
"""
LOADS = 5
CHANGES = 20

# When, in ms from navigation start: the first paint with content (the first page of results
# is in the HTML), catalogue.json received, the filters ready (the script's results rendered),
# catalogue-texts.json received and merged (the text search complete).
TIMING_JS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const resource = (pattern) => performance.getEntriesByType("resource")
    .filter(e => pattern.test(e.name))[0];
  const json = resource(/\\/catalogue\\.json$/);
  const texts = resource(/\\/catalogue-texts\\.json$/);
  return {paint: paint ? paint.startTime : NaN, json: json ? json.responseEnd : NaN,
          ready: performance.getEntriesByName("credcat-results")[0].startTime,
          texts_loaded: texts ? texts.responseEnd : NaN,
          texts: performance.getEntriesByName("credcat-texts")[0].startTime};
}"""
READY_JS = """() => performance.getEntriesByName('credcat-results').length > 0
  && performance.getEntriesByName('credcat-texts').length > 0"""

# One change of the filters, run in the page: returns [script ms, to-next-frame ms].
CHANGE_JS = """async (step) => {
  const form = document.getElementById("credcat-filters");
  const boxes = Array.from(form.querySelectorAll("input[data-credcat-facet]"))
    .filter(b => b.name !== "status" && !b.disabled);
  const query = document.getElementById("credcat-q");
  const sort = document.getElementById("credcat-sort");
  const t0 = performance.now();
  const kind = step % 4;
  if (kind === 0 || kind === 1) {
    boxes[(step * 7) % boxes.length].click();          // tick (or untick) an option
  } else if (kind === 2) {
    query.value = query.value ? "" : step % 8 < 4 ? "data" : "plan";
    form.requestSubmit();                               // a search: Enter after typing
  } else {
    sort.value = ["eqf_asc", "title", "ects_desc", "provider", "start"][(step >> 2) % 5];
    sort.dispatchEvent(new Event("change", {bubbles: true}));
  }
  const t1 = performance.now();
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [t1 - t0, performance.now() - t0,
          document.querySelectorAll("#credcat-results li.credcat-card").length];
}"""


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - as in the base class
        **SimpleHTTPRequestHandler.extensions_map,
        ".json": "application/json",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


def build(work: Path, catalogue: Path) -> Path:
    docs = work / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Synthetic catalogue\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(docs=docs, catalogue=catalogue), encoding="utf-8")
    site = work / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        capture_output=True,
        env={"NO_MKDOCS_2_WARNING": "1", **dict(__import__("os").environ)},
    )
    return site


def measure(site: Path, chromium: Path) -> dict[str, float]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer((HOST, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{HOST}:{server.server_address[1]}/catalogue/"
    loads: list[float] = []
    paints: list[float] = []
    fetched: list[float] = []
    texts: list[float] = []
    texts_fetched: list[float] = []
    script: list[float] = []
    frame: list[float] = []
    try:
        with sync_playwright() as pw:
            # Chromium writes crash-report settings and a dconf cache under its home: the
            # benchmark's own folder, not the user's
            home = site.parent / "chromium-home"
            env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
            env["XDG_CACHE_HOME"] = str(home / ".cache")
            browser = pw.chromium.launch(
                executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS, env=env
            )
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if urlsplit(route.request.url).hostname == HOST
                    else route.abort()
                ),
            )
            page = context.new_page()
            for _ in range(LOADS):
                page.goto(url)
                page.wait_for_function(READY_JS, timeout=60_000)
                timing = page.evaluate(TIMING_JS)
                loads.append(timing["ready"])
                paints.append(timing["paint"])
                fetched.append(timing["json"])
                texts.append(timing["texts"])
                texts_fetched.append(timing["texts_loaded"])
            for step in range(CHANGES):
                run, painted, _shown = page.evaluate(CHANGE_JS, step)
                script.append(run)
                frame.append(painted)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "first_render_ms": statistics.median(paints),
        "json_ms": statistics.median(fetched),
        "ready_ms": statistics.median(loads),
        "texts_json_ms": statistics.median(texts_fetched),
        "texts_ms": statistics.median(texts),
        "change_ms": statistics.median(script),
        "change_frame_ms": statistics.median(frame),
        "change_max_ms": max(script),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--shell", type=int, default=120, help="credentials of the shell site")
    parser.add_argument("--full", action="store_true", help="build the whole site of N")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("Chromium not found: see tests/browser/chromium.py")
    print(
        f"{'credentials':>11} {'json KB/cred':>12} {'gzip B/cred':>11} {'texts KB/cred':>13} "
        f"{'gzip B/cred':>11} {'results painted':>15} {'json loaded':>11} "
        f"{'filters ready':>13} {'texts loaded':>12} {'texts ready':>11} {'change ms':>9} "
        f"{'to frame ms':>11} {'worst ms':>8}"
    )
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="credcat-bench-catalogue-"))
        try:
            catalogue = varied_catalogue(work / "catalogue", size)
            started = time.perf_counter()
            loaded, _problems = check_catalogue(catalogue)
            assert loaded is not None, _problems
            data = catalogue_json(loaded, Urls.of(loaded.settings))
            texts = catalogue_texts_json(loaded, Urls.of(loaded.settings))
            if args.full:
                site = build(work, catalogue)
            else:
                shell = varied_catalogue(work / "shell", min(size, args.shell))
                site = build(work, shell)
                (site / "catalogue.json").write_bytes(data)
                (site / "catalogue-texts.json").write_bytes(texts)
            prepared = time.perf_counter() - started
            figures = measure(site, chromium)
            raw = len(data) / size
            packed = len(gzip.compress(data, 6)) / size
            texts_raw = len(texts) / size
            texts_packed = len(gzip.compress(texts, 6)) / size
            print(
                f"{size:>11,} {raw / 1024:>12.2f} {packed:>11.0f} {texts_raw / 1024:>13.2f} "
                f"{texts_packed:>11.0f} "
                f"{figures['first_render_ms']:>15.0f} {figures['json_ms']:>11.0f} "
                f"{figures['ready_ms']:>13.0f} {figures['texts_json_ms']:>12.0f} "
                f"{figures['texts_ms']:>11.0f} {figures['change_ms']:>9.1f} "
                f"{figures['change_frame_ms']:>11.1f} {figures['change_max_ms']:>8.1f}"
                f"   (prepared in {prepared:.0f} s)",
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
