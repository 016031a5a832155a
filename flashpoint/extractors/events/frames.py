"""Reading who did what to whom off the dependency parse, for the events extractor.

Small parse helpers: the subject and objects of a trigger (passives, "by" agents,
coordination, relative pronouns, xcomp control), the noun phrase a participant
spans, the tokens of a trigger's own clause, and the trigger's modality. They
know nothing about PLOVER types; ``events`` combines them with the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from flashpoint import lexicon as lexicon_lookups
from flashpoint.extractors.events.lexicon import lexicon

# Dependents that open a clause of their own: its times and places are not ours.
# ("to" clauses are kept: "agreed to meet on Friday" dates the agreement's content.)
CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj"})
# A sentence opening on another topic: the scene before does not carry on.
NEW_TOPIC = re.compile(
    r"\W*(?:meanwhile|elsewhere|separately|in a separate|in another|in other)\b", re.I
)
SUBJECTS = lexicon_lookups.subject_deps()
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
# Subjects of any person ("I" in a quotation is its speaker); objects and possessives
# not of the first person singular, which the events coder cannot resolve.
PRONOUNS = lexicon_lookups.pronouns(cases=("subject",)) | lexicon_lookups.pronouns(
    "male", "female", "neuter", "plural", "first_plural", "second", cases=("object", "possessive")
)
NEGATIONS = frozenset({"not", "n't", "never", "no"})
LOCATIVE = lexicon_lookups.locative_prepositions()


@cache
def country_of(text: str) -> str | None:
    return lexicon_lookups.country(text) if text else None


@cache
def sector_of(text: str) -> str | None:
    return lexicon_lookups.sector(text) if text else None


def is_passive(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # reduced relative: "officials accused by"
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or gapped_passive(verb)


# Verbs of harm and custody whose past tense and participle are one form.
HARM_VERBS = frozenset(
    {"wound", "injure", "kill", "arrest", "detain", "hurt", "kidnap", "abduct", "torture"}
    | {"execute", "murder", "jail", "imprison", "maim", "seize", "capture"}
)


# Verbs of seeing and finding whose object can take a bare participle: "saw soldiers
# killed", "found three men shot dead".
SMALL_CLAUSE_VERBS = frozenset({"see", "watch", "witness", "find", "hear", "leave"})


def gapped_passive(verb: Token) -> bool:
    """ "hundreds were killed and thousands more detained", "with six passengers
    killed", "saw soldiers killed": a bare participle with a subject of its own and no
    auxiliary is a passive whose "were" is left out (an active verb would be in the past
    tense); its subject is who was detained or killed."""
    absolute = (verb.dep_ == "pcomp" and verb.head.lower_ == "with") or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
    )
    absolute = absolute or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SMALL_CLAUSE_VERBS)
    if verb.tag_ == "VBD" and verb.dep_ == "conj" and is_passive(verb.head):
        # "were killed and dozens wounded": the tagger's past tense of a passive's twin
        objects_ = any(c.dep_ == "dobj" for c in verb.children)
        return verb.lemma_.lower() in HARM_VERBS and not objects_
    if not (verb.dep_ == "conj" or absolute) or verb.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in verb.children}
    if verb.dep_ == "conj" and not deps & {"nsubj", "aux", "auxpass", "dobj"}:
        # "17 police had been ambushed and killed": the passive's twin, sharing its patient
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    return "nsubj" in deps and not deps & {"aux", "auxpass", "dobj"}


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


# Passive verbs of saying or thinking that raise their "to" clause's subject ("troops
# are said to have fired", "he is believed to have fled")
RAISING_VERBS = frozenset(
    {"report", "say", "believe", "think", "understand", "know", "allege", "fear", "reckon",
     "suspect", "rumour", "rumor", "claim", "estimate"}
)


# Words that open a clause depending on another: a sentence's root never carries one.
SUBORDINATORS = frozenset(
    {"as", "while", "when", "whilst", "after", "before", "because", "since", "although",
     "though", "once", "until", "whereas"}
)  # fmt: skip


def misparsed_subordinate(verb: Token) -> bool:
    """A sentence root opened by "as", "while", "when" ...: the parser has taken the
    leading subordinate clause for the main one ("As scores of people inspect the damage,
    a bomber drives into the crowd and blows himself up"), so a verb coordinated with it
    belongs to the unseen main clause, and the subordinate clause's subject is not its
    doer (the onlookers did not blow themselves up). No doer beats a wrong one."""
    return verb.dep_ == "ROOT" and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children
    )


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
    # "Government forces are reported to have launched an attack": the subject of a
    # passive verb of saying or thinking is the doer of its "to" clause
    if verb.dep_ == "xcomp" and is_passive(verb.head) and verb.head.lemma_ in RAISING_VERBS:
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if raised:
            return [resolve_relative(raised[0])]
    # Coordinated verbs and controlled "to" clauses share the subject of their head.
    if verb.dep_ == "conj" and misparsed_subordinate(verb.head):
        return []  # "As crowds gather, a bomber ... and blows himself up": not the crowds
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        # "X was indicted by Y and will resign": X, not the agent Y, resigns
        if verb.dep_ == "conj" and is_passive(verb.head):
            return passive_patient(verb.head)
        return verb.head
    # A participle modifying a noun has that noun as its doer ("protesters demanding").
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    # An adjunct participle or a purpose clause shares its main clause's subject
    # ("..., killing 31 people", "stayed home to protest ...").
    purpose = infinitive(verb)
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() in lexicon().death_verbs:
        return []  # "four civilians died in government shelling": the dead did not shell
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
    # "After visiting Homs, the envoy said ...": a participle under a preposition of
    # time shares its clause's subject ("by firing tear gas" is the main act itself;
    # "without offering proof" is no act)
    if (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in ADJUNCT_PREPS
        and verb.head.head.pos_ in ("VERB", "AUX")
    ):
        return verb.head.head
    return []


ADJUNCT_PREPS = frozenset({"after", "before", "while", "upon", "on"})


def passive_patient(verb: Token) -> list[Token]:
    for _ in range(len(verb.doc)):
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return [resolve_relative(child)]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "officials accused by the US"
            return [verb.head]
        if verb.dep_ == "ccomp" and gapped_passive(verb):  # "saw soldiers killed"
            return [resolve_relative(c) for c in verb.children if c.dep_ == "nsubj"][:1]
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
    cur = anchor
    if anchor.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in anchor.children):
        verbs.append(anchor.head)  # "could attack and kill": the modal sits on the first
        cur = anchor.head  # "is likely to pave the way and embolden": so does its chain
    # Up through "to" clauses, adjectives ("not able to arrest") and gerunds after a
    # preposition ("will not delay in detaining"): their modals sit higher up.
    while cur.head.i != cur.i and (
        cur.dep_ in ("xcomp", "acomp")
        or (cur.dep_ == "pcomp" and cur.head.dep_ == "prep")
        # "wants Russia to press Assad to withdraw": "to" clauses, with their objects
        or (cur.dep_ in ("ccomp", "advcl") and infinitive(cur))
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
    if words & NEGATIONS or yet_to(verbs, nominal=trigger.i != anchor.i):
        return "negated"
    if trigger.i != anchor.i and any(
        c.dep_ == "det" and c.lower_ == "any" for c in trigger.children
    ):
        return "hypothetical"  # "we reject any military action": no act in particular
    if anchor.dep_ == "ROOT" and infinitive(anchor):
        return "future"  # "Authorities to free detainees": a plan item or a headline
    if arranged(anchor) or any(arranged(c) for c in anchor.children if c.dep_ == "xcomp"):
        # "the envoy is to visit Homs", "the EU is to extend its sanctions": arranged
        return "future"
    first = next(iter(anchor.subtree))  # "how best to support": the clause's first word
    asked = first.tag_ == "WRB" or first.lower_ == "whether"
    if asked and infinitive(anchor):
        return "hypothetical"  # "discussed how to support the opposition": a question
    if words & {"if", "unless"}:
        return "hypothetical"
    if words & lex.hypothetical_modals:
        return "hypothetical"
    if words & lex.future_modals:
        return "future"
    if words & lex.conditional_modals:
        return "future" if in_reported_speech(anchor) else "hypothetical"
    # a noun a light verb takes in a "to" clause ("tried to reach a deal", "seeks to
    # impose sanctions") is the act tried: the control role applies as to a verb's
    # ("tried to storm"); not a noun acted on ("trying to quell demonstrations")
    light = trigger.head
    governed = (
        trigger.i != anchor.i
        and trigger.dep_ == "dobj"
        and light.dep_ == "xcomp"
        and light.head.i == anchor.i
        and light.lemma_.lower() in lex.light_verbs
    )
    governing = verbs if governed else verbs[1:]
    for verb in governing:
        role = lex.control.get(verb.lemma_.lower())
        if role == "hypothetical":
            return "hypothetical"
        if role == "ask" and verb.i != anchor.i and verb.pos_ == "VERB":
            # "the initiative, which calls on the president to resign": what someone is
            # asked to do is not done (the asking is the event, where it is one)
            return "hypothetical"
    # "going to strike"
    if anchor.dep_ == "xcomp" and anchor.head.lower_ == "going":
        return "future"
    if awaited(anchor, lex.future_modals | lex.hypothetical_modals | lex.conditional_modals):
        return "future"
    if unrealised_infinitive(anchor) or advocated(trigger):
        return "hypothetical"
    return "asserted"


# Adjectives whose "to" clause says what would be hard, easy or needed, not what was
# done: "it is harder for troops to kill unarmed men", "it is vital to reopen the road".
JUDGING_ADJECTIVES = frozenset(
    {"hard", "easy", "difficult", "impossible", "possible", "necessary", "important",
     "vital", "essential", "crucial", "wrong", "wise", "unwise", "dangerous", "safe",
     "better", "best", "worse"}
)
# Nouns whose "to" clause is an act open to someone, not done: "a way to rescue the
# family", "the right to detain", "efforts to free the hostages".
MEANS_NOUNS = frozenset(
    {"way", "means", "chance", "opportunity", "effort", "attempt", "bid", "need", "reason",
     "ability", "capacity", "right", "power", "authority", "option", "move", "drive"}
)
# A noun that argues for or against an act: "calls for sanctions", "opposition to
# sanctions" do not report sanctions imposed.
ADVOCACY = {
    "for": frozenset(
        {"call", "demand", "push", "pressure", "appeal", "plea", "campaign", "case", "argument"}
        | {"lobby", "press", "argue", "plead", "clamour", "clamor", "agitate"}
    ),
    "to": frozenset({"opposition", "objection", "resistance"}),
}


def infinitive(verb: Token) -> bool:
    """The verb heads a "to" clause ("to visit", "to press")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def arranged(verb: Token) -> bool:
    """ "The envoy is to visit Homs": "be to" tells what is arranged, by no one in
    particular; not a visit made, nor the envoy's promise."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and infinitive(verb)


def unrealised_infinitive(verb: Token) -> bool:
    """A "to" clause that names no act done: one qualifying a noun of means ("a way
    to rescue the family"), or one an adjective of judgement governs ("harder for
    troops to kill")."""
    if not infinitive(verb):
        return False
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower() in MEANS_NOUNS
    if head.pos_ == "ADJ":
        return head.lemma_.lower() in JUDGING_ADJECTIVES
    # "it is harder for troops to kill": the clause hangs on "is", the adjective beside it
    return any(c.lower_ == "it" for c in head.children if c.dep_ == "nsubj") and any(
        c.dep_ == "acomp" and c.lemma_.lower() in JUDGING_ADJECTIVES for c in head.children
    )


def advocated(noun: Token) -> bool:
    """An event noun argued for or against ("calls for sanctions")."""
    heads = ADVOCACY.get(noun.head.lower_) if noun.dep_ == "pobj" else None
    return heads is not None and noun.head.head.lemma_.lower() in heads


# Verbs of a dispute whose "over" phrase says what it is about: "clashed over the
# wording of the draft" is a quarrel of words.
DISPUTE_VERBS = frozenset({"clash"})

# Verbs through which a participle tells a state, not an act: "did not look
# threatened", "seemed shaken", "felt attacked".
LINKING_VERBS = frozenset({"look", "seem", "feel", "appear", "sound"})


def state_participle(verb: Token) -> bool:
    """A past participle that describes how someone or something is, not what was done
    to them: after a linking verb ("Assad did not look threatened") or as an adjective
    with its particle ("a bombed-out district", "burned-out cars")."""
    if verb.tag_ != "VBN":
        return False
    if verb.dep_ == "amod" and any(c.dep_ == "prt" for c in verb.children):
        return True
    linking = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
    if verb.dep_ in ("acomp", "oprd", "xcomp"):
        linking.append(verb.head)
    return any(v.lemma_.lower() in LINKING_VERBS for v in linking)


# Conjunctions of a time clause whose act follows the main clause's: "will wait until
# the government allows", "must act before troops attack", "will leave once they sign".
AWAITED_MARKS = frozenset({"until", "till", "before", "once"})


def awaited(verb: Token, modals: frozenset[str]) -> bool:
    """The verb heads an "until/before/once" clause of a main clause with a future or
    modal auxiliary: what is waited for has not happened ("will have to wait until
    the government allows monitors in")."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in AWAITED_MARKS for c in verb.children
    ):
        return False
    head = verb.head
    chain = [head] + ([head.head] if head.dep_ == "xcomp" else [])
    return any(c.dep_ == "aux" and c.lower_ in modals for v in chain for c in v.children)


def yet_to(verbs: list[Token], nominal: bool = False) -> bool:
    """ "had yet to withdraw", "is yet to be freed": not done (so far). An event noun
    can sit on the "have" itself ("has yet to impose sanctions")."""
    above = verbs if nominal else verbs[1:]
    return any(
        v.lemma_.lower() in ("have", "be")
        and any(c.lower_ == "yet" for c in v.children)
        and (v is not verbs[0] or any(c.dep_ == "xcomp" for c in v.children))
        for v in above
    )


GENERIC_HEADS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody"})


def generic_doer(tok: Token) -> bool:
    """The act sits in a relative clause of a generic head: "those who order attacks on
    civilians are liable", "anyone who fires on protesters": a rule, not an event."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            past = cur.tag_ in ("VBD", "VBN") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in cur.children
            )  # "those who killed him": the killers of one man, no rule
            return cur.head.lower_ in GENERIC_HEADS and not past
        cur = cur.head
    return False


# Nouns whose "to" clause is an act still to come ("a plan to attack", "an order to
# withdraw"); any other noun's "to" clause names no act at all ("the authority to
# massacre civilians", "the willingness to shoot", "the right to protest").
INTENT_NOUNS = frozenset(
    {"plan", "decision", "order", "bid", "attempt", "effort", "move", "threat", "vow",
     "pledge", "promise", "offer", "call", "demand", "ultimatum", "agreement", "deal",
     "proposal", "request", "appeal", "campaign", "mission", "operation", "push", "drive"}
)
NOBODY = frozenset({"nobody", "noone", "none"})


# Nouns whose "is to" clause says what a party is for, not what it did: "the
# government's role is to fight militants", "our aim is to topple the regime".
ROLE_NOUNS = frozenset(
    {"role", "job", "duty", "task", "aim", "goal", "mission", "purpose", "objective",
     "priority", "responsibility", "obligation", "intention", "policy", "strategy"}
)  # fmt: skip


def role_clause(verb: Token) -> bool:
    """ "the government's role is to fight militants": a brief, not an act."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "attr", "ccomp")
        and infinitive(verb)
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in ROLE_NOUNS for c in head.children)
    )


# Verbs whose clause is what the speaker says did not happen.
DENYING_VERBS = frozenset({"deny", "refute", "rebut"})
# Whoever travels for their own ends: their visits are no diplomacy.
PRIVATE_TRAVELLERS = frozenset(
    {"tourist", "pilgrim", "holidaymaker", "vacationer", "traveller", "traveler", "shopper"}
    | {"fan", "backpacker", "worshipper"}
)
# "who asked not to be named": the reporting convention of an anonymous source
UNNAMED = frozenset({"name", "identify", "quote"})


def anonymity(verb: Token) -> bool:
    """ "an official who asked not to be named": a source's condition, not a request."""
    return verb.lemma_.lower() == "ask" and any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in UNNAMED
        and any(n.dep_ == "neg" for n in c.children)
        for c in verb.children
    )


