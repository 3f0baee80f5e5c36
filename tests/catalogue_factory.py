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


def hours_credential(title: str, hours: int) -> dict[str, Any]:
    """A credential that states its workload in hours only (a vocational school's), titled
    ``title`` in English and German."""
    summary = f"Learn {title.lower()} in {hours} hours."
    return credential(
        title={"en": title, "de": title},
        summary={"en": summary, "de": summary},
        workload={"hours": hours},
    )


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


def in_language(data: Any, lang: str, instead_of: str = "de") -> Any:
    """``data`` (a credential, organisations, settings) with its texts in ``instead_of``
    given as ``lang``'s: the same words, so that a catalogue in ``lang`` lacks no text."""
    if isinstance(data, list):
        return [in_language(item, lang, instead_of) for item in data]
    if not isinstance(data, dict):
        return data
    return {
        (lang if key == instead_of else key): in_language(value, lang, instead_of)
        for key, value in data.items()
    }


# --- a catalogue in English and Polish (a language credcat's interface does not speak) ---------

POLISH: dict[str, str] = {
    "title": "Relacyjne bazy danych",
    "summary": "Projektowanie baz danych i zadawanie zapytań.",
    "design": "Zaprojektować znormalizowany schemat.",
    "query": "Pisać zapytania SQL ze złączeniami.",
    "project": "Projekt bazy danych oceniany według kryteriów.",
    "project_title": "Projekt bazodanowy",
    "qa": "Program akredytowany przez agencję.",
    "spring": "Zajęcia w soboty.",
    "catalogue": "Katalog testowy",
    "alpha": "Uniwersytet Alfa",
    "alpha_short": "Uniwersytet A.",
    "beta": "Agencja Jakości Beta",
    "building": "Gmach główny",
}
"""The Polish texts of :func:`polish_catalogue`, each a text of its own (by key)."""


def polish_catalogue(root: Path) -> Path:
    """English and Polish: every text of the credential and of its awarding body in both, so
    that nothing on a Polish page falls back to English but credcat's own words."""
    cred = credential(
        languages=["pl"],
        title={"en": "Relational databases", "pl": POLISH["title"]},
        summary={"en": "Design and query databases.", "pl": POLISH["summary"]},
        duration="8 weeks",
        offerings=[
            {
                "id": "spring",
                "start": "2099-03-01",
                "application_deadline": "2099-02-12",
                "price": {"amount": "1200.50", "currency": "PLN"},
                "enrolment_url": "https://alpha.example/enrol",
                "note": {"en": "Classes on Saturdays.", "pl": POLISH["spring"]},
                "location": {
                    "name": {"en": "Main building", "pl": POLISH["building"]},
                    "address": "ul. Szeroka 24",
                    "city": "Warszawa",
                    "country": "PL",
                },
            }
        ],
        outcomes=[
            {
                "id": "design",
                "kind": "skill",
                "text": {"en": "Design a normalised schema.", "pl": POLISH["design"]},
            },
            {
                "id": "query",
                "kind": "skill",
                "text": {"en": "Write SQL queries with joins.", "pl": POLISH["query"]},
            },
        ],
        assessments=[
            {
                "id": "project",
                "type": "project-work",
                "title": {"en": "Database project", "pl": POLISH["project_title"]},
                "proves": ["design", "query"],
                "description": {"en": "A database project.", "pl": POLISH["project"]},
            },
        ],
        quality_assurance=[
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": {"en": "Accredited programme.", "pl": POLISH["qa"]},
            },
        ],
    )
    return write_catalogue(
        root,
        credentials={"databases": cred},
        organisations={
            **ORGANISATIONS,
            "alpha-uni": {
                **ORGANISATIONS["alpha-uni"],
                "name": {"en": "Alpha University", "pl": POLISH["alpha"]},
                "short_name": {"en": "Alpha U.", "pl": POLISH["alpha_short"]},
            },
            "beta-qa": {
                **ORGANISATIONS["beta-qa"],
                "name": {"en": "Beta Quality Agency", "pl": POLISH["beta"]},
            },
        },
        settings={
            **SETTINGS,
            "title": {"en": "Test catalogue", "pl": POLISH["catalogue"]},
            "languages": ["en", "pl"],
        },
    )


