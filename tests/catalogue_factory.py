"""Build small catalogues in tmp_path from Python data (imported by tests)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "catalogue"

SETTINGS: dict[str, Any] = {
    "title": {"en": "Test catalogue", "de": "Testkatalog"},
    "publisher": "alpha-uni",
    "base_uri": "https://credentials.test.example/",
    "default_language": "en",
    "languages": ["en", "de"],
}

ORGANISATIONS: dict[str, dict[str, Any]] = {
    "alpha-uni": {
        "name": {"en": "Alpha University", "de": "Alpha-Universität"},
        "kind": "university",
        "country": "DE",
        "homepage": "https://alpha.example/",
    },
    "beta-qa": {
        "name": "Beta Quality Agency",
        "kind": "quality-agency",
        "country": "AT",
        "homepage": "https://beta.example/",
    },
}


def credential(**changes: Any) -> dict[str, Any]:
    """A valid, complete credential (en + de), with top-level keys replaced by ``changes``."""
    data: dict[str, Any] = {
        "title": {"en": "Relational databases", "de": "Relationale Datenbanken"},
        "version": "1.0",
        "summary": {"en": "Design and query databases.", "de": "Datenbanken entwerfen."},
        "awarding_body": "alpha-uni",
        "eqf": 6,
        "nqf": "DQR Level 6",
        "field": ["0613"],
        "workload": {
            "ects": 4,
            "hours": 110,
            "guided_hours": 40,
            "self_study_hours": 60,
            "assessment_hours": 10,
        },
        "languages": ["en"],
        "mode": "online",
        "setting": "formal",
        "outcomes": [
            {
                "id": "design",
                "kind": "skill",
                "text": {"en": "Design a normalised schema.", "de": "Ein Schema entwerfen."},
            },
            {
                "id": "query",
                "kind": "skill",
                "text": {"en": "Write SQL queries with joins.", "de": "SQL-Abfragen schreiben."},
            },
        ],
        "assessments": [
            {
                "id": "project",
                "type": "project-work",
                "proves": ["design", "query"],
                "description": {"en": "A database project.", "de": "Ein Datenbankprojekt."},
            },
        ],
        "quality_assurance": [
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": {"en": "Accredited programme.", "de": "Akkreditiertes Programm."},
            },
        ],
    }
    data.update(copy.deepcopy(changes))
    return data


def write_catalogue(
    root: Path,
    credentials: dict[str, Any] | None = None,
    organisations: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
) -> Path:
    """Write a catalogue folder; values that are ``str`` are written verbatim as YAML text."""
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, Any] = {"catalogue.yaml": SETTINGS if settings is None else settings}
    for oid, org in (ORGANISATIONS if organisations is None else organisations).items():
        files[f"organisations/{oid}.yaml"] = org
    for cid, cred in ({"databases": credential()} if credentials is None else credentials).items():
        files[f"credentials/{cid}.yaml"] = cred
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return root