def private_trip(verb: Token) -> bool:
    """ "a tourist visiting Arbil for Eid": private travel, not a political visit."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl":
        doers.append(verb.head)
    return any(semantic_head(d).lemma_.lower() in PRIVATE_TRAVELLERS for d in doers)


def embedded(verb: Token) -> str | None:
    """A verb that is not a reported act of its own: "drop" for a noun's generic
    "to" clause ("had the authority to massacre") or a role ("its role is to fight"),
    "future" for an intended one ("a plan to attack"), "negated" when no one does it
    ("no one attacked")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if role_clause(verb):
        return "drop"
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not subjects and not auxiliaries:
        return "drop"  # an imperative ("Kill them all!"): an exhortation, not an act
    if verb.dep_ == "ccomp" and any(
        t.tag_ in ("WP", "WDT", "WRB", "WP$") and t.i < verb.i
        for t in verb.subtree
        if t.head.i == verb.i or t.head.head.i == verb.i
    ):
        return "drop"  # an embedded question ("don't care who they kill"): no act
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and first.head.tag_ == "VB":
        first = first.head  # up a list of bare verbs ("apologize, pay and lift")
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and first.head.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        and not subjects
        and not auxiliaries
    ):
        return "drop"  # "demanded Israel apologize, pay and lift ...": the demand's content
    to_clause = infinitive(verb)
    nominal = verb.dep_ in ("acl", "advcl") and verb.head.pos_ == "NOUN" and to_clause
    if nominal and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
        return "negated"  # "there were no orders for troops to fire": none given
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and to_clause:
        return "future" if verb.head.lemma_.lower() in INTENT_NOUNS else "drop"
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in DENYING_VERBS:
        return "negated"  # "Turkey denied supplying weapons", "denied that it had fired"
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in NOBODY or (
            subj.lower_ == "one" and any(d.lower_ == "no" for d in subj.children)
        ):
            return "negated"
    return None


