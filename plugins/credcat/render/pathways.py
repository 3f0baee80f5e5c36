"""The pathways page: the stackability graph as an accessible SVG, and the same routes as a list.

Pure Python, no JavaScript. Two kinds of edges join credentials:

* ``part_of`` — a smaller credential counts towards a larger one (arrow: part → whole);
* ``builds_on`` — a credential follows another one (arrow: earlier → later).

Each weakly connected group of credentials is drawn as one SVG, in layers from top to bottom
(a node sits one layer below its lowest predecessor). A *route* is a maximal path through the
graph; its total ECTS counts every credential on it except those that are (directly or through
other parts) parts of a later credential on the same route, because a larger credential's ECTS
already include its parts'. Routes that earn the same credentials are merged, so the three parts
of one larger credential give one route, not three.

Accessibility: every SVG has ``<title>`` and ``<desc>`` (``aria-labelledby``) and
``role="group"``, not ``role="img"``: an image role makes its children presentational, so the
node links inside would be focusable yet hidden from assistive technology (axe-core:
``nested-interactive``). Each node is an ordinary link named by its visible text (title, level,
ECTS, status; no ``aria-label``, which would differ from what is seen) with a focus ring. The
list beside the graph holds the same routes and totals as text. Every text is XML-escaped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..graph import acyclic_edges, ancestors, components, depths, stack_edges
from .safe import xml_text

if TYPE_CHECKING:
    from .pages import Pages

__all__ = ["Graph", "Route", "build_graph", "pathways_context", "routes", "svg"]

NODE_W = 236
NODE_H = 70
GAP_X = 28
GAP_Y = 64
MARGIN = 16
LINE_CHARS = 30
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


def build_graph(pages: Pages) -> Graph:
    """Collect the edges of every credential's ``part_of`` and ``builds_on``."""
    edges: list[tuple[str, str, str]] = list(stack_edges(pages.cat.credentials))
    nodes = sorted({n for a, b, _ in edges for n in (a, b)})
    return Graph(nodes, edges)


def _acyclic(graph: Graph) -> Graph:
    """Drop the edges that close a cycle (DFS back edges), so layering always ends."""
    keep = acyclic_edges(graph.nodes, lambda node: graph.succ[node])
    return Graph(list(graph.nodes), sorted(set(keep)))


def _components(graph: Graph) -> list[list[str]]:
    return components(
        graph.nodes, lambda node: [other for other, _ in graph.succ[node] + graph.pred[node]]
    )


def _layers(graph: Graph, nodes: list[str], title: Mapping[str, str]) -> list[list[str]]:
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


def _part_closure(graph: Graph) -> dict[str, frozenset[str]]:
    """For each node, every node that is (through part_of chains) one of its parts."""
    return ancestors(
        graph.nodes, lambda node: [c for c, kind in graph.pred[node] if kind == "part_of"]
    )


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


def _wrap(text: str, lines: int = 2) -> list[str]:
    wrapped = textwrap.wrap(text, LINE_CHARS) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: LINE_CHARS - 1].rstrip() + "…"
    return wrapped


