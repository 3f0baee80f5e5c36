"""New catalogues and new files: ``credcat init`` and ``credcat new``.

Owns the templates in ``credcat/scaffold/`` and how they are filled in: the repository a new
catalogue starts from (``mkdocs.yml``, ``catalogue/`` with one organisation and one annotated
example credential, the JSON Schemas the files' modelines name, a ``.gitignore``, a README for
its maintainers, CI for GitHub Actions and GitLab, and a pre-commit configuration), and the
annotated credential and organisation files of ``credcat new``, whose ``TODO(new)``
placeholders the model refuses until a maintainer replaces them.

Templates mark a translatable text as ``key: T"text"``; it is written once in the catalogue's
only language, or once per language (the same text, for the maintainer to translate).
Nothing here asks a question: every choice has a default or an option.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from . import __version__, vocab
from .catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, ORGANISATIONS_DIR
from .errors import CredcatError, printable
from .ids import is_id
from .model import CatalogueSettings, OrganisationDoc, kind_for_name, vocab_guess
from .schema import render_schemas
from .yaml_loader import double_quoted, load_yaml

__all__ = ["ScaffoldError", "init_catalogue", "new_file"]

EXAMPLE_CREDENTIAL = "data-literacy-at-work"
"""The id of the example credential ``credcat init`` writes."""

_TEXT_LINE = re.compile(
    r'^(?P<indent> *)(?P<item>- )?(?P<key>\w+): (?P<kind>[TN])"(?P<text>.*)"(?P<rest>.*)$'
)
"""A text of a template: ``T"…"`` a text to translate, ``N"…"`` a name (an organisation's
legal name), written the same in every language and never marked ``# translate``."""


class ScaffoldError(CredcatError):
    """An option is not valid, or a file ``init``/``new`` would write already exists."""


@dataclass(frozen=True)
class InitOptions:
    """What ``credcat init`` needs to know; everything has a default but the folder."""

    title: str = "Micro-credential catalogue"
    base_url: str | None = None
    """Where the site will be published; ``None``: :data:`EXAMPLE_BASE_URL`, marked
    ``# example``."""
    languages: Sequence[str] = ("en",)
    publisher: str = "our-institution"
    publisher_name: str | None = None
    """The publisher's name; ``None``: :data:`EXAMPLE_PUBLISHER_NAME`, marked ``# example``."""
    homepage: str | None = None
    """The publisher's website; ``None``: the catalogue's address, marked ``# example`` (an
    institution's website is seldom its catalogue's)."""
    kind: str | None = None
    """The publisher's kind; ``None``: :data:`EXAMPLE_KIND`, marked ``# example``."""
    country: str | None = None
    """The publisher's country; ``None``: :data:`EXAMPLE_COUNTRY`, marked ``# example``."""
    data_licence: str | None = None
    """The licence of the catalogue's data; ``None``: :data:`EXAMPLE_LICENCE`, marked
    ``# example``."""


EXAMPLE_BASE_URL = "https://catalogue.example/"
"""The address ``credcat init`` writes where none was given, marked ``# example``: every
permanent identifier starts with it, and ``credcat release`` refuses while it is marked."""
EXAMPLE_PUBLISHER_NAME = "Our institution"
"""The publisher's name ``credcat init`` writes where none was given, marked ``# example``."""
EXAMPLE_KIND = "university"
"""The publisher's kind ``credcat init`` writes where it was not given, marked ``# example``
(``credcat check`` notes it until the maintainer writes their own)."""
EXAMPLE_COUNTRY = "BE"
"""The publisher's country ``credcat init`` writes where it was not given, marked so too."""
EXAMPLE_LICENCE = "CC-BY-4.0"
"""The data licence ``credcat init`` writes where none was given, marked ``# example``: the
licence is the institution's decision, and ``credcat release`` waits until it is made."""
EXAMPLE_MARK = "  # example"
DEFAULT_TITLES: dict[str, str] = {
    "de": "Katalog der Microcredentials",
    "fr": "Catalogue de microcertificats",
    "it": "Catalogo delle microcredenziali",
    "es": "Catálogo de microcredenciales",
    "pt": "Catálogo de microcredenciais",
    "nl": "Catalogus van microcredentials",
}
"""The default title (:attr:`InitOptions.title`, English) in the other languages credcat's
interface speaks, in each one's word for a micro-credential: a catalogue ``init`` titles itself
is titled in its languages (a Spanish site read "Micro-credential catalogue" in its header, on
its home page and on every summary for employers), another language gets the English title
marked ``# translate``. A title the maintainer gives is theirs, in the default language."""


