"""The timeline: the claims of one measure on a time axis by the dates they refer to.

Colour tells the kind (actual, target, forecast), the marker tells the speaker, a vertical bar
spans a range of values, an arrow points away from a bound ("at least 40"), and a horizontal
bar spans a date that is a period (a month, a week). Records that report the same figure in
several documents are joined by a dotted line; records in a conflict get a red ring
(:mod:`claimex.link`). HTML comes from plotly with its JavaScript inlined (offline, hover shows
value, speaker, date and sentence); PNG and SVG come from matplotlib.

This module reads records only, never the parse.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from .link import link, measure_key

KIND_COLOURS = {"actual": "#2f6fd0", "target": "#d98200", "forecast": "#3a8a2a"}
#: Plotly marker symbols and their matplotlib equivalents, one per speaker (most frequent first).
SYMBOLS = [("circle", "o"), ("square", "s"), ("diamond", "D"), ("triangle-up", "^"), ("x", "X"),
           ("star", "*"), ("triangle-down", "v"), ("pentagon", "p"), ("hexagon", "h"), ("cross", "P"),
           ("triangle-left", "<"), ("triangle-right", ">")]
OTHER_SYMBOL = ("circle-open", "$\u25cb$")
NO_SPEAKER = "(no speaker)"
#: Length of a bound's arrow, as a share of the value axis.
ARROW = 0.12


class TimelineError(ValueError):
    """Nothing to draw (no records match), or an unknown output format."""


@dataclass
class Point:
    """One record as drawn."""

    rec: dict
    start: dt.date
    end: dt.date
    y: float
    low: Optional[float]
    high: Optional[float]
    bound: Optional[str]  # "low" (at least) or "high" (at most)
    kind: str
    speaker: str

    @property
    def x(self) -> dt.datetime:
        """The middle of the period the date covers (noon for a single day)."""
        return dt.datetime.combine(self.start, dt.time()) + (self.end - self.start + dt.timedelta(days=1)) / 2


def _date(s: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _point(rec: dict) -> Optional[Point]:
    d = rec.get("date") or {}
    start = _date(d.get("start")) or _date(rec.get("published"))
    end = _date(d.get("end")) or start
    q = rec.get("quantity") or {}
    low, high, value, approx = q.get("low"), q.get("high"), q.get("value"), q.get("approx") or "exact"
    if start is None:
        return None
    bound = "low" if approx in ("at_least", "more_than") else "high" if approx in ("at_most", "less_than") else None
    if bound == "low" and low is not None:
        y = low
    elif bound == "high" and high is not None:
        y = high
    elif value is not None:
        y = value
    elif low is not None and high is not None:
        y = (low + high) / 2
    else:
        return None
    ranged = bound is None and low is not None and high is not None
    sp = (rec.get("speaker") or {}).get("name") or NO_SPEAKER
    return Point(rec, start, max(end, start), float(y), low if ranged else None, high if ranged else None,
                 bound, rec.get("kind") or "actual", sp)


def select(records: Iterable[dict], *, category: Optional[str] = None, measure: Optional[str] = None,
           rate: Optional[str] = None, speaker: Optional[str] = None) -> tuple[list[Point], str]:
    """The records to draw and a title. With no category or measure, the most frequent one.

    ``measure`` matches the record's measure or its last word ("arrests" ~ "border arrests");
    ``speaker`` matches any part of the speaker's name, case-insensitively.
    """
    recs = [r for r in records if (r.get("quantity") or {}).get("change") is None]
    if rate is not None:
        recs = [r for r in recs if (r.get("rate") or "") == ("" if rate in ("none", "") else rate)]
    if speaker:
        recs = [r for r in recs if speaker.lower() in ((r.get("speaker") or {}).get("name") or "").lower()]
    if category:
        recs = [r for r in recs if (r.get("category") or "").lower() == category.lower()]
    if measure:
        m = measure.lower()
        recs = [r for r in recs if (r.get("measure") or "").lower() == m
                or (r.get("measure") or "").lower().split()[-1:] == m.split()[-1:]]
    if not category and not measure:
        # a category (a curated measure such as "arrests") before a bare noun such as "year"
        cats = Counter(r.get("category") for r in recs if r.get("category"))
        keys = cats or Counter(k[0] for k in (measure_key(r) for r in recs) if k)
        if not keys:
            raise TimelineError("no records with a measure to draw")
        top = keys.most_common(1)[0][0]
        recs = [r for r in recs if (measure_key(r) or (None,))[0] == top]
        category = top
    if rate is None:
        # one axis, one rate: "75 a day" and "1,500 a week" are not on the same scale
        rates = Counter(r.get("rate") for r in recs)
        if len(rates) > 1:
            rate = rates.most_common(1)[0][0]
            recs = [r for r in recs if r.get("rate") == rate]
    points = [p for p in (_point(r) for r in recs) if p is not None]
    if not points:
        raise TimelineError("no records match the filters")
    points.sort(key=lambda p: (p.start, p.y))
    rates = {p.rec.get("rate") for p in points}
    rate = rates.pop() if len(rates) == 1 else None
    title = " · ".join(x for x in (category or measure, f"per {rate}" if rate else None,
                                    speaker and f"speaker ~ {speaker}") if x)
    return points, title


def _symbols(points: list[Point]) -> dict[str, tuple[str, str]]:
    order = [s for s, _ in Counter(p.speaker for p in points).most_common()]
    return {s: (SYMBOLS[i] if i < len(SYMBOLS) else OTHER_SYMBOL) for i, s in enumerate(order)}


def _links(points: list[Point]) -> tuple[list[list[int]], set[int]]:
    """Groups (as point indices) and the points in a conflict."""
    index = {p.rec.get("claim_id"): i for i, p in enumerate(points)}
    result = link([p.rec for p in points])
    groups = [[index[c] for c in g["claim_ids"] if c in index] for g in result["groups"]]
    members = {g["id"]: g["claim_ids"] for g in result["groups"]}
    conflicted = set()
    for c in result["conflicts"]:
        for side in c["sides"]:
            conflicted.update(index[cid] for cid in members.get(side["group"]) or [side["claim_id"]] if cid in index)
    return groups, conflicted


def _hover(p: Point) -> str:
    q = p.rec.get("quantity") or {}
    d = p.rec.get("date") or {}
    when = d.get("start") if d.get("start") == d.get("end") else f"{d.get('start')} – {d.get('end')}"
    sent = " ".join(((p.rec.get("sentence") or {}).get("text") or "").split())
    sent = "<br>".join(textwrap.wrap(sent[:400], 80))
    esc = lambda s: str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (f"<b>{esc(q.get('text'))}</b> {esc(p.rec.get('measure') or '')} · {esc(p.kind)}<br>"
            f"speaker: {esc(p.speaker)}<br>date: {esc(when)}<br>{esc(p.rec.get('doc_id'))}<br>"
            + esc(sent).replace("&lt;br&gt;", "<br>"))


def plotly_figure(points: list[Point], title: str):
    """The chart as a plotly Figure."""
    import plotly.graph_objects as go

    symbols = _symbols(points)
    groups, conflicted = _links(points)
    fig = go.Figure()
    arrows: list[dict] = []  # bounds: "at least 40" points up
    for g in groups:  # the same figure in several documents
        xs = [points[i].x for i in g]
        fig.add_trace(go.Scatter(x=xs, y=[points[i].y for i in g], mode="lines", line=dict(color="#888", dash="dot"),
                                 hoverinfo="skip", showlegend=False, legendgroup="same"))
    for kind, colour in KIND_COLOURS.items():
        ps = [p for p in points if p.kind == kind]
        if not ps:
            continue
        lx, ly = [], []
        for p in ps:  # a date that is a period
            if p.end > p.start:
                lx += [p.start, p.end + dt.timedelta(days=1), None]
                ly += [p.y, p.y, None]
        if lx:
            fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=colour, width=3), opacity=0.35,
                                     hoverinfo="skip", showlegend=False, legendgroup=kind))
        fig.add_trace(go.Scatter(
            x=[p.x for p in ps], y=[p.y for p in ps], mode="markers", name=kind, legendgroup=kind,
            marker=dict(color=colour, size=11, symbol=[symbols[p.speaker][0] for p in ps],
                        line=dict(color="white", width=1)),
            error_y=dict(type="data", symmetric=False, color=colour, thickness=2,
                         array=[(p.high - p.y) if p.high is not None else 0 for p in ps],
                         arrayminus=[(p.y - p.low) if p.low is not None else 0 for p in ps]),
            hovertemplate="%{customdata}<extra></extra>", customdata=[_hover(p) for p in ps]))
        arrows += [dict(x=p.x, y=_arrow_tip(p, points), ax=p.x, ay=p.y,
                        xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=2, arrowwidth=2,
                        arrowcolor=colour, text="") for p in ps if p.bound]
    if conflicted:
        cs = [points[i] for i in sorted(conflicted)]
        fig.add_trace(go.Scatter(x=[p.x for p in cs], y=[p.y for p in cs], mode="markers", name="conflict",
                                 marker=dict(size=20, color="rgba(0,0,0,0)", line=dict(color="#c62828", width=2)),
                                 hoverinfo="skip"))
    if groups:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="same figure",
                                 line=dict(color="#888", dash="dot"), legendgroup="same"))
    for sp, (sym, _) in list(symbols.items())[: len(SYMBOLS) + 1]:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=sp if sym != OTHER_SYMBOL[0] else "other speakers",
                                 marker=dict(symbol=sym, color="#555", size=10), legendgroup="speakers",
                                 legendgrouptitle_text="speaker"))
    fig.update_layout(annotations=arrows, title=title, template="plotly_white", hovermode="closest", height=560,
                      xaxis_title="date the claim refers to", yaxis_title=_unit_label(points),
                      yaxis_type="log" if _log_scale(points) else "linear",
                      legend=dict(groupclick="toggleitem"), margin=dict(l=60, r=20, t=50, b=50))
    return fig


def _arrow_tip(p: Point, points: list[Point]) -> float:
    """Where a bound's arrow ends: ARROW of the value axis above (at least) or below (at most)."""
    ys = [q.y for q in points]
    up = p.bound == "low"
    if _log_scale(points):
        factor = (max(ys) / min(ys)) ** ARROW
        return p.y * factor if up else p.y / factor
    span = (max(ys) - min(ys)) or abs(max(ys)) or 1.0
    return p.y + (ARROW if up else -ARROW) * span


