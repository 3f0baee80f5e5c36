"""Credentials for the "Check a credential" tests, made from the files a built site publishes.

Owns the issuer's side of the check page's tests: an EDC issued from one of our own
``edc-template.json`` files (placeholders filled in as an issuer would), the same credential in
the EDC Issuer's upload form, signed as JAdES/JWS (JSON serialisation, like the Commission's
signed sample) and as a compact JWS (dummy signatures: the page never verifies them), in the
VC 2.0 data model, an Open Badges 3.0 ``OpenBadgeCredential`` wrapping our
``ob3-achievement.json`` (or an edition in another language, with its criteria's narrative to
change), a tampered copy, badge images with a credential baked in (a PNG's ``iTXt`` chunk, an
SVG's ``<openbadges:credential>``, as Open Badges 3.0 bakes them), and hostile inputs.
"""

from __future__ import annotations

import base64
import copy
import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

from .xss_fixture import PAYLOADS

VC1 = "https://www.w3.org/2018/credentials/v1"
VC2 = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
EQF7 = "http://data.europa.eu/snb/eqf/7"

FILLED = {
    "PLACEHOLDER given name": "Maria",
    "PLACEHOLDER family name": "Muster",
    "PLACEHOLDER full name": "Maria Muster",
}
"""What an issuer types into the template's placeholders (any other one becomes a grade)."""


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _fill(value: Any) -> Any:
    """Replace every ``PLACEHOLDER …`` text, iteratively (the template is not deep, but still)."""
    root = copy.deepcopy(value)
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, item in list(items):
            if isinstance(item, str) and item.startswith("PLACEHOLDER"):
                node[key] = FILLED.get(item, "1.3 (very good)")
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return root


def template(site_root: Path, cid: str, version: str) -> dict[str, Any]:
    """The published ``edc-template.json`` of a version (``{"credential": …}``)."""
    path = site_root / "credentials" / cid / version / "edc-template.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def released(site_root: Path, cid: str, version: str) -> str | None:
    """When the catalogue published a version: its ``elm.jsonld``'s ``dateModified`` (None
    where it states none: a catalogue that dates no version)."""
    path = site_root / "credentials" / cid / version / "elm.jsonld"
    modified = json.loads(path.read_text(encoding="utf-8")).get("dateModified")
    if modified is None:
        return None
    value: str = modified["@value"] if isinstance(modified, dict) else modified
    return value


GRADES = ("1.3", "Pass", "2.0", "1.7")
"""The holder's grade in each assessment, in order (the issuer supplies them)."""


def issued_edc(site_root: Path, cid: str, version: str) -> dict[str, Any]:
    """An unsigned EDC issued from our template: placeholders filled, an id, dates (issued
    when the version was published), and the holder's grade in each assessment (a ``Note``, as
    in the Commission's sample)."""
    credential: dict[str, Any] = _fill(template(site_root, cid, version)["credential"])
    credential["id"] = "urn:credential:5b1d3f4e-8c7a-4f7e-9b1e-2f6a0c9d8e71"
    issued = released(site_root, cid, version)
    if issued is not None:
        credential["validFrom"] = credential["issuanceDate"] = issued
    for n, assessment in enumerate(credential["credentialSubject"]["hasClaim"]["provenBy"]):
        grade = GRADES[n % len(GRADES)]
        assessment["grade"] = {
            "id": f"urn:epass:note:{n + 1}",
            "type": "Note",
            "noteLiteral": {"en": grade},
        }
    return credential


def uploadable(credential: dict[str, Any]) -> dict[str, Any]:
    """The EDC Issuer's upload form, as in the Commission's ``…-unsigned-uploadable.json``."""
    return {"credential": credential}


def jades_json(credential: dict[str, Any]) -> dict[str, Any]:
    """Signed as the EDC signs (the Commission's signed sample): JWS JSON serialisation with the
    JSON payload as it is, and a dummy signature."""
    header = {"alg": "RS256", "cty": "octet-stream", "kid": "dummy", "sigD": {}}
    return {
        "payload": json.dumps(credential, ensure_ascii=False),
        "signatures": [
            {"protected": _b64url(json.dumps(header).encode()), "signature": _b64url(b"dummy")}
        ],
    }


