"""Nominal attack mentions: an attack named by a noun ("the blast", "the bombing"),
coded when the sentence reports it happened, folded into the event it names again.

The sentences are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Report

Run = Callable[..., Report]


def assaults(report: Report) -> list[tuple[str, list[str]]]:
    return [
        (e.trigger.text, [m.text for m in e.mentions]) for e in report.events if e.type == "ASSAULT"
    ]


def test_later_definite_nouns_are_mentions_of_the_coded_attack(run: Run) -> None:
    report = run(
        "A car bomb exploded outside a police station in Kandahar on Monday, killing four"
        " officers. Shops stayed closed after the explosion. Witnesses said the blast"
        " shattered windows across the street."
    )
    found = assaults(report)
    assert len(found) == 1, found
    trigger, mentions = found[0]
    assert trigger == "exploded"
    assert mentions == ["explosion", "blast"]  # nouns only: not the participle "killing"
    text = report.document.text
    event = report.events[0]
    assert all(text[m.start : m.end] == m.text for m in event.mentions)


def test_generic_or_hypothetical_nouns_are_not_mentions(run: Run) -> None:
    report = run(
        "Gunmen attacked a checkpoint near Herat on Sunday. Attacks on civilians are a war"
        " crime, the governor said. Residents fear the attack could be repeated."
    )
    found = assaults(report)
    assert [t for t, _ in found] == ["attacked"], found
    assert found[0][1] == []


def test_blast_that_harmed_is_an_attack_in_an_attack_story(run: Run) -> None:
    report = run(
        "Police were hunting a man behind a Friday blast which injured several people in"
        " Lyon. Officers believe a homemade bomb was left in a paper bag."
    )
    found = assaults(report)
    assert [t for t, _ in found] == ["blast"], found
    event = next(e for e in report.events if e.type == "ASSAULT")
    place = next(p for p in report.places if p.id == event.location)
    assert place.name == "Lyon"


def test_blast_subject_of_a_harm_verb(run: Run) -> None:
    report = run(
        "Witnesses said the explosion targeted a bakery used by soldiers in Mosul."
        " Police blamed militants."
    )
    assert [t for t, _ in assaults(report)] == ["explosion"]
    alone = run("Witnesses said the explosion targeted a bakery used by soldiers in Mosul.")
    assert assaults(alone) == []  # no attack named anywhere: maybe an accident


def test_explosion_in_an_accident_story_is_no_attack(run: Run) -> None:
    report = run(
        "A gas explosion destroyed a fertilizer plant outside Tianjin on Monday and"
        " injured dozens of workers, the company said."
    )
    assert assaults(report) == []


def test_hurt_in_the_explosion_reports_the_attack(run: Run) -> None:
    report = run(
        "A suicide bomber struck a wedding hall in Kabul. Three guests were hurt in the"
        " explosion, officials said."
    )
    found = assaults(report)
    assert found, report.events
    assert any("explosion" in [t, *m] for t, m in found)


def site_of(report: Report) -> list[str | None]:
    return [e.site.text if e.site else None for e in report.events if e.type == "ASSAULT"]


def test_named_site_of_the_clause_is_kept_with_its_town(run: Run) -> None:
    report = run("Two soldiers were killed at the Central Square bus station in Kirkuk on Monday.")
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert event.site is not None and event.site.text == "Central Square bus station"
    assert event.place_precision == "site"
    town = next(p for p in report.places if p.id == event.location)
    assert town.name == "Kirkuk"
    text = report.document.text
    assert text[event.site.start : event.site.end] == event.site.text


def test_unresolved_name_after_in_is_the_site_not_a_guess(run: Run) -> None:
    report = run("Six fighters were killed in an ambush in Wadi al-Qurnayn on Sunday.")
    assert site_of(report) == ["Wadi al-Qurnayn"]


def test_where_clause_site_and_street_after_on(run: Run) -> None:
    report = run(
        "Gunmen opened fire near the Hamra Street cafe, where three people were killed."
        " A car bomb exploded on Rue Clemenceau in Beirut, wounding nine."
    )
    assert "Rue Clemenceau" in site_of(report)
    assert any(s and "Hamra Street cafe" in s for s in site_of(report))


def test_no_site_from_a_target_or_a_demand(run: Run) -> None:
    report = run(
        "Rebels attacked the market in Goma. The opposition called on the Interior"
        " Ministry office to investigate the killings."
    )
    assert all(e.site is None for e in report.events), [(e.type, e.site) for e in report.events]


def test_blasts_in_a_story_with_no_attack_are_no_assault(run: Run) -> None:
    report = run(
        "Explosions tore through a chemical depot in the port of Rotterdam overnight."
        " The blasts killed at least 20 workers and injured 300, the company said."
    )
    assert assaults(report) == []


def test_harm_reported_after_an_attack_is_a_mention_of_it(run: Run) -> None:
    report = run(
        "Gunmen attacked a hotel in Mogadishu on Friday. Of the 40 injured, 12 were"
        " children. There were no casualties among the guards."
    )
    found = assaults(report)
    assert len(found) == 1, found
    assert found[0][1] == ["injured"]  # not the negated "no casualties"


def test_attack_noun_with_its_own_date_and_place_is_an_event(run: Run) -> None:
    report = run(
        "Investigators questioned the family of the man behind Saturday's knife attack"
        " in central Manchester."
    )
    assert [t for t, _ in assaults(report)] == ["attack"]


def test_a_list_entry_names_an_attack_without_reporting_it(run: Run) -> None:
    report = run("See also:\n* 2009 Peshawar market bombing\n* 2011 Peshawar mosque bombing")
    assert assaults(report) == []


def test_bomb_that_exploded_is_an_attack_without_a_place(run: Run) -> None:
    report = run("Panic spread through the crowd as the second bomb exploded.")
    assert [t for t, _ in assaults(report)] == ["exploded"]


def test_event_continuing_the_sentence_before_takes_its_place(run: Run) -> None:
    report = run(
        "Shootings in Kirkuk continued overnight. In one incident, a man was killed in a"
        " gunfight between police and gunmen.\nA woman was killed in a separate attack."
    )
    killed = [e for e in report.events if e.type == "ASSAULT" and e.trigger.text == "killed"]
    assert len(killed) == 2, [(e.type, e.trigger.text) for e in report.events]
    town = next(p for p in report.places if p.id == killed[0].location)
    assert town.name == "Kirkuk" and killed[0].place_reason == "paragraph"
    assert killed[1].location is None  # a new paragraph: no place carried over


def test_capitalized_plural_event_noun_at_sentence_start(run: Run) -> None:
    report = run("Shootings in Kirkuk continued overnight, police said.")
    assert [t for t, _ in assaults(report)] == ["Shootings"]


def test_site_of_a_when_clause(run: Run) -> None:
    report = run(
        "A man was shot dead when he answered a knock at his door in Marlowe Road on Tuesday night."
    )
    assert site_of(report) == ["Marlowe Road"]


def test_uncounted_or_other_harm_is_no_mention_of_the_attack(run: Run) -> None:
    report = run(
        "Gunmen attacked a checkpoint near Herat on Sunday. The fighters said they would"
        " fight to the death. His mother had died of cancer in 2015. Residents recalled"
        " the Bataclan attack in Paris."
    )
    found = assaults(report)
    attacked = [m for t, m in found if t == "attacked"]
    assert attacked == [[]], found


def test_mention_far_from_the_attack_is_not_taken(run: Run) -> None:
    filler = " ".join(f"The council met on day {n} to discuss the budget." for n in range(6))
    report = run(
        f"A bomb exploded at a market in Quetta on Monday. {filler} Of the 30 injured,"
        " most were farmers."
    )
    found = assaults(report)
    assert found == [("exploded", [])], found


def test_uncounted_casualty_or_toll_is_no_mention(run: Run) -> None:
    report = run(
        "A roadside bomb struck a convoy near Kandahar on Monday. Her son was a casualty"
        " of the war, she said. The death toll of 11 was confirmed by the governor."
    )
    found = assaults(report)
    assert [m for _, m in found] == [["toll"]], found


def test_a_definite_noun_dated_to_another_time_is_another_attack(run: Run) -> None:
    report = run(
        "The government denied any part in March's attack on a former officer and his son."
        " Such agents were used in the dictator's 1988 attack on villagers in Halabja,"
        " historians say.",
        "2018-08-11",
    )
    dates = [e.date for e in report.events if e.type == "ASSAULT"]
    assert dates == ["2018-03", "1988"]
    assert all(not e.mentions for e in report.events)


def test_both_verbs_of_a_relative_clause_on_an_attack_are_that_attack(run: Run) -> None:
    report = run(
        "Officials blamed rebels for two bomb blasts in the city that killed 28 people and"
        " wounded more than 200 others.",
        "2012-02-11",
    )
    attacks = [e for e in report.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert sorted((f.kind, f.value) for f in attacks[0].figures) == [
        ("dead", 28.0),
        ("injured", 200.0),
    ]


def test_the_start_of_a_campaign_does_not_date_the_act_it_names_again(run: Run) -> None:
    # "since the shelling began on Saturday" tells when the campaign began, not the
    # day of this morning's barrage, which the next sentence names again
    text = (
        "Our correspondent in the city says the army resumed artillery shelling of the"
        " old quarter at dawn. Scores of people have died since the shelling of the"
        " quarter began on Saturday."
    )
    report = run(text, "2012-02-07")
    shelling = [e for e in report.events if e.type == "ASSAULT" and e.trigger.text == "shelling"]
    assert shelling and shelling[0].date != "2012-02-04", [
        (e.trigger.text, e.date, [m.text for m in e.mentions]) for e in report.events
    ]
