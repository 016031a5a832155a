"""Claims: attributed statements that are not (only) direct quotes.

Finds reported speech from the parse:

- ``X said (that) CONTENT`` and ``CONTENT, X said`` (a speech verb with a
  clausal complement), also inside a relative clause ("the vote, which
  observers said the opposition won");
- ``CONTENT, X said`` and the aside ``The army, X said, withdrew`` (one span
  cannot skip the aside, so there the content span includes it);
- requests and promises with an infinitive (``urged supporters to vote``) and
  reporting nouns with a "that"-clause (``the minister's claim that ...``);
- headline and transcript lines ``Name: CONTENT``;
- ``according to X, CONTENT`` / ``CONTENT, according to X``;
- ``X described Y as Z`` (a characterizing verb of the lexicon with an object and
  an "as" phrase): the content is "Y as Z";
- the sourcing chain: ``citing four sources`` and ``told Reuters`` become
  ``Via`` links with their count.

**Source/via convention**: ``source`` is always whoever asserts the content
in this sentence's grammar (the subject of the cue verb, or the object of
"according to"); ``via`` lists the other links of the chain named in the same
frame: the sources a speaker cites ("Reuters, citing four sources" -> source
Reuters, via four sources) and the outlet that relays a statement ("two of the
sources told Reuters" -> source the sources, via Reuters).

Hedges ("alleged", "reportedly", "no immediate comment", "denied", ...) are
found once per document from the lexicon; each claim carries those inside its
frame, and :func:`hedges_in` serves any other extractor. What it doesn't do:
a statement whose content is wholly a direct quotation is left to the quotes
extractor; statements with no source ("it was reported that ...") and
reported speech that spans several sentences without a cue are not claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import cast

from spacy.tokens import Token

from flashpoint import lexicon as lexicon_words
from flashpoint.datafiles import load_yaml
from flashpoint.extractors.context import Context
from flashpoint.extractors.quotemarks import Marked
from flashpoint.extractors.quotes import (
    Tokens,
    actor_for,
    colon_frames,
    is_cue,
    lexicon,
    phrase_bounds,
    subject_of,
)
from flashpoint.models import Claim, Hedge, HedgeKind, Quote, Source, SourceKind, Via
from flashpoint.registry import extractor

_CONTENT_DEPS = ("ccomp",)
_ASIDE = frozenset({",", "\u2014", "--", "("})
_PERSON_PRONOUNS = lexicon_words.pronouns(
    "male", "female", "first_singular", "first_plural", "second", cases=("subject",)
)


@extractor("hedges", produces=None, provides=("hedges",))
def find_hedges(ctx: Context) -> None:
    """Every hedge word and phrase of the document, as the ``hedges`` layer."""
    lex = lexicon()
    found = []
    for match in lex.hedges.finditer(ctx.text):
        phrase = " ".join(match.group(0).lower().split())
        kind = cast(HedgeKind, lex.hedge_kinds.get(phrase, "uncertainty"))
        if kind == "denial" and not (
            denies_proposition(ctx.text, match.start(), match.end())
            or _clause_denied(ctx, match.start())
        ):
            continue  # "was denied entry", "denying them the right": no claim denied
        found.append(Hedge(start=match.start(), end=match.end(), text=match.group(0), kind=kind))
    ctx.provide("hedges", tuple(found))


# A denial denies a proposition: "denied that ...", "denied the report", "denies any
# involvement", "denied it", or stands alone ("..., which the ministry denied."). "Deny"
# with a person or a thing withheld ("was denied entry", "denying them the right",
# "denied Syria its sovereignty", "denial of access") refuses something; no claim is
# disputed.
_DENIED_WORD = re.compile(r"^(?:den(?:y|ies|ied|ying)|denials?)$", re.IGNORECASE)
_PROPOSITION = (
    r"(?:reports?|claims?|allegations?|accusations?|charges?|rumou?rs?|story|stories"
    r"|accounts?|suggestions?|assertions?|involvement|responsibility|wrongdoing|knowledge"
    r"|links?|role|existence|the idea|the notion)"
)
_DENIES_THAT = re.compile(
    r"^(?:\s+\w+ly)?(?:"
    r"\s+(?:that|it|this|having|being|ever|knowing|any|all|both|categorically)\b"
    rf"|\s+(?:of\s+)?(?:(?:the|these|those|such|its|their|his|her|any|all)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,3}}?{_PROPOSITION}\b"
    # "denied a fee had been tabled": a clause without "that"
    r"|\s+(?:(?:a|an|the|any|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:had|has|have|was|were|is|are|would|will|did|could|planned)\s"
    r"|\s*(?:[,.;:!?)”\"\u2014-]|$)"
    r"|\s+(?:by|on|in|at|and|but|as|when|through|via|from|outright|strongly|flatly)\b)",
    re.IGNORECASE,
)
# "was denied entry", "are being denied treatment": the passive withholds something
# from someone.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


def denies_proposition(text: str, start: int, end: int) -> bool:
    """True when the deny word at ``text[start:end]`` denies a proposition (a claim, a
    report, a that-clause) rather than withholding something ("denied entry", "denied
    bail", "denying them the right", "was denied access"). Other hedge words: True."""
    if not _DENIED_WORD.match(text[start:end]):
        return True
    if _PASSIVE_BEFORE.search(text[max(0, start - 30) : start]):
        return False
    return _DENIES_THAT.match(text[end : end + 80]) is not None


def _clause_denied(ctx: Context, start: int) -> bool:
    """The parse gives the deny verb at ``start`` a clause ("deny their son went to
    Syria"): a proposition denied, with no "that"."""
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    return tok.lemma_.lower() == "deny" and any(c.dep_ == "ccomp" for c in tok.children)


def hedges_in(ctx: Context, start: int, end: int) -> list[Hedge]:
    """Hedge words and phrases between ``start`` and ``end`` (from the ``hedges`` layer)."""
    return [h for h in ctx.hedges if h.start >= start and h.end <= end]


def source_kind(phrase: str, head: Token, actor_kind: str | None) -> SourceKind:
    """What sort of source a source phrase names, from the lexicon and entity labels."""
    lex = lexicon()
    lemma = head.lemma_.lower()
    label = head.ent_type_
    # The core: the head and what precedes it ("four sources", not "... in Caracas").
    core = head.doc[head.left_edge.i : head.i + 1]
    if lex.media.search(phrase) or any(
        t.lower_ in lex.media_nouns or t.lemma_.lower() in lex.media_nouns for t in core
    ):
        return "media"
    named = any(t.pos_ == "PROPN" for t in core)
    if lex.anonymous.search(core.text) or (lex.anonymous.search(phrase) and not named):
        return "anonymous"
    if lemma in lex.expert_nouns or head.lower_ in lex.expert_nouns:
        return "expert"
    if lemma in lex.document_nouns and label not in ("PERSON", "ORG", "GPE"):
        return "document"
    if lex.official.search(phrase) or label in ("GPE", "NORP") or actor_kind == "country":
        return "official"
    if label == "PERSON" or head.lower_ in _PERSON_PRONOUNS or actor_kind == "person":
        return "person"
    if label == "ORG" or actor_kind in ("organization", "group"):
        return "organization"
    return "unknown"


def _phrase(ctx: Context, tok: Token, tokens: Tokens) -> tuple[int, int, str | None]:
    """Char offsets of the phrase headed by ``tok`` and its actor id."""
    lo, hi = phrase_bounds(tok, tokens)
    doc = ctx.doc
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    actor = actor_for(ctx, range(tok.i, tok.i + 1))
    if actor is None:  # the name's other words ("Foreign Minister X"), not its modifiers
        actor = actor_for(ctx, range(max(lo, tok.left_edge.i), tok.i + 1))
    return start, end, actor


def _source(ctx: Context, tok: Token, tokens: Tokens) -> Source:
    start, end, actor = _phrase(ctx, tok, tokens)
    name = ctx.text[start:end]
    kind = source_kind(name, tok, ctx.actor_index.kind_of(actor))
    if tok.pos_ == "PRON" and actor is not None:  # "she said": name who she is
        name = ctx.actor_index.name_of(actor) or name
    return Source(name=name, kind=kind, actor=actor, start=start, end=end)


def _via(ctx: Context, tok: Token, tokens: Tokens) -> Via:
    start, end, actor = _phrase(ctx, tok, tokens)
    name = ctx.text[start:end]
    return Via(
        name=name,
        kind=source_kind(name, tok, ctx.actor_index.kind_of(actor)),
        count=_count(tok),
        actor=actor,
        start=start,
        end=end,
    )


def _count(tok: Token) -> int | None:
    """How many sources a phrase names: "four sources", "three of the sources"."""
    words = lexicon().number_words
    candidates = [tok, *tok.lefts]
    for t in candidates:
        if t.like_num or t.lower_ in words:
            if t.text.isdigit():
                return int(t.text)
            return words.get(t.lower_)
    return None


def _content_bounds(head: Token, exclude: set[int]) -> tuple[int, int] | None:
    """Token range of the clause headed by ``head`` without ``exclude`` at its edges."""
    ids = [t.i for t in head.subtree if t.i not in exclude]
    if not ids:
        return None
    lo, hi = min(ids), max(ids) + 1
    doc = head.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "mark"):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return (lo, hi) if hi > lo else None


