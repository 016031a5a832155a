"""Dates of events on real news (issue 8): a day stated in the sentence but outside
the act's clause, a time of day as its day, and the day of a statement for the
verbal act it tells. Each rule with a contrast where it could overreach (a wrong
date is as bad as an empty one)."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report

Run = Callable[..., Report]


def _event(report: Report, trigger: str) -> Event:
    found = [e for e in report.events if e.trigger.text.startswith(trigger)]
    assert found, [(e.type, e.trigger.text) for e in report.events]
    return found[0]


def test_a_day_on_another_verb_of_the_sentence_dates_a_reported_act(run: Run) -> None:
    report = run(
        "BEIRUT (Reuters) - Rebels seized a checkpoint near Idlib on Monday.\nInside Syria,"
        " the fighting went on on Wednesday with state television reporting that gunmen"
        " had kidnapped 12 farmers near Hama.",
        "2012-05-17",
    )
    assert _event(report, "kidnapped").date == "2012-05-16"


def test_the_day_of_the_saying_does_not_date_the_scene_it_reports(run: Run) -> None:
    report = run(
        "Officials said on Tuesday that troops had arrested 30 men in Deraa.", "2012-05-23"
    )
    assert _event(report, "arrested").date is None


def test_a_present_participle_on_a_noun_shares_the_main_clause_day(run: Run) -> None:
    report = run(
        "Police fired on Friday on students taking part in a sit-in in Homs demanding the"
        " release of their teachers.",
        "2012-05-19",
    )
    assert _event(report, "demanding").date == "2012-05-18"


def test_a_past_participle_on_a_noun_keeps_no_day_of_the_sentence(run: Run) -> None:
    report = run(
        "Police arrested 20 mourners on Friday at the funeral of three journalists killed"
        " in Homs.",
        "2012-05-19",
    )
    killed = [e for e in report.events if e.trigger.text == "killed"]
    assert all(e.date != "2012-05-18" for e in killed)
    assert _event(report, "arrested").date == "2012-05-18"  # the main clause has its day


_LEAD = (
    "DAMASCUS (Reuters) - Syrian troops shelled Homs on Monday, activists said.\nThe army"
    " sent tanks into the city.\nRefugees crossed into Lebanon.\n"
)


def test_a_verbal_act_told_by_a_statement_takes_the_statement_day(run: Run) -> None:
    report = run(
        _LEAD + "The foreign ministry said on Sunday that the border would stay open.\nThe"
        " minister voiced concern, it said, and asked Beirut to close the crossings.",
        "2012-05-21",
    )
    assert _event(report, "asked").date == "2012-05-20"


def test_a_scene_after_a_statement_day_takes_no_day_from_it(run: Run) -> None:
    report = run(
        _LEAD + "Police said on Sunday that two bombs had gone off.\nGunmen killed three"
        " guards, it said.",
        "2012-05-21",
    )
    assert _event(report, "killed").date is None


def test_a_time_of_day_in_the_sentence_gives_its_day(run: Run) -> None:
    report = run(
        "There were more clashes on Tuesday evening, with activists saying troops had"
        " again stormed suburbs of the capital.",
        "2012-01-31",
    )
    assert _event(report, "stormed").date == "2012-01-31"


def test_an_act_with_a_bound_of_its_own_takes_no_day_from_the_sentence_before(
    run: Run,
) -> None:
    report = run(
        _LEAD + "Troops stormed the village of Tiba on Wednesday night.\nResidents said troops"
        " bombed the village until a week ago.",
        "2012-05-21",
    )
    assert _event(report, "stormed").date == "2012-05-16"
    assert _event(report, "bombed").date is None


def test_an_act_weeks_before_the_news_takes_no_day_from_the_sentence_before(run: Run) -> None:
    text = (
        "Last Friday, police arrested 20 protesters outside the embassy.\n"
        "The arrests come weeks after an exiled writer and city councillor, Omar Said, 52,"
        " was beaten up by two men outside his home."
    )
    report = run(text, "2012-02-07")
    beaten = next(e for e in report.events if e.trigger.text == "beaten")
    assert beaten.date != "2012-02-03"
    arrest = next(e for e in report.events if e.type == "COERCE")
    assert arrest.date == "2012-02-03"  # the sentence's own day still dates its act


def test_the_day_of_a_happening_the_act_came_ahead_of_is_not_its_date(run: Run) -> None:
    report = run(
        "CAIRO (Reuters) - Riot police sealed off Tahrir Square on Monday.\nThe authorities"
        " also shut down train services ahead of Tuesday's march on the capital.",
        "2011-01-31",
    )
    assert _event(report, "shut down").date != "2011-01-25"  # the Tuesday before
    assert _event(report, "shut down").date == "2011-01-31"  # the lead's day


def test_a_yearless_day_after_the_report_is_last_years_for_an_act_told_as_done(
    run: Run,
) -> None:
    report = run(
        "Security forces arrested 12 students in Aleppo on 20 March, their families said.",
        "2011-03-10",
    )
    assert _event(report, "arrested").date == "2010-03-20"
    near = run("Security forces arrested 12 students in Aleppo on 12 March.", "2011-03-10")
    assert _event(near, "arrested").date == "2011-03-12"  # a stored day may be late


def test_a_yearless_day_before_the_report_is_the_coming_one_for_a_planned_act(
    run: Run,
) -> None:
    report = run("The foreign minister is to visit Damascus on December 28.", "2011-03-10")
    assert _event(report, "visit").date == "2011-12-28"


def test_the_perfect_of_a_datelined_lead_is_the_report_day(run: Run) -> None:
    report = run(
        "AMMAN (Reuters) - Syrian troops have stormed the northern town of Tel Kalakh,"
        " residents said.",
        "2011-05-16",
    )
    assert _event(report, "stormed").date == "2011-05-16"
    past = run(
        "AMMAN (Reuters) - Syrian troops stormed the northern town of Tel Kalakh, residents"
        " said.",
        "2011-05-16",
    )
    assert _event(past, "stormed").date is None  # no day stated for a simple past
    since = run(
        "AMMAN (Reuters) - Syrian troops have arrested 400 people in Tel Kalakh since"
        " March, residents said.",
        "2011-05-16",
    )
    assert _event(since, "arrested").date is None  # the lead's own time, a bound


def test_an_act_of_hours_ago_is_of_the_report_day(run: Run) -> None:
    report = run(
        "Soldiers fired into the air to disperse a crowd outside the palace a few hours ago,"
        " a witness told us.",
        "2011-02-02",
    )
    assert _event(report, "fired").date == "2011-02-02"


def test_a_yearless_day_on_an_event_noun_keeps_the_year_before_a_present_report(
    run: Run,
) -> None:
    report = run(
        "Doctors say the congressman, among 13 survivors of a January 8 shooting in Tucson"
        " that killed six people, is making progress.",
        "2011-02-07",
    )
    assert _event(report, "shooting").date == "2011-01-08"


def test_a_sidebar_run_into_the_dateline_sentence_is_not_the_lead(run: Run) -> None:
    report = run(
        "Students have led protests in Tunisia and Egypt Cairo, Egypt (CNN) -- Thousands"
        " marched through the capital.",
        "2011-01-27",
    )
    assert all(e.date != "2011-01-27" for e in report.events if e.trigger.text == "protests")


def test_the_perfect_of_a_first_sentence_with_no_dateline_is_the_report_day(run: Run) -> None:
    report = run(
        "Turkey has recalled its ambassador from Damascus over the shelling of border"
        " villages.\nThe foreign ministry gave no further details.",
        "2012-06-27",
    )
    assert _event(report, "recalled").date == "2012-06-27"


def test_the_perfect_of_the_sentence_after_an_undated_lead_is_the_report_day(run: Run) -> None:
    report = run(
        "Fighting raged across the northern city of Aleppo.\nThe United Nations has urged"
        " both sides to let aid convoys reach the trapped families.",
        "2012-08-02",
    )
    assert _event(report, "urged").date == "2012-08-02"
    dated = run(
        "Fighting raged across the northern city of Aleppo on Tuesday.\nThe United Nations"
        " has urged both sides to let aid convoys reach the trapped families.",
        "2012-08-02",
    )
    assert _event(dated, "urged").date != "2012-08-02"  # the lead states its own day


def test_harm_in_the_perfect_on_a_page_with_no_dateline_keeps_no_report_day(
    run: Run,
) -> None:
    report = run(
        "Two children have been shot in the city in the past four days, police said.",
        "2015-03-02",
    )
    assert _event(report, "shot").date != "2015-03-02"


# A live blog, latest entry first; the page is stored under Thursday 2011-03-10.
_BLOG_WEEKDAY = (
    "Live updates from the capital.\n"
    "(Update 11:40 a.m. Friday in Tunis, 5:40 a.m. Friday ET) Soldiers freed 14 reporters"
    " held by plainclothes men near the ministry.\n"
    "(Update 9:05 p.m. Thursday in Tunis, 3:05 p.m. Thursday ET) Police arrested a union"
    " leader at his home, his lawyer said.\n"
)


def test_an_entry_takes_the_weekday_of_its_live_blog_stamp(run: Run) -> None:
    report = run(_BLOG_WEEKDAY, "2011-03-10")
    assert _event(report, "freed").date == "2011-03-11"  # the Friday after the stored day
    assert _event(report, "arrested").date == "2011-03-10"


def test_a_stamp_in_the_small_hours_gives_its_entry_no_day(run: Run) -> None:
    report = run(
        "Live updates from the capital.\n(Update 1:20 a.m. Friday in Tunis, 7:20 p.m."
        " Thursday ET) Police arrested a union leader at his home, his lawyer said.\n",
        "2011-03-10",
    )
    assert _event(report, "arrested").date is None  # may be Thursday night's


_BLOG_PLAIN = (
    "Live updates from the capital.\n"
    "(Update 6:10 p.m. in Tunis, 12:10 p.m. ET) Talks between the army and the unions"
    " began Saturday.\nThe prime minister is expected to speak to the nation.\n"
    "(Update 4:35 p.m. in Tunis, 10:35 a.m. ET) Protesters formed a human chain around"
    " the parliament building.\n"
    "(Update 2:15 p.m. in Tunis, 8:15 a.m. ET) Police fired tear gas at students on"
    " Saturday, witnesses said.\n"
)


def test_an_entry_between_two_entries_of_one_day_takes_that_day(run: Run) -> None:
    report = run(_BLOG_PLAIN, "2011-03-12")
    assert _event(report, "chain").date == "2011-03-12"


def test_an_entry_across_midnight_from_its_neighbours_gets_no_day(run: Run) -> None:
    report = run(_BLOG_PLAIN.replace("4:35 p.m.", "11:35 p.m."), "2011-03-12")
    assert _event(report, "chain").date is None


def test_the_weekday_after_a_blog_s_stored_day_is_the_next_day(run: Run) -> None:
    blog = (
        "Live updates from the capital.\n(Update 4:10 p.m. in Tunis, 10:10 a.m. ET) The"
        " interior minister met union leaders on Saturday, state TV said.\n"
    )
    assert _event(run(blog, "2011-03-11"), "met").date == "2011-03-12"  # stored Friday
    page = "The interior minister met union leaders on Saturday, state TV said.\n"
    assert _event(run(page, "2011-03-11"), "met").date == "2011-03-05"  # not a blog


def test_a_blog_entry_with_a_span_of_its_own_takes_no_stamp_day(run: Run) -> None:
    report = run(
        "Live updates.\n(Update 11:40 a.m. Friday in Tunis, 5:40 a.m. Friday ET) In recent"
        " weeks, thousands have taken to the streets in Algeria.\n",
        "2011-03-10",
    )
    assert _event(report, "taken").date is None


def test_a_day_to_come_does_not_set_a_blog_entry_s_day(run: Run) -> None:
    blog = _BLOG_PLAIN.replace(
        "(Update 4:35 p.m.",
        "(Update 5:20 p.m. in Tunis, 11:20 a.m. ET) The stock market will reopen on"
        " Monday, the finance minister said.\n(Update 4:35 p.m.",
    )
    assert _event(run(blog, "2011-03-12"), "chain").date == "2011-03-12"



def test_two_verbs_sharing_what_follows_share_its_time(run: Run) -> None:
    report = run(
        "The government, unsure of the rebels' strength, shelled and stormed the town of"
        " Kafr Nabl in March 2012, killing dozens of civilians.",
        "2013-06-10",
    )
    assert _event(report, "shelled").date == "2012-03"
    later = run(
        "Unsure of their strength, it shelled and stormed the town in March 2012, killing"
        " dozens; and fearing a revolt, the army arrested hundreds of students in Aleppo.",
        "2013-06-10",
    )
    assert _event(later, "shelled").date == "2012-03"  # a conjunct after the shared part
    own = run("Police detained 12 men in Homs and freed them in March 2011.", "2013-06-10")
    assert _event(own, "detained").date is None  # its own object and place: its own time


def test_an_act_done_by_a_part_of_a_day_is_of_that_day(run: Run) -> None:
    report = run(
        "Soldiers took up positions across the city, even as many police withdrew to their"
        " stations by Friday evening.\nBy Friday evening, police had withdrawn from the"
        " suburbs.\nPolice withdrew from the squares by Friday.",
        "2011-01-29",
    )
    withdrawals = [e.date for e in report.events if e.trigger.text.startswith("withdr")]
    assert withdrawals == ["2011-01-28", None, None]  # a state reached, a bare day: no day
