"""The only place that knows page URLs, file names and identifiers (IRIs).

Decided once, so they never change after publication:

* A credential's id is its file name. Each *version* has a permanent page and permanent IRIs:
  ``credentials/<id>/<version>/`` (the page) and ``…/<version>/#spec``, ``#outcome-<oid>`` … (the
  things it describes). ``credentials/<id>/`` always shows the current version.
* Machine-readable files live beside the versioned page, once per version, with every language
  inside: ``credentials/<id>/<version>/elm.jsonld`` etc. The one exception is live: a
  credential's offerings (runs) are not part of a version, so their learning opportunities
  sit at its unversioned address, ``credentials/<id>/opportunities.jsonld``, with IRIs on the
  credential's page (``credentials/<id>/#offering-<id>``).
* A credential's unversioned record (``catalogue.jsonld``) is on its current page:
  ``credentials/<id>/#spec`` (:meth:`Urls.record_iri`).
* A draft's version that is not released has no permanent address (no page, summary or files
  there: :func:`credcat.versions.has_address`); where it is described (``catalogue.jsonld``,
  its current page), its IRIs are its current page's: ``credentials/<id>/#spec`` …
  (:meth:`Urls.without_address`).
* Organisations are not versioned: ``organisations/<id>/`` and ``…/#org``.
* Anchors inside a credential page are also the fragments of the IRIs of what they show:
  ``#spec``, ``#outcome-<oid>``, ``#assessment-<aid>``, ``#offering-<id>`` (:func:`outcome_anchor`
  …), so a page and its JSON-LD can never disagree on them.
* The default language sits at the site root; every other language under ``<lang>/`` (pages
  and their ``catalogue.json`` only; machine files are not duplicated per language).
  :meth:`Urls.for_language` gives the scheme of one language's pages: its page methods then
  prefix ``<lang>/``, while IRIs and machine files never carry a language.

Paths here are relative to the site root, use ``/`` and end in ``/`` for pages ("directory
URLs"). :meth:`Urls.iri` makes them absolute with the catalogue's ``base_uri``. :meth:`Urls.of`
is the one place that builds the scheme of a catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote, unquote

from .ids import SLUG_RE
from .model import VERSION_RE, CatalogueSettings

MACHINE_FILES: dict[str, tuple[str, str]] = {
    "elm": ("elm.jsonld", "application/ld+json"),
    "edc": ("edc-template.json", "application/json"),
    "ob3": ("ob3-achievement.json", "application/json"),
}
"""Machine-readable files published beside each credential version: key → (file name, type)."""

OPPORTUNITIES: tuple[str, str] = ("opportunities.jsonld", "application/ld+json")
"""The learning opportunities of a credential's offerings (Europass LOQ), once per credential
at its unversioned address (:meth:`Urls.opportunities`): file name, type."""

BADGE_IMAGE = "badge.svg"
"""The generated badge image of a credential version (Open Badges ``image``)."""

SPEC_ANCHOR = "spec"
"""Fragment of a credential version's specification (ELM ``Qualification``); the id of the
credential page's main element."""

ORG_ANCHOR = "org"
"""Fragment of an organisation's IRI; the id of the organisation page's main element."""

CATALOGUE_JSON = "catalogue.json"
CATALOGUE_TEXTS = "catalogue-texts.json"
CATALOGUE_JSONLD = "catalogue.jsonld"

CREDENTIALS = "credentials"
"""The folder of every credential's pages and files (``credentials/<id>/``)."""


@lru_cache(maxsize=4096)
def _safe(part: str, pattern: object = SLUG_RE) -> str:
    """Refuse anything that could escape its folder; ids are validated before they get here.

    Memoised: a build asks for the same ids' paths hundreds of thousands of times, mostly one
    credential's together, so the last few thousand parts are enough (not one per credential
    of a large catalogue for the whole build)."""
    if not part or "/" in part or part in {".", ".."} or not getattr(pattern, "match")(part):  # noqa: B009
        raise ValueError(f"unsafe URL part: {part!r}")
    return quote(part, safe="-._~")


