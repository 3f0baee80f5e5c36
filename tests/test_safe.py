"""Unit tests of the escaping helpers in credcat.render.safe."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import Markup

from credcat.render.safe import (
    html_text,
    json_for_script,
    link_targets,
    markdown_safe,
    printable,
    safe_url,
    xml_text,
)
from credcat.render.site.localise import fill

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'


# --- safe_url ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "http://example.org/path?a=1&b=2#frag",
        "HTTPS://EXAMPLE.ORG/",
        "mailto:info@example.org",
    ],
)
def test_safe_url_keeps_http_https_mailto(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        "/relative/path",
        "relative",
        "https:evil.example",
        "http:///nohost",
        "mailto:",
        "mailto:nobody",
        "https://exa\u2028mple.org/",
        "",
        None,
    ],
)
def test_safe_url_refuses_everything_else(url: str | None) -> None:
    assert safe_url(url) == "#"


@pytest.mark.parametrize(
    "url",
    [
        # browsers read a backslash as "/" (host a.example), URL libraries mostly do not
        "https://a.example\\@b.example/",
        "https:\\\\evil.example/",
        "https://good.example/\\path",
        # a user name before the host: the link reads as the bank, leads elsewhere
        "https://bank.example@evil.example/",
        "https://bank.example:login@evil.example/",
        # invisible characters make a link read as another one
        "https://example.org/\u202egpj.exe",
        "https://exa\u200bmple.org/",
        "https://example.org/\ufeff",
        "https://example.org/\u2066x",
    ],
)
def test_safe_url_refuses_deceptive_addresses(url: str) -> None:
    assert safe_url(url) == "#"
    assert "href" not in markdown_safe(f"[x]({url})")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/people/@alice",
        "https://example.org/?to=a@b.example",
        "https://example.org/#me@example.org",
        "mailto:a.b@example.org?subject=Hi",
    ],
)
def test_safe_url_keeps_at_signs_after_the_host(url: str) -> None:
    assert safe_url(url) == url


# --- markdown_safe ----------------------------------------------------------------------------


def _tags(html: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", html)}


def test_markdown_subset_renders() -> None:
    html = markdown_safe("*em* **strong** `code`\n\n- one\n- two\n\n1. first\n2. second")
    assert isinstance(html, Markup)
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert "<code>code</code>" in html
    assert "<ul>" in html and "<ol>" in html and "<li>one</li>" in html


def test_markdown_links_get_rel_and_keep_safe_schemes() -> None:
    html = markdown_safe("[site](https://example.org/a?b=1&c=2) and [mail](mailto:x@example.org)")
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert 'href="mailto:x@example.org"' in html
    assert html.count('rel="noopener nofollow"') == 2
    assert "title=" not in markdown_safe('[t](https://example.org "a title")')


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](/relative)",
        "[x](//evil.example/)",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_markdown_drops_unsafe_links(text: str) -> None:
    html = markdown_safe(text)
    for attributes in re.findall(r"<a\b([^>]*)>", html):
        assert "javascript" not in attributes.lower()
        assert not re.search(r'href="(?!https?://|mailto:)', attributes)
    assert '<a href="java' not in html.lower()


@pytest.mark.parametrize(
    "payload",
    [
        SCRIPT,
        IMG,
        SVG,
        "<div onclick=alert(1)>x</div>",
        "<iframe src=https://evil.example></iframe>",
        "<style>body{}</style>",
        "<!-- comment -->",
    ],
)
def test_markdown_never_passes_raw_html(payload: str) -> None:
    html = markdown_safe(f"Text {payload} more\n\n{payload}")
    assert _tags(html) <= {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code"}
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert "onerror=" not in html.replace("onerror=alert", "") or "&lt;img" in html
    assert not re.search(r"<[^>]+\son\w+=", html)


def test_markdown_headings_and_images_do_not_survive() -> None:
    html = markdown_safe("# Big\n\n![alt](https://example.org/x.png)")
    assert "<h1" not in html and "<img" not in html


def test_markdown_empty() -> None:
    assert markdown_safe(None) == Markup("")
    assert markdown_safe("") == Markup("")


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("[x](javascript:alert(document.cookie)) end", ["javascript:alert(document.cookie)"]),
        (
            "[a](https://w.example/A_(b)) [c](<www.c.example/d e> 'T')",
            [
                "https://w.example/A_(b)",
                "www.c.example/d e",
            ],
        ),
        ('[t]( https://t.example/ "Title")', ["https://t.example/"]),
        ("`[code](javascript:x)` and ``[more](`x`)``", []),
        ("[open](javascript:alert(1) and more", []),
        ('[x](<y> "(" [z](w)', ['<y> "(" [z](']),  # a title never closed: the rest is the link
        ("``a`` [x](y) ```b` [z](w)", ["y", "w"]),  # ```b` is code: two ticks and b
        ("``[a](b)`` [c](d) `` [e](f)", ["d", "f"]),
    ],
)
def test_link_targets_are_read_as_the_pages_read_them(text: str, targets: list[str]) -> None:
    """The target of each link as Python-Markdown reads it (balanced parentheses, ``<…>``,
    a title), with where it starts in the text; none in code spans, none of a link that is
    not closed (shown as written) or empty: as many as the page has links."""
    found = link_targets(text)
    assert [target for _, target in found] == targets
    assert all(text[at : at + len(target)] == target for at, target in found)
    rendered = str(markdown_safe(text.replace("javascript:", "https://j.example/")))
    assert rendered.count("<a ") == len(targets)
    assert link_targets("[empty]() and [blank]( )") == []


# --- json_for_script --------------------------------------------------------------------------


def test_json_for_script_cannot_end_the_script_element() -> None:
    value = {"title": "</script><script>alert(1)</script>", "c": "<!-- & -->"}
    text = json_for_script(value)
    assert isinstance(text, Markup)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(str(text)) == value


def test_json_for_script_escapes_line_separators() -> None:
    value = {"t": "a\u2028b\u2029c"}
    text = str(json_for_script(value))
    assert "\u2028" not in text and "\u2029" not in text
    assert "\\u2028" in text and "\\u2029" in text
    assert json.loads(text) == value


def test_json_for_script_is_deterministic() -> None:
    assert json_for_script({"b": 1, "a": [2, 1]}) == json_for_script({"a": [2, 1], "b": 1})


# --- text escapes -----------------------------------------------------------------------------


def test_printable_escapes_terminal_and_line_control() -> None:
    # ESC starts terminal escapes (clear screen, set the clipboard with OSC 52 …); U+2028 and
    # U+0085 are line breaks to YAML; bidi controls reorder what is shown
    text = "a\x1b[2J\x1b]52;c;ZXZpbA==\x07b\u2028c\x85d\u202ee\nf\tg\x00é€"
    out = printable(text)
    assert out == "a\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07b\\u2028c\\x85d\\u202ee\\x0af\\x09g\\x00é€"
    assert out.isprintable()
    assert printable("Plain text — ünïcode, 中文") == "Plain text — ünïcode, 中文"


def test_ui_placeholders_are_filled_in_one_pass() -> None:
    # a maintainer's value that looks like a placeholder stays text: an assessment titled
    # "Exam {identity}" must not pull in "identity checked"
    template = "{type} ({supervision}, {identity})"
    line = fill(template, type="Exam {identity}", supervision="{type}", identity="not checked")
    assert line == "Exam {identity} ({type}, not checked)"
    assert fill("{unknown} {n}", n=3) == "{unknown} 3"


def test_html_text_and_xml_text() -> None:
    assert html_text(SVG) == "&#34;&gt;&lt;svg onload=alert(1)&gt;"
    assert xml_text("a & <b> \"c\" 'd'") == "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