# --- a catalogue in Portuguese by default, English second ----------------------------------------


def portuguese_credential(pt: str, en: str, outcome: str, **changes: Any) -> dict[str, Any]:
    """A credential with every text in Portuguese and English: titled ``pt`` / ``en``, its
    first outcome ``outcome`` (Portuguese) and the rest of :func:`credential`'s texts, in both
    languages."""

    def both(text: str) -> dict[str, str]:
        return {"pt": f"{text} (pt)", "en": text}

    return credential(
        title={"pt": pt, "en": en},
        summary=both(f"About {en}."),
        nqf="QNQ Level 6",
        languages=["pt"],
        outcomes=[
            {"id": "design", "kind": "skill", "text": {"pt": outcome, "en": f"{outcome} (en)"}},
            {"id": "query", "kind": "skill", "text": both("Write SQL queries with joins.")},
        ],
        assessments=[
            {
                "id": "project",
                "type": "project-work",
                "proves": ["design", "query"],
                "description": both("A database project."),
            },
        ],
        quality_assurance=[
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": both("Accredited programme."),
            },
        ],
        **changes,
    )


def portuguese_catalogue(root: Path, credentials: dict[str, Any] | None = None) -> Path:
    """Portuguese by default, English second, as a catalogue in Portugal publishes: every text
    in both (the credentials ``credentials``, else two of :func:`portuguese_credential`:
    ``databases``, whose outcome speaks of tables, and ``analysis``, of graphs, in the field
    Statistics, which none of its texts names)."""
    return write_catalogue(
        root,
        credentials=credentials
        or {
            "databases": portuguese_credential(
                "Bases de dados relacionais", "Relational databases", "Normalizar tabelas."
            ),
            "analysis": portuguese_credential(
                "Análise de dados", "Data analysis", "Desenhar gráficos legíveis.", field=["0542"]
            ),
        },
        organisations={
            "alpha-uni": {
                **ORGANISATIONS["alpha-uni"],
                "name": {"pt": "Universidade Alfa", "en": "Alpha University"},
                "country": "PT",
            },
            "beta-qa": {
                **ORGANISATIONS["beta-qa"],
                "name": {"pt": "Agência Beta", "en": "Beta Quality Agency"},
            },
        },
        settings={
            **SETTINGS,
            "title": {"pt": "Catálogo de teste", "en": "Test catalogue"},
            "default_language": "pt",
            "languages": ["pt", "en"],
        },
    )


# --- a large catalogue whose credentials differ from each other ---------------------------------


