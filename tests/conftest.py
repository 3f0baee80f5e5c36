"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from catalogue_factory import write_catalogue

TEST_TODAY_EPOCH = "1796126400"
"""2026-12-01 12:00 UTC: the date every test runs on, whatever the real date is."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``credcat.clock.today()`` 2026-12-01 in every test (and the processes it starts)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TEST_TODAY_EPOCH)


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A valid two-language catalogue with one credential."""
    return write_catalogue(tmp_path / "catalogue")


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Path, Any]]:
    """A small project and its plugin, started as ``mkdocs serve`` starts it."""
    from credcat.mkdocs_plugin import CredcatPlugin
    from test_site_build import make_project

    config = make_project(tmp_path / "project")
    plugin = load_config(config_file=str(config), site_dir=str(tmp_path / "site")).plugins[
        "credcat"
    ]
    assert isinstance(plugin, CredcatPlugin)
    plugin.on_startup(command="serve", dirty=False)
    try:
        yield config, plugin
    finally:
        plugin.on_startup(command="build", dirty=False)  # the instance outlives this test
