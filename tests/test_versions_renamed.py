"""An organisation renamed after a release: what the released version's pages and files say.

``credcat release`` records the name of each organisation a version names. An organisation has
one description, at its one IRI, in every file: its name now (``legalName``), and each name a
release recorded that differs from it as an alternative name (``altLabel``), so that a merged
graph never holds two legal names for one IRI in a language. The pages of a version released
under an earlier name show that name, with the name now; the credential's main page, and a
version released under the name now, show the name now only.

One fixture: the basic site's ``advanced-queries`` 1.0 released, then its awarding body renamed
in English and its quality assurance body in German, then 1.1 released under the new names.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import SAMPLE, without_recorded_names
from credcat.conformance import validate_document
from credcat.render.site.localise import ui_strings
from credcat.validate import check_catalogue, load_catalogue
from credcat.versions import former_names
from jsonld_helpers import EDC_SHAPES, disagreements, shapes, to_graph, violations
from test_site_build import build_site, make_project
from test_versions import edit, errors, release, run

CID = "advanced-queries"
CID_SAMPLE = "data-analysis-python"
RIVER, RIVER_NOW = "River University", "River University of Applied Sciences"  # en only
LAKE, LAKE_NOW = "Seeagentur für Qualität", "Seeagentur für Qualitätssicherung"  # de only
NOW = re.compile(r'<span class="credcat-renamed" data-credcat-renamed>(.*?)</span>', re.S)


@dataclass(frozen=True)
class Renamed:
    root: Path
    """The catalogue folder (1.0 and 1.1 released)."""
    site: Path
    """Built after the rename, with 1.0 the current version (released under the old names)."""
    after: Path
    """Built once 1.1 was released under the new names."""
    data_before: Path
    """``credcat generate`` before the rename."""
    data_renamed: Path
    """``credcat generate`` after it (1.0 still current)."""


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Renamed]:
    tmp = tmp_path_factory.mktemp("renamed")
    config = make_project(tmp / "project")
    root = tmp / "project" / "catalogue"
    code, output = release(root, CID, "2026-01-15")
    assert code == 0, output
    assert run("generate", str(root), "--out", str(tmp / "data-before"))[0] == 0
    orgs = root / "organisations"
    edit(orgs / "river-university.yaml", f"en: {RIVER}\n", f"en: {RIVER_NOW}\n")
    edit(orgs / "lake-agency.yaml", f"de: {LAKE}\n", f"de: {LAKE_NOW}\n")
    assert run("generate", str(root), "--out", str(tmp / "data-renamed"))[0] == 0
    build_site(config, tmp / "site")  # strict: a rename is no mistake
    cred = root / "credentials" / f"{CID}.yaml"
    edit(cred, "version: '1.0'", "version: '1.1'")
    code, output = release(root, CID, "2026-09-01")
    assert code == 0, output
    build_site(config, tmp / "after")
    yield Renamed(root, tmp / "site", tmp / "after", tmp / "data-before", tmp / "data-renamed")


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def _fact(html: str, fact: str) -> str:
    """The words of one key fact's value."""
    match = re.search(rf'data-credcat-fact="{fact}">.*?<dd>(.*?)</dd>', html, re.S)
    assert match is not None, fact
    return _text(match.group(1))


def _org_node(document: dict[str, Any], oid: str) -> dict[str, Any]:
    """The node of an organisation, wherever a document embeds it."""
    iri = f"https://fixture.test.example/organisations/{oid}/#org"
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("id") == iri and "legalName" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    assert found, oid
    assert all(node == found[0] for node in found)
    return found[0]


def test_a_rename_is_a_name_the_organisation_had(renamed: Renamed) -> None:
    cat = load_catalogue(renamed.root)
    assert former_names(cat) == {
        "lake-agency": {"de": (LAKE,)},
        "river-university": {"en": (RIVER,)},
    }
    later = cat.archive.get(CID, "1.1")
    assert later is not None and later.names_then()["river-university"]["en"] == RIVER_NOW


