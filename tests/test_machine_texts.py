"""What a machine reads of the catalogue's free texts: plain text, in the page's order, in the
file's language (docs/data.md, "Texts are plain text", "An edition is in its language")."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import ORGANISATIONS, SETTINGS, credential, write_catalogue
from credcat.cli import main
from credcat.render.data.ob3 import editions, ob3_achievement
from credcat.render.data.schemaorg import schemaorg
from credcat.validate import load_catalogue
from jsonld_helpers import urls_of

MARKDOWN = "Uses *emphasis*, **strong** and [a link](https://x.example/)."
"""A Markdown text as authors write them in the fields the pages render as Markdown."""
SYNTAX = ("*emphasis*", "**strong**", "[a link]", "](https://", "__")
"""What must not survive of :data:`MARKDOWN` in a machine file."""
PLAIN = "Uses emphasis, strong and a link (https://x.example/)."
""":data:`MARKDOWN` as the files say it (docs/data.md: emphasis marks dropped, a link's
address in brackets after its text)."""


def _markdown(prefix: str) -> dict[str, str]:
    return {"en": f"{prefix} {MARKDOWN}", "de": f"{prefix} (de) {MARKDOWN}"}


def _markdown_catalogue(root: Path) -> Path:
    """Markdown in every field a page shows as Markdown (``Localiser.prose``): a credential's
    description, further information, prerequisites (with a credential it builds on, whose
    sentence credcat adds) and stackability note; an assessment's description (with a list,
    and the sentences credcat adds); a quality assurance's description; an organisation's
    description."""
    organisations = {
        **ORGANISATIONS,
        "alpha-uni": {**ORGANISATIONS["alpha-uni"], "description": _markdown("Org.")},
    }
    listed = {
        "en": f"Project. {MARKDOWN}\n\n- one *item*\n- two [items](https://y.example/)",
        "de": f"Projekt. {MARKDOWN}\n\n- ein *Punkt*\n- zwei [Punkte](https://y.example/)",
    }
    marked = credential(
        description=_markdown("Description."),
        further_information=_markdown("Further."),
        prerequisites=_markdown("Prerequisites."),
        stackability={"builds_on": ["basics"], "note": _markdown("Stacks.")},
        assessments=[
            {
                "id": "project",
                "type": "project-work",
                "proves": ["design", "query"],
                "supervision": "supervised-online",
                "identity_check": True,
                "description": listed,
            },
        ],
        quality_assurance=[
            {
                "type": "programme-quality-assurance",
                "body": "beta-qa",
                "description": _markdown("Accredited."),
            },
        ],
        offerings=[
            {
                "id": "2027-spring",
                "start": "2027-04-10",
                "end": "2027-05-22",
                "price": {"amount": 450, "currency": "EUR"},
                "enrolment_url": "https://alpha.example/enrol",
            }
        ],
    )
    basics = credential(title={"en": "Basics", "de": "Grundlagen"})
    return write_catalogue(
        root, credentials={"marked": marked, "basics": basics}, organisations=organisations
    )


def _generate(root: Path, out: Path) -> None:
    said = io.StringIO()
    assert main(["generate", str(root), "--out", str(out)], out=said) == 0, said.getvalue()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_no_markdown_reaches_a_machine_file(tmp_path: Path) -> None:
    """Every file a machine reads (ELM, the EDC template, every Open Badges edition, the
    learning opportunities, ``catalogue.jsonld``, the schema.org of the pages) has the texts
    written in Markdown as plain text, through the one conversion the description has."""
    root = _markdown_catalogue(tmp_path / "catalogue")
    _generate(root, tmp_path / "out")
    names = ("elm.jsonld", "edc-template.json", "opportunities.jsonld", "catalogue.jsonld")
    files = {
        path.relative_to(tmp_path / "out").as_posix(): json.loads(path.read_text("utf-8"))
        for path in sorted((tmp_path / "out").rglob("*"))
        if path.name in names or path.name.startswith("ob3-achievement")
    }
    cat = load_catalogue(root)
    for lang in ("en", "de"):
        files[f"schema.org ({lang})"] = schemaorg(
            cat, cat.credentials["marked"], urls_of(cat), lang
        )
    assert {
        "credentials/marked/1.0/elm.jsonld",
        "credentials/marked/1.0/edc-template.json",
        "credentials/marked/1.0/ob3-achievement.json",
        "credentials/marked/1.0/ob3-achievement.de.json",
        "credentials/marked/opportunities.jsonld",
        "catalogue.jsonld",
    } <= set(files)
    for name, document in files.items():
        texts = _strings(document)
        for text in texts:
            # the Open Badges narrative is Markdown of credcat's own: its titles in bold
            text = text.replace("- **Project work** (", "")
            for syntax in SYNTAX:
                assert syntax not in text, (name, syntax, text)
        if "marked" in name:
            assert any(PLAIN in text for text in texts), name

    elm = files["credentials/marked/1.0/elm.jsonld"]
    notes = {n["id"].rsplit("#", 1)[1]: n["noteLiteral"] for n in elm["additionalNote"]}
    for key, prefix in [
        ("note-description", "Description."),
        ("note-stackability", "Stacks."),
        ("note-further-information", "Further."),
    ]:
        assert notes[key] == {"en": f"{prefix} {PLAIN}", "de": f"{prefix} (de) {PLAIN}"}
    # prerequisites, then the sentence credcat adds on what it builds on
    assert elm["entryRequirement"]["noteLiteral"]["en"] == (
        f"Prerequisites. {PLAIN} Recommended before this credential: Basics."
    )
    (qa,) = elm["accreditation"]
    assert qa["description"] == {"en": f"Accredited. {PLAIN}", "de": f"Accredited. (de) {PLAIN}"}
    # an assessment's list: a line per item; credcat's sentences a paragraph after it
    (assessment,) = elm["provenBy"]
    assert assessment["description"]["en"].startswith(
        f"Project. {PLAIN}\n\n• one item\n• two items (https://y.example/)\n\nSupervision and"
    )
    alpha = next(
        node
        for opportunity in elm["awardingOpportunity"]
        for node in opportunity["awardingBody"]
        if node["id"].endswith("/organisations/alpha-uni/#org")
    )
    assert alpha["additionalNote"][0]["noteLiteral"]["en"] == f"Org. {PLAIN}"
    # the badge's narrative keeps each assessment one item: further lines indented
    narrative = files["credentials/marked/1.0/ob3-achievement.json"]["criteria"]["narrative"]
    assert narrative.endswith(
        f"proves outcomes 1, 2): Project. {PLAIN}\n\n  • one item\n  • two items (https://y.example/)"
    )


def _ordered_catalogue(root: Path) -> Path:
    """Outcomes in the YAML in another order than the page numbers them (knowledge, skills,
    then responsibility and autonomy), with ESCO skills."""
    esco = "http://data.europa.eu/esco/skill/"
    outcomes = [
        {
            "id": "lead",
            "kind": "responsibility-autonomy",
            "text": {"en": "Lead a review.", "de": "Ein Review leiten."},
        },
        {
            "id": "query",
            "kind": "skill",
            "text": {"en": "Write SQL queries.", "de": "SQL-Abfragen schreiben."},
            "esco": [esco + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"],
        },
        {
            "id": "theory",
            "kind": "knowledge",
            "text": {"en": "Explain normal forms.", "de": "Normalformen erklären."},
            "esco": [esco + "ccd0a1d9-afda-43d9-b901-96344886e14d"],
        },
    ]
    assessments = [
        {
            "id": "project",
            "type": "project-work",
            "proves": ["query", "lead"],
            "description": {"en": "A project.", "de": "Ein Projekt."},
        },
        {
            "id": "exam",
            "type": "written-examination",
            "proves": ["theory"],
            "description": {"en": "An exam.", "de": "Eine Klausur."},
        },
    ]
    cred = credential(outcomes=outcomes, assessments=assessments)
    return write_catalogue(root, credentials={"databases": cred})


def test_every_machine_file_lists_outcomes_as_the_page_numbers_them(tmp_path: Path) -> None:
    """An assessment's description cites outcomes by the page's numbers ("(2)"): every file
    lists them in that order (knowledge, skills, responsibility and autonomy), whatever the
    YAML's, so that "(2)" is the second ``learningOutcome`` too."""
    root = _ordered_catalogue(tmp_path / "catalogue")
    _generate(root, tmp_path / "out")

    def read(path: str) -> Any:
        return json.loads((tmp_path / "out" / path).read_text("utf-8"))

    order = ["Explain normal forms.", "Write SQL queries.", "Lead a review."]
    elm = read("credentials/databases/1.0/elm.jsonld")
    assert [o["title"]["en"] for o in elm["learningOutcome"]] == order
    assessment = elm["provenBy"][0]
    assert "(2) Write SQL queries; (3) Lead a review" in assessment["description"]["en"]
    edc = read("credentials/databases/1.0/edc-template.json")
    spec = edc["credential"]["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert [o["title"]["en"] for o in spec["learningOutcome"]] == order
    (record,) = [
        node
        for node in read("catalogue.jsonld")["@graph"]
        if node.get("learningOutcome") and "/databases/" in node["id"]
    ]
    assert [o["title"]["en"] for o in record["learningOutcome"]] == order
    ob3 = read("credentials/databases/1.0/ob3-achievement.json")
    assert [f"{n}. {text}" for n, text in enumerate(order, start=1)] == (
        ob3["criteria"]["narrative"].splitlines()[2:5]
    )
    assert [a["targetCode"] for a in ob3["alignment"][:2]] == [
        "ccd0a1d9-afda-43d9-b901-96344886e14d",
        "598de5b0-5b58-4ea7-8058-a4bc4d18c742",
    ]
    cat = load_catalogue(root)
    course = schemaorg(cat, cat.credentials["databases"], urls_of(cat), "en")
    teaches = [node["teaches"] for node in course.get("@graph", [course]) if "teaches" in node]
    assert teaches and teaches[0][: len(order)] == order


@pytest.mark.parametrize(
    ("lang", "tags", "headings"),
    [
        (
            "en",
            [
                "Micro-credential",
                "EQF level 6",
                "QF-EHEA first cycle (bachelor level)",
                "2.5 ECTS",
                "Online",
            ],
            ["Learning outcomes:", "Assessment:"],
        ),
        (
            "de",
            [
                "Microcredential",
                "EQR-Niveau 6",
                "QF-EHEA erster Zyklus (Bachelorniveau)",
                "2,5 ECTS",
                "Online",
            ],
            ["Lernergebnisse:", "Prüfung:"],
        ),
        (
            "fr",
            [
                "Microcertificat",
                "niveau CEC 6",
                "QF-EHEA premier cycle (niveau licence)",
                "2,5 ECTS",
                "En ligne",
            ],
            ["Acquis d'apprentissage\u00a0:", "Évaluation\u00a0:"],
        ),
    ],
)
def test_an_open_badges_edition_tags_and_heads_in_its_language(
    tmp_path: Path, lang: str, tags: list[str], headings: list[str]
) -> None:
    """Each edition's tags are credcat's words in its language (the kind of credential, the
    levels, the credits as the language writes the number, the mode's EU label), and the
    headings of its criteria end as the language writes a colon (French: a no-break space
    before it, as the site's French interface)."""
    settings = {**SETTINGS, "languages": ["en", "de", "fr"]}
    three = {"en": "Databases", "de": "Datenbanken", "fr": "Bases de données"}
    cred = credential(
        title=three,
        summary={lang: f"{text}." for lang, text in three.items()},
        qf_ehea="first-cycle",
        workload={"ects": 2.5, "hours": 70},
        outcomes=[
            {"id": "design", "kind": "skill", "text": {k: f"{v} (1)." for k, v in three.items()}},
            {"id": "query", "kind": "skill", "text": {k: f"{v} (2)." for k, v in three.items()}},
        ],
    )
    root = write_catalogue(tmp_path / "c", credentials={"databases": cred}, settings=settings)
    cat = load_catalogue(root)
    found = cat.credentials["databases"]
    key = None if lang == "en" else lang
    assert editions(cat, found)[key] == lang
    achievement = ob3_achievement(cat, found, urls_of(cat), key)
    assert achievement["inLanguage"] == lang
    assert achievement["tag"] == tags
    lines = achievement["criteria"]["narrative"].splitlines()
    assert [line for line in lines if line.endswith(":")] == headings


def test_credcats_french_sentences_have_a_no_break_space_before_a_colon() -> None:
    """The sentences credcat adds in French to the ELM file, the LOQ file and the EDC template
    (an assessment's supervision and what it proves, the kind of an outcome, the workload,
    the QF-EHEA cycle, an offering's places) write a no-break space before ":", as the site's
    French interface does ("Charge de travail\u00a0: …"), never a plain one; other languages
    none."""
    from credcat.output import data_files

    sample = load_catalogue(Path(__file__).parent.parent / "catalogue")
    files = data_files(sample, urls_of(sample))
    texts: dict[str, list[str]] = {"fr": [], "de": []}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in texts and isinstance(item, str):
                    texts[key].append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path, data in files.items():
        if path.endswith(("elm.jsonld", "opportunities.jsonld", "edc-template.json")):
            walk(json.loads(data))
    french = "\n".join(texts["fr"])
    for said in (
        "Surveillance et vérification d'identité\u00a0: ",
        "Atteste les acquis d'apprentissage suivants\u00a0: (",
        "Type d'acquis d'apprentissage\u00a0: responsabilité et autonomie.",
        "Charge de travail\u00a0: ",
        "(QF-EHEA)\u00a0: ",
    ):
        assert said in french, said
        assert said.replace("\u00a0", " ") not in french, said
    assert "\u00a0:" not in "\n".join(texts["de"])
