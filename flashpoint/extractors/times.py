"""Time expressions: every date, time, duration and frequency, with a TIMEX3 value.

Finds absolute dates ("November 21, 2025", "21 Nov 2025", "2025-11-21", "1998",
"the 1990s", "the 20th century"), month and season names ("since September",
"last fall"), quarters and halves ("the third quarter", "fiscal 2024 first half"),
weekdays and day words ("on Friday", "yesterday", "Monday morning", "tonight"),
relative periods ("last year", "this week", "two days ago", "a year earlier"),
durations ("22 weeks", "a two-year term", "the past three months"), frequencies
("every week", "daily") and clock times ("3 p.m.", "14:00 GMT"), plus the vague
references TimeML writes as PRESENT_REF, PAST_REF and FUTURE_REF ("now",
"recently", "the coming weeks").

Values are resolved against the publication date and the tense of the clause the
expression sits in (read from the spaCy parse of its governing verb): "met on
Friday" goes back, "will meet on Friday" goes forward, and a month without a year
is the nearest one in that direction. "Earlier"/"later" expressions shift the last
date the text resolved. Without a publication date, values that would need it stay
null (never guessed); absolute dates and durations still resolve.

Not handled: ranges as one expression ("March 3-5" gives March 3), holidays,
spelled-out years ("nineteen ninety-six"), fuzzy quantities of time used as
modifiers of other numbers, and temporal relations between events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc, Token

from flashpoint.datafiles import load_yaml
from flashpoint.extractors.context import Context
from flashpoint.lexicon import cardinals
from flashpoint.models import TimeExpression, TimeType
from flashpoint.registry import extractor
from flashpoint.schemas import TimeLexicon

Tense = Literal["past", "present", "future"]
Grain = Literal[
    "day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century"
]

# --- the lexicon (data file) --------------------------------------------------


Lexicon = TimeLexicon  # the validated data file is the lexicon


@cache
def lexicon() -> Lexicon:
    """The time lexicon from ``flashpoint/data/time_lexicon.yaml`` (its counting words
    joined by the cardinals of ``vocabulary.yaml``), read and validated once."""
    lx = TimeLexicon.model_validate(load_yaml("time_lexicon.yaml"))
    return lx.model_copy(update={"numbers": {**cardinals(), **lx.numbers}})


# --- calendar points ------------------------------------------------------------

_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar period: a representative day and the grain it is known to."""

    day: dt.date
    grain: Grain
    season: str | None = None

    @property
    def value(self) -> str:
        d = self.day
        if self.grain == "day":
            return d.isoformat()
        if self.grain in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{d.year}-{d.month:02d}"
        if self.grain == "quarter":
            return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{d.year}-H{(d.month - 1) // 6 + 1}"
        if self.grain == "season":
            return f"{d.year}-{self.season}"
        if self.grain == "decade":
            return str(d.year)[:3]
        if self.grain == "century":
            return f"{d.year // 100:02d}"
        return str(d.year)

    def shift(self, n: int, unit: str) -> Point:
        if unit == "day":
            return replace(self, day=self.day + dt.timedelta(days=n))
        if unit in ("week", "weekend"):
            return replace(self, day=self.day + dt.timedelta(weeks=n))
        return replace(self, day=_add_months(self.day, n * _UNIT_MONTHS.get(unit, 12)))


def _day_point(day: dt.date) -> Point:
    return Point(day, "day")


# --- patterns -------------------------------------------------------------------

_AMBIGUOUS_MONTHS = {"may", "march", "mar"}  # also a modal / a verb: capitalised only


def _alternation(words: dict[str, Any], *, abbreviations: bool = False) -> str:
    """A regex alternation of ``words``, longest first; abbreviations may end in '.'."""
    keys = sorted(words, key=len, reverse=True)
    parts = []
    for key in keys:
        is_abbr = abbreviations and any(o != key and o.startswith(key) for o in words)
        parts.append(re.escape(key).replace(r"\ ", r"\s+") + (r"\.?" if is_abbr else ""))
    return "(?:" + "|".join(parts) + ")"


def _bare_month_alternation(months: dict[str, int]) -> str:
    """Month names standing alone: abbreviations need their dot ("Jan." not "Jan"),
    and "May"/"March" need a word before them that introduces a time."""
    full = [k for k in months if not any(o != k and o.startswith(k) for o in months)]
    plain = [k for k in full if k not in _AMBIGUOUS_MONTHS]
    abbreviations = [re.escape(k) + r"\." for k in months if k not in full]
    cues = (
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid-",
        "during",
        "of",
        "before",
        "after",
        "between",
        "and",
        "or",
        "to",
    )
    behind = "|".join(rf"(?<=\b{c}\s)" if not c.endswith("-") else rf"(?<=\b{c})" for c in cues)
    ambiguous = "|".join(k.capitalize() for k in full if k in _AMBIGUOUS_MONTHS)
    words = "|".join(sorted(plain + abbreviations, key=len, reverse=True))
    return f"(?:{words}|(?:{behind})(?-i:{ambiguous}))"


def _month_alternation(months: dict[str, int]) -> str:
    plain = {k: v for k, v in months.items() if k not in _AMBIGUOUS_MONTHS}
    ambiguous = "|".join(
        k.capitalize() + (r"\.?" if len(k) == 3 else "") + "|" + k.upper()
        for k in sorted(_AMBIGUOUS_MONTHS, key=len, reverse=True)
    )
    return f"(?:{_alternation(plain, abbreviations=True)}|(?-i:{ambiguous}))"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    # Every match of the rule holds one of these words (lower-case letters, as
    # ``_letter_words`` splits a text), so a text without any skips the rule; None
    # when no word is needed ("2025-12-01", "last").
    anchors: frozenset[str] | None = None
    # Case matters somewhere in the pattern ("May" the month, "may" the verb): it runs
    # case-insensitively on the text itself, not on its lower-case copy.
    cased: bool = False


# Plural units that make a time alone after "for/over/in/within" ("for years").
_BARE_UNITS = ("centuries", "decades", "years", "months", "weeks", "days", "hours")
_LETTERS = re.compile(r"[^\W\d_]+")


def _letter_words(*groups: Iterable[str]) -> frozenset[str]:
    """The lower-case letter runs of every phrase in ``groups``."""
    return frozenset(w for group in groups for phrase in group for w in _LETTERS.findall(phrase))


@cache
def _rules() -> tuple[Rule, ...]:
    """Every candidate pattern, compiled once per process (order = priority on ties)."""
    lx = lexicon()
    mon = _month_alternation(lx.months)
    bare_mon = _bare_month_alternation(lx.months)
    wday = _alternation(lx.weekdays, abbreviations=True)
    num = _alternation(lx.numbers)
    ordinal = _alternation(lx.ordinals)
    unit = r"(?:centur(?:y|ies)|(?:" + "|".join(k for k in lx.units if k != "century") + r")s?)"
    part = _alternation(lx.parts_of_day)
    season = _alternation(lx.seasons)
    year = r"(?:1[6-9]|20)\d\d"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    mod = rf"(?:{_alternation(dict.fromkeys(lx.modifiers))}[-\s]+)?"
    tens = _alternation({w: v for w, v in cardinals().items() if v >= 20 and v % 10 == 0})
    ones = _alternation({w: v for w, v in cardinals().items() if 1 <= v <= 9})
    count = rf"(?:{tens}[-\s]{ones}|{num}|\d{{1,3}}(?:,\d{{3}})*(?:\.\d+|\s+1/2)?)"
    qual = rf"(?:{_alternation(dict.fromkeys(lx.qualifiers))}\s+)?"
    rel = _alternation(dict.fromkeys(lx.relatives))
    ref_words = _alternation(lx.references)
    set_words = _alternation(lx.sets)
    day_words = _alternation(lx.days)
    holidays = _alternation(lx.holidays).replace("'", "['’]")
    dur_rel = _alternation(dict.fromkeys(lx.duration_relatives))
    tz = rf"(?:\s+{_alternation(dict.fromkeys(lx.time_zones))})?"

    raw: list[tuple[str, str]] = [
        ("iso", rf"(?P<y>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
        ("numeric", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)?\d\d)"),
        (
            "mdy",
            rf"(?:(?P<wd>{wday}),?\s+)?{mod}(?:(?P<rel>last|next|this)\s+)?(?P<mon>{mon})\s+"
            rf"(?P<d>{day})(?!\d)"
            rf"(?:,?\s+(?P<y>{year}))?",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{wday}),?\s+)?(?:the\s+)?(?P<d>{day})(?:\s+of)?\s+(?P<mon>{mon})"
            rf"(?:,?\s+(?P<y>{year}))?",
        ),
        (
            "month_year",
            rf"{mod}(?P<mon>{mon})(?:(?:\s+of)?,?\s+(?P<y>{year})|\s+(?P<ry>this|last|next)\s+year)",
        ),
        ("month", rf"{mod}(?P<mon>{bare_mon})"),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{holidays})"),
        (
            "quarter",
            rf"(?:the\s+)?(?:(?P<y1>{year})\s+|(?P<ry>this|last|next)\s+year's\s+)?"
            r"(?:(?:comparable\s+)?(?P<ago>year-ago|year-earlier)\s+)?(?:(?:fiscal|calendar)\s+)?"
            rf"(?P<ord>{ordinal}|latest|current|last|past|previous|next|same|final|year-ago"
            r"|year-earlier|prior)[-\s]+(?:(?:fiscal|calendar)\s+)?(?P<qh>quarter|half)"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{year})|,?\s+(?P<y3>{year}))?",
        ),
        (
            "quarter_code",
            rf"(?-i:(?P<qh>Q))(?P<ord>[1-4])(?:\s+(?P<y1>{year}))?"
            rf"|(?-i:(?P<qh2>H))(?P<ord2>[12])\s+(?P<y4>{year})",
        ),
        ("the_quarter", r"the\s+(?:(?:fiscal|same)\s+)?(?P<qh>quarter)"),
        (
            "season",
            rf"{mod}(?:(?P<rel>{rel}|the)\s+(?P<season>{season})(?:(?:\s+of|,)?\s+(?P<y>{year}))?"
            rf"|(?P<season2>{season})(?:\s+of|,)?\s+(?P<y2>{year})|(?<=\bin\s)(?P<season3>{season}))"
            r"(?!\s+of\s+(?!\d))",
        ),
        (
            "relative",
            rf"(?:{mod}|(?P<dir>earlier|later)\s+)(?P<rel>{rel})\s+(?P<what>"
            rf"week|weekend|month|year|decade|century|{wday}|{mon})(?![-\w])",
        ),
        ("weekend", r"(?P<rel>the|this|last|next|this\s+past)\s+weekend"),
        (
            "daypart",
            rf"(?:(?P<base>{wday}|{day_words}|this|last|early\s+this|late\s+last)\s+)"
            rf"(?P<part>{part})|(?P<tonight>tonight|overnight)"
            rf"|(?:mid-|mid\s+|early\s+|late\s+)?(?P<part2>{part})\s+(?:on\s+)?(?P<base2>{wday}|{day_words})",
        ),
        (
            "day",
            rf"(?:(?:early|late)\s+)?(?:(?P<base>{wday}|{day_words})|the\s+day\s+"
            r"(?P<around>before\s+yesterday|after\s+tomorrow))",
        ),
        (
            "offset",
            rf"{qual}(?P<n>{count})[-\s]+(?P<unit>{unit})\s+(?P<dir>ago|earlier|later"
            r"|from\s+now|hence)(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)",
        ),
        # "hours ago", "moments ago" with no count: the report's own day
        ("just_ago", r"(?:(?:just|only|mere)\s+)?(?:hours|minutes|moments)\s+ago"),
        ("year_adj", r"(?:the\s+)?year-(?:ago|earlier)(?:\s+(?P<what>quarter|period|half))?"),
        (
            "the_period",
            r"the\s+(?P<which>(?:(?:latest|current|same|comparable|full|fiscal|calendar|year-ago"
            rf"|year-earlier)\s+)*)(?:(?P<y>{year})\s+)?(?:fiscal\s+)?(?P<what>period|year|week)"
            r"(?![-\w])(?P<ended>(?=\s+end(?:ed|ing)\b))?",
        ),
        (
            "duration",
            # "the" belongs to "the past two years" but not to "the three-day summit".
            rf"(?:(?:the\s+)?(?:{dur_rel}\s+)?{qual}(?P<n>{count})\s+(?P<unit>{unit})"
            rf"|(?:{dur_rel}\s+)?{qual}(?P<n2>{count})-(?P<unit2>{unit})(?:-long)?)"
            r"(?![-\s]+old\b)"
            # "a second offensive" is an ordinal, not a duration of one second.
            r"(?!(?<=second)\s+(?!(?:ago|later|earlier|after|before|apart|long)\b)[a-z])",
        ),
        (
            "anaphoric",
            rf"(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?P<what>day|week|month|year|{part})"
            rf"|the\s+(?P<rel>next|following|previous)\s+(?P<what2>day|{part})"
            r"|(?:earlier|later)\s+in\s+the\s+(?P<what3>day)",
        ),
        ("recent_units", r"recent\s+(?P<unit>decades|years|months|weeks|days)"),
        (
            "bare_units",
            r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bin\s)|(?<=\bwithin\s))"
            rf"(?P<unit>{'|'.join(_BARE_UNITS)})",
        ),
        (
            "the_past_unit",
            r"(?:the\s+)?(?P<rel>past|last|coming|next|following|previous)\s+"
            r"(?P<unit>week|month|year|decade|century)(?![-\w])",
        ),
        (
            "set",
            rf"(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{count})\s+)?"
            rf"(?P<what>{unit}|{wday}|{part}|weekend)"
            rf"|(?:once|twice|\w+\s+times)\s+(?:a|an|per|each)\s+(?P<per>{unit})"
            rf"|(?P<word>{set_words})",
        ),
        (
            "clock",
            r"(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
            + tz
            + r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)"
            + tz
            + r"|(?P<named>noon|midnight)",
        ),
        (
            "clock_day",
            rf"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b){tz}"
            rf"|(?P<named>noon|midnight))(?:\s+on)?\s+(?P<base>{wday}|{day_words})",
        ),
        (
            "decade",
            rf"(?:the\s+)?{mod}(?P<dec>(?:1[6-9]|20)\d)0'?s",
        ),
        ("century", rf"(?:the\s+)?(?P<ord>{ordinal}|\d{{1,2}}(?:st|nd|rd|th))\s+century"),
        ("year", rf"{mod}(?:(?:fiscal|calendar)\s+)?(?P<y>{year})(?!\s*%|\s*percent|\d|,\d)"),
        # "current"/"recent" as adjectives place a thing in the present/past,
        # except in fixed terms ("current account", "current affairs").
        ("reference", rf"(?P<ref>{ref_words})(?!\s+(?:accounts?|affairs|events)\b)"),
    ]
    units = [*lx.units, *(f"{u}s" for u in lx.units), "centuries"]
    ago = ("ago", "earlier", "later", "now", "hence")
    ampm = ("am", "pm", "m", "noon", "midnight")
    anchors = {
        "mdy": _letter_words(lx.months),
        "dmy": _letter_words(lx.months),
        "month_year": _letter_words(lx.months),
        "month": _letter_words(lx.months),
        "holiday": _letter_words(lx.holidays),
        "quarter": _letter_words(("quarter", "half")),
        "the_quarter": _letter_words(("quarter",)),
        "season": _letter_words(lx.seasons),
        "weekend": _letter_words(("weekend",)),
        "daypart": _letter_words(lx.parts_of_day, ("tonight", "overnight")),
        "day": _letter_words(lx.weekdays, lx.days),
        "offset": _letter_words(ago),
        "year_adj": _letter_words(("ago", "earlier")),
        "just_ago": _letter_words(("ago",)),
        "the_period": _letter_words(("period", "year", "week")),
        "duration": _letter_words(units),
        "anaphoric": _letter_words(("day", "week", "month", "year"), lx.parts_of_day),
        "recent_units": _letter_words(("recent",)),
        "bare_units": _letter_words(_BARE_UNITS),
        "the_past_unit": _letter_words(("week", "month", "year", "decade", "century")),
        "set": _letter_words(units, lx.sets, lx.weekdays, lx.parts_of_day, ("weekend",)),
        "clock_day": _letter_words(ampm),
        "century": _letter_words(("century",)),
    }
    return tuple(
        Rule(
            kind,
            re.compile(rf"(?<![\w$£€])(?:{body})(?![\w])", re.IGNORECASE if cased else 0),
            anchors.get(kind),
            cased,
        )
        for kind, body in raw
        for cased in ["(?-i:" in body]
    )


