"""Quotes: direct and partial quotations, each with its speaker and cue verb.

Finds text between quotation marks (straight ``"``, curly double, and curly
single marks that open and close a phrase) and attributes it from the frame
around it:

- after the quote: ``"...," he said`` / ``"...," said the minister``;
- before it: ``X said: "..."``, ``X told reporters "..."``;
- a quote split around its cue, or a paragraph that is only a quotation right
  after a quoted paragraph, inherits the previous quote's speaker;
- a quotation signed with a dash (``"..." -- A Name``) or opened by a
  headline/transcript speaker (``Name: "..."``);
- a partial quote (a short phrase inside a sentence: pledged "absolute
  loyalty") takes the subject of the nearest governing speech or stance verb.

Scare quotes (no governing speech or stance verb) get ``speaker=None``. A quote
left open at the end of a paragraph runs to that paragraph's end, which is how
news prints a quotation that goes on in the next paragraph. What it doesn't do:
nested quotations are kept inside the outer quote, straight single quotes
(apostrophes) are never treated as marks, and a speaker named only in an
earlier sentence ("He spoke slowly. 'We are tired.'") is not found unless the
actors extractor resolved it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Token

from flashpoint import lexicon as lexicon_words
from flashpoint.datafiles import load_yaml
from flashpoint.extractors.context import Context
from flashpoint.extractors.quotemarks import Marked
from flashpoint.models import Quote, Span, Speaker
from flashpoint.registry import extractor

# --- the lexicon -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """flashpoint/data/attribution.yaml, compiled for fast lookups."""

    speech_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    colon_labels: frozenset[str]
    according: tuple[str, ...]
    hedges: re.Pattern[str]
    hedge_kinds: dict[str, str]  # lower-case phrase -> HedgeKind
    media: re.Pattern[str]
    media_nouns: frozenset[str]
    official: re.Pattern[str]
    anonymous: re.Pattern[str]
    expert_nouns: frozenset[str]
    document_nouns: frozenset[str]
    number_words: dict[str, int | None]


def _phrases(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word pattern; longest phrases first so they win."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def lexicon() -> AttributionLexicon:
    """The attribution lexicon, read once per process."""
    raw: dict[str, Any] = load_yaml("attribution.yaml")
    hedge_kinds = {
        phrase.lower(): kind for kind, phrases in raw["hedges"].items() for phrase in phrases
    }
    return AttributionLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        stance_verbs=frozenset(raw["stance_verbs"]),
        citing_verbs=frozenset(raw["citing_verbs"]),
        infinitive_verbs=frozenset(raw["infinitive_speech_verbs"]),
        reporting_nouns=frozenset(raw["reporting_nouns"]),
        colon_labels=frozenset(w.lower() for w in raw["colon_labels"]),
        according=tuple(raw["according_phrases"]),
        hedges=_phrases(list(hedge_kinds)),
        hedge_kinds=hedge_kinds,
        media=_phrases(raw["media_outlets"]),
        media_nouns=frozenset(raw["media_nouns"]),
        official=_phrases(raw["official_titles"]),
        anonymous=_phrases(raw["anonymous_phrases"]),
        expert_nouns=frozenset(raw["expert_nouns"]),
        document_nouns=frozenset(raw["document_nouns"]),
        number_words={
            **lexicon_words.cardinals(),
            **{k.lower(): v for k, v in raw["number_words"].items()},
        },
    )


# "Pence: ...", "WALLACE: ...": a short capitalised name and a colon opening a line.
_COLON_FRAME = re.compile(
    r"^[\"\u201c]?(?P<src>[A-Z][\w.'\u2019&-]*(?:[ ](?:[A-Z][\w.'\u2019&-]*|of|the|de)){0,5})"
    r":[ \t]+(?=\S)",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class ColonFrame:
    """A speaker named before a colon at a line start; content runs to the line end."""

    source_start: int
    source_end: int
    colon: int
    content_start: int
    line_end: int


def colon_frames(text: str) -> list[ColonFrame]:
    """Every 'Name: ...' line opening in ``text`` (labels like 'Update:' excluded)."""
    labels = lexicon().colon_labels
    frames: list[ColonFrame] = []
    for found in _COLON_FRAME.finditer(text):
        src = found.group("src")
        if src.lower() in labels or any(ch.isdigit() for ch in src):
            continue
        line_end = text.find("\n", found.end())
        s, e = found.span("src")
        frames.append(ColonFrame(s, e, e, found.end(), len(text) if line_end < 0 else line_end))
    return frames


# --- the frame around a quote ----------------------------------------------------

_SUBJECTS = lexicon_words.subject_deps()
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_AFTER_WINDOW = 20  # tokens after a quote in which '..., he said' is looked for
_BEFORE_WINDOW = 25  # tokens before a quote in which 'X said: ...' is looked for
_PRONOUNS = lexicon_words.pronouns(cases=("subject",))
_NOMINAL = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM"})
_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_DASH_NAME = re.compile(
    rf"[^\S\n]*[\u2015\u2014\u2013-]+[^\S\n]*(?P<name>{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,4}})"
)


class Tokens:
    """Character-offset lookups over a parsed document, built once per document."""

    def __init__(self, ctx: Context, marked: Sequence[Marked]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        # As one array: a Token object per token is slow.
        self.starts: list[int] = self.doc.to_array([IDX]).tolist() if len(self.doc) else []
        # Which tokens sit inside a quotation (so cue verbs inside quotes are skipped).
        self.quoted = [False] * len(self.doc)
        for m in marked:
            for i in range(self.first(m.start), self.last(m.end) + 1):
                self.quoted[i] = True

    def first(self, char: int) -> int:
        """The first token starting at or after ``char``."""
        return min(bisect_left(self.starts, char), len(self.doc) - 1)

    def last(self, char: int) -> int:
        """The last token starting before ``char``."""
        return max(bisect_right(self.starts, char - 1) - 1, 0)


def is_cue(tok: Token, verbs: frozenset[str]) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, following conjunctions, open complements and relative clauses."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "observers who said ..." -> observers
            return subj
        if verb.dep_ == "xcomp":
            # Object control: "prompting the president to declare" -> the president.
            obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is not None:
                return obj
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "he paused and said", "went on to say", "wrote, saying"
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "footage of the senator saying ..." -> the senator
        return None
    return None


def phrase_bounds(tok: Token, tokens: Tokens) -> tuple[int, int]:
    """Token range [lo, hi) of the noun phrase headed by ``tok``, trimmed to sane limits."""
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    # A phrase that runs into a quote or grows a long clause is cut back to its core.
    if hi - lo > 12 or any(tokens.quoted[i] for i in range(lo, hi)):
        lo = min([c.left_edge.i for c in tok.lefts if not tokens.quoted[c.i]] + [tok.i])
        hi = tok.i + 1
        for c in tok.rights:  # keep name parts and "of the sources"
            if c.dep_ in ("compound", "flat", "appos", "prep") and c.right_edge.i - tok.i < 8:
                hi = c.right_edge.i + 1
    doc = tok.doc
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def actor_for(ctx: Context, token_ids: range) -> str | None:
    """The Actor.id the actors extractor gave these tokens (or the mention overlapping them)."""
    index = ctx.actor_index
    for i in token_ids:
        found = index.at(i)
        if found is not None:
            return found
    first, last = ctx.doc[token_ids.start], ctx.doc[token_ids.stop - 1]
    return index.overlapping(first.idx, last.idx + len(last))


def speaker_of(ctx: Context, tok: Token, tokens: Tokens) -> Speaker:
    """A Speaker for the subject token ``tok`` (pronouns take their actor's name).

    A relative clause after the name describes the speaker, it does not name them:
    '"...," said Ann Lee, who chairs the committee' -> Ann Lee.
    """
    lo, hi = phrase_bounds(tok, tokens)
    relative = [c.left_edge.i for c in tok.rights if c.dep_ == "relcl" and c.left_edge.i < hi]
    if relative:
        hi = max(min(relative), tok.i + 1)
        doc = tok.doc
        while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
    return speaker_in(ctx, lo, hi, tok)


def speaker_in(ctx: Context, lo: int, hi: int, head: Token) -> Speaker:
    """A Speaker for tokens [lo, hi) headed by ``head``."""
    doc = ctx.doc
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    actor = actor_for(ctx, range(head.i, head.i + 1))
    if actor is None and hi - lo > 1:
        actor = actor_for(ctx, range(lo, hi))
    name = ctx.text[start:end]
    if head.lower_ in _PRONOUNS and actor is not None:
        name = ctx.actor_index.name_of(actor) or name
    return Speaker(name=name, actor=actor, start=start, end=end)


def _speaker_after(ctx: Context, m: Marked, cue: Token, tokens: Tokens) -> Speaker | None:
    """The speaker in '"...," X said' or '"...," said X', trusting the words over the parse."""
    doc = ctx.doc
    gap_lo = tokens.first(m.outer_end)
    subj = subject_of(cue)
    if subj is not None and (gap_lo <= subj.i < cue.i or cue.i < subj.i <= cue.i + 8):
        return speaker_of(ctx, subj, tokens)
    gap = [j for j in range(gap_lo, cue.i) if not (doc[j].is_punct or doc[j].is_space)]
    if gap:
        lo, hi = gap[0], gap[-1] + 1
        head = max(doc[lo:hi], key=lambda t: (t.pos_ in ("PROPN", "NOUN", "PRON"), -t.i))
        return speaker_in(ctx, lo, hi, head)
    hi = cue.i + 1
    while hi < len(doc) and doc[hi].pos_ in _NOMINAL and not tokens.quoted[hi]:
        hi += 1
    if hi == cue.i + 1:
        return None
    return speaker_in(ctx, cue.i + 1, hi, doc[hi - 1])


def _dash_speaker(ctx: Context, m: Marked) -> Speaker | None:
    """'"..." ― A Name': a quotation signed with a dash and a name."""
    found = _DASH_NAME.match(ctx.text, m.outer_end)
    if not m.closed or found is None:
        return None
    start, end = found.span("name")
    return Speaker(name=found.group("name"), start=start, end=end)


def _cue_after(m: Marked, tokens: Tokens, verbs: frozenset[str]) -> Token | None:
    """'"...," he said': a cue verb just after the closing mark, in the same sentence."""
    doc = tokens.doc
    # A nested quote may close first: '"It is, 'enough,'" he said'.
    inner = tokens.ctx.text[m.start : m.end].rstrip(" '\u2019\u201d\"")
    after = tokens.ctx.text[m.outer_end : m.outer_end + 2].lstrip(" ")
    # Only a quote that ends on a comma, question or exclamation hands over to its cue.
    if not (inner[-1:] in ",?!\u2014-" or after[:1] in (",", "\u2014")):
        return None
    i = tokens.first(m.outer_end)
    if doc[i].idx < m.outer_end:
        return None
    for j in range(i, min(i + _AFTER_WINDOW, len(doc))):
        t = doc[j]
        if tokens.quoted[j] or "\n" in t.text or t.text in (".", ";"):
            return None
        if is_cue(t, verbs):
            return t
    return None


def _cue_before(m: Marked, tokens: Tokens, verbs: frozenset[str]) -> Token | None:
    """'X said: "..."': the nearest cue verb before the opening mark, same sentence.

    A quotation that opens its paragraph may be introduced by the end of the
    previous one ('The senator continued:').
    """
    doc, text = tokens.doc, tokens.ctx.text
    line_start = text.rfind("\n", 0, m.outer_start) + 1
    may_cross = not text[line_start : m.outer_start].strip() and text[:line_start].rstrip()[
        -1:
    ] in (":",)
    i = tokens.last(m.outer_start)
    for j in range(i, max(i - _BEFORE_WINDOW, -1), -1):
        t = doc[j]
        if "\n" in t.text or t.is_space:
            if may_cross:
                may_cross = False
                continue
            return None
        if tokens.quoted[j] or (t.is_sent_end and t.text in ".?!"):
            return None
        if is_cue(t, verbs):
            return t
    return None


def _is_partial(m: Marked, text: str) -> bool:
    """A quoted phrase inside a sentence rather than a quoted utterance."""
    before = text[max(0, m.outer_start - 3) : m.outer_start].rstrip()
    inner = text[m.start : m.end].strip()
    if not before or before[-1] in ":\n" or (before[-1] in ",." and inner[:1].isupper()):
        return False
    if m.outer_start == 0 or text[m.outer_start - 1] == "\n":
        return False
    words = len(inner.split())
    return not (inner[:1].isupper() and words >= 4 and inner[-1:] in ".?!,")


def _governing_verb(m: Marked, tokens: Tokens, verbs: frozenset[str]) -> Token | None:
    """The nearest speech/stance verb above a partial quote in the parse tree."""
    doc = tokens.doc
    lo, hi = tokens.first(m.start), tokens.last(m.end) + 1
    inside = doc[lo:hi]
    if not len(inside):
        return None
    tok = inside.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if is_cue(tok, verbs) and not tokens.quoted[tok.i]:
            return tok
    return None


def _sentence(ctx: Context, start: int, end: int) -> Span:
    first = ctx.sentence_at(start)
    last = ctx.sentence_at(max(start, end - 1))
    return ctx.span(first.start_char, max(first.end_char, last.end_char))


@extractor("quotes", produces="quotes", requires=("actors", "actor_index", "quote_marks"))
def extract_quotes(ctx: Context) -> list[Quote]:
    """Direct and partial quotations with speaker, cue and sentence."""
    text = ctx.text
    marked = ctx.quote_marks
    if not marked or not len(ctx.doc):
        return []
    lex = lexicon()
    tokens = Tokens(ctx, marked)
    quote_verbs = lex.speech_verbs
    partial_verbs = lex.speech_verbs | lex.stance_verbs
    quotes: list[Quote] = []
    previous: tuple[Marked, Quote] | None = None
    frames = colon_frames(text)
    colon_at = {f.content_start: f for f in frames}
    colon_inside = {f.source_start: f for f in frames}
    for m in marked:
        partial = _is_partial(m, text)
        cue: Token | None = None
        speaker: Speaker | None = None
        if not partial:
            cue = _cue_after(m, tokens, quote_verbs)
            if cue is not None:
                speaker = _speaker_after(ctx, m, cue, tokens)
        if cue is None:
            verbs = partial_verbs if partial else quote_verbs
            cue = (_governing_verb if partial else _cue_before)(m, tokens, verbs)
            subj = subject_of(cue) if cue is not None else None
            if subj is not None and not tokens.quoted[subj.i]:
                speaker = speaker_of(ctx, subj, tokens)
        cue_span = ctx.span(cue.idx, cue.idx + len(cue)) if cue is not None else None
        if speaker is None and cue is None and not partial:
            speaker = _dash_speaker(ctx, m)
            # 'Name: "..."' names the speaker; '"NAME: ..."' is a quoted transcript turn.
            frame = colon_at.get(m.outer_start) or colon_inside.get(m.start)
            if speaker is None and frame is not None:
                speaker = Speaker(
                    name=text[frame.source_start : frame.source_end],
                    start=frame.source_start,
                    end=frame.source_end,
                )
                cue_span = ctx.span(frame.colon, frame.colon + 1)
        if speaker is None and not partial and previous is not None:
            speaker = _inherited(m, previous, text)
        quote = Quote(
            id=ctx.new_id("q"),
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            speaker=speaker,
            cue=cue_span,
            partial=partial,
            sentence=_sentence(ctx, m.start, m.end),
        )
        quotes.append(quote)
        if not partial:
            previous = (m, quote)
    return quotes


def _inherited(m: Marked, previous: tuple[Marked, Quote], text: str) -> Speaker | None:
    """The previous quote's speaker for a continuation of the same quotation."""
    prev_m, prev_q = previous
    if prev_q.speaker is None:
        return None
    if m.paragraph == prev_m.paragraph:
        # '"A," he said. "B."': only the cue clause lies between the two parts.
        between = text[prev_m.outer_end : m.outer_start]
        return prev_q.speaker if len(between) < 80 and between.rstrip()[-1:] in ".:," else None
    if m.paragraph == prev_m.paragraph + 1:
        # A paragraph that opens with a quotation right after a quoted paragraph.
        line_start = text.rfind("\n", 0, m.outer_start) + 1
        if not text[line_start : m.outer_start].strip():
            prev_line_end = text.find("\n", prev_m.outer_end)
            tail = text[prev_m.outer_end : prev_line_end if prev_line_end >= 0 else None]
            if not prev_m.closed or len(tail.strip()) < 60:
                return prev_q.speaker
    return None
