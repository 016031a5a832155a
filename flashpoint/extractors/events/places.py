"""Where an event happened: its clause, else its sentence, else the dateline.

Called by the event coder (``events.py``) for each event. Order, finest first:

1. ``clause``: a place in a locative phrase of the event's own clause ("in
   Tripoli", "near the city of Deir ez-Zor"), nearest the trigger;
2. ``sentence``: a place in a locative phrase elsewhere in its sentence, when
   the sentence names only one such place (two places leave it unknown);
3. ``dateline``: the dateline's place ("BENGHAZI (Reuters) -"), but only when
   the story is about that place's country: a Syria story filed from Beirut or
   Amman does not happen in Lebanon or Jordan. A place a participant stands
   in for ("attacked Tripoli") is the target, not the setting, and is skipped.

``place_precision`` is the gazetteer feature mapped to site, town, admin,
region or country; ``place_reason`` is the step above that chose it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.extractors.events import frames as fr

PRECISION = {
    "landmark": "site",
    "city": "town",
    "admin": "admin",
    "region": "region",
    "country": "country",
}


def precision_of(place: Any) -> str | None:
    return PRECISION.get(place.feature) if place is not None else None


def _locative(tok: Token) -> bool:
    prep = tok.head if tok.dep_ == "pobj" else None
    if tok.dep_ in ("compound", "appos", "conj") and tok.head.dep_ == "pobj":
        prep = tok.head.head  # "in the city of X" parses X under "city"
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "near the city of Deir ez-Zor"
    return prep is not None and prep.lower_ in fr.LOCATIVE


def unknown_place(tok: Token, places: dict[int, Any]) -> bool:
    """A proper name in a locative phrase that the gazetteer did not resolve."""
    if tok.pos_ != "PROPN" or tok.i in places or tok.ent_type_ in ("NORP", "DATE", "TIME"):
        return False
    head = tok
    if tok.dep_ == "compound" and tok.head.dep_ == "pobj":
        head = tok.head  # "in Batsari town"
    if any(t.i in places for t in head.subtree):
        return False  # "in the Marja district of Damascus": the phrase has a known place
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "near", "outside", "at")


def in_sentence(places: dict[int, Any], sent: SpacySpan, skip: set[int]) -> Any | None:
    """The one place named in a locative phrase of the sentence, if only one is."""
    found = {}
    for tok in sent:
        place = places.get(tok.i)
        if place is None or tok.i in skip or not _locative(tok):
            continue
        found[place.id] = place
    return next(iter(found.values())) if len(found) == 1 else None


def main_country(all_places: list[Any]) -> str | None:
    """The country the story's places are in most often (mentions counted)."""
    counts: Counter[str] = Counter()
    for place in all_places:
        if place.country:
            counts[place.country] += len(place.mentions)
    return counts.most_common(1)[0][0] if counts else None


def dateline_place(dateline: Any, all_places: list[Any]) -> Any | None:
    if dateline is None:
        return None
    place = next(
        (p for p in all_places if any(m.start == dateline.start for m in p.mentions)), None
    )
    if place is None:
        return None
    others = [p for p in all_places if p is not place]
    if others and place.country != main_country(others):
        return None  # filed from elsewhere: a Beirut dateline on a story about Syria
    return place


def choose(
    clause_place: str | None,
    places: dict[int, Any],
    all_places: list[Any],
    sent: SpacySpan,
    participants: set[int],
    dateline: Any,
    scope: list[Token] = (),  # type: ignore[assignment]
) -> tuple[str | None, str | None, str | None]:
    """(Place.id, place_precision, place_reason) for one event."""
    by_id = {p.id: p for p in all_places}
    if clause_place is not None:
        return clause_place, precision_of(by_id.get(clause_place)), "clause"
    if any(unknown_place(tok, places) for tok in scope):
        return None, None, None  # "near Brega", not in the gazetteer: unknown, not guessed
    place = in_sentence(places, sent, participants)
    if place is not None:
        return place.id, precision_of(place), "sentence"
    place = dateline_place(dateline, all_places)
    if place is not None:
        return place.id, precision_of(place), "dateline"
    return None, None, None


FACILITY_WORDS = frozenset(
    {"airfield", "airport", "airbase", "station", "square", "bridge", "hospital", "market",
     "compound", "checkpoint", "crossing", "stadium", "mosque", "church", "hotel"}
)


def stands_for_no_one(part: Any, places_by_span: dict[tuple[int, int], Any]) -> bool:
    """A doer that is only a place: "Bagram Airfield bombing", "Lyon said". A country
    or a capital stands for its government ("Libya attacked", "Washington said");
    a town, region, admin area or landmark does not."""
    words = part.name.lower().split()
    if words and words[-1] in FACILITY_WORDS:
        return True  # "the 2007 Bagram Airfield bombing": a site, not a doer
    place = places_by_span.get((part.start, part.end))
    if place is None or (part.actor is not None and part.sector is not None):
        return False
    if place.feature == "country":
        return False
    if place.feature == "city":
        from flashpoint import gazetteer

        return not any(
            e.capital for e in gazetteer.lookup(place.name) if e.gazetteer_id == place.gazetteer_id
        )
    return True


PARAGRAPH_LOOKBACK = 1  # the sentence just before, in the same paragraph


def paragraph_place(
    places: dict[int, Any], sentences: list[SpacySpan], sent: SpacySpan, text: str
) -> Any | None:
    """No place in the event's clause or sentence: the one place the sentence before, in
    the same paragraph, names in a locative phrase ("Tanks were deployed in Hama on
    Sunday. Witnesses said snipers killed four men."). A line break ends the paragraph;
    a sentence naming two places gives none (unknown)."""
    index = next((i for i, s in enumerate(sentences) if s.start == sent.start), None)
    if index is None:
        return None
    for prev in reversed(sentences[max(0, index - PARAGRAPH_LOOKBACK) : index]):
        if "\n" in text[prev.start_char : sent.start_char]:
            return None  # another paragraph
        found = {places[t.i].id: places[t.i] for t in prev if t.i in places and _locative(t)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