def _template(name: str) -> str:
    return files("credcat").joinpath("scaffold", name).read_text(encoding="utf-8")


def _has_template(name: str) -> bool:
    """Whether credcat has the file ``name`` to write (a guide translated into a language)."""
    return files("credcat").joinpath("scaffold", name).is_file()


QUOTE = "\x1f"
"""A double quote in an option's value while it sits inside a ``T"…"`` marker (a control
character: an option with one is refused)."""


def _texts(
    template: str,
    languages: Sequence[str],
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """Expand each ``key: T"text"`` line into the text in every language.

    Without ``translations`` the text is the maintainer's own (a title given to ``init``), in
    the default language: the other languages get it marked ``# translate``; a name
    (``key: N"name"``, the publisher's legal name) is the same in every language, unmarked.
    With them, the text is English (the example credential): English gets it as it is, a
    language that ``translations`` has the text in gets that, and any other language gets the
    English text marked ``# translate``.
    """
    out: list[str] = []
    for line in template.splitlines():
        match = _TEXT_LINE.match(line)
        if match is None:
            out.append(line)
            continue
        indent, item, key = match["indent"], match["item"] or "", match["key"]
        text, rest = match["text"].replace(QUOTE, '"'), match["rest"]
        example = rest.endswith(EXAMPLE_MARK)  # kept on the line of the text itself
        if example:
            rest = rest[: -len(EXAMPLE_MARK)]
        texts = []
        for i, lang in enumerate(languages):
            if match["kind"] == "N":  # a legal name: not a text to translate
                texts.append((lang, text, False))
            elif translations is None:
                texts.append((lang, text, i > 0))
            elif lang == "en" or lang in translations.get(text, {}):
                texts.append((lang, text if lang == "en" else translations[text][lang], False))
            else:
                texts.append((lang, text, True))
        mark = EXAMPLE_MARK if example else ""
        if len(texts) == 1 and not texts[0][2]:
            out.append(f"{indent}{item}{key}: {double_quoted(texts[0][1])}{rest}{mark}")
            continue
        out.append(f"{indent}{item}{key}:{rest}")
        inner = " " * (len(indent) + len(item) + 2)
        for i, (lang, said, translate) in enumerate(texts):
            # the example on the first language's line (a text to replace, then translate)
            note = "  # translate" if translate else (mark if i == 0 else "")
            out.append(f"{inner}{lang}: {double_quoted(said)}{note}")
    return "\n".join(out) + "\n"


_COMMENTED = re.compile(r'^(?P<head>\w+: (?:"(?:[^"\\]|\\.)*"|\S+))\s+(?P<comment>#.*)$')
"""A top-level ``key: value  # comment`` line (the value one word, or quoted)."""

COMMENT_COLUMN = 36
"""Where the comments beside the values of the files ``init`` and ``new`` write start (the
column of their ``#``, counted from 0), unless a value is too long: then all of them start
two spaces after the longest."""


def _aligned(text: str) -> str:
    """``text`` with the comments beside its top-level values in one column, once the
    options are filled in (a homepage's length is the maintainer's)."""
    lines = text.splitlines()
    found = [_COMMENTED.match(line) for line in lines]
    heads = [len(match["head"]) for match in found if match is not None]
    if not heads:
        return text
    column = max(COMMENT_COLUMN, max(heads) + 2)
    return (
        "\n".join(
            line if match is None else match["head"].ljust(column) + match["comment"]
            for line, match in zip(lines, found, strict=True)
        )
        + "\n"
    )


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each ``@name@`` replaced by its value, in one pass: a value that
    holds ``@word@`` (a title) is written as it is."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"unfilled @{name}@ in a template"
        return values[name]

    return re.sub(r"@([a-z_]+)@", value, template)


def _check_options(options: InitOptions) -> CatalogueSettings:
    """Validate the options with the model, so ``init`` never writes a catalogue that fails."""
    _one_line("title", options.title)
    _one_line("publisher-name", _name(options))
    if not is_id(options.publisher):
        raise ScaffoldError(
            f"--publisher {printable(options.publisher)!r} is not an id: write lowercase words "
            "joined by hyphens, e.g. our-university"
        )
    languages = list(dict.fromkeys(options.languages))
    messages: dict[str, None] = {}  # each mistake once (a language is checked twice)
    settings: CatalogueSettings | None = None
    try:
        settings = CatalogueSettings.model_validate(
            {
                "title": options.title,
                "publisher": options.publisher,
                "base_uri": options.base_url or EXAMPLE_BASE_URL,
                "default_language": languages[0] if languages else "",
                "languages": languages,
                "data_licence": options.data_licence or EXAMPLE_LICENCE,
            }
        )
    except ValidationError as exc:
        messages.update(dict.fromkeys(_message(e) for e in exc.errors()))
    try:  # the publisher's options too, so that every mistake is said at once
        OrganisationDoc.model_validate(
            {
                "name": _name(options),
                "kind": options.kind or EXAMPLE_KIND,
                "country": options.country or EXAMPLE_COUNTRY,
                # not given: the catalogue's address, which is said wrong once, at --base-url
                "homepage": options.homepage
                or (settings.base_uri if settings is not None else EXAMPLE_BASE_URL),
            }
        )
    except ValidationError as exc:
        messages.update(dict.fromkeys(_message(e) for e in exc.errors()))
    if messages or settings is None:
        raise ScaffoldError("; ".join(messages))
    if settings.base_uri.lower().startswith("http://"):  # credcat check --strict: a warning
        raise ScaffoldError(
            f"--base-url {printable(settings.base_uri)} is an http:// address: every "
            "permanent identifier of the credentials starts with it, and the first release "
            "records it for good; publish the site over HTTPS and give https://"
            f"{printable(settings.base_uri[len('http://') :])}"
        )
    return settings


def _name(options: InitOptions) -> str:
    return EXAMPLE_PUBLISHER_NAME if options.publisher_name is None else options.publisher_name


_OPTION_OF_FIELD = {
    "title": "title",
    "base_uri": "base-url",
    "homepage": "homepage",
    "default_language": "languages",
    "languages": "languages",
    "publisher": "publisher",
    "name": "publisher-name",
    "kind": "kind",
    "country": "country",
    "data_licence": "data-licence",
}


def _message(error: object) -> str:
    """A pydantic error, worded for the ``credcat init`` option it came from, with the value
    meant where it can be guessed ("did you mean 'en'?" for ``english``)."""
    assert isinstance(error, dict)
    field = str((error.get("loc") or ("value",))[0])
    option = _OPTION_OF_FIELD.get(field, field.replace("_", "-"))
    value = error.get("input")
    if isinstance(value, list):  # --languages: the first value not known
        value = next((v for v in value if isinstance(v, str) and not _known(field, v)), None)
    if error.get("type") == "literal_error":
        options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        named = kind_for_name(str(value)) if field == "kind" else None
        close = [named] if named in options else close  # by its name: Berufsschule
        said = f"'{printable(str(value))}' is not one of {', '.join(options)}"
        return f"--{option}: {said}" + (f" (did you mean '{close[0]}'?)" if close else "")
    message = f"--{option}: {printable(str(error.get('msg', 'not valid')))}"
    hint = (error.get("ctx") or {}).get("hint")
    if field == "data_licence" and hint:  # which licences credcat knows by id
        return f"{message} ({printable(str(hint))})"
    guess = _guess(field, value) if isinstance(value, str) else None
    return message + (f" (did you mean '{guess}'?)" if guess else "")


def _known(field: str, value: str) -> bool:
    vocabulary = "country" if field == "country" else "language"
    return vocab.lookup(vocabulary, value) is not None


def _guess(field: str, value: str) -> str | None:
    """The language or country code a name or a near miss stands for (``english`` → ``en``,
    ``Deutschland`` → ``DE``): as ``credcat check`` guesses it in the files, from the names
    CLDR gives it in every language."""
    if field not in {"languages", "default_language", "country"}:
        return None
    return vocab_guess("country" if field == "country" else "language", value)


def _one_line(option: str, value: str) -> None:
    if not value.strip() or any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in value):
        raise ScaffoldError(f"--{option} must be one line of text without control characters")


