"""Where an event happened: its clause, else its sentence, else the dateline.

Called by the event coder (``events.py``) for each event. Order, finest first:

1. ``clause``: a place in a locative phrase of the event's own clause ("in
   Tripoli", "near the city of Deir ez-Zor"), nearest the trigger;
2. ``sentence``: a place in a locative phrase elsewhere in its sentence, when
   the sentence names only one such place (two places leave it unknown);
   ``anaphora``: "in the capital", "the city", "the area" resolved to the town the
   text named last (``anaphoric_place``);
   ``paragraph``: the place of the scene the event carries on, from the sentence
   or two before it or the lead (``carried_place``; one-sentence paragraphs);
   ``bearing``: a scene told only by its bearing or distance from a town ("a market
   town south of Baghdad", "a village 30 km from Alexandria") is in that town's
   country (``bearing_country``), also when its own name is unknown;
3. ``dateline``: the dateline's place ("BENGHAZI (Reuters) -"), but only when
   the story is about that place's country and the sentence names no other country
   (``elsewhere``): a Syria story filed from Beirut or Amman does not happen in
   Lebanon or Jordan.

Before all of these, ``nationwide``: an act told for a whole country ("killed across
the country", "nationwide protests", "throughout Syria") takes the country. A place a
participant stands in for ("attacked Tripoli") is the target, not the setting, and is skipped.

A place that only says where a statement was made ("said in Ankara that troops ...")
or where the teller of a running toll is ("authorities in Damascus say") does not
place the act told; a dateline does not place an act dated to an earlier year.

``place_precision`` is the gazetteer feature mapped to site, town, admin,
region or country; ``place_reason`` is the step above that chose it.
"""

from __future__ import annotations

import calendar
from collections import Counter
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.places import BEARINGS

PRECISION = {
    "landmark": "site",
    "city": "town",
    "admin": "admin",
    "region": "region",
    "country": "country",
}


def precision_of(place: Any) -> str | None:
    return PRECISION.get(place.feature) if place is not None else None


# Nouns for the parts of a place: "shelled southern parts of Latakia", "raided
# villages of Hama province" happen in that place, whatever role the noun plays.
PART_NOUNS = frozenset(
    {"part", "district", "neighbourhood", "neighborhood", "suburb", "outskirts", "area",
     "village", "quarter", "street", "centre", "center", "edge", "countryside", "east",
     "west", "north", "south"}
)  # fmt: skip


def part_of(prep: Token) -> bool:
    """``prep`` is the "of" of a part of a place ("parts of Latakia", "the outskirts of
    Homs") whose noun is an object or subject of the clause, not itself located."""
    if prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    noun = prep.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PART_NOUNS and noun.dep_ in (
        "dobj", "nsubj", "nsubjpass"
    )


# Meetings named by their town ("the Munich conference", "the Geneva talks") and the
# words for their edges ("on the sidelines of"): the meeting is where its town is.
MEETING_NOUNS = frozenset({"conference", "summit", "talks", "meeting", "forum", "congress"})
MEETING_EDGES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})
MEETING_PREPS = frozenset({"at", "in", "during", "on"})


def meeting_site(tok: Token) -> bool:
    """``tok`` is the town that names a meeting where the act was done ("met on the
    sidelines of the Munich conference", "spoke at the Brussels summit")."""
    noun = tok.head
    if tok.dep_ != "compound" or noun.lemma_.lower() not in MEETING_NOUNS:
        return False
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in MEETING_EDGES and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "on the sidelines of the Munich conference"
    return prep.lower_ in MEETING_PREPS


# Nouns a place name modifies as a topic, not a site: "a partner in the Middle East
# peace process", "a shift in Syria policy", "in the Iran dossier".
TOPIC_NOUNS = frozenset(
    {"process", "policy", "issue", "question", "affairs", "debate", "dossier", "file",
     "strategy", "expert", "analyst", "specialist", "correspondent", "envoy"}
)  # fmt: skip


def topic_of(tok: Token) -> bool:
    """``tok`` names the topic of the noun it modifies ("the Middle East peace process",
    "Syria policy"): the phrase places no act there."""
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i != tok.i and head.pos_ == "NOUN" and head.lemma_.lower() in TOPIC_NOUNS


def _locative(tok: Token) -> bool:
    if meeting_site(tok):
        return True  # "on the sidelines of the Munich conference"
    if topic_of(tok) or bearing_reference(tok):
        return False  # "a partner in the Middle East peace process", "a town south of X"
    if tok.dep_ == "pobj" and part_of(tok.head):
        return True  # "shelled southern parts of Latakia"
    prep = tok.head if tok.dep_ == "pobj" else None
    if (tok.dep_ in ("compound", "appos", "conj") and tok.head.dep_ == "pobj") or owns_site(tok):
        prep = tok.head.head  # "in the city of X" parses X under "city"; "in Cairo's square"
    for _ in range(3):  # "near the city of Deir ez-Zor", "in a district of the port of X"
        if prep is None or prep.lower_ != "of" or prep.head.dep_ != "pobj":
            break
        prep = prep.head.head
    return prep is not None and prep.lower_ in fr.LOCATIVE and not in_support(prep)


