"""The ELM 3 specification of a credential version: a ``Qualification`` as JSON-LD.

:func:`specification` builds the node that European Digital Credentials carry at
``credentialSubject.hasClaim.specifiedBy`` and that ``elm.jsonld`` publishes on its own;
:func:`elm_document` wraps it with the context. Every node has a stable absolute IRI from
:class:`~credcat.urls.Urls`; every text is a language map with all the author's translations;
every controlled value is a full ``Concept`` with its scheme.

Mapping decisions (checked against EDC-generic-no-cv/full 1.2.0 and LOQ 1.1.0):

* Always a ``Qualification``: the model requires an EQF level.
* ``dcType`` is the learning-opportunity type, as in the Commission's Annex I sample (the shapes
  accept any concept there).
* A knowledge or skill outcome gets its ``dcType`` from the skill-type vocabulary; that scheme
  has no "responsibility and autonomy" concept and EDC-full allows no other scheme, so such an
  outcome has no ``dcType`` and states its kind in an ``additionalNote``.
* ``LearningAssessmentSpecification.proves`` must point to a learning-achievement
  specification, not to outcomes; it points to this ``Qualification``. Which outcomes an
  assessment proves, and how it is supervised and identity-checked, is said in its
  ``description``.
* ``hasPart``/``isPartOf`` name the current version of the other credentials; their nodes carry
  type and title so the ``sh:class elm:Qualification`` constraints hold in a standalone file.
  A draft's version not released, which has no permanent address, is named at the draft's
  current page (``…/<id>/#spec``), as ``catalogue.jsonld`` describes it; a released version
  names the versions its release recorded, with the titles it recorded for those not
  released that day, and quotes the titles of the credentials it builds on likewise
  (:func:`credcat.versions.builds_on_of`): nothing another credential changes later changes
  its files.
* The QF-EHEA cycle (Annex I: "EQF level, and QF-EHEA cycle if applicable") is an
  ``additionalNote`` (``#note-qf-ehea``). ELM's ``educationLevel`` would take a ``Concept``, but
  no EU vocabulary has QF-EHEA concepts, and a concept minted here would mean nothing to
  Europass or the EDC viewer.
* ``maximumDuration`` is the typical ``duration`` (as in the Commission's Annex I sample), as
  an ``xsd:duration``: weeks are written as days (``P84D``), XML Schema has no ``W``.
* Language-neutral texts (postal addresses) are written in every catalogue language.
* A value of a language map is in its language: a catalogue text quoted in a sentence
  credcat writes (an outcome an assessment proves, the title of a credential it builds on)
  that has no translation into it is quoted in the language it has, and says which
  ("(auf Englisch)", :func:`~credcat.render.language.quoted`). credcat's sentences are in
  the languages of ``phrases.yaml``; a text in a language they lack gets them in English,
  as the pages do.
"""

from __future__ import annotations

from ... import vocab
from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...model import Assessment, Credential, Outcome, QualityAssurance, ordered_outcomes
from ...urls import Urls, assessment_anchor, outcome_anchor
from ...versions import Related, builds_on_of, relations_of
from ..language import (
    PHRASE_FALLBACK,
    PHRASE_LANGUAGES,
    Fallbacks,
    LanguageMap,
    language_note,
    localise,
    phrase,
    quoted,
    say,
    words_of,
)
from .nodes import (
    JsonDict,
    concept,
    date_time_value,
    decimal_text,
    end_date_time,
    esco_concept,
    followed_by,
    languages_of,
    location,
    note,
    organisation,
    organisation_zone,
    plain_map,
    plain_note,
    plain_text,
    prose_map,
    web_resource,
    xsd_duration,
)

__all__ = ["RELATIONS", "catalogue_identifier", "elm_document", "specification"]

PROGRAMME_LEVEL_QA = frozenset({"programme-quality-assurance", "programme-licence"})


# --- the specification --------------------------------------------------------------------


def _quote(text: LanguageMap, lang: str, default: Fallbacks) -> str:
    """An outcome quoted in an assessment's description in ``lang``, without its final full
    stop, saying its language where it is in another (:func:`language_note`)."""
    said = plain_text(localise(text, lang, default)).rstrip(". ")
    return said + language_note(text, lang, default)


