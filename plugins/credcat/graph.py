"""The stackability graph of a catalogue and every walk over it: the one home of both.

Owns what ``part_of`` and ``builds_on`` draw between credentials: the edges in the direction a
learner progresses (part → whole, earlier → later), the inverse relations (``has_part``,
``leads_to``), cycles, and the walks the pathways page needs (dropping the edges that close a
cycle, weakly connected groups, layers, transitive parts).

The graph comes from files anyone can edit, so no walk here recurses: a ``builds_on`` chain of
thousands of credentials must not exhaust Python's recursion limit. Depth-first walks keep their
own stack; orders of acyclic graphs come from the standard library's :mod:`graphlib`.
Everything is deterministic: nodes are visited in the order given, which callers sort.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from graphlib import TopologicalSorter
from typing import Literal, TypeVar

from .model import Brief

__all__ = [
    "BUILDS_ON",
    "PART_OF",
    "RELATIONS",
    "Edge",
    "Relation",
    "acyclic_edges",
    "ancestors",
    "components",
    "cycles",
    "depths",
    "links",
    "referrers",
    "stack_edges",
]

Relation = Literal["part_of", "builds_on"]
PART_OF: Relation = "part_of"
"""A smaller credential counts towards a larger one."""
BUILDS_ON: Relation = "builds_on"
"""A credential follows another one."""
RELATIONS: tuple[Relation, ...] = (PART_OF, BUILDS_ON)

Edge = tuple[str, str, Relation]
"""``(from, to, relation)`` in the direction of progress: part → whole, earlier → later."""

L = TypeVar("L")

_ON_PATH = 1
_DONE = 2


def links(credentials: Mapping[str, Brief], relation: Relation) -> dict[str, list[str]]:
    """The ids each credential names in one relation, as written, restricted to known ids.

    Args:
        credentials: The catalogue's credentials by id.
        relation: ``part_of`` or ``builds_on``.

    Returns:
        For every credential that has a ``stackability`` block, the ids of its ``relation``
        list that are credentials of the catalogue, in file order (a credential naming itself
        keeps that entry).
    """
    return {
        cid: [other for other in getattr(cred.stackability, relation) if other in credentials]
        for cid, cred in credentials.items()
        if cred.stackability is not None
    }


def referrers(credentials: Mapping[str, Brief], relation: Relation) -> dict[str, tuple[str, ...]]:
    """The inverse of one relation: for each id named in it, the credentials that name it.

    ``referrers(credentials, "part_of")`` gives each credential's parts (``has_part``),
    ``referrers(credentials, "builds_on")`` the credentials each one leads to.

    Returns:
        Id → sorted ids of the credentials whose ``relation`` list names it, once per entry.
    """
    found: dict[str, list[str]] = {}
    for cred in credentials.values():
        if cred.stackability is None:
            continue
        for other in getattr(cred.stackability, relation):
            found.setdefault(other, []).append(cred.id)
    return {other: tuple(sorted(ids)) for other, ids in found.items()}


def stack_edges(credentials: Mapping[str, Brief]) -> list[Edge]:
    """Every edge between two different known credentials, in the direction of progress.

    Returns:
        Sorted, without duplicates: ``(part, whole, "part_of")`` and
        ``(earlier, later, "builds_on")``.
    """
    edges: set[Edge] = set()
    for cid, cred in credentials.items():
        if cred.stackability is None:
            continue
        for whole in cred.stackability.part_of:
            if whole in credentials and whole != cid:
                edges.add((cid, whole, PART_OF))
        for earlier in cred.stackability.builds_on:
            if earlier in credentials and earlier != cid:
                edges.add((earlier, cid, BUILDS_ON))
    return sorted(edges)


def _depth_first(
    starts: Iterable[str], children: Callable[[str], Iterable[tuple[str, L]]]
) -> Iterator[tuple[list[str], str, L, bool]]:
    """Meet every edge reachable from ``starts`` once, depth first, without recursion.

    Args:
        starts: Where walks begin, in order; a node already met is not started again.
        children: A node's outgoing edges as ``(target, label)`` pairs, in visiting order.

    Yields:
        ``(path, target, label, back)`` for each edge: ``path`` runs from the walk's start to
        the edge's source (the list changes as the walk goes on: copy what you keep); ``back``
        is true when the target is on the path, so that the edge closes a cycle.
    """
    state: dict[str, int] = {}
    for start in starts:
        if state.get(start):
            continue
        state[start] = _ON_PATH
        path = [start]
        pending: list[Iterator[tuple[str, L]]] = [iter(children(start))]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                state[path.pop()] = _DONE
                pending.pop()
                continue
            target, label = step
            yield path, target, label, state.get(target) == _ON_PATH
            if not state.get(target):
                state[target] = _ON_PATH
                path.append(target)
                pending.append(iter(children(target)))


def cycles(successors: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The cycles one depth-first walk finds, each once.

    Args:
        successors: Node → the nodes it points to, in order; walks start at every key in
            sorted order. A node pointing to itself is a cycle of one.

    Returns:
        Each cycle as the nodes met along it, first node repeated at the end
        (``["a", "b", "a"]``), in the order found; a cycle through the same nodes as one already
        found is left out.
    """
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def children(node: str) -> Iterator[tuple[str, None]]:
        return ((child, None) for child in successors.get(node, ()))

    for path, target, _, back in _depth_first(sorted(successors), children):
        if not back:
            continue
        cycle = [*path[path.index(target) :], target]
        key = frozenset(cycle)
        if key not in seen:
            seen.add(key)
            found.append(cycle)
    return found


