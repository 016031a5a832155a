"""The optional sports pass: off by default, on when named (sentences written here)."""

from __future__ import annotations

import pytest

from flashpoint.config import DEFAULT, Settings
from flashpoint.errors import UnknownComponent
from flashpoint.extractors.entities import entities
from flashpoint.nlp import load
from flashpoint.pipeline import extract

RESULTS = "SOCCER - WEEKEND RESULTS\nBolton 2 Wigan 1\nBurnley 0 Stockport 3\n"


def _labels(text: str, passes: tuple[str, ...] = ()) -> dict[str, str]:
    doc = load(DEFAULT.model)(text)
    return {text[s:e]: label for s, e, label in entities(doc, passes)}


def test_results_lines_name_teams_only_with_the_sports_pass() -> None:
    on = _labels(RESULTS, ("sports",))
    assert on.get("Bolton") == "ORG" and on.get("Wigan") == "ORG" and on.get("Burnley") == "ORG"
    off = _labels(RESULTS)
    assert "ORG" not in off.values()


def test_a_town_in_crisis_news_stays_a_place_by_default() -> None:
    text = "Protesters beat back police lines in Bolton, and Wigan lost power overnight."
    report = extract(text, "2024-03-13", settings=Settings(check_language=False))
    assert "Bolton" in {p.name for p in report.places}


def test_an_unknown_pass_is_a_named_error() -> None:
    doc = load(DEFAULT.model)("Officials met on Monday.")
    with pytest.raises(UnknownComponent, match="entity pass"):
        entities(doc, ("cricket",))