def svg(
    pages: Pages, page: str, graph: Graph, nodes: list[str], number: int, totals: Mapping[str, str]
) -> Markup:
    """One component of the graph as an inline SVG (every text escaped)."""
    cat = pages.cat
    ui = pages.ui
    title = {n: pages.t(cat.credentials[n].title) for n in nodes}
    sub = Graph(nodes, [e for e in graph.edges if e[0] in title and e[1] in title])
    rows = _layers(_acyclic(sub), nodes, title)
    widest = max(len(r) for r in rows)
    width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X
    total_h = 18
    height = MARGIN * 2 + len(rows) * NODE_H + (len(rows) - 1) * GAP_Y + total_h
    box: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        row_w = len(row) * NODE_W + (len(row) - 1) * GAP_X
        x0 = (width - row_w) / 2
        for i, node in enumerate(row):
            box[node] = (x0 + i * (NODE_W + GAP_X), MARGIN + r * (NODE_H + GAP_Y))
    ident = f"credcat-pathways-{number}"
    svg_title = str(ui["pathways_svg_title"]).replace("{n}", str(len(nodes)))
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="credcat-graph" role="group" '
        f'viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{xml_text(svg_title)}</title>',
        f'<desc id="{ident}-desc">{xml_text(str(ui["pathways_svg_desc"]))}</desc>',
        "<defs>"
        f'<marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="credcat-graph__arrowhead"/></marker>'
        "</defs>",
    ]
    for a, b, kind in sub.edges:
        ax, ay = box[a]
        bx, by = box[b]
        x1, y1 = ax + NODE_W / 2, ay + NODE_H
        x2, y2 = bx + NODE_W / 2, by - 2
        mid = (y1 + y2) / 2
        out.append(
            f'<path class="credcat-graph__edge credcat-graph__edge--{kind}" '
            f'd="M{x1:g},{y1:g} C{x1:g},{mid:g} {x2:g},{mid:g} {x2:g},{y2:g}" '
            f'marker-end="url(#{ident}-arrow)"/>'
        )
    for node in nodes:
        cred = cat.credentials[node]
        x, y = box[node]
        href = pages.link(page, pages.urls.credential(node))
        lines = _wrap(title[node])
        meta = f"EQF {cred.eqf}"
        if cred.workload.ects is not None:
            meta += f" · {pages.num(cred.workload.ects)} ECTS"
        if cred.status != "active":
            meta += f" · {ui['status'][cred.status]}"
        out.append(
            f'<a href="{xml_text(href)}" class="credcat-graph__node '
            f'credcat-graph__node--{cred.status}" data-credcat-id="{xml_text(node)}">'
            f'<rect x="{x:g}" y="{y:g}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
        )
        ty = y + 22
        for line in lines:
            out.append(
                f'<text x="{x + 12:g}" y="{ty:g}" class="credcat-graph__title">'
                f"{xml_text(line)}</text>"
            )
            ty += 18
        out.append(
            f'<text x="{x + 12:g}" y="{y + NODE_H - 10:g}" class="credcat-graph__meta">'
            f"{xml_text(meta)}</text></a>"
        )
        if node in totals:
            out.append(
                f'<text x="{x + NODE_W / 2:g}" y="{y + NODE_H + 16:g}" '
                f'text-anchor="middle" class="credcat-graph__total">'
                f"{xml_text(totals[node])}</text>"
            )
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704 - built from escaped parts only


def _ects_total(pages: Pages, ids: Iterable[str]) -> Decimal | None:
    total = Decimal(0)
    for cid in ids:
        ects = pages.cat.credentials[cid].workload.ects
        if ects is None:
            return None
        total += Decimal(str(ects))
    return total


def pathways_context(pages: Pages, page: str) -> dict[str, Any]:
    """Context of the pathways page: ``graphs`` (SVG per group), ``routes``, ``standalone``."""
    cat = pages.cat
    ui = pages.ui
    graph = build_graph(pages)
    title = {cid: pages.t(c.title) for cid, c in cat.credentials.items()}
    all_routes = routes(graph, title)

    route_items: list[dict[str, Any]] = []
    sink_totals: dict[str, list[Decimal]] = {}
    for route in all_routes:
        total = _ects_total(pages, route.counted)
        steps = []
        for parts, cid in zip(route.parts, route.counted, strict=True):
            if parts:
                steps.append(
                    {
                        "parts": [pages.cred_ref(page, p) for p in parts],
                        "whole": pages.cred_ref(page, cid),
                    }
                )
            steps.append({"credential": pages.cred_ref(page, cid)})
        last = route.counted[-1]
        if total is not None:
            sink_totals.setdefault(last, []).append(total)
        route_items.append(
            {
                "heading": str(ui["pathways_towards"]).replace("{title}", title[last]),
                "steps": steps,
                "total": str(ui["pathways_total"]).replace("{ects}", pages.num(total))
                if total is not None
                else str(ui["pathways_ects_unknown"]),
            }
        )

    totals: dict[str, str] = {}
    for sink, values in sink_totals.items():
        low, high = min(values), max(values)
        ects = pages.num(low) if low == high else f"{pages.num(low)}–{pages.num(high)}"
        totals[sink] = str(ui["pathways_sink_total"]).replace("{ects}", ects)

    groups = _components(graph)
    groups.sort(key=lambda g: (min(title[n].casefold() for n in g), g))
    graphs = [
        {"svg": svg(pages, page, graph, group, i + 1, totals), "size": len(group)}
        for i, group in enumerate(groups)
    ]
    linked = set(graph.nodes)
    standalone = sorted(
        (pages.cred_ref(page, cid) for cid in cat.credentials if cid not in linked),
        key=lambda r: (r["text"].casefold(), r["id"]),
    )
    return {
        "intro": ui["pathways_intro"],
        "graphs": graphs,
        "routes": route_items,
        "standalone": standalone,
        "legend": [
            {"kind": "part_of", "label": ui["pathways_legend_part_of"]},
            {"kind": "builds_on", "label": ui["pathways_legend_builds_on"]},
        ],
        "toc": [
            {"id": "graph", "title": str(ui["pathways_graph"])},
            {"id": "routes", "title": str(ui["pathways_list"])},
            {"id": "standalone", "title": str(ui["pathways_standalone"])},
        ],
    }
