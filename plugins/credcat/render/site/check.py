"""The "Check a credential" page for employers (``check/``).

Owns the page's context: its words, the link to the official European Digital Credentials
viewer, and the configuration ``check.js`` reads from the page (the catalogue's ``base_uri``,
the site root: the language's, for pages, and the default's, where the machine files are;
``catalogue.json`` relative to the page, the id of the published EDC template, the limits on
what it reads, and every UI string it shows). The reading, matching and comparing happen in
the browser only, in ``theme/assets/credcat/check.js``: nothing is uploaded.

How a version is assessed is compared too: each assessment's type (an EU concept), its grading
and how it is supervised and the identity checked (its ``idVerification`` concept, which the
version's ``edc-template.json`` gives each assessment an issuer issues). So that both read in
the page's words whatever language the files label them in, the configuration names every
assessment type and every supervision case by its IRI (:func:`assessment_words`).

Outcomes are listed and numbered as every page numbers them (knowledge, then skills, then
responsibility and autonomy, each in the file's order: :func:`credcat.model.ordered_outcomes`):
``elm.jsonld`` lists them in the file's order, each knowledge or skill outcome typed by its
skill-type concept, so the configuration names those concepts in that order
(``outcome_kinds``) and the script orders by them.

An organisation renamed after a release is named, in credentials issued before, as it was
then: the configuration names each name organisations had when versions naming them were
released (``former_names``, by the organisation's IRI and language; only where one was
renamed), and the script takes an issuer or awarding body of the right IRI named so for the
same organisation, with a note that says its name now.

Without JavaScript the page says what can be done by hand (``nojs_help``): open the version's
permanent address, which the credential names, or look the credential up in the catalogue.
"""

from __future__ import annotations

from typing import Any

from ... import vocab
from ...model import OUTCOME_KINDS
from ...versions import former_names
from ..data.edc import PLACEHOLDER_ID
from ..data.nodes import id_verification
from .common import Site
from .context import CheckContext, Part
from .localise import fill, rich

__all__ = [
    "EDC_VIEWER",
    "MAX_INPUT_BYTES",
    "MAX_INPUT_DEPTH",
    "MAX_INPUT_ITEMS",
    "MAX_INPUT_LANGUAGES",
    "OB3_VERIFIER",
    "assessment_words",
    "check_context",
    "former_names_by_iri",
    "outcome_kinds",
]

EDC_VIEWER = "https://europa.eu/europass/digital-credentials/viewer/#/home"
"""The official European Digital Credentials viewer, where a seal can be verified."""

OB3_VERIFIER = "https://verifierplus.org/"
"""An Open Badges 3.0 verifier (VerifierPlus, of the Digital Credentials Consortium), where an
Open Badge's signature can be checked: the check page points to it for a badge of another
catalogue."""

MAX_INPUT_BYTES = 5 * 1024 * 1024
"""The largest credential the page reads (5 MiB; the Commission's signed sample is 150 kB)."""

MAX_INPUT_DEPTH = 64
"""The deepest nesting of JSON arrays and objects the page reads (checked before parsing)."""

MAX_INPUT_LANGUAGES = 100
"""The most languages one text of a credential may be given in (a title, an outcome, a name):
one given in more is refused. Each is shown and compared, and a file of hundreds of thousands
held the page for minutes; the EU has 24 official languages."""

MAX_INPUT_ITEMS = 1000
"""The most entries any one list of a credential may have (awarding bodies, outcomes,
assessments, …, and the outcomes and assessments an Open Badge's criteria list): one with more
is refused, not cut, and one within the bound is read whole. Each entry of a list the page
compares is laid out, and 80,000 awarding bodies took ten seconds."""


SUPERVISION = ("unsupervised", "supervised-online", "supervised-on-site")
"""The supervision of an assessment (``Assessment.supervision``), each with or without an
identity check."""


