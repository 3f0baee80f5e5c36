"""Hostile catalogues, second part: links and special files, versions that cannot name a
folder, output that could grow without bound, and builds that fail.

Families (``tests/test_hostile.py`` holds YAML constructs, texts and output folders):

* **links and special files**: loops of links, links out of the catalogue (a file, the
  ``credentials/`` or ``versions/`` folder, ``catalogue.yaml``, a logo), pipes; each is a
  located problem from ``credcat check``, never a traceback, and nothing outside is read;
* **versions**: every ``version`` that ``check`` accepts names a folder next to
  ``index.html`` (hypothesis over the version grammar), everything else is refused;
* **graph shapes and long lists**: hints, cycles and the pathways page stay bounded;
* **failed builds**: ``mkdocs build`` that fails mid-way (a template error, a warning under
  ``--strict``) leaves the previous site byte for byte.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from catalogue_factory import ORGANISATIONS, credential, write_catalogue
from credcat.cli import main
from credcat.errors import listing
from credcat.model import FILE_SUFFIXES, RESERVED_VERSIONS, VERSION_RE
from credcat.output import data_files, write_machine_files
from credcat.render.pathways import MAX_PATH_STEPS, MAX_PATHS, build_graph, routes
from credcat.render.site.pages import Pages
from credcat.render.site.pathways import MAX_LISTED_ROUTES
from credcat.urls import MACHINE_FILES, Urls
from credcat.validate import check_catalogue
from test_site_build import BASIC, make_project

SECRET = "hunter2-do-not-publish"


def check_output(root: Path) -> tuple[int, str]:
    """``credcat check`` on ``root``: exit code and everything it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["check", str(root)])
    return code, out.getvalue()


# --- links and special files ---------------------------------------------------------------------


def _outside_file(root: Path) -> Path:
    secret = root.parent / "outside.yaml"
    secret.write_text(f"title: {SECRET}\n", encoding="utf-8")
    return secret


def _outside_folder(root: Path, name: str) -> Path:
    folder = root.parent / f"outside-{name}"
    (root / name).rename(folder)
    return folder


def _two_loops(r: Path) -> None:
    (r / "credentials/a.yaml").symlink_to("b.yaml")
    (r / "credentials/b.yaml").symlink_to("a.yaml")


def _settings_out(r: Path) -> None:
    _outside_file(r).write_bytes((r / "catalogue.yaml").read_bytes() + b"# x\n")
    (r / "catalogue.yaml").unlink()
    (r / "catalogue.yaml").symlink_to(r.parent / "outside.yaml")


def _settings_loop(r: Path) -> None:
    (r / "catalogue.yaml").unlink()
    (r / "catalogue.yaml").symlink_to("catalogue.yaml")


def _credentials_loop(r: Path) -> None:
    _outside_folder(r, "credentials")
    (r / "credentials").symlink_to("credentials")


def _versions_out(r: Path) -> None:
    (r.parent / "elsewhere" / "databases").mkdir(parents=True)
    (r / "versions").symlink_to(r.parent / "elsewhere")


def _logo_out(r: Path) -> None:
    (r / "logos").mkdir()
    (r / "logos/uni.svg").symlink_to("/etc/hostname")


def _logo_pipe(r: Path) -> None:
    (r / "logos").mkdir()
    os.mkfifo(r / "logos/uni.svg")


