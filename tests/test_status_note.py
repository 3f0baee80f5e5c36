"""``status_note``: what a reader should know of a retired or superseded credential's status.

It is outside every version (like the status): not in the fingerprint, compared as no change,
never in a version's machine-readable files; shown in the status notice of the credential's
main page and of each of its version pages, on the one-page employers' summaries, and as a
note of the credential's record in ``catalogue.jsonld``. ``credcat check`` refuses it on a
credential that is offered (or a draft) and notes its absence on one no longer offered.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue_factory import credential, write_catalogue
from credcat.changes import changes
from credcat.errors import Severity
from credcat.validate import check_catalogue, load_catalogue
from credcat.versions import fingerprint
from test_site_build import build_site, make_project
from test_versions import edit, release

CID = "advanced-queries"
NOTE_EN = (
    "Retired on 30 June 2027: the *placements* ended. **Credentials already issued remain "
    "valid and verifiable.** See the [final report](https://example.org/report.pdf) & more."
)
NOTE_DE = "Eingestellt zum 30. Juni 2027. **Ausgestellte Nachweise bleiben gültig.**"
STATUS_NOTE = (
    f"status_note:\n  en: {json.dumps(NOTE_EN)}\n  de: {json.dumps(NOTE_DE, ensure_ascii=False)}\n"
)


def _codes(root: Path) -> list[tuple[str, Severity, str]]:
    _cat, problems = check_catalogue(root)
    return [(p.code, p.severity, p.field) for p in problems if p.code.startswith("status-note")]


# --- credcat check ---------------------------------------------------------------------------


def test_a_status_note_is_refused_on_an_offered_or_draft_credential(tmp_path: Path) -> None:
    note = {"en": "Retired.", "de": "Eingestellt."}
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "offered": credential(status_note=note),
            "planned": credential(status="draft", status_note=note, summary="Planned."),
        },
    )
    _cat, problems = check_catalogue(root)
    found = {p.path.split("/")[-1]: p for p in problems if p.code == "status-note-offered"}
    assert set(found) == {"offered.yaml", "planned.yaml"}
    offered = found["offered.yaml"]
    assert offered.is_error and offered.field == "status_note"
    assert offered.line == 1 + next(  # at the key, in the file as written
        i
        for i, line in enumerate((root / "credentials/offered.yaml").read_text().splitlines())
        if line.startswith("status_note:")
    )
    assert "no longer offered, but this one is active: no page shows it" in offered.message
    assert "remove status_note" in offered.hint and "status: retired" in offered.hint
    assert "this one is a draft" in found["planned.yaml"].message
    # and so the release of an offered credential with one is refused, writing nothing
    code, output = release(root, "offered")
    assert code != 0 and "status_note" in output, output
    assert not (root / "versions").exists()


def test_a_credential_no_longer_offered_without_a_note_gets_a_note(tmp_path: Path) -> None:
    note = {"en": "Retired in 2027.", "de": "2027 eingestellt."}
    root = write_catalogue(
        tmp_path / "catalogue",
        {
            "silent": credential(status="retired"),
            "said": credential(
                status="retired", status_note=note, summary={"en": "Other.", "de": "Anderes."}
            ),
        },
    )
    _cat, problems = check_catalogue(root)
    found = [p for p in problems if p.code.startswith("status-note")]
    assert [(p.path.split("/")[-1], p.severity, p.field) for p in found] == [
        ("silent.yaml", Severity.NOTE, "status")
    ]
    assert "has no status_note" in found[0].message and "write status_note:" in found[0].hint
    assert not any(p.is_error or p.is_warning for p in problems), problems


def test_the_note_is_no_part_of_the_version(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue", {"databases": credential()})
    code, output = release(root, "databases")
    assert code == 0, output
    path = root / "credentials" / "databases.yaml"
    edit(path, "version: '1.0'\n", "version: '1.0'\nstatus: retired\n" + STATUS_NOTE)
    cat, problems = check_catalogue(root)
    assert not [p for p in problems if p.is_error or p.is_warning], problems
    retired = cat.credentials["databases"]
    released = cat.archive.get("databases", "1.0")
    assert released is not None
    assert retired.status_note is not None and released.credential.status_note is None
    assert fingerprint(retired) == released.fingerprint  # the same version
    assert changes(released.credential, retired) == []  # nothing to say on a version page
    # a different note: still the same version
    edit(path, "Ausgestellte", "Bereits ausgestellte")
    cat, problems = check_catalogue(root)
    assert not [p for p in problems if p.is_error or p.is_warning], problems
    assert fingerprint(cat.credentials["databases"]) == released.fingerprint
    # written into the snapshot by hand: a warning, and never shown (the file's is)
    snapshot = root / "versions" / "databases" / "1.0.yaml"
    snapshot.write_text(
        snapshot.read_text("utf-8") + "status_note: {en: Nothing, de: Nichts}\n", "utf-8"
    )
    warned = [p for p in check_catalogue(root)[1] if p.code == "snapshot-status-note"]
    assert [(p.severity, p.field) for p in warned] == [(Severity.WARNING, "status_note")]


# --- what a reader and a machine get ---------------------------------------------------------


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The basic site with version 1.0 of advanced-queries released, then the credential
    retired: built without a status note, then with one."""
    tmp = tmp_path_factory.mktemp("status-note")
    config = make_project(tmp / "project")
    root = tmp / "project" / "catalogue"
    cred = root / "credentials" / f"{CID}.yaml"
    code, output = release(root, CID, "2026-01-15")
    assert code == 0, output
    edit(cred, "status: active\n", "status: retired\n")
    build_site(config, tmp / "without")
    edit(cred, "status: retired\n", "status: retired\n" + STATUS_NOTE)
    build_site(config, tmp / "with")
    return {"without": tmp / "without", "with": tmp / "with"}


