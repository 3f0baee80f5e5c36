"""A catalogue's own translations of credcat's interface: ``catalogue/locales/<lang>.po``.

A school whose language credcat's interface does not speak (Slovenian) starts a translation
with ``credcat translate sl``, fills in what it can, and its pages show those strings (English
for the rest, inside credcat's interface marked ``lang="en"`` until the translation is
complete); ``credcat check`` and the build refuse a file with syntax errors or placeholders
that differ from the English, and ``mkdocs serve`` rebuilds when the file changes.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from mkdocs.commands.build import build
from mkdocs.config import load_config

import credcat
from credcat.cli import main
from credcat.render.site.locales import check_own, read_own
from credcat.render.site.localise import Localiser
from credcat.render.site.messages import (
    OwnTranslations,
    english_ids,
    english_messages,
    interface_language,
    speaks,
    ui_tree,
    untranslated_note,
    use_own_translations,
)

SLOVENIAN = {
    "footer_made_with": "Izdelano z",
    "not_found_title": "Stran ne obstaja",
    "catalogue_skip": "Preskoči na rezultate",
    "price_free": "Brezplačno",
    "footer_data_licence": "Licenca podatkov: {licence}",
}
"""The strings the test's ``sl.po`` translates (by key)."""
UNIT_DAY = ("{n} dan", "{n} dneva", "{n} dnevi", "{n} dni")
COUNT = (
    "{n} mikrodokazilo ustreza.",
    "{n} mikrodokazili ustrezata.",
    "{n} mikrodokazila ustrezajo.",
    "{n} mikrodokazil ustreza.",
)
"""The catalogue's count in Slovenian: forms for 1, 2, 3 and 5 (``Plural-Forms`` order)."""


@pytest.fixture(autouse=True)
def no_own_translations() -> Iterator[None]:
    """Each test starts, and leaves the process, without a catalogue's own translations."""
    use_own_translations(OwnTranslations())
    yield
    use_own_translations(OwnTranslations())


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def new_project(tmp_path: Path, languages: str = "sl,en") -> Path:
    folder = tmp_path / "school"
    code, output = run("init", str(folder), "--languages", languages)
    assert code == 0, output
    return folder


def translate(project: Path, lang: str = "sl") -> tuple[int, str]:
    return run("translate", lang, "--catalogue", str(project / "catalogue"))


def test_a_catalogues_own_portuguese_counts_as_portugal_does(tmp_path: Path) -> None:
    """credcat's Portuguese is European: ``credcat translate pt`` starts a catalogue's own
    ``pt.po`` with the plural rule of credcat's ``pt.po`` (the singular for 1 alone), not
    CLDR's ``pt``, which is Brazil's (the singular for 0 and 1 too), and ``credcat check``
    takes that rule without a warning."""
    project = new_project(tmp_path, "pt,en")
    code, output = translate(project, "pt")
    assert code == 0, output
    po = project / "catalogue" / "locales" / "pt.po"
    with po.open("rb") as handle:
        own = read_po(handle)
    shipped = Path(credcat.__file__).parent / "locales" / "pt.po"
    with shipped.open("rb") as handle:
        credcats = read_po(handle)
    assert own.plural_forms == credcats.plural_forms
    assert own.plural_expr.startswith("(n == 1 ?")
    fill(po, {"price_free": "Gratuito"})
    found = [p.format() for p in check_own(project / "catalogue", str, ["pt"])]
    assert not any("Plural-Forms" in line for line in found), found


