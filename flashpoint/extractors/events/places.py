"""Where an event happened: its clause, else its sentence, else the dateline.

Called by the event coder (``events.py``) for each event. Order, finest first:

1. ``clause``: a place in a locative phrase of the event's own clause ("in
   Tripoli", "near the city of Deir ez-Zor"), nearest the trigger;
2. ``sentence``: a place in a locative phrase elsewhere in its sentence, when
   the sentence names only one such place (two places leave it unknown);
   ``paragraph``: when the sentence names no place at all, the place of an event
   of the same type in the sentence before it, in the same paragraph;
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
    previous: tuple[str, str | None] | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(Place.id, place_precision, place_reason) for one event. ``previous`` is the
    (Place.id, place_precision) of an event of the same type coded or mentioned in
    the sentence before, in the same paragraph, that this one may continue
    ("Shootings in Belfast continued. In one incident, a man was killed"): its
    place is taken when this sentence names none."""
    by_id = {p.id: p for p in all_places}
    if clause_place is not None:
        return clause_place, precision_of(by_id.get(clause_place)), "clause"
    if any(unknown_place(tok, places) for tok in scope):
        return None, None, None  # "near Brega", not in the gazetteer: unknown, not guessed
    place = in_sentence(places, sent, participants)
    if place is not None:
        return place.id, precision_of(place), "sentence"
    if previous is not None and not any(t.i in places for t in sent):
        return previous[0], previous[1], "paragraph"
    place = dateline_place(dateline, all_places)
    if place is not None:
        return place.id, precision_of(place), "dateline"
    return None, None, None


# Head nouns of a named site ("the Oxford Street bus station", "the Rolando cafe").
SITE_WORDS = frozenset(
    {"street", "road", "avenue", "lane", "boulevard", "square", "station", "terminal",
     "airfield", "airport", "airbase", "base", "camp", "market", "bazaar", "mall", "cafe",
     "café", "cafeteria", "restaurant", "bar", "club", "hotel", "mosque", "church",
     "cathedral", "synagogue", "temple", "shrine", "school", "university", "college",
     "hospital", "bridge", "building", "tower", "embassy", "consulate", "checkpoint",
     "compound", "stadium", "arena", "bakery", "prison", "jail", "barracks", "palace",
     "port", "harbour", "harbor", "ministry", "parliament", "headquarters", "office",
     "st", "rd", "ave", "blvd", "sq"}
)
# Sites one is "on" ("on Rue Victor Hugo"); "on the market" is a target, not a place.
THOROUGHFARES = frozenset(
    {"street", "road", "avenue", "lane", "boulevard", "square", "bridge", "highway",
     "st", "rd", "ave", "blvd", "sq", "rue", "calle", "via", "avenida", "rua"}
)
# Clauses that share their main clause's scene ("was shot when he opened the door").
WHEN = frozenset({"when", "as", "while"})
# Prepositions after which a proper name is a place even when the tagger took it for
# a person ("killed in Badia al-Sukhnah"): people are shot at, not in or near.
AREA_PREPS = frozenset({"in", "near", "outside", "around", "inside"})
# Entity labels a proper name in a locative phrase has when it is no site.
NOT_SITE = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW",
                      "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"})


def _locative_head(tok: Token) -> bool:
    """The object of a locative preposition, or of "on" when it names a street or
    another site ("on Rue Victor Hugo", "on the central street Rue Victor Hugo")."""
    if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
        tok = tok.head  # "the central street Rue Victor Hugo"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head.lower_
    words = {tok.lemma_.lower()} | {c.lower_ for c in tok.lefts if c.dep_ == "compound"}
    return prep in fr.LOCATIVE or (prep == "on" and bool(words & THOROUGHFARES))


def _named_site(head: Token, places: dict[int, Any]) -> tuple[int, int] | None:
    """Token range of the named site ``head`` ends, if it is one: a proper name the
    gazetteer does not know ("in Bagram", "at Oxford St"), or a site noun with a
    proper-name modifier ("the Oxford Street bus station", "Kabul airport")."""
    label = head.ent_type_
    if label == "PERSON" and head.head.lower_ in AREA_PREPS:
        label = ""  # "in Badia al-Sukhnah": a place the tagger took for a name
    if label == "ORG" and head.lemma_.lower().rstrip(".") in SITE_WORDS:
        label = ""  # "at Oxford St": a street the tagger took for an organization
    if head.dep_ == "appos" and head.head.lemma_.lower() in SITE_WORDS:
        label = ""  # "the street Rue Victor Hugo": named after a person, still a street
    if any(c.lower_ in THOROUGHFARES for c in head.lefts if c.dep_ == "compound"):
        label = ""  # "on Rue Clemenceau"
    if head.i in places or label in NOT_SITE:
        return None
    left = [c for c in head.lefts if c.dep_ in ("compound", "nmod") or c.pos_ == "PROPN"]
    start = min((t.i for c in left for t in c.subtree), default=head.i)
    while start < head.i and head.doc[start].pos_ not in ("PROPN", "NOUN"):
        start += 1
    words = head.doc[start : head.i + 1]
    named = any(t.pos_ == "PROPN" for t in words)
    if head.pos_ == "PROPN" and head.text[:1].isupper() and not head.is_sent_start:
        if any(t.i in places for t in words):
            return None  # "in Helmand Province": a known place, not a site
        return start, head.i + 1
    if head.lemma_.lower() in SITE_WORDS and named:
        while words and words[0].pos_ != "PROPN":
            words = words[1:]
        return (words[0].i, head.i + 1) if words else None
    return None


def site(scope: list[Token], anchor: Token, trigger: Token, places: dict[int, Any]) -> Any:
    """The named site nearest the trigger in a locative phrase of the event's clause
    (or of a "when" clause it governs), or the site a "where" clause hangs on
    ("the bus station, where six were killed"); a spaCy span, or None."""
    toks = list(scope)
    for child in anchor.children:  # "shot dead when he answered his door in X Road"
        if child.dep_ == "advcl" and any(c.lower_ in WHEN for c in child.children):
            toks += fr.clause(child)
    heads = [t for t in toks if _locative_head(t)]
    if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
        heads.append(anchor.head)
    best = None
    for head in heads:
        found = _named_site(head, places)
        if found is None:
            continue
        dist = abs(head.i - trigger.i)
        if best is None or dist < best[0]:
            best = (dist, found)
    if best is None:
        return None
    start, end = best[1]
    return trigger.doc[start:end]


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
    places: dict[int, Any], sentences: list[SpacySpan], index: int, text: str
) -> Any | None:
    """No place in the event's clause or sentence: the one place the sentence before, in
    the same paragraph, names in a locative phrase ("Tanks were deployed in Hama on
    Sunday. Witnesses said snipers killed four men."). A line break ends the paragraph;
    a sentence naming two places gives none (unknown). ``index`` is the event's
    sentence in ``sentences`` (``Context.sentence_index``)."""
    sent = sentences[index]
    for prev in reversed(sentences[max(0, index - PARAGRAPH_LOOKBACK) : index]):
        if "\n" in text[prev.start_char : sent.start_char]:
            return None  # another paragraph
        found = {places[t.i].id: places[t.i] for t in prev if t.i in places and _locative(t)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
