"""Timelines: the incidents of one actor, dyad or country, in order, and their tension index.

Actors are matched on the labels incidents carry (``"Nicolás Maduro (VEN/GOV)"``,
see :func:`flashpoint.corpus.incidents.label`):

- ``actor``: a case-insensitive substring of a source or target label
  (``"maduro"``), or, when written as three capital letters, an ISO code
  matched against the labels' country codes only (``"VEN"``);
- ``dyad``: ``("USA", "VEN")``, each an ISO code or a name substring, matched in
  either direction: USA as source and VEN as target, or the reverse.
  :func:`parse_dyad` reads the ``"USA:VEN"`` form;
- ``country``: the incident's place is in that country, or one of its actors is,
  or its main articles' leads name a place there;
- ``since``/``until``: the incident's date range overlaps the interval (an
  undated incident counts on its first report; one with neither is dropped).

The index formula is in :mod:`flashpoint.corpus.tension` and docs/incidents.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from flashpoint.corpus.incidents import iso_day, label_code
from flashpoint.corpus.tension import (
    Freq,
    TensionPoint,
    format_table,
    incident_day,
    index_points,
    params,
    period_start,
    plot_tension,
)
from flashpoint.models import Event, Incident, Report

__all__ = [
    "DayEntry",
    "TensionPoint",
    "day_scores",
    "distinct_labels",
    "format_table",
    "format_timeline",
    "format_top_dates",
    "incident_countries",
    "pad_points",
    "parse_dyad",
    "plot_tension",
    "plural",
    "select",
    "tension_index",
    "top_dates",
    "who_line",
]


def parse_dyad(text: str) -> tuple[str, str]:
    """``"USA:VEN"`` -> ``("USA", "VEN")``."""
    left, sep, right = text.partition(":")
    if not sep or not left.strip() or not right.strip():
        from flashpoint.errors import FlashpointError

        raise FlashpointError(f"a dyad is written A:B (e.g. USA:VEN), not '{text}'")
    return left.strip(), right.strip()


def distinct_labels(labels: Iterable[str], limit: int | None = None) -> list[str]:
    """Actor labels with one per name: ``"Rustam Saidov"`` and ``"Rustam Saidov (TJK/GOV)"``
    are the same person told twice, so only the coded one is kept (in the first one's place).
    """
    out: dict[str, str] = {}
    for text in labels:
        code = label_code(text)
        name = (text[: text.rindex(" (")] if code else text).casefold()
        if name not in out or (code and not label_code(out[name])):
            out[name] = text
    kept = list(out.values())
    return kept if limit is None else kept[:limit]


def who_line(inc: Incident, *, arrow: str = " -> ", unknown: str = "?", limit: int = 2) -> str:
    """``"A, B -> C"``: at most ``limit`` distinct source and target labels."""
    src = ", ".join(distinct_labels(inc.source_actors, limit)) or unknown
    return f"{src}{arrow}{', '.join(distinct_labels(inc.target_actors, limit)) or unknown}"


def _is_code(query: str) -> bool:
    return len(query) == 3 and query.isalpha() and query.isupper()


def _matches(labels: list[str], query: str) -> bool:
    if _is_code(query):
        # "OSS" must not match "President Alder Voss": a code is never a name substring.
        return any((label_code(t) or "").split("/")[0] == query for t in labels)
    q = query.casefold()
    return any(q in t.casefold() for t in labels)


def incident_countries(incident: Incident) -> set[str]:
    """ISO codes of the incident's place, its actors' labels and the places its leads name."""
    found = {incident.country} if incident.country else set()
    found.update(incident.countries)  # the places its main articles' leads name
    for text in (*incident.source_actors, *incident.target_actors):
        code = label_code(text)
        if code:
            found.add(code.split("/")[0])
    return found


def _span(incident: Incident) -> tuple[dt.date, dt.date] | None:
    start = incident_day(incident)
    if start is None:
        return None
    end = start
    if incident.date_end:
        with contextlib.suppress(ValueError):
            end = max(start, dt.date.fromisoformat(incident.date_end[:10]))
    return start, end


def select(
    incidents: Iterable[Incident],
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Incident]:
    """The incidents that pass every given filter, in chronological order."""
    chosen: list[tuple[dt.date, str, Incident]] = []
    for inc in incidents:
        span = _span(inc)
        if (since or until) and span is None:
            continue
        if span and ((since and span[1] < since) or (until and span[0] > until)):
            continue
        if actor and not _matches([*inc.source_actors, *inc.target_actors], actor):
            continue
        if dyad:
            a, b = dyad
            src, tgt = inc.source_actors, inc.target_actors
            if not (
                (_matches(src, a) and _matches(tgt, b)) or (_matches(src, b) and _matches(tgt, a))
            ):
                continue
        if country and country.upper() not in incident_countries(inc):
            continue
        chosen.append((span[0] if span else dt.date.max, inc.id, inc))
    chosen.sort(key=lambda row: (row[0], row[1]))
    return [inc for _, _, inc in chosen]


def tension_index(
    incidents: Iterable[Incident],
    *,
    freq: Freq = "day",
    dyad: tuple[str, str] | None = None,
) -> list[TensionPoint]:
    """The tension index per day or week (Monday-based), optionally for one dyad."""
    pool = select(incidents, dyad=dyad) if dyad else list(incidents)
    return index_points(pool, freq)


def pad_points(
    points: list[TensionPoint],
    freq: Freq,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TensionPoint]:
    """The index over the whole asked period: quiet periods before and after as zeros.

    The index only spans its first to its last incident; a chart of "last week"
    must show the quiet days too (the running level decays through them). A
    lone period gets a quiet one either side, so a chart has a span to draw.
    """
    if not points:
        return points
    step = dt.timedelta(days=7 if freq == "week" else 1)
    first, last = points[0].period, points[-1].period
    start = period_start(since, freq) if since and since < first else first
    end = period_start(until, freq) if until and until > last else last
    if start == end == first:
        start, end = first - step, first + step
    decay = 0.5 ** (step.days / params().half_life_days)

    def quiet(day: dt.date, level: float) -> TensionPoint:
        return TensionPoint(day, 0.0, round(level, 3), 0, 0, 0, 0.0, 0, ())

    before: list[TensionPoint] = []
    day = start
    while day < first:
        before.append(quiet(day, 0.0))
        day += step
    after: list[TensionPoint] = []
    day, level = last + step, points[-1].level
    while day <= end:
        level *= decay
        after.append(quiet(day, level))
        day += step
    return [*before, *points, *after]


def plural(n: int, word: str) -> str:
    """``"1 report"``, ``"2 reports"``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_timeline(incidents: Iterable[Incident], *, width: int = 160) -> str:
    """One line per incident: date, type, who against whom, reports, outlets and the evidence."""
    lines = []
    for inc in incidents:
        docs = len({s.document for s in inc.sightings})
        outlets = len({s.outlet for s in inc.sightings if s.outlet})
        who = who_line(inc)
        figures = ", ".join(f"{f.value:g} {f.kind}" for f in inc.figures[-2:])
        seen = f"[{plural(docs, 'report')}, {plural(outlets, 'outlet')}]"
        head = f"{inc.date or '?':<10}  {inc.type:<9} {who}  {seen}"
        if figures:
            head += f"  ({figures})"
        if inc.conflicting:
            head += f"  CONFLICTING: {', '.join(inc.conflicting)}"
        summary = inc.summary or ""
        if len(summary) > width:
            summary = summary[: width - 3] + "..."
        lines.append(f"{head}\n            {summary}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One of the most important days: its score and its most salient incidents."""

    day: dt.date
    score: float  # the day's importance (see top_dates)
    incidents: list[Incident]

    def evidence(self, incident: Incident) -> str:
        """One sentence of evidence: the main article's headline, else the event sentence."""
        return " ".join((incident.summary or "").split())


# Day scores read from the reports themselves (docs/incidents.md, "Top dates"): a report
# that states an event of its publication day or of the day before (news of the day)
# credits the latest such day in full; any other report counts OTHER_WEIGHT on its
# publication day (analysis, features, off-topic copy). A report published LOOKBACK_GAP or
# more days after a day it states an event on (a later report telling of it: "the
# massacre of 12 May", or the next day's story) adds LOOKBACK_WEIGHT to that day.
NEWS_WINDOW_DAYS = 1
OTHER_WEIGHT = 0.5
LOOKBACK_GAP = 1
LOOKBACK_WEIGHT = 3.0


def _counts(event: Event) -> dt.date | None:
    """The day an event states, if it counts: asserted, not background, dated to the day."""
    if event.background or event.modality != "asserted":
        return None
    if event.date_precision not in (None, "day"):
        return None
    return iso_day(event.date)


def day_scores(reports: Iterable[Report]) -> dict[dt.date, float]:
    """Each day's importance read from what the reports say happened on it.

    A report published on day P whose counted events (asserted, not background,
    dated to the day) include P or a day up to ``NEWS_WINDOW_DAYS`` before it
    credits the latest such day with 1 (the news happened then, not on P);
    otherwise P gains ``OTHER_WEIGHT``. Each distinct day D its counted events
    state, ``LOOKBACK_GAP`` days or more before P, gains ``LOOKBACK_WEIGHT``
    (later reports telling of a day is the strongest sign it mattered; a
    report of the next day is both). Events dated after P (plans) add nothing.
    """
    scores: dict[dt.date, float] = {}
    for report in reports:
        published = iso_day(report.document.published)
        if published is None:
            continue
        stated = {d for d in map(_counts, report.events) if d is not None}
        news = [d for d in stated if 0 <= (published - d).days <= NEWS_WINDOW_DAYS]
        if news:
            scores[max(news)] = scores.get(max(news), 0.0) + 1.0
        else:
            scores[published] = scores.get(published, 0.0) + OTHER_WEIGHT
        for day in stated:
            if (published - day).days >= LOOKBACK_GAP:
                scores[day] = scores.get(day, 0.0) + LOOKBACK_WEIGHT
    return scores


def top_dates(
    incidents: Iterable[Incident],
    n: int,
    *,
    per_day: int = 3,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modalities: frozenset[str] = frozenset({"asserted"}),
    rank: Literal["coverage", "salience"] = "coverage",
    reports: Iterable[Report] | None = None,
) -> list[DayEntry]:
    """The ``n`` most important days, in date order, each with its most salient incidents.

    An incident counts on its own day (:func:`~flashpoint.corpus.tension.incident_day`);
    denied, hypothetical and planned incidents do not count (``modalities``).
    ``rank="coverage"`` (the default) scores a day by the distinct reports
    about its incidents (including later reports that date them to it) plus
    the distinct reports published that day, ties broken by summed salience;
    ``rank="salience"`` by summed incident salience alone. On the Timeline17
    dev sets coverage ranking is the better of the two (docs/incidents.md).
    When ``reports`` (the reports the incidents were merged from) are given, the
    days are ranked by :func:`day_scores` instead, ties broken by the reports
    published that day, then by date; a day no incident falls on can
    then be chosen too, with no incidents. On the Timeline17 dev sets this is
    the best of the three (docs/incidents.md).
    Each day keeps its ``per_day`` most salient incidents.
    """
    by_day: dict[dt.date, list[Incident]] = {}
    about: dict[dt.date, set[str]] = {}
    published: dict[dt.date, set[str]] = {}
    for inc in incidents:
        for sighting in inc.sightings:
            day = iso_day(sighting.published)
            if day is not None:
                published.setdefault(day, set()).add(sighting.document)
        if inc.modality not in modalities:
            continue
        day = incident_day(inc)
        if day is None or (since and day < since) or (until and day > until):
            continue
        by_day.setdefault(day, []).append(inc)
        about.setdefault(day, set()).update(s.document for s in inc.sightings)

    told = None
    candidates = set(by_day)
    if reports is not None:
        reports = list(reports)
        told = day_scores(reports)
        published = {}  # every report counts here, those with no coded event too
        for report in reports:
            day = iso_day(report.document.published)
            if day is not None:
                published.setdefault(day, set()).add(report.document.id)
        candidates = {d for d in told if not (since and d < since) and not (until and d > until)}

    def score(day: dt.date) -> tuple[float, ...]:
        salience = sum(i.salience for i in by_day.get(day, ()))
        if told is not None:
            # Ties by the reports published that day, then by date: on the Timeline17
            # dev sets summed salience broke ties worse than date order (docs/incidents.md).
            return told[day], float(len(published.get(day, ())))
        if rank == "salience":
            return salience, 0.0
        return float(len(about[day]) + len(published.get(day, ()))), salience

    scored = sorted(candidates, key=lambda day: (*(-x for x in score(day)), day))[:n]
    out = []
    for day in sorted(scored):
        ranked = sorted(by_day.get(day, ()), key=lambda i: (-i.salience, i.id))[:per_day]
        out.append(DayEntry(day, round(score(day)[0], 3), ranked))
    return out


def format_top_dates(days: list[DayEntry], *, width: int = 160) -> str:
    """The top days, each with its incidents and one sentence of evidence per incident."""
    lines = []
    for entry in days:
        lines.append(f"{entry.day.isoformat()}  score {entry.score:.2f}")
        for inc in entry.incidents:
            who = who_line(inc)
            lines.append(f"  {inc.type:<9} {who}  [salience {inc.salience:.2f}]")
            text = entry.evidence(inc)
            lines.append("      " + (text if len(text) <= width else text[: width - 3] + "..."))
    return "\n".join(lines)