# --- candidates -----------------------------------------------------------------


@dataclass(slots=True)
class PatternMatch:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    priority: int


# A day name inside a proper name is no date: "the Sunday Times", "the Mail on Sunday",
# "the Good Friday Agreement", "Bloody Sunday", "Black Friday".
_NAME_AFTER_DAY = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|People|Herald|Independent|Mail|Sport|Star|"
    r"Tribune|Agreement|Accord)\b"
)
_NAME_BEFORE_DAY = re.compile(r"\b(?:Mail(?: on)?|Bloody|Black|Cyber)\s+$")


def _named_day(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    if not words or words[-1].lower().rstrip(".") not in lexicon().weekdays:
        return False
    before = text[max(0, start - 12) : start] + " ".join(words[:-1])
    return bool(_NAME_AFTER_DAY.match(text, end) or _NAME_BEFORE_DAY.search(before + " "))


def _candidates(text: str) -> list[PatternMatch]:
    """Non-overlapping pattern matches, longest first, in text order."""
    found: list[PatternMatch] = []
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    words = frozenset(_LETTERS.findall(lower))
    for priority, rule in enumerate(_rules()):
        if rule.anchors is not None and rule.anchors.isdisjoint(words):
            continue
        for m in rule.pattern.finditer(text if rule.cased else lower):
            start, end = m.span()
            # Trailing spaces/commas can end up inside optional groups.
            while end > start and text[end - 1] in " ,\n":
                end -= 1
            if end > start and _named_day(text, start, end):
                continue
            if end > start:
                found.append(PatternMatch(start, end, rule.kind, m.groupdict(), priority))
    found.sort(key=lambda c: (c.start - c.end, c.priority))
    taken: list[PatternMatch] = []
    occupied = bytearray(len(text) + 1)
    for cand in found:
        if any(occupied[cand.start : cand.end]):
            continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken


# --- tense of the governing clause ---------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m"}
_HAVE = {"has", "have", "'ve"}


def _verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    lx = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    # Modals look forward, except a negated "could", which in news is past
    # ability ("could not be reached on Monday").
    negated = any(c.dep_ == "neg" for c in verb.children)
    if aux_words & _FUTURE_AUX or any(
        a.tag_ == "MD" and not (a.lower_ == "could" and negated) for a in auxes
    ):
        return "future"
    if verb.tag_ == "MD" and not (verb.lower_ == "could" and negated):
        return "future"
    if verb.tag_ != "VBD" and (
        verb.lemma_.lower() in lx.future_verbs
        or any(c.dep_ == "acomp" and c.lemma_.lower() in lx.future_verbs for c in verb.children)
    ):
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD" or aux_words & _HAVE:
        return "past"
    if verb.tag_ == "VBN":
        if aux_words & _HAVE:
            return "past"
        return "present" if aux_words & _PRESENT_BE else "past"
    if verb.tag_ == "VBG" and aux_words & _PRESENT_BE:
        return "future"  # the present progressive with a date reads as an arrangement
    head = verb.head
    if (verb.tag_ in ("VB", "VBG") or verb.pos_ not in ("VERB", "AUX")) and (
        head.i != verb.i and depth < 3
    ):
        # "planned to leave on Thursday", "is to resume on Tuesday": the infinitive's
        # time lies ahead of the planning.
        if verb.tag_ == "VB" and (
            head.lemma_.lower() in lx.future_raisers or (head.lemma_ == "be" and head.i < verb.i)
        ):
            return "future"
        return _verb_tense(head, depth + 1)
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


# What the act came ahead of: "ahead of Tuesday's vote", "in the run-up to Sunday's
# poll". A day naming that happening looks ahead of the act ("before Friday's
# purchases" does not: "a share of 7% before Friday's purchases is ..." looks back).
_AWAITING = re.compile(r"(?:\bahead\s+of|\b(?:run|lead)-up\s+to)$", re.IGNORECASE)


def awaited(tok: Token) -> bool:
    """``tok`` (a day) dates a happening still ahead of the act it hangs on: the object
    of "ahead of" or "in the run-up to", or its possessor ("ahead of Tuesday", "ahead
    of Tuesday's vote"). The act came before that day."""
    if tok.dep_ in ("poss", "compound") and tok.head.dep_ == "pobj":
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return bool(_AWAITING.search(prep.doc[max(0, prep.i - 3) : prep.i + 1].text))


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the clause the text at ``start:end`` sits in (its governing verb)."""
    return _clause_tense(doc, start, end)


def verb_tense(verb: Token) -> Tense | None:
    """The tense a verb tells its act in: "past" (simple past, perfect), "present" or
    "future" (a modal, "will", "is to", "plans to"), as the time layer reads it."""
    return _verb_tense(verb)


def _clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# --- resolution -----------------------------------------------------------------


@dataclass(slots=True)
class Resolved:
    type: TimeType
    value: str | None
    anchored: bool = False
    point: Point | None = None
    clock: str | None = None  # a clock time still looking for its day in the sentence


@dataclass(slots=True)
class State:
    """What resolution needs beyond the expression: the dates and the text so far."""

    published: dt.date | None
    tense: Callable[[], Tense | None]
    ref: Point | None = None  # the last date the text resolved
    ref_anchored: bool = False
    ref_sentence: int = -1
    sentence: int = 0
    awaited: Callable[[], bool] = lambda: False  # the day of a happening the act awaits


_NONE = Resolved("date", None)


def _n(word: str | None) -> int | str | None:
    """A count from digits or a number word; 'X' when unspecified."""
    if word is None:
        return None
    low = " ".join(word.lower().replace("-", " ").split())
    if low[0].isdigit():
        half = low.endswith(" 1/2")
        try:
            value = float(low.removesuffix(" 1/2").replace(",", "")) + (0.5 if half else 0)
        except ValueError:
            return None
        return int(value) if value.is_integer() else f"{value:g}"
    numbers = lexicon().numbers
    if " " in low and low not in numbers:  # "twenty four"
        tens, _, ones = low.partition(" ")
        a, b = numbers.get(tens), numbers.get(ones)
        return a + b if isinstance(a, int) and isinstance(b, int) else None
    return numbers.get(low)


def _unit(word: str) -> str:
    low = word.lower()
    if low.startswith("centur"):
        return "century"
    return low[:-1] if low.endswith("s") and low[:-1] in lexicon().units else low


_HALF = {"year": "6M", "hour": "30M", "minute": "30S", "day": "T12H", "month": "15D"}


def _duration(n: int | str, unit: str) -> str:
    letter, clock = lexicon().units[unit]
    if isinstance(n, int):
        if unit == "quarter":
            n, letter = n * 3, "M"
        elif unit == "decade":
            n, letter = n * 10, "Y"
        elif unit == "century":
            n, letter = n * 100, "Y"
        elif unit == "fortnight":
            n, letter = n * 2, "W"
    elif n != "X" and unit in _HALF:
        whole = int(float(n))  # "2 1/2 years" -> P2Y6M
        return ("PT" if clock else "P") + f"{whole}{letter}{_HALF[unit]}"
    return ("PT" if clock else "P") + f"{n}{letter}"


def _month(word: str) -> int:
    return lexicon().months[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return lexicon().weekdays[word.lower().rstrip(".")]


_AGAINST_TENSE = 4
_MONTH_AGAINST_TENSE = 6
_GRAINS: tuple[Grain, ...] = (
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
)


def _nearest_year(
    anchor: dt.date, month: int, day: int, tense: Tense | None, against: int = _AGAINST_TENSE
) -> int:
    """The year that puts month/day nearest the anchor in the tense's direction.

    A date against the tense must be ``against`` times nearer to win.
    """
    years = (anchor.year - 1, anchor.year, anchor.year + 1)

    def at(y: int) -> dt.date:
        return dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))

    def cost(y: int) -> int:
        days = (at(y) - anchor).days
        # Against the tense a date must be much nearer to win: tense parses err, and
        # "payable Dec. 7" in a past-tense sentence still looks ahead.
        wrong_way = (tense == "past" and days > 0) or (tense == "future" and days < 0)
        return abs(days) * (against if wrong_way else 1)

    return min(years, key=cost)


def _weekday_date(anchor: dt.date, weekday: int, how: str) -> dt.date:
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if how == "last":
        return anchor - dt.timedelta(days=back or 7)
    if how == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if how == "this":
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    if how == "future":
        return anchor + dt.timedelta(days=ahead)
    if how == "nearest":
        return (
            anchor + dt.timedelta(days=ahead) if ahead < back else anchor - dt.timedelta(days=back)
        )
    return anchor - dt.timedelta(days=back)


def _date(state: State, point: Point, anchored: bool = True, type_: TimeType = "date") -> Resolved:
    return Resolved(type_, point.value, anchored, point)


def _rel_shift(rel: str) -> int | None:
    rel = " ".join(rel.lower().split())
    if rel in ("this", "current", "the"):
        return 0
    if rel in ("last", "past", "previous", "this past", "the past"):
        return -1
    if rel in ("next", "coming"):
        return 1
    return None


def _resolve_absolute(kind: str, g: dict[str, str | None], state: State) -> Resolved:
    """Dates written with a month and day, and possibly a year."""
    if kind == "iso" or kind == "numeric":
        year = int(g["y"] or 0)
        if year < 100:
            year += 1900 if year > 50 else 2000
        try:
            return _date(
                state, _day_point(dt.date(year, int(g["m"] or 0), int(g["d"] or 0))), False
            )
        except ValueError:
            return _NONE
    month = _month(g["mon"] or "")
    day = int(re.sub(r"\D", "", g["d"] or "0"))
    if g.get("y"):
        try:
            return _date(state, _day_point(dt.date(int(g["y"] or 0), month, day)), False)
        except ValueError:
            return _NONE
    anchor = state.published
    if anchor is None:
        return _NONE
    try:
        if g.get("wd"):
            # A weekday pins the year: pick the one in reach where the day matches.
            wd = _weekday(g["wd"] or "")
            for y in (anchor.year, anchor.year - 1, anchor.year + 1):
                if dt.date(y, month, min(day, 28)).isoweekday() == wd or (
                    day <= calendar.monthrange(y, month)[1]
                    and dt.date(y, month, day).isoweekday() == wd
                ):
                    return _date(state, _day_point(dt.date(y, month, day)))
        rel = (g.get("rel") or "").lower()
        forced: dict[str, Tense] = {"last": "past", "next": "future"}
        tense = forced.get(rel) or state.tense()
        year = _nearest_year(anchor, month, day, tense)
        return _date(state, _day_point(dt.date(year, month, day)))
    except ValueError:
        return _NONE


def _resolve_quarter(kind: str, g: dict[str, str | None], state: State) -> Resolved:
    half = (g.get("qh") or g.get("qh2") or "").lower() in ("half", "h")
    grain: Grain = "half" if half else "quarter"
    months = 6 if half else 3
    year_text = g.get("y1") or g.get("y2") or g.get("y3") or g.get("y4")
    ordinal = (g.get("ord") or g.get("ord2") or "").lower()
    anchor = state.published
    number = lexicon().ordinals.get(ordinal) or (int(ordinal) if ordinal.isdigit() else None)
    if kind == "the_quarter" or ordinal in ("latest", "same", "year-ago", "year-earlier"):
        # "the quarter" is the text's quarter, unless that one is an older comparison.
        if (
            state.ref is not None
            and state.ref.grain == grain
            and (anchor is None or state.ref.day.year == anchor.year)
        ):
            base = state.ref
            if ordinal in ("year-ago", "year-earlier"):
                base = base.shift(-1, "year")
            return Resolved("date", base.value, state.ref_anchored, base)
        if anchor is None:
            return _NONE
        if ordinal in ("year-ago", "year-earlier"):
            return _date(
                state, Point(anchor, grain).shift(-months // 3, "quarter").shift(-1, "year")
            )
        # "the (latest) quarter" in a report: the last one completed.
        return _date(state, Point(anchor, grain).shift(-months // 3, "quarter"))
    if number is None and year_text and ordinal in ("last", "final"):
        number = 2 if half else 4  # "the last quarter of 2023"
    if number is None:
        if anchor is None:
            return _NONE
        step = {"current": 0, "next": 1}.get(ordinal, -1)
        return _date(state, Point(anchor, grain).shift(step * months // 3, "quarter"))
    if number > (2 if half else 4):
        return _NONE
    month = (number - 1) * months + 1
    back = -1 if g.get("ago") else 0  # "the year-ago third quarter"
    if year_text:
        return _date(state, Point(dt.date(int(year_text) + back, month, 1), grain), False)
    if anchor is None:
        return _NONE
    year = anchor.year
    ry = (g.get("ry") or "").lower()
    if ry:
        year += {"last": -1, "next": 1}.get(ry, 0)
    elif dt.date(year, month, 1) > anchor and state.tense() == "past":
        year -= 1
    return _date(state, Point(dt.date(year + back, month, 1), grain))


def _resolve_season(g: dict[str, str | None], state: State) -> Resolved:
    word = g.get("season") or g.get("season2") or g.get("season3") or ""
    code = lexicon().seasons[word.lower()]
    month = _SEASON_MONTH[code]
    year_text = g.get("y") or g.get("y2")
    if year_text:
        return _date(state, Point(dt.date(int(year_text), month, 15), "season", code), False)
    anchor = state.published
    if anchor is None:
        return _NONE
    rel = " ".join((g.get("rel") or "the").lower().split())
    shift = _rel_shift(rel)
    here = dt.date(anchor.year, month, 15)
    if rel in ("this", "current", "the"):
        year = _nearest_year(anchor, month, 15, state.tense() if rel == "the" else None)
    elif shift == -1:
        year = anchor.year if here < anchor - dt.timedelta(days=45) else anchor.year - 1
    else:
        year = anchor.year if here > anchor + dt.timedelta(days=45) else anchor.year + 1
    return _date(state, Point(dt.date(year, month, 15), "season", code))


def _resolve_relative(g: dict[str, str | None], state: State) -> Resolved:
    anchor = state.published
    if anchor is None:
        return _NONE
    rel = " ".join((g["rel"] or "").lower().split())
    what = (g["what"] or "").lower().rstrip(".")
    shift = _rel_shift(rel)
    if shift is None:
        return _NONE
    lx = lexicon()
    if what in lx.weekdays:
        how = {0: "this", -1: "last", 1: "next"}[shift]
        return _date(state, _day_point(_weekday_date(anchor, _weekday(what), how)))
    if what in lx.months:
        month = _month(what)
        if shift == 0:
            year = anchor.year
        elif shift < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1
        else:
            year = anchor.year if month > anchor.month else anchor.year + 1
        return _date(state, Point(dt.date(year, month, 1), "month"))
    grain: Grain = what  # type: ignore[assignment]
    return _date(state, Point(anchor, grain).shift(shift, what))


def _resolve_day(g: dict[str, str | None], state: State) -> Resolved:
    anchor = state.published
    if anchor is None:
        return _NONE
    base = (g.get("base") or "").lower()
    around = (g.get("around") or "").lower()
    if around:
        return _date(state, _day_point(anchor + dt.timedelta(days=-2 if "before" in around else 2)))
    if base in lexicon().days:
        return _date(state, _day_point(anchor + dt.timedelta(days=lexicon().days[base])))
    tense = state.tense()
    how = "future" if tense == "future" else "nearest" if tense == "present" else "past"
    if state.awaited():
        # "arrested ahead of Tuesday's vote": the vote is after the arrests, so the
        # day nearest the report (told in the past) or the coming one (otherwise)
        how = "nearest" if tense == "past" else "future"
    return _date(state, _day_point(_weekday_date(anchor, _weekday(base), how)))


def _resolve_daypart(g: dict[str, str | None], state: State) -> Resolved:
    anchor = state.published
    if g.get("tonight"):
        if anchor is None:
            return Resolved("time", None)
        overnight = g["tonight"].lower() == "overnight"  # type: ignore[union-attr]
        if overnight and state.tense() != "future":
            # the night that ended on the report's day, unless told in the future
            anchor = anchor - dt.timedelta(days=1)
        return Resolved("time", f"{anchor.isoformat()}TNI", True, _day_point(anchor))
    part = lexicon().parts_of_day[(g.get("part") or g.get("part2") or "").lower()]
    base = " ".join((g.get("base") or g.get("base2") or "").lower().split())
    if base in ("this", "early this"):
        day = _resolve_day({"base": "today"}, state)
    elif base in ("last", "late last"):
        day = _resolve_day({"base": "yesterday"}, state)
    else:
        day = _resolve_day({"base": base}, state)
    if day.value is None:
        return Resolved("time", None)
    return Resolved("time", f"{day.value}T{part}", day.anchored, day.point)


# "hours ago" counted in fewer hours than this is the report's own day.
_SAME_DAY_HOURS = 12


def _report_day(state: State) -> Resolved:
    """ "hours ago", "minutes ago": the day the report was written."""
    if state.published is None:
        return _NONE
    return _date(state, _day_point(state.published))


def _resolve_just_ago(g: Groups, state: State) -> Resolved:
    return _report_day(state)


def _resolve_offset(g: dict[str, str | None], state: State) -> Resolved:
    n = _n(g["n"])
    unit = _unit(g["unit"] or "")
    direction = " ".join((g["dir"] or "").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return _NONE
    same_day = not isinstance(n, int) or n < _SAME_DAY_HOURS
    if direction == "ago" and unit in ("hour", "minute", "second") and same_day:
        return _report_day(state)  # "two hours ago", "a few minutes ago"
    if not isinstance(n, int) and direction == "ago":
        return Resolved("date", "PAST_REF")
    if not isinstance(n, int) or unit in ("hour", "minute", "second"):
        # "a few days later", "an hour later": the length is all that is known.
        return Resolved("duration", _duration(n, unit))
    quarterly = (
        state.ref is not None
        and state.ref.grain in ("quarter", "half")
        and (state.published is None or state.ref.day.year == state.published.year)
    )
    if direction in ("earlier", "later") and state.ref is None:
        # "A week later" with no date before it to count from: only the length is known.
        return Resolved("duration", _duration(n, unit))
    if (direction in ("ago", "from now", "hence") and not (unit == "year" and quarterly)) or (
        state.ref is None
    ):
        if state.published is None:
            return _NONE
        base, anchored = Point(state.published, "day"), True
    else:
        base, anchored = state.ref, state.ref_anchored
    grain: Grain
    if unit in ("decade", "century"):
        n, unit, grain = n * (10 if unit == "decade" else 100), "year", "year"
    elif unit == "fortnight":
        n, unit, grain = n * 2, "week", "week"
    else:
        grain = unit  # type: ignore[assignment]
    if direction in ("earlier", "later") and _GRAINS.index(base.grain) < _GRAINS.index(grain):
        grain = base.grain  # "a week later" after a day is a day; after a quarter, a quarter
    elif unit == "year" and base.grain in ("quarter", "half"):
        grain = base.grain  # "a year ago" in a quarterly report is that quarter a year back
    point = replace(base.shift(sign * n, unit), grain=grain)
    return _date(state, point, anchored)


def _resolve_year_adj(g: dict[str, str | None], state: State) -> Resolved:
    """ "year-ago", "the year-earlier quarter": the current period, a year back.

    The text's last period counts only while it is in the report's year; an older
    one is itself the comparison, not the period compared.
    """
    current = state.published is None or (
        state.ref is not None and state.ref.day.year == state.published.year
    )
    if state.ref is not None and current:
        point = state.ref.shift(-1, "year")
        return Resolved("date", point.value, state.ref_anchored, point)
    if state.published is None:
        return _NONE
    return _date(state, Point(state.published, "year").shift(-1, "year"))


def _resolve_anaphoric(g: dict[str, str | None], state: State) -> Resolved:
    """ "that day", "later that year", "the next morning": the text's last date;
    "earlier in the day" with no date before it: the report's day (a live blog's)."""
    ref = state.ref
    if ref is None:
        return _report_day(state) if g.get("what3") else _NONE
    what = (g.get("what") or g.get("what2") or g.get("what3") or "").lower()
    step = {"next": 1, "following": 1, "previous": -1}.get((g.get("rel") or "").lower(), 0)
    part = lexicon().parts_of_day.get(what)
    grain: Grain = "day" if part or what == "day" else what  # type: ignore[assignment]
    if _GRAINS.index(ref.grain) > _GRAINS.index(grain):
        return _NONE  # "that day" after "in 2019": the day is not known
    point = replace(ref, grain=grain).shift(step, "day")
    if part:
        return Resolved("time", f"{point.value}T{part}", state.ref_anchored, point)
    return Resolved("date", point.value, state.ref_anchored, point)


def _resolve_period(g: dict[str, str | None], state: State) -> Resolved:
    """ "the period", "the year", "the 2022 period": the time the text is about."""
    what = (g["what"] or "").lower()
    if g.get("ended") is not None and what != "period":
        # "the year ended Sept. 30" is a stretch of twelve months, not a calendar year.
        return Resolved("duration", _duration(1, what))
    back = any(w in (g.get("which") or "").lower() for w in ("ago", "earlier"))
    if g.get("y") and what == "year":
        return _date(state, Point(dt.date(int(g["y"] or 0), 1, 1), "year"), False)
    base, anchored = state.ref, state.ref_anchored
    if "current" in (g.get("which") or "").lower() or what == "week":
        # "the current year" is the report's, whatever the text was about; so is a
        # news week ("expelled the envoys during the week"), not the week last named
        base = None
    if what != "period":
        grain: Grain = "year" if what == "year" else "week"
        if base is None and state.published is not None:
            base, anchored = Point(state.published, grain), True
        base = replace(base, grain=grain) if base is not None else None
    if base is None:
        return _NONE
    if g.get("y"):
        base = replace(base, day=base.day.replace(year=int(g["y"] or 0), day=1))
    if back:
        base = base.shift(-1, "year")
    return Resolved("date", base.value, anchored, base)


def _resolve_duration(g: dict[str, str | None], state: State) -> Resolved:
    n = _n(g.get("n") or g.get("n2"))
    if n is None:
        return Resolved("duration", None)
    unit = _unit(g.get("unit") or g.get("unit2") or "")
    return Resolved("duration", _duration(n, unit))


def _resolve_set(g: dict[str, str | None], state: State) -> Resolved:
    lx = lexicon()
    if g.get("word"):
        return Resolved("set", lx.sets[" ".join((g["word"] or "").lower().split())])
    if g.get("per"):
        return Resolved("set", _duration(1, _unit(g["per"] or "")))
    what = (g["what"] or "").lower().rstrip(".")
    if what in lx.weekdays:
        return Resolved("set", f"XXXX-WXX-{lx.weekdays[what]}")
    if what in lx.parts_of_day:
        return Resolved("set", f"XXXX-XX-XXT{lx.parts_of_day[what]}")
    if what == "weekend":
        return Resolved("set", "P1W")
    n = _n(g.get("n")) or 1
    if g.get("other") and isinstance(n, int):
        n *= 2
    return Resolved("set", _duration(n, _unit(what)))


def _resolve_clock(g: dict[str, str | None], state: State) -> Resolved:
    if g.get("named"):
        hour, minute = (12, 0) if (g["named"] or "").lower() == "noon" else (0, 0)
    elif g.get("h24"):
        hour, minute = int(g["h24"] or 0), int(g["min24"] or 0)
    else:
        hour, minute = int(g["h"] or 0) % 12, int(g["min"] or 0)
        if (g["ampm"] or "").lower().startswith("p"):
            hour += 12
    clock = f"T{hour:02d}:{minute:02d}"
    if state.ref is not None and state.ref.grain == "day" and state.ref_sentence == state.sentence:
        return Resolved("time", state.ref.value + clock, state.ref_anchored)
    if state.published is None:
        return Resolved("time", None, clock=clock)
    return Resolved("time", state.published.isoformat() + clock, True, clock=clock)


def _resolve_the_past_unit(g: dict[str, str | None], state: State) -> Resolved:
    """ "the past year" is the calendar year before the report's (the TIMEX3
    convention for a past unit named as a period: a point, not a duration)."""
    rel = (g["rel"] or "").lower()
    unit = _unit(g["unit"] or "")
    grain: Grain = unit  # type: ignore[assignment]
    step = 1 if rel in ("following", "coming", "next") else -1
    if rel in ("following", "previous") and state.ref is not None:
        point = replace(state.ref.shift(step, unit), grain=grain)
        return Resolved("date", point.value, state.ref_anchored, point)
    if state.published is None:
        return _NONE
    return _date(state, Point(state.published, grain).shift(step, unit))


Groups = dict[str, str | None]


def _resolve_month_year(g: Groups, state: State) -> Resolved:
    month = _month(g["mon"] or "")
    if g.get("ry"):
        if state.published is None:
            return _NONE
        year = state.published.year + (_rel_shift(g["ry"] or "") or 0)
        return _date(state, Point(dt.date(year, month, 1), "month"))
    return _date(state, Point(dt.date(int(g["y"] or 0), month, 1), "month"), False)


def _resolve_holiday(g: Groups, state: State) -> Resolved:
    if state.published is None:
        return _NONE
    name = " ".join((g["hol"] or "").lower().replace("’", "'").split())
    month, day = lexicon().holidays[name]
    forced: dict[str, Tense] = {"last": "past", "next": "future"}
    tense = forced.get((g.get("rel") or "").lower()) or state.tense()
    year = _nearest_year(state.published, month, day, tense)
    return _date(state, _day_point(dt.date(year, month, day)))


def _resolve_month(g: Groups, state: State) -> Resolved:
    if state.published is None:
        return _NONE
    month = _month(g["mon"] or "")
    # A bare month follows the tense closely ("said in May" is last May); only
    # the current month, or a much nearer one, wins against it.
    tense = state.tense()
    if month == state.published.month:
        year = state.published.year
    else:
        year = _nearest_year(state.published, month, 15, tense, against=_MONTH_AGAINST_TENSE)
    return _date(state, Point(dt.date(year, month, 1), "month"))


def _resolve_weekend(g: Groups, state: State) -> Resolved:
    if state.published is None:
        return _NONE
    shift = _rel_shift(g["rel"] or "") or 0
    # Past-tense "the weekend" is the one before the report.
    if (g["rel"] or "").lower() == "the" and state.tense() == "past":
        shift = 0 if state.published.isoweekday() >= 6 else -1
    return _date(state, Point(state.published, "weekend").shift(shift, "week"))


def _resolve_units(g: Groups, state: State) -> Resolved:
    return Resolved("duration", _duration("X", _unit(g["unit"] or "")))


def _resolve_clock_day(g: Groups, state: State) -> Resolved:
    on = _resolve_day(g, state)
    clock = _resolve_clock(g, State(state.published, state.tense))
    if on.value is None or clock.clock is None:
        return Resolved("time", None)
    return Resolved("time", on.value + clock.clock, on.anchored, on.point)


def _resolve_decade(g: Groups, state: State) -> Resolved:
    return _date(state, Point(dt.date(int(g["dec"] or 0) * 10, 1, 1), "decade"), False)


def _resolve_century(g: Groups, state: State) -> Resolved:
    ordinal = (g["ord"] or "").lower()
    number = lexicon().ordinals.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    if not number:
        return _NONE
    return _date(state, Point(dt.date((number - 1) * 100 or 1, 1, 1), "century"), False)


def _resolve_year(g: Groups, state: State) -> Resolved:
    return _date(state, Point(dt.date(int(g["y"] or 0), 1, 1), "year"), False)


def _resolve_reference(g: Groups, state: State) -> Resolved:
    return Resolved("date", lexicon().references[" ".join((g["ref"] or "").lower().split())])


def _with_kind(
    resolver: Callable[[str, Groups, State], Resolved], kind: str
) -> Callable[[Groups, State], Resolved]:
    return lambda g, state: resolver(kind, g, state)


# Pattern kind (the first field of each rule in ``_rules``) -> its resolver.
_RESOLVERS: dict[str, Callable[[Groups, State], Resolved]] = {
    **{k: _with_kind(_resolve_absolute, k) for k in ("iso", "numeric", "mdy", "dmy")},
    "month_year": _resolve_month_year,
    "holiday": _resolve_holiday,
    "month": _resolve_month,
    **{k: _with_kind(_resolve_quarter, k) for k in ("quarter", "quarter_code", "the_quarter")},
    "season": _resolve_season,
    "relative": _resolve_relative,
    "weekend": _resolve_weekend,
    "daypart": _resolve_daypart,
    "day": _resolve_day,
    "offset": _resolve_offset,
    "year_adj": _resolve_year_adj,
    "just_ago": _resolve_just_ago,
    "duration": _resolve_duration,
    "anaphoric": _resolve_anaphoric,
    "the_period": _resolve_period,
    "bare_units": _resolve_units,
    "recent_units": _resolve_units,
    "the_past_unit": _resolve_the_past_unit,
    "set": _resolve_set,
    "clock": _resolve_clock,
    "clock_day": _resolve_clock_day,
    "decade": _resolve_decade,
    "century": _resolve_century,
    "year": _resolve_year,
    "reference": _resolve_reference,
}


def _resolve(match: PatternMatch, state: State) -> Resolved:
    resolver = _RESOLVERS.get(match.kind)
    return resolver(match.groups, state) if resolver else _NONE


# --- the extractor ---------------------------------------------------------------

_TIME_NOUNS = {"year", "years", "season", "budget", "election", "elections", "census", "class"}


def _is_count(doc: Doc, cand: PatternMatch) -> bool:
    """True when a bare four-digit 'year' is really a count ("1900 troops")."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    # Years modify nouns too ("the 2019 flood relief"); a count is a number
    # before a plural noun with no determiner or possessive in front of it.
    return (
        tok.dep_ == "nummod"
        and tok.head.tag_ in ("NNS", "NNPS")
        and tok.head.i > tok.i
        and tok.head.lower_ not in _TIME_NOUNS
        and (prev is None or prev.tag_ not in ("DT", "PRP$", "POS", "IN", "JJ"))
    )