def test_the_earlier_versions_page_shows_the_name_it_was_released_under_with_the_name_now(
    renamed: Renamed,
) -> None:
    """In English the awarding body was renamed: 1.0's page (and its summary) names it as
    released, then "now …"; the quality assurance body, renamed in German only, is named
    as it is. In German the other way round."""
    en = ui_strings("en")
    de = ui_strings("de")
    now_en = ", " + str(en["org_now"]).format(name=RIVER_NOW)
    for site in (renamed.site, renamed.after):  # as current version, then as an earlier one
        page = _page(site, f"credentials/{CID}/1.0/")
        assert _fact(page, "awarding_body") == f"{RIVER} (Austria){now_en}"
        assert [_text(n) for n in NOW.findall(page)] == [now_en] * 3  # by, fact, summary
        assert f"{en['employers_awarded']} {RIVER}</a>" not in page  # a link, then "now"
        assert re.search(rf">{RIVER}</a>{NOW.pattern}", page) is not None
        assert "Lake Quality Agency</a> (Germany)</dd>" in page
        summary = _page(site, f"credentials/{CID}/1.0/summary/")
        assert [_text(n) for n in NOW.findall(summary)] == [now_en]
        german = _page(site, f"de/credentials/{CID}/1.0/")
        now_de = ", " + str(de["org_now"]).format(name=LAKE_NOW)
        assert _fact(german, "awarding_body") == "Flussuniversität (Österreich)"
        assert [_text(n) for n in NOW.findall(german)] == [now_de] * 2  # quality, summary
        assert re.search(rf">{LAKE}</a> \(Deutschland\){NOW.pattern}", german) is not None
        german_summary = _page(site, f"de/credentials/{CID}/1.0/summary/")
        assert f": {LAKE}{now_de} · " in _text(german_summary)
        assert [_text(n) for n in NOW.findall(german_summary)] == [now_de]


def test_the_credential_as_it_is_now_names_the_organisations_as_they_are_now(
    renamed: Renamed,
) -> None:
    """The main page shows the credential as it is now, even while 1.0 (released under the
    old names) is its current version; 1.1, released under the new names, shows them."""
    pages = [
        _page(renamed.site, f"credentials/{CID}/"),
        _page(renamed.site, f"de/credentials/{CID}/"),
        _page(renamed.after, f"credentials/{CID}/"),
        _page(renamed.after, f"credentials/{CID}/1.1/"),
        _page(renamed.after, f"de/credentials/{CID}/1.1/"),
        _page(renamed.after, f"credentials/{CID}/1.1/summary/"),
    ]
    for page in pages:
        assert "data-credcat-renamed" not in page
        assert f">{RIVER}<" not in page and f">{LAKE}<" not in page
    assert _fact(pages[0], "awarding_body") == f"{RIVER_NOW} (Austria)"
    assert _fact(pages[4], "awarding_body") == "Flussuniversität (Österreich)"
    assert f">{LAKE_NOW}</a>" in pages[4]


def test_every_file_describes_the_organisation_once_with_the_names_it_had(
    renamed: Renamed,
) -> None:
    """elm.jsonld, the EDC template, catalogue.jsonld, opportunities: one node per
    organisation, its name now as legalName and the name 1.0's release recorded as an
    alternative name (after its short name), in the language it changed in; files merged
    into one graph agree on it, and 1.0's files still conform to the EDC shapes."""
    folder = renamed.data_renamed / "credentials" / CID / "1.0"
    elm = json.loads((folder / "elm.jsonld").read_text("utf-8"))
    river = _org_node(elm, "river-university")
    assert river["legalName"] == {"en": RIVER_NOW, "de": "Flussuniversität"}
    assert river["altLabel"] == {"en": ["RiverU", RIVER], "de": "FlussU"}
    lake = _org_node(elm, "lake-agency")
    assert lake["legalName"] == {"en": "Lake Quality Agency", "de": LAKE_NOW}
    assert lake["altLabel"] == {"de": LAKE}
    documents: dict[str, Any] = {}
    for path in sorted(renamed.data_renamed.rglob("*.json*")):
        data = json.loads(path.read_text("utf-8"))
        if path.name == "edc-template.json":
            data = data["credential"]
        elif not path.name.endswith(".jsonld"):
            continue
        documents[str(path)] = data
        if "river-university/#org" in json.dumps(data) and "legalName" in json.dumps(data):
            assert _org_node(data, "river-university") == river, path
    assert disagreements(documents, skip=("urn:",)) == {}
    graph = to_graph(elm)
    found = violations(graph, shapes(*EDC_SHAPES))
    assert found == [], "\n".join(v.short() for v in found)
    # credcat validate, as a maintainer runs it on the site: the EDC shapes for 1.0's files,
    # the LOQ shapes for the offerings (whose publisher is the renamed university)
    checked = set()
    for path, data in sorted(documents.items()):
        kind, findings = validate_document(data)
        checked.add(kind)
        assert all(f.left_for_issuer for f in findings), (path, [f.format(path) for f in findings])
    assert {"edc", "loq"} <= checked


