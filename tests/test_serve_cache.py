"""``mkdocs serve`` rebuilds incrementally, and never serves a stale page or file.

The plugin is driven as ``mkdocs serve`` drives it (``on_startup`` with ``serve``, a fresh
config for every rebuild, the same plugin instance). After every change, the site the warm
rebuild wrote is compared, file by file, with the site a rebuild with nothing kept writes: an
incremental build is right only when it is the same bytes.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from credcat.cache import SERVE_PREFIX, FileStore, serve_store
from credcat.cli import main
from credcat.mkdocs_plugin import THEME_DIR, CredcatPlugin

SERVE_URL = "http://127.0.0.1:8000/"
EDITED = "intro-databases"


def _rebuild(config: Path, site: Path) -> dict[str, bytes]:
    """One rebuild as ``mkdocs serve`` runs it; every file it wrote."""
    cfg = load_config(config_file=str(config), site_dir=str(site))
    cfg.site_url = SERVE_URL
    build(cfg, serve_url=SERVE_URL)
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _fresh(plugin: CredcatPlugin, config: Path, site: Path) -> dict[str, bytes]:
    """The same rebuild with nothing kept from earlier builds."""
    plugin.on_startup(command="serve", dirty=False)
    return _rebuild(config, site)


def _counts(plugin: CredcatPlugin) -> tuple[int, int]:
    store = plugin._store
    assert store is not None
    return store.hits, store.misses


def _rendered(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """(copied, rendered) from the rebuild's log line."""
    return _logged(caplog)[:2]


def _logged(caplog: pytest.LogCaptureFixture) -> tuple[int, int, int, int]:
    """(credentials copied, rendered, listing pages kept, listing pages) from the rebuild's
    log line."""
    found = re.findall(
        r"(\d+) credentials? unchanged \((?:its|their) pages and files moved back from the "
        r"previous build\), (\d+) rendered; (\d+) of (\d+) listing pages? unchanged",
        caplog.text,
    )
    assert found, caplog.text
    caplog.clear()
    copied, rendered, kept, listings = (int(n) for n in found[-1])
    return copied, rendered, kept, listings


