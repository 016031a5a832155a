"""Event confidence and background: how far an analyst can trust one coded event.

``features`` reads an event's evidence: named participants, whether the trigger
is a noun or a verb and how many senses it has, the clause it sits in (main,
subordinate, reported speech, a question), attribution and hedges, modality,
and where it sits in the article. ``confidence`` turns them into a probability
with the weights and the calibration table in ``data/event_confidence.yaml``:
a logistic score, then an isotonic (pool-adjacent-violators) map fitted on dev
data, so that among events of confidence about p, about p are right. The table
is refitted by ``scripts/fit_confidence.py``; ``docs/calibration.md`` shows the
fit, its plot and the precision at each threshold.

``background`` marks recaps: a perfect or past-perfect clause with a duration
("NATO has been bombing for four months"), or an event dated well before the
report ("the 1988 bombing"). They keep their own date and are not new events.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from flashpoint.datafiles import load_yaml
from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events.base import marks
from flashpoint.extractors.times import awaited, clause_tense, lexicon, verb_tense

FEATURES = (
    "named_source",
    "named_target",
    "no_participant",
    "nominal",
    "ambiguous",
    "subordinate",
    "reported",
    "quoted",
    "attributed",
    "hedged",
    "not_asserted",
    "question",
    "lead",
    "figures",
    "dated",
    "placed",
    "material",
    "pronoun_source",
)
HEDGES = frozenset(
    {
        "reportedly",
        "allegedly",
        "purportedly",
        "apparently",
        "possibly",
        "perhaps",
        "may",
        "might",
        "could",
        "unconfirmed",
        "rumoured",
        "rumored",
        "suspected",
    }
)
MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT"})
LEAD_SENTENCES = 3
# an event dated this many days before its report is a recap, not news
BACKGROUND_DAYS = 60
_PERFECT = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


@cache
def table() -> dict[str, Any]:
    return dict(load_yaml("event_confidence.yaml"))


def features(
    event: Any,
    trigger: Token,
    anchor: Token,
    sent: SpacySpan,
    *,
    nominal: bool,
    senses: int,
    sentence_index: int,
    quoted: bool,
    hedged: bool,
) -> dict[str, float]:
    """The evidence for one event, each feature 0 or 1."""
    words = {t.lower_ for t in sent}
    named = [p for p in event.source if p.actor or p.country]
    pron = any(p.actor is None and p.name.lower() in fr.PRONOUNS for p in event.source)
    found = {
        "named_source": bool(named),
        "named_target": any(p.actor or p.country for p in event.target),
        "no_participant": not event.source and not event.target,
        "nominal": nominal,
        "ambiguous": senses > 1,
        "subordinate": fr.subordinate(anchor),
        "reported": fr.in_reported_speech(anchor),
        "quoted": quoted,
        "attributed": event.attribution is not None,
        "hedged": hedged or bool(words & HEDGES),
        "not_asserted": event.modality != "asserted",
        "question": sent.text.rstrip().endswith("?"),
        "lead": sentence_index < LEAD_SENTENCES,
        "figures": bool(event.figures),
        "dated": event.date is not None,
        "placed": event.location is not None,
        "material": event.type in MATERIAL,
        "pronoun_source": pron,
    }
    return {k: float(v) for k, v in found.items()}


def raw_score(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = weights if weights is not None else table()["weights"]
    z = float(w.get("bias", 0.0)) + sum(float(w.get(k, 0.0)) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate(score: float, steps: list[list[float]] | None = None) -> float:
    """The isotonic map: ``steps`` are (raw score upper edge, calibrated value) pairs."""
    rows = steps if steps is not None else table()["calibration"]
    if not rows:
        return score
    edges = [r[0] for r in rows]
    k = min(bisect_right(edges, score), len(rows) - 1)
    return round(float(rows[k][1]), 3)


def confidence(feats: dict[str, float]) -> float:
    return calibrate(raw_score(feats))


def default_threshold() -> float:
    """The ``--min-confidence`` default: dev precision above it is at least 0.85."""
    return float(table()["min_confidence"])


def is_background(anchor: Token, date: str | None, published: dt.date | None) -> bool:
    """A recap: "has been bombing for months", "had seized", or dated long before."""
    aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    durative = any(c.dep_ == "prep" and c.lower_ in ("for", "since") for c in anchor.children)
    # present perfect alone ("police have arrested 233 since Wednesday") is news
    if aux & _PERFECT and "been" in aux and anchor.tag_ == "VBG" and (durative or "had" in aux):
        return True  # "has been bombing (for four months)"
    if (
        "had" in aux
        and anchor.tag_ == "VBN"
        and not fr.subordinate(anchor)
        and not fr.in_reported_speech(anchor)  # "Sana said gangs had attacked": backshift
    ):
        return True  # past perfect in a main clause: earlier than the story's events
    if date and published is not None:
        if len(date) == 4 and date.isdigit():
            return int(date) < published.year  # "in 2018", told in 2019: an earlier year
        try:
            when = dt.date.fromisoformat(date[:10] if len(date) >= 10 else f"{date[:7]}-01")
        except ValueError:
            return False
        return (published - when).days > BACKGROUND_DAYS
    return False


# A time phrase of the event's own clause that places it before the story's days:
# "last week", "last month", "two years ago", "in the past" (the word lists corpus
# briefs used to filter look-backs with). "Last night" and "last weekend" are the
# story's own days; "this week" is news.
RECAP_TIME = re.compile(
    r"\b(?<!the )(?:last (?:year|month|week|spring|summer|autumn|fall|winter|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)"
    r"|(?:years|months|weeks|a year|a month|a week) ago|for years"
    r"|in the past(?!\s+(?:few\s+|several\s+|\w+\s+)?(?:hours?|days?|weeks?|months?|years?)))\b",
    re.IGNORECASE,
)
_TIME_DEPS = frozenset({"npadvmod", "advmod", "poss", "amod", "tmod", "prep"})
# a trailing time phrase past one of these dates the earlier event they introduce,
# whatever the parse hangs it on
_EARLIER_PREPS = frozenset({"after", "following", "before", "since", "than"})
# "That double bombing killed 44", "Those raids ...": a sentence opening on a distal
# demonstrative refers back to a happening told before ("That night" is a time).
RECAP_OPENING = re.compile(
    r"^\W*(?:That|Those)\b(?!\s+(?:night|day|morning|afternoon|evening|weekend|week)\b)"
)
RECAP_OPENING_WORDS = 6


def recap_time(tokens: tuple[Token, ...]) -> bool:
    """One of ``tokens`` (the trigger and its clause's verb) carries a time phrase
    that puts the event before the story ("arrested 20 people last week", "last
    month's bombing"); a phrase inside another argument ("over last week's bombing")
    is not the event's own."""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ not in _TIME_DEPS:
                continue
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if not any(o.ent_type_ == "DATE" or o.lower_ == "past" for o in objs):
                    continue
            elif not any(t.ent_type_ == "DATE" or t.lower_ == "ago" for t in child.subtree):
                continue
            doc = child.doc
            if any(
                doc[i].dep_ == "prep" and doc[i].lower_ in _EARLIER_PREPS
                for i in range(tok.i + 1, child.left_edge.i)
            ):
                continue  # "expelled two envoys after a similar move last month": the move's
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            if RECAP_TIME.search(span.text):
                return True
    return False


def recap(trigger: Token, anchor: Token, sent: SpacySpan) -> bool:
    """Told as a look-back: a past time phrase of its own ("last week", "years ago"),
    a sentence opening "That bombing ...", or a descriptive relative clause in the
    perfect (", who had visited Damascus")."""
    if recap_time((trigger, anchor)):
        return True
    if RECAP_OPENING.match(sent.text) and trigger.i - sent.start < RECAP_OPENING_WORDS:
        return True
    aux = {c.lower_ for c in anchor.children if c.dep_ in ("aux", "auxpass")}
    # ", which has been under attack", ", which has been shelled daily": still going on
    if anchor.dep_ == "relcl" and aux & _PERFECT and "been" not in aux and anchor.lemma_ != "be":
        left = anchor.left_edge
        return left.lower_ in ("who", "which") and left.i > 0 and left.nbor(-1).text == ","
    return False


def running_since_long_ago(coder: Any, anchor: Token, published: dt.date | None) -> bool:
    """A running count since long ago is a recap: "has conducted 140 attacks since 2014,
    killing 2,000" (a participle shares its clause's "since"), not this story's news, and
    so is a perfect toll since an undated start ("have been killed since the uprising
    began"). "Police have arrested 30 since Wednesday" stays news: Wednesday is recent."""
    if published is None:
        return False
    head = anchor
    if anchor.dep_ in ("advcl", "xcomp") and anchor.tag_ == "VBG" and not marks(anchor):
        head = anchor.head
    perfect = bool({c.lower_ for c in anchor.children if c.dep_ == "aux"} & {"has", "have"})
    for prep in head.children:
        since = (prep.dep_ == "prep" and prep.lower_ == "since") or (
            prep.dep_ == "advcl"  # "have been killed since protests began"
            and any(c.dep_ == "mark" and c.lower_ == "since" for c in prep.children)
        )
        if not since:
            continue
        # "the biggest protests since the revolt began": a superlative, news of the day
        superlative = any(t.tag_ == "JJS" or t.lower_ == "first" for t in anchor.sent)
        timed = any(coder.times.get(t.i) is not None for t in prep.subtree)
        if perfect and not timed and not superlative:
            return True  # a toll running since an event named, not dated: a recap
        if perfect and not superlative and coarse_start(coder, prep):
            return True  # "have been killed since the uprising began in March": a running
            # toll from a month or a year, however recent
        for tok in prep.subtree:
            item = coder.times.get(tok.i)
            if item is not None and item.value and is_background(anchor, item.value, published):
                return True
    return False


# "the uprising, which began in March": verbs that tell when a happening began
START_VERBS = frozenset({"begin", "start", "erupt", "break"})


def coarse_start(coder: Any, prep: Token) -> bool:
    """The "since" phrase starts at a month or a year ("since March", "since the
    uprising began in mid-March"), not at a day ("since Wednesday")."""
    for tok in prep.subtree:
        item = coder.times.get(tok.i)
        if item is not None and item.type == "date" and item.value and len(item.value) < 10:
            return True
    return False


def began_then(trigger: Token, coder: Any) -> bool:
    """ "the uprising, which began in March", "protests that started in January": an
    event noun told by when it began, a recap of the unrest as a whole."""
    for child in trigger.children:
        if child.dep_ not in ("relcl", "acl") or child.lemma_.lower() not in START_VERBS:
            continue
        if any(coder.times.get(t.i) is not None for t in child.subtree):
            return True
    return False


# The unrest as a whole: "people killed in the uprising", "died during the crackdown"
UNREST_NOUNS = frozenset(
    {"uprising", "unrest", "revolt", "revolution", "rebellion", "crackdown", "insurgency"}
)
# Count nouns of a running total: "the number of civilians killed", "the toll of dead"
TOTAL_NOUNS = frozenset({"number", "toll", "total", "tally", "count"})


def cumulative(anchor: Token, coder: Any) -> bool:
    """A harm told of the unrest as a whole, not of a day: "death notices for people
    killed in the uprising", "the number of civilians killed by Syrian forces", with
    no time of its own; a recap, however the sentence is dated."""
    if _dated_clause(anchor, coder):
        return False  # "killed in the unrest on Friday": that day's news
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "since", "throughout"):
            for obj in prep.children:
                det = {c.lower_ for c in obj.children if c.dep_ in ("det", "poss")}
                if obj.dep_ == "pobj" and obj.lemma_.lower() in UNREST_NOUNS and det:
                    return True  # "killed in the uprising", "died during its crackdown"
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN":
        noun = anchor.head  # "the number of civilians killed": the noun counted
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            return noun.head.head.lemma_.lower() in TOTAL_NOUNS
    return any(_thousands(t) for t in fr.victim_words(anchor))


def mass_count(anchor: Token, coder: Any) -> bool:
    """An undated act on a thousand or more ("murdered tens of thousands", "8,349
    people have been detained"): the running toll of a war or a campaign."""
    return not _dated_clause(anchor, coder) and any(
        _thousands(t) for t in fr.victim_words(anchor)
    )


def _dated_clause(anchor: Token, coder: Any) -> bool:
    """The act's own clause holds a date or a time ("killed on Friday")."""
    return any(
        (item := coder.times.get(tok.i)) is not None and item.type in ("date", "time")
        for tok in anchor.subtree
    )


def _thousands(tok: Token) -> bool:
    """A count of a thousand or more ("tens of thousands", "5,000", "two million"): the
    toll of a war or a campaign, not of one undated attack."""
    if tok.lemma_.lower() in ("thousand", "million"):
        return True
    digits = tok.text.replace(",", "")
    return tok.like_num and digits.isdigit() and int(digits) >= 1000


def annotate(coder: Any, event: Any, cand: Any, sent: SpacySpan) -> None:
    """Set ``event.background``, a dateline date where none was stated, and
    ``event.confidence``; the features are kept in ``ctx.event_features`` for refitting."""
    ctx = coder.ctx
    published = ctx.published
    year_of_tense(coder, event, cand)
    event.background = (
        bool(cand.background)
        or is_background(cand.anchor, event.date, published)
        or running_since_long_ago(coder, cand.anchor, published)
        or recap(cand.trigger, cand.anchor, sent)
        or (bool(cand.nominal) and began_then(cand.trigger, coder))
        or (bool(cand.nominal) and fr.judged_for(cand.trigger))
        or (cand.type == "ASSAULT" and not cand.nominal and cumulative(cand.anchor, coder))
        or (cand.type == "COERCE" and not cand.nominal and mass_count(cand.anchor, coder))
        # "massacred every day" (not "shelled daily since Monday": this week's news)
        or (
            not cand.nominal
            and fr.recurring(cand.anchor)
            and not _dated_clause(cand.anchor, coder)
        )
    )
    entry = timeline_entry(coder, event)
    if entry is not None:  # "Sept. 8 - ...", "-- ...": a chronology line is a recap
        event.background = True
        if event.date is None and entry[0] is not None:
            event.date, event.date_precision, event.time = entry[0], "day", entry[1]
    top = fr.top_of_chain(cand.anchor)
    # "the day the US closed its embassy": a relative clause on a time noun is dated by it
    relative = top.dep_ in ("relcl", "acl") and top.head.i not in coder.times
    if top.dep_ == "acl" and top.tag_ == "VBG":
        relative = False  # "students taking part in a sit-in": the main clause's time
    reported = fr.in_reported_speech(cand.anchor)
    if event.date is None and not relative:
        # a said-clause's date is the saying's; a relative clause ("Syria, where 3,500
        # have been killed") is not told at the time of the sentence it hangs on
        sentence_date(coder, event, sent, coder.other_event(cand), reported=reported,
                      verbal=cand.type in VERBAL_TYPES, anchor=cand.anchor)
    # "comes weeks after a dissident was beaten up": days apart from the news around it,
    # so no day of the lead, the sentence before or the dateline
    carried = event.date is None and not event.background and not measured_gap(top)
    if carried:
        lead_date(coder, event, coder.other_event(cand))
    if carried and event.date is None and not relative:
        lead_news(coder, event, cand)
    if carried and event.date is None:
        previous_date(coder, event, verbal=cand.type in VERBAL_TYPES)
    if carried and event.date is None and not relative:
        entry_day(coder, event)
    if event.date is not None and event.time is not None:
        item = next((t for t in ctx.results.get("times", []) if t.id == event.time), None)
        if item is not None:
            event.date = blog_weekday(ctx, event.date, item.text)
    dateline = ctx.dateline
    if carried and event.date is None and dateline is not None and dateline.day:
        from flashpoint.ingest.clean import dateline_day

        day = dateline_day(dateline.day, published)
        if day is not None:
            event.date, event.date_precision = day, "day"
    year_of_tense(coder, event, cand)
    lemma = cand.trigger.lemma_.lower()
    table_ = coder.lex.nouns if cand.nominal else coder.lex.verbs
    senses = len(table_.get(lemma) or ())
    start = event.trigger.start
    quoted = bool(ctx.covering("quotes", start))
    hedged = any(c.hedges for c in ctx.covering("claims", start, part="content"))
    index = ctx.sentence_index(start)
    feats = features(
        event,
        cand.trigger,
        cand.anchor,
        sent,
        nominal=cand.nominal,
        senses=senses,
        sentence_index=index,
        quoted=quoted,
        hedged=hedged,
    )
    ctx.event_features[event.id] = feats
    event.confidence = confidence(feats)


# A year-less day this many days or fewer from the report, against the act's tense, is
# left alone: the stored day of a report may itself be a day or two off (a live blog).
TENSE_SLACK_DAYS = 7
YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def year_of_tense(coder: Any, event: Any, cand: Any) -> None:
    """A day written without its year takes the year the act's tense allows: an act
    told as done ("police arrested 12 men on 20 March", in a report of 10 March) was
    last year's, and a future one ("will vote on December 28", told on 10 March) is the
    coming one. The time layer lets a much nearer day win against the tense (tense
    parses err); here the act's own verb and the day's own clause must agree, the day
    must be in the act's sentence, and only a day more than ``TENSE_SLACK_DAYS`` off
    is moved. Not for an event noun, whose host clause may be another act's."""
    published = coder.ctx.published
    if published is None or event.date is None or event.date_precision != "day":
        return
    item = next((t for t in coder.ctx.results.get("times", []) if t.id == event.time), None)
    if item is None or YEAR.search(item.text) or not any(
        w.lower().rstrip(".") in lexicon().months for w in re.findall(r"[A-Za-z.]+", item.text)
    ):
        return  # a weekday, "yesterday", or a day with its year: the time layer's
    own = coder.ctx.sentence_at(event.trigger.start)
    if cand.nominal or not own.start_char <= item.start < own.end_char:
        return
    day_tense = clause_tense(coder.doc, item.start, item.end)
    verb = fr.top_of_chain(cand.anchor)
    told_done = verb.pos_ in ("VERB", "AUX") and verb_tense(verb) == "past"
    day = dt.date.fromisoformat(event.date)
    gap = (day - published).days
    if event.modality == "asserted" and told_done and day_tense == "past":
        step = -1 if gap > TENSE_SLACK_DAYS else 0
    elif event.modality == "future" and day_tense in ("future", None):
        step = 1 if gap < -TENSE_SLACK_DAYS else 0
    else:
        step = 0
    if not step:
        return
    try:
        moved = day.replace(year=day.year + step)
    except ValueError:  # 29 February
        moved = day.replace(year=day.year + step, day=28)
    event.date = moved.isoformat()


LEAD_SPAN = 3  # sentences that continue the lead (the first one included)
# how far a lead's day carries to events told in the simple past ("Six more people
# were later shot dead"), while no sentence in between states another date
LEAD_CARRY = 6


def lead_date(coder: Any, event: Any, other: frozenset[int] | set[int] = frozenset()) -> None:
    """An event in the sentences that continue the lead takes the lead's one day
    ("Troops killed six people on Wednesday. At least four were shot ...")."""
    ctx = coder.ctx
    if event.modality != "asserted":
        return
    found = None
    for lead in lead_sentences(ctx):  # the dateline's sentence, else the first one
        if lead.start_char <= event.trigger.start:
            found = day_in(coder, lead)
        if found is not None:
            break
    if found is None:
        return
    if lead.start_char <= event.trigger.start < lead.end_char:
        # the lead's own act in the past: its one day, even in a said-clause ("A blast
        # killed a Briton in Aden on Wednesday, officials said"); not a relative clause
        found = day_in(coder, lead, line_of=event.trigger.start, skip=other)
        if found is not None and simple_past(coder.doc, event):
            event.date, event.date_precision, event.time = found[0], "day", found[1]
        return
    own = ctx.sentence_at(event.trigger.start)
    if dated(coder, own):
        return  # "urged Russia last week": the sentence's own time, though not a day
    if fr.NEW_TOPIC.match(own.text):
        return  # "Meanwhile, two blasts ...": another happening, not the lead's
    at, between = event.trigger.start, list[SpacySpan]()
    for s in ctx.sentences[ctx.sentence_index(lead.start_char) :]:
        if s.end_char > at or len(between) >= LEAD_CARRY:
            break  # (so far only: a scan of every sentence per event is quadratic)
        if lead.end_char <= s.start_char and s.text.strip():
            between.append(s)
    index = len(between) + 1  # the event's sentence, counted from the lead
    if index >= LEAD_CARRY:
        return
    if index >= LEAD_SPAN and not (
        simple_past(coder.doc, event) and not any(dated(coder, s) for s in between)
    ):
        return
    event.date, event.date_precision, event.time = found[0], "day", found[1]


# Acts told the day they are said or decided: statements, and sanctions such as a
# recalled ambassador ("Turkey has recalled its ambassador").
DECLARED_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE",
                            "CONCEDE", "SANCTION"})