def test_the_rename_changes_the_organisations_nodes_only(renamed: Renamed) -> None:
    """Of 1.0's files, the rename changed the organisations' names (and alternative names)
    only: put back, the files are as before."""
    before = renamed.data_before / "credentials" / CID / "1.0"
    after = renamed.data_renamed / "credentials" / CID / "1.0"
    for path in sorted(before.iterdir()):
        if not path.name.endswith((".json", ".jsonld")):
            continue
        was = json.loads(path.read_text("utf-8"))
        now = json.loads((after / path.name).read_text("utf-8"))

        def back(value: Any) -> Any:
            if isinstance(value, dict):
                if value.get("type") == "Organisation" or "legalName" in value:
                    value = {**value, "legalName": back(value.get("legalName"))}
                    alt = value.get("altLabel")
                    if isinstance(alt, dict):
                        alt = {k: v[0] if isinstance(v, list) else v for k, v in alt.items()}
                        alt = {k: v for k, v in alt.items() if v not in (RIVER, LAKE)}
                        value["altLabel"] = alt
                        if not alt:
                            del value["altLabel"]
                return {k: back(v) for k, v in value.items()}
            if isinstance(value, list):
                return [back(v) for v in value]
            if value == RIVER_NOW:
                return RIVER
            if value == LAKE_NOW:
                return LAKE
            return value

        assert back(now) == back(was), path.name
        assert now != was or "river" not in json.dumps(was), path.name


FORMER = re.compile(r'<p class="credcat-former" data-credcat-former>(.*?)</p>', re.S)


def test_the_organisations_page_says_the_names_it_had(renamed: Renamed) -> None:
    """An organisation's page, and its entry in the list of organisations, say the name it
    had in the language of the name shown ("Formerly named: …"); one renamed in another
    language only says none. The site search finds its page by the name it had."""
    en = ui_strings("en")
    de = ui_strings("de")
    for site in (renamed.site, renamed.after):
        river = _page(site, "organisations/river-university/")
        assert [_text(m) for m in FORMER.findall(river)] == [
            str(en["org_former_names"][0]).format(names=RIVER)
        ]
        lake_de = _page(site, "de/organisations/lake-agency/")
        assert [_text(m) for m in FORMER.findall(lake_de)] == [
            str(de["org_former_names"][0]).format(names=LAKE)
        ]
        assert "Früherer Name: Seeagentur für Qualität" in _text(lake_de)  # the translation
        assert not FORMER.findall(_page(site, "organisations/lake-agency/"))
        assert not FORMER.findall(_page(site, "de/organisations/river-university/"))
        listed = _page(site, "organisations/")
        entry = re.search(r'<li data-credcat-id="river-university">(.*?)</li>', listed, re.S)
        assert entry is not None and f"Formerly named: {RIVER}" in _text(entry.group(1))
        assert len(FORMER.findall(listed)) == 1
        docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
        found = {
            doc["location"].split("#")[0]
            for doc in docs
            if f"Formerly named: {RIVER}" in doc["text"]
        }
        assert found == {"organisations/river-university/"}


def test_the_names_it_had_are_marked_with_their_language() -> None:
    """Each name is a part of its own, in CLDR's list pattern of the interface language, and
    keeps the language it is in, which the page marks where it is not the page's."""
    from credcat.render.language import Fallback, lang_of
    from credcat.render.site.localise import Localiser, rich_list

    loc = Localiser("de", "en")
    parts = rich_list(
        loc.plural(loc.ui["org_former_names"], 2),
        "names",
        loc.join_parts([Fallback("River College", "en"), "Flusshochschule"]),
    )
    assert "".join(p["text"] for p in parts) == ("Frühere Namen: River College und Flusshochschule")
    assert [lang_of(p["text"]) for p in parts] == ["", "en", "", ""]
    assert Localiser("en", "en").join_parts([]) == []


