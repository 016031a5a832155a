"""Political events coded in PLOVER v2: who did what to whom, where and when.

Finds events evoked by a trigger verb ("accused", "deployed", "arrested") or an
event noun ("a rally attended by thousands", "strikes on boats", "police
firing") listed in data/event_triggers.yaml, and reads off the dependency parse:

* source and target (subject / "by" agent / object / the preposition the frame
  names), with coordination, relative pronouns, quantifier heads ("thousands of
  protesters") and light verbs ("carried out strikes");
* control verbs: "threatened to strike" is THREATEN, "refused to withdraw" is
  REJECT, "urged X to ..." is REQUEST with X as target, "agreed to meet" AGREE;
* modality (negated, future, hypothetical), and the claim or quote the event is
  reported in (``attribution``), so an allegation is not coded as fact;
* date from a time expression in the trigger's own clause (an "as"/"while"
  clause shares its main clause's time; a declaration dates what it declares);
  a later definite mention ("the rally on Monday") dates an earlier event. With
  no such evidence the date stays null: the publication date is not a guess we make;
* location: a place named in the same clause after a locative preposition;
* figures: dead, injured, arrested, troops... from the clause's quantities.

Not found: events with no participant at all, events spread over sentences
(beyond the definite-mention rule), reciprocal events coded twice, and verbs of
saying, which yield claims, not events, unless the verb is itself a PLOVER act
("accused", "threatened", "rejected", "demanded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.extractors import event_confidence, event_places
from flashpoint.extractors import event_frames as fr
from flashpoint.extractors.context import Context
from flashpoint.extractors.event_lexicon import (
    CONFLICT_MATERIAL,
    COOPERATIVE,
    Sense,
    intensity,
    lexicon,
    plover_types,
    valid_mode,
)
from flashpoint.models import Event, EventParticipant, Figure, Span
from flashpoint.registry import extractor

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "IGO", "JUD", "LEG", "SPY"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NOT_EVENT_DATE = frozenset({"since", "until", "till", "before", "after", "by", "from"})
SIMULTANEOUS = frozenset({"as", "while", "when"})
PARTICLE_DEPS = frozenset({"prt", "prep", "dobj", "advmod", "compound:prt"})
# Mode a threatened or promised act gives the THREATEN event (PLOVER's THREATEN modes).
THREAT_MODES = {
    ("ASSAULT", None): "violence",
    ("MOBILIZE", None): "violence",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "ban"): "ban",
    ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict",
    ("COERCE", "deport"): "expel",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "discontinue"): "relations",
    ("SANCTION", "withdraw"): "relations",
    ("PROTEST", None): "restrict",
}
# Places that can stand for the population an act is done to (not seas or regions).
PLACE_TARGETS = frozenset({"city", "admin", "country"})
# Lemmas en_core_web_sm gets wrong for verbs that matter here.
LEMMA_FIXES = {"stag": "stage", "rap": "rape"}  # "raped" -> "rap"
UNRESOLVED_PERSONS = frozenset({"i", "me", "you", "we", "us"})
# Prepositions that name the cause of a death or injury ("wounded in army shelling").
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "from"})
# Types whose object is a proposition (what is demanded, rejected, threatened, promised)
# or an act being ended ("lifted a blockade", "suspended mediation efforts").
CONTENT_TYPES = frozenset(
    {"REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE", "RETREAT", "SANCTION"}
)
REQUEST_MODES = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist"}


@dataclass(slots=True)
class Candidate:
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


def vlemma(tok: Token) -> str:
    """A verb's lemma, mended where the small model's lemmatiser trips ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma) if tok.pos_ in ("VERB", "AUX") else lemma


@extractor(
    "events",
    produces="events",
    requires=("actors", "actor_index", "places", "times", "quantities", "quotes", "claims"),
)
def extract_events(ctx: Context) -> list[Any]:
    return _Coder(ctx).run()


