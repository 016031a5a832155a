"""A situation brief in the spirit of Crisis Group's CrisisWatch, from a corpus's incidents.

:func:`build_brief` selects the incidents of a country (place or actor) in a
period and gathers what an analyst would send a colleague:

- **key incidents by day**: the most important days (summed salience, see
  :func:`flashpoint.corpus.timeline.top_dates`), each with its most salient
  incidents, their sources (outlets, reports) and one sentence of evidence;
- **figures and how they changed**: for incidents with tolls, the first and
  the latest figure of each kind, with who reported them;
- **accusations and threats**: ACCUSE / THREATEN incidents, who against whom;
- **unconfirmed or denied**: claims of the selected reports carrying an
  allegation, rumour or denial hedge, and incidents that are negated
  (denied) rather than asserted;
- **tension**: the weekly index normalized by coverage; whether the last
  week rose or fell against the one before, and the incidents that drove it.

:func:`to_markdown` and :func:`to_html` render it; the HTML escapes every
string taken from the reports.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from flashpoint.corpus.browse import independent_reports
from flashpoint.corpus.incidents import (
    iso_day,
    label,
    label_code,
    normalize,
    rules,
    running_total,
    salience,
)
from flashpoint.corpus.linking import stated_count, towns_named
from flashpoint.corpus.tension import incident_day, index_points
from flashpoint.corpus.timeline import DayEntry, distinct_labels, select, top_dates
from flashpoint.corpus.timeline import plural as _n
from flashpoint.datafiles import load_yaml
from flashpoint.extractors.events.confidence import (
    RECAP_OPENING,
    RECAP_OPENING_WORDS,
    default_threshold,
)
from flashpoint.models import (
    Claim,
    Event,
    Incident,
    Place,
    Report,
    ReportedFigure,
    Sighting,
    Span,
)

ACCUSING = frozenset({"ACCUSE", "THREATEN"})
DOUBT = frozenset({"allegation", "rumour", "denial", "uncertainty"})
# Verbal acts one speaker makes: their sides are those of the sentence quoted.
ONE_SPEAKER = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})


@dataclass(slots=True)
class FigureChange:
    incident: Incident
    kind: str
    first: float
    latest: float
    first_by: str | None
    latest_by: str | None
    placed: bool = True  # the latest figure's sentence names the incident's place


@dataclass(slots=True)
class Doubt:
    published: str | None
    source: str
    text: str
    hedge: str


@dataclass(slots=True)
class Brief:
    country: str | None
    since: dt.date | None
    until: dt.date | None
    incidents: int
    reports: int
    outlets: int
    days: list[DayEntry]
    figures: list[FigureChange] = field(default_factory=list)
    accusations: list[Incident] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    denied: list[Incident] = field(default_factory=list)
    tension: str = ""
    drivers: list[Incident] = field(default_factory=list)
    first: dt.date | None = None  # the first and last day of the chosen incidents
    last: dt.date | None = None
    other_days: list[dt.date] = field(default_factory=list)  # days with incidents not listed
    recalled: int = 0  # incidents left out as told only in look-backs or as averted
    stock: int = 0  # incidents left out as told only in stock background lines
    thin: int = 0  # incidents left out as told once, with no side named and no date
    evidence: dict[str, str] = field(default_factory=dict)  # incident id -> evidence text
    places: dict[str, str | None] = field(default_factory=dict)  # incident id -> place shown
    tolls: dict[str, list[ReportedFigure]] = field(default_factory=dict)  # id -> its tolls
    opinion: int = 0  # incidents left out as told only in comment pieces
    sides: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # id -> shown
    counts: dict[str, int] = field(default_factory=dict)  # id -> reports of the shown act
    unsaid: int = 0  # verbal acts left out as done by a document or decision only
    lower: list[Incident] = field(default_factory=list)  # news leads below the threshold
    threshold: float | None = None  # the confidence the key incidents were chosen at
    echoed: int = 0  # lines left out as another line's happening told again
    unasserted: int = 0  # incidents counted but told as denied or only possible
    hooks: set[str] = field(default_factory=set)  # ids told only by a comment piece's hook
    weeks: dict[str, str] = field(default_factory=dict)  # id -> the week it is dated to only
    wording: dict[str, str] = field(default_factory=dict)  # id -> its triggers' first words


# An event told as a look-back: an undated event whose sentence places it in the past
# ("in 2018 invaded Afrin", "last autumn", "last week's bombing", "years ago"): listed
# on its report's day, it would stand on the wrong day; or a happening that did not
# take place ("was spared an assault", "foiled a plot"), which the events extractor
# coded as asserted.
_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2})\b")
# "the deadliest attack since 2016", "the first ... since March 2011": a comparison with
# the past, said of a current event.
_COMPARED = re.compile(
    r"\b(?:\w+est|first|most \w+|worst)\b[^.;]{0,60}?\bsince\s+(?:\w+\s+)?(?:19|20)[0-9]{2}\b",
    re.IGNORECASE,
)
# The words of the look-backs are data (``data/lookback.yaml``); :func:`_marks` builds
# the patterns once. A happening only called for, planned or threatened ("Trump's call
# for the withdrawal of US troops", "plans to attack Idlib", "threatened to expel the
# envoys"), or asked of someone ("calling for the ambassador to be expelled"), has not
# (yet) happened.


@dataclass(frozen=True, slots=True)
class _Marks:
    past: re.Pattern[str]  # "last year", "years ago"
    not_past: re.Pattern[str]  # "at the time of writing"
    averted: re.Pattern[str]  # "spared", "foiled" just before the trigger
    unrealised: re.Pattern[str]  # "call for", "plans to", "urged X to" just before it
    earlier: re.Pattern[str]  # "a day after", "weeks after" just before it
    dated_by: re.Pattern[str]  # "... came on the day of" just after it
    former: re.Pattern[str]  # "an earlier resolution ... that was" just before it
    nationwide: re.Pattern[str]  # "... across the country" right after a toll's number
    sequel: re.Pattern[str]  # "From there, ..." opening the sentence
    plan_types: frozenset[str]  # RETREAT: "is pulling out", "while withdrawing" a plan
    running: re.Pattern[str]  # "since", "in the assault on" after a toll's number
    supporter: re.Pattern[str]  # "with support from" right before a side's name
    own: re.Pattern[str]  # "its embassy", "their ambassadors": the doer's own


def _words(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def _marks() -> _Marks:
    raw = load_yaml("lookback.yaml")
    word = r"[\w’'-]+\s+"
    return _Marks(
        past=re.compile(rf"\b(?:{_words(raw['past_phrases'])})\b", re.IGNORECASE),
        not_past=re.compile(rf"\b(?:{_words(raw['not_past_phrases'])})\b", re.IGNORECASE),
        averted=re.compile(
            rf"\b(?:{_words(raw['averted_words'])})\b(?:\s+[\w\-]+){{0,3}}\s*$", re.IGNORECASE
        ),
        unrealised=re.compile(
            rf"\b(?:{_words(raw['call_words'] + raw['plan_words'])})\s+(?:for|to|of)\s+"
            r"(?:(?:the|a|an)\s+)?"
            rf"(?:{word}){{0,2}}$"
            rf"|\b(?:{_words(raw['asking_verbs'])})\s+(?:{word}){{1,5}}to\s+(?:be\s+)?$",
            re.IGNORECASE,
        ),
        earlier=re.compile(
            rf"\b(?:{_words(raw['earlier_phrases'])})\s+(?:(?:{word}){{0,3}}"
            rf"|(?:{word}){{1,8}}(?:in|at|during)\s+which\s+(?:{word}){{0,4}}"
            r"|(?:[\w’',-]+\s+){1,12}?(?:was|were)\s+(?:[\w-]+ly\s+)?"
            r"|(?:[\w’',-]+\s+){1,12}?and\s+)$",
            re.IGNORECASE,
        ),
        former=re.compile(
            rf"\b(?:{_words(raw['earlier_words'])})\s+(?:{word}){{0,6}}(?:that|which)\s+"
            r"(?:was|were|had\s+been|has\s+been)\s+$",
            re.IGNORECASE,
        ),
        nationwide=re.compile(
            rf"(?:\s+[\w’'-]+){{0,5}}?\s+(?:{_words(raw['nationwide_phrases'])})\b", re.IGNORECASE
        ),
        dated_by=re.compile(
            rf"^(?:\s*[\w’'-]+){{0,10}}?\s+(?:{_words(raw['dated_by_phrases'])})\b",
            re.IGNORECASE,
        ),
        sequel=re.compile(rf"^\W*(?:{_words(raw['sequel_openings'])})\s*,", re.IGNORECASE),
        plan_types=frozenset(raw["progressive_plan_types"]),
        running=re.compile(rf"\b(?:{_words(raw['running_total_phrases'])})\b", re.IGNORECASE),
        supporter=re.compile(
            rf"\b(?:{_words(raw['supporter_phrases'])})\s+(?:the\s+)?$", re.IGNORECASE
        ),
        own=re.compile(
            rf"^(?:its|their)\s+(?:own\s+)?(?:{_words(raw['own_organs'])})\b", re.IGNORECASE
        ),
    )


# "It is not known whether all the fighters have been killed or captured": an act asked
# about ("whether", "if" after not known / unclear / asked), not one told as done.
_WHETHER = re.compile(
    r"\b(?:not\s+(?:known|clear|yet\s+known)|unclear|unknown|uncertain|asked|wonder(?:s|ed)?)"
    r"\s+(?:whether|if)\b[^.;]*$",
    re.IGNORECASE,
)
# A non-restrictive relative clause in the perfect describes an actor by its past
# conduct ("China and Russia, which have opposed previous votes, ..."; "the envoy,
# who had visited Damascus, ..."): background, not the sentence's news.
# A relative clause in the present progressive that holds the trigger ("fighters who
# are refusing to leave", "officials who are struggling to keep records and provide
# food"): what the actor is doing these days, its state, not a happening of the day.
_STATE = re.compile(
    r"\b(?:who|which|that)\s+(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:[\w’'-]+ing\s+(?:to\s+)?"
    r"(?:(?!(?:is|are|was|were|has|have|had|be|been)\b)[\w’'-]+\s+){0,5}?)?$",
    re.IGNORECASE,
)
_DESCRIBED = re.compile(r",\s*(?:which|who)\s+(?:have|has|had)\s+(?:[\w’'-]+\s+){0,2}$")
# A help kept up ("Moscow has continued to supply weapons to Syria despite the
# uprising"): a standing policy, not the day's act. Not said of harm: "troops have
# continued attacks on Homs" is the day's news.
_KEPT_UP = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?continued\s+to\s+$|\bcontinues\s+to\s+$",
    re.IGNORECASE,
)
_KEPT_UP_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE"})
# An event noun in an absolute "with" phrase of state ("with bombing under way again in
# Idlib", "with fighting continuing"): a description of the situation, not a happening.
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_UNDER_WAY = re.compile(r"^\s+(?:under\s*way|ongoing|continuing|going\s+on)\b", re.IGNORECASE)
# A span of time a relative clause tells what happened in ("lived through six months
# during which her husband was imprisoned and tortured"): a personal account's past.
_SPAN_WHICH = re.compile(
    r"\b(?:days|weeks|months|years)\s+(?:during|in)\s+which\s+(?:[\w’'-]+\s+){0,6}$",
    re.IGNORECASE,
)
# A sentence that opens on a distal demonstrative ("That double suicide bombing killed
# 44") refers back to a happening told before: the events extractor's recap opening
# (``confidence.RECAP_OPENING``, which marks ``Event.background``), asked here again for
# reports stored before that mark existed.
# An undated act in the active past perfect ("her husband had surrendered to the
# fighters") happened before the story's time: a look-back ("had been killed", the
# passive of a toll reported in backshifted speech, is not read so).
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# The past perfect with an adverb of sequence ("he had later been accused of spying and
# was tortured"): a story's past ordered before another past time, a personal account
# or a feature's recollection, not the news of the report's day.
_PLUPERFECT_SEQUENCE = re.compile(
    r"\bhad\s+(?:later|then|subsequently|eventually|once|previously|earlier|already)\b",
    re.IGNORECASE,
)
# An undated act of a plan type in the present progressive ("the US is pulling out its
# troops", "are withdrawing") or a gerund after "while" ("all while withdrawing US
# troops"): an announced plan under way, with no day of its own.
_PROGRESSIVE = re.compile(r"\b(?:is|are|’s|'s)\s+(?:\w+ly\s+)?$|\bwhile\s+$", re.IGNORECASE)
# A sentence naming a month with a past verb ("a video he had filmed in December"):
# the acts of the next sentences, undated, are that month's, not the report's day.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PAST_MONTH = re.compile(
    rf"\b(?:[\w’'-]+ed|began|begun|was|were|had|took|fell|came|made|shot|won)\s+"
    rf"(?:[\w’'-]+\s+){{0,2}}?in\s+({_MONTHS})\b(?:\s+((?:19|20)[0-9]{{2}}))?"
)
# A sentence that holds a day of its own ends the walk back to a month named before.
_DAY_WORD = re.compile(
    r"\b(?:today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
MONTH_REACH = 2  # sentences back
_SHORT_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# "It is six weeks since Muthana surrendered", "two years since the siege began": the act
# after "since" and a duration is dated from now back, a look-back.
_SINCE_SPAN = re.compile(
    r"\b(?:days|weeks|months|years|decades|a\s+(?:week|month|year|decade))\s+since\b",
    re.IGNORECASE,
)
# "captured over the last three years", "in the past two months": a span back from the
# time of telling, a running account, not a day's happening ("in the past 24 hours" is).
_SPAN_BACK = re.compile(
    r"\b(?:over|in|during|throughout|for)\s+the\s+(?:last|past|previous)\s+"
    r"(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+)?"
    r"(?:weeks|months|years|decades|month|year|decade)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:last|past|previous)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-9][0-9])\s+days\b",
    re.IGNORECASE,
)
# A day named with its month ("took place on 10 January", "on March 3"): an explicit date.
_DAY_MONTH = re.compile(
    rf"\b(?:([0-9]{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS}|{_SHORT_MONTHS})"
    rf"|({_MONTHS}|{_SHORT_MONTHS})\s+([0-9]{{1,2}})(?![0-9]))\b"
)
CHRONOLOGY_DATES = 2  # a toll's sentence naming this many day-and-month dates is a list
DATE_REACH = 6  # sentences back an explicit earlier date dates an undated act
DATE_GAP_DAYS = 7  # an explicit date this many days or more before the report's
# "at the summit last week": a past phrase of a relative time, which the next sentence's
# undated act (with no day of its own) continues.
_RELATIVE_PAST = re.compile(
    r"\blast\s+(?:week|month|year|weekend)\b|\b(?:weeks|months|years)\s+ago\b", re.IGNORECASE
)
# "her son died three months ago ... Heavily pregnant, she decided to flee and her
# husband surrendered": a story told from months or years back runs on for a few
# sentences that hold no day of their own.
_FAR_PAST = re.compile(r"\blast\s+(?:month|year)\b|\b(?:months|years)\s+ago\b", re.IGNORECASE)
FAR_PAST_REACH = 3  # sentences back
# "more than 400 people have been killed since security forces launched an assault": a
# perfect passive trigger with a running-total phrase right after it counts up to the
# time of telling, not a day's happening.
_PERFECT_PASSIVE = re.compile(r"\b(?:have|has|had)\s+(?:now\s+)?been\s+$", re.IGNORECASE)
_RUNNING_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s+(?:since|so\s+far|to\s+date|in\s+total|in\s+all)\b"
    r"|^\s+since\b",
    re.IGNORECASE,
)
# An undated act as a gerund after "after" ("will lose her citizenship after
# surrendering to Kurdish forces") is the earlier point the sentence's news follows.
_AFTER_GERUND = re.compile(r"\bafter\s+$", re.IGNORECASE)
# "... and she has not seen him since.": the act is told from a later time.
_SINCE = re.compile(r"\b(?:ever )?since\s*(?:[,.;:)]|$)", re.IGNORECASE)
# A feature's scene in the present ("There is a flash of light in the dark town as an
# airstrike hits a depot"): description of a moment, not the news of a day.
_SCENE = re.compile(r"^\W*There(?:\s+is|\s+are|’s|'s)\b")
# Words that, heading an uncoded actor label, make it a reference back, not a name:
# "the group", "the leader" (a pronoun identifies nobody either).
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def looks_back(event: Event, report: Report) -> bool:
    """True when the report tells of the event as past or as averted, not as news.

    A day-level date is the event's own (it places the incident; the period filter
    decides). A month- or year-level date before the report's month or year, or an
    undated event whose sentence names an earlier year or says "last year", "years
    ago", is a look-back. A trigger right after "spared", "averted", "foiled" is a
    happening that did not take place; one right after "call for", "plans to",
    "threatened to" has not (yet) taken place; one in a relative clause in the perfect
    (", which have opposed ...") describes an actor's past. An undated act in the active
    past perfect ("had surrendered"), in a sentence told from later ("has not seen him
    since") or in a present-tense scene ("There is a flash of light as an airstrike
    hits ...") is not the news of the report's day."""
    text = report.document.text
    before = text[max(event.sentence.start, event.trigger.start - 40) : event.trigger.start]
    wide = text[max(event.sentence.start, event.trigger.start - 70) : event.trigger.start]
    marks = _marks()
    if marks.averted.search(before) or marks.unrealised.search(wide) or _DESCRIBED.search(before):
        return True
    span_before = text[max(event.sentence.start, event.trigger.start - 90) : event.trigger.start]
    if _SPAN_WHICH.search(span_before):
        return True  # "six months during which her husband was imprisoned and tortured"
    if _STATE.search(text[event.sentence.start : event.trigger.start]):
        return True  # "fighters who are refusing to leave": a state, not a day's act
    if _WHETHER.search(text[event.sentence.start : event.trigger.start]):
        return True  # "it is not known whether all the fighters have been killed": a question
    after = text[event.trigger.end : min(event.sentence.end, event.trigger.end + 80)]
    if _PERFECT_PASSIVE.search(before) and _RUNNING_AFTER.match(after):
        return True  # "400 people have been killed since the assault began": a running total
    if RECAP_OPENING.match(event.sentence.text):
        head = text[event.sentence.start : event.trigger.start]
        if len(head.split()) < RECAP_OPENING_WORDS:
            return True
    if quoted_account(event, report):
        return True  # '"Rather than take that opportunity, he cracked down on his people."'
    published = iso_day(report.document.published)
    if published is None:
        return False
    if event.date and event.date_precision == "year":
        return event.date[:4] < published.isoformat()[:4]
    if event.date and event.date_precision == "month":
        return event.date[:7] < published.isoformat()[:7]
    if event.date:
        return False
    if _PLUPERFECT.search(before) or _SCENE.match(event.sentence.text):
        return True
    if event.type in _KEPT_UP_TYPES and _KEPT_UP.search(before):
        return True  # "has continued to supply weapons": a standing policy
    if _WITH_BEFORE.search(before) and _UNDER_WAY.match(after):
        return True  # "a dangerous place, with bombing under way again in Idlib": a state
    head = text[event.sentence.start : event.trigger.start]
    if _PLUPERFECT_SEQUENCE.search(head) or marks.sequel.match(event.sentence.text):
        return True  # "he had later been accused ... and was tortured"; "From there, ..."
    gerund = event.trigger.text.casefold().endswith("ing")
    if gerund and event.type in marks.plan_types and _PROGRESSIVE.search(before):
        return True  # "is pulling out its troops": a plan under way
    if gerund and _AFTER_GERUND.search(before):
        return True  # "stripped of her citizenship after surrendering to Kurdish forces"
    if _month_before(event, report, published) or _date_before(event, report, published):
        return True
    if _SINCE_SPAN.search(head) or _SPAN_BACK.search(event.sentence.text):
        return True  # "it is six weeks since she surrendered"; "over the last three years"
    if marks.earlier.search(head) or marks.dated_by.match(after) or marks.former.search(wide):
        return True  # "a day after the US closed its embassy"; "the killing came on the
        # day of the vote": an earlier happening, the point the news is dated from
    sentence = _COMPARED.sub(" ", event.sentence.text)
    if marks.past.search(marks.not_past.sub(" ", sentence)) or _SINCE.search(sentence):
        return True
    return any(int(y) < published.year for y in _YEAR.findall(sentence))


def quoted_account(event: Event, report: Report) -> bool:
    """The act is told only inside a direct quotation whose sentence states no time, no
    figure and no place of its own ('"Rather than take that opportunity, Assad brutally
    cracked down on his own people," the spokesman said'): a speaker's account of the
    story so far, not the day's news (a quoted scene with a day, a toll or a town stays)."""
    start = event.trigger.start
    if not any(q.start <= start < q.end and not q.partial for q in report.quotes):
        return False
    lo, hi = event.sentence.start, event.sentence.end
    spans = [*report.times, *report.quantities]
    if any(lo <= s.start < hi for s in spans):
        return False
    return not any(lo <= m.start < hi for p in report.places for m in p.mentions)


def _month_before(event: Event, report: Report, published: dt.date) -> bool:
    """One of the ``MONTH_REACH`` sentences before the undated event's names another
    month than the report's with a past verb ("one of the fighters showed me a video he
    had filmed in December. They had ambushed a convoy. Eight soldiers were killed"),
    and no sentence between holds a day of its own: the event is of that month."""
    if _DAY_WORD.search(event.sentence.text):
        return False
    text = report.document.text
    before = [(a, b) for a, b in sentences(report) if b <= event.sentence.start]
    for a, b in reversed(before[-MONTH_REACH:]):
        found = _PAST_MONTH.search(text, a, b)
        if found:
            month = _MONTHS.split("|").index(found.group(1)) + 1
            year = int(found.group(2)) if found.group(2) else None
            return (year or published.year, month) != (published.year, published.month)
        if _DAY_WORD.search(text, a, b):
            return False
    return False


def _explicit_day(found: re.Match[str], published: dt.date) -> dt.date | None:
    """The day a :data:`_DAY_MONTH` match names, in the report's year (the year before
    when that would fall after the report)."""
    day = int(found.group(1) or found.group(4))
    name = (found.group(2) or found.group(3))[:3]
    month = [m[:3] for m in _MONTHS.split("|")].index(name) + 1
    for year in (published.year, published.year - 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if when <= published:
            return when
    return None


def _date_before(event: Event, report: Report, published: dt.date) -> bool:
    """The undated event's sentence (or one of the ``DATE_REACH`` before it, with no
    sentence between holding a day of its own) names an explicit day ``DATE_GAP_DAYS``
    or more before the report ("The incident took place on 10 January ... 'There was a
    clash and two people were killed'"), or the sentence right before it a relative
    past ("celebrations in Sochi last week ... Exploiting the moment, Putin demanded"),
    or one of the ``FAR_PAST_REACH`` before it a time months or years back: the act is
    that earlier time's."""
    if _DAY_WORD.search(event.sentence.text):
        return False
    text = report.document.text
    spans = [(event.sentence.start, event.sentence.end)]
    spans += list(reversed([(a, b) for a, b in sentences(report) if b <= event.sentence.start]))
    for n, (a, b) in enumerate(spans[: DATE_REACH + 1]):
        for found in _DAY_MONTH.finditer(text, a, b):
            when = _explicit_day(found, published)
            if when is not None and (published - when).days >= DATE_GAP_DAYS:
                return True
        if n == 1 and _RELATIVE_PAST.search(text, a, b):
            return True
        if 1 < n <= FAR_PAST_REACH and _FAR_PAST.search(text, a, b):
            return True
        if n and _DAY_WORD.search(text, a, b):
            return False
    return False


# A stock line: the same words at an undated trigger ("Syria restricts access to
# foreign media", "The government blames the violence on ...") recur in the outlet's
# copy on many days; background boilerplate, not the day's news.
STOCK_DAYS = 5
STOCK_WORDS = 3


def _stock_key(event: Event, report: Report) -> tuple[str, str] | None:
    """The event's type and the first words from its trigger, for an undated event
    whose trigger is a word in -s ("restricts", "blames", "sanctions"), else None."""
    if event.date:
        return None
    text = report.document.text
    words = text[event.trigger.start : event.trigger.end + 40].casefold().split()[:STOCK_WORDS]
    if len(words) < STOCK_WORDS or not words[0].endswith("s"):
        return None
    return event.type, " ".join(words)


def stock_lines(reports: Iterable[Report]) -> set[tuple[str, str]]:
    """The stock keys (:func:`_stock_key`) that undated events carry on ``STOCK_DAYS``
    or more publication days of the corpus."""
    days: dict[tuple[str, str], set[str]] = {}
    for report in reports:
        day = (report.document.published or "")[:10]
        for event in report.events:
            key = _stock_key(event, report)
            if key is not None and day:
                days.setdefault(key, set()).add(day)
    return {k for k, v in days.items() if len(v) >= STOCK_DAYS}


def _stock(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    stock: set[tuple[str, str]],
) -> bool:
    """Every main event of the incident (every event when it has none) is a stock line."""
    mains = [s for s in inc.sightings if s.main] or inc.sightings
    told = sighted(mains, events)
    return bool(told) and all(_stock_key(e, r) in stock for e, r in told)


def sighted(
    sightings: Iterable[Sighting], events: dict[tuple[str, str], tuple[Event, Report]]
) -> list[tuple[Event, Report]]:
    """The (event, report) each sighting names, of those the reports hold, in order."""
    return [events[k] for k in ((s.document, s.event) for s in sightings) if k in events]


def _recalled(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> bool:
    """The incident's story is a look-back: every main event of it (the articles' news
    peg; every event when it has none) that the reports hold is told as past or averted."""
    mains = [s for s in inc.sightings if s.main] or inc.sightings
    told = sighted(mains, events)
    return bool(told) and all(looks_back(e, r) for e, r in told)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "On Friday, activists said at least 52 people were killed": the weekday the sentence
# names dates its act (a material one, told in the past) when the extractor left it undated.
_ON_WEEKDAY = re.compile(rf"\b[Oo]n\s+({'|'.join(_WEEKDAYS)})\b")


def _told_day(event: Event, report: Report) -> dt.date | None:
    """The day a sighting tells of: the event's own day; for an undated material act
    whose sentence says "on <weekday>" (one weekday only), that weekday in the six days
    up to its report; else its report's day."""
    if _own_day(event):
        return iso_day(event.date)
    published = iso_day(report.document.published)
    if published is not None and not event.date and event.quad.startswith("material"):
        named = {m.group(1) for m in _ON_WEEKDAY.finditer(event.sentence.text)}
        if len(named) == 1:
            back = (published.weekday() - _WEEKDAYS.index(named.pop())) % 7
            return published - dt.timedelta(days=back)
    return published


def _own_day(event: Event) -> bool:
    return bool(event.date) and event.date_precision in (None, "day")


def _same_news(day: dt.date | None, first: dt.date, dated: bool) -> bool:
    """A sighting tells of the incident's first day: its own stated day within a day of
    it, or (undated) a report of it published within ``max_span_days`` after it."""
    if day is None:
        return True
    gap = (day - first).days
    return abs(gap) <= 1 if dated else -1 <= gap <= rules().max_span_days


def _written_day(event: Event, report: Report) -> dt.date | None:
    """The event's stated day when its own sentence names that day's weekday ("On
    Tuesday X was killed", "resumed on Wednesday morning"): a day the report writes, not
    one the resolver inferred from the text around it."""
    if not _own_day(event) or looks_back(event, report):
        return None
    day = _told_day(event, report)
    if day is None or _WEEKDAYS[day.weekday()] not in event.sentence.text:
        return None
    return day


def _nearest(days: list[dt.date], told: dt.date) -> dt.date:
    """The day of ``days`` nearest ``told``, the later of a tie."""
    return min(days, key=lambda d: (abs((d - told).days), -d.toordinal()))


def split_days(
    inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]
) -> list[Incident]:
    """One incident per day its reports write (:func:`_written_day`): sightings that name
    two different weekdays for their acts ("On Tuesday a citizen journalist was killed",
    "when the shelling resumed on Wednesday morning") tell two happenings, however the
    linker joined their articles. Every other sighting goes to the written day nearest
    the day it tells of (:func:`_told_day`; an undated one its report's day, the later
    day of a tie) when that is within a day of it, else to the first written day (where
    :func:`news_view` weighs it as before); a figure goes with the sighting whose
    sentence gives it. A night ("on Friday night") runs into the next day: the two
    are one. An incident with one written day or none stays whole."""
    told: dict[int, dt.date | None] = {}
    written: set[dt.date] = set()
    nights: set[dt.date] = set()
    for s in inc.sightings:
        er = events.get((s.document, s.event))
        if er is None:
            continue
        told[id(s)] = _told_day(*er)
        day = _written_day(*er)
        if day is not None:
            written.add(day)
            if re.search(rf"\b{_WEEKDAYS[day.weekday()]}\s+night\b", er[0].sentence.text):
                nights.add(day)
    # "on Friday night": a night runs into the next day, whose reports tell the same act
    written -= {d + dt.timedelta(days=1) for d in nights}
    if len(written) < 2:
        return [inc]
    ordered = sorted(written)
    parts: dict[dt.date, list[Sighting]] = {d: [] for d in ordered}
    for s in inc.sightings:
        day = told.get(id(s))
        near = ordered[0] if day is None else _nearest(ordered, day)
        if day is not None and abs((near - day).days) > 1:
            near = ordered[0]  # of no written day: the first's, for news_view to weigh
        parts[near].append(s)
    starts: dict[tuple[str, int | None], dt.date] = {
        (s.document, events[(s.document, s.event)][0].sentence.start): d
        for d, kept in parts.items()
        for s in kept
        if (s.document, s.event) in events
    }
    out = []
    for day, kept in parts.items():
        if not kept:
            continue
        docs = {s.document for s in kept}
        part = inc.model_copy(
            update={
                "id": f"{inc.id}-day-{day.isoformat()}",
                "sightings": kept,
                "date": day.isoformat(),
                "date_end": None,
                "figures": [
                    f
                    for f in inc.figures
                    if f.document in docs and starts.get((f.document, f.start), day) == day
                ],
                "independent_reports": min(independent_reports(inc), len(docs)),
                "main_documents": [d for d in inc.main_documents if d in docs],
            }
        )
        own = sighted(kept, events)
        sources, targets = sides_told(inc, own, inc.type)  # a part names its own sides
        part = part.model_copy(update={"source_actors": sources, "target_actors": targets})
        out.append(part.model_copy(update={"salience": salience(part)}))
    return out


def sides_told(
    inc: Incident, told: list[tuple[Event, Report]], kind: str
) -> tuple[list[str], list[str]]:
    """The incident's sources and targets that the sightings ``told`` (of type ``kind``
    when any is: an arrest joined to an attack has not the attack's sides) name, in the
    incident's order; their own labels when none is the incident's."""
    sources: dict[str, None] = {}
    targets: dict[str, None] = {}
    typed = [er for er in told if er[0].type == kind] or told
    for event, report in typed:
        actors = {a.id: a for a in report.actors}
        sources.update(dict.fromkeys(label(p, actors) for p in event.source))
        targets.update(dict.fromkeys(label(p, actors) for p in event.target))
    return (
        [a for a in inc.source_actors if a in sources] or list(sources),
        [a for a in inc.target_actors if a in targets] or list(targets),
    )


def news_view(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> Incident:
    """The incident as its news tells it: the sightings whose event the report tells as
    news (not a look-back, an averted or only called-for act: :func:`looks_back`), and of
    those only the ones that tell of the first day they state (:func:`_same_news`: a
    stated day within one day of it, an undated report within ``max_span_days``). A
    later report the linker joined ("two journalists were killed on Wednesday", ten
    days on; "50 died on Saturday", three days on) is the news of its own day, not
    evidence, toll or report of this one.
    The view's date, type, sides, figures, confidence and report count are re-read from
    the sightings kept; an incident none of whose sightings is known stays as it is, one
    whose every known sighting is a look-back too (:func:`_recalled` leaves it out)."""
    known = [(s, events[(s.document, s.event)]) for s in inc.sightings if (s.document, s.event)
             in events]  # fmt: skip
    if not known:
        return inc
    news = [(s, er) for s, er in known if not looks_back(*er)]
    if not news:
        return inc
    own = {id(s): _told_day(*er) for s, er in news if _own_day(er[0])}
    days = {id(s): _told_day(*er) for s, er in news}
    first = min((d for d in (own or days).values() if d is not None), default=None)
    stated = [d for d in own.values() if d is not None]
    if len(set(stated)) > 1:
        # sightings that state different days ("is due to visit on Tuesday", "who
        # visited Damascus on Tuesday" beside one a resolver dated Monday): the day most
        # of them state, the earliest of a tie
        first = min(set(stated), key=lambda d: (-stated.count(d), d))
    if first is not None:
        news = [(s, er) for s, er in news if _same_news(days[id(s)], first, id(s) in own)]
    same_day = first is None or not inc.date or iso_day(inc.date) == first
    if len(news) == len(known) and len(known) == len(inc.sightings) and same_day:
        return inc
    kept = [s for s, _ in news]
    docs = {s.document for s in kept}
    kept_ids = {id(s) for s in kept}
    # a figure told in the sentence of a sighting dropped is that sighting's toll
    dropped = {
        (s.document, e.sentence.start) for s, (e, _) in known if id(s) not in kept_ids
    }  # fmt: skip
    update: dict[str, object] = {
        "sightings": kept,
        "figures": [
            f for f in inc.figures if f.document in docs and (f.document, f.start) not in dropped
        ],
        "independent_reports": min(independent_reports(inc), len(docs)),
        "main_documents": [d for d in inc.main_documents if d in docs],
    }
    if first is not None and inc.date and iso_day(inc.date) != first:
        update["date"] = first.isoformat()
    told = [er for _, er in news]
    if not any(e.type == inc.type for e, _ in told):
        lead = min(told, key=lambda er: er[0].sentence.start)[0]
        update.update(type=lead.type, mode=lead.mode, quad=lead.quad, intensity=lead.intensity)
    elif inc.mode and not any(e.type == inc.type and e.mode == inc.mode for e, _ in told):
        # the mode came from a sighting dropped ("shelling" in a look-back): re-read it
        typed_lead = min(
            (er for er in told if er[0].type == inc.type), key=lambda er: er[0].sentence.start
        )
        update["mode"] = typed_lead[0].mode
    kind = update.get("type", inc.type)
    update["source_actors"], update["target_actors"] = sides_told(inc, told, str(kind))
    scores = [e.confidence for e, _ in told if e.confidence is not None]
    update["confidence"] = max(scores) if scores else inc.confidence
    return inc.model_copy(update=update)


# A sentence of the stored text that is two run together: a headline or a photo caption
# glued to the lead with no full stop ("... attacked the city of Homs A Syrian and a
# German-Lebanese man have been arrested in Berlin"; '... had been "unrelenting" Two
# journalists have been killed'). A capitalized article after a word that is no
# preposition or verb of saying ("in The Hague", "told The Times" are names), or a
# capitalized article or number word right after a closing quotation mark, starts the
# second sentence. So does a broadcaster's correspondent opening a video caption ("...
# expel Syrian ambassadors BBC's Paul Wood, in Homs, says"), and a capitalized subject of
# a caption's present "say(s)" after a plain word ("firing on residents Gulf Arab states
# say they are expelling").
_NO_GLUE_BEFORE = (
    r"(?!(?:in|of|at|to|for|from|by|with|on|into|as|and|or|than|like|told|said|says|tells"
    r"|reads|reading|called|named|via|about|when|while|if|because|that|which|who|whom|whose"
    r"|where|after|before|but|so|whether|until|unless|though|although|since|also|only|even"
    r"|not|the|a|an|his|her|its|their|our|opposition)\s)"
)
_GLUE = re.compile(
    rf"(?<![\w’'-]){_NO_GLUE_BEFORE}[\w’'-]+?[a-z0-9’']\s+(?=(?:A|An|The)\s+[A-Za-z])"
    rf"|(?<![\w’'-]){_NO_GLUE_BEFORE}[a-z][\w’'-]*[a-z]\s+"
    r"(?=(?:The\s+)?(?:BBC|CNN|ITV|NPR|Sky\s+News|Al\s+Jazeera)[’']s\s+[A-Z]"
    r"|[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}\s+says?\s)"
    r"|[”\"](?<=[a-z.!?,][”\"])\s+"
    r"(?=(?:A|An|The|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands)\s)"
)


def glued_part(event: Event, report: Report) -> tuple[int, int]:
    """The offsets of the part of the event's sentence that holds its trigger, when the
    sentence is a headline, caption and lead run together (:data:`_GLUE`); the whole
    sentence otherwise. A line rests on that part only: its evidence, and the place and
    sides named in it."""
    lo, hi = event.sentence.start, event.sentence.end
    text = report.document.text
    cuts = [m.end() for m in _GLUE.finditer(text, lo, hi)]
    start, end = lo, hi
    for cut in cuts:
        if cut <= event.trigger.start:
            start = cut
        elif cut < end:
            end = cut
    return start, end


def caption(event: Event, report: Report) -> bool:
    """The event is told in a photo caption run into the next body sentence ("Homes in
    the old city have been badly damaged by shelling The army says ..."): the part
    before a cut of :func:`glued_part`, in a sentence that does not open the text (an
    opening one is a headline, :func:`_opening_run`)."""
    spans = sentences(report)
    if spans and spans[0][0] <= event.sentence.start < spans[0][1]:
        return False
    return glued_part(event, report)[1] < event.sentence.end


EVIDENCE_CHARS = 260  # a longer sentence is shown around its trigger


def _window(text: str, at: int, size: int = EVIDENCE_CHARS) -> str:
    """``text`` cut to about ``size`` characters around offset ``at``, at word ends."""
    text = " ".join(text.split()) if len(text) <= size else text
    if len(text) <= size:
        return text
    start = max(0, at - size // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + size)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    cut = " ".join(text[start:end].split())
    return ("…" if start else "") + cut + ("…" if end < len(text) else "")


def _opening_run(event: Event, report: Report) -> bool:
    """The event's sentence opens its text and is a headline, a caption and a lead run
    together (a cut of :func:`glued_part`, or longer than :data:`EVIDENCE_CHARS`): "Syria:
    UN veto gives Assad licence to kill - opposition The BBC's ... were smuggled into
    Homs" tells the headline's words, not the night's shelling."""
    spans = sentences(report)
    if not spans or not spans[0][0] <= event.sentence.start < spans[0][1]:
        return False
    whole = (event.sentence.start, event.sentence.end)
    return (
        glued_part(event, report) != whole
        or len(event.sentence.text) > EVIDENCE_CHARS
        or bool(_HEADLINE_START.match(event.sentence.text))
    )


# The start of a headline ("Syria crisis: Gulf states expel envoys", a topic before a
# colon) or of a photo or video caption ("Amateur video shows the shelling of ...").
_HEADLINE_START = re.compile(
    r"^\W*(?:[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}\s*:\s(?!\W)"
    r"|(?:[A-Z][\w-]*\s+)?(?i:video|footage|pictures?|images?|photos?|photographs?)\s+"
    r"(?:shows?|showed|appears?\s+to\s+show|purports?\s+to\s+show)\b)"
)


def evidence_event(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    comment: set[str] | None = None,
) -> tuple[Event, Report] | None:
    """The event (and its report) whose sentence is the incident's evidence: of its main
    sightings (all when it has none), one that is no running total
    (:func:`incidents.running_total`) and at the calibrated threshold before one under
    it, then the one placed highest in its article, a news report's before a comment
    piece's (``comment``: their document ids)."""
    mains = [s for s in inc.sightings if s.main] or inc.sightings
    told = sighted(mains, events)
    if told and all(_opening_run(*er) for er in told):
        # a headline run into a caption and a lead: a body sentence of the incident first
        known = sighted(inc.sightings, events)
        body = [er for er in known if not _opening_run(*er)]
        here = (inc.location or "").casefold()
        told = [er for er in body if here and here in er[0].sentence.text.casefold()] or (
            body or told
        )
    if comment:  # a news report's sentence before a comment piece's
        news = [er for er in told if er[1].document.id not in comment]
        if not news:
            every = (events.get((s.document, s.event)) for s in inc.sightings)
            news = [er for er in every if er is not None and er[1].document.id not in comment]
        told = news or told
    if not told:
        return None
    # A confident sentence before an unsure one ("security forces are using heavy weapons
    # to bombard residential areas" before "rejects any political moves while there are
    # still attacks"), then the highest placed in its article.
    sure = default_threshold()
    return min(
        told,
        key=lambda er: (
            er[0].type != inc.type,  # an arrest the linker joined to an attack is not it
            running_total(er[0].sentence.text),  # "7,000 killed since March" is no day's
            er[0].confidence is not None and er[0].confidence < sure,
            er[0].sentence.start,
            er[1].document.published or "9999",
        ),
    )


def evidence(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    comment: set[str] | None = None,
) -> str:
    """One sentence that tells of the incident, from the article it leads.

    Of its main sightings (all sightings when it has none), the event placed
    highest in its article. The article's headline is the evidence only when it
    names the event (its trigger word) or one of the incident's actors: a headline
    about something else is not evidence of this incident. A news report's sentence
    is preferred to one of a comment piece (``comment``: their document ids). A
    sentence longer than ``EVIDENCE_CHARS`` (headline, captions and lead run
    together) is cut around the trigger; a sentence cut from a quotation starts with "…"."""
    chosen = evidence_event(inc, events, comment)
    if chosen is None:
        return " ".join((inc.summary or "").split())
    event, report = chosen
    title = " ".join((report.document.title or "").split())
    if title:
        words = {w.casefold() for w in re.findall(r"[\w'-]{4,}", event.trigger.text)}
        for label in (*inc.source_actors, *inc.target_actors):
            if label_code(label) or any(w[:1].isupper() for w in label.split()):
                words.update(
                    w.casefold() for w in re.findall(r"[A-Z][\w'-]{3,}", label.split(" (")[0])
                )
        low = title.casefold()
        if any(w[:5] in low for w in words):
            return title
    lo, hi = glued_part(event, report)  # a caption run into the lead is not its evidence
    sentence = report.document.text[lo:hi].strip() if (lo, hi) != (
        event.sentence.start, event.sentence.end) else event.sentence.text  # fmt: skip
    text = _window(sentence, event.trigger.start - lo)
    return "…" + text if text[:1].islower() else text


def place(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> str | None:
    """The incident's place when one of its events is placed there with a reason: the
    event's clause, sentence, the story's lead or dateline (``place_reason``), or a
    mention of the place inside the event's sentence. A place given no reason and named
    only outside the event's sentence (a name from elsewhere in the article) is not
    shown, nor a place in a country neither side is of, when both sides' countries are
    coded (:func:`_nobody_there`). Without the reports, the incident's place."""
    if not inc.location:
        return None
    if inc.type in ONE_SPEAKER and any(
        _bare(a).casefold() == inc.location.casefold()
        for a in (*inc.source_actors, *inc.target_actors)
    ):
        return None  # "against Damascus": the capital names its government, no place
    told = sighted(inc.sightings, events)
    if not told:
        return inc.location
    for event, report in told:
        where = next((p for p in report.places if p.id == event.location), None)
        if where is None or where.name != inc.location:
            continue
        if _nobody_there(inc, where.country):
            continue
        if inc.type in ONE_SPEAKER and _only_quoted(where, event, report):
            continue  # "demanded 'steps to destroy this hotbed [in Idlib]'": its subject
        lo, hi = glued_part(event, report)
        if (lo, hi) != (event.sentence.start, event.sentence.end):
            # a sentence run together from a caption and a lead: the place must be named
            # in the trigger's own part ("... the city of Homs A Syrian ... arrested in
            # Berlin": the arrest is in Berlin, the attack is not)
            if any(lo <= m.start < hi for m in where.mentions):
                return inc.location
            continue
        if (
            event.place_reason
            or not where.mentions
            or any(event.sentence.start <= m.start < event.sentence.end for m in where.mentions)
        ):
            return inc.location
    return None


def _own_place(event: Event, report: Report) -> str | None:
    """The name of the place the event itself is coded at, if any."""
    where = next((p for p in report.places if p.id == event.location), None)
    return where.name if where is not None else None


def _only_quoted(where: Place, event: Event, report: Report) -> bool:
    """Every mention of the place in the event's sentence is inside the quoted words
    (or an editor's brackets): what a speaker spoke of, not where the act was."""
    lo, hi = event.sentence.start, event.sentence.end
    text = report.document.text
    inside = [m for m in where.mentions if lo <= m.start < hi]
    if not inside:
        return False
    for m in inside:
        seg = text[lo : m.start]
        quoted = seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1
        if not (quoted or seg.count("[") > seg.count("]")):
            return False
    return True


def _nobody_there(inc: Incident, country: str | None) -> bool:
    """Both sides carry country codes and neither is of the place's country: the place
    belongs to another happening of the sentence ("Russia attacked Idlib as ministers
    gathered in Brussels")."""
    if not country:
        return False
    sides = []
    for labels in (inc.source_actors, inc.target_actors):
        codes = [c.split("/")[0] for c in map(label_code, labels) if c]
        if not codes:
            return False
        sides += codes
    return country not in sides


def stated_toll(fig: ReportedFigure) -> bool:
    """The figure is a count its sentence states (:func:`linking.stated_count`, the one
    toll reader the linker uses too)."""
    return stated_count(fig.value, fig.sentence)


def tolls(inc: Incident, reports: dict[str, Report]) -> list[ReportedFigure]:
    """The incident's dead and injured that its sentences state (:func:`stated_toll`)
    and that are told of its own place: a figure whose sentence names a town
    (:func:`linking.towns_named`), none of them the incident's town, counts another
    happening ("two blasts in Aleppo killed 28" is no toll of the shelling of Homs),
    and a nationwide toll (:func:`_nationwide`) is no toll of a town's incident. In an
    incident two or more reports tell, a toll of one whose sentence writes no count
    (:data:`_ONE`: "killing her") is an anecdote's victim, not the incident's toll."""
    own = inc.location
    towns = {p.name for r in reports.values() for p in r.places if p.feature == "city"}
    several = independent_reports(inc) >= 2
    out = []
    for fig in inc.figures:
        if fig.kind not in ("dead", "injured") or not stated_toll(fig):
            continue
        report = reports.get(fig.document)
        if report is not None and own in towns and fig.start is not None and fig.end is not None:
            named_here = towns_named(report, fig.start, fig.end)
            if named_here and own not in named_here:
                continue
            if _nationwide(fig, report, named_here):
                continue
        if report is not None and _running_total(fig, report):
            continue
        if len(_DAY_MONTH.findall(fig.sentence or "")) >= CHRONOLOGY_DATES:
            continue  # "23 Dec: Two bombs hit ... 6 Jan: Car bomb kills 26": a chronology
        if fig.value == 1 and several and not _ONE.search(fig.sentence or ""):
            continue  # "a mortar bomb came through the roof, killing her": one victim's story
        if (
            fig.value == 1
            and _ONE.search(fig.sentence or "")
            and not _ONE.search(_ONE_TELLER.sub(" ", fig.sentence or ""))
        ):
            continue  # "One report said an equal number of troops were killed": no count
        out.append(fig)
    return out


def week_only(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> str:
    """The Monday of the one week every report of the incident dates it to, when none
    gives a day ("expelled the envoys during the week"): listed on its report's day,
    the line says so. Empty otherwise."""
    told = [e for e, _ in sighted(inc.sightings, events)]
    weeks = {e.date for e in told if e.date_precision == "week"}
    if len(weeks) != 1 or any(e.date_precision != "week" for e in told):
        return ""
    return weeks.pop() or ""


def counted_harm(figures: list[ReportedFigure]) -> list[ReportedFigure]:
    """The tolls less a count of the wounded told beside deaths with no count ("Two
    reporters died and two others were wounded"; :data:`_UNCOUNTED_DEAD`): shown alone,
    the wounded would stand for the whole toll."""
    if any(f.kind == "dead" for f in figures):
        return figures
    return [
        f for f in figures if not (f.kind == "injured" and _UNCOUNTED_DEAD.search(f.sentence or ""))
    ]


# A count of one written as such ("one person was killed", "1 dead"); a toll of one read
# from a pronoun or a name ("killing her") is one victim's story.
_ONE = re.compile(r"\b(?:one|1|single)\b", re.IGNORECASE)
# "one" counting who told, or when, not whom it struck ("One report quoting the group
# said ...", "one activist network said", "one day"): no toll of one.
_ONE_TELLER = re.compile(
    r"\b(?:one|single)\s+(?:[\w-]+\s+)?(?:reports?|sources?|accounts?|statements?|networks?"
    r"|groups?|witness|witnesses|videos?|day|night|week|time|way)\b",
    re.IGNORECASE,
)


def _nationwide(fig: ReportedFigure, report: Report, towns: set[str]) -> bool:
    """The toll is the country's, not the town's: a nationwide phrase follows its number
    ("52 people were killed across the country, including 16 in Homs": the 52), or its
    sentence names the country and no town ("Fighting continued in Syria, with activists
    saying that at least 40 people were killed")."""
    if fig.start is None or fig.end is None:
        return False
    text = report.document.text[fig.start : fig.end]
    for digits in _digits_of(fig.value):
        at = text.find(digits)
        if at >= 0 and _marks().nationwide.match(text, at + len(digits)):
            return True
        if at >= 0 and _across_country(text[at + len(digits) :], report):
            return True
    if towns:
        return False
    return any(
        p.feature == "country" and any(fig.start <= m.start < fig.end for m in p.mentions)
        for p in report.places
    )


# A toll in the perfect passive or "have died": a count up to the time of telling.
_PERFECT_TOLL = re.compile(
    r"\b(?:have|has|had)\s+(?:now\s+)?(?:been\s+(?:killed|wounded|injured|hurt)|died)\b",
    re.IGNORECASE,
)


def _running_total(fig: ReportedFigure, report: Report) -> bool:
    """The toll is a running total, not a day's: after its number the sentence counts
    in the perfect and from a start or over a campaign ("at least 300 people had been
    killed in the assault on Homs", "more than 7,000 have died since March")."""
    if fig.start is None or fig.end is None:
        return False
    text = report.document.text[fig.start : fig.end]
    for digits in _digits_of(fig.value):
        at = text.find(digits)
        if at < 0:
            continue
        rest = text[at + len(digits) :]
        perfect = _PERFECT_TOLL.search(rest)
        if perfect and _marks().running.search(rest, perfect.end()):
            return True
    return False


def _across_country(rest: str, report: Report) -> bool:
    """Within five words after a toll's number, "across", "throughout" or "around" and a
    country the report names ("50 people died in unrest across Syria on Saturday, nearly
    half of them in Homs"): the country's toll."""
    names = [p.name for p in report.places if p.feature == "country"]
    if not names:
        return False
    pattern = rf"^(?:\s+[\w’'-]+){{0,5}}?\s+(?:across|throughout|around)\s+(?:{_words(names)})\b"
    return re.match(pattern, rest, re.IGNORECASE) is not None


def _digits_of(value: float) -> list[str]:
    """How a count is written: "52", "1,200"."""
    n = int(value)
    return [f"{n:,}", str(n)] if n >= 1000 else [str(n)]


def named(labels: Iterable[str]) -> list[str]:
    """Actor labels that identify someone: no pronoun ("They"), no reference back without
    a name ("The group"), no count ("41 positions"). A label with a country code is kept."""
    pronouns = rules().pronouns
    out = []
    for text in labels:
        if label_code(text):
            out.append(text)
            continue
        words = text.split()
        if not words or normalize(text) in pronouns or words[0][:1].isdigit():
            continue  # "They"; "41 positions" is a count of things, not an actor
        if words[0].casefold() in _ANAPHORIC and not any(w[:1].isupper() for w in words[1:]):
            continue
        out.append(text)
    return out


# How the sides of a one-way act read: a request asks someone, a surrender yields to
# someone, a withdrawal leaves somewhere; only joint acts (talks, agreements) are "with".
_LINKS = {
    "REQUEST": "asking",
    "SUPPORT": "backing",
    "AID": "aiding",
    "CONCEDE": "yielding to",
    "RETREAT": "yielding to",
}


def link_word(inc: Incident) -> str:
    """The word between an incident's sides: "against" for conflict, "with" for joint
    cooperation, and the one-way reading of requests, support, aid, concessions and
    retreats ("from" for a withdrawal)."""
    if inc.type == "RETREAT" and (inc.mode or "").startswith("withdraw"):
        return "from"
    if inc.type in _LINKS:
        return _LINKS[inc.type]
    return "with" if inc.quad.endswith("cooperation") else "against"


# "United States-backed fighters", "Iranian-backed militias": the backer named in an
# adjective is not the group's country.
_BACKED = re.compile(r"\b[A-Z][\w.’'-]*-(?:backed|funded|sponsored|supported|armed|trained)\s")


# A label cut at a hyphen ("backed Kurdish and Arab militia" from "a western-backed
# Kurdish and Arab militia"): the name lost its first part.
_CUT_COMPOUND = re.compile(r"^(?:backed|led|funded|sponsored|supported|allied|based)\s")


def whole_name(text: str, sentence: str) -> str:
    """The label with the part before its hyphen that the evidence sentence writes
    ("western-backed Kurdish and Arab militia"), when the label starts cut there."""
    if not _CUT_COMPOUND.match(text):
        return text
    found = re.search(rf"[\w’'.-]+-{re.escape(text.split(' (')[0])}", sentence)
    return found.group(0) + text[len(text.split(" (")[0]) :] if found else text


def backed(text: str) -> str:
    """A label whose name is a group backed by a state ("United States-backed fighters
    (USA/REB)") without the code the actor table gave it from the backer's name."""
    code = label_code(text)
    if code is None:
        return text
    name = text[: text.rindex(" (")]
    return name if _BACKED.search(name + " ") else text


def _who(inc: Incident, b: Brief | None = None) -> str:
    """``"A against B"`` for conflict, ``"A with B"`` for joint cooperation, ``"A asking
    B"``, ``"A from B"`` for one-way acts (:func:`link_word`); unknown sides left out, and
    implausible ones (:func:`plausible_sides`) when the brief has them."""
    sources, targets = (
        b.sides[inc.id]
        if b is not None and inc.id in b.sides
        else (inc.source_actors, inc.target_actors)
    )
    src = ", ".join(distinct_labels(named(backed(a) for a in sources), 2))
    tgt = ", ".join(distinct_labels(named(backed(a) for a in targets), 2))
    link = link_word(inc)
    if src and tgt:
        return f"{src} {link} {tgt}"
    if tgt:
        return f"{link} {tgt}"
    return src or "actors not named"


def _day(inc: Incident) -> str:
    """The incident's date, else the day it was first reported, else ``undated``."""
    if inc.date:
        return inc.date
    return f"reported {inc.first_reported}" if inc.first_reported else "undated"


def _chronological(incidents: Iterable[Incident]) -> list[Incident]:
    return sorted(incidents, key=lambda i: (incident_day(i) or dt.date.max, i.id))


# How to read the index, in one line: its sign and its scale (corpus/tension.py).
TENSION_SCALE = (
    "(The index adds each incident's weight on the PLOVER scale, conflict counting up"
    " (an assault +9) and cooperation down (a surrender -5), more reports weighing more,"
    " divided by the week's coverage: above zero a week of mostly conflict, higher is"
    " tenser.)"
)
TREND_INCIDENTS = 3  # fewer incidents in either week compared: no trend to read


def _tension(
    chosen: list[Incident], by_id: dict[str, Incident], until: dt.date | None = None
) -> tuple[str, list[Incident]]:
    points = index_points(chosen, "week")
    if not points:
        return "No dated incidents: nothing to say about tension.", []
    if len(points) < 2:
        only = points[0]
        return (
            f"{_n(only.incidents, 'dated incident')}, all in the week of"
            f" {only.period.isoformat()} (tension index {only.index:.1f}); there is no"
            " earlier week in the period to compare it with.",
            [],
        )
    last, before = points[-1], points[-2]
    if not before.incidents:
        return (
            f"The last week with incidents, the week of {last.period.isoformat()}, had"
            f" {_n(last.incidents, 'incident')} in {_n(last.reports, 'report')} (tension"
            f" index {last.index:.1f}); the week before had none, so there is no trend to"
            " read.",
            [],
        )
    delta = last.normalized - before.normalized
    way = "rose" if delta > 0.5 else "fell" if delta < -0.5 else "held steady"
    text = (
        f"Tension {way} in the week of {last.period.isoformat()}: index"
        f" {last.normalized:.1f} against {before.normalized:.1f} the week before"
        f" ({_n(last.incidents, 'incident')} in {_n(last.reports, 'report')}, against"
        f" {before.incidents} in {before.reports}). {TENSION_SCALE}"
    )
    if min(last.incidents, before.incidents) < TREND_INCIDENTS:
        text += (
            f" With fewer than {TREND_INCIDENTS} incidents in one of the two weeks, the"
            " change is too thin to read as a trend."
        )
    if until is not None and (until - last.period).days < 6:
        inside = (until - last.period).days + 1
        text += f" Only {_n(inside, 'day')} of the last week lie in the period."
    drivers = [by_id[i] for i in last.drivers if i in by_id] if way == "rose" else []
    return text, drivers


# An article's main event told in its lead (the first sentence; a headline run into the
# text opens it) is the story's news: it is kept at a confidence this much below the
# threshold, so a day one outlet told once does not vanish from a single-outlet corpus.
LEAD_MARGIN = 0.12


def leads(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    min_confidence: float | None = None,
) -> bool:
    """True when one of the incident's main events opens its article (nothing but
    white space before its sentence), or a material act of it is told in the article's
    second sentence right after a first that tells a material act (:func:`_second`), is
    asserted, is no recap and has a confidence of at least the threshold
    (``min_confidence``, by default the calibrated one) less ``LEAD_MARGIN``, and the
    incident names a side (:func:`named`)."""
    if inc.background or inc.modality != "asserted":
        return False
    if not named(inc.source_actors) and not named(inc.target_actors):
        return False  # a lead that names no side ("says she regrets ...") is too thin
    threshold = default_threshold() if min_confidence is None else min_confidence
    for s in inc.sightings:
        told = events.get((s.document, s.event))
        if told is None:
            continue
        event, report = told
        if event.background or event.modality != "asserted" or event.confidence is None:
            continue
        if event.confidence < threshold - LEAD_MARGIN:
            continue
        head = report.document.text[: event.sentence.start]
        if s.main and not head.strip():
            return True
        if not s.main and inc.quad.startswith("material") and _second(event, report, head):
            return True
    return False


def _second(event: Event, report: Report, head: str) -> bool:
    """The event's sentence is the article's second, right after a first sentence that
    tells an asserted material act (the lead paragraph: "Fighters retook the final
    enclave on Saturday. Militants continued to emerge from tunnels, surrendering to the
    SDF.")."""
    spans = sentences(report)
    if len(spans) < 2 or spans[1][0] != event.sentence.start:
        return False
    first = [
        e
        for e in report.events
        if e.sentence.start == spans[0][0]
        and e.quad.startswith("material")
        and e.modality == "asserted"
        and not e.background
    ]
    return bool(first) and bool(head.strip())


def thin(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    reports: dict[str, Report],
) -> bool:
    """Told by one report, naming no side, stating no toll (:func:`tolls`) and with no
    date of its own ("They estimate that 20% ... were killed", "those they killed"): too
    little to stand as a key incident (on the report's day it may well be a recap). A
    verbal act with no named asker and no named addressee (:func:`_vague_verbal`) is
    thin too, dated or not, however many reports tell it ("They urged patience")."""
    if _vague_verbal(inc):
        return True  # "request, asking government": no asker, no one named asked
    if independent_reports(inc) >= 2:
        return False
    told = sighted(inc.sightings, events)
    if told and all(caption(*er) for er in told):
        return True  # a photo's caption tells what it shows, not the day's news
    if named(inc.source_actors) or named(inc.target_actors):
        return False
    if any(f.value >= 2 for f in tolls(inc, reports)):
        return False  # a count; "1" may be a bare "killed" read as one
    return bool(told) and all(e.date is None for e, _ in told)


# --- comment pieces -------------------------------------------------------------------
# A comment piece (editorial, column, letter, press review, first-person essay) argues
# or remembers; it is not a report of what happened, and its sentences ("were
# responsible for murderous attacks in Britain") do not make key incidents. Three marks,
# any one enough: a stated marker ("The opinions expressed are his own", "is a
# columnist", a headline "Comment: ..."); a lead in the writer's own voice (first person
# singular, no quotation, no attribution: "I was nine months pregnant when ..."); or an
# argument: at least ``COMMENT_PRESCRIPTIONS`` unattributed sentences saying what should
# or must be done, a tenth of the text or more, in a text where fewer than a tenth of
# the sentences attribute anything ("said", "told", "according to"), as news does.
_COMMENT_MARK = re.compile(
    r"\bopinions expressed are (?:his|her|their|the author's|the writer's) own\b"
    r"|\bis an? (?:[\w-]+ ){0,2}columnist\b|^\s*(?:comment|opinion|editorial|letters?)\s*[:|]"
    r"|\bthe \w+ view on\b",
    re.IGNORECASE | re.MULTILINE,
)
# A signed piece's closing bio line ("• Alia Brahimi is co-founder of ..."): a bullet, a
# name of two to four capitalized words and "is".
_BIO_TRAILER = re.compile(r"•\s*(?:[A-Z][\w’'.-]+\s+){2,4}is\s+\w")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|myself)\b")
_PRESCRIBES = re.compile(
    r"\b(?:should|must|ought to)\b|\bit is (?:only )?(?:right|time|wrong)\b", re.IGNORECASE
)
COMMENT_PRESCRIPTIONS = 3
UNSAID_SHARE = 3  # a third of the text in quotation with no speaker: a press review


def sentences(report: Report) -> list[tuple[int, int]]:
    """The report's sentences as offsets: the parse's, as the document stores them
    (``Document.sentences``). A report stored before they were kept has the sentences
    its extractors stored (of its events, claims, quotes and quantities), and each
    stretch between them as one more."""
    text = report.document.text
    starts = report.document.sentences
    if starts:
        ends = [*starts[1:], len(text)]
        return [
            (a, a + len(text[a:b].rstrip())) for a, b in zip(starts, ends, strict=True)
            if text[a:b].strip()
        ]  # fmt: skip
    spans: list[Span | None] = [e.sentence for e in report.events]
    spans += [c.sentence for c in report.claims]
    spans += [q.sentence for q in report.quotes]
    spans += [q.sentence for q in report.quantities]
    stored = sorted({(x.start, x.end) for x in spans if x is not None})
    out: list[tuple[int, int]] = []
    pos = 0
    for lo, hi in stored:
        if lo < pos:
            continue  # overlaps a sentence already taken
        if text[pos:lo].strip():
            out.append((pos, lo))
        out.append((lo, hi))
        pos = hi
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


# The cues news attributes with ("said", "told", "according to", "added"); a letter or
# a column argues with its subject through other cues ("X complains that", "won't admit
# that"), which are not the mark of a report.
_WRITER = frozenset({"i", "we", "me", "us"})
_REPORTING = re.compile(
    r"^(?:says?|said|saying|tells?|told|telling|according|add(?:s|ed|ing)?"
    r"|report(?:s|ed|ing)?|announc(?:e|es|ed|ing)|confirm(?:s|ed|ing)?)$",
    re.IGNORECASE,
)


def _attributions(report: Report, reporting: bool = False) -> list[int]:
    """Where the report attributes something: the cue (else the source or the quote)
    of each stored claim and of each quote with a speaker; with ``reporting``, only
    those whose cue is a reporting one (:data:`_REPORTING`)."""

    def keep(cue: Span | None) -> bool:
        return not reporting or (
            cue is not None and bool(_REPORTING.match(cue.text.split()[0] if cue.text else ""))
        )

    # The writer's own "I agreed to ...", "we must ..." attributes nothing to anyone.
    at = [
        c.cue.start if c.cue else c.source.start
        for c in report.claims
        if keep(c.cue) and normalize(c.source.name) not in _WRITER
    ]
    at += [
        q.cue.start if q.cue else q.start
        for q in report.quotes
        if q.speaker is not None and keep(q.cue)
    ]
    return [a for a in at if a is not None]


def comment_piece(report: Report) -> bool:
    """True when the report reads as comment rather than news (see the marks above).
    What the report attributes, and what it quotes, is read from its stored claims and
    quotes (their cues and offsets)."""
    text = report.document.text
    title = report.document.title or ""
    if _COMMENT_MARK.search(title) or _COMMENT_MARK.search(text[:400] + "\n" + text[-400:]):
        return True
    if _BIO_TRAILER.search(text[-400:]):
        return True  # "• Name Surname is co-founder of ...": a signed op-ed
    spans = sentences(report)
    if not spans:
        return False
    opening = text[spans[0][0] : spans[0][1]].strip()
    if opening.endswith("?") and not any(q in opening for q in '“”"‘'):
        return True  # "Remember those plucky Kurdish forces ...?": a lead that argues
    if _closing_question(report, spans):
        return True  # "Is this where the war leads next?": a piece that ends arguing
    said = _attributions(report)
    quoted = [(q.start, q.end) for q in report.quotes]

    def attributes(lo: int, hi: int) -> bool:
        return any(lo <= a < hi for a in said)

    def unquoted(lo: int, hi: int) -> str:
        chars = list(text[lo:hi])
        for qs, qe in quoted:
            for i in range(max(qs, lo), min(qe, hi)):
                chars[i - lo] = " "
        return "".join(chars)

    lo, hi = spans[0]
    lead = text[lo:hi]
    if (
        _FIRST_PERSON.search(lead)
        and not attributes(lo, hi)
        and not any(qs < hi and qe > lo for qs, qe in quoted)
        and not any(q in lead for q in '“”"‘')
    ):
        return True
    prescribing = sum(
        1 for a, b in spans if _PRESCRIBES.search(unquoted(a, b)) and not attributes(a, b)
    )
    reported = _attributions(report, reporting=True)
    saying = sum(1 for a, b in spans if any(a <= x < b for x in reported))
    # A press review: much of the text is quotation no speaker is found for (the
    # columnists' words run in after their names), and little is reported as said.
    unsaid = sum(q.end - q.start for q in report.quotes if q.speaker is None)
    if unsaid * UNSAID_SHARE >= len(text.strip()) and saying * 10 < len(spans):
        return True
    return (
        prescribing >= COMMENT_PRESCRIPTIONS
        and prescribing * 10 >= len(spans)
        and saying * 10 < len(spans)
    )


CLOSING_QUESTION_SENTENCES = 10  # a shorter text ending in a question may be a teaser


def _closing_question(report: Report, spans: list[tuple[int, int]]) -> bool:
    """The article's last sentence outside the removed page blocks is a question of its
    own, in no quotation marks and no hashtag ("Is Tehran where this tragedy leads
    next?"), in a text of ``CLOSING_QUESTION_SENTENCES`` or more sentences."""
    text = report.document.text
    removed = [(b.start, b.end) for b in report.document.removed]
    body = [(a, b) for a, b in spans if not any(lo <= a and b <= hi for lo, hi in removed)]
    body = [(a, b) for a, b in body if text[a:b].strip()]
    if len(body) < CLOSING_QUESTION_SENTENCES:
        return False
    closing = text[body[-1][0] : body[-1][1]].strip()
    return closing.endswith("?") and not any(q in closing for q in '“”"‘#')


def _opinion_only(
    inc: Incident,
    comment: set[str],
    events: dict[tuple[str, str], tuple[Event, Report]] | None = None,
) -> bool:
    """Every report of the incident is a comment piece (:func:`comment_piece`), and none
    opens with it as its news hook (:func:`news_hook`)."""
    docs = {s.document for s in inc.sightings}
    if not docs or not docs <= comment:
        return False
    return not any(
        news_hook(*events[(s.document, s.event)])
        for s in inc.sightings
        if events and (s.document, s.event) in events
    )


def news_hook(event: Event, report: Report) -> bool:
    """A comment piece's opening sentence that tells, in the third person, a material
    act with a stated day ("Fighters retook the last enclave on Saturday in the
    border town, ..."): the news the piece then argues about, told as news."""
    spans = sentences(report)
    if not spans or not event.quad.startswith("material") or event.modality != "asserted":
        return False
    lo, hi = spans[0]
    opening = report.document.text[lo:hi]
    return (
        lo <= event.sentence.start < hi
        and _own_day(event)
        and not _FIRST_PERSON.search(opening)
        and not opening.strip().endswith("?")
    )


# --- plausible sides ------------------------------------------------------------------
# Who only speaks cannot be the doer of a material act: a ministry of foreign affairs, a
# spokesman, a statement, a resolution or a veto, a newspaper, a monitoring group. Told
# as the source of an assault or a coercion, the extractor took the speaker of the
# sentence for the doer ("the Chinese foreign ministry" as the attacker of Homs).
_SPEAKER = re.compile(
    r"\b(?:foreign (?:ministry|ministries|office|minister)|ministry of foreign affairs"
    r"|spokes(?:man|woman|men|women|person|people)|statements?|resolutions?|vetoe?s?"
    r"|press|media|newspapers?|news agency|observatory|monitors?|monitoring group"
    r"|envoys?|ambassadors?|diplomats?|embass(?:y|ies)|commentators?|columnists?)\b",
    re.IGNORECASE,
)
# A document or a decision does nothing of itself: "the Russian and Chinese vetoes
# encouraged the government" is no request by a veto, "a UN resolution condemning ..."
# no accusation by a resolution (its authors accuse). Not shown as the doer of any act.
_PAPER = re.compile(
    r"^(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w’'-]+\s+){0,4}"
    r"(?:vetoe?s?|resolutions?|drafts?|motions?|statements?|reports?)$",
    re.IGNORECASE,
)
# A target label headed by a place word ("the rebel-held province of Idlib", "districts
# of Homs") is where the act happened, not who it was done to.
_PLACE_WORD = re.compile(
    r"\b(?:province|city|town|village|district|districts|suburb|suburbs|neighbourhood"
    r"|neighborhood|region|quarter|enclave)\b",
    re.IGNORECASE,
)


# "Russian-made tanks": the country made the weapon; it is no side of the act.
_MADE = re.compile(r"\w-(?:made|built|supplied)\b", re.IGNORECASE)


def _bare(text: str) -> str:
    return text[: text.rindex(" (")] if label_code(text) else text


def _comment_labels(inc: Incident, reports: dict[str, Report], comment: set[str]) -> set[str]:
    """Actor labels that only the incident's comment-piece sightings bring: a columnist
    quoted in a press review is no side of the killing his column recalls."""
    brought: dict[bool, set[str]] = {True: set(), False: set()}
    for s in inc.sightings:
        report = reports.get(s.document)
        event = next((e for e in report.events if e.id == s.event), None) if report else None
        if report is None or event is None:
            continue
        actors = {a.id: a for a in report.actors}
        opinion = s.document in comment and not news_hook(event, report)
        brought[opinion].update(label(p, actors) for p in (*event.source, *event.target))
    return brought[True] - brought[False]


def plausible_sides(
    inc: Incident, reports: dict[str, Report], comment: set[str] | None = None
) -> tuple[list[str], list[str], bool]:
    """The sides to show. None that only a comment piece brings (:func:`comment_piece`),
    no document or decision as the doer of any act (:data:`_PAPER`: "the vetoes").
    Of a material act (an assault, a coercion): no source that only speaks
    (:data:`_SPEAKER`) or is a thing made somewhere ("Russian-made tanks"), and no target
    that is a place (a town of the reports, "Homs"; a label headed by a place word, "the
    province of Idlib"), that is placed in another town ("the director of the hospital
    in Damascus" in the shelling of Homs) or that speaks of the act in its sentence
    ("Obama has described the attacks as ..."). The third value is True when a source
    was dropped: the incident's doer is in doubt."""
    extra = _comment_labels(inc, reports, comment) if comment else set()
    sources = [a for a in inc.source_actors if a not in extra and not _PAPER.search(_bare(a))]
    targets = [a for a in inc.target_actors if a not in extra]
    if inc.type in ("CONSULT", "PROTEST"):
        # "Lavrov visited Damascus": the town of talks or a visit is where, not with whom;
        # "thousands demonstrated in Hama": so is the town of a protest, not its target
        visited = {
            name
            for s in inc.sightings
            if s.document in reports
            for name in town_names(reports[s.document])
        }
        targets = [a for a in targets if _bare(a).casefold() not in visited]
    if not inc.quad.startswith("material"):
        return sources, targets, len(sources) < len(inc.source_actors)
    # "shot dead six people": the particle of the verb is no part of whom it struck
    targets = [a[5:] if a.casefold().startswith("dead ") and len(a) > 5 else a for a in targets]
    told = [reports[s.document] for s in inc.sightings if s.document in reports]
    towns = {p.name.casefold() for r in told for p in r.places if p.feature != "country"}
    sources = [a for a in sources if not _SPEAKER.search(_bare(a)) and not _MADE.search(_bare(a))]
    targets = [
        a for a in targets if _bare(a).casefold() not in towns and not _PLACE_WORD.search(_bare(a))
    ]
    # "the director of the hospital in Damascus" as a target of the shelling of Homs: a
    # label placed in another town is of another happening.
    here = (inc.location or "").casefold()
    elsewhere = {t for t in towns if t != here}
    targets = [a for a in targets if not _placed_in(_bare(a), elsewhere)]
    speakers = {
        n
        for s in inc.sightings
        if s.document in reports
        for e in reports[s.document].events
        if e.id == s.event
        for n in speakers_of(e, reports[s.document])
    }
    targets = [a for a in targets if not _speaks(_bare(a), speakers)]
    return sources, targets, len(sources) < len(inc.source_actors)


def speakers_of(event: Event, report: Report) -> set[str]:
    """Who speaks in the event's sentence, from the report's stored claims and quotes:
    the source of the claim or the speaker of the quote the event rests on
    (``Event.attribution``), and of every claim or quote whose cue lies in the event's
    sentence ("President Obama has described the attacks as ..."; "..., the minister
    said")."""
    lo, hi = event.sentence.start, event.sentence.end
    names = set()
    for claim in report.claims:
        at = claim.cue.start if claim.cue else claim.source.start
        if claim.id == event.attribution or (at is not None and lo <= at < hi):
            names.add(claim.source.name)
    for quote in report.quotes:
        if quote.speaker is None:
            continue
        at = quote.cue.start if quote.cue else quote.start
        if quote.id == event.attribution or lo <= at < hi:
            names.add(quote.speaker.name)
    return names


def _speaks(name: str, speakers: set[str]) -> bool:
    """The label (a name with a capital letter) names one who speaks of the act: its
    words are the start of a speaker's name, or its end ("the continued shelling of
    Homs President Barack Obama", a headline run into the speaker), or the speaker's
    name is inside it."""
    if not any(w[:1].isupper() for w in name.split()):
        return False
    low = normalize(name)
    if not low:
        return False
    for n in speakers:
        said = normalize(n) if n else ""
        if said and (said.startswith(low) or said in low or said.endswith(" " + low)):
            return True
    return False


def town_names(report: Report) -> set[str]:
    """The report's towns as the gazetteer names them and as its text writes them
    ("Ḩamāh" and "Hama"), case-folded."""
    text = report.document.text
    return {
        name.casefold()
        for p in report.places
        if p.feature == "city"
        for name in (p.name, *(text[m.start : m.end] for m in p.mentions))
    }


def _placed_in(name: str, towns: set[str]) -> bool:
    """The label says where its actor is ("... in Damascus") and it is one of ``towns``."""
    found = re.search(r"\b(?:in|of|from) ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)$", name)
    return found is not None and found.group(1).casefold() in towns


def _matches(text: str, names: list[str]) -> bool:
    """The incident's label is one of the event's participants (same code, or one name
    inside the other)."""
    code, bare = label_code(text), normalize(_bare(text))
    for n in names:
        if code and label_code(n) == code:
            return True
        other = normalize(_bare(n))
        if bare and other and (bare in other or other in bare):
            return True
    return False


# "asked for a fee to receive the detainees", "called for the release of the men": what
# follows "for" is what is asked, not whom.
_ASKED_FOR = re.compile(r"^\s+for\b", re.IGNORECASE)


def told_sides(
    inc: Incident,
    sources: list[str],
    targets: list[str],
    events: dict[tuple[str, str], tuple[Event, Report]],
    comment: set[str] | None = None,
) -> tuple[list[str], list[str]]:
    """The sides of a verbal act (a request, an accusation, a statement) as the evidence
    sentence tells them (:func:`evidence_event`): one speaker's act, so sides that other
    reports' sentences bring (another speaker's appeal the linker joined, a minister
    quoted beside the president) are not shown. A request "for" something names no
    addressee ("Baghdad has asked for a fee ... to receive the detainees")."""
    chosen = evidence_event(inc, events, comment)
    if chosen is None:
        return sources, targets
    event, report = chosen
    actors = {a.id: a for a in report.actors}
    src = [label(p, actors) for p in event.source]
    tgt = [label(p, actors) for p in event.target]
    text = report.document.text
    if inc.type == "REQUEST" and _ASKED_FOR.match(text[event.trigger.end : event.trigger.end + 6]):
        tgt = []
    return [a for a in sources if _matches(a, src)], [a for a in targets if _matches(a, tgt)]


# "withdrew through eastern Syria", "pulling troops out of Syria": in a withdrawal, the
# country after a preposition of motion is where from, not a side.
_MOTION = re.compile(
    r"\b(?:from|out\s+of|through|across|into|in)\s+(?:the\s+)?(?:(?:north|south|east|west)"
    r"(?:ern|-eastern|-western)?\s+)?$",
    re.IGNORECASE,
)
# "vetoed a resolution condemning the government's violence": the side named in what a
# document says is its subject, not the one the act is against.
_PAPER_SAYS = re.compile(
    r"\b(?:resolutions?|drafts?|motions?|texts?|statements?|plans?)\s+(?:[\w’'-]+ing|on|against)"
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


_IN_PLACE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
# "a corner of eastern Syria", "in northern Varnia": a country with a compass adjective is
# a region, where the act happened, not a side of any act.
# "A Syrian and a German-Lebanese man have been arrested": an article and a nationality
# word alone name one person of that nationality, not the state the actor table codes.
_ONE_NATIONAL = re.compile(r"^(?i:an?|one)\s+[A-Z][\w’'-]*(?:an|ese|i|ish|ch)$")
_REGION_NAME = re.compile(
    r"^(?i:the\s+)?(?i:north|south|east|west|north-east|north-west|south-east|south-west)ern"
    r"\s+[A-Z]"
)


def named_as_no_side(inc: Incident, event: Event, report: Report) -> set[str]:
    """The labels of the event's targets that its sentence names as no one the act is
    done to or aimed at: a backer ("with support from Hassan Rouhani, Putin demanded"),
    the country of a withdrawal ("withdrew through eastern Syria"), the subject of a
    document the act is about ("vetoed a resolution condemning the Syrian government"),
    a country with a compass adjective ("refusing to leave a corner of eastern Syria"),
    one person named by nationality ("a Syrian", which the actor table codes as the state)."""
    text = report.document.text
    actors = {a.id: a for a in report.actors}
    out = set()
    for p in event.target:
        if _marks().own.match(p.name):
            out.add(label(p, actors))  # "closed its embassy": the doer's own
        if _REGION_NAME.match(p.name):
            out.add(label(p, actors))  # "eastern Syria": a region
        if _ONE_NATIONAL.match(p.name):
            out.add(label(p, actors))  # "a Syrian" (a man) is not the Syrian state
        if p.start is None:
            continue
        before = text[max(event.sentence.start, p.start - 60) : p.start]
        if _marks().supporter.search(before) or _PAPER_SAYS.search(before):
            out.add(label(p, actors))
        elif _IN_PLACE.search(before) and inc.quad.startswith("verbal"):
            out.add(label(p, actors))  # "regime change in Damascus": a place
        elif inc.type == "RETREAT" and _MOTION.search(before):
            out.add(label(p, actors))
    return out


def _same_head(sources: list[str], targets: list[str]) -> bool:
    """A target that is a source's head noun ("fighters" beside "Islamic State
    fighters", from "fired on the wives of fighters"): one side told on both."""
    heads = {_bare(a).casefold() for a in targets}
    return any(_bare(a).casefold().endswith(" " + h) for a in sources for h in heads if h)


def sides_of_evidence(
    inc: Incident,
    sources: list[str],
    targets: list[str],
    events: dict[tuple[str, str], tuple[Event, Report]],
    comment: set[str] | None = None,
) -> tuple[list[str], list[str]]:
    """The sides less the targets the evidence sentence names as no side
    (:func:`named_as_no_side`); and when one label stands on both sides (the sightings'
    sides of two sentences mixed: "security forces, protesters against people, security
    forces"), only the sides the evidence sentence names."""
    chosen = evidence_event(inc, events, comment)
    if chosen is None:
        return sources, targets
    event, report = chosen
    off = set()
    for s in inc.sightings:
        if (s.document, s.event) in events:
            off |= named_as_no_side(inc, *events[(s.document, s.event)])
    targets = [a for a in targets if a not in off]
    if set(sources) & set(targets) or _same_head(sources, targets):
        actors = {a.id: a for a in report.actors}
        # the sides of every sighting told in the evidence sentence
        same = [
            e
            for e, r in (
                events[(s.document, s.event)]
                for s in inc.sightings
                if (s.document, s.event) in events
            )
            if r.document.id == report.document.id and e.sentence.start == event.sentence.start
        ] or [event]
        src = [label(p, actors) for e in same for p in e.source]
        tgt = [label(p, actors) for e in same for p in e.target if label(p, actors) not in off]
        sources = [a for a in sources if _matches(a, src)]
        targets = [a for a in targets if _matches(a, tgt) and a not in sources]
    return sources, targets


def same_speaker_reports(
    inc: Incident,
    sources: list[str],
    events: dict[tuple[str, str], tuple[Event, Report]],
) -> int | None:
    """How many reports tell the one-speaker act of the shown ``sources``: the documents
    whose sighting's event has one of them as its source (an appeal by another speaker
    that the linker joined is another report's act, not a report of this one). None
    when no source is shown."""
    if not sources:
        return None
    docs = set()
    for s in inc.sightings:
        told = events.get((s.document, s.event))
        if told is None:
            continue
        event, report = told
        actors = {a.id: a for a in report.actors}
        if any(_matches(a, [label(p, actors) for p in event.source]) for a in sources):
            docs.add(s.document)
    return len(docs) or None


def own_part_sides(
    inc: Incident,
    sources: list[str],
    targets: list[str],
    events: dict[tuple[str, str], tuple[Event, Report]],
    comment: set[str] | None = None,
) -> tuple[list[str], list[str]]:
    """The sides less those the evidence event (:func:`evidence_event`) names only in
    another part of a sentence run together from a caption and a lead
    (:func:`glued_part`): "armed forces attacked the city of Homs" in the caption is no
    side of the arrest the lead tells."""
    chosen = evidence_event(inc, events, comment)
    if chosen is None:
        return sources, targets
    event, report = chosen
    lo, hi = glued_part(event, report)
    if (lo, hi) == (event.sentence.start, event.sentence.end):
        return sources, targets
    actors = {a.id: a for a in report.actors}
    inside = {
        label(p, actors)
        for p in (*event.source, *event.target)
        if p.start is None or lo <= p.start < hi
    }
    outside = {label(p, actors) for p in (*event.source, *event.target)} - inside
    return [a for a in sources if a not in outside], [a for a in targets if a not in outside]


def own_act(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> Incident:
    """A coercion whose every target is the doer's own ("the US closed its embassy in
    Syria"): a state cutting its own ties, shown as the discontinued relation it is
    (``sanction (discontinue)``, as a recall of ambassadors), not as a coercion."""
    if inc.type != "COERCE":
        return inc
    told = sighted(inc.sightings, events)
    targets = [p.name for e, _ in told for p in e.target]
    if not targets or not all(_marks().own.match(t) for t in targets):
        return inc
    return inc.model_copy(update={"type": "SANCTION", "mode": "discontinue"})


# "China sends a senior envoy to Syria": a MOBILIZE trigger whose object is a diplomat,
# not troops, is a visit.
_ENVOY_OBJECT = re.compile(
    r"^\s+(?:(?:a|an|the|its|his|her|their|two|three|several)\s+)?(?:[\w’'-]+\s+){0,2}"
    r"(?:envoys?|delegations?|ministers?|diplomats?|emissar(?:y|ies)|mediators?)\b",
    re.IGNORECASE,
)


def envoy_act(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> Incident:
    """A mobilization every sighting of which sends a diplomat ("sends a senior envoy to
    Syria"): shown as the visit it is (``consult (visit)``), not as troops sent."""
    if inc.type != "MOBILIZE":
        return inc
    told = sighted(inc.sightings, events)
    if not told:
        return inc
    for event, report in told:
        after = report.document.text[event.trigger.end : event.trigger.end + 60]
        if not _ENVOY_OBJECT.match(after):
            return inc
    return inc.model_copy(
        update={"type": "CONSULT", "mode": "visit", "quad": "verbal_cooperation", "intensity": 1.0}
    )


_FUNCTION_WORDS = frozenset(
    {"in", "on", "at", "by", "of", "the", "a", "an", "to", "for", "with", "from", "and", "as"}
)
ECHO_WORDS = 3  # the words from the trigger two tellings of one act share


def _trigger_words(inc: Incident, events: dict[tuple[str, str], tuple[Event, Report]]) -> set[str]:
    """The first ``ECHO_WORDS`` words from each sighting's trigger ("recalled their
    ambassadors")."""
    out = set()
    for event, report in sighted(inc.sightings, events):
        text = report.document.text[event.trigger.start : event.sentence.end]
        words = re.findall(r"[\w’'-]+", text.casefold())[:ECHO_WORDS]
        if len(words) == ECHO_WORDS and words[-1] not in _FUNCTION_WORDS:
            out.add(" ".join(words))  # "shot dead in" says no more than the act
    return out


def echoes(
    found: list[Incident],
    events: dict[tuple[str, str], tuple[Event, Report]],
    reports: dict[str, Report],
    comment: set[str] | None = None,
) -> set[str]:
    """The incidents that tell again, within a day, the happening of another line of
    the same type: one with the same stated toll on the same day (:func:`_toll_keys`),
    one with no doer whose first words from the trigger the other's share ("several
    European countries have recalled their ambassadors" beside "The UK, France ... have
    recalled their ambassadors"), or a one-speaker act of a speaker the other already
    shows (two sentences of one video message, linked apart), or the same article's
    undated telling of the act another line dates (:func:`_retold_undated`). The more
    salient stays, except that a line with a day stays beside one dated only to its
    week (:func:`_same_act_in_week`), and one naming sides beside a doerless toll that
    counts its victims (:func:`_names_its_people`)."""
    sides = {i.id: plausible_sides(i, reports, comment)[:2] for i in found}
    doers = {key: pair[0] for key, pair in sides.items()}
    counts = {i.id: _toll_keys(i, reports) for i in found}
    out: set[str] = set()
    ranked = sorted(found, key=lambda i: (-i.salience, i.id))
    weeks = {i.id: week_only(i, events) for i in found}
    for n, inc in enumerate(ranked):
        day = incident_day(inc)
        for other in ranked[:n]:
            if other.id in out or other.type != inc.type or day is None:
                continue
            there = incident_day(other)
            if there is not None and _same_act_in_week(other, inc, day, weeks, sides):
                out.add(other.id)  # the act's day stays, however salient the week's line
                continue
            near = there is not None and abs((there - day).days) <= 1
            if near and not doers[other.id] and _names_its_people(other, inc, events):
                out.add(other.id)  # the line whose sides are named stays
                continue
            if there is not None and _same_act_in_week(inc, other, there, weeks, sides):
                out.add(inc.id)  # "expelled the envoys during the week" beside its day
                break
            if there is None or abs((there - day).days) > 1:
                continue
            mine, theirs = doers[inc.id], doers[other.id]
            echo = (
                not mine and theirs and _trigger_words(inc, events) & _trigger_words(other, events)
            )
            speaker = inc.type in ONE_SPEAKER and there == day
            toll = (
                there == day
                and bool(counts[inc.id] & counts[other.id])
                and (inc.location == other.location or not inc.location or not other.location)
            )
            if _retold_undated(other, inc, events):
                out.add(other.id)  # the dated telling stays, however salient the other
                continue
            retold = _retold_undated(inc, other, events)
            named = not mine and _names_its_people(inc, other, events)
            spoken = speaker and any(_matches(a, theirs) for a in mine)
            if echo or toll or retold or named or spoken:
                out.add(inc.id)
            if inc.id in out:
                break
    return out


def _names_its_people(
    inc: Incident, other: Incident, events: dict[tuple[str, str], tuple[Event, Report]]
) -> bool:
    """A sentence of ``inc`` counts among its victims ("including", "among them") a
    person the other incident's reports name ("Dozens of people were killed in Syria on
    Wednesday, including journalists Marie Colvin and Remi Ochlik" beside the shelling
    of Homs that killed them): the line tells that incident again. Two days of one
    incident (:func:`split_days`) are not compared."""
    theirs = {normalize(name) for name in other.people}
    if not theirs or _base_id(inc) == _base_id(other):
        return False
    for event, report in sighted(inc.sightings, events):
        text = report.document.text
        found = _INCLUDING.search(text, event.sentence.start, event.sentence.end)
        if found is None:
            continue
        for actor in report.actors:
            if actor.kind != "person" or normalize(actor.name) not in theirs:
                continue
            if any(found.end() <= m.start < event.sentence.end for m in actor.mentions):
                return True
    return False


# The start of a list of the victims a toll counts: "..., including journalists X and Y".
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+the\s+(?:dead|victims))\b")


def _base_id(inc: Incident) -> str:
    """The incident's id before a day of :func:`split_days` was added to it."""
    return inc.id.split("-day-")[0]


def _same_act_in_week(
    inc: Incident,
    other: Incident,
    there: dt.date,
    weeks: dict[str, str],
    sides: dict[str, tuple[list[str], list[str]]],
) -> bool:
    """``inc``, dated only to a week (``weeks``: :func:`week_only` of each incident), is
    the act ``other`` tells on a day of that week (``there``), ``other`` having a day:
    the same mode, and a doer or a target of the same code or name ("the Gulf
    Co-operation Council, which expelled Syria's ambassadors during the week" beside
    "Gulf Arab states expel Syrian ambassadors" of that Tuesday)."""
    if not weeks[inc.id] or weeks[other.id]:
        return False
    monday = dt.date.fromisoformat(weeks[inc.id][:10])
    if not 0 <= (there - monday).days < 7:
        return False
    if inc.mode and other.mode and inc.mode != other.mode:
        return False
    (my_doers, my_targets), (doers, targets) = sides[inc.id], sides[other.id]
    return any(_matches(a, doers) for a in my_doers) or any(
        _matches(a, targets) for a in my_targets
    )


def _retold_undated(
    inc: Incident, other: Incident, events: dict[tuple[str, str], tuple[Event, Report]]
) -> bool:
    """Every report of ``inc`` is also one of ``other``, of no other mode and a doer of
    the same country and sector, and none dates
    ``inc`` ("Islamic State fighters shot and wounded fleeing family members", on the
    report's day, beside the same article's "Isis fired on the wives of fighters ... on
    Wednesday"): the article's lead and body telling one act, the linker apart."""
    if inc.mode and other.mode and inc.mode != other.mode:
        return False
    mine = {s.document for s in inc.sightings}
    if not mine or not mine <= {s.document for s in other.sightings}:
        return False
    told = [e for e, _ in sighted(inc.sightings, events)]
    if not told or any(e.date is not None for e in told):
        return False
    dated = [e for e, _ in sighted(other.sightings, events)]
    return bool(_doer_kinds(told) & _doer_kinds(dated))


def _doer_kinds(told: list[Event]) -> set[tuple[str | None, str | None]]:
    """The (country, sector) of the events' doers: "Islamic State fighters" and "Isis"
    are both (None, REB); a Turkish minister (TUR, MIL) is not a US president."""
    return {(p.country, p.sector) for e in told for p in e.source if p.country or p.sector}


# A vote on a text: "vetoed the resolution", "voted against the draft". Its doers are
# states or bodies, its day is the session's, and each report of the session tells it.
_VOTE_TRIGGER = re.compile(r"^(?:veto|vot)", re.IGNORECASE)
VOTE_DAYS = 1  # two tellings of one vote by the same states lie this many days apart
VOTE_ID = "-vote-"  # in the id of an incident :func:`joined_votes` made


# Before a vote's trigger: the perfect ("have vetoed two resolutions", a record), or a
# clause that tells the vote as the background of another act ("comes after Russia
# vetoed", "one which Russia vetoed", "nations that voted against").
_VOTE_RECORD = re.compile(
    r"\b(?:have|has|had)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:after|since|following|which|who|that|when|whether)\s+(?:[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
# A vote on an earlier text, or a count of votes ("two previous resolutions"); a vote
# cast "again" or "for the third time" is the session's own.
_VOTE_EARLIER = re.compile(r"\b(?:previous|previously|earlier|prior|twice|last|before)\b", re.I)


def _vote_day(event: Event, report: Report) -> dt.date | None:
    """The day of the session a report tells a vote of as its news: the event's stated
    day, or the report's, when that is at most ``VOTE_DAYS + 1`` days before the report
    and the sentence tells the vote itself, not a record of votes or the background of
    another act (:data:`_VOTE_RECORD`, :data:`_VOTE_EARLIER`)."""
    day = _told_day(event, report)
    published = iso_day(report.document.published)
    if day is None or published is None or not 0 <= (published - day).days <= VOTE_DAYS + 1:
        return None
    text = report.document.text
    before = text[event.sentence.start : event.trigger.start]
    if _VOTE_RECORD.search(before) or _VOTE_EARLIER.search(
        text[event.sentence.start : event.sentence.end]
    ):
        return None
    return day


_THAT_MONTH = re.compile(
    r"\b(?:that|the previous|the following)\s+(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|spring|summer|autumn|winter|year)\b",
    re.IGNORECASE,
)


def past_claim(content: str, report: Report) -> bool:
    """A hedged claim about the story's past, not a doubt of the period: it names an
    earlier year or a look-back phrase, a month told back ("killed in an airstrike that
    May"), or the past perfect of a sequence ("he had later been accused of spying")."""
    published = iso_day(report.document.published)
    if published is not None and any(int(y) < published.year for y in _YEAR.findall(content)):
        return True
    if _THAT_MONTH.search(content) or _PLUPERFECT_SEQUENCE.search(content):
        return True
    marks = _marks()
    return bool(marks.past.search(marks.not_past.sub(" ", content)))


def claim_about(claim: Claim, report: Report, country: str) -> bool:
    """The claim may bear on ``country``: its sentence names a place or an actor of it,
    or its source is of no other country. A hedged claim by another country's actor
    whose sentence names nothing of this one ("Iraq's militia said the plan could make
    US forces targets") is about that country's affairs, not a doubt of this brief."""
    span = claim.sentence or claim.content
    if _names_country(report, span.start, span.end, country):
        return True
    actors = {a.id: a for a in report.actors}
    if any(
        a.country == country and any(span.start <= m.start < span.end for m in a.mentions)
        for a in actors.values()
    ):
        return True
    source = actors.get(claim.source.actor or "")
    return source is None or source.country in (None, country)


def _names_country(report: Report, start: int, end: int, country: str) -> bool:
    """A place of ``country`` (the country, or a town of it) is named in start..end."""
    return any(
        p.country == country and any(start <= m.start < end for m in p.mentions)
        for p in report.places
    )


def _vote_about(event: Event, report: Report, country: str | None) -> bool:
    """The vote is on ``country``: its sentence names it ("a resolution condemning the
    crackdown in Syria"), or the report's lead does (the article is about it)."""
    if country is None:
        return True
    lead = sentences(report)[:1]
    spans = [(event.sentence.start, event.sentence.end), *lead]
    return any(_names_country(report, a, b, country) for a, b in spans)


def joined_votes(
    incidents: list[Incident],
    events: dict[tuple[str, str], tuple[Event, Report]],
    country: str | None = None,
) -> list[Incident]:
    """One incident per vote on a text about ``country``: the sightings told as news
    (:func:`looks_back`) whose trigger is a vote ("vetoed", "voted against") and whose
    doers share a state, on days at most :data:`VOTE_DAYS` apart, are one happening,
    whichever incidents the linker put them in ("was vetoed by Russia and China" in one
    report, "the Russians vetoed" in the next day's). The votes are tagged with the
    country they concern (the text the states voted on is about it, though no side is
    of it). The incidents all of whose sightings they took, or that tell only a record
    of votes (:func:`_vote_day`: "has vetoed two previous resolutions"), are left out."""
    votes: list[tuple[Incident, Sighting, Event, Report, set[str]]] = []
    records: set[tuple[str, str]] = set()  # "has vetoed two previous resolutions"
    for inc in incidents:
        for s in inc.sightings:
            er = events.get((s.document, s.event))
            if er is None or er[0].type != inc.type:
                continue
            event, report = er
            trigger = report.document.text[event.trigger.start : event.trigger.end]
            if not _VOTE_TRIGGER.match(trigger) or looks_back(event, report):
                continue
            if _vote_day(event, report) is None:
                records.add((s.document, s.event))
                continue
            if event.modality != "asserted" or not _vote_about(event, report, country):
                continue
            actors = {a.id: a for a in report.actors}
            codes = {(label_code(label(p, actors)) or "").split("/")[0] for p in event.source}
            codes.discard("")
            if codes:
                votes.append((inc, s, event, report, codes))
    votes.sort(key=lambda v: (_vote_day(v[2], v[3]) or dt.date.max, v[1].document))
    groups: list[list[tuple[Incident, Sighting, Event, Report, set[str]]]] = []
    for vote in votes:
        day = _vote_day(vote[2], vote[3])
        for group in groups:
            first = _vote_day(group[0][2], group[0][3])
            if (
                group[0][2].type == vote[2].type
                and group[0][4] & vote[4]
                and day is not None
                and first is not None
                and abs((day - first).days) <= VOTE_DAYS
            ):
                group.append(vote)
                break
        else:
            groups.append([vote])
    taken = {(v[1].document, v[1].event) for g in groups for v in g} | records
    out = [i for i in incidents if not all((s.document, s.event) in taken for s in i.sightings)]
    for group in groups:
        base = max(group, key=lambda v: (v[2].confidence or 0.0, -len(v[1].document)))[0]
        first_day = _vote_day(group[0][2], group[0][3])
        sources: dict[str, None] = {}
        targets: dict[str, None] = {}
        for _, _, event, report, _ in group:
            actors = {a.id: a for a in report.actors}
            sources.update(dict.fromkeys(label(p, actors) for p in event.source))
            targets.update(dict.fromkeys(label(p, actors) for p in event.target))
        kept = list({(v[1].document, v[1].event): v[1] for v in group}.values())
        told, at = group[0][2], group[0][3].document.text
        docs = {s.document for s in kept}
        scores = [v[2].confidence for v in group if v[2].confidence is not None]
        update: dict[str, object] = {
            "id": f"{base.id}{VOTE_ID}{first_day.isoformat() if first_day else ''}",
            "sightings": kept,
            "figures": [],
            "independent_reports": len(docs),
            "main_documents": [d for d in base.main_documents if d in docs],
            "source_actors": list(sources),
            "target_actors": list(targets),
            "confidence": max(scores) if scores else base.confidence,
            "countries": sorted({*base.countries, *([country] if country else [])}),
            "date_end": None,
            "summary": " ".join(at[told.sentence.start : told.sentence.end].split()),
        }
        if first_day is not None:
            update["date"] = first_day.isoformat()
        joined = base.model_copy(update=update)
        out.append(joined.model_copy(update={"salience": salience(joined)}))
    return out


def _toll_keys(inc: Incident, reports: dict[str, Report]) -> set[tuple[str, float]]:
    """The (kind, value) of the incident's stated tolls of two or more (:func:`tolls`):
    two lines of one type on one day with the same toll ("at least 40 killed on
    Thursday" in two reports the linker kept apart) tell one happening."""
    return {(f.kind, f.value) for f in tolls(inc, reports) if f.value >= 2}


def said_by_paper(inc: Incident, sources: list[str]) -> bool:
    """A verbal act whose every doer is a document or a decision (:data:`_PAPER`): "the
    vetoes encouraged the government to step up the assault" is no request (the verb
    tells what the decision caused); "the quest for a resolution condemning Syria", "the
    veto of a resolution condemning the crackdown" is no accusation (a draft, vetoed,
    condemns nobody; a resolution passed is its authors' act, told with them as its
    doers). ``sources``: the sides shown, after :func:`plausible_sides` dropped the
    papers."""
    return (
        inc.quad.startswith("verbal")
        and not sources
        and any(_PAPER.search(_bare(a)) for a in inc.source_actors)
    )


def _vague_verbal(inc: Incident) -> bool:
    """A verbal act (a request, an appeal, an accusation) whose asker is not named and
    whose addressee is only a common noun ("asking government"): who spoke to whom is
    unknown."""
    if not inc.quad.startswith("verbal") or named(inc.source_actors):
        return False
    return not any(
        label_code(t) or any(w[:1].isupper() for w in t.split()) for t in named(inc.target_actors)
    )


def newsworthy(inc: Incident, min_confidence: float | None = None) -> bool:
    """Worth a line in a brief: not a recap, and either confident (at ``min_confidence``,
    by default the calibrated threshold) or told by two or more independent reports. An
    incident whose events carry no confidence (built outside the extractor) is kept."""
    if inc.background:
        return False
    threshold = default_threshold() if min_confidence is None else min_confidence
    if inc.confidence is None or inc.confidence >= threshold:
        return True
    return independent_reports(inc) >= 2


def _within(inc: Incident, since: dt.date | None, until: dt.date | None) -> bool:
    """The incident's day (of its news view) lies in the period."""
    day = incident_day(inc)
    return day is None or not ((since and day < since) or (until and day > until))


# Below the threshold, the main event of its article told as asserted news, at a
# confidence at least this much below the threshold: listed apart, under "Lower
# confidence", so a thin one-outlet corpus still shows what its articles led with.
LOWER_MARGIN = LEAD_MARGIN
LOWER_MAX = 8


def _lower_candidate(
    inc: Incident,
    events: dict[tuple[str, str], tuple[Event, Report]],
    min_confidence: float | None = None,
) -> bool:
    """An asserted, non-recap incident one of whose events is its article's main event
    (``Sighting.main``: what the linker read the article to be about), at a confidence
    within ``LOWER_MARGIN`` of the threshold (``min_confidence``, by default the
    calibrated one), with a side named (:func:`named`)."""
    if inc.background or inc.modality != "asserted":
        return False
    if not named(inc.source_actors) and not named(inc.target_actors):
        return False
    threshold = default_threshold() if min_confidence is None else min_confidence
    floor = threshold - LOWER_MARGIN
    for s in inc.sightings:
        told = events.get((s.document, s.event))
        if told is None:
            continue
        event = told[0]
        if event.background or event.modality != "asserted" or event.confidence is None:
            continue
        if s.main and event.confidence >= floor:
            return True
    return False


def _lower(found: list[Incident]) -> list[Incident]:
    """The ``LOWER_MAX`` most salient of ``found``, by date."""
    ranked = sorted(found, key=lambda i: (-i.salience, i.id))[:LOWER_MAX]
    return _chronological(ranked)


def build_brief(
    incidents: Iterable[Incident],
    reports: Iterable[Report] = (),
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    days: int = 10,
    min_confidence: float | None = None,
) -> Brief:
    """Gather the brief for ``country`` (ISO code; None: everything) over since..until.

    Incidents the reports tell only as look-backs or as averted (:func:`looks_back`)
    are left out and counted in ``recalled``."""
    reports = list(reports)
    events = {(r.document.id, e.id): (e, r) for r in reports for e in r.events}
    voted = joined_votes(list(incidents), events, country)
    asked = [
        v
        for v in (
            envoy_act(own_act(news_view(part, events), events), events)
            for i in select(voted, country=country, since=since, until=until)
            for part in split_days(i, events)
        )
        if _within(v, since, until)
    ]
    period = [i for i in asked if newsworthy(i, min_confidence) or leads(i, events, min_confidence)]
    by_doc = {r.document.id: r for r in reports}
    stock = stock_lines(reports)
    in_asked = {s.document for i in asked for s in i.sightings}
    comment = {
        r.document.id for r in by_doc.values() if r.document.id in in_asked and comment_piece(r)
    }

    def screen(found: list[Incident]) -> tuple[list[Incident], list[int]]:
        """The incidents that make lines, and how many each filter left out (stock lines,
        look-backs, comment only, thin, said by no one)."""
        fresh = [i for i in found if not _stock(i, events, stock)]
        told = [i for i in fresh if not _recalled(i, events)]
        reported = [i for i in told if not _opinion_only(i, comment, events)]
        full = [i for i in reported if not thin(i, events, by_doc)]
        said = [i for i in full if not said_by_paper(i, plausible_sides(i, by_doc, comment)[0])]
        echoed = echoes(said, events, by_doc, comment)
        once = [i for i in said if i.id not in echoed]
        steps = (found, fresh, told, reported, full, said, once)
        return once, [len(a) - len(b) for a, b in itertools.pairwise(steps)]

    chosen, left = screen(period)
    by_id = {i.id: i for i in chosen}
    docs = {s.document for i in chosen for s in i.sightings}
    outlets = {o for i in chosen for o in i.outlets}
    brief = Brief(
        country=country,
        since=since,
        until=until,
        incidents=len(chosen),
        reports=len(docs),
        outlets=len(outlets),
        days=top_dates(chosen, days, per_day=3),
        stock=left[0],
        recalled=left[1],
        opinion=left[2],
        thin=left[3],
        unsaid=left[4],
        echoed=left[5],
        threshold=default_threshold() if min_confidence is None else min_confidence,
    )
    brief.unasserted = sum(1 for i in chosen if i.modality != "asserted")
    brief.hooks = {i.id for i in chosen if {s.document for s in i.sightings} <= comment}
    shown = {i.id for i in period}
    brief.lower = _lower(
        screen(
            [i for i in asked if i.id not in shown and _lower_candidate(i, events, min_confidence)]
        )[0]
    )
    doubtful = set()
    for inc in [*chosen, *brief.lower]:
        sources, targets, dropped = plausible_sides(inc, by_doc, comment)
        sources, targets = own_part_sides(inc, sources, targets, events, comment)
        sources, targets = sides_of_evidence(inc, sources, targets, events, comment)
        if inc.type in ONE_SPEAKER:
            sources, targets = told_sides(inc, sources, targets, events, comment)
            same = same_speaker_reports(inc, sources, events)
            if same is not None and same < independent_reports(inc):
                brief.counts[inc.id] = same
        brief.sides[inc.id] = (sources, targets)
        if dropped:
            doubtful.add(inc.id)
    brief.evidence = {i.id: evidence(i, events, comment) for i in [*chosen, *brief.lower]}
    for inc_id, (sources, targets) in brief.sides.items():
        said = brief.evidence.get(inc_id, "")
        brief.sides[inc_id] = (
            [whole_name(a, said) for a in sources],
            [whole_name(a, said) for a in targets],
        )
    brief.places = {i.id: place(i, events) for i in [*chosen, *brief.lower]}
    for inc in [*chosen, *brief.lower]:
        if set(inc.source_actors) & set(inc.target_actors):
            # sides of two sentences mixed: the place, too, is the evidence sentence's
            told = evidence_event(inc, events, comment)
            if told is not None:
                brief.places[inc.id] = _own_place(*told)
    brief.tolls = {i.id: counted_harm(tolls(i, by_doc)) for i in chosen}
    brief.weeks = {i.id: w for i in chosen if (w := week_only(i, events))}
    brief.wording = {  # a cut in relations is named by its triggers' words (_kind)
        i.id: " ".join(sorted(_trigger_words(i, events)))
        for i in [*chosen, *brief.lower]
        if (i.type, i.mode) == DISCONTINUED
    }
    spans = [d for d in (incident_day(i) for i in chosen) if d]
    spans += [d for d in (iso_day(i.date_end) for i in chosen) if d]
    if spans:
        brief.first, brief.last = min(spans), max(spans)
    listed = {d.day for d in brief.days}
    counted = top_dates(chosen, len(chosen) or 1, per_day=0)  # every day that would count
    brief.other_days = sorted(
        d.day
        for d in counted
        if d.day not in listed
        and not (since and d.day < since)  # an incident begun before the period, say
        and not (until and d.day > until)
    )
    ranked = sorted(chosen, key=lambda i: (-i.salience, i.id))
    figure_keys: set[tuple[dt.date | None, str, float, str | None]] = set()
    for inc in ranked:
        if inc.quad != "material_conflict":
            continue  # a call for restraint that repeats a toll is not the toll's incident
        # A war's running total ("2,000 killed since 2014") is not this incident's toll.
        current = brief.tolls[inc.id]
        kinds = sorted({f.kind for f in current})
        for kind in kinds:
            figs = [f for f in current if f.kind == kind]
            at = brief.places.get(inc.id, inc.location)
            placed = bool(at) and _names_place(figs[-1], at or "", by_doc)
            fig_key = (incident_day(inc), kind, figs[-1].value, at if placed else None)
            if fig_key in figure_keys:
                continue  # the same toll of the same day and place, told again
            figure_keys.add(fig_key)
            brief.figures.append(
                FigureChange(
                    inc,
                    kind,
                    figs[0].value,
                    figs[-1].value,
                    _reporter(figs[0].reported_by, figs[0].sentence),
                    _reporter(figs[-1].reported_by, figs[-1].sentence),
                    placed,
                )
            )
        if len(brief.figures) >= 8:
            break
    brief.figures.sort(key=lambda f: (incident_day(f.incident) or dt.date.max, f.incident.id))
    accusing = [i for i in ranked if i.type in ACCUSING and i.modality == "asserted"][:8]
    brief.accusations = _chronological(accusing)
    brief.denied = _chronological(i for i in ranked if i.modality == "negated")[:5]
    seen: set[tuple[str, str]] = set()
    keyed = " ".join(brief.evidence.get(i.id, "") for d in brief.days for i in d.incidents)
    keyed = " ".join(keyed.split()).casefold()  # the key lines' sentences
    for report in reports:
        if report.document.id not in docs:
            continue
        day = iso_day(report.document.published)
        if day is not None and ((since and day < since) or (until and day > until)):
            continue  # a later report about the period's incidents: its doubts are later
        doubted: list[str] = []  # this report's doubts: one claim told by a chain of
        # sources ("Diplomatic sources: X, according to the BBC's correspondent") once
        for claim in report.claims:
            hedge = next((h.kind for h in claim.hedges if h.kind in DOUBT), None)
            content = " ".join(claim.content.text.split()).casefold()
            key = (claim.source.name.casefold(), content)
            if hedge and any(content in t or t in content for t in doubted):
                continue
            if hedge and claim.source.name.strip().casefold() in rules().pronouns:
                continue  # "she: it is hoped ...": a pronoun names no one to weigh
            if hedge and country and not claim_about(claim, report, country):
                continue  # "Iraq's militia: the plan could make US forces targets"
            if hedge == "uncertainty" and content in keyed:
                continue  # a key line's own sentence ("had surrendered ... were likely to")
            if hedge and past_claim(content, report):
                continue  # a back-story ("killed in an airstrike that May")
            if hedge and key not in seen:
                seen.add(key)
                doubted.append(content)
                brief.doubts.append(
                    Doubt(
                        report.document.published,
                        claim.source.name,
                        " ".join(claim.content.text.split()),
                        hedge,
                    )
                )
    # Denials, allegations and rumours first (claims in dispute), then mere uncertainty
    # ("could", "may"); the eight kept are listed by date.
    rank = {"denial": 0, "allegation": 1, "rumour": 2, "uncertainty": 3}
    brief.doubts.sort(key=lambda d: (rank.get(d.hedge, 4), d.published or "", d.source))
    brief.doubts = sorted(brief.doubts[:8], key=lambda d: (d.published or "", d.source))
    brief.tension, brief.drivers = _tension(chosen, by_id, until)
    # An incident whose doer was a speaker (its source dropped) does not drive the line.
    brief.drivers = [i for i in brief.drivers if i.id not in doubtful]
    # A toll over a span ("some 100 killed in the past two days") or a running total is
    # no one week's happening: it does not drive the week's line.
    brief.drivers = [
        i
        for i in brief.drivers
        if not (
            _SPAN_BACK.search(brief.evidence.get(i.id, ""))
            or running_total(brief.evidence.get(i.id, ""))
        )
    ]
    return brief


def _ev(b: Brief, inc: Incident, entry: DayEntry | None = None) -> str:
    """The brief's evidence for an incident (see :func:`evidence`), else its summary."""
    if inc.id in b.evidence:
        return b.evidence[inc.id]
    return entry.evidence(inc) if entry else " ".join((inc.summary or "").split())


# The words an analyst uses for a PLOVER type and mode ("surrender", not "retreat
# (disarm)"); a pair not listed reads by its type's word, and the mode's words after it.
_PLAIN_TYPES = {
    "AGREE": "agreement",
    "CONSULT": "talks",
    "SUPPORT": "backing",
    "CONCEDE": "concession",
    "COOPERATE": "cooperation",
    "AID": "aid",
    "RETREAT": "retreat",
    "REQUEST": "request",
    "ACCUSE": "accusation",
    "REJECT": "refusal",
    "THREATEN": "threat",
    "PROTEST": "protest",
    "SANCTION": "sanction",
    "MOBILIZE": "mobilization",
    "COERCE": "coercion",
    "ASSAULT": "assault",
}
DISCONTINUED = ("SANCTION", "discontinue")  # named by its words (_discontinued)
_PLAIN = {
    ("CONSULT", "visit"): "visit",
    ("CONSULT", "phone"): "phone call",
    ("CONSULT", "third-party"): "mediation",
    ("CONSULT", "multilateral"): "multilateral talks",
    ("RETREAT", "withdraw"): "withdrawal",
    ("RETREAT", "release"): "release",
    ("RETREAT", "return"): "return",
    ("RETREAT", "disarm"): "surrender",
    ("RETREAT", "ceasefire"): "ceasefire",
    ("RETREAT", "access"): "access granted",
    ("RETREAT", "resign"): "resignation",
    ("REQUEST", "assist"): "appeal for help",
    ("REQUEST", "change"): "demand",
    ("REQUEST", "yield"): "demand to give way",
    ("REQUEST", "meet"): "call for talks",
    ("ACCUSE", "disapprove"): "condemnation",
    ("ACCUSE", "allege"): "accusation",
    ("ACCUSE", "investigate"): "call for an inquiry",
    ("REJECT", "change"): "refusal of a demand",
    ("REJECT", "meet"): "refusal to meet",
    ("PROTEST", "demo"): "demonstration",
    ("PROTEST", "riot"): "riot",
    ("PROTEST", "strike"): "strike",
    ("PROTEST", "hunger"): "hunger strike",
    ("PROTEST", "boycott"): "boycott",
    ("PROTEST", "obstruct"): "blockade",
    ("SANCTION", "convict"): "conviction",
    ("SANCTION", "expel"): "expulsion",
    ("SANCTION", "withdraw"): "aid or support withdrawn",
    DISCONTINUED: "diplomatic ties cut",  # when no word says what was cut
    ("MOBILIZE", "troops"): "troop deployment",
    ("MOBILIZE", "weapons"): "arms build-up",
    ("MOBILIZE", "police"): "police deployment",
    ("MOBILIZE", "militia"): "militia mobilization",
    ("COERCE", "seize"): "seizure",
    ("COERCE", "arrest"): "arrests",
    ("COERCE", "deport"): "deportation",
    ("COERCE", "curfew"): "curfew",
    ("COERCE", "censor"): "censorship",
    ("ASSAULT", "firearms"): "assault (gunfire)",
    ("ASSAULT", "heavy-weapons"): "assault (shelling, heavy weapons)",
    ("ASSAULT", "aerial"): "assault (air strikes)",
    ("ASSAULT", "explosives"): "assault (bombing)",
    ("ASSAULT", "suicide-attack"): "assault (suicide bombing)",
    ("ASSAULT", "assassinate"): "assassination",
    ("ASSAULT", "execute"): "execution",
    ("ASSAULT", "abduct"): "abduction",
    ("ASSAULT", "massacre"): "massacre",
    ("ASSAULT", "crowd-control"): "assault (crowd control)",
}


def _kind(inc: Incident, b: Brief | None = None) -> str:
    """The incident's type in the words an analyst uses (:data:`_PLAIN`: "surrender"
    for RETREAT/disarm, "arrests" for COERCE/arrest); a pair not listed is its type's
    word and, when coded, its mode ("threat (violence)"). A cut in relations is named by
    its triggers' words in ``b``, else its evidence's (:func:`_discontinued`)."""
    if inc.type == "REJECT" and VOTE_ID in inc.id:
        return "veto or vote against"
    if (inc.type, inc.mode) == DISCONTINUED:
        told = (b.wording.get(inc.id) or b.evidence.get(inc.id)) if b else None
        return _discontinued(told or inc.summary or "")
    if (inc.type, inc.mode) in _PLAIN:
        return _PLAIN[(inc.type, inc.mode or "")]
    word = _PLAIN_TYPES.get(inc.type, inc.type.lower())
    return word + (f" ({inc.mode.replace('-', ' ')})" if inc.mode else "")


# A state's relations cut back, in the words its report uses: a recall of envoys or a
# closed embassy is not a break of ties. The first of these words in the incident's
# sentence names it; none: ties cut.
_DISCONTINUED = re.compile(
    r"\b(?:(?P<recalled>recall(?:s|ed|ing)?)|(?P<closed>clos(?:e|es|ed|ing)|shut(?:s|ting)?)"
    r"|(?P<suspended>suspend(?:s|ed|ing)?))\b",
    re.IGNORECASE,
)
_DISCONTINUED_WORDS = {
    "recalled": "envoys recalled",
    "closed": "embassy closed",
    "suspended": "ties suspended",
}


def _discontinued(sentence: str) -> str:
    """ "The UK and France have recalled their ambassadors": envoys recalled; "closed its
    embassy": embassy closed; "severed ties", or no such word: diplomatic ties cut."""
    found = _DISCONTINUED.search(sentence)
    return _DISCONTINUED_WORDS[found.lastgroup or ""] if found else _PLAIN[DISCONTINUED]


def _title(b: Brief) -> str:
    """``"Syria (SYR)"`` for an ISO code pycountry knows, else the code as given."""
    if not b.country:
        return "all countries"
    import pycountry

    found = pycountry.countries.get(alpha_3=b.country.upper())
    name = getattr(found, "common_name", None) or getattr(found, "name", None)
    return f"{name} ({b.country})" if name else b.country


def _reports(inc: Incident, b: Brief | None = None) -> str:
    """The incident's independent reports; of a one-speaker act, those that tell the
    shown speaker's act (:func:`same_speaker_reports`)."""
    if b is not None and inc.id in b.counts:
        return _n(b.counts[inc.id], "report")
    return _n(independent_reports(inc), "report")


def _outlets(b: Brief, inc: Incident) -> str:
    """The incident's outlets; "comment piece" when only a comment piece's opening
    tells it (:func:`news_hook`): news told by an op-ed, to weigh as such."""
    src = ", ".join(inc.outlets[:4]) or "unnamed outlets"
    return src + (", comment piece" if inc.id in b.hooks else "")


def _counts(b: Brief) -> str:
    outlets = _n(b.outlets, "outlet") if b.outlets else "outlets not recorded"
    listed = sum(len(d.incidents) for d in b.days)
    line = f"{_n(b.incidents, 'incident')} from {_n(b.reports, 'report')} ({outlets})"
    if listed < b.incidents:
        why = []
        if b.other_days:
            why.append("the other days with incidents are named after the list")
        if b.unasserted:
            verb = "is not a key line" if b.unasserted == 1 else "are not key lines"
            why.append(f"{b.unasserted} told as denied or only possible {verb}")
        more = b.incidents - listed - b.unasserted
        if more > 0 and not b.other_days:
            verb = "falls" if more == 1 else "fall"
            why.append(f"{more} more {verb} on the key days past their three lines")
        line += (
            f"; {listed} of them are listed below, the most important on"
            f" {_n(len(b.days), 'key day')}" + ("; " + "; ".join(why) if why else "") + "."
        )
    else:
        line += "."
    left = []
    if b.recalled:
        left.append(
            f"{_n(b.recalled, 'incident')} the reports tell only as past (a look-back), as"
            " averted or as only called for"
        )
    if b.stock:
        left.append(f"{_n(b.stock, 'incident')} told only in stock background lines")
    if b.opinion:
        left.append(f"{_n(b.opinion, 'incident')} told only in comment pieces")
    if b.thin:
        left.append(f"{_n(b.thin, 'incident')} one report tells with no side, toll or date")
    if b.echoed:
        left.append(f"{_n(b.echoed, 'line')} telling again another line's happening")
    if b.unsaid:
        left.append(
            f"{b.unsaid} {'request or accusation' if b.unsaid == 1 else 'requests or accusations'}"
            " whose only"
            " doer is a document or a decision (a veto, a resolution)"
        )
    if left:
        line += " Left out: " + "; ".join(left) + "."
    if b.threshold is not None:
        line += (
            " An incident counts when two or more independent reports tell it, when one"
            f" report tells it with an extraction score of {b.threshold:.3g} or more (the"
            " calibrated threshold), or when it is what an article leads with, at a score"
            f" up to {LEAD_MARGIN:g} lower."
        )
    return line


def _names_place(fig: ReportedFigure, place: str, reports: dict[str, Report]) -> bool:
    """The figure's sentence names the place (or a place the report resolved to it): a
    toll told with no place ("43 were killed by security forces on Wednesday") is not
    shown as the toll of the town its incident was placed in."""
    sentence = (fig.sentence or "").casefold()
    if place.casefold() in sentence:
        return True
    report = reports.get(fig.document)
    if report is None or fig.start is None or fig.end is None:
        return False
    return any(
        p.name == place and any(fig.start <= m.start < fig.end for m in p.mentions)
        for p in report.places
    )


# Deaths told with no count beside a count of the wounded ("Ochlik also died and two
# other journalists were wounded"): the toll shown would be the wounded alone.
_UNCOUNTED_DEAD = re.compile(r"\b(?:died|killed|dead|death|deaths)\b", re.IGNORECASE)
# A figure's sentence that opens with who said it ("One activist network said 110 ...").
_TELLER = re.compile(r"^\W*((?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,5}?)\s+(?:said|says|say)\b")


def _reporter(name: str | None, sentence: str | None = None) -> str | None:
    """Who gave a figure; a pronoun ("they said") names no one. When the figure's
    sentence opens with a teller the name is not part of ("One activist network said
    110 people were killed", credited to the outlet), the teller."""
    if name and normalize(name) in rules().pronouns:
        return None
    found = _TELLER.match(sentence or "")
    if found and (not name or name.casefold() not in found.group(1).casefold()):
        teller = found.group(1)
        return teller[0].lower() + teller[1:] if teller.split()[0] in _OPENERS else teller
    return name


_OPENERS = frozenset({"One", "A", "An", "The", "Two", "Some", "Several", "Local", "Opposition"})


def _figures_line(b: Brief, inc: Incident) -> str:
    parts = []
    shown = b.tolls.get(inc.id, inc.figures)
    for kind in ("dead", "injured"):
        figs = [f for f in shown if f.kind == kind and stated_toll(f)]
        if figs:
            first, last = figs[0].value, figs[-1].value
            parts.append(f"{last:g} {kind}" + (f" (first {first:g})" if first != last else ""))
    return "; ".join(parts)


def _week_note(b: Brief, inc: Incident) -> str:
    """ " (dated only to the week of 2012-02-06)" for a line no report gives a day."""
    return f" (dated only to the week of {b.weeks[inc.id]})" if inc.id in b.weeks else ""


def _period(b: Brief) -> str:
    """The asked period; an open end is the first or last day of the chosen incidents."""
    since, until = b.since or b.first, b.until or b.last
    if since is None and until is None:
        return "no dated incidents"
    return f"{since.isoformat() if since else '...'} to {until.isoformat() if until else '...'}"


def _other_days(b: Brief) -> str:
    days = ", ".join(d.isoformat() for d in b.other_days)
    return f"Other days with incidents, not listed above: {days}."


def _where(b: Brief, inc: Incident) -> str | None:
    return b.places.get(inc.id, inc.location)


def _figure_line(f: FigureChange, b: Brief | None = None) -> str:
    if f.first != f.latest:
        change = (
            f"{f.first:g} ({f.first_by or 'unattributed'}) -> {f.latest:g}"
            f" ({f.latest_by or 'unattributed'})"
        )
    else:
        change = f"{f.latest:g} ({f.latest_by or 'unattributed'})"
    shown = _where(b, f.incident) if b is not None else f.incident.location
    where = f" {shown}" if shown and f.placed else ""
    return f"{_day(f.incident)}{where}, {_kind(f.incident, b)}: {f.kind} {change}"


_LOWER_NOTE = (
    "What an article led with, told as news, whose event the extractor scored below the"
    " calibrated threshold (and not told by two or more reports): leads to check, not"
    " established incidents. Not counted above, nor in the tension index."
)


def to_markdown(b: Brief) -> str:
    out = [
        f"# Situation brief: {_title(b)}, {_period(b)}",
        "",
        _counts(b),
        "",
        "## Tension",
        "",
        b.tension,
    ]
    for inc in b.drivers:
        out.append(f"- driven by: {_day(inc)} {_kind(inc, b)} ({_who(inc, b)}): {_ev(b, inc)}")
    out += ["", "## Key incidents by day", ""]
    for entry in b.days:
        out.append(f"### {entry.day.isoformat()}")
        out.append("")
        for inc in entry.incidents:
            where = f" in {_where(b, inc)}" if _where(b, inc) else ""
            src = _outlets(b, inc)
            figs = _figures_line(b, inc)
            out.append(
                f"- **{_kind(inc, b)}**{where}, {_who(inc, b)}"
                f" [{_reports(inc, b)}; {src}]"
                + (f" ({figs})" if figs else "")
                + _week_note(b, inc)
            )
            out.append(f"  > {_ev(b, inc, entry)}")
        out.append("")
    if b.other_days:
        out += [_other_days(b), ""]
    if b.lower:
        out += ["## Lower confidence", "", _LOWER_NOTE, ""]
        for inc in b.lower:
            where = f" in {_where(b, inc)}" if _where(b, inc) else ""
            src = ", ".join(inc.outlets[:4]) or "unnamed outlets"
            out.append(
                f"- {_day(inc)} **{_kind(inc, b)}**{where}, {_who(inc, b)}"
                f" [{_reports(inc, b)}; {src}]"
            )
            out.append(f"  > {_ev(b, inc)}")
        out.append("")
    if b.figures:
        out += ["## Figures and how they changed", ""]
        out += [f"- {_figure_line(f, b)}" for f in b.figures]
        out.append("")
    if b.accusations:
        out += ["## Who accused or threatened whom", ""]
        for inc in b.accusations:
            out.append(f"- {_day(inc)} {_kind(inc, b)}: {_who(inc, b)}. > {_ev(b, inc)}")
        out.append("")
    if b.doubts or b.denied:
        out += ["## Unconfirmed or denied", ""]
        for d in b.doubts:
            out.append(f"- {d.published or '?'} ({d.hedge}) {d.source}: {d.text}")
        for inc in b.denied:
            out.append(f"- {_day(inc)} denied {_kind(inc, b)}: {_ev(b, inc)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_html(b: Brief) -> str:
    """The same brief as one self-contained HTML page (report text escaped)."""
    e = html.escape
    body = [f"<h1>Situation brief: {e(_title(b))}, {e(_period(b))}</h1>"]
    body.append(f"<p>{e(_counts(b))}</p>")
    body.append(f"<h2>Tension</h2><p>{e(b.tension)}</p>")
    if b.drivers:
        body.append("<ul>")
        body += [f"<li>driven by: {e(_day(i))} {e(_ev(b, i))}</li>" for i in b.drivers]
        body.append("</ul>")
    body.append("<h2>Key incidents by day</h2>")
    for entry in b.days:
        body.append(f"<h3>{entry.day.isoformat()}</h3><ul>")
        for inc in entry.incidents:
            src = _outlets(b, inc)
            figs = _figures_line(b, inc)
            body.append(
                f"<li><b>{e(_kind(inc, b))}</b>"
                f"{' in ' + e(_where(b, inc) or '') if _where(b, inc) else ''}, {e(_who(inc, b))}"
                f" [{_reports(inc, b)}; {e(src)}]"
                f"{' (' + e(figs) + ')' if figs else ''}{e(_week_note(b, inc))}"
                f"<blockquote>{e(_ev(b, inc, entry))}</blockquote></li>"
            )
        body.append("</ul>")
    if b.other_days:
        body.append(f"<p>{e(_other_days(b))}</p>")
    if b.lower:
        body.append(f"<h2>Lower confidence</h2><p>{e(_LOWER_NOTE)}</p><ul>")
        body += [
            f"<li>{e(_day(i))} <b>{e(_kind(i, b))}</b>"
            f"{' in ' + e(_where(b, i) or '') if _where(b, i) else ''}, {e(_who(i, b))}"
            f" [{_reports(i, b)}; {e(', '.join(i.outlets[:4]) or 'unnamed outlets')}]"
            f"<blockquote>{e(_ev(b, i))}</blockquote></li>"
            for i in b.lower
        ]
        body.append("</ul>")
    if b.figures:
        body.append("<h2>Figures and how they changed</h2><ul>")
        body += [f"<li>{e(_figure_line(f, b))}</li>" for f in b.figures]
        body.append("</ul>")
    if b.accusations:
        body.append("<h2>Who accused or threatened whom</h2><ul>")
        body += [
            f"<li>{e(_day(i))} {e(_kind(i, b))}: {e(_who(i, b))}. {e(_ev(b, i))}</li>"
            for i in b.accusations
        ]
        body.append("</ul>")
    if b.doubts or b.denied:
        body.append("<h2>Unconfirmed or denied</h2><ul>")
        body += [
            f"<li>{e(d.published or '?')} ({e(d.hedge)}) {e(d.source)}: {e(d.text)}</li>"
            for d in b.doubts
        ]
        body += [f"<li>{e(_day(i))} denied: {e(_ev(b, i))}</li>" for i in b.denied]
        body.append("</ul>")
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Situation brief</title>"
        "<body>" + "\n".join(body) + "</body></html>\n"
    )