def fill(path: Path, strings: dict[str, str | tuple[str, ...]]) -> None:
    """Translate some messages of a ``.po`` as a translator's editor would."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.context in strings:
            message.string = strings[message.context]
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True)
    path.write_bytes(buffer.getvalue())


def test_translate_writes_every_message_with_the_plural_forms_of_the_language(
    tmp_path: Path,
) -> None:
    project = new_project(tmp_path)
    code, output = run("init", str(tmp_path / "other"), "--languages", "sl,en")
    assert "`credcat translate sl`" in output  # the hint names the command
    code, output = translate(project)
    assert code == 0, output
    po = project / "catalogue" / "locales" / "sl.po"
    assert output.startswith("wrote ") and "sl.po" in output
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="sl")
    assert catalog.num_plurals == 4  # CLDR: one, two, few, other
    found = {m.context: m.id for m in catalog if m.id}
    assert found == {m.context: m.msgid for m in english_messages()}
    assert not any(
        any(m.string) if isinstance(m.string, tuple) else m.string for m in catalog if m.id
    )
    day = catalog.get(("{n} day", "{n} days"), context="unit.day")
    assert day is not None and len(day.string) == 4
    licence = catalog.get("Data licence: {licence}", context="footer_data_licence")
    assert licence is not None and any("data_licence" in c for c in licence.auto_comments)
    # run again: nothing to do; a translation is kept, an unknown message kept as obsolete
    code, output = translate(project)
    assert code == 0 and re.search(r"sl\.po is up to date: 0 of \d+ strings translated\n$", output)
    fill(po, {"price_free": "Brezplačno"})
    text = po.read_text("utf-8")
    po.write_text(text + '\nmsgctxt "gone"\nmsgid "Gone"\nmsgstr "Ni več"\n', "utf-8")
    code, output = translate(project)
    assert code == 0 and "1 no longer used" in output, output
    with po.open("rb") as handle:
        again = read_po(handle, locale="sl")
    assert again.get("Free", context="price_free").string == "Brezplačno"
    assert [m.context for m in again.obsolete.values()] == ["gone"]
    assert '#~ msgctxt "gone"' in po.read_text("utf-8")


def test_translate_refuses_a_language_cldr_does_not_know_and_a_folder_out_of_the_catalogue(
    tmp_path: Path,
) -> None:
    project = new_project(tmp_path)
    code, output = translate(project, "../x")
    assert code == 2 and "not a language code" in output
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project / "catalogue" / "locales").symlink_to(outside)
    code, output = translate(project)
    assert code == 1 and "leads outside the catalogue folder" in output, output
    assert list(outside.iterdir()) == []


def test_a_slovenian_po_translates_the_slovenian_pages(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    assert translate(project)[0] == 0
    po = project / "catalogue" / "locales" / "sl.po"
    fill(po, {**SLOVENIAN, "unit.day": UNIT_DAY, "catalogue_count": COUNT})
    code, output = run("check", str(project / "catalogue"))
    assert code == 0, output
    assert re.search(r"sl\.po: note: \d+ of the \d+ interface strings pages show are not", output)
    assert "not translated into Slovenian" not in output  # the file is there: it is under way
    site = tmp_path / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    home = (site / "index.html").read_text("utf-8")  # sl is the default language
    assert "Izdelano z" in home  # the footer's "Made with"
    english = (site / "en" / "index.html").read_text("utf-8")
    assert "Izdelano z" not in english and "Made with" in english
    catalogue = (site / "catalogue" / "index.html").read_text("utf-8")
    assert "Preskoči na rezultate" in catalogue
    # a partial translation: credcat's interface is English, marked so, around what it has
    assert re.search(r'<div class="credcat credcat-catalogue" lang="en"', catalogue)
    assert "Skip to results" not in catalogue
    not_found = (site / "404.html").read_text("utf-8")
    assert "Stran ne obstaja" in not_found
    # the strings, as the pages get them
    assert ui_tree("sl")["price_free"] == "Brezplačno"
    assert ui_tree("sl")["price_unknown"] == "Ask the provider"  # English where none
    assert [ui_tree("sl")["unit"]["day"].pick(n) for n in (1, 2, 3, 5, 101)] == [
        "{n} dan",
        "{n} dneva",
        "{n} dnevi",
        "{n} dni",
        "{n} dan",
    ]
    assert interface_language("sl") == "en" and not speaks("sl")
    # the catalogue's script words a count by the plural category of the count's language
    # (Intl.PluralRules): the page gives it each category's form, in Slovenian and in English
    count = re.search(r'<p id="credcat-count"[^>]*>', catalogue)
    assert count is not None
    assert _data(count.group(0)) == {
        "none": "No credential matches.",  # the words for zero, not translated here
        "one": COUNT[0],
        "two": COUNT[1],
        "few": COUNT[2],
        "other": COUNT[3],
        "plural": "sl",
    }
    count = re.search(
        r'<p id="credcat-count"[^>]*>', (site / "en/catalogue/index.html").read_text()
    )
    assert count is not None
    assert _data(count.group(0)) == {
        "none": "No credential matches.",
        "one": "1 credential matches.",
        "other": "{n} credentials match.",
        "plural": "en",
    }


def test_each_po_is_parsed_once_a_build_and_again_under_serve_only_once_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load checks each ``.po`` (``check_own``) and the adapter reads it to use
    (``read_own``): one parse of each file serves both, in ``credcat check`` and in a build.
    Under ``mkdocs serve`` a rebuild with the files unchanged parses none, and an edited file
    is parsed again, its new words on the pages."""
    from credcat.render.site import locales

    project = new_project(tmp_path)
    assert translate(project)[0] == 0
    folder = project / "catalogue" / "locales"
    fill(folder / "sl.po", SLOVENIAN)
    (folder / "en.po").write_bytes(_po("en", {"footer_made_with": "Built with"}))
    parsed: list[str] = []
    parse = locales.parse_po

    def counted(data: bytes, lang: str) -> Any:
        parsed.append(lang)
        return parse(data, lang)

    monkeypatch.setattr(locales, "parse_po", counted)
    monkeypatch.setattr(locales, "_parsed_files", OrderedDict())
    code, output = run("check", str(project / "catalogue"))
    assert code == 0, output
    assert sorted(parsed) == ["en", "sl"]  # checked, and read for what check says: once

    monkeypatch.setattr(locales, "_parsed_files", OrderedDict())
    parsed.clear()
    site = tmp_path / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["credcat"]
    plugin.on_startup(command="serve", dirty=False)
    try:
        build(config)
        assert sorted(parsed) == ["en", "sl"]
        assert "Izdelano z" in (site / "index.html").read_text("utf-8")
        parsed.clear()
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))
        assert parsed == []  # nothing changed: nothing parsed again
        fill(folder / "sl.po", {**SLOVENIAN, "footer_made_with": "Narejeno z"})
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))
        assert parsed == ["sl"]  # the edited file only
        home = (site / "index.html").read_text("utf-8")
        assert "Narejeno z" in home and "Izdelano z" not in home
        assert "Built with" in (site / "en" / "index.html").read_text("utf-8")
    finally:
        plugin.on_startup(command="build", dirty=False)
        config.plugins.on_shutdown()


