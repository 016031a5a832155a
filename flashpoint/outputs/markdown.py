"""A readable situation report in Markdown, rendered from one ``Report``.

Sections: the document (title, source, publication date), Who (actors), Where
(places), When (time expressions in date order), Events, Quotes by speaker, Claims
with their sourcing, and Figures. Every item ends with its evidence: the sentence
it came from (shortened around the item when long) and its character offsets into
``document.text`` as ``start:end``.

It renders what the Report holds and derives nothing new: an empty field gives a
section that says so. It reads the model's fields; it does not re-declare them.
"""

from __future__ import annotations

import re
from collections.abc import Sized
from itertools import groupby
from typing import TypeVar

from flashpoint.models import (
    Actor,
    Claim,
    Event,
    EventParticipant,
    Mention,
    Place,
    Quantity,
    Quote,
    Report,
    Span,
    TimeExpression,
)

# Sentences longer than this are cut to a window around the item.
MAX_EVIDENCE = 220
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s|\n")


def render(report: Report) -> str:
    """The situation report for ``report`` as one Markdown string."""
    text = report.document.text
    places = {p.id: p.name for p in report.places}
    # Who an event rests on: the claim's source or the quote's speaker, by record id.
    sources = {c.id: c.source.name for c in report.claims}
    sources |= {q.id: q.speaker.name for q in report.quotes if q.speaker}
    parts = [
        _header(report),
        _section("Who", [_actor(a, text) for a in _by_prominence(report.actors)]),
        _section("Where", [_place(p, text) for p in _by_prominence(report.places)]),
        _section("When", [_time(t, text) for t in _in_date_order(report.times)]),
        _section("Events", [_event(e, places, sources) for e in _events_in_order(report.events)]),
        _quotes(report.quotes, {a.id: a.name for a in report.actors}),
        _section("Claims", [_claim(c, text) for c in report.claims]),
        _section("Figures", [_figure(q, text) for q in report.quantities]),
    ]
    return "\n\n".join(parts).rstrip() + "\n"


# --- the sections ------------------------------------------------------------------


def _header(report: Report) -> str:
    doc = report.document
    lines = [f"# {_md(doc.title) if doc.title else 'Situation report'}", ""]
    lines.append(f"- **Source:** {_md(doc.source) if doc.source else 'unknown'}")
    lines.append(f"- **Published:** {doc.published or 'unknown'}")
    lines.append(f"- **Document:** `{doc.id[:12]}` ({len(doc.text):,} characters, {doc.language})")
    counts: list[tuple[str, Sized]] = [
        ("actors", report.actors),
        ("places", report.places),
        ("times", report.times),
        ("events", report.events),
        ("quotes", report.quotes),
        ("claims", report.claims),
        ("figures", report.quantities),
    ]
    lines.append("- **Found:** " + ", ".join(f"{len(items)} {name}" for name, items in counts))
    return "\n".join(lines)


def _section(title: str, items: list[str]) -> str:
    body = "\n".join(items) if items else "_None found._"
    return f"## {title}\n\n{body}"


def _actor(actor: Actor, text: str) -> str:
    facts = [actor.kind, actor.country, actor.sector]
    head = f"- **{_md(actor.name)}** ({', '.join(f for f in facts if f)})"
    if actor.roles:
        head += f"; roles: {_md(', '.join(actor.roles))}"
    return head + _mentions(actor.mentions, text)


def _place(place: Place, text: str) -> str:
    facts: list[str] = [place.feature]
    if place.country:
        facts.append(place.country)
    if place.lat is not None and place.lon is not None:
        facts.append(f"{place.lat:.3f}, {place.lon:.3f}")
    head = f"- **{_md(place.name)}** ({'; '.join(facts)})"
    return head + _mentions(place.mentions, text)


def _mentions(mentions: list[Mention], text: str) -> str:
    """How often an actor or place is mentioned, with the first mention's evidence."""
    shown = f"; {_plural(len(mentions), 'mention')}"
    if mentions:
        shown += f"; first: {_evidence(text, mentions[0].start, mentions[0].end)}"
    return shown


def _time(time: TimeExpression, text: str) -> str:
    value = f"**{time.value}**" if time.value else "**unresolved**"
    anchored = ", from the publication date" if time.anchored else ""
    return (
        f"- {value} ({time.type}{anchored}): “{_md(time.text)}”"
        f" in {_evidence(text, time.start, time.end)}"
    )


def _event(event: Event, places: dict[str, str], sources: dict[str, str]) -> str:
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    date = event.date or "undated"
    line = f"- **{date}** · **{kind}** ({event.quad.replace('_', ' ')}, {event.intensity:+g})"
    line += f": {_parties(event.source)} → {_parties(event.target)}"
    if event.location:
        line += f"; at {_md(places.get(event.location, event.location))}"
    if event.modality != "asserted":
        line += f"; {event.modality}"
    if event.figures:
        figures = ", ".join(f"{_qualified(f.value, f.qualifier)} {f.kind}" for f in event.figures)
        line += f"; figures: {figures}"
    if event.attribution:
        by = sources.get(event.attribution)
        line += f"; per {_md(by)} (`{event.attribution}`)" if by else f"; per `{event.attribution}`"
    sentence = event.sentence
    line += (
        f"\n  - “{_md(event.trigger.text)}” in "
        f"{_shorten(sentence, event.trigger.start, event.trigger.end)}"
        f" `{event.trigger.start}:{event.trigger.end}`"
    )
    return line


