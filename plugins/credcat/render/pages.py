"""Page contexts: the validated model turned into plain dicts of localised strings and links.

Pure functions, no MkDocs, no Jinja: :class:`Pages` takes a :class:`~credcat.catalogue.Catalogue`,
its :class:`~credcat.urls.Urls` and a language, and returns for each generated page a dict that
the templates in ``theme_overrides/credcat/`` render. Every link in a context is relative to
the page it appears on (the site works under any prefix); every text is already localised with
:func:`localise`; every UI string comes from ``credcat/data/ui.yaml`` through :func:`ui_strings`.

Values are plain ``str`` (the templates escape them) except descriptions, which are
:class:`markupsafe.Markup` produced by :func:`credcat.render.safe.markdown_safe`, and links
written by maintainers, which have passed :func:`credcat.render.safe.safe_url`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import yaml

from .. import vocab
from ..catalogue import Catalogue
from ..model import DURATION_RE, Credential, Offering, Organisation, Price
from ..urls import CATALOGUE_JSON, Urls, relative
from .machine import machine_links
from .safe import markdown_safe, safe_url
from .schemaorg import schemaorg

__all__ = [
    "PAGE_KINDS",
    "PageSpec",
    "Pages",
    "fmt_number",
    "localise",
    "plural",
    "ui_strings",
]

OUTCOME_KINDS = ("knowledge", "skill", "responsibility-autonomy")
ROLES = ("awarding_body", "provider", "assessor", "quality_assurance")
STATUS_ORDER = ("active", "draft", "superseded", "retired")
PAGE_KINDS = ("credential", "organisation", "organisations", "catalogue", "pathways")
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


# --- text and UI strings --------------------------------------------------------------------


def localise(text: Mapping[str, str] | None, lang: str, fallback: str) -> str:
    """The text in ``lang``, else in ``fallback`` (the catalogue's default), else any.

    Every catalogue text on the site goes through this one function, so adding languages
    later only changes which ``lang`` is asked for.

    Args:
        text: A validated text (language → text), or ``None``.
        lang: The page language.
        fallback: The catalogue's default language.

    Returns:
        The text, or ``""`` for ``None``.
    """
    if not text:
        return ""
    if lang in text:
        return text[lang]
    if fallback in text:
        return text[fallback]
    return text[sorted(text)[0]]


@functools.cache
def _ui_all() -> dict[str, dict[str, Any]]:
    raw = resources.files("credcat").joinpath("data/ui.yaml").read_text("utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(raw)
    return data


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@functools.cache
def ui_strings(lang: str) -> Mapping[str, Any]:
    """The UI strings of ``lang``; missing keys (at any depth) fall back to English.

    Args:
        lang: A language code.

    Returns:
        A mapping of key to string (or nested mapping / list for grouped strings).
    """
    data = _ui_all()
    return _merge(data["en"], data.get(lang, {}))


def plural(forms: Sequence[str], n: int) -> str:
    """Pick ``[zero, one, other]`` or ``[one, other]`` by ``n`` and fill ``{n}``."""
    if len(forms) == 3:
        form = forms[0] if n == 0 else forms[1] if n == 1 else forms[2]
    else:
        form = forms[0] if n == 1 else forms[-1]
    return form.replace("{n}", str(n))


def fmt_number(value: float | int | Decimal, lang: str) -> str:
    """``4.0`` → ``4``, ``2.5`` → ``2.5`` (``2,5`` in German)."""
    number = Decimal(str(value)).normalize()
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", str(ui_strings(lang)["number_decimal"]))


_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


def _fill(template: str, **values: object) -> str:
    """Fill the ``{name}`` placeholders of a UI string in one pass.

    One pass: a value is never searched for placeholders, so a maintainer's text such as an
    assessment title ``Exam {identity}`` cannot pull in another value ("identity checked").
    """

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        return str(values[key]) if key in values else match.group(0)

    return _PLACEHOLDER_RE.sub(value, template)


def _rich(template: str, links: Mapping[str, Mapping[str, str]]) -> list[dict[str, str]]:
    """Split a UI string with ``{name}`` link placeholders into text and link parts."""
    parts: list[dict[str, str]] = []
    pattern = re.compile(r"\{(" + "|".join(re.escape(k) for k in links) + r")\}") if links else None
    position = 0
    if pattern is not None:
        for match in pattern.finditer(template):
            if match.start() > position:
                parts.append({"text": template[position : match.start()]})
            parts.append(dict(links[match.group(1)]))
            position = match.end()
    if position < len(template):
        parts.append({"text": template[position:]})
    return parts


# --- pages -----------------------------------------------------------------------------------


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
    """

    kind: str
    path: str
    src_uri: str
    title: str
    entity: str = ""
    version_page: bool = False
    source: str = ""

    @property
    def template(self) -> str:
        """The page template (extends Material's ``main.html``)."""
        return f"credcat/{self.kind}.html"


class Pages:
    """Builds the context of every generated page of one catalogue in one language."""

    def __init__(
        self,
        catalogue: Catalogue,
        urls: Urls,
        lang: str | None = None,
        *,
        machine_files: bool = True,
    ) -> None:
        """Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        lang: Language of the pages (default: the catalogue's default language).
        machine_files: Whether the machine-readable files are published (downloads block).
        """
        self.cat = catalogue
        self.urls = urls
        self.default = catalogue.settings.default_language
        self.lang = lang or self.default
        self.ui = ui_strings(self.lang)
        self.machine_files = machine_files

    # helpers ---------------------------------------------------------------------------------

    def t(self, text: Mapping[str, str] | None) -> str:
        """Localise a catalogue text."""
        return localise(text, self.lang, self.default)

    def label(self, name: str, code: str) -> str:
        """Label of a vocabulary code: ui.yaml override, else the vocabulary's label."""
        override = self.ui.get("labels", {}).get(name, {}).get(code)
        if override:
            return str(override)
        found = vocab.lookup(name, code)
        text = found.label(self.lang) if found else code
        return text[:1].upper() + text[1:]

    def date(self, value: date) -> str:
        """A date in words: ``10 April 2027``."""
        return _fill(
            str(self.ui["date"]),
            day=value.day,
            month=self.ui["month"][value.month - 1],
            year=value.year,
        )

    def num(self, value: float | int | Decimal) -> str:
        """A number in the page language."""
        return fmt_number(value, self.lang)

    def duration(self, text: str) -> str:
        """``8 weeks`` in the page language."""
        match = DURATION_RE.match(text)
        if not match:
            return text
        n, unit = int(match.group(1)), match.group(2).lower()
        return plural(self.ui["unit"][unit], n)

    def join(self, items: Sequence[str]) -> str:
        """``a, b and c``."""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + str(self.ui["list_and"]) + items[-1]

    def org_name(self, oid: str, *, short: bool = False) -> str:
        """Name of an organisation (short name when asked and given)."""
        org = self.cat.organisations.get(oid)
        if org is None:
            return oid
        if short and org.short_name:
            return self.t(org.short_name)
        return self.t(org.name)

    def link(self, page: str, target: str) -> str:
        """Relative link from one site page to another site path."""
        return relative(page, target)

    def org_ref(self, page: str, oid: str, *, short: bool = False) -> dict[str, str]:
        """An organisation as a link: name, href and country."""
        org = self.cat.organisations.get(oid)
        ref = {
            "text": self.org_name(oid, short=short),
            "href": self.link(page, self.urls.organisation(oid)),
        }
        if org is not None:
            ref["country"] = self.label("country", org.country)
        return ref

    def cred_ref(self, page: str, cid: str) -> dict[str, Any]:
        """A credential as a link, with its status and ECTS."""
        cred = self.cat.credentials[cid]
        return {
            "id": cid,
            "text": self.t(cred.title),
            "href": self.link(page, self.urls.credential(cid)),
            "status": cred.status,
            "status_label": self.ui["status"][cred.status],
            "eqf": cred.eqf,
            "ects": self.num(cred.workload.ects) if cred.workload.ects is not None else "",
        }

    def price(self, price: Price) -> str:
        """A price: ``€720`` / ``720 €`` / ``Free``."""
        if price.amount == 0:
            return str(self.ui["price_free"])
        amount = self.num(price.amount)
        symbol = CURRENCY_SYMBOLS.get(price.currency)
        if symbol:
            return _fill(str(self.ui["price_format"]), symbol=symbol, amount=amount)
        return _fill(str(self.ui["price_format_code"]), code=price.currency, amount=amount)

    def price_summary(self, cred: Credential) -> str:
        """The price of the offerings: one value, a range, or "ask the provider"."""
        prices = [o.price for o in cred.offerings if o.price is not None]
        if not prices:
            return str(self.ui["price_unknown"])
        currencies = {p.currency for p in prices}
        if len(currencies) > 1:
            return " / ".join(dict.fromkeys(self.price(p) for p in prices))
        low = min(prices, key=lambda p: p.amount)
        high = max(prices, key=lambda p: p.amount)
        if low.amount == high.amount:
            return self.price(low)
        return _fill(str(self.ui["price_range"]), low=self.price(low), high=self.price(high))

    def workload(self, cred: Credential) -> str:
        """``4 ECTS (110 hours of learning)``."""
        work = cred.workload
        if work.ects is not None and work.hours is not None:
            return _fill(
                str(self.ui["fact_workload_both"]), ects=self.num(work.ects), hours=work.hours
            )
        if work.ects is not None:
            return _fill(str(self.ui["fact_workload_ects"]), ects=self.num(work.ects))
        return _fill(str(self.ui["fact_workload_hours"]), hours=work.hours)

    def pages(self) -> list[PageSpec]:
        """Every page to generate, in a stable order."""
        urls = self.urls
        specs = [
            PageSpec(
                "catalogue",
                urls.catalogue_page(),
                "catalogue/index.md",
                str(self.ui["catalogue_title"]),
            ),
            PageSpec(
                "pathways",
                urls.pathways_page(),
                "pathways/index.md",
                str(self.ui["pathways_title"]),
            ),
            PageSpec(
                "organisations",
                urls.organisations_page(),
                "organisations/index.md",
                str(self.ui["organisations_title"]),
            ),
        ]
        for cid, cred in self.cat.credentials.items():
            source = self.cat.source_of("credential", cid)
            title = self.t(cred.title)
            current = urls.credential(cid)
            specs.append(
                PageSpec("credential", current, current + "index.md", title, cid, False, source)
            )
            version = urls.credential_version(cid, cred.version)
            specs.append(
                PageSpec("credential", version, version + "index.md", title, cid, True, source)
            )
        for oid, org in self.cat.organisations.items():
            path = urls.organisation(oid)
            specs.append(
                PageSpec(
                    "organisation",
                    path,
                    path + "index.md",
                    self.t(org.name),
                    oid,
                    False,
                    self.cat.source_of("organisation", oid),
                )
            )
        return specs

    def context(self, spec: PageSpec) -> dict[str, Any]:
        """The template context of one page."""
        if spec.kind == "credential":
            return self.credential(
                self.cat.credentials[spec.entity], version_page=spec.version_page
            )
        if spec.kind == "organisation":
            return self.organisation(self.cat.organisations[spec.entity])
        if spec.kind == "organisations":
            return self.organisations()
        if spec.kind == "catalogue":
            return self.catalogue()
        if spec.kind == "pathways":
            return self.pathways()
        raise ValueError(spec.kind)

    def _base(self, kind: str, page: str, title: str) -> dict[str, Any]:
        return {
            "kind": kind,
            "lang": self.lang,
            "path": page,
            "title": title,
            "ui": self.ui,
            "links": {
                "catalogue": self.link(page, self.urls.catalogue_page()),
                "pathways": self.link(page, self.urls.pathways_page()),
                "organisations": self.link(page, self.urls.organisations_page()),
                "data": self.link(page, self.urls.data_page()),
                "home": self.link(page, self.urls.home()),
                "how_to_read": self.link(page, self.urls.guide_page()),
                "catalogue_json": self.link(page, CATALOGUE_JSON),
            },
            "toc": [],
        }

    # credential --------------------------------------------------------------------------------

    def credential(self, cred: Credential, *, version_page: bool = False) -> dict[str, Any]:
        """Context of a credential page (current page, or the permanent page of its version)."""
        urls = self.urls
        current = urls.credential(cred.id)
        version_path = urls.credential_version(cred.id, cred.version)
        page = version_path if version_page else current
        ui = self.ui
        ctx = self._base("credential", page, self.t(cred.title))
        outcome_text = {o.id: self.t(o.text) for o in cred.outcomes}
        number = {o.id: i for i, o in enumerate(self._ordered_outcomes(cred), start=1)}
        published = (
            _fill(str(ui["version_published"]), date=self.date(cred.published))
            if cred.published
            else ""
        )

        ctx.update(
            id=cred.id,
            kicker=ui["credential_kicker"],
            summary=self.t(cred.summary),
            description=markdown_safe(self.t(cred.description)),
            status=cred.status,
            status_label=ui["status"][cred.status],
            canonical=urls.iri(page),
            permanent_iri=urls.iri(version_path),
            version={
                "number": cred.version,
                "is_version_page": version_page,
                "is_current": True,
                "text": _fill(
                    str(ui["version_viewing_current" if version_page else "version_current_page"]),
                    version=cred.version,
                    published=published,
                ),
                "link": {
                    "text": ui["version_to_current"] if version_page else ui["version_permalink"],
                    "href": self.link(page, current if version_page else version_path),
                },
            },
        )
        ctx["banner"] = self._banner(page, cred)
        ctx["facts"] = self._facts(page, cred)
        ctx["outcome_groups"] = self._outcomes(cred, number)
        ctx["assessments"] = [
            {
                "id": a.id,
                "anchor": f"assessment-{a.id}",
                "title": self.t(a.title) or self.label("assessment-type", a.type),
                "type": self.label("assessment-type", a.type),
                "description": markdown_safe(self.t(a.description)),
                "proves": [
                    {
                        "text": _shorten(outcome_text.get(ref, ref)),
                        "href": f"#outcome-{ref}",
                        "number": number.get(ref, ""),
                    }
                    for ref in a.proves
                ],
                "supervision": ui["supervision"][a.supervision or "none"],
                "identity": ui["identity_yes" if a.identity_check else "identity_no"],
                "identity_check": a.identity_check,
                "grading": self.t(a.grading),
            }
            for a in cred.assessments
        ]
        ctx["quality"] = [
            {
                "type": self.label("accreditation-type", qa.type),
                "title": self.t(qa.title),
                "body": self.org_ref(page, qa.body),
                "description": markdown_safe(self.t(qa.description)),
                "url": safe_url(qa.url) if qa.url else "",
                "valid_until": self.date(qa.valid_until) if qa.valid_until else "",
            }
            for qa in cred.quality_assurance
        ]
        ctx["prerequisites"] = markdown_safe(self.t(cred.prerequisites))
        ctx["stackability"] = self._stackability(page, cred)
        ctx["offerings"] = [
            self._offering(o, cred) for o in sorted(cred.offerings, key=lambda o: (o.start, o.id))
        ]
        ctx["show_offerings"] = cred.status in {"active", "draft"} or bool(cred.offerings)
        ctx["employers"] = self._employers(page, cred, outcome_text)
        ctx["further"] = {
            "text": markdown_safe(self.t(cred.further_information)),
            "links": [
                {"text": self.t(link.title), "href": safe_url(link.url)} for link in cred.links
            ],
            "homepage": safe_url(cred.homepage) if cred.homepage else "",
        }
        ctx["downloads"] = self._downloads(page, cred)
        ctx["schemaorg"] = self._schemaorg(cred)
        toc = [
            ("key-facts", ui["h_key_facts"]),
            ("about", ui["h_about"]) if ctx["description"] else None,
            ("outcomes", ui["h_outcomes"]),
            ("assessment", ui["h_assessment"]),
            ("quality", ui["h_quality"]),
            ("prerequisites", ui["h_prerequisites"]),
            ("stackability", ui["h_stackability"]),
            ("offerings", ui["h_offerings"]) if ctx["show_offerings"] else None,
            ("employers", ui["h_employers"]),
            ("further", ui["h_further"])
            if ctx["further"]["text"] or ctx["further"]["links"] or ctx["further"]["homepage"]
            else None,
            ("downloads", ui["h_downloads"]) if ctx["downloads"] else None,
        ]
        ctx["toc"] = [{"id": item[0], "title": str(item[1])} for item in toc if item]
        return ctx

    def _banner(self, page: str, cred: Credential) -> dict[str, Any] | None:
        ui = self.ui
        if cred.status == "draft":
            return {"kind": "draft", "parts": [{"text": ui["banner_draft"]}]}
        if cred.status == "retired":
            return {"kind": "retired", "parts": [{"text": ui["banner_retired"]}]}
        if cred.status == "superseded":
            successor = cred.superseded_by
            links: dict[str, dict[str, str]] = {}
            if successor and successor in self.cat.credentials:
                ref = self.cred_ref(page, successor)
                links["successor"] = {
                    "text": ref["text"],
                    "href": ref["href"],
                    "rel": "successor-version",
                }
            else:  # validated catalogues always name an existing successor
                links["successor"] = {"text": successor or ""}
            return {
                "kind": "superseded",
                "parts": _rich(str(ui["banner_superseded"]), links),
                "successor": links["successor"],
            }
        return None

    def _facts(self, page: str, cred: Credential) -> list[dict[str, Any]]:
        ui = self.ui
        facts: list[dict[str, Any]] = []

        def fact(
            key: str,
            items: list[dict[str, str]],
            note: str = "",
            more: dict[str, str] | None = None,
        ) -> None:
            facts.append(
                {"id": key, "label": ui[f"fact_{key}"], "items": items, "note": note, "more": more}
            )

        awarding = []
        for oid in cred.awarding_body:
            ref = self.org_ref(page, oid)
            ref["suffix"] = ref.get("country", "")
            awarding.append(ref)
        fact("awarding_body", awarding)
        if cred.provider and cred.provider != cred.awarding_body:
            fact("provider", [self.org_ref(page, oid) for oid in cred.provider])
        if cred.assessor and cred.assessor != cred.awarding_body:
            fact("assessor", [self.org_ref(page, oid) for oid in cred.assessor])
        fact(
            "eqf",
            [{"text": _fill(str(ui["fact_eqf_value"]), level=cred.eqf)}],
            vocab.eqf_descriptor(cred.eqf, self.lang) or "",
            {
                "text": str(ui["fact_eqf_link"]),
                "href": self.link(page, self.urls.guide_page()) + "#eqf",
            },
        )
        if cred.nqf:
            fact("nqf", [{"text": self.label("nqf", cred.nqf)}])
        work = cred.workload
        split = ""
        if None not in (work.guided_hours, work.self_study_hours, work.assessment_hours):
            split = _fill(
                str(ui["fact_workload_split"]),
                guided=plural(ui["unit"]["hour"], work.guided_hours or 0),
                self=plural(ui["unit"]["hour"], work.self_study_hours or 0),
                assessment=plural(ui["unit"]["hour"], work.assessment_hours or 0),
            )
        note = " ".join(
            x
            for x in (
                split + "." if split else "",
                str(ui["fact_ects_note"]) if work.ects is not None else "",
            )
            if x
        )
        fact("workload", [{"text": self.workload(cred)}], note)
        if cred.duration:
            fact("duration", [{"text": self.duration(cred.duration)}])
        fact("mode", [{"text": self.label("mode", cred.mode)}])
        fact("setting", [{"text": self.label("learning-setting", cred.setting)}])
        fact("languages", [{"text": self.label("language", code)} for code in cred.languages])
        fact("field", [{"text": self.label("isced-f", code)} for code in cred.field])
        fact("type", [{"text": self.label("learning-opportunity-type", cred.type)}])
        if cred.target_groups:
            fact(
                "target_groups",
                [{"text": self.label("target-group", code)} for code in cred.target_groups],
            )
        if cred.status in {"active", "draft"}:
            fact("price", [{"text": self.price_summary(cred)}])
        fact(
            "status", [{"text": f"{ui['status'][cred.status]} ({ui['status_note'][cred.status]})"}]
        )
        return facts

    @staticmethod
    def _ordered_outcomes(cred: Credential) -> list[Any]:
        """Outcomes in display order: knowledge, skills, responsibility and autonomy."""
        return [o for kind in OUTCOME_KINDS for o in cred.outcomes if o.kind == kind]

    def _outcomes(self, cred: Credential, number: Mapping[str, int]) -> list[dict[str, Any]]:
        groups = []
        for kind in OUTCOME_KINDS:
            items = [
                {
                    "id": o.id,
                    "number": number[o.id],
                    "anchor": f"outcome-{o.id}",
                    "text": self.t(o.text),
                    "reuse": self.label("reuse-level", o.reuse) if o.reuse else "",
                    "skills": [
                        {
                            "href": safe_url(s.uri),
                            "code": s.uri.rsplit("/", 1)[-1][:8],
                            "label": self.t(s.label) if s.label else "",
                        }
                        for s in o.esco
                    ],
                }
                for o in cred.outcomes
                if o.kind == kind
            ]
            if items:
                groups.append(
                    {"kind": kind, "heading": self.ui["outcome_kind"][kind], "items": items}
                )
        return groups

    def _stackability(self, page: str, cred: Credential) -> dict[str, Any]:
        stack = cred.stackability
        known = self.cat.credentials

        def refs(ids: Iterable[str]) -> list[dict[str, Any]]:
            return [self.cred_ref(page, cid) for cid in ids if cid in known]

        groups = [
            ("part_of", refs(stack.part_of if stack else [])),
            ("has_part", refs(self.cat.has_part(cred.id))),
            ("builds_on", refs(stack.builds_on if stack else [])),
            ("leads_to", refs(self.cat.leads_to(cred.id))),
        ]
        shown = [
            {"label": self.ui[f"stack_{key}"], "key": key, "items": items}
            for key, items in groups
            if items
        ]
        return {
            "groups": shown,
            "note": markdown_safe(self.t(stack.note if stack else None)),
            "standalone": not shown,
            "pathways": self.link(page, self.urls.pathways_page()),
        }

    def _offering(self, offer: Offering, cred: Credential) -> dict[str, Any]:
        ui = self.ui
        start = self.date(offer.start)
        dates = (
            _fill(str(ui["date_range"]), start=start, end=self.date(offer.end))
            if offer.end and offer.end != offer.start
            else start
        )
        where = ""
        if offer.location is not None:
            loc = offer.location
            address = loc.address or ""
            city = "" if loc.city.casefold() in address.casefold() else loc.city
            bits = [self.t(loc.name), address, city, self.label("country", loc.country)]
            where = ", ".join(b for b in bits if b)
        elif cred.mode == "online":
            where = str(ui["offer_online"])
        languages = offer.languages or []
        details = [
            ("offer_dates", dates),
            (
                "offer_deadline",
                self.date(offer.application_deadline) if offer.application_deadline else "",
            ),
            ("offer_price", self.price(offer.price) if offer.price else ""),
            ("offer_where", where),
            (
                "offer_schedule",
                self.label("learning-schedule", offer.schedule) if offer.schedule else "",
            ),
            ("offer_languages", ", ".join(self.label("language", c) for c in languages)),
            ("offer_places", str(offer.places) if offer.places else ""),
        ]
        return {
            "id": offer.id,
            "anchor": f"offering-{offer.id}",
            "heading": _fill(str(ui["offer_starts"]), date=start),
            "details": [{"label": ui[key], "value": value} for key, value in details if value],
            "note": self.t(offer.note),
            "enrol": (
                {
                    "href": safe_url(offer.enrolment_url),
                    "text": _fill(str(ui["offer_enrol"]), date=start),
                }
                if offer.enrolment_url
                else None
            ),
        }

    def _employers(
        self, page: str, cred: Credential, outcome_text: Mapping[str, str]
    ) -> dict[str, Any]:
        ui = self.ui
        return {
            "shown": [outcome_text[o.id] for o in cred.outcomes],
            "checked": [
                _fill(
                    str(ui["employers_assessment_line"]),
                    type=self.t(a.title) or self.label("assessment-type", a.type),
                    supervision=ui["employers_supervision"][a.supervision or "none"],
                    identity=ui[
                        "employers_identity_yes" if a.identity_check else "employers_identity_no"
                    ],
                )
                for a in cred.assessments
            ],
            "level": f"{_fill(str(ui['fact_eqf_value']), level=cred.eqf)} · {self.workload(cred)}",
            "awarded": [
                self._org_with_country(oid) if oid in self.cat.organisations else oid
                for oid in cred.awarding_body
            ],
            "qa": [
                f"{self.label('accreditation-type', qa.type)}: {self.org_name(qa.body)}"
                for qa in cred.quality_assurance
            ],
            "reference": self.urls.iri(self.urls.credential_version(cred.id, cred.version)),
        }

    def _org_with_country(self, oid: str) -> str:
        org = self.cat.organisations[oid]
        return f"{self.org_name(oid)} ({self.label('country', org.country)})"

    def _downloads(self, page: str, cred: Credential) -> list[dict[str, str]]:
        if not self.machine_files:
            return []
        out = []
        for kind, path, mime, label in machine_links(self.cat, cred, self.urls, lang=self.lang):
            out.append(
                {
                    "kind": kind,
                    "href": self.link(page, path),
                    "type": mime,
                    "label": label,
                    "file": path.rsplit("/", 1)[-1],
                }
            )
        return out

    def _schemaorg(self, cred: Credential) -> dict[str, Any]:
        return schemaorg(self.cat, cred, self.urls, self.lang)

    # organisations ------------------------------------------------------------------------------

    def organisation(self, org: Organisation) -> dict[str, Any]:
        """Context of an organisation page."""
        page = self.urls.organisation(org.id)
        ui = self.ui
        ctx = self._base("organisation", page, self.t(org.name))
        roles = self.cat.roles_of(org.id)
        address = None
        if org.address is not None:
            a = org.address
            address = [
                line
                for line in (
                    a.street or "",
                    " ".join(x for x in (a.postcode or "", a.city) if x),
                    self.label("country", a.country),
                )
                if line
            ]
        ctx.update(
            id=org.id,
            short_name=self.t(org.short_name)
            if org.short_name and org.short_name != org.name
            else "",
            kind_label=ui["org_kind"][org.kind],
            country=self.label("country", org.country),
            description=markdown_safe(self.t(org.description)),
            homepage=safe_url(org.homepage),
            homepage_text=org.homepage,
            email=safe_url(f"mailto:{org.email}") if org.email else "",
            email_text=org.email or "",
            phone=org.phone or "",
            address=address,
            legal_identifier=org.legal_identifier or "",
            publisher=org.id == self.cat.settings.publisher,
            roles=[
                {
                    "role": role,
                    "heading": ui["org_role"][role],
                    "column": ui["org_role_column"][role],
                    "credentials": self._sorted_refs(page, roles[role]),
                }
                for role in ROLES
                if role in roles
            ],
            rows=[
                {
                    "credential": ref,
                    "roles": [
                        {"role": role, "holds": ref["id"] in roles[role]}
                        for role in ROLES
                        if role in roles
                    ],
                }
                for ref in self._sorted_refs(page, {cid for ids in roles.values() for cid in ids})
            ],
        )
        ctx["toc"] = [
            {"id": "roles", "title": str(ui["org_roles"])},
            {"id": "contact", "title": str(ui["org_contact"])},
        ]
        return ctx

    def _sorted_refs(self, page: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        refs = [self.cred_ref(page, cid) for cid in ids]
        return sorted(
            refs, key=lambda r: (STATUS_ORDER.index(r["status"]), r["text"].casefold(), r["id"])
        )

    def organisations(self) -> dict[str, Any]:
        """Context of the list of organisations."""
        page = self.urls.organisations_page()
        ui = self.ui
        ctx = self._base("organisations", page, str(ui["organisations_title"]))
        items = []
        for oid, org in self.cat.organisations.items():
            roles = self.cat.roles_of(oid)
            count = len({cid for ids in roles.values() for cid in ids})
            items.append(
                {
                    "id": oid,
                    "name": self.t(org.name),
                    "href": self.link(page, self.urls.organisation(oid)),
                    "kind_label": ui["org_kind"][org.kind],
                    "country": self.label("country", org.country),
                    "roles": [str(ui["org_role"][r]) for r in ROLES if r in roles],
                    "count": plural(ui["organisations_count"], count),
                }
            )
        items.sort(key=lambda i: (i["name"].casefold(), i["id"]))
        ctx.update(intro=ui["organisations_intro"], organisations=items)
        return ctx

    # catalogue ----------------------------------------------------------------------------------

    def card(self, page: str, cred: Credential) -> dict[str, Any]:
        """A credential card for the catalogue page."""
        ui = self.ui
        work = cred.workload
        return {
            "id": cred.id,
            "href": self.link(page, self.urls.credential(cred.id)),
            "title": self.t(cred.title),
            "summary": self.t(cred.summary),
            "providers": [self.org_name(oid, short=True) for oid in cred.providers],
            "awarding": [self.org_name(oid, short=True) for oid in cred.awarding_body],
            "eqf": cred.eqf,
            "eqf_label": _fill(str(ui["card_level"]), level=cred.eqf),
            "ects": self.num(work.ects) if work.ects is not None else "",
            "ects_label": _fill(str(ui["card_ects"]), ects=self.num(work.ects))
            if work.ects is not None
            else "",
            "hours_label": _fill(str(ui["card_hours"]), hours=work.hours) if work.hours else "",
            "mode": cred.mode,
            "mode_label": self.label("mode", cred.mode),
            "languages": [self.label("language", c) for c in cred.languages],
            "status": cred.status,
            "status_label": ui["status"][cred.status],
        }

    def catalogue(self) -> dict[str, Any]:
        """Context of the catalogue page: every card, and the filter controls with counts."""
        from .index import catalogue_index  # local: index imports this module

        page = self.urls.catalogue_page()
        ui = self.ui
        ctx = self._base("catalogue", page, str(ui["catalogue_title"]))
        creds = sorted(
            self.cat.credentials.values(), key=lambda c: (self.t(c.title).casefold(), c.id)
        )
        cards = [self.card(page, c) for c in creds]
        index = catalogue_index(self.cat, self.urls, self.lang)
        active = [e for e in index["credentials"] if e["status"] == "active"]

        def options(facet: str, key: str, values: Iterable[str]) -> list[dict[str, Any]]:
            labels = index["facets"][facet]
            out = []
            for value in values:
                count = sum(1 for e in active if _has(e[key], value))
                out.append({"value": value, "label": labels[value], "count": count})
            return out

        def by_label(opts: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return sorted(opts, key=lambda o: (o["label"].casefold(), o["value"]))

        facets = index["facets"]
        orgs_used = {o for e in index["credentials"] for o in e["orgs"]}
        ectses = [e["ects"] for e in index["credentials"] if e["ects"] is not None]
        ctx.update(
            intro=_fill(
                str(ui["catalogue_intro"]),
                n=len(active),
                orgs=len({o for e in active for o in e["orgs"]}),
            ),
            cards=[c for c in cards if c["status"] == "active"],
            other_cards=sorted(
                (c for c in cards if c["status"] != "active"),
                key=lambda c: (STATUS_ORDER.index(c["status"]), c["title"].casefold(), c["id"]),
            ),
            count_text=plural(ui["catalogue_count"], len(active)),
            facets=[
                {
                    "id": "eqf",
                    "label": ui["facet_eqf"],
                    "options": options("eqf", "eqf", sorted(facets["eqf"], key=int)),
                },
                {
                    "id": "field",
                    "label": ui["facet_field"],
                    "options": by_label(options("field", "fields", facets["field"])),
                },
                {
                    "id": "mode",
                    "label": ui["facet_mode"],
                    "options": by_label(options("mode", "mode", facets["mode"])),
                },
                {
                    "id": "language",
                    "label": ui["facet_language"],
                    "options": by_label(options("language", "languages", facets["language"])),
                },
                {
                    "id": "org",
                    "label": ui["facet_org"],
                    "options": by_label(options("org", "orgs", sorted(orgs_used))),
                },
                {
                    "id": "status",
                    "label": ui["facet_status"],
                    "options": [
                        {
                            "value": s,
                            "label": facets["status"][s],
                            "count": sum(1 for e in index["credentials"] if e["status"] == s),
                            "default": s == "active",
                        }
                        for s in STATUS_ORDER
                        if s in facets["status"]
                    ],
                },
            ],
            workload={
                "min": self.num(min(ectses)) if ectses else "",
                "max": self.num(max(ectses)) if ectses else "",
            },
            sorts=[
                {"value": v, "label": ui[f"sort_{v}"]}
                for v in ("title", "eqf_asc", "eqf_desc", "ects_asc", "ects_desc", "provider")
            ],
        )
        return ctx

    # pathways -----------------------------------------------------------------------------------

    def pathways(self) -> dict[str, Any]:
        """Context of the pathways page: the SVG graph and the same routes as a list."""
        from .pathways import pathways_context  # local: pathways imports this module

        page = self.urls.pathways_page()
        ctx = self._base("pathways", page, str(self.ui["pathways_title"]))
        ctx.update(pathways_context(self, page))
        return ctx


def _shorten(text: str, limit: int = 90) -> str:
    """The start of a text, cut at a word boundary: for lists that link to the full text."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _has(value: Any, wanted: str) -> bool:
    if isinstance(value, list):
        return wanted in [str(v) for v in value]
    return str(value) == wanted
