"""Candidates: a trigger verb or noun read with its lexicon sense, its parties and
modality, before the checks that decide whether it is coded."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from flashpoint import gazetteer
from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events.base import EventCandidate, vlemma
from flashpoint.extractors.events.lexicon import (
    CONFLICT_MATERIAL,
    COOPERATIVE,
    Sense,
)
from flashpoint.extractors.events.targets import Targets

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


def threat_mode(type_: str, mode: str | None) -> str | None:
    """The THREATEN mode of a threatened act, by its own mode, else by its type."""
    return THREAT_MODES.get((type_, mode)) or THREAT_MODES.get((type_, None))


REQUEST_MODES = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist"}


def _agent_like(head: Token) -> bool:
    """A word that can name someone who is told to act: a pronoun, a name of a person,
    group or place (standing for its people), or a noun of an actor's sector."""
    return (
        head.pos_ == "PRON"
        or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or fr.sector_of(head.text) is not None
        or fr.sector_of(head.lemma_) is not None
    )


def _dated(prep: Token) -> bool:
    """A preposition whose object is a time is no particle: "called on Friday the veto
    despicable" is no call on anyone."""
    return prep.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children
    )


# Prepositions after which a bare plural of the simple present is a kind of act.
GENERIC_PREPS = frozenset({"during", "in", "against", "for", "at"})
# The ``needs`` word met by a named place acted on ("stormed Hama"), and the entity
# labels that name one.
NAMED_PLACE = "@place"
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


