"""Browsing incidents: filters, facet counts, sorting and pages over the merged incidents.

The web app (``flashpoint serve``) keeps the incidents of a corpus in memory as
:class:`Entry` rows, each with its facet keys computed once, and answers every
listing with :func:`browse`:

- **facets** (:data:`FACETS`): PLOVER type, quad, country (the place's, an
  actor's, or one its main articles' leads name: as ``timeline --country``),
  actor label, outlet, modality, confidence band (when incidents carry a
  ``confidence``), and the number of independent reports (``1``, ``2``,
  ``3-4``, ``5+``). Values chosen within one facet are alternatives (OR); facets
  combine with AND. Each facet's counts are taken over the incidents that pass
  every *other* facet's filter, so a count says what choosing it would give;
- **dates**: the incident's day range overlaps ``since``/``until``;
- **text**: a set of (document, event id) pairs from the full-text index
  (:func:`flashpoint.corpus.store.event_matches`); an incident matches when one
  of its reports does;
- **sort** (:data:`SORTS`) and **pages**.

Merging (:mod:`flashpoint.corpus.incidents`) sets an incident's ``salience`` and
``independent_reports``; an :class:`~flashpoint.models.Incident` made without
it keeps their default 0 ("not computed"), and then salience falls back to the
incident's tension contribution and independent reports to its distinct
documents. A ``confidence`` is read when a later stage adds one. It does not
read the database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from flashpoint.corpus.incidents import iso_day, label_code
from flashpoint.corpus.tension import TensionPoint, contribution, incident_day, index_points
from flashpoint.corpus.timeline import incident_countries, pad_points
from flashpoint.models import Incident

FACETS = ("type", "quad", "country", "actor", "outlet", "modality", "confidence", "reports")
SORTS = ("newest", "oldest", "reports", "salience", "conflict")
REPORT_BANDS = ("1", "2", "3-4", "5+")
_OPEN_FACETS = frozenset({"country", "actor", "outlet"})


def independent_reports(incident: Incident) -> int:
    """Reports that are not copies of each other: the stage's own count, else distinct documents."""
    if incident.independent_reports > 0:  # 0 is the field's default: not counted
        return incident.independent_reports
    return len({s.document for s in incident.sightings})


def salience(incident: Incident) -> float:
    """How much an incident stands out: its ``salience`` when given, else |tension contribution|."""
    if incident.salience > 0:  # 0.0 is the field's default: not computed
        return incident.salience
    return abs(contribution(incident))


def countries(incident: Incident) -> list[str]:
    """ISO codes of the incident's place, its actors and its leads' places (as ``--country``)."""
    return sorted(incident_countries(incident))


def confidence_band(incident: Incident) -> str | None:
    """The confidence facet: high (0.75+), medium (0.5+) or low; None when not known."""
    value = incident.confidence
    if value is None:
        return None
    return "high" if value >= 0.75 else "medium" if value >= 0.5 else "low"


def main_incident_of(doc_id: str, entries: Iterable[Entry]) -> str | None:
    """The incident a document is mainly about, when linking said so (``main_documents``)."""
    for e in entries:
        if doc_id in e.incident.main_documents:
            return e.incident.id
    for e in entries:
        if any(s.document == doc_id and s.main for s in e.incident.sightings):
            return e.incident.id
    return None


