"""Every machine-readable file of the site, as bytes, and the download links of a page.

Per credential version (names from :data:`credcat.urls.MACHINE_FILES`):

========  ==========================  =================================================
kind      file                        content
========  ==========================  =================================================
``elm``   ``elm.jsonld``              the ELM 3 ``Qualification`` (:mod:`.elm`)
``edc``   ``edc-template.json``       unsigned EDC for the EDC Issuer (:mod:`.edc`)
``ob3``   ``ob3-achievement.json``    Open Badges 3.0 ``Achievement`` (:mod:`.ob3`)
========  ==========================  =================================================

beside them the achievement's other language editions, ``ob3-achievement.<lang>.json``, and
the badge image of each edition, ``badge.svg`` and ``badge.<lang>.svg`` (:mod:`.badge`)
(:func:`edition_files`),

per credential, live at its unversioned address, ``opportunities.jsonld``: a
``LearningOpportunity`` per offering of the credential file (:mod:`.loq`,
:func:`opportunities_file`); **absent** without offerings, and for a draft or retired
credential,

and once per site ``catalogue.jsonld``: the catalogue's own node first (a ``dcat:Catalog``
with its title, publisher, home page, languages and data licence: :func:`catalogue_node`),
then every credential's unversioned record in one ``@graph``, whatever its status
(``elm:status`` says ``active``, ``draft``, ``superseded`` or ``retired``): a
``Qualification`` at its main page with its current version's content and its live status,
naming its versions by IRI (:func:`credential_nodes`).

**Every version** of a credential is published in its own folder: each released version from
its snapshot only (:func:`credcat.versions.credential_at`), and the current version, when not
yet released, from the credential file, except a draft's: a version not released of a
credential whose status is ``draft`` has no permanent address
(:func:`credcat.versions.has_address`), so no files, and nothing for an issuer to issue
against. Its specification is in ``catalogue.jsonld`` only, as its record, with its draft
status, described at the credential's current page (``credentials/<id>/#spec`` …,
:meth:`credcat.urls.Urls.without_address`), without a version identifier or fingerprint, and
named there by the other credentials' unreleased versions. A version's files
carry its fingerprint (an ELM ``Identifier``; in OB3 an ``otherIdentifier``) and name only the
version it replaces (``dc:replaces``), so releasing a new version changes no file of an older
one. The version list (``dc:hasVersion``), the live status and the successor
(``dc:isReplacedBy``) are stated by the unversioned records: ``catalogue.jsonld``, and for the
offerings ``opportunities.jsonld``. The LOQ shapes are closed, so that file carries no
fingerprint and no succession.

Output is deterministic: no clock, no random ids, sorted keys (:func:`.nodes.dumps`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue import Catalogue
from ...jsonld import EDC_CONTEXT
from ...licences import licence_of
from ...model import Credential
from ...urls import CATALOGUE_JSONLD, MACHINE_FILES, OPPORTUNITIES, Urls
from ...versions import (
    Succession,
    VersionInfo,
    credential_at,
    fingerprint_identifier,
    has_address,
    record_properties,
    succession,
    version_properties,
)
from ..language import link_label
from .badge import badge_svg
from .edc import edc_template
from .elm import catalogue_identifier, elm_document, specification
from .loq import opportunities_document, publishes_opportunities
from .nodes import JsonDict, concept, dumps, note, organisation, plain_map
from .ob3 import editions, ob3_achievement

STATUS_NOTE_ANCHOR = "note-status"
"""The fragment of the record's note that holds the credential's ``status_note``."""

__all__ = [
    "STATUS_NOTE_ANCHOR",
    "catalogue_document",
    "catalogue_node",
    "catalogue_nodes",
    "credential_files",
    "credential_nodes",
    "edition_files",
    "edition_paths",
    "machine_documents",
    "machine_files",
    "machine_links",
    "opportunities_file",
    "opportunities_path",
    "record_node",
    "version_documents",
]


def machine_documents(
    catalogue: Catalogue, credential: Credential, urls: Urls, *, spec: JsonDict | None = None
) -> dict[str, JsonDict]:
    """The machine-readable documents of a credential version, by kind.

    ``elm.jsonld`` and the EDC template carry the same specification: it is made once and
    shared (neither changes it; each copies what it changes); ``spec``: that specification,
    if already made."""
    if spec is None:
        spec = specification(catalogue, credential, urls)
    return {
        "elm": elm_document(catalogue, credential, urls, spec=spec),
        "edc": edc_template(catalogue, credential, urls, spec=spec),
        "ob3": ob3_achievement(catalogue, credential, urls),
    }


def opportunities_file(
    catalogue: Catalogue, credential_id: str, urls: Urls, *, spec: JsonDict | None = None
) -> tuple[str, bytes] | None:
    """A credential's ``opportunities.jsonld`` (path, bytes), made from its file as it is now
    (its current version and offerings), or ``None`` when it publishes none (``spec``: the
    specification of the credential file, if already made: :func:`credential_files`)."""
    credential = catalogue.credentials[credential_id]
    document = opportunities_document(catalogue, credential, urls, spec=spec)
    if document is None:
        return None
    return urls.opportunities(credential_id), dumps(document)


def opportunities_path(catalogue: Catalogue, credential_id: str, urls: Urls) -> str | None:
    """The path :func:`opportunities_file` writes, without rendering anything."""
    if not publishes_opportunities(catalogue.credentials[credential_id]):
        return None
    return urls.opportunities(credential_id)


def _with_version(node: JsonDict, fingerprint: JsonDict, succession_props: JsonDict) -> None:
    """Add the fingerprint identifier and ``dc:replaces`` to a specification node."""
    identifier = node.get("identifier")
    node["identifier"] = [*([identifier] if identifier else []), fingerprint]
    node.update(succession_props)


def version_documents(
    catalogue: Catalogue, credential_id: str, version: str, urls: Urls
) -> dict[str, JsonDict]:
    """The machine-readable documents of one version of a credential, by kind.

    Rendered from what the version states (:func:`credcat.versions.credential_at`), with its
    fingerprint and the version it replaces; nothing that a later release could change.
    """
    credential = credential_at(catalogue, credential_id, version)
    return _version_documents(catalogue, credential, urls, succession(catalogue, credential_id))


def _version_documents(
    catalogue: Catalogue,
    credential: Credential,
    urls: Urls,
    succession_: Succession,
    spec: JsonDict | None = None,
) -> dict[str, JsonDict]:
    """:func:`version_documents` of the version ``credential`` is (as
    :func:`credcat.versions.credential_at` gives it), with its specification if made."""
    credential_id, version = credential.id, credential.version
    documents = machine_documents(catalogue, credential, urls, spec=spec)
    fingerprint, replaces, info = _version_marks(succession_, urls, version)
    _with_version(documents["elm"], fingerprint, replaces)
    claim = documents["edc"]["credential"]["credentialSubject"]["hasClaim"]
    _with_version(claim["specifiedBy"], dict(fingerprint), dict(replaces))
    documents["ob3"]["otherIdentifier"].append(_ob3_fingerprint(info.fingerprint))
    _with_previous(documents["ob3"], urls, credential_id, info.replaces)
    return documents


def _version_marks(
    succession_: Succession, urls: Urls, version: str
) -> tuple[JsonDict, JsonDict, VersionInfo]:
    """What a version's files add to its specification (:func:`_with_version`): its
    fingerprint identifier and the version it replaces; with the version's entry."""
    info = succession_.info(version)
    assert info is not None  # a version of the credential's succession
    cid = succession_.credential_id
    return (
        fingerprint_identifier(urls, cid, version, info.fingerprint),
        version_properties(succession_, urls, version),
        info,
    )


