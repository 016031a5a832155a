"""What every part of the events coder looks things up in: the document's
indexes (actors, places, times, quantities, reported spans) and the trigger lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from flashpoint.extractors.context import Context
from flashpoint.extractors.events.lexicon import (
    Sense,
    lexicon,
    plover_types,
)
from flashpoint.models import Event

# Lemmas en_core_web_sm gets wrong for verbs that matter here.
LEMMA_FIXES = {"stag": "stage", "rap": "rape"}  # "raped" -> "rap"


@dataclass(slots=True)
class EventCandidate:
    """A possible event: a trigger read with one lexicon sense, before it is coded."""

    trigger: Token
    last: Token  # last token of the trigger span ("agreed to meet", "open fire")
    sense: Sense
    anchor: Token  # the verb whose clause holds the event
    sources: list[Token]
    targets: list[Token]
    modality: str
    nominal: bool = False
    direct: bool = True  # a noun that is an argument of its anchor verb
    background: bool = False  # "after clashes ...": context for another event
    type: str = ""
    mode: str | None = None
    consumed: list[int] = field(default_factory=list)

    @classmethod
    def from_sense(cls, sense: Sense, **parts: Any) -> EventCandidate:
        """A candidate typed as its sense says (a rule may recode it afterwards)."""
        return cls(sense=sense, type=sense.type, mode=sense.mode, **parts)


def marks(tok: Token) -> set[str]:
    """The words that open a clause: "when", "as", "after" ("mark" or "advmod")."""
    return {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}


def conditional(tok: Token) -> bool:
    """An "if" or "unless" clause: a condition, not a reported act."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
    )


def vlemma(tok: Token) -> str:
    """A verb's lemma, mended where the small model's lemmatiser trips ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma) if tok.pos_ in ("VERB", "AUX") else lemma


class CoderBase:
    """The indexes of one document and the lexicon look-ups the rules share."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = lexicon()
        self.types = plover_types()
        self.token_actor = ctx.actor_index.by_token
        self.actors = ctx.actor_index.by_id
        self.times = self._index(ctx.results.get("times", []))
        self.quantities = self._index(ctx.results.get("quantities", []))
        self.places: dict[int, Any] = {}
        self.places_by_span = {
            (m.start, m.end): p for p in ctx.results.get("places", []) for m in p.mentions
        }
        for place in ctx.results.get("places", []):
            for mention in place.mentions:
                for i in self._tokens(mention.start, mention.end):
                    self.places[i] = place
        spans = [(q.start, q.end, q.id) for q in ctx.results.get("quotes", [])]
        spans += [(c.content.start, c.content.end, c.id) for c in ctx.results.get("claims", [])]
        self.reported = sorted(spans, key=lambda s: s[1] - s[0])
        self.consumed: set[int] = set()
        self._seeking: set[int] = set()  # verbs whose doer is being searched (no cycles)
        self.events: list[Event] = []
        self.context: set[str] = set()  # ids of doer-less events in subordinate clauses
        self.by_anchor: dict[int, Event] = {}
        self._attack_story: bool | None = None  # Candidates.attack_story, computed once

    def _tokens(self, start: int, end: int) -> range:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _index(self, items: list[Any]) -> dict[int, Any]:
        """First token of each item -> item."""
        out: dict[int, Any] = {}
        for item in items:
            span = self.doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None and len(span):
                out.setdefault(span.start, item)
        return out

    def noun_senses(self, noun: Token) -> tuple[Sense, ...]:
        """The senses the lexicon gives a noun, by lemma, else by its own form."""
        found = self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)
        if not found and noun.pos_ == "PROPN" and noun.lower_.endswith("s"):
            # "Shootings in Belfast continued": a capitalized plural the tagger took
            # for a name keeps its proper lemma; read it as the common noun it is
            found = self.lex.nouns.get(noun.lower_[:-1])
        if not found and noun.i >= 2 and noun.nbor(-1).text == "-":
            # the parser splits hyphenated nouns: "sit-in" is "sit" "-" "in"
            found = self.lex.nouns.get(f"{noun.nbor(-2).lower_}-{noun.lower_}")
        return found or ()
