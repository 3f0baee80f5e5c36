"""The typed contract between the page builders and the templates in ``credcat/theme/credcat/``.

Owns :class:`PageSpec` (which pages exist) and one ``TypedDict`` per context and per item a
template reads. Every key a template reads is present in every context (``""``, ``None``,
``False`` or ``[]`` when there is nothing to show): the plugin renders credcat's templates with
Jinja's ``StrictUndefined``, so a missing key or a typo fails the build instead of printing an
empty string.

Values are plain ``str`` (the templates escape them) except descriptions and SVG, which are
:class:`markupsafe.Markup` made by :mod:`credcat.render.safe`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypedDict, get_args

from markupsafe import Markup

__all__ = [
    "PAGE_KINDS",
    "Assessment",
    "Banner",
    "BaseContext",
    "Card",
    "CatalogueContext",
    "CheckContext",
    "CompareContext",
    "CredRef",
    "CredentialContext",
    "Employers",
    "Facet",
    "FacetOption",
    "Fact",
    "FactItem",
    "Glance",
    "Link",
    "Logo",
    "OrgRef",
    "OrganisationContext",
    "OrganisationsContext",
    "PageContext",
    "PageKind",
    "PageLinks",
    "PageNumber",
    "PageSpec",
    "Part",
    "PathwaysContext",
    "SummaryContext",
    "TocItem",
]

PageKind = Literal[
    "credential",
    "summary",
    "organisation",
    "organisations",
    "catalogue",
    "pathways",
    "check",
    "compare",
]
PAGE_KINDS: tuple[PageKind, ...] = get_args(PageKind)


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, which template renders it, and what it shows.

    Attributes:
        kind: One of :data:`PAGE_KINDS`.
        path: Site path of the page (``credentials/x/``).
        src_uri: Virtual Markdown file name (``credentials/x/index.md``).
        title: Plain-text title (escaped by whoever prints it).
        entity: Credential or organisation id ("" for list pages).
        version_page: For credentials: the permanent page of a version.
        source: YAML file the page comes from, relative to the catalogue folder, or "".
        version: For a version's permanent page: the version it shows.
        number: For a list split into pages (the catalogue's, an organisation's): which
            page, from 1.
    """

    kind: PageKind
    path: str
    src_uri: str
    title: str
    entity: str = ""
    version_page: bool = False
    source: str = ""
    version: str = ""
    number: int = 1

    @property
    def template(self) -> str:
        """The page template (extends Material's ``main.html``)."""
        return f"credcat/{self.kind}.html"


# --- shared pieces ------------------------------------------------------------------------------


class Link(TypedDict):
    """A link: text and a relative (or vetted absolute) href."""

    text: str
    href: str


class WrittenIn(TypedDict):
    """What a link to a hand-written page whose text is in another language than the link's
    says of it: that language (``hreflang``) and the words that say it, "(auf Englisch)"."""

    lang: str
    note: str


class GuideLink(Link):
    """A link to a hand-written page, and the language of its text where it is another."""

    written_in: WrittenIn | None


class GuidesWrittenIn(TypedDict):
    """The language of the hand-written pages every page may link to (``data``, the data
    files; ``how_to_read``, the guide), where it is not credcat's words' on the page."""

    data: WrittenIn | None
    how_to_read: WrittenIn | None


class Part(TypedDict):
    """A piece of a sentence with link placeholders; ``href`` is "" for plain text."""

    text: str
    href: str
    rel: str


class TocItem(TypedDict):
    """An entry of the page's table of contents."""

    id: str
    title: str


class PageLinks(TypedDict):
    """Links every page carries (relative to the page)."""

    catalogue: str
    pathways: str
    organisations: str
    data: str
    home: str
    how_to_read: str
    catalogue_json: str
    catalogue_jsonld: str
    """Every credential's record ("" where the site publishes no machine-readable files)."""
    catalogue_texts: str
    check: str


class Logo(TypedDict):
    """An organisation's logo, shown as ``<img>`` (never inline SVG)."""

    src: str
    alt: str