def _quotes(quotes: list[Quote], actors: dict[str, str]) -> str:
    if not quotes:
        return _section("Quotes", [])

    def speaker(quote: Quote) -> str:
        """The resolved actor's name where there is one, so "he" joins "Maduro"."""
        if quote.speaker is None:
            return ""
        if quote.speaker.actor and quote.speaker.actor in actors:
            return actors[quote.speaker.actor]
        return _squeeze(quote.speaker.name)

    # Speakers in order of their first quote; unattributed quotes last.
    first_seen: dict[str, int] = {}
    for quote in quotes:
        first_seen.setdefault(speaker(quote), quote.start)
    ordered = sorted(quotes, key=lambda q: (speaker(q) == "", first_seen[speaker(q)], q.start))
    blocks = ["## Quotes"]
    for name, group in groupby(ordered, key=speaker):
        items = list(group)
        blocks.append(f"### {_md(name) if name else 'Unattributed'} ({len(items)})")
        blocks.append("\n".join(_quote(q) for q in items))
    return "\n\n".join(blocks)


def _quote(quote: Quote) -> str:
    line = f"- “{_md(quote.text)}”"
    if quote.cue:
        line += f" ({_md(quote.cue.text)})"
    line += f" `{quote.start}:{quote.end}`"
    # A partial quote means little without the sentence around it.
    if quote.partial and quote.sentence:
        line += f" in {_shorten(quote.sentence, quote.start, quote.end)}"
    return line


def _claim(claim: Claim, text: str) -> str:
    source = claim.source
    line = f"- **{_md(source.name)}** ({source.kind})"
    if claim.via:
        chain = ", ".join(
            f"{_md(v.name)} ({v.kind}{f', {v.count}' if v.count is not None else ''})"
            for v in claim.via
        )
        line += f" via {chain}"
    if claim.cue:
        line += f", {_md(claim.cue.text)}"
    if claim.hedges:
        hedges = ", ".join(f"{h.kind} “{_md(h.text)}”" for h in claim.hedges)
        line += f"; hedged: {hedges}"
    content = claim.content
    line += f": “{_md(_cut(content.text))}” `{content.start}:{content.end}`"
    return line


def _figure(quantity: Quantity, text: str) -> str:
    unit = f" {_md(quantity.unit)}" if quantity.unit else ""
    value = _qualified(quantity.value, quantity.qualifier)
    where = (
        _shorten(quantity.sentence, quantity.start, quantity.end)
        if quantity.sentence
        else _evidence(text, quantity.start, quantity.end, offsets=False)
    )
    return (
        f"- **{value}{unit}**: “{_md(quantity.text)}” in {where} `{quantity.start}:{quantity.end}`"
    )


# --- ordering -------------------------------------------------------------------


_Mentioned = TypeVar("_Mentioned", Actor, Place)


def _by_prominence(items: list[_Mentioned]) -> list[_Mentioned]:
    """Most mentioned first; ties in order of first appearance."""
    return sorted(
        items,
        key=lambda x: (-len(x.mentions), x.mentions[0].start if x.mentions else 0),
    )


def _in_date_order(times: list[TimeExpression]) -> list[TimeExpression]:
    """Calendar values first, in date order; durations, sets and unresolved ones after."""

    def key(time: TimeExpression) -> tuple[int, str, int]:
        value = time.value or ""
        calendar = time.type in {"date", "time"} and value[:1].isdigit()
        return (0 if calendar else 1, value if calendar else "", time.start)

    return sorted(times, key=key)


def _events_in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.trigger.start))


# --- small helpers -------------------------------------------------------------------


def _parties(participants: list[EventParticipant]) -> str:
    if not participants:
        return "?"
    return ", ".join(
        _md(p.name)
        + (f" ({'/'.join(x for x in (p.country, p.sector) if x)})" if p.country or p.sector else "")
        for p in participants
    )


def _qualified(value: float, qualifier: str) -> str:
    words = {
        "exact": "",
        "at_least": "at least ",
        "more_than": "more than ",
        "about": "about ",
        "up_to": "up to ",
        "less_than": "fewer than ",
    }
    return f"{words.get(qualifier, '')}{_number(value)}"


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _evidence(text: str, start: int, end: int, *, offsets: bool = True) -> str:
    """The sentence of the document around ``start:end``, quoted, with the offsets."""
    left = max(0, start - 2000)  # no sentence in news runs longer
    for found in _SENTENCE_END.finditer(text, left, start):
        left = found.end()
    after = _SENTENCE_END.search(text, end)
    right = after.end() if after else len(text)
    while right > end and text[right - 1].isspace():
        right -= 1
    sentence = Span(start=left, end=right, text=text[left:right])
    quoted = _shorten(sentence, start, end)
    return f"{quoted} `{start}:{end}`" if offsets else quoted


def _shorten(sentence: Span, start: int, end: int) -> str:
    """``sentence`` quoted, cut to a window around ``start:end`` when too long."""
    body = sentence.text
    if len(body) > MAX_EVIDENCE:
        lo = max(0, start - sentence.start - MAX_EVIDENCE // 2)
        hi = min(len(body), max(end - sentence.start, lo) + MAX_EVIDENCE // 2)
        body = ("…" if lo > 0 else "") + body[lo:hi].strip() + ("…" if hi < len(body) else "")
    return f"“{_md(body)}”"


def _cut(value: str) -> str:
    return value if len(value) <= MAX_EVIDENCE else value[: MAX_EVIDENCE - 1].rstrip() + "…"


def _squeeze(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def _md(value: str) -> str:
    """One line, with what Markdown would read as formatting escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _squeeze(value))
