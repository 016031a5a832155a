"""Targets: whom an act is aimed at, from the frame's roles or, failing them, the
named party or place nearest the trigger."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events.base import EventCandidate, conditional, marks, vlemma
from flashpoint.extractors.events.lexicon import (
    Sense,
)
from flashpoint.extractors.events.participants import ACTOR_ENTS, Participants
from flashpoint.models import EventParticipant

# Words of force whose "against" phrase names its victims.
FORCE_NOUNS = frozenset({"force", "violence", "use", "brutality", "repression", "abuse"})
# Places that can stand for the population an act is done to (not seas or regions).
PLACE_TARGETS = frozenset({"city", "admin", "country"})


def content_clause(clause: Token) -> bool:
    """A "that" clause telling what a noun says ("the accusation that al-Qaeda was
    involved", "the claim that troops fired"): a proposition, not a party."""
    return clause.dep_ == "acl" and "that" in marks(clause)


class Targets(Participants):
    """Finds an act's targets."""

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

    def noun_targets(self, tok: Token, sense: Sense) -> list[Token]:
        if sense.type == "ACCUSE":
            for clause in filter(content_clause, tok.children):  # "Assad's accusation
                heads = self.resolve_targets(fr.subject(clause))  # that al-Qaeda was
                if heads:  # involved": al-Qaeda
                    return heads
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

    def resolve_targets(self, found: list[Token]) -> list[Token]:
        out: list[Token] = []
        for head in found:
            head = fr.semantic_head(head)
            if head.lemma_.lower() in self.lex.content_nouns:
                # "rejected his requests" -> him; "rejected calls by X" -> X
                owner = fr.objects(head, "poss") or fr.objects(head, "by")
                owner = owner or fr.objects(head, "from") or fr.objects(head, "of")
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

    def condition_subject(self, *verbs: Token) -> list[Token]:
        """Who must act to lift a threat: the subject of its "unless"/"if" clause."""
        for verb in verbs:
            for child in verb.children:
                if conditional(child):
                    return self.resolve_targets(fr.subject(child))
        return []

    def nearest_named(
        self, cand: EventCandidate, sources: list[EventParticipant], places: bool = True
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
                    if conditional(child):
                        conditions.append(child)
                    if not self._follow(child) or self.victims_of_force(child, root_ids):
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
        parts = self.participants(heads)
        return [p for p in parts if (p.start, p.end) not in spans]

    def victims_of_force(self, prep: Token, roots: set[int]) -> bool:
        """ "against civilians" on a word of force inside what the act is about
        ("demanded an end to the use of force against civilians"): the victims of that
        force, not whom the demand is made of."""
        if prep.dep_ != "prep" or prep.lower_ != "against" or prep.head.i in roots:
            return False
        noun = prep.head
        senses = self.lex.nouns.get(noun.lemma_.lower(), ())
        return noun.lemma_.lower() in FORCE_NOUNS or any(
            s.type in ("ASSAULT", "COERCE") for s in senses
        )

    def _follow(self, child: Token) -> bool:
        """Dependents the target search may walk into: not the subject, other
        clauses, attribution or the circumstances ("despite", "after")."""
        if child.dep_ in fr.SUBJECTS or child.dep_ in ("relcl", "parataxis", "ccomp", "appos"):
            return False
        if content_clause(child):
            return False  # "rejected the accusation that Iran armed the rebels": its content
        if child.dep_ == "prep" and child.lower_ in self.lex.context_preps:
            return False
        lemma = child.lemma_.lower()
        if lemma in self.lex.speech_verbs and self.lex.control.get(lemma) != "ask":
            return False  # "..., citing domestic opposition": a reason given
        if child.dep_ in ("advcl", "conj") and child.pos_ in ("VERB", "AUX"):
            opened = marks(child)
            return child.dep_ == "advcl" and (
                fr.infinitive(child) or (child.tag_ == "VBG" and not opened)
            )
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

    def place_participants(
        self, scope: list[Token], cand: EventCandidate
    ) -> list[EventParticipant]:
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
