"""Places of the event's own scene (issue 8): a place told for another deed, a
description of a town, movements from and to a place, sites named by their town."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report

Run = Callable[..., Report]


def _place(report: Report, event: Event) -> str | None:
    return next((p.name for p in report.places if p.id == event.location), None)


def _event(report: Report, kind: str) -> Event:
    return next(e for e in report.events if e.type == kind)


def test_a_country_after_outside_is_not_the_scene(run: Run) -> None:
    report = run("Exiled activists staged protests outside Syria on Friday, organisers said.")
    assert _event(report, "PROTEST").location is None


def test_the_place_of_the_deed_a_sentence_is_for(run: Run) -> None:
    report = run(
        "A court martial sentenced a British soldier to life in prison on Friday for the"
        " murder of a teenager in Basra."
    )
    assert _event(report, "SANCTION").location is None


def test_the_place_of_the_uprising_a_protest_is_inspired_by(run: Run) -> None:
    report = run("Students marched on Friday in rallies inspired by the revolt in Tunisia.")
    assert _event(report, "PROTEST").location is None


def test_a_withdrawal_is_placed_where_the_troops_left(run: Run) -> None:
    report = run("Government troops withdrew from the town of Rastan on Monday, residents said.")
    event = _event(report, "RETREAT")
    assert _place(report, event) == "Ar Rastan" and event.place_reason == "target"


def test_a_pull_out_of_a_country(run: Run) -> None:
    report = run("Spain pulled its last soldiers out of Iraq in May, the ministry said.")
    assert _place(report, _event(report, "RETREAT")) == "Iraq"


def test_a_deployment_is_placed_where_the_troops_went(run: Run) -> None:
    report = run("The army deployed tanks and armoured vehicles to Hama on Sunday.")
    assert _place(report, _event(report, "MOBILIZE")) == "Ḩamāh"


def test_envoys_recalled_from_a_capital(run: Run) -> None:
    report = run("Three Gulf states recalled their ambassadors from Damascus on Monday.")
    assert _place(report, _event(report, "SANCTION")) == "Damascus"


def test_a_town_naming_the_building_an_act_is_done_to(run: Run) -> None:
    report = run("Iran shut down the Tehran offices of the satellite channel on Sunday.")
    event = _event(report, "COERCE")
    assert _place(report, event) == "Tehran" and event.place_precision == "town"


def test_a_country_naming_a_building_is_its_owner(run: Run) -> None:
    report = run("Protesters stormed the Damascus embassy of Qatar on Saturday.")
    assert _place(report, _event(report, "ASSAULT")) == "Damascus"
    report = run("Students stormed the British embassy on Saturday.")
    assert _event(report, "ASSAULT").location is None


def test_a_description_of_the_town_attacked_is_not_the_scene(run: Run) -> None:
    report = run("Syrian troops stormed Rastan, a town near Homs, on Sunday.")
    assert _place(report, _event(report, "ASSAULT")) == "Ar Rastan"


def test_what_goes_on_in_a_place_visited_is_not_the_visit_scene(run: Run) -> None:
    report = run(
        "The envoy spoke during a visit to Jordan, where he was attending a conference on"
        " refugees in Lebanon."
    )
    assert _place(report, _event(report, "CONSULT")) == "Jordan"


def test_an_act_in_a_where_clause_on_a_town(run: Run) -> None:
    report = run("Residents fled the Syrian town of Rastan, where troops killed 12 people.")
    event = _event(report, "ASSAULT")
    assert _place(report, event) == "Ar Rastan" and event.place_reason == "clause"


def test_the_city_of_a_town_shelled_is_where(run: Run) -> None:
    report = run("Government forces shelled the city of Homs on Sunday, activists said.")
    event = _event(report, "ASSAULT")
    assert _place(report, event) == "Homs" and event.place_reason == "target"


def test_a_statement_on_violence_elsewhere_is_not_placed_there(run: Run) -> None:
    report = run("Britain's foreign secretary condemned the violence in Hama on Monday.")
    assert _event(report, "ACCUSE").location is None


def test_a_town_of_the_country_named_on_the_way_lets_the_country_carry(run: Run) -> None:
    report = run(
        "Syrian security forces fired on crowds in Syria on Friday, activists said.\n"
        "Damascus has blamed armed gangs for the unrest.\n"
        "Four people were killed, a rights group said."
    )
    killed = next(e for e in report.events if e.trigger.text == "killed")
    assert _place(report, killed) == "Syria" and killed.place_reason == "paragraph"


def test_a_small_town_from_the_towns_file(run: Run) -> None:
    report = run(
        "Kurdish-led fighters shelled Islamic State positions in Baghuz, eastern Syria, on Sunday."
    )
    event = _event(report, "ASSAULT")
    assert _place(report, event) == "Baghuz" and event.place_precision == "town"


def test_the_towns_file_town_does_not_stop_the_country_carry(run: Run) -> None:
    report = run(
        "Islamic State snipers shot at families fleeing the last enclave in Syria on"
        " Monday, a coalition spokesman said.\n"
        "A few hundred fighters remain dug into the centre of Baghuz, he said.\n"
        "Two children were wounded, he added."
    )
    wounded = next(e for e in report.events if e.trigger.text == "wounded")
    assert _place(report, wounded) == "Syria"


def test_a_state_police_act_at_home_in_a_story_about_another_country(run: Run) -> None:
    report = run(
        "Syrian troops shelled Homs on Monday, killing 12 people in Syria.\n"
        "Egyptian police arrested 30 activists on Tuesday, a rights group said.\n"
        "Egypt has condemned the killings."
    )
    arrest = _event(report, "COERCE")
    assert _place(report, arrest) == "Egypt" and arrest.place_reason == "own_country"


def test_a_list_of_countries_places_none_of_them(run: Run) -> None:
    report = run("Protests broke out in Algeria and Yemen on Friday, witnesses said.")
    assert _event(report, "PROTEST").location is None


def test_a_where_clause_on_two_countries_places_neither(run: Run) -> None:
    report = run("Unlike Tunisia and Egypt, where crowds marched to oust their rulers, Syria held.")
    assert _event(report, "PROTEST").location is None


def test_a_deployment_to_two_places_is_not_placed_in_one(run: Run) -> None:
    report = run("The army sent tanks into Hama and two suburbs of Damascus on Monday.")
    assert _event(report, "MOBILIZE").location is None


def test_a_scene_given_only_a_bearing_from_a_town_is_in_its_country(run: Run) -> None:
    report = run(
        "Iraq's health ministry gave the toll. At least 30 people were killed on Monday"
        " when a car bomb exploded at a market in a farming town south of Baghdad."
    )
    event = _event(report, "ASSAULT")
    assert _place(report, event) == "Iraq" and event.place_precision == "country"
    assert event.place_reason == "bearing"


def test_a_bearing_town_is_not_the_scene_of_an_arrest(run: Run) -> None:
    report = run(
        "Egypt's army stayed in its barracks. Police arrested a blogger on Friday in a"
        " village north of Alexandria, his lawyer said."
    )
    assert _place(report, _event(report, "COERCE")) == "Egypt"


def test_a_bearing_told_of_an_earlier_act_does_not_place_the_event(run: Run) -> None:
    report = run(
        "Iraq's health ministry gave the toll. Hundreds of mourners marched in Mosul on"
        " Friday after gunmen killed a cleric in a village east of Tikrit."
    )
    assert _place(report, _event(report, "PROTEST")) == "Mosul"


def test_a_place_naming_the_topic_of_a_noun_is_no_scene(run: Run) -> None:
    report = run(
        "Egypt's army stayed in its barracks. The envoy urged the president to step"
        " aside, a sharp turn for an ally in the Middle East peace process."
    )
    assert _event(report, "REQUEST").location is None


def test_the_crisis_a_briefing_is_on_does_not_place_the_request(run: Run) -> None:
    report = run(
        "The president has requested hourly briefings on the worsening crisis in Yemen,"
        " his spokesman said Friday."
    )
    assert _event(report, "REQUEST").location is None


def test_the_events_a_meeting_discusses_do_not_place_it(run: Run) -> None:
    report = run(
        "The national security adviser held a meeting on Saturday with senior officials"
        " to discuss the events in Tunisia, a spokesman said."
    )
    assert _event(report, "CONSULT").location is None


def test_a_crackdown_on_protests_keeps_their_town(run: Run) -> None:
    report = run("Police cracked down on the protests in Tunis on Friday.")
    assert _place(report, _event(report, "COERCE")) == "Tunis"


def test_a_gathering_for_a_march_takes_the_marchs_place(run: Run) -> None:
    report = run("Anti-war demonstrators gathered on Saturday for a march in central Madrid.")
    assert _place(report, _event(report, "PROTEST")) == "Madrid"


def test_a_ranking_among_protests_lends_no_place_to_the_one_it_is_folded_into(
    run: Run,
) -> None:
    report = run(
        "Tens of thousands of people marched on Saturday against the war. Striking airport"
        " cleaners also joined the protest. In New York, crowds were expected for one of"
        " the biggest anti-war protests in the United States since the Vietnam era."
    )
    assert all(_place(report, e) != "United States" for e in report.events)


def test_a_march_through_a_city_is_held_there(run: Run) -> None:
    report = run("Tens of thousands of people marched through Madrid on Sunday against the war.")
    assert _place(report, _event(report, "PROTEST")) == "Madrid"


def test_a_place_a_distance_is_taken_from_gives_only_its_country(run: Run) -> None:
    report = run(
        "Egypt's army stayed in its barracks. Police arrested 12 men on Monday in a"
        " village 30 kilometres from Alexandria."
    )
    event = _event(report, "COERCE")
    assert _place(report, event) == "Egypt" and event.place_reason == "bearing"


def test_a_place_inside_what_a_noun_says_is_no_scene(run: Run) -> None:
    report = run(
        "Beijing has rejected any suggestion that the plan could be read as support for"
        " a change of government in Caracas, officials said on Tuesday."
    )
    event = _event(report, "REJECT")
    assert event.location is None


def test_a_place_of_the_act_itself_stays_beside_a_content_clause(run: Run) -> None:
    report = run(
        "In Geneva, the minister rejected the claim that his troops had fired on"
        " protesters, officials said on Tuesday."
    )
    assert _place(report, _event(report, "REJECT")) == "Geneva"


def test_the_place_of_what_a_request_asks_for_is_not_where_it_is_asked(run: Run) -> None:
    report = run(
        "The Dutch government is being urged to act quickly to help stranded families of"
        " fighters in Yemen, including giving them cash."
    )
    assert _event(report, "REQUEST").location is None


def test_one_of_a_list_of_places_is_no_scene(run: Run) -> None:
    report = run(
        "Many analysts in the Gulf, Turkey and Iran doubted the minister, who met the king"
        " on Monday."
    )
    assert _event(report, "CONSULT").location is None


def test_a_town_of_a_list_still_places_its_own_act(run: Run) -> None:
    report = run("Syrian troops shelled the city of Homs on Monday, activists said.")
    assert _place(report, _event(report, "ASSAULT")) == "Homs"
