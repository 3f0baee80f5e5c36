"""The licences a catalogue's published data may carry (``data_licence`` in ``catalogue.yaml``).

A maintainer names the licence by its SPDX id (``CC-BY-4.0``, any case) or writes the address
of any licence (``https://…``). The open licences public bodies use for data are known here
(:data:`LICENCES`): their id, their canonical address and the short name they call
themselves by ("CC BY 4.0"). An id credcat knows, or the address of such a licence in any of
the forms its publisher links it by (``http`` or ``https``, with or without ``www.`` or the
trailing slash, a Creative Commons ``deed.de`` or ``legalcode``), stands for the licence's
canonical address: the ``dct:license`` of the catalogue's node in ``catalogue.jsonld`` and the
link in the footer of every page. Any other address is published as it is written, and
named by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LICENCES", "Licence", "known_licence", "licence_of", "suggest_licence"]


@dataclass(frozen=True, slots=True)
class Licence:
    """A licence as the site and the data name it."""

    id: str
    """Its SPDX id; ``""`` for an address credcat does not know."""
    url: str
    """Its address: the canonical one of a licence credcat knows."""
    name: str
    """The short name it calls itself by ("CC BY 4.0"); the address of one credcat does not
    know."""


def _licence(spdx: str, url: str, name: str) -> tuple[str, Licence]:
    return spdx, Licence(spdx, url, name)


LICENCES: dict[str, Licence] = dict(
    [
        _licence("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        _licence("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
        _licence("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
        _licence("PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/", "ODC PDDL 1.0"),
        _licence("ODC-By-1.0", "https://opendatacommons.org/licenses/by/1-0/", "ODC-By 1.0"),
        _licence("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "ODbL 1.0"),
        _licence("DL-DE-ZERO-2.0", "https://www.govdata.de/dl-de/zero-2-0", "dl-de/zero-2-0"),
        _licence("DL-DE-BY-2.0", "https://www.govdata.de/dl-de/by-2-0", "dl-de/by-2-0"),
        _licence(
            "etalab-2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "Licence Ouverte 2.0",
        ),
        _licence(
            "OGL-UK-3.0",
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "OGL 3.0",
        ),
    ]
)
"""The licences credcat knows by SPDX id: open licences for data (the Creative Commons and
Open Data Commons licences, and the national open-data licences of Germany, France and the
United Kingdom). Any other licence is written by its address."""

_BY_ID = {spdx.casefold(): licence for spdx, licence in LICENCES.items()}

_CC_FORM = re.compile(r"/(?:deed\.[a-z-]+|legalcode(?:\.[a-z-]+)?)$")
"""The tail of a Creative Commons address in another form than its canonical one: the deed
in a language (``deed.de``), the legal code (``legalcode``, ``legalcode.fr``)."""


def _address_key(url: str) -> str:
    """An address as it names a licence: without scheme, ``www.``, trailing slash or case."""
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip().casefold()).rstrip("/")
    return _CC_FORM.sub("", text) if text.startswith("creativecommons.org/") else text


_BY_ADDRESS = {_address_key(licence.url): licence for licence in LICENCES.values()}


def known_licence(value: str) -> Licence | None:
    """The licence credcat knows by this SPDX id (any case) or address, or ``None``."""
    return _BY_ID.get(value.strip().casefold()) or _BY_ADDRESS.get(_address_key(value))


def licence_of(value: str) -> Licence:
    """The licence a validated ``data_licence`` names: one credcat knows, or the address."""
    return known_licence(value) or Licence("", value, value)


def suggest_licence(value: str) -> str | None:
    """The SPDX id of a known licence that ``value`` is written another way (``CC BY 4.0``,
    ``cc_by_sa``), or without its version (``CC-BY`` → ``CC-BY-4.0``, the only version known)."""
    wanted = value.strip().casefold().replace(" ", "-").replace("_", "-")
    if wanted in _BY_ID:
        return _BY_ID[wanted].id
    unversioned = [
        licence.id for key, licence in _BY_ID.items() if re.sub(r"-[0-9.]+$", "", key) == wanted
    ]
    if len(unversioned) == 1:  # cc-by: CC-BY-4.0
        return unversioned[0]
    return None  # no nearest spelling: CC-BY-NC-4.0 is not CC-BY-4.0, whatever the letters
