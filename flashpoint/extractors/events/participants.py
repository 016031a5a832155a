"""Sources: who an event's parties are (actor, country, sector) and who did it."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint import gazetteer
from flashpoint import lexicon as lexicon_lookups
from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events import places as event_places
from flashpoint.extractors.events.base import marks, vlemma
from flashpoint.extractors.events.happenings import done_in
from flashpoint.extractors.events.setting import Setting
from flashpoint.models import EventParticipant, Place
from flashpoint.nlp import load as load_model

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "IGO", "JUD", "LEG", "SPY"})
# Head nouns of a phrase that names a settlement or area ("the town of Rastan").
SETTLEMENTS = event_places.SETTLEMENT_WORDS | {"neighbourhood", "neighborhood", "governorate"}
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# The actor kinds a possessive pronoun the actors layer left unresolved can stand for
# (Participants.possessor); "his"/"her" are resolved there, by the speaker or subject.
POSSESSIVE_KINDS = {"its": frozenset({"country", "organization", "group"})}
# Prepositions that name the cause of a death or injury ("wounded in army shelling").
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "from"})


@cache
def _noun_index(model: str) -> frozenset[str]:
    """The common nouns the model's lemmatizer knows (its ``lemma_index`` table)."""
    nlp = load_model(model)
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def _common_noun(word: str, model: str) -> bool:
    """``word`` or its singular is a common noun: "militiamen", "mourners"."""
    nouns = _noun_index(model)
    forms = {word, word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "man"}
    forms.discard("")
    return bool(nouns & forms) and fr.country_of(word) is None


# Carrying a doer across sentences (Participants.carried_doers): the acts that take
# one, the acts that give one, the sectors of a doer that can be carried, the reach.
CARRY_TO = frozenset({"ASSAULT", "COERCE"})
CARRY_FROM = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "GOV", "UAF"})  # UAF: gunmen, a bomber
DOER_WINDOW = 2  # sentences looked back, besides the lead
# Verbs of an explosion told of what burst ("the car blew up", "a device exploded"):
# their subject is a thing, the doer only when it is a party ("the bomber blew up").
BURSTING_VERBS = frozenset({"explode", "blow", "detonate", "go"})
# Verbs of seeing, hearing and telling: their subject observed or reported the act
# named by their object ("residents heard shooting"), it did not do it.
OBSERVING_VERBS = frozenset(
    {"hear", "see", "witness", "watch", "report", "describe", "record", "document", "film"}
    | {"photograph", "count", "confirm", "recount", "recall", "detail", "monitor", "log"}
)
QUOTE_CHARS = frozenset('"“”')
ONE_SELF = frozenset({"i", "me", "my"})
FIRST_PERSON = ONE_SELF | {"we", "us", "our"}
# The sectors of a speaker whose "we" is the body they speak for.
SPEAKING_FOR = frozenset({"GOV", "MIL", "COP", "REB", "SPY", "IGO", "JUD", "LEG"})


# Photo-caption marks a glued caption leaves in a name: "Assad (L) Iran's President
# Ahmadinejad", "End Quote Recep Tayyip Erdogan".
CAPTION_MARK = re.compile(r"\((?:L|R|C|left|right|centre|center)\)|\bEnd Quote\b")


# A text a body votes through, and the verbs of its adoption: "the resolution adopted
# by the General Assembly" acts as the Assembly.
ADOPTED_TEXTS = frozenset({"resolution", "motion", "declaration", "text", "measure", "bill"})
ADOPTING_VERBS = frozenset({"adopt", "pass", "approve", "endorse", "back"})


# People named by kinship or as women and children: civilians an act can be done to,
# not a party of their own to the actors layer ("the wives of fighters")
KIN_NOUNS = frozenset(
    {"wife", "widow", "relative", "child", "woman", "son", "daughter", "mother", "father",
     "brother", "sister", "husband", "girl", "boy", "teenager", "schoolgirl", "schoolboy"}
)
# States named by a common noun ("several European countries", "Gulf states"): a
# government side, with no one country
STATE_NOUNS = frozenset({"country", "state", "nation"})
# The sector of a party these common nouns head, when no actor or sector list gives one
NOUN_SECTORS = {**dict.fromkeys(KIN_NOUNS, "CVL"), **dict.fromkeys(STATE_NOUNS, "GOV")}


