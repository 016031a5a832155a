"""Incidents: events from many reports merged into the real-world happenings they describe.

Each coded :class:`~flashpoint.models.Event` of each :class:`~flashpoint.models.Report`
becomes an :class:`EventSighting`; :func:`merge_incidents` groups sightings that
describe the same happening into one :class:`~flashpoint.models.Incident`, with all
its reports, outlets, first and last report time, how its figures evolved and
which figure kinds the reports disagree on.

Two events merge when all of these hold (rules in ``data/incidents.yaml``):

- **type**: the same PLOVER type, or a pair in the strict compatibility table;
- **modality**: the same (a denied or hypothetical strike never joins a real one);
- **actors**: on each side (source, target) where both events name someone, some
  participant matches: the same proper name (normalized), or the same country with
  the same sector, or the same country where one of them stands for the whole
  country ("Varnia" matches "the Varnian army"); at least one side must match.
  Pronouns and common nouns without a country ("they", "the fighters") identify
  nobody. An event with a side unknown merges only through the same actor (the
  same name, or the same country and sector, not a whole country), and for
  verbal events (quad ``verbal_*``) only through the same named source.
  For symmetric types (meetings, agreements) roles may be swapped;
- **place**: one missing, the same place, or one is a country/region that contains
  the other's country;
- **date**: anchors within ``window_days``. The anchor is the event's own day-level
  date; an event without one is anchored on its document's publication date (news
  reports describe the last day or two, which the window absorbs); a month-level
  date is anchored on the publication date only when that falls in the same month.
  Events with no anchor at all, or with no actors, stay single incidents;
- **figures**: two events of the *same* document whose figures of one kind cannot
  both be true (12 dead vs 40 dead) are different happenings.

What it does not do: it reads no text (only the coded events), does not resolve
people across documents beyond normalized names, and does not split an incident
once merged.

Merging is sub-quadratic: events are blocked by (type group, modality, one actor
key, date bucket of ``window_days``), compared only within a block and with the
next date bucket, and joined with union-find. Events with a side missing
("strikes on a boat", no target) are attached afterwards to at most one complete
incident, so a vague event cannot bridge two distinct happenings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from flashpoint.datafiles import load_yaml
from flashpoint.lexicon import normalize
from flashpoint.models import (
    Actor,
    Event,
    EventParticipant,
    Incident,
    Place,
    Qualifier,
    Report,
    ReportedFigure,
    Sighting,
)

# Places at this level are containers: they match any more specific place in their country.
_COARSE_FEATURES = frozenset({"country", "region"})


@dataclass(frozen=True, slots=True)
class MergeRules:
    """The merge parameters from ``data/incidents.yaml``."""

    window_days: int
    about_tolerance: float
    compatible: frozenset[frozenset[str]]
    symmetric: frozenset[str]
    group: dict[str, str]  # event type -> blocking group (types joined by the table)
    pronouns: frozenset[str]  # names that identify nobody
    max_span_days: int  # an event-level incident never spans more days than this


@cache
def rules() -> MergeRules:
    data: dict[str, Any] = load_yaml("incidents.yaml")
    pairs = [frozenset(p) for p in data.get("compatible_types", [])]
    group: dict[str, str] = {}
    for pair in pairs:
        # Types linked through the table share one block, named by the first in sort order.
        members = set(pair)
        for t in pair:
            if t in group:
                members |= {u for u, g in group.items() if g == group[t]}
        for t in members:
            group[t] = min(members)
    return MergeRules(
        window_days=int(data.get("window_days", 3)),
        about_tolerance=float(data.get("about_tolerance", 0.15)),
        compatible=frozenset(pairs),
        symmetric=frozenset(data.get("symmetric_types", [])),
        group=group,
        pronouns=frozenset(normalize(w) for w in data.get("pronouns", [])),
        max_span_days=int(data.get("max_span_days", 7)),
    )


@dataclass(slots=True)
class EventSighting:
    """One event as one report gave it, with what is needed to merge it."""

    event: Event
    document: str  # Document.id
    published: str | None
    outlet: str | None
    duplicates: int
    actors: dict[str, Actor]  # the actors the event references, by id
    places: dict[str, Place]  # the event's place, by id
    attributed_to: str | None  # who the event rests on (claim source / quote speaker)
    report: Report | None = None  # the whole article, for document-level linking
    main: bool = False  # set by merging: the event is its article's main event


def sightings(
    report: Report, outlet: str | None = None, duplicates: int = 0
) -> Iterator[EventSighting]:
    """One sighting per event of ``report``; ``duplicates`` counts its syndicated copies."""
    actors = {a.id: a for a in report.actors}
    places = {p.id: p for p in report.places}
    said_by = {c.id: c.source.name for c in report.claims}
    said_by.update({q.id: q.speaker.name for q in report.quotes if q.speaker})
    doc = report.document
    for event in report.events:
        refs = {p.actor for p in (*event.source, *event.target) if p.actor in actors}
        where = {event.location: places[event.location]} if event.location in places else {}
        yield EventSighting(
            event=event,
            document=doc.id,
            published=doc.published,
            outlet=outlet,
            duplicates=duplicates,
            actors={r: actors[r] for r in sorted(r for r in refs if r)},
            places=where,
            attributed_to=said_by.get(event.attribution or ""),
            report=report,
        )


def merge_reports(reports: Iterable[Report], *, window_days: int | None = None) -> list[Incident]:
    """Convenience: merge every event of ``reports`` (no outlets, no duplicates known).

    Reports without events still take part in linking: they can be main
    documents of a story whose other articles have coded events.
    """
    reports = list(reports)
    return merge_incidents(
        (s for r in reports for s in sightings(r)),
        window_days=rules().window_days if window_days is None else window_days,
        uncoded=[r for r in reports if not r.events],
    )


# --- internal representation: plain tuples, so the pair loop stays cheap ---

# (identifying name or "", country, sector, stands for the whole country, is a person)
_Party = tuple[str, str | None, str | None, bool, bool]
_PlaceKey = tuple[str, str, str | None]  # (identity, feature, country)


@dataclass(slots=True)
class _Item:
    sighting: EventSighting
    anchor: int | None  # proleptic ordinal of the happening-window anchor
    dated: bool  # the anchor is the event's own date, not the publication date
    sources: tuple[_Party, ...]
    targets: tuple[_Party, ...]
    symmetric: bool
    full: bool  # both sides known (symmetric: two or more parties)
    place: _PlaceKey | None
    bounds: dict[str, tuple[float, float]]  # figure kind -> (low, high) it allows
    order: tuple[str, int, str, str]  # earliest report first
    speaker: str = ""  # the person whose words a state's verbal act is (_speaker_party)


def iso_day(value: str | None) -> dt.date | None:
    """The day an ISO date string names; None for month/year precision or junk."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _anchor(event: Event, published: str | None) -> tuple[int | None, bool]:
    pub = iso_day(published)
    own = iso_day(event.date)
    if own and event.date_precision in (None, "day"):
        return own.toordinal(), True
    if event.date and event.date_precision == "month" and pub:
        # Only a report from within that month tells us roughly which days it means.
        return (pub.toordinal(), False) if event.date[:7] == pub.isoformat()[:7] else (None, False)
    if event.date and event.date_precision == "year":
        return None, False
    return (pub.toordinal(), False) if pub else (None, False)


