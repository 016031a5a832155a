"""PLOVER JSONL: one record per event, in the field layout of the PLOVER manual.

Follows the PLOVER data-format conventions (as in the PLOVER gold-standard
records): ``id``, ``date``, ``event``, ``mode``, ``context``, ``source`` and
``target`` as lists of ``{actorText, code, sector}``, ``eventText``, ``text``,
``eventLoc``, ``dead``/``injured``/``size``, ``language``, ``publication``,
``version``; only non-null fields are written. Flashpoint adds what PLOVER
leaves to the coder: ``quad``, ``intensity``, ``modality``, ``attribution``,
``datePrecision`` and character offsets (``eventSpan``, ``textSpan``) so every
record points back at its evidence. ``context`` (PLOVER's topic tags) is not
produced. ``code`` is the ISO 3166 alpha-3 country where known.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flashpoint.models import Event, EventParticipant, Place, Report

VERSION = "2.0"
CODER = "Flashpoint"
_FIGURE_FIELDS = {"dead": "dead", "injured": "injured", "arrested": "arrested", "troops": "size"}


def _actor(part: EventParticipant) -> dict[str, Any]:
    return _compact(
        {
            "actorText": part.name,
            "code": part.country,
            "sector": part.sector,
            "actorId": part.actor,
        }
    )


def _place(place: Place) -> dict[str, Any]:
    return _compact(
        {
            "placeName": place.name,
            "featureType": place.feature,
            "countryCode": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "geonameID": place.gazetteer_id,
        }
    )


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v != [] and v != {}}


def record(report: Report, event: Event) -> dict[str, Any]:
    """The PLOVER record of one event of ``report``."""
    places = {p.id: p for p in report.places}
    doc = report.document
    out: dict[str, Any] = {
        "id": f"{doc.id[:16]}-{event.id}",
        "date": event.date,
        "datePrecision": event.date_precision,
        "event": event.type,
        "mode": event.mode,
        "quad": event.quad,
        "intensity": event.intensity,
        "modality": event.modality,
        "source": [_actor(p) for p in event.source],
        "target": [_actor(p) for p in event.target],
        "eventText": event.trigger.text,
        "eventSpan": [event.trigger.start, event.trigger.end],
        "text": event.sentence.text.strip(),
        "textSpan": [event.sentence.start, event.sentence.end],
        "eventLoc": _place(places[event.location]) if event.location in places else None,
        "attribution": event.attribution,
        "language": doc.language,
        "publication": doc.source or doc.title,
        "publicationDate": doc.published,
        "documentId": doc.id,
        "coder": CODER,
        "version": VERSION,
    }
    for figure in event.figures:
        name = _FIGURE_FIELDS.get(figure.kind)
        if name and name not in out:
            out[name] = figure.value if figure.value % 1 else int(figure.value)
    return _compact(out)


def records(report: Report) -> Iterator[dict[str, Any]]:
    """PLOVER records for every event of ``report``, in document order."""
    for event in report.events:
        yield record(report, event)
