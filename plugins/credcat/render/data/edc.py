"""``edc-template.json``: an unsigned European Digital Credential for the EDC Issuer's upload form.

The structure follows the Commission's ``Sample-MC-Annex1-unsigned-uploadable.json``:
``{"credential": {…}}`` with a ``VerifiableCredential``/``EuropeanDigitalCredential`` whose
``credentialSubject.hasClaim`` is a ``LearningAchievement`` ``specifiedBy`` the published
specification (embedded in full, with its permanent IRIs).

Everything that belongs to one learner and one award is a placeholder the issuing institution
replaces before it seals:

* the credential ``id``: the nil UUID, ``urn:credential:00000000-0000-0000-0000-000000000000``
  (:data:`PLACEHOLDER_ID`). Every issued credential needs its own id; a per-version id here
  would give every learner's credential the same one if the issuer forgot to replace it;
* the learner's names (``PLACEHOLDER …`` texts) and ``id``;
* ``validFrom`` (``2000-01-01T00:00:00Z``);
* each assessment's ``grade`` (a ``PLACEHOLDER`` note);
* the display image (a 1×1 pixel PNG titled as a placeholder).

The EDC Issuer adds ``issued``, ``issuanceDate``, ``evidence`` and the issuer's
``eIDASIdentifier`` when it seals (DOMAIN.md, trap 8), so the template fails exactly the two
SHACL constraints on ``issued`` and ``issuer.eIDASIdentifier`` — by design.
"""

from __future__ import annotations

from ... import vocab
from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...model import Credential
from ...urls import Urls, assessment_anchor
from .elm import specification
from .nodes import JsonDict, concept, id_verification, organisation

__all__ = ["PLACEHOLDER", "PLACEHOLDER_ID", "PLACEHOLDER_VALID_FROM", "edc_template"]

PLACEHOLDER = "PLACEHOLDER"
"""Prefix of every text the issuing institution must replace."""
PLACEHOLDER_ID = "urn:credential:00000000-0000-0000-0000-000000000000"
"""``id`` of the template: the nil UUID, to be replaced by a new UUID for each credential."""
PLACEHOLDER_VALID_FROM = "2000-01-01T00:00:00Z"
"""``validFrom`` of the template (the award date goes here)."""

EDC_GENERIC_FULL = "http://data.europa.eu/snb/model/ap/edc-generic-full"

# A 1×1 transparent PNG: the EDC Issuer needs an image per display language.
_PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII="
)
_BASE64 = {
    "id": "http://data.europa.eu/snb/encoding/6146cde7dd",
    "type": "Concept",
    "inScheme": {"id": "http://data.europa.eu/snb/encoding/25831c2", "type": "ConceptScheme"},
    "prefLabel": {"en": "base64"},
}
_PNG = {
    "id": "http://publications.europa.eu/resource/authority/file-type/PNG",
    "type": "Concept",
    "inScheme": {
        "id": "http://publications.europa.eu/resource/authority/file-type",
        "type": "ConceptScheme",
    },
    "prefLabel": {"en": "PNG"},
}


def edc_template(catalogue: Catalogue, credential: Credential, urls: Urls) -> JsonDict:
    """The upload form ``{"credential": {…}}`` of an unsigned EDC for this credential version."""
    spec = specification(catalogue, credential, urls)
    title = dict(credential.title)
    primary = catalogue.settings.default_language
    display_languages = list(title)
    if primary not in display_languages:
        primary = display_languages[0]

    def display(lang: str) -> JsonDict:
        return {
            "id": f"urn:epass:individualDisplay:{lang}",
            "type": "IndividualDisplay",
            "language": concept("language", lang),
            "displayDetail": [
                {
                    "id": f"urn:epass:displayDetail:{lang}:1",
                    "type": "DisplayDetail",
                    "page": 1,
                    "image": {
                        "id": f"urn:epass:mediaObject:{lang}:1",
                        "type": "MediaObject",
                        "title": {
                            "en": f"{PLACEHOLDER}: the EDC Issuer renders the credential image"
                        },
                        "content": _PIXEL_PNG,
                        "contentEncoding": _BASE64,
                        "contentType": _PNG,
                    },
                }
            ],
        }

    awarding_process: JsonDict = {
        "id": "urn:epass:awardingProcess:1",
        "type": "AwardingProcess",
        "awardingBody": [organisation(catalogue, oid, urls) for oid in credential.awarding_body],
    }
    assessments = []
    for index, assessment in enumerate(credential.assessments, start=1):
        kind = vocab.concept("assessment-type", assessment.type)
        node: JsonDict = {
            "id": f"urn:epass:learningAssessment:{index}",
            "type": "LearningAssessment",
            "title": dict(assessment.title) if assessment.title else dict(kind.labels),
            "awardedBy": "urn:epass:awardingProcess:1",
            "assessedBy": [organisation(catalogue, oid, urls) for oid in credential.assessors],
            "grade": {
                "id": f"urn:epass:note:grade:{index}",
                "type": "Note",
                "noteLiteral": {"en": f"{PLACEHOLDER}: grade"},
            },
            "specifiedBy": urls.node_iri(
                credential.id, credential.version, assessment_anchor(assessment.id)
            ),
            "proves": "urn:epass:learningAchievement:1",
        }
        verification = id_verification(
            catalogue, urls, assessment.supervision, assessment.identity_check
        )
        if verification is not None:
            node["idVerification"] = verification
        assessments.append(node)

    issuer = organisation(catalogue, credential.awarding_body[0], urls)
    return {
        "credential": {
            "@context": list(EDC_CONTEXT),
            "id": PLACEHOLDER_ID,
            "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
            "credentialProfiles": [concept("credential-type", "generic")],
            "credentialSchema": {"id": EDC_GENERIC_FULL, "type": "ShaclValidator2017"},
            "displayParameter": {
                "id": "urn:epass:displayParameter:1",
                "type": "DisplayParameter",
                "title": title,
                "description": dict(credential.summary),
                "primaryLanguage": concept("language", primary),
                "language": [concept("language", lang) for lang in display_languages],
                "individualDisplay": [display(lang) for lang in display_languages],
            },
            "issuer": issuer,
            "validFrom": PLACEHOLDER_VALID_FROM,
            "credentialSubject": {
                "id": "urn:epass:person:1",
                "type": "Person",
                "givenName": {"en": f"{PLACEHOLDER} given name"},
                "familyName": {"en": f"{PLACEHOLDER} family name"},
                "fullName": {"en": f"{PLACEHOLDER} full name"},
                "hasClaim": {
                    "id": "urn:epass:learningAchievement:1",
                    "type": "LearningAchievement",
                    "title": title,
                    "awardedBy": awarding_process,
                    "specifiedBy": spec,
                    "provenBy": assessments,
                },
            },
        }
    }
