"""The pathways page: the stackability graph drawn per group, and the same routes as a list.

Owns the layout of the graph (node boxes, edge curves, wrapped titles) as plain numbers and
texts in the context; the SVG markup itself is the template ``credcat/graph.html``, which
escapes every text. The graph and its routes come from :mod:`credcat.render.pathways`.

Accessibility (in the template): every SVG has ``<title>`` and ``<desc>``
(``aria-labelledby``) and ``role="group"``, not ``role="img"``: an image role makes its
children presentational, so the node links inside would be focusable yet hidden from assistive
technology (axe-core: ``nested-interactive``). Each node is an ordinary link named by its
visible text (title, level, ECTS or else hours, status; no ``aria-label``, which would differ
from what is seen) with a focus ring. The list beside the graph holds the same routes and
totals as text: in ECTS where every credential of a route states them, else in hours where
every one states hours (a vocational school's catalogue).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ..language import lang_of
from ..pathways import Graph, acyclic, build_graph, connected_groups, layers, routes
from .common import Site
from .context import Graph as GraphContext
from .context import GraphEdge, GraphNode, Line, PathwaysContext, Route, RouteStep
from .localise import rich

__all__ = ["pathways_context"]

NODE_W = 236
NODE_H = 70
GAP_X = 28
GAP_Y = 64
MARGIN = 16
LINE_CHARS = 30
TOTAL_H = 18
MAX_LISTED_ROUTES = 100
"""The list beside the graph shows at most this many routes, then "Routes not listed here: N"
(the graph itself draws every credential and link once, so it grows with the catalogue)."""


def _wrap(text: str, lines: int = 2) -> list[str]:
    wrapped = textwrap.wrap(text, LINE_CHARS) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: LINE_CHARS - 1].rstrip() + "…"
    return wrapped


def _num(value: float) -> str:
    """A coordinate as SVG text (``%g``: ``16``, ``142.5``)."""
    return f"{value:g}"


def _drawing(
    site: Site, page: str, graph: Graph, nodes: list[str], number: int, totals: Mapping[str, str]
) -> GraphContext:
    """The layout of one group of the graph: boxes, curves and texts for ``credcat/graph.html``."""
    cat = site.cat
    loc = site.loc
    ui = loc.ui
    title = {n: loc.text(cat.briefs[n].title) for n in nodes}
    sub = Graph(nodes, [e for e in graph.edges if e[0] in title and e[1] in title])
    rows = layers(acyclic(sub), nodes, title)
    widest = max(len(r) for r in rows)
    width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X
    height = MARGIN * 2 + len(rows) * NODE_H + (len(rows) - 1) * GAP_Y + TOTAL_H
    box: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        row_w = len(row) * NODE_W + (len(row) - 1) * GAP_X
        x0 = (width - row_w) / 2
        for i, node in enumerate(row):
            box[node] = (x0 + i * (NODE_W + GAP_X), MARGIN + r * (NODE_H + GAP_Y))
    edges: list[GraphEdge] = []
    for a, b, kind in sub.edges:
        ax, ay = box[a]
        bx, by = box[b]
        x1, y1 = ax + NODE_W / 2, ay + NODE_H
        x2, y2 = bx + NODE_W / 2, by - 2
        mid = (y1 + y2) / 2
        edges.append(
            {
                "kind": kind,
                "d": f"M{x1:g},{y1:g} C{x1:g},{mid:g} {x2:g},{mid:g} {x2:g},{y2:g}",
            }
        )
    drawn: list[GraphNode] = []
    for node in nodes:
        cred = cat.briefs[node]
        x, y = box[node]
        meta = loc.ui_text("card_level", level=cred.eqf)
        if cred.ects is not None:
            meta += f" · {loc.number(cred.ects)} ECTS"
        elif cred.hours is not None:  # hours alone (a vocational school's)
            meta += f" · {loc.ui_text('card_hours', hours=cred.hours)}"
        if cred.status != "active":
            meta += f" · {ui['status'][cred.status]}"
        lines: list[Line] = [
            {"x": _num(x + 12), "y": _num(y + 22 + 18 * i), "text": line}
            for i, line in enumerate(_wrap(title[node]))
        ]
        total: Line | None = None
        if node in totals:
            total = {"x": _num(x + NODE_W / 2), "y": _num(y + NODE_H + 16), "text": totals[node]}
        drawn.append(
            {
                "id": node,
                "status": cred.status,
                "href": site.link(page, site.urls.credential(node)),
                "x": _num(x),
                "y": _num(y),
                "lines": lines,
                "lang": lang_of(title[node]),
                "meta": {"x": _num(x + 12), "y": _num(y + NODE_H - 10), "text": meta},
                "total": total,
            }
        )
    return {
        "ident": f"credcat-pathways-{number}",
        "width": _num(width),
        "height": _num(height),
        "title": loc.ui_text("pathways_svg_title", n=len(nodes)),
        "desc": str(ui["pathways_svg_desc"]),
        "node_width": str(NODE_W),
        "node_height": str(NODE_H),
        "edges": edges,
        "nodes": drawn,
        "size": len(nodes),
    }


def _workload_total(site: Site, ids: Iterable[str]) -> tuple[str, Decimal] | None:
    """The workload of a route: ``("ects", total)`` where every credential of it states
    ECTS credits, else ``("hours", total)`` where every one states hours (a vocational
    school's credentials state hours alone); ``None`` where neither is stated by all."""
    briefs = [site.cat.briefs[cid] for cid in ids]
    if all(brief.ects is not None for brief in briefs):
        return "ects", sum((Decimal(str(brief.ects)) for brief in briefs), Decimal(0))
    if all(brief.hours is not None for brief in briefs):
        return "hours", sum((Decimal(brief.hours or 0) for brief in briefs), Decimal(0))
    return None


def _total_text(site: Site, key: str, unit: str, low: Decimal, high: Decimal) -> str:
    """``pathways_total`` or ``pathways_sink_total`` (``key``) in ``unit``: ``12 ECTS in
    total``, ``Pathway total: 80–200 hours of learning``."""
    loc = site.loc
    amount = loc.number(low) if low == high else f"{loc.number(low)}–{loc.number(high)}"
    if unit == "hours":
        return loc.ui_text(f"{key}_hours", hours=amount)
    return loc.ui_text(key, ects=amount)


def pathways_context(site: Site) -> PathwaysContext:
    """Context of the pathways page: ``graphs`` (one drawing per group), ``routes``,
    ``standalone``."""
    cat = site.cat
    loc = site.loc
    ui = loc.ui
    page = site.urls.pathways_page()
    graph = build_graph(cat)
    title = {cid: loc.text(c.title) for cid, c in cat.briefs.items()}

    route_items: list[Route] = []
    sink_totals: dict[str, list[tuple[str, Decimal]]] = {}
    found = routes(graph, title)
    for route in found:
        total = _workload_total(site, route.counted)
        steps: list[RouteStep] = []
        for parts, cid in zip(route.parts, route.counted, strict=True):
            if len(route_items) >= MAX_LISTED_ROUTES:
                break
            if parts:
                steps.append(
                    {
                        "parts": [site.cred_ref(page, p) for p in parts],
                        "whole": site.cred_ref(page, cid),
                        "credential": None,
                    }
                )
            steps.append({"parts": [], "whole": None, "credential": site.cred_ref(page, cid)})
        last = route.counted[-1]
        if total is not None:
            sink_totals.setdefault(last, []).append(total)
        if len(route_items) >= MAX_LISTED_ROUTES:
            continue
        route_items.append(
            {
                "heading": rich(
                    str(ui["pathways_towards"]),
                    {"title": {"text": title[last], "href": "", "rel": ""}},
                ),
                "steps": steps,
                "total": _total_text(site, "pathways_total", total[0], total[1], total[1])
                if total is not None
                else str(ui["pathways_ects_unknown"]),
            }
        )

    unlisted = len(found) - len(route_items)
    more = ""
    if not found.complete:
        more = loc.ui_text("pathways_more_uncounted", n=loc.number(unlisted))
    elif unlisted:
        more = loc.ui_text("pathways_more", n=loc.number(unlisted))

    totals: dict[str, str] = {}
    for sink, values in sink_totals.items():
        units = {unit for unit, _ in values}
        if len(units) > 1:  # routes in ECTS and in hours: no one total to give
            continue
        amounts = [amount for _, amount in values]
        totals[sink] = _total_text(
            site, "pathways_sink_total", units.pop(), min(amounts), max(amounts)
        )

    groups = connected_groups(graph)
    groups.sort(key=lambda g: (min(title[n].casefold() for n in g), g))
    linked = set(graph.nodes)
    standalone = sorted(
        (site.cred_ref(page, cid) for cid in cat.credentials if cid not in linked),
        key=lambda r: (r["text"].casefold(), r["id"]),
    )
    ctx: PathwaysContext = {
        **site.base("pathways", page, str(ui["pathways_title"])),
        # a catalogue whose credentials state hours alone (a vocational school's) counts hours
        "intro": str(
            ui[
                "pathways_intro"
                if any(brief.ects is not None for brief in cat.briefs.values()) or not cat.briefs
                else "pathways_intro_hours"
            ]
        ),
        "graphs": [
            _drawing(site, page, graph, group, i + 1, totals) for i, group in enumerate(groups)
        ],
        "routes": route_items,
        "more_routes": more,
        "standalone": standalone,
        "legend": [
            {"kind": "part_of", "label": str(ui["pathways_legend_part_of"])},
            {"kind": "builds_on", "label": str(ui["pathways_legend_builds_on"])},
        ],
    }
    ctx["toc"] = (
        [
            {"id": "graph", "title": str(ui["pathways_graph"])},
            {"id": "routes", "title": str(ui["pathways_list"])},
        ]
        if ctx["graphs"] or ctx["routes"]
        else []  # nothing stacks: the page says so once, without these sections
    )
    if standalone:  # the section is shown only when a credential stands alone
        ctx["toc"].append({"id": "standalone", "title": str(ui["pathways_standalone"])})
    return ctx
