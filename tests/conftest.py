"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

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