@dataclass(frozen=True, slots=True)
class Urls:
    """URL and IRI scheme of one catalogue.

    Attributes:
        base_uri: Absolute base of every IRI, ending in ``/``.
        default_language: Language served at the site root.
    """

    base_uri: str
    default_language: str = "en"
    page_language: str | None = None
    """Language of the pages this scheme links (:meth:`for_language`); ``None``: the default."""
    unaddressed: tuple[str, str] | None = None
    """A credential version described without a permanent address, ``(id, version)``
    (:meth:`without_address`); ``None``: every version is described at its own."""

    @classmethod
    def of(cls, settings: CatalogueSettings, site_url: str | None = None) -> Urls:
        """The URL scheme of a catalogue, optionally re-based (e.g. for a staging host).

        Args:
            settings: The catalogue's settings (``base_uri``, ``default_language``).
            site_url: Another base for every IRI, instead of ``base_uri``.
        """
        base = site_url or settings.base_uri
        if not base.endswith("/"):
            base += "/"
        return cls(base_uri=base, default_language=settings.default_language)

    def for_language(self, lang: str | None) -> Urls:
        """The same scheme for the pages of ``lang``: page paths get its ``<lang>/`` prefix.

        IRIs (:meth:`spec_iri`, :meth:`organisation_iri` …) and machine files stay the same in
        every language: they name things, not pages in a language.
        """
        return replace(self, page_language=lang)

    def without_address(self, cid: str, version: str) -> Urls:
        """The same scheme for describing version ``version`` of ``cid`` where it has no
        permanent address (a draft's version not released:
        :func:`credcat.versions.has_address`): its IRIs (:meth:`spec_iri`, :meth:`node_iri`)
        and its page (:meth:`description_page`) are its credential's current page,
        ``credentials/<id>/``, which shows it with the same anchors and promises no
        permanence. Page and file paths are not changed: such a version has none."""
        return replace(self, unaddressed=(cid, version))

    def prefix(self, lang: str | None = None) -> str:
        """The folder of a language's pages: ``""`` for the default language, else ``<lang>/``."""
        return self._lang(lang)

    def _lang(self, lang: str | None) -> str:
        if lang is None:
            lang = self.page_language
        if lang is None or lang == self.default_language:
            return ""
        return f"{_safe(lang)}/"

    # pages ---------------------------------------------------------------------------------

    def home(self, lang: str | None = None) -> str:
        """The home page."""
        return self._lang(lang)

    def catalogue_page(self, lang: str | None = None) -> str:
        """The browsable catalogue."""
        return f"{self._lang(lang)}catalogue/"

    def pathways_page(self, lang: str | None = None) -> str:
        """The stackability graph."""
        return f"{self._lang(lang)}pathways/"

    def data_page(self, lang: str | None = None) -> str:
        """The page that explains the machine-readable files."""
        return f"{self._lang(lang)}data/"

    def guide_page(self, lang: str | None = None) -> str:
        """The hand-written guide for learners and employers (``docs/how-to-read.md``)."""
        return f"{self._lang(lang)}how-to-read/"

    def check_page(self, lang: str | None = None) -> str:
        """The "Check a credential" page for employers."""
        return f"{self._lang(lang)}check/"

    def compare_page(self, lang: str | None = None) -> str:
        """The compare page (the credentials to compare are in its query: ``?ids=a,b,c``)."""
        return f"{self._lang(lang)}compare/"

    def organisations_page(self, lang: str | None = None) -> str:
        """The list of organisations."""
        return f"{self._lang(lang)}organisations/"

    def credential(self, cid: str, lang: str | None = None) -> str:
        """The current-version page of a credential."""
        return f"{self._lang(lang)}{CREDENTIALS}/{_safe(cid)}/"

    def credential_version(self, cid: str, version: str, lang: str | None = None) -> str:
        """The permanent page of one version of a credential."""
        return f"{self.credential(cid, lang)}{_safe(version, VERSION_RE)}/"

    def credential_summary(self, cid: str, version: str, lang: str | None = None) -> str:
        """The one-page employers' summary of one version of a credential (a print view)."""
        return f"{self.credential_version(cid, version, lang)}summary/"

    def organisation(self, oid: str, lang: str | None = None) -> str:
        """An organisation's page."""
        return f"{self._lang(lang)}organisations/{_safe(oid)}/"

    def organisation_logo(self, oid: str, logo: str) -> str:
        """An organisation's logo file, once for every language: ``organisations/<id>/logo.svg``
        (the extension of the catalogue's file, lowercased)."""
        ext = logo.rsplit(".", 1)[-1].lower()
        return f"organisations/{_safe(oid)}/logo.{_safe(ext)}"

    def credential_of(self, path: str) -> str | None:
        """The id of the credential whose folder holds ``path`` (a page's address, a page's
        ``src_uri`` or a data file's path, in any language's folder), or ``None``: the one
        place that reads an address back, so that a build can tell a credential's pages and
        files without listing every one. The id is not checked against any catalogue."""
        parts = path.split("/", 3)
        if len(parts) > 2 and parts[0] != CREDENTIALS and parts[1] == CREDENTIALS:
            parts = parts[1:]  # <lang>/credentials/<id>/…
        if len(parts) > 2 and parts[0] == CREDENTIALS and parts[1]:
            return unquote(parts[1])
        return None

    # files ---------------------------------------------------------------------------------

    def catalogue_json(self, lang: str | None = None) -> str:
        """The catalogue page's data (one per language, beside the language's pages)."""
        return f"{self._lang(lang)}{CATALOGUE_JSON}"

    def catalogue_texts(self, lang: str | None = None) -> str:
        """The long texts of the catalogue page's data, read by its text search and by the
        compare page (one per language, beside its ``catalogue.json``)."""
        return f"{self._lang(lang)}{CATALOGUE_TEXTS}"

    def machine_file(self, cid: str, version: str, kind: str) -> str:
        """Path of a machine-readable file (``kind`` is a key of :data:`MACHINE_FILES`)."""
        return self.version_path(cid, version) + MACHINE_FILES[kind][0]

    def opportunities(self, cid: str) -> str:
        """Path of a credential's learning opportunities (:data:`OPPORTUNITIES`): beside its
        current page, as its offerings are the credential's now, not a version's."""
        return self.credential(cid, self.default_language) + OPPORTUNITIES[0]

    def ob3_edition(self, cid: str, version: str, lang: str | None = None) -> str:
        """Path of a version's Open Badges 3.0 achievement in one language: the main edition
        (``lang`` ``None``) is ``ob3-achievement.json``, another ``ob3-achievement.<lang>.json``.
        """
        name = MACHINE_FILES["ob3"][0]
        if lang is not None:
            name = name.replace(".json", f".{_safe(lang)}.json")
        return self.version_path(cid, version) + name

    def badge_image(self, cid: str, version: str, lang: str | None = None) -> str:
        """Path of a version's badge image (SVG) in one language: ``badge.svg`` for the main
        edition, ``badge.<lang>.svg`` for the others."""
        name = BADGE_IMAGE if lang is None else BADGE_IMAGE.replace(".svg", f".{_safe(lang)}.svg")
        return self.version_path(cid, version) + name

    def version_path(self, cid: str, version: str) -> str:
        """A version's page in the default language: the path its IRIs and files are under."""
        return self.credential_version(cid, version, self.default_language)

    def addressed(self, cid: str, version: str) -> bool:
        """Whether this scheme describes a version at its permanent address (every version
        but the one of :meth:`without_address`)."""
        return self.unaddressed != (cid, version)

    def description_page(self, cid: str, version: str) -> str:
        """The page in the default language that describes a version, where its IRIs land:
        its permanent page (:meth:`version_path`), or its credential's current page for the
        version described without an address (:meth:`without_address`)."""
        if not self.addressed(cid, version):
            return self.credential(cid, self.default_language)
        return self.version_path(cid, version)

    # identifiers ---------------------------------------------------------------------------

    def iri(self, path: str) -> str:
        """Absolute IRI of a site path."""
        return self.base_uri + path

    def spec_iri(self, cid: str, version: str) -> str:
        """IRI of the credential specification (ELM ``Qualification``) of one version."""
        return self.iri(self.description_page(cid, version)) + "#" + SPEC_ANCHOR

    def node_iri(self, cid: str, version: str, fragment: str) -> str:
        """IRI of a node inside a version's description, e.g. ``outcome-sql``."""
        page = self.description_page(cid, version)
        return self.iri(page) + "#" + quote(fragment, safe="-._~")

    def record_iri(self, cid: str) -> str:
        """IRI of a credential's unversioned record (``catalogue.jsonld``): the credential as
        it is now, whatever version is current, on its current page (``…/<id>/#spec``)."""
        return self.record_node_iri(cid, SPEC_ANCHOR)

    def record_node_iri(self, cid: str, fragment: str) -> str:
        """IRI of a node on a credential's current page (an offering: ``offering-<id>``)."""
        base = self.iri(self.credential(cid, self.default_language))
        return base + "#" + quote(fragment, safe="-._~")

    def organisation_iri(self, oid: str) -> str:
        """IRI of an organisation."""
        return self.iri(self.organisation(oid, self.default_language)) + "#" + ORG_ANCHOR

    def catalogue_iri(self) -> str:
        """IRI of the catalogue as a whole."""
        return self.base_uri + "#catalogue"


def outcome_anchor(oid: str) -> str:
    """Anchor (and IRI fragment) of a learning outcome on its credential's page."""
    return f"outcome-{oid}"


def assessment_anchor(aid: str) -> str:
    """Anchor (and IRI fragment) of an assessment on its credential's page."""
    return f"assessment-{aid}"


def offering_anchor(offering_id: str) -> str:
    """Anchor (and IRI fragment) of an offering on its credential's page."""
    return f"offering-{offering_id}"


def relative(from_page: str, to_path: str) -> str:
    """Relative link from one site path (a page, ending in ``/``) to another path.

    Relative links keep the site working under any prefix and from ``file://``.
    """
    prefix = "../" * from_page.count("/")
    result = prefix + to_path
    return result or "./"