def jws_compact(credential: dict[str, Any]) -> str:
    """A compact JWS ``header.payload.signature`` (base64url) with a dummy signature."""
    header = {"alg": "ES256", "typ": "JWT"}
    return ".".join(
        (
            _b64url(json.dumps(header).encode()),
            _b64url(json.dumps(credential, ensure_ascii=False).encode("utf-8")),
            _b64url(b"not a real signature"),
        )
    )


def vc_jwt(credential: dict[str, Any], **claims: Any) -> str:
    """A VC-JWT: the credential in the ``vc`` claim of a compact JWS, beside the JWT's own
    ``claims`` (``iss``, ``nbf``, ``iat``, ``exp``: seconds since 1970); a dummy signature."""
    return jws_compact({**claims, "vc": credential})


def dated(credential: dict[str, Any], **dates: Any) -> dict[str, Any]:
    """A copy with its dates (``validFrom``, ``issuanceDate``, ``validUntil``,
    ``expirationDate`` …) set, or removed where given as None."""
    out = copy.deepcopy(credential)
    for key, value in dates.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def presentation(*credentials: Any) -> dict[str, Any]:
    """A VerifiablePresentation holding ``credentials`` (objects, or VC-JWTs as strings), as a
    holder's wallet sends them."""
    return {
        "@context": [VC2],
        "type": ["VerifiablePresentation"],
        "holder": "did:example:maria",
        "verifiableCredential": list(credentials),
    }


def vp_jwt(*credentials: Any) -> str:
    """A VP-JWT: a presentation in the ``vp`` claim of a compact JWS; a dummy signature."""
    return jws_compact({"iss": "did:example:maria", "vp": presentation(*credentials)})


def in_graph(credential: dict[str, Any]) -> dict[str, Any]:
    """A JSON-LD document whose ``@graph`` holds the credential (its context at the top)."""
    node = copy.deepcopy(credential)
    context = node.pop("@context")
    return {"@context": context, "@graph": [node]}


def vc2(credential: dict[str, Any]) -> dict[str, Any]:
    """The same credential in the VC 2.0 data model (``validFrom``, the v2 context)."""
    out = copy.deepcopy(credential)
    out["@context"] = [VC2 if c == VC1 else c for c in out["@context"]]
    out.pop("issuanceDate", None)
    return out


def ob3_credential(site_root: Path, cid: str, version: str) -> dict[str, Any]:
    """An ``OpenBadgeCredential`` whose achievement is our published ``ob3-achievement.json``."""
    path = site_root / "credentials" / cid / version / "ob3-achievement.json"
    achievement = json.loads(path.read_text(encoding="utf-8"))
    achievement.pop("@context", None)
    return {
        "@context": [VC2, OB3_CONTEXT],
        "id": "urn:uuid:0d4c5a7e-3f2b-4c1d-8e9f-a1b2c3d4e5f6",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {**achievement["creator"]},
        "validFrom": released(site_root, cid, version),
        "name": achievement["name"],
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": "maria@example.org",
                    "identityType": "emailAddress",
                    "hashed": False,
                }
            ],
            "achievement": achievement,
        },
    }


def narrative(credential: dict[str, Any]) -> str:
    """The ``criteria.narrative`` of an Open Badge's achievement (credcat writes its outcomes
    and assessments there)."""
    text: str = credential["credentialSubject"]["achievement"]["criteria"]["narrative"]
    return text