LINKS: dict[str, tuple[Callable[[Path], object], str, str]] = {
    # case: (make it, the file named in the problem, words of the message)
    "credential is a loop": (
        lambda r: (r / "credentials/loop.yaml").symlink_to("loop.yaml"),
        "credentials/loop.yaml",
        "loop of links",
    ),
    "two credentials link to each other": (
        _two_loops,
        "credentials/a.yaml",
        "loop of links",
    ),
    "credential links out": (
        lambda r: (r / "credentials/leak.yaml").symlink_to(_outside_file(r)),
        "credentials/leak.yaml",
        "leads outside the catalogue folder",
    ),
    "credential links to a device": (
        lambda r: (r / "credentials/zero.yaml").symlink_to("/dev/zero"),
        "credentials/zero.yaml",
        "leads outside the catalogue folder",
    ),
    "organisation is a pipe": (
        lambda r: os.mkfifo(r / "organisations/pipe.yaml"),
        "organisations/pipe.yaml",
        "not a regular file",
    ),
    "catalogue.yaml links out": (
        _settings_out,
        "catalogue.yaml",
        "leads outside the catalogue folder",
    ),
    "catalogue.yaml is a loop": (
        _settings_loop,
        "catalogue.yaml",
        "loop of links",
    ),
    "credentials folder links out": (
        lambda r: (r / "credentials").symlink_to(_outside_folder(r, "credentials")),
        "credentials",
        "folder 'credentials' leads outside the catalogue folder",
    ),
    "credentials folder is a loop": (
        _credentials_loop,
        "credentials",
        "folder 'credentials' is a loop of links",
    ),
    "organisations folder links out": (
        lambda r: (r / "organisations").symlink_to(_outside_folder(r, "organisations")),
        "organisations",
        "folder 'organisations' leads outside",
    ),
    "versions folder links out": (
        _versions_out,
        "versions",
        "folder 'versions' is a link",
    ),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_links_and_special_files_are_located_problems(case: str, tmp_path: Path) -> None:
    make, where, words = LINKS[case]
    root = write_catalogue(tmp_path / "c")
    make(root)
    code, printed = check_output(root)
    assert code == 1
    assert "Traceback" not in printed
    assert SECRET not in printed
    lines = [line for line in printed.splitlines() if words in line]
    assert lines, printed
    assert any(where in line for line in lines)
    _, problems = check_catalogue(root, display_root=root)
    assert any(p.path == where and words in p.message for p in problems), [
        p.format() for p in problems
    ]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda r: (r / "logos").symlink_to("logos"), "logo file"),
        (_logo_out, ""),
        (_logo_pipe, ""),
    ],
)
def test_logos_are_checked_through_the_same_rule(
    make: Callable[[Path], object], words: str, tmp_path: Path
) -> None:
    organisations = copy.deepcopy(ORGANISATIONS)
    organisations["alpha-uni"]["logo"] = "logos/uni.svg"
    root = write_catalogue(tmp_path / "c", organisations=organisations)
    make(root)
    _, problems = check_catalogue(root, display_root=root)
    logo = [p for p in problems if p.code == "logo"]
    assert [p.path for p in logo] == ["organisations/alpha-uni.yaml"]
    assert logo[0].line >= 1
    assert "logo file 'logos/uni.svg'" in logo[0].message


def test_check_from_a_relative_path_reads_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_catalogue(tmp_path / "c")
    monkeypatch.chdir(tmp_path)
    catalogue, problems = check_catalogue(Path("c"))
    assert [p.format() for p in problems if p.is_error] == []
    assert catalogue is not None and list(catalogue.credentials) == ["databases"]


def test_release_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c")
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    folder = root / "versions" / "databases"
    folder.mkdir(parents=True)
    (folder / ".1.0.yaml.tmp").symlink_to(precious)  # hidden: check does not list it
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["release", "databases", str(root), "--date", "2026-09-01"])
    assert code == 0, out.getvalue()
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in folder.iterdir()) == ["1.0.yaml"]
    assert not (folder / "1.0.yaml").is_symlink()


# --- versions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "version",
    [
        "index.html",
        "INDEX.HTML",
        "elm.jsonld",
        "edc-template.json",
        "1.0.json",
        "2.0.yaml",
        "index",
        "Summary",
        "versions",
        "con",
        "nul.1",
        "LPT1",
    ],
)
def test_versions_that_cannot_name_a_folder_are_refused(version: str, tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials={"databases": credential(version=version)})
    _, problems = check_catalogue(root, display_root=root)
    errors = [p for p in problems if p.is_error]
    assert [(p.path, p.field) for p in errors] == [("credentials/databases.yaml", "version")]
    assert errors[0].line >= 1 and "cannot be a version" in errors[0].message


def test_every_machine_file_name_is_refused_as_a_version() -> None:
    for name, _ in MACHINE_FILES.values():
        assert name.rsplit(".", 1)[1] in FILE_SUFFIXES
    assert {"index", "summary"} <= RESERVED_VERSIONS


