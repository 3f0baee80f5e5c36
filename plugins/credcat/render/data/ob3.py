"""``ob3-achievement.json``: the credential version as an Open Badges 3.0 ``Achievement``.

OB3 texts are plain strings (the schema allows no language maps), so the achievement is
published once per language, as OB3 intends: each edition says its language (``inLanguage``)
and names every other language edition as ``related`` (which OB3 reserves for "alternate
language editions or previous versions"). The main edition, ``ob3-achievement.json``, is in
the first of the catalogue's languages (its default language first) the title has, else the
title's first language; every
other catalogue language in which the credential is complete (every complete catalogue
language, and a partial one when the title, summary and every outcome exist in it) has
``ob3-achievement.<lang>.json`` (:func:`editions`).

An edition's texts are in its language: its criteria quote a text the catalogue has not
translated into it in the language it has and say which ("… (in German)"), and an outcome
without a translation is no alignment's ``targetDescription`` (a plain string that could not
say so). The ``creator`` (the awarding body, at its organisation IRI in every edition) has the
same ``name`` in every edition, its name in the catalogue's default language (else in the
first of its other languages the name has; the pages keep
theirs): OB3 names are untagged strings, so a name per language would state several names of
one organisation to whoever merges the editions into one graph.

Each edition's ``id`` is the URL of its own file, so it resolves; ``otherIdentifier`` names the
ELM specification IRI. Its ``image`` is the generated badge of its language (:mod:`.badge`),
with the same caption as the image's ``<desc>``. Alignments point to the ESCO skills of the
outcomes (named by their ESCO label where the catalogue gives it, typed ``ceasn:Competency``),
the EQF level, the NQF level and the ISCED-F fields; the QF-EHEA cycle, which has no IRI to
align to, is a ``tag``. ``related`` also names the achievements of the credentials the version
replaces (whose ``superseded_by`` names it), as they stood when the version was released
(:func:`credcat.versions.predecessors_of`), and, added by :mod:`.machine`, the version it
replaces; never a later version or a successor, so that no later change to the catalogue
changes a released version's files. (OB3 reserves ``related`` for other versions and language
editions, so stackability is not expressed there.)
"""

from __future__ import annotations

from collections.abc import Mapping

from ... import vocab
from ...catalogue import Catalogue
from ...jsonld import OB3_CONTEXT
from ...model import Brief, Credential, ordered_outcomes
from ...urls import Urls
from ...versions import predecessors_of
from ..language import (
    PHRASE_FALLBACK,
    Fallbacks,
    chosen_language,
    concept_label,
    language_note,
    localise,
    nqf_label,
    phrase,
    quoted,
    said_in,
    words_of,
)
from .badge import badge_caption, credits_text
from .nodes import JsonDict, plain_text, prose_map

__all__ = ["achievement_iri", "editions", "ob3_achievement"]

EQF_FRAMEWORK = "European Qualifications Framework (EQF)"
ISCED_FRAMEWORK = "ISCED Fields of Education and Training 2013 (ISCED-F)"
ESCO_FRAMEWORK = "ESCO skills"
NQF_FRAMEWORK = "National qualifications framework (NQF)"
COMPETENCY = "ceasn:Competency"
"""OB3 ``targetType`` of an ESCO skill: a competency."""


def achievement_iri(credential: Brief, urls: Urls, edition: str | None = None) -> str:
    """IRI of a version's OB3 achievement: the address of ``ob3-achievement.json`` (or of the
    edition in another language, ``ob3-achievement.<lang>.json``)."""
    return urls.iri(urls.ob3_edition(credential.id, credential.version, edition))


def _language(catalogue: Catalogue, credential: Brief) -> str:
    return _title_language(catalogue, credential.title)


def _title_language(catalogue: Catalogue, title: Mapping[str, str]) -> str:
    """The language of a main edition with this title: the first of the catalogue's languages
    (its default language first) the title has, else the title's first language, as the
    pages choose (:func:`chosen_language`)."""
    return chosen_language(title, catalogue.settings.default_language, catalogue.languages)


