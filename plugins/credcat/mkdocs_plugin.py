"""The MkDocs adapter: the only module of credcat that imports MkDocs.

Event by event (MkDocs 1.6):

Every catalogue language is published in one build (:mod:`credcat.languages`): the default
language at the site root, every other under ``<lang>/``, with its own pages, navigation,
``site_name``, Material UI strings, ``<html lang>`` and search index; hand-written pages are
translated as ``page.<lang>.md`` beside ``page.md`` (an untranslated page is copied into the
language's folder, marked as being in the default language and left out of its search).

* ``on_startup`` — remember whether this is ``mkdocs serve``; under serve, start what rebuilds
  keep (:class:`~credcat.validate.LoadCache`, :class:`~credcat.cache.FileStore` in a temporary
  folder, compiled templates); ``on_shutdown`` removes them.
* ``on_config`` — load and validate the catalogue once per build, *before* MkDocs empties the
  site folder: an invalid catalogue raises :class:`~mkdocs.exceptions.PluginError` naming every
  ``file:line:column`` and nothing is written. Under ``mkdocs serve`` only, an invalid catalogue
  is logged instead and the site is built from the last good catalogue, every page (and
  ``404.html``) with a panel of the problems first in its body, which says that the pages and
  the machine-readable files are those of the last valid catalogue (a page made from a file
  with errors says so first); where no catalogue was valid yet, every page is a page of the
  problems instead (``on_post_page``, ``on_post_template``, :mod:`credcat.render.site.problems`).
  The build ends, so the browser reloads and shows the problems, and reloads again when the
  file is fixed. A build with problems reuses and keeps nothing (:meth:`CredcatPlugin._keys`),
  so no page with the panel is moved back from the store once the files are fixed. Each
  warning problem becomes a MkDocs warning (so ``--strict`` fails on it); problems quote values
  from the YAML, so they are logged through :meth:`~credcat.errors.Problem.format`, which
  escapes control characters. Sets
  ``site_name`` from the catalogue title and the theme language from the catalogue's default
  language (Material's English UI strings where it has none, e.g. ``ga``, ``mt``); turns on the
  language switch; warns when ``site_url`` and the catalogue's ``base_uri`` differ. Without a
  ``repo_url``, the header shows the catalogue's publisher (name and homepage) where Material
  shows the repository.
* ``on_files`` — add a virtual Markdown stub per generated listing page (organisations, the
  catalogue, the pathways, the "Check a credential" and compare pages); list the pages credcat
  renders itself (every credential at its current and versioned URLs, and the summaries: not
  MkDocs pages, see ``on_post_build``) and the data files (``catalogue.json`` and the
  machine-readable files), known to MkDocs by path only (:class:`GeneratedFiles`: links to
  them resolve, but MkDocs holds no ``File`` for each), refusing to overwrite a file that
  already exists in ``docs/``; move ``page.<lang>.md`` to ``<lang>/page.md`` and copy each
  untranslated hand-written page into every other language's folder.
* ``on_nav`` — one navigation per language (the configured ``nav`` with each page replaced by
  its counterpart), and the address of every page (each page's alternates in other languages
  are those of its counterparts that exist; the sitemap renders before any page).
* ``on_page_markdown`` — title (escaped: Material prints titles unescaped), canonical URL from
  ``base_uri``; the edit link to the YAML file only with the ``edit_links`` option (off by
  default: public pages, hand-written ones included, have no edit link).
* ``on_page_content`` — the note of a hand-written page shown untranslated (generated pages
  get their body later, so a build never holds every body at once).
* ``on_env`` — autoescape every ``credcat/`` template rendered by Material's environment;
  put the theme's navigation and search box behind a wrapper, so that credcat's own pages that
  show the same render each once (:meth:`CredcatPlugin._slots`);
  write ``sitemap.xml`` and its gzip copy, every page with its alternates (``hreflang``), entry
  by entry, and take it off the theme's templates (rendered from a template, 90,000 entries
  would be one text); a ``lastmod`` only where credcat knows when the page last changed (a
  version's permanent page: its release date), never the build's date.
* ``on_page_context`` (before the search plugin) — render the page body with the templates in
  ``credcat/theme/credcat/`` from the typed context built by :mod:`credcat.render.site.pages`,
  in an environment of credcat's own with autoescape on and Jinja's ``StrictUndefined`` (a
  missing key or a typo in a credcat template fails the build); set the page's table of
  contents and description; hand the context to the page template (``<head>`` links); the page
  language, its alternates (language switch), and for a language other than the default its
  navigation, its ``config`` (``site_name``) and its ``base_url`` (Material's search loads
  ``<lang>/search/search_index.json`` relative to it). For a current credential page, a
  listing or an organisation, the search plugin then indexes a compact stand-in of the body
  (:mod:`credcat.render.site.search`); ``on_page_context`` after the search plugin puts the
  body back.
* ``on_post_page`` — drop a generated page's body once rendered (MkDocs keeps every page);
  name credcat's search worker, which folds accents, in Material's ``__config``
  (:func:`credcat.render.site.search.with_own_worker`; ``on_post_template`` for the 404 page).
* ``on_pre_build`` — under serve, move the previous build's credential folders aside before
  MkDocs empties the site folder.
* ``on_post_build`` (before the search plugin) — render the credential pages and summaries as
  MkDocs renders a page, and write the data files, in chunks, in worker processes where there are
  cores and the site's only plugins are search and credcat, or where ``CREDCAT_JOBS`` asks for
  them (:func:`credcat.pool.run_units`; one process under ``mkdocs serve``); under serve, a
  credential whose key is unchanged gets its folders back instead. After the search plugin: split
  the search index by language, each with the stemmer of its language (English where lunr has
  none).
* ``on_serve`` — watch the catalogue folder (its own translations of the interface,
  ``locales/<lang>.po``, are in it: an edit rebuilds, and changes every key, see ``_salt``).
* ``on_post_build`` (last of all plugins) — under ``mkdocs build`` and ``gh-deploy``, swap the
  staged site in (see below).
* ``on_build_error`` — remove what the failed build wrote: no partial site, and under ``mkdocs
  build`` the previous site is left as it was.

**A failed build leaves the previous site in place.** MkDocs writes straight into
``site_dir``. Under ``mkdocs build`` and ``mkdocs gh-deploy`` (not ``--dirty``), ``on_config``
points ``site_dir`` at a new hidden staging folder inside it (``.credcat-staging-…``); MkDocs
builds there, and ``on_post_build``, run after every other plugin's, moves it into place of
the previous site (keeping the previous site's dot-files) only when nothing failed (under
``--strict``, only when no warning was logged, since MkDocs counts them only after
``on_post_build``), then points ``site_dir`` back. Any
error, in a template, a plugin or MkDocs itself, removes the staging folder and leaves the
previous site untouched. ``mkdocs serve`` builds in place, as before.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import gzip
import hashlib
import itertools
import json
import logging
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

import jinja2
import mkdocs.utils
import mkdocs.utils.meta
import yaml
from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import (
    CountHandler,
    clean_directory,
    get_build_date,
    get_build_timestamp,
    normalize_url,
    write_file,
)
from mkdocs.utils.templates import TemplateContext

from .cache import FileStore, catalogue_salt, credential_keys, serve_store, tree_stamps
from .catalogue import Archive, Catalogue
from .clock import today
from .errors import CatalogueError, Problem, counted, printable
from .languages import (
    LANGUAGE_TAG,
    Alternate,
    SiteLanguages,
    language_name,
    og_locale,
    search_language,
    search_line,
    split_search_index,
    theme_language,
)
from .output import OutputError
from .parallel import DataJob, DataPaths, Written, data_units, entry_memo, run_data_unit
from .pool import JobsError, WorkerError, jobs, run_units
from .render.language import in_span, is_fallback, lang_attributes, lang_of, localise
from .render.safe import html_text, json_for_script, xml_text
from .render.site.catalogue import list_page_inputs
from .render.site.common import licence_line
from .render.site.context import CredentialContext, PageContext, PageSpec
from .render.site.credential import (
    PARTS,
    VERSION_PARTS,
    page_context,
    shared_context,
    unfilled,
)
from .render.site.credential import fill as fill_shared
from .render.site.locales import LOCALES_DIR, read_own
from .render.site.localise import cldr_locale, fill, ui_strings
from .render.site.messages import (
    interface_language,
    plural_data,
    untranslated_note,
    use_own_translations,
)
from .render.site.organisation import organisation_page_inputs
from .render.site.pages import Pages
from .render.site.problems import problems_page, problems_panel, with_panel
from .render.site.search import search_body, with_own_worker
from .render.site.written import WrittenPage, WrittenParts, mark_contents, same_language
from .urls import Urls
from .validate import LoadCache, load_catalogue

__all__ = ["CredcatConfig", "CredcatPlugin"]

log = get_plugin_logger(__name__)

THEME_DIR = str(Path(__file__).resolve().parent / "theme")
"""credcat's templates (``credcat/``, Material partial overrides) and assets, shipped in the
package and added to the theme by :meth:`CredcatPlugin.on_config`."""
CREDCAT_CSS = "assets/credcat/credcat.css"
_H1 = re.compile(r'<h1 id="([^"]+)"[^>]*>(.*?)</h1>', re.S)
"""The title heading of a page credcat renders, with its id."""
CREDCAT_JS = "assets/credcat/site.js"
"""The script every page loads (the navigation drawer opened by keyboard)."""

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "[::1]", "::1"}  # noqa: S104 - compared only


class CredcatConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the ``credcat`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Generate the catalogue pages and files; ``false`` leaves only the hand-written pages."""

    catalogue_dir = c.Dir(exists=True, default="catalogue")
    """Folder that holds ``catalogue.yaml``, relative to ``mkdocs.yml`` (or absolute); it must
    exist (MkDocs reports a missing folder as a configuration error)."""
    catalogue_site_name = c.Type(bool, default=True)
    """Use the catalogue's title (in the site language) as ``site_name``."""

    edit_catalogue_uri = c.Optional(c.Type(str))
    """Edit-link base for the catalogue folder, relative to ``repo_url`` (e.g.
    ``edit/main/catalogue/``). Default: derived from MkDocs' ``edit_uri`` and where the catalogue
    folder lies relative to ``docs_dir``."""

    machine_files = c.Type(bool, default=True)
    """Publish the machine-readable files beside each credential and ``catalogue.jsonld``."""

    edit_links = c.Type(bool, default=False)
    """Edit links (Material's pencil) to the YAML file on generated pages and to the Markdown
    of hand-written pages. Off: a public page has none. On, for a maintainers' preview
    (``edit_links: !ENV [CREDCAT_EDIT_LINKS, false]`` in ``mkdocs.yml``, then
    ``CREDCAT_EDIT_LINKS=true mkdocs serve``): needs ``repo_url``; credcat turns on Material's
    ``content.action.edit`` itself."""

    publisher_in_header = c.Type(bool, default=True)
    """When ``mkdocs.yml`` has no ``repo_url``, show the catalogue's publisher (its name and
    homepage) where Material shows the repository, at the top right of every page."""

    nav_translations = c.Type(dict, default={})
    """Titles of ``nav`` in other languages, by the title ``nav`` gives: ``{de: {Maintainers:
    Für Betreuende}}``. For sections, and for hand-written pages, whose title it is in that
    language (as ``nav``'s title is in the default language; an untranslated page is shown
    in the default language under it, with a note). A page not named here is titled by its
    own heading; credcat's own pages are titled in every language its interface speaks, and
    in the others by ``nav`` (the default language) or by this (the others) where they name
    them, else in credcat's English. The default language is not one of these."""


