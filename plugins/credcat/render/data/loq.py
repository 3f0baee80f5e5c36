"""``opportunities.jsonld``: one ``LearningOpportunity`` per offering, in the Europass LOQ profile.

The LOQ shapes are closed, so this file says only what the profile allows:

* ``elm:defaultLanguage`` has no term in the edc-ap context (trap 3): written with its prefix;
* an ``Amount``'s value is ``rdf:value`` in LOQ (``elm:value`` in EDC, trap 5), as an explicit
  ``xsd:decimal``;
* a ``LearningOpportunity`` has no ``language``: the first language of the offering is the
  default language, the others are named in a note.

The opportunities point to the specification they lead to, which the file carries in full as
a second top-level node (``@graph``): a ``Qualification`` when LOQ's closed ``Qualification``
shape can be satisfied, which demands an NQF level; without one, the same content as a
``LearningAchievementSpecification`` (title, description, outcomes, EQF level, credits,
assessments …, :func:`achievement_specification`), which LOQ accepts there: Europass then
lists the offer with its full description but not as a qualification of a national framework.
``isPartOf``/``hasPart`` are left out of the copy here (each related qualification would
have to be complete); ``elm.jsonld`` has them.

ESCO skills carry no ``inScheme`` here (:func:`loq_esco`): LOQ-mdr wants it to match
``https://ec.europa.eu/esco/skill/``, EDC-full and the Commission's samples want the ESCO
skills scheme; ``inScheme`` is optional in LOQ, so leaving it off satisfies both shape sets.

The file is **live**, once per credential at its unversioned address
(``credentials/<id>/opportunities.jsonld``, :meth:`~credcat.urls.Urls.opportunities`), made
from the credential file: a credential's offerings (runs, prices, places) are not part of what
a version promises, and change without a release. A run added, moved or closed after the
current version was released is in it at the next build; a harvester reads one address for
good, whatever version is current; and a run appears once in the site, leading to the current
version's specification. Each opportunity's IRI is the run's place on the credential's page
(``credentials/<id>/#offering-<id>``), the same for a run whatever version it leads to, and
its identifier's notation is ``<credential id>/<offering id>``.

A credential without offerings has no such file, and neither has a ``draft`` (not yet offered)
or ``retired`` (no longer offered) credential, whose offerings a harvester must not advertise:
:func:`opportunities_document` returns ``None`` and :mod:`.machine` publishes and links nothing
(:func:`publishes_opportunities`). Its pages follow the same rule (:func:`offers_runs`): they
list such runs without enrolment, price or schema.org course instances, so page and machine
data say the same.
"""

from __future__ import annotations

from collections.abc import Callable

from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...model import Credential, Offering
from ...urls import Urls, offering_anchor
from ..language import localise, say
from .elm import RELATIONS, specification
from .nodes import (
    JsonDict,
    concept,
    date_time,
    date_time_value,
    end_date_time,
    languages_of,
    location,
    note,
    organisation,
    organisation_zone,
    plain_map,
    plain_note,
    uniform_text,
    web_resource,
    xsd_duration,
)

__all__ = [
    "achievement_specification",
    "learning_opportunity",
    "loq_esco",
    "offers_runs",
    "opportunities_document",
    "publishes_opportunities",
]

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
QUALIFICATION_ONLY = ("isPartialQualification", "nqfLevel")
"""Properties of a ``Qualification`` that a ``LearningAchievementSpecification`` does not have."""
UNOFFERED = frozenset({"draft", "retired"})
"""Statuses whose offerings are not published as learning opportunities."""


def offers_runs(credential: Credential) -> bool:
    """Whether a credential's runs (its file as it is now) are offered: open for enrolment,
    in its ``opportunities.jsonld`` and, on its pages, with Enrol, price and schema.org course
    instances. Not those of a ``draft``, which is not offered yet (its runs are planned, in
    every version it has: a draft's released versions are not offered either, their page is
    the record of what holders earned), nor those of a ``retired`` credential."""
    return credential.status not in UNOFFERED


