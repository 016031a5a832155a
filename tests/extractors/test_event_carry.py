"""Dates and places an event carries from the sentences before it (issue 8): Reuters
and BBC paragraphs are one sentence each, so the scene and its day are set by the
sentence before or by the lead. Each rule with its contrast where it could overreach."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.models import Event, Report

Run = Callable[..., Report]


def _event(report: Report, trigger: str) -> Event:
    found = [e for e in report.events if e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in report.events]
    return found[0]


def _place(report: Report, event: Event) -> str | None:
    return next((p.name for p in report.places if p.id == event.location), None)


# --- places ---------------------------------------------------------------------


def test_one_sentence_paragraphs_carry_the_place_of_the_sentence_before(run: Run) -> None:
    report = run(
        "BEIRUT (Reuters) - Thousands of mourners gathered for a funeral in the Mezzeh"
        " district of Damascus on Saturday.\nSecurity forces opened fire on the mourners,"
        " activists said.",
        "2012-02-19",
    )
    fired = _event(report, "opened fire")
    assert _place(report, fired) == "Damascus" and fired.place_reason == "paragraph"
    assert fired.date == "2012-02-18"  # the day of the sentence before


def test_the_lead_place_carries_while_no_sentence_names_another(run: Run) -> None:
    report = run(
        "AMMAN (Reuters) - Syrian forces shelled residential districts in Hama on Sunday,"
        " residents said.\nThe assault began at dawn, one resident said.\nTroops also"
        " arrested dozens of young men, activists said.",
        "2011-08-01",
    )
    arrested = _event(report, "arrested")
    assert arrested.place_reason == "paragraph" and _place(report, arrested) is not None


_NO_PLACE = {
    "a_sentence_about_another_country_stops_the_carry": (
        "AMMAN (Reuters) - Syrian forces shelled residential districts in Hama on Sunday."
        "\nThe Turkish foreign minister said in Ankara that his country was alarmed."
        "\nTroops also arrested dozens of young men, activists said.",
        "2011-08-01",
        "arrested",
    ),
    "two_places_before_leave_the_place_unknown": (
        "Protests were held in Homs and in Aleppo on Friday.\nSecurity forces arrested"
        " dozens of protesters, activists said.",
        "2012-03-03",
        "arrested",
    ),
    "a_paragraph_of_several_sentences_ends_at_its_line_break": (
        "Gunmen attacked a checkpoint in Homs on Sunday. Two soldiers were wounded.\n"
        "Elsewhere, troops arrested dozens of men, activists said.",
        "2012-03-05",
        "arrested",
    ),
    "the_capital_unnamed_in_the_story_stays_unknown": (
        "Rebels attacked army posts in the capital, activists said.",
        "2012-03-12",
        "attacked",
    ),
}


@pytest.mark.parametrize("case", list(_NO_PLACE), ids=list(_NO_PLACE))
def test_the_carry_stops(run: Run, case: str) -> None:
    # Another country's sentence, two places, the end of a paragraph of several
    # sentences, a capital the story never names: the place is left unknown.
    text, date, trigger = _NO_PLACE[case]
    assert _event(run(text, date), trigger).location is None


def test_a_statement_does_not_take_the_scene_of_the_sentence_before(run: Run) -> None:
    report = run(
        "Troops killed four people in Homs on Sunday.\nThe foreign ministry in London"
        " condemned the violence.\nThe French government condemned the killings.",
        "2012-03-05",
    )
    condemned = [e for e in report.events if e.trigger.text == "condemned"]
    assert condemned and all(e.place_reason != "paragraph" for e in condemned)


def test_the_capital_is_the_capital_the_story_names(run: Run) -> None:
    report = run(
        "Annan met officials in Damascus on Sunday.\nThe next day, rebels attacked army"
        " posts in the capital, activists said.",
        "2012-03-12",
    )
    attacked = _event(report, "attacked")
    assert _place(report, attacked) == "Damascus" and attacked.place_reason == "anaphora"


def test_the_area_is_the_one_town_named_before(run: Run) -> None:
    report = run(
        "Protesters rallied in Hama on Friday. Security forces opened fire in the area,"
        " killing two, a witness said.",
        "2011-07-02",
    )
    fired = _event(report, "opened fire")
    assert fired.place_reason == "anaphora" and fired.location is not None


def test_the_city_after_two_towns_stays_unknown(run: Run) -> None:
    report = run(
        "Protesters rallied in Aleppo and in Damascus on Friday. Security forces opened fire in"
        " the city, killing two, a witness said.",
        "2011-07-02",
    )
    assert _event(report, "opened fire").place_reason != "anaphora"


# --- dates ----------------------------------------------------------------------


def test_overnight_is_the_night_before_publication(run: Run) -> None:
    report = run("Troops shelled residential districts overnight, residents said.", "2012-02-07")
    shelled = _event(report, "shelled")
    assert (shelled.date, shelled.date_precision) == ("2012-02-06", "day")


def test_last_week_is_the_week_before_with_week_precision(run: Run) -> None:
    report = run("Gunmen killed three soldiers near Hama last week.", "2012-02-08")
    killed = _event(report, "killed")
    assert (killed.date, killed.date_precision) == ("2012-01-30", "week")


def test_a_time_of_day_gives_its_day(run: Run) -> None:
    report = run("Gunmen killed three soldiers near Hama on Saturday morning.", "2012-02-08")
    assert _event(report, "killed").date == "2012-02-04"


def test_a_perfect_tense_act_does_not_take_the_day_before(run: Run) -> None:
    report = run(
        "Talks were held in Geneva on Monday.\nThe envoy flew home.\nClashes broke out in"
        " Homs on Saturday, residents said.\nThe army has arrested hundreds of people,"
        " activists say.",
        "2012-02-06",
    )
    assert _event(report, "arrested").date is None


def test_parts_of_a_town_are_in_the_town(run: Run) -> None:
    report = run("Tanks shelled southern parts of Latakia on Sunday, residents said.", "2011-08-15")
    shelled = _event(report, "shelled")
    assert _place(report, shelled) == "Latakia" and shelled.place_reason == "clause"


def test_a_district_on_the_capitals_edge_is_in_the_capital(run: Run) -> None:
    report = run(
        "Annan arrived in Damascus on Thursday.\nFive people were shot dead in Mezzeh, on"
        " the capital's western edge, activists said.",
        "2012-02-17",
    )
    shot = _event(report, "shot")
    assert _place(report, shot) == "Damascus" and shot.place_reason == "anaphora"


def test_a_reported_past_perfect_takes_the_day_before(run: Run) -> None:
    report = run(
        "Talks were held in Geneva on Monday.\nThe envoy flew home.\nOn Friday, thousands"
        " took to the streets after prayers.\nActivists said the protesters had come under"
        " attack from security forces.",
        "2012-02-18",
    )
    attacks = [e for e in report.events if e.type == "ASSAULT"]
    assert attacks and attacks[0].date == "2012-02-17"


def test_the_syrian_capital_is_damascus_whatever_else_the_sentence_names(run: Run) -> None:
    report = run(
        "Papers in Turkey doubted the talks. Lavrov met Assad in Damascus on Tuesday.\n"
        "Lavrov also met Syrian opposition figures in the Syrian capital, Turkish papers said.",
        "2012-02-08",
    )
    met = [e for e in report.events if e.trigger.text == "met"]
    assert met and _place(report, met[-1]) == "Damascus"


def test_last_week_opening_the_sentence_dates_its_act(run: Run) -> None:
    report = run("Last week, gunmen attacked a checkpoint near Hama.", "2012-02-13")
    attacked = _event(report, "attacked")
    assert (attacked.date, attacked.date_precision) == ("2012-02-06", "week")


def test_an_unknown_town_in_the_sentence_stops_the_carry(run: Run) -> None:
    report = run(
        "She settled in Iraq in 2014.\nHer husband was killed in the town of Qaryatayn"
        " soon afterwards, relatives said.",
        "2019-02-17",
    )
    assert _event(report, "killed").place_reason != "paragraph"


def test_a_perfect_toll_takes_no_place_from_the_sentence_before(run: Run) -> None:
    report = run(
        "Qatar closed its embassy in Damascus on Monday.\nSyrian troops have killed more"
        " than 1,400 civilians, rights groups say.",
        "2011-07-19",
    )
    killed = _event(report, "killed")
    assert killed.place_reason != "paragraph"


def test_sanctions_take_no_place_from_the_lead(run: Run) -> None:
    report = run(
        "TRIPOLI (Reuters) - NATO ruled out military intervention in Syria on Monday.\n"
        "Western powers tightened sanctions on the government, officials said.",
        "2011-10-31",
    )
    assert all(e.place_reason != "paragraph" for e in report.events if e.type == "SANCTION")


def test_an_act_in_a_relative_clause_takes_no_day_from_the_sentence_before(run: Run) -> None:
    report = run(
        "Talks were held in Geneva on Monday.\nThe envoy flew home.\nThe UN published its"
        " report on Wednesday.\nThe number of civilians whom suicide bombers killed rose"
        " by half.",
        "2011-07-14",
    )
    killed = [e for e in report.events if e.trigger.text == "killed"]
    assert all(e.date != "2011-07-13" for e in killed)


def test_a_place_of_another_happening_abroad_is_not_the_events(run: Run) -> None:
    report = run(
        "Troops shelled Homs on Sunday. Syria has been in turmoil for a year, and Damascus"
        " blames armed gangs. The demonstrations began shortly after anti-government"
        " uprisings in Tunisia and Egypt.",
        "2012-02-06",
    )
    demos = [e for e in report.events if e.trigger.text == "demonstrations"]
    assert demos and all(_place(report, e) not in ("Tunisia", "Egypt") for e in demos)


def test_after_prayers_in_a_home_town_is_still_where(run: Run) -> None:
    report = run("Troops opened fire after prayers in Hama on Friday.", "2012-02-06")
    assert _event(report, "opened fire").location is not None


def test_a_statement_about_a_bombing_does_not_take_its_day_or_place(run: Run) -> None:
    report = run("The UN condemned Tuesday's bombing of the convoy near Homs.", "2012-02-08")
    condemned = _event(report, "condemned")
    assert condemned.date is None and condemned.location is None
    bombing = _event(report, "bombing")
    assert bombing.date == "2012-02-07" and bombing.location is not None


def test_a_call_to_boycott_a_vote_does_not_take_the_votes_day(run: Run) -> None:
    report = run(
        "The opposition called for a boycott of Sunday's referendum on the constitution.",
        "2012-02-18",
    )
    assert _event(report, "called for").date != "2012-02-19"


def test_an_attack_keeps_the_day_of_its_own_attack_noun(run: Run) -> None:
    report = run(
        "Troops killed five people in an attack on a checkpoint near Hama on Tuesday.",
        "2012-02-08",
    )
    assert _event(report, "killed").date == "2012-02-07"


def test_an_offer_during_a_call_takes_the_calls_day(run: Run) -> None:
    report = run(
        "Officials said the president offered his rival safe passage during a call on November 21.",
        "2025-12-01",
    )
    assert _event(report, "offered").date == "2025-11-21"


def test_a_hosted_conference_is_where_the_hosting_was(run: Run) -> None:
    report = run(
        "Earlier this month, Turkey hosted a conference of Syrian opposition figures in the"
        " city of Antalya.",
        "2011-06-26",
    )
    hosted = _event(report, "hosted")
    assert _place(report, hosted) == "Antalya"


def test_a_reporters_place_abroad_is_not_carried(run: Run) -> None:
    report = run(
        "AMMAN (Reuters) - Rebels held several districts in Aleppo on Thursday.\nThe east of"
        " the city came under heavy shelling, the BBC's correspondent in neighbouring"
        " Lebanon said.\nState television reported clashes there too.\nDozens of rebels"
        " were killed, it said.",
        "2012-08-09",
    )
    killed = _event(report, "killed")
    assert _place(report, killed) != "Lebanon"


def test_a_weekend_after_the_report_does_not_date_a_past_attack(run: Run) -> None:
    report = run(
        "The moves follow attacks on Turkish missions in Damascus by supporters of the"
        " president at the weekend.",
        "2011-11-15",
    )
    attacks = [e for e in report.events if e.trigger.text == "attacks"]
    assert attacks and all(e.date is None or e.date < "2011-11-14" for e in attacks)


def test_the_day_a_statement_was_made_is_not_carried(run: Run) -> None:
    report = run(
        "Talks were held in Geneva on Monday.\nThe envoy flew home.\nPolice said on Tuesday"
        " that they had found the car.\nA man shot two officers outside a bar.",
        "2014-05-08",
    )
    assert _event(report, "shot").date != "2014-05-06"


def test_an_attacked_town_is_where_the_attack_was(run: Run) -> None:
    # The clause names no place of its own: the town attacked is where it happened.
    report = run("Militants attacked Mosul on Friday, officials said.", "2015-03-07")
    attacked = _event(report, "attacked")
    assert _place(report, attacked) == "Mosul" and attacked.place_reason == "target"
    # Two towns attacked: which one the clause means is not known, so no place.
    both = run("Militants attacked Mosul and Tikrit on Friday, officials said.", "2015-03-07")
    assert _event(both, "attacked").place_reason != "target"
