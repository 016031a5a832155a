"""Incident merging (flashpoint.corpus.incidents) on reports coded by hand.

The reports are built here (``report``/``Ev``, also used by test_timeline.py):
invented actors (Kestria "KST", Varnia "VRN", Ossland "OSS") and sentences
written for these tests, so merging is tested independently of the extractors.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from flashpoint.corpus.incidents import (
    _blocks,
    _candidate_pairs,
    _item,
    label_code,
    merge_incidents,
    merge_reports,
    rules,
    sightings,
)
from flashpoint.models import (
    Actor,
    Claim,
    Document,
    Event,
    EventParticipant,
    Figure,
    Place,
    Report,
    Source,
    Span,
)

ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    # key: (name, country, sector)
    "kst-mil": ("Kestrian navy", "KST", "MIL"),
    "kst-gov": ("President Alder Voss", "KST", "GOV"),
    "vrn-gov": ("Varnian government", "VRN", "GOV"),
    "vrn-mil": ("Varnian army", "VRN", "MIL"),
    "vrn": ("Varnia", "VRN", None),
    "oss-gov": ("Ossland government", "OSS", "GOV"),
    "brig": ("Crimson Brigade", None, None),
    "envoy": ("Mara Quist", "VRN", None),
    "editor": ("Tomas Brenn", "VRN", None),
    "they": ("they", None, None),
    "fighters": ("the fighters", None, None),
}
COUNTRIES = {"vrn"}
PERSONS = {"kst-gov", "envoy", "editor"}

PLACES: dict[str, tuple[str, str, str | None]] = {
    # key: (name, feature, country)
    "port": ("Port Halden", "city", "VRN"),
    "mill": ("Millbrook", "city", "VRN"),
    "vrn": ("Varnia", "country", "VRN"),
    "oss": ("Ossburg", "city", "OSS"),
}

QUAD = {
    "ASSAULT": ("material_conflict", -9.0),
    "COERCE": ("material_conflict", -7.0),
    "PROTEST": ("verbal_conflict", -4.0),
    "CONSULT": ("verbal_cooperation", 3.0),
    "AID": ("material_cooperation", 6.0),
    "RETREAT": ("material_cooperation", 3.0),
    "REQUEST": ("verbal_cooperation", 2.0),
    "REJECT": ("verbal_conflict", -4.0),
    "SANCTION": ("material_conflict", -6.0),
}


@dataclass
class Ev:
    """One event to code into a report."""

    sentence: str
    type: str = "ASSAULT"
    source: tuple[str, ...] = ("kst-mil",)
    target: tuple[str, ...] = ("vrn",)
    date: str | None = None
    place: str | None = None
    figures: list[tuple[str, float, str]] = field(default_factory=list)
    modality: str = "asserted"
    said_by: str | None = None


def report(published: str | None, *events: Ev, title: str = "") -> Report:
    """A Report whose text is the events' sentences, each event pointing at its own."""
    text = " ".join(e.sentence for e in events)
    doc = Document(
        id=hashlib.sha256((title + text).encode()).hexdigest(),
        published=published,
        title=title or None,
        text=text,
    )
    keys = sorted({k for e in events for k in (*e.source, *e.target)})
    actors = [
        Actor(
            id=f"a-{k}",
            name=ACTORS[k][0],
            kind="country" if k in COUNTRIES else "person" if k in PERSONS else "group",
            country=ACTORS[k][1],
            sector=ACTORS[k][2],
        )
        for k in keys
    ]
    places = [
        Place(id=f"p-{k}", name=PLACES[k][0], feature=PLACES[k][1], country=PLACES[k][2])  # type: ignore[arg-type]
        for k in sorted({e.place for e in events if e.place})
    ]
    out: list[Event] = []
    claims: list[Claim] = []
    offset = 0
    for n, e in enumerate(events):
        start, end = offset, offset + len(e.sentence)
        offset = end + 1
        quad, intensity = QUAD[e.type]
        attribution = None
        if e.said_by:
            attribution = f"c{n}"
            claims.append(
                Claim(
                    id=attribution,
                    content=Span(start=start, end=end, text=e.sentence),
                    source=Source(name=e.said_by, kind="official"),
                )
            )
        out.append(
            Event(
                id=f"e{n}",
                type=e.type,  # type: ignore[arg-type]
                quad=quad,  # type: ignore[arg-type]
                intensity=intensity,
                source=[_part(k) for k in e.source],
                target=[_part(k) for k in e.target],
                date=e.date,
                date_precision="day" if e.date else None,
                location=f"p-{e.place}" if e.place else None,
                figures=[
                    Figure(kind=k, value=v, qualifier=q)  # type: ignore[arg-type]
                    for k, v, q in e.figures
                ],
                modality=e.modality,  # type: ignore[arg-type]
                attribution=attribution,
                trigger=Span(start=start, end=start + 1, text=e.sentence[0]),
                sentence=Span(start=start, end=end, text=e.sentence),
            )
        )
    return Report(document=doc, actors=actors, places=places, claims=claims, events=out)