def _identifying(name: str) -> str:
    """The normalized name if it names someone: a proper name, not "they" or "the fighters"."""
    key = normalize(name)
    if not key or key in rules().pronouns or not any(w[:1].isupper() for w in name.split()):
        return ""
    return key


def _party(p: EventParticipant, actors: dict[str, Actor]) -> _Party:
    actor = actors.get(p.actor or "")
    name = actor.name if actor else p.name
    country = p.country or (actor.country if actor else None)
    sector = p.sector or (actor.sector if actor else None)
    whole = actor is not None and actor.kind == "country" and country is not None
    person = actor is not None and actor.kind == "person"
    return _identifying(name), country, sector, whole, person


def label(p: EventParticipant, actors: dict[str, Actor]) -> str:
    """How an incident lists an actor: ``"Name (USA/GOV)"``, or the bare name without a code."""
    actor = actors.get(p.actor or "")
    name = actor.name if actor else p.name
    country = p.country or (actor.country if actor else None)
    sector = p.sector or (actor.sector if actor else None)
    if not country:
        return name
    return f"{name} ({country}/{sector})" if sector else f"{name} ({country})"


def label_code(text: str) -> str | None:
    """The ``"USA/GOV"`` code inside a label made by :func:`label`, if it has one."""
    if text.endswith(")") and " (" in text:
        return text[text.rindex(" (") + 2 : -1]
    return None


def _bounds(qualifier: Qualifier, value: float, tolerance: float) -> tuple[float, float]:
    if qualifier in ("at_least", "more_than"):
        return value, math.inf
    if qualifier in ("up_to", "less_than"):
        return 0.0, value
    if qualifier == "about":
        return value * (1 - tolerance), value * (1 + tolerance)
    return value, value


def _item(s: EventSighting, tolerance: float, symmetric: frozenset[str]) -> _Item:
    ev = s.event
    anchor, dated = _anchor(ev, s.published)
    # A participant with neither a proper name nor a country identifies nobody.
    sources = tuple(
        dict.fromkeys(x for x in (_party(p, s.actors) for p in ev.source) if x[0] or x[1])
    )
    speaker = _speaker_party(s, sources)
    targets = tuple(
        dict.fromkeys(x for x in (_party(p, s.actors) for p in ev.target) if x[0] or x[1])
    )
    sym = ev.type in symmetric
    if sym:
        sources, targets = tuple(dict.fromkeys((*sources, *targets))), ()
        full = _sides(sources) >= 2
    else:
        full = bool(sources) and bool(targets)
    key = _place_key(s)
    bounds = _bounds_of(ev, tolerance)
    order = (s.published or "9999-12-31", anchor or 0, s.document, ev.id)
    return _Item(
        s,
        anchor,
        dated,
        sources,
        targets,
        sym,
        full,
        key,
        bounds,
        order,
        speaker[0] if speaker else "",
    )