def _note_html(page: str) -> str:
    start = page.index("data-credcat-status-note")
    return page[page.rindex("<", 0, start) : page.index("</div>", start)]


def test_the_note_is_in_the_banner_of_every_page_in_the_page_language(
    sites: dict[str, Path],
) -> None:
    site = sites["with"]
    for lang, prefix in (("en", ""), ("de", "de/")):
        for page in (f"credentials/{CID}/", f"credentials/{CID}/1.0/"):
            html = (site / prefix / page / "index.html").read_text("utf-8")
            banner = html[html.index('data-credcat-banner="retired"') :]
            banner = banner[: banner.index("\n  </div>")]
            note = _note_html(html)
            assert note in banner, (lang, page)  # inside the retired notice
            if lang == "en":
                assert "<em>placements</em>" in note
                assert (
                    "<strong>Credentials already issued remain valid and verifiable.</strong>"
                    in note
                )
                assert '<a href="https://example.org/report.pdf" rel="noopener nofollow">' in note
                assert "&amp; more" in note  # escaped
            else:
                assert "Eingestellt zum 30. Juni 2027." in note
                assert "<strong>Ausgestellte Nachweise bleiben gültig.</strong>" in note
                assert "Retired on" not in html
        # the one-page employers' summary of the version says it too
        summary = (site / prefix / f"credentials/{CID}/1.0/summary/index.html").read_text("utf-8")
        assert ("Credentials already issued" if lang == "en" else "Ausgestellte") in _note_html(
            summary
        )
    # the pages of an active credential have no note
    other = (site / "credentials" / "intro-databases" / "index.html").read_text("utf-8")
    assert "data-credcat-status-note" not in other


def test_the_note_is_in_the_record_only_never_in_a_version_file(sites: dict[str, Path]) -> None:
    before, after = sites["without"], sites["with"]
    version = Path("credentials") / CID / "1.0"
    files = sorted(p.relative_to(after) for p in (after / version).rglob("*") if p.is_file())
    data = [p for p in files if p.suffix != ".html"]
    assert {p.name for p in data} >= {"elm.jsonld", "edc-template.json", "ob3-achievement.json"}
    for rel in data:  # byte for byte as without the note
        assert (after / rel).read_bytes() == (before / rel).read_bytes(), rel
        assert "Retired on 30 June" not in (after / rel).read_text("utf-8"), rel
    for name in ("catalogue.json", "catalogue-texts.json", "de/catalogue.json"):
        assert (after / name).read_bytes() == (before / name).read_bytes(), name
    # catalogue.jsonld: the record's first note, in plain text, in every language
    graph = json.loads((after / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    record = next(n for n in graph if n["id"].endswith(f"/credentials/{CID}/#spec"))
    assert record["status"] == "retired"
    first = record["additionalNote"][0]
    assert first["id"].endswith(f"/credentials/{CID}/#note-status")
    assert first["noteLiteral"] == {
        "en": "Retired on 30 June 2027: the placements ended. Credentials already issued "
        "remain valid and verifiable. See the final report (https://example.org/report.pdf) "
        "& more.",
        "de": "Eingestellt zum 30. Juni 2027. Ausgestellte Nachweise bleiben gültig.",
    }
    was = json.loads((before / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    old = next(n for n in was if n["id"] == record["id"])
    assert record["additionalNote"][1:] == old.get("additionalNote", [])
    # the fingerprint the pages and files state is the same
    cat = load_catalogue(after.parent / "project" / "catalogue")
    assert cat.archive.get(CID, "1.0").fingerprint in (after / version / "elm.jsonld").read_text(
        "utf-8"
    )