RECENT_SPAN = re.compile(r"(?:the\s+)?(?:past|last)\s", re.IGNORECASE)


def own_time(t: Any) -> bool:
    """A time the lead states for what it tells: a date or a time of day ("on Monday",
    "since March"), or a recent span ("in the past four days"); not "now", nor a
    length ("the 11-month conflict", "less than a year after")."""
    if t.type in ("date", "time"):
        return bool(t.value) and t.value != "PRESENT_REF"
    return t.type == "duration" and bool(RECENT_SPAN.match(t.text))


# Adverbs that put an act at the moment of the report: "rebels now hold", "have just".
NEWS_ADVERBS = frozenset({"now", "just"})


def lead_news(coder: Any, event: Any, cand: Any) -> None:
    """The lead tells the day's news: an act in the present perfect, or with "now" or
    "just" ("BEIRUT (Reuters) - Syrian troops have stormed the town of Rastan,
    residents said"; a BBC page's first sentence, "China and Russia have vetoed a UN
    resolution"), in the ``LEAD_SPAN`` sentences from the lead (the dateline's sentence
    after the dateline, else the page's first sentence, and there only a verbal act:
    a page with no dateline tells harm of days before, "a girl has died, days after
    she shot herself"), is of the report's day while no time at all is stated from the
    lead to its sentence's end. Not a past or a past perfect ("had seized")."""
    ctx = coder.ctx
    if event.modality != "asserted" or ctx.published is None:
        return
    lead = next(iter(lead_sentences(ctx)), None)
    opens = ctx.dateline.end if ctx.dateline is not None else 0
    if lead is None or event.trigger.start < opens:
        return  # (a caption or a sidebar run into the dateline's sentence is not the lead)
    story: list[SpacySpan] = []
    for x in ctx.sentences[ctx.sentence_index(lead.start_char) :]:
        if len(story) == LEAD_SPAN:
            break  # (only the first sentences count: a scan of all is quadratic)
        if x.start_char >= lead.start_char and x.text.strip():
            story.append(x)
    if not story or event.trigger.start >= story[: LEAD_SPAN][-1].end_char:
        return
    own = ctx.sentence_at(event.trigger.start)
    if own.start_char > lead.start_char and fr.NEW_TOPIC.match(own.text):
        return  # "Meanwhile, ...": another happening
    if any(lead.start_char <= t.start < own.end_char and own_time(t)
           for t in ctx.results.get("times", [])):
        return  # "since March", "on Monday", "in the past four days": its own time
    if cand.nominal or cand.anchor.pos_ not in ("VERB", "AUX"):
        return  # "Trump's demand ... has met a mixed response": the response's perfect
    if ctx.dateline is None and cand.type not in DECLARED_TYPES:
        return  # with no dateline, only what is said: "a girl has died, days after she ..."
    verb = fr.top_of_chain(cand.anchor)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    perfect = verb.tag_ == "VBN" and bool(aux & {"has", "have", "'ve"})
    if not (perfect or (adverbs & NEWS_ADVERBS and not aux & {"had", "will", "would"})):
        return
    event.date, event.date_precision = ctx.published.isoformat(), "day"


