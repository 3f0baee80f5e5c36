"""The credential page: the context of a credential's current page and of a version's page.

Owns what a learner and an employer read about one credential: key facts, outcomes,
assessments, quality assurance, stackability, offerings, the employers' summary and the
downloads. Anchors come from :mod:`credcat.urls`, the schema.org description and download
links from :mod:`credcat.render.data`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from ... import vocab
from ...changes import changes, describe_html
from ...model import (
    NO_LONGER_OFFERED,
    OUTCOME_KINDS,
    Credential,
    Offering,
    Price,
    QualityAssurance,
    ordered_outcomes,
)
from ...urls import SPEC_ANCHOR, assessment_anchor, offering_anchor, outcome_anchor
from ...versions import (
    FINGERPRINT_SCHEME,
    Succession,
    VersionInfo,
    credential_at,
    shown_unrecorded,
    succession,
)
from ..data.loq import offers_runs
from ..data.machine import machine_links
from ..data.nodes import JsonDict
from ..data.schemaorg import schemaorg
from ..language import in_span, same_kind
from ..qr import qr_code, qr_svg
from ..safe import safe_url
from .common import Site
from .context import (
    Banner,
    CredentialContext,
    CredRef,
    Download,
    Employers,
    Fact,
    FactItem,
    Glance,
    GlanceFact,
    GlanceRun,
    GuideLink,
    Link,
    NumberedText,
    OutcomeGroup,
    Part,
    Stackability,
    StackGroup,
    SummaryCheck,
    SummaryContext,
    SummaryQuality,
    VersionEntry,
    VersionLink,
    VersionPrevious,
    VersionRecord,
)
from .context import (
    Offering as OfferingContext,
)
from .context import (
    Outcome as OutcomeItem,
)
from .localise import rich, rich_list

__all__ = [
    "GLANCE_OUTCOMES",
    "LINK_ROOT",
    "NO_LONGER_OFFERED",
    "OUTCOME_KINDS",
    "PARTS",
    "VERSION_PARTS",
    "credential_context",
    "fill",
    "no_longer_offered",
    "open_until",
    "ordered_outcomes",
    "page_context",
    "price_on",
    "price_steps",
    "price_summary",
    "run_ends",
    "run_language_text",
    "run_languages",
    "run_price",
    "run_price_note",
    "says_run_languages",
    "shared_context",
    "shares_main_body",
    "summary_context",
    "unfilled",
]

GLANCE_OUTCOMES = 4
"""Outcomes shown at the top of a credential page (skills first); the rest follow below."""


def open_until(offer: Offering) -> date:
    """The last day a run is open for enrolment: its application deadline, else its start.

    A run is offered while today is not later than this day, at build time
    (:attr:`.common.Site.today`) and again at view time (``credential.js``).
    """
    return offer.application_deadline or offer.start


def run_ends(offer: Offering) -> date:
    """The last day of a run: its end, else its start (as ``credcat check`` reads a run
    without an end). Once today is later, the run is past: the credential page lists it
    under "Past runs", at build time and again at view time (``credential.js``)."""
    return offer.end or offer.start


def run_languages(cred: Credential, offer: Offering) -> list[str]:
    """The languages a run is taught in: its own, else the credential's."""
    return list(offer.languages or cred.languages)


def says_run_languages(cred: Credential) -> bool:
    """Whether the pages name each run's language beside its start: where a run is not taught
    in every language of the credential (runs in German and runs in English; or one run in
    German of a credential in German and English), so that "Languages: German and English"
    is never read as the language of the run offered."""
    every = set(cred.languages)
    return any(set(run_languages(cred, o)) != every for o in cred.offerings)


def run_language_text(site: Site, cred: Credential, offer: Offering) -> str:
    """The run's languages as a phrase ("in German"), where :func:`says_run_languages`, else
    ``""``."""
    if not says_run_languages(cred):
        return ""
    loc = site.loc
    names = [loc.running_language_name(code) for code in run_languages(cred, offer)]
    return loc.ui_text("run_languages", languages=loc.join(names))


def run_price(site: Site, offer: Offering) -> str:
    """The price of one run, or "ask the provider" where it states none."""
    return site.loc.price(offer.price) if offer.price else str(site.loc.ui["price_unknown"])


def run_price_note(site: Site, offer: Offering) -> str:
    """What the catalogue says of a run's price (a condition, a reduced fee), else ``""``."""
    return site.loc.text(offer.price.note) if offer.price and offer.price.note else ""


def no_longer_offered(site: Site, page: str, status: str, successor: str | None) -> list[Part]:
    """What a card says instead of a next start and a price for a credential no longer
    offered: "Replaced by <successor>" (a link from ``page``), or "No longer offered"; ``[]``
    for a credential that is offered (or will be)."""
    if status not in NO_LONGER_OFFERED:
        return []
    if status == "superseded" and successor and successor in site.cat.briefs:
        ref = site.cred_ref(page, successor)
        link: Part = {"text": ref["text"], "href": ref["href"], "rel": ""}
        return rich(str(site.loc.ui["card_replaced"]), {"successor": link})
    return rich(str(site.loc.ui["card_retired"]), {})


def _expired(site: Site, qa: QualityAssurance) -> bool:
    return qa.valid_until is not None and qa.valid_until < site.today


def _qa_past_text(site: Site, cred: Credential, qa: QualityAssurance) -> str:
    """What is shown of a quality assurance once it is past: "Expired on …" (the credential
    is still awarded: has it been renewed?); for a credential no longer offered, that it was
    valid until that day and covered the holders assessed while it was (nothing is awarded
    under it any more: there is nothing to renew)."""
    if qa.valid_until is None:
        return ""
    key = "qa_covered" if cred.status in NO_LONGER_OFFERED else "qa_expired"
    return site.loc.ui_text(key, date=site.loc.date(qa.valid_until))


