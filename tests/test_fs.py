"""``credcat.fs``: files inside a catalogue are read only when safe."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from credcat.errors import CredcatError
from credcat.fs import UnsafeFileError, inside, iter_inside, read_inside


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    (folder / "logos").mkdir(parents=True)
    (folder / "catalogue.yaml").write_text("title: x\n", encoding="utf-8")
    (folder / "logos" / "uni.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return folder


def test_reads_a_regular_file_inside(root: Path) -> None:
    assert read_inside(root, Path("catalogue.yaml"), 100) == b"title: x\n"
    assert read_inside(root, root / "logos" / "uni.svg", 100) == b"<svg/>"
    assert inside(root, Path("logos/uni.svg"), 100) == (root / "logos" / "uni.svg").resolve()


def test_a_link_inside_the_catalogue_is_followed(root: Path) -> None:
    (root / "logos" / "alias.svg").symlink_to("uni.svg")
    assert read_inside(root, Path("logos/alias.svg"), 100) == b"<svg/>"


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("out.svg", lambda p, r: p.symlink_to(r.parent / "secret.txt"), "outside"),
        ("zero.svg", lambda p, r: p.symlink_to("/dev/zero"), "outside"),
        ("up", lambda p, r: p.symlink_to("../.."), "outside"),
        ("loop", lambda p, r: p.symlink_to(".."), "not a regular file"),
        ("self", lambda p, r: p.symlink_to("self"), "loop of links"),
        ("dir", lambda p, r: p.mkdir(), "not a regular file"),
        ("fifo", lambda p, r: os.mkfifo(p), "not a regular file"),
        ("big", lambda p, r: p.write_bytes(b"x" * 101), "limit"),
        ("missing.svg", lambda p, r: None, "does not exist"),
    ],
)
def test_refusals_are_credcat_errors(
    root: Path, name: str, make: Callable[[Path, Path], object], words: str
) -> None:
    make(root / "logos" / name, root)
    with pytest.raises(UnsafeFileError, match=words) as info:
        read_inside(root, Path("logos") / name, 100)
    assert isinstance(info.value, CredcatError)
    assert "\n" not in str(info.value)


def test_dot_dot_cannot_escape(root: Path) -> None:
    with pytest.raises(UnsafeFileError, match="outside"):
        read_inside(root, Path("../secret.txt"), 100)


def test_iter_inside_lists_only_usable_files(root: Path) -> None:
    logos = root / "logos"
    (logos / "zero.svg").symlink_to("/dev/zero")
    (logos / "loop").symlink_to("..")
    (logos / "out.svg").symlink_to(root.parent / "secret.txt")
    (logos / "big.svg").write_bytes(b"x" * 101)
    (logos / "alias.svg").symlink_to("uni.svg")
    found = [p.name for p in iter_inside(root, "logos", "*", 100)]
    assert found == ["alias.svg", "uni.svg"]
    assert [p.name for p in iter_inside(root, "", "*.yaml", 100)] == ["catalogue.yaml"]
    assert list(iter_inside(root, "missing", "*", 100)) == []


def test_iter_inside_refuses_a_folder_that_is_a_link_out(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    (root / "organisations").symlink_to(outside)
    assert list(iter_inside(root, "organisations", "*.yaml", 100)) == []


def test_iter_inside_a_folder_named_relative_to_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue given as ``catalogue`` (relative): its files are found, as under an
    absolute name (each was once looked up as ``catalogue/catalogue/…`` and skipped)."""
    (tmp_path / "catalogue" / "organisations").mkdir(parents=True)
    (tmp_path / "catalogue" / "organisations" / "a.yaml").write_text("name: A\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(iter_inside(Path("catalogue"), "organisations", "*.yaml", 1000))
    assert found == [Path("catalogue/organisations/a.yaml")]
