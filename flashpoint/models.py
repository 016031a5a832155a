"""The one data model: every record Flashpoint produces, with its evidence.

Every extracted item carries ``start``/``end`` character offsets into
``Document.text`` (half-open, Python slicing), so ``text[start:end]`` is the
exact evidence. The JSON output, the exports and the corpus store all derive
from these classes; nothing else re-declares their fields.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

ActorKind = Literal["person", "organization", "country", "group"]
TimeType = Literal["date", "time", "duration", "set"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "less_than"]
SourceKind = Literal[
    "official", "media", "anonymous", "expert", "person", "organization", "document", "unknown"
]
HedgeKind = Literal["allegation", "report", "rumour", "uncertainty", "no_comment", "denial"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the document: ``text == document.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    """One place in the text that names or refers to an actor or place."""

    how: Literal["name", "alias", "pronoun", "title", "demonym"] = "name"


class Actor(Record):
    """One real-world person, organization, country or group, with all its mentions."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # PLOVER sector code: GOV, MIL, CVL, ...
    roles: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Place(Record):
    """A toponym resolved offline to a gazetteer entry."""

    id: str
    name: str
    feature: Literal["country", "admin", "city", "region", "landmark"]
    country: str | None = None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(Span):
    """A temporal expression and its TIMEX3-style value (null when unresolvable)."""

    id: str
    type: TimeType
    value: str | None = None
    anchored: bool = False  # resolved against the publication date


class Speaker(Record):
    name: str
    actor: str | None = None  # Actor.id
    start: int | None = None
    end: int | None = None


class Quote(Span):
    """A direct or partial quotation; ``text`` is inside the quotation marks."""

    id: str
    speaker: Speaker | None = None
    cue: Span | None = None
    partial: bool = False
    sentence: Span | None = None


class Source(Record):
    """Who asserts a claim."""

    name: str
    kind: SourceKind = "unknown"
    actor: str | None = None
    start: int | None = None
    end: int | None = None


class Via(Record):
    """A link in the sourcing chain behind a source ("citing four sources")."""

    name: str
    kind: SourceKind = "unknown"
    count: int | None = None
    actor: str | None = None
    start: int | None = None
    end: int | None = None


class Hedge(Span):
    kind: HedgeKind


class Claim(Record):
    """An attributed statement that is not (only) a direct quote."""

    id: str
    content: Span
    source: Source
    via: list[Via] = Field(default_factory=list)
    cue: Span | None = None
    hedges: list[Hedge] = Field(default_factory=list)
    sentence: Span | None = None


class Quantity(Span):
    """A reported figure: ``text`` is the whole phrase ("at least 83 people")."""

    id: str
    value: float
    unit: str | None = None
    qualifier: Qualifier = "exact"
    sentence: Span | None = None


class EventParticipant(Record):
    actor: str | None = None  # Actor.id
    name: str
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


class Figure(Record):
    kind: Literal["dead", "injured", "arrested", "troops", "strikes", "displaced", "other"]
    value: float
    qualifier: Qualifier = "exact"
    quantity: str | None = None  # Quantity.id


class Event(Record):
    """A political event coded in the PLOVER ontology, tied to its evidence."""

    id: str
    type: EventType
    mode: str | None = None
    quad: Quad
    intensity: float  # signed, -10 (most conflictual) .. +10 (most cooperative)
    source: list[EventParticipant] = Field(default_factory=list)
    target: list[EventParticipant] = Field(default_factory=list)
    # "carried": the doer was not named in the event's clause but taken from the act
    # told just before it or in the lead ("Troops stormed the town. Four people were
    # killed."); None: the doer, if any, is the clause's own
    source_reason: str | None = None
    date: str | None = None
    # "week": ``date`` is the Monday of the week ("last week")
    date_precision: Literal["day", "week", "month", "year"] | None = None
    time: str | None = None  # TimeExpression.id the date came from
    location: str | None = None  # Place.id
    # how fine the place is, and where it was taken from (as NGEC's ``reason``):
    # "clause" (its own phrase), "anaphora" ("the city": the town named before), "sentence",
    # "paragraph" (the scene of the sentences before or of the lead), "dateline",
    # "target" (the town attacked), "nationwide" ("killed across the country": the country),
    # "bearing" ("in a town south of Baghdad": only the reference town's country)
    place_precision: Literal["site", "town", "admin", "region", "country"] | None = None
    place_reason: str | None = None
    # the named site of its clause, as written ("the Oxford Street bus station", "near
    # Bagram Airfield"), finer than the gazetteer goes; ``location`` is then the
    # gazetteer place around it, if one is known, and place_precision is "site"
    site: Span | None = None
    figures: list[Figure] = Field(default_factory=list)
    modality: Modality = "asserted"
    attribution: str | None = None  # Claim.id or Quote.id
    trigger: Span
    sentence: Span
    # recap or context of an earlier happening ("NATO has been bombing for months",
    # "the 1988 bombing"): kept with its own date, never counted as new
    background: bool = False
    confidence: float | None = None  # calibrated P(the event is right), docs/calibration.md
    # later mentions of this event in the same document ("the blast", "the attack on
    # the market"), folded into it rather than coded again: evidence, not new events
    mentions: list[Span] = Field(default_factory=list)


