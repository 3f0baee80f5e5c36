"""The guides every credential page links to, in every language they are translated into.

Credential pages link the guide for learners and employers (``docs/how-to-read.md``), at one
of its sections (``#eqf``: what the levels mean), and pages link the data page
(``docs/data.md``). A translation beside it (``docs/how-to-read.de.md``) is published as the
German site's guide, ``de/how-to-read/``, which German pages then link instead of an English
copy. So every translation keeps every anchor of its original: checked on the Markdown, as
MkDocs renders it with the repository's ``markdown_extensions`` (a section added to the English
guide fails here until it is translated, by design), and on a strict build of the sample: every
link with a fragment to a guide lands on an element with that id, in every language; the
translations are pages of their language; German and French pages link them as such. The
translations quote the labels of the pages as the interface says them in their language.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import NamedTuple

import markdown
import mkdocs.utils.meta
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from credcat.render.site.localise import Localiser, ui_strings
from test_site_build import build_site

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
GUIDES = ("how-to-read.md", "data.md")
"""The hand-written pages credcat's own pages link to (``Urls.guide_page``, ``data_page``)."""

BASE = "https://credentials.digital-skills-alliance.eu/"
SAMPLE_LANGUAGES = ("en", "de", "fr")
"""The sample's languages, English its default (``catalogue/catalogue.yaml``)."""


SCAFFOLD_DOCS = REPO / "plugins" / "credcat" / "scaffold" / "docs"
"""The guides ``credcat init`` writes, in every language credcat has them in (``docs/`` links
those of the sample's languages)."""


def translations() -> list[Path]:
    """Every translation of a guide in ``docs/`` or among those ``credcat init`` writes
    (``how-to-read.de.md``), each once."""
    found: dict[Path, Path] = {}
    for folder in (DOCS, SCAFFOLD_DOCS):
        for guide in GUIDES:
            stem = guide.removesuffix(".md")
            for path in folder.glob(f"{stem}.*.md"):
                name = rf"{re.escape(stem)}\.[a-z]{{2,3}}(?:-[A-Za-z0-9]+)*\.md"
                if re.fullmatch(name, path.name):
                    found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda path: (path.name, str(path)))


def guide_languages() -> list[str]:
    """English and every language the guide for learners and employers is translated into."""
    translated = {p.name.split(".")[1] for p in translations() if p.name.startswith("how-")}
    return ["en", *sorted(translated)]


def original_of(translation: Path) -> Path:
    """``docs/how-to-read.md`` for ``docs/how-to-read.de.md``."""
    return translation.with_name(translation.name.split(".", 1)[0] + ".md")


_ID = re.compile(r'<(\w+)\b[^>]*\sid="([^"]+)"')


@functools.cache
def _config() -> MkDocsConfig:
    """The repository's ``mkdocs.yml``, for its Markdown extensions."""
    return load_config(config_file=str(REPO / "mkdocs.yml"))


def anchors(text: str) -> set[str]:
    """The ids the Markdown of a page gives its elements, as MkDocs renders it with the
    repository's extensions: every heading's (``{#eqf}``, or made from its words) and any
    other ``{#id}``; the title's (``h1``), made from its words in each language, aside."""
    body = mkdocs.utils.meta.get_data(text)[0]
    config = _config()
    converter = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )
    html = converter.convert(body)
    return {ident for tag, ident in _ID.findall(html) if tag != "h1"}


def _listed(ids: list[str]) -> str:
    return ", ".join(f"#{ident}" for ident in ids)


def anchor_problems(
    original: str, translation: str, original_ids: set[str], translated_ids: set[str]
) -> list[str]:
    """What is wrong with the anchors of ``docs/<translation>`` against ``docs/<original>``,
    each said with what to do about it (``[]``: nothing)."""
    problems = []
    missing = sorted(original_ids - translated_ids)
    if missing:
        problems.append(
            f"docs/{translation} lacks {_listed(missing)}, which docs/{original} has: pages "
            f"link to these sections in every language. Translate the sections of "
            f"docs/{original} with these ids into docs/{translation}, each heading with the "
            f"same id (`## … {{#{missing[0]}}}`), or rename its heading's id where the section "
            f'is there already (see "Translating the guides" in docs/maintainers.md)'
        )
    extra = sorted(translated_ids - original_ids)
    if extra:
        problems.append(
            f"docs/{translation} has {_listed(extra)}, which docs/{original} has not: give "
            f"each heading the id of the English one (`{{#id}}` after the heading), and remove "
            f"the sections docs/{original} no longer has"
        )
    return problems