def _speaker_party(s: EventSighting, sources: tuple[_Party, ...]) -> _Party | None:
    """The person whose words a verbal act is, when the act's doer in those words is a
    state ("The United States is asking Britain ...", tweeted by Trump): the speaker acts
    for it, so the act is the speaker's as well, and it joins the speaker's own statement
    of the same demand ("Trump has told the EU it must take back ..."). Only a speaker
    the report resolves to a named person actor counts."""
    ev = s.event
    if s.report is None or not ev.attribution or not ev.quad.startswith("verbal"):
        return None
    if not sources or not all(p[3] or p[2] == "GOV" for p in sources):
        return None
    said = next((q.speaker for q in s.report.quotes if q.id == ev.attribution), None)
    actor_id = said.actor if said is not None else None
    if said is None:
        claim = next((c for c in s.report.claims if c.id == ev.attribution), None)
        actor_id = claim.source.actor if claim is not None else None
    actor = next((a for a in s.report.actors if a.id == actor_id), None) if actor_id else None
    if actor is None or actor.kind != "person" or not _identifying(actor.name):
        return None
    return _identifying(actor.name), actor.country, actor.sector, False, True


def _place_key(s: EventSighting) -> _PlaceKey | None:
    place = s.places.get(s.event.location or "")
    if place is None:
        return None
    return (place.gazetteer_id or normalize(place.name), place.feature, place.country)


def _strong(a: _Party, b: _Party) -> bool:
    """The same named actor, or the same part of one country's apparatus."""
    if a[0] and a[0] == b[0]:
        return True
    if a[1] is None or a[1] != b[1] or a[3] or b[3]:
        return False
    if a[2] is not None:
        return a[2] == b[2]
    # Sector unknown on both: "Russian jets" and "Russian warplanes", never two people.
    return b[2] is None and not a[4] and not b[4]


def _party_match(a: _Party, b: _Party) -> bool:
    # Weakly, one side may stand for the whole country ("Varnia" ~ "the Varnian army").
    return _strong(a, b) or (a[1] is not None and a[1] == b[1] and (a[3] or b[3]))


def _overlap(xs: tuple[_Party, ...], ys: tuple[_Party, ...]) -> int:
    return sum(1 for x in xs if any(_party_match(x, y) for y in ys))


def _same_name(xs: tuple[_Party, ...], ys: tuple[_Party, ...]) -> bool:
    return any(x[0] and x[0] == y[0] for x in xs for y in ys)


def _strong_overlap(xs: tuple[_Party, ...], ys: tuple[_Party, ...]) -> bool:
    return any(_strong(x, y) for x in xs for y in ys)


def _sides(parties: tuple[_Party, ...]) -> int:
    """How many sides a meeting's parties make: those of one country are one side
    ("the visit by Russia's foreign minister and its intelligence chief": one side, the
    host unnamed), a party of no known country a side of its own."""
    return len({p[1] or p[0] for p in parties})


def _actors_match(a: _Item, b: _Item) -> bool:
    complete = a.full and b.full
    if a.symmetric:
        # Two meetings of one minister with different people are different meetings.
        need = min(2, _sides(a.sources), _sides(b.sources))
        if need == 0 or _overlap(a.sources, b.sources) < need:
            return False
        return complete or _same_name(a.sources, b.sources)
    matched = []
    for xs, ys, is_source in ((a.sources, b.sources, True), (a.targets, b.targets, False)):
        if xs and ys:
            if not _overlap(xs, ys):
                return False
            matched.append((xs, ys, is_source))
    if not matched or complete:
        return bool(matched)
    # A one-sided event is thin evidence. Deeds need the same actor, not just its country;
    # words (accusations, demands) need the same named speaker: "someone accused the US",
    # or "Turkish officials demanded", do not tell which statement it was.
    if a.sighting.event.quad.startswith("verbal"):
        return any(_same_name(xs, ys) for xs, ys, src in matched if src)
    return any(_strong_overlap(xs, ys) for xs, ys, _ in matched)


def _places_match(a: _PlaceKey | None, b: _PlaceKey | None) -> bool:
    if a is None or b is None or a[0] == b[0]:
        return True
    if a[1] in _COARSE_FEATURES or b[1] in _COARSE_FEATURES:
        return a[2] is None or b[2] is None or a[2] == b[2]
    return False


def _place_sets(keys: Iterable[_PlaceKey | None]) -> tuple[frozenset[str], ...]:
    """The countries, admin areas and towns a group of events is placed in."""
    found: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for k in keys:
        if k is None:
            continue
        if k[2]:
            found[0].add(k[2])
        if k[1] == "admin":
            found[1].add(k[0])
        elif k[1] == "city":
            found[2].add(k[0])
    return tuple(frozenset(x) for x in found)