class OrgRef(TypedDict):
    """An organisation as a link, with its country ("" when unknown) and logo; on the pages
    of a released version, ``text`` is the name it had then where it differs from its name
    now, which ``now`` says ("now …"; empty otherwise)."""

    text: str
    href: str
    country: str
    logo: Logo | None
    now: list[Part]


class CredRef(TypedDict):
    """A credential as a link, with its status and ECTS."""

    id: str
    text: str
    href: str
    status: str
    status_label: str
    eqf: int
    level: str  # "EQF 6" in the page language
    ects: str


class BaseContext(TypedDict):
    """What every page context holds."""

    kind: str
    lang: str
    path: str
    title: str
    ui: Mapping[str, Any]
    links: PageLinks
    written_in: GuidesWrittenIn
    toc: list[TocItem]


# --- credential page ----------------------------------------------------------------------------


class VersionLink(TypedDict):
    """The link between the current page and the permanent page of a version."""

    text: str
    href: str


class Version(TypedDict):
    """The version box of a credential page; ``link`` is ``None`` on the main page of a
    draft whose version is not released (it has no permanent page)."""

    number: str
    is_version_page: bool
    is_current: bool
    text: str
    link: VersionLink | None


class VersionEntry(TypedDict):
    """One row of a credential's version list (on its main page)."""

    version: str
    released: str
    fingerprint: str
    href: str
    current: bool


class Erratum(TypedDict):
    """An editorial correction recorded for the version a page shows."""

    date: str
    text: str


class VersionPrevious(TypedDict):
    """The version a version replaces, as a link."""

    version: str
    text: str
    href: str


class VersionRecord(TypedDict):
    """What a page says about the version it shows and the credential's other versions.

    Attributes:
        fingerprint: The version's fingerprint (``sha256:…``).
        unreleased: The version is not released yet (its fingerprint may still change).
        previous: Link to the version it replaces, or ``None`` for the first.
        changes: What changed from the previous version, in words (version pages).
        errata: Corrections recorded for this version.
        history: Every version published at its permanent address, oldest first (only on
            the main page: a version's own page never changes when a later version is
            released; a draft's version not released has no page to list).
    """

    fingerprint: str
    unreleased: bool
    previous: VersionPrevious | None
    changes: list[str]
    errata: list[Erratum]
    history: list[VersionEntry]


class Banner(TypedDict):
    """The notice on a draft, superseded or retired credential; ``note``: the status note of
    a credential no longer offered (its ``status_note``: Markdown as safe HTML, marked with its
    language; empty when it has none)."""

    kind: str
    parts: list[Part]
    successor: Part | None
    note: Markup


class FactItem(TypedDict):
    """One value of a key fact, linked when ``href``; ``suffix`` is shown in brackets;
    ``now`` after it (an organisation named otherwise now: :class:`OrgRef`)."""

    text: str
    href: str
    suffix: str
    now: list[Part]


class Fact(TypedDict):
    """A row of the key facts."""

    id: str
    label: str
    items: list[FactItem]
    note: str
    more: GuideLink | None


class Skill(TypedDict):
    """An ESCO skill of an outcome."""

    href: str
    code: str
    label: str


class Outcome(TypedDict):
    """A learning outcome."""

    id: str
    number: int
    anchor: str
    text: str
    reuse: str
    skills: list[Skill]


class OutcomeGroup(TypedDict):
    """The outcomes of one kind (knowledge, skills, responsibility and autonomy)."""

    kind: str
    heading: str
    items: list[Outcome]


class Proves(TypedDict):
    """An outcome an assessment proves, linked to its anchor."""

    text: str
    href: str
    number: int | str


class Assessment(TypedDict):
    """An assessment."""

    id: str
    anchor: str
    title: str
    type: str
    description: Markup
    proves: list[Proves]
    supervision: str
    identity: str
    identity_check: bool
    grading: str


