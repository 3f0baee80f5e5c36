"""The stackability graph and its walks (credcat.graph), and that no walk recurses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from catalogue_factory import ORGANISATIONS, SETTINGS, credential
from credcat.catalogue import Catalogue
from credcat.graph import (
    acyclic_edges,
    ancestors,
    components,
    cycles,
    depths,
    links,
    referrers,
    stack_edges,
)
from credcat.model import CatalogueSettings, Credential, Organisation, Stackability
from credcat.render.site.common import Site
from credcat.render.site.pathways import pathways_context
from credcat.rules import check_rules
from credcat.urls import Urls

CONTEXT = {"default_language": "en"}
CHAIN = 1200  # longer than Python's default recursion limit (1000)
BASE = Credential.model_validate({**credential(), "id": "base"}, context=CONTEXT)


def cred(cid: str, part_of: list[str] | None = None, builds_on: list[str] | None = None) -> Any:
    """A credential with the given id and stackability (a copy of one validated credential)."""
    stack = None
    if part_of is not None or builds_on is not None:
        stack = Stackability(part_of=part_of or [], builds_on=builds_on or [])
    return BASE.model_copy(update={"id": cid, "stackability": stack})


def creds(*items: Credential) -> dict[str, Credential]:
    return {c.id: c for c in sorted(items, key=lambda c: c.id)}


def adjacency(edges: dict[str, list[str]]) -> Any:
    return lambda node: [(other, None) for other in edges.get(node, [])]


# --- relations ------------------------------------------------------------------------------


def test_links_keep_file_order_and_known_ids_only() -> None:
    found = creds(
        cred("a", part_of=["c", "unknown", "b"]),
        cred("b", builds_on=["a"]),
        cred("c"),
    )
    assert links(found, "part_of") == {"a": ["c", "b"], "b": []}
    assert links(found, "builds_on") == {"a": [], "b": ["a"]}


def test_referrers_are_the_inverse_relations() -> None:
    found = creds(
        cred("whole"),
        cred("p2", part_of=["whole"]),
        cred("p1", part_of=["whole"]),
        cred("next", builds_on=["p1"]),
    )
    assert referrers(found, "part_of") == {"whole": ("p1", "p2")}
    assert referrers(found, "builds_on") == {"p1": ("next",)}
    cat = catalogue(found)
    assert cat.has_part("whole") == ("p1", "p2")
    assert cat.leads_to("p1") == ("next",)
    assert cat.has_part("next") == ()


def test_stack_edges_point_the_way_learners_go() -> None:
    found = creds(
        cred("whole"),
        cred("part", part_of=["whole", "whole", "part", "ghost"]),
        cred("later", builds_on=["part"]),
    )
    assert stack_edges(found) == [
        ("part", "later", "builds_on"),
        ("part", "whole", "part_of"),
    ]


# --- walks ----------------------------------------------------------------------------------


def test_cycles_are_found_once_each_in_walk_order() -> None:
    graph = {"a": ["b"], "b": ["c", "a"], "c": ["a"], "d": ["d"], "e": ["a"]}
    assert cycles(graph) == [["a", "b", "c", "a"], ["a", "b", "a"], ["d", "d"]]
    assert cycles({"a": ["b"], "b": ["c"]}) == []


def test_acyclic_edges_drop_exactly_the_back_edges() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}
    kept = acyclic_edges(["a", "b", "c", "d"], adjacency(graph))
    assert kept == [("a", "b", None), ("b", "c", None), ("c", "d", None)]


def test_components_are_sorted_groups_in_node_order() -> None:
    edges = {"b": ["a"], "a": ["b"], "c": [], "d": ["e"], "e": ["d"]}
    assert components(["d", "c", "b", "a", "e"], lambda n: edges[n]) == [
        ["d", "e"],
        ["c"],
        ["a", "b"],
    ]


def test_depths_are_longest_paths_from_a_source() -> None:
    preds = {"a": [], "b": ["a"], "c": ["a", "b"], "d": []}
    assert depths(["c", "d"], lambda n: preds[n]) == {"a": 0, "b": 1, "c": 2, "d": 0}


def test_ancestors_are_transitive() -> None:
    preds = {"whole": ["mid", "p1"], "mid": ["p2"], "p1": [], "p2": []}
    found = ancestors(["whole"], lambda n: preds[n])
    assert found["whole"] == {"mid", "p1", "p2"}
    assert found["mid"] == {"p2"}
    assert found["p1"] == frozenset()


# --- no recursion: chains longer than the recursion limit ----------------------------------


def chain_ids() -> list[str]:
    return [f"c{i:04d}" for i in range(CHAIN)]


def test_walks_over_a_long_chain_do_not_recurse() -> None:
    ids = chain_ids()
    preds = {node: ids[i + 1 : i + 2] for i, node in enumerate(ids)}  # c0001 → c0000 …
    succ = {node: ids[i - 1 : i] for i, node in enumerate(ids)}
    assert depths(ids, lambda n: preds[n])[ids[0]] == CHAIN - 1
    assert len(ancestors(ids, lambda n: preds[n])[ids[0]]) == CHAIN - 1
    assert len(acyclic_edges(ids, adjacency(succ))) == CHAIN - 1
    assert components(ids, lambda n: preds[n] + succ[n]) == [ids]
    closed = {**succ, ids[0]: [ids[-1]]}
    assert cycles(closed) == [[ids[0], *reversed(ids)]]


def catalogue(credentials: dict[str, Credential]) -> Catalogue:
    """A catalogue built from models (no YAML files): enough for rules and pages."""
    return Catalogue(
        root=Path("."),
        settings=CatalogueSettings.model_validate(SETTINGS),
        organisations={
            oid: Organisation.model_validate({**org, "id": oid}, context=CONTEXT)
            for oid, org in sorted(ORGANISATIONS.items())
        },
        credentials=credentials,
        documents={},
    )


@pytest.mark.parametrize("relation", ["builds_on", "part_of"])
def test_a_chain_of_1200_credentials_checks_and_renders(relation: str) -> None:
    # c0000 builds on c0001 … (or c0001 is part of c0000 …): walks in id order start at the end
    ids = chain_ids()
    if relation == "builds_on":
        items = [cred(cid, builds_on=ids[i + 1 : i + 2]) for i, cid in enumerate(ids)]
    else:
        items = [cred(cid, part_of=ids[i - 1 : i]) for i, cid in enumerate(ids)]
    cat = catalogue(creds(*items))
    assert [p for p in check_rules(cat) if p.code == "stack-cycle"] == []
    pathways = pathways_context(Site(cat, Urls(cat.settings.base_uri, "en"), "en"))
    assert len(pathways["graphs"]) == 1
    assert len(pathways["routes"]) == 1
    assert pathways["graphs"][0]["size"] == CHAIN


def test_a_circle_of_1200_credentials_is_one_problem() -> None:
    ids = chain_ids()
    items = [cred(cid, builds_on=[ids[i - 1]]) for i, cid in enumerate(ids)]  # c0000 ← c1199
    found = [p for p in check_rules(catalogue(creds(*items))) if p.code == "stack-cycle"]
    assert len(found) == 1
    assert found[0].field == "stackability > builds_on item 1"
    assert found[0].loc == ("stackability", "builds_on", 0)
    assert found[0].message.startswith("stackability cycle through builds_on: c0000 → c1199 → ")
    assert found[0].message.count("→") == 9  # 10 ids, then a count
    assert found[0].message.endswith(f" … and {CHAIN + 1 - 10:,} more")
