"""Quotes: direct, split, continued, partial and scare quotes, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.extractors.quotemarks import find_marked
from flashpoint.models import Quote, Report

Run = Callable[..., Report]


def _only(report: Report, fragment: str) -> Quote:
    found = [q for q in report.quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in report.quotes]
    return found[0]


def _speaker_text(report: Report, quote: Quote) -> str:
    assert quote.speaker is not None and quote.speaker.start is not None
    return report.document.text[quote.speaker.start : quote.speaker.end]


def test_offsets_are_inside_the_marks(run: Run) -> None:
    text = "\u201cThe bridge is closed,\u201d the mayor said on Friday."
    report = run(text)
    quote = _only(report, "bridge")
    assert quote.text == "The bridge is closed,"
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.sentence is not None and quote.sentence.start <= quote.start
    assert _speaker_text(report, quote) == "the mayor"
    assert quote.partial is False


def test_pronoun_speaker_after_the_quote(run: Run) -> None:
    report = run('"We will hold the line," he said.')
    quote = _only(report, "hold the line")
    assert _speaker_text(report, quote) == "he"
    assert quote.speaker is not None and quote.speaker.name  # "he" or the resolved actor


def test_inverted_cue_said_name(run: Run) -> None:
    report = run('"The harvest failed again," said Rosa Mendez, a farmer near the border.')
    quote = _only(report, "harvest")
    assert "Rosa Mendez" in _speaker_text(report, quote)


def test_colon_frame_before_the_quote(run: Run) -> None:
    report = run('The interior minister said: "Order has been restored in every district."')
    quote = _only(report, "Order has been restored")
    assert "interior minister" in _speaker_text(report, quote)
    assert quote.cue is not None and quote.cue.text == "said"


def test_told_reporters_frame(run: Run) -> None:
    report = run('The rebel commander told reporters "We are ready to negotiate today."')
    quote = _only(report, "ready to negotiate")
    assert "commander" in _speaker_text(report, quote)
    assert quote.cue is not None and quote.cue.text == "told"


def test_quote_split_around_its_cue(run: Run) -> None:
    report = run('"The talks are over," the envoy said. "There is nothing left to discuss."')
    first = _only(report, "talks are over")
    second = _only(report, "nothing left")
    assert _speaker_text(report, first) == "the envoy"
    assert second.speaker == first.speaker


def test_added_cue_on_the_second_part(run: Run) -> None:
    report = run(
        '"Aid trucks are waiting at the crossing," the official said. '
        '"They cannot move until the shelling stops," she added.'
    )
    second = _only(report, "cannot move")
    assert second.cue is not None and second.cue.text == "added"
    assert _speaker_text(report, second) == "she"


def test_continued_paragraph_inherits_the_speaker(run: Run) -> None:
    text = (
        '"We lost three homes in the flood," the village elder said.\n\n'
        '"Nobody from the capital has come to see us."'
    )
    report = run(text)
    first = _only(report, "three homes")
    second = _only(report, "Nobody from the capital")
    assert first.speaker is not None
    assert second.speaker == first.speaker


def test_unrelated_paragraph_quote_does_not_inherit(run: Run) -> None:
    text = (
        '"We lost three homes," the village elder said.\n\n'
        "The river rose by two metres overnight and the road to the valley was cut.\n\n"
        '"Nobody has come to see us."'
    )
    report = run(text)
    assert _only(report, "Nobody has come").speaker is None


def test_partial_quote_takes_the_subject_of_the_stance_verb(run: Run) -> None:
    report = run('The general pledged "absolute loyalty" to the new government.')
    quote = _only(report, "absolute loyalty")
    assert quote.partial is True
    assert "general" in _speaker_text(report, quote)
    assert quote.cue is not None and quote.cue.text == "pledged"


def test_described_as_partial_quote(run: Run) -> None:
    report = run('The foreign ministry described the militia as a "terrorist" organisation.')
    quote = _only(report, "terrorist")
    assert quote.partial is True
    assert "ministry" in _speaker_text(report, quote)


def test_scare_quote_has_no_speaker(run: Run) -> None:
    report = run('The so-called "peace corridor" was closed within a week.')
    quote = _only(report, "peace corridor")
    assert quote.partial is True
    assert quote.speaker is None


def test_dash_signed_quote(run: Run) -> None:
    report = run("\u201cWe just want the schools to reopen.\u201d \u2014 Amina Yusuf")
    quote = _only(report, "schools to reopen")
    assert quote.speaker is not None and quote.speaker.name == "Amina Yusuf"


def test_no_quotes_no_records(run: Run) -> None:
    assert run("The parliament met on Tuesday and adjourned without a vote.").quotes == []


def test_find_marked_handles_curly_single_and_unclosed_marks() -> None:
    text = "He called it \u2018a disgrace\u2019 and it isn\u2019t over.\n\u201cThe march goes on"
    marked = find_marked(text)
    assert [text[m.start : m.end] for m in marked] == ["a disgrace", "The march goes on"]
    assert marked[-1].closed is False


def test_colon_headline_names_the_speaker_of_a_quote(run: Run) -> None:
    report = run("Mayor Ana Ruiz: \u2018We will return to the streets.\u2019\n\nThe march began.")
    quote = _only(report, "return to the streets")
    assert quote.speaker is not None and quote.speaker.name == "Mayor Ana Ruiz"
    assert quote.cue is not None and quote.cue.text == ":"


def test_nested_quote_closing_first_still_hands_over_to_the_cue(run: Run) -> None:
    report = run("\"They keep saying 'wait a little longer,'\" the union leader said.")
    quote = _only(report, "keep saying")
    assert "union leader" in _speaker_text(report, quote)


def test_cue_pronoun_takes_the_subject_of_the_last_sentence(run: Run) -> None:
    report = run(
        "Prime Minister Omar Haddad met Defence Minister Karim Nasser in Amman on Tuesday. "
        "Nasser, speaking to reporters outside the ministry, said the army was ready.\n"
        "\u201cWe will not be taken by surprise,\u201d he said."
    )
    quote = _only(report, "surprise")
    assert quote.speaker is not None and quote.speaker.name == "Karim Nasser"


def test_relative_clause_is_not_part_of_the_speaker(run: Run) -> None:
    report = run(
        "\u201cWe will not back down,\u201d said Karim Nasser, who met the envoy on Monday."
    )
    quote = _only(report, "back down")
    assert _speaker_text(report, quote) == "Karim Nasser"
