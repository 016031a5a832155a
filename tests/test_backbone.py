"""The backbone splits headlines and paragraphs, not hard-wrapped sentences."""

from __future__ import annotations

from flashpoint.config import DEFAULT
from flashpoint.nlp import load


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load(DEFAULT.model)(text).sents if s.text.strip()]


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    text = (
        "Border talks stall\n"
        "The foreign minister left Geneva on Tuesday without an agreement, aides said."
    )
    assert _sentences(text)[0] == "Border talks stall"


def test_hard_wrapped_sentence_stays_whole() -> None:
    text = (
        "The defence ministry said on Thursday that the convoy carrying fuel and medicine\n"
        "had crossed the northern checkpoint before dawn without incident."
    )
    sents = _sentences(text)
    assert len(sents) == 1 and sents[0].endswith("incident.")


def test_paragraphs_ending_in_quotes_split() -> None:
    text = '"We will not retreat," the general said.\nHis troops held the bridge overnight.'
    assert _sentences(text)[1] == "His troops held the bridge overnight."
