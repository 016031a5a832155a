"""A document's text cut into segments at the offsets of its extracted items.

Every item of a :class:`~flashpoint.models.Report` carries ``start``/``end``
offsets into ``document.text``; Python counts code points, so the text is cut
here, on the server, and the browser never has to convert offsets (JavaScript
strings count UTF-16 units, which differ past U+FFFF).

Spans overlap (an actor inside a quote inside a claim), so the text is split at
every span boundary: each :class:`Segment` lists the items covering it and takes
its colour from the narrowest one. Event sentences are carried as ``sentence``
marks, which colour nothing but let an event's whole evidence be marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from flashpoint.models import Report

# Display order of the side list, and the CSS class suffix of each kind.
KINDS = ("event", "quote", "claim", "figure", "time", "actor", "place")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS, "sentence" or "hit"
    item: str  # "event:ev1"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    kind: str | None  # colour: the narrowest covering item's kind
    items: tuple[str, ...]  # every covering item, narrowest first


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the side list."""

    id: str
    kind: str
    label: str
    detail: str
    start: int


def _span(kind: str, item_id: str, start: int | None, end: int | None) -> list[Mark]:
    if start is None or end is None or end <= start:
        return []
    return [Mark(start, end, kind, f"{kind}:{item_id}")]


def marks(report: Report) -> list[Mark]:
    """Every item's evidence spans."""
    found: list[Mark] = []
    for e in report.events:
        found += _span("event", e.id, e.trigger.start, e.trigger.end)
        found.append(Mark(e.sentence.start, e.sentence.end, "sentence", f"event:{e.id}"))
    for q in report.quotes:
        found += _span("quote", q.id, q.start, q.end)
    for c in report.claims:
        found += _span("claim", c.id, c.content.start, c.content.end)
    for n in report.quantities:
        found += _span("figure", n.id, n.start, n.end)
    for t in report.times:
        found += _span("time", t.id, t.start, t.end)
    for a in report.actors:
        for m in a.mentions:
            found += _span("actor", a.id, m.start, m.end)
    for p in report.places:
        for m in p.mentions:
            found += _span("place", p.id, m.start, m.end)
    return found


def segments(text: str, spans: list[Mark]) -> list[Segment]:
    """``text`` cut at every boundary; ``"".join(s.text for s in result) == text``."""
    size = len(text)
    spans = [m for m in spans if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in spans), *(m.end for m in spans)})
    starts: dict[int, list[Mark]] = {}
    for m in spans:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        active = [m for m in active if m.end > left] + starts.get(left, [])
        if not active:
            out.append(Segment(text[left:right], left, None, ()))
            continue
        ordered = sorted(active, key=lambda m: (m.kind == "sentence", m.end - m.start))
        colour = next((m.kind for m in ordered if m.kind != "sentence"), None)
        items = tuple(dict.fromkeys(m.item for m in ordered if m.kind != "hit"))
        if any(m.kind == "hit" for m in active):
            colour = "hit" if colour is None else colour
            items = (*items, "hit")
        out.append(Segment(text[left:right], left, colour, items))
    return out


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def items(report: Report) -> list[Item]:
    """The side list: one entry per item, grouped by kind in :data:`KINDS` order."""
    names = {a.id: a.name for a in report.actors}
    out: list[Item] = []
    for e in report.events:
        who = ", ".join(names.get(p.actor or "", p.name) for p in e.source) or "?"
        whom = ", ".join(names.get(p.actor or "", p.name) for p in e.target)
        label = f"{e.type} {who}" + (f" → {whom}" if whom else "")
        detail = " · ".join(
            x for x in (e.date, e.modality if e.modality != "asserted" else "") if x
        )
        out.append(Item(f"event:{e.id}", "event", label, detail, e.trigger.start))
    for q in report.quotes:
        speaker = q.speaker.name if q.speaker else "?"
        out.append(Item(f"quote:{q.id}", "quote", _clip(q.text, 70), speaker, q.start))
    for c in report.claims:
        label = _clip(c.content.text, 70)
        hedges = ", ".join(h.kind for h in c.hedges)
        detail = c.source.name + (f" · {hedges}" if hedges else "")
        out.append(Item(f"claim:{c.id}", "claim", label, detail, c.content.start))
    for n in report.quantities:
        out.append(Item(f"figure:{n.id}", "figure", n.text, n.unit or "", n.start))
    for t in report.times:
        out.append(Item(f"time:{t.id}", "time", t.text, t.value or "unresolved", t.start))
    for a in report.actors:
        first = a.mentions[0].start if a.mentions else 0
        detail = " · ".join(x for x in (a.kind, a.country, a.sector) if x)
        out.append(Item(f"actor:{a.id}", "actor", a.name, detail, first))
    for p in report.places:
        first = p.mentions[0].start if p.mentions else 0
        out.append(Item(f"place:{p.id}", "place", p.name, p.country or p.feature, first))
    return out


def records(report: Report) -> dict[str, dict[str, Any]]:
    """Item id -> its record as JSON-ready data (what a click on a span shows)."""
    groups: list[tuple[str, list[Any]]] = [
        ("event", report.events),
        ("quote", report.quotes),
        ("claim", report.claims),
        ("figure", report.quantities),
        ("time", report.times),
        ("actor", report.actors),
        ("place", report.places),
    ]
    return {
        f"{kind}:{record.id}": record.model_dump(mode="json", exclude={"mentions"})
        for kind, group in groups
        for record in group
    }
