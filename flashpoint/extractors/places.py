"""Places: toponyms in the text resolved offline to gazetteer entries.

Takes the corrected GPE, LOC and FAC entities (``flashpoint.extractors.entities``)
and looks each up in ``flashpoint.gazetteer`` (countries, cities of 15,000+ people,
US states, and the named regions and seas of ``data/regions.csv``), accent- and
case-insensitively ("Cucuta" = "Cúcuta"). When a name fits several places, the
document decides: places in countries the document names (or whose nationality
it uses) come first, then the bigger place; a country or named region beats a
town of the same name. All mentions of one place are merged. An organization
named as a location ("at the White House") counts when the gazetteer lists it.

It does not geocode street addresses, buildings or small villages missing from
the gazetteer, nor relative places ("the border", "the region"); the places
it cannot resolve are left out rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from flashpoint import gazetteer, lexicon
from flashpoint.extractors.context import Context
from flashpoint.models import Mention, Place
from flashpoint.registry import extractor

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = lexicon.locative_prepositions() | lexicon.directional_prepositions()


@dataclass(slots=True)
class _Resolved:
    entry: gazetteer.Entry
    mentions: list[Mention] = field(default_factory=list)


@extractor("places", produces="places", requires=("actors", "entities"))
def extract_places(ctx: Context) -> list[Place]:
    """Every resolved place with its merged mentions, in order of first mention."""
    spans = list(ctx.entities)
    named = _document_countries(spans)
    spans = sorted(spans + _untagged_towns(ctx.doc, spans, named), key=lambda sp: sp.start)
    context = _document_countries(spans)
    resolved: dict[str, _Resolved] = {}
    for span in spans:
        located = span.label_ in _PLACE_LABELS or _located(span)
        in_area = _in_area(span)
        if not located and not in_area:
            continue
        framed = _frame_towns(span, context) if in_area else []
        candidates = framed or (_candidates(span) if located else [])
        if not candidates and span.label_ in ("GPE", "LOC") and not gazetteer.lookup(span.text):
            # "Deraa" (Dar'a), "Tel Kelakh" (Tallkalakh): a name the text treats as a
            # place, spelled another way than the gazetteer's; one town of the country
            # the document names most, or none
            town = gazetteer.transliterated(span.text, context[:1])
            candidates = [town] if town is not None else []
        if span.label_ in ("FAC", "ORG") and not framed:
            # Buildings, bridges and seats of power: only the landmarks the gazetteer names.
            candidates = [c for c in candidates if c.feature == "landmark"]
        if not candidates:
            continue
        entry = gazetteer.rank(candidates, context)[0]
        how = "name" if lexicon.normalize(span.text) == lexicon.normalize(entry.name) else "alias"
        place = resolved.setdefault(entry.gazetteer_id, _Resolved(entry))
        place.mentions.append(
            Mention(start=span.start_char, end=span.end_char, text=span.text, how=how)
        )
    _dateline_place(ctx, context, resolved)
    places = []
    for item in resolved.values():
        entry = item.entry
        places.append(
            Place(
                id=ctx.new_id("p"),
                name=entry.name,
                feature=entry.feature,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                gazetteer_id=entry.gazetteer_id,
                mentions=item.mentions,
            )
        )
    return places


def _located(span: SpacySpan) -> bool:
    """An organization named as a location: "met at the White House"."""
    if span.label_ != "ORG":
        return False
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE


AREA_PREPS = frozenset({"in", "near", "outside", "around", "inside"})
SETTLEMENTS = frozenset({"town", "city", "village", "suburb", "district", "port"})
# Acts done to a town ("stormed Talkalakh", "a naval assault on Latakia", "shelling of
# Homs"), whose object the tagger often reads as a person or an organization.
ATTACK_WORDS = frozenset(
    {"storm", "shell", "bombard", "besiege", "raid", "attack", "enter", "pound", "encircle",
     "surround", "seize", "capture", "overrun", "retake", "assault", "invade", "blockade",
     "fire", "bomb", "target", "hit", "strike", "shelling", "bombardment", "siege",
     "offensive", "crackdown", "onslaught"}
)  # fmt: skip


def _in_area(span: SpacySpan) -> bool:
    """A person's or organization's name where only a place fits, the tagger reading a
    town as a name: right after "in"/"near" ("killed in Deraa"), named as "the town
    of X", or the object of an attack ("troops stormed Talkalakh", "attacks on Rastan").
    It is a place only when the gazetteer has the town (see ``_frame_towns``)."""
    if span.label_ not in ("PERSON", "ORG", "NORP"):
        return False
    if span.label_ == "NORP" and lexicon.country(span.text):
        return False  # "Syrian": a nationality, not a misread town ("attacks on Rastan")
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and span.start > 0 and span.doc[span.start - 1].lower_ in AREA_PREPS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SETTLEMENTS:
        return True
    return _attacked(root)


def _attacked(tok: Token) -> bool:
    """``tok`` is the object of an attack: "stormed X", "attacks on X", "shelling of X"
    (or joined to one: "shelled Hama and Homs")."""
    for _ in range(3):
        if tok.dep_ != "conj":
            break
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("on", "against", "into", "of"):
        head = head.head
    elif tok.dep_ != "dobj":
        return False
    return head.lemma_.lower() in ATTACK_WORDS


def _frame_towns(span: SpacySpan, countries: list[str]) -> list[gazetteer.Entry]:
    """The town a name in a place frame (``_in_area``) names: a gazetteer town of the
    country the document names most, by name or by transliteration."""
    home = countries[:1]
    towns = [e for e in gazetteer.lookup(span.text) if e.feature == "city" and e.country in home]
    if towns:
        return towns[:1]
    town = gazetteer.transliterated(span.text, home)
    return [town] if town is not None else []


def _document_countries(spans: list[SpacySpan]) -> list[str]:
    """Countries the document names or whose nationality words it uses, most cited first."""
    counts: dict[str, int] = {}
    for span in spans:
        if span.label_ in ("GPE", "NORP", "LOC"):
            iso = lexicon.country(span.text)
            if iso:
                counts[iso] = counts.get(iso, 0) + 1
    return sorted(counts, key=lambda iso: -counts[iso])


def _dateline_place(ctx: Context, countries: list[str], resolved: dict[str, _Resolved]) -> None:
    """The dateline's place ("TRIPOLI, Libya (CNN) --"), ranked by its own region first."""
    found = ctx.dateline
    if found is None or not found.place:
        return
    name = found.place.split("/")[0]  # "SANAA/DAMASCUS": the first city filed from
    raw = found.raw_place.split("/")[0]
    candidates = [c for c in gazetteer.lookup(name) if c.feature != "landmark"]
    if not candidates:
        return
    region = lexicon.country(found.region) if found.region else None
    if found.region and region is None:  # "DENMARK, South Carolina": an admin area
        inside = [c for c in candidates if c.feature == "city" and _in_admin(c, found.region)]
        if not inside:
            return  # a town the gazetteer does not have; never the country of that name
        candidates = inside
    entry = gazetteer.rank(candidates, [region] if region else countries)[0]
    place = resolved.setdefault(entry.gazetteer_id, _Resolved(entry))
    place.mentions.insert(0, Mention(start=found.start, end=found.start + len(raw), text=raw))