class Quality(TypedDict):
    """A quality assurance entry.

    ``valid_until`` is the date in words, ``until`` the same date as ``YYYY-MM-DD`` (for the
    view-time script), ``expired`` whether it lies before the build's today, and
    ``expired_text`` the words shown once it is past ("Expired on …"; for a credential no
    longer offered, ``covered``, that it covered the holders assessed while it was valid).
    """

    type: str
    title: str
    body: OrgRef
    description: Markup
    url: str
    valid_until: str
    until: str
    expired: bool
    expired_text: str
    covered: bool


class StackGroup(TypedDict):
    """Related credentials of one kind (part of, has part, builds on, leads to)."""

    label: str
    key: str
    items: list[CredRef]


class Stackability(TypedDict):
    """How a credential stacks with others."""

    groups: list[StackGroup]
    note: Markup
    standalone: bool
    pathways: str


class Detail(TypedDict):
    """A label and value of an offering; ``key`` which (``dates``, ``deadline``, ``price``,
    ``where``, ``schedule``, ``languages``, ``places``); ``note``: what the catalogue says of
    the value (a price's reduced fees), else ``""``."""

    key: str
    label: str
    value: str
    note: str


class Offering(TypedDict):
    """An offering (a run) of a credential.

    ``until`` is the last day it is open for enrolment (``YYYY-MM-DD``: the application
    deadline, else the start), ``open`` whether that day is not before the build's today; the
    view-time script (``credential.js``) closes it once the reader's today is later (no
    enrolment, no price). ``ends`` is its last day (its end, else its start), ``ended``
    whether that is before the build's today: it is listed under "Past runs" as ``past`` (its
    dates, place and language), and the script moves it there on the reader's today.
    ``until`` and ``ends`` are ``""`` on an earlier version's page (a record). A run that is
    not offered (a draft's, planned; a retired credential's) has no ``until`` or ``ends``
    either (it is not moved to "Past runs") and says why it is not open in ``not_open``
    (``""`` for a run that is offered).
    """

    id: str
    anchor: str
    heading: str
    details: list[Detail]
    note: str
    enrol: Link | None
    until: str
    open: bool
    not_open: str
    ends: str
    ended: bool
    past: str


class NumberedText(TypedDict):
    """An outcome by its number on the credential page, its text, and a link to it."""

    number: int
    text: str
    href: str


class GlanceFact(TypedDict):
    """One fact at the top of a credential page."""

    id: str
    label: str
    value: str


class GlanceRun(TypedDict):
    """A run as the top of a credential page shows it (the next one open for enrolment): its
    start, ``language`` ("in German", where the runs differ in language, else ``""``), its own
    ``price`` with ``price_note`` (what the catalogue says of it; both ``""`` where the page
    gives no price), and Enrol."""

    id: str
    until: str
    start: str
    deadline: str
    href: str
    language: str
    price: str
    price_note: str
    enrol: Link | None
    shown: bool


class Glance(TypedDict):
    """The first screen of a credential page: what a learner decides on.

    Attributes:
        facts: Level, workload, mode and languages.
        outcomes: A few outcomes (skills first), shortened, numbered as on the page.
        all_outcomes: The link to every outcome.
        runs: Every run in date order; the template shows the first open one (``shown``)
            and the view-time script the first still open on the reader's today.
        offered: Whether the page offers runs (it lists them, and the credential is neither
            a draft nor retired: :func:`credcat.render.data.loq.offers_runs`).
        not_open: A draft's: enrolment is not open yet (``""`` otherwise).
        planned_link: A draft's with runs: the link to its planned runs.
    """

    facts: list[GlanceFact]
    outcomes: list[NumberedText]
    all_outcomes: Link
    runs: list[GlanceRun]
    offered: bool
    not_open: str
    planned_link: Link | None


class SummaryCheck(TypedDict):
    """How one assessment was checked, for the employers' summary."""

    title: str
    line: list[Part]
    proves: str


class SummaryQuality(TypedDict):
    """A quality assurance entry of the employers' summary: ``text`` its kind ("Programme
    quality assurance:"), ``body`` the name of who carried it out (as the version's release
    recorded it, ``body_now`` saying its name now where it differs: :class:`OrgRef`)."""

    text: str
    body: str
    body_now: list[Part]
    valid_until: str
    until: str
    expired: bool
    expired_text: str
    covered: bool