def init_plan(options: InitOptions) -> dict[str, str]:
    """The files of a new catalogue repository, by relative path.

    Raises:
        ScaffoldError: When an option is not valid (a bad URL, language or id).
    """
    settings = _check_options(options)
    languages = [settings.default_language] + [
        lang for lang in settings.languages if lang != settings.default_language
    ]
    # the default title, in the catalogue's languages; the default language's on its pages
    titled = {InitOptions.title: DEFAULT_TITLES} if options.title == InitOptions.title else None
    title = DEFAULT_TITLES.get(languages[0], options.title) if titled else options.title
    values = {
        # inside a T"…" marker a double quote would end it: carried as QUOTE, put back there
        "title": options.title.replace('"', QUOTE),
        "title_json": double_quoted(title),
        "title_md": title.replace("\n", " "),
        "site_url": settings.base_uri,
        "base_uri_example": EXAMPLE_MARK if options.base_url is None else "",
        "default_language": settings.default_language,
        "languages": ", ".join(languages),
        "publisher": options.publisher,
        "publisher_name": _name(options).replace('"', QUOTE),
        "name_example": EXAMPLE_MARK if options.publisher_name is None else "",
        "homepage": options.homepage or settings.base_uri,
        "homepage_example": EXAMPLE_MARK if options.homepage is None else "",
        "kind": options.kind or EXAMPLE_KIND,
        "kind_example": EXAMPLE_MARK if options.kind is None else "",
        "country": options.country or EXAMPLE_COUNTRY,
        "country_example": EXAMPLE_MARK if options.country is None else "",
        "data_licence": settings.data_licence or EXAMPLE_LICENCE,
        "licence_example": EXAMPLE_MARK if options.data_licence is None else "",
        "version": __version__,
    }
    values.update(_nav_values(languages))
    cat = "catalogue"
    plan = {
        "mkdocs.yml": _fill(_template("mkdocs.yml"), values),
        **_pages(
            languages, values, {"en": InitOptions.title, **DEFAULT_TITLES} if titled else None
        ),
        "README.md": _fill(_template("README.md"), values),
        ".gitignore": _template("gitignore"),
        ".github/workflows/catalogue.yml": _fill(_template("github/catalogue.yml"), values),
        ".gitlab-ci.yml": _fill(_template("gitlab-ci.yml"), values),
        ".pre-commit-config.yaml": _template("pre-commit-config.yaml"),
        f"{cat}/{CATALOGUE_FILE}": _texts(
            _fill(_template("catalogue.yaml"), values), languages, titled
        ),
        f"{cat}/{ORGANISATIONS_DIR}/{options.publisher}.yaml": _aligned(
            _texts(_fill(_template("organisation-publisher.yaml"), values), languages)
        ),
        f"{cat}/{CREDENTIALS_DIR}/{EXAMPLE_CREDENTIAL}.yaml": _texts(
            _fill(_template("credential-example.yaml"), values),
            languages,
            yaml.safe_load(_template("example-texts.yaml")),
        ),
    }
    for name, text in render_schemas().items():
        plan[f"schemas/{name}"] = text
    return plan


