"""Where, when and how many: an event's scope in the parse, its date, place and figures."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events import places as event_places
from flashpoint.extractors.events.base import CoderBase, EventCandidate
from flashpoint.extractors.times import awaited
from flashpoint.models import Figure

DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# "Saturday morning" (2012-02-04TMO), "overnight" (2012-02-03TNI): the day of a time
DAY_OF_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T")
# "last week" (2012-W05), "last weekend" (2012-W05-WE): an ISO week
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def event_date(value: str) -> tuple[str, str] | None:
    """(date, date_precision) an event takes from a time value: a day, a month or a
    year as they are; a time of day gives its day; a week or weekend gives the
    Monday of that ISO week, with precision "week"."""
    if DATE_VALUE.match(value):
        return value, {4: "year", 7: "month", 10: "day"}[len(value)]
    day = DAY_OF_TIME.match(value)
    if day:
        return day.group(1), "day"
    week = WEEK_VALUE.match(value)
    if week:
        import datetime as dt

        try:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        return monday.isoformat(), "week"
    return None


# "the past two days", "the last 24 hours": a duration up to the report (P2D, PT24H)
RECENT = re.compile(r"^P(?:(\d+)D|T(\d+)H)$")
RECENT_WORDS = re.compile(r"^(?:the )?(?:past|last) ", re.IGNORECASE)
RECENT_DAYS = 3
NOT_EVENT_DATE = frozenset({"since", "until", "till", "before", "after", "by", "from"})
SIMULTANEOUS = frozenset({"as", "while", "when"})


def range_start(span: Any, last_day: int) -> int | None:
    """The first day of "3-6 June", "between 3 and 6 June", "from 3 to 6 June", where
    ``span`` is the time layer's "6 June" (its last day, ``last_day``); None otherwise."""
    doc, i = span.doc, span.start
    if i < 2:
        return None
    before = doc[i - 1].lower_
    first = doc[i - 2]
    opener = doc[i - 3].lower_ if i >= 3 else ""
    ranged = before in ("-", "–") or (before == "and" and opener == "between") or (
        before in ("to", "until") and opener == "from"
    )
    if not ranged or not first.text.isdigit() or not 1 <= int(first.text) < last_day:
        return None
    return int(first.text)


def prayer_day(tok: Token) -> bool:
    """ "after Friday prayers": the day names the prayers, which the rallies, shootings
    and marches of that day follow; a time of the act, not a bound before it."""
    return tok.dep_ == "compound" and tok.head.lemma_.lower() in ("prayer", "prayers")


MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip


def year_in_name(tok: Token) -> bool:
    """A year that ends a name ("the Syrian Revolution 2011 page", "Euro 2012"), not
    the date of an event: right after a capitalized word that is not a month."""
    if not (tok.like_num and len(tok.text) == 4 and tok.text.isdigit()) or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.lower_.rstrip(".") not in MONTH_NAMES
    )


def across_lines(tok: Token, trigger: Token) -> bool:
    """A line break between them: the parser ran two paragraphs into one sentence."""
    lo, hi = sorted((tok.i, trigger.i))
    return "\n" in tok.doc[lo:hi].text_with_ws  # Doc.text would join the whole document


SETTLEMENT_NOUNS = frozenset(
    {"city", "town", "village", "province", "region", "district", "suburb", "governorate",
     "state", "port", "capital", "area", "county", "neighbourhood", "neighborhood"}
)  # fmt: skip


def finer_in_country(found: list[tuple[int, Any, str]]) -> str | None:
    """ "In Syria, a bus came under attack in the central city of Homs": when the nearest
    place of the clause is a country and the clause also names a town or province in
    it, the finer place (nearest such) is the event's."""
    if not found:
        return None
    _, nearest, prep = min(found, key=lambda f: f[0])
    if nearest.feature != "country" or prep != "in":
        return None  # "killed across Syria, mainly in Homs": the country is meant
    inside = [
        (d, p)
        for d, p, _ in found
        if p.feature in ("city", "admin", "landmark") and p.country == nearest.country
    ]
    return min(inside, key=lambda f: f[0])[1].id if inside else None


# Prepositions that set another happening beside the event: "after uprisings in
# Tunisia", "like the protests in Egypt".
BESIDE = frozenset({"after", "before", "since", "like", "unlike", "than", "following"})


