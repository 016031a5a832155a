"""Places and dates of real-news events (issue 8): transliterated town names, tolls
told for a whole country, datelines abroad, attacked towns, recent spans."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint import gazetteer
from flashpoint.models import Event, Report

Run = Callable[..., Report]


def _place(report: Report, event: Event) -> str | None:
    return next((p.name for p in report.places if p.id == event.location), None)


def _assault(report: Report) -> Event:
    return next(e for e in report.events if e.type == "ASSAULT")


def test_skeleton_folds_transliterations() -> None:
    assert gazetteer.skeleton("Deraa") == gazetteer.skeleton("Dar'a")
    assert gazetteer.skeleton("Jisr al-Shughour") == gazetteer.skeleton("Jisr ash Shughur")
    assert gazetteer.skeleton("Tel Kelakh") == gazetteer.skeleton("Tallkalakh")
    assert gazetteer.skeleton("Qusair") == gazetteer.skeleton("Al Qusayr")
    assert gazetteer.skeleton("Darayya") != gazetteer.skeleton("Deraa")


def test_transliterated_needs_the_country_and_one_town() -> None:
    assert gazetteer.transliterated("Deraa", ["SYR"]).name == "Dar‘ā"
    assert gazetteer.transliterated("Deraa", []) is None  # no country named: not guessed
    assert gazetteer.transliterated("Deraa", ["FRA"]) is None
    assert gazetteer.transliterated("Tal", ["SYR"]) is None  # too short to fold


def test_transliterated_town_places_the_event(run: Run) -> None:
    report = run("Syrian soldiers shot dead three protesters in Deraa on Sunday, witnesses said.")
    event = _assault(report)
    assert _place(report, event) == "Dar‘ā"
    assert event.place_precision == "town"


def test_a_person_is_not_folded_into_a_town(run: Run) -> None:
    report = run("Syrian officials said Bashar had met the envoy, and protests went on in Hama.")
    assert {p.name for p in report.places} <= {"Syria", "Ḩamāh"}


def test_town_the_tagger_reads_as_a_name_when_attacked(run: Run) -> None:
    report = run("Syrian helicopters fired on Tel Kelakh on Sunday, killing five people.")
    event = _assault(report)
    assert _place(report, event) == "Tallkalakh"


def test_deaths_in_an_attack_on_a_town(run: Run) -> None:
    report = run("In Syria, nine people were killed in attacks on Rastan, activists said.")
    event = _assault(report)
    assert _place(report, event) == "Ar Rastan" and event.place_reason == "clause"


def test_unknown_town_of_a_settlement_phrase_is_the_site(run: Run) -> None:
    report = run("Syrian gunmen killed four soldiers in the town of Kafr Zayoun, state media said.")
    event = _assault(report)
    assert event.site is not None and event.site.text == "Kafr Zayoun"
    assert event.place_precision == "site"


def test_named_district_of_a_town_is_the_site(run: Run) -> None:
    report = run("Syrian forces shelled the Bab Sebaa district of Homs on Monday, killing 20.")
    event = next(e for e in report.events if e.trigger.text == "shelled")
    assert _place(report, event) == "Homs"
    assert event.site is not None and "Bab Sebaa" in event.site.text


def test_nationwide_toll_is_the_country(run: Run) -> None:
    text = (
        "Syria's army shelled the city of Hama on Monday.\n"
        "Activists said 31 people were killed across the country on Tuesday, most of them in Hama."
    )
    report = run(text, "2011-08-03")
    event = next(e for e in report.events if "31 people" in [t.name for t in e.target])
    assert _place(report, event) == "Syria"
    assert event.place_precision == "country" and event.place_reason == "nationwide"


def test_dateline_abroad_does_not_place_a_toll_in_another_country(run: Run) -> None:
    text = (
        "BEIRUT (Reuters) - Lebanese police said on Monday they had arrested two men in Beirut.\n"
        "Security forces have killed more than 1,000 Syrian civilians since March, a group said."
    )
    report = run(text, "2011-06-13")
    toll = next(e for e in report.events if e.type == "ASSAULT")
    assert _place(report, toll) != "Beirut"


def test_past_two_days_is_the_day_before_the_report(run: Run) -> None:
    text = "Activists said 40 people had been killed in Syria in the past two days."
    report = run(text, "2012-02-29")
    event = _assault(report)
    assert event.date == "2012-02-28" and event.date_precision == "day"


def test_coordinated_act_shares_the_day(run: Run) -> None:
    report = run("Syrian troops stormed the town on Saturday and killed 12 people, residents said.",
                 "2011-05-16")
    event = next(e for e in report.events if e.trigger.text == "killed")
    assert event.date == "2011-05-14"


def test_people_supported_elsewhere_do_not_place_the_act(run: Run) -> None:
    text = (
        "Syrian demonstrators chanting slogans in support of compatriots in Jisr al-Shughour"
        " marched through the streets on Friday, activists said."
    )
    report = run(text, "2011-06-10")
    chant = next(e for e in report.events if e.trigger.text == "chanting")
    assert chant.location is None and chant.site is None


def test_visit_is_placed_where_the_visitor_went(run: Run) -> None:
    report = run("The British prime minister paid a visit to China last November.", "2011-06-27")
    visit = next(e for e in report.events if e.type == "CONSULT")
    assert _place(report, visit) == "China" and visit.place_reason == "target"


def test_town_taken_is_the_site_when_the_gazetteer_lacks_it(run: Run) -> None:
    report = run("Syrian forces seized control of the mountain town of Kafr Zayoun on Wednesday.")
    event = next(e for e in report.events if e.type == "COERCE")
    assert event.site is not None and event.site.text == "Kafr Zayoun"


def test_nationwide_said_in_a_clause_of_the_sentence(run: Run) -> None:
    text = (
        "Syria's government denied the reports.\n"
        "At least 14 people were killed as protesters came out in force across the country."
    )
    report = run(text, "2011-09-02")
    event = _assault(report)
    assert _place(report, event) == "Syria" and event.place_reason == "nationwide"


def test_coordinated_act_does_not_take_a_year_of_another_happening(run: Run) -> None:
    text = (
        "He said he first heard of the Paris attacks in 2015 and blamed his anger on"
        " coalition airstrikes."
    )
    report = run(text, "2019-05-02")
    blamed = next(e for e in report.events if e.trigger.text == "blamed")
    assert blamed.date is None


def test_a_span_of_days_is_its_week_or_its_month(run: Run) -> None:
    text = (
        "Officials said 40 soldiers were killed in the town between 3 and 6 June.\n"
        "Troops shelled the area on 7-9 June, refugees said."
    )
    report = run(text, "2011-06-22")
    killed = next(e for e in report.events if e.trigger.text == "killed")
    shelled = next(e for e in report.events if e.trigger.text == "shelled")
    assert (killed.date, killed.date_precision) == ("2011-06", "month")  # Friday to Monday
    assert (shelled.date, shelled.date_precision) == ("2011-06-06", "week")


def test_after_friday_prayers_is_that_friday(run: Run) -> None:
    text = (
        "AMMAN (Reuters) - Syrian forces shot dead 28 people at rallies after Friday prayers,"
        " activists said.\n"
        "Some troops fired from rooftops at marchers in Hama, activists said."
    )
    report = run(text, "2011-06-11")
    shot = next(e for e in report.events if e.trigger.text == "shot")
    fired = next(e for e in report.events if e.trigger.text == "fired")
    assert shot.date == "2011-06-10" and fired.date == "2011-06-10"


def test_shelled_town_the_tagger_dropped(run: Run) -> None:
    report = run("Syrian troops shelled Homs on Monday.", "2011-06-27")
    event = _assault(report)
    assert _place(report, event) == "Homs" and event.place_reason == "target"


def test_two_towns_shelled_leave_the_place_unknown(run: Run) -> None:
    report = run("Syrian troops shelled Hama and Homs on Monday.", "2011-06-27")
    assert _assault(report).location is None


def test_the_time_of_an_act_agreed_to_is_not_the_agreement_s(run: Run) -> None:
    report = run("China and Britain had agreed to hold a symposium on trade later this year.")
    agree = next(e for e in report.events if e.type == "AGREE")
    assert agree.date is None


def test_toll_placed_in_the_one_country_its_sentence_names(run: Run) -> None:
    text = (
        "Syria's government denied the reports on Friday.\n"
        "Rights groups say security forces have killed more than 1,100 Syrian civilians."
    )
    report = run(text, "2011-06-11")
    toll = _assault(report)
    assert _place(report, toll) == "Syria" and toll.place_reason == "country"


def test_no_country_guessed_when_the_sentence_names_two(run: Run) -> None:
    text = "Syria's army was on alert.\nSyrian troops crossed into Lebanon and destroyed houses."
    report = run(text, "2012-03-27")
    event = next(e for e in report.events if e.trigger.text == "destroyed")
    assert event.location is None


def test_a_place_in_an_after_clause_is_the_earlier_happening_s(run: Run) -> None:
    text = (
        "The president freed 260 prisoners after security forces fired on protesters"
        " on Friday in the Syrian town of Deraa."
    )
    report = run(text, "2011-03-26")
    freed = next(e for e in report.events if e.trigger.text == "freed")
    assert freed.location is None


def test_an_after_clause_gives_neither_its_place_nor_its_day(run: Run) -> None:
    text = (
        "Syria's president, facing his deepest crisis after security forces fired on"
        " protesters on Friday in the town of Deraa, freed 260 prisoners."
    )
    report = run(text, "2011-03-26")
    freed = next(e for e in report.events if e.trigger.text == "freed")
    assert freed.location is None and freed.date is None


def test_a_span_of_days_is_not_carried_as_its_last_day(run: Run) -> None:
    text = (
        "The government says 120 soldiers were killed in the town between 3 and 6 June.\n"
        "Activists say army units fired on each other."
    )
    report = run(text, "2011-06-22")
    fired = next(e for e in report.events if e.trigger.text == "fired")
    assert fired.date != "2011-06-06"


def test_an_act_embedded_under_a_coordinated_verb_takes_no_time_from_it(run: Run) -> None:
    text = (
        "The assault on Hama in August revived memories of a crackdown nearly 30 years ago,"
        " and led the UN chief to accuse the president of losing all sense of humanity."
    )
    report = run(text, "2011-11-14")
    accuse = next(e for e in report.events if e.type == "ACCUSE")
    assert accuse.date is None


def test_a_running_toll_is_the_story_country_when_the_lead_names_it(run: Run) -> None:
    lead = "AMMAN (Reuters) - Tanks shelled Rastan in Syria on Sunday, residents said. "
    toll = "Rights groups say hundreds of people have been killed in the crackdown."
    report = run(lead + toll, "2011-06-12")
    running = [e for e in report.events if e.trigger.text == "killed"]
    assert [(_place(report, e), e.place_reason) for e in running] == [("Syria", "country")]
    # with no country in the lead, the toll stays unplaced
    bare = run("Tanks shelled a town on Sunday, residents said. " + toll, "2011-06-12")
    assert [_place(bare, e) for e in bare.events if e.trigger.text == "killed"] == [None]


def test_a_new_topic_carries_no_day_or_place(run: Run) -> None:
    text = (
        "Troops shelled the old quarter of Homs on Monday, residents said. "
        "Meanwhile, two bomb blasts killed 28 people, officials said."
    )
    report = run(text, "2012-02-11")
    blasts = [e for e in report.events if e.type == "ASSAULT" and e.trigger.start > 60]
    assert blasts and all(e.date is None and _place(report, e) is None for e in blasts)


def test_a_death_told_with_its_cause_is_placed_in_the_town_attacked(run: Run) -> None:
    text = "Residents said 50 people died when soldiers, backed by tanks, stormed Deir al-Zour."
    report = run(text, "2011-08-08")
    deaths = [e for e in report.events if e.trigger.text == "died"]
    assert [(_place(report, e), e.place_reason) for e in deaths] == [("Deir ez-Zor", "target")]


def test_a_town_named_under_two_of_phrases_places_the_act(run: Run) -> None:
    text = (
        "Troops stormed homes in an old quarter of the city of Homs on Tuesday, "
        "activists said, detaining dozens of men."
    )
    report = run(text, "2011-08-16")
    held = next(e for e in report.events if e.trigger.text == "detaining")
    assert (_place(report, held), held.place_reason) == ("Homs", "sentence")


def test_a_home_country_doer_places_its_act_when_others_only_comment(run: Run) -> None:
    text = (
        "Syria's government denied the reports.\n"
        "Britain and France on Thursday condemned the Syrian army's crackdown on protesters."
    )
    report = run(text, "2011-06-09")
    crackdown = next(e for e in report.events if e.trigger.text == "crackdown")
    assert (_place(report, crackdown), crackdown.place_reason) == ("Syria", "country")
    # a party of another country, or a place abroad, leaves the act unplaced
    for line in (
        "Syrian jets bombed a Lebanese border village on Monday.",
        "Syrian troops shelled villages in Lebanon on Monday.",
    ):
        other = run("Syria's government denied the reports.\n" + line, "2012-03-27")
        attack = _assault(other)
        assert _place(other, attack) != "Syria"
    # an attack feared, not done, has no scene yet
    feared = run("Syria's army was on alert.\nIraq says it is ready for any attack by "
                 "Syrian forces.", "2012-07-19")
    assert all(e.location is None for e in feared.events if e.type == "ASSAULT")


def test_a_lead_naming_the_story_country_s_people_places_its_running_toll(run: Run) -> None:
    text = (
        "Turkey took in thousands of Syrian refugees on Monday.\n"
        "They fled shelling in Jisr al-Shughour and Idlib in Syria, officials said.\n"
        "Rights groups say more than 900 people have been killed since March."
    )
    report = run(text, "2011-06-13")
    toll = next(e for e in report.events if e.trigger.text == "killed")
    assert (_place(report, toll), toll.place_reason) == ("Syria", "country")


def test_where_a_statement_was_made_is_not_where_the_act_it_tells_was(run: Run) -> None:
    text = (
        "Syria's government denied the reports.\n"
        "The minister said in Ankara on Monday that troops had arrested hundreds of people."
    )
    report = run(text, "2011-06-09")
    arrest = next(e for e in report.events if e.trigger.text == "arrested")
    assert _place(report, arrest) != "Ankara"
    # the speaker's own act is placed where the speaker was
    spoke = run(
        "Syria's government denied the reports.\n"
        "NATO's secretary general, speaking in Tripoli on Monday, urged Syria to end the "
        "violence.",
        "2011-06-09",
    )
    urged = next(e for e in spoke.events if e.trigger.text == "urged")
    assert _place(spoke, urged) == "Tripoli"
    # a verb of reporting under the act is the act's own place
    banned = run("Syria's government denied the reports.\nForeign media are banned from "
                 "reporting in Syria.", "2011-06-09")
    ban = next(e for e in banned.events if e.trigger.text == "banned")
    assert _place(banned, ban) == "Syria"
    # an act told of the speaker's place itself is placed there
    summit = run("Syria's government denied the reports.\nThe minister told reporters in "
                 "Jakarta, where he was attending a summit, that Syria must change.", "2011-11-18")
    met = [e for e in summit.events if e.trigger.text == "summit"]
    assert [_place(summit, e) for e in met] == ["Jakarta"]
    # a place put before the verb of saying sets the scene of what is told
    fronted = run("Floods hit the Bahamas.\nIn Puerto Rico, officials said 80 looters had "
                  "been arrested.", "2011-08-23")
    held = next(e for e in fronted.events if e.trigger.text == "arrested")
    assert _place(fronted, held) == "Puerto Rico"


def test_a_dateline_places_neither_an_attacked_town_s_act_nor_an_old_one(run: Run) -> None:
    text = (
        "DAMASCUS (Reuters) - Syrian troops shelled Homs on Sunday, residents said. "
        "In 2004, security forces killed 30 Kurds during riots."
    )
    report = run(text, "2011-06-12")
    shelled = next(e for e in report.events if e.trigger.text == "shelled")
    assert (_place(report, shelled), shelled.place_reason) == ("Homs", "target")
    old = next(e for e in report.events if e.trigger.text == "killed")
    assert old.date == "2004" and old.location is None
    # today's act with no place of its own still takes the dateline
    today = run("DAMASCUS (Reuters) - Security forces killed 30 people on Sunday.", "2011-06-12")
    assert _place(today, _assault(today)) == "Damascus"


def test_a_running_toll_told_by_the_story_s_country_is_that_country_s(run: Run) -> None:
    lead = "BEIRUT (Reuters) - Protests went on in Hama, Syria, on Friday.\n"
    report = run(lead + "Syria says over 500 soldiers have been killed by armed groups.",
                 "2011-08-27")
    toll = _assault(report)
    assert (_place(report, toll), toll.place_reason) == ("Syria", "country")
    # told by another country, the toll is not placed in the story's
    other = run(lead + "Lebanon says over 50 soldiers have been killed by armed groups.",
                "2011-08-27")
    assert _assault(other).location is None


def test_a_lead_naming_the_story_s_leader_by_his_title_names_the_country(run: Run) -> None:
    text = (
        "Supporters of Syrian President Bashar al-Assad praised his speech on Monday.\n"
        "Protesters marched in Hama and Homs in Syria.\n"
        "Human rights groups say at least 1,300 civilians have been killed since the "
        "protests started in mid-March."
    )
    report = run(text, "2011-06-20")
    toll = next(e for e in report.events if e.trigger.text == "killed")
    assert (_place(report, toll), toll.place_reason) == ("Syria", "country")


def test_where_the_teller_of_a_running_toll_is_does_not_place_it(run: Run) -> None:
    text = (
        "Syrian forces shelled Homs in Syria on Friday.\n"
        "Authorities in Damascus say 1,100 soldiers have been killed since March."
    )
    report = run(text, "2011-06-20")
    toll = next(e for e in report.events if e.trigger.text == "killed")
    assert (_place(report, toll), toll.place_reason) == ("Syria", "country")


def test_an_attack_noun_aimed_at_one_town_is_placed_there(run: Run) -> None:
    lead = "Syria's army was on alert.\n"
    report = run(lead + "Troops are said to have begun a new assault on the town of Deraa.",
                 "2012-02-17")
    assault = _assault(report)
    assert (_place(report, assault), assault.place_reason) == ("Dar‘ā", "target")
    two = run(lead + "Rebels planned an attack on Homs and Hama.", "2012-02-17")
    assert _assault(two).location is None


def test_a_town_the_tagger_took_for_a_date_is_not_replaced_by_the_last_town(run: Run) -> None:
    lead = "Security forces fired on protesters in Hama, Syria, on Friday.\n"
    report = run(lead + "State television said troops had killed two gunmen in Talbisseh.",
                 "2011-09-02")
    killed = next(e for e in report.events if e.trigger.text == "killed")
    assert killed.location is None and killed.site is not None
    assert killed.site.text == "Talbisseh"
    # a month is still a month
    month = run(lead + "State television said troops had killed two gunmen in May.",
                "2011-09-02")
    assert all(e.site is None for e in month.events)


def test_the_protests_a_running_toll_counts_from_are_the_country_s(run: Run) -> None:
    text = (
        "Security forces fired on protesters in Hama, Syria, on Friday.\n"
        "Human rights groups say at least 1,300 civilians have been killed since the "
        "protests started in mid-March."
    )
    report = run(text, "2011-06-20")
    began = next(e for e in report.events if e.trigger.text == "protests")
    assert (_place(report, began), began.place_reason) == ("Syria", "country")


def test_a_town_owning_the_site_of_the_act_places_it(run: Run) -> None:
    text = (
        "In Cairo's Tahrir Square, crowds demanded the ruler's trial; but in Oman police "
        "prevented a planned demonstration."
    )
    report = run(text, "2011-04-08")
    demand = next(e for e in report.events if e.trigger.text == "demanded")
    assert (_place(report, demand), demand.place_reason) == ("Cairo", "clause")
    # what a country owns that is no place ("its oil industry", "its future") is not
    industry = run("Turkey said on Monday it would ban new investments in Syria's oil "
                   "industry.", "2011-09-22")
    assert all(e.location is None for e in industry.events)


def test_the_country_of_another_people_is_not_guessed_as_the_story_s(run: Run) -> None:
    lead = "Lebanon's army was on alert in Beirut and Tripoli, Lebanon.\n"
    report = run(lead + "Exiled Syrian opposition activists have called for mass protests "
                 "across the country after Friday prayers.", "2011-04-21")
    assert all(e.location is None for e in report.events)
    plain = run(lead + "Activists have called for mass protests across the country after "
                "Friday prayers.", "2011-04-21")
    assert [e.place_reason for e in plain.events] == ["nationwide"]


def test_the_place_of_the_happening_an_act_was_done_in(run: Callable[..., Report]) -> None:
    text = (
        "Security forces killed four civilians in protests that erupted in the central city "
        "of Hama on Friday."
    )
    (assault,) = [e for e in run(text, "2011-03-21").events if e.type == "ASSAULT"]
    places = {p.id: p.name for p in run(text, "2011-03-21").places}
    assert places.get(assault.location or "") == "Ḩamāh"


def test_a_town_beats_its_country_named_in_the_same_sentence(run: Callable[..., Report]) -> None:
    text = (
        "In Syria, activists say at least 20 soldiers were killed by rebels in the province "
        "of Latakia."
    )
    report = run(text, "2012-06-20")
    (assault,) = [e for e in report.events if e.type == "ASSAULT"]
    place = next(p for p in report.places if p.id == assault.location)
    assert place.feature != "country" and place.country == "SYR"


def test_the_twin_of_a_passive_shares_its_patient(run: Callable[..., Report]) -> None:
    text = "State television said 17 police had been ambushed and killed in the central city."
    killed = [e for e in run(text, "2011-06-05").events if e.trigger.text == "killed"]
    assert killed and all(not e.source for e in killed)


def test_the_attacked_town_sets_the_scene_of_the_next_toll(run: Callable[..., Report]) -> None:
    text = (
        "Syrian tanks renewed their assault on Hama on Tuesday.\n"
        "Residents said three more people were killed by sniper fire."
    )
    report = run(text, "2011-08-03")
    killed = [e for e in report.events if e.trigger.text == "killed"]
    names = {p.id: p.name for p in report.places}
    assert killed and names.get(killed[0].location or "") == "Ḩamāh"


def test_a_dateline_does_not_place_a_foreign_governments_words(run: Callable[..., Report]) -> None:
    text = (
        "CAIRO (Reuters) - Protesters stormed the Israeli embassy in Cairo on Friday. "
        "British Prime Minister David Cameron urged Egypt to protect diplomats."
    )
    report = run(text, "2011-09-10")
    (urge,) = [e for e in report.events if e.type == "REQUEST"]
    assert urge.location is None
    local = "CAIRO (Reuters) - The Egyptian foreign minister urged calm on Friday."
    placed = [e for e in run(local, "2011-09-10").events if e.type == "REQUEST"]
    assert all(e.place_reason in (None, "dateline") for e in placed)


def test_the_story_countrys_act_told_from_abroad_is_placed_at_home(
    run: Callable[..., Report],
) -> None:
    text = (
        "ANKARA (Reuters) - Turkey's prime minister stepped up his criticism of Syria on "
        "Tuesday, as the unrest in Syria went on and refugees fled Syria. He said President "
        "Bashar al-Assad's forces had arrested hundreds of protesters."
    )
    report = run(text, "2011-10-04")
    names = {p.id: p.name for p in report.places}
    arrests = [e for e in report.events if e.type == "COERCE"]
    assert arrests and all(names.get(e.location or "") == "Syria" for e in arrests)


def test_the_country_is_the_one_its_sentence_is_in(run: Run) -> None:
    # a story mostly about Russia's diplomacy: "the country" is the one the sentence is in
    text = (
        "Russia said on Friday it would oppose the draft. Moscow has sold arms to Damascus"
        " for years, and Russia's envoy met Western diplomats in New York.\n"
        "In Yemen itself, 12 people were killed in clashes across the country on Friday,"
        " activists said."
    )
    report = run(text, "2012-02-03")
    event = next(e for e in report.events if e.type == "ASSAULT")
    assert _place(report, event) == "Yemen" and event.place_reason == "nationwide"


def test_the_province_an_attack_is_on_beats_another_clauses_town(run: Run) -> None:
    text = (
        "Warplanes attacked the rebel-held province of Idlib on Thursday, as donors met in"
        " Geneva to pledge aid for refugees."
    )
    report = run(text, "2019-03-14")
    attack = _assault(report)
    assert _place(report, attack) == "Idlib" and attack.place_reason == "target"
