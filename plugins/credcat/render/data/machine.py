"""Every machine-readable file of the site, as bytes, and the download links of a page.

Per credential version (names from :data:`credcat.urls.MACHINE_FILES`):

========  ==========================  =================================================
kind      file                        content
========  ==========================  =================================================
``elm``   ``elm.jsonld``              the ELM 3 ``Qualification`` (:mod:`.elm`)
``loq``   ``opportunities.jsonld``    ``LearningOpportunity`` per offering (:mod:`.loq`);
                                      **absent** without offerings, and for a draft or
                                      retired credential
``edc``   ``edc-template.json``       unsigned EDC for the EDC Issuer (:mod:`.edc`)
``ob3``   ``ob3-achievement.json``    Open Badges 3.0 ``Achievement`` (:mod:`.ob3`)
========  ==========================  =================================================

and once per site ``catalogue.jsonld``: the specification of every credential in the catalogue
in one ``@graph``, whatever its status (``elm:status`` says ``active``, ``draft``,
``superseded`` or ``retired``), so that every published IRI stays resolvable and
``isPartOf``/``hasPart`` links never dangle. Each credential file holds one version; older
versions are the files already published under their own version folder.

Output is deterministic: no clock, no random ids, sorted keys (:func:`.nodes.dumps`).
"""

from __future__ import annotations

from collections.abc import Callable

from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...model import Credential
from ...urls import CATALOGUE_JSONLD, MACHINE_FILES, Urls
from ..language import link_label
from .edc import edc_template
from .elm import elm_document, specification
from .loq import opportunities_document, publishes_opportunities
from .nodes import JsonDict, dumps
from .ob3 import ob3_achievement

__all__ = [
    "catalogue_document",
    "machine_documents",
    "machine_files",
    "machine_links",
]

Renderer = Callable[[Catalogue, Credential, Urls], JsonDict | None]

_RENDERERS: dict[str, Renderer] = {
    "elm": elm_document,
    "loq": opportunities_document,
    "edc": edc_template,
    "ob3": ob3_achievement,
}


def machine_documents(
    catalogue: Catalogue, credential: Credential, urls: Urls
) -> dict[str, JsonDict]:
    """The machine-readable documents of a credential version, by kind (absent = not published)."""
    documents: dict[str, JsonDict] = {}
    for kind in MACHINE_FILES:
        document = _RENDERERS[kind](catalogue, credential, urls)
        if document is not None:
            documents[kind] = document
    return documents


def catalogue_document(catalogue: Catalogue, urls: Urls) -> JsonDict:
    """``catalogue.jsonld``: every credential's specification in one graph."""
    return {
        "@context": list(EDC_CONTEXT),
        "@graph": [
            specification(catalogue, credential, urls)
            for credential in catalogue.credentials.values()
        ],
    }


def machine_files(catalogue: Catalogue, urls: Urls) -> dict[str, bytes]:
    """Every machine-readable file of the site: site path → bytes (sorted by path)."""
    files: dict[str, bytes] = {}
    for credential in catalogue.credentials.values():
        for kind, document in machine_documents(catalogue, credential, urls).items():
            files[urls.machine_file(credential.id, credential.version, kind)] = dumps(document)
    files[CATALOGUE_JSONLD] = dumps(catalogue_document(catalogue, urls))
    return dict(sorted(files.items()))


def machine_links(
    catalogue: Catalogue, credential: Credential, urls: Urls, lang: str | None = None
) -> list[tuple[str, str, str, str]]:
    """The downloads of a credential page: ``(kind, site path, MIME type, label)``.

    Only files that are published are listed (no ``loq`` without offerings, or for a draft or
    retired credential). Paths are
    relative to the site root, as everywhere in :mod:`credcat.urls`; make them relative to the
    page with :func:`credcat.urls.relative`. Use them for the downloads block and for
    ``<link rel="alternate" type="…" href="…">``.

    Args:
        catalogue: The catalogue.
        credential: The credential.
        urls: The URL scheme.
        lang: Language of the labels (default: the catalogue's default language).
    """
    lang = lang or catalogue.settings.default_language
    links = []
    for kind, (_name, mime) in MACHINE_FILES.items():
        if kind == "loq" and not publishes_opportunities(credential):
            continue
        links.append(
            (
                kind,
                urls.machine_file(credential.id, credential.version, kind),
                mime,
                link_label(kind, lang),
            )
        )
    return links
