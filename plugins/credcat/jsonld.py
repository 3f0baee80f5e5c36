"""Offline JSON-LD: a pyld document loader that serves the vendored contexts and nothing else.

Owns the JSON-LD contexts credcat publishes against: their URLs (:data:`EDC_CONTEXT` and
:data:`OB3_CONTEXT`, which the renderers write into every machine-readable file), the vendored
copies in ``credcat/contexts/``, and a loader that serves those copies and nothing else.

The machine-readable files name their JSON-LD contexts by URL. Whoever expands them (the tests,
to validate the published files against the official SHACL shapes) must never go to the network
for those contexts, or a build would depend on a remote server and on what it serves today:
:func:`local_document_loader` resolves the three context URLs to the package-data copies and
refuses every other URL.

pyld is imported lazily, inside functions only: it is a test/import-time tool, not a runtime
dependency of the core.

Example:
    >>> from credcat.jsonld import expand
    >>> expand({"@context": {"@vocab": "http://schema.org/"}, "name": "x"})
    [{'http://schema.org/name': [{'@value': 'x'}]}]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

__all__ = [
    "CONTEXTS",
    "CREDENTIALS_V1",
    "EDC_AP",
    "EDC_CONTEXT",
    "OB3_CONTEXT",
    "LocalContextError",
    "context_document",
    "expand",
    "local_document_loader",
    "to_nquads",
]

CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1"
"""The W3C Verifiable Credentials 1.1 context."""
EDC_AP = "http://data.europa.eu/snb/model/context/edc-ap"
"""The European Learning Model 3.2 / EDC application-profile context."""
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
"""The 1EdTech Open Badges 3.0 context (3.0.3)."""

EDC_CONTEXT: tuple[str, str] = (CREDENTIALS_V1, EDC_AP)
"""The ``@context`` of every ELM document credcat writes (edc-ap alone has no id/type aliases)."""

CONTEXTS: Mapping[str, str] = {
    CREDENTIALS_V1: "credentials-v1.jsonld",
    EDC_AP: "edc-ap.jsonld",
    OB3_CONTEXT: "ob3-context-3.0.3.json",
}
"""Canonical context URL → file name in ``credcat/contexts/``."""


class LocalContextError(LookupError):
    """A JSON-LD processor asked for a URL that is not one of the vendored contexts."""


def _key(url: str) -> str:
    """Normalise a context URL: scheme-insensitive, without a trailing slash or fragment."""
    text = url.strip().split("#", 1)[0]
    for scheme in ("https://", "http://"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    return text.rstrip("/")


_BY_KEY: Mapping[str, str] = {_key(url): url for url in CONTEXTS}


@functools.cache
def _read(filename: str) -> Any:
    text = (
        resources.files(__package__ or "credcat")
        .joinpath("contexts", filename)
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def canonical_context_url(url: str) -> str | None:
    """The canonical URL of a vendored context that ``url`` names, or ``None``.

    ``http``/``https`` variants and a trailing slash are accepted
    (``https://data.europa.eu/snb/model/context/edc-ap/`` names edc-ap).
    """
    return _BY_KEY.get(_key(url))


def context_document(url: str) -> Any:
    """The parsed JSON of a vendored context (a fresh copy; callers may modify it).

    Raises:
        LocalContextError: ``url`` is not one of :data:`CONTEXTS`.
    """
    canonical = canonical_context_url(url)
    if canonical is None:
        raise LocalContextError(f"no local copy of the JSON-LD context {url!r} (network is off)")
    return json.loads(json.dumps(_read(CONTEXTS[canonical])))


def _pyld() -> Any:
    """``pyld.jsonld``, imported on first use (pyld is not a dependency of the core)."""
    from pyld import jsonld  # type: ignore[import-untyped]

    return jsonld


def local_document_loader() -> Callable[..., dict[str, Any]]:
    """A pyld document loader that serves the vendored contexts and refuses everything else.

    Use it as ``jsonld.expand(doc, {"documentLoader": local_document_loader()})``.

    Returns:
        A callable ``(url, options=None) -> RemoteDocument`` for pyld. For any URL that is not
        a vendored context it raises pyld's ``JsonLdError`` ("loading document failed"),
        wrapping :class:`LocalContextError`; it never opens a network connection.
    """

    def load(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        canonical = canonical_context_url(url)
        if canonical is None:
            raise _pyld().JsonLdError(
                f"refusing to load {url!r}: only the vendored contexts are available offline",
                "jsonld.LoadDocumentError",
                {"url": url},
                code="loading document failed",
            ) from LocalContextError(url)
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": canonical,
            "document": context_document(canonical),
        }

    return load


def expand(document: Any) -> list[dict[str, Any]]:
    """Expand a JSON-LD document offline (contexts from :func:`local_document_loader`)."""
    result: list[dict[str, Any]] = _pyld().expand(
        document, {"documentLoader": local_document_loader()}
    )
    return result


def to_nquads(document: Any) -> str:
    """Convert a JSON-LD document to N-Quads offline (for loading into an RDF store)."""
    nquads: str = _pyld().to_rdf(
        document,
        {"documentLoader": local_document_loader(), "format": "application/n-quads"},
    )
    return nquads