def other_scene(prep: Token, trigger: Token) -> bool:
    """The locative phrase hangs on a noun, not the trigger, that is itself the object
    of "after", "like", "since" ...: the place of that other happening (taken so only
    for a place outside the story's country: "opened fire after prayers in Hama" is
    where the shooting was)."""
    noun = prep.head
    if noun.i == trigger.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return noun.dep_ == "pobj" and noun.head.lower_ in BESIDE


# "sentenced for the murder of a teenager in Basra", "arrested over the bombing in
# Beirut", "protests inspired by the uprising in Tunisia": the deed an act answers or
# follows as a model, told with its own place.
CAUSE_PREPS = frozenset({"for", "over"})
MODEL_VERBS = frozenset({"inspire", "encourage", "embolden", "galvanise", "galvanize"})
OF_CHAIN = 3  # "the murder of a teenager in Basra": "in Basra" may hang on "teenager"


def deed_scene(prep: Token, trigger: Token) -> bool:
    """The locative phrase hangs (through "of" phrases) on a noun naming a happening
    that is the object of "for"/"over" or of "inspired by": the place of that deed (a
    trial's, an arrest's or a rally's is elsewhere or not told), whatever its country."""
    noun = prep.head
    for _ in range(OF_CHAIN):
        if noun.i == trigger.i or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
            continue
        break
    if noun.i == trigger.i or noun.dep_ != "pobj" or not happening_noun(noun):
        return False
    link = noun.head
    if link.lower_ == "for" and same_kind(noun, trigger):
        return False  # "gathered for a march in central London": the act's own scene
    return link.lower_ in CAUSE_PREPS or (
        link.lower_ == "by" and link.head.lemma_.lower() in MODEL_VERBS
    )


# "requested briefings on the crisis in Egypt", "met to discuss the events in Egypt":
# the state of affairs an act is about, told with its own place.
AFFAIRS = frozenset({"event", "development", "situation", "crisis", "turmoil", "upheaval"})
TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning", "over"})
TOPIC_VERBS = frozenset(
    {"discuss", "debate", "monitor", "follow", "watch", "review", "address", "regard", "concern"}
)


def topic_scene(prep: Token, trigger: Token) -> bool:
    """The locative phrase hangs on a noun for a state of affairs ("the crisis", "the
    events", "the situation") that an act is about: the object of "on", "about",
    "regarding" or of "discuss", "follow" ("a statement regarding the developments in
    Egypt"): the place talked of, not the place of the briefing, meeting or statement."""
    noun = prep.head
    if noun.i == trigger.i or noun.lemma_.lower() not in AFFAIRS:
        return False
    if noun.dep_ == "pobj":
        return noun.head.lower_ in TOPIC_PREPS
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in TOPIC_VERBS


def marched_through(prep: Token, cand: EventCandidate) -> bool:
    """ "marched through central London", "paraded through the streets of Hama": a
    protest told as moving through a place is held there (a movement of troops
    "through" a town is only on its way, so this is for protests alone)."""
    return prep.lower_ == "through" and cand.type == "PROTEST"


def same_kind(noun: Token, trigger: Token) -> bool:
    """The happening ``noun`` names is of a kind the trigger's word codes ("gathered for
    a march", "assembled for a rally"): the act done for it is that happening, not an
    answer to another deed ("sentenced for the murder")."""
    from flashpoint.extractors.events.lexicon import lexicon

    lex = lexicon()
    kinds = {s.type for s in lex.nouns.get(noun.lemma_.lower(), ())}
    own = lex.verbs.get(trigger.lemma_.lower(), ()) or lex.nouns.get(trigger.lemma_.lower(), ())
    return bool(kinds & {s.type for s in own})


def happening_noun(noun: Token) -> bool:
    """The noun names a happening: an event trigger noun or an ``EVENT_WORDS`` noun."""
    from flashpoint.extractors.events.lexicon import lexicon

    lemma = noun.lemma_.lower()
    return lemma in lexicon().nouns or lemma in EVENT_WORDS


