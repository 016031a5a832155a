"""Rules from the judged Syria sample (docs/judged-sample.md): each phenomenon on a
news-style sentence written here, with its contrast where the rule could overreach."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report


def _events(run: Callable[..., Report], text: str, published: str = "2011-07-23") -> list[Event]:
    return run(text, published).events


def _of(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


# --- standing positions and habits --------------------------------------------


def test_standing_accusation_in_the_simple_present_is_no_event(
    run: Callable[..., Report],
) -> None:
    text = "Many residents distrust the generals. They also accuse the army of stalling reforms."
    assert not _of(_events(run, text), "ACCUSE")


def test_dated_accusation_is_still_an_event(run: Callable[..., Report]) -> None:
    text = "The opposition accused the army of stalling reforms on Tuesday."
    assert _of(_events(run, text), "ACCUSE")


def test_habitual_accusation_is_no_event(run: Callable[..., Report]) -> None:
    text = "The monitoring group has frequently accused the interior ministry of torture."
    assert not _of(_events(run, text), "ACCUSE")


def test_business_offer_in_the_present_is_no_agreement(run: Callable[..., Report]) -> None:
    text = "The bank, which offers loans to small farmers, opened a branch in Kano."
    assert not _of(_events(run, text), "AGREE")


# --- demanded and wished-for acts ---------------------------------------------


def test_insisting_on_a_withdrawal_is_no_withdrawal(run: Callable[..., Report]) -> None:
    text = (
        "The president insisted on a full withdrawal of Israeli troops from the Golan "
        "Heights, captured in 1967."
    )
    assert not _of(_events(run, text), "RETREAT")


# --- sport and trade ----------------------------------------------------------


def test_a_tennis_withdrawal_is_no_retreat(run: Callable[..., Report]) -> None:
    text = "The 20-year-old withdrew from the Osaka tournament, citing a sore wrist."
    assert not _of(_events(run, text), "RETREAT")


def test_a_fashion_show_is_no_visit(run: Callable[..., Report]) -> None:
    text = "The luxury brand hosted a fashion show for investors in a Singapore hotel."
    assert _events(run, text) == []


def test_a_troop_withdrawal_near_a_stadium_stays(run: Callable[..., Report]) -> None:
    text = "Troops withdrew from the city of Hama on Sunday, residents said."
    assert _of(_events(run, text), "RETREAT")


# --- dates ------------------------------------------------------------------------


LEAD = (
    "AMMAN (Reuters) - Syrian forces shot dead at least nine people during protests "
    "on Friday, activists said.\n"
    "The protests spread to several towns in the north.\n"
    "Residents said tanks were deployed at the edge of Hama.\n"
    "An activist described the scene by telephone.\n"
)


def test_lead_day_carries_to_a_later_simple_past(run: Callable[..., Report]) -> None:
    text = LEAD + "Four more people were later shot dead in the town of Idlib.\n"
    late = [e for e in _of(_events(run, text), "ASSAULT") if "Four" in (e.sentence.text or "")]
    assert late and late[0].date == "2011-07-22"


def test_lead_day_stops_at_a_sentence_with_its_own_time(run: Callable[..., Report]) -> None:
    text = LEAD + "Security forces detained dozens in Idlib last month.\n"
    arrests = [e for e in _events(run, text) if "dozens" in (e.sentence.text or "")]
    assert arrests and all(e.date != "2011-07-22" for e in arrests)


def test_a_year_in_a_name_is_no_date(run: Callable[..., Report]) -> None:
    text = (
        "In Deraa, a general strike called by an opposition website, Syrian Uprising 2011, "
        "appears to have had little effect."
    )
    strikes = _of(_events(run, text, "2012-03-01"), "PROTEST")
    assert strikes and all(e.date != "2011" for e in strikes)


# --- places -----------------------------------------------------------------------


def test_paragraph_place_carries_to_a_placeless_attack(run: Callable[..., Report]) -> None:
    text = (
        "Tanks were deployed in the northern town of Idlib on Sunday. "
        "Witnesses said snipers killed four men near a mosque.\n"
    )
    killed = [e for e in _of(_events(run, text), "ASSAULT") if "snipers" in (e.sentence.text or "")]
    assert killed and killed[0].place_reason == "paragraph"


def test_place_is_not_carried_across_a_paragraph_break(run: Callable[..., Report]) -> None:
    # one-sentence paragraphs (Reuters, BBC) carry it; a paragraph of two sentences ends
    text = (
        "Tanks were deployed in the northern town of Idlib on Sunday. Shops were shut.\n"
        "Witnesses said snipers killed four men near a mosque.\n"
    )
    killed = [e for e in _of(_events(run, text), "ASSAULT") if "snipers" in (e.sentence.text or "")]
    assert killed and killed[0].place_reason != "paragraph"
    one = text.replace(" Shops were shut.", "")
    killed = [e for e in _of(_events(run, one), "ASSAULT") if "snipers" in (e.sentence.text or "")]
    assert killed and killed[0].place_reason == "paragraph"


# --- modality: likely, any, yet to, plan items, generic rules --------------------


def test_likely_to_embolden_protests_is_hypothetical(run: Callable[..., Report]) -> None:
    text = "The fall of the dictator is likely to draw attention to Yemen and embolden protests."
    assert all(e.modality != "asserted" for e in _of(_events(run, text), "PROTEST"))


def test_any_military_action_is_no_act_in_particular(run: Callable[..., Report]) -> None:
    text = "The opposition council said it rejects any military action in Syria."
    assert all(e.modality != "asserted" for e in _of(_events(run, text), "ASSAULT"))


def test_yet_to_withdraw_is_negated(run: Callable[..., Report]) -> None:
    text = "The envoy said the army had yet to withdraw its tanks from the towns."
    retreats = _of(_events(run, text), "RETREAT")
    assert retreats and all(e.modality == "negated" for e in retreats)


def test_a_plan_item_infinitive_is_no_act_yet(run: Callable[..., Report]) -> None:
    text = "Government to release all political prisoners by the end of the month."
    assert all(e.modality == "future" for e in _events(run, text))


def test_those_who_order_attacks_is_a_rule_not_an_event(run: Callable[..., Report]) -> None:
    text = "Those who order attacks on civilians are criminally liable, the commissioner said."
    assert not _of(_events(run, text), "ASSAULT")


def test_those_who_killed_him_is_still_a_killing(run: Callable[..., Report]) -> None:
    text = "Residents named those who killed the farmer near Aleppo in March."
    assert _of(_events(run, text), "ASSAULT")


# --- dates and recaps: bounds, relative clauses, line breaks ----------------------


def test_a_day_inside_a_since_clause_is_no_event_date(run: Callable[..., Report]) -> None:
    text = "Hundreds of people have been killed in Syria since it agreed on November 2 to a plan."
    killed = _of(_events(run, text, "2011-11-18"), "ASSAULT")
    assert killed and all(e.date != "2011-11-02" for e in killed)


def test_a_toll_since_an_undated_start_is_background(run: Callable[..., Report]) -> None:
    text = "Rights groups say more than 900 people have been killed since the uprising began."
    killed = _of(_events(run, text), "ASSAULT")
    assert killed and all(e.background for e in killed)


def test_a_toll_since_monday_stays_news(run: Callable[..., Report]) -> None:
    text = "Police say soldiers have killed 12 protesters in Hama since Monday."
    killed = _of(_events(run, text), "ASSAULT")
    assert killed and not any(e.background for e in killed)


def test_a_relative_clause_does_not_take_the_sentence_day(run: Callable[..., Report]) -> None:
    text = (
        "Ministers will meet in Rabat on Wednesday to discuss Syria, where the United "
        "Nations says 3,500 civilians have been killed."
    )
    killed = _of(_events(run, text, "2011-11-15"), "ASSAULT")
    assert killed and all(e.date is None for e in killed)


def test_a_day_on_the_next_line_is_not_the_event_date(run: Callable[..., Report]) -> None:
    text = "Two reporters were killed in the shelling last week\nBlasts shook Homs on Wednesday."
    killed = [e for e in _events(run, text, "2012-02-29") if e.trigger.text == "killed"]
    assert killed and all(e.date != "2012-02-29" for e in killed)


def test_a_town_in_the_clause_beats_its_country(run: Callable[..., Report]) -> None:
    text = "In Syria, a bus carrying pilgrims came under gun attack in the central city of Homs."
    report = run(text, "2011-11-21")
    names = {p.id: p.name for p in report.places}
    attacks = _of(report.events, "ASSAULT")
    assert attacks and names.get(attacks[0].location or "") == "Homs"


# --- territory taken back -------------------------------------------------------


def test_retaking_an_enclave_is_a_military_act(run: Callable[..., Report]) -> None:
    text = "Government troops retook the last rebel enclave near the northern border on Sunday."
    (event,) = _of(_events(run, text, "2019-06-11"), "ASSAULT")
    assert event.date == "2019-06-09"
    assert [p.name for p in event.source] == ["Government troops"]


def test_retaking_a_lead_is_no_military_act(run: Callable[..., Report]) -> None:
    text = "The home side retook the lead in the second half on Sunday."
    assert not _of(_events(run, text, "2019-06-11"), "ASSAULT")
