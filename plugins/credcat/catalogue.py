"""Load a catalogue folder into the typed model: the one entry point of the core.

``load_catalogue(path)`` reads ``catalogue.yaml``, ``organisations/*.yaml`` and
``credentials/*.yaml``, validates every file and every cross-file rule, and either returns a
:class:`Catalogue` or raises :class:`~credcat.errors.CatalogueError` with every problem found.
``check_catalogue(path)`` does the same work but returns the problems instead of raising, for
``credcat check``.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import CatalogueError, Problem, Severity, display_path
from .model import (
    SLUG_RE,
    CatalogueSettings,
    Credential,
    CredentialDoc,
    Organisation,
    OrganisationDoc,
)
from .yaml_loader import Document, PathKey, dotted, load_yaml

CATALOGUE_FILE = "catalogue.yaml"
ORGANISATIONS_DIR = "organisations"
CREDENTIALS_DIR = "credentials"

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", Organisation, Credential)

BOUNDS = {
    "greater_than": "too small: it must be more than",
    "greater_than_equal": "too small: the minimum is",
    "less_than": "too large: it must be less than",
    "less_than_equal": "too large: the maximum is",
}

ANNEX_I = {
    "title": "the title",
    "awarding_body": "the awarding body",
    "outcomes": "the learning outcomes",
    "workload": "the notional workload",
    "eqf": "the level (EQF)",
    "assessments": "the type of assessment",
    "mode": "the form of participation",
    "setting": "the form of participation",
    "quality_assurance": "the type of quality assurance",
    "country": "the country of the issuer",
}


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue.

    Attributes:
        root: The catalogue folder.
        settings: Contents of ``catalogue.yaml``.
        organisations: Organisations by id, sorted by id.
        credentials: Credentials by id, sorted by id.
        documents: The loaded YAML documents by path relative to ``root`` (for positions).
        warnings: Problems that did not stop loading.
    """

    root: Path
    settings: CatalogueSettings
    organisations: Mapping[str, Organisation]
    credentials: Mapping[str, Credential]
    documents: Mapping[str, Document] = field(repr=False)
    warnings: tuple[Problem, ...] = ()
    invalid: frozenset[str] = frozenset()
    """Ids (``credential:<id>``, ``organisation:<id>``) whose files exist but have errors: rules
    do not report references to them as unknown, since their own errors are reported."""
    _has_part: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _leads_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        has_part: dict[str, list[str]] = {}
        leads_to: dict[str, list[str]] = {}
        for cred in self.credentials.values():
            if cred.stackability is None:
                continue
            for parent in cred.stackability.part_of:
                has_part.setdefault(parent, []).append(cred.id)
            for earlier in cred.stackability.builds_on:
                leads_to.setdefault(earlier, []).append(cred.id)
        object.__setattr__(self, "_has_part", {k: tuple(sorted(v)) for k, v in has_part.items()})
        object.__setattr__(self, "_leads_to", {k: tuple(sorted(v)) for k, v in leads_to.items()})

    @property
    def languages(self) -> list[str]:
        """The catalogue's languages, default first."""
        return list(self.settings.languages)

    def has_part(self, credential_id: str) -> tuple[str, ...]:
        """Ids of credentials that count towards ``credential_id`` (its ``part_of`` names it)."""
        return self._has_part.get(credential_id, ())

    def leads_to(self, credential_id: str) -> tuple[str, ...]:
        """Ids of credentials that build on ``credential_id``."""
        return self._leads_to.get(credential_id, ())

    @staticmethod
    def source_of(kind: str, entity_id: str) -> str:
        """Path of an entity's YAML file relative to the catalogue folder."""
        folder = {"credential": CREDENTIALS_DIR, "organisation": ORGANISATIONS_DIR}[kind]
        return f"{folder}/{entity_id}.yaml"

    def roles_of(self, org_id: str) -> dict[str, list[str]]:
        """Credential ids per role (awarding body, provider, assessor, quality assurance)."""
        roles: dict[str, list[str]] = {
            "awarding_body": [],
            "provider": [],
            "assessor": [],
            "quality_assurance": [],
        }
        for cred in self.credentials.values():
            if org_id in cred.awarding_body:
                roles["awarding_body"].append(cred.id)
            if org_id in cred.providers:
                roles["provider"].append(cred.id)
            if org_id in cred.assessors:
                roles["assessor"].append(cred.id)
            if any(qa.body == org_id for qa in cred.quality_assurance):
                roles["quality_assurance"].append(cred.id)
        return {role: ids for role, ids in roles.items() if ids}


def load_catalogue(root: Path | str, *, display_root: Path | None = None) -> Catalogue:
    """Load and validate a catalogue folder.

    Args:
        root: The catalogue folder (holding ``catalogue.yaml``).
        display_root: Paths in problems are shown relative to this folder (default: the
            current directory).

    Returns:
        The validated catalogue; its ``warnings`` hold the problems that are not errors.

    Raises:
        CatalogueError: When there is at least one error; it carries every problem found.
    """
    catalogue, problems = check_catalogue(root, display_root=display_root)
    if catalogue is None or any(p.is_error for p in problems):
        raise CatalogueError(problems)
    return catalogue