def _with_previous(
    achievement: JsonDict, urls: Urls, credential_id: str, replaces: str | None
) -> None:
    """Name the version this one replaces among an achievement's ``related`` (Open Badges 3.0
    gives ``related`` to "alternate language editions or previous versions")."""
    if replaces is not None:
        achievement.setdefault("related", []).append(
            {
                "id": urls.iri(urls.ob3_edition(credential_id, replaces)),
                "type": ["Related"],
                "version": replaces,
            }
        )


def _ob3_fingerprint(fingerprint: str) -> JsonDict:
    return {"type": "IdentifierEntry", "identifier": fingerprint, "identifierType": "identifier"}


def edition_paths(catalogue: Catalogue, credential_id: str, version: str, urls: Urls) -> list[str]:
    """The paths :func:`edition_files` writes for one version, without rendering anything."""
    credential = credential_at(catalogue, credential_id, version)
    paths = []
    for key in editions(catalogue, credential):
        paths.append(urls.badge_image(credential_id, version, key))
        if key is not None:
            paths.append(urls.ob3_edition(credential_id, version, key))
    return paths


def edition_files(
    catalogue: Catalogue, credential_id: str, version: str, urls: Urls
) -> dict[str, bytes]:
    """The OB3 achievement's other language editions and every edition's badge image, of one
    version: site path → bytes."""
    credential = credential_at(catalogue, credential_id, version)
    info = succession(catalogue, credential_id).info(version)
    assert info is not None  # credential_at found the version
    files: dict[str, bytes] = {}
    for key, lang in editions(catalogue, credential).items():
        files[urls.badge_image(credential_id, version, key)] = badge_svg(
            catalogue, credential, lang
        )
        if key is None:
            continue  # the main edition is the ``ob3`` machine document
        achievement = ob3_achievement(catalogue, credential, urls, key)
        achievement["otherIdentifier"].append(_ob3_fingerprint(info.fingerprint))
        _with_previous(achievement, urls, credential_id, info.replaces)
        files[urls.ob3_edition(credential_id, version, key)] = dumps(achievement)
    return files