def previous_date(coder: Any, event: Any, verbal: bool = False) -> None:
    """An asserted act told in the simple past, in a sentence with no time of its own,
    takes the one day the sentence just before names ("On Saturday, a funeral was held
    in Mezzeh. Security forces opened fire on the mourners."): Reuters and BBC
    paragraphs are one sentence each, so the day is set by the sentence before."""
    if event.modality != "asserted" or not (
        simple_past(coder.doc, event) or reported_pluperfect(coder.doc, event)
    ):
        return
    ctx = coder.ctx
    span = coder.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None and fr.top_of_chain(span.root).dep_ in ("relcl", "acl"):
        return  # "the number of civilians they killed soared": not told at that day
    if span is not None and any(t.i in coder.times for t in span.root.subtree):
        return  # "supported them until a month ago": a time of its own, if only a bound
    index = ctx.sentence_index(event.trigger.start)
    if dated(coder, ctx.sentences[index]):
        return  # "urged Russia last week": the sentence's own time, though not a day
    if fr.NEW_TOPIC.match(ctx.sentences[index].text):
        return  # "Meanwhile, two blasts in Aleppo ...": another happening, its own day
    k = index - 1
    while k >= 0 and not ctx.sentences[k].text.strip():
        k -= 1
    if k < 0:
        return
    after = bisect_right(ctx.stamps, ctx.sentences[k].start_char, key=lambda stamp: stamp[0])
    if after < len(ctx.stamps) and ctx.stamps[after][0] < event.trigger.start:
        return  # the line before is another entry of a live blog (``entry_day``)
    found = day_in(coder, ctx.sentences[k])
    if found is None:
        return
    own = ctx.sentences[index]
    times = ctx.results.get("times", [])
    timeless = not any(own.start_char <= t.start < own.end_char for t in times)
    if said_on(coder, found[1]) and not (
        verbal and timeless and span is not None and attributed(span.root, own)
    ):
        return  # "police said on Tuesday": the day of a statement, not of the scene
    event.date, event.date_precision, event.time = found[0], "day", found[1]