def _part(key: str) -> EventParticipant:
    name, country, sector = ACTORS[key]
    return EventParticipant(actor=f"a-{key}", name=name, country=country, sector=sector)


# --- tests ---

STRIKE_1 = "Kestrian warships shelled the harbour of Port Halden overnight, killing at least 83."
STRIKE_2 = "The navy of Kestria pounded Port Halden in 22 strikes; officials counted 87 dead."


def test_same_strike_in_two_reports_is_one_incident_with_evolving_figures() -> None:
    early = report(
        "2031-05-02",
        Ev(
            STRIKE_1,
            date="2031-05-01",
            place="port",
            figures=[("dead", 83, "at_least"), ("strikes", 21, "at_least")],
            said_by="the Varnian health ministry",
        ),
    )
    late = report(
        "2031-05-04",
        Ev(
            STRIKE_2,
            date="2031-05-01",
            place="port",
            figures=[("dead", 87, "exact"), ("strikes", 22, "exact")],
        ),
    )
    incidents = merge_reports([late, early])
    assert len(incidents) == 1
    inc = incidents[0]
    assert {s.document for s in inc.sightings} == {early.document.id, late.document.id}
    assert inc.first_reported == "2031-05-02" and inc.last_reported == "2031-05-04"
    assert inc.date == "2031-05-01" and inc.location == "Port Halden" and inc.country == "VRN"
    dead = [(f.value, f.qualifier, f.document) for f in inc.figures if f.kind == "dead"]
    assert dead == [(83, "at_least", early.document.id), (87, "exact", late.document.id)]
    assert inc.figures[0].reported_by == "the Varnian health ministry"
    assert inc.conflicting == []  # "at least 83" then "87" is an update, not a conflict
    assert inc.summary == STRIKE_1  # the earliest report's sentence
    assert inc.source_actors == ["Kestrian navy (KST/MIL)"]
    assert label_code(inc.target_actors[0]) == "VRN"


def test_same_day_reports_that_disagree_are_flagged() -> None:
    a = report("2031-05-02", Ev(STRIKE_1, date="2031-05-01", figures=[("dead", 12, "exact")]))
    b = report("2031-05-02", Ev(STRIKE_2, date="2031-05-01", figures=[("dead", 40, "exact")]))
    c = report("2031-05-02", Ev(STRIKE_2 + " ", date="2031-05-01", figures=[("dead", 38, "about")]))
    (ab,) = merge_reports([a, b])
    assert ab.conflicting == ["dead"]
    (bc,) = merge_reports([b, c])
    assert bc.conflicting == []  # "about 38" allows 40


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        (Ev(STRIKE_2, date="2031-05-03"), True),  # two days later: within the window
        (Ev(STRIKE_2, date="2031-05-09"), False),  # a week later: another strike
        (Ev(STRIKE_2, type="PROTEST", date="2031-05-01"), False),  # another type
        (Ev(STRIKE_2, type="COERCE", date="2031-05-01"), True),  # compatible type
        (Ev(STRIKE_2, target=("oss-gov",), date="2031-05-01"), False),  # another target
        (Ev(STRIKE_2, source=("kst-gov",), date="2031-05-01"), False),  # same country, GOV!=MIL
        (Ev(STRIKE_2, target=("vrn-mil",), date="2031-05-01"), True),  # VRN covers VRN/MIL
        (Ev(STRIKE_2, date="2031-05-01", modality="negated"), False),  # a denial
        (Ev(STRIKE_2, date="2031-05-01", place="mill"), False),  # another town
        (Ev(STRIKE_2, date="2031-05-01", place="vrn"), True),  # the country holds the town
    ],
)
def test_merge_rules(second: Ev, merged: bool) -> None:
    first = report("2031-05-01", Ev(STRIKE_1, date="2031-05-01", place="port"))
    other = report("2031-05-02", second)
    assert (len(merge_reports([first, other])) == 1) is merged