class Today(TypedDict):
    """A date filled in at view time by ``credential.js``; ``text`` is the build's fallback,
    ``locale`` the BCP 47 tag the script formats the date with (``en-GB``); ``before`` and
    ``after`` the sentence around it, as written around the build's date (Italian elides an
    article before some days: "Aggiornata all’8 marzo"; the script rewrites ``before`` for
    the reader's)."""

    iso: str
    text: str
    locale: str
    before: str
    after: str


class Employers(TypedDict):
    """The employers' summary: on the credential page (printed first) and as a page of its own.

    Attributes:
        catalogue: The catalogue's title; ``publisher`` its publisher (with logo).
        title: The credential's title; ``version``, ``fingerprint``, ``unreleased`` its version.
        status: "Status: Active (currently awarded)" or the successor.
        status_note: Why a credential no longer offered is not, and what to do instead (its
            ``status_note``, on the one-page summary only; empty otherwise).
        level: EQF level and workload.
        awarded: The awarding bodies (with country and logo).
        names_today: On a version whose release recorded no names of organisations it names
            (released before records held them, or a record that leaves some out), that
            they are named as they are today, as parts (empty otherwise).
        outcomes: Every outcome, numbered and ordered as on the credential page.
        checked: Every assessment: how it was supervised, the identity check, what it proves.
        qa: Quality assurance, with its validity (and whether it expired).
        reference: The permanent address of the version; ``qr`` its QR code (inline SVG);
            both empty for a draft's version not released, which has none.
        date: The date of the summary (the reader's today, filled in by the script).
        summary_href: The summary page of this version (relative link; empty where it has
            none: a draft's version not released).
        page_href: The page of the version (relative link, from the summary page).
    """

    catalogue: str
    publisher: OrgRef | None
    title: str
    version: str
    fingerprint: str
    unreleased: bool
    status: list[Part]
    status_note: Markup
    level: str
    awarded: list[OrgRef]
    names_today: list[Part]
    outcomes: list[NumberedText]
    checked: list[SummaryCheck]
    qa: list[SummaryQuality]
    reference: str
    qr: Markup
    date: Today
    summary_href: str
    page_href: str


class Further(TypedDict):
    """Further information and links."""

    text: Markup
    links: list[Link]
    homepage: str


class Download(TypedDict):
    """A machine-readable file of the credential."""

    kind: str
    href: str
    type: str
    label: str
    file: str


class CredentialContext(BaseContext):
    """Context of a credential page (current page or the permanent page of its version)."""

    id: str
    kicker: str
    summary: str
    description: Markup
    status: str
    status_label: str
    canonical: str
    permanent_iri: str
    """The version's permanent address; empty for a draft's version not released."""
    spec_anchor: str
    version: Version
    record: VersionRecord
    banner: Banner | None
    facts: list[Fact]
    outcome_groups: list[OutcomeGroup]
    assessments: list[Assessment]
    quality: list[Quality]
    prerequisites: Markup
    stackability: Stackability
    offerings: list[Offering]
    show_offerings: bool
    offerings_note: str
    """On an earlier version's page: its runs are a record, offered with the current version
    (or by none, for a draft or retired credential); on a draft's: its runs are planned."""
    offerings_heading: str
    """"Upcoming offerings"; "Planned runs" on a draft's page; "Past runs" where every run
    offered is over on the build's today; "Runs announced with this version" on an earlier
    version's page."""
    offerings_live: bool
    """The runs are the current ones and offered, marked upcoming or past on the build's today
    and again on the reader's (not on an earlier version's page, nor a draft's or a retired
    credential's: :func:`credcat.render.data.loq.offers_runs`)."""
    offerings_upcoming: bool
    """Some run is not over on the build's today."""
    offerings_past: bool
    """Some run is over on the build's today."""
    glance: Glance
    prices: str
    """The price on the reader's today, for ``credential.js``: the JSON of
    :func:`.credential.price_steps` on the price of the key facts (``data-credcat-prices``);
    ``""`` where the price never changes or is not shown."""
    awarding_logos: list[Logo]
    employers: Employers
    further: Further
    downloads: list[Download]
    schemaorg: dict[str, Any]