def _in_admin(entry: gazetteer.Entry, region: str) -> bool:
    admin = gazetteer.admin_of(entry)
    return admin is not None and lexicon.normalize(admin) == lexicon.normalize(region)


ADMIN_WORDS = frozenset({"province", "governorate", "state", "region", "district", "county"})


def _candidates(span: SpacySpan) -> list[gazetteer.Entry]:
    """Gazetteer entries for a toponym, read with the words around it: "Idlib province"
    is the admin area; "Denmark, South Carolina" and "Tripoli, Libya" are a town in
    the area or country that follows (and no place at all when the gazetteer has no
    such town: never the country that shares its name)."""
    words = span.text.split()
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        inner = gazetteer.lookup(" ".join(words[:-1]))
        return [c for c in inner if c.feature == "admin"] or inner
    found = gazetteer.lookup(span.text)
    if after is not None and after.lower_ in ADMIN_WORDS:
        return [c for c in found if c.feature == "admin"] or found
    bearing = _bearing_country(span)
    if bearing is not None and found:
        # "Iskandariya, south of Baghdad": a town of the reference town's country, or a
        # town the gazetteer lacks (never the bigger namesake abroad)
        return [c for c in found if c.country == bearing]
    if after is not None and after.text == "," and span.end + 1 < len(doc):
        nxt = doc[span.end + 1]
        if nxt.ent_type_ == "GPE" and nxt.ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == nxt.i), None)
            area = gazetteer.lookup(ent.text) if ent is not None else []
            if area and area[0].feature in ("admin", "country") and found:
                top = area[0]
                if top.feature == "country":
                    inside = [c for c in found if c.feature == "city" and c.country == top.country]
                else:
                    inside = [c for c in found if c.feature == "city" and _in_admin(c, top.name)]
                return inside
    return found


