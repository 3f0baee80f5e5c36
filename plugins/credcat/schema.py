"""JSON Schemas of the YAML files, generated from the model.

Editors with the YAML language server read the ``# yaml-language-server: $schema=…`` line at
the top of each file and then autocomplete keys and underline mistakes. The schemas are
committed in ``schemas/``; a test fails when they are stale (run ``credcat schema``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import CatalogueSettings, CredentialDoc, OrganisationDoc

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "catalogue.schema.json": (CatalogueSettings, "credcat catalogue settings (catalogue.yaml)"),
    "organisation.schema.json": (OrganisationDoc, "credcat organisation (organisations/<id>.yaml)"),
    "credential.schema.json": (CredentialDoc, "credcat micro-credential (credentials/<id>.yaml)"),
}


def schema_for(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one model."""
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def render_schemas() -> dict[str, str]:
    """File name → serialised schema, deterministic."""
    return {
        name: json.dumps(schema_for(model, title), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
