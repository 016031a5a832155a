"""The events coder: walks the sentences, builds candidates and emits the events
that pass."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.extractors.events import confidence as event_confidence
from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events import places as event_places
from flashpoint.extractors.events.base import EventCandidate, conditional, vlemma
from flashpoint.extractors.events.candidates import Candidates
from flashpoint.extractors.events.happenings import happened
from flashpoint.extractors.events.lexicon import (
    intensity,
    valid_mode,
)
from flashpoint.extractors.events.merging import Merging
from flashpoint.models import Event, EventParticipant, Span

UNRESOLVED_PERSONS = frozenset({"i", "me", "you", "we", "us"})
UNRESOLVED_GROUPS = frozenset({"they", "them", "their", "theirs"})
# Types whose object is a proposition (what is demanded, rejected, threatened, promised)
# or an act being ended ("lifted a blockade", "suspended mediation efforts").
CONTENT_TYPES = frozenset(
    {"REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE", "RETREAT", "SANCTION"}
)


def unresolved_dropped(parts: list[EventParticipant]) -> list[EventParticipant]:
    return [p for p in parts if p.actor is not None or p.name.lower() not in UNRESOLVED_GROUPS]


class Coder(Candidates, Merging):
    """Codes the events of one document."""

    def run(self) -> list[Event]:
        for sent in self.doc.sents:
            for tok in sent:
                if tok.i in self.consumed:
                    continue
                cand = None
                if tok.pos_ == "VERB":
                    cand = self.verb_candidate(tok) or self.obligation(tok) or self.death(tok)
                elif tok.pos_ == "ADJ" and self.lex.control.get(tok.lemma_.lower()) == "intent":
                    cand = self.verb_candidate(tok)  # "is willing to withdraw"
                elif tok.pos_ in ("NOUN", "PROPN"):
                    cand = self.noun_candidate(tok)
                if cand is not None:
                    self.emit(cand, sent)
        return self.drop_context()

    def drop_context(self) -> list[Event]:
        """An event with no known doer in a subordinate clause ("the district, where 14
        people were killed", "as fighting raged") is background to a sentence that
        reports its own act with a doer; only that act is kept."""

        def sent(e: Event) -> int:
            return e.sentence.start if e.sentence else -1

        led = {sent(e) for e in self.events if e.source and e.id not in self.context}
        return [e for e in self.events if not (e.id in self.context and sent(e) in led)]

    def emit(self, cand: EventCandidate, sent: SpacySpan) -> None:
        self.consumed.update(cand.consumed)
        sources = self.participants(cand.sources)
        if any(p.actor is None and p.name.lower() in UNRESOLVED_PERSONS for p in sources):
            return  # an unresolved "I"/"you"/"we" is the writer or a reader, not a party
        sources = [p for p in sources if not event_places.stands_for_no_one(p, self.places_by_span)]
        targets = self.participants(cand.targets)
        if cand.sense.reciprocal and cand.type == cand.sense.type:
            sources, targets = sources + targets, []  # "X met with Y": both act
        scope = self.scope(cand)
        place_target = cand.type in self.lex.place_target_types or cand.mode == "visit"
        placed = False
        if not targets and place_target:
            targets = self.place_participants(scope, cand)
            placed = bool(targets)
        actors = {p.actor for p in sources if p.actor}
        targets = [p for p in targets if not (p.actor and p.actor in actors)]
        if cand.nominal and not self.anchored_noun(cand, targets):
            return  # a bare mention ("US sanctions"), not a reported happening
        src_spans = {(p.start, p.end) for p in sources}
        targets = [p for p in targets if (p.start, p.end) not in src_spans]
        if (placed or not targets) and sources and not cand.sense.reciprocal:
            # a named party the act is aimed at beats the place standing in for one
            targets = self.nearest_named(cand, sources, places=not placed) or targets
        figures = self.figures(scope)
        if cand.type == "ASSAULT" and not any(f.kind == "dead" for f in figures):
            figures += self.implied_death(cand)
        if cand.background and not figures and cand.modality != "hypothetical":
            return
        if conditional(cand.anchor):
            return  # "if it is attacked": a condition, not a reported event
        if cand.type in CONTENT_TYPES and not cand.nominal:
            self.consume_content(cand.trigger)
        merged = self.merge(cand, sources, targets, figures)
        if cand.type == "ASSAULT" and not sources and fr.disaster(sent):
            return  # "the earthquake killed 555 people": deaths, but nobody's attack
        # a counted toll is an event even with no party named ("a man was shot dead")
        counted = any(f.kind in ("dead", "injured") for f in figures)
        if merged or not (sources or targets or counted or self.bare_blast(cand, scope)):
            return
        date, precision, time_id = self.date(cand)
        mode = cand.mode
        if cand.type == "ASSAULT" and mode is None:
            mode = self.instrument(scope)
        mode = valid_mode(cand.type, mode)
        start, end = cand.trigger.idx, cand.last.idx + len(cand.last)
        location, place_precision, place_reason = event_places.choose(
            self.location(scope, cand),
            self.places,
            self.ctx.results.get("places", []),
            sent,
            {t.i for t in cand.sources + cand.targets},
            self.ctx.dateline,
            scope,
        )
        # an unresolved "they"/"them" is a party the text names elsewhere, or no one
        # we can tell: the event stands (it has a doer), the field stays empty
        shown_sources, shown_targets = unresolved_dropped(sources), unresolved_dropped(targets)
        if cand.type == "ASSAULT" and shown_sources:
            # "troops shelled the town of Rastan": with a named doer the town is where, not
            # whom; with no party named at all it stays the target, as PLOVER coders do
            shown_targets = [p for p in shown_targets if not self.place_only(p)]
        event = Event(
            id=self.ctx.new_id("ev"),
            type=cand.type,
            mode=mode,
            quad=self.types[cand.type].quad,
            intensity=intensity(cand.type, mode),
            source=shown_sources,
            target=shown_targets,
            date=date,
            date_precision=precision,
            time=time_id,
            location=location,
            place_precision=place_precision,
            place_reason=place_reason,
            figures=figures,
            modality=cand.modality,
            attribution=self.attribution(start),
            trigger=Span(start=start, end=end, text=self.ctx.text[start:end]),
            sentence=self.ctx.of(sent),
        )
        event_confidence.annotate(self, event, cand, sent)
        self.events.append(event)
        if not sources and fr.subordinate(cand.anchor):
            self.context.add(event.id)
        self.by_anchor.setdefault(cand.anchor.i, event)
        self.by_anchor.setdefault(cand.trigger.i, event)

    def bare_blast(self, cand: EventCandidate, scope: list[Token]) -> bool:
        """ "A bomb exploded in a market in Kano", "protests were held in Dhaka": an
        explosion or a protest at a named place is an event before anyone is named."""
        placed = any(
            t.i in self.places or event_places.unknown_place(t, self.places) for t in scope
        )
        if cand.nominal and cand.type == "PROTEST" and happened(cand.trigger, self.lex):
            return True  # "protests erupted across the country", "sparked demonstrations"
        return placed and (cand.mode == "explosives" or (cand.nominal and cand.type == "PROTEST"))

    def anchored_noun(self, cand: EventCandidate, targets: list[EventParticipant]) -> bool:
        """An event noun is coded when the sentence reports it happening: it is the
        object of a light or participation verb, or has its own doer ("by"), target,
        figures, time or place."""
        tok = cand.trigger
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if vlemma(verb) in self.lex.light_verbs | self.lex.participation_verbs:
            return True
        if happened(tok, self.lex):
            return True
        if targets or fr.objects(tok, "by") or cand.modality == "hypothetical":
            return True
        if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
            return True  # "a rally attended by thousands"
        subtree = list(tok.subtree)
        if any(t.i in self.times for t in subtree) or self.location(subtree, cand):
            return True
        return bool(self.figures(subtree))

    def consume_content(self, verb: Token) -> None:
        """What is demanded, rejected, threatened or promised is not itself an event."""
        for child in verb.children:
            if child.dep_ in ("dobj", "ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ in ("for", "on")
            ):
                # a relative clause inside still reports a fact ("the police who killed")
                inner = {t.i for r in child.subtree if r.dep_ == "relcl" for t in r.subtree}
                self.consumed.update(t.i for t in child.subtree if t.i not in inner)

    def attribution(self, char: int) -> str | None:
        for start, end, ident in self.reported:
            if start <= char < end:
                return ident
        return None