class Candidates(Targets):
    """Finds the event a verb, adjective or noun evokes."""

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
        return words | self._counted_words(tok)

    def _counted_words(self, tok: Token) -> set[str]:
        """What a quantified argument counts ("tens of thousands of opponents gathered"),
        and the noun a participle modifies ("diplomats expelled by the US"), so a
        ``needs`` condition reads past the quantifiers."""
        words: set[str] = set()
        heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            heads.append(tok.head)
        for head in heads:
            sem = fr.semantic_head(head)
            words.update((sem.lemma_.lower(), sem.lower_))
            if head.dep_ != "nsubj" and self.named_place(sem):
                words.add(NAMED_PLACE)  # "stormed Hama", "retook Palmyra"
        return words

    def named_place(self, tok: Token) -> bool:
        """A town or country by its name: a place entity, one the places layer found, or
        a proper noun the gazetteer knows (the tagger reads many towns as persons)."""
        if tok.ent_type_ in PLACE_ENTS or tok.i in self.places:
            return True
        return tok.pos_ == "PROPN" and bool(gazetteer.lookup(tok.text))

    def _object_words(self, tok: Token, passive: bool, sense: Sense) -> set[str]:
        """The lemma of what the verb acts on: its object or passive subject, and the
        object of a preposition that holds the sense's target ("clashed with X")."""
        deps = ("nsubjpass",) if passive else ("dobj",)
        found = [c for c in tok.children if c.dep_ in deps]
        for role in sense.target:
            if role not in ("dobj", "xsubj", "dative", "poss"):
                found += fr.objects(tok, role)
        if tok.lemma_.lower() in fr.DISPUTE_VERBS:
            found += fr.objects(tok, "over")  # "clashed over the wording": the dispute's matter
        return {fr.semantic_head(c).lemma_.lower() for c in found}

    def _particle(self, tok: Token) -> tuple[Token, tuple[Sense, ...]] | None:
        table = self.lex.phrasal.get(tok.lemma_.lower())
        if not table:
            return None
        for child in tok.children:
            if child.dep_ in PARTICLE_DEPS and child.lower_ in table and not _dated(child):
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
            if sense.objects_not and sense.objects_not & self._object_words(tok, passive, sense):
                continue  # "met fierce resistance", "killed the bill": another sense
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

    def verb_candidate(self, tok: Token) -> EventCandidate | None:
        if fr.text_says(tok) or fr.talk_about(tok):
            return None  # "the plan calls for a ceasefire", "states that talk about us"
        lemma = vlemma(tok)
        role = self.lex.control.get(lemma)
        if role in ("intent", "threat", "refuse", "ask", "plan"):
            comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            inner = self.complement(comp) if comp is not None else None
            if inner is not None:
                controlled = self.controlled(tok, role, inner)
                if controlled is not None and controlled.modality == "asserted" and fr.drafted(tok):
                    controlled.modality = "hypothetical"  # "the draft calls on states to"
                return controlled
        if tok.pos_ != "VERB":
            return None
        # "arrested for collaborating", "accused of waging" (and of "stirring up the
        # crowds and providing them with weapons"): a reason or a charge, not an event
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "pcomp" and first.head.lower_ in ("for", "of", "over"):
            return None
        if fr.seized_on(tok):
            return None  # "seized on the resignation as a sign": another sense
        if fr.anonymity(tok):
            return None  # "an official who asked not to be named"
        if fr.verbal_clash(tok):
            return None  # "clashed with Russia and China at the council": words
        last = tok
        particle = self._particle(tok)
        if particle is not None:
            last, senses = particle
        else:
            found = self.lex.verbs.get(lemma)
            if found is None:
                return None
            senses = found
        before = set(self.consumed)
        sources = self.verb_sources(tok)
        sense = self._choose(tok, senses, sources, nominal=False)
        if sense is None:
            # the doer search may have taken a cause ("used ... in an attack"); a verb
            # that codes nothing leaves it to be coded on its own
            self.consumed.intersection_update(before)
            return None
        anchor = fr.top_of_chain(tok)
        cand = EventCandidate.from_sense(
            sense,
            trigger=tok,
            last=last if last.i > tok.i else tok,
            anchor=anchor,
            sources=sources,
            targets=self.verb_targets(tok, sense),
            modality=fr.modality(tok, tok),
        )
        if cand.modality == "future" and not fr.arranged(tok):
            self.recode_intent(cand, reported=fr.in_reported_speech(tok))
        if cand.mode is None:  # "air strikes killed five": the weapon named by the subject
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                noun = self._noun_sense(subj, cand.type)
                cand.mode = noun.mode if noun is not None else None
        embedded = fr.embedded(tok)
        if fr.stance(tok, cand.type):
            return None  # "Syria supports Hamas": a standing position, not an act
        if cand.mode == "visit" and fr.private_trip(tok):
            return None  # "a tourist visiting Arbil for the holiday"
        if fr.state_participle(tok):
            return None  # "did not look threatened", "a bombed-out district": a state
        if fr.habitual(tok, cand.type) or fr.generic_doer(tok):
            return None  # "has frequently accused", "those who order attacks": no event
        if embedded == "drop" or fr.question(tok):
            return None  # "no one had the authority to massacre civilians", "asked whether"
        if fr.drafted(tok) and cand.modality == "asserted":
            cand.modality = "hypothetical"  # "the draft calls on states to": not adopted
        if embedded is not None and cand.modality == "asserted":
            cand.modality = embedded
        if cand.mode == "crowd-control":
            self._consume_purpose(tok)
        return cand

    def _consume_purpose(self, verb: Token) -> None:
        """ "used tear gas to disperse the crowd": the purpose clause is the same act."""
        for child in verb.children:
            senses = (
                self.lex.verbs.get(vlemma(child), ()) if child.dep_ in ("xcomp", "advcl") else ()
            )
            if any(s.mode == "crowd-control" for s in senses):
                self.consumed.add(child.i)

    def obligation(self, verb: Token) -> EventCandidate | None:
        """ "X said Y must do Z" is X's demand on Y (a REQUEST), not Y's act."""
        if verb.lemma_.lower() not in self.lex.speech_verbs or fr.text_says(verb):
            return None  # "the plan says troops must withdraw": an item of the plan
        for comp in verb.children:
            if comp.dep_ != "ccomp" or comp.pos_ not in ("VERB", "AUX"):
                continue
            modals = {c.lower_ for c in comp.children if c.dep_ == "aux"}
            if not modals & self.lex.obligation_modals:
                continue
            if any(t.pos_ == "PRON" and t.lower_ in ("we", "i", "us") for t in fr.subject(comp)):
                continue  # "we must not ignore their plight": an exhortation, no demand
            if not fr.is_passive(comp) and not any(
                _agent_like(fr.semantic_head(t)) for t in fr.subject(comp)
            ):
                continue  # "said the data should keep markets calm": a forecast, no demand
            if comp.lemma_.lower() == "be" and any(c.dep_ == "acomp" for c in comp.children):
                continue  # "said the defenders should be fit to play": a state forecast
            inner = self.complement(comp)
            sense = inner[2] if inner else Sense(type="REQUEST")
            targets = self.resolve_targets(fr.subject(comp))
            cand = self.on_verb(verb, sense, targets, consumed=[t.i for t in comp.subtree])
            cand.type, cand.mode = "REQUEST", REQUEST_MODES.get(sense.type, "change")
            return cand
        return None

    def death(self, verb: Token) -> EventCandidate | None:
        """ "40 died in army shelling": a death with a named cause is an assault."""
        if verb.lemma_.lower() not in self.lex.death_verbs:
            return None
        sources = self.cause_sources(verb)
        if not sources:
            return None
        return EventCandidate.from_sense(
            Sense(type="ASSAULT"),
            trigger=verb,
            last=verb,
            anchor=fr.top_of_chain(verb),
            sources=sources,
            targets=[c for c in verb.children if c.dep_ == "nsubj"],
            modality=fr.modality(verb, verb),
        )

    def on_verb(
        self,
        verb: Token,
        sense: Sense,
        targets: list[Token],
        *,
        consumed: list[int],
        last: Token | None = None,
    ) -> EventCandidate:
        """An act coded on the verb that governs it, its doer the verb's own subject:
        what a control verb names ("threatened to strike") or what a speaker says
        another must do ("said Y must withdraw")."""
        return EventCandidate.from_sense(
            sense,
            trigger=verb,
            last=verb if last is None else last,
            anchor=fr.top_of_chain(verb),
            sources=self.verb_sources(verb),
            targets=targets,
            modality=fr.modality(verb, verb),
            consumed=consumed,
        )

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
                    nsenses = self.noun_senses(obj)
                    if nsenses:
                        sense = self._choose(obj, nsenses, [], nominal=True)
                        if sense is not None:
                            return obj, obj, sense
        return None

    def controlled(
        self, verb: Token, role: str, inner: tuple[Token, Token, Sense]
    ) -> EventCandidate | None:
        """An event governed by a control verb: threats, promises, refusals, requests."""
        trigger, last, sense = inner
        if trigger.pos_ == "VERB":
            inner_targets = self.verb_targets(trigger, sense)
        else:
            inner_targets = self.noun_targets(trigger, sense)
        cand = self.on_verb(verb, sense, inner_targets, consumed=[trigger.i, last.i], last=last)
        if role == "threat":
            cand.type, cand.mode = "THREATEN", threat_mode(sense.type, sense.mode)
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

    def recode_intent(self, cand: EventCandidate, reported: bool) -> None:
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
            cand.type, cand.mode = "THREATEN", threat_mode(cand.type, cand.mode)
        elif cand.type in COOPERATIVE or cand.type in ("RETREAT", "CONCEDE"):
            cand.type, cand.mode = "AGREE", None
        else:
            return
        if reported or cand.modality != "future":
            cand.modality = "negated" if cand.modality == "negated" else "asserted"

    def noun_candidate(self, tok: Token) -> EventCandidate | None:
        senses = self.noun_senses(tok)
        framed = tok.dep_ == "compound" and tok.head.lemma_.lower() in self.lex.frame_nouns
        if not senses or (tok.dep_ in ("compound", "amod") and not framed):
            return None
        if framed:  # "launched a mediation effort between X and Y": read the head's frame
            return self.framed_candidate(tok, senses)
        # a capitalized first word tagged as a one-word name ("Shootings in Belfast
        # continued") is the common noun it is
        lone = (
            tok.is_sent_start
            and tok.ent_iob_ == "B"
            and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
        )
        if tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT") and not lone:
            return None  # part of a name: "the Arab Spring", "Operation Storm"
        if tok.dep_ == "nsubj" and self._codes_same(tok.head, senses):
            return None  # "a suicide bombing killed 12": one event, coded on the verb
        generic = generic_adjunct(tok) and vlemma(tok.head.head) not in self.lex.participation_verbs
        if generic_subject(tok) or generic or counted_kind(tok):
            return None  # "attacks on civilians are a crime": a kind of act, not one act
        background = tok.dep_ == "pobj" and tok.head.lower_ in self.lex.background_preps
        # "due to ethnic clashes", "because of the fighting": a cause, not a new event
        background = background or (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("to", "of")
            and tok.head.head.lower_ in ("due", "because", "owing")
        )
        if fr.generic_doer(tok) or fr.demanded(tok):
            return None  # "those who order attacks are liable", "insisted on a withdrawal"
        cand = self.nominal_candidate(tok, tok, senses, background=background)
        if cand is None:
            return None
        anchor = cand.anchor
        if cand.modality == "asserted" and fr.unrealized(tok):
            cand.modality = "hypothetical"  # "is considering sanctions": not imposed yet
        if cand.modality == "asserted" and fr.prepared(tok):
            cand.modality = "future"  # "massing for an attack": still to come
        if fr.averted(tok):
            cand.modality = "negated"  # "prevented a massacre": it did not take place
        if tok.dep_ == "dobj" and vlemma(anchor) in self.lex.light_verbs:
            self.consumed.add(anchor.i)
            if cand.modality == "future":  # "will impose a curfew": a threat now
                self.recode_intent(cand, reported=fr.in_reported_speech(anchor))
            elif cand.modality == "asserted" and fr.purpose(anchor):
                cand.modality = "future"  # "joined talks to reach a deal": the aim, not done
                host = anchor.head.head if anchor.head.pos_ == "NOUN" else anchor.head
                if not cand.sources and vlemma(host) in self.lex.participation_verbs:
                    cand.sources = fr.subject(host)  # whose aim: who joined the talks
        return cand

    def framed_candidate(self, tok: Token, senses: tuple[Sense, ...]) -> EventCandidate | None:
        return self.nominal_candidate(tok, tok.head, senses)

    def nominal_candidate(
        self, trigger: Token, head: Token, senses: tuple[Sense, ...], *, background: bool = False
    ) -> EventCandidate | None:
        """An event named by a noun; ``head`` is the noun whose phrase holds its parties."""
        sources = self.noun_sources(head)
        sense = self._choose(trigger, senses, sources, nominal=True)
        if sense is None:
            return None
        # the modifier that picks the sense is what is done, not who does it:
        # "a prisoner swap" is no prisoners' act
        sources = [t for t in sources if not (t.head.i == trigger.i and t.lower_ in sense.modifier)]
        anchor, direct = self.noun_anchor(head)
        return EventCandidate.from_sense(
            sense,
            trigger=trigger,
            last=head,
            anchor=anchor,
            sources=sources,
            targets=self.noun_targets(head, sense),
            modality=fr.modality(head, anchor),
            nominal=True,
            direct=direct,
            background=background,
        )

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

    def _noun_sense(self, noun: Token, type_: str) -> Sense | None:
        senses = self.noun_senses(noun)
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
        for sense in senses:
            if sense.type == type_ and (not sense.modifier or sense.modifier & mods):
                return sense
        return None

    def _codes_same(self, verb: Token, senses: tuple[Sense, ...]) -> bool:
        """The verb is itself coded as the noun's type ("the bombing killed"); "the
        blast injured five" is not (only a passive "injured" is a trigger)."""
        if verb.pos_ != "VERB":
            return False
        types = {s.type for s in senses}
        verb_senses = self.lex.verbs.get(vlemma(verb)) or ()
        sense = self._choose(verb, verb_senses, [], nominal=False) if verb_senses else None
        return sense is not None and sense.type in types

    def harmed(self, cand: EventCandidate) -> bool:
        """An attack noun reported as having happened by what it did or what was
        suffered in it: the subject of a verb of harm ("the blast shattered windows",
        "a Friday blast which injured several people") or the object of "in",
        "during" or "from" on a predicate of harm ("were hurt in the explosion",
        "died in the attack"). An explosion counts only in an attack story."""
        tok = cand.trigger
        if cand.type != "ASSAULT" or cand.modality != "asserted":
            return False
        if tok.lemma_.lower() in self.lex.accident_nouns and not self.attack_story():
            return False
        head = tok.head
        if tok.dep_ == "nsubj" and head.pos_ == "VERB":
            return vlemma(head) in self.lex.harm_verbs
        relative = [c for c in tok.children if c.dep_ == "relcl" and c.pos_ == "VERB"]
        if any(self._subject_relative(c) and vlemma(c) in self.lex.harm_verbs for c in relative):
            return True
        if tok.dep_ == "pobj" and head.lower_ in ("in", "during", "from"):
            pred = head.head
            return pred.lemma_.lower() in self.lex.harm_predicates or (
                pred.lower_ in self.lex.harm_predicates
            )
        return False

    @staticmethod
    def _subject_relative(verb: Token) -> bool:
        """ "which injured several people": the relative pronoun is the verb's subject."""
        return any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)

    def attack_story(self) -> bool:
        """The document names an attack, a bomb or an attacker somewhere (a word that
        starts with one of ``attack_story``: "bombings", "attacked", "detonated")."""
        if self._attack_story is None:
            self._attack_story = bool(_story_pattern(self.lex.attack_story).search(self.ctx.text))
        return self._attack_story


