"""Victims, bystanders and places coded as doers (the tenth judged reading, issue 8):
the subject of a leading "as" clause the parser took for the main one, a town named
before an attack noun, and the victim of an act noun a "which" clause hangs on. Each
rule on a news-style sentence written here, with the contrast it must not overreach
into. No doer beats a wrong one."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report

PUBLISHED = "2014-07-21"


def _on(report: Report, word: str) -> list[Event]:
    return [e for e in report.events if e.trigger.text.split()[0] == word]


def _names(event: Event) -> list[str]:
    return [p.name for p in event.source]


# --- onlookers of a leading "as" clause taken for the main clause ------------------


def test_onlookers_of_a_misparsed_as_clause_are_not_the_bomber(
    run: Callable[..., Report],
) -> None:
    report = run(
        "As dozens of residents survey damage left by the earlier explosion, a bomber in a"
        " van drives into the crowd and blows himself up.",
        PUBLISHED,
    )
    blast = _on(report, "blows")
    assert blast and _names(blast[0]) == []


def test_a_verb_coordinated_with_a_real_main_clause_keeps_its_subject(
    run: Callable[..., Report],
) -> None:
    report = run(
        "When police arrived, soldiers fired tear gas at the crowd and arrested dozens of"
        " protesters.",
        PUBLISHED,
    )
    arrest = _on(report, "arrested")
    assert arrest and _names(arrest[0]) == ["soldiers"]


# --- a town before an attack noun is where, not who --------------------------------


def test_a_town_before_an_attack_noun_is_not_its_doer(run: Callable[..., Report]) -> None:
    report = run("The Baghdad market attack killed 30 people on Tuesday.", PUBLISHED)
    killed = _on(report, "killed")
    assert killed and _names(killed[0]) == []


def test_a_country_before_an_attack_noun_stays_its_doer(run: Callable[..., Report]) -> None:
    report = run("US air strikes killed 12 militants near the border.", PUBLISHED)
    killed = _on(report, "killed")
    assert killed and _names(killed[0]) == ["US"]


# --- the victim of an act noun a "which" clause hangs on ---------------------------


def test_the_downed_aircraft_is_not_the_doer_of_the_which_clause(
    run: Callable[..., Report],
) -> None:
    report = run(
        "The channel aired a video that claims to show the shooting down of a NATO Chinook"
        " in Helmand, which killed 12 soldiers.",
        PUBLISHED,
    )
    killed = _on(report, "killed")
    assert killed and _names(killed[0]) == []


def test_a_which_clause_on_a_plain_noun_keeps_its_antecedent(
    run: Callable[..., Report],
) -> None:
    report = run(
        "Witnesses described a convoy of armed men, which attacked the village at dawn.",
        PUBLISHED,
    )
    attacked = _on(report, "attacked")
    assert attacked and _names(attacked[0]) == ["armed men"]


# --- what moved an act is not its doer ----------------------------------------------


def test_the_cause_in_a_by_phrase_is_not_the_doer(run: Callable[..., Report]) -> None:
    report = run(
        "In recent weeks, protests inspired by the Tunisian uprising have spread to Algeria"
        " and Jordan.",
        PUBLISHED,
    )
    protests = _on(report, "protests")
    assert protests and _names(protests[0]) == []


def test_those_attending_in_a_by_phrase_stay_the_doers(run: Callable[..., Report]) -> None:
    report = run("A rally attended by thousands of students took place in Algiers.", PUBLISHED)
    rally = _on(report, "rally")
    assert rally and _names(rally[0]) == ["thousands of students"]


# --- a meeting's partner is not its doer when the subject codes as no party ----------


def test_the_partner_alone_is_not_the_doer_of_a_meeting(run: Callable[..., Report]) -> None:
    report = run("The man in charge of the talks met with rebel leaders on Sunday.", PUBLISHED)
    met = _on(report, "met")
    assert met and _names(met[0]) == []
    assert [p.name for p in met[0].target] == ["rebel leaders"]


def test_both_named_sides_of_a_meeting_are_doers(run: Callable[..., Report]) -> None:
    report = run("The prime minister met with rebel leaders on Sunday.", PUBLISHED)
    met = _on(report, "met")
    assert met and _names(met[0]) == ["The prime minister", "rebel leaders"]


# --- acts grouped into a run take the doer of the run -------------------------------


def test_a_series_of_attacks_has_the_launchers_as_doers(run: Callable[..., Report]) -> None:
    report = run("Rebels launched a series of attacks on army posts on Sunday.", PUBLISHED)
    attacks = _on(report, "attacks")
    assert attacks and _names(attacks[0]) == ["Rebels"]


def test_a_toll_in_a_wave_of_attacks_has_their_doer(run: Callable[..., Report]) -> None:
    report = run(
        "Insurgents ended a brief spell of calm with a wave of attacks in which at least 19"
        " people were killed.",
        PUBLISHED,
    )
    killed = _on(report, "killed")
    assert killed and _names(killed[0]) == ["Insurgents"]


def test_a_wave_of_anger_is_not_a_run_of_acts(run: Callable[..., Report]) -> None:
    report = run("The killings set off a wave of anger among residents.", PUBLISHED)
    assert all(_names(e) != ["residents"] for e in report.events)


# --- a review or a culture page tells no happenings ---------------------------------

REVIEW = (
    "The Long Road Home, the new film from the director of two war documentaries, is a"
    " thriller that never finds its audience.\n"
    "The novel it is adapted from had more to say, and the actors seem lost in the plot.\n"
)


def test_a_killing_in_a_film_plot_is_not_an_event(run: Callable[..., Report]) -> None:
    text = REVIEW + "In the last reel, a sniper shoots the hero's brother outside a mosque.\n"
    assert not _on(run(text, PUBLISHED), "shoots")


def test_a_state_act_told_on_a_culture_page_stays(run: Callable[..., Report]) -> None:
    text = REVIEW + "Police arrested the film's producer in Cairo on Sunday.\n"
    assert _on(run(text, PUBLISHED), "arrested")


def test_a_news_story_naming_a_film_keeps_its_events(run: Callable[..., Report]) -> None:
    text = (
        "Gunmen shot dead two men outside a cinema in Karachi on Sunday, police said.\n"
        "The cinema had been showing a film about the city's gangs.\n"
    )
    assert _on(run(text, PUBLISHED), "shot")


# --- "meet the aspirations of the people" is no meeting -----------------------------


def test_meeting_aspirations_is_no_meeting(run: Callable[..., Report]) -> None:
    report = run(
        "Any transition must be orderly and must meet the legitimate aspirations of the"
        " Syrian people, the envoy said.",
        PUBLISHED,
    )
    assert not [e for e in report.events if e.type == "CONSULT"]
