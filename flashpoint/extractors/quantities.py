"""Reported figures: how many troops, strikes, dead, arrested, displaced, dollars.

Finds numbers written in digits ("15,000", "1.5", "2bn"), in words ("three",
"twenty-five", "two dozen", "1.5 million", "half a million") and vague plurals
("hundreds", "tens of thousands", "several hundred"), and for each one:

- ``value``: the number as a float; vague plurals give the round number they name
  with qualifier ``at_least`` ("hundreds" -> 100, at least), see ``units.yaml``;
- ``qualifier``: from the words before it ("at least", "more than", "nearly",
  "up to", "fewer than", ...) or after it ("or more"); a range ("between 20 and 30",
  "20-30") keeps its lower end, ``at_least``;
- ``unit``: what is counted, read from the parse: the noun the number modifies
  ("15,000 troops"), the noun after "of" ("hundreds of protesters"), money ("$",
  "dollars" -> "US dollars"), percentages ("percent"), and casualty counts, where a
  casualty verb or adjective turns the count into an outcome: "killing at least 83
  people", "83 people were killed", "12 of them died", "12 dead", "the death toll rose
  to 45" -> "people killed" (and "injured", "arrested", "displaced", ...).

It skips numbers that are not figures: anything inside a time expression found by
the ``times`` extractor or tagged DATE/TIME with a time word, durations and ages ("22
weeks", "a 34-year-old", "Smith, 34,"), years, clock times, ordinals, phone numbers,
identifiers ("Resolution 2231", "Flight 17"), multipliers ("three times"), numbers
glued to a modifier ("a 10-member panel"), the sourcing of a story ("citing four
sources"), small numbers pointing back ("the two countries"). A bare
number with nothing counted is kept only when it reads as an estimate ("thousands",
"more than 200"); "one" is kept only in a casualty count.

It does not resolve what a pronoun counts ("12 of them" -> "people"), follow counts
across sentences, or read spelled-out fractions ("half of the", "a third").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from spacy.tokens import Doc, Token

from flashpoint import lexicon as lexicon_words
from flashpoint.datafiles import load_yaml
from flashpoint.extractors.context import Context
from flashpoint.models import Qualifier, Quantity
from flashpoint.registry import extractor

# --- the lexicon -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Units:
    """flashpoint/data/units.yaml, compiled for fast lookups."""

    number_words: dict[str, float]
    scale_words: dict[str, float]
    scale_suffixes: dict[str, float]
    vague: dict[str, float]
    vague_qualifier: Qualifier
    vague_before: frozenset[str]
    before: dict[tuple[str, ...], Qualifier]
    after: dict[tuple[str, ...], Qualifier]
    longest_before: int
    currency_symbols: dict[str, str]
    currency_nouns: dict[str, str]
    count_nouns: dict[str, str]
    default_casualty_noun: str
    casualty_verbs: dict[str, str]
    intransitive: frozenset[str]
    casualty_adjectives: dict[str, str]
    toll_nouns: dict[str, str]
    time_nouns: frozenset[str]
    skip_nouns: frozenset[str]
    skip_before: frozenset[str]
    referential_before: frozenset[str]
    # Words that may sit inside a DATE entity that is really a count ("between 20 and 30").
    numeric_vocabulary: frozenset[str]


def _phrase_table(raw: dict[str, str]) -> dict[tuple[str, ...], Qualifier]:
    return {tuple(k.lower().split()): cast(Qualifier, v) for k, v in raw.items()}


@cache
def units() -> Units:
    """The units lexicon, read once per process."""
    raw: dict[str, Any] = load_yaml("units.yaml")
    before = _phrase_table(raw["qualifiers_before"])
    number_words = {k: float(v) for k, v in lexicon_words.cardinals().items()}
    scale_words = {k: float(v) for k, v in raw["scale_words"].items()}
    vague = {k: float(v) for k, v in raw["vague_numbers"].items()}
    vocabulary = {w for phrase in before for w in phrase}
    vocabulary |= set(number_words) | set(scale_words) | set(vague) | {"and", "to", "between"}
    return Units(
        number_words=number_words,
        scale_words=scale_words,
        scale_suffixes={k: float(v) for k, v in raw["scale_suffixes"].items()},
        vague=vague,
        vague_qualifier=raw["vague_qualifier"],
        vague_before=frozenset(raw["vague_before"]),
        before=before,
        after=_phrase_table(raw["qualifiers_after"]),
        longest_before=max(len(p) for p in before),
        currency_symbols=dict(raw["currency_symbols"]),
        currency_nouns=dict(raw["currency_nouns"]),
        count_nouns={str(k): v for k, v in raw["count_nouns"].items()},
        default_casualty_noun=raw["default_casualty_noun"],
        casualty_verbs=dict(raw["casualty_verbs"]),
        intransitive=frozenset(raw["intransitive_casualty_verbs"]),
        casualty_adjectives=dict(raw["casualty_adjectives"]),
        toll_nouns=dict(raw["toll_nouns"]),
        time_nouns=frozenset(str(w) for w in raw["time_nouns"]),
        skip_nouns=frozenset(raw["skip_nouns"]),
        skip_before=frozenset(str(w) for w in raw["skip_before"]),
        referential_before=frozenset(raw["referential_before"]),
        numeric_vocabulary=frozenset(vocabulary),
    )


# --- reading one number --------------------------------------------------------

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$")
_RANGE = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
_NOT_FIGURE_ENTS = frozenset(
    {"ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}
    | {"LAW", "NORP", "LANGUAGE"}
)
_TIME_ENTS = frozenset({"DATE", "TIME"})


def _digits(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    return None


def _word_value(tok: Token, lex: Units) -> tuple[str, float] | None:
    """What one token contributes to a number: ("num"|"scale"|"vague", value)."""
    text = tok.text
    if text[:1].isdigit():
        value = _digits(text)
        if value is not None:
            # Leading zeros are codes and phone numbers, not counts ("0958").
            if len(text) > 1 and text[0] == "0" and text[1] != ".":
                return None
            return ("num", value)
        match = _SUFFIXED.match(text.lower())
        if match and match.group(2) in lex.scale_suffixes:
            return ("num", float(match.group(1).replace(",", "")) * lex.scale_suffixes[match[2]])
        return None
    lower = tok.lower_
    if lower in lex.number_words:
        return ("num", lex.number_words[lower])
    if lower in lex.scale_words:
        return ("scale", lex.scale_words[lower])
    if lower in lex.vague:
        return ("vague", lex.vague[lower])
    return None


@dataclass(slots=True)
class Number:
    """A run of tokens that together write one number."""

    first: int  # token indices, inclusive
    last: int
    value: float
    vague: bool = False
    words_only: bool = False  # written without digits ("three"): more often not a figure
    range_end: int | None = None  # last token of "20-30", "between 20 and 30"


def _read_number(doc: Doc, i: int, lex: Units) -> Number | None:
    """The number starting at token ``i`` (which must carry a value), or None."""
    head = _word_value(doc[i], lex)
    if head is None:
        return None
    kind, value = head
    if kind == "vague":
        return _read_vague(doc, i, value, lex)
    # "several hundred", "a few thousand": a bare scale word after a vague one.
    vague = kind == "scale" and i > 0 and doc[i - 1].lower_ in lex.vague_before
    total, current = 0.0, 0.0
    words_only = not doc[i].text[:1].isdigit()
    j, last, prev_kind = i, i, ""
    while j < len(doc):
        tok = doc[j]
        part = _word_value(tok, lex)
        glued = prev_kind == "num" and not doc[j - 1].whitespace_
        # "twenty-five": a hyphen glued between two number words.
        if (
            part is None
            and glued
            and tok.text in {"-", "–"}
            and j + 1 < len(doc)
            and doc[j + 1].lower_ in lex.number_words
        ):
            j += 1
            continue
        # "1.5m", "2bn" when the tokenizer splits the suffix off.
        if part is None and glued and tok.lower_ in lex.scale_suffixes:
            part = ("scale", lex.scale_suffixes[tok.lower_])
        if part is None or part[0] == "vague":
            break
        p_kind, p_value = part
        if j > i and p_kind == "num" and not _continues(tok, prev_kind, current, p_value):
            break
        if p_kind == "scale":
            current = (current or 1.0) * p_value
            if p_value >= 1000:
                total += current
                current = 0.0
        else:
            current += p_value
        prev_kind, last = p_kind, j
        j += 1
    value = total + current
    if vague:  # the vague words belong to the phrase: "a few hundred"
        i -= 2 if i > 1 and doc[i - 1].lower_ == "few" and doc[i - 2].lower_ == "a" else 1
    elif (
        kind == "scale"
        and i > 1
        and doc[i - 1].lower_ in {"a", "an"}
        and doc[i - 2].lower_ == "half"
    ):
        value, i = value / 2, i - 2  # "half a million"
    return Number(first=i, last=last, value=value, vague=vague, words_only=words_only)


def _continues(tok: Token, prev_kind: str, current: float, value: float) -> bool:
    """Whether a number word extends the number so far ("one hundred twenty", "twenty five").

    Digits never continue one ("in 2013 2,000 troops"): they start a new number.
    """
    if tok.text[:1].isdigit():
        return False
    if prev_kind == "scale":
        return True
    return current >= 20 and current % 10 == 0 and value < 10


def _read_vague(doc: Doc, i: int, value: float, lex: Units) -> Number:
    """ "hundreds", "tens of thousands", "hundreds of millions"."""
    last = i
    if (
        i + 2 < len(doc)
        and doc[i + 1].lower_ == "of"
        and doc[i + 2].lower_ in lex.vague
        and lex.vague[doc[i + 2].lower_] > value
    ):
        value *= lex.vague[doc[i + 2].lower_]
        last = i + 2
    return Number(first=i, last=last, value=value, vague=True, words_only=True)


# --- the extractor -----------------------------------------------------------------


@extractor("quantities", produces="quantities", requires=("times",))
def extract_quantities(ctx: Context) -> list[Quantity]:
    """Reported figures with value, qualifier and what is counted."""
    lex = units()
    doc = ctx.doc
    time_starts, time_ends = _time_spans(ctx)
    found: list[Quantity] = []
    vague = lex.vague
    resume = 0  # the token after the last number read
    for tok in doc:
        # The cheap lexical test first: most tokens are not numbers.
        if tok.i < resume or not (tok.like_num or tok.text[:1].isdigit() or tok.lower_ in vague):
            continue
        number = _read_number(doc, tok.i, lex) or _read_range_token(doc, tok.i)
        if number is None:
            continue
        _extend_range(doc, number, lex)
        resume = (number.range_end or number.last) + 1
        if _inside(doc[number.first].idx, time_starts, time_ends):
            continue
        quantity = _figure(ctx, number, lex)
        if quantity is not None:
            found.append(quantity)
    return found


def _time_spans(ctx: Context) -> tuple[list[int], list[int]]:
    spans = sorted((t.start, t.end) for t in ctx.results.get("times", []))
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(char: int, starts: list[int], ends: list[int]) -> bool:
    k = bisect_right(starts, char) - 1
    return k >= 0 and char < ends[k]


def _read_range_token(doc: Doc, i: int) -> Number | None:
    """A range written as one token: "20-30"."""
    match = _RANGE.match(doc[i].text)
    if not match:
        return None
    low, high = _digits(match.group(1)), _digits(match.group(2))
    if low is None or high is None or not low < high:
        return None
    return Number(first=i, last=i, value=low, range_end=i)


def _extend_range(doc: Doc, number: Number, lex: Units) -> None:
    """Join "20 to 30", "20-30" and "between 20 and 30" into one figure: the lower end."""
    if number.range_end is not None or number.vague:
        return
    k = number.last + 1
    if k + 1 >= len(doc):
        return
    link = doc[k].lower_
    before = doc[number.first - 1].lower_ if number.first > 0 else ""
    if link == "and" and before != "between":
        return
    if link not in {"to", "-", "–", "and"} or before == "from":
        return
    other = _read_number(doc, k + 1, lex)
    if other is not None and number.value < other.value:
        number.range_end = other.last


def _figure(ctx: Context, number: Number, lex: Units) -> Quantity | None:
    doc = ctx.doc
    first = doc[number.first]
    end_tok = doc[number.range_end if number.range_end is not None else number.last]
    if _not_a_figure(doc, number, lex):
        return None
    start_i = number.first
    end_i = end_tok.i
    unit: str | None = None
    noun: Token | None = None

    # Money: a currency symbol before the number, or a currency noun after it.
    symbol = doc[start_i - 1] if start_i > 0 else None
    if symbol is not None and symbol.text in lex.currency_symbols:
        unit = lex.currency_symbols[symbol.text]
        start_i -= 1

    after = doc[end_i + 1] if end_i + 1 < len(doc) else None
    if unit is None and after is not None:
        if after.text == "%" or after.lower_ in {"percent", "pct"}:
            unit, end_i = "percent", end_i + 1
        elif after.lower_ == "per" and end_i + 2 < len(doc) and doc[end_i + 2].lower_ == "cent":
            unit, end_i = "percent", end_i + 2

    of_noun = False
    if unit is None:
        noun = _counted_noun(doc, end_tok)
        if noun is None and end_tok.i != number.last:
            noun = _counted_noun(doc, doc[number.last])
        if noun is not None:
            lemma = noun.lemma_.lower()
            if lemma in lex.time_nouns or noun.lower_ in lex.time_nouns or lemma in lex.skip_nouns:
                return None
            of_noun = noun.i > end_i + 1 and doc[end_i + 1].lower_ == "of"
            # A number inside a proper name: "10 Downing Street".
            if noun.pos_ == "PROPN" and any(t.pos_ == "PROPN" for t in doc[end_i + 1 : noun.i]):
                return None
            end_i = max(end_i, noun.i)
            if noun.pos_ != "PRON":
                unit = lex.currency_nouns.get(lemma) or lex.count_nouns.get(lemma)
                if unit is None:
                    unit = noun.text if noun.pos_ == "PROPN" else noun.lower_

    # Casualty counts: who was killed, injured, arrested, displaced. With "N of X" the
    # number itself, not X, is what the verb governs ("hundreds of them were arrested").
    outcome, outcome_end = _casualty(doc, number, None if of_noun else noun, lex)
    if outcome is not None and unit not in _not_people():
        if unit is None or not unit.endswith(f" {outcome}"):
            unit = f"{unit or lex.default_casualty_noun} {outcome}"
        end_i = max(end_i, outcome_end)

    qualifier, start_q = _qualifier_before(doc, start_i, lex)
    qualifier_after, end_q = _qualifier_after(doc, end_i, lex)
    if number.range_end is not None and qualifier == "exact":
        qualifier = "at_least"
        if doc[number.first - 1].lower_ == "between":
            start_q = number.first - 1
    if qualifier == "exact":
        qualifier = qualifier_after
    if qualifier == "exact" and number.vague:
        qualifier = lex.vague_qualifier
    start_i = min(start_i, start_q)
    end_i = max(end_i, end_q)

    # Nothing counted: keep only what reads as an estimate of a count.
    if unit is None and (qualifier == "exact" or number.range_end is not None):
        return None
    # Small numbers in words are figures only in a casualty count or with their noun,
    # and not when they point back to things already named ("the two countries").
    if number.words_only and number.value < 10 and outcome is None:
        before = doc[start_i - 1].lower_ if start_i > 0 else ""
        if unit is None or number.value <= 1 or before in lex.referential_before:
            return None

    span_start = doc[start_i].idx
    span_end = doc[end_i].idx + len(doc[end_i])
    return Quantity(
        id=ctx.new_id("n"),
        start=span_start,
        end=span_end,
        text=ctx.text[span_start:span_end],
        value=number.value,
        unit=unit,
        qualifier=qualifier,
        sentence=ctx.of(ctx.sentence_at(first.idx)),
    )


@cache
def _not_people() -> frozenset[str]:
    """Units that are never casualty counts, whatever verb governs them."""
    lex = units()
    return frozenset({"percent", *lex.currency_symbols.values(), *lex.currency_nouns.values()})


def _not_a_figure(doc: Doc, number: Number, lex: Units) -> bool:
    """Dates, years, clock times, ages, identifiers, phone numbers."""
    first, last = doc[number.first], doc[number.last]
    prev = doc[number.first - 1] if number.first > 0 else None
    nxt = doc[number.last + 1] if number.last + 1 < len(doc) else None
    for tok in doc[number.first : number.last + 1]:
        if tok.ent_type_ in _NOT_FIGURE_ENTS:
            return True
        if tok.ent_type_ in _TIME_ENTS and _time_entity(doc, tok, lex):
            return True
    if ":" in first.text:
        return True
    # "22 weeks", "10 times": a time word or multiplier right after the number.
    if nxt is not None and (nxt.lower_ in lex.time_nouns or nxt.lemma_.lower() in lex.skip_nouns):
        return True
    # "a 34-year-old", "two-way talks", "a 10-member team": a number glued by a hyphen
    # to a word modifies the noun after it; it does not count it.
    if (
        nxt is not None
        and nxt.text in {"-", "–"}
        and not last.whitespace_
        and not nxt.whitespace_
        and number.last + 2 < len(doc)
        and doc[number.last + 2].is_alpha
    ):
        return True
    if prev is not None:
        word = prev.lower_
        if word == "." and number.first > 1 and not doc[number.first - 2].whitespace_:
            word = doc[number.first - 2].lower_ + "."  # "No. 10" splits as "No", "."
        if word in lex.skip_before:
            return True
        # Phone numbers and codes: digits glued to "+", "/", or a hyphenated digit run.
        if (
            prev.text in {"+", "/", "-"}
            and not prev.whitespace_
            and number.first > 1
            and doc[number.first - 2].text[:1].isdigit()
        ):
            return True
        # Ages in apposition: "Juan Perez, 34, was detained", "Perez (34)".
        if (
            prev.text in {",", "("}
            and number.first > 1
            and doc[number.first - 2].pos_ == "PROPN"
            and nxt is not None
            and nxt.text in {",", ")"}
            and number.value < 130
        ):
            return True
    if (
        nxt is not None
        and nxt.text in {"-", "/"}
        and not nxt.whitespace_
        and number.range_end is None
    ):
        after = doc[number.last + 2] if number.last + 2 < len(doc) else None
        if after is not None and after.text[:1].isdigit() and not last.whitespace_:
            return True
    # Identifiers: a number after the noun it names ("Resolution 2231", "Boeing 737").
    if (
        last.dep_ in {"nummod", "appos", "compound"}
        and last.head.i == number.first - 1
        and last.head.pos_ in {"NOUN", "PROPN"}
        and number.range_end is None
    ):
        return True
    # Years: four bare digits in the range news talks about, counting nothing.
    text = first.text
    return (
        number.first == number.last
        and len(text) == 4
        and text.isdigit()
        and 1800 <= number.value <= 2100
        and not (last.dep_ == "nummod" and last.head.i > last.i)
    )


def _time_entity(doc: Doc, tok: Token, lex: Units) -> bool:
    """A DATE/TIME entity with a time word in it; "between 20 and 30" alone is not one."""
    ent_start = tok.i
    while ent_start > 0 and doc[ent_start - 1].ent_iob_ == "I" and doc[ent_start].ent_iob_ != "B":
        ent_start -= 1
    ent_end = tok.i
    while ent_end + 1 < len(doc) and doc[ent_end + 1].ent_iob_ == "I":
        ent_end += 1
    for other in doc[ent_start : ent_end + 1]:
        if other.is_alpha and other.lower_ not in lex.numeric_vocabulary:
            return True
    # A lone four-digit number tagged DATE is a year.
    return ent_start == ent_end and len(tok.text) == 4 and tok.text.isdigit()


def _counted_noun(doc: Doc, last: Token) -> Token | None:
    """The noun saying what is counted: "15,000 troops", "hundreds of protesters"."""
    head = last.head
    if (
        last.dep_ in {"nummod", "quantmod", "amod", "compound"}
        and head.i > last.i
        and head.pos_ in {"NOUN", "PROPN"}
    ):
        return head
    nxt = last.i + 1
    if nxt + 1 < len(doc) and doc[nxt].lower_ == "of":
        obj = doc[nxt + 1]
        # "hundreds of protesters", "12 of them", "dozens of the wounded".
        k = nxt + 1
        while k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        if k < len(doc):
            obj = doc[k]
            for child in doc[nxt].children:
                if child.dep_ == "pobj":
                    return child
            if obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                return obj
    # The parser sometimes misses the link: take the noun closing the phrase after it.
    k = nxt
    while k < len(doc) and k <= last.i + 4 and doc[k].pos_ in {"ADJ", "NOUN", "PROPN"}:
        if doc[k].pos_ == "NOUN" and doc[k].head.i <= k:
            return doc[k]
        k += 1
    return None


def _casualty(doc: Doc, number: Number, noun: Token | None, lex: Units) -> tuple[str | None, int]:
    """The outcome ("killed", "injured", ...) a casualty word gives the count, and its end."""
    last = doc[number.range_end if number.range_end is not None else number.last]
    # "12 dead", "30 wounded": an outcome word right after the bare number.
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        noun is None
        and after is not None
        and after.lower_ in lex.casualty_adjectives
        and after.pos_ in {"ADJ", "VERB"}
    ):
        return lex.casualty_adjectives[after.lower_], after.i
    # The nominal that plays the victim role: the counted noun, or the number itself.
    nominal = noun if noun is not None and noun.pos_ != "PRON" else doc[number.last]
    while nominal.dep_ == "conj" and nominal.head.pos_ in {"NOUN", "NUM", "PROPN"}:
        nominal = nominal.head
    verb = nominal.head
    lemma = verb.lemma_.lower()
    if lemma in lex.casualty_verbs:
        if nominal.dep_ in {"dobj", "nsubjpass"} and lemma not in lex.intransitive:
            return lex.casualty_verbs[lemma], last.i
        if nominal.dep_ == "nsubj" and (
            lemma in lex.intransitive or verb.tag_ == "VBN" or _passive(verb)
        ):
            return lex.casualty_verbs[lemma], last.i
    # "dozens were missing", "12 were dead": an outcome adjective after "be".
    if nominal.dep_ == "nsubj" and lemma == "be":
        for child in verb.children:
            if child.dep_ == "acomp" and child.lower_ in lex.casualty_adjectives:
                return lex.casualty_adjectives[child.lower_], last.i
    # "people killed in the strike", "people who were killed": a participle or relative
    # clause on the noun, unless the clause has a victim of its own ("children whose
    # parents were killed").
    for child in nominal.children:
        if (
            child.dep_ in {"acl", "relcl"}
            and child.lemma_.lower() in lex.casualty_verbs
            and not any(g.dep_ in _SUBJECTS and g.tag_ not in _RELATIVES for g in child.children)
        ):
            return lex.casualty_verbs[child.lemma_.lower()], last.i
    # "the death toll rose to 45", "a toll of 12".
    toll = _toll(doc[number.last], lex)
    if toll is not None:
        return toll, last.i
    return None, last.i


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "dobj"})
_RELATIVES = frozenset({"WDT", "WP", "WP$"})


def _passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children)


def _toll(tok: Token, lex: Units) -> str | None:
    holder = tok.head
    if tok.dep_ == "pobj" and holder.dep_ == "prep":
        holder = holder.head
    elif tok.dep_ not in {"attr", "dobj", "npadvmod"}:
        return None
    if holder.lemma_.lower() in lex.toll_nouns:
        return lex.toll_nouns[holder.lemma_.lower()]
    if holder.pos_ in {"VERB", "AUX"}:
        for child in holder.children:
            if child.dep_ == "nsubj" and child.lemma_.lower() in lex.toll_nouns:
                return lex.toll_nouns[child.lemma_.lower()]
    return None


def _qualifier_before(doc: Doc, start: int, lex: Units) -> tuple[Qualifier, int]:
    """The longest qualifier phrase ending right before token ``start``."""
    for size in range(lex.longest_before, 0, -1):
        if start - size < 0:
            continue
        words = tuple(t.lower_ for t in doc[start - size : start])
        if words in lex.before:
            return lex.before[words], start - size
    return "exact", start


def _qualifier_after(doc: Doc, end: int, lex: Units) -> tuple[Qualifier, int]:
    for size in (2, 1):
        if end + size >= len(doc):
            continue
        words = tuple(t.lower_ for t in doc[end + 1 : end + 1 + size])
        if words in lex.after:
            return lex.after[words], end + size
    return "exact", end
