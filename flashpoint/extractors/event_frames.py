"""Reading who did what to whom off the dependency parse, for the events extractor.

Small parse helpers: the subject and objects of a trigger (passives, "by" agents,
coordination, relative pronouns, xcomp control), the noun phrase a participant
spans, the tokens of a trigger's own clause, and the trigger's modality. They
know nothing about PLOVER types; ``events`` combines them with the lexicon.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from spacy.tokens import Token

from flashpoint.extractors.event_lexicon import lexicon

# Dependents that open a clause of their own: its times and places are not ours.
# ("to" clauses are kept: "agreed to meet on Friday" dates the agreement's content.)
CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Heads that only count or group what their "of" phrase names ("thousands of protesters").
QUANTIFIERS = frozenset(
    {
        "thousand", "hundred", "dozen", "million", "score", "group", "number", "most", "some",
        "many", "all", "several", "few", "handful", "majority", "lot", "none", "one", "both",
        "tens", "hundreds", "thousands", "dozens", "millions", "scores", "each", "any",
    }
)  # fmt: skip
NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
PRONOUNS = frozenset(
    {"it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their",
     "our"}
)  # fmt: skip
NEGATIONS = frozenset({"not", "n't", "never", "no"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "off", "along"})


@cache
def _lexicon_module() -> Any:  # imported lazily: it is owned and loaded by the actors layer
    """The actors engineer's ``flashpoint.lexicon`` (country/sector lookups), if present."""
    try:
        return importlib.import_module("flashpoint.lexicon")
    except ImportError:
        return None


@cache
def country_of(text: str) -> str | None:
    module = _lexicon_module()
    func: Callable[[str], str | None] | None = getattr(module, "country", None)
    return func(text) if func and text else None


@cache
def sector_of(text: str) -> str | None:
    module = _lexicon_module()
    func: Callable[[str], str | None] | None = getattr(module, "sector", None)
    return func(text) if func and text else None


def is_passive(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # reduced relative: "officials accused by"
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the nouns coordinated with it ("Israel and Lebanon")."""
    # A loop, not recursion: a list of a thousand names is a chain a thousand deep.
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        stack.extend(reversed(conj))
    return out


def resolve_relative(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def subject(verb: Token) -> list[Token]:
    """The doer: the subject, the "by" agent of a passive, or a shared subject."""
    # Up a chain of coordinated or controlled verbs in a loop, not by recursion.
    for _ in range(len(verb.doc)):
        found = _own_subject(verb)
        if not isinstance(found, list):
            verb = found
            continue
        return found
    return []


def _own_subject(verb: Token) -> list[Token] | Token:
    """The subject found at ``verb``, or the head verb whose subject it shares."""
    passive = is_passive(verb)
    for child in verb.children:
        if passive and child.dep_ == "agent":
            return [resolve_relative(t) for t in child.children if t.dep_ == "pobj"]
    if not passive:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return [resolve_relative(child)]
    if passive:
        return []
    # Object control: "prompted Trump to declare" -> Trump declares.
    if verb.dep_ == "xcomp":
        controller = [c for c in verb.head.children if c.dep_ == "dobj"]
        if controller:
            return [resolve_relative(controller[0])]
    # Coordinated verbs and controlled "to" clauses share the subject of their head.
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        # "X was indicted by Y and will resign": X, not the agent Y, resigns
        if verb.dep_ == "conj" and is_passive(verb.head):
            return passive_patient(verb.head)
        return verb.head
    # A participle modifying a noun has that noun as its doer ("protesters demanding").
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    # An adjunct participle or a purpose clause shares its main clause's subject
    # ("..., killing 83 people", "shunned work to protest ...").
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (
        verb.dep_ == "advcl"
        and (verb.tag_ == "VBG" or purpose)
        and verb.head.pos_
        in (
            "VERB",
            "AUX",
        )
    ):
        return verb.head
    return []


def passive_patient(verb: Token) -> list[Token]:
    for _ in range(len(verb.doc)):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return [resolve_relative(child)]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "officials accused by the US"
            return [verb.head]
        if not (verb.dep_ == "conj" and is_passive(verb.head)):
            break
        verb = verb.head
    return []


def objects(head: Token, role: str) -> list[Token]:
    """Dependents of ``head`` filling ``role``: dobj, dative, xsubj, poss or a preposition."""
    if role in ("dobj", "xsubj"):
        if head.pos_ in ("VERB", "AUX") and is_passive(head):
            return passive_patient(head)
        return [c for c in head.children if c.dep_ in ("dobj", "obj")]
    if role == "dative":
        return [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if role == "poss":
        return [c for c in head.children if c.dep_ == "poss"]
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == role:
            found.extend(t for t in child.children if t.dep_ == "pobj")
    return found


def semantic_head(token: Token) -> Token:
    """Past quantifiers to what they count: "thousands of protesters" -> protesters."""
    seen = 0
    while (token.lemma_.lower() in QUANTIFIERS or token.like_num) and seen < 3:
        seen += 1
        nxt = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                nxt = next((t for t in child.children if t.dep_ == "pobj"), None)
        if nxt is None:
            break
        token = nxt
    return token


def phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses or loose PPs."""
    keep: list[Token] = []
    stack = [head]  # a loop, not recursion: "of" chains can be very deep
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for child in tok.children:
            dep = child.dep_
            if dep in ("relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep"):
                if dep == "prep" and _keeps_prep(child):
                    stack.append(child)
                continue
            if tok.dep_ == "prep" and dep != "pobj":
                continue
            stack.append(child)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].dep_ == "case"):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].dep_ == "case"):
        keep.pop()
    return keep


