"""The times extractor: extents, types and TIMEX3 values resolved by date and tense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from flashpoint import Settings, extract
from flashpoint.extractors.times import lexicon
from flashpoint.models import TimeExpression
from tests.conftest import SEED

ONLY_TIMES = Settings(extractors=("times",), check_language=False)
Times = Callable[..., list[TimeExpression]]


@pytest.fixture(scope="module")
def times() -> Times:
    def _times(text: str, published: str | None = "2024-03-13") -> list[TimeExpression]:
        found = extract(text, published, settings=ONLY_TIMES).times
        for t in found:  # every record is its own evidence
            assert text[t.start : t.end] == t.text
        return found

    return _times


def one(found: list[TimeExpression], text: str) -> TimeExpression:
    hits = [t for t in found if t.text == text]
    assert len(hits) == 1, [t.text for t in found]
    return hits[0]


# Published Wednesday 2024-03-13 unless said otherwise.


def test_past_tense_weekday_goes_back(times: Times) -> None:
    t = one(times("Negotiators met on Friday in a hotel outside the capital."), "Friday")
    assert (t.type, t.value, t.anchored) == ("date", "2024-03-08", True)


def test_future_tense_weekday_goes_forward(times: Times) -> None:
    found = times("Negotiators will meet on Friday in a hotel outside the capital.")
    assert one(found, "Friday").value == "2024-03-15"


def test_expected_and_scheduled_clauses_are_future(times: Times) -> None:
    found = times("The council is expected to vote on Thursday, officials said.")
    assert one(found, "Thursday").value == "2024-03-14"
    found = times("The summit scheduled for Saturday has been moved to the coast.")
    assert one(found, "Saturday").value == "2024-03-16"


def test_same_weekday_in_the_past_is_the_publication_day(times: Times) -> None:
    found = times("Police fired tear gas at marchers on Monday.", "2025-12-01")
    assert one(found, "Monday").value == "2025-12-01"


def test_a_day_name_inside_a_proper_name_is_no_date(times: Times) -> None:
    found = times("A reporter for the Sunday Times was killed when the shelling resumed.")
    assert found == []
    found = times("The Mail on Sunday said the envoy flew home on Monday.")
    assert [t.text for t in found] == ["Monday"]
    assert times("Both parties signed the Good Friday Agreement in Belfast.") == []
    # A day name that is a day still is one.
    assert one(times("Troops fired on marchers on Sunday."), "Sunday").value == "2024-03-10"


def test_last_and_next_weekday_skip_the_current_one(times: Times) -> None:
    found = times("The envoy left last Wednesday and returns next Wednesday.")
    assert [t.value for t in found] == ["2024-03-06", "2024-03-20"]


def test_month_without_year_is_nearest_in_tense_direction(times: Times) -> None:
    found = times("The militia has controlled the port since September.", "2025-12-01")
    assert one(found, "September").value == "2025-09"
    found = times("The new parliament will convene in March.", "2025-12-01")
    assert one(found, "March").value == "2026-03"


def test_may_as_a_modal_is_not_a_month(times: Times) -> None:
    found = times("The army may withdraw its troops, a spokesman said in May.")
    assert [t.text for t in found] == ["May"]
    assert found[0].value == "2023-05"


def test_day_and_month_resolve_to_the_nearest_year(times: Times) -> None:
    found = times("The ceasefire collapsed on November 21 after a rocket attack.", "2025-12-01")
    assert one(found, "November 21").value == "2025-11-21"
    found = times("Voters will go to the polls on 4 January.", "2025-12-01")
    assert one(found, "4 January").value == "2026-01-04"


def test_absolute_dates_in_several_formats(times: Times) -> None:
    found = times(
        "The accord of Oct. 5, 2019 was replaced on 2021-02-14, and the border closed "
        "in July 2022 and reopened in the spring of 2023."
    )
    assert [(t.text, t.value, t.anchored) for t in found] == [
        ("Oct. 5, 2019", "2019-10-05", False),
        ("2021-02-14", "2021-02-14", False),
        ("July 2022", "2022-07", False),
        ("the spring of 2023", "2023-SP", False),
    ]


def test_relative_periods(times: Times) -> None:
    found = times(
        "Turnout fell last year; the rebels regrouped this week and vow to return next month."
    )
    assert [(t.text, t.value) for t in found] == [
        ("last year", "2023"),
        ("this week", "2024-W11"),
        ("next month", "2024-04"),
    ]


def test_day_words_and_offsets(times: Times) -> None:
    found = times("Shelling resumed yesterday, two days after talks that began three weeks ago.")
    assert one(found, "yesterday").value == "2024-03-12"
    assert one(found, "three weeks ago").value == "2024-W08"
    assert one(found, "two days").value == "P2D"  # "after" belongs to the event, not the time


def test_later_and_earlier_shift_the_last_resolved_date(times: Times) -> None:
    found = times("The truce was signed on June 3, 2021. A week later, the shelling resumed.", None)
    t = one(found, "A week later")
    assert (t.value, t.anchored) == ("2021-06-10", False)


def test_a_year_earlier_after_a_quarter_is_that_quarter(times: Times) -> None:
    found = times("Exports rose in the third quarter of 2023 from a year earlier.")
    assert [t.value for t in found] == ["2023-Q3", "2022-Q3"]


def test_durations(times: Times) -> None:
    found = times(
        "The blockade has lasted 22 weeks, the minister served a two-year term, "
        "and the curfew ran for three hours over the past 18 months, or 2 1/2 years."
    )
    values = {t.text: (t.type, t.value) for t in found}
    assert values["22 weeks"] == ("duration", "P22W")
    assert values["two-year"] == ("duration", "P2Y")
    assert values["three hours"] == ("duration", "PT3H")
    assert values["the past 18 months"] == ("duration", "P18M")
    assert values["2 1/2 years"] == ("duration", "P2Y6M")


def test_ages_are_not_durations(times: Times) -> None:
    assert times("A 14-year-old boy and a man aged 30 years old were detained.") == []


def test_sets(times: Times) -> None:
    found = times("Convoys cross the border every week and aid flights land daily.")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("every week", "set", "P1W"),
        ("daily", "set", "P1D"),
    ]


def test_vague_references(times: Times) -> None:
    found = times(
        "Food is now scarce; prices rose recently and may climb further in the coming weeks."
    )
    assert [(t.text, t.value) for t in found] == [
        ("now", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the coming weeks", "FUTURE_REF"),
    ]


def test_parts_of_day_and_clock_times(times: Times) -> None:
    found = times(
        "Gunfire was heard on Monday morning and again Tuesday night; the curfew began at "
        "9 p.m. Sunday.",
        "2025-12-03",
    )
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Monday morning", "time", "2025-12-01TMO"),
        ("Tuesday night", "time", "2025-12-02TNI"),
        ("9 p.m. Sunday", "time", "2025-11-30T21:00"),
    ]


def test_years_decades_and_seasons(times: Times) -> None:
    found = times(
        "The president has ruled since 2013, a return to the politics of the 1990s; "
        "the offensive began last summer.",
        "2025-12-01",
    )
    assert [(t.text, t.value) for t in found] == [
        ("2013", "2013"),
        ("the 1990s", "199"),
        ("last summer", "2025-SU"),
    ]


def test_counts_are_not_years(times: Times) -> None:
    found = times("The agency said 1500 refugees crossed in 1999.")
    assert [t.text for t in found] == ["1999"]


def test_without_publication_date_relative_values_stay_null(times: Times) -> None:
    found = times(
        "The rebels attacked on Friday, two days ago, and last year took the airport; "
        "they have held the town since March 4, 2022 and for 22 weeks.",
        None,
    )
    values = {t.text: (t.value, t.anchored) for t in found}
    assert values["Friday"] == (None, False)
    assert values["two days ago"] == (None, False)
    assert values["last year"] == (None, False)
    assert values["March 4, 2022"] == ("2022-03-04", False)
    assert values["22 weeks"] == ("P22W", False)


def test_ids_are_unique_and_in_text_order(times: Times) -> None:
    found = times("Talks ended on Tuesday and resume on Thursday, after 48 hours of silence.")
    assert len({t.id for t in found}) == len(found) == 3
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_lexicon_is_loaded_once_and_complete() -> None:
    lx = lexicon()
    assert lexicon() is lx
    assert len(set(lx.months.values())) == 12
    assert sorted(set(lx.weekdays.values())) == list(range(1, 8))


def test_seed_report_times() -> None:
    if not SEED.exists():
        pytest.skip("the seed report (../shared/seed/) is not present")
    text = SEED.read_text(encoding="utf-8")
    found = extract(text, dt.date(2025, 12, 1), settings=ONLY_TIMES).times
    values = {(t.text, t.value) for t in found}
    assert ("September", "2025-09") in values
    assert ("22 weeks", "P22W") in values
    assert ("last year", "2024") in values
    assert ("2013", "2013") in values
    assert ("November 21", "2025-11-21") in values
    assert {t.value for t in found if t.text == "Monday"} == {"2025-12-01"}


def test_anaphoric_times_follow_the_last_date(times: Times) -> None:
    found = times(
        "Troops entered the town on June 3, 2021. Later that day the mayor fled, and "
        "the next morning the guns fell silent.",
        None,
    )
    assert [(t.text, t.value) for t in found] == [
        ("June 3, 2021", "2021-06-03"),
        ("Later that day", "2021-06-03"),
        ("the next morning", "2021-06-04TMO"),
    ]


def test_clock_time_takes_a_day_named_later_in_the_sentence(times: Times) -> None:
    found = times("The blast came at about 10:35 a.m. (0735 GMT) Friday, witnesses said.")
    assert one(found, "10:35 a.m.").value == "2024-03-08T10:35"


def test_quarter_without_year_and_the_quarter(times: Times) -> None:
    found = times("Profit fell in the third quarter, and sales in the quarter rose.", "2023-10-26")
    assert [t.value for t in found] == ["2023-Q3", "2023-Q3"]


def test_later_with_nothing_before_it_is_a_duration(times: Times) -> None:
    found = times("A week later, the rebels withdrew from the ridge.")
    assert [(t.text, t.type, t.value) for t in found] == [("A week later", "duration", "P1W")]


def test_fixed_holidays(times: Times) -> None:
    found = times("The guns fell silent over Christmas, a truce that held.", "2026-01-10")
    assert [(t.text, t.value) for t in found] == [("Christmas", "2025-12-25")]


def test_a_second_before_a_noun_is_an_ordinal_not_a_duration(times: Times) -> None:
    text = "Officials feared a second wave of attacks, but the alarm lasted only a second."
    found = times(text)
    assert [(t.text, t.value) for t in found if t.type == "duration"] == [("a second", "PT1S")]
    assert one(found, "a second").start == text.rindex("a second")


def test_every_pattern_kind_has_a_resolver() -> None:
    from flashpoint.extractors.times import _RESOLVERS, _rules

    assert {rule.kind for rule in _rules()} == set(_RESOLVERS)


def test_a_time_word_inside_a_longer_word_is_no_time(times: Times) -> None:
    # Every alternative of a rule is bounded, not only its first and last ones.
    assert times("Crowds gathered in the afternoon and the mood felt like a nightmare.") == []
    assert times("The motif that yearns for home runs through the film.") == []
    assert times("A columnist for PoliticsDaily said the vote was close.") == []


def test_rules_without_cased_parts_match_the_lower_case_copy() -> None:
    # A rule that runs on the lower-case copy of the text must hold no upper-case
    # letter outside escapes and group names; one that needs case is marked cased.
    import re

    from flashpoint.extractors.times import _rules

    for rule in _rules():
        bare = re.sub(r"\\.|\(\?P<\w+>", "", rule.pattern.pattern)
        assert rule.cased == ("(?-i:" in rule.pattern.pattern), rule.kind
        if not rule.cased:
            assert not re.search("[A-Z]", bare), rule.kind


def test_the_week_of_a_news_report_is_the_report_s_week(times: Times) -> None:
    # a weekend named before does not pull "the week" back to its own week
    text = (
        "The talks collapsed last weekend. Three states that recalled their envoys"
        " during the week met again on Sunday."
    )
    found = times(text, "2012-02-12")
    assert one(found, "the week").value == "2012-W06"
    assert one(found, "last weekend").value == "2012-W05-WE"


def test_the_day_of_a_happening_ahead_of_the_act_is_the_coming_one(times: Times) -> None:
    # Monday 2024-03-11: the rally is tomorrow, not the Tuesday before
    found = times("Police sealed off the square ahead of Tuesday's rally.", "2024-03-11")
    assert one(found, "Tuesday").value == "2024-03-12"
    found = times("Troops are massing in the run-up to Sunday's referendum.", "2024-03-11")
    assert one(found, "Sunday").value == "2024-03-17"


def test_hours_ago_is_the_report_day(times: Times) -> None:
    found = times("Soldiers fired into the air outside the palace hours ago.", "2024-03-11")
    assert one(found, "hours ago").value == "2024-03-11"
    found = times("Soldiers fired into the air outside the palace two hours ago.", "2024-03-11")
    assert one(found, "two hours ago").value == "2024-03-11"


def test_earlier_in_the_day_is_the_report_day_or_the_day_told_before(times: Times) -> None:
    found = times("Earlier in the day, police arrested 20 activists.", "2011-02-01")
    assert one(found, "Earlier in the day").value == "2011-02-01"
    found = times("Crowds gathered on Friday. Later in the day, troops fired.", "2011-02-01")
    assert one(found, "Later in the day").value == "2011-01-28"