def _places_clash(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Two groups placed in different countries, admin areas or towns (none shared)."""
    return any(x and y and not x & y for x, y in zip(a, b, strict=True))


def _figures_clash(a: dict[str, tuple[float, float]], b: dict[str, tuple[float, float]]) -> bool:
    return any(max(lo, b[k][0]) > min(hi, b[k][1]) for k, (lo, hi) in a.items() if k in b)


def _compatible(a: _Item, b: _Item, r: MergeRules, window: int) -> bool:
    ea, eb = a.sighting.event, b.sighting.event
    if ea.type != eb.type and frozenset((ea.type, eb.type)) not in r.compatible:
        return False
    if ea.modality != eb.modality or a.symmetric != b.symmetric:
        return False
    # A background mention (a recap, Event.background) is not the news.
    if ea.background != eb.background:
        return False
    if a.anchor is None or b.anchor is None or abs(a.anchor - b.anchor) > window:
        return False
    if not _places_match(a.place, b.place) or not _actors_match(a, b):
        return False
    same_doc = a.sighting.document == b.sighting.document
    return not (same_doc and _figures_clash(a.bounds, b.bounds))


class _UnionFind:
    """Union-find whose groups never span more than ``max_span`` days (the anti-chaining rule)."""

    __slots__ = ("allowed", "hi", "lo", "max_span", "parent", "places", "story")

    def __init__(
        self,
        n: int,
        anchors: list[int | None] | None = None,
        max_span: int = 0,
        places: list[_PlaceKey | None] | None = None,
    ) -> None:
        self.parent = list(range(n))
        # Where each group's events are placed: a group in Homs never joins one in Damascus
        # or Berlin, not even through an event that names no place (no chaining by places).
        keys = places if places is not None else [None] * n
        self.places = [_place_sets([k]) for k in keys]
        self.lo: list[int | None] = list(anchors) if anchors is not None else [None] * n
        self.hi = list(self.lo)
        self.max_span = max_span
        self.story: list[frozenset[int]] = [frozenset()] * n  # the linked stories a root holds
        self.allowed: Callable[[frozenset[int], frozenset[int], bool], bool] | None = None

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int, *, strong: bool = True, force: bool = False) -> bool:
        """Join the groups of i and j unless a stop rule holds; True when they are one group."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        los = [x for x in (self.lo[ri], self.lo[rj]) if x is not None]
        his = [x for x in (self.hi[ri], self.hi[rj]) if x is not None]
        if not force:
            if self.max_span and los and max(his) - min(los) > self.max_span:
                return False
            if _places_clash(self.places[ri], self.places[rj]):
                return False
            # Two different linked stories need evidence to become one incident.
            a, b = self.story[ri], self.story[rj]
            if a and b and a != b and self.allowed is not None and not self.allowed(a, b, strong):
                return False
        # The smaller index wins, so the result does not depend on comparison order.
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        self.lo[root] = min(los) if los else None
        self.hi[root] = max(his) if his else None
        self.story[root] = self.story[ri] | self.story[rj]
        pa, pb = self.places[ri], self.places[rj]
        self.places[root] = tuple(x | y for x, y in zip(pa, pb, strict=True))
        return True


def _blocks(items: list[_Item], r: MergeRules, window: int) -> dict[tuple[Any, ...], list[int]]:
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    width = max(window, 1)
    for i, it in enumerate(items):
        if it.anchor is None:
            continue
        ev = it.sighting.event
        head = (r.group.get(ev.type, ev.type), ev.modality, it.anchor // width)
        if _line(it):
            blocks[(*head, "s:" + _line(it))].append(i)  # (``_same_line``)
        if not (it.sources or it.targets):
            continue
        keys: set[str] = set()
        if it.speaker:
            keys.add("n:" + it.speaker)
        for name, country, *_ in (*it.sources, *it.targets):
            if name:
                keys.add("n:" + name)
            if country:
                keys.add("c:" + country)
        for k in keys:
            blocks[(*head, k)].append(i)
    return blocks


def _candidate_pairs(
    blocks: dict[tuple[Any, ...], list[int]],
) -> Iterator[tuple[int, int]]:
    """Each pair sharing a block, or in blocks of adjacent date buckets, once."""
    seen: set[tuple[int, int]] = set()
    for (group, modality, bucket, key), members in blocks.items():
        later = blocks.get((group, modality, bucket + 1, key), [])
        for n, i in enumerate(members):
            for j in (*members[n + 1 :], *later):
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def merge_incidents(
    sightings: Iterable[EventSighting],
    *,
    window_days: int = 3,
    link_documents: bool = True,
    uncoded: Iterable[Report] = (),
) -> list[Incident]:
    """Merge event sightings from many reports into incidents, sorted by date then id.

    ``uncoded``: reports with no events, linked as articles only.

    When the sightings carry their reports (:func:`sightings` sets them), the
    articles are first linked into stories (:mod:`flashpoint.corpus.linking`):
    a story's articles' main events and their companions are joined first.
    Then events merge event by event (the rules above); two different stories
    join only through a *strong* event match (both events dated to the same
    day, at the same town-level place, compatible), since the linker read the
    whole articles and found them to be about different things.
    """
    r = rules()
    pool = list(sightings)
    stories: list[list[EventSighting]] = []
    story_docs: list[list[Any]] = []
    if link_documents and any(s.report is not None for s in pool):
        stories, story_docs = _stories(pool, window_days, list(uncoded))
    story_of = {id(s): n for n, members in enumerate(stories) for s in members}
    items = [_item(s, r.about_tolerance, r.symmetric) for s in pool]
    # A fixed order makes ids, the union-find and the output independent of input order.
    items.sort(key=lambda it: it.order)
    uf = _UnionFind(
        len(items), [it.anchor for it in items], r.max_span_days, [it.place for it in items]
    )
    uf.allowed = _story_gate(story_docs)
    first_of: dict[int, int] = {}
    for i, it in enumerate(items):
        n = story_of.get(id(it.sighting))
        if n is not None:
            uf.story[i] = frozenset({n})
            if n in first_of:
                uf.union(first_of[n], i, force=True)
            else:
                first_of[n] = i
    attach: list[tuple[int, int, int]] = []  # (partial item, complete item, day gap)
    for i, j in _candidate_pairs(_blocks(items, r, window_days)):
        a, b = items[i], items[j]
        if _same_line(a, b) or _one_speech(a, b, r):
            uf.union(i, j, strong=_strong_match(a, b))
            continue
        if not _compatible(a, b, r, window_days):
            continue
        if a.full == b.full:
            uf.union(i, j, strong=_strong_match(a, b))
        else:
            partial, full = (i, j) if b.full else (j, i)
            attach.append((partial, full, abs((a.anchor or 0) - (b.anchor or 0))))
    _attach_partials(uf, attach)
    groups: dict[int, list[_Item]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[uf.find(i)].append(it)
    incidents = []
    for root, members in groups.items():
        profiles = [p for n in sorted(uf.story[root]) for p in story_docs[n]]
        if profiles:
            inc = _story_incident(members, profiles, r.about_tolerance)
        else:
            inc = _incident(members, r.about_tolerance)
            inc.independent_reports = _independent(members)
            inc.outlets = sorted({m.sighting.outlet for m in members if m.sighting.outlet})
        inc.salience = salience(inc)
        incidents.append(inc)
    incidents.sort(key=lambda inc: (inc.date or "9999-12-31", inc.id))
    return incidents


def _story_gate(
    story_docs: list[list[Any]],
) -> Callable[[frozenset[int], frozenset[int], bool], bool]:
    """Whether an event match may join two groups of linked stories.

    Never when their articles contradict each other (different towns, admin
    areas or death tolls: two shootings are two incidents); when both hold
    several articles the linker kept apart, only through a strong event match.
    """
    from flashpoint.corpus.linking import stories_differ

    def allowed(a: frozenset[int], b: frozenset[int], strong: bool) -> bool:
        pa = [p for n in a for p in story_docs[n]]
        pb = [p for n in b for p in story_docs[n]]
        if stories_differ(pa, pb):
            return False
        return strong or len(pa) < 2 or len(pb) < 2

    return allowed


# Two verbal acts of one named speaker on one day that share this many content words
# of their sentences ("take back", "800", "Isis fighters", "captured", "trial") are one
# statement told twice (his statement and his tweet), however differently the sides read.
ONE_SPEECH_WORDS = 5
# A sentence at least this long that two reports repeat word for word is one line
# copied (an updated page, a syndicated paragraph), not a coincidence.
SAME_LINE_CHARS = 60


def _line(it: _Item) -> str:
    """The event's sentence with its spacing normalized, or "" when too short to tell."""
    text = " ".join(it.sighting.event.sentence.text.split())
    return text if len(text) >= SAME_LINE_CHARS else ""


def _same_line(a: _Item, b: _Item) -> bool:
    """Two reports tell the act in the same sentence, word for word, on the same word of
    it ("Later, the ambassador was summoned ..." on a page and on its update): one
    sighting told twice, whatever sides it names (a doerless verbal act otherwise never
    merges), as long as the type, modality, background and day agree."""
    ea, eb = a.sighting.event, b.sighting.event
    if a.sighting.document == b.sighting.document or ea.type != eb.type:
        return False
    if ea.modality != eb.modality or ea.background != eb.background or a.anchor != b.anchor:
        return False
    line = _line(a)
    offset_a = ea.trigger.start - ea.sentence.start
    offset_b = eb.trigger.start - eb.sentence.start
    return bool(line) and line == _line(b) and offset_a == offset_b


def _one_speech(a: _Item, b: _Item, r: MergeRules) -> bool:
    """The same named person speaks both verbal acts of one kind (the doer, or the
    speaker whose words they are, :func:`_speaker_party`), on the same day, in sentences
    sharing ``ONE_SPEECH_WORDS`` content words: one statement, joined whatever the sides
    read (the tweet's "The United States is asking Britain" and the report's "Trump
    told the EU"), even where one side is complete and the other is not (a partial
    would otherwise attach to one complete incident only)."""
    ea, eb = a.sighting.event, b.sighting.event
    if not (ea.quad.startswith("verbal") and eb.quad.startswith("verbal")):
        return False
    if ea.type != eb.type and frozenset((ea.type, eb.type)) not in r.compatible:
        return False
    if ea.modality != eb.modality or ea.background != eb.background:
        return False
    if a.anchor is None or a.anchor != b.anchor or not (a.speaker or b.speaker):
        return False

    def people(it: _Item) -> set[str]:
        return {p[0] for p in it.sources if p[4] and p[0]} | ({it.speaker} - {""})

    if not people(a) & people(b):
        return False
    from flashpoint.corpus.linking import words

    shared = set(words(ea.sentence.text)) & set(words(eb.sentence.text))
    return len(shared) >= ONE_SPEECH_WORDS


def _strong_match(a: _Item, b: _Item) -> bool:
    """Evidence enough to join two stories: the same own day and the same town-level
    place; for a meeting, the same own day and the same named person among its
    parties (a minister's talks that day, told from the visit and from the talks)."""
    if not (a.dated and b.dated and a.anchor == b.anchor):
        return False
    if a.symmetric and b.symmetric and _same_person(a.sources, b.sources):
        return True
    return a.place is not None and a.place == b.place and a.place[1] not in _COARSE_FEATURES


def _same_person(xs: tuple[_Party, ...], ys: tuple[_Party, ...]) -> bool:
    return any(x[4] and x[0] and x[0] == y[0] for x in xs for y in ys)


def _stories(
    pool: list[EventSighting], window_days: int, uncoded: list[Report] | None = None
) -> tuple[list[list[EventSighting]], list[list[Any]]]:
    """Link the articles; each story keeps its main events and their companions."""
    from flashpoint.corpus import linking

    r = rules()
    by_doc: dict[str, list[EventSighting]] = defaultdict(list)
    for s in pool:
        by_doc[s.document].append(s)
    profiles = {}
    for doc, group in by_doc.items():
        report = group[0].report
        if report is not None:
            profiles[doc] = linking.profile(report, outlet=group[0].outlet)
    for report in uncoded or []:
        profiles.setdefault(report.document.id, linking.profile(report))
    clusters = linking.link(profiles.values())
    members: dict[int, list[EventSighting]] = defaultdict(list)
    docs_of: dict[int, list[Any]] = defaultdict(list)
    # A story is one kind of happening: the type group of its earliest main event. An
    # article's main event of another kind (the accusation over a strike) is merged on
    # its own, event by event.
    story_kind: dict[int, str] = {}
    for doc, cluster in sorted(clusters.items(), key=lambda kv: (profiles[kv[0]].day or 0, kv[0])):
        prof = profiles[doc]
        group = by_doc.get(doc, [])
        main = next((s for s in group if s.event.id == prof.main_event), None)
        docs_of[cluster].append(prof)  # the story is its main incident, coded event or not
        if main is None:
            continue
        main.main = True
        kind = r.group.get(main.event.type, main.event.type)
        if story_kind.setdefault(cluster, kind) != kind:
            continue
        members[cluster].extend(_told_with(main, group, window_days, r, prof.lead_end))
    keys = sorted(members)  # a story none of whose articles has a lead event stays uncoded
    return [members[k] for k in keys], [docs_of[k] for k in keys]


def _told_with(
    main: EventSighting,
    group: list[EventSighting],
    window_days: int,
    r: MergeRules,
    lead_end: int,
) -> list[EventSighting]:
    """An article's main event and the companions that tell the same happening."""
    kind = r.group.get(main.event.type, main.event.type)
    anchor, _ = _anchor(main.event, main.published)
    where = _place_sets([_place_key(main)])
    main_bounds = _bounds_of(main.event, r.about_tolerance)
    out = []
    for s in group:
        ev = s.event
        if s is not main:
            if r.group.get(ev.type, ev.type) != kind or ev.modality != main.event.modality:
                continue
            if ev.background:
                continue
            own, dated = _anchor(ev, s.published)
            in_lead = ev.sentence.start < lead_end
            same_day = dated and own is not None and own == anchor
            if not (in_lead or same_day):
                continue
            if _figures_clash(_bounds_of(ev, r.about_tolerance), main_bounds):
                continue  # "3 dead" and "30 dead" in one report are two happenings
            if own is not None and anchor is not None and abs(own - anchor) > window_days:
                continue
            if _places_clash(where, _place_sets([_place_key(s)])):
                continue  # the shelling of Homs told beside a funeral in Damascus
        out.append(s)
    return out


def _bounds_of(event: Event, tolerance: float) -> dict[str, tuple[float, float]]:
    """The range each kind of figure of the event allows."""
    bounds: dict[str, tuple[float, float]] = {}
    for f in event.figures:
        lo, hi = _bounds(f.qualifier, f.value, tolerance)
        if f.kind in bounds:  # several figures of a kind in one event: keep what all allow
            lo, hi = max(lo, bounds[f.kind][0]), min(hi, bounds[f.kind][1])
        bounds[f.kind] = (lo, hi)
    return bounds


def _story_incident(items: list[_Item], profiles: list[Any], tolerance: float) -> Incident:
    from flashpoint.corpus import linking

    inc = _incident(items, tolerance)
    main_docs = [p.doc for p in sorted(profiles, key=lambda p: (p.day or 0, p.doc))]
    inc.main_documents = main_docs
    for sighting in inc.sightings:
        sighting.main = any(
            m.sighting.main
            and m.sighting.event.id == sighting.event
            and m.sighting.document == sighting.document
            for m in items
        )
    inc.outlets = sorted({m.sighting.outlet for m in items if m.sighting.outlet})
    inc.independent_reports = _independent(items)
    inc.countries = sorted({c for p in profiles for c in p.countries})
    admins = Counter(a for p in profiles for a in p.admin_names)
    inc.place_admin = admins.most_common(1)[0][0] if admins else None
    names = Counter(n for p in profiles for n in p.names[:4])
    inc.people = [n for n, _ in names.most_common(8)]
    reports = {m.sighting.document: m.sighting for m in items}
    inc.toll = linking.story_figures(profiles)
    # A headline toll is the toll of a violent story: the accusation, the appeal or the
    # surrender a lead also tells of ("... in the camp where her son died") does not get it.
    tolls = _lead_figures(reports, profiles) if inc.quad == "material_conflict" else []
    if tolls:
        # Per report and kind, the toll the headline and lead state wins over the coded
        # events' figures: a lead gives the total ("four people were found shot dead"),
        # a coded event may count one victim of several.
        best = {(f.document, f.kind): f for f in inc.figures}
        for f in tolls:
            best[(f.document, f.kind)] = f
        inc.figures = sorted(best.values(), key=lambda f: (f.published or "9999", f.kind, f.value))
        inc.conflicting = _conflicts(inc.figures, tolerance)
    # The evidence: a main article's headline, else the main event sentence placed
    # highest in its article (a lead states the news; paragraph nine is background).
    mains = [m.sighting for m in items if m.sighting.main]
    titled = [
        (s.published or "9999", s.document, s.report.document.title)
        for s in mains
        if s.report is not None and s.report.document.title
    ]
    if titled:
        inc.summary = " ".join(min(titled)[2].split()) or inc.summary
    elif mains:
        top = min(mains, key=lambda s: (s.event.sentence.start, s.published or "9999", s.document))
        inc.summary = " ".join(top.event.sentence.text.split()) or inc.summary
    return inc


def _lead_figures(reports: dict[str, EventSighting], profiles: list[Any]) -> list[ReportedFigure]:
    """Each main article's stated toll, with the sentence that states it."""
    from flashpoint.corpus.linking import _lead_text, toll_matches

    out: list[ReportedFigure] = []
    for prof in profiles:
        s = reports.get(prof.doc)
        if s is None or s.report is None:
            continue
        lead, _ = _lead_text(s.report)
        title_len = len(s.report.document.title or "") + 1
        for kind, value, pos in toll_matches(lead):
            start = end = None
            if pos >= title_len:
                text = s.report.document.text
                at = pos - title_len
                # The sentence that states it: from the last sentence end (or line) before.
                dot = text.rfind(". ", 0, at)
                start = max(text.rfind("\n", 0, at) + 1, dot + 2 if dot >= 0 else 0)
                stop = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
                end = min(stop) + 1 if stop else len(text)
                sentence = text[start:end].strip()
            else:
                sentence = s.report.document.title or ""
            out.append(
                ReportedFigure(
                    kind=kind,
                    value=float(value),
                    document=s.document,
                    published=s.published,
                    reported_by=s.outlet,
                    sentence=sentence or None,
                    start=start,
                    end=end,
                )
            )
    return out


def _independent(items: list[_Item]) -> int:
    """Distinct documents, with near-duplicates and wire copies counted once."""
    from flashpoint.corpus.dedup import Deduper, fingerprint

    docs: dict[str, EventSighting] = {}
    for m in items:
        docs.setdefault(m.sighting.document, m.sighting)
    if len(docs) < 2:
        return len(docs)
    dedup = Deduper()
    count = 0
    for doc, s in sorted(docs.items()):
        if s.report is None:
            count += 1
            continue
        fp = fingerprint(s.report.document.text)
        if dedup.original_of(fp) is None:
            count += 1
        dedup.add(doc, fp)
    return count


# A war's running total ("400,000 have been killed since 2011") is background, not this
# incident's toll; and past a thousand, a larger figure adds no salience.
_CUMULATIVE = re.compile(
    r"\b(since|so far|to date|in total|altogether|years?|conflict|war|uprising|civil war)\b",
    re.IGNORECASE,
)
TOLL_CAP = 1000.0


# A total over a span of days ("in less than a fortnight, more than 400 people have been
# killed", "this year", "over the past week") is not one day's toll either. (Salience
# still reads only ``_CUMULATIVE``: the timeline's ranking is measured with it.)
_SPAN = re.compile(
    r"\b(?:in (?:less|more|under) than (?:a|an|one|two|three|four|five|six|\d+)"
    r" (?:days?|weeks?|fortnight|months?)"
    r"|(?:in|over|during|within) the (?:past|last) (?:(?:few|several|two|three|four|five|six"
    r"|seven|ten|\d+) )?(?:days|weeks?|fortnight|months?)"
    r"|(?:in|over|within) (?:two|three|four|five|six|seven|ten|several|\d+)"
    r" (?:days|weeks|months)"
    r"|in recent (?:days|weeks|months)|this (?:year|month)|so far this \w+)\b",
    re.IGNORECASE,
)


def running_total(sentence: str | None) -> bool:
    """True when a figure's sentence gives a running total ("since 2011", "in the war")
    or a total over a span of days ("in less than a fortnight", "this year")."""
    return bool(_CUMULATIVE.search(sentence or "") or _SPAN.search(sentence or ""))


def salience(inc: Incident) -> float:
    """How much an incident mattered (formula in docs/incidents.md).

    independent reports and outlets (log: the 10th report adds less than the
    2nd), intensity (|PLOVER intensity| / 10), the largest toll (log, capped
    at 1,000; running totals of a war are left out), and
    position: the share of its reports for which it is the article's main
    story. Non-asserted incidents weigh a quarter.
    """
    reports = inc.independent_reports or len({s.document for s in inc.sightings}) or 1
    outlets = len(inc.outlets)
    toll = max(
        (
            min(f.value, TOLL_CAP)
            for f in inc.figures
            if f.kind in ("dead", "injured") and not _CUMULATIVE.search(f.sentence or "")
        ),
        default=0.0,
    )
    docs = len({s.document for s in inc.sightings}) or 1
    main_share = min(len(inc.main_documents) / docs, 1.0)
    score = (
        math.log1p(reports)
        + 0.5 * math.log1p(outlets)
        + 0.5 * abs(inc.intensity) / 10
        + 0.5 * math.log1p(toll)
        + 0.5 * main_share
    )
    if inc.modality != "asserted":
        score *= 0.25
    return round(score, 3)


def _attach_partials(uf: _UnionFind, attach: list[tuple[int, int, int]]) -> None:
    """Join each group of one-sided events to the single complete incident it fits best."""
    votes: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for partial, full, gap in attach:
        tally = votes[uf.find(partial)].setdefault(uf.find(full), [0, gap])
        tally[0] += 1
        tally[1] = min(tally[1], gap)
    choices = []
    for root, tallies in votes.items():
        best = min(tallies.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))[0]
        choices.append((root, best))
    for root, best in choices:
        uf.union(root, best)


# --- building the incident record ---


def _incident(members: list[_Item], tolerance: float) -> Incident:
    members.sort(key=lambda it: it.order)
    first = members[0].sighting
    events = [m.sighting.event for m in members]
    types = Counter(e.type for e in events)
    kind = max(
        types, key=lambda t: (types[t], -next(i for i, e in enumerate(events) if e.type == t))
    )
    same = [e for e in events if e.type == kind]
    modes = Counter(e.mode for e in same if e.mode)
    dated = [m.anchor for m in members if m.dated and m.anchor is not None]
    anchors = dated or [m.anchor for m in members if m.anchor is not None]
    published = sorted(m.sighting.published for m in members if m.sighting.published)
    place = _main_place(members)
    digest = hashlib.sha1(f"{first.document}:{first.event.id}".encode()).hexdigest()[:16]
    figures = _figures(members)
    return Incident(
        id=f"inc-{digest}",
        type=kind,
        mode=modes.most_common(1)[0][0] if modes else None,
        quad=same[0].quad,
        intensity=round(sum(e.intensity for e in same) / len(same), 2),
        date=dt.date.fromordinal(min(anchors)).isoformat() if anchors else None,
        date_end=dt.date.fromordinal(max(anchors)).isoformat() if anchors else None,
        location=place.name if place else None,
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        source_actors=_labels(members, "source"),
        target_actors=_labels(members, "target"),
        sightings=[
            Sighting(
                document=m.sighting.document,
                event=m.sighting.event.id,
                published=m.sighting.published,
                outlet=m.sighting.outlet,
                attributed_to=m.sighting.attributed_to,
                duplicates=m.sighting.duplicates,
            )
            for m in members
        ],
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        figures=figures,
        conflicting=_conflicts(figures, tolerance),
        summary=" ".join(first.event.sentence.text.split()) or None,
        modality=first.event.modality,
        background=all(e.background for e in events),
        confidence=max((e.confidence for e in events if e.confidence is not None), default=None),
    )


def _main_place(members: list[_Item]) -> Place | None:
    """The most reported place; among equals, the most specific one."""
    counts: Counter[_PlaceKey] = Counter()
    found: dict[_PlaceKey, Place] = {}
    for m in members:
        if m.place is not None:
            counts[m.place] += 1
            found.setdefault(m.place, next(iter(m.sighting.places.values())))
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], k[1] not in _COARSE_FEATURES))
    return found[best]