def acyclic_edges(
    nodes: Iterable[str], successors: Callable[[str], Iterable[tuple[str, L]]]
) -> list[tuple[str, str, L]]:
    """The edges left when those that close a cycle (depth-first back edges) are dropped.

    Args:
        nodes: Where walks start, in order.
        successors: A node's outgoing edges as ``(target, label)`` pairs.

    Returns:
        ``(source, target, label)`` for every other edge reachable from ``nodes``, in the order
        met (duplicates kept); together they form an acyclic graph.
    """
    return [
        (path[-1], target, label)
        for path, target, label, back in _depth_first(nodes, successors)
        if not back
    ]


def components(nodes: Iterable[str], neighbours: Callable[[str], Iterable[str]]) -> list[list[str]]:
    """The weakly connected groups of a graph.

    Args:
        nodes: Every node, in order.
        neighbours: A node's neighbours in either direction.

    Returns:
        Each group sorted, the groups in the order of their first node in ``nodes``.
    """
    seen: set[str] = set()
    groups: list[list[str]] = []
    for start in nodes:
        if start in seen:
            continue
        group: list[str] = []
        todo = [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other in neighbours(node):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        groups.append(sorted(group))
    return groups


def depths(nodes: Iterable[str], predecessors: Callable[[str], Iterable[str]]) -> dict[str, int]:
    """Each node's layer in an acyclic graph: 0 without predecessors, else one below the lowest.

    Args:
        nodes: The nodes to place (their predecessors are placed too).
        predecessors: A node's predecessors.

    Returns:
        Node → the length of the longest path that ends at it.

    Raises:
        graphlib.CycleError: When the graph has a cycle (drop the cycle edges first with
            :func:`acyclic_edges`).
    """
    return _fold(nodes, predecessors, lambda before: 1 + max(before.values(), default=-1))


def ancestors(
    nodes: Iterable[str], predecessors: Callable[[str], Iterable[str]]
) -> dict[str, frozenset[str]]:
    """Everything that reaches each node of an acyclic graph (its transitive predecessors).

    With the ``part_of`` edges (part → whole) these are the node's parts, its parts' parts …

    Raises:
        graphlib.CycleError: When the graph has a cycle.
    """

    def union(before: Mapping[str, frozenset[str]]) -> frozenset[str]:
        return frozenset(before).union(*before.values())

    return _fold(nodes, predecessors, union)


V = TypeVar("V")


def _fold(
    nodes: Iterable[str],
    predecessors: Callable[[str], Iterable[str]],
    combine: Callable[[Mapping[str, V]], V],
) -> dict[str, V]:
    """A value per node computed from its predecessors' values, in topological order."""
    requires: dict[str, list[str]] = {}
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if node in requires:
            continue
        requires[node] = list(predecessors(node))
        todo.extend(requires[node])
    values: dict[str, V] = {}
    for node in TopologicalSorter(requires).static_order():
        values[node] = combine({before: values[before] for before in requires[node]})
    return values