NAMES_TODAY = re.compile(r"<p [^>]*data-credcat-names-today>(.*?)</p>", re.S)


def test_a_version_released_before_names_were_recorded_says_it_shows_todays(
    renamed: Renamed, tmp_path: Path
) -> None:
    """1.0 released before credcat recorded organisations' names, then its awarding body
    renamed: its page and its summary show the name now, and cannot know the name then, so
    they say once each, under the awarding body, that the names shown are today's, in the
    page's language (the page twice: under the title and in its summary, which is printed
    alone). 1.1, whose release recorded them, and the main page, which shows the
    credential as it is now, say nothing; nor does 1.0 where its record holds the names."""
    project = tmp_path / "project"
    shutil.copytree(renamed.root.parent, project)
    without_recorded_names(project / "catalogue" / "versions" / CID / "1.0.yaml")
    cat = load_catalogue(project / "catalogue")
    assert cat.archive.get(CID, "1.0").organisation_names is None  # type: ignore[union-attr]
    build_site(project / "mkdocs.yml", tmp_path / "site")
    for lang, prefix in (("en", ""), ("de", "de/")):
        note = str(ui_strings(lang)["names_today"])
        page = html.unescape(_page(tmp_path / "site", f"{prefix}credentials/{CID}/1.0/"))
        assert [_text(n) for n in NAMES_TODAY.findall(page)] == [note] * 2
        assert "data-credcat-renamed" not in page  # the name now, without "now …"
        by = page.split('class="credcat-by"', 1)[1]
        assert by.index(f">{note}<") < by.index('id="key-facts"')
        summary = html.unescape(_page(tmp_path / "site", f"{prefix}credentials/{CID}/1.0/summary/"))
        assert [_text(n) for n in NAMES_TODAY.findall(summary)] == [note]
        for quiet in (f"{prefix}credentials/{CID}/", f"{prefix}credentials/{CID}/1.1/"):
            assert "data-credcat-names-today" not in _page(tmp_path / "site", quiet), quiet
    assert _fact(page, "awarding_body") == "Flussuniversität (Österreich)"
    english = _page(tmp_path / "site", f"credentials/{CID}/1.0/")
    assert _fact(english, "awarding_body") == f"{RIVER_NOW} (Austria)"
    for site in (renamed.site, renamed.after):  # 1.0's record holds the names it had
        for path in (f"credentials/{CID}/1.0/", f"credentials/{CID}/1.0/summary/"):
            assert "data-credcat-names-today" not in _page(site, path), path


def _leave_out(snapshot: Path, oid: str) -> None:
    """A snapshot's release record with the name of ``oid`` taken out (by hand)."""
    text = snapshot.read_text("utf-8")
    entry = re.compile(rf"^    {oid}: \{{name: .*\n", re.M)
    assert len(entry.findall(text)) == 1, oid
    snapshot.write_text(entry.sub("", text), "utf-8")