def _inside_direct_quote(start: int, end: int, direct: Sequence[Marked]) -> bool:
    """Whether most of the content lies inside one full quotation (then it is a Quote)."""
    for m in direct:
        covered = min(end, m.outer_end) - max(start, m.outer_start)
        if covered > 0.8 * (end - start):
            return True
    return False


def _chain(ctx: Context, verb: Token, tokens: Tokens, source_tok: Token | None) -> list[Via]:
    """Via links in the frame: cited sources and the outlet told."""
    lex = lexicon()
    links: list[Via] = []
    heads = [verb] + ([source_tok] if source_tok is not None else [])
    for h in heads:
        for child in h.children:
            if is_cue(child, lex.citing_verbs):
                links.extend(_via(ctx, obj, tokens) for obj in child.children if obj.dep_ == "dobj")
    if verb.lemma_.lower() == "tell":
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("PROPN", "NOUN"):
                via = _via(ctx, child, tokens)
                if via.kind == "media":  # "told reporters" names no link in the chain
                    links.append(via)
    return links


def _claim(
    ctx: Context,
    content: tuple[int, int],
    source: Source,
    cue: Token | tuple[int, int],
    via: list[Via],
) -> Claim:
    doc = ctx.doc
    c_start, c_end = doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1])
    if isinstance(cue, Token):
        cue_start, cue_end = cue.idx, cue.idx + len(cue)
    else:
        cue_start, cue_end = cue
    frame = [c_start, c_end, cue_start, cue_end]
    if source.start is not None and source.end is not None:
        frame += [source.start, source.end]
    first = ctx.sentence_at(min(frame))
    last = ctx.sentence_at(max(frame) - 1)
    return Claim(
        id=ctx.new_id("c"),
        content=ctx.span(c_start, c_end),
        source=source,
        via=via,
        cue=ctx.span(cue_start, cue_end),
        # The cue verb is no hedge on itself ("Reuters reported"), except a denial.
        hedges=[
            h
            for h in hedges_in(ctx, min(frame), max(frame))
            if h.kind == "denial" or (h.start, h.end) != (cue_start, cue_end)
        ],
        sentence=ctx.span(first.start_char, max(first.end_char, last.end_char)),
    )