def caption_trimmed(toks: list[Token], head: Token, text: str) -> list[Token]:
    """The phrase from after the last caption mark before its head word (``text`` is
    the document's text, which ``Token.idx`` counts in)."""
    if not toks or toks[0].i >= head.i:
        return toks
    marks = list(CAPTION_MARK.finditer(text, toks[0].idx, head.idx))
    if not marks:
        return toks
    return [t for t in toks if t.idx >= marks[-1].end()]


# Nouns of shooting whose modifier names who shot: "tank fire", "sniper fire".
# Participles that name what moved an act, not who did it: "protests inspired by the
# Tunisian revolt", "clashes sparked by the arrest".
CAUSING_VERBS = frozenset(
    {"inspire", "spark", "trigger", "prompt", "fuel", "provoke", "cause", "drive", "motivate",
     "ignite", "fan", "encourage", "embolden", "galvanize", "galvanise", "stir", "touch"}
)  # fmt: skip
# Nouns that only group acts into a run: "a wave of attacks", "a series of raids".
SERIES_NOUNS = frozenset(
    {"wave", "series", "spate", "string", "round", "spree", "rash", "flurry", "barrage", "volley",
     "campaign", "cycle", "surge", "chain", "succession"}
)  # fmt: skip
FIRE_NOUNS = frozenset({"fire", "gunfire", "shellfire", "shelling", "bombardment"})