def single_victim(victim: Token) -> bool:
    """ "a man", "one soldier", "Smith", "he": the phrase names exactly one person."""
    if victim.lower_ in ("he", "she", "him", "her"):
        return True
    if victim.pos_ == "PROPN" or victim.ent_type_ == "PERSON":
        return True
    if victim.tag_ != "NN":
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in victim.children
    )


def named_victims(victim: Token) -> int:
    """How many people a victim phrase names when it is a list of names and nothing
    else counted ("Anna Brel of the Harbour Post and Dutch cameraman Piet Smit": two,
    however the parser hung the second); 0 when it holds a number or a plural."""
    words = list(victim.subtree)
    if not any(t.lower_ == "and" for t in words):
        return 0
    if any(t.like_num or t.tag_ in ("NNS", "NNPS") for t in words):
        return 0
    return sum(1 for t in words if t.ent_type_ == "PERSON" and t.ent_iob_ == "B")


def reported_dead(verb: Token) -> bool:
    """The verb's subject is reported dead: "were found shot dead", "were dead"."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd") and child.lower_ == "dead":
            return True
        if child.dep_ == "xcomp" and any(c.lower_ == "dead" for c in child.children):
            return True
    return False


# Types whose verbs in the simple present name a standing position, not an act
# ("Syria supports Hamas", "Russia opposes regime change", "is supported by").
# Accusations and offers too: "They accuse the army of delaying reforms", "a site
# which offers a new item every day" describe a standing charge or a trade.
STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "COOPERATE", "ACCUSE", "AGREE"})
# Time words that repeat an act rather than date one ("every day", "each week").
RECURRING = frozenset({"every", "each"})


def recurring(verb: Token) -> bool:
    """ "Syrians are being massacred every day", "shelling the town daily": what goes on
    again and again, not one happening (told as the story's background)."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in ("daily", "nightly", "weekly"):
            return True
        if child.dep_ == "npadvmod" and any(
            c.dep_ == "det" and c.lower_ in RECURRING for c in child.children
        ):
            return True
    return False


def verbal_clash(verb: Token) -> bool:
    """ "European members clashed with Russia and China at the council": states named
    as the other side of a clash, with no force of theirs, quarrel in words."""
    if verb.lemma_.lower() not in DISPUTE_VERBS:
        return False
    sides = objects(verb, "with")
    return bool(sides) and all(
        s.pos_ == "PROPN" and country_of(s.text) is not None for s in sides
    )


# Coercive verbs whose simple present is a standing policy, not an act: "Syria
# restricts access to foreign media" (a line many reports carry as boilerplate).
STANDING_VERBS = frozenset({"restrict"})


def nearest_verb(tok: Token) -> Token | None:
    """The first verb above ``tok``: the clause its words belong to."""
    cur = tok.head
    while cur.pos_ not in ("VERB", "AUX"):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return cur


# Nouns and verbs of judging a past deed: "the first conviction for a massacre",
# "sentenced for the 2004 bombing" (the deed is what is judged, not news).
JUDGING_WORDS = frozenset(
    {"conviction", "sentence", "trial", "charge", "indictment", "prosecution", "warrant"}
    | {"punishment", "compensation", "apology", "justice", "responsibility", "blame"}
    | {"accountability", "convict", "try", "indict", "prosecute", "punish", "jail"}
    | {"imprison", "apologize", "apologise", "compensate", "condemn"}
)


def judged_for(noun: Token) -> bool:
    """The event noun is the deed a judgement is "for" ("went on trial for")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "for":
        return False
    judge = head.head
    words = {judge.lemma_.lower()} | {
        g.lemma_.lower() for c in judge.children if c.dep_ == "prep" for g in c.children
    }
    return bool(words & JUDGING_WORDS)


def seized_on(verb: Token) -> bool:
    """ "seized on his resignation as a sign": took up a chance, took nothing."""
    return verb.lemma_.lower() in ("seize", "pounce") and not any(
        c.dep_ == "dobj" for c in verb.children
    ) and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children)


# Nouns of what is done to a person, whose possessor is that person: "his arrest",
# "the journalist's killing" (a state's "arrests of activists" names its victims).
PATIENT_NOUNS = frozenset(
    {"arrest", "detention", "killing", "murder", "execution", "assassination", "abduction"}
    | {"kidnapping", "death", "release", "capture", "imprisonment", "jailing", "torture"}
    | {"expulsion", "deportation", "extradition", "beating", "shooting", "disappearance"}
)
PERSON_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})


def possessed_patient(noun: Token, possessor: Token) -> bool:
    """The possessor of a noun of harm or custody is its victim when it is a person
    and the noun names no "of" victim: "his arrest was connected to explosives"."""
    if noun.lemma_.lower() not in PATIENT_NOUNS or objects(noun, "of"):
        return False
    if possessor.lower_ in PERSON_POSSESSIVES:
        return True
    return possessor.ent_type_ == "PERSON"


def stance(verb: Token, event_type: str) -> bool:
    """A standing relation in the simple present, with no time: not a happening."""
    standing = event_type in STANCE_TYPES or verb.lemma_.lower() in STANDING_VERBS
    if not standing or verb.pos_ != "VERB":
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") and not aux
    passive_present = verb.tag_ == "VBN" and [a.lower_ for a in aux] in (["is"], ["are"])
    timed = any(
        c.ent_type_ in ("DATE", "TIME")
        and not any(w.lower_ in RECURRING for w in c.head.children)
        and c.lower_ not in RECURRING
        and getattr(nearest_verb(c), "i", None) == verb.i  # not "captured in a 1967 war"
        for c in verb.subtree
    )
    return (
        (present or passive_present)
        and not timed
        and not in_reported_speech(verb)
        and not chronology_line(verb)
    )


# A chronology line tells its events in the present: "March 19 - Jets strike ...",
# "-- The rebels accuse ..." (see ``confidence.timeline_entry``).
CHRONOLOGY = re.compile(
    r"\s*(?:--|—|–|-)\s|\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})"
    r"(?:,? \d{4})?\s*(?:--|—|–|-)\s"
)


def chronology_line(tok: Token) -> bool:
    """The token's line opens like a chronology entry ("-- ", "March 3 - ")."""
    doc, first = tok.doc, tok.i
    while first > 0 and "\n" not in doc[first - 1].whitespace_ + doc[first - 1].text:
        first -= 1  # back to the line's first token (Doc.text would join the document)
    line = doc[first : min(len(doc), first + 12)].text_with_ws
    if first > 0:  # a break inside the token before: the line starts after it
        line = (doc[first - 1].text + doc[first - 1].whitespace_).rsplit("\n", 1)[1] + line
    return CHRONOLOGY.match(line) is not None


# Causes of death that are nobody's attack, and words that say an attack is meant.
DISASTER_WORDS = frozenset(
    {"earthquake", "quake", "tsunami", "flood", "flooding", "landslide", "mudslide", "storm",
     "cyclone", "hurricane", "typhoon", "tornado", "crash", "accident", "leak", "blaze",
     "avalanche", "eruption", "disaster", "collapse", "stampede", "rain", "downpour",
     "heatwave", "poisoning", "derailment", "wildfire", "drought", "outbreak", "plunge",
     "capsize", "derail", "overturn", "drown", "sink"}
)
ATTACK_CUES = frozenset(
    {"bomb", "bomber", "attack", "attacker", "militant", "gunman", "gunmen", "rebel", "troops",
     "soldier", "airstrike", "strike", "shell", "shelling", "rocket", "missile", "terrorist",
     "insurgent", "grenade", "ied", "sniper", "police"}
)


def disaster(sent: Span) -> bool:
    """The sentence reports deaths from a disaster or an accident, with no attacker."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    gas = "gas" in lemmas and "explosion" in lemmas and "tear" not in lemmas
    return bool(lemmas & DISASTER_WORDS or gas) and not lemmas & ATTACK_CUES


# Verbs whose object or passive subject is an act not (yet) done: "is considering
# sanctions", "discussed a ceasefire", "an attack is considered likely".
UNREALIZED_VERBS = frozenset(
    {"consider", "weigh", "mull", "discuss", "debate", "propose", "seek", "want", "fear",
     "expect", "contemplate", "study", "envisage", "rule"}
)
# Verbs whose "on" phrase is an act demanded, not done: "insisting on a full withdrawal".
DEMAND_ON = frozenset({"insist", "press", "push", "call", "demand"})


# Verbs whose object (or passive subject) is an act that did not take place:
# "prevented a massacre", "the attack was foiled", "averted a strike".
AVERTING_VERBS = frozenset({"prevent", "avert", "thwart", "foil", "forestall", "avoid", "spare"})


def averted(noun: Token) -> bool:
    """The event noun names what was prevented: it did not happen."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in AVERTING_VERBS


# Words that ask rather than request: "asked whether", "asked about", "asked how".
QUESTION_MARKS = frozenset({"whether", "if", "about"})


def question(verb: Token) -> bool:
    """ "asked the minister whether ...", "when asked about the plan": a question
    put to a party, not a request of it ("asked for help" and "asked X to" stay)."""
    if verb.lemma_.lower() not in ("ask", "question"):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in ("ccomp", "advcl", "dobj") and child.pos_ in ("VERB", "AUX"):
            first = next(iter(child.subtree))
            if first.lower_ in QUESTION_MARKS or first.tag_ in ("WP", "WDT", "WRB", "WP$"):
                return True
        if child.dep_ == "dobj" and child.lemma_.lower() in ("question", "questions"):
            return True
    return False


def purpose(verb: Token) -> bool:
    """A "to" clause on a noun or an act, its aim ("joined talks to reach a peace
    deal", "troops arrived to end the siege"): what it is for, not what was done."""
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("acl", "advcl", "relcl")
        and infinitive(verb)
    )