def editions(catalogue: Catalogue, credential: Credential) -> dict[str | None, str]:
    """The language editions of a version's achievement: edition key → language.

    The key is ``None`` for the main edition (``ob3-achievement.json``) and the language for
    the others (``ob3-achievement.<lang>.json``); the badge images follow the same keys.
    """
    main = _language(catalogue, credential)
    found: dict[str | None, str] = {None: main}
    complete = set(catalogue.complete_languages)
    texts = [credential.title, credential.summary, *(o.text for o in credential.outcomes)]
    for lang in catalogue.languages:
        if lang == main:
            continue
        if lang in complete or all(lang in text for text in texts):
            found[lang] = lang
    return found


def _kind(concept: vocab.Concept, lang: str) -> tuple[str, str]:
    """A vocabulary label among credcat's words of an edition in ``lang``
    (:func:`~credcat.render.language.words_of`), and what follows it where the vocabulary
    has no label in those words: " (in English)"."""
    words = words_of(lang)
    if words in concept.labels or PHRASE_FALLBACK not in concept.labels:
        return concept_label(concept, words), ""
    return concept.labels[PHRASE_FALLBACK], f" ({said_in(PHRASE_FALLBACK, lang)})"


def _heading(key: str, lang: str) -> str:
    """A heading of the criteria's narrative, ending in a colon as the edition's language
    writes it ("Évaluation\u00a0:")."""
    return phrase("heading.label", lang, label=phrase(key, lang))


def _tags(credential: Credential, lang: str) -> list[str]:
    """The achievement's tags in the edition's language, in credcat's words as its pages and
    badge say them: the kind of credential, the EQF level, the QF-EHEA cycle, the credits
    (the number as the language writes it) and the mode (the EU vocabulary's label, English
    where it has none in those words)."""
    words = words_of(lang)
    tags = [phrase("badge.kicker", lang), phrase("eqf.level", lang, eqf=credential.eqf)]
    if credential.qf_ehea:
        tags.append(f"QF-EHEA {phrase(f'qf-ehea.{credential.qf_ehea}', lang)}")
    credits = credits_text(credential, lang)
    if credits:
        tags.append(credits)
    tags.append(concept_label(vocab.concept("mode", credential.mode), words))
    return tags


def _criteria_narrative(credential: Credential, lang: str, default: Fallbacks) -> str:
    """Markdown: the outcomes the holder has shown, and how each assessment proves them.

    In the edition's language: a catalogue text without a translation into it is quoted in
    the language it has, and says which ("… (in German)", :func:`quoted`), as does a
    vocabulary label; credcat's own words are those of the edition's language, English
    where credcat does not speak it (as on the pages)."""
    outcomes = ordered_outcomes(credential)  # numbered as on the page
    numbered = {o.id: i for i, o in enumerate(outcomes, start=1)}
    lines = [_heading("heading.outcomes", lang), ""]
    lines += [f"{numbered[o.id]}. {quoted(o.text, lang, default)}" for o in outcomes]
    lines += ["", _heading("heading.assessment", lang), ""]
    for assessment in credential.assessments:
        label, label_note = _kind(vocab.concept("assessment-type", assessment.type), lang)
        kind = label + label_note
        name = f"**{label}**{label_note}"
        if assessment.title:
            title = localise(assessment.title, lang, default)
            name = f"**{title}**{language_note(assessment.title, lang, default)}"
        how = [kind]
        if assessment.supervision:
            how.append(phrase(f"supervision.{assessment.supervision}", lang))
        how.append(phrase("identity.yes" if assessment.identity_check else "identity.no", lang))
        proves = ", ".join(
            str(n) for n in sorted(numbered[o] for o in assessment.proves if o in numbered)
        )
        how.append(phrase("proves.short", lang, numbers=proves))
        # plain text, as in every data file; its further lines (a list, a paragraph)
        # indented, so that they stay in the item, never read as an outcome or a heading
        described = prose_map(assessment.description)
        text = quoted(described, lang, default).replace("\n", "\n  ").replace("\n  \n", "\n\n")
        lines.append(f"- {name} ({'; '.join(how)}): {text}")
    return "\n".join(lines)