# Nouns of happenings with their own date and place, besides the trigger lexicon's.
EVENT_WORDS = frozenset(
    {"referendum", "election", "vote", "poll", "revolution", "uprising", "summit",
     "conference", "meeting", "talks", "funeral", "visit", "ceremony", "revolt", "murder",
     "rebellion", "assassination", "violence", "bloodshed", "escalation", "unrest"}
)  # fmt: skip
# Prepositions that put the act inside the happening: "during the call", "at the summit".
CONTAINERS = frozenset({"during", "at", "in", "amid", "throughout"})
# Acts that speak of a happening without being in it ("condemned the bombing",
# "called for a boycott of the vote"); a meeting that is hosted or held is the act
# itself, and an attack "in an attack on Tuesday" is that attack.
SPEAKING_OF = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})


def on_verb(tok: Token, verb: Token) -> bool:
    """``tok`` hangs on ``verb`` through prepositions and verbs only ("stormed the town on
    Saturday"), not through a noun ("heard of the attacks in 2015": the attacks' year)."""
    node = tok
    for _ in range(len(tok.doc)):
        if node.i == verb.i:
            return True
        if node.i == node.head.i:
            return False
        node = node.head
        if node.i != verb.i and node.pos_ in ("NOUN", "PROPN") and node.ent_type_ not in (
            "DATE", "TIME"
        ):
            return False
    return False


# Verbs of commitment whose "to" clause is an act still to come ("agreed to hold a
# symposium later this year", "promised to hold elections in February").
COMMITMENT_VERBS = frozenset(
    {"agree", "promise", "pledge", "vow", "plan", "decide", "offer", "undertake", "commit"}
)


AHEAD_WORDS = ("later", "next", "the coming", "coming")


def planned_act(cand: EventCandidate) -> set[int]:
    """Tokens of the act a commitment is to ("agreed to hold a symposium later this
    year"): a time among them that looks ahead (``Setting.ahead``) is the planned act's,
    not the agreement's. The trigger's own words ("agreed to impose sanctions") are
    not excluded."""
    anchor = cand.anchor
    if anchor.lemma_.lower() not in COMMITMENT_VERBS:
        return set()
    out: set[int] = set()
    for child in anchor.children:
        if child.dep_ != "xcomp" or not any(c.lower_ == "to" for c in child.children):
            continue
        words = {t.i for t in child.subtree}
        if cand.trigger.i in words or cand.last.i in words:
            continue  # the trigger is the planned act itself
        out |= words
    return out


# Nouns of an attack whose "on X" is the town it hit: "killed in a naval assault on Latakia".
ATTACK_NOUNS = frozenset(
    {"attack", "assault", "raid", "offensive", "bombardment", "shelling", "strike", "onslaught",
     "crackdown", "siege", "push", "operation", "incursion"}
)  # fmt: skip


def attack_on_town(prep: Token, place: Any) -> bool:
    """``prep`` is the "on"/"against" of an attack noun that is itself in a locative
    phrase ("died in attacks on Rastan"), and its object is a town: where the deaths were."""
    noun = prep.head
    return (
        prep.lower_ in ("on", "against")
        and place.feature == "city"
        and noun.lemma_.lower() in ATTACK_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in fr.LOCATIVE
    )


# A withdrawal is placed where the force leaves ("withdrew from Rastan", "pulled out of
# Iraq"), a deployment where it is sent ("deployed tanks to Hama", "sent troops into
# Bahrain"), a recall where the envoys were: (type, mode or None for any) -> prepositions
# on the trigger.
MOVEMENT_PREPS: dict[tuple[str, str | None], frozenset[str]] = {
    ("RETREAT", "withdraw"): frozenset({"from", "out of"}),
    ("MOBILIZE", None): frozenset({"to", "into"}),
    ("SANCTION", "discontinue"): frozenset({"from"}),  # "recalled envoys from Damascus"
}


def movement_objects(cand: EventCandidate) -> list[Token]:
    """The objects of the prepositions of leaving or arriving ``MOVEMENT_PREPS`` gives
    for the act, on its trigger or anchor verb ("pulled its troops out of Iraq")."""
    preps = MOVEMENT_PREPS.get((cand.type, cand.mode)) or MOVEMENT_PREPS.get((cand.type, None))
    if not preps or cand.modality != "asserted":
        return []
    out: list[Token] = []
    for verb in {cand.trigger, cand.anchor}:
        for child in verb.children:
            link = child
            if child.lower_ == "out" and "out of" in preps:
                link = next((c for c in child.children if c.lower_ == "of"), child)
                word = "out of"
            else:
                word = child.lower_
            if child.dep_ == "prep" and word == "of":
                word = "out of" if verb.doc[child.i - 1].lower_ == "out" else "of"
            if word in preps:
                out += [o for o in link.children if o.dep_ == "pobj"]
    return out


