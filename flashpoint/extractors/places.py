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
    context = _document_countries(spans)
    resolved: dict[str, _Resolved] = {}
    for span in spans:
        if span.label_ not in _PLACE_LABELS and not _located(span):
            continue
        candidates = gazetteer.lookup(span.text)
        if span.label_ in ("FAC", "ORG"):
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


def _document_countries(spans: list[SpacySpan]) -> list[str]:
    """Countries the document names or whose nationality words it uses, most cited first."""
    counts: dict[str, int] = {}
    for span in spans:
        if span.label_ in ("GPE", "NORP", "LOC"):
            iso = lexicon.country(span.text)
            if iso:
                counts[iso] = counts.get(iso, 0) + 1
    return sorted(counts, key=lambda iso: -counts[iso])
