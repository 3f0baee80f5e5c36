"""``catalogue.json`` and ``catalogue-texts.json``: the data behind the catalogue page, its
compare page and the check page.

One entry per credential (its current version; every status, with the status), split in two
files per language so that the catalogue page's filters work as soon as the smaller one is
parsed (issue 9: at 10,000 credentials one file was 14.5 MB and the filters waited for it):

* ``catalogue.json`` holds what the cards, the facets and their counts, the sorting, paging and
  the "Check a credential" page need;
* ``catalogue-texts.json`` holds the long texts: outcomes, skills and the words of the
  description, which the catalogue's text search reads besides titles and summaries, and the
  workload in words and the assessment lines, which only the compare page shows (with the
  outcomes). The catalogue page loads it after the first file; the compare page loads both.

Keys are short and empty values are left out, so that the two files together stay under 1 KB
per credential gzipped at 10,000 credentials (docs/performance.md). The files are
deterministic: sorted keys, entries sorted by id, facet options in the order the page shows
them. The format is documented for readers in docs/data.md.

``catalogue.json`` (``version`` 4)::

    {"version": 4, "lang": "en", "title": "…", "url": "credentials/{id}/",
     "facets": {"eqf": [["6", "EQF level 6"], …], "field": [["0613", "…"], …],
                "mode": […], "language": [["de", "German"], …],
                "org": [["uni", "HS Rheinau"], …], "status": [["active", "Active"], …]},
     "logos": {"uni": "organisations/uni/logo.svg", …}, "credentials": [{…}]}

Each facet is a list of ``[code, label]`` in display order (levels by number, statuses in
their life-cycle order, the others by label); an organisation's name in another language than
credcat's words is ``[code, name, lang]``. credcat's words are in ``lang`` where its interface
speaks it, else in English (then every text in ``lang`` says so too). An entry's keys:

======  ============================================================================
key     value
======  ============================================================================
``i``   id; the page is ``url`` with ``{id}`` replaced, relative to this file
``t``   title
``s``   summary
``tl``  the language of the title, when it is not that of credcat's words
``sl``  the same for the summary (both absent when the text is in that language)
``p``   provider ids (names in ``facets.org``)
``a``   awarding body ids (names in ``facets.org``)
``e``   EQF level (number)
``f``   ISCED-F field codes
``m``   mode code
``l``   language codes
``c``   ECTS credits (number; absent when not stated)
``h``   hours (number; absent when not stated)
``st``  status: ``draft``, ``active``, ``superseded`` or ``retired``
``v``   current version
``vs``  every version published at its permanent address, oldest first (absent when that
        is the current one alone; a draft's version not released has none, so a draft lists
        its released versions only, ``[]`` when it has none)
``sb``  the successor's id (only for a superseded credential)
``pr``  the price of the offerings (one value, a range, or "ask the provider"); absent for
        a credential no longer offered (superseded or retired)
``r``   the runs, by start: ``[start (YYYY-MM-DD), start as words, price or ""]``, and the
        application deadline (YYYY-MM-DD) as a fourth item where there is one
``rl``  the languages of each run, in the order of ``r``: ``[words, code, …]`` ("in
        German", "de"); only where a run is not taught in every language of ``l`` (the
        pages then name each run's language beside its start)
``rn``  what the catalogue says of each run's price (a condition, a reduced fee), in the
        order of ``r`` (``""`` where nothing); only where a run's price has a note
``rnl`` the language of each of those notes (``""`` for credcat's words'), present as ``tl``
======  ============================================================================

``logos`` maps an organisation id to its logo, relative to this file (absent when no
organisation has one); the cards show the first provider's.

``catalogue-texts.json`` (``version`` 4)::

    {"version": 4, "lang": "en", "credentials": [{"i": "sql", "w": "…", "o": […], …}]}

with the same entries in the same order, each with these keys:

======  ============================================================================
key     value
======  ============================================================================
``i``   id (the entry of ``catalogue.json`` it completes)
``w``   workload as the page writes it ("15 ECTS credits (410 hours)")
``d``   the words of the description (made plain: no Markdown) that the text search finds
        nowhere else in the entry (title, summary, outcomes, skills), each once, in their
        order, joined by spaces (:func:`search_words`); absent when none is left
``dl``  the language of the description, present as ``tl``
``o``   outcome texts, in the page's order
``ol``  the language of each outcome (``""`` for credcat's words'), present as ``tl``
``k``   ESCO skill labels (skills given only as a URI are not listed)
``x``   one line per assessment: type, supervision, identity check
``xl``  the language of each line's title (``""`` for credcat's words'), present as ``tl``
``xt``  each line's title where ``xl`` names one (``""`` elsewhere); a line opens with it
======  ============================================================================

A key added to an entry leaves ``version`` as it is (``rl``, ``rn``, ``rnl``, ``d``, ``dl``):
readers that ignore unknown keys read the files as before. A key removed or changed in meaning
raises it.

Runs whose start has passed stay listed: the browser, not the build, decides which run is the
next start (sites are not rebuilt every day), and which is the next in a language ticked in
the catalogue's language filter (``rl``).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from ...catalogue import Catalogue
from ...model import Credential, ordered_outcomes
from ...urls import Urls
from ...versions import succession
from ..data.nodes import plain_text
from ..language import lang_of
from ..safe import json_for_script
from .common import STATUS_ORDER, EntryMemo, Site
from .credential import (
    NO_LONGER_OFFERED,
    open_until,
    price_summary,
    run_language_text,
    run_languages,
    run_price_note,
    says_run_languages,
    workload,
)

__all__ = [
    "FACETS",
    "Facets",
    "catalogue_index",
    "catalogue_json",
    "catalogue_json_parts",
    "catalogue_texts",
    "catalogue_texts_json",
    "catalogue_texts_json_parts",
    "entry_runs",
    "index_entries",
    "search_fold",
    "search_words",
]

FORMAT_VERSION = 4

FACETS = ("eqf", "field", "mode", "language", "org", "status")
"""The facets of ``catalogue.json``, in the order the catalogue page shows them."""


def entry_runs(site: Site, cred: Credential) -> list[list[str]]:
    """The runs of a credential for ``catalogue.json``: ``[start, start as words, price]``,
    and the last day of enrolment where it is not the start (:func:`.credential.open_until`,
    the application deadline) as a fourth item. A run is offered while today is not later
    than that day."""
    loc = site.loc
    runs = []
    for o in sorted(cred.offerings, key=lambda o: (o.start, o.id)):
        run = [o.start.isoformat(), loc.date(o.start), loc.price(o.price) if o.price else ""]
        if open_until(o) != o.start:
            run.append(open_until(o).isoformat())
        runs.append(run)
    return runs


def _run_extras(site: Site, cred: Credential) -> dict[str, Any]:
    """``rl``, ``rn`` and ``rnl`` of an entry (``None`` where absent): each run's languages
    (where the pages name them), the note of each run's price and that note's language."""
    runs = sorted(cred.offerings, key=lambda o: (o.start, o.id))
    extras: dict[str, Any] = {"rl": None, "rn": None, "rnl": None}
    if says_run_languages(cred):
        extras["rl"] = [[run_language_text(site, cred, o), *run_languages(cred, o)] for o in runs]
    notes = [run_price_note(site, o) for o in runs]
    if any(notes):
        extras["rn"] = [str(note) for note in notes]
        langs = [lang_of(note) for note in notes]
        extras["rnl"] = langs if any(langs) else None
    return extras


def run_open_until(run: list[str]) -> str:
    """The last day of enrolment of a run of :func:`entry_runs` (ISO date)."""
    return run[3] if len(run) > 3 else run[0]


def _entry(site: Site, cred: Credential) -> dict[str, Any]:
    """An entry of ``catalogue.json``."""
    loc = site.loc
    versions = [v.version for v in succession(site.cat, cred.id).published]
    title, summary = loc.text(cred.title), loc.text(cred.summary)
    entry: dict[str, Any] = {
        "i": cred.id,
        "t": title,
        "s": summary,
        # the language of a title or summary in another language than credcat's words (the
        # page's, or English where credcat does not speak it: then every text in the page's)
        "tl": lang_of(title) or None,
        "sl": lang_of(summary) or None,
        "p": list(cred.providers),
        "a": list(cred.awarding_body),
        "e": cred.eqf,
        "f": list(cred.field),
        "m": cred.mode,
        "l": list(cred.languages),
        "c": cred.workload.ects,
        "h": cred.workload.hours,
        "st": cred.status,
        "v": cred.version,
        # kept when empty: a draft with no version at its address is not its current one
        "vs": versions if versions != [cred.version] else None,
        "sb": cred.superseded_by if cred.status == "superseded" else None,
        # no price for a credential no longer offered: its cards say so instead
        "pr": price_summary(site, cred) if cred.status not in NO_LONGER_OFFERED else None,
        "r": entry_runs(site, cred),
        **_run_extras(site, cred),
    }
    return {k: v for k, v in entry.items() if v is not None and (v != [] or k == "vs")}


def _texts_entry(site: Site, cred: Credential) -> dict[str, Any]:
    """An entry of ``catalogue-texts.json``."""
    loc = site.loc
    ui = loc.ui
    outcomes = [loc.text(o.text) for o in ordered_outcomes(cred)]  # as the page numbers them
    outcome_langs = [lang_of(text) for text in outcomes]
    titles = [loc.text(a.title) or loc.label("assessment-type", a.type) for a in cred.assessments]
    title_langs = [lang_of(title) for title in titles]
    description = loc.text(cred.description)
    skills = sorted({loc.text(s.label) for o in cred.outcomes for s in o.esco if s.label})
    searched = [loc.text(cred.title), loc.text(cred.summary), *outcomes, *skills]
    # the words of the description the text search needs (issue 9: the whole text, about as
    # long as the rest of the entry, would take the two files over 1 KB per credential)
    words = search_words(plain_text(description, markdown=True), searched)
    entry: dict[str, Any] = {
        "i": cred.id,
        "w": workload(site, cred),
        "d": words or None,
        # their language, when it is another than credcat's words' (as ``tl``)
        "dl": (lang_of(description) or None) if words else None,
        "o": outcomes,
        # the language of each outcome, when one is in another language than credcat's words
        "ol": outcome_langs if any(outcome_langs) else None,
        "k": skills,
        "x": [
            loc.ui_text(
                "employers_assessment_line",
                type=title,
                supervision=ui["employers_supervision"][a.supervision or "none"],
                identity=ui[
                    "employers_identity_yes" if a.identity_check else "employers_identity_no"
                ],
            )
            for a, title in zip(cred.assessments, titles, strict=True)
        ],
        # each line opens with its title: where one is shown in another language than
        # ``lang``, its language and the title (the rest of the line is in ``lang``)
        "xl": title_langs if any(title_langs) else None,
        "xt": [str(t) if lang else "" for t, lang in zip(titles, title_langs, strict=True)]
        if any(title_langs)
        else None,
    }
    return {k: v for k, v in entry.items() if v is not None and (v != [] or k == "vs")}


_ACCENTS = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"\w")


def search_fold(text: str) -> str:
    """A text as the catalogue's text search compares it (``fold`` in ``catalogue.js``):
    lower case, without accents (NFD, combining marks U+0300–U+036F dropped)."""
    return _ACCENTS.sub("", unicodedata.normalize("NFD", text.lower()))


def search_words(text: str, searched: Iterable[str]) -> str:
    """The words of ``text`` (split at white space) the catalogue's text search could find
    nowhere else: each once, in the order they come, joined by spaces; a word whose folded
    form (:func:`search_fold`) is part of one of the ``searched`` texts or of a word kept
    before is left out, as is one without a letter or digit ("•", ":").

    The search finds an entry when each word of the query (no white space) is part of its
    folded texts, so it finds the same entries with these words as with the whole ``text``,
    as long as it searches the ``searched`` texts too."""
    seen = search_fold(" \n ".join(searched))
    kept: list[str] = []
    for word in text.split():
        folded = search_fold(word)
        if _WORD.search(word) and folded not in seen:
            kept.append(word)
            seen += " " + folded
    return " ".join(kept)


def catalogue_index(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> dict[str, Any]:
    """The content of ``catalogue.json`` as a dict (without the texts of
    :func:`catalogue_texts`). A build never holds it: the file is written entry by entry
    (:func:`catalogue_json_parts`) and the list pages count as they go (:func:`index_entries`).

    Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        lang: Language of the texts (default: the catalogue's default language).
        memo: Where entries of unchanged credentials come from (``mkdocs serve``).

    Returns:
        A JSON-ready dict (see the module docstring).
    """
    site = Site(catalogue, urls, lang)
    facets = Facets()
    entries = [entry for _cid, entry in index_entries(site, memo, facets)]
    return {"credentials": entries, **_index_rest(site, facets)}


class Facets:
    """The codes of each facet that the entries of :func:`index_entries` use, gathered as they
    go, and their labels once they are all known (:meth:`labels`)."""

    def __init__(self) -> None:
        self.codes: dict[str, set[Any]] = {facet: set() for facet in FACETS}

    def add(self, cred: Credential) -> None:
        """Note the codes of one credential."""
        codes = self.codes
        codes["eqf"].add(cred.eqf)
        codes["field"].update(cred.field)
        codes["mode"].add(cred.mode)
        codes["language"].update(cred.languages)
        codes["org"].update(cred.awarding_body, cred.providers)
        codes["status"].add(cred.status)

    def labels(self, site: Site) -> dict[str, list[list[str]]]:
        """Each facet as ``[code, label]`` in display order (the ``facets`` of
        ``catalogue.json``; ``[code, label, lang]`` for a name in another language than
        credcat's words); each value's label made once, however many credentials share it."""
        loc = site.loc
        codes = self.codes
        labels: dict[str, dict[str, str]] = {facet: {} for facet in codes}
        for level in codes["eqf"]:
            labels["eqf"][str(level)] = loc.ui_text("fact_eqf_value", level=level)
        for facet, vocabulary in (("field", "isced-f"), ("mode", "mode"), ("language", "language")):
            for code in codes[facet]:
                labels[facet][code] = loc.label(vocabulary, code)
        for oid in codes["org"]:
            labels["org"][oid] = site.org_name(oid, short=True)
        for status in codes["status"]:
            labels["status"][status] = str(loc.ui["status"][status])

        def by_label(facet: str) -> list[list[str]]:
            """``[code, label]``, or ``[code, label, lang]`` for a name in another language
            than credcat's words (an organisation's)."""
            ordered = sorted(labels[facet].items(), key=lambda i: (i[1].casefold(), i[0]))
            return [[code, label, *filter(None, [lang_of(label)])] for code, label in ordered]

        return {
            "eqf": [[code, labels["eqf"][code]] for code in sorted(labels["eqf"], key=int)],
            "field": by_label("field"),
            "mode": by_label("mode"),
            "language": by_label("language"),
            "org": by_label("org"),
            "status": [[s, labels["status"][s]] for s in STATUS_ORDER if s in labels["status"]],
        }


def index_entries(
    site: Site, memo: EntryMemo | None = None, facets: Facets | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The entries of ``catalogue.json`` with their ids, sorted by id, made one at a time (one
    model read at a time: they may be packed); each credential's codes go to ``facets``."""
    return _entries(site, memo, "entry", _entry, facets)


def _entries(
    site: Site,
    memo: EntryMemo | None,
    kind: str,
    make: Callable[[Site, Credential], dict[str, Any]],
    facets: Facets | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``make``'s entry of each credential with its id, sorted by id, one model read at a
    time; under serve (``memo``) kept as ``kind``."""
    credentials = site.cat.credentials
    for cid in sorted(credentials):
        cred = credentials[cid]
        if facets is not None:
            facets.add(cred)
        if memo is None:
            yield cid, make(site, cred)
        else:
            yield cid, memo(kind, cid, partial(make, site, cred))


def _index_rest(site: Site, facets: Facets) -> dict[str, Any]:
    """What ``catalogue.json`` holds besides its entries, once they are all made."""
    catalogue = site.cat
    labels = facets.labels(site)
    other = site.lang if site.lang != catalogue.settings.default_language else None
    folder = posixpath.dirname(site.urls.catalogue_json(other))
    logos = {
        oid: posixpath.relpath(site.logos[oid].path, folder or ".")
        for oid, *_name in sorted(labels["org"])
        if oid in site.logos
    }
    return {
        "version": FORMAT_VERSION,
        "lang": site.lang,
        "title": site.loc.text(catalogue.settings.title),
        "url": "credentials/{id}/",
        "facets": labels,
        **({"logos": logos} if logos else {}),
    }


def catalogue_texts(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> dict[str, Any]:
    """The content of ``catalogue-texts.json`` as a dict: the long texts of every entry of
    :func:`catalogue_index`, in the same order (see the module docstring)."""
    site = Site(catalogue, urls, lang)
    entries = [entry for _cid, entry in _entries(site, memo, "texts", _texts_entry)]
    return {"credentials": entries, "version": FORMAT_VERSION, "lang": site.lang}


def catalogue_json(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> bytes:
    """``catalogue.json`` as deterministic, compact UTF-8 bytes (sorted keys)."""
    return b"".join(catalogue_json_parts(catalogue, urls, lang, memo))


def catalogue_json_parts(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> Iterator[bytes]:
    """:func:`catalogue_json`, a piece at a time: the entries as they are made (the facets
    come after them in the file, as its keys are sorted), so that a build holds one entry,
    not the index of every credential (about 4 KB a credential)."""
    site = Site(catalogue, urls, lang)
    facets = Facets()
    return _dumps(
        index_entries(site, memo, facets), memo, "entry", lambda: _index_rest(site, facets)
    )


def catalogue_texts_json(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> bytes:
    """``catalogue-texts.json`` as deterministic, compact UTF-8 bytes (sorted keys)."""
    return b"".join(catalogue_texts_json_parts(catalogue, urls, lang, memo))


def catalogue_texts_json_parts(
    catalogue: Catalogue, urls: Urls, lang: str | None = None, memo: EntryMemo | None = None
) -> Iterator[bytes]:
    """:func:`catalogue_texts_json`, a piece at a time (as :func:`catalogue_json_parts`)."""
    site = Site(catalogue, urls, lang)
    rest = {"version": FORMAT_VERSION, "lang": site.lang}
    return _dumps(_entries(site, memo, "texts", _texts_entry), memo, "texts", lambda: rest)


def _dumps(
    entries: Iterable[tuple[str, dict[str, Any]]],
    memo: EntryMemo | None,
    kind: str,
    rest: Callable[[], dict[str, Any]],
) -> Iterator[bytes]:
    """A catalogue file as deterministic, compact UTF-8 (sorted keys: ``credentials`` comes
    before every other member of both files), written as its entries come, then ``rest()``.
    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes (still plain
    JSON), so the file can also be inlined into a ``<script>`` element safely.

    With a ``memo`` (under ``mkdocs serve``), the JSON text of each entry is kept as
    ``<kind>-json``: the same text, made once per credential."""
    yield b'{"credentials":['
    for n, (cid, entry) in enumerate(entries):
        text = _json(entry) if memo is None else memo(f"{kind}-json", cid, partial(_json, entry))
        yield (text if n == 0 else "," + text).encode("utf-8")
    tail = rest()
    assert all(key > "credentials" for key in tail)
    end = "," + _json(tail)[1:] if tail else "}"
    yield ("]" + end + "\n").encode("utf-8")


def _json(value: dict[str, Any]) -> str:
    return str(json_for_script(value))