_DEICTIC = {"offset", "just_ago", "year_adj", "the_period", "anaphoric"}


def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]


def resolve_all(
    text: str, published: dt.date | None, doc: Doc | None = None
) -> list[tuple[PatternMatch, Resolved]]:
    """Every time expression in ``text`` with its resolved value, in text order.

    ``doc`` (the spaCy parse of ``text``) supplies clause tense and sentence
    boundaries; without it tense is unknown and counts are not filtered out.
    """
    starts = _sentence_starts(doc) if doc is not None else [0]
    state = State(published=published, tense=lambda: None)
    sentence = 0
    out: list[tuple[PatternMatch, Resolved]] = []
    waiting: list[Resolved] = []  # clock times of this sentence with no day yet
    for cand in _candidates(text):
        if cand.kind == "year" and doc is not None and _is_count(doc, cand):
            continue
        while sentence + 1 < len(starts) and starts[sentence + 1] <= cand.start:
            sentence += 1
            waiting = []
        state.sentence = sentence
        state.tense = _tense_getter(doc, cand)
        state.awaited = _awaited_getter(doc, cand)
        try:
            result = _resolve(cand, state)
        except (ValueError, OverflowError, KeyError):
            # Calendar arithmetic off the end of the calendar ("the 1st century" shifted
            # back) or a spelling the lexicon lacks: the expression stays, unresolved.
            result = Resolved("date", None)
        # Expressions that point back ("a year earlier") keep the topic time as it was.
        if result.point is not None and result.value is not None and cand.kind not in _DEICTIC:
            state.ref, state.ref_anchored = result.point, result.anchored
            state.ref_sentence = sentence
            # "at 9 a.m. (0600 GMT) Sunday": the day may follow the clock time.
            if result.point.grain == "day":
                for clock in waiting:
                    clock.value = result.point.value + (clock.clock or "")
                    clock.anchored = result.anchored
                waiting = []
        if result.clock is not None:
            waiting.append(result)
        out.append((cand, result))
    return out


def _tense_getter(doc: Doc | None, cand: PatternMatch) -> Callable[[], Tense | None]:
    memo: list[Tense | None] = []

    def tense() -> Tense | None:
        if doc is None:
            return None
        if not memo:
            memo.append(_clause_tense(doc, cand.start, cand.end))
        return memo[0]

    return tense


def _awaited_getter(doc: Doc | None, cand: PatternMatch) -> Callable[[], bool]:
    def looks_ahead() -> bool:
        span = None if doc is None else doc.char_span(cand.start, cand.end, "expand")
        return span is not None and len(span) > 0 and awaited(span.root)

    return looks_ahead


@extractor("times", produces="times")
def extract_times(ctx: Context) -> list[TimeExpression]:
    """Time expressions with TIMEX3 values resolved against ``ctx.published``."""
    out = []
    for cand, res in resolve_all(ctx.text, ctx.published, ctx.doc):
        out.append(
            TimeExpression(
                id=ctx.new_id("t"),
                start=cand.start,
                end=cand.end,
                text=ctx.text[cand.start : cand.end],
                type=res.type,
                value=res.value,
                anchored=res.anchored and res.value is not None,
            )
        )
    return out