def _draft(noun: Token) -> bool:
    return noun.lemma_.lower() == "draft" or any(
        c.lower_ == "draft" and c.dep_ in ("amod", "compound") for c in noun.children
    )


def drafted(verb: Token) -> bool:
    """The verb's subject is a draft ("the draft resolution calls on states to ..."),
    or the verb describes a text not adopted ("proposing a resolution demanding an
    end to violence", "a draft condemning the crackdown"): what it asks for is no act."""
    text = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else None
    if text is not None and (_draft(text) or unrealized(text)):
        return True
    return any(_draft(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


# Texts whose content a present-tense verb tells ("the plan calls for a ceasefire",
# "the resolution demands", "the deal says Saleh must go"): an item of the text, not
# an act of anyone's (frames.text_says).
TEXT_NOUNS = frozenset(
    {"plan", "resolution", "text", "proposal", "initiative", "roadmap", "deal"}
    | {"agreement", "accord", "treaty", "blueprint", "charter", "clause", "provision"}
)


def text_says(verb: Token) -> bool:
    """ "The plan calls for a ceasefire", "the resolution demands that Syria end the
    violence and supports the Arab plan": what a text says, told in the simple
    present, is its content; the act is its adoption or its proposal, coded where the
    text reports that ("the Council adopted a resolution")."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    head = verb
    while not subjects and head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "condemns the crackdown and calls on Assad to go"
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        subjects = [verb.head]  # "a resolution which demands"
    # a draft's call stays a hypothetical act (``drafted``): a proposal not yet adopted;
    # a text told as adopted ("the resolution adopted on Friday calls on states") is
    # its adopters' request
    return any(
        s.lemma_.lower() in TEXT_NOUNS and not _draft(s) and not _adopted(s) for s in subjects
    )


ADOPTING_VERBS = frozenset({"adopt", "pass", "approve", "endorse", "agree", "sign", "ratify"})


def _adopted(noun: Token) -> bool:
    return any(
        c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in ADOPTING_VERBS
        for c in noun.children
    )


def talk_about(verb: Token) -> bool:
    """ "They are talking about my country": speaking of a subject, not talks with a
    party ("talked about the crisis with their counterpart" is)."""
    if verb.lemma_.lower() != "talk":
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return "about" in preps and "with" not in preps


# Verbs whose "for" phrase is an act prepared, not done: "massing for an attack".
PREPARING_VERBS = frozenset({"mass", "prepare", "gear", "ready", "brace", "poise", "train"})


def prepared(noun: Token) -> bool:
    """ "troops are massing for an attack": the attack is still to come."""
    head = noun.head
    verb = head.head
    return noun.dep_ == "pobj" and head.lower_ == "for" and verb.lemma_.lower() in PREPARING_VERBS


def unrealized(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in UNREALIZED_VERBS


def demanded(noun: Token) -> bool:
    """The noun is what a party insists on: "insisting on a full withdrawal" is no
    withdrawal (and, "insist" being no trigger, no event is coded for it)."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("on", "upon")
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in DEMAND_ON
    )


# Adverbs that make an act a habit, not a happening: "has frequently accused",
# "routinely detains". ("Repeatedly" is left out: "repeatedly shelled the town on
# Monday" reports what happened.)
HABITUAL_ADVERBS = frozenset(
    {"frequently", "often", "routinely", "regularly", "usually", "habitually", "typically",
     "traditionally", "constantly", "always", "generally"}
)  # fmt: skip


# Types a habit makes a standing position: "has frequently accused", "often supports".
# Habitual force stays coded ("soldiers routinely beat detainees" reports abuse, as
# PLOVER's coders code it).
HABIT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "COOPERATE", "AGREE", "REQUEST"})