class CredcatPlugin(BasePlugin[CredcatConfig]):  # type: ignore[no-untyped-call]
    """Builds the catalogue website from a folder of YAML micro-credential descriptions."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command = "build"
        self._last_good: Catalogue | None = None  # under serve: shown while the YAML is broken
        self._dirty = False
        self._load_cache: LoadCache | None = None  # under serve: files of the last load
        self._store: FileStore | None = None  # under serve: pages and files of the last build
        self._bytecode: _Bytecode | None = None  # under serve: templates compiled once
        self._bodies: dict[str, tuple[str, str]] = {}  # under serve: listing bodies, see _body
        self._last_bodies: dict[str, tuple[str, str]] = {}  # ... of the previous build
        # under serve: listing pages by the key of what they show (_listing_key)
        self._listings: dict[str, tuple[str, PageContext, str]] = {}
        self._last_listings: dict[str, tuple[str, PageContext, str]] = {}
        # under serve: sitemap entries by (address, date, url), while what else an entry says
        # (the site's address, its languages, the pages that exist) stays the same
        self._sitemap: tuple[object, dict[tuple[str, str, str], str]] = (None, {})
        self._warnings: CountHandler | None = None  # --strict: counted until staging starts
        self._written = WrittenParts()  # the languages of a hand-written page's parts
        self._reset()

    def _reset(self) -> None:
        self.catalogue: Catalogue | None = None
        self.urls: Urls | None = None
        self.pages: Pages | None = None
        self.languages: SiteLanguages | None = None
        self.pages_by_lang: dict[str, Pages] = {}
        self._theme_langs: dict[str, str] = {}
        self._site_names: dict[str, tuple[str, str]] = {}
        self._navs: dict[str, Navigation] = {}
        self._configs: dict[str, MkDocsConfig] = {}
        self._urls: set[str] = set()  # every page's url, "" for the home page
        self._sources: dict[str, str] = {}
        self._fallbacks: set[str] = set()
        self._copies: dict[str, str] = {}  # an untranslated page's copy: its url -> original's
        self._nav_titles: dict[str, str] = {}  # a page's title from nav_translations
        self._untranslated: set[str] = set()  # section titles a language's nav keeps as nav says
        self._bad_langs: set[str] = set()  # the sources whose lang: was said to be wrong
        self._permalink_class = "headerlink"  # toc's class of the permanent link of a heading
        self._permalink_given: str | None = None  # toc's permalink_title, if mkdocs.yml sets it
        self._declared: dict[str, object] = {}  # a hand-written page's lang:, once linked to
        self._root: Path | None = None
        self._specs: dict[str, PageSpec] = {}
        # the body a credential's main page and its current version's page share in one
        # language, while that credential's pages render: (language, id), context, body
        self._shared_body: tuple[tuple[str, str], CredentialContext | None, str] | None = None
        self._env: jinja2.Environment | None = None
        self._site_dir: str | None = None
        self._site_touched = False
        self._problems: tuple[Problem, ...] = ()  # under serve: why every page is an error page
        self._staging: Staging | None = None
        self._data_job: DataJob | None = None  # the data files, written by on_post_build
        self._own_on = False  # whether this build renders credcat's own pages (_own_specs)
        self._own_last: tuple[str, frozenset[str]] = ("", frozenset())  # see _own_paths
        self._files: Files | None = None
        self._doc_files: Sequence[File] | None = None
        self._nav: Navigation | None = None
        self._theme_env: jinja2.Environment | None = None
        self._kept_html: dict[tuple[object, ...], str] = {}  # see _slots
        self._nav_targets: dict[int, tuple[str, ...]] = {}  # see _slots
        self._kept_slots: frozenset[str] = frozenset()  # see _slots
        self._share_bodies = False  # see _shared_credential_body
        self._full_content: str | None = None  # a page body while search indexes its stand-in
        self._spool: IO[str] | None = None  # credcat's pages' search entries (_spool_entries)
        self._site_salt: str | None = None  # under serve: see _salt
        self._listings_kept = 0  # under serve: listing pages kept from the previous build
        self._every_key: str | None = None  # under serve: every credential's key, one text
        self._credential_keys: dict[str, str] | None = None  # under serve: see _keys

    # lifecycle --------------------------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember the command (the plugin instance then persists across serve rebuilds)."""
        self._command = command
        self._last_good = None
        self._dirty = dirty
        self.on_shutdown()
        if command == "serve":
            self._load_cache = LoadCache()
            self._store = serve_store()
            self._bytecode = _Bytecode()

    def on_shutdown(self) -> None:
        """Remove what ``mkdocs serve`` kept between rebuilds."""
        self._load_cache = None
        self._bytecode = None
        self._bodies, self._last_bodies = {}, {}
        self._listings, self._last_listings = {}, {}
        self._sitemap = (None, {})
        store, self._store = self._store, None
        if store is not None:
            store.close()

    @event_priority(100)  # before every other plugin's on_config: its warnings count too
    def _on_config_early(self, config: MkDocsConfig) -> None:
        """Under ``mkdocs build --strict``: count the warnings from here on, as MkDocs does,
        so that one logged while the configuration is made (a catalogue's warnings, another
        plugin's) keeps the previous site (:class:`Staging`)."""
        self._stop_counting()
        if self.config.enabled and config.strict and self._stages():
            self._warnings = CountHandler()
            self._warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._warnings)

    def _stop_counting(self) -> None:
        warnings, self._warnings = self._warnings, None
        if warnings is not None:
            logging.getLogger("mkdocs").removeHandler(warnings)

    def _stages(self) -> bool:
        """Whether this build is staged (:class:`Staging`): ``mkdocs build`` or ``gh-deploy``,
        not ``--dirty``."""
        return self._command in {"build", "gh-deploy"} and not self._dirty

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load the catalogue (errors stop the build before anything is written)."""
        self._reset()
        self._last_bodies, self._bodies = self._bodies, {}
        self._last_listings, self._listings = self._listings, {}
        if not self.config.enabled:
            return config
        self._site_dir = config.site_dir
        try:
            jobs()  # a mistaken CREDCAT_JOBS stops the build before anything is written
        except JobsError as exc:
            raise PluginError(f"credcat: {exc}") from exc
        if not config.use_directory_urls:
            raise PluginError(
                "credcat: set 'use_directory_urls: true' in mkdocs.yml; credential pages live "
                "at permanent addresses such as credentials/<id>/"
            )
        project = Path(config.config_file_path or ".").resolve().parent
        root = (project / self.config.catalogue_dir).resolve()
        self._root = root
        self._shown = str(
            root.relative_to(project).as_posix() if root.is_relative_to(project) else root
        )
        # the catalogue's own translations of the interface, before any string is made (a
        # changed file under serve: strings made from the earlier one are forgotten)
        use_own_translations(read_own(root, f"{self._shown}/{LOCALES_DIR}/"))
        try:
            # a build renders the credentials one by one: their models stay packed until then
            catalogue = load_catalogue(
                root, display_root=project, cache=self._load_cache, packed=True
            )
        except CatalogueError as error:
            last_good = self._catalogue_error(error)  # raises PluginError unless serving
            if last_good is None:
                _quiet_missing_pages(config)
                return config
            catalogue = last_good
        else:
            for problem in catalogue.warnings:  # and notes, which fail no strict build
                (log.warning if problem.is_warning else log.info)(problem.format(level=False))
            catalogue = catalogue.without_documents()  # validated: from here on only rendered
            self._last_good = catalogue

        settings = catalogue.settings
        lang = settings.default_language
        self.catalogue = catalogue
        self.urls = Urls.of(settings)
        self.languages = SiteLanguages.of(lang, settings.languages)
        note = untranslated_note(self.languages.all)
        if note and self._command != "serve":  # said once; not a warning (nothing to mend here)
            log.info(note)
        if lang in self.config.nav_translations:
            log.warning(
                "nav_translations: %s is the catalogue's default language, whose titles are "
                "those nav gives; write them in nav instead (nav_translations titles the "
                "other languages)",
                printable(lang),
            )
        self.pages_by_lang = {
            code: Pages(catalogue, self.urls, code, machine_files=self.config.machine_files)
            for code in self.languages.all
        }
        self.pages = self.pages_by_lang[lang]

        for code in self.languages.all:
            name = config.site_name
            if self.config.catalogue_site_name:
                name = html_text(localise(settings.title, code, settings.languages))
            description = config.site_description or ""
            if not config.site_description and settings.description:
                description = html_text(localise(settings.description, code, settings.languages))
            self._site_names[code] = (name, description)
        config.site_name, description = self._site_names[lang]
        if description:
            config.site_description = description
        self._add_theme(config)
        extensions: list[Any] = config.markdown_extensions  # names, and this instance
        if self._written not in extensions:  # a new config at each serve rebuild
            extensions.append(self._written)
        toc = config.mdx_configs.get("toc") or config.mdx_configs.get("markdown.extensions.toc")
        toc = toc if isinstance(toc, dict) else {}
        self._permalink_class = str(toc.get("permalink_class") or "headerlink")
        given = toc.get("permalink_title")  # the maintainer's: theirs, in the default language
        self._permalink_given = str(given) if given is not None else None
        self._header_and_edit_links(config)
        dirs = list(config.theme.dirs)
        self._theme_langs = {code: theme_language(code, dirs) for code in self.languages.all}
        config.theme["language"] = self._theme_langs[lang]
        config.extra["credcat_language"] = lang
        config.extra["credcat_theme_language"] = dict(self._theme_langs)
        # Material's footer says "Made with" in English whatever the page language
        config.extra["credcat_made_with"] = {
            code: str(ui_strings(code)["footer_made_with"]) for code in self.languages.all
        }
        config.extra["credcat_interface_language"] = {
            code: interface_language(code) for code in self.languages.all
        }
        # every page's footer names the licence of the data, where catalogue.yaml names one
        config.extra["credcat_data_licence"] = {
            code: licence_line(catalogue, code) for code in self.languages.all
        }
        if self.languages.others:
            config.extra["alternate"] = True  # truthy: the header's switch; no <link hreflang>
        self._check_site_url(config, settings.base_uri)
        if self._stages():
            self._staging = Staging.start(config, self._warnings)
            if self._staging is None:  # built in place: nothing to keep, nothing to count
                self._stop_counting()
            self._warnings = None  # the staging counts them now, and removes the counter
        return config

    on_config = CombinedEvent(_on_config_early, _on_config)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve``: before MkDocs empties the site folder, move the previous
        build's credential pages and files aside (:class:`~credcat.cache.FileStore`)."""
        if self._store is not None:
            self._store.reclaim(Path(config.site_dir))

    def _add_theme(self, config: MkDocsConfig) -> None:
        """Put credcat's templates and assets under the site's ``custom_dir``, above the theme's.

        A site overrides any credcat template or style by putting a file of the same path in its
        own ``custom_dir``; credcat's stylesheet and script come first in ``extra_css``, so a
        site's stylesheets override it.
        """
        dirs = config.theme.dirs
        if THEME_DIR not in dirs:
            custom = getattr(config.theme, "_custom_dir", None)
            dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, THEME_DIR)
        if CREDCAT_CSS not in config.extra_css:
            config.extra_css.insert(0, CREDCAT_CSS)
        if not any(str(script) == CREDCAT_JS for script in config.extra_javascript):
            script = c.ExtraScriptValue(CREDCAT_JS)
            script.defer = True
            config.extra_javascript.insert(0, script)

    def _catalogue_error(self, error: CatalogueError) -> Catalogue | None:
        """Report an invalid catalogue: a PluginError, or under serve the last good catalogue.

        Under ``mkdocs serve`` a failed build leaves the browser waiting until it times out, so
        the problems are logged, kept for the error pages, and the build goes on with the last
        catalogue that was valid (None when there was none yet).
        """
        for problem in error.problems:
            if not problem.is_error:
                (log.warning if problem.is_warning else log.info)(problem.format(level=False))
        errors = [p.format() for p in error.problems if p.is_error]
        head = f"{counted(len(errors), 'error')} in the catalogue {self._shown}/"
        if self._command != "serve":
            raise PluginError(f"credcat: {head}:\n" + "\n".join(errors)) from None
        # the plugin's logger says "credcat: " itself
        shown = "the browser shows them until they are fixed"
        if self._last_good is not None:
            shown += (
                ", above the pages and beside the machine-readable files of the catalogue as it "
                "last was valid"
            )
        log.error(f"{head} ({shown}):\n" + "\n".join(errors))
        self._problems = error.problems
        return self._last_good

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Drop a generated page's body once it is rendered (MkDocs keeps every page until
        the end of the build); name credcat's search worker (``with_own_worker``). Under
        serve, with an invalid catalogue: the panel of problems above the page
        (:meth:`_with_problems`)."""
        spec = self._specs.get(page.file.src_uri)
        if spec is not None:
            page.content = ""
            page.toc = TableOfContents([])
        output = with_own_worker(output)
        if not self._problems:
            return output
        lang = self.languages.language_of(page.file.src_uri) if self.languages else "en"
        return self._with_problems(output, lang, spec.source if spec is not None else "")

    def _with_problems(self, output: str, lang: str, source: str = "") -> str:
        """Under serve, with an invalid catalogue: a page of the catalogue as it last was valid
        with the problems above it (its own file's first, where it comes from one: ``source``,
        relative to the catalogue folder); while none was valid yet, the problems instead.

        Nothing here is kept for the next build: a build with problems reuses nothing and
        keeps nothing (:meth:`_keys`, :meth:`_body`), so a page with the panel is never moved
        back once the files are fixed."""
        folder = f"{self._shown}/"
        if self._last_good is None:
            return problems_page(self._problems, folder)
        page_file = f"{folder}{source}" if source else ""
        return with_panel(output, problems_panel(self._problems, folder, lang, page_file))

    def _not_found(self) -> list[dict[str, Any]]:
        """What the 404 page says: once in each language credcat's words are in on the site
        (the default language's first), with links to each language's home and catalogue.
        One 404 page serves every address of a static host, whatever its language. Where
        one block serves several languages (credcat's English for English and Polish), each
        pair of links is named by its language, so that "Home page" twice leads to two
        places that say which."""
        languages = self.languages or SiteLanguages.of("en", ())
        blocks: dict[str, dict[str, Any]] = {}
        for lang in languages.all:
            words = interface_language(lang)
            block = blocks.get(words)
            if block is None:
                ui = ui_strings(lang)
                block = blocks[words] = {
                    "lang": words,
                    "title": str(ui["not_found_title"]),
                    "text": str(ui["not_found_text"]),
                    "home_text": str(ui["not_found_home"]),
                    "catalogue_text": str(ui["not_found_catalogue"]),
                    "links": [],
                }
            prefix = languages.prefix(lang)
            block["links"].append(
                {"lang": lang, "name": "", "home": prefix, "catalogue": f"{prefix}catalogue/"}
            )
        for block in blocks.values():
            if len(block["links"]) > 1:
                for link in block["links"]:
                    link["name"] = language_name(link["lang"])
        return list(blocks.values())

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """The 404 page names credcat's search worker too (``with_own_worker``). Under serve,
        with an invalid catalogue, it lists the problems too (the address of a credential the
        last valid catalogue did not have leads there)."""
        if template_name != "404.html":
            return output_content
        output_content = with_own_worker(output_content)
        if not self._problems:
            return output_content
        lang = self.languages.default if self.languages else "en"
        return self._with_problems(output_content, lang)

    def _publisher_in_header(self, config: MkDocsConfig) -> Mapping[str, str] | None:
        """The publisher's name in every language, where the header shows it
        (:meth:`_header_and_edit_links`)."""
        if self.catalogue is None or not config.extra.get("credcat_publisher_in_header"):
            return None
        publisher = self.catalogue.organisations.get(self.catalogue.settings.publisher)
        return None if publisher is None else publisher.name

    @staticmethod
    def _publisher_link(
        name: Mapping[str, str], code: str, default: Sequence[str]
    ) -> dict[str, str]:
        """The header's link to the publisher's website on a page in ``code``, escaped: it shows
        the publisher's name; the words around it (``before``, ``after``, "{name} – website")
        are visually hidden, in ``lang`` where credcat's interface does not speak ``code``
        (WCAG 2.4.4: the organisation's own page in the catalogue is linked by its name), and
        the whole is its ``title``."""
        shown = localise(name, code, default)
        words = str(ui_strings(code)["header_publisher_link"])
        before, has_name, after = words.partition("{name}")
        if not has_name:  # a catalogue's own translation without the name: after it
            before, after = "", f" {words}"
        spoken = interface_language(code)
        return {
            "before": html_text(before),
            "after": html_text(after),
            "lang": "" if spoken == code else html_text(spoken),
            "title": html_text(before + shown + after),
        }

    def _header_and_edit_links(self, config: MkDocsConfig) -> None:
        """The publisher in the header (unless the site names a repository), and edit links
        only when the ``edit_links`` option asks for them."""
        assert self.catalogue is not None
        settings = self.catalogue.settings
        publisher = self.catalogue.organisations.get(settings.publisher)
        if self.config.publisher_in_header and not config.repo_url and publisher is not None:
            lang = settings.default_language
            config.repo_url = str(publisher.homepage)
            config.repo_name = html_text(localise(publisher.name, lang, settings.languages))
            config.extra["credcat_publisher_in_header"] = True  # partials/source.html
            config.extra["credcat_publisher_link"] = {
                code: self._publisher_link(publisher.name, code, settings.languages)
                for code in (self.languages.all if self.languages else [lang])
            }
            icon = config.theme.get("icon") or {}
            if isinstance(icon, dict) and not icon.get("repo"):
                config.theme["icon"] = {**icon, "repo": "material/domain"}
        features = config.theme.get("features")
        if isinstance(features, list):
            edit = "content.action.edit"
            if self.config.edit_links and edit not in features:
                features.append(edit)
            elif not self.config.edit_links and edit in features:
                features.remove(edit)

    def _check_site_url(self, config: MkDocsConfig, base_uri: str) -> None:
        site_url = config.site_url
        if not site_url or self._command == "serve":
            return
        parts = urlsplit(site_url)
        if parts.hostname and (
            parts.hostname in LOCAL_HOSTS or f"[{parts.hostname}]" in LOCAL_HOSTS
        ):
            return  # mkdocs serve (also with --clean) points site_url at the dev server
        if site_url.rstrip("/") + "/" != base_uri:
            log.warning(
                f"site_url in mkdocs.yml ({site_url}) differs from base_uri in catalogue.yaml "
                f"({base_uri}); identifiers in the machine-readable files use base_uri, so set "
                "site_url to the same address"
            )

    # files and pages --------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the generated pages and data files (never over an existing file)."""
        if not self.config.enabled or self.pages is None:
            return files
        self._site_touched = True
        assert self.catalogue is not None and self.urls is not None
        assert self.languages is not None
        new: list[File] = []
        for code, pages in self.pages_by_lang.items():
            for spec in pages.site_pages():  # a credential's pages: _own_specs
                self._specs[spec.src_uri] = spec
                inclusion = (
                    InclusionLevel.NOT_IN_NAV
                    if spec.kind in {"organisation", "check", "compare"}
                    or spec.number > 1
                    or code != self.languages.default
                    else InclusionLevel.UNDEFINED
                )
                front = yaml.safe_dump(_page_meta(spec), sort_keys=False)
                new.append(
                    File.generated(
                        config, spec.src_uri, content=f"---\n{front}---\n", inclusion=inclusion
                    )
                )

        self._own_on = True
        self._data_job = DataJob(
            self.catalogue,
            self.urls,
            Path(config.site_dir),  # the real folder is set when the files are written
            self.config.machine_files,
            (self.languages.default, *self.languages.others),
            paths={} if self._store is not None else None,
        )
        new += self._translated_pages(files, config)
        data = DataPaths(self._data_job)
        self._check_collisions(files, new, data)
        robots = robots_txt(config.site_url)
        if robots is not None and files.get_file_from_path(ROBOTS) is None:
            new.append(File.generated(config, ROBOTS, content=robots))
        for file in new:
            files.append(file)
        files = GeneratedFiles(
            files,
            config,
            own=lambda src_uri: self._is_own_page(src_uri.removesuffix("index.md")),
            data=data,
            folders=self.languages.others,
        )

        self._env = _strict_env(config.theme.get_env())
        if self._bytecode is not None:
            self._env.bytecode_cache = self._bytecode
        self._files = files
        self._tell_written_languages(files)
        return files

    def _own_specs(
        self, ids: Iterable[str] | None = None, *, titled: bool = True
    ) -> Iterator[PageSpec]:
        """The pages credcat renders itself (:data:`OWN_KINDS`), made as they are asked for,
        never all held (nine a version): those of the credentials ``ids`` (default: every
        one), one credential's pages together in every language, so that what they share
        (its QR code, its succession) is made once and let go of before the next one's.
        Without ``titled``, the pages have no title (:meth:`Pages.credential_pages`)."""
        if not self._own_on or self.catalogue is None:
            return
        for cid in self.catalogue.credentials if ids is None else ids:
            for pages in self.pages_by_lang.values():
                yield from pages.credential_pages(cid, titled=titled)

    def _own_paths(self, cid: str) -> frozenset[str]:
        """The addresses of credential ``cid``'s pages in every language (the last credential
        asked for is kept: pages and sitemap entries come one credential at a time)."""
        if self._own_last[0] != cid:
            paths = frozenset(spec.path for spec in self._own_specs([cid], titled=False))
            self._own_last = (cid, paths)
        return self._own_last[1]

    def _is_own_page(self, path: str) -> bool:
        """Whether ``path``, a page's address, is one of the pages credcat renders itself."""
        if not self._own_on or self.catalogue is None or self.urls is None:
            return False
        cid = self.urls.credential_of(path)
        if cid is None or cid not in self.catalogue.credentials:
            return False
        return path in self._own_paths(cid)

    def _page_exists(self, path: str) -> bool:
        """Whether this build has a page at ``path`` (``""``: the home page)."""
        return path in self._urls or self._is_own_page(path)

    def _translated_pages(self, files: Files, config: MkDocsConfig) -> list[File]:
        """Hand-written pages in every language: ``x.<lang>.md`` moves to ``<lang>/x.md``; a
        page without a translation is copied there (shown in the default language, marked)."""
        assert self.languages is not None
        others = self.languages.others
        docs = [f for f in files.documentation_pages() if f.abs_src_path]
        translations: dict[tuple[str, str], File] = {}
        originals: list[File] = []
        for file in docs:
            stem, _, ext = file.src_uri.rpartition(".")
            base, _, code = stem.rpartition(".")
            if base and code in others:
                translations[(code, f"{base}.{ext}")] = file
            elif self.languages.language_of(file.src_uri) == self.languages.default:
                originals.append(file)
        new: list[File] = []

        def serve_as(file: File, target: str) -> None:
            """Publish a hand-written page's Markdown at ``target`` (a language's folder)."""
            new.append(
                File.generated(
                    config,
                    target,
                    abs_src_path=str(file.abs_src_path),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
            self._sources[target] = file.src_uri

        for (code, uri), file in sorted(translations.items()):
            files.remove(file)
            serve_as(file, f"{code}/{uri}")
        for file in originals:
            for code in others:
                if (code, file.src_uri) not in translations:
                    serve_as(file, f"{code}/{file.src_uri}")
                    self._fallbacks.add(f"{code}/{file.src_uri}")
                    self._copies[new[-1].url] = file.url
        return new

    def _check_collisions(self, files: Files, new: list[File], data: DataPaths) -> None:
        """Refuse to write over a file of the site: one of ``new`` (pages credcat adds to
        MkDocs' files), one of credcat's own pages, a data file or the sitemap.

        Each file of the site is asked whether it is in the way, not each of the pages and
        files credcat writes (at 10,000 credentials, 90,000 pages and 150,000 data files):
        an address tells whose pages or files it could be (:meth:`_is_own_page`,
        :class:`~credcat.parallel.DataPaths`)."""
        by_src = {f.src_uri: f for f in files}
        by_dest = {f.dest_uri: f for f in files}
        clashes = []
        for file in new:
            existing = by_src.get(file.src_uri) or by_dest.get(file.dest_uri)
            if existing is not None:
                clashes.append((file.dest_uri, existing))
        for existing in files:
            written = self._written_at(existing.src_uri, data) or self._written_at(
                existing.dest_uri, data
            )
            if written is not None:
                clashes.append((written, existing))
        if clashes:
            lines = sorted(
                {f"  {dest}: {f.abs_src_path or f.src_uri} is in the way" for dest, f in clashes}
            )
            raise PluginError(
                "credcat: generated files would overwrite existing files; rename or remove "
                "these:\n" + "\n".join(lines)
            )

    def _written_at(self, path: str, data: DataPaths) -> str | None:
        """What credcat writes that a file at ``path`` (a ``src_uri`` or ``dest_uri``) would
        be in the way of: the data file or sitemap at ``path``, or one of its own pages
        (``path`` its ``index.md`` or ``index.html``); ``None``: nothing."""
        if path in data or path in SITEMAP_FILES:
            return path
        for suffix in ("index.md", "index.html"):
            folder = path.removesuffix(suffix)
            if folder != path and self._is_own_page(folder):
                return f"{folder}index.html"
        return None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Set the escaped title, the canonical URL and the edit link of a generated page, and
        the language of its title where that is not the page's (:meth:`_title_language`); tell
        :class:`~credcat.render.site.written.WrittenParts` which hand-written page comes next."""
        if self.languages is not None and page.file.src_uri not in self._specs:
            lang = self.languages.language_of(page.file.src_uri)
            src = page.file.src_uri
            self._written.start(
                WrittenPage(
                    lang,
                    self._shown_language(page) or lang,
                    permalink=self._permalink_title(lang),
                    permalink_class=self._permalink_class,
                    target_language=lambda href: self._linked_language(src, href),
                    in_language=self.pages_by_lang[lang].site.loc.in_language,
                    words=interface_language(lang),
                )
            )
        if not self.config.edit_links:
            page.edit_url = None  # no pencil on public pages, hand-written ones included
        source = self._sources.get(page.file.src_uri)
        if source is not None:
            page.edit_url = _moved_edit_url(page.edit_url, page.file.src_uri, source)
            nav_title = self._nav_titles.get(page.file.src_uri)
            if nav_title is not None:  # as nav's own title of a page wins over its heading
                page.title = nav_title
            if page.file.src_uri in self._fallbacks:
                page.meta["search"] = {"exclude": True}
                # the same text as the original: search engines are pointed at the original
                original = self._copies.get(page.url)
                if original is not None and config.site_url:
                    page.canonical_url = urljoin(config.site_url, original)
            return markdown
        spec = self._specs.get(page.file.src_uri)
        if spec is None or self.urls is None:
            return markdown
        given = self._maintainers_title(page)
        title = html_text(given or spec.title)
        page.meta["title"] = title
        page.title = title  # a settable property in MkDocs 1.6
        if given is None:
            said_in = self._title_language(page, spec)
            if said_in is not None:  # its entry in the navigation says so
                page.title_lang = said_in  # type: ignore[attr-defined]  # (partials/nav-item.html)
        page.canonical_url = self.urls.iri(spec.path)
        if self.config.edit_links:
            page.edit_url = self._edit_url(config, spec.source) if spec.source else None
        return markdown

    def _permalink_title(self, lang: str) -> tuple[str, str]:
        """The tooltip of the permanent link beside each heading of a hand-written page of
        ``lang``, and the language it is in: credcat's words in that language (English where
        its interface does not speak it), or the ``permalink_title`` mkdocs.yml gives ``toc``,
        written in the default language."""
        assert self.languages is not None
        if self._permalink_given is not None:
            return self._permalink_given, self.languages.default
        return str(ui_strings(lang)["permalink_title"]), interface_language(lang)

    def _maintainers_title(self, page: Page) -> str | None:
        """The title the maintainer gives one of credcat's pages in ``nav`` (in the default
        language) or ``nav_translations`` (in the others), where credcat's interface does not
        speak the page's language: "Katalog" where credcat would say "Catalogue". Where it
        does, credcat titles its pages itself, as in every language."""
        assert self.languages is not None
        src = page.file.src_uri
        lang = self.languages.language_of(src)
        if interface_language(lang) == lang:
            return None
        if lang != self.languages.default:
            return self._nav_titles.get(src)
        given = page.__dict__.get("title")  # Page(title=…) from nav, before ours is set
        return given if isinstance(given, str) and given else None

    def _title_language(self, page: Page, spec: PageSpec) -> str | None:
        """The language of credcat's title of one of its pages, where it is not the page's:
        English ("Pathways") on a page of a language credcat's interface does not speak
        (Polish), or the language of a catalogue text it names (an organisation's name)
        where that is another; ``None`` where the title is in the page's language."""
        assert self.languages is not None
        lang = self.languages.language_of(page.file.src_uri)
        said_in = lang_of(spec.title) or interface_language(lang)
        return said_in if said_in != lang else None

    def _edit_url(self, config: MkDocsConfig, source: str) -> str | None:
        repo_url = config.repo_url
        if self.config.edit_catalogue_uri is not None:
            base_uri = self.config.edit_catalogue_uri
            if not base_uri.endswith("/"):
                base_uri += "/"
            return urljoin((repo_url or "").rstrip("/") + "/", base_uri + source)
        assert self._root is not None
        docs = Path(config.docs_dir).resolve()
        rel = posixpath.relpath((self._root / source).as_posix(), docs.as_posix())
        if config.edit_uri_template:
            path = config.edit_uri_template.format(path=rel, path_noext=posixpath.splitext(rel)[0])
        elif config.edit_uri:
            path = config.edit_uri + rel
        else:
            return None
        if not repo_url:
            return urljoin(path, posixpath.basename(path)) if "://" in path else None
        return urljoin(repo_url.rstrip("/") + "/", path)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A hand-written page in another language than its page's (:meth:`_shown_language`)
        gets its note; the sections of a hand-written page in its table of contents say their
        language where it is not the page's (an English copy's on the German site:
        :func:`~credcat.render.site.written.mark_contents`). A generated page's body is rendered
        later, just before its page
        template (:meth:`_render_body`), so that a build holds one generated body at a time,
        not every page's until the end."""
        written = self._written.finish()
        if page.file.src_uri not in self._specs:  # a hand-written page
            html = _focusable_code(html)
            if written is not None:  # its sections in the contents: in their language
                mark_contents(page.toc, written.headings, written.lang)
        shown = self._shown_language(page)
        if shown is not None:
            if page.file.src_uri not in self._nav_titles:  # titled by its own heading: in
                page.title_lang = shown  # type: ignore[attr-defined]  # its text's language
            return self._fallback_body(html, page.file.src_uri, shown)
        return html

    def _shown_language(self, page: Page) -> str | None:
        """The language a hand-written page's text is in, where it is not its page's: the
        ``lang:`` its front matter names (a page written in English for a German site), or,
        for a copy of an untranslated page, its original's (the default language unless it
        names another). ``None``: the text is in the page's language."""
        if self.languages is None or page.file.src_uri in self._specs:
            return None
        src = page.file.src_uri
        declared = page.meta.get("lang")
        if declared is not None and not (
            isinstance(declared, str) and LANGUAGE_TAG.fullmatch(declared)
        ):
            source = self._sources.get(src, src)
            if source not in self._bad_langs:  # once, not again for each language's copy
                self._bad_langs.add(source)
                log.warning(
                    "%s: lang: %r is not a language code; write one such as en or de",
                    source,
                    printable(str(declared))[:40],
                )
            declared = None
        shown = self._text_language(src, declared)
        page_lang = self.languages.language_of(src)
        if same_language(shown, page_lang):  # en-GB on an English page
            return None
        return shown

    def _text_language(self, src: str, declared: object) -> str:
        """The language the text of the hand-written page at ``src`` is in, its front matter
        saying ``lang: declared``: that where it is a language tag, else its original's for a
        copy of an untranslated page (the default language), else the language of its place."""
        assert self.languages is not None
        if isinstance(declared, str) and LANGUAGE_TAG.fullmatch(declared):
            return declared
        if src in self._fallbacks:
            return self.languages.default
        return self.languages.language_of(src)

    def _linked_language(self, src: str, href: str) -> str | None:
        """The language of the text of the hand-written page that ``href``, a link as written
        in the Markdown of the page at ``src``, leads to; ``None`` where it leads to no such
        page (another site, an anchor of the same page, one of credcat's pages, a file)."""
        scheme, netloc, path, _query, _fragment = urlsplit(href)
        if scheme or netloc or not path.endswith(".md") or path.startswith("/"):
            return None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(path)))
        if target in self._specs or self._files is None:
            return None
        file = self._files.get_file_from_path(target)
        if file is None or not file.abs_src_path or not file.is_documentation_page():
            return None  # credcat's pages are made, not read from a file
        return self._written_language(file)

    def _written_language(self, file: File) -> str:
        """The language of the text of a hand-written page (:meth:`_text_language`), its
        front matter read once, whether the page has been read yet or not."""
        target = file.src_uri
        if target not in self._declared:
            declared = None
            page = file.page
            if page is not None and page.markdown is not None:
                declared = page.meta.get("lang")
            else:
                with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
                    declared = mkdocs.utils.meta.get_data(file.content_string)[1].get("lang")
            self._declared[target] = declared
        return self._text_language(target, self._declared[target])

    def _tell_written_languages(self, files: Files) -> None:
        """Tell each language's pages the language of the text of the hand-written pages
        they link to (the guide and the data page: an untranslated one is shown in the
        default language), for their links to say it where it is another."""
        by_url = {f.url: f for f in files.documentation_pages() if f.abs_src_path}
        for pages in self.pages_by_lang.values():
            site = pages.site
            found = {}
            for path in (site.urls.guide_page(), site.urls.data_page()):
                file = by_url.get(path)
                if file is not None and file.src_uri not in self._specs:
                    found[path] = self._written_language(file)
            site.written_in = found

    def _render_body(self, page: Page, config: MkDocsConfig) -> PageContext | None:
        """Render the body of a generated page from its context; set its table of contents
        and its description. Returns the context (``None`` for other pages)."""
        spec = self._specs.get(page.file.src_uri)
        if spec is None or self.languages is None or self._env is None:
            return None
        inputs = self._listing_key(spec, config)
        known = self._last_listings.get(spec.src_uri)
        if inputs is not None and known is not None and known[0] == inputs:
            context, body = known[1], known[2]
            self._listings_kept += 1
        elif (shared := self._shared_credential_body(spec, config, page)) is not None:
            context, body = shared
        else:
            context = self.pages_by_lang[self.languages.language_of(spec.src_uri)].context(spec)
            # a listing whose inputs changed shows something else: no use looking its body up
            body = self._body(spec, context, config, page, look_up=inputs is None)
        if inputs is not None:
            self._listings[spec.src_uri] = (inputs, context, body)
        summary = context.get("summary")
        if isinstance(summary, str) and summary:
            # the page's own <meta name="description"> (Material prints page.meta.description)
            page.meta["description"] = html_text(summary)
        page.content = body
        sections = [
            AnchorLink(str(html_text(item["title"])), item["id"], 2) for item in context["toc"]
        ]
        lang = self.languages.language_of(spec.src_uri)
        words = interface_language(lang)
        if words != lang:  # its sections are credcat's headings: its words' language says so
            for section in sections:  # (partials/toc-item.html)
                section.lang = words  # type: ignore[attr-defined]
        heading = _H1.search(body) if spec.kind != "catalogue" else None  # it skips to its
        # results with a link of its own
        if heading is not None:
            # the page's title heads its contents: Material's "skip to content" leads to it,
            # not past the title and first screen to the first section; the contents in the
            # sidebar are its sections, as before (Material lists a level-1 entry's children)
            top = AnchorLink(str(html_text(heading.group(2))), heading.group(1), 1)
            top.children = sections
            sections = [top]
        page.toc = TableOfContents(sections)
        return context

    def _shared_credential_body(
        self, spec: PageSpec, config: MkDocsConfig, page: Page
    ) -> tuple[CredentialContext, str] | None:
        """The context and body of a credential's main page or its current version's permanent
        page, from the body both share in the page's language, rendered once for the two
        (:func:`~credcat.render.site.credential.shared_context`, kept while the credential's
        pages render); ``None`` for another page, where the two share no body, and where the
        site overrides a template that shows the page's context (:data:`SHARED_BODY_TEMPLATES`),
        which may show anything of each page."""
        if spec.kind != "credential" or not self._share_bodies:
            return None
        if self.languages is None or self._env is None:
            return None
        site = self.pages_by_lang[self.languages.language_of(spec.src_uri)].site
        live = site.cat.credentials[spec.entity]
        if spec.version_page and spec.version != live.version:
            return None
        key = (site.lang, spec.entity)
        if self._shared_body is None or self._shared_body[0] != key:
            shared = shared_context(site, live)
            html = ""
            if shared is not None:
                template = self._env.get_template("credcat/body/credential.html")
                html = template.render(
                    credcat=shared, credcat_parts=PARTS, config=config, page=page
                )
            self._shared_body = (key, shared, html)
        _, shared, html = self._shared_body
        if shared is None:
            return None
        context = page_context(site, live, shared, version_page=spec.version_page)
        macros = self._env.get_template("credcat/macros.html").module
        parts = {name: str(getattr(macros, name)(context)) for name in VERSION_PARTS}
        return context, fill_shared(html, context["path"], parts)

    def _listing_key(self, spec: PageSpec, config: MkDocsConfig) -> str | None:
        """Under ``mkdocs serve``: a key of everything a listing page shows, made without
        making the page; ``None`` for other pages, and outside serve.

        A list page of the catalogue shows its credentials and what the whole list shares
        (:func:`~credcat.render.site.catalogue.list_page_inputs`), and so does an organisation's
        page (:func:`~credcat.render.site.organisation.organisation_page_inputs`: the roles a
        credential of the page is shown with come from its file, in its key); the list of
        organisations and the pathways page the whole catalogue. With the key of each
        credential shown (:meth:`_keys`: its file, its group, and the salt: the site, the
        organisations, the templates, the date), that is all the page depends on.
        """
        keys = self._keys(config)
        if keys is None or self.catalogue is None or self.languages is None:
            return None
        site = self.pages_by_lang[self.languages.language_of(spec.src_uri)].site
        if spec.kind == "catalogue":
            shown, shared = list_page_inputs(site, spec.number)
        elif spec.kind == "organisation":
            shown, shared = organisation_page_inputs(site, spec.entity, spec.number)
        elif spec.kind in {"organisations", "pathways"}:
            if self._every_key is None:  # once per build
                self._every_key = "\n".join(f"{cid} {keys[cid]}" for cid in sorted(keys))
            shown, shared = [], self._every_key
        else:
            return None
        digest = hashlib.blake2b(self._salt(config).encode(), digest_size=16)
        lines = [spec.src_uri, shared, *(f"{cid} {keys.get(cid)}" for cid in shown)]
        digest.update("\n".join(lines).encode())
        return digest.hexdigest()

    def _body(
        self,
        spec: PageSpec,
        context: PageContext,
        config: MkDocsConfig,
        page: Page,
        *,
        look_up: bool = True,
    ) -> str:
        """A page body from its template. Under ``mkdocs serve``, a page that is not one of a
        credential's whose context is the same as in the previous build, with the same site
        (:meth:`_salt`), gets the body made then (unless not ``look_up``)."""
        assert self._env is not None
        template = self._env.get_template(f"credcat/body/{spec.kind}.html")
        if self._store is None or self._problems or spec.kind in OWN_KINDS or not look_up:
            return template.render(credcat=context, config=config, page=page)
        digest = hashlib.blake2b(self._salt(config).encode(), digest_size=16)
        digest.update(json.dumps(context, ensure_ascii=False, default=repr).encode())
        key = digest.hexdigest()
        known = self._last_bodies.get(spec.src_uri)
        if known is not None and known[0] == key:
            return known[1]
        body = template.render(credcat=context, config=config, page=page)
        self._bodies[spec.src_uri] = (key, body)
        return body

    def _fallback_body(self, html: str, src_uri: str, shown: str) -> str:
        """A hand-written page whose text is in another language (``shown``) than its page:
        a note in the page language, and the body marked as being in ``shown``. Where
        credcat's interface has no translation into the page's language, the note is in
        English, says so, and so is the language's name in it."""
        assert self.languages is not None
        lang = self.languages.language_of(src_uri)
        said_in = interface_language(lang)
        language = cldr_locale(said_in).languages.get(shown.split("-")[0], shown)
        note = fill(str(ui_strings(lang)["page_not_translated"]), language=language)
        marked = f' lang="{said_in}"' if said_in != lang else ""
        return (
            f'<p class="credcat-fallback-note"{marked}>{html_text(note)}</p>\n'
            f'<div lang="{html_text(shown)}">\n{html}\n</div>'
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """One navigation per language, whose home page is that language's (MkDocs knows the
        site's root only); the address of every page (its alternates, for the switch and the
        sitemap, which renders before any page)."""
        if self.languages is None:
            return nav
        languages = self.languages
        for code in languages.others:
            cfg = copy.copy(config)
            cfg.data = dict(config.data)
            self._untranslated = set()
            cfg.data["nav"] = self._translate_nav(config.nav, code, files)
            self._navs[code] = get_navigation(files, cfg)
            home = files.get_file_from_path(languages.counterpart("index.md", code))
            if home is not None and isinstance(home.page, Page):  # the logo leads there, and
                self._navs[code].homepage = home.page  # Material's path starts there
            if not same_language(code, languages.default):
                self._mark_untranslated(self._navs[code].items, languages.default)
            page_cfg = copy.copy(config)
            page_cfg.data = dict(config.data)
            name, description = self._site_names[code]
            page_cfg.data["site_name"] = name
            if description:
                page_cfg.data["site_description"] = description
            page_cfg.data["theme"] = copy.copy(config.theme)
            publisher = self._publisher_in_header(config)
            if publisher is not None:  # the publisher's name in the header, in this language
                page_cfg.data["repo_name"] = html_text(localise(publisher, code, languages.all))
            self._configs[code] = page_cfg
        self._nav = nav
        self._urls = {"" if f.url == "./" else f.url for f in files.documentation_pages()}
        keys = self._keys(config)  # under serve: the list pages reuse unchanged entries
        if keys is not None and self._store is not None:
            for code, pages in self.pages_by_lang.items():
                pages.site.entry_memo = entry_memo(self._store, keys, code)
        return nav

    def _alternates(self, url: str) -> list[Alternate]:
        """The page at ``url`` in every language it exists in (the language switch, the
        sitemap's ``hreflang``), the default language first."""
        if self.languages is None:
            return []
        return [alt for alt in self.languages.alternates(url) if self._page_exists(alt["path"])]

    def _translate_nav(self, item: Any, code: str, files: Files) -> Any:
        """The configured ``nav`` with each page replaced by its counterpart in ``code``."""
        assert self.languages is not None
        if item is None:
            return None
        if isinstance(item, str):
            target = self.languages.counterpart(item, code)
            return target if files.get_file_from_path(target) is not None else item
        if isinstance(item, list):
            return [self._translate_nav(child, code, files) for child in item]
        if isinstance(item, dict):
            titles = self.config.nav_translations.get(code, {})
            out: dict[str, Any] = {}
            for title, value in item.items():
                if title not in titles:  # shown as nav gives it, in the default language
                    self._untranslated.add(str(title))
                if isinstance(value, str):
                    target = self._translate_nav(value, code, files)
                    out[titles.get(title, title)] = target
                    if title in titles:  # a hand-written page, or one of credcat's
                        self._nav_titles[target] = str(titles[title])
                else:
                    out[titles.get(title, title)] = self._translate_nav(value, code, files)
            return out
        return item

    def _mark_untranslated(self, items: Iterable[Any], lang: str) -> None:
        """Say the language of the sections and links of a language's navigation that keep
        the title ``nav`` gives them, in the default language ``lang``, as ``nav_translations``
        has none for them ("Guides" on a Polish page; ``title_lang``, read by
        partials/nav-item.html and partials/tabs-item.html; WCAG 2.1, 3.1.2). A page's entry
        shows the page's own title: a hand-written page's is marked by
        :meth:`on_page_content`, credcat's by :meth:`on_page_markdown`."""
        for item in items:
            if not isinstance(item, Page) and item.title in self._untranslated:
                item.title_lang = lang
            if item.children:
                self._mark_untranslated(item.children, lang)

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """Turn on autoescape for credcat's templates (Material's own stay as they are); put
        the theme's navigation and search box behind :class:`_KeptLoader`; write the
        sitemap."""
        previous = env.autoescape

        def autoescape(name: str | None) -> bool:
            if name is not None and name.startswith("credcat/"):
                return True
            return bool(previous(name)) if callable(previous) else bool(previous)

        env.autoescape = autoescape
        _add_filters(env)
        env.globals["credcat_not_found"] = self._not_found
        if env.loader is not None and not isinstance(env.loader, _KeptLoader):
            env.loader = _KeptLoader(env.loader)
        self._kept_html, self._nav_targets = {}, {}
        self._kept_slots = _keepable(config)
        self._share_bodies = _own_templates(config, *SHARED_BODY_TEMPLATES)
        if self._bytecode is not None:
            env.bytecode_cache = self._bytecode
        self._theme_env = env
        if self.catalogue is not None:
            # the theme's files are gathered (its sitemap.xml template is not one to copy):
            # the sitemap is written here as a stream instead of rendered from the template
            config.theme.static_templates.discard("sitemap.xml")
            self._write_sitemap(config, files)
        return env

    def _write_sitemap(self, config: MkDocsConfig, files: Files) -> None:
        """Write ``sitemap.xml`` and ``sitemap.xml.gz``: every page, with the alternates of each
        (``hreflang``), where MkDocs would render them from a template (just after ``on_env``,
        before any page), as the same bytes, but entry by entry: a site of 10,000 credentials
        has 90,000 entries, and a template would hold them as one text, encoded twice.

        An entry's ``lastmod`` (optional in the sitemap protocol) is a date credcat knows: a
        released version's permanent page, the same at every build, its release date; a
        hand-written page the date a plugin gave it (``update_date``). MkDocs dates every other
        page with the build, which would tell crawlers every page changed at every build.

        The gzip copy is the one MkDocs writes: the same data, file name and time (the latest
        page's update date)."""
        documentation = [f.page for f in files.documentation_pages() if f.page is not None]
        built = get_build_date()
        pages: Iterable[tuple[str, str, str]] = (
            (
                page.canonical_url or page.abs_url or "",
                "" if page.update_date == built else page.update_date,
                page.url,
            )
            for page in documentation
            if not page.is_link
            and (page.abs_url or page.canonical_url)
            and page.url not in self._copies  # an untranslated copy: its original is listed
        )
        if self.urls is not None:
            urls, archive = self.urls, self.catalogue.archive if self.catalogue else None
            own = (
                (urls.iri(spec.path), _released_on(archive, spec), spec.path)
                for spec in self._own_specs(titled=False)
                if spec.kind not in UNINDEXED_KINDS
            )
            pages = itertools.chain(pages, own)
        entries = self._sitemap_entries(pages, config.site_url or "")
        path = os.path.join(config.site_dir, "sitemap.xml")
        os.makedirs(config.site_dir, exist_ok=True)
        mtime = get_build_timestamp(pages=documentation)
        with (
            open(path, "wb") as plain,
            open(f"{path}.gz", "wb") as packed,
            gzip.GzipFile(fileobj=packed, filename=f"{path}.gz", mode="wb", mtime=mtime) as gz,
        ):
            for text in _batched_texts(itertools.chain([SITEMAP_HEAD], entries, [SITEMAP_TAIL])):
                data = text.encode("utf-8")
                plain.write(data)
                gz.write(data)

    @event_priority(50)  # before the search plugin indexes the page
    def _on_page_context_early(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Give the page template its context (for ``<head>`` links and scripts); hand the
        search plugin the compact stand-in of a credential page's body, and nothing of a page
        it leaves out (a version, a further list page); the body is restored below."""
        ctx = self._render_body(page, config)
        if ctx is not None:
            context["credcat"] = ctx  # type: ignore[typeddict-unknown-key]
            spec = self._specs.get(page.file.src_uri)
            stand_in = None
            if spec is not None and (spec.version_page or spec.number > 1):
                # left out of the index (_page_meta): nothing of the body to read or clean
                # (Material's search scans every body it is handed for its own attributes)
                stand_in = ""
            elif spec is not None:
                stand_in = search_body(spec.kind, ctx)
            if stand_in is not None:
                self._full_content = page.content
                page.content = stand_in
        if self.languages is None:
            return context
        lang = self.languages.language_of(page.file.src_uri)
        extra: dict[str, Any] = context  # type: ignore[assignment]
        extra["credcat_lang"] = lang
        extra["credcat_alternates"] = self._alternates(page.url)
        if lang != self.languages.default and lang in self._navs:
            context["nav"] = self._navs[lang]
            context["config"] = self._configs[lang]
            context["base_url"] = context["base_url"].rstrip("/") + f"/{lang}/"
        return context

    @event_priority(-50)  # after the search plugin
    def _on_page_context_late(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put a credential page's body back after the search plugin indexed its stand-in."""
        if self._full_content is not None:
            page.content, self._full_content = self._full_content, None
        return context

    on_page_context = CombinedEvent(_on_page_context_early, _on_page_context_late)

    def _sitemap_entries(
        self, pages: Iterable[tuple[str, str, str]], site_url: str
    ) -> Iterator[str]:
        """The ``<url>`` entries of ``sitemap.xml`` of ``pages`` (address, date, url): with
        the page's alternates (``hreflang``) where it has counterparts in other languages and
        the site has an address. The counterparts of a page share their alternates, made once.
        Under ``mkdocs serve``, an entry of the previous build is taken again while the site's
        address, languages and pages are the same."""
        tails: dict[str, str] = {}
        if self._store is None:
            for page in pages:
                yield self._sitemap_entry(page, site_url, tails)
            return
        basis = (site_url, self.languages, self._urls, self._copies)
        known = self._sitemap[1] if self._sitemap[0] == basis else {}
        kept: dict[tuple[str, str, str], str] = {}
        for page in pages:
            entry = known.get(page)
            if entry is None:
                entry = self._sitemap_entry(page, site_url, tails)
            kept[page] = entry
            yield entry
        self._sitemap = ((site_url, self.languages, set(self._urls), dict(self._copies)), kept)

    def _sitemap_entry(
        self, page: tuple[str, str, str], site_url: str, tails: dict[str, str]
    ) -> str:
        """One ``<url>`` of the sitemap; ``tails``: the alternates of the base paths made
        last (at most :data:`SITEMAP_TAILS`)."""
        loc, lastmod, url = page
        languages = self.languages
        base = languages.base_of(url) if languages is not None else url
        tail = tails.get(base)
        if tail is None:
            alternates = [a for a in self._alternates(url) if a["path"] not in self._copies]
            tail = ""
            if len(alternates) > 1 and site_url:
                tail = "".join(
                    f'\n         <xhtml:link rel="alternate" hreflang="{escape(lang)}" '
                    f'href="{escape(site_url + path)}"/>'
                    for lang, path in [
                        *((alt["lang"], alt["path"]) for alt in alternates),
                        ("x-default", alternates[0]["path"]),
                    ]
                )
            if len(tails) >= SITEMAP_TAILS:  # a credential's pages come together
                tails.clear()
            tails[base] = tail
        date = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else ""
        where = f"\n    <url>\n         <loc>{escape(loc)}</loc>\n         "
        return f"{where}{date}{tail}\n    </url>"

    def _split_search_index(self, config: MkDocsConfig) -> None:
        """One search index per language, each with its language's stemmer, with the entries
        of credcat's own pages (:meth:`_spool_entries`) after the search plugin's."""
        spool, self._spool = self._spool, None
        with contextlib.ExitStack() as stack:
            if spool is not None:
                stack.enter_context(spool)
            path = Path(config.site_dir) / "search" / "search_index.json"
            if self.languages is None or not path.is_file():
                return
            # read whole before any part is written: the default language's goes to this path
            text = path.read_text("utf-8")
            dirs = list(config.theme.dirs)
            stemmers = {code: search_language(code, dirs) for code in self.languages.all}
            more: Iterable[str] = ()
            if spool is not None:  # search_line's lines
                spool.seek(0)
                more = spool
            sinks = {}
            for lang in self.languages.all:
                prefix = self.languages.prefix(lang)
                out = Path(config.site_dir) / prefix / "search" / "search_index.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                sinks[prefix] = stack.enter_context(out.open("w", encoding="utf-8"))
            split_search_index(text, self.languages, stemmers, sinks, more)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        """Rebuild when a file in the catalogue folder changes."""
        if self.config.enabled:
            project = Path(config.config_file_path or ".").resolve().parent
            server.watch(str((project / self.config.catalogue_dir).resolve()))
        return server

    @event_priority(50)  # before the search plugin writes its index
    def _on_post_build_early(self, *, config: MkDocsConfig) -> None:
        """Render the pages credcat renders itself and write the data files, in worker
        processes where there are cores (:func:`credcat.pool.run_units`).

        Under ``mkdocs serve``, a credential whose key (:meth:`_keys`) has not changed since
        the previous build gets its folders back from it (:class:`~credcat.cache.FileStore`),
        pages, machine-readable files and search entries alike, and is not rendered.
        """
        ids = list(self.catalogue.credentials) if self._own_on and self.catalogue else []
        job, self._data_job = self._data_job, None
        units = [f"pages:{start}" for start in range(0, len(ids), PAGE_CHUNK)]
        if job is not None:
            job = dataclasses.replace(job, out=Path(config.site_dir))
            units += data_units(job)
        if not units:
            return
        entries = _search_entries(config)
        if self._command == "serve" or entries is None:
            processes = 1
        else:  # workers by default only where no other plugin could miss a page it renders
            processes = jobs(by_default=_plugins_known_in_workers(config))
        keys = self._keys(config)
        store = self._store if keys is not None else None
        restored: dict[str, dict[str, list[Any]]] = {}
        if store is not None and keys is not None:
            for cid, extra in store.restore(keys, Path(config.site_dir)).items():
                if isinstance(extra, dict):
                    restored[cid] = extra
        if job is not None and keys is not None:
            job = dataclasses.replace(job, store=store, keys=keys, restored=frozenset(restored))

        def run(unit: str) -> tuple[list[str], list[tuple[str, list[Any]]]]:
            kind, _, arg = unit.partition(":")
            if kind == "pages":
                chunk = ids[int(arg) : int(arg) + PAGE_CHUNK]
                return self._build_own_pages(config, chunk, restored)
            assert job is not None
            return run_data_unit(job, unit), []

        def started(used: int) -> None:
            log.debug(
                f"the pages of {len(ids)} credentials and {len(units)} units of work in {used} "
                f"process{'es' if used > 1 else ''}"
            )

        # the pages' search entries wait in a file for the split of the index by language
        # (_split_search_index), not in the search plugin's memory: at 10,000 credentials they,
        # the index text made of them and the parsed index made the peak of stop 5's builds
        spool = self._spool_entries(entries)
        languages = self.languages
        # under serve: every page's entries, to keep; when they go to the spool, as its lines
        # (search_line), so that a page moved back costs no JSON (with the same keys, the
        # same search plugin and languages: the spool or not is the same in every build)
        by_page: dict[str, list[Any]] = {}
        written_paths = Written()
        try:
            # closed when the loop ends, even by an error: the workers' pool and the frozen
            # garbage collection end with it, not when the generator is collected
            with contextlib.closing(run_units(units, run, processes, started)) as results:
                for written, pages in results:
                    written_paths.add(written)
                    for src_uri, page_entries in pages:
                        if spool is not None and languages is not None:
                            lines = [
                                e if isinstance(e, str) else search_line(e, languages)
                                for e in page_entries
                            ]
                            spool.writelines(f"{line}\n" for line in lines)
                            page_entries = lines
                        elif entries is not None:
                            entries.extend(page_entries)
                        if store is not None:
                            by_page[src_uri] = page_entries
            written_paths.check()
        except (OutputError, WorkerError) as exc:
            raise PluginError(f"credcat: {exc}") from exc
        if store is not None and keys is not None:
            self._keep(store, keys, restored, by_page)

    def _spool_entries(self, entries: list[Any] | None) -> IO[str] | None:
        """A temporary file for the search entries of credcat's own pages, when the index will
        be split by language (where they are added); else ``None``."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if entries is not None and self.languages is not None:
            # one entry a line (search_line); closed by _split_search_index or on_build_error
            self._spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._spool

    def _keep(
        self,
        store: FileStore,
        keys: dict[str, str],
        restored: dict[str, dict[str, list[Any]]],
        by_page: dict[str, list[Any]],
    ) -> None:
        """Under serve: remember the folders of every credential rendered in this build."""
        rendered = [cid for cid in keys if cid not in restored]  # the others are kept already
        for cid in rendered:
            trees: list[str] = []
            extra: dict[str, list[Any]] = {}
            for spec in self._own_specs([cid], titled=False):
                if spec.kind == "credential" and not spec.version_page:  # credentials/<id>/
                    trees.append(spec.path.rstrip("/"))
                extra[spec.src_uri] = by_page.get(spec.src_uri, [])
            if trees:
                store.keep(cid, keys[cid], trees, extra)
        store.forget(keys)
        log.info(
            f"{counted(store.hits, 'credential')} unchanged "
            f"({'its' if store.hits == 1 else 'their'} pages and files moved back "
            f"from the previous build), {store.misses} rendered; {self._listings_kept} of "
            f"{counted(len(self._listings), 'listing page')} unchanged"
        )
        store.hits = store.misses = 0

    def _keys(self, config: MkDocsConfig) -> dict[str, str] | None:
        """Under ``mkdocs serve``, with a valid catalogue: the key of every credential
        (:func:`credcat.cache.credential_keys`) with what every page of this site depends on.
        ``None`` otherwise: everything is rendered."""
        if self._store is None or self.catalogue is None or self._problems:
            return None
        if self._credential_keys is None:
            stamps = self._load_cache.stamps() if self._load_cache is not None else None
            self._credential_keys = credential_keys(self.catalogue, self._salt(config), stamps)
        return self._credential_keys

    def _salt(self, config: MkDocsConfig) -> str:
        """Under ``mkdocs serve``: what every page of this build depends on besides its own
        data (the catalogue's settings and organisations, credcat's files, the site's
        configuration, navigation and theme, the date); made once per build, after the
        navigation."""
        if self._site_salt is not None:
            return self._site_salt
        assert self.catalogue is not None
        navs = [self._nav, *self._navs.values()]
        site = [
            catalogue_salt(self.catalogue),
            repr([(key, repr(config[key])) for key in sorted(config) if key != "plugins"]),
            repr([(name, repr(dict(p.config))) for name, p in config.plugins.items()]),
            repr(sorted(dict(config.theme).items(), key=lambda item: item[0])),
            *(  # credcat's own theme is part of catalogue_salt's stamps of the package
                tree_stamps(Path(folder), skip=[".icons"])
                for folder in config.theme.dirs
                if folder != THEME_DIR
            ),
            repr([_nav_lines(nav.items) for nav in navs if nav is not None]),
            repr([sorted(pages.site.written_in.items()) for pages in self.pages_by_lang.values()]),
            get_build_date(),
            today().isoformat(),
        ]
        self._site_salt = "\n".join(site)
        return self._site_salt

    def _build_own_pages(
        self,
        config: MkDocsConfig,
        ids: list[str],
        restored: dict[str, dict[str, list[Any]]] | None = None,
    ) -> tuple[list[str], list[tuple[str, list[Any]]]]:
        """Render the pages credcat renders itself of the credentials ``ids``
        (:meth:`_own_specs`), one at a time, as MkDocs renders a page.

        The credential pages (current and versioned) and the employers' summaries, which grow
        with the catalogue (every version in every language), are not MkDocs pages: MkDocs
        would read and convert every page before rendering any and keep every one to the end.
        Each is rendered like MkDocs renders a page (the same template context, the
        ``page_context`` and ``post_page`` events of every plugin, so the search plugin indexes
        it and the output is the same), written, and dropped. The pages of a credential in
        ``restored`` (under serve) are already in place: only their search entries are given,
        as kept with them (every page's, in the order of its pages), and no page is made.

        Returns:
            The paths written, and each page's search index entries (taken out of the index:
            the caller adds them in the order of the pages, whichever process rendered them).
        """
        files = self._files
        assert files is not None
        if self._doc_files is None:  # the pages of the template context: MkDocs' own pages
            serving = self._command == "serve"
            self._doc_files = files.documentation_pages(
                inclusion=InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
            )
        written: list[str] = []
        pages: list[tuple[str, list[Any]]] = []
        for cid in ids:
            if restored and cid in restored:
                for src_uri, found in restored[cid].items():
                    written.append(f"{src_uri.removesuffix('index.md')}index.html")
                    pages.append((src_uri, found))
            else:
                self._render_own_pages(config, self._own_specs([cid]), written, pages)
                self._shared_body = None  # its pages are written
        _forget_url_parts()
        return written, pages

    def _render_own_pages(
        self,
        config: MkDocsConfig,
        own: Iterable[PageSpec],
        written: list[str],
        pages: list[tuple[str, list[Any]]],
    ) -> None:
        """Render, write and drop the pages ``own`` (:meth:`_build_own_pages`); add the paths
        written to ``written`` and each page's search entries to ``pages``."""
        env, nav, files, doc_files = self._theme_env, self._nav, self._files, self._doc_files
        assert env is not None and nav is not None and files is not None and doc_files is not None
        entries = _search_entries(config)
        before = len(entries) if entries is not None else 0
        for spec in own:
            file = _own_file(config, spec.src_uri)
            self._specs[spec.src_uri] = spec  # while it renders: the events of a page look it up
            page = Page(None, file, config)
            page.meta = _page_meta(spec)
            page.markdown = ""
            page.content = ""
            page.toc = TableOfContents([])
            self.on_page_markdown("", page=page, config=config, files=files)
            config._current_page = page
            try:
                page.active = True
                context = get_context(nav, doc_files, config, page)
                template = env.get_template(page.meta["template"])
                context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
                extra: dict[str, Any] = context  # type: ignore[assignment]
                extra.update(self._slots(page, context))
                output = template.render(context)
                if unfilled(output):  # a template outside the body showed a shared field
                    raise PluginError(
                        f"credcat: {file.dest_uri}: a template in the site's custom_dir shows "
                        "a link of the credential page outside its body, where the page "
                        "shares its body with the current version's page; show it from an "
                        "override of credcat/credential.html instead (with which each page "
                        "renders its own body)"
                    )
                output = config.plugins.on_post_page(output, page=page, config=config)
                write_file(output.encode("utf-8", errors="xmlcharrefreplace"), file.abs_dest_path)
                written.append(file.dest_uri)
            except Exception as error:
                log.error(f"Error building page '{file.src_uri}': {error}")
                raise
            finally:
                page.active = False
                config._current_page = None
                file.page = None  # nothing keeps the page
                del self._specs[spec.src_uri]
            if entries is not None:
                pages.append((file.src_uri, entries[before:]))
                del entries[before:]
            else:
                pages.append((file.src_uri, []))

    def _slots(self, page: Page, context: TemplateContext) -> dict[str, _Slot]:
        """Where the theme's partials of :data:`KEPT_PARTIALS` are kept for one of credcat's
        own pages, by context variable: the pages that show the same get each rendered once
        (:class:`_KeptLoader`).

        The search box shows the same on every page of a language, and so does the footer
        of a page that links to no previous or next page. credcat's own pages are
        not in the navigation, so what it shows of them is the language's navigation with
        every link relative to the page: two pages of one language whose links are the same
        (the site's root and every address in the navigation, as the page reaches them) show
        the same navigation. A page the navigation links to (the theme marks it as the
        current page) gets no slot for it.
        """
        nav, config = context.get("nav"), context.get("config")
        if config is None:
            return {}
        lang = self.languages.language_of(page.file.src_uri) if self.languages else ""
        slots = {
            "credcat_search": _Slot(self._kept_html, ("search", lang, id(config))),
            "credcat_config": _Slot(
                self._kept_html, ("config", lang, id(config), str(context.get("base_url")))
            ),
        }
        toc = _toc_key(page.toc)
        if toc is not None:
            slots["credcat_toc"] = _Slot(self._kept_html, ("toc", lang, id(config), toc))
        if page.previous_page is None and page.next_page is None:  # no links to neighbours
            slots["credcat_footer"] = _Slot(self._kept_html, ("footer", lang, id(config)))
        slots = {name: slot for name, slot in slots.items() if name in self._kept_slots}
        if nav is None or "credcat_nav" not in self._kept_slots:
            return slots
        targets = self._nav_targets.get(id(nav))
        if targets is None:
            targets = self._nav_targets[id(nav)] = _nav_addresses(nav, config)
        if page.url not in targets:
            links = tuple(normalize_url(target, page) for target in ("", *targets))
            slots["credcat_nav"] = _Slot(self._kept_html, ("nav", lang, id(nav), id(config), links))
        return slots

    @event_priority(-100)  # after every other plugin (the search index is written by then)
    def _on_post_build_late(self, *, config: MkDocsConfig) -> None:
        """Split the search index by language, then swap the staged site in (``mkdocs
        build``)."""
        self._split_search_index(config)
        if self._staging is not None and self._staging.finish(config):
            self._staging = None

    on_post_build = CombinedEvent(_on_post_build_early, _on_post_build_late)

    def on_build_error(self, *, error: Exception) -> None:
        """Leave no partial site: drop the staged site (the previous site stays as it was), or,
        when building in place, empty the site folder if this build had started writing."""
        self._stop_counting()
        staging, self._staging = self._staging, None
        spool, self._spool = self._spool, None
        if spool is not None:
            spool.close()
        if staging is not None:
            staging.abandon()
        elif self._site_touched and self._site_dir:
            clean_directory(self._site_dir)


def _quiet_missing_pages(config: MkDocsConfig) -> None:
    """Under serve, with no valid catalogue yet: credcat's pages do not exist, so the
    navigation and the hand-written pages link to missing pages; MkDocs' warnings about them
    would bury the catalogue's problems, and every page shows those problems instead."""
    validation = config.validation
    validation.nav.not_found = logging.DEBUG
    validation.nav.omitted_files = logging.DEBUG
    validation.links.not_found = logging.DEBUG
    validation.links.anchors = logging.DEBUG


class _Bytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory between the rebuilds of ``mkdocs serve`` (every
    rebuild makes new Jinja environments). Jinja checks each template's source against the
    checksum it was compiled from, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


KEPT_PARTIALS = {
    "partials/nav.html": "credcat_nav",
    "partials/search.html": "credcat_search",
    "partials/toc.html": "credcat_toc",
    "partials/footer.html": "credcat_footer",
}
"""The theme's partials that credcat's own pages render once for every page that shows the
same (:meth:`CredcatPlugin._slots`): template name → the context variable of a page's slot."""
KEPT_INCLUDES = {
    "partials/nav.html": (
        "partials/nav-item.html",
        "partials/logo.html",
        "partials/source.html",
        "partials/toc.html",
        "partials/toc-item.html",
    ),
    "partials/toc.html": ("partials/toc-item.html",),
    "partials/footer.html": ("partials/copyright.html", "partials/social.html"),
}
"""The partials a kept partial of :data:`KEPT_PARTIALS` includes (itself, or through the
partials it includes: Material's navigation includes each item, which includes the table of
contents of the page it is), whose key covers what the theme's own show: a site that
overrides one gets no slot for it either."""
_THEME_OWN = "credcat-theme:"
"""Prefix of a template name that asks for the theme's own template behind credcat's wrapper."""
KEPT_AT_ONCE = 64
"""Partials kept at once (a site has a few per language; a navigation that links to
credentials would make one per credential)."""


def _kept_wrapper(name: str, slot: str) -> str:
    """What the theme's environment gives for partial ``name`` of :data:`KEPT_PARTIALS`: a page
    with a slot (context variable ``slot``) gets the partial kept in it, or renders the
    theme's own and keeps it; any other page renders the theme's own, as before. Both give
    exactly the theme's output."""
    own = f'{{% include "{_THEME_OWN}{name}" %}}'
    return (
        f"{{%- if {slot} is defined -%}}"
        f"{{%- set credcat_kept = {slot}.html -%}}"
        "{%- if credcat_kept is none -%}"
        f"{{%- set credcat_kept -%}}{own}{{%- endset -%}}"
        f"{{{{- {slot}.keep(credcat_kept) -}}}}"
        "{%- else -%}{{- credcat_kept -}}{%- endif -%}"
        f"{{%- else -%}}{own}{{%- endif -%}}"
    )


class _KeptLoader(jinja2.BaseLoader):
    """The theme's loader, with each partial of :data:`KEPT_PARTIALS` behind
    :func:`_kept_wrapper`."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        slot = KEPT_PARTIALS.get(template)
        if slot is not None:
            return _kept_wrapper(template, slot), None, lambda: True
        return self.inner.get_source(environment, template.removeprefix(_THEME_OWN))

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


class _Slot:
    """A partial of the pages that show the same, once rendered."""

    __slots__ = ("_kept", "_key")

    def __init__(self, kept: dict[tuple[object, ...], str], key: tuple[object, ...]) -> None:
        self._kept = kept
        self._key = key

    @property
    def html(self) -> str | None:
        """The partial, if a page that shows the same has rendered it."""
        return self._kept.get(self._key)

    def keep(self, html: str) -> str:
        """Keep the partial just rendered; returns it."""
        if len(self._kept) >= KEPT_AT_ONCE:
            del self._kept[next(iter(self._kept))]
        self._kept[self._key] = html
        return html


def _own_templates(config: MkDocsConfig, *names: str) -> bool:
    """Whether none of the theme's templates ``names`` is overridden in the site's
    ``custom_dir``."""
    custom = getattr(config.theme, "_custom_dir", None)
    return not custom or not any((Path(custom) / name).is_file() for name in names)


def _keepable(config: MkDocsConfig) -> frozenset[str]:
    """The slots (:meth:`CredcatPlugin._slots`) of the theme's parts that the site does not
    override: the keys of the slots are what the theme's own templates show, while a
    template in the site's ``custom_dir`` may show anything of the page. The configuration
    block is the theme's when neither ``main.html`` nor ``base.html`` is the site's."""
    kept = {
        slot
        for name, slot in KEPT_PARTIALS.items()
        if _own_templates(config, name, *KEPT_INCLUDES.get(name, ()))
    }
    if _own_templates(config, "main.html", "base.html"):
        kept.add("credcat_config")
    return frozenset(kept)


def _toc_key(toc: Iterable[Any]) -> tuple[object, ...] | None:
    """What the theme's table of contents shows of a page: each entry's title, address,
    level and language, and its entries; None where an entry has more (Material's
    ``typeset``), so that the page renders its own. Material lists a first level-1 entry's
    entries in its place (the page title, which heads credcat's contents): only those
    count."""
    items = list(toc)
    if items and items[0].level == 1 and not getattr(items[0], "typeset", None):
        items = list(items[0].children)
    key: list[object] = []
    for item in items:
        if getattr(item, "typeset", None):
            return None
        children = _toc_key(item.children)
        if children is None:
            return None
        key.append((str(item.title), item.url, item.level, getattr(item, "lang", None), children))
    return tuple(key)


def _nav_addresses(nav: Navigation, config: MkDocsConfig) -> tuple[str, ...]:
    """Every address the navigation links to: its pages and links, its home page, and the
    theme's logo and ``extra.homepage``."""
    found: list[str] = []
    items: list[Any] = list(nav.items)
    while items:
        item = items.pop()
        if isinstance(item, Section):
            items.extend(item.children)
        elif getattr(item, "url", None) is not None:  # a page or a link
            found.append(str(item.url))
    if nav.homepage is not None:
        found.append(nav.homepage.url)
    for extra in (config.theme.get("logo"), config.extra.get("homepage")):
        if isinstance(extra, str):
            found.append(extra)
    return tuple(sorted(set(found)))


class GeneratedFiles(Files):
    """MkDocs' files, and what credcat writes itself: its own pages
    (:meth:`CredcatPlugin._build_own_pages`) and the data files.

    Those are known by address only, not as a :class:`File` each, nor as a set of paths (nine
    pages and about fifteen files per credential version: 240,000 at 10,000 credentials, kept
    to the end of the build): ``own`` tells a page's ``src_uri``, ``data`` holds the data files
    (``in``). MkDocs neither renders nor copies them; a link to one from a hand-written page
    resolves (:meth:`get_file_from_path` makes its ``File`` when asked). A page in a language's
    folder that links to a file every language shares (``<lang>/credentials/x/elm.jsonld``, as
    an untranslated page copied there does) gets the shared file.
    """

    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        *,
        own: Callable[[str], bool],
        data: Container[str],
        folders: Sequence[str],
    ) -> None:
        super().__init__(list(files))
        self._config = config
        self._is_generated_page = own
        self._generated_data = data
        self._folders = tuple(f"{code}/" for code in folders)

    def get_file_from_path(self, path: str) -> File | None:
        """The file at ``path`` (a ``src_uri``), a generated page or data file included."""
        found = super().get_file_from_path(path)
        if found is not None:
            return found
        uri = PurePosixPath(path).as_posix()
        if uri.endswith("/index.md") and self._is_generated_page(uri):
            return _own_file(self._config, uri)
        if uri.startswith(self._folders) and uri not in self._generated_data:
            shared = uri.partition("/")[2]
            if shared in self._generated_data:
                uri = shared
        if uri in self._generated_data:
            return File.generated(self._config, uri, content=b"")
        return None

    def __contains__(self, path: str) -> bool:
        return self.get_file_from_path(path) is not None


def _own_file(config: MkDocsConfig, src_uri: str) -> File:
    """The ``File`` of a page credcat renders itself, made when it is rendered or linked to."""
    return File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)


STAGING_PREFIX = ".credcat-staging-"
"""The hidden folder inside ``site_dir`` where a staged build writes (:class:`Staging`)."""

STAGING_OLD_PREFIX = ".credcat-old-"
"""The hidden folder inside ``site_dir`` that holds the previous site while it is swapped out."""


class Staging:
    """A site built in a hidden folder inside ``site_dir``, moved into place when the build
    succeeds.

    The build writes nowhere but the folder it was given: the staging folder is inside it,
    the swap renames entries within it (so a ``site_dir`` that is a mount point, or whose
    parent is not writable, works), and what starts with a dot at its top (``.git`` of a
    gh-pages checkout, ``.htaccess``, ``.well-known``) stays, as MkDocs' own clean keeps it,
    unless the new site has an entry of the same name.

    Attributes:
        site_dir: The real site folder.
        folder: The staging folder, where MkDocs writes instead.
    """

    def __init__(
        self,
        site_dir: Path,
        folder: Path,
        warnings: CountHandler | None,
        made: tuple[Path, ...] = (),
    ) -> None:
        self.site_dir = site_dir
        self.folder = folder
        self._warnings = warnings
        self._made = made  # folders created for the site, innermost first

    @classmethod
    def start(cls, config: MkDocsConfig, warnings: CountHandler | None) -> Staging | None:
        """Create the staging folder and point ``config.site_dir`` at it. A staging folder
        that a killed build left behind is removed first.

        Args:
            config: The build's configuration.
            warnings: Under ``--strict``, the counter of the warnings logged since the
                build began (on the ``mkdocs`` logger); a staging removes it when done (with
                ``None`` returned, the caller still holds it).

        Returns:
            The staging, or ``None`` when ``site_dir`` is a link (the site is then built in
            place, into the folder the link names).
        """
        site_dir = Path(config.site_dir).absolute()
        if site_dir.is_symlink():
            return None
        made = tuple(p for p in (site_dir, *site_dir.parents) if not p.exists())
        site_dir.mkdir(parents=True, exist_ok=True)
        for left in _staging_folders(site_dir):
            shutil.rmtree(left, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir))
        config.site_dir = str(folder)
        return cls(site_dir, folder, warnings, made)

    def _stop_counting(self) -> int:
        if self._warnings is None:
            return 0
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        count = sum(n for _, n in self._warnings.get_counts())
        self._warnings = None
        return count

    def finish(self, config: MkDocsConfig) -> bool:
        """Put the staged site in place of the previous one: the previous site's entries move
        into a hidden folder (all but those starting with a dot that the new site does not
        have), the new site's entries move up, and the previous site is removed. Should a
        move fail, what moved is moved back and the error raised.

        Returns:
            True when swapped; False when a warning fails this ``--strict`` build (MkDocs then
            aborts, and :meth:`abandon` runs): the previous site stays.
        """
        config.site_dir = str(self.site_dir)
        if self._stop_counting():
            return False
        new = sorted(entry.name for entry in os.scandir(self.folder))
        fresh = set(new)
        old = Path(tempfile.mkdtemp(prefix=STAGING_OLD_PREFIX, dir=self.site_dir))
        ours = {self.folder.name, old.name}
        moved: list[tuple[Path, Path]] = []
        try:
            for entry in sorted(os.scandir(self.site_dir), key=lambda e: e.name):
                if entry.name in ours or (entry.name.startswith(".") and entry.name not in fresh):
                    continue
                _move(Path(entry.path), old / entry.name, moved)
            for name in new:
                _move(self.folder / name, self.site_dir / name, moved)
        except OSError:
            for source, target in reversed(moved):
                os.replace(target, source)
            shutil.rmtree(old, ignore_errors=True)
            raise
        self.folder.rmdir()
        shutil.rmtree(old)
        return True

    def abandon(self) -> None:
        """Remove the staging folder, and the folders created for the site that stayed
        empty; the previous site stays as it was."""
        self._stop_counting()
        shutil.rmtree(self.folder, ignore_errors=True)
        for made in self._made:  # innermost first; one that holds anything stays
            try:
                made.rmdir()
            except OSError:
                break


def _move(source: Path, target: Path, moved: list[tuple[Path, Path]]) -> None:
    """Rename ``source`` to ``target`` and note it in ``moved`` (to be undone in reverse)."""
    os.replace(source, target)
    moved.append((source, target))


def _staging_folders(site_dir: Path) -> list[Path]:
    """The staging folders (:data:`STAGING_PREFIX`, :data:`STAGING_OLD_PREFIX`) inside
    ``site_dir``: a build that was killed may leave one."""
    return sorted(
        Path(entry.path)
        for entry in os.scandir(site_dir)
        if entry.is_dir(follow_symlinks=False)
        and entry.name.startswith((STAGING_PREFIX, STAGING_OLD_PREFIX))
    )


PAGE_CHUNK = 7
"""Credentials per unit of work of credcat's own pages: 63 pages for credentials of one version
in three languages."""

OWN_KINDS = frozenset({"credential", "summary"})
"""Page kinds credcat renders itself (:meth:`CredcatPlugin._build_own_pages`): every version in
every language, so they grow with the catalogue."""

SHARED_BODY_TEMPLATES = (
    "credcat/body/credential.html",
    "credcat/macros.html",
    "credcat/credential.html",
    "credcat/page.html",
    "main.html",
    "base.html",
)
"""The templates that show a credential page's context where its main page and its current
version's page share one body (:meth:`CredcatPlugin._shared_credential_body`): those of the
body, and those the page's shell extends (``credcat/credential.html``, which the maintainers'
guide tells a site how to replace, ``credcat/page.html``, Material's ``main.html`` and
``base.html``). credcat's own read of the shared fields only what the body shows, filled in
for each page; a site's own (in its ``custom_dir``) may show anything of the page, a link of
the shared fields too (which hold a placeholder), so there each page renders its body."""


def _released_on(archive: Archive | None, spec: PageSpec) -> str:
    """The sitemap's ``lastmod`` of one of credcat's pages: a released version's permanent
    page states what its snapshot does, so its date is the version's release date; ``""``
    (none) for every other page, which changes with the catalogue."""
    if archive is None or not spec.version_page or not spec.version:
        return ""
    release = archive.get(spec.entity, spec.version)
    return release.released.isoformat() if release is not None else ""


UNINDEXED_KINDS = frozenset({"summary"})
"""Page kinds left out of the sitemap: their template asks search engines not to index them
(``<meta name="robots" content="noindex">``; the employers' summary repeats its version's page
for print)."""


_CODE_BLOCK = re.compile(r"<pre><code(?=[\s>])")


def _focusable_code(html: str) -> str:
    """A hand-written page's code blocks as Tab stops: a long line scrolls, and a keyboard
    scrolls only what has the focus (WCAG 2.1.1). Material's script sets the same on the
    blocks that scroll and takes it from the others; without JavaScript every block keeps it."""
    return _CODE_BLOCK.sub('<pre><code tabindex="0"', html) if "<pre><code" in html else html


def _nav_lines(items: Any, depth: int = 0) -> list[str]:
    """The titles and addresses of a navigation (they show on every page). A page that
    ``nav`` gives no title is titled by its own text (its first heading or ``title``),
    which MkDocs reads after the navigation: the digest of its source stands for it."""
    lines: list[str] = []
    for item in items or []:
        line = f"{depth}\t{item.title}\t{getattr(item, 'url', '')}"
        if isinstance(item, Page):
            line += "\t" + hashlib.blake2b(item.file.content_bytes, digest_size=16).hexdigest()
        lines.append(line)
        lines += _nav_lines(getattr(item, "children", None), depth + 1)
    return lines


SITEMAP_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
    'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)
SITEMAP_TAIL = "\n</urlset>"
SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")
ROBOTS = "robots.txt"


def robots_txt(site_url: str | None) -> str | None:
    """The ``robots.txt`` of a site at the root of its host (``site_url`` with no path): every
    page may be crawled, and the sitemap is named, so that a crawler finds every page and its
    languages without being told. ``None`` for a site under a path (crawlers read
    ``robots.txt`` at the host's root only, which is not the site's to write) or without an
    address. A ``robots.txt`` among the site's own files (``docs/robots.txt``) is published
    instead (:meth:`CredcatPlugin.on_files`)."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
        return None
    if parts.query or parts.fragment or any(ch.isspace() or ch < " " for ch in site_url):
        return None
    return (
        "# Written by credcat: every page may be crawled; the sitemap lists them all, with\n"
        "# their languages. To publish your own, put a robots.txt in the docs folder.\n"
        "User-agent: *\n"
        "Disallow:\n"
        "\n"
        f"Sitemap: {parts.scheme}://{parts.netloc}/sitemap.xml\n"
    )


SITEMAP_TAILS = 1024
"""The alternates (``hreflang`` links) of this many base paths are kept while the sitemap is
written: a page's counterparts in the other languages come soon after it (a credential's pages
together), and the alternates of every page of 10,000 credentials took about 2 KB a
credential. The same entries either way; a tail let go is made again when asked."""
TEXT_BATCH = 1 << 20
"""Characters of a streamed text written at once (a sitemap's entries are a few hundred each)."""


def _batched_texts(texts: Iterable[str]) -> Iterator[str]:
    """``texts`` joined into pieces of about :data:`TEXT_BATCH` characters, in order."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= TEXT_BATCH:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)


def _forget_url_parts() -> None:
    """Empty MkDocs' unbounded caches of every address it made a relative link from or to
    (``mkdocs.utils._norm_parts``, one entry per page, and ``mkdocs.utils._get_norm_url``,
    one per address linked, such as each page's alternates in the language switch): after each
    chunk of credcat's pages, or they grow with them (about 45 MB and 8 MB at 90,000 pages). A
    later MkDocs without them needs nothing."""
    for name in ("_norm_parts", "_get_norm_url"):
        clear = getattr(getattr(mkdocs.utils, name, None), "cache_clear", None)
        if callable(clear):
            clear()


WORKER_SAFE_PLUGINS = frozenset({"credcat", "search"})
"""The plugins whose part in rendering a page of credcat's is known to be the same in a
worker process: credcat, and the search plugin (MkDocs' or Material's), whose entries the
workers hand back. Another plugin's ``page_context`` and ``post_page`` events may keep what
they see of each page for later (a list of pages, a count), which a worker's copy of the
plugin would keep in vain: with one, a build uses worker processes only when
``CREDCAT_JOBS`` asks for them."""


def _plugins_known_in_workers(config: MkDocsConfig) -> bool:
    """Whether every plugin of the site is one of :data:`WORKER_SAFE_PLUGINS`."""
    return all(name.split("/")[-1] in WORKER_SAFE_PLUGINS for name in config.plugins)


def _search_entries(config: MkDocsConfig) -> list[Any] | None:
    """The list of entries of the site's search index (Material's or MkDocs' search plugin):
    pages rendered in worker processes hand theirs back to the build's process. ``None``
    when the site has a search plugin whose entries credcat cannot reach (pages are then
    rendered in the build's process), an empty list when it has none."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] != "search":
            continue
        index = getattr(plugin, "search_index", None)
        for attribute in ("entries", "_entries"):
            found = getattr(index, attribute, None)
            if isinstance(found, list):
                return found
        return None
    return []


def _page_meta(spec: PageSpec) -> dict[str, Any]:
    """A generated page's front matter: its template, and what it hides."""
    meta: dict[str, Any] = {"template": spec.template}
    if spec.version_page or spec.number > 1:
        # a version, or a further page of the catalogue's list or of an organisation's
        meta["search"] = {"exclude": True}
    if spec.kind in {"catalogue", "organisations", "check", "compare"}:
        meta["hide"] = ["toc"]
    if spec.kind == "summary":  # a print view: no navigation, no contents
        meta["hide"] = ["navigation", "toc"]
    return meta


def _moved_edit_url(edit_url: str | None, moved: str, source: str) -> str | None:
    """The edit link of a hand-written page served at another path: its real file's."""
    if not edit_url:
        return edit_url
    if edit_url.endswith(moved):
        return edit_url[: -len(moved)] + source
    return edit_url


def _xml(text: str) -> Markup:
    """The ``xml`` filter: text escaped for SVG (quotes too), marked safe for autoescape."""
    return Markup(xml_text(str(text)))  # noqa: S704 - escaped just above


def _add_filters(env: jinja2.Environment) -> None:
    """The filters credcat's templates use, and :func:`_plain_dict_attributes`."""
    env.filters["json_for_script"] = json_for_script
    env.filters["xml"] = _xml
    env.filters["lang_attr"] = lang_attributes
    env.filters["plural_data"] = plural_data
    env.filters["in_span"] = in_span
    env.filters["interface_lang"] = interface_language
    env.tests["fallback"] = is_fallback
    env.filters["og_locale"] = og_locale
    _plain_dict_attributes(env)


_DICT_ATTRIBUTES = frozenset(dir(dict))
"""What ``getattr`` finds on a plain ``dict``: its methods and special attributes."""


def _plain_dict_attributes(env: jinja2.Environment) -> None:
    """Let ``env`` read ``x.name`` of a plain ``dict`` as ``x["name"]`` straight away.

    Jinja compiles ``x.name`` to ``environment.getattr(x, "name")``, which tries the attribute
    first and the key after the ``AttributeError``. credcat's page contexts are plain dicts
    (typed dicts) read hundreds of times a page, so raising and catching that error cost
    about a twentieth of a build. The result is the same: for a plain ``dict`` the attribute
    exists only for the names of :data:`_DICT_ATTRIBUTES`, which still go the general way,
    and a missing key is the environment's undefined value, as before.
    """
    if getattr(env.getattr, "credcat", False):
        return
    general = env.getattr

    def getattr_(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return general(obj, attribute)

    getattr_.credcat = True  # type: ignore[attr-defined]
    env.getattr = getattr_  # type: ignore[method-assign]


def _strict_env(env: jinja2.Environment) -> jinja2.Environment:
    """The environment of credcat's page bodies: the theme's loader, autoescape on, and
    ``StrictUndefined``, so a key a context lacks (a typo) fails the build loudly.

    ``env`` is a fresh environment of the theme (:meth:`~mkdocs.theme.Theme.get_env`), used only
    for credcat's templates; Material's templates keep MkDocs' lenient environment.
    """
    env.autoescape = True
    env.undefined = jinja2.StrictUndefined
    _add_filters(env)
    return env