@cache
def _story_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """One regular expression for the words, matched at the start of a word: a scan
    of the text is far cheaper than reading every token's lemma."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


# Nouns that measure how many or how often acts happen: "the number of attacks" is a
# statistic about a kind of act, not one act.
COUNT_HEADS = frozenset(
    {"number", "rate", "frequency", "level", "tally", "count", "average", "share", "proportion"}
)


def counted_kind(noun: Token) -> bool:
    """A bare plural event noun measured by a count noun ("curbed the number of
    attacks in the gulf", "the rate of kidnappings"): no one act."""
    return (
        noun.tag_ == "NNS"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in COUNT_HEADS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    )


def generic_adjunct(noun: Token) -> bool:
    """A bare plural event noun after one of ``GENERIC_PREPS`` in a clause of the
    simple present ("the canisters are used during riots", "police train for raids"):
    a habit or a kind, not one happening. The caller leaves out verbs of taking part
    ("thousands take part in protests" is a headline's news)."""
    if noun.dep_ != "pobj" or noun.tag_ != "NNS" or noun.head.lower_ not in GENERIC_PREPS:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "compound", "amod", "prep") for c in noun.children):
        return False  # "during Friday's riots", "during the riots in Hama"
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG":
        return False  # "are taking part in protests": happening now
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tenses & {"VBP", "VBZ"}) and not tenses & {"VBD", "MD"}


def generic_subject(noun: Token) -> bool:
    """A bare plural event noun that is the subject of "be" ("attacks on civilians are
    a war crime", "kidnappings are commonplace"): a statement about a kind of act."""
    if noun.dep_ != "nsubj" or noun.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    return noun.head.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in noun.head.children)