class _Spec:
    """Builds the nodes of one credential version (keeps catalogue, credential and urls)."""

    def __init__(self, catalogue: Catalogue, credential: Credential, urls: Urls) -> None:
        self.cat = catalogue
        self.cred = credential
        self.urls = urls
        self.default = catalogue.languages  # the fallbacks of a text missing in a language

    def node(self, fragment: str) -> str:
        return self.urls.node_iri(self.cred.id, self.cred.version, fragment)

    @property
    def iri(self) -> str:
        return self.urls.spec_iri(self.cred.id, self.cred.version)

    @property
    def page(self) -> str:
        return self.urls.iri(self.urls.description_page(self.cred.id, self.cred.version))

    def org(self, oid: str) -> JsonDict:
        return organisation(self.cat, oid, self.urls)

    # outcomes and assessments ------------------------------------------------------------

    def outcome(self, outcome: Outcome) -> JsonDict:
        node: JsonDict = {
            "id": self.node(outcome_anchor(outcome.id)),
            "type": "LearningOutcome",
            "title": dict(outcome.text),
        }
        if outcome.kind in ("knowledge", "skill"):
            node["dcType"] = concept("skill-type", outcome.kind)
        else:
            node["additionalNote"] = [
                plain_note(  # credcat's sentence, as it is (its no-break spaces kept)
                    self.node(outcome_anchor(outcome.id) + "-kind"),
                    say("outcome.responsibility-autonomy", languages_of(self.cat, outcome.text)),
                )
            ]
        if outcome.reuse:
            node["reusabilityLevel"] = concept("reuse-level", outcome.reuse)
        if outcome.esco:
            node["relatedESCOSkill"] = [esco_concept(s.uri, s.label) for s in outcome.esco]
        return node

    def assessment_description(self, assessment: Assessment) -> dict[str, str]:
        """The assessment's description in each of its languages, followed there by what
        credcat says of it: its supervision and identity check, and the outcomes it proves
        (numbered as on the page; one without a translation quoted in the language it has,
        saying which). credcat's words are those of the language, English where its phrases
        have none (:func:`~credcat.render.language.words_of`), as on the pages."""
        identity = "identity.yes" if assessment.identity_check else "identity.no"
        numbered = {o.id: (i, o) for i, o in enumerate(ordered_outcomes(self.cred), start=1)}
        proven = sorted(numbered[oid] for oid in assessment.proves if oid in numbered)
        described: dict[str, str] = {}
        for lang, text in prose_map(assessment.description).items():
            words = words_of(lang)
            parts: list[str] = []
            if assessment.supervision is not None:
                supervision = phrase(f"supervision.{assessment.supervision}", words)
                parts.append(
                    phrase(
                        "assessment.supervision",
                        words,
                        supervision=supervision,
                        identity=phrase(identity, words),
                    )
                )
            elif assessment.identity_check:
                parts.append(
                    phrase("assessment.identity-only", words, identity=phrase(identity, words))
                )
            if proven:
                listing = "; ".join(
                    f"({i}) {_quote(o.text, lang, self.default)}" for i, o in proven
                )
                parts.append(phrase("assessment.proves", words, outcomes=listing))
            described[lang] = followed_by(text, *parts)
        return described

    def assessment(self, assessment: Assessment) -> JsonDict:
        kind = vocab.concept("assessment-type", assessment.type)
        node: JsonDict = {
            "id": self.node(assessment_anchor(assessment.id)),
            "type": "LearningAssessmentSpecification",
            "title": dict(assessment.title) if assessment.title else dict(kind.labels),
            "description": self.assessment_description(assessment),
            "dcType": concept("assessment-type", assessment.type),
            "language": [concept("language", lang) for lang in self.cred.languages],
            "proves": self.iri,
        }
        if assessment.supervision == "supervised-online":
            node["mode"] = [concept("mode", "online")]
        elif assessment.supervision == "supervised-on-site":
            node["mode"] = [concept("mode", "on-site")]
        if assessment.grading:
            node["gradingScheme"] = {
                "id": self.node(assessment_anchor(assessment.id) + "-grading"),
                "type": "GradingScheme",
                "title": say("grading", languages_of(self.cat, assessment.grading)),
                "description": plain_map(assessment.grading),
            }
        return node

    # awarding, quality assurance -----------------------------------------------------------

    def awarding_opportunity(self) -> JsonDict:
        bodies = self.cred.awarding_body
        node: JsonDict = {
            "id": self.node("awarding"),
            "type": "AwardingOpportunity",
            "awardingBody": [self.org(oid) for oid in bodies],
            "learningAchievementSpecification": self.iri,
        }
        countries = {self.cat.organisations[oid].country for oid in bodies}
        if len(countries) == 1:
            node["location"] = location(self.node("awarding-location"), countries.pop())
        return node

    def accreditation(self, index: int, qa: QualityAssurance) -> JsonDict:
        kind = vocab.concept("accreditation-type", qa.type)
        node: JsonDict = {
            "id": self.node(f"quality-assurance-{index}"),
            "type": "Accreditation",
            "dcType": concept("accreditation-type", qa.type),
            "title": dict(qa.title) if qa.title else dict(kind.labels),
            "description": prose_map(qa.description),
            "accreditingAgent": self.org(qa.body),
            "organisation": [self.org(oid) for oid in self.cred.awarding_body],
        }
        if kind.code in PROGRAMME_LEVEL_QA:
            node["limitQualification"] = self.iri
        if qa.url:
            node["report"] = web_resource(self.node(f"quality-assurance-{index}-report"), qa.url)
        if qa.valid_until:
            # the decision ends at the end of that day where the accrediting agent is
            node["expiryDate"] = end_date_time(qa.valid_until, organisation_zone(self.cat, qa.body))
        return node

    # notes and links ------------------------------------------------------------------------

    def workload_note(self) -> JsonDict | None:
        load = self.cred.workload
        fields = ("hours", "guided_hours", "self_study_hours", "assessment_hours")
        parts = [(name, getattr(load, name)) for name in fields if getattr(load, name) is not None]
        if not any(name != "hours" for name, _ in parts):
            return None
        langs = languages_of(self.cat, self.cred.title)
        pieces = [say(f"workload.{name}", langs, n=value) for name, value in parts]
        joined = {
            lang: ", ".join(localise(p, lang, PHRASE_FALLBACK) for p in pieces)
            for lang in pieces[0]
        }
        return plain_note(self.node("note-workload"), say("workload", langs, parts=joined))

    def entry_requirement(self) -> JsonDict | None:
        """The prerequisites, and the credentials it builds on (their titles as a released
        version's release recorded them, no model read; one without a translation quoted in
        the language it has, saying which), in the prerequisites' languages (else in those
        credcat writes its sentences in), credcat's words as in
        :meth:`assessment_description`."""
        earlier = builds_on_of(self.cat, self.cred)
        prerequisites = prose_map(self.cred.prerequisites) if self.cred.prerequisites else None
        if not earlier:
            if not prerequisites:
                return None
            return plain_note(self.node("entry-requirement"), prerequisites)

        def sentence(lang: str) -> str:
            titles = ", ".join(quoted(c.title, lang, self.default) for c in earlier)
            return phrase("builds-on", words_of(lang), titles=titles)

        if prerequisites:
            text = {lang: followed_by(said, sentence(lang)) for lang, said in prerequisites.items()}
        else:
            langs = languages_of(self.cat, self.cred.title)
            text = {
                lang: sentence(lang)
                for lang in dict.fromkeys([PHRASE_FALLBACK, *langs])
                if lang in PHRASE_LANGUAGES
            }
        return plain_note(self.node("entry-requirement"), text)

    def notes(self) -> list[JsonDict]:
        cred = self.cred
        notes: list[JsonDict] = []
        if cred.description:
            notes.append(note(self.node("note-description"), cred.description, markdown=True))
        if cred.qf_ehea:
            langs = languages_of(self.cat, cred.title)
            cycle = say(f"qf-ehea.{cred.qf_ehea}", langs)
            qf_ehea = say("qf-ehea", langs, cycle=cycle)
            notes.append(plain_note(self.node("note-qf-ehea"), qf_ehea))
        workload = self.workload_note()
        if workload:
            notes.append(workload)
        if cred.stackability is not None and cred.stackability.note:
            stackability = cred.stackability.note
            notes.append(note(self.node("note-stackability"), stackability, markdown=True))
        if cred.further_information:
            notes.append(
                note(self.node("note-further-information"), cred.further_information, markdown=True)
            )
        for index, link in enumerate(cred.links, start=1):
            if link.url.lower().startswith("mailto:"):
                address = link.url[len("mailto:") :]
                text = {lang: f"{title}: {address}" for lang, title in link.title.items()}
                notes.append(note(self.node(f"link-{index}"), text))
        return notes

    def documents(self) -> list[JsonDict]:
        return [
            web_resource(self.node(f"link-{index}"), link.url, link.title)
            for index, link in enumerate(self.cred.links, start=1)
            if not link.url.lower().startswith("mailto:")
        ]

    def related(self, others: list[Related]) -> list[JsonDict]:
        nodes = []
        for other in others:
            # a draft's version not released, named at its current page (as its own record
            # in catalogue.jsonld describes it): it has no permanent address
            urls = (
                self.urls
                if other.addressed
                else self.urls.without_address(other.credential_id, other.version)
            )
            nodes.append(
                {
                    "id": urls.spec_iri(other.credential_id, other.version),
                    "type": "Qualification",
                    "title": dict(other.title),
                }
            )
        return nodes

    # provenance ----------------------------------------------------------------------------

    def provenance(self) -> JsonDict:
        """Who publishes the specification and when it last changed (``dc:publisher``, the
        catalogue's publisher from ``catalogue.yaml``; ``dc:modified``, the version's
        publication date, from the start of that day where the publisher is). Status
        (``elm:status``) and identifier (``adms:identifier``) are in :meth:`build`."""
        out: JsonDict = {"publisher": self.org(self.cat.settings.publisher)}
        if self.cred.published:
            out["dateModified"] = date_time_value(
                self.cred.published, organisation_zone(self.cat, self.cat.settings.publisher)
            )
        return out

    # the whole node -------------------------------------------------------------------------

    def build(self, *, relations: bool = True) -> JsonDict:
        cred = self.cred
        spec: JsonDict = {
            "id": self.iri,
            "type": "Qualification",
            "title": dict(cred.title),
            "description": plain_map(cred.summary),
            "identifier": catalogue_identifier(
                self.cat, self.urls, self.node("identifier"), f"{cred.id}/{cred.version}"
            ),
            "status": cred.status,
            "dcType": concept("learning-opportunity-type", cred.type),
            "eqfLevel": concept("eqf", str(cred.eqf)),
            "thematicArea": [concept("isced-f", code) for code in cred.field],
            "language": [concept("language", lang) for lang in cred.languages],
            "mode": [concept("mode", cred.mode)],
            "learningSetting": concept("learning-setting", cred.setting),
            # in the order the page numbers them, which assessments cite: "(3)" is the third
            "learningOutcome": [self.outcome(o) for o in ordered_outcomes(cred)],
            "provenBy": [self.assessment(a) for a in cred.assessments],
            "awardingOpportunity": [self.awarding_opportunity()],
            "accreditation": [
                self.accreditation(i, qa) for i, qa in enumerate(cred.quality_assurance, start=1)
            ],
            "homepage": [web_resource(self.node("page"), self.page)],
            "isPartialQualification": bool(cred.stackability and cred.stackability.part_of),
        }
        if cred.homepage:
            spec["homepage"].append(web_resource(self.node("homepage"), cred.homepage))
        if cred.nqf:
            spec["nqfLevel"] = [concept("nqf", cred.nqf)]
        if cred.target_groups:
            spec["targetGroup"] = [concept("target-group", code) for code in cred.target_groups]
        if cred.workload.ects is not None:
            system = cred.workload.credit_system
            spec["creditPoint"] = [
                {
                    "id": self.node(f"credit-{system}"),
                    "type": "CreditPoint",
                    "framework": concept("credit-system", system),
                    "point": decimal_text(cred.workload.ects),
                }
            ]
        if cred.workload.hours is not None:
            spec["volumeOfLearning"] = f"PT{cred.workload.hours}H"
        if cred.duration:
            spec["maximumDuration"] = xsd_duration(cred.duration)
        spec.update(self.provenance())
        requirement = self.entry_requirement()
        if requirement:
            spec["entryRequirement"] = requirement
        notes = self.notes()
        if notes:
            spec["additionalNote"] = notes
        documents = self.documents()
        if documents:
            spec["supplementaryDocument"] = documents
        if relations:
            found = relations_of(self.cat, cred)  # a released version: as on its release date
            parents, parts = self.related(found[0]), self.related(found[1])
            if parents:
                spec["isPartOf"] = parents
            if parts:
                spec["hasPart"] = parts  # RELATIONS: the only members relations=True adds
        return spec


