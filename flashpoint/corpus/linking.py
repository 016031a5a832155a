"""Document linking: which reports tell of the same happening (each article's main incident).

An article is about one thing: its headline and lead say what happened, where,
to whom, when and with what toll. :func:`profile` reads that from a
:class:`~flashpoint.models.Report` (headline + lead words, places resolved to
town and admin area, named people, stated event days, casualty counts, the
publication day and the main event's modality); :class:`Linker` then streams
profiles in publication order and puts each into the story cluster it fits, or
starts a new one. A cluster is the *main incident* of its articles.

Linking, in three steps (parameters in ``data/linking.yaml``):

1. **blocking**: a profile looks only at clusters that share a key with it
   (a lead town, a named person, one of its rarest lead words that an earlier
   article also has) and were reported within ``window_days``; each key
   remembers only its most recent clusters, so the cost per article is
   bounded and the whole run is near-linear;
2. **pairwise score**: a logistic model over pair features (TF-IDF cosine of
   the leads and of the bodies, the same town / different towns / different
   admin areas, shared people, shared rare capitalized words, agreeing or
   clashing tolls, day gap), fitted on the GVC train split;
3. **clustering with a stop rule**: the new article joins the best cluster
   when the *average* probability over that cluster's members (up to
   ``max_members`` most recent) reaches ``threshold``, and the cluster's
   report days then span at most ``max_span_days``. Average link cannot
   chain: a cluster only grows with articles that fit most of it.

Articles whose main event is not asserted (denied, hypothetical, planned) or
marked background (other than a recap of the last two weeks, which tells the same
story) never join an asserted story. The linker never re-clusters:
adding an article costs the same whatever the corpus size.

What it does not do: it reads no body beyond a bag of words, so two
different shootings in one town a day apart, with no victim named, can merge;
and follow-ups weeks later (trials, funerals) only join when they name the
same people or place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from flashpoint.datafiles import load_yaml
from flashpoint.lexicon import normalize
from flashpoint.models import Event, Report
from flashpoint.schemas import Linking

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
_CAP = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b")
LEAD_CHARS = 600
BODY_CHARS = 4000
LEAD_TERMS = 48  # terms kept in a lead vector
BODY_TERMS = 64  # terms kept in a body vector

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS.split())}
_NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "double": 2, "triple": 3, "quadruple": 4})
# A count: digits (thousands separated by commas: "2,000"), or a number word; never the
# tail of a longer word ("Somalia killed" holds no "a").
_NUM = (
    r"\b(\d{1,3}(?:,\d{3})+|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
# "<n> (people were found) killed|wounded|shot": a count, up to four words, a toll verb.
_TOLL = re.compile(
    _NUM + r"((?:\s+[\w\-]+){0,4}?)\s+"
    r"(killed|dead|slain|died|dies|murdered|wounded|injured|hurt|hospitalized|shot)\b"
    r"(\s+(?:dead|to death|and killed))?",
    re.IGNORECASE,
)
# "the shooting deaths of four women", "murdering four", "a quadruple homicide".
_TOLL_OF = re.compile(
    r"\b(?:deaths|murders|killings|killing|murdering|killed|slaying)\s+(?:of\s+)?"
    r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to)\s+)?" + _NUM + r"\s",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(
    r"\b(double|triple|quadruple)[\s\-](?:murder|homicide|killing|slaying|fatal)", re.IGNORECASE
)
_HOSPITAL = re.compile(
    _NUM + r"\s+(?:people|persons|men|women)?\s*to\s+(?:the\s+|area\s+)?hospital", re.IGNORECASE
)
_DEATH_WORD = re.compile(
    r"\b(killed|dies|died|dead|slain|murdered|fatally|shooting death|homicide)\b", re.IGNORECASE
)
_DEAD_WORDS = frozenset({"killed", "dead", "slain", "died", "dies", "murdered"})
# Between the number and the verb: "four people were found shot", not "two were arrested and".
_TOLL_GAP = frozenset(
    {
        "people",
        "persons",
        "men",
        "women",
        "children",
        "kids",
        "teens",
        "teenagers",
        "others",
        "more",
        "were",
        "are",
        "was",
        "is",
        "found",
        "been",
        "had",
        "have",
        "has",
        "fatally",
        "officers",
        "soldiers",
        "civilians",
        "protesters",
        "victims",
        "students",
        "boys",
        "girls",
        "adults",
        "later",
        "critically",
        "seriously",
        "reportedly",
        "being",
        "other",
        "person",
        "man",
        "woman",
        "boy",
        "girl",
        "teen",
        "teenager",
        "child",
        "toddler",
        "officer",
        "student",
        "victim",
        "young",
        "old",
        "family",
        "members",
        "of",
        "and",
        "all",
        "also",
        "police",
        "inside",
        "who",
        "got",
    }
)
_AGE = re.compile(r"^\d+-year-old$")
# A count the toll patterns do not read ("dozens", "tens of thousands", "an equal number",
# "41 fighters and civilians"): a death word after one is no lone death, so the one-dead
# default is off.
_VAGUE_COUNT = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|many|several|numerous|countless|number|"
    r"\d[\d,]*\s+(?:people|persons|civilians|fighters|soldiers|troops|militants|men|women|"
    r"children|protesters|others))\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)


# The linker's parameters are the validated data/linking.yaml (schemas.Linking).
LinkParams = Linking


@cache
def params() -> LinkParams:
    return Linking.model_validate(load_yaml("linking.yaml"))


@cache
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {
        "said",
        "says",
        "told",
        "according",
        "police",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "updated",
        "am",
        "pm",
        "reported",
    }
    return frozenset(STOP_WORDS) | extra


def words(text: str) -> list[str]:
    stop = _stop()
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in stop]


@dataclass(slots=True)
class Profile:
    """What an article says happened, read from its headline, lead and extracted fields."""

    doc: str
    day: int | None  # publication day (proleptic ordinal)
    event_days: frozenset[int]  # day-level dates of the lead's events
    outlet: str | None
    lead: Counter[str]  # term counts of headline + lead
    body: Counter[str]  # term counts of the body (first BODY_CHARS)
    towns: frozenset[str]  # lead places at town / landmark level
    admins: frozenset[str]  # admin areas of the lead places (states, provinces)
    countries: frozenset[str]
    people: frozenset[str]  # normalized names of people (full names and surnames)
    caps: frozenset[str]  # capitalized words of headline + lead (lower-cased)
    dead: int | None
    injured: int | None
    modality: str  # the main event's; "asserted" when it has none
    main_event: str | None = None  # Event.id of the article's main event
    lead_end: int = 0  # where the lead ends in the text
    admin_names: tuple[str, ...] = ()  # the lead's admin areas, as written
    names: tuple[str, ...] = ()  # the people it names, as written, in order of appearance
    vectors: dict[str, dict[str, float]] = field(default_factory=dict)


def _lead_text(report: Report) -> tuple[str, int]:
    """Headline + the first LEAD_CHARS of the text, and where the lead ends in the text."""
    text = report.document.text
    end = min(len(text), LEAD_CHARS)
    cut = text.rfind(". ", 0, end + 200)
    end = cut + 1 if cut > LEAD_CHARS // 2 else end
    return f"{report.document.title or ''}\n{text[:end]}", end


def _count(token: str) -> int | None:
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    return _NUMBER_WORDS.get(token.lower())


# --- one toll reader: what counts as a stated toll, for the linker and the brief ---
_SHARE = re.compile(r"\s*(?:%|per ?cent)", re.IGNORECASE)
_A_SHARE = re.compile(r"\d\s*(?:%|per ?cent)", re.IGNORECASE)
_SPELLED = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)\b",
    re.IGNORECASE,
)
_VAGUE_PLURAL = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions)\b", re.IGNORECASE)


def _digits(value: float) -> list[str]:
    n = int(value)
    return [f"{n:,}", str(n)] if n == value else [f"{value:g}"]


def stated_count(value: float, sentence: str | None) -> bool:
    """The count ``value`` is a toll its sentence states: not a share ("20%, some 180
    people, were killed" is not 20 dead), not a vague plural read as a number ("dozens
    of people were killed" is not 12), and not a total over a span ("since 2011", "in
    less than a fortnight", "this year": :func:`~flashpoint.corpus.incidents.running_total`)."""
    from flashpoint.corpus.incidents import running_total

    sentence = sentence or ""
    if running_total(sentence):
        return False
    found = [
        m
        for d in _digits(value)
        for m in re.finditer(rf"(?<![\d.,]){re.escape(d)}(?![\d])", sentence)
    ]
    if found:
        return any(not _SHARE.match(sentence[m.end() :]) for m in found)
    return not (_VAGUE_PLURAL.search(sentence) and not _SPELLED.search(sentence))


def towns_named(report: Report, start: int, end: int) -> set[str]:
    """The towns (places of feature "city") the report names between two offsets."""
    return {
        p.name
        for p in report.places
        if p.feature == "city" and any(start <= m.start < end for m in p.mentions)
    }


def toll_matches(text: str) -> list[tuple[str, int, int]]:
    """Dead and injured counts the headline and lead state (None: not stated).

    "four people were found shot dead", "one person was killed and five others
    injured", "the shooting deaths of four women", "a quadruple homicide",
    "sends 4 people to the hospital". "<n> shot" counts victims: those not
    stated dead are injured. A story that says someone died but gives no
    count ("a teen dies after ...") has one dead. The largest count of each
    kind wins (a lead gives the total before any breakdown). A count past 500
    ("at least 2,000 people killed": a war's total) is not read, and the
    one-dead default does not apply after a count the patterns do not read
    ("dozens of people have died", "41 fighters and civilians were killed").
    """
    dead: list[tuple[int, int]] = []
    injured: list[tuple[int, int]] = []
    shot: list[tuple[int, int]] = []
    too_large = False
    for m in _TOLL.finditer(text):
        between = m.group(2).split()
        if any(w.lower() not in _TOLL_GAP and not _AGE.match(w) for w in between):
            continue
        if _SHARE.match(text, m.end(1)):
            too_large = True  # "20% were killed": a share, no count, and not one dead
            continue
        n = _count(m.group(1))
        if n is not None and n > 500:
            too_large = True  # a count past a shooting's ("2,000 killed"): no toll read
        if n is None or n > 500 or n == 0:
            continue
        verb = m.group(3).lower()
        if verb in _DEAD_WORDS or m.group(4):
            dead.append((n, m.start()))
        elif verb == "shot":
            if m.group(1).lower() not in ("a", "an"):
                shot.append((n, m.start()))
        else:
            injured.append((n, m.start()))
    for m in _TOLL_OF.finditer(text):
        n = _count(m.group(1))
        if n and n > 500:
            too_large = True
        elif n:
            dead.append((n, m.start()))
    for m in _MULTIPLE.finditer(text):
        dead.append(({"double": 2, "triple": 3, "quadruple": 4}[m.group(1).lower()], m.start()))
    for m in _HOSPITAL.finditer(text):
        n = _count(m.group(1))
        if n:
            injured.append((n, m.start()))
    d = max(dead) if dead else None
    if d is None and not too_large:
        word = _DEATH_WORD.search(text)
        if (
            word
            and not _VAGUE_COUNT.search(text, 0, word.start())
            and not _A_SHARE.search(text, 0, word.start())
        ):
            d = (1, word.start())
    i = max(injured) if injured else None
    if i is None and shot:
        top = max(shot)
        rest = top[0] - (d[0] if d else 0)
        i = (rest, top[1]) if rest > 0 else None
    found = [("dead", *d)] if d else []
    return found + ([("injured", *i)] if i else [])


def tolls(text: str) -> tuple[int | None, int | None]:
    """The dead and injured counts of :func:`toll_matches` (None: not stated)."""
    got = {kind: n for kind, n, _ in toll_matches(text)}
    return got.get("dead"), got.get("injured")


# A recap of a happening of the last two weeks ("the man shot last week died on
# Sunday") tells the same story as the reports of that happening: it may join them. An
# older recap (the 1988 bombing in a 2011 story) stays background and joins nothing.
RECENT_RECAP_DAYS = 14


def _modality(event: Event, published: str | None = None) -> str:
    if event.background and not _recent(event, published):
        return "background"
    return event.modality


def _recent(event: Event, published: str | None) -> bool:
    """The event is dated to a day or a week at most ``RECENT_RECAP_DAYS`` before the
    report (a "last week" recap is the Monday of that week)."""
    own, pub = _day(event.date), _day(published)
    if own is None or pub is None or event.date_precision not in (None, "day", "week"):
        return False
    return 0 <= pub - own <= RECENT_RECAP_DAYS


def main_event(report: Report, lead_end: int) -> Event | None:
    """The article's main event: the lead's most intense asserted event, earliest first.

    Non-asserted, low-confidence and background events rank last, then events
    dated more than a week before publication (a look back, not the news peg).
    """
    # The lead's events; failing those, the article's first asserted ones (a feature lead).
    published = report.document.published
    lead = [e for e in report.events if e.sentence.start < lead_end]
    if not lead:
        lead = [e for e in report.events if _modality(e, published) == "asserted"][:3]
    if not lead:
        return None

    pub = _day(report.document.published)

    def rank(e: Event) -> tuple[int, int, float, int]:
        weak = e.confidence is not None and e.confidence < 0.5
        own = _day(e.date) if e.date_precision in (None, "day") else None
        past = int(own is not None and pub is not None and pub - own > 7)  # a look back
        return (
            int(_modality(e, published) != "asserted" or weak),
            past,
            -abs(e.intensity),
            e.sentence.start,
        )

    return min(lead, key=rank)


def _place_keys(report: Report, lead_end: int) -> tuple[set[str], set[str], set[str]]:
    towns: set[str] = set()
    admins: set[str] = set()
    countries: set[str] = set()
    title = normalize(report.document.title or "")
    for place in report.places:
        in_lead = any(m.start < lead_end for m in place.mentions)
        in_title = bool(title) and normalize(place.name) in title
        if not (in_lead or in_title):
            continue
        key = place.gazetteer_id or normalize(place.name)
        if place.feature in ("city", "landmark"):
            towns.add(key)
        elif place.feature == "admin":
            admins.add(key)
        if place.country:
            countries.add(place.country)
    return towns, admins, countries


def _people(report: Report) -> tuple[set[str], list[str]]:
    """Normalized full names and surnames of the people named, and the full names as written."""
    found: set[str] = set()
    shown: list[str] = []
    people = [a for a in report.actors if a.kind == "person"]
    people.sort(key=lambda a: min((m.start for m in a.mentions), default=10**9))
    for actor in people:
        parts = [w for w in normalize(actor.name).split() if len(w) > 2]
        if len(parts) >= 2:
            found.add(" ".join(parts))
            found.add(parts[-1])
            if actor.name not in shown:
                shown.append(actor.name)
    return found, shown


def profile(report: Report, outlet: str | None = None) -> Profile:
    """The linking profile of one article."""
    doc = report.document
    lead, lead_end = _lead_text(report)
    pub = _day(doc.published)
    main = main_event(report, lead_end)
    event_days = set()
    for e in report.events:
        if e.sentence.start < lead_end and e.date_precision in (None, "day"):
            d = _day(e.date)
            if d is not None and (pub is None or -60 <= pub - d <= 60):
                event_days.add(d)
    towns, admins, countries = _place_keys(report, lead_end)
    people, names = _people(report)
    admin_names = tuple(
        dict.fromkeys(
            p.name
            for p in report.places
            if (p.gazetteer_id or normalize(p.name)) in admins and p.feature == "admin"
        )
    )
    dead, injured = tolls(lead)
    caps = {w.lower() for w in _CAP.findall(lead) if w.lower() not in _stop() and len(w) > 2}
    return Profile(
        doc=doc.id,
        day=pub,
        event_days=frozenset(event_days),
        outlet=outlet or doc.source,
        lead=Counter(words(lead)),
        body=Counter(words(doc.text[:BODY_CHARS])),
        towns=frozenset(towns),
        admins=frozenset(admins),
        countries=frozenset(countries),
        people=frozenset(people),
        caps=frozenset(caps),
        dead=dead,
        injured=injured,
        modality=_modality(main, doc.published) if main else "asserted",
        main_event=main.id if main else None,
        lead_end=lead_end,
        admin_names=admin_names,
        names=tuple(names),
    )


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


# --- term statistics ---


class DocFreq:
    """Document frequencies of terms; grows as articles are added (streaming IDF)."""

    __slots__ = ("df", "n")

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def add(self, p: Profile) -> None:
        self.n += 1
        self.df.update(set(p.lead) | set(p.body) | {"cap:" + c for c in p.caps})

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0


def _vector(counts: Counter[str], freq: DocFreq, keep: int) -> dict[str, float]:
    """The TF-IDF vector, unit length, cut to its ``keep`` heaviest terms (bounded memory)."""
    vec = {t: (1 + math.log(c)) * freq.idf(t) for t, c in counts.items()}
    if len(vec) > keep:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def vectorize(p: Profile, freq: DocFreq) -> None:
    p.vectors["lead"] = _vector(p.lead, freq, LEAD_TERMS)
    p.vectors["body"] = _vector(p.body, freq, BODY_TERMS)


# --- pair features and score ---

FEATURES = (
    "cos_lead",
    "cos_body",
    "same_town",
    "other_town",
    "other_admin",
    "people",
    "caps",
    "same_dead",
    "other_dead",
    "gap",
    "undated",
    "other_day",
)


def _gap(a: Profile, b: Profile) -> int | None:
    xs = {a.day, *a.event_days} - {None}
    ys = {b.day, *b.event_days} - {None}
    if not xs or not ys:
        return None
    return min(abs(x - y) for x in xs for y in ys if x is not None and y is not None)


def features(a: Profile, b: Profile, freq: DocFreq) -> dict[str, float]:
    gap = _gap(a, b)
    shared_caps = a.caps & b.caps
    caps = sum(min(freq.idf("cap:" + c), 8.0) for c in shared_caps) / 8.0
    return {
        "cos_lead": _cos(a.vectors["lead"], b.vectors["lead"]),
        "cos_body": _cos(a.vectors["body"], b.vectors["body"]),
        "same_town": float(bool(a.towns & b.towns)),
        "other_town": float(bool(a.towns and b.towns and not a.towns & b.towns)),
        "other_admin": float(bool(a.admins and b.admins and not a.admins & b.admins)),
        "people": min(len(a.people & b.people), 3) / 3.0,
        "caps": min(caps, 3.0) / 3.0,
        "same_dead": float(a.dead is not None and a.dead == b.dead and a.dead > 0),
        "other_dead": float(a.dead is not None and b.dead is not None and a.dead != b.dead),
        "gap": math.log1p(gap) if gap is not None else 0.0,
        "undated": float(gap is None),
        "other_day": float(_days_apart(a.event_days, b.event_days) > 1),
    }


def _days_apart(xs: frozenset[int], ys: frozenset[int]) -> int:
    """How far apart the closest stated event days of two leads are (0 if either has none)."""
    if not xs or not ys:
        return 0
    return min(abs(x - y) for x in xs for y in ys)


def probability(x: dict[str, float], p: LinkParams) -> float:
    if x.get("other_day"):
        return 0.0  # both leads date what happened, a day or more apart: two happenings
    z = p.bias + sum(p.weights.get(k, 0.0) * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _modality_group(m: str) -> str:
    return "asserted" if m == "asserted" else "other"


# --- streaming clustering ---


@dataclass(slots=True)
class _Cluster:
    members: list[Profile]
    first: int | None
    last: int | None
    modality: str
    short: bool = False
    closed: bool = False  # out of reach: its vectors were released


class Linker:
    """Streams profiles into story clusters (main incidents) without re-clustering.

    ``add(profile)`` returns the cluster index the article joined. Give
    ``freq`` to score against fixed corpus statistics (a batch run computes
    them first); without it the IDF grows with the stream.
    """

    def __init__(self, freq: DocFreq | None = None, p: LinkParams | None = None) -> None:
        self.p = p or params()
        self.fixed = freq is not None
        self.freq = freq or DocFreq()
        self.clusters: list[_Cluster] = []
        self._postings: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=self.p.postings))
        self.compared = 0
        self._open: list[int] = []  # clusters whose members may still be compared
        self._added = 0

    def keys(self, prof: Profile) -> set[str]:
        """Lookup keys: lead towns, full names, and the rarest lead words seen before."""
        keys = {"t:" + t for t in prof.towns} | {"n:" + n for n in prof.people if " " in n}
        # A word no other article has can find nothing; in a stream, "other" is "earlier".
        shared = [t for t in prof.lead if self.freq.df.get(t, 0) >= 2]
        rare = sorted(shared, key=lambda t: (-self.freq.idf(t), t))[: self.p.rare_words]
        return keys | {"w:" + t for t in rare}

    def posting_keys(self, prof: Profile) -> set[str]:
        """Where an article is filed: its towns, names and every lead word (bounded lists)."""
        keys = {"t:" + t for t in prof.towns} | {"n:" + n for n in prof.people if " " in n}
        return keys | {"w:" + t for t in prof.lead}

    def candidates(self, prof: Profile) -> set[int]:
        found: set[int] = set()
        for key in self.keys(prof):
            for c in self._postings.get(key, ()):
                cl = self.clusters[c]
                w = self.p.window_days
                if (
                    prof.day is None
                    or cl.last is None
                    or cl.first is None
                    or cl.first - w <= prof.day <= cl.last + w
                ):
                    found.add(c)
        return found

    def score(self, prof: Profile, c: int) -> float:
        members = self.clusters[c].members[-self.p.max_members :]
        self.compared += len(members)
        probs = [probability(features(prof, m, self.freq), self.p) for m in members]
        return sum(probs) / len(probs)

    def add(self, prof: Profile) -> int:
        if not self.fixed:
            self.freq.add(prof)
        vectorize(prof, self.freq)
        group = _modality_group(prof.modality)
        best, best_score = -1, self.p.threshold
        # Too short to link on wording: a one-line item is left to event-level merging.
        short = sum(prof.lead.values()) < self.p.min_lead_terms
        for c in [] if short else sorted(self.candidates(prof)):
            cl = self.clusters[c]
            if cl.modality != group or cl.short or cl.closed:
                continue
            if prof.day is not None and cl.first is not None and cl.last is not None:
                span = max(cl.last, prof.day) - min(cl.first, prof.day)
                if span > self.p.max_span_days:
                    continue
            s = self.score(prof, c)
            if s >= best_score and (s > best_score or best < 0):
                best, best_score = c, s
        if best < 0:
            self.clusters.append(_Cluster([prof], prof.day, prof.day, group, short))
            best = len(self.clusters) - 1
            self._open.append(best)
        else:
            cl = self.clusters[best]
            cl.members.append(prof)
            if prof.day is not None:
                cl.first = prof.day if cl.first is None else min(cl.first, prof.day)
                cl.last = prof.day if cl.last is None else max(cl.last, prof.day)
        for key in self.posting_keys(prof):
            posting = self._postings[key]
            if best not in posting:
                posting.append(best)
        self._added += 1
        if prof.day is not None and self._added % 512 == 0:
            self._release(prof.day)
        return best

    def _release(self, today: int) -> None:
        """Free the vectors of clusters no later article can reach (input is in date order)."""
        horizon = today - self.p.window_days - 1
        still = []
        for c in self._open:
            cl = self.clusters[c]
            if cl.last is not None and cl.last < horizon:
                for m in cl.members:
                    m.vectors = {}
                    m.lead, m.body = Counter(), Counter()
                cl.closed = True
            else:
                still.append(c)
        self._open = still


