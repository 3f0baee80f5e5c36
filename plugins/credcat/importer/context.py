"""The state of one import and the readers every mapping shares.

:class:`Context` holds the JSON tree, the report, what the target catalogue already has, the
organisations mapped so far and the files planned. Its methods read the common ELM shapes:
language maps (:meth:`Context.text`), notes, concepts of the EU vocabularies, web resources;
and they report every key of a node that no mapping used (:meth:`Context.unknown`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import vocab
from ..ids import MAX_ID_LENGTH, WINDOWS_RESERVED_RE, slugify
from .base import URL_RE, OrgRef, Plan, Report, Tree, id_of, join_texts, label_of, types_of
from .target import Target


class Context:
    """One import: the source tree, the report, the target and what has been planned.

    Attributes:
        tree: The source document.
        target: The target catalogue.
        source_name: The input's file name (quoted in the header of each YAML file).
        report: The report being written.
        default_language: The catalogue's default language.
        publisher: The catalogue's publisher id.
        org_by_node: Organisations mapped so far, by node id of the source.
        org_by_key: The same, by normalised legal name and homepage.
        plans: The files to write.
    """

    def __init__(self, tree: Tree, target: Target, source_name: str, report: Report) -> None:
        self.tree = tree
        self.target = target
        self.source_name = source_name
        self.report = report
        self.default_language = target.default_language
        self.publisher = target.publisher
        self.org_by_node: dict[str, OrgRef] = {}
        self.org_by_key: dict[str, OrgRef] = {}
        self.plans: list[Plan] = []

    # -- ids -------------------------------------------------------------------------------

    def unique(self, folder: str, base: str, fallback: str) -> str:
        """A new id in ``folder`` from ``base`` (``-2``, ``-3`` … when taken)."""
        base = base or fallback
        if WINDOWS_RESERVED_RE.fullmatch(base):
            base = f"{base}-{fallback}"
        taken = self.target.taken.setdefault(folder, set())
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
            n += 1
        taken.add(candidate)
        return candidate

    # -- texts and concepts ----------------------------------------------------------------

    def text(self, value: Any, path: str) -> dict[str, str] | None:
        """A language map from a JSON-LD text, keeping every language credcat knows."""
        out: dict[str, str] = {}
        items: list[tuple[str, Any]] = []
        if isinstance(value, str):
            items.append((self.default_language, value))
        elif isinstance(value, dict) and "@value" in value:
            items.append((str(value.get("@language") or self.default_language), value["@value"]))
        elif isinstance(value, dict):
            items.extend((str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            for item in value:
                found = self.text(item, path)
                for lang, text in (found or {}).items():
                    out.setdefault(lang, text)
            return out or None
        for lang, raw in items:
            texts = raw if isinstance(raw, list) else [raw]
            strings = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
            if not strings:
                continue
            concept = vocab.lookup("language", lang) or vocab.lookup(
                "language", lang.split("-")[0].split("_")[0]
            )
            if concept is None:
                self.report.not_imported.append(
                    f"not imported: {path}.{lang} — '{lang}' is not a language code credcat knows"
                )
                continue
            joined = "\n\n".join(dict.fromkeys(strings))
            out[concept.code] = (
                out[concept.code] + "\n\n" + joined if concept.code in out else joined
            )
        return out or None

    def note(self, value: Any, path: str) -> dict[str, str] | None:
        """The texts of Note nodes (``noteLiteral``), or a plain text."""
        texts: list[dict[str, str]] = []
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            where = f"{path}[{i}]" if isinstance(value, list) else path
            if isinstance(item, dict) and ("noteLiteral" in item or types_of(item) == ["Note"]):
                found = self.text(item.get("noteLiteral"), where + ".noteLiteral")
            elif isinstance(item, str) and item in self.tree.index:
                resolved = self.tree.index[item]
                found = self.text(resolved.get("noteLiteral"), where + ".noteLiteral")
            else:
                found = self.text(item, where)
            if found:
                texts.append(found)
        return join_texts(texts) if texts else None

    def concept(self, value: Any, name: str) -> vocab.Concept | None:
        """A concept of vocabulary ``name``: by IRI, else by notation or label.

        A concept whose IRI is not in credcat's vocabularies but whose label names one of its
        concepts (the Commission's sample has such a local assessment type) is matched by the
        label, and that is reported.
        """
        nodes = self.tree.nodes(value)
        for node in nodes:
            node_id = id_of(node)
            found = vocab.by_iri(node_id) if node_id else None
            if found is not None and found.vocab == name:
                return found
        for node in nodes:
            for key in ("notation", "prefLabel"):
                raw = node.get(key)
                labels = (
                    [raw]
                    if isinstance(raw, str)
                    else (
                        [v for v in raw.values() if isinstance(v, str)]
                        if isinstance(raw, dict)
                        else []
                    )
                )
                for label in labels:
                    found = vocab.lookup(name, label) or vocab.lookup(name, slugify(label))
                    if found is None:
                        continue
                    node_id = id_of(node)
                    if node_id and vocab.by_iri(node_id) is None:
                        self.report.assumed.append(
                            f"assumed: {name} '{found.code}' for the concept {node_id} — "
                            f"matched by its {key} '{label}'; the concept is not in the EU "
                            "vocabulary"
                        )
                    return found
        return None

    def concepts(self, value: Any, name: str, path: str, what: str) -> list[str]:
        """The codes of every concept of vocabulary ``name`` in ``value``; each node that is
        not one is reported as not imported (``what`` names the kind in that line)."""
        codes: list[str] = []
        for i, node in enumerate(self.tree.nodes(value) or ([value] if value else [])):
            found = self.concept(node, name)
            if found is None:
                where = f"{path}[{i}]" if isinstance(value, list) else path
                self.report.not_imported.append(
                    f"not imported: {where} ({label_of(node)}) — not a {what} credcat knows"
                )
            elif found.code not in codes:
                codes.append(found.code)
        return codes

    def unknown(
        self,
        node: dict[str, Any],
        path: str,
        handled: Iterable[str],
        reasons: dict[str, str] | None = None,
    ) -> None:
        """Report every key of ``node`` that no mapping ``handled`` (with a reason, if given)."""
        known = {"id", "@id", "type", "@type", "@context", *handled}
        for key in node:
            if key in known:
                continue
            reason = (reasons or {}).get(key, "credcat has no field for it")
            self.report.not_imported.append(f"not imported: {path}.{key} — {reason}")

    def url(self, value: Any) -> list[str]:
        """The web addresses of WebResource nodes (or bare ids) the model accepts."""
        urls: list[str] = []
        for node in self.tree.nodes(value) or []:
            for key in ("contentURL", "contentUrl", "id", "@id"):
                raw = node.get(key)
                if isinstance(raw, str) and URL_RE.fullmatch(raw.strip()):
                    urls.append(raw.strip())
                    break
        return list(dict.fromkeys(urls))

    # -- organisations ---------------------------------------------------------------------

    def out_text(self, text: dict[str, str]) -> str | dict[str, str]:
        """A text for the YAML: a plain string when it is only in the default language; else
        a map in the catalogue's order of languages (the default first), then the others in
        the source's order (JSON-LD writers often sort the keys of a language map)."""
        if list(text) == [self.default_language]:
            return text[self.default_language]
        order = [*self.target.languages, self.default_language]
        first = {lang: text[lang] for lang in order if lang in text}
        return {**first, **{lang: value for lang, value in text.items() if lang not in first}}