# --- the Markdown --------------------------------------------------------------------------------


def test_the_sample_has_the_guide_in_each_of_its_languages() -> None:
    settings = yaml.safe_load((REPO / "catalogue" / "catalogue.yaml").read_text("utf-8"))
    languages = [*settings["languages"], *settings.get("partial_languages", [])]
    assert tuple(languages) == SAMPLE_LANGUAGES
    names = {path.name for path in translations()}
    assert {f"how-to-read.{lang}.md" for lang in SAMPLE_LANGUAGES[1:]} <= names, names


@pytest.mark.parametrize("translation", translations(), ids=lambda path: path.name)
def test_a_translated_guide_has_every_anchor_of_its_original(translation: Path) -> None:
    """A link to ``how-to-read/#eqf`` leads to the same section in every language: every id
    of the English guide is in each translation, and no other."""
    original = original_of(translation)
    original_ids = anchors(original.read_text("utf-8"))
    assert original_ids, original.name
    problems = anchor_problems(
        original.name,
        translation.name,
        original_ids,
        anchors(translation.read_text("utf-8")),
    )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_a_section_added_to_the_english_guide_fails_until_it_is_translated() -> None:
    """What the test above says when the English guide gets a new section, and when its
    translation gets it with a heading of its own words but without the English id."""
    english = (DOCS / "how-to-read.md").read_text("utf-8")
    english += "\n## Prices and refunds {#prices}\n\nWhat a run costs.\n"
    german = (DOCS / "how-to-read.de.md").read_text("utf-8")
    problems = anchor_problems(
        "how-to-read.md", "how-to-read.de.md", anchors(english), anchors(german)
    )
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        "docs/how-to-read.de.md lacks #prices, which docs/how-to-read.md has: pages link"
    )
    assert "`## … {#prices}`" in problems[0] and "docs/maintainers.md" in problems[0]
    german += "\n## Preise und Erstattung\n\nWas ein Durchgang kostet.\n"
    problems = anchor_problems(
        "how-to-read.md", "how-to-read.de.md", anchors(english), anchors(german)
    )
    assert len(problems) == 2, problems
    assert "lacks #prices," in problems[0]
    assert problems[1].startswith("docs/how-to-read.de.md has #preise-und-erstattung, which")
    german = german.replace("## Preise und Erstattung", "## Preise und Erstattung {#prices}")
    assert (
        anchor_problems("how-to-read.md", "how-to-read.de.md", anchors(english), anchors(german))
        == []
    )


def _prose(text: str) -> str:
    """The words of a page's Markdown: without its code, link addresses, ``{#id}``s and the
    ``:`` that starts a definition."""
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[^}]*\}", "", text)
    return re.sub(r"^:   ", "", text, flags=re.MULTILINE)


NO_BREAK = "\u00a0\u202f"


def test_the_french_guides_set_their_punctuation_apart_as_the_interface_does() -> None:
    """French puts a no-break space before ``: ; ? ! »`` and after ``«`` (as the interface's
    fr.po does: never a plain space, which a line may break at, and never none)."""
    french = [path for path in translations() if path.name.split(".")[1] == "fr"]
    assert french
    for path in french:
        prose = _prose(path.read_text("utf-8"))
        wrong = re.findall(
            rf".{{0,25}}(?:(?<![{NO_BREAK}])[:;?!»]|«(?![{NO_BREAK}])).{{0,10}}", prose
        )
        assert wrong == [], (path.name, wrong)
        assert prose.count("«") == prose.count("»") > 5, path.name


def test_the_italian_guides_quote_and_elide_as_the_interface_does() -> None:
    """Italian quotes «così», with no space inside the guillemets, and elides with ’ (as the
    interface's it.po does): no straight or curly quotation marks, no straight apostrophe."""
    italian = [path for path in translations() if path.name.split(".")[1] == "it"]
    assert italian
    for path in italian:
        prose = _prose(path.read_text("utf-8"))
        wrong = re.findall(r".{0,25}(?:[\"'“”„]|«\s|\s»).{0,10}", prose)
        assert wrong == [], (path.name, wrong)
        assert prose.count("«") == prose.count("»") > 5, path.name
        assert "’" in prose, path.name