class SummaryContext(BaseContext):
    """Context of the one-page employers' summary of a version
    (``credentials/<id>/<version>/summary/``)."""

    id: str
    status: str
    employers: Employers


# --- organisations ------------------------------------------------------------------------------


class RoleColumn(TypedDict):
    """One role an organisation holds, with the credentials of the page it holds it for."""

    role: str
    heading: str
    column: str
    credentials: list[CredRef]


class RoleCell(TypedDict):
    """Whether the organisation holds a role for the credential of a row."""

    role: str
    holds: bool


class RoleRow(TypedDict):
    """A credential and the roles the organisation holds for it."""

    credential: CredRef
    roles: list[RoleCell]


class OrganisationContext(BaseContext):
    """Context of an organisation page."""

    id: str
    anchor: str
    short_name: str
    former: list[Part]
    """ "Formerly named: …", the names it had when versions naming it were released
    (:func:`~credcat.render.site.organisation.former_line`); empty where it had none."""
    kind_label: str
    country: str
    logo: Logo | None
    description: Markup
    homepage: str
    homepage_text: str
    email: str
    email_text: str
    phone: str
    address: list[str] | None
    legal_identifier: str
    identifiers: list[IdentifierRow]
    publisher: bool
    roles: list[RoleColumn]
    """The roles the organisation holds, each with the credentials of this page it holds it
    for."""
    rows: list[RoleRow]
    """This page's credentials (:data:`~credcat.render.site.organisation.ROWS_PER_PAGE`)."""
    number: int
    """Which page of the organisation's pages this is, from 1."""
    pages: list[PageNumber]
    """Links to each of the organisation's pages; empty when it has one."""


class IdentifierRow(TypedDict):
    """An identifier of an organisation: what it is (``VAT number``, a scheme name) and it."""

    label: str
    value: str


class OrganisationItem(TypedDict):
    """An organisation in the list of organisations."""

    id: str
    name: str
    former: list[Part]
    """ "Formerly named: …" (as on its page); empty where it had no other name."""
    href: str
    kind_label: str
    country: str
    roles: list[str]
    count: str


class OrganisationsContext(BaseContext):
    """Context of the list of organisations."""

    intro: str
    organisations: list[OrganisationItem]


# --- catalogue ----------------------------------------------------------------------------------


class Card(TypedDict):
    """A credential card of the catalogue page."""

    id: str
    href: str
    title: str
    summary: str
    providers: list[str]
    awarding: list[str]
    eqf: int
    eqf_label: str
    ects: str
    ects_label: str
    hours_label: str
    mode: str
    mode_label: str
    languages: list[str]
    status: str
    status_label: str
    next_start: str
    """"Next start 1 September 2026" as of the build date, "No run open for enrolment now", or
    "" (none announced)."""
    language: str
    """The next run's language ("in German") where the credential's runs differ in it, or ""."""
    price: str
    """The next run's price ("ask the provider" where it states none); "" where no run is
    open."""
    price_note: str
    """What the catalogue says of that price (a condition, a reduced fee), or ""."""
    no_longer: list[Part]
    """For a credential no longer offered, instead of a next start and a price: "No longer
    offered", or "Replaced by <successor>" (a link); else ``[]``."""
    logo: Logo | None
    """The logo of the first provider that has one, beside the providers' names (so its
    alternative text is empty: the name is already there)."""


class FacetOption(TypedDict):
    """A filter option with its count of active credentials."""

    value: str
    label: str
    count: int
    default: bool


class Facet(TypedDict):
    """A filter group."""

    id: str
    label: str
    options: list[FacetOption]