NAV_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "catalogue": "Catalogue",
        "pathways": "Pathways",
        "organisations": "Organisations",
        "check": "Check a credential",
        "how": "How to read a credential",
        "data": "Data",
    },
    "de": {
        "home": "Startseite",
        "catalogue": "Katalog",
        "pathways": "Lernpfade",
        "organisations": "Organisationen",
        "check": "Nachweis prüfen",
        "how": "Einen Nachweis lesen",
        "data": "Offene Daten",
    },
    "fr": {
        "home": "Accueil",
        "catalogue": "Catalogue",
        "pathways": "Parcours",
        "organisations": "Organisations",
        "check": "Vérifier un microcertificat",
        "how": "Lire un microcertificat",
        "data": "Données ouvertes",
    },
    "it": {
        "home": "Pagina iniziale",
        "catalogue": "Catalogo",
        "pathways": "Percorsi",
        "organisations": "Organizzazioni",
        "check": "Verifica di una microcredenziale",
        "how": "Come leggere una microcredenziale",
        "data": "Dati aperti",
    },
    "es": {
        "home": "Inicio",
        "catalogue": "Catálogo",
        "pathways": "Itinerarios",
        "organisations": "Organizaciones",
        "check": "Comprobar una microcredencial",
        "how": "Cómo leer una microcredencial",
        "data": "Datos abiertos",
    },
    "pt": {
        "home": "Início",
        "catalogue": "Catálogo",
        "pathways": "Percursos",
        "organisations": "Organizações",
        "check": "Verificar uma microcredencial",
        "how": "Como ler uma microcredencial",
        "data": "Dados abertos",
    },
    "nl": {
        "home": "Startpagina",
        "catalogue": "Catalogus",
        "pathways": "Leerroutes",
        "organisations": "Organisaties",
        "check": "Microcredential controleren",
        "how": "Een microcredential lezen",
        "data": "Open data",
    },
}
"""The titles of the navigation ``init`` writes, in the languages its hand-written pages are
written in (credcat's own pages are titled by credcat in every language)."""

