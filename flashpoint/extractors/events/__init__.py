"""Political events coded in PLOVER v2: who did what to whom, where and when.

Finds events evoked by a trigger verb ("accused", "deployed", "arrested") or an
event noun ("a rally attended by thousands", "strikes on boats", "police
firing") listed in data/event_triggers.yaml, and reads off the dependency parse:

* source and target (subject / "by" agent / object / the preposition the frame
  names), with coordination, relative pronouns, quantifier heads ("thousands of
  protesters") and light verbs ("carried out strikes");
* control verbs: "threatened to strike" is THREATEN, "refused to withdraw" is
  REJECT, "urged X to ..." is REQUEST with X as target, "agreed to meet" AGREE;
* modality (negated, future, hypothetical), and the claim or quote the event is
  reported in (``attribution``), so an allegation is not coded as fact;
* date from a time expression in the trigger's own clause (an "as"/"while"
  clause shares its main clause's time; a declaration dates what it declares);
  a later definite mention ("the rally on Monday") dates an earlier event. With
  no such evidence the date stays null: the publication date is not a guess we make;
* location: a place named in the same clause after a locative preposition;
* figures: dead, injured, arrested, troops... from the clause's quantities.

Not found: events with no participant at all, events spread over sentences
(beyond the definite-mention rule), reciprocal events coded twice, and verbs of
saying, which yield claims, not events, unless the verb is itself a PLOVER act
("accused", "threatened", "rejected", "demanded").

Layout: ``candidates`` (a trigger and its lexicon sense), ``participants`` (who the
parties are, who did it), ``targets`` (whom it was done to), ``setting`` (date, place,
figures), ``merging`` (a mention of an event already coded) and ``coder`` (the loop
that emits events), each a layer of one coder class over ``base`` (the indexes and
``EventCandidate``). Beside them: ``frames`` (dependency-parse helpers), ``lexicon``
(trigger and PLOVER data files), ``places`` (an event's place) and ``confidence``.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extractors.context import Context
from flashpoint.extractors.events.base import EventCandidate, vlemma
from flashpoint.extractors.events.coder import Coder
from flashpoint.registry import extractor

__all__ = ["Coder", "EventCandidate", "extract_events", "vlemma"]


@extractor(
    "events",
    produces="events",
    requires=(
        "actors",
        "actor_index",
        "places",
        "times",
        "quantities",
        "quotes",
        "quote_marks",
        "claims",
    ),
)
def extract_events(ctx: Context) -> list[Any]:
    return Coder(ctx).run()