def publishes_opportunities(credential: Credential) -> bool:
    """Whether a credential (its file as it is now) has an ``opportunities.jsonld``: it lists
    offerings, and they are offered (:func:`offers_runs`)."""
    return bool(credential.offerings) and offers_runs(credential)


def _provenance(
    catalogue: Catalogue,
    credential: Credential,
    offering: Offering,
    urls: Urls,
    node: Callable[[str], str],
) -> JsonDict:
    """Publisher (the catalogue's, ``catalogue.yaml``), modification date, status and
    identifier of a learning opportunity.

    The modification date is the version's publication where the run is known not to have
    changed since: a released version's run, the same as its snapshot has it. A run
    announced or changed after the release has no date credcat knows (a date before it
    existed would let an incremental harvest pass it by), so it has none."""
    out: JsonDict = {
        "publisher": organisation(catalogue, catalogue.settings.publisher, urls),
        "status": credential.status,
        "identifier": {
            "id": node("-identifier"),
            "type": "Identifier",
            "notation": f"{credential.id}/{offering.id}",
            "schemeName": localise(
                catalogue.settings.title,
                catalogue.settings.default_language,
                catalogue.languages,
            ),
            "schemeId": urls.catalogue_iri(),
        },
    }
    if credential.published and _unchanged_since_release(catalogue, credential, offering):
        out["dateModified"] = date_time_value(
            credential.published, organisation_zone(catalogue, catalogue.settings.publisher)
        )
    return out


def _unchanged_since_release(
    catalogue: Catalogue, credential: Credential, offering: Offering
) -> bool:
    """Whether the credential's version is released with this very run (an unreleased
    version's runs count as of its publication date, as its file says)."""
    released = catalogue.archive.get(credential.id, credential.version)
    if released is None:
        return True
    return offering in released.credential.offerings


def learning_opportunity(
    catalogue: Catalogue, credential: Credential, offering: Offering, urls: Urls, leads_to: str
) -> JsonDict:
    """The ``LearningOpportunity`` of one offering.

    Args:
        catalogue: The catalogue.
        credential: The credential.
        offering: One of its offerings.
        urls: The URL scheme.
        leads_to: IRI of the specification the opportunity's
            ``learningAchievementSpecification`` names.
    """
    cid = credential.id

    def node(fragment: str) -> str:
        return urls.record_node_iri(cid, offering_anchor(offering.id) + fragment)

    languages = offering.languages or credential.languages
    # a run's days are the provider's: its deadline ends at midnight where the provider is
    zone = organisation_zone(catalogue, next(iter(credential.providers), None))
    page = urls.iri(urls.credential(cid, urls.default_language))
    lo: JsonDict = {
        "id": node(""),
        "type": "LearningOpportunity",
        "title": dict(credential.title),
        "description": plain_map(credential.summary),
        "dcType": [concept("learning-opportunity-type", credential.type)],
        "elm:defaultLanguage": concept("language", languages[0]),
        "homepage": [web_resource(urls.record_node_iri(cid, "page"), page)],
        "providedBy": [organisation(catalogue, oid, urls) for oid in credential.providers],
        "learningAchievementSpecification": leads_to,
        "mode": [concept("mode", credential.mode)],
        "temporal": {
            "id": node("-period"),
            "type": "PeriodOfTime",
            "startDate": date_time(offering.start, zone),
            **({"endDate": end_date_time(offering.end, zone)} if offering.end else {}),
        },
    }
    lo.update(_provenance(catalogue, credential, offering, urls, node))
    if credential.duration:
        lo["duration"] = xsd_duration(credential.duration)
    if offering.application_deadline:
        lo["applicationDeadline"] = end_date_time(offering.application_deadline, zone)
    if offering.schedule:
        lo["learningSchedule"] = concept("learning-schedule", offering.schedule)
    if offering.location is not None:
        where = offering.location
        street = where.address or ""
        full = street if where.city in street else ", ".join(p for p in (street, where.city) if p)
        lo["location"] = [
            location(
                node("-location"),
                where.country,
                uniform_text(catalogue, full),
                dict(where.name) if where.name else None,
            )
        ]
    if offering.price is not None:
        price: JsonDict = {
            "id": node("-price"),
            "type": "PriceDetail",
            "amount": {
                "id": node("-price-amount"),
                "type": "Amount",
                "unit": concept("currency", offering.price.currency),
                "rdf:value": {"@type": XSD_DECIMAL, "@value": format(offering.price.amount, "f")},
            },
        }
        if offering.price.note:
            price["additionalNote"] = [note(node("-price-note"), offering.price.note)]
        lo["priceDetail"] = [price]
    if offering.enrolment_url:
        langs = languages_of(catalogue, credential.title)
        lo["supplementaryDocument"] = [
            web_resource(node("-enrolment"), offering.enrolment_url, say("enrolment", langs))
        ]
    notes: list[JsonDict] = []
    if offering.note:
        notes.append(note(node("-note"), offering.note))
    langs = languages_of(catalogue, credential.title)
    # credcat's sentences, as they are (their no-break spaces kept)
    if offering.places:
        places = say("offering.places", langs, places=offering.places)
        notes.append(plain_note(node("-places"), places))
    if len(languages) > 1:
        codes = say("offering.languages", langs, codes=", ".join(languages))
        notes.append(plain_note(node("-languages"), codes))
    if notes:
        lo["additionalNote"] = notes
    return lo


