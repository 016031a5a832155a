"""Document linking (flashpoint.corpus.linking) on articles written for these tests.

Reports are built by hand (document, places with their mentions, people), so
linking is tested apart from the extractors. Towns and people are invented.
"""

from __future__ import annotations

import hashlib

import pytest

from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.linking import Linker, link, profile, stories_differ, tolls
from flashpoint.models import Actor, Document, Event, Mention, Place, Report, Span
from tests.corpus.test_incidents import Ev, report

TOWNS = {
    "Harlow Creek": ("geo:1", "city"),
    "Dunmore Falls": ("geo:2", "city"),
    "Westria": ("geo:10", "admin"),
}


def article(
    published: str,
    title: str,
    text: str,
    *,
    people: tuple[str, ...] = (),
    modality: str = "asserted",
    event_sentence: str | None = None,
) -> Report:
    places = []
    for n, (name, (gid, feature)) in enumerate(TOWNS.items()):
        at = text.find(name)
        if at >= 0:
            places.append(
                Place(
                    id=f"p{n}",
                    name=name,
                    feature=feature,  # type: ignore[arg-type]
                    country="USA",
                    gazetteer_id=gid,
                    mentions=[Mention(start=at, end=at + len(name), text=name)],
                )
            )
    actors = []
    for n, name in enumerate(people):
        at = text.find(name)
        mentions = [Mention(start=at, end=at + len(name), text=name)] if at >= 0 else []
        actors.append(Actor(id=f"a{n}", name=name, kind="person", mentions=mentions))
    events = []
    if event_sentence:
        at = text.index(event_sentence)
        span = Span(start=at, end=at + len(event_sentence), text=event_sentence)
        trigger = Span(start=at, end=at + 4, text=event_sentence[:4])
        events.append(
            Event(
                id="e1",
                type="ASSAULT",
                quad="material_conflict",
                intensity=-9.0,
                modality=modality,  # type: ignore[arg-type]
                trigger=trigger,
                sentence=span,
            )
        )
    doc = Document(
        id=hashlib.sha256((title + text).encode()).hexdigest(),
        title=title,
        published=published,
        text=text,
    )
    return Report(document=doc, places=places, actors=actors, events=events)


HARLOW_1 = article(
    "2030-03-02",
    "Two dead, three wounded in Harlow Creek tavern shooting",
    "HARLOW CREEK, Westria - Two men were killed and three other people wounded when a"
    " gunman opened fire inside the Copper Kettle tavern in Harlow Creek late Saturday,"
    " police said. Officers identified one of the dead as Delbert Marsh, a regular at the"
    " bar on Orchard Street. The gunman fled in a gray pickup truck.",
    people=("Delbert Marsh",),
)
HARLOW_2 = article(
    "2030-03-03",
    "Police seek gunman after deadly Copper Kettle tavern attack in Harlow Creek",
    "Detectives in Harlow Creek are searching for the man who shot five people at the"
    " Copper Kettle tavern on Orchard Street, killing two, including Delbert Marsh, 54."
    " Witnesses described a gray pickup truck speeding away from the tavern after the"
    " shooting on Saturday night.",
    people=("Delbert Marsh",),
)
DUNMORE = article(
    "2030-03-02",
    "Teenager wounded in Dunmore Falls drive-by shooting",
    "DUNMORE FALLS, Westria - A 16-year-old boy was wounded on Saturday when shots were"
    " fired from a passing car on Mill Road in Dunmore Falls, police said. The boy was"
    " taken to a hospital in stable condition and no arrests have been made so far.",
)


def test_tolls_read_counts_from_headline_and_lead() -> None:
    assert tolls("Two men were killed and three other people wounded") == (2, 3)
    assert tolls("the shooting deaths of four women at a farmhouse") == (4, None)
    assert tolls("Six shot outside a roller rink") == (None, 6)
    assert tolls("A teenager died after a shooting on Pine Street") == (1, None)
    # A count followed by another verb is no toll: "two were arrested and wounded" is not read.
    assert tolls("Police said two suspects were arrested and questioned") == (None, None)


def test_tolls_read_past_perfect_and_large_or_vague_counts() -> None:
    # "had been killed" is a toll verb phrase: 41, not the one-dead default.
    assert tolls("Medics in the town said 41 people had been killed by the shelling") == (41, None)
    assert tolls("The blast killed 3,000 people, officials in Harmon said")[0] is None
    assert tolls("Rebels are accused of killing at least 2,400 people since 2016") == (None, None)
    assert tolls("gunmen stormed the market, killing more than 30 people") == (30, None)
    # A count the patterns cannot read is no lone death.
    assert tolls("dozens of people, most of them children, have died in the camp") == (None, None)
    assert tolls("Officials said 12 soldiers and policemen were killed") == (None, None)
    # A share is no count, and no lone death either (the brief reads the same rule).
    assert tolls("Nearly 20% of the crew were killed in the fire") == (None, None)
    assert tolls("Nearly 20% were killed, and three people were injured") == (None, 3)
    # A number word inside a longer word is no count ("Kenya wounded" holds no "a").
    assert tolls("Shelling near the border with Kenya wounded soldiers") == (None, None)


def test_reports_of_one_shooting_link_and_another_town_stays_apart() -> None:
    clusters = link([profile(r) for r in (HARLOW_1, HARLOW_2, DUNMORE)])
    assert clusters[HARLOW_1.document.id] == clusters[HARLOW_2.document.id]
    assert clusters[DUNMORE.document.id] != clusters[HARLOW_1.document.id]