HAND_WRITTEN = ("home", "how", "data")
"""The pages of :data:`NAV_TITLES` that are the catalogue's own (``docs/``), whose titles in
the other languages ``nav_translations`` gives."""


def _nav_values(languages: list[str]) -> dict[str, str]:
    """The navigation's titles in the default language (English where ``init`` has none) and
    their translations into the catalogue's other languages it has them in."""
    default = languages[0]
    titles = NAV_TITLES.get(default, NAV_TITLES["en"])
    values = {f"nav_{key}": double_quoted(title) for key, title in titles.items()}
    others = [lang for lang in languages[1:] if lang in NAV_TITLES and NAV_TITLES[lang] != titles]
    lines = []
    if others:
        lines.append("      # the titles nav gives the pages in docs/, in the other languages")
        lines.append("      nav_translations:")
        for lang in others:
            pairs = ", ".join(
                f"{double_quoted(titles[key])}: {double_quoted(NAV_TITLES[lang][key])}"
                for key in HAND_WRITTEN
            )
            lines.append(f"        {lang}: {{{pairs}}}")
    values["nav_translations"] = "".join(f"{line}\n" for line in lines)
    return values


def _pages(
    languages: list[str], values: dict[str, str], titles: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The hand-written pages: the home page in every catalogue language ``init`` has one in
    (``index.<lang>.md`` beside ``index.md``), and the guides for learners and employers
    (how to read a credential; the data files), in each catalogue language credcat has them
    translated into (``how-to-read.<lang>.md``, the default language's as ``how-to-read.md``)
    and in English where the default language has none: then their front matter says so
    (``lang: en``). ``titles``: the catalogue's title in each language (the default title,
    :data:`DEFAULT_TITLES`), each home page's heading in its own."""
    default = languages[0]
    english = "---\nlang: en\n---\n\n" if default != "en" else ""
    # the language the default home page is written in: its own where init has it, else English
    home = default if default in NAV_TITLES else "en"

    def page(written_in: str) -> str:
        """The home page written in ``written_in``, from its template; the catalogue's title
        in its heading is in the default language, and says so where the page is written in
        another (``# Mikrocertifikáty {: lang="cs" }``, attr_list)."""
        name = "docs/index.md" if written_in == "en" else f"docs/index.{written_in}.md"
        if titles is not None and written_in in titles:
            own = {"title_md": titles[written_in], "title_attr": ""}
            return _fill(_template(name), {**values, **own})
        attr = f' {{: lang="{default}" }}' if written_in != default else ""
        return _fill(_template(name), {**values, "title_attr": attr})

    pages = {"docs/index.md": (english if home == "en" else "") + page(home)}
    for lang in languages[1:]:
        if lang in NAV_TITLES:
            pages[f"docs/index.{lang}.md"] = page(lang)
    for stem in ("how-to-read", "data"):  # as they are: their examples hold '@'
        written = [lang for lang in languages if _has_template(f"docs/{stem}.{lang}.md")]
        if default in written:  # the guide in the default language, and in English beside it
            pages[f"docs/{stem}.md"] = _template(f"docs/{stem}.{default}.md")
            if "en" in languages:
                pages[f"docs/{stem}.en.md"] = _template(f"docs/{stem}.md")
        else:
            pages[f"docs/{stem}.md"] = english + _template(f"docs/{stem}.md")
        for lang in written:
            if lang != default:
                pages[f"docs/{stem}.{lang}.md"] = _template(f"docs/{stem}.{lang}.md")
    return pages


def init_catalogue(folder: Path, options: InitOptions) -> list[Path]:
    """Create a new catalogue repository in ``folder`` (new, or empty).

    Returns:
        The files written, in order.

    Raises:
        ScaffoldError: When ``folder`` holds anything, is not a folder, or an option is not
            valid. Nothing is written then.
    """
    plan = init_plan(options)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ScaffoldError(f"{folder} is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise ScaffoldError(
            f"{folder} is not empty: credcat init starts a new catalogue in a new or empty folder"
        )
    written = []
    for rel, text in plan.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
    return written


KINDS = {
    "credential": (CREDENTIALS_DIR, "credential-new.yaml"),
    "organisation": (ORGANISATIONS_DIR, "organisation-new.yaml"),
}


def new_file(kind: str, ident: str, catalogue: Path) -> Path:
    """Write an annotated new credential or organisation file into a catalogue.

    Every required field and the common optional ones are there, in the catalogue's languages,
    with ``TODO(new)`` placeholders that ``credcat check`` refuses until they are replaced; no
    value is copied from another file.

    Returns:
        The path of the new file.

    Raises:
        ScaffoldError: When the id is not an id, the catalogue cannot be read, or the file
            exists.
    """
    folder, template = KINDS[kind]
    if not is_id(ident):
        raise ScaffoldError(
            f"{printable(ident)!r} is not an id: write lowercase words joined by hyphens "
            "(it becomes the file name and part of every address), e.g. data-literacy"
        )
    settings = _catalogue_settings(catalogue)
    languages = _catalogue_languages(settings)
    path = catalogue / folder / f"{ident}.yaml"
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{path} exists: choose another id, or edit that file")
    values = {"default_language": languages[0]}
    if kind == "credential":
        values["nqf_line"] = _nqf_line(_publisher_country(catalogue, settings))
    text = _texts(_fill(_template(template), values), languages)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def _nqf_line(country: str | None) -> str:
    """The commented ``nqf:`` line of a new credential: a level of the national framework of
    the publisher's country (``# nqf: NLQF Level 4``, with the framework's levels), where
    credcat knows one, else a German example."""
    frameworks = vocab.nqf_own_levels([country] if country else [])
    if not frameworks:
        return "# nqf: DQR Level 6                  # the level in your national framework, if any"
    levels = frameworks[0]
    example = next((label for label in levels if label.endswith(" Level 4")), levels[0])
    ranges = vocab.nqf_ranges(frameworks, quote="")
    return f"# nqf: {example}".ljust(36) + f"# the level in your national framework ({ranges})"


def _publisher_country(catalogue: Path, settings: dict[str, Any]) -> str | None:
    """The country of the catalogue's publisher (``settings``: ``catalogue.yaml`` as
    :func:`_catalogue_settings` read it), read from its organisation file; ``None`` where a
    file cannot tell it (the check says why, not ``new``)."""
    publisher = settings.get("publisher")
    if not isinstance(publisher, str) or not is_id(publisher):
        return None
    source = catalogue / ORGANISATIONS_DIR / f"{publisher}.yaml"
    if not source.is_file():
        return None
    organisation, _ = load_yaml(source, str(source))
    data = organisation.data if organisation is not None else None
    country = data.get("country") if isinstance(data, dict) else None
    return country if isinstance(country, str) else None


def _catalogue_settings(catalogue: Path) -> dict[str, Any]:
    """``catalogue.yaml`` of the catalogue folder, as loaded (not validated: ``new`` writes a
    file the check then reads).

    Raises:
        ScaffoldError: When it is not there, or is not a mapping of settings.
    """
    source = catalogue / CATALOGUE_FILE
    if not source.is_file():
        raise ScaffoldError(
            f"{source} not found: run credcat new in the folder above catalogue/, or name the "
            "catalogue folder with --catalogue"
        )
    document, problems = load_yaml(source, str(source))
    if document is None or not isinstance(document.data, dict):
        raise ScaffoldError(
            "\n".join(p.format() for p in problems) or f"{source}: not a catalogue file"
        )
    return document.data


def _catalogue_languages(settings: dict[str, Any]) -> list[str]:
    """The catalogue's languages, the default first (``settings``: ``catalogue.yaml``)."""
    default = settings.get("default_language", "en")
    languages = settings.get("languages") or [default]
    if isinstance(languages, str):
        languages = [languages]
    ordered = [str(default)] + [str(lang) for lang in languages if lang != default]
    return [lang for lang in ordered if re.fullmatch(r"[a-z]{2,3}", lang)] or ["en"]
