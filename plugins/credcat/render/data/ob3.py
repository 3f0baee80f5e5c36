"""``ob3-achievement.json``: the credential version as an Open Badges 3.0 ``Achievement``.

OB3 texts are plain strings, so the achievement is written in one language: the catalogue's
default language when the title has it, else the title's first language (``inLanguage`` says
which). Its ``id`` is the URL of the file itself, so it resolves; ``otherIdentifier`` names the
ELM specification IRI. Alignments point to the ESCO skills of the outcomes (named by their ESCO
label where the catalogue gives it, typed ``ceasn:Competency``), the EQF level, the NQF level
and the ISCED-F fields; the QF-EHEA cycle, which has no IRI to align to, is a ``tag``.
``related`` points to the successor's achievement when the version is superseded, and to the
predecessors' achievements (OB3 reserves it for other versions and language editions, so
stackability is not expressed there).
"""

from __future__ import annotations

from ... import vocab
from ...catalogue import Catalogue
from ...jsonld import OB3_CONTEXT
from ...model import Credential
from ...urls import Urls
from ..language import localise, phrase
from .nodes import JsonDict

__all__ = ["achievement_iri", "ob3_achievement"]

EQF_FRAMEWORK = "European Qualifications Framework (EQF)"
ISCED_FRAMEWORK = "ISCED Fields of Education and Training 2013 (ISCED-F)"
ESCO_FRAMEWORK = "ESCO skills"
NQF_FRAMEWORK = "National qualifications framework (NQF)"
COMPETENCY = "ceasn:Competency"
"""OB3 ``targetType`` of an ESCO skill: a competency."""


def achievement_iri(credential: Credential, urls: Urls) -> str:
    """IRI of a version's OB3 achievement: the address of ``ob3-achievement.json``."""
    return urls.iri(urls.machine_file(credential.id, credential.version, "ob3"))


def _language(catalogue: Catalogue, credential: Credential) -> str:
    default = catalogue.settings.default_language
    return default if default in credential.title else min(credential.title)


def _criteria_narrative(credential: Credential, lang: str, default: str) -> str:
    """Markdown: the outcomes the holder has shown, and how each assessment proves them."""
    numbered = {o.id: i for i, o in enumerate(credential.outcomes, start=1)}
    lines = [phrase("heading.outcomes", lang) + ":", ""]
    lines += [f"{numbered[o.id]}. {localise(o.text, lang, default)}" for o in credential.outcomes]
    lines += ["", phrase("heading.assessment", lang) + ":", ""]
    for assessment in credential.assessments:
        kind = vocab.concept("assessment-type", assessment.type).labels.get("en", assessment.type)
        name = localise(assessment.title, lang, default) if assessment.title else kind
        how = [kind]
        if assessment.supervision:
            how.append(phrase(f"supervision.{assessment.supervision}", lang))
        how.append(phrase("identity.yes" if assessment.identity_check else "identity.no", lang))
        proves = ", ".join(str(numbered[o]) for o in assessment.proves if o in numbered)
        how.append(phrase("proves.short", lang, numbers=proves))
        text = localise(assessment.description, lang, default)
        lines.append(f"- **{name}** ({'; '.join(how)}): {text}")
    return "\n".join(lines)


def ob3_achievement(catalogue: Catalogue, credential: Credential, urls: Urls) -> JsonDict:
    """The Open Badges 3.0 ``Achievement`` of a credential version (with its ``@context``)."""
    lang = _language(catalogue, credential)
    default = catalogue.settings.default_language
    page = urls.iri(urls.credential_version(credential.id, credential.version))

    alignment: list[JsonDict] = []
    seen: set[str] = set()
    for outcome in credential.outcomes:
        for skill in outcome.esco:
            iri = skill.uri
            if iri in seen:
                continue
            seen.add(iri)
            alignment.append(
                {
                    "type": ["Alignment"],
                    "targetName": localise(skill.label, lang, default)
                    if skill.label
                    else f"ESCO skill {iri.rsplit('/', 1)[-1]}",
                    "targetDescription": localise(outcome.text, lang, default),
                    "targetFramework": ESCO_FRAMEWORK,
                    "targetType": COMPETENCY,
                    "targetCode": iri.rsplit("/", 1)[-1],
                    "targetUrl": iri,
                }
            )
    eqf = vocab.concept("eqf", str(credential.eqf))
    alignment.append(
        {
            "type": ["Alignment"],
            "targetName": f"EQF level {credential.eqf}",
            "targetFramework": EQF_FRAMEWORK,
            "targetCode": str(credential.eqf),
            "targetUrl": eqf.iri,
        }
    )
    if credential.nqf:
        nqf = vocab.concept("nqf", credential.nqf)
        alignment.append(
            {
                "type": ["Alignment"],
                "targetName": nqf.labels.get("en", nqf.code),
                "targetFramework": NQF_FRAMEWORK,
                "targetCode": nqf.code,
                "targetUrl": nqf.iri,
            }
        )
    fields = [vocab.concept("isced-f", code) for code in credential.field]
    for field in fields:
        alignment.append(
            {
                "type": ["Alignment"],
                "targetName": field.labels.get("en", field.code),
                "targetFramework": ISCED_FRAMEWORK,
                "targetCode": field.code,
                "targetUrl": field.iri,
            }
        )

    awarding = catalogue.organisations[credential.awarding_body[0]]
    creator: JsonDict = {
        "id": urls.organisation_iri(awarding.id),
        "type": ["Profile"],
        "name": localise(awarding.name, lang, default),
        "url": awarding.homepage,
    }
    if awarding.email:
        creator["email"] = awarding.email

    tags = ["micro-credential", f"EQF {credential.eqf}"]
    if credential.qf_ehea:
        tags.append(f"QF-EHEA {credential.qf_ehea.replace('-', ' ')}")
    if credential.workload.ects is not None:
        tags.append(f"{credential.workload.ects:g} {credential.workload.credit_system.upper()}")
    tags.append(credential.mode)

    achievement: JsonDict = {
        "@context": OB3_CONTEXT,
        "id": achievement_iri(credential, urls),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": localise(credential.title, lang, default),
        "description": localise(credential.summary, lang, default),
        "criteria": {"id": page, "narrative": _criteria_narrative(credential, lang, default)},
        "alignment": alignment,
        "creator": creator,
        "fieldOfStudy": "; ".join(f.labels.get("en", f.code) for f in fields),
        "humanCode": credential.id,
        "inLanguage": lang,
        "version": credential.version,
        "tag": tags,
        "otherIdentifier": [
            {
                "type": "IdentifierEntry",
                "identifier": urls.spec_iri(credential.id, credential.version),
                "identifierType": "identifier",
            }
        ],
    }
    if credential.workload.ects is not None:
        achievement["creditsAvailable"] = float(credential.workload.ects)

    related: list[JsonDict] = []
    others = []
    if credential.superseded_by and credential.superseded_by in catalogue.credentials:
        others.append(catalogue.credentials[credential.superseded_by])
    others += [c for c in catalogue.credentials.values() if c.superseded_by == credential.id]
    for other in others:
        other_lang = _language(catalogue, other)
        related.append(
            {
                "id": achievement_iri(other, urls),
                "type": ["Related"],
                "version": other.version,
                "inLanguage": other_lang,
            }
        )
    if related:
        achievement["related"] = related
    return achievement