def test_undated_event_is_anchored_on_its_publication_date() -> None:
    dated = report("2031-05-02", Ev(STRIKE_1, date="2031-05-01"))
    next_day = report("2031-05-02", Ev("Kestrian gunboats hit Varnian targets again."))
    much_later = report("2031-06-20", Ev("Kestrian gunboats hit Varnian targets again!"))
    undated = report(None, Ev("Kestrian gunboats hit Varnian targets, witnesses said."))
    incidents = merge_reports([dated, next_day, much_later, undated])
    sizes = sorted(len(i.sightings) for i in incidents)
    assert sizes == [1, 1, 2]
    merged = next(i for i in incidents if len(i.sightings) == 2)
    assert merged.date == "2031-05-01"  # the event's own date wins over the anchor


def test_one_sided_event_does_not_bridge_two_incidents() -> None:
    on_varnia = report("2031-05-02", Ev(STRIKE_1, date="2031-05-01"))
    on_ossland = report(
        "2031-05-02",
        Ev(
            "Kestrian ships also fired on an Ossland patrol.",
            target=("oss-gov",),
            date="2031-05-01",
        ),
    )
    vague = report("2031-05-02", Ev("The Kestrian navy opened fire.", target=(), date="2031-05-01"))
    incidents = merge_reports([on_varnia, on_ossland, vague])
    assert len(incidents) == 2
    assert sorted(len(i.sightings) for i in incidents) == [1, 2]


def test_symmetric_events_match_with_roles_swapped() -> None:
    a = report(
        "2031-05-02",
        Ev(
            "Voss met Varnian envoys.",
            type="CONSULT",
            source=("kst-gov",),
            target=("vrn-gov",),
            date="2031-05-01",
        ),
    )
    b = report(
        "2031-05-02",
        Ev(
            "Varnian envoys held talks with Voss.",
            type="CONSULT",
            source=("vrn-gov",),
            target=("kst-gov",),
            date="2031-05-01",
        ),
    )
    c = report(
        "2031-05-02",
        Ev(
            "Voss also met Ossland's government.",
            type="CONSULT",
            source=("kst-gov",),
            target=("oss-gov",),
            date="2031-05-01",
        ),
    )
    incidents = merge_reports([a, b, c])
    assert sorted(len(i.sightings) for i in incidents) == [1, 2]


def test_two_different_strikes_in_one_report_stay_apart_when_figures_clash() -> None:
    both = report(
        "2031-05-02",
        Ev(STRIKE_1, date="2031-05-01", figures=[("dead", 3, "exact")]),
        Ev(STRIKE_2, date="2031-05-01", figures=[("dead", 30, "exact")]),
    )
    assert len(merge_reports([both])) == 2


def test_ids_and_output_do_not_depend_on_input_order() -> None:
    reports = [
        report(
            f"2031-05-{d:02d}",
            Ev(f"Kestrian boats struck Varnia, day {d}.", date=f"2031-05-{d:02d}"),
        )
        for d in (1, 2, 10, 11, 20)
    ]
    first = merge_reports(reports)
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)
    again = merge_reports(shuffled)
    assert [i.model_dump() for i in first] == [i.model_dump() for i in again]
    assert len(first) == 3 and len({i.id for i in first}) == 3
    assert all(i.id.startswith("inc-") for i in first)