class _Coder:
    """Codes the events of one document; holds the indexes the rules look things up in."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = lexicon()
        self.types = plover_types()
        self.token_actor = ctx.actor_index.by_token
        self.actors = {a.id: a for a in ctx.results.get("actors", [])}
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

    # --- indexes -----------------------------------------------------------------

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

    # --- main loop ---------------------------------------------------------------

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

    # --- candidates --------------------------------------------------------------

    def _context_words(self, tok: Token) -> set[str]:
        """Lemmas near the trigger, for the ``needs`` and ``modifier`` conditions."""
        words: set[str] = set()
        frontier = [tok]
        for _ in range(3):
            nxt = []
            for t in frontier:
                for child in t.children:
                    if child.dep_ in fr.CLAUSAL and child.pos_ in ("VERB", "AUX"):
                        continue
                    words.add(child.lemma_.lower())
                    words.add(child.lower_)
                    nxt.append(child)
            frontier = nxt
        return words

    def _particle(self, tok: Token) -> tuple[Token, tuple[Sense, ...]] | None:
        table = self.lex.phrasal.get(tok.lemma_.lower())
        if not table:
            return None
        for child in tok.children:
            if child.dep_ in PARTICLE_DEPS and child.lower_ in table:
                return child, table[child.lower_]
        return None

    def _choose(
        self, tok: Token, senses: tuple[Sense, ...], sources: list[Token], nominal: bool
    ) -> Sense | None:
        words = self._context_words(tok)
        passive = fr.is_passive(tok) if not nominal else False
        for sense in senses:
            if sense.passive and not passive:
                continue
            if sense.needs and not (sense.needs & words):
                continue
            if sense.modifier:
                mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
                mods |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
                if not (sense.modifier & mods):
                    continue
            if sense.civil and any(self._is_state(s) for s in sources):
                continue
            if sense.intransitive and any(c.dep_ == "dobj" for c in tok.children):
                continue
            if sense.complement and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                continue
            return sense
        return None

    def _is_state(self, head: Token) -> bool:
        part = self.participant(head)
        if part is None:
            return False
        actor = self.actors.get(part.actor or "")
        if actor is not None and actor.kind == "country":
            return True
        return part.sector in STATE_SECTORS

    def verb_candidate(self, tok: Token) -> Candidate | None:
        lemma = vlemma(tok)
        role = self.lex.control.get(lemma)
        if role in ("intent", "threat", "refuse", "ask", "plan"):
            comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            inner = self.complement(comp) if comp is not None else None
            if inner is not None:
                return self.controlled(tok, role, inner)
        if tok.pos_ != "VERB":
            return None
        # "arrested for collaborating", "accused of waging": a reason, not an event
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("for", "of", "over"):
            return None
        last = tok
        particle = self._particle(tok)
        if particle is not None:
            last, senses = particle
        else:
            found = self.lex.verbs.get(lemma)
            if found is None:
                return None
            senses = found
        sources = self.verb_sources(tok)
        sense = self._choose(tok, senses, sources, nominal=False)
        if sense is None:
            return None
        anchor = fr.top_of_chain(tok)
        cand = Candidate(
            trigger=tok,
            last=last if last.i > tok.i else tok,
            sense=sense,
            anchor=anchor,
            sources=sources,
            targets=self.verb_targets(tok, sense),
            modality=fr.modality(tok, tok),
        )
        cand.type, cand.mode = sense.type, sense.mode
        if cand.modality == "future":
            self.recode_intent(cand, reported=fr.in_reported_speech(tok))
        if cand.mode is None:  # "air strikes killed five": the weapon named by the subject
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                noun = self._noun_sense(subj, cand.type)
                cand.mode = noun.mode if noun is not None else None
        embedded = fr.embedded(tok)
        if fr.stance(tok, cand.type):
            return None  # "Syria supports Hamas": a standing position, not an act
        if embedded == "drop":
            return None  # "no one had the authority to massacre civilians": no act
        if embedded is not None and cand.modality == "asserted":
            cand.modality = embedded
        return cand

    def obligation(self, verb: Token) -> Candidate | None:
        """ "X said Y must do Z" is X's demand on Y (a REQUEST), not Y's act."""
        if verb.lemma_.lower() not in self.lex.speech_verbs:
            return None
        for comp in verb.children:
            if comp.dep_ != "ccomp" or comp.pos_ not in ("VERB", "AUX"):
                continue
            modals = {c.lower_ for c in comp.children if c.dep_ == "aux"}
            if not modals & self.lex.obligation_modals:
                continue
            if any(t.pos_ == "PRON" and t.lower_ in ("we", "i", "us") for t in fr.subject(comp)):
                continue  # "we must not ignore their plight": an exhortation, no demand
            inner = self.complement(comp)
            sense = inner[2] if inner else Sense(type="REQUEST")
            cand = Candidate(
                trigger=verb,
                last=verb,
                sense=sense,
                anchor=fr.top_of_chain(verb),
                sources=self.verb_sources(verb),
                targets=self.resolve_targets(fr.subject(comp)),
                modality=fr.modality(verb, verb),
                consumed=[t.i for t in comp.subtree],
            )
            cand.type, cand.mode = "REQUEST", REQUEST_MODES.get(sense.type, "change")
            return cand
        return None

    def verb_sources(self, tok: Token) -> list[Token]:
        # The doer searches call each other (passive -> its cause, an event noun -> the
        # noun's verb); a verb already searched further up that chain adds no doer.
        if tok.i in self._seeking:
            return []
        self._seeking.add(tok.i)
        try:
            return self._verb_sources(tok)
        finally:
            self._seeking.discard(tok.i)

    def _verb_sources(self, tok: Token) -> list[Token]:
        if tok.pos_ == "ADJ":  # "Syria is willing to ...": the copula's subject
            return self.verb_sources(tok.head) if tok.head.i != tok.i else []
        heads = fr.subject(tok)
        if (
            tok.dep_ == "acl"
            and heads
            and heads[0].dep_ == "dobj"
            and self.participant(heads[0]) is None
        ):
            # "X issued a statement demanding ...": the statement's issuer demands
            heads = fr.subject(heads[0].head)
        out: list[Token] = []
        for head in heads:
            # "the strikes killed ..." : the doer is the strikes' doer
            if head.lemma_.lower() in self.lex.nouns and head.i not in self.token_actor:
                inner = self.noun_sources(head)
                if inner:
                    self.consumed.add(head.i)
                    out.extend(inner)
                continue
            out.extend(fr.conjuncts(head))
        if not out and fr.is_passive(tok):
            out = self.cause_sources(tok)
        if not out and fr.is_passive(tok):
            # "declared that the airspace was closed": the declarer closed it
            top = fr.top_of_chain(tok)
            if top.dep_ == "ccomp" and top.head.lemma_.lower() in self.lex.performative_verbs:
                out = self.verb_sources(top.head)
        return out

    def cause_sources(self, verb: Token) -> list[Token]:
        """Passive or "die" without agent: "killed in police firing" -> police;
        "was wounded when the army opened fire" -> the army."""
        holders = [verb] + [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        for holder in holders:
            for child in holder.children:
                cause = child.dep_ == "prep" and child.lower_ in CAUSE_PREPS
                if child.lower_ == "to" and child.head.lower_ == "due":
                    cause = True
                if not cause:
                    continue
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self._event_noun(pobj):
                        self.consumed.add(pobj.i)
                        return self.noun_sources(pobj)
                    # "in army shelling" parsed as "army" + participle "shelling"
                    acts = [a for a in pobj.children if a.dep_ == "acl" and self._event_noun(a)]
                    if pobj.dep_ == "pobj" and acts:
                        self.consumed.add(acts[0].i)
                        return [pobj]
        for child in verb.children:
            marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "advmod")}
            if child.dep_ == "advcl" and marks & {"when", "as", "after"}:
                senses = self.lex.verbs.get(child.lemma_.lower(), ())
                if any(s.type == "ASSAULT" for s in senses):
                    return fr.subject(child)
        return []

    def death(self, verb: Token) -> Candidate | None:
        """ "40 died in army shelling": a death with a named cause is an assault."""
        if verb.lemma_.lower() not in ("die", "succumb", "perish"):
            return None
        sources = self.cause_sources(verb)
        if not sources:
            return None
        return Candidate(
            trigger=verb,
            last=verb,
            sense=Sense(type="ASSAULT"),
            anchor=fr.top_of_chain(verb),
            sources=sources,
            targets=[c for c in verb.children if c.dep_ == "nsubj"],
            modality=fr.modality(verb, verb),
            type="ASSAULT",
        )

    def _noun_sense(self, noun: Token, type_: str) -> Sense | None:
        senses = self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_) or ()
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        for sense in senses:
            if sense.type == type_ and (not sense.modifier or sense.modifier & mods):
                return sense
        return None

    def _codes_same(self, verb: Token, senses: tuple[Sense, ...]) -> bool:
        """The verb is itself a trigger of the noun's type ("the bombing killed")."""
        if verb.pos_ != "VERB":
            return False
        types = {s.type for s in senses}
        verb_senses = self.lex.verbs.get(vlemma(verb)) or ()
        return any(s.type in types for s in verb_senses)

    def _event_noun(self, tok: Token) -> bool:
        senses = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        return bool(senses) and any(s.type == "ASSAULT" for s in senses or ())

    def verb_targets(self, tok: Token, sense: Sense) -> list[Token]:
        for role in sense.target:
            found = fr.objects(tok, role)
            if not found and role not in ("dobj", "xsubj", "dative", "poss"):
                for obj in fr.objects(tok, "dobj"):  # "imposed sanctions on Iran"
                    found.extend(fr.objects(obj, role))
            heads = self.resolve_targets(found)
            if heads:
                return heads
        for comp in tok.children:  # "offered to hand over to the court"
            if comp.dep_ == "xcomp":
                for role in ("dative", "to", "with", "for"):
                    heads = self.resolve_targets(fr.objects(comp, role))
                    if heads:
                        return heads
        if sense.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT"):
            for comp in tok.children:  # "demanded that the council drop ..." -> the council
                if comp.dep_ == "ccomp":
                    heads = self.resolve_targets(fr.subject(comp))
                    if heads:
                        return heads
        return []

    def resolve_targets(self, found: list[Token]) -> list[Token]:
        out: list[Token] = []
        for head in found:
            head = fr.semantic_head(head)
            if head.lemma_.lower() in self.lex.content_nouns:
                # "rejected his requests" -> him; "rejected calls by X" -> X
                owner = fr.objects(head, "poss") or fr.objects(head, "by")
                owner = owner or fr.objects(head, "from")
                found_owner = [o for o in owner if self.participant(o) is not None]
                out.extend(found_owner or self.theme_owner(head))  # "a U.S. request"
                continue
            if head.ent_type_ in fr.NOT_ACTORS:
                continue
            for conj in fr.conjuncts(head):
                if self.participant(conj) is not None:
                    out.append(conj)
                elif conj.pos_ == "NOUN":
                    out.extend(self.theme_owner(conj))
        return out

    def theme_owner(self, noun: Token) -> list[Token]:
        """The party a non-actor object belongs to or concerns: "a U.S. request",
        "its borders with Iran", "the removal of President X"."""
        for child in noun.children:
            named = child.dep_ in ("compound", "amod", "poss") and child.pos_ in ("PROPN", "ADJ")
            if named and (fr.country_of(child.text) or child.i in self.token_actor):
                return [child]
        for role in ("by", "of", "with", "from", "on", "against"):
            found = [o for o in fr.objects(noun, role) if self.participant(o) is not None]
            if found:
                return [c for o in found for c in fr.conjuncts(o)]
        for child in noun.children:  # "abuses committed by rebel units"
            if child.dep_ == "acl" and child.tag_ == "VBN":
                found = [o for o in fr.objects(child, "by") if self.participant(o) is not None]
                if found:
                    return found
        return []

    def complement(self, comp: Token) -> tuple[Token, Token, Sense] | None:
        """The event a "to" clause names: (trigger, last token, sense), if any."""
        lemma = comp.lemma_.lower()
        particle = self._particle(comp)
        senses = particle[1] if particle else self.lex.verbs.get(lemma)
        if senses:
            sense = self._choose(comp, senses, [], nominal=False)
            if sense is not None:
                return comp, particle[0] if particle else comp, sense
        if lemma in self.lex.light_verbs:
            for obj in comp.children:
                if obj.dep_ == "dobj":
                    nsenses = self.lex.nouns.get(obj.lemma_.lower()) or self.lex.nouns.get(
                        obj.lower_
                    )
                    if nsenses:
                        sense = self._choose(obj, nsenses, [], nominal=True)
                        if sense is not None:
                            return obj, obj, sense
        return None

    def controlled(
        self, verb: Token, role: str, inner: tuple[Token, Token, Sense]
    ) -> Candidate | None:
        """An event governed by a control verb: threats, promises, refusals, requests."""
        trigger, last, sense = inner
        if trigger.pos_ == "VERB":
            inner_targets = self.verb_targets(trigger, sense)
        else:
            inner_targets = self.noun_targets(trigger, sense)
        cand = Candidate(
            trigger=verb,
            last=last,
            sense=sense,
            anchor=fr.top_of_chain(verb),
            sources=self.verb_sources(verb),
            targets=inner_targets,
            modality=fr.modality(verb, verb),
            consumed=[trigger.i, last.i],
        )
        cand.type, cand.mode = sense.type, sense.mode
        if role == "threat":
            cand.type, cand.mode = "THREATEN", THREAT_MODES.get((sense.type, sense.mode))
            cand.mode = cand.mode or THREAT_MODES.get((sense.type, None))
        elif role == "refuse":  # the target of the refused act is the one refused
            cand.type, cand.mode = "REJECT", REQUEST_MODES.get(sense.type)
        elif role == "ask":
            cand.type, cand.mode = "REQUEST", REQUEST_MODES.get(sense.type, "change")
            asked = fr.objects(verb, "dobj") or fr.objects(verb, "on")
            cand.targets = self.resolve_targets(asked)
        elif role == "plan":  # "plans to visit": the visit, still to come
            cand.modality = "negated" if cand.modality == "negated" else "future"
        else:
            self.recode_intent(cand, reported=True)
        if cand.type == "THREATEN" and not cand.targets:
            cand.targets = self.condition_subject(verb, trigger)  # "... unless Israel ..."
        return cand

    def condition_subject(self, *verbs: Token) -> list[Token]:
        """Who must act to lift a threat: the subject of its "unless"/"if" clause."""
        for verb in verbs:
            for child in verb.children:
                marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
                if child.dep_ == "advcl" and marks & {"unless", "if"}:
                    return self.resolve_targets(fr.subject(child))
        return []

    def recode_intent(self, cand: Candidate, reported: bool) -> None:
        """PLOVER codes a stated intention as the promise or threat it is.

        A promise made on a condition ("will withdraw unless ...") is a threat.
        """
        conditional = any(
            c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
            for c in (cand.trigger, cand.anchor)
            for c in c.children
        )
        threat = conditional and cand.type not in ("THREATEN", "REQUEST", "ACCUSE", "REJECT")
        if threat or cand.type in CONFLICT_MATERIAL:
            mode = THREAT_MODES.get((cand.type, cand.mode)) or THREAT_MODES.get((cand.type, None))
            cand.type, cand.mode = "THREATEN", mode
        elif cand.type in COOPERATIVE or cand.type in ("RETREAT", "CONCEDE"):
            cand.type, cand.mode = "AGREE", None
        else:
            return
        if reported or cand.modality != "future":
            cand.modality = "negated" if cand.modality == "negated" else "asserted"

    def noun_candidate(self, tok: Token) -> Candidate | None:
        senses = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        framed = tok.dep_ == "compound" and tok.head.lemma_.lower() in self.lex.frame_nouns
        if not senses or (tok.dep_ in ("compound", "amod") and not framed):
            return None
        if framed:  # "launched a mediation effort between X and Y": read the head's frame
            return self.framed_candidate(tok, senses)
        if tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT"):
            return None  # part of a name: "the Arab Spring", "Operation Storm"
        if tok.dep_ == "nsubj" and self._codes_same(tok.head, senses):
            return None  # "a suicide bombing killed 12": one event, coded on the verb
        background = tok.dep_ == "pobj" and tok.head.lower_ in self.lex.background_preps
        # "due to ethnic clashes", "because of the fighting": a cause, not a new event
        background = background or (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("to", "of")
            and tok.head.head.lower_ in ("due", "because", "owing")
        )
        cand = self.nominal_candidate(tok, tok, senses, background=background)
        if cand is None:
            return None
        anchor = cand.anchor
        if cand.modality == "asserted" and fr.unrealized(tok):
            cand.modality = "hypothetical"  # "is considering sanctions": not imposed yet
        if tok.dep_ == "dobj" and vlemma(anchor) in self.lex.light_verbs:
            self.consumed.add(anchor.i)
            if cand.modality == "future":  # "will impose a curfew": a threat now
                self.recode_intent(cand, reported=fr.in_reported_speech(anchor))
        return cand

    def framed_candidate(self, tok: Token, senses: tuple[Sense, ...]) -> Candidate | None:
        return self.nominal_candidate(tok, tok.head, senses)

    def nominal_candidate(
        self, trigger: Token, head: Token, senses: tuple[Sense, ...], *, background: bool = False
    ) -> Candidate | None:
        """An event named by a noun; ``head`` is the noun whose phrase holds its parties."""
        sources = self.noun_sources(head)
        sense = self._choose(trigger, senses, sources, nominal=True)
        if sense is None:
            return None
        anchor, direct = self.noun_anchor(head)
        cand = Candidate(
            trigger=trigger,
            last=head,
            sense=sense,
            anchor=anchor,
            sources=sources,
            targets=self.noun_targets(head, sense),
            modality=fr.modality(head, anchor),
            nominal=True,
            direct=direct,
            background=background,
        )
        cand.type, cand.mode = sense.type, sense.mode
        return cand

    def noun_anchor(self, tok: Token) -> tuple[Token, bool]:
        """The verb whose clause the event noun sits in, and whether it is its argument."""
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            return fr.top_of_chain(tok.head), True
        if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            return fr.top_of_chain(tok.head.head), True
        for anc in fr.ancestors_until_clause(tok):
            if anc.pos_ in ("VERB", "AUX"):
                return fr.top_of_chain(anc), False
        return tok, False

    def noun_sources(self, tok: Token) -> list[Token]:
        """Doer of an event noun: possessor, "by" phrase, actor modifier or light-verb subject."""
        for child in tok.children:
            if child.dep_ == "poss" and self.participant(child) is not None:
                return fr.conjuncts(child)
        by = fr.objects(tok, "by")
        for child in tok.children:  # "a rally attended by thousands"
            if child.dep_ == "acl" and child.tag_ == "VBN":
                by = by or fr.objects(child, "by")
        if by:
            return [c for b in by for c in fr.conjuncts(b)]
        for child in tok.children:
            # "police firing", "US strikes", "Israeli attack"; not "military buildup"
            if child.dep_ in ("compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
                part = self.participant(child)
                if part is not None and (part.country or part.sector or part.actor):
                    return [child]
            if child.dep_ == "amod" and fr.country_of(child.text):
                return [child]
        head = tok.head
        if tok.dep_ == "dobj" and vlemma(head) in self.lex.light_verbs:
            return self.verb_sources(head)
        if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            return self.verb_sources(head.head)  # "piling pressure ... with a buildup"
        verb = head.head if tok.dep_ == "pobj" else head if tok.dep_ == "dobj" else None
        if verb is not None and vlemma(verb) in self.lex.participation_verbs:
            return self.verb_sources(verb)  # "converged for a rally", "joined the march"
        return []

    def noun_targets(self, tok: Token, sense: Sense) -> list[Token]:
        for role in sense.target:
            heads = self.resolve_targets(fr.objects(tok, role))
            if heads:
                return heads
        head = tok.head  # "imposed sanctions on Iran": the PP hangs on the light verb
        if tok.dep_ == "dobj" and vlemma(head) in self.lex.light_verbs:
            for role in sense.target:
                if role not in ("dobj", "dative", "xsubj", "poss"):
                    heads = self.resolve_targets(fr.objects(head, role))
                    if heads:
                        return heads
        return []

    # --- emitting ----------------------------------------------------------------

    def participant(self, head: Token) -> EventParticipant | None:
        head = fr.resolve_relative(head)
        sem = fr.semantic_head(head)
        actor_id = self.token_actor.get(head.i) or self.token_actor.get(sem.i)
        toks = fr.phrase(head)
        if actor_id is None and head.pos_ == "PROPN":
            actor_id = next((self.token_actor[t.i] for t in toks if t.i in self.token_actor), None)
        actor = self.actors.get(actor_id or "")
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = self.ctx.text[start:end]
        if actor is None and head.pos_ == "PRON" and head.lower_ in fr.PRONOUNS:
            antecedent = self.antecedent(head)
            if antecedent is not None:
                return self.participant(antecedent)
            return EventParticipant(name=head.text, start=head.idx, end=head.idx + len(head))
        if actor is None and (head.pos_ == "PRON" or head.ent_type_ in fr.NOT_ACTORS):
            return None
        country = actor.country if actor else None
        sector = actor.sector if actor else None
        if country is None:
            country = self.country_in(toks)
        # A bare country name ("the United States") is coded without a sector.
        bare_country = fr.country_of(name) is not None and head.pos_ == "PROPN"
        if sector is None and not bare_country and (actor is None or actor.kind != "country"):
            sector = self.sector_for(toks, sem)
        named = head.pos_ == "PROPN" or head.ent_type_ in ACTOR_ENTS
        counted = any(c.dep_ == "nummod" for c in sem.children)  # "two brothers"
        if actor is None and not (named or sector or country or counted):
            return None
        return EventParticipant(
            actor=actor.id if actor else None,
            name=actor.name if actor and head.pos_ == "PRON" else name,
            country=country,
            sector=sector,
            start=start,
            end=end,
        )

    def antecedent(self, pron: Token) -> Token | None:
        """A fallback for pronouns the actors layer left unresolved, from the syntax alone:
        "X said they would ..." -> X; "X continued their strike" -> X."""
        if pron.lower_ in ("i", "you", "we", "us", "our"):
            return None
        found: list[Token] = []
        if pron.dep_ == "poss":
            for anc in fr.ancestors_until_clause(pron):
                if anc.pos_ in ("VERB", "AUX"):
                    found = fr.subject(anc)
        elif pron.dep_ in ("nsubj", "nsubjpass"):
            verb = fr.top_of_chain(pron.head)
            if verb.dep_ == "ccomp" and vlemma(verb.head) in self.lex.speech_verbs:
                found = fr.subject(verb.head)
        found = [t for t in found if t.i != pron.i and t.pos_ != "PRON"]
        return found[0] if found else None

    def country_in(self, toks: list[Token]) -> str | None:
        # "Kenyan farmers in Garissa": the noun's own modifiers beat a trailing place
        cut = next((n for n, t in enumerate(toks) if t.dep_ == "prep"), len(toks))
        if 0 < cut < len(toks):
            own = self._country_in(toks[:cut])
            if own:
                return own
        return self._country_in(toks)

    def _country_in(self, toks: list[Token]) -> str | None:
        for tok in toks:
            place = self.places.get(tok.i)
            if place is not None and place.country:
                return str(place.country)
        for tok in toks:
            if tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.dep_ != "prep":
                code = fr.country_of(tok.text)
                if code:
                    return code
        text = " ".join(t.text for t in toks if t.pos_ == "PROPN")
        return fr.country_of(text) if " " in text else None

    def sector_for(self, toks: list[Token], sem: Token) -> str | None:
        if sem.like_num or sem.lemma_.lower() in fr.QUANTIFIERS:
            return fr.sector_of("people")  # an unnamed crowd: "thousands"
        words = [t for t in toks if t.i <= sem.i and t.dep_ not in ("det", "poss", "case")]
        candidates = [" ".join(t.text for t in words), sem.text, sem.lemma_]
        candidates += [t.text for t in reversed(words) if t.dep_ == "compound"]
        for text in candidates:
            code = fr.sector_of(text)
            if code:
                return code
        return None

    def emit(self, cand: Candidate, sent: SpacySpan) -> None:
        self.consumed.update(cand.consumed)
        sources = [p for p in map(self.participant, cand.sources) if p is not None]
        if any(p.actor is None and p.name.lower() in UNRESOLVED_PERSONS for p in sources):
            return  # an unresolved "I"/"you"/"we" is the writer or a reader, not a party
        sources = [p for p in sources if not event_places.stands_for_no_one(p, self.places_by_span)]
        targets = [p for p in map(self.participant, cand.targets) if p is not None]
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
        if self.in_condition(cand.anchor):
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
        event = Event(
            id=self.ctx.new_id("ev"),
            type=cand.type,
            mode=mode,
            quad=self.types[cand.type].quad,
            intensity=intensity(cand.type, mode),
            source=sources,
            target=targets,
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

    def bare_blast(self, cand: Candidate, scope: list[Token]) -> bool:
        """ "A bomb exploded in a market in Kano", "protests were held in Dhaka": an
        explosion or a protest at a named place is an event before anyone is named."""
        placed = any(
            t.i in self.places or event_places.unknown_place(t, self.places) for t in scope
        )
        return placed and (cand.mode == "explosives" or (cand.nominal and cand.type == "PROTEST"))

    def nearest_named(
        self, cand: Candidate, sources: list[EventParticipant], places: bool = True
    ) -> list[EventParticipant]:
        """No frame role filled: PLOVER's target is then the named party the act is
        about, nearest the trigger in its own phrase ("lifted the curfew on
        Palestinians", "imposed restrictions for new EU members"). A place the act
        happens in ("demonstrated in Serbia", "agreed to postpone the vote in Baku") is
        the last resort; a threat's target is whoever its condition asks to act."""
        roots = [cand.trigger]
        verb = cand.anchor
        if cand.nominal and vlemma(verb) in self.lex.light_verbs | self.lex.participation_verbs:
            roots.append(verb)  # "imposed a blockade on X": the PP hangs on the verb
        taken = {
            i
            for p in sources
            if p.start is not None and p.end is not None
            for i in self._tokens(p.start, p.end)
        }
        spans = {(p.start, p.end) for p in sources}
        root_ids = {r.i for r in roots}
        seen = root_ids | taken
        frontier = roots
        settings: list[Token] = []
        conditions: list[Token] = []
        chosen: Token | None = None
        while frontier and chosen is None:
            found: list[Token] = []
            nxt: list[Token] = []
            for tok in frontier:
                for child in tok.children:
                    if child.i in seen:
                        continue
                    if self._condition(child):
                        conditions.append(child)
                    if not self._follow(child):
                        continue
                    seen.add(child.i)
                    nxt.append(child)
                    # what is moved or deployed is not whom the act is aimed at
                    theme = (
                        child.dep_ == "dobj"
                        and tok.i in root_ids
                        and "dobj" not in cand.sense.target
                    )
                    if theme or not self._named_party(child):
                        continue
                    locative = child.dep_ == "pobj" and child.head.lower_ in fr.LOCATIVE
                    place = self.places.get(child.i)
                    if locative and place is not None:
                        if place.feature in PLACE_TARGETS:  # a town or country, not a sea
                            settings.append(child)
                        continue
                    found.append(child)
            if found:
                chosen = min(found, key=lambda t: t.i)
            frontier = nxt
        if cand.type == "THREATEN":
            for verb in conditions:
                heads = [h for h in self.resolve_targets(fr.subject(verb)) if h.i not in taken]
                if heads:
                    chosen, settings = heads[0], []
                    break
        if chosen is None and places and settings:
            chosen = min(settings, key=lambda t: t.i)
        if chosen is None:
            return []
        heads = [c for c in fr.conjuncts(chosen) if c.i not in taken]
        parts = [p for p in map(self.participant, heads) if p is not None]
        return [p for p in parts if (p.start, p.end) not in spans]

    @staticmethod
    def _condition(child: Token) -> bool:
        return child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in child.children
        )

    def _follow(self, child: Token) -> bool:
        """Dependents the target search may walk into: not the subject, other
        clauses, attribution or the circumstances ("despite", "after")."""
        if child.dep_ in fr.SUBJECTS or child.dep_ in ("relcl", "parataxis", "ccomp", "appos"):
            return False
        if child.dep_ == "prep" and child.lower_ in self.lex.context_preps:
            return False
        lemma = child.lemma_.lower()
        if lemma in self.lex.speech_verbs and self.lex.control.get(lemma) != "ask":
            return False  # "..., citing domestic opposition": a reason given
        if child.dep_ in ("advcl", "conj") and child.pos_ in ("VERB", "AUX"):
            marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "advmod")}
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            return child.dep_ == "advcl" and (purpose or (child.tag_ == "VBG" and not marks))
        return True

    def _named_party(self, tok: Token) -> bool:
        """A noun naming an actor, a country or a people ("Bolivian navy officers")."""
        if tok.ent_type_ in fr.NOT_ACTORS or tok.pos_ not in ("PROPN", "NOUN"):
            return False
        if tok.dep_ in ("compound", "amod"):
            return False
        place = self.places.get(tok.i)
        if tok.i in self.token_actor or (place is not None and place.country):
            return True
        if tok.pos_ == "PROPN" and tok.ent_type_ in ACTOR_ENTS:
            return True
        return any(
            t.dep_ in ("amod", "compound")
            and (t.i in self.token_actor or (t.pos_ in ("PROPN", "ADJ") and fr.country_of(t.text)))
            for left in tok.lefts
            for t in left.subtree
        )

    def merge(
        self,
        cand: Candidate,
        sources: list[EventParticipant],
        targets: list[EventParticipant],
        figures: list[Figure],
    ) -> bool:
        """Fold a mention into an event already coded; True if it was one."""
        earlier = None
        trig = cand.trigger
        # "carried out raids ..., killing 31": the participle adds to the strikes.
        marks = {c.lower_ for c in trig.children if c.dep_ in ("mark", "advmod")}
        simultaneous = trig.dep_ == "advcl" and bool(marks & SIMULTANEOUS)
        # "staged a hunger strike to protest ...", "blocked roads demanding ...": the
        # purpose of a protest is its aim, not a second event.
        purpose = trig.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trig.children
        )
        adjunct = trig.dep_ in ("advcl", "conj", "xcomp") and trig.tag_ == "VBG"
        if adjunct or simultaneous or purpose:
            earlier = self.by_anchor.get(trig.head.i)
        if earlier is not None and not (
            earlier.type == cand.type
            or (earlier.type == "PROTEST" and cand.type == "REQUEST" and not simultaneous)
        ):
            earlier = None
        if earlier is not None and purpose and not self._compatible(earlier.source, sources):
            earlier = None
        # "wounded two soldiers in a bomb attack": the noun names the verb's own act
        if earlier is None and cand.nominal and trig.dep_ == "pobj":
            found = self.by_anchor.get(trig.head.head.i)
            if found is not None and found.type == cand.type and found.trigger.start != trig.idx:
                earlier = found
        # "The rally on Monday", "the short call": a definite mention of an earlier event.
        if (
            earlier is None
            and cand.nominal
            and any(c.lower_ in ("the", "that", "this") for c in trig.children if c.dep_ == "det")
        ):
            earlier = next(
                (
                    e
                    for e in reversed(self.events)
                    if e.type == cand.type
                    and (e.trigger.text.lower().startswith(trig.lower_[:4]) or e.mode == cand.mode)
                    and self._compatible(e.source, sources)
                ),
                None,
            )
        if earlier is None:
            return False
        if earlier.date is None:
            date, precision, time_id = self.date(cand)
            earlier.date, earlier.date_precision, earlier.time = date, precision, time_id  # type: ignore[assignment]
        if earlier.location is None:
            earlier.location = self.location(self.scope(cand), cand)
        known = {f.kind for f in earlier.figures}
        earlier.figures.extend(f for f in figures if f.kind not in known)
        placeholder = all(p.actor is None and p.sector is None for p in earlier.target)
        if targets and placeholder:  # a named victim beats the place stood in for one
            earlier.target = targets
        return True

    @staticmethod
    def _compatible(old: list[EventParticipant], new: list[EventParticipant]) -> bool:
        if not new or not old:
            return True
        names = {p.name.lower() for p in old} | {p.country for p in old if p.country}
        return any(p.name.lower() in names or (p.country and p.country in names) for p in new)

    def anchored_noun(self, cand: Candidate, targets: list[EventParticipant]) -> bool:
        """An event noun is coded when the sentence reports it happening: it is the
        object of a light or participation verb, or has its own doer ("by"), target,
        figures, time or place."""
        tok = cand.trigger
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if vlemma(verb) in self.lex.light_verbs | self.lex.participation_verbs:
            return True
        if targets or fr.objects(tok, "by") or cand.modality == "hypothetical":
            return True
        if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children):
            return True  # "a rally attended by thousands"
        subtree = list(tok.subtree)
        if any(t.i in self.times for t in subtree) or self.location(subtree, cand):
            return True
        return bool(self.figures(subtree))

    @staticmethod
    def in_condition(anchor: Token) -> bool:
        return anchor.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anchor.children
        )

    def consume_content(self, verb: Token) -> None:
        """What is demanded, rejected, threatened or promised is not itself an event."""
        for child in verb.children:
            if child.dep_ in ("dobj", "ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ in ("for", "on")
            ):
                # a relative clause inside still reports a fact ("the police who killed")
                inner = {t.i for r in child.subtree if r.dep_ == "relcl" for t in r.subtree}
                self.consumed.update(t.i for t in child.subtree if t.i not in inner)

    # --- where, when, how many ---------------------------------------------------

    def scope(self, cand: Candidate) -> list[Token]:
        """Tokens whose times, places and figures belong to the event."""
        toks = fr.clause(cand.anchor) if cand.direct else []
        toks += list(cand.trigger.subtree) if cand.nominal else []
        for child in cand.anchor.children:  # "..., killing at least 31 people"
            if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ == "VBG":
                toks += list(child.subtree)
        return toks

    def date(self, cand: Candidate) -> tuple[str | None, str | None, str | None]:
        found = self._date_in(self.scope(cand), cand.trigger)
        if found is None:
            top = cand.anchor
            mark = {c.lower_ for c in top.children if c.dep_ == "mark"}
            simultaneous = top.dep_ == "advcl" and bool(mark & SIMULTANEOUS)
            declared = (
                top.dep_ == "ccomp" and top.head.lemma_.lower() in self.lex.performative_verbs
            )
            # "... on Tuesday, killing 12 civilians": the participle shares its clause's time
            participial = top.dep_ in ("advcl", "xcomp") and top.tag_ == "VBG" and not mark
            if simultaneous or declared or participial:
                found = self._date_in(fr.clause(fr.top_of_chain(top.head)), cand.trigger)
        if found is None:
            return None, None, None
        value: str = found.value
        precision = {4: "year", 7: "month", 10: "day"}[len(value)]
        return value, precision, found.id

    def _date_in(self, toks: list[Token], trigger: Token) -> Any:
        best = None
        for tok in toks:
            item = self.times.get(tok.i)
            if item is None or item.type != "date" or not item.value:
                continue
            if not DATE_VALUE.match(item.value):
                continue
            before = self.doc[tok.i - 1] if tok.i > 0 else None
            first = item.text.split(" ", 1)[0].lower()
            if first in NOT_EVENT_DATE or (before is not None and before.lower_ in NOT_EVENT_DATE):
                continue
            if best is None or abs(tok.i - trigger.i) < abs(best[0] - trigger.i):
                best = (tok.i, item)
        return best[1] if best else None

    def place_participants(self, scope: list[Token], cand: Candidate) -> list[EventParticipant]:
        """The place the act is done in, as its target (PLOVER's convention)."""
        place_id = self.location(scope, cand)
        if place_id is None:
            return []
        for tok in scope:
            place = self.places.get(tok.i)
            if place is not None and place.id == place_id and place.feature in PLACE_TARGETS:
                mention = next(
                    (m for m in place.mentions if m.start <= tok.idx < m.end), place.mentions[0]
                )
                return [
                    EventParticipant(
                        name=mention.text,
                        country=place.country,
                        start=mention.start,
                        end=mention.end,
                    )
                ]
        return []

    def location(self, scope: list[Token], cand: Candidate) -> str | None:
        best: tuple[int, str] | None = None
        participants = {t.i for t in cand.sources + cand.targets}
        for tok in scope:
            place = self.places.get(tok.i)
            if place is None or tok.i in participants:
                continue
            prep = tok.head if tok.dep_ == "pobj" else None
            if tok.dep_ == "compound" and tok.head.dep_ == "pobj":
                prep = tok.head.head
            if prep is None or prep.lower_ not in fr.LOCATIVE:
                continue
            dist = abs(tok.i - cand.trigger.i)
            if best is None or dist < best[0]:
                best = (dist, place.id)
        return best[1] if best else None

    def figures(self, scope: list[Token]) -> list[Figure]:
        out: list[Figure] = []
        seen: set[str] = set()
        for tok in scope:
            quantity = self.quantities.get(tok.i)
            if quantity is None or quantity.id in seen:
                continue
            seen.add(quantity.id)
            kind = self.figure_kind(quantity)
            if kind is not None:
                out.append(
                    Figure(
                        kind=kind,
                        value=quantity.value,
                        qualifier=quantity.qualifier,
                        quantity=quantity.id,
                    )
                )
        return out

    def implied_death(self, cand: Candidate) -> list[Figure]:
        """ "Police killed a man", "shot dead": the verb itself reports at least one death."""
        trig = cand.trigger
        killing = self.lex.figure_verbs.get(trig.lemma_.lower()) == "dead" and trig.lemma_ != "die"
        shot_dead = any(c.lower_ == "dead" for c in trig.children)
        if cand.modality != "asserted" or not (killing or shot_dead) or cand.nominal:
            return []
        # "a man was killed" is one dead; a generic "kill" with no count is no figure
        victims = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
        if not victims or not fr.single_victim(victims[0]):
            return []
        return [Figure(kind="dead", value=1, qualifier="exact")]

    def figure_kind(self, quantity: Any) -> str | None:
        span = self.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        # What happened to them first: "killing 12 soldiers" counts dead, not troops.
        if any(c.lower_ == "dead" for c in root.children):
            return "dead"
        verb = root.head
        if root.dep_ in ("nsubjpass", "nsubj") and fr.reported_dead(verb):
            return "dead"  # "four people were found shot dead", "nine people were dead"
        if root.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
            if root.dep_ == "pobj":
                verb = root.head.head
            kind = self.lex.figure_verbs.get(verb.lemma_.lower())
            if kind is not None:
                return kind
        nouns = self.lex.figure_nouns
        for word in (quantity.unit or "", root.lemma_.lower(), root.lower_):
            if word.lower() in nouns:
                return nouns[word.lower()]
        return None

    def instrument(self, scope: list[Token]) -> str | None:
        words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
        for mode, weapons in self.lex.instruments:
            if weapons & words:
                return mode
        return None

    def attribution(self, char: int) -> str | None:
        for start, end, ident in self.reported:
            if start <= char < end:
                return ident
        return None
