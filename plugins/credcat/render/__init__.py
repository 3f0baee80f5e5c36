"""Machine-readable renderings of the catalogue model: pure functions from model to Python dicts.

One module per format:

* :mod:`.elm` — the ELM 3 specification (``Qualification``) of a credential version;
* :mod:`.loq` — its ``LearningOpportunity`` nodes (Europass LOQ profile);
* :mod:`.edc` — an unsigned European Digital Credential template for the EDC Issuer;
* :mod:`.ob3` — an Open Badges 3.0 ``Achievement``;
* :mod:`.schemaorg` — schema.org ``EducationalOccupationalCredential`` + ``Course`` for the page;
* :mod:`.machine` — every published file as bytes, and the page's download links.

This module holds what they share: JSON serialisation, language maps, dates, and the few
sentences credcat itself writes into the data (in a handful of languages).

Nothing here reads the clock, the network or the file system: the same model always gives the
same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import duration_iso

__all__ = [
    "JsonDict",
    "Text",
    "date_time",
    "decimal_text",
    "dumps",
    "end_date_time",
    "join_texts",
    "pick",
    "say",
    "xsd_duration",
]

JsonDict = dict[str, Any]
"""A JSON object as built by the renderers."""

Text = Mapping[str, str]
"""A language map ``{lang: text}`` as validated by the model."""


def dumps(obj: Any) -> bytes:
    """Serialise a rendering: sorted keys, UTF-8, compact, final newline.

    Compact output keeps the standard library's C encoder (``indent`` switches to the pure
    Python one, four times slower on a large catalogue) and the files 40 % smaller; browsers and
    ``python -m json.tool`` pretty-print them for reading.
    """
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def date_time(day: date) -> str:
    """``xsd:dateTime`` for the start of a day (UTC): ``2027-04-10T00:00:00Z``."""
    return f"{day.isoformat()}T00:00:00Z"


def end_date_time(day: date) -> str:
    """``xsd:dateTime`` for the end of a day (UTC), for deadlines and end dates."""
    return f"{day.isoformat()}T23:59:59Z"


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


def pick(text: Text, lang: str, default: str = "en") -> str:
    """The text in ``lang``, else in ``default``, else in its first language."""
    if lang in text:
        return text[lang]
    if default in text:
        return text[default]
    return next(iter(text.values()))


# --- sentences credcat writes -------------------------------------------------------------
#
# Only short, factual sentences; the author's own texts are never translated. A sentence is
# produced in every requested language that has a translation here, and always in English.

PHRASE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")

_PHRASES: dict[str, dict[str, str]] = {
    "assessment.supervision": {
        "en": "Supervision and identity verification: {supervision}, {identity}.",
        "de": "Aufsicht und Identitätsprüfung: {supervision}, {identity}.",
        "fr": "Surveillance et vérification d'identité : {supervision}, {identity}.",
        "es": "Supervisión y verificación de identidad: {supervision}, {identity}.",
        "it": "Sorveglianza e verifica dell'identità: {supervision}, {identity}.",
        "pt": "Supervisão e verificação de identidade: {supervision}, {identity}.",
        "nl": "Toezicht en identiteitscontrole: {supervision}, {identity}.",
    },
    "assessment.identity-only": {
        "en": "Identity verification: {identity}.",
        "de": "Identitätsprüfung: {identity}.",
        "fr": "Vérification d'identité : {identity}.",
        "es": "Verificación de identidad: {identity}.",
        "it": "Verifica dell'identità: {identity}.",
        "pt": "Verificação de identidade: {identity}.",
        "nl": "Identiteitscontrole: {identity}.",
    },
    "supervision.unsupervised": {
        "en": "unsupervised",
        "de": "ohne Aufsicht",
        "fr": "sans surveillance",
        "es": "sin supervisión",
        "it": "senza sorveglianza",
        "pt": "sem supervisão",
        "nl": "zonder toezicht",
    },
    "supervision.supervised-online": {
        "en": "supervised online",
        "de": "online beaufsichtigt",
        "fr": "surveillée en ligne",
        "es": "supervisada en línea",
        "it": "sorvegliata online",
        "pt": "supervisionada online",
        "nl": "online onder toezicht",
    },
    "supervision.supervised-on-site": {
        "en": "supervised on site",
        "de": "vor Ort beaufsichtigt",
        "fr": "surveillée sur place",
        "es": "supervisada presencialmente",
        "it": "sorvegliata in presenza",
        "pt": "supervisionada presencialmente",
        "nl": "ter plaatse onder toezicht",
    },
    "identity.yes": {
        "en": "with identity verification",
        "de": "mit Identitätsprüfung",
        "fr": "avec vérification d'identité",
        "es": "con verificación de identidad",
        "it": "con verifica dell'identità",
        "pt": "com verificação de identidade",
        "nl": "met identiteitscontrole",
    },
    "identity.no": {
        "en": "without identity verification",
        "de": "ohne Identitätsprüfung",
        "fr": "sans vérification d'identité",
        "es": "sin verificación de identidad",
        "it": "senza verifica dell'identità",
        "pt": "sem verificação de identidade",
        "nl": "zonder identiteitscontrole",
    },
    "assessment.proves": {
        "en": "Proves these learning outcomes: {outcomes}.",
        "de": "Weist diese Lernergebnisse nach: {outcomes}.",
        "fr": "Atteste les acquis d'apprentissage suivants : {outcomes}.",
        "es": "Acredita estos resultados de aprendizaje: {outcomes}.",
        "it": "Attesta i seguenti risultati di apprendimento: {outcomes}.",
        "pt": "Comprova estes resultados de aprendizagem: {outcomes}.",
        "nl": "Toont deze leerresultaten aan: {outcomes}.",
    },
    "outcome.responsibility-autonomy": {
        "en": "Type of learning outcome: responsibility and autonomy.",
        "de": "Art des Lernergebnisses: Verantwortung und Selbstständigkeit.",
        "fr": "Type d'acquis d'apprentissage : responsabilité et autonomie.",
        "es": "Tipo de resultado de aprendizaje: responsabilidad y autonomía.",
        "it": "Tipo di risultato di apprendimento: responsabilità e autonomia.",
        "pt": "Tipo de resultado de aprendizagem: responsabilidade e autonomia.",
        "nl": "Soort leerresultaat: verantwoordelijkheid en zelfstandigheid.",
    },
    "grading": {
        "en": "Grading",
        "de": "Bewertung",
        "fr": "Notation",
        "es": "Calificación",
        "it": "Valutazione",
        "pt": "Classificação",
        "nl": "Beoordeling",
    },
    "enrolment": {
        "en": "Enrolment",
        "de": "Anmeldung",
        "fr": "Inscription",
        "es": "Inscripción",
        "it": "Iscrizione",
        "pt": "Inscrição",
        "nl": "Inschrijving",
    },
    "offering.places": {
        "en": "Number of places: {places}.",
        "de": "Anzahl der Plätze: {places}.",
        "fr": "Nombre de places : {places}.",
        "es": "Número de plazas: {places}.",
        "it": "Numero di posti: {places}.",
        "pt": "Número de vagas: {places}.",
        "nl": "Aantal plaatsen: {places}.",
    },
    "offering.languages": {
        "en": "Languages of this offering: {codes}.",
        "de": "Sprachen dieses Durchgangs: {codes}.",
        "fr": "Langues de cette session : {codes}.",
        "es": "Idiomas de esta edición: {codes}.",
        "it": "Lingue di questa edizione: {codes}.",
        "pt": "Línguas desta edição: {codes}.",
        "nl": "Talen van deze editie: {codes}.",
    },
    "workload": {
        "en": "Workload: {parts}.",
        "de": "Arbeitsaufwand: {parts}.",
        "fr": "Charge de travail : {parts}.",
        "es": "Carga de trabajo: {parts}.",
        "it": "Carico di lavoro: {parts}.",
        "pt": "Carga de trabalho: {parts}.",
        "nl": "Studiebelasting: {parts}.",
    },
    "workload.hours": {
        "en": "{n} hours in total",
        "de": "{n} Stunden insgesamt",
        "fr": "{n} heures au total",
        "es": "{n} horas en total",
        "it": "{n} ore in totale",
        "pt": "{n} horas no total",
        "nl": "{n} uur in totaal",
    },
    "workload.guided_hours": {
        "en": "{n} hours of guided learning",
        "de": "{n} Stunden angeleitetes Lernen",
        "fr": "{n} heures d'apprentissage encadré",
        "es": "{n} horas de aprendizaje guiado",
        "it": "{n} ore di apprendimento guidato",
        "pt": "{n} horas de aprendizagem orientada",
        "nl": "{n} uur begeleid leren",
    },
    "workload.self_study_hours": {
        "en": "{n} hours of self-study",
        "de": "{n} Stunden Selbststudium",
        "fr": "{n} heures d'étude personnelle",
        "es": "{n} horas de estudio autónomo",
        "it": "{n} ore di studio individuale",
        "pt": "{n} horas de estudo autónomo",
        "nl": "{n} uur zelfstudie",
    },
    "workload.assessment_hours": {
        "en": "{n} hours of assessment",
        "de": "{n} Stunden Prüfung",
        "fr": "{n} heures d'évaluation",
        "es": "{n} horas de evaluación",
        "it": "{n} ore di valutazione",
        "pt": "{n} horas de avaliação",
        "nl": "{n} uur toetsing",
    },
    "heading.outcomes": {
        "en": "Learning outcomes",
        "de": "Lernergebnisse",
        "fr": "Acquis d'apprentissage",
        "es": "Resultados de aprendizaje",
        "it": "Risultati di apprendimento",
        "pt": "Resultados de aprendizagem",
        "nl": "Leerresultaten",
    },
    "heading.assessment": {
        "en": "Assessment",
        "de": "Prüfung",
        "fr": "Évaluation",
        "es": "Evaluación",
        "it": "Valutazione",
        "pt": "Avaliação",
        "nl": "Toetsing",
    },
    "proves.short": {
        "en": "proves outcomes {numbers}",
        "de": "weist Lernergebnisse {numbers} nach",
        "fr": "atteste les acquis {numbers}",
        "es": "acredita los resultados {numbers}",
        "it": "attesta i risultati {numbers}",
        "pt": "comprova os resultados {numbers}",
        "nl": "toont leerresultaten {numbers} aan",
    },
    "qf-ehea": {
        "en": "Level in the Qualifications Framework of the European Higher Education Area "
        "(QF-EHEA): {cycle}.",
        "de": "Niveau im Qualifikationsrahmen für den Europäischen Hochschulraum (QF-EHEA): "
        "{cycle}.",
        "fr": "Niveau dans le cadre des certifications de l'Espace européen de l'enseignement "
        "supérieur (QF-EHEA) : {cycle}.",
        "es": "Nivel en el Marco de Cualificaciones del Espacio Europeo de Educación Superior "
        "(QF-EHEA): {cycle}.",
        "it": "Livello nel Quadro dei titoli dello Spazio europeo dell'istruzione superiore "
        "(QF-EHEA): {cycle}.",
        "pt": "Nível no Quadro de Qualificações do Espaço Europeu do Ensino Superior "
        "(QF-EHEA): {cycle}.",
        "nl": "Niveau in het kwalificatieraamwerk voor de Europese hogeronderwijsruimte "
        "(QF-EHEA): {cycle}.",
    },
    "qf-ehea.short-cycle": {
        "en": "short cycle",
        "de": "Kurzzyklus",
        "fr": "cycle court",
        "es": "ciclo corto",
        "it": "ciclo breve",
        "pt": "ciclo curto",
        "nl": "korte cyclus",
    },
    "qf-ehea.first-cycle": {
        "en": "first cycle (bachelor level)",
        "de": "erster Zyklus (Bachelorniveau)",
        "fr": "premier cycle (niveau licence)",
        "es": "primer ciclo (nivel de grado)",
        "it": "primo ciclo (livello di laurea)",
        "pt": "primeiro ciclo (nível de licenciatura)",
        "nl": "eerste cyclus (bachelorniveau)",
    },
    "qf-ehea.second-cycle": {
        "en": "second cycle (master level)",
        "de": "zweiter Zyklus (Masterniveau)",
        "fr": "deuxième cycle (niveau master)",
        "es": "segundo ciclo (nivel de máster)",
        "it": "secondo ciclo (livello di laurea magistrale)",
        "pt": "segundo ciclo (nível de mestrado)",
        "nl": "tweede cyclus (masterniveau)",
    },
    "qf-ehea.third-cycle": {
        "en": "third cycle (doctoral level)",
        "de": "dritter Zyklus (Promotionsniveau)",
        "fr": "troisième cycle (niveau doctorat)",
        "es": "tercer ciclo (nivel de doctorado)",
        "it": "terzo ciclo (livello di dottorato)",
        "pt": "terceiro ciclo (nível de doutoramento)",
        "nl": "derde cyclus (doctoraatsniveau)",
    },
    "builds-on": {
        "en": "Recommended before this credential: {titles}.",
        "de": "Empfohlen vor diesem Nachweis: {titles}.",
        "fr": "Recommandé avant ce titre : {titles}.",
        "es": "Recomendado antes de esta credencial: {titles}.",
        "it": "Consigliato prima di questa credenziale: {titles}.",
        "pt": "Recomendado antes desta credencial: {titles}.",
        "nl": "Aanbevolen vóór dit certificaat: {titles}.",
    },
}


def say(key: str, languages: Iterable[str], **values: Any) -> dict[str, str]:
    """A credcat sentence as a language map.

    Args:
        key: Phrase key.
        languages: Wanted languages; those without a translation are left out, English is
            always included.
        values: Placeholders. A placeholder value may itself be a language map (``{lang:
            text}``): each language then gets its own text (falling back to English).

    Returns:
        ``{lang: sentence}``.
    """
    table = _PHRASES[key]
    out: dict[str, str] = {}
    for lang in dict.fromkeys(["en", *languages]):
        template = table.get(lang)
        if template is None:
            continue
        filled = {
            name: pick(value, lang) if isinstance(value, Mapping) else value
            for name, value in values.items()
        }
        out[lang] = template.format(**filled)
    return out


def join_texts(base: Text, *extra: Text, sep: str = " ") -> dict[str, str]:
    """Append sentences to a text, language by language.

    Only the languages of ``base`` are kept; an extra sentence missing in one of them is
    appended in English.
    """
    out: dict[str, str] = {}
    for lang, text in base.items():
        parts = [text]
        parts += [pick(more, lang) for more in extra if more]
        out[lang] = sep.join(part for part in parts if part)
    return out