def test_a_record_that_leaves_out_an_organisation_is_reported_and_its_pages_say_so(
    renamed: Renamed, tmp_path: Path
) -> None:
    """1.0's record holds the names of its awarding body but not of its quality assurance
    body (its entry taken out by hand). ``credcat check`` warns at the record's
    ``organisations:`` (file, line, the id, its role, the fix); the version's page and
    summary show that body under today's name and say so of it alone, in the page's
    language (a German reader would otherwise take today's name for the one of then,
    without a word); the awarding body keeps the name recorded, with "now …". 1.1, whose
    record holds them all, says nothing."""
    project = tmp_path / "project"
    shutil.copytree(renamed.root.parent, project)
    root = project / "catalogue"
    snapshot = root / "versions" / CID / "1.0.yaml"
    _leave_out(snapshot, "lake-agency")
    code, output = run("check", str(root))
    assert code == 0, output
    line = snapshot.read_text("utf-8").splitlines().index("  organisations:") + 1
    found = [p for p in check_catalogue(root)[1] if p.code == "unrecorded-name"]
    assert [(p.line, p.is_error) for p in found] == [(line, False)]
    assert found[0].path.endswith(f"versions/{CID}/1.0.yaml"), found[0].path
    assert (
        f"1.0.yaml:{line}:3: warning: release.organisations: the release record of {CID} "
        "1.0 holds the names of the organisations it names but not of 'lake-agency' (its "
        "quality assurance body): the version's page and summary show it under today's name "
        "and say so, and its files list no name it had on 2026-01-15"
    ) in output
    assert "run credcat record-names" in output and "lake-agency: {name: {" in output
    build_site(project / "mkdocs.yml", tmp_path / "site", strict=False)  # that warning
    de = ui_strings("de")
    note = str(de["names_today_some"][0]).format(names=LAKE_NOW)
    page = html.unescape(_page(tmp_path / "site", f"de/credentials/{CID}/1.0/"))
    assert [_text(n) for n in NAMES_TODAY.findall(page)] == [note] * 2
    assert f">{LAKE}</a>" not in page and NOW.findall(page) == []  # no name of then, no "now"
    assert re.search(rf">{LAKE_NOW}</a> \(Deutschland\)</dd>", page) is not None
    summary = html.unescape(_page(tmp_path / "site", f"de/credentials/{CID}/1.0/summary/"))
    assert [_text(n) for n in NAMES_TODAY.findall(summary)] == [note]
    english = html.unescape(_page(tmp_path / "site", f"credentials/{CID}/1.0/"))
    said = str(ui_strings("en")["names_today_some"][0]).format(names="Lake Quality Agency")
    assert [_text(n) for n in NAMES_TODAY.findall(english)] == [said] * 2
    assert _fact(english, "awarding_body").startswith(f"{RIVER} (Austria), now {RIVER_NOW}")
    for quiet in (f"credentials/{CID}/", f"credentials/{CID}/1.1/", f"de/credentials/{CID}/1.1/"):
        assert "data-credcat-names-today" not in _page(tmp_path / "site", quiet), quiet


def test_record_names_adds_what_a_record_left_out(tmp_path: Path) -> None:
    """A record of the sample that leaves out its quality assurance body's name:
    ``credcat record-names`` adds that one entry, with today's name, at the end of the
    record's ``organisations:``, and changes nothing else (the other names as recorded, the
    version as released, its fingerprint); the warning is gone."""
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    snapshot = root / "versions" / CID_SAMPLE / "1.0.yaml"
    before = load_catalogue(root).archive.get(CID_SAMPLE, "1.0")
    assert before is not None and "qualitas-agentur" in before.names_then()
    original = snapshot.read_text("utf-8")
    _leave_out(snapshot, "qualitas-agentur")
    assert "unrecorded-name" in {p.code for p in check_catalogue(root)[1]}
    code, output = run("record-names", str(root))
    assert code == 0 and output.startswith(
        f"recorded the organisations' names in {snapshot}\n1 release record now names"
    ), output
    text = snapshot.read_text("utf-8")
    added = [line for line in text.splitlines() if line not in original.splitlines()]
    assert len(added) == 1 and added[0].startswith("    # recorded on "), added
    assert [line for line in original.splitlines() if line not in text.splitlines()] == []
    after = load_catalogue(root).archive.get(CID_SAMPLE, "1.0")
    assert after is not None and after.fingerprint == before.fingerprint
    assert after.names_then() == before.names_then()  # as its file says today: the same
    assert _released_part(text) == _released_part(original)
    assert "unrecorded-name" not in {p.code for p in check_catalogue(root)[1]}
    assert run("record-names", str(root))[1].startswith("every release record holds")


def _snapshots(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted((root / "versions").rglob("*.yaml"))}


def _released_part(text: str) -> str:
    return text.split("# The credential file as released:", 1)[1]