# Units of a gap of a day or more: "weeks after", "two days before" ("hours after" is
# the same day's news)
GAP_UNITS = frozenset({"day", "week", "month", "year"})


def measured_gap(verb: Token) -> bool:
    """The verb heads an "after/before" clause a gap of days or more sets apart from its
    main clause ("The arrests come weeks after X was beaten up", "two days after gunmen
    attacked"): its day is not the day of the sentence before."""
    if verb.dep_ != "advcl":
        return False
    opener = marks(verb) & {"after", "before"} or any(
        c.dep_ == "prep" and c.lower_ in ("after", "before") and c.i < verb.i
        for c in verb.head.children
    )  # the parser also hangs "after" on the main verb, the clause beside it
    if not opener:
        return False
    gaps = [c for t in (verb, verb.head) for c in t.children if c.dep_ == "npadvmod"]
    return any(g.lemma_.lower() in GAP_UNITS for g in gaps)


def attributed(tok: Token, sent: SpacySpan) -> bool:
    """The act is told as a statement's: in a said-clause, or in a sentence with a
    reporting tag ("..., it said, and asked Beirut to close the crossings")."""
    if fr.in_reported_speech(tok):
        return True
    verbs = fr.lexicon().speech_verbs
    return any(t.dep_ == "parataxis" and t.lemma_.lower() in verbs for t in sent)