def _labels(members: list[_Item], side: str) -> list[str]:
    counts: Counter[str] = Counter()
    for m in members:
        parts = m.sighting.event.source if side == "source" else m.sighting.event.target
        counts.update(list(dict.fromkeys(label(p, m.sighting.actors) for p in parts)))
    return [name for name, _ in counts.most_common()]


def _figures(members: list[_Item]) -> list[ReportedFigure]:
    """One figure per report and kind: the largest it gives (a total, not a breakdown)."""
    best: dict[tuple[str, str], ReportedFigure] = {}
    for m in members:
        s = m.sighting
        for f in s.event.figures:
            key = (s.document, f.kind)
            old = best.get(key)
            if old is None or (f.value, f.qualifier == "exact") > (
                old.value,
                old.qualifier == "exact",
            ):
                best[key] = ReportedFigure(
                    kind=f.kind,
                    value=f.value,
                    qualifier=f.qualifier,
                    document=s.document,
                    published=s.published,
                    reported_by=s.attributed_to or s.outlet,
                    sentence=" ".join(s.event.sentence.text.split()) or None,
                    start=s.event.sentence.start,
                    end=s.event.sentence.end,
                )
    return sorted(best.values(), key=lambda f: (f.published or "9999", f.kind, f.value))


def _conflicts(figures: list[ReportedFigure], tolerance: float) -> list[str]:
    """Kinds on which reports of the same day give figures that cannot all be true.

    Figures from different days are an evolution, not a conflict; undated
    reports are not compared. Intervals on a line overlap pairwise exactly when
    the largest low end is at most the smallest high end, so one pass suffices.
    """
    spans: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for f in figures:
        if f.published:
            spans[(f.kind, f.published[:10])].append(_bounds(f.qualifier, f.value, tolerance))
    clash = {
        kind
        for (kind, _), bounds in spans.items()
        if len(bounds) > 1 and max(lo for lo, _ in bounds) > min(hi for _, hi in bounds)
    }
    return sorted(clash)
