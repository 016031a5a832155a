"""Protests, agreements and diplomatic acts in real-news phrasing (issue 8, CASE 2021
groups): each phenomenon on a sentence written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.models import Event, Report


def _events(run: Callable[..., Report], text: str) -> list[Event]:
    return [e for e in run(text, "2019-03-04").events if e.modality != "negated"]


def _types(run: Callable[..., Report], text: str) -> set[str]:
    return {e.type for e in _events(run, text) if e.modality == "asserted"}


# --- protests ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # groups outside the first sector list: inmates, farmers
        "Inmates at the central prison protested after a fellow prisoner died.",
        "Hundreds of farmers took to the streets of Multan to denounce the new law.",
        # a hyphenated protest noun the parser splits ("sit" "-" "in")
        "Students staged a sit-in outside the parliament on Monday.",
        "Nurses went on strike across the province on Wednesday.",
        # the crowd named past its quantifiers ("tens of thousands of opponents")
        "Tens of thousands of opponents of the junta gathered on Sunday in towns across Mali.",
        "Protesters chanted slogans against the president outside the palace.",
        "Demonstrators shut down roads and bridges in the capital on Monday.",
        "Activists formed a human chain along the highway to protest the dam.",
        "Hundreds of demonstrators turned out in the capital to demand new elections.",
    ],
)
def test_protest_phrasings_are_protests(run: Callable[..., Report], text: str) -> None:
    assert "PROTEST" in _types(run, text)


@pytest.mark.parametrize(
    "text",
    [
        "The court ruling sparked protests in several cities.",  # caused
        "Protests erupted in the northern provinces after the vote.",  # occurred
        "The rally turned violent when police arrived.",
        "Police broke up a rally of opposition supporters in the capital.",  # acted on
        "Several students were detained during protests in the capital on Friday.",
    ],
)
def test_protest_nouns_reported_as_happening(run: Callable[..., Report], text: str) -> None:
    assert "PROTEST" in _types(run, text)


def test_protest_a_verdict_could_spark_is_not_asserted(run: Callable[..., Report]) -> None:
    events = [e for e in _events(run, "Analysts fear the verdict could spark protests.")]
    assert events and all(e.modality == "hypothetical" for e in events)


def test_strike_a_crowd_does_not_join_is_no_protest(run: Callable[..., Report]) -> None:
    assert "PROTEST" not in _types(run, "Air strikes went on through the night.")
    assert "PROTEST" not in _types(run, "Teachers turned out to be right about the budget.")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "Riot police used tear gas and water cannon against crowds of protesters.",
            "crowd-control",
        ),
        ("Police deployed tear gas to disperse the crowd outside the ministry.", "crowd-control"),
        ("A protester was pepper-sprayed by police near the summit venue.", "crowd-control"),
        ("Youths threw stones at police officers near the stadium.", None),
    ],
)
def test_force_at_a_protest_is_an_assault(
    run: Callable[..., Report], text: str, mode: str | None
) -> None:
    assaults = [e for e in _events(run, text) if e.type == "ASSAULT"]
    assert assaults and (mode is None or assaults[0].mode == mode)
    assert not [e for e in _events(run, text) if e.type == "MOBILIZE"]


def test_the_state_shutting_an_office_is_no_protest(run: Callable[..., Report]) -> None:
    types = _types(run, "The government shut down the embassy in Tripoli on Monday.")
    assert "PROTEST" not in types and "COERCE" in types


def test_a_protest_purpose_is_not_a_second_protest(run: Callable[..., Report]) -> None:
    text = "Opposition parties staged a general strike in protest at the arrest of activists."
    assert len([e for e in _events(run, text) if e.type == "PROTEST"]) == 1


# --- agreements ----------------------------------------------------------------


def test_prisoner_exchange_is_cooperation(run: Callable[..., Report]) -> None:
    text = "An official says the army has released 40 prisoners in exchange for nine hostages."
    events = _events(run, text)
    coop = [e for e in events if e.type == "COOPERATE"]
    assert coop and coop[0].source[0].name == "the army"
    assert any(e.type == "RETREAT" and e.mode == "release" for e in events)


def test_a_group_releasing_a_video_frees_no_one(run: Callable[..., Report]) -> None:
    assert _types(run, "Rebel fighters released a video of the attack on Monday.") <= {"ASSAULT"}


def test_prisoner_swap_said_to_have_taken_place(run: Callable[..., Report]) -> None:
    text = "A prisoner swap between the army and the rebels is said to have taken place."
    swap = next(e for e in _events(run, text) if e.type == "COOPERATE")
    # the word that picks the sense ("prisoner") is not a party; both sides act
    assert {p.name for p in swap.source} == {"the army", "the rebels"}


def test_signed_ceasefire_names_both_sides(run: Callable[..., Report]) -> None:
    text = "A ceasefire was signed between the army and the rebels on Monday."
    signed = [e for e in _events(run, text) if e.type == "SUPPORT"]  # CAMEO 057
    assert signed and {p.name for p in signed[0].target} == {"the army", "the rebels"}


def test_deal_between_named_parties_is_an_agreement(run: Callable[..., Report]) -> None:
    text = "The rebels struck a deal with the government on Tuesday."
    assert "AGREE" in _types(run, text)


def test_a_cause_a_verb_does_not_code_is_left_to_its_noun(run: Callable[..., Report]) -> None:
    text = (
        "Inspectors believe chlorine was used on Friday in a rebel attack on the town of Kafr Zita."
    )
    assert "ASSAULT" in _types(run, text)


# --- diplomacy -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The United States threw out two Russian diplomats on Monday.",
        "Two Iranian diplomats expelled by France left the country on Friday.",
        "The EU approved new sanctions on Iran on Monday.",
    ],
)
def test_expulsions_and_sanctions_are_sanctions(run: Callable[..., Report], text: str) -> None:
    events = [e for e in _events(run, text) if e.type in ("SANCTION", "COERCE")]
    assert events and events[0].type == "SANCTION"
