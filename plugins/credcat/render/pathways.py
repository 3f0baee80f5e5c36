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

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..catalogue import Catalogue
from ..graph import acyclic_edges, ancestors, components, depths, stack_edges

__all__ = [
    "Graph",
    "Route",
    "Routes",
    "acyclic",
    "build_graph",
    "connected_groups",
    "layers",
    "routes",
]

MAX_PATHS = 2000
"""At most this many maximal paths are followed (a graph of two-wide "diamond" layers has
2**layers of them)."""
MAX_PATH_STEPS = 20_000
"""The walk stops once the paths followed hold this many credentials in all, so that a long
chain with many branches costs bounded work too."""


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


class Routes(list[Route]):
    """The routes found; ``complete`` is False when the walk stopped at :data:`MAX_PATHS` or
    :data:`MAX_PATH_STEPS` (there are more routes than these)."""

    complete: bool = True


def build_graph(cat: Catalogue) -> Graph:
    """Collect the edges of every credential's ``part_of`` and ``builds_on``."""
    edges: list[tuple[str, str, str]] = list(stack_edges(cat.briefs))
    nodes = sorted({n for a, b, _ in edges for n in (a, b)})
    return Graph(nodes, edges)


def acyclic(graph: Graph) -> Graph:
    """Drop the edges that close a cycle (DFS back edges), so layering always ends."""
    keep = acyclic_edges(graph.nodes, lambda node: graph.succ[node])
    return Graph(list(graph.nodes), sorted(set(keep)))


def connected_groups(graph: Graph) -> list[list[str]]:
    return components(
        graph.nodes, lambda node: [other for other, _ in graph.succ[node] + graph.pred[node]]
    )


def layers(graph: Graph, nodes: list[str], title: Mapping[str, str]) -> list[list[str]]:
    depth = depths(nodes, lambda node: [p for p, _ in graph.pred[node]])
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


def part_closure(graph: Graph) -> dict[str, frozenset[str]]:
    """For each node, every node that is (through part_of chains) one of its parts."""
    return ancestors(
        graph.nodes, lambda node: [c for c, kind in graph.pred[node] if kind == "part_of"]
    )


def routes(graph: Graph, title: Mapping[str, str]) -> Routes:
    """The routes through the graph (maximal paths, merged when they earn the same), at most
    :data:`MAX_PATHS` paths of :data:`MAX_PATH_STEPS` credentials in all."""
    graph = acyclic(graph)
    closure = part_closure(graph)
    wholes: dict[str, set[str]] = {n: set() for n in graph.nodes}
    for whole, parts_of in closure.items():
        for part in parts_of:
            if part != whole:
                wholes[part].add(whole)
    sources = [n for n in graph.nodes if not graph.pred[n] and graph.succ[n]]
    paths: list[list[str]] = []
    steps = 0
    complete = True
    for source in sources:
        stack = [[source]]
        while stack:
            if len(paths) >= MAX_PATHS or steps >= MAX_PATH_STEPS:
                complete = False
                break
            path = stack.pop()
            nexts = sorted(child for child, _ in graph.succ[path[-1]])
            if not nexts:
                paths.append(path)
                steps += len(path)
            for child in reversed(nexts):
                stack.append([*path, child])
        if not complete:
            break
    merged: dict[tuple[str, ...], list[list[str]]] = {}
    for path in paths:
        on_path = set(path)
        counted = tuple(n for n in path if wholes[n].isdisjoint(on_path))
        merged.setdefault(counted, []).append(path)
    out = Routes()
    out.complete = complete
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