def habitual(verb: Token, event_type: str) -> bool:
    """A verbal act modified by an adverb of habit: a standing position, not an event."""
    return event_type in HABIT_TYPES and any(
        c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children
    )


# Words only sport uses, and words that say a sentence with them is still about violence.
SPORT_WORDS = frozenset(
    {"football", "soccer", "cricket", "rugby", "tennis", "golf", "striker", "midfielder",
     "goalkeeper", "batsman", "bowler", "wicket", "wickets", "innings", "spinner", "referee",
     "kickoff", "semi-final", "semifinal", "quarter-final", "quarterfinal", "tournament",
     "championship", "goalless", "fixture", "group-stage", "premiership", "defender",
     "defenders", "midfielders", "strikers", "squad", "derby", "goalscorer"}
)  # fmt: skip
VIOLENCE_WORDS = frozenset(
    {"bomb", "bomber", "militant", "gunman", "gunmen", "rebel", "troops", "soldier",
     "airstrike", "shelling", "rocket", "missile", "terrorist", "insurgent", "grenade", "sniper",
     "police", "kill", "dead", "wound", "riot", "protester", "protest", "army"}
)  # fmt: skip
# Words of trade and fashion: "agreed a takeover", "hosted a fashion show".
BUSINESS_WORDS = frozenset(
    {"takeover", "shareholder", "shareholders", "acquisition", "merger", "revenue", "profit",
     "investor", "investors", "retailer", "fashion", "catwalk", "ipo", "dividend", "buy",
     "acquire", "purchase", "funding", "financing", "earnings", "sterling", "stocks",
     "trader", "traders", "quarterly", "brokerage", "bond", "bonds"}
)  # fmt: skip


