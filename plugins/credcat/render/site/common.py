"""What every page of one catalogue in one language shares: links, references, the base context.

Owns :class:`Site`: the catalogue, its URLs, the page language's
:class:`~credcat.render.site.localise.Localiser`, relative links between pages, and the
references to organisations and credentials that every page kind lists. The page builders
(:mod:`.credential`, :mod:`.organisation`, :mod:`.catalogue`, :mod:`.pathways`,
:mod:`.check`) take a :class:`Site`; none of them imports another.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from datetime import date
from typing import Protocol, TypeVar

from markupsafe import Markup, escape

from ...catalogue import Catalogue
from ...clock import today as clock_today
from ...licences import licence_of
from ...urls import CATALOGUE_JSONLD, Urls, relative
from ..language import LanguageMap, chosen_language
from ..logos import logo_files
from .context import BaseContext, CredRef, Logo, OrgRef, PageNumber, Part, WrittenIn
from .localise import Localiser, rich, ui_strings
from .messages import interface_language
from .written import same_language

__all__ = ["STATUS_ORDER", "Site", "licence_line", "numbered_page", "page_count"]

_T = TypeVar("_T")

STATUS_ORDER = ("active", "draft", "superseded", "retired")
"""Order of statuses wherever credentials are listed and filtered."""


def page_count(items: int, per_page: int) -> int:
    """How many pages a list of ``items`` fills, ``per_page`` a page (at least one)."""
    return max(1, -(-items // per_page))


def numbered_page(first: str, number: int) -> str:
    """Site path of page ``number`` (from 1) of a list split into pages whose first page is at
    ``first``: ``catalogue/``, ``catalogue/2/`` …"""
    return first if number == 1 else f"{first}{number}/"


def licence_line(catalogue: Catalogue, lang: str) -> Markup | None:
    """The line of every page's footer that names the licence of the catalogue's data
    (``data_licence``), in ``lang``: "Data licence: CC BY 4.0", its name a link to the
    licence's text (:func:`credcat.licences.licence_of`: a licence credcat knows by its
    short name, another by its address); ``None`` where ``catalogue.yaml`` names none.
    In a language credcat's interface does not speak, the words are English, and marked so."""
    if catalogue.settings.data_licence is None:
        return None
    licence = licence_of(catalogue.settings.data_licence)
    before, _, after = str(ui_strings(lang)["footer_data_licence"]).partition("{licence}")
    link = Markup('<a href="{}">{}</a>').format(licence.url, licence.name)
    line = escape(before) + link + escape(after)
    words = interface_language(lang)
    return line if words == lang else Markup('<span lang="{}">{}</span>').format(words, line)


class EntryMemo(Protocol):
    """``memo(kind, credential_id, make)``: an entry of the catalogue files
    (:mod:`credcat.render.site.index`), or its JSON text, kept from an earlier build where the
    credential has not changed (``mkdocs serve``), else ``make()``. Entries hold no address, so
    they do not depend on the URL scheme."""

    def __call__(self, kind: str, cid: str, make: Callable[[], _T]) -> _T: ...