def assessment_words(site: Site) -> dict[str, dict[str, str]]:
    """The words of the page for the concepts that say how an assessment is made, by IRI:
    ``types``, every assessment type (its label); ``verifications``, every supervision with or
    without an identity check (``idVerification``: "supervised on site, identity verified",
    as the employers' summary says it)."""
    loc = site.loc
    ui = loc.ui
    types = {
        vocab.concept("assessment-type", code).iri: loc.label("assessment-type", code)
        for code in vocab.codes("assessment-type")
    }
    verifications: dict[str, str] = {}
    # the IRIs the machine files name: the same on every language's page (the catalogue's own
    # concepts are on the default language's Data page)
    urls = site.urls.for_language(None)
    for supervision in SUPERVISION:
        for identity in (True, False):
            node = id_verification(site.cat, urls, supervision, identity)
            if node is None:  # only where no supervision is stated
                continue
            verifications[str(node["id"])] = fill(
                str(ui["check"]["verification"]),
                supervision=ui["employers_supervision"][supervision],
                identity=ui["employers_identity_yes" if identity else "employers_identity_no"],
            )
    return {"types": types, "verifications": verifications}


def outcome_kinds() -> list[str]:
    """The IRIs of the skill-type concepts of the outcomes in the order pages number them
    (knowledge, then skill); an outcome of no such type (responsibility and autonomy, which
    the skill-type vocabulary lacks) comes after them."""
    return [
        vocab.concept("skill-type", kind).iri
        for kind in OUTCOME_KINDS
        if vocab.lookup("skill-type", kind) is not None
    ]


def former_names_by_iri(site: Site) -> dict[str, dict[str, list[str]]]:
    """The names organisations had when versions naming them were released, where they
    differ from their names now (:func:`credcat.versions.former_names`), by the
    organisation's IRI and language: a credential issued then names its issuer or awarding
    body so, and is not named otherwise for it."""
    return {
        site.urls.organisation_iri(oid): {lang: list(texts) for lang, texts in names.items()}
        for oid, names in former_names(site.cat).items()
    }


def check_context(site: Site) -> CheckContext:
    """Context of the "Check a credential" page."""
    page = site.urls.check_page()
    loc = site.loc
    strings = loc.ui["check"]
    base = site.base("check", page, str(strings["title"]))
    config: dict[str, Any] = {
        "base_uri": site.urls.base_uri,
        "root": base["links"]["home"],
        # machine files are published once, at the site root, for every language
        "files": site.link(page, site.urls.home(site.urls.default_language)),
        "template_id": PLACEHOLDER_ID,
        "catalogue_json": base["links"]["catalogue_json"],
        "lang": site.lang,
        # the language of credcat's words on the page (English where it has none in ``lang``)
        "words": loc.words,
        # the CLDR locale of those words, which writes dates as the site's pages do
        "locale": str(loc.locale).replace("_", "-"),
        # where a credential of another catalogue can be checked (its seal, what it states)
        "viewer": EDC_VIEWER,
        "verifier": OB3_VERIFIER,
        "max_bytes": MAX_INPUT_BYTES,
        "max_depth": MAX_INPUT_DEPTH,
        "max_languages": MAX_INPUT_LANGUAGES,
        "max_items": MAX_INPUT_ITEMS,
        "strings": dict(strings),
        "status": {key: str(value) for key, value in loc.ui["status"].items()},
        "assessment": assessment_words(site),
        "outcome_kinds": outcome_kinds(),
    }
    former = former_names_by_iri(site)
    if former:  # only where an organisation was renamed after a release
        config["former_names"] = former
    # without JavaScript: where the version's permanent address begins (base_uri, an address
    # the site has: the prefix of its credentials' pages is none) and the catalogue
    catalogue: Part = {
        "text": str(strings["nojs_catalogue"]),
        "href": base["links"]["catalogue"],
        "rel": "",
    }
    return {
        **base,
        "intro": str(strings["intro"]),
        "nojs_help": rich(
            fill(str(strings["nojs_help"]), base=site.urls.iri("")),
            {"catalogue": catalogue},
        ),
        "viewer": EDC_VIEWER,
        "config": config,
    }