def loq_esco(spec: JsonDict) -> JsonDict:
    """The specification with its ESCO skills without ``inScheme`` (see the module's notes)."""
    outcomes = []
    for outcome in spec.get("learningOutcome", []):
        if "relatedESCOSkill" in outcome:
            skills = [
                {k: v for k, v in skill.items() if k != "inScheme"}
                for skill in outcome["relatedESCOSkill"]
            ]
            outcome = {**outcome, "relatedESCOSkill": skills}
        outcomes.append(outcome)
    if not outcomes:
        return spec
    return {**spec, "learningOutcome": outcomes}


def achievement_specification(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> JsonDict:
    """The specification as LOQ carries it: a ``Qualification`` with an NQF level, otherwise
    a ``LearningAchievementSpecification`` with the same IRI and content (less the
    qualification-only properties); ESCO skills without scheme; without the other
    credentials (``spec``: the whole specification, if already made; it is not changed)."""
    if spec is None:
        spec = specification(catalogue, credential, urls, relations=False)
    else:
        spec = {key: value for key, value in spec.items() if key not in RELATIONS}
    spec = loq_esco(spec)
    if credential.nqf:
        return spec
    achievement = {k: v for k, v in spec.items() if k not in QUALIFICATION_ONLY}
    achievement["type"] = "LearningAchievementSpecification"
    # an accreditation limited to a qualification must name a Qualification in LOQ
    if "accreditation" in achievement:
        achievement["accreditation"] = [
            {k: v for k, v in qa.items() if k != "limitQualification"}
            for qa in achievement["accreditation"]
        ]
    return achievement


def opportunities_document(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> JsonDict | None:
    """``opportunities.jsonld`` of a credential (its file as it is now: its current version and
    its offerings), or ``None`` when it publishes none (:func:`publishes_opportunities`);
    ``spec``: the specification, if already made (it is not changed)."""
    if not publishes_opportunities(credential):
        return None
    target = achievement_specification(catalogue, credential, urls, spec=spec)
    graph = [target] + [
        learning_opportunity(catalogue, credential, offering, urls, target["id"])
        for offering in credential.offerings
    ]
    return {"@context": list(EDC_CONTEXT), "@graph": graph}