def _sample_pools() -> dict[str, list[str]]:
    """Codes the sample catalogue uses (so that every one is valid) and its English words."""
    pools: dict[str, set[str]] = {"field": set(), "mode": set(), "type": set(), "words": set()}

    def words(text: Any) -> None:
        if isinstance(text, dict):
            text = text.get("en", "")
        if isinstance(text, str):
            pools["words"].update(w for w in text.replace("\n", " ").split(" ") if w.isalpha())

    for path in sorted((SAMPLE / "credentials").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fields = data.get("field", [])
        pools["field"].update([fields] if isinstance(fields, str) else fields)
        pools["mode"].add(data["mode"])
        for key in ("title", "summary", "description"):
            words(data.get(key))
        for outcome in data["outcomes"]:
            words(outcome["text"])
        for assessment in data["assessments"]:
            pools["type"].add(assessment["type"])
            words(assessment["description"])
    return {name: sorted(values) for name, values in pools.items()}


def varied_catalogue(root: Path, count: int, *, seed: int = 1) -> Path:
    """Write a valid catalogue of ``count`` credentials that differ from each other.

    Titles, summaries, descriptions (Markdown: a paragraph, a list, a sentence), outcomes and
    assessments are random sentences drawn from the sample catalogue's English words (about as
    long as the sample's texts), levels, fields, modes, languages, workloads, organisations
    (one per 50 credentials), runs and prices vary, so that sizes measured on it
    (``catalogue.json`` gzipped, issue 9) are not flattered by repetition, as clones of a few
    credentials would be. Deterministic for a given ``seed``.
    """
    import random

    rng = random.Random(seed)
    # the descriptions' own random numbers: the other texts and values stay those of the
    # catalogues made before credentials had descriptions here
    described = random.Random(seed + 1)
    pools = _sample_pools()
    vocabulary = pools["words"]

    def sentence(low: int, high: int, rng: random.Random = rng) -> str:
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(low, high)))
        return text[:1].upper() + text[1:] + "."

    def description() -> str:
        # as long as the sample's (about 830 characters), with emphasis, code and a list
        r = described
        intro = " ".join(sentence(14, 22, r) for _ in range(2)).split(" ")
        intro[3] = f"**{intro[3]}**"
        items = [sentence(6, 12, r)[:-1] for _ in range(r.randint(5, 7))]
        items[0] += f", `{r.choice(vocabulary)}`"
        lines = "\n".join(f"- {item}" for item in items)
        return f"{' '.join(intro)}\n\n{lines}\n\n{sentence(8, 14, r)}"

    orgs: dict[str, Any] = {
        "beta-qa": ORGANISATIONS["beta-qa"],
    }
    org_ids = []
    for n in range(max(1, count // 50)):
        oid = f"org-{n:04d}"
        org_ids.append(oid)
        orgs[oid] = {
            "name": f"{sentence(2, 4)[:-1]} {rng.choice(['Academy', 'University', 'Institute'])}",
            "kind": "university",
            "country": rng.choice(["DE", "AT", "FR", "PT", "SI", "NL"]),
            "homepage": f"https://{oid}.example/",
        }
    credentials: dict[str, Any] = {}
    for i in range(count):
        outcomes = [
            {"id": f"o{k}", "kind": "skill", "text": {"en": sentence(14, 26)}}
            for k in range(rng.randint(3, 6))
        ]
        ects = rng.choice([1, 1.5, 2, 3, 4, 5, 6, 10, 15])
        offerings = []
        for k in range(rng.randint(0, 3)):
            start = f"20{rng.randint(25, 28)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            offering: dict[str, Any] = {"id": f"run{k}", "start": start}
            if rng.random() < 0.8:
                offering["price"] = {"amount": rng.randint(0, 60) * 50, "currency": "EUR"}
            offerings.append(offering)
        awarding = rng.choice(org_ids)
        credentials[f"cred-{i:05d}"] = credential(
            title={"en": sentence(3, 8)[:-1]},
            summary={"en": " ".join(sentence(12, 24) for _ in range(2))},
            description={"en": description()},
            awarding_body=awarding,
            provider=[rng.choice(org_ids)] if rng.random() < 0.3 else [awarding],
            eqf=rng.randint(3, 8),
            field=rng.sample(pools["field"], rng.randint(1, 2)),
            workload={"ects": ects, "hours": int(ects * 25 + rng.randint(0, 20))},
            languages=rng.sample(["en", "de", "fr", "pt", "sl"], rng.randint(1, 2)),
            mode=rng.choice(pools["mode"]),
            outcomes=outcomes,
            assessments=[
                {
                    "id": f"a{k}",
                    "type": rng.choice(pools["type"]),
                    "proves": [o["id"] for o in outcomes],
                    "supervision": rng.choice(
                        ["unsupervised", "supervised-online", "supervised-on-site"]
                    ),
                    "identity_check": rng.random() < 0.5,
                    "description": {"en": sentence(10, 20)},
                }
                for k in range(rng.randint(1, 3))
            ],
            offerings=offerings,
        )
    settings = {**SETTINGS, "title": {"en": "Synthetic catalogue"}, "languages": ["en"]}
    settings["publisher"] = org_ids[0]
    return write_catalogue(root, credentials, orgs, settings)


def without_recorded_names(snapshot: Path) -> None:
    """A snapshot as ``credcat release`` wrote it before release records held organisations'
    names: its record without ``organisations:`` (and the comment above it)."""
    lines = snapshot.read_text("utf-8").splitlines(keepends=True)
    start = lines.index("  organisations:\n")
    while start and lines[start - 1].startswith("  # "):
        start -= 1
    end = next(
        i
        for i in range(lines.index("  organisations:\n") + 1, len(lines))
        if not lines[i].startswith("    ")
    )
    snapshot.write_text("".join(lines[:start] + lines[end:]), "utf-8")
