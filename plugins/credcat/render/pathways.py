"""The stackability graph of a catalogue and the routes through it (page: :mod:`.site.pathways`).

Two kinds of edges join credentials:

* ``part_of`` — a smaller credential counts towards a larger one (arrow: part → whole);
* ``builds_on`` — a credential follows another one (arrow: earlier → later).

Each weakly connected group of credentials is laid out in layers from top to bottom (a node
sits one layer below its lowest predecessor). A *route* is a maximal path through the
graph; its total ECTS counts every credential on it except those that are (directly or through
other parts) parts of a later credential on the same route, because a larger credential's ECTS
already include its parts'. Routes that earn the same credentials are merged, so the three parts
of one larger credential give one route, not three.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..catalogue import Catalogue

__all__ = ["Graph", "Route", "build_graph", "routes"]

MAX_PATHS = 2000


@dataclass
class Graph:
    """Stackability graph of one catalogue: nodes are credential ids."""

    nodes: list[str]
    edges: list[tuple[str, str, str]]  # (from, to, "part_of" | "builds_on")
    succ: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    pred: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in self.nodes:
            self.succ.setdefault(node, [])
            self.pred.setdefault(node, [])
        for a, b, kind in self.edges:
            self.succ[a].append((b, kind))
            self.pred[b].append((a, kind))


@dataclass(frozen=True)
class Route:
    """A route: the credentials that count, in order, each with the parts shown before it."""

    counted: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]  # parts listed before counted[i]


def build_graph(cat: Catalogue) -> Graph:
    """Collect the edges of every credential's ``part_of`` and ``builds_on``."""
    edges: set[tuple[str, str, str]] = set()
    for cid, cred in cat.credentials.items():
        if cred.stackability is None:
            continue
        for whole in cred.stackability.part_of:
            if whole in cat.credentials and whole != cid:
                edges.add((cid, whole, "part_of"))
        for earlier in cred.stackability.builds_on:
            if earlier in cat.credentials and earlier != cid:
                edges.add((earlier, cid, "builds_on"))
    nodes = sorted({n for a, b, _ in edges for n in (a, b)})
    return Graph(nodes, sorted(edges))


def _acyclic(graph: Graph) -> Graph:
    """Drop the edges that close a cycle (DFS back edges), so layering always ends."""
    state: dict[str, int] = {}
    keep: list[tuple[str, str, str]] = []
    for start in graph.nodes:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[tuple[str, str]]]] = [(start, iter(graph.succ[start]))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                state[node] = 2
                stack.pop()
                continue
            child, kind = step
            if state.get(child) == 1:
                continue  # back edge: skip
            keep.append((node, child, kind))
            if not state.get(child):
                state[child] = 1
                stack.append((child, iter(graph.succ[child])))
    return Graph(list(graph.nodes), sorted(set(keep)))


def _components(graph: Graph) -> list[list[str]]:
    seen: set[str] = set()
    out: list[list[str]] = []
    for start in graph.nodes:
        if start in seen:
            continue
        group: list[str] = []
        todo = [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other, _ in graph.succ[node] + graph.pred[node]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        out.append(sorted(group))
    return out


def _layers(graph: Graph, nodes: list[str], title: Mapping[str, str]) -> list[list[str]]:
    depth: dict[str, int] = {}

    def level(node: str) -> int:
        if node not in depth:
            depth[node] = 0  # provisional: the graph is acyclic, this only guards recursion
            preds = [p for p, _ in graph.pred[node]]
            depth[node] = 1 + max((level(p) for p in preds), default=-1)
        return depth[node]

    for node in nodes:
        level(node)
    rows: list[list[str]] = [[] for _ in range(max(depth[n] for n in nodes) + 1)]
    for node in nodes:
        rows[depth[node]].append(node)
    position: dict[str, float] = {}
    for r, row in enumerate(rows):
        if r == 0:
            row.sort(key=lambda n: (title[n].casefold(), n))
        else:

            def bary(n: str) -> float:
                preds = [position[p] for p, _ in graph.pred[n] if p in position]
                return sum(preds) / len(preds) if preds else 0.0

            row.sort(key=lambda n: (bary(n), title[n].casefold(), n))
        for i, node in enumerate(row):
            position[node] = i - (len(row) - 1) / 2
    return rows


def _part_closure(graph: Graph) -> dict[str, set[str]]:
    """For each node, every node that is (through part_of chains) one of its parts."""
    closure: dict[str, set[str]] = {}

    def parts(node: str, trail: frozenset[str]) -> set[str]:
        if node in closure:
            return closure[node]
        found: set[str] = set()
        for child, kind in graph.pred[node]:
            if kind == "part_of" and child not in trail:
                found.add(child)
                found |= parts(child, trail | {child})
        closure[node] = found
        return found

    for node in graph.nodes:
        parts(node, frozenset({node}))
    return closure


def routes(graph: Graph, title: Mapping[str, str]) -> list[Route]:
    """Every route through the graph (maximal paths, merged when they earn the same)."""
    graph = _acyclic(graph)
    closure = _part_closure(graph)
    sources = [n for n in graph.nodes if not graph.pred[n] and graph.succ[n]]
    paths: list[list[str]] = []
    for source in sources:
        stack = [[source]]
        while stack and len(paths) < MAX_PATHS:
            path = stack.pop()
            nexts = sorted(child for child, _ in graph.succ[path[-1]])
            if not nexts:
                paths.append(path)
            for child in reversed(nexts):
                stack.append([*path, child])
    merged: dict[tuple[str, ...], list[list[str]]] = {}
    for path in paths:
        counted = tuple(n for n in path if not any(n in closure[m] for m in path if m != n))
        merged.setdefault(counted, []).append(path)
    out: list[Route] = []
    for counted, group in merged.items():
        parts: list[list[str]] = [[] for _ in counted]
        for path in group:
            slot = 0
            for node in path:
                if slot < len(counted) and node == counted[slot]:
                    slot += 1
                elif slot < len(counted) and node not in parts[slot]:
                    parts[slot].append(node)
        out.append(
            Route(
                counted,
                tuple(tuple(sorted(p, key=lambda n: (title[n].casefold(), n))) for p in parts),
            )
        )
    out.sort(key=lambda r: ([title[n].casefold() for n in reversed(r.counted)], r.counted))
    return out