class Range(TypedDict):
    """The workload filter of the catalogue page: its unit (``"ects"`` where some credential
    states ECTS, else ``"hours"`` where some states hours, else ``""``: not offered), its label
    ("Workload in ECTS", "Workload in hours"), the smallest and largest value in that unit as
    the page writes it (``""`` where none), whether the filter is shown, and whether some
    credentials state hours only in a range of ECTS (they match by their hours, at 25 to 30
    an ECTS credit: the hint says so)."""

    unit: str
    label: str
    min: str
    max: str
    shown: bool
    hours_only: bool


class SortOption(TypedDict):
    """A sort order."""

    value: str
    label: str


class PageNumber(TypedDict):
    """A link to one page of a list split into pages (the no-JavaScript catalogue list, an
    organisation's credentials)."""

    text: str
    href: str
    current: bool


class CatalogueContext(BaseContext):
    """Context of the catalogue page (or a further page of its list): its cards, the filter
    controls with counts, and the links to the list's other pages."""

    intro: str
    number: int
    cards: list[Card]
    other_cards: list[Card]
    pages: list[PageNumber]
    compare_href: str
    config: dict[str, Any]
    """Handed to ``catalogue.js`` as JSON: the words of the cards it renders."""
    count_text: str
    facets: list[Facet]
    workload: Range
    sorts: list[SortOption]


# --- pathways -----------------------------------------------------------------------------------


class GraphNode(TypedDict):
    """A credential in a pathways SVG, with its position (numbers as SVG text)."""

    id: str
    status: str
    href: str
    x: str
    y: str
    lines: list[Line]
    lang: str  # the language of its title where it is not the page's, else ""
    meta: Line
    total: Line | None


class Line(TypedDict):
    """A line of SVG text and its position."""

    x: str
    y: str
    text: str


class GraphEdge(TypedDict):
    """An arrow between two credentials: its kind and SVG path."""

    kind: str
    d: str


class Graph(TypedDict):
    """One connected group of credentials, drawn as one SVG."""

    ident: str
    width: str
    height: str
    title: str
    desc: str
    node_width: str
    node_height: str
    edges: list[GraphEdge]
    nodes: list[GraphNode]
    size: int


class RouteStep(TypedDict):
    """A step of a route: a credential, or the parts listed before the whole they make."""

    parts: list[CredRef]
    whole: CredRef | None
    credential: CredRef | None


class Route(TypedDict):
    """A route through the graph, with its ECTS total."""

    heading: list[Part]  # "Towards {title}": the title a part of its own (it may be marked)
    steps: list[RouteStep]
    total: str


class LegendItem(TypedDict):
    """An edge kind of the legend."""

    kind: str
    label: str


class PathwaysContext(BaseContext):
    """Context of the pathways page: the graph per group and the same routes as a list."""

    intro: str
    graphs: list[Graph]
    routes: list[Route]
    more_routes: str
    """"Routes not listed here: N" when the list is cut, else empty."""
    standalone: list[CredRef]
    legend: list[LegendItem]


# --- check a credential --------------------------------------------------------------------------


class CheckContext(BaseContext):
    """Context of the "Check a credential" page.

    ``config`` is handed to ``check.js`` as JSON (a ``<script type="application/json">``
    block): the catalogue's ``base_uri``, the site root relative to the page, the limits on
    input and every UI string the script shows, so the script holds no words of its own.
    """

    intro: str
    viewer: str
    config: dict[str, Any]
    nojs_help: list[Part]
    """What can be done without JavaScript, with a link to the catalogue."""


# --- compare ------------------------------------------------------------------------------------


class CompareContext(BaseContext):
    """Context of the compare page (``compare/?ids=a,b,c``).

    The page is static: ``compare.js`` reads the ids from the URL and the credentials from
    ``catalogue.json`` and ``catalogue-texts.json``, and builds the table. ``config`` is handed
    to it as JSON: the two data files and the catalogue page relative to the page, the most
    credentials compared at once, and every UI string the script shows.
    """

    intro: str
    config: dict[str, Any]


PageContext = (
    CredentialContext
    | SummaryContext
    | OrganisationContext
    | OrganisationsContext
    | CatalogueContext
    | PathwaysContext
    | CheckContext
    | CompareContext
)
"""The context of any generated page."""