class Site:
    """The shared state of the pages of one catalogue in one language.

    Attributes:
        cat: The validated catalogue.
        urls: Its URL scheme.
        lang: The page language.
        loc: The localiser of ``lang``.
        machine_files: Whether the machine-readable files are published (downloads block).
        today: The build's today (:func:`credcat.clock.today`): runs that started before it
            are not offered for enrolment, quality assurance valid until before it is expired
            (pages correct both at view time with ``credential.js``).
        logos: The published logo of each organisation that has a usable one.
        entry_memo: Under ``mkdocs serve``, where the catalogue's list takes the entries of
            unchanged credentials from (set by the adapter once it knows which changed).
        written_in: The language of the text of the hand-written pages at these site paths
            (set by the adapter once it knows them: an untranslated guide is shown in the
            default language), which links to them say where it is another than the page's.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        urls: Urls,
        lang: str | None = None,
        *,
        machine_files: bool = True,
        today: date | None = None,
    ) -> None:
        """Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        lang: Language of the pages (default: the catalogue's default language).
        machine_files: Whether the machine-readable files are published.
        today: The date the pages are built for (default: :func:`credcat.clock.today`).
        """
        self.cat = catalogue
        self.urls = urls
        self.lang = lang or catalogue.settings.default_language
        self.loc = Localiser(self.lang, tuple(catalogue.languages))
        self.machine_files = machine_files
        self.today = today or clock_today()
        self.logos = logo_files(catalogue, urls)
        self.entry_memo: EntryMemo | None = None
        self.written_in: Mapping[str, str] = {}
        self._written_notes: dict[str, WrittenIn | None] = {}  # by the language of a text
        self._root: str | None = None  # see links_from

    def link(self, page: str, target: str) -> str:
        """Relative link from one site page to another site path (on a site made by
        :meth:`links_from`, from its placeholder)."""
        if self._root is not None:
            return self._root + target
        return relative(page, target)

    def links_from(self, placeholder: str) -> Site:
        """This site, but every link it makes begins with ``placeholder`` where it began with
        the ``../`` that lead from its page to the site's root: for a body that pages at
        different depths share, each page putting its own ``../`` in its place
        (:func:`credcat.render.site.credential.fill`). Everything else is this site's."""
        site = copy.copy(self)
        site._root = placeholder
        return site

    def written_in_of(self, target: str) -> WrittenIn | None:
        """What a link to the hand-written page at site path ``target`` says of the language
        of its text, where that is not credcat's words' on the page (``None``: nothing)."""
        lang = self.written_in.get(target)
        if lang is None:
            return None
        if lang in self._written_notes:  # made once: every page of a language says it
            return self._written_notes[lang]
        said: WrittenIn | None = None
        if not same_language(lang, self.loc.words):
            said = {"lang": lang, "note": self.loc.in_language(lang)}
        self._written_notes[lang] = said
        return said

    def page_numbers(
        self, page: str, number: int, total: int, path_of: Callable[[int], str]
    ) -> list[PageNumber]:
        """The links from page ``number`` (at ``page``) of a list split into ``total`` pages to
        each of them (``path_of``: a page's site path), the current one marked; none where
        the list has one page."""
        if total < 2:
            return []
        return [
            {"text": str(n), "href": self.link(page, path_of(n)), "current": n == number}
            for n in range(1, total + 1)
        ]

    def org_name(self, oid: str, *, short: bool = False) -> str:
        """Name of an organisation (short name when asked and given)."""
        org = self.cat.organisations.get(oid)
        if org is None:
            return oid
        if short and org.short_name:
            return self.loc.text(org.short_name)
        return self.loc.text(org.name)

    def name_then(self, oid: str, then: LanguageMap | None) -> str:
        """The name of an organisation as a release recorded it (``then``), in the page
        language as :meth:`Localiser.text` picks it, where it differs from the organisation's
        name now in the language picked; "" where it is the same (or nothing was recorded).
        A language added to the name since, or one the page falls back from, is no other
        name."""
        org = self.cat.organisations.get(oid)
        chosen = chosen_language(then, self.lang, self.loc.default)
        if org is None or not then or not chosen or org.name.get(chosen) == then[chosen]:
            return ""
        return self.loc.text(then)

    def now_named(self, oid: str) -> list[Part]:
        """ "now <its name>", after the name an organisation had when a version was released
        (:meth:`name_then`); the name, a catalogue text, a part of its own (marked with its
        language where it is not the page's)."""
        name: Part = {"text": self.org_name(oid), "href": "", "rel": ""}
        return rich(str(self.loc.ui["org_now"]), {"name": name})

    def org_ref(
        self, page: str, oid: str, *, short: bool = False, then: LanguageMap | None = None
    ) -> OrgRef:
        """An organisation as a link: name, href, country ("" when unknown) and logo; with
        ``then`` (its name as the release of the version a page shows recorded it), the name
        it had then where it differs from its name now, which ``now`` gives ("now …")."""
        org = self.cat.organisations.get(oid)
        was = self.name_then(oid, then)
        return {
            "text": was or self.org_name(oid, short=short),
            "href": self.link(page, self.urls.organisation(oid)),
            "country": self.loc.label("country", org.country) if org is not None else "",
            "logo": self.logo(page, oid),
            "now": self.now_named(oid) if was else [],
        }

    def logo(self, page: str, oid: str) -> Logo | None:
        """An organisation's logo as an image (relative ``src``; its name as ``alt``), or
        ``None`` when it has no usable logo."""
        found = self.logos.get(oid)
        if found is None:
            return None
        return {
            "src": self.link(page, found.path),
            "alt": self.loc.ui_text("logo_alt", name=self.org_name(oid)),
        }

    def cred_ref(self, page: str, cid: str) -> CredRef:
        """A credential as a link, with its status and ECTS."""
        cred = self.cat.briefs[cid]
        return {
            "id": cid,
            "text": self.loc.text(cred.title),
            "href": self.link(page, self.urls.credential(cid)),
            "status": cred.status,
            "status_label": str(self.loc.ui["status"][cred.status]),
            "eqf": cred.eqf,
            "level": self.loc.ui_text("card_level", level=cred.eqf),
            "ects": self.loc.number(cred.ects) if cred.ects is not None else "",
        }

    def base(self, kind: str, page: str, title: str) -> BaseContext:
        """The part of a context that every page has."""
        urls = self.urls
        return {
            "kind": kind,
            "lang": self.lang,
            "path": page,
            "title": title,
            "ui": self.loc.ui,
            "links": {
                "catalogue": self.link(page, urls.catalogue_page()),
                "pathways": self.link(page, urls.pathways_page()),
                "organisations": self.link(page, urls.organisations_page()),
                "data": self.link(page, urls.data_page()),
                "home": self.link(page, urls.home()),
                "how_to_read": self.link(page, urls.guide_page()),
                "catalogue_json": self.link(page, urls.catalogue_json()),
                "catalogue_jsonld": (
                    self.link(page, CATALOGUE_JSONLD) if self.machine_files else ""
                ),
                "catalogue_texts": self.link(page, urls.catalogue_texts()),
                "check": self.link(page, urls.check_page()),
            },
            "written_in": {
                "data": self.written_in_of(urls.data_page()),
                "how_to_read": self.written_in_of(urls.guide_page()),
            },
            "toc": [],
        }