RemovedKind = Literal["comments", "widget", "share", "teaser", "caption", "highlights", "header"]


class RemovedBlock(Record):
    """A stretch of the stored text that is not the article (``ingest/clean.py``).

    ``text[start:end]`` is the block; nothing in it is used as evidence."""

    kind: RemovedKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Dateline(Span):
    """The dateline ("TRIPOLI, Libya (CNN) --"): where the report was filed, and by whom."""

    place: str | None = None  # as written, title-cased ("Tripoli")
    region: str | None = None  # "Libya" in "TRIPOLI, Libya"
    location: str | None = None  # Place.id it resolved to
    day: str | None = None  # ISO date, when the dateline gives one
    outlet: str | None = None  # "Reuters", "CNN"


class Document(Record):
    id: str  # sha256 of the text
    title: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None  # file path, URL or outlet
    language: str = "en"
    text: str
    dateline: Dateline | None = None
    removed: list[RemovedBlock] = Field(default_factory=list)
    # where each sentence of the parse starts in ``text`` (a sentence ends where the next
    # starts); empty for a document stored before they were kept
    sentences: list[int] = Field(default_factory=list)


class Report(Record):
    """Everything Flashpoint extracted from one document."""

    schema_version: str = SCHEMA_VERSION
    document: Document
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


# --- Corpus level: what many reports say about one real-world happening ---


class Sighting(Record):
    """One report of an incident: which document, which event in it, who said so."""

    document: str  # Document.id
    event: str  # Event.id within that document's Report
    published: str | None = None
    outlet: str | None = None  # publisher or feed, when known
    attributed_to: str | None = None  # the claim/quote source the event rests on
    duplicates: int = 0  # near-duplicate copies of the document (syndication)
    main: bool = False  # the event is its article's main event (headline and lead)


class ReportedFigure(Record):
    """A figure as one report gave it, so its evolution can be traced."""

    kind: str
    value: float
    qualifier: Qualifier = "exact"
    document: str
    published: str | None = None
    reported_by: str | None = None
    sentence: str | None = None  # the sentence that gives it, for tracing
    start: int | None = None  # the sentence's offsets in that document's text
    end: int | None = None


class Incident(Record):
    """Events from different reports merged into one real-world happening."""

    id: str
    type: EventType
    mode: str | None = None
    quad: Quad
    intensity: float
    date: str | None = None
    date_end: str | None = None
    location: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_actors: list[str] = Field(default_factory=list)  # "USA/GOV" style codes or names
    target_actors: list[str] = Field(default_factory=list)
    sightings: list[Sighting] = Field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    figures: list[ReportedFigure] = Field(default_factory=list)
    conflicting: list[str] = Field(default_factory=list)  # figure kinds whose reports disagree
    summary: str | None = None  # the trigger sentence of the earliest report
    modality: Modality = "asserted"  # shared by all its events (merging never mixes them)
    # Document-level linking (corpus/linking.py): what the articles are about.
    main_documents: list[str] = Field(default_factory=list)  # articles whose main story it is
    outlets: list[str] = Field(default_factory=list)
    independent_reports: int = 0  # documents, near-duplicates and wire copies counted once
    place_admin: str | None = None  # the admin area (state, province) of its place, if known
    people: list[str] = Field(default_factory=list)  # people its main articles name in the lead
    countries: list[str] = Field(default_factory=list)  # countries its main articles' leads name
    salience: float = 0.0  # how much it mattered: see docs/incidents.md
    background: bool = False  # every event of it is a recap ("has been bombing for months")
    confidence: float | None = None  # the highest calibrated confidence among its events
    toll: dict[str, int] = Field(default_factory=dict)  # kind -> count most main articles state
