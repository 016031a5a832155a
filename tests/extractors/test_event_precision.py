"""Precision rules for real news: each phenomenon on a sentence written here."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report


def _events(run: Callable[..., Report], text: str) -> list[Event]:
    return run(text, "2011-04-12").events


def _dead(event: Event) -> float | None:
    return next((f.value for f in event.figures if f.kind == "dead"), None)


# --- non-events --------------------------------------------------------------


def test_generic_authority_to_act_is_no_event(run: Callable[..., Report]) -> None:
    assert _events(run, "No one had the authority to massacre civilians, the envoy said.") == []


def test_willingness_to_shoot_is_no_event(run: Callable[..., Report]) -> None:
    text = "Angered by the readiness of the regime to shoot unarmed people, exiles took up arms."
    assert not [e for e in _events(run, text) if e.type == "ASSAULT"]


def test_embedded_question_in_an_opinion_is_no_event(run: Callable[..., Report]) -> None:
    assert _events(run, "They dont care who they kill.") == []


def test_imperative_is_no_event(run: Callable[..., Report]) -> None:
    assert _events(run, "Bomb the palace now!") == []


def test_rallying_stocks_are_no_protest(run: Callable[..., Report]) -> None:
    assert _events(run, "Shares rallied in Tokyo on Tuesday.") == []


# --- modality ----------------------------------------------------------------


def test_planned_visit_keeps_its_type_in_the_future(run: Callable[..., Report]) -> None:
    event = _events(run, "The Red Cross chief plans to visit Misrata next week.")[0]
    assert event.type == "CONSULT" and event.mode == "visit" and event.modality == "future"


def test_plan_noun_makes_the_act_future(run: Callable[..., Report]) -> None:
    events = _events(run, "Officials revealed a plan by the army to attack the rebels in Zintan.")
    assert all(e.modality != "asserted" for e in events if e.type == "ASSAULT")


# --- speech acts and announcements coded as events ---------------------------


def test_asset_freeze_announcement_is_a_sanction(run: Callable[..., Report]) -> None:
    event = _events(run, "Canada announced an asset freeze on Gaddafi and his sons on Monday.")[0]
    assert event.type == "SANCTION" and event.source[0].name == "Canada"
    assert {p.name for p in event.target} >= {"Gaddafi"}


def test_sending_military_advisers_is_aid(run: Callable[..., Report]) -> None:
    event = _events(run, "Italy sent military advisers to the rebels in Benghazi on Wednesday.")[0]
    assert event.type == "AID" and event.source[0].name == "Italy"


def test_call_between_leaders_is_consult(run: Callable[..., Report]) -> None:
    event = _events(run, "Sarkozy spoke by telephone with Medvedev on Monday.")[0]
    assert event.type == "CONSULT" and event.mode == "phone"
    assert {p.name for p in event.source} == {"Sarkozy", "Medvedev"}


def test_threat_and_accusation(run: Callable[..., Report]) -> None:
    threat = _events(run, "Gaddafi threatened to crush the rebels in Benghazi.")[0]
    assert threat.type == "THREATEN"
    accusation = _events(run, "The rebels accused Gaddafi of hiring mercenaries.")[0]
    assert accusation.type == "ACCUSE" and accusation.target[0].name == "Gaddafi"


def test_missiles_striking_a_compound_is_an_assault(run: Callable[..., Report]) -> None:
    event = _events(run, "NATO missiles struck a military compound in Tripoli on Monday.")[0]
    assert event.type == "ASSAULT" and event.date == "2011-04-11"


def test_bomb_going_off_at_a_named_place(run: Callable[..., Report]) -> None:
    event = _events(run, "A bomb exploded in a crowded market in Kano on Friday.")[0]
    assert event.type == "ASSAULT" and event.mode == "explosives"


def test_protest_held_in_a_named_town(run: Callable[..., Report]) -> None:
    event = _events(run, "A peaceful protest took place in Kano on Sunday.")[0]
    assert event.type == "PROTEST"


# --- figures -------------------------------------------------------------------


def test_found_shot_dead_counts_the_dead(run: Callable[..., Report]) -> None:
    event = _events(run, "Four people were found shot dead in the village on Sunday.")[0]
    assert event.type == "ASSAULT" and _dead(event) == 4


def test_a_man_killed_is_one_dead(run: Callable[..., Report]) -> None:
    event = _events(run, "Later, a man was shot dead outside his house.")[0]
    assert _dead(event) == 1


def test_counted_guards(run: Callable[..., Report]) -> None:
    event = _events(run, "Gunmen killed three oilfield guards near the port on Monday.")[0]
    assert _dead(event) == 3


def test_generic_kill_without_count_gives_no_figure(run: Callable[..., Report]) -> None:
    event = _events(run, "Police killed protesters in Kano.")[0]
    assert _dead(event) is None


def test_place_alone_is_not_the_doer(run: Callable[..., Report]) -> None:
    events = _events(run, "The 2007 Kandahar Airfield bombing")
    assert all(not e.source for e in events)


def test_the_writers_own_acts_are_no_events(run: Callable[..., Report]) -> None:
    assert _events(run, "I met a group of eleven families in a border village.") == []


def test_standing_support_is_no_event(run: Callable[..., Report]) -> None:
    assert _events(run, "Iran supports armed groups across the region.") == []
    assert _events(run, "The plan is supported by most Gulf states.") == []


def test_support_given_on_a_day_is_an_event(run: Callable[..., Report]) -> None:
    event = _events(run, "Russia backed the resolution on Monday.")[0]
    assert event.type == "SUPPORT" and event.date == "2011-04-11"


def test_weapons_thrown_fired_and_set_off(run: Callable[..., Report]) -> None:
    grenade = _events(run, "Militants hurled a grenade at a police post in Srinagar.")[0]
    assert grenade.type == "ASSAULT" and grenade.source[0].name == "Militants"
    rockets = _events(run, "Militants fired rockets towards Sderot on Tuesday.")[0]
    assert rockets.type == "ASSAULT" and rockets.mode == "heavy-weapons"
    bomb = _events(run, "Rebels set off a bomb near an army convoy.")[0]
    assert bomb.mode == "explosives"
    assert _events(run, "Fans threw flowers at the singer.") == []


def test_rape_despite_the_lemmatiser(run: Callable[..., Report]) -> None:
    event = _events(run, "Soldiers raped four women in the village on Sunday.")[0]
    assert event.type == "ASSAULT" and event.mode == "sexual"


def test_attack_noun_subject_is_one_event_with_its_weapon(run: Callable[..., Report]) -> None:
    events = _events(run, "Israeli air strikes killed five militants in Gaza on Monday.")
    assert len(events) == 1
    assert events[0].mode == "aerial" and _dead(events[0]) == 5


def test_force_against_a_protest(run: Callable[..., Report]) -> None:
    broke = _events(run, "Police broke up a rally in Minsk on Sunday.")
    assert any(e.type == "ASSAULT" and e.source[0].name == "Police" for e in broke)
    assert _events(run, "The company used force to enter the market.") == []


def test_a_cause_is_not_a_new_event(run: Callable[..., Report]) -> None:
    text = "He was granted asylum in 2010 due to ethnic clashes in his home town."
    assert not [e for e in _events(run, text) if e.type == "ASSAULT"]


def test_disaster_deaths_are_no_assault(run: Callable[..., Report]) -> None:
    assert _events(run, "At least 40 people were killed after an earthquake hit the coast.") == []
    assert _events(run, "Nineteen people were killed when their bus plunged into a river.") == []
    event = _events(run, "A car bomb killed 12 people in the market on Monday.")[0]
    assert event.type == "ASSAULT"


def test_crowds_taking_to_the_streets_and_dispersed(run: Callable[..., Report]) -> None:
    event = _events(run, "Thousands of protesters took to the streets of Tunis on Friday.")[0]
    assert event.type == "PROTEST"
    dispersed = _events(run, "Riot police dispersed a protest in Rabat on Sunday.")[0]
    assert dispersed.type == "ASSAULT" and dispersed.mode == "crowd-control"
    held = _events(run, "A peaceful protest took place in Batsari town on Monday.")[0]
    assert held.type == "PROTEST" and held.location is None


def test_first_person_must_is_an_exhortation(run: Callable[..., Report]) -> None:
    assert _events(run, 'The senator said "we must not ignore their plight".') == []
    demand = _events(run, "Clinton said Assad must step down.")[0]
    assert demand.type == "REQUEST" and demand.target[0].name == "Assad"


def test_demanded_acts_are_the_demand_only(run: Callable[..., Report]) -> None:
    text = "Ankara has demanded Israel apologize, pay compensation and lift the blockade."
    events = _events(run, text)
    assert [e.type for e in events] == ["REQUEST"]


def test_considered_sanctions_and_feared_attacks_are_hypothetical(
    run: Callable[..., Report],
) -> None:
    events = _events(run, "The United States is considering sanctions against Syrian officials.")
    assert events and all(e.modality == "hypothetical" for e in events)
    feared = _events(run, "An attack by militants is considered highly likely.")
    assert all(e.modality == "hypothetical" for e in feared)


def test_the_us_is_not_we(run: Callable[..., Report]) -> None:
    events = _events(run, "Mubarak said on Wednesday that the US must stop the fighting.")
    assert [e.type for e in events] == ["REQUEST"]