RELATIONS = ("isPartOf", "hasPart")
"""The members of a specification that name other credentials (``relations``)."""


def catalogue_identifier(cat: Catalogue, urls: Urls, node_id: str, notation: str) -> JsonDict:
    """An ELM ``Identifier`` in the catalogue's scheme (``schemeId`` ``…/#catalogue``, named by
    the catalogue's title): ``<id>/<version>`` of a version's specification, ``<id>`` of a
    credential's record (``catalogue.jsonld``)."""
    return {
        "id": node_id,
        "type": "Identifier",
        "notation": notation,
        "schemeName": localise(cat.settings.title, cat.settings.default_language, cat.languages),
        "schemeId": urls.catalogue_iri(),
    }


def specification(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, relations: bool = True
) -> JsonDict:
    """The ``Qualification`` node of a credential version (without ``@context``).

    Args:
        catalogue: The catalogue (organisations, other credentials).
        credential: The credential.
        urls: The catalogue's URL scheme.
        relations: Include ``isPartOf``/``hasPart`` (with typed, titled nodes for the other
            credentials). The LOQ profile's closed shapes would demand a complete
            qualification for each of those nodes, so :mod:`.loq` leaves them out.

    Returns:
        The node as a dict.
    """
    return _Spec(catalogue, credential, urls).build(relations=relations)


def elm_document(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> JsonDict:
    """``elm.jsonld``: the specification with the EDC context (``spec``: the specification,
    if already made; it is not changed)."""
    if spec is None:
        spec = specification(catalogue, credential, urls)
    return {"@context": list(EDC_CONTEXT), **spec}