def _data(tag: str) -> dict[str, str]:
    """The ``data-credcat-text-*`` and ``data-credcat-plural`` attributes of a tag, unescaped."""
    found = re.findall(r'data-credcat-(text-[a-z]+|plural)="([^"]*)"', tag)
    return {name.removeprefix("text-"): unescape(value) for name, value in found}


def test_credcat_check_leaves_no_catalogues_words_in_the_process(tmp_path: Path) -> None:
    """``credcat check`` uses the catalogue's own translations for what it says, then the ones
    used before: a tool or test that runs ``main`` and goes on to make pages of another
    catalogue gets none of this one's strings (the browser tests computed their expected texts
    with the XSS catalogue's translations after checking it)."""
    project = new_project(tmp_path)
    assert translate(project)[0] == 0
    fill(project / "catalogue" / "locales" / "sl.po", SLOVENIAN)
    before = ui_tree("sl")["price_free"]
    code, output = run("check", str(project / "catalogue"))
    assert code == 0, output
    assert "not translated into Slovenian" not in output  # check used the file
    assert ui_tree("sl")["price_free"] == before == "Free"


def test_a_complete_translation_makes_the_language_one_credcat_speaks(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    (root / "locales").mkdir(parents=True)
    every: dict[str, str | tuple[str, ...]] = {}
    for message in english_messages():
        if message.plural:
            every[message.context] = tuple(f"sl {message.text} {i}" for i in range(4))
        else:
            every[message.context] = f"sl {message.text}"
    po = root / "locales" / "sl.po"
    po.write_bytes(_po("sl", every))
    use_own_translations(read_own(root))
    assert speaks("sl") and interface_language("sl") == "sl"
    assert untranslated_note(["sl", "pl"]) is not None
    assert "Slovenian" not in str(untranslated_note(["sl", "pl"]))
    assert Localiser("sl", "en").ui_text("price_free") == "sl Free"
    # a catalogue's own wording of a language credcat speaks comes first
    (root / "locales" / "de.po").write_bytes(_po("de", {"price_free": "Gebührenfrei"}))
    use_own_translations(read_own(root))
    assert ui_tree("de")["price_free"] == "Gebührenfrei"
    assert ui_tree("de")["price_unknown"] != "Ask the provider"  # credcat's German
    use_own_translations(OwnTranslations())
    assert ui_tree("de")["price_free"] != "Gebührenfrei"  # forgotten with the file


def _po(lang: str, strings: dict[str, str | tuple[str, ...]]) -> bytes:
    from credcat.render.site.locales import dump, template

    catalog = template()
    catalog.locale = lang  # type: ignore[assignment]
    for message in catalog:
        if message.context in strings:
            message.string = strings[message.context]
    made = dump(catalog)
    assert b"Plural-Forms" in made
    return made


def _problems(root: Path) -> list[str]:
    return [p.format() for p in check_own(root, lambda p: p.relative_to(root).as_posix(), ["sl"])]


def test_check_says_where_a_po_is_wrong_and_how_to_mend_it(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    (root / "locales").mkdir(parents=True)
    po = root / "locales" / "sl.po"
    good = _po("sl", {"price_free": "Brezplačno"}).decode()
    lines = good.splitlines()
    at = lines.index('msgid "Free"') + 2  # msgstr "Brezplačno", 1-based
    lines[at - 1] = 'msgstr "Brezplačno'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    found = _problems(root)
    assert found[0].startswith(f"locales/sl.po:{at}:8: the text does not end with a double quote")
    assert "close it with" in found[0]
    assert read_own(root).catalogs == {}  # a file with syntax errors is not used
    lines[at - 1] = 'msgstr "Brezpl\\qačno"'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    assert (
        f"locales/sl.po:{at}:" in _problems(root)[0] and "unknown escape \\q" in _problems(root)[0]
    )
    lines[at - 1] = 'mgstr "Brezplačno"'
    po.write_text("\n".join(lines) + "\n", "utf-8")
    assert "'mgstr' is not a word of a .po file" in _problems(root)[0]
    # a placeholder that is not the English's, and one the translation lost
    po.write_bytes(_po("sl", {"footer_data_licence": "Licenca: {licenca}"}))
    found = _problems(root)
    line = po.read_text("utf-8").splitlines().index('msgctxt "footer_data_licence"') + 2
    assert any(
        f"locales/sl.po:{line}: " in p and "{licenca} is not a placeholder of the English" in p
        for p in found
    ), found
    assert any("lacks {licence}" in p for p in found)
    # a counted string with too many forms for the language, and a message credcat lacks
    forms = 'msgid_plural "{n} days"\nmsgstr[0] ""'
    text = _po("sl", {}).decode().replace(forms, forms + '\nmsgstr[7] "x"')
    text += '\nmsgctxt "gone"\nmsgid "Gone"\nmsgstr "Ni več"\n'
    po.write_text(text, "utf-8")
    found = _problems(root)
    assert any("msgstr[7]: Plural-Forms says this language has 4 forms" in p for p in found)
    po.write_text(_po("sl", {}).decode() + '\nmsgctxt "gone"\nmsgid "Gone"\nmsgstr "Ni več"\n')
    found = _problems(root)
    assert any('warning: "gone": credcat has no such string' in p for p in found), found
    assert any("credcat translate sl" in p for p in found)
    # no Plural-Forms
    po.write_text(re.sub(r'"Plural-Forms:[^\n]*\n("[^\n]*\n)?', "", _po("sl", {}).decode()))
    assert any("the header has no Plural-Forms" in p and "nplurals=4" in p for p in _problems(root))


def test_check_and_the_build_fail_on_a_wrong_placeholder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = new_project(tmp_path)
    translate(project)
    po = project / "catalogue" / "locales" / "sl.po"
    fill(po, {"footer_data_licence": "Licenca podatkov: {licenca}"})
    code, output = run("check", str(project / "catalogue"))
    line = po.read_text("utf-8").splitlines().index('msgctxt "footer_data_licence"') + 2
    assert code == 1
    assert f"sl.po:{line}: " in output and "{licenca} is not a placeholder" in output, output
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(Exception, match="Aborted"):
            build(config)
    finally:
        config.plugins.on_shutdown()
    assert f"catalogue/locales/sl.po:{line}: " in caplog.text
    assert "{licenca} is not a placeholder of the English" in caplog.text
    assert not (tmp_path / "s" / "index.html").exists()


def test_credcats_own_catalogues_read_as_a_catalogues_would() -> None:
    """The checks of a catalogue's file pass on credcat's own catalogues: the rules are those
    credcat's translators follow."""
    from credcat.render.site.locales import _check_messages, parse_po
    from credcat.render.site.messages import catalogue_languages

    root = Path(__file__).resolve().parent.parent / "plugins" / "credcat" / "locales"
    assert english_ids()
    for lang in catalogue_languages():
        catalog, mistakes = parse_po((root / f"{lang}.po").read_bytes(), lang)
        assert catalog is not None and mistakes == [], lang
        wrong = list(_check_messages(catalog, lang))
        assert wrong == [], (lang, wrong[:3])


# --- hostile shapes ---------------------------------------------------------------------------

_DAYS = 'msgid_plural "{n} days"\n'


def _with_plural_forms(header: str, *, days: tuple[str, ...] = ()) -> str:
    """A ``sl.po`` whose ``Plural-Forms`` is ``header`` (``unit.day`` translated with ``days``)."""
    text = _po("sl", {"unit.day": days} if days else {}).decode()
    return re.sub(
        r'"Plural-Forms:.*?;\\n"\n',
        lambda _m: f'"Plural-Forms: {header}\\n"\n',
        text,
        count=1,
        flags=re.S,
    )


def _second_plural_forms(header: str) -> str:
    """A ``sl.po`` whose header has a second ``Plural-Forms`` (the one Babel takes) after
    credcat's valid one."""
    text = _po("sl", {"unit.day": UNIT_DAY}).decode()
    return text.replace('"MIME-Version', f'"plural-forms: {header}\\n"\n"MIME-Version', 1)


def _long_text() -> str:
    text = _po("sl", {"footer_made_with": "MARK"}).decode()
    return text.replace('msgstr "MARK"', 'msgstr "' + "x" * 3_900_000 + '"')


def _invisible() -> str:
    return _po("sl", {"footer_made_with": "Izdelano z \u202eevil"}).decode()


def _plural_forms_line(text: str, last: bool = False) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "plural-forms" in line.lower()]
    return lines[-1] if last else lines[0]


HOSTILE = {
    # nplurals=10**9 made Babel build a list of a billion texts for every counted string
    "a billion plural forms": (
        lambda: _with_plural_forms("nplurals=1000000000; plural=0;"),
        "Plural-Forms gives 1,000,000,000 plural forms; a language has 1 to 10",
        _plural_forms_line,
    ),
    "no plural form": (
        lambda: _with_plural_forms("nplurals=0; plural=0;"),
        "Plural-Forms gives 0 plural forms",
        _plural_forms_line,
    ),
    # compiled fine, then stopped the build with a traceback when a page counted
    "a division by zero": (
        lambda: _with_plural_forms("nplurals=4; plural=n/0;", days=UNIT_DAY),
        "the plural rule 'n/0' fails for n=0 (a division by 0)",
        _plural_forms_line,
    ),
    "a form the language lacks": (
        lambda: _with_plural_forms("nplurals=4; plural=n+7;", days=UNIT_DAY),
        "the plural rule 'n+7' chooses form 7 for n=0; Plural-Forms says this language has 4",
        _plural_forms_line,
    ),
    "too deep": (
        lambda: _with_plural_forms(f"nplurals=4; plural={'(' * 30}n{')' * 30};"),
        "is not a C expression of n",
        _plural_forms_line,
    ),
    # Babel takes the header's last Plural-Forms, which was never checked
    "a second Plural-Forms, unreadable": (
        lambda: _second_plural_forms("nplurals=4; plural=foo(n);"),
        "the plural rule 'foo(n)' is not a C expression of n",
        lambda text: _plural_forms_line(text, last=True),
    ),
    "a second Plural-Forms, a million forms": (
        lambda: _second_plural_forms("nplurals=1000000; plural=n;"),
        "Plural-Forms gives 1,000,000 plural forms",
        lambda text: _plural_forms_line(text, last=True),
    ),
    "a second Plural-Forms, dividing by zero": (
        lambda: _second_plural_forms("nplurals=4; plural=n%0;"),
        "fails for n=0",
        lambda text: _plural_forms_line(text, last=True),
    ),
    # a string on every page, or a Trojan-Source override, as the YAML refuses them
    "a text of 3.9 million characters": (
        _long_text,
        '"footer_made_with": the text has 3,900,000 characters; the limit is 10,000',
        lambda text: text.splitlines().index('msgctxt "footer_made_with"') + 2,
    ),
    "an invisible character": (
        _invisible,
        '"footer_made_with": the text contains the invisible character U+202E',
        lambda text: text.splitlines().index('msgctxt "footer_made_with"') + 2,
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_po_gets_a_clear_error_and_is_not_used(tmp_path: Path, name: str) -> None:
    """Each shape is an error at its line, with a hint, found in well under a second; the
    file is not used (the build fails on the error), and ``credcat check`` says it without a
    traceback."""
    import time

    make, said, line_of = HOSTILE[name]
    text = make()
    root = tmp_path / "catalogue"
    (root / "locales").mkdir(parents=True)
    (root / "locales" / "sl.po").write_text(text, "utf-8")
    start = time.perf_counter()
    found = check_own(root, lambda p: p.relative_to(root).as_posix(), ["sl"])
    assert time.perf_counter() - start < 5
    errors = [p for p in found if p.is_error]
    assert errors, found
    first = errors[0]
    assert said in first.message, first.format()
    assert first.line == line_of(text), first.format()
    assert first.hint and first.code in {"po-plural-forms", "po-text"}
    assert read_own(root).catalogs == {}


def test_credcat_check_reports_a_hostile_plural_rule_without_a_traceback(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    translate(project)
    po = project / "catalogue" / "locales" / "sl.po"
    po.write_text(_second_plural_forms("nplurals=4; plural=n/0;"), "utf-8")
    code, output = run("check", str(project / "catalogue"))
    assert code == 1
    assert "fails for n=0" in output and "Traceback" not in output
    # and `credcat translate` refuses to rewrite it (mend it first), without a traceback
    po.write_text(_long_text(), "utf-8")
    code, output = translate(project)
    assert code != 0 and "3,900,000 characters" in output and "mend the file first" in output


def test_a_plural_rule_that_fails_for_a_count_falls_back_to_the_last_form() -> None:
    """The rule is tried with the counts 0 to 1,000 before it is used; a count beyond that
    which it cannot handle gets the last form, never an exception in the middle of a build."""
    from credcat.render.site.messages import Plural

    forms = Plural(("{n} a", "{n} b", "{n} c"), lambda n: n % 2 + 0 * (1 // (5000 - n)))
    assert forms.pick(1) == "{n} b"
    assert forms.pick(5000) == "{n} c"


def test_the_interface_s_words_from_a_po_are_escaped_in_the_serve_panel(tmp_path: Path) -> None:
    """The panel and page of problems ``mkdocs serve`` shows are made as text: a catalogue's
    own translation of their words cannot add markup."""
    from tests.browser import xss_fixture

    from credcat.errors import Problem, Severity
    from credcat.render.site.locales import dump
    from credcat.render.site.problems import PANEL_SCRIPT, problems_page, problems_panel

    root = tmp_path / "catalogue"
    (root / "locales").mkdir(parents=True)
    (root / "locales" / "en.po").write_bytes(dump(xss_fixture.po_catalog("en")))
    use_own_translations(read_own(root))
    assert xss_fixture.SCRIPT in str(ui_tree("en")["serve_problems"]["stale"])
    problems = [
        Problem("catalogue/credentials/x.yaml", 3, 1, "title", "wrong", "mend it"),
        Problem("catalogue/credentials/x.yaml", 4, 1, "", "odd", severity=Severity.WARNING),
    ]
    panel = problems_panel(problems, "catalogue/", "en", "catalogue/credentials/x.yaml")
    # the panel's own script (its "Hide" button) reads the button's words as text
    assert panel.count(f"<script>{PANEL_SCRIPT}</script>") == 1
    assert xss_fixture.SCRIPT in str(ui_tree("en")["serve_problems"]["hide"])
    for html in (
        panel.replace(f"<script>{PANEL_SCRIPT}</script>", ""),
        problems_page(problems, "catalogue/", "en"),
    ):
        assert "window.__xss=1" in html
        for payload in xss_fixture.PAYLOADS:
            assert payload not in html
        assert "<script" not in html and "<img" not in html and "<svg" not in html