SUPERVISION = ("unsupervised", "supervised-online", "supervised-on-site")


def _labels(lang: str) -> tuple[list[str], list[str], list[str]]:
    """What a guide in ``lang`` writes of the labels the pages show in ``lang``: the labels it
    quotes (in its language's quotation marks) or sets in italics, as they are; the ones it
    defines, each a definition's term, and the types of assessment in its table, each at the
    start of a line; the modes and settings, in its words' case."""
    ui = ui_strings(lang)
    loc = Localiser(lang, "en")
    opening, closing = {
        "en": ('"', '"'),
        "de": ("„", "“"),
        "fr": ("«\u00a0", "\u00a0»"),
        "pt": ("«", "»"),  # European Portuguese, as the interface's pt.po quotes: no spaces
        "nl": ("“", "”"),  # as nl.po quotes (“{query}”)
        "it": ("«", "»"),
        "es": ("«", "»"),
    }[lang]
    check = ui["check"]
    quoted = [
        check["differs"],
        check["unstated"],
        check["same"],
        check["partial"],
        check["fold_toggle"],
        check["field_issued"],
        check["reading"],
        check["checked_text"].rsplit(" · ", 1)[1],  # "Checked on {date} · pasted text"
        ui["employers_jump"],
        ui["version_viewing_current"].split("{version}", 1)[0] + "…",
    ]
    inline = [f"{opening}{text.strip()}{closing}" for text in quoted]
    inline += [f"*{ui['h_errata']}*", f"*{ui['status']['draft']}*"]
    identity = ui["employers_identity_yes"]
    terms = [
        *(ui["status"][status] for status in ("active", "draft", "superseded", "retired")),
        *(ui["supervision"][how] for how in SUPERVISION),
        identity[:1].upper() + identity[1:],
        *ui["outcome_kind"].values(),
        ui["fact_mode"],
        ui["fact_setting"],
    ]
    lines = [f"\n{text}\n:   " for text in terms]
    types = (
        "written-examination",
        "oral-examination",
        "practical-assessment",
        "project-work",
        "marked-assignment",
        "portfolio",
        "artefact-assessment",
        "peer-assessment",
        "continuous-evaluation",
        "level-of-attendance",
    )
    lines += [f"\n| {loc.label('assessment-type', code)} " for code in types]
    modes = [loc.label("mode", code) for code in ("online", "blended", "on-site", "work-based")]
    settings = [loc.label("learning-setting", code) for code in ("formal", "non-formal")]
    return inline, lines, [*modes, *settings]


@pytest.mark.parametrize("lang", guide_languages())
def test_a_guide_says_the_labels_of_the_pages_as_they_show_them(lang: str) -> None:
    """The guide tells a reader what the pages say ("Differs", „Abweichend“, « Différent »):
    each such label is quoted, defined or listed in the words the pages use in its language,
    so that a change to the interface's words fails here until the guides follow it."""
    name = "how-to-read.md" if lang == "en" else f"how-to-read.{lang}.md"
    text = (SCAFFOLD_DOCS / name).read_text("utf-8")
    flowing = re.sub(r"[ \n]+", " ", text)  # a line's end is a space (no-break ones stay)
    inline, lines, words = _labels(lang)
    missing = [form for form in inline if form not in flowing]
    missing += [form for form in lines if form not in text]
    missing += [word for word in words if word.casefold() not in flowing.casefold()]
    assert missing == [], f"docs/{name} does not say these as the pages do: {missing}"


# --- the built site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("guides") / "site"
    build_site(REPO / "mkdocs.yml", folder)
    return folder


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text("utf-8")


def _ids(html: str) -> set[str]:
    return {ident for _tag, ident in _ID.findall(html)}


_HREF = re.compile(r'<a\s[^>]*?href="([^"#:?]*)#([^"]+)"')
_GUIDE_PAGE = re.compile(r"(?:(de|fr)/)?(how-to-read|data)")


class GuideLink(NamedTuple):
    """A link of a page of the site to a section of a guide."""

    page: str  # the page's folder in the site ("de/credentials/x/")
    lang: str  # the page's language
    guide: str  # the guide's folder, the link resolved ("de/how-to-read")
    guide_lang: str  # the guide's language
    fragment: str  # the id after "#"


