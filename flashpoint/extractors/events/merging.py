"""Within-document merging: a mention that adds to an event already coded."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extractors.events import frames as fr
from flashpoint.extractors.events import places as event_places
from flashpoint.extractors.events.base import EventCandidate, marks
from flashpoint.extractors.events.confidence import START_VERBS
from flashpoint.extractors.events.lexicon import CONFLICT_MATERIAL
from flashpoint.extractors.events.setting import SIMULTANEOUS, Setting
from flashpoint.models import Event, EventParticipant, Figure, Span

DEFINITE = frozenset({"the", "that", "this", "these", "those"})


def campaign_start(noun: Token) -> bool:
    """ "since the shelling of the city began on Friday": the noun is told by when a
    campaign began; that day is the campaign's start, not the day of the act it names
    again (which goes on: "the army resumed mortar attacks after daybreak")."""
    head = noun.head
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and head.lemma_.lower() in START_VERBS
        and "since" in marks(head)
    )


def definite(noun: Token) -> bool:
    """ "the blast", "this attack", "Saturday's attack": a noun phrase that refers back."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


PARTITIVE_HEADS = frozenset({"one", "some", "many", "few", "several", "most"})


def comparison(noun: Token) -> bool:
    """ "one of the biggest protests in the US", "some of the worst attacks in Baghdad":
    a noun for a set of happenings the event is ranked among, so the set's place is not
    the event's ("It was the smallest demonstration in Amman" does name its place)."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lower_ in PARTITIVE_HEADS
    )


class Merging(Setting):
    """Folds a new mention into an earlier event of the same document."""

    def merge(
        self,
        cand: EventCandidate,
        sources: list[EventParticipant],
        targets: list[EventParticipant],
        figures: list[Figure],
    ) -> bool:
        """Fold a mention into an event already coded; True if it was one."""
        earlier = None
        trig = cand.trigger
        # "carried out raids ..., killing 31": the participle adds to the strikes.
        simultaneous = trig.dep_ == "advcl" and bool(marks(trig) & SIMULTANEOUS)
        # "staged a hunger strike to protest ...", "blocked roads demanding ...": the
        # purpose of a protest is its aim, not a second event.
        for_purpose = trig.dep_ == "advcl" and fr.infinitive(trig)
        adjunct = trig.dep_ in ("advcl", "conj", "xcomp") and trig.tag_ == "VBG"
        # "two blasts that killed 28 and wounded 200": the second verb of a relative
        # clause on an attack adds to the same attack
        shared = (
            trig.dep_ == "conj"
            and trig.head.dep_ == "relcl"
            and not any(c.dep_ in fr.SUBJECTS for c in trig.children)
        )
        if adjunct or simultaneous or for_purpose or shared:
            earlier = self.by_anchor.get(trig.head.i)
        if earlier is not None and not (
            earlier.type == cand.type
            or (earlier.type == "PROTEST" and cand.type == "REQUEST" and not simultaneous)
        ):
            earlier = None
        if earlier is not None and for_purpose and not self._compatible(earlier.source, sources):
            earlier = None
        # "wounded two soldiers in a bomb attack": the noun names the verb's own act
        if earlier is None and cand.nominal and trig.dep_ == "pobj":
            found = self.by_anchor.get(trig.head.head.i)
            if found is not None and found.type == cand.type and found.trigger.start != trig.idx:
                earlier = found
        # "The rally on Monday", "the short call": a definite mention of an earlier event.
        if earlier is None and cand.nominal and definite(trig):
            earlier = self.referent(cand, sources, generic=False)
            own = self.location(list(trig.subtree), cand)
            if earlier is not None and own and earlier.location and own != earlier.location:
                earlier = None  # "the attack in Paris" is not the attack in Herat
            if earlier is not None and earlier.date and self._dated_otherwise(cand, earlier.date):
                earlier = None  # "Saddam's 1988 attack" is not March's attack
        if earlier is None:
            return False
        self.add_mention(earlier, cand)
        self.by_anchor.setdefault(cand.anchor.i, earlier)  # a verb joined to it follows
        self.by_anchor.setdefault(trig.i, earlier)
        if earlier.date is None and not campaign_start(trig):
            date, precision, time_id = self.date(cand)
            earlier.date, earlier.date_precision, earlier.time = date, precision, time_id  # type: ignore[assignment]
        if earlier.location is None and not (cand.nominal and comparison(trig)):
            earlier.location = self.location(self.scope(cand), cand)
            if earlier.location is not None:  # "the attack in Haffa": its clause's place
                earlier.place_reason = "clause"
                place = next(
                    (p for p in self.ctx.results.get("places", []) if p.id == earlier.location),
                    None,
                )
                earlier.place_precision = event_places.precision_of(place)  # type: ignore[assignment]
        if earlier.site is None and earlier.type in CONFLICT_MATERIAL:  # "the explosion
            # targeted a bakery on Rue Victor Hugo": the site the first mention lacked
            found = event_places.site(self.scope(cand), cand.anchor, cand.trigger, self.places)
            if found is not None:
                earlier.site = self.ctx.of(found)
                earlier.place_precision = "site"
        known = {f.kind for f in earlier.figures}
        earlier.figures.extend(f for f in figures if f.kind not in known)
        placeholder = all(p.actor is None and p.sector is None for p in earlier.target)
        if targets and placeholder:  # a named victim beats the place stood in for one
            earlier.target = targets
        return True

    def _dated_otherwise(self, cand: EventCandidate, date: str) -> bool:
        """The noun's own phrase dates it ("the 1988 attack"), to another time than
        ``date``: neither date holds the other (1988 and 2018-03 differ; March 2018
        and 2018-03-04 agree)."""
        if not any(t.i in self.times for t in cand.trigger.subtree):
            return False
        own = self.date(cand)[0]
        if not own:
            return False
        return not (own.startswith(date) or date.startswith(own))

    def referent(
        self, cand: EventCandidate, sources: list[EventParticipant], *, generic: bool = True
    ) -> Event | None:
        """The latest earlier event a definite noun names: the same type, and the same
        word or mode; with ``generic``, a bare "the attack" (no mode, nothing of its
        own) names the latest assault of any mode."""
        trig = cand.trigger
        for e in reversed(self.events):
            if e.type != cand.type or not self._compatible(e.source, sources):
                continue
            same = e.trigger.text.lower().startswith(trig.lower_[:4]) or (
                cand.mode is not None and e.mode == cand.mode
            )
            loose = generic and e.type == "ASSAULT" and (cand.mode is None or e.mode is None)
            if same or loose:
                return e
        return None

    def mention(self, cand: EventCandidate, sources: list[EventParticipant]) -> bool:
        """ "There was panic after the explosion", "witnessed the blast": a definite
        noun that names an event already coded is one more mention of it, even where
        it would not be coded on its own. Not when it is negated or hypothetical
        ("fears of the attack being repeated")."""
        if not (cand.nominal and definite(cand.trigger)) or cand.modality != "asserted":
            return False
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in cand.trigger.children)
        if named or self.own_setting(cand):
            return False  # "the Bataclan attack", "the attack in Nice": maybe another one
        earlier = self.referent(cand, sources)
        if earlier is None:
            return False
        self.add_mention(earlier, cand)
        return True

    def own_setting(self, cand: EventCandidate) -> bool:
        """The attack noun carries its own time or place: a date or a toponym in its
        phrase ("Saturday's attack", "the April 15 bombing", "the Manchester bombing",
        "the attack in the London Bridge district")."""
        subtree = list(cand.trigger.subtree)
        if any(t.i in self.times for t in subtree) or self.location(subtree, cand):
            return True
        return any(
            c.dep_ in ("compound", "poss", "nmod") and any(t.i in self.places for t in c.subtree)
            for c in cand.trigger.children
        )

    def add_mention(self, event: Event, cand: EventCandidate) -> None:
        """Record a noun that names ``event`` again ("the blast"); a participle that
        only continues its clause ("..., killing four") or a hypothetical one is not."""
        if not cand.nominal or cand.modality != "asserted":
            return
        start = cand.trigger.idx
        end = cand.last.idx + len(cand.last) if cand.last.i >= cand.trigger.i else start
        end = max(end, start + len(cand.trigger))
        if start == event.trigger.start or any(m.start == start for m in event.mentions):
            return
        event.mentions.append(Span(start=start, end=end, text=self.ctx.text[start:end]))

    @staticmethod
    def _compatible(old: list[EventParticipant], new: list[EventParticipant]) -> bool:
        if not new or not old:
            return True
        names = {p.name.lower() for p in old} | {p.country for p in old if p.country}
        return any(p.name.lower() in names or (p.country and p.country in names) for p in new)