# Nouns of a place a town or country owns ("in Cairo's Tahrir Square", "in Syria's
# north"); "in Syria's oil industry", "in Syria's future" are no places.
OWNED_PLACES = frozenset({"capital", "border", "coast", "resort", "province", "region"})


def owns_site(tok: Token) -> bool:
    """``tok`` is the owner of a site or part of a place in a locative phrase."""
    noun = tok.head
    return tok.dep_ == "poss" and noun.dep_ == "pobj" and noun.lemma_.lower() in (
        SITE_WORDS | PART_NOUNS | SETTLEMENT_WORDS | OWNED_PLACES
    )


def unknown_place(tok: Token, places: dict[int, Any], settlement: bool = False) -> bool:
    """A proper name in a locative phrase that the gazetteer did not resolve; with
    ``settlement``, also one named as "the town/village of X" ("in the town of
    Kobani": a place is stated, so no other is carried to the event)."""
    if tok.pos_ != "PROPN" or tok.i in places or tok.ent_type_ in ("NORP", "TIME"):
        return False
    if tok.ent_type_ == "DATE" and not _misread_date(tok):
        return False
    head = tok
    if tok.dep_ == "compound" and tok.head.dep_ == "pobj":
        head = tok.head  # "in Batsari town"
    if any(t.i in places for t in head.subtree):
        return False  # "in the Marja district of Damascus": the phrase has a known place
    of_town = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj"
    if settlement and of_town:
        head = head.head.head  # "in the town of Kobani": the town is named, only unknown
        if head.lemma_.lower() not in SETTLEMENT_WORDS:
            return False
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "near", "outside", "at")


CALENDAR_WORDS = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [m.lower() for m in calendar.month_abbr[1:]]
    + [d.lower() for d in calendar.day_name] + ["ramadan", "easter", "christmas", "eid"]
)


def _misread_date(tok: Token) -> bool:
    """A one-word "date" the tagger gave to a place name ("in Talbisseh"): no digit,
    no month, weekday or feast."""
    doc = tok.doc  # (the token's IOB tags, not doc.ents: those are built anew per call)
    alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    return (
        alone
        and not any(c.isdigit() for c in tok.text)
        and tok.lower_.rstrip(".") not in CALENDAR_WORDS
    )


SETTLEMENT_WORDS = frozenset({"town", "city", "village", "district", "suburb", "province"})


