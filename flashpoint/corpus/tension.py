"""The tension index: how conflictual a crisis is, period by period, from its incidents.

For each incident dated in a period (its ``date``, else its first report):

    contribution = -intensity * ln(1 + independent reports)

where ``intensity`` is the PLOVER intensity (-10 most conflictual .. +10 most
cooperative) and the independent reports are the distinct documents that saw
it (near-duplicate copies are already one document, so syndication does not
count as confirmation). ``index`` is the sum over the period: conflict raises
it, cooperation lowers it, a much-reported incident weighs more but with
diminishing returns. ``level`` is a running level that decays with a half-life
(``data/tension.yaml``): ``level = previous level * 0.5 ** (days / half_life) + index``.

Periods with no incidents between the first and last one are filled with
zeros, so a plot shows the lulls. ``normalized`` divides the index by the
period's coverage relative to the mean (reports seen this period / mean
reports per period), so twice the articles is not twice the tension;
``drivers`` names the incidents that add most. What it does not do: it does
not weigh outlets by reliability.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from flashpoint.corpus.incidents import iso_day
from flashpoint.datafiles import load_yaml
from flashpoint.errors import UnknownComponent
from flashpoint.models import Incident

PLOT_FORMATS = (".png", ".svg")

Freq = Literal["day", "week"]


@dataclass(frozen=True, slots=True)
class TensionParams:
    half_life_days: float
    count_modalities: frozenset[str]


@cache
def params() -> TensionParams:
    data: dict[str, Any] = load_yaml("tension.yaml")
    return TensionParams(
        half_life_days=float(data.get("half_life_days", 7)),
        count_modalities=frozenset(data.get("count_modalities", ["asserted"])),
    )


@dataclass(frozen=True, slots=True)
class TensionPoint:
    """One period of the index: its first day, the index, the running level and the counts."""

    period: dt.date
    index: float
    level: float
    incidents: int
    conflict: int
    cooperation: int
    # The index per unit of coverage: index / (reports this period / mean reports per period),
    # so a week with twice the articles is not twice as tense.
    normalized: float = 0.0
    reports: int = 0  # distinct documents first reporting this period's incidents
    drivers: tuple[str, ...] = ()  # ids of the incidents that contribute most, largest first


def incident_day(incident: Incident) -> dt.date | None:
    """The day an incident counts on: its own date, else its first report."""
    return iso_day(incident.date or incident.first_reported)


def contribution(incident: Incident) -> float:
    reports = len({s.document for s in incident.sightings}) or 1
    return -incident.intensity * math.log1p(reports)


def period_start(day: dt.date, freq: Freq) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if freq == "week" else day


def index_points(incidents: Iterable[Incident], freq: Freq = "day") -> list[TensionPoint]:
    """The index over the given incidents (no filtering: see ``timeline.tension_index``)."""
    p = params()
    step = 7 if freq == "week" else 1
    totals: dict[dt.date, float] = {}
    counts: dict[dt.date, tuple[int, int, int]] = {}
    docs: dict[dt.date, set[str]] = {}
    parts: dict[dt.date, list[tuple[float, str]]] = {}
    for inc in incidents:
        day = incident_day(inc)
        if day is None or inc.modality not in p.count_modalities:
            continue
        start = period_start(day, freq)
        value = contribution(inc)
        totals[start] = totals.get(start, 0.0) + value
        parts.setdefault(start, []).append((value, inc.id))
        docs.setdefault(start, set()).update(s.document for s in inc.sightings)
        n, conflict, coop = counts.get(start, (0, 0, 0))
        counts[start] = (
            n + 1,
            conflict + inc.quad.endswith("conflict"),
            coop + inc.quad.endswith("cooperation"),
        )
    if not totals:
        return []
    mean_docs = sum(len(v) for v in docs.values()) / len(docs)
    decay = 0.5 ** (step / p.half_life_days)
    points: list[TensionPoint] = []
    level = 0.0
    period, last = min(totals), max(totals)
    while period <= last:
        value = totals.get(period, 0.0)
        level = level * decay + value
        n, conflict, coop = counts.get(period, (0, 0, 0))
        seen = len(docs.get(period, ()))
        normalized = value / (seen / mean_docs) if seen else 0.0
        drivers = tuple(
            i for v, i in sorted(parts.get(period, []), key=lambda x: (-x[0], x[1]))[:3] if v > 0
        )
        points.append(
            TensionPoint(
                period,
                round(value, 3),
                round(level, 3),
                n,
                conflict,
                coop,
                round(normalized, 3),
                seen,
                drivers,
            )
        )
        period += dt.timedelta(days=step)
    return points


def format_table(points: list[TensionPoint]) -> str:
    """A fixed-width text table, one row per period."""
    head = (
        f"{'period':<10}  {'index':>9}  {'level':>9}  {'incidents':>9}  {'conflict':>8}"
        f"  {'coop':>5}"
    )
    rows = [head, "-" * len(head)]
    for pt in points:
        rows.append(
            f"{pt.period.isoformat():<10}  {pt.index:>9.2f}  {pt.level:>9.2f}  "
            f"{pt.incidents:>9d}  {pt.conflict:>8d}  {pt.cooperation:>5d}"
        )
    return "\n".join(rows)


def plot_tension(points: list[TensionPoint], path: str | Path, *, title: str | None = None) -> Path:
    """Draw the index and running level to PNG or SVG (by extension); markers grow with counts."""
    path = Path(path)
    if path.suffix.lower() not in PLOT_FORMATS:
        raise UnknownComponent(kind="plot format", name=path.suffix, known=", ".join(PLOT_FORMATS))
    import matplotlib

    matplotlib.use("Agg")  # no display: plots are files
    import matplotlib.pyplot as plt
    from matplotlib.dates import date2num

    fig, ax = plt.subplots(figsize=(10, 4.5))
    try:
        days = [date2num(pt.period) for pt in points]
        ax.plot(days, [pt.index for pt in points], color="#b2182b", lw=1.2, label="tension index")
        ax.plot(days, [pt.level for pt in points], color="#444", lw=1, ls="--", label="level")
        busy = [pt for pt in points if pt.incidents]
        ax.scatter(
            [date2num(pt.period) for pt in busy],
            [pt.index for pt in busy],
            s=[18 + 14 * pt.incidents for pt in busy],
            color="#b2182b",
            alpha=0.6,
            label="incidents (marker size = count)",
        )
        for pt in busy:
            ax.annotate(
                str(pt.incidents),
                (date2num(pt.period), pt.index),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
        ax.xaxis_date()
        ax.axhline(0, color="#999999", lw=0.6)
        ax.set_title(title or "Tension index")
        ax.set_xlabel("period start")
        ax.set_ylabel("tension (conflict > 0 > cooperation)")
        ax.legend(loc="upper left", fontsize=8)
        fig.autofmt_xdate()
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path
