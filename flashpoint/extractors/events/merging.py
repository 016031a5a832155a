"""Within-document merging: a mention that adds to an event already coded."""

from __future__ import annotations

from flashpoint.extractors.events.base import EventCandidate, marks, purpose
from flashpoint.extractors.events.setting import SIMULTANEOUS, Setting
from flashpoint.models import EventParticipant, Figure


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
        for_purpose = trig.dep_ == "advcl" and purpose(trig)
        adjunct = trig.dep_ in ("advcl", "conj", "xcomp") and trig.tag_ == "VBG"
        if adjunct or simultaneous or for_purpose:
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
        if (
            earlier is None
            and cand.nominal
            and any(c.lower_ in ("the", "that", "this") for c in trig.children if c.dep_ == "det")
        ):
            earlier = next(
                (
                    e
                    for e in reversed(self.events)
                    if e.type == cand.type
                    and (e.trigger.text.lower().startswith(trig.lower_[:4]) or e.mode == cand.mode)
                    and self._compatible(e.source, sources)
                ),
                None,
            )
        if earlier is None:
            return False
        if earlier.date is None:
            date, precision, time_id = self.date(cand)
            earlier.date, earlier.date_precision, earlier.time = date, precision, time_id  # type: ignore[assignment]
        if earlier.location is None:
            earlier.location = self.location(self.scope(cand), cand)
        known = {f.kind for f in earlier.figures}
        earlier.figures.extend(f for f in figures if f.kind not in known)
        placeholder = all(p.actor is None and p.sector is None for p in earlier.target)
        if targets and placeholder:  # a named victim beats the place stood in for one
            earlier.target = targets
        return True

    @staticmethod
    def _compatible(old: list[EventParticipant], new: list[EventParticipant]) -> bool:
        if not new or not old:
            return True
        names = {p.name.lower() for p in old} | {p.country for p in old if p.country}
        return any(p.name.lower() in names or (p.country and p.country in names) for p in new)
