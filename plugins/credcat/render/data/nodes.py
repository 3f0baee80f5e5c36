"""What every machine-readable rendering shares: JSON serialisation, XSD values and ELM nodes.

Owns the serialisation of every JSON and JSON-LD file (:func:`dumps`), the XML Schema literals
(dates, durations, decimals) and the small ELM nodes that the ELM specification, the LOQ
learning opportunities and the EDC template all carry (``Concept``, ``Note``, ``WebResource``,
``Location``, ``Organisation``), so that :mod:`.loq` and :mod:`.edc` build on this module and
not on :mod:`.elm`.

Nothing here reads the clock, the network or the file system: the same model always gives the
same bytes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

from ... import vocab
from ...catalogue import Catalogue
from ...model import duration_iso
from ...urls import Urls
from ...versions import former_names
from ..language import LanguageMap, say
from ..safe import markdown_safe

__all__ = [
    "COUNTRY_ZONES",
    "ESCO_SKILLS_SCHEME",
    "JsonDict",
    "alternative_names",
    "concept",
    "date_time",
    "date_time_value",
    "decimal_text",
    "dumps",
    "end_date_time",
    "esco_concept",
    "followed_by",
    "id_verification",
    "languages_of",
    "location",
    "note",
    "organisation",
    "organisation_zone",
    "plain_map",
    "plain_note",
    "plain_text",
    "prose_map",
    "uniform_text",
    "web_resource",
    "xsd_duration",
    "zone_of",
]

ESCO_SKILLS_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"

JsonDict = dict[str, Any]
"""A JSON object as built by the renderers."""


def dumps(obj: Any) -> bytes:
    """Serialise a rendering: sorted keys, UTF-8, compact, final newline.

    Compact output keeps the standard library's C encoder (``indent`` switches to the pure
    Python one, four times slower on a large catalogue) and the files 40 % smaller; browsers and
    ``python -m json.tool`` pretty-print them for reading.
    """
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


COUNTRY_ZONES: dict[str, str] = {
    # EU
    "AT": "Europe/Vienna",
    "BE": "Europe/Brussels",
    "BG": "Europe/Sofia",
    "CY": "Asia/Nicosia",
    "CZ": "Europe/Prague",
    "DE": "Europe/Berlin",
    "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn",
    "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki",
    "FR": "Europe/Paris",
    "GR": "Europe/Athens",
    "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest",
    "IE": "Europe/Dublin",
    "IT": "Europe/Rome",
    "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg",
    "LV": "Europe/Riga",
    "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "RO": "Europe/Bucharest",
    "SE": "Europe/Stockholm",
    "SI": "Europe/Ljubljana",
    "SK": "Europe/Bratislava",
    # EEA, Switzerland, the United Kingdom
    "IS": "Atlantic/Reykjavik",
    "LI": "Europe/Vaduz",
    "NO": "Europe/Oslo",
    "CH": "Europe/Zurich",
    "GB": "Europe/London",
    # candidate and potential candidate countries
    "AL": "Europe/Tirane",
    "BA": "Europe/Sarajevo",
    "GE": "Asia/Tbilisi",
    "MD": "Europe/Chisinau",
    "ME": "Europe/Podgorica",
    "MK": "Europe/Skopje",
    "RS": "Europe/Belgrade",
    "TR": "Europe/Istanbul",
    "UA": "Europe/Kyiv",
    "XK": "Europe/Belgrade",
}
"""The IANA time zone of a country's dates (ISO 3166 code → zone): its capital's, for a country
with several (PT: Lisbon, not the Azores; ES: Madrid, not the Canary Islands). A country not
listed has its dates in UTC (:func:`zone_of`)."""


def zone_of(country: str | None) -> str:
    """The time zone a day of an organisation in ``country`` is in: :data:`COUNTRY_ZONES`,
    else ``UTC``."""
    return COUNTRY_ZONES.get((country or "").upper(), "UTC")


def _instant(day: date, at: time, zone: str) -> str:
    moment = datetime.combine(day, at, ZoneInfo(zone)).isoformat()
    return moment[: -len("+00:00")] + "Z" if zone == "UTC" else moment


def date_time(day: date, zone: str = "UTC") -> str:
    """``xsd:dateTime`` for the start of a day where it is (an IANA ``zone``), with that day's
    offset: ``2027-04-10T00:00:00+02:00`` (``…Z`` in UTC)."""
    return _instant(day, time(0, 0, 0), zone)


def end_date_time(day: date, zone: str = "UTC") -> str:
    """``xsd:dateTime`` for the end of a day where it is (an IANA ``zone``), for deadlines and
    end dates: ``2027-02-12T23:59:59+01:00``, which is still 12 February for a reader there
    (``…T23:59:59Z`` would be 13 February in Central Europe)."""
    return _instant(day, time(23, 59, 59), zone)


def organisation_zone(catalogue: Catalogue, oid: str | None) -> str:
    """The time zone of an organisation's dates: its address's country, else its country
    (:attr:`~credcat.model.OrganisationDoc.located`)."""
    org = catalogue.organisations.get(oid) if oid else None
    return "UTC" if org is None else zone_of(org.located[1])


def xsd_duration(text: str) -> str:
    """``xsd:duration`` for a validated ``duration`` text: ``8 weeks`` → ``P56D``.

    ISO 8601 has a week designator (``P8W``), XML Schema does not: ELM types ``duration`` and
    ``maximumDuration`` as ``xsd:duration``, and a strict validator (the EDC Issuer's, Europass's)
    rejects ``P8W`` as an ill-formed literal. Weeks are therefore written as days.
    """
    iso = duration_iso(text)
    if iso.endswith("W"):
        return f"P{int(iso[1:-1]) * 7}D"
    return iso


def decimal_text(value: float | int | Decimal) -> str:
    """A number as a plain decimal string, never in exponent form: ``5.0`` → ``"5"``,
    ``12.5`` → ``"12.5"``, ``120`` → ``"120"`` (ELM ``point`` is an ``xsd:string``)."""
    return format(Decimal(str(value)).normalize(), "f")


# --- small node builders ------------------------------------------------------------------


def concept(vocabulary: str, code: str) -> JsonDict:
    """A controlled value as a full ``Concept`` node with its ``ConceptScheme``."""
    found = vocab.concept(vocabulary, code)
    return {
        "id": found.iri,
        "type": "Concept",
        "inScheme": {"id": found.scheme, "type": "ConceptScheme"},
        "prefLabel": dict(found.labels),
    }


def esco_concept(iri: str, label: LanguageMap | None = None) -> JsonDict:
    """An ESCO skill as a ``Concept``, labelled when the catalogue gives the ESCO label."""
    node: JsonDict = {
        "id": iri,
        "type": "Concept",
        "inScheme": {"id": ESCO_SKILLS_SCHEME, "type": "ConceptScheme"},
    }
    if label:
        node["prefLabel"] = dict(label)
    return node


SUPERVISION_FRAGMENT = "supervision"
"""Anchor on the Data page of the catalogue's own supervision concepts (``#supervision-…``)."""