def test_sightings_carry_attribution_outlet_and_only_the_referenced_actors() -> None:
    r = report("2031-05-02", Ev(STRIKE_1, date="2031-05-01", said_by="a port official"))
    r.actors.append(r.actors[0].model_copy(update={"id": "a-unrelated"}))
    (s,) = list(sightings(r, outlet="Halden Herald", duplicates=2))
    assert s.attributed_to == "a port official"
    assert s.outlet == "Halden Herald" and s.duplicates == 2
    assert set(s.actors) == {"a-kst-mil", "a-vrn"}
    (inc,) = merge_incidents([s])
    assert inc.sightings[0].outlet == "Halden Herald" and inc.sightings[0].duplicates == 2


def test_blocking_compares_far_fewer_pairs_than_all_pairs() -> None:
    rng = random.Random(3)
    keys = ["kst-mil", "kst-gov", "vrn-gov", "vrn-mil", "oss-gov", "brig"]
    reports = []
    for n in range(400):
        src, tgt = rng.sample(keys, 2)
        day = 1 + rng.randrange(28)
        kind = rng.choice(["ASSAULT", "PROTEST", "AID", "CONSULT"])
        reports.append(
            report(
                f"2031-02-{day:02d}",
                Ev(
                    f"Event {n}.",
                    type=kind,
                    source=(src,),
                    target=(tgt,),
                    date=f"2031-02-{day:02d}",
                ),
            )
        )
    r = rules()
    items = [_item(s, r.about_tolerance, r.symmetric) for rep in reports for s in sightings(rep)]
    pairs = sum(1 for _ in _candidate_pairs(_blocks(items, r, 3)))
    assert 0 < pairs < len(items) * (len(items) - 1) / 2 / 5


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("they", "they", False),  # an unresolved pronoun identifies nobody
        ("fighters", "fighters", False),  # nor does a common noun without a country
        ("envoy", "editor", False),  # two people of one country, sector unknown
        ("kst-mil", "kst-mil", True),  # the same force, no target known
        ("envoy", "envoy", True),  # the same person
        ("envoy", "vrn", False),  # her country, but one-sided events need the same name
    ],
)
def test_which_participants_identify_the_same_actor(first: str, second: str, merged: bool) -> None:
    a = report(
        "2031-05-02", Ev("Shots hit the crowd.", source=(first,), target=(), date="2031-05-01")
    )
    b = report(
        "2031-05-02", Ev("More shots were fired.", source=(second,), target=(), date="2031-05-01")
    )
    assert (len(merge_reports([a, b])) == 1) is merged


def test_a_person_matches_her_whole_country_when_both_sides_are_known() -> None:
    a = report(
        "2031-05-02",
        Ev(
            "Quist condemned the Kestrian navy.",
            type="PROTEST",
            source=("envoy",),
            target=("kst-mil",),
            date="2031-05-01",
        ),
    )
    b = report(
        "2031-05-02",
        Ev(
            "Varnia protested to the Kestrian navy.",
            type="PROTEST",
            source=("vrn",),
            target=("kst-mil",),
            date="2031-05-01",
        ),
    )
    c = report(
        "2031-05-02",
        Ev(
            "The Kestrian navy drew a protest.",
            type="PROTEST",
            source=(),
            target=("kst-mil",),
            date="2031-05-01",
        ),
    )
    assert len(merge_reports([a, b])) == 1
    # a protest with its speaker unknown joins nothing: words need the same named source
    assert len(merge_reports([a, b, c])) == 2