def _site_files(root: Path) -> set[str]:
    """Every file the site of ``root`` holds: the pages' HTML and the data files."""
    catalogue, problems = check_catalogue(root, display_root=root)
    assert catalogue is not None, [p.format() for p in problems]
    urls = Urls.of(catalogue.settings)
    pages = Pages(catalogue, urls, catalogue.settings.default_language)
    files = {spec.src_uri.removesuffix(".md") + ".html" for spec in pages.pages()}
    data = data_files(catalogue, urls)
    assert not files & data.keys()
    return files | data.keys()


versions = st.from_regex(VERSION_RE, fullmatch=True).filter(lambda v: len(v) <= 32)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(version=st.one_of(versions, st.sampled_from(["html", "1.0-html", "v1.index", "con1.0"])))
def test_every_version_check_accepts_builds(version: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_catalogue(
            Path(folder) / "c", credentials={"databases": credential(version=version)}
        )
        catalogue, problems = check_catalogue(root, display_root=root)
        if catalogue is None or any(p.is_error for p in problems):
            assert any(p.field == "version" for p in problems)
            return
        files = _site_files(root)
        folders = {"/".join(f.split("/")[:i]) for f in files for i in range(1, f.count("/") + 1)}
        assert not files & folders, sorted(files & folders)
        assert f"credentials/databases/{version}/index.html" in files
        assert write_machine_files(catalogue, Path(folder) / "out") > 0


# --- bounded output -------------------------------------------------------------------------------


def test_listing_counts_what_it_does_not_show() -> None:
    assert listing(["a", "b"]) == "a, b"
    assert listing(str(i) for i in range(3000)) == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 … and 2,990 more"
    assert listing(["a", "b", "c"], " → ", limit=2) == "a → b … and 1 more"


def test_thousands_of_unknown_outcomes_give_short_problems(tmp_path: Path) -> None:
    data = credential()
    data["outcomes"] = [
        {"id": f"outcome-{i}", "text": {"en": "Analyse data sets with Python.", "de": "Text."}}
        for i in range(1500)
    ]
    data["assessments"][0]["proves"] = [f"x{i}" for i in range(1500)] + ["outcome-1o"]
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    size = (root / "credentials" / "databases.yaml").stat().st_size
    code, printed = check_output(root)
    assert code == 1
    unknown = [line for line in printed.splitlines() if "unknown outcome" in line]
    assert len(unknown) == 1501
    assert all(len(line) < 400 for line in unknown)
    assert "… and 1,490 more" in unknown[0]
    assert any("did you mean 'outcome-1'" in line for line in unknown)  # the typo still found
    assert len(printed) < 10 * size


def _diamonds(layers: int) -> dict[str, Any]:
    """Layers of two credentials, each building on both of the layer above: 2**layers routes."""
    creds: dict[str, Any] = {}
    for layer in range(layers):
        for side in "ab":
            data = credential(title={"en": f"Step {layer}{side}", "de": f"Schritt {layer}{side}"})
            if layer:
                data["stackability"] = {"builds_on": [f"s{layer - 1}a", f"s{layer - 1}b"]}
            creds[f"s{layer}{side}"] = data
    return creds


def test_diamond_layers_give_a_bounded_pathways_page(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials=_diamonds(14))
    catalogue, problems = check_catalogue(root, display_root=root)
    assert catalogue is not None, [p.format() for p in problems if p.is_error]
    title = {cid: cid for cid in catalogue.credentials}
    found = routes(build_graph(catalogue), title)
    assert not found.complete
    assert len(found) <= MAX_PATHS
    assert sum(len(r.counted) for r in found) <= MAX_PATH_STEPS + 28
    pages = Pages(catalogue, Urls.of(catalogue.settings), "en")
    [spec] = [s for s in pages.pages() if s.kind == "pathways" and not s.src_uri.startswith("de/")]
    context: Any = pages.context(spec)
    assert len(context["routes"]) == MAX_LISTED_ROUTES
    assert re.fullmatch(r"Routes not listed here: more than \d+\.", context["more_routes"])
    assert sum(len(g["nodes"]) for g in context["graphs"]) == 28


def test_a_few_routes_are_all_listed(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "c", credentials=_diamonds(3))
    catalogue, _ = check_catalogue(root, display_root=root)
    assert catalogue is not None
    pages = Pages(catalogue, Urls.of(catalogue.settings), "en")
    [spec] = [s for s in pages.pages() if s.kind == "pathways" and not s.src_uri.startswith("de/")]
    context: Any = pages.context(spec)
    assert len(context["routes"]) == 8
    assert context["more_routes"] == ""


# --- a failed build leaves the previous site -----------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build(config_file: Path, site: Path, *, strict: bool = True) -> None:
    build(load_config(config_file=str(config_file), site_dir=str(site), strict=strict))


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project", BASIC)
    site = tmp_path / "site"
    _build(config, site)
    before = _tree(site)
    mode = site.stat().st_mode
    assert "index.html" in before and "catalogue.json" in before

    # a template error in the middle of the build (a site override with a typo)
    overrides = tmp_path / "project" / "overrides" / "credcat" / "body"
    overrides.mkdir(parents=True)
    (overrides / "credential.html").write_text("{{ credcat.no_such_key }}\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    with pytest.raises(Exception, match="no_such_key"):
        _build(config, site)
    assert _tree(site) == before

    # a warning under --strict (a broken link on a hand-written page)
    config.write_text(text, encoding="utf-8")
    (tmp_path / "project" / "docs" / "data.md").write_text("[x](missing.md)\n", encoding="utf-8")
    with pytest.raises(Exception, match="strict"):
        _build(config, site)
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging left

    # a build that succeeds replaces the site
    _build(config, site, strict=False)
    after = _tree(site)
    assert after != before and after["catalogue.json"] == before["catalogue.json"]
    assert site.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_a_build_keeps_the_sites_dot_files_and_writes_only_inside_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gh-pages checkout (``.git``), a server's ``.htaccess`` and ``.well-known`` in the site
    folder survive a build, as MkDocs' own clean keeps them; the build stages inside the
    folder it was given (nothing beside it: its parent may be read-only, or it a mount
    point), removes what a killed build left there, and leaves no page the site no longer
    has."""
    import credcat.mkdocs_plugin as plugin

    config = make_project(tmp_path / "project", BASIC)
    site = tmp_path / "site"
    _build(config, site)
    kept = {
        ".git/HEAD": b"ref: refs/heads/gh-pages\n",
        ".htaccess": b"ErrorDocument 404 /404.html\n",
        ".well-known/security.txt": b"Contact: mailto:security@example.org\n",
    }
    for name, data in kept.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    (site / "gone.html").write_text("a page the site no longer has", encoding="utf-8")
    for left in (".credcat-staging-x1", ".credcat-old-x2"):  # a build killed mid-way
        (site / left / "credentials").mkdir(parents=True)
        (site / left / "credentials" / "index.html").write_text("stale", encoding="utf-8")
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(*args: Any, **kwargs: Any) -> str:
        folder = real_mkdtemp(*args, **kwargs)
        made.append(Path(folder))
        return folder

    monkeypatch.setattr(plugin.tempfile, "mkdtemp", mkdtemp)
    _build(config, site)
    assert made and all(folder.parent == site for folder in made)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
    for name, data in kept.items():
        assert (site / name).read_bytes() == data, name
    top = sorted(p.name for p in site.iterdir() if p.name.startswith("."))
    assert top == [".git", ".htaccess", ".well-known"]  # no staging folder, old or new
    assert not (site / "gone.html").exists()
    assert (site / "index.html").is_file() and (site / "catalogue.json").is_file()

    # a failed build leaves them too, with the rest of the previous site
    before = _tree(site)
    (tmp_path / "project" / "docs" / "data.md").write_text("[x](missing.md)\n", encoding="utf-8")
    with pytest.raises(Exception, match="strict"):
        _build(config, site)
    assert _tree(site) == before
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == top

    # a site folder that does not exist yet, and a build that fails: nothing is left
    fresh = tmp_path / "new" / "site"
    with pytest.raises(Exception, match="strict"):
        _build(config, fresh)
    assert not (tmp_path / "new").exists()