def test_record_names_adds_todays_names_to_records_that_hold_none(tmp_path: Path) -> None:
    """``credcat record-names`` on a catalogue whose releases predate recorded names (the
    sample's snapshots, their names taken out again): each record then holds the names of the
    organisations its version names and of the publisher, as their files say now; nothing
    else in a snapshot changes (its fingerprint stays, the credential as released is the same
    text); the catalogue checks cleanly; the pages no longer say the names were not recorded.
    Run again, it records nothing and changes no byte."""
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    for path in _snapshots(root):
        without_recorded_names(path)
    before = _snapshots(root)
    old = load_catalogue(root)
    assert all(r.organisation_names is None for rs in old.archive.releases.values() for r in rs)
    code, output = run("check", str(root))
    assert code == 0 and (
        "; 20 released before credcat recorded organisations' names (if none was renamed "
        "since, run credcat record-names)" in output
    ), output
    code, output = run("record-names", str(root))
    assert code == 0, output
    assert output.count("recorded the organisations' names in ") == len(before) == 20
    assert f"{len(before)} release records now name the organisations" in output
    after = _snapshots(root)
    assert list(after) == list(before)  # no file added (no temporary file left)
    for path, text in after.items():
        assert _released_part(text.decode()) == _released_part(before[path].decode()), path
    cat = load_catalogue(root)
    assert errors(root) == []
    for cid, releases in cat.archive.releases.items():
        for then in releases:
            was = old.archive.get(cid, then.version)
            assert was is not None and then.fingerprint == was.fingerprint
            named = {oid for _loc, oid in then.organisations} | {cat.settings.publisher}
            assert then.names_then() == {oid: dict(cat.organisations[oid].name) for oid in named}
    assert former_names(cat) == {}
    code, output = run("check", str(root))
    assert code == 0 and "record-names" not in output, output
    last = sorted(after)[-1]
    without_recorded_names(last)
    code, output = run("record-names", str(root))
    assert (code, output) == (
        0,
        f"recorded the organisations' names in {last}\n1 release record now names the "
        "organisations as their files do today; its version's pages no longer say that the "
        "names were not recorded. Commit it.\n",
    )
    after = _snapshots(root)
    code, output = run("record-names", str(root))
    assert (code, output) == (
        0,
        "every release record holds the organisations' names: nothing to record\n",
    )
    assert _snapshots(root) == after


def test_record_names_writes_nothing_while_the_catalogue_has_errors(tmp_path: Path) -> None:
    """A catalogue with an error, or a release record not written as credcat release writes it
    (here in flow style), gets a message naming the problem, exit code 1, and no snapshot
    changed: every snapshot is read back before any is replaced."""
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    for path in _snapshots(root):
        without_recorded_names(path)
    broken = root / "credentials" / f"{CID_SAMPLE}.yaml"
    good = broken.read_text("utf-8")
    broken.write_text(good.replace("status: active", "status: activ", 1), "utf-8")
    before = _snapshots(root)
    code, output = run("record-names", str(root))
    assert code == 1
    assert "nothing recorded: the catalogue has errors; fix them first" in output
    assert f"{CID_SAMPLE}.yaml" in output and "status" in output
    assert _snapshots(root) == before
    broken.write_text(good, "utf-8")
    last = sorted(before)[-1]  # the others come first: staged, then left as they were
    text = last.read_text("utf-8")
    record = text[text.index("release:\n") : text.index("# The credential file as released:")]
    fields = [line.strip() for line in record.splitlines()[1:] if not line.strip().startswith("#")]
    last.write_text(text.replace(record, "release: {" + ", ".join(fields) + "}\n"), "utf-8")
    assert errors(root) == []
    before = _snapshots(root)
    code, output = run("record-names", str(root))
    assert code == 1
    assert f"{last}: its release: record is not written as credcat release writes it" in output
    assert _snapshots(root) == before


def test_record_names_keeps_a_snapshot_checked_out_with_windows_line_ends(tmp_path: Path) -> None:
    """Git on Windows (``core.autocrlf``) checks snapshots out with CRLF line ends, which
    ``credcat check`` reads as any other: ``credcat record-names`` records the names in such a
    snapshot too, every line keeping its CRLF (no line of LF alone among them), the credential
    as released the same text."""
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    snapshots = list(_snapshots(root))
    for path in snapshots:
        without_recorded_names(path)
    crlf = snapshots[0]
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    before = crlf.read_bytes()
    code, output = run("record-names", str(root))
    assert code == 0, output
    assert f"recorded the organisations' names in {crlf}" in output
    after = crlf.read_bytes()
    assert b"  organisations:\r\n" in after
    assert after.count(b"\n") == after.count(b"\r\n")
    assert _released_part(after.decode()) == _released_part(before.decode())
    assert errors(root) == []
    cat = load_catalogue(root)
    assert all(r.organisation_names for rs in cat.archive.releases.values() for r in rs)