class Participants(Setting):
    """Turns parse heads into event participants and finds an act's doers."""

    def participants(self, heads: list[Token]) -> list[EventParticipant]:
        return [p for p in map(self.participant, heads) if p is not None]

    def participant(self, head: Token) -> EventParticipant | None:
        head = self.adopting_body(self.body_of_members(fr.resolve_relative(head)))
        sem = fr.semantic_head(head)
        actor_id = self.token_actor.get(head.i) or self.token_actor.get(sem.i)
        if actor_id is None and head.pos_ == "PRON" and head.lower_ in FIRST_PERSON:
            actor_id = self.quote_speaker(head)
        toks = caption_trimmed(fr.phrase(head), head, self.ctx.text)
        if actor_id is None and head.pos_ == "PROPN":
            actor_id = next((self.token_actor[t.i] for t in toks if t.i in self.token_actor), None)
        actor = self.actors.get(actor_id or "")
        if actor is not None and actor.kind == "country" and sem.i != head.i:
            actor = None  # "thousands of Sudanese": the people, not the state
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = self.ctx.text[start:end]
        if actor is None and head.pos_ == "PRON" and head.lower_ in fr.PRONOUNS:
            antecedent = self.antecedent(head) or self.possessor(head)
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
        if actor is None and sector is None:
            # "fired on the wives of fighters": the wives (CVL), not the fighters; "several
            # European countries have recalled their ambassadors" (GOV)
            sector = NOUN_SECTORS.get(sem.lemma_.lower())
        if actor is None and sector is None and self.armed_means(sem):
            sector = "MIL"  # "attacks by helicopters and artillery": the force using them
        if actor is None and sector is None and sem.lemma_.lower() in FIRE_NOUNS:
            sector = self.fire_of(sem)  # "killed by tank and sniper fire": the force firing
        named = head.pos_ == "PROPN" or head.ent_type_ in ACTOR_ENTS
        named = named and not self.capitalized_common(head, toks)
        counted = any(c.dep_ == "nummod" for c in sem.children)  # "two brothers"
        if actor is None and not (named or sector or country or counted):
            return None
        if actor is None and not named and self.names_happening(sem):
            return None  # "warned that the violence in Syria could worsen": no party
        return EventParticipant(
            actor=actor.id if actor else None,
            name=actor.name if actor and head.pos_ == "PRON" else name,
            country=country,
            sector=sector,
            start=start,
            end=end,
        )

    def adopting_body(self, head: Token) -> Token:
        """ "The resolution adopted by the General Assembly backs an Arab League plan":
        a text acts as the known body that adopted it (``ADOPTED_TEXTS``,
        ``ADOPTING_VERBS``)."""
        if head.lemma_.lower() not in ADOPTED_TEXTS or head.i in self.token_actor:
            return head
        for verb in head.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in ADOPTING_VERBS:
                continue
            for body in fr.objects(verb, "by"):  # the agent of "adopted by"
                if body.i in self.token_actor:
                    return body
        return head

    def body_of_members(self, head: Token) -> Token:
        """ "The members of the Gulf Co-operation Council expelled ...": the members
        act as the body they belong to, when it is a known actor."""
        if head.lemma_.lower() != "member" or head.i in self.token_actor:
            return head
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for body in prep.children:
                if body.dep_ == "pobj" and body.i in self.token_actor:
                    return body
        return head

    def capitalized_common(self, head: Token, toks: list[Token]) -> bool:
        """ "Militiamen attacked": a common noun the tagger read as a name only because it
        opens the sentence. It stands for the group its sector names, or for no one."""
        return (
            head.pos_ == "PROPN"
            and head.i == head.sent.start
            and len(toks) == 1
            and not head.ent_type_
            and head.i not in self.token_actor
            and head.i not in self.places
            and lexicon_lookups.given_name(head.text) is None
            and _common_noun(head.lower_, self.ctx.settings.model)
        )

    def _party_place(self, part: EventParticipant) -> tuple[SpacySpan | None, Place | None]:
        """The span of a party not coded as an actor with a sector, and the gazetteer
        place it names, if any; (None, None) for a coded actor or no span."""
        if part.actor is not None and part.sector is not None:
            return None, None
        key = (part.start or 0, part.end or 0)
        span = self.doc.char_span(key[0], key[1], alignment_mode="expand")
        if span is None or not len(span):
            return None, None
        head = span.root
        if head.lemma_.lower() == "control":  # "seized control of the town of Haffa"
            head = next(iter(fr.objects(head, "of")), head)
        if head.pos_ == "NOUN" and head.lemma_.lower() in SETTLEMENTS:
            head = next(iter(fr.objects(head, "of")), head)  # "the town of Haffa"
        return span, self.places_by_span.get(key) or self.places.get(head.i)

    def _town(self, place: Place, part: EventParticipant) -> bool:
        key = (part.start or 0, part.end or 0)
        probe = EventParticipant(name=place.name, start=key[0], end=key[1])
        return event_places.stands_for_no_one(probe, {key: place}) and place.feature == "city"

    def target_town(self, parts: list[EventParticipant]) -> Place | None:
        """The one gazetteer town among an attack's targets that stands for no
        government ("Homs was shelled", "troops stormed Rastan"): where it was done."""
        towns = {}
        for part in parts:
            span, place = self._party_place(part)
            if span is not None and event_places.bearing_reference(span.root):
                continue  # "arrested a blogger in a village south of Alexandria": not in it
            if place is not None and self._town(place, part):
                towns[place.id] = place
        return next(iter(towns.values())) if len(towns) == 1 else None

    def place_only(self, part: EventParticipant) -> bool:
        """The party is a town or village, which stands for no government ("shelled the
        town of Rastan", "attacked Houla"); a country or a capital does ("Libya
        attacked", "Washington said"), and a region invaded is left as it is."""
        span, place = self._party_place(part)
        if span is None:
            return False
        head = span.root
        if place is not None:
            return self._town(place, part)
        if head.lemma_.lower() in SETTLEMENTS and fr.objects(head, "of"):
            return True  # "the city of Homs", with the town unknown to the gazetteer
        frame = head.head.head.lemma_.lower() if head.head.lower_ == "of" else ""
        if head.dep_ == "pobj" and frame in SETTLEMENTS:
            return True  # "the town of Rastan" read as its name
        unknown_town = head.pos_ == "PROPN" and head.ent_type_ == "GPE"
        if not unknown_town or any(fr.country_of(t.text) for t in span):
            return False  # "South Lebanon": part of a country named
        return not gazetteer.lookup(part.name)

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
            told = verb.dep_ == "ccomp" and vlemma(verb.head) in self.lex.speech_verbs
            if told and not self.quoted_apart(pron, verb.head):
                found = fr.subject(verb.head)
        found = [t for t in found if t.i != pron.i and t.pos_ != "PRON"]
        return found[0] if found else None

    def quote_speaker(self, token: Token) -> str | None:
        """The coded speaker of the direct quotation ``token`` is in: '"We condemn these
        attacks," the minister said' is the minister's condemnation."""
        for quote in self.ctx.results.get("quotes", []):
            if quote.start <= token.idx < quote.end and not quote.partial and quote.speaker:
                actor = self.actors.get(quote.speaker.actor or "")
                if actor is None:
                    return None
                # who speaks for a state, a force or a body, not a private person telling
                # of herself ('"I support some British values," she said'); "I" is a person
                official = actor.sector in SPEAKING_FOR and actor.kind == "person"
                body = actor.kind in ("country", "organization") and token.lower_ not in ONE_SELF
                return actor.id if official or body else None
        return None

    def quoted_apart(self, token: Token, verb: Token) -> bool:
        """``token`` is inside quotation marks that leave ``verb`` out: in '"They
        massacred us," the judge said' the speaker is "I" or "we", never "they"."""
        return any(
            m.start <= token.idx < m.end and not m.start <= verb.idx < m.end
            for m in self.ctx.quote_marks
        )

    def observers(self, trigger: Token) -> set[int]:
        """The subjects of a verb of seeing or telling whose object is the act ("residents
        heard explosions and shooting", "activists reported heavy shelling", "the
        Observatory recorded 12 killings"): witnesses and monitors, not doers."""
        tok = trigger
        head = tok.head
        if (
            tok.dep_ == "conj"
            and tok.tag_ == "VBG"
            and vlemma(head) in OBSERVING_VERBS
            and any(c.dep_ == "dobj" for c in head.children)
            and not any(c.dep_ in ("nsubj", "dobj") for c in tok.children)
        ):
            tok = next(c for c in head.children if c.dep_ == "dobj")  # "heard blasts and shooting"
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head  # "reported the killing of": the noun's own verb
        verb = tok.head
        # "activists reported bombardments in Homs, killing five": the reported act's toll
        told = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        told = told and any(c.dep_ == "dobj" for c in verb.children)
        observed = tok.dep_ in ("dobj", "xcomp", "ccomp") or told
        if not observed or vlemma(verb) not in OBSERVING_VERBS:
            return set()
        return {t.i for s in fr.subject(verb) for t in fr.conjuncts(s)}

    def agent_like(self, head: Token) -> bool:
        """A party that can act: a coded actor or one with a sector ("militants"), not
        a thing ("the victim's car", "a roadside bomb")."""
        part = self.participant(head)
        return part is not None and (part.actor is not None or part.sector is not None)

    def armed_party(self, part: EventParticipant) -> bool:
        """A named armed or state party: troops, police, rebels, a government, a state."""
        actor = self.actors.get(part.actor or "")
        if actor is not None and actor.kind == "country":
            return True
        return part.sector in ARMED_SECTORS

    def names_armed_side(self, sent: SpacySpan) -> bool:
        """The sentence names an armed or state party anywhere ("two soldiers were
        among the dead", "rebels said"): a doer carried into it could be the wrong side."""
        for tok in sent:
            actor = self.actors.get(self.token_actor.get(tok.i) or "")
            if actor is not None and (actor.kind == "country" or actor.sector in ARMED_SECTORS):
                return True
            if tok.pos_ in ("NOUN", "PROPN") and (
                fr.sector_of(tok.lemma_.lower()) in ARMED_SECTORS or self.armed_means(tok)
            ):
                return True
        return False

    def carried_doers(
        self,
        cand: Any,
        sent: SpacySpan,
        index: int,
        doers: dict[int, list[tuple[str, list[EventParticipant]]]],
        lead: int | None,
        pronoun: bool = False,
    ) -> list[EventParticipant]:
        """The doer of an agentless assault or coercion ("At least 27 civilians have been
        killed since, residents said") carried from the act told just before it ("Syrian
        troops backed by tanks stormed the town on Saturday."): the one named armed or
        state doer of an assault, coercion or deployment coded in the nearest of the
        ``DOER_WINDOW`` sentences before, or in the lead while the walk reaches it
        (``places.LEAD_REACH``). Only for an asserted act outside a quotation, in a
        sentence naming no armed side of its own; the walk stops at a quotation, at a
        sentence naming another armed side or two doers, and at the end of a paragraph
        of several sentences. ``doers`` holds, by sentence index, the (type, source) of
        the events coded there with a doer of their own. For an unresolved "they"
        (``pronoun``) the act before must not be done to many people, who could be
        "they" ("soldiers fired on protesters. They threw stones")."""
        if cand.type not in CARRY_TO or cand.modality != "asserted" or cand.background:
            return []
        if QUOTE_CHARS & set(sent.text) or self.names_armed_side(sent):
            return []
        if cand.anchor.dep_ in ("acl", "relcl", "amod") or fr.NEW_TOPIC.match(sent.text):
            return []  # "the bodies of journalists killed in Homs", "Meanwhile, ...": told
            # of another happening, not the scene before
        for tok in sent:
            item = self.times.get(tok.i)
            if item is not None and item.type == "date" and item.value and len(item.value) < 10:
                return []  # "In August 2016, ...", "since March": another scene, a toll
        text = self.ctx.text
        sentences = self.ctx.sentences
        for k in event_places.sentences_back(index, lead, DOER_WINDOW):
            prev = sentences[k]
            if event_places._paragraph_ends(text, sentences, k) or QUOTE_CHARS & set(prev.text):
                return []
            given = {}
            for type_, parts in doers.get(k, ()):
                if type_ in CARRY_FROM and parts and all(self.armed_party(p) for p in parts):
                    given[tuple(sorted(p.actor or p.name.lower() for p in parts))] = parts
            if len(given) == 1:
                parts = next(iter(given.values()))
                if pronoun and (len(parts) > 1 or self.acts_on_many(prev, parts)):
                    return []  # "the army and the rebels clashed. They killed ...": either
                return [p.model_copy() for p in parts]
            if given or self.names_armed_side(prev):
                return []  # two doers, or another armed side named: not guessed
        return []

    def acts_on_many(self, sent: SpacySpan, doers: list[EventParticipant]) -> bool:
        """A plural noun acted on in ``sent`` besides the doers ("fired on protesters")."""
        spans = [(p.start, p.end) for p in doers if p.start is not None and p.end is not None]
        return any(
            t.dep_ in ("dobj", "pobj", "nsubjpass", "dative")
            and t.tag_ in ("NNS", "NNPS")
            and not any(start <= t.idx < end for start, end in spans)
            for t in sent
        )

    def fire_of(self, fire: Token) -> str | None:
        """The sector of whoever fired "tank fire", "sniper fire", "tank and sniper fire":
        the weapon (MIL) or the shooter named by its modifiers."""
        words = [c for c in fire.children if c.dep_ in ("compound", "nmod", "amod")]
        words += [w for c in words for w in c.conjuncts]
        for word in words:
            if self.armed_means(word):
                return "MIL"
            code = fr.sector_of(word.text)
            if code:
                return code
        return None

    def armed_means(self, sem: Token) -> bool:
        """ "helicopters", "tanks", "snipers", "fighter jets": a weapon standing for the
        armed force that uses it."""
        words = self.lex.armed_means
        lemma = sem.lemma_.lower()
        prev = sem.nbor(-1).lower_ + " " + lemma if sem.i > sem.sent.start else ""
        return lemma in words or prev in words or sem.lower_ in words

    def possessor(self, pron: Token) -> Token | None:
        """The owner of an unresolved "its" ("sanctions on Syria for its crackdown"),
        only where the sentence leaves no doubt: the one state or body named before it
        in the sentence, or the object of "on/against" that the pronoun's "for/over"
        phrase explains."""
        if pron.dep_ != "poss" or pron.lower_ not in POSSESSIVE_KINDS:
            return None
        kinds = POSSESSIVE_KINDS[pron.lower_]
        found: dict[str, Token] = {}
        last: Token | None = None
        for tok in pron.sent:
            if tok.i >= pron.i:
                break
            actor = self.actors.get(self.token_actor.get(tok.i) or "")
            if actor is not None and actor.kind in kinds:
                found.setdefault(actor.id, tok)
                last = tok
        if len(found) == 1:
            return last
        noun = pron.head
        if last is None or pron.lower_ != "its" or noun.dep_ != "pobj":
            return None
        if noun.head.lower_ not in ("for", "over") or last.dep_ != "pobj":
            return None
        verb = noun.head.head  # "impose sanctions on Syria for its ...": on the verb's object
        if last.head.lower_ in ("on", "against") and verb.i in (
            last.head.head.i,
            last.head.head.head.i,
        ):
            return last  # "sanctions on Syria for its crackdown"
        return None

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
            # a country is written with a capital: "Gulf Arab states" is not the States
            written = tok.text[:1].isupper()
            if written and tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.dep_ != "prep":
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

    def _is_state(self, head: Token) -> bool:
        part = self.participant(head)
        if part is None:
            return False
        actor = self.actors.get(part.actor or "")
        if actor is not None and actor.kind == "country":
            return True
        return part.sector in STATE_SECTORS

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
        act = self.act_told_by_relative(tok, heads)
        if act is not None:
            # "the shooting down of a Hercules, which killed 10": the downing killed
            return self.noun_sources(act)
        if tok.lemma_.lower() in BURSTING_VERBS and not any(c.dep_ == "dobj" for c in tok.children):
            heads = [h for h in heads if self.agent_like(h)]  # "the car blew up": no doer
        out: list[Token] = []
        for head in heads:
            # "the strikes killed ...": the doer is the strikes' doer
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
        relative = self.relative_cause(verb)
        if relative:
            return relative
        for child in verb.children:
            if child.dep_ == "advcl" and marks(child) & {"when", "as", "after"}:
                senses = self.lex.verbs.get(child.lemma_.lower(), ())
                # "killed as the army shelled the town", "as tanks deployed in the city"
                if any(s.type in ("ASSAULT", "MOBILIZE") for s in senses):
                    return fr.subject(child)
        return []

    def relative_cause(self, verb: Token) -> list[Token]:
        """ "His crackdown on the uprising, in which 3,500 people have been killed": a toll
        told "in which" of an assault or crackdown (or of what it is waged on) has that
        act's doer."""
        top = fr.top_of_chain(verb)
        if top.dep_ == "ccomp" and top.head.dep_ == "relcl":
            top = top.head  # "in which the UN estimates 3,500 have been killed"
        if top.dep_ != "relcl":
            return []
        rel = [
            c
            for c in top.children
            if c.dep_ == "prep"
            and c.lower_ in ("in", "during")
            and any(g.lower_ in ("which", "whom") for g in c.children)
        ]
        if not rel:
            return []
        noun = top.head
        acts = [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "against"):
            acts.append(noun.head.head)  # "crackdown on the uprising, in which"
        for act in acts:
            if act.pos_ == "NOUN" and any(
                s.type in ("ASSAULT", "COERCE") for s in self.noun_senses(act)
            ):
                found = self.noun_sources(act)
                if found:
                    return found
        return []

    def noun_sources(self, tok: Token) -> list[Token]:
        """Doer of an event noun: possessor, "by" phrase, actor modifier or light-verb subject."""
        for child in tok.children:
            if child.dep_ == "poss" and fr.possessed_patient(tok, child):
                continue  # "his arrest", "Smith's killing": the one arrested or killed
            if child.dep_ == "poss" and self.participant(child) is not None:
                return fr.conjuncts(child)
        by = fr.objects(tok, "by")
        for child in tok.children:  # "a rally attended by thousands"
            if child.dep_ == "acl" and child.tag_ == "VBN" and not self.caused_by(child):
                by = by or fr.objects(child, "by")
        if by:
            return [c for b in by for c in fr.conjuncts(b)]
        for child in tok.children:
            # "police firing", "US strikes", "Israeli attack"; not "military buildup"
            if child.dep_ in ("compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
                if self.scene_modifier(child):
                    continue  # "the Amman hotel bombings": where, not who
                part = self.participant(child)
                if part is not None and (part.country or part.sector or part.actor):
                    return [child]
            if child.dep_ == "amod" and fr.country_of(child.text):
                return [child]
        series = self.series_of(tok)
        if series is not None:
            return self.noun_sources(series)  # "launched a wave of attacks": the launchers
        head = tok.head
        if tok.dep_ == "dobj" and vlemma(head) in self.lex.light_verbs:
            return self.verb_sources(head)
        if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            return self.verb_sources(head.head)  # "piling pressure ... with a buildup"
        verb = head.head if tok.dep_ == "pobj" else head if tok.dep_ == "dobj" else None
        if verb is not None and vlemma(verb) in self.lex.participation_verbs:
            return self.verb_sources(verb)  # "converged for a rally", "joined the march"
        actor_verb = done_in(tok, self.lex)
        if actor_verb is not None:
            return self.verb_sources(actor_verb)  # "released them in exchange for ..."
        return []

    def series_of(self, act: Token) -> Token | None:
        """ "Rebels launched a series of attacks", "insurgents ended the calm with a wave of
        bombings": an act noun grouped by a noun of a run stands where the run does, so the
        verb the run is launched or carried out with gives the acts their doer."""
        of = act.head
        if act.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
            return None
        run = of.head
        if run.pos_ != "NOUN" or run.lemma_.lower() not in SERIES_NOUNS:
            return None
        # a run parsed as a noun of its clause; not one hung on a misread verb
        return run if run.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") else None

    def caused_by(self, participle: Token) -> bool:
        """ "Protests inspired by the Tunisian uprising have spread to Jordan": the "by"
        phrase of a participle of causing names what moved the act, not its doer."""
        return participle.lemma_.lower() in CAUSING_VERBS

    def act_told_by_relative(self, verb: Token, heads: list[Token]) -> Token | None:
        """ "The downing of an airliner over Ukraine, which killed 298 people": a relative
        clause hung on the object of an act noun's "of" phrase tells of the act, and the
        airliner (the act's victim) is not the doer; the act noun is returned, whose own
        doer (if any) is the doer. Only for harm verbs, whose doer cannot be the victim."""
        if verb.dep_ != "relcl" or len(heads) != 1 or heads[0].i != verb.head.i:
            return None
        if not any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children):
            return None
        senses = self.lex.verbs.get(verb.lemma_.lower(), ())
        if not any(s.type in ("ASSAULT", "COERCE") for s in senses):
            return None
        noun = heads[0]
        for _ in range(3):  # "the bombing of a jet over the Atlantic, which": up to "of"
            if noun.dep_ != "pobj":
                return None
            of = noun.head
            if of.lower_ == "of":
                break
            noun = of.head
        else:
            return None
        # "the shooting down of": the parser may hang "of" on the particle
        for near in (of.head, *(of.nbor(-k) for k in (1, 2) if of.i - k >= of.sent.start)):
            if near.pos_ == "NOUN" and self._event_noun(near):
                return near
        return None

    def scene_modifier(self, mod: Token) -> bool:
        """A town or city named before an act noun ("the Amman hotel bombings", "the
        Baghdad market attack", "the London bombings") says where the act was done, not
        who did it; a country ("US strikes", "Israel strikes") or a group keeps standing
        for the doer."""
        if mod.ent_type_ != "GPE" or mod.pos_ != "PROPN":
            return False
        name = " ".join(t.text for t in fr.phrase(mod) if t.pos_ == "PROPN")
        return fr.country_of(name or mod.text) is None and fr.country_of(mod.text) is None

    def _event_noun(self, tok: Token) -> bool:
        return any(s.type == "ASSAULT" for s in self.noun_senses(tok))
