"""schema.org JSON-LD for a credential page: what general web crawlers read.

:func:`schemaorg` returns one dict with an ``EducationalOccupationalCredential`` and the
``Course`` that leads to it (one ``CourseInstance`` and one ``Offer`` per offering). The page
template embeds it in ``<script type="application/ld+json">``; escaping for that context is the
template's job (:func:`credcat.render.safe.json_for_script`), this module only builds the dict.

What Google's course rich results read: ``Course`` with ``name``, ``description``,
``provider``, ``offers`` (``category``, a numeric ``price``, ``priceCurrency``) and
``hasCourseInstance`` (``courseMode``, dates, ``courseWorkload``). The credential lists its
levels (EQF, NQF, QF-EHEA cycle) in ``educationalLevel`` and its learning outcomes and ESCO
skills in ``competencyRequired``; the course ``teaches`` the same.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from urllib.parse import quote

from ... import vocab
from ...catalogue import Catalogue
from ...model import Credential, Offering, duration_iso, ordered_outcomes
from ...urls import Urls, offering_anchor, outcome_anchor
from ..language import Fallbacks, concept_label, localise, nqf_label, phrase
from .nodes import ESCO_SKILLS_SCHEME, JsonDict, plain_text

__all__ = ["COURSE_MODE", "schemaorg"]

SCHEMA = "https://schema.org"

COURSE_MODE: dict[str, str] = {
    "online": "online",
    "blended": "blended",
    "on-site": "onsite",
    "work-based": "onsite",
    "project-based": "blended",
    "research-lab": "onsite",
}
"""credcat mode code → schema.org ``courseMode`` value."""


def _organization(catalogue: Catalogue, oid: str, urls: Urls, lang: str) -> JsonDict:
    org = catalogue.organisations[oid]
    default = catalogue.languages
    node: JsonDict = {
        "@type": "Organization",
        "@id": urls.organisation_iri(oid),
        "name": localise(org.name, lang, default),
        "url": org.homepage,
    }
    address: JsonDict = {"@type": "PostalAddress", "addressCountry": org.country}
    if org.address is not None:
        address["addressCountry"] = org.address.country
        address["addressLocality"] = org.address.city
        if org.address.street:
            address["streetAddress"] = org.address.street
        if org.address.postcode:
            address["postalCode"] = org.address.postcode
    node["address"] = address
    if org.email:
        node["email"] = org.email
    return node


def _eqf_level(credential: Credential, lang: str) -> JsonDict:
    eqf = vocab.concept("eqf", str(credential.eqf))
    return {
        "@type": "DefinedTerm",
        "name": phrase("eqf.level", lang, eqf=credential.eqf),
        "termCode": str(credential.eqf),
        "url": eqf.iri,
        "inDefinedTermSet": eqf.scheme,
    }


def _levels(credential: Credential, lang: str) -> list[JsonDict]:
    """EQF level, then the NQF level and the QF-EHEA cycle where the credential has them."""
    levels = [_eqf_level(credential, lang)]
    if credential.nqf:
        nqf = vocab.concept("nqf", credential.nqf)
        levels.append(
            {
                "@type": "DefinedTerm",
                "name": nqf_label(nqf.code, lang),
                "termCode": nqf.code,
                "url": nqf.iri,
                "inDefinedTermSet": nqf.scheme,
            }
        )
    if credential.qf_ehea:
        levels.append(
            {
                "@type": "DefinedTerm",
                "name": f"QF-EHEA: {phrase(f'qf-ehea.{credential.qf_ehea}', lang)}",
                "termCode": credential.qf_ehea,
                "inDefinedTermSet": {
                    "@type": "DefinedTermSet",
                    "name": "Qualifications Framework of the European Higher Education Area "
                    "(QF-EHEA)",
                },
            }
        )
    return levels


def _esco_skills(credential: Credential, lang: str, default: Fallbacks) -> list[JsonDict]:
    """The ESCO skills of the outcomes (each once), as ``DefinedTerm`` nodes."""
    terms: dict[str, JsonDict] = {}
    for outcome in ordered_outcomes(credential):
        for skill in outcome.esco:
            if skill.uri in terms:
                continue
            code = skill.uri.rsplit("/", 1)[-1]
            terms[skill.uri] = {
                "@type": "DefinedTerm",
                "@id": skill.uri,
                "name": localise(skill.label, lang, default)
                if skill.label
                else f"ESCO skill {code}",
                "termCode": code,
                "url": skill.uri,
                "inDefinedTermSet": ESCO_SKILLS_SCHEME,
            }
    return list(terms.values())


def _number(amount: Decimal) -> int | float:
    """A price as a JSON number (what Google's course rich results expect)."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _offer(credential: Credential, offering: Offering, page: str) -> JsonDict | None:
    if offering.price is None:
        return None
    offer: JsonDict = {
        "@type": "Offer",
        "price": _number(offering.price.amount),
        "priceCurrency": offering.price.currency,
        "category": "Free" if offering.price.amount == 0 else "Paid",
        "url": offering.enrolment_url or credential.homepage or page,
    }
    if offering.application_deadline:
        offer["validThrough"] = offering.application_deadline.isoformat()
    return offer


def _instance(
    catalogue: Catalogue,
    credential: Credential,
    offering: Offering,
    urls: Urls,
    lang: str,
    node: Callable[[str], str],
) -> JsonDict:
    default = catalogue.languages
    page = urls.iri(urls.description_page(credential.id, credential.version))
    instance: JsonDict = {
        "@type": "CourseInstance",
        "@id": node(offering_anchor(offering.id)),
        "name": f"{localise(credential.title, lang, default)} ({offering.id})",
        "courseMode": COURSE_MODE.get(credential.mode, credential.mode),
        "startDate": offering.start.isoformat(),
        "inLanguage": list(offering.languages or credential.languages),
    }
    if offering.end:
        instance["endDate"] = offering.end.isoformat()
    if credential.workload.hours is not None:
        instance["courseWorkload"] = f"PT{credential.workload.hours}H"
    if offering.location is not None:
        where = offering.location
        address: JsonDict = {
            "@type": "PostalAddress",
            "addressLocality": where.city,
            "addressCountry": where.country,
        }
        if where.address:
            address["streetAddress"] = where.address
        place: JsonDict = {"@type": "Place", "address": address}
        if where.name:
            place["name"] = localise(where.name, lang, default)
        instance["location"] = place
    offer = _offer(credential, offering, page)
    if offer is not None:
        instance["offers"] = offer
    if offering.places:
        instance["maximumAttendeeCapacity"] = offering.places
    return instance


def schemaorg(
    catalogue: Catalogue,
    credential: Credential,
    urls: Urls,
    lang: str,
    *,
    version_page: bool = True,
) -> JsonDict:
    """The schema.org description of a credential version, with texts in ``lang``.

    Args:
        catalogue: The catalogue.
        credential: The credential.
        urls: The URL scheme.
        lang: Language of the page (texts missing in it fall back to the catalogue's other
            languages, its default language first).
        version_page: For the permanent page of the version, whose nodes carry the version's
            IRIs (``…/<id>/<version>/#credential``, ``#course``, ``#offering-…``, the
            outcomes). The current page (``False``) describes the same version under its own
            IRIs (``…/<id>/#credential`` …) and names the version's credential with
            ``isBasedOn``, so that no two pages claim the same ``@id``. A version without a
            permanent address (a draft's not released: ``urls`` is
            :meth:`~credcat.urls.Urls.without_address`) has only its current page: its
            outcomes and ``sameAs`` are there too, and it names no ``isBasedOn``.

    Returns:
        ``{"@context": "https://schema.org", "@graph": [credential, course]}``.
    """
    default = catalogue.languages
    cid, version = credential.id, credential.version
    versioned_id = urls.node_iri(cid, version, "credential")
    if version_page:
        page = urls.iri(urls.credential_version(cid, version, lang))

        def node(fragment: str) -> str:
            return urls.node_iri(cid, version, fragment)
    else:
        page = urls.iri(urls.credential(cid, lang))
        own = urls.iri(urls.credential(cid))

        def node(fragment: str) -> str:
            return own + "#" + quote(fragment, safe="-._~")

    credential_id = node("credential")
    course_id = node("course")
    title = localise(credential.title, lang, default)
    summary = plain_text(localise(credential.summary, lang, default))
    providers = [_organization(catalogue, oid, urls, lang) for oid in credential.providers]
    ordered = ordered_outcomes(credential)  # as the page numbers them
    outcomes = [localise(o.text, lang, default) for o in ordered]
    skills = _esco_skills(credential, lang, default)
    fields = [vocab.concept("isced-f", code) for code in credential.field]

    edu_credential: JsonDict = {
        "@type": "EducationalOccupationalCredential",
        "@id": credential_id,
        "name": title,
        "description": summary,
        "url": page,
        "credentialCategory": {
            "@type": "DefinedTerm",
            "name": phrase("badge.kicker", lang),
            "termCode": "micro-credential",
        },
        "educationalLevel": _levels(credential, lang),
        "competencyRequired": [
            {
                "@type": "DefinedTerm",
                "name": text,
                ("@id" if version_page else "url"): urls.node_iri(
                    cid, version, outcome_anchor(o.id)
                ),
            }
            for text, o in zip(outcomes, ordered, strict=True)
        ]
        + skills,
        "recognizedBy": [
            _organization(catalogue, oid, urls, lang)
            for oid in dict.fromkeys(qa.body for qa in credential.quality_assurance)
        ],
        "about": [
            {
                "@type": "DefinedTerm",
                "name": concept_label(f, lang),
                "termCode": f.code,
                "url": f.iri,
            }
            for f in fields
        ],
        "inLanguage": list(credential.languages),
        "sameAs": urls.spec_iri(cid, version),
        "version": version,
    }

    if not version_page and urls.addressed(cid, version):
        edu_credential["isBasedOn"] = {"@id": versioned_id}

    course: JsonDict = {
        "@type": "Course",
        "@id": course_id,
        "name": title,
        "description": summary,
        "url": page,
        "courseCode": cid,
        "provider": providers,
        "educationalCredentialAwarded": {"@id": credential_id},
        "educationalLevel": _eqf_level(credential, lang),
        "teaches": [*outcomes, *skills],
        "inLanguage": list(credential.languages),
    }
    if credential.offerings:
        course["hasCourseInstance"] = [
            _instance(catalogue, credential, offering, urls, lang, node)
            for offering in credential.offerings
        ]
    if credential.workload.hours is not None:
        course["timeRequired"] = f"PT{credential.workload.hours}H"
    elif credential.duration:
        course["timeRequired"] = duration_iso(credential.duration)
    if credential.workload.ects is not None:
        course["numberOfCredits"] = {
            "@type": "QuantitativeValue",
            "value": credential.workload.ects,
            "unitText": credential.workload.credit_system.upper(),
        }
    if credential.prerequisites:
        course["coursePrerequisites"] = plain_text(
            localise(credential.prerequisites, lang, default), markdown=True
        )
    offers = [
        offer
        for offering in credential.offerings
        if (offer := _offer(credential, offering, page)) is not None
    ]
    if offers:
        course["offers"] = offers
    if credential.homepage:
        course["sameAs"] = credential.homepage
    return {"@context": SCHEMA, "@graph": [edu_credential, course]}