def test_record_names_stopped_while_replacing_says_what_it_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot that cannot be replaced once all were read back (a file locked on Windows,
    a disk gone): the command says which records it recorded and that the rest were not,
    with exit code 1 and no traceback, and leaves no temporary file; run again, it records
    the rest."""
    import credcat.release

    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    for path in _snapshots(root):
        without_recorded_names(path)
    calls: list[Path] = []
    replace = credcat.release.os.replace

    def failing(source: Path, target: Path) -> None:
        calls.append(Path(target))
        if len(calls) == 3:
            raise PermissionError(13, "Permission denied", str(target))
        replace(source, target)

    monkeypatch.setattr(credcat.release.os, "replace", failing)
    code, output = run("record-names", str(root))
    monkeypatch.undo()
    assert code == 1, output
    assert "Traceback" not in output
    assert f"cannot replace {calls[2]}: Permission denied" in output
    assert "2 release records recorded, 18 not: run credcat record-names again" in output
    assert not [p for p in (root / "versions").rglob("*") if p.name.endswith(".tmp")]
    code, output = run("record-names", str(root))
    assert code == 0, output
    assert output.count("recorded the organisations' names in ") == 18


def test_a_record_naming_it_in_languages_nobody_offers_publishes_no_such_names(
    tmp_path: Path,
) -> None:
    """``credcat release`` records an organisation's name in the languages its name has. A
    snapshot whose record was edited to name it in 3,000 other languages (a 65 kB file that
    ``credcat check`` accepts, silently) gave it 3,000 "earlier names": every file naming it
    grew by some 160 kB (5,000 names: a 108 kB record, 14 MB for the 14 files of this small
    catalogue). A name the record
    holds in a language neither the catalogue offers nor the organisation's name has is no
    name it had here; one in the catalogue's languages still is."""
    make_project(tmp_path / "project")
    root = tmp_path / "project" / "catalogue"
    code, output = release(root, CID, "2026-01-15")
    assert code == 0, output
    codes = ["".join(c) for c in itertools.product(string.ascii_lowercase, repeat=3)][:3_000]
    names = ", ".join(f'{c}: "Old name {c}"' for c in codes)
    edit(
        root / "versions" / CID / "1.0.yaml",
        f'river-university: {{name: {{de: "Flussuniversität", en: "{RIVER}"}}}}',
        f'river-university: {{name: {{de: "Flussuniversität", en: "River College", {names}}}}}',
    )
    assert run("check", str(root))[0] == 0
    assert former_names(load_catalogue(root)) == {"river-university": {"en": ("River College",)}}
    out = tmp_path / "data"
    assert run("generate", str(root), "--out", str(out))[0] == 0
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any("River College" in p.read_text("utf-8") for p in files)
    assert not any("Old name" in p.read_text("utf-8") for p in files)


PAYLOAD = "</script><svg onload=alert(1)>\"'&amp;<!--"


def test_a_hostile_earlier_name_is_escaped_wherever_it_is_shown(tmp_path: Path) -> None:
    """A release record is catalogue input like any file (a snapshot can be edited in a pull
    request): an earlier name holding markup reaches the organisation's page and the list
    ("Formerly named: …"), the released version's page and summary (the name it was released
    under), the search index and the check page's configuration only as text."""
    config = make_project(tmp_path / "project")
    root = tmp_path / "project" / "catalogue"
    code, output = release(root, CID, "2026-01-15")
    assert code == 0, output
    edit(
        root / "versions" / CID / "1.0.yaml",
        f'en: "{RIVER}"}}}}',
        "en: " + json.dumps(PAYLOAD) + "}}",
    )
    assert former_names(load_catalogue(root)) == {"river-university": {"en": (PAYLOAD,)}}
    site = tmp_path / "site"
    build_site(config, site)
    escaped = "&lt;/script&gt;&lt;svg onload=alert(1)&gt;"
    for path in (
        "organisations/",
        "organisations/river-university/",
        f"credentials/{CID}/1.0/",
        f"credentials/{CID}/1.0/summary/",
    ):
        page = _page(site, path)
        assert escaped in page, path
    assert not [p for p in site.rglob("*.html") if "<svg onload" in p.read_text("utf-8")]
    # inside <script> (the check page's configuration) "<" is never written as it is
    check = _page(site, "check/")
    assert "\\u003c/script\\u003e\\u003csvg onload=alert(1)\\u003e" in check
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    found = [d["text"] for d in docs if d["location"] == "organisations/river-university/"]
    assert found and f"Formerly named: {escaped}" in found[0] and "<svg" not in found[0]