def supervision_code(supervision: str, identity_check: bool) -> str:
    """The code of a supervision/identity-verification case: ``supervised-online-id-check``."""
    return f"{supervision}-{'id-check' if identity_check else 'no-id-check'}"


def id_verification(
    catalogue: Catalogue, urls: Urls, supervision: str | None, identity_check: bool
) -> JsonDict | None:
    """An assessment's ``idVerification`` concept (method of supervision and ID verification).

    The two unsupervised cases are the EU concepts of the supervision-verification list. The
    supervised cases have no EU concept credcat knows offline (the list is not in the 2023
    snapshot), and an IRI guessed in the EU namespace would be worse than none; ELM lets data
    providers use their own list, so they are concepts of the catalogue's own scheme, on its
    Data page (``…/data/#supervision-supervised-online-id-check``), labelled in every
    language credcat speaks. ``None`` when the supervision is not stated.
    """
    if supervision is None:
        return None
    code = supervision_code(supervision, identity_check)
    if code in vocab.codes("supervision"):
        return concept("supervision", code)
    page = urls.iri(urls.data_page())
    langs = languages_of(catalogue)
    label = say(
        "supervision.concept",
        langs,
        supervision=say(f"supervision.{supervision}", langs),
        identity=say("identity.yes" if identity_check else "identity.no", langs),
    )
    return {
        "id": f"{page}#{SUPERVISION_FRAGMENT}-{code}",
        "type": "Concept",
        "inScheme": {
            "id": f"{page}#{SUPERVISION_FRAGMENT}",
            "type": "ConceptScheme",
            "prefLabel": say("supervision.scheme", langs),
        },
        "prefLabel": label,
    }