def reports_band(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _facet_keys(inc: Incident) -> dict[str, tuple[str, ...]]:
    band = confidence_band(inc)
    return {
        "type": (inc.type,),
        "quad": (inc.quad,),
        "country": tuple(countries(inc)),
        "actor": tuple(dict.fromkeys((*inc.source_actors, *inc.target_actors))),
        "outlet": tuple(sorted({s.outlet for s in inc.sightings if s.outlet})),
        "modality": (inc.modality,),
        "confidence": (band,) if band else (),
        "reports": (reports_band(independent_reports(inc)),),
    }


@dataclass(frozen=True, slots=True)
class Entry:
    """One incident with what browsing needs, computed once."""

    incident: Incident
    first: dt.date | None  # its first day (own date, else first report)
    last: dt.date | None
    reports: int  # independent reports
    salience: float
    keys: dict[str, tuple[str, ...]]
    events: frozenset[tuple[str, str]]  # (document, event id) of its sightings


def entry(incident: Incident) -> Entry:
    first = incident_day(incident)
    last = max(first, iso_day(incident.date_end) or first) if first else None
    return Entry(
        incident=incident,
        first=first,
        last=last,
        reports=independent_reports(incident),
        salience=salience(incident),
        keys=_facet_keys(incident),
        events=frozenset((s.document, s.event) for s in incident.sightings),
    )


def index(incidents: Iterable[Incident]) -> list[Entry]:
    return [entry(i) for i in incidents]


@dataclass(slots=True)
class Query:
    """What a listing asks for; empty means everything."""

    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> values
    since: dt.date | None = None
    until: dt.date | None = None
    matches: set[tuple[str, str]] | None = None  # full-text hits; None = no text query
    sort: str = "newest"
    page: int = 1
    size: int = 50


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool


@dataclass(slots=True)
class Page:
    total: int
    page: int
    size: int
    pages: int
    entries: list[Entry]
    facets: dict[str, list[FacetValue]]


def _passes_rest(e: Entry, q: Query) -> bool:
    """Every filter except the facets."""
    if q.since or q.until:
        if e.first is None or e.last is None:
            return False
        if (q.since and e.last < q.since) or (q.until and e.first > q.until):
            return False
    return q.matches is None or not q.matches.isdisjoint(e.events)


def _failed_facets(e: Entry, q: Query) -> list[str]:
    return [
        name
        for name, values in q.selected.items()
        if values and not any(v in values for v in e.keys.get(name, ()))
    ]


def select(entries: Iterable[Entry], q: Query) -> list[Entry]:
    """The entries that pass every filter, sorted (all of them, no paging)."""
    chosen = [e for e in entries if _passes_rest(e, q) and not _failed_facets(e, q)]
    return sort(chosen, q.sort)


def sort(entries: list[Entry], how: str) -> list[Entry]:
    far = dt.date.min.toordinal()

    def day(e: Entry) -> int:
        return e.first.toordinal() if e.first else far

    keys = {
        "newest": lambda e: (-day(e), e.incident.id),
        "oldest": lambda e: (day(e) if e.first else math.inf, e.incident.id),
        "reports": lambda e: (-e.reports, -day(e), e.incident.id),
        "salience": lambda e: (-e.salience, -day(e), e.incident.id),
        "conflict": lambda e: (e.incident.intensity, -day(e), e.incident.id),
    }
    return sorted(entries, key=keys.get(how, keys["newest"]))


def browse(
    entries: Iterable[Entry], q: Query, *, facet_limit: int = 12, presorted: bool = False
) -> Page:
    """One page of the selection and the facet counts, in one pass over the entries.

    ``presorted``: the entries already come in ``q.sort`` order (filtering keeps it).
    """
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    chosen: list[Entry] = []
    for e in entries:
        if not _passes_rest(e, q):
            continue
        failed = _failed_facets(e, q)
        if not failed:
            chosen.append(e)
            for name in FACETS:
                counts[name].update(e.keys.get(name, ()))
        elif len(failed) == 1:  # counts for the one facet it fails: what choosing would add
            counts[failed[0]].update(e.keys.get(failed[0], ()))
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        picked = set(q.selected.get(name, ()))
        # Closed vocabularies show every value; open ones (actors, outlets) their most common.
        top = counts[name].most_common(facet_limit if name in _OPEN_FACETS else None)
        if name == "reports":
            top = [(band, counts[name][band]) for band in REPORT_BANDS if counts[name][band]]
        shown = {v for v, _ in top}
        values = [FacetValue(v, n, v in picked) for v, n in top]
        values += [FacetValue(v, counts[name][v], True) for v in sorted(picked - shown)]
        if values:
            facets[name] = values
    size = max(1, q.size)
    pages = max(1, math.ceil(len(chosen) / size))
    page = min(max(1, q.page), pages)
    ordered = chosen if presorted else sort(chosen, q.sort)
    return Page(
        total=len(chosen),
        page=page,
        size=size,
        pages=pages,
        entries=ordered[(page - 1) * size : page * size],
        facets=facets,
    )


@dataclass(frozen=True, slots=True)
class Dyad:
    """Two countries whose incidents involve each other, with their tension index."""

    a: str
    b: str
    incidents: int
    points: list[TensionPoint]


def _sides(inc: Incident) -> tuple[set[str], set[str]]:
    def codes(labels: list[str]) -> set[str]:
        return {c.split("/")[0] for c in (label_code(t) for t in labels) if c}

    return codes(inc.source_actors), codes(inc.target_actors)


def top_dyads(entries: Iterable[Entry], *, top: int = 5) -> list[Dyad]:
    """The country pairs with the most tension (sum of contributions), either direction.

    Only pairs whose tension is above zero: two countries that only met or
    agreed are not "tense". Every pair's daily index spans the same days (the
    first to the last day of all the entries), so sparklines line up.
    """
    members: dict[tuple[str, str], list[Incident]] = {}
    days: list[dt.date] = []
    for e in entries:
        if e.first:
            days += [e.first, e.last or e.first]
        sources, targets = _sides(e.incident)
        pairs = {tuple(sorted((s, t))) for s in sources for t in targets if s != t}
        for pair in pairs:
            members.setdefault((pair[0], pair[1]), []).append(e.incident)
    totals = {pair: sum(contribution(i) for i in incs) for pair, incs in members.items()}
    scored = sorted(
        (kv for kv in members.items() if totals[kv[0]] > 0),
        key=lambda kv: (-totals[kv[0]], -len(kv[1]), kv[0]),
    )
    since, until = (min(days), max(days)) if days else (None, None)
    return [
        Dyad(a, b, len(incs), pad_points(index_points(incs, "day"), "day", since, until))
        for (a, b), incs in scored[:top]
    ]
