"""Actor rules for real news (issue 8): sentence-initial common nouns, headline
fragments, places as targets and plural pronouns, each on a sentence written here."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.models import Event, Report


def _events(run: Callable[..., Report], text: str) -> list[Event]:
    return run(text, "2012-05-28").events


def _first(run: Callable[..., Report], text: str, type_: str) -> Event:
    return next(e for e in _events(run, text) if e.type == type_)


# --- capitalized common nouns at the start of a sentence -----------------------


def test_sentence_initial_common_noun_is_a_sector_not_a_name(run: Callable[..., Report]) -> None:
    event = _first(run, "Militiamen attacked the village of Kafr Nabl on Friday.", "ASSAULT")
    assert event.source[0].sector == "REB" and event.source[0].country is None


def test_police_opening_a_sentence_is_the_police(run: Callable[..., Report]) -> None:
    event = _first(run, "Police arrested four men in the town of Taftanaz on Tuesday.", "COERCE")
    assert event.source[0].sector == "COP" and event.source[0].country is None


def test_a_misspelt_name_opening_a_sentence_stays_a_name(run: Callable[..., Report]) -> None:
    event = _first(run, "Ethiopa agreed to reopen its border to UN monitors.", "AGREE")
    assert event.source and event.source[0].name == "Ethiopa"


# --- headline fragments ---------------------------------------------------------


def test_title_case_headline_words_are_not_actors(run: Callable[..., Report]) -> None:
    report = run("Army Defectors Attack Base\nDefectors attacked an air base near Hama on Monday.")
    names = {a.name for a in report.actors}
    assert "Attack Base" not in names and not any("Defectors Attack" in n for n in names)


def test_a_headline_name_the_body_repeats_is_kept(run: Callable[..., Report]) -> None:
    report = run("Annan Meets Assad In Damascus\nKofi Annan met Bashar al-Assad on Tuesday.")
    assert {"Kofi Annan", "Bashar al-Assad"} <= {a.name for a in report.actors}


# --- places as targets ------------------------------------------------------------


def test_a_shelled_town_is_the_place_not_the_target(run: Callable[..., Report]) -> None:
    event = _first(run, "Soldiers shelled the town of Talbiseh on Monday.", "ASSAULT")
    assert event.target == []


def test_an_attacked_country_is_the_target(run: Callable[..., Report]) -> None:
    event = _first(run, "Libya attacked Chad in 1987.", "ASSAULT")
    assert [p.name for p in event.target] == ["Chad"]


# --- plural pronouns -----------------------------------------------------------------


def test_they_takes_the_one_group_of_the_previous_sentence(run: Callable[..., Report]) -> None:
    text = "Police stopped a bus near the border on Sunday. They arrested four men."
    event = _first(run, text, "COERCE")
    assert event.source[0].sector == "COP"


def test_they_after_two_groups_is_left_empty(run: Callable[..., Report]) -> None:
    text = "The army and the rebels clashed near Saraqeb on Monday. They killed five civilians."
    killed = [e for e in _events(run, text) if e.trigger.text == "killed"]
    assert killed and killed[0].source == []


def test_an_unresolved_they_is_no_party_but_the_event_stands(run: Callable[..., Report]) -> None:
    text = "Witnesses said the boys had written slogans on a wall. They were arrested."
    event = _first(run, text, "COERCE")
    assert event.target == [] and event.source == []


def test_they_after_a_group_and_an_institution_is_left_empty(run: Callable[..., Report]) -> None:
    text = "The city police dispersed party activists after they staged a rally in the square."
    rally = next(e for e in _events(run, text) if e.type == "PROTEST")
    assert not any(p.sector == "COP" for p in rally.source)


def test_an_object_pronoun_skips_its_own_clause_subject(run: Callable[..., Report]) -> None:
    report = run("Students gathered outside the ministry, and police chased them away.")
    students = next(a for a in report.actors if a.name == "Students")
    assert any(m.text == "them" for m in students.mentions)


def test_a_counted_nationality_is_its_people(run: Callable[..., Report]) -> None:
    event = _first(run, "Thousands of Sudanese rallied in Khartoum on Wednesday.", "PROTEST")
    assert event.source[0].actor is None or event.source[0].sector == "CVL"
    assert event.source[0].country == "SDN"