def _guide_links(site: Path) -> list[GuideLink]:
    """Every link of every page of the site to a section of a guide."""
    found = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        first = rel.split("/", 1)[0]
        lang = first if first in SAMPLE_LANGUAGES[1:] else "en"
        for href, fragment in _HREF.findall(page.read_text("utf-8")):
            if not href:
                continue  # a section of the page itself
            target = Path(os.path.normpath(page.parent / href))
            if site not in target.parents:
                continue
            guide = target.relative_to(site).as_posix()
            match = _GUIDE_PAGE.fullmatch(guide)
            if match:
                found.append(GuideLink(rel, lang, guide, match.group(1) or "en", fragment))
    return found


def test_every_section_of_a_guide_a_page_links_to_is_there_in_every_language(site: Path) -> None:
    """Credential pages link ``how-to-read/#eqf``, in every language: each such link leads to
    the guide of its own page's language, which has the section; and every section any page
    links to is in the guide of every language."""
    links = _guide_links(site)
    eqf = {(link.lang, link.guide) for link in links if link.fragment == "eqf"}
    assert eqf == {("en", "how-to-read"), ("de", "de/how-to-read"), ("fr", "fr/how-to-read")}
    assert [link for link in links if link.guide_lang != link.lang] == []
    ids: dict[str, set[str]] = {}
    for which in ("how-to-read", "data"):
        linked = {link.fragment for link in links if link.guide.endswith(which)}
        for lang in SAMPLE_LANGUAGES:
            guide = which if lang == "en" else f"{lang}/{which}"
            ids[guide] = _ids(_read(site, f"{guide}/index.html"))
            assert linked - ids[guide] == set(), (guide, sorted(linked - ids[guide]))
    assert [link for link in links if link.fragment not in ids[link.guide]] == []


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Einen Nachweis lesen"), ("fr", "Lire un microcertificat")]
)
def test_a_translated_guide_is_a_page_of_its_language(site: Path, lang: str, title: str) -> None:
    """The German guide is served as a German page: ``<html lang="de">``, no note that it is
    shown in English and nothing of its text marked English, its own address as canonical,
    found by the German search, and the German alternate of the English guide in the
    sitemap."""
    html = _read(site, f"{lang}/how-to-read/index.html")
    assert f'<html lang="{lang}"' in html
    assert f"<title>{title} - " in html
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    assert re.search(rf'<h1 id="[^"]+">{title}<', article), article[:300]
    assert "credcat-fallback-note" not in html
    assert " lang=" not in article and " hreflang=" not in article
    assert f'<link rel="canonical" href="{BASE}{lang}/how-to-read/">' in html
    index = json.loads(_read(site, f"{lang}/search/search_index.json"))
    sections = {doc["location"] for doc in index["docs"]}
    assert {"how-to-read/", "how-to-read/#eqf", "how-to-read/#versions"} <= sections
    sitemap = _read(site, "sitemap.xml")
    entry = sitemap.split(f"<loc>{BASE}how-to-read/</loc>", 1)[1].split("</url>", 1)[0]
    assert f'hreflang="{lang}" href="{BASE}{lang}/how-to-read/"' in entry
    assert f"<loc>{BASE}{lang}/how-to-read/</loc>" in sitemap


_EQF_LINK = re.compile(r'<a href="([^"]*how-to-read/)#eqf"([^>]*)>(.*?)</a>')


@pytest.mark.parametrize("lang", SAMPLE_LANGUAGES)
def test_credential_pages_link_the_guide_in_their_language(site: Path, lang: str) -> None:
    """Every credential page (current, and each version's permanent page) links what the
    levels mean in the guide of its language, which is in that language: no ``hreflang``,
    no "(auf Englisch)"."""
    prefix = "" if lang == "en" else f"{lang}/"
    guide = (site / prefix / "how-to-read").resolve()
    folder = site / prefix / "credentials"
    pages = sorted([*folder.glob("*/index.html"), *folder.glob("*/*/index.html")])
    assert len(pages) > 20
    for page in pages:
        links = _EQF_LINK.findall(page.read_text("utf-8"))
        assert len(links) == 1, (page, links)
        href, attrs, text = links[0]
        assert (page.parent / href).resolve() == guide, (page, href)
        assert attrs == "" and "credcat-link-lang" not in text, (page, attrs, text)
        assert text == ui_strings(lang)["fact_eqf_link"], (page, text)