def ob3_achievement(
    catalogue: Catalogue, credential: Credential, urls: Urls, edition: str | None = None
) -> JsonDict:
    """The Open Badges 3.0 ``Achievement`` of a credential version (with its ``@context``), in
    the main edition's language or in the language ``edition`` (a key of :func:`editions`)."""
    all_editions = editions(catalogue, credential)
    lang = all_editions[edition]
    default = catalogue.languages  # the fallbacks of a text the edition's language lacks
    site_lang = None if lang == default[0] else lang  # the version's page in that language
    page = urls.iri(urls.credential_version(credential.id, credential.version, site_lang))

    alignment: list[JsonDict] = []
    seen: set[str] = set()
    for outcome in ordered_outcomes(credential):  # as the page and the narrative number them
        for skill in outcome.esco:
            iri = skill.uri
            if iri in seen:
                continue
            seen.add(iri)
            aligned: JsonDict = {
                "type": ["Alignment"],
                "targetName": localise(skill.label, lang, default)
                if skill.label
                else f"ESCO skill {iri.rsplit('/', 1)[-1]}",
                "targetFramework": ESCO_FRAMEWORK,
                "targetType": COMPETENCY,
                "targetCode": iri.rsplit("/", 1)[-1],
                "targetUrl": iri,
            }
            if lang in outcome.text:  # a plain string: none in another language
                aligned["targetDescription"] = outcome.text[lang]
            alignment.append(aligned)
    eqf = vocab.concept("eqf", str(credential.eqf))
    alignment.append(
        {
            "type": ["Alignment"],
            "targetName": phrase("eqf.level", lang, eqf=credential.eqf),
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
                "targetName": nqf_label(nqf.code, lang),
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
                "targetName": concept_label(field, lang),
                "targetFramework": ISCED_FRAMEWORK,
                "targetCode": field.code,
                "targetUrl": field.iri,
            }
        )

    awarding = catalogue.organisations[credential.awarding_body[0]]
    creator: JsonDict = {
        "id": urls.organisation_iri(awarding.id),
        "type": ["Profile"],
        # one name in every edition (its IRI is the same in all): an untagged name per
        # language would give the organisation several names once the editions are merged
        "name": localise(awarding.name, default[0], default),
        "url": awarding.homepage,
    }
    if awarding.email:
        creator["email"] = awarding.email

    achievement: JsonDict = {
        "@context": OB3_CONTEXT,
        "id": achievement_iri(credential, urls, edition),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": localise(credential.title, lang, default),
        "description": plain_text(localise(credential.summary, lang, default)),
        "criteria": {"id": page, "narrative": _criteria_narrative(credential, lang, default)},
        "alignment": alignment,
        "creator": creator,
        "fieldOfStudy": "; ".join(concept_label(f, lang) for f in fields),
        "humanCode": credential.id,
        "image": {
            "id": urls.iri(urls.badge_image(credential.id, credential.version, edition)),
            "type": "Image",
            "caption": badge_caption(catalogue, credential, lang),
        },
        "inLanguage": lang,
        "version": credential.version,
        "tag": _tags(credential, lang),
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

    related: list[JsonDict] = [
        {
            "id": achievement_iri(credential, urls, key),
            "type": ["Related"],
            "version": credential.version,
            "inLanguage": other_lang,
        }
        for key, other_lang in all_editions.items()
        if key != edition
    ]
    # the credentials it replaces, at the version its release recorded (no model read)
    for other in predecessors_of(catalogue, credential):
        related.append(
            {
                "id": urls.iri(urls.ob3_edition(other.credential_id, other.version)),
                "type": ["Related"],
                "version": other.version,
                "inLanguage": _title_language(catalogue, other.title),
            }
        )
    if related:
        achievement["related"] = related
    return achievement