def _shorten(text: str, limit: int = 90) -> str:
    """A text of more than ``limit`` characters cut in its middle at word boundaries, its start
    and its end kept ("Clean a messy data set and … document each step."): for lists that
    link to the full text. The end stays because in many languages an outcome's verb comes
    last ("Grenzen deskriptiver Statistik … erläutern"; cut at its end, a German outcome lost
    what the holder can do). A text marked with its language stays marked
    (:func:`~credcat.render.language.same_kind`)."""
    if len(text) <= limit:
        return text
    end = text[-(limit // 3) :]
    tail = end.split(" ", 1)[1] if " " in end else ""
    head = text[: limit - len(tail) - 3].rsplit(" ", 1)[0].rstrip(",;:.")
    return same_kind(text, f"{head} … {tail}" if tail else f"{head}…")


def _item(text: str, href: str = "", suffix: str = "", now: list[Part] | None = None) -> FactItem:
    return {"text": text, "href": href, "suffix": suffix, "now": now or []}


NamesThen = Mapping[str, Mapping[str, str]]
"""The name of each organisation a released version names, as its release recorded it (by
id); empty for a page of the credential as it is now."""


def names_then(site: Site, cid: str, version: str) -> NamesThen:
    """The names of the organisations a version names as its release recorded them
    (:attr:`credcat.catalogue.Release.organisation_names`): what its pages and summary show,
    each with its name now where it differs. Empty for a version not released, or released
    before credcat recorded them (the names now are shown, as before)."""
    release = site.cat.archive.get(cid, version)
    return release.names_then() if release is not None else {}


def names_today_note(site: Site, cid: str, version: str) -> list[Part]:
    """What a version's page and summary say once (``names_today``) where they show an
    organisation under today's name, as its release recorded no name for it
    (:data:`credcat.versions.ORGANISATIONS`) and credcat cannot know whether it was renamed
    since: released before credcat recorded them, that every organisation is shown so
    (``names_today``); a record that leaves some out (edited; ``credcat check`` warns), which
    ones (``names_today_some``: "Beta Agency is shown under today's name: …"), each name a
    part of its own (marked with its language). Nothing for a version not released (its
    names are today's) or one whose record names them all."""
    release = site.cat.archive.get(cid, version)
    if release is None:
        return []
    loc = site.loc
    if release.organisation_names is None:
        return rich(str(loc.ui["names_today"]), {})
    left = [oid for oid in shown_unrecorded(release) if oid in site.cat.organisations]
    if not left:
        return []
    names = loc.join_parts([site.org_name(oid) for oid in left])
    return rich_list(loc.plural(loc.ui["names_today_some"], len(left)), "names", names)


def workload(site: Site, cred: Credential) -> str:
    """``4 ECTS (110 hours of learning)``."""
    loc = site.loc
    work = cred.workload
    if work.ects is not None and work.hours is not None:
        return loc.ui_text("fact_workload_both", ects=loc.number(work.ects), hours=work.hours)
    if work.ects is not None:
        return loc.ui_text("fact_workload_ects", ects=loc.number(work.ects))
    return loc.ui_text("fact_workload_hours", hours=work.hours)


def price_summary(site: Site, cred: Credential) -> str:
    """The price of the offerings: one value, a range, or "ask the provider"."""
    return _prices(site, [o.price for o in cred.offerings if o.price is not None])


def price_on(site: Site, cred: Credential, day: date) -> str:
    """The price the key facts of a credential page show on ``day``: that of the runs open for
    enrolment on that day (:func:`open_until`), one value or a range ("ask the provider" where
    none of them states one); where runs are announced but none is open, that none is (no
    price: nothing is offered at it); where none is announced, "ask the provider".

    The first screen shows the price of the run it offers instead (:func:`run_price`). The
    build shows this one for its own today (:attr:`.common.Site.today`), ``credential.js`` for
    the reader's, from :func:`price_steps`.
    """
    runs = [o for o in cred.offerings if open_until(o) >= day]
    if runs:
        return _prices(site, [o.price for o in runs if o.price is not None])
    if cred.offerings:
        return str(site.loc.ui["fact_price_no_run"])
    return price_summary(site, cred)


def price_steps(site: Site, cred: Credential) -> str:
    """When the price of :func:`price_on` changes, for ``credential.js``: a JSON list of
    ``[last day, price]`` (ISO date, the text as the build writes it), the first pair whose
    day is not past giving the price, and ``[null, text]`` last (every run closed: that none
    is open); ``""`` where the price never changes. A set of open runs changes only on a
    run's last day of enrolment, so one pair per such day is enough (days that give the same
    price merged)."""
    steps: list[list[str | None]] = []
    for day in sorted({open_until(o) for o in cred.offerings}):
        price = price_on(site, cred, day)
        if steps and steps[-1][1] == price:
            steps[-1][0] = day.isoformat()  # the same price until this day
        else:
            steps.append([day.isoformat(), price])
    after = price_on(site, cred, date.max)  # every run closed
    if steps and steps[-1][1] == after:
        steps[-1][0] = None
    else:
        steps.append([None, after])
    if len(steps) == 1:
        return ""
    return json.dumps(steps, ensure_ascii=False, separators=(",", ":"))


def _prices(site: Site, prices: list[Price]) -> str:
    """Prices as one value, a range (one currency), every value (several currencies), or "ask
    the provider" (none)."""
    loc = site.loc
    if not prices:
        return str(loc.ui["price_unknown"])
    currencies = {p.currency for p in prices}
    if len(currencies) > 1:
        return " / ".join(dict.fromkeys(loc.price(p) for p in prices))
    low = min(prices, key=lambda p: p.amount)
    high = max(prices, key=lambda p: p.amount)
    if low.amount == high.amount:
        return loc.price(low)
    return loc.ui_text("price_range", low=loc.price(low), high=loc.price(high))


def credential_context(
    site: Site, cred: Credential, *, version_page: bool = False, version: str | None = None
) -> CredentialContext:
    """Context of a credential page: its main page, or the permanent page of one version.

    The main page shows the credential file (live status, offerings) and every version. A
    version's page shows that version as released (its snapshot; the current file while it is
    not released) and the credential's live status. The current version's page shows the
    live offerings, as the main page and ``opportunities.jsonld`` do: runs are not part of a
    version, and change without a release. Once a later version is current, an earlier
    version's page lists its runs as released, as a record, and offers none (no enrolment,
    price or schema.org course instances: they are the current version's), and its notice
    leads to the current version.

    A page offers a run (Enrol, its open or closed state, the price, schema.org course
    instances) exactly where ``opportunities.jsonld`` does (:func:`.loq.offers_runs`): a draft
    lists its runs as planned, enrolment not open yet, and a retired credential its runs as
    closed, on every page of theirs (a draft's released versions are not offered either).

    A draft's version that is not released has no permanent address
    (:func:`credcat.versions.has_address`): no version page, summary or files. Its main page
    links to none of them and describes it at its own address (schema.org, the employers'
    summary without permanent address or QR code), and an earlier version's page leads to
    the main page instead.

    Args:
        site: The site.
        cred: The credential (its current file).
        version_page: Build the permanent page of a version.
        version: The version of a version page (default: the current one).

    Raises:
        KeyError: When the credential has no such version, or (for a version page) no
            version page for it.
    """
    shown = _shown(site, cred, version_page=version_page, version=version)
    return _with_page_fields(site, shown, _body_fields(site, shown))


VERSION_PARTS = ("version_box", "version_line", "what_changed", "version_list")
"""The parts of a credential page's body that are each page's own where the credential's main
page and its current version's permanent page share the rest (:func:`shared_context`), in the
order of the page: the notice of a version's page, the main page's version line, what changed
and the list of versions; the macros of these names in ``credcat/macros.html`` render them."""

_PLACEHOLDER = f"credcat-shared-{secrets.token_hex(16)}"
"""What marks, in a body two pages share, where each page puts its own: 128 bits drawn at
random as credcat is imported. A catalogue text cannot hold it (it would have to be written
knowing bits drawn after it was), so no text is taken for a placeholder; and no page holds it
once filled in (:func:`fill`, and the adapter checks every page it writes)."""

LINK_ROOT = _PLACEHOLDER + "/"
"""In a shared body: where a link leads from the page to the site's root (the ``../`` of
:func:`credcat.urls.relative`), which :func:`fill` puts in for each page."""

PARTS = {name: f"{_PLACEHOLDER}-{name}" for name in VERSION_PARTS}
"""In a shared body: where each part of :data:`VERSION_PARTS` goes (the template's
``credcat_parts``)."""


def shares_main_body(site: Site, live: Credential) -> bool:
    """Whether the permanent page of the current version of ``live`` shows the body of the
    credential's main page, but for its links (its page is a folder deeper) and the parts of
    :data:`VERSION_PARTS`.

    It does where the version has a permanent page (not a draft's version not released) and
    :func:`_body_fields` gives both pages the same: it reads of what a page shows
    (:class:`_Shown`) the credential as shown (on the version's page, the version as published
    with the file's live status and runs: the file itself while the version is not released,
    and after, while nothing but what every version's page takes from the file has changed),
    the organisations' names as the release recorded them (the same where none was renamed
    since), whether the release recorded them (``names_today``), whether the page shows an
    earlier version (never: the current one) and, for the status notice, whether it shows a
    released version (the same notice but for a draft's).
    """
    if not succession(site.cat, live.id).has_address(live.version):
        return False
    version = _shown(site, live, version_page=True, version=None)
    return (
        version.cred == live
        and not version.names_today
        and not any(site.name_then(oid, names) for oid, names in version.then.items())
        and (version.info.released is None or live.status != "draft")
    )


def shared_context(site: Site, live: Credential) -> CredentialContext | None:
    """The context of the body that the main page of ``live`` and its current version's
    permanent page share (:func:`shares_main_body`), or ``None`` where they do not: the main
    page's context, every link in it made from :data:`LINK_ROOT`. Rendered with
    ``credcat_parts`` (:data:`PARTS`), ``credcat/body/credential.html`` gives the body of
    both, each page's own parts and links left as placeholders for :func:`fill`.

    A build renders each credential's pages in every language, and every page costs its context
    and its body: so the main page and the current version's page, near copies, cost one.
    """
    if not shares_main_body(site, live):
        return None
    return credential_context(site.links_from(LINK_ROOT), live)


def page_context(
    site: Site, live: Credential, shared: CredentialContext, *, version_page: bool
) -> CredentialContext:
    """The context of the main page of ``live`` (or, with ``version_page``, of its current
    version's permanent page), made from the context of the body they share
    (:func:`shared_context`): the page's own fields (its address, links, version notice and
    record, downloads, schema.org description and contents) over the shared ones. The shared
    fields hold links from :data:`LINK_ROOT`, which only the shared body shows (filled in by
    :func:`fill`); what the page template and the search read of the context (title,
    summary, the page's own fields, the outcomes' texts) is the page's."""
    shown = _shown(site, live, version_page=version_page, version=None)
    return _with_page_fields(site, shown, shared)


def fill(html: str, page: str, parts: Mapping[str, str]) -> str:
    """The body of the page at site path ``page`` from the body it shares (``html``, rendered
    from :func:`shared_context`): its links from the page to the site's root (``../`` for
    each folder of its path, as :func:`credcat.urls.relative` makes them) and its own parts
    (``parts``: the macros of :data:`VERSION_PARTS` on its :func:`page_context`).

    Raises:
        RuntimeError: When a placeholder is left (a part of the template that the adapter
            does not fill in).
    """
    body = html.replace(LINK_ROOT, "../" * page.count("/"))
    for name, mark in PARTS.items():
        body = body.replace(mark, parts[name])
    if unfilled(body):
        raise RuntimeError(f"{page}: a placeholder of a shared body was not filled in")
    return body


def unfilled(text: str) -> bool:
    """Whether ``text`` (a page) holds a placeholder of a shared body (:func:`fill`)."""
    return _PLACEHOLDER in text


@dataclass(frozen=True, slots=True)
class _Shown:
    """What one credential page shows, before any of it is put in words.

    Attributes:
        live: The credential file as it is now.
        cred: The version as the page shows it (on a version's page: as released, with the
            live status, and the live runs on the current version's).
        as_released: The version as published (:func:`credcat.versions.credential_at`).
        info: The version's entry in the succession.
        succession: The credential's versions.
        addressed: Whether the version has a permanent address.
        version_page: Whether the page is the version's permanent page.
        then: The organisations' names as the version's release recorded them (a version's
            page only, :func:`names_then`).
        names_today: What the page says of organisations it shows under today's name, as
            the version's release recorded no name for them (:func:`names_today_note`).
    """

    live: Credential
    cred: Credential
    as_released: Credential
    info: VersionInfo
    succession: Succession
    addressed: bool
    version_page: bool
    then: NamesThen
    names_today: list[Part]

    @property
    def is_current(self) -> bool:
        """Whether the page shows the current version."""
        return self.cred.version == self.live.version

    @property
    def earlier(self) -> bool:
        """A version's page of an earlier version: its runs are a record, offered (or over)
        with the current version's pages."""
        return self.version_page and not self.is_current


def _shown(site: Site, live: Credential, *, version_page: bool, version: str | None) -> _Shown:
    """What the page of ``live`` (its main page, or a version's page) shows
    (:func:`credential_context` says what and raises the same errors)."""
    shown_version = version or live.version
    succession_ = succession(site.cat, live.id)
    info = succession_.info(shown_version)
    if info is None:
        raise KeyError(f"{live.id} has no version {shown_version}")
    addressed = succession_.has_address(shown_version)
    if version_page and not addressed:
        raise KeyError(f"{live.id} {shown_version} is a draft's version: it has no page")
    as_released = credential_at(site.cat, live.id, shown_version)
    cred = live
    if version_page:
        live_parts: dict[str, Any] = live_status(live)
        if shown_version == live.version:  # the runs as they are now
            live_parts["offerings"] = live.offerings
        cred = as_released.model_copy(update=live_parts)
    return _Shown(
        live=live,
        cred=cred,
        as_released=as_released,
        info=info,
        succession=succession_,
        addressed=addressed,
        version_page=version_page,
        # a version's page names each organisation as its release recorded it (with its
        # name now where it differs); the main page shows the credential as it is now
        then=names_then(site, live.id, shown_version) if version_page else {},
        names_today=names_today_note(site, live.id, shown_version) if version_page else [],
    )


def _page_of(site: Site, shown: _Shown) -> str:
    """The site path of the page: the version's permanent page, or the main page."""
    urls, cred = site.urls, shown.cred
    if shown.version_page:
        return urls.credential_version(cred.id, cred.version)
    return urls.credential(cred.id)


def _body_fields(site: Site, shown: _Shown) -> dict[str, Any]:
    """The fields of a credential page's context that the current version's page shares with
    the main page where :func:`shares_main_body` (all but :func:`_with_page_fields`'),
    linked from the page. They depend on the page through its links only, and on ``shown``
    through its ``cred``, ``then``, ``names_today``, ``earlier`` and, for the status notice,
    whether it shows a released version: what :func:`shares_main_body` compares."""
    cred, then = shown.cred, shown.then
    page = _page_of(site, shown)
    loc = site.loc
    ui = loc.ui
    outcome_text = {o.id: loc.text(o.text) for o in cred.outcomes}
    number = {o.id: i for i, o in enumerate(ordered_outcomes(cred), start=1)}
    # an earlier version's runs, as released, are the current version's now (or over): they
    # are offered, priced and described for search engines on its pages, and listed here as
    # a record only
    earlier = shown.earlier
    # a draft's or retired credential's runs are not offered: no enrolment, price or course
    # instances, as its opportunities.jsonld has none (offers_runs)
    offered = offers_runs(cred)
    description = loc.prose(cred.description)
    show_offerings = (cred.status in {"active", "draft"} and not earlier) or bool(cred.offerings)
    further_text = loc.prose(cred.further_information)
    further_links: list[Link] = [
        {"text": loc.text(link.title), "href": safe_url(link.url)} for link in cred.links
    ]
    homepage = safe_url(cred.homepage) if cred.homepage else ""
    offerings = [
        _offering(site, o, cred) for o in sorted(cred.offerings, key=lambda o: (o.start, o.id))
    ]
    if earlier:  # a record: no enrolment, nothing for the reader's today to open or close
        offerings = [
            {**o, "enrol": None, "until": "", "open": False, "ends": "", "ended": False}
            for o in offerings
        ]
    elif not offered:  # planned (a draft) or closed for good (retired): never open
        not_open = str(ui["offer_planned" if cred.status == "draft" else "offer_withdrawn"])
        offerings = [
            {
                **o,
                "enrol": None,
                "until": "",
                "open": False,
                "ends": "",
                "ended": False,
                "not_open": not_open,
            }
            for o in offerings
        ]
    planned = not earlier and cred.status == "draft" and bool(offerings)
    if earlier:
        offerings_note = str(ui["offerings_earlier" if offered else "offerings_earlier_unoffered"])
    else:
        offerings_note = str(ui["offerings_planned"]) if planned else ""
    # the runs offered, as of the build's today: those not over yet ("Upcoming offerings"),
    # then those over ("Past runs"); credential.js moves a run from the first to the second
    # on the reader's today
    upcoming = any(not o["ended"] for o in offerings)
    if earlier:
        offerings_heading = str(ui["h_offerings_earlier"])
    elif planned:
        offerings_heading = str(ui["h_offerings_planned"])
    elif offerings and not upcoming:
        offerings_heading = str(ui["h_past_runs"])
    else:
        offerings_heading = str(ui["h_offerings"])
    released = shown.version_page and shown.info.released is not None
    return {
        "id": cred.id,
        "kicker": str(ui["credential_kicker"]),
        "summary": loc.text(cred.summary),
        "description": description,
        "status": cred.status,
        "status_label": str(ui["status"][cred.status]),
        "spec_anchor": SPEC_ANCHOR,
        "banner": _banner(site, page, cred, released=released),
        "facts": _facts(site, page, cred, not earlier and offered, then),
        "outcome_groups": _outcomes(site, cred, number),
        "assessments": [
            {
                "id": a.id,
                "anchor": assessment_anchor(a.id),
                "title": loc.text(a.title) or loc.label("assessment-type", a.type),
                "type": loc.label("assessment-type", a.type),
                "description": loc.prose(a.description),
                "proves": [
                    {
                        "text": _shorten(outcome_text.get(ref, ref)),
                        "href": "#" + outcome_anchor(ref),
                        "number": number.get(ref, ""),
                    }
                    # in the order of the outcomes' numbers, as the summary lists them
                    for ref in sorted(a.proves, key=lambda ref: number.get(ref, len(number) + 1))
                ],
                "supervision": str(ui["supervision"][a.supervision or "none"]),
                "identity": str(ui["identity_yes" if a.identity_check else "identity_no"]),
                "identity_check": a.identity_check,
                "grading": loc.text(a.grading),
            }
            for a in cred.assessments
        ],
        "quality": [
            {
                "type": loc.label("accreditation-type", qa.type),
                "title": loc.text(qa.title),
                "body": site.org_ref(page, qa.body, then=then.get(qa.body)),
                "description": loc.prose(qa.description),
                "url": safe_url(qa.url) if qa.url else "",
                "valid_until": loc.date(qa.valid_until) if qa.valid_until else "",
                "until": qa.valid_until.isoformat() if qa.valid_until else "",
                "expired": _expired(site, qa),
                "expired_text": _qa_past_text(site, cred, qa),
                "covered": cred.status in NO_LONGER_OFFERED,
            }
            for qa in cred.quality_assurance
        ],
        "prerequisites": loc.prose(cred.prerequisites),
        "stackability": _stackability(site, page, cred),
        "offerings": offerings,
        "show_offerings": show_offerings,
        "offerings_note": offerings_note if offerings else "",
        "offerings_heading": offerings_heading,
        "offerings_live": not earlier and offered,
        "offerings_upcoming": upcoming,
        "offerings_past": any(o["ended"] for o in offerings),
        # runs at the top only where the page lists them and offers them (not for a
        # credential no longer offered that has none): "no run at the moment" links to that
        # list; a draft's first screen says enrolment is not open yet
        "glance": _glance(
            site,
            cred,
            [] if earlier or not offered else offerings,
            number,
            show_offerings and not earlier and offered,
            planned=not earlier and cred.status == "draft",
        ),
        # the price shown above follows the runs still open on the reader's today
        "prices": price_steps(site, cred) if not earlier and cred.status == "active" else "",
        "awarding_logos": [
            logo for oid in cred.awarding_body if (logo := site.logo(page, oid)) is not None
        ],
        "employers": employers(site, page, cred, number, then=then, names_today=shown.names_today),
        "further": {"text": further_text, "links": further_links, "homepage": homepage},
    }


def _with_page_fields(site: Site, shown: _Shown, fields: Mapping[str, Any]) -> CredentialContext:
    """The context of one credential page: ``fields`` (:func:`_body_fields`) with the fields
    that are the page's own even where the main page and the current version's page share
    their body: its address, title and links (the base), the version notice, the version
    record (what changed, the version list), the downloads, the schema.org description and
    the table of contents."""
    cred, live, info = shown.cred, shown.live, shown.info
    version_page, addressed = shown.version_page, shown.addressed
    urls = site.urls
    loc = site.loc
    ui = loc.ui
    # what describes the version: its permanent address, else the current page
    described = urls if addressed else urls.without_address(cred.id, cred.version)
    current = urls.credential(cred.id)
    version_path = urls.credential_version(cred.id, cred.version)
    page = _page_of(site, shown)
    if version_page and info.released is not None:
        published = loc.ui_text("version_released", date=loc.date(info.released))
    elif cred.published and addressed:  # a draft's version not released is not published
        published = loc.ui_text("version_published", date=loc.date(cred.published))
    else:
        published = ""
    version_link: VersionLink | None
    if not version_page:
        version_text = loc.ui_text(
            "version_current_page", version=cred.version, published=published
        )
        version_link = (
            {"text": str(ui["version_permalink"]), "href": site.link(page, version_path)}
            if addressed
            else None  # a draft's version not released: no permanent page
        )
    elif shown.is_current:
        version_text = loc.ui_text(
            "version_viewing_current", version=cred.version, published=published
        )
        version_link = {"text": str(ui["version_to_current"]), "href": site.link(page, current)}
    else:
        version_text = loc.ui_text(
            "version_viewing_earlier",
            version=cred.version,
            published=published,
            current=live.version,
        )
        newest = (
            urls.credential_version(cred.id, live.version)
            if shown.succession.has_address(live.version)
            else current  # a draft's version not released has no page of its own
        )
        version_link = {"text": str(ui["version_to_newest"]), "href": site.link(page, newest)}
    downloads = _downloads(site, page, shown.as_released)  # the files as published for it
    offered = offers_runs(cred)
    record = _record(site, page, live, shown.as_released, info, shown.succession, version_page)
    ctx: CredentialContext = {
        **fields,  # type: ignore[typeddict-item]
        **site.base("credential", page, loc.text(cred.title)),
        "canonical": urls.iri(page),
        "permanent_iri": urls.iri(urls.version_path(cred.id, cred.version)) if addressed else "",
        "version": {
            "number": cred.version,
            "is_version_page": version_page,
            "is_current": shown.is_current,
            "text": version_text,
            "link": version_link,
        },
        "record": record,
        "downloads": downloads,
        "schemaorg": _with_fingerprint(
            schemaorg(
                site.cat,
                cred.model_copy(update={"offerings": []}) if shown.earlier or not offered else cred,
                described,
                site.lang,
                version_page=version_page,
            ),
            info,
        ),
    }
    toc = [  # in the order of the page's sections
        ("at-a-glance", ui["h_at_a_glance"]),
        (
            ("what-changed", loc.ui_text("h_what_changed", previous=record["previous"]["version"]))
            if record["changes"] and record["previous"]
            else None
        ),
        ("key-facts", ui["h_key_facts"]),
        ("about", ui["h_about"]) if fields["description"] else None,
        ("outcomes", ui["h_outcomes"]),
        ("assessment", ui["h_assessment"]),
        ("quality", ui["h_quality"]),
        ("prerequisites", ui["h_prerequisites"]),
        ("stackability", ui["h_stackability"]),
        ("offerings", fields["offerings_heading"]) if fields["show_offerings"] else None,
        ("employers", ui["h_employers"]),
        (
            ("further", ui["h_further"])
            if fields["further"]["text"]
            or fields["further"]["links"]
            or fields["further"]["homepage"]
            else None
        ),
        ("downloads", ui["h_downloads"]) if downloads else None,
        ("versions", ui["h_versions"]) if record["history"] else None,
    ]
    ctx["toc"] = [{"id": item[0], "title": str(item[1])} for item in toc if item]
    return ctx


def _record(
    site: Site,
    page: str,
    live: Credential,
    as_released: Credential,
    info: VersionInfo,
    succession_: Succession,
    version_page: bool,
) -> VersionRecord:
    """The version a page shows: fingerprint, predecessor, what changed, errata, and (on the
    main page only) every version published at its permanent address."""
    loc = site.loc
    urls = site.urls
    cid = live.id
    previous: VersionPrevious | None = None
    described: list[str] = []
    if info.replaces is not None:
        previous = {
            "version": info.replaces,
            "text": loc.ui_text("version_replaces", previous=info.replaces),
            "href": site.link(page, urls.credential_version(cid, info.replaces)),
        }
        before = site.cat.archive.get(cid, info.replaces)
        if version_page and before is not None:
            names = {oid: dict(org.name) for oid, org in site.cat.organisations.items()}
            described = [
                describe_html(change, loc.words, loc)
                for change in changes(before.credential, as_released, names)
            ] or [str(loc.ui["what_changed_other"])]
    history: list[VersionEntry] = []
    if not version_page:
        history = [
            {
                "version": v.version,
                "released": loc.date(v.released) if v.released else "",
                "fingerprint": v.fingerprint,
                "href": site.link(page, urls.credential_version(cid, v.version)),
                "current": v.version == succession_.current,
            }
            for v in succession_.published
        ]
    return {
        "fingerprint": info.fingerprint,
        "unreleased": info.released is None,
        "previous": previous,
        "changes": described,
        "errata": [
            {"date": loc.date(e.date), "text": loc.text(e.text)}
            for e in live.errata
            if e.version == info.version
        ],
        "history": history,
    }


def _with_fingerprint(data: JsonDict, info: VersionInfo) -> JsonDict:
    """The schema.org description with the version's fingerprint as its credential's
    ``identifier`` (a ``PropertyValue``)."""
    graph = data["@graph"]
    graph[0]["identifier"] = {
        "@type": "PropertyValue",
        "propertyID": "sha256",
        "name": FINGERPRINT_SCHEME,
        "value": info.fingerprint,
    }
    return data


def _banner(site: Site, page: str, cred: Credential, *, released: bool = False) -> Banner | None:
    """The notice of the credential's live status; ``released``: the page of a released
    version, which a draft's rework does not change (it is not "details may still change")."""
    ui = site.loc.ui
    if cred.status in {"draft", "retired"}:
        key = "banner_draft_released" if released and cred.status == "draft" else None
        return {
            "kind": cred.status,
            "parts": rich(str(ui[key or f"banner_{cred.status}"]), {}),
            "successor": None,
            "note": status_note(site, cred),
        }
    if cred.status == "superseded":
        successor = cred.superseded_by
        if successor and successor in site.cat.credentials:
            ref = site.cred_ref(page, successor)
            link: Part = {"text": ref["text"], "href": ref["href"], "rel": "successor-version"}
        else:  # validated catalogues always name an existing successor
            link = {"text": successor or "", "href": "", "rel": ""}
        return {
            "kind": "superseded",
            "parts": rich(str(ui["banner_superseded"]), {"successor": link}),
            "successor": link,
            "note": status_note(site, cred),
        }
    return None


def _facts(site: Site, page: str, cred: Credential, offered: bool, then: NamesThen) -> list[Fact]:
    """The key facts; ``offered``: the page offers the credential's runs (the price; a
    draft's planned runs give none: nothing is offered at a price yet); ``then``: the names
    of the organisations as the version's release recorded them (:func:`names_then`)."""
    loc = site.loc
    ui = loc.ui
    facts: list[Fact] = []

    def fact(
        key: str, items: list[FactItem], note: str = "", more: GuideLink | None = None
    ) -> None:
        facts.append(
            {"id": key, "label": str(ui[f"fact_{key}"]), "items": items, "note": note, "more": more}
        )

    def orgs(ids: Iterable[str], *, country: bool = False) -> list[FactItem]:
        out = []
        for oid in ids:
            ref = site.org_ref(page, oid, then=then.get(oid))
            out.append(
                _item(ref["text"], ref["href"], ref["country"] if country else "", ref["now"])
            )
        return out

    fact("awarding_body", orgs(cred.awarding_body, country=True))
    if cred.provider and cred.provider != cred.awarding_body:
        fact("provider", orgs(cred.provider))
    if cred.assessor and cred.assessor != cred.awarding_body:
        fact("assessor", orgs(cred.assessor))
    fact(
        "eqf",
        [_item(loc.ui_text("fact_eqf_value", level=cred.eqf))],
        vocab.eqf_descriptor(cred.eqf, loc.words) or "",
        {
            "text": str(ui["fact_eqf_link"]),
            "href": site.link(page, site.urls.guide_page()) + "#eqf",
            "written_in": site.written_in_of(site.urls.guide_page()),
        },
    )
    if cred.nqf:
        fact("nqf", [_item(loc.label("nqf", cred.nqf))])
    work = cred.workload
    split = ""
    if None not in (work.guided_hours, work.self_study_hours, work.assessment_hours):
        hour = ui["unit"]["hour"]
        split = loc.ui_text(
            "fact_workload_split",
            guided=loc.plural(hour, work.guided_hours or 0),
            self=loc.plural(hour, work.self_study_hours or 0),
            assessment=loc.plural(hour, work.assessment_hours or 0),
        )
    note = " ".join(
        x
        for x in (
            split + "." if split else "",
            str(ui["fact_ects_note"]) if work.ects is not None else "",
        )
        if x
    )
    fact("workload", [_item(workload(site, cred))], note)
    if cred.duration:
        fact("duration", [_item(loc.duration(cred.duration))])
    fact("mode", [_item(loc.label("mode", cred.mode))])
    fact("setting", [_item(loc.label("learning-setting", cred.setting))])
    # one phrase, as the glance says it ("Allemand et anglais"), not a list of labels
    fact("languages", [_item(loc.join(loc.language_names(cred.languages)))])
    fact("field", [_item(loc.label("isced-f", code)) for code in cred.field])
    fact("type", [_item(loc.label("learning-opportunity-type", cred.type))])
    if cred.target_groups:
        fact(
            "target_groups",
            [_item(loc.label("target-group", code)) for code in cred.target_groups],
        )
    if offered and cred.status == "active":
        fact("price", [_item(price_on(site, cred, site.today))])
    fact("status", [_item(f"{ui['status'][cred.status]} ({ui['status_note'][cred.status]})")])
    return facts


def _outcomes(site: Site, cred: Credential, number: Mapping[str, int]) -> list[OutcomeGroup]:
    loc = site.loc
    groups: list[OutcomeGroup] = []
    for kind in OUTCOME_KINDS:
        items: list[OutcomeItem] = [
            {
                "id": o.id,
                "number": number[o.id],
                "anchor": outcome_anchor(o.id),
                "text": loc.text(o.text),
                "reuse": loc.label("reuse-level", o.reuse) if o.reuse else "",
                "skills": [
                    {
                        "href": safe_url(s.uri),
                        "code": s.uri.rsplit("/", 1)[-1][:8],
                        "label": loc.text(s.label) if s.label else "",
                    }
                    for s in o.esco
                ],
            }
            for o in cred.outcomes
            if o.kind == kind
        ]
        if items:
            groups.append(
                {"kind": kind, "heading": str(loc.ui["outcome_kind"][kind]), "items": items}
            )
    return groups


def _stackability(site: Site, page: str, cred: Credential) -> Stackability:
    stack = cred.stackability
    known = site.cat.credentials

    def refs(ids: Iterable[str]) -> list[CredRef]:
        return [site.cred_ref(page, cid) for cid in ids if cid in known]

    groups = [
        ("part_of", refs(stack.part_of if stack else [])),
        ("has_part", refs(site.cat.has_part(cred.id))),
        ("builds_on", refs(stack.builds_on if stack else [])),
        ("leads_to", refs(site.cat.leads_to(cred.id))),
    ]
    shown: list[StackGroup] = [
        {"label": str(site.loc.ui[f"stack_{key}"]), "key": key, "items": items}
        for key, items in groups
        if items
    ]
    return {
        "groups": shown,
        "note": site.loc.prose(stack.note if stack else None),
        "standalone": not shown,
        "pathways": site.link(page, site.urls.pathways_page()),
    }


def _offering(site: Site, offer: Offering, cred: Credential) -> OfferingContext:
    loc = site.loc
    ui = loc.ui
    start = loc.date(offer.start)
    dates = (
        loc.ui_text("date_range", start=start, end=loc.date(offer.end))
        if offer.end and offer.end != offer.start
        else start
    )
    where: str = ""
    if offer.location is not None:
        place = offer.location
        address = place.address or ""
        city = "" if place.city.casefold() in address.casefold() else place.city
        bits = [loc.text(place.name), address, city, loc.label("country", place.country)]
        # the place's name says its language where it is not credcat's words'
        where = Markup(", ").join(in_span(b) for b in bits if b)
    elif cred.mode == "online":
        where = str(ui["offer_online"])
    languages = offer.languages or []
    dated = [
        dates,
        where,
        # "in German" where the runs' languages differ (the details name them in any case)
        run_language_text(site, cred, offer),
    ]
    details = [
        ("offer_dates", dates),
        (
            "offer_deadline",
            loc.date(offer.application_deadline) if offer.application_deadline else "",
        ),
        ("offer_price", loc.price(offer.price) if offer.price else ""),
        ("offer_where", where),
        (
            "offer_schedule",
            loc.label("learning-schedule", offer.schedule) if offer.schedule else "",
        ),
        ("offer_languages", ", ".join(loc.language_names(languages))),
        ("offer_places", str(offer.places) if offer.places else ""),
    ]
    return {
        "id": offer.id,
        "anchor": offering_anchor(offer.id),
        "heading": loc.ui_text("offer_starts", date=start),
        "details": [
            {
                "key": key.removeprefix("offer_"),
                "label": str(ui[key]),
                "value": value,
                "note": loc.text(offer.price.note)
                if key == "offer_price" and offer.price and offer.price.note
                else "",
            }
            for key, value in details
            if value
        ],
        "note": loc.text(offer.note),
        "enrol": (
            {
                "href": safe_url(offer.enrolment_url),
                "text": loc.ui_text("offer_enrol", date=start),
            }
            if offer.enrolment_url
            else None
        ),
        "until": open_until(offer).isoformat(),
        "open": open_until(offer) >= site.today,
        "not_open": "",
        "ends": run_ends(offer).isoformat(),
        "ended": run_ends(offer) < site.today,
        # how "Past runs" lists it: its dates, place and language, no price nor enrolment
        "past": Markup(" · ").join(in_span(bit) for bit in dated if bit),
    }


def employers(
    site: Site,
    page: str,
    cred: Credential,
    number: Mapping[str, int] | None = None,
    *,
    with_note: bool = False,
    then: NamesThen | None = None,
    names_today: list[Part] | None = None,
) -> Employers:
    """The employers' summary of the version ``cred`` shows, linked from ``page``;
    ``with_note``: with the credential's status note below its status (the one-page summary;
    a credential page shows it in its banner already); ``then``: the names of the
    organisations as the version's release recorded them, each shown with its name now where
    it differs (:func:`names_then`; none on the main page, which shows the names now);
    ``names_today``: which organisations the summary names as they are named today, as the
    version's release recorded no name for them (:func:`names_today_note`).

    Outcomes come numbered and ordered as on the credential page (:func:`ordered_outcomes`),
    each assessment says how it was supervised, whether identity was checked and which
    outcomes it proves, and quality assurance says when it expired. A draft's version not
    released has no permanent address (:func:`credcat.versions.has_address`): its summary
    names none, has no QR code and no page of its own (``reference``, ``qr`` and
    ``summary_href`` empty).
    """
    loc = site.loc
    ui = loc.ui
    urls = site.urls
    number = number or {o.id: i for i, o in enumerate(ordered_outcomes(cred), start=1)}
    eqf = loc.ui_text("fact_eqf_value", level=cred.eqf)
    versions = succession(site.cat, cred.id)
    info = versions.info(cred.version)
    addressed = versions.has_address(cred.version)
    # the page that shows the version: its permanent page, else the credential's main page
    shown_at = (
        urls.credential_version(cred.id, cred.version) if addressed else urls.credential(cred.id)
    )
    reference = urls.iri(urls.version_path(cred.id, cred.version)) if addressed else ""
    successor = ""
    if cred.status == "superseded" and cred.superseded_by:
        follower = site.cat.briefs.get(cred.superseded_by)
        successor = site.loc.text(follower.title) if follower is not None else ""
    # the successor's title, a catalogue text, as a part of its own (it may be in another
    # language than the page's: the template marks it)
    status = rich(
        f"{ui['employers_status']} {ui['status'][cred.status]} "
        + (
            f"({ui['employers_successor']} {{successor}})"
            if successor
            else f"({ui['status_note'][cred.status]})"
        )
        # a holder's earlier version: say that it is one, and which version is current
        + (
            " · " + loc.ui_text("employers_earlier", current=versions.current)
            if versions.current != cred.version
            else ""
        ),
        {"successor": {"text": successor, "href": "", "rel": ""}} if successor else {},
    )
    checked: list[SummaryCheck] = []
    for a in cred.assessments:
        title = loc.text(a.title) or loc.label("assessment-type", a.type)
        proves = sorted(number[ref] for ref in a.proves if ref in number)
        checked.append(
            {
                "title": title,
                # the title, a catalogue text, as a part of its own (see the status above)
                "line": rich(
                    loc.ui_text(
                        "employers_assessment_line",
                        supervision=ui["employers_supervision"][a.supervision or "none"],
                        identity=ui[
                            "employers_identity_yes"
                            if a.identity_check
                            else "employers_identity_no"
                        ],
                    ),
                    {"type": {"text": title, "href": "", "rel": ""}},
                ),
                "proves": (
                    loc.ui_text("summary_proves", numbers=loc.join([str(n) for n in proves]))
                    if proves
                    else ""
                ),
            }
        )
    then = then or {}
    qa: list[SummaryQuality] = [
        {
            "text": loc.ui_text("label", label=loc.label("accreditation-type", q.type)),
            # after "Label :" (French), marked with its language
            "body": (ref := site.org_ref(page, q.body, then=then.get(q.body)))["text"],
            "body_now": ref["now"],
            "valid_until": loc.date(q.valid_until) if q.valid_until else "",
            "until": q.valid_until.isoformat() if q.valid_until else "",
            "expired": _expired(site, q),
            "expired_text": _qa_past_text(site, cred, q),
            "covered": cred.status in NO_LONGER_OFFERED,
        }
        for q in cred.quality_assurance
    ]
    publisher = site.cat.settings.publisher
    before_date, after_date = loc.around_date("summary_as_of", site.today)
    return {
        "catalogue": loc.text(site.cat.settings.title),
        "publisher": (
            site.org_ref(page, publisher) if publisher in site.cat.organisations else None
        ),
        "title": loc.text(cred.title),
        "version": cred.version,
        "fingerprint": info.fingerprint if info is not None else "",
        "unreleased": info is None or info.released is None,
        "status": status,
        "status_note": status_note(site, cred) if with_note else Markup(""),
        # the national level too: an employer knows the holder's level by their own
        # country's framework ("NLQF-niveau 3", an MBO level) before the EQF's
        "level": " · ".join(
            [eqf, *([loc.label("nqf", cred.nqf)] if cred.nqf else []), workload(site, cred)]
        ),
        "awarded": [
            site.org_ref(page, oid, then=then.get(oid))
            for oid in cred.awarding_body
            if oid in site.cat.organisations
        ],
        "names_today": names_today or [],
        "outcomes": [
            {
                "number": number[o.id],
                "text": loc.text(o.text),
                "href": site.link(page, shown_at) + "#" + outcome_anchor(o.id),
            }
            for o in ordered_outcomes(cred)
        ],
        "checked": checked,
        "qa": qa,
        "reference": reference,
        "qr": (
            qr_svg(qr_code(reference), loc.ui_text("qr_label", url=reference))
            if reference
            else Markup("")
        ),
        "date": {
            "iso": site.today.isoformat(),
            "text": loc.date(site.today),
            "locale": str(loc.locale).replace("_", "-"),
            "before": before_date,
            "after": after_date,
        },
        "summary_href": (
            site.link(page, urls.credential_summary(cred.id, cred.version)) if addressed else ""
        ),
        "page_href": site.link(page, shown_at),
    }


def summary_context(site: Site, cred: Credential, version: str) -> SummaryContext:
    """Context of the one-page employers' summary of one version of a credential.

    Like a version's page, it shows the version as released with the credential's live status.

    Raises:
        KeyError: When the version has no summary page (:func:`credcat.versions.has_address`).
    """
    live = cred
    if not succession(site.cat, live.id).has_address(version):
        raise KeyError(f"{live.id} {version} has no summary page (a draft's, not released)")
    shown = credential_at(site.cat, live.id, version).model_copy(update=live_status(live))
    page = site.urls.credential_summary(live.id, version)
    title = site.loc.ui_text("summary_title", title=site.loc.text(shown.title))
    return {
        **site.base("summary", page, title),
        "id": live.id,
        "status": shown.status,
        # the summary stands alone (printed, handed to an employer): it says why, too
        "employers": employers(
            site,
            page,
            shown,
            with_note=True,
            then=names_then(site, live.id, version),
            names_today=names_today_note(site, live.id, version),
        ),
    }


def live_status(live: Credential) -> dict[str, Any]:
    """What a version's page and summary take from the credential file as it is now, over the
    version as released: its status, successor and status note (a snapshot's are never
    shown: they are not part of the version)."""
    return {
        "status": live.status,
        "superseded_by": live.superseded_by,
        "status_note": live.status_note,
    }


def status_note(site: Site, cred: Credential) -> Markup:
    """The credential's status note as the pages show it (Markdown, in the page language,
    marked as a fallback where it is not), for a credential no longer offered; else empty."""
    return site.loc.prose(cred.shown_status_note)


def _glance(
    site: Site,
    cred: Credential,
    offerings: list[OfferingContext],
    number: Mapping[str, int],
    offered: bool,
    *,
    planned: bool = False,
) -> Glance:
    """What a learner decides on, for the first screen: a few outcomes (skills first), level,
    workload, mode, languages, and the next run open for enrolment: its start, language,
    price (with its note) and Enrol. No run open: that none is, and no price. ``planned``: a
    draft's, whose first screen says enrolment is not open yet (and links its planned runs)."""
    loc = site.loc
    ui = loc.ui
    facts: list[GlanceFact] = [
        {
            "id": "eqf",
            "label": str(ui["fact_eqf"]),
            "value": loc.ui_text("fact_eqf_value", level=cred.eqf),
        },
        {"id": "workload", "label": str(ui["fact_workload"]), "value": workload(site, cred)},
        {"id": "mode", "label": str(ui["fact_mode"]), "value": loc.label("mode", cred.mode)},
        {
            "id": "languages",
            "label": str(ui["fact_languages"]),
            "value": loc.join(loc.language_names(cred.languages)),
        },
    ]
    priced = offered and cred.status == "active"
    skills_first = sorted(ordered_outcomes(cred), key=lambda o: (o.kind != "skill", number[o.id]))[
        :GLANCE_OUTCOMES
    ]
    outcomes: list[NumberedText] = [
        {
            "number": number[o.id],
            "text": _shorten(loc.text(o.text), 85),
            "href": "#" + outcome_anchor(o.id),
        }
        for o in sorted(skills_first, key=lambda o: number[o.id])
    ]
    by_id = {o.id: o for o in cred.offerings}
    runs: list[GlanceRun] = []
    # the run offered is the first open for enrolment: its start, its language where the
    # runs differ in it, its own price with what the catalogue says of it, and Enrol
    first_open = next((o["id"] for o in offerings if o["open"]), None)
    for o in offerings:
        offer = by_id[o["id"]]
        runs.append(
            {
                "id": o["id"],
                "until": o["until"],
                "start": loc.date(offer.start),
                "deadline": (
                    loc.ui_text("glance_deadline", date=loc.date(offer.application_deadline))
                    if offer.application_deadline
                    else ""
                ),
                "href": "#" + o["anchor"],
                "language": run_language_text(site, cred, offer),
                "price": run_price(site, offer) if priced else "",
                "price_note": run_price_note(site, offer) if priced else "",
                "enrol": o["enrol"],
                "shown": o["id"] == first_open,
            }
        )
    return {
        "facts": facts,
        "outcomes": outcomes,
        "all_outcomes": {
            "text": str(ui["glance_both_outcomes"])
            if len(cred.outcomes) == 2
            else loc.plural(ui["glance_all_outcomes"], len(cred.outcomes)),
            "href": "#outcomes",
        },
        "runs": runs,
        "offered": offered,
        "not_open": str(ui["glance_not_open"]) if planned else "",
        "planned_link": (
            {"text": str(ui["glance_planned_runs"]), "href": "#offerings"}
            if planned and cred.offerings
            else None
        ),
    }


def _downloads(site: Site, page: str, cred: Credential) -> list[Download]:
    if not site.machine_files:
        return []
    return [
        {
            "kind": kind,
            "href": site.link(page, path),
            "type": mime,
            "label": label,
            "file": path.rsplit("/", 1)[-1],
        }
        for kind, path, mime, label in machine_links(site.cat, cred, site.urls, lang=site.lang)
    ]
