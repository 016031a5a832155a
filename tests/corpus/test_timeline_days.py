"""Top dates ranked by what the reports say happened on each day (timeline.day_scores)."""

from __future__ import annotations

import datetime as dt

from flashpoint.corpus.incidents import merge_reports
from flashpoint.corpus.timeline import (
    LOOKBACK_WEIGHT,
    OTHER_WEIGHT,
    day_scores,
    top_dates,
)
from flashpoint.models import Report
from tests.corpus.test_incidents import Ev, report

SIEGE = "Kestrian troops stormed the Varnian town of Port Halden."
SHELLING = "Kestrian gunboats shelled the Varnian coast near Port Halden."
MARKET = "Varnian markets reopened in the capital after a week of strikes."


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _look_back(background: bool = False, precision: str = "day") -> Report:
    """A feature written two weeks on, recalling the storming of the town."""
    r = report(
        "2031-05-20",
        Ev("Two weeks after Kestrian troops stormed Port Halden, the town is quiet.",
           date="2031-05-06", place="port"),
    )  # fmt: skip
    r.events[0].background = background
    r.events[0].date_precision = precision  # type: ignore[assignment]
    return r


def _corpus() -> list[Report]:
    return [
        # a busy day: two reports of the day's shelling
        report("2031-05-02", Ev(SHELLING, date="2031-05-02", place="port")),
        report("2031-05-02", Ev(SHELLING + " ", date="2031-05-02", place="port")),
        # the day that mattered: one report then, and a later one looks back to it
        report("2031-05-06", Ev(SIEGE, date="2031-05-06", place="port")),
        _look_back(),
    ]


def test_later_reports_looking_back_outrank_a_busier_publication_day() -> None:
    reports = _corpus()
    scores = day_scores(reports)
    assert scores[_day("2031-05-02")] == 2.0
    assert scores[_day("2031-05-06")] == 1.0 + LOOKBACK_WEIGHT
    # the look-back report itself is no news of its own day
    assert scores[_day("2031-05-20")] == OTHER_WEIGHT
    incidents = merge_reports(reports)
    (best,) = top_dates(incidents, 1, reports=reports)
    assert best.day == _day("2031-05-06") and best.incidents
    two = top_dates(incidents, 2, reports=reports)
    assert [e.day for e in two] == [_day("2031-05-02"), _day("2031-05-06")]


def test_background_or_vague_dates_do_not_look_back() -> None:
    for recap in (_look_back(background=True), _look_back(precision="month")):
        scores = day_scores([report("2031-05-06", Ev(SIEGE, date="2031-05-06")), recap])
        assert scores[_day("2031-05-06")] == 1.0


def test_negated_and_future_dated_events_are_not_counted() -> None:
    denied = report("2031-05-20", Ev(SIEGE, date="2031-05-06", modality="negated"))
    planned = report("2031-05-20", Ev(SIEGE, date="2031-05-25"))
    scores = day_scores([denied, planned])
    assert _day("2031-05-06") not in scores and _day("2031-05-25") not in scores
    assert scores[_day("2031-05-20")] == 2 * OTHER_WEIGHT


def test_news_of_the_day_counts_more_than_an_undated_piece() -> None:
    yesterday = report("2031-05-03", Ev(SHELLING, date="2031-05-02"))
    undated = report("2031-05-04", Ev(MARKET, type="CONSULT", source=("vrn-gov",),
                                      target=("vrn",)))  # fmt: skip
    scores = day_scores([yesterday, undated])
    # yesterday's news is credited to the day it happened, and as a later report of it
    assert scores[_day("2031-05-02")] == 1.0 + LOOKBACK_WEIGHT
    assert _day("2031-05-03") not in scores
    assert scores[_day("2031-05-04")] == OTHER_WEIGHT


def test_equal_days_are_ordered_by_reports_published_then_by_date() -> None:
    early = report("2031-05-02", Ev(SHELLING, date="2031-05-02", place="port"))
    late = report("2031-05-09", Ev(SIEGE, date="2031-05-09", place="port"))
    (one,) = top_dates(merge_reports([early, late]), 1, reports=[early, late])
    assert one.day == _day("2031-05-02")  # a tie: the earlier day
    # two pieces with no news of the day score 2 x 0.5, as one news report; more were published
    pieces = [
        report("2031-05-09", Ev(MARKET, type="CONSULT", source=("vrn-gov",), target=("vrn",))),
        report(
            "2031-05-09", Ev(MARKET + " ", type="CONSULT", source=("vrn-gov",), target=("vrn",))
        ),
    ]
    reports = [early, *pieces]
    (one,) = top_dates(merge_reports(reports), 1, reports=reports)
    assert one.day == _day("2031-05-09") and one.score == 2 * OTHER_WEIGHT


def test_a_day_only_reports_tell_of_can_be_chosen_without_incidents() -> None:
    # the reports of the day have no coded event; a later one looks back to it
    quiet = report("2031-05-06")
    reports = [quiet, _look_back()]
    days = top_dates([], 1, reports=reports)
    assert [(e.day, e.incidents) for e in days] == [(_day("2031-05-06"), [])]
    assert days[0].score == OTHER_WEIGHT + LOOKBACK_WEIGHT


def test_window_bounds_the_days_read_from_reports() -> None:
    reports = _corpus()
    days = top_dates(merge_reports(reports), 5, reports=reports, until=_day("2031-05-05"))
    assert [e.day for e in days] == [_day("2031-05-02")]
