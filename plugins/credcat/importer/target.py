"""The catalogue an import goes into, read through the core's loader and :mod:`credcat.fs`.

The target may be a clone of a stranger's repository, so every file is opened with
:func:`credcat.fs.inside` (no link out of the folder, regular files only, at most the loader's
1 MiB) and parsed by :func:`credcat.yaml_loader.load_yaml` (no aliases, no tags, duplicate
keys refused). A file that fails those rules is simply not used here: ``credcat check`` reports
it to the maintainer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import vocab
from ..catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, ORGANISATIONS_DIR
from ..fs import UnsafeFileError, inside, iter_inside
from ..ids import norm_name, norm_url
from ..versions import ARCHIVE_DIR, recorded_names
from ..yaml_loader import MAX_BYTES as YAML_MAX_BYTES
from ..yaml_loader import load_yaml
from .base import ImportUsageError


@dataclass
class Target:
    """What the import needs to know about the target catalogue.

    Attributes:
        root: The catalogue folder.
        default_language: Its default language code.
        languages: Its languages, in the order its settings give them.
        publisher: The id of its publisher ('' when it names none).
        publisher_country: The publisher's country code, when its file says one.
        publisher_has_file: Whether ``organisations/<publisher>.yaml`` is usable.
        existing_orgs: ``name:<legal name>`` / ``home:<homepage>`` → id of its organisations.
        former_orgs: ``name:<name>`` → id, for the names organisations had when versions
            naming them were released (the release records of ``versions/``) that no
            organisation has now: a credential issued under such a name names that one.
            Read on first use (:meth:`former_org`): every snapshot is read, about 4 ms each,
            which an import of organisations the catalogue has by name or homepage skips.
        taken: Ids already used, by folder.
        org_countries: The country code of each organisation that says one.
        base_uri: Its ``base_uri`` ('' when it names none).
        credentials: Its credential files that read, by id.
    """

    root: Path
    default_language: str = "en"
    languages: tuple[str, ...] = ()
    publisher: str = ""
    publisher_country: str | None = None
    publisher_has_file: bool = False
    existing_orgs: dict[str, str] = field(default_factory=dict)
    former_orgs: dict[str, str] | None = None
    taken: dict[str, set[str]] = field(default_factory=dict)
    org_countries: dict[str, str] = field(default_factory=dict)
    base_uri: str = ""
    credentials: dict[str, Known] = field(default_factory=dict)

    def former_org(self, key: str) -> str | None:
        """The organisation that had the name of ``key`` (``name:<name>``), as
        :attr:`former_orgs` says, or ``None``."""
        if self.former_orgs is None:
            self.former_orgs = _former_names(self.root, self.existing_orgs)
        return self.former_orgs.get(key)


@dataclass(frozen=True)
class Known:
    """What an import compares of a credential the catalogue has: its version, its titles
    (as :func:`credcat.ids.norm_name` gives them), its awarding bodies and the credentials
    it counts towards."""

    version: str
    titles: frozenset[str]
    awarding: frozenset[str]
    part_of: frozenset[str] = frozenset()


def read_yaml(root: Path, path: Path) -> Any:
    """The data of one YAML file of the catalogue, or ``None`` when it is not usable."""
    try:
        safe = inside(root, path, YAML_MAX_BYTES)
    except UnsafeFileError:
        return None
    doc, problems = load_yaml(safe, path.name)
    if doc is None or any(p.is_error for p in problems):
        return None
    return doc.data


def check_target(into: Path) -> None:
    """Refuse a target that is not a catalogue folder (before the input is even read)."""
    if not into.is_dir():
        raise ImportUsageError(
            f"no catalogue folder at {into}: point --into at the folder that holds {CATALOGUE_FILE}"
        )
    if not (into / CATALOGUE_FILE).is_file():
        raise ImportUsageError(
            f"{into} has no {CATALOGUE_FILE}: point --into at a catalogue folder (the import "
            "never creates one)"
        )


def read_target(into: Path) -> Target:
    """Read the settings, the organisations and the ids of the target catalogue."""
    check_target(into)
    settings = read_yaml(into, Path(CATALOGUE_FILE))
    settings = settings if isinstance(settings, dict) else {}
    target = Target(root=into)
    raw = settings.get("default_language", "en")
    found = vocab.lookup("language", raw) if isinstance(raw, str) else None
    target.default_language = found.code if found else "en"
    listed: list[Any] = []
    for key in ("languages", "partial_languages"):
        value = settings.get(key)
        listed += value if isinstance(value, list) else [value]
    codes = [
        concept.code
        for raw_code in listed
        if isinstance(raw_code, str) and (concept := vocab.lookup("language", raw_code)) is not None
    ]
    target.languages = tuple(dict.fromkeys([target.default_language, *codes]))
    publisher = settings.get("publisher")
    target.publisher = publisher if isinstance(publisher, str) else ""
    base_uri = settings.get("base_uri")
    target.base_uri = base_uri.strip() if isinstance(base_uri, str) else ""
    target.taken = {
        CREDENTIALS_DIR: _taken_ids(into, CREDENTIALS_DIR),
        ORGANISATIONS_DIR: _taken_ids(into, ORGANISATIONS_DIR),
    }
    for path in iter_inside(into, ORGANISATIONS_DIR, "*.yaml", YAML_MAX_BYTES):
        data = read_yaml(into, path)
        if not isinstance(data, dict):
            continue
        country = data.get("country")
        concept = vocab.lookup("country", country) if isinstance(country, str) else None
        if concept is not None:
            target.org_countries[path.stem] = concept.code
        if path.stem == target.publisher:
            target.publisher_has_file = True
            target.publisher_country = concept.code if concept else None
        _index_organisation(target.existing_orgs, path.stem, data)
    for path in iter_inside(into, CREDENTIALS_DIR, "*.yaml", YAML_MAX_BYTES):
        data = read_yaml(into, path)
        if isinstance(data, dict):
            target.credentials[path.stem] = _known(data)
    return target


def _former_names(into: Path, existing: dict[str, str]) -> dict[str, str]:
    """``name:<name>`` → organisation id for every name a release record holds
    (:func:`credcat.versions.recorded_names`) of an organisation that has a file, where no
    organisation is named so now (``existing``): the names organisations had
    (:func:`credcat.versions.former_names`). A name two organisations had is left out (it
    names neither for certain); the first snapshot by path names it."""
    ids = set(existing.values())
    found: dict[str, set[str]] = {}
    archive = into / ARCHIVE_DIR
    try:
        folders = sorted(p.name for p in archive.iterdir() if p.is_dir())
    except OSError:
        return {}
    for folder in folders:
        for path in iter_inside(into, f"{ARCHIVE_DIR}/{folder}", "*.yaml", YAML_MAX_BYTES):
            for oid, name in recorded_names(read_yaml(into, path)) or ():
                if oid not in ids:
                    continue
                for _lang, text in name:
                    key = f"name:{norm_name(text)}"
                    if key not in existing:
                        found.setdefault(key, set()).add(oid)
    return {key: next(iter(oids)) for key, oids in sorted(found.items()) if len(oids) == 1}


def _known(data: dict[str, Any]) -> Known:
    """What an import compares of a credential file's data (:class:`Known`)."""
    title = data.get("title")
    titles = [title] if isinstance(title, str) else []
    if isinstance(title, dict):
        titles = [v for v in title.values() if isinstance(v, str)]
    bodies = data.get("awarding_body")
    listed = bodies if isinstance(bodies, list) else [bodies]
    version = data.get("version")
    stack = data.get("stackability")
    part_of = stack.get("part_of") if isinstance(stack, dict) else None
    parts = part_of if isinstance(part_of, list) else [part_of]
    return Known(
        version=str(version) if isinstance(version, str | int | float) else "",
        titles=frozenset(norm_name(t) for t in titles if norm_name(t)),
        awarding=frozenset(b for b in listed if isinstance(b, str)),
        part_of=frozenset(p for p in parts if isinstance(p, str)),
    )


def _index_organisation(found: dict[str, str], org_id: str, data: dict[str, Any]) -> None:
    name = data.get("name")
    names = (
        [name]
        if isinstance(name, str)
        else ([v for v in name.values() if isinstance(v, str)] if isinstance(name, dict) else [])
    )
    for text in names:
        found.setdefault(f"name:{norm_name(text)}", org_id)
    homepage = data.get("homepage")
    if isinstance(homepage, str):
        found.setdefault(f"home:{norm_url(homepage)}", org_id)


def _taken_ids(into: Path, folder: str) -> set[str]:
    """Every name used in the folder, usable or not: a new file must not collide with any."""
    directory = into / folder
    if not directory.is_dir():
        return set()
    return {p.stem for p in directory.iterdir() if p.suffix in {".yaml", ".yml"}}