class _TextOfHtml(HTMLParser):
    """The text of the HTML :func:`~credcat.render.safe.markdown_safe` produces, by block:
    a paragraph per ``<p>``, a line ``• item`` per item of a list (``1. item`` of a numbered
    list), a link's address after its text when they differ."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.items: list[str] | None = None
        self.number: int | None = None  # the next item's number in a numbered list
        self.href: str | None = None
        self.link_text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if not text:
            return
        if self.items is not None and self.number is not None:
            self.items.append(f"{self.number}. {text}")
            self.number += 1
        elif self.items is not None:
            self.items.append("• " + text)
        else:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"p", "li"}:
            self._flush()
        elif tag in {"ul", "ol"}:
            self._flush()
            self.items = []
            start = dict(attrs).get("start") or "1"
            self.number = int(start) if tag == "ol" and start.isdigit() else None
        elif tag == "br":
            self.current.append(" ")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "li"}:
            self._flush()
        elif tag in {"ul", "ol"}:
            self._flush()
            if self.items:
                self.blocks.append("\n".join(self.items))
            self.items, self.number = None, None
        elif tag == "a":
            shown = "".join(self.link_text).strip()
            if self.href and self.href.removeprefix("mailto:") not in {shown, ""}:
                self.current.append(f" ({self.href.removeprefix('mailto:')})")
            self.href = None

    def handle_data(self, data: str) -> None:
        self.current.append(data)
        if self.href is not None:
            self.link_text.append(data)


_BLANK_LINES = re.compile(r"\n\s*\n")


def plain_text(text: str, *, markdown: bool = False) -> str:
    """A text as plain text for the data files: no Markdown, no hard line breaks.

    Lines of a paragraph are joined with a space (a YAML ``|`` block keeps the author's line
    breaks, which readers of the data would show as they are); paragraphs are separated by a
    blank line. A Markdown text (``markdown=True``, the credential's ``description``) is
    rendered first: emphasis and code marks are dropped, each list item becomes a line
    ``• item`` (``1. item`` in a numbered list) and a link keeps its address in brackets.
    """
    if markdown:
        return _text_of_markdown(text)
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(text))
    return "\n\n".join(p for p in paragraphs if p)


@functools.lru_cache(maxsize=2048)
def _text_of_markdown(text: str) -> str:
    """:func:`plain_text` of a Markdown text. The same texts reach every file of a version
    (ELM, the EDC template, each Open Badges edition, ``catalogue.jsonld``) and each is
    rendered once; the cache holds the texts of the last few credentials only, so a build's
    memory does not grow with the catalogue."""
    parser = _TextOfHtml()
    parser.feed(str(markdown_safe(text)))
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)


def plain_map(text: LanguageMap, *, markdown: bool = False) -> dict[str, str]:
    """:func:`plain_text` of every language of a language map."""
    return {lang: plain_text(value, markdown=markdown) for lang, value in text.items()}


def prose_map(text: LanguageMap) -> dict[str, str]:
    """A text the pages show as Markdown (``Localiser.prose``: a credential's description,
    further information, prerequisites and stackability note, an assessment's and a quality
    assurance's description, an organisation's description) as plain text in every language:
    :func:`plain_text` with ``markdown=True``, the one way such a text reaches the data."""
    return plain_map(text, markdown=True)


def followed_by(text: str, *sentences: str) -> str:
    """A plain text followed by sentences credcat adds: on the same line where the text is
    one line, else as a paragraph of their own (after a list, a sentence would read as part
    of its last item)."""
    added = " ".join(s for s in sentences if s)
    if not text or not added:
        return text or added
    return text + ("\n\n" if "\n" in text else " ") + added


def note(node_id: str, text: LanguageMap, *, markdown: bool = False) -> JsonDict:
    """An ``elm:Note`` holding plain text (:func:`plain_text`; :func:`prose_map` with
    ``markdown``)."""
    return {"id": node_id, "type": "Note", "noteLiteral": plain_map(text, markdown=markdown)}


def plain_note(node_id: str, text: Mapping[str, str]) -> JsonDict:
    """An ``elm:Note`` of texts already plain (made with :func:`prose_map`, :func:`followed_by`):
    kept as they are, line breaks of their lists included."""
    return {"id": node_id, "type": "Note", "noteLiteral": dict(text)}


def web_resource(node_id: str, url: str, title: LanguageMap | None = None) -> JsonDict:
    """An ``elm:WebResource`` (a link)."""
    node: JsonDict = {"id": node_id, "type": "WebResource", "contentURL": url}
    if title:
        node["title"] = dict(title)
    return node


def location(
    node_id: str,
    country: str,
    full_address: LanguageMap | None = None,
    name: LanguageMap | None = None,
) -> JsonDict:
    """A ``dc:Location`` with an ``elm:Address`` carrying the country."""
    address: JsonDict = {
        "id": node_id + "-address",
        "type": "Address",
        "countryCode": concept("country", country),
    }
    if full_address:
        address["fullAddress"] = note(node_id + "-address-text", full_address)
    node: JsonDict = {"id": node_id, "type": "Location", "address": address}
    if name:
        node["geographicName"] = dict(name)
    return node


def date_time_value(day: Any, zone: str = "UTC") -> JsonDict:
    """An explicit ``xsd:dateTime`` value object (for terms the context maps to an IRI): the
    start of the day in ``zone``."""
    return {"@type": XSD_DATETIME, "@value": date_time(day, zone)}


def uniform_text(catalogue: Catalogue, text: str) -> dict[str, str]:
    """A language-neutral text (an address, a code) as a language map in every catalogue
    language, so that a viewer shows it whatever language it displays."""
    return {lang: text for lang in catalogue.complete_languages}


def languages_of(catalogue: Catalogue, *texts: LanguageMap | None) -> list[str]:
    """The catalogue's complete languages plus every language the given texts are written in."""
    langs = list(catalogue.complete_languages)
    for text in texts:
        if text:
            langs += [lang for lang in text if lang not in langs]
    return langs


def _org_node_iri(urls: Urls, oid: str, fragment: str) -> str:
    return urls.iri(urls.organisation(oid)) + "#" + fragment


def alternative_names(
    short_name: LanguageMap | None, former: Mapping[str, tuple[str, ...]]
) -> dict[str, str | list[str]]:
    """An organisation's alternative names (``skos:altLabel``) by language: its short name,
    then the names it had when versions naming it were released (``former``:
    :func:`credcat.versions.former_names`), each once; one name as a text, several as a list
    (a JSON-LD language map holds either)."""
    names: dict[str, list[str]] = {lang: [text] for lang, text in (short_name or {}).items()}
    for lang, texts in former.items():
        known = names.setdefault(lang, [])
        known += [text for text in texts if text not in known]
    return {lang: texts[0] if len(texts) == 1 else texts for lang, texts in names.items()}


def organisation(catalogue: Catalogue, oid: str, urls: Urls) -> JsonDict:
    """An organisation as an ``elm:Organisation`` (legal name, country, homepage, contact).

    One node per organisation, at its one IRI, the same in every file that names it, whichever
    version's: ``legalName`` is its name now; ``altLabel`` its short name and every name it had
    when versions naming it were released (:func:`alternative_names`), so that a merged graph
    never gives the IRI two legal names in one language, and a credential issued under an
    earlier name still finds it among the organisation's names.

    Its legal identifiers are ``LegalIdentifier`` nodes in the country of its seat (the EDC and
    LOQ shapes require ``spatial``): the national registration number (``registration``), the
    VAT number (``vatIdentifier``) and the eIDAS identifier (``eIDASIdentifier``, the term the
    context gives ``elm:eidasLegalIdentifier``); other identifiers are ``Identifier`` nodes
    with their scheme's name (``identifier``, ``adms:identifier``).
    """
    org = catalogue.organisations[oid]
    full_address: LanguageMap | None = None
    if org.address is not None:
        place = " ".join(p for p in (org.address.postcode, org.address.city) if p)
        full_address = uniform_text(
            catalogue, ", ".join(p for p in (org.address.street, place) if p)
        )
    country = org.address.country if org.address is not None else org.country
    node: JsonDict = {
        "id": urls.organisation_iri(oid),
        "type": "Organisation",
        "legalName": dict(org.name),
        "homepage": web_resource(_org_node_iri(urls, oid, "homepage"), org.homepage),
        "location": location(_org_node_iri(urls, oid, "location"), country, full_address),
    }
    alternative = alternative_names(org.short_name, former_names(catalogue).get(oid, {}))
    if alternative:
        node["altLabel"] = alternative
    if org.description:
        node["additionalNote"] = [
            note(_org_node_iri(urls, oid, "description"), org.description, markdown=True)
        ]
    contact: JsonDict = {}
    if org.email:
        contact["emailAddress"] = {"id": "mailto:" + org.email, "type": "Mailbox"}
    if org.phone:
        contact["phone"] = {
            "id": _org_node_iri(urls, oid, "phone"),
            "type": "Phone",
            "phoneNumber": org.phone,
        }
    if contact:
        node["contactPoint"] = {
            "id": _org_node_iri(urls, oid, "contact"),
            "type": "ContactPoint",
            **contact,
        }
    legal = (
        ("registration", "registration", org.legal_identifier),
        ("vatIdentifier", "vat", org.vat_number),
        ("eIDASIdentifier", "eidas", org.eidas_identifier),
    )
    for key, fragment, value in legal:
        if value:
            node[key] = {
                "id": _org_node_iri(urls, oid, fragment),
                "type": "LegalIdentifier",
                "notation": value,
                "spatial": concept("country", org.country),
            }
    if org.identifiers:
        node["identifier"] = [
            {
                "id": _org_node_iri(urls, oid, f"identifier-{index}"),
                "type": "Identifier",
                "notation": ident.value,
                "schemeName": ident.scheme,
            }
            for index, ident in enumerate(org.identifiers, start=1)
        ]
    return node
