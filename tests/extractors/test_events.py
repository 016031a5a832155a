"""Events: PLOVER types, who did what to whom, modality, dates, figures, evidence.

The sentences are written for these tests; the seed report is read at run time.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.extractors.events.lexicon import lexicon, old_names, plover_types
from flashpoint.models import Event, Report

Run = Callable[..., Report]


def only(report: Report, kind: str) -> Event:
    found = [e for e in report.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in report.events]
    return found[0]


def test_attack_with_casualties_date_and_place(run: Run) -> None:
    report = run(
        "Rebel fighters attacked an army base near Kandahar on Tuesday, killing at least"
        " 12 soldiers.",
        "2024-03-13",
    )
    event = only(report, "ASSAULT")
    assert event.trigger.text == "attacked"
    assert event.source[0].sector == "REB"
    assert event.quad == "material_conflict" and event.intensity < -5
    assert event.date == "2024-03-12" and event.date_precision == "day"
    dead = [f for f in event.figures if f.kind == "dead"]
    assert dead and dead[0].value == 12 and dead[0].qualifier == "at_least"
    assert event.location in {p.id for p in report.places}
    text = report.document.text
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert text[event.sentence.start : event.sentence.end] == event.sentence.text


def test_passive_agent_is_the_source(run: Run) -> None:
    event = only(run("Two journalists were arrested by police in Minsk on Friday."), "COERCE")
    assert event.mode == "arrest"
    assert event.source[0].sector == "COP"
    assert "journalists" in event.target[0].name
    assert event.date == "2024-03-08"


def test_negated_event(run: Run) -> None:
    event = only(run("The army did not attack the town."), "ASSAULT")
    assert event.modality == "negated"


def test_threat_is_coded_as_threaten_not_as_the_act(run: Run) -> None:
    report = run("Iran threatened to close the Strait of Hormuz to oil tankers.")
    event = only(report, "THREATEN")
    assert event.source[0].country == "IRN"
    assert event.mode == "restrict"
    assert not [e for e in report.events if e.type == "COERCE"]


def test_refusal_and_request_frames(run: Run) -> None:
    reject = only(run("The government refused to release the prisoners."), "REJECT")
    assert reject.source[0].sector == "GOV"
    request = only(
        run("The European Union urged Russia to withdraw its troops from the region."), "REQUEST"
    )
    assert request.target[0].country == "RUS"
    assert request.mode == "yield"


def test_a_statement_that_someone_must_act_is_a_request(run: Run) -> None:
    report = run("Germany said Iran must release the detained sailors.")
    event = only(report, "REQUEST")
    assert event.source[0].country == "DEU" and event.target[0].country == "IRN"
    assert not [e for e in report.events if e.type == "RETREAT"]


def test_speech_and_quotes_are_not_events(run: Run) -> None:
    assert run('"Our people want peace and nothing else," the minister said.').events == []
    calls = run("The president repeated his calls for peace at a news conference.")
    assert not [e for e in calls.events if e.type in ("AGREE", "ASSAULT")]


def test_hypothetical_nominal_event(run: Run) -> None:
    event = only(run("Residents fear a possible attack by the rebels on the capital."), "ASSAULT")
    assert event.modality == "hypothetical"
    assert event.source[0].sector == "REB"


def test_meeting_codes_both_parties_as_sources(run: Run) -> None:
    report = run(
        "Chinese President Xi Jinping met with French President Emmanuel Macron in Beijing"
        " on Monday."
    )
    event = only(report, "CONSULT")
    assert {p.country for p in event.source} == {"CHN", "FRA"}
    assert event.target == []
    assert event.date == "2024-03-11"


def test_reported_event_links_its_claim(run: Run) -> None:
    report = run("Police killed three protesters in Lagos, a rights group said.")
    event = only(report, "ASSAULT")
    assert event.source[0].sector == "COP"
    assert event.target[0].sector == "CVL"
    assert event.attribution is not None
    assert event.attribution in {c.id for c in report.claims} | {q.id for q in report.quotes}


def test_crowd_protest(run: Run) -> None:
    event = only(
        run("Thousands of protesters rallied in Nairobi on Saturday against the new tax law."),
        "PROTEST",
    )
    assert event.source[0].sector == "CVL"
    assert event.date == "2024-03-09"


def test_lexicon_is_consistent_with_plover() -> None:
    types = plover_types()
    assert len(types) == 16
    assert all(-10 <= t.intensity <= 10 for t in types.values())
    lex = lexicon()
    senses = [s for group in (lex.verbs, lex.nouns) for ss in group.values() for s in ss]
    senses += [s for table in lex.phrasal.values() for ss in table.values() for s in ss]
    for sense in senses:
        assert sense.type in types
        assert sense.mode is None or sense.mode in types[sense.type].modes, sense
        assert all(isinstance(role, str) for role in sense.target), sense
    assert old_names()["FIGHT"] == "ASSAULT" and old_names()["DOCUMENT"] is None


# --- the seed report --------------------------------------------------------------


def events_of(report: Report, kind: str) -> list[Event]:
    return [e for e in report.events if e.type == kind]


def test_seed_accusation(seed_report: Report) -> None:
    accuse = [
        e
        for e in events_of(seed_report, "ACCUSE")
        if any(p.country == "VEN" for p in e.source) and any(p.country == "USA" for p in e.target)
    ]
    assert accuse and accuse[0].date == "2025-12-01"


def test_seed_rally_call_and_strikes(seed_report: Report) -> None:
    rally = events_of(seed_report, "PROTEST")
    assert rally and rally[0].source[0].sector == "CVL" and rally[0].source[0].country == "VEN"
    assert rally[0].date == "2025-12-01"
    call = [e for e in events_of(seed_report, "CONSULT") if e.mode == "phone"]
    assert call and {p.country for p in call[0].source} == {"USA", "VEN"}
    assert call[0].date == "2025-11-21"
    strikes = [e for e in events_of(seed_report, "ASSAULT") if e.modality == "asserted"]
    assert any(f.kind == "dead" and f.value == 83 for e in strikes for f in e.figures)
    assert all(p.country == "USA" for e in strikes for p in e.source)


def test_seed_nothing_absurd(seed_report: Report) -> None:
    text = seed_report.document.text
    for event in seed_report.events:
        word = event.trigger.text.lower()
        assert not word.startswith(("said", "say", "peace", "call for")), event
        assert event.source or event.target
    # "calls for peace" is not an agreement; the quotes hold no asserted assault.
    assert not [e for e in seed_report.events if e.type == "AGREE" and "peace" in e.sentence.text]
    quoted = [(q.start, q.end) for q in seed_report.quotes]
    for event in events_of(seed_report, "ASSAULT"):
        inside = any(s <= event.trigger.start < e for s, e in quoted)
        assert not inside or event.modality != "asserted", text[event.trigger.start :]


@pytest.mark.parametrize("kind", ["MOBILIZE", "COERCE"])
def test_seed_material_moves_have_us_sources(seed_report: Report, kind: str) -> None:
    found = [e for e in events_of(seed_report, kind) if e.date or e.figures]
    assert found
    assert any(p.country == "USA" for e in found for p in e.source)


def test_unframed_target_is_the_named_party_in_the_act(run: Run) -> None:
    # "lift" frames no target role: the party the curfew weighs on is the target
    event = only(run("Kenya's government lifted a curfew on Somali traders in Mandera."), "CONCEDE")
    assert "Somali" in event.target[0].name and event.target[0].country == "SOM"


def test_threat_target_is_who_its_condition_asks_to_act(run: Run) -> None:
    report = run("Striking miners threatened to block the highway unless Chile raised wages.")
    event = only(report, "THREATEN")
    assert [p.country for p in event.target] == ["CHL"]


def test_target_search_skips_circumstances(run: Run) -> None:
    # "despite" names the circumstance, not the one the refusal is aimed at
    event = only(
        run("Peru refused to extradite the banker despite pressure from Brazil."), "REJECT"
    )
    assert all(p.country != "BRA" for p in event.target)


def test_doerless_event_in_a_relative_clause_is_background(run: Run) -> None:
    report = run("Serbia eased a curfew in Pristina, where nine people were killed in March.")
    assert [e.type for e in report.events] == ["CONCEDE"]


def test_statement_issuer_is_the_source_of_its_demand(run: Run) -> None:
    report = run("The Kurdish party issued a statement demanding that Syria free its members.")
    event = only(report, "REQUEST")
    assert "Kurdish party" in event.source[0].name
    assert [p.country for p in event.target] == ["SYR"]


def test_halting_aid_is_a_sanction(run: Run) -> None:
    event = only(run("Japan halted economic aid to Myanmar on Monday."), "SANCTION")
    assert event.mode == "discontinue" and event.target[0].country == "MMR"


def test_purpose_of_a_protest_is_its_aim_not_a_second_event(run: Run) -> None:
    report = run(
        "Thousands of students staged demonstrations in Jakarta to demand the resignation"
        " of the president."
    )
    assert [e.type for e in report.events] == ["PROTEST"]
    assert "president" in report.events[0].target[0].name


def test_attack_noun_naming_the_verbs_act_is_not_a_second_event(run: Run) -> None:
    report = run("Rebels wounded three Nigerian soldiers in a bomb attack on Friday.")
    event = only(report, "ASSAULT")
    assert event.target[0].country == "NGA"


def test_place_is_the_last_resort_target(run: Run) -> None:
    report = run("Kenya's opposition leaders agreed to postpone their march in Nairobi.")
    event = only(report, "AGREE")
    assert [p.name for p in event.target] == ["Nairobi"]


def test_reason_given_is_not_the_target(run: Run) -> None:
    report = run("The Polish government refused to join the mission, citing Hungarian opposition.")
    event = only(report, "REJECT")
    assert all(p.country != "HUN" for p in event.target)


def test_strengthening_forces_is_mobilization(run: Run) -> None:
    event = only(run("Israel has strengthened its forces in Lebanon."), "MOBILIZE")
    assert event.source[0].country == "ISR"


def test_conjoined_verb_after_a_passive_shares_its_patient(run: Run) -> None:
    report = run("The mayor of Lagos was charged by prosecutors on Monday and will resign.")
    event = only(report, "AGREE")  # a stated intention to resign
    assert "mayor" in event.source[0].name


def test_participle_clause_takes_the_date_of_its_main_clause(run: Callable[..., Report]) -> None:
    text = (
        "Rival militias exchanged heavy fire near the border crossing on Thursday, "
        "killing at least nine soldiers."
    )
    (event,) = run(text, "2024-03-13").events
    assert (event.type, event.trigger.text) == ("ASSAULT", "killing")
    assert (event.date, event.date_precision) == ("2024-03-07", "day")


def test_a_vote_against_a_text_is_its_rejection(run: Run) -> None:
    report = run("Russia and China voted against the resolution in the assembly on Thursday.",
                 "2024-03-16")  # fmt: skip
    event = only(report, "REJECT")
    assert event.trigger.text == "voted"
    assert {p.country for p in event.source} == {"RUS", "CHN"}
    assert event.date == "2024-03-14"
    # a vote for a party is no event
    assert not run("Most residents voted for the ruling party.", "2024-03-16").events


def test_each_victim_of_a_list_is_one_dead(run: Run) -> None:
    def dead(text: str) -> list[float]:
        event = only(run(text, "2031-06-11"), "ASSAULT")
        return [f.value for f in event.figures if f.kind == "dead"]

    assert dead("Gunmen killed a policeman and his son in Mosul on Monday.") == [2]
    assert dead("Anna Brel of the Harbour Post and Dutch cameraman Piet Smit were killed.") == [2]
    assert dead("A sniper killed a nurse.") == [1]
    assert dead("Troops killed the mayor.") == []  # one, but maybe an office: no count