def check_catalogue(
    root: Path | str, *, display_root: Path | None = None
) -> tuple[Catalogue | None, list[Problem]]:
    """Validate a catalogue folder and return it with every problem found.

    The catalogue is ``None`` when an error makes a consistent model impossible; the problem
    list is sorted by file, line and column.
    """
    from .rules import check_rules  # local: rules imports this module's types

    root = Path(root)
    shown = Path.cwd() if display_root is None else display_root
    problems: list[Problem] = []
    documents: dict[str, Document] = {}

    def show(path: Path) -> str:
        return display_path(path, shown)

    if not (root / CATALOGUE_FILE).is_file():
        problems.append(
            Problem(
                show(root / CATALOGUE_FILE),
                0,
                0,
                "",
                f"no {CATALOGUE_FILE} in {show(root) or '.'}",
                "run credcat in the folder that holds catalogue.yaml, or pass its path",
                code="no-catalogue",
            )
        )
        return None, problems

    settings_doc = _load(root / CATALOGUE_FILE, show, problems)
    settings: CatalogueSettings | None = None
    if settings_doc is not None:
        documents[CATALOGUE_FILE] = settings_doc
        settings = _validate(CatalogueSettings, settings_doc, {}, problems)
    context = {"default_language": settings.default_language if settings else "en"}

    def load_all(cls: type[E], folder: str) -> tuple[dict[str, E], set[str]]:
        """Validate every file of one folder; returns the models and the ids of every file."""
        found: dict[str, E] = {}
        ids: set[str] = set()
        for path in _entity_files(Path(root) / folder, show, problems):
            ids.add(path.stem)
            doc = _load(path, show, problems)
            if doc is None:
                continue
            documents[f"{folder}/{path.name}"] = doc
            entity = _validate_entity(cls, doc, path.stem, context, problems)
            if entity is not None:
                found[entity.id] = entity
        return found, ids

    organisations, organisation_files = load_all(Organisation, ORGANISATIONS_DIR)
    credentials, credential_files = load_all(Credential, CREDENTIALS_DIR)

    if not credentials and not any(
        p.path.startswith(show(root / CREDENTIALS_DIR)) for p in problems
    ):
        problems.append(
            Problem(
                show(root / CREDENTIALS_DIR),
                0,
                0,
                "",
                "the catalogue has no credentials",
                f"add a file such as {CREDENTIALS_DIR}/data-literacy.yaml",
                code="no-credentials",
            )
        )

    if settings is None:
        return None, sorted(problems)
    invalid = frozenset(
        [f"organisation:{oid}" for oid in organisation_files - organisations.keys()]
        + [f"credential:{cid}" for cid in credential_files - credentials.keys()]
    )
    catalogue = Catalogue(
        root=root,
        settings=settings,
        organisations=dict(sorted(organisations.items())),
        credentials=dict(sorted(credentials.items())),
        documents=documents,
        invalid=invalid,
    )
    problems.extend(check_rules(catalogue))
    problems.sort()
    warnings = tuple(p for p in problems if not p.is_error)
    object.__setattr__(catalogue, "warnings", warnings)
    return catalogue, problems


# --- files --------------------------------------------------------------------------------


def _entity_files(folder: Path, show: Any, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    files: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == ".yml":
            problems.append(
                Problem(
                    show(path),
                    0,
                    0,
                    "",
                    "credcat reads only .yaml files",
                    f"rename it to {path.stem}.yaml",
                    code="file-name",
                )
            )
            continue
        if path.suffix != ".yaml":
            continue
        if not SLUG_RE.match(path.stem) or len(path.stem) > 64:
            suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:64]
            problems.append(
                Problem(
                    show(path),
                    0,
                    0,
                    "",
                    f"'{path.stem}' cannot be an id: the file name is the id, in lowercase "
                    "letters, digits and hyphens",
                    f"rename it to {suggestion}.yaml" if suggestion else "",
                    code="file-name",
                )
            )
            continue
        files.append(path)
    return files


def _load(path: Path, show: Any, problems: list[Problem]) -> Document | None:
    doc, found = load_yaml(path, show(path))
    problems.extend(found)
    return doc


# --- validation ---------------------------------------------------------------------------


def _validate_entity(
    cls: type[M], doc: Document, entity_id: str, context: dict[str, Any], problems: list[Problem]
) -> M | None:
    if "id" in doc.data:
        line, column = doc.where(("id",), key=True)
        problems.append(
            Problem(
                doc.display,
                line,
                column,
                "id",
                "the id is the file name; remove this key",
                f"to change the id, rename the file to <id>.yaml (now: {entity_id})",
                code="unknown-key",
            )
        )
        doc.data = {k: v for k, v in doc.data.items() if k != "id"}
    return _validate(cls, doc, context, problems, extra={"id": entity_id})