def credential_files(
    catalogue: Catalogue, credential_id: str, urls: Urls
) -> Iterator[tuple[str, bytes]]:
    """Every machine-readable file of one credential, one at a time (site path, bytes): the
    documents and editions of each version published at its address
    (:attr:`credcat.versions.Succession.published`, oldest first), then its
    ``opportunities.jsonld`` where it publishes one.

    A current version not released is the credential file itself, which
    ``opportunities.jsonld`` describes too: its specification is made once for both (the
    same bytes as made apart: :func:`.loq.achievement_specification` leaves out what only a
    version's files name). A released version is described as released (its snapshot: the
    titles, organisations and status its release recorded), so ``opportunities.jsonld``,
    which is the file as it is now, makes its own.
    """
    succession_ = succession(catalogue, credential_id)
    current: JsonDict | None = None
    for info in succession_.published:
        credential = credential_at(catalogue, credential_id, info.version)
        spec = specification(catalogue, credential, urls)
        if catalogue.archive.get(credential_id, info.version) is None:
            current = spec  # not released: credential_at gave the credential file
        documents = _version_documents(catalogue, credential, urls, succession_, spec)
        for kind, document in documents.items():
            yield urls.machine_file(credential_id, info.version, kind), dumps(document)
        yield from edition_files(catalogue, credential_id, info.version, urls).items()
    opportunities = opportunities_file(catalogue, credential_id, urls, spec=current)
    if opportunities is not None:
        yield opportunities


def catalogue_document(catalogue: Catalogue, urls: Urls) -> JsonDict:
    """``catalogue.jsonld``: the catalogue (:func:`catalogue_node`), then every credential's
    unversioned record in one graph (:func:`credential_nodes`)."""
    return {"@context": list(EDC_CONTEXT), "@graph": list(catalogue_nodes(catalogue, urls))}


