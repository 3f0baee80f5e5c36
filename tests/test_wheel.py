"""The distribution: ``python -m build`` makes an sdist and a wheel that hold everything a new
catalogue needs, and the installed wheel alone starts, fills and builds one.

Everything happens in ``tmp_path`` and without network: the wheel is built without build
isolation (setuptools and build are test dependencies) and installed with ``--no-deps`` into a
folder of its own; a fresh interpreter runs with only that folder added to its path, so the
dependencies come from the test environment but credcat comes from the wheel, never from this
repository's ``plugins/`` (the test proves it through ``credcat.__file__``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import yaml

from catalogue_factory import REPO
from credcat import __version__
from test_scaffold import fill_file


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def test_the_wheel_alone_starts_and_builds_a_catalogue(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["NO_MKDOCS_2_WARNING"] = "1"
    _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(REPO)],
        tmp_path,
        env,
    )
    wheels = list(dist.glob("credcat-*.whl"))
    sdists = list(dist.glob("credcat-*.tar.gz"))
    assert [w.name for w in wheels] == [f"credcat-{__version__}-py3-none-any.whl"]
    assert len(sdists) == 1

    names = set(zipfile.ZipFile(wheels[0]).namelist())
    for needed in (
        "credcat/scaffold/credential-new.yaml",
        "credcat/scaffold/github/catalogue.yml",
        "credcat/scaffold/docs/index.md",
        "credcat/theme/credcat/body/credential.html",
        "credcat/theme/assets/credcat/credcat.css",
        "credcat/theme/assets/credcat/catalogue.js",
        "credcat/theme/assets/credcat/site.js",
        "credcat/theme/404.html",
        "credcat/data/ui.yaml",
        "credcat/locales/credcat.pot",
        *(f"credcat/locales/{lang}.po" for lang in ("de", "fr", "it", "es", "pt", "nl")),
        "credcat/scaffold/docs/index.it.md",
        "credcat/contexts/edc-ap.jsonld",
        "credcat/shapes/EDC-generic-no-cv.ttl",
        "credcat/shapes/LOQ-constraints-mdr.ttl",
        "credcat/shapes/ob3-achievementcredential.schema.json",
        "credcat/py.typed",
    ):
        assert needed in names, needed
    assert any(n.startswith("credcat/vocab/data/") and n.endswith(".json") for n in names)
    metadata = zipfile.ZipFile(wheels[0]).read(f"credcat-{__version__}.dist-info/METADATA").decode()
    assert "License-Expression: EUPL-1.2" in metadata
    with tarfile.open(sdists[0]) as sdist:
        members = {m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name}
    assert "plugins/credcat/scaffold/credential-new.yaml" in members
    assert "plugins/credcat/theme/credcat/body/credential.html" in members

    target = tmp_path / "installed"
    _run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--no-cache-dir",
         "--disable-pip-version-check", "--target", str(target), str(wheels[0])],
        tmp_path,
        env,
    )  # fmt: skip
    env["PYTHONPATH"] = str(target)
    where = _run([sys.executable, "-c", "import credcat; print(credcat.__file__)"], tmp_path, env)
    assert Path(where.strip()).is_relative_to(target)

    cli = [sys.executable, "-m", "credcat.cli"]
    _run([*cli, "init", "new", "--title", "Wheel test catalogue"], tmp_path, env)
    project = tmp_path / "new"
    _run([*cli, "new", "credential", "sql-basics"], project, env)
    fill_file(project / "catalogue" / "credentials" / "sql-basics.yaml")
    _run([*cli, "check", "--strict", "catalogue"], project, env)
    build = (
        "import credcat.mkdocs_plugin as p, sys; from mkdocs.__main__ import cli; "
        "print(p.__file__, file=sys.stderr); cli(['build', '--strict', '--site-dir', 'site'])"
    )
    log = _run([sys.executable, "-c", build], project, env)
    assert str(target) in log  # the plugin that built the site came from the wheel
    site = project / "site"
    assert (site / "credentials" / "sql-basics" / "index.html").is_file()
    assert (site / "assets" / "credcat" / "credcat.css").is_file()
    _run([*cli, "verify-site", "site"], project, env)
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    assert "extra_css" not in config and "custom_dir" not in config["theme"]
