"""Doers (sources) from the fifth judged reading (docs/judged-sample.md): a doer carried
from the act told just before to an agentless toll, weapons standing for the force using
them, possessives, witnesses who are not doers; the background mark of running tolls;
texts and word senses that are not acts. Each rule on a news-style sentence written
here, with the contrast it must not overreach into."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report

PUBLISHED = "2011-05-16"  # a Monday


def _events(run: Callable[..., Report], text: str, published: str = PUBLISHED) -> list[Event]:
    return run(text, published).events


def _on(events: list[Event], word: str) -> list[Event]:
    return [e for e in events if e.trigger.text.split()[0] == word]


def _names(event: Event) -> list[str]:
    return [p.name for p in event.source]


# --- the doer of the act before, carried to an agentless toll ----------------------

STORMED = (
    "HAMA, Syria (Reuters) - Government troops backed by armour stormed the village on Saturday.\n"
)


def test_doer_of_the_act_before_is_carried_to_a_toll(run: Callable[..., Report]) -> None:
    text = STORMED + "At least 14 civilians have been killed since, residents said.\n"
    killed = _on(_events(run, text), "killed")
    assert killed and _names(killed[0]) == ["Government troops"]
    assert killed[0].source_reason == "carried"
    stormed = _on(_events(run, text), "stormed")
    assert stormed and stormed[0].source_reason is None


def test_no_doer_is_carried_into_a_quotation(run: Callable[..., Report]) -> None:
    text = STORMED + '"At least 14 civilians were killed," a resident told reporters.\n'
    killed = _on(_events(run, text), "killed")
    assert killed and killed[0].source == [] and killed[0].source_reason is None


def test_no_doer_is_carried_where_another_armed_side_is_named(
    run: Callable[..., Report],
) -> None:
    soldiers = STORMED + "Three soldiers were killed.\n"
    killed = _on(_events(run, soldiers), "killed")
    assert killed and killed[0].source == []
    between = STORMED + "Rebels held the hills above the road.\nNine people were killed.\n"
    killed = _on(_events(run, between), "killed")
    assert killed and killed[0].source == []


def test_no_doer_is_carried_to_another_happening(run: Callable[..., Report]) -> None:
    text = (
        STORMED + "Meanwhile, the bodies of two aid workers killed in the city were flown home.\n"
    )
    killed = _on(_events(run, text), "killed")
    assert all(e.source == [] for e in killed)


# --- doers in agent phrases, possessives and witnesses -----------------------------


def test_weapons_in_an_agent_phrase_stand_for_the_military(run: Callable[..., Report]) -> None:
    text = "Nine people died in attacks by helicopters and artillery on the town, activists said."
    died = _on(_events(run, text), "died")
    assert died and set(_names(died[0])) == {"helicopters", "artillery"}
    assert all(p.sector == "MIL" for p in died[0].source)


def test_its_is_the_state_the_sanctions_target(run: Callable[..., Report]) -> None:
    one = "The United Nations condemned its own failure to halt its crackdown."
    assert all(p.name != "its" for e in _events(run, one) for p in e.source)
    text = (
        "A European push to impose sanctions on Syria for its crackdown on protesters"
        " faces resistance, diplomats said."
    )
    crackdown = _on(_events(run, text), "crackdown")
    assert crackdown and _names(crackdown[0]) == ["Syria"]


def test_a_toll_told_in_which_of_a_crackdown_has_its_doer(run: Callable[..., Report]) -> None:
    text = "The army's assault on the town, in which 40 people were killed, drew condemnation."
    killed = _on(_events(run, text), "killed")
    assert killed and _names(killed[0]) == ["The army"]
    estimated = (
        "The government's offensive against the rebellion, in which the UN estimates 900"
        " people have been killed, has drawn sanctions."
    )
    killed = _on(_events(run, estimated), "killed")
    assert killed and _names(killed[0]) == ["The government"]
    # a toll told "in which" of a happening that is no one's attack keeps no doer
    flood = "The floods, in which 40 people were killed, hit the valley on Sunday."
    assert all(e.source == [] for e in _on(_events(run, flood), "killed"))


def test_witnesses_of_shooting_are_not_its_doers(run: Callable[..., Report]) -> None:
    text = "Residents heard explosions and shooting near the governor's palace late on Sunday."
    for event in _events(run, text):
        assert "Residents" not in _names(event)
    seen = "Activists reported heavy shelling of the old quarter on Sunday."
    for event in _events(run, seen):
        assert "Activists" not in _names(event)
    done = "Police fired tear gas at protesters in the square on Sunday."
    assert any(_names(e) == ["Police"] for e in _events(run, done))


# --- running tolls and the uprising recalled are background --------------------------


def test_a_toll_since_the_month_the_uprising_began_is_background(
    run: Callable[..., Report],
) -> None:
    # told barely two months on: the toll still runs from a month, not a day
    text = (
        "Rights groups say more than 700 people have been killed since the revolt began in March."
    )
    killed = _on(_events(run, text), "killed")
    assert killed and killed[0].background
    recent = "Police have arrested 40 people since Wednesday, lawyers said."
    arrested = _on(_events(run, recent), "arrested")
    assert arrested and not arrested[0].background


def test_the_uprising_told_by_when_it_began_is_background(run: Callable[..., Report]) -> None:
    text = "The protests, which began in mid-March, have spread to a dozen towns."
    protests = _on(_events(run, text), "protests")
    assert protests and protests[0].background
    news = "Protests erupted in a dozen towns on Friday."
    assert all(not e.background for e in _on(_events(run, news), "Protests"))


# --- what a text says, and other senses --------------------------------------------


def test_what_a_plan_calls_for_is_no_act(run: Callable[..., Report]) -> None:
    text = "The peace plan calls for a ceasefire and the release of all detainees."
    assert not [e for e in _events(run, text) if e.type == "REQUEST"]
    says = "The regional plan says the army must pull its tanks out of the towns."
    assert not [e for e in _events(run, says) if e.type == "REQUEST"]
    called = "The foreign minister called for a ceasefire on Sunday."
    assert [e for e in _events(run, called) if e.type == "REQUEST"]


def test_talking_about_a_country_is_no_consultation(run: Callable[..., Report]) -> None:
    text = '"They keep talking about my country without asking us," the ambassador said.'
    assert not [e for e in _events(run, text) if e.type == "CONSULT"]
    talks = "The two ministers talked about the border with their Turkish counterpart on Sunday."
    assert [e for e in _events(run, talks) if e.type == "CONSULT"]


def test_meeting_resistance_or_demands_is_no_meeting(run: Callable[..., Report]) -> None:
    for text in (
        "The proposal is meeting fierce resistance from Moscow, diplomats said.",
        "Lawmakers said the budget met the targets set by lenders.",
    ):
        assert not [e for e in _events(run, text) if e.type == "CONSULT"], text
    met = "The envoy met the foreign minister in Cairo on Sunday."
    assert [e for e in _events(run, met) if e.type == "CONSULT"]


def test_storming_a_town_is_an_assault(run: Callable[..., Report]) -> None:
    text = "Army units stormed the village of Tell Abyad at dawn on Sunday."
    assert [e for e in _events(run, text) if e.type == "ASSAULT"]
    out = "The minister stormed out of the meeting on Sunday."
    assert not [e for e in _events(run, out) if e.type == "ASSAULT"]


def test_a_participle_after_a_preposition_of_time_shares_the_subject(
    run: Callable[..., Report],
) -> None:
    text = "After visiting the camp, the aid chief Maria Lind said conditions were dire."
    touring = [e for e in _events(run, text) if e.type == "CONSULT"]
    assert touring and _names(touring[0]) == ["the aid chief Maria Lind"]
    # "by firing tear gas" is the dispersal itself, not a second act
    means = "Police dispersed the crowd by firing tear gas, witnesses said."
    assert len([e for e in _events(run, means) if e.type == "ASSAULT"]) == 1


def test_what_blew_up_is_not_its_doer(run: Callable[..., Report]) -> None:
    text = "Witnesses said the Danish engineer's car blew up as he left the hotel."
    for event in _events(run, text):
        assert all("car" not in p.name for p in event.source)
    done = "Militants blew up a gas pipeline near the border on Sunday."
    blew = _on(_events(run, done), "blew")
    assert blew and _names(blew[0]) == ["Militants"]


def test_what_is_done_without_is_not_done(run: Callable[..., Report]) -> None:
    text = "The defector accused the generals, without offering evidence, of arming the gangs."
    assert not [e for e in _events(run, text) if e.trigger.text.startswith("offering")]


def test_harm_told_of_the_unrest_as_a_whole_is_background(run: Callable[..., Report]) -> None:
    text = "Funeral notices for people killed in the revolt are pasted on the doors."
    killed = _on(_events(run, text), "killed")
    assert killed and killed[0].background
    total = "The raid took to 30 the number of villagers killed by militias in a week."
    killed = _on(_events(run, total), "killed")
    assert killed and killed[0].background
    # the day's deaths "in the unrest" are news
    news = "Six people were killed in the unrest on Sunday, medics said."
    killed = _on(_events(run, news), "killed")
    assert killed and not killed[0].background


def test_killed_when_an_army_deployed_has_that_army_as_doer(
    run: Callable[..., Report],
) -> None:
    text = "Four people were killed when the army deployed in the square on Sunday."
    killed = _on(_events(run, text), "killed")
    assert killed and _names(killed[0]) == ["the army"]


def test_an_unresolved_it_is_no_doer(run: Callable[..., Report]) -> None:
    text = "State television showed footage of masked men it said fired at the police."
    for event in _events(run, text):
        assert all(p.name.lower() != "it" for p in event.source)


def test_an_attack_in_the_simple_present_of_a_quotation_is_a_view(
    run: Callable[..., Report],
) -> None:
    text = '"We are peaceful. The militias attack us, we never attack them," the elder said.'
    assert not [e for e in _events(run, text) if e.type in ("ASSAULT", "COERCE")]
    told = '"The militias are attacking the school now," a teacher said by phone.'
    assert [e for e in _events(run, told) if e.type == "ASSAULT"]


def test_a_quotation_run_over_several_lines_is_still_a_quotation(
    run: Callable[..., Report],
) -> None:
    text = '"Tell the world.\nWe are peaceful.\nThe militias attack us," the elder said.\n'
    assert not [e for e in _events(run, text) if e.type == "ASSAULT"]


def test_a_glued_photo_caption_is_cut_from_the_doers_name(run: Callable[..., Report]) -> None:
    text = "Prime Minister Nouri al-Maliki (R) Turkey's Prime Minister Erdogan criticised Syria."
    (event,) = [e for e in run(text, "2012-03-12").events if e.type == "ACCUSE"]
    assert [p.name for p in event.source] == ["Turkey's Prime Minister Erdogan"]
    plain = "Turkey's Prime Minister Erdogan criticised Syria."
    (same,) = [e for e in run(plain, "2012-03-12").events if e.type == "ACCUSE"]
    assert [p.name for p in same.source] == ["Turkey's Prime Minister Erdogan"]


def test_fire_stands_for_whoever_fired(run: Callable[..., Report]) -> None:
    text = "Residents said three more people were killed by tank and sniper fire on Tuesday."
    (event,) = [e for e in run(text, "2011-08-03").events if e.type == "ASSAULT"]
    assert [p.sector for p in event.source] == ["MIL"]
    plain = "Residents said three more people were killed by fire on Tuesday."
    assert all(
        p.sector != "MIL" for e in run(plain, "2011-08-03").events for p in e.source
    )


def test_the_dead_did_not_do_the_shelling_they_died_in(run: Callable[..., Report]) -> None:
    text = "Four civilians died in government shelling of the town on Monday."
    assert all(
        "civilians" not in p.name for e in run(text, "2012-02-07").events for p in e.source
    )


# --- the tenth round: small clauses of seeing, pronouns inside a quotation -----------


def test_a_bare_participle_after_seeing_has_its_subject_as_victim(
    run: Callable[..., Report],
) -> None:
    text = "A shopkeeper said he saw two conscripts killed near the bridge on Saturday.\n"
    killed = _on(_events(run, text), "killed")
    assert killed and killed[0].source == []
    assert [p.name for p in killed[0].target] == ["two conscripts"]
    # an active past tense after "saw" keeps its subject as the doer
    active = _on(_events(run, "Villagers said they saw the militia kill two conscripts.\n"), "kill")
    assert active and _names(active[0]) == ["the militia"]


def test_they_inside_a_quotation_is_not_its_speaker(run: Callable[..., Report]) -> None:
    quoted = '"They arrested my brother on Friday," the woman said.\n'
    arrested = _on(_events(run, quoted), "arrested")
    assert arrested and arrested[0].source == []
    # told in reported speech, "they" is the speakers themselves
    told = "The villagers said they had blocked the highway on Sunday.\n"
    blocked = _on(_events(run, told), "blocked")
    assert blocked and _names(blocked[0]) == ["villagers"]


def test_a_named_town_taken_or_stormed_is_an_assault(run: Callable[..., Report]) -> None:
    # the tagger reads many Syrian town names as persons; the gazetteer knows them
    text = "Troops backed by tanks stormed Hama on Monday.\n"
    stormed = _on(_events(run, text), "stormed")
    assert stormed and stormed[0].type == "ASSAULT" and _names(stormed[0]) == ["Troops"]
    # what is stormed must still be a place: a person's name or a word of another sense
    assert not _on(_events(run, "Fans stormed the pitch after the final whistle.\n"), "stormed")
    assert not _on(_events(run, "The singer stormed off the stage on Monday.\n"), "stormed")


def test_unidentified_gunmen_are_carried_to_the_toll_of_their_attack(
    run: Callable[..., Report],
) -> None:
    fired = "Gunmen opened fire on a minibus outside the market on Friday.\n"
    killed = _on(_events(run, fired + "Six passengers were killed.\n"), "killed")
    assert killed and _names(killed[0]) == ["Gunmen"] and killed[0].source_reason == "carried"
    # soldiers among the dead are another armed side: no doer is guessed
    mixed = fired + "Two soldiers and six passengers were killed.\n"
    killed = _on(_events(run, mixed), "killed")
    assert killed and killed[0].source == []


def test_we_in_an_officials_quotation_is_the_body_she_speaks_for(
    run: Callable[..., Report],
) -> None:
    text = '"We condemn the shelling of the hospital," Foreign Minister Anna Kovac said.\n'
    condemn = _on(_events(run, text), "condemn")
    assert condemn and condemn[0].type == "ACCUSE" and _names(condemn[0]) == ["Anna Kovac"]
    # a private person's "we" is no party the text codes: the act is not given to her
    private = '"We condemn the shelling of the hospital," said Mira Dalton, a nurse.\n'
    assert not _on(_events(run, private), "condemn")


def test_an_unresolved_they_takes_the_one_armed_doer_told_before(
    run: Callable[..., Report],
) -> None:
    # "the army" is an institution, which the actors layer does not take for "they"
    text = "The army shelled the funeral on Friday. They killed four mourners.\n"
    killed = _on(_events(run, text), "killed")
    assert killed and _names(killed[0]) == ["The army"] and killed[0].source_reason == "carried"
    # the act before was done to many people, who could be "they": no doer guessed
    many = "The army shelled the mourners on Friday. They killed two guards.\n"
    killed = _on(_events(run, many), "killed")
    assert killed and killed[0].source == []


def test_the_victims_of_force_a_demand_would_end_are_not_its_target(
    run: Callable[..., Report],
) -> None:
    text = "Qatar demanded an end to the use of force against unarmed marchers on Sunday.\n"
    demanded = _on(_events(run, text), "demanded")
    assert demanded and demanded[0].type == "REQUEST" and demanded[0].target == []
    # what is demanded for a party still names it
    freed = "The ministers demanded the release of the detained reporters on Sunday.\n"
    demanded = _on(_events(run, freed), "demanded")
    assert demanded and [p.name for p in demanded[0].target] == ["the detained reporters"]


def test_members_of_a_body_act_as_that_body(run: Callable[..., Report]) -> None:
    report = run(
        "The members of the African Union, which suspended Mali's membership on Friday,"
        " met in Addis Ababa on Sunday.",
        "2012-03-25",
    )
    doers = {e.type: [p.name for p in e.source] for e in report.events}
    assert doers.get("CONSULT") == ["the African Union"], doers


def test_an_accusation_that_someone_acted_targets_that_someone(
    run: Callable[..., Report],
) -> None:
    report = run(
        "The reports appeared to support the president's accusation that Iran was arming"
        " the rebels in the north.",
        "2012-02-11",
    )
    accusation = next(e for e in report.events if e.type == "ACCUSE")
    assert [p.name for p in accusation.target] == ["Iran"]
    rejected = run("The minister rejected the accusation that Iran had armed the rebels.")
    refusal = next(e for e in rejected.events if e.type == "REJECT")
    assert "the rebels" not in [p.name for p in refusal.target]  # the claim's content


def test_people_named_by_kinship_are_the_target_not_their_kin(
    run: Callable[..., Report],
) -> None:
    report = run(
        "An official said the militants fired on the wives of fighters as they tried to"
        " flee on Wednesday.",
        "2019-02-14",
    )
    attack = next(e for e in report.events if e.type == "ASSAULT")
    assert [(p.name, p.sector) for p in attack.target] == [("the wives of fighters", "CVL")]


def test_the_subject_of_a_passive_verb_of_saying_is_the_doer_of_its_to_clause(
    run: Callable[..., Report],
) -> None:
    report = run(
        "Government troops are reported to have launched a new assault on the town of Rastan.",
        "2012-02-17",
    )
    assault = next(e for e in report.events if e.type == "ASSAULT")
    assert [p.name for p in assault.source] == ["Government troops"]


def test_states_named_by_a_common_noun_are_a_government_side(
    run: Callable[..., Report],
) -> None:
    report = run("Several European countries have also recalled their ambassadors.", "2012-02-07")
    recall = next(e for e in report.events if e.type == "SANCTION")
    assert [(p.name, p.sector) for p in recall.source] == [("Several European countries", "GOV")]


def test_states_in_lower_case_are_not_the_united_states(run: Callable[..., Report]) -> None:
    report = run("The Gulf Arab states expelled the envoys of the junta.", "2012-02-07")
    expulsion = next(e for e in report.events if e.type == "SANCTION")
    assert [(p.name, p.country) for p in expulsion.source] == [("The Gulf Arab states", None)]


def test_a_happening_named_in_what_was_warned_is_no_party(run: Callable[..., Report]) -> None:
    text = (
        "An editorial in the state newspaper warned that the violence in Syria could worsen"
        " if foreign powers intervened. Officials condemned the bloodshed in Syria."
    )
    events = _events(run, text)
    assert not _on(events, "warned")  # no one is threatened, and the paper is no doer
    (condemned,) = _on(events, "condemned")
    assert condemned.target and not any("bloodshed" in p.name for p in condemned.target)


def test_revoking_a_citizenship_is_a_restriction_on_its_holder(run: Callable[..., Report]) -> None:
    text = "The Varnian interior minister revoked the citizenship of the teenager on Tuesday."
    (revoked,) = _on(_events(run, text), "revoked")
    assert (revoked.type, revoked.mode) == ("COERCE", "restrict")
    assert [p.name for p in revoked.target] == ["the teenager"]
    assert not _on(_events(run, "The Varnian court revoked the ruling on Tuesday."), "revoked")


def test_a_text_acts_as_the_body_that_adopted_it(run: Callable[..., Report]) -> None:
    demand = "demanded that Kestria withdraw its troops."
    adopted = f"A resolution adopted by the Security Council {demand}"
    (demanded,) = _on(_events(run, adopted), "demanded")
    assert [p.name for p in demanded.source] == ["the Security Council"]
    drafted = f"The resolution drafted by the Varnian envoy {demand}"
    (demanded,) = _on(_events(run, drafted), "demanded")
    assert not demanded.source  # who drafted a text did not pass it


def test_aircraft_stand_for_the_force_and_a_crash_is_no_attack(run: Callable[..., Report]) -> None:
    text = "Kestrian aircraft bombed the market of Halden. At least 10 civilians were killed."
    (killed,) = _on(_events(run, text), "killed")
    assert [(p.name, p.sector) for p in killed.source] == [("Kestrian aircraft", "MIL")]
    crash = "The aircraft crashed near the airport, killing 12 people."
    assert not [e for e in _events(run, crash) if e.type == "ASSAULT"]