# Compass bearings and distance units of "X, 50 miles south of Y".
BEARINGS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip
DISTANCE_UNITS = frozenset(
    {"mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "kms"}
)
BEARING_REACH = 5  # words between the comma and the bearing ("about 60 miles")


def _bearing_country(span: SpacySpan) -> str | None:
    """The country of the town a place name is given a bearing from ("Iskandariya,
    south of Baghdad", "Balad, 50 miles north of Baghdad"): the place lies in that
    town's country. None when no bearing follows or the reference is no known town."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    for j in range(i + 1, min(i + 1 + BEARING_REACH, len(doc) - 2)):
        word = doc[j].lower_
        if word in BEARINGS and doc[j + 1].lower_ == "of":
            break
        if not (doc[j].like_num or word in DISTANCE_UNITS or word in ("about", "some", "just")):
            return None
    else:
        return None
    end = j + 2
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == j + 2:
        return None
    towns = [e for e in gazetteer.lookup(doc[j + 2 : end].text) if e.feature in ("city", "admin")]
    return gazetteer.rank(towns)[0].country if towns else None


RESCUE_POPULATION = 100_000


def _untagged_towns(
    doc: Doc, spans: list[SpacySpan], countries: list[str]
) -> list[SpacySpan]:
    """A capitalized word after "in"/"near" that the tagger took for a common noun
    ("in Homs": a plural of "hom") but that names a city of 100,000+, an admin area
    or a country, or a proper noun that spells a town of the country the document names
    most (``gazetteer.transliterated``), or a proper noun an attack is on ("shelled
    Homs") that names a town of that country: a place the entity layer dropped."""
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    out = []
    for tok in doc:
        if (
            tok.i in covered
            or tok.dep_ not in ("pobj", "dobj", "conj")
            or not tok.text[:1].isupper()
            or tok.is_sent_start
            or tok.pos_ not in ("NOUN", "PROPN")
        ):
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "near", "outside", "around"):
            # "troops shelled Homs", "attacks on Rastan": a dropped name an attack is on
            one = SpacySpan(doc, tok.i, tok.i + 1, label="ORG")
            if _attacked(tok) and _frame_towns(one, countries):
                out.append(SpacySpan(doc, tok.i, tok.i + 1, label="GPE"))
            continue
        entries = gazetteer.lookup(tok.text)
        if entries and entries[0].main_name and (
            entries[0].feature != "city" or entries[0].population >= RESCUE_POPULATION
        ):
            out.append(SpacySpan(doc, tok.i, tok.i + 1, label="GPE"))
        elif not entries and tok.pos_ == "PROPN" and gazetteer.transliterated(
            tok.text, countries[:1]
        ):
            out.append(SpacySpan(doc, tok.i, tok.i + 1, label="GPE"))  # "in Deraa"
    return out