PART_OF_DAY = re.compile(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI)$")


def by_part_of_day(before: Token | None, item: Any, trigger: Token) -> bool:
    """ "many police withdrew by Friday evening": "by" a part of a day, on an act told in
    the plain past, is done within that day (not "had withdrawn by Friday evening", a
    state reached, nor "by Friday", which may be days of it)."""
    if before is None or before.lower_ != "by" or not PART_OF_DAY.match(item.value or ""):
        return False
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    return trigger.tag_ == "VBD" and not aux


def shared_tail(verb: Token) -> Token | None:
    """ "invaded and bombed Iraq in March 2003", "arrested and beat dozens on Friday": a
    verb with nothing after it of its own, joined by "and" to the next verb, which has no
    subject of its own: the two share what follows, the time included. The second verb,
    or None."""
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "and":
        return None
    nxt = doc[verb.i + 2]
    if nxt.dep_ != "conj" or nxt.head.i != verb.i or nxt.pos_ != "VERB":
        return None
    if any(verb.i < c.i < nxt.right_edge.i and c.i not in (verb.i + 1, nxt.i)
           and c.dep_ != "punct" for c in verb.children):
        return None  # "arrested 12 men and freed them on Friday": its own object
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in nxt.children):
        return None
    return nxt


class Setting(CoderBase):
    """Reads an event's date, location and figures from the tokens in its scope."""

    def other_event(self, cand: EventCandidate) -> set[int]:
        """Tokens in another happening the act speaks of ("condemned Tuesday's bombing
        near Homs", "called for a boycott of Sunday's referendum"): its day and place
        are that happening's, not the statement's. Only for acts that speak of one."""
        if cand.nominal or cand.type not in SPEAKING_OF:
            return set()
        memo: dict[int, set[int]] = self.__dict__.setdefault("_other_event", {})
        if cand.trigger.i in memo:
            return memo[cand.trigger.i]
        out: set[int] = set()
        memo[cand.trigger.i] = out
        for tok in cand.trigger.subtree:
            if tok.i == cand.trigger.i or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in CONTAINERS:
                continue  # "offered safe passage during the call on November 21": its time
            if self.names_happening(tok):
                out.update(t.i for t in tok.subtree)
        return out

    def happenings_in_sentence(self, cand: EventCandidate, sent: Any) -> set[int]:
        """Tokens of the happenings a statement's sentence names outside the act
        ("has backed the uprising in Syria, urging the opposition ..."): their place is
        no place for the statement. A happening the act is done at or during ("at the
        rally in Cairo, leaders demanded") holds it and stays."""
        if cand.type not in SPEAKING_OF:
            return set()
        inside = {t.i for t in cand.trigger.subtree}
        out: set[int] = set()
        for tok in sent:
            if tok.i in inside or tok.pos_ != "NOUN" or not self.names_happening(tok):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in CONTAINERS:
                continue
            out.update(t.i for t in tok.subtree)
        return out

    def what_is_said(self, cand: EventCandidate) -> set[int]:
        """Tokens of the clause a statement says or asks for ("is being urged to help
        stranded families in Syria", "warned that the fighting in Idlib would spread"):
        the place of what is asked or said, not of the asking."""
        if cand.type not in SPEAKING_OF or cand.nominal:
            return set()
        return {
            t.i
            for c in cand.anchor.children
            if c.dep_ in ("xcomp", "ccomp")
            for t in c.subtree
        }

    def names_happening(self, noun: Token) -> bool:
        """The noun names a happening: an event trigger or an ``EVENT_WORDS`` noun."""
        lemma = noun.lemma_.lower()
        return lemma in self.lex.nouns or lemma in EVENT_WORDS

    def scope(self, cand: EventCandidate) -> list[Token]:
        """Tokens whose times, places and figures belong to the event."""
        toks = fr.clause(cand.anchor) if cand.direct else []
        toks += list(cand.trigger.subtree) if cand.nominal else []
        for child in cand.anchor.children:  # "..., killing at least 31 people"
            if child.lemma_.lower() in event_places.SPEECH_VERBS:
                continue  # "..., saying the Kurds are fighting inside Turkey": what was said
            if child.dep_ in ("advcl", "xcomp", "conj") and child.tag_ == "VBG":
                toks += list(child.subtree)
        return toks

    def date(self, cand: EventCandidate) -> tuple[str | None, str | None, str | None]:
        other = self.other_event(cand) | {i for i in planned_act(cand) if self.ahead(i)}
        found = self._date_in([t for t in self.scope(cand) if t.i not in other], cand.trigger)
        if found is None:
            top = cand.anchor
            mark = {c.lower_ for c in top.children if c.dep_ == "mark"}
            simultaneous = top.dep_ == "advcl" and bool(mark & SIMULTANEOUS)
            declared = (
                top.dep_ == "ccomp" and top.head.lemma_.lower() in self.lex.performative_verbs
            )
            # "... on Tuesday, killing 12 civilians": the participle shares its clause's time
            participial = top.dep_ in ("advcl", "xcomp") and top.tag_ == "VBG" and not mark
            if simultaneous or declared or participial:
                toks = fr.clause(fr.top_of_chain(top.head))
                found = self._date_in([t for t in toks if t.i not in other], cand.trigger)
            elif (
                top.dep_ == "conj"
                and top.i == cand.trigger.i  # not "..., and led Ban to accuse him"
                and top.head.pos_ == "VERB"
                and top.head.dep_ in ("ROOT", "ccomp", "conj")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)
            ):
                # "troops stormed the town on Saturday and killed 12": one subject, one time
                # (not under "when he heard of it in 2015 and blamed ...": a subordinate time)
                own = {t.i for t in top.subtree} | other
                toks = [t for t in fr.clause(top.head) if t.i not in own and on_verb(t, top.head)]
                found = self._date_in(toks, cand.trigger)
        tail = shared_tail(cand.anchor) if found is None and not cand.nominal else None
        if tail is not None:  # "invaded and bombed Iraq in March 2003": one time for both
            toks = [t for t in fr.clause(tail) if t.i not in other and on_verb(t, tail)]
            found = self._date_in(toks, cand.trigger)
        if found is None:
            return None, None, None
        if found.type == "duration":
            day = self.recent_day(found)
            return (day, "day", found.id) if day else (None, None, None)
        value, precision = self.day_range(found) or event_date(found.value) or (None, None)
        if value and self.weekend_to_come(found.value, cand):
            return None, None, None  # "attacks at the weekend", told on a Tuesday: not yet
        return value, precision, found.id if value else None

    def weekend_to_come(self, value: str, cand: EventCandidate) -> bool:
        """A weekend after the report's day for an act told as done: the resolver took
        "the weekend" of a present-tense sentence for the next one."""
        week = WEEK_VALUE.match(value)
        published = self.ctx.published
        if not week or not week.group(3) or published is None or cand.modality != "asserted":
            return False
        import datetime as dt

        saturday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 6)
        return saturday > published

    def ahead(self, i: int) -> bool:
        """The time at token ``i`` looks ahead of the report: "later this year", "next
        month", or a value after the publication day ("agreed to set up last month" is
        the agreement's time; "agreed to hold talks next week" is the talks')."""
        item = self.times.get(i)
        if item is None or not item.value:
            return False
        if item.text.lower().startswith(AHEAD_WORDS):
            return True
        published = self.ctx.published
        found = event_date(item.value)
        return published is not None and found is not None and found[0] > published.isoformat()

    def day_range(self, item: Any) -> tuple[str, str] | None:
        """ "on 3-6 June", "between 3 and 6 June", "from 3 to 6 June": a span of days the
        time layer read as its last day. Within one ISO week it is that week (its
        Monday, precision "week"); otherwise its month (precision "month")."""
        day = DAY_VALUE.match(item.value or "")
        span = self.doc.char_span(item.start, item.end, alignment_mode="expand")
        if day is None or span is None or span.start < 2:
            return None
        import datetime as dt

        last = dt.date.fromisoformat(item.value)
        first = range_start(span, last.day)
        if first is None:
            return None
        start = last.replace(day=first)
        if start.isocalendar()[:2] == last.isocalendar()[:2]:
            return (start - dt.timedelta(days=start.weekday())).isoformat(), "week"
        return item.value[:7], "month"

    def recent_day(self, item: Any) -> str | None:
        """ "killed in the past two days", "in the last 24 hours": a count of the days
        up to the report, dated the day before it (the last full day of the count);
        only for spans of up to ``RECENT_DAYS`` days."""
        published = self.ctx.published
        match = RECENT.match(item.value or "")
        if published is None or match is None or not RECENT_WORDS.match(item.text):
            return None
        days, hours = match.group(1), match.group(2)
        span = int(days) if days else int(hours) / 24
        if not 0 < span <= RECENT_DAYS:
            return None
        import datetime as dt

        return (published - dt.timedelta(days=1)).isoformat()

    def _date_in(self, toks: list[Token], trigger: Token) -> Any:
        best = None
        for tok in toks:
            item = self.times.get(tok.i)
            if item is None or not item.value:
                continue
            if item.type == "duration":
                if self.recent_day(item) is None:
                    continue
            elif item.type not in ("date", "time") or event_date(item.value) is None:
                continue
            before = self.doc[tok.i - 1] if tok.i > 0 else None
            first = item.text.split(" ", 1)[0].lower()
            bound = first in NOT_EVENT_DATE or (
                before is not None and before.lower_ in NOT_EVENT_DATE
            )
            if bound and by_part_of_day(before, item, trigger):
                bound = False  # "police withdrew by Friday evening": done that day
            if (bound and not prayer_day(tok)) or awaited(tok):
                continue  # "after Monday's talks", "ahead of Tuesday's vote": a bound
            if year_in_name(tok) or across_lines(tok, trigger):
                continue
            clause = fr.bound_verb(tok)
            if clause is not None and not (clause.i == trigger.i or clause.is_ancestor(trigger)):
                continue  # "freed prisoners after forces fired on Friday": the firing's day
            if best is None or abs(tok.i - trigger.i) < abs(best[0] - trigger.i):
                best = (tok.i, item)
        return best[1] if best else None

    def location(
        self, scope: list[Token], cand: EventCandidate, hosts: tuple[int, ...] = ()
    ) -> str | None:
        """The clause's place; ``hosts`` are other verbs whose "in the city of X" counts
        (the verb of the happening the act was done in, ``Coder.scene_clause``)."""
        best: tuple[int, str] | None = None
        found: list[tuple[int, Any, str]] = []
        participants = {t.i for t in cand.sources + cand.targets} | self.other_event(cand)
        for tok in scope:
            place = self.places.get(tok.i)
            if place is None or tok.i in participants or event_places.topic_of(tok):
                continue  # "a partner in the Middle East peace process": a topic
            if event_places.distance_reference(tok, cand.trigger):
                continue  # "deployed to an area 40 miles from the protests in Cairo"
            prep = tok.head if tok.dep_ == "pobj" else None
            if (tok.dep_ == "compound" and tok.head.dep_ == "pobj") or event_places.owns_site(tok):
                prep = tok.head.head  # "in Cairo's Tahrir Square"
            if event_places.meeting_site(tok) or (prep is not None and event_places.part_of(prep)):
                dist = abs(tok.i - cand.trigger.i)  # "shelled southern parts of Latakia"
                found.append((dist, place, "in"))
                if best is None or dist < best[0]:
                    best = (dist, place.id)
                continue
            if (
                prep is not None
                and prep.lower_ == "of"
                and prep.head.dep_ == "pobj"
                and prep.head.lemma_.lower() in SETTLEMENT_NOUNS
                and prep.head.head.head.i
                in (cand.anchor.i, cand.trigger.i, cand.trigger.head.i, *hosts)
            ):
                prep = prep.head.head  # "came under attack in the central city of Homs"
            if prep is not None and attack_on_town(prep, place):
                prep = prep.head.head  # "killed in attacks on Rastan": the town attacked
            if prep is None or not (prep.lower_ in fr.LOCATIVE or marched_through(prep, cand)):
                continue
            if place.country != getattr(self, "home", None) and other_scene(prep, cand.trigger):
                continue  # "began after uprisings in Tunisia": the uprisings' place abroad
            if event_places.several_countries(tok, self.places):
                continue  # "protests in Algeria and Yemen": told for both, placed in neither
            if event_places.outside_country(tok, place) or deed_scene(prep, cand.trigger):
                continue  # "protests outside Italy", "sentenced for the murder in Basra"
            if topic_scene(prep, cand.trigger):
                continue  # "requested briefings on the crisis in Egypt": the topic's place
            act = cand.trigger if cand.nominal else cand.anchor
            if event_places.describes_place(tok, self.places, act):
                continue  # "stormed Rastan, a town near Homs": where Rastan lies
            if event_places.in_support(prep):
                continue  # "marched in support of compatriots in Jisr": where they are not
            if event_places.said_elsewhere(tok, cand.trigger):
                continue  # "speaking in Ankara, he condemned the crackdown": the speaker's
            dist = abs(tok.i - cand.trigger.i)
            found.append((dist, place, prep.lower_))
            if best is None or dist < best[0]:
                best = (dist, place.id)
        if best is None:
            return None
        return finer_in_country(found) or best[1]

    def moved_place(self, cand: EventCandidate) -> Any:
        """The one place a withdrawal leaves or a deployment goes to (``movement_objects``),
        named or as "the town of X"; None when none or several."""
        found = {}
        objects = movement_objects(cand)
        objects += [c for o in objects for c in o.conjuncts]  # "into Deraa and two suburbs"
        for obj in objects:
            for tok in [obj, *fr.objects(obj, "of")]:
                place = self.places.get(tok.i)
                if place is not None:
                    found[place.id] = place
        return next(iter(found.values())) if len(found) == 1 else None

    def figures(self, scope: list[Token]) -> list[Figure]:
        out: list[Figure] = []
        seen: set[str] = set()
        for tok in scope:
            quantity = self.quantities.get(tok.i)
            if quantity is None or quantity.id in seen:
                continue
            seen.add(quantity.id)
            kind = self.figure_kind(quantity)
            if kind is not None:
                out.append(
                    Figure(
                        kind=kind,
                        value=quantity.value,
                        qualifier=quantity.qualifier,
                        quantity=quantity.id,
                    )
                )
        return out

    def implied_death(self, cand: EventCandidate) -> list[Figure]:
        """ "Police killed a man", "shot dead": the verb itself reports at least one death."""
        trig = cand.trigger
        killing = self.lex.figure_verbs.get(trig.lemma_.lower()) == "dead" and trig.lemma_ != "die"
        shot_dead = any(c.lower_ == "dead" for c in trig.children)
        if cand.modality != "asserted" or not (killing or shot_dead) or cand.nominal:
            return []
        # "a man was killed" is one dead; a generic "kill" with no count is no figure;
        # "Colvin and a French photographer were killed" is two, one for each named
        victims = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
        if not victims:
            return []
        named = fr.named_victims(victims[0])
        if named > 1:
            return [Figure(kind="dead", value=named, qualifier="exact")]
        each = fr.conjuncts(victims[0])
        single = [fr.single_victim(v) for v in each]
        # in a list with one victim named or counted, a singular noun is one more
        # ("a policeman and his son", "Colvin and French photographer Remi Ochlik")
        if not all(
            one or (any(single) and v.tag_ == "NN") for one, v in zip(single, each, strict=True)
        ):
            return []
        return [Figure(kind="dead", value=len(each), qualifier="exact")]

    def figure_kind(self, quantity: Any) -> str | None:
        span = self.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        # What happened to them first: "killing 12 soldiers" counts dead, not troops.
        if any(c.lower_ == "dead" for c in root.children):
            return "dead"
        verb = root.head
        if root.dep_ in ("nsubjpass", "nsubj") and fr.reported_dead(verb):
            return "dead"  # "four people were found shot dead", "nine people were dead"
        if root.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
            if root.dep_ == "pobj":
                verb = root.head.head
            kind = self.lex.figure_verbs.get(verb.lemma_.lower())
            if kind is not None:
                return kind
        nouns = self.lex.figure_nouns
        for word in (quantity.unit or "", root.lemma_.lower(), root.lower_):
            if word.lower() in nouns:
                return nouns[word.lower()]
        return None

    def instrument(self, scope: list[Token]) -> str | None:
        words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
        for mode, weapons in self.lex.instruments:
            if weapons & words:
                return mode
        return None