def catalogue_nodes(catalogue: Catalogue, urls: Urls) -> Iterator[JsonDict]:
    """The nodes of :func:`catalogue_document`'s ``@graph``: the catalogue's, then one
    credential at a time (so a large catalogue can be written without holding the whole
    graph)."""
    yield catalogue_node(catalogue, urls)
    for credential in catalogue.credentials.values():
        yield from credential_nodes(catalogue, credential, urls)


DCAT = "http://www.w3.org/ns/dcat#"
"""DCAT's namespace (the EDC context has no ``dcat`` prefix, and its ``landingPage`` is ELM's)."""


def catalogue_node(catalogue: Catalogue, urls: Urls) -> JsonDict:
    """The catalogue itself, at ``<base_uri>#catalogue`` (:meth:`~credcat.urls.Urls.catalogue_iri`:
    the ``schemeId`` of every identifier the catalogue gives its credentials), first in
    ``catalogue.jsonld``: what a harvester of open data (DCAT-AP, data.europa.eu) needs to
    know of the whole, and may reuse it.

    A ``dcat:Catalog`` with the terms of DCAT-AP's catalogue, each in the EDC context's own
    terms where it has one (``title``, ``description`` and ``publisher`` are ``dct:``'s,
    ``homepage`` is ``foaf:homepage``, ``language`` ``dct:language``): its title and
    description (language maps), its publisher (the ELM ``Organisation`` as each record names
    it), its home page (the site's root), its languages and, where ``catalogue.yaml`` names
    one (``data_licence``), its licence (``dct:license``, a ``dct:LicenseDocument`` at the
    licence's canonical address: :func:`credcat.licences.licence_of`). No ELM shape targets a
    ``dcat:Catalog``; its publisher and languages conform as they do in the records."""
    settings = catalogue.settings
    node: JsonDict = {
        "id": urls.catalogue_iri(),
        "type": DCAT + "Catalog",
        "title": plain_map(settings.title),
        "publisher": organisation(catalogue, settings.publisher, urls),
        "homepage": {"id": urls.base_uri},
        "language": [concept("language", lang) for lang in settings.languages],
    }
    if settings.description:
        node["description"] = plain_map(settings.description)
    if settings.data_licence is not None:
        licence = licence_of(settings.data_licence)
        node["dc:license"] = {"id": licence.url, "type": "dc:LicenseDocument"}
    return node


HAS_CURRENT_VERSION = "http://www.w3.org/ns/dcat#hasCurrentVersion"
"""DCAT 3's ``dcat:hasCurrentVersion`` (the EDC context has no ``dcat`` prefix): which of a
record's versions (``dc:hasVersion``, a set in RDF) is the current one."""


def credential_nodes(
    catalogue: Catalogue, credential: Credential, urls: Urls
) -> tuple[JsonDict, ...]:
    """One credential's nodes of :func:`catalogue_document`'s ``@graph``: its unversioned
    **record**, one node (:func:`record_node`).

    The versions are named by IRI: each is described in its own ``elm.jsonld``, with the
    status it was released with, so that no IRI carries two statuses in a harvester's
    merged graph (``active`` in a version's file, ``retired`` on the record)."""
    return (record_node(catalogue, credential, urls),)