def test_two_real_extractions_of_one_strike_merge(run: Callable[..., Report]) -> None:
    first = run(
        "Russian warplanes bombed a market in the Syrian town of Maarat al-Numan on Monday,"
        " killing at least 21 people, rescue workers said.",
        "2019-07-23",
    )
    later = run(
        "Russian jets struck a busy market in Maarat al-Numan on Monday, killing 31 people,"
        " rescuers said on Tuesday.",
        "2019-07-24",
    )
    assert any(e.type == "ASSAULT" for e in first.events)
    assert any(e.type == "ASSAULT" for e in later.events)
    merged = [i for i in merge_reports([first, later]) if len(i.sightings) > 1]
    assert len(merged) == 1
    docs = {f.document for f in merged[0].figures if f.kind == "dead"}
    assert docs == {first.document.id, later.document.id}
    assert merged[0].first_reported == "2019-07-23" and merged[0].conflicting == []


def test_daily_strikes_do_not_chain_into_a_month_long_incident() -> None:
    # The same navy shells the same port every day for twelve days: each report's event
    # matches the next day's, but no incident may span more than max_span_days.
    reports = [
        report(
            f"2031-06-{day:02d}",
            Ev(
                f"Kestrian warships shelled Port Halden again on day {day} of the siege.",
                date=f"2031-06-{day:02d}",
                place="port",
            ),
        )
        for day in range(1, 13)
    ]
    incidents = merge_reports(reports)
    assert len(incidents) >= 2
    for inc in incidents:
        assert inc.date and inc.date_end
        start, end = (int(d[-2:]) for d in (inc.date, inc.date_end))
        assert end - start <= rules().max_span_days


def test_an_event_with_no_place_does_not_bridge_two_towns() -> None:
    # Each placed report fits the placeless one; together they would put the shelling
    # of two towns (or of a town and a city abroad) into one incident.
    in_port = report("2031-05-02", Ev(STRIKE_1, place="port", date="2031-05-01"))
    in_mill = report(
        "2031-05-02",
        Ev("Kestrian warships shelled the quays of Millbrook.", place="mill", date="2031-05-01"),
    )
    abroad = report(
        "2031-05-02",
        Ev(
            "Kestrian sailors attacked a Varnian ferry off Ossburg.", place="oss", date="2031-05-01"
        ),
    )
    vague = report("2031-05-02", Ev("The Kestrian navy attacked Varnia again.", date="2031-05-01"))
    incidents = merge_reports([vague, in_port, in_mill, abroad])
    places = [sorted({i.location or "-"}) for i in incidents if len(i.sightings) > 1]
    assert len(incidents) == 3
    assert all(len(i.sightings) <= 2 for i in incidents)
    assert places == [["Port Halden"]] or places == [["Millbrook"]] or places == [["Ossburg"]]


def test_a_companion_in_another_town_is_not_told_with_the_main_event() -> None:
    # One article, two strikes the same day in two towns: the second is no part of
    # the article's main happening, though it sits in the lead.
    article = report(
        "2031-05-02",
        Ev(
            "Kestrian warships shelled the harbour of Port Halden on Thursday, killing "
            "at least 83 dockworkers, fishermen and passengers waiting for the morning ferry.",
            place="port",
            date="2031-05-01",
        ),
        Ev(
            "Kestrian gunboats also shelled the grain quays of Millbrook, further north.",
            place="mill",
            date="2031-05-01",
        ),
        title="Kestrian navy shells Port Halden harbour, killing dozens",
    )
    incidents = merge_reports([article])
    assert sorted(i.location or "-" for i in incidents) == ["Millbrook", "Port Halden"]