def time_verb(coder: Any, time_id: str) -> Token | None:
    """The verb a time hangs on (up to three heads above it)."""
    item = next((t for t in coder.ctx.results.get("times", []) if t.id == time_id), None)
    if item is None:
        return None
    span = coder.doc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    for _ in range(3):
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def relative_between(tok: Token, top: Token) -> bool:
    """A relative clause on the way up from ``tok`` to its ancestor ``top``."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def beside(verb: Token, anchor: Token) -> bool:
    """``verb`` is in an "as/while/when" clause of ``anchor`` ("fired on them as they
    tried to flee on Wednesday"): the same time, through "to" clauses."""
    for _ in range(4):
        if verb.dep_ == "xcomp":
            verb = verb.head
            continue
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return verb.dep_ == "advcl" and verb.head.i == anchor.i and bool(marks & SIMULTANEOUS)
    return False


SIMULTANEOUS = frozenset({"as", "while", "when"})


def said_on(coder: Any, time_id: str) -> bool:
    """The time hangs on a verb of saying ("said on Tuesday", "told Reuters on Monday")."""
    from flashpoint.extractors.events.places import SPEECH_VERBS

    verb = time_verb(coder, time_id)
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS


def reported_pluperfect(doc: Any, event: Any) -> bool:
    """ "Activists said the protesters had come under attack": a past perfect in a
    said-clause is the reporter's simple past, shifted back."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    for _ in range(3):  # "had come under attack": the noun's verb
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    verb = fr.top_of_chain(verb)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "had" in aux and not aux & {"would", "could", "might"} and fr.in_reported_speech(verb)


def lead_sentences(ctx: Any) -> list[SpacySpan]:
    """The story's first sentence: the one the dateline opens ("AMMAN (Reuters) -
    Syrian forces shot dead ..."), then the first sentence of the page (a caption or a
    header before the dateline may be the only one to state the day)."""
    dateline = ctx.dateline
    first, opened = None, None
    for s in ctx.sentences:  # stops at the lead: asked once per event
        if not s.text.strip():
            continue
        first = s if first is None else first
        if dateline is None or s.end_char > dateline.end:
            opened = s if dateline is not None else None
            break
    out = [opened] if opened is not None else []
    return [*out, first] if first is not None and first not in out else out


def simple_past(doc: Any, event: Any) -> bool:
    """The event's verb is a plain past ("were killed", "shelled"), not a perfect,
    a future or a present: the tense of a story's own day."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head  # an event noun: the verb it is the argument of
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        verb = verb.head  # "... continued to emerge, surrendering": the clause's tense
    verb = fr.top_of_chain(verb)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and bool(aux) and aux <= {"was", "were"}