def test_streaming_adds_a_report_without_reclustering() -> None:
    linker = Linker()
    a = linker.add(profile(HARLOW_1))
    d = linker.add(profile(DUNMORE))
    assert linker.add(profile(HARLOW_2)) == a != d
    assert len(linker.clusters) == 2


def test_a_follow_up_two_months_later_does_not_join() -> None:
    much_later = HARLOW_2.model_copy(
        update={"document": HARLOW_2.document.model_copy(update={"published": "2030-05-20"})}
    )
    clusters = link([profile(HARLOW_1), profile(much_later)])
    assert clusters[HARLOW_1.document.id] != clusters[much_later.document.id]


def test_a_hypothetical_story_never_joins_a_real_one() -> None:
    real = article(
        "2030-03-02",
        HARLOW_1.document.title or "",
        HARLOW_1.document.text,
        people=("Delbert Marsh",),
        event_sentence="The gunman fled in a gray pickup truck.",
    )
    imagined = article(
        "2030-03-03",
        HARLOW_2.document.title or "",
        HARLOW_2.document.text,
        people=("Delbert Marsh",),
        modality="hypothetical",
        event_sentence="Detectives in Harlow Creek are searching for the man who shot five people"
        " at the Copper Kettle tavern on Orchard Street, killing two, including Delbert Marsh, 54.",
    )
    clusters = link([profile(real), profile(imagined)])
    assert clusters[real.document.id] != clusters[imagined.document.id]


def test_different_towns_or_tolls_contradict() -> None:
    h1, h2, d = profile(HARLOW_1), profile(HARLOW_2), profile(DUNMORE)
    assert stories_differ([h1], [d])
    assert not stories_differ([h1], [h2])


def harlow_pair() -> tuple[Report, Report]:
    """Two outlets' reports of one tavern shooting, each coding a getaway sentence."""
    first = article(
        "2030-03-02",
        HARLOW_1.document.title or "",
        HARLOW_1.document.text,
        people=("Delbert Marsh",),
        event_sentence="The gunman fled in a gray pickup truck.",
    )
    second = article(
        "2030-03-03",
        HARLOW_2.document.title or "",
        HARLOW_2.document.text,
        people=("Delbert Marsh",),
        event_sentence="Witnesses described a gray pickup truck speeding away from the tavern"
        " after the shooting on Saturday night.",
    )
    return first, second


def test_merged_story_is_one_incident_with_main_documents_and_traced_toll() -> None:
    first, second = harlow_pair()
    incidents = merge_reports([first, second])
    assert len(incidents) == 1
    inc = incidents[0]
    assert set(inc.main_documents) == {first.document.id, second.document.id}
    assert inc.toll == {"dead": 2, "injured": 3}
    assert inc.independent_reports == 2
    assert inc.people == ["Delbert Marsh"]
    dead = [f for f in inc.figures if f.kind == "dead"]
    assert dead and all(f.sentence for f in dead)
    assert inc.salience > 0
    assert all(s.main for s in inc.sightings)


@pytest.mark.parametrize("copy_of", [HARLOW_1])
def test_a_wire_copy_counts_once(copy_of: Report) -> None:
    text = copy_of.document.text + " Copyright Wire Service."
    copy = article(
        "2030-03-02",
        copy_of.document.title or "",
        text,
        people=("Delbert Marsh",),
        event_sentence="The gunman fled in a gray pickup truck.",
    )
    original = article(
        "2030-03-02",
        copy_of.document.title or "",
        copy_of.document.text,
        people=("Delbert Marsh",),
        event_sentence="The gunman fled in a gray pickup truck.",
    )
    (inc,) = merge_reports([original, copy])
    assert len(inc.main_documents) == 2 and inc.independent_reports == 1


def test_headline_toll_goes_to_violent_stories_only_with_its_own_sentence() -> None:
    text = (
        "Aid groups in Harlow Creek urged the county on Monday to reopen the shelter."
        " Volunteers said three people had died in the cold there since the shelter closed."
    )
    plea = article(
        "2030-03-04",
        "",
        text,
        event_sentence=text.split(" Volunteers")[0],
    )
    plea.events[0] = plea.events[0].model_copy(
        update={"type": "REQUEST", "quad": "verbal_conflict", "intensity": -2.0}
    )
    (inc,) = merge_reports([plea])
    assert inc.type == "REQUEST"
    assert not [f for f in inc.figures if f.kind == "dead"]  # the deaths are not the appeal's
    attack = article(
        "2030-03-04",
        "",
        "Gunmen opened fire on a bus near Harlow Creek on Monday. Officials said 41 people"
        " had been killed and the road was closed.",
        event_sentence="Gunmen opened fire on a bus near Harlow Creek on Monday.",
    )
    (inc,) = merge_reports([attack])
    (dead,) = [f for f in inc.figures if f.kind == "dead"]
    assert dead.value == 41
    assert dead.sentence == "Officials said 41 people had been killed and the road was closed."


def test_a_recent_recap_leads_its_story_an_old_one_does_not() -> None:
    # A follow-up whose lead recaps last week's shooting tells that shooting's story; a
    # recap of a shooting years ago is background and joins no asserted story.
    recent = report(
        "2031-06-12",
        Ev("Kestrian police shot a Varnian driver in Millbrook last week.", date="2031-06-02"),
    )
    old = report(
        "2031-06-12",
        Ev("Kestrian police shot a Varnian driver in Millbrook in 2019.", date="2019-01-01"),
    )
    for rep, precision in ((recent, "week"), (old, "year")):
        rep.events[0].background = True
        rep.events[0].date_precision = precision
    assert profile(recent).modality == "asserted"
    assert profile(old).modality == "background"