def test_a_rebuild_copies_what_did_not_change_and_equals_a_full_build(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config, plugin = serving
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    first = _rebuild(config, site)
    copied, rendered = _rendered(caplog)
    assert copied == 0 and rendered > 0
    everything = rendered

    again = _rebuild(config, site)
    copied, rendered, kept, listings = _logged(caplog)
    assert (copied, rendered) == (everything, 0)  # nothing changed: nothing rendered
    assert listings > 0 and kept == listings  # … not even a listing page
    assert again == first

    source = config.parent / "catalogue" / "credentials" / f"{EDITED}.yaml"
    text = source.read_text("utf-8")
    title = re.search(r"^  en: (.+)$", text, re.M)
    assert title is not None
    source.write_text(
        text.replace(title.group(0), "  en: Relational Databases Renamed", 1), "utf-8"
    )
    edited = _rebuild(config, site)
    copied, rendered, kept, listings = _logged(caplog)
    # the edited credential's group (the credentials it names or that name it) only
    assert 0 < rendered < everything and copied + rendered == everything
    # the listing pages that show it are made again (in this small catalogue, every one)
    assert kept < listings
    page = edited[f"credentials/{EDITED}/index.html"].decode()
    assert "Relational Databases Renamed" in page
    assert edited == _fresh(plugin, config, site)

    store = plugin._store
    assert store is not None and store.folder.is_dir()
    plugin.on_shutdown()  # mkdocs serve stopped: nothing is left in the temporary folder
    assert not store.folder.exists()


def test_an_organisations_pages_are_made_again_where_an_edit_moves_their_rows(
    serving: tuple[Path, CredcatPlugin],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An organisation's pages split its table (one row a page here): a title edited moves a
    row, the pages whose rows changed are made again, the others kept, and the site is the
    one a build with nothing kept writes."""
    from credcat.render.site import organisation

    monkeypatch.setattr(organisation, "ROWS_PER_PAGE", 1)
    config, plugin = serving
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    first = _rebuild(config, site)
    _logged(caplog)
    further = [path for path in first if re.fullmatch(r"organisations/[^/]+/\d+/index\.html", path)]
    assert further
    source = config.parent / "catalogue" / "credentials" / f"{EDITED}.yaml"
    text = source.read_text("utf-8")
    title = re.search(r"^  en: (.+)$", text, re.M)
    assert title is not None
    source.write_text(text.replace(title.group(0), "  en: Zzz Relational Databases", 1), "utf-8")
    edited = _rebuild(config, site)
    _copied, _rendered, kept, listings = _logged(caplog)
    assert 0 < kept < listings
    assert edited == _fresh(plugin, config, site)
    assert edited != first


@pytest.mark.parametrize("change", ["template", "listing template", "organisation", "settings"])
def test_no_stale_page_after_a_change_every_page_shows(
    serving: tuple[Path, CredcatPlugin],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    change: str,
) -> None:
    config, plugin = serving
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    _rebuild(config, site)
    everything = sum(_rendered(caplog))
    project = config.parent
    page = f"credentials/{EDITED}/index.html"
    if change.endswith("template"):  # a site override of credcat's body of a page
        name = "catalogue.html" if change == "listing template" else "credential.html"
        if change == "listing template":  # kept between rebuilds while its context is the same
            page = "catalogue/index.html"
        original = Path(THEME_DIR) / "credcat" / "body" / name
        override = project / "theme_overrides" / "credcat" / "body" / name
        override.parent.mkdir(parents=True, exist_ok=True)
        override.write_text(
            "<p>OVERRIDDEN BODY</p>\n" + original.read_text("utf-8"), encoding="utf-8"
        )
        mkdocs_yml = config.read_text("utf-8")
        if "custom_dir" not in mkdocs_yml:
            config.write_text(
                mkdocs_yml.replace(
                    "  name: material\n", "  name: material\n  custom_dir: theme_overrides\n"
                ),
                "utf-8",
            )
        expected = "OVERRIDDEN BODY"
    elif change == "organisation":
        path = project / "catalogue" / "organisations" / "river-university.yaml"  # awards it
        text = path.read_text("utf-8")
        name = re.search(r"^  en: (.+)$", text, re.M)
        assert name is not None
        path.write_text(text.replace(name.group(0), "  en: Renamed Organisation Ltd", 1), "utf-8")
        expected = "Renamed Organisation Ltd"
    else:
        settings = project / "catalogue" / "catalogue.yaml"
        text = settings.read_text("utf-8")
        title = re.search(r"^  en: (.+)$", text, re.M)
        assert title is not None
        settings.write_text(text.replace(title.group(0), "  en: Renamed Catalogue", 1), "utf-8")
        expected = "Renamed Catalogue"
    warm = _rebuild(config, site)
    copied, rendered = _rendered(caplog)
    assert copied == 0 and rendered == everything  # every credential's pages and files
    assert expected in warm[page].decode()
    assert warm == _fresh(plugin, config, site)


def test_a_name_a_release_recorded_reaches_every_file_that_names_the_organisation(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An organisation is described once, in every file that names it, with the names
    releases recorded that differ from its name now (altLabel). A rename reaches every page
    (its file is in every key); so does a release record that brings another name without
    any organisation file changing (a snapshot merged from a branch released before the
    rename): every credential naming the organisation is made again, and the warm rebuild
    equals one with nothing kept."""
    config, plugin = serving
    root = config.parent / "catalogue"
    assert main(["release", "advanced-queries", str(root), "--date", "2026-01-15"]) == 0
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    _rebuild(config, site)
    everything = sum(_rendered(caplog))
    org = root / "organisations" / "river-university.yaml"
    org.write_text(org.read_text("utf-8").replace("en: River University\n", "en: River Uni\n"))
    renamed = _rebuild(config, site)
    assert _rendered(caplog) == (0, everything)
    version = "credentials/advanced-queries/1.0/"
    # a credential linked to none of advanced-queries' group, awarded by the university too
    other = "credentials/punch-cards/1.0/elm.jsonld"
    assert "data-credcat-renamed" in renamed[f"{version}index.html"].decode()
    assert '"altLabel":{"de":"FlussU","en":["RiverU","River University"]}' in (
        renamed[other].decode()
    )
    assert renamed == _fresh(plugin, config, site)
    _rendered(caplog)

    snapshot = root / "versions" / "advanced-queries" / "1.0.yaml"
    text = snapshot.read_text("utf-8")
    snapshot.write_text(text.replace('en: "River University"}', 'en: "River Univ."}'), "utf-8")
    warm = _rebuild(config, site)
    assert _rendered(caplog) == (0, everything)
    assert '"en":["RiverU","River Univ."]' in warm[other].decode()
    assert ">River Univ.</a>" in warm[f"{version}index.html"].decode()
    assert warm == _fresh(plugin, config, site)


def test_a_killed_serve_leaves_no_folder_behind_for_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``mkdocs serve`` that was killed could not remove its store's folder (a copy of the
    site); the next one removes it, and nothing else."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the system's temporary folder
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a process id that no longer runs
    stale = tmp_path / f"{SERVE_PREFIX}{ended.pid}-abc123"
    (stale / "0123-0").mkdir(parents=True)
    (stale / "0123-0" / "index.html").write_text("old page", "utf-8")
    running = tmp_path / f"{SERVE_PREFIX}{os.getpid()}-def456"  # another serve, still running
    running.mkdir()
    others = [
        tmp_path / f"{SERVE_PREFIX}notes-1",
        tmp_path / "credcat-serve",
        tmp_path / "mine-1-2",
    ]
    for folder in others:
        folder.mkdir()

    store = serve_store()
    try:
        assert store.folder.parent == tmp_path
        assert store.folder.name.startswith(f"{SERVE_PREFIX}{os.getpid()}-")
        assert not stale.exists()
        assert running.is_dir()
        assert all(folder.is_dir() for folder in others)
    finally:
        store.close()
    assert not store.folder.exists()


def test_a_languages_list_pages_and_data_file_share_each_credentials_entry(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under serve each credential's entry of ``catalogue.json`` is made once per language:
    the list pages of the language (whose URL scheme prefixes its pages) and the data file
    share it, a rebuild with nothing changed makes none again, and the file is the one a
    build without serve writes."""
    from credcat.render.site import index

    made: list[tuple[str, str]] = []
    make = index._entry

    def counted(site: Any, cred: Any) -> dict[str, Any]:
        made.append((site.lang, cred.id))
        return make(site, cred)

    monkeypatch.setattr(index, "_entry", counted)
    config, plugin = serving
    served = _rebuild(config, tmp_path / "site")
    assert plugin.catalogue is not None
    languages = plugin.catalogue.languages
    every = [(lang, cid) for lang in languages for cid in plugin.catalogue.credentials]
    assert len(languages) > 1 and sorted(made) == sorted(every)  # once each
    made.clear()
    assert _rebuild(config, tmp_path / "site") == served
    assert made == []
    plugin.on_startup(command="build", dirty=False)
    built = _rebuild(config, tmp_path / "built")
    for lang in languages:
        path = "catalogue.json" if lang == languages[0] else f"{lang}/catalogue.json"
        assert served[path] == built[path]


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder``: its path and text."""
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _site_of(out: Path, units: dict[str, str]) -> None:
    """What a build writes: each unit's folder in two languages, and a page of the build's
    own beside them."""
    for name, text in units.items():
        for lang in ("", "de/"):
            folder = out / f"{lang}credentials" / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(f"{lang}{text}", "utf-8")
    (out / "credentials" / "stray.html").write_text("not a unit's", "utf-8")


def _empty(out: Path) -> None:
    """MkDocs empties the site folder before it builds."""
    for child in out.iterdir():
        shutil.rmtree(child)


def test_the_store_moves_back_the_units_whose_key_holds_and_nothing_else(
    tmp_path: Path,
) -> None:
    """Whole folders of units move aside and back; a changed unit, a unit gone and a file that
    is no unit's do not come back, and once the build is done nothing waits in the store."""
    out = tmp_path / "site"
    store = FileStore(tmp_path / "store")
    store.folder.mkdir()
    _site_of(out, {"a": "A1", "b": "B1", "c": "C1"})
    for name in "abc":
        store.keep(name, "1", [f"credentials/{name}", f"de/credentials/{name}"], {"x": name})

    store.reclaim(out)
    assert not (out / "credentials").exists() and not (out / "de" / "credentials").exists()
    _empty(out)
    # b changed, c is gone, d is new
    restored = store.restore({"a": "1", "b": "2", "d": "1"}, out)
    assert restored == {"a": {"x": "a"}}
    assert (store.hits, store.misses) == (1, 2)
    assert _tree(out) == {
        "credentials/a/index.html": "A1",
        "de/credentials/a/index.html": "de/A1",
    }
    store.forget(["a", "b", "d"])
    assert list(store.folder.iterdir()) == []

    # the next build writes b and d; a comes back again
    _site_of(out, {"b": "B2", "d": "D1"})
    store.keep("b", "2", ["credentials/b", "de/credentials/b"])
    store.keep("d", "1", ["credentials/d", "de/credentials/d"])
    store.reclaim(out)
    _empty(out)
    assert set(store.restore({"a": "1", "b": "2", "d": "1"}, out)) == {"a", "b", "d"}
    assert _tree(out) == {
        f"{lang}credentials/{name}/index.html": f"{lang}{text}"
        for name, text in {"a": "A1", "b": "B2", "d": "D1"}.items()
        for lang in ("", "de/")
    }
    store.forget(["a", "b", "d"])
    assert list(store.folder.iterdir()) == []
    store.close()
    assert not store.folder.exists()


def test_the_store_moves_units_one_by_one_where_the_build_wrote_first(tmp_path: Path) -> None:
    """A build that wrote into the folder of the units before they move back keeps what it
    wrote; a unit missing one of its folders is not moved back; units at the top of the site
    move one by one."""
    out = tmp_path / "site"
    store = FileStore(tmp_path / "store")
    store.folder.mkdir()
    _site_of(out, {"a": "A1", "b": "B1"})
    (out / "top").mkdir()
    (out / "top" / "index.html").write_text("T1", "utf-8")
    store.keep("a", "1", ["credentials/a", "de/credentials/a"])
    store.keep("b", "1", ["credentials/b", "de/credentials/b"])
    store.keep("top", "1", ["top"])
    shutil.rmtree(out / "de" / "credentials" / "b")  # b lost a folder

    store.reclaim(out)
    _empty(out)
    (out / "credentials").mkdir()
    (out / "credentials" / "written.html").write_text("this build's", "utf-8")
    restored = store.restore({"a": "1", "b": "1", "top": "1"}, out)
    assert set(restored) == {"a", "top"}
    assert _tree(out) == {
        "credentials/a/index.html": "A1",
        "credentials/written.html": "this build's",
        "de/credentials/a/index.html": "de/A1",
        "top/index.html": "T1",
    }
    store.forget(["a", "b", "top"])
    assert list(store.folder.iterdir()) == []
    store.close()


def test_a_deleted_credential_leaves_nothing_behind_under_serve(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A credential file deleted while ``mkdocs serve`` runs takes its pages and files with it:
    the warm rebuild equals a rebuild with nothing kept."""
    config, plugin = serving
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    first = _rebuild(config, site)
    everything = sum(_rendered(caplog))
    files = sorted((config.parent / "catalogue").rglob("*.yaml"))
    texts = {path: path.read_text("utf-8") for path in files}
    # a credential no other file names
    gone = next(
        path.stem
        for path in files
        if path.parent.name == "credentials"
        and not any(path.stem in text for other, text in texts.items() if other != path)
    )
    (config.parent / "catalogue" / "credentials" / f"{gone}.yaml").unlink()
    warm = _rebuild(config, site)
    copied, rendered = _rendered(caplog)
    assert copied + rendered == everything - 1 and copied > 0
    assert f"credentials/{gone}/index.html" in first
    assert not any(f"credentials/{gone}/" in path for path in warm)
    assert warm == _fresh(plugin, config, site)


def test_a_credential_back_to_draft_under_serve_loses_its_version_pages_until_active(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path
) -> None:
    """Set to draft while ``mkdocs serve`` runs, a credential whose version is not released
    loses its version's pages, summaries and files in every language (its main page stays);
    set active again, it gets them back. Each warm rebuild equals one with nothing kept."""
    config, plugin = serving
    site = tmp_path / "site"
    first = _rebuild(config, site)
    source = config.parent / "catalogue" / "credentials" / f"{EDITED}.yaml"
    text = source.read_text("utf-8")
    assert text.count("status: active") == 1
    version = f"credentials/{EDITED}/1.0/"
    assert f"{version}index.html" in first and f"de/{version}summary/index.html" in first

    source.write_text(text.replace("status: active", "status: draft"), "utf-8")
    draft = _rebuild(config, site)
    assert f"credentials/{EDITED}/index.html" in draft
    assert [path for path in draft if path.startswith((version, f"de/{version}"))] == []
    assert draft == _fresh(plugin, config, site)

    source.write_text(text, "utf-8")
    assert _rebuild(config, site) == first


def test_the_store_recovers_from_builds_that_failed_halfway(tmp_path: Path) -> None:
    """A rebuild that fails after the folders moved aside (nothing moved back), or after they
    moved back but before the store learned what the build wrote, leaves nothing stale: the
    next rebuild gets back exactly what is still right, and then nothing waits in the store."""
    out = tmp_path / "site"
    store = FileStore(tmp_path / "store")
    store.folder.mkdir()
    _site_of(out, {"a": "A1", "b": "B1", "c": "C1"})
    for name in "abc":
        store.keep(name, "1", [f"credentials/{name}", f"de/credentials/{name}"])

    store.reclaim(out)  # a rebuild fails before moving anything back
    _empty(out)
    store.reclaim(out)  # the next one fails after moving back (b changed), before forget
    _empty(out)
    assert set(store.restore({"a": "1", "b": "2", "c": "1"}, out)) == {"a", "c"}
    store.reclaim(out)  # and the next one succeeds: c is gone, b was never written again
    _empty(out)
    assert set(store.restore({"a": "1", "b": "2"}, out)) == {"a"}
    assert _tree(out) == {"credentials/a/index.html": "A1", "de/credentials/a/index.html": "de/A1"}
    store.forget(["a", "b"])
    assert list(store.folder.iterdir()) == []
    store.close()


def test_translating_a_hand_written_page_under_serve_lists_it_in_the_sitemap(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path
) -> None:
    """An untranslated page's copy is left out of the sitemap and names its original; once
    the page is translated, the next rebuild lists the translation with the alternates of
    both, as a build with nothing kept does (the sitemap's entries are kept under serve)."""
    config, plugin = serving
    site = tmp_path / "site"
    before = _rebuild(config, site)
    sitemap = before["sitemap.xml"].decode()
    assert f"<loc>{SERVE_URL}how-to-read/</loc>" in sitemap
    assert f"{SERVE_URL}de/how-to-read/" not in sitemap
    copy = before["de/how-to-read/index.html"].decode()
    assert f'<link rel="canonical" href="{SERVE_URL}how-to-read/">' in copy

    docs = config.parent / "docs"
    (docs / "how-to-read.de.md").write_text("# Wie man liest\n\nÜbersetzt.\n", "utf-8")
    after = _rebuild(config, site)
    sitemap = after["sitemap.xml"].decode()
    assert f"<loc>{SERVE_URL}de/how-to-read/</loc>" in sitemap
    entry = sitemap.split(f"<loc>{SERVE_URL}how-to-read/</loc>", 1)[1].split("</url>", 1)[0]
    assert f'hreflang="de" href="{SERVE_URL}de/how-to-read/"' in entry
    page = after["de/how-to-read/index.html"].decode()
    assert f'<link rel="canonical" href="{SERVE_URL}de/how-to-read/">' in page
    # the German navigation on every German page names the translation by its own title
    assert "Wie man liest" in after[f"de/credentials/{EDITED}/index.html"].decode()
    assert after == _fresh(plugin, config, site)


def test_an_edit_of_the_catalogues_own_translation_makes_every_page_again(
    serving: tuple[Path, CredcatPlugin], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``catalogue/locales/<lang>.po`` words every page: a new file, and an edit of it, change
    every key (no page of the earlier words is moved back), as a build with nothing kept
    would show them."""
    from credcat.render.site.messages import OwnTranslations, use_own_translations
    from test_catalogue_locales import _po

    config, plugin = serving
    site = tmp_path / "site"
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    page = f"credentials/{EDITED}/index.html"
    try:
        first = _rebuild(config, site)
        everything = _rendered(caplog)[1]
        assert ">Micro-credential<" in first[page].decode()
        locales = config.parent / "catalogue" / "locales"
        locales.mkdir()
        po = locales / "en.po"  # a school's own English wording
        po.write_bytes(_po("en", {"credential_kicker": "Short course"}))
        edited = _rebuild(config, site)
        assert _rendered(caplog) == (0, everything)
        assert ">Short course<" in edited[page].decode()
        assert ">Micro-credential<" not in edited[page].decode()
        po.write_bytes(_po("en", {"credential_kicker": "Micro-course"}))
        again = _rebuild(config, site)
        assert _rendered(caplog) == (0, everything)
        assert ">Micro-course<" in again[page].decode()
        assert again == _fresh(plugin, config, site)
    finally:
        use_own_translations(OwnTranslations())


def test_the_rebuild_log_of_one_credential_says_its_pages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A catalogue of one credential (a new one), rebuilt unchanged: the log line counts
    "1 credential unchanged (its pages and files …)", not "their"."""
    folder = tmp_path / "new"
    assert main(["init", str(folder)], out=io.StringIO()) == 0
    config = folder / "mkdocs.yml"
    plugin = load_config(config_file=str(config), site_dir=str(tmp_path / "site")).plugins[
        "credcat"
    ]
    assert isinstance(plugin, CredcatPlugin)
    plugin.on_startup(command="serve", dirty=False)
    caplog.set_level("INFO", logger="mkdocs.plugins.credcat")
    try:
        _rebuild(config, tmp_path / "site")
        caplog.clear()
        _rebuild(config, tmp_path / "site")
    finally:
        plugin.on_startup(command="build", dirty=False)
    assert "1 credential unchanged (its pages and files moved back" in caplog.text, caplog.text
    assert _logged(caplog)[:2] == (1, 0)
