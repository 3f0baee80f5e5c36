"""``edc-template.json``: an unsigned European Digital Credential for the EDC Issuer's upload form.

The shape is that of the Commission's ``Sample-MC-Annex1-unsigned-uploadable.json``:
``{"credential": {…}}`` with a ``VerifiableCredential``/``EuropeanDigitalCredential`` whose
``credentialSubject.hasClaim`` is a ``LearningAchievement`` ``specifiedBy`` the published
specification, and objects embedded where the sample embeds them: each ``LearningAssessment``
embeds its ``awardedBy`` awarding process and its ``specifiedBy`` assessment specification (the
same node, with its permanent IRI, as in the specification's ``provenBy``), and names no
``proves`` (the sample has none, and it made a cycle back to the achievement). No node of the
template refers to another by a bare IRI.

What belongs to one learner and one award is **absent**, not filled with a plausible value, so
that the template cannot be sealed until the issuer supplies it: the EDC Issuer validates
against the same shapes, and a missing required value is a violation, where a placeholder
(``2000-01-01``, ``PLACEHOLDER: grade``) passed them. :data:`ISSUER_SUPPLIES` lists them:

* ``validFrom`` (the award date) and every assessment's ``grade``: required by the shapes;
* the learner (``credentialSubject``'s names, and optionally an email address or a national
  identifier): the subject holds only its claim.

What the EDC Issuer generates itself is absent too: ``issued``, ``issuanceDate``, ``evidence``,
``proof``, the issuer's ``eIDASIdentifier`` (DOMAIN.md, trap 8) and the credential's display
image (no placeholder picture; each display language has an ``IndividualDisplay`` without
image). The credential ``id`` is the nil UUID (:data:`PLACEHOLDER_ID`), recognisably
nobody's: every issued credential needs its own.

Unsealed, a template therefore fails exactly the seal-time constraints (``issued``, the
issuer's eIDAS identifier) and the constraints on what the issuer supplies (``validFrom``, one
``grade`` per assessment), and nothing else.
"""

from __future__ import annotations

from ... import vocab
from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...model import Credential
from ...urls import Urls, assessment_anchor
from .elm import specification
from .nodes import JsonDict, concept, id_verification, organisation, plain_map

__all__ = [
    "ISSUER_SUPPLIES",
    "PLACEHOLDER_ID",
    "SEALING_ADDS",
    "edc_template",
    "template_specification",
]

PLACEHOLDER_ID = "urn:credential:00000000-0000-0000-0000-000000000000"
"""``id`` of the template: the nil UUID, to be replaced by a new UUID for each credential."""
ISSUER_SUPPLIES: tuple[tuple[str, str], ...] = (
    ("id", "a new urn:credential:<UUID> for each credential (the template has the nil UUID)"),
    ("validFrom", "the date from which the credential is valid (the award date)"),
    ("credentialSubject.givenName, familyName, fullName", "the learner's names"),
    ("credentialSubject.hasClaim.provenBy[].grade", "the learner's result in each assessment"),
)
"""What the issuing institution supplies for each learner (path in the template, what)."""
SEALING_ADDS: tuple[str, ...] = (
    "issued",
    "issuanceDate",
    "evidence",
    "proof",
    "issuer.eIDASIdentifier",
)
"""What the EDC Issuer adds itself when it seals (absent from the template)."""

EDC_GENERIC_FULL = "http://data.europa.eu/snb/model/ap/edc-generic-full"


def template_specification(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> JsonDict:
    """The specification as the template embeds it: that of ``elm.jsonld`` without the bare
    references back to itself, which make a cycle and which the Commission's sample does not
    have: the assessment specifications' ``proves``, the awarding opportunities'
    ``learningAchievementSpecification`` and the accreditations' ``limitQualification`` (each
    of these nodes hangs on the specification it would name). ``spec``: the specification,
    if already made (it is not changed)."""
    if spec is None:
        spec = specification(catalogue, credential, urls)

    def without(nodes: list[JsonDict], key: str) -> list[JsonDict]:
        return [{k: v for k, v in node.items() if k != key} for node in nodes]

    out = {**spec, "provenBy": without(spec["provenBy"], "proves")}
    out["awardingOpportunity"] = without(
        spec["awardingOpportunity"], "learningAchievementSpecification"
    )
    if "accreditation" in spec:
        out["accreditation"] = without(spec["accreditation"], "limitQualification")
    return out


def edc_template(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> JsonDict:
    """The upload form ``{"credential": {…}}`` of an unsigned EDC for this credential version
    (``spec``: the specification, if already made; it is not changed)."""
    spec = template_specification(catalogue, credential, urls, spec=spec)
    title = dict(credential.title)
    primary = catalogue.settings.default_language
    display_languages = list(title)
    if primary not in display_languages:
        primary = display_languages[0]

    def display(lang: str) -> JsonDict:
        # no display image: the EDC Issuer renders the credential itself
        return {
            "id": f"urn:epass:individualDisplay:{lang}",
            "type": "IndividualDisplay",
            "language": concept("language", lang),
        }

    awarding_process: JsonDict = {
        "id": "urn:epass:awardingProcess:1",
        "type": "AwardingProcess",
        "awardingBody": [organisation(catalogue, oid, urls) for oid in credential.awarding_body],
    }
    assessments = []
    specs = {node["id"]: node for node in spec["provenBy"]}
    for index, assessment in enumerate(credential.assessments, start=1):
        kind = vocab.concept("assessment-type", assessment.type)
        spec_iri = urls.node_iri(
            credential.id, credential.version, assessment_anchor(assessment.id)
        )
        node: JsonDict = {
            "id": f"urn:epass:learningAssessment:{index}",
            "type": "LearningAssessment",
            "title": dict(assessment.title) if assessment.title else dict(kind.labels),
            "awardedBy": awarding_process,
            "assessedBy": [organisation(catalogue, oid, urls) for oid in credential.assessors],
            "specifiedBy": specs[spec_iri],
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
                "description": plain_map(credential.summary),
                "primaryLanguage": concept("language", primary),
                "language": [concept("language", lang) for lang in display_languages],
                "individualDisplay": [display(lang) for lang in display_languages],
            },
            "issuer": issuer,
            "credentialSubject": {
                "id": "urn:epass:person:1",
                "type": "Person",
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
