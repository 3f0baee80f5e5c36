"""Hostile catalogues and output paths: located problems, bounded work, nothing outside ``--out``.

Catalogue content arrives by pull request from many contributors. Three families:

* YAML constructs (``tests/fixtures/hostile/*.yaml``: tags, anchors, odd keys, deep nesting);
* text content (control and bidirectional characters, huge texts, pathological Markdown);
* output targets (``credcat generate --out`` at folders credcat did not write, ``--site-url``).

Each fixture file starts with ``# expect: REGEX``; the rest is put at the top of a valid
credential, so the expected problem's line and column are those of the fixture.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import LinkInlineProcessor
from markupsafe import escape

from catalogue_factory import ORGANISATIONS, SAMPLE, SETTINGS, credential, write_catalogue
from credcat import yaml_loader
from credcat.cli import main
from credcat.errors import Problem
from credcat.limits import (
    MAX_DEPTH,
    MAX_LINK_BRACKETS,
    MAX_MARKDOWN_DEPTH,
    MAX_TEXT_CHARS,
    REFUSED_CHARS,
    markdown_depth,
)
from credcat.model import MAX_BASE_URI
from credcat.output import MARKER, OutputError, check_site_url, write_machine_files
from credcat.render.safe import MAX_LINK_DESTINATION, link_targets, markdown_safe
from credcat.validate import check_catalogue, load_catalogue
from credcat.yaml_loader import load_yaml

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
FIXTURES = sorted(CORPUS.glob("*.yaml"))
TOP_KEY = re.compile(r"^([a-z_]+):", re.MULTILINE)


def fixture_credential(fixture: Path) -> tuple[str, str]:
    """The expected-problem pattern and a credential file that starts with the fixture."""
    text = fixture.read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    assert first.startswith("# expect: "), fixture
    base = credential()
    for key in TOP_KEY.findall(body):
        base.pop(key, None)
    rest = yaml.safe_dump(base, allow_unicode=True, sort_keys=False)
    return first.removeprefix("# expect: "), text + rest


def problems_of(root: Path) -> list[str]:
    _, problems = check_catalogue(root, display_root=root)
    assert all(isinstance(p, Problem) for p in problems)
    return [p.format() for p in problems]


# ---------------------------------------------------------------- YAML constructs


def test_the_hint_for_a_colon_in_a_text_reads_a_long_line_once(tmp_path: Path) -> None:
    """The pattern that finds a line's key tried every split of a run of ``- `` markers: a
    128 KB line took 77 s to explain (an hour at the file limit). Its markers are now taken
    once (possessive), so the explanation comes at once and names the line."""
    root = write_catalogue(tmp_path / "c")
    path = root / "credentials" / "databases.yaml"
    path.write_text("title: x\nsummary: first\n  " + "- " * 64_000 + "a#b: c: d\n", "utf-8")
    [problem] = [p for p in problems_of(root) if "databases.yaml" in p]
    assert "databases.yaml:3:" in problem and "invalid YAML" in problem


def test_the_corpus_covers_every_family() -> None:
    names = {path.stem.split("-")[0] for path in FIXTURES}
    assert {"tag", "anchor", "key", "text", "duplicate", "two"} <= names
    assert len(FIXTURES) >= 20


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_hostile_yaml_gives_a_located_problem_and_hides_nothing(
    fixture: Path, tmp_path: Path
) -> None:
    expect, text = fixture_credential(fixture)
    # a second, unrelated mistake in another file must still be reported
    root = write_catalogue(
        tmp_path / "c", credentials={"hostile": text, "other": credential(eqf=11)}
    )
    found = problems_of(root)
    hostile = [m for m in found if m.startswith("credentials/hostile.yaml:")]
    assert any(re.search(expect, m) for m in hostile), (expect, found)
    assert any(m.startswith("credentials/other.yaml:") and "eqf" in m for m in found), found
    assert not any("Traceback" in m for m in found)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_the_pure_python_parser_reports_the_same(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml, PyYAML's own parser feeds the same builder: the same problems."""
    _, text = fixture_credential(fixture)
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    fast = [p.format() for p in load_yaml(path, "x.yaml")[1]]
    monkeypatch.setattr(yaml_loader, "_FAST_LOADER", None)
    slow = [p.format() for p in load_yaml(path, "x.yaml")[1]]
    assert slow == fast
    assert fast