def _clause_of(tok: Token) -> Token | None:
    """The verb heading the clause ``tok`` sits in ("The difference, he said, is ...")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _is_parenthetical(verb: Token) -> bool:
    """'The army, officials said, withdrew' / 'The army withdrew, officials said': the
    parser hangs the speech verb under the content instead of the other way round."""
    if verb.dep_ not in ("parataxis", "advcl") or _clause_of(verb.head) is None:
        return False
    if any(c.dep_ in ("mark", "advmod") for c in verb.children):
        return False  # "as he said", "when she told them": a clause, not an aside
    left = verb.left_edge
    before = verb.doc[left.i - 1].text if left.i > 0 else ""
    return left.text in _ASIDE or before in _ASIDE


# "Moscow may find that its efforts are fruitless", "he might argue that": a writer's
# guess at what someone will think or say, not an attributed statement.
SUPPOSING_MODALS = frozenset({"may", "might", "could"})


def _supposed(verb: Token) -> bool:
    """The cue verb is under a modal of possibility (``SUPPOSING_MODALS``)."""
    return any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in verb.children)


def _from_verbs(ctx: Context, tokens: Tokens, direct: Sequence[Marked]) -> list[Claim]:
    lex = lexicon()
    claims: list[Claim] = []
    for verb in ctx.doc:
        if tokens.quoted[verb.i] or not is_cue(verb, lex.speech_verbs) or _supposed(verb):
            continue
        contents = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
        infinitive = verb.lemma_.lower() in lex.infinitive_verbs
        if not contents and infinitive:
            contents = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        parenthetical = False
        if not contents and _is_parenthetical(verb):
            contents, parenthetical = [_clause_of(verb.head) or verb.head], True
        if not contents:
            continue
        subj = subject_of(verb)
        if subj is None or tokens.quoted[subj.i] or subj.lower_ in ("it", "there"):
            continue
        source = _source(ctx, subj, tokens)
        via = _chain(ctx, verb, tokens, subj)
        exclude = {t.i for t in subj.subtree} | {verb.i}
        if parenthetical:  # "The army, officials said, withdrew": drop the whole aside
            exclude |= {t.i for t in verb.subtree}
        for head in contents:
            bounds = _content_bounds(head, exclude)
            if bounds is None:
                continue
            if not parenthetical and bounds[0] < verb.i < head.i:
                # "the vote, which observers said the opposition won": the relative
                # pronoun belongs to the content's grammar, not to what was said.
                bounds = (verb.i + 1, bounds[1])
                while bounds[0] < bounds[1] and ctx.doc[bounds[0]].dep_ == "mark":
                    bounds = (bounds[0] + 1, bounds[1])
            if head.dep_ == "xcomp":
                # "urged supporters to vote": the addressee belongs to the content.
                objs = [c.i for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
                bounds = (min([bounds[0], *objs]), bounds[1])
            start = ctx.doc[bounds[0]].idx
            end = ctx.doc[bounds[1] - 1].idx + len(ctx.doc[bounds[1] - 1])
            if _inside_direct_quote(start, end, direct):
                continue
            claims.append(_claim(ctx, bounds, source, verb, via))
    return claims


@cache
def characterizing_verbs() -> frozenset[str]:
    """``characterizing_verbs`` of ``data/attribution.yaml``: "described X as Y"."""
    return frozenset(load_yaml("attribution.yaml")["characterizing_verbs"])


def _described_as(ctx: Context, tokens: Tokens, direct: Sequence[Marked]) -> list[Claim]:
    """``X described Y as Z`` ("President Obama has described the attacks as outrageous
    bloodshed", "the ministry dismissed the report as propaganda"): the subject claims
    something of the object. The content is the object and its "as" phrase; one wholly
    inside a quotation is left to the quotes extractor."""
    verbs = characterizing_verbs()
    claims: list[Claim] = []
    for verb in ctx.doc:
        if tokens.quoted[verb.i] or verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        # "as" hangs from the verb or, as often in the parse, from its object
        as_ = next(
            (
                c
                for c in (*verb.children, *obj.children)
                if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i
            ),
            None,
        )
        if as_ is None or not any(True for _ in as_.children):
            continue
        subj = subject_of(verb)
        if subj is None or tokens.quoted[subj.i] or subj.lower_ in ("it", "there"):
            continue
        lo = min(obj.left_edge.i, as_.i)
        hi = max(obj.right_edge.i, as_.right_edge.i) + 1
        while hi > lo and (ctx.doc[hi - 1].is_punct or ctx.doc[hi - 1].is_space):
            if ctx.doc[hi - 1].text in "\"”’'":
                break  # a closing quotation mark belongs to the phrase
            hi -= 1
        start, end = ctx.doc[lo].idx, ctx.doc[hi - 1].idx + len(ctx.doc[hi - 1])
        if _inside_direct_quote(start, end, direct):
            continue
        source = _source(ctx, subj, tokens)
        claims.append(_claim(ctx, (lo, hi), source, verb, _chain(ctx, verb, tokens, subj)))
    return claims


def _according_to(ctx: Context, tokens: Tokens, direct: Sequence[Marked]) -> list[Claim]:
    """'according to X, CONTENT' and 'CONTENT, according to X'."""
    claims: list[Claim] = []
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        clause = tok.head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        exclude = {t.i for t in tok.subtree} | {tok.i, to.i} | {t.i for t in obj.subtree}
        bounds = _content_bounds(clause, exclude)
        if bounds is None:
            continue
        start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
        if _inside_direct_quote(start, end, direct):
            continue
        source = _source(ctx, obj, tokens)
        claims.append(_claim(ctx, bounds, source, (tok.idx, to.idx + len(to)), []))
    return claims


def _from_nouns(ctx: Context, tokens: Tokens, direct: Sequence[Marked]) -> list[Claim]:
    """'the minister's claim that ...', 'allegations by the opposition that ...'."""
    lex = lexicon()
    doc = ctx.doc
    claims: list[Claim] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.reporting_nouns:
            continue
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None or tokens.quoted[noun.i]:
            continue
        holder = next((c for c in noun.children if c.dep_ == "poss"), None)
        if holder is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if holder is None:
            continue
        bounds = _content_bounds(clause, set())
        if bounds is None:
            continue
        start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
        if _inside_direct_quote(start, end, direct):
            continue
        claims.append(_claim(ctx, bounds, _source(ctx, holder, tokens), noun, []))
    return claims


def _from_colons(ctx: Context, tokens: Tokens, direct: Sequence[Marked]) -> list[Claim]:
    """'Pence: Flowers won't attend' and transcript turns 'WALLACE: ...'."""
    text, doc = ctx.text, ctx.doc
    claims: list[Claim] = []
    for frame in colon_frames(text):
        end = frame.line_end
        while end > frame.content_start and (text[end - 1].isspace() or text[end - 1] in '"'):
            end -= 1
        # A quotation right after the colon is the quotes extractor's.
        opens_quote = any(m.outer_start == frame.content_start for m in direct)
        if end <= frame.content_start or opens_quote:
            continue
        lo, hi = tokens.first(frame.content_start), tokens.last(end) + 1
        head = doc[tokens.last(frame.source_end)]
        name = text[frame.source_start : frame.source_end]
        actor = actor_for(ctx, range(head.i, head.i + 1))
        source = Source(
            name=name,
            kind=source_kind(name, head, ctx.actor_index.kind_of(actor)),
            actor=actor,
            start=frame.source_start,
            end=frame.source_end,
        )
        claims.append(_claim(ctx, (lo, hi), source, (frame.colon, frame.colon + 1), []))
    return claims


@extractor(
    "claims",
    produces="claims",
    requires=("actors", "actor_index", "quotes", "quote_marks", "hedges"),
)
def extract_claims(ctx: Context) -> list[Claim]:
    """Attributed statements with source, sourcing chain, cue and hedges."""
    if not len(ctx.doc):
        return []
    marked = ctx.quote_marks
    quotes: list[Quote] = ctx.results.get("quotes", [])
    partial_at = {(q.start, q.end) for q in quotes if q.partial}
    direct = [m for m in marked if (m.start, m.end) not in partial_at]
    tokens = Tokens(ctx, direct)
    claims = [
        *_from_verbs(ctx, tokens, direct),
        *_from_nouns(ctx, tokens, direct),
        *_according_to(ctx, tokens, direct),
        *_from_colons(ctx, tokens, direct),
        *_described_as(ctx, tokens, direct),  # last: the other claims keep their ids
    ]
    claims.sort(key=lambda c: c.content.start)
    return claims