def dated(coder: Any, sent: SpacySpan) -> bool:
    """The sentence states a time of its own (a day, a month, "last week"), not as a
    bound ("since March") and not a repeat ("weekly")."""
    for t in coder.ctx.results.get("times", []):
        if not (sent.start_char <= t.start < sent.end_char) or t.type not in ("date", "time"):
            continue
        if not t.value or not t.value[:4].isdigit():
            continue
        if t.type == "time" and not DAY_OF_TIME.match(t.value):
            continue
        span = coder.doc.char_span(t.start, t.end, alignment_mode="expand")
        before = coder.doc[span.start - 1].lower_ if span is not None and span.start else ""
        if before not in BOUNDS and not (span is not None and awaited(span.root)):
            return True
    return False


# Verbal acts: told in a statement, the statement's day is theirs ("the ministry said
# on Sunday it condemned the shelling"; "X asked Y to stop, it said" after that line).
VERBAL_TYPES = frozenset(
    {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
)


def sentence_date(
    coder: Any,
    event: Any,
    sent: SpacySpan,
    other: frozenset[int] | set[int] = frozenset(),
    reported: bool = False,
    verbal: bool = False,
    anchor: Token | None = None,
) -> None:
    """No date in the event's clause: the one date its sentence gives ("On Monday,
    troops shelled the town and killed four"), when it gives exactly one and not
    as a bound ("since March", "until Friday"). In a said-clause (``reported``) the
    day of the saying ("officials said on Tuesday troops had arrested 30") is not the
    scene's, unless the act is itself ``verbal``; a day on a verb the said-clause hangs
    on is the scene's ("the fighting went on on Wednesday, with state TV reporting that
    gunmen had ..."), and so is one of an "as/while/when" clause of the act's own."""
    found = day_in(coder, sent, line_of=event.trigger.start, skip=other)
    if found is not None and reported and anchor is not None:
        host = time_verb(coder, found[1])
        if host is None or (not verbal and said_on(coder, found[1])):
            return
        if not (host.is_ancestor(anchor) or beside(host, anchor)):
            return  # "is asking ..., having given birth on Saturday": another act's day
        if host.is_ancestor(anchor) and relative_between(anchor, host):
            return  # "meet on Wednesday to discuss Syria, where the UN says 3,500 ..."
    if found is not None:
        event.date, event.date_precision, event.time = found[0], "day", found[1]


def day_in(
    coder: Any,
    sent: SpacySpan,
    line_of: int | None = None,
    skip: frozenset[int] | set[int] = frozenset(),
) -> tuple[str, str] | None:
    """(ISO day, time id) when the sentence names exactly one day, not as a bound; with
    ``line_of``, only on that offset's line (a parse may run two paragraphs together)."""
    values = set()
    text = coder.ctx.text
    lo, hi = sent.start_char, sent.end_char
    if line_of is not None:
        lo = max(lo, text.rfind("\n", 0, line_of) + 1)
        end = text.find("\n", line_of)
        hi = min(hi, end if end >= 0 else hi)
    for t in coder.ctx.results.get("times", []):
        if not (lo <= t.start < hi) or t.type not in ("date", "time") or not t.value:
            continue
        value = t.value
        if t.type == "time":  # "on Tuesday evening" (2012-01-31TEV): that day
            if not DAY_OF_TIME.match(value):
                continue
            value = value[:10]
        span = coder.doc.char_span(t.start, t.end, alignment_mode="expand")
        before = coder.doc[span.start - 1].lower_ if span is not None and span.start else ""
        from flashpoint.extractors.events.setting import prayer_day, range_start

        if before in BOUNDS and not (span is not None and prayer_day(span.root)):
            continue  # "after Friday prayers" is that Friday; "after Monday's talks" a bound
        ranged = span is not None and ISO_DAY.fullmatch(value) is not None
        if ranged and range_start(span, int(value[8:])) is not None:
            continue  # "between 3 and 6 June": a span, not its last day
        if not ISO_DAY.fullmatch(value):
            continue  # a bound, a month or year, or a reference such as FUTURE_REF ("soon")
        if span is not None and awaited(span.root):
            continue  # "shut the network ahead of Tuesday's protests": a later happening
        if span is not None and in_bound_clause(span.root):
            continue  # "killed since it agreed on November 2": the bound's day
        if span is not None and span.root.i in skip:
            continue  # "condemned Tuesday's bombing": the bombing's day
        values.add((value, t.id))
    days = {v for v, _ in values}
    return min(values) if len(days) == 1 else None  # "Tuesday ... Tuesday evening": one day


BOUNDS = frozenset({"since", "until", "till", "before", "after", "by", "from", "to"})
def in_bound_clause(tok: Token) -> bool:
    """The token sits in a clause that bounds another ("since it agreed on Monday")."""
    return fr.bound_verb(tok) is not None
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DAY_OF_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")


# A live blog's update stamp opening a line: "(Update 11:10 a.m. Friday in Cairo, 4:10
# a.m. ET)", "(Updated 12:44 p.m. (1944 in Egypt))": its clock time and weekday, if any.
STAMP = re.compile(
    r"\(Update[ds]?\s+(\d{1,2})(?::(\d\d))?\s*([ap])\.?\s?m\.?\s*,?\s*"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)?",
    re.IGNORECASE,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STAMP_DAY_HOUR = 6  # a stamp in the small hours tells the night before's acts as well
STAMP_REACH = 3  # days from the stored day a stamp's weekday may lie (blogs run on)


def stamp_entries(coder: Any) -> list[tuple[int, int, int, str | None, bool]]:
    """A live blog's entries, top (latest) first: (start, end, minutes of the stamp's
    clock, the day the entry states, whether the stamp names a weekday), the day being
    the stamp's weekday (nearest the stored day: a blog runs on past it), else the one
    day its sentences name."""
    ctx = coder.ctx
    memo = coder.__dict__.get("_stamp_entries")
    if memo is not None and memo[0] is ctx:
        return memo[1]
    text = ctx.text
    out: list[tuple[int, int, int, str | None, bool]] = []
    for k, (start, stamp) in enumerate(ctx.stamps):
        m = STAMP.search(stamp)
        if m is None:
            continue
        if k + 1 < len(ctx.stamps):
            end = ctx.stamps[k + 1][0]
        else:  # the last entry: its line
            end = text.find("\n", start + len(stamp))
            end = len(text) if end < 0 else end
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        day = None
        if m.group(4) and ctx.published is not None and hour >= STAMP_DAY_HOUR:
            wd = WEEKDAYS.index(m.group(4).lower())
            reach = range(-STAMP_REACH, STAMP_REACH + 1)
            near = (ctx.published + dt.timedelta(days=d) for d in reach)
            day = next(d.isoformat() for d in near if d.weekday() == wd)
        elif not m.group(4):
            days = {
                blog_weekday(ctx, found[0], time_text(coder, found[1]))
                for s in ctx.sentences
                if start <= s.start_char < end
                for found in [day_in(coder, s)]
                if found is not None and not told_ahead(coder, found[1])
            }
            # "the protests of January 14": a recalled day, not the entry's
            days = {d for d in days if near_stored(ctx.published, d)}
            day = days.pop() if len(days) == 1 else None
        minutes = hour * 60 + int(m.group(2) or 0)
        out.append((start + len(stamp), end, minutes, day, bool(m.group(4))))
    coder.__dict__["_stamp_entries"] = (ctx, out)
    return out


def time_text(coder: Any, time_id: str) -> str:
    item = next((t for t in coder.ctx.results.get("times", []) if t.id == time_id), None)
    return item.text if item is not None else ""


def near_stored(published: dt.date | None, day: str) -> bool:
    """The day lies within a day of the stored day (a blog's entries tell that day's
    news, and the blog may run on into the next)."""
    if published is None:
        return False
    return abs((dt.date.fromisoformat(day) - published).days) <= 1


def told_ahead(coder: Any, time_id: str) -> bool:
    """The time sits in a clause told in the future ("courts will reopen Sunday"): a
    day to come, not the day of the entry that tells it."""
    item = next((t for t in coder.ctx.results.get("times", []) if t.id == time_id), None)
    return item is not None and clause_tense(coder.doc, item.start, item.end) == "future"


WEEKDAY_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def blog_weekday(ctx: Any, day: str, text: str) -> str:
    """On a live blog (a page with update stamps), the weekday after the stored day,
    which the time layer read as the one six days before ("Saturday" in a blog stored
    on Friday that ran on into Saturday), is the next day: the page is stored under the
    day it began. Only a bare weekday ("Saturday", "early Saturday")."""
    if not ctx.stamps or ctx.published is None or not ISO_DAY.fullmatch(day):
        return day
    if not WEEKDAY_WORD.search(text) or re.search(r"\d", text) or "last" in text.lower():
        return day
    if dt.date.fromisoformat(day) != ctx.published - dt.timedelta(days=6):
        return day
    return (ctx.published + dt.timedelta(days=1)).isoformat()


def entry_day(coder: Any, event: Any) -> None:
    """An act told in a live blog's entry, with no time in its sentence, is of the
    entry's day: the weekday of its stamp ("(Update 11:10 a.m. Friday in Cairo) Troops
    freed 18 journalists"), or, for a stamp with no day, the one day of the entries just
    above and below it when both state the same day and the clock runs down between them
    (no midnight in between): "(Update 3:36 p.m. in Cairo) Protesters formed a human
    chain" between a 5:02 p.m. entry and a 2:49 p.m. one that both say Saturday. An
    entry that names a day of its own is left to the sentence rules."""
    if event.modality != "asserted":
        return
    ctx = coder.ctx
    entries = stamp_entries(coder)
    at = next((k for k, e in enumerate(entries) if e[0] <= event.trigger.start < e[1]), None)
    if at is None:
        return
    own = ctx.sentence_at(event.trigger.start)
    if any(
        own.start_char <= t.start < own.end_char
        and (t.type != "duration" or not (t.value or "")[1:2].isdigit())
        for t in ctx.results.get("times", [])
    ):
        return  # "will resume Monday", "in recent weeks" (not a length: "three decades")
    if entries[at][4]:
        day = entries[at][3]  # None in the small hours
    elif entries[at][3] is not None:
        return
    else:
        above = next((k for k in range(at - 1, -1, -1) if entries[k][3]), None)
        below = next((k for k in range(at + 1, len(entries)) if entries[k][3]), None)
        if above is None or below is None or entries[above][3] != entries[below][3]:
            return
        clock = [entries[k][2] for k in range(above, below + 1)]
        if any(later < earlier for later, earlier in pairwise(clock)):
            return  # midnight between them: not one day
        day = entries[above][3]
    if day is not None:
        event.date, event.date_precision = day, "day"


TIMELINE_DASHES = ("- ", "-- ", "— ", "– ")
TIMELINE_LOOKBACK = 12  # lines searched back for the date a "--" entry continues


def timeline_entry(coder: Any, event: Any) -> tuple[str | None, str | None] | None:
    """The event sits on a chronology line ("Sept. 8 - The prime minister arrives",
    or "-- ..." continuing the date above): (that date, its time id), else None."""
    text = coder.ctx.text
    start = text.rfind("\n", 0, event.trigger.start) + 1
    times = [t for t in coder.ctx.results.get("times", []) if t.type == "date" and t.value]
    for _ in range(TIMELINE_LOOKBACK):
        line = text[start : start + 40]
        if line.startswith("--"):
            if start == 0:
                return None, None
            start = text.rfind("\n", 0, start - 1) + 1
            continue
        lead = next((t for t in times if t.start == start), None)
        if lead is None:
            return None if start > text.rfind("\n", 0, event.trigger.start) else (None, None)
        after = text[lead.end : lead.end + 4].lstrip(",")
        if not after.startswith(tuple(" " + d for d in TIMELINE_DASHES)):
            return None  # "Mar 13, 2018-Two ...": a dated lead, not a chronology line
        value = lead.value if len(lead.value) == 10 else None
        return value, lead.id if value else None
    return None