def record_node(catalogue: Catalogue, credential: Credential, urls: Urls) -> JsonDict:
    """A credential's unversioned record: the credential as it is now, at its main page.

    A ``Qualification`` at ``…/credentials/<id>/#spec``
    (:meth:`~credcat.urls.Urls.record_iri`) with the content of its current version,
    described at the main page as a draft's version without an address is
    (:meth:`~credcat.urls.Urls.without_address`: ``#outcome-<id>``, ``#assessment-<id>`` …,
    the anchors of the main page, and the assessments prove the record), and:

    * its live status, and, for a credential no longer offered, its ``status_note`` as the
      first ``additionalNote`` (``…/<id>/#note-status``, plain text: :func:`.nodes.prose_map`),
      never in a version's files;
    * its own identifier, the credential's id in the catalogue's scheme (``<id>``: a
      version's ``<id>/<version>`` and its fingerprint identify the version, at its own IRI,
      and a draft's may still change);
    * every version published at its address (``dc:hasVersion``), each with its identifier
      and fingerprint as its ``elm.jsonld`` states them, the current one
      (:data:`HAS_CURRENT_VERSION`, absent while the current version has no address) and,
      when superseded, the successor's record (``dc:isReplacedBy``);
    * no ``dc:replaces``: a version replaces the one before it; the record lists them all.
    """
    cid = credential.id
    succession_ = succession(catalogue, cid)
    version = credential.version
    record = specification(
        catalogue, credential_at(catalogue, cid, version), urls.without_address(cid, version)
    )
    record["id"] = urls.record_iri(cid)
    record["identifier"] = catalogue_identifier(
        catalogue, urls, urls.record_node_iri(cid, "identifier"), cid
    )
    record["status"] = credential.status
    record.update(record_properties(succession_, urls))
    if "dc:hasVersion" in record:
        record["dc:hasVersion"] = [
            {
                **listed,
                "identifier": [
                    catalogue_identifier(
                        catalogue,
                        urls,
                        urls.node_iri(cid, info.version, "identifier"),
                        f"{cid}/{info.version}",
                    ),
                    fingerprint_identifier(urls, cid, info.version, info.fingerprint),
                ],
            }
            for listed, info in zip(record["dc:hasVersion"], succession_.published, strict=True)
        ]
    if succession_.has_address(version):
        record[HAS_CURRENT_VERSION] = {"id": urls.spec_iri(cid, version)}
    said = credential.shown_status_note
    if said:  # the live status note comes first: what a reader should know of its status now
        status_note = note(urls.record_node_iri(cid, STATUS_NOTE_ANCHOR), said, markdown=True)
        record["additionalNote"] = [status_note, *record.get("additionalNote", [])]
    return record


def machine_files(catalogue: Catalogue, urls: Urls) -> dict[str, bytes]:
    """Every machine-readable file of the site: site path → bytes (sorted by path).

    Every version of every credential published at its permanent address (released versions
    and an unreleased current one, but a draft's: :attr:`credcat.versions.Succession.published`),
    and every credential's live ``opportunities.jsonld``.
    """
    files: dict[str, bytes] = {}
    for cid in catalogue.credentials:
        files.update(credential_files(catalogue, cid, urls))
    files[CATALOGUE_JSONLD] = dumps(catalogue_document(catalogue, urls))
    return dict(sorted(files.items()))


def machine_links(
    catalogue: Catalogue, credential: Credential, urls: Urls, lang: str | None = None
) -> list[tuple[str, str, str, str]]:
    """The downloads of a credential page: ``(kind, site path, MIME type, label)``.

    Only files that are published are listed: ``loq`` (the credential's live
    ``opportunities.jsonld``) on the pages of its current version only, and not without
    offerings, or for a draft or retired credential; none for a draft's version not released,
    which has no files (:func:`credcat.versions.has_address`). Paths are
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
    if not has_address(catalogue, credential.id, credential.version):
        return []
    ob3_editions = {
        edition_lang: key for key, edition_lang in editions(catalogue, credential).items()
    }
    links = []
    for kind, (_name, mime) in MACHINE_FILES.items():
        path = urls.machine_file(credential.id, credential.version, kind)
        if kind == "ob3":  # the achievement in the page's language, where there is one
            path = urls.ob3_edition(credential.id, credential.version, ob3_editions.get(lang))
        links.append((kind, path, mime, link_label(kind, lang)))
        if kind == "elm":  # the offerings beside the specification they lead to
            live = catalogue.credentials[credential.id]
            if live.version == credential.version and publishes_opportunities(live):
                path = urls.opportunities(credential.id)
                links.append(("loq", path, OPPORTUNITIES[1], link_label("loq", lang)))
    return links
