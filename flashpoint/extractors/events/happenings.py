"""Event nouns the sentence reports as having happened, by the verb they depend on.

"Protests erupted", "a prisoner swap took place" (the noun is the subject of an
occurrence verb), "the ruling sparked demonstrations", "police broke up the rally"
(the object of a verb that acts on an event), "detained during protests" (the
circumstance of a reported act), "released them in exchange for ..." (an exchange
or deal a material act is done in). The verb lists are data
(``occurrence_verbs`` and ``affecting_verbs`` in event_triggers.yaml); modality is
read as for any event noun, so "could spark protests" stays hypothetical.
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extractors.events.base import vlemma
from flashpoint.extractors.events.frames import is_passive
from flashpoint.extractors.events.lexicon import Lexicon, Sense

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Events another act can be done in ("released in exchange for", "freed under a swap")
DONE_IN_TYPES = frozenset({"COOPERATE", "AGREE"})
MATERIAL_TYPES = frozenset(
    {"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)


def _noun_senses(noun: Token, lex: Lexicon) -> tuple[Sense, ...]:
    return lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_) or ()


def _names(verb: Token, table: frozenset[str]) -> bool:
    """``verb`` is in ``table`` by its lemma, or as "lemma word" with that word a
    dependent of it ("took place", "broke out", "broke up")."""
    lemma = vlemma(verb)
    if lemma in table:
        return True
    return any(f"{lemma} {c.lower_}" in table for c in verb.children)


def happened(noun: Token, lex: Lexicon) -> bool:
    """The event ``noun`` names is reported as taking place by the verb it hangs on."""
    head = noun.head
    if head.pos_ not in ("VERB", "AUX", "ADP") or head.i == noun.i:
        return False
    if noun.dep_ == "nsubj" and _names(head, lex.occurrence_verbs):
        return True  # "protests erupted", "the swap took place"
    if noun.dep_ in SUBJECT_DEPS and any(
        c.dep_ == "xcomp" and _names(c, lex.occurrence_verbs) for c in head.children
    ):
        return True  # "the swap is said to have taken place"
    if noun.dep_ == "dobj" or (noun.dep_ == "nsubjpass"):
        return _names(head, lex.affecting_verbs)  # "sparked protests", "the rally was broken up"
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB":
        if head.lower_ == "during":  # "were detained during protests"
            return True
        return done_in(noun, lex) is not None
    return False


def done_in(noun: Token, lex: Lexicon) -> Token | None:
    """The active trigger verb of an act done in the event ``noun`` names ("released
    them in exchange for ...", "arrested him in a raid"): its subject takes part in it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    if not {s.type for s in _noun_senses(noun, lex)} & DONE_IN_TYPES:
        return None  # "in protest", "in talks with": the purpose or frame, not a second act
    verb = prep.head
    senses = lex.verbs.get(vlemma(verb), ())
    if verb.pos_ != "VERB" or not senses or senses[0].type not in MATERIAL_TYPES:
        return None  # "agreed to mediation in the talks": a verbal act is not done in it
    if is_passive(verb):
        return None  # "were killed in clashes": the cause's doer is not the victim
    return verb