def _keeps_prep(prep: Token) -> bool:
    if prep.lower_ == "of":
        return True
    if prep.lower_ in ("in", "from", "throughout", "across"):
        return any(
            t.dep_ == "pobj" and (t.ent_type_ in ("GPE", "LOC", "NORP") or t.pos_ == "PROPN")
            for t in prep.children
        )
    return False


def clause(anchor: Token) -> list[Token]:
    """The tokens of ``anchor``'s own clause (not those of clauses it embeds)."""
    out: list[Token] = []
    stack = [anchor]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSAL and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ in ("relcl", "advcl", "ccomp", "parataxis"):
                continue
            stack.append(child)
    return out


def top_of_chain(verb: Token) -> Token:
    """Up through "to" clauses: "agreed to meet" -> agreed."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def subordinate(verb: Token) -> bool:
    """The clause is relative, adverbial or a noun's modifier, not the sentence's own."""
    return top_of_chain(verb).dep_ in ("relcl", "acl", "advcl")


def ancestors_until_clause(token: Token) -> Iterator[Token]:
    """The token's heads up to (and including) its clause's verb."""
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        yield cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            return


def in_reported_speech(verb: Token) -> bool:
    lex = lexicon()
    cur = verb
    while cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in lex.speech_verbs:
            return True
        cur = cur.head
    return False


def modality(trigger: Token, anchor: Token) -> str:
    """asserted, negated, future or hypothetical, from the words around the trigger."""
    lex = lexicon()
    verbs = [anchor]
    if anchor.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in anchor.children):
        verbs.append(anchor.head)  # "could attack and kill": the modal sits on the first
    cur = anchor
    # Up through "to" clauses, adjectives ("not able to arrest") and gerunds after a
    # preposition ("will not hesitate in arresting"): their modals sit higher up.
    while cur.head.i != cur.i and (
        cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "pcomp" and cur.head.dep_ == "prep")
    ):
        cur = cur.head.head if cur.dep_ == "pcomp" else cur.head
        verbs.append(cur)
    words = {c.lower_ for v in verbs for c in v.children if c.dep_ in ("aux", "neg", "mark")}
    if trigger.i != anchor.i:
        words |= {c.lower_ for c in trigger.children if c.dep_ in ("neg", "det")} & {"no"}
        adjectives = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("amod",)}
        if adjectives & lex.hypothetical_adjectives:
            return "hypothetical"
        # "the possibility of a strike", "fears of an attack"
        head = trigger.head
        if (
            trigger.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in lex.hypothetical_nouns
        ):
            return "hypothetical"
    if words & NEGATIONS:
        return "negated"
    if words & {"if", "unless"}:
        return "hypothetical"
    if words & lex.hypothetical_modals:
        return "hypothetical"
    if words & lex.future_modals:
        return "future"
    if words & lex.conditional_modals:
        return "future" if in_reported_speech(anchor) else "hypothetical"
    for verb in verbs[1:]:
        role = lex.control.get(verb.lemma_.lower())
        if role == "hypothetical":
            return "hypothetical"
    # "going to strike"
    if anchor.dep_ == "xcomp" and anchor.head.lower_ == "going":
        return "future"
    return "asserted"