def _order(p: Profile) -> tuple[int, str]:
    return (p.day if p.day is not None else dt.date.max.toordinal(), p.doc)


def link(profiles: Iterable[Profile], p: LinkParams | None = None) -> dict[str, int]:
    """Batch linking: corpus IDF first, then the stream in publication order; doc -> cluster."""
    items = sorted(profiles, key=_order)
    freq = DocFreq()
    for prof in items:
        freq.add(prof)
    linker = Linker(freq, p)
    return {prof.doc: linker.add(prof) for prof in items}


def story_figures(members: Iterable[Profile]) -> dict[str, int]:
    """A story's toll: per kind, the count most of its articles state (ties: the larger).

    Tolls rise as victims die and early reports undercount, but one article
    misread ("two were killed" of an earlier case) should not set the figure:
    the most frequent count is the robust choice; the full evolution is kept
    on the incident's figures.
    """
    out: dict[str, int] = {}
    for kind in ("dead", "injured"):
        counts = Counter(v for v in (getattr(m, kind) for m in members) if v is not None and v > 0)
        if counts:
            out[kind] = max(counts, key=lambda v: (counts[v], v))
    return out


def stories_differ(a: Iterable[Profile], b: Iterable[Profile]) -> bool:
    """The two groups of articles contradict: different towns, admin areas or death tolls.

    Death tolls contradict when they differ by two or more and one is at least
    twice the other; closer counts may be a revision.
    """
    xs, ys = list(a), list(b)
    towns_a = frozenset().union(*(p.towns for p in xs))
    towns_b = frozenset().union(*(p.towns for p in ys))
    if towns_a and towns_b and not towns_a & towns_b:
        return True
    admins_a = frozenset().union(*(p.admins for p in xs))
    admins_b = frozenset().union(*(p.admins for p in ys))
    if admins_a and admins_b and not admins_a & admins_b:
        return True
    dead_a, dead_b = story_figures(xs).get("dead"), story_figures(ys).get("dead")
    if dead_a is None or dead_b is None:
        return False
    # Tolls are revised (83, then 87); one killed and four killed are two shootings.
    low, high = sorted((dead_a, dead_b))
    return high - low >= 2 and high >= 2 * low