def _words(sent: Span) -> set[str]:
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


def sport(sent: Span) -> bool:
    """The sentence is about a game: an "attack", "strike" or "match" of sport."""
    words = _words(sent)
    return bool(words & SPORT_WORDS) and not words & VIOLENCE_WORDS


SPORT_STORY_WORDS = 4  # distinct sport words that make a whole story a sports story


def sport_story(doc: Span | Doc) -> bool:
    """The story is a sports page ("Wenger added that three defenders should be fit"):
    its sport words, of at least ``SPORT_STORY_WORDS`` kinds, outnumber its words of
    violence, so no sentence of it is politics unless a government is a party."""
    sport_words = {t.lower_ for t in doc if t.lower_ in SPORT_WORDS}
    if len(sport_words) < SPORT_STORY_WORDS:
        return False
    sport_count = sum(t.lower_ in SPORT_WORDS for t in doc)
    violence = sum(t.lemma_.lower() in VIOLENCE_WORDS for t in doc)
    return sport_count > violence


# Words of films, fiction and the stage: a review or a culture page is made of them.
# (Not "book", "memoir" or "documentary": a review of reportage retells real events.)
ARTS_WORDS = frozenset(
    {"film", "films", "movie", "movies", "novel", "novels", "novelist", "novella", "comic",
     "cinema", "hollywood", "screenplay", "screenwriter", "actor", "actors", "actress",
     "starring", "sequel", "premiere", "genre", "plot", "oscar", "oscars", "playwright",
     "theatre", "theater", "album", "lyrics", "fiction", "fictional", "episode", "filmmaker",
     "film-maker", "audience", "audiences", "comedy", "thriller", "poem", "poet", "poetry",
     "musical"}
)  # fmt: skip
ARTS_STORY_WORDS = 3  # distinct arts words that make a story a culture page ...
ARTS_STORY_RATE = 6  # ... when they come at least this often per 1,000 words
ARTS_LEAD = 3  # sentences of the lead, one of which names the work