def first_conjunct(tok: Token) -> Token:
    """The first of a list of names ("in Tunisia and Egypt": Tunisia), which holds the
    list's preposition."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def in_aside(tok: Token, act: Token | None) -> bool:
    """``tok`` sits in a relative clause that does not hold the act ("Facebook, where
    users talk to others outside Syria"): a description, not the act's words."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return act is None or not (cur.i == act.i or cur.is_ancestor(act))
        cur = cur.head
    return False


def describes_place(tok: Token, places: dict[int, Any], act: Token | None) -> bool:
    """The locative phrase of ``tok`` sits in an appositive or a relative clause on a
    place the gazetteer knows, which does not hold the act ("stormed Rastan, a town
    near Homs", "a visit to Austria, where he attended a conference on Afghanistan"):
    it tells where that place lies or what happens there, not the act's scene. A
    described town the gazetteer lacks ("Tremseh, a village in Hama province") keeps
    the description's place as the coarser one."""
    cur = tok
    while cur.head.i != cur.i:
        if act is not None and (cur.i == act.i or cur.is_ancestor(act)):
            return False
        if cur.dep_ in ("appos", "relcl") and cur.head.i in places:
            return True
        cur = cur.head
    return False


def where_town(anchor: Token, places: dict[int, Any]) -> Any | None:
    """ "the town of Rastan, where troops killed 12 people", "Homs, where ...": the
    place a "where" clause holding the act hangs on, named or as "the town of X"."""
    verb = fr.top_of_chain(anchor)
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    if any(t.i in places for t in verb.subtree):
        return None  # "Lebanon, where three were killed in the city of Tripoli": its own
    head = verb.head
    if head.conjuncts:
        return None  # "Tunisia and Egypt, where millions took to the streets": both
    if head.i in places:
        return places[head.i]
    if head.pos_ == "NOUN" and head.lemma_.lower() in SETTLEMENT_WORDS:
        named = [places[o.i] for o in fr.objects(head, "of") if o.i in places]
        return named[0] if len(named) == 1 else None
    return None


def several_countries(tok: Token, places: dict[int, Any]) -> bool:
    """``tok`` is a country in a list of two or more countries ("protests in Algeria and
    Yemen", "talks in France, Germany and Britain"): the act is told for them all, no
    one of them is its place."""
    place = places.get(tok.i)
    if place is None or place.feature != "country":
        return False
    others = {
        places[c.i].country
        for c in tok.conjuncts
        if c.i in places and places[c.i].feature == "country"
    }
    return bool(others - {place.country})


def outside_country(tok: Token, place: Any) -> bool:
    """ "protests outside Italy", "rallies outside Syria": a country after "outside" is
    where the act is not (outside a town is its outskirts: "villages outside Hama")."""
    return (
        place is not None
        and place.feature == "country"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "outside"
    )




def in_sentence(
    places: dict[int, Any],
    sent: SpacySpan,
    skip: set[int],
    home: str | None = None,
    anchor: Token | None = None,
) -> Any | None:
    """The one place named in a locative phrase of the sentence, if only one is; none
    when it names another happening abroad ("a toll like that of the uprising in
    Tunisia", ``home`` being the story's country)."""
    from flashpoint.extractors.events.setting import deed_scene, other_scene, topic_scene

    found = {}
    for tok in sent:
        place = places.get(tok.i)
        if place is None or tok.i in skip or not _locative(tok) or said_elsewhere(tok, anchor):
            continue
        if in_content_clause(tok, anchor):
            continue  # "opposed any suggestion that it backs regime change in Damascus"
        if in_place_list(tok):
            continue  # "papers in the Middle East, Turkey and Russia": a spread, no scene
        bound = fr.bound_verb(tok)
        if bound is not None and anchor is not None and not (
            bound.i == anchor.i or bound.is_ancestor(anchor)
        ):
            continue  # "freed 260 prisoners after forces fired on protesters in Deraa"
        if describes_place(tok, places, anchor):
            continue  # "in Talbiseh, a town that lies in Homs province": where Talbiseh is
        if distance_reference(tok, anchor):
            continue  # "an area 40 miles from Cairo": not in Cairo
        if outside_country(tok, place) and not in_aside(tok, anchor):
            return None  # "protests outside Italy": somewhere else, not told here
        obj = first_conjunct(tok)
        if home and place.country != home and obj.dep_ == "pobj" and other_scene(obj.head, obj):
            return None  # "as after the uprising in Tunisia": the sentence is not placed
        if obj.dep_ == "pobj" and anchor is not None and deed_scene(obj.head, anchor):
            continue  # "sentenced for the murder in Basra": the murder's place
        if obj.dep_ == "pobj" and anchor is not None and topic_scene(obj.head, anchor):
            continue  # "held a meeting to discuss the events in Egypt": the topic's place
        found[place.id] = place
    if len(found) > 1:  # "In Syria, ... killed in the province of Latakia": the town
        towns = [p for p in found.values() if p.feature != "country"]
        countries = {p.country for p in found.values() if p.feature == "country"}
        if len(towns) == 1 and countries == {towns[0].country}:
            return towns[0]
    return next(iter(found.values())) if len(found) == 1 else None




def bearing_country(
    sent: SpacySpan, places: dict[int, Any], all_places: list[Any], anchor: Token | None
) -> Any | None:
    """The country of the town the act's scene is given a bearing from ("a car bomb in
    a market town south of Baghdad", "police stations just south of Cairo"): the act is
    near that town, not in it, so only its country is known, when the story names that
    country and the sentence names no place in another. The bearing must be told of
    the act's own clause (or of a "when" clause or description under it), not of a
    clause before or after it."""
    if anchor is None:
        return None
    found = None
    for tok in sent:
        place = places.get(tok.i)
        if place is None or place.feature == "country":
            continue
        if not (bearing_reference(tok) or distance_reference(tok)):
            continue
        if said_elsewhere(tok, anchor):
            continue
        if _own_clause(tok, anchor):
            found = place
    if found is None:
        return None
    if any(places[t.i].country != found.country for t in sent if t.i in places):
        return None  # "south of Baghdad ... in Syria": which country is not sure
    return home_country(all_places, found.country)


def bearing_reference(tok: Token) -> bool:
    """``tok`` is the town a bearing is taken from ("a village south of Alexandria"):
    the scene is near it, not in it, and it is no party to the act."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    bearing = tok.head.head
    # "in the north of Syria" is a part of the country, not a bearing from it
    return bearing.lower_ in BEARINGS and not any(
        c.dep_ in ("det", "poss") for c in bearing.children
    )


DISTANCE_LEMMAS = frozenset({"mile", "km", "kilometre", "kilometer", "metre", "meter"})
DISTANCE_REACH = 6  # "40 miles from the scene of the worst protests in Cairo"


def distance_reference(tok: Token, act: Token | None = None) -> bool:
    """``tok`` is in the place a distance is taken from ("an area 40 miles from Cairo",
    "about 40 miles from the scene of the worst protests in Cairo"): the scene is that
    far from it, not in it, unless the act itself (``act``) is told there ("the
    protests in Cairo")."""
    cur = tok
    for _ in range(DISTANCE_REACH):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ == "from":
            units = [cur.head.head, *cur.head.children]  # "30 km from X": either parse
            if any(u.lemma_.lower() in DISTANCE_LEMMAS for u in units):
                return act is None or not cur.head.is_ancestor(act)
        cur = cur.head
    return False


def _own_clause(tok: Token, anchor: Token) -> bool:
    """``tok`` is told of the clause of ``anchor``: the verbs between them are "when"/"as"
    clauses, relative clauses, participles or infinitives under the anchor ("killed
    when a bomb exploded in a town south of Baghdad", "shot 17 people trying to storm
    police stations south of Cairo"), or the anchor lies under ``tok``'s verb."""
    bound = fr.bound_verb(tok)
    if bound is not None and not (bound.i == anchor.i or bound.is_ancestor(anchor)):
        return False  # "freed him after police arrested him south of Cairo": the arrest's
    cur = tok
    while cur.i != anchor.i:
        if cur.is_ancestor(anchor):
            return True  # "In a town south of Baghdad, police said gunmen killed five"
        if cur.pos_ in ("VERB", "AUX"):
            if cur.dep_ == "advcl" and not any(c.lower_ in WHEN for c in cur.children):
                return False
            if cur.dep_ not in ("advcl", "relcl", "acl", "xcomp", "conj"):
                return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return True


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
    carried: Any | None = None,
    home: str | None = None,
    anchor: Token | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(Place.id, place_precision, place_reason) for one event. ``carried`` is the
    place of the scene it carries on (:func:`carried_place`), taken when its clause
    and sentence name none and it agrees with the places the sentence names."""
    by_id = {p.id: p for p in all_places}
    if clause_place is not None:
        return clause_place, precision_of(by_id.get(clause_place)), "clause"
    near = bearing_country(sent, places, all_places, anchor)
    if any(unknown_place(tok, places) for tok in scope):
        if near is not None:  # "in Hawija, 30 miles west of Kirkuk": a town of Iraq
            return near.id, "country", "bearing"
        return None, None, None  # "near Brega", not in the gazetteer: unknown, not guessed
    place = in_sentence(places, sent, participants, home, anchor)
    if place is not None:
        return place.id, precision_of(place), "sentence"
    if near is not None:
        return near.id, "country", "bearing"
    if carried is not None and fits_sentence(carried, sent, places):
        return carried.id, precision_of(carried), "paragraph"
    place = dateline_place(dateline, all_places)
    if place is not None and not elsewhere(sent, places, place.country):
        return place.id, precision_of(place), "dateline"
    return None, None, None


def before_the_dateline(date: str | None, published: Any) -> bool:
    """The act is dated to an earlier year than the report ("riots in 2004" in a 2011
    story): a dateline says where the reporter is now, not where that happened."""
    return bool(date and published is not None and date[:4].isdigit()
                and int(date[:4]) < published.year)


def elsewhere(sent: SpacySpan, places: dict[int, Any], country: str | None) -> bool:
    """The sentence names a country other than ``country`` (a place in it, or its people:
    "security forces have killed 30 people in Syria", "Syrian troops") and none in
    ``country``, so a dateline in ``country`` does not place its event (a Beirut
    dateline on a Syrian toll)."""
    other = False
    for tok in sent:
        place = places.get(tok.i)
        named = place.country if place is not None else None
        if named is None and tok.ent_type_ == "NORP":
            named = fr.country_of(tok.text)
        if named == country:
            return False  # "Bahrain, which crushed protests": the dateline's own country
        other = other or named is not None
    return other


def named_country(
    sent: SpacySpan,
    own: set[int],
    places: dict[int, Any],
    all_places: list[Any],
    home: str | None,
    doers: set[int] = frozenset(),  # type: ignore[assignment]
    parties: set[int] = frozenset(),  # type: ignore[assignment]
) -> Any | None:
    """The story's country (``home``) when the event's own words (``own``: its clause
    and its parties) name it, by name or by its people ("Syrian forces killed 20
    people", "killed 1,100 Syrian civilians"), and its sentence names no other country,
    town or area: the place of a material act with no place of its own. Another country
    named outside the event's parties (``parties``, their words), and not as a place
    where something is done, is let be when the doer (``doers``) is the story's
    country's ("Britain condemned Syria's crackdown"): a country's forces act at home
    unless told otherwise. None otherwise."""
    found, mine, theirs, outside = set(), set(), set(), False
    for tok in sent:
        place = places.get(tok.i)
        country = None
        if place is not None:
            if outside_country(tok, place):
                if tok.i in own:
                    return None  # "staged protests outside Syria": not in the country
                continue  # "users outside Syria" in an aside: says nothing of the act
            if place.feature != "country":
                return None  # a town, an area: the other rules' to use or to leave
            country = place.country
        elif tok.ent_type_ == "NORP" and tok.ent_iob_ == "B":
            country = fr.country_of(tok.text)
        if country:
            found.add(country)
            if tok.i in own:
                mine.add(country)
            if tok.i in doers:
                theirs.add(country)
            if country != home and (tok.i in parties or tok.dep_ == "pobj" or _locative(tok)):
                outside = True  # "crossed into Lebanon": the act is abroad or unknown
    strict = found == {home} and mine == {home}
    if home is None or not (strict or (theirs == {home} and not outside)):
        return None
    return next((p for p in all_places if p.feature == "country" and p.country == home), None)


# "across the country", "nationwide", "throughout Syria": an act told for the whole
# country (a toll, a wave of protests) happens in the country, whatever town is named.
NATIONWIDE = frozenset({"nationwide", "countrywide"})
SPREAD = frozenset({"across", "throughout", "around"})


def nationwide(scope: list[Token], places: dict[int, Any], all_places: list[Any],
               home: str | None) -> Any | None:
    """The country an act is told for as a whole, by a word of its clause: "nationwide",
    "across/throughout/all over the country" (the story's country, ``home``), "across
    Syria" (that country); None otherwise, or when the story names no such country."""
    for tok in scope:
        country = None
        if tok.lower_ in NATIONWIDE:
            country = home
        elif tok.dep_ == "pobj" and (
            tok.head.lower_ in SPREAD
            or (tok.head.lower_ == "over" and tok.doc[tok.head.i - 1].lower_ == "all")
        ):
            place = places.get(tok.i)
            if place is not None and place.feature == "country":
                return place
            if tok.lower_ == "country" and any(c.lower_ in ("the", "this") for c in tok.children):
                country = home
        if country is not None:
            stated = sentence_country(tok.sent, places)
            if stated is not None:
                return stated  # "In Syria itself, 18 were killed across the country"
            if only_others_people(tok.sent, home):
                return None  # "Syrian activists called for protests across the country"
            return home_country(all_places, country)
    return None


LOCATIVE_IN = frozenset({"in", "inside", "within"})


def sentence_country(sent: SpacySpan, places: dict[int, Any]) -> Any | None:
    """The one country the sentence says it is in ("In Syria itself, ..."): "the
    country" is that one, whichever country the story names most."""
    found = {
        places[t.i].id: places[t.i]
        for t in sent
        if t.i in places
        and places[t.i].feature == "country"
        and t.dep_ == "pobj"
        and t.head.lower_ in LOCATIVE_IN
    }
    return next(iter(found.values())) if len(found) == 1 else None


def only_others_people(sent: SpacySpan, home: str | None) -> bool:
    """The sentence names the people of another country than ``home`` and none of
    ``home``'s ("Syrian activists" in a story most about Lebanon): "the country" may
    be theirs, so it is not guessed."""
    named = {c for t in sent if (c := people_of(t)) is not None}
    return bool(named) and home not in named


def running_toll(anchor: Token) -> bool:
    """A toll told in the perfect with a count of its victims ("hundreds of people have
    been killed", "security forces have detained 10,000"): a running count of the
    story's conflict, not one scene's."""
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in anchor.children)
    counted = any(
        t.like_num or t.lemma_.lower() in ("hundred", "thousand", "million", "dozen")
        for t in fr.victim_words(anchor)
    )
    return perfect and counted


def people_of(tok: Token) -> str | None:
    """The country a nationality names ("Syrian" -> SYR), tagged as one or as the
    first word of a title ("Syrian President Bashar al-Assad")."""
    if not tok.text[:1].isupper() or not (
        (tok.ent_type_ == "NORP" and tok.ent_iob_ == "B") or tok.dep_ in ("amod", "compound")
    ):
        return None
    return fr.country_of(tok.text)


def home_country(all_places: list[Any], home: str | None) -> Any | None:
    """The Place of the story's country (``home``, an ISO3 code), if the story names it."""
    return next((p for p in all_places if p.feature == "country" and p.country == home), None)


# Head nouns of a named site ("the Oxford Street bus station", "the Rolando cafe").
SITE_WORDS = frozenset(
    {"street", "road", "avenue", "lane", "boulevard", "square", "station", "terminal",
     "airfield", "airport", "airbase", "base", "camp", "market", "bazaar", "mall", "cafe",
     "café", "cafeteria", "restaurant", "bar", "club", "hotel", "mosque", "church",
     "cathedral", "synagogue", "temple", "shrine", "school", "university", "college",
     "hospital", "bridge", "building", "tower", "embassy", "consulate", "checkpoint",
     "compound", "stadium", "arena", "bakery", "prison", "jail", "barracks", "palace",
     "port", "harbour", "harbor", "ministry", "parliament", "headquarters", "office",
     "district", "neighbourhood", "neighborhood", "quarter", "suburb",
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


# "in support of / in solidarity with the people of X": the act is done elsewhere.
SOLIDARITY = frozenset({"support", "solidarity", "memory", "honour", "honor"})


def in_support(prep: Token) -> bool:
    """The locative phrase hangs on the people an act is done in support of ("chanting
    in support of compatriots in Jisr al-Shughour"): their place, not the act's."""
    nouns = [prep.head]
    if prep.i > 0:
        nouns.append(prep.doc[prep.i - 1])  # the parser hangs "in X" on the verb instead
    return any(
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("of", "with")
        and noun.head.head.lemma_.lower() in SOLIDARITY
        for noun in nouns
    )


def _locative_head(tok: Token) -> bool:
    """The object of a locative preposition, or of "on" when it names a street or
    another site ("on Rue Victor Hugo", "on the central street Rue Victor Hugo")."""
    if tok.dep_ == "appos" and tok.head.dep_ == "pobj":
        tok = tok.head  # "the central street Rue Victor Hugo"
    if tok.dep_ != "pobj" or in_support(tok.head):
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
    if label == "DATE" and head.head.lower_ in AREA_PREPS and _misread_date(head):
        label = ""  # "in Talbisseh": a town the tagger took for a date
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


# Parts of a town that name no building; "the Homs district" is left to the other rules.
NOT_BUILDINGS = frozenset(
    {"district", "neighbourhood", "neighborhood", "quarter", "suburb", "port"}
)


def town_of_site(scope: list[Token], anchor: Token, places: dict[int, Any]) -> Any | None:
    """ "shut down its Tehran offices", "stormed the Damascus embassy": the one town named
    as the modifier of a building the act is done to or by (an object or subject of the
    act's verb) is where it was done; a country so named ("the US embassy") is the
    building's owner, not its place."""
    found = {}
    for tok in scope:
        place = places.get(tok.i)
        noun = tok.head
        if place is None or place.feature != "city" or tok.dep_ != "compound":
            continue
        if noun.lemma_.lower() not in SITE_WORDS - NOT_BUILDINGS:
            continue
        if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.i == anchor.i:
            found[place.id] = place
    return next(iter(found.values())) if len(found) == 1 else None


def site(scope: list[Token], anchor: Token, trigger: Token, places: dict[int, Any]) -> Any:
    """The named site nearest the trigger in a locative phrase of the event's clause
    (or of a "when" clause it governs), or the site a "where" clause hangs on
    ("the bus station, where six were killed"); a spaCy span, or None."""
    toks = list(scope)
    for child in anchor.children:  # "shot dead when he answered his door in X Road"
        if child.dep_ == "advcl" and any(c.lower_ in WHEN for c in child.children):
            toks += fr.clause(child)
    heads = [t for t in toks if _locative_head(t)]
    # "shelled the Baba Amr district of Homs": the named part of the town
    heads += [t.head.head for t in toks if t.dep_ == "pobj" and part_of(t.head)]
    # "seized the mountain town of Haffa": the town attacked or taken, if unknown
    towns = [t for t in toks if t.dep_ == "dobj" and t.head.i == anchor.i]
    towns += [  # "seized control of the town of X"
        o for t in towns if t.lemma_ == "control" for o in fr.objects(t, "of")
    ]
    if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
        heads.append(anchor.head)
    found = [(h, _named_site(h, places) or _settlement_name(h, places)) for h in heads]
    found += [(h, _settlement_name(h, places)) for h in towns]
    best = min(
        ((abs(h.i - trigger.i), span) for h, span in found if span is not None),
        key=lambda item: item[0],
        default=None,
    )
    if best is None:
        return None
    start, end = best[1]
    return trigger.doc[start:end]


def _settlement_name(head: Token, places: dict[int, Any]) -> tuple[int, int] | None:
    """Token range of the name in "the town/village/district of X" (``head`` the noun)
    when the gazetteer does not know X ("in the town of Maaret al-Nouman"): the name
    of a settlement too small for it, whatever the tagger took it for."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in SETTLEMENT_WORDS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for name in prep.children:
            if name.dep_ != "pobj" or name.pos_ != "PROPN" or not name.text[:1].isupper():
                continue
            words = list(name.subtree)
            if any(t.i in places or t.ent_type_ in ("NORP", "DATE", "TIME") for t in words):
                return None
            return words[0].i, words[-1].i + 1
    return None


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
        return not is_capital(place)
    return True


def is_capital(place: Any) -> bool:
    """The gazetteer entry the place resolved to is a national capital."""
    from flashpoint import gazetteer

    return any(
        e.capital for e in gazetteer.lookup(place.name) if e.gazetteer_id == place.gazetteer_id
    )


# The scene an act carries on (place_reason "paragraph"). Reuters and BBC paragraphs
# are one sentence each, so the scene is set by the sentences before, not by a line.
CARRY_WINDOW = 2  # sentences looked back for the place of the scene
LEAD_REACH = 6  # the lead's place carries this far while no sentence between names another
QUOTE_MARKS = "\"“‘'"
# Verbs of saying: "the minister said in Ankara" places a statement, not a scene.
SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "add", "state", "declare", "speak", "report", "warn", "urge",
     "write", "comment", "claim", "insist", "confirm", "deny", "brief", "note"}
)  # fmt: skip


def _said_at(tok: Token) -> bool:
    """The locative phrase of ``tok`` hangs on a verb of saying ("said in Ankara")."""
    head = tok
    while head.dep_ in ("pobj", "prep", "compound", "appos", "conj") and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in SPEECH_VERBS


CONTENT_MARKS = frozenset({"that", "whether"})
PLACE_LABELS = frozenset({"GPE", "LOC"})


def in_place_list(tok: Token) -> bool:
    """``tok`` is one of a list of places ("in the Middle East, Turkey and Russia",
    "across Egypt and Libya"): the list names where a thing is spread, not one scene,
    even when only one of its places is known to the gazetteer."""
    first = first_conjunct(tok)
    members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i != t.i)]
    others = [t for t in members if t.i != tok.i and t.ent_type_ in PLACE_LABELS]
    return bool(others) and tok.ent_type_ in PLACE_LABELS


def in_content_clause(tok: Token, act: Token | None) -> bool:
    """``tok`` sits in the clause that says what a noun under the act holds ("opposed any
    suggestion that the text backs regime change in Damascus", "demanded guarantees
    that no troops would enter Homs"): a proposition talked of, not the act's scene."""
    if act is None:
        return False
    cur = tok
    while cur.head.i != cur.i and cur.i != act.i:
        if (
            cur.dep_ in ("acl", "ccomp")
            and cur.head.pos_ == "NOUN"
            and any(c.dep_ == "mark" and c.lower_ in CONTENT_MARKS for c in cur.children)
        ):
            return act.is_ancestor(cur)
        cur = cur.head
    return False


def said_elsewhere(tok: Token, act: Token | None) -> bool:
    """The locative phrase of ``tok`` places a statement that is not the act ``act``
    nor a clause under it ("Speaking in Ankara, Erdogan condemned the
    crackdown": Ankara is where Erdogan spoke, not where the crackdown was)."""
    if act is None or not _said_at(tok):
        return False
    head = tok
    while head.dep_ in ("pobj", "prep", "compound", "appos", "conj") and head.head.i != head.i:
        head = head.head
    # "the chief, speaking in Tripoli, urged", "banned from reporting in Syria": the
    # act governs the verb of saying, so the place is its own; "In Puerto Rico,
    # officials said ...": a place put before the verb sets the scene of what is told
    # "in an interview in Indonesia, where she was attending a summit": the act is told
    # of the place itself
    return (
        act.i != head.i
        and not act.is_ancestor(head)
        and not tok.is_ancestor(act)
        and tok.i > head.i
    )


def on_speaker(tok: Token) -> bool:
    """The locative phrase of ``tok`` is on the one who speaks ("authorities in
    Damascus say", "activists in Hama said"): where the source is."""
    noun = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    return (
        noun is not None
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in SPEECH_VERBS
    )


def _quoted(sent: SpacySpan) -> bool:
    return sent.text.lstrip()[:1] in QUOTE_MARKS


def sentences_back(index: int, lead: int | None, window: int) -> range:
    """The sentences a carry walks back over from ``sentences[index]``, nearest first:
    the ``window`` before it, and on to the lead (its index, ``lead``) while the sentence
    is at most ``LEAD_REACH`` past it."""
    stop = max(0, index - window)
    if lead is not None and lead < index <= lead + LEAD_REACH:
        stop = min(stop, lead)
    return range(index - 1, stop - 1, -1)


def carried_place(
    places: dict[int, Any],
    sentences: list[SpacySpan],
    index: int,
    scene: dict[int, list[tuple[str, str]]],
    by_id: dict[str, Any],
    type_: str,
    material: bool,
    lead: int | None = None,
    home: str | None = None,
    text: str = "",
) -> Any | None:
    """The place of the scene the event at ``sentences[index]`` carries on, when its
    own clause and sentence name none (one rule for one-sentence paragraphs):

    * an event of the same type coded in the sentence just before, with a place of
      its own, is continued ("Shootings in Belfast continued. In one incident, a man
      was killed"): its place; for a statement or another non-material act only in
      the same paragraph (a line break between: another speaker, another place);
    * a material act (``material``) takes the one place named in a locative phrase
      of the nearest sentence before it, up to ``CARRY_WINDOW`` back, or of the lead
      (``lead``, its index) up to ``LEAD_REACH`` sentences on ("A funeral was held in
      the Mezzeh district of Damascus. Security forces opened fire on mourners.").

    A line break ends the scene only where the text's paragraphs run to several
    sentences (the paragraph before it has two or more); Reuters and BBC paragraphs
    are one sentence each, so there the break says nothing. The walk also stops,
    giving no place, at a sentence that names two places in locative
    phrases, that names a place abroad (not in ``home``, the story's country), that
    places a statement ("said in
    Ankara") or that opens a quotation; a place abroad is carried only from the lead
    (elsewhere it is mostly where a reporter or a speaker is). A town of the story's
    country named on the way, not as a scene, lets the walk go on, but only a place
    that holds it is carried past it (a country, not another town). ``scene``
    holds, by sentence index, the (type, Place.id) of the events coded there. A
    sentence opening on another topic ("Meanwhile, ...", "Elsewhere, ...") carries
    nothing over."""
    if fr.NEW_TOPIC.match(sentences[index].text):
        return None
    prev_index = index - 1
    if prev_index >= 0 and (material or not _line_between(text, sentences, prev_index)):
        same = [loc for t, loc in scene.get(prev_index, ()) if t == type_]
        if same and same[-1] in by_id:
            return by_id[same[-1]]
    if not material:
        return None
    passed: list[Any] = []  # places of the story's country named on the way, not as a scene
    for k in sentences_back(index, lead, CARRY_WINDOW):
        prev = sentences[k]
        if text and _paragraph_ends(text, sentences, k):
            return None  # a paragraph of several sentences ended: another scene
        if _quoted(prev):
            return None
        located = [  # "in Tremseh, a village in Hama province": the village's scene
            t for t in prev
            if t.i in places and _locative(t) and not describes_place(t, places, None)
        ]
        found = {places[t.i].id: places[t.i] for t in located}
        if any(_said_at(t) for t in located):
            return None  # a statement's place: the scene has moved to the speaker
        if len(found) == 1:
            place = next(iter(found.values()))
            if home and place.country != home and k != lead:
                return None  # "the BBC's correspondent in neighbouring Lebanon": not the scene
            return place if all(_within(p, place) for p in passed) else None
        if found:
            return None  # two places: unknown, not guessed
        named = [
            places[t.i]
            for t in prev
            if t.i in places
            and not (places[t.i].feature == "country" and places[t.i].country == home)
        ]
        if any(p.country != home for p in named):
            return None  # "Turkey's prime minister said ...": another place's sentence
        passed += named  # "dug into the centre of Baghuz village": a town of the country
    return None


def _within(inner: Any, outer: Any) -> bool:
    """``inner`` is ``outer`` or lies in it (a town of a country carried past: "dug into
    Baghuz village" does not stop the carry of the lead's Syria, but does stop a town's)."""
    return inner.id == outer.id or (
        outer.feature == "country" and inner.country == outer.country
    )


def _line_between(text: str, sentences: list[SpacySpan], k: int) -> bool:
    after = sentences[k + 1].start_char if k + 1 < len(sentences) else len(text)
    return "\n" in text[sentences[k].start_char : after]


def _paragraph_ends(text: str, sentences: list[SpacySpan], k: int) -> bool:
    """A line break follows ``sentences[k]`` and closes a paragraph of two or more."""
    if k == 0 or not _line_between(text, sentences, k):
        return False
    return "\n" not in text[sentences[k - 1].start_char : sentences[k].start_char]


def fits_sentence(place: Any, sent: SpacySpan, places: dict[int, Any]) -> bool:
    """The carried place agrees with every place the event's own sentence names: itself,
    or its country ("Syria's army shelled the town" carries Homs, "shelled Hama" does not)."""
    for tok in sent:
        other = places.get(tok.i)
        if other is None or other.id == place.id:
            continue
        if not (other.feature == "country" and other.country == place.country):
            return False
    return True


# "in the capital", "across the city", "in the area": a place the text named before.
ANAPHORS = {
    "capital": ("city",),
    "city": ("city",),
    "town": ("city",),
    "area": ("city", "admin", "landmark"),
    "region": ("admin", "region"),
    "province": ("admin",),
}


def _capital_of(country: str | None, all_places: list[Any]) -> Any | None:
    """The capital of ``country`` among the places the story names (a capital is only
    pointed to when the text names it somewhere, so it has a place record)."""
    if country is None:
        return None
    for place in all_places:
        if place.feature == "city" and place.country == country and is_capital(place):
            return place
    return None


def _national(tok: Token) -> str | None:
    """The country of a national adjective ("Syrian" -> SYR), if it is one."""
    return fr.country_of(tok.text) if tok.text[:1].isupper() else None


def _anaphor(tok: Token) -> bool:
    """ "in the city", "across the area", or "on the capital's western edge": a bare
    "the" noun (no "of", no name, no adjective) in a locative phrase."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    if any(c.dep_ in ("prep", "compound", "appos") for c in tok.children):
        return False  # "the city of Homs", "the capital, Damascus"
    if any(c.dep_ == "amod" and not _national(c) for c in tok.children):
        return False  # "the northern city"; but "the Syrian capital" is one
    if tok.dep_ == "poss":
        return tok.head.dep_ == "pobj" and tok.head.head.lower_ in fr.LOCATIVE | {"on"}
    return tok.dep_ == "pobj" and tok.head.lower_ in fr.LOCATIVE


def anaphoric_place(
    scope: list[Token],
    places: dict[int, Any],
    all_places: list[Any],
    sentences: list[SpacySpan],
    index: int,
    home_sure: bool = True,
) -> Any | None:
    """ "Troops shelled the city", "clashes in the capital": a bare "the city/town/area"
    in a locative phrase of the clause is the one town (or, for "area", town, district
    or site) named last in its sentence or the ``CARRY_WINDOW`` sentences before, if
    only one is; "the capital" ("the Syrian capital": Syria's) is the capital of the
    country the sentence names, else
    of the story's country when ``home_sure`` (no dateline, or one in that country: a
    London story that mentions Pakistan most is not about Islamabad). Two candidates
    leave it unknown."""
    noun = next((t for t in scope if t.lower_ in ANAPHORS and _anaphor(t)), None)
    if noun is None:
        return None
    sent = sentences[index]
    if noun.lower_ == "capital":
        named = [places[t.i] for t in sent if t.i in places]
        countries = {p.country for p in named if p.feature == "country"}
        country = next(iter(countries)) if len(countries) == 1 else None
        adjective = [_national(c) for c in noun.children if c.dep_ == "amod"]
        if adjective:
            country = adjective[0]  # "the Syrian capital": Syria's, whatever else is named
        if country is None and home_sure:
            country = main_country(all_places)
        return _capital_of(country, all_places)
    kinds = ANAPHORS[noun.lower_]
    for k in range(index, max(-1, index - 1 - CARRY_WINDOW), -1):
        toks = [t for t in sentences[k] if t.i < noun.i]
        named = [places[t.i] for t in toks if t.i in places]
        found = {p.id: p for p in named if p.feature in kinds}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