@pytest.mark.parametrize(
    "source",
    [
        "title: " + "[" * 500 + "]" * 500 + "\n",  # flow nesting, 1 KB
        "title: " + "{a: " * 500 + "}" * 500 + "\n",
        "title:\n" + "".join(" " * i + "-\n" for i in range(1, 600)),  # block nesting
        "title: " + "[" * 200_000,  # unclosed, deeper than libyaml's own limit
        "title:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 600)),
    ],
    ids=["flow-seq", "flow-map", "block-seq", "unclosed", "block-map"],
)
@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_deep_nesting_is_a_located_problem(
    source: str, libyaml: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not libyaml:
        monkeypatch.setattr(yaml_loader, "_FAST_LOADER", None)
    path = tmp_path / "deep.yaml"
    path.write_text(source, encoding="utf-8")
    doc, problems = load_yaml(path, "deep.yaml")
    assert doc is None
    assert len(problems) == 1
    assert problems[0].line >= 1 and problems[0].column >= 1
    assert "nest" in problems[0].message


def test_nesting_up_to_the_limit_is_built(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n")
    doc, problems = load_yaml(path, "ok.yaml")
    assert problems == []
    assert doc is not None
    value: Any = doc.data["a"]
    for _ in range(MAX_DEPTH - 1):
        assert isinstance(value, list)
        value = value[0]
    assert value == "x"


# ---------------------------------------------------------------- text content


@pytest.mark.parametrize("char", ["\t", "\n", "\u200c", "\u200d", "\u200e", "\u200f", "\u00ad"])
def test_legitimate_invisible_characters_are_kept(char: str, tmp_path: Path) -> None:
    text = f"ein{char}Text"
    root = write_catalogue(
        tmp_path / "c",
        credentials={"databases": credential(summary={"en": f"A{char}B.", "de": text})},
    )
    catalogue = load_catalogue(root)
    assert catalogue.credentials["databases"].summary["de"] == text


def test_every_refused_character_is_refused_in_any_text_field(tmp_path: Path) -> None:
    refused = [chr(c) for c in range(0x110000) if REFUSED_CHARS.match(chr(c))]
    assert {"\x00", "\x07", "\x1b", "\u202e", "\u2066", "\u200b"} <= set(refused)
    assert not {"\t", "\n", "\u200c", "\u200d"} & set(refused)
    # one credential, every refused character in the text of its own outcome, written as a
    # YAML escape (a raw U+0085 or U+2028 in a file is a line break, folded into a space)
    outcomes = [
        {"id": f"o{i}", "kind": "skill", "text": {"en": f"Do-{i}-it.", "de": "Tun."}}
        for i in range(len(refused))
    ]
    data = credential(outcomes=outcomes)
    data["assessments"][0]["proves"] = [o["id"] for o in outcomes]
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for i, char in enumerate(refused):
        source = source.replace(f"en: Do-{i}-it.\n", f'en: "Do\\U{ord(char):08X}it."\n')
    root = write_catalogue(tmp_path / "c", credentials={"databases": source})
    found = problems_of(root)
    for i, char in enumerate(refused):
        assert any(f"outcomes[{i}].text.en: " in m and f"U+{ord(char):04X}" in m for m in found), (
            char,
            found[:3],
        )


def test_keys_with_refused_characters_are_located(tmp_path: Path) -> None:
    data = credential()
    data["version\x1b[2J"] = "1"
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    found = problems_of(root)
    assert any(re.search(r":\d+:1: key: .*U\+001B \(ESC\)", m) for m in found), found
    assert not any("\x1b" in m for m in found)


def test_one_language_written_twice_in_another_case_is_refused(tmp_path: Path) -> None:
    """``{en: …, EN: …}`` passed the loader's duplicate-key rule (the keys differ) and the
    second text replaced the first on the page: a reviewer reads one title, the site shows
    another."""
    data = credential(title={"en": "Data Visualisation", "EN": "Sneaky other title"})
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    found = problems_of(root)
    assert any(
        "title.EN:" in m and "'EN' is the language of 'en' again" in m and "remove" in m
        for m in found
    ), found


def test_numbers_of_thousands_of_digits_are_quoted_short(tmp_path: Path) -> None:
    """Python refuses to read an integer of over 4,300 digits with a message about
    ``sys.set_int_max_str_digits()``, and a bound was quoted with all 9,000 digits."""
    root = write_catalogue(tmp_path / "c")
    path = root / "credentials" / "databases.yaml"
    text = path.read_text("utf-8")
    text = re.sub(r"(?m)^eqf: .*$", "eqf: " + "9" * 5000, text)
    text = re.sub(r"(?m)^  ects: .*$", "  ects: " + "9" * 9000, text)
    path.write_text(text, "utf-8")
    found = [m for m in problems_of(root) if "databases.yaml" in m]
    assert any("eqf:" in m and "far too large" in m for m in found), found
    assert any("workload.ects:" in m and "the maximum is" in m for m in found), found
    assert all(len(m) < 300 and "sys." not in m for m in found), found


def test_long_values_are_quoted_short_in_every_problem(tmp_path: Path) -> None:
    """A code, a version, an id or a duration of thousands of characters is quoted cut to a
    few dozen, not in full: a 10,000-character currency made a 10 KB line of ``check``."""
    root = write_catalogue(tmp_path / "c")
    path = root / "credentials" / "databases.yaml"
    text = path.read_text("utf-8")
    text = re.sub(r"(?m)^version: .*$", "version: " + "v" * 3000, text)
    text = re.sub(r"(?m)^mode: .*$", "mode: " + "m" * 10000, text)
    text = re.sub(r"(?m)^awarding_body: .*$", "awarding_body: " + "A" * 3000, text)
    path.write_text(text, "utf-8")
    found = [m for m in problems_of(root) if "databases.yaml" in m]
    for field in (" version: '", " mode: unknown", " awarding_body item 1: '"):
        assert any(field in m and "…'" in m for m in found), (field, found)
    assert all(len(m) < 400 for m in found), [len(m) for m in found]


def test_too_long_and_too_bracketed_texts_are_located(tmp_path: Path) -> None:
    data = credential(
        summary={"en": "x" * (MAX_TEXT_CHARS + 1), "de": "[" * (MAX_LINK_BRACKETS + 1)}
    )
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    found = problems_of(root)
    assert any("summary.en:" in m and f"limit is {MAX_TEXT_CHARS:,}" in m for m in found)
    assert any("summary.de:" in m and f"limit is {MAX_LINK_BRACKETS}" in m for m in found)


@pytest.mark.parametrize("marker", ["* ", "+ ", "1. ", "> "])
def test_markdown_nested_too_deep_is_refused_and_never_stops_a_build(
    tmp_path: Path, marker: str
) -> None:
    """``* * * … x`` is a list in a list on one line: 500 deep, Python-Markdown's recursion
    exhausted the stack, so a description that passed ``check`` stopped every build."""
    deep = marker * 500 + "x"
    data = credential(description={"en": deep, "de": deep})
    root = write_catalogue(tmp_path / "c", credentials={"databases": data})
    found = problems_of(root)
    assert any("description.en:" in m and f"limit is {MAX_MARKDOWN_DEPTH}" in m for m in found), (
        found
    )
    # a text that reached the renderer anyway is shown as text
    assert str(markdown_safe(deep)) == f"<p>{escape(deep.strip())}</p>"
    # lists nested as deep as a description needs still render as lists
    nested = "\n".join("    " * level + "- item" for level in range(8))
    assert str(markdown_safe(nested)).count("<ul>") == 8
    assert markdown_depth(marker * MAX_MARKDOWN_DEPTH + "x") == MAX_MARKDOWN_DEPTH
    # quotes written without blanks nest as deep; indented text alone is code, not nesting
    assert markdown_depth(">" * 40 + " x") == 40
    assert markdown_depth(" " * 140 + "code") == 0


def _worst_markdown(unit: str) -> str:
    """The longest text of repeated ``unit`` the limits accept, padded with ``(``."""
    count = min(MAX_TEXT_CHARS // len(unit), MAX_LINK_BRACKETS // max(unit.count("["), 1))
    text = unit * count
    return text + "(" * (MAX_TEXT_CHARS - len(text))


@pytest.mark.parametrize(
    "unit",
    [
        "[",
        "[x](",
        "[a][",
        "[[",
        "[a](b ",
        "[[[[x](a)](a)",
        "`[`]",
        "[x](" + "(" * 95 + ")",
        "``[x](a)`",
    ],
)
def test_markdown_link_scanning_does_bounded_work(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Performance is measured in scripts/bench_hostile.py; here the work is counted.

    Python-Markdown's character-by-character scans visited (number of '[') x (length)
    characters: 100 unclosed '[' in a 10,000-character text cost a million steps. Now the
    bracket search is ``str.find`` and the link-destination scan sees at most
    MAX_LINK_DESTINATION characters per '[', and only up to its last ')'. ``credcat check``
    reads the links of a text the same way (:func:`link_targets`), with the same bounds.
    """
    calls = 0
    scanned = 0
    original = LinkInlineProcessor.getLink

    def counting_get_link(
        self: LinkInlineProcessor, data: str, index: int
    ) -> tuple[str, str | None, int, bool]:
        nonlocal calls, scanned
        calls += 1
        scanned += len(data) - index
        assert len(data) - index <= MAX_LINK_DESTINATION
        return original(self, data, index)

    monkeypatch.setattr(LinkInlineProcessor, "getLink", counting_get_link)
    text = _worst_markdown(unit)
    assert len(text) == MAX_TEXT_CHARS
    html = str(markdown_safe(text))
    assert html.startswith("<p>")
    assert calls <= MAX_LINK_BRACKETS
    assert scanned <= MAX_LINK_BRACKETS * MAX_LINK_DESTINATION < 10 * len(text)
    calls = scanned = 0
    found = link_targets(text)
    assert calls <= MAX_LINK_BRACKETS
    assert scanned <= MAX_LINK_BRACKETS * MAX_LINK_DESTINATION
    assert len(found) == html.count("<a ")


def test_code_spans_are_found_in_linear_time() -> None:
    """Runs of 1, 2, 3 … backticks, none closed by another as long: a lazy regular
    expression for code spans took half a minute on these 10,000 characters. A link inside
    a code span is code, not a link; after the last span it is one."""
    runs = "".join("`" * k + "x" for k in range(1, 138))
    text = f"`[a](javascript:a)` {runs}"
    text += " [b](javascript:b)" + "x" * (MAX_TEXT_CHARS - len(text) - 18)
    assert len(text) == MAX_TEXT_CHARS
    assert link_targets(text) == [(text.index("javascript:b"), "javascript:b")]


def test_markdown_beyond_the_limits_renders_as_plain_escaped_text() -> None:
    html = str(markdown_safe("[" * 20_000 + "\n\n<b>x</b>"))
    assert html == "<p>" + "[" * 20_000 + "</p>\n<p>&lt;b&gt;x&lt;/b&gt;</p>"


def test_links_render_as_before() -> None:
    html = str(markdown_safe("See [the [nested] guide](https://a.example/x_(y)) and [b]."))
    assert '<a href="https://a.example/x_(y)" rel="noopener nofollow">the [nested] guide</a>' in (
        html
    )
    assert "[b]" in html


# ---------------------------------------------------------------- output targets


def generate(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["generate", *args], out=out)
    return code, out.getvalue()


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _folder(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return root


@pytest.mark.parametrize(
    "files",
    [
        {"credential.schema.json": "{}", "catalogue.schema.json": "{}"},  # --out schemas
        {"package.json": "{}", "config/settings.json": "{}"},
        {"catalogue.json": "{}"},  # looks like output, but no marker
        {MARKER: "not json", "catalogue.json": "{}"},
        {MARKER: '{"generator": "someone else", "files": []}', "a.json": "{}"},
    ],
    ids=["schemas", "node-project", "no-marker", "broken-marker", "foreign-marker"],
)
def test_generate_refuses_folders_it_did_not_write(files: dict[str, str], tmp_path: Path) -> None:
    out = _folder(tmp_path / "target", files)
    before = tree(out)
    code, output = generate(str(SAMPLE), "--out", str(out))
    assert code == 1
    assert "refusing to replace" in output and "Traceback" not in output
    assert tree(out) == before


def _previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    code, output = generate(str(SAMPLE), "--out", str(out))
    assert code == 0, output
    return out


@pytest.mark.parametrize(
    "tamper",
    ["extra-file", "extra-folder", "missing-file", "link", "hidden-file"],
)
def test_generate_refuses_an_earlier_output_changed_by_hand(tamper: str, tmp_path: Path) -> None:
    out = _previous_output(tmp_path)
    if tamper == "extra-file":
        (out / "credentials" / "notes.txt").write_text("mine")
    elif tamper == "extra-folder":
        (out / "mine").mkdir()
    elif tamper == "missing-file":
        (out / "catalogue.json").unlink()
    elif tamper == "link":
        (tmp_path / "precious").mkdir()
        (out / "credentials" / "x.json").symlink_to(tmp_path / "precious")
    else:
        (out / ".git").write_text("gitdir: elsewhere")
    before = tree(out)
    code, output = generate(str(SAMPLE), "--out", str(out))
    assert code == 1, output
    assert "refusing to replace" in output
    assert tree(out) == before


def test_generate_replaces_its_own_earlier_output_and_empty_folders(tmp_path: Path) -> None:
    out = _previous_output(tmp_path)
    first = tree(out)
    listed = json.loads(first[MARKER])
    assert listed["files"] == sorted(set(first) - {MARKER})
    assert generate(str(SAMPLE), "--out", str(out))[0] == 0
    assert tree(out) == first
    empty = tmp_path / "empty"
    empty.mkdir()
    assert generate(str(SAMPLE), "--out", str(empty))[0] == 0
    assert tree(empty) == first


@pytest.mark.parametrize("target_exists", [True, False], ids=["to-folder", "dangling"])
def test_generate_refuses_an_out_that_is_a_link(target_exists: bool, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    if target_exists:
        elsewhere.mkdir()
    (tmp_path / "out").symlink_to(elsewhere)
    code, output = generate(str(SAMPLE), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "is a link" in output
    assert (tmp_path / "out").is_symlink()
    assert not elsewhere.exists() or not any(elsewhere.iterdir())


def test_generate_below_a_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("keep")
    code, output = generate(str(SAMPLE), "--out", str(tmp_path / "file" / "out"))
    assert code == 1
    assert "is a file" in output and "Traceback" not in output
    assert (tmp_path / "file").read_text() == "keep"
    with pytest.raises(OutputError):
        write_machine_files(load_catalogue(SAMPLE), tmp_path / "file" / "a" / "b")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//",
        "data:text/html,x",
        "//evil.example/",
        "https://user@evil.example/",
        "https://a.example/\u202e",
        "https://a.example/?q=1",
        "https://a.example/#x",
        "https://a.example/" + "a" * 2400 + "/",  # its QR code could not be drawn
        "",
    ],
)
def test_site_url_is_validated_like_base_uri(url: str, tmp_path: Path) -> None:
    code, output = generate(str(SAMPLE), "--out", str(tmp_path / "o"), "--site-url", url)
    assert code == 2
    assert "--site-url" in output and "Traceback" not in output
    assert not (tmp_path / "o").exists()
    with pytest.raises(OutputError):
        check_site_url(url)


def test_a_base_uri_too_long_for_its_qr_codes_is_refused_by_check(tmp_path: Path) -> None:
    """An address of 2,400 characters passed check, then stopped the build when the first
    summary's QR code could not hold it."""
    root = write_catalogue(
        tmp_path / "c", settings={**SETTINGS, "base_uri": "https://a.example/" + "a" * 2400}
    )
    found = problems_of(root)
    assert any("base_uri:" in m and f"the limit is {MAX_BASE_URI}" in m for m in found), found


def test_a_good_site_url_gets_a_trailing_slash() -> None:
    assert check_site_url("https://staging.example/cat") == "https://staging.example/cat/"


# ---------------------------------------------------------------- properties

hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(["[", "]", "(", ")", "*", "_", "`", "\\", "<", "&", "\u202e", "\x1b"]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, summary=hostile_text, outcome=hostile_text, description=hostile_text)
def test_generated_catalogues_are_refused_with_located_problems_or_build(
    title: str, summary: str, outcome: str, description: str
) -> None:
    data = credential(
        title={"en": title, "de": "Titel"},
        summary={"en": summary, "de": "Text."},
        description={"en": description, "de": "Text."},
    )
    data["outcomes"][0]["text"] = {"en": outcome, "de": "Text."}
    with tempfile.TemporaryDirectory() as folder:
        root = write_catalogue(Path(folder) / "c", credentials={"databases": data})
        catalogue, problems = check_catalogue(root, display_root=root)
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1, problem.format()
        # U+0085, U+2028 and U+2029 written raw are YAML line breaks: they never reach a text
        texts = [
            t.translate({0x85: None, 0x2028: None, 0x2029: None})
            for t in (title, summary, outcome, description)
        ]
        if any(REFUSED_CHARS.search(t) for t in texts):
            assert any(p.code == "text" for p in problems)
        errors = [p for p in problems if p.is_error]
        if catalogue is not None and not errors:
            written = write_machine_files(catalogue, Path(folder) / "out")
            assert written > 0
            loaded = catalogue.credentials["databases"].description or {}
            html = str(markdown_safe(loaded.get("en", "")))  # what the loader read
            assert not REFUSED_CHARS.search(html)


yaml_tokens = st.sampled_from(
    [
        "!!int ",
        "!!float ",
        "!!bool ",
        "!!timestamp ",
        "!!binary ",
        "!!str ",
        "!!null ",
        "!x ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "- ",
        "? ",
        "\n",
        "  ",
        '"',
        "'",
        "\\e",
        "\\u202E",
        "#",
        "---\n",
        "key",
        "title",
        "1",
        "x",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(yaml_tokens, max_size=40).map("".join))
def test_arbitrary_yaml_constructs_never_crash_the_loader(source: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_text(source, encoding="utf-8")
        doc, problems = load_yaml(path, "x.yaml")
        assert doc is not None or problems
        for problem in problems:
            assert isinstance(problem, Problem)
            problem.format().encode("utf-8")


def test_organisation_fixture_is_intact() -> None:
    # the corpus relies on the factory's organisations being valid
    assert set(ORGANISATIONS) == {"alpha-uni", "beta-qa"}