def arts_story(doc: Doc, sentences: list[Span]) -> bool:
    """The story is a review or a culture page ("Spielberg's film is the latest version
    of Wells's novel"): its lead names a film, book or play, and its arts words, of at
    least ``ARTS_STORY_WORDS`` kinds, come at least ``ARTS_STORY_RATE`` times in 1,000
    words. Its violence is a plot's or a premise's, and its generalities a critic's, so
    no sentence of it is politics unless a government is a party."""
    words = [t.lower_ for t in doc if t.is_alpha or "-" in t.text]
    found = [w for w in words if w in ARTS_WORDS]
    if len(set(found)) < ARTS_STORY_WORDS or 1000 * len(found) < ARTS_STORY_RATE * len(words):
        return False
    return any(t.lower_ in ARTS_WORDS for sent in sentences[:ARTS_LEAD] for t in sent)


def business(sent: Span) -> bool:
    """The sentence is about trade (a takeover, a fashion show), not politics."""
    words = _words(sent)
    return bool(words & BUSINESS_WORDS) and not words & VIOLENCE_WORDS


BOUND_MARKS = frozenset({"since", "until", "till", "before", "after"})


def bound_verb(tok: Token) -> Token | None:
    """The verb of the "after/before/since/until" clause ``tok`` sits in, if any ("after
    forces fired on protesters in Deraa"): the clause of an earlier or later happening."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in BOUND_MARKS for c in cur.children
        ):
            return cur
        if cur.dep_ in ("ROOT", "ccomp"):
            return None
        cur = cur.head
    return None


def victim_words(verb: Token) -> Iterator[Token]:
    """The words of what the act is done to: its object, or its passive subject
    ("killed 28 people", "8,349 people have been detained")."""
    for phrase in verb.children:
        if phrase.dep_ in ("dobj", "nsubjpass"):
            yield from phrase.subtree