def test_a_statement_and_a_tweet_by_one_speaker_are_one_incident() -> None:
    voss = Actor(id="a-voss", name="President Alder Voss", kind="person")  # no country known

    def spoken(rep: Report, by_voss: bool = True) -> Report:
        """Voss's requests: his own (``by_voss``), or his state's in his words."""
        rep.actors.append(voss)
        for ev in rep.events:
            ev.type, ev.quad = "REQUEST", "verbal_cooperation"  # type: ignore[assignment]
        for claim in rep.claims:
            claim.source.actor = "a-voss"
        if by_voss:
            rep.events[0].source = [EventParticipant(actor="a-voss", name=voss.name)]
        else:
            rep.events[0].source = [EventParticipant(name="Kestria", country="KST", sector="GOV")]
        return rep

    said = spoken(
        report(
            "2031-06-05",
            Ev("President Alder Voss has told Varnia it must take back its 800 fighters captured"
               " in Millbrook and put them on trial.", type="CONSULT", source=(), target=()),
        )
    )  # fmt: skip
    said.events.append(
        said.events[0].model_copy(
            update={"id": "e9", "target": [_part("vrn-mil")], "sentence": said.events[0].sentence}
        )
    )  # another complete request of his that day the partial could attach to
    tweet = "Kestria is asking Varnia to take back over 800 fighters that we captured in Millbrook"
    tweeted = spoken(
        report(
            "2031-06-05",
            Ev(f"Voss tweeted: “{tweet} and put them on trial.”", type="CONSULT", source=(),
               target=("vrn",), said_by="Voss"),
        ),
        by_voss=False,
    )  # fmt: skip
    incidents = merge_incidents(s for r in (said, tweeted) for s in sightings(r))
    demand = next(i for i in incidents if any(s.document == tweeted.document.id
                                              for s in i.sightings))  # fmt: skip
    assert {s.document for s in demand.sightings} == {said.document.id, tweeted.document.id}
    # Another request in his state's name that day, in other words, stays apart.
    other = spoken(
        report(
            "2031-06-05",
            Ev("Kestria is asking Ossland to reopen its border crossings to trucks.",
               type="CONSULT", source=(), target=("oss-gov",), said_by="Voss"),
        ),
        by_voss=False,
    )  # fmt: skip
    incidents = merge_incidents(s for r in (said, other) for s in sightings(r))
    assert all(len({s.document for s in i.sightings}) == 1 for i in incidents)


def test_a_line_two_reports_repeat_word_for_word_is_one_incident(
    run: Callable[..., Report],
) -> None:
    line = (
        "Later, the Varnian ambassador to London was summoned to be told that Britain"
        " expected the immediate return of the two aid workers' bodies."
    )
    first = run(f"Two aid workers were killed in Ossland on Tuesday. {line}", "2031-03-04")
    update = run(
        f"Shelling continued in Ossland on Tuesday, residents said. {line} A hospital was hit.",
        "2031-03-04",
    )
    kind = next(e.type for e in first.events if e.trigger.text == "summoned")
    told = [
        i for i in merge_reports([first, update])
        if i.type == kind and "summoned" in (i.summary or "")
    ]  # fmt: skip
    assert len(told) == 1 and len(told[0].sightings) == 2


def test_a_short_line_repeated_is_no_evidence_of_one_incident() -> None:
    line = Ev("Protesters were arrested.", type="COERCE", source=(), target=())
    a, b = report("2031-03-04", line, title="North"), report("2031-03-04", line, title="South")
    assert len(merge_reports([a, b])) == 2


def test_a_visit_by_two_of_one_country_joins_the_talks_it_was_for() -> None:
    talks = report(
        "2031-05-02",
        Ev("Mara Quist held talks with Voss in Port Halden.", type="CONSULT",
           source=("envoy", "vrn-gov"), target=("kst-gov",), date="2031-05-01"),
    )  # fmt: skip
    visit = report(
        "2031-05-02",
        Ev("The visit by Mara Quist and Tomas Brenn came days after the vote.", type="CONSULT",
           source=("envoy", "editor"), target=(), date="2031-05-01"),
        title="visit",
    )  # fmt: skip
    other = report(
        "2031-05-02",
        Ev("Mara Quist then met the Ossland government.", type="CONSULT",
           source=("envoy",), target=("oss-gov",), date="2031-05-03"),
        title="other",
    )  # fmt: skip
    incidents = merge_reports([talks, visit, other])
    assert sorted(len(i.sightings) for i in incidents) == [1, 2]
    joined = next(i for i in incidents if len(i.sightings) == 2)
    assert {s.document for s in joined.sightings} == {talks.document.id, visit.document.id}
