"""Event places: clause, sentence, dateline; admin areas; "Town, State"."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report


def _place(report: Report, event: Event) -> str | None:
    return next((p.name for p in report.places if p.id == event.location), None)


def test_clause_place_with_precision_and_reason(run: Callable[..., Report]) -> None:
    report = run("Government forces attacked protesters in Homs on Friday.")
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert _place(report, event) == "Homs"
    assert event.place_precision == "town" and event.place_reason == "clause"


def test_admin_area_from_province_phrase(run: Callable[..., Report]) -> None:
    report = run("Rebels shelled government positions in Idlib province on Monday.")
    event = next(e for e in report.events if e.type == "ASSAULT")
    place = next(p for p in report.places if p.id == event.location)
    assert place.feature == "admin" and place.country == "SYR"
    assert event.place_precision == "admin"


def test_town_state_is_not_the_country(run: Callable[..., Report]) -> None:
    report = run("A gunman opened fire at a church in Denmark, South Carolina, on Sunday.")
    assert not any(p.country == "DNK" for p in report.places)
    assert any(p.name == "South Carolina" for p in report.places)


def test_dateline_place_when_the_story_is_about_its_country(run: Callable[..., Report]) -> None:
    text = (
        "TRIPOLI, Libya (CNN) -- Government forces shelled rebel positions on Monday,"
        " rebels said.\nLibya's government denied the report."
    )
    report = run(text, "2011-03-08")
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert _place(report, event) == "Tripoli" and event.place_reason == "dateline"


def test_dateline_abroad_is_not_the_event_place(run: Callable[..., Report]) -> None:
    text = (
        "BEIRUT (Reuters) - Syrian troops shelled the town on Monday, activists said.\n"
        "Syria's army has besieged towns in Syria for weeks, and Syria denies it."
    )
    report = run(text, "2012-02-06")
    event = next(e for e in report.events if e.type == "ASSAULT")
    # not Beirut; "Syrian troops" name the country the act is in (reason "country")
    assert _place(report, event) == "Syria" and event.place_precision == "country"


def test_unresolved_stated_place_blocks_fallback(run: Callable[..., Report]) -> None:
    text = "TRIPOLI (Reuters) - Rebels fired rockets at government troops near Qasr Tiyyab."
    report = run(text, "2011-03-08")
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert event.location is None


def test_unknown_district_of_a_known_city(run: Callable[..., Report]) -> None:
    text = "A bomb exploded near a police station in the Marja district of Damascus on Monday."
    report = run(text)
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert _place(report, event) == "Damascus"
    # the named district is the event's site, finer than the town
    assert event.place_precision == "site" and event.site is not None
    assert event.site.text == "Marja district"


def test_a_meeting_named_by_its_town_places_the_talks_and_their_purpose(
    run: Callable[..., Report],
) -> None:
    text = (
        "The Varnian foreign minister met his Kestrian counterpart on the sidelines of the"
        " Vienna conference on Tuesday to press for a ceasefire, saying the shelling inside"
        " Syria had to stop."
    )
    report = run(text, "2019-02-19")
    met = next(e for e in report.events if e.type == "CONSULT")
    press = next(e for e in report.events if e.type == "REQUEST")
    # the meeting's town, not the country named in what the minister said
    assert _place(report, met) == "Vienna" and met.place_reason == "clause"
    assert _place(report, press) == "Vienna"


def test_a_happening_a_statement_names_beside_it_does_not_place_it(
    run: Callable[..., Report],
) -> None:
    text = (
        "The exiled cleric has backed the uprising in Syria, urging the opposition not to"
        " rely on foreign powers for help."
    )
    report = run(text, "2012-02-12")
    urging = next(e for e in report.events if e.type == "REQUEST")
    assert urging.location is None  # where the cleric spoke is not told
    held = run("At the rally in Cairo, opposition leaders demanded that the president resign.")
    demand = next(e for e in held.events if e.type == "REQUEST")
    assert _place(held, demand) == "Cairo"  # the happening the demand was made at