def _validate(
    cls: type[M],
    doc: Document,
    context: dict[str, Any],
    problems: list[Problem],
    extra: dict[str, Any] | None = None,
) -> M | None:
    data = {**doc.data, **(extra or {})}
    try:
        return cls.model_validate(data, context=context)
    except ValidationError as exc:
        doc_cls = _doc_class(cls)
        for error in exc.errors(include_url=False):
            problems.append(_problem_from_error(doc, doc_cls, error))
        return None


def _doc_class(cls: type[BaseModel]) -> type[BaseModel]:
    if cls is Credential:
        return CredentialDoc
    if cls is Organisation:
        return OrganisationDoc
    return cls


def _problem_from_error(doc: Document, cls: type[BaseModel], error: Any) -> Problem:
    loc: PathKey = tuple(
        part
        for part in error["loc"]
        if isinstance(part, int) or ("[" not in part and "(" not in part)
    )
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    hint = str(ctx.get("hint", ""))
    message = str(error["msg"])
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    if kind == "extra_forbidden":
        allowed = _fields_at(cls, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        message = f"unknown key '{name}'"
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else ("allowed here: " + ", ".join(allowed) if allowed else "")
        )
        line, column = doc.where(loc, key=True)
    elif kind == "missing":
        message = f"missing required key '{name}'"
        if name in ANNEX_I and len(loc) == 1:
            message += f": the EU Council Recommendation (Annex I) requires {ANNEX_I[name]}"
        described = _description_at(cls, loc)
        hint = hint or described
        line, column = doc.where(loc[:-1], key=True) if loc[:-1] else (1, 1)
        return Problem(doc.display, line, column, dotted(loc), message, hint, code="missing")
    elif kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = re.findall(r"'([^']*)'", expected)
        value = error.get("input")
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        message = f"'{value}' is not allowed here"
        hint = f"did you mean '{close[0]}'?" if close else f"one of: {', '.join(options)}"
        line, column = doc.where(loc)
    else:
        if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
            hint = hint or "write a plain number"
        elif kind in BOUNDS:
            limit = next(iter(ctx.values()), "")
            if isinstance(limit, float) and limit.is_integer():
                limit = int(limit)
            message = f"{error.get('input')} is {BOUNDS[kind]} {limit}"
        elif kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
            message = f"'{error.get('input')}' is not a real date"
            hint = hint or "write dates as YYYY-MM-DD, e.g. 2027-03-01"
        elif kind == "string_pattern_mismatch" and "esco" in loc:
            message = f"'{error.get('input')}' is not an ESCO skill URI"
            hint = "copy the URI from the ESCO portal: http://data.europa.eu/esco/skill/<uuid>"
        elif kind == "too_short":
            message = f"'{name}' needs at least one entry" if name else message
        line, column = doc.where(loc)
        if message and message[0].isupper() and kind not in {"too_short"}:
            message = message[0].lower() + message[1:]
    return Problem(doc.display, line, column, dotted(loc), message, hint, code=kind)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """Find the BaseModel class inside an annotation (``X | None``, ``list[X]`` …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _walk(cls: type[BaseModel], loc: Iterable[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = cls
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return current


def _fields_at(cls: type[BaseModel], loc: PathKey) -> list[str]:
    target = _walk(cls, loc)
    if target is None:
        return []
    return list(target.model_fields)


def _description_at(cls: type[BaseModel], loc: PathKey) -> str:
    if not loc or not isinstance(loc[-1], str):
        return ""
    parent = _walk(cls, loc[:-1])
    info = parent.model_fields.get(loc[-1]) if parent else None
    if info is None or not info.description:
        return ""
    first = info.description.split("\n")[0].strip()
    return first.split(". ")[0].rstrip(".")


def problem_at(
    catalogue: Catalogue,
    kind: str,
    entity_id: str,
    loc: PathKey,
    message: str,
    hint: str = "",
    *,
    severity: Severity = Severity.ERROR,
    code: str = "",
    key: bool = False,
) -> Problem:
    """Build a problem located at ``loc`` inside an entity's YAML file (used by the rules)."""
    source = "catalogue.yaml" if kind == "catalogue" else Catalogue.source_of(kind, entity_id)
    doc = catalogue.documents.get(source)
    if doc is None:  # pragma: no cover - every validated entity has its document
        return Problem(source, 0, 0, dotted(loc), message, hint, severity, code)
    while loc and isinstance(loc[-1], int) and loc not in doc.positions:
        loc = loc[:-1]  # a single value written where a list is allowed: name the key
    line, column = doc.where(loc, key=key)
    return Problem(doc.display, line, column, dotted(loc), message, hint, severity, code)
