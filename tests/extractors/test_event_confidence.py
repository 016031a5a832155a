"""Event confidence (calibrated, from evidence) and background marking."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.extractors.events import confidence as conf
from flashpoint.models import Report


def test_every_event_has_a_confidence_in_range(run: Callable[..., Report]) -> None:
    report = run("Government troops shelled the rebel-held town of Zawiya on Monday.")
    assert report.events
    assert all(e.confidence is not None and 0.0 <= e.confidence <= 1.0 for e in report.events)


def test_named_dated_event_beats_a_hypothetical_one(run: Callable[..., Report]) -> None:
    firm = run("Syrian troops killed four protesters in Homs on Friday.").events[0]
    loose = run("The minister said troops could attack the town if talks failed.").events
    assert firm.confidence is not None
    assert all(e.confidence is not None and e.confidence < firm.confidence for e in loose)


def test_calibration_map_is_monotone() -> None:
    steps = conf.table()["calibration"]
    values = [v for _, v in steps]
    assert values == sorted(values)
    assert 0.0 < conf.default_threshold() < 1.0
    assert conf.calibrate(0.0) <= conf.calibrate(0.5) <= conf.calibrate(1.0)


def test_perfect_progressive_recap_is_background(run: Callable[..., Report]) -> None:
    event = run("NATO has been bombing the city for four months.", "2011-07-20").events[0]
    assert event.background


def test_old_dated_event_is_background_with_its_date(run: Callable[..., Report]) -> None:
    text = "An airliner was bombed over the town in December 1988, killing 270 people."
    event = run(text, "2011-08-22").events[0]
    assert event.background and event.date == "1988-12"


def test_recent_present_perfect_is_news(run: Callable[..., Report]) -> None:
    event = run("Police have arrested 30 activists since Wednesday.", "2013-05-10").events[0]
    assert not event.background


def test_dateline_day_dates_an_undated_event(run: Callable[..., Report]) -> None:
    text = "DERAA, Syria, March 23 (Reuters) - Syrian forces opened fire on protesters."
    event = run(text, "2011-03-24").events[0]
    assert event.date == "2011-03-23" and event.date_precision == "day"


def test_min_confidence_filter(run: Callable[..., Report]) -> None:
    from flashpoint.outputs.confident import confident

    report = run("Syrian troops killed four protesters in Homs on Friday.")
    assert confident(report, 0.0).events == report.events
    assert confident(report, 1.01).events == []


def test_chronology_lines_are_background_with_their_dates(run: Callable[..., Report]) -> None:
    text = (
        "Here is how the crisis unfolded.\n"
        "March 19 - French jets strike government tanks near Benghazi.\n"
        "-- The rebels accuse Gaddafi of shelling civilians.\n"
        "Rebels attacked the port on Monday."
    )
    events = run(text, "2011-04-12").events
    strike = next(e for e in events if e.type == "ASSAULT" and e.trigger.text == "strike")
    accuse = next(e for e in events if e.type == "ACCUSE")
    latest = next(e for e in events if e.trigger.text == "attacked")
    assert strike.background and strike.date == "2011-03-19"
    assert accuse.background and accuse.date == "2011-03-19"
    assert not latest.background and latest.date == "2011-04-11"


def test_dated_lead_is_not_a_chronology(run: Callable[..., Report]) -> None:
    text = "Mar 13, 2018-Two men were shot dead in the district, police said on Monday."
    event = run(text, "2018-03-13").events[0]
    assert not event.background


def test_sentences_continuing_the_lead_take_its_day(run: Callable[..., Report]) -> None:
    text = (
        "Syrian forces killed six people in Deraa on Wednesday, witnesses said.\n"
        "Troops later opened fire on hundreds of youths marching in solidarity.\n"
    )
    events = [e for e in run(text, "2011-03-24").events if e.type == "ASSAULT"]
    assert [e.date for e in events] == ["2011-03-23", "2011-03-23"]


def test_a_time_reference_is_not_an_event_date(run: Callable[..., Report]) -> None:
    # "soon" resolves to FUTURE_REF, a TIMEX3 reference of ten characters, not a day
    report = run(
        "The commander was killed in the town of Kobani, and soon afterwards his brother"
        " posted a message online.",
        "2019-02-17",
    )
    assert report.events and all(e.date is None or e.date[:4].isdigit() for e in report.events)


def test_an_act_in_an_earlier_year_is_background(run: Callable[..., Report]) -> None:
    text = "Turkish troops seized the border town of Sarwan in 2018, the ministry said."
    later = [e for e in run(text, "2019-02-22").events if e.date == "2018"]
    assert later and all(e.background for e in later)
    same_year = run("Rebels seized the river port in 2019, officials said on Monday.", "2019-03-04")
    assert same_year.events and not any(e.background for e in same_year.events)


def test_a_running_count_since_long_ago_is_background(run: Callable[..., Report]) -> None:
    old = run(
        "By one count the group has carried out 90 bombings since 2014, killing at least"
        " 700 people.",
        "2019-02-10",
    )
    assert old.events and all(e.background for e in old.events)
    recent = run("Police have arrested 30 activists since Wednesday.", "2013-05-10")
    assert not recent.events[0].background