def _log_scale(points: list[Point]) -> bool:
    """Values over more than three orders of magnitude (all positive) read better on a log axis."""
    ys = [p.y for p in points]
    return min(ys) > 0 and max(ys) / min(ys) > 1000


def _unit_label(points: list[Point]) -> str:
    units = Counter((p.rec.get("quantity") or {}).get("unit") for p in points).most_common(1)[0][0]
    measures = Counter(p.rec.get("measure") for p in points).most_common(1)[0][0]
    return " ".join(x for x in (measures, f"({units})" if units else None) if x) or "value"


def matplotlib_figure(points: list[Point], title: str):
    """The same chart as a matplotlib Figure (for PNG and SVG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    symbols = _symbols(points)
    groups, conflicted = _links(points)
    fig, ax = plt.subplots(figsize=(10, 5.2), dpi=100)
    for g in groups:
        ax.plot([points[i].x for i in g], [points[i].y for i in g], ls=":", color="#888", zorder=1)
    # one artist per kind and speaker, not per point: a thousand points draw in a second
    for kind, colour in KIND_COLOURS.items():
        ps = [p for p in points if p.kind == kind]
        spans = [p for p in ps if p.end > p.start]
        if spans:
            ax.hlines([p.y for p in spans], [p.start for p in spans],
                      [p.end + dt.timedelta(days=1) for p in spans], color=colour, lw=3, alpha=0.35, zorder=1)
        ranged = [p for p in ps if p.low is not None and p.high is not None]
        if ranged:
            ax.vlines([p.x for p in ranged], [p.low for p in ranged], [p.high for p in ranged], color=colour,
                      lw=2, zorder=2)
        for p in ps:
            if p.bound:
                ax.annotate("", xy=(p.x, _arrow_tip(p, points)), xytext=(p.x, p.y),
                            arrowprops=dict(arrowstyle="->", color=colour, lw=2))
        for marker in dict.fromkeys(m for _, m in symbols.values()):
            mine = [p for p in ps if symbols[p.speaker][1] == marker]
            if mine:
                ax.scatter([p.x for p in mine], [p.y for p in mine], marker=marker, color=colour, s=60, zorder=3,
                           edgecolors="white")
    if conflicted:
        ax.scatter([points[i].x for i in conflicted], [points[i].y for i in conflicted], marker="o", s=260,
                   facecolors="none", edgecolors="#c62828", lw=1.5, zorder=4)
    handles = [Line2D([], [], ls="", marker="o", color=c, label=k) for k, c in KIND_COLOURS.items()
               if any(p.kind == k for p in points)]
    handles += [Line2D([], [], ls="", marker=m, color="#555", label=sp)
                for sp, (_, m) in list(symbols.items())[: len(SYMBOLS)]]
    if groups:
        handles.append(Line2D([], [], ls=":", color="#888", label="same figure"))
    if conflicted:
        handles.append(Line2D([], [], ls="", marker="o", markerfacecolor="none", markeredgecolor="#c62828",
                              markersize=12, label="conflict"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title(title)
    ax.set_xlabel("date the claim refers to")
    ax.set_ylabel(_unit_label(points))
    if _log_scale(points):
        ax.set_yscale("log")
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def write(records: Iterable[dict], out: str, **filters: Optional[str]) -> tuple[int, str]:
    """Draw the selected records to ``out`` (.html, .png or .svg); returns (points, title)."""
    ext = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if ext not in ("html", "htm", "png", "svg"):
        raise TimelineError(f"cannot tell the chart format from {out!r}: use .html, .png or .svg")
    points, title = select(records, **filters)
    if ext in ("html", "htm"):
        plotly_figure(points, title).write_html(out, include_plotlyjs=True, full_html=True,
                                                config={"displaylogo": False})
    else:
        import matplotlib.pyplot as plt

        fig = matplotlib_figure(points, title)
        fig.savefig(out, format=ext)
        plt.close(fig)
    return len(points), title
