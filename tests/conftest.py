"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue_factory import write_catalogue


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A valid two-language catalogue with one credential."""
    return write_catalogue(tmp_path / "catalogue")