def with_narrative(credential: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of an Open Badge whose criteria state ``text``."""
    out = copy.deepcopy(credential)
    out["credentialSubject"]["achievement"]["criteria"]["narrative"] = text
    return out


def with_edition(
    credential: dict[str, Any], site_root: Path, cid: str, version: str, lang: str
) -> dict[str, Any]:
    """A copy of an Open Badge whose achievement is our edition in ``lang``
    (``ob3-achievement.<lang>.json``)."""
    path = site_root / "credentials" / cid / version / f"ob3-achievement.{lang}.json"
    achievement = json.loads(path.read_text(encoding="utf-8"))
    achievement.pop("@context", None)
    out = copy.deepcopy(credential)
    out["credentialSubject"]["achievement"] = achievement
    out["name"] = achievement["name"]  # the credential named in its edition's language
    return out


def tampered(credential: dict[str, Any]) -> dict[str, Any]:
    """A copy whose specification claims another title and EQF level 7."""
    out = copy.deepcopy(credential)
    spec = out["credentialSubject"]["hasClaim"]["specifiedBy"]
    spec["title"] = {lang: text + " (Advanced)" for lang, text in spec["title"].items()}
    spec["eqfLevel"] = {**spec["eqfLevel"], "id": EQF7, "prefLabel": {"en": "Level 7"}}
    return out


DIPLOMA_MILL = {
    "id": "urn:epass:org:diploma-mill",
    "type": "Organisation",
    "legalName": {"en": "Diploma Mill Ltd"},
}
"""An organisation that awards no credential of this catalogue."""


def with_issuer(credential: dict[str, Any], issuer: dict[str, Any]) -> dict[str, Any]:
    """A copy issued by ``issuer`` (an EDC's ``Organisation``, an Open Badge's ``Profile``);
    its awarding body, where it names one, left as it is."""
    out = copy.deepcopy(credential)
    out["issuer"] = copy.deepcopy(issuer)
    return out


def renamed_issuer(credential: dict[str, Any], name: str) -> dict[str, Any]:
    """A copy whose issuer keeps its id but is named ``name`` in every language it states."""
    out = copy.deepcopy(credential)
    issuer = out["issuer"]
    if "legalName" in issuer:
        issuer["legalName"] = dict.fromkeys(issuer["legalName"], name)
    else:
        issuer["name"] = name
    return out


def issuer_named(credential: dict[str, Any], name: str, lang: str) -> dict[str, Any]:
    """A copy whose issuer keeps its id but is named ``name`` in ``lang`` (an EDC's
    ``legalName``; an Open Badge's ``Profile``, whose name has no language, whatever
    ``lang``)."""
    out = copy.deepcopy(credential)
    issuer = out["issuer"]
    if "legalName" in issuer:
        assert lang in issuer["legalName"]
        issuer["legalName"][lang] = name
    else:
        issuer["name"] = name
    return out


def renamed_awarding_body(credential: dict[str, Any], name: str, lang: str) -> dict[str, Any]:
    """A copy whose awarding body keeps its id but is named ``name`` in ``lang`` (an EDC's
    ``legalName``; an Open Badge's creator, whose name has no language, whatever ``lang``)."""
    out = copy.deepcopy(credential)
    subject = out["credentialSubject"]
    if "achievement" in subject:
        subject["achievement"]["creator"]["name"] = name
    else:
        body = subject["hasClaim"]["awardedBy"]["awardingBody"]
        body = body[0] if isinstance(body, list) else body
        assert lang in body["legalName"]
        body["legalName"][lang] = name
    return out


def with_version(credential: dict[str, Any], version: str) -> dict[str, Any]:
    """A copy naming another version of the same specification."""
    out = copy.deepcopy(credential)
    spec = out["credentialSubject"]["hasClaim"]["specifiedBy"]
    iri: str = spec["id"]
    parts = iri.split("/")
    parts[-2] = version
    spec["id"] = "/".join(parts)
    return out


def with_payloads(credential: dict[str, Any]) -> dict[str, Any]:
    """A copy with script payloads added to every text (IRIs and codes left alone)."""
    out = copy.deepcopy(credential)
    stack: list[Any] = [out]
    payload = " ".join(PAYLOADS)
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, item in list(items):
            if key in {"id", "type", "@context"}:
                continue
            if isinstance(item, str) and not item.startswith(("http", "urn:", "mailto:")):
                node[key] = item + " " + payload
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return out


def deeply_nested(depth: int = 10_000) -> str:
    """JSON nested ``depth`` levels deep."""
    return '{"a":' * depth + "1" + "}" * depth


def huge(size: int = 6 * 1024 * 1024) -> bytes:
    """A JSON document of ``size`` bytes: one long string."""
    return b'{"a":"' + b"x" * (size - 8) + b'"}'


# --- badge images -------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB3_NS = "https://purl.imsglobal.org/ob/v3p0"


def png_chunk(kind: bytes, data: bytes, crc: int | None = None, length: int | None = None) -> bytes:
    """A PNG chunk: length, type, data, CRC (of type and data), unless ``crc`` or ``length``
    say otherwise (a damaged chunk)."""
    stated = len(data) if length is None else length
    check = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", stated) + kind + data + struct.pack(">I", check)


def itxt(keyword: str, text: str, *, compressed: bool = False) -> bytes:
    """An ``iTXt`` chunk's data: keyword, NUL, compression flag and method, empty language tag
    and translated keyword, each ended by NUL, then the text (UTF-8, zlib-compressed where
    ``compressed``)."""
    body = text.encode("utf-8")
    if compressed:
        body = zlib.compress(body)
    return keyword.encode("latin-1") + b"\0" + bytes([int(compressed), 0]) + b"\0\0" + body


def png(*chunks: bytes, end: bool = True) -> bytes:
    """A valid 1 × 1 grey PNG (IHDR, IDAT, IEND) with ``chunks`` after its IHDR (IEND left out
    where not ``end``)."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\0\x80"))
    tail = png_chunk(b"IEND", b"") if end else b""
    return PNG_SIGNATURE + header + b"".join(chunks) + pixels + tail


def baked_png(text: str, *, compressed: bool = False) -> bytes:
    """A PNG with ``text`` (a credential's JSON, or a compact JWS) baked in, as Open Badges 3.0
    bakes it: an ``iTXt`` chunk whose keyword is ``openbadgecredential``."""
    return png(png_chunk(b"iTXt", itxt("openbadgecredential", text, compressed=compressed)))


def baked_svg(svg: str, text: str, *, verify: bool = False) -> str:
    """The SVG ``svg`` with ``text`` baked in: an ``<openbadges:credential>`` first in its root,
    the JSON in CDATA or (``verify``) a compact JWS in its ``verify`` attribute."""
    if verify:
        element = f'<openbadges:credential verify="{text}"></openbadges:credential>'
    else:
        cdata = text.replace("]]>", "]]]]><![CDATA[>")
        element = f"<openbadges:credential><![CDATA[{cdata}]]></openbadges:credential>"
    opening = re.search(r"<svg\b[^>]*>", svg)
    assert opening is not None
    tag = opening.group(0)
    declared = tag[:-1] + f' xmlns:openbadges="{OB3_NS}">'
    return svg[: opening.start()] + declared + element + svg[opening.end() :]


ADOBE_ENTITIES = {
    "ns_extend": "http://ns.adobe.com/Extensibility/1.0/",
    "ns_ai": "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "ns_graphs": "http://ns.adobe.com/Graphs/1.0/",
    "ns_vars": "http://ns.adobe.com/Variables/1.0/",
    "ns_imrep": "http://ns.adobe.com/ImageReplacement/1.0/",
    "ns_sfw": "http://ns.adobe.com/SaveForWeb/1.0/",
    "ns_custom": "http://ns.adobe.com/GenericCustomNamespace/1.0/",
    "ns_adobe_xpath": "http://ns.adobe.com/XPath/1.0/",
}
"""The entities Adobe Illustrator declares in the DTD of every SVG it exports: the namespaces
of its own metadata."""

SVG11_DTD = '"-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"'


def with_doctype(svg: str, subset: str | None) -> str:
    """``svg`` as Illustrator exports it: an XML declaration and its comment, then
    ``<!DOCTYPE svg PUBLIC …>`` with ``subset`` as its internal subset (None: none)."""
    declared = f" [\n{subset}\n]" if subset is not None else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 -->\n"
        f"<!DOCTYPE svg PUBLIC {SVG11_DTD}{declared}>\n{svg}"
    )


def illustrator_svg(svg: str) -> str:
    """``svg`` as Adobe Illustrator exports it: its DTD declaring the namespaces as entities,
    the root element naming them by reference (``xmlns:x="&ns_extend;"``), and its metadata
    using them (an entity in an attribute and in text)."""
    subset = "\n".join(f'\t<!ENTITY {name} "{value}">' for name, value in ADOBE_ENTITIES.items())
    opening = re.search(r"<svg\b[^>]*>", svg)
    assert opening is not None
    tag = opening.group(0)
    names = " ".join(
        f'xmlns:{prefix}="&{name};"'
        for prefix, name in (("x", "ns_extend"), ("i", "ns_ai"), ("graph", "ns_graphs"))
    )
    metadata = (
        '<metadata><sfw xmlns="&ns_sfw;"><slices></slices>'
        "<sliceSourceBounds>&ns_vars;</sliceSourceBounds></sfw></metadata>"
    )
    declared = tag[:-1] + f' version="1.1" id="Layer_1" {names} i:viewOrigin="0 0">' + metadata
    return with_doctype(svg[: opening.start()] + declared + svg[opening.end() :], subset)
